"""A release that names some designees in bold and lists others, plain, under a sentence announcing
today's designations ('OFAC is also designating the following companies pursuant to E.O. 14059 …:'):
every item is a designee, whole ('… (HK) Co., Limited' is no part of the company before it), its
country in parentheses left out; a list under a sentence about earlier designations is not. A company
written in plain text with the legal form 'Cía. Ltda.' (Ecuador, Colombia) is read whole: the
abbreviation ends no sentence (names invented)."""
from __future__ import annotations

from scrapers.sources.treasury.designees import extract_designees


def roles(html: str) -> dict[str, str]:
    return {c.name: c.role for c in extract_designees(html)}


def test_plain_list_items_beside_bold_names_are_designees():
    html = ("<p>Today, OFAC designated one PRC national and three companies pursuant to E.O. 14059.</p>"
            "<p><strong>Qiao Minghui</strong> (Qiao) is the manager of a chemical company in Hubei.</p>"
            "<p>OFAC is also designating the following companies pursuant to E.O. 14059 for being owned or"
            " controlled by Qiao:</p>"
            "<ul><li>Xiantao Boyuan Chemical Technology Co., Ltd.</li>"
            "<li>Boyuan Chemical Technology (HK) Co., Limited</li>"
            "<li>Tarsem Agro Exports Pvt. Ltd. (India);</li></ul>"
            "<p>Today’s action builds on earlier designations.</p>")
    got = roles(html)
    assert got == {"Qiao Minghui": "designated", "Xiantao Boyuan Chemical Technology Co., Ltd.": "designated",
                   "Boyuan Chemical Technology (HK) Co., Limited": "designated",
                   "Tarsem Agro Exports Pvt. Ltd.": "designated"}


def test_a_list_under_earlier_designations_is_not_read():
    html = ("<p>Today, OFAC designated <strong>Qiao Minghui</strong> pursuant to E.O. 14059.</p>"
            "<p>OFAC previously designated the following companies linked to Qiao:</p>"
            "<ul><li>Xiantao Boyuan Chemical Technology Co., Ltd.</li></ul>")
    assert "Xiantao Boyuan Chemical Technology Co., Ltd." not in {
        n for n, r in roles(html).items() if r == "designated"}


def test_a_company_whose_legal_form_is_cia_ltda_in_plain_text():
    html = ("<p>Today, OFAC designated one Ecuadorian national and two Ecuador-based companies pursuant to E.O."
            " 14059.</p><p>OFAC designated Comercial Bananera Río Tenguel Cía. Ltda. and Transportes y Carga Puerto"
            " Hualtaco, S.A. pursuant to E.O. 14059 for being owned, controlled, or directed by Efrén Mora.</p>")
    got = roles(html)
    assert got.get("Comercial Bananera Río Tenguel Cía. Ltda.") == "designated"
    assert got.get("Transportes y Carga Puerto Hualtaco, S.A.") == "designated"
