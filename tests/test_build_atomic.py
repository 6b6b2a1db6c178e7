"""Atomic builds: a failed, interrupted or killed build leaves the previous database serving,
byte for byte; readers never see a partial state; what a killed build was applying is
recovered by the next one, never applied twice; one source's bad data does not sink the
others'."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from faultmatrix import sha

from scrapers import build as build_mod
from scrapers.archive import Archive
from scrapers.config import Config
from scrapers.db import content_hashes
from scrapers.errors import AssertionsFailed, SourceError
from scrapers.sources import FetchContext, FetchRequest, Source, get_source

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent


def tracker(workdir: Path, *args, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "scrapers", "--db", str(workdir / "tracker.db"), *map(str, args)],
                          cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


def statuses(workdir: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(workdir / "archive" / "index.sqlite")
    try:
        return conn.execute("select id, status from batches order by id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def v1_db(workdir):
    """A served database holding observation v1 (2025-03-01)."""
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    assert r.returncode == 0, r.stderr
    return workdir / "tracker.db"


@pytest.fixture(scope="module")
def reference_v2(tmp_path_factory) -> dict:
    """content hashes of v1 then v2 imported cleanly (what every recovery must converge to)."""
    d = tmp_path_factory.mktemp("ref")
    assert tracker(d, "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01").returncode == 0
    assert tracker(d, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08").returncode == 0
    return content_hashes(d / "tracker.db")


def comparable(hashes: dict) -> dict:
    # errors/list_observations carry batch ids, which differ when a run was retried
    return {k: v for k, v in hashes.items() if k not in ("list_observations",)}


@pytest.mark.parametrize("stage", ["start", "applied", "finalized", "checked"])
@pytest.mark.slow
def test_killed_build_leaves_the_old_database_intact_and_the_next_run_recovers(workdir, v1_db, reference_v2, stage):
    before_sha, before = sha(v1_db), content_hashes(v1_db)
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08",
                env={"TRACKER_BUILD_FAULT": f"{stage}:die"})
    assert r.returncode == -9, (r.returncode, r.stderr)
    assert sha(v1_db) == before_sha and content_hashes(v1_db) == before
    assert statuses(workdir)[-1][1] in ("building", "pending")
    # the next command (any: here a rebuild) picks the batch up; nothing is lost
    r = tracker(workdir, "rebuild")
    assert r.returncode == 0, r.stderr
    got = content_hashes(v1_db)
    assert comparable(got) == comparable(reference_v2)
    assert got["list_observations"][0] == reference_v2["list_observations"][0] == 2
    assert all(s == "applied" for _, s in statuses(workdir))
    assert not list(workdir.glob(".tracker.db.building-*")), "stale temporary database left behind"


@pytest.mark.slow
def test_build_killed_after_the_swap_is_not_applied_twice(workdir, v1_db, reference_v2):
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08",
                env={"TRACKER_BUILD_FAULT": "swapped:die"})
    assert r.returncode == -9
    assert statuses(workdir)[-1][1] == "building"      # the archive was not told
    assert content_hashes(v1_db) == reference_v2         # but the new database is in
    # the next update reconciles: the batch is marked applied, not applied a second time
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08")
    assert r.returncode == 0, r.stderr
    assert all(s == "applied" for _, s in statuses(workdir))
    assert content_hashes(v1_db) == reference_v2


@pytest.mark.slow
def test_injected_exception_rejects_the_batch_and_keeps_the_old_database(workdir, v1_db):
    before_sha = sha(v1_db)
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08",
                env={"TRACKER_BUILD_FAULT": "finalized:raise"})
    assert r.returncode != 0
    assert sha(v1_db) == before_sha
    assert statuses(workdir)[-1][1] == "rejected"


@pytest.mark.slow
def test_interrupted_build_is_recovered_by_the_next_command(workdir, v1_db, reference_v2):
    before_sha = sha(v1_db)
    r = tracker(workdir, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-08",
                env={"TRACKER_BUILD_FAULT": "applied:interrupt"})
    assert r.returncode == 1 and "interrupted" in r.stderr
    assert sha(v1_db) == before_sha
    assert statuses(workdir)[-1][1] == "building"
    r = tracker(workdir, "rebuild")
    assert r.returncode == 0 and "recovered" in r.stderr, r.stderr
    assert comparable(content_hashes(v1_db)) == comparable(reference_v2)


@pytest.mark.slow
def test_reader_holding_the_database_open_sees_the_old_state_until_it_reopens(workdir, v1_db):
    marker = workdir / "paused"
    reader = sqlite3.connect(f"file:{v1_db}?mode=ro", uri=True)
    reader.execute("begin")
    old = reader.execute("select count(*) from designations where listed = 1").fetchone()[0]
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapers", "--db", str(v1_db), "import", "sdn", str(FAULTS / "sdn_v2"),
         "--as-of", "2025-03-08"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")},
             "TRACKER_BUILD_FAULT": "checked:pause", "TRACKER_BUILD_FAULT_MARKER": str(marker),
             "TRACKER_BUILD_FAULT_PAUSE": "1.0"})
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), "build never reached the pause point"
        # fully built and checked, not yet swapped: everyone still sees the old database
        fresh = sqlite3.connect(f"file:{v1_db}?mode=ro", uri=True)
        assert fresh.execute("select count(*) from designations where listed = 1").fetchone()[0] == old
        assert fresh.execute("select count(*) from list_observations").fetchone()[0] == 1
        fresh.close()
        assert list(workdir.glob(".tracker.db.building-*"))
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
    finally:
        if proc.poll() is None:
            proc.kill()
    # the open reader still sees its consistent old snapshot; a new connection sees the new one
    assert reader.execute("select count(*) from designations where listed = 1").fetchone()[0] == old
    assert reader.execute("select count(*) from list_observations").fetchone()[0] == 1
    reader.close()
    fresh = sqlite3.connect(f"file:{v1_db}?mode=ro", uri=True)
    assert fresh.execute("select count(*) from list_observations").fetchone()[0] == 2
    fresh.close()


@pytest.mark.slow
def test_concurrent_readers_never_see_a_partial_build(workdir, v1_db):
    """A reader hammers the database (like Datasette, opening connections as it goes) while
    builds run; every snapshot it sees must be internally consistent."""
    stop = threading.Event()
    seen, bad = [], []

    def read_loop():
        while not stop.is_set():
            try:
                conn = sqlite3.connect(f"file:{v1_db}?mode=ro", uri=True, timeout=5)
                try:
                    conn.execute("begin")
                    listed = conn.execute("select count(*) from designations where listed = 1").fetchone()[0]
                    last = conn.execute("select entries_in_scope, id from list_observations order by id desc limit 1").fetchone()
                    events = conn.execute("select count(*) from list_events where observation_id = ?", [last[1]]).fetchone()[0]
                    seen.append(last[1])
                    if listed != last[0]:
                        bad.append((listed, last))
                    if last[1] > 1 and events == 0:
                        bad.append(("no events for observation", last))
                finally:
                    conn.close()
            except sqlite3.Error as exc:
                bad.append(repr(exc))

    t = threading.Thread(target=read_loop, daemon=True)
    t.start()
    try:
        for as_of, version in [("2025-03-08", "sdn_v2"), ("2025-03-09", "sdn_v1"), ("2025-03-10", "sdn_v2")]:
            r = tracker(workdir, "import", "sdn", FAULTS / version, "--as-of", as_of)
            assert r.returncode == 0, r.stderr
    finally:
        stop.set()
        t.join(timeout=10)
    assert not bad, bad[:5]
    assert len(seen) > 10 and max(seen) == 4


@pytest.mark.slow
def test_a_second_writer_is_refused_while_one_builds(workdir, v1_db):
    marker = workdir / "paused"
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapers", "--db", str(v1_db), "import", "sdn", str(FAULTS / "sdn_v2"),
         "--as-of", "2025-03-08"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")},
             "TRACKER_BUILD_FAULT": "applied:pause", "TRACKER_BUILD_FAULT_MARKER": str(marker),
             "TRACKER_BUILD_FAULT_PAUSE": "30"})
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        r = tracker(workdir, "rebuild")
        assert r.returncode == 1 and "another tracker command is writing" in r.stderr
    finally:
        proc.kill()
        proc.wait()
    # the killed writer left the old database and a stale temp file: the next build cleans up
    assert tracker(workdir, "rebuild").returncode == 0
    assert not list(workdir.glob(".tracker.db.building-*"))


# -- in-process: failures are named and contained ---------------------------------------------
class BrokenSource(Source):
    """A stand-in second source whose parser crashes on its input."""
    name = "broken"

    def apply(self, db, batch, ctx):
        rows = {}
        return {"value": rows["missing"]}  # a KeyError, like a parser meeting unexpected markup


@pytest.fixture
def env(workdir):
    archive = Archive(workdir / "archive")
    cfg = Config()
    logs = []
    ctx = FetchContext(config=cfg, archive=archive, log=logs.append, progress=lambda m: None)
    yield workdir / "tracker.db", archive, ctx, logs
    archive.close()


def sdn_batch(archive, ctx, version="sdn_v1", as_of="2025-03-01", **opts):
    return get_source("sdn").import_paths(ctx, [FAULTS / version], FetchRequest(as_of=as_of, **opts))[0]


def test_one_source_crashing_does_not_lose_the_other_sources_data(env, monkeypatch):
    db_path, archive, ctx, logs = env
    sdn = get_source("sdn")
    monkeypatch.setattr(build_mod, "all_sources", lambda: [sdn, BrokenSource()])
    good = sdn_batch(archive, ctx)
    entry = archive.put("broken", "page", b"<html>unexpected</html>", url="https://www.justice.gov/x")
    bad = archive.new_batch("broken", "crawl")
    archive.add_to_batch(bad, entry)
    result = build_mod.build(db_path, archive, ctx, [good, bad])
    assert "broken" in result.rejected
    reason = result.rejected["broken"]
    assert "https://www.justice.gov/x" in reason and "KeyError" in reason and "test_build_atomic.py" in reason
    assert archive.batch(bad.id).status == "rejected" and archive.batch(good.id).status == "applied"
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from designations where listed = 1").fetchone()[0] == 20
    conn.close()


def test_a_source_crash_alone_fails_the_build_with_a_named_error(env, monkeypatch):
    db_path, archive, ctx, logs = env
    monkeypatch.setattr(build_mod, "all_sources", lambda: [get_source("sdn"), BrokenSource()])
    entry = archive.put("broken", "page", b"x", url="https://www.justice.gov/y")
    bad = archive.new_batch("broken", "crawl")
    archive.add_to_batch(bad, entry)
    with pytest.raises(SourceError, match=r"broken: batch \d+ \(https://www.justice.gov/y\): could not be processed: KeyError"):
        build_mod.build(db_path, archive, ctx, [bad])
    assert not db_path.exists()


def test_errors_over_the_threshold_stop_the_swap_and_name_file_and_row(env, tmp_path):
    db_path, archive, ctx, logs = env
    build_mod.build(db_path, archive, ctx, [sdn_batch(archive, ctx)])
    before = sha(db_path)
    broken = tmp_path / "2025-03-08"
    broken.mkdir()
    text = (FAULTS / "sdn_v2" / "sdn.csv").read_bytes().replace(b'90103,"QUIROGA', b'90103;"QUIROGA', 1)
    (broken / "sdn.csv").write_bytes(text)
    batch = get_source("sdn").import_paths(ctx, [broken], FetchRequest())[0]
    with pytest.raises(SourceError) as err:
        build_mod.build(db_path, archive, ctx, [batch])
    msg = str(err.value)
    # the file is named by its name and its directory's: where it lay on this machine is not
    # published (errors table)
    assert "sdn: 2025-03-08/sdn.csv, row 3" in msg and str(broken) not in msg and "--max-errors" in msg
    assert sha(db_path) == before
    assert archive.batch(batch.id).status == "rejected" and "row 3" in archive.batch(batch.id).reason


def test_errors_under_the_threshold_are_recorded_not_skipped(env, tmp_path):
    db_path, archive, ctx, logs = env
    broken = tmp_path / "2025-03-08"
    broken.mkdir()
    text = (FAULTS / "sdn_v2" / "sdn.csv").read_bytes().replace(b'90103,"QUIROGA', b'90103;"QUIROGA', 1)
    (broken / "sdn.csv").write_bytes(text)
    batch = get_source("sdn").import_paths(ctx, [broken], FetchRequest(max_errors=5))[0]
    result = build_mod.build(db_path, archive, ctx, [batch])
    assert result.errors == 1
    conn = sqlite3.connect(db_path)
    rows = conn.execute("select source, location, row, reason, batch_id from errors").fetchall()
    conn.close()
    assert [r[:3] + r[4:] for r in rows] == [("sdn", "2025-03-08/sdn.csv", "3", batch.id)]
    assert "90103;" in rows[0][3] and "not a number" in rows[0][3]


def test_config_max_errors_is_the_default_threshold(env, tmp_path):
    db_path, archive, ctx, logs = env
    ctx.config = ctx.config.replace(max_errors=3)
    broken = tmp_path / "2025-03-08"
    broken.mkdir()
    text = (FAULTS / "sdn_v2" / "sdn.csv").read_bytes().replace(b'90103,"QUIROGA', b'90103;"QUIROGA', 1)
    (broken / "sdn.csv").write_bytes(text)
    batch = get_source("sdn").import_paths(ctx, [broken], FetchRequest())[0]
    assert build_mod.build(db_path, archive, ctx, [batch]).errors == 1


def test_count_assertions_from_the_source_metadata(env, monkeypatch):
    db_path, archive, ctx, logs = env
    sdn = get_source("sdn")
    build_mod.build(db_path, archive, ctx, [sdn_batch(archive, ctx)])
    before = sha(db_path)
    real = sdn.metadata()
    monkeypatch.setattr(type(sdn), "metadata", lambda self: {**real, "assertions": {**real["assertions"], "counts": [
        {"table": "designations", "where": "listed = 1", "min": 25, "what": "tracked designations"},
        {"table": "aliases", "max": 3}]}})
    batch = sdn_batch(archive, ctx, "sdn_v2", "2025-03-08")
    with pytest.raises(AssertionsFailed) as err:
        build_mod.build(db_path, archive, ctx, [batch])
    failures = err.value.failures
    assert "sdn: tracked designations: 21, fewer than the minimum 25" in failures
    assert any(f.startswith("sdn: aliases: ") and "more than the maximum 3" in f for f in failures)
    assert sha(db_path) == before and archive.batch(batch.id).status == "rejected"


def test_the_database_records_which_batches_it_holds(env):
    db_path, archive, ctx, logs = env
    a = sdn_batch(archive, ctx)
    build_mod.build(db_path, archive, ctx, [a])
    b = sdn_batch(archive, ctx, "sdn_v2", "2025-03-08")
    build_mod.build(db_path, archive, ctx, [b])
    assert build_mod.applied_batch_ids(db_path) == {a.id, b.id}
    conn = sqlite3.connect(db_path)
    assert json.loads(conn.execute("select value from build_info where key='batches'").fetchone()[0]) == [a.id, b.id]
    conn.close()


@pytest.mark.slow
def test_a_running_datasette_never_sees_a_partial_build(workdir, v1_db):
    """The served Datasette (immutable, as `tracker serve` runs it) keeps answering during
    swaps; every answer comes from one complete database. (Its open connections keep
    reading the database they opened: a running server shows a new build after a restart.)"""
    import asyncio

    from scrapers.publish.serve import make_datasette

    ds = make_datasette(v1_db, metadata=None)
    sql = ("select (select count(*) from designations where listed = 1),"
           " (select entries_in_scope from list_observations order by id desc limit 1),"
           " (select count(*) from list_observations)")
    stop = threading.Event()
    answers, bad = [], []

    async def poll():
        while not stop.is_set():
            resp = await ds.client.get(f"/tracker.json?sql={sql}&_shape=array&_nl=on")
            if resp.status_code != 200:
                bad.append((resp.status_code, resp.text[:200]))
                continue
            row = list(json.loads(resp.text.splitlines()[0]).values())
            answers.append(row[2])
            if row[0] != row[1]:
                bad.append(row)
            await asyncio.sleep(0.005)

    t = threading.Thread(target=lambda: asyncio.run(poll()), daemon=True)
    t.start()
    try:
        for as_of, version in [("2025-03-08", "sdn_v2"), ("2025-03-09", "sdn_v1"), ("2025-03-10", "sdn_v2")]:
            r = tracker(workdir, "import", "sdn", FAULTS / version, "--as-of", as_of)
            assert r.returncode == 0, r.stderr
    finally:
        stop.set()
        t.join(timeout=10)
    assert not bad, bad[:5]
    assert len(answers) > 10
