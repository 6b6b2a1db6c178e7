"""A local HTTP server on 127.0.0.1 that misbehaves on purpose, for the fault-injection tests.

    with FaultServer() as srv:
        srv.serve("/api/x.csv", b"...")                # healthy: 200, ETag, Last-Modified, 304 on match
        srv.script("/api/x.csv", Status(503), Status(502))   # the next two requests fail, then healthy
        srv.always("/api/y.csv", Reset())              # every request fails
        srv.url                                         # http://127.0.0.1:PORT
        srv.hits("/api/x.csv")                          # what the server saw (time, headers, outcome)

Faults: Status, RetryAfter, Reset, Stall, Drip, DripHeaders, Truncate, WrongLength, Redirect, Oversize,
Body, Hold (the request waits until the test lets it go: kill the client meanwhile).

A path registered with a query string ("/press-releases?page=1") is served for that exact
request; otherwise the query is ignored ("/signed/SDN.CSV?sig=x" gets "/signed/SDN.CSV").

Comparing a database with the clean run's: `rows_by_key(db)` (rows by primary key),
`compare_rows(got, ref)` -> (lost, duplicated, differing), `hashes_without(db, volatile)`
(scrapers.db.content_hashes with columns such as fetch times left out).

Also the fault matrix helpers: `record_fault(...)` adds a row to
test-artifacts/fault-matrix.json (one row per source and fault kind, merged across test
runs), and

    python tests/faultserver.py render [test-artifacts/fault-matrix.json]

prints it as one markdown table, grouped by source (for BENCHMARKS.md / README).
"""
from __future__ import annotations

import dataclasses
import email.utils
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATRIX_PATH = ROOT / "test-artifacts" / "fault-matrix.json"
LAST_MODIFIED = "Fri, 14 Mar 2025 15:04:05 GMT"


@dataclasses.dataclass
class Hit:
    path: str
    at: float
    headers: dict
    outcome: str


@dataclasses.dataclass
class Resource:
    body: bytes
    content_type: str = "text/csv"
    etag: str | None = None
    last_modified: str | None = LAST_MODIFIED
    extra_headers: dict = dataclasses.field(default_factory=dict)


# -- faults ---------------------------------------------------------------------------------
class Fault:
    name = "fault"

    def respond(self, h: "_Handler", res: Resource | None) -> None:
        raise NotImplementedError


@dataclasses.dataclass
class Status(Fault):
    code: int
    headers: dict = dataclasses.field(default_factory=dict)
    body: bytes = b"<html><body>Service unavailable</body></html>"

    @property
    def name(self):
        return f"HTTP {self.code}"

    def respond(self, h, res):
        h.send_raw(self.code, {"Content-Type": "text/html", **self.headers}, self.body)


@dataclasses.dataclass
class RetryAfter(Fault):
    seconds: int = 1
    code: int = 429

    @property
    def name(self):
        return f"HTTP {self.code} Retry-After {self.seconds}"

    def respond(self, h, res):
        h.send_raw(self.code, {"Retry-After": str(self.seconds), "Content-Type": "text/plain"}, b"slow down")


class Reset(Fault):
    """Accept the request, then reset the TCP connection (RST) without answering."""
    name = "connection reset"

    def respond(self, h, res):
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True


@dataclasses.dataclass
class Stall(Fault):
    """Say nothing for `seconds` (the client's read timeout should fire first)."""
    seconds: float = 5.0
    after_headers: bool = False

    @property
    def name(self):
        return "stall after headers" if self.after_headers else "stall before answering"

    def respond(self, h, res):
        if self.after_headers:
            h.send_head(200, res, len(res.body))
            h.wfile.flush()
        h.server.stopped.wait(self.seconds)
        h.close_connection = True


@dataclasses.dataclass
class Drip(Fault):
    """Send the real body a few bytes at a time: every read is quick, the whole is very slow."""
    step: int = 16
    delay: float = 0.05

    name = "slow drip"

    def respond(self, h, res):
        h.send_head(200, res, len(res.body))
        try:
            for i in range(0, len(res.body), self.step):
                if h.server.stopped.wait(self.delay):
                    break
                h.wfile.write(res.body[i:i + self.step])
                h.wfile.flush()
        except OSError:
            pass
        h.close_connection = True


