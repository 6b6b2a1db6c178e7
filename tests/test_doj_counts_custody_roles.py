"""Arrests told without a verb of their own per person (invented names and places):
- a count: 'Nine of the defendants were arrested on ...' or 'agents arrested four of the
  defendants named below', with the others accounted for by name -- fugitives ('A and B remain
  fugitives', capitals names too), someone who already pleaded guilty. When the names left are
  exactly as many as the count, they were the ones arrested; when they are not, nobody's stage
  moves (charged, as the indictment says);
- 'X has been detained since March' (in custody: arrested);
- a list of surnames ('A, B and C were arrested') where one surname is shared by a nickname in
  quotes ('also known as “Kenny Tse”'): the nickname is no second person;
- a title held under a person ('Ruhl’s top lieutenant, X') is a role in the organisation, not an
  office: X is no official."""
from __future__ import annotations

from dojfix import defendants

ROSTER = "".join(f"<p>{name}, {age}, {town}</p>" for name, age, town in [
    ("TOBIAS WREN-ACOSTA", 41, "Nogales, Arizona"), ("MARISOL DE LA VEGA QUIRÓS", 36, "Tucson, Arizona"),
    ("HERIBERTO SALCIDO-LUNA", 28, "Tucson, Arizona"), ("GUSTAVO ELÍAS DEL REAL", 44, "Magdalena, Sonora, Mexico"),
    ("CONSTANZA IRIBE-MOLINA", 25, "Rio Rico, Arizona"), ("FABIÁN OCHOA SANTILLÁN", 50, "Hermosillo, Sonora, Mexico"),
    ("PORFIRIO NAVA-BELTRÁN", 30, "Nogales, Arizona")])


def run(count: str, fugitives: str = "GUSTAVO ELÍAS DEL REAL and FABIÁN OCHOA SANTILLÁN remain fugitives") -> dict:
    body = (f"<p>TUCSON – A federal grand jury returned a superseding indictment charging seven people with conspiracy"
            f" to distribute fentanyl. {count} of the defendants were arrested on May 9, 2024, in Nogales and Tucson."
            f" {fugitives}. PORFIRIO NAVA-BELTRÁN, who was charged in the first indictment, pleaded guilty on April 2,"
            f" 2024.</p><p>The defendants:</p>{ROSTER}"
            "<p>An indictment is merely an accusation. Assistant U.S. Attorney Leonor Batiz is prosecuting.</p>")
    return defendants(body, "Seven Indicted in Fentanyl Conspiracy", "usao-az", "USAO - Arizona", ("action",))


ARRESTED = {"TOBIAS WREN-ACOSTA", "MARISOL DE LA VEGA QUIRÓS", "HERIBERTO SALCIDO-LUNA", "CONSTANZA IRIBE-MOLINA"}


def test_the_names_left_after_fugitives_and_a_guilty_plea_are_the_ones_arrested():
    got = run("Four")
    assert {n for n, (stage,) in got.items() if stage == "arrested"} == ARRESTED
    assert got["GUSTAVO ELÍAS DEL REAL"] == ("charged",) and got["FABIÁN OCHOA SANTILLÁN"] == ("charged",)
    assert got["PORFIRIO NAVA-BELTRÁN"] == ("pleaded_guilty",)


def test_a_count_the_names_do_not_match_moves_nobody():
    for count in ("Five", "Three"):
        got = run(count)
        assert not any(stage == "arrested" for (stage,) in got.values()), count
    # one fugitive fewer: five names left for a count of four
    got = run("Four", "FABIÁN OCHOA SANTILLÁN remains a fugitive")
    assert not any(stage == "arrested" for (stage,) in got.values())


