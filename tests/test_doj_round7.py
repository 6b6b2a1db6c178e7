"""DOJ prose, round 7 (invented releases): a count of the defendants arrested with the others
named as fugitives ('Agents arrested two of the defendants ... A and B remain fugitives')."""
from __future__ import annotations

import pytest

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def defendants(body: str, title: str = "Fentanyl case") -> dict[str, tuple]:
    ex = extract("doj:test", title, html_to_blocks(body), ["USAO - Oklahoma, Northern"],
                 "https://www.justice.gov/usao-ndok/pr/x", "2024-05-01")
    return {d["name"]: (d["action"], d.get("sentence_months")) for d in ex.defendants}


ROSTER = ("<p>A federal grand jury returned an indictment charging the following people with conspiracy to"
          " distribute fentanyl:</p><ul><li>Oren Kessling, 31, of Tulsa;</li><li>Brice Almanza, 28, of Tulsa;</li>"
          "<li>Tavon Reddick, 45, of Broken Arrow; and</li><li>Silas Quimby, 50, of Sapulpa.</li></ul>")


@pytest.mark.parametrize("after", [
    # the count as the object of an active verb, the others named (in full or by surname) as fugitives
    "Agents arrested two of the defendants on Tuesday. Reddick and Quimby remain fugitives.",
    "Agents arrested two of the defendants on Tuesday. Tavon Reddick and Silas Quimby remain fugitives.",
    "Two of the defendants were arrested on Tuesday. Reddick and Quimby remain at large.",
    # a predicate between the names and 'remain fugitives'
    "Agents arrested two of the defendants on Tuesday. Reddick and Quimby are believed to be in Mexico and"
    " remain fugitives.",
])
def test_a_count_arrested_and_the_others_fugitives(after):
    got = defendants(ROSTER + f"<p>{after}</p>")
    assert got == {"Oren Kessling": ("arrested", None), "Brice Almanza": ("arrested", None),
                   "Tavon Reddick": ("charged", None), "Silas Quimby": ("charged", None)}


def test_one_fled_and_the_rest_arrested():
    got = defendants(ROSTER + "<p>Agents arrested three of the defendants on Tuesday. Quimby fled to Mexico"
                              " and is a fugitive.</p>")
    assert got["Silas Quimby"] == ("charged", None)
    assert {got[n][0] for n in ("Oren Kessling", "Brice Almanza", "Tavon Reddick")} == {"arrested"}


def test_a_count_that_does_not_fit_arrests_nobody():
    # two arrested, but only one named as a fugitive: which of the other three is not said
    got = defendants(ROSTER + "<p>Agents arrested two of the defendants on Tuesday. Quimby remains a"
                              " fugitive.</p>")
    assert {a for a, _ in got.values()} == {"charged"}


def test_the_names_after_a_counted_object_are_not_its_subjects():
    # the next sentence's names are not who 'two of the defendants' are
    got = defendants(ROSTER + "<p>Agents arrested two of the defendants on Tuesday. Tavon Reddick and"
                              " Silas Quimby are expected to appear in court next week.</p>")
    assert got["Tavon Reddick"] == ("charged", None) and got["Silas Quimby"] == ("charged", None)
