"""DOJ extraction: later references to names written surname first, arrest lists joined by
semicolons, judges sentencing 'the defendants as follows:' and one person's terms per count.
Invented releases, each imitating a wording USAO releases use."""
from __future__ import annotations

from dojfix import defendants

STAGE_AGE_TERM = ("action", "age", "sentence_months")


def test_capitals_names_written_surname_first_are_named_again_by_their_surname():
    body = ("<p>NEW YORK – The U.S. Attorney announced the unsealing of an Indictment charging ZHAO PENG, 41, and "
            "SUN LIHUA, 36, both Chinese nationals, with conspiring to import fentanyl precursor chemicals. ZHAO and "
            "SUN were arrested on March 3, 2024, in Guam.</p>")
    got = defendants(body, "Two nationals arrested and charged with selling fentanyl precursors")
    assert got == {"ZHAO PENG": ("arrested", 41), "SUN LIHUA": ("arrested", 36)}


def test_a_surname_first_name_in_a_list_of_references_with_western_names():
    body = ("<p>LOS ANGELES – A 14-count indictment charges Zhao Wei Peng, 47, of Alhambra; Tom Hsu, 38, of Arcadia; "
            "and Rita Mondragon, 41, of Whittier, with conspiracy to launder monetary instruments. Zhao, Hsu and "
            "Mondragon were arrested Tuesday morning.</p>")
    got = defendants(body, "Money laundering network members charged with laundering fentanyl proceeds")
    assert got == {"Zhao Wei Peng": ("arrested", 47), "Tom Hsu": ("arrested", 38), "Rita Mondragon": ("arrested", 41)}


def test_a_first_name_of_a_western_name_is_not_a_reference():
    body = ("<p>NEW YORK – An Indictment charges WALTER PIKE, 41, and KOVAC LIHUA, 36, with conspiring to distribute "
            "fentanyl. WALTER and KOVAC were arrested on March 3, 2024.</p>")
    got = defendants(body, "Two men charged with distributing fentanyl")
    assert got == {"WALTER PIKE": ("charged", 41), "KOVAC LIHUA": ("charged", 36)}


def test_agents_arrested_a_list_joined_by_semicolons_each_one_arrested():
    body = ("<p>SAN FRANCISCO – Six defendants have been charged with selling fentanyl in the Mission District.</p>"
            "<p>Since March 2023, federal agents arrested Tomas Reyna-Oliva, 24; Hector Baltazar Ruiz, 31; and Ismael "
            "Cortez Peña, 19, after each was observed selling fentanyl near 16th Street.</p>"
            "<p>Also charged are Raul Vidal, 40, Elias Montano, 22, and Jairo Pinto, 35.</p>")
    got = defendants(body, "Six defendants charged in federal court for Mission District fentanyl sales")
    assert got == {"Tomas Reyna-Oliva": ("arrested", 24), "Hector Baltazar Ruiz": ("arrested", 31),
                   "Ismael Cortez Peña": ("arrested", 19), "Raul Vidal": ("charged", 40),
                   "Elias Montano": ("charged", 22), "Jairo Pinto": ("charged", 35)}


def test_the_judge_sentenced_the_defendants_as_follows_each_line_its_own_term():
    lines = ["Aldo Brennan Vickers, 39, of Toledo, to 25 years in prison;",
             "Nadia Rose Pettibone, 33, of Toledo, to 7 years and 3 months in prison;",
             "Colm J. Ashdown, 28, of Maumee, to 135 months in prison; and",
             "Tobias Wren, 30, of Toledo, to time served, followed by three years of supervised release."]
    intro = ("<p>TOLEDO, Ohio – Four defendants were sentenced this week in federal court for their roles in a ring "
             "that distributed fentanyl.</p><p>U.S. District Judge Mara Quist sentenced the defendants as follows:</p>")
    want = {"Aldo Brennan Vickers": ("sentenced", 39, 300.0), "Nadia Rose Pettibone": ("sentenced", 33, 87.0),
            "Colm J. Ashdown": ("sentenced", 28, 135.0), "Tobias Wren": ("sentenced", 30, 0.0)}
    title = "Four Toledo defendants sentenced for fentanyl trafficking ring"
    as_paragraphs = intro + "".join(f"<p>{line}</p>" for line in lines)
    as_bullets = intro + "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"
    assert defendants(as_paragraphs, title, fields=STAGE_AGE_TERM) == want
    assert defendants(as_bullets, title, fields=STAGE_AGE_TERM) == want


