"""Round 37 (invented fixtures in the shape of real multi-defendant releases; each failed before its
rule): which of the named defendants a count of arrests stands for -- 'Six of the defendants were
arrested on May 9 … A and B were arrested in July … C and D have not been arrested' (the two arrested
apart are left out of the six); 'Eleven of them were arrested Tuesday … A, B and C were not taken into
custody Tuesday' (a fugitive's phrase, for each name of the list); 'Six of the seven defendants named
in the indictment were arrested … In a related complaint, X is charged' (the count is of the ones named
before it); 'Agents are still searching for A, B and C' (each of them); 'an indictment charges seven
defendants, including A, B and C. All seven were arrested' (some of the seven); E.D.N.Y.'s 'The
Defendants:' block whose entries have their own lines ('ACME LLC' / 'College Point, New York'): every
company listed there is charged, not only the first."""
from __future__ import annotations

from test_doj_round16 import rows

NAMES = ["Jalen Trey Haynes", "Mara Estela Lugo", "Damon Ray Tolbert", "Kayla Dee Barfield", "Xavier Lon Pounds",
         "Rory James Cutts", "Shana Lee Rouse", "Terrence Dale Mathis", "Colby Ray Pittman", "Ezra Noah Ocasio"]


def stages(got: dict) -> dict:
    return {n: a for n, (a, _, _) in got.items()}


def test_a_count_of_arrests_leaves_out_those_arrested_apart_and_the_fugitives():
    table = "".join(f"<tr><td>{n}</td><td>{30 + i}</td><td>Perry, Ga.</td></tr>" for i, n in enumerate(NAMES))
    got = rows("<p>MACON, Ga. – Ten people are facing federal charges after a grand jury returned an indictment.</p>"
               "<p>The following defendants were charged in the indictment:</p><table><tr><th>Name</th><th>Age</th>"
               f"<th>Residence</th></tr>{table}</table><p>Six of the defendants were arrested on May 9 and made initial"
               " appearances. Haynes and Ocasio were arrested on criminal complaints in July 2025 and remain in custody."
               " Pounds and Pittman have not been arrested.</p>", "Ten Indicted")
    assert stages(got) == {n: ("charged" if n in ("Xavier Lon Pounds", "Colby Ray Pittman") else "arrested")
                           for n in NAMES}


def test_not_taken_into_custody_and_a_count_of_them():
    got = rows("<p>Louisville, KY – Six people were charged in a federal indictment unsealed today. Three of them were"
               " arrested Tuesday.</p><p>The defendants charged in the indictment are Darnell Quin Abbot, 39, of"
               " Louisville; Kiana Shay Mabe, 30, of Louisville; Travis Dean Kinslow, 26, of Louisville; Shelby Mae"
               " Oakes, 24, of Vine Grove; Anthony Ray Wheaton, 50, of Radcliff; and Mariah Lynn Ester, 27, of"
               " Louisville.</p><p>Oakes, Wheaton and Ester were not taken into custody Tuesday.</p>", "Six Charged")
    assert stages(got) == {"Darnell Quin Abbot": "arrested", "Kiana Shay Mabe": "arrested",
                           "Travis Dean Kinslow": "arrested", "Shelby Mae Oakes": "charged",
                           "Anthony Ray Wheaton": "charged", "Mariah Lynn Ester": "charged"}


def test_a_count_of_the_ones_named_before_it_and_a_list_of_the_sought():
    got = rows("<p>The following defendants were charged in the indictment:</p><p>Rashad Dion Whitmer, 31, of Lawton;"
               "</p><p>Alyssa Bree Tigner, 26, of Lawton; and</p><p>Destiny Rae Poole, 23, of Anadarko.</p><p>Two of"
               " the three defendants named in the indictment were arrested on January 27. Poole has not yet been"
               " arrested.</p><p>In a related complaint, Efrén Salas Ponte, 40, of Dallas, is charged with possession"
               " with intent to distribute fentanyl.</p>", "Four Charged")
    assert stages(got) == {"Rashad Dion Whitmer": "arrested", "Alyssa Bree Tigner": "arrested",
                           "Destiny Rae Poole": "charged", "Efrén Salas Ponte": "charged"}
    got = rows("<p>A grand jury has indicted five people. Two of the defendants were arrested Tuesday morning.</p>"
               "<p>Charged in the indictment are: Lavell Ant Spight, 35, of Kalamazoo; Cass Lee Vander, 31, of Portage;"
               " Octavio Ruiz Betan, 33, of Chicago, Illinois; Kenya Lavon Biggins, 27, of Battle Creek; and Shamar Dev"
               " Wilkins, 22, of Kalamazoo.</p><p>Agents are still searching for Ruiz Betan, Biggins and Wilkins.</p>",
               "Five Indicted")
    assert stages(got) == {"Lavell Ant Spight": "arrested", "Cass Lee Vander": "arrested",
                           "Octavio Ruiz Betan": "charged", "Kenya Lavon Biggins": "charged",
                           "Shamar Dev Wilkins": "charged"}


def test_some_of_a_counted_group_then_all_of_it():
    got = rows("<p>In Dallas, an indictment charges seven defendants, including Octavio Rigo Marrón, 38, of Garland,"
               " Texas, Terrell Dean Norris, 31, of Dallas, and Brisa Yan Cortez, 27, of Mesquite, Texas. All seven were"
               " arrested on June 18.</p>", "Seven Charged")
    assert stages(got) == dict.fromkeys(["Octavio Rigo Marrón", "Terrell Dean Norris", "Brisa Yan Cortez"], "arrested")


def test_a_company_in_the_defendants_block_whose_entries_have_their_own_lines():
    got = rows("<p>A superseding indictment was unsealed charging a freight forwarder and two individuals with importing"
               " fentanyl precursors. The shipments were consigned to Gull Harbor Logistics LLC (“Gull Harbor”), a"
               " freight company in College Point, Queens. Kenneth Yu-Ho Lamm, its operations manager, was arrested"
               " this morning. Hubei Lanxin Chemical Co., Ltd. sold the chemicals.</p><p>The Defendants:</p><p>HUBEI LANXIN"
               " CHEMICAL CO., LTD.<br>Wuhan, China</p><p>GULL HARBOR LOGISTICS LLC<br>College Point, New York</p><p>"
               "KENNETH YU-HO LAMM<br>Age: 45<br>Flushing, New York</p><p>E.D.N.Y. Docket No. 23-CR-417</p>",
               "Freight Forwarder Charged")
    assert got.get("Gull Harbor Logistics LLC", ("",))[0] == "charged"
    assert got["Kenneth Yu-Ho Lamm"][0] == "arrested"
