"""Round 30 (invented fixtures in the shape of real releases; each failed before its rule): 'convicted
Staten Island residents A and B', 'have not been taken into custody' as a fugitive's words in a counted
arrest, 'All three were arrested' about the three named last (not every defendant of a multi-district
release), relatives and a friend of an overdose victim named with ages, and a town with its country
written without 'of' ('X, 34, Nuevo Laredo, Mexico, and Y') is no person."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_verdict_on_residents_of_a_place():
    got = rows("<p>A federal jury today convicted Staten Island residents Vito Paul Ranieri and Omar Kyle Bynum of"
               " conspiracy to distribute fentanyl.</p>", "Two Convicted")
    assert got == {"Vito Paul Ranieri": ("convicted", None, None), "Omar Kyle Bynum": ("convicted", None, None)}


def test_a_counted_arrest_with_two_not_taken_into_custody():
    got = rows("<p>An indictment unsealed this week charges five people. Three of the defendants were arrested Tuesday;"
               " the other two are considered fugitives.</p><p>Charged in the indictment are Dante Ray Holt, 33, of"
               " Augusta; Mia Lynn Cobb, 29, of Evans; Rico Dale Saenz, 36, of Atlanta; Tia Mae Burke, 26, of Augusta;"
               " and Leon Ray Gantt, 30, of Aiken.</p><p>Saenz and Gantt have not been taken into custody.</p>",
               "Five Charged")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Dante Ray Holt": "arrested", "Mia Lynn Cobb": "arrested", "Tia Mae Burke": "arrested",
        "Rico Dale Saenz": "charged", "Leon Ray Gantt": "charged"}


def test_all_three_are_the_three_named_last():
    got = rows("<p>Twelve defendants were charged in two districts.</p><p>District of Arizona</p><p>A grand jury"
               " indicted Abel Ruiz, 39, of Phoenix; Dana Etsi, 28, of Mesa; and Jose Luna Vega, 31, of Culiacan,"
               " Sinaloa, Mexico. Ruiz and Etsi were arrested on March 19. Luna Vega remains a fugitive.</p>"
               "<p>Southern District of California</p><p>Ruben Soto Lima, 44, of Tijuana, Mexico; Kevin Zarat, 22, of"
               " Chula Vista; and Marco Brie, 35, of San Diego, were charged by complaint with importing fentanyl."
               " All three were arrested on March 18.</p>", "Defendants Charged")
    assert got["Jose Luna Vega"][0] == "charged"
    assert {got[n][0] for n in ("Ruben Soto Lima", "Kevin Zarat", "Marco Brie", "Abel Ruiz")} == {"arrested"}


def test_relatives_and_a_friend_of_the_victim_are_no_defendants():
    got = rows("<p>Dale Ray Hutto, 27, of Clarksville, was sentenced today to 20 years in prison.</p><p>Hutto sold two"
               " pills to Kayla Rose Amis, 19, and her friend, Jacob Lee Pratt, 20. Amis was found unresponsive the next"
               " morning by her sister, Morgan Amis, 23, and was pronounced dead. Pratt survived.</p><p>Her mother, Donna"
               " Amis, 48, told the court that her daughter never used opioids. Her father, Greg Lee Amis, 51, said the"
               " family now speaks to students. Her grandmother, Ruth Ann Pike, 74, also addressed the court.</p>",
               "Man Sentenced")
    assert got == {"Dale Ray Hutto": ("sentenced", 240.0, 27)}
    got = rows("<p>Tricia Ann Alva, 38, and her husband, Ramon Cruz Alva, 41, both of Wasilla, bought fentanyl pills"
               " and mailed them to Alaska. Tricia Alva was sentenced today to 10 years in prison. Her husband pleaded"
               " guilty in May.</p>", "Woman Sentenced")
    assert got["Ramon Cruz Alva"][0] == "pleaded_guilty"


def test_a_town_and_its_country_without_of_is_no_person():
    got = rows("<p>Osvaldo Rigo Garza, 34, Nuevo Laredo, Mexico, and Jesse Ray Villa, 26, Laredo, pleaded guilty Oct."
               " 26, 2017. Co-defendants Greg Toms, Sr., and Nick Wood are awaiting trial.</p>", "Two Plead Guilty")
    assert set(got) == {"Osvaldo Rigo Garza", "Jesse Ray Villa", "Greg Toms", "Nick Wood"}
