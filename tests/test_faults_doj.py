"""The fault matrix for the DOJ source: `tracker update --source doj` against a local stand-in
for justice.gov's news API (scrapers/fakeweb/faults.py) that misbehaves on purpose on the API's
list pages (`press_releases.json?...&page=N`), plus saved release pages given to
`tracker import doj` without their title, date or body.

Every scenario starts from a database holding the API as it was (v1: a backfill to
2025-06-20, pages 0-2); the API then publishes 60 new releases on top (v2: the incremental
walk reads pages 0 and 1) and misbehaves while doing so. Each asserts
  - the fault was really exercised (the server logged it),
  - the outcome: recovered within the run (retries) and the database equals the clean
    reference, or refused with an error naming the URL, a non-zero exit and the old
    database unchanged byte for byte,
  - a rerun once the API is healthy converges to the clean run: no row lost, none
    duplicated (rows compared by primary key), equal scrapers.db.content_hashes; a refused
    walk is resumed, and no page that was read whole is requested again,
  - the run after that builds nothing (idempotent).
Plus: SIGKILL mid-backfill then resume, SIGKILL during the build, the same run twice.
Each writes its row of
test-artifacts/fault-matrix.json (python tests/faultmatrix.py render).

Every release served is invented (names, places, cases), written here in the API's shape.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from faultmatrix import CliTracker, compare_rows, fast_and_frozen, hashes_without, record_fault, rows_by_key, sha

from scrapers.db import content_hashes
from scrapers.fakeweb.faults import (
    Body,
    Drip,
    FaultServer,
    Hold,
    Oversize,
    Redirect,
    Reset,
    RetryAfter,
    Stall,
    Status,
    Truncate,
    WrongLength,
)

# the fault matrix: every scenario runs a real update against a misbehaving server
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
FROZEN = "2025-07-07T12:00:00Z"      # fetch time of every in-process run: runs compare byte for byte
SINCE = "2025-06-20"

# -- the invented API ---------------------------------------------------------------------------------
# Release n (40..229) is the (n-40)th newest of v2; 10 a day, newest day 2025-07-06.
# v1 is n = 100..229 (before the 60 newest were published).
V1 = range(100, 230)
V2 = range(40, 230)
PAGESIZE = 50
NEWEST = dt.datetime(2025, 7, 6, 21, 0, tzinfo=dt.timezone.utc)
OFFICES = [("usao-az", "USAO - Arizona", "PHOENIX"), ("usao-sdca", "USAO - California, Southern", "SAN DIEGO"),
           ("usao-ndoh", "USAO - Ohio, Northern", "CLEVELAND"), ("usao-wdtx", "USAO - Texas, Western", "EL PASO")]
GIVEN = ["Mateo", "Lucía", "Darnell", "Oksana", "Tobias", "Renée", "Ignacio", "Marisol"]
FAMILY = ["Quintero Peña", "Halvorsen", "Okonkwo", "Brandvold", "Ybarra", "Castellón", "Whitcombe"]


def when(n: int) -> dt.datetime:
    k = n - 40
    return NEWEST - dt.timedelta(days=k // 10, minutes=30 * (k % 10))


def item(n: int) -> dict:
    t = when(n)
    unix = int(t.timestamp())
    slug, office, city = OFFICES[n % len(OFFICES)]
    name = f"{GIVEN[n % len(GIVEN)]} {FAMILY[n % len(FAMILY)]}"
    if n % 5 == 0:
        months = 60 + 12 * (n % 7)
        title = f"{city.title()} Resident Sentenced to {months} Months for Trafficking Fentanyl Pills (case {n})"
        body = (f"<p>{city} – {name}, {24 + n % 30}, of {city.title()}, was sentenced today to {months} months in"
                " federal prison for conspiracy to distribute fentanyl, announced an invented U.S. Attorney.</p>"
                f"<p>According to court documents, {name} sold counterfeit pills that contained fentanyl"
                " through a social media account. Agents seized 4,000 pills from a storage unit.</p>")
    else:
        title = f"{city.title()} Bookkeeper Pleads Guilty to Payroll Tax Scheme (case {n})"
        body = (f"<p>{city} – A bookkeeper pleaded guilty today to failing to pay over payroll taxes withheld from"
                " employees’ wages, announced an invented U.S. Attorney. Sentencing is set for the autumn.</p>")
    stamp = f'<time datetime="{t.isoformat()}">{unix}</time>\n'
    return {"attachment": "", "body": body, "changed": stamp, "created": stamp, "date": str(unix), "image": "",
            "component": [{"uuid": f"0d2f6c1e-8a0b-4f57-9d13-00000000000{n % len(OFFICES)}", "name": office}],
            "number": "", "teaser": "", "title": title,
            "topic": [{"uuid": "0d2f6c1e-8a0b-4f57-9d13-000000000010", "name": "Drug Trafficking"}] if n % 5 == 0 else [],
            "url": f"https://www.justice.gov/{slug}/pr/case-{n}", "uuid": f"{n:08x}-5a1e-4c0d-9e2f-{n:012x}"}


LIST = "/api/v1/press_releases.json"


def page_path(n: int) -> str:
    return f"{LIST}?sort=date&direction=DESC&pagesize={PAGESIZE}&page={n}"


P0, P1, P2 = page_path(0), page_path(1), page_path(2)


def api_page(items: list[dict], page: int, count: int | None, **extra) -> bytes:
    meta = {"responseInfo": {"status": 200}, "executionTime": 0.0421,
            "resultset": {"count": str(count), "pagesize": str(PAGESIZE), "page": page}}
    if count is None:
        del meta["resultset"]["count"]
    return json.dumps({"metadata": meta, "results": items, **extra}, ensure_ascii=False).encode()


def pages_of(version: str) -> list[bytes]:
    ns = list(V1 if version == "v1" else V2)
    chunks = [ns[k:k + PAGESIZE] for k in range(0, len(ns), PAGESIZE)]
    return [api_page([item(n) for n in chunk], p, len(ns)) for p, chunk in enumerate(chunks)]


def publish(srv: FaultServer, version: str) -> None:
    srv.heal()
    for path in [p for p in srv.resources if p.startswith(LIST)]:
        del srv.resources[path]
    for p, body in enumerate(pages_of(version)):
        srv.serve(page_path(p), body, "application/json")


# -- running the tracker --------------------------------------------------------------------------
CONFIG = """
[http]
connect_timeout = 1.0
read_timeout = 0.5
total_timeout = 1.5
retries = 2
backoff = 0.02
max_backoff = 0.1
default_rate = 0
max_bytes = 400000
rate_limits = {{ "www.justice.gov" = 0, "justice.gov" = 0 }}
base_urls = {{ "https://www.justice.gov" = "{url}", "https://justice.gov" = "{url}" }}
"""

SLEPT: list[float] = []


@pytest.fixture(scope="module", autouse=True)
def frozen():
    with fast_and_frozen(SLEPT, FROZEN):
        yield


class Tracker(CliTracker):
    source = "doj"

    def __init__(self, workdir: Path, server: FaultServer):
        super().__init__(workdir, CONFIG.format(url=server.url))


BYTES = {"press_releases": {"archive_sha256"}}      # the same data from other bytes (re-encoded)
FETCHED_AT = {"press_releases": {"fetched_at"}}     # fetched by another process (real clock)


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def references(server, tmp_path_factory) -> dict:
    """The clean run: v1 (backfill), then v2 (incremental), and the v1 working directory
    every scenario starts from (copied)."""
    t = Tracker(tmp_path_factory.mktemp("doj-v1"), server)
    publish(server, "v1")
    r = t.update("--since", SINCE)
    assert r.exit_code == 0, r.output
    template = tmp_path_factory.mktemp("doj-template")
    shutil.copytree(t.dir, template, dirs_exist_ok=True)
    publish(server, "v2")
    r = t.update()
    assert r.exit_code == 0, r.output
    refs = {"template": template}
    for name, ignore in (("", None), ("anybytes", BYTES), ("fetched_at", FETCHED_AT)):
        refs["rows" + name] = rows_by_key(t.db, ignore)
        refs["hashes" + name] = hashes_without(t.db, ignore or {})
    assert refs["hashes"] == content_hashes(t.db)
    return refs


@pytest.fixture
def served_v1(server, tmp_path, references) -> Tracker:
    shutil.copytree(references["template"], tmp_path, dirs_exist_ok=True)
    t = Tracker(tmp_path, server)
    publish(server, "v2")
    server.clear_hits()
    SLEPT.clear()
    return t


def test_the_clean_run_holds_what_the_api_published(references):
    rows = references["rows"]
    # every fentanyl release on the pages read (the last page is read whole, older ones included)
    want = {f"doj:{item(n)['uuid']}" for n in V2 if n % 5 == 0}
    assert {k[0] for k in rows["press_releases"]} == want
    assert len(rows["defendants"]) >= len(want) and not rows["errors"]


# -- the scenarios ----------------------------------------------------------------------------------
def _page(p: int, version: str = "v2") -> bytes:
    return pages_of(version)[p]


def _items(p: int) -> list[dict]:
    return json.loads(_page(p))["results"]


def _cut_json(p: int) -> bytes:
    body = _page(p)
    return body[: len(body) * 2 // 3]


def _renamed(p: int) -> bytes:
    """The API after a redesign: the same releases, `uuid` now `id`, `date` now `published`."""
    items = [{("id" if k == "uuid" else "published" if k == "date" else k): v for k, v in it.items()} for it in _items(p)]
    return api_page(items, p, len(V2))


def _cp1252(p: int) -> bytes:
    return _page(p).decode("utf-8").encode("cp1252")


MAINTENANCE = b"<!DOCTYPE html><html><body><h1>Site under maintenance</h1><p>Please try later.</p></body></html>"
JSON = "application/json"

# the part of the URL the messages name
U0 = r"https://www\.justice\.gov/api/v1/press_releases\.json\?sort=date&direction=DESC&pagesize=50&page=0"
U1 = U0[:-1] + "1"


@dataclass
class Scenario:
    kind: str
    server_did: str
    setup: Callable[[FaultServer], None]
    expect: str                      # recovered | refused
    error: str | None = None         # regex the output must match when refused
    exercised: str | None = None     # a hit outcome the server must have logged
    heal: bool = True                # False: the server keeps doing it (the data are right)


SCENARIOS = [
    # -- HTTP status
    Scenario("HTTP 500 (persistent)", "every request for page 1 answered 500",
             lambda s: s.always(P1, Status(500)), "refused", U1 + r": gave up after 3 attempts: HTTP 500", "HTTP 500"),
    Scenario("HTTP 502/503 then success", "page 0: 502, then 503, then the page",
             lambda s: s.script(P0, Status(502), Status(503)), "recovered", exercised="HTTP 503"),
    Scenario("HTTP 429 with Retry-After", "page 1: 429 Retry-After: 2, then the page",
             lambda s: s.script(P1, RetryAfter(2)), "recovered", exercised="HTTP 429 Retry-After 2"),
    # -- the connection
    Scenario("connection reset", "page 0: TCP reset (RST) twice, then the page",
             lambda s: s.script(P0, Reset(), Reset()), "recovered", exercised="connection reset"),
    Scenario("read timeout", "page 1: accepted, then silence for 3 s (read timeout 0.5 s)",
             lambda s: s.script(P1, Stall(3.0)), "recovered", exercised="stall before answering"),
    Scenario("slow drip", "page 0, 256 bytes every 50 ms (each read fast, the whole > 1.5 s deadline)",
             lambda s: s.script(P0, Drip(step=256, delay=0.05)), "recovered", exercised="slow drip"),
    Scenario("truncated body", "page 1: full Content-Length declared, half sent, closed",
             lambda s: s.script(P1, Truncate(0.5)), "recovered", exercised="truncated body"),
    Scenario("wrong Content-Length (too long)", "page 0: declared 500 bytes more than it sent",
             lambda s: s.script(P0, WrongLength(+500)), "recovered", exercised="wrong Content-Length"),
    Scenario("wrong Content-Length (too short)", "page 1 declared 300 bytes fewer than its body: the client reads cut JSON",
             lambda s: s.always(P1, WrongLength(-300)), "refused", U1 + r": not valid JSON \(.{0,60}", "wrong Content-Length"),
    # -- what the body says
    Scenario("invalid JSON", "page 1: 200 with a JSON body cut two thirds of the way",
             lambda s: s.always(P1, Body(_cut_json(1), JSON, "cut JSON")), "refused", U1 + r": not valid JSON \(.{0,60}", "cut JSON"),
    Scenario("HTML instead of JSON", "page 0: 200 with an HTML maintenance page",
             lambda s: s.always(P0, Body(MAINTENANCE, "text/html", "html page")), "refused",
             U0 + r": not valid JSON \(.{0,60}", "html page"),
    Scenario("API error inside a 200", "page 0: 200 whose metadata says responseInfo status 500",
             lambda s: s.always(P0, Body(json.dumps({"metadata": {"responseInfo": {"status": 500}}, "results": []}).encode(),
                                         JSON, "status 500")), "refused", U0 + r": API responseInfo status 500",
             "status 500"),
    Scenario("API page whose layout changed", "page 1: the releases with `uuid` renamed `id` and `date` renamed `published`",
             lambda s: s.always(P1, Body(_renamed(1), JSON, "renamed")), "refused",
             U1 + r": none of the page's 50 releases could be read \(no valid uuid or date: has the API changed\?\)",
             "renamed"),
    Scenario("API page that yields zero items", "page 1: `results: []` while the API counts 190",
             lambda s: s.always(P1, Body(api_page([], 1, len(V2)), JSON, "empty")), "refused",
             U1 + r": page 1 holds no releases although the API counts 190", "empty"),
    Scenario("first API page yields zero items", "page 0: `results: []` and no count",
             lambda s: s.always(P0, Body(api_page([], 0, None), JSON, "empty")), "refused",
             U0 + r": page 0 holds no releases \([^)]*\)", "empty"),
    # -- encodings
    Scenario("wrong encoding (UTF-16)", "page 0 re-encoded as UTF-16 with a BOM",
             lambda s: s.always(P0, Body(_page(0).decode().encode("utf-16"), JSON, "utf-16")), "recovered",
             exercised="utf-16", heal=False),
    Scenario("wrong encoding (Windows-1252)", "page 1 sent in Windows-1252 (JSON must be UTF-8)",
             lambda s: s.always(P1, Body(_cp1252(1), JSON, "cp1252")), "refused", U1 + r": not valid JSON \(.{0,60}", "cp1252"),
    # -- where it leads, how big it is
    Scenario("redirect to a non-allow-listed host", "page 0: 302 to http://localhost:PORT/…",
             lambda s: s.always(P0, Redirect(f"http://localhost:{s.port}{P0}")), "refused",
             r"redirect to 'localhost' refused: not on the allow-list", "redirect to"),
    Scenario("oversized response (declared)", "page 1: Content-Length 5,000,000 (cap 400,000)",
             lambda s: s.always(P1, Oversize(5_000_000, declare=True)), "refused",
             r"response too large: Content-Length 5000000", "oversized response"),
    Scenario("oversized response (chunked)", "page 0: an endless chunked body",
             lambda s: s.always(P0, Oversize(5_000_000, declare=False)), "refused",
             r"response too large: more than 400000 bytes", "oversized response"),
]


def _converged(t: Tracker, references: dict, ignore: str = "") -> tuple[int, int, int, bool]:
    lost, dup, differ = compare_rows(rows_by_key(t.db, {"": None, "anybytes": BYTES, "fetched_at": FETCHED_AT}[ignore]),
                                     references["rows" + ignore])
    same = hashes_without(t.db, {"": {}, "anybytes": BYTES, "fetched_at": FETCHED_AT}[ignore]) == references["hashes" + ignore]
    return lost, dup, differ, same


@pytest.mark.parametrize("sc", SCENARIOS, ids=[s.kind for s in SCENARIOS])
def test_fault(sc: Scenario, server, served_v1, references):
    t = served_v1
    before_sha = sha(t.db)
    sc.setup(server)
    started = time.monotonic()
    r = t.update()
    took = time.monotonic() - started
    output = r.output
    if sc.exercised:
        assert any(h.outcome.startswith(sc.exercised) for h in server.hits()), [h.outcome for h in server.hits()]
    ignore = "" if sc.heal else "anybytes"
    if sc.expect == "recovered":
        assert r.exit_code == 0, output
        lost, dup, differ, same = _converged(t, references, ignore)
        assert (lost, dup, differ) == (0, 0, 0) and same, "the recovered run differs from the clean run"
        outcome = "recovered within the run (retried)" if "retry" in output else "read correctly"
    else:
        assert r.exit_code != 0, output
        assert re.search(sc.error, output), output
        assert sha(t.db) == before_sha, "a refused run changed the database"
        said = re.search(sc.error, output).group(0).replace("https://www.justice.gov/api/v1/press_releases.json?"
                                                            "sort=date&direction=DESC&pagesize=50&", "…?")
        outcome = "refused, exit 1, old database kept: " + said[:110]
    if sc.kind.startswith("HTTP 429"):
        assert 2.0 in SLEPT, f"Retry-After was not honoured: waits {SLEPT}"
    # heal, rerun: the walk is resumed (or redone) and converges to the clean run
    if sc.heal:
        publish(server, "v2")
    r2 = t.update()
    assert r2.exit_code == 0, r2.output
    lost, dup, differ, same = _converged(t, references, ignore)
    twice = []
    if sc.expect == "refused":
        served = [h.path for h in server.hits() if h.outcome == "200"]
        twice = sorted({p for p in served if served.count(p) > 1})
    # and once more: nothing new, nothing changes
    before_again = sha(t.db)
    r3 = t.update()
    assert r3.exit_code == 0 and "Nothing new" in r3.output, r3.output
    assert sha(t.db) == before_again
    if sc.expect == "refused":
        outcome += "; the rerun resumed the walk" if "resuming the walk" in r2.output else "; the rerun walked again"
    record_fault(sc.kind, sc.server_did, outcome + f" ({took:.1f} s)", lost, dup,
                 converged=(lost == dup == differ == 0 and same and not twice),
                 test=f"test_faults_doj.py::test_fault[{sc.kind}]", source="doj")
    assert not twice, f"pages read whole were requested again: {twice}"
    assert (lost, dup, differ) == (0, 0, 0) and same, (lost, dup, differ, same)


def test_same_run_twice_is_idempotent(server, served_v1, references):
    t = served_v1
    assert t.update().exit_code == 0
    first_sha = sha(t.db)
    server.clear_hits()
    r = t.update()
    assert r.exit_code == 0 and "Nothing new" in r.output, r.output
    assert sha(t.db) == first_sha
    assert [h.path for h in server.hits()] == [P0]          # one request: page 0, nothing new on it
    lost, dup, differ, same = _converged(t, references)
    record_fault("same run twice", "the same API again",
                 "nothing new: one request (page 0), no build, database byte-identical", lost, dup,
                 lost == dup == differ == 0 and same, "test_faults_doj.py::test_same_run_twice_is_idempotent",
                 source="doj")
    assert (lost, dup, differ) == (0, 0, 0) and same


@pytest.fixture
def backfill_reference(server, tmp_path_factory) -> dict:
    """The clean run of what the interrupted one does: a first backfill of v2."""
    t = Tracker(tmp_path_factory.mktemp("doj-backfill"), server)
    publish(server, "v2")
    r = t.update("--since", SINCE)
    assert r.exit_code == 0, r.output
    return {"rowsfetched_at": rows_by_key(t.db, FETCHED_AT), "hashesfetched_at": hashes_without(t.db, FETCHED_AT),
            "rowsanybytes": rows_by_key(t.db, {"press_releases": BYTES["press_releases"] | FETCHED_AT["press_releases"]})}


def test_interruption_mid_backfill_then_resume(server, tmp_path, backfill_reference):
    """`tracker update --since` (a first backfill, pages 0-3) SIGKILLed while it waits for
    page 2; the next run resumes the walk: pages 0-1 come from the archive, no page is served
    twice, nothing lost or duplicated."""
    t = Tracker(tmp_path, server)
    publish(server, "v2")
    hold = Hold()
    server.always(P2, hold)
    server.clear_hits()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    proc = subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(t.db), "update", "--source", "doj",
                             "--since", SINCE], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert hold.reached.wait(30), "the backfill never reached page 2"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        hold.release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert not t.db.exists()                     # killed before any build
    server.always(P2, None)
    r = t.update("--since", SINCE)
    assert r.exit_code == 0, r.output
    assert "resuming the walk" in r.output and "2 page(s) already archived" in r.output, r.output
    served = [h.path for h in server.hits() if h.outcome == "200"]
    twice = sorted({p for p in served if served.count(p) > 1})
    assert sorted(served) == sorted(page_path(p) for p in range(4))
    lost, dup, differ, same = _converged(t, backfill_reference, "fetched_at")
    r3 = t.update()
    assert r3.exit_code == 0 and "Nothing new" in r3.output, r3.output
    record_fault("interruption mid-backfill, then resume",
                 "none (the tracker process was SIGKILLed while waiting for page 2 of a first backfill)",
                 f"the next run resumed the walk (pages 0-1 from the archive, 2-3 fetched); pages served twice:"
                 f" {len(twice)}", lost, dup, lost == dup == differ == 0 and same and not twice,
                 "test_faults_doj.py::test_interruption_mid_backfill_then_resume", source="doj")
    assert twice == [], f"served twice: {twice}"
    assert (lost, dup, differ) == (0, 0, 0) and same


# -- saved release pages (tracker import doj) ---------------------------------------------------------
SAVED = """<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>Invented Courier Sentenced for Fentanyl Pill Deliveries | United States Department of Justice</title>
<link rel="canonical" href="https://www.justice.gov/usao-az/pr/invented-courier-sentenced-fentanyl-pill-deliveries">
<meta property="og:title" content="Invented Courier Sentenced for Fentanyl Pill Deliveries">
</head>
<body>
<main id="main-content">
<div class="page-title-wrapper"><h1 class="page-title">Invented Courier Sentenced for Fentanyl Pill Deliveries</h1></div>
<article class="node node--type-press-release">
  <div class="field_date"><time datetime="2025-05-14T12:00:00Z">Wednesday, May 14, 2025</time></div>
  <div class="field_body"><p>PHOENIX – Ezequiel Barragán Soto, 31, of Mesa, was sentenced today to 97 months in
  federal prison for possession with intent to distribute fentanyl, announced an invented U.S. Attorney.</p>
  <p>Barragán Soto delivered counterfeit pills containing fentanyl to buyers he met through a messaging app.</p></div>
  <div class="field_component"><a href="/usao-az">USAO - Arizona</a></div>
