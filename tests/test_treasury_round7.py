"""Treasury releases, round 7 (invented fixtures in the shape of real releases): designations told
with a date of their own ('designated the same persons on August 6, 2026', 'On September 24, OFAC
designated ...') in a release that designates nobody today."""
from __future__ import annotations

import pytest
from test_treasury_designees import classify, roles
from test_treasury_link_variants import _links, _release, _sdn


def test_another_government_acts_today_and_ofac_designated_on_a_date():
    html = ("<p>Today, the Government of Canada announced sanctions against three individuals of a British"
            " Columbia-based fentanyl network: <strong>Dorian Vellacott</strong>, <strong>Ravinder Sohal</strong>"
            " and <strong>Maxime Bouchard-Lalonde</strong>. The U.S. Department of the Treasury’s Office of Foreign"
            " Assets Control (OFAC) designated the same persons on August 6, 2026, pursuant to Executive Order"
            " (E.O.) 14059.</p>")
    assert not classify(html)


def test_a_day_without_its_year_is_past():
    html = ("<p>On September 24, OFAC designated <strong>Tadeo Lucero Ibarra</strong> and four other persons"
            " supporting the Cartel Ficticio pursuant to Executive Order (E.O.) 14059, and the UIF added the same"
            " persons to its list the same day.</p><p>Today, we commit to deepen this cooperation.</p>")
    assert not classify(html)


def test_the_same_sentence_today_is_still_a_designation():
    html = ("<p>Today, OFAC designated <strong>Tadeo Lucero Ibarra</strong> pursuant to Executive Order (E.O.)"
            " 14059, 2021, as amended.</p>")
    assert classify(html)
    assert classify("<p>Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
                    " designated two persons, pursuant to Executive Order (E.O.) 14059.</p>")


def test_a_numbered_company_as_a_bullet_of_todays_list():
    html = ("<p>Today, OFAC is designating the following individuals and entities pursuant to E.O. 14059:</p><ul>"
            "<li>Dorian Vellacott (DOB: 3 Mar 1981; nationality: Canada) – the network’s chemist.</li>"
            "<li>Fraser Delta Agri-Supply Ltd. – a farm-supply company that imports precursors.</li>"
            "<li>0932217 B.C. Ltd. – a numbered company controlled by Vellacott that holds the lease on the"
            " property.</li></ul>")
    got = roles(html)
    assert got.get("0932217 B.C. Ltd.") == "designated"
    assert got.get("Fraser Delta Agri-Supply Ltd.") == "designated"


def test_a_company_name_holding_a_number_in_plain_text():
    html = ("<p>Today, OFAC sanctioned two members of a trafficking cell and a company.</p>"
            "<p>Inversiones Tavira 2019, C.A. is being designated pursuant to E.O. 14059 for being owned,"
            " controlled, or directed by the cell.</p>")
    got = roles(html)
    assert got.get("Inversiones Tavira 2019, C.A.") == "designated"
    assert "Inversiones Tavira" not in got


def test_a_year_in_a_sentence_is_no_company():
    html = ("<p>Today, OFAC sanctioned Ferrán Oquendo Vidal pursuant to E.O. 14059. In 2024 Oquendo Vidal took over"
            " the network.</p>")
    assert all(not any(ch.isdigit() for ch in name) for name in roles(html))


QUOTED = ("<p>WASHINGTON — Today, OFAC sanctioned two Mexican nationals who import fentanyl precursors. Today’s"
          " action is taken pursuant to Executive Order (E.O.) 14059.</p>"
          "<p>“Teodulo Arroyo Quezada and Berenice Olmos Cázares ran what looked like an ordinary import business,”"
          " said the Secretary of the Treasury.</p>"
          "<p>Arroyo, a chemical engineer, uses his company to import precursors.</p>")


def test_surnames_designated_after_full_names_given_only_in_a_quote():
    got = roles(QUOTED + "<p>Arroyo and Olmos are being designated pursuant to E.O. 14059 for having engaged in"
                         " activities that have materially contributed to the proliferation of illicit drugs.</p>")
    assert got.get("Teodulo Arroyo Quezada") == "designated"
    assert got.get("Berenice Olmos Cázares") == "designated"


def test_a_surname_shared_by_two_people_stays_unread():
    html = QUOTED.replace("Berenice Olmos Cázares", "Berenice Arroyo Cázares") + \
        "<p>Arroyo is being designated pursuant to E.O. 14059 for having engaged in such activities.</p>"
    got = roles(html)
    assert got.get("Teodulo Arroyo Quezada") != "designated" and got.get("Berenice Arroyo Cázares") != "designated"


def test_an_acronym_is_no_surname():
    html = ("<p>Treasury Acts to Further Disrupt CJNG Timeshare Fraud</p><p>Today, OFAC sanctioned Ferrán Oquendo"
            " Vidal pursuant to E.O. 14059.</p><p>CJNG is being designated pursuant to E.O. 14059.</p>")
    assert not any("Timeshare" in name for name in roles(html))


PROSE_LEAD = ("<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
              " designated three money launderers and a trading company pursuant to Executive Order (E.O.) 14059.</p>")


