"""Round 52 (invented fixtures in the shape of real releases; each failed before its rule): a verdict of not
guilty is its own stage, `acquitted` ('the jury acquitted his co-defendant, Y', 'were found not guilty', 'found Z
not guilty'), below a conviction or plea on another count; a victim described and 'found dead' is no defendant
('John Roe, a 19-year-old Shiprock man, was found dead'); a plural pronoun with no count ('They were arrested
in Mexico') is about the defendants named before it, not one the release names later as still at large."""
from __future__ import annotations

import json
import re
from pathlib import Path

from test_doj_round16 import rows

import scrapers.sources.doj

STAGES_FILE = Path(scrapers.sources.doj.__file__).parent / "doj.yml"   # (the source's checks: 'unknown action')


def test_the_jury_acquitted_a_co_defendant():
    got = rows("<p>PORTLAND, Maine – A federal jury yesterday convicted Harlan Wade Pettibone, 41, of Lewiston, of"
               " conspiracy to distribute fentanyl. The same jury acquitted his co-defendant, Corwin Lyle Ashdown, 38,"
               " of Auburn, of all charges.</p><p>Pettibone faces up to 40 years in prison.</p>", "Lewiston Man Convicted")
    assert got == {"Harlan Wade Pettibone": ("convicted", None, 41), "Corwin Lyle Ashdown": ("acquitted", None, 38)}


def test_found_not_guilty_after_deliberations():
    got = rows("<p>Greensboro – Two men were convicted of fentanyl trafficking conspiracy after a six-day trial. Dorian"
               " Keefe Manly, 33, of Durham, and Elias Moreno Fuentes, 29, of Raleigh, were convicted on all counts."
               " Tobias Rell Winfield, 27, of Cary, and Quentin Ames Baxley, 31, of Garner, were found not guilty after"
               " two days of jury deliberations.</p>", "Two Convicted of Fentanyl Conspiracy")
    assert got == {"Dorian Keefe Manly": ("convicted", None, 33), "Elias Moreno Fuentes": ("convicted", None, 29),
                   "Tobias Rell Winfield": ("acquitted", None, 27), "Quentin Ames Baxley": ("acquitted", None, 31)}


def test_the_jury_found_a_defendant_not_guilty():
    got = rows("<p>A federal jury on Friday found Marisol Ynez Carrasco, 35, of El Paso, not guilty of possessing"
               " fentanyl with intent to distribute. Her co-defendant, Ruben Dario Talamantes, 40, pleaded guilty in"
               " March and awaits sentencing.</p>", "Verdict in Fentanyl Case")
    assert got == {"Marisol Ynez Carrasco": ("acquitted", None, 35), "Ruben Dario Talamantes": ("pleaded_guilty", None, 40)}


def test_a_conviction_on_another_count_ranks_above_an_acquittal():
    got = rows("<p>Bennett Ray Colquitt, 52, of Billings, was convicted of distributing fentanyl and acquitted of a"
               " firearm charge after a three-day trial.</p>", "Billings Man Convicted")
    assert got == {"Bennett Ray Colquitt": ("convicted", None, 52)}


def test_a_victim_described_and_found_dead_is_no_defendant():
    got = rows("<p>ALBUQUERQUE – Tobin Redhouse, 22, and Marla Dawn Begay, 20, both of Shiprock, were arrested on July"
               " 17 on a criminal complaint charging them with distributing fentanyl.</p><p>According to the complaint,"
               " on June 30, Lyle Ashkie, a 19-year-old Shiprock man, was found dead at a residence in Shiprock. Text"
               " messages on Lyle Ashkie’s phone showed that he had arranged to buy pills from Redhouse.</p>",
               "Two Arrested on Fentanyl Charges")
    assert got == {"Tobin Redhouse": ("arrested", None, 22), "Marla Dawn Begay": ("arrested", None, 20)}


