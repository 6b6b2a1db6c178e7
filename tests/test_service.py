"""`tracker run` as a service (scrapers/service.py): the sources fetched at once, the site
answering before the backfills end with every page saying what is still loading, parts of
the backfills built as they arrive and superseded by their whole batch (a rebuild replays the
whole alone and gives the same database), a run killed mid-backfill converging on the next
one, a failed update that leaves the site serving and saying so.

Local stand-ins: scrapers/fakeweb/sources.py (SYNTHETIC data), scaled down."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from faultmatrix import compare_rows, rows_by_key

from scrapers.archive import Archive
from scrapers.cli import cli
from scrapers.config import load_config
from scrapers.db import content_hashes
from scrapers.fakeweb.sources import FakeSources, free_port
from scrapers.publish.progress import Board, inject, loading_lines, notice_html
from scrapers.service import Schedule, Service, parse_duration

ROOT = Path(__file__).resolve().parent.parent
NEWEST = "2026-11-30"
SINCE = "2026-09-15"
# columns that say when, or under which archive batch, not what
VOLATILE = {"press_releases": {"fetched_at"}, "list_observations": {"id", "batch_id"},
            "list_events": {"observation_id"}}


MAIN = ("sdn", "treasury", "doj")   # the sources the stand-ins serve (not the dates sources)
BROKEN = 120     # the DOJ release at this position has no valid uuid: an input problem, recorded


def stand_ins(**kw) -> FakeSources:
    """SYNTHETIC sources: 300 SDN entries; 40 Treasury releases and 3,000 DOJ releases (30 a
    day) back from NEWEST, of which the backfill to SINCE reads 33 and 2,280 (46 API pages);
    one DOJ release (on page 2) is broken."""
    args = dict(sdn_entries=300, treasury_releases=40, doj_releases=3000, newest=NEWEST,
                treasury_oldest="2026-08-20", doj_per_day=30)
    site = FakeSources(**{**args, **kw})
    item_at = site.doj.item_at

    def with_a_broken_item(pos: int) -> dict:
        item = item_at(pos)
        return dict(item, uuid="not-a-uuid", title=item["title"] + " (fentanyl)") if pos == BROKEN else item

    site.doj.item_at = with_a_broken_item
    return site


def write_config(workdir: Path, site: FakeSources, *, rate: float = 8.0, part_seconds: float = 1.0) -> None:
    bases = ", ".join(f'"{live}" = "{local}"' for live, local in site.base_urls.items())
    hosts = ("www.justice.gov", "justice.gov", "home.treasury.gov", "ofac.treasury.gov")
    rates = ", ".join(f'"{h}" = {rate}' for h in hosts)
    (workdir / "tracker.toml").write_text(
        f'[http]\nbase_urls = {{ {bases} }}\nrate_limits = {{ {rates}, "sanctionslistservice.ofac.treas.gov" = 50 }}\n'
        f'retries = 1\nbackoff = 0.01\n[doj]\nsince = "{SINCE}"\n[treasury]\nsince = "{SINCE}"\n'
        f"[run]\npart_seconds = {part_seconds}\nbuild_gap = 0.5\nstatus_seconds = 2\n[build]\nmax_errors = 5\n")


def tracker(workdir: Path, *args, expect: int | None = 0):
    result = CliRunner().invoke(cli, ["--db", str(workdir / "tracker.db"), *map(str, args)], catch_exceptions=False)
    if expect is not None:
        assert result.exit_code == expect, result.output
    return result


class RecordingBoard(Board):
    def __init__(self):
        super().__init__()
        self.history: list[dict] = []

    def set(self, state: dict) -> None:
        super().set(state)
        self.history.append(self.snapshot())


def batches(workdir: Path) -> list[tuple]:
    """(id, source, kind, status, meta) of every archive batch (none while the index is created)."""
    try:
        conn = sqlite3.connect(f"file:{workdir / 'archive' / 'index.sqlite'}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return conn.execute("select id, source, kind, status, meta from batches order by id").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def converged(got: Path, ref: Path) -> tuple[int, int, int]:
    return compare_rows(rows_by_key(got, VOLATILE), rows_by_key(ref, VOLATILE))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The same sources read by a plain `tracker update` (no parts): what every run must reach."""
    work = tmp_path_factory.mktemp("reference")
    with stand_ins() as site:
        write_config(work, site, rate=0)
        tracker(work, "update", *[a for name in MAIN for a in ("--source", name)])
    return work / "tracker.db"


