"""OFAC Recent Actions day pages in their real markup (our own page with invented entries,
tests/fixtures/treasury/recent_actions_ofac/): entries found in the action's body and not in
the page's other `field--name-body` blocks, sections, names not cut at a ';' inside the
aliases, nested script forms, `<br><br>` and `<a><font>` wrappers, `OLD -to- NEW` changes, a
page that should list entries and lists none; and the pages as the strongest evidence of who
an action designated, with the disagreements recorded."""
from __future__ import annotations

import json
import sqlite3

import pytest

from scrapers.errors import SourceError
from scrapers.sources.treasury.recent_actions import parse_change, parse_entry, parse_recent_actions

URL = "https://ofac.treasury.gov/recent-actions/20240229"


@pytest.fixture
def page_path(fixtures):
    return fixtures / "treasury" / "recent_actions_ofac" / "20240229.html"


def test_entries_of_a_real_layout_page(page_path):
    page = parse_recent_actions(page_path.read_bytes(), URL)
    assert page.official and page.date == "2024-02-29"
    assert page.title == "Counter Narcotics Designations; Cyber-related Designation; Counter Terrorism Designation Update"
    assert page.release_ids == ["tf1001"]           # not the menu's or the sidebar's releases
    got = [(e.section, e.entity_type, e.name, e.programs) for e in page.entries]
    assert got == [
        ("added", "individual", "BASTIDA NIEVES, Aurelio", ["ILLICIT-DRUGS-EO14059"]),
        ("added", "individual", "ICAZA PRADO, Lorena", ["ILLICIT-DRUGS-EO14059"]),        # after <br><br>
        ("added", "individual", "PETROVSKY, Ivan Inventovich", ["CYBER4"]),
        ("added", "entity", "QUIMICA, REACTIVOS Y SOLVENTES DEL VALLE, S.A. DE C.V.", ["ILLICIT-DRUGS-EO14059"]),
        ("added", "entity", "NODO LOGISTICO NORTE", ["ILLICIT-DRUGS-EO14059"]),           # in <a><font>
        ("removed", "entity", "VIEJO COMERCIAL INVENTADO", ["SDNTK"]),
        ("updated", "entity", "CARTEL INVENTADO DEL NORTE", ["SDGT", "ILLICIT-DRUGS-EO14059"]),
    ]
    bastida = page.entries[0]
    assert bastida.aliases == ["BASTIDA, Aurelio", "BASTIDA NIÉVES, Aurelio", "Don Aure", "El Quimico"]
    assert bastida.identifiers[0] == "DOB 03 Mar 1975" and "C.U.R.P. BANA750303HJCSVR01 (Mexico)" in bastida.identifiers
    assert bastida.heading == "The following individuals have been added to OFAC's SDN List"
    assert page.entries[1].linked_to == ["NODO LOGISTICO NORTE"]
    assert page.entries[4].aliases == ["NLN", "TRANSPORTES NODO", "TRANSPORTES NÓDO"]
    change = page.entries[6]
    assert change.gains_eo14059 and change.old_programs == ["SDGT"] and change.aliases == ["NORTHERN INVENTED CARTEL"]


def test_a_semicolon_or_nested_parentheses_inside_the_aliases_do_not_cut_the_name():
    entry = parse_entry('ZHELEZNOV, Pyotr Ilyich (Cyrillic: ЖЕЛЕЗНОВ, Пётр Ильич) (a.k.a. ZHELEZNOV, Petr (Cyrillic: '
                        'ЖЕЛЕЗНОВ, Петр); a.k.a. "Iron; Pete"), Kazan, Russia; DOB 05 May 1979; Passport 7711 (Russia)'
                        ' (individual) [CYBER2] (Linked To: INVENTED HOLDING (CYPRUS) LTD).')
    assert entry["name"] == "ZHELEZNOV, Pyotr Ilyich" and entry["entity_type"] == "individual"
    assert entry["aliases"] == ["ЖЕЛЕЗНОВ, Пётр Ильич", "ZHELEZNOV, Petr", "ЖЕЛЕЗНОВ, Петр", "Iron; Pete"]
    assert entry["identifiers"] == ["DOB 05 May 1979", "Passport 7711 (Russia)"]
    assert entry["programs"] == ["CYBER2"] and entry["linked_to"] == ["INVENTED HOLDING (CYPRUS) LTD"]


