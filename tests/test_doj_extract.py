"""Prosecutions and defendants extracted from DOJ release text (invented releases)."""
from __future__ import annotations

import json

import pytest

from scrapers.sources.doj.api import parse_api_response, parse_item
from scrapers.sources.doj.charges import find_charges, find_statutes
from scrapers.sources.doj.districts import district_from_component, district_from_url, districts_in_text
from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def run(body: str, title: str = "Man Sentenced for Fentanyl Trafficking", components=("USAO - Minnesota",),
        url="https://www.justice.gov/usao-mn/pr/x", published="2024-05-01"):
    return extract("doj:test", title, html_to_blocks(body), list(components), url, published)


def people(ex) -> dict:
    return {d["name"]: d for d in ex.defendants}


# -- districts -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("component,district", [
    ("USAO - Minnesota", "District of Minnesota"),
    ("USAO - Louisiana, Eastern", "Eastern District of Louisiana"),
    ("USAO - New York, Southern", "Southern District of New York"),
    ("USAO - District of Columbia", "District of Columbia"),
    ("USAO - Puerto Rico", "District of Puerto Rico"),
    ("USAO - Virgin Islands", "District of the Virgin Islands"),
    ("USAO - Texas", None),                        # Texas has four districts
    ("USAO - Minnesota, Southern", None),          # no such district
    ("U.S. Attorneys (USAO)", None), ("Criminal Division", None), ("Drug Enforcement Administration (DEA)", None),
])
def test_district_from_component(component, district):
    assert district_from_component(component) == district


@pytest.mark.parametrize("url,district", [
    ("https://www.justice.gov/usao-mn/pr/x", "District of Minnesota"),
    ("https://www.justice.gov/usao-edla/pr/x", "Eastern District of Louisiana"),
    ("https://www.justice.gov/usao-sdny/pr/x", "Southern District of New York"),
    ("https://www.justice.gov/usao-dc/pr/x", "District of Columbia"),
    ("https://www.justice.gov/usao-tx/pr/x", None), ("https://www.justice.gov/opa/pr/x", None), (None, None),
])
def test_district_from_url(url, district):
    assert district_from_url(url) == district


def test_districts_named_in_text():
    text = ("An indictment unsealed in the Southern District of New York and a complaint filed in the District of"
            " New Jersey; the Southern District of Minnesota does not exist; the U.S. District Court for the District"
            " of Columbia; the Northern District of Illinois.")
    assert districts_in_text(text) == ["Southern District of New York", "District of New Jersey",
                                       "District of Columbia", "Northern District of Illinois"]


def test_opa_release_takes_the_district_from_the_text():
    ex = run("<p>Ignacio Bravo Lerma, 51, of Tijuana, Mexico, was extradited today to the Southern District of California"
             " to face fentanyl importation charges.</p>",
             title="Fentanyl Supplier Extradited", components=("Office of Public Affairs", "Criminal Division"),
             url="https://www.justice.gov/opa/pr/x")
    assert ex.district == "Southern District of California"
    assert [p["district"] for p in ex.prosecutions] == ["Southern District of California"]


# -- stages -----------------------------------------------------------------------------------------------
def test_an_indictment_is_charged_never_convicted():
    ex = run("<p>ST. PAUL, Minn. – A Bloomfield man has been indicted on drug charges, announced U.S. Attorney"
             " Harriet Vandermeer.</p><p>According to court documents, Cormac Ellison Drury, 31, possessed fentanyl"
             " with intent to distribute it. Because Drury has prior felony convictions, he may not possess firearms."
             " Drury was previously convicted of burglary.</p><p>The indictment charges Drury with possession with"
             " intent to distribute fentanyl, in violation of 21 U.S.C. § 841(a)(1).</p><p>An indictment is merely an"
             " allegation, and the defendant is presumed innocent until proven guilty.</p>",
             title="Bloomfield Man Indicted for Fentanyl Trafficking")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"]) == ("Cormac Ellison Drury", 31, "charged")
    assert [p["action"] for p in ex.prosecutions] == ["charged"]
    assert json.loads(ex.prosecutions[0]["statutes"]) == ["21 U.S.C. § 841"]
    assert ex.prosecutions[0]["id"] == "doj:test#1" and ex.prosecutions[0]["district"] == "District of Minnesota"


def test_future_steps_and_maximum_penalties_are_not_stages():
    ex = run("<p>Wendeline Oakes, 27, of Fairview, pleaded guilty today to distributing fentanyl. Oakes is scheduled to"
             " be sentenced on June 3 and faces up to 20 years in prison.</p>", title="Fairview Woman Pleads Guilty")
    (d,) = ex.defendants
    assert d["action"] == "pleaded_guilty" and d["sentence_months"] is None