def test_prose_persons_opening_a_clause_or_after_a_based_role():
    html = (PROSE_LEAD + "<p>Idris Nabil al Qasimi, a Tripoli-born money broker, collects cash in Europe. His"
            " Cairo-based partner, Yazan Karim El Tahir, arranges the shipments, and Rafiq Adel Haddadin, an Emirati"
            " national, owns Al-Sahra General Trading LLC, which buys the cars.</p>"
            "<p>“Cartels rely on professional money launderers,” said an Assistant Secretary.</p>")
    got = roles(html)
    assert {n for n, r in got.items() if r == "designated"} == {
        "Idris Nabil al Qasimi", "Yazan Karim El Tahir", "Rafiq Adel Haddadin", "Al-Sahra General Trading LLC"}


def test_a_clause_person_needs_an_appositive():
    # '…, and Rafiq Haddadin owns' (no appositive): not read, so the counts do not match: nobody
    html = (PROSE_LEAD + "<p>Idris Nabil al Qasimi, a Tripoli-born money broker, collects cash in Europe. His"
            " Cairo-based partner, Yazan Karim El Tahir, arranges the shipments, and Rafiq Adel Haddadin owns"
            " Al-Sahra General Trading LLC.</p>")
    assert "designated" not in roles(html).values()


def _linked(run_cli, workdir, tmp_path, entries, body: str) -> dict:
    """The links a release makes against a list of these entries (name in text -> (uid, role, method, evidence))."""
    run_cli("import", "sdn", _sdn(tmp_path, entries))
    run_cli("import", "treasury", _release(tmp_path, body))
    return _links(workdir / "tracker.db")


def test_an_article_written_apart_links_to_the_joined_list_name(run_cli, workdir, tmp_path):
    got = _linked(run_cli, workdir, tmp_path, [(81001, "ALHASHIMI, Rami Fadel", "individual"),
                                               (81002, "HASHIMI, Rami", "individual")],
                  "<p>WASHINGTON — Today, OFAC sanctioned <strong>Rami Fadel Al Hashimi</strong> pursuant to E.O."
                  " 14059.</p>")
    assert got["Rami Fadel Al Hashimi"][:2] == (81001, "designated")


LISTED = ("<p>WASHINGTON — Today, OFAC is designating two individuals and a company that ship cocaine, and is"
          " identifying one vessel as blocked property.</p><p>OFAC is designating the following pursuant to"
          " Executive Order (E.O.) 14059:</p><p>ODILIO FERNEY RUEDA SALAS, the network’s maritime coordinator.</p>"
          "<p>NAVIERA FICTICIA DEL DARIÉN S.A.S., a shipping company.</p>")


def test_a_vessel_identified_today_as_blocked_property():
    html = LISTED + ("<p>OFAC is also identifying the Colombia-flagged general cargo vessel SANTA ISOLDA (IMO"
                     " 8712399) as property in which Naviera Ficticia del Darién S.A.S. has an interest.</p>")
    assert roles(html).get("SANTA ISOLDA") == "designated"


def test_a_vessel_identified_in_an_earlier_year_is_not_todays():
    html = LISTED + ("<p>In 2023, OFAC identified the vessel SANTA ISOLDA (IMO 8712399) as blocked property; it was"
                     " seized in Panama.</p>")
    assert roles(html).get("SANTA ISOLDA") != "designated"


def test_aircraft_identified_today_by_their_tail_numbers():
    html = LISTED + ("<p>OFAC is also identifying the following aircraft as blocked property: a Cessna Citation CJ1"
                     " bearing tail number XA-QRT, registered to Naviera Ficticia del Darién S.A.S., and a Cessna 208B"
                     " bearing U.S. tail number N417QX.</p>")
    got = roles(html)
    assert got.get("XA-QRT") == "designated" and got.get("N417QX") == "designated"
    # a tail number in a sentence of another day's action is not today's
    past = LISTED + "<p>In 2022, OFAC identified an aircraft bearing tail number XA-QRT as blocked property.</p>"
    assert roles(past).get("XA-QRT") != "designated"


@pytest.mark.parametrize("written, bare", [
    ("Kevin Qiu Hanxiang", "Qiu Hanxiang"), ("Grace Chen Meiling", "Chen Meiling"), ("Juan Li Garcia", None),
    ("Maria Lopez Rey", None),
])
def test_an_english_given_name_before_a_chinese_name(written, bare):
    from scrapers.linking.treasury_match import derived_forms
    got = [f for f, rule in derived_forms(written) if rule.startswith("English given name")]
    assert got == ([bare] if bare else [])


def test_an_english_given_name_before_a_chinese_name_links(run_cli, workdir, tmp_path):
    got = _linked(run_cli, workdir, tmp_path, [(81101, "QIU, Hanxiang", "individual")],
                  "<p>WASHINGTON — Today, OFAC sanctioned <strong>Kevin Qiu Hanxiang</strong> pursuant to E.O. 14059.</p>")
    uid, role, _method, evidence = got["Kevin Qiu Hanxiang"]
    assert (uid, role) == (81101, "designated") and evidence["rule"].startswith("English given name")


