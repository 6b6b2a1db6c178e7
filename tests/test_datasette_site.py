"""The Datasette site, in-process (Datasette's own test client) on a database built from our
invented fixtures (tests/fixtures/datasette): metadata, default facets, accent-insensitive
search, complete CSV exports, canned queries, Atom feeds, the chart view, the serve command.
"""
from __future__ import annotations

import asyncio
import csv
import datetime as dt
import importlib.util
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

import defusedxml.ElementTree as ET
import pytest
import yaml

from scrapers import db as schema
from scrapers.publish.serve import (
    METADATA_DATABASE,
    PROJECT_ROOT,
    SETTINGS,
    datasette_args,
    load_metadata,
    make_datasette,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "datasette"
METADATA = PROJECT_ROOT / "metadata.yml"
ATOM = "{http://www.w3.org/2005/Atom}"


def _load_generator():
    spec = importlib.util.spec_from_file_location("datasette_fixtures", FIXTURES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixture_data = _load_generator()


def build_with_thresholds(path: Path, **thresholds) -> Path:
    """The fixture database built with some of scrapers.db's per-build thresholds changed
    (DENSE_SHARE, GROUPS_SHARE...: the real ones are sized for 20,000+ rows)."""
    from scrapers import db as schema

    mp = pytest.MonkeyPatch()
    for name, value in thresholds.items():
        mp.setattr(schema, name, value)
    try:
        return fixture_data.build_database(path)
    finally:
        mp.undo()


class Site:
    """A Datasette instance and a loop to drive its async test client synchronously."""

    def __init__(self, db_path: Path, **kwargs):
        self.db_path = db_path
        self.ds = make_datasette(db_path, **kwargs)
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str, status: int = 200):
        response = self.loop.run_until_complete(self.ds.client.get(path))
        assert response.status_code == status, f"GET {path}: {response.status_code}\n{response.text[:2000]}"
        return response

    def json(self, path: str):
        return self.get(path).json()

    def csv(self, path: str) -> list[dict]:
        return list(csv.DictReader(io.StringIO(self.get(path).text)))

    def close(self):
        self.loop.close()


def sql(db_path: Path, query: str, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    return fixture_data.build_database(tmp_path_factory.mktemp("site") / "tracker.db")


@pytest.fixture(scope="module")
def site(db_path):
    # Small pages, so that a complete CSV really has to stream through several of them.
    s = Site(db_path, settings={"default_page_size": 3, "max_returned_rows": 5})
    yield s
    s.close()


@pytest.fixture(scope="module")
def roomy_site(db_path):
    s = Site(db_path)
    yield s
    s.close()


# -- metadata ----------------------------------------------------------------------------
def test_metadata_json_has_title_license_and_sources(site):
    meta = site.json("/-/metadata.json")
    assert meta["title"] == "Fentanyl sanctions and prosecutions tracker"
    assert "public domain" in meta["license"].lower()
    assert meta["license_url"].startswith("https://")
    html = meta["description_html"]
    for source in ("ofac.treasury.gov", "home.treasury.gov", "justice.gov"):
        assert source in html
    tables = meta["databases"]["tracker"]["tables"]
    assert tables["designations"]["source_url"].startswith("https://ofac.treasury.gov")
    assert "justice.gov" in tables["prosecutions"]["source_url"]


def test_home_page_says_what_the_data_is_not(site):
    page = site.get("/").text
    assert "not a sanctions screening" in page
    assert "allegation" in page
    assert "sanctionssearch.ofac.treas.gov" in page


# Strict for the SDN tables and the site's own views (settled); for the tables still growing
# (Treasury, DOJ) a column described but missing, or present but undescribed, is a warning.
OTHER_VIEWS = {"sanctioned_and_charged", "treasury_designations", "doj_link_review"}  # registered by scrapers/link_*.py
STRICT = {"designations", "aliases", "addresses", "identifiers", "relationships", "list_observations",
          "list_events"}


def test_metadata_describes_only_what_exists_and_every_column(db_path):
    from scrapers import views

    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = meta["databases"]["tracker"]["tables"]
    strict = STRICT | set(views.VIEWS)
    conn = sqlite3.connect(db_path)
    try:
        existing = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        for name, spec in tables.items():
            if name in OTHER_VIEWS and name not in existing:
                continue  # registered by the linking modules when they are present
            assert name in existing, f"metadata.yml describes {name}, which the database does not have"
            columns = {r[1] for r in conn.execute(f"pragma table_info([{name}])")}
            for col in spec.get("columns") or {}:
                if col not in columns:
                    message = f"metadata.yml describes {name}.{col}, which does not exist"
                    assert name not in strict, message
                    warnings.warn(message, stacklevel=2)
            for facet in spec.get("facets") or []:
                col = facet if isinstance(facet, str) else next(iter(facet.values()))
                assert col in columns, f"metadata.yml facets {name} by {col}, which does not exist"
            for key in ("sort", "sort_desc", "label_column"):
                if key in spec:
                    assert spec[key] in columns, f"metadata.yml: {name} {key} {spec[key]} does not exist"
            for key in ("sort", "sort_desc"):
                if key in spec:
                    # Datasette 0.65 pages a sort on a column with repeated values without a
                    # tie-breaker on page 1 (rows skipped at page boundaries): unique columns only
                    pks = [r[1] for r in conn.execute(f"pragma table_info([{name}])") if r[5]]
                    assert pks == [spec[key]], f"metadata.yml: {name} default {key} {spec[key]} is not its unique key"
    finally:
        conn.close()
    # Every column gets a description.
    for name, spec in schema.TABLES.items():
        if name in ("errors", "build_info"):
            continue
        described = set((tables.get(name) or {}).get("columns") or {})
        missing = [c for c in spec["columns"] if c not in described]
        message = f"describe {name}.{', '.join(missing)} in metadata.yml (columns)"
        if name in strict:
            assert not missing, message
        elif missing:
            warnings.warn(message, stacklevel=2)


def test_plain_datasette_command_uses_the_metadata(db_path):
    """The documented `datasette tracker.db -m metadata.yml` (here with --get, no server)."""
    out = subprocess.run([sys.executable, "-m", "datasette", str(db_path), "-m", str(METADATA),
                          "--get", "/tracker/designations.json?_size=0"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"countries", "entity_type", "programs", "designation_year", "listed"} <= set(data["facet_results"])


def test_metadata_follows_a_database_with_another_file_name(db_path, tmp_path):
    other = tmp_path / "mytracker.db"
    shutil.copy(db_path, other)
    meta = load_metadata(METADATA, "mytracker")
    assert "mytracker" in meta["databases"] and METADATA_DATABASE not in meta["databases"]
    assert 'href="mytracker/designations"' in meta["description_html"]
    s = Site(other)
    try:
        data = s.json("/mytracker/designations.json?_size=0")
        assert "countries" in data["facet_results"]
        assert s.get("/mytracker/dossier.json?uid=90001&_shape=array").json()
    finally:
        s.close()


# -- facets ------------------------------------------------------------------------------
def facet_counts(data, name):
    return {r["value"]: r["count"] for r in data["facet_results"][name]["results"]}


def test_designations_default_facets_without_any_parameter(site, db_path):
    data = site.json("/tracker/designations.json")
    assert {"countries", "entity_type", "programs", "designation_year", "listed"} <= set(data["facet_results"])
    assert data["facet_results"]["countries"]["type"] == "array"
    assert data["facet_results"]["programs"]["type"] == "array"
    countries = facet_counts(data, "countries")
    mexico = sql(db_path, "select count(*) from designations, json_each(countries) where value = 'Mexico'")[0][0]
    assert countries["Mexico"] == mexico == 12
    assert countries["Guatemala"] == 1  # second country of one entry
    assert facet_counts(data, "entity_type") == dict(sql(db_path, "select entity_type, count(*) from designations group by 1"))
    assert facet_counts(data, "listed") == {1: 17, 0: 1}
    # unknown years are a bucket of their own (None), not hidden
    assert facet_counts(data, "designation_year") == {2024: 3, 2025: 2, None: 13}
    assert facet_counts(data, "programs")["SDNTK"] == 2


def test_clicking_the_country_facet_filters(site):
    data = site.json("/tracker/designations.json")
    mexico = next(r for r in data["facet_results"]["countries"]["results"] if r["value"] == "Mexico")
    url = mexico["toggle_url"]
    path = url[url.index("/tracker/"):]
    filtered = site.json(path)
    assert filtered["filtered_table_rows_count"] == 12
    assert all("Mexico" in json.loads(row[4]) for row in filtered["rows"])


def test_designations_newest_first(site):
    rows = site.json("/tracker/designations.json?_shape=array&_col=uid")
    uids = [r["uid"] for r in rows]
    assert uids == sorted(uids, reverse=True) and uids[0] == 90018


@pytest.mark.parametrize("path, facets", [
    ("/tracker/press_releases.json", {"agency": {"Treasury": 4, "DOJ": 3}, "year": {2024: 4, 2025: 3},
                                      "is_eo14059": {1: 3, 0: 4}, "district": {"District of Arizona": 1}}),
    ("/tracker/prosecutions.json", {"action": {"indicted": 1, "sentenced": 1, "charged": 1},
                                    "year": {2024: 2, 2025: 1}, "district": {"District of Arizona": 1}}),
    ("/tracker/defendants.json", {"action": {"sentenced": 2, "charged": 2, "indicted": 1}}),
    ("/tracker/prosecutions_overview.json", {"linked_to_designation": {"linked": 2, "not linked": 1},
                                             "year": {2024: 2, 2025: 1}}),
    ("/tracker/defendants_overview.json", {"linked_to_designation": {"linked": 2, "not linked": 3},
                                           "year": {2024: 3, 2025: 2}, "action": {"sentenced": 2}}),
])
def test_default_facets_of_releases_and_prosecutions(site, path, facets):
    data = site.json(path)
    for name, expected in facets.items():
        got = facet_counts(data, name)
        for value, count in expected.items():
            assert got.get(value) == count, f"{path} facet {name}: {got}"


# -- search ------------------------------------------------------------------------------
@pytest.mark.parametrize("term", ["guzman", "Guzmán", "GUZMÁN"])
def test_search_ignores_accents_and_case(site, term):
    rows = site.json(f"/tracker/designations.json?_search={quote(term)}&_shape=array&_col=name")
    # 90001 by name (and its alias GUZMÁN), 90013 by name, 90005 by its remarks
    assert {r["uid"] for r in rows} == {90001, 90005, 90013}
    releases = site.json(f"/tracker/press_releases.json?_search={quote(term)}&_shape=array&_col=title")
    # "Aldana Guzmán" (sb9001), "Ernesto Guzmán Rivera" (sb9003), "Ernesto Guzman Rivera" (DOJ)
    assert {r["id"] for r in releases} == {"treasury:sb9001", "treasury:sb9003", fixture_data.PR_A}
    defendants = site.json(f"/tracker/defendants.json?_search={quote(term)}&_shape=array&_col=name")
    assert [r["name"] for r in defendants] == ["Ernesto Guzman Rivera"]


def test_search_finds_accented_alias_from_plain_name(site):
    rows = site.json("/tracker/designations.json?_search=mendez&_shape=array&_col=name")
    assert [r["uid"] for r in rows] == [90015]  # name MENDEZ, alias MÉNDEZ
    rows = site.json("/tracker/designations.json?_search=guera&_shape=array&_col=name")
    assert [r["uid"] for r in rows] == [90012]  # a.k.a. 'LA GÜERA' in the remarks


# -- CSV -----------------------------------------------------------------------------------
def relations(db_path):
    names = sql(db_path, "select name, type from sqlite_master where type in ('table', 'view')"
                         " and name not like 'sqlite_%' and name not like '%_fts%'")
    return sorted(names)


def test_csv_without_stream_is_one_page_but_stream_is_complete(site, db_path):
    assert len(site.csv("/tracker/designations.csv")) == 3  # one page: the default
    rows = site.csv("/tracker/designations.csv?_stream=on")
    assert len(rows) == sql(db_path, "select count(*) from designations")[0][0] == 18
    assert len({r["uid"] for r in rows}) == 18


def test_every_table_and_view_exports_complete_csv_with_stable_columns(site, db_path):
    checked = 0
    for name, kind in relations(db_path):
        columns = [r[1] for r in sql(db_path, f"pragma table_info([{name}])")]
        count = sql(db_path, f"select count(*) from [{name}]")[0][0]
        text = site.get(f"/tracker/{name}.csv?_stream=on").text
        reader = csv.reader(io.StringIO(text))
        header = next(reader)
        body = list(reader)
        assert header == columns, f"{name}: CSV columns {header} != table columns {columns}"
        assert len(body) == count, f"{name} ({kind}): CSV has {len(body)} rows, the table {count}"
        expected = sorted(["" if v is None else str(v) for v in row]
                          for row in sql(db_path, f"select * from [{name}]"))
        assert sorted(body) == expected, f"{name} ({kind}): CSV rows differ from the table's (skipped or repeated)"
        checked += 1
    assert checked >= len(schema.TABLES) + 6


def test_filtered_and_searched_views_export_complete_csv(site):
    rows = site.csv("/tracker/designations.csv?_stream=on&countries__arraycontains=Mexico")
    assert len(rows) == 12 and all("Mexico" in r["countries"] for r in rows)
    rows = site.csv("/tracker/designations.csv?_stream=on&_search=guzman&_col=name")
    assert sorted(r["name"] for r in rows) == ["ALDANA GUZMAN, Rosa Elena", "GUZMAN RIVERA, Ernesto",
                                               "QUIMICOS DEL PACIFICO S.A. DE C.V."]
    rows = site.csv("/tracker/defendants_overview.csv?_stream=on&linked_to_designation=not+linked")
    assert sorted(r["name"] for r in rows) == ["Luis Ocampo", "Tyler Brandt", "Zhang Min"]


# -- views and canned queries --------------------------------------------------------------
def test_designations_by_country_and_year(roomy_site, db_path):
    rows = roomy_site.json("/tracker/designations_by_country_year.json?_shape=array&_size=max")
    got = {(r["country"], r["designation_year"]): r for r in rows}
    assert got[("Mexico", 2024)]["designations"] == 2      # 90013, 90015
    assert got[("China", 2024)]["designations"] == 1       # 90014
    assert got[("Mexico", 2025)]["entities"] == 1          # 90017
    assert got[("Colombia", None)]["still_listed"] == 0    # 90004 removed
    total = sql(db_path, "select count(*) from designations, json_each(countries)")[0][0]
    assert sum(r["designations"] for r in rows) == total


def test_designations_per_month_feeds_the_chart(roomy_site):
    rows = roomy_site.json("/tracker/designations_per_month.json?_shape=array")
    assert rows == [
        {"month": "2024-01", "country": "China", "designations": 1},
        {"month": "2024-01", "country": "Mexico", "designations": 2},
        {"month": "2025-03", "country": "China", "designations": 1},
        {"month": "2025-03", "country": "Mexico", "designations": 1},
    ]
    page = roomy_site.get("/tracker/designations_per_month").text
    assert "datasette_vega" in page  # the chart plugin is loaded
    assert "#g.mark=bar&amp;g.x_column=month" in page or "#g.mark=bar&g.x_column=month" in page


def test_latest_actions_newest_first_with_designations_and_prosecutions(roomy_site):
    rows = roomy_site.json("/tracker/latest_actions.json?_shape=array&_size=max")
    dates = [r["action_date"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert rows[0]["action"] == "charged" and rows[0]["uid"] == 90014
    actions = {(r["action"], r["name"]) for r in rows}
    assert ("designated", "ALDANA GUZMAN, Rosa Elena") in actions
    assert ("removed from the list", "PEREZ ORTIZ, Marisol") in actions
    assert ("designated (between 2024-01-05 and 2025-03-11)", "TORRES BALDERAS, Julian") in actions
    assert ("sentenced", "Tyler Brandt; Luis Ocampo") in actions
    first_day = [r for r in rows if r["action_date"] == "2024-01-05"]
    assert {r["press_release_id"] for r in first_day} == {"treasury:sb9001"}
    # entries already on the first list observed have no known date: not "latest"
    assert not any(r["name"] == "CHEN, Wei" for r in rows)


def test_releases_without_links_lists_only_unlinked_eo14059_releases(roomy_site):
    rows = roomy_site.json("/tracker/releases_without_links.json?_shape=array")
    assert [r["id"] for r in rows] == ["treasury:sb9004"]
    assert rows[0]["names_not_linked"] == "Pillworks Supply; Tableta Express"


def test_release_list_shows_eo14059_by_default_and_the_audit_view_shows_all(roomy_site, db_path):
    shown = roomy_site.json("/tracker/releases_newest_first.json?_shape=array&_size=max")
    treasury = [r for r in shown if r["agency"] == "Treasury"]
    assert treasury and all(r["is_eo14059"] == 1 for r in treasury)
    assert {r["id"] for r in shown if r["agency"] == "DOJ"} == {
        r[0] for r in sql(db_path, "select id from press_releases where agency = 'DOJ'")}
    audit = roomy_site.json("/tracker/treasury_releases_audit.json?_shape=array&_size=max")
    assert sorted(r["id"] for r in audit) == sorted(
        r[0] for r in sql(db_path, "select id from press_releases where agency = 'Treasury'"))
    assert any(r["is_eo14059"] == 0 for r in audit)


def test_dossier_collects_everything_about_an_entry(roomy_site):
    rows = roomy_site.json("/tracker/dossier.json?uid=90001&_shape=array")
    sections = [r["section"] for r in rows]
    assert sections[0] == "entry" and rows[0]["what"] == "GUZMAN RIVERA, Ernesto"
    assert {"alias", "address", "relationship", "press release (Treasury)",
            "prosecution (allegation unless convicted)"} <= set(sections)
    assert "GUZMÁN RIVERA, Ernesto" in {r["what"] for r in rows if r["section"] == "alias"}
    prosecution = next(r for r in rows if r["section"].startswith("prosecution"))
    assert prosecution["url"].startswith("https://www.justice.gov/")
    rows = roomy_site.json("/tracker/dossier.json?uid=90014&_shape=array")
    assert {"entry", "press release (Treasury)", "prosecution (allegation unless convicted)"} <= {r["section"] for r in rows}
    rows = roomy_site.json("/tracker/dossier.json?uid=90013&_shape=array")
    assert {"list history", "OFAC recent action"} <= {r["section"] for r in rows}
    rows = roomy_site.json("/tracker/dossier.json?uid=90017&_shape=array")
    assert "date conflict" in {r["section"] for r in rows}
    rows = roomy_site.json("/tracker/dossier.json?uid=90008&_shape=array")
    assert "near match, not linked" in {r["section"] for r in rows}
    assert roomy_site.json("/tracker/dossier.json?uid=12345678&_shape=array") == []


def test_row_page_links_to_the_dossier_tables(roomy_site):
    data = roomy_site.json("/tracker/designations/90001.json?_extras=foreign_key_tables")
    counts = {t["other_table"]: t["count"] for t in data["foreign_key_tables"]}
    assert counts["aliases"] == 2 and counts["addresses"] == 1
    assert counts["press_release_designations"] == 1 and counts["defendants"] == 1
    page = roomy_site.get("/tracker/designations/90001").text
    assert "/tracker/defendants?uid=90001" in page


def test_find_name_searches_everything(roomy_site):
    rows = roomy_site.json("/tracker/find_name.json?name=guzm%C3%A1n+rivera&_shape=array")
    kinds = {(r["kind"], r["name"]) for r in rows}
    assert ("SDN entry", "GUZMAN RIVERA, Ernesto") in kinds
    assert ("defendant", "Ernesto Guzman Rivera") in kinds
    assert ("press release (DOJ)", "Culiacan Man Indicted for Fentanyl Trafficking Conspiracy") in kinds
    assert not any(r["name"] == "ALDANA GUZMAN, Rosa Elena" for r in rows)  # every word must match
    # punctuation and quotes in the input do not break the query
    assert roomy_site.json('/tracker/find_name.json?name=%22co.,+ltd.%22+wuhan&_shape=array')
    assert roomy_site.json("/tracker/find_name.json?name=&_shape=array") == []


def test_sanctioned_and_charged_view_is_described_when_present(roomy_site, db_path):
    if not sql(db_path, "select 1 from sqlite_master where name = 'sanctioned_and_charged'"):
        pytest.skip("the DOJ linking module (scrapers/linking/doj.py) does not register sanctioned_and_charged yet")
    page = roomy_site.get("/tracker/sanctioned_and_charged").text
    assert "allegation" in page
    data = roomy_site.json("/tracker/sanctioned_and_charged.json?_shape=objects")
    assert {r["uid"] for r in data["rows"]} == {90001, 90014}
    assert facet_counts(data, "designation_countries") == {"Mexico": 1, "China": 1}


# -- feeds ---------------------------------------------------------------------------------
def parse_feed(text: str):
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}") is not None and root.find(f"{ATOM}{tag}").text
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (entry.find(f"{ATOM}{tag}").text or "").strip(), f"entry without {tag}"
        dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)  # RFC 3339 with offset
        assert dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text).tzinfo is not None
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries), "duplicate entry ids"
    return root, entries


def test_new_designations_feed_is_valid_atom(roomy_site, db_path):
    response = roomy_site.get("/tracker/new_designations_feed.atom")
    assert "xml" in response.headers["content-type"]
    root, entries = parse_feed(response.text)
    assert root.find(f"{ATOM}title").text == "Fentanyl tracker: new SDN designations"
    # dated by the designation day (or window), never by the list version it was first seen on:
    # entries on the list before tracking began have no date and are not "new"
    dated = sql(db_path, "select uid, coalesce(designated_on, designated_before) from designations"
                         " where coalesce(designated_on, designated_before) is not null")
    assert len(entries) == len(dated) == 6
    by_uid = {e.find(f"{ATOM}id").text.rsplit(":", 1)[1]: e.find(f"{ATOM}updated").text[:10] for e in entries}
    assert by_uid == {str(uid): day for uid, day in dated}
    newest = entries[0]
    assert newest.find(f"{ATOM}updated").text.startswith("2025-03-14")
    assert newest.find(f"{ATOM}link").get("href").startswith("https://sanctionssearch.ofac.treas.gov/")


def test_new_prosecutions_feed_is_valid_atom(roomy_site):
    root, entries = parse_feed(roomy_site.get("/tracker/new_prosecutions_feed.atom").text)
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles[0] == "Chinese Chemical Company and Executive Charged with Importing Fentanyl Precursors"
    assert len(entries) == 3
    assert "allegation" in entries[0].find(f"{ATOM}content").text


def test_prosecutions_feed_stays_valid_without_prosecutions(tmp_path):
    db = fixture_data.build_database(tmp_path / "tracker.db", tables=("press_releases",))
    s = Site(db)
    try:
        root, entries = parse_feed(s.get("/tracker/new_prosecutions_feed.atom").text)
        assert [e.find(f"{ATOM}title").text for e in entries] == ["No prosecutions recorded yet"]
    finally:
        s.close()


# -- serving -------------------------------------------------------------------------------
def test_serve_runs_datasette_read_only_with_metadata_and_settings(tmp_path):
    args = datasette_args(tmp_path / "tracker.db", host="127.0.0.1", port=8123, metadata=METADATA)
    assert args[args.index("-i") + 1] == str(tmp_path / "tracker.db")
    assert args[args.index("--metadata") + 1] == str(METADATA)
    assert ["--setting", "max_csv_mb", "0"] == args[args.index("max_csv_mb") - 1: args.index("max_csv_mb") + 2]
    assert SETTINGS["max_csv_mb"] == 0


def test_serve_and_run_pass_metadata_and_say_when_data_is_stale(db_path, tmp_path, monkeypatch, run_cli):
    import scrapers.publish.serve

    served = {}

    def fake_run(args):
        served["args"] = args
        served["metadata"] = json.loads(Path(args[args.index("--metadata") + 1]).read_text())

    monkeypatch.setattr(scrapers.publish.serve, "run_datasette", fake_run)
    db = tmp_path / "other.db"
    shutil.copy(db_path, db)
    result = run_cli("serve", "--port", "8124", db=db)
    assert "-i" in served["args"] and str(db) in served["args"]
    assert "other" in served["metadata"]["databases"]
    assert "Stale data" not in served["metadata"]["description_html"]
    assert "Data: Serving data last built" in result.stderr or "Data: Serving data last built" in result.output

    # `tracker run` says it on every page instead, once its update fails (tests/test_offline.py)
    assert "Stale data: the last update failed" in scrapers.publish.serve.stale_notice(db)


def test_serve_refuses_a_missing_database(run_cli, tmp_path):
    result = run_cli("serve", db=tmp_path / "nothing.db", expect=1)
    assert "does not exist" in (result.stderr + result.output)
