"""Safe parsing, XML half: SDN.XML through defusedxml gives the records the CSV path gives;
bombs, external entities and broken files are refused with an error naming the file."""
from __future__ import annotations

import resource
import sqlite3
import time
from pathlib import Path

import pytest

from scrapers.errors import SourceError
from scrapers.sources.sdn import xml as sdn_xml
from scrapers.sources.sdn.parse import Problem, role_of

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"


def rows(db: Path, sql: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def csv_and_xml(run_cli, workdir):
    csv_db, xml_db = workdir / "csv.db", workdir / "xml.db"
    run_cli("--archive", workdir / "a1", "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01", db=csv_db)
    run_cli("--archive", workdir / "a1", "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-14", db=csv_db)
    run_cli("--archive", workdir / "a2", "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01", db=xml_db)
    run_cli("--archive", workdir / "a2", "import", "sdn", FAULTS / "sdn_xml" / "sdn.xml", db=xml_db)
    return csv_db, xml_db


def test_xml_gives_the_records_the_csv_gives(csv_and_xml):
    csv_db, xml_db = csv_and_xml
    for table in ("designations", "identifiers", "relationships", "addresses", "list_events"):
        a = rows(csv_db, f"select * from {table} order by 1, 2, 3")
        b = rows(xml_db, f"select * from {table} order by 1, 2, 3")
        assert a == b, table
    # aliases: the same names, types and qualities; the source column says where they came from
    a = rows(csv_db, "select uid, alias, alias_type, quality, source from aliases order by 1, 2")
    b = rows(xml_db, "select uid, alias, alias_type, quality, source from aliases order by 1, 2")
    assert [r[:4] for r in a] == [r[:4] for r in b]
    # rows are rewritten only for entries that changed: those now say sdn.xml
    assert {r[4] for r in b if r[0] == 90118} == {"sdn.xml"}
    # switching format between two versions produced no spurious "changed" events
    assert rows(xml_db, "select count(*) from list_events where event = 'changed'") == [(1,)]
    assert rows(xml_db, "select observed_on from list_observations order by id") == [("2025-03-01",), ("2025-03-14",)]


def test_xml_publish_date_dates_the_observation(csv_and_xml):
    _, xml_db = csv_and_xml
    files = rows(xml_db, "select files from list_observations where observed_on = '2025-03-14'")[0][0]
    assert '"file": "sdn.xml"' in files


def test_entity_expansion_bomb_is_refused_fast_naming_the_file(run_cli, workdir):
    bomb = FAULTS / "bomb" / "sdn.xml"
    started = time.monotonic()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run_cli("import", "sdn", bomb, "--as-of", "2025-03-14", expect=1)
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 200_000  # KiB: nothing expanded
    assert "sdn: bomb/sdn.xml: refused: the XML declares entity 'lol'" in result.output
    assert not (workdir / "tracker.db").exists()


def test_external_entity_is_refused_and_nothing_is_read(run_cli, workdir):
    result = run_cli("import", "sdn", FAULTS / "external" / "sdn.xml", "--as-of", "2025-03-14", expect=1)
    assert "refused" in result.output and "root:" not in result.output


def test_parse_refuses_dtd_entities_directly():
    with pytest.raises(SourceError, match=r"^sdn: feed.xml: refused: the XML declares entity 'lol'"):
        sdn_xml.parse((FAULTS / "bomb" / "sdn.xml").read_bytes(), "feed.xml", [])


def test_malformed_xml_names_file_and_line():
    body = (FAULTS / "sdn_xml" / "sdn.xml").read_bytes()
    cut = body[: len(body) // 2]
    with pytest.raises(SourceError, match=r"^sdn: cut.xml, row \d+: not well-formed XML"):
        sdn_xml.parse(cut, "cut.xml", [])


def test_not_an_sdn_list():
    with pytest.raises(SourceError, match=r"the root element is <export>, expected <sdnList>"):
        sdn_xml.parse(b"<?xml version='1.0'?><export><x/></export>", "eu.xml", [])


def test_bad_entries_are_reported_not_skipped_silently():
    body = b"""<?xml version="1.0"?>
<sdnList xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>03/14/2025</Publish_Date><Record_Count>5</Record_Count></publshInformation>
  <sdnEntry><uid>1</uid><lastName>GOOD ENTITY</lastName><sdnType>Entity</sdnType>
    <programList><program>ILLICIT-DRUGS-EO14059</program></programList></sdnEntry>
  <sdnEntry><uid>x2</uid><lastName>BAD UID</lastName><sdnType>Entity</sdnType>
    <programList><program>ILLICIT-DRUGS-EO14059</program></programList></sdnEntry>
  <sdnEntry><uid>3</uid><sdnType>Individual</sdnType>
    <programList><program>ILLICIT-DRUGS-EO14059</program></programList></sdnEntry>
  <sdnEntry><uid>1</uid><lastName>DUPLICATE</lastName><sdnType>Entity</sdnType>
    <programList><program>ILLICIT-DRUGS-EO14059</program></programList></sdnEntry>
</sdnList>"""
    problems: list[Problem] = []
    parsed = sdn_xml.parse(body, "bad.xml", problems)
    assert [r.uid for r in parsed.raws] == [1]
    reasons = [p.reason for p in problems]
    assert "sdnEntry #2: uid missing or not a number: 'x2'" in reasons
    assert "sdnEntry #3: entry 3 has no lastName" in reasons
    assert "sdnEntry #4: uid 1 appears twice" in reasons
    assert any("Record_Count" in r and "holds 4" in r for r in reasons)
    assert all(p.location == "bad.xml" for p in problems)


def test_bad_xml_entries_go_to_the_errors_table(run_cli, workdir, tmp_path):
    body = (FAULTS / "sdn_xml" / "sdn.xml").read_text(encoding="utf-8").replace(
        "<uid>90102</uid>", "<uid>not-a-number</uid>", 1)
    path = tmp_path / "sdn.xml"
    path.write_text(body, encoding="utf-8")
    result = run_cli("import", "sdn", path, expect=1)
    assert "uid missing or not a number: 'not-a-number'" in result.output and "--max-errors" in result.output
    run_cli("import", "sdn", path, "--max-errors", "1")
    assert rows(workdir / "tracker.db", "select source, location, row, reason from errors") == [
        ("sdn", f"{tmp_path.name}/sdn.xml", "2", "sdnEntry #2: uid missing or not a number: 'not-a-number'")]


def test_xml_and_csv_cannot_be_mixed_in_one_observation(run_cli, tmp_path):
    d = tmp_path / "both"
    d.mkdir()
    (d / "sdn.csv").write_bytes((FAULTS / "sdn_v2" / "sdn.csv").read_bytes())
    (d / "sdn.xml").write_bytes((FAULTS / "sdn_xml" / "sdn.xml").read_bytes())
    result = run_cli("import", "sdn", d, expect=1)
    assert "either sdn.xml or the CSV files" in result.output


def test_role_of_knows_the_xml_file():
    assert role_of("SDN.XML") == "xml" and role_of("/x/sdn.xml") == "xml" and role_of("other.xml") is None


def test_sniff_publish_date_reads_no_further_than_the_header():
    assert sdn_xml.sniff_publish_date(b"<sdnList><publshInformation><Publish_Date>10/29/2020</Publish_Date>") == "2020-10-29"
    assert sdn_xml.sniff_publish_date(b"<sdnList>" + b" " * 5000 + b"<Publish_Date>10/29/2020</Publish_Date>") is None


def test_the_real_xml_excerpt_parses(corpus):
    path = corpus / "ofac" / "xml" / "sdn-xml-excerpt_Bik-KrlvnOrg_sdn.xml"
    if not path.exists():
        pytest.skip("excerpt not in the corpus")
    problems: list[Problem] = []
    parsed = sdn_xml.parse(path.read_bytes(), str(path), problems)
    assert len(parsed.raws) == 2 and parsed.publish_date == "2020-10-29"
    assert [p.reason for p in problems] == ["the file says it holds 8497 entries (Record_Count) but holds 2: truncated or altered?"]
    by_uid = {r.uid: r for r in parsed.raws}
    assert by_uid[173].fields[3] == "CUBA" and by_uid[173].fields[2] == "-0- "
    assert parsed.addresses[173][0]["postal_code"] == "EC3N 1DY"
    assert parsed.aliases[36][0]["alias"] == "AERO-CARIBBEAN"
