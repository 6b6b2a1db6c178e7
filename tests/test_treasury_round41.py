"""Round 41 (invented fixtures in the shape of real Treasury releases; each failed before its rule): 'That
same day, OFAC also designated X' tells of the day the sentence before gives, not today; a year-end fact
sheet's 'Specially Designated Global Terrorists' names a list, it designates no one."""
from __future__ import annotations

from scrapers.sources.treasury.designees import extract_designees
from scrapers.sources.treasury.release import parse_release


def test_that_same_day_is_the_day_before():
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC designated two Culiacán money launderers pursuant to E.O."
            " 14059.</p><p>OFAC designated the Sinaloa Cartel pursuant to E.O. 14059 on December 15, 2021. That same"
            " day, OFAC also designated Efrén Quiroz Beltrán, a plaza boss in northern Sinaloa.</p><p><strong>Leonel"
            " Arce Villa</strong> (Arce) launders money for Quiroz Beltrán. <strong>Brenda Soto Lugo</strong> keeps his"
            " accounts. Arce and Soto Lugo are being designated pursuant to E.O. 14059.</p>")
    got = {c.name: c.role for c in extract_designees(html)}
    assert got == {"Leonel Arce Villa": "designated", "Brenda Soto Lugo": "designated"}


def test_a_fact_sheet_recalling_the_years_designations_is_no_designation():
    body = ("<p>WASHINGTON — In 2025, the Department of the Treasury used its authorities against drug cartels. This"
            " fact sheet summarizes the year.</p><p>Following the Department of State’s February 2025 designation of"
            " the Sinaloa Cartel and other cartels as Foreign Terrorist Organizations and Specially Designated Global"
            " Terrorists, the Office of Foreign Assets Control (OFAC) began designating cartel members under"
            " counterterrorism authorities as well as under Executive Order (E.O.) 14059.</p><p>FinCEN issued alerts"
            " on bulk cash smuggling and fentanyl.</p>")
    rel = parse_release('<article about="/news/press-releases/tz9001" class="entity--type-node"><div class="field'
                        ' field--name-field-news-publication-date"><time datetime="2026-01-15T14:00:00Z">January 15, 2026'
                        f'</time></div><div class="field field--name-field-news-body">{body}</div></article>', "tz9001")
    assert rel.is_eo14059 is False


def test_a_designation_under_a_named_act_in_a_year_is_history():
    # round 42: '(Kingpin Act)' between the name and the date no longer hides the date
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC sanctioned two Mexican nationals that launder drug proceeds"
            " for Rodrigo Cazal Urías, a plaza boss in southern Sinaloa, pursuant to E.O. 14059.</p><p>Rodrigo Cazal"
            " Urías (Cazal) has run the cartel’s operations in Elota for a decade. OFAC designated Cazal pursuant to the"
            " Foreign Narcotics Kingpin Designation Act (Kingpin Act) in June 2012, and again pursuant to E.O. 14059 on"
            " December 15, 2021.</p><p><strong>Ignacio Tirado Beltrán</strong> manages Cazal’s money. <strong>Dulce"
            " Osuna Zamora</strong> keeps his books. Tirado and Osuna are being designated pursuant to E.O. 14059.</p>")
    got = {c.name: c.role for c in extract_designees(html)}
    assert got == {"Ignacio Tirado Beltrán": "designated", "Dulce Osuna Zamora": "designated"}


def test_a_company_identified_today_as_blocked_property():
    html = ("<p><strong>WASHINGTON</strong> — Today, OFAC designated one Mexican national pursuant to E.O. 14059 and"
            " identified a company as blocked property.</p><p><strong>Saúl Cornejo Anaya</strong> supplies precursor"
            " chemicals to CJNG laboratories. Cornejo is being designated pursuant to E.O. 14059.</p><p>OFAC is also"
            " identifying Bodegas del Salto Norte, S.A. de C.V., a warehouse company in El Salto, Jalisco, as property"
            " in which Cornejo has an interest.</p>")
    got = {c.name: c.role for c in extract_designees(html)}
    assert got == {"Saúl Cornejo Anaya": "designated", "Bodegas del Salto Norte, S.A. de C.V.": "designated"}


def test_a_recap_of_a_years_count_is_no_designation():
    body = ("<p>WASHINGTON — This fact sheet summarizes the Department’s work against cartels in 2025.</p><p>Treasury’s"
            " Office of Foreign Assets Control (OFAC) sanctioned more than 200 individuals, entities, vessels, and aircraft"
            " connected to drug trafficking in 2025, most of them pursuant to Executive Order (E.O.) 14059, many of them"
            " also pursuant to E.O. 13224, as amended.</p>")
    rel = parse_release('<article about="/news/press-releases/tz9002" class="entity--type-node"><div class="field'
                        ' field--name-field-news-publication-date"><time datetime="2025-12-29T14:00:00Z">December 29, 2025'
                        f'</time></div><div class="field field--name-field-news-body">{body}</div></article>', "tz9002")
    assert rel.is_eo14059 is False
