"""Round 44 (invented fixtures in the shape of real DOJ releases; each failed before its rule): 'Judge X
sentenced the following defendants, each of whom pleaded guilty to Conspiracy to Distribute Controlled
Substances:' then one line per defendant with only a term ('A, 41, of Milltown, to 188 months in prison;') --
the offence's capitalised words are no object of the verb, whose object is the list; 'A, 22, of X, and B, 48,
of Y, have entered guilty pleas' (the pair's plea, like 'have pleaded guilty'); under 'The Defendants:', a
town line 'Santo Domingo, Dominican Republic' below an item's 'Age: 48' is its town, not one more name
(which also let 'Five of the defendants were arrested' find its five)."""
from __future__ import annotations

from test_doj_round16 import rows

SENTENCED_LIST = (
    "<p>MILLTOWN, GA: Four members of a ring that sold fentanyl pills are going to federal prison.</p>"
    "<p>U.S. District Judge Harold Q. Pemberton sentenced the following defendants, each of whom pleaded guilty"
    " to Conspiracy to Distribute Controlled Substances:</p>"
    "<p>Alvin Roy Sutter, 41, of Milltown, the ring’s supplier, to 188 months in prison;<br>Dana Lee Crowe, 30, of"
    " Milltown, to 5 years in prison;<br>Marcus Tate, 27, of Eastfield, to 3 years and 6 months in prison; and,<br>"
    "Lena Pruitt, 35, of Eastfield, to 46 months in prison.</p>")


def test_a_judge_sentenced_the_following_with_a_capitalised_offence_before_the_colon():
    got = rows(SENTENCED_LIST, "Four Ring Members Sentenced")
    assert got == {"Alvin Roy Sutter": ("sentenced", 188, 41), "Dana Lee Crowe": ("sentenced", 60, 30),
                   "Marcus Tate": ("sentenced", 42, 27), "Lena Pruitt": ("sentenced", 46, 35)}


def test_the_following_charged_is_still_read_as_before():
    # (the same shape with a verb whose object is a name, not the list: the name's, as before)
    got = rows("<p>A grand jury indicted Roland Pike, 52, of Eastfield, on Tuesday. The indictment also names the"
               " following people:</p><p>Irma Stokes, 40, of Milltown;<br>Vern Oakley, 33, of Milltown.</p>",
               "Fentanyl Ring Indicted")
    assert got["Roland Pike"][0] == "charged"


def test_a_pair_have_entered_guilty_pleas():
    got = rows("<p>SAVANNAH, GA: Two people await sentencing in a fentanyl case.</p><p>Two other defendants, Oscar Bell"
               " Hanley, 22, of Milltown, and Rita Mae Folsom, 48, of Eastfield, have entered guilty pleas to the same"
               " charge and are awaiting sentencing.</p>", "Two Plead Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Oscar Bell Hanley": "pleaded_guilty", "Rita Mae Folsom": "pleaded_guilty"}


def test_a_pair_entered_pleas_without_ages():
    got = rows("<p>Oscar Bell Hanley and Rita Mae Folsom entered guilty pleas on Monday to conspiring to distribute"
               " fentanyl.</p>", "Two Plead Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Oscar Bell Hanley": "pleaded_guilty", "Rita Mae Folsom": "pleaded_guilty"}


def test_one_person_entering_pleas_to_two_counts_names_no_one_else():
    got = rows("<p>Officers arrested Oscar Bell Hanley in March. Hanley entered guilty pleas to two counts of"
               " distributing fentanyl on Monday. Judge Walter Ames set sentencing for June.</p>", "Man Pleads Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Oscar Bell Hanley": "pleaded_guilty"}


EDNY_ROSTER = (
    "<p>An indictment was unsealed today in federal court in Brooklyn charging five defendants with running a fentanyl"
    " mill in a Flatbush apartment. Three of the defendants were arrested this morning. A fourth, Eliseo Marte Duarte,"
    " was extradited from the Dominican Republic on Monday. The fifth defendant, Wilfredo Nin Rosario, remains at"
    " large.</p><p>According to court filings, Corey Lanham ran the mill, and Imani Batts and Royce Vickery packed"
    " fentanyl into glassines.</p><p>The Defendants:</p>"
    "<p>COREY LANHAM<br>Age: 39<br>Brooklyn, New York</p>"
    "<p>ELISEO MARTE DUARTE<br>Age: 52<br>Santo Domingo, Dominican Republic</p>"
    "<p>WILFREDO NIN ROSARIO<br>Age: 31<br>San Juan, Puerto Rico</p>"
    "<p>IMANI BATTS<br>Age: 24<br>Queens, New York</p>"
    "<p>ROYCE VICKERY<br>Age: 29<br>Brooklyn, New York</p>"
    "<p>E.D.N.Y. Docket No. 24-CR-101 (ABC)</p>")


def test_a_town_and_country_line_under_an_age_is_no_defendant():
    got = rows(EDNY_ROSTER, "Five Charged With Operating Fentanyl Mill")
    assert {k: v[0] for k, v in got.items()} == {
        "Corey Lanham": "arrested", "Eliseo Marte Duarte": "extradited", "Wilfredo Nin Rosario": "charged",
        "Imani Batts": "arrested", "Royce Vickery": "arrested"}
    assert got["Eliseo Marte Duarte"][2] == 52


def test_a_name_line_after_an_age_line_is_still_the_next_item():
    # (no town lines: the next item's name in capitals follows the age directly)
    got = rows("<p>Four defendants were charged today with distributing fentanyl in Queens.</p><p>The Defendants:</p>"
               "<p>COREY LANHAM<br>Age: 39</p><p>IMANI BATTS<br>Age: 24</p><p>ROYCE VICKERY<br>Age: 29</p>"
               "<p>DELIA MONTE CRUZ<br>Age: 45</p>", "Four Charged")
    assert got == {"COREY LANHAM": ("charged", None, 39), "IMANI BATTS": ("charged", None, 24),
                   "ROYCE VICKERY": ("charged", None, 29), "DELIA MONTE CRUZ": ("charged", None, 45)}
