"""Defendant rosters (invented names): an HTML table (header 'Name | Age | Hometown' or with a status
or sentence column, cells holding paragraphs and bold), a table without a header, and bullets
'Name, 34, of City – sentenced to 60 months': each row its own stage, term and age; tables that
list no defendants add nobody."""
from __future__ import annotations

from dojfix import defendants

from scrapers.sources.doj.htmltext import html_to_blocks


def run(body: str, title: str = "Defendants in Fentanyl Ring"):
    return defendants(body, title, "usao-sdoh", "USAO - Southern District of Ohio", ("action", "age", "sentence_months"))


def table(*rows, th=True) -> str:
    head, *rest = rows
    cell = "th" if th else "td"
    out = "<tr>" + "".join(f"<{cell}><p><strong>{c}</strong></p></{cell}>" for c in head) + "</tr>"
    out += "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in rest)
    return f"<table><tbody>{out}</tbody></table>"


def test_table_rows_are_one_block_each_with_their_cells_apart():
    blocks = html_to_blocks(table(("Name", "Age"), ("Rafe Ostrowski", "41")) + "<p>After.</p>")
    assert [b.text for b in blocks] == ["Name | Age", "Rafe Ostrowski | 41", "After."]
    assert not any(b.heading for b in blocks)


def test_a_table_under_an_introduction_takes_its_stage():
    got = run("<p>A fentanyl distribution ring was dismantled. The following defendants pleaded guilty:</p>"
              + table(("Name", "Age", "Hometown"), ("Rafe Ostrowski", "41", "Hamilton, OH"),
                      ("Delia Marchetti, aka “Dee”", "29", "Middletown, OH")))
    assert got == {"Rafe Ostrowski": ("pleaded_guilty", 41, None), "Delia Marchetti": ("pleaded_guilty", 29, None)}


def test_a_status_column_gives_each_row_its_own_stage_and_term():
    got = run("<p>Seven people were charged in the conspiracy. Their cases stand as follows:</p>"
              + table(("Defendant", "Age", "Residence", "Status"),
                      ("Rafe Ostrowski", "41", "Hamilton", "Sentenced to 60 months in prison"),
                      ("Delia Marchetti", "29", "Middletown", "Pleaded guilty; awaiting sentencing"),
                      ("Corwin Abernathy", "35", "Dayton", "Fugitive"),
                      ("Lyle Vukovich", "52", "Xenia", "Sentenced to time served")))
    assert got == {"Rafe Ostrowski": ("sentenced", 41, 60.0), "Delia Marchetti": ("pleaded_guilty", 29, None),
                   "Corwin Abernathy": ("charged", 35, None), "Lyle Vukovich": ("sentenced", 52, 0.0)}


def test_a_sentence_column_of_bare_terms():
    got = run("<p>Three defendants were sentenced this week for distributing fentanyl:</p>"
              + table(("Name", "Sentence"), ("Rafe Ostrowski", "87 months"), ("Delia Marchetti", "10 years")))
    assert got == {"Rafe Ostrowski": ("sentenced", None, 87.0), "Delia Marchetti": ("sentenced", None, 120.0)}


def test_a_table_without_header_row():
    got = run("<p>The indictment charges the following defendants:</p>"
              + table(("Rafe Ostrowski", "41", "Hamilton, OH"), ("Delia Marchetti", "29", "Dayton, OH"), th=False))
    assert got == {"Rafe Ostrowski": ("charged", 41, None), "Delia Marchetti": ("charged", 29, None)}


def test_bullets_with_their_own_stage_after_a_dash():
    got = run("<p>Five defendants were charged in the fentanyl conspiracy. Their cases:</p><ul>"
              "<li>Rafe Ostrowski, 41, of Hamilton – sentenced to 60 months</li>"
              "<li>Delia Marchetti, 29, of Middletown – pleaded guilty</li>"
              "<li>Lyle Vukovich, 52, of Xenia – sentenced to time served</li>"
              "<li>Corwin Abernathy, 35, of Dayton – fugitive</li></ul>")
    assert got == {"Rafe Ostrowski": ("sentenced", 41, 60.0), "Delia Marchetti": ("pleaded_guilty", 29, None),
                   "Lyle Vukovich": ("sentenced", 52, 0.0), "Corwin Abernathy": ("charged", 35, None)}


def test_tables_of_counts_and_of_officials_add_nobody():
    got = run("<p>Rafe Ostrowski, 41, of Hamilton, was charged with distributing fentanyl. The penalties:</p>"
              + table(("Count", "Defendants", "Charge", "Maximum Prison Term"),
                      ("One", "OSTROWSKI", "Conspiracy", "20 years"))
              + "<p>Agencies taking part:</p>"
              + table(("Agency", "Contact"), ("Drug Enforcement Administration", "Special Agent Morwenna Tillich"),
                      ("Hamilton Police", "Chief Garrick Sunde")))
    assert got == {"Rafe Ostrowski": ("charged", 41, None)}


def test_a_header_with_a_column_the_vocabulary_lacks():
    got = run("<p>The indictment charges the following defendants:</p>"
              + table(("Defendant", "Age", "Hometown", "Maximum Penalty"), ("Rafe Ostrowski", "41", "Hamilton", "20 years"),
                      ("Delia Marchetti", "29", "Dayton", "Life")))
    assert got == {"Rafe Ostrowski": ("charged", 41, None), "Delia Marchetti": ("charged", 29, None)}


def test_verbless_list_items_under_a_sentencing_introduction_end_with_time_served():
    got = run("<p>The following defendants were sentenced by U.S. District Judge Rhea Lindqvist:</p><ul>"
              "<li>Rafe Ostrowski, 34, of Lynn, 97 months in prison;</li>"
              "<li>Delia Marchetti, 29, of Revere, time served.</li></ul>")
    assert got == {"Rafe Ostrowski": ("sentenced", 34, 97.0), "Delia Marchetti": ("sentenced", 29, 0.0)}


def test_names_in_capitals_filling_a_table_cell():
    got = run("<p>The following defendants were charged:</p>"
              + table(("Name", "Age", "City"), ("RAFE OSTROWSKI", "41", "Hamilton"), ("DELIA DE LA MARCHETTI", "29", "Xenia"))
              + "<p>Agencies taking part:</p>" + table(("DRUG ENFORCEMENT ADMINISTRATION", "Dayton"),
                                                       ("GREENE COUNTY SHERIFF", "Xenia"), th=False))
    assert got == {"RAFE OSTROWSKI": ("charged", 41, None), "DELIA DE LA MARCHETTI": ("charged", 29, None)}
