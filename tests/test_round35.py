"""Round 35 (invented fixtures in the shape of real releases; each failed before its rule): 'has ordered
X (41, Tampa) to spend 15 years in federal prison'; a defendant named only in the title ('Keene Man
Rory Dufresne Sentenced to 57 Months') and by surname in the text; '… and neither was charged' is
nobody's charge; people named under a label that makes no defendant ('Two passengers, A, 19, and B,
22,', 'Two of those customers, A, 24, and B, 20, told agents'), a roommate 'who told agents that …, was
not charged', a man who 'had been shot and killed'; 'A Des Moines man who was convicted at trial … was
sentenced … to 30 years' among several defendants is the one named next; 'X, 26, who was known as
“Pooh”', then '“Pooh” pleaded guilty … and was sentenced … to 87 months'; 'Rubén Beltrán' after
'Rubén Beltrán Ochoa, 31,' (a given name and the first of two surnames) is the same person. Round 36: 'two of its employees,
A B and C D, with conspiring' (names in capitals, a comma before 'with'); 'X, 45, of St. Marys,
sentenced to five years' and 'X, 41, of Brunswick, described in court as the organization’s leader,
sentenced to 235 months' (a term after a town with an abbreviation, or after a role)."""
from __future__ import annotations

from test_doj_round16 import rows


def test_ordered_to_spend_years_in_prison_after_a_name_and_its_parenthesis():
    got = rows("<p>Tampa, Florida – U.S. District Judge Orla B. Finch has ordered Dorian Lamar Keys (41, Tampa) to"
               " spend 15 years in federal prison for possession with intent to distribute fentanyl. Keys had pleaded"
               " guilty on March 2, 2021.</p>", "Tampa Man Sentenced To 15 Years")
    assert got == {"Dorian Lamar Keys": ("sentenced", 180.0, 41)}


def test_a_defendant_named_only_in_the_title():
    got = rows("<p>CONCORD – A Keene man was sentenced on Tuesday to 57 months in federal prison for distributing"
               " fentanyl, the United States Attorney announced today.</p><p>According to court documents, Dufresne,"
               " 33, sold fentanyl on four occasions to a cooperating individual. Dufresne previously pleaded guilty on"
               " May 3, 2019.</p>", "Keene Man Rory Dufresne Sentenced to 57 Months for Fentanyl Distribution")
    assert got == {"Rory Dufresne": ("sentenced", 57.0, 33)}


def test_people_named_who_are_not_charged():
    got = rows("<p>Cody Ames Tillerson, 27, pleaded guilty in January to possession with intent to distribute"
               " fentanyl. A trooper stopped a car Tillerson was driving. Two passengers, Jace Milo Strand, 19, and Kira"
               " Lynn Ottum, 22, both of Laurel, were riding with him. Strand and Ottum told investigators they did not"
               " know about the pills, and neither was charged. Two of those customers, Austin Reid Falk, 24, and Mae"
               " Jo Brandvold, 20, told DEA Task Force Officer Gil R. Stenner that they had bought pills from"
               " Tillerson.</p>", "Laurel Man Pleads Guilty")
    assert got == {"Cody Ames Tillerson": ("pleaded_guilty", None, 27)}
    got = rows("<p>Curtis Dale Hollins, 30, pleaded guilty today to distributing fentanyl. Hollins’s roommate, Trent"
               " Abel Kimmel, 28, who told agents that he sometimes drove Hollins to the post office without knowing what"
               " the packages held, was not charged. Police were called to a house where Jerrod Amos Pruitt, 24, had"
               " been shot and killed in the driveway.</p>", "Man Pleads Guilty")
    assert got == {"Curtis Dale Hollins": ("pleaded_guilty", None, 30)}


def test_a_lead_with_a_relative_clause_among_several_defendants():
    got = rows("<p>DES MOINES, Iowa – A Des Moines man who was convicted at trial of distributing fentanyl that he"
               " sold as heroin was sentenced on February 6, 2018, to 30 years in federal prison.</p><p>Terrell Lee"
               " Vance, 36, was found guilty by a jury in October 2017.</p><p>Two co-defendants, Britt Ann Kolby, 30,"
               " and Jamal Anton Pury, 25, pleaded guilty before trial.</p>", "Des Moines Man Sentenced")
    assert got["Terrell Lee Vance"] == ("sentenced", 360.0, 36)
    assert got["Britt Ann Kolby"][0] == "pleaded_guilty"


def test_a_nickname_in_quotes_refers_to_its_person():
    got = rows("<p>A grand jury returned an indictment against Pickard and three others: Kenyon Lorne Bives, 26, who"
               " was known as “Pooh”; Darnell Quin Whitmer, 35; and Alexis Bree Copes, 24.</p><p>“Pooh” collected the"
               " pills each week. “Pooh” pleaded guilty the same month and was sentenced on February 6, 2024, to 87"
               " months in prison. Whitmer and Copes have pleaded guilty and are awaiting sentencing.</p>",
               "Crew Leader Sentenced")
    assert got["Kenyon Lorne Bives"] == ("sentenced", 87.0, 26)
    assert got["Darnell Quin Whitmer"][0] == "pleaded_guilty"


def test_a_given_name_and_first_surname_after_the_full_name():
    got = rows("<p>Ismael Beltrán Soto, 54, was sentenced to 30 years. His nephew, Rubén Beltrán Ochoa, 31, and his son,"
               " Brandon Ismael Beltrán, 29, delivered the drugs.</p><p>Judge Farr sentenced Brandon Beltrán to 151"
               " months in federal prison and Rubén Beltrán to 97 months.</p>", "Family Sentenced")
    assert got == {"Ismael Beltrán Soto": ("sentenced", 360.0, 54), "Rubén Beltrán Ochoa": ("sentenced", 97.0, 31),
                   "Brandon Ismael Beltrán": ("sentenced", 151.0, 29)}
    # an alias written after the name is no full form of it ('Cheryl Lane, aka Cheryl Lane Moss')
    got = rows("<p>An information was filed charging Cheryl Lane, 52, of Harrisburg. Lane, aka Cheryl Lane Moss, owns"
               " an internet business.</p>", "Owner Charged")
    assert list(got) == ["Cheryl Lane"]


def test_names_in_capitals_before_with_and_terms_after_a_town_or_a_role():
    # (round 36)
    got = rows("<p>The U.S. Attorney announced the unsealing of an Indictment charging WUHAN QILIN CHEMICAL CO., LTD."
               " (“QILIN”), a chemical company based in China, and two of its employees, HAO RENJIE and LU MEIXIA, with"
               " conspiring to import fentanyl precursor chemicals. HAO and LU remain at large in China.</p>",
               "Chinese Company And Two Employees Charged")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "WUHAN QILIN CHEMICAL CO., LTD.": "charged", "HAO RENJIE": "charged", "LU MEIXIA": "charged"}
    got = rows("<p>The defendants sentenced by U.S. District Judge Ada L. Haver are:</p><p>Tremont Lyle Gaskin, 41, of"
               " Brunswick, described in court as the organization’s leader, sentenced to 235 months in prison;</p>"
               "<p>Otis Abel Pugh, 45, of St. Marys, sentenced to five years in prison; and</p><p>Kia Dean Lumpkins, 24,"
               " of Brunswick, sentenced to 46 months in prison.</p>", "Three Sentenced")
    assert got == {"Tremont Lyle Gaskin": ("sentenced", 235.0, 41), "Otis Abel Pugh": ("sentenced", 60.0, 45),
                   "Kia Dean Lumpkins": ("sentenced", 46.0, 24)}
