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
`serve_sdn` serves the four legacy SDN exports of a directory at their live paths.
(Comparing the databases a fault run leaves with the clean run's, and the fault matrix:
tests/faultmatrix.py.)
"""
from __future__ import annotations

import dataclasses
import hashlib
import socket
import struct
import threading
import time
from pathlib import Path

from .server import LocalServer, QuietHandler

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
class _Handler(QuietHandler):
    """What the faults answer with: whole answers (`send_raw`) or a resource's head (`send_head`)."""

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


class FaultServer:
    def __init__(self):
        self.resources: dict[str, Resource] = {}
        self._scripts: dict[str, list[Fault]] = {}
        self._always: dict[str, Fault] = {}
        self._hits: list[Hit] = []
        self._lock = threading.Lock()
        self._web: LocalServer | None = None

    # -- lifecycle
    def start(self) -> "FaultServer":
        self._web = LocalServer(self._answer, handler=_Handler, poll_interval=0.05).start()
        return self

    def stop(self) -> None:
        if self._web:
            self._web.stop()
            self._web = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self) -> str:
        return self._web.url

    @property
    def port(self) -> int:
        return self._web.port

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

    def _answer(self, h: _Handler) -> None:
        path = self._key(h.path)
        res = self.resources.get(path)
        fault = self._next_fault(path)
        headers = {k.lower(): v for k, v in h.headers.items()}
        outcome = fault.name if fault else ("404" if res is None else "200")
        if fault is None and res is not None and res.etag and headers.get("if-none-match") == res.etag:
            outcome = "304"
        self._log(Hit(path, time.monotonic(), headers, outcome))
        try:
            if fault is not None:
                fault.respond(h, res)
            elif res is None:
                h.send_raw(404, {"Content-Type": "text/plain"}, b"not found")
            elif outcome == "304":
                h.send_response(304)
                h.send_header("ETag", res.etag)
                h.send_header("Connection", "close")
                h.end_headers()
                h.close_connection = True
            else:
                h.send_head(200, res, len(res.body))
                h.wfile.write(res.body)
                h.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True


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


