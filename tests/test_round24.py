"""Round 24 (invented fixtures in the shape of real releases; each failed before its rule): people
named with an age in overdose releases who are no defendants (a speaker, an inmate found
unresponsive, a victim's mother telling the court, a buyer's friend who survived, a witness after a
relative clause, the one who found the victim, a victim with her town before 'died'); a sentence dated
'In December 2018, he was sentenced' is history; 'His son pleaded guilty' is the son named before."""
from __future__ import annotations

from test_doj_round16 import rows

LEAD = "<p>Wade Kimbrough, 34, of Dayton, was sentenced to 120 months in prison for distributing fentanyl. "
ONLY = {"Wade Kimbrough": ("sentenced", 120.0, 34)}


def test_people_in_an_overdose_story_are_no_defendants():
    for tail in ("Among the speakers was Dale Kern, 52, of Papillion, whose son died in 2021.",
                 "On March 12, 2022, prison staff found another inmate, Rashad Pell, 36, unresponsive in his cell.",
                 "At the hearing, the victim’s mother, Renata Torn, 48, told the court that her son had just started work.",
                 "Kimbrough sold heroin to Alyssa Renn, 24, and her friend Jordan Pratt, 26. Pratt survived after"
                 " paramedics gave her naloxone; Renn died.",
                 "Renn’s friend, Desiree Hollis, 29, who drove her to the meeting, testified that she watched the sale.",
                 "Kimbrough sold the bags to Brianna Kess, 22, who shared an apartment with Caitlin Ferro, 23. Ferro"
                 " found Kess unconscious and called 911.",
                 "On February 3, 2017, Kelsey Moor, 22, of Greer, died after using heroin mixed with fentanyl."):
        assert rows(LEAD + tail + "</p>", "Dayton Man Sentenced") == ONLY, tail


def test_an_earlier_sentence_dated_in_its_month_is_history():
    got = rows("<p>A Lexington man, Devon Kincaid, 31, was resentenced on Wednesday to 168 months in federal prison.</p>"
               "<p>Kincaid pleaded guilty in 2018. In December 2018, he was sentenced to 262 months as a career"
               " offender.</p>", "Lexington Man Resentenced")
    assert got == {"Devon Kincaid": ("sentenced", 168.0, 31)}


def test_his_son_is_the_son_named_before():
    got = rows("<p>Gregorio Tovar, 56, was sentenced to 96 months in federal prison.</p><p>Tovar and his son, Adrian"
               " Tovar, 29, sold fentanyl pills from the shop.</p><p>The elder Tovar pleaded guilty in July. His son"
               " pleaded guilty to the same charge in October and will be sentenced in March.</p>", "Man Sentenced")
    assert got == {"Gregorio Tovar": ("sentenced", 96.0, 56), "Adrian Tovar": ("pleaded_guilty", None, 29)}


def test_a_list_of_the_dead_and_a_victim_with_an_appositive():
    got = rows("<p>Four guards, Tom Hale, 35, Bo Rook, 33, Cy Dent, 34, and Ed Slate, 36, were sentenced today to 30 years"
               " in prison for the shootings.</p><p>The first to be killed was Amir Nadi, 21, an aspiring doctor. His"
               " mother, Lina Kareem, 44, a physician, also was killed. Others who died included Sami Ali Hadi, 9, who"
               " was traveling with his family; Omar Fadil Aziz, 52, a businessman who sold cars; Karim Aziz Mahmood,"
               " 47, a delivery driver; and Nour Hassan Ali, 55, who was traveling with her daughter.</p>",
               "Four Guards Sentenced")
    assert got == {n: ("sentenced", 360.0, a) for n, a in (("Tom Hale", 35), ("Bo Rook", 33), ("Cy Dent", 34),
                                                          ("Ed Slate", 36))}


def test_round_25_a_car_an_operation_and_a_passenger_are_no_defendants():
    got = rows("<p>Dayana Robles Carr, 22, of El Paso, pleaded guilty to importation of fentanyl. Robles attempted to enter"
               " the United States at the Bridge of the Americas Port of Entry with fentanyl hidden in the rocker panels of"
               " her Chevrolet Malibu. The car’s passenger, Yuli Carro, 19, of Phoenix, told investigators that she did"
               " not know about the compartment. This case is part of Operation Take Back America, a nationwide"
               " initiative.</p>", "El Paso Woman Pleads Guilty")
    assert got == {"Dayana Robles Carr": ("pleaded_guilty", None, 22)}


def test_round_25_todays_term_over_one_dated_years_back():
    got = rows("<p>Roderick Gaddy, 44, of Opelousas, was sentenced today to 30 months in prison for violating the"
               " conditions of his supervised release.</p><p>Gaddy was convicted in 2016 of possession with intent to"
               " distribute cocaine base and was sentenced to 100 months in prison.</p>", "Man Returned to Prison")
    assert got == {"Roderick Gaddy": ("sentenced", 30.0, 44)}
    # the same sentencing told twice, first roughly: the exact (longer) term
    got = rows("<p>LITTLE ROCK—A man was sentenced Tuesday to more than 17 years in federal prison. Judge Hale sentenced"
               " Kordell Stubbs, 26, to 210 months in the Bureau of Prisons.</p>", "Man Sentenced")
    assert got == {"Kordell Stubbs": ("sentenced", 210.0, 26)}