@dataclasses.dataclass
class DripHeaders(Fault):
    """Send the status line, then the headers one byte every `delay` seconds for `seconds`
    (every read is quick, the headers take ages), then the resource as usual."""
    seconds: float = 20.0
    delay: float = 0.2
    name = "slow headers"

    def respond(self, h, res):
        try:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            h.wfile.flush()
            ends = time.monotonic() + self.seconds
            while time.monotonic() < ends:
                if h.server.stopped.wait(self.delay):
                    return
                h.wfile.write(b"z")
                h.wfile.flush()
            h.wfile.write(b"\r\n")
            h.send_header("Content-Type", res.content_type)
            h.send_header("Content-Length", str(len(res.body)))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(res.body)
        except OSError:
            pass
        h.close_connection = True


@dataclasses.dataclass
class Truncate(Fault):
    """Declare the full Content-Length, send only part of the body, close."""
    fraction: float = 0.5
    name = "truncated body"

    def respond(self, h, res):
        h.send_head(200, res, len(res.body))
        h.wfile.write(res.body[: int(len(res.body) * self.fraction)])
        h.wfile.flush()
        h.close_connection = True


@dataclasses.dataclass
class WrongLength(Fault):
    """Declare a Content-Length `delta` bytes off the real body length, send the whole body."""
    delta: int = 100
    name = "wrong Content-Length"

    def respond(self, h, res):
        h.send_head(200, res, max(0, len(res.body) + self.delta))
        try:
            h.wfile.write(res.body)
            h.wfile.flush()
        except OSError:
            pass
        h.close_connection = True


@dataclasses.dataclass
class Redirect(Fault):
    location: str
    code: int = 302

    @property
    def name(self):
        return f"redirect to {self.location}"

    def respond(self, h, res):
        h.send_raw(self.code, {"Location": self.location, "Content-Type": "text/plain"}, b"moved")


@dataclasses.dataclass
class Oversize(Fault):
    """A body of `size` bytes; declared (Content-Length) or not (chunked stream)."""
    size: int = 5_000_000
    declare: bool = True
    name = "oversized response"

    def respond(self, h, res):
        block = b"9" * 65536
        if self.declare:
            h.send_raw(200, {"Content-Type": "text/csv", "Content-Length": str(self.size)}, None)
            sent = 0
            try:
                while sent < self.size:
                    chunk = block[: self.size - sent]
                    h.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
        else:
            h.send_response(200)
            h.send_header("Content-Type", "text/csv")
            h.send_header("Transfer-Encoding", "chunked")
            h.send_header("Connection", "close")
            h.end_headers()
            sent = 0
            try:
                while sent < self.size:
                    h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                    sent += len(block)
                h.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
        h.close_connection = True


@dataclasses.dataclass
class Body(Fault):
    """A 200 with other bytes than the resource (garbage, a bomb, the wrong encoding)."""
    body: bytes
    content_type: str = "text/csv"
    label: str = "unexpected body"

    @property
    def name(self):
        return self.label

    def respond(self, h, res):
        h.send_raw(200, {"Content-Type": self.content_type}, self.body)


@dataclasses.dataclass
class Hold(Fault):
    """Keep the request waiting (nothing sent) until `release` is set, then answer normally.
    `reached` is set when the request arrives: the test kills the client meanwhile."""
    reached: threading.Event = dataclasses.field(default_factory=threading.Event)
    release: threading.Event = dataclasses.field(default_factory=threading.Event)
    name = "held"

    def respond(self, h, res):
        self.reached.set()
        while not self.release.wait(0.05):
            if h.server.stopped.is_set():
                return
        if res is None:
            h.send_raw(404, {"Content-Type": "text/plain"}, b"not found")
        else:
            h.send_head(200, res, len(res.body))
            h.wfile.write(res.body)
        h.close_connection = True


