"""Each defendant's own stage, the furthest this release reports for that person and never copied
from a co-defendant (invented names); 'was arrested in Colombia and extradited' is an extradition,
while 'was charged and sentenced in 2019 for burglary' is a record, no stage of this case."""
from __future__ import annotations

from dojfix import defendants


def run(body: str, title: str):
    return defendants(body, title, "usao-sdfl", "USAO - Southern District of Florida", ("action",))


def test_charged_together_then_each_their_own_step():
    got = run("<p>Oriel Santangelo, 30, and Bastian Coyle, 27, were charged in an indictment. Santangelo pleaded guilty"
              " in June. Coyle was arrested Tuesday.</p>", "Two Charged")
    assert got == {"Oriel Santangelo": ("pleaded_guilty",), "Bastian Coyle": ("arrested",)}


def test_the_sentence_of_one_is_not_the_stage_of_the_co_defendants():
    got = run("<p>Oriel Santangelo, 30, was sentenced today to 100 months. Santangelo’s co-defendants, Bastian Coyle,"
              " 27, and Idris Marlowe, 45, previously pleaded guilty and are awaiting sentencing.</p>", "Man Sentenced")
    assert got == {"Oriel Santangelo": ("sentenced",), "Bastian Coyle": ("pleaded_guilty",),
                   "Idris Marlowe": ("pleaded_guilty",)}


def test_arrested_abroad_and_extradited():
    got = run("<p>A federal grand jury indicted Oriel Santangelo, 30, and Bastian Coyle, 27. Santangelo was arrested"
              " Monday, while Coyle was arrested in Colombia and extradited to the United States.</p>", "Two Charged")
    assert got == {"Oriel Santangelo": ("arrested",), "Bastian Coyle": ("extradited",)}


def test_a_coordinated_verb_dated_years_back_is_a_record():
    got = run("<p>Oriel Santangelo, 30, was arrested and charged with distributing fentanyl. Bastian Coyle, 27, was"
              " charged and sentenced in 2019 for burglary, and is charged again in this case.</p>", "Two Charged")
    assert got == {"Oriel Santangelo": ("arrested",), "Bastian Coyle": ("charged",)}


def test_after_being_arrested_is_an_arrest_but_avoiding_one_is_not():
    got = run("<p>Oriel Santangelo, 34, of Hialeah, made her initial appearance Tuesday after being arrested on a"
              " criminal complaint charging her with distributing fentanyl. Bastian Coyle, 27, also charged in the"
              " complaint, fled to avoid being arrested.</p>", "Two Charged")
    assert got == {"Oriel Santangelo": ("arrested",), "Bastian Coyle": ("charged",)}


def test_all_but_one_were_arrested():
    got = run("<p>Oriel Santangelo, 34, Bastian Coyle, 29, and Idris Marlowe, 41, were charged. All but Marlowe were"
              " arrested Tuesday.</p>", "Three Charged")
    assert got == {"Oriel Santangelo": ("arrested",), "Bastian Coyle": ("arrested",), "Idris Marlowe": ("charged",)}


def test_in_custody_since_their_arrests_is_said_of_both():
    got = run("<p>Oriel Santangelo, 34, Bastian Coyle, 29, and Idris Marlowe, 41, were indicted on May 1. Santangelo"
              " and Coyle have been in custody since their arrests in April. Marlowe was arrested today.</p>",
              "Three Indicted")
    assert got == {"Oriel Santangelo": ("arrested",), "Bastian Coyle": ("arrested",), "Idris Marlowe": ("arrested",)}
