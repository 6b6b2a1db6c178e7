"""DOJ news API v1 responses -> release records (pure functions).

What the API sends, as observed:

- envelope `{"metadata": {"responseInfo": {"status"}, "resultset": {"count", "pagesize",
  "page"}, "executionTime"}, "results": [...]}`; `count` is a string ("246868"), `pagesize`
  a string or a number, `page` zero-based; no next link;
- per item: `uuid`; `title` (may carry HTML entities); `url` with or without `www.`;
  `date` = unix seconds *in a string*; `changed` / `created` = an HTML
  `<time datetime="...">unix</time>\\n` string, not a number; `body` / `teaser` = HTML
  (blog entries send plain text with blank lines); `number` may be ""; `component` and
  `topic` = a list of `{uuid, name}` or an HTML string of `<a>` anchors joined by ", "
  (blog_entries) or " " when empty; `attachment(s)` / `image` = " " or anchors;
- single-item responses (`/press_releases/<uuid>.json?fields=...`) hold only the fields asked
  for (e.g. date, title, url, uuid).

Release pages (HTML): page.py; body text: htmltext.py; classification: classify.py.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from urllib.parse import urlsplit

from ...dates import unix_to_eastern_date, unix_to_iso
from .classify import might_mention_fentanyl
from .htmltext import clean_inline

SITE = "https://www.justice.gov"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


class ParseError(Exception):
    """Input that cannot be read at all (names the file or URL)."""

    def __init__(self, location: str, reason: str, row: int | str | None = None):
        self.location, self.reason, self.row = location, reason, row
        super().__init__(f"{location}" + (f", item {row}" if row is not None else "") + f": {reason}")


@dataclasses.dataclass
class Release:
    uuid: str | None
    url: str | None
    title: str
    body_html: str = ""
    teaser_html: str = ""
    date_unix: int | None = None
    published: str | None = None
    changed_unix: int | None = None
    changed: str | None = None
    created: str | None = None
    components: list[str] = dataclasses.field(default_factory=list)
    topics: list[str] = dataclasses.field(default_factory=list)
    number: str | None = None
    kind: str = "api"              # api | page
    fields: frozenset = frozenset()  # fields the source actually carried (richness)
    location: str = ""

    @property
    def key(self) -> str:
        return self.uuid or f"url:{self.url}"

    @property
    def richness(self) -> int:
        return len(self.fields)


@dataclasses.dataclass
class ApiPage:
    count: int | None
    pagesize: int | None
    page: int | None
    status: int | None
    results: list
    single: bool = False


# -- small value readers -------------------------------------------------------------------
# Every reader below takes whatever a hostile server sends (any type, any length) and returns
# a value or None, in time linear in the input: no exception but ParseError leaves this module.
MAX_DIGITS = 19           # unix seconds, counts: a longer number is no date and no count


def _int(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10 ** MAX_DIGITS else None
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and abs(value) < 10 ** MAX_DIGITS else None
    s = str(value).strip()
    if len(s) > MAX_DIGITS + 8:
        return None
    if s.isascii() and s.isdecimal():  # (what \d+ matches; the usual case, without the regular expression)
        return int(s) if len(s) <= MAX_DIGITS else None
    if re.fullmatch(r"-?[0-9]{1,19}", s):
        return int(s)
    if re.fullmatch(r"-?[0-9]{1,19}\.[0-9]{0,9}", s):
        return int(float(s))
    return None


def _word_char(s: str, i: int) -> bool:
    return i < len(s) and (s[i].isalnum() or s[i] == "_")


def _attribute(tag: str, name: str) -> str | None:
    """The quoted value of attribute `name` in the text of one start tag (linear)."""
    low = tag.lower()
    j = 0
    while True:
        j = low.find(name, j)
        if j < 0:
            return None
        k = j + len(name)
        while k < len(tag) and tag[k].isspace():
            k += 1
        if k >= len(tag) or tag[k] != "=":
            j = k
            continue
        k += 1
        while k < len(tag) and tag[k].isspace():
            k += 1
        if k >= len(tag) or tag[k] not in "\"'":
            j = k
            continue
        ends = [e for e in (tag.find('"', k + 1), tag.find("'", k + 1)) if e >= 0]
        if not ends:
            return None           # no closing quote anywhere after: no later value either
        end = min(ends)
        if end > k + 1:
            return tag[k + 1:end]
        j = end + 1


def _next_start_tag(low: str, opener: str, i: int) -> tuple[int, int] | None:
    """(start, index of its `>`) of the first start tag `opener` (`<a`, `<time`, lower case)
    at or after `i` in `low` (the name must end there: `<abbr` is no `<a`); None when there
    is none, or no `>` after it (then no later one can close either)."""
    while True:
        i = low.find(opener, i)
        if i < 0:
            return None
        if _word_char(low, i + len(opener)):
            i += len(opener)
            continue
        gt = low.find(">", i)
        return None if gt < 0 else (i, gt)


def time_tag(s: str) -> tuple[str, str] | None:
    """(datetime attribute, inner text) of the first `<time datetime="...">...</time>` in
    `s`, found with str.find (the regular expression it replaces took quadratic time on a
    long field of unclosed `<time` tags)."""
    low = s.lower()
    i = 0
    while (tag := _next_start_tag(low, "<time", i)) is not None:
        start, gt = tag
        value = _attribute(s[start + 5:gt], "datetime")
        if value is None:
            i = gt
            continue
        end = low.find("</time>", gt)
        return None if end < 0 else (value, s[gt + 1:end])
    return None


def strip_tags(s: str) -> str:
    """`s` without `<...>` tags (linear: a `<` never closed is kept as text)."""
    if "<" not in s:
        return s
    out, i = [], 0
    while True:
        lt = s.find("<", i)
        if lt < 0:
            break
        gt = s.find(">", lt)
        if gt < 0:
            break
        out.append(s[i:lt])
        i = gt + 1
    out.append(s[i:])
    return "".join(out)


def anchor_texts(s: str) -> list[str]:
    """The inner HTML of each `<a ...>...</a>` in `s`, in order (linear, like
    `re.finditer(r"<a\\b[^>]*>(.*?)</a>", re.I | re.S)` without its quadratic worst case)."""
    low = s.lower()
    out, i = [], 0
    while (tag := _next_start_tag(low, "<a", i)) is not None:
        end = low.find("</a>", tag[1])
        if end < 0:
            break
        out.append(s[tag[1] + 1:end])
        i = end + 4
    return out


def time_field(value) -> tuple[int | None, str | None]:
    """`<time datetime="2024-08-07T22:45:53+00:00">1723070753</time>\\n`, "1723070753",
    1723070753 or an ISO string -> (unix seconds, ISO UTC)."""
    n = unix_time(value)
    return (n, unix_to_iso(n)) if n is not None else (None, None)


def unix_time(value) -> int | None:
    """The unix seconds of a time_field value (without its ISO form)."""
    if value is None or value == "" or isinstance(value, (list, dict)):
        return None
    if isinstance(value, str) and value.startswith("<time"):
        # the usual shape: <time datetime="...">1723070753</time>\n
        i = value.find(">")
        j = value.find("<", i)
        inner = value[i + 1:j].strip() if i > 0 and j > i else ""
        n = _int(inner) if inner.isdecimal() else None
        if n is not None:
            return n
    n = _int(value)
    if n is not None:
        return n
    s = str(value).strip()
    if not s:
        return None
    found = time_tag(s)
    if found:
        n = _int(strip_tags(found[1]).strip())
        if n is not None:
            return n
        s = found[0]
    if len(s) > 64:          # no ISO date is that long
        return None
    import datetime as dt

    try:
        value = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        n = int(value.timestamp())
    except (ValueError, OverflowError, OSError):
        return None
    return n


def text_value(value) -> str:
    """Body/teaser: the API writes " " for empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return ""
    s = str(value)
    return "" if not s.strip() else s


