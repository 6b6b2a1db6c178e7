"""`tracker update --source doj` against a local stand-in of DOJ's API (scrapers/fakeweb/doj_api.py,
synthetic releases): paging, stop-at-known, changed releases, pages shifting during a walk,
resuming a killed backfill, extending a backfill, rate limit, rebuild."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from scrapers.db import content_hashes
from scrapers.fakeweb.doj_api import FakeDojApi
from scrapers.sources.doj.classify import classify
from scrapers.sources.doj.htmltext import blocks_text, html_to_blocks

FAST = ("--rate", "1000")


@pytest.fixture
def api():
    with FakeDojApi(n=600, per_day=60, fentanyl_share=0.3) as server:
        yield server


def env_for(api) -> dict:
    return {"TRACKER_BASE_URLS": f"https://www.justice.gov={api.url},https://justice.gov={api.url}"}


def ids(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("select id from press_releases where agency = 'DOJ' order by id")]
    finally:
        con.close()


def scalar(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def fentanyl_ids(items) -> set[str]:
    out = set()
    for it in items:
        if classify(it["title"], blocks_text(html_to_blocks(it["body"])), raw=it["body"]).mentions_fentanyl:
            out.add("doj:" + it["uuid"])
    return out


def test_backfill_reads_pages_until_a_release_before_since(run_cli, workdir, api):
    # 60 releases a day, newest day 2025-06-30: 180 releases since 2025-06-28 = pages 0-3
    res = run_cli("update", "--source", "doj", "--since", "2025-06-28", *FAST, env=env_for(api))
    assert api.pages_requested() == [0, 1, 2, 3]
    expected = fentanyl_ids(api.item_at(p) for p in range(200))
    assert set(ids(workdir / "tracker.db")) == expected and expected
    assert "page(s) done" in res.stderr and "fentanyl-related kept" in res.stderr and "ETA" in res.stderr


def test_no_change_update_costs_one_request_and_no_build(run_cli, workdir, api):
    run_cli("update", "--source", "doj", "--since", "2025-06-29", *FAST, env=env_for(api))
    before = content_hashes(workdir / "tracker.db")
    mtime = (workdir / "tracker.db").stat().st_mtime_ns
    api.requests.clear()
    res = run_cli("update", "--source", "doj", *FAST, env=env_for(api))
    assert api.pages_requested() == [0]
    assert "Nothing new" in res.output and "nothing new (1 page(s) read)" in res.stderr
    assert (workdir / "tracker.db").stat().st_mtime_ns == mtime
    assert content_hashes(workdir / "tracker.db") == before
    # and again: the frontier of the last walk that changed something still holds
    api.requests.clear()
    run_cli("update", "--source", "doj", *FAST, env=env_for(api))
    assert api.pages_requested() == [0]


def test_new_and_changed_releases_are_read_incrementally(run_cli, workdir, api):
    db = workdir / "tracker.db"
    run_cli("update", "--source", "doj", "--since", "2025-06-29", *FAST, env=env_for(api))
    edited = next(i for i in range(30) if "doj:" + api.item_at(i)["uuid"] in ids(db))
    new = api.publish(2)
    api.modify(edited + 2)                     # positions moved down by the 2 new releases
    api.requests.clear()
    run_cli("update", "--source", "doj", *FAST, env=env_for(api))
    assert api.pages_requested() == [0]
    got = set(ids(db))
    assert {"doj:" + n["uuid"] for n in new} <= got
    rid = "doj:" + api.item_at(edited + 2)["uuid"]
    assert "Updated (version 1)" in scalar(db, "select body_text from press_releases where id = ?", rid)
    assert scalar(db, "select count(*) from press_releases") == len(got)


def test_pages_shifting_during_a_walk_lose_and_duplicate_nothing(run_cli, workdir, api):
    db = workdir / "tracker.db"
    original = [api.item_at(p) for p in range(api.count)]
    api.before[2] = lambda: api.publish(7)     # 7 releases appear on top while we read page 2
    run_cli("update", "--source", "doj", "--since", "2025-06-27", *FAST, env=env_for(api))
    # 240 releases since 2025-06-27 were on the list when the walk started; all were read
    assert fentanyl_ids(original[:240]) <= set(ids(db))
    # the 7 published meanwhile come with the next (incremental) update, on page 0
    api.requests.clear()
    run_cli("update", "--source", "doj", *FAST, env=env_for(api))
    assert api.pages_requested() == [0]
    assert fentanyl_ids(api.item_at(p) for p in range(7)) <= set(ids(db))
    assert scalar(db, "select count(*) from press_releases") == scalar(db, "select count(distinct id) from press_releases")


def test_a_page_with_no_items_fails_loudly_naming_the_url(run_cli, workdir, api):
    api.empty.add(1)
    res = run_cli("update", "--source", "doj", "--since", "2025-06-28", *FAST, env=env_for(api), expect=1)
    text = res.output + res.stderr
    assert "press_releases.json" in text and "page=1" in text and "no releases" in text


def test_extending_a_backfill_seeks_instead_of_rereading(run_cli, workdir, api):
    db = workdir / "tracker.db"
    run_cli("update", "--source", "doj", "--since", "2025-06-29", *FAST, env=env_for(api))   # pages 0-2
    api.publish(3)
    api.requests.clear()
    run_cli("update", "--source", "doj", "--since", "2025-06-26", *FAST, env=env_for(api))
    pages = api.pages_requested()
    # page 0 for what is new, then straight to where the first walk stopped (~position 123)
    assert pages[0] == 0 and 1 not in pages and pages[1] == 2
    assert pages == sorted(set(pages))        # nothing read twice
    assert fentanyl_ids(api.item_at(p) for p in range(3, 3 + 300)) <= set(ids(db))


def test_rate_limit_is_respected(run_cli, workdir, api):
    started = time.monotonic()
    run_cli("update", "--source", "doj", "--since", "2025-06-28", "--rate", "10", env=env_for(api))
    elapsed = time.monotonic() - started
    assert len(api.pages_requested()) == 4
    assert elapsed >= 0.3 * 0.95              # 3 gaps of 1/10 s between 4 requests


def test_rebuild_reproduces_the_walked_tables(run_cli, workdir, api):
    db = workdir / "tracker.db"
    run_cli("update", "--source", "doj", "--since", "2025-06-29", *FAST, env=env_for(api))
    api.publish(4)
    api.modify(9)
    run_cli("update", "--source", "doj", *FAST, env=env_for(api))
    before = content_hashes(db)
    run_cli("rebuild")
    after = content_hashes(db)
    for table in ("press_releases", "prosecutions", "defendants", "link_candidates"):
        assert after[table] == before[table], table


def test_a_page_archived_just_before_a_kill_is_not_fetched_again(workdir, api, monkeypatch):
    """Killed between archiving page 2 and recording it in the walk's batch: the next run
    takes page 2 from the archive."""
    from scrapers.archive import Archive
    from scrapers.config import Config
    from scrapers.http import HttpClient
    from scrapers.sources import FetchContext, FetchRequest
    from scrapers.sources.doj.source import DojSource

    cfg = Config(base_urls={"https://www.justice.gov": api.url, "https://justice.gov": api.url})
    archive = Archive(workdir / "archive")
    ctx = FetchContext(config=cfg, archive=archive, log=lambda m: None, progress=lambda m: None)
    ctx.http = HttpClient(cfg, archive)
    source = DojSource()
    real = Archive.add_to_batch
    calls = {"n": 0}

    def dying(self, batch, entry, role=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, batch, entry, role)

    monkeypatch.setattr(Archive, "add_to_batch", dying)
    with pytest.raises(KeyboardInterrupt):
        source.fetch(ctx, FetchRequest(since="2025-06-28", rate=1000))
    monkeypatch.setattr(Archive, "add_to_batch", real)
    assert api.pages_requested() == [0, 1, 2]
    batches = source.fetch(ctx, FetchRequest(since="2025-06-28", rate=1000))
    assert api.pages_requested() == [0, 1, 2, 3]
    (batch,) = batches
    assert [e.role for e in archive.items(batch)] == ["page:0", "page:1", "page:2", "page:3"]
    assert batch.meta["complete"] and batch.meta["pages"] == 4


@pytest.mark.slow
def test_resume_after_the_process_is_killed_mid_backfill(workdir):
    """A real kill (SIGKILL) of `python -m scrapers update --source doj` while it waits for
    page 4; new releases are published meanwhile; the rerun requests no page twice and the
    database ends with every release exactly once."""
    with FakeDojApi(n=1200, per_day=60, fentanyl_share=0.3) as api:
        env = dict(os.environ, **env_for(api))
        env.pop("TRACKER_PROGRAMS", None)
        db = workdir / "tracker.db"
        cmd = [sys.executable, "-m", "scrapers", "--db", str(db), "update", "--source", "doj",
               "--since", "2025-06-23", "--rate", "200"]
        original = [api.item_at(p) for p in range(api.count)]
        release_hold = api.hold_page(4)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        assert api.held.wait(30), "the walk never reached page 4"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        release_hold.set()
        assert not db.exists()                 # killed before any build
        api.publish(5)                         # the list shifts before the rerun
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "resuming the walk" in done.stderr
        requested = api.pages_requested()
        served = api.pages_served()
        assert requested[:5] == [0, 1, 2, 3, 4]          # 4: the request the kill interrupted
        assert len(served) == len(set(served))            # no page served twice
        assert served[:4] == [0, 1, 2, 3] and served[4] == 4
        # every release since 2025-06-23 as the list stood when the walk began: 480 = pages 0-9
        expected = fentanyl_ids(original[:480])
        got = ids(db)
        assert expected <= set(got) and len(got) == len(set(got))
        assert scalar(db, "select count(*) from errors") == 0
        # the 5 published meanwhile arrive with the next update
        done = subprocess.run(cmd[:-4] + ["--rate", "200"], env=env, capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 0, done.stderr
        assert fentanyl_ids(api.item_at(p) for p in range(5)) <= set(ids(db))


def test_a_failed_page_leaves_a_walk_that_the_next_run_resumes(run_cli, workdir, api):
    (workdir / "tracker.toml").write_text("[http]\nretries = 0\n")
    api.fail[2] = 503
    res = run_cli("update", "--source", "doj", "--since", "2025-06-28", *FAST, env=env_for(api), expect=1)
    assert "doj: unreachable or failed" in res.output + res.stderr
    assert api.pages_requested() == [0, 1, 2]
    res = run_cli("update", "--source", "doj", "--since", "2025-06-28", *FAST, env=env_for(api))
    assert "resuming the walk" in res.stderr
    assert api.pages_requested() == [0, 1, 2, 2, 3]       # 2 again (it failed), nothing else twice
    assert set(ids(workdir / "tracker.db")) == fentanyl_ids(api.item_at(p) for p in range(200))
    status = run_cli("status")
    assert "doj" in status.output


def test_the_live_api_is_never_asked_more_than_4_times_a_second():
    from scrapers.config import Config
    from scrapers.http import HttpClient
    from scrapers.sources import FetchContext
    from scrapers.sources.doj.source import DojSource

    said = []
    cfg = Config()
    http = HttpClient(cfg, None)
    DojSource()._configure_rate(FetchContext(config=cfg, archive=None, log=said.append, progress=said.append,
                                             http=http), 10)
    assert http.rate("www.justice.gov") == http.rate("justice.gov") == 4.0
    assert "more than DOJ allows" in said[0]
    assert cfg.rate_limits["www.justice.gov"] == 2.0          # the settings stay as loaded
    http = HttpClient(cfg, None)
    DojSource()._configure_rate(FetchContext(config=cfg, archive=None, log=said.append, progress=said.append,
                                             http=http), None)
    assert http.rate("www.justice.gov") == 2.0          # the default


@pytest.mark.slow
def test_killed_between_two_requests_no_page_is_requested_twice(workdir):
    """SIGKILL while the walk waits for its next request slot (rate 4/s): the rerun starts at
    the next page; the server sees every page exactly once."""
    with FakeDojApi(n=900, per_day=60, fentanyl_share=0.3) as api:
        env = dict(os.environ, **env_for(api))
        db = workdir / "tracker.db"
        cmd = [sys.executable, "-m", "scrapers", "--db", str(db), "update", "--source", "doj",
               "--since", "2025-06-25", "--rate", "4"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        deadline = time.monotonic() + 60
        while 3 not in api.pages_served() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.1)                        # page 3 archived; the next slot is ~0.15 s away
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        assert api.pages_requested() == [0, 1, 2, 3]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        requested = api.pages_requested()
        assert requested == list(range(8))         # 360 releases since 2025-06-25: pages 0-7, each once
        assert fentanyl_ids(api.item_at(p) for p in range(400)) <= set(ids(db))
