"""DOJ news API v1 and justice.gov release pages -> release records; classification.

Pure functions (bytes/text in, records out). What the API sends, as observed:

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

Release pages (HTML) were not captured for the current site; `parse_release_page` tries the
selectors third-party code reports (2023+ theme: `h1.page-title`, `div.field_date time`,
`div.field_body`) and the 2020 theme's (`field--name-field-pr-*`), and raises when a page
has no title, date or body.

Classification (`classify`) is a handful of compiled regular expressions over title + text;
its vocabularies (fentanyl analogues, nitazenes, precursors, cartels...) live in doj.yml.
"""
from __future__ import annotations

import dataclasses
import functools
import html as htmllib
import json
import re
from urllib.parse import urlsplit

from .. import load_source_yaml

from ...countries import country_of_demonym, normalize_country
from ...dates import eastern_date, unix_to_eastern_date, unix_to_iso

SITE = "https://www.justice.gov"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def tables() -> dict:
    """doj.yml: metadata, assertions and the vocabularies (loaded once)."""
    return load_source_yaml("doj")


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
def _int(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    s = str(value).strip()
    if s.isdecimal():  # (what \d+ matches; the usual case, without the regular expression)
        return int(s)
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d*", s):
        return int(float(s))
    return None


_TIME_TAG = re.compile(r"<time\b[^>]*?datetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</time>", re.I | re.S)


def time_field(value) -> tuple[int | None, str | None]:
    """`<time datetime="2024-08-07T22:45:53+00:00">1723070753</time>\\n`, "1723070753",
    1723070753 or an ISO string -> (unix seconds, ISO UTC)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str) and value.startswith("<time"):
        # the usual shape: <time datetime="...">1723070753</time>\n
        i = value.find(">")
        j = value.find("<", i)
        inner = value[i + 1:j].strip() if i > 0 and j > i else ""
        if inner.isdigit():
            n = int(inner)
            return n, unix_to_iso(n)
    n = _int(value)
    if n is not None:
        return n, unix_to_iso(n)
    s = str(value).strip()
    if not s:
        return None, None
    m = _TIME_TAG.search(s)
    if m:
        inner = re.sub(r"<[^>]+>", "", m.group(2)).strip()
        n = _int(inner)
        if n is not None:
            return n, unix_to_iso(n)
        s = m.group(1)
    import datetime as dt

    try:
        value = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None, None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    n = int(value.timestamp())
    return n, unix_to_iso(n)


def clean_inline(value) -> str:
    """Title-like field: entities decoded, tags dropped, spaces collapsed."""
    if value is None:
        return ""
    s = str(value)
    if "<" in s:
        s = _TAG.sub(" ", s)
    if "&" in s:
        s = htmllib.unescape(s)
    return _collapse_ws(s.replace("\xa0", " ")).strip()


def text_value(value) -> str:
    """Body/teaser: the API writes " " for empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return ""
    s = str(value)
    return "" if not s.strip() else s


_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)


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
        parts = [clean_inline(m.group(1)) for m in _ANCHOR.finditer(s)]
    else:
        parts = [clean_inline(p) for p in s.split(",")]
    for p in parts:
        if p and p not in out:
            out.append(p)
    return out


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
    elif not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in ("justice.gov", "www.justice.gov"):
        host = "www.justice.gov"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = path.rstrip("/") or "/"
    return f"https://{host}{path}"


