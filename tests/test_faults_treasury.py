"""The fault matrix for the Treasury source: `tracker update --source treasury` against a
local stand-in for ofac.treasury.gov and home.treasury.gov (scrapers/fakeweb/faults.py) that
misbehaves on purpose, on each kind of page the crawler reads: OFAC's listing, a release
page, a Recent Actions page.

Every scenario starts from a database holding the site as it was (v1, fetched cleanly);
the site then publishes four new releases (v2: the incremental walk reads listing pages 0
and 1, two new E.O. 14059 releases and their Recent Actions pages) and misbehaves while
doing so. Each asserts
  - the fault was really exercised (the server logged it),
  - the outcome: recovered within the run (retries) and the database equals the clean
    reference, or refused with an error naming the URL, a non-zero exit and the old
    database unchanged byte for byte,
  - a rerun once the server is healthy converges to the clean run: no row lost, none
    duplicated (rows compared by primary key), equal scrapers.db.content_hashes,
  - the run after that builds nothing (idempotent).
Plus: SIGKILL mid-backfill then resume, SIGKILL during the build, the same run twice.
Each writes its row of
test-artifacts/fault-matrix.json (python tests/faultmatrix.py render).

Everything served is invented (names, ids, dates), written here to imitate the pages' layout.
"""
from __future__ import annotations

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
FROZEN = "2025-07-01T12:00:00Z"      # fetch time of every in-process run: runs compare byte for byte

# -- the invented site --------------------------------------------------------------------------------
# id: (date, title, E.O. 14059 designees (bold in the text), Recent Actions key)
RELEASES = {
    "tz3010": ("2024-06-27", "Treasury Sanctions Pill Press Brokers Supplying Fentanyl Laboratories",
               ["Renata Olvido Cañas", "Prensas Ficticias del Bajío"], "20240627"),
    "tz3009": ("2024-06-20", "Treasury Publishes Invented Report on Exchange Rates", [], None),
    "tz3008": ("2024-06-13", "Treasury Sanctions Fentanyl Trafficker Ulises Tapia Quiñones",
               ["Ulises Tapia Quiñones"], "20240613"),
    "tz3007": ("2024-06-06", "Readout: Deputy Secretary Meets Invented Bankers", [], None),
    "tz3006": ("2024-05-23", "Treasury Targets Precursor Chemical Suppliers",
               ["Química Andina Inventada", "Teodoro Ybarra Luján"], "20240523"),
    "tz3005": ("2024-05-09", "Remarks by an Invented Official on Tax Season", [], None),
    "tz3004": ("2024-04-18", "Treasury Sanctions Money Launderers for an Invented Cartel",
               ["Graciela Murrieta Oñate"], "20240418"),
    "tz3003": ("2024-03-28", "Treasury Targets Invented Shipping Network", [], None),
    "tz3002": ("2024-03-07", "Treasury Sanctions Online Pill Sellers", ["Farmacia Nube Azul"], "20240307"),
    "tz3001": ("2024-02-15", "Treasury Announces Invented Bond Auction Results", [], None),
    "tz2901": ("2019-10-03", "Treasury Identifies an Invented Kingpin", [], None),
}
V1 = ["tz3006", "tz3005", "tz3004", "tz3003", "tz3002", "tz3001", "tz2901"]
V2 = ["tz3010", "tz3009", "tz3008", "tz3007"] + V1
PER_PAGE = 3
SINCE = "2024-01-01"

LISTING = "/ofac/press-releases"
L0, L1 = f"{LISTING}?page=0", f"{LISTING}?page=1"
R = "/home/news/press-releases/tz3010"          # a new E.O. 14059 release (with a Recent Actions page)
R2 = "/home/news/press-releases/tz3008"
A = "/ofac/recent-actions/20240627"             # tz3010's Recent Actions page


