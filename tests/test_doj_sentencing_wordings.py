"""Sentencings as U.S. Attorneys' Offices write them (invented names and sentences imitating their
structure): a lead that describes the defendant and names him later, the Texas 'ordered him to
serve', the judge as subject, several people sentenced in one sentence or list, years and months."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks
from scrapers.sources.doj.terms import LENGTH, sentence_months


def run(body: str, title: str = "Man Sentenced for Fentanyl Trafficking", published="2024-05-01"):
    return extract("doj:test", title, html_to_blocks(body), ["USAO - Kansas"], "https://www.justice.gov/usao-ks/pr/x",
                   published)


def got(ex) -> dict:
    return {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants}


# -- the lead describes the defendant; the name comes in a later sentence --------------------------
def test_a_lead_sentencing_belongs_to_the_person_named_next_not_to_the_co_defendants():
    ex = run("<p>TOPEKA, KAN. – A Topeka man was sentenced Tuesday to 70 months in federal prison for selling"
             " fentanyl pills.</p><p>According to court documents, Dmitri V. Halloran, 27, of Topeka, pleaded guilty to"
             " conspiracy to distribute fentanyl.</p><p>Co-defendants Rhea Sandoval, 22, and Otis Brandt, 25, both of"
             " Topeka, previously pleaded guilty and are awaiting sentencing.</p>")
    assert got(ex) == {"Dmitri V. Halloran": ("sentenced", 70), "Rhea Sandoval": ("pleaded_guilty", None),
                       "Otis Brandt": ("pleaded_guilty", None)}


def test_the_lead_age_goes_to_the_person_it_describes():
    ex = run("<p>Tacoma – A 24-year-old Lakewood man was sentenced today to six years in prison for distributing"
             " fentanyl pills, announced U.S. Attorney Nora Quill. Brendan Ray Fosse pleaded guilty in March to"
             " distribution of fentanyl.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"], d["sentence_months"]) == ("Brendan Ray Fosse", 24, "sentenced", 72)


def test_ordered_to_federal_prison_then_ordered_him_to_serve():
    ex = run("<p>HOUSTON – A 41-year-old Pasadena resident has been ordered to federal prison following his conviction"
             " for possession with intent to distribute fentanyl, announced U.S. Attorney Carl Mott.</p>"
             "<p>Elton Ray Vickery pleaded guilty Jan. 9, 2023.</p><p>Today, U.S. District Judge Priya Hale ordered him"
             " to serve 188 months in federal prison to be immediately followed by five years of supervised"
             " release.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"], d["sentence_months"]) == ("Elton Ray Vickery", 41, "sentenced", 188)


def test_ordered_the_named_defendant_to_serve():
    ex = run("<p>Marisol Ybarra-Leal pleaded guilty Dec. 1, 2023.</p><p>U.S. District Judge Tomas Reyes has now"
             " ordered Ybarra-Leal to serve 63 months in federal prison.</p>")
    assert got(ex) == {"Marisol Ybarra-Leal": ("sentenced", 63)}


def test_received_a_sentence_of():
    ex = run("<p>RALEIGH – A Durham man received a sentence of 97 months in federal prison yesterday for distribution"
             " of fentanyl. On May 2, 2023, Pierre-Louis Drummond, 33, entered a plea of guilty to the charge.</p>")
    assert got(ex) == {"Pierre-Louis Drummond": ("sentenced", 97)}


def test_imposed_the_sentence_on_the_person_the_lead_describes():
    ex = run("<p>A resident of Tucson, Arizona, was sentenced in federal court to 180 months in prison on his"
             " convictions of conspiracy to distribute fentanyl.</p><p>Senior United States District Judge Ann Ruiz"
             " imposed the sentence on Gilberto Pardo, on May 8, 2024. Pardo was one of 12 defendants charged.</p>")
    assert got(ex) == {"Gilberto Pardo": ("sentenced", 180)}


def test_a_lead_gives_no_row_to_a_name_nothing_else_makes_a_defendant():
    ex = run("<p>A Wichita woman was sentenced today to 30 months in prison for distributing fentanyl.</p>"
             "<p>The case was investigated by the Wichita Police Department with help from Harold Quince of the"
             " Sedgwick County Crime Lab.</p>")
    assert ex.defendants == []


def test_a_lead_skips_a_named_fugitive():
    ex = run("<p>A former plant manager was sentenced today to serve two years in prison for his part in the"
             " scheme.</p><p>Indicted fugitive Karl Vogner, a German national, remains at large.</p><p>Rolf Steiner,"
             " 58, of Hamburg, pleaded guilty in March.</p>")
    assert got(ex).get("Karl Vogner", ("other",))[0] != "sentenced"


def test_the_judge_as_subject_with_the_age_before_the_name():
    ex = run("<p>EL PASO – A federal judge in El Paso sentenced 29-year-old Rubén Ortega-Saenz yesterday to 120 months"
             " in federal prison for importing fentanyl.</p>")
    (d,) = ex.defendants
    assert (d["name"], d["age"], d["action"], d["sentence_months"]) == ("Rubén Ortega-Saenz", 29, "sentenced", 120)


# -- several people in one sentence or list --------------------------------------------------------
def test_a_semicolon_list_of_terms_without_verbs():
    ex = run("<p>Three people were sentenced this week in Anchorage.</p><p>Corbin Vale, 44, of Fresno, California, was"
             " sentenced to 144 months in prison; Lena Okafor, 31, of Anchorage, to 60 months; and Drew Pell, 27, of"
             " Wasilla, to 37 months in prison.</p>")
    assert got(ex) == {"Corbin Vale": ("sentenced", 144), "Lena Okafor": ("sentenced", 60),
                       "Drew Pell": ("sentenced", 37)}


def test_a_colon_list_inside_a_sentence():
    ex = run("<p>Hector Ruiz Paredes, 39, of Lowell, was sentenced to 168 months in prison. Three co-conspirators have"
             " been sentenced: Yanira Colón, 31, to 87 months in prison; Felipe Mateo Abreu, 27, to 57 months; and"
             " Iris Benoit, 25, to 36 months.</p>")
    assert got(ex) == {"Hector Ruiz Paredes": ("sentenced", 168), "Yanira Colón": ("sentenced", 87),
                       "Felipe Mateo Abreu": ("sentenced", 57), "Iris Benoit": ("sentenced", 36)}


def test_as_follows_bullets_each_with_its_own_term():
    ex = run("<p>The defendants were sentenced by U.S. District Judge Amy Lind as follows:</p>"
             "<ul><li>Tobias Renner, 25, sentenced to 210 months in federal prison</li>"
             "<li>Gwen Aldous, 23, sentenced to 48 months in federal prison</li></ul>")
    assert got(ex) == {"Tobias Renner": ("sentenced", 210), "Gwen Aldous": ("sentenced", 48)}


def test_sentenced_a_to_one_term_and_b_to_another():
    ex = run("<p>Judge Lara Finch sentenced Omar Tillis, 30, to 87 months and Reid Causey, 28, to 60 months for"
             " distributing fentanyl.</p>")
    assert got(ex) == {"Omar Tillis": ("sentenced", 87), "Reid Causey": ("sentenced", 60)}


def test_respectively_pairs_the_terms_with_his_girlfriend_between_the_names():
    ex = run("<p>Jorge Ibarra, 29, and his girlfriend, Dana Wilcox, 27, both of Fresno, were sentenced today to 10"
             " years and 4 years in prison, respectively.</p>", title="Two Fresno Residents Sentenced")
    assert got(ex) == {"Jorge Ibarra": ("sentenced", 120), "Dana Wilcox": ("sentenced", 48)}


def test_respectively_with_months_is_two_terms_not_one_sum():
    ex = run("<p>Ray Dunmore, 24, and Cole Pratt, 26, were sentenced on Dec. 2 to 300 months and 285 months in prison,"
             " respectively.</p>", title="Two Sentenced")
    assert got(ex) == {"Ray Dunmore": ("sentenced", 300), "Cole Pratt": ("sentenced", 285)}


def test_a_life_sentence_is_not_replaced_by_a_concurrent_term():
    ex = run("<p>Aaron Pleck, 36, was sentenced to life in prison. The judge also sentenced him to 30 years in prison"
             " to be served concurrently.</p>", title="Man Sentenced to Life")
    (d,) = ex.defendants
    assert (d["sentence_months"], d["sentence_text"]) == (None, "life in prison")


# -- years and months --------------------------------------------------------------------------------
def test_years_and_months_add_up():
    assert sentence_months("to 17 years, 6 months in federal prison")[0] == 210
    assert sentence_months("today to 11 years and three months in prison")[0] == 135
    assert sentence_months("to 12 years, 7 months")[0] == 151
    assert sentence_months("to one year and a day")[0] == 12.03
    assert sentence_months("a sentence of 97 months in federal prison")[0] == 97
    assert sentence_months("to 5 years of probation") == (0.0, "5 years of probation (no prison)")   # (a company: None, recording.py)
    assert sentence_months("to 60 months, 3 years of supervised release")[0] == 60


def test_a_list_of_month_terms_is_not_read_as_one_term():
    assert [m.group(0) for m in LENGTH.finditer("to 54 months, 70 months and 57 months")] == \
        ["54 months", "70 months", "57 months"]


def test_years_and_months_in_a_lead_sentence():
    ex = run("<p>LAS VEGAS – A Henderson man was sentenced today to 11 years and three months in prison for possessing"
             " fentanyl pills with intent to distribute.</p><p>Travis Keene (34) pleaded guilty in May 2023.</p>")
    assert got(ex) == {"Travis Keene": ("sentenced", 135)}
