"""The real list history (../shared/corpus/ofac/history: 281 published sdn.csv versions,
2021-12 .. 2024-05, rebuilt with the corpus's own versions.py) and the real Treasury releases of
that period: the E.O. 14059 events, Eastern dates equal to the Treasury action dates, the broken
last version skipped, a history archive of a few MB. Slow (about a minute); skipped without the
corpus."""
from __future__ import annotations

import csv
import importlib.util
import io
import json

import pytest
from dbquery import one, q

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def in_scope(content: bytes) -> set[int]:
    rows = csv.reader(io.StringIO(content.decode("cp1252", errors="replace")))
    return {int(r[0]) for r in rows if len(r) == 12 and r[0].strip().isdigit() and "ILLICIT-DRUGS" in r[3]}


@pytest.fixture
def history(corpus, tmp_path_factory):
    spec = importlib.util.spec_from_file_location("versions", corpus / "ofac" / "history" / "versions.py")
    versions = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(versions)
    root = tmp_path_factory.mktemp("history")
    first_seen, previous = {}, None
    for name, raw in versions.versions(corpus / "ofac" / "history" / "sdn-versions.json.xz"):
        (root / name).mkdir()
        (root / name / "sdn.csv").write_bytes(raw)
        now = in_scope(raw)
        if previous is not None:
            for uid in now - previous:
                first_seen.setdefault(uid, name)
        previous = now
    (root / "2024-05-04T013619").mkdir()          # the scrape's last commit: an empty file
    (root / "2024-05-04T013619" / "sdn.csv").write_bytes(b"")
    return root, first_seen


def test_real_history_events_and_eastern_dates(run_cli, workdir, corpus, history):
    root, first_seen = history
    result = run_cli("import", "sdn-history", root)
    db = workdir / "tracker.db"
    assert "skipped 1" in result.output
    assert q(db, "select event, count(*) from list_events group by event order by event") == [
        ("added", 295), ("changed", 48), ("removed", 2)]                     # 297 E.O. 14059 events
    assert one(db, "select count(*) from list_observations") == 281
    [(location, reason)] = q(db, "select location, reason from errors")
    assert location == "2024-05-04T013619/sdn.csv" and "version of 2024-05-03 skipped" in reason
    # a version committed at 01:42 UTC is the previous evening in Washington
    dec15 = {u for u, v in first_seen.items() if v == "2021-12-16T014252"}
    feb07 = {u for u, v in first_seen.items() if v == "2024-02-08T013249"}
    assert len(dec15) == 25 and len(feb07) == 2
    got = dict(q(db, "select uid, designated_on from designations"))
    assert {got[u] for u in dec15} == {"2021-12-15"} and {got[u] for u in feb07} == {"2024-02-07"}
    # 18 re-tags: on the list under the Kingpin Act before E.O. 14059
    retags = q(db, "select observed_on, count(*) from list_events where json_extract(details, '$.on_list_before')"
                   " group by observed_on")
    assert retags == [("2021-12-15", 17), ("2024-02-28", 1)]
    # every change says what changed (or that only the written form did)
    assert one(db, "select count(*) from list_events where event = 'changed' and json_extract(details, '$.summary')"
                   " is null") == 0
    archive_bytes = sum(p.stat().st_size for p in (workdir / "archive" / "blobs").rglob("*") if p.is_file())
    assert archive_bytes <= 5_000_000

    # the releases of the period: every entry they designated is dated by its release
    gold = json.loads((corpus / "treasury" / "real-releases" / "gold.json").read_text())["releases"]
    chosen = {rid: g for rid, g in gold.items() if g.get("eo14059") and g.get("designated_uids") and g["date"] <= "2024-05-03"}
    run_cli("import", "treasury", *[corpus / "treasury" / "real-releases" / "releases" / f"{rid}.html" for rid in chosen])
    got = dict(q(db, "select uid, designated_on from designations"))
    wrong = [(rid, uid, g["date"], got.get(uid)) for rid, g in chosen.items() for uid in g["designated_uids"]
             if got.get(uid) != g["date"]]
    assert wrong == [] and sum(len(g["designated_uids"]) for g in chosen.values()) == 126
    assert one(db, "select count(*) from conflicts where field = 'designated_on'") == 0