def listing_page(items: list[str], page: int, last: bool, offsite: str | None = None) -> bytes:
    rows = []
    for rid in items:
        date = RELEASES[rid][0]
        href = (f"https://home.treasury.gov/index.php/news/press-releases/{rid}" if int(rid[2:]) % 2
                else f"/news/press-releases/{rid}")
        rows.append(f'<tr><td class="views-field views-field-field-release-date"><time datetime="{date}T14:00:00Z">'
                    f'{date[5:7]}/{date[8:10]}/{date[:4]}</time></td><td class="views-field views-field-title">'
                    f'<a href="{href}">{RELEASES[rid][1]}</a></td></tr>')
    if offsite:
        rows.insert(1, f'<tr><td>06/21/2024</td><td><a href="{offsite}">Mirror: Treasury Sanctions Someone</a></td></tr>')
    nxt = "" if last else (f'<li class="usa-pagination__item usa-pagination__arrow"><a href="?page={page + 1}" '
                           'class="usa-pagination__link usa-pagination__next-page">Next</a></li>')
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Press Releases | Office of Foreign'
            ' Assets Control</title></head><body><header class="usa-header"><nav class="usa-nav"><a href="https://home'
            '.treasury.gov/news/press-releases/tz0001">Featured</a></nav></header><main id="main-content">'
            '<h1 class="uswds-page-title">Press Releases</h1><div class="view-content"><table class="views-table">'
            f'<tbody>{"".join(rows)}</tbody></table></div><nav class="usa-pagination"><ul>{nxt}</ul></nav></main>'
            '</body>\n</html>\n').encode()


def release_body(rid: str) -> str:
    date, title, names, ra = RELEASES[rid]
    if not names:
        return (f"<p>WASHINGTON — Today, the U.S. Department of the Treasury published “{title}”, an invented"
                " announcement for the tracker’s tests.</p><p>Officials met in Washington to discuss the results.</p>")
    bold = ", ".join(f"<strong>{n}</strong>" for n in names)
    plain = " and ".join(names)
    paras = [f"<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
             f" sanctioned {bold}, who supply the fentanyl trade from Mexico, pursuant to Executive Order (E.O.)"
             " 14059.</p>",
             "<p>“We will keep cutting off the supply of illicit fentanyl,” said an invented Under Secretary.</p>",
             f"<p>{plain} {'are' if len(names) > 1 else 'is'} being designated pursuant to E.O. 14059 for having"
             " engaged in activities that have materially contributed to the international proliferation of illicit"
             " drugs or their means of production.</p>"]
    if ra:
        paras.append(f'<p><a href="https://ofac.treasury.gov/recent-actions/{ra}">View more information on the'
                     " individuals and entities designated today.</a></p>")
    paras.append('<p class="text-align-center">###</p>')
    return "".join(paras)


def release_page(rid: str, *, date: bool = True, body: bool = True) -> bytes:
    d, title = RELEASES[rid][:2]
    time_div = (f'<div class="field field--name-field-news-publication-date"><time datetime="{d}T14:00:00Z"'
                f' class="datetime">{d}</time></div>') if date else ""
    body_div = (f'<div class="text-formatted field field--name-field-news-body">{release_body(rid)}</div>'
                if body else '<div class="field field--name-field-news-summary"><p>See the attachment.</p></div>')
    return (f'<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8" /><title>{title} | U.S.'
            f' Department of the Treasury</title><link rel="canonical" href="https://home.treasury.gov/news/'
            f'press-releases/{rid}" /></head><body><header><nav><a href="/news/press-releases">Press Releases</a>'
            f'</nav></header><main><div class="page-title-wrapper"><h2 class="uswds-page-title">{title}</h2></div>'
            f'<article about="/news/press-releases/{rid}" class="entity--type-node"><div>{time_div}{body_div}</div>'
            '</article></main><footer><a href="/news/press-releases/tz0002">Another release</a></footer></body>\n'
            '</html>\n').encode()


