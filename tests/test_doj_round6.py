"""DOJ prose, round 6 (invented releases): terms in decades or with '1/2', 'turned himself in',
and defendants listed after their noun with no verb ('The defendants are A, B and C') or after
a count ('Charged in the indictment are two China-based companies, A and B')."""
from __future__ import annotations

import pytest

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks
from scrapers.sources.doj.terms import sentence_months


def defendants(body: str) -> dict[str, tuple]:
    ex = extract("doj:test", "Fentanyl case", html_to_blocks(body), ["USAO - Minnesota"],
                 "https://www.justice.gov/usao-mn/pr/x", "2024-05-01")
    return {d["name"]: (d["action"], d.get("sentence_months")) for d in ex.defendants}


@pytest.mark.parametrize("term, months", [
    ("a decade", 120), ("two decades", 240), ("three decades in federal prison", 360),
    ("7 1/2 years", 90), ("12-1/2 years", 150), ("7 ½ years", 90),
])
def test_terms_in_decades_and_halves(term, months):
    assert sentence_months(f"was sentenced today to {term} in prison for distributing fentanyl")[0] == months
    got = defendants(f"<p>Vance Orlov, 44, was sentenced to {term} in prison for distributing fentanyl.</p>")
    assert got == {"Vance Orlov": ("sentenced", months)}


def test_a_fraction_is_not_read_out_of_a_date_or_a_longer_number():
    # '1/2' must end there: '7 1/20' is no half year
    assert sentence_months("was sentenced to 7 1/20 years")[0] != 90


def test_a_decade_of_trafficking_is_not_a_term():
    assert defendants("<p>Vance Orlov, 44, who sold fentanyl for a decade, was sentenced to 96 months in"
                      " prison.</p>") == {"Vance Orlov": ("sentenced", 96)}


@pytest.mark.parametrize("sentence", [
    "Darnell Cope, 31, turned himself in to federal authorities on Monday after he was indicted on fentanyl charges.",
    "A grand jury indicted Darnell Cope, 31, on fentanyl charges in May. Cope turned himself in on June 2.",
    "Darnell Cope, 31, who was charged with distributing fentanyl, turned himself over to the FBI on Monday.",
])
def test_turning_oneself_in_is_an_arrest(sentence):
    assert defendants(f"<p>{sentence}</p>") == {"Darnell Cope": ("arrested", None)}


def test_turning_oneself_in_to_begin_a_sentence_keeps_the_sentence():
    got = defendants("<p>Darnell Cope, 31, was sentenced to 60 months in prison for distributing fentanyl. He is"
                     " ordered to turn himself in to the Bureau of Prisons in June.</p>")
    assert got == {"Darnell Cope": ("sentenced", 60)}


def test_the_defendants_are_a_list_without_a_verb():
    got = defendants("<p>A federal grand jury returned an indictment charging three men with trafficking fentanyl."
                     " The defendants are Ruben Solis, 31; Marco Vidal, 28; and Ian Petty, 45.</p>")
    assert got == {"Ruben Solis": ("charged", None), "Marco Vidal": ("charged", None), "Ian Petty": ("charged", None)}


def test_the_companies_are_a_list_without_a_verb():
    got = defendants("<p>An indictment unsealed today charges two China-based companies with importing fentanyl"
                     " precursors. The companies are Qinfeng Lantern Biotech Co., Ltd. and Wuyang Soma Trade Co., Ltd.</p>")
    assert got == {"Qinfeng Lantern Biotech Co., Ltd.": ("charged", None), "Wuyang Soma Trade Co., Ltd.": ("charged", None)}


def test_a_later_stage_wins_over_the_list():
    got = defendants("<p>The defendants are Ruben Solis and Marco Vidal.</p><p>Solis pleaded guilty on Monday to"
                     " conspiracy to distribute fentanyl.</p>")
    assert got == {"Ruben Solis": ("pleaded_guilty", None), "Marco Vidal": ("charged", None)}


def test_a_description_of_the_defendants_lists_no_one():
    got = defendants("<p>Ruben Solis, 31, was charged with distributing fentanyl. The defendants are Mexican"
                     " nationals. The defendants are presumed innocent until proven guilty.</p>")
    assert got == {"Ruben Solis": ("charged", None)}


