"""The one way this project runs a local HTTP server: on 127.0.0.1, in a background thread,
stopped when the test or benchmark is done.

    def answer(h):                      # h: the request's BaseHTTPRequestHandler
        send(h, 200, b"hello", {"Content-Type": "text/plain"})

    with LocalServer(answer) as srv:    # a free port unless `port=` says which
        srv.url                         # "http://127.0.0.1:PORT"
        ...

Every GET (and POST, with `methods=("GET", "POST")`) goes to `answer`; the server logs
nothing and ignores clients that hang up (they do, on purpose, in the fault tests).
`handler=` gives a handler class of one's own (a subclass of QuietHandler) when the faults
need more methods on `h`; `h.server.stopped` is set when the server stops (for answers
that wait). Helpers: `send` (one whole answer), `not_modified` (conditional GET), `free_port`.
"""
from __future__ import annotations

import email.utils
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


class QuietHandler(BaseHTTPRequestHandler):
    """Hands every GET to the server's `answer`; logs nothing."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once (no 40 ms delayed-ACK stall)
    server: "_Server"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        self.server.answer(self)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # the client hanging up is expected here
        pass


class LocalServer:
    def __init__(self, answer: Callable[[BaseHTTPRequestHandler], None], *, host: str = "127.0.0.1",
                 port: int = 0, http11: bool = True, methods: tuple[str, ...] = ("GET",),
                 handler: type[QuietHandler] = QuietHandler, poll_interval: float = 0.5):
        attrs = {"protocol_version": "HTTP/1.1" if http11 else "HTTP/1.0"}
        if "POST" in methods:
            attrs["do_POST"] = handler.do_GET
        self.server = _Server((host, port), type("Handler", (handler,), attrs))
        self.server.answer = answer
        self.server.stopped = threading.Event()
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": poll_interval},
                                       daemon=True)
        self._running = False

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def start(self) -> "LocalServer":
        self.thread.start()
        self._running = True
        return self

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self.server.stopped.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def send(h: BaseHTTPRequestHandler, code: int, body: bytes = b"", headers: dict | None = None) -> bool:
    """One whole answer with its Content-Length; False when the client had gone."""
    try:
        h.send_response(code)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)
        return True
    except OSError:
        return False


def not_modified(headers, etag: str, modified: str) -> bool:
    """Whether a conditional GET's If-None-Match / If-Modified-Since match (answer 304)."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
    ims = headers.get("If-Modified-Since")
    if ims:
        try:
            return email.utils.parsedate_to_datetime(ims) >= email.utils.parsedate_to_datetime(modified)
        except (TypeError, ValueError):
            return False
    return False


def free_port() -> int:
    """A port nothing listens on now (for the tracker's own server next to the stand-ins)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