def test_a_count_as_the_object_of_the_arrest_with_a_roster_table():
    rows = [("Lyle Ambrose Petty", 38, "Enid"), ("Corinna Mae Yellowhorse", 29, "Guthrie"),
            ("Wade Ellison Brandt", 45, "Enid"), ("Rosendo Iturbe-Galaz", 33, "Stillwater"),
            ("Harlan Joseph Two Crows", 51, "Guthrie")]
    table = "<table><tr><td>Name</td><td>Age</td><td>City</td></tr>" + "".join(
        f"<tr><td>{n}</td><td>{a}</td><td>{c}</td></tr>" for n, a, c in rows) + "</table>"
    body = ("<p>OKLAHOMA CITY – Nine defendants have been charged with federal drug trafficking offenses following"
            " Operation Prairie Glass, announced U.S. Attorney Dorothea Lusk. On June 4, 2024, agents executed search"
            " warrants and arrested four of the defendants named below. Harlan Joseph Two Crows remains at large."
            " The remaining four defendants were charged under seal.</p>" + table
            + "<p>A complaint is merely an accusation.</p>")
    got = defendants(body, "Nine Charged After Operation Prairie Glass", "usao-wdok",
                     "USAO - Western District of Oklahoma", ("action",))
    assert {n for n, (stage,) in got.items() if stage == "arrested"} == {n for n, _, _ in rows[:4]}
    assert got["Harlan Joseph Two Crows"] == ("charged",)


def test_held_in_detention_since_an_earlier_arrest_is_arrested():
    got = defendants("<p>CHICAGO — A superseding indictment adds two defendants to a case charging ORVILLE KEATS, 37,"
                     " with conspiracy to distribute fentanyl. The superseding indictment adds MINA ROLFE, 29, and"
                     " JASPER DUNMORE, 25, both of Chicago. Rolfe and Dunmore were arrested Tuesday. Keats has been"
                     " detained since March on the original charges.</p>", "Superseding Indictment Adds Two Defendants",
                     "usao-ndil", "USAO - Northern District of Illinois", ("action",))
    assert got == {"ORVILLE KEATS": ("arrested",), "MINA ROLFE": ("arrested",), "JASPER DUNMORE": ("arrested",)}


def test_a_nickname_in_quotes_does_not_hide_the_surname_it_shares():
    """'Ho-Ming Tse, 38, of Alhambra, also known as “Kenny Tse”': 'Tse' later is still him."""
    got = defendants("<p>LOS ANGELES – An indictment charges Walter Brandis, 47, of Rosemead; Ho-Ming Tse, 38, of Alhambra,"
                     " also known as “Kenny Tse”; and Bernadette Quiroga, 41, of Downey, with conspiracy to launder"
                     " money. Brandis, Tse and Quiroga were arrested Tuesday.</p>", "Three Charged with Laundering",
                     "usao-cdca", "USAO - Central District of California", ("action",))
    assert got == {"Walter Brandis": ("arrested",), "Ho-Ming Tse": ("arrested",), "Bernadette Quiroga": ("arrested",)}


def test_a_title_held_under_a_person_is_a_role_not_an_office():
    """'Ruhl’s top lieutenant, Dale Mott' is a member of the organisation; 'the Sheriff’s
    Lieutenant' and 'the DEA’s Special Agent in Charge' are officials."""
    got = defendants("<p>Vance Ruhl, 40, of Joplin, was sentenced to 240 months. Ruhl’s top lieutenant, Dale Mott, 36,"
                     " was sentenced to 120 months. The case was investigated by the Sheriff’s Lieutenant Corey Platt"
                     " and the DEA’s Special Agent in Charge Marla Quist.</p>", "Joplin Man Sentenced", "usao-wdmo",
                     "USAO - Western District of Missouri", ("action", "age"))
    assert got == {"Vance Ruhl": ("sentenced", 40), "Dale Mott": ("sentenced", 36)}


def test_a_long_list_of_fugitives_is_read_in_linear_time():
    """Each name of a list before 'remain fugitives' is a fugitive: the list's end is carried
    back name by name, never walked again from every name (hostile: thousands of names)."""
    import gc
    import time

    def seconds(n: int) -> float:
        names = ", ".join(f"Ab{i:05d} Cd{i:05d}" for i in range(n))
        body = f"<p>Eight of the defendants were arrested on May 2. {names} and Ef Gh remain fugitives.</p>"
        best = float("inf")
        for _ in range(2):
            gc.collect()
            gc.disable()
            try:
                started = time.process_time()
                defendants(body, "Ten Charged")
                best = min(best, time.process_time() - started)
            finally:
                gc.enable()
        return best

    small, large = seconds(400), seconds(3200)
    # eight times the names: about eight times the time (walking each list again: 64 times)
    assert large / max(small, 0.01) < 24, (small, large)
