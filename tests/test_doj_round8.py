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