def test_entity_names_end_at_the_address():
    assert parse_entry("FICTICIA AVIA, OAO, 14A, Nemiga str., Minsk 220004, Belarus [BELARUS-EO14038].")["name"] == (
        "FICTICIA AVIA, OAO")
    assert parse_entry("EW-999XX; Aircraft Model CRJ-200ER (aircraft) [BELARUS-EO14038].")["entity_type"] == "aircraft"


def test_an_aircraft_written_without_a_semicolon_after_its_tail_number_is_named_by_the_number():
    for text in ("XA-QRT Aircraft Model Learjet 45; Aircraft Manufacturer's Serial Number (MSN) 4512 (aircraft) [ILLICIT-DRUGS-EO14059].",
                 "XA-QRT; Aircraft Model Learjet 45 (aircraft) [ILLICIT-DRUGS-EO14059].",
                 "XA-QRT (aircraft) [ILLICIT-DRUGS-EO14059] (Linked To: INVENTADA AEREA, S.A. DE C.V.)."):
        entry = parse_entry(text)
        assert (entry["name"], entry["entity_type"]) == ("XA-QRT", "aircraft"), text
    change = parse_change("INVENTADA BANK, Pyongyang [DPRK3]. -to- INVENTADA BANK (a.k.a. FIRST INVENTADA), Pyongyang"
                          " [DPRK3] [CYBER4].")
    assert (change["name"], change["old_programs"], change["programs"]) == ("INVENTADA BANK", ["DPRK3"], ["DPRK3", "CYBER4"])


def test_a_page_announcing_list_changes_without_entries_fails_naming_the_url(page_path):
    html = page_path.read_text(encoding="utf-8")
    start, end = html.index("<h4>The following individuals"), html.index("<hr>")
    broken = html[:start] + "<h4>The following individuals have been added to OFAC's SDN List:</h4>" \
        "<p>See the attached file.</p>" + html[end:]
    with pytest.raises(SourceError) as err:
        parse_recent_actions(broken, URL)
    assert URL in str(err.value) and "yields no entry" in str(err.value)
    # a day that only issues a licence lists no entries, and that is no error
    licence = html[:html.index("<p>Additionally")] + html[html.index("<hr>"):]
    assert parse_recent_actions(licence, URL).entries == []
    # a page without the action's text at all (another page saved under that name)
    with pytest.raises(SourceError) as err:
        parse_recent_actions("<html><body><article><p>Nothing here</p></article></body></html>", URL)
    assert "no Recent Actions text" in str(err.value)


def test_an_entry_broken_by_one_line_break_stays_one_entry():
    html = ('<article class="node--type-ofac-recent-action"><div class="field--name-field-body"><div class="field__item">'
            "<h4>The following entity has been added to OFAC's SDN List:</h4>"
            "<p>SERVICIOS FICTICIOS DEL MAR, S.A. DE C.V., Calle Uno 5,<br>Mazatlan, Sinaloa, Mexico; R.F.C. SFM010101AA1"
            " (Mexico) [ILLICIT-DRUGS-EO14059].<br><br>TRANSPORTES IRREALES, Mexico [ILLICIT-DRUGS-EO14059].</p>"
            "</div></div></article>")
    entries = parse_recent_actions(html, URL).entries
    assert [e.name for e in entries] == ["SERVICIOS FICTICIOS DEL MAR, S.A. DE C.V.", "TRANSPORTES IRREALES"]
    assert entries[0].identifiers == ["R.F.C. SFM010101AA1 (Mexico)"]


