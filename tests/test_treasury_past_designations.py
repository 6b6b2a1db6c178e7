"""Round 2 of the Treasury wording rules, on our own invented fixtures imitating how E.O. 14059
releases write history and officials: persons designated in the past named (often in bold) in
a new release, officials quoted in bold, readouts naming E.O. 14059 without designating
anyone."""
from __future__ import annotations

from test_treasury_designees import classify, roles

TODAY = "<p>Today, OFAC sanctioned <strong>Rubén Inventado Solís</strong> pursuant to E.O. 14059.</p>"


def test_a_time_framed_designation_covers_every_name_it_governs():
    got = roles(TODAY + "<p>In 2022, OFAC designated Hunan Ficta Chemical Co., Ltd. and its sales manager "
                        "<strong>Tao Weiming</strong> for similar conduct. Rubén Inventado Solís buys from Tao.</p>")
    assert got == {"Rubén Inventado Solís": "designated", "Tao Weiming": "mentioned"}


def test_previously_designated_used_as_an_attribute_of_the_next_name():
    got = roles("<p>Today, OFAC designated four individuals who launder money for the Cartel Ficticio faction led "
                "by previously designated drug trafficker <strong>Leandro Falso Quiroz</strong> (Falso Quiroz).</p>"
                "<p><strong>Marina Irreal Paz</strong> manages the cash. Irreal Paz is being designated pursuant "
                "to E.O. 14059.</p>")
    assert got == {"Leandro Falso Quiroz": "mentioned", "Marina Irreal Paz": "designated"}


def test_history_after_an_alias_belongs_to_the_name_before_it():
    got = roles(TODAY + "<p>Rubén Inventado Solís took over the network from <strong>Ding Haoran</strong>, also "
                        "known as “Harry Ding,” who was sanctioned by OFAC in 2021 and arrested in 2022.</p>")
    assert got["Ding Haoran"] == "mentioned" and got["Rubén Inventado Solís"] == "designated"


def test_history_stated_later_under_the_short_form():
    got = roles("<p>Today, OFAC sanctioned two members of a cell pursuant to E.O. 14059.</p>"
                "<p>The cell is led by<strong> Anselmo Ficticio Lara</strong> (Ficticio), also known as “El Tío.” "
                "OFAC designated Ficticio on March 3, 2024.</p>"
                "<p><strong>Berta Inventada Rey</strong> (Inventada) runs the pill presses.</p>")
    assert got == {"Anselmo Ficticio Lara": "mentioned", "Berta Inventada Rey": "designated"}
    # wording that says today is never overruled by a later line of history
    got = roles("<p>Today, OFAC sanctioned <strong>Anselmo Ficticio Lara</strong> (Ficticio) pursuant to "
                "E.O. 14059. OFAC designated Ficticio under the Kingpin Act on March 3, 2014.</p>")
    assert got == {"Anselmo Ficticio Lara": "designated"}
    # history under another authority says nothing of E.O. 14059 (the order's first action
    # re-designated Kingpin Act targets)
    got = roles("<p>Under the new E.O., OFAC today designated the following.</p><p><strong>Cartel Ficticio del "
                "Sur</strong> (CFS) traffics fentanyl. In 2015, OFAC designated CFS pursuant to the Kingpin Act.</p>")
    assert got == {"Cartel Ficticio del Sur": "designated"}


