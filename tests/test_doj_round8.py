"""DOJ prose, round 8 (invented releases): a company the lead describes ('A China-based chemical
company and two of its employees were charged') named later in apposition to 'The company'."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def defendants(body: str, title: str = "Fentanyl case") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), ["USAO - New York, Southern"],
                 "https://www.justice.gov/usao-sdny/pr/x", "2024-05-01")
    return {d["name"]: (d["action"], bool(d["is_company"])) for d in ex.defendants}


def test_the_company_described_in_the_lead_and_named_after_the_company():
    got = defendants("<p>NEW YORK – A China-based chemical company and two of its employees were charged today with"
                     " importing fentanyl precursor chemicals.</p><p>The company, Wuhan Lanqiao Biotech Co. Ltd., sold"
                     " the precursors to buyers in Mexico. Its employees, Fen Ruolan, 34, and Gao Pengfei, 29,"
                     " marketed the chemicals online. Fen and Gao remain at large.</p>",
                     title="China-Based Company and Two Employees Charged")
    assert got == {"Wuhan Lanqiao Biotech Co. Ltd.": ("charged", True), "Fen Ruolan": ("charged", False),
                   "Gao Pengfei": ("charged", False)}


def test_a_company_named_after_the_company_is_no_defendant_when_no_company_was_charged():
    got = defendants("<p>NEW YORK – A Bronx man was charged today with importing fentanyl precursors.</p><p>Dale"
                     " Obrien, 34, bought the chemicals from a supplier in China. The company, Wuhan Lanqiao Biotech Co."
                     " Ltd., shipped them by mail.</p>", title="Bronx Man Charged")
    assert got == {"Dale Obrien": ("charged", False)}


def stages(body: str, title: str = "Fentanyl case", components=("USAO - New Mexico",),
           url="https://www.justice.gov/usao-nm/pr/x", published="2024-03-07") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), list(components), url, published)
    return {d["name"]: (d["action"], d["sentence_months"]) for d in ex.defendants}


def test_a_counted_arrest_with_its_noun_in_the_lead_and_the_others_considered_fugitives():
    names = ["Amos Quintero-Vela", "Bess Ortiz", "Cruz Lovato", "Dana Roybal", "Efren Maes", "Fidel Archuleta",
             "Gil Sandoval", "Hector Valdez"]
    roster = "".join(f"<p>{n}, {30 + i}, of Española;</p>" for i, n in enumerate(names))
    got = stages("<p>ALBUQUERQUE – Six people were arrested on Tuesday after a federal grand jury returned an"
                 " indictment charging eight people with trafficking fentanyl. Two defendants remain at large.</p>"
                 "<p>Charged in the indictment are:</p>" + roster +
                 "<p>Sandoval and Valdez are considered fugitives.</p>", title="Six Arrested, Two Sought")
    assert got == {n: ("charged" if n in ("Gil Sandoval", "Hector Valdez") else "arrested", None) for n in names}


def test_a_co_defendants_sentence_of_an_earlier_year_is_this_cases_stage():
    got = stages("<p>CHATTANOOGA – Lamar Giddens III, 38, of Chattanooga, was resentenced today to 210 months in"
                 " federal prison for conspiring to distribute fentanyl.</p><p>Giddens was originally sentenced in"
                 " September 2021 to 300 months after a jury convicted him at trial.</p><p>Giddens’s co-defendant,"
                 " Morris Pettway, 41, pleaded guilty before trial and was sentenced in 2021 to 151 months in"
                 " prison.</p>", title="Chattanooga Man Resentenced to 210 Months", components=("USAO - Tennessee, Eastern",),
                 published="2024-10-08")
    assert got == {"Lamar Giddens III": ("sentenced", 210.0), "Morris Pettway": ("sentenced", 151.0)}
    # a defendant's own record dated years back stays a record
    got = stages("<p>KNOXVILLE – Vance Oakley, 44, pleaded guilty today to distributing fentanyl. Oakley was"
                 " convicted in 2015 of burglary.</p>", title="Knoxville Man Pleads Guilty",
                 components=("USAO - Tennessee, Eastern",), published="2024-10-08")
    assert got == {"Vance Oakley": ("pleaded_guilty", None)}


def test_a_guilty_verdict_returned_on_a_date_against_the_defendant():
    got = stages("<p>PHILADELPHIA – The United States Attorney announced that a federal jury returned a guilty"
                 " verdict on March 19, 2025, against Ronan Keel Booth, 36, of Philadelphia, on charges of"
                 " conspiracy to distribute fentanyl.</p>", title="Philadelphia Fentanyl Trial Ends",
                 components=("USAO - Pennsylvania, Eastern",))
    assert got == {"Ronan Keel Booth": ("convicted", None)}


def test_names_in_capitals_as_subjects_by_full_name_and_by_surname():
    got = stages("<p>NEW YORK – The United States Attorney announced the unsealing of an Indictment charging"
                 " ALDO ESTEBAN VERAS, a/k/a “Chino,” MARISOL VERAS, and RAMÓN ANTONIO PEÑA-MEJÍA with participating"
                 " in a conspiracy to distribute fentanyl. ALDO VERAS and PEÑA-MEJÍA were arrested yesterday. MARISOL"
                 " VERAS remains at large.</p>", title="Three Charged", components=("USAO - New York, Southern",))
    assert got == {"ALDO ESTEBAN VERAS": ("arrested", None), "MARISOL VERAS": ("charged", None),
                   "RAMÓN ANTONIO PEÑA-MEJÍA": ("arrested", None)}


def test_a_defendant_named_in_full_only_in_the_title():
    got = stages("<p>TULSA – A Tulsa man who sold counterfeit pills containing fentanyl to a 17-year-old girl was"
                 " sentenced Thursday to 300 months in federal prison.</p><p>Hargis, 28, pleaded guilty in September"
                 " to distribution of fentanyl resulting in death.</p>",
                 title="Tulsa Man, Devon Hargis, Sentenced to 25 Years for Fentanyl Distribution",
                 components=("USAO - Oklahoma, Northern",), published="2025-01-30")
    assert got == {"Devon Hargis": ("sentenced", 300.0)}


def test_a_buyer_named_with_the_age_before_the_name_is_no_defendant():
    got = stages("<p>INDIANAPOLIS – Tavish Reed, 24, of Indianapolis, was sentenced today to 240 months in federal"
                 " prison for distributing fentanyl resulting in death.</p><p>Reed sold what he called “percs” to"
                 " 19-year-old Owen Lowery of Greenwood. Lowery was found unresponsive the next morning.</p>",
                 title="Indianapolis Man Sentenced", components=("USAO - Indiana, Southern",))
    assert got == {"Tavish Reed": ("sentenced", 240.0)}


GUAM = ("<p>HAGÅTÑA, Guam – A Dededo man entered a plea of guilty on Wednesday to attempted possession with intent to"
        " distribute fentanyl, and the California man who supplied him received a sentence of 121 months in federal"
        " prison in the same case, announced the United States Attorney for the Districts of Guam and the Northern"
        " Mariana Islands.</p><p>Jarrod Kyle Mendiola Aguigui, 26, pleaded guilty before Chief Judge Ana Q. Perez of"
        " the District Court of Guam.</p><p>Bryce Tafolla, 31, of Stockton, California, was sentenced the same day.</p>")


def test_a_lead_description_with_a_place_is_the_person_living_there():
    got = stages(GUAM, title="Dededo Man Pleads Guilty and California Supplier Sentenced",
                 components=("USAO - Guam and Northern Mariana Islands",), url="https://www.justice.gov/usao-gu/pr/x")
    assert got == {"Jarrod Kyle Mendiola Aguigui": ("pleaded_guilty", None), "Bryce Tafolla": ("sentenced", 121.0)}


def test_the_office_of_two_courts_gives_the_court_the_text_names():
    from scrapers.sources.doj.districts import release_districts
    comps = ["USAO - Guam and Northern Mariana Islands"]
    assert release_districts(comps, None, "before Chief Judge Perez of the District Court of Guam") == ["District of Guam"]
    assert release_districts(comps, None, "in the U.S. District Court for the Northern Mariana Islands") == [
        "District of the Northern Mariana Islands"]
    both = "in the District Court of Guam and the District Court for the Northern Mariana Islands"
    assert release_districts(comps, None, both) == ["Districts of Guam and the Northern Mariana Islands"]


def test_a_release_naming_thousands_of_people_is_read_in_near_linear_time():
    import time

    def release(n: int) -> str:
        return "".join(f"<p>Name{i}a Given{i}b Surname{i}c, {20 + i % 50}, of Tulsa, was sentenced to {12 + i % 200}"
                       " months for distributing fentanyl.</p>" for i in range(n))

    def seconds(n: int) -> float:
        blocks = html_to_blocks(release(n))
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            ex = extract("doj:test", "Many Sentenced", blocks, ["USAO - Oklahoma, Northern"], None, "2024-01-01")
            best = min(best, time.perf_counter() - started)
        assert len(ex.defendants) == n
        return best

    small, large = seconds(1000), seconds(4000)
    # each surname looked for over the whole text made it quadratic (1,000 names 0.21 s, 4,000 1.69 s: 8x;
    # 8,000 5.4 s); now about 4x
    assert large < 0.2 or large / small < 6, f"4x the names cost {large / small:.1f}x the time"
