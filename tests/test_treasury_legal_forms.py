"""European, Turkish, Mexican and Colombian legal forms ("d.o.o.", "S.R.L.", "SpA", "Sp. z o.o.",
"A.Ş.", "JSC", "S.P.R. DE R.L. DE C.V.", "Y CIA. S.C.S.") stay with the company's name in a release
and link to the list entry written with them (invented names and entries)."""
from __future__ import annotations

from test_treasury_link_variants import _links, _release

from scrapers.names import looks_like_company, normalize_name, strip_legal_form
from scrapers.sources.treasury.designees import extract_designees

NAMES = ["Balkan Ficta d.o.o.", "Ficta Trade S.R.L.", "Ficta Chimica SpA", "Ficta Polska Sp. z o.o.",
         "Ficta Kimya Sanayi A.Ş.", "Ficta Neft JSC", "Ficta Cargo, d.o.o."]
SDN = [(81001, "BALKAN FICTA D.O.O."), (81002, "FICTA TRADE S.R.L."), (81003, "FICTA CHIMICA S.P.A."),
       (81004, "FICTA POLSKA SP. Z O.O."), (81005, "FICTA KIMYA SANAYI A.S."), (81006, "FICTA NEFT JSC"),
       (81007, "FICTA CARGO D.O.O.")]


def test_legal_forms_stay_with_the_name():
    html = ("<p>Today, OFAC sanctioned the following pursuant to E.O. 14059.</p>"
            + "".join(f"<p><strong>{n}</strong> ships precursors.</p>" for n in NAMES))
    assert [c.name for c in extract_designees(html)] == NAMES
    assert strip_legal_form(normalize_name("Ficta Polska Sp. z o.o.")) == "ficta polska"
    assert strip_legal_form(normalize_name("Ficta Kimya Sanayi A.Ş.")) == "ficta kimya sanayi"
    # "plain text governed by a designation sentence" keeps them too
    got = {c.name for c in extract_designees(
        "<p>Today, OFAC designated <strong>Ana Ficta</strong> pursuant to E.O. 14059.</p>"
        "<p>OFAC also designated Ficta Polska Sp. z o.o. and Balkan Ficta d.o.o. pursuant to E.O. 14059.</p>")}
    assert {"Ficta Polska Sp. z o.o.", "Balkan Ficta d.o.o."} <= got


def _linked(run_cli, workdir, tmp_path, entries: list[tuple[int, str]], paragraphs: str) -> dict:
    """Import a list of `entries` and a release designating what `paragraphs` name: its links."""
    folder = tmp_path / "sdn" / "2024-05-03"
    folder.mkdir(parents=True)
    rows = [f'{uid},"{name}",-0- ,"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ' for uid, name in entries]
    (folder / "sdn.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    run_cli("import", "sdn", folder)
    run_cli("import", "treasury", _release(tmp_path, "<p>WASHINGTON — Today, OFAC sanctioned the following pursuant"
                                                     " to E.O. 14059.</p>" + paragraphs))
    return _links(workdir / "tracker.db")


def test_legal_forms_link_to_the_list_entry(run_cli, workdir, tmp_path):
    got = _linked(run_cli, workdir, tmp_path, SDN, "".join(f"<p><strong>{n}</strong> ships precursors.</p>" for n in NAMES))
    assert {n: got[n][:2] for n in NAMES} == {n: (uid, "designated") for n, (uid, _) in zip(NAMES, SDN)}


# Mexican rural and civil partnerships and Colombian limited partnerships, as the counter-narcotics
# designations write them (invented names)
MX_SDN = [(82001, "AGRICOLA FICTA S.P.R. DE R.L. DE C.V."), (82002, "GANADERA FICTA, S. DE P.R. DE R.L."),
          (82003, "ABARROTES FICTA S.C. DE R.L. DE C.V."), (82004, "INVERSIONES FICTA Y CIA. S.C.S."),
          (82005, "FICTA ENTRETENIMIENTO, S.R.L. DE C.V.")]


def test_mexican_and_colombian_partnership_forms_are_legal_forms():
    for _, name in MX_SDN:
        assert looks_like_company(name), name
        assert strip_legal_form(normalize_name(name)).split()[-1] in ("ficta", "entretenimiento"), name
    # "y Cia." alone (a release cut at its period): the same company
    assert strip_legal_form(normalize_name("Inversiones Ficta y Cia")) == "inversiones ficta"
    # a person's name is not taken for one
    assert not looks_like_company("Juan Ficta Cia")
    # Malaysian, Turkish and German forms written in full
    for name, bare in (("FICTA SDN. BHD.", "ficta"), ("FICTA LOJISTIK LIMITED SIRKETI", "ficta lojistik"),
                       ("FICTA LOJISTIK LTD. STI.", "ficta lojistik"), ("FICTA GMBH & CO. KG", "ficta")):
        assert looks_like_company(name) and strip_legal_form(normalize_name(name)) == bare, name


def test_a_partnership_named_without_its_legal_form_links_to_the_list_entry(run_cli, workdir, tmp_path):
    got = _linked(run_cli, workdir, tmp_path, MX_SDN, "<p><strong>Agricola Ficta</strong> and <strong>Ganadera"
                  " Ficta</strong> launder the cartel's proceeds.</p><p>OFAC also designated Inversiones Ficta y"
                  " Cia. S.C.S. pursuant to E.O. 14059.</p>")
    linked = {n: v[:2] for n, v in got.items()}
    assert linked["Agricola Ficta"] == (82001, "designated") and linked["Ganadera Ficta"] == (82002, "designated")
    assert [v for n, v in linked.items() if n.startswith("Inversiones Ficta")] == [(82004, "designated")]
