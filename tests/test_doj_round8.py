"""DOJ prose, round 8 (invented releases): a company the lead describes ('A China-based chemical
company and two of its employees were charged') named later in apposition to 'The company'."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def defendants(body: str, title: str = "Fentanyl case") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), ["USAO - New York, Southern"],
                 "https://www.justice.gov/usao-sdny/pr/x", "2024-05-01")
    return {d["name"]: (d["action"], bool(d["is_company"])) for d in ex.defendants}


def test_the_company_described_in_the_lead_and_named_after_the_company():
    got = defendants("<p>NEW YORK – A China-based chemical company and two of its employees were charged today with"
                     " importing fentanyl precursor chemicals.</p><p>The company, Wuhan Lanqiao Biotech Co. Ltd., sold"
                     " the precursors to buyers in Mexico. Its employees, Fen Ruolan, 34, and Gao Pengfei, 29,"
                     " marketed the chemicals online. Fen and Gao remain at large.</p>",
                     title="China-Based Company and Two Employees Charged")
    assert got == {"Wuhan Lanqiao Biotech Co. Ltd.": ("charged", True), "Fen Ruolan": ("charged", False),
                   "Gao Pengfei": ("charged", False)}


def test_a_company_named_after_the_company_is_no_defendant_when_no_company_was_charged():
    got = defendants("<p>NEW YORK – A Bronx man was charged today with importing fentanyl precursors.</p><p>Dale"
                     " Obrien, 34, bought the chemicals from a supplier in China. The company, Wuhan Lanqiao Biotech Co."
                     " Ltd., shipped them by mail.</p>", title="Bronx Man Charged")
    assert got == {"Dale Obrien": ("charged", False)}


def stages(body: str, title: str = "Fentanyl case", components=("USAO - New Mexico",),
           url="https://www.justice.gov/usao-nm/pr/x", published="2024-03-07") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), list(components), url, published)
    return {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants}


def test_a_counted_arrest_with_its_noun_in_the_lead_and_the_others_considered_fugitives():
    names = ["Amos Quintero-Vela", "Bess Ortiz", "Cruz Lovato", "Dana Roybal", "Efren Maes", "Fidel Archuleta",
             "Gil Sandoval", "Hector Valdez"]
    roster = "".join(f"<p>{n}, {30 + i}, of Española;</p>" for i, n in enumerate(names))
    got = stages("<p>ALBUQUERQUE – Six people were arrested on Tuesday after a federal grand jury returned an"
                 " indictment charging eight people with trafficking fentanyl. Two defendants remain at large.</p>"
                 "<p>Charged in the indictment are:</p>" + roster +
                 "<p>Sandoval and Valdez are considered fugitives.</p>", title="Six Arrested, Two Sought")
    assert got == {n: ("charged" if n in ("Gil Sandoval", "Hector Valdez") else "arrested", None) for n in names}


def test_a_co_defendants_sentence_of_an_earlier_year_is_this_cases_stage():
    got = stages("<p>CHATTANOOGA – Lamar Giddens III, 38, of Chattanooga, was resentenced today to 210 months in"
                 " federal prison for conspiring to distribute fentanyl.</p><p>Giddens was originally sentenced in"
                 " September 2021 to 300 months after a jury convicted him at trial.</p><p>Giddens’s co-defendant,"
                 " Morris Pettway, 41, pleaded guilty before trial and was sentenced in 2021 to 151 months in"
                 " prison.</p>", title="Chattanooga Man Resentenced to 210 Months", components=("USAO - Tennessee, Eastern",),
                 published="2024-10-08")
    assert got == {"Lamar Giddens III": ("sentenced", 210.0), "Morris Pettway": ("sentenced", 151.0)}
    # a defendant's own record dated years back stays a record
    got = stages("<p>KNOXVILLE – Vance Oakley, 44, pleaded guilty today to distributing fentanyl. Oakley was"
                 " convicted in 2015 of burglary.</p>", title="Knoxville Man Pleads Guilty",
                 components=("USAO - Tennessee, Eastern",), published="2024-10-08")
    assert got == {"Vance Oakley": ("pleaded_guilty", None)}


def test_a_guilty_verdict_returned_on_a_date_against_the_defendant():
    got = stages("<p>PHILADELPHIA – The United States Attorney announced that a federal jury returned a guilty"
                 " verdict on March 19, 2025, against Ronan Keel Booth, 36, of Philadelphia, on charges of"
                 " conspiracy to distribute fentanyl.</p>", title="Philadelphia Fentanyl Trial Ends",
                 components=("USAO - Pennsylvania, Eastern",))
    assert got == {"Ronan Keel Booth": ("convicted", None)}


def test_names_in_capitals_as_subjects_by_full_name_and_by_surname():
    got = stages("<p>NEW YORK – The United States Attorney announced the unsealing of an Indictment charging"
                 " ALDO ESTEBAN VERAS, a/k/a “Chino,” MARISOL VERAS, and RAMÓN ANTONIO PEÑA-MEJÍA with participating"
                 " in a conspiracy to distribute fentanyl. ALDO VERAS and PEÑA-MEJÍA were arrested yesterday. MARISOL"
                 " VERAS remains at large.</p>", title="Three Charged", components=("USAO - New York, Southern",))
    assert got == {"ALDO ESTEBAN VERAS": ("arrested", None), "MARISOL VERAS": ("charged", None),
                   "RAMÓN ANTONIO PEÑA-MEJÍA": ("arrested", None)}


def test_a_defendant_named_in_full_only_in_the_title():
    got = stages("<p>TULSA – A Tulsa man who sold counterfeit pills containing fentanyl to a 17-year-old girl was"
                 " sentenced Thursday to 300 months in federal prison.</p><p>Hargis, 28, pleaded guilty in September"
                 " to distribution of fentanyl resulting in death.</p>",
                 title="Tulsa Man, Devon Hargis, Sentenced to 25 Years for Fentanyl Distribution",
                 components=("USAO - Oklahoma, Northern",), published="2025-01-30")
    assert got == {"Devon Hargis": ("sentenced", 300.0)}


def test_a_buyer_named_with_the_age_before_the_name_is_no_defendant():
    got = stages("<p>INDIANAPOLIS – Tavish Reed, 24, of Indianapolis, was sentenced today to 240 months in federal"
                 " prison for distributing fentanyl resulting in death.</p><p>Reed sold what he called “percs” to"
                 " 19-year-old Owen Lowery of Greenwood. Lowery was found unresponsive the next morning.</p>",
                 title="Indianapolis Man Sentenced", components=("USAO - Indiana, Southern",))
    assert got == {"Tavish Reed": ("sentenced", 240.0)}


GUAM = ("<p>HAGÅTÑA, Guam – A Dededo man entered a plea of guilty on Wednesday to attempted possession with intent to"
        " distribute fentanyl, and the California man who supplied him received a sentence of 121 months in federal"
        " prison in the same case, announced the United States Attorney for the Districts of Guam and the Northern"
        " Mariana Islands.</p><p>Jarrod Kyle Mendiola Aguigui, 26, pleaded guilty before Chief Judge Ana Q. Perez of"
        " the District Court of Guam.</p><p>Bryce Tafolla, 31, of Stockton, California, was sentenced the same day.</p>")


def test_a_lead_description_with_a_place_is_the_person_living_there():
    got = stages(GUAM, title="Dededo Man Pleads Guilty and California Supplier Sentenced",
                 components=("USAO - Guam and Northern Mariana Islands",), url="https://www.justice.gov/usao-gu/pr/x")
    assert got == {"Jarrod Kyle Mendiola Aguigui": ("pleaded_guilty", None), "Bryce Tafolla": ("sentenced", 121.0)}


def test_the_office_of_two_courts_gives_the_court_the_text_names():
    from scrapers.sources.doj.districts import release_districts
    comps = ["USAO - Guam and Northern Mariana Islands"]
    assert release_districts(comps, None, "before Chief Judge Perez of the District Court of Guam") == ["District of Guam"]
    assert release_districts(comps, None, "in the U.S. District Court for the Northern Mariana Islands") == [
        "District of the Northern Mariana Islands"]
    both = "in the District Court of Guam and the District Court for the Northern Mariana Islands"
    assert release_districts(comps, None, both) == ["Districts of Guam and the Northern Mariana Islands"]


def test_a_release_naming_thousands_of_people_is_read_in_near_linear_time():
    import gc
    import time

    def release(n: int) -> str:
        return "".join(f"<p>Name{i}a Given{i}b Surname{i}c, {20 + i % 50}, of Tulsa, was sentenced to {12 + i % 200}"
                       " months for distributing fentanyl.</p>" for i in range(n))

    def seconds(n: int) -> float:
        blocks = html_to_blocks(release(n))
        best = float("inf")
        # (best of five, the collector off while timing: CI runs measured 7.2x with the best of two on a loaded
        # machine and 6.9x with the best of three in the full suite; alone the ratio is 3.6-4.9x)
        gc.collect()
        gc.disable()
        try:
            for _ in range(5):
                started = time.process_time()   # (CPU time: a busy machine's neighbours are not counted)
                ex = extract("doj:test", "Many Sentenced", blocks, ["USAO - Oklahoma, Northern"], None, "2024-01-01")
                best = min(best, time.process_time() - started)
        finally:
            gc.enable()
        assert len(ex.defendants) == n
        return best

    small, large = seconds(1000), seconds(4000)
    # each surname looked for over the whole text made it quadratic (1,000 names 0.21 s, 4,000 1.69 s: 8x;
    # 8,000 5.4 s); now about 4x
    assert large < 0.2 or large / small < 6, f"4x the names cost {large / small:.1f}x the time"


# -- the ninth held-out set's patterns (invented fixtures) ---------------------------------------------------
def test_sentences_run_together_are_read_apart():
    got = stages("<p>GREENSBORO – A federal grand jury has returned an indictment charging three people with"
                 " conspiring to distribute fentanyl in Greensboro and High Point, announced the United States"
                 " Attorney.Charged are Rashid Omar Betts, 33, of Greensboro; Kendal L. McCall, 25, of High Point; and"
                 " Jonas Pablo de Jesús Arreaga, 40, of Atlanta.Betts and McCall were arrested on September 26."
                 " De Jesús Arreaga has not been apprehended.</p>", title="Three Indicted in Greensboro",
                 components=("USAO - North Carolina, Middle",))
    assert got == {"Rashid Omar Betts": ("arrested", None), "Kendal L. McCall": ("arrested", None),
                   "Jonas Pablo de Jesús Arreaga": ("charged", None)}


def test_an_offence_in_capitals_is_no_name():
    got = stages("<p>PROVIDENCE – Ernest P. Rizzo is charged with Wire Fraud and Money Laundering; Brenda L. Rizzo is"
                 " charged with Aiding and Abetting Wire Fraud; and Aiding and Abetting Money Laundering.The case is"
                 " being prosecuted by the United States Attorney’s Office.</p>", title="Contractor and Wife Charged",
                 components=("USAO - Rhode Island",))
    assert set(got) == {"Ernest P. Rizzo", "Brenda L. Rizzo"}


def test_a_record_dated_before_the_name_is_history():
    got = stages("<p>LAS VEGAS – Juan Carlos Verano-Cobos, 44, was charged today with illegally reentering the United"
                 " States after removal. He was again convicted of drug offenses, and on February 16, 2022,"
                 " Verano-Cobos was sentenced to 36 to 96 months of imprisonment in state court.</p>",
                 title="Mexican National Charged", components=("USAO - Nevada",), published="2025-04-01")
    assert got["Juan Carlos Verano-Cobos"][0] != "sentenced"


def test_the_extradited_defendants_are_then_one_labelled_line_each():
    got = stages("<p>WASHINGTON – Four defendants wanted in the United States were extradited from Mexico this week."
                 "</p><p>The extradited defendants are:</p><p>Gerardo Antonio Luna Soto: District of Arizona; Luna"
                 " Soto, 37, is charged with conspiracy to import fentanyl.</p><p>Yadira Concepción Ochoa de León:"
                 " Eastern District of California; Ochoa de León, 41, is charged with conspiracy to distribute"
                 " fentanyl.</p>", title="Mexico Extradites Four Defendants", components=("Criminal Division",),
                 url="https://www.justice.gov/opa/pr/x")
    assert got == {"Gerardo Antonio Luna Soto": ("extradited", None), "Yadira Concepción Ochoa de León": ("extradited", None)}


def test_a_description_with_a_relative_clause_naming_another_then_the_name():
    got = stages("<p>CLARKSBURG – Darnell Q. Ashford, of Morgantown, was sentenced today to 97 months in federal prison"
                 " for distributing fentanyl.</p><p>A man who was with Ashford during a 2018 sale, Kyle Brennan Mottram,"
                 " 29, of Westover, has been charged in Monongalia County Circuit Court with delivery of fentanyl.</p>",
                 title="Morgantown Man Sentenced", components=("USAO - West Virginia, Northern",))
    assert got == {"Darnell Q. Ashford": ("sentenced", 97.0), "Kyle Brennan Mottram": ("charged", None)}


def test_a_consecutive_term_written_after_the_first():
    got = stages("<p>MACON – Dequan Montel Hilliard, 29, of Macon, was sentenced to serve 78 months in prison on the"
                 " fentanyl count, to be followed by a consecutive 60 months on the firearm count.</p>",
                 title="Macon Felon Sentenced", components=("USAO - Georgia, Middle",))
    assert got == {"Dequan Montel Hilliard": ("sentenced", 138.0)}
    got = stages("<p>MACON – Dequan Hilliard, 29, was sentenced to 97 months, consecutive to the eight-year term he is"
                 " serving.</p>", title="Macon Felon Sentenced", components=("USAO - Georgia, Middle",))
    assert got == {"Dequan Hilliard": ("sentenced", 97.0)}


def test_viuda_de_inside_a_name():
    got = stages("<p>RALEIGH – On Tuesday, Rosa Elvira Paredes viuda de Cáceres, 58, of Garner, was sentenced to two"
                 " years in prison.</p>", title="Three Sentenced", components=("USAO - North Carolina, Eastern",))
    assert got == {"Rosa Elvira Paredes viuda de Cáceres": ("sentenced", 24.0)}


def test_a_jury_verdict_with_words_between_the_jury_and_the_verb_and_a_company_in_the_list():
    got = stages("<p>LONDON, Ky. – A federal jury in London on Wednesday convicted Dr. Harold Preston Vane, 61, of"
                 " Hazard, and Cumberland Ridge Pharmacy, LLC, of conspiring to distribute fentanyl.</p>",
                 title="Update in Hazard Case", components=("USAO - Kentucky, Eastern",))
    assert got == {"Harold Preston Vane": ("convicted", None), "Cumberland Ridge Pharmacy, LLC": ("convicted", None)}


def test_a_lead_with_an_abbreviated_place_and_a_victims_age():
    got = stages("<p>ST. LOUIS – A St. Louis man whose fentanyl killed a 19-year-old college student was sentenced"
                 " Thursday to life in prison.</p><p>A federal jury in February found Jermaine Tyrell Huston, 31,"
                 " guilty of distribution of fentanyl resulting in death. Huston sold fentanyl to Caleb Whitford, 19,"
                 " on Nov. 2, 2022. Whitford was found dead the next morning.</p>",
                 title="St. Louis Man Sentenced to Life", components=("USAO - Missouri, Eastern",))
    assert got == {"Jermaine Tyrell Huston": ("sentenced", None)}


# -- the tenth held-out set's patterns (invented fixtures) ---------------------------------------------------
def test_the_following_sentences_then_a_line_each_with_a_name_of_words_and_a_prose_line_after():
    got = stages("<p>OKLAHOMA CITY – Four members of a group have been sentenced.</p><p>Each defendant pleaded guilty to"
                 " a fentanyl offense. U.S. District Judge Carla Ostrow imposed the following sentences:</p>"
                 "<p>Tommy Ray Spottedelk Jr. (52), of Anadarko: 210 months</p><p>Dakota Runs Through (41), of Lawton:"
                 " time served</p><p>Levi Bigbear (23), of Apache: five years’ probation</p><p>Spottedelk was also"
                 " ordered to forfeit a truck. The Court credited Runs Through with the 19 months she spent in"
                 " custody.</p>", title="Four Sentenced", components=("USAO - Oklahoma, Western",))
    assert got == {"Tommy Ray Spottedelk Jr.": ("sentenced", 210.0), "Dakota Runs Through": ("sentenced", 0.0),
                   "Levi Bigbear": ("sentenced", None)}


def test_sentenced_as_follows_on_one_line_with_a_relation_before_a_name():
    got = stages("<p>BEAUMONT – The defendants each pleaded guilty and were sentenced by U.S. District Judge Ann"
                 " Delacroix as follows: Keandre Lamont Batson, 27, of Port Arthur, 262 months; his father, Roderick"
                 " Batson, 49, of Port Arthur, 180 months; and Luis Ángel Ozuna-Reyes, 31, of Houston, time served.</p>",
                 title="Ring Members Sentenced", components=("USAO - Texas, Eastern",))
    assert got == {"Keandre Lamont Batson": ("sentenced", 262.0), "Roderick Batson": ("sentenced", 180.0),
                   "Luis Ángel Ozuna-Reyes": ("sentenced", 0.0)}


def test_names_with_an_article_an_initial_and_a_town_after_the_age():
    got = stages("<p>BUFFALO – Ahmed bin Tariq al-Qadhi, 41, of Lackawanna, was arrested yesterday. A third"
                 " defendant, T. Haskell, 36, of Bluefield, previously pleaded guilty. Brandon Lee O'Shea, 31, of Van"
                 " Buren, was sentenced to 188 months. D. Whitson sold fentanyl.</p>", title="Update",
                 components=("USAO - New York, Western",))
    assert got == {"Ahmed bin Tariq al-Qadhi": ("arrested", None), "T. Haskell": ("pleaded_guilty", None),
                   "Brandon Lee O'Shea": ("sentenced", 188.0)}


def test_the_indictment_names_the_following_defendants_then_a_line_each():
    got = stages("<p>BATON ROUGE – A federal grand jury returned an indictment charging three people.</p><p>The"
                 " indictment names the following defendants:</p><p>Terrell Anthony Josephs (Baton Rouge)</p><p>Daquan"
                 " St. Romaine (Plaquemine)</p><p>Kendrick Heberts (Port Allen)</p><p>Josephs was arrested on October"
                 " 24. Heberts remains a fugitive.</p>", title="Three Charged", components=("USAO - Louisiana, Middle",))
    assert got == {"Terrell Anthony Josephs": ("arrested", None), "Daquan St. Romaine": ("charged", None),
                   "Kendrick Heberts": ("charged", None)}


def test_a_husband_and_wife_arrested_named_in_the_next_paragraph():
    got = stages("<p>SAN FRANCISCO – A Daly City husband and wife were arrested yesterday on federal charges.</p><p>Raymond"
                 " Zhiwen Chou, 54, and his wife, Helen Wei-Ling Chou, 51, are charged in a criminal complaint. The"
                 " complaint also charges Zhou Jiangbo, 47, of Wuhan, China, who is not in custody.</p>",
                 title="Couple Charged", components=("USAO - California, Northern",))
    assert got == {"Raymond Zhiwen Chou": ("arrested", None), "Helen Wei-Ling Chou": ("arrested", None),
                   "Zhou Jiangbo": ("charged", None)}


def test_a_decade_and_a_year_and_a_half():
    got = stages("<p>COLUMBUS – Brant Coffey, 32, will spend a decade in federal prison for trafficking fentanyl. Jean"
                 " Rony Pierre-Lucas, 40, was sentenced to a year and a half in prison.</p>", title="Two Sentenced",
                 components=("USAO - Ohio, Southern",))
    assert got == {"Brant Coffey": ("sentenced", 120.0), "Jean Rony Pierre-Lucas": ("sentenced", 18.0)}


def test_companies_after_a_town_and_country_in_the_list_charged():
    got = stages("<p>WASHINGTON – The indictment charges Lu Haoyu, 38, and Qiu Meilan, 34, both of Shanghai, China, and"
                 " their companies, Shanghai Tianhe Biotech Co. Ltd. and Jiangsu Ruiyang Chemical Co. Ltd., with"
                 " conspiracy to import fentanyl analogues.</p>", title="Two Indicted", components=("Criminal Division",),
                 url="https://www.justice.gov/opa/pr/x")
    assert got == {"Lu Haoyu": ("charged", None), "Qiu Meilan": ("charged", None),
                   "Shanghai Tianhe Biotech Co. Ltd.": ("charged", None), "Jiangsu Ruiyang Chemical Co. Ltd.": ("charged", None)}


# -- the eleventh held-out set's patterns (invented fixtures) ------------------------------------------------
def test_terms_written_as_the_mandatory_minimum_or_a_term_of_imprisonment():
    got = stages("<p>SPRINGFIELD – Dakota Lee Henley, 31, was sentenced to the mandatory 10 years in federal prison."
                 " Tristan Carmody, 26, was sentenced to a 10-year mandatory minimum sentence. Josue Meléndez, 35,"
                 " received a term of imprisonment of 63 months on Wednesday.</p>", title="Three Sentenced",
                 components=("USAO - Missouri, Western",))
    assert got == {"Dakota Lee Henley": ("sentenced", 120.0), "Tristan Carmody": ("sentenced", 120.0),
                   "Josue Meléndez": ("sentenced", 63.0)}
    from scrapers.sources.doj.terms import sentence_months
    assert sentence_months("sold the pills to a 16-year-old girl") == (None, None)   # an age, never a term


def test_a_dead_co_defendants_sentence_and_a_role_named_later():
    got = stages("<p>BOISE – Brayden Cole Ashford, 26, of Boise, was sentenced today to 104 months in federal prison"
                 " for distributing fentanyl.</p><p>His supplier, Ezequiel Ramos-Soto, 47, of Nampa, pleaded guilty in"
                 " 2019 and was sentenced in October to 188 months in prison; Ramos-Soto died in December while in"
                 " custody.</p>", title="Boise Man Sentenced", components=("USAO - Idaho",), published="2020-02-20")
    assert got == {"Brayden Cole Ashford": ("sentenced", 104.0)}
    got = stages("<p>PHILADELPHIA – A Bucks County physician was sentenced today to nine years in prison.</p><p>Miriam"
                 " Castillo-Ruhl, M.D., 58, of Doylestown, ran a pain practice. The physician’s nurse practitioner,"
                 " Bradley Kent Osterman, 41, of Warrington, pleaded guilty in 2018. The nurse practitioner was"
                 " sentenced in October to 24 months in prison.</p>", title="Physician Sentenced",
                 components=("USAO - Pennsylvania, Eastern",), published="2019-12-12")
    assert got == {"Miriam Castillo-Ruhl": ("sentenced", 108.0), "Bradley Kent Osterman": ("sentenced", 24.0)}


def test_respectively_reads_the_terms_of_its_own_clause_and_detained_pending_trial():
    got = stages("<p>INDIANAPOLIS – Kendall Ray Hamblin, 38, and Tyrese Hamblin, 34, ran the organization. Of the six"
                 " charged, Kendall and Tyrese Hamblin were convicted at trial and sentenced in June to 262 months and"
                 " 210 months in prison, respectively; Shonda Yarbro, 36, pleaded guilty and was sentenced to 120"
                 " months. Zykeria Mays, 22, and Antonio Ruffino, 30, remain detained pending a trial set for"
                 " January.</p>", title="Update", components=("USAO - Indiana, Southern",))
    assert got == {"Kendall Ray Hamblin": ("sentenced", 262.0), "Tyrese Hamblin": ("sentenced", 210.0),
                   "Shonda Yarbro": ("sentenced", 120.0), "Zykeria Mays": ("arrested", None),
                   "Antonio Ruffino": ("arrested", None)}


def test_a_spanish_release_mentions_fentanyl():
    from scrapers.sources.doj.classify import classify
    got = classify("Sentencian a hombre de Caguas a 135 meses de prisión",
                   "SAN JUAN, Puerto Rico – Un hombre fue sentenciado por conspiración para distribuir fentanilo.")
    assert got.mentions_fentanyl


def test_a_lead_place_both_of_a_list_share_is_no_reason_to_skip_the_first():
    got = stages("<p>ANCHORAGE – A Wasilla woman was sentenced today to a term of imprisonment of 70 months.</p><p>Trisha"
                 " Ann Alvera, 38, and her husband, Renaldo Cruz Alvera, 41, both of Wasilla, mailed fentanyl pills to"
                 " Alaska.</p>", title="Wasilla Woman Sentenced", components=("USAO - Alaska",))
    assert got["Trisha Ann Alvera"] == ("sentenced", 70.0) and got["Renaldo Cruz Alvera"][0] != "sentenced"


def test_a_lead_with_a_or_an_is_the_first_named_wherever_the_others_live():
    got = stages("<p>WICHITA – A Wichita man was sentenced Tuesday to 97 months in federal prison.</p><p>Dominic Anthony"
                 " Rangell, 32, admitted selling fentanyl pills.</p><p>Two co-conspirators were sentenced earlier this"
                 " year. Lacey Ann Gottschall, 28, of Wichita, was sentenced in January to 41 months in prison.</p>",
                 title="Wichita Man Sentenced", components=("USAO - Kansas",), published="2022-03-31")
    assert got == {"Dominic Anthony Rangell": ("sentenced", 97.0), "Lacey Ann Gottschall": ("sentenced", 41.0)}


# -- the twelfth held-out set's patterns (ordinary releases) -------------------------------------------------
def test_a_street_before_the_name_does_not_stop_the_lead_and_a_name_in_capitals_in_apposition():
    got = stages("<p>RALEIGH – A Raleigh man was sentenced today to 300 months in prison.</p><p>Officers responded to"
                 " shots fired at an apartment complex on Capital Boulevard and found Xavier Lamont Pulliam, 33, leaving"
                 " an apartment with a rifle. Pulliam pleaded guilty in August 2025.</p>", title="Raleigh Man Sentenced",
                 components=("USAO - North Carolina, Eastern",), published="2026-01-22")
    assert got == {"Xavier Lamont Pulliam": ("sentenced", 300.0)}
    got = stages("<p>NEW YORK – ORLANDO FIGUERAS was sentenced today to 108 months in prison.</p><p>FIGUERAS and his"
                 " co-defendant, WILFREDO SANTOS, operated an apartment where fentanyl was packaged. SANTOS, 45, of"
                 " Yonkers, pleaded guilty on January 10, 2023.</p>", title="Bronx Man Sentenced",
                 components=("USAO - New York, Southern",), published="2023-04-27")
    assert got == {"ORLANDO FIGUERAS": ("sentenced", 108.0), "WILFREDO SANTOS": ("pleaded_guilty", None)}


def test_surnames_that_are_a_pronoun_or_a_legal_word_are_read_in_full_only():
    got = stages("<p>SACRAMENTO – A federal grand jury returned an indictment today against Pao Lee Her, 33, and Kou"
                 " Yangsen, 29, both of Sacramento. Her attorney said she would plead not guilty.</p><p>ABINGDON –"
                 " Ricky Dean Counts, 44, and Tessa Lynn Mullis, 37, were each convicted of distributing fentanyl."
                 " Counts one and two carry ten years.</p>", title="Update", components=("USAO - California, Eastern",))
    assert got == {"Pao Lee Her": ("charged", None), "Kou Yangsen": ("charged", None),
                   "Ricky Dean Counts": ("convicted", None), "Tessa Lynn Mullis": ("convicted", None)}


# -- the fourteenth held-out set (measured after every rule above; mended after) -----------------------------
def test_a_region_is_no_person_and_the_judge_who_originally_sentenced_him_gives_no_term():
    got = stages("<p>BEAUMONT – Four members of an organization that moved fentanyl from Houston to Southeast Texas have"
                 " been sentenced. Tran Minh Khoi, 45, of Houston, was sentenced to 216 months.</p>",
                 title="Four Sentenced", components=("USAO - Texas, Eastern",))
    assert got == {"Tran Minh Khoi": ("sentenced", 216.0)}
    got = stages("<p>LOS ANGELES – Garnik Vardan Hovsepian, 49, was resentenced today to 262 months in federal prison."
                 " Hovsepian was resentenced by United States District Judge Cass R. Ellison, who originally sentenced"
                 " him in 2018 to 360 months.</p>", title="Glendale Man Resentenced", components=("USAO - California, Central",),
                 published="2022-05-01")
    assert got == {"Garnik Vardan Hovsepian": ("sentenced", 262.0)}


def test_two_terms_in_years_and_months_respectively_are_not_one_term():
    got = stages("<p>SAN JUAN – Josué Manuel Rivera Jesús, 34, and Ángel Luis Quiñones Vélez, 29, were sentenced to 14"
                 " years and 151 months of imprisonment, respectively.</p>", title="Two Sentenced",
                 components=("USAO - Puerto Rico",))
    assert got == {"Josué Manuel Rivera Jesús": ("sentenced", 168.0), "Ángel Luis Quiñones Vélez": ("sentenced", 151.0)}
    from scrapers.sources.doj.terms import sentence_months
    assert sentence_months("to 17 years and 6 months")[0] == 210.0 and sentence_months("to a year and a day")[0] == 12.03