def sdn_line(name: str) -> str:
    if any(w in name for w in ("Química", "Prensas", "Farmacia")):
        return f"{name.upper()}, Calle Inventada 12, Culiacan, Sinaloa, Mexico [ILLICIT-DRUGS-EO14059]."
    given, *rest = name.split(" ")
    return (f"{' '.join(rest).upper()}, {given}, Mexico; DOB 01 Jan 1980; nationality Mexico (individual)"
            " [ILLICIT-DRUGS-EO14059].")


def recent_actions_page(key: str, *, entries: bool = True) -> bytes:
    rid = next(r for r, v in RELEASES.items() if v[3] == key)
    names = RELEASES[rid][2]
    lines = "".join(f"<p>{sdn_line(n)}</p>" for n in names) if entries else \
        "<p>The entries are now published as a downloadable file.</p>"
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Counter Narcotics Designations |'
            ' Office of Foreign Assets Control</title></head><body><main id="main-content"><h2 class="uswds-page-title">'
            'Counter Narcotics Designations</h2><article class="entity--type-node"><div class="field field--name-field-'
            f'release-date"><time datetime="{key[:4]}-{key[4:6]}-{key[6:]}T17:00:00Z">{key}</time></div><div class='
            '"text-formatted field field--name-body"><p><strong>Treasury Press Release:</strong></p>'
            f'<p><a href="https://home.treasury.gov/news/press-releases/{rid}">{RELEASES[rid][1]}</a></p>'
            "<p><strong>Counter Narcotics Designations:</strong></p><p>The following have been added to OFAC's SDN"
            f" List:</p>{lines}</div></article></main></body>\n</html>\n").encode()


def publish(srv: FaultServer, version: str) -> None:
    """Serve the site as it stands at `version` (v1 or v2), all faults healed."""
    srv.heal()
    ids = V1 if version == "v1" else V2
    pages = [ids[k:k + PER_PAGE] for k in range(0, len(ids), PER_PAGE)]
    for path in [p for p in srv.resources if p.startswith(LISTING)]:
        del srv.resources[path]
    for n, chunk in enumerate(pages):
        srv.serve(f"{LISTING}?page={n}", listing_page(chunk, n, n == len(pages) - 1), "text/html; charset=utf-8")
    for rid in RELEASES:
        srv.serve(f"/home/news/press-releases/{rid}", release_page(rid), "text/html; charset=utf-8")
        if RELEASES[rid][3]:
            key = RELEASES[rid][3]
            srv.serve(f"/ofac/recent-actions/{key}", recent_actions_page(key), "text/html; charset=utf-8")


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
max_bytes = 200000
rate_limits = {{ "home.treasury.gov" = 0, "ofac.treasury.gov" = 0 }}
base_urls = {{ "https://home.treasury.gov" = "{url}/home", "https://ofac.treasury.gov" = "{url}/ofac" }}

