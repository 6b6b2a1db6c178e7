"""Round 31 (invented fixtures in the shape of real releases; each failed before its rule): terms in the
less common house styles -- the inverted lead ('Sentenced to 97 months … was X'; a long one, 'Sentenced
today in the District Court for the … Islands was X'), 'imposing a 12-year prison sentence' after the
name, 'who received a year and a day'; a man an officer found not breathing is no defendant; 'A, of
Town, State, Country, and B … entered their guilty pleas' is both."""
from __future__ import annotations

from test_doj_round16 import rows


def test_terms_of_inverted_leads_and_of_clauses_after_the_name():
    got = rows("<p>OXFORD, Miss. – Sentenced to 97 months in federal prison on Tuesday was Darnell Roy Sykes, 30, of"
               " Tupelo, for possessing fentanyl.</p>", "Tupelo Man Sentenced")
    assert got == {"Darnell Roy Sykes": ("sentenced", 97.0, 30)}
    got = rows("<p>SACRAMENTO – Sentenced today to seven years and three months in prison was Boyd Allen Crane, 36, of"
               " Lodi, who sold counterfeit pills.</p>", "Lodi Man Sentenced")
    assert got == {"Boyd Allen Crane": ("sentenced", 87.0, 36)}
    got = rows("<p>HAGATNA – Sentenced today in the District Court of Guam for the Territory and the Islands was"
               " Kobe Anthony Quitugua, age 29, of Dededo, who received a year and a day in federal prison for"
               " attempting to possess fentanyl.</p>", "Dededo Man Sentenced")
    assert got["Kobe Anthony Quitugua"][0] == "sentenced" and abs(got["Kobe Anthony Quitugua"][1] - 12) < 0.5
    got = rows("<p>U.S. District Judge Ona Reyes sentenced Marcus Dell Pruitt, 31, on Wednesday, imposing a 12-year"
               " prison sentence to be followed by three years of supervised release.</p>", "Man Sentenced")
    assert got == {"Marcus Dell Pruitt": ("sentenced", 144.0, 31)}


def test_a_man_found_not_breathing_is_no_defendant():
    got = rows("<p>Officer Lena Ruiz found Colton Ray Birch, 27, of Independence, on the restroom floor, not breathing."
               " She gave Birch two doses of naloxone. Agents later arrested Jared Lee Pike, 33, who sold Birch the"
               " pills.</p>", "Officer Honored")
    assert got == {"Jared Lee Pike": ("arrested", None, 33)}


def test_two_named_with_town_state_and_country_entered_their_guilty_pleas():
    got = rows("<p>Ramiro Ivan Lugo Sosa, 34, of Reynosa, Tamaulipas, Mexico, and Kyle James Ochoa, 23, of Mission,"
               " entered their guilty pleas on Tuesday. Agents arrested Ochoa at a warehouse later that day.</p>",
               "Two Admit Smuggling")
    assert got == {"Ramiro Ivan Lugo Sosa": ("pleaded_guilty", None, 34), "Kyle James Ochoa": ("pleaded_guilty", None, 23)}
