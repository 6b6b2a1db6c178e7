"""Round 41 (invented fixtures in the shape of real DOJ releases about big cases; each failed before its
rule): 'Pleading guilty before Judge A. B were: …' (an inverted plea, initials in the judge's name); fugitives
named with an aside before their verb; 'The other defendants arrested are …'; 'charges nine defendants in
addition to X, including A and B … Seven of the nine were arrested' (a count without its noun, of all but
the one extradited); a title's 'Nine Others Charged' for those the text gives no stage; a Main Justice
round-up's sections per district; the last item of a one-line list ending with its sentence; 'the deaths of
A, 22, of X, on DATE, and B'; 'The Fant brothers, A and B were arrested'; a list going on past 'the owner of
Y LLC'; 'Brothers A and B'; 'a man was sentenced to 17 years, and his girlfriend to 70 months'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_an_inverted_plea_before_a_judge_with_an_initial():
    got = rows("<p>ERIE, Pa. – Three residents of Erie County have pleaded guilty to conspiring to distribute fentanyl,"
               " United States Attorney Norah J. Vance announced today.Pleading guilty before United States District"
               " Judge Ambrose T. Keel were: Darnell Ray Oakes, 33, of Erie; Katrina Lee Vos, 27, of Corry; and Lyle"
               " Dean Pettit, 42, of Union City.In connection with the guilty pleas, the Court was advised that the"
               " defendants bought fentanyl from Marcus Lee Tibbs, 45, of Cleveland. Tibbs was convicted by a federal"
               " jury in May; his sentencing is scheduled for September.</p>", "Three Plead Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Darnell Ray Oakes": "pleaded_guilty", "Katrina Lee Vos": "pleaded_guilty",
                                                 "Lyle Dean Pettit": "pleaded_guilty", "Marcus Lee Tibbs": "convicted"}


def test_a_count_of_arrests_with_fugitives_named_with_an_aside():
    names = ["Otis Ray Fairley", "Terrell Ann Fairley", "Keon Marquis Dobbs", "Osvaldo Ruiz Quintana", "Mateo Villa Peña"]
    roster = "".join(f"<li>{n}, {30 + i}, of Miami</li>" for i, n in enumerate(names))
    got = rows("<p>Federal agents arrested three people charged in an indictment.</p><p>The defendants charged in the"
               f" indictment are:</p><ul>{roster}</ul><p>Three of the defendants were arrested on February 9. Osvaldo"
               " Ruiz Quintana and Mateo Villa Peña, whom the indictment identifies as the organization’s suppliers,"
               " have not been arrested and are considered fugitives.</p>", "Five Charged")
    assert {k: v[0] for k, v in got.items()} == {"Otis Ray Fairley": "arrested", "Terrell Ann Fairley": "arrested",
                                                 "Keon Marquis Dobbs": "arrested", "Osvaldo Ruiz Quintana": "charged",
                                                 "Mateo Villa Peña": "charged"}


def test_nine_in_addition_to_the_one_extradited_seven_of_the_nine_arrested():
    got = rows("<p>Rigoberto Anselmo Ochoa Lugo, 47, was extradited from Mexico on Nov. 3. Ochoa Lugo sent fentanyl to a"
               " cell in Tulsa run by Mauricio Efrén Lares Tapia, 41, of Broken Arrow.</p><p>The superseding indictment"
               " charges six defendants in addition to Ochoa Lugo, including Lares Tapia and his wife, Rosaura Cisneros"
               " Maya, 38, of Broken Arrow, who allegedly counted the proceeds. Four of the six were arrested on Nov. 7;"
               " two remain fugitives.</p><p>The other defendants arrested are Hector Dario Ordaz Rivas, 29, of Tulsa;"
               " and Kenyon Marcel Boyd, 35, of Tulsa. The two fugitives, Ismael Ortega Gaxiola, 52, and Julio Cesar"
               " Aranda Benitez, 36, both of Hermosillo, Sonora, are believed to be in Mexico.</p>",
               "Alleged Sinaloa Cartel Trafficker Extradited From Mexico; Six Others Charged")
    assert {k: v[0] for k, v in got.items()} == {
        "Rigoberto Anselmo Ochoa Lugo": "extradited", "Mauricio Efrén Lares Tapia": "arrested",
        "Rosaura Cisneros Maya": "arrested", "Hector Dario Ordaz Rivas": "arrested", "Kenyon Marcel Boyd": "arrested",
        "Ismael Ortega Gaxiola": "charged", "Julio Cesar Aranda Benitez": "charged"}


def test_others_charged_in_the_title_for_those_without_a_stage():
    got = rows("<p>Rigoberto Anselmo Ochoa Lugo, 47, was extradited on Nov. 3. Ochoa Lugo sent fentanyl to a cell in"
               " Tulsa run by Mauricio Efrén Lares Tapia, 41, of Broken Arrow, and Rosaura Cisneros Maya, 38.</p>",
               "Alleged Cartel Trafficker Extradited From Mexico; Nine Others Charged in Fentanyl Conspiracy")
    assert {k: v[0] for k, v in got.items()} == {"Rigoberto Anselmo Ochoa Lugo": "extradited",
                                                 "Mauricio Efrén Lares Tapia": "charged", "Rosaura Cisneros Maya": "charged"}


def test_a_round_up_with_a_section_per_district():
    got = rows("<p>The Justice Department today announced charges and guilty pleas in two districts.</p>"
               "<p><strong>Western District of Texas</strong></p><p>An indictment unsealed in El Paso charges four"
               " defendants, including the alleged leader of the cell, Rodolfo Emilio Sauceda Vela, 39, of Ciudad Juárez."
               " Three of the four — Ivan Sauceda Monte, 23, of El Paso; Vanesa Liz Arreola, 30, of El Paso; and Tomas"
               " Agustin Reyna, 45, of Socorro, Texas — were arrested on Aug. 22. Sauceda Vela remains a fugitive.</p>"
               "<p><strong>Northern District of Indiana</strong></p><p>In Fort Wayne, three men who bought pills from"
               " the cell pleaded guilty this month: Braden Lee Fenster, 28, of Fort Wayne; Quinton Alvarez Dobbs, 34,"
               " of Fort Wayne; and Ryder Dale Hines, 25, of New Haven, Indiana. They are scheduled to be sentenced in"
               " December.</p>", "Justice Department Announces Charges and Pleas in Two Districts")
    assert {k: v[0] for k, v in got.items()} == {
        "Rodolfo Emilio Sauceda Vela": "charged", "Ivan Sauceda Monte": "arrested", "Vanesa Liz Arreola": "arrested",
        "Tomas Agustin Reyna": "arrested", "Braden Lee Fenster": "pleaded_guilty", "Quinton Alvarez Dobbs": "pleaded_guilty",
        "Ryder Dale Hines": "pleaded_guilty"}


def test_the_last_item_of_a_one_line_list_ends_with_its_sentence():
    got = rows("<p>The following defendants were sentenced: Dexter Cruz Ogumo, 38, of Garapan, 135 months; Lorna Santos"
               " Kapili, 29, of San Vicente, 70 months; and Marvin Reyes Cabral, 44, of Chalan Kanoa, eight years. Each"
               " was also ordered to serve a term of supervised release.</p>", "Three Sentenced")
    assert got == {"Dexter Cruz Ogumo": ("sentenced", 135.0, 38), "Lorna Santos Kapili": ("sentenced", 70.0, 29),
                   "Marvin Reyes Cabral": ("sentenced", 96.0, 44)}


def test_the_second_of_the_dead_after_a_date():
    got = rows("<p>Darius Montel Fane, 34, was indicted. The indictment alleges that fentanyl distributed by the"
               " conspiracy caused the deaths of Colby Reese Whitley, 22, of Shepherdsville, on November 3, 2019, and"
               " Marian Jean Sturgis, 31, of Louisville, on February 16, 2020.</p>", "One Indicted")
    assert set(got) == {"Darius Montel Fane"}


def test_a_family_named_by_its_surname_opening_a_list():
    got = rows("<p>A grand jury returned an indictment charging five people with conspiring to distribute fentanyl.</p>"
               "<p>According to the indictment, brothers Darius Montel Fane, 34, and Kentrell Lamar Fane, 29, both of"
               " Louisville, obtained fentanyl in bulk.</p><p>Whitney Paige Dunn, 27, of Shepherdsville, is charged with"
               " conspiracy.</p><p>Jovan Alexis Crane, 31, of Louisville, is charged with conspiracy.</p><p>Alonzo"
               " Maurice Teague, 36, of Louisville, is charged with conspiracy.</p><p>The Fane brothers, Dunn and Crane"
               " were arrested on July 28 and made their initial appearances. Teague has not been located and is"
               " considered a fugitive.</p>", "Five Indicted")
    assert {k: v[0] for k, v in got.items()} == {"Darius Montel Fane": "arrested", "Kentrell Lamar Fane": "arrested",
                                                 "Whitney Paige Dunn": "arrested", "Jovan Alexis Crane": "arrested",
                                                 "Alonzo Maurice Teague": "charged"}


def test_a_list_goes_on_past_the_company_a_role_names():
    got = rows("<p>An indictment was unsealed today charging a freight forwarder, its owners and two other men. Vadim"
               " Petrov, 52, of Staten Island, who owns Harbor Crest Logistics Inc., was arrested this morning, as were"
               " Sheldon Marks, 61, of Great Neck, the owner of Greenpoint Allied Chemical Supply LLC, and Emil Dragan,"
               " 34, of Queens, a warehouse manager at Harbor Crest.</p>", "Two Companies and Three Individuals Charged")
    assert got["Sheldon Marks"][0] == "arrested"
    assert got["Emil Dragan"][0] == "arrested"


def test_brothers_opening_a_sentence_is_no_part_of_a_name():
    got = rows("<p>SAN JUAN, Puerto Rico – Two leaders of a drug trafficking organization were sentenced today. Brothers"
               " Edgar Luis Marrero Ríos and Joel Antonio Marrero Ríos supplied the drug points. Edgar Luis Marrero Ríos"
               " was sentenced to 262 months and Joel Antonio Marrero Ríos to 235 months.</p>", "Two Sentenced")
    assert set(got) == {"Edgar Luis Marrero Ríos", "Joel Antonio Marrero Ríos"}


def test_a_relative_sentenced_by_role_in_the_lead_and_named_later():
    got = rows("<p>A Murfreesboro, Tennessee, man was sentenced today to 17 years in prison, and his girlfriend to 70"
               " months in prison, for selling counterfeit pills containing fentanyl on darknet markets.</p><p>According"
               " to court documents, Cody Alan Whitaker, 31, ran a vendor account. His girlfriend, Briana Lynn Scarbro,"
               " 29, packaged the pills and mailed them. Whitaker and Scarbro pleaded guilty in June 2020.</p>",
               "Tennessee Couple Sentenced")
    assert got == {"Cody Alan Whitaker": ("sentenced", 204.0, 31), "Briana Lynn Scarbro": ("sentenced", 70.0, 29)}


def test_a_resentencing_replaces_the_term_it_follows():
    got = rows("<p>BOSTON – A Lawrence man was resentenced today in federal court.</p><p>Ramon Elias Tejeda Cruz, 41,"
               " was resentenced by U.S. District Judge Orla P. Finch to 188 months in prison and five years of"
               " supervised release. In June 2017, Tejeda Cruz was convicted by a federal jury and was sentenced to 262"
               " months in prison as a career offender. In 2019, the court of appeals vacated that sentence.</p>",
               "Lawrence Man Resentenced for Fentanyl Trafficking")
    assert got == {"Ramon Elias Tejeda Cruz": ("sentenced", 188.0, 41)}


def test_a_surname_two_brothers_share_is_the_first_ones_before_the_second_is_named():
    got = rows("<p>HAMMOND – Rashid Lamar Tipton, 29 years old, of Gary, Indiana, was sentenced after pleading guilty"
               " to possession with intent to distribute fentanyl.</p><p>Tipton was sentenced to 92 months in prison"
               " followed by 4 years of supervised release.</p><p>According to documents in this case, Tipton and his"
               " brother, Devon Marcel Tipton, 26 years old, of Gary, sold fentanyl on four occasions. Devon Tipton"
               " pleaded guilty and was sentenced in January 2024 to 60 months in prison.</p>", "Gary Man Sentenced")
    assert got == {"Rashid Lamar Tipton": ("sentenced", 92.0, 29), "Devon Marcel Tipton": ("sentenced", 60.0, 26)}


def test_the_following_defendants_is_no_single_defendant():
    got = rows("<p>MACON, Ga. – Two members of a drug ring were sentenced this week.</p><p>The following defendants"
               " were sentenced by U.S. District Judge Eustace W. Harrow after previously pleading guilty:</p>"
               "<table><tr><th>Defendant</th><th>Age</th><th>Residence</th><th>Sentence</th></tr>"
               "<tr><td>Marcus Antoine Stubbs</td><td>40</td><td>Macon</td><td>240 months</td></tr>"
               "<tr><td>Javon Elijah Strother</td><td>24</td><td>Macon</td><td>41 months</td></tr></table>"
               "<p>A third defendant, Reggie Terrell Spiker, 51, of Atlanta, who supplied the ring, pleaded guilty in May"
               " and is scheduled to be sentenced in September.</p>", "Two Sentenced for Roles in Macon Drug Ring")
    assert got["Reggie Terrell Spiker"] == ("pleaded_guilty", None, 51)
    assert got["Marcus Antoine Stubbs"] == ("sentenced", 240.0, 40)
