"""`tracker import treasury`: releases stored, linked to the SDN list with evidence, dates
filled or conflicts recorded, idempotent re-imports and exact rebuilds."""
from __future__ import annotations

import json
import shutil

import pytest
from dbquery import one, q

from scrapers.db import content_hashes

TREASURY_TABLES = ("press_releases", "press_release_designations", "release_links", "recent_actions",
                   "conflicts", "designations")


@pytest.fixture
def tdir(fixtures):
    return fixtures / "treasury"


@pytest.fixture
def releases(tdir):
    return sorted((tdir / "releases").glob("tf*.html"))


def designated(db, rid):
    return {r[0] for r in q(db, "select uid from press_release_designations where press_release_id = ?"
                                " and role = 'designated'", f"treasury:{rid}")}


def test_import_stores_every_release_flagged(run_cli, workdir, releases):
    run_cli("import", "treasury", *releases)
    db = workdir / "tracker.db"
    rows = q(db, "select id, agency, url, published, is_eo14059, mentions_fentanyl, recent_actions_url"
                 " from press_releases order by id")
    assert rows == [
        ("treasury:tf1001", "Treasury", "https://home.treasury.gov/news/press-releases/tf1001", "2024-02-29", 1, 1,
         "https://ofac.treasury.gov/recent-actions/20240229"),
        ("treasury:tf1002", "Treasury", "https://home.treasury.gov/news/press-releases/tf1002", "2024-06-05", 1, 1,
         "https://ofac.treasury.gov/recent-actions/20240605"),
        ("treasury:tf1003", "Treasury", "https://home.treasury.gov/news/press-releases/tf1003", "2024-04-10", 0, 0,
         "https://ofac.treasury.gov/recent-actions/20240410"),
        ("treasury:tf1004", "Treasury", "https://home.treasury.gov/news/press-releases/tf1004", "2024-05-15", 0, 1, None),
        ("treasury:tf1005", "Treasury", "https://home.treasury.gov/news/press-releases/tf1005", "2019-09-12", 0, 1, None),
        ("treasury:tf1006", "Treasury", "https://home.treasury.gov/news/press-releases/tf1006", "2024-06-20", 0, 0, None),
    ]
    assert json.loads(one(db, "select countries from press_releases where id = 'treasury:tf1001'")) == ["Mexico"]
    assert one(db, "select fetched_at from press_releases where id = 'treasury:tf1001'")
    links = dict(q(db, "select url, kind from release_links where press_release_id = 'treasury:tf1001'"))
    assert links["https://www.justice.gov/usao-sdca/pr/chemical-broker-charged-fentanyl-precursors"] == "doj-release"
    assert links["https://ofac.treasury.gov/recent-actions/20240229"] == "recent-actions"
    # Designees are linked only for E.O. 14059 releases; without a list they stay unmatched
    assert one(db, "select count(*) from press_release_designations where uid is not null") == 0
    assert {r[0] for r in q(db, "select distinct press_release_id from press_release_designations")} == {
        "treasury:tf1001", "treasury:tf1002"}


def test_bad_page_is_refused_naming_the_file(run_cli, workdir, tdir):
    bad = tdir / "releases" / "broken_no_date.html"
    result = run_cli("import", "treasury", tdir / "releases" / "tf1001.html", bad, expect=1)
    assert str(bad) in result.output and "no publication date" in result.output
    assert not (workdir / "tracker.db").exists()


def test_designees_linked_to_the_list_with_evidence(run_cli, workdir, tdir, releases):
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", *releases)
    db = workdir / "tracker.db"
    assert designated(db, "tf1001") == {71001, 71002, 71003, 71004}
    assert designated(db, "tf1002") == {71011, 71012, 71013}
    row = q(db, "select name_in_text, matched_name, match_method, match_score, evidence, countries"
                " from press_release_designations where uid = 71002")[0]
    assert row[:4] == ("Quimica, Reactivos y Solventes del Valle, S.A. de C.V.",
                       "QUIMICA, REACTIVOS Y SOLVENTES DEL VALLE, S.A. DE C.V.", "exact", 1.0)
    evidence = json.loads(row[4])
    assert evidence["joined_from"] == ["Quimica", "Reactivos y Solventes del Valle", "S.A. de C.V."]
    assert "Zapopan-based" in evidence["sentence"]
    accented = q(db, "select name_in_text, matched_name, match_method from press_release_designations where uid = 71011")
    assert accented == [("Teodora Villaseñor Kuri", "VILLASENOR KURI, Teodora", "exact")]   # accents folded
    # previously designated trafficker named in plain text: mentioned, not designated
    assert q(db, "select role, name_in_text from press_release_designations where uid = 71005") == [
        ("mentioned", "Baltazar Fuentes Oropeza")]
    # the release date fills designated_on (the single list snapshot says nothing about it)
    assert q(db, "select designated_on, designated_on_source, designation_year from designations where uid = 71001") == [
        ("2024-02-29", "treasury-release", 2024)]
    assert one(db, "select designated_on from designations where uid = 71005") is None


