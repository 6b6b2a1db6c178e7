"""Designees a release lists outside its prose, on our own fixtures imitating the layouts (names
invented): records of identifying information under an annex heading, records opened by a bold
label ("Individual:", "Entity:"), a table of today's designees, one heading per designee, and
companies a later sentence designates by counting them ("Both companies are also designated
today"). A list the release's wording does not claim as today's stays mentioned or unnamed."""
from __future__ import annotations

from scrapers.sources.treasury.designees import extract_designees

_LEAD = ("<p>WASHINGTON — Today, the Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned two "
         "Peruvian nationals and one company that move fentanyl pills to the United States. Today’s action is taken "
         "pursuant to Executive Order (E.O.) 14059.</p>")
_IMPLICATIONS = ("<h3>Sanctions Implications</h3><p>As a result of today’s action, all property and interests in property "
                 "of the designated persons described above are blocked.</p>")


def roles(html: str) -> dict[str, str]:
    return {c.name: c.role for c in extract_designees(html)}


def test_records_of_identifying_information_under_the_annex_heading_are_designated():
    html = (_LEAD + "<p>The network is run by a former customs officer and his sister.</p>" + _IMPLICATIONS
            + "<h3>Identifying information of the designees</h3><p><strong>Individuals</strong></p>"
            "<p>QUISPE FICTICIO, Raul Alberto (a.k.a. “EL ADUANERO”)<br>DOB: 11 Apr 1975<br>POB: Callao, Peru<br>"
            "Nationality: Peru<br>DNI 40123456 (Peru)</p>"
            "<p>QUISPE FICTICIO, Rosa Elena<br>DOB: 02 Aug 1979<br>Nationality: Peru</p>"
            "<p><strong>Entities</strong></p>"
            "<p>TRANSPORTES INVENTADOS DEL SUR S.A.C.<br>Address: Lima, Peru<br>RUC # 20123456789 (Peru)</p>")
    got = {c.name: c for c in extract_designees(html)}
    assert {n: c.role for n, c in got.items()} == {"QUISPE FICTICIO, Raul Alberto": "designated",
                                                    "QUISPE FICTICIO, Rosa Elena": "designated",
                                                    "TRANSPORTES INVENTADOS DEL SUR S.A.C.": "designated"}
    assert got["QUISPE FICTICIO, Raul Alberto"].aliases == ["EL ADUANERO"]


def test_records_under_a_heading_of_earlier_designations_stay_mentioned():
    html = (_LEAD + "<p>Today, OFAC sanctioned <strong>Mario Inventado Solis</strong> for having trafficked fentanyl.</p>"
            "<h3>Previously designated members of the network</h3>"
            "<p>SOLIS FICTICIO, Anselmo<br>DOB: 01 Jan 1960<br>Nationality: Peru</p>")
    assert roles(html) == {"Mario Inventado Solis": "designated", "SOLIS FICTICIO, Anselmo": "mentioned"}


def test_bold_record_labels_are_no_names_and_the_names_after_them_are_designated():
    html = (_LEAD + "<p>The company shipped pills through Ficticia Exports Limited until OFAC designated that company in "
            "2023. OFAC is now targeting its successors.</p>"
            "<p><b>Individual:</b> Nadia Ficticia Rojas<br>\nDOB: 14 Feb 1981<br>\nNationality: Peru<br>\n"
            "Role: Manager of Inventada Logistica S.A.C.</p>"
            "<p><b>Individual:</b> Omar Supuesto Vela<br>\nDOB: 07 Nov 1970<br>\nNationality: Peru</p>"
            "<p><b>Entity:</b> Inventada Logistica S.A.C., Arequipa, Arequipa, Peru</p>"
            "<p>“We will act,” said Under Secretary of the Treasury <b>Ana Oficial Real</b>.</p>" + _IMPLICATIONS)
    assert roles(html) == {"Nadia Ficticia Rojas": "designated", "Omar Supuesto Vela": "designated",
                           "Inventada Logistica S.A.C.": "designated"}