[treasury]
since = "{since}"
"""

SLEPT: list[float] = []


@pytest.fixture(scope="module", autouse=True)
def frozen():
    with fast_and_frozen(SLEPT, FROZEN):
        yield


class Tracker(CliTracker):
    source = "treasury"

    def __init__(self, workdir: Path, server: FaultServer):
        super().__init__(workdir, CONFIG.format(url=server.url, since=SINCE))


# columns that say from which bytes a row was read, not what it says (a server that keeps
# sending the same page in another encoding)
BYTES = {"press_releases": {"archive_sha256"}}


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def references(server, tmp_path_factory) -> dict:
    """The clean run: v1, then v2 (rows by key and content hashes), and a v1 working
    directory every scenario starts from (copied)."""
    t = Tracker(tmp_path_factory.mktemp("treasury-v1"), server)
    publish(server, "v1")
    r = t.update()
    assert r.exit_code == 0, r.output
    template = tmp_path_factory.mktemp("treasury-template")
    shutil.copytree(t.dir, template, dirs_exist_ok=True)
    publish(server, "v2")
    r = t.update()
    assert r.exit_code == 0, r.output
    return {"template": template, "rows": rows_by_key(t.db), "hashes": content_hashes(t.db),
            "rows_anybytes": rows_by_key(t.db, BYTES), "hashes_anybytes": hashes_without(t.db, BYTES),
            "rows_fetched_at": rows_by_key(t.db, FETCHED_AT), "hashes_fetched_at": hashes_without(t.db, FETCHED_AT)}


def rows_by_key_ref(references: dict) -> dict:
    return references["rows_fetched_at"]


@pytest.fixture
def served_v1(server, tmp_path, references) -> Tracker:
    shutil.copytree(references["template"], tmp_path, dirs_exist_ok=True)
    t = Tracker(tmp_path, server)
    publish(server, "v2")
    server.clear_hits()
    SLEPT.clear()
    return t


def test_the_clean_run_holds_what_the_site_published(references):
    rows = references["rows"]
    assert sorted(k[0] for k in rows["press_releases"]) == sorted(f"treasury:{r}" for r in V2 if r != "tz2901")
    assert len(rows["recent_actions"]) == sum(len(v[2]) for v in RELEASES.values() if v[3])
    designated = {k for k, v in rows["press_release_designations"].items() if v[0]["role"] == "designated"}
    assert {k[0] for k in designated} == {f"treasury:{r}" for r, v in RELEASES.items() if v[2]}
    assert not rows["errors"]


# -- the scenarios ----------------------------------------------------------------------------------
def _page(rid: str, **kw) -> bytes:
    return release_page(rid, **kw)


def _cp1252(rid: str) -> bytes:
    return release_page(rid).decode("utf-8").replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252")


def _mixed(rid: str) -> bytes:
    """UTF-8, but the quote paragraph left in Windows-1252 (a page pasted together from two systems)."""
    page = release_page(rid)
    quote = "“We will keep cutting off the supply of illicit fentanyl,” said an invented Under Secretary."
    return page.replace(quote.encode("utf-8"), quote.encode("cp1252"))


def _relayout() -> bytes:
    """OFAC's listing after a redesign: cards whose links are in data attributes (no <a href>)."""
    cards = "".join(f'<div class="card" data-nid="{rid}" data-path="/news/pr/{rid}"><h3>{RELEASES[rid][1]}</h3></div>'
                    for rid in V2[:3])
    return (f'<!DOCTYPE html>\n<html><head><title>Press Releases</title></head><body><main><div class="cards">{cards}'
            '</div><button class="load-more">Load more</button></main></body>\n</html>\n').encode()


EMPTY_LISTING = ('<!DOCTYPE html>\n<html><head><title>Press Releases</title></head><body><main><div class="view-content">'
                 '<p class="view-empty">No press releases found.</p></div></main></body>\n</html>\n').encode()


@dataclass
class Scenario:
    kind: str
    server_did: str
    setup: Callable[[FaultServer], None]
    expect: str                      # recovered | refused | kept (the run went on without that page)
    error: str | None = None         # regex the output must match (refused / kept)
    exercised: str | None = None     # a hit outcome the server must have logged
    heal: bool = True                # False: the server keeps doing it (the data are right)