def test_they_is_not_a_defendant_named_later_as_at_large():
    got = rows("<p>Two Mexican nationals were extradited to the United States on Sept. 26 and were arraigned today on"
               " charges of conspiring to import fentanyl.</p><p>According to court documents, Anselmo Ruiz Quintero,"
               " 52, and Baltazar Ocampo Leyva, 39, both of Culiacán, coordinated shipments of fentanyl to Chicago.</p>"
               "<p>A grand jury returned a superseding indictment against the defendants in 2020. They were arrested in"
               " Mexico in 2022 at the request of the United States.</p><p>A third defendant, Eusebio Ramón Ocampo"
               " Leyva, 42, who is Baltazar Ocampo Leyva’s brother, remains at large.</p>",
               "Two Sinaloa Cartel Suppliers Extradited")
    assert got == {"Anselmo Ruiz Quintero": ("extradited", None, 52), "Baltazar Ocampo Leyva": ("extradited", None, 39),
                   "Eusebio Ramón Ocampo Leyva": ("charged", None, 42)}


def test_the_defendants_before_any_name_are_still_everyone():
    # (guard: with nobody named before the pronoun, it stays every defendant)
    got = rows("<p>Two men were charged in a federal complaint with distributing fentanyl. The defendants were arrested"
               " Tuesday.</p><p>According to the complaint, Wendell Pryce Gaddy, 30, and Silas Orin Mabry, 41, sold"
               " fentanyl pills to an undercover officer.</p>", "Two Charged")
    assert got == {"Wendell Pryce Gaddy": ("arrested", None, 30), "Silas Orin Mabry": ("arrested", None, 41)}


def test_the_site_labels_an_acquittal_as_no_finding_of_guilt():
    from scrapers.linking.cases import RANK as CASE_RANK
    from scrapers.publish.site.profiles import stage_label
    from scrapers.sources.doj.recording import RANK

    label = stage_label("acquitted")
    assert label["guilt"] is False and "not guilty" in label["note"]
    assert stage_label("convicted")["guilt"] is True
    assert stage_label("dismissed")["guilt"] is False and "dismissed" in stage_label("dismissed")["note"]
    # a case's furthest stage: an acquittal is past the charge, a plea or verdict of guilt past the acquittal
    for rank in (RANK, CASE_RANK):
        assert rank["charged"] < rank["extradited"] < rank["dismissed"] < rank["acquitted"] < rank["pleaded_guilty"] \
            < rank["convicted"]


def test_the_charges_against_a_co_defendant_dismissed():
    got = rows("<p>BILLINGS, Mont. – Carlton Dean Hobart, 44, of Billings, was sentenced today to 120 months in prison for"
               " distributing fentanyl.</p><p>Hobart’s co-defendant, Regina Sue Fallon, 39, was charged in the same"
               " indictment. The charges against Fallon were dismissed in May on the government’s motion. A third"
               " defendant, Lowell Briggs, died in custody, and the charges against him were dismissed.</p>",
               "Billings Man Sentenced")
    assert got == {"Carlton Dean Hobart": ("sentenced", 120, 44), "Regina Sue Fallon": ("dismissed", None, 39),
                   "Lowell Briggs": ("dismissed", None, None)}


def test_a_judge_dismissed_the_indictment_against():
    got = rows("<p>U.S. District Judge Ann L. Wardlow dismissed the indictment against Jolene Marie Pratt, 45, of Casper,"
               " in June. Her co-defendant, Dwayne Orr, 47, pleaded guilty to distributing fentanyl.</p>",
               "Fentanyl Case Update")
    assert got == {"Jolene Marie Pratt": ("dismissed", None, 45), "Dwayne Orr": ("pleaded_guilty", None, 47)}


def test_what_is_dismissed_and_is_no_stage():
    # (guards: some counts under a plea agreement; a state case dropped for the federal one; a case years before)
    got = rows("<p>Mark Allen Tibbs, 31, of Casper, pleaded guilty to distributing fentanyl. As part of the plea"
               " agreement, the remaining counts against Tibbs will be dismissed at sentencing.</p><p>State charges"
               " against Devon Ray Kull, 28, were dismissed after he was indicted federally. Kull was arrested in March."
               "</p><p>A previous case against Walter Dunne, 50, was dismissed in 2015; Dunne was indicted again last week."
               "</p>", "Fentanyl Cases")
    assert got == {"Mark Allen Tibbs": ("pleaded_guilty", None, 31), "Devon Ray Kull": ("arrested", None, 28),
                   "Walter Dunne": ("charged", None, 50)}


