"""Treasury releases, round 8 (invented fixtures in the shape of real releases): plain-text
designees named with an appositive after them."""
from __future__ import annotations

from test_treasury_designees import roles


def test_a_possessive_appositive_after_a_plain_text_name_is_no_part_of_it():
    html = ("<p>Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned two"
            " individuals and one entity pursuant to Executive Order (E.O.) 14059.</p><p>Ramiro Ortega Saucedo (Ortega)"
            " is a Sinaloa-based chemical broker. OFAC designated Ortega for having engaged in activities that"
            " contributed to the proliferation of illicit drugs. Quimicos del Pacifico, S.A. de C.V. is being"
            " designated for being owned or controlled by Ortega. Lidia Fuentes Arce, Ortega’s associate, is being"
            " designated for having materially assisted Ortega.</p>")
    got = roles(html)
    assert got == {"Ramiro Ortega Saucedo": "designated", "Quimicos del Pacifico, S.A. de C.V.": "designated",
                   "Lidia Fuentes Arce": "designated"}


# -- classification: a removal, a recap's dated entries ---------------------------------------------------
from test_treasury_designees import classify  # noqa: E402
from test_treasury_link_variants import _links, _release, _sdn  # noqa: E402


def test_a_removal_that_says_other_designations_stand_is_no_designation():
    html = ("<p>WASHINGTON — Today, OFAC removed Mexican national Irma Solano Ruiz and her company, Boutique Solano, S.A."
            " de C.V., from the SDN List. OFAC designated Solano Ruiz and the company pursuant to Executive Order (E.O.)"
            " 14059 on September 15, 2022.</p><p>Today’s action does not affect the designations of any other person"
            " designated pursuant to E.O. 14059 or the Kingpin Act, including the Cartel Ficticio, which remains"
            " designated under both authorities.</p>")
    assert not classify(html)


def test_a_recaps_dated_entries_are_past_designations():
    html = ("<p>WASHINGTON — This fact sheet reviews Treasury’s 2025 actions against fentanyl traffickers.</p><ul>"
            "<li>March 6: OFAC sanctioned a fentanyl production cell in Culiacán, including chemist Omar Ruelas"
            " Armenta, pursuant to E.O. 14059.</li><li>July 10: OFAC designated Los Reyes del Norte pursuant to E.O."
            " 14059.</li></ul>")
    assert not classify(html)
    assert classify("<p>Today, OFAC sanctioned a fentanyl production cell in Culiacán pursuant to E.O. 14059.</p>")


def test_a_redesignation_today_is_a_designation():
    html = ("<p>WASHINGTON — Today, OFAC took action against a maritime smuggling network pursuant to Executive Order"
            " (E.O.) 14059.</p><p>Washington Javier Cedillo Alvar (a.k.a. “El Gringo”) supplies cocaine to the"
            " network. OFAC designated Cedillo Alvar pursuant to the Kingpin Act in 2019. Today, OFAC is"
            " redesignating Cedillo Alvar pursuant to E.O. 14059 for having engaged in activities that contributed to"
            " the proliferation of illicit drugs.</p>")
    assert roles(html) == {"Washington Javier Cedillo Alvar": "designated"}   # (round 40: 'Washington' a given name)


def _linked(run_cli, workdir, tmp_path, entries, body) -> dict:
    """The list of `entries` imported, then the release of `body`: its links by name as written."""
    run_cli("import", "sdn", _sdn(tmp_path, entries))
    run_cli("import", "treasury", _release(tmp_path, body))
    return _links(workdir / "tracker.db")


# -- a designee designated today under another order only -------------------------------------------------
SALAS = [(81001, "SALINAS INZUNA, Rigoberto", "individual"), (81002, "GASTELO IBARRA, Jesus Ernesto", "individual")]


def test_designated_today_under_another_order_while_the_e_o_14059_designation_stands(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC sanctioned one individual that produces fentanyl for the Cartel Ficticio."
            " Today’s action is taken pursuant to Executive Order (E.O.) 14059 and E.O. 13224.</p>"
            "<p>Jesús Ernesto Gastelo Ibarra oversees laboratories. The cell operates under the protection of plaza"
            " boss Rigoberto Salinas Inzuna. OFAC designated Salinas Inzuna pursuant to E.O. 14059 in August 2023."
            " Today, OFAC is designating Salinas Inzuna pursuant to E.O. 13224, as amended, for having acted for or on"
            " behalf of the Cartel Ficticio; his designation pursuant to E.O. 14059 remains in effect.</p>"
            "<p>Gastelo Ibarra is being designated pursuant to E.O. 14059 for having engaged in activities that"
            " contributed to the proliferation of illicit drugs, and pursuant to E.O. 13224.</p>")
    got = _linked(run_cli, workdir, tmp_path, SALAS, body)
    designated = {name: link[0] for name, link in got.items() if link[1] == "designated"}
    assert set(designated.values()) == {81002}
    assert all(link[1] != "designated" for name, link in got.items() if link[0] == 81001)