HTML = "text/html; charset=utf-8"
SCENARIOS = [
    # -- HTTP status
    Scenario("HTTP 500 (persistent), listing page", "every request for listing page 0 answered 500",
             lambda s: s.always(L0, Status(500)), "refused",
             r"https://ofac\.treasury\.gov/press-releases\?page=0: gave up after 3 attempts: HTTP 500", "HTTP 500"),
    Scenario("HTTP 500 (persistent), release page", "every request for a new release answered 500",
             lambda s: s.always(R, Status(500)), "refused",
             r"press-releases/tz3010: gave up after 3 attempts: HTTP 500", "HTTP 500"),
    Scenario("HTTP 500 (persistent), Recent Actions page", "every request for a release's Recent Actions page answered 500",
             lambda s: s.always(A, Status(500)), "kept",
             r"recent-actions/20240627: gave up after 3 attempts: HTTP 500", "HTTP 500"),
    Scenario("HTTP 502/503 then success", "listing page 1: 502, then 503, then the page",
             lambda s: s.script(L1, Status(502), Status(503)), "recovered", exercised="HTTP 503"),
    Scenario("HTTP 429 with Retry-After", "a release page: 429 Retry-After: 2, then the page",
             lambda s: s.script(R, RetryAfter(2)), "recovered", exercised="HTTP 429 Retry-After 2"),
    # -- the connection
    Scenario("connection reset", "a Recent Actions page: TCP reset (RST) twice, then the page",
             lambda s: s.script(A, Reset(), Reset()), "recovered", exercised="connection reset"),
    Scenario("read timeout", "listing page 0: accepted, then silence for 3 s (read timeout 0.5 s)",
             lambda s: s.script(L0, Stall(3.0)), "recovered", exercised="stall before answering"),
    Scenario("slow drip", "a release page 32 bytes every 50 ms (each read fast, the whole > 1.5 s deadline)",
             lambda s: s.script(R, Drip(step=32, delay=0.05)), "recovered", exercised="slow drip"),
    Scenario("truncated body", "a release page: full Content-Length declared, half sent, closed",
             lambda s: s.script(R2, Truncate(0.5)), "recovered", exercised="truncated body"),
    Scenario("wrong Content-Length (too long)", "listing page 1: declared 500 bytes more than it sent",
             lambda s: s.script(L1, WrongLength(+500)), "recovered", exercised="wrong Content-Length"),
    Scenario("wrong Content-Length (too short), release page",
             "a release page declared 200 bytes fewer than its body: the client reads a cut page",
             lambda s: s.always(R, WrongLength(-200)), "refused", r"tz3010: the page ends before </html> after [\d,]+"
             r" characters \(truncated in transit\?\)", "wrong Content-Length"),
    Scenario("wrong Content-Length (too short), listing page",
             "listing page 0 declared 600 bytes fewer than its body: the cut page loses its 'next' link",
             lambda s: s.always(L0, WrongLength(-600)), "refused", r"press-releases\?page=0: the page ends before </html>"
             r" after [\d,]+ characters \(truncated in transit\?\)",
             "wrong Content-Length"),
    # -- encodings
    Scenario("wrong encoding (Windows-1252 page)", "a release page in Windows-1252 (served as charset=utf-8)",
             lambda s: s.always(R, Body(_cp1252("tz3010"), HTML, "cp1252")), "recovered", exercised="cp1252",
             heal=False),
    Scenario("wrong encoding (mixed UTF-8 / Windows-1252)", "a UTF-8 release page with one paragraph in Windows-1252",
             lambda s: s.always(R, Body(_mixed("tz3010"), HTML, "mixed")), "recovered", exercised="mixed", heal=False),
    Scenario("wrong encoding (UTF-16)", "a release page re-encoded as UTF-16 with a BOM",
             lambda s: s.always(R, Body(b"\xff\xfe" + release_page("tz3010").decode().encode("utf-16-le"), HTML,
                                        "utf-16")), "recovered", exercised="utf-16", heal=False),
    # -- markup
    Scenario("release without a date", "a release page without its publication date",
             lambda s: s.always(R, Body(_page("tz3010", date=False), HTML, "no date")), "refused",
             r"press-releases/tz3010: no publication date", "no date"),
    Scenario("release without a body", "a release page without its body (only a summary field)",
             lambda s: s.always(R, Body(_page("tz3010", body=False), HTML, "no body")), "refused",
             r"press-releases/tz3010: no release body", "no body"),
    Scenario("listing whose layout changed", "listing page 0 redesigned: cards without <a href> links",
             lambda s: s.always(L0, Body(_relayout(), HTML, "new layout")), "refused",
             r"press-releases\?page=0: listing page yielded no press-release links", "new layout"),
    Scenario("Recent Actions page whose layout changed", "an E.O. 14059 release's Recent Actions page without entries",
             lambda s: s.always(A, Body(recent_actions_page("20240627", entries=False), HTML, "no entries")), "refused",
             r"recent-actions/20240627: the page announces SDN List changes .* but yields no entry",
             "no entries"),
    Scenario("listing that yields zero items", "listing page 0: a well-formed page saying 'No press releases found.'",
             lambda s: s.always(L0, Body(EMPTY_LISTING, HTML, "empty")), "refused",
             r"press-releases\?page=0: listing page yielded no press-release links", "empty"),
    Scenario("listing page 1 yields zero items", "page 0 links to page 1, which lists nothing",
             lambda s: s.always(L1, Body(EMPTY_LISTING, HTML, "empty")), "refused",
             r"press-releases\?page=1: listing page yielded no press-release links", "empty"),
    # -- where the links lead
    Scenario("redirect to a non-allow-listed host, release page", "a release page: 302 to http://localhost:PORT/…",
             lambda s: s.always(R, Redirect(f"http://localhost:{s.port}/home/news/press-releases/tz3010")), "refused",
             r"redirect to 'localhost' refused: not on the allow-list", "redirect to"),
    Scenario("redirect to a non-allow-listed host, listing page", "listing page 0: 302 to http://localhost:PORT/…",
             lambda s: s.always(L0, Redirect(f"http://localhost:{s.port}{L0}")), "refused",
             r"redirect to 'localhost' refused: not on the allow-list", "redirect to"),
    Scenario("release link pointing off-site", "listing page 0 links to http://localhost:PORT/news/press-releases/tz9999",
             lambda s: s.serve(L0, listing_page(V2[:3], 0, False,
                                                offsite=f"http://localhost:{s.port}/home/news/press-releases/tz9999"),
                               HTML), "recovered"),
    # -- size
    Scenario("oversized response (declared), listing page", "listing page 0: Content-Length 5,000,000 (cap 200,000)",
             lambda s: s.always(L0, Oversize(5_000_000, declare=True)), "refused",
             r"response too large: Content-Length 5000000", "oversized response"),
    Scenario("oversized response (chunked), release page", "a release page: an endless chunked body",
             lambda s: s.always(R, Oversize(5_000_000, declare=False)), "refused",
             r"response too large: more than 200000 bytes", "oversized response"),
    Scenario("oversized response, Recent Actions page", "a Recent Actions page: Content-Length 5,000,000",
             lambda s: s.always(A, Oversize(5_000_000, declare=True)), "kept",
             r"recent-actions/20240627: response too large", "oversized response"),
    Scenario("redirect to a non-allow-listed host, Recent Actions page", "a Recent Actions page: 302 to http://localhost:PORT/…",
             lambda s: s.always(A, Redirect(f"http://localhost:{s.port}{A}")), "kept",
             r"recent-actions/20240627: redirect to 'localhost' refused: not on the allow-list", "redirect to"),
    Scenario("wrong Content-Length (too short), Recent Actions page",
             "a Recent Actions page declared 300 bytes fewer than its body: the client reads a cut page",
             lambda s: s.always(A, WrongLength(-300)), "refused", r"recent-actions/20240627: the page ends before"
             r" </html> after [\d,]+ characters \(truncated in transit\?\)", "wrong Content-Length"),
    # -- everything at once
    Scenario("every page misbehaves once", "each of the 8 pages of the run fails once, its own way (502, 503, 429,"
             " reset, truncated, stall, Content-Length too long)", lambda s: storm(s), "recovered",
             exercised="HTTP 502"),
]

