"""A Datasette plugin `tracker serve` registers: keep recent pages of the published database.

tracker.db is served immutable: between two builds every URL always produces the same page.
Datasette's own answer to that is far-future cache headers and a caching proxy in front
(datasette-hashed-urls + a CDN); a laptop or a single small server has no proxy, so
`tracker serve` keeps one in-process. Without it a default table page of the 250,000-release
benchmark database costs 100-300 ms of SQL (a count and one query per facet) and HTML
rendering; from the cache, about a millisecond (BENCHMARKS.md has both figures).

What is kept: complete `200` responses to GET requests without cookies or credentials,
under a size cap per page and in all (least recently used pages go first). The cap counts
everything a page holds in memory: its key (the URL, whatever its length), its headers, its
body and a fixed overhead per page, so 30,000 requests for unique 8 kB URLs cost no more
than the cap. Never kept: streamed CSV/JSON (`_stream=on`), traces, error pages, responses
that set a cookie, URLs over 8 kB. The key is everything that can change a page: the
scheme (uvicorn takes it from `X-Forwarded-Proto` from 127.0.0.1), the Host, the
forwarding headers, the root path, the path and query, and what is served: each
database's open generation and its file's inode, mtime and size. A rebuilt tracker.db swapped in under a running server is picked up by
scrapers/publish/reload.py as a new generation, and from then on no page of the old
build is answered from the cache. Responses say `x-tracker-cache: hit` or `miss`.

Size: `tracker serve --cache-mb N` (default 64; 0 turns it off), or the environment
variable TRACKER_SERVE_CACHE_MB.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict

from datasette import hookimpl

DEFAULT_MB = 64
MAX_PAGE_BYTES = 4 * 1024 * 1024
MAX_KEY_BYTES = 8 * 1024
SKIP_QUERY_ARGS = (b"_stream=", b"_trace=")
SKIP_REQUEST_HEADERS = (b"cookie", b"authorization")
# request headers that change a page (absolute URLs): part of the key
VARY_REQUEST_HEADERS = (b"host", b"x-forwarded-proto", b"x-forwarded-host", b"x-forwarded-prefix",
                        b"x-forwarded-port", b"forwarded")
# what a kept page costs besides its bytes: the entry, its key tuple, its header list, and
# one object per header name and value (measured with sys.getsizeof on CPython 3.11)
PAGE_OVERHEAD = 400
PER_ITEM_OVERHEAD = 100


def env_megabytes(name: str, default_mb: float) -> int:
    """Bytes from an environment variable given in MB (`tracker serve` sets them)."""
    raw = os.environ.get(name, "").strip()
    try:
        mb = float(raw) if raw else default_mb
    except ValueError:
        mb = default_mb
    return max(0, int(mb * 1024 * 1024))


def configured_bytes() -> int:
    return env_megabytes("TRACKER_SERVE_CACHE_MB", DEFAULT_MB)


class PageCache:
    """Least-recently-used store of complete responses, bounded in bytes."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = self.misses = 0
        self._pages: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return page

    def put(self, key, status: int, headers: list, body: bytes) -> None:
        cost = page_cost(key, headers, body)
        if cost > min(self.max_bytes, MAX_PAGE_BYTES):
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.size -= old[3]
            self._pages[key] = (status, headers, body, cost)
            self.size += cost
            while self.size > self.max_bytes and self._pages:
                _, dropped = self._pages.popitem(last=False)
                self.size -= dropped[3]


def page_cost(key, headers: list, body: bytes) -> int:
    """Bytes a kept page holds: key, headers, body, and the objects around them."""
    return (PAGE_OVERHEAD + len(body) + _bytes_in(key)
            + sum(len(k) + len(v) + 2 * PER_ITEM_OVERHEAD for k, v in headers))


def _bytes_in(value) -> int:
    if isinstance(value, (bytes, str)):
        return len(value) + PER_ITEM_OVERHEAD
    if isinstance(value, tuple):
        return PER_ITEM_OVERHEAD + sum(_bytes_in(v) for v in value)
    return PER_ITEM_OVERHEAD


def _files_identity(datasette) -> tuple:
    """What is being served: per database, the open generation (scrapers/publish/reload.py
    re-opens a swapped file as a new generation) and its file's inode, mtime and size."""
    out = []
    for name, db in sorted(datasette.databases.items()):
        path = getattr(db, "path", None)
        if not path:
            continue
        try:
            st = os.stat(path)
        except OSError:
            return ()  # a file vanished mid-swap: do not cache this request
        out.append((name, getattr(db, "connection_key", "base"), st.st_ino, st.st_mtime_ns, st.st_size))
    return tuple(out)


def _cacheable_request(scope) -> bool:
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return False
    query = scope.get("query_string") or b""
    if any(arg in query for arg in SKIP_QUERY_ARGS):
        return False
    if len(query) + len(scope.get("path", "")) > MAX_KEY_BYTES:
        return False
    return not any(name in SKIP_REQUEST_HEADERS for name, _ in scope.get("headers") or [])


def page_key(scope, files: tuple) -> tuple:
    """Everything a page depends on: what is served, the scheme, the headers that change
    absolute URLs, the root path, the path and the query."""
    headers = scope.get("headers") or []
    vary = tuple(b",".join(v for k, v in headers if k.lower() == name) for name in VARY_REQUEST_HEADERS)
    return (files, scope.get("scheme", "http"), vary, scope.get("root_path", ""), scope["path"],
            scope.get("query_string") or b"")


@hookimpl
def asgi_wrapper(datasette):
    cache = PageCache(configured_bytes())
    datasette._tracker_page_cache = cache  # for tests and `/-/` introspection

    def wrap(app):
        async def wrapped(scope, receive, send):
            if not cache.max_bytes or not _cacheable_request(scope):
                await app(scope, receive, send)
                return
            files = _files_identity(datasette)
            key = page_key(scope, files)
            page = cache.get(key) if files else None
            if page is not None:
                status, headers, body, _cost = page
                await send({"type": "http.response.start", "status": status,
                            "headers": headers + [(b"x-tracker-cache", b"hit")]})
                await send({"type": "http.response.body", "body": body})
                return
            start: dict = {}
            chunks: list[bytes] = []
            size = [0]
            keep = [bool(files)]

            async def capture(message):
                if message["type"] == "http.response.start":
                    start.update(message)
                    headers = list(message.get("headers") or [])
                    if message.get("status") != 200 or any(k.lower() == b"set-cookie" for k, _ in headers):
                        keep[0] = False
                    message = dict(message, headers=headers + [(b"x-tracker-cache", b"miss")])
                elif message["type"] == "http.response.body" and keep[0]:
                    chunks.append(message.get("body", b""))
                    size[0] += len(chunks[-1])
                    if size[0] > MAX_PAGE_BYTES:
                        keep[0] = False
                        chunks.clear()
                    elif not message.get("more_body", False):
                        cache.put(key, start["status"], list(start.get("headers") or []), b"".join(chunks))
                await send(message)

            await app(scope, receive, capture)

        return wrapped

    return wrap