def test_unmatched_designees_are_kept(run_cli, workdir, tdir):
    run_cli("import", "sdn", tdir / "history" / "2024-01-10")
    run_cli("import", "treasury", tdir / "releases" / "tf1001.html")
    db = workdir / "tracker.db"
    rows = q(db, "select name_in_text, uid, match_method from press_release_designations"
                 " where role = 'designated' order by name_in_text")
    assert [r[0] for r in rows] == ["Aurelio Bastida Nieves", "Lorena Icaza Prado", "Nodo Logistico Norte",
                                    "Quimica, Reactivos y Solventes del Valle, S.A. de C.V."]
    assert {r[1] for r in rows} == {None} and {r[2] for r in rows} == {None}


def test_list_history_settles_roles_dates_and_conflicts(run_cli, workdir, tdir):
    run_cli("import", "sdn-history", tdir / "history")
    run_cli("import", "treasury", tdir / "releases" / "tf1001.html", tdir / "releases" / "tf1002.html")
    db = workdir / "tracker.db"
    # the list had Ruelas Tapia since January: the June release did not designate him
    role, evidence = q(db, "select role, evidence from press_release_designations where uid = 71013")[0]
    assert role == "mentioned" and "already on the SDN list on 2024-01-10" in json.loads(evidence)["role_reason"]
    # the list only says "between 2024-01-10 and 2024-03-05": the release date fills it
    assert q(db, "select designated_on, designated_on_source, designated_after, designated_before"
                 " from designations where uid = 71003") == [("2024-02-29", "treasury-release", "2024-01-10", "2024-03-05")]
    # list-diff date 2024-06-13 (absent on 2024-06-08) vs release of 2024-06-05: the release ranks
    # above the list history (linking/dates.py), and the disagreement is recorded
    assert q(db, "select designated_on, designated_on_source from designations where uid = 71011") == [
        ("2024-06-05", "treasury-release")]
    assert q(db, "select uid, press_release_id, list_date, list_date_source, release_date, days_apart from conflicts"
                 " where field = 'designated_on' order by uid") == [
        (71011, "treasury:tf1002", "2024-06-13", "list-diff", "2024-06-05", 8),
        (71012, "treasury:tf1002", "2024-06-13", "list-diff", "2024-06-05", 8)]


def test_recent_actions_page_is_authoritative(run_cli, workdir, tdir):
    run_cli("import", "sdn-history", tdir / "history")
    run_cli("import", "treasury", tdir / "releases" / "tf1002.html", tdir / "recent_actions" / "20240605.html")
    db = workdir / "tracker.db"
    rows = dict(q(db, "select uid, role from press_release_designations where press_release_id = 'treasury:tf1002'"))
    # Ruelas Tapia is on the action's page: designated (the list history disagrees: a conflict)
    assert rows == {71011: "designated", 71012: "designated", 71013: "designated", 71014: "designated"}
    assert one(db, "select name_in_text from press_release_designations where uid = 71014") == "PRENSAS DEL NOROESTE"
    assert q(db, "select list_date_source, days_apart from conflicts where uid = 71013 and field = 'designated_on'"
                 " and other_source = 'recent-actions'") == [("list-first-seen", 147)]
    ra = q(db, "select position, name, uid, section, entity_type, press_release_id from recent_actions order by position")
    assert ra[0] == (0, "VILLASENOR KURI, Teodora", 71011, "added", "individual", "treasury:tf1002")
    assert len(ra) == 4


def test_reimport_replaces_the_release_rows(run_cli, workdir, tdir, tmp_path):
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    page = tmp_path / "tf1001.html"
    shutil.copy(tdir / "releases" / "tf1001.html", page)
    run_cli("import", "treasury", page)
    db = workdir / "tracker.db"
    assert designated(db, "tf1001") == {71001, 71002, 71003, 71004}
    again = run_cli("import", "treasury", page)
    assert "Nothing new" in again.output
    # a corrected version of the page: Nodo Logistico Norte is no longer named, a link is gone
    text = page.read_text().replace("<strong>Nodo Logistico Norte</strong>", "a freight company")
    text = text.replace("Nodo Logistico Norte are", "the freight company are").replace(
        '<a href="https://www.justice.gov/usao-sdca/pr/chemical-broker-charged-fentanyl-precursors">charged Aurelio Bastida</a>',
        "charged Aurelio Bastida")
    page.write_text(text)
    run_cli("import", "treasury", page)
    assert designated(db, "tf1001") == {71001, 71002, 71003}
    assert one(db, "select count(*) from press_releases") == 1
    assert one(db, "select count(*) from release_links where kind = 'doj-release'") == 0
    assert one(db, "select designated_on from designations where uid = 71004") is None