STORM = {L0: Status(502), L1: Reset(), R: RetryAfter(1), "/home/news/press-releases/tz3009": Truncate(0.3),
         R2: Status(503), "/home/news/press-releases/tz3007": WrongLength(+300), A: Stall(3.0),
         "/ofac/recent-actions/20240613": Reset()}


def storm(s: FaultServer) -> None:
    for path, fault in STORM.items():
        s.script(path, fault)


def _converged(t: Tracker, references: dict, heal: bool) -> tuple[int, int, int, bool]:
    if heal:
        got, ref = rows_by_key(t.db), references["rows"]
        same = content_hashes(t.db) == references["hashes"]
    else:
        got, ref = rows_by_key(t.db, BYTES), references["rows_anybytes"]
        same = hashes_without(t.db, BYTES) == references["hashes_anybytes"]
    lost, dup, differ = compare_rows(got, ref)
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
    assert not any("tz9999" in h.path for h in server.hits()), "an off-site link was followed"
    if sc.expect == "recovered":
        assert r.exit_code == 0, output
        lost, dup, differ, same = _converged(t, references, sc.heal)
        assert (lost, dup, differ) == (0, 0, 0) and same, "the recovered run differs from the clean run"
        outcome = "recovered within the run (retried)" if "retry" in output else "read correctly"
    elif sc.expect == "refused":
        assert r.exit_code != 0, output
        assert re.search(sc.error, output, re.S), output
        assert sha(t.db) == before_sha, "a refused run changed the database"
        said = re.search(sc.error, output, re.S).group(0)
        outcome = "refused, exit 1, old database kept: " + said[:110]
    else:
        assert r.exit_code == 0, output
        assert re.search(sc.error, output, re.S), output
        lost, dup, differ, _ = _converged(t, references, True)
        assert lost and not dup, "the release should be in, without its Recent Actions rows"
        outcome = f"release kept without its Recent Actions page ({lost} rows owed, logged); the next run fetches it"
    if sc.kind.startswith("HTTP 429"):
        assert 2.0 in SLEPT, f"Retry-After was not honoured: waits {SLEPT}"
    if sc.kind == "every page misbehaves once":
        got = {(h.path, h.outcome) for h in server.hits()}
        assert all((path, fault.name) in got for path, fault in STORM.items()), got
    # heal, rerun: converges to the clean run
    if sc.heal:
        publish(server, "v2")
    r2 = t.update()
    assert r2.exit_code == 0, r2.output
    lost, dup, differ, same = _converged(t, references, sc.heal)
    # and once more: nothing new, nothing changes
    before_again = sha(t.db)
    r3 = t.update()
    assert r3.exit_code == 0 and "Nothing new" in r3.output, r3.output
    assert sha(t.db) == before_again
    record_fault(sc.kind, sc.server_did, outcome + f" ({took:.1f} s)", lost, dup, converged=(lost == dup == differ == 0
                                                                                          and same),
                 test=f"test_faults_treasury.py::test_fault[{sc.kind}]", source="treasury")
    assert (lost, dup, differ) == (0, 0, 0) and same, (lost, dup, differ, same)


