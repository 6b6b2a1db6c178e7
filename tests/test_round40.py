"""Round 40 (invented fixtures in the shape of real E.D.N.Y. releases; each failed before its rule):
the block under 'The Defendants:' lists companies and people one entry a paragraph (name, 'Age: 45',
town). A company written in capitals with 'CO.' alone as its legal form ('… TRADING CO.') is a name,
so the block is read past it; a person whose surname has two letters ('JIANHONG XU', 'MEI LI') is a
name in capitals too -- never a place with a state's code ('TUCSON AZ')."""
from __future__ import annotations

from test_doj_round16 import rows

BLOCK = ("<p>A superseding indictment was unsealed today in federal court in Brooklyn charging two companies and"
         " three individuals with importing fentanyl precursor chemicals. Darius Okonjo was arrested this morning"
         " in Queens.</p><p>The Defendants:</p>"
         "<p>HANGZHOU BRIGHTLEAF CHEMICAL CO., LTD.<br>Hangzhou, China</p>"
         "<p>NINGBO SEAGATE TOOLING TRADING CO.<br>Ningbo, China</p>"
         "<p>SILVER BAY FREIGHT LLC<br>Elmhurst, New York</p>"
         "<p>DARIUS OKONJO<br>Age: 51<br>Jamaica, New York</p>"
         "<p>WENBO XU<br>Age: 39<br>Hangzhou, China</p>"
         "<p>MEI LI<br>Age: 33<br>Ningbo, China</p>"
         "<p>E.D.N.Y. Docket No. 24-CR-101 (ABC)</p>")


def test_a_company_in_capitals_with_co_alone_does_not_end_the_block():
    got = rows(BLOCK, "Two Chinese Companies and Three Individuals Charged")
    assert "NINGBO SEAGATE TOOLING TRADING CO." in got
    assert "SILVER BAY FREIGHT LLC" in got


def test_a_two_letter_surname_in_capitals_is_a_name():
    got = rows(BLOCK, "Two Chinese Companies and Three Individuals Charged")
    assert got["WENBO XU"] == ("charged", None, 39)
    assert got["MEI LI"] == ("charged", None, 33)
    assert got["Darius Okonjo"] == ("arrested", None, 51)
    assert len(got) == 6


def test_a_place_with_a_states_code_is_no_name():
    got = rows("<p>TUCSON AZ – A Tucson man was sentenced today to 87 months in prison for selling fentanyl pills."
               " Marco Ruelas Tapia, 29, pleaded guilty in March.</p>", "Tucson Man Sentenced")
    assert got == {"Marco Ruelas Tapia": ("sentenced", 87.0, 29)}


def test_a_count_including_a_role_before_the_first_name():
    got = rows("<p>The Justice Department today announced charges against 23 defendants in four districts.</p>"
               "<p>Southern District of Ohio: In Columbus, an indictment charges six defendants, including the alleged"
               " head of the Columbus distribution crew, Reinaldo Ocasio Pagán, 44, of Westerville, Ohio, and his alleged"
               " couriers Dashawn Lee Pruitt, 26, of Columbus, and Keely Ann Marsh, 30, of Reynoldsburg, Ohio. All six"
               " were arrested on March 4.</p>", "Justice Department Announces Charges Against 23 Defendants")
    assert got == {"Reinaldo Ocasio Pagán": ("arrested", None, 44), "Dashawn Lee Pruitt": ("arrested", None, 26),
                   "Keely Ann Marsh": ("arrested", None, 30)}


def test_he_after_a_pair_named_as_the_object_of_a_preposition_is_the_subject_before_it():
    got = rows("<p>TULSA – A federal grand jury returned an indictment charging two people with distributing fentanyl,"
               " and a third person has been charged in a related complaint.</p><p>Corbin Dale Haskell, 33, of Tulsa,"
               " and Mireya Sol Antúnez, 28, of Broken Arrow, were arrested on February 9.</p><p>In the complaint, Anselmo Ruiz Cárdenas, 47, of Houston, Texas, is charged with"
               " possession with intent to distribute fentanyl. The complaint alleges that Ruiz Cárdenas shipped the"
               " pills to Haskell and Antúnez. He was arrested February 10 in Houston.</p>", "Three Charged")
    assert got["Anselmo Ruiz Cárdenas"] == ("arrested", None, 47)
    assert got["Corbin Dale Haskell"] == ("arrested", None, 33)
    assert got["Mireya Sol Antúnez"] == ("arrested", None, 28)


