"""Round 44 (invented fixtures in the shape of real DOJ releases; each failed before its rule): 'Judge X
sentenced the following defendants, each of whom pleaded guilty to Conspiracy to Distribute Controlled
Substances:' then one line per defendant with only a term ('A, 41, of Milltown, to 188 months in prison;') --
the offence's capitalised words are no object of the verb, whose object is the list; 'A, 22, of X, and B, 48,
of Y, have entered guilty pleas' (the pair's plea, like 'have pleaded guilty')."""
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