def test_one_persons_terms_per_count_do_not_replace_the_total_the_lead_states():
    body = ("<p>RALEIGH – A Garner man was sentenced today to a total of 180 months in prison for possession with "
            "intent to distribute fentanyl.</p><p>On March 9, 2021, Dorian Lee Pascoe, 29, pleaded guilty to both "
            "charges. U.S. District Judge Ann Whitby sentenced Pascoe to 120 months on the drug count and 60 months "
            "on the firearm count, to be served consecutively.</p>")
    got = defendants(body, "Garner man sentenced to 15 years on fentanyl and gun charges", fields=STAGE_AGE_TERM)
    assert got == {"Dorian Lee Pascoe": ("sentenced", 29, 180.0)}


def test_two_people_sentenced_in_one_sentence_still_get_their_own_terms():
    body = ("<p>DAYTON – Both men were sentenced today: Marlon Teague, 44, to 240 months and Curtis Bale, 37, to 100 "
            "months in prison for trafficking fentanyl.</p>")
    got = defendants(body, "Two Dayton men sentenced for fentanyl trafficking", fields=STAGE_AGE_TERM)
    assert got == {"Marlon Teague": ("sentenced", 44, 240.0), "Curtis Bale": ("sentenced", 37, 100.0)}


def test_names_in_capitals_read_as_the_subjects_of_a_verb_without_an_age():
    body = ("<p>NEW YORK – The U.S. Attorney announced that JOSE ANTONIO LUGO, a/k/a “Gordo,” and RAMON ESTRADA-PEÑA "
            "were sentenced today to 135 months and 108 months in prison, respectively, for conspiring to distribute "
            "fentanyl.</p>")
    assert defendants(body, "Two Bronx men sentenced for trafficking fentanyl", fields=STAGE_AGE_TERM) == {
        "JOSE ANTONIO LUGO": ("sentenced", None, 135.0), "RAMON ESTRADA-PEÑA": ("sentenced", None, 108.0)}
    plain = body.replace(", a/k/a “Gordo,”", "")
    assert defendants(plain, "Two Bronx men sentenced for trafficking fentanyl", fields=STAGE_AGE_TERM) == {
        "JOSE ANTONIO LUGO": ("sentenced", None, 135.0), "RAMON ESTRADA-PEÑA": ("sentenced", None, 108.0)}


def test_capitals_without_a_verb_or_an_age_and_abbreviations_stay_unread():
    body = ("<p>NEW YORK – The FBI announced the arrest of IAT LORNE and the unsealing of an indictment charging "
            "LORNE, BO TANNER, and CHIN HALE (the Defendants) with securities fraud.</p>"
            "<p>BNPP USA pleaded guilty to a fentanyl-related conspiracy.</p>")
    got = defendants(body, "Three charged in fentanyl proceeds fraud")
    assert "BNPP USA" not in got and "BO TANNER" not in got


def test_a_date_written_right_after_a_name_is_not_part_of_it():
    body = ("<p>HOUSTON – A 45-year-old Baytown man has been ordered to federal prison following his conviction for "
            "possession with intent to distribute fentanyl.</p><p>A federal jury deliberated for less than two hours "
            "before convicting Ramiro Solis-Becerra Oct. 12, 2023, following a three-day trial.</p><p>Today, U.S. "
            "District Judge Ann Pike ordered him to serve 235 months in federal prison.</p>")
    got = defendants(body, "Baytown man ordered to federal prison for fentanyl pills", fields=STAGE_AGE_TERM)
    assert got == {"Ramiro Solis-Becerra": ("sentenced", 45, 235.0)}


def test_a_company_charged_after_people_sharing_a_descriptor():
    body = ("<p>NEW YORK – The U.S. Attorney announced the unsealing of an Indictment charging ZHAO PENG, 39, and SUN "
            "LIHUA, 34, both Chinese nationals, and Hubei Ruixin Biochem Co., Ltd. (“Ruixin”), a China-based chemical "
            "company, with conspiring to import fentanyl precursor chemicals.</p>")
    got = defendants(body, "Two Chinese nationals and a company charged with selling fentanyl precursors")
    assert got == {"ZHAO PENG": ("charged", 39), "SUN LIHUA": ("charged", 34),
                   "Hubei Ruixin Biochem Co., Ltd.": ("charged", None)}
