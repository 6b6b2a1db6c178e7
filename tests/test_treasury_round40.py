"""Round 40 (invented fixtures in the shape of real E.O. 14059 releases; each failed before its rule):
a bold name whose own sentence says nothing of when it was designated is designated today when another
sentence says so ('Today, OFAC is designating X pursuant to E.O. 14059'), even after a sentence telling an
earlier designation under another authority ('On June 10, 2025, the Department of State designated X as
an FTO'); 'Washington' opening a bold name is a given name, not the dateline."""
from __future__ import annotations

from scrapers.sources.treasury.designees import extract_designees


def roles(html: str) -> dict[str, str]:
    return {c.name: c.role for c in extract_designees(html)}


def test_a_group_designated_earlier_by_state_and_today_by_ofac():
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC designated Los Halcones del Bajío, a cartel based in"
            " Guanajuato, pursuant to E.O. 14059, and two of its leaders.</p>"
            "<p><strong>Los Halcones del Bajío</strong> is a criminal organization that runs fentanyl labs in"
            " Guanajuato. On March 3, 2025, the Department of State designated Los Halcones del Bajío as a Foreign"
            " Terrorist Organization. Today, OFAC is designating Los Halcones del Bajío pursuant to E.O. 14059.</p>"
            "<p><strong>Ramiro Ibarra Colunga</strong> leads the group. <strong>Delfina Soto Arellano</strong> manages"
            " its money. Ibarra Colunga and Soto Arellano are being designated pursuant to E.O. 14059.</p>")
    got = roles(html)
    assert got == {"Los Halcones del Bajío": "designated", "Ramiro Ibarra Colunga": "designated",
                   "Delfina Soto Arellano": "designated"}


def test_a_group_said_designated_before_and_nothing_more_stays_mentioned():
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC designated two leaders of Los Halcones del Bajío"
            " pursuant to E.O. 14059.</p>"
            "<p><strong>Los Halcones del Bajío</strong> is a criminal organization that runs fentanyl labs in"
            " Guanajuato. On March 3, 2025, OFAC designated Los Halcones del Bajío pursuant to E.O. 14059.</p>"
            "<p><strong>Ramiro Ibarra Colunga</strong> leads the group. Ibarra Colunga is being designated pursuant"
            " to E.O. 14059.</p>")
    got = roles(html)
    assert got == {"Los Halcones del Bajío": "mentioned", "Ramiro Ibarra Colunga": "designated"}


def test_washington_as_a_given_name():
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC designated two Ecuadorian nationals pursuant to"
            " E.O. 14059.</p><p>OFAC is designating the following individuals pursuant to E.O. 14059:</p>"
            "<p><strong>Washington Ramiro Loor Intriago</strong> (a.k.a. “El Patrón”) runs the network from Manta.</p>"
            "<p><strong>Gladys Maribel Quiñónez Vera</strong> keeps its accounts.</p>")
    got = roles(html)
    assert got == {"Washington Ramiro Loor Intriago": "designated", "Gladys Maribel Quiñónez Vera": "designated"}
