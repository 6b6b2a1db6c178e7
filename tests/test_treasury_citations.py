"""Treasury releases that cite E.O. 14059 without 'today' next to it, and one that names it only for
a company's status (invented fixtures in the shape of real releases)."""
from __future__ import annotations

from test_treasury_designees import classify

LEAD = ("<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
        " sanctioned two traffickers and a trading company that supply fentanyl precursors to the Cartel Ficticio.</p>")


def test_the_action_is_taken_pursuant_to():
    assert classify(LEAD + "<p>The action is taken pursuant to Executive Order 14059.</p>")
    assert classify("<p>This action is being taken pursuant to E.O. 14059.</p>")


def test_a_recap_in_the_past_tense_with_for_having():
    html = ("<p>Today, OFAC sanctioned six launderers of the Cartel Ficticio.</p>"
            "<p>The Cartel Ficticio, which was designated pursuant to E.O. 14059 in December 2021, moves fentanyl.</p>"
            "<p>All six were designated pursuant to E.O. 14059 for having engaged in activities that have materially"
            " contributed to the international proliferation of illicit drugs.</p>")
    assert classify(html)


def test_a_bare_recap_counts_when_the_release_designates_today():
    recap = ("<p>Rubén Inventado Solís, Marina Irreal Paz and Importadora Ficticia, S.R.L. were designated pursuant"
             " to E.O. 14059.</p>")
    assert classify(LEAD + recap)
    # without a designation of today's, the same past tense is history
    assert not classify("<p>Treasury’s Under Secretary met bankers in Santo Domingo.</p>" + recap)


def test_the_bare_past_in_a_relative_clause_stays_history():
    assert not classify(LEAD.replace("sanctioned", "met") + "<p>The cartel, which was designated pursuant to E.O."
                        " 14059, remains active.</p>")


def test_a_status_named_in_a_settlement_is_no_designation():
    html = ("<p>WASHINGTON — OFAC today announced a $412,500 settlement with Ficticia Logistics, LLC for apparent"
            " violations.</p><p>The company arranged shipments for Transportes Irreales, S.A. de C.V., which OFAC"
            " designated pursuant to Executive Order 14059, after the designation.</p>")
    assert not classify(html)
    # 'today' after it: today's action
    assert classify("<p>Transportes Irreales, S.A. de C.V., which OFAC designated pursuant to E.O. 14059 today,"
                    " moves fentanyl.</p>")


# -- history said of a name in words the rules did not read ------------------------------------------
from dbquery import one  # noqa: E402
from test_treasury_designees import roles  # noqa: E402

TODAY = "<p>Today, OFAC sanctioned <strong>Rubén Inventado Solís</strong> pursuant to E.O. 14059.</p>"


def test_on_the_sdn_list_already_is_history():
    for said in ("who remains on the SDN List", "who has been on the SDN List since 2024",
                 "a plaza boss already on the SDN List"):
        got = roles(TODAY + f"<p><strong>Baltazar Ficticio Ruelas</strong>, {said}, supplies him.</p>")
        assert got == {"Rubén Inventado Solís": "designated", "Baltazar Ficticio Ruelas": "mentioned"}, said


def test_a_month_and_year_in_parentheses_is_history():
    for said in ("(sanctioned June 2024)", "(designated March 3, 2023)", "(sanctioned 2024)"):
        got = roles(f"<p>Today, OFAC sanctioned two traffickers who work for <strong>Los Irreales</strong> {said}."
                    " <strong>Ana Ruiz Paz</strong> runs the boats.</p>")
        assert got == {"Los Irreales": "mentioned", "Ana Ruiz Paz": "designated"}, said


