"""Treasury releases, round 8 (invented fixtures in the shape of real releases): plain-text
designees named with an appositive after them."""
from __future__ import annotations

from test_treasury_designees import roles


def test_a_possessive_appositive_after_a_plain_text_name_is_no_part_of_it():
    html = ("<p>Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned two"
            " individuals and one entity pursuant to Executive Order (E.O.) 14059.</p><p>Ramiro Ortega Saucedo (Ortega)"
            " is a Sinaloa-based chemical broker. OFAC designated Ortega for having engaged in activities that"
            " contributed to the proliferation of illicit drugs. Quimicos del Pacifico, S.A. de C.V. is being"
            " designated for being owned or controlled by Ortega. Lidia Fuentes Arce, Ortega’s associate, is being"
            " designated for having materially assisted Ortega.</p>")
    got = roles(html)
    assert got == {"Ramiro Ortega Saucedo": "designated", "Quimicos del Pacifico, S.A. de C.V.": "designated",
                   "Lidia Fuentes Arce": "designated"}
