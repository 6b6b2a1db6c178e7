"""Round 40 (invented fixtures in the shape of real E.D.N.Y. releases; each failed before its rule):
the block under 'The Defendants:' lists companies and people one entry a paragraph (name, 'Age: 45',
town). A company written in capitals with 'CO.' alone as its legal form ('… TRADING CO.') is a name,
so the block is read past it; a person whose surname has two letters ('JIANHONG XU', 'MEI LI') is a
name in capitals too -- never a place with a state's code ('TUCSON AZ')."""
from __future__ import annotations

from test_doj_round16 import rows

BLOCK = ("<p>A superseding indictment was unsealed today in federal court in Brooklyn charging two companies and"
         " three individuals with importing fentanyl precursor chemicals. Darius Okonjo was arrested this morning"
         " in Queens.</p><p>The Defendants:</p>"
         "<p>HANGZHOU BRIGHTLEAF CHEMICAL CO., LTD.<br>Hangzhou, China</p>"
         "<p>NINGBO SEAGATE TOOLING TRADING CO.<br>Ningbo, China</p>"
         "<p>SILVER BAY FREIGHT LLC<br>Elmhurst, New York</p>"
         "<p>DARIUS OKONJO<br>Age: 51<br>Jamaica, New York</p>"
         "<p>WENBO XU<br>Age: 39<br>Hangzhou, China</p>"
         "<p>MEI LI<br>Age: 33<br>Ningbo, China</p>"
         "<p>E.D.N.Y. Docket No. 24-CR-101 (ABC)</p>")


def test_a_company_in_capitals_with_co_alone_does_not_end_the_block():
    got = rows(BLOCK, "Two Chinese Companies and Three Individuals Charged")
    assert "NINGBO SEAGATE TOOLING TRADING CO." in got
    assert "SILVER BAY FREIGHT LLC" in got


def test_a_two_letter_surname_in_capitals_is_a_name():
    got = rows(BLOCK, "Two Chinese Companies and Three Individuals Charged")
    assert got["WENBO XU"] == ("charged", None, 39)
    assert got["MEI LI"] == ("charged", None, 33)
    assert got["Darius Okonjo"] == ("arrested", None, 51)
    assert len(got) == 6


def test_a_place_with_a_states_code_is_no_name():
    got = rows("<p>TUCSON AZ – A Tucson man was sentenced today to 87 months in prison for selling fentanyl pills."
               " Marco Ruelas Tapia, 29, pleaded guilty in March.</p>", "Tucson Man Sentenced")
    assert got == {"Marco Ruelas Tapia": ("sentenced", 87.0, 29)}