def terms_from(value) -> list[str]:
    """component/topic: [{uuid, name}, ...] or '<a href=..>Civil Rights</a>, <a ..>X</a>'
    or 'A, B' or ' ' -> ['Civil Rights', 'X']."""
    out: list[str] = []
    if value is None:
        return out
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        for v in value:
            if isinstance(v, dict):
                name = clean_inline(v.get("name") or v.get("title") or "")
            else:
                name = clean_inline(v)
            if name and name not in out:
                out.append(name)
        return out
    s = str(value)
    if not s.strip():
        return out
    if "<a" in s.lower():
        parts = [clean_inline(a) for a in anchor_texts(s)]
    else:
        parts = [clean_inline(p) for p in s.split(",")]
    for p in parts:
        if p and p not in out:
            out.append(p)
    return out


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_SLASHES = re.compile(r"/{2,}")


def normalize_url(url: str | None) -> str | None:
    """'https://justice.gov/usao-mn/pr/x/' , '//www.justice.gov/...', '/usao-mn/pr/x' ->
    'https://www.justice.gov/usao-mn/pr/x' (https, www., no trailing slash, no query)."""
    if not url:
        return None
    url = str(url).strip()
    if not url:
        return None
    if url.startswith("//"):
        url = "https:" + url
    elif url.startswith("/"):
        url = SITE + url
    elif not _SCHEME.match(url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:          # look-alike characters (U+FF0F ...) in the host, a bad port
        return None
    if not host or not host.isascii() or "\\" in url:
        return None
    if host in ("justice.gov", "www.justice.gov"):
        host = "www.justice.gov"
    path = parts.path or "/"
    if "//" in path:
        path = _SLASHES.sub("/", path)
    path = path.rstrip("/") or "/"
    return f"https://{host}{path}"


# -- API responses --------------------------------------------------------------------------
def _not_json(constant: str):
    raise ValueError(f"{constant} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def load_json(content: bytes | str, location: str):
    """Strict JSON: Infinity and NaN refused, numbers that overflow refused, nesting too deep
    for the parser refused -- each a ParseError naming the location, never another exception."""
    try:
        return json.loads(content, parse_constant=_not_json, parse_float=_finite)
    except (ValueError, UnicodeDecodeError, OverflowError) as exc:
        raise ParseError(location, f"not valid JSON ({' '.join(str(exc).split())[:200]})") from exc
    except RecursionError as exc:
        raise ParseError(location, "not valid JSON (nested too deeply)") from exc
    except TypeError as exc:
        raise ParseError(location, f"not JSON text ({exc})") from exc


def parse_api_response(content: bytes | str, location: str) -> ApiPage:
    """The envelope of a list or single-item response (raises ParseError when unreadable)."""
    data = load_json(content, location)
    if isinstance(data, list):
        # a bare list of items (some saved files keep only `results`)
        return ApiPage(None, None, None, None, data)
    if not isinstance(data, dict):
        raise ParseError(location, f"expected a JSON object, got {type(data).__name__}")
    meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    info = meta.get("responseInfo") if isinstance(meta.get("responseInfo"), dict) else {}
    rs = meta.get("resultset") if isinstance(meta.get("resultset"), dict) else {}
    status = _int(info.get("status"))
    if status is not None and status != 200:
        raise ParseError(location, f"API responseInfo status {status}")
    if "results" not in data:
        if "uuid" in data:  # a bare item
            return ApiPage(1, None, 0, status, [data], single=True)
        raise ParseError(location, "no `results` in the response (not a DOJ API response?)")
    results = data["results"]
    if results is None or results == "":
        results = []
    if isinstance(results, dict):
        results = list(results.values()) if all(isinstance(v, dict) for v in results.values()) else [results]
    if not isinstance(results, list):
        raise ParseError(location, f"`results` is a {type(results).__name__}, expected a list")
    return ApiPage(_int(rs.get("count")), _int(rs.get("pagesize")), _int(rs.get("page")), status, results)


def parse_item(raw, location: str, index: int) -> Release:
    """One API item -> Release (raises ParseError for an item without a uuid, or any value
    it cannot read: the error names the item, and the other items of the page still count)."""
    try:
        return _parse_item(raw, location, index)
    except ParseError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError, LookupError, AttributeError) as exc:
        raise ParseError(location, f"item unreadable ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})",
                         index) from exc


def _parse_item(raw, location: str, index: int) -> Release:
    if not isinstance(raw, dict):
        raise ParseError(location, f"item is a {type(raw).__name__}, not an object", index)
    uuid = str(raw.get("uuid") or "").strip().lower()
    if not UUID_RE.match(uuid):
        raise ParseError(location, f"item has no valid uuid ({raw.get('uuid')!r})", index)
    date_unix = unix_time(raw.get("date"))
    changed_unix, changed = time_field(raw.get("changed"))
    _, created = time_field(raw.get("created"))
    number = clean_inline(raw.get("number")) or None
    fields = frozenset(k for k, v in raw.items() if v not in (None, "", " ", [], {}))
    url = normalize_url(raw.get("url"))
    if url is None and str(raw.get("url") or "").strip():
        raise ParseError(location, f"item's url is unreadable ({str(raw.get('url'))[:80]!r})", index)
    return Release(
        uuid=uuid, url=url, title=clean_inline(raw.get("title")),
        body_html=text_value(raw.get("body")), teaser_html=text_value(raw.get("teaser")),
        date_unix=date_unix, published=unix_to_eastern_date(date_unix) if date_unix is not None else None,
        changed_unix=changed_unix, changed=changed, created=created,
        components=terms_from(raw.get("component")), topics=terms_from(raw.get("topic")),
        number=number, kind="api", fields=fields, location=f"{location}#{index}")


def parse_item_light(raw, location: str, index: int) -> Release | None:
    """Just enough of an item that cannot be about fentanyl (see might_mention_fentanyl) to
    know which release it is and which version: it is never stored, but it can replace a
    stored copy that used to mention fentanyl. None when the item is unreadable (the full
    parser then reports why)."""
    try:
        return _parse_item_light(raw, location, index)
    except (ValueError, TypeError, OverflowError, RecursionError, LookupError, AttributeError):
        return None


def _parse_item_light(raw, location: str, index: int) -> Release | None:
    if not isinstance(raw, dict):
        return None
    uuid = str(raw.get("uuid") or "").strip().lower()
    if not UUID_RE.match(uuid):
        return None
    changed_unix, changed = time_field(raw.get("changed"))
    date_unix = _int(raw.get("date"))
    if date_unix is None:
        date_unix = unix_time(raw.get("date"))
    fields = frozenset(k for k, v in raw.items() if v not in (None, "", " ", [], {}))
    return Release(uuid=uuid, url=None, title=str(raw.get("title") or ""), changed_unix=changed_unix,
                   changed=changed, date_unix=date_unix,
                   published=unix_to_eastern_date(date_unix) if date_unix is not None else None,
                   kind="light", fields=fields, location=f"{location}#{index}")


def item_might_mention_fentanyl(raw) -> bool:
    """The cheap test on an item's raw title, body and teaser."""
    if not isinstance(raw, dict):
        return True
    return might_mention_fentanyl(str(raw.get("title") or ""), text_value(raw.get("body")), text_value(raw.get("teaser")))


def merge_records(records: list[Release]) -> Release:
    """Several copies of one release (same uuid): the newest `changed` wins, then the richest
    (a by-uuid response asked for 4 fields loses to the full list item); fields the winner
    lacks are filled from the others."""
    def rank(r: Release):
        return (r.changed_unix if r.changed_unix is not None else -1, r.richness)

    best = max(records, key=rank)  # max keeps the first of equals; callers pass fetch order
    for r in records:
        if r is not best and rank(r) == rank(best):
            best = r  # later copy of the same version wins (newest fetch)
    if best.kind == "light":
        return best  # the newest version says nothing about fentanyl: nothing to fill in
    out = dataclasses.replace(best)
    for r in sorted(records, key=rank, reverse=True):
        if r is best:
            continue
        for f in ("url", "title", "body_html", "teaser_html", "date_unix", "published", "changed_unix",
                  "changed", "created", "number"):
            if not getattr(out, f) and getattr(r, f):
                setattr(out, f, getattr(r, f))
        if not out.components and r.components:
            out.components = list(r.components)
        if not out.topics and r.topics:
            out.topics = list(r.topics)
    out.fields = frozenset().union(*(r.fields for r in records))
    return out
