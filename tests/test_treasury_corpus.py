"""The real Treasury releases in ../shared/corpus (skipped when absent): classification of
the nine releases and the designees of jy1467 / jy2201 against the real list snapshot."""
from __future__ import annotations

import sqlite3

import pytest

JY1467 = {40766, 40767, 41896, 41897, 41898, 41899}
JY2201 = {48063, 48066, 48068, 48070, 48071, 48073, 48075, 48077, 48079, 48081, 48083, 48085, 48087, 48088,
          48089, 48090, 48091, 48092, 48093, 48094, 48095}


@pytest.mark.corpus
def test_real_releases_classified_and_linked(run_cli, workdir, corpus):
    run_cli("import", "sdn", corpus / "ofac" / "sdn" / "2024-05-03" / "sdn.csv", "--as-of", "2024-05-03")
    run_cli("import", "treasury", *sorted((corpus / "treasury" / "press-releases").glob("*.html")))
    conn = sqlite3.connect(workdir / "tracker.db")
    eo = {r[0] for r in conn.execute("select id from press_releases where is_eo14059 = 1")}
    assert eo == {"treasury:jy1467", "treasury:jy2201", "treasury:sb0224", "treasury:sb0261"}

    def designated(rid):
        return {r[0] for r in conn.execute("select uid from press_release_designations where press_release_id = ?"
                                           " and role = 'designated' and uid is not null", [rid])}

    assert designated("treasury:jy1467") == JY1467
    assert designated("treasury:jy2201") == JY2201
    # previously designated brothers named in the text are kept as mentions
    mentioned = {r[0] for r in conn.execute("select name_in_text from press_release_designations"
                                            " where press_release_id = 'treasury:jy1467' and role = 'mentioned'")}
    assert "Ovidio Guzman Lopez" in mentioned
    # sb0224/sb0261 designees are not on the 2024 list: kept unmatched, officials excluded
    names = {r[0] for r in conn.execute("select name_in_text from press_release_designations"
                                        " where press_release_id like '%sb02%' and role = 'designated'")}
    assert len(names) == 12 and not any("Bessent" in n or "Hurley" in n or "WASHINGTON" in n for n in names)
    assert conn.execute("select published from press_releases where id = 'treasury:sb0261'").fetchone()[0] == "2025-09-24"
    conn.close()