def test_rebuild_reproduces_the_treasury_tables(run_cli, workdir, tdir, releases):
    run_cli("import", "sdn-history", tdir / "history")
    run_cli("import", "treasury", *releases[:3])
    run_cli("import", "treasury", *releases[3:], tdir / "recent_actions" / "20240229.html")
    db = workdir / "tracker.db"
    before = content_hashes(db)
    assert before["press_release_designations"][0] > 0 and before["conflicts"][0] > 0
    run_cli("rebuild")
    after = content_hashes(db)
    for table in TREASURY_TABLES:
        assert after[table] == before[table], table


def test_unmatched_bold_paragraph_is_taken_for_a_heading(run_cli, workdir, tdir, tmp_path):
    page = tmp_path / "tf1001.html"
    page.write_text((tdir / "releases" / "tf1001.html").read_text().replace(
        "<h3>THE BASTIDA NETWORK</h3>", "<p><strong>Bastida Brothers Chemical Empire</strong></p><p><strong>Aurelio Bastida Nieves</strong></p>"))
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", page)
    db = workdir / "tracker.db"
    names = {r[0] for r in q(db, "select name_in_text from press_release_designations where role = 'designated'")}
    assert "Bastida Brothers Chemical Empire" not in names
    assert designated(db, "tf1001") == {71001, 71002, 71003, 71004}


def test_entry_put_under_eo14059_on_the_recent_actions_page_counts_as_designated(run_cli, workdir, tdir):
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", tdir / "releases" / "tf1001.html", tdir / "recent_actions" / "20240229.html")
    db = workdir / "tracker.db"
    assert designated(db, "tf1001") == {71001, 71002, 71003, 71004, 71020}
    row = q(db, "select name_in_text, json_extract(evidence, '$.markup') from press_release_designations where uid = 71020")
    assert row == [("CARTEL INVENTADO DEL NORTE", "recent-actions")]
    # the other update on that page (a different program) is not a designation
    assert q(db, "select section from recent_actions where name = 'INVENTED CHARITY FOUNDATION'") == [("updated",)]


def test_unmatched_designee_of_another_authority_is_not_counted(run_cli, workdir, tdir, tmp_path):
    page = tmp_path / "tf1009.html"
    page.write_text((tdir / "releases" / "tf1005.html").read_text().replace("tf1005", "tf1009").replace(
        "2019-09-12T14:00:00Z", "2024-03-12T14:00:00Z").replace(
        "<p>WASHINGTON", "<p>Today, OFAC sanctioned <strong>Aurelio Bastida Nieves</strong> pursuant to E.O. 14059 and "
        "<strong>Hassan Ficticio Nasr</strong>, a financier, pursuant to E.O. 13224 in a separate action.</p><p>WASHINGTON"))
    page.write_text(page.read_text().replace(
        "pursuant to E.O. 14059 and <strong>Hassan", "pursuant to E.O. 14059. It also sanctioned <strong>Hassan"))
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", page)
    db = workdir / "tracker.db"
    rows = dict(q(db, "select name_in_text, role from press_release_designations"))
    assert rows["Aurelio Bastida Nieves"] == "designated"
    assert rows["Hassan Ficticio Nasr"] == "mentioned"
    ev = json.loads(one(db, "select evidence from press_release_designations where name_in_text = 'Hassan Ficticio Nasr'"))
    assert ev["authorities"] == ["E.O. 13224"]


def test_incremental_list_updates_after_releases_match_a_rebuild(run_cli, workdir, tdir, releases):
    run_cli("import", "sdn", tdir / "history" / "2024-01-10")
    run_cli("import", "treasury", *releases, tdir / "recent_actions" / "20240605.html")
    for obs in ("2024-03-05", "2024-06-08", "2024-06-13"):
        run_cli("import", "sdn", tdir / "history" / obs)
    db = workdir / "tracker.db"
    assert one(db, "select designated_on_source from designations where uid = 71001") == "treasury-release"
    before = content_hashes(db)
    run_cli("rebuild")
    after = content_hashes(db)
    assert {t: after[t] for t in after if t != "errors"} == {t: before[t] for t in before if t != "errors"}