def test_the_furthest_stage_reported_wins():
    ex = run("<p>Ansel Prudhomme, 45, of Auburn, was sentenced today to 87 months in prison. Prudhomme was arrested in"
             " 2022, indicted in 2023 and pleaded guilty in January.</p>")
    (d,) = ex.defendants
    assert (d["action"], d["sentence_months"]) == ("sentenced", 87.0)


def test_trial_verdict_is_convicted():
    ex = run("<p>A federal jury convicted Oriana Velasquez-Tull, 33, of Dover, of distributing fentanyl resulting in"
             " death. Sentencing is set for March.</p>", title="Dover Woman Convicted at Trial")
    (d,) = ex.defendants
    assert d["action"] == "convicted"
    assert "distribution resulting in death" in json.loads(ex.prosecutions[0]["charges"])


def test_arrest_on_a_complaint():
    ex = run("<p>Kasimir Olender, 36, of Clinton, was arrested Tuesday and charged by criminal complaint with"
             " distributing fentanyl.</p>", title="Clinton Man Arrested")
    assert people(ex)["Kasimir Olender"]["action"] == "arrested"


@pytest.mark.parametrize("phrase,months,label", [
    ("was sentenced to 120 months in federal prison", 120.0, "120 months in prison"),
    ("was sentenced to 4 years and 9 months in federal prison", 57.0, "4 years and 9 months in prison"),
    ("was sentenced by U.S. District Judge Nadia Whitlock to ten years in prison", 120.0, "ten years in prison"),
    ("was sentenced to serve 78 months’ imprisonment", 78.0, "78 months in prison"),
    ("was sentenced to life in prison", None, "life in prison"),
    ("was sentenced to time served", 0.0, "time served"),
    ("was sentenced to three years of probation", 0.0, "three years of probation (no prison)"),   # (no prison: 0, as time served)
])
def test_sentence_lengths(phrase, months, label):
    ex = run(f"<p>Benedikt Harrower, 40, of Salem, {phrase} for distributing fentanyl. He must also serve five years of"
             " supervised release.</p>")
    d = people(ex)["Benedikt Harrower"]
    assert (d["action"], d["sentence_months"], d["sentence_text"]) == ("sentenced", months, label)


# -- round-ups -------------------------------------------------------------------------------------------
ROUNDUP = (
    "<p>MADISON – U.S. Attorney Colin Ashby announced the results of three cases.</p>"
    "<p><b>1. Madison Man Sentenced for Fentanyl Distribution</b></p>"
    "<p>In one case, Percival Ackroyd, 52, of Madison, was sentenced to 96 months in prison.</p>"
    "<p><b>2. Two Plead Guilty to Fentanyl Conspiracy</b></p>"
    "<p>In a separate case, Yolanda Strick, 28, and Florian Mbeki, 35, both of Janesville, pleaded guilty to conspiracy"
    " to distribute fentanyl. They are scheduled to be sentenced in October.</p>"
    "<p><b>3. Beloit Man Charged with Selling Counterfeit Pills</b></p>"
    "<p>In another case, Garrick Thwaite, 24, of Beloit, was charged by indictment with distributing counterfeit M30"
    " pills containing fentanyl. Judge Imogen Castro ordered him detained.</p>"
    "<p>Assistant U.S. Attorneys Preston Albright and Wendell Pryor prosecuted the cases.</p>")


def test_round_up_each_defendant_keeps_its_own_action():
    ex = run(ROUNDUP, title="Three Drug Cases Announced", components=("USAO - Wisconsin, Western",),
             url="https://www.justice.gov/usao-wdwi/pr/x")
    got = {d["name"]: (d["action"], d["age"], d["residence"]) for d in ex.defendants}
    assert got == {"Percival Ackroyd": ("sentenced", 52, "Madison"),
                   "Yolanda Strick": ("pleaded_guilty", 28, "Janesville"),
                   "Florian Mbeki": ("pleaded_guilty", 35, "Janesville"),
                   # ('ordered him detained': held in custody, so arrested -- not a sentence ordered)
                   "Garrick Thwaite": ("arrested", 24, "Beloit")}
    assert [(p["case_index"], p["action"], p["defendant_count"]) for p in ex.prosecutions] == [
        (1, "sentenced", 1), (2, "pleaded_guilty", 2), (3, "arrested", 1)]
    assert [p["id"] for p in ex.prosecutions] == ["doj:test#1", "doj:test#2", "doj:test#3"]
    assert {p["district"] for p in ex.prosecutions} == {"Western District of Wisconsin"}
    assert people(ex)["Percival Ackroyd"]["sentence_months"] == 96.0
    assert json.loads(ex.prosecutions[2]["drugs"]) == ["counterfeit M30 pills", "fentanyl"]