@pytest.mark.parametrize("opening", [
    "Charged in the indictment are two China-based companies,",
    "Indicted were three Guatemalan nationals:",
])
def test_a_count_and_a_description_between_the_verb_and_the_names(opening):
    names = ("Qinfeng Lantern Biotech Co., Ltd. and Wuyang Soma Trade Co., Ltd." if "compan" in opening
             else "Ruben Solis, Marco Vidal and Ian Petty")
    got = defendants(f"<p>{opening} {names}.</p>")
    assert got and all(v == ("charged", None) for v in got.values())
    assert len(got) == (2 if "compan" in opening else 3)


@pytest.mark.parametrize("later", [
    "A warrant has been issued for his arrest.",
    "A federal warrant was issued for the arrest of Vole.",
    "The State Department offers a reward of up to $5 million for information leading to the arrest of Trent Vole.",
    "A reward is offered for information leading to his arrest and conviction.",
    "Authorities are seeking his arrest.",
    "The United States intends to seek the extradition of Vole from Panama.",
])
def test_an_arrest_or_extradition_sought_is_not_made(later):
    got = defendants(f"<p>Trent Vole, 33, was indicted on fentanyl charges. {later}</p>")
    assert got == {"Trent Vole": ("charged", None)}


@pytest.mark.parametrize("later", ["A traffic stop led to his arrest in May.",
                                   "Agents announced the arrest of Vole on Tuesday."])
def test_an_arrest_made_is_still_read(later):
    got = defendants(f"<p>Trent Vole, 33, was indicted on fentanyl charges. {later}</p>")
    assert got == {"Trent Vole": ("arrested", None)}


@pytest.mark.parametrize("sentence, expected", [
    ("Trent Vole, 33, was handed a 10-year sentence for distributing fentanyl.", ("sentenced", 120)),
    ("U.S. District Judge Ann Kerr imposed a 20-year sentence on Trent Vole, 33, for distributing fentanyl.",
     ("sentenced", 240)),
    ("After a three-day trial, jurors convicted Trent Vole, 33, of distributing fentanyl.", ("convicted", None)),
    ("Trent Vole, 33, was arraigned today and pleaded not guilty to distributing fentanyl.", ("charged", None)),
])
def test_more_ways_to_state_a_stage(sentence, expected):
    assert defendants(f"<p>DAYTON, Ohio – {sentence}</p>") == {"Trent Vole": expected}


@pytest.mark.parametrize("places", [("Dayton, Ohio", "Troy, Ohio"), ("Las Vegas, Nevada", "St. Louis, Mo."),
                                    ("Dayton", "Troy")])
def test_a_town_and_its_state_between_two_defendants(places):
    got = defendants(f"<p>Trent Vole, 33, of {places[0]}, and Kyle Marsh, 29, of {places[1]}, were sentenced to 87"
                     " months in prison for distributing fentanyl.</p>")
    assert got == {"Trent Vole": ("sentenced", 87), "Kyle Marsh": ("sentenced", 87)}


@pytest.mark.parametrize("first", ["Dayton", "Dayton, Ohio"])
def test_a_list_without_and_keeps_every_name(first):
    # 'of Dayton, Kyle Marsh,': Kyle Marsh is no state, so he stays a name of the list
    got = defendants(f"<p>Trent Vole, 33, of {first}, Kyle Marsh, 29, of Troy, and Lee Ames, 40, of Xenia, were"
                     " sentenced to 87 months in prison for distributing fentanyl.</p>")
    assert got == {"Trent Vole": ("sentenced", 87), "Kyle Marsh": ("sentenced", 87), "Lee Ames": ("sentenced", 87)}


def test_the_verb_first_right_after_the_dateline():
    got = defendants("<p>DAYTON, Ohio – Sentenced today were Trent Vole, 33, to 87 months, and Kyle Marsh, 29,"
                     " to 60 months, for distributing fentanyl.</p>")
    assert got == {"Trent Vole": ("sentenced", 87), "Kyle Marsh": ("sentenced", 60)}