</article>
</main>
</body>
</html>
"""

# what each broken copy lacks, and what tracker import must say (naming the file)
SAVED_BROKEN = {
    "title": (lambda p: re.sub(r"<title>.*?</title>|<meta property=\"og:title\"[^>]*>|<h1[^>]*>.*?</h1>", "", p),
              r"release page has no title"),
    "date": (lambda p: p.replace('<div class="field_date"><time datetime="2025-05-14T12:00:00Z">Wednesday, May 14, 2025'
                                 '</time></div>', ""), r"release page has no date"),
    "body": (lambda p: re.sub(r"<article.*</article>", '<div id="app" data-date="2025-05-14"></div>'
                              '<time datetime="2025-05-14T12:00:00Z"></time>', p, flags=re.S),
             r"release page has no body"),
}


@pytest.mark.parametrize("missing", SAVED_BROKEN)
def test_saved_release_page_without_an_element_is_refused(missing, tmp_path, server):
    """`tracker import doj` of a saved page without its title/date/body: refused before
    anything is archived, naming the file; the good copy then imports as if nothing happened."""
    change, error = SAVED_BROKEN[missing]
    broken = tmp_path / "in" / f"no-{missing}.html"
    broken.parent.mkdir()
    broken.write_text(change(SAVED), encoding="utf-8")
    assert change(SAVED) != SAVED
    good = tmp_path / "good" / "courier.html"
    good.parent.mkdir()
    good.write_text(SAVED, encoding="utf-8")
    ref = Tracker(tmp_path / "ref", server) if (tmp_path / "ref").mkdir() is None else None
    assert ref("import", "doj", good).exit_code == 0
    t = Tracker(tmp_path / "run", server) if (tmp_path / "run").mkdir() is None else None
    r = t("import", "doj", broken)
    assert r.exit_code != 0
    said = re.search(re.escape(str(broken)) + r": " + error + r"[^\n]*", r.output)
    assert said, r.output
    assert not t.db.exists()
    assert not (t.dir / "archive" / "index.sqlite").exists() or \
        not __import__("sqlite3").connect(t.dir / "archive" / "index.sqlite").execute(
            "select count(*) from responses").fetchone()[0]
    assert t("import", "doj", good).exit_code == 0
    lost, dup, differ = compare_rows(rows_by_key(t.db), rows_by_key(ref.db))
    same = content_hashes(t.db) == content_hashes(ref.db)
    record_fault(f"saved release page without a {missing}", f"(tracker import doj) a saved page lacking its {missing}",
                 "refused before archiving, exit 1: " + said.group(0).replace(str(broken), f"no-{missing}.html")[:100],
                 lost, dup, lost == dup == differ == 0 and same,
                 f"test_faults_doj.py::test_saved_release_page_without_an_element_is_refused[{missing}]", source="doj")
    assert (lost, dup, differ) == (0, 0, 0) and same


def test_interruption_during_the_build(server, served_v1, references):
    """`tracker update` SIGKILLed in the middle of its build (TRACKER_BUILD_FAULT): the old
    database keeps serving, byte for byte; the next run builds the fetched walk, one request."""
    t = served_v1
    before = sha(t.db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_BUILD_FAULT"] = "applied:die"
    p = subprocess.run([sys.executable, "-m", "scrapers", "--db", str(t.db), "update", "--source", "doj"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == -signal.SIGKILL, p.stderr
    assert sha(t.db) == before
    server.clear_hits()
    r = t.update()
    assert r.exit_code == 0, r.output
    assert "recovering 1 batch(es)" in r.output, r.output
    asked = [h.path for h in server.hits()]
    lost, dup, differ, same = _converged(t, references, "fetched_at")
    record_fault("interruption during the build", "none (the tracker process was SIGKILLed mid-build)",
                 f"old database intact; the next run built the fetched walk ({len(asked)} request: page 0, nothing new)",
                 lost, dup, lost == dup == differ == 0 and same,
                 "test_faults_doj.py::test_interruption_during_the_build", source="doj")
    assert asked == [P0]
    assert (lost, dup, differ) == (0, 0, 0) and same


def test_rebuild_reproduces_the_database_after_faults(server, served_v1, references):
    """After a refused walk (resumed) and a refused page (fetched again), `tracker rebuild`
    (archive only, no network) reproduces the database exactly."""
    t = served_v1
    server.always(P1, Status(500))
    assert t.update().exit_code == 1
    server.always(P1, Body(_cut_json(1), JSON, "cut JSON"))
    assert t.update().exit_code == 1
    publish(server, "v2")
    server.script(P1, Truncate(0.3))
    assert t.update().exit_code == 0
    assert content_hashes(t.db) == references["hashes"]
    r = t("rebuild")
    assert r.exit_code == 0, r.output
    assert content_hashes(t.db) == references["hashes"]


# -- hostile pages (issue 16) ----------------------------------------------------------------------------
def _hostile_page(change) -> bytes:
    """Page 1 of v2 with one release changed by `change(item)`; a value the JSON encoder cannot
    write (Infinity, a literal, deep nesting) goes in as a marker replaced afterwards."""
    items = _items(1)
    target = next(i for i, it in enumerate(items) if "fentanyl" in it["body"].lower())
    literal = change(items[target])
    body = api_page(items, 1, len(V2)).decode("utf-8")
    if literal is not None:
        body = body.replace('"@@LITERAL@@"', literal, 1)
    return body.encode("utf-8")


def _set(field: str, value, literal: str | None = None):
    def change(it):
        it[field] = value
        return literal
    return change


HOSTILE = {
    "JSON Infinity": ("a release's date written Infinity", _set("date", "@@LITERAL@@", "Infinity")),
    "JSON NaN": ("a release's date written NaN", _set("date", "@@LITERAL@@", "NaN")),
    "JSON number out of range": ("a release's date written 1e400", _set("date", "@@LITERAL@@", "1e400")),
    "JSON nested 100,000 deep": ("a release's topic nested in 100,000 lists",
                                 _set("topic", "@@LITERAL@@", "[" * 100_000 + "]" * 100_000)),
    "URL with a fullwidth solidus": ("a fentanyl release's url https://www.justice.gov\uff0fusao-az/pr/…",
                                     _set("url", "https://www.justice.gov\uff0fusao-az/pr/invented-case")),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_json_is_contained_and_the_other_sources_keep_refreshing(kind, server, served_v1, references):
    """Page 1 carries something Python's JSON reader accepts and the tracker could not: the
    update says so in one line and exits 1, the SDN list (fetched in the same run) still
    refreshes, run after run while the page stays hostile; once DOJ's API is healthy the next
    run converges to the clean run (the archived hostile page is never trusted again)."""
    from scrapers.fakeweb.faults import SDN_PATHS, serve_sdn

    t = served_v1
    did, change = HOSTILE[kind]
    faults = Path(__file__).resolve().parent / "fixtures" / "faults"
    config = CONFIG.format(url=server.url).replace(
        'base_urls = {', f'base_urls = {{ "https://sanctionslistservice.ofac.treas.gov" = "{server.url}",', 1).replace(
        "rate_limits = {", 'rate_limits = { "sanctionslistservice.ofac.treas.gov" = 0,', 1)
    # the clean run of the same sequence: SDN v1 then v2, DOJ healthy
    clean_dir = t.dir.parent / f"{t.dir.name}-clean"
    shutil.copytree(references["template"], clean_dir)
    clean = Tracker(clean_dir, server)
    for workdir in (t.dir, clean.dir):
        (workdir / "tracker.toml").write_text(config)
    for version in ("sdn_v1", "sdn_v2"):
        serve_sdn(server, faults / version)
        assert clean("update", "--source", "sdn", "--source", "doj").exit_code == 0
    server.always(P1, Body(_hostile_page(change), JSON, "hostile"))
    listed = []
    for version in ("sdn_v1", "sdn_v2"):
        serve_sdn(server, faults / version)
        r = t("update", "--source", "sdn", "--source", "doj")
        assert r.exit_code == 1 and "Traceback" not in r.output, r.output
        assert [line for line in r.output.splitlines() if line.startswith("doj:") and "failed" in line
                or line.startswith("Error: doj")], r.output
        conn = __import__("sqlite3").connect(t.db)
        listed.append(conn.execute("select count(*) from list_observations").fetchone()[0])
        conn.close()
    assert listed == [1, 2], f"the SDN list did not refresh while DOJ failed: {listed}"
    said = next(line for line in r.output.splitlines() if "doj" in line and ("failed" in line or "Error" in line))
    said = said.replace("https://www.justice.gov/api/v1/press_releases.json?sort=date&direction=DESC&pagesize=50&", "…?")
    server.always(P1, None)
    publish(server, "v2")
    for path in SDN_PATHS.values():
        server.always(path, None)
    serve_sdn(server, faults / "sdn_v2")
    r2 = t.update()
    assert r2.exit_code == 0, r2.output
    batches = {"list_observations": {"batch_id"}, "list_events": {"observation_id"}}   # DOJ's failed walks took ids
    lost, dup, differ = compare_rows(rows_by_key(t.db, batches), rows_by_key(clean.db, batches))
    record_fault(kind, f"page 1: {did} (the SDN list published twice meanwhile)",
                 f"one line, exit 1, DOJ data kept, the SDN list refreshed both times: {said[:150]}; healthy again, the"
                 " next run converged", lost, dup, lost == dup == differ == 0,
                 f"test_faults_doj.py::test_hostile_json_is_contained_and_the_other_sources_keep_refreshing[{kind}]",
                 source="doj")
    assert (lost, dup, differ) == (0, 0, 0)


@pytest.mark.parametrize("count", ["1", "0", "-5"])
def test_a_wrong_count_does_not_end_the_first_backfill(count, server, tmp_path, backfill_reference):
    """Page 0 of a first backfill says the list holds `count` releases: the walk must still go
    down to --since (pages 1-3), not end as "whole list covered" and skip them for good."""
    t = Tracker(tmp_path, server)
    publish(server, "v2")
    lying = json.loads(_page(0))
    lying["metadata"]["resultset"]["count"] = count
    server.script(P0, Body(json.dumps(lying).encode(), JSON, f"count {count}"))
    r = t.update("--since", SINCE)
    assert r.exit_code == 0, r.output
    ignore = {"press_releases": BYTES["press_releases"] | FETCHED_AT["press_releases"]}   # page 0's bytes differ
    lost, dup, differ = compare_rows(rows_by_key(t.db, ignore), backfill_reference["rowsanybytes"])
    r2 = t.update("--since", SINCE)
    assert r2.exit_code == 0, r2.output
    lost2, dup2, differ2 = compare_rows(rows_by_key(t.db, ignore), backfill_reference["rowsanybytes"])
    record_fault(f"wrong count on the first backfill ({count})", f'page 0 of a first backfill: resultset count "{count}"'
                 " (the list holds 190)",
                 "the count is not believed over the pages: the walk read down to --since (pages 0-3);"
                 f" {lost} rows lost", lost + lost2, dup + dup2, lost == dup == differ == lost2 == dup2 == differ2 == 0,
                 f"test_faults_doj.py::test_a_wrong_count_does_not_end_the_first_backfill[{count}]", source="doj")
    assert (lost, dup, differ, lost2, dup2, differ2) == (0, 0, 0, 0, 0, 0)