def test_which_and_builds_on_mark_history_of_their_own_name():
    got = roles(TODAY + "<p>Rubén Inventado Solís supplies <strong>Laboratorios Falsos del Norte</strong>, which OFAC "
                        "sanctioned in May 2023 pursuant to E.O. 14059.</p>"
                        "<p>Today’s action builds on OFAC’s designation of <strong>Hebei Ficta Trading Co., Ltd.</strong> "
                        "and <strong>Quan Lifeng</strong>.</p>")
    assert got == {"Rubén Inventado Solís": "designated", "Laboratorios Falsos del Norte": "mentioned",
                   "Hebei Ficta Trading Co., Ltd.": "mentioned", "Quan Lifeng": "mentioned"}
    # "which OFAC designated for being owned by …" with no date can tell today's action
    got = roles(TODAY + "<p>He owns <strong>Granja Ficticia S.A. de C.V.</strong>, which OFAC designated for "
                        "being owned by him.</p>")
    assert got["Granja Ficticia S.A. de C.V."] == "designated"
    # "which is (also) designated …" is today's action, not history
    got = roles(TODAY + "<p>He owns <strong>Autos Ficticios S.A. de C.V.</strong>, which is also designated "
                        "pursuant to E.O. 14059 for being owned by him.</p>")
    assert got["Autos Ficticios S.A. de C.V."] == "designated"


def test_bold_officials_are_never_designees():
    got = roles(TODAY + "<p>“We will act,” said Under Secretary of the Treasury for Terrorism and Financial "
                        "Intelligence <strong>Dana R. Whitcombe</strong>. “More will follow.”</p>"
                        "<p>Deputy Secretary <strong>Omar Feld</strong> met the families.</p>")
    assert got == {"Rubén Inventado Solís": "designated"}


def test_readouts_naming_the_order_designate_nobody():
    assert not classify("<p>Today, Deputy Secretary Ana Ficta met counterparts in Mexico City to discuss "
                        "cooperation against fentanyl trafficking, including Treasury’s use of E.O. 14059.</p>")
    assert not classify("<p>The officials discussed sanctioning fentanyl traffickers under E.O. 14059.</p>")
    assert not classify("<p>During the trip, the Under Secretary highlighted Treasury’s authorities, including "
                        "E.O. 14059, to designate those who supply precursor chemicals.</p>")
    # today's actions still count, in every tense releases use
    assert classify("<p>Today’s action was taken pursuant to E.O. 14059.</p>")
    assert classify("<p>Today, OFAC is concurrently designating two firms pursuant to E.O. 14059.</p>")
    assert classify("<p>X and Y are being designated pursuant to E.O. 14059 for having engaged in trafficking.</p>")


def test_a_name_linked_to_its_earlier_release_takes_the_history_alone():
    got = roles("<p>Today, OFAC sanctioned two men pursuant to E.O. 14059.</p>"
                "<p><strong>Juan Falso Ruiz</strong> (Falso Ruiz) is a plaza boss.</p>"
                "<p>In addition to working with another plaza boss who was previously designated by OFAC, "
                "<a href=\"https://home.treasury.gov/news/press-releases/jy0001\">Sergio Inventado Paz</a>, "
                "Falso Ruiz collaborates with <strong>Ana Ficta</strong>.</p>")
    assert got == {"Juan Falso Ruiz": "designated", "Ana Ficta": "designated"}


def test_an_appositive_ending_its_sentence_carries_the_history_of_its_name():
    got = roles(TODAY + "<p>Rubén Inventado Solís reports to <strong>Ovidio Ficticio Campos</strong>, a Cartel del "
                        "Humo leader whom OFAC designated in 2022.</p>")
    assert got == {"Rubén Inventado Solís": "designated", "Ovidio Ficticio Campos": "mentioned"}


def test_after_ofac_sanctioned_x_is_history_not_todays_action():
    got = roles(TODAY + "<p>This action builds on OFAC’s March 2023 designation of a timeshare fraud network, "
                        "including <strong>Celso Irreal Vega</strong> and <strong>Nora Falsa Pinto</strong>.</p>"
                        "<p>Rubén Inventado Solís replaced Irreal Vega as head of the network after OFAC "
                        "sanctioned Irreal Vega.</p>")
    assert got == {"Rubén Inventado Solís": "designated", "Celso Irreal Vega": "mentioned",
                   "Nora Falsa Pinto": "mentioned"}
