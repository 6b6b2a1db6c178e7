"""Designees a release lists as plain paragraphs after an introduction ("OFAC is designating the
following individuals and entities:"), one paragraph each, opening with the designee's name, on
our own fixtures (names invented): designated only when the introduction's wording is today's;
mentioned after an introduction that tells history; the list ends at the first paragraph that
does not open with a name."""
from __future__ import annotations

from scrapers.sources.treasury.designees import extract_designees

_LEAD = ("<p>WASHINGTON — Today, the Department of the Treasury’s Office of Foreign Assets Control (OFAC) is "
         "sanctioning two Bolivian nationals and two companies that move fentanyl precursors for Los Inventados, "
         "which OFAC sanctioned in 2022.</p>")
_IMPLICATIONS = ("<h3>Sanctions Implications</h3><p>As a result of today’s action, all property and interests in property "
                 "of the designated persons described above are blocked.</p>")


def found(html: str) -> dict:
    return {c.name: c for c in extract_designees(html)}


def roles(html: str) -> dict[str, str]:
    return {name: c.role for name, c in found(html).items()}


def test_paragraphs_after_an_introduction_of_today_s_designations_are_designated():
    html = (_LEAD + "<p>OFAC is designating the following individuals and entities pursuant to E.O. 14059:</p>"
            "<p>RODRIGO ANSELMO FICTICIO VARGAS (alias “El Químico”), a Bolivian national who buys precursors in "
            "Santa Cruz.</p>"
            "<p>Marcela Inventada Quiroga, Ficticio Vargas’s sister, who manages the network’s accounts.</p>"
            "<p>QUIMICOS SUPUESTOS DEL ORIENTE S.R.L., a chemical importer that he controls.</p>"
            "<p>Transportes Imaginarios Co., Ltd., a trucking company that carries the shipments.</p>"
            "<p>“Los Inventados depends on chemical brokers,” said an official.</p>" + _IMPLICATIONS)
    got = found(html)
    assert {n: c.role for n, c in got.items()} == {
        "RODRIGO ANSELMO FICTICIO VARGAS": "designated", "Marcela Inventada Quiroga": "designated",
        "QUIMICOS SUPUESTOS DEL ORIENTE S.R.L.": "designated", "Transportes Imaginarios Co., Ltd.": "designated"}
    assert got["RODRIGO ANSELMO FICTICIO VARGAS"].aliases == ["El Químico"]


def test_an_introduction_saying_designated_today_claims_its_list():
    html = (_LEAD + "<p>The following persons were designated today:</p>"
            "<p>ESTEBAN FALSO MORALES (a.k.a. “Tito”), a broker in Cochabamba.</p>"
            "<p>DISTRIBUIDORA FALSA ANDINA S.A., a front company.</p>" + _IMPLICATIONS)
    got = found(html)
    assert {n: c.role for n, c in got.items()} == {"ESTEBAN FALSO MORALES": "designated",
                                                    "DISTRIBUIDORA FALSA ANDINA S.A.": "designated"}
    assert got["ESTEBAN FALSO MORALES"].aliases == ["Tito"]


def test_a_list_introduced_by_history_stays_mentioned():
    html = (_LEAD + "<p>Today, OFAC sanctioned <strong>Hernan Ficticio Rojas</strong> for having trafficked fentanyl.</p>"
            "<p>The following were previously designated:</p>"
            "<p>ANIBAL SUPUESTO CRUZ, the network’s founder.</p>"
            "<p>Laboratorios Falsos S.A., its first supplier.</p>" + _IMPLICATIONS)
    got = roles(html)
    assert got["Hernan Ficticio Rojas"] == "designated"
    assert got.get("ANIBAL SUPUESTO CRUZ") == "mentioned"
    assert got.get("Laboratorios Falsos S.A.") == "mentioned"


def test_a_paragraph_that_opens_with_no_name_ends_the_list():
    html = (_LEAD + "<p>OFAC is designating the following entities:</p>"
            "<p>IMPORTADORA FICTICIA DEL SUR S.R.L., a precursor importer.</p>"
            "<p>In addition, the network relies on couriers.</p>"
            "<p>ROBERTO INVENTADO PAZ, a courier who is not designated.</p>" + _IMPLICATIONS)
    got = roles(html)
    assert got["IMPORTADORA FICTICIA DEL SUR S.R.L."] == "designated"
    assert got.get("ROBERTO INVENTADO PAZ") != "designated"


def test_paragraphs_after_an_introduction_with_no_claim_give_no_designees():
    html = (_LEAD + "<p>Today, OFAC sanctioned <strong>Hernan Ficticio Rojas</strong> for having trafficked fentanyl.</p>"
            "<p>The officials who took part in the operation include:</p>"
            "<p>LUCIA IMAGINARIA SOTO, a prosecutor in La Paz.</p>" + _IMPLICATIONS)
    assert roles(html).get("LUCIA IMAGINARIA SOTO") != "designated"