def test_a_record_label_alone_is_never_a_name():
    html = (_LEAD + "<p><strong>Individuals</strong></p><p><strong>Entity</strong></p>"
            "<p>Today, OFAC sanctioned <strong>Leo Ficticio Paz</strong> for having trafficked fentanyl.</p>")
    assert roles(html) == {"Leo Ficticio Paz": "designated"}


_TABLE = ("<table><thead><tr><th>Name</th><th>Alias</th><th>Role</th></tr></thead><tbody>"
          "<tr><td>Hilario Inventado Cota</td><td>“El Cuervo”</td><td>Head of the cell; owner of a car wash in Guasave, "
          "Sinaloa.</td></tr>"
          "<tr><td>Autolavado Ficticio del Valle, S.A. de C.V.</td><td>—</td><td>Car wash used to mix cash</td></tr>"
          "</tbody></table>")


def test_the_name_column_of_a_table_of_today_s_designees():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned a money laundering cell of the Sinaloa Cartel in Guasave, Sinaloa. "
            "The Sinaloa Cartel, which was designated pursuant to E.O. 14059 in December 2021, traffics fentanyl.</p>"
            "<p>The cell reports to a plaza boss on the SDN List since 2022. The individual and entity sanctioned "
            "today are listed below.</p>" + _TABLE
            + "<p>Both were designated pursuant to E.O. 14059 for having engaged in the proliferation of illicit drugs.</p>")
    got = {c.name: c for c in extract_designees(html)}
    assert {n: c.role for n, c in got.items()} == {"Hilario Inventado Cota": "designated",
                                                    "Autolavado Ficticio del Valle, S.A. de C.V.": "designated"}
    assert got["Hilario Inventado Cota"].aliases == ["El Cuervo"]


def test_a_table_the_wording_does_not_claim_gives_no_designees():
    officials = ("<table><tr><th>Name</th><th>Title</th></tr><tr><td>Laura Oficial Mena</td><td>Prosecutor</td></tr>"
                 "<tr><td>Ruben Oficial Paz</td><td>Police chief</td></tr></table>")
    html = (_LEAD + "<p>Today, OFAC sanctioned <strong>Tito Ficticio Luna</strong> for having trafficked fentanyl.</p>"
            "<p>The following officials took part in the investigation:</p>" + officials
            + "<p>The cell’s earlier leaders were previously designated by OFAC and are listed below.</p>" + _TABLE)
    assert roles(html) == {"Tito Ficticio Luna": "designated", "Hilario Inventado Cota": "mentioned",
                           "Autolavado Ficticio del Valle, S.A. de C.V.": "mentioned"}
    # a table right after prose, with no introduction: nobody
    assert roles(_LEAD + "<p>The cell runs car washes in Sinaloa.</p>" + _TABLE) == {}


def test_one_heading_per_designee_followed_by_a_paragraph_about_it():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned two Peruvian traffickers, a fishing company and a vessel used by "
            "Los Inventados (sanctioned May 2023) to move cocaine. The action is taken pursuant to Executive Order 14059.</p>"
            "<h4>Teodoro Ficticio Arana</h4><p>Ficticio Arana is a Paita-based trafficker who arranges shipments.</p>"
            "<h4>Celso Inventado Ruiz</h4><p>Inventado Ruiz loads go-fast boats off the coast.</p>"
            "<h4>Pesquera Ficticia Arana S.A.C.</h4><p>The company is owned by Ficticio Arana.</p>"
            "<h4>ESTRELLA FICTICIA III</h4><p>OFAC is also identifying the vessel ESTRELLA FICTICIA III as blocked "
            "property.</p>"
            "<h4>Sanctions Implications</h4><p>As a result of today’s action, all property of the persons above is "
            "blocked.</p>")
    assert roles(html) == {"Teodoro Ficticio Arana": "designated", "Celso Inventado Ruiz": "designated",
                           "Pesquera Ficticia Arana S.A.C.": "designated", "ESTRELLA FICTICIA III": "designated"}


