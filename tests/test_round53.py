"""Round 53 (invented fixtures in the shape of real releases; each failed before its rule): a surname that is
also a place word is kept before a suffix ('Raymond Lake Sr., 58,'); street names in the plural are places
('Kensington and Allegheny Avenues'); a pair as the object of the verb ('convicted an El Paso woman and her
brother'); a heading of its own over a list ('Arrested:', 'Fugitives:'); a name of three words shortened to
its middle one, the first of two surnames ('Tarango'); a name in a phrase before the subject ('In addition
to A, …, B and C pleaded guilty'); a long description between two names of one list; a stated count of
defendants never makes defendants of people named long before it."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_surname_that_is_a_place_word_before_its_suffix():
    got = rows("<p>TOLEDO, Ohio – A federal grand jury returned an indictment charging a father and son and a Perrysburg"
               " man.</p><p>Harlan Lake Sr., 61, and his son, Wade Lake, 33, both of Toledo, and Dennis Ray Field,"
               " 44, of Perrysburg, are charged with conspiracy to distribute fentanyl.</p><p>Wade Lake was arrested"
               " on May 2 and remains in custody. Lake Sr. and Field will appear for arraignment later.</p>",
               "Father and Son Indicted")
    assert got == {"Harlan Lake Sr.": ("charged", None, 61), "Wade Lake": ("arrested", None, 33),
                   "Dennis Ray Field": ("charged", None, 44)}


def test_street_names_in_the_plural_are_places():
    got = rows("<p>CAMDEN – Two men who sold fentanyl near the corner of Ferry and Mickle Avenues were sentenced this"
               " week.</p><p>Dorian Pell, 30, of Camden, was sentenced to 97 months. Tomas Rigg, 27, of Camden, was"
               " sentenced to 70 months.</p>", "Two Sentenced")
    assert got == {"Dorian Pell": ("sentenced", 97, 30), "Tomas Rigg": ("sentenced", 70, 27)}


def test_a_pair_as_the_object_of_the_verdict():
    got = rows("<p>YUMA, Ariz. – A federal jury convicted a Yuma woman and her brother Thursday of importing"
               " fentanyl.</p><p>According to evidence presented at trial, Lorena Isabel Parra Soto, 41, and Benito"
               " Parra Soto, 37, both of Yuma, recruited drivers to carry fentanyl across the border.</p><p>Sentencing"
               " is set for March 3.</p>", "Siblings Convicted")
    assert got == {"Lorena Isabel Parra Soto": ("convicted", None, 41), "Benito Parra Soto": ("convicted", None, 37)}


def test_a_heading_of_its_own_over_each_list():
    got = rows("<p>READING, Pa. – Five defendants have been charged by indictment with distributing fentanyl.</p>"
               "<p>Three were arrested on May 6 during a coordinated operation.</p><p><strong>Arrested:</strong></p>"
               "<ul><li>Alma Ruth Ocasio, 36, of Reading</li><li>Kevin Tull, 24, of Reading</li>"
               "<li>Marco Anton Vidal, 45, of Allentown</li></ul><p><strong>Fugitives:</strong></p>"
               "<ul><li>Jared Lomax, 29, of Reading</li><li>Felix Quan, 33, of Pottstown</li></ul>"
               "<p>An indictment is an accusation.</p>", "Five Charged")
    assert got == {"Alma Ruth Ocasio": ("arrested", None, 36), "Kevin Tull": ("arrested", None, 24),
                   "Marco Anton Vidal": ("arrested", None, 45), "Jared Lomax": ("charged", None, 29),
                   "Felix Quan": ("charged", None, 33)}


def test_a_name_shortened_to_the_first_of_two_surnames():
    got = rows("<p>EL PASO, Texas – A grand jury returned an indictment charging two men with importing fentanyl.</p>"
               "<p>Officers referred a truck driven by Ramiro Ocaña Beltrán, 24, for inspection. The indictment alleges"
               " that Julian Ray Pardo, 20, recruited Ocaña to drive it.</p><p>Ocaña was arrested at the port of entry."
               " A warrant has been issued for Pardo.</p>", "Two Indicted")
    assert got == {"Ramiro Ocaña Beltrán": ("arrested", None, 24), "Julian Ray Pardo": ("charged", None, 20)}


def test_the_middle_word_is_no_reference_inside_a_place():
    got = rows("<p>A grand jury indicted Bruce Wayne Colter, 40, of Detroit, for distributing fentanyl.</p><p>The"
               " Wayne County Sheriff’s Office arrested four people in the same investigation.</p>", "Man Indicted")
    assert got == {"Bruce Wayne Colter": ("charged", None, 40)}


def test_a_name_in_a_phrase_before_the_subject():
    got = rows("<p>The indictment charges Carl Dunmore, 50, of Dayton, with conspiracy.</p><p>Earlier, Omar Yassir"
               " pleaded guilty to conspiracy. In addition to Yassir, two of Dunmores other suppliers, Peter Voss and"
               " Nadia Karr, previously pleaded guilty to conspiracy.</p>", "Man Indicted")
    assert got == {"Carl Dunmore": ("charged", None, 50), "Omar Yassir": ("pleaded_guilty", None, None),
                   "Peter Voss": ("pleaded_guilty", None, None), "Nadia Karr": ("pleaded_guilty", None, None)}


def test_a_long_description_between_two_names_of_a_list():
    got = rows("<p>A criminal complaint filed today charges Daryush Kamali, a 51-year-old naturalized U.S. citizen"
               " holding both Iranian and U.S. passports, and Reza Tabani, an Iran-based associate, with conspiracy to"
               " import fentanyl.</p><p>Tabani remains at large. Kamali was arrested on May 2.</p>", "Two Charged")
    assert got == {"Daryush Kamali": ("arrested", None, 51), "Reza Tabani": ("charged", None, None)}


def test_a_stated_count_names_no_one_named_long_before_it():
    filler = "".join(f"<p>The program trained {n} officers in community policing that year.</p>" for n in range(10, 30))
    got = rows("<p>WASHINGTON – The Attorney General presented awards for distinguished service.</p><p>The award went"
               " to Lena Voigt, Miriam Oster and Carl Brandt for their work with schools.</p>" + filler +
               "<p>In one case, officers identified three individuals suspected of selling fentanyl pills. They were"
               " later indicted.</p>", "Awards Presented")
    assert got == {}


def test_an_elliptic_term_after_supervised_release_is_release_too():
    got = rows("<p>Minh Tao, 36, and his sister, Lan Tao, 33, both of Fresno, were sentenced today for selling fentanyl"
               " pills. Judge Ruiz ordered Minh Tao to serve five years of supervised release and Lan Tao to serve three"
               " years.</p>", "Siblings Sentenced")
    assert got == {"Minh Tao": ("sentenced", None, 36), "Lan Tao": ("sentenced", None, 33)}


def test_his_sister_was_sentenced_in_the_same_sentence_as_the_lead():
    got = rows("<p>FRESNO – A Clovis man was sentenced today to 150 months in federal prison and his sister was sentenced"
               " to 46 months for selling fentanyl pills.</p><p>Dang Van Ho, 36, and his sister, Mai Thi Ho, 31, both of"
               " Clovis, were sentenced by Judge Ruiz.</p>", "Brother and Sister Sentenced")
    assert got == {"Dang Van Ho": ("sentenced", 150, 36), "Mai Thi Ho": ("sentenced", 46, 31)}


def test_a_surname_written_with_its_particles_joins_a_list():
    got = rows("<p>BOSTON – Two men were charged by complaint with fentanyl trafficking.</p><p>Mateo Ruiz Cabral, 38, of"
               " Lawrence, and Julio César de la Cruz-Almonte, 45, of Haverhill, were each charged with conspiracy."
               " Ruiz Cabral and de la Cruz-Almonte were arrested on June 11.</p>", "Two Charged")
    assert got == {"Mateo Ruiz Cabral": ("arrested", None, 38), "Julio César de la Cruz-Almonte": ("arrested", None, 45)}


def test_a_company_described_as_the_last_item_of_the_object_list():
    got = rows("<p>A superseding indictment unsealed today charges a regional plaza boss of the cartel, two of his"
               " associates and a Culiacán-based produce exporter with conspiring to import fentanyl.</p><p>According to"
               " court documents, Ramón Ibáñez Lugo, 47, controlled the smuggling corridor. The indictment alleges that"
               " Agrícola Valle Dorado S.A. de C.V. (Valle Dorado), a produce exporter headquartered in Culiacán,"
               " supplied the trailers, and that Omar Ruelas Pinto, 52, and Luz Elena Sotelo, 35, moved the proceeds."
               "</p><p>Valle Dorado faces fines and forfeiture.</p>", "Plaza Boss, Associates and Exporter Charged")
    assert got == {"Ramón Ibáñez Lugo": ("charged", None, 47), "Agrícola Valle Dorado S.A. de C.V.": ("charged", None, None),
                   "Omar Ruelas Pinto": ("charged", None, 52), "Luz Elena Sotelo": ("charged", None, 35)}


def test_a_business_described_before_its_name_in_the_object():
    got = rows("<p>DENVER – A federal jury convicted a Denver vape shop, Front Range Vapor LLC, and its owner, Pavel"
               " Ostrov, 45, of Aurora, of distributing fentanyl pills.</p><p>A former clerk, Tyler Roan, 24, pleaded"
               " guilty in March.</p>", "Vape Shop and Owner Convicted")
    assert got == {"Front Range Vapor LLC": ("convicted", None, None), "Pavel Ostrov": ("convicted", None, 45),
                   "Tyler Roan": ("pleaded_guilty", None, 24)}


def test_a_buyer_with_the_age_before_the_name_who_pleaded_guilty():
    got = rows("<p>CASPER, Wyo. – A Riverton man was sentenced today to 70 months in prison.</p><p>Royce Dale Moon, 33,"
               " bought the pills in Denver and sold them to 24-year-old Jalen Whitehorse of Ethete. The two resold"
               " them.</p><p>Whitehorse pleaded guilty and was sentenced in September to 27 months in prison.</p>",
               "Riverton Man Sentenced")
    assert got == {"Royce Dale Moon": ("sentenced", 70, 33), "Jalen Whitehorse": ("sentenced", 27, 24)}


def test_none_of_which_is_charged():
    got = rows("<p>The indictment charges Wei Lan, 39, with money laundering. Her network wired funds from Hong Kong"
               " shell companies, including Golden Crane Trading Ltd. and Bright Sea Commerce Ltd., none of which is"
               " charged, to bank accounts in Mexico.</p>", "Broker Charged")
    assert got == {"Wei Lan": ("charged", None, 39)}


def test_who_after_a_persons_employer_is_the_person():
    got = rows("<p>The indictment charges the following defendants:</p><p>Transportes Rio Verde S.A. de C.V. (Rio Verde),"
               " a trucking company in Los Mochis;</p><p>Jorge Ayala Beltrán, 50, of Los Mochis, a part owner of Rio"
               " Verde, who was extradited from Mexico on Tuesday; and</p><p>Wei Zhao, 39, a Chinese national.</p>"
               "<p>Wei remains at large.</p>", "Money Network Charged")
    assert got == {"Transportes Rio Verde S.A. de C.V.": ("charged", None, None),
                   "Jorge Ayala Beltrán": ("extradited", None, 50), "Wei Zhao": ("charged", None, 39)}


def test_an_honorific_opening_a_list_item():
    got = rows("<p>DETROIT – A federal jury convicted a clinic owner and a physician of distributing fentanyl.</p>"
               "<p>Convicted following a nine-day trial were:</p><p>Samir Haddad, 55, of Dearborn, the owner of Metro"
               " Pain PLLC; and</p><p>Dr. Evan P. Lind, 67, of Grosse Pointe, a physician licensed in Michigan.</p>",
               "Clinic Owner and Physician Convicted")
    assert got == {"Samir Haddad": ("convicted", None, 55), "Evan P. Lind": ("convicted", None, 67)}


def test_list_items_whose_status_follows_a_colon():
    got = rows("<p>HUNTINGTON, W.Va. – The last of three defendants in a fentanyl case was sentenced today.</p><p>The"
               " defendants and their sentences are:</p><ul><li>Dion Lorne Whitfield, 42, of Detroit, Michigan: 262"
               " months (sentenced today)</li><li>Marla Epp, 33, of Southfield, Michigan: 140 months</li><li>Ray"
               " Stilton, 51, of Barboursville: eight years and four months</li></ul><p>Each defendant pleaded guilty to"
               " conspiracy to distribute fentanyl.</p>", "Detroit Man Sentenced")
    assert got == {"Dion Lorne Whitfield": ("sentenced", 262, 42), "Marla Epp": ("sentenced", 140, 33),
                   "Ray Stilton": ("sentenced", 100, 51)}


def test_labelled_blocks_with_a_status_line():
    got = rows("<p>ALBUQUERQUE – A grand jury returned an indictment charging three people with trafficking fentanyl"
               " pills. Two were arrested on Feb. 26.</p><p><strong>Defendants:</strong></p><p>Name: Ramón Quintana-Ybarra"
               "<br>Age: 29<br>Residence: Albuquerque, New Mexico<br>Charges: Conspiracy to distribute fentanyl<br>"
               "Status: Arrested Feb. 26, 2026; detained pending trial</p><p>Name: Oscar Delfin Arreola<br>Age: 41<br>"
               "Residence: Phoenix, Arizona<br>Status: Charged; a warrant has been issued for his arrest</p>"
               "<p>Desert Anvil Tooling LLC<br>Location: Henderson, Nevada<br>Status: Charged by indictment; summons"
               " issued</p><p>Garrett Lyle Vossberg<br>Age: 49<br>Residence: Henderson, Nevada<br>Status: Arrested June"
               " 24, 2025; initial appearance</p><p>An indictment is merely an allegation.</p>", "Four Charged")
    assert got == {"Ramón Quintana-Ybarra": ("arrested", None, 29), "Oscar Delfin Arreola": ("charged", None, 41),
                   "Desert Anvil Tooling LLC": ("charged", None, None), "Garrett Lyle Vossberg": ("arrested", None, 49)}


def test_already_in_custody_is_arrested_and_the_count_names_the_rest():
    got = rows("<p>NEWARK – Six defendants are charged by complaint with distributing fentanyl.</p><p>The defendants"
               " charged in the complaint are:</p><p>Hector Almonte, 44, of Paterson;<br>Yesenia Almonte, 39, of"
               " Paterson;<br>Bryan Ocampo, 23, of Passaic;<br>Orlando Vicente, 36, of Prospect Park;<br>Deandre"
               " McCall, 30, of Newark; and<br>Kelvin Rosado, 28, of Paterson.</p><p>Three of the defendants were"
               " arrested Thursday. Two others, Vicente and McCall, were already in custody – Vicente in the county jail"
               " on state charges – and will appear later. Rosado remains at large.</p>", "Six Charged")
    assert got == {"Hector Almonte": ("arrested", None, 44), "Yesenia Almonte": ("arrested", None, 39),
                   "Bryan Ocampo": ("arrested", None, 23), "Orlando Vicente": ("arrested", None, 36),
                   "Deandre McCall": ("arrested", None, 30), "Kelvin Rosado": ("charged", None, 28)}


def test_a_bullet_in_state_custody():
    got = rows("<p>BOSTON – Three men were charged with fentanyl trafficking.</p><ul><li>Wilfredo Sandoval, 40, of"
               " Springfield – in state custody;</li><li>Rafael Ortiz, 33, of Holyoke – arrested;</li><li>Luis Ibarra,"
               " 29, of Chicopee – at large.</li></ul>", "Three Charged")
    assert got == {"Wilfredo Sandoval": ("arrested", None, 40), "Rafael Ortiz": ("arrested", None, 33),
                   "Luis Ibarra": ("charged", None, 29)}


def test_a_told_sentencing_list_ends_at_a_paragraph_with_a_verb_and_no_term():
    got = rows("<p>CHARLESTON, W.Va. – Two brothers were sentenced today, bringing to three the number of defendants"
               " sentenced in the case.</p><p>The following defendants have been sentenced in the case:</p><p>Marcus"
               " Holling, 35, of Detroit – 235 months in prison</p><p>Kurt Holling, 31, of Detroit – 14 years in prison"
               "</p><p>Tamika Spurling, 39, of Charleston – 121 months in prison</p><p>Brianna Hackett, 24, of"
               " Charleston, pleaded guilty in July 2025 and is scheduled to be sentenced on November 20, 2025.</p>",
               "Two Brothers Sentenced")
    assert got == {"Marcus Holling": ("sentenced", 235, 35), "Kurt Holling": ("sentenced", 168, 31),
                   "Tamika Spurling": ("sentenced", 121, 39), "Brianna Hackett": ("pleaded_guilty", None, 24)}


def test_a_company_named_later_by_the_first_words_of_its_name():
    got = rows("<p>PHOENIX – A Mesa man and his trucking company were charged with smuggling fentanyl.</p><p>Desmond"
               " Achter, 41, of Mesa, owns Sonoran Lineway Freight LLC, a trucking company whose trailers allegedly"
               " carried fentanyl north. Achter was arrested Tuesday. Sonoran Lineway is charged with conspiracy to"
               " import fentanyl.</p>", "Man and Company Charged")
    assert got == {"Desmond Achter": ("arrested", None, 41), "Sonoran Lineway Freight LLC": ("charged", None, None)}


def test_a_list_the_indictment_lists_with_roles():
    got = rows("<p>CHICAGO — A money broker, the company he controlled and two other defendants have been charged with"
               " laundering fentanyl proceeds.</p><p>The indictment lists the defendants and their alleged roles:</p>"
               "<ol><li>Luis Ybarro, 27, of Indianapolis, a courier, who was arrested in Indianapolis;</li><li>Zhen"
               " Wai, 46, of Chicago, the money broker who received the cash;</li><li>Tianlu Trading Inc., an Illinois"
               " corporation controlled by Wai; and</li><li>Qiao Lin, 39, of Chicago, who ran the bank accounts.</li>"
               "</ol>", "Broker, Company and Two Others Charged")
    assert got == {"Luis Ybarro": ("arrested", None, 27), "Zhen Wai": ("charged", None, 46),
                   "Tianlu Trading Inc.": ("charged", None, None), "Qiao Lin": ("charged", None, 39)}


def test_a_dashed_bullet_whose_status_is_a_prison_term():
    got = rows("<p>MILWAUKEE – JAVIER T. STRAND, 34, of Milwaukee, was sentenced to 180 months in federal prison.</p>"
               "<p>Strand is the fourth member of the group to be sentenced. The others are:</p><p><strong>MARCUS"
               " DELANO-HOBBS</strong>, 29, of Milwaukee – 132 months in prison (sentenced February 6, 2025)<br />"
               "<strong>ALINA PETTIS</strong>, 25, of Milwaukee – 46 months in prison (sentenced March 13, 2025)<br />"
               "<strong>KEENAN LYLES</strong>, 22, of Brown Deer – 60 months in prison, the mandatory minimum</p>",
               "Leader Sentenced")
    assert got == {"JAVIER T. STRAND": ("sentenced", 180, 34), "MARCUS DELANO-HOBBS": ("sentenced", 132, 29),
                   "ALINA PETTIS": ("sentenced", 46, 25), "KEENAN LYLES": ("sentenced", 60, 22)}


def test_a_puerto_rico_list_with_ages_in_parentheses():
    got = rows("<p>SAN JUAN, Puerto Rico – A federal grand jury returned an indictment charging three individuals with"
               " running drug points in Bayamón.</p><p>The defendants are:</p><ol><li>JOSÉ LUIS RIVERA-QUIÑONES, a/k/a"
               " “Pito,” (36), leader;</li><li>CARLOS JAVIER NIEVES-ACOSTA (31), seller; and</li><li>JONATHAN"
               " LÓPEZ-MALAVÉ, a/k/a “Joni,” (27), lookout.</li></ol><p>Two of the defendants were arrested this"
               " morning. LÓPEZ-MALAVÉ remains a fugitive.</p>", "Three Indicted")
    assert got == {"JOSÉ LUIS RIVERA-QUIÑONES": ("arrested", None, 36), "CARLOS JAVIER NIEVES-ACOSTA": ("arrested", None, 31),
                   "JONATHAN LÓPEZ-MALAVÉ": ("charged", None, 27)}


def test_a_surname_that_is_one_persons_last_word_and_anothers_first_surname():
    got = rows("<p>DEL RIO, Texas – A grand jury returned an indictment charging three people.</p><p>Charged in the"
               " indictment are:</p><p>Daniel Isaac Fuerte (34), of Eagle Pass;<br>Marco Antonio Ledesma-Roca (29), of"
               " Eagle Pass; and<br>Brianna Sofía Ledesma (22), of Eagle Pass.</p><p>Fuerte, Ledesma-Roca and Ledesma"
               " were arrested Monday.</p>", "Three Charged")
    assert got == {"Daniel Isaac Fuerte": ("arrested", None, 34), "Marco Antonio Ledesma-Roca": ("arrested", None, 29),
                   "Brianna Sofía Ledesma": ("arrested", None, 22)}


def test_a_person_whose_name_opens_the_companys_stays_a_person():
    got = rows("<p>A grand jury charged Hong Li Trading Co., Ltd., a chemical supplier in Wuhan, and its owner, Hong Li,"
               " 52, with importing fentanyl precursors.</p><p>Hong Li remains in China.</p>", "Company and Owner Charged")
    assert got == {"Hong Li Trading Co., Ltd.": ("charged", None, None), "Hong Li": ("charged", None, 52)}


def test_the_dead_described_around_their_names():
    got = rows("<p>BILLINGS – Royce Wolfe, 38, of Billings, was sentenced to 240 months in prison. On March 17, 2021, a"
               " 41-year-old Billings man, Roger Lance Tillman, died after smoking pills he had bought from Wolfe. Nine"
               " days later, Marcus Ngo, 19, a Kennesaw college student, died in his dormitory room. Another buyer,"
               " Brennan Whitacre, 19, was pronounced dead at the home.</p>", "Billings Man Sentenced")
    assert got == {"Royce Wolfe": ("sentenced", 240, 38)}


def test_deaths_listed_with_semicolons():
    got = rows("<p>ROANOKE – Four people were charged. The indictment alleges that fentanyl distributed by the conspiracy"
               " caused the deaths of Garrett Lyle Compton, 22, of Vinton, on May 14, 2024; Renee Sutton, 47, of Roanoke,"
               " on Aug. 2, 2024; and Dale Fisk, 30, of Salem. Dwayne Ruff, 41, of Roanoke, was arrested Tuesday.</p>",
               "Four Charged")
    assert got == {"Dwayne Ruff": ("arrested", None, 41)}


def test_a_list_of_the_dead_read_at_a_vigil():
    got = rows("<p>CLEVELAND – The U.S. Attorney joined families at a vigil. The man who sold Mateo Rubin a pill was"
               " sentenced this year to 17 years in prison.</p><p>Families read aloud the names of more than 200"
               " residents lost to overdoses, among them:</p><ul><li>Mateo Rubin, 20, of Parma</li><li>Claire Szabi, 23,"
               " of Lakewood</li><li>Devon Maurice Keys, 31, of Cleveland</li></ul><p>The Rev. Alonzo Prentiss led a"
               " prayer.</p>", "U.S. Attorney Joins Families at Vigil")
    assert got == {}


def test_a_total_term_followed_by_its_parts():
    got = rows("<p>ST. LOUIS – Three men were sentenced. Judge Ross sentenced Antwan D. Mabley, 36, to 180 months in prison"
               " – 120 months for the drug conspiracy and a consecutive 60 months for having a gun. Lavell Hunter, 29, was"
               " sentenced to 87 months in prison.</p>", "Three Sentenced")
    assert got == {"Antwan D. Mabley": ("sentenced", 180, 36), "Lavell Hunter": ("sentenced", 87, 29)}


def test_one_of_the_four_was_arrested():
    got = rows("<p>WASHINGTON – Four leaders of the Cartel del Norte, a designated Foreign Terrorist Organization, have"
               " been charged with narco-terrorism. One of the four was arrested last week in Laredo, Texas.</p><p>ABELARDO"
               " TREVINO GARZ, 48, of Nuevo Laredo, the alleged leader.</p><p>HECTOR SALDIVAR ROCA, 39, of Nuevo Laredo,"
               " the commander.</p><p>ARTURO ZAVALA YEPES, 45, of Monterrey, the operator.</p><p>CESAR OMAR PADILLO LUNAR,"
               " 33, of Laredo, Texas, the coordinator.</p><p>Padillo made his initial appearance on Sept. 12 and was"
               " ordered detained.</p>", "Four Charged")
    assert got == {"ABELARDO TREVINO GARZ": ("charged", None, 48), "HECTOR SALDIVAR ROCA": ("charged", None, 39),
                   "ARTURO ZAVALA YEPES": ("charged", None, 45), "CESAR OMAR PADILLO LUNAR": ("arrested", None, 33)}


def test_a_victim_from_a_town_and_state_who_died():
    got = rows("<p>The administrator of a dark-web marketplace, Teodor Lazar, 31, was sentenced to 360 months in prison."
               " Among the site’s customers was Caleb Morel, a 19-year-old from Tacoma, Washington, who died in 2023 after"
               " taking a pill he bought on the site.</p>", "Administrator Sentenced")
    assert got == {"Teodor Lazar": ("sentenced", 360, 31)}


def test_a_money_broker_described_in_the_lead():
    got = rows("<p>A Colombian money broker who allegedly laundered millions of dollars in fentanyl proceeds for the"
               " Sinaloa Cartel through trade in textiles and used cellphones was extradited from Colombia and made his"
               " initial appearance today in federal court in Miami. Julián Porrás Quintana, 49, of Medellín, Colombia,"
               " is charged in the Southern District of Florida with conspiracy to commit money laundering.</p><p>A"
               " co-conspirator, Sandra Gavira Ocampo, 44, was arrested in Bogotá in March and awaits extradition."
               " Hernán Villa Restrepo, 52, was sentenced in 2024 to 97 months in prison.</p>",
               "Colombian Money Broker Extradited to Face Charges")
    assert got["Julián Porrás Quintana"] == ("extradited", None, 49)


def test_a_plaza_boss_and_a_company_described_in_one_object():
    got = rows("<p>A superseding indictment unsealed today charges a regional plaza boss of the cartel, two of his"
               " associates and a Culiacán-based produce exporter with conspiring to import fentanyl.</p><p>According to"
               " court documents, Ramón Ibáñez Lugo, 47, controlled the corridor. The indictment alleges that Agrícola"
               " Valle Dorado S.A. de C.V. (Valle Dorado), a produce exporter headquartered in Culiacán, supplied the"
               " trailers, and that Omar Ruelas Pinto, 52, and Luz Elena Sotelo, 35, moved the proceeds.</p>",
               "Plaza Boss, Associates and Exporter Charged")
    assert got.get("Agrícola Valle Dorado S.A. de C.V.") == ("charged", None, None)


def test_the_second_verb_of_a_who_clause():
    got = rows("<p>BILLINGS – Royce Wolf, 38, of Billings, was sentenced today to 240 months in prison. Wolf obtained the"
               " pills from co-defendant Alyssa Marie Brandt, 27, of Laurel, who pleaded guilty to conspiracy to distribute"
               " fentanyl and was sentenced in November to five years in prison.</p>", "Billings Man Sentenced")
    assert got == {"Royce Wolf": ("sentenced", 240, 38), "Alyssa Marie Brandt": ("sentenced", 60, 27)}


def test_an_extradition_told_by_its_noun_after_a_lead():
    got = rows("<p>HOUSTON – A 46-year-old Mexican national has made his initial appearance in federal court following his"
               " extradition from Mexico on charges he supplied fentanyl to distributors in the Houston area.</p>"
               "<p>Rigoberto Salcedo-Valle, also known as “El Chavo,” of Reynosa, Tamaulipas, appeared before a magistrate"
               " judge on July 10.</p><p>A grand jury indicted Salcedo-Valle and co-defendant Heriberto Ochoa Garcia, 39,"
               " in 2022. Ochoa Garcia remains a fugitive.</p>", "Alleged Cartel Supplier Extradited")
    assert got == {"Rigoberto Salcedo-Valle": ("extradited", None, 46), "Heriberto Ochoa Garcia": ("charged", None, 39)}


def test_a_later_verb_with_its_own_subject_is_not_the_leads():
    got = rows("<p>CONCORD – A Manchester man was convicted by a federal jury on Thursday of conspiring to distribute"
               " fentanyl, and two of his co-conspirators who pleaded guilty earlier have already been sentenced to six and"
               " four years in prison.</p><p>Following a four-day trial, Wendell Stroud, 38, was found guilty of"
               " conspiracy. Sentencing is set for August 6.</p><p>Co-defendants Ashley Dunphey, 31, of Nashua, and Kyle"
               " Marchese, 35, of Manchester, each pleaded guilty and were sentenced in March to 72 months and 48 months"
               " in prison, respectively.</p>", "Manchester Man Convicted")
    assert got["Wendell Stroud"] == ("convicted", None, 38)


def test_two_people_described_by_where_they_are_from():
    got = rows("<p>BOSTON - A Dominican national and a Lawrence man were arrested yesterday and charged in connection with"
               " a fentanyl distribution operation. A third man has been charged and remains at large.</p><p>Yefri"
               " Almonte-Cruz, 33, a Dominican national unlawfully residing in Lawrence, and Jason Pereira Luna, 41, of"
               " Lawrence, were each charged by criminal complaint with conspiracy. Also charged in the complaint is Rafael"
               " Minaya Soto, 29, of Methuen, who is being sought by law enforcement.</p>", "Two Arrested, Third Sought")
    assert got == {"Yefri Almonte-Cruz": ("arrested", None, 33), "Jason Pereira Luna": ("arrested", None, 41),
                   "Rafael Minaya Soto": ("charged", None, 29)}
