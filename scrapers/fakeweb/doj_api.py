"""A local stand-in for DOJ's news API v1 (press_releases), serving SYNTHETIC releases.

    from scrapers.fakeweb.doj_api import FakeDojApi
    with FakeDojApi(n=1000) as api:        # 127.0.0.1, a free port, a background thread
        api.url                            # "http://127.0.0.1:PORT"
        api.publish(3)                     # three new releases appear on top (pages shift)
        api.modify(position=5)             # a release is edited: `changed` moves
        api.hold_page(7)                   # the next request for page 7 waits (kill the client meanwhile)
        api.requests                       # every request seen: (page, served)

or from the shell (for manual runs):  python -m scrapers.fakeweb.doj_api --releases 250000 --port 8765

It speaks like the real one, quirks included: `count` is a string, `pagesize` is a string
on some responses and a number on others, `page` is zero-based, pagesize is clamped to 50,
no next link; items carry `date` as unix seconds in a string, `changed`/`created` as HTML
`<time>` strings, body/teaser HTML, `number` often "", URLs with and without `www.`,
`topic` as a list of {uuid, name} or as an HTML string of anchors. Sorting: `sort=date`
(and `created`) with `direction=DESC`/`ASC`; anything else is a 400.
Releases come from scrapers.fakeweb/doj_synthetic.py (generated, labelled SYNTHETIC TEST DATA).
"""
from __future__ import annotations

import argparse
import bisect
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from .doj_synthetic import SyntheticReleases
from .server import LocalServer, send

MAX_PAGESIZE = 50