def test_one_case_with_defendants_at_different_stages():
    ex = run("<p>Leopold Varga, 44, of Franklin, was sentenced to 15 years in prison. His co-defendant, Mirela Sandu,"
             " 39, of Franklin, pleaded guilty in June and is awaiting sentencing. A third defendant, Tomasz Wieczorek,"
             " 30, remains a fugitive.</p>", title="Franklin Man Sentenced in Fentanyl Ring")
    assert {d["name"]: d["action"] for d in ex.defendants} == {
        "Leopold Varga": "sentenced", "Mirela Sandu": "pleaded_guilty", "Tomasz Wieczorek": "charged"}  # a fugitive
    by_action = {p["action"]: p for p in ex.prosecutions}
    assert by_action["sentenced"]["sentence_months"] == 180.0
    assert {d["prosecution_id"] for d in ex.defendants} == {p["id"] for p in ex.prosecutions}


# -- who is not a defendant --------------------------------------------------------------------------------
def test_officials_victims_and_witnesses_are_never_defendants():
    ex = run(
        "<p>RIVERTON – Anselm Korver, 38, of Riverton, was sentenced today by Senior U.S. District Judge Theodore"
        " Kilbride to 210 months in prison, announced U.S. Attorney Harriet Vandermeer.</p>"
        "<p>The investigation began after the overdose death of Celestine Marbury, 19. Another victim, Odile Brandt, 22,"
        " survived. A cooperating witness, Ruben Castellano, 41, testified at trial.</p>"
        "<p>“Fentanyl dealers will be held to account,” said Mei-Ling Hartwell, Special Agent in Charge of the DEA"
        " division. “This is a win,” said Riverton Police Chief Gustavo Ferreira. Fremont County Sheriff Nadia Whitlock"
        " thanked the deputies.</p>"
        "<p>Assistant U.S. Attorneys Imogen Castro and Wendell Pryor prosecuted the case. Korver was represented by"
        " counsel Preston Albright.</p>")
    assert [d["name"] for d in ex.defendants] == ["Anselm Korver"]
    assert ex.defendants[0]["sentence_months"] == 210.0


def test_names_in_the_title_are_not_officials_by_accident():
    ex = run("<p>Radomir Tesla, 29, of Marion, pleaded guilty to fentanyl trafficking, said U.S. Attorney Colin Ashby.</p>",
             title="Marion Man Pleads Guilty")
    assert [d["name"] for d in ex.defendants] == ["Radomir Tesla"]


# -- companies and nationalities ---------------------------------------------------------------------------
def test_company_defendants_and_nationals():
    ex = run("<p>An indictment unsealed today in the District of New Jersey charges Hubei Lingtai Pharmaceutical Co., Ltd."
             " (Lingtai), a China-based chemical company, Sunrise Organics Pvt. Ltd., an India-based company, and"
             " Chinese nationals Zhou Jianping and Feng Ruolan with importing fentanyl precursors.</p>"
             "<p>The company shipped 4-ANPP through FedEx Corporation.</p>",
             title="Chinese and Indian Companies Charged", components=("Criminal Division",),
             url="https://www.justice.gov/opa/pr/x")
    got = {d["name"]: d for d in ex.defendants}
    assert set(got) == {"Hubei Lingtai Pharmaceutical Co., Ltd.", "Sunrise Organics Pvt. Ltd.", "Zhou Jianping",
                        "Feng Ruolan"}
    assert got["Hubei Lingtai Pharmaceutical Co., Ltd."]["is_company"] == 1
    assert got["Hubei Lingtai Pharmaceutical Co., Ltd."]["residence_country"] == "China"
    assert got["Sunrise Organics Pvt. Ltd."]["residence_country"] == "India"
    assert (got["Zhou Jianping"]["nationality"], got["Zhou Jianping"]["country_code"]) == ("China", "CN")
    assert got["Feng Ruolan"]["is_company"] == 0 and got["Feng Ruolan"]["nationality"] == "China"
    assert {d["action"] for d in ex.defendants} == {"charged"}
    assert ex.district == "District of New Jersey"