def test_acquitted_and_dismissed_defendants_are_stored(run_cli, workdir, tmp_path):
    """End to end: the DOJ source's checks know every stage extraction writes (an unknown one rejects the batch)."""
    from dbquery import q

    from scrapers.sources.doj.recording import STAGES

    body = ("<p>PORTLAND, Maine – A federal jury yesterday convicted Harlan Wade Pettibone, 41, of Lewiston, of"
            " conspiracy to distribute fentanyl. The same jury acquitted his co-defendant, Corwin Lyle Ashdown, 38, of"
            " all charges. The charges against a third defendant, Noreen Tuttle, 36, were dismissed before trial.</p>")
    page = {"metadata": {"resultset": {"count": "1", "pagesize": 50, "page": 0}}, "results": [{
        "body": body, "changed": "1710266400", "component": [{"uuid": "c1", "name": "USAO - Maine"}],
        "created": "1710262800", "date": "1710244800", "number": "24-101", "teaser": "",
        "title": "Lewiston Man Convicted of Fentanyl Conspiracy", "topic": [],
        "url": "https://www.justice.gov/usao-me/pr/lewiston-man-convicted-fentanyl-conspiracy",
        "uuid": "7a1c0e52-0000-4e8a-9c0f-1a2b3c4d5e52"}]}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    run_cli("import", "doj", path)
    got = dict(q(workdir / "tracker.db", "select name, action from defendants"))
    assert got == {"Harlan Wade Pettibone": "convicted", "Corwin Lyle Ashdown": "acquitted", "Noreen Tuttle": "dismissed"}
    allowed = re.search(r"action not in \(([^)]*)\)", (Path(STAGES_FILE).read_text())).group(1)
    assert set(STAGES) - {"detained"} == {s.strip(" '") for s in allowed.split(",")}


def test_employees_listed_with_roles_and_ages_between_semicolons():
    got = rows("<p>The indictment charges Yichang Hengrui Chemical Co., Ltd., and three of its employees: sales manager Tan"
               " Jiayi, 38; sales representative Gao Weiming, 31; and logistics manager Fan Lulu, 29. Gao was arrested on"
               " June 21 in Honolulu.</p>", "Chinese Company and Employees Charged")
    assert got == {"Yichang Hengrui Chemical Co., Ltd.": ("charged", None, None), "Tan Jiayi": ("charged", None, 38),
                   "Gao Weiming": ("arrested", None, 31), "Fan Lulu": ("charged", None, 29)}


def test_a_professional_corporation_pleaded_guilty():
    got = rows("<p>NORFOLK, Va. – A nurse practitioner was sentenced today to seven years and three months in prison."
               " Corinne Abbott Vail, 52, was the sole prescriber at Lynnhaven Integrative Health, P.C., a practice she"
               " owned. Vail pleaded guilty in June to conspiracy to distribute fentanyl. Lynnhaven Integrative Health,"
               " P.C. pleaded guilty the same day to maintaining a drug-involved premises.</p>", "Nurse Practitioner Sentenced")
    assert got == {"Corinne Abbott Vail": ("sentenced", 87, 52), "Lynnhaven Integrative Health, P.C.": ("pleaded_guilty", None, None)}


def test_charged_are_a_person_with_role_and_town_then_a_clinic():
    got = rows("<p>Charged in the indictment are Dr. Milo B. Tennyson, 61, of Seymour; Ambrose Dale Pruett, 38, a nurse"
               " practitioner from Maryville; and Ridgecrest Pain Management, LLC (Ridgecrest), the Sevierville clinic"
               " Tennyson owned. Tennyson was arrested at his home on July 10.</p>", "Physician and Clinic Indicted")
    assert got == {"Milo B. Tennyson": ("arrested", None, 61), "Ambrose Dale Pruett": ("charged", None, 38),
                   "Ridgecrest Pain Management, LLC": ("charged", None, None)}