def test_history_of_a_relative_is_not_the_designees():
    # the short form 'Peña Ordóñez' written inside the father's name is no mention of the daughter
    got = roles(TODAY + "<p><strong>Ana Lucía Peña Ordóñez</strong> (Peña Ordóñez), the daughter of Rigoberto Peña"
                        " Ordóñez, a financier sanctioned by OFAC in 2021, launders money for him.</p>")
    assert got == {"Rubén Inventado Solís": "designated", "Ana Lucía Peña Ordóñez": "designated"}
    # said of the designee herself, it is hers
    got = roles(TODAY + "<p><strong>Ana Lucía Peña Ordóñez</strong> (Peña Ordóñez), a financier sanctioned by OFAC"
                        " in 2021, launders money for him. OFAC designated Peña Ordóñez on May 2, 2021.</p>")
    assert got["Ana Lucía Peña Ordóñez"] == "mentioned"


def test_history_in_an_appositive_belongs_to_the_name_it_follows():
    for lead in ("<strong>Ana Paz Vela</strong>, the daughter of", "<strong>Ana Paz Vela</strong> (Paz Vela), the"
                 " daughter of", "The network of <strong>Ana Paz Vela</strong>, the wife of"):
        got = roles(TODAY + f"<p>{lead} Rigoberto Ortega, a financier sanctioned by OFAC in 2021, launders money.</p>")
        assert got["Ana Paz Vela"] == "designated", lead
    got = roles(TODAY + "<p><strong>Ana Paz Vela</strong>, a financier sanctioned by OFAC in 2021, launders money.</p>")
    assert got["Ana Paz Vela"] == "mentioned"


# -- E.O. 14059 releases without a designee found: listed, and only a majority blocks the build --------
def _release_file(folder, rid: str, body: str):
    path = folder / f"{rid}.html"
    path.write_text(
        f'<article about="/news/press-releases/{rid}" class="entity--type-node"><div class="field'
        ' field--name-field-news-publication-date"><time datetime="2024-05-01T14:00:00Z">May 1, 2024</time></div>'
        f'<div class="field field--name-field-news-body">{body}</div></article>', encoding="utf-8")
    return path


NAMED = "<p>Today, OFAC sanctioned <strong>Rubén Inventado Solís</strong> pursuant to E.O. 14059.</p>"
UNNAMED = "<p>Today, OFAC sanctioned two traffickers pursuant to E.O. 14059. They sell fentanyl.</p>"


def test_a_few_releases_without_designees_are_listed_not_blocking(run_cli, workdir, tmp_path):
    files = [_release_file(tmp_path, f"tz100{i}", NAMED if i > 1 else UNNAMED) for i in range(5)]
    got = run_cli("import", "treasury", *files)
    assert "no designee found: treasury:tz1000, treasury:tz1001" in got.output + got.stderr
    assert one(workdir / "tracker.db", "select count(*) from press_releases") == 5


def test_most_releases_without_designees_block_the_build(run_cli, workdir, tmp_path):
    run_cli("import", "treasury", _release_file(tmp_path, "tz1009", NAMED))
    files = [_release_file(tmp_path, f"tz100{i}", UNNAMED if i else NAMED) for i in range(4)]
    got = run_cli("import", "treasury", *files, expect=None)
    assert got.exit_code != 0 and "3 of 5 E.O. 14059 releases have no designee" in got.output + got.stderr
    # nothing stored is lost: the build before stands
    assert one(workdir / "tracker.db", "select count(*) from press_releases") == 1


# -- releases that name E.O. 14059 and "today" but designate nobody (round 6, fourth set) ----------------
def test_a_reward_for_a_person_designated_earlier_this_month():
    assert not classify("<p>WASHINGTON — Today, the Department of State announced a reward of up to $5 million for"
                        " information leading to the arrest of Rubén Inventado Solís, whom Treasury’s Office of"
                        " Foreign Assets Control (OFAC) designated pursuant to Executive Order (E.O.) 14059 earlier"
                        " this month.</p>")


def test_entries_updated_for_companies_designated_on_a_past_date():
    assert not classify("<p>WASHINGTON — Today, OFAC updated the entries on the SDN List of Ficticia Agrícola, S. de"
                        " R.L. de C.V. and Transportes Irreales, S.A. de C.V., two companies designated pursuant to"
                        " Executive Order (E.O.) 14059 on January 15, 2026.</p>")


