"""The one URL validator: is this a plain http(s) URL, and which host will it really reach?

Python's `urlsplit` and the urllib3 that `requests` connects with read some URLs differently:
`http://127.0.0.1:9\\@home.treasury.gov/x` is home.treasury.gov to `urlsplit` (the text
before `@` is user info) and 127.0.0.1 port 9 to urllib3 (a backslash ends the host, as in
browsers). An allow-list checked with one parser and a connection opened with the other is
no allow-list. `check_url` accepts only URLs on which both agree, by refusing what makes them
differ or what no source ever publishes:

- a scheme other than http/https, or no host;
- user info (`user@`, `user:pass@`), a backslash, a control or blank character anywhere;
- anything but ASCII letters, digits, `-` and `.` in the host (fullwidth letters and
  solidi such as U+FF0F, other non-ASCII, percent-escapes); an IPv6 literal;
- a port that is not 1-65535;
and then asks urllib3 (what `requests` uses) for the host and port and requires the same.

Every request the HTTP client sends and every redirect it follows goes through it
(scrapers/http.py); parsers use it to drop a link they cannot trust.
"""
from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


class UnsafeUrl(ValueError):
    """A URL the scraper will not request (the message says why, without the URL)."""


@dataclasses.dataclass(frozen=True)
class CheckedUrl:
    url: str
    scheme: str
    host: str          # lower case, without a trailing dot
    port: int | None


def check_url(url: str) -> CheckedUrl:
    """`url` if it is a plain http(s) URL whose host every parser agrees on; UnsafeUrl otherwise."""
    if not isinstance(url, str) or not url:
        raise UnsafeUrl("not a URL")
    if len(url) > 8192:
        raise UnsafeUrl("URL longer than 8,192 characters")
    bad = _BAD_CHARS.search(url)
    if bad:
        what = "a backslash" if bad.group() == "\\" else f"the control or blank character {bad.group()!r}"
        raise UnsafeUrl(f"the URL holds {what}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:    # NFKC look-alikes (U+FF0F ...), a port out of range or not a number
        raise UnsafeUrl(f"unreadable URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeUrl(f"scheme {parts.scheme!r} is not http(s)" if parts.scheme else "not an absolute URL")
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeUrl("the URL carries user info (text before '@' in the host part)")
    host_text = netloc.rsplit(":", 1)[0] if port is not None or netloc.endswith(":") else netloc
    if not host_text:
        raise UnsafeUrl("the URL has no host")
    if not host_text.isascii() or not _HOST.fullmatch(host_text.lower()):
        raise UnsafeUrl("the host name holds characters other than ASCII letters, digits, '-' and '.'")
    if port is not None and not 0 < port < 65536:
        raise UnsafeUrl(f"port {port} out of range")
    host = host_text.lower().rstrip(".")
    # what the connection will use: urllib3 (requests' parser) must read the same host and port
    from urllib3.util import parse_url
    try:
        theirs = parse_url(url)
    except ValueError as exc:
        raise UnsafeUrl(f"unreadable URL ({exc})") from None
    if (theirs.host or "").lower().rstrip(".") != host or theirs.port != port:
        raise UnsafeUrl(f"ambiguous URL: it reads as host {host!r} here and {theirs.host!r} to the HTTP library")
    return CheckedUrl(url, scheme, host, port)


def safe_url(url: str | None) -> str | None:
    """`url` when `check_url` accepts it, else None (for parsers dropping untrusted links)."""
    if not url:
        return None
    try:
        return check_url(url).url
    except UnsafeUrl:
        return None
