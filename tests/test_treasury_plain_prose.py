"""Designees a release describes in plain prose (no bold, no list) when its lead counts them,
and a new designee next to a link to an earlier release that did not sanction it (fixtures
invented)."""
from __future__ import annotations

from test_treasury_designees import roles

TODAY = "<p>Today, OFAC designated two people pursuant to E.O. 14059.</p>"
LINK = '<a href="https://home.treasury.gov/news/press-releases/sb0001">2023 press release</a>'


def test_a_link_in_a_who_aside_saying_not_sanctioned_then_yields_to_designated_today():
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named as a courier in Treasury’s {LINK} but "
                        "was not sanctioned at the time, now runs the books and is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "designated"}
    # no negation in the aside, today's wording of another name, or no word of today: history
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named as a courier in Treasury’s {LINK}, "
                        "now runs the books and is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned"}
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named in Treasury’s {LINK} but was not "
                        "sanctioned at the time, works for <strong>Luis Falso Pardo</strong>, who is designated today.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned", "Luis Falso Pardo": "designated"}
    got = roles(TODAY + f"<p><strong>Ana Ficta Ruiz</strong>, who was named in Treasury’s {LINK} but was not "
                        "sanctioned at the time, now runs the books.</p>")
    assert got == {"Ana Ficta Ruiz": "mentioned"}
