"""Designees a release describes in plain prose (no bold, no list) when its lead counts them,
and a new designee next to a link to an earlier release that did not sanction it (fixtures
invented)."""
from __future__ import annotations

from test_treasury_designees import roles

TODAY = "<p>Today, OFAC designated two people pursuant to E.O. 14059.</p>"
LINK = '<a href="https://home.treasury.gov/news/press-releases/sb0001">2023 press release</a>'


def test_a_link_in_a_who_aside_saying_not_sanctioned_then_yields_to_designated_today():
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named as a courier in Treasury’s {LINK} but "
                        "was not sanctioned at the time, now runs the books and is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "designated"}
    # no negation in the aside, today's wording of another name, or no word of today: history
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named as a courier in Treasury’s {LINK}, "
                        "now runs the books and is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned"}
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named in Treasury’s {LINK} but was not "
                        "sanctioned at the time, works for <strong>Luis Falso Pardo</strong>, who is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned", "Luis Falso Pardo": "designated"}
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named in Treasury’s {LINK} but was not "
                        "sanctioned at the time, now runs the books.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned"}


LEAD = ("<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) "
        "designated {what} pursuant to Executive Order (E.O.) 14059 for supplying precursor chemicals.</p>")
QUOTE = "<p>“Renaming a company changes nothing,” said OFAC Director Morwenna Tallis-Quade.</p>"


def test_persons_and_companies_described_in_prose_match_the_leads_counts():
    html = (LEAD.format(what="two Ficticia nationals and three companies")
            + "<p>Dario Velmont Quist, a Lisbon-based chemist, founded Orvale Fine Reagents Co., Ltd. (formerly known "
              "as Orvale Trading Co., Ltd.). His broker, Selene Marrow Ivo, arranges payment in cryptocurrency.</p>"
            + "<p>Tesmir Labware Ltd., formerly Tesmir Glass Ltd., makes the presses. Quandor Logistics (HK) Limited "
              "(f/k/a Velmont Export (HK) Limited) invoices the sales. Velmont Quist also owns a warehouse.</p>"
            + "<p>Its former manager, Hobart Crane Lisle, was previously sanctioned by OFAC.</p>" + QUOTE)
    got = roles(html)
    assert got == {"Dario Velmont Quist": "designated", "Selene Marrow Ivo": "designated",
                   "Orvale Fine Reagents Co., Ltd.": "designated", "Tesmir Labware Ltd.": "designated",
                   "Quandor Logistics (HK) Limited": "designated", "Hobart Crane Lisle": "mentioned"}
    # digits, a singular person noun, a vessel counted aside; a name opening the paragraph after a comma-less verb
    got = roles("<p>Today, OFAC is sanctioning a Valdora-based pilot, 2 aviation companies and a vessel pursuant to "
                "E.O. 14059.</p><p>Anselm Ruddock Vey owns Aerolinea Ficta, S.A. de C.V., and Hangares Irreales, "
                "S.A. de C.V., which keep the planes.</p>" + QUOTE)
    assert got == {"Anselm Ruddock Vey": "designated", "Aerolinea Ficta, S.A. de C.V.": "designated",
                   "Hangares Irreales, S.A. de C.V.": "designated"}


def test_counts_that_do_not_match_give_nothing():
    body = ("<p>Dario Velmont Quist, a Lisbon-based chemist, founded Orvale Fine Reagents Co., Ltd. in 2019. Selene Marrow Ivo "
            "is his broker. Tesmir Labware Ltd. makes the presses in Porto.</p>")
    assert "Dario Velmont Quist" not in roles(LEAD.format(what="three individuals and two companies") + body)
    assert "Dario Velmont Quist" not in roles(LEAD.format(what="two individuals and one company") + body)
    # an item of the lead that is not counted ("the network") or history in the lead: no claim
    assert "Dario Velmont Quist" not in roles(LEAD.format(what="two individuals, two companies and the network") + body)
    assert "Dario Velmont Quist" not in roles(
        "<p>In 2023, OFAC designated two individuals and two companies pursuant to E.O. 14059.</p>" + body)
    # a group opening a sentence with its article ("Los …") is no person
    assert "Los Ficticios" not in roles(LEAD.format(what="three individuals and two companies") + body.replace(
        "</p>", " Los Ficticios control the port.</p>"))
    # the same release, counted right, designates them
    assert roles(LEAD.format(what="two individuals and two companies") + body)["Dario Velmont Quist"] == "designated"


def test_officials_quotes_and_bold_names_are_never_prose_designees():
    html = (LEAD.format(what="two individuals")
            + "<p>Dario Velmont Quist runs the laboratory. Selene Marrow Ivo, his broker, arranges payment.</p>"
            + "<p>“Leonie Farrant Hale knows our resolve,” said Secretary Bram Oakhurst.</p>"
            + "<p>Bram Oakhurst said the action follows months of work.</p>")
    assert roles(html) == {"Dario Velmont Quist": "designated", "Selene Marrow Ivo": "designated"}
    # a name put forward in bold: the rule does not apply to the plain-text ones
    html = (LEAD.format(what="two individuals") + "<p><strong>Dario Velmont Quist</strong> runs the laboratory. "
            "Selene Marrow Ivo, his broker, arranges payment.</p>")
    assert "Selene Marrow Ivo" not in roles(html)
    assert roles(html.replace("<strong>Dario Velmont Quist</strong>", "Dario Velmont Quist"))["Selene Marrow Ivo"] == "designated"


def test_a_counted_vessel_named_with_its_imo_number():
    html = ("<p>Today, OFAC is sanctioning a Ficticia national, a shipping company and its cargo vessel pursuant to "
            "E.O. 14059.</p><p>Ilario Brant Sevo is the owner of Naviera Irreal S.A.S., which runs the vessel "
            "<em>Mar de Prueba</em> (IMO 9012345) from Tumbes.</p>")
    assert roles(html) == {"Ilario Brant Sevo": "designated", "Naviera Irreal S.A.S.": "designated",
                           "Mar de Prueba": "designated"}
    # two vessels named where the lead counts one: the vessels are left out, the others still count
    html = html.replace("from Tumbes.", "from Tumbes, and the vessel Ola Ficta (IMO 9012346).")
    assert roles(html) == {"Ilario Brant Sevo": "designated", "Naviera Irreal S.A.S.": "designated"}
