"""The fault matrix: `tracker update --source sdn` against a local server that misbehaves on
purpose (scrapers/fakeweb/faults.py), with the live Sanctions List Service URL mapped to it.

Every scenario: a database holding observation v1 is serving; the server publishes v2 and
misbehaves while doing so; then it heals and we run again, then once more. Each asserts
  - the fault was really exercised (the server logged it),
  - the outcome: recovered within the run (retries) and the database equals the clean
    reference, or refused with a clear error, a non-zero exit and the old database
    unchanged byte for byte,
  - the rerun converges to the reference: no row lost, no row duplicated,
  - the run after that is a no-op (idempotent).
Each writes its row of test-artifacts/fault-matrix.json (render: python tests/faultmatrix.py render).
"""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from faultmatrix import CliTracker, record_fault, sha

from scrapers.fakeweb.faults import (
    SDN_LIVE,
    SDN_PATHS,
    Body,
    Drip,
    DripHeaders,
    FaultServer,
    Oversize,
    Redirect,
    Reset,
    RetryAfter,
    Stall,
    Status,
    Truncate,
    WrongLength,
    serve_sdn,
)

# the fault matrix: every scenario runs a real update against a misbehaving server
pytestmark = pytest.mark.slow

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent
SDN = SDN_PATHS["sdn.csv"]
ALT = SDN_PATHS["alt.csv"]
XML = "/api/PublicationPreview/exports/SDN.XML"
STORAGE = "https://ofacprod.blob.core.windows.net"

CONFIG = """
[http]
connect_timeout = 1.0
read_timeout = 0.5
total_timeout = 1.5
retries = 2
backoff = 0.02
max_backoff = 0.1
default_rate = 0
max_bytes = 1000000
wait_budget = 3
rate_limits = { "sanctionslistservice.ofac.treas.gov" = 0 }
"""

# columns that name archive batches (they differ when a run was retried), not data
VOLATILE = {"list_observations": {"id", "batch_id"}, "list_events": {"observation_id"},
            "errors": {"id", "batch_id", "recorded_at"}}


# -- helpers --------------------------------------------------------------------------------------
def table_rows(db: Path, same_bytes: bool = True) -> dict[str, Counter]:
    """Every content row (as a multiset per table). same_bytes=False ignores which files (their
    sha256 and size) an observation was read from: for a server that re-encoded the same data."""
    volatile = dict(VOLATILE)
    if not same_bytes:
        volatile["list_observations"] = volatile["list_observations"] | {"files"}
        # the evidence of a list-diff date is the observation's file: its sha256 too
        volatile["designations"] = {"designated_on_sha256"}
        volatile["designation_dates"] = {"sha256"}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            " and name not like '%_fts%' and name != 'build_info'")]
        out = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f"pragma table_info([{name}])")
                    if r[1] not in volatile.get(name, ())]
            out[name] = Counter(conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{name}]"))
        return out
    finally:
        conn.close()


def lost_and_duplicated(got: dict[str, Counter], ref: dict[str, Counter]) -> tuple[int, int]:
    lost = sum(sum((ref[t] - got.get(t, Counter())).values()) for t in ref)
    dup = sum(sum((got[t] - ref.get(t, Counter())).values()) for t in got)
    return lost, dup


class Tracker(CliTracker):
    """`tracker` in-process, on one working directory, pointed at the fault server."""
    source = "sdn"

    def __init__(self, workdir: Path, server: FaultServer):
        super().__init__(workdir, CONFIG)
        # the signed-storage host the Sanctions List Service may redirect to is mapped too
        self.env = {"TRACKER_BASE_URLS": f"{SDN_LIVE}={server.url},{STORAGE}={server.url}",
                    "TRACKER_PROGRAMS": None}


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


def publish(srv: FaultServer, version: str) -> None:
    srv.heal()
    if version == "xml":
        srv.serve(XML, (FAULTS / "sdn_xml" / "sdn.xml").read_bytes(), "application/xml")
    else:
        serve_sdn(srv, FAULTS / version)


