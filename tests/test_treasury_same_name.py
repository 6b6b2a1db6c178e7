"""Two list entries bearing the name a release writes (invented names and entries): with nothing
in the list's history or its links to tell them apart, no link is guessed, and the evidence says
why; when the list links exactly one of them to an entry the same release designates, that one."""
from __future__ import annotations

from test_treasury_link_variants import _links, _release


def test_a_name_two_entries_bear_is_not_linked_to_either(run_cli, workdir, tmp_path):
    folder = tmp_path / "sdn" / "2024-05-03"
    folder.mkdir(parents=True)
    rows = [f'{uid},"{name}",individual,"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
            f'"Linked To: {linked}."' for uid, name, linked in
            [(82001, "QIAO, Ling", "HEBEI FICTA CO., LTD"), (82002, "QIAO, Ling", "WUHAN FICTA CO., LTD"),
             (82003, "MENG, Tao", "WUHAN FICTA CO., LTD")]]
    (folder / "sdn.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    body = ("<p>WASHINGTON — Today, OFAC sanctioned the following pursuant to E.O. 14059.</p>"
            "<p><strong>Qiao Ling</strong>, a sales representative for Wuhan Ficta, and <strong>Meng Tao</strong> "
            "sell precursors.</p>")
    run_cli("import", "sdn", folder)
    run_cli("import", "treasury", _release(tmp_path, body))
    got = _links(workdir / "tracker.db")
    assert got["Meng Tao"][:2] == (82003, "designated")
    uid, _, _, evidence = got["Qiao Ling"]
    assert uid is None and sorted(evidence["ambiguous_uids"]) == [82001, 82002]
    assert "2 list entries bear this name" in evidence["unlinked_reason"]


def _linked(run_cli, workdir, tmp_path, rows, body):
    """The links of a release `body` against a list of (uid, name, kind, linked-to name) rows."""
    folder = tmp_path / "sdn" / "2024-05-03"
    folder.mkdir(parents=True)
    lines = [f'{uid},"{name}",{kind},"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
             + (f'"Linked To: {linked}."' if linked else '""') for uid, name, kind, linked in rows]
    (folder / "sdn.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    run_cli("import", "sdn", folder)
    run_cli("import", "treasury", _release(tmp_path, "<p>WASHINGTON — Today, OFAC sanctioned the following"
                                           f" pursuant to E.O. 14059.</p>{body}"))
    return _links(workdir / "tracker.db")


def _homonyms(first: int) -> list[tuple]:
    """Two entries bearing one name, each linked to a company of the list."""
    return [(first, "QIAO, Ling", "individual", "HEBEI FICTA CO., LTD."),
            (first + 1, "QIAO, Ling", "individual", "WUHAN FICTA CO., LTD."),
            (first + 2, "HEBEI FICTA CO., LTD.", "entity", None), (first + 3, "WUHAN FICTA CO., LTD.", "entity", None)]


def test_the_list_linking_one_of_them_to_a_company_designated_with_it_breaks_the_tie(run_cli, workdir, tmp_path):
    """The release designates a company and names its sales representative; two list entries
    bear her name, the list links one to that company and the other to a company the release
    names only as designated years before: the first is linked, and the evidence says why."""
    got = _linked(run_cli, workdir, tmp_path, _homonyms(83001),
                  "<p><strong>Wuhan Ficta Co., Ltd.</strong> ships precursors. <strong>Qiao Ling</strong>, a sales"
                  " representative for Wuhan Ficta, arranged payments.</p>"
                  "<p>In 2022, OFAC designated <strong>Hebei Ficta Co., Ltd.</strong> for similar conduct.</p>")
    assert got["Wuhan Ficta Co., Ltd."][:2] == (83004, "designated")
    assert got["Hebei Ficta Co., Ltd."][:2] == (83003, "mentioned")
    uid, role, _, evidence = got["Qiao Ling"]
    assert (uid, role) == (83002, "designated")
    assert sorted(evidence["ambiguous_uids"]) == [83001, 83002]
    assert "WUHAN FICTA CO., LTD. (83004), designated by this release" in evidence["tie_broken_by"]


def test_no_tie_is_broken_when_the_list_links_each_of_them_to_a_company_designated_with_it(run_cli, workdir,
                                                                                           tmp_path):
    got = _linked(run_cli, workdir, tmp_path, _homonyms(84001),
                  "<p><strong>Wuhan Ficta Co., Ltd.</strong> and <strong>Hebei Ficta Co., Ltd.</strong> ship"
                  " precursors. <strong>Qiao Ling</strong> arranged payments.</p>")
    assert got["Wuhan Ficta Co., Ltd."][:2] == (84004, "designated")
    assert got["Hebei Ficta Co., Ltd."][:2] == (84003, "designated")
    uid, _, _, evidence = got["Qiao Ling"]
    assert uid is None and sorted(evidence["ambiguous_uids"]) == [84001, 84002]
    assert "tie_broken_by" not in evidence
