"""Round 28 (invented fixtures in the shape of real releases; each failed before its rule): people who
hold or held an office charged as defendants -- 'former Sheriff’s Deputy X', 'former Oak Hill Fire
Department Captain Y', 'Charged are Attorney Z, 61,', 'PCPD Officer A, 37;' in a list, an officer
named in the prose and listed in a 'The Defendants:' roster -- and company officers ('and company
President B', 'Harbor Line Freight president C, 50,'), 'and physician assistant D, 41, ... each pleaded
guilty', 'the ring’s leader has been sentenced' about the leader named later, not the first name."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_former_officer_is_a_defendant_curly_apostrophe_or_a_long_department_name():
    got = rows("<p>Records show that former Sheriff’s Deputy Corbin Lee Ashmore, 41, of Vine Grove, sold the"
               " patches to Tessa Jo Runyan, 30, of Radcliff. Ashmore pleaded guilty and was sentenced today to 70"
               " months in prison. Runyan pleaded guilty and is scheduled to be sentenced in June.</p>",
               "Former Deputy Sentenced")
    assert got == {"Corbin Lee Ashmore": ("sentenced", 70.0, 41), "Tessa Jo Runyan": ("pleaded_guilty", None, 30)}
    got = rows("<p>TAMPA – Judge Vera Lund has sentenced former Oak Hill Fire Department Captain Brody Allen Kemper"
               " (44, Oak Hill) to three years in federal prison for stealing fentanyl from rescue units.</p>",
               "Former Fire Captain Sentenced")
    assert got == {"Brody Allen Kemper": ("sentenced", 36.0, 44)}


def test_a_title_and_an_age_make_a_defendant_only_by_a_case_verb_of_their_own():
    got = rows("<p>Charged are Attorney Wendell Ray Gosnell, 61, of Dundalk, and Marcy Lynn Tobin, 29, of Essex."
               " Gosnell and Tobin were arrested on May 2.</p><p>Detective Sgt. Paula Anne Ritter, 45, was injured"
               " during the arrest. Special Agent in Charge Omar Velde of the DEA made the announcement.</p>",
               "Attorney Charged")
    assert got == {"Wendell Ray Gosnell": ("arrested", None, 61), "Marcy Lynn Tobin": ("arrested", None, 29)}
    got = rows("<p>The defendants are PCPD Officer Ruben Alejo Soto-Vega, 37; PCPD Officer Lidia Mar Cruz-Ortiz,"
               " 44; Tomas Ivan Rivera-Luna, 31; and Ana Paula Torres-Dia, 26.</p><p>Three of the defendants were"
               " arrested on June 3. Torres-Dia remains a fugitive.</p>", "Officers Indicted")
    assert {n: a for n, (a, _, _) in got.items()} == {
        "Ruben Alejo Soto-Vega": "arrested", "Lidia Mar Cruz-Ortiz": "arrested", "Tomas Ivan Rivera-Luna": "arrested",
        "Ana Paula Torres-Dia": "charged"}


def test_an_officer_in_the_prose_listed_in_the_defendants_roster_with_a_count_and_an_extradition():
    got = rows("<p>An indictment was unsealed today charging five defendants. Three of the defendants were arrested"
               " this morning. The leader, Ramon Ivo Paz, was extradited from Peru on May 2, 2024. Lino Baez remains at"
               " large.</p><p>Jail Officer Dana Kim Pruett rented one of the stash apartments.</p><p>The Defendants:</p>"
               "<p>RAMON IVO PAZ<br>Age: 50<br>Lima, Peru</p><p>DANA KIM PRUETT<br>Age: 36<br>Queens, New York</p>"
               "<p>OTIS RAY KEEL<br>Age: 28<br>Brooklyn, New York</p><p>JADA MAE FROST<br>Age: 33<br>Bronx, New York</p>"
               "<p>LINO BAEZ<br>Age: 41<br>Queens, New York</p>", "Five Charged")
    assert {n.upper(): a for n, (a, _, _) in got.items()} == {
        "RAMON IVO PAZ": "extradited", "DANA KIM PRUETT": "arrested", "OTIS RAY KEEL": "arrested",
        "JADA MAE FROST": "arrested", "LINO BAEZ": "charged"}


def test_company_officers_are_no_officials():
    got = rows("<p>Charged are Pacific Press Supply Inc.; its CEO, Dale Otto Brunner, 52, of Lodi; and company"
               " President Nadia Fern Holloway of Galt. Brunner was arrested on May 16. Holloway is expected to appear"
               " in court later this month.</p>", "Company Officers Indicted")
    assert got["Nadia Fern Holloway"][0] == "charged" and got["Dale Otto Brunner"][0] == "arrested"
    got = rows("<p>HAGATNA – The president of a Guam shipping business pleaded guilty on Tuesday to importing"
               " fentanyl.</p><p>Harbor Line Freight president Tomas Cruz Mendiola, 50, of Dededo, entered his plea"
               " before Chief Judge Ana Borja.</p><p>A dock worker, Joey Lee Santos, 27, of Yigo, pleaded guilty in"
               " March and was sentenced on July 1 to 40 months in prison.</p>", "Shipping Company President Pleads Guilty")
    assert got == {"Tomas Cruz Mendiola": ("pleaded_guilty", None, 50), "Joey Lee Santos": ("sentenced", 40.0, 27)}


def test_a_list_joined_by_a_job_title_and_a_leader_named_after_the_pleas():
    got = rows("<p>His office manager, Celia Rae Moss, 46, of Allen, and physician assistant Dora Lee Fitch, 41, of"
               " Plano, each pleaded guilty to conspiracy and are scheduled to be sentenced in May.</p>",
               "Physician Convicted")
    assert got == {"Celia Rae Moss": ("pleaded_guilty", None, 46), "Dora Lee Fitch": ("pleaded_guilty", None, 41)}
    got = rows("<p>ATHENS, Ga. – Three members of a drug ring have pleaded guilty, and the ring’s leader has been"
               " sentenced.</p><p>Those who pleaded guilty are: Kory Dale Banks, 30, of Athens; Lana Mae Cobb, 25, of"
               " Winder; and Reed Alan Sims, 33, of Athens.</p><p>The ring’s leader, Marcus Dion Hale, 41, of Athens,"
               " pleaded guilty in May and was sentenced on October 2 to 18 years in prison.</p>", "Three Plead Guilty")
    assert got["Kory Dale Banks"] == ("pleaded_guilty", None, 30)
    assert got["Marcus Dion Hale"] == ("sentenced", 216.0, 41)