# -- pieces ---------------------------------------------------------------------------------------------
def test_update_every_takes_durations():
    assert parse_duration("6h") == 21600 and parse_duration("30m") == 1800 and parse_duration("1h30m") == 5400
    assert parse_duration("900") == 900 and parse_duration("0") == 0 and parse_duration("1d") == 86400
    for bad in ("soon", "6x", "h", "-5m"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_a_part_is_superseded_when_its_whole_batch_is_applied(tmp_path):
    archive = Archive(tmp_path / "archive")
    whole = archive.new_batch("doj", "walk", None, {})
    part1 = archive.new_batch("doj", "walk-part", None, {"part_of": whole.id})
    part2 = archive.new_batch("doj", "walk-part", None, {"part_of": whole.id})
    archive.update_batch_meta(whole, parts=[part1.id, part2.id])
    assert archive.set_applied([part1.id]) == []
    stale_copy = archive.batch(whole.id)
    archive.update_batch_meta(stale_copy, complete=True)            # merged with what is stored
    assert archive.batch(whole.id).meta["parts"] == [part1.id, part2.id]
    assert archive.set_applied([whole.id]) == [part1.id, part2.id]
    assert [b.id for b in archive.batches("doj")] == [whole.id]     # a rebuild replays the whole alone
    assert {archive.batch(p).status for p in (part1.id, part2.id)} == {"superseded"}
    late = archive.new_batch("doj", "walk-part", None, {"part_of": whole.id})
    assert archive.set_applied([late.id]) == [late.id]              # recovered after its whole: superseded


def test_one_update_at_a_time(tmp_path):
    """A `tracker update` while a cycle of `tracker run` fetches (or the other way round) is
    refused at once: two walks resuming the same checkpoint would both add pages to it."""
    from scrapers.build import update_lock

    board = RecordingBoard()
    with update_lock(tmp_path / "tracker.db"):
        result = tracker(tmp_path, "update", expect=1)
        assert "another tracker command is updating" in result.output
        service = Service(tmp_path / "tracker.db", tmp_path / "archive", load_config(None, tmp_path / "tracker.db"),
                          log=lambda m: None, progress=lambda m: None, board=board)
        assert service.run_cycle() is False
    assert "another tracker command is updating" in notice_html(board.snapshot())


def test_sources_on_one_host_share_its_rate_limit():
    """Each source has its own HTTP client; those fetched at once on the same host (the SDN
    list, its enhanced XML, its delta files) keep to the host's limit together."""
    import threading

    from scrapers.config import Config
    from scrapers.service import _SharedSlots

    cfg = Config(rate_limits={"sanctionslistservice.ofac.treas.gov": 20.0, "www.justice.gov": 20.0},
                 base_urls={"https://sanctionslistservice.ofac.treas.gov": "http://127.0.0.1:9/sls"})
    slots = _SharedSlots(cfg, threading.Event())
    assert slots.live_host("http://127.0.0.1:9/sls/api/x") == "sanctionslistservice.ofac.treas.gov"

    def timed(urls_per_thread) -> float:
        started = time.monotonic()
        threads = [threading.Thread(target=lambda u=u: [slots.take(u) for _ in range(10)]) for u in urls_per_thread]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.monotonic() - started

    same = timed(["http://127.0.0.1:9/sls/a", "https://sanctionslistservice.ofac.treas.gov/b"])
    apart = timed(["http://127.0.0.1:9/sls/c", "https://www.justice.gov/d"])
    assert same >= 19 / 20 - 0.05          # 20 requests to one host at 20/s
    assert apart < 0.8 * same              # two hosts: side by side


def test_the_notice_says_what_is_loading_and_goes_on_every_page():
    state = {"as_of": "2026-12-06T14:03:10Z", "loading": [
        {"source": "doj", "label": "DOJ press releases", "since": "2021-01-01", "reached": "2023-03-02",
         "share": 0.38, "eta_seconds": 300},
        {"source": "treasury", "label": "Treasury press releases", "since": "2021-12-15", "reached": None}]}
    assert loading_lines(state) == ["DOJ press releases: back to 2023-03-02 of 2021-01-01..today, 38% (about 5m00s left)",
                                    "Treasury press releases: starting (back to 2021-12-15)"]
    html = notice_html(state)
    assert "Still loading" in html and "14:03 UTC" in html and "38%" in html
    assert notice_html({}) == "" and notice_html({"loading": []}) == ""
    failed = notice_html({"failed": [{"source": "doj", "why": "unreachable <x>"}], "failed_at": "2026-12-06T15:00:00Z",
                          "stale": "Serving data last built 2026-12-06T14:00:00Z."})
    assert "Stale data" in failed and "unreachable &lt;x&gt;" in failed and "last built" in failed
    page = b'<html><body class="x"><header>nav</header>\n<main class="content">rows</main></body></html>'
    assert inject(page, b"<p>N</p>") == (b'<html><body class="x"><header>nav</header>\n<p>N</p>\n'
                                         b'<main class="content">rows</main></body></html>')
    page = b'<html><body class="x"><div>nav</div>\n<section class="content">rows</section></body></html>'
    assert inject(page, b"<p>N</p>") == (b'<html><body class="x"><div>nav</div>\n<p>N</p>\n'
                                         b'<section class="content">rows</section></body></html>')
    assert inject(b"<html><body><main>x</main></body></html>", b"<p>N</p>") == \
        b"<html><body>\n<p>N</p><main>x</main></body></html>"


def test_a_cached_page_gets_the_current_notice(tmp_path, fixtures):
    import asyncio

    from scrapers.publish.progress import BOARD
    from scrapers.publish.serve import make_datasette

    tracker(tmp_path, "import", "sdn", fixtures / "sdn" / "2024-01-02")
    ds = make_datasette(tmp_path / "tracker.db")
    loading = {"as_of": "2026-12-06T14:03:10Z", "loading": [
        {"source": "doj", "label": "DOJ press releases", "since": "2021-01-01", "reached": "2023-03-02", "share": 0.38}]}

    async def pages():
        out = []
        BOARD.set(loading)
        for _ in range(2):
            out.append(await ds.client.get("/tracker/designations"))
        BOARD.set({**loading, "loading": [{**loading["loading"][0], "reached": "2022-01-05", "share": 0.8}]})
        out.append(await ds.client.get("/tracker/designations"))
        BOARD.clear()
        out.append(await ds.client.get("/tracker/designations"))
        out.append(await ds.client.get("/-/tracker-loading.json"))
        return out

    try:
        first, second, third, done, status = asyncio.run(pages())
    finally:
        BOARD.clear()
    assert [r.headers.get("x-tracker-cache") for r in (first, second, third, done)] == ["miss", "hit", "hit", "hit"]
    assert "back to 2023-03-02" in first.text and "back to 2023-03-02" in second.text
    assert "back to 2022-01-05" in third.text and "Still loading" not in done.text
    assert status.json()["lines"] == [] and status.headers["cache-control"] == "no-store"


# -- a whole cycle, in process --------------------------------------------------------------------------
@pytest.mark.slow
def test_a_cycle_builds_parts_as_they_arrive_and_ends_with_the_database_of_a_plain_update(tmp_path, reference,
                                                                                          monkeypatch):
    import scrapers.build

    board = RecordingBoard()
    adopted = []
    adopt = scrapers.build._adopt_parts

    def spy(db, source, whole, ctx):
        adopted.append(source.name)
        return adopt(db, source, whole, ctx)

    monkeypatch.setattr(scrapers.build, "_adopt_parts", spy)
    with stand_ins() as site:
        # (10 requests a second: the DOJ walk takes some seconds, so a part is built before the whole even when a
        # loaded machine makes each build slow; at 25 a second one loaded run saw parts and whole land together)
        write_config(tmp_path, site, rate=10, part_seconds=0.5)
        cfg = load_config(None, tmp_path / "tracker.db")
        service = Service(tmp_path / "tracker.db", tmp_path / "archive", cfg, log=print, progress=print, board=board,
                          sources=MAIN,
                          schedule=Schedule(update_every=0, part_seconds=0.5, build_gap=0.3, status_seconds=1))
        assert service.run_cycle() is True
        doj_pages = [p for _h, p, s in site.requests() if p.startswith("/api/v1/press_releases.json") and s == 200]
    assert service.builds >= 3
    assert sorted(adopted) == ["doj", "treasury"]     # each whole adopted its parts, not applied again
    # parts of both backfills were built and shown, then superseded by their whole batch
    kinds = {(source, kind, status) for _id, source, kind, status, _meta in batches(tmp_path)}
    assert ("doj", "walk-part", "superseded") in kinds and ("treasury", "crawl-part", "superseded") in kinds
    assert not any(k.endswith("-part") and st != "superseded" for _s, k, st in kinds)
    shown = [l for state in board.history for l in loading_lines(state)]
    assert any(l.startswith("DOJ press releases: back to") and "%" in l for l in shown), shown
    # Treasury was shown loading; how far back it got shows only if one of its parts was built
    # before its whole batch (on a loaded machine both can land in the same build)
    assert any(l.startswith("Treasury press releases: ") for l in shown), shown
    assert loading_lines(board.history[-1]) == [] and board.history[-1]["updating"] is False
    assert len(doj_pages) == len(set(doj_pages))                  # no API page fetched twice
    # the same rows as a plain update (the broken release recorded once, not once per part and
    # once for the whole); a rebuild from the archive gives this database exactly
    errors = sqlite3.connect(tmp_path / "tracker.db").execute("select source, reason from errors").fetchall()
    assert len(errors) == 1 and errors[0][0] == "doj" and "uuid" in errors[0][1], errors
    assert converged(tmp_path / "tracker.db", reference) == (0, 0, 0)
    served = content_hashes(tmp_path / "tracker.db")
    tracker(tmp_path, "rebuild")
    assert content_hashes(tmp_path / "tracker.db") == served


@pytest.mark.slow
def test_pages_shifting_under_a_walk_built_in_parts(tmp_path, monkeypatch):
    """Releases published while the walk goes on shift the pages under it: a release read
    twice, in two parts, is stored once; the whole adopts its parts; after the next
    (incremental) cycle the database holds what a plain update of the same API holds, and a
    rebuild gives it exactly."""
    import scrapers.build

    adopted = []
    adopt = scrapers.build._adopt_parts
    monkeypatch.setattr(scrapers.build, "_adopt_parts",
                        lambda db, source, whole, ctx: adopted.append(source.name) or adopt(db, source, whole, ctx))
    with stand_ins(treasury_releases=12, doj_releases=1200) as site:     # 24 API pages, to the end of the list
        (tmp_path / "a").mkdir()
        write_config(tmp_path / "a", site, rate=25, part_seconds=0.3)
        for page in (4, 9, 15):
            site.doj.before[page] = lambda: site.doj.publish(7)      # new releases on top: pages shift
        service = Service(tmp_path / "a" / "tracker.db", tmp_path / "a" / "archive",
                          load_config(None, tmp_path / "a" / "tracker.db"), log=print, progress=print, sources=MAIN,
                          board=RecordingBoard(), schedule=Schedule(update_every=0, part_seconds=0.3, build_gap=0.2))
        assert service.run_cycle() is True and service.run_cycle() is True
        (tmp_path / "b").mkdir()
        write_config(tmp_path / "b", site, rate=0)
        tracker(tmp_path / "b", "update", *[a for name in MAIN for a in ("--source", name)])
    assert "doj" in adopted
    # the same rows, each release read from a page as it stood when this run read it
    volatile = {**VOLATILE, "press_releases": {"fetched_at", "archive_sha256"}}
    assert compare_rows(rows_by_key(tmp_path / "a" / "tracker.db", volatile),
                        rows_by_key(tmp_path / "b" / "tracker.db", volatile)) == (0, 0, 0)
    served = content_hashes(tmp_path / "a" / "tracker.db")
    tracker(tmp_path / "a", "rebuild")
    assert content_hashes(tmp_path / "a" / "tracker.db") == served


@pytest.mark.slow
def test_a_fetch_failing_mid_backfill_keeps_what_was_built_and_the_next_cycle_converges(tmp_path, reference):
    board = RecordingBoard()
    with stand_ins() as site:
        write_config(tmp_path, site, rate=25, part_seconds=0.5)
        cfg = load_config(None, tmp_path / "tracker.db")
        service = Service(tmp_path / "tracker.db", tmp_path / "archive", cfg, log=print, progress=print, board=board,
                          sources=MAIN,
                          schedule=Schedule(update_every=0, part_seconds=0.5, build_gap=0.3, status_seconds=1))
        site.doj.empty.add(30)      # page 30 comes back without its releases: the walk stops there
        assert service.run_cycle() is False
        failed = board.snapshot()
        built = sqlite3.connect(tmp_path / "tracker.db").execute(
            "select count(*) from press_releases where agency = 'DOJ'").fetchone()[0]
        site.doj.empty.clear()
        assert service.run_cycle() is True
    assert built > 0                                   # the parts before the failure stayed in
    notice = notice_html(failed)
    assert "doj: unreachable or failed" in notice and "page 30" in notice and "Stale data" in notice
    assert "DOJ press releases: back to" in notice     # and how far the loaded data goes
    assert notice_html(board.snapshot()) == ""
    assert converged(tmp_path / "tracker.db", reference) == (0, 0, 0)


# -- tracker run, end to end ------------------------------------------------------------------------------
def start_run(workdir: Path, port: int, env_extra: dict | None = None, **popen) -> subprocess.Popen:
    """`tracker run --update-every 0` in a process of its own (tracker.toml in `workdir`)."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}, **(env_extra or {})}
    return subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(workdir / "tracker.db"), "run",
                             "--port", str(port), "--update-every", "0",
                             *[a for name in MAIN for a in ("--source", name)]], cwd=ROOT, env=env, **popen)


def _get(url: str, timeout: float = 2.0) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.status, resp.read().decode("utf-8", "replace")


@pytest.mark.slow
def test_the_site_answers_before_the_backfill_ends_and_its_pages_show_progress(tmp_path, reference):
    port = free_port()
    with stand_ins() as site:
        write_config(tmp_path, site, rate=6, part_seconds=1.0)
        started = time.monotonic()
        proc = start_run(tmp_path, port, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first_page = progress_page = finished = None
        try:
            while time.monotonic() - started < 120 and proc.poll() is None:
                try:
                    status, page = _get(f"http://127.0.0.1:{port}/tracker/press_releases")
                    _, raw = _get(f"http://127.0.0.1:{port}/-/tracker-loading.json")
                except OSError:
                    time.sleep(0.2)
                    continue
                now = time.monotonic() - started
                first_page = first_page if first_page is not None else now
                state = json.loads(raw)
                if progress_page is None and "DOJ press releases: back to" in page:
                    progress_page = page
                if not state["updating"] and not state["lines"]:
                    finished = now
                    break
                time.sleep(0.3)
        finally:
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=60)
    assert first_page is not None and finished is not None, out
    print(f"first page after {first_page:.1f}s, backfill over after {finished:.1f}s")
    assert first_page < finished - 3, (first_page, finished, out)       # serving well before the end
    assert progress_page is not None, out
    assert "Still loading" in progress_page and "of 2026-09-15..today" in progress_page
    assert proc.returncode == 0, out
    # the terminal: counts and ETA, a line per build, not a line per release
    assert "ETA" in out and "Database updated" in out
    assert not any(line.startswith("treasury: sx") for line in out.splitlines()), out
    assert converged(tmp_path / "tracker.db", reference) == (0, 0, 0)


@pytest.mark.slow
def test_sigterm_stops_a_run_as_ctrl_c_does(tmp_path):
    """A service manager stops `tracker run` with SIGTERM: the site shuts down, the fetches end
    at their next request, a build under way finishes (no batch left `building`), the
    temporary metadata goes, and the exit status is 0 -- as on Ctrl-C. (uvicorn raises the
    signal again after its shutdown: with the default handler that killed the process there.)"""
    port = free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with stand_ins() as site:
        write_config(tmp_path, site, rate=6, part_seconds=1.0)
        proc = start_run(tmp_path, port, {"TMPDIR": str(tmp)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if _get(f"http://127.0.0.1:{port}/tracker/press_releases")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("the site did not answer within 60 s")
            time.sleep(1.5)               # the backfill under way
        finally:
            proc.terminate()
            out, _ = proc.communicate(timeout=90)
    assert proc.returncode == 0, out
    assert list(tmp.iterdir()) == [], out
    assert not [b for b in batches(tmp_path) if b[3] == "building"], out


@pytest.mark.slow
def test_a_run_killed_mid_backfill_converges_on_the_next_one(tmp_path, reference):
    port = free_port()
    with stand_ins() as site:
        write_config(tmp_path, site, rate=6, part_seconds=1.0)
        tmp = tmp_path / "tmp"    # (SIGKILL leaves the served metadata's temporary directory: here, not in /tmp)
        tmp.mkdir()
        proc = start_run(tmp_path, port, {"TMPDIR": str(tmp)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if any(s == "doj" and k == "walk-part" and st == "applied"
                                          for _i, s, k, st, _m in batches(tmp_path)):
                    break
                time.sleep(0.2)
            else:
                pytest.fail("no DOJ part was built within 60 s")
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
        mark = site.mark()
        result = tracker(tmp_path, "update", *[a for name in MAIN for a in ("--source", name)])
        assert "resuming the walk" in result.output, result.output
        again = site.requests(mark)
    pages = [int(p.rsplit("page=", 1)[1]) for _h, p, _s in again if p.startswith("/api/v1/press_releases.json")]
    assert pages and len(pages) == len(set(pages)) and min(pages) > 0      # resumed where it stopped
    assert converged(tmp_path / "tracker.db", reference) == (0, 0, 0)
    assert not any(k.endswith("-part") and st not in ("superseded",) for _i, _s, k, st, _m in batches(tmp_path)
                   if _s == "doj")
    served = content_hashes(tmp_path / "tracker.db")
    tracker(tmp_path, "rebuild")
    assert content_hashes(tmp_path / "tracker.db") == served
