"""Parsers of the dated sources on invented files in their published formats (tests/datesfix.py):
SDN_ENHANCED.XML, delta files and their archive listing, Federal Register API pages and
notice texts -- unknown elements tolerated, anything not in the format refused naming the file."""
from __future__ import annotations

import json

import pytest
from datesfix import (
    DELTA_NS,
    ENHANCED_NS,
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
)

from scrapers.errors import SourceError
from scrapers.sources.deltas.parse import file_key, observation_id, parse_delta, parse_listing
from scrapers.sources.enhanced.parse import parse as parse_enhanced
from scrapers.sources.enhanced.parse import sniff_date
from scrapers.sources.fedreg.parse import parse_api_page, parse_notice

PEOPLE = [Person(5001, "RIOS INVENTADO, Aurelio", aliases=("EL GUERO",)),
          Person(5002, "QUIMICA DEL VALLE FALSO, S.A. DE C.V.", kind="entity", listed_on="2024-02-07"),
          Person(5003, "ANTIGUO CAPO, Ramon", programs=("SDNTK", EO), listed_on="2004-06-01")]


# -- SDN_ENHANCED.XML ---------------------------------------------------------------------------
def test_enhanced_gives_each_tracked_entity_its_sdn_list_date():
    parsed = parse_enhanced(enhanced_xml(PEOPLE, as_of="2024-05-03"), "SDN_ENHANCED.XML", {EO})
    assert parsed.data_as_of == "2024-05-03" and parsed.total == 5 and parsed.sdn_dated == 5
    got = {e.uid: (e.name, e.entity_type, e.programs, e.lists) for e in parsed.entities}
    assert got[5002] == ("QUIMICA DEL VALLE FALSO, S.A. DE C.V.", "entity", (EO,), (("SDN List", "2024-02-07"),))
    assert got[5003][3] == (("SDN List", "2004-06-01"),)          # the list's date, not the program's
    assert set(got) == {5001, 5002, 5003}                         # the two CUBA vessels are not tracked
    everyone = parse_enhanced(enhanced_xml(PEOPLE), "f", {"*"})
    assert {e.uid: e.lists for e in everyone.entities}[990001] == (("SDN List", "1999-03-02"),
                                                                  ("Consolidated List", "2014-10-10"))
    assert sniff_date(enhanced_xml(PEOPLE, as_of="2025-01-31")) == "2025-01-31"


def test_enhanced_keeps_known_uids_whatever_their_programs():
    parsed = parse_enhanced(enhanced_xml(PEOPLE), "f", {EO}, uids={990000})
    assert 990000 in {e.uid for e in parsed.entities}