@pytest.mark.parametrize("name", ["T.J. Vole", "T. J. Vole", "J.R. Mabry"])
def test_initials_for_a_given_name(name):
    assert defendants(f"<p>{name}, 33, was sentenced to 87 months in prison for distributing fentanyl.</p>") == \
        {name: ("sentenced", 87)}


@pytest.mark.parametrize("words", ["U.S. Marshals", "P.O. Box", "N.C. Vole"])
def test_an_abbreviation_is_no_given_name(words):
    assert defendants(f"<p>{words}, 33, was sentenced to 87 months in prison for distributing fentanyl.</p>") == {}


# -- lists, leads, titles and names (round 6, third part) ---------------------------------------------
def test_a_list_after_the_colon_on_one_line():
    got = defendants("<p>SPOKANE – Three members of a ring that sold fentanyl pills were sentenced by Chief Judge Ann"
                     " Kerr. Sentenced were: Álvar Medro Cisne, age 36, of Wapato — 20 years in federal prison; Yesa"
                     " de la Lorre, age 30, of Toppenish — 78 months; and Brand K. Feather, age 25, of White Swan —"
                     " 46 months.</p>")
    assert got == {"Álvar Medro Cisne": ("sentenced", 240), "Yesa de la Lorre": ("sentenced", 78),
                   "Brand K. Feather": ("sentenced", 46)}


def test_the_defendants_and_their_sentences_are_as_follows():
    got = defendants("<p>Judge Ann Kerr sentenced three members of a fentanyl ring.</p><p>The defendants and their"
                     " sentences are as follows:</p><ul><li>Antoine Merc-Bey, 38, of Baltimore — 25 years;</li>"
                     "<li>Dwayne Brist, 44, of Dundalk — 12 and a half years;</li></ul>")
    assert got == {"Antoine Merc-Bey": ("sentenced", 300), "Dwayne Brist": ("sentenced", 150)}


def test_a_list_with_no_verb_anywhere():
    got = defendants("<p>The defendants are as follows:</p><ul><li>Antoine Merc-Bey, 38, of Baltimore;</li>"
                     "<li>Dwayne Brist, 44, of Dundalk.</li></ul><p>They sold fentanyl.</p>")
    assert got == {"Antoine Merc-Bey": ("charged", None), "Dwayne Brist": ("charged", None)}


def test_semicolons_after_a_colon_without_a_list_introduction_are_no_list():
    got = defendants("<p>Ramon Reddick, 40, was sentenced to 60 months for fentanyl trafficking. The judge noted: Bob"
                     " Ames; Ann Lee; and Ted Ruiz testified.</p>")
    assert got == {"Ramon Reddick": ("sentenced", 60)}


def test_a_rounded_term_takes_the_months_in_parentheses():
    assert defendants("<p>Ethan Voss, 30, was sentenced to nearly 20 years (235 months) in prison for selling"
                      " fentanyl.</p>") == {"Ethan Voss": ("sentenced", 235)}


def test_tried_alongside_and_found_guilty():
    got = defendants("<p>Ramon Reddick, 40, was convicted of fentanyl trafficking. Mateo Benav-Cruz, 31, was tried"
                     " alongside Reddick and found guilty.</p>")
    assert got == {"Ramon Reddick": ("convicted", None), "Mateo Benav-Cruz": ("convicted", None)}


@pytest.mark.parametrize("sentence, expected", [
    ("Obed Salinas, 29, will serve 46 months in federal prison for smuggling fentanyl.", ("sentenced", 46)),
    ("Obed Salinas, 29, was charged with smuggling fentanyl. If convicted, Salinas will serve at least 10 years.",
     ("charged", None)),
])
def test_will_serve(sentence, expected):
    assert defendants(f"<p>{sentence}</p>") == {"Obed Salinas": expected}


def test_a_possessive_is_not_the_subject():
    got = defendants("<p>Manríquez Beltrán’s chief lab operator, Fermín Lugo Arreola, previously pleaded guilty to"
                     " making fentanyl and was sentenced in March to 27 years.</p>")
    assert got == {"Fermín Lugo Arreola": ("sentenced", 324)}


def test_a_nickname_inside_a_name_in_capitals():
    assert defendants("<p>STEVEN “SMOKE” VANTERPOOL, 33, of Providence, was arrested on fentanyl charges.</p>") == \
        {"STEVEN VANTERPOOL": ("arrested", None)}