def test_frequently_asked_questions_on_designated_persons():
    assert not classify("<p>Today, OFAC issued amendments to the Illicit Drug Trade Sanctions Regulations. OFAC is also"
                        " publishing two new Frequently Asked Questions on the treatment of persons designated pursuant"
                        " to E.O. 14059.</p>")


def test_a_review_of_the_year_month_by_month():
    assert not classify("<p>Treasury today released a summary of its counter-fentanyl actions.</p><ul><li>In January,"
                        " OFAC designated Rubén Inventado Solís pursuant to E.O. 14059.</li><li>In February, OFAC"
                        " designated Ficticia Chemicals Pvt. Ltd. pursuant to E.O. 14059.</li></ul>")
    # the month of today's action, with its day, stays today's
    assert classify("<p>Today, OFAC sanctioned Rubén Inventado Solís pursuant to E.O. 14059.</p>")


def _parsed(body: str):
    from scrapers.sources.treasury.release import parse_release

    return parse_release('<article about="/news/press-releases/tz2001" class="entity--type-node"><div class="field'
                         ' field--name-field-news-publication-date"><time datetime="2024-05-01T14:00:00Z">May 1, 2024'
                         f'</time></div><div class="field field--name-field-news-body">{body}</div></article>', "tz2001")


def test_whom_the_plain_text_designees_work_for_is_not_designated():
    # no name in bold: the plain-text names of the designation sentence are read, never whom they work for
    got = _parsed("<p>WASHINGTON — Today, OFAC sanctioned Ruben Inventado Solis and Marina Irreal Paz pursuant to E.O."
                  " 14059 for shipping cocaine for Clan Ficticio del Norte.</p>")
    assert {d.name: d.role for d in got.designees} == {"Ruben Inventado Solis": "designated",
                                                       "Marina Irreal Paz": "designated"}
    got = _parsed("<p>WASHINGTON — Today, OFAC is designating two individuals that ship cocaine for Clan Ficticio del"
                  " Norte pursuant to E.O. 14059.</p><p>Clan Ficticio del Norte, which OFAC sanctioned in 2013, is"
                  " large.</p>")
    assert got.designees == []


# -- fifth set ------------------------------------------------------------------------------------------
def test_the_designations_are_made_pursuant_to():
    assert classify(LEAD + "<p>The designations are made pursuant to Executive Order (E.O.) 14059.</p>")


def test_the_order_signed_today_then_under_this_new_order():
    html = ("<p>WASHINGTON — Today, the President signed an Executive Order titled “Imposing Sanctions on Foreign"
            " Persons Involved in the Global Illicit Drug Trade,” which modernizes Treasury’s authorities.</p>"
            "<p>Under this new order, OFAC today designated three individuals and two entities.</p>")
    assert classify(html)
    # the order signed, and nobody designated under it
    assert not classify("<p>WASHINGTON — Today, the President signed an Executive Order titled “Imposing Sanctions"
                        " on Foreign Persons Involved in the Global Illicit Drug Trade.”</p><p>The order takes effect"
                        " immediately.</p>")


def test_cartels_designated_pursuant_to_the_order_are_a_status():
    assert not classify("<p>The order targets the bulk cash smuggling that cartels designated pursuant to Executive"
                        " Order (E.O.) 14059, including the Cartel Ficticio, use to move fentanyl proceeds. Today, FinCEN"
                        " also published guidance.</p>")


def test_a_country_cut_short_is_no_plain_text_designee():
    got = _parsed("<p>WASHINGTON — Today, OFAC sanctioned Ruben Inventado Solis and Marina Irreal Paz in the People’s"
                  " Republic of China pursuant to E.O. 14059.</p>")
    assert "People’s Republic" not in {d.name for d in got.designees}