def test_today_s_term_over_the_original_one_dated_years_back():
    got = rows("<p>The United States Attorney’s Office stated that Dorian K. Aldana, 37, of Rutland, was sentenced on"
               " January 17, 2025, to 14 months in prison for violating the conditions of his supervised release.</p>"
               "<p>According to court records, Aldana was sentenced in August 2016 to 57 months in prison for conspiring"
               " to distribute fentanyl. He completed that prison term and began supervised release in March 2021.</p>",
               "Rutland Man Sentenced for Violating Supervised Release")
    assert got == {"Dorian K. Aldana": ("sentenced", 14, 37)}


def test_received_a_term_and_a_consecutive_one_for_a_total():
    got = rows("<p>U.S. District Judge Colleen M. Harwood sentenced Terrence Jamal Whitcomb, 33, of Akron, on Monday."
               " Whitcomb received 120 months in prison for possession with intent to distribute fentanyl and a"
               " consecutive 60 months for possessing a firearm in furtherance of a drug trafficking crime, for a total"
               " of 180 months, and was ordered to serve five years of supervised release.</p>", "Akron Man Sentenced")
    assert got == {"Terrence Jamal Whitcomb": ("sentenced", 180, 33)}


def test_probation_alone_is_no_prison():
    got = rows("<p>Dr. Harold B. Wexford, 66, of Marietta, has been sentenced to 30 months in federal prison for"
               " illegally distributing fentanyl. His office manager, Linda Carr, 58, of Kennesaw, was sentenced to three"
               " years of probation, including 12 months of home confinement.</p>", "Doctor Sentenced")
    assert got == {"Harold B. Wexford": ("sentenced", 30, 66), "Linda Carr": ("sentenced", 0, 58)}


def test_the_following_defendants_were_extradited_each_with_its_own_charge():
    got = rows("<p>Four alleged members of Mexican drug cartels were extradited from Mexico to the United States today.</p>"
               "<p>The following defendants were extradited:</p><ul>"
               "<li><strong>Anacleto Ruvalcaba Ortiz</strong>, also known as “El 500,” an alleged plaza boss in Ojinaga,"
               " is charged in the Western District of Texas with conspiracy to import fentanyl. His son, Anacleto"
               " Ruvalcaba Quiroz, was sentenced in 2022 in the Western District of Texas to 12 years in prison for his"
               " role in the same conspiracy.</li>"
               "<li>Baudelio Cisneros Mata, an alleged logistics chief, is charged in the Southern District of California"
               " with conspiracy to distribute fentanyl.</li>"
               "<li>Xie Haoming, a Chinese national residing in Mexico City, allegedly laundered fentanyl proceeds and is"
               " charged in the Southern District of New York with money laundering conspiracy.</li></ul>"
               "<p>The FBI and DEA worked with the Office of International Affairs to secure the extraditions.</p>",
               "Mexico Extradites Alleged Cartel Figures")
    assert got == {"Anacleto Ruvalcaba Ortiz": ("extradited", None, None), "Anacleto Ruvalcaba Quiroz": ("sentenced", 144, None),
                   "Baudelio Cisneros Mata": ("extradited", None, None), "Xie Haoming": ("extradited", None, None)}


