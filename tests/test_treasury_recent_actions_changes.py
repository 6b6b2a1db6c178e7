"""OFAC Recent Actions: a change `OLD -to- NEW` whose "-to-" is not inline but in a paragraph of
its own (`<p>OLD</p><p>-to-</p><p>NEW</p>`, bold, with `&nbsp;`) or on a line of its own between
`<br>`s (`<div>OLD<br>-to-<br>NEW</div>`) is one change read as the inline one (the new entry's
programs, the old name and programs); entries that merely follow each other stay apart; a
"-to-" with no entry on one side is no change. Invented entries, OFAC's markup."""
from __future__ import annotations

import dataclasses

import pytest

from scrapers.sources.treasury.recent_actions import parse_recent_actions

URL = "https://ofac.treasury.gov/recent-actions/20260312"
CHANGES = "<h4>The following changes have been made to OFAC's SDN List:</h4>"
ADDED = "<h4>The following individuals have been added to OFAC's SDN List:</h4>"

OLD = ('GARZA RUIZ, Ernesto (a.k.a. "El Tejon"), Culiacan, Sinaloa, Mexico; DOB 01 Jan 1980; POB Culiacan, Sinaloa,'
       " Mexico; nationality Mexico; Gender Male; C.U.R.P. GARE800101HSLRZR09 (Mexico) (individual) [SDNTK].")
NEW = ('GARZA RUIZ, Ernesto (a.k.a. "El Tejon"; a.k.a. "Don Neto Falso"), Culiacan, Sinaloa, Mexico; DOB 01 Jan'
       " 1980; POB Culiacan, Sinaloa, Mexico; nationality Mexico; Gender Male; C.U.R.P. GARE800101HSLRZR09 (Mexico)"
       " (individual) [SDNTK] [ILLICIT-DRUGS-EO14059] (Linked To: TRANSPORTES FICTICIOS DEL PACIFICO, S.A. DE C.V.).")
OLD_CARTEL = 'CARTEL INVENTADO DE LA SIERRA (a.k.a. "LOS SERRANOS FALSOS"), Mexico; Target Type Criminal Organization [SDGT].'
NEW_CARTEL = ('CARTEL INVENTADO DE LA SIERRA (a.k.a. "LOS SERRANOS FALSOS"; a.k.a. "CIS"), Mexico; Target Type Criminal'
              " Organization [SDGT] [ILLICIT-DRUGS-EO14059].")
OTHER = ("VILLALOBOS TENA, Marisol, Tijuana, Baja California, Mexico; DOB 17 Sep 1986; nationality Mexico; Gender"
         " Female (individual) [ILLICIT-DRUGS-EO14059].")


def _page(body: str) -> str:
    return ('<html><body><article class="node--type-ofac-recent-action"><div class="field--name-field-body">'
            f'<div class="field__item"><h3><strong>Specially Designated Nationals List Update</strong></h3>{body}'
            "</div></div></article></body></html>")


def _entries(body: str):
    return parse_recent_actions(_page(body), URL).entries


def _inline():
    """The change as OFAC usually writes it, in one paragraph: what every layout must read as."""
    (entry,) = _entries(f"{CHANGES}<p>{OLD} <strong>-to-</strong> {NEW}</p>")
    return dataclasses.asdict(entry)


@pytest.mark.parametrize("to", [
    "<p>-to-</p>",
    "<p><strong>-to-</strong></p>",
    "<p><b>-to-</b></p>",
    "<p>&nbsp;<strong>-to-</strong>&nbsp;</p>",
    "<p>&nbsp;</p><p><span>-to-</span></p><p>&nbsp;</p>",
    "<p><strong><span>&nbsp;-to-&nbsp;</span></strong></p>",
    "<div>-to-</div>",
])
def test_a_to_in_a_paragraph_of_its_own_joins_the_two_entries(to):
    entries = _entries(f"{CHANGES}<p>{OLD}</p>{to}<p>{NEW}</p>")
    assert [dataclasses.asdict(e) for e in entries] == [_inline()]
    change = entries[0]
    assert change.programs == ["SDNTK", "ILLICIT-DRUGS-EO14059"] and change.old_programs == ["SDNTK"]
    assert change.name == change.old_name == "GARZA RUIZ, Ernesto" and change.gains_eo14059
    assert change.linked_to == ["TRANSPORTES FICTICIOS DEL PACIFICO, S.A. DE C.V."]
    assert change.section == "updated" and change.heading == "The following changes have been made to OFAC's SDN List"