def test_nationality_and_foreign_residence():
    ex = run("<p>Evaristo Lumbreras Ochoa, 47, of Culiacan, Sinaloa, Mexico, a Mexican national, and a member of the"
             " Sinaloa Cartel, was extradited from Mexico today.</p>", title="Cartel Member Extradited")
    (d,) = ex.defendants
    assert (d["residence"], d["residence_country"], d["nationality"], d["action"]) == (
        "Culiacan, Sinaloa, Mexico", "Mexico", "Mexico", "extradited")
    assert json.loads(d["organizations"]) == ["Sinaloa Cartel"]


def test_a_partial_record_with_only_a_title():
    ex = run("", title="Rochdale Man Indicted for Fentanyl Trafficking")
    assert ex.defendants == []
    assert [(p["action"], p["defendant_count"], p["district"]) for p in ex.prosecutions] == [
        ("charged", 0, "District of Minnesota")]


def test_statutes_and_charges():
    text = ("in violation of 21 U.S.C. §§ 841(a)(1), 846, and 18 U.S.C. § 924(c); Title 21, United States Code,"
            " Sections 959 and 963; 18 U.S.C. § 1956(h)")
    assert find_statutes(text) == ["21 U.S.C. § 841", "21 U.S.C. § 846", "18 U.S.C. § 924", "18 U.S.C. § 1956",
                                   "21 U.S.C. § 959", "21 U.S.C. § 963"]
    assert find_statutes("no citations here") == []
    # the section written first, the title after it: only with the federal code named
    assert find_statutes("pleaded guilty to violating Sections 841(a)(1) and 846 of Title 21 of the United States"
                         " Code, and section 924(c) of Title 18, U.S.C.") == [
        "21 U.S.C. § 841", "21 U.S.C. § 846", "18 U.S.C. § 924"]
    assert find_statutes("under Section 5 of Title 35 of the Pennsylvania Consolidated Statutes and"
                         " 21 U.S.C. § 843") == ["21 U.S.C. § 843"]
    assert find_charges("conspiracy to distribute fentanyl and possession of a firearm in furtherance of a drug"
                        " trafficking crime") == ["drug conspiracy", "firearm in furtherance of drug trafficking"]


def test_fixture_round_up_from_the_api(fixtures):
    page = parse_api_response((fixtures / "doj" / "list_page0_pagesize3.json").read_bytes(), "p0")
    rel = parse_item(page.results[0], "p0", 0)
    ex = extract("doj:" + rel.uuid, rel.title, html_to_blocks(rel.body_html), rel.components, rel.url, rel.published)
    got = {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants}
    assert got == {"Tobias R. Quennell": ("sentenced", 144.0), "Rosalind Ferrante-Vale": ("pleaded_guilty", None),
                   "Desmond Achterberg": ("pleaded_guilty", None), "Lucius Marwick": ("sentenced", 66.0)}
    names = " ".join(d["name"] for d in ex.defendants)
    for official in ("Okafor", "Stanhope", "Oyelowo", "Batista", "Amundsen", "Tibbets", "Pell"):
        assert official not in names


def test_real_releases_from_the_corpus(corpus):
    page = parse_api_response((corpus / "doj" / "api-example-press_releases-list-page5-pagesize2.json").read_bytes(), "c")
    found = {}
    for i, raw in enumerate(page.results):
        rel = parse_item(raw, "c", i)
        ex = extract("doj:" + rel.uuid, rel.title, html_to_blocks(rel.body_html), rel.components, rel.url, rel.published)
        found.update({d["name"]: d["action"] for d in ex.defendants})
    assert found.get("Liban Abdikadar Abdullahi") == "charged"
    assert len([a for a in found.values() if a == "sentenced"]) == 3


def test_background_events_and_conditions_are_not_stages():
    ex = run("<p>Desmond Quayle, 41, of Joliet, who was convicted in 2015 of armed robbery, was charged today with"
             " distributing fentanyl. If convicted, Quayle faces up to 20 years in prison. He was sentenced in 2016 to"
             " five years for a prior drug offense.</p>", title="Joliet Man Charged with Fentanyl Distribution",
             published="2024-01-10")
    (d,) = ex.defendants
    assert (d["name"], d["action"], d["sentence_months"]) == ("Desmond Quayle", "charged", None)


def test_police_ranks_and_family_quotes_are_not_defendants():
    ex = run("<p>Ansgar Pruitt, 36, of Dover, was arrested on fentanyl charges. Detective Sgt. Harlan Voss, 45, was"
             " injured during the arrest. “He was a good boy,” said Marguerite Pruitt-Lowe, his aunt.</p>",
             title="Dover Man Arrested")
    assert [d["name"] for d in ex.defendants] == ["Ansgar Pruitt"]
