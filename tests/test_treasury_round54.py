"""Round 54 (the 62nd Treasury set; invented fixtures in the shape of real E.O. 14059 releases; each failed
before its rule): an organisation redesignated by its full name in a sentence after the one telling its first
designation years before ('OFAC redesignated X and the X Drug Trafficking Organization pursuant to E.O. 14059');
a company the release names without its legal form, with a business word the list keeps ('Vacation Club',
'VACATIONS CLUB, S.A. DE C.V.'); a company named in another form than the list's, linked only because it is
the one entity the list history shows added at the release's date (and never when the entry was listed
before)."""
from __future__ import annotations

import sqlite3

from test_treasury_link_variants import _links, _release
from test_treasury_round40 import roles


def test_an_organisation_redesignated_after_its_first_designation_is_told():
    html = ("<p>WASHINGTON — Today, OFAC redesignated Nayarit-based trafficker Baltazar Ficticio Velarde and his drug"
            " trafficking organization pursuant to E.O. 14059, and designated two of his associates.</p>"
            "<p>In September 2012, OFAC identified <strong>Baltazar Ficticio Velarde</strong> (a.k.a. “El Profe”)"
            " (Ficticio Velarde) and the <strong>Ficticio Velarde Drug Trafficking Organization</strong> (a.k.a."
            " “Los Tecolotes”) as significant foreign narcotics traffickers pursuant to the Kingpin Act.</p>"
            "<p>OFAC redesignated Ficticio Velarde and the Ficticio Velarde Drug Trafficking Organization pursuant to"
            " E.O. 14059 for having engaged in activities that have materially contributed to the proliferation of"
            " illicit drugs.</p>")
    got = roles(html)
    assert got.get("Baltazar Ficticio Velarde") == "designated"
    assert got.get("Ficticio Velarde Drug Trafficking Organization") == "designated"


def _sdn_versions(tmp_path, versions: dict[str, list[tuple[int, str, str]]]):
    folders = []
    for date, entries in versions.items():
        folder = tmp_path / "sdn" / date
        folder.mkdir(parents=True)
        rows = [f'{uid},"{name}",{typ},"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
                for uid, name, typ in entries]
        (folder / "sdn.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
        folders.append(folder)
    return folders


OLD = [(81001, "CARTEL FICTICIO DEL PACIFICO", "-0- "), (81002, "HUBEI IRREAL BIOTECHNOLOGY CO., LTD.", "-0- ")]
NEW = [(81003, "VALLARTA SUNSET VACATIONS CLUB, S.A. DE C.V.", "-0- "),
       (81004, "WUHAN FICTICIO PHARMACEUTICAL TECHNOLOGY CO., LTD.", "-0- "),
       (81005, "SUPUESTO ROJAS, Danilo", "individual")]
BODY = ("<p>WASHINGTON — Today, OFAC designated two companies and one individual pursuant to E.O. 14059.</p>"
        "<p>OFAC is also designating two companies that the network uses: <strong>Vallarta Sunset Vacation Club</strong>,"
        " which posed as a resale agent, and <strong>Wuhan Ficticio Pharmatech Co., Ltd.</strong>, a chemical seller."
        " <strong>Danilo Supuesto Rojas</strong> runs both.</p>")


def test_a_company_named_in_another_form_than_the_lists(run_cli, workdir, tmp_path):
    before, after = _sdn_versions(tmp_path, {"2024-04-20": OLD, "2024-05-03": OLD + NEW})
    run_cli("import", "sdn", before)
    run_cli("import", "sdn", after)
    run_cli("import", "treasury", _release(tmp_path, BODY))
    got = _links(workdir / "tracker.db")
    # a business word the list keeps: the near name of the same kind
    assert got["Vallarta Sunset Vacation Club"][:2] == (81003, "designated")
    # 'Pharmatech' for 'PHARMACEUTICAL TECHNOLOGY': the one entity added at the release's date that comes near
    wuhan = got["Wuhan Ficticio Pharmatech Co., Ltd."]
    assert wuhan[:3] == (81004, "designated", "fuzzy-dated") and "added at the release's date" in wuhan[3]["rule"]


def test_never_a_dated_link_to_an_entry_listed_before(run_cli, workdir, tmp_path):
    listed = OLD + NEW
    before, after = _sdn_versions(tmp_path, {"2024-04-20": listed, "2024-05-03": listed})
    run_cli("import", "sdn", before)
    run_cli("import", "sdn", after)
    run_cli("import", "treasury", _release(tmp_path, BODY))
    got = _links(workdir / "tracker.db")
    assert got["Wuhan Ficticio Pharmatech Co., Ltd."][0] is None
    conn = sqlite3.connect(workdir / "tracker.db")
    try:
        assert conn.execute("select count(*) from press_release_designations where match_method = 'fuzzy-dated'").fetchone()[0] == 0
    finally:
        conn.close()


def test_todays_action_targets_the_following_as_a_list_and_inline():
    listed = ("<p>WASHINGTON — Today, OFAC sanctioned three Honduran nationals and two companies that keep a cocaine"
              " route open. Today’s action is taken pursuant to E.O. 14059.</p><h3>TODAY’S ACTION</h3>"
              "<p>Today’s action targets the following individuals and entities:</p><ul><li>Kevin Alexis Ficticio Paz, a"
              " Honduran national and the younger son of the leader, who coordinates drug flights;</li><li>Dilcia"
              " Marisol Inventada Reyes, a Honduran national and his wife, who manages the cash;</li><li>Transportes y"
              " Fletes Irreales Atlántida, S. de R.L., a La Ceiba trucking company managed by Inventada Reyes; and</li>"
              "<li>Hotel y Restaurante Brisas Supuestas, S. de R.L., a hotel near Tela.</li></ul>")
    got = roles(listed)
    want = {"Kevin Alexis Ficticio Paz", "Dilcia Marisol Inventada Reyes",
            "Transportes y Fletes Irreales Atlántida, S. de R.L.", "Hotel y Restaurante Brisas Supuestas, S. de R.L."}
    assert {n for n, r in got.items() if r == "designated"} == want
    inline = listed.replace("</p><ul><li>", " ").replace("</li><li>", " ").replace("</li></ul>", "</p>")
    got = roles(inline)
    assert {n for n, r in got.items() if r == "designated"} == want


def test_a_fact_sheet_counting_the_years_designations_the_year_first():
    from scrapers.sources.treasury.release import parse_release

    body = ("<p>Throughout 2023, the Department of the Treasury used its authorities against fentanyl networks. This fact"
            " sheet summarizes the year’s work.</p><h3>SANCTIONS</h3><p>Over the course of 2023, OFAC designated more"
            " than 50 individuals and entities under Executive Order (E.O.) 14059, the authority aimed at foreign actors"
            " in the drug trade. In January, OFAC designated a PRC-based precursor supplier and a Mexican broker.</p>")
    rel = parse_release('<article about="/news/press-releases/tz9054" class="entity--type-node"><div class="field'
                        ' field--name-field-news-publication-date"><time datetime="2023-12-19T14:00:00Z">December 19, 2023'
                        f'</time></div><div class="field field--name-field-news-body">{body}</div></article>', "tz9054")
    assert rel.is_eo14059 is False
