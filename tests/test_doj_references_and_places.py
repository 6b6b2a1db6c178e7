"""Stages stated apart from the names ('Both were arrested', 'All three were arrested Monday',
'Seven of the eight defendants were arrested', 'She was previously sentenced'), verdict wordings,
and capitalised places and things that are not people (invented names and sentences)."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def run(body: str, title: str = "Three Men Charged in Fentanyl Conspiracy"):
    return extract("doj:test", title, html_to_blocks(body), ["USAO - Michigan, Western"],
                   "https://www.justice.gov/usao-wdmi/pr/x", "2024-05-01")


def got(ex) -> dict:
    return {d["name"]: d["action"] for d in ex.defendants}


# -- arrests stated apart from the names -----------------------------------------------------------
def test_all_three_were_arrested_in_the_lead_before_the_names():
    ex = run("<p>KALAMAZOO – Three Kalamazoo men have been charged in a criminal complaint with conspiring to"
             " distribute fentanyl. All three were arrested Monday.</p><p>Dorian Pratt, 29, Kelvin Ames, 33, and"
             " Tobias Reyes-Lund, 24, are charged with conspiracy to distribute fentanyl.</p>")
    assert got(ex) == {"Dorian Pratt": "arrested", "Kelvin Ames": "arrested", "Tobias Reyes-Lund": "arrested"}


def test_both_were_arrested_is_the_pair_just_named_not_the_whole_round_up():
    ex = run("<p>Several darknet cases were charged.</p><p>In the Central District of California, Jonah Ruiz-Mena,"
             " 34, and Sofia Lyn Park, 29, both of Los Angeles, were charged in a federal indictment with"
             " distributing fentanyl. Both were arrested in August.</p><p>In the Southern District of Ohio, Dale"
             " Meeks, 38, of Columbus, pleaded guilty to distributing fentanyl.</p>", title="Darknet Operation")
    assert got(ex) == {"Jonah Ruiz-Mena": "arrested", "Sofia Lyn Park": "arrested", "Dale Meeks": "pleaded_guilty"}


def test_seven_of_the_eight_arrested_and_the_one_named_as_a_fugitive():
    names = ["Ada Quinn", "Bo Ferris", "Cal Dent", "Dee Marsh", "Eli Stroud", "Fay Lomax", "Gus Pardee", "Hal Ivers"]
    listing = "".join(f"<p>{n}, {30 + i}, of Detroit</p>" for i, n in enumerate(names))
    ex = run("<p>An indictment was unsealed today charging eight people with running a drug trafficking"
             " organization.</p><p>Charged in the indictment are:</p>" + listing +
             "<p>Seven of the eight defendants were arrested yesterday. Agents seized two kilograms of fentanyl."
             " Cal Dent remains a fugitive.</p>", title="Eight Charged in Detroit Fentanyl Ring")
    stages = got(ex)
    assert stages["Cal Dent"] == "charged"
    assert {n: s for n, s in stages.items() if n != "Cal Dent"} == {n: "arrested" for n in names if n != "Cal Dent"}


def test_n_of_m_arrested_is_nobody_when_the_count_leaves_a_doubt():
    names = ["Ada Quinn", "Bo Ferris", "Cal Dent"]
    ex = run("<p>Charged in the indictment are:</p>" + "".join(f"<p>{n}, {30 + i}, of Detroit</p>" for i, n in
                                                              enumerate(names)) +
             "<p>Two of the three defendants were arrested yesterday.</p>")
    assert set(got(ex).values()) == {"charged"}


def test_she_is_the_woman_named_last_not_the_last_one_sentenced():
    ex = run("<p>Tyrell Banks-Orr, 29, was sentenced to 150 months in federal prison.</p><p>His girlfriend and"
             " co-conspirator, Kaylee Ann Moss, 26, packaged and mailed orders. She was previously sentenced to"
             " 24 months in federal prison.</p>", title="Salem Man Sentenced")
    assert {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants} == {
        "Tyrell Banks-Orr": ("sentenced", 150), "Kaylee Ann Moss": ("sentenced", 24)}


# -- verdicts ------------------------------------------------------------------------------------------
def test_returned_a_verdict_convicting():
    ex = run("<p>A federal jury in Brooklyn today returned a verdict convicting Ramiro Estrada Vela, 44, of Queens, of"
             " conspiracy to distribute fentanyl.</p>", title="Queens Man Convicted at Trial")
    assert got(ex) == {"Ramiro Estrada Vela": "convicted"}


def test_a_guilty_verdict_against():
    ex = run("<p>Jurors returned a guilty verdict against Nadia Forsythe, 38, after a four-day trial.</p>",
             title="Woman Convicted")
    assert got(ex) == {"Nadia Forsythe": "convicted"}


def test_found_a_described_man_guilty_then_named_after_a_trial():
    ex = run("<p>SALT LAKE CITY – A federal jury has found a Draper, Utah, man guilty on 12 counts for running a"
             " dark-web pill press.</p><p>The jury returned its verdict Friday following a three-week trial against"
             " Gavin Ross Thorne, 29. He was charged with running a continuing criminal enterprise.</p>"
             "<p>Five co-defendants – Ty Wells, Kai Fono, Dev Soren, Jo Marsh and Lexa Hendry – pleaded guilty"
             " earlier.</p>", title="Draper Man Convicted by Jury")
    stages = got(ex)
    assert stages["Gavin Ross Thorne"] == "convicted"
    assert stages["Ty Wells"] == "pleaded_guilty"


def test_found_guilty_by_a_federal_jury_in_the_lead():
    ex = run("<p>DES MOINES, Iowa – A Des Moines man was found guilty by a federal jury on February 12, 2021, of"
             " conspiracy to distribute fentanyl.</p><p>According to evidence presented at trial, Curtis Lee Bramwell,"
             " Jr., 41, distributed fentanyl in Des Moines from 2018 to 2019.</p>", title="Des Moines Man Found Guilty")
    assert got(ex) == {"Curtis Lee Bramwell": "convicted"}


# -- places and things written like names ------------------------------------------------------------
def test_town_names_in_leads_and_datelines_are_not_people():
    ex = run("<p>A Van Nuys man was arrested today on a federal indictment for selling pills to a 15-year-old Van Nuys"
             " girl. Adrian Voss, 23, of Van Nuys, is charged with distributing fentanyl pills.</p><p>A man who distributed fentanyl in Cedar Rapids was also"
             " sentenced. Terrence Ulm, age 47, from Cedar Rapids, Iowa, received the prison term after a guilty"
             " plea.</p>", title="Two Cases")
    assert "Van Nuys" not in got(ex) and "Cedar Rapids" not in got(ex)
    assert "Adrian Voss" in got(ex) and "Terrence Ulm" in got(ex)


def test_reservations_neighbourhoods_offences_and_agencies_are_not_people():
    ex = run("<p>A Browning man who sold methamphetamine on the Crow Indian Reservation and in the Washington Heights"
             " neighborhood was sentenced today to eight years in prison, U.S. Attorney Jo Lanford said. The case"
             " is part of an effort against drugs on Montana’s Indian reservations.</p><p>Raymond Lee Two Feathers,"
             " 35, pleaded guilty to Distribution of a Controlled Substance. The Oglala Sioux Tribe Department of"
             " Public Safety investigated.</p>", title="Browning Man Sentenced")
    assert got(ex) == {"Raymond Lee Two Feathers": "sentenced"}


def test_a_community_after_an_article_is_not_the_person_a_lead_describes():
    ex = run("<p>A gang member from Mesa, Arizona, was sentenced yesterday to serve 30 years in prison for his role in"
             " a gang that operated on the Salt River Pima-Maricopa Indian Community reservation.</p>"
             "<p>Dennis Elray Fontaine, 27, was convicted at trial in June.</p>", title="Gang Member Sentenced")
    assert got(ex) == {"Dennis Elray Fontaine": "sentenced"}


def test_victims_named_with_their_relations_are_not_defendants():
    ex = run("<p>Aaron Quarles, 31, pleaded guilty today. On Aug. 24, 2005, Quarles and others murdered Tina Jonas,"
             " 43, her boyfriend Jim Reyes, 40, and friend Basil Wren, 54.</p>", title="Man Admits Murders")
    assert got(ex) == {"Aaron Quarles": "pleaded_guilty"}


def test_a_surname_that_is_a_weekday_month_or_compass_word_is_read_when_an_age_follows():
    ex = run("<p>TULSA – Jonah Abel Friday, 41, of Tulsa, was sentenced today to 120 months in federal prison for"
             " distributing fentanyl. Friday admitted selling fentanyl pills in May 2023.</p><p>Corinne Ada May, 33,"
             " and Derrick West, 45, pleaded guilty on Friday to conspiracy to distribute fentanyl.</p>",
             title="Three Sentenced or Convicted in Tulsa Fentanyl Case")
    stages = got(ex)
    assert stages == {"Jonah Abel Friday": "sentenced", "Corinne Ada May": "pleaded_guilty",
                      "Derrick West": "pleaded_guilty"}
    # without an age the words stay what they usually are: no person 'Sentencing Friday'
    ex = run("<p>DETROIT – Carl Voss pleaded guilty to distributing fentanyl. Sentencing is set for Friday, May 3,"
             " before U.S. District Judge Ann West.</p>", title="Detroit Man Pleads Guilty")
    assert got(ex) == {"Carl Voss": "pleaded_guilty"}
