"""Round 26 (invented fixtures in the shape of real releases; each failed before its rule): takedown
counts with 'Harvey Counties' and 'agents are still searching for X', 'imposed the following sentences
between February and June:', 'are awaiting sentencing', a fugitive with age and town, a list of
nurses with 'both registered nurses', and a co-defendant list whose aliases go without 'aka'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_takedown_count_with_one_still_sought():
    got = rows("<p>WICHITA – Four people are charged in a federal indictment unsealed this week.</p><p>Charged are:</p>"
               "<p>Dane Whit, 33, Wichita<br>Kira Bru, 26, Wichita<br>Rashad Till, 27, Wichita<br>Colt Unru, 22,"
               " Newton</p><p>Three of the defendants were arrested Tuesday in raids in Sedgwick and Harvey Counties"
               " and are in federal custody. Federal agents are still searching for Till.</p>", "Four Charged")
    assert got == {"Dane Whit": ("arrested", None, 33), "Kira Bru": ("arrested", None, 26),
                   "Rashad Till": ("charged", None, 27), "Colt Unru": ("arrested", None, 22)}


def test_the_following_sentences_with_their_dates_and_awaiting_sentencing():
    got = rows("<p>Judge Pomer imposed the following sentences between February and June 2025:</p>"
               "<p>Kendall Duck, 36, of Gulfport – life in prison<br>Arielle Sauce, 28, of Biloxi – 210 months in"
               " prison</p><p>Two co-defendants pleaded guilty before trial. Devin Toll, 27, of Fairview Heights, and"
               " Xavier Cobb, 24, of Cahokia Heights, are awaiting sentencing. Reuben Casta, 30, of Phoenix, remains"
               " a fugitive.</p>", "Seven Sentenced")
    assert got["Arielle Sauce"] == ("sentenced", 210.0, 28)
    assert got["Devin Toll"] == got["Xavier Cobb"][:2] + (27,) == ("pleaded_guilty", None, 27)
    assert got["Reuben Casta"] == ("charged", None, 30)


def test_a_list_with_a_shared_role_and_aliases_without_aka():
    got = rows("<p>Brit Guid, age 34, of Denham Springs, and Monique Bati, age 41, of Baton Rouge, both registered"
               " nurses, and Tyler Fonte, age 29, of Zachary, a pharmacy technician, each pleaded guilty to"
               " conspiracy.</p>", "Nurses Plead Guilty")
    assert {n: a for n, (a, _, _) in got.items()} == {"Brit Guid": "pleaded_guilty", "Monique Bati": "pleaded_guilty",
                                                      "Tyler Fonte": "pleaded_guilty"}
    got = rows("<p>Miguel Pedro, aka Fuzzy, 35, was sentenced to 300 months in prison. Pedro is the last of 5"
               " defendants to be sentenced in this case. Co-defendants Victor Lopa, aka Magic, Jose Herra, Spyro, Ramon"
               " Madru, aka Porky, and Brandon Foe, aka Drama.</p>", "Gang Member Sentenced")
    assert {"Victor Lopa", "Jose Herra", "Ramon Madru", "Brandon Foe"} <= set(got)


def test_an_exact_term_over_one_said_roughly():
    got = rows("<p>LITTLE ROCK—A Pine Bluff man was sentenced Wednesday to nearly 22 years in federal prison.</p><p>Clarence"
               " Tubb, 58, was sentenced to 262 months in federal prison.</p>", "Pine Bluff Man Sentenced")
    assert got == {"Clarence Tubb": ("sentenced", 262.0, 58)}


def test_runner_as_the_last_word_of_a_name_with_an_age():
    got = rows("<p>Tyrell James Bear Runner, 36, was convicted of distributing fentanyl. Bear Runner sold heroin in"
               " Pine Ridge.</p>", "Pine Ridge Man Convicted")
    assert got == {"Tyrell James Bear Runner": ("convicted", None, 36)}
