"""Round 38 (invented fixtures in the shape of real overdose-death releases; each failed before its
rule): the buyer who died shares a surname with relatives the release introduces as such ('Dorsey’s
father, Gerald Dorsey, told the court', 'Hutchins’ mother, A Hutchins, and his father, B Hutchins'): the
surname alone is still the buyer's (so 'Dorsey died of …' makes him the victim), and the relatives are
no defendants -- also after an opening phrase ('At today’s sentencing, …') and in a list of kin. Round
39: 'The defendants are A, age 32, sentenced to 15 years; B, …' (the first name, the object of 'are',
keeps its own term)."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_victim_whose_father_shares_his_surname():
    got = rows("<p>Darnell Vance Petty, 36, was sentenced today to 240 months in federal prison.</p><p>According to his"
               " plea agreement, Kevin Mark Dorsett, age 24, of Towson, contacted Petty to buy heroin. A security guard"
               " found Dorsett dead in his car the next morning. The medical examiner determined that Dorsett died of"
               " fentanyl intoxication.</p><p>At today’s sentencing, Dorsett’s father, Gerald Dorsett, told the court"
               " that his son had finished a treatment program.</p>", "Baltimore Man Sentenced")
    assert got == {"Darnell Vance Petty": ("sentenced", 240.0, 36)}


def test_a_victims_parents_named_in_a_list_of_kin():
    got = rows("<p>Rodney Earl Baskin, 34, was sentenced today to 262 months in prison.</p><p>Senior Airman Caleb Aus"
               " Hutchens, 22, of Knoxville, bought heroin from Baskin on Dec. 3, 2016. Hutchens’ roommate found him"
               " unresponsive the next morning. Hutchens died of fentanyl intoxication.</p><p>At the hearing, Hutchens’"
               " mother, Lorraine Hutchens, and his father, Dale Hutchens, told the court about their son.</p>",
               "Man Sentenced")
    assert got == {"Rodney Earl Baskin": ("sentenced", 262.0, 34)}


def test_a_wife_who_shares_the_surname_of_the_dead():
    got = rows("<p>Two Schenectady men were convicted today of selling fentanyl that caused a death. The evidence showed"
               " that Rivers Dale Moss, 41, and Andre Lee Boykin, 39, sold fentanyl to Justin Cole Vanhoof, who bought it"
               " with money from his friend Matthew Dean Wojcik, age 36, of Rotterdam. Vanhoof, who was not charged,"
               " testified for the government. Wojcik’s wife, Heather Wojcik, found her husband unresponsive. A"
               " pathologist testified that Wojcik died of acute fentanyl intoxication.</p>", "Two Convicted")
    assert set(got) == {"Rivers Dale Moss", "Andre Lee Boykin"}


def test_the_defendants_are_a_list_of_names_each_with_its_term():
    # (round 39)
    got = rows("<p>The defendants are Darnell Mont Fenn, age 32, sentenced to 15 years in federal prison; Terrance Al"
               " Boyd, age 28, sentenced to 108 months; and Kevin Lamar Stitt, age 51, sentenced to 72 months. Each of"
               " the men previously pleaded guilty.</p>", "Three Baltimore Men Sentenced")
    assert got == {"Darnell Mont Fenn": ("sentenced", 180.0, 32), "Terrance Al Boyd": ("sentenced", 108.0, 28),
                   "Kevin Lamar Stitt": ("sentenced", 72.0, 51)}
