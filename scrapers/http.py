"""The one HTTP client every source uses.

What it guarantees, whatever the server does:
- only allow-listed hosts are contacted: the URL asked for must be on `allowed_hosts`
  (treasury.gov, ofac.treasury.gov, sanctionslistservice.ofac.treas.gov, justice.gov and
  their listed www/home variants), so a link found in a page cannot send the scraper
  elsewhere; redirects are followed by hand and checked hop by hop (the Sanctions List
  Service may redirect to signed storage hosts, allowed as redirect targets only). Every
  URL, asked for or redirected to, first passes scrapers/urls.py's `check_url` (no user
  info, backslashes, look-alike characters: the host checked is the host connected to);
- connect/read timeouts plus a total deadline per response that covers the response
  headers as well as the body: a watchdog shuts the connection when it passes, so neither a
  slow drip of the body nor one header byte a minute (each read under the read timeout)
  can hold a run;
- per-run budgets: at most `wait_budget` seconds asleep in backoff and Retry-After waits
  over the whole run (a server asking every request to wait 15 minutes is refused once the
  budget is spent), and no request starts after `run_budget` seconds of network time (a
  resumable walk stops and the next run continues), so a scheduled run ends in its slot;
- retries with exponential backoff and jitter on connection errors, timeouts, truncated
  bodies (a body shorter than its Content-Length) and 5xx; `429`/`503` honour
  `Retry-After` (seconds or an HTTP date; a wait longer than `MAX_RETRY_AFTER` fails now);
- a per-host rate limit (requests per second, keyed by the live host name);
- a User-Agent naming the project and its URL (config.user_agent);
- conditional GET (If-None-Match / If-Modified-Since from the archive's last 200): a `304`
  downloads nothing and is archived pointing at the bytes it confirmed;
- a size cap (Content-Length checked before reading, bytes counted while reading);
- every response is written to the raw archive before anyone parses it: the final one with
  its bytes; retried errors, refused redirects and oversized answers as rows without bytes
  (`meta.error` says why), so the archive is the full record of what the servers did.

Tests inject `sleep` and `clock` so that backoff and rate limits cost no real time.
"""
from __future__ import annotations

import dataclasses
import email.utils
import fnmatch
import json
import random
import socket
import threading
import time
from collections import Counter
from typing import Callable
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions

from .archive import Archive, Entry
from .config import Config
from .errors import FetchError, SourceError
from .urls import UnsafeUrl, check_url

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUS = {500, 502, 503, 504, 520, 521, 522, 523, 524}
MAX_RETRY_AFTER = 900.0
MAX_REDIRECTS = 5
# Only the Sanctions List Service hands downloads off to signed storage URLs; a redirect
# from any other host may only lead to an allow-listed host.
STORAGE_REDIRECT_ORIGINS = {"sanctionslistservice.ofac.treas.gov"}
READ_CHUNK = 65536


class HostDown(Exception):
    """The host cannot be reached at all (no name resolution, no route): retrying within
    seconds will not help, and other requests to it in this run fail at once."""


def describe_connection_error(exc: Exception) -> tuple[str, bool]:
    """A short reason for a connection failure, and whether it means the host is down."""
    text = str(exc)
    low = text.lower()
    if any(s in low for s in ("name or service not known", "temporary failure in name resolution",
                              "nodename nor servname", "getaddrinfo failed", "no address associated",
                              "name resolution")):
        return "cannot resolve the host name (offline or DNS failure)", True
    if "network is unreachable" in low or "no route to host" in low:
        return "network unreachable", True
    if "connection refused" in low:
        return "connection refused", False
    if "connection reset" in low or "connectionreseterror" in low:
        return "connection reset by the server", False
    if "remote end closed" in low or "remotedisconnected" in low:
        return "the server closed the connection without answering", False
    return f"connection error ({_short(text)})", False


class _Deadline:
    """A watchdog for one request: when `seconds` pass before it is done, the connection's
    socket is shut down, so a read blocked on a server that sends a byte now and then (in
    the headers or the body) returns at once. `fired` tells the caller why it failed."""

    local = threading.local()

    def __init__(self, seconds: float):
        self.seconds = max(0.0, seconds)
        self.fired = False
        self._conn = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True

    def attach(self, conn) -> None:
        """Called by the connection about to wait for its response (see _WatchedConnection)."""
        with self._lock:
            self._conn = conn
            fired = self.fired
        if fired:
            _shut(conn)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            conn = self._conn
        if conn is not None:
            _shut(conn)

    def error(self) -> "RetryableError":
        return RetryableError(f"no complete response within {self.seconds:g}s (the response headers or"
                              " body came too slowly)")

    def __enter__(self) -> "_Deadline":
        _Deadline.local.current = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _Deadline.local.current = None


