"""OFAC Recent Actions: a change whose old and new entries each span several `<br>` lines, with
the "-to-" inline in the middle line (`OLD NAME,<br>address;<br>DOB …[PROGRAMS]. -to- NEW NAME
(a.k.a. …),<br>address;<br>… [PROGRAMS].`), is one change read as the one-line form (the new
entry's name, aliases and programs, the old name and programs); additions spanning several lines
("Linked To:" on the last) still read as before. Invented entries, OFAC's markup."""
from __future__ import annotations

from scrapers.sources.treasury.recent_actions import parse_recent_actions

URL = "https://ofac.treasury.gov/recent-actions/20260415"
ADDED = "<p><strong>The following individuals have been added to OFAC's SDN List:&nbsp;</strong></p>"
CHANGES = "<h4>Unrelated Administrative List Updates:</h4>"

OLD_LINES = ["SALAZAR FICTICIO, Bruno,", "Encarnacion, Paraguay;",
             "DOB 12 Mar 1969; nationality Paraguay; Gender Male (individual) [SDGT] [ILLICIT-DRUGS-EO14059]."]
NEW_LINES = ['SALAZAR FICTICIO, Bruno (a.k.a. SALASAR, Bruno; a.k.a. "EL PROFE"),',
             "Encarnacion, Paraguay; Pedro Juan Caballero, Paraguay;",
             "DOB 12 Mar 1969; POB Asuncion, Paraguay; nationality Paraguay; Gender Male;",
             "Cedula No. 1234567 (Paraguay) (individual) [SDGT] [ILLICIT-DRUGS-EO14059]."]
OLD_CO = ["IMPORTADORA INVENTADA DEL ESTE S.A.,", "Ciudad del Este, Paraguay;",
          "RUC # 80012345-6 (Paraguay) [SDGT]."]
NEW_CO = ["IMPORTADORA INVENTADA DEL ESTE S.A. (a.k.a. IMPOESTE),", "Ciudad del Este, Paraguay; Hernandarias, Paraguay;",
          "RUC # 80012345-6 (Paraguay) [SDGT] [ILLICIT-DRUGS-EO14059]."]


def _page(body: str) -> str:
    return ('<html><body><article class="node--type-ofac-recent-action"><div class="field--name-field-body">'
            f'<div class="field__item"><h3>Specially Designated Nationals List Update</h3>{body}'
            "</div></div></article></body></html>")


def _entries(body: str):
    return parse_recent_actions(_page(body), URL).entries


def _multiline(old: list[str], new: list[str]) -> str:
    """OLD's lines, its last one going on inline with " -to- " and NEW's first line."""
    return "<br>".join(old[:-1] + [f"{old[-1]} -to- {new[0]}"] + new[1:])


def _fields(entry) -> tuple:
    return (entry.section, entry.name, entry.entity_type, entry.programs, entry.aliases, entry.old_name,
            entry.old_programs)


def test_a_change_over_several_lines_is_one_change_read_as_the_one_line_form():
    (inline,) = _entries(f"{CHANGES}<p>{' '.join(OLD_LINES)} -to- {' '.join(NEW_LINES)}</p>")
    (entry,) = _entries(f"{CHANGES}<p>{_multiline(OLD_LINES, NEW_LINES)}</p><p>&nbsp;</p>")
    assert _fields(entry) == _fields(inline)
    assert entry.name == "SALAZAR FICTICIO, Bruno" and entry.old_name == "SALAZAR FICTICIO, Bruno"
    assert entry.programs == ["SDGT", "ILLICIT-DRUGS-EO14059"]
    assert entry.aliases == ["SALASAR, Bruno", "EL PROFE"]
    assert "Pedro Juan Caballero" in entry.text and " -to- " in entry.text


def test_a_change_that_adds_the_program_over_several_lines_puts_the_entry_under_it():
    (entry,) = _entries(f"{CHANGES}<p>{_multiline(OLD_CO, NEW_CO)}</p>")
    assert (entry.name, entry.old_name) == ("IMPORTADORA INVENTADA DEL ESTE S.A.", "IMPORTADORA INVENTADA DEL ESTE S.A.")
    assert entry.old_programs == ["SDGT"] and entry.programs == ["SDGT", "ILLICIT-DRUGS-EO14059"]
    assert entry.gains_eo14059


def test_changes_over_several_lines_in_one_paragraph_or_in_several_stay_apart():
    one = _multiline(OLD_LINES, NEW_LINES)
    two = _multiline(OLD_CO, NEW_CO)
    for body in (f"<p>{one}</p><p>&nbsp;</p><p>{two}</p>", f"<p>{one}<br><br>{two}</p>"):
        got = _entries(CHANGES + body)
        assert [(e.name, e.old_name) for e in got] == [("SALAZAR FICTICIO, Bruno", "SALAZAR FICTICIO, Bruno"),
                                                      ("IMPORTADORA INVENTADA DEL ESTE S.A.",
                                                       "IMPORTADORA INVENTADA DEL ESTE S.A.")]


def test_additions_over_several_lines_next_to_a_multiline_change_still_read():
    addition = ("<p>MENDOZA INVENTADO, Tomas (a.k.a. MENDOSA, Tomas),<br>Asuncion, Paraguay;<br>DOB 03 May 1984;"
                " nationality Paraguay; Gender Male (individual) [ILLICIT-DRUGS-EO14059].<br>"
                "Linked To: IMPORTADORA INVENTADA DEL ESTE S.A.</p><p>&nbsp;</p>")
    got = _entries(f"{ADDED}{addition}<hr>{CHANGES}<p>{_multiline(OLD_LINES, NEW_LINES)}</p>")
    assert [(e.section, e.name, e.programs, e.old_name) for e in got] == [
        ("added", "MENDOZA INVENTADO, Tomas", ["ILLICIT-DRUGS-EO14059"], None),
        ("updated", "SALAZAR FICTICIO, Bruno", ["SDGT", "ILLICIT-DRUGS-EO14059"], "SALAZAR FICTICIO, Bruno")]
    assert got[0].aliases == ["MENDOSA, Tomas"]
