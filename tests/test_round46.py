"""Round 46 (invented fixtures in the shape of real Main Justice releases; each failed before its rule):
companies with the legal forms 'S.R.L.' and 'S.A.' (Dominican, Chilean, Panamanian); a list of companies each
with a one-word short form in parentheses ('A Co., Ltd. (Lutai); B Co., Ltd. (Shenglan); and C …'); a town
before its state or province ('San Luis Río Colorado, Sonora,') is no name; 'Two alleged leaders of a faction …
were extradited' (the two named next); a two-word surname two brothers share ('Tovar Quiñones'), read as the
one named yet; 'A Mexican national who directed shipments of heroin and fentanyl … pleaded guilty' is one person
(the 'and' inside the description); 'X (X USA), a subsidiary of Y S.A., pleaded guilty' (never the parent); a
dateline glued to a company's first word ('WASHINGTONAcme Maritime S.A.')."""
from __future__ import annotations

from test_doj_round16 import rows


def _opa(body: str, title: str) -> dict[str, tuple]:
    return rows(body, title)


def test_a_company_with_srl_as_its_legal_form():
    got = _opa("<p>The indictment charges Farmacia Isla Verde, S.R.L., which did business as “RxVerde”; its owner,"
               " Ángel Rafael Batista Almánzar, 52, of Santo Domingo; and an employee, Yokasta Peralta Guzmán, 33, with"
               " conspiracy to distribute fentanyl.</p>", "Online Pharmacy Company and Two Indicted")
    assert got == {"Farmacia Isla Verde, S.R.L.": ("charged", None, None),
                   "Ángel Rafael Batista Almánzar": ("charged", None, 52), "Yokasta Peralta Guzmán": ("charged", None, 33)}


def test_companies_listed_with_one_word_short_forms():
    got = _opa("<p>Indictments unsealed today charge three China-based chemical companies with conspiring to import"
               " fentanyl precursors.</p><p>The companies charged are Zhejiang Lutai New Materials Co., Ltd. (Lutai);"
               " Wuhan Shenglan Pharmatech Co., Ltd. (Shenglan); and Guangzhou Yibo International Trade Co., Ltd. (Yibo"
               " Trade).</p>", "Three Chemical Companies Charged")
    assert got == {"Zhejiang Lutai New Materials Co., Ltd.": ("charged", None, None),
                   "Wuhan Shenglan Pharmatech Co., Ltd.": ("charged", None, None),
                   "Guangzhou Yibo International Trade Co., Ltd.": ("charged", None, None)}


def test_a_count_of_described_leaders_extradited_and_a_town_before_its_state():
    got = _opa("<p>Two alleged leaders of a cartel faction that controls smuggling routes through San Luis Río Colorado,"
               " Sonora, were extradited from Mexico yesterday.</p><p>Aurelio Benjamín Ochoa Sepúlveda, 52, and Marco"
               " Tulio Arce Villanueva, 45, both of San Luis Río Colorado, are charged in a superseding indictment with"
               " conspiracy to import fentanyl.</p><p>A third defendant, Fermín Alejandro Rubio Cañedo, 38, remains a"
               " fugitive.</p>", "Two Alleged Plaza Bosses Extradited")
    assert got == {"Aurelio Benjamín Ochoa Sepúlveda": ("extradited", None, 52),
                   "Marco Tulio Arce Villanueva": ("extradited", None, 45),
                   "Fermín Alejandro Rubio Cañedo": ("charged", None, 38)}


def test_brothers_sharing_two_surnames_and_a_description_holding_and():
    got = _opa("<p>A Mexican national who directed shipments of heroin and fentanyl from Sinaloa to Chicago pleaded"
               " guilty today.</p><p>Rigoberto Anselmo Tovar Quiñones, 47, of Culiacán, entered his plea before U.S."
               " District Judge Cornelia P. Dunworth.</p><p>Tovar Quiñones was arrested in Panama in March 2014 and"
               " extradited to the United States the following November.</p><p>His brother and co-defendant, Ismael"
               " Gerardo Tovar Quiñones, 44, was extradited from Mexico on May 29, 2015. He was ordered detained pending"
               " trial.</p>", "Trafficker Pleads Guilty")
    assert got == {"Rigoberto Anselmo Tovar Quiñones": ("pleaded_guilty", None, 47),
                   "Ismael Gerardo Tovar Quiñones": ("extradited", None, 44)}


def test_two_descriptions_joined_by_and_are_still_two_people():
    got = _opa("<p>A Dothan woman and her adult son pleaded guilty today to conspiring to distribute fentanyl.</p>"
               "<p>Loretta Jean Baisden, 52, and her son, Cody Wayne Baisden, 30, both of Dothan, entered their pleas"
               " before a magistrate judge.</p>", "Dothan Mother and Son Plead Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Loretta Jean Baisden": "pleaded_guilty",
                                                 "Cody Wayne Baisden": "pleaded_guilty"}


def test_the_parent_of_a_subsidiary_pleading_guilty_is_no_defendant():
    got = _opa("<p>Acme Trading USAInc. (Acme USA), a subsidiary of Acme Holdings S.A., pleaded guilty yesterday to"
               " participating in a conspiracy to ship fentanyl precursors, the Justice Department announced.</p>",
               "Acme Trading USA Pleads Guilty")
    assert "Acme Holdings S.A." not in got


def test_a_dateline_glued_to_a_company_name():
    got = _opa("<p>WASHINGTONCooperative Harbor Maritime S.A., the operator of the M/T Sea Falcon, pleaded guilty and"
               " was sentenced today for shipping pills made with fentanyl, the Justice Department announced.</p>",
               "Ship Management Firm Pleads Guilty and Sentenced")
    assert list(got) == ["Cooperative Harbor Maritime S.A."]