def _shut(conn) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _watched(base):
    class Watched(base):
        def getresponse(self, *args, **kwargs):
            deadline = getattr(_Deadline.local, "current", None)
            if deadline is not None:
                deadline.attach(self)
            return super().getresponse(*args, **kwargs)
    Watched.__name__ = f"Watched{base.__name__}"
    return Watched


class _WatchedHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _watched(urllib3.connection.HTTPConnection)


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _watched(urllib3.connection.HTTPSConnection)


class DeadlineAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose connections report to the current _Deadline."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class RetryableError(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


@dataclasses.dataclass
class FetchResult:
    url: str
    status: int
    content: bytes
    headers: dict
    entry: Entry
    not_modified: bool = False
    final_url: str | None = None

    def json(self, source: str):
        """The body as JSON (it is already archived); SourceError naming the URL otherwise."""
        return parse_json(self.content, self.url, source)


def parse_json(content: bytes | str, location: str, source: str):
    """JSON from the network -> Python, or a SourceError naming the source, the URL/file and
    the line, and saying what came instead (an HTML error page, a cut body, other bytes)."""
    if isinstance(content, bytes):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(source, location, f"not UTF-8 JSON: byte 0x{content[exc.start]:02x} at offset"
                              f" {exc.start}") from exc
    else:
        text = content
    head = text.lstrip()[:1]
    if not head:
        raise SourceError(source, location, "empty body where JSON was expected")
    if head == "<":
        raise SourceError(source, location, f"HTML/XML where JSON was expected (an error page?):"
                          f" {' '.join(text.split())[:80]!r}")
    try:
        return json.loads(text, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        cut = " (the body ends early: truncated?)" if exc.pos >= len(text.rstrip()) else ""
        raise SourceError(source, location, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}{cut}",
                          exc.lineno) from exc
    except ValueError as exc:      # Infinity/NaN, a number of more digits than Python reads
        raise SourceError(source, location, f"invalid JSON: {' '.join(str(exc).split())[:120]}") from exc
    except RecursionError as exc:
        raise SourceError(source, location, "invalid JSON: nested too deeply") from exc


def _not_json(constant: str):
    raise ValueError(f"{constant} is not a JSON value")