def test_a_former_officer_is_a_defendant_not_an_official():
    got = defendants("<p>Former Waterbury police officer Marcus Bell-Dunn, 43, was sentenced today to 46 months for"
                     " stealing fentanyl from an evidence room.</p>")
    assert got == {"Marcus Bell-Dunn": ("sentenced", 46)}
    # a serving officer named as such stays an official
    assert defendants("<p>Ramon Reddick, 40, was sentenced to 60 months for selling fentanyl to Waterbury police"
                      " officer Marcus Bell-Dunn.</p>") == {"Ramon Reddick": ("sentenced", 60)}


def test_a_lead_with_another_age_is_not_the_named_co_defendant():
    got = defendants("<p>A 30-year-old Houston man has been sentenced to eight years in federal prison for mailing"
                     " fentanyl pills. His co-defendant, Madison Tyler, 27, received a 30-month prison sentence.</p>")
    assert got == {"Madison Tyler": ("sentenced", 30)}
    got = defendants("<p>A 30-year-old Houston man has been sentenced to eight years in federal prison for mailing"
                     " fentanyl pills. Austin Brooks pleaded guilty in May. His co-defendant, Madison Tyler, 27,"
                     " received a 30-month prison sentence.</p>")
    assert got == {"Austin Brooks": ("sentenced", 96), "Madison Tyler": ("sentenced", 30)}


def test_a_family_named_by_given_names():
    got = defendants("<p>Darnell Keith Bowden, 44, and his wife, Shonda Renee Bowden, 41, of Kalamazoo, were sentenced"
                     " for conspiring to distribute fentanyl. Darnell received 140 months in prison; Shonda received 36"
                     " months.</p>")
    assert got == {"Darnell Keith Bowden": ("sentenced", 140), "Shonda Renee Bowden": ("sentenced", 36)}


def test_a_given_name_that_is_the_family_name_ends(monkeypatch):
    import signal

    def stuck(*_):
        raise TimeoutError("the extraction did not end")

    signal.signal(signal.SIGALRM, stuck)
    signal.alarm(10)
    try:
        got = defendants("<p>Jordan Jordan, 30, and Mark Jordan, 40, were charged with selling fentanyl. Mark pleaded"
                         " guilty.</p>")
    finally:
        signal.alarm(0)
    assert got == {"Jordan Jordan": ("charged", None), "Mark Jordan": ("pleaded_guilty", None)}


def test_a_company_after_a_sentence_ending_in_a_town():
    got = defendants("<p>A Kent company and its president were sentenced today in U.S. District Court in Seattle."
                     " Cascade Tableting Supply Inc. was sentenced to five years of probation. Its president, Nikolai"
                     " Petrenko-Shaw, 57, was sentenced to 30 months in prison for importing pill presses used to make"
                     " fentanyl pills.</p>")
    assert got == {"Cascade Tableting Supply Inc.": ("sentenced", None), "Nikolai Petrenko-Shaw": ("sentenced", 30)}


def test_a_semicolon_list_with_all_of_a_town_and_a_straight_quoted_nickname():
    got = defendants('<p>Charged are JUAN ARIAS FELIZ, a/k/a "Cuba," 30; ROSA M. BATISTA, 26; STEVEN "SMOKE" VANTER,'
                     " 33, all of Providence; and KELVIN ANTONIO DÍAZ, 37, of Lawrence, Massachusetts, with"
                     " distributing fentanyl.</p>")
    assert got == {"JUAN ARIAS FELIZ": ("charged", None), "ROSA M. BATISTA": ("charged", None),
                   "STEVEN VANTER": ("charged", None), "KELVIN ANTONIO DÍAZ": ("charged", None)}


def test_ages_in_parentheses_and_a_surname_that_is_a_word():
    got = defendants("<p>Charged are Dmitri Volk-Ramos (38), Eun-ji Park (31), and Tyrell Bankston (27), all of"
                     " Portland, with trafficking fentanyl.</p>")
    assert got == {"Dmitri Volk-Ramos": ("charged", None), "Eun-ji Park": ("charged", None),
                   "Tyrell Bankston": ("charged", None)}


