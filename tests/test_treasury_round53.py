"""Round 53 (invented fixtures in the shape of real E.O. 14059 releases; each failed before its rule): two
names of a plain-text designation sentence separated by a comma are two designees ('OFAC designated A B C D,
E F G H, and I J K L pursuant to E.O. 14059'); a table whose name column is headed 'Company' lists designees;
a group said to be designated by another authority before in its own paragraph, and designated today by its
acronym ('Today, OFAC is additionally designating CSRR pursuant to E.O. 14059'), is designated."""
from __future__ import annotations

from test_treasury_round40 import roles


def test_names_of_a_plain_sentence_separated_by_commas():
    html = ("<p>WASHINGTON — Today, OFAC designated three individuals and one company that form a Costa Rica-based"
            " network moving cocaine through the port of Limón.</p><p>His nephew, Keilor Andrés Ficticio Araya,"
            " recruits dockworkers.</p><p>OFAC designated Marvin Gerardo Inventado Solano, Keilor Andrés Ficticio"
            " Araya, and Danilo Esteban Supuesto Rojas pursuant to Executive Order (E.O.) 14059 for having engaged in"
            " activities that have materially contributed to the proliferation of illicit drugs. OFAC designated"
            " Transportes Ficticios Caribe Sur, S.A. pursuant to E.O. 14059 for being owned by Inventado Solano.</p>")
    got = roles(html)
    assert {n: r for n, r in got.items() if r == "designated"} == {
        "Marvin Gerardo Inventado Solano": "designated", "Keilor Andrés Ficticio Araya": "designated",
        "Danilo Esteban Supuesto Rojas": "designated", "Transportes Ficticios Caribe Sur, S.A.": "designated"}


def test_a_table_whose_name_column_is_headed_company():
    html = ("<p>WASHINGTON — Today, OFAC designated <strong>Heriberto Inventado Beltrán</strong>, a money launderer"
            " for the Sinaloa Cartel, pursuant to E.O. 14059.</p><p>OFAC also designated the following two companies"
            " pursuant to E.O. 14059, each for being owned or controlled by Inventado Beltrán:</p>"
            "<table><thead><tr><th>Company</th><th>Location</th><th>Activity</th></tr></thead><tbody>"
            "<tr><td>Casa de Cambio Ficticia Dorada, S.A. de C.V.</td><td>Tijuana, Baja California</td>"
            "<td>Currency exchange house</td></tr><tr><td>Inmobiliaria Supuesta del Pacífico, S. de R.L. de C.V.</td>"
            "<td>Ensenada, Baja California</td><td>Real estate company</td></tr></tbody></table>")
    got = roles(html)
    assert got.get("Casa de Cambio Ficticia Dorada, S.A. de C.V.") == "designated"
    assert got.get("Inmobiliaria Supuesta del Pacífico, S. de R.L. de C.V.") == "designated"


def test_designated_today_by_its_acronym_after_an_earlier_designation():
    html = ("<p><strong>WASHINGTON</strong>— Today, OFAC is sanctioning Cartel de Santa Ficticia del Río (CSFR), a"
            " violent Mexican cartel that traffics fentanyl, together with two of its leaders.</p>"
            "<h3>CARTEL DE SANTA FICTICIA DEL RIO</h3><p>On March 5, 2025, the Department of State designated"
            " <strong>Cartel de Santa Ficticia del Río</strong> as a Foreign Terrorist Organization and as a Specially"
            " Designated Global Terrorist pursuant to E.O. 13224. Today, OFAC is additionally designating CSFR"
            " pursuant to E.O. 14059 for having engaged in activities that have materially contributed to the"
            " proliferation of illicit drugs.</p><p><strong>Eleazar Inventado Quintanilla</strong> leads CSFR."
            " Inventado Quintanilla is being designated pursuant to E.O. 14059.</p>")
    got = roles(html)
    assert got.get("Cartel de Santa Ficticia del Río") == "designated"
    assert got.get("Eleazar Inventado Quintanilla") == "designated"


def test_a_second_name_that_opens_like_a_legal_form():
    # ('Sandra' once read as 'S.A.': the legal form must be a whole word after the comma)
    html = ("<p>WASHINGTON — Today, OFAC designated two individuals who move cocaine through the port of Limón.</p>"
            "<p>OFAC designated Marvin Gerardo Inventado Solano, Sandra Milena Ficticia Rojas, and Danilo Esteban"
            " Supuesto Rojas pursuant to Executive Order (E.O.) 14059 for having engaged in activities that have"
            " materially contributed to the proliferation of illicit drugs.</p>")
    got = roles(html)
    assert got.get("Sandra Milena Ficticia Rojas") == "designated"
    assert got.get("Marvin Gerardo Inventado Solano") == "designated"