@pytest.mark.parametrize("lines", [
    f"{OLD}<br>-to-<br>{NEW}",
    f"{OLD}<br><strong>-to-</strong><br>{NEW}",
    f"{OLD}<br>&nbsp;<b>-to-</b>&nbsp;<br>{NEW}",
    f"{OLD}<br><br>-to-<br><br>{NEW}",
    f"{OLD}<br><span>-to-</span><br>\n{NEW}<br>",
    f"{OLD} <strong>-to-</strong><br>{NEW}",          # the "-to-" closes the old entry's line
    f"{OLD}<br><strong>-to-</strong> {NEW}",          # ... or opens the new one's
])
def test_a_to_on_a_line_of_its_own_joins_the_two_entries(lines):
    for wrap in ("<div>{}</div>", "<p>{}</p>"):
        entries = _entries(CHANGES + wrap.format(lines))
        assert [dataclasses.asdict(e) for e in entries] == [_inline()]


def test_entries_broken_by_one_line_break_on_both_sides_of_the_to():
    old_head, old_tail = OLD.split("; DOB", 1)
    new_head, new_tail = NEW.split("; DOB", 1)
    entries = _entries(f"{CHANGES}<div>{old_head};<br>DOB{old_tail}<br>-to-<br>{new_head};<br>DOB{new_tail}</div>")
    assert [dataclasses.asdict(e) for e in entries] == [_inline()]


def test_entries_that_follow_each_other_are_not_changes():
    entries = _entries(
        f"{ADDED}<p>{OLD}</p><p>{OTHER}</p>"                       # two paragraphs
        f"<div>{OTHER}<br>{OLD}</div>"                             # one line each
        f"<p>{OLD}<br><br>{OTHER}</p>"                             # <br><br>
        f"{CHANGES}<p>{OLD_CARTEL}</p><p><strong>-to-</strong></p><p>{NEW_CARTEL}</p>"
        f"<p>{OLD}</p><p>{OTHER}</p>")                             # after a change, entries again
    got = [(e.section, e.name, e.old_name, e.programs) for e in entries]
    garza, villalobos = ("GARZA RUIZ, Ernesto", None, ["SDNTK"]), ("VILLALOBOS TENA, Marisol", None, ["ILLICIT-DRUGS-EO14059"])
    assert got == [("added", *garza), ("added", *villalobos), ("added", *villalobos), ("added", *garza),
                   ("added", *garza), ("added", *villalobos),
                   ("updated", "CARTEL INVENTADO DE LA SIERRA", "CARTEL INVENTADO DE LA SIERRA",
                    ["SDGT", "ILLICIT-DRUGS-EO14059"]),
                   ("updated", *garza), ("updated", *villalobos)]
    assert [e.position for e in entries] == list(range(9))
    assert [e.gains_eo14059 for e in entries] == [False] * 6 + [True, False, False]


@pytest.mark.parametrize("body", [
    "<p>-to-</p><p>{new}</p><p>{old}</p><p>-to-</p>",                        # nothing before, nothing after
    "<div>-to-<br>{new}<br>{old}<br>-to-</div>",
    "<p><strong>-to-</strong></p><p>-to-</p><p>{new}</p><p>{old}</p><p>-to-</p><p>&nbsp;</p>",
    "<p>-to-</p>",
])
def test_a_to_with_nothing_on_one_side_is_no_change(body):
    """A lone "-to-" opening a section or closing the page: the entries stand alone, nothing
    raises; and a change on the same page is still read."""
    html = (f"{ADDED}<p>{OLD_CARTEL}</p><p>-to-</p><p>{NEW_CARTEL}</p>"
            + CHANGES + body.format(new=NEW_CARTEL, old=OTHER))
    got = [(e.section, e.name, e.old_name) for e in _entries(html)]
    cartel = "CARTEL INVENTADO DE LA SIERRA"
    assert got[0] == ("added", cartel, cartel)
    assert got[1:] == ([("updated", cartel, None), ("updated", "VILLALOBOS TENA, Marisol", None)]
                       if "{new}" in body else [])


def test_a_to_before_a_heading_prose_or_a_second_to_is_no_change():
    entries = _entries(
        f"{CHANGES}<p>{OLD}</p><p>-to-</p>"                           # then a heading
        f"{ADDED}<p>{OTHER}</p><p>-to-</p><p>See the related press release.</p><p>{OLD}</p>"   # then prose
        f"<hr><h4>Unrelated Administrative List Changes:</h4><div>{OLD_CARTEL}<br>-to-<br>{NEW_CARTEL}<br>-to-<br>"
        f"{OTHER}</div>")                                            # a change, then "-to-" again
    got = [(e.section, e.name, e.old_name) for e in entries]
    assert got == [("updated", "GARZA RUIZ, Ernesto", None), ("added", "VILLALOBOS TENA, Marisol", None),
                   ("added", "GARZA RUIZ, Ernesto", None),
                   ("updated", "CARTEL INVENTADO DE LA SIERRA", "CARTEL INVENTADO DE LA SIERRA"),
                   ("updated", "VILLALOBOS TENA, Marisol", None)]
    assert entries[0].programs == ["SDNTK"] and entries[0].text == OLD
    assert entries[3].programs == ["SDGT", "ILLICIT-DRUGS-EO14059"] and entries[3].old_programs == ["SDGT"]
