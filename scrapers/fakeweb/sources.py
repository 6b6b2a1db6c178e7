"""One local stand-in server for all three live sources, serving SYNTHETIC data.

    from scrapers.fakeweb.sources import FakeSources
    with FakeSources(sdn_entries=2000, treasury_releases=30, doj_releases=2000) as site:
        site.base_urls          # {"https://sanctionslistservice.ofac.treas.gov": "http://127.0.0.1:P/sls", ...}
        site.env()              # TRACKER_BASE_URLS=... for a `tracker` subprocess
        mark = site.mark()
        ...                     # run `tracker update`
        site.counts(since=mark) # {"sanctionslistservice.ofac.treas.gov": {"304": 4}, ...}

or from the shell:  python -m scrapers.fakeweb.sources --port 8765   (prints TRACKER_BASE_URLS)

Mounted on one 127.0.0.1 port, one path prefix per live host (the tracker's
`[http] base_urls` / TRACKER_BASE_URLS maps each live host to its prefix):
- /sls   sanctionslistservice.ofac.treas.gov: /api/PublicationPreview/exports/{SDN,ADD,ALT,
         SDN_COMMENTS}.CSV from scrapers.fakeweb/sdn_synthetic.py, with ETag and Last-Modified;
         `If-None-Match` / `If-Modified-Since` that match get `304 Not Modified`, no body.
- /ofac  ofac.treasury.gov: the press-release listing `/press-releases?page=N` and
         `/recent-actions/YYYYMMDD` (scrapers/fakeweb/treasury_synthetic.py).
- /home  home.treasury.gov: release pages `/news/press-releases/<id>`.
- /doj   www.justice.gov and justice.gov: the news API v1 (scrapers/fakeweb/doj_api.py,
         quirks included).
Every request is logged (host, path, status) so a benchmark can count what one run cost.
"""
from __future__ import annotations

import argparse
import hashlib
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from .doj_api import FakeDojApi
from .sdn_synthetic import SyntheticSdn
from .server import LocalServer, QuietHandler, free_port, not_modified, send
from .treasury_synthetic import SyntheticTreasury

__all__ = ["FakeSources", "free_port", "read_sdn_dir"]

PREFIXES = {  # live base URL -> path prefix on the stand-in
    "https://sanctionslistservice.ofac.treas.gov": "/sls",
    "https://ofac.treasury.gov": "/ofac",
    "https://home.treasury.gov": "/home",
    "https://www.justice.gov": "/doj",
    "https://justice.gov": "/doj",
}
HOST_OF_PREFIX = {"/sls": "sanctionslistservice.ofac.treas.gov", "/ofac": "ofac.treasury.gov",
                  "/home": "home.treasury.gov", "/doj": "www.justice.gov"}
SDN_FILES = {"SDN.CSV": "sdn.csv", "ADD.CSV": "add.csv", "ALT.CSV": "alt.csv", "SDN_COMMENTS.CSV": "sdn_comments.csv"}
LAST_MODIFIED = "Fri, 27 Jun 2025 14:05:00 GMT"


