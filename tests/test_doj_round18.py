"""DOJ prose, round 18 (invented releases in the shape of real ones, and of real releases read by an
audit): given names that are months, short forms of two-surname names, a father and a son, plea
wordings, former officers, employers, alias lists."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_month_that_is_a_given_name():
    got = rows("<p>KANSAS CITY, Mo. – Lavell Ashworth, 39, was sentenced to 20 years in federal prison.</p><p>A"
               " third co-defendant, Paisley June Rutledge, 28, of Independence, has also pleaded guilty. In June"
               " Ashworth was arrested.</p>", "Kansas City Man Sentenced")
    assert got == {"Lavell Ashworth": ("sentenced", 240.0, 39), "Paisley June Rutledge": ("pleaded_guilty", None, 28)}


def test_short_forms_a_first_surname_and_a_father_named_like_his_sons_middle_name():
    got = rows("<p>ALBUQUERQUE – Police stopped a car driven by Elmer Josué Zelaya Chinchilla, 27, a citizen of"
               " Honduras.</p><p>Elmer Zelaya pleaded guilty on Aug. 5 to possession with intent to distribute"
               " fentanyl.</p>", "Honduran National Pleads Guilty")
    assert got == {"Elmer Josué Zelaya Chinchilla": ("pleaded_guilty", None, 27)}
    got = rows("<p>COLUMBIA – Dontrell Wendell Crowder, 34, of West Columbia, has been sentenced to 121 months in"
               " federal prison. His father, Wendell Ray Crowder Sr., 61, of Gaston, was sentenced to 63 months.</p>"
               "<p>Judge Heyward sentenced Dontrell Crowder to 121 months and Wendell Crowder to 63 months.</p>",
               "Father and Son Sentenced")
    assert got == {"Dontrell Wendell Crowder": ("sentenced", 121.0, 34), "Wendell Ray Crowder Sr.": ("sentenced", 63.0, 61)}
    # a son is never his father, whatever their middle names
    got = rows("<p>RENO – Vernon Lee Kasper Sr., 58, pleaded guilty. His son, Vernon Kasper Jr., 30, was convicted at"
               " trial.</p>", "Father Pleads, Son Convicted")
    assert got == {"Vernon Lee Kasper Sr.": ("pleaded_guilty", None, 58), "Vernon Kasper Jr.": ("convicted", None, 30)}


def test_pleas_written_otherwise():
    got = rows("<p>LONDON, Ky. — Tavion Brisco, 27, was sentenced to 22 years in federal prison.</p><p>On the same"
               " day, Brisco’s girlfriend, Destinee Rae Hoskin, 24, of Williamsburg, admitted that she hid his"
               " proceeds, pleading guilty to misprision of a felony.</p><p>Amani Okoro-Sloan, 31, of Columbus,"
               " Ohio, admitted to one count of interstate travel in aid of racketeering.</p>", "Corbin Man Sentenced")
    assert got["Destinee Rae Hoskin"][0] == got["Amani Okoro-Sloan"][0] == "pleaded_guilty"
    # admitting a fact is no plea
    got = rows("<p>DAYTON – Jane Roe, 30, was charged with distributing fentanyl. Roe admitted to police that she sold"
               " pills.</p>", "Woman Charged")
    assert got["Jane Roe"][0] == "charged"


def test_probation_received_is_a_sentence():
    got = rows("<p>KNOXVILLE – Judge Whitaker sentenced two Blount County residents.</p><p>Raylan Penning, 38, of"
               " Maryville, was sentenced to 188 months in federal prison. Nhu Quynh Tranh, 44, of Maryville, received"
               " five years of probation, the first eight months of which are to be served on home confinement.</p>"
               "<p>Both defendants pleaded guilty earlier this year.</p>", "Two Sentenced")
    assert got == {"Raylan Penning": ("sentenced", 188.0, 38), "Nhu Quynh Tranh": ("sentenced", None, 44)}


def test_a_former_officer_is_a_defendant():
    got = rows("<p>DALLAS – Former Officer Willard Fred Knowlton, 66, was sentenced today to 41 months in prison for"
               " selling fentanyl pills.</p>", "Former Officer Sentenced")
    assert got == {"Willard Fred Knowlton": ("sentenced", 41.0, 66)}
    got = rows("<p>MONTGOMERY – Former Tallassee, Alabama, Assistant Police Chief, Chris Mayle, 41, pleaded guilty"
               " today to distributing fentanyl.</p>", "Former Chief Pleads Guilty")
    assert got == {"Chris Mayle": ("pleaded_guilty", None, 41)}


def test_an_employer_is_no_defendant():
    got = rows("<p>PITTSBURGH – A former Pittsfield Industries, Inc. employee has been arrested and charged with"
               " stealing trade secrets. Tao Lin, 44, was arrested Monday.</p>", "Former Employee Charged")
    assert got == {"Tao Lin": ("arrested", None, 44)}
    got = rows("<p>WASHINGTON – Acme Optronics Corporation, a Taiwan-based producer, was sentenced today to pay a fine."
               " Former Acme Optronics Corporation president Hsuan Bin Chow was sentenced to serve three years in"
               " prison. Former Acme Optronics Corporation executive vice president Hui Hsiang was also sentenced to"
               " serve three years in prison.</p>", "Company and Executives Sentenced")
    assert got == {"Acme Optronics Corporation": ("sentenced", None, None), "Hsuan Bin Chow": ("sentenced", 36.0, None),
                   "Hui Hsiang": ("sentenced", 36.0, None)}


def test_alias_lists_are_no_people():
    got = rows("<p>BALTIMORE – A federal jury convicted Chinua Shepard, aka Nu, NuNu and King Nu, 28, of Washington,"
               " D.C., of racketeering conspiracy. Joe Tarley Johnson, aka JR, Big Pasha, and Kuttroat, 26, of"
               " Charlotte, pleaded guilty.</p>", "Gang Member Convicted")
    assert got == {"Chinua Shepard": ("convicted", None, 28), "Joe Tarley Johnson": ("pleaded_guilty", None, 26)}
    # an alias, then the next defendant
    got = rows("<p>BALTIMORE – Jane Roe, aka Flaco, and John Doe, 32, were charged with fentanyl trafficking.</p>",
               "Two Charged")
    assert got == {"Jane Roe": ("charged", None, None), "John Doe": ("charged", None, 32)}


def test_an_alias_in_a_tables_name_cell():
    got = rows("<p>SAN DIEGO – Fifty defendants were charged today with trafficking fentanyl.</p><table><tr>"
               "<th>Defendant</th><th>Age</th><th>City</th></tr><tr><td>Javier Castro, Aka Javi</td><td>53</td>"
               "<td>San Marcos, CA</td></tr><tr><td>Ivan Bazan Aka Dreamer</td><td>32</td><td>Vista, CA</td></tr>"
               "</table>", "Fifty Charged")
    assert got == {"Javier Castro": ("charged", None, 53), "Ivan Bazan": ("charged", None, 32)}


def test_one_individual_and_an_additional_one_are_not_the_release_s_defendant():
    got = rows("<p>NEWARK – Nine individuals have pleaded guilty in the investigation. One individual was sentenced to six"
               " months of home confinement. An additional individual, John A. Benning, a Canadian citizen, was also"
               " charged in 2009 and is facing extradition to the United States.</p>", "Co-Owner Pleads Guilty")
    assert got == {"John A. Benning": ("charged", None, None)}


def test_companies_described_as_the_object_and_named_as_the_subject_of_the_next_sentence():
    got = rows("<p>A federal grand jury returned an indictment, unsealed today, charging two China-based chemical companies"
               " and two of their employees with conspiring to import fentanyl precursors.</p><p>According to court"
               " documents, Wuhan Ruiyang Biotechnology Co., Ltd. (Ruiyang) and Hebei Jinshan Chemical Trading Co.,"
               " Limited (Jinshan) advertised precursor chemicals on their websites.</p><p>Zhao Wenli, 39, a sales"
               " manager for Ruiyang, was arrested in Honolulu. Li Meiyun, 34, a sales representative for Jinshan,"
               " remains at large in China.</p>", "Charges Against China-Based Chemical Companies")
    assert got == {"Wuhan Ruiyang Biotechnology Co., Ltd.": ("charged", None, None),
                   "Hebei Jinshan Chemical Trading Co., Limited": ("charged", None, None),
                   "Zhao Wenli": ("arrested", None, 39), "Li Meiyun": ("charged", None, 34)}


def test_the_first_of_a_hyphenated_surname_alone_and_a_list_of_the_extradited():
    got = rows("<p>SAN JUAN – Pedro Lorca-Tirado, 34, Luis Rivas-Figueroa, 29, and Ana Maldonado, 41, were indicted on"
               " Tuesday.</p><p>Lorca and Rivas pleaded guilty before U.S. District Judge José Fuste on the same day.</p>",
               "Three Charged")
    assert got == {"Pedro Lorca-Tirado": ("pleaded_guilty", None, 34), "Luis Rivas-Figueroa": ("pleaded_guilty", None, 29),
                   "Ana Maldonado": ("charged", None, 41)}
    got = rows("<p>WASHINGTON – Three individuals have been extradited over the past week from Mexico.</p><p>The"
               " extradited defendants are the following:</p><p>Alfredo Molinar Garza, 44, of Chihuahua;</p><p>Rigoberto"
               " Yanes, 39, of Juarez;</p><p>Cantalicia Garcia, 51, of Reynosa.</p>", "Three Extradited")
    assert {a for a, _, _ in got.values()} == {"extradited"} and len(got) == 3


def test_aliases_after_a_comma_a_suffix_between_two_names_and_respective_terms():
    got = rows("<p>HOUSTON – Ben Christian Dillard, aka, Tuff, 40, of Houston, and James Marshall Meldon, aka Dirty, 40,"
               " of Dallas, each pleaded guilty before U.S. District Judge Sim Lake. Co-defendants Gregory Thomason, Sr.,"
               " and Nicklaus Woodward are awaiting trial.</p><p>Two others, James Lawrence Burnett, 44, and Kenneth"
               " Hancox, 34, were ordered to serve respective terms of 20 and 15 years in federal prison.</p>",
               "Gang Members Plead Guilty")
    assert got == {"Ben Christian Dillard": ("pleaded_guilty", None, 40), "James Marshall Meldon": ("pleaded_guilty", None, 40),
                   "Gregory Thomason": ("charged", None, None), "Nicklaus Woodward": ("charged", None, None),
                   "James Lawrence Burnett": ("sentenced", 240.0, 44), "Kenneth Hancox": ("sentenced", 180.0, 34)}


def test_a_status_cell_with_a_plea_then_a_sentence_and_a_conviction_that_names_a_charge():
    got = rows("<p>TULSA – Two men were sentenced.</p><table><tr><th>Defendant</th><th>Status</th></tr><tr><td>John"
               " Roan</td><td>Pleaded guilty June 26, 2015. Sentenced to 21 years in prison on Sept. 18, 2015.</td></tr>"
               "<tr><td>Mark Ellery</td><td>Pleaded guilty July 2, 2015.</td></tr></table>", "Two Sentenced")
    assert got == {"John Roan": ("sentenced", 252.0, None), "Mark Ellery": ("pleaded_guilty", None, None)}
    got = rows("<p>DALLAS – Ronald Pike, 45, of Dallas, was charged with possessing a firearm after having been convicted"
               " of a felony.</p>", "Dallas Man Charged")
    assert got == {"Ronald Pike": ("charged", None, 45)}
    got = rows("<p>PITTSBURGH – Michael Jonas, 25, of New Kensington, pleaded guilty to two counts. In 2014, Jonas, having"
               " previously been convicted of a felony offense, was in possession of five firearms.</p>", "Man Pleads Guilty")
    assert got == {"Michael Jonas": ("pleaded_guilty", None, 25)}


def test_a_singular_verb_after_a_semicolon_has_its_own_subject():
    got = rows("<p>PITTSBURGH – Three men were sentenced today. Tyrone Pryce, 27, sentenced to 140 months in prison;"
               " Kojo Leland, 20, was sentenced to 97 months in prison; and Dana Rook, 31, was sentenced to 60"
               " months.</p>", "Three Sentenced")
    assert got == {"Tyrone Pryce": ("sentenced", 140.0, 27), "Kojo Leland": ("sentenced", 97.0, 20),
                   "Dana Rook": ("sentenced", 60.0, 31)}
    # a list before a plural or unmarked verb stays one subject; a stray semicolon before 'was' keeps its name
    got = rows("<p>PITTSBURGH – Amy Roe, 41, of Pasco; Bo Doe, 36, of Pasco; and Cy Poe, 30, pleaded guilty. Julio"
               " Rosas, 24, aka Stiler, of Guilford County, N.C.; was sentenced today to 320 months in prison.</p>",
               "Four Defendants")
    assert got == {"Amy Roe": ("pleaded_guilty", None, 41), "Bo Doe": ("pleaded_guilty", None, 36),
                   "Cy Poe": ("pleaded_guilty", None, 30), "Julio Rosas": ("sentenced", 320.0, 24)}


def test_a_person_arrested_along_with_the_subject():
    got = rows("<p>SAN JOSE – Gao Lin, 40, was arrested on Tuesday along with a co-defendant, Zhang Xiao Dong, 39.</p>",
               "Two Arrested")
    assert got == {"Gao Lin": ("arrested", None, 40), "Zhang Xiao Dong": ("arrested", None, 39)}


def test_round_20_an_initial_a_in_capitals_and_a_record_told_with_had_previously_been():
    got = rows("<p>NEW ORLEANS – Three men were indicted. CORNELL J. FONTAINE (“FONTAINE”), age 41, TERRANCE A. BROUSARD,"
               " JR. (“BROUSARD”), age 34, and KEVIN P. DUCROS (“DUCROS”), age 26, are charged in a five-count"
               " indictment.</p>", "Three Indicted")
    assert got == {"CORNELL J. FONTAINE": ("charged", None, 41), "TERRANCE A. BROUSARD": ("charged", None, 34),
                   "KEVIN P. DUCROS": ("charged", None, 26)}
    got = rows("<p>PENSACOLA – Dontavius Mackey, 31, of Pensacola, pleaded guilty to possession of fentanyl. Mackey had"
               " previously been convicted of felony offenses in Escambia County.</p>", "Man Pleads Guilty")
    assert got == {"Dontavius Mackey": ("pleaded_guilty", None, 31)}


def test_round_21_a_company_after_by_and_the_court_of_a_shared_office_by_its_dateline():
    got = rows("<p>LOS ANGELES – Two men were charged. Yong Chen, 46, of San Gabriel, moved the money through accounts held"
               " by Golden Heron Trading LLC (Golden Heron), an import-export company Chen controlled. Chen was arrested"
               " on Aug. 19. Golden Heron is charged with conspiracy to commit money laundering.</p>", "Two Charged")
    assert "Golden Heron Trading LLC" in got and not any(n.startswith("y ") for n in got)
    from scrapers.sources.doj.districts import release_districts
    office = ["USAO - Guam and Northern Mariana Islands"]
    assert release_districts(office, None, "Dededo Man Pleads Guilty\nHAGÅTÑA, Guam – A man pleaded guilty.") == \
        ["District of Guam"]
    assert release_districts(office, None, "Man Sentenced\nSAIPAN – A man was sentenced.") == \
        ["District of the Northern Mariana Islands"]
    assert release_districts(office, None, "Man Sentenced\nA man from Saipan and Guam was sentenced.") == \
        ["Districts of Guam and the Northern Mariana Islands"]


def test_review_guards_shifted_columns_companies_and_over_reaching_rules():
    # a table whose image column is dropped: its name column is not read from the shifted cells
    got = rows("<p>DAYTON – Two men were charged.</p><table><tr><th>Photo</th><th>Name</th><th>Hometown</th></tr><tr>"
               "<td><img src='x.jpg'></td><td>John Smith</td><td>Dayton, Ohio</td></tr></table>", "Two Charged")
    assert "Ohio Dayton" not in got
    # a company in a name column is no name written surname first
    got = rows("<p>DAYTON – A pharmacy was charged.</p><table><tr><th>Defendant</th><th>Status</th></tr><tr><td>Acme"
               " Pharmacy, Inc</td><td>Charged</td></tr></table>", "Pharmacy Charged")
    assert "Inc Acme Pharmacy" not in got
    # a semicolon inside the subject's own relative clause
    got = rows("<p>DAYTON – John Smith, 40, who supplied fentanyl to Maria Lopez; Peter Green; and Tom Brown, was sentenced"
               " to 60 months.</p>", "Man Sentenced")
    assert got["John Smith"] == ("sentenced", 60.0, 40) and "Tom Brown" not in got
    # an age in words before a lower-case description is nobody's
    got = rows("<p>DAYTON – The thirty-year-old mother of John Doe testified. Ken Roe, 40, was sentenced to 60 months.</p>",
               "Man Sentenced")
    assert got == {"Ken Roe": ("sentenced", 60.0, 40)}
    # a fugitive named in passing after 'The defendant …' is no defendant
    got = rows("<p>DAYTON – Ken Roe, 40, was sentenced to 60 months. The defendant obtained the fentanyl from his supplier"
               " in Sinaloa, Juan Perez Lopez, who remains a fugitive.</p>", "Man Sentenced")
    assert got == {"Ken Roe": ("sentenced", 60.0, 40)}
    # people after an alias before a plural verb are people, not aliases
    got = rows("<p>DAYTON – Luis Soto, aka Flaco, Jose Diaz and Pedro Ruiz, 30, were arrested.</p>", "Three Arrested")
    assert set(got) == {"Luis Soto", "Jose Diaz", "Pedro Ruiz"}
    # 'respective terms' stop before the supervision
    got = rows("<p>DAYTON – John Smith, 40, and Tom Jones, 35, were sentenced to serve respective terms of 20 and 15 years in"
               " prison, followed by three years of supervised release.</p>", "Two Sentenced")
    assert got == {"John Smith": ("sentenced", 240.0, 40), "Tom Jones": ("sentenced", 180.0, 35)}