def test_he_after_a_pair_with_no_subject_before_it_in_its_sentence_is_the_last_named():
    got = rows("<p>Luther Vance Odom, 39, and Perry Alan Stuckey, 41, were charged with conspiracy to distribute"
               " fentanyl. Odom was arrested on May 2. Agents seized 2,000 pills from Odom and Stuckey. He was arrested"
               " on May 9 in Memphis.</p>", "Two Charged")
    assert got["Perry Alan Stuckey"][0] == "arrested"


def test_she_after_a_sentence_opening_with_a_relative_named_is_the_relative():
    got = rows("<p>PENSACOLA – Dustin Lee Harrow, 36, of Milton, was sentenced to 20 years in federal prison for"
               " distributing fentanyl that caused the death of a Navarre man.</p><p>Court records show that Harrow"
               " sold the fentanyl to Caleb James Ostrom, 24, who was found dead the next morning. Harrow’s"
               " girlfriend, Shayna Marie Pettibone, 30, delivered the drugs to Ostrom at Harrow’s direction. She"
               " pleaded guilty to conspiracy to distribute fentanyl and was sentenced in April to 46 months in"
               " prison.</p>", "Milton Man Sentenced")
    assert got == {"Dustin Lee Harrow": ("sentenced", 240.0, 36), "Shayna Marie Pettibone": ("sentenced", 46.0, 30)}


def test_he_after_a_relative_of_the_other_sex_is_not_the_relative():
    got = rows("<p>Dustin Lee Harrow, 36, of Milton, pleaded guilty today to distributing fentanyl.</p><p>Harrow’s"
               " mother, Loretta Harrow Biggs, called 911 when she found the buyer unresponsive. He faces up to 20"
               " years in prison and is scheduled to be sentenced in May.</p>", "Milton Man Pleads Guilty")
    assert got == {"Dustin Lee Harrow": ("pleaded_guilty", None, 36)}


def test_a_jury_verdict_in_a_relative_clause_before_sentencing_to_come():
    got = rows("<p>HAMMOND – Tyrell Ansel Boone, 29, of Gary, was sentenced to 188 months in prison.</p><p>Boone sold"
               " fentanyl for a crew on the east side. He answered to the crew’s leader, Damarcus Lee Vint, 34, of Gary,"
               " who was convicted by a federal jury in July after a five-day trial and is scheduled to be sentenced in"
               " November.</p>", "Gary Man Sentenced")
    assert got["Damarcus Lee Vint"] == ("convicted", None, 34)


def test_a_prior_conviction_in_a_relative_clause_stays_a_prior_conviction():
    got = rows("<p>Tyrell Ansel Boone, 29, of Gary, who was convicted of a felony in 2015, pleaded guilty today to"
               " possessing fentanyl with intent to distribute and is scheduled to be sentenced in November.</p>",
               "Gary Man Pleads Guilty")
    assert got == {"Tyrell Ansel Boone": ("pleaded_guilty", None, 29)}


def test_a_defendant_and_the_pharmacy_he_owns():
    got = rows("<p>Baltimore, Maryland – Ifeanyi Paul Okafor, age 58, of Columbia, Maryland, and the pharmacy he"
               " owns, Harborview Community Pharmacy, LLC, of Essex, Maryland, pleaded guilty today to conspiracy to"
               " dispense fentanyl outside the usual course of professional practice.</p>",
               "Pharmacist and His Pharmacy Plead Guilty")
    assert set(got) == {"Ifeanyi Paul Okafor", "Harborview Community Pharmacy, LLC"}
    assert got["Harborview Community Pharmacy, LLC"][0] == "pleaded_guilty"


def test_he_after_a_name_inside_the_subjects_relative_clause_is_the_subject():
    got = rows("<p>NASHVILLE – Two Clarksville residents have been indicted for distributing fentanyl pills, and a third"
               " person has pleaded guilty to supplying the pills.</p><p>Marlon Reece Tolliver, 30, and Kiara Dawn"
               " Mabry, 25, were arrested on July 24 and made their initial appearances.</p><p>Ignacio Ruben Solano,"
               " 41, of Hopkinsville, Kentucky, who is alleged to have supplied the pills to Tolliver, was charged"
               " separately by criminal information and pleaded guilty on July 18 to conspiracy to distribute"
               " fentanyl. He is scheduled to be sentenced in November.</p>", "Two Indicted and a Third Pleads Guilty")
    assert got == {"Marlon Reece Tolliver": ("arrested", None, 30), "Kiara Dawn Mabry": ("arrested", None, 25),
                   "Ignacio Ruben Solano": ("pleaded_guilty", None, 41)}
