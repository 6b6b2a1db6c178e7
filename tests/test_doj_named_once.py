"""Co-defendants named only once (invented names): 'Also charged are A, B and C, who remain
fugitives'; 'Two others, A and B, remain at large'; group arrests stated apart from the charging
sentence ('A and B were arrested on ...; C remains a fugitive'). Their stage is their own: charged,
never the arrest of the others."""
from __future__ import annotations

from dojfix import defendants


def run(body: str, title: str = "Fentanyl Traffickers Charged"):
    return defendants(body, title, "usao-wdtx", "USAO - Western District of Texas", ("action", "age"))


def test_also_charged_are_names_who_remain_fugitives():
    got = run("<p>Ramiro Escobedo, 45, of Del Rio, was arrested Monday on charges of conspiracy to distribute fentanyl."
              " Also charged are Teodoro Ybarra, Efrain Lucero and Anselmo Quintanar, who remain fugitives.</p>")
    assert got == {"Ramiro Escobedo": ("arrested", 45), "Teodoro Ybarra": ("charged", None),
                   "Efrain Lucero": ("charged", None), "Anselmo Quintanar": ("charged", None)}


def test_charged_in_the_indictment_were_at_a_sentence_start():
    got = run("<p>Ramiro Escobedo, 45, was arrested Monday. Charged in the same indictment were Teodoro Ybarra and"
              " Efrain Lucero.</p>")
    assert got == {"Ramiro Escobedo": ("arrested", 45), "Teodoro Ybarra": ("charged", None),
                   "Efrain Lucero": ("charged", None)}


def test_two_others_named_once_remain_at_large():
    got = run("<p>Ramiro Escobedo, 33, was arrested Friday and charged with distributing fentanyl. Two others,"
              " Teodoro Ybarra and Efrain Lucero, remain at large.</p>")
    assert got == {"Ramiro Escobedo": ("arrested", 33), "Teodoro Ybarra": ("charged", None),
                   "Efrain Lucero": ("charged", None)}


def test_group_arrest_stated_apart_is_not_copied_to_the_fugitive():
    got = run("<p>Five men were charged in an indictment unsealed today. According to court documents, Hollis Vane,"
              " 31, Marcus Fenwick, 28, Devon Oakhurst, 35, Jerome Pickard, 22, and Andre Willet, 40, all of Odessa,"
              " are charged with conspiracy to distribute fentanyl. Vane and Fenwick were arrested on March 3;"
              " Oakhurst remains a fugitive.</p>")
    assert got == {"Hollis Vane": ("arrested", 31), "Marcus Fenwick": ("arrested", 28),
                   "Devon Oakhurst": ("charged", 35), "Jerome Pickard": ("charged", 22),
                   "Andre Willet": ("charged", 40)}


def test_a_fugitive_official_or_place_is_nobody():
    got = run("<p>Ramiro Escobedo, 45, was arrested Monday. Special Agent in Charge Lorena Quist said the search"
              " continues. Also charged was the company he ran.</p>")
    assert got == {"Ramiro Escobedo": ("arrested", 45)}


def test_names_labelled_co_defendants_or_other_defendants_are_charged():
    got = run("<p>Ramiro Escobedo, 34, was sentenced to 97 months. The other defendants – Teodoro Ybarra, Efrain Lucero"
              " and Anselmo Quintanar – are awaiting trial. Co-defendants Nestor Villalba and Olga Trevino are scheduled"
              " for trial in June.</p>", "Man Sentenced")
    assert got == {"Ramiro Escobedo": ("sentenced", 34), "Teodoro Ybarra": ("charged", None),
                   "Efrain Lucero": ("charged", None), "Anselmo Quintanar": ("charged", None),
                   "Nestor Villalba": ("charged", None), "Olga Trevino": ("charged", None)}


def test_charges_remain_pending_against_names():
    got = run("<p>Ramiro Escobedo, 34, of Laredo, pleaded guilty Tuesday. Charges remain pending against Teodoro Ybarra"
              " and Efrain Lucero.</p>", "Man Pleads Guilty")
    assert got == {"Ramiro Escobedo": ("pleaded_guilty", 34), "Teodoro Ybarra": ("charged", None),
                   "Efrain Lucero": ("charged", None)}


def test_a_cartel_leader_who_remains_a_fugitive_is_no_defendant_here():
    got = run("<p>Ramiro Escobedo, 36, of Laredo, was sentenced to 120 months for distributing fentanyl supplied by the"
              " Sinaloa Cartel, whose leader, Ismael Zambrano Garza, remains a fugitive.</p>", "Man Sentenced")
    assert got == {"Ramiro Escobedo": ("sentenced", 36)}