# -- server ---------------------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, fmt, *args):  # quiet
        pass

    def send_raw(self, code: int, headers: dict, body: bytes | None) -> None:
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k, v)
        if body is not None and not any(k.lower() == "content-length" for k in headers):
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if body:
            self.wfile.write(body)
        self.close_connection = True

    def send_head(self, code: int, res: Resource, length: int) -> None:
        self.send_response(code)
        self.send_header("Content-Type", res.content_type)
        self.send_header("Content-Length", str(length))
        if res.etag:
            self.send_header("ETag", res.etag)
        if res.last_modified:
            self.send_header("Last-Modified", res.last_modified)
        for k, v in res.extra_headers.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        srv = self.server.owner
        path = srv._key(self.path)
        res = srv.resources.get(path)
        fault = srv._next_fault(path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        outcome = fault.name if fault else ("404" if res is None else "200")
        if fault is None and res is not None and res.etag and headers.get("if-none-match") == res.etag:
            outcome = "304"
        srv._log(Hit(path, time.monotonic(), headers, outcome))
        try:
            if fault is not None:
                fault.respond(self, res)
            elif res is None:
                self.send_raw(404, {"Content-Type": "text/plain"}, b"not found")
            elif outcome == "304":
                self.send_response(304)
                self.send_header("ETag", res.etag)
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
            else:
                self.send_head(200, res, len(res.body))
                self.wfile.write(res.body)
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # the client hanging up is expected here
        pass


class FaultServer:
    def __init__(self):
        self.resources: dict[str, Resource] = {}
        self._scripts: dict[str, list[Fault]] = {}
        self._always: dict[str, Fault] = {}
        self._hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle
    def start(self) -> "FaultServer":
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._server.stopped = threading.Event()
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.stopped.set()
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    # -- content and faults
    def serve(self, path: str, body: bytes, content_type: str = "text/csv", *, etag: bool = True,
              last_modified: str | None = LAST_MODIFIED, headers: dict | None = None) -> None:
        tag = f'"{hashlib.sha256(body).hexdigest()[:20]}"' if etag else None
        self.resources[path] = Resource(body, content_type, tag, last_modified, dict(headers or {}))

    def script(self, path: str, *faults: Fault) -> None:
        """The next len(faults) requests for `path` get these faults, in order; then healthy."""
        with self._lock:
            self._scripts.setdefault(path, []).extend(faults)

    def always(self, path: str, fault: Fault | None) -> None:
        with self._lock:
            if fault is None:
                self._always.pop(path, None)
            else:
                self._always[path] = fault

    def heal(self) -> None:
        """Drop every pending and permanent fault."""
        with self._lock:
            self._scripts.clear()
            self._always.clear()

    def _key(self, raw_path: str) -> str:
        """The registered path a request is for: with its query when registered so."""
        if "?" in raw_path:
            with self._lock:
                if raw_path in self.resources or raw_path in self._scripts or raw_path in self._always:
                    return raw_path
        return raw_path.split("?", 1)[0]

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self._scripts.get(path)
            if queue:
                return queue.pop(0)
            return self._always.get(path)

    def _log(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def hits(self, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if path is None or h.path == path]

    def clear_hits(self) -> None:
        with self._lock:
            self._hits.clear()


# -- SDN exports ------------------------------------------------------------------------------
SDN_LIVE = "https://sanctionslistservice.ofac.treas.gov"
SDN_PATHS = {
    "sdn.csv": "/api/PublicationPreview/exports/SDN.CSV",
    "add.csv": "/api/PublicationPreview/exports/ADD.CSV",
    "alt.csv": "/api/PublicationPreview/exports/ALT.CSV",
    "sdn_comments.csv": "/api/PublicationPreview/exports/SDN_COMMENTS.CSV",
}


def serve_sdn(server: FaultServer, directory: Path) -> None:
    """Serve the four legacy CSV exports from a fixture directory."""
    for name, path in SDN_PATHS.items():
        server.serve(path, (Path(directory) / name).read_bytes(), "text/csv")


# -- comparing a database with the clean run's ---------------------------------------------------
def rows_by_key(db: Path, ignore: dict | None = None) -> dict[str, dict]:
    """{table: {primary key: row}} for every content table; `ignore` {table: {columns}} leaves
    out columns that say when or from which bytes, not what (tables keyed by a rowid, like
    `errors`, are keyed by their remaining content)."""
    import sqlite3

    ignore = {"errors": {"id", "recorded_at", "batch_id"}, **(ignore or {})}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            " and name not like '%_fts%' and name != 'build_info'")]
        out = {}
        for name in names:
            info = list(conn.execute(f"pragma table_info([{name}])"))
            cols = [r[1] for r in info if r[1] not in ignore.get(name, ())]
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] and r[1] in cols]
            rows = {}
            for row in conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{name}]"):
                rec = dict(zip(cols, row))
                key = tuple(rec[c] for c in pk) if pk else tuple(row)
                rows.setdefault(key, []).append(rec)
            out[name] = rows
        return out
    finally:
        conn.close()


