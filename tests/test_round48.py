"""Round 48 (invented fixtures in the shape of real releases about companies and professionals; each failed
before its rule): 'X LLC (X Supply) and its owner, Y, entered their pleas before Judge Z to conspiracy' (a plea
to a charge; the company named in a clause reported by 'announced that'); 'X LLC; its medical director, Dr. Y,
63; and nurse practitioner Z were found guilty'; 'The 28-count indictment names X, Inc. (X Pharmacy) of Jesup;
its owner …'; 'charges a company in India that ran online pharmacy websites, the company’s director and …' (the
company named later); 'nurse practitioners A and B'; 'X, Inc., a Buffalo cellular telephone store, and its
owner, Y, pleaded guilty'; 'One of the three employees was arrested' (a count, not the first named)."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_company_and_its_owner_entered_their_pleas():
    got = rows("<p>LOUISVILLE, Ky. – A Bowling Green equipment company and its owner pleaded guilty today.</p><p>United"
               " States Attorney Ignatius B. Harrod announced that Green River Industrial Supply, LLC (Green River Supply)"
               " and its owner, Curtis Wade Meacham, 56, of Bowling Green, entered their pleas before U.S. District Judge"
               " Winifred A. Stollings to conspiracy to aid and abet the manufacture of fentanyl.</p>",
               "Equipment Company and Its Owner Plead Guilty")
    assert got == {"Green River Industrial Supply, LLC": ("pleaded_guilty", None, None),
                   "Curtis Wade Meacham": ("pleaded_guilty", None, 56)}


def test_entered_a_plea_of_not_guilty_is_no_plea():
    got = rows("<p>Curtis Wade Meacham, 56, was arrested on Monday and entered a plea of not guilty before a magistrate"
               " judge to conspiracy to distribute fentanyl.</p>", "Man Arrested")
    assert got == {"Curtis Wade Meacham": ("arrested", None, 56)}


def test_a_clinic_its_director_with_a_title_and_a_nurse_found_guilty():
    got = rows("<p>Tug Hollow Pain & Wellness Center, LLC; its medical director, Dr. Harlan Ozias Vesey, 63, of"
               " Williamson; and nurse practitioner Rhonda Kay Spurlock, 48, of Chapmanville, were found guilty after an"
               " eleven-day trial of distributing fentanyl.</p>", "Jury Convicts Clinic")
    assert got == {"Tug Hollow Pain & Wellness Center, LLC": ("convicted", None, None),
                   "Harlan Ozias Vesey": ("convicted", None, 63), "Rhonda Kay Spurlock": ("convicted", None, 48)}


def test_the_indictment_names_a_pharmacy_with_its_short_form_and_its_staff():
    got = rows("<p>The 28-count indictment names Altamont Community Pharmacy, Inc. (Altamont Pharmacy) of Jesup; its owner"
               " and pharmacist-in-charge, Clayton Dewitt Ransome, 58, of Jesup; and pharmacy technician Brandi Nicole"
               " Purvis, 33, of Screven, said Hollis W. Tremont, U.S. Attorney. The charges include distribution of"
               " fentanyl.</p>", "Pharmacy, Owner and Technician Indicted")
    assert got == {"Altamont Community Pharmacy, Inc.": ("charged", None, None),
                   "Clayton Dewitt Ransome": ("charged", None, 58), "Brandi Nicole Purvis": ("charged", None, 33)}


def test_a_described_company_in_a_country_named_later():
    got = rows("<p>An indictment unsealed today charges a company in India that ran online pharmacy websites, the company’s"
               " director and a Texas man who re-mailed its orders with conspiring to sell pills containing fentanyl.</p>"
               "<p>According to court documents, Ishvara Remedies Private Limited (Ishvara), of Navi Mumbai, India,"
               " operated more than a dozen websites. The company’s director, Siddharth Vinayak Kulkarni, 39, of Navi"
               " Mumbai, allegedly arranged bulk shipments to Kenneth Dale Pruden, 54, of Mesquite, Texas.</p><p>Pruden was"
               " arrested on Nov. 8.</p>", "Online Pharmacy Company, Its Director and a Reshipper Charged")
    assert got["Ishvara Remedies Private Limited"] == ("charged", None, None)


def test_nurse_practitioners_in_a_list_and_a_store_with_its_owner():
    got = rows("<p>An indictment was unsealed charging Dr. Gregory Salvatore Iannelli, 59, of Valrico, and nurse"
               " practitioners Tamika Renee Fairley, 42, of Riverview, and Bethany Ann Kowalczyk, 37, of Plant City, with"
               " conspiracy to distribute fentanyl. Iannelli and Fairley were arrested on May 21, 2024. Kowalczyk is"
               " expected to surrender.</p>", "Doctor and Two Nurse Practitioners Charged")
    assert got["Bethany Ann Kowalczyk"][0] == "charged"
    got = rows("<p>U.S. Attorney Gideon R. Halvorsen announced today that Elmwood Wireless Outlet, Inc., a Buffalo cellular"
               " telephone store, and its owner, Farid Nasser Odeh, 45, of Amherst, pleaded guilty to laundering fentanyl"
               " proceeds.</p>", "Cell Phone Store and Its Owner Plead Guilty")
    assert got == {"Elmwood Wireless Outlet, Inc.": ("pleaded_guilty", None, None),
                   "Farid Nasser Odeh": ("pleaded_guilty", None, 45)}


def test_one_of_the_three_employees_arrested():
    got = rows("<p>The indictment charges two chemical companies and three people who worked for them. One of the three"
               " employees was arrested in Houston last week.</p><p>Also charged are Tang Jiaqi, 41, a sales director;"
               " Hu Weimin, 35, a sales representative; and Qiu Lanfang, 29, who handled overseas orders.</p><p>Hu was"
               " arrested on June 14 after he flew to Houston. Tang and Qiu are believed to be in China.</p>",
               "Chemical Companies and Three Employees Charged")
    assert {k: v[0] for k, v in got.items()} == {"Tang Jiaqi": "charged", "Hu Weimin": "arrested", "Qiu Lanfang": "charged"}
