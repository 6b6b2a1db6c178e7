"""DOJ prose: a person who 'faces charges' or 'appeared on charges' is charged, and a name written
again without its middle name is the same person (invented releases)."""
from __future__ import annotations

import pytest

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def stages(body: str) -> dict[str, str]:
    ex = extract("doj:test", "Fentanyl case", html_to_blocks(body), ["USAO - Minnesota"],
                 "https://www.justice.gov/usao-mn/pr/x", "2024-05-01")
    return {d["name"]: d["action"] for d in ex.defendants}


@pytest.mark.parametrize("sentence", [
    "Odell Prentiss, 27, of Bloomington, made his initial appearance today on charges of possession with intent"
    " to distribute fentanyl.",
    "Odell Prentiss, 27, appeared in federal court in St. Paul today on federal drug charges.",
    "Odell Prentiss, 27, faces charges of distributing fentanyl resulting in death.",
    "Odell Prentiss, 27, is facing federal charges of conspiring to distribute fentanyl.",
    "U.S. Attorney Marla Quist said that Odell Prentiss, 27, will face charges filed in St. Paul.",
])
def test_facing_or_appearing_on_charges_is_charged(sentence):
    assert stages(f"<p>ST. PAUL – {sentence}</p>") == {"Odell Prentiss": "charged"}


def test_detained_on_charges_is_held_in_custody():
    # the charges give 'charged'; being ordered detained says more: the defendant is in custody
    body = "<p>ST. PAUL – Odell Prentiss, 27, was ordered detained pending trial on fentanyl trafficking charges.</p>"
    assert stages(body) == {"Odell Prentiss": "arrested"}


def test_a_later_stage_still_wins_over_the_charges():
    body = ("<p>Odell Prentiss, 27, appeared in federal court on charges of distributing fentanyl.</p>"
            "<p>Prentiss pleaded guilty on Tuesday.</p>")
    assert stages(body) == {"Odell Prentiss": "pleaded_guilty"}


def test_a_penalty_he_faces_is_not_a_charge():
    # 'faces' followed by a penalty, not by charges: no stage from it
    body = "<p>Odell Prentiss, 27, of Bloomington, faces a mandatory minimum of ten years in prison.</p>"
    assert stages(body).get("Odell Prentiss") != "charged"


def test_the_name_without_its_middle_name_is_the_same_person():
    body = ("<p>Officials announced that Ysidro Batallán Cuevas Ortega will face charges filed in Brooklyn.</p>"
            "<p>The evidence gathered in the case against Ysidro Cuevas Ortega is strong, an agent said.</p>"
            "<p>Cuevas Ortega, 59, is also charged with money laundering.</p>"
            "<p>Linnea Q. Halvorsen, 44, was sentenced to 60 months in prison. Linnea Halvorsen had pleaded guilty"
            " in March.</p>")
    assert stages(body) == {"Ysidro Batallán Cuevas Ortega": "charged", "Linnea Q. Halvorsen": "sentenced"}


def test_two_people_the_short_form_could_be_stay_apart():
    # 'Arvid Lund' could be either brother: not folded into one of them
    body = ("<p>Arvid Tomas Lund, 31, and Arvid Henrik Lund, 29, were charged with distributing fentanyl.</p>"
            "<p>Arvid Lund was arrested in Duluth.</p>")
    got = stages(body)
    assert got["Arvid Tomas Lund"] == "charged" and got["Arvid Henrik Lund"] == "charged"


def test_a_father_and_son_with_other_first_names_stay_apart():
    body = "<p>Emil R. Voss, 61, and his son, Kasper Voss, 34, were indicted for trafficking fentanyl.</p>"
    assert stages(body) == {"Emil R. Voss": "charged", "Kasper Voss": "charged"}


# -- a plea to come is not a plea; a plea told in a gerund is -----------------------------------
@pytest.mark.parametrize("sentence", [
    "Harbin Velt Logistics Co., Ltd. has agreed to plead guilty to smuggling fentanyl precursors, according to a"
    " plea agreement filed today.",
    "Harbin Velt Logistics Co., Ltd. is expected to plead guilty to smuggling fentanyl precursors.",
    "Harbin Velt Logistics Co., Ltd. will plead guilty to smuggling fentanyl precursors and pay a fine.",
])
def test_agreeing_to_plead_guilty_is_charged_not_a_plea(sentence):
    assert stages(f"<p>{sentence}</p>") == {"Harbin Velt Logistics Co., Ltd.": "charged"}


def test_after_pleading_guilty_is_a_plea():
    body = ("<p>Odell Prentiss, 27, is scheduled to be sentenced on June 3 after pleading guilty to distributing"
            " fentanyl.</p>")
    assert stages(body) == {"Odell Prentiss": "pleaded_guilty"}


def test_others_pleading_guilty_is_not_the_named_persons_plea():
    # the leaders who pleaded are not named: the one person the text names is not given their plea
    body = ("<p>The investigation led to the arrest of Odell Prentiss, 27, with the leaders of two other crews"
            " pleading guilty to continuing criminal enterprise charges.</p>")
    assert stages(body) == {"Odell Prentiss": "arrested"}


# -- the verb first, capitalised, the people after it -------------------------------------------
ROSTER = "<ul><li>Ysidro Cuevas Ortega, 31, of Phoenix – 151 months;</li><li>Linnea Halvorsen, 28, of Mesa – 97 months.</li></ul>"


