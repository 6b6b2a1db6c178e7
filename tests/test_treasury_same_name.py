"""Two list entries bearing the name a release writes, and nothing in the list's history to tell
them apart: no link is guessed, and the evidence says why (invented names and entries)."""
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