class HttpClient:
    def __init__(self, config: Config, archive: Archive, *, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 log: Callable[[str], None] | None = None, rng: random.Random | None = None):
        self.config = config
        self.archive = archive
        self.session = session or requests.Session()
        if isinstance(self.session, requests.Session):
            for prefix in ("http://", "https://"):
                self.session.mount(prefix, DeadlineAdapter())
        self.session.headers["User-Agent"] = config.user_agent
        self.session.headers.setdefault("Accept-Encoding", "gzip, deflate")
        self.sleep = sleep
        self.clock = clock
        self.log = log or (lambda msg: None)
        self.rng = rng or random.Random()
        self._next_slot: dict[str, float] = {}
        self.rates = dict(config.rate_limits)   # requests/second per host, for this run
        self.requests = Counter()   # per live host, every request sent (retries included)
        self.down: dict[str, str] = {}   # hosts that never answered in this run -> why
        self.retries = 0
        self.bytes = 0
        self.waited = 0.0           # seconds spent in backoff / Retry-After / rate limiting
        self.waited_on_servers = 0.0   # of which in backoff and Retry-After (config.wait_budget)
        self.started = clock()      # config.run_budget counts from here
        self._allowed = {h.lower() for h in config.allowed_hosts}

    # -- policy --------------------------------------------------------------------------
    def host_allowed(self, url: str, *, redirect: bool = False) -> bool:
        """Is `url` (a live URL) on the allow-list? With redirect=True (a redirect from the
        Sanctions List Service) it may also match `config.redirect_hosts` (signed storage)."""
        return self.refusal(url, redirect=redirect) is None

    def refusal(self, url: str, *, redirect: bool = False) -> str | None:
        """Why `url` may not be requested (None: it may). The URL must pass `check_url`
        (the host checked here is the host the connection goes to), then the allow-list."""
        try:
            host = check_url(url).host
        except UnsafeUrl as exc:
            return f"refused: {exc}"
        if host in self._allowed:
            return None
        if redirect and any(fnmatch.fnmatch(host, pat) for pat in self.config.redirect_hosts):
            return None
        return f"{host!r} refused: not on the allow-list"

    def live_url(self, url: str) -> str:
        """A URL of a local stand-in server (config.base_urls) back in its live form, so a
        source that joins links onto `final_url` still asks for, and archives, live URLs."""
        for live, local in self.config.base_urls.items():
            if url.startswith(local) and (len(url) == len(local) or url[len(local)] in "/?#"):
                return live + url[len(local):]
        return url

    def set_rate(self, host: str, rate: float) -> None:
        """Requests per second to `host` for the rest of this run (settings stay as loaded)."""
        self.rates[host] = float(rate)

    def rate(self, host: str) -> float:
        return self.rates.get(host, self.config.default_rate)

    def _rate_limit(self, host: str) -> None:
        rate = self.rate(host)
        if not rate or rate <= 0:
            return
        now = self.clock()
        slot = max(now, self._next_slot.get(host, now))
        if slot > now:
            self._wait(slot - now)
        self._next_slot[host] = slot + 1.0 / rate

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter: base * 2**attempt, capped, times 0.5..1."""
        base = min(self.config.max_backoff, self.config.backoff * (2 ** attempt))
        return base * (0.5 + self.rng.random() / 2)

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self.waited += seconds
            self.sleep(seconds)

    def _run_left(self) -> float:
        """Seconds left of this run's network time (config.run_budget)."""
        budget = self.config.run_budget
        return float("inf") if not budget or budget <= 0 else budget - (self.clock() - self.started)

    def _check_run_budget(self, url: str) -> None:
        if self._run_left() <= 0:
            raise FetchError(url, f"this run's time budget ({self.config.run_budget:.0f}s of network time,"
                                  " [http] run_budget) is spent: not requested; the next run continues")

    def _check_wait(self, url: str, seconds: float, why: str) -> None:
        """May this run sleep `seconds` more in backoff or Retry-After? (FetchError if not)"""
        budget = self.config.wait_budget
        if budget is not None and budget >= 0 and self.waited_on_servers + seconds > budget:
            raise FetchError(url, f"{why}; waiting {seconds:.0f}s more would pass this run's waiting budget"
                                  f" ({budget:.0f}s in backoff and Retry-After, [http] wait_budget, already"
                                  f" {self.waited_on_servers:.0f}s): given up for this run")
        if seconds > self._run_left():
            raise FetchError(url, f"{why}; waiting {seconds:.0f}s would pass this run's time budget"
                                  f" ([http] run_budget {self.config.run_budget:.0f}s): given up for this run")

    # -- fetching ------------------------------------------------------------------------
    def get(self, url: str, *, source: str, kind: str, conditional: bool = False,
            params: dict | None = None, max_bytes: int | None = None, meta: dict | None = None,
            archive_errors: bool = True, reject: Callable[[bytes, dict], str | None] | None = None,
            data: bytes | None = None) -> FetchResult:
        """GET `url` (a live URL; `config.base_urls` may point it at a stand-in server),
        archive the final response and return it. Raises FetchError when it cannot.
        `reject(body, headers)`: a reason when a 200 is not the page at all (a bot challenge):
        such a response is retried with backoff like a 503, archived only as a refused
        response (status, headers, reason; no body).
        With `data`, the request is a POST of those bytes as JSON (never conditional): the
        Sanctions List Service answers some listings only to a POST of `{}`."""
        if data is not None:
            conditional = False
            meta = {**(meta or {}), "method": "POST"}
        if params:
            url = requests.Request("GET", url, params=params).prepare().url
        url = self.live_url(url)
        why = self.refusal(url)
        if why is not None:
            raise FetchError(url, f"host {why}" if why.startswith("'") else why)
        headers = {}
        validators = self.archive.validators(url) if conditional else {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last-modified"):
            headers["If-Modified-Since"] = validators["last-modified"]
        cap = max_bytes or self.config.max_bytes
        host = (urlsplit(url).hostname or "").lower()
        if host in self.down:
            raise FetchError(url, f"{host} could not be reached earlier in this run ({self.down[host]})")
        last_error = "no attempt made"
        connection_failures = 0
        for attempt in range(self.config.retries + 1):
            self._check_run_budget(url)
            record_meta = dict(meta or {})
            try:
                status, body, resp_headers, final = self._attempt(url, headers, cap, record_meta, data)
                why = reject(body, resp_headers) if reject is not None and status == 200 else None
                if why:
                    raise RetryableError(why)
            except HostDown as exc:
                self.down[host] = str(exc)
                raise FetchError(url, f"{host}: {exc}") from exc
            except RetryableError as exc:
                if exc.__cause__ is not None and isinstance(exc.__cause__, requests.exceptions.ConnectionError) \
                        and not record_meta.get("status"):
                    connection_failures += 1
                last_error = str(exc)
                if archive_errors and record_meta.get("status"):
                    self._archive_error(source, kind, url, record_meta, f"{exc} (attempt {attempt + 1})")
                if attempt >= self.config.retries:
                    break
                wait = exc.wait if exc.wait is not None else self._backoff(attempt)
                self._check_wait(url, wait, last_error)
                self.retries += 1
                self.log(f"{url}: {exc}; retry {attempt + 1}/{self.config.retries} in {wait:.1f}s")
                self.waited_on_servers += wait
                self._wait(wait)
                continue
            except FetchError as exc:
                if archive_errors and record_meta.get("status"):
                    self._archive_error(source, kind, url, record_meta, exc.reason)
                raise
            if final != url:
                record_meta["final_url"] = final
            target = self.config.url(url)
            if target != url:
                record_meta["fetched_from"] = target
            record_meta.pop("status", None)
            record_meta.pop("headers", None)
            if status == 304:
                if not validators.get("sha256"):
                    raise FetchError(url, "HTTP 304 Not Modified, but nothing was asked to be validated", 304)
                entry = self.archive.put(source, kind, None, url=url, status=304, headers=resp_headers,
                                         sha256=validators["sha256"], meta={**record_meta, "not_modified": True})
                return FetchResult(url, 304, self.archive.read(validators["sha256"]), resp_headers, entry,
                                   not_modified=True, final_url=final)
            if status != 200:
                if archive_errors:
                    self.archive.put(source, kind, body, url=url, status=status, headers=resp_headers,
                                     meta=record_meta)
                raise FetchError(url, f"HTTP {status}", status)
            entry = self.archive.put(source, kind, body, url=url, status=status, headers=resp_headers,
                                     meta=record_meta)
            return FetchResult(url, status, body, resp_headers, entry, final_url=final)
        if connection_failures == self.config.retries + 1:
            # never got an answer: the host is down for the rest of this run
            self.down[host] = last_error
        raise FetchError(url, f"gave up after {self.config.retries + 1} attempts: {last_error}")

    def _archive_error(self, source: str, kind: str, url: str, info: dict, reason: str) -> None:
        """A response that was not used (retried, refused): status and headers, no bytes."""
        meta = {k: v for k, v in info.items() if k not in ("status", "headers")}
        meta["error"] = reason
        self.archive.put(source, kind, None, url=url, status=info["status"], headers=info.get("headers"),
                         meta=meta)

    def _attempt(self, url: str, headers: dict, cap: int, info: dict,
                 data: bytes | None = None) -> tuple[int, bytes, dict, str]:
        """One request (plus its redirects). `url` is live; it is mapped to its stand-in
        (config.base_urls) only to open the connection. `info` collects the status and
        headers of the last response seen, for the archive."""
        current = url
        storage_ok = (urlsplit(url).hostname or "").lower() in STORAGE_REDIRECT_ORIGINS
        for _hop in range(MAX_REDIRECTS + 1):
            host = (urlsplit(current).hostname or "").lower()
            target = self.config.url(current)
            self._rate_limit(host)
            self._check_run_budget(current)
            self.requests[host] += 1
            info.pop("status", None)
            info.pop("headers", None)
            limit = min(self.config.total_timeout, self._run_left())
            with _Deadline(limit) as deadline:
                try:
                    got = self._exchange(current, target, headers, cap, info, storage_ok, data)
                except (RetryableError, HostDown, FetchError) as exc:
                    if not deadline.fired:
                        raise
                    raise deadline.error() from exc
                if deadline.fired:   # cut mid-headers, http.client may have read what came as a response
                    raise deadline.error()
            if isinstance(got, str):     # a redirect, checked: follow it (a POST's with a GET)
                current = got
                data = None
                continue
            return got
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _exchange(self, current: str, target: str, headers: dict, cap: int, info: dict,
                  storage_ok: bool, data: bytes | None = None) -> tuple[int, bytes, dict, str] | str:
        """One request and its response (status, body, headers, URL), or the next URL of a
        redirect that passed the checks."""
        started = self.clock()
        try:
            if data is None:
                resp = self.session.get(target, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(self.config.connect_timeout, self.config.read_timeout))
            else:
                resp = self.session.post(target, data=data, stream=True, allow_redirects=False,
                                         headers={**headers, "Content-Type": "application/json"},
                                         timeout=(self.config.connect_timeout, self.config.read_timeout))
        except requests.exceptions.ConnectTimeout as exc:
            raise RetryableError("connect timeout") from exc
        except requests.exceptions.Timeout as exc:
            raise RetryableError("read timeout (no answer)") from exc
        except requests.exceptions.ConnectionError as exc:
            reason, fatal = describe_connection_error(exc)
            if fatal:
                raise HostDown(reason) from exc
            raise RetryableError(reason) from exc
        except requests.exceptions.RequestException as exc:
            raise FetchError(current, f"request failed: {_short(exc)}") from exc
        try:
            resp_headers = {k.lower(): v for k, v in resp.headers.items()}
            info["status"], info["headers"] = resp.status_code, resp_headers
            if resp.status_code in REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise FetchError(current, f"HTTP {resp.status_code} without a Location header")
                try:
                    nxt = self.live_url(urljoin(target, location))
                except ValueError as exc:
                    raise FetchError(current, f"redirect refused: unreadable Location ({_short(exc)})") from None
                why = self.refusal(nxt, redirect=storage_ok)
                if why is not None:
                    raise FetchError(current, f"redirect {why}" if why.startswith("refused") else f"redirect to {why}")
                info.setdefault("redirects", []).append(nxt)
                return nxt
            if resp.status_code == 429 or (resp.status_code == 503 and "retry-after" in resp_headers):
                wait = _retry_after(resp_headers.get("retry-after"))
                if wait is not None and wait > MAX_RETRY_AFTER:
                    raise FetchError(current, f"HTTP {resp.status_code}: server asks to wait {wait:.0f}s",
                                     resp.status_code)
                raise RetryableError(f"HTTP {resp.status_code}" + (f", Retry-After {wait:.0f}s" if wait is not None else ""),
                                     wait)
            if resp.status_code in RETRY_STATUS:
                raise RetryableError(f"HTTP {resp.status_code}")
            if resp.status_code == 304:
                return 304, b"", resp_headers, current
            declared = resp_headers.get("content-length", "").strip()
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(current, f"response too large: Content-Length {declared} > cap {cap} bytes")
            body = self._read(resp, cap, started, current)
            self.bytes += len(body)
            return resp.status_code, body, resp_headers, current
        finally:
            resp.close()

    def _read(self, resp: requests.Response, cap: int, started: float, url: str) -> bytes:
        """Read the body one network read at a time, checking the size cap and the total
        deadline after each read (iter_content would block until 64 KiB arrived)."""
        raw = resp.raw
        chunks, total = [], 0
        deadline = started + self.config.total_timeout
        try:
            while True:
                chunk = raw.read1(READ_CHUNK, decode_content=True)
                if not chunk:
                    break
                total += len(chunk)
                if total > cap:
                    raise FetchError(url, f"response too large: more than {cap} bytes")
                chunks.append(chunk)
                if self.clock() > deadline:
                    raise RetryableError(f"response took longer than {self.config.total_timeout:g}s"
                                         f" ({total:,} bytes received): slow drip")
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise RetryableError(f"read timeout after {total:,} bytes") from exc
        except urllib3.exceptions.DecodeError as exc:
            raise RetryableError(f"undecodable body ({_short(exc)})") from exc
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.HTTPError, OSError) as exc:
            declared = resp.headers.get("Content-Length")
            raise RetryableError(f"truncated body: {total:,} bytes"
                                 + (f" of {declared} declared" if declared else "")
                                 + f" ({_short(exc)})") from exc
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"
