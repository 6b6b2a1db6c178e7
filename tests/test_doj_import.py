"""`tracker import doj FILE...`: saved API responses and release pages -> the database."""
from __future__ import annotations

import json

from dbquery import q

from scrapers.db import content_hashes

DOJ_TABLES = ("press_releases", "prosecutions", "defendants", "link_candidates", "errors")


def doj_files(fixtures, *names):
    return [fixtures / "doj" / n for n in names]


def test_import_stores_only_fentanyl_releases_deduplicated(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", *doj_files(fixtures, "list_page0_pagesize3.json", "list_page7_pagesize3.json",
                                        "item_3f1c9a52_fields4.json"))
    rows = q(db, "select id, agency, url, published, office, district, topics, number, changed from press_releases"
                 " order by id")
    ids = [r[0] for r in rows]
    # 7 items in the files: 5 distinct releases, one of them (tax fraud) not about fentanyl
    assert ids == ["doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e01", "doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e03",
                   "doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e04", "doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e05"]
    assert {r[1] for r in rows} == {"DOJ"}
    assert all(r[2].startswith("https://www.justice.gov/") for r in rows)
    roundup = dict(zip(("id", "agency", "url", "published", "office", "district", "topics", "number", "changed"), rows[0]))
    assert roundup["published"] == "2024-07-03" and roundup["district"] == "Northern District of Ohio"
    assert roundup["office"] == "Drug Enforcement Administration (DEA); USAO - Ohio, Northern"
    assert json.loads(roundup["topics"]) == ["Drug Trafficking"]
    assert roundup["number"] is None and roundup["changed"] == "2024-07-04T00:00:00Z"
    # the newest copy of the round-up won (age 34, not the older copy's 33)
    assert q(db, "select age from defendants where name = 'Tobias R. Quennell'") == [(34,)]
    # the 4-field by-uuid copy did not replace the full record
    precursor = q(db, "select number, length(body_text) > 100, precursor_case, cartel_case, money_laundering,"
                      " online_sales, countries from press_releases where id like '%5e03'")[0]
    assert precursor[:6] == ("24-811", 1, 1, 1, 1, 1)
    assert set(json.loads(precursor[6])) >= {"China", "Mexico"}
    assert q(db, "select count(*) from press_releases where title like '%False Tax Returns%'") == [(0,)]
    assert q(db, "select count(*) from errors") == [(0,)]