class FakeDojApi:
    def __init__(self, n: int = 1000, *, seed: int = 1, fentanyl_share: float = 0.12, per_day: int = 60,
                 short: bool = False, port: int = 0, host: str = "127.0.0.1", newest: str = "2025-06-30",
                 listen: bool = True, body_chars: int = 0):
        """listen=False: no server of its own; another server hands it requests (`handle`)."""
        self.gen = SyntheticReleases(n, seed=seed, fentanyl_share=fentanyl_share, per_day=per_day, short=short,
                                     newest=newest, body_chars=body_chars)
        self.lock = threading.Lock()
        self.top: list[dict] = []             # published after start, newest first
        self.versions: dict[int, int] = {}    # generated index -> edit version
        self.deleted: list[int] = []          # generated indices removed (sorted)
        self.requests: list[list] = []        # [page, served, arrival], appended when a request arrives
        self._hold: dict[int, threading.Event] = {}
        self.held = threading.Event()
        self.fail: dict[int, int] = {}        # page -> HTTP status, once
        self.empty: set[int] = set()           # pages answered with no results (a broken API)
        self.before: dict[int, object] = {}    # page -> callable run before that page is served, once
        self._published = 0
        self.web = LocalServer(self._handle, host=host, port=port) if listen else None

    # -- lifecycle -----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.web.url

    def start(self) -> "FakeDojApi":
        self.web.start()
        return self

    def stop(self) -> None:
        for ev in self._hold.values():
            ev.set()
        if self.web is not None:
            self.web.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- the list --------------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.top) + self.gen.n - len(self.deleted)

    def _generated_index(self, k: int) -> int:
        """k-th surviving generated release (deleted ones skipped)."""
        lo, hi = k, k + len(self.deleted)
        while lo < hi:  # smallest i with i - (#deleted <= i) == k
            mid = (lo + hi) // 2
            if mid - bisect.bisect_right(self.deleted, mid) < k:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def item_at(self, pos: int) -> dict:
        if pos < len(self.top):
            return self.top[pos]
        i = self._generated_index(pos - len(self.top))
        return self.gen.item(i, version=self.versions.get(i, 0))

    def all_uuids(self) -> list[str]:
        return [self.item_at(p)["uuid"] for p in range(self.count)]

    # -- changes while a client walks -------------------------------------------------------------
    def publish(self, k: int = 1, *, fentanyl: bool = True) -> list[dict]:
        """k new releases dated today (the newest day), on top of the list."""
        out = []
        with self.lock:
            for _ in range(k):
                self._published += 1
                j = self.gen.n + 10_000_000 + self._published
                base = dict(self.gen.item(j))
                date = self.gen.newest_ts + 86400 * (1 + self._published // 1000)
                base["date"] = str(date)
                if fentanyl and "fentanyl" not in base["body"]:
                    base["title"] = "Man Sentenced for Fentanyl Trafficking"
                    base["body"] = ("<p>Jonah Q. Pickering, 33, of Lakewood, Colorado, was sentenced to 60 months in federal"
                                    " prison for distributing fentanyl.</p>\n" + base["body"])
                self.top.insert(0, base)
                out.append(base)
        return out

    def modify(self, position: int) -> dict:
        """Edit the release at `position` (its `changed` moves, its body gets a line)."""
        with self.lock:
            if position < len(self.top):
                item = self.top[position]
                item["body"] += "<p>Corrected.</p>\n"
                m = re.search(r">(\d+)<", item["changed"])
                ts = int(m.group(1)) + 3600
                item["changed"] = f'<time datetime="x">{ts}</time>\n'
                return item
            i = self._generated_index(position - len(self.top))
            self.versions[i] = self.versions.get(i, 0) + 1
            return self.gen.item(i, version=self.versions[i])

    def delete(self, position: int) -> None:
        with self.lock:
            if position < len(self.top):
                self.top.pop(position)
            else:
                bisect.insort(self.deleted, self._generated_index(position - len(self.top)))

    def hold_page(self, page: int) -> threading.Event:
        """The next request for `page` waits until the returned event is set (or the server
        stops); it then gets no answer. Set `held` when it arrives."""
        ev = threading.Event()
        self._hold[page] = ev
        return ev

    def pages_requested(self) -> list[int]:
        return [r[0] for r in list(self.requests) if r[0] is not None]

    def pages_served(self) -> list[int]:
        return [r[0] for r in list(self.requests) if r[1] and r[0] is not None]

    def arrival_times(self) -> list[float]:
        """time.monotonic() of each page request's arrival."""
        return [r[2] for r in list(self.requests) if r[0] is not None]

    # -- HTTP --------------------------------------------------------------------------------------
    def handle(self, h: BaseHTTPRequestHandler, path: str) -> None:
        """Answer a request another server received, `path` being its path under the API root
        (scrapers/fakeweb/sources.py mounts the API under /doj)."""
        h.path = path
        self._handle(h)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        m = re.fullmatch(r"/api/v1/press_releases/([0-9a-f-]{36})\.json", parts.path)
        if m:
            return self._single(h, m.group(1), q)
        if parts.path != "/api/v1/press_releases.json":
            return self._send(h, 404, {"error": "not found"}, None)
        try:
            page = int(q.get("page", "0"))
            size = int(q.get("pagesize", "20"))
        except ValueError:
            return self._send(h, 400, {"error": "bad page"}, None)
        if q.get("sort", "date") not in ("date", "created") or q.get("direction", "DESC").upper() not in ("DESC", "ASC"):
            return self._send(h, 400, {"error": "unsupported sort"}, None)
        size = max(1, min(size, MAX_PAGESIZE))
        record = [page, False, time.monotonic()]
        with self.lock:
            self.requests.append(record)
        hold = self._hold.pop(page, None)
        if hold is not None:
            self.held.set()
            hold.wait(timeout=60)
            return  # the client was killed meanwhile: no answer
        status = self.fail.pop(page, None)
        if status:
            return self._send(h, status, {"error": "injected"}, record)
        hook = self.before.pop(page, None)
        if hook is not None:
            hook()
        with self.lock:
            total = self.count
            start = page * size
            if q.get("direction", "DESC").upper() == "ASC":
                positions = [total - 1 - p for p in range(start, min(total, start + size))]
            else:
                positions = list(range(start, min(total, start + size)))
            results = [] if page in self.empty else [self.item_at(p) for p in positions]
        body = {
            "metadata": {"responseInfo": {"status": 200},
                         "resultset": {"count": str(total), "pagesize": str(size) if page % 2 else size, "page": page},
                         "executionTime": 0.01},
            "results": results,
        }
        self._send(h, 200, body, record)

    def _single(self, h, uuid: str, q: dict) -> None:
        with self.lock:
            found = None
            for p in range(min(self.count, 5000)):
                if self.item_at(p)["uuid"] == uuid:
                    found = self.item_at(p)
                    break
        if not found:
            return self._send(h, 404, {"error": "no such release"}, None)
        fields = [f for f in q.get("fields", "").split(",") if f]
        item = {k: v for k, v in found.items() if not fields or k in fields}
        self._send(h, 200, {"metadata": {"responseInfo": {"status": 200},
                                         "resultset": {"count": "1", "pagesize": 20, "page": 0},
                                         "executionTime": 0.01}, "results": [item]}, None)

    def _send(self, h, status: int, body: dict, record: list | None) -> None:
        data = json.dumps(body).encode()
        if record is not None and status == 200:
            record[1] = True  # marked before the bytes leave: the client may act on them at once
        if not send(h, status, data, {"Content-Type": "application/json"}) and record is not None:
            record[1] = False


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--releases", type=int, default=250_000)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--fentanyl-share", type=float, default=0.12)
    ap.add_argument("--short", action="store_true", help="short bodies (smaller archive)")
    args = ap.parse_args(argv)
    api = FakeDojApi(args.releases, port=args.port, fentanyl_share=args.fentanyl_share, short=args.short).start()
    print(f"fake DOJ API with {args.releases:,} synthetic releases on {api.url}", flush=True)
    print(f"TRACKER_BASE_URLS='https://www.justice.gov={api.url},https://justice.gov={api.url}'", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        api.stop()


if __name__ == "__main__":
    main()
