"""Designation dates with official evidence (scrapers/linking/dates.py), from the dated sources
imported like saved files: SDN_ENHANCED.XML, delta files, Federal Register notices, Recent
Actions pages, releases and the list history -- ranked, re-tags carrying both dates,
disagreements in `conflicts`, and rebuilds reproducing it all."""
from __future__ import annotations

import json
import random

import pytest
from datesfix import (
    EO,
    Person,
    delta_add,
    delta_correction,
    delta_program_added,
    delta_remove,
    delta_xml,
    enhanced_xml,
    fr_notice_text,
    fr_page,
    fr_result,
    listing_json,
    sdn_csv,
)
from dbquery import one, q

from scrapers.db import content_hashes

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def long_date(iso: str) -> str:
    y, m, d = map(int, iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def population(seed: int = 14059):
    """300 invented E.O. 14059 entries as on a 2024 list: 282 designated under it on action
    days since 2021-12-15, 17 Kingpin Act entries put under it on 2021-12-15 and one on
    2024-02-28; plus entries of other programs."""
    rng = random.Random(seed)
    days = sorted({f"{y}-{m:02d}-{rng.randint(1, 28):02d}" for y in (2022, 2023) for m in range(1, 13)}
                  | {"2021-12-15", "2024-02-07", "2024-03-22"})
    fresh = [Person(60000 + n, f"PERSONA{n:03d} FALSA, Nombre{n}" if n % 3 else f"EMPRESA {n:03d} FALSA, S.A.",
                    kind="individual" if n % 3 else "entity", listed_on=days[n % len(days)]) for n in range(282)]
    retags = [Person(61000 + n, f"KINGPIN{n:02d} VIEJO, Jefe", programs=("SDNTK", EO),
                     listed_on=f"{2000 + n % 15}-0{1 + n % 9}-15") for n in range(18)]
    others = [Person(62000 + n, f"OTRO PROGRAMA{n}", kind="entity", programs=("SDGT",), listed_on="2015-01-01")
              for n in range(5)]
    return fresh, retags, others


def write_sources(tmp_path, with_notice=True, with_delta=True):
    fresh, retags, others = population()
    (tmp_path / "list").mkdir()
    (tmp_path / "list" / "sdn.csv").write_bytes(sdn_csv(fresh + retags + others))
    (tmp_path / "SDN_ENHANCED.XML").write_bytes(enhanced_xml(fresh + retags + others, as_of="2024-05-03"))
    files = []
    if with_notice:
        (tmp_path / "api.json").write_bytes(fr_page([fr_result("2021-27990", "2021-12-20")]))
        (tmp_path / "2021-27990.txt").write_bytes(
            fr_notice_text("2021-27990", [("December 15, 2021", "updated", retags[:17])], retag_from="SDNTK"))
        files += [tmp_path / "api.json", tmp_path / "2021-27990.txt"]
    if with_delta:
        (tmp_path / "2024-02-28_delta.xml").write_bytes(delta_xml("2024-02-28", [delta_program_added(retags[17].uid)]))
        files.append(tmp_path / "2024-02-28_delta.xml")
    return fresh, retags, files


def import_all(run_cli, tmp_path, files):
    run_cli("import", "sdn", tmp_path / "list", "--as-of", "2024-05-03")
    run_cli("import", "enhanced", tmp_path / "SDN_ENHANCED.XML")
    for f in files:
        run_cli("import", "fedreg" if f.suffix in (".txt", ".json") else "deltas", f)


def test_fresh_database_dates_99_percent_of_entries_with_evidence(run_cli, workdir, tmp_path):
    """Only the current list and the dated sources (no list history): every listed E.O. 14059
    entry has a designation date with its evidence and sha256; re-tags carry both dates."""
    fresh, retags, files = write_sources(tmp_path)
    import_all(run_cli, tmp_path, files)
    db = workdir / "tracker.db"
    listed = one(db, "select count(*) from designations where listed = 1")
    dated = one(db, "select count(*) from designations where listed = 1 and designated_on is not null"
                    " and designated_on_source is not null and designated_on_evidence is not null"
                    " and length(designated_on_sha256) = 64")
    assert listed == 300 and dated / listed >= 0.99
    # a fresh designation: its SDN-list date, from SDN_ENHANCED.XML
    p = fresh[7]
    assert q(db, "select designated_on, designated_on_source, designated_on_evidence, sdn_listed_on from designations"
                 " where uid = ?", p.uid) == [(p.listed_on, "sdn-enhanced", f"{tmp_path.name}/SDN_ENHANCED.XML", p.listed_on)]
    # the re-tags of 2021-12-15: the notice dates E.O. 14059, the export the SDN list
    r = retags[3]
    assert q(db, "select designated_on, designated_on_source, sdn_listed_on, sdn_listed_on_source from designations"
                 " where uid = ?", r.uid) == [("2021-12-15", "federal-register", r.listed_on, "sdn-enhanced")]
    assert one(db, "select designated_on_evidence from designations where uid = ?", r.uid).startswith(
        "https://www.federalregister.gov/documents/2021/12/20/2021-27990/")
    # the one put under E.O. 14059 in 2024: the delta file's day
    assert q(db, "select designated_on, designated_on_source from designations where uid = ?", retags[17].uid) == [
        ("2024-02-28", "delta-file")]
    assert one(db, "select count(*) from designations where sdn_listed_on < designated_on") == 18
    assert one(db, "select count(*) from conflicts") == 0
    # every claim is kept, the chosen one flagged
    assert one(db, "select count(*) from designation_dates where chosen = 1 and kind = 'program'") == 300
    assert one(db, "select count(*) from fr_entries where uid is not null") == 17


def test_without_notice_and_delta_re_tags_get_only_an_interval(run_cli, workdir, tmp_path):
    fresh, retags, files = write_sources(tmp_path, with_notice=False, with_delta=False)
    import_all(run_cli, tmp_path, files)
    db = workdir / "tracker.db"
    assert one(db, "select count(*) from designations where designated_on is not null") == 282
    # the list date is older than the program: never taken as the E.O. 14059 date
    assert q(db, "select designated_on, designated_after, designated_before, sdn_listed_on from designations where uid = ?",
             retags[0].uid) == [(None, "2021-12-14", "2024-05-03", retags[0].listed_on)]


def test_rebuild_and_incremental_builds_reproduce_the_dates(run_cli, workdir, tmp_path):
    fresh, retags, files = write_sources(tmp_path)
    import_all(run_cli, tmp_path, files)
    db = workdir / "tracker.db"
    before = content_hashes(db)
    run_cli("rebuild")
    assert content_hashes(db) == before


# -- ranking and conflicts ----------------------------------------------------------------------------
@pytest.fixture
def treasury_dir(fixtures):
    return fixtures / "treasury"


def test_recent_actions_outrank_the_export_and_the_disagreement_is_recorded(run_cli, workdir, tmp_path, treasury_dir):
    run_cli("import", "sdn", treasury_dir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", treasury_dir / "releases" / "tf1001.html", treasury_dir / "recent_actions" / "20240229.html")
    people = [Person(71001, "BASTIDA NIEVES, Aurelio", listed_on="2024-03-05"),      # 5 days off
              Person(71003, "ICAZA PRADO, Lorena", listed_on="2024-03-01")]          # 1 day off: agrees
    (tmp_path / "e.xml").write_bytes(enhanced_xml(people))
    run_cli("import", "enhanced", tmp_path / "e.xml")
    db = workdir / "tracker.db"
    assert q(db, "select designated_on, designated_on_source, designated_on_evidence from designations where uid = 71001") == [
        ("2024-02-29", "recent-actions", "https://ofac.treasury.gov/recent-actions/20240229")]
    assert len(one(db, "select designated_on_sha256 from designations where uid = 71001")) == 64
    rows = q(db, "select field, chosen_source, chosen_date, other_source, other_date, days_apart from conflicts"
                 " where uid = 71001 order by field")
    assert rows == [("designated_on", "recent-actions", "2024-02-29", "sdn-enhanced", "2024-03-05", 5),
                    ("sdn_listed_on", "recent-actions", "2024-02-29", "sdn-enhanced", "2024-03-05", 5)]
    assert one(db, "select count(*) from conflicts where uid = 71003") == 0
    # the release of the same day agrees with its Recent Actions page
    sources = {r[0] for r in q(db, "select source from designation_dates where uid = 71001 and kind = 'program'")}
    assert sources == {"recent-actions", "treasury-release", "sdn-enhanced", "list-first-seen"}


def test_a_day_seen_listed_bounds_every_later_claim(run_cli, workdir, tmp_path):
    p = Person(7501, "YA LISTADO FALSO, Ruben")
    (tmp_path / "v1").mkdir()
    (tmp_path / "v1" / "sdn.csv").write_bytes(sdn_csv([p]))
    run_cli("import", "sdn", tmp_path / "v1", "--as-of", "2023-01-10")
    # a delta file "adding" it a year after the list already had it
    (tmp_path / "2024-01-09_delta.xml").write_bytes(delta_xml("2024-01-09", [delta_add(p)]))
    run_cli("import", "deltas", tmp_path / "2024-01-09_delta.xml")
    db = workdir / "tracker.db"
    assert one(db, "select designated_on from designations where uid = 7501") is None
    assert q(db, "select chosen_source, other_source, other_date, days_apart from conflicts where field = 'designated_on'") == [
        ("list-first-seen", "delta-file", "2024-01-09", 364)]


# -- delta files and the list history -----------------------------------------------------------------
def test_delta_files_record_events_field_by_field_and_dates(run_cli, workdir, tmp_path):
    a = Person(7601, "CAMBIADO FALSO, Ana", aliases=("LA GUERA",))
    b = Person(7602, "NUEVA FALSA, Berta")
    gone = Person(7603, "BAJA FALSA, Carla")
    (tmp_path / "v1").mkdir()
    (tmp_path / "v1" / "sdn.csv").write_bytes(sdn_csv([a, gone]))
    run_cli("import", "sdn", tmp_path / "v1", "--as-of", "2024-01-02")
    (tmp_path / "2024-01-05_delta.xml").write_bytes(delta_xml("2024-01-05", [
        delta_add(b), delta_remove(gone), delta_correction(7601, "LA GUERA", "Mazatlan", "old", "new"),
        delta_add(Person(7690, "OTRA SANCION FALSA", kind="entity", programs=("RUSSIA-EO14024",)))]))
    (tmp_path / "2024-01-05_delta_2.xml").write_bytes(delta_xml("2024-01-05", [delta_remove(b), delta_add(b)]))
    (tmp_path / "listing-2024.json").write_bytes(listing_json(["2024-01-03_delta.xml", "2024-01-05_delta.xml",
                                                                "2024-01-05_delta_2.xml"]))
    run_cli("import", "deltas", tmp_path / "2024-01-05_delta.xml", tmp_path / "2024-01-05_delta_2.xml",
            tmp_path / "listing-2024.json")
    db = workdir / "tracker.db"
    events = q(db, "select observation_id, uid, event, observed_on from list_events where source = 'delta-file'"
                   " order by observation_id, uid")
    assert events == [(2024010501, 7601, "changed", "2024-01-05"), (2024010501, 7602, "added", "2024-01-05"),
                      (2024010501, 7603, "removed", "2024-01-05"), (2024010502, 7602, "changed", "2024-01-05")]
    summary = one(db, "select json_extract(details, '$.summary') from list_events where uid = 7601")
    assert summary == "remarks changed; alias removed; address added"
    assert q(db, "select id, kind, publication, observed_on, added, removed, changed from list_observations"
                 " where kind = 'delta' order by id") == [
        (2024010501, "delta", "2024-01-05_delta.xml", "2024-01-05", 1, 1, 1),
        (2024010502, "delta", "2024-01-05_delta_2.xml", "2024-01-05", 0, 0, 1)]
    assert q(db, "select name, listed, fetched from delta_files order by name") == [
        ("2024-01-03_delta.xml", 1, 0), ("2024-01-05_delta.xml", 1, 1), ("2024-01-05_delta_2.xml", 1, 1)]
    # a delta file names an entry the list does not have yet: its event is kept; dates come with the list
    assert one(db, "select count(*) from designations where uid = 7602") == 0


def test_history_dates_are_eastern_days(run_cli, workdir, tmp_path):
    """Versions named by UTC time: 01:42 UTC is the previous evening in Washington."""
    a, b = Person(7701, "PRIMERA FALSA, Dora"), Person(7702, "SEGUNDA FALSA, Eva")
    for name, people in (("2024-02-06T184500", [a]), ("2024-02-08T013249", [a, b])):
        (tmp_path / "h" / name).mkdir(parents=True)
        (tmp_path / "h" / name / "sdn.csv").write_bytes(sdn_csv(people))
    run_cli("import", "sdn-history", tmp_path / "h")
    db = workdir / "tracker.db"
    assert [r[0] for r in q(db, "select observed_on from list_observations order by id")] == ["2024-02-06", "2024-02-07"]
    assert q(db, "select designated_on, designated_on_source from designations where uid = 7702") == [
        ("2024-02-07", "list-diff")]
    other = workdir / "other.db"
    run_cli("--archive", workdir / "other-archive", "import", "sdn-history", tmp_path / "h",
            "--name-time-zone", "America/New_York", db=other)
    assert one(other, "select designated_on from designations where uid = 7702") == "2024-02-08"


def test_history_survives_broken_versions(run_cli, workdir, tmp_path):
    a, b = Person(7801, "ESTABLE FALSA, Fela"), Person(7802, "NUEVA FALSA, Gina")
    versions = {"2024-03-01T180000": sdn_csv([a]), "2024-03-02T180000": b"", "2024-03-03T180000": None,
                "2024-03-04T180000": b"<html><body>Service unavailable</body></html>",
                "2024-03-05T180000": sdn_csv([a, b])}
    for name, content in versions.items():
        (tmp_path / "h" / name).mkdir(parents=True)
        if content is not None:
            (tmp_path / "h" / name / "sdn.csv").write_bytes(content)
    result = run_cli("import", "sdn-history", tmp_path / "h")
    db = workdir / "tracker.db"
    assert [r[0] for r in q(db, "select observed_on from list_observations order by id")] == ["2024-03-01", "2024-03-05"]
    reasons = dict(q(db, "select substr(reason, 1, 30), reason from errors where source = 'sdn'"))
    assert sorted(reasons) == [f"version of 2024-03-0{d} skipped:" for d in (2, 3, 4)]
    assert "yielded no entries" in reasons["version of 2024-03-02 skipped:"]
    assert "2024-03-03T180000 holds none of" in reasons["version of 2024-03-03 skipped:"]
    assert "HTML" in reasons["version of 2024-03-04 skipped:"]
    assert str(tmp_path) not in " ".join(reasons.values())          # no local path is published
    assert "skipped 3" in result.output
    assert one(db, "select designated_on from designations where uid = 7802") == "2024-03-05"
    # the same history again: nothing new, the broken versions not recorded twice
    again = run_cli("import", "sdn-history", tmp_path / "h")
    assert "Nothing new" in again.output


def test_list_history_changed_events_say_what_changed(run_cli, workdir, tmp_path):
    before = Person(7901, "CAMBIOS FALSO, Hector", remarks="a.k.a. 'EL VIEJO'; nationality Mexico.")
    after = Person(7901, "CAMBIOS FALSO, Hector", remarks="a.k.a. 'EL NUEVO'; nationality Mexico; Passport X1 (Mexico).")
    kingpin = Person(7902, "KINGPIN FALSO, Ivo", programs=("SDNTK",))
    for name, people in (("2024-04-01", [before, kingpin]),
                         ("2024-04-03", [after, Person(7902, "KINGPIN FALSO, Ivo", programs=("SDNTK", EO))])):
        (tmp_path / "h" / name).mkdir(parents=True)
        (tmp_path / "h" / name / "sdn.csv").write_bytes(sdn_csv(people))
    run_cli("import", "sdn-history", tmp_path / "h")
    db = workdir / "tracker.db"
    changes = json.loads(one(db, "select details from list_events where uid = 7901 and event = 'changed'"))["changes"]
    assert {"field": "alias", "change": "removed", "old": "aka EL VIEJO"} in changes
    assert {"field": "alias", "change": "added", "new": "aka EL NUEVO"} in changes
    assert {"field": "identifier", "change": "added", "new": "Passport X1 (Mexico)"} in changes
    retag = json.loads(one(db, "select details from list_events where uid = 7902 and event = 'added'"))
    assert retag["on_list_before"] is True
    assert retag["changes"] == [{"field": "program", "change": "added", "new": EO}]
    # entering E.O. 14059 is dated; the SDN-list date is not known from the list history
    assert q(db, "select designated_on, sdn_listed_on from designations where uid = 7902") == [("2024-04-03", None)]


def test_a_list_date_is_only_an_inference_of_the_program_date(run_cli, workdir, tmp_path, treasury_dir):
    """Listed in 2022 under another program, put under E.O. 14059 by a 2024 release that names
    it: the release dates the designation; SDN_ENHANCED.XML still gives the SDN-list date."""
    run_cli("import", "sdn", treasury_dir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", treasury_dir / "releases" / "tf1001.html")
    (tmp_path / "e.xml").write_bytes(enhanced_xml([Person(71001, "BASTIDA NIEVES, Aurelio", programs=("TCO", EO),
                                                          listed_on="2022-06-01")]))
    run_cli("import", "enhanced", tmp_path / "e.xml")
    db = workdir / "tracker.db"
    assert q(db, "select designated_on, designated_on_source, sdn_listed_on, sdn_listed_on_source from designations"
                 " where uid = 71001") == [("2024-02-29", "treasury-release", "2022-06-01", "sdn-enhanced")]
    assert q(db, "select chosen_source, other_source, other_date from conflicts where uid = 71001"
                 " and field = 'designated_on'") == [("treasury-release", "sdn-enhanced", "2022-06-01")]
    assert q(db, "select rank from designation_dates where uid = 71001 and kind = 'program'"
                 " and source = 'sdn-enhanced'") == [(4,)]