def compare_rows(got: dict, ref: dict) -> tuple[int, int, int]:
    """(lost, duplicated, differing) between two rows_by_key() results: rows of the clean run
    missing; rows the clean run does not have (a record stored twice, under another key, or
    twice under one); rows present in both whose content differs."""
    lost = dup = differ = 0
    for table in set(got) | set(ref):
        g, r = got.get(table, {}), ref.get(table, {})
        lost += sum(len(v) for k, v in r.items() if k not in g)
        dup += sum(len(v) for k, v in g.items() if k not in r)
        for k in set(g) & set(r):
            dup += max(0, len(g[k]) - len(r[k]))
            lost += max(0, len(r[k]) - len(g[k]))
            differ += sum(1 for a, b in zip(g[k], r[k]) if a != b)
    return lost, dup, differ


def hashes_without(db: Path, volatile: dict[str, set]) -> dict:
    """scrapers.db.content_hashes of a copy of `db` with the `volatile` {table: {columns}} set
    to NULL (for runs whose fetch times or bytes legitimately differ from the clean run's)."""
    import shutil
    import sqlite3
    import tempfile

    from scrapers.db import content_hashes

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(db, copy)
        conn = sqlite3.connect(copy)
        for table, cols in volatile.items():
            conn.execute(f"update [{table}] set {', '.join(f'[{c}] = null' for c in cols)}")
        conn.commit()
        conn.close()
        return content_hashes(copy)


# -- the fault matrix -------------------------------------------------------------------------
SOURCE_ORDER = ("sdn", "treasury", "doj")


def record_fault(kind: str, server_did: str, outcome: str, rows_lost: int, rows_duplicated: int,
                 converged: bool | None = None, test: str | None = None, source: str = "sdn") -> None:
    """Add (or replace) one row of the fault matrix in test-artifacts/fault-matrix.json
    (one row per source and fault kind; rows written before `source` existed are SDN's)."""
    MATRIX_PATH.parent.mkdir(parents=True, exist_ok=True)
    rows = {}
    if MATRIX_PATH.exists():
        try:
            rows = {(r.get("source", "sdn"), r["kind"]): r for r in json.loads(MATRIX_PATH.read_text())["rows"]}
        except (ValueError, KeyError):
            rows = {}
    rows[(source, kind)] = {"source": source, "kind": kind, "server_did": server_did, "outcome": outcome,
                            "rows_lost": rows_lost, "rows_duplicated": rows_duplicated,
                            "rerun_converged": converged, "test": test,
                            "recorded_at": email.utils.formatdate(usegmt=True)}
    tmp = MATRIX_PATH.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"rows": sorted(rows.values(), key=_matrix_order)}, indent=1))
    os.replace(tmp, MATRIX_PATH)


def _matrix_order(r: dict) -> tuple:
    src = r.get("source", "sdn")
    return (SOURCE_ORDER.index(src) if src in SOURCE_ORDER else len(SOURCE_ORDER), src, r["kind"])


def render_matrix(path: Path = MATRIX_PATH) -> str:
    """One markdown table for every source, grouped by source (SDN, Treasury, DOJ)."""
    rows = sorted(json.loads(Path(path).read_text())["rows"], key=_matrix_order)
    out = ["| source | fault kind | what the server did | outcome | rows lost | rows duplicated | rerun converged |",
           "|---|---|---|---|---:|---:|---|"]
    for r in rows:
        conv = {True: "yes", False: "NO", None: "n/a"}[r.get("rerun_converged")]
        out.append(f"| {r.get('source', 'sdn')} | {r['kind']} | {r['server_did']} | {r['outcome']} | {r['rows_lost']} | "
                   f"{r['rows_duplicated']} | {conv} |")
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "render":
        print(render_matrix(Path(sys.argv[2]) if len(sys.argv) > 2 else MATRIX_PATH))
    else:
        print(__doc__)
