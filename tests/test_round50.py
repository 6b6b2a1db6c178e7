"""Round 50 (invented fixtures in the shape of real border-district releases; each failed before its rule):
'Ciudad Juárez' is a place; 'ordered him held pending a detention hearing' is an arrest; 'Judge X handed A a
97-month sentence' (stage and term); 'The indictment charges A, 47, a Mexican national who lives in Tijuana; B,
38, of Chula Vista; and C LLC, the company that leased the warehouse' (the list goes on past the relative
clause); 'sentenced A, 23, …, to 41 months in prison, and B, 20, a U.S. citizen from San Luis, Arizona, to 2
years and 6 months in prison' (each one's term)."""
from __future__ import annotations

from test_doj_round16 import rows


def test_ciudad_juarez_is_a_place_and_the_plaza_boss_is_extradited():
    got = rows("<p>An alleged plaza boss who controlled drug smuggling through Ciudad Juárez for a Mexican cartel was"
               " extradited from Mexico yesterday and made his initial appearance today in federal court in El Paso.</p>"
               "<p>According to court documents, Baudelio Amado Quintanar Lerma, 53, also known as “El Tordo,” ran the"
               " cartel’s Juárez plaza. A federal grand jury charged him in a superseding indictment returned in"
               " 2023.</p>", "Alleged Plaza Boss Extradited")
    assert got == {"Baudelio Amado Quintanar Lerma": ("extradited", None, 53)}


def test_ordered_him_held_pending_a_hearing():
    got = rows("<p>According to the criminal complaint, Darnell Keith Ashworth, 52, was stopped at the checkpoint on"
               " Feb. 9 with 30 pounds of fentanyl. Ashworth is charged with possessing fentanyl with intent to distribute"
               " it. U.S. Magistrate Judge Rosalía C. Etcheverry ordered him held pending a detention hearing.</p>",
               "Houston Man Arrested")
    assert got == {"Darnell Keith Ashworth": ("arrested", None, 52)}


def test_a_judge_handed_a_name_a_sentence():
    got = rows("<p>Teófilo Rubén Guajardo Lozano, 41, pleaded guilty June 20 to conspiracy to distribute fentanyl. Today,"
               " U.S. District Judge Marcelina T. Vandergriff handed Guajardo Lozano a 97-month sentence, to be followed by"
               " five years of supervised release.</p>", "Money Courier Sentenced")
    assert got == {"Teófilo Rubén Guajardo Lozano": ("sentenced", 97, 41)}


def test_a_list_past_a_relative_clause_to_a_company():
    got = rows("<p>The indictment charges Herminio Manuel Beltrán Quiñones, also known as “El Ingeniero,” 47, a Mexican"
               " national who lives in Tijuana; Tristan Dale Hubbard, 38, of Chula Vista; and Brisa Harbor Logistics LLC,"
               " the company that leased the warehouse, with conspiracy to import controlled substances.</p>",
               "Two Defendants and Warehouse Company Charged")
    assert got == {"Herminio Manuel Beltrán Quiñones": ("charged", None, 47),
                   "Tristan Dale Hubbard": ("charged", None, 38), "Brisa Harbor Logistics LLC": ("charged", None, None)}


def test_two_sentenced_each_to_a_term_with_a_citizenship_and_a_town():
    got = rows("<p>YUMA, Ariz. – On November 3, 2025, U.S. District Judge Cassius D. Wetherell sentenced Itzel Guadalupe"
               " Barraza Quintero, 23, a Mexican national from San Luis Río Colorado, Sonora, to 41 months in prison, and"
               " Nayeli Paola Serrano, 20, a U.S. citizen from San Luis, Arizona, to 2 years and 6 months in prison. Both"
               " women had pleaded guilty to importation of fentanyl.</p>", "Two Women Sentenced")
    assert got == {"Itzel Guadalupe Barraza Quintero": ("sentenced", 41, 23), "Nayeli Paola Serrano": ("sentenced", 30, 20)}
