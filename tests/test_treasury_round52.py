"""Round 52 (invented fixtures in the shape of real E.O. 14059 releases and OFAC Recent Actions pages; each
failed before its rule): an existing entry OFAC only updates is no designation of the release ('OFAC is also
updating the existing SDN List entry of X', 'X is not being newly designated today', a table row saying
'previously designated on …'); a Recent Actions entry whose program tags go on after a single line break
('… (individual) [SDGT]<br>[ILLICIT-DRUGS-EO14059] (Linked To: …).') keeps them."""
from __future__ import annotations

from test_treasury_round40 import roles

from scrapers.sources.treasury.recent_actions import parse_recent_actions


def test_an_existing_entry_only_updated_is_mentioned():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned La Cofradía del Golfo, a Honduras-based drug trafficking"
            " organization, and one of its leaders pursuant to E.O. 14059.</p>"
            "<p>Wilmer Arnoldo Ficticio Paz leads the group’s maritime routes. Ficticio Paz is being designated"
            " pursuant to E.O. 14059 for having acted on behalf of La Cofradía del Golfo.</p>"
            "<p>UPDATE TO EXISTING SDN LIST ENTRY</p>"
            "<p>OFAC is also updating the existing SDN List entry of Marvin Estuardo Inventado Soto, a transportation"
            " coordinator of the group who was designated pursuant to E.O. 14059 in 2022, to add an alias. Inventado"
            " Soto is not being newly designated today.</p>")
    got = roles(html)
    assert got.get("Wilmer Arnoldo Ficticio Paz") == "designated"
    assert got.get("Marvin Estuardo Inventado Soto", "mentioned") == "mentioned"


def test_a_table_row_of_an_entry_designated_before():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned a maritime smuggling network based in Manta, Ecuador, pursuant to"
            " E.O. 14059. The individuals and entities designated today are listed below.</p>"
            "<table><tr><th>Name</th><th>Type</th><th>Role</th></tr>"
            "<tr><td>Efrén Washington Ficticio Cedeño</td><td>Individual</td><td>Head of the network</td></tr>"
            "<tr><td>Pesquera Inventada del Pacífico S.A.</td><td>Entity</td><td>Fishing company</td></tr>"
            "<tr><td>Jefferson Xavier Inventado Alcívar</td><td>Individual</td><td>Leader of the group; previously"
            " designated on September 19, 2023 | SDN List entry updated</td></tr></table>")
    got = roles(html)
    assert got == {"Efrén Washington Ficticio Cedeño": "designated", "Pesquera Inventada del Pacífico S.A.": "designated",
                   "Jefferson Xavier Inventado Alcívar": "mentioned"}


def test_recent_actions_tags_after_a_single_line_break():
    body = ("<p><strong>The following individuals have been added to OFAC's SDN List:&nbsp;</strong></p>"
            "<p>FICTICIO NAVA, Ruben (a.k.a. \"EL GUERO\"), Coyuca de Benitez, Guerrero, Mexico; DOB 26 Oct 1982;"
            " nationality Mexico; Gender Male (individual) [SDGT]<br>[ILLICIT-DRUGS-EO14059] (Linked To: LOS HALCONES"
            " INVENTADOS).</p>"
            "<p>INVENTADO SOTELO, Abundio, Acapulco, Guerrero, Mexico; DOB 09 Feb 1975; Gender Male (individual)"
            " [SDGT] [ILLICIT-DRUGS-EO14059].</p>")
    page = ('<html><body><article class="node--type-ofac-recent-action"><div class="field--name-field-body">'
            f'<div class="field__item"><h3>Counter Narcotics Designations</h3>{body}</div></div></article></body></html>')
    entries = parse_recent_actions(page, "https://ofac.treasury.gov/recent-actions/20260612").entries
    assert [(e.name, e.programs) for e in entries] == [
        ("FICTICIO NAVA, Ruben", ["SDGT", "ILLICIT-DRUGS-EO14059"]),
        ("INVENTADO SOTELO, Abundio", ["SDGT", "ILLICIT-DRUGS-EO14059"])]


def test_a_plain_name_listed_between_bold_companies_ending_co_limited():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned a Mexico City-based money laundering network pursuant to"
            " E.O. 14059.</p><p>FRONT AND SHELL COMPANIES</p>"
            "<p><strong>Comercializadora Dragón Ficticio MX, S.A. de C.V.</strong>, an importer of textiles, and"
            " Importaciones y Servicios Inventados Lifan, an electronics wholesaler, purchase goods from China with drug"
            " proceeds. Payments are routed through <strong>Hong Kong Tianxu Ficticia Trading Co., Limited</strong>, a"
            " shell company.</p>"
            "<p>Comercializadora Dragón Ficticio MX, S.A. de C.V., Importaciones y Servicios Inventados Lifan, and Hong"
            " Kong Tianxu Ficticia Trading Co., Limited were designated pursuant to E.O. 14059 for being owned or"
            " controlled by the network.</p>")
    assert roles(html) == {"Comercializadora Dragón Ficticio MX, S.A. de C.V.": "designated",
                           "Importaciones y Servicios Inventados Lifan": "designated",
                           "Hong Kong Tianxu Ficticia Trading Co., Limited": "designated"}


def test_a_short_form_introduced_after_a_co_ltd_company_in_plain_text():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned a money laundering network pursuant to E.O. 14059.</p>"
            "<p><strong>Kwan Wing Fai</strong> (Kwan), a Hong Kong-based businessman, settles the network’s trades."
            " Kwan directs Shenzhen Pengfei Ficticio Supply Chain Co., Ltd. (Shenzhen Pengfei), a company in"
            " Shenzhen, which pays exporters on behalf of Mexican importers.</p>"
            "<p>Kwan was designated pursuant to E.O. 14059 for having engaged in activities that contributed to the"
            " proliferation of illicit drugs, and Shenzhen Pengfei was designated for being owned, controlled, or"
            " directed by Kwan.</p>")
    got = roles(html)
    assert got.get("Shenzhen Pengfei Ficticio Supply Chain Co., Ltd.") == "designated"
    assert "Shenzhen Pengfei" not in got


def test_a_redesignation_of_a_colombia_based_organisation_is_under_e_o_14059():
    from scrapers.sources.treasury.designees import extract_designees

    html = ("<p>Washington — Today, OFAC redesignated, pursuant to Executive Order (E.O.) 14059, the Colombia-based"
            " Ficticio Ospina Drug Trafficking Organization (DTO), which now operates as “Los Ficticios,” and designated"
            " one of its current leaders.</p><p>FROM THE KINGPIN ACT TO E.O. 14059</p>"
            "<p>In June 2013, the President identified Edilberto Ficticio Ospina as a significant foreign narcotics"
            " trafficker pursuant to the Kingpin Act, and OFAC designated the <strong>Ficticio Ospina Drug Trafficking"
            " Organization</strong>, along with several of its members.</p>"
            "<p><strong>Yesid Alonso Ficticio Bedoya</strong> leads the DTO. He is being designated pursuant to"
            " E.O. 14059.</p>")
    got = {c.name: c.authorities for c in extract_designees(html)}
    assert "E.O. 14059" in got["Ficticio Ospina Drug Trafficking Organization"]
