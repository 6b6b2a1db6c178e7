"""Round 33 (invented fixtures in the shape of real releases; each failed before its rule): 'and three
of them have been sentenced' is some of the defendants, named elsewhere, not all; 'Seven of the nine
defendants are in custody; they were arrested this morning' is a count; 'Two of the defendants, A and
B, have not been apprehended'; people named with ages who are no defendants -- a passenger 'released
at the scene and has not been charged', 'Roe’s girlfriend, X, 30, was present … and was not charged',
'Roe’s grandmother, X, 74,' -- while a girlfriend who pleaded guilty stays the subject of 'She was'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_some_of_them_sentenced_and_a_counted_arrest_with_they():
    got = rows("<p>SAVANNAH – All 5 defendants charged in a Brunswick ring have now pleaded guilty, and two of them have"
               " been sentenced.</p><p>Judge Lee has sentenced two of the defendants: Royce Dane Gill, 41, of Brunswick,"
               " to 188 months in prison; and Ashby Moe Fraz, 27, of Darien, to 37 months in prison.</p><p>Also awaiting"
               " sentencing after pleading guilty are Dem Lavon Gill, 38; Toby Reg Cuyle, 45; and Kenya Holl, 32.</p>",
               "All 5 Plead Guilty")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Royce Dane Gill": "sentenced", "Ashby Moe Fraz": "sentenced", "Dem Lavon Gill": "pleaded_guilty",
        "Toby Reg Cuyle": "pleaded_guilty", "Kenya Holl": "pleaded_guilty"}
    got = rows("<p>An indictment was unsealed today charging five members of a crew. Three of the five defendants are in"
               " custody; they were arrested this morning.</p><p>Also charged are Nasir Oka, Kareem Whit, Luis Arri,"
               " Devon Hask and Xavi Paget.</p><p>Two of the defendants, Hask and Paget, have not been apprehended.</p>",
               "Five Charged")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Nasir Oka": "arrested", "Kareem Whit": "arrested", "Luis Arri": "arrested", "Devon Hask": "charged",
        "Xavi Paget": "charged"}


def test_people_named_with_ages_who_are_not_charged():
    got = rows("<p>Rashad Emil Trott, 34, of Lakeland, pleaded guilty today. Trott was driving; his passenger was Shay"
               " Monique Prent (26, Lakeland). Prent, who told deputies she did not know about the drugs, was released at"
               " the scene and has not been charged.</p>", "Lakeland Man Pleads Guilty")
    assert got == {"Rashad Emil Trott": ("pleaded_guilty", None, 34)}
    got = rows("<p>Anton Del Petti, 33, was sentenced today to 14 years in prison. Petti’s girlfriend, Desi Lynn Abb,"
               " 30, was present during two of the sales and was not charged. Petti’s grandmother, Odessa Mae Petti,"
               " 74, asked the court for mercy.</p>", "Man Sentenced")
    assert got == {"Anton Del Petti": ("sentenced", 168.0, 33)}
    got = rows("<p>Hollis Kane, 35, was sentenced today to 15 years in prison. Kane’s girlfriend, Sierra Vane (age 27), of"
               " Waukesha, pleaded guilty to misprision of a felony. She was sentenced to 12 months in prison.</p>",
               "Vendor Sentenced")
    assert got["Sierra Vane"][:2] == ("sentenced", 12.0)


def test_both_found_dead_are_the_two_named_before():
    got = rows("<p>Colby Lee Haver, 27, of Roseville, was sentenced today to 25 years in prison.</p><p>On April 9, 2021,"
               " Kayla Ann Marcus, 19, of Rocklin, and her friend Owen Ben Trang, 22, of Citrus Heights, each took a pill"
               " that Trang had bought from Haver that evening. Both were found dead the next morning.</p>",
               "Roseville Man Sentenced")
    assert got == {"Colby Lee Haver": ("sentenced", 300.0, 27)}