class FakeSources:
    def __init__(self, *, sdn_entries: int = 2000, treasury_releases: int = 30, doj_releases: int = 2000,
                 doj_fentanyl_share: float = 0.12, seed: int = 1, port: int = 0, host: str = "127.0.0.1",
                 newest: str | None = None, treasury_oldest: str | None = None, doj_per_day: int = 60,
                 sdn_files: dict[str, bytes] | None = None, doj_body_chars: int = 0):
        """`newest`: date of the newest Treasury and DOJ release (default: the generators'
        own); `treasury_oldest`: spread the Treasury releases from `newest` back to this date
        (default: one every 2 days); `sdn_files`: serve these files (e.g. a real sdn.csv, see
        `read_sdn_dir`) instead of the synthetic list (Treasury designees still come from it)."""
        dates = {"newest": newest} if newest else {}
        self.sdn = SyntheticSdn(sdn_entries, seed=seed + 2)
        self.treasury = SyntheticTreasury(treasury_releases, self.sdn, seed=seed + 4, oldest=treasury_oldest, **dates)
        self.doj = FakeDojApi(doj_releases, seed=seed, fentanyl_share=doj_fentanyl_share, listen=False,
                              per_day=doj_per_day, body_chars=doj_body_chars, **dates)
        self.lock = threading.Lock()
        self.log: list[tuple[str, str, int]] = []     # (live host, path, status)
        self.pages: dict[str, bytes] = self.treasury.pages()
        self.csv: dict[str, tuple[bytes, str, str]] = {}  # name -> (body, etag, last-modified)
        self.set_sdn_files(sdn_files or self.sdn.files(), LAST_MODIFIED)
        self.web = LocalServer(self._handle, host=host, port=port, handler=_StatusKeeping)

    # -- lifecycle -------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.web.url

    @property
    def base_urls(self) -> dict[str, str]:
        return {live: self.url + prefix for live, prefix in PREFIXES.items()}

    def env_value(self) -> str:
        return ",".join(f"{live}={local}" for live, local in self.base_urls.items())

    def start(self) -> "FakeSources":
        self.web.start()
        return self

    def stop(self) -> None:
        self.web.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- content changes ---------------------------------------------------------------------------
    def set_sdn_files(self, files: dict[str, bytes], last_modified: str) -> None:
        with self.lock:
            for name, data in files.items():
                self.csv[name] = (data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"', last_modified)

    # -- counting ------------------------------------------------------------------------------------
    def mark(self) -> int:
        with self.lock:
            return len(self.log)

    def counts(self, since: int = 0) -> dict[str, Counter]:
        """Per live host: requests by HTTP status (as strings), from log position `since`."""
        out: dict[str, Counter] = {}
        with self.lock:
            for host, _path, status in self.log[since:]:
                out.setdefault(host, Counter())[str(status)] += 1
        return out

    def requests(self, since: int = 0) -> list[tuple[str, str, int]]:
        with self.lock:
            return list(self.log[since:])

    # -- HTTP ------------------------------------------------------------------------------------------
    def _handle(self, h: QuietHandler) -> None:
        path = h.path
        prefix = "/" + path.lstrip("/").split("/", 1)[0].split("?", 1)[0]
        host = HOST_OF_PREFIX.get(prefix, "?")
        rest = path[len(prefix):] or "/"
        if prefix == "/doj":
            try:
                self.doj.handle(h, rest)
            finally:
                with self.lock:
                    self.log.append((host, rest, getattr(h, "sent_status", 0)))
            return
        if prefix == "/sls":
            name = urlsplit(rest).path.rsplit("/", 1)[-1].upper()
            if urlsplit(rest).path.startswith("/api/PublicationPreview/exports/") and name in SDN_FILES:
                with self.lock:
                    body, etag, modified = self.csv[SDN_FILES[name]]
                if not_modified(h.headers, etag, modified):
                    return self._send(h, host, rest, 304, b"", {"ETag": etag, "Last-Modified": modified})
                return self._send(h, host, rest, 200, body, {"ETag": etag, "Last-Modified": modified,
                                                             "Content-Type": "text/csv"})
            return self._send(h, host, rest, 404, b"not found", {"Content-Type": "text/plain"})
        body = self.pages.get(path)
        if body is None:
            return self._send(h, host, rest, 404, b"<html><body>Page not found</body></html>",
                              {"Content-Type": "text/html"})
        return self._send(h, host, rest, 200, body, {"Content-Type": "text/html; charset=utf-8"})

    def _send(self, h, host: str, path: str, status: int, body: bytes, headers: dict) -> None:
        with self.lock:
            self.log.append((host, path, status))
        send(h, status, body, headers)


class _StatusKeeping(QuietHandler):
    """Keeps the status of its answer, for the request log (one handler object serves every
    request of a keep-alive connection: recorded, never re-wrapped)."""

    def send_response(self, code, message=None):
        self.sent_status = code
        super().send_response(code, message)

    def do_GET(self):  # noqa: N802
        self.sent_status = 0
        super().do_GET()


def read_sdn_dir(directory: Path) -> dict[str, bytes]:
    """The list files in `directory` (sdn.csv required; add.csv, alt.csv, sdn_comments.csv
    when present, else served empty), e.g. a real version from ../shared/corpus/ofac/sdn/."""
    directory = Path(directory)
    if not (directory / "sdn.csv").is_file():
        raise SystemExit(f"{directory}: no sdn.csv")
    return {name: (directory / name).read_bytes() if (directory / name).is_file() else b""
            for name in SDN_FILES.values()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--sdn-entries", type=int, default=2000)
    ap.add_argument("--treasury-releases", type=int, default=30)
    ap.add_argument("--doj-releases", type=int, default=2000)
    ap.add_argument("--sdn-dir", type=Path, help="serve the list files of this directory (e.g. a real sdn.csv)")
    args = ap.parse_args(argv)
    site = FakeSources(sdn_entries=args.sdn_entries, treasury_releases=args.treasury_releases,
                       doj_releases=args.doj_releases, port=args.port,
                       sdn_files=read_sdn_dir(args.sdn_dir) if args.sdn_dir else None).start()
    print(f"SYNTHETIC sources on {site.url}: {args.sdn_entries:,} SDN entries, {args.treasury_releases}"
          f" Treasury releases, {args.doj_releases:,} DOJ releases", flush=True)
    print(f"TRACKER_BASE_URLS='{site.env_value()}'", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