def test_respectively_with_an_age_in_the_sentence():
    got = defendants("<p>Gavin Suther-Pryce and Noah Lindqvist were sentenced today to 15 years and six years,"
                     " respectively, for distributing a fentanyl pill that killed a 16-year-old student.</p>")
    assert got == {"Gavin Suther-Pryce": ("sentenced", 180), "Noah Lindqvist": ("sentenced", 72)}


def test_the_names_right_before_a_plural_verb():
    # a missing space after a full stop joins two sentences: the subject is the group before the verb
    got = defendants("<p>Ernest P. Rocci and his wife, Brenda L. Rocci, sold fentanyl. Threats were sent by Ernest to"
                     " the Trustee.Ernest and Brenda Rocci were arrested by FBI agents on Friday.</p>")
    assert got == {"Ernest P. Rocci": ("arrested", None), "Brenda L. Rocci": ("arrested", None)}


def test_an_alias_without_quotes_opens_no_group():
    got = defendants("<p>Four alleged generals, Terry Ross Blak, 55, aka Big Terry; Larry Max Bryn, 51, aka Slick;"
                     " William Maynar, 42, aka Baby Huey; and Charles Lee Robert, 68, aka Jive, were charged with"
                     " trafficking fentanyl.</p>")
    assert not {"Baby Huey", "Big Terry"} & set(got)
    assert got["Terry Ross Blak"] == ("charged", None)


def test_an_officials_title_does_not_reach_into_the_next_sentence():
    got = defendants("<p>“We will not tolerate it,” said Tony Wes, Assistant Attorney General for the Civil Division"
                     " of the Department of Justice. Forest Pharma Inc. has pled guilty to distributing fentanyl"
                     " analogues.</p>")
    assert got == {"Forest Pharma Inc.": ("pleaded_guilty", None)}


def test_a_counted_object_named_in_the_next_paragraph():
    got = defendants("<p>A federal jury in Chicago convicted two Chinese nationals yesterday for laundering fentanyl"
                     " proceeds.</p><p>According to court documents, Lin Xiaoming, 44, also known as “Brother Ming,” and"
                     " Chen Yutang, 36, both of Chicago, collected bulk cash.</p><p>Ramiro Salcedo, a broker, previously"
                     " pleaded guilty.</p>")
    assert got == {"Lin Xiaoming": ("convicted", None), "Chen Yutang": ("convicted", None),
                   "Ramiro Salcedo": ("pleaded_guilty", None)}


def test_a_count_that_does_not_fit_the_names_gives_nobody_that_stage():
    # 'convicted two men', then three named together: which two is not said here
    got = defendants("<p>A federal jury convicted two men yesterday of selling fentanyl.</p><p>Vagan Adzhem, 41;"
                     " Suren Garib, 32; and Galvin Gibs, 30, were charged in 2019. Suren Garib previously pleaded"
                     " guilty.</p>")
    assert got == {"Vagan Adzhem": ("charged", None), "Suren Garib": ("pleaded_guilty", None),
                   "Galvin Gibs": ("charged", None)}


def test_a_role_in_lower_case_between_two_arrested():
    got = defendants("<p>Huang Zhen, the company's owner, and Deng Lixa, also known as “Lisa,” a sales manager,"
                     " were arrested by Thai authorities on fentanyl precursor charges.</p>")
    assert got == {"Huang Zhen": ("arrested", None), "Deng Lixa": ("arrested", None)}


def test_a_third_employee_at_large_is_charged():
    got = defendants("<p>Huang Zhen, 40, was arrested on charges of selling fentanyl precursors. A third employee,"
                     " Sun Kao, remains at large in China.</p>")
    assert got == {"Huang Zhen": ("arrested", None), "Sun Kao": ("charged", None)}
    # a fugitive named in passing, with no label, is no defendant here
    got = defendants("<p>Huang Zhen, 40, was arrested on charges of selling fentanyl precursors for the cartel's"
                     " leader, Sun Kao, who remains at large.</p>")
    assert got == {"Huang Zhen": ("arrested", None)}