def test_same_run_twice_is_idempotent(server, served_v1, references):
    t = served_v1
    assert t.update().exit_code == 0
    first_sha = sha(t.db)
    server.clear_hits()
    r = t.update()
    assert r.exit_code == 0 and "Nothing new" in r.output, r.output
    assert sha(t.db) == first_sha
    # one request: listing page 0, whose first release is stored
    assert [h.path for h in server.hits()] == [L0]
    lost, dup, differ, same = _converged(t, references, True)
    record_fault("same run twice", "the same site again",
                 "nothing new: listing page 0 read, no release fetched, no build, database byte-identical",
                 lost, dup, lost == dup == differ == 0 and same, "test_faults_treasury.py::test_same_run_twice_is_idempotent",
                 source="treasury")
    assert (lost, dup, differ) == (0, 0, 0) and same


FETCHED_AT = {"press_releases": {"fetched_at"}}


def test_interruption_mid_backfill_then_resume(server, tmp_path, references):
    """`tracker update` (a first backfill) SIGKILLed while it waits for the Recent Actions page
    of a release on listing page 2 (the release is archived, its page is not); the next run
    resumes on listing page 2 from the archive, fetches that Recent Actions page, and no page
    is fetched twice; nothing lost or duplicated."""
    t = Tracker(tmp_path, server)
    publish(server, "v2")
    held = "/ofac/recent-actions/20240418"         # tz3004's, listed on page 2
    hold = Hold()
    server.always(held, hold)
    server.clear_hits()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    proc = subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(t.db), "update", "--source", "treasury"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert hold.reached.wait(30), "the backfill never reached tz3004's Recent Actions page"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        hold.release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert not t.db.exists()                     # killed before any build
    server.always(held, None)
    r = t.update()
    assert r.exit_code == 0, r.output
    assert "resuming the backfill" in r.output and "recent-actions/20240418" in r.output, r.output
    served = [h.path for h in server.hits() if h.outcome == "200"]
    twice = sorted({p for p in served if served.count(p) > 1})
    lost, dup, differ = compare_rows(rows_by_key(t.db, FETCHED_AT), rows_by_key_ref(references))
    same = hashes_without(t.db, FETCHED_AT) == references["hashes_fetched_at"]
    # and the run after that: nothing new
    r3 = t.update()
    assert r3.exit_code == 0 and "Nothing new" in r3.output, r3.output
    record_fault("interruption mid-backfill, then resume",
                 "none (the tracker process was SIGKILLed while waiting for a Recent Actions page, listing page 2)",
                 f"the next run resumed at listing page 2 (read from the archive) and fetched the Recent Actions"
                 f" page it was owed; pages served twice: {len(twice)}",
                 lost, dup, lost == dup == differ == 0 and same and not twice,
                 "test_faults_treasury.py::test_interruption_mid_backfill_then_resume", source="treasury")
    assert twice == [], f"fetched twice: {twice}"
    assert (lost, dup, differ) == (0, 0, 0) and same