def table_rows_ref(references: dict, sc) -> dict[str, Counter]:
    return references[sc.ref if sc.heal else sc.ref + "-anybytes"]


@pytest.fixture(scope="module")
def references(server, tmp_path_factory) -> dict:
    """What a clean run produces: v1 then v2 (CSV), v1 then v2 (XML)."""
    refs = {}
    for name, second in (("v2", "sdn_v2"), ("xml", "xml")):
        t = Tracker(tmp_path_factory.mktemp(f"ref-{name}"), server)
        publish(server, "sdn_v1")
        assert t.update().exit_code == 0
        publish(server, second)
        r = t.update(*(["--sdn-format", "xml"] if second == "xml" else []))
        assert r.exit_code == 0, r.output
        refs[name] = table_rows(t.db)
        refs[name + "-anybytes"] = table_rows(t.db, same_bytes=False)
    publish(server, "sdn_v1")
    return refs


@pytest.fixture
def served_v1(server, tmp_path, references):
    """A working directory whose database holds v1 (fetched cleanly), and the runner."""
    t = Tracker(tmp_path, server)
    publish(server, "sdn_v1")
    r = t.update()
    assert r.exit_code == 0, r.output
    server.clear_hits()
    return t


# -- the scenarios --------------------------------------------------------------------------------
def _bytes(version: str, name: str = "sdn.csv") -> bytes:
    return (FAULTS / version / name).read_bytes()


def _mixed_encoding() -> bytes:
    text = _bytes("sdn_v2").decode("cp1252")
    utf8 = text.encode("utf-8")
    # one line left in Windows-1252 inside an otherwise UTF-8 file
    return utf8.replace("ALVARADO PEÑA".encode("utf-8"), "ALVARADO PEÑA".encode("cp1252"))


def _malformed_row() -> bytes:
    return _bytes("sdn_v2").replace(b'90105,"ZHENG, Liwen","individual"', b'90105,"ZHENG, Liwen"', 1)


def _forged() -> bytes:
    """v2's sdn.csv with one invented entry more (what a hostile redirect target would serve)."""
    row = b'90999,"FORGED, Entry","individual","ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    return row + _bytes("sdn_v2")


def _undecodable() -> bytes:
    return _bytes("sdn_v2").replace(b"VARGAS TELLO", b"VARGAS T\x81LLO", 1)


@dataclass
class Scenario:
    kind: str
    server_did: str
    setup: Callable[[FaultServer], None]
    expect: str                         # "recovered" or "refused"
    error: str | None = None            # regex the output must match when refused
    exercised: str | None = None        # a hit outcome the server must have logged
    version: str = "sdn_v2"             # what the healthy server publishes
    args: tuple = ()
    ref: str = "v2"
    heal: bool = True                   # False: the server keeps doing it (the data are right)
    max_seconds: float | None = None    # the faulty run must end within this


