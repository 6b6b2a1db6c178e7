"""A Datasette plugin `tracker serve` registers: what is still loading, on every page.

`tracker run` (scrapers/service.py) serves the database while the first backfills go on and
then keeps it fresh on a schedule. It tells `BOARD` where things stand; this plugin puts that
in one notice at the top of every HTML page (under the page header and the site's freshness
line; else before Datasette's content section, else after `<body>`), e.g.

    Still loading (as of 14:03 UTC): DOJ releases: back to 2023-03-02 of 2021-01-01..today,
    38% (about 5m left). Everything up to those dates is shown; the rest appears as it arrives.

and answers `/-/tracker-loading.json` with the same facts. A failed update is said there too,
with the age of the data served. Nothing is added when nothing is loading and the last
update went well (and never by a plain `tracker serve`, which nobody tells anything).

The notice is added outside the page cache (publish/cache.py: this plugin is registered
first, so its wrapper is the outermost): a page answered from the cache gets the current one.
"""
from __future__ import annotations

import html
import json
import threading

from datasette import hookimpl

from ..dates import duration_text

STATUS_PATH = "/-/tracker-loading.json"
# where the notice goes: after the page header (the site's freshness line ends it), else just
# before the content (Datasette's own templates), else right after <body>
AFTER = (b"</header>",)
BEFORE = (b'<section class="content">', b'<main class="content">')


class Board:
    """What `tracker run` says about its updates, read by every request (thread-safe)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state: dict = {}

    def set(self, state: dict) -> None:
        with self._lock:
            self._state = json.loads(json.dumps(state))   # a copy nobody else holds

    def snapshot(self) -> dict:
        with self._lock:
            return self._state

    def clear(self) -> None:
        self.set({})


BOARD = Board()


def _clock(iso: str | None) -> str:
    """'2026-12-06T14:03:10Z' -> '14:03 UTC' (the day is today's, or said)."""
    if not iso or len(iso) < 16:
        return iso or "?"
    return f"{iso[11:16]} UTC"


def loading_lines(state: dict) -> list[str]:
    """One plain-text line per source still loading."""
    out = []
    for item in state.get("loading") or []:
        label = item.get("label") or item.get("source")
        if item.get("since") and item.get("reached"):
            line = f"{label}: back to {item['reached']} of {item['since']}..today"
            if item.get("share") is not None:
                line += f", {item['share']:.0%}"
        elif item.get("since"):
            line = f"{label}: starting (back to {item['since']})"
        else:
            line = f"{label}: {item.get('what') or 'loading'}"
        eta = item.get("eta_seconds")
        if eta is not None:
            line += f" (about {duration_text(eta)} left)"
        out.append(line)
    return out


def notice_html(state: dict) -> str:
    """The notice for `state` (BOARD's), or "" when there is nothing to say."""
    parts = []
    lines = loading_lines(state)
    if lines:
        parts.append('<p class="message-info tracker-loading"><strong>Still loading</strong>'
                     f' (as of {html.escape(_clock(state.get("as_of")))}): '
                     + "; ".join(html.escape(l) for l in lines)
                     + ". Everything up to those dates is shown; the rest appears as it arrives.</p>")
    failed = state.get("failed") or []
    if failed:
        why = "; ".join(f"{f.get('source')}: {f.get('why')}" for f in failed)
        text = f"The last update ({_clock(state.get('failed_at'))}) failed: {why}."
        if state.get("stale"):
            text += f" {state['stale']}"
        if state.get("next_update"):
            text += f" Next try at {_clock(state['next_update'])}."
        parts.append(f'<p class="message-warning tracker-update-failed"><strong>Stale data.</strong> '
                     f"{html.escape(text)}</p>")
    return "\n".join(parts)


def inject(body: bytes, notice: bytes) -> bytes:
    """`notice` after the page header, or just before the content, or after <body>."""
    for marker in AFTER:
        at = body.find(marker)
        if at >= 0:
            at += len(marker)
            return body[:at] + b"\n" + notice + body[at:]
    for marker in BEFORE:
        at = body.find(marker)
        if at >= 0:
            return body[:at] + notice + b"\n" + body[at:]
    low = body[:4096].lower()
    at = low.find(b"<body")
    if at >= 0:
        end = body.find(b">", at)
        if end >= 0:
            return body[:end + 1] + b"\n" + notice + body[end + 1:]
    return body


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            state = BOARD.snapshot()
            if scope.get("path") == STATUS_PATH:
                body = json.dumps({**state, "lines": loading_lines(state)}, indent=2).encode()
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode()),
                                        (b"cache-control", b"no-store")]})
                await send({"type": "http.response.body", "body": body})
                return
            notice = notice_html(state).encode()
            if not notice:
                await app(scope, receive, send)
                return
            held: dict = {}
            chunks: list[bytes] = []

            async def rewrite(message):
                if message["type"] == "http.response.start":
                    headers = dict((k.lower(), v) for k, v in message.get("headers") or [])
                    if headers.get(b"content-type", b"").startswith(b"text/html"):
                        held["start"] = message
                        return
                    await send(message)
                elif message["type"] == "http.response.body" and "start" in held:
                    chunks.append(message.get("body", b""))
                    if message.get("more_body", False):
                        return
                    body = inject(b"".join(chunks), notice)
                    start = held.pop("start")
                    headers = [(k, str(len(body)).encode() if k.lower() == b"content-length" else v)
                               for k, v in start.get("headers") or []]
                    await send(dict(start, headers=headers))
                    await send({"type": "http.response.body", "body": body})
                else:
                    await send(message)

            await app(scope, receive, rewrite)

        return wrapped

    return wrap