def test_five_of_the_defendants_with_a_fugitive_named_with_a_quoted_alias():
    got = rows("<p>Prosecutors announced the unsealing of an Indictment charging RAMIRO ANTONIO MEDRANO GIL, a/k/a “El"
               " Primo,” and four others with conspiring to distribute fentanyl. Three of the defendants were arrested"
               " this morning in New York City, and WILSON MATEO ROSARIO was arrested in San Juan, Puerto Rico. HÉCTOR"
               " MANUEL CAMPOSECO NIEBLA, a/k/a “Tío,” remains at large and is believed to be in Mexico.</p>"
               "<p>MEDRANO GIL led the organization. YADIRA PERALTA DE LA ROSA and JUAN CARLOS ESPINOSA VARGAS mixed the"
               " fentanyl with heroin.</p><p>Each defendant is charged with one count of conspiracy to distribute"
               " fentanyl.</p><p>A chart containing the names, ages, and residences of the defendants is set forth"
               " below.</p><table><tr><th>Defendant</th><th>Age</th><th>Residence</th></tr>"
               "<tr><td>RAMIRO ANTONIO MEDRANO GIL, a/k/a “El Primo”</td><td>44</td><td>Bronx, New York</td></tr>"
               "<tr><td>WILSON MATEO ROSARIO</td><td>39</td><td>San Juan, Puerto Rico</td></tr>"
               "<tr><td>HÉCTOR MANUEL CAMPOSECO NIEBLA, a/k/a “Tío”</td><td>51</td><td>Sinaloa, Mexico</td></tr>"
               "<tr><td>YADIRA PERALTA DE LA ROSA</td><td>36</td><td>New York, New York</td></tr>"
               "<tr><td>JUAN CARLOS ESPINOSA VARGAS</td><td>29</td><td>Bronx, New York</td></tr></table>",
               "Charges Against Five Members of Fentanyl Ring")
    assert got == {"RAMIRO ANTONIO MEDRANO GIL": ("arrested", None, 44), "WILSON MATEO ROSARIO": ("arrested", None, 39),
                   "HÉCTOR MANUEL CAMPOSECO NIEBLA": ("charged", None, 51),
                   "YADIRA PERALTA DE LA ROSA": ("arrested", None, 36), "JUAN CARLOS ESPINOSA VARGAS": ("arrested", None, 29)}


def test_a_fugitive_described_as_charged_in_the_same_case():
    got = rows("<p>Huang Zhiyong, 41, was sentenced today to 151 months in prison for laundering fentanyl proceeds. His"
               " co-conspirator, Gu Ruiqing, 33, of Flushing, pleaded guilty in July. A Mexican money broker charged in"
               " the same case, Abelardo Saucedo Félix, remains a fugitive.</p>", "Chinese National Sentenced")
    assert got == {"Huang Zhiyong": ("sentenced", 151, 41), "Gu Ruiqing": ("pleaded_guilty", None, 33),
                   "Abelardo Saucedo Félix": ("charged", None, None)}


def test_a_name_in_capitals_with_its_town_and_no_age():
    got = rows("<p>CHICAGO — A Joliet man has pleaded guilty to selling fentanyl that caused a fatal overdose.</p>"
               "<p>BRANDT KESSELMAN, of Joliet, pleaded guilty Wednesday in U.S. District Court in Chicago to one count"
               " of distribution of a controlled substance resulting in death. U.S. District Judge Gwendolyn T. Archer"
               " set sentencing for Jan. 14.</p>", "Joliet Man Pleads Guilty")
    assert got == {"BRANDT KESSELMAN": ("pleaded_guilty", None, None)}


def test_a_victim_from_a_saint_town_who_died():
    got = rows("<p>Rashad Omar Pettibone, 38, was sentenced to 240 months in prison. On April 9, Pettibone sold fentanyl to"
               " Dylan Sorenstam, 24, of Richfield, who was found dead in his car hours later. Eleven days later, Aaron"
               " Plourdeau, 31, of St. Paul, died after snorting fentanyl that Pettibone had sold to a friend.</p>",
               "Minneapolis Dealer Sentenced")
    assert got == {"Rashad Omar Pettibone": ("sentenced", 240, 38)}


def test_a_total_said_before_its_consecutive_parts():
    got = rows("<p>Chief U.S. District Judge Raymond E. Tolliver sentenced Marcus Dewayne Pettigrew Jr., 35, to a total of"
               " 322 months: 262 months on the drug trafficking counts, followed by 60 months for the firearms count,"
               " which by law must be served consecutively.</p>", "Tulsa Man Sentenced")
    assert got == {"Marcus Dewayne Pettigrew Jr.": ("sentenced", 322, 35)}


