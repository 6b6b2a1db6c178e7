"""The pure SDN parsers: encoding, nulls, program tags, remarks facts, add/alt/comments."""
from __future__ import annotations

import json

import pytest

from scrapers.sources.sdn import entry as sdn_entry
from scrapers.sources.sdn import parse as p
from scrapers.sources.sdn import remarks


def parse_base(fixtures):
    base = fixtures / "sdn" / "2024-01-02"
    problems = []
    text = p.decode((base / "sdn.csv").read_bytes(), "sdn.csv", problems)
    raws = p.parse_sdn_rows(text, "sdn.csv", problems)
    comments = p.parse_comments(p.decode((base / "sdn_comments.csv").read_bytes(), "c", problems), "c", problems)
    adds = p.parse_addresses(p.decode((base / "add.csv").read_bytes(), "a", problems), "a", problems)
    alts = p.parse_alt(p.decode((base / "alt.csv").read_bytes(), "alt", problems), "alt", problems)
    return raws, comments, adds, alts, problems


def test_decode_windows_1252_and_trailing_sub_byte(fixtures):
    problems = []
    text = p.decode((fixtures / "sdn" / "2024-01-02" / "sdn.csv").read_bytes(), "sdn.csv", problems)
    assert "Culiacán" in text          # 0xE1 in Windows-1252
    assert not text.endswith("\x1a")
    assert problems == []


def test_decode_reports_undecodable_byte_with_line(fixtures):
    problems = []
    text = p.decode((fixtures / "sdn" / "bad" / "bad-byte" / "sdn.csv").read_bytes(), "bad.csv", problems)
    assert len(problems) == 1
    assert problems[0].row == 1 and "0x81" in problems[0].reason
    assert "Culiac\ufffdn" in text       # replaced, not dropped


def test_decode_accepts_utf8_with_bom():
    problems = []
    assert p.decode("\ufeff1,\"PEÑA, José\"".encode("utf-8"), "x", problems) == '1,"PEÑA, José"'
    assert problems == []


def test_nulls_and_entity_type(fixtures):
    raws, *_ = parse_base(fixtures)
    by_uid = {r.uid: r for r in raws}
    assert by_uid[9002].sdn_type is None                      # "-0- " means entity
    assert p.clean("-0- ") is None and p.clean(" x ") == "x"
    entry = sdn_entry.build_entry(by_uid[9002], None, [], [], {})
    assert entry["row"]["entity_type"] == "entity"
    assert entry["row"]["title"] is None and entry["row"]["call_sign"] is None


def test_multiple_program_tags_and_truncated_tag():
    assert p.split_programs("SDNTK] [ILLICIT-DRUGS-EO14059") == ("SDNTK", "ILLICIT-DRUGS-EO14059")
    assert p.split_programs("SDNTK] [TCO] [ILLICIT-DRUGS-EO140") == ("SDNTK", "TCO", "ILLICIT-DRUGS-EO14059")
    assert p.split_programs("ILLICIT-DR") == ("ILLICIT-DRUGS-EO14059",)
    # An ambiguous fragment is kept as written rather than guessed.
    assert p.split_programs("IRAN-EO13") == ("IRAN-EO13",)
    assert p.split_programs(None) == ()


def test_remarks_continue_in_comments_mid_word(fixtures):
    raws, comments, adds, alts, _ = parse_base(fixtures)
    raw = next(r for r in raws if r.uid == 9006)
    assert len(p.clean(raw.fields[11])) == 1000
    entry = sdn_entry.build_entry(raw, comments.get(9006), adds.get(9006, []), alts.get(9006, []), {"RED FICTICIA DEL PACIFICO, S.A. DE C.V.": 9002})
    remarks = entry["row"]["remarks"]
    assert len(remarks) > 1000 and remarks.endswith("Linked To: RED FICTICIA DEL PACIFICO, S.A. DE C.V.")
    currencies = [i for i in entry["identifiers"] if i["id_type"] == "Digital Currency Address - XBT"]
    assert len(currencies) == 21                              # none lost at the 1,000-character cut
    assert entry["relationships"] == [{"uid": 9006, "relation": "Linked To",
                                       "linked_name": "RED FICTICIA DEL PACIFICO, S.A. DE C.V.", "linked_uid": 9002}]


def test_remarks_facts_of_an_individual():
    facts = remarks.parse_remarks(
        "DOB 12 Feb 1970; alt. DOB 1971; POB Culiacán, Sinaloa, Mexico; nationality Mexico; citizen Mexico; "
        "Gender Male; C.U.R.P. ZAOE700212HSLRLR09 (Mexico); Passport G12345678 (Mexico) issued 01 Jan 2010 "
        "expires 01 Jan 2020; a.k.a. 'El Fantasma'; a.k.a. 'Fanta; El Viejo'.")
    assert facts.dates_of_birth == ["12 Feb 1970", "1971"]
    assert facts.places_of_birth == ["Culiacán, Sinaloa, Mexico"]
    assert facts.nationalities == ["Mexico"] and facts.citizenships == ["Mexico"]
    assert facts.gender == "Male"
    assert facts.aliases == [("aka", "El Fantasma", "weak"), ("aka", "Fanta; El Viejo", "weak")]
    passport = next(i for i in facts.identifiers if i["id_type"] == "Passport")
    assert passport == {"id_type": "Passport", "id_value": "G12345678", "country": "Mexico", "country_code": "MX",
                        "issued": "2010-01-01", "expires": "2020-01-01"}
    assert facts.unparsed == []


