"""The one HTTP client every source uses.

What it guarantees, whatever the server does:
- only allow-listed hosts are contacted (redirects are followed by hand and checked hop by
  hop; the Sanctions List Service may redirect to signed storage hosts, which are allowed
  as redirect targets only);
- connect/read timeouts plus a total deadline per response (a slow drip cannot hang a run);
- retries with exponential backoff and jitter on connection errors, timeouts, truncated
  bodies and 5xx; `429`/`503` honour `Retry-After`;
- a per-host rate limit (requests per second);
- conditional GET (If-None-Match / If-Modified-Since from the archive's last 200);
- a size cap (Content-Length checked before reading, bytes counted while reading);
- the final response is written to the raw archive before anyone parses it.
"""
from __future__ import annotations

import dataclasses
import email.utils
import fnmatch
import random
import time
from collections import Counter
from typing import Callable
from urllib.parse import urljoin, urlsplit

import requests

from .archive import Archive, Entry
from .config import Config
from .errors import FetchError

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUS = {500, 502, 503, 504, 520, 521, 522, 523, 524}
MAX_RETRY_AFTER = 900.0


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


class HttpClient:
    def __init__(self, config: Config, archive: Archive, *, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 log: Callable[[str], None] | None = None):
        self.config = config
        self.archive = archive
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        self.sleep = sleep
        self.clock = clock
        self.log = log or (lambda msg: None)
        self._next_slot: dict[str, float] = {}
        self.requests = Counter()   # per host, every request sent (retries included)
        self.retries = 0
        self.bytes = 0
        local_hosts = {urlsplit(v).hostname for v in config.base_urls.values()}
        self._allowed = {h.lower() for h in config.allowed_hosts} | {h for h in local_hosts if h}

    # -- policy --------------------------------------------------------------------------
    def host_allowed(self, url: str, *, redirect: bool = False) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            return False
        if host in self._allowed:
            return True
        return redirect and any(fnmatch.fnmatch(host, pat) for pat in self.config.redirect_hosts)

    def _rate_limit(self, host: str) -> None:
        rate = self.config.rate_limits.get(host, self.config.default_rate)
        if not rate or rate <= 0:
            return
        now = self.clock()
        slot = max(now, self._next_slot.get(host, now))
        if slot > now:
            self.sleep(slot - now)
        self._next_slot[host] = slot + 1.0 / rate

    def _backoff(self, attempt: int) -> float:
        base = min(self.config.max_backoff, self.config.backoff * (2 ** attempt))
        return base * (0.5 + random.random() / 2)

    # -- fetching ------------------------------------------------------------------------
    def get(self, url: str, *, source: str, kind: str, conditional: bool = False,
            params: dict | None = None, max_bytes: int | None = None, meta: dict | None = None,
            archive_errors: bool = True) -> FetchResult:
        """GET `url` (a live URL; `config.base_urls` may point it at a stand-in server),
        archive the final response and return it. Raises FetchError when it cannot."""
        if params:
            url = requests.Request("GET", url, params=params).prepare().url
        target = self.config.url(url)
        if not self.host_allowed(target):
            raise FetchError(url, f"host {urlsplit(target).hostname!r} is not on the allow-list")
        headers = {}
        validators = self.archive.validators(url) if conditional else {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last-modified"):
            headers["If-Modified-Since"] = validators["last-modified"]
        cap = max_bytes or self.config.max_bytes
        last_error = "no attempt made"
        for attempt in range(self.config.retries + 1):
            try:
                status, body, resp_headers, final = self._attempt(target, headers, cap)
            except RetryableError as exc:
                last_error = str(exc)
                if attempt >= self.config.retries:
                    break
                wait = exc.wait if exc.wait is not None else self._backoff(attempt)
                self.retries += 1
                self.log(f"{url}: {exc}; retry {attempt + 1}/{self.config.retries} in {wait:.1f}s")
                self.sleep(wait)
                continue
            record_meta = dict(meta or {})
            if final != target:
                record_meta["final_url"] = final
            if target != url:
                record_meta["fetched_from"] = target
            if status == 304 and validators.get("sha256"):
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
        raise FetchError(url, f"gave up after {self.config.retries + 1} attempts: {last_error}")

    def _attempt(self, url: str, headers: dict, cap: int) -> tuple[int, bytes, dict, str]:
        current = url
        for _hop in range(6):
            host = (urlsplit(current).hostname or "").lower()
            self._rate_limit(host)
            self.requests[host] += 1
            started = self.clock()
            try:
                resp = self.session.get(current, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(self.config.connect_timeout, self.config.read_timeout))
            except requests.exceptions.Timeout as exc:
                raise RetryableError(f"timeout ({type(exc).__name__})") from exc
            except requests.exceptions.ConnectionError as exc:
                raise RetryableError(f"connection error ({_short(exc)})") from exc
            except requests.exceptions.RequestException as exc:
                raise FetchError(current, f"request failed: {_short(exc)}") from exc
            try:
                if resp.status_code in REDIRECTS:
                    location = resp.headers.get("Location")
                    if not location:
                        raise FetchError(current, f"HTTP {resp.status_code} without a Location header")
                    nxt = urljoin(current, location)
                    if not self.host_allowed(nxt, redirect=True):
                        raise FetchError(current, f"redirect to {urlsplit(nxt).hostname!r} refused: not on the allow-list")
                    current = nxt
                    continue
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code == 429 or (resp.status_code == 503 and "retry-after" in resp_headers):
                    wait = _retry_after(resp_headers.get("retry-after"))
                    if wait is not None and wait > MAX_RETRY_AFTER:
                        raise FetchError(current, f"HTTP {resp.status_code}: server asks to wait {wait:.0f}s", resp.status_code)
                    raise RetryableError(f"HTTP {resp.status_code}", wait if wait is not None else None)
                if resp.status_code in RETRY_STATUS:
                    raise RetryableError(f"HTTP {resp.status_code}")
                declared = resp_headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(current, f"response too large: Content-Length {declared} > cap {cap}")
                body = self._read(resp, cap, started, current)
                self.bytes += len(body)
                return resp.status_code, body, resp_headers, current
            finally:
                resp.close()
        raise FetchError(url, "too many redirects")

    def _read(self, resp: requests.Response, cap: int, started: float, url: str) -> bytes:
        chunks, total = [], 0
        try:
            for chunk in resp.iter_content(chunk_size=65536):
                total += len(chunk)
                if total > cap:
                    raise FetchError(url, f"response too large: more than {cap} bytes")
                if self.clock() - started > self.config.total_timeout:
                    raise RetryableError(f"response took longer than {self.config.total_timeout:.0f}s")
                chunks.append(chunk)
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError) as exc:
            raise RetryableError(f"truncated body ({_short(exc)})") from exc
        except requests.exceptions.Timeout as exc:
            raise RetryableError("read timeout") from exc
        except requests.exceptions.ContentDecodingError as exc:
            raise RetryableError(f"undecodable body ({_short(exc)})") from exc
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"