# -- an annex of entries written as on the list ---------------------------------------------------------
ANNEX = ("<p>WASHINGTON — Today, OFAC sanctioned one individual and two companies that smuggle drugs for the Cartel"
         " Ficticio. Today’s action is taken pursuant to Executive Order (E.O.) 14059 and E.O. 13224.</p>"
         "<p>Rodolfo Cantero Garza (Cantero) coordinates the smuggling. The two companies identified in the Annex"
         " below are being designated for being owned or controlled by Cantero.</p><h3>ANNEX</h3>"
         "<p>AGROEXPORTADORA SAN FICTICIO, S.P.R. DE R.L., Carretera 101 Km 181, San Fernando, Tamaulipas, Mexico;"
         " Organization Established Date 14 Feb 2014; R.F.C. ASF140214P56 (Mexico) [SDGT] [ILLICIT-DRUGS-EO14059]"
         " (Linked To: CANTERO GARZA, Rodolfo).</p>"
         "<p>FICTICIA FREIGHT LLC, 3305 Boca Chica Boulevard, Brownsville, TX 78521, United States; Registration ID"
         " 0803219870 (United States) [SDGT] (Linked To: CANTERO GARZA, Rodolfo).</p>")


def test_an_annex_of_list_entries_designates_those_tagged_e_o_14059():
    got = roles(ANNEX)
    assert got["AGROEXPORTADORA SAN FICTICIO, S.P.R. DE R.L."] == "designated"
    assert got.get("FICTICIA FREIGHT LLC") in (None, "mentioned")   # tagged [SDGT] only


# -- the ninth held-out set's patterns ---------------------------------------------------------------------
def test_a_readout_thanking_for_a_dated_action_and_a_denial_are_no_designations():
    assert not classify("<p>Under Secretary Nelson thanked his Canadian counterparts for their partnership in the August"
                        " 25, 2022 action in which OFAC designated Ontario-based precursor brokers pursuant to Executive"
                        " Order (E.O.) 14059.</p>")
    assert not classify("<p>Today, OFAC sanctioned six individuals who produce captagon. Today’s designations are not"
                        " made under the Foreign Narcotics Kingpin Designation Act or under E.O. 14059.</p>")


def test_letters_without_a_decomposition_fold_as_the_list_writes_them():
    from scrapers.names import normalize_name
    assert normalize_name("Đorđe Stanišić") == "dorde stanisic"   # (the list: 'STANISIC, Dordje')
    assert normalize_name("Łukasz Øster") == "lukasz oster"


BROKERS = [(82001, "KOWALCZYK, Daniel", "individual"), (82002, "BRARA, Amritpal Singh", "individual"),
           (82003, "KOWALCZYK, Dorota", "individual")]


def test_a_middle_name_added_or_two_given_names_written_apart_link_with_the_short_form(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC designated two Canadian nationals pursuant to Executive Order (E.O.) 14059.</p>"
            "<p><strong>Daniel Patrick Kowalczyk</strong> (Kowalczyk) brokers precursor chemicals. <strong>Amrit Pal"
            " Singh Brara</strong> (Brara) supplies laboratories.</p>"
            "<p><strong>Ana Maria Kowalczyk</strong> is his sister.</p>")
    got = _linked(run_cli, workdir, tmp_path, BROKERS, body)
    assert got["Daniel Patrick Kowalczyk"][:2] == (82001, "designated")
    assert got["Amrit Pal Singh Brara"][:2] == (82002, "designated")
    assert "joined" in got["Amrit Pal Singh Brara"][3]["rule"] or "left out" in got["Amrit Pal Singh Brara"][3]["rule"]
    assert got["Ana Maria Kowalczyk"][0] is None   # no short form: the surname alone links nobody


# -- the tenth held-out set's patterns ----------------------------------------------------------------------
def test_none_of_todays_designations_under_e_o_14059_and_a_dated_designation_with_its_orders():
    assert not classify("<p>Today, OFAC sanctioned two leaders of a gang. None of today’s designations are being made"
                        " pursuant to E.O. 14059.</p>")
    html = ("<p>Today, OFAC sanctioned 2 individuals pursuant to Executive Order (E.O.) 14059.</p><p>OFAC designated"
            " <strong>Los Chapulines</strong> pursuant to Executive Order (E.O.) 14059 and E.O. 13224, as amended, on"
            " June 9, 2025. <strong>Heriberto Lizaola Osuna</strong> is being designated for having engaged in"
            " activities that contributed to the proliferation of illicit drugs.</p>")
    got = roles(html)
    assert got["Heriberto Lizaola Osuna"] == "designated" and got.get("Los Chapulines") in (None, "mentioned")


