"""Round 54 (invented fixtures in the shape of real releases; each failed before its rule): a verdict written
'before finding A, B and C LLC guilty'; a term with its date after it ('received 120 months on July 18;'); a
nurse practitioner's title is no part of her name; an officer named right after 'Charged are'; the presumption
of innocence ('… or he pleads guilty') is no plea; a count's second verb ('All three made initial appearances
… and were ordered held'); a lead with a relative clause of its own ('A physician who left … before he was
indicted in 2021 has been extradited'); the term a judge imposed in the next sentence, consecutive terms added
('Judge X imposed 240 months … and a consecutive 60 months'), and 'a total of'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_verdict_before_finding_a_list_guilty():
    got = rows("<p>TAMPA – The jury deliberated for a day after a two-week trial before finding Lionel Voss, 52, of"
               " Brandon, Dr. Irma Keel, 61, of Tampa, and Bayshore Relief Clinic LLC (Bayshore) guilty of conspiracy"
               " to distribute fentanyl. Voss was taken into custody after the verdict.</p><p>Sentencing is set for"
               " May 4.</p>", "Clinic Owner, Doctor and Clinic Convicted")
    assert got == {"Lionel Voss": ("convicted", None, 52), "Irma Keel": ("convicted", None, 61),
                   "Bayshore Relief Clinic LLC": ("convicted", None, None)}


def test_a_verdict_of_not_guilty_before_finding():
    got = rows("<p>TAMPA – Lionel Voss, 52, of Brandon, was charged with distributing fentanyl. The jury deliberated"
               " for a day before finding Lionel Voss not guilty on all counts.</p>", "Jury Verdict")
    assert got["Lionel Voss"][0] != "convicted"


def test_a_term_with_its_date_after_it():
    got = rows("<p>AKRON – Dale Pruett, 41, was sentenced today to 200 months for fentanyl trafficking.</p><p>Three"
               " co-defendants were sentenced earlier this year. Rhea Konig, 45, of Kent, received 46 months in prison"
               " on June 27; Corey Mabe, 33, of Akron, received 120 months on July 18; and Javier Ruiz, 30, of Akron,"
               " was sentenced on August 8 to 78 months in prison.</p>", "Four Sentenced")
    assert got == {"Dale Pruett": ("sentenced", 200, 41), "Rhea Konig": ("sentenced", 46, 45),
                   "Corey Mabe": ("sentenced", 120, 33), "Javier Ruiz": ("sentenced", 78, 30)}


def test_a_nurse_practitioners_title_is_no_part_of_her_name():
    got = rows("<p>CONCORD – Two nurse practitioners pleaded guilty on Monday to conspiring to distribute fentanyl."
               " Nurse Practitioner Lena Marsh-Tate (52, Gilford) and Nurse Practitioner Omar Bright (39, Dover) each"
               " pleaded guilty to one count of conspiracy.</p>", "Two Nurse Practitioners Plead Guilty")
    assert got == {"Lena Marsh-Tate": ("pleaded_guilty", None, 52), "Omar Bright": ("pleaded_guilty", None, 39)}


def test_an_officer_named_right_after_charged_are():
    got = rows("<p>BALTIMORE – A federal grand jury has returned an indictment charging a police officer and two other"
               " men with conspiracy to distribute fentanyl. The indictment was returned on March 4, 2022, and was"
               " unsealed today after the arrest of one of the defendants.</p><p>The indictment was announced by"
               " United States Attorney for the District of Maryland Mara T. Quist and Special Agent in Charge Tom"
               " Reyes of the Federal Bureau of Investigation, Baltimore Field Office.</p><p>Charged are Officer Dion"
               " Pratt, age 32, of Towson; Luis Okafor, age 27, of Baltimore; and Amos Hale, age 30, of Essex. Hale was"
               " arrested this morning.</p>", "Officer and Two Others Indicted")
    assert got == {"Dion Pratt": ("charged", None, 32), "Luis Okafor": ("charged", None, 27),
                   "Amos Hale": ("arrested", None, 30)}


def test_the_presumption_of_innocence_is_no_plea():
    got = rows("<p>BALTIMORE – Dion Pratt, 32, of Towson, was indicted on fentanyl charges. He is presumed innocent"
               " unless and until the government proves the charges at trial or he pleads guilty.</p>",
               "Man Indicted")
    assert got == {"Dion Pratt": ("charged", None, 32)}


def test_a_counts_second_verb():
    got = rows("<p>NASHVILLE – Three people were charged in a federal complaint with selling fentanyl.</p><p>Wade Cole,"
               " 38, and his wife, Ann Cole, 36, both of Tullahoma, and Lon Pike, 45, of Manchester, are charged with"
               " conspiracy to distribute fentanyl. All three made initial appearances this morning before U.S."
               " Magistrate Judge Rita Haskell and were ordered held pending a detention hearing.</p>",
               "Three Charged")
    assert got == {"Wade Cole": ("arrested", None, 38), "Ann Cole": ("arrested", None, 36),
                   "Lon Pike": ("arrested", None, 45)}


def test_a_lead_with_a_relative_clause_of_its_own():
    got = rows("<p>MIAMI – A physician who left the United States shortly before he was indicted in 2021 has been"
               " extradited from Peru to face charges that he wrote prescriptions for fentanyl.</p><p>Dr. Hugo"
               " Salcedo-Marin, 59, formerly of Coral Gables, made his initial appearance today. He is charged with"
               " conspiracy to distribute controlled substances.</p><p>The same indictment charges Palm Discount"
               " Pharmacy LLC and its owner, Nilda Roque, 47, of Hialeah. Roque pleaded guilty in June 2022.</p>",
               "Physician Extradited")
    assert got == {"Hugo Salcedo-Marin": ("extradited", None, 59), "Palm Discount Pharmacy LLC": ("charged", None, None),
                   "Nilda Roque": ("pleaded_guilty", None, 47)}


def test_the_term_a_judge_imposed_in_the_next_sentence():
    got = rows("<p>LEXINGTON – Gary Holt, 34, of Richmond, was sentenced on Monday by U.S. District Judge Paul Abner"
               " for conspiring to distribute fentanyl. Judge Abner imposed 240 months on the drug counts and a"
               " consecutive 60 months on the firearm count.</p><p>His girlfriend, Alma Toone, 28, pleaded guilty and"
               " was sentenced in February to 70 months in prison.</p>", "Darknet Vendor Sentenced")
    assert got == {"Gary Holt": ("sentenced", 300, 34), "Alma Toone": ("sentenced", 70, 28)}


def test_a_total_imposed_and_received():
    got = rows("<p>MCALLEN – Ray Soto, 44, of Mission, was sentenced for fentanyl trafficking and for violating his"
               " supervised release. Judge Dora Salas has now imposed a total of 117 months in prison for both cases."
               "</p><p>Ivan Cruz, 29, was sentenced to 60 months.</p>", "Two Sentenced")
    assert got == {"Ray Soto": ("sentenced", 117, 44), "Ivan Cruz": ("sentenced", 60, 29)}
    got = rows("<p>MCALLEN – Ray Soto, 44, of Mission, received a total of 117 months in prison for both cases.</p>",
               "Man Sentenced")
    assert got == {"Ray Soto": ("sentenced", 117, 44)}


def test_supervised_release_imposed_is_no_term():
    got = rows("<p>LEXINGTON – Gary Holt, 34, of Richmond, was sentenced on Monday for conspiring to distribute"
               " fentanyl. Judge Paul Abner also imposed five years of supervised release.</p><p>Alma Toone, 28,"
               " was sentenced in February to 70 months in prison.</p>", "Two Sentenced")
    assert got == {"Gary Holt": ("sentenced", None, 34), "Alma Toone": ("sentenced", 70, 28)}


def test_a_list_under_the_defendants_and_the_prison_terms_imposed():
    got = rows("<p>CHARLESTON, W.Va. – The leader of a drug trafficking organization that moved fentanyl from Detroit was"
               " sentenced today, the last of four defendants convicted in the case.</p><p>The defendants and the prison"
               " terms imposed by Chief United States District Judge Lora K. Hask are:</p><ul>"
               "<li>Jerome Oake, 34, of Detroit – 151 months</li><li>Lana Dee Holl, 41, of Charleston – 120 months</li>"
               "<li>Devon Marr, 27, of Detroit – 10 years</li><li>Colt Ray Stang, 45, of St. Albans – 70 months</li>"
               "</ul><p>Each defendant will also serve three years of supervised release.</p>", "Final Defendant Sentenced")
    assert got == {"Jerome Oake": ("sentenced", 151, 34), "Lana Dee Holl": ("sentenced", 120, 41),
                   "Devon Marr": ("sentenced", 120, 27), "Colt Ray Stang": ("sentenced", 70, 45)}


def test_ordered_to_serve_after_a_town_and_a_country_and_a_term_in_words():
    got = rows("<p>McALLEN, Texas – Two men who smuggled fentanyl in a gas tank have been sentenced.</p><p>U.S. District"
               " Judge Alma Quinto ordered Eli Garza-Vela, 46, of Reynosa, Mexico, to serve eight years in federal prison."
               " His co-defendant, Ismael Cantú, 29, of Pharr, received seven and a half years. Both men pleaded guilty"
               " in June.</p>", "Two Men Sentenced")
    assert got == {"Eli Garza-Vela": ("sentenced", 96, 46), "Ismael Cantú": ("sentenced", 90, 29)}


def test_a_glued_paragraph_opening_with_a():
    got = rows("<p>MIAMI – A Colombian national has been extradited to face charges of laundering fentanyl proceeds."
               " Julio Cortes Villa, 41, of Pereira, Colombia, arrived in Miami on Nov. 4. Officers of the Colombian"
               " National Police arrested Cortes Villa in Pereira in December 2023 on a provisional arrest warrant issued at the request of the United States.A"
               " co-defendant, Esteban Loera, 36, of Doral, was arrested in March 2024 and is awaiting trial.</p>",
               "Colombian National Extradited")
    assert got == {"Julio Cortes Villa": ("extradited", None, 41), "Esteban Loera": ("arrested", None, 36)}


def test_held_in_state_custody_on_other_charges():
    got = rows("<p>TOLEDO, Ohio – Three people were charged in an indictment unsealed today. The defendants are:</p><ul>"
               "<li>Rico Dale, 40, of Toledo – arrested May 2</li><li>Terrell Oko, 33, of Sylvania – held in state"
               " custody at the Lucas County Corrections Center on unrelated charges</li><li>Abel Fry, 29, of Maumee –"
               " fugitive</li></ul><p>The indictment charges conspiracy to distribute fentanyl.</p>", "Three Charged")
    assert got == {"Rico Dale": ("arrested", None, 40), "Terrell Oko": ("arrested", None, 33),
                   "Abel Fry": ("charged", None, 29)}
    got = rows("<p>NASHVILLE – Corey Hask, 32, of Nashville, was indicted for distributing fentanyl that caused a death."
               "</p><p>Hask has been held in the custody of the Davidson County Sheriff’s Office since October 2021 on"
               " pending state drug charges. He will be brought into federal court at a later date.</p>", "Man Indicted")
    assert got == {"Corey Hask": ("arrested", None, 32)}


def test_held_in_contempt_or_serving_a_sentence_is_no_arrest():
    got = rows("<p>NASHVILLE – Corey Hask, 32, of Nashville, was indicted for distributing fentanyl. Hask is being held"
               " in the custody of the Bureau of Prisons serving a sentence imposed in 2019.</p>", "Man Indicted")
    assert got == {"Corey Hask": ("charged", None, 32)}
    got = rows("<p>NASHVILLE – Corey Hask, 32, of Nashville, was indicted for distributing fentanyl. A hearing was"
               " held in Nashville on Monday.</p>", "Man Indicted")
    assert got == {"Corey Hask": ("charged", None, 32)}


def test_a_list_split_by_semicolons_after_the_verb():
    got = rows("<p>NEWARK, N.J. – A China-based chemical maker, two of its employees, a freight forwarder and its owner"
               " were charged in an indictment unsealed today.</p><p>It charges Hubei Qiyuan Chemical Co., Ltd."
               " (Qiyuan), a chemical company based in Wuhan, China; Zhou Lan, also known as “Linda Zhou,” 34, a"
               " Qiyuan sales representative; Gao Ming, 36, the company’s logistics manager; Ironside Transit LLC, a"
               " freight forwarder in Edison, New Jersey; and Trevor Malan, 49, of Edison, the owner of Ironside"
               " Transit.</p><p>Malan was arrested this morning. Zhou and Gao are believed to be in China.</p>",
               "Chinese Company, Employees and Freight Forwarder Indicted")
    assert got == {"Hubei Qiyuan Chemical Co., Ltd.": ("charged", None, None), "Zhou Lan": ("charged", None, 34),
                   "Gao Ming": ("charged", None, 36), "Ironside Transit LLC": ("charged", None, None),
                   "Trevor Malan": ("arrested", None, 49)}


def test_terms_split_by_semicolons_are_no_list_of_one_term():
    got = rows("<p>CHARLESTON, S.C. – Eight members of a street gang were sentenced this week in federal court.</p><p>U.S."
               " District Court Judge David Noor sentenced Kyle Brough, aka KBlacka, to 108 months in prison; Clyde"
               " Naquan Hamp, aka One Loyal Shooter, to 151 months in prison; Zane Ernest Hamp, aka TOB, to 84 months in"
               " prison; Bryant Jameek Dave, aka Savo, to time served; and Quinn Fish to time served. All were sentenced"
               " to three years of supervised release as well.</p><p>Clyde Naquan Hamp was sentenced for his role in a"
               " 2010 shooting. Zane Ernest Hamp was sentenced for his role in a 2012 robbery. Bryant Jameek Dave was"
               " sentenced for his role in a 2014 shooting.</p>", "Eight Gang Members Sentenced")
    assert all(got[n][1] in (want, None) for n, want in (("Clyde Naquan Hamp", 151), ("Zane Ernest Hamp", 84),
                                                        ("Bryant Jameek Dave", 0), ("Quinn Fish", 0)))


def test_people_named_together_before_a_plural_verb_that_spares_or_hurts_them():
    got = rows("<p>NEW HAVEN – Two people were charged with distributing fentanyl after nine overdoses near a shelter."
               "</p><p>Three of them, Frank Dell, 54, Maria Salce, 31, and Ken Boyd, 47, were hospitalized; all"
               " survived. Witnesses said the victims bought bags from Rita Vance, 29, and Omar Pike, 33, who were"
               " arrested on Friday.</p>", "Two Charged")
    assert got == {"Rita Vance": ("arrested", None, 29), "Omar Pike": ("arrested", None, 33)}
    # (a plural verb that says nothing of the kind leaves the others as they were)
    got = rows("<p>NEW YORK – Ray Romo, 32, and Efren Corona, 41, were each charged with sex trafficking of a minor.</p>",
               "Two Charged")
    assert got == {"Ray Romo": ("charged", None, 32), "Efren Corona": ("charged", None, 41)}


def test_a_person_revived_after_an_overdose_is_no_defendant():
    got = rows("<p>CANTON, Ohio – Dale Embry, 38, was sentenced to 120 months for running a fentanyl house.</p><p>On"
               " August 14, Canton firefighters revived Jeff Pollard, 46, who had overdosed minutes after buying"
               " fentanyl at the house.</p>", "Canton Man Sentenced")
    assert got == {"Dale Embry": ("sentenced", 120, 38)}


def test_two_named_with_ages_then_both_not_arrested():
    got = rows("<p>ROANOKE, Va. – A grand jury returned an indictment charging six people.</p><p>Four of the defendants"
               " were arrested on Tuesday. They are Javi Ruiz, 29, of Roanoke; Bri Holt, 22, of Salem; Tere Whit, 31,"
               " of Roanoke; and Marc Petty, 27, of Vinton. The two remaining defendants, Luis Ferro, 35, and Kea"
               " Mills, 24, both of Roanoke, have not been arrested.</p>", "Six Charged")
    assert got == {"Javi Ruiz": ("arrested", None, 29), "Bri Holt": ("arrested", None, 22),
                   "Tere Whit": ("arrested", None, 31), "Marc Petty": ("arrested", None, 27),
                   "Luis Ferro": ("charged", None, 35), "Kea Mills": ("charged", None, 24)}


def test_none_of_the_three_has_been_convicted():
    got = rows("<p>DETROIT – Three people were charged in a criminal complaint with distributing fentanyl.</p><p>Charged"
               " in the complaint are Deon Kincy, 29, of Detroit; Ali Norr, 23, of Inkster; and Mark Petty, 35, of"
               " Dearborn Heights. Kincy and Norr were arrested during the searches. Petty has not been arrested.</p>"
               "<p>The complaint contains allegations only; none of the three has been convicted.</p>", "Three Charged")
    assert got == {"Deon Kincy": ("arrested", None, 29), "Ali Norr": ("arrested", None, 23),
                   "Mark Petty": ("charged", None, 35)}


def test_a_companys_short_form_in_quotes_and_its_staff_after_semicolons():
    got = rows("<p>MIAMI – A grand jury returned an indictment charging a chemical company based in China and two of its"
               " managers.</p><p>Charged are Zhejiang Ficticio Biotechnology Co., Ltd. (“Ficticio Biotech”); its sales"
               " manager, Liang Wei, 36; and its general manager, Fang Qing, 41, both citizens of China. Liang was"
               " arrested on Aug. 9 at Miami International Airport. Fang remains in China.</p>",
               "Chinese Company and Two Managers Charged; Sales Manager Arrested in Miami")
    assert got == {"Zhejiang Ficticio Biotechnology Co., Ltd.": ("charged", None, None), "Liang Wei": ("arrested", None, 36),
                   "Fang Qing": ("charged", None, 41)}


def test_a_cartel_called_a_family_and_a_student_who_died():
    got = rows("<p>WASHINGTON – Two alleged leaders of La Nueva Familia Michoacana were expelled from Mexico today.</p>"
               "<p>Anselmo Cruz Baños, 61, is an alleged financial operator for La Nueva Familia Michoacana. He is charged"
               " in the Southern District of California with laundering fentanyl proceeds.</p><p>“Last month I met the"
               " parents of Nolan Brightwell, a 19-year-old college student in Tucson who died after taking a single"
               " pill,” the Administrator said.</p>", "Cartel Leader Expelled")
    assert set(got) == {"Anselmo Cruz Baños"}


def test_named_in_an_indictment_and_a_plea_of_not_guilty():
    got = rows("<p>KNOXVILLE – Two brothers pleaded guilty and a third awaits trial.</p><p>Caleb Whit, 29, Jonah Whit,"
               " 25, and Isaac Whit, 22, were named in a four-count indictment returned in September 2022. On March 7,"
               " 2023, Caleb and Jonah each pleaded guilty to conspiracy to distribute fentanyl.</p><p>Isaac has pleaded"
               " not guilty, and his trial is scheduled for May 2023.</p>", "Two Brothers Plead Guilty")
    assert got == {"Caleb Whit": ("pleaded_guilty", None, 29), "Jonah Whit": ("pleaded_guilty", None, 25),
                   "Isaac Whit": ("charged", None, 22)}


def test_a_company_named_again_without_its_legal_form_and_its_founder():
    got = rows("<p>SAN DIEGO – The founder of a Chula Vista trucking company was sentenced today to 135 months in federal"
               " prison for smuggling fentanyl, and the company itself pleaded guilty.</p><p>Ernesto Ocaña Ruiz, 61,"
               " president of Ocaña Family Freight, LLC, was sentenced by U.S. District Judge Mara Quin.</p><p>Also"
               " today, Ocaña Family Freight, acting through a corporate representative, pleaded guilty to conspiracy to"
               " import fentanyl.</p>", "Trucking Company Owner Sentenced and Family Company Pleads Guilty")
    assert got == {"Ernesto Ocaña Ruiz": ("sentenced", 135, 61), "Ocaña Family Freight, LLC": ("pleaded_guilty", None, None)}


def test_a_woman_and_her_two_sons_named_after_the_lead():
    got = rows("<p>CLEVELAND – A Cleveland woman and her two adult sons were sentenced this week for running a fentanyl"
               " business out of the family’s home.</p><p>Dena Harr, 54, and her sons, Marq Harr, 31, and Ty Harr, 27,"
               " each pleaded guilty earlier this year to conspiracy to distribute fentanyl.</p>", "Mother and Sons Sentenced")
    assert got == {"Dena Harr": ("sentenced", None, 54), "Marq Harr": ("sentenced", None, 31),
                   "Ty Harr": ("sentenced", None, 27)}


def test_a_pronoun_after_the_sentence_its_person_opens():
    got = rows("<p>HOUSTON – A 45-year-old Mexican national has been extradited to face charges that he led a family"
               " network that moved fentanyl.</p><p>Hector Salas Cano, of Reynosa, Tamaulipas, arrived in Houston on"
               " Oct. 18 and first appeared in court today before U.S. Magistrate Judge Ophelia N. Brandt. He is charged"
               " in a 2021 indictment with conspiracy to import fentanyl.</p><p>His brother, Ruben Salas Cano, 39, was"
               " previously sentenced to 168 months.</p>", "Alleged Leader Extradited")
    assert got == {"Hector Salas Cano": ("extradited", None, 45), "Ruben Salas Cano": ("sentenced", 168, 39)}


def test_a_count_after_a_dateline_with_a_colon_is_a_lead():
    got = rows("<p>BANGOR, Maine: Two men pleaded guilty Thursday in U.S. District Court in Bangor to conspiring to"
               " distribute fentanyl.</p><p>Shane Doyle, 31, of Brewer, and Ramón Polo, 29, of Lawrence, Massachusetts,"
               " each face up to 20 years in prison.</p><p>A third defendant, Trina Bouch, 44, of Old Town, pleaded"
               " guilty in December 2023 and is awaiting sentencing.</p>", "Two men plead guilty")
    assert got == {"Shane Doyle": ("pleaded_guilty", None, 31), "Ramón Polo": ("pleaded_guilty", None, 29),
                   "Trina Bouch": ("pleaded_guilty", None, 44)}


def test_a_name_in_capitals_before_its_description():
    got = rows("<p>NEW YORK – The U.S. Attorney announced an indictment charging HUBEI FICTICIO CO., LTD. with importing"
               " fentanyl precursors.  ANDREI VOLKOV, a broker who allegedly arranged purchases from the company for"
               " customers in Mexico, was arrested this morning in Queens.</p>", "Company and Broker Charged")
    assert got.get("ANDREI VOLKOV") == ("arrested", None, None)


def test_those_in_custody_are_a_list_of_arrests():
    got = rows("<p>HOUSTON – Authorities have taken four people into custody following the unsealing of an indictment."
               "</p><p>A grand jury returned the indictment Feb. 14. It was unsealed upon the arrests. Those in custody"
               " are:</p><ul><li>Jesús Ochoa Ruelas, 41, Pharr;</li><li>Ramiro Treviño, 36, Houston;</li><li>Yesenia"
               " Olvera, 33, Houston; and</li><li>Luis Saucedo, 25, Pasadena.</li></ul>", "Four Charged")
    assert got == {"Jesús Ochoa Ruelas": ("arrested", None, 41), "Ramiro Treviño": ("arrested", None, 36),
                   "Yesenia Olvera": ("arrested", None, 33), "Luis Saucedo": ("arrested", None, 25)}


def test_the_indictment_with_an_aside_names_a_company_and_its_staff():
    got = rows("<p>SALT LAKE CITY – A pill-press company, its owner and an employee were indicted.</p><p>The indictment,"
               " returned on August 11 and unsealed Tuesday, names Wasatch Press Supply LLC (Wasatch Press), of Orem;"
               " its owner, Garrett Ash, 46, of Orem; and its sales manager, Kris Halvor, 31, of Lindon. Ash was"
               " arrested on Tuesday.</p>", "Company, Owner and Employee Indicted")
    assert got == {"Wasatch Press Supply LLC": ("charged", None, None), "Garrett Ash": ("arrested", None, 46),
                   "Kris Halvor": ("charged", None, 31)}


def test_the_second_term_after_the_firsts_supervised_release():
    got = rows("<p>BANGOR, Maine – Two Bronx men were sentenced for trafficking fentanyl.</p><p>Judge Ted Merri sentenced"
               " Desmond Alva, 31, to 84 months in prison and four years of supervised release, and Kelvin Rutt, 27, to"
               " 70 months in prison and three years of supervised release.</p>", "Two Sentenced")
    assert got == {"Desmond Alva": ("sentenced", 84, 31), "Kelvin Rutt": ("sentenced", 70, 27)}


def test_jobs_written_before_the_names_of_a_list():
    got = rows("<p>MIAMI – A grand jury returned an indictment charging a chemical company based in China and two of its"
               " employees.</p><p>The indictment, unsealed on November 14, charges Wuhan Ficticio Biotechnology Co., Ltd."
               " (Ficticio Biotech), sales manager Liu Chen, also known as “Sunny Liu,” and logistics employee Zhou Ming"
               " with conspiracy to import fentanyl precursor chemicals. Liu Chen and Zhou Ming are believed to be in"
               " China.</p>", "Chinese Company and Two Employees Indicted")
    assert got == {"Wuhan Ficticio Biotechnology Co., Ltd.": ("charged", None, None), "Liu Chen": ("charged", None, None),
                   "Zhou Ming": ("charged", None, None)}


def test_a_company_after_a_count_of_people_and_one_after_its_owners_possessive():
    got = rows("<p>SALT LAKE CITY – A federal grand jury returned an indictment charging five individuals and an"
               " Ogden-based trucking company, Wasatch Peak Haulers LLC, with conspiracy to distribute fentanyl.</p><p>The"
               " indictment alleges that Corbin Strand, 47, of Ogden, the owner of Wasatch Peak Haulers, used the"
               " company’s trucks to move fentanyl pills.</p>", "Five People and Trucking Company Indicted")
    assert got.get("Wasatch Peak Haulers LLC") == ("charged", None, None)
    got = rows("<p>SEATTLE – A Tacoma man was arrested on an indictment charging him with selling fentanyl pills on"
               " darknet marketplaces. Toby Vang, 31, appeared in court and was ordered detained.</p><p>Also charged in"
               " the indictment are Vang’s business, Northbay Vape Distributors LLC, and Keely Raus, 29, of Lakewood,"
               " who allegedly packaged the pills. Raus will be arraigned later this month.</p>",
               "Tacoma Man Arrested, Indicted for Selling Fentanyl Pills")
    assert got == {"Toby Vang": ("arrested", None, 31), "Northbay Vape Distributors LLC": ("charged", None, None),
                   "Keely Raus": ("charged", None, 29)}