def test_interruption_during_the_build(server, served_v1, references):
    """`tracker update` SIGKILLed in the middle of its build (TRACKER_BUILD_FAULT): the old
    database keeps serving, byte for byte; the next run builds what was fetched, without
    fetching a release again."""
    t = served_v1
    before = sha(t.db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_BUILD_FAULT"] = "applied:die"
    p = subprocess.run([sys.executable, "-m", "scrapers", "--db", str(t.db), "update", "--source", "treasury"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == -signal.SIGKILL, p.stderr
    assert sha(t.db) == before
    r = t.update()
    assert r.exit_code == 0, r.output
    assert "recovering 1 batch(es)" in r.output, r.output
    releases = [h.path for h in server.hits() if "/press-releases/" in h.path]
    again = sorted({p for p in releases if releases.count(p) > 1})
    lost, dup, differ = compare_rows(rows_by_key(t.db, FETCHED_AT), references["rows_fetched_at"])
    same = hashes_without(t.db, FETCHED_AT) == references["hashes_fetched_at"]
    record_fault("interruption during the build", "none (the tracker process was SIGKILLed mid-build)",
                 f"old database intact; the next run built the fetched batch (releases requested again: {len(again)})",
                 lost, dup, lost == dup == differ == 0 and same and not again,
                 "test_faults_treasury.py::test_interruption_during_the_build", source="treasury")
    assert again == [], f"requested again: {again}"
    assert (lost, dup, differ) == (0, 0, 0) and same


def test_rebuild_reproduces_the_database_after_faults(server, served_v1, references):
    """After runs that were refused, kept a release without its Recent Actions page, and
    recovered, `tracker rebuild` (archive only, no network) reproduces the database exactly."""
    t = served_v1
    server.always(A, Status(500))
    server.always(R2, Body(_page("tz3008", date=False), HTML, "no date"))
    assert t.update().exit_code == 1               # tz3008 has no date: the batch is rejected
    server.always(R2, None)
    assert t.update().exit_code == 0               # in, but without tz3010's Recent Actions page
    publish(server, "v2")
    server.script(L0, Truncate(0.4))
    assert t.update().exit_code == 0               # the owed page comes in
    assert content_hashes(t.db) == references["hashes"]
    r = t("rebuild")
    assert r.exit_code == 0, r.output
    assert content_hashes(t.db) == references["hashes"]