def test_round_up_and_company_defendants_in_the_database(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", *doj_files(fixtures, "list_page0_pagesize3.json"))
    got = dict(q(db, "select name, action from defendants"))
    assert got == {"Tobias R. Quennell": "sentenced", "Rosalind Ferrante-Vale": "pleaded_guilty",
                   "Desmond Achterberg": "pleaded_guilty", "Lucius Marwick": "sentenced",
                   "Qinghe Ruitai Biotech Co., Ltd.": "charged", "Lin Haoran": "charged", "Gu Meixin": "charged"}
    assert q(db, "select is_company, residence_country from defendants where name like 'Qinghe%'") == [(1, "China")]
    pros = q(db, "select id, action, district, defendant_count from prosecutions where press_release_id like '%5e03'")
    assert pros == [("doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e03#1", "charged", "Southern District of New York", 3)]
    # defendants point at their prosecution row
    assert q(db, "select count(*) from defendants d left join prosecutions p on p.id = d.prosecution_id"
                 " where p.id is null") == [(0,)]


def test_saved_release_pages(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", *doj_files(fixtures, "release_page_2024_theme.html", "release_page_2020_theme.html"))
    rows = q(db, "select id, url, published, district, number from press_releases order by published")
    assert rows == [
        ("doj:page:two-arrested-in-counterfeit-pill-press-operation", None, "2020-10-27", None, "20-1187"),
        ("doj:page:usao-sdga/pr/westland-pharmacist-indicted-diverting-fentanyl-patches",
         "https://www.justice.gov/usao-sdga/pr/westland-pharmacist-indicted-diverting-fentanyl-patches",
         "2024-03-12", "Southern District of Georgia", "24-031")]
    assert dict(q(db, "select name, action from defendants")) == {
        "Conrad Ellery Whitmore": "charged", "Marisol Quintero Baeza": "arrested", "Ignatius Feldmann": "arrested"}


def test_a_page_without_date_fails_loudly_naming_the_file(run_cli, workdir, fixtures):
    res = run_cli("import", "doj", fixtures / "doj" / "release_page_without_date.html", expect=1)
    assert "release_page_without_date.html" in res.output + res.stderr and "no date" in res.output + res.stderr
    assert not (workdir / "tracker.db").exists()


def test_a_file_that_is_not_an_api_response_fails_loudly(run_cli, workdir, fixtures):
    res = run_cli("import", "doj", fixtures / "doj" / "not_an_api_response.json", expect=1)
    assert "not_an_api_response.json" in res.output + res.stderr


def test_an_item_without_uuid_rejects_the_import_naming_file_and_item(run_cli, workdir, fixtures):
    res = run_cli("import", "doj", fixtures / "doj" / "list_item_without_uuid.json", expect=1)
    text = res.output + res.stderr
    assert "list_item_without_uuid.json" in text and "row 0" in text and "uuid" in text


def test_importing_the_same_files_twice_changes_nothing(run_cli, workdir, fixtures):
    files = doj_files(fixtures, "list_page0_pagesize3.json", "item_3f1c9a52_fields4.json")
    run_cli("import", "doj", *files)
    before = content_hashes(workdir / "tracker.db")
    res = run_cli("import", "doj", *files)
    assert "Nothing new" in res.output
    assert content_hashes(workdir / "tracker.db") == before


def test_rebuild_reproduces_the_doj_tables(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", *doj_files(fixtures, "list_page7_pagesize3.json"))
    run_cli("import", "doj", *doj_files(fixtures, "list_page0_pagesize3.json", "release_page_2024_theme.html"))
    run_cli("import", "doj", *doj_files(fixtures, "item_3f1c9a52_fields4.json"))
    incremental = content_hashes(db)
    run_cli("rebuild")
    rebuilt = content_hashes(db)
    for table in DOJ_TABLES:
        assert rebuilt[table] == incremental[table], table
    assert incremental["press_releases"][0] == 5


def test_acceptance_corpus_import(run_cli, workdir, corpus):
    d = corpus / "doj"
    db = workdir / "tracker.db"
    run_cli("import", "doj", d / "api-example-press_releases-list-page5-pagesize2.json",
            d / "api-example-press_release-by-uuid-98baba74.json")
    assert q(db, "select count(*), sum(mentions_fentanyl), min(published), max(published) from press_releases"
                 " where agency = 'DOJ'") == [(2, 2, "2024-08-07", "2024-08-07")]
    assert q(db, "select action, district from defendants where name = 'Liban Abdikadar Abdullahi'") == [
        ("charged", "District of Minnesota")]


def test_a_saved_page_gives_way_to_the_api_record_of_the_same_url(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", fixtures / "doj" / "release_page_2024_theme.html")
    assert [r[0] for r in q(db, "select id from press_releases")] == [
        "doj:page:usao-sdga/pr/westland-pharmacist-indicted-diverting-fentanyl-patches"]
    run_cli("import", "doj", fixtures / "doj" / "item_westland_pharmacist.json")
    assert q(db, "select id, number from press_releases") == [("doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e06", "24-031")]
    assert q(db, "select name, press_release_id from defendants") == [
        ("Conrad Ellery Whitmore", "doj:3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e06")]
    # and the page imported again afterwards does not bring the duplicate back
    run_cli("import", "doj", fixtures / "doj" / "release_page_2024_theme.html", fixtures / "doj" / "item_westland_pharmacist.json")
    assert q(db, "select count(*) from press_releases") == [(1,)]
