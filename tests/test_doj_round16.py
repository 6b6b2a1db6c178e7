"""DOJ prose, round 16 (invented releases in the shape of real ones): names written surname first in
a table, ages in words, 'changed her plea to guilty', terms in days, and a fugitive labelled a
defendant at the head of the sentence."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.headers import inverted_names
from scrapers.sources.doj.htmltext import html_to_blocks
from scrapers.sources.doj.terms import sentence_months


def rows(body: str, title: str = "Fentanyl case") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), ["USAO - Georgia, Southern"],
                 "https://www.justice.gov/usao-sdga/pr/x", "2025-03-06")
    return {d["name"]: (d["action"], d["sentence_months"], d["age"]) for d in ex.defendants}


TABLE = ("<p>SAVANNAH, GA: Four people are charged in an indictment unsealed this week that accuses them of"
         " distributing fentanyl in Camden County.</p><p>Charged in the indictment are:</p><table>"
         "<tr><th>Defendant</th><th>Age</th><th>Residence</th><th>Status</th></tr>"
         "<tr><td>HOLLOWAY, Desmond Ray</td><td>36</td><td>Kingsland</td><td>Arrested</td></tr>"
         "<tr><td>Pruneda, Ofelia</td><td>51</td><td>Folkston</td><td>Arrested</td></tr>"
         "<tr><td>McALLISTER-BYRD, Tamika</td><td>29</td><td>St. Marys</td><td>Arrested (Middle District of"
         " Florida)</td></tr>"
         "<tr><td>WEATHERS, Lonnie Earl, Jr.</td><td>44</td><td>Woodbine</td><td>Fugitive</td></tr></table>"
         "<p>Weathers remains a fugitive. An indictment contains only allegations.</p>")


def test_a_tables_names_written_surname_first_are_its_defendants_in_the_usual_order():
    assert rows(TABLE, "Four Charged in Camden County Fentanyl Indictment") == {
        "Desmond Ray HOLLOWAY": ("arrested", None, 36), "Ofelia Pruneda": ("arrested", None, 51),
        "Tamika McALLISTER-BYRD": ("arrested", None, 29), "Lonnie Earl WEATHERS Jr.": ("charged", None, 44)}


def test_surname_first_only_in_a_name_column_or_with_capitals_and_an_age():
    # the name column by its header; a town column ('Kingsland, Georgia') is never a name
    text = "Defendant | Hometown\nRoe, Jane | Kingsland, Georgia\nGrant, Ulysses | Macon, Georgia"
    assert [n for _, _, n in inverted_names(text)] == ["Jane Roe", "Ulysses Grant"]
    # a line opening with the surname in capitals and an age after the name
    text = "The defendants are:\nHOLLOWAY, Desmond Ray, 36, of Kingsland;\nSAVANNAH, Georgia – more"
    got = inverted_names(text)
    assert [n for _, _, n in got] == ["Desmond Ray HOLLOWAY"]
    assert text[got[0][0]:got[0][1]] == "HOLLOWAY, Desmond Ray"
    # a dateline, a name in the usual order, prose: none
    assert inverted_names("SAVANNAH, Georgia – Jane Roe, 34, of Brunswick, was sentenced.") == []
    assert inverted_names("Name | Age\nJane Roe | 34\nRoe, Jr. | 40") == []


def test_an_age_in_words_before_or_after_the_name():
    got = rows("<p>URBANA, Ill. – Twenty-eight-year-old Jamal Oren Pike, of Danville, Illinois, was sentenced on"
               " August 9, 2022, to 10 years in federal prison for conspiracy to distribute fentanyl.</p>"
               "<p>Pike’s co-defendant, Bettina Rae Swales, age thirty-one, of Champaign, was sentenced the same day"
               " to time served.</p>", "Danville Man Sentenced to 10 Years")
    assert got == {"Jamal Oren Pike": ("sentenced", 120.0, 28), "Bettina Rae Swales": ("sentenced", 0.0, 31)}


def test_changed_her_plea_to_guilty_is_a_plea_and_a_change_to_come_is_not():
    lead = ("<p>CHARLOTTE – A federal jury convicted Dion Whitcomb, 31, of Gastonia, of possessing fentanyl with"
            " intent to distribute.</p>")
    got = rows(lead + "<p>Whitcomb’s co-defendant, Keira Lynn Bostick, 27, of Belmont, who rented the car, changed"
               " her plea to guilty in December 2023 and is awaiting sentencing.</p>", "Gastonia Man Convicted")
    assert got["Keira Lynn Bostick"][0] == "pleaded_guilty"
    got = rows(lead + "<p>Co-defendant Keira Lynn Bostick, 27, is expected to change her plea to guilty next month.</p>",
               "Gastonia Man Convicted")
    assert got["Keira Lynn Bostick"][0] == "charged"


def test_a_term_in_days_after_its_lead_in():
    assert sentence_months("was sentenced yesterday to 366 days in prison") == (12.02, "366 days in prison")
    assert sentence_months("sentenced to 180 days of home confinement") == (None, "180 days of home confinement")
    # days elsewhere in the clause are no term
    assert sentence_months("sentenced to 10 years in prison and must surrender within 30 days")[0] == 120.0


def test_a_fugitive_in_apposition_to_a_defendant_heading_the_sentence():
    body = ("<p>HOUSTON – Qiu Wenhao, 37, a sales manager of a Chinese chemical company, was sentenced to 25 years in"
            " prison for importing fentanyl precursors.</p><p>A third defendant charged in the same indictment, the"
            " company’s vice president, Deng Lirong, remains at large in China.</p>")
    got = rows(body, "Sales Manager Sentenced")
    assert got["Deng Lirong"][0] == "charged"
    # a fugitive named in passing, with no defendant label, stays out
    body = body.replace("A third defendant charged in the same indictment, the", "The")
    assert "Deng Lirong" not in rows(body, "Sales Manager Sentenced")


# -- the seventeenth set: large indictments, Main Justice releases -------------------------------------------
def test_a_counted_custody_with_the_one_not_located_named_after_the_list():
    names = ["Darnell Ray Pickett", "Lionel Earl Pickett", "Antonio Lamar Bess", "Kiana Rose Deese",
             "Roland Pierre Fontaine"]
    items = "".join(f"<p>{n}, {30 + i}, of Prichard</p>" for i, n in enumerate(names))
    got = rows("<p>MOBILE, Ala. – Five people have been charged in a federal indictment unsealed today with conspiring"
               " to distribute fentanyl. Four of the defendants are in custody following arrests Thursday morning.</p>"
               "<p>The defendants are:</p>" + items +
               "<p>Fontaine, who allegedly supplied the group from Louisiana, was not located and remains a fugitive.</p>",
               "Five Charged in Mobile-Area Fentanyl Investigation")
    assert {n: a for n, (a, _, _) in got.items()} == {
        n: "charged" if n == "Roland Pierre Fontaine" else "arrested" for n in names}


def test_a_bare_count_arrested_and_the_two_out_of_reach():
    got = rows("<p>Spokane – A federal grand jury has returned an indictment charging four people with conspiracy to"
               " distribute fentanyl. Two of them were arrested on Tuesday.</p><p>The indictment charges Aldo Rentería"
               " Cota, 41, of Pasco; Brandi Lynn Tohee, 33, of Wapato; Ramiro Iván Lugo Sáenz, 35, of Culiacán,"
               " Sinaloa, Mexico; and Colt Ray Spurlock, 26, of Cheney.</p><p>Lugo Sáenz, the organization’s alleged"
               " source of supply, is believed to be in Mexico. Spurlock was not located on Tuesday and remains at"
               " large.</p>", "Four Indicted")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Aldo Rentería Cota": "arrested", "Brandi Lynn Tohee": "arrested", "Ramiro Iván Lugo Sáenz": "charged",
        "Colt Ray Spurlock": "charged"}


def test_a_superseding_indictments_companies_and_staff_with_their_roles():
    got = rows("<p>A federal grand jury in Houston returned a superseding indictment charging two China-based chemical"
               " companies and three of their employees.</p><p>The superseding indictment charges Hubei Ruolan New"
               " Material Co., Ltd. (Ruolan), a chemical manufacturer based in Wuhan, and its export affiliate, Nanning"
               " Ruolan Trading Company Limited, together with Ruolan’s sales manager, Tan Weiming, 37; its export"
               " director, Jiahui Bao, 44; and a sales representative, Ouyang Lifen, 29.</p><p>Weiming Tan, who is"
               " named in the indictment as Tan Weiming, was arrested on July 9 in Honolulu.</p>",
               "Two China-Based Chemical Companies and Three Employees Charged")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Hubei Ruolan New Material Co., Ltd.": "charged", "Nanning Ruolan Trading Company Limited": "charged",
        "Tan Weiming": "arrested", "Jiahui Bao": "charged", "Ouyang Lifen": "charged"}


def test_concurrent_terms_and_a_possessive_appositive_in_a_list():
    got = rows("<p>SYRACUSE – Delmar Q. Shelton, 26, of Syracuse, received concurrent terms of 57 months on each of"
               " three fentanyl distribution counts. Judge Ortiz sentenced Jonah Wade Coyle, 29, of Clinton, to"
               " concurrent terms of 188 months on the conspiracy count and 120 months on a distribution count.</p>"
               "<p>Two co-defendants, Yadira Zamora-Castillo, 34, Efraín’s sister, and Terrence O. Hagen, 41, of Allen,"
               " pleaded guilty before trial.</p>", "Four Sentenced")
    assert got["Delmar Q. Shelton"][:2] == ("sentenced", 57.0)
    assert got["Jonah Wade Coyle"][:2] == ("sentenced", 188.0)
    assert got["Yadira Zamora-Castillo"][0] == got["Terrence O. Hagen"][0] == "pleaded_guilty"


def test_in_custody_is_an_arrest_unless_serving_another_cases_sentence():
    lead = "<p>LOS ANGELES – A federal grand jury indicted two men on fentanyl charges.</p>"
    got = rows(lead + "<p>The indictment charges Omar Ruiz Tello, 44, of Pacoima, who is in custody, and Trinidad"
               " Esparza Lugo, 51, of San Fernando, who is in federal custody serving a sentence imposed in an earlier"
               " drug case.</p>", "Two Indicted")
    assert {n: a for n, (a, _, _) in got.items()} == {"Omar Ruiz Tello": "arrested", "Trinidad Esparza Lugo": "charged"}


def test_a_sales_representative_is_no_official():
    from scrapers.sources.doj.officials import official_left
    assert not official_left("; and a sales representative, ")
    assert official_left("said U.S. Representative ")


def test_a_second_object_with_its_town_and_its_own_term():
    got = rows("<p>OKLAHOMA CITY – Two defendants have been sentenced.</p><p>The judge sentenced Kimberly Rae Old Bull,"
               " 34, of Weatherford, to 5 years and 10 months in federal prison, and Travis Lee Yellowhorse, 31, of"
               " Concho, to 46 months, to run concurrently with a sentence imposed by a tribal court.</p>", "Two Sentenced")
    assert got == {"Kimberly Rae Old Bull": ("sentenced", 70.0, 34), "Travis Lee Yellowhorse": ("sentenced", 46.0, 31)}


def test_the_defendants_who_pleaded_are_the_ones_listed_and_a_fugitive_with_a_long_appositive():
    got = rows("<p>SAVANNAH, GA: Three defendants have pleaded guilty in a money laundering conspiracy.</p><p>The"
               " defendants who have pleaded guilty before U.S. District Judge Lysander P. Moultrie are: Tyrell D."
               " Gaddis, 28, of Pooler; Zhou Liqun, 46, of Atlanta; and Meiling Chao, 39, of Duluth.</p><p>A fourth"
               " defendant, Xu Jianmin, a Chinese national who allegedly directed the money laundering from Guangzhou,"
               " remains a fugitive.</p>", "Three Plead Guilty")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Tyrell D. Gaddis": "pleaded_guilty", "Zhou Liqun": "pleaded_guilty", "Meiling Chao": "pleaded_guilty",
        "Xu Jianmin": "charged"}
