"""Round 22 (invented fixtures in the shape of real releases; each failed before its rule).

Treasury: an advisory's red-flag list naming 'persons designated by the Office of Foreign Assets
Control pursuant to E.O. 14059' describes who is on the list; it announces no designation.
DOJ: an extradition told by its noun ('following his extradition from Poland'); a job title in lower
case before a listed name with an age ('and export director Peter Jones, 44,') does not make it an
official; an age written ', 30 years old,'; victims 'who overdosed', and no victim where a case verb
stands between the victim's word and the name ('After a customer died, agents arrested X')."""
from __future__ import annotations


def test_persons_designated_by_ofac_under_the_order_is_a_status_not_an_action():
    from test_treasury_designees import classify
    html = ("<p>WASHINGTON — Today, FinCEN issued an alert to help banks spot payments for counterfeit pills.</p>"
            "<p>Red flags include:</p><ul><li>many small payments from unrelated customers to one account;</li>"
            "<li>transactions with persons designated by the Office of Foreign Assets Control pursuant to Executive"
            " Order (E.O.) 14059 or with their associates.</li></ul>")
    assert not classify(html)
    # the action itself still counts, by its agency too
    assert classify("<p>WASHINGTON — Today, the Office of Foreign Assets Control designated two brokers pursuant"
                    " to E.O. 14059.</p>")
    assert classify("<p>WASHINGTON — The persons designated by OFAC today pursuant to E.O. 14059 launder money"
                    " for the Cartel Ficticio.</p>")


def test_a_title_before_a_name_with_an_age_is_a_role_not_an_office():
    from test_doj_round16 import rows
    body = ("<p>Alpha Chemical Co., Ltd. (Alpha Chemical) and Beta Pharma Co., Ltd. (Beta Pharma) sold fentanyl"
            " precursors. Alpha Chemical sales manager Gao Wenbo, 37, and Beta Pharma export director Lin Qiaoyu,"
            " 44, allegedly arranged the shipments.</p><p>Lin was arrested on Sept. 29 in Honolulu. Gao remains at"
            " large in China. Special Agent in Charge Mara Quist of DEA said the chain starts overseas.</p>")
    got = rows(body, "Chinese Chemical Companies and Employees Charged")
    assert got["Lin Qiaoyu"] == ("arrested", None, 44)
    assert got["Gao Wenbo"] == ("charged", None, 37)          # not given Lin's arrest
    assert "Mara Quist" not in got
    # a capitalised title stays an office, age or not ('prefer a missed row to a wrong one')
    got = rows("<p>Ansel Roe, 30, was arrested. Detective Sgt. Harlan Vick, 45, was hurt in the arrest.</p>",
               "Man Arrested on Fentanyl Charges")
    assert got == {"Ansel Roe": ("arrested", None, 30)}


def test_an_age_in_years_old_after_the_name():
    from test_doj_round16 import rows
    got = rows("<p>HAMMOND – Darnell Quincy Hobbs, 30 years old, of Gary, Indiana, was sentenced to 87 months in prison"
               " for distributing fentanyl.</p><p>Ronna Vail, 41 years of age, pleaded guilty.</p>", "Gary Man Sentenced")
    assert got == {"Darnell Quincy Hobbs": ("sentenced", 87.0, 30), "Ronna Vail": ("pleaded_guilty", None, 41)}


def test_an_extradition_told_by_its_noun():
    from test_doj_round16 import rows
    got = rows("<p>Marek Wolny, 41, made his initial appearance in federal court today following his extradition from"
               " Poland on charges of conspiring to distribute fentanyl.</p>", "Polish National Extradited")
    assert got == {"Marek Wolny": ("extradited", None, 41)}
    # not done yet, or long done: no extradition of this release
    got = rows("<p>Marek Wolny, 41, who is fighting his extradition from Poland, was charged with conspiring to"
               " distribute fentanyl.</p>", "Polish National Charged")
    assert got == {"Marek Wolny": ("charged", None, 41)}
    got = rows("<p>Marek Wolny, 41, pleaded guilty today to conspiring to distribute fentanyl. He came to the United"
               " States following his extradition from Poland in 2019.</p>", "Polish National Pleads Guilty")
    assert got == {"Marek Wolny": ("pleaded_guilty", None, 41)}


def test_victims_who_overdosed_and_a_defendant_after_a_victims_word():
    from test_doj_round16 import rows
    got = rows("<p>Wade Kimbrough, 34, was sentenced to 20 years in prison for distributing fentanyl. Among those who"
               " overdosed were Celia Marsh, 31, and Ned Ortlieb, 45.</p>", "Dealer Sentenced")
    assert got == {"Wade Kimbrough": ("sentenced", 240.0, 34)}
    # a case verb or a supplier between the victim's word and the name: the name is a defendant's
    got = rows("<p>After a customer died, agents arrested Wade Kimbrough, 34, at his home.</p>", "Man Arrested")
    assert got == {"Wade Kimbrough": ("arrested", None, 34)}
