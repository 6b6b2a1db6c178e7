"""Round 49 (invented fixtures in the shape of real DOJ releases with many people; each failed before its rule):
a surname after a preposition is no subject ('A 17-year-old who bought pills from Haskins overdosed … and
survived': Haskins is no victim); 'We will keep looking for him until he is in custody' is no arrest; 'the
overdose death in January 2025 of a 22-year-old Antioch man, X' names a victim; a man 'charged separately in
the Southern District of New York' is no one of 'Three of the new defendants were arrested'; 'The couple were
arrested' are the last two people named together."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_surname_after_from_is_no_victim():
    got = rows("<p>OKLAHOMA CITY – Brandi Nicole Haskins, also known as Brandi Lowe, 38, of Shawnee, has been sentenced to"
               " serve 235 months in federal prison for conspiring to distribute fentanyl.</p><p>A federal jury found"
               " Haskins guilty in March. Haskins and her husband, Dustin Ray Lowe, 41, sold counterfeit pills from their"
               " home. A 17-year-old who bought pills from Haskins overdosed in a school parking lot and survived after an"
               " officer gave him naloxone.</p><p>Lowe pleaded guilty before trial and testified against his wife.</p>",
               "Shawnee Woman Sentenced to More Than 19 Years")
    assert got == {"Brandi Nicole Haskins": ("sentenced", 235, 38), "Dustin Ray Lowe": ("pleaded_guilty", None, 41)}


def test_until_he_is_in_custody_is_no_arrest():
    got = rows("<p>Cedric Gaines, 44, was sentenced to 168 months in prison. Marquez Dion Tolbert, 27, of Phenix City,"
               " Alabama, was indicted with him in 2018 and remains at large. “We will keep looking for the man who helped"
               " them until he is in custody,” said U.S. Attorney Harmon D. Pruett.</p>", "Brother Sentenced")
    assert got["Marquez Dion Tolbert"][0] == "charged"


def test_an_overdose_death_dated_before_its_victim():
    got = rows("<p>The indictment charges Dilcia Zelaya Fúnez, 52, and Josué Manuel Osorto, 40, with conspiracy to"
               " distribute fentanyl. The investigation began after the overdose death in January 2025 of a 22-year-old"
               " Antioch man, Christian Mauricio Ayala.</p>", "Two Indicted")
    assert set(got) == {"Dilcia Zelaya Fúnez", "Josué Manuel Osorto"}


SUPERSEDING = ("<p>A superseding indictment was unsealed today adding four defendants to the case. Three of the new"
               " defendants were arrested this morning in Queens. The fourth, Fausto Ureña Peña, 44, remains at large. The"
               " two defendants named in the original indictment, brothers Edwin Almánzar Peña, 39, and Julio Almánzar"
               " Peña, 35, were arrested in May 2023.</p><p>According to the new charges, the brothers’ uncle, Wilfredo"
               " Almánzar, 58, stored cash; their cousin, Yeison Peña Ureña, 29, and Kelvin Joel Mercedes, 31, drove"
               " pills to customers. A Bronx man who bought pills for resale, Tomás Elías Reinoso, has been charged"
               " separately in the Southern District of New York.</p>")


def test_a_man_charged_separately_is_no_one_of_a_count():
    got = rows(SUPERSEDING, "Superseding Indictment Adds Four Defendants")
    assert {k: got[k][0] for k in ("Wilfredo Almánzar", "Yeison Peña Ureña", "Kelvin Joel Mercedes")} == \
        {"Wilfredo Almánzar": "arrested", "Yeison Peña Ureña": "arrested", "Kelvin Joel Mercedes": "arrested"}
    assert got["Fausto Ureña Peña"][0] == "charged"


def test_the_couple_were_arrested():
    got = rows("<p>FRESNO – Óscar Fabián Lugo Arreola, 29, made his first appearance in federal court today after being"
               " extradited from Mexico.</p><p>According to court documents, Gerardo Ibarra Solís, 36, and his wife,"
               " Marisela Ibarra, 33, both of Fresno, received shipments of fentanyl from Lugo Arreola. The couple were"
               " arrested in November 2019. Gerardo Ibarra Solís has since pleaded guilty. Marisela Ibarra has pleaded"
               " not guilty and is awaiting trial.</p>", "Mexican National Extradited")
    assert {k: v[0] for k, v in got.items()} == {"Óscar Fabián Lugo Arreola": "extradited",
                                                 "Gerardo Ibarra Solís": "pleaded_guilty", "Marisela Ibarra": "arrested"}