def test_headings_of_topics_or_of_earlier_designees_are_not_today_s():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned <strong>Ines Ficticia Lara</strong> pursuant to E.O. 14059.</p>"
            "<h4>Money Laundering Network</h4><p>The network launders money through casinos.</p>"
            "<h4>Fentanyl Pill Presses</h4><p>The presses come from overseas.</p>"
            "<h3>Previous designations</h3>"
            "<h4>Ramon Inventado Gil</h4><p>Inventado Gil led the cartel in the 2010s.</p>"
            "<h4>Susana Inventada Gil</h4><p>Inventada Gil ran its accounts.</p>")
    assert roles(html) == {"Ines Ficticia Lara": "designated", "Ramon Inventado Gil": "mentioned",
                           "Susana Inventada Gil": "mentioned"}


def test_companies_a_later_sentence_designates_by_counting_them():
    html = ("<p>WASHINGTON — Today, OFAC designated two Chilean nationals and two companies that supply precursor "
            "chemicals to fentanyl producers.</p>"
            "<p>Tomas Ficticio Bravo, a Santiago-based chemist, and Elena Supuesta Vidal, a logistics operator, are "
            "designated pursuant to E.O. 14059 for having engaged in the proliferation of illicit drugs. Ficticio Bravo "
            "owns Andes Quimica Inventada Ltda., which imports precursors. Supuesta Vidal owns Condor Ficticio Freight "
            "LLC, a company that moves the chemicals. Both companies are also designated today.</p>")
    got = roles(html)
    assert got["Andes Quimica Inventada Ltda."] == got["Condor Ficticio Freight LLC"] == "designated"


def test_a_count_that_does_not_fit_or_a_past_designation_names_no_company():
    three = ("<p>WASHINGTON — Today, OFAC designated <strong>Tomas Ficticio Bravo</strong> pursuant to E.O. 14059.</p>"
             "<p>He owns Andes Quimica Inventada Ltda. and Condor Ficticio Freight LLC, and works with Puma Irreal "
             "Trading Inc. Both companies are also designated today.</p>")
    assert set(roles(three)) == {"Tomas Ficticio Bravo"}
    past = ("<p>WASHINGTON — Today, OFAC designated <strong>Tomas Ficticio Bravo</strong> pursuant to E.O. 14059.</p>"
            "<p>He once owned Andes Quimica Inventada Ltda. and Condor Ficticio Freight LLC. Both companies were "
            "designated in 2019 pursuant to the Kingpin Act.</p>")
    assert set(roles(past)) == {"Tomas Ficticio Bravo"}


def test_a_contact_block_is_no_record_and_a_deck_before_the_lead_does_not_hide_it():
    deck = "<p><em>Action targets a Peruvian network that ships fentanyl pills north</em></p>"
    records = ("<p>Nadia Ficticia Rojas<br>DOB: 14 Feb 1981<br>Nationality: Peru</p>"
               "<p>Media Contact<br>Phone: (202) 555-0100<br>Email: press@example.gov</p>")
    assert roles(deck + _LEAD + records) == {"Nadia Ficticia Rojas": "designated"}


def test_a_heading_whose_paragraphs_tell_of_an_earlier_designation_is_not_claimed():
    html = ("<p>WASHINGTON — Today, OFAC sanctioned two Peruvian traffickers pursuant to E.O. 14059.</p>"
            "<h4>Teodoro Ficticio Arana</h4><p>Ficticio Arana is a Paita-based trafficker.</p>"
            "<h4>Celso Inventado Ruiz</h4><p>Inventado Ruiz loads go-fast boats.</p>"
            "<h4>Blas Supuesto Ruiz</h4><p>Supuesto Ruiz is his uncle.</p><p>OFAC designated Supuesto Ruiz in 2019 "
            "pursuant to the Kingpin Act.</p>")
    got = roles(html)
    assert got["Teodoro Ficticio Arana"] == got["Celso Inventado Ruiz"] == "designated"
    assert got.get("Blas Supuesto Ruiz") != "designated"