SCENARIOS = [
    Scenario("HTTP 500 (persistent)", "every request for SDN.CSV answered 500",
             lambda s: s.always(SDN, Status(500)), "refused", r"gave up after 3 attempts: HTTP 500", "HTTP 500"),
    Scenario("HTTP 502/503 then success", "502, then 503, then the file",
             lambda s: s.script(SDN, Status(502), Status(503)), "recovered", exercised="HTTP 503"),
    Scenario("HTTP 429 with Retry-After", "429 Retry-After: 1, then the file",
             lambda s: s.script(SDN, RetryAfter(1)), "recovered", exercised="HTTP 429 Retry-After 1"),
    Scenario("connection reset", "TCP reset (RST) twice before answering ALT.CSV",
             lambda s: s.script(ALT, Reset(), Reset()), "recovered", exercised="connection reset"),
    Scenario("read timeout", "accepted the connection, then silence for 3 s (read timeout 0.5 s)",
             lambda s: s.script(SDN, Stall(3.0)), "recovered", exercised="stall before answering"),
    Scenario("slow drip", "sent SDN.CSV 64 bytes every 50 ms (each read fast, the whole > 1.5 s deadline)",
             lambda s: s.script(SDN, Drip(step=64, delay=0.05)), "recovered", exercised="slow drip"),
    Scenario("slow response headers", "sent the status line, then one header byte every 0.2 s for 20 s (each read"
             " fast, the headers alone > the 1.5 s deadline), then the file",
             lambda s: s.script(SDN, DripHeaders(20.0, 0.2)), "recovered", exercised="slow headers", max_seconds=8),
    Scenario("Retry-After past the run's waiting budget", "every file answered 429 Retry-After: 2, for ever"
             " (2 retries per file: 16 s of waiting without a budget; waiting budget 3 s per run)",
             lambda s: [s.always(p, RetryAfter(2)) for p in SDN_PATHS.values()], "refused",
             r"waiting \d+s more would pass this run's waiting budget", "HTTP 429", max_seconds=5),
    Scenario("truncated body", "declared the full Content-Length, sent half, closed",
             lambda s: s.script(SDN, Truncate(0.5)), "recovered", exercised="truncated body"),
    Scenario("wrong Content-Length (too long)", "declared 500 bytes more than it sent",
             lambda s: s.script(SDN, WrongLength(+500)), "recovered", exercised="wrong Content-Length"),
    Scenario("wrong Content-Length (too short)", "declared 40 bytes fewer than the body: the client reads a cut file",
             lambda s: s.always(SDN, WrongLength(-40)), "refused",
             r"row \d+: the file ends inside this row's quoted field", "wrong Content-Length"),
    Scenario("wrong encoding (mixed UTF-8 / Windows-1252)", "SDN.CSV in UTF-8 with one line left in Windows-1252",
             lambda s: s.always(SDN, Body(_mixed_encoding(), label="mixed encoding")), "refused",
             r"mixed encodings: UTF-8 and Windows-1252 bytes in one file", "mixed encoding"),
    Scenario("wrong encoding (UTF-16)", "SDN.CSV re-encoded as UTF-16 with a BOM",
             lambda s: s.always(SDN, Body(_bytes("sdn_v2").decode("cp1252").encode("utf-16"), label="utf-16")),
             "recovered", exercised="utf-16", heal=False),
    Scenario("undecodable bytes", "a byte (0x81) that is neither UTF-8 nor Windows-1252",
             lambda s: s.always(SDN, Body(_undecodable(), label="undecodable")), "refused",
             r"byte 0x81 at column \d+ is neither UTF-8 nor Windows-1252", "undecodable"),
    Scenario("malformed row (missing fields)", "one sdn.csv row with 11 of its 12 fields",
             lambda s: s.always(SDN, Body(_malformed_row(), label="malformed")), "refused",
             r"row 5\S*: expected 12 fields, found 11", "malformed"),
    Scenario("HTML instead of the file", "200 with an HTML maintenance page for SDN.CSV",
             lambda s: s.always(SDN, Body(b"<!DOCTYPE html><html><body><h1>Scheduled maintenance</h1></body></html>",
                                          "text/html", "html page")), "refused",
             r"holds HTML/XML, not CSV", "html page"),
    Scenario("empty file (zero items)", "200 with an empty SDN.CSV (just the 0x1A terminator)",
             lambda s: s.always(SDN, Body(b"\x1a", label="empty")), "refused",
             r"sdn.csv yielded no entries", "empty"),
    Scenario("HTTP 404 on one file", "ADD.CSV answered 404",
             lambda s: s.always(SDN_PATHS["add.csv"], Status(404)), "refused", r"ADD.CSV: HTTP 404", "HTTP 404"),
    Scenario("redirect to a non-allow-listed host", "302 to http://localhost:PORT/… (same server, other name)",
             lambda s: s.always(SDN, Redirect(f"http://localhost:{s.port}/stolen.csv")), "refused",
             r"redirect to 'localhost' refused: not on the allow-list", "redirect to"),
    Scenario("redirect to signed storage (allowed)", "302 to https://…blob.core.windows.net/…, mapped to the server",
             lambda s: (s.serve("/signed/SDN.CSV", _bytes("sdn_v2")),
                        s.always(SDN, Redirect("https://ofacprod.blob.core.windows.net/signed/SDN.CSV?sig=x"))),
             "recovered", exercised="redirect to"),
    Scenario("redirect with a backslash (allow-list bypass)",
             "302 to http://127.0.0.1:PORT\\@ofacprod.blob.core.windows.net/… (urlsplit reads the storage host,"
             " the HTTP library connects to 127.0.0.1), which serves a list with a forged entry",
             lambda s: (s.serve("/%5C@ofacprod.blob.core.windows.net/signed/SDN.CSV", _forged()),
                        s.always(SDN, Redirect(f"http://127.0.0.1:{s.port}\\@ofacprod.blob.core.windows.net/signed/SDN.CSV"))),
             "refused", r"redirect refused: the URL holds a backslash", "redirect to"),
    Scenario("oversized response (declared)", "Content-Length 5,000,000 for SDN.CSV (cap 1,000,000)",
             lambda s: s.always(SDN, Oversize(5_000_000, declare=True)), "refused",
             r"response too large: Content-Length 5000000", "oversized response"),
    Scenario("oversized response (chunked)", "an endless chunked body, no Content-Length",
             lambda s: s.always(SDN, Oversize(5_000_000, declare=False)), "refused",
             r"response too large: more than 1000000 bytes", "oversized response"),
    Scenario("XML entity-expansion bomb", "SDN.XML with a billion-laughs DTD",
             lambda s: s.always(XML, Body(_bytes("bomb", "sdn.xml"), "application/xml", "bomb")), "refused",
             r"SDN.XML: refused: the XML declares entity 'lol'", "bomb",
             version="xml", args=("--sdn-format", "xml"), ref="xml"),
    Scenario("XML external entity", "SDN.XML declaring an external entity (file:///etc/passwd)",
             lambda s: s.always(XML, Body(_bytes("external", "sdn.xml"), "application/xml", "xxe")), "refused",
             r"SDN.XML: refused", "xxe", version="xml", args=("--sdn-format", "xml"), ref="xml"),
    Scenario("SDN observation drops 50% of entries", "a list with half the E.O. 14059 entries gone",
             lambda s: serve_sdn(s, FAULTS / "sdn_half"), "refused",
             r"tracked designations would drop from 20 to 10 \(-50%\), more than 10%.*--allow-drop", None),
]