@pytest.mark.parametrize("mangle,message", [
    (lambda b: b.replace(ENHANCED_NS.encode(), DELTA_NS.encode()), "this is an OFAC delta file"),
    (lambda b: b.replace(ENHANCED_NS.encode(), b"urn:something-else"), "unknown XML namespace"),
    (lambda b: b.replace(b"sanctionsData", b"sdnList"), "expected <sanctionsData>"),
    (lambda b: b[: len(b) // 2], "not well-formed XML"),
    (lambda b: b.replace(b"datePublished=", b"dateListed="), "none of the 5 entities carries a datePublished"),
    (lambda b: b.replace(b'<entity id="5001">', b'<entity id="x5001">'), "entity #1 has no numeric id"),
    (lambda b: b"", "empty file"),
    (lambda b: b"<html><body>Service Unavailable</body></html>", "expected <sanctionsData>"),
])
def test_enhanced_not_in_the_format_is_refused_naming_the_file(mangle, message):
    with pytest.raises(SourceError) as exc:
        parse_enhanced(mangle(enhanced_xml(PEOPLE)), "https://example.test/SDN_ENHANCED.XML", {EO})
    assert message in str(exc.value) and "SDN_ENHANCED.XML" in str(exc.value)


def test_enhanced_refuses_entity_expansion():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE sanctionsData [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<sanctionsData xmlns="' + ENHANCED_NS.encode() + b'"><entities>&b;</entities></sanctionsData>')
    with pytest.raises(SourceError, match="entity expansion is never allowed"):
        parse_enhanced(bomb, "bomb.xml", {EO})


# -- delta files ----------------------------------------------------------------------------------
def test_delta_file_adds_removes_and_corrects_field_by_field():
    new = Person(5101, "NUEVO FALSO, Elena", addresses=("Tijuana, Baja California",))
    gone = Person(5102, "DELISTADO FICTICIO, Jorge")
    content = delta_xml("2024-02-07", [delta_add(new), delta_remove(gone), delta_program_added(5003),
                                       delta_correction(5001, "EL GUERO", "Mazatlan", "old words", "new words")])
    parsed = parse_delta(content, "2024-02-07_delta.xml")
    assert parsed.published_on == "2024-02-07" and parsed.publication_type == "Standard Action" and parsed.total == 4
    by = {e.uid: e for e in parsed.entities}
    assert (by[5101].action, by[5101].name, by[5101].programs) == ("added", "NUEVO FALSO, Elena", [EO])
    assert by[5102].action == "removed"
    assert by[5003].action == "changed"
    assert {"field": "program", "change": "added", "new": EO} in by[5003].changes
    # an element we do not know, with an action: kept as a change of its own, not an error
    assert any(c["field"] == "somethingNew" for c in by[5003].changes)
    assert by[5001].changes[:3] == [
        {"field": "remarks", "change": "changed", "old": "old words", "new": "new words"},
        {"field": "alias", "change": "removed", "old": "A.K.A. EL GUERO"},
        {"field": "address", "change": "added", "new": "Mazatlan, Mexico"}]


@pytest.mark.parametrize("order", ["remove-then-add", "add-then-remove"])
def test_delta_file_that_removes_and_re_adds_an_entry_is_one_change(order):
    before = Person(5201, "REEMPLAZO FALSO, Ana", aliases=("LA VIEJA",), addresses=("Culiacan, Sinaloa",))
    after = Person(5201, "REEMPLAZO FALSO, Ana Maria", aliases=("LA NUEVA",), addresses=("Culiacan, Sinaloa",))
    parts = [delta_remove(before), delta_add(after)]
    parsed = parse_delta(delta_xml("2024-03-01", parts if order == "remove-then-add" else parts[::-1]), "f")
    assert len(parsed.entities) == 1
    e = parsed.entities[0]
    assert e.action == "changed"
    changes = [c for c in e.changes if c["field"] != "legal authority"]    # only in the added body
    assert {"field": "name", "change": "changed", "old": "REEMPLAZO FALSO, Ana", "new": "REEMPLAZO FALSO, Ana Maria"} in changes
    assert {"field": "alias", "change": "removed", "old": "A.K.A. LA VIEJA"} in changes
    assert {"field": "alias", "change": "added", "new": "A.K.A. LA NUEVA"} in changes
    assert not [c for c in changes if c["field"] == "address"]


def test_delta_date_is_the_eastern_day_of_its_publication():
    assert parse_delta(delta_xml("2024-02-07", [], offset="-05:00"), "f").published_on == "2024-02-07"
    late_utc = delta_xml("2024-02-08", [], offset="Z").replace(b"T00:00:00Z", b"T01:30:00Z")
    assert parse_delta(late_utc, "f").published_on == "2024-02-07"


@pytest.mark.parametrize("mangle,message", [
    (lambda b: b.replace(DELTA_NS.encode(), ENHANCED_NS.encode()), "SDN_ENHANCED.XML"),
    (lambda b: b.replace(b"<datePublished>2024-02-07T00:00:00-05:00</datePublished>", b""), "datePublished missing"),
    (lambda b: b.replace(b'<entity id="5101"', b'<entity'), "no numeric id"),
    (lambda b: b[:-40], "not well-formed XML"),
])
def test_delta_not_in_the_format_is_refused_naming_the_file(mangle, message):
    content = delta_xml("2024-02-07", [delta_add(Person(5101, "NUEVO FALSO, Elena"))])
    with pytest.raises(SourceError) as exc:
        parse_delta(mangle(content), "https://x.test/DeltaArchive/2024-02-07_delta.xml")
    assert message in str(exc.value) and "2024-02-07_delta.xml" in str(exc.value)


def test_delta_file_names_and_their_observation_ids():
    assert file_key("2024-02-07_delta.xml") == ("2024-02-07", 1)
    assert file_key("2024-02-07_delta_2.xml") == ("2024-02-07", 2)
    assert file_key("SDN.CSV") is None
    assert observation_id("2024-02-07_delta_2.xml") == 2024020702


def test_archive_listing():
    rows, other = parse_listing(listing_json(["2024-01-05_delta.xml", "2024-01-05_delta_2.xml"]), "u")
    assert [(r.name, r.published_on) for r in rows] == [("2024-01-05_delta.xml", "2024-01-05"),
                                                        ("2024-01-05_delta_2.xml", "2024-01-05")]
    assert parse_listing(b"[]", "u") == ([], 0)
    wrapped = json.dumps({"data": [{"fileName": "x.pdf"}, {"downloadLink": "DeltaArchive/2023-12-01_delta.xml"}]})
    rows, other = parse_listing(wrapped.encode(), "u")
    assert [r.name for r in rows] == ["2023-12-01_delta.xml"] and other == 1
    for bad, message in ((b"<html>error</html>", "HTML/XML where the archive listing"),
                         (b"{not json", "not JSON"), (b'"a string"', "not a list of objects"),
                         (json.dumps([{"name": "a"}]).encode(), "names no delta file")):
        with pytest.raises(SourceError, match=message):
            parse_listing(bad, "https://sls.test/GetDeltaFileArchive?year=2024")


# -- Federal Register ------------------------------------------------------------------------------
def test_api_page():
    count, pages, docs = parse_api_page(fr_page([fr_result("2024-03071", "2024-02-16")], count=120, pages=2), "u")
    assert (count, pages, [d["document_number"] for d in docs]) == (120, 2, ["2024-03071"])
    assert parse_api_page(fr_page([], pages=0), "u") == (0, 0, [])
    for bad, message in ((b"<html>", "not a JSON API answer"), (b'{"results": []}', "no 'count'"),
                         (json.dumps({"count": 1, "results": [{"title": "x"}]}).encode(), "lacks a document_number")):
        with pytest.raises(SourceError, match=message):
            parse_api_page(bad, "https://www.federalregister.gov/api/v1/documents.json")


def test_notice_entries_are_dated_by_their_action():
    a = [Person(5301, "PRIMERO FALSO, Hugo"), Person(5302, "LABORATORIO FALSO, S.A.", kind="entity")]
    b = [Person(5303, "SEGUNDO FALSO, Ivan")]
    notice = parse_notice(fr_notice_text("2024-03071", [("February 7, 2024", "blocked", a),
                                                        ("February 9, 2024", "blocked", b)]), "2024-03071.txt")
    assert notice.document_number == "2024-03071" and notice.is_eo14059
    assert notice.action_dates == ["2024-02-07", "2024-02-09"]
    got = [(e.name, e.entity_type, e.action_date, e.section, e.programs) for e in notice.entries]
    assert got == [("PRIMERO FALSO, Hugo", "individual", "2024-02-07", "blocked", [EO]),
                   ("LABORATORIO FALSO, S.A., Mexico", "entity", "2024-02-07", "blocked", [EO]),
                   ("SEGUNDO FALSO, Ivan", "individual", "2024-02-09", "blocked", [EO])]
    # the legal basis written under each entry is not part of it
    assert all("Designated pursuant" not in e.text for e in notice.entries)


def test_notice_update_putting_an_entry_under_eo14059_counts_as_its_action():
    old = Person(5401, "VIEJO FALSO, Tomas", programs=("SDNTK", EO))
    notice = parse_notice(fr_notice_text("2021-27990", [("December 15, 2021", "updated", [old])], retag_from="SDNTK"),
                          "n.txt")
    [entry] = notice.entries
    assert entry.section == "blocked" and entry.action_date == "2021-12-15" and entry.programs == ["SDNTK", EO]
    assert entry.text.startswith("VIEJO FALSO, Tomas")


def test_notice_in_html_and_with_an_effective_date_only():
    html = (b"<html><body><p>DATES: The designations are effective on March 3, 2023.</p>"
            b"<p>Individuals</p><p>1. TERCERO FALSO, Raul, Mexico; DOB 1970; (individual) [ILLICIT-DRUGS-EO14059].</p>"
            b"<p>[FR Doc. 2023-04500 Filed 3-6-23; 8:45 am]</p></body></html>")
    notice = parse_notice(html, "2023-04500.html")
    assert [(e.name, e.action_date) for e in notice.entries] == [("TERCERO FALSO, Raul", "2023-03-03")]
    assert parse_notice(html.replace(b"effective on March 3, 2023", b"effective soon"), "x",
                        effective_on="2023-03-04").entries[0].action_date == "2023-03-04"


def test_notice_that_should_list_entries_and_does_not_fails_loudly():
    text = (b"Notice of OFAC Sanctions Actions. Executive Order 14059. On May 9, 2023, OFAC determined that the"
            b" persons below are blocked.\n\nGUZMAN FALSO [ILLICIT-DRUGS-EO14059] written as a table we cannot read\n")
    with pytest.raises(SourceError, match="no entry could be read"):
        parse_notice(text, "https://www.federalregister.gov/x/2023-10000.txt")
    with pytest.raises(SourceError, match="without an action date"):
        parse_notice(b"Individuals\n\n1. SIN FECHA, Ana (individual) [ILLICIT-DRUGS-EO14059].\n", "n.txt")
