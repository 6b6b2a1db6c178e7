"""Extraction on the patterns real DOJ releases use (invented names and sentences that imitate
their structure): names in capitals, each defendant's own stage, aliases, lists and affidavits,
ages in every form, and capitalised words that are not people."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def run(body: str, title: str = "Man Sentenced for Fentanyl Trafficking", components=("USAO - Ohio, Southern",),
        url="https://www.justice.gov/usao-sdoh/pr/x", published="2024-05-01"):
    return extract("doj:test", title, html_to_blocks(body), list(components), url, published)


def rows(ex) -> dict:
    return {d["name"]: d for d in ex.defendants}


# -- names written in capitals ---------------------------------------------------------------------
def test_a_name_in_capitals_with_suffix_and_age_is_read():
    ex = run("<p>COLUMBUS – BRANDT OKAFOR, JR., 49, was sentenced today to 96 months in prison for distributing"
             " fentanyl, announced U.S. Attorney Helena Marsh.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"], d["sentence_months"]) == ("BRANDT OKAFOR", 49, "sentenced", 96)


def test_a_name_in_capitals_with_a_defined_short_name_and_age():
    ex = run("<p>A criminal complaint affidavit was filed against DORIAN WESTFALL (\"WESTFALL\"), age 29, of"
             " Lima, charging him with possession with intent to distribute fentanyl. WESTFALL was arrested on"
             " Monday.</p>", title="Lima Man Charged with Fentanyl Trafficking")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"]) == ("DORIAN WESTFALL", 29, "arrested")


def test_headings_in_capitals_are_not_people():
    ex = run("<p>DEFENDANTS CHARGED</p><p>MEDIA ADVISORY, 12, was read.</p><p>Ilse Brandt, 40, of Dayton, pleaded"
             " guilty today to distributing fentanyl.</p>", title="Woman Pleads Guilty")
    assert list(rows(ex)) == ["Ilse Brandt"]


# -- each defendant's own stage --------------------------------------------------------------------
def test_an_arrest_is_not_copied_to_co_defendants_charged_in_a_superseding_indictment():
    ex = run("<p>Marlon Pike, 33, of Springfield, was arrested on Tuesday. His co-defendants, Tessa Vance, 28, and"
             " Omar Reyes, 41, both of Xenia, were charged in a superseding indictment returned last month with"
             " conspiracy to distribute fentanyl.</p>", title="Springfield Man Arrested on Fentanyl Charges")
    got = {n: d["action"] for n, d in rows(ex).items()}
    assert got == {"Marlon Pike": "arrested", "Tessa Vance": "charged", "Omar Reyes": "charged"}


def test_charged_and_pleaded_guilty_is_a_guilty_plea():
    ex = run("<p>Lena Ortiz, 30, and Paul Greer, 35, both of Mason, were charged in a bill of information and"
             " pleaded guilty to conspiracy to distribute fentanyl.</p>", title="Two Plead Guilty")
    got = {n: d["action"] for n, d in rows(ex).items()}
    assert got == {"Lena Ortiz": "pleaded_guilty", "Paul Greer": "pleaded_guilty"}


def test_the_round_up_count_is_not_the_stage_of_the_defendant_the_release_is_about():
    ex = run("<p>Carla Menendez, 37, of Hamilton, pleaded guilty today to conspiring to distribute fentanyl.</p>"
             "<p>Menendez is one of 21 defendants charged in the investigation. To date, eight of the 21 defendants"
             " have been sentenced.</p>", title="Hamilton Woman Pleads Guilty in Fentanyl Ring")
    (d,) = ex.defendants
    assert (d["name"], d["action"]) == ("Carla Menendez", "pleaded_guilty")


def test_a_sentence_stated_before_the_name():
    ex = run("<p>DAYTON – A Dayton man was sentenced today to 150 months in federal prison for distributing"
             " fentanyl.</p><p>Corwin T. Blake, Jr., 41, was indicted in March 2023 and pleaded guilty in"
             " October.</p>", title="Dayton Man Sentenced to Prison")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"], d["sentence_months"]) == ("Corwin T. Blake", 41, "sentenced", 150)


def test_a_relative_clause_gives_the_stage_when_nothing_else_does():
    ex = run("<p>Our office recently prosecuted Tarquin Hale, age 24, of Bristol, who was sentenced to 20 years"
             " in prison, and brothers Nestor Vela, age 38, and Ruben Vela, age 32, both of Erie, who were sentenced"
             " to 188 months of imprisonment each.</p>", title="Office Marks Fentanyl Awareness Day")
    got = {n: (d["action"], d["sentence_months"]) for n, d in rows(ex).items()}
    assert got == {"Tarquin Hale": ("sentenced", 240), "Nestor Vela": ("sentenced", 188),
                   "Ruben Vela": ("sentenced", 188)}


def test_a_prior_record_in_a_relative_clause_is_not_the_stage():
    ex = run("<p>Gideon Marsh, 45, who was previously convicted of burglary, was charged today with possessing"
             " fentanyl with intent to distribute it.</p>", title="Felon Charged")
    (d,) = ex.defendants
    assert d["action"] == "charged"


def test_respectively_gives_each_defendant_his_own_sentence():
    ex = run("<p>The judge sentenced Alvin Rourke to 12 years. Dexter Quill and Sol Imani were previously"
             " sentenced to 10 years and 12 ½ years, respectively.</p>", title="Three Sentenced")
    got = {n: d["sentence_months"] for n, d in rows(ex).items()}
    assert got == {"Alvin Rourke": 144, "Dexter Quill": 120, "Sol Imani": 150}


def test_when_he_is_sentenced_is_not_a_sentence():
    ex = run("<p>Elias Brandon Monte, 22, of Laurel, pleaded guilty today. Monte faces a mandatory minimum of five"
             " years in prison when he is sentenced by U.S. District Judge Ada Ruiz.</p>", title="Man Pleads Guilty")
    (d,) = ex.defendants
    assert d["action"] == "pleaded_guilty"


def test_custody_since_his_arrest_is_an_arrest():
    ex = run("<p>A Dominican national was indicted today. Hector Almonte Cruz, 33, was indicted on one count of"
             " conspiracy. Cruz was previously charged by criminal complaint and has been in federal custody since"
             " his arrest on Feb. 2, 2024.</p>", title="Dominican National Charged")
    (d,) = ex.defendants
    assert (d["name"], d["action"]) == ("Hector Almonte Cruz", "arrested")


def test_a_plural_description_is_the_stage_of_the_defendants_it_describes():
    ex = run("<p>BOSTON – A Dominican national and a Lawrence man were arrested yesterday and charged with"
             " conspiracy to distribute fentanyl.</p><p>Ivo Ramos, 40, of Lawrence, and Teo Aris, 50, a Dominican"
             " national residing in Lawrence, were charged with conspiracy.</p>", title="Two Men Arrested")
    got = {n: d["action"] for n, d in rows(ex).items()}
    assert got == {"Ivo Ramos": "arrested", "Teo Aris": "arrested"}


# -- aliases -----------------------------------------------------------------------------------------
def test_an_alias_without_quotes_is_the_same_person():
    ex = run("<p>Rajesh K. Mehra, aka Rajeshkumar K. Mehra, 58, of Edison, pleaded guilty today to importing"
             " fentanyl precursors.</p>", title="Pharmacist Pleads Guilty")
    (d,) = ex.defendants
    assert (d["name"], d["aka"], d["age"], d["action"]) == ("Rajesh K. Mehra", "Rajeshkumar K. Mehra", 58,
                                                             "pleaded_guilty")


def test_several_aliases_are_kept():
    ex = run("<p>Renato Quiles, aka Chuy, aka \"El Flaco,\" 32, of Akron, was sentenced to 70 months.</p>")
    (d,) = ex.defendants
    assert (d["aka"], d["age"], d["sentence_months"]) == ("Chuy; El Flaco", 32, 70)


# -- lists and affidavits ---------------------------------------------------------------------------
def test_a_complaint_affidavit_against_several_people():
    ex = run("<p>Agents filed a criminal complaint affidavit today against Rory Dunn, Felipe Soto and Gina Marsh,"
             " alleging that they sold fentanyl pills.</p>", title="Three Charged")
    got = {n: d["action"] for n, d in rows(ex).items()}
    assert got == {"Rory Dunn": "charged", "Felipe Soto": "charged", "Gina Marsh": "charged"}


def test_charged_x_with_conspiracy():
    ex = run("<p>A federal grand jury in Cincinnati charged Wendell Price with conspiracy to distribute"
             " fentanyl.</p>", title="Cincinnati Man Indicted")
    (d,) = ex.defendants
    assert (d["name"], d["action"]) == ("Wendell Price", "charged")


def test_an_indictment_charging_companies_and_people():
    ex = run("<p>The indictment charges Qilu Bright Technology Co. (Qilu), Ltd., Weifang Hengda New Material"
             " Technology Co., Hao Sun and Lixia Peng with conspiracy to distribute fentanyl precursors. It also"
             " charges those same defendants, as well as Jun Ma and Bo Ren, with customs fraud.</p>"
             "<p>A second indictment charges Dalian Forward Trade Co., Ltd, also known as \"Dalian Fortune Trading"
             " Co. Ltd.\" and \"Dalian Bright Trading Co., Ltd.\", and Kai Tang with similar offenses.</p>",
             title="Chinese Companies and Employees Charged")
    got = {n: (d["action"], d["is_company"]) for n, d in rows(ex).items()}
    assert got == {"Qilu Bright Technology Co. (Qilu), Ltd.": ("charged", 1),
                   "Weifang Hengda New Material Technology Co.": ("charged", 1),
                   "Hao Sun": ("charged", 0), "Lixia Peng": ("charged", 0), "Jun Ma": ("charged", 0),
                   "Bo Ren": ("charged", 0), "Dalian Forward Trade Co., Ltd": ("charged", 1), "Kai Tang": ("charged", 0)}
    assert rows(ex)["Dalian Forward Trade Co., Ltd"]["aka"] == "Dalian Fortune Trading Co. Ltd.; Dalian Bright Trading Co., Ltd."


def test_companies_listed_with_and_are_two_companies():
    ex = run("<p>Indictments were unsealed today charging India-based companies Sarvam Chemicals and Veda Chemicals"
             " Pvt. Ltd. (Veda Chemicals) and Anil Desai, a founder of Sarvam Chemicals, with conspiring to import"
             " fentanyl precursors. Desai was arrested on Jan. 4.</p>", title="Indian Companies Indicted")
    got = {n: (d["action"], d["is_company"]) for n, d in rows(ex).items()}
    assert got == {"Sarvam Chemicals": ("charged", 1), "Veda Chemicals Pvt. Ltd.": ("charged", 1),
                   "Anil Desai": ("arrested", 0)}
    assert rows(ex)["Veda Chemicals Pvt. Ltd."]["aka"] == "Veda Chemicals"


def test_a_bulleted_list_without_verbs_takes_the_stage_of_its_introduction():
    ex = run("<p>The following defendants were sentenced today:</p><ul><li>Jasper Lund, 24, of Toledo, 87 months in"
             " prison;</li><li>Mira Castellanos, 31, of Toledo, 60 months in prison; and</li><li>Theo Baptiste, 29,"
             " of Sylvania, 46 months in prison.</li></ul>", title="Three Sentenced in Fentanyl Ring")
    got = {n: (d["action"], d["age"], d["sentence_months"]) for n, d in rows(ex).items()}
    assert got == {"Jasper Lund": ("sentenced", 24, 87), "Mira Castellanos": ("sentenced", 31, 60),
                   "Theo Baptiste": ("sentenced", 29, 46)}


# -- ages in every form ------------------------------------------------------------------------------
def test_ages_in_every_form():
    ex = run("<p>Nadia Frost, age 26, of Kent, Ilan Becker, 25, of Kent, a 27-year-old Ravenna man, Cyrus Vale,"
             " and Jorge Ibarra Soto, aka Jorge Soto, 44, of Kent, were charged with conspiracy to distribute"
             " fentanyl. 31-year-old Kent resident Dana Pruitt was also charged.</p>", title="Five Charged")
    got = {n: d["age"] for n, d in rows(ex).items()}
    assert got == {"Nadia Frost": 26, "Ilan Becker": 25, "Cyrus Vale": 27, "Jorge Ibarra Soto": 44, "Dana Pruitt": 31}


def test_age_in_parentheses_with_the_town():
    ex = run("<p>Sentenced were Abel Morrow (30, Sarasota), to 100 months in prison.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"]) == ("Abel Morrow", 30)


# -- not people --------------------------------------------------------------------------------------
def test_organisations_places_and_counts_are_not_people():
    ex = run("<p>One Dayton case involved Samir Holt, 30, who was sentenced to 60 months.</p><p>Holt had been"
             " serving a state sentence at SCI Birch Hollow when he was charged. The Riverside Drug Free Coalition"
             " was charged with nothing and thanked investigators. Four Syracuse men were indicted.</p>",
             title="Dayton Cases Announced")
    assert list(rows(ex)) == ["Samir Holt"]


def test_a_job_title_glued_to_a_name_is_dropped():
    ex = run("<p>Regional Sales Directors Marisol Keene and Dean Holloway were convicted by a jury of racketeering"
             " conspiracy in connection with the marketing of a fentanyl spray.</p>", title="Executives Convicted")
    got = {n: d["action"] for n, d in rows(ex).items()}
    assert got == {"Marisol Keene": "convicted", "Dean Holloway": "convicted"}


def test_a_company_is_a_defendant_only_when_it_is_charged():
    ex = run("<p>Oren Blake, 39, of Austin, was sentenced to 80 months. Blake shipped the pills through Quickline"
             " Logistics LLC, a Nevada-based shipping company, and paid Bluepeak Pharmacy Inc. for blank"
             " labels.</p>")
    assert list(rows(ex)) == ["Oren Blake"]
    ex = run("<p>Quickline Logistics LLC, a Nevada-based shipping company, pleaded guilty today to conspiracy to"
             " distribute fentanyl analogues.</p>", title="Shipping Company Pleads Guilty")
    assert {n: (d["action"], d["is_company"]) for n, d in rows(ex).items()} == {
        "Quickline Logistics LLC": ("pleaded_guilty", 1)}


def test_officials_listed_never_become_defendants():
    ex = run("<p>Following an initial appearance before U.S. Magistrate Judge Ada Ruiz, Kane Ortega was detained."
             " Kane Ortega, 44, was charged with conspiracy. Assistant U.S. Attorneys Lyle Fenn, Rosa Kim and"
             " Tobias Ward are prosecuting the case.</p>", title="Man Charged")
    assert list(rows(ex)) == ["Kane Ortega"]


def test_terms_statutes_and_organisation_names_are_not_people():
    ex = run("<p>Kiran Holt, 33, of Elyria, pleaded guilty to possessing a controlled substance and to money"
             " laundering. Money Laundering was charged under the Clean Air Act, and a Bankruptcy Trustee was arrested"
             " by nobody. Holt was a member of the Elm Court/Lakeview Terrace Crips. Former Elyria resident Dane"
             " Morrow was also charged.</p>", title="Elyria Man Pleads Guilty")
    assert sorted(rows(ex)) == ["Dane Morrow", "Kiran Holt"]


def test_company_names_without_datelines_descriptions_or_their_neighbours():
    ex = run("<p>WASHINGTON Kestrel Freight Co. Ltd. pleaded guilty today. Tokyo-based Himura Corporation also"
             " pleaded guilty. Earlier, Fujiwa Ltd. and Norland Inc. were sentenced to pay fines for distributing"
             " fentanyl analogues.</p>", title="Companies Plead Guilty")
    assert sorted(rows(ex)) == ["Fujiwa Ltd.", "Himura Corporation", "Kestrel Freight Co. Ltd.", "Norland Inc."]


def test_capitals_with_particles_and_later_references_in_title_case():
    ex = run("<p>RAMON DE LA VEGA, 52, of Toledo, was indicted today. De La Vega was arrested on Friday.</p>"
             "<p>A criminal complaint charges ODELL FINCH (\"FINCH\"), age 31. Finch pleaded guilty on Monday.</p>",
             title="Two Charged")
    got = {n: (d["age"], d["action"]) for n, d in rows(ex).items()}
    assert got == {"RAMON DE LA VEGA": (52, "arrested"), "ODELL FINCH": (31, "pleaded_guilty")}


def test_age_alone_in_parentheses():
    ex = run("<p>Tomas Brevik (34) of Lorain was sentenced to 41 months for distributing fentanyl.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["sentence_months"]) == ("Tomas Brevik", 34, 41)