@pytest.mark.parametrize("body, expected", [
    ("<p>MIAMI – U.S. District Judge Ann Osei ordered Darnell Van Bure, 34, of Miramar, to serve 27 months’"
     " imprisonment for conspiring to distribute fentanyl.</p>", {"Darnell Van Bure": ("sentenced", 27)}),
    ("<p>ROANOKE – A Roanoke man, convicted by a jury in March of distributing fentanyl, received concurrent"
     " sentences of 78 months on each of the three counts yesterday.</p><p>Brandon Oaks, 27, was found guilty in"
     " March.</p>", {"Brandon Oaks": ("sentenced", 78)}),
    ("<p>BILLINGS — A Billings man who admitted trafficking fentanyl pills was ordered today to spend nine years in"
     " prison.</p><p>Chase Everett Weasel, 26, pleaded guilty in January.</p>", {"Chase Everett Weasel": ("sentenced", 108)}),
    ("<p>CHRISTIANSTED – The U.S. Attorney announced that a sentence of 97 months in federal prison was handed down"
     " on October 18, 2022, to Kareem St. Rosa, 31, of Christiansted, for possession of fentanyl.</p>",
     {"Kareem St. Rosa": ("sentenced", 97)}),
])
def test_more_sentencing_wordings(body, expected):
    assert defendants(body) == expected


def test_a_surname_opened_by_a_particle_is_the_person_named_in_full():
    got = defendants("<p>José Luis del Valle Osunar, 52, of Culiacán, collected cash from fentanyl sales. Del Valle was"
                     " arrested by Spanish authorities in Madrid in July 2025 and was extradited on Friday.</p>")
    assert got == {"José Luis del Valle Osunar": ("extradited", None)}


@pytest.mark.parametrize("later", ["Agents arrested the pair as they left the airport.",
                                   "The Joneses were arrested Monday.", "Agents arrested the two men on Monday."])
def test_a_pair_or_a_family_arrested(later):
    got = defendants(f"<p>Tom Jonas Jones, 30, and Mary Ann Jones, 28, were charged with selling fentanyl. {later}</p>")
    assert got == {"Tom Jonas Jones": ("arrested", None), "Mary Ann Jones": ("arrested", None)}


def test_a_surname_first_family_in_the_plural():
    got = defendants("<p>Among those charged were Nguyen Van Duc, 47, and his son, Nguyen Minh Khoa, 22, with trafficking"
                     " fentanyl. The Nguyens were arrested Wednesday morning.</p>")
    assert got == {"Nguyen Van Duc": ("arrested", None), "Nguyen Minh Khoa": ("arrested", None)}


def test_the_indictment_names_a_company_and_its_staff():
    got = defendants("<p>TULSA – A grand jury indicted a freight company and its owner on fentanyl charges. The"
                     " indictment names PAKKET EXPRESS SHIPPING INC., a freight forwarder with a warehouse on East"
                     " Admiral Place; its owner, DEVON RAY COLLYER, 44, of Broken Arrow.</p>")
    assert got["PAKKET EXPRESS SHIPPING INC."] == ("charged", None)
    assert got["DEVON RAY COLLYER"] == ("charged", None)


def test_a_surname_that_is_a_word_before_a_romanised_given_name():
    got = defendants("<p>Earlier today, in federal court in Brooklyn, Park Seo-yun and her husband Choi Dong-hun pleaded"
                     " guilty to laundering fentanyl proceeds.</p>")
    assert got == {"Park Seo-yun": ("pleaded_guilty", None), "Choi Dong-hun": ("pleaded_guilty", None)}
    # a number written with a hyphen after a dateline is no given name
    got = defendants("<p>WASHINGTON Forty-one gang members were charged with fentanyl trafficking, including Carlos"
                     " Silvo, 30.</p>")
    assert "WASHINGTON Forty-one" not in got


# -- fifth set ------------------------------------------------------------------------------------------
def test_found_not_guilty_is_no_conviction():
    got = defendants("<p>Ramon Reddick, 40, was convicted of selling fentanyl. The jury found co-defendant Darius"
                     " Pemberton not guilty on all counts.</p>")
    assert got["Ramon Reddick"] == ("convicted", None) and got["Darius Pemberton"] != ("convicted", None)
    got = defendants("<p>The jury found Ramon Reddick, 40, guilty of selling fentanyl and found Darius Pemberton, 33,"
                     " not guilty.</p>")
    assert got["Ramon Reddick"] == ("convicted", None) and got.get("Darius Pemberton", ("",))[0] != "convicted"


