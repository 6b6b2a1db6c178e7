"""Name variants between a release and the SDN list (invented names and entries): what links,
with which rule in the evidence, and what stays unlinked -- never a wrong link."""
from __future__ import annotations

import json
import sqlite3

SDN = [
    (80001, "CARTEL FICTICIO DEL GOLFO", "-0- "),
    (80002, "LOS IRREALES", "-0- "),
    (80003, "INVENTE, Herve", "individual"),
    (80004, "MORENO, Luis", "individual"),
    (80005, "SERVICIOS QUIMERA INC, S.A. DE C.V.", "-0- "),
    (80006, "GRUPO SERVICIOS QUIMERA INC, S.A. DE C.V.", "-0- "),
    (80007, "FANG, Jianhua", "individual"),
    (80008, "FANG, Jian", "individual"),
]


def _sdn(tmp_path, entries=SDN):
    folder = tmp_path / "sdn" / "2024-05-03"
    folder.mkdir(parents=True)
    rows = [f'{uid},"{name}",{typ},"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '
            for uid, name, typ in entries]
    (folder / "sdn.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return folder


def _release(tmp_path, body: str):
    path = tmp_path / "tv2001.html"
    path.write_text(
        '<article about="/news/press-releases/tv2001" class="entity--type-node"><div class="field'
        ' field--name-field-news-publication-date"><time datetime="2024-05-01T14:00:00Z">May 1, 2024</time></div>'
        f'<div class="field field--name-field-news-body">{body}</div></article>', encoding="utf-8")
    return path


def _links(db):
    conn = sqlite3.connect(db)
    try:
        return {r[0]: (r[1], r[2], r[3], json.loads(r[4])) for r in conn.execute(
            "select name_in_text, uid, role, match_method, evidence from press_release_designations")}
    finally:
        conn.close()


def test_variants_link_with_their_rule_or_stay_unlinked(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC sanctioned the following pursuant to E.O. 14059.</p>"
            "<p><strong>The Cartel Ficticio del Golfo</strong> traffics fentanyl. <strong>Los Irreales DTO</strong>"
            " is its armed wing.</p>"
            "<p><strong>Richard Lenine Hervé Invente</strong> (<strong>Invente</strong>) flies the drugs.</p>"
            "<p><strong>Jose Carlos Luis Moreno</strong> (<strong>Jose Carlos</strong>) runs the port.</p>"
            "<p>OFAC also designated <strong>Servicios Quimera Inc, S.A. de C.V.</strong>, owned by Invente.</p>")
    run_cli("import", "sdn", _sdn(tmp_path))
    run_cli("import", "treasury", _release(tmp_path, body))
    got = _links(workdir / "tracker.db")
    assert got["The Cartel Ficticio del Golfo"][:2] == (80001, "designated")
    assert got["The Cartel Ficticio del Golfo"][3]["rule"] == "leading article dropped"
    assert got["Los Irreales DTO"][:2] == (80002, "designated")
    assert got["Los Irreales DTO"][3]["rule"] == "descriptor dropped"
    # the list keeps fewer given names; the release's short form is the list surname: linked, said so
    hv = got["Richard Lenine Hervé Invente"]
    assert hv[:3] == (80003, "designated", "partial") and "short form" in hv[3]["corroborated_by"]
    # "Luis Moreno" ends the written name too, but the release's short form is not the list
    # surname: not linked (a different man may bear the shorter name)
    assert got["Jose Carlos Luis Moreno"][0] is None
    assert "MORENO, Luis" in got["Jose Carlos Luis Moreno"][3]["unlinked_reason"]
    # a whole company name is never folded into a longer one, nor linked to it
    assert got["Servicios Quimera Inc, S.A. de C.V."][0] == 80005
    assert 80006 not in {v[0] for v in got.values()}


def test_a_hyphenated_romanised_given_name_links_to_the_joined_one(run_cli, workdir, tmp_path):
    body = ("<p>WASHINGTON — Today, OFAC sanctioned <strong>Fang Jian-hua</strong> pursuant to E.O. 14059.</p>"
            "<p>Fang Jian-hua sells fentanyl precursors.</p>")
    run_cli("import", "sdn", _sdn(tmp_path))
    run_cli("import", "treasury", _release(tmp_path, body))
    got = _links(workdir / "tracker.db")["Fang Jian-hua"]
    assert got[:2] == (80007, "designated") and got[3]["rule"] == "hyphenated given name joined"