@pytest.mark.parametrize("sc", SCENARIOS, ids=[s.kind for s in SCENARIOS])
def test_fault(sc: Scenario, server, served_v1, references):
    t = served_v1
    before_sha, before_rows = sha(t.db), table_rows(t.db)
    publish(server, sc.version)
    sc.setup(server)
    started = time.monotonic()
    r = t.update(*sc.args)
    took = time.monotonic() - started
    output = r.output
    if sc.max_seconds is not None:
        assert took < sc.max_seconds, f"the run took {took:.1f}s, more than {sc.max_seconds}s"
    if sc.exercised:
        assert any(h.outcome.startswith(sc.exercised) for h in server.hits()), [h.outcome for h in server.hits()]
    if sc.expect == "recovered":
        assert r.exit_code == 0, output
        assert table_rows(t.db, sc.heal) == table_rows_ref(references, sc), "recovered run differs from the clean reference"
        outcome = "recovered within the run (retried)" if "retry" in output else "read correctly"
    else:
        assert r.exit_code != 0, output
        assert re.search(sc.error, output, re.S), output
        assert sha(t.db) == before_sha, "a refused run changed the database"
        assert table_rows(t.db) == before_rows
        said = re.search(sc.error, output, re.S).group(0).splitlines()[0]
        outcome = "refused, exit 1, old database kept: " + said[:100]
    if sc.kind.startswith("HTTP 429"):
        hits = server.hits(SDN)
        assert hits[1].at - hits[0].at >= 0.95, "Retry-After was not honoured"
    # heal, rerun: converges to the clean reference
    if sc.heal:
        publish(server, sc.version)
    r2 = t.update(*sc.args)
    assert r2.exit_code == 0, r2.output
    final = table_rows(t.db, sc.heal)
    lost, dup = lost_and_duplicated(final, table_rows_ref(references, sc))
    # and once more: nothing new, nothing changes
    before_again = sha(t.db)
    r3 = t.update(*sc.args)
    assert r3.exit_code == 0 and "Nothing new" in r3.output, r3.output
    assert sha(t.db) == before_again
    record_fault(sc.kind, sc.server_did, outcome + f" ({took:.1f} s)", lost, dup, converged=(lost == dup == 0),
                 test=f"test_faults.py::test_fault[{sc.kind}]")
    assert (lost, dup) == (0, 0)