def _rows(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_the_page_decides_who_the_action_designated(run_cli, workdir, fixtures, page_path):
    tdir = fixtures / "treasury"
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", tdir / "releases" / "tf1001.html", page_path)
    db = workdir / "tracker.db"
    designated = {r[0] for r in _rows(db, "select uid from press_release_designations where role = 'designated'"
                                          " and press_release_id = 'treasury:tf1001'")}
    # the four the release names, and the cartel the page puts under E.O. 14059 by a change
    assert designated == {71001, 71002, 71003, 71004, 71020}
    ra = _rows(db, "select name, uid, section, press_release_id, aliases, identifiers, linked_releases"
                   " from recent_actions where name = 'BASTIDA NIEVES, Aurelio'")[0]
    assert ra[1:4] == (71001, "added", "treasury:tf1001")
    assert "El Quimico" in json.loads(ra[4]) and json.loads(ra[5])[0] == "DOB 03 Mar 1975"
    assert json.loads(ra[6]) == ["tf1001"]
    assert _rows(db, "select count(*) from conflicts where field = 'designation'") == [(0,)]


def test_a_release_and_its_page_disagreeing_is_recorded(run_cli, workdir, fixtures, page_path, tmp_path):
    tdir = fixtures / "treasury"
    html = page_path.read_text(encoding="utf-8")
    # the page leaves out Nodo Logistico Norte, which the release designates, and adds Fuentes
    # Oropeza, whom the release says OFAC designated in 2022
    start = html.index('<p><a><font color="1B1B1B">NODO')
    html = html[:start] + html[html.index("</p>", start) + 4:]
    html = html.replace("<h4>The following entities", "<p>FUENTES OROPEZA, Baltazar, Mexico; DOB 1970 (individual)"
                                                      " [ILLICIT-DRUGS-EO14059].</p><h4>The following entities")
    page = tmp_path / "20240229.html"
    page.write_text(html, encoding="utf-8")
    run_cli("import", "sdn", tdir / "sdn" / "2024-07-01")
    run_cli("import", "treasury", tdir / "releases" / "tf1001.html", page)
    db = workdir / "tracker.db"
    roles = dict(_rows(db, "select uid, role from press_release_designations where press_release_id = 'treasury:tf1001'"))
    assert roles[71004] == "mentioned" and roles[71005] == "designated"
    conflicts = _rows(db, "select uid, press_release_id, chosen_source, chosen_evidence, other_source, note"
                          " from conflicts where field = 'designation' order by uid")
    assert [c[:5] for c in conflicts] == [
        (71004, "treasury:tf1001", "recent-actions", URL, "treasury-release"),
        (71005, "treasury:tf1001", "recent-actions", URL, "treasury-release")]
    assert "does not list it" in conflicts[0][5] and "designated before" in conflicts[1][5]
    # a rebuild writes the same conflicts again (and the dates pass keeps them)
    run_cli("rebuild")
    assert len(_rows(db, "select * from conflicts where field = 'designation'")) == 2


def test_vessel_names_end_where_the_vessel_fields_begin():
    e = parse_entry("SEA FICTA 7 (UCPT) General Cargo 6,200DWT 4,100GRT Panama flag (Linked To: FICTA SHIPPING LTD) "
                    "(vessel) [RUSSIA-EO14024]")
    assert (e["name"], e["entity_type"], e["programs"]) == ("SEA FICTA 7", "vessel", ["RUSSIA-EO14024"])
    e = parse_entry("OCEAN INVENTO Crude Oil Tanker 100,000DWT 50,000GRT Comoros flag; Vessel Registration "
                    "Identification IMO 9123456 (vessel) [IRAN]")
    assert e["name"] == "OCEAN INVENTO" and "Vessel Registration Identification IMO 9123456" in e["identifiers"]
    assert parse_entry("NORTE FALSO (f.k.a. SUR FALSO) Bulk Carrier; IMO 9000001 (vessel) [SDGT]")["name"] == "NORTE FALSO"


def test_chinese_and_cyrillic_script_forms_are_aliases_not_part_of_the_name():
    e = parse_entry("WANG, Fictia (Chinese Simplified: 王虚), China; DOB 01 Jan 1980 (individual) "
                    "[ILLICIT-DRUGS-EO14059].")
    assert (e["name"], e["aliases"]) == ("WANG, Fictia", ["王虚"])
    e = parse_entry("HUBEI FICTA CO., LTD. (Chinese Traditional: 湖北虛構有限公司) (a.k.a. FICTA TRADE), No 1 Road, "
                    "Wuhan, China [ILLICIT-DRUGS-EO14059].")
    assert (e["name"], e["aliases"]) == ("HUBEI FICTA CO., LTD.", ["湖北虛構有限公司", "FICTA TRADE"])
    assert parse_entry("PETROVICH, Ivan (Cyrillic: ПЕТРОВИЧ, Иван), Moscow, Russia (individual) [CYBER4]")["name"] \
        == "PETROVICH, Ivan"
