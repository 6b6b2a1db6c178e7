"""`tracker import sdn` / `import sdn-history` / `rebuild`: the SDN pipeline end to end."""
from __future__ import annotations

import json
import shutil

import pytest
from dbquery import one, q

from scrapers.db import content_hashes


@pytest.fixture
def base(fixtures):
    return fixtures / "sdn" / "2024-01-02"


def test_import_keeps_tracked_program_only(run_cli, workdir, base):
    result = run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    assert "sdn:" in result.output
    uids = [r[0] for r in q(db, "select uid from designations order by uid")]
    assert uids == [9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008]   # 8001/8002 are other programs
    assert one(db, "select count(*) from designations where listed = 1") == 8
    types = dict(q(db, "select entity_type, count(*) from designations group by 1"))
    assert types == {"individual": 4, "entity": 3, "vessel": 1}
    assert json.loads(one(db, "select programs from designations where uid = 9008")) == ["SDNTK", "ILLICIT-DRUGS-EO14059"]


def test_observation_date_from_directory_name(run_cli, workdir, base):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    assert q(db, "select observed_on from list_observations") == [("2024-01-02",)]
    assert one(db, "select first_seen from designations where uid = 9001") == "2024-01-02"


def test_as_of_overrides_and_today_is_the_fallback(run_cli, workdir, base, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    shutil.copy(base / "sdn.csv", plain / "SDN.CSV")            # names are case-insensitive
    run_cli("import", "sdn", plain / "SDN.CSV", "--as-of", "2023-12-31")
    db = workdir / "tracker.db"
    assert q(db, "select observed_on from list_observations") == [("2023-12-31",)]
    result = run_cli("import", "sdn", plain / "SDN.CSV", "--as-of", "31/12/2023", expect=1)
    assert "--as-of must be a date" in result.output


def test_first_observation_leaves_designation_dates_unknown(run_cli, workdir, base):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    assert one(db, "select count(*) from designations where designated_on is not null") == 0
    assert one(db, "select count(*) from list_events") == 0                 # nothing was "added" that day


def test_child_tables(run_cli, workdir, base):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    aliases = q(db, "select alias, alias_type, quality, source from aliases where uid = 9001 order by alias")
    assert aliases == [("El Fantasma", "aka", "weak", "remarks"), ("Fanta; El Viejo", "aka", "weak", "remarks"),
                       ("ZARATE, Ernesto", "aka", "strong", "alt.csv")]
    assert q(db, "select city, state_province, postal_code, country, country_code from addresses where uid = 9001") == [
        ("Culiacan", "Sinaloa", "80000", "Mexico", "MX")]
    assert one(db, "select count(*) from addresses where uid = 7777") == 0   # ent_num absent from sdn.csv
    assert q(db, "select linked_name, linked_uid from relationships where uid = 9004") == [
        ("RED FICTICIA DEL PACIFICO, S.A. DE C.V.", 9002)]
    assert q(db, "select linked_name, linked_uid from relationships where uid = 9003") == [
        ("SOMEONE NOT ON THE LIST", None)]
    ids = dict(q(db, "select id_type, id_value from identifiers where uid = 9004"))
    assert ids == {"NIT #": "1234567-8", "Cedula No.": "Cedula: M-99999"}
    assert one(db, "select remarks_unparsed from designations where uid = 9004") == "An unparsed clause the rules do not know"
    assert one(db, "select ofac_url from designations where uid = 9001").endswith("Details.aspx?id=9001")
    row = q(db, "select nationality, date_of_birth, place_of_birth, gender from designations where uid = 9001")[0]
    assert row == ("Mexico", "1970-02-12", "Culiacán, Sinaloa, Mexico", "Male")


def test_same_observation_twice_is_a_no_op(run_cli, workdir, base):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    before = content_hashes(db)
    result = run_cli("import", "sdn", base)
    assert "already imported" in result.output
    assert content_hashes(db) == before


def test_history_events_and_dates(run_cli, workdir, fixtures):
    run_cli("import", "sdn-history", fixtures / "sdn" / "history")
    db = workdir / "tracker.db"
    assert q(db, "select observed_on, added, removed, changed from list_observations order by id") == [
        ("2024-01-02", 8, 0, 0), ("2024-01-06", 2, 0, 0), ("2024-02-20", 1, 2, 1)]
    events = q(db, "select observed_on, uid, event from list_events order by observed_on, uid, event")
    assert events == [("2024-01-06", 9101, "added"), ("2024-01-06", 9102, "added"),
                      ("2024-02-20", 9002, "changed"), ("2024-02-20", 9004, "removed"),
                      ("2024-02-20", 9005, "removed"), ("2024-02-20", 9103, "added")]
    # within 7 days of the previous observation: the list-diff date is the designation date
    assert q(db, "select designated_on, designated_on_source, designation_year from designations where uid = 9101") == [
        ("2024-01-06", "list-diff", 2024)]
    # 45 days later: only the interval is known
    assert q(db, "select designated_on, designated_after, designated_before, designation_year from designations where uid = 9103") == [
        (None, "2024-01-06", "2024-02-20", 2024)]
    # removed rows are kept, flagged
    assert q(db, "select listed, removed_on, last_seen from designations where uid = 9004") == [(0, "2024-02-20", "2024-01-06")]
    reasons = dict(q(db, "select uid, json_extract(details, '$.reason') from list_events where event = 'removed'"))
    assert reasons == {9004: "no longer on the list", 9005: "left tracked programs"}
    change = json.loads(one(db, "select details from list_events where event = 'changed'"))
    assert change["fields"] == ["remarks"]
    assert one(db, "select last_seen from designations where uid = 9001") == "2024-02-20"


def test_out_of_order_import_replays_history_in_date_order(run_cli, workdir, fixtures, tmp_path):
    hist = fixtures / "sdn" / "history"
    db_a = tmp_path / "a" / "tracker.db"
    db_a.parent.mkdir()
    run_cli("import", "sdn-history", hist, db=db_a)
    db_b = tmp_path / "b" / "tracker.db"
    db_b.parent.mkdir()
    for name in ["2024-02-20T120000", "2024-01-02", "2024-01-06"]:
        result = run_cli("import", "sdn", hist / name, db=db_b)
    assert "replaying the list history in date order" in result.output
    a, b = content_hashes(db_a), content_hashes(db_b)
    # batch ids differ (the archive saw the files in another order); everything else is equal
    assert {k: v for k, v in a.items() if k != "list_observations"} == {k: v for k, v in b.items() if k != "list_observations"}
    cols = "id, observed_on, entries_in_scope, added, removed, changed"
    assert q(db_a, f"select {cols} from list_observations") == q(db_b, f"select {cols} from list_observations")


def test_two_observations_on_the_same_day_are_both_processed(run_cli, workdir, fixtures, tmp_path):
    hist = fixtures / "sdn" / "history"
    run_cli("import", "sdn", hist / "2024-01-02")
    run_cli("import", "sdn", hist / "2024-01-06", "--as-of", "2024-01-02")
    db = workdir / "tracker.db"
    assert q(db, "select id, observed_on, added from list_observations order by id") == [(1, "2024-01-02", 8), (2, "2024-01-02", 2)]
    assert one(db, "select designated_on from designations where uid = 9101") == "2024-01-02"


def test_program_option_adds_scope_and_is_remembered(run_cli, workdir, base, fixtures):
    run_cli("import", "sdn", base, "--program", "SDNTK")
    db = workdir / "tracker.db"
    assert one(db, "select count(*) from designations where uid = 8002 and listed = 1") == 1
    run_cli("import", "sdn", fixtures / "sdn" / "history" / "2024-01-06")
    assert one(db, "select listed from designations where uid = 8002") == 1   # still tracked
    assert json.loads(one(db, "select programs from list_observations order by id desc limit 1")) == [
        "ILLICIT-DRUGS-EO14059", "SDNTK"]


def test_program_from_config_file(run_cli, workdir, base):
    (workdir / "tracker.toml").write_text('[sdn]\nprograms = ["SDNTK"]\n')
    run_cli("import", "sdn", base)
    assert one(workdir / "tracker.db", "select count(*) from designations where uid = 8002") == 1


def test_bad_row_names_file_and_row_and_changes_nothing(run_cli, workdir, base, fixtures):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    before = content_hashes(db)
    result = run_cli("import", "sdn", fixtures / "sdn" / "bad" / "short-row" / "sdn.csv", "--as-of", "2024-01-03", expect=1)
    assert "sdn: short-row/sdn.csv, row 4: expected 12 fields, found 3" in result.output
    assert content_hashes(db) == before


def test_bad_rows_within_max_errors_are_recorded(run_cli, workdir, fixtures):
    run_cli("import", "sdn", fixtures / "sdn" / "bad" / "short-row" / "sdn.csv", "--as-of", "2024-01-03", "--max-errors", "1")
    db = workdir / "tracker.db"
    assert q(db, "select source, row, reason from errors") == [("sdn", "4", "expected 12 fields, found 3")]
    assert one(db, "select count(*) from designations") == 8


def test_undecodable_byte_is_an_error_not_a_silent_skip(run_cli, workdir, fixtures):
    result = run_cli("import", "sdn", fixtures / "sdn" / "bad" / "bad-byte" / "sdn.csv", "--as-of", "2024-01-03", expect=1)
    assert "row 1" in result.output and "0x81" in result.output
    assert not (workdir / "tracker.db").exists()


def test_large_drop_needs_allow_drop(run_cli, workdir, base, tmp_path):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    before = content_hashes(db)
    half = tmp_path / "2024-01-09"
    half.mkdir()
    lines = (base / "sdn.csv").read_bytes().split(b"\r\n")
    (half / "sdn.csv").write_bytes(b"\r\n".join(lines[:3] + lines[6:]))   # 9004-9006 gone: 3 of 8
    result = run_cli("import", "sdn", half, expect=1)
    assert "would drop from 8 to 5" in result.output and "--allow-drop" in result.output
    assert content_hashes(db) == before
    run_cli("import", "sdn", half, "--allow-drop")
    assert one(db, "select count(*) from designations where listed = 1") == 5


@pytest.mark.parametrize("args,message", [
    (["notes.txt"], "not an SDN file"),
    (["add.csv"], "an observation needs sdn.csv"),
])
def test_file_errors(run_cli, workdir, base, args, message):
    (workdir / "notes.txt").write_text("x")
    shutil.copy(base / "add.csv", workdir / "add.csv")
    result = run_cli("import", "sdn", *[workdir / a for a in args], expect=1)
    assert message in result.output


def test_rebuild_reproduces_the_database(run_cli, workdir, fixtures):
    run_cli("import", "sdn-history", fixtures / "sdn" / "history")
    run_cli("import", "sdn", fixtures / "sdn" / "2024-01-02", "--as-of", "2024-03-01", "--allow-drop")
    db = workdir / "tracker.db"
    before = content_hashes(db)
    result = run_cli("rebuild")
    assert "rebuilt from the archive" in result.output
    assert content_hashes(db) == before


def test_full_text_search_folds_accents(run_cli, workdir, base):
    run_cli("import", "sdn", base)
    db = workdir / "tracker.db"
    hits = q(db, "select rowid from designations_fts where designations_fts match 'culiacan'")
    assert hits  # "Culiacán" in the remarks


# -- the real corpus (skipped on a fresh clone) ------------------------------------------
@pytest.mark.corpus
def test_corpus_2024_05_03(run_cli, workdir, corpus):
    c = corpus / "ofac"
    run_cli("import", "sdn", c / "sdn/2024-05-03/sdn.csv", c / "sdn-later/2026-06-02/add.csv",
            c / "sdn-later/2026-06-02/alt.csv", "--as-of", "2024-05-03")
    db = workdir / "tracker.db"
    assert one(db, "select count(*) from designations where listed = 1") == 293
    assert dict(q(db, "select entity_type, count(*) from designations group by 1")) == {"individual": 171, "entity": 122}
    assert one(db, "select count(*) from designations where countries = '[]'") == 0
    assert one(db, "select count(distinct uid) from addresses") >= 292
    # Every program tag on the list is a known tag (truncation repair never guesses).
    assert one(db, "select count(*) from designations where remarks is not null") > 250


@pytest.mark.corpus
def test_corpus_history(run_cli, workdir, corpus):
    run_cli("import", "sdn-history", corpus / "ofac" / "sdn")
    db = workdir / "tracker.db"
    added = [r[0] for r in q(db, "select uid from list_events where event = 'added' and observed_on = '2023-05-09' order by uid")]
    assert added == [40766, 40767, 41896, 41897, 41898, 41899]
    assert one(db, "select count(*) from designations where designated_on = '2023-05-09' and designated_on_source = 'list-diff'") == 6
