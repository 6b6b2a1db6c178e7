"""The fault matrix, serving side: hostile clients of `tracker serve` on 127.0.0.1.

- the page cache is bounded in bytes of keys, headers and bodies (unique 8 kB URLs);
- `X-Forwarded-Proto` cannot poison it (the scheme and the forwarding headers are keyed);
- arbitrary SQL is off unless the server listens on loopback, and where it is on it is
  bounded: value size, result size, LIKE patterns, a time limit that holds, no function
  that leaks an address or loads code, no database path;
- under a bounded hostile load (unique URLs and heavy queries at once) the server's memory
  stays under a fixed ceiling (slow; the full-size run is in BENCHMARKS.md);
- SIGTERM (a service manager stopping it) stops it as Ctrl-C does: exit 0, nothing left in
  the temporary directory.
"""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import tracemalloc
import urllib.parse
from pathlib import Path

import pytest
from faultmatrix import record_fault

from scrapers.publish import cache as datasette_cache
from scrapers.publish import serve as publish_serve
from scrapers.publish import sqlguard

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent
CEILING_MB = 400     # anonymous memory of `tracker serve` under the hostile load (BENCHMARKS.md)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    for version, day in (("sdn_v1", "2025-03-01"), ("sdn_v2", "2025-03-05")):
        p = subprocess.run([sys.executable, "-m", "scrapers", "--db", str(d / "tracker.db"), "import", "sdn",
                            str(FAULTS / version), "--as-of", day], cwd=ROOT, env=env, capture_output=True, text=True)
        assert p.returncode == 0, p.stderr
    return d / "tracker.db"


# -- the page cache -------------------------------------------------------------------------------
def test_page_cache_memory_is_bounded_by_keys_headers_and_bodies():
    """5,000 pages with unique 8 kB URLs and 200-byte bodies into a 1 MB cache: what the
    cache holds (measured by tracemalloc) stays near 1 MB, not 40 MB of keys."""
    limit = 1024 * 1024
    cache = datasette_cache.PageCache(limit)
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"x-extra", b"1")]
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for i in range(5000):
        key = ((("tracker", "base", 1, 2, 3),), "http", (b"127.0.0.1:8001",), "", "/tracker/designations",
               b"q=%d-" % i + bytes(8000))
        cache.put(key, 200, list(headers), bytes(200))
    held = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    assert cache.size <= limit
    record_fault("unique URLs against the page cache", "5,000 pages with unique 8 kB query strings and 200-byte"
                 " bodies into a 1 MB cache",
                 f"the cache counts keys, headers and bodies: {len(cache._pages)} pages kept, {held / 1e6:.1f} MB"
                 " held (limit 1 MB)", 0, 0, None,
                 "test_faults_serve.py::test_page_cache_memory_is_bounded_by_keys_headers_and_bodies", source="serve")
    assert held < 1.5 * limit, f"the cache holds {held / 1e6:.1f} MB with a 1 MB limit"


def test_page_cache_keys_the_scheme_and_the_forwarding_headers():
    base = {"type": "http", "method": "GET", "path": "/tracker/x.json", "query_string": b"", "root_path": "",
            "headers": [(b"host", b"example.org")]}
    keys = {
        datasette_cache.page_key({**base, "scheme": "http"}, ()),
        datasette_cache.page_key({**base, "scheme": "https"}, ()),
        datasette_cache.page_key({**base, "scheme": "http", "headers": base["headers"] + [(b"x-forwarded-host", b"evil")]}, ()),
        datasette_cache.page_key({**base, "scheme": "http", "headers": [(b"host", b"evil.example")]}, ()),
    }
    assert len(keys) == 4
    assert not datasette_cache._cacheable_request({**base, "query_string": b"q=" + bytes(9000)})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def _start_serve(db: Path, port: int, **env_extra) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    proc = subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(db), "serve", "--port", str(port)],
                            cwd=ROOT, env={**env, **env_extra}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(port, "/-/versions.json")[0] == 200:
                return proc
        except OSError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "tracker serve did not start"
        time.sleep(0.2)


def test_sigterm_stops_the_server_cleanly(db, tmp_path):
    """uvicorn shuts down on SIGTERM and then raises it again: with the default handler that
    killed the process before its clean-up (one temporary directory left per stop)."""
    port = _free_port()
    proc = _start_serve(db, port, TMPDIR=str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()][0].startswith("tracker-serve-")
    proc.terminate()
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OSError):
        _get(port, "/-/versions.json")


@pytest.fixture
def served(db):
    port = _free_port()
    proc = _start_serve(db, port)
    yield port
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_forwarded_proto_does_not_poison_the_page_cache(served):
    """uvicorn believes X-Forwarded-Proto from 127.0.0.1: the Atom feed then names https://
    URLs. A later plain visitor must not get that cached page."""
    feed = "/tracker/new_designations_feed.atom"
    status, _, forged = _get(served, feed, {"X-Forwarded-Proto": "https"})
    assert status == 200 and b"https://127.0.0.1" in forged
    status, headers, plain = _get(served, feed)
    assert status == 200
    poisoned = b"https://127.0.0.1" in plain
    record_fault("X-Forwarded-Proto against the page cache", "a feed requested with X-Forwarded-Proto: https"
                 " (trusted from 127.0.0.1), then without",
                 "the scheme and forwarding headers are part of the cache key: the plain visitor gets http:// links"
                 f" ({headers.get('x-tracker-cache')}); poisoned: {'yes' if poisoned else 'no'}", 0, 0, None,
                 "test_faults_serve.py::test_forwarded_proto_does_not_poison_the_page_cache", source="serve")
    assert not poisoned
    assert _get(served, feed)[1].get("x-tracker-cache") == "hit"


