"""Round 29 (invented fixtures in the shape of real releases; each failed before its rule): a pronoun
after the buyer who died is the seller's ('… seized when he was arrested'), 'the three were arrested'
without a noun, and verbs joined to a count of co-defendants ('Ten of his co-defendants were arrested
and have since been sentenced') stay the count's."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_pronoun_is_never_the_buyer_found_unresponsive():
    got = rows("<p>Dorian Vance Pyle, 38, pleaded guilty and was sentenced today to 17 years in prison.</p>"
               "<p>Pyle sold what he called heroin to Emmett Joel Rusk, 24, of Okolona. Rusk was found unresponsive"
               " in his home the next morning. He died of fentanyl intoxication.</p><p>Messages from Pyle’s phone,"
               " which was seized when he was arrested in March 2019, showed the sale.</p>", "Dealer Sentenced")
    assert got == {"Dorian Vance Pyle": ("sentenced", 204.0, 38)}


def test_the_three_were_arrested():
    got = rows("<p>A grand jury returned an indictment today against Abel Rico Zamora, 37, his wife, Lidia Zamora, 35,"
               " both of Reedley, and Tomas Ulloa, 24, of Fresno, charging them with conspiracy.</p><p>According to"
               " court documents, the three were arrested on Jan. 28, 2026, when agents searched a farm.</p>",
               "Three Indicted")
    assert {n: a for n, (a, _, _) in got.items()} == {"Abel Rico Zamora": "arrested", "Lidia Zamora": "arrested",
                                                      "Tomas Ulloa": "arrested"}


def test_verbs_joined_to_a_count_of_co_defendants_are_not_the_defendant_s():
    got = rows("<p>Ramiro Ezequiel Solano, 47, a Mexican national, was one of 9 defendants indicted in 2016. Eight of"
               " his co-defendants were arrested in 2016 and have since been convicted and sentenced. Solano avoided"
               " arrest.</p><p>On April 5, 2023, marshals arrested Solano in Mesa, Arizona.</p>", "Fugitive Arrested")
    assert got == {"Ramiro Ezequiel Solano": ("arrested", None, 47)}


def test_an_age_after_aliases_in_parentheses():
    got = rows("<p>The Defendants:</p><p>ROQUE ELIAS PARDO (also known as “El Tio” and “Roque P”)<br>Age: 52<br>Cali,"
               " Colombia</p><p>WENDY ANN SOTO<br>Age: 31<br>Queens, New York</p>", "Two Charged")
    assert got["ROQUE ELIAS PARDO"][2] == 52 and got["WENDY ANN SOTO"][2] == 31
    got = rows("<p>Roque Elias Pardo (also known as “El Tio” and “Roque P”), 52, was arrested.</p>", "Man Arrested")
    assert got == {"Roque Elias Pardo": ("arrested", None, 52)}
