"""Treasury releases, round 16 (invented fixtures in the shape of real releases): a Mexican company
whose legal form is written letter by letter across bold tags ('S. De R. L.')."""
from __future__ import annotations

from test_treasury_link_variants import _links, _release, _sdn

from scrapers.names import normalize_name, strip_legal_form


def test_a_spaced_limited_liability_form_is_the_lists_form():
    assert strip_legal_form(normalize_name("Operadora Costa Brava, S. De R. L")) == \
        strip_legal_form(normalize_name("OPERADORA COSTA BRAVA, S. DE R.L.")) == "operadora costa brava"


def test_a_company_with_its_legal_form_split_over_bold_tags_links(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC sanctioned a money laundering network pursuant to E.O. 14059.</p>"
            "<p>OFAC also targeted two businesses owned by the network: <strong>Operadora Costa Brava</strong>,"
            " <strong>S</strong>.  <strong>De R</strong>. <strong>L</strong>.; and, <strong>Pesquera Bahia"
            " Ficticia</strong>, <strong>S</strong>. <strong>A</strong>.  <strong>De C</strong>. <strong>V</strong>.</p>")
    run_cli("import", "sdn", _sdn(tmp_path, [(80101, "OPERADORA COSTA BRAVA, S. DE R.L.", "-0- "),
                                             (80102, "PESQUERA BAHIA FICTICIA, S.A. DE C.V.", "-0- ")]))
    run_cli("import", "treasury", _release(tmp_path, body))
    got = {name: link[:2] for name, link in _links(workdir / "tracker.db").items()}
    assert (80101, "designated") in got.values() and (80102, "designated") in got.values()


def test_a_company_whose_name_holds_a_pages_word_and_a_legal_form_spaced_without_dots():
    from test_treasury_designees import roles
    html = ("<p>WASHINGTON — Today, OFAC sanctioned one individual and two entities pursuant to Executive Order"
            " (E.O.) 14059.</p><p><strong>Ningbo Jinhe Press Machinery Co., Ltd.</strong> (Jinhe Press) sells pill"
            " presses to buyers in Mexico. <strong>Bo Renqiang</strong> is its owner.</p><p>Bo Renqiang launders the"
            " profits through <strong>Inversiones Tarquin S A S</strong>, a Colombian company.</p>")
    assert roles(html) == {"Ningbo Jinhe Press Machinery Co., Ltd.": "designated", "Bo Renqiang": "designated",
                           "Inversiones Tarquin S A S": "designated"}
    assert strip_legal_form(normalize_name("Inversiones Tarquin S A S")) == \
        strip_legal_form(normalize_name("INVERSIONES TARQUIN S.A.S.")) == "inversiones tarquin"


def test_a_readout_recalling_recent_actions_under_the_order_is_no_designation():
    from test_treasury_designees import classify
    html = ("<p>WASHINGTON — Today, Under Secretary John K. Harlow met in Mexico City with the head of Mexico’s UIF to"
            " discuss joint efforts to disrupt the finances of cartels that traffic fentanyl. Under Secretary Harlow"
            " emphasized the commitment to using all available tools against cartels designated as Foreign Terrorist"
            " Organizations, and reviewed recent coordinated actions, including sanctions imposed by the Office of"
            " Foreign Assets Control pursuant to Executive Order (E.O.) 14059 and E.O. 13224 against cartel"
            " networks.</p>")
    assert not classify(html)
    # a designation as a status is still an act when it is one: 'X was designated as …' today
    assert classify("<p>WASHINGTON — Today, OFAC designated the Cartel Ficticio pursuant to E.O. 14059. The cartel"
                    " was designated as a Specially Designated Global Terrorist today as well.</p>")