def test_a_count_takes_the_verb_nearest_to_it():
    got = rows("<p>ALBUQUERQUE – Three Albuquerque residents have been arrested and two Phoenix men are being sought after"
               " a federal grand jury indicted five people on charges of conspiring to distribute fentanyl.</p>"
               "<p>According to the indictment, Marco Antonio Villaseñor-Reyes, 31, and Christian Ybarrondo, both of"
               " Phoenix, supplied fentanyl to Ruben Archibeque, 34. Destiny Anne Lucerne, 26, stored drugs at her"
               " apartment, and Kevin Tsinajinnie, 22, sold pills.</p><p>Archibeque, Lucerne and Tsinajinnie were"
               " arrested on May 7. Villaseñor-Reyes and Ybarrondo remain at large.</p>", "Five Charged")
    assert got == {"Marco Antonio Villaseñor-Reyes": ("charged", None, 31), "Christian Ybarrondo": ("charged", None, None),
                   "Ruben Archibeque": ("arrested", None, 34), "Destiny Anne Lucerne": ("arrested", None, 26),
                   "Kevin Tsinajinnie": ("arrested", None, 22)}


def test_brothers_of_a_two_part_surname_by_their_given_names():
    got = rows("<p>Luis Ortiz-Ruelas, 27, and Mateo Ortiz-Ruelas, 24, are charged with conspiracy to distribute fentanyl."
               " Luis is also charged with being a felon in possession of a firearm.</p><p>Luis was arrested on June 8"
               " in Lorain. Mateo has not been arrested and is considered a fugitive.</p>", "Lorain Brothers Indicted")
    assert got == {"Luis Ortiz-Ruelas": ("arrested", None, 27), "Mateo Ortiz-Ruelas": ("charged", None, 24)}


def test_a_count_said_to_have_pleaded_guilty_or_been_convicted():
    # (guard: 'pleaded guilty or been convicted', both the count's verbs: the furthest)
    got = rows("<p>Jose Dorado, 62, was sentenced to 54 months in prison for fentanyl distribution. Dorado was charged in"
               " a July 2010 indictment along with Oliva Perdomo and Dr. Rene De Los Santos. All three defendants now have"
               " pleaded guilty or been convicted at trial.</p>", "Physician Assistant Sentenced")
    assert got["Rene De Los Santos"][0] == "convicted" and got["Jose Dorado"] == ("sentenced", 54, 62)


def test_text_saved_as_utf8_read_as_windows_1252_is_read_back():
    from scrapers.text import repair_mojibake

    got = rows("<p>ALBUQUERQUE, N.M. â€“ JosÃ© Luis MontaÃ±ez, 33, of Albuquerque, was sentenced on July 27 to 120 months"
               " in prison. MontaÃ±ezâ€™s passenger, Alyssa Ruelas, 27, told officers the pills belonged to â€œa"
               " friend.â€\x9d</p><p>U.S. District Judge RamÃ³n E. Saavedra imposed the sentence.</p>",
               "Albuquerque Man Sentenced")
    assert got == {"José Luis Montañez": ("sentenced", 120, 33)}
    # accented text that only looks like it stays as written
    for same in ("São Paulo", "Zürich", "ÂNGELA", "naïve café", "é»", "Łódź", "plain ASCII"):
        assert repair_mojibake(same) == same
    assert repair_mojibake("U.S.Â\xa0Attorney") == "U.S.\xa0Attorney"


def test_a_medical_examiner_titled_doctor_is_an_official():
    got = rows("<p>CLEVELAND - Charged are Derek J. Hollister, 33, and Martin Okonkwo-Bell, 28, both of Akron. The complaint"
               " alleges that substances sold by the defendants were found in the bodies of three people who died of"
               " overdoses, according to findings by Summit County Medical Examiner Dr. Lisbeth Kahrs. Hollister was"
               " arrested Tuesday.</p>", "Two Akron Men Charged")
    assert got == {"Derek J. Hollister": ("arrested", None, 33), "Martin Okonkwo-Bell": ("charged", None, 28)}