# -- SQL ---------------------------------------------------------------------------------------------
def _sql(ds, sql: str) -> tuple[int, dict, float]:
    async def go():
        started = time.monotonic()
        r = await ds.client.get("/tracker.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "objects"}))
        return r.status_code, r.json(), time.monotonic() - started
    return asyncio.run(go())


@pytest.fixture
def ds(db):
    return publish_serve.make_datasette(db, settings={"sql_time_limit_ms": 1000})


def test_sql_cannot_leak_addresses_or_paths(ds, db):
    status, body, _ = _sql(ds, "select fts3_tokenizer('simple') as p")
    assert status >= 400 and "not authorized" in body["error"], body
    status, body, _ = _sql(ds, "select * from pragma_database_list")
    assert status == 200 and str(db) not in str(body) and body["rows"][0]["file"] is None, body
    status, body, _ = _sql(ds, "select count(*) as n from designations")
    assert status == 200 and body["rows"][0]["n"] > 0


def test_sql_memory_and_time_are_bounded(ds):
    leaks = []
    status, body, took = _sql(ds, "select length(randomblob(20000000)) as n")
    assert status == 400 and "too big" in body["error"] and took < 1, body
    status, body, _ = _sql(ds, "with recursive c(x) as (select 1 union all select x + 1 from c limit 60)"
                               " select zeroblob(1000000) as z from c")
    assert status == 400 and "result too large" in body["error"], body.get("error")
    status, body, _ = _sql(ds, "select 'abc' like '%" + "a" * 140 + "%' as m")
    assert status == 400 and "pattern too complex" in body["error"], body
    status, body, took = _sql(ds, "select length(randomblob(2000000)) as n from (with recursive c(x) as"
                                  " (select 1 union all select x + 1 from c limit 5000) select x from c)")
    assert status == 400 and "too long" in body["error"]
    record_fault("heavy SQL", "randomblob(20 MB), 60 rows of 1 MB zeroblobs, a 142-character LIKE pattern, 5,000 rows"
                 " of 2 MB randomblobs under a 1 s limit, fts3_tokenizer, pragma_database_list",
                 f"refused: value over 2 MB, result over {sqlguard.MAX_RESULT_BYTES >> 20} MB, pattern over"
                 f" {sqlguard.MAX_PATTERN}; the time limit held ({took:.2f} s for 1 s); no address, no path",
                 0, 0, None, "test_faults_serve.py::test_sql_memory_and_time_are_bounded", source="serve")
    assert took < 1.6, f"the 1 s limit let a query run {took:.2f} s"
    assert not leaks


def test_arbitrary_sql_is_off_unless_served_on_loopback(db):
    assert publish_serve.sql_allowed("127.0.0.1", None) and not publish_serve.sql_allowed("0.0.0.0", None)
    assert not publish_serve.sql_allowed("127.0.0.1", False) and publish_serve.sql_allowed("0.0.0.0", True)
    args = publish_serve.datasette_args(db, host="0.0.0.0", port=8001, metadata=None, sql=False)
    assert "default_allow_sql" in args and args[args.index("default_allow_sql") + 1] == "off"
    public = publish_serve.make_datasette(db, settings={"default_allow_sql": False})

    async def go():
        sql = await public.client.get("/tracker.json?sql=select+1")
        canned = await public.client.get("/tracker/find_name.json?name=ortega")
        table = await public.client.get("/tracker/designations.json?_where=1%3D1")
        return sql.status_code, canned.status_code, table.status_code
    assert asyncio.run(go()) == (403, 200, 403)


def test_published_deployments_turn_arbitrary_sql_off():
    """Every publishing command the project gives (README, workflow) passes default_allow_sql off."""
    readme = (ROOT / "README.md").read_text()
    workflow = (ROOT / ".github" / "workflows" / "update.yml").read_text()
    spans = [c for line in readme.splitlines() for c in re.findall(r"(?<!`)`([^`]+)`(?!`)", line)]
    commands = [c for c in spans if re.search(r"datasette (publish \w+|tracker\.db) ", c)]
    assert commands, "the README names no publishing command"
    missing = [c for c in commands if "default_allow_sql off" not in c]
    assert "default_allow_sql off" in workflow and missing == [], missing


# -- memory under a hostile load ----------------------------------------------------------------
@pytest.mark.slow
def test_serve_memory_stays_under_the_ceiling_under_hostile_load(db):
    # the benchmark itself (benchmarks/serve_hostile.py), as a program: one JSON line
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "serve_hostile.py"), str(db), "--unique", "1500",
                           "--heavy", "2", "--threads", "6", "--ceiling-mb", str(CEILING_MB)],
                          capture_output=True, text=True, timeout=280)
    assert done.stdout.strip(), done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    record_fault("hostile load on tracker serve", "1,500 unique 8 kB URLs and 2 rounds of heavy SQL and facets"
                 " at once, 6 client threads, from 127.0.0.1",
                 f"anonymous memory peaked at {got['anon_max_sampled_mb']} MB (ceiling {CEILING_MB} MB; from"
                 f" {got['anon_start_mb']} MB); still answering ({got['answers_after']})", 0, 0, None,
                 "test_faults_serve.py::test_serve_memory_stays_under_the_ceiling_under_hostile_load", source="serve")
    assert got["answers_after"] == 200
    assert got["anon_max_sampled_mb"] < CEILING_MB, got