def test_same_run_twice_is_idempotent(server, served_v1, references):
    t = served_v1
    publish(server, "sdn_v2")
    assert t.update().exit_code == 0
    first_sha, first_rows = sha(t.db), table_rows(t.db)
    server.clear_hits()
    r = t.update()
    assert r.exit_code == 0 and "Nothing new" in r.output, r.output
    assert sha(t.db) == first_sha
    assert {h.outcome for h in server.hits()} == {"304"}, "the second run downloaded again"
    lost, dup = lost_and_duplicated(table_rows(t.db), references["v2"])
    record_fault("same run twice", "the same files again (all four answered 304 Not Modified)",
                 "nothing new: no download, no new observation, database byte-identical", lost, dup, True,
                 "test_faults.py::test_same_run_twice_is_idempotent")
    assert (lost, dup) == (0, 0) and table_rows(t.db) == first_rows


def test_fifty_percent_drop_is_accepted_only_with_allow_drop(server, served_v1):
    t = served_v1
    publish(server, "sdn_half")
    assert t.update().exit_code == 1
    r = t.update("--allow-drop")
    assert r.exit_code == 0, r.output
    conn = sqlite3.connect(t.db)
    assert conn.execute("select count(*) from designations where listed = 1").fetchone()[0] == 10
    assert conn.execute("select count(*) from list_events where event = 'removed'").fetchone()[0] == 10
    conn.close()