@pytest.mark.parametrize("lead,stage", [
    ("Charged in the indictment are:", "charged"),
    ("Charged in the complaint are the following defendants:", "charged"),
    ("Indicted were:", "charged"),
    ("Arrested Tuesday were:", "arrested"),
])
def test_a_capitalised_verb_before_a_list_gives_each_line_its_stage(lead, stage):
    body = f"<p>Eight people were named in a fentanyl indictment.</p><p>{lead}</p>{ROSTER}"
    assert stages(body) == {"Ysidro Cuevas Ortega": stage, "Linnea Halvorsen": stage}


def test_sentenced_were_then_a_line_each_with_its_term():
    ex = extract("doj:test", "Fentanyl case", html_to_blocks(f"<p>Sentenced were:</p>{ROSTER}"), ["USAO - Arizona"],
                 "https://www.justice.gov/usao-az/pr/x", "2024-05-01")
    assert {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants} == {
        "Ysidro Cuevas Ortega": ("sentenced", 151.0), "Linnea Halvorsen": ("sentenced", 97.0)}


def test_the_peoples_noun_then_the_verb_then_the_names():
    body = ("<p>A federal grand jury returned an indictment against two China-based companies.</p><p>The companies"
            " charged are Hexian Anbo Chemical Co., Ltd. and Taizhou Runlai Trading Co., Ltd.</p>")
    assert stages(body) == {"Hexian Anbo Chemical Co., Ltd.": "charged", "Taizhou Runlai Trading Co., Ltd.": "charged"}
    assert stages(f"<p>The defendants sentenced today were:</p>{ROSTER}") == {
        "Ysidro Cuevas Ortega": "sentenced", "Linnea Halvorsen": "sentenced"}


def test_a_capitalised_verb_before_names_in_the_sentence():
    assert stages("<p>Charged in the indictment are Ysidro Cuevas Ortega, 31, of Phoenix, and Linnea Halvorsen,"
                  " 28, of Mesa.</p>") == {"Ysidro Cuevas Ortega": "charged", "Linnea Halvorsen": "charged"}
    assert stages("<p>Arrested on Tuesday were Ysidro Cuevas Ortega, 31, and Linnea Halvorsen, 28.</p>") == {
        "Ysidro Cuevas Ortega": "arrested", "Linnea Halvorsen": "arrested"}


# -- surrendering is being taken into custody ---------------------------------------------------
@pytest.mark.parametrize("body,stage", [
    ("<p>Odell Prentiss, 27, surrendered to federal authorities on Monday after being indicted for distributing"
     " fentanyl.</p>", "arrested"),
    ("<p>Odell Prentiss, 27, self-surrendered to the U.S. Marshals Service after he was indicted.</p>", "arrested"),
    # not custody: a passport given up; the start of a prison term (the sentence is the stage)
    ("<p>Odell Prentiss, 27, was indicted for distributing fentanyl. He surrendered his passport.</p>", "charged"),
    ("<p>Odell Prentiss, 27, was sentenced to 87 months. He surrendered to the Bureau of Prisons on June 3.</p>",
     "sentenced"),
])
def test_surrendering(body, stage):
    assert stages(body) == {"Odell Prentiss": stage}


# -- a surname first in capitals, the given name after it; a name after 'said' with an age ---------
@pytest.mark.parametrize("body,expected", [
    ("<p>LIN Lanfen, 38, and ZHAO Mingming, 29, both citizens of China, were indicted for smuggling fentanyl"
     " precursors.</p>", {"LIN Lanfen": "charged", "ZHAO Mingming": "charged"}),
    ("<p>Defendant NGUYEN Van Thanh, 44, was indicted for distributing fentanyl. NGUYEN was arrested in Houston.</p>",
     {"NGUYEN Van Thanh": "arrested"}),
    # an agency's acronym before a name is not a surname: the agent stays an official
    ("<p>DEA Special Agent Marla Quist said LIN Lanfen, 38, was arrested.</p>", {"LIN Lanfen": "arrested"}),
])
def test_a_surname_first_in_capitals(body, expected):
    assert stages(body) == expected


def test_a_name_after_said_is_a_defendant_when_an_age_follows():
    assert stages("<p>U.S. Attorney Marla Quist said Odell Prentiss, 27, was sentenced to 87 months in prison.</p>"
                  ) == {"Odell Prentiss": "sentenced"}
    # the usual attribution after a quote names a speaker, never a defendant
    assert stages("<p>Odell Prentiss, 27, was sentenced to 87 months in prison. “This case shows our resolve,”"
                  " said Marla Quist, the Special Agent in Charge.</p>") == {"Odell Prentiss": "sentenced"}


def test_a_group_named_as_a_company_by_the_noun_after_it():
    assert stages("<p>Xinmao Group, a China-based chemical company, and its employee, Wei Zhang, 30, were indicted"
                  " for selling fentanyl precursors.</p>") == {"Xinmao Group": "charged", "Wei Zhang": "charged"}
    assert stages("<p>The Xinmao Group, a China-based chemical company, was charged with selling fentanyl"
                  " precursors.</p>") == {"Xinmao Group": "charged"}
    # a task force's group is no company: no company noun after it
    assert stages("<p>The Strike Force Group, a multi-agency unit, investigated. Odell Prentiss, 27, was sentenced to"
                  " 87 months.</p>") == {"Odell Prentiss": "sentenced"}