def test_two_surnames_designated_by_themselves_resolve_to_the_full_name():
    html = ("<p>Today, OFAC sanctioned three individuals pursuant to Executive Order (E.O.) 14059.</p><p>Guerrero's"
            " inner circle includes his lieutenant, Baltazar Ocampo Nieva (a.k.a. “El Balta”), who supervises the"
            " couriers; and Hilario Bustos Carranzo (Bustos), the accountant.</p><p>Ocampo Nieva and Bustos are being"
            " designated pursuant to E.O. 14059 for having engaged in activities that contributed to the proliferation"
            " of illicit drugs.</p>")
    got = roles(html)
    assert got.get("Baltazar Ocampo Nieva") == "designated"


EXPORTERS = [(83001, "MALHOTRA, Rajesh Kumar", "individual"), (83002, "R. K. MALHOTRA FICTICIA EXPORTS PRIVATE LIMITED", "-0- "),
             (83003, "MALHOTRA, Sunil", "individual")]


def test_initials_written_together_or_apart_and_a_middle_initial(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC designated an India-based exporter and its owner pursuant to Executive Order"
            " (E.O.) 14059.</p><p><strong>Rajesh K. Malhotra</strong> (Malhotra) owns <strong>R.K. Malhotra Ficticia"
            " Exports Pvt. Ltd.</strong> (“RKM”).</p>")
    got = _linked(run_cli, workdir, tmp_path, EXPORTERS, body)
    assert got["R.K. Malhotra Ficticia Exports Pvt. Ltd."][:2] == (83002, "designated")
    assert got["Rajesh K. Malhotra"][:2] == (83001, "designated")
    assert got["Rajesh K. Malhotra"][3]["rule"] == "an initial written for a given name of the list"


def test_a_middle_initial_that_fits_two_entries_links_neither(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC designated an India-based exporter's owner pursuant to Executive Order (E.O.)"
            " 14059.</p><p><strong>Rajesh K. Malhotra</strong> (Malhotra) owns an exporter.</p>")
    assert _linked(run_cli, workdir, tmp_path, EXPORTERS + [(83004, "MALHOTRA, Rajesh", "individual")], body)["Rajesh K. Malhotra"][0] is None


# -- the eleventh held-out set's patterns --------------------------------------------------------------------
def test_a_week_in_review_tells_of_past_days():
    html = ("<p>WASHINGTON — Here is a look back at the Treasury Department’s work during the week of September 21,"
            " 2026.</p><p><strong>THURSDAY, SEPTEMBER 24</strong></p><p>The Office of Foreign Assets Control (OFAC)"
            " sanctioned a Hong Kong-based money laundering organization. OFAC designated Kevin Lau Wai-ming and"
            " Harbour Crest Remittance Limited pursuant to Executive Order (E.O.) 14059.</p>")
    assert not classify(html)


def test_a_title_before_a_bold_name_and_a_compound_left_open_before_and():
    html = ("<p>Today, OFAC designated two individuals and a company pursuant to Executive Order (E.O.) 14059.</p>"
            "<p><strong>Engineer Radamés Almonte Peña</strong> (Almonte) runs a container terminal. <strong>Dr. Kadir"
            " Yilmazer</strong> supplies chemicals.</p><p>Dirk-Jan Vissering owns Rijndam Koel- en Vrieshuis B.V."
            " (Rijndam Koel). Rijndam Koel is being designated for being owned or controlled by Vissering.</p>")
    got = roles(html)
    assert got.get("Radamés Almonte Peña") == "designated" and got.get("Kadir Yilmazer") == "designated"
    assert got.get("Rijndam Koel- en Vrieshuis B.V.") == "designated"


def test_a_statement_recapping_what_we_have_sanctioned_under_the_order():
    assert not classify("<p>Today, Deputy Secretary Adeyemo issued the following statement:</p><p>“This year, Treasury"
                        " has hit every link in the supply chain. Using our counter narcotics authority, Executive Order"
                        " (E.O.) 14059, we have sanctioned Sinaloa Cartel smugglers and PRC-based suppliers.”</p>")
    assert classify("<p>Today, using its counter narcotics authority, Executive Order (E.O.) 14059, OFAC sanctioned"
                    " Sinaloa Cartel smugglers.</p>")
