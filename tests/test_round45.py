"""Round 45 (invented fixtures in the shape of real DOJ trial releases; each failed before its rule):
'A, 31, pleaded guilty before trial, testified against B, and was sentenced in July to 5 years' (the last verb is
A's: B is the object of a verb of A's); 'A third man, X, 29, who was arrested in April, has not pleaded guilty and
remains in custody' (no plea); 'Chief District Judge A. B on Tuesday found X, 38, of Y, guilty' (a bench trial's
verdict, the judge's title capitalised); 'caused the death of a 24-year-old Staten Island woman, X' (a victim,
through her description)."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_chain_of_verbs_past_an_object_stays_with_its_subject():
    got = rows("<p>BILLINGS – A Billings man was sentenced today to 30 years in prison.</p><p>Tristan Wade Harkness,"
               " 44, was found guilty by a jury in April 2025 of conspiracy to distribute fentanyl. Another co-defendant,"
               " Raylene Marie Kessling, 31, of Hardin, pleaded guilty before trial, testified against Harkness, and was"
               " sentenced in July 2025 to 5 years in prison.</p>", "Billings Man Sentenced to 30 Years")
    assert got["Raylene Marie Kessling"] == ("sentenced", 60, 31)
    assert got["Tristan Wade Harkness"][0] == "sentenced"


def test_a_subject_after_and_is_still_its_own():
    # ('A pleaded guilty, and B was sentenced': B's verb, B written right before it)
    got = rows("<p>Raylene Kessling, 31, pleaded guilty in March, and Curtis Lomax, 40, was sentenced in July to 5 years"
               " in prison for distributing fentanyl.</p>", "Two in Fentanyl Case")
    assert got["Raylene Kessling"][0] == "pleaded_guilty"
    assert got["Curtis Lomax"] == ("sentenced", 60, 40)


def test_has_not_pleaded_guilty_is_no_plea():
    got = rows("<p>AUGUSTA, GA: Two Augusta men have pleaded guilty to selling fentanyl pills.</p><p>Javonte Simkins, 33,"
               " and Rodrick Tisdale, 45, both of Augusta, each pleaded guilty on October 4 to conspiracy to distribute"
               " fentanyl.</p><p>A third man named in the same indictment, Quinton Deshawn Abernathy, 29, who was arrested"
               " with Simkins and Tisdale in April 2021, has not pleaded guilty and remains in custody.</p>",
               "Two Augusta Men Plead Guilty")
    assert {k: v[0] for k, v in got.items()} == {"Javonte Simkins": "pleaded_guilty", "Rodrick Tisdale": "pleaded_guilty",
                                                 "Quinton Deshawn Abernathy": "arrested"}


def test_a_judge_found_the_defendant_guilty_after_a_bench_trial():
    got = rows("<p>SAIPAN – Chief United States District Judge Theodora P. Westling on Tuesday found Roldan Teregeyo"
               " Kapileo, 38, of Chalan Kanoa, guilty of possession with intent to distribute fentanyl, following a"
               " two-day bench trial.</p><p>Agents of Homeland Security Investigations watched Kapileo pick up the parcel"
               " and arrested him as he drove toward Garapan.</p>", "Saipan Man Found Guilty After Bench Trial")
    assert got == {"Roldan Teregeyo Kapileo": ("convicted", None, 38)}


def test_a_judge_finding_facts_about_a_name_is_no_verdict():
    got = rows("<p>Marcus Reyes, 41, was sentenced to 120 months in prison for distributing fentanyl. Judge Ellen"
               " Doyle found that Reyes had sold pills to Jonah Petit, who testified at the hearing.</p>", "Man Sentenced")
    assert got == {"Marcus Reyes": ("sentenced", 120, 41)}


def test_the_death_of_a_described_woman_named_after_it():
    got = rows("<p>A federal jury today convicted Darnell Okafor-Reese of conspiring to distribute fentanyl."
               " Okafor-Reese was also convicted of distributing fentanyl that caused the death of a 24-year-old Staten"
               " Island woman, Alyssa Kinsella. He faces life in prison.</p>", "Man Convicted")
    assert got == {"Darnell Okafor-Reese": ("convicted", None, None)}
