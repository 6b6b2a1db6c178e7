"""Treasury releases that cite E.O. 14059 without 'today' next to it, and one that names it only for
a company's status (invented fixtures in the shape of real releases)."""
from __future__ import annotations

from test_treasury_designees import classify

LEAD = ("<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
        " sanctioned two traffickers and a trading company that supply fentanyl precursors to the Cartel Ficticio.</p>")


def test_the_action_is_taken_pursuant_to():
    assert classify(LEAD + "<p>The action is taken pursuant to Executive Order 14059.</p>")
    assert classify("<p>This action is being taken pursuant to E.O. 14059.</p>")


def test_a_recap_in_the_past_tense_with_for_having():
    html = ("<p>Today, OFAC sanctioned six launderers of the Cartel Ficticio.</p>"
            "<p>The Cartel Ficticio, which was designated pursuant to E.O. 14059 in December 2021, moves fentanyl.</p>"
            "<p>All six were designated pursuant to E.O. 14059 for having engaged in activities that have materially"
            " contributed to the international proliferation of illicit drugs.</p>")
    assert classify(html)


def test_a_bare_recap_counts_when_the_release_designates_today():
    recap = ("<p>Rubén Inventado Solís, Marina Irreal Paz and Importadora Ficticia, S.R.L. were designated pursuant"
             " to E.O. 14059.</p>")
    assert classify(LEAD + recap)
    # without a designation of today's, the same past tense is history
    assert not classify("<p>Treasury’s Under Secretary met bankers in Santo Domingo.</p>" + recap)


def test_the_bare_past_in_a_relative_clause_stays_history():
    assert not classify(LEAD.replace("sanctioned", "met") + "<p>The cartel, which was designated pursuant to E.O."
                        " 14059, remains active.</p>")


def test_a_status_named_in_a_settlement_is_no_designation():
    html = ("<p>WASHINGTON — OFAC today announced a $412,500 settlement with Ficticia Logistics, LLC for apparent"
            " violations.</p><p>The company arranged shipments for Transportes Irreales, S.A. de C.V., which OFAC"
            " designated pursuant to Executive Order 14059, after the designation.</p>")
    assert not classify(html)
    # 'today' after it: today's action
    assert classify("<p>Transportes Irreales, S.A. de C.V., which OFAC designated pursuant to E.O. 14059 today,"
                    " moves fentanyl.</p>")