def test_a_child_named_is_a_victim():
    got = defendants("<p>Marco Ruiz, 24, was sentenced to 120 months for selling two M30 pills to 16-year-old Benicio"
                     " Archu through a social media app.</p>")
    assert got == {"Marco Ruiz": ("sentenced", 120)}


def test_agents_took_them_into_custody():
    got = defendants("<p>Xavier Ocasio, 30, and Brayan Ruiz, 25, were charged by criminal complaint with smuggling"
                     " fentanyl. HSI agents took both men into custody at the gate.</p>")
    assert got == {"Xavier Ocasio": ("arrested", None), "Brayan Ruiz": ("arrested", None)}
    assert defendants("<p>Xavier Ocasio, 30, was charged with selling fentanyl. The sales took place in"
                      " 2020.</p>") == {"Xavier Ocasio": ("charged", None)}


@pytest.mark.parametrize("term, months", [
    ("120 months on the fentanyl count and 60 months on the firearm count, to run consecutively", 180),
    ("20 years for distributing fentanyl and five years for the gun, to run consecutively, for a total of 25 years",
     300),
    ("eight years and nine months on each count, for a total of 210 months", 210),
    ("one hundred months", 100), ("one hundred twenty months", 120),
    ("87 months in prison and three years of supervised release, to run consecutively", 87),
])
def test_totals_consecutive_terms_and_hundreds(term, months):
    assert sentence_months(f"was sentenced to {term} in prison")[0] == months


def test_a_case_caption_names_the_lead_and_the_defendant():
    got = defendants("<h2>United States v. Desmond McAlly-Price</h2><p>CONCORD – A Manchester man pleaded guilty today"
                     " to distributing fentanyl near a school.</p><p>According to court documents, the defendant, 37,"
                     " sold fentanyl near an elementary school.</p>")
    assert got == {"Desmond McAlly-Price": ("pleaded_guilty", None)}
    got = defendants("<p>The U.S. Attorney highlighted recent cases:</p><ul><li>United States v. Curtis Delacro: On"
                     " March 3, a grand jury indicted the defendant, 26, of Chester, for distributing fentanyl.</li>"
                     "<li>United States v. Hector Figuera Jr.: On April 2, a jury convicted the defendant, 39, of"
                     " selling fentanyl pills.</li></ul>")
    assert got == {"Curtis Delacro": ("charged", None), "Hector Figuera Jr.": ("convicted", None)}


def test_a_list_of_case_captions_alone_names_no_defendant():
    got = defendants("<p>Ramon Reddick, 40, pleaded guilty to selling fentanyl.</p><p>United States v. Zora Danis, 15"
                     " Cr. 240</p><p>United States v. Fabio Tord, 15 Cr. 564</p>")
    assert got == {"Ramon Reddick": ("pleaded_guilty", None)}


def test_a_surname_that_is_a_title_before_an_age():
    got = defendants("<p>AUGUSTA – Kelvin Dwayne Judge, 34, was sentenced to 135 months in prison by U.S. District"
                     " Judge Ann Kerr for trafficking fentanyl.</p>")
    assert got == {"Kelvin Dwayne Judge": ("sentenced", 135)}


def test_a_name_line_then_a_line_opening_with_the_verb():
    got = defendants("<p>CONCORD – The U.S. Attorney announced the sentences imposed in drug cases this week.</p><p><strong>"
                     "Ignatius Okafor-Belm, 36, of Lowell, Massachusetts</strong></p><p>Sentenced to 70 months in federal"
                     " prison for distributing fentanyl in Nashua.</p><p><strong>Lucinda Marie Thiba, 29, of Manchester"
                     "</strong></p><p>Sentenced to 30 months in federal prison for possessing fentanyl.</p><p>Both"
                     " defendants had pleaded guilty.</p>")
    assert got == {"Ignatius Okafor-Belm": ("sentenced", 70), "Lucinda Marie Thiba": ("sentenced", 30)}
