"""Treasury releases, round 7 (invented fixtures in the shape of real releases): designations told
with a date of their own ('designated the same persons on August 6, 2026', 'On September 24, OFAC
designated ...') in a release that designates nobody today."""
from __future__ import annotations

from test_treasury_designees import classify


def test_another_government_acts_today_and_ofac_designated_on_a_date():
    html = ("<p>Today, the Government of Canada announced sanctions against three individuals of a British"
            " Columbia-based fentanyl network: <strong>Dorian Vellacott</strong>, <strong>Ravinder Sohal</strong>"
            " and <strong>Maxime Bouchard-Lalonde</strong>. The U.S. Department of the Treasury’s Office of Foreign"
            " Assets Control (OFAC) designated the same persons on August 6, 2026, pursuant to Executive Order"
            " (E.O.) 14059.</p>")
    assert not classify(html)


def test_a_day_without_its_year_is_past():
    html = ("<p>On September 24, OFAC designated <strong>Tadeo Lucero Ibarra</strong> and four other persons"
            " supporting the Cartel Ficticio pursuant to Executive Order (E.O.) 14059, and the UIF added the same"
            " persons to its list the same day.</p><p>Today, we commit to deepen this cooperation.</p>")
    assert not classify(html)


def test_the_same_sentence_today_is_still_a_designation():
    html = ("<p>Today, OFAC designated <strong>Tadeo Lucero Ibarra</strong> pursuant to Executive Order (E.O.)"
            " 14059, 2021, as amended.</p>")
    assert classify(html)
    assert classify("<p>Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
                    " designated two persons, pursuant to Executive Order (E.O.) 14059.</p>")