def test_interruption_during_the_update_build(server, served_v1, references):
    """`tracker update` killed (SIGKILL) in the middle of its build: the old database keeps
    serving; the next update applies what was fetched, once."""
    t = served_v1
    publish(server, "sdn_v2")
    before = sha(t.db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update({"TRACKER_BASE_URLS": f"{SDN_LIVE}={server.url}", "TRACKER_BUILD_FAULT": "applied:die"})
    p = subprocess.run([sys.executable, "-m", "scrapers", "--db", str(t.db), "update", "--source", "sdn"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == -9, p.stderr
    assert sha(t.db) == before
    r = t.update()
    assert r.exit_code == 0, r.output
    lost, dup = lost_and_duplicated(table_rows(t.db), references["v2"])
    record_fault("interruption during the build", "none (the tracker process was SIGKILLed mid-build)",
                 "old database intact; the next update recovered the fetched batch", lost, dup, lost == dup == 0,
                 "test_faults.py::test_interruption_during_the_update_build")
    assert (lost, dup) == (0, 0)


def test_rebuild_reproduces_the_database_after_faults(server, served_v1, references):
    """After a history with refused and recovered runs, `tracker rebuild` (archive only, no
    network) reproduces the database exactly."""
    from scrapers.db import content_hashes

    t = served_v1
    publish(server, "sdn_v2")
    server.always(SDN, Body(_malformed_row(), label="malformed"))
    assert t.update().exit_code == 1
    publish(server, "sdn_v2")
    server.script(SDN, Status(503), Truncate(0.3))
    assert t.update().exit_code == 0
    before = content_hashes(t.db)
    r = t("rebuild")
    assert r.exit_code == 0, r.output
    assert content_hashes(t.db) == before


# -- JSON through the same client (DOJ's API is JSON) -------------------------------------------
@pytest.mark.parametrize("body,match", [
    (b'{"metadata": {"resultset": {"count": "2"}}, "results": [{"title": "x"', r"invalid JSON: .* \(the body ends early"),
    (b"<html><body>Access denied</body></html>", r"HTML/XML where JSON was expected"),
    (b'{"results": [\xff]}', r"not UTF-8 JSON: byte 0xff"),
    (b"", r"empty body where JSON was expected"),
    (b'{"count": Infinity}', r"invalid JSON: Infinity is not a JSON value"),
    (b'{"count": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", r"invalid JSON: nested too deeply"),
    (b'{"count": ' + b"9" * 5000 + b"}", r"invalid JSON: Exceeds the limit"),
])
def test_invalid_json_is_a_named_error_after_the_bytes_are_archived(server, tmp_path, body, match):
    from scrapers.archive import Archive
    from scrapers.config import Config
    from scrapers.errors import SourceError
    from scrapers.http import HttpClient

    live = "https://www.justice.gov"
    server.serve("/api/v1/press_releases.json", body, "application/json")
    archive = Archive(tmp_path / "archive")
    client = HttpClient(Config(base_urls={live: server.url}, default_rate=0, rate_limits={}), archive)
    got = client.get(live + "/api/v1/press_releases.json", source="doj", kind="api-list")
    assert archive.read(got.entry) == body
    with pytest.raises(SourceError, match=match) as err:
        got.json(source="doj")
    assert str(err.value).startswith("doj: https://www.justice.gov/api/v1/press_releases.json")
    archive.close()
    if body.startswith(b'{"metadata"'):
        record_fault("invalid JSON", "200 with a JSON body cut mid-object (HttpClient + parse_json)",
                     "SourceError naming the URL and line; bytes archived first", 0, 0, None,
                     "test_faults.py::test_invalid_json_is_a_named_error_after_the_bytes_are_archived")


def test_clock_jumping_back_does_not_reorder_observations(server, tmp_path, monkeypatch):
    """v1 fetched on 2025-03-14; the machine's clock then jumps back to 2025-01-01 and v2 is
    fetched. Dated by the clock, v2 would be replayed before v1 and v1's listed states
    published (entries of v2 unlisted, removed ones listed, spurious events). The database
    must equal a clean run's, and a rebuild must too."""
    from scrapers.sources.sdn import source as sdn_source

    def run(workdir, days):
        workdir.mkdir()
        t = Tracker(workdir, server)
        for version, day in zip(("sdn_v1", "sdn_v2"), days):
            monkeypatch.setattr(sdn_source, "eastern_today", lambda day=day: day)   # the machine's clock
            publish(server, version)
            r = t.update()
            assert r.exit_code == 0, r.output
        return t

    ref = run(tmp_path / "ref", ("2025-03-14", "2025-03-14"))
    t = run(tmp_path / "jumped", ("2025-03-14", "2025-01-01"))
    expected = table_rows(ref.db)
    lost, dup = lost_and_duplicated(table_rows(t.db), expected)
    assert t("rebuild").exit_code == 0
    lost_r, dup_r = lost_and_duplicated(table_rows(t.db), expected)
    record_fault("clock jumps back between two observations", "v1 fetched on 2025-03-14, then the machine's clock set"
                 " back to 2025-01-01 and v2 fetched",
                 "v2 dated after v1 (an observation is never dated before one already made), logged; database and"
                 f" rebuild equal a clean run's ({lost + lost_r} lost, {dup + dup_r} duplicated)",
                 lost + lost_r, dup + dup_r, lost == dup == lost_r == dup_r == 0,
                 "test_faults.py::test_clock_jumping_back_does_not_reorder_observations")
    assert (lost, dup, lost_r, dup_r) == (0, 0, 0, 0)