# -- API responses --------------------------------------------------------------------------
def parse_api_response(content: bytes | str, location: str) -> ApiPage:
    """The envelope of a list or single-item response (raises ParseError when unreadable)."""
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(location, f"not valid JSON ({exc})") from exc
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
    """One API item -> Release (raises ParseError for an item without a uuid)."""
    if not isinstance(raw, dict):
        raise ParseError(location, f"item is a {type(raw).__name__}, not an object", index)
    uuid = str(raw.get("uuid") or "").strip().lower()
    if not UUID_RE.match(uuid):
        raise ParseError(location, f"item has no valid uuid ({raw.get('uuid')!r})", index)
    date_unix, _ = time_field(raw.get("date"))
    changed_unix, changed = time_field(raw.get("changed"))
    _, created = time_field(raw.get("created"))
    number = clean_inline(raw.get("number")) or None
    fields = frozenset(k for k, v in raw.items() if v not in (None, "", " ", [], {}))
    return Release(
        uuid=uuid, url=normalize_url(raw.get("url")), title=clean_inline(raw.get("title")),
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
    if not isinstance(raw, dict):
        return None
    uuid = str(raw.get("uuid") or "").strip().lower()
    if not UUID_RE.match(uuid):
        return None
    changed_unix, changed = time_field(raw.get("changed"))
    date_unix = _int(raw.get("date"))
    if date_unix is None:
        date_unix, _ = time_field(raw.get("date"))
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


# -- HTML -> text ---------------------------------------------------------------------------
_WS = re.compile(r"[ \t\r\f\v\n\u2028\u2029]+")
_TAG = re.compile(r"<[^>]*>")
_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_DROP_HINT = re.compile(r"<(?:script|style|!--|SCRIPT)")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
_BLOCK_TAGS = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 br tr td th table tbody thead blockquote section article "
                        "header footer hr dl dt dd figure figcaption".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_BOLD_TAGS = frozenset(("b", "strong"))
_TAG_NAMES = {n: n for n in _BLOCK_TAGS | _BOLD_TAGS | {"a", "i", "em", "span", "u", "sup", "sub", "img", "td"}}


@dataclasses.dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False


def _collapse_ws(s: str) -> str:
    """_WS.sub(" ", s), without the regular expression when there is nothing to collapse (the
    usual paragraph: single spaces only; the substitution costs ~40 ns a character)."""
    if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\f" in s or "\v" in s or "\u2028" in s or "\u2029" in s:
        return _WS.sub(" ", s)
    return s


def _inline_text(chunk: str) -> str:
    if "<" in chunk:
        chunk = _TAG.sub("", chunk)
    if "&" in chunk:
        chunk = htmllib.unescape(chunk)
    return _collapse_ws(chunk.replace("\xa0", " ")).strip()


def html_to_blocks(html: str) -> list[Block]:
    """Paragraph-level text blocks; `heading` marks a block that is entirely bold or an
    <h2>-like heading (round-up releases title each case that way)."""
    if not html or not html.strip():
        return []
    if "<" not in html:  # plain text with blank lines
        return [Block(x) for x in (_inline_text(p) for p in re.split(r"\n\s*\n", html)) if x]
    if _DROP_HINT.search(html):  # == "<script" in html or "<style" in html or ..., one pass
        html = _DROP.sub(" ", html)
    blocks: list[Block] = []
    pieces: list[str] = []      # text of the current block, bold parts marked
    bold_depth = 0
    has_plain = False
    has_bold = False
    in_heading = False

    def flush():
        nonlocal pieces, has_plain, has_bold
        if pieces:
            raw = "".join(pieces)
            if not raw.isspace() and raw:  # whitespace alone (between blocks) is no block
                text = _inline_text(raw)
                if text:
                    blocks.append(Block(text, in_heading or (has_bold and not has_plain)))
        pieces, has_plain, has_bold = [], False, False

    pos = 0
    for m in _ANY_TAG.finditer(html):
        start = m.start()
        if start > pos:
            chunk = html[pos:start]
            pieces.append(chunk)
            bare = chunk.strip()
            if bare and bare not in ("&nbsp;", "-", "–", ":"):
                if bold_depth:
                    has_bold = True
                else:
                    has_plain = True
        pos = m.end()
        slash, name = m.group(1, 2)
        name = _TAG_NAMES.get(name) or name.lower()
        closing = slash == "/"
        if name in _BLOCK_TAGS:
            flush()
            if name in _HEADINGS:
                in_heading = not closing
        elif name in _BOLD_TAGS:
            bold_depth = max(0, bold_depth + (-1 if closing else 1))
        else:
            pieces.append(" " if name in ("td", "span") else "")
    if pos < len(html):
        chunk = html[pos:]
        pieces.append(chunk)
        if chunk.strip():
            if bold_depth:
                has_bold = True
            else:
                has_plain = True
    flush()
    return blocks


def blocks_text(blocks: list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)


# -- release pages (HTML) ---------------------------------------------------------------------
_TITLE_SUFFIX = re.compile(r"\s*[|\-–]\s*(?:United States Department of Justice|Department of Justice|Justice\.gov|DOJ)\s*$", re.I)


def _text_besides_heading(el) -> str:
    """The text of a whole <article>/<main> (the fallback body) without its title, date and
    navigation: a page whose only text is its heading has no body."""
    from bs4 import BeautifulSoup

    copy = BeautifulSoup(str(el), "lxml")
    for tag in copy.select("h1, h2.page-title, .page-title-wrapper, time, .field_date, nav, header, footer, script,"
                           " style"):
        tag.decompose()
    return _inline_text(copy.get_text(" "))


def parse_release_page(content: bytes | str, location: str) -> Release:
    """A justice.gov press-release page (any theme we know of) -> Release; raises
    ParseError when the title, the date or the body cannot be found."""
    from bs4 import BeautifulSoup

    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    soup = BeautifulSoup(text, "lxml")

    def first(*selectors):
        for sel in selectors:
            el = soup.select_one(sel)
            if el is not None:
                return el
        return None

    title_el = first("h1.page-title", "h1#node-title", "h1.node-title", "h1.title", "article h1", "main h1", "h1")
    title = clean_inline(title_el.get_text(" ")) if title_el else ""
    if not title:
        meta = soup.select_one("meta[property='og:title'], meta[name='dcterms.title'], meta[name='title']")
        title = clean_inline(meta.get("content")) if meta else ""
    if not title and soup.title:
        title = _TITLE_SUFFIX.sub("", clean_inline(soup.title.get_text(" ")))
    if not title:
        raise ParseError(location, "release page has no title (h1.page-title / og:title / <title>)")

    published, date_unix = None, None
    for sel, attr in (("div.field_date time[datetime]", "datetime"), (".field--name-field-date time[datetime]", "datetime"),
                      (".field--name-field-pr-date [content]", "content"), (".node-date time[datetime]", "datetime"),
                      ("article time[datetime]", "datetime"), ("main time[datetime]", "datetime"),
                      ("time[datetime]", "datetime"), (".date-display-single[content]", "content"),
                      ("meta[property='article:published_time']", "content"),
                      ("meta[name='dcterms.date']", "content"), ("meta[name='date']", "content")):
        el = soup.select_one(sel)
        if el is not None and el.get(attr):
            raw = el.get(attr).strip()
            published = eastern_date(raw)
            date_unix, _ = time_field(raw)
            if published:
                break
    if not published:
        raise ParseError(location, "release page has no date (div.field_date time / time[datetime] / article:published_time)")

    body_el = first("div.field_body", ".field--name-field-pr-body", ".field--name-body", ".field--name-field-body",
                    "article .text-formatted", "div.node__content", "article", "main")
    body_html = body_el.decode_contents() if body_el is not None else ""
    if body_el is None or not _inline_text(body_html) or \
            (body_el.name in ("article", "main") and not _text_besides_heading(body_el)):
        raise ParseError(location, "release page has no body (div.field_body / field--name-field-pr-body / article)")

    def labelled(*selectors) -> list[str]:
        out = []
        for sel in selectors:
            for a in soup.select(sel):
                name = clean_inline(a.get_text(" "))
                if name and name not in out and name.lower() not in ("component", "components", "topic", "topics"):
                    out.append(name)
            if out:
                break
        return out

    components = labelled(".field_component a", ".field--name-field-pr-component a", ".node-component a",
                          ".field--name-field-component a")
    topics = labelled(".field_topic a", ".field--name-field-pr-topic a", ".field--name-field-topic a")
    page_text = _WS.sub(" ", soup.get_text(" "))
    number = None
    m = re.search(r"Press Release (?:Number|No\.?)\s*:?\s*([0-9A-Za-z][\w-]*)", page_text)
    if m:
        number = m.group(1)
    url = None
    link = soup.select_one("link[rel='canonical']") or soup.select_one("meta[property='og:url']")
    if link is not None:
        url = normalize_url(link.get("href") or link.get("content"))
    uuid = None
    m = re.search(r"(?:data-uuid|\"uuid\")\s*[=:]\s*\"([0-9a-fA-F-]{36})\"", text)
    if m and UUID_RE.match(m.group(1)):
        uuid = m.group(1).lower()
    fields = {"title", "date", "body"} | ({"component"} if components else set()) | ({"topic"} if topics else set())
    return Release(uuid=uuid, url=url, title=title, body_html=body_html, date_unix=date_unix,
                   published=published, components=components, topics=topics, number=number,
                   kind="page", fields=frozenset(fields), location=location)


# -- classification --------------------------------------------------------------------------
_TOKEN = re.compile(r"[a-z0-9]+")


# ASCII bytes -> themselves for [a-z0-9], lower case for [A-Z], a space for everything else.
_TOKEN_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphens, dots and spaces all separate ('para-fluorofentanyl'
    -> ['para', 'fluorofentanyl'], '4-ANPP' -> ['4', 'anpp'])."""
    if "\u0130" in text or "\u212a" in text:
        # the only characters outside ASCII whose lower case holds an ASCII letter ('İ', Kelvin 'K')
        return _TOKEN.findall(text.lower())
    # == _TOKEN.findall(text.lower()): every other non-ASCII character (bytes >= 0x80 in UTF-8)
    # separates tokens; 3-4x faster
    return text.encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).decode("ascii").split()


class Lexicon:
    """Every vocabulary of doj.yml in one token index, matched longest-first in one pass over
    the text's tokens (much faster than one big regular expression per vocabulary)."""

    def __init__(self, vocabularies: dict[str, dict[str, list[str]]], spelled_only: tuple[str, ...] = ()):
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for vocab_name, table in vocabularies.items():
            for canon, spellings in table.items():
                forms = set(map(str, spellings or []))
                if vocab_name not in spelled_only:  # the canonical name is a spelling too
                    forms.add(str(canon))
                for s in forms:
                    toks = tuple(_TOKEN.findall(s.lower()))
                    if toks:
                        self.index.setdefault(toks[0], []).append((toks, vocab_name, canon))
        for lst in self.index.values():
            lst.sort(key=lambda x: -len(x[0]))
        # what `find` tries at a first token, longest first: (length, the tokens after the first,
        # vocabulary, canonical name), up to the first one-token entry (which always matches)
        self._tries: dict[str, list[tuple[int, list[str], str, str]]] = {}
        for first, lst in self.index.items():
            tries = []
            for seq, vocab_name, canon in lst:
                tries.append((len(seq), list(seq[1:]), vocab_name, canon))
                if len(seq) == 1:
                    break
            self._tries[first] = tries
        # the same, by the token after the first: only entries whose second token is there can
        # match (their order kept), then the one-token entry, if any
        self._by_second: dict[str, tuple[dict[str, list[tuple[int, list[str], str, str]]], tuple | None]] = {}
        for first, tries in self._tries.items():
            by_second: dict[str, list] = {}
            single = None
            for k, rest, vocab_name, canon in tries:
                if k == 1:
                    single = (vocab_name, canon)
                else:
                    by_second.setdefault(rest[0], []).append((k, rest, vocab_name, canon))
            self._by_second[first] = (by_second, single)
        self._last: tuple[list[str], tuple] | None = None

    def find(self, toks: list[str], _at: list[int] | None = None) -> list[tuple[int, str, str]]:
        """[(token position, vocabulary, canonical name)]. (`_at`: the positions of the tokens
        that begin an entry, when the caller has them.)"""
        last = self._last
        if last is not None and last[0] == toks:
            # the same tokens again (classify, then extract on a one-case release): same answer
            return list(last[1])
        out = self._find(toks, _at)
        self._last = (list(toks), tuple(out))
        return out

    def _find(self, toks: list[str], at: list[int] | None = None) -> list[tuple[int, str, str]]:
        by_first = self._by_second
        out = []
        skip_to = -1
        last = len(toks) - 1
        for i in [i for i, tok in enumerate(toks) if tok in by_first] if at is None else at:
            if i < skip_to:
                continue
            by_second, single = by_first[toks[i]]
            if by_second and i < last:
                for k, rest, vocab_name, canon in by_second.get(toks[i + 1], ()):
                    if toks[i + 1:i + k] == rest:
                        out.append((i, vocab_name, canon))
                        skip_to = i + k
                        break
                else:
                    if single is not None:
                        out.append((i, single[0], single[1]))
                        skip_to = i + 1
                continue
            if single is not None:
                out.append((i, single[0], single[1]))
                skip_to = i + 1
        return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = tables()
    fent = dict(t["fentanyl_terms"])
    m30 = {"counterfeit M30 pills": fent.pop("counterfeit M30 pills", [])}
    return Lexicon({
        "fentanyl": fent, "m30": m30, "precursor": t["precursor_terms"],
        "precursor_acronym": t["precursor_acronyms"],
        "precursor_generic": {"precursor": t["precursor_generic"]},
        "drug": t["other_drugs"], "cartel": t["cartels"],
        "money": {"money laundering": t["money_laundering_terms"]},
        "online": {"online sales": t["online_terms"]},
        "pill": {"pills": ["pill", "pills", "tablet", "tablets"]},
    }, spelled_only=("precursor",))  # 'NPP' / '4-AP' alone are acronyms, matched only in context


# Cheap test on the lower-cased raw text: most DOJ releases never come near the vocabulary.
_QUICK = ("fentan", "nitaz", "anpp", "piperid", "m30", "m-30", "m 30", "norfent", "4-ap", "npp", "anilino", "boc-4")


# _QUICK by a part each term contains: most texts contain none of the parts, and 8 searches
# answer for the 12 terms. (Tested on the UTF-8 bytes, lower-cased: an ASCII term occurs in
# text.lower() exactly when it occurs in them, unless the text holds 'İ' or Kelvin 'K', the
# only non-ASCII characters whose lower case is ASCII.)
_QUICK_GROUPS = tuple((part.encode(), tuple(q.encode() for q in qs)) for part, qs in (
    ("fent", ("fentan", "norfent")), ("nitaz", ("nitaz",)), ("npp", ("anpp", "npp")), ("piperid", ("piperid",)),
    ("30", ("m30", "m-30", "m 30")), ("4-", ("4-ap",)), ("c-4", ("boc-4",)), ("anilino", ("anilino",))))
assert sorted(q for _, qs in _QUICK_GROUPS for q in qs) == sorted(q.encode() for q in _QUICK) and \
    all(part in q for part, qs in _QUICK_GROUPS for q in qs)


def _lower_bytes(text: str) -> bytes | None:
    """text.lower() as far as ASCII words go (see _QUICK_GROUPS); None for a text with 'İ' or 'K'."""
    if "\u0130" in text or "\u212a" in text:
        return None
    return text.encode("utf-8", "surrogatepass").lower()


def might_mention_fentanyl(*texts: str) -> bool:
    for text in texts:
        low = _lower_bytes(text)
        if low is None:
            low = text.lower()
            if any(q in low for q in _QUICK):
                return True
        elif any(part in low and any(q in low for q in qs) for part, qs in _QUICK_GROUPS):
            return True
    return False


@dataclasses.dataclass
class Classification:
    mentions_fentanyl: bool
    precursor_case: bool
    cartel_case: bool
    money_laundering: bool
    online_sales: bool
    drugs: list[str]
    cartels: list[str]
    countries: list[str]
    tokens: list[str] | None = dataclasses.field(default=None, repr=False, compare=False)


def _drugs_from(found: list[tuple[int, str, str]]) -> list[str]:
    kinds = {v for _, v, _ in found}
    drugs = {c for _, v, c in found if v in ("fentanyl", "drug", "precursor")}
    if "m30" in kinds and "pill" in kinds:
        drugs.add("counterfeit M30 pills")
    if "precursor_acronym" in kinds and ("precursor" in kinds or "precursor_generic" in kinds):
        drugs |= {c for _, v, c in found if v == "precursor_acronym"}
    return sorted(drugs)


def find_drugs(text: str) -> list[str]:
    """Canonical drug names in text (fentanyl family, precursors, others), sorted."""
    return _drugs_from(lexicon().find(tokens(text)))


def find_cartels(text: str) -> list[str]:
    return sorted({c for _, v, c in lexicon().find(tokens(text)) if v == "cartel"})


@functools.lru_cache(maxsize=1)
def _fentanyl_family() -> frozenset:
    t = tables()
    return frozenset(t["fentanyl_terms"]) | frozenset(t["precursor_terms"]) | frozenset(t["precursor_acronyms"])


def classify(title: str, text: str, *, raw: str | None = None) -> Classification:
    """Flags for one release (title + body text). `raw` (the body HTML) lets the common
    case -- nothing fentanyl-like anywhere -- return without further work."""
    if not might_mention_fentanyl(title, raw if raw is not None else text):
        return Classification(False, False, False, False, False, [], [], [])
    whole = f"{title}\n{text}"
    toks = tokens(whole)
    lex = lexicon()
    # where either vocabulary (terms, countries) might begin, in one pass over the tokens
    country_index, _ = _country_index()
    firsts = _classify_firsts()
    hits = [i for i, tok in enumerate(toks) if tok in firsts]
    found = lex.find(toks, [i for i in hits if toks[i] in lex._tries])
    drugs = _drugs_from(found)
    fam = _fentanyl_family()
    if not any(d in fam for d in drugs):
        return Classification(False, False, False, False, False, drugs, [], [])
    kinds = {v for _, v, _ in found}
    precursor = "precursor" in kinds or "precursor_generic" in kinds or \
        any(d in fam and d in tables()["precursor_acronyms"] for d in drugs)
    cartels = sorted({c for _, v, c in found if v == "cartel"})
    return Classification(True, precursor, bool(cartels), "money" in kinds, "online" in kinds, drugs, cartels,
                          find_countries(whole, toks, _at=[i for i in hits if toks[i] in country_index]), toks)


@functools.lru_cache(maxsize=1)
def _classify_firsts() -> frozenset:
    return frozenset(lexicon()._tries) | frozenset(_country_index()[0])


# -- countries named in a release ------------------------------------------------------------
# Names that are also US states, towns, people's names or words: only counted in "-based" /
# "national" contexts, like demonyms ("Chinese nationals", "India-based").
_AMBIGUOUS_COUNTRIES = {"Georgia", "Jordan", "Chad", "Turkey", "Niger", "Guinea", "Dominica", "Mali",
                        "Oman", "Peru", "Togo", "Cuba", "Israel", "Panama", "Jersey", "Man", "Lebanon",
                        "Jamaica", "Poland", "Chile", "Canada"}
_CONTEXT_NEXT = frozenset("""based national nationals citizen citizens company companies supplier suppliers
manufacturer manufacturers cartel cartels government authorities chemical chemicals pharmaceutical money drug
broker brokers vendor vendors laboratory laboratories lab labs""".split())


@functools.lru_cache(maxsize=1)
def _country_index() -> tuple[dict, dict]:
    import pycountry

    from ...countries import _DEMONYMS

    plain: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}

    def add(index, name, country, ambiguous):
        toks = tuple(_TOKEN.findall(name.lower()))
        if toks:
            index.setdefault(toks[0], []).append((toks, country, ambiguous))

    for rec in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(rec, attr, None)
            if v and "," not in v and "(" not in v and rec.alpha_2 != "US":
                c = normalize_country(v)
                if c:
                    add(plain, v, c.name, v in _AMBIGUOUS_COUNTRIES)
    for extra in ("China", "India", "Mexico", "Hong Kong", "Taiwan", "Vietnam", "Laos", "Burma", "Russia",
                  "South Korea", "North Korea", "Iran", "Syria", "Venezuela", "Bolivia", "Dominican Republic",
                  "El Salvador", "Colombia", "Guatemala", "Honduras", "Canada"):
        c = normalize_country(extra)
        if c:
            add(plain, extra, c.name, extra in _AMBIGUOUS_COUNTRIES)
    for demonym, code in _DEMONYMS.items():
        c = country_of_demonym(demonym)
        if c and c.code != "US":
            add(plain, demonym, c.name, True)
    for lst in plain.values():
        lst.sort(key=lambda x: -len(x[0]))
    return plain, {}


def find_countries(text: str, toks: list[str] | None = None, *, _at: list[int] | None = None) -> list[str]:
    """Foreign countries a release names: country names, and demonyms or ambiguous names
    only in context ('Chinese nationals', 'Jordan-based'); 'New Mexico' and 'Indian
    Country' are not countries."""
    index, _ = _country_index()
    if toks is None:
        toks = tokens(text)
    out = set()
    n = len(toks)
    skip_to = -1
    for i in [i for i, tok in enumerate(toks) if tok in index] if _at is None else _at:
        if i < skip_to:
            continue
        for seq, country, ambiguous in index[toks[i]]:
            k = len(seq)
            if k == 1 or tuple(toks[i:i + k]) == seq:
                nxt = toks[i + k] if i + k < n else ""
                prev = toks[i - 1] if i else ""
                if prev != "new" and (not ambiguous or nxt in _CONTEXT_NEXT):
                    out.add(country)
                skip_to = i + k
                break
    return sorted(out)
