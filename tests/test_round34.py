"""Round 34 (invented fixtures in the shape of real releases; each failed before its rule): 'The case
against a fourth defendant, X, remains pending' (a defendant by an ordinal label, charged); 'Their
co-defendant, JOHN ROE, was convicted' (a name in capitals between commas, then its verb); 'Two Macon
men face decades in prison after a jury convicted them', a third defendant named later who pleaded
guilty (the pronoun is the two, not every defendant); 'JOHN ROE (also known as John Doe)<br>Age: 42'
(an alias without quotes, then the roster’s age); 'arrested Ramiro Eliseo and Gil Adolfo Quintana' (one
surname for two people named in full before); two names in bold side by side, only a space between
them, are two people; 'Thirteen individuals have been extradited … Ten of the 13 defendants are
charged' (a count in words past twelve, its stage from every place it is stated); 'A, a 58-year old
physician assistant, B, a 39-year old medical assistant, and C, … were sentenced' (an age and a role
between names joined before one verb); 'Centers for Disease Control' is no one."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_defendant_by_an_ordinal_label():
    got = rows("<p>Osmar Delfín Quiroga Paz, 51, was sentenced today to 30 years in prison. Two co-defendants pleaded"
               " guilty earlier: Renata Solís Arce, 33, and Hugo Benítez, 27, were each sentenced to 10 years. The case"
               " against a fifth defendant, Lisandro Obregón Tapia, remains pending.</p>", "Smuggler Sentenced")
    assert got["Lisandro Obregón Tapia"][0] == "charged"
    assert got["Osmar Delfín Quiroga Paz"] == ("sentenced", 360.0, 51)


def test_a_name_in_capitals_between_commas_before_its_verb():
    got = rows("<p>The United States Attorney announced today that MARCO ELI TAVERAS and JOVAN RUSH pled guilty to"
               " conspiring to distribute fentanyl. Their co-defendant, NESTOR ALVARO QUILES, was convicted on May 3, 2021,"
               " after a jury trial.</p>", "Two Plead Guilty")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "MARCO ELI TAVERAS": "pleaded_guilty", "JOVAN RUSH": "pleaded_guilty", "NESTOR ALVARO QUILES": "convicted"}


def test_them_after_a_counted_description_is_not_every_defendant():
    got = rows("<p>MACON, GA: Two Macon men face decades in federal prison after a jury convicted them of selling"
               " fentanyl from a car wash.</p><p>Terrell Avon Pike, 30, and Mason Lee Dorsey, 26, were convicted on"
               " March 2 after a two-day trial. A third defendant, Alicia Rae Vint, 24, of Macon, pleaded guilty before"
               " trial and testified for the government.</p>", "Jury Convicts Two Macon Men")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Terrell Avon Pike": "convicted", "Mason Lee Dorsey": "convicted", "Alicia Rae Vint": "pleaded_guilty"}


def test_an_alias_without_quotes_then_the_roster_age():
    got = rows("<p>An indictment was unsealed today charging two defendants with distributing fentanyl. Both were"
               " arrested this morning.</p><p>The Defendants:</p><p>DARNELL OTIS FRYE (also known as “Dee”)<br>Age: 31"
               "<br>Queens, New York</p><p>RAMIRO ELIAS PONCE (also known as Ramiro Elias Baez)<br>Age: 42<br>Bronx,"
               " New York</p>", "Two Charged")
    assert got["RAMIRO ELIAS PONCE"][2] == 42
    assert got["DARNELL OTIS FRYE"][2] == 31


def test_a_surname_written_once_for_two_people():
    got = rows("<p>Ramiro Eliseo Quintana and Gil Adolfo Quintana: District of Arizona. In May 2008, agents arrested Ramiro"
               " Eliseo and Gil Adolfo Quintana after intercepting calls. In 2009, both defendants pleaded guilty but fled"
               " to Mexico before sentencing.</p>", "Fugitives Extradited")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Ramiro Eliseo Quintana": "pleaded_guilty", "Gil Adolfo Quintana": "pleaded_guilty"}


def test_two_names_set_in_bold_side_by_side_are_two_people():
    got = rows("<p>Six fugitives were extradited from Mexico. The extradited defendants are the following:</p><p><strong>"
               "<span lang=\"ES\">Iker Tadeo Rosales Nieto</span></strong> <strong>Fausto Lemus Prado</strong> and"
               " <strong>Gilberto Ayala Ibarra: District of Kansas; </strong>According to court documents, the three"
               " were members of a drug trafficking organization and were indicted in 2006.</p>", "Six Extradited")
    assert {"Iker Tadeo Rosales Nieto", "Fausto Lemus Prado", "Gilberto Ayala Ibarra"} <= set(got)
    assert not any("Nieto Fausto" in n for n in got)
    from scrapers.sources.doj.htmltext import html_to_blocks
    # a title set in two bold runs, or a name and an award, is left as it is
    assert html_to_blocks("<p><strong>Attorney General’s</strong> <strong>Award for Excellence</strong></p>")[0].text == \
        "Attorney General’s Award for Excellence"


def test_a_count_in_words_past_twelve_and_its_stage_from_every_place_it_is_stated():
    names = ["Abel Ruiz Orta", "Bruno Salas Vidal", "Ciro Tapia Lara", "Dario Ugalde Meza", "Elio Varela Nuño",
             "Fabio Yañez Cota", "Gael Zamora Peña", "Hugo Arce Villa", "Ivo Bernal Soto", "Joel Cano Ríos",
             "Kike Duran Mesa", "Leo Estrada Gil", "Mario Farias Paz"]
    body = ("<p>WASHINGTON - Thirteen individuals have been extradited over the past week from Mexico to the United"
            " States to stand trial, announced the Assistant Attorney General. Ten of the 13 defendants are charged with"
            " narcotics offenses and the remaining three are accused of violent crimes.</p><p>The extradited defendants"
            " are the following:</p>"
            + "".join(f"<p>{a} and {b}: Western District of Texas; According to court documents, the two were members of"
                      " a drug trafficking organization.</p>" for a, b in zip(names[::2], names[1::2]))
            + f"<p>{names[-1]}: District of Arizona; According to court documents, he sold fentanyl.</p>")
    got = rows(body, "Thirteen Individuals Extradited")
    assert {n: a for n, (a, _, _) in got.items()} == dict.fromkeys(names, "extradited")


def test_an_age_and_a_role_between_names_joined_before_one_verb():
    got = rows("<p>Ramon Ibarra, a 58-year old physician assistant, Delia Canto, a 39-year old medical assistant, and"
               " Olga Ferrer, a 44-year old medical assistant, were sentenced today to 60 months, 48 months and 36"
               " months in prison, respectively, for their roles in a fentanyl diversion scheme. Researchers from the"
               " Centers for Disease Control and Prevention report rising overdose deaths.</p>", "Three Sentenced")
    assert got == {"Ramon Ibarra": ("sentenced", 60.0, 58), "Delia Canto": ("sentenced", 48.0, 39),
                   "Olga Ferrer": ("sentenced", 36.0, 44)}
    from scrapers.sources.doj.people import _Scanner
    scanner = _Scanner("Researchers from the Centers for Disease Control and Prevention report rising deaths.")
    scanner.scan()
    assert not scanner.cands
