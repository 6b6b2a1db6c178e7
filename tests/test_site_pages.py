"""The site's own pages and behaviours, in-process (Datasette's test client) on the invented
fixtures of tests/fixtures/datasette: forgiving search, profiles, change digest, freshness,
shared facet counts (equal to Datasette's own), unknown buckets, 400s instead of 500s,
download names, streamed JSON."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from urllib.parse import quote

import defusedxml.ElementTree as ET
import pytest
from test_datasette_site import Site, build_with_thresholds, fixture_data, sql

from scrapers.names import name_score, phonetic_key
from scrapers.publish.site.home import month_series
from scrapers.publish.site.profiles import change_pairs

PR_A = fixture_data.PR_A


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return fixture_data.build_database(tmp_path_factory.mktemp("pages") / "tracker.db")


@pytest.fixture(scope="module")
def site(db_path):
    s = Site(db_path)
    yield s
    s.close()


# -- search ----------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [("Gusman", "GUZMÁN"), ("Guzmann", "guzman"), ("Peres", "Pérez"),
                                  ("Aleksandr", "Alexander"), ("Mohammed", "Muhammad"), ("Castiyo", "Castillo")])
def test_phonetic_key_merges_spellings_of_one_sound(a, b):
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize("a, b", [("Guzman", "Garcia"), ("Perez", "Ortiz"), ("Chen", "Zhang")])
def test_phonetic_key_keeps_different_names_apart(a, b):
    assert phonetic_key(a) != phonetic_key(b)


def test_name_score_forgives_order_accents_and_typos_but_not_other_names():
    assert name_score("ernesto guzmán rivera", "GUZMAN RIVERA, Ernesto") == 100
    assert name_score("rivera guzman", "GUZMAN RIVERA, Ernesto") == 100
    assert 90 <= name_score("gusman", "GUZMAN RIVERA, Ernesto") < 100
    assert name_score("garcia", "GUZMAN RIVERA, Ernesto") < 70


@pytest.mark.parametrize("typed, expected", [
    ("Gusman", {90001, 90013}),              # misspelt, no accent: both Guzmán entries
    ("guzmann rivera", {90001}),             # a letter too many, two words
    ("Rivera Gusman Ernesto", {90001}),      # word order
    ("Peres Ortis", {90004}),                # z written s (Spanish seseo)
    ("Méndez", {90015}),                     # accent on a name written without one
])
def test_search_forgives_typos_accents_and_word_order(site, typed, expected):
    data = site.json(f"/search.json?q={quote(typed)}")
    found = {int(e["ref"]) for e in data["entries"]}
    assert expected <= found, (typed, data["entries"])
    best = data["entries"][0]
    assert int(best["ref"]) in expected and 50 <= best["score"] <= 100


def test_search_says_did_you_mean_with_a_score_and_honours_the_threshold(site):
    data = site.json("/search.json?q=Gusman")
    assert data["suggestion"]["score"] < 100 and "GUZM" in data["suggestion"]["name"].upper()
    assert site.json("/search.json?q=Guzman")["suggestion"] is None  # found as typed
    strict = site.json("/search.json?q=Gusman&threshold=100")
    assert strict["entries"] == [] and strict["below_threshold"] >= 2
    page = site.get("/search?q=Gusman").text
    assert "Did you mean" in page and "score" in page


def test_search_finds_defendants_and_releases_first_profiles(site):
    data = site.json("/search.json?q=Guzman+Rivera")
    assert [d["name"] for d in data["defendants"]] == ["Ernesto Guzman Rivera"]
    ids = {r["id"] for r in data["releases"]}
    assert PR_A in ids and "treasury:sb9003" in ids
    page = site.get("/search?q=Guzman+Rivera").text
    assert page.index('href="/entry/90001"') < page.index("Press releases (")


@pytest.mark.parametrize("typed", ['"', "'", '""', "a OR", "NEAR(", "*", ")(", "%", "\\", "x" * 500, "é" * 30,
                                   "select * from designations;", "<script>alert(1)</script>"])
def test_search_never_fails_whatever_is_typed(site, typed):
    page = site.get(f"/search?q={quote(typed)}")
    assert "<script>alert(1)</script>" not in page.text
    assert site.json(f"/search.json?q={quote(typed)}") is not None


def test_search_box_is_on_every_page_with_freshness(site):
    for path in ["/", "/tracker/designations", "/tracker/designations/90001", "/entry/90001", "/search?q=x",
                 "/changes", "/tracker/latest_actions", "/tracker/dossier?uid=90001", "/tracker/nope"]:
        page = site.get(path, status=404 if path.endswith("nope") else 200).text
        assert 'id="tracker-q"' in page, path
        assert "SDN list as of <strong>2025-03-14</strong>" in page, path
        assert "DOJ releases to <strong>2025-04-02</strong>" in page, path


def test_freshness_warns_when_the_last_update_failed(db_path, tmp_path):
    import shutil
    copy = tmp_path / "tracker.db"
    shutil.copy(db_path, copy)
    (tmp_path / "archive").mkdir()
    con = sqlite3.connect(tmp_path / "archive" / "index.sqlite")
    con.execute("create table batches (id integer primary key, source text, created_at text, status text, reason text)")
    con.execute("insert into batches values (1, 'doj', '2025-04-01T00:00:00Z', 'applied', null)")
    con.execute("insert into batches values (2, 'doj', '2025-04-03T00:00:00Z', 'rejected', 'doj: page 3: bad JSON')")
    con.commit()
    con.close()
    s = Site(copy)
    try:
        page = s.get("/tracker/designations").text
        assert "The last update of the DOJ releases failed (2025-04-03T00:00:00Z): doj: page 3: bad JSON" in page
    finally:
        s.close()


# -- profiles --------------------------------------------------------------------------------
def test_entry_profile_has_facts_aliases_links_both_ways_and_a_sourced_timeline(site):
    p = site.json("/entry/90001.json")
    assert p["countries"] == ["Mexico"] and "ILLICIT-DRUGS-EO14059" in p["programs"]
    assert "GUZMÁN RIVERA, Ernesto" in {a["alias"] for a in p["aliases"]}
    assert [l["uid"] for l in p["links_in"]] == [90005]  # QUIMICOS ... Linked To: this entry
    kinds = [t["kind"] for t in p["timeline"]]
    assert "mentioned" in kinds and "doj" in kinds
    doj = next(t for t in p["timeline"] if t["kind"] == "doj")
    assert doj["source"].startswith("https://www.justice.gov/") and not doj["stage"]["guilt"]
    linked = site.json("/entry/90005.json")
    assert [l["linked_uid"] for l in linked["links_out"]] == [90001]
    page = site.get("/entry/90005").text
    assert 'href="/entry/90001"' in page
    # a vessel's fields are not shown on a person
    assert "Call sign" not in site.get("/entry/90001").text


def test_entry_profile_shows_the_designating_release_with_its_date_and_evidence(site):
    p = site.json("/entry/90013.json")
    designated = next(t for t in p["timeline"] if t["kind"] == "designated")
    assert designated["date"] == "2024-01-05"
    assert [r["press_release_id"] for r in designated["releases"]] == ["treasury:sb9001"]
    assert designated["recent"][0]["url"].startswith("https://ofac.treasury.gov/recent-actions/")
    page = site.get("/entry/90013").text
    assert "/release/treasury~3Asb9001" in page and "https://home.treasury.gov/news/press-releases/sb9001" in page


def test_release_profile_separates_designated_from_mentioned(site):
    p = site.json("/release/treasury~3Asb9003.json")
    assert {n["uid"] for n in p["designated"]} == {90017, 90018}
    assert [n["uid"] for n in p["mentioned"]] == [90001]
    page = site.get("/release/treasury~3Asb9003").text
    assert page.index("Designated by this release") < page.index("LABORATORIO QUIMICO DEL NORTE") < page.index("Mentioned, not")
    assert "<p>" in page and "None treasury" not in page


def test_defendant_and_case_profiles_label_stages_and_link_the_entry(site):
    did = quote(fixture_data.PR_A.replace(":", "~3A") + "~231~3A1")
    page = site.get(f"/defendant/{did}").text
    assert "presumed innocent" in page and 'href="/entry/90001"' in page
    case = site.json(f"/case/{quote(PR_A.replace(':', '~3A') + '~231')}.json")
    assert case["stage"]["text"] == "indicted" and case["defendants"][0]["uid"] == 90001
    sentenced = site.json("/case/" + quote(fixture_data.PR_B.replace(":", "~3A") + "~231") + ".json")
    assert sentenced["stage"]["guilt"] and len(sentenced["defendants"]) == 2


def test_row_pages_link_to_profiles_and_tables_link_names(site):
    assert 'href="/entry/90001"' in site.get("/tracker/designations/90001").text
    assert "/release/treasury~3Asb9001" in site.get("/tracker/press_releases/treasury~3Asb9001").text
    table = site.get("/tracker/designations?_search=guzman").text
    assert '<a href="/entry/90013">ALDANA GUZMAN, Rosa Elena</a>' in table
    assert "Mexico, Guatemala" in site.get("/tracker/designations/90010").text  # a JSON list, read as a list


@pytest.mark.parametrize("path", ["/entry/1", "/release/nope", "/defendant/nope", "/case/nope"])
def test_missing_profiles_are_404(site, path):
    site.get(path, status=404)


# -- change digest -------------------------------------------------------------------------
def test_change_pairs_reads_every_details_shape():
    assert change_pairs('{"fields": ["remarks"], "parts": ["sdn"]}') == [
        {"field": "remarks", "change": "changed", "old": None, "new": None}]
    assert change_pairs({"fields": ["name"], "name": ["A", "B"]}) == [
        {"field": "name", "change": "changed", "old": "A", "new": "B"}]
    # the SDN source's list of changes: every item kept (two aliases are two changes)
    assert change_pairs({"fields": ["name"], "name": ["A", "B"], "summary": "...", "changes": [
        {"field": "alias", "change": "removed", "old": "X"}, {"field": "alias", "change": "added", "new": "Y"},
        {"field": "name", "change": "changed", "old": "A", "new": "B"}]}) == [
        {"field": "alias", "change": "removed", "old": "X", "new": None},
        {"field": "alias", "change": "added", "old": None, "new": "Y"},
        {"field": "name", "change": "changed", "old": "A", "new": "B"}]
    assert change_pairs({"programs": {"added": ["SDNTK"], "removed": []}})[0]["new"] == "SDNTK"


def test_change_digest_between_two_versions_with_old_and_new_values(site):
    rows = site.csv_rows = list(csv.DictReader(io.StringIO(site.get("/changes.csv?from=2025-03-11&to=2025-03-14").text)))
    renamed = [r for r in rows if r["uid"] == "90011"]
    assert renamed and renamed[0]["field"] == "name"
    assert (renamed[0]["old_value"], renamed[0]["new_value"]) == ("TRANSPORTES CELESTE S.A. DE C.V.",
                                                                    "TRANSPORTES CELESTE DEL GOLFO S.A. DE C.V.")
    assert {r["event"] for r in rows} == {"added", "removed", "changed"}
    response = site.get("/changes.csv?from=2025-03-11&to=2025-03-14&country=Mexico")
    assert 'filename="sdn-changes-2025-03-11-to-2025-03-14-mexico.csv"' in response.headers["content-disposition"]
    mexico = list(csv.DictReader(io.StringIO(response.text)))
    assert mexico and all("Mexico" in r["countries"] for r in mexico)
    only_day = list(csv.DictReader(io.StringIO(site.get("/changes.csv?date=2025-03-11").text)))
    assert {r["observed_on"] for r in only_day} == {"2025-03-11"}
    assert site.get("/changes?program=SDNTK&from=2024-01-01&to=2025-12-31").status_code == 200


def test_change_digest_atom_and_bad_dates(site):
    root = ET.fromstring(site.get("/changes.atom?from=2024-01-01&to=2025-12-31").text.strip().encode())
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == sql(site.db_path, "select count(*) from list_events")[0][0]
    site.get("/changes.csv?from=yesterday", status=400)
    assert "is not a date" in site.get("/changes?from=2024-13-45", status=400).text


# -- facets, counts, errors, exports -------------------------------------------------------
FILTERS = ["", "countries__arraycontains=Mexico", "_search=guzman", "entity_type=individual&listed=1",
           "designation_year__isnull=1", "countries__arraycontains=China&_search=wuhan"]


@pytest.mark.parametrize("query", FILTERS)
def test_shared_counts_equal_what_sql_counts(site, db_path, query):
    data = site.json(f"/tracker/designations.json?{query}&_size=1")
    rows = site.json(f"/tracker/designations.json?{query}&_shape=array&_size=max&_col=countries"
                     "&_col=entity_type&_col=listed&_col=designation_year&_col=programs")
    assert data["filtered_table_rows_count"] == len(rows)
    got = {r["value"]: r["count"] for r in data["facet_results"]["entity_type"]["results"]}
    want = {}
    for r in rows:
        want[r["entity_type"]] = want.get(r["entity_type"], 0) + 1
    assert got == want
    got = {r["value"]: r["count"] for r in data["facet_results"]["countries"]["results"]}
    want = {}
    for r in rows:
        items = json.loads(r["countries"] or "[]") or [None]
        for c in set(items):
            want[c] = want.get(c, 0) + 1
    assert got == want


def test_release_facets_flags_countries_components_and_unknown_buckets(site):
    data = site.json("/tracker/press_releases.json")
    facets = data["facet_results"]
    for name in ("agency", "year", "is_eo14059", "precursor_case", "cartel_case", "money_laundering",
                 "online_sales", "countries", "components", "district"):
        assert name in facets, name
    assert {r["value"]: r["count"] for r in facets["precursor_case"]["results"]} == {0: 5, 1: 2}
    components = {r["value"]: r["count"] for r in facets["components"]["results"]}
    assert components["USAO - Arizona"] == 1 and components[None] == 4  # Treasury releases: no component
    unknown = next(r for r in facets["components"]["results"] if r["value"] is None)
    assert unknown["label"] == "unknown" and "_unknown=components" in unknown["toggle_url"]
    rows = site.json("/tracker/press_releases.json?_unknown=components&_shape=array")
    assert len(rows) == 4 and all(r["agency"] == "Treasury" for r in rows)


def test_bad_parameters_are_400_with_a_useful_message_never_500(site):
    page = site.get("/tracker/designations?_sort=nonexistent", status=400).text
    assert "sort by a column shown in the table" in page
    assert site.get("/tracker/designations.json?_sort_desc=nope", status=400).json()["status"] == 400
    assert site.get("/tracker/designations?_search=%22").status_code == 200  # a lone quote: no SQL error
    raw = site.get("/tracker/designations?_search=%22&_searchmode=raw", status=400).text
    assert "Search not understood" in raw and "Invalid SQL" not in raw


def test_csv_downloads_are_named_after_the_filter_and_date(site):
    response = site.get("/tracker/designations.csv?countries__arraycontains=Mexico&listed=1&_stream=on&_dl=1")
    assert ('filename="designations-countries-mexico-listed-1-2025-03-14.csv"'
            in response.headers["content-disposition"])


def test_json_array_stream_gives_every_row(db_path):
    s = Site(db_path, settings={"max_returned_rows": 5, "default_page_size": 3})
    try:
        rows = s.get("/tracker/designations.json?_shape=array&_stream=on&countries__arraycontains=Mexico").json()
        assert len(rows) == 12 and len({r["uid"] for r in rows}) == 12
        everything = s.get("/tracker/latest_actions.json?_shape=array&_stream=on").json()
        assert len(everything) == sql(db_path, "select count(*) from latest_actions")[0][0]
        page = s.get("/tracker/designations").text
        assert "_shape=array&amp;_stream=on" in page and "_stream=on&amp;_dl=1" in page
    finally:
        s.close()


def test_month_series_keeps_empty_months():
    assert month_series({"2024-11": 2, "2025-02": 1}) == [
        {"month": "2024-11", "count": 2}, {"month": "2024-12", "count": 0},
        {"month": "2025-01", "count": 0}, {"month": "2025-02", "count": 1}]
    assert month_series({}) == []


def test_home_page_answers_the_three_journeys(site):
    page = site.get("/").text
    assert 'id="home-q"' in page  # search a name
    assert 'href="/entry/90018"' in page and "/case/" in page  # latest designations and DOJ actions
    assert "countries__arraycontains=Mexico" in page and "designation_year__isnull=1" in page
    assert "district=District+of+Arizona" in page or "district=District%20of%20Arizona" in page
    assert "13 of them without any designation" in page  # the chart's empty months are counted


# -- searches for common words: counts precomputed per build, rows read in page order ----------
@pytest.fixture(scope="module")
def dense_db(tmp_path_factory):
    """The fixtures with every word in 2+ of the 7 releases counted as common (the real
    threshold is 5% of at least 20,000 rows)."""
    return build_with_thresholds(tmp_path_factory.mktemp("dense") / "tracker.db", DENSE_MIN_ROWS=1, DENSE_SHARE=0.25)


def test_common_word_searches_use_precomputed_counts_equal_to_datasette_own(dense_db):
    terms = {t for (t,) in sql(dense_db, "select distinct term from facet_counts where table_name = 'press_releases'"
                                         " and term != ''")}
    assert {"fentanyl", "treasuri"} <= terms  # stems: "Treasury" is indexed as "treasuri"
    from scrapers.publish import dense_terms, shared_counts

    rewritten = []
    original_rewrite = dense_terms.rewrite_rows_sql

    async def no_grouping(*args):
        raise AssertionError("a common word's counts must come from facet_counts")

    mp = pytest.MonkeyPatch()
    mp.setattr(shared_counts, "_grouped", no_grouping)
    mp.setattr(dense_terms, "rewrite_rows_sql", lambda *a: rewritten.append(a[1]) or original_rewrite(*a))
    s = Site(dense_db, settings={"default_page_size": 2})
    try:
        for word in ("fentanyl", "Treasury", "sanctioned", "FENTANYL"):
            data = s.json(f"/tracker/press_releases.json?_search={word}")
            ids = {r[0] for r in sql(dense_db, "select rowid from press_releases_fts where press_releases_fts match ?",
                                     [f'"{word}"'])}
            assert data["filtered_table_rows_count"] == len(ids), word
            want = {}
            for (agency,) in sql(dense_db, f"select agency from press_releases where rowid in ({','.join(map(str, ids))})"):
                want[agency] = want.get(agency, 0) + 1
            assert {r["value"]: r["count"] for r in data["facet_results"]["agency"]["results"]} == want, word
            # the rows, page after page, are Datasette's own: the same set, in id order, nothing repeated
            rows = s.json(f"/tracker/press_releases.json?_search={word}&_shape=array&_stream=on&_col=id")
            got = [r["id"] for r in rows]
            assert got == sorted(got) and len(got) == len(ids), word
        assert rewritten and set(rewritten) == {"press_releases"}
    finally:
        mp.undo()
        s.close()


def test_a_stem_that_begins_a_word_never_lends_its_counts(dense_db):
    """'sanctions' and 'sanctioned' share the stem 'sanction'; 'sinaloan' begins with the stored
    'sinaloa' but is another word: its own match count differs, so no precomputed counts."""
    s = Site(dense_db)
    try:
        data = s.json("/tracker/press_releases.json?_search=sinaloan")
        assert data["filtered_table_rows_count"] == 0
        assert all(r["count"] == 0 for f in data["facet_results"].values() for r in f["results"]) or not any(
            f["results"] for f in data["facet_results"].values())
    finally:
        s.close()


def test_case_profile_reads_the_cases_table_when_a_defendant_has_a_case(db_path, tmp_path):
    """The DOJ cases pass groups one defendant's releases into a case (defendants.case_id):
    the case page shows its stages over time, the defendant and entry pages link to it."""
    import shutil

    copy = tmp_path / "tracker.db"
    shutil.copy(db_path, copy)
    con = sqlite3.connect(copy)
    did = PR_A + "#1:1"
    timeline = [{"date": "2024-03-12", "stage": "charged", "release_id": PR_A, "url": "https://www.justice.gov/a"},
                {"date": "2025-01-09", "stage": "sentenced", "release_id": fixture_data.PR_B,
                 "url": "https://www.justice.gov/b"}]
    con.execute("insert into cases (id, name, district, case_number, first_stage, first_date, latest_stage, latest_date,"
                " furthest_stage, release_count, releases, timeline) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ["case:guzman-rivera", "Ernesto Guzman Rivera", "Southern District of California", "24-cr-101",
                 "charged", "2024-03-12", "sentenced", "2025-01-09", "sentenced", 2,
                 json.dumps([PR_A, fixture_data.PR_B]), json.dumps(timeline)])
    con.execute("update defendants set case_id = 'case:guzman-rivera' where id = ?", [did])
    con.commit()
    con.close()
    s = Site(copy)
    try:
        page = s.get("/case/case~3Aguzman-rivera").text
        assert "Latest stage: sentenced" in page and "a finding of guilt" in page
        assert page.index("2024-03-12") < page.index("2025-01-09")
        assert 'href="/entry/90001"' in page
        assert "/case/case~3Aguzman-rivera" in s.get("/entry/90001").text
        defendant = s.get("/defendant/" + quote(did.replace(":", "~3A").replace("#", "~23"))).text
        assert "/case/case~3Aguzman-rivera" in defendant and "24-cr-101" in defendant
    finally:
        s.close()


def test_link_evidence_reads_as_labelled_text_not_json():
    from scrapers.publish.site.evidence import evidence_items

    raw = json.dumps({"sentence": "X, a sales agent", "tie_broken_by": "the list links it to Y (2)",
                      "ambiguous_uids": [1, 2], "text_role": "designated", "facts": [], "odd_key": {"a_b": True}})
    assert evidence_items(raw) == [("tie broken by", "the list links it to Y (2)"),
                                   ("OFAC IDs bearing the name", [1, 2]), ("sentence", "X, a sales agent"),
                                   ("odd key", "a b: yes")]
    assert evidence_items('{"markup": "strong", "facts": ["age", "country"]}') == [
        ("corroborated by", "age, country"), ("found as", "bold")]
    assert evidence_items("same name; residence matches") == [("", "same name; residence matches")]
    assert evidence_items(None) == [] and evidence_items("{}") == [] and evidence_items("[1]") == [("", "[1]")]


def test_release_profile_shows_a_links_evidence_labelled(site):
    page = site.get("/release/treasury~3Asb9003").text
    assert "<em>tie broken by</em>: the list links it to LABORATORIO QUIMICO DEL NORTE (90017)" in page
    assert ('<em>OFAC IDs bearing the name</em>: <a href="/entry/90018">90018</a>, <a href="/entry/90019">90019</a>'
            in page)
    assert "&#34;tie_broken_by&#34;" not in page and '"tie_broken_by"' not in page
    assert "name in bold in the release" in page        # evidence written as text stays as it is
    # a release lists many links: each one's evidence is folded, what calls for care stays in sight
    assert page.count('<details class="evidence"><summary>evidence</summary>') == 3
    assert '</span> <span class="src"><em>tie broken by</em>' in page
    # a name only mentioned: why, in sight
    assert ('written “Ernesto Guzmán Rivera” <span class="src"><em>role</em>: already on the SDN list on 2021-12-15'
            in page)


def test_latest_doj_actions_give_one_line_per_release_with_each_cases_stage():
    from scrapers.publish.site.home import latest_releases

    cases = [{"id": f"r{n}#{k}", "press_release_id": f"r{n}", "published": f"2025-01-0{9 - n}", "title": f"T{n}",
              "action": action, "district": district}
             for n, k, action, district in [(1, 1, "arrested", "D1"), (1, 2, "charged", "D1"), (2, 1, "sentenced", "D2"),
                                            (3, 1, "pleaded_guilty", None), (3, 2, "charged", "D3")]]
    got = latest_releases(cases, limit=2)
    assert [(r["title"], [c["action"] for c in r["cases"]], r["districts"]) for r in got] == [
        ("T1", ["arrested", "charged"], ["D1"]), ("T2", ["sentenced"], ["D2"])]


def test_a_release_without_a_title_is_named_by_what_it_is():
    from scrapers.publish.site import release_label

    assert release_label("Treasury Sanctions X", "treasury:jy1") == "Treasury Sanctions X"
    assert release_label(None, "treasury:jy2605") == "Treasury press release jy2605"
    assert release_label(" ", "doj:abc") == "Justice Department press release abc"
    assert release_label(None, "other") == "other" and release_label(None, None) == "untitled press release"