@pytest.mark.parametrize("clause,id_type,value,country", [
    ("NIT # 1234567-8 (Guatemala)", "NIT #", "1234567-8", "Guatemala"),
    ("Cedula No. Cedula: M-99999 (Guatemala)", "Cedula No.", "Cedula: M-99999", "Guatemala"),
    ("R.F.C. RFP110603AB1 (Mexico)", "R.F.C.", "RFP110603AB1", "Mexico"),
    ("Unified Social Credit Code (USCC) 91130000FAKE00001X (China)", "Unified Social Credit Code (USCC)",
     "91130000FAKE00001X", "China"),
    ("Registration Number 1700919 (Virgin Islands, British)", "Registration Number", "1700919", "British Virgin Islands"),
    ("National ID No. 12345 (Korea, North)", "National ID No.", "12345", "North Korea"),
    ("Website www.example.test", "Website", "www.example.test", None),
    ("Email Address someone@example.test", "Email Address", "someone@example.test", None),
    ("Phone Number 525512345678", "Phone Number", "525512345678", None),
    # Not in the known list, but shaped like an identifier with a country: generic rule.
    ("Fishing License Number AB-123 (Peru)", "Fishing License Number", "AB-123", "Peru"),
])
def test_identifiers(clause, id_type, value, country):
    ident = remarks.parse_identifier(clause)
    assert ident["id_type"] == id_type and ident["id_value"] == value and ident["country"] == country


def test_digital_currency_address_keeps_currency():
    facts = remarks.parse_remarks("Digital Currency Address - ETH 0xFAKE0000000000000000000000000000000000AA.")
    assert facts.identifiers[0]["id_type"] == "Digital Currency Address - ETH"
    assert json.loads(facts.identifiers[0]["details"]) == {"currency": "ETH"}


def test_organisation_facts_and_unknown_text_is_kept():
    facts = remarks.parse_remarks("Organization Established Date 03 Jun 2011; Organization Type: Wholesale of chemical "
                            "products; Target Type Criminal Organization; Something nobody parses; "
                            "Additional Sanctions Information - Subject to Secondary Sanctions.")
    assert facts.organization_established == "2011-06-03"
    assert facts.organization_type == "Wholesale of chemical products"
    assert facts.target_type == "Criminal Organization"
    assert facts.unparsed == ["Something nobody parses", "Additional Sanctions Information - Subject to Secondary Sanctions"]


def test_alias_kinds_and_quality():
    facts = remarks.parse_remarks("a.k.a. 'ONE'; f.k.a. 'TWO'; n.k.a. 'THREE'; a.k.a. 'FOUR' (strong).")
    assert facts.aliases == [("aka", "ONE", "weak"), ("fka", "TWO", "weak"), ("nka", "THREE", "weak"),
                             ("aka", "FOUR", "strong")]


def test_linked_to_keeps_the_abbreviation_period():
    facts = remarks.parse_remarks("Linked To: ALGO, S.A. DE C.V.")
    linked, uid = sdn_entry._resolve_link(facts.links[0], {})
    assert linked == "ALGO, S.A. DE C.V." and uid is None
    facts = remarks.parse_remarks("Linked To: SINALOA CARTEL.")
    assert sdn_entry._resolve_link(facts.links[0], {"SINALOA CARTEL": 5})[0:2] == ("SINALOA CARTEL", 5)


def test_countries_from_nationality_addresses_and_birthplace(fixtures):
    raws, comments, adds, alts, _ = parse_base(fixtures)
    by_uid = {r.uid: r for r in raws}
    e = sdn_entry.build_entry(by_uid[9001], None, adds.get(9001, []), alts.get(9001, []), {})
    assert json.loads(e["row"]["countries"]) == ["Mexico"]
    assert json.loads(e["row"]["country_codes"]) == ["MX"]
    e = sdn_entry.build_entry(by_uid[9003], None, adds.get(9003, []), alts.get(9003, []), {})
    assert json.loads(e["row"]["countries"]) == ["China"]
    # No nationality and no address: the identifier's issuing country is the fallback.
    e = sdn_entry.build_entry(by_uid[9003], None, [], [], {})
    assert json.loads(e["row"]["countries"]) == ["China"]


def test_addresses_split_city_state_postal():
    assert p.split_city_state_postal("Puerto Vallarta, Jalisco 48328") == ("Puerto Vallarta", "Jalisco", "48328")
    assert p.split_city_state_postal("London EC3N 1DY") == ("London", None, "EC3N 1DY")
    assert p.split_city_state_postal("Cali") == ("Cali", None, None)
    assert p.split_city_state_postal(None) == (None, None, None)


def test_add_and_alt_rows_for_unknown_entries_are_read_not_attached(fixtures):
    raws, comments, adds, alts, problems = parse_base(fixtures)
    assert 7777 in adds and 7777 in alts                      # present in the files
    assert 7777 not in {r.uid for r in raws}                  # but no entry to attach them to
    assert problems == []


def test_alias_from_alt_is_strong_and_from_remarks_weak(fixtures):
    raws, comments, adds, alts, _ = parse_base(fixtures)
    raw = next(r for r in raws if r.uid == 9001)
    e = sdn_entry.build_entry(raw, None, adds.get(9001, []), alts.get(9001, []), {})
    got = {(a["alias"], a["quality"], a["source"]) for a in e["aliases"]}
    assert ("ZARATE, Ernesto", "strong", "alt.csv") in got
    assert ("El Fantasma", "weak", "remarks") in got


def test_malformed_row_is_reported_with_line(fixtures):
    problems = []
    text = p.decode((fixtures / "sdn" / "bad" / "short-row" / "sdn.csv").read_bytes(), "short.csv", problems)
    raws = p.parse_sdn_rows(text, "short.csv", problems)
    assert [(x.row, x.uid) for x in problems] == [(4, 9999)]
    assert "expected 12 fields, found 3" in problems[0].reason
    assert 9999 not in {r.uid for r in raws} and len(raws) == 10