def test_a_weekly_summary_and_a_look_back_are_not_todays_designations():
    assert not classify("<p>Treasury This Week</p><p>On Tuesday, OFAC designated <strong>Ximena Ortiz Lara</strong>"
                        " pursuant to Executive Order (E.O.) 14059 for selling counterfeit pills.</p><p>Today,"
                        " Treasury announced new small business lending figures.</p>")
    assert not classify("<p>“Today, we reaffirm our commitment,” the ministers said. “In the last two months alone,"
                        " the United States designated pursuant to Executive Order (E.O.) 14059 the vendors"
                        " <strong>Dmitro Kravets</strong> and <strong>Olha Hrytsai</strong>.”</p>")


def test_a_relative_clause_right_after_a_name_is_that_names():
    html = ("<p>Today, OFAC sanctioned <strong>Ximena Ortiz Lara</strong> pursuant to E.O. 14059.</p><p>Ortiz Lara"
            " buys her pills from <strong>Nereida Gallo Arvizu</strong>, a Culiacán-based pill broker for"
            " <strong>Los Chapulines</strong> whom OFAC designated in June 2025.</p>")
    assert roles(html).get("Los Chapulines") == "mentioned"


def test_entries_updated_are_no_designations():
    html = ("<p>Today, OFAC is sanctioning <strong>Khalil Saeed al-Mansour</strong> pursuant to E.O. 14059.</p>"
            "<p>OFAC is also updating the SDN List entries of <strong>Al-Rashid Gold Trading L.L.C.</strong> and its"
            " owner, <strong>Samir Youssef Haddad</strong>, whom OFAC designated pursuant to E.O. 14059 on September"
            " 9, 2025.</p>")
    got = roles(html)
    assert got.get("Al-Rashid Gold Trading L.L.C.") == "mentioned" and got.get("Samir Youssef Haddad") == "mentioned"
    assert got.get("Khalil Saeed al-Mansour") == "designated"


def test_in_addition_to_names_given_in_a_quote():
    html = ("<p>“Sharanvi Biochem Pvt. Ltd. and its director, Vikram Anand Kolhatkar, sold nitazene precursors to"
            " anyone who would pay,” said the Secretary of the Treasury.</p><p>WASHINGTON — Today, OFAC sanctioned"
            " two India-based chemical companies and two of their executives pursuant to Executive Order (E.O.)"
            " 14059. In addition to Sharanvi Biochem and Kolhatkar, OFAC designated Nilgar Fine Chemicals Pvt. Ltd.,"
            " a Hosur-based manufacturer, and its marketing head, Rekha Iyengar Subramani.</p>")
    got = roles(html)
    assert got.get("Vikram Anand Kolhatkar") == "designated" and got.get("Sharanvi Biochem") == "designated"


def test_surnames_with_lower_case_articles_in_a_designation_sentence():
    html = ("<p>WASHINGTON — Today, OFAC is sanctioning three individuals pursuant to E.O. 14059.</p>"
            "<p>Emirati national Khalid bin Saeed al-Mansour owns a gold shop. Egyptian national Tarek Mahmoud"
            " el-Shazli moves the cash, and Nour Eddine Abu Samir keeps the books.</p>"
            "<p>Al-Mansour, el-Shazli, and Abu Samir are being designated pursuant to E.O. 14059 for having engaged"
            " in activities that contributed to the proliferation of illicit drugs.</p>")
    got = roles(html)
    assert {n for n, r in got.items() if r == "designated"} >= {
        "Khalid bin Saeed al-Mansour", "Tarek Mahmoud el-Shazli", "Nour Eddine Abu Samir"}


@pytest.mark.parametrize("written, bare", [
    ("Lydia Fang Yuqing", "Fang Yuqing"), ("Wendy Ma Xiaoli", "Ma Xiaoli"), ("Richard Pang Chi-keung", "Pang Chi keung"),
    ("Zhang Wei Ming", None),
])
def test_english_given_names_before_chinese_names_more(written, bare):
    from scrapers.linking.treasury_match import derived_forms
    got = [f for f, rule in derived_forms(written) if rule.startswith("English given name")]
    assert got == ([bare] if bare else [])


def test_a_cantonese_given_name_with_a_hyphen_is_one_name():
    html = "<p>Today, OFAC is also designating Richard Pang Chi-keung pursuant to E.O. 14059.</p>"
    assert roles(html).get("Richard Pang Chi-keung") == "designated"
    # '-based' is never a syllable of a name
    assert "Hong Kong-based" not in " ".join(roles("<p>Today, OFAC designated Hong Kong-based Lam Kin-wah pursuant to"
                                                   " E.O. 14059.</p>"))


def test_initials_written_apart_are_looked_up_joined():
    from scrapers.linking.treasury_match import derived_forms
    assert ("R.K. Suresh Babu", "initials written apart joined") in derived_forms("R. K. Suresh Babu")
    assert not any(rule == "initials written apart joined" for _, rule in derived_forms("T. Arul Venkatesan"))
