"""Treasury / OFAC pages, the first layer: bytes -> text, URLs, text blocks with their bold
and link spans, sentence boundaries. Pure functions (no I/O); every other module of this
package builds on these.

What the pages look like (see ../shared/corpus/SOURCES.md for the captured material):

- Release pages, `https://home.treasury.gov/news/press-releases/<id>` (ids like `jy1467`,
  `sb0261`). The release is the `article.entity--type-node` (`about="/news/press-releases/<id>"`,
  newer pages with a trailing slash and `data-news-date`); its date is
  `div.field--name-field-news-publication-date time[datetime]` (UTC "Z" in the older markup,
  a local offset in the newer one; the release date is the *Eastern* calendar date) and its
  text `div.field--name-field-news-body`. The title is in the page header (`h2.uswds-page-title`)
  and missing from saved `<article>` fragments. Images are nested `<article class="media">`.
- Designees are usually in `<strong>`, sometimes as `** Name**` text (a conversion artefact),
  sometimes split over adjacent tags (`<strong>Urbanizacion</strong>, <strong>Inmobiliaria y
  Construccion de Obras</strong>, <strong>S.A. de C.V.</strong>`), followed by short forms in
  parentheses (`(<strong>Arturo Marin</strong>)`, `(Farias Alvarez)`, `(“El 30”)`). Officials
  ("Secretary of the Treasury …"), the "WASHINGTON" dateline and "Figure 1" are bold too.
- Listing pages: `https://home.treasury.gov/news/press-releases?page=N` and
  `https://ofac.treasury.gov/press-releases?page=N` (listing.py).
- Recent Actions pages, `https://ofac.treasury.gov/recent-actions/YYYYMMDD` (recent_actions.py).

The layers: html.py (this) -> classify.py (the E.O. 14059 decision), places.py (countries)
-> designees.py (who a release names) -> listing.py, release.py, recent_actions.py (pages).
Everything is deterministic: `tracker rebuild` re-runs these functions on archived bytes.
"""
from __future__ import annotations

import codecs
import dataclasses
import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:   # (bs4 is imported where a page is parsed: a build without Treasury pages never loads it)
    from bs4 import Tag

from ...errors import SourceError
from ...text import ABBREVIATIONS

SOURCE = "treasury"
HOME = "https://home.treasury.gov"
OFAC = "https://ofac.treasury.gov"
RELEASE_URL = HOME + "/news/press-releases/{id}"
RECENT_ACTIONS_URL = OFAC + "/recent-actions/{key}"
EO14059_TAG = "ILLICIT-DRUGS-EO14059"

# -- small helpers --------------------------------------------------------------------------

_HTML_OPEN = re.compile(r"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(r"</html\s*>", re.I)
_WS = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_RELEASE_ID = re.compile(r"/news/press-releases/([A-Za-z]{1,6}\d{1,6}[A-Za-z0-9]{0,4})/?(?=$|[?#])")
_RECENT_ACTION = re.compile(r"/recent-actions/(\d{8}(?:_\d+)?)/?(?=$|[?#])")


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252 (one sequence at a time)."""
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("treasury-cp1252", _cp1252_fallback)


def decode(content: bytes | str) -> str:
    """Page bytes -> text: a UTF-16 BOM is honoured; otherwise UTF-8, where every byte
    sequence that is not UTF-8 is read as Windows-1252 (whole Windows-1252 pages, and UTF-8
    pages with a pasted-in Windows-1252 stretch, come out right instead of as mojibake)."""
    if isinstance(content, str):
        return content
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    return content.decode("utf-8-sig", errors="treasury-cp1252")


def require_whole_page(text: str, location: str) -> None:
    """A full page (it opens <html>) that never closes it was cut short in transit (a
    Content-Length shorter than the page): refuse it, naming the URL, rather than read a
    listing without its last links or a release without the end of its text. Saved
    `<article>` fragments (no <html>) are not checked."""
    if _HTML_OPEN.search(text[:4096]) and not _HTML_CLOSE.search(text):
        raise SourceError(SOURCE, location, f"the page ends before </html> after {len(text):,} characters"
                          " (truncated in transit?)")


# What a hostile page can make Python raise while it is read: turned into a SourceError naming
# the page, so that the caller records it (errors table) and goes on with the other pages.
UNREADABLE = (ValueError, TypeError, LookupError, ArithmeticError, RecursionError, AttributeError, AssertionError)


def contained(parser):
    """A page parser `parser(content, location, ...)` whose every failure is a SourceError
    naming `location`: no input makes it raise anything else."""
    @functools.wraps(parser)
    def wrapper(content, location, *args, **kwargs):
        try:
            return parser(content, location, *args, **kwargs)
        except SourceError:
            raise
        except UNREADABLE as exc:
            raise SourceError(SOURCE, location, f"the page could not be read ({type(exc).__name__}:"
                              f" {str(exc)[:200]})") from exc
    return wrapper


def squash(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def clean_url(href: str, base: str = HOME) -> str | None:
    """Absolute URL without `/index.php/` and without a fragment; None for non-web links."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "data:")):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
    except ValueError:          # a host Python cannot read (U+FF0F and the like): not a link
        return None
    if parts.scheme not in ("http", "https", "mailto"):
        return None
    path = re.sub(r"/index\.php(?=/|$)", "", parts.path) or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, parts.query, ""))


def release_id_from(url_or_path: str | None) -> str | None:
    if not url_or_path:
        return None
    m = _RELEASE_ID.search(re.sub(r"/index\.php(?=/)", "", url_or_path.strip()))
    return m.group(1).lower() if m else None


def is_treasury_host(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    return host == "treasury.gov" or host.endswith(".treasury.gov")


def release_url(release_id: str) -> str:
    return RELEASE_URL.format(id=release_id)


def recent_actions_key(url: str | None) -> str | None:
    """'…/recent-actions/20230509' (any host, old /policy-issues/ path too) -> '20230509'."""
    if not url:
        return None
    m = _RECENT_ACTION.search(url)
    return m.group(1) if m else None


def canonical_recent_actions_url(url: str | None) -> str | None:
    key = recent_actions_key(url)
    return RECENT_ACTIONS_URL.format(key=key) if key else None


def link_kind(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other"
    host = parts.netloc.lower()
    if host.endswith("justice.gov") and re.search(r"/pr/[^/]+/?$", parts.path):
        return "doj-release"
    if host.endswith("treasury.gov") and release_id_from(parts.path):
        return "treasury-release"
    if recent_actions_key(parts.path):
        return "recent-actions"
    return "other"


# -- text blocks with bold/link spans -------------------------------------------------------

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "dt",
              "figcaption", "div", "section", "article", "ul", "ol", "table", "tr", "caption", "pre"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BOLD_TAGS = {"strong", "b"}


@dataclasses.dataclass
class Block:
    tag: str
    text: str
    bold: list[tuple[int, int]]
    links: list[tuple[int, int, str]]
    cell: tuple[int, int, int, bool] | None = None     # a table cell: (table, row, column, header cell)

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADINGS

    @property
    def release_links(self) -> list[tuple[int, int]]:
        """Spans of the links to press releases (earlier actions, as a rule)."""
        return [(s, e) for s, e, href in self.links if release_id_from(href)]


def text_blocks(root: Tag) -> list[Block]:
    """The text of `root` as blocks (paragraphs, list items, headings…), each with the
    character spans of its bold runs and links. Whitespace inside each piece of text is
    collapsed; adjacent bold tags become one run. Not DOJ's html_to_blocks
    (sources/doj/htmltext.py, text only, one linear pass): designees are found by their bold
    runs and links, which need the tree; a <br> stays a line break inside the block."""
    blocks: list[Block] = []
    state = {"owner": None, "text": [], "bold": [], "links": [], "len": 0, "tag": "p"}
    rows: dict[int, tuple[int, dict[int, int]]] = {}      # id(table) -> (its number, id(tr) -> row number)

    def flush():
        text = "".join(state["text"])
        if text.strip():
            bold = _merge_spans(state["bold"], text)
            cell = _cell_of(state["owner"], rows) if state["tag"] in ("td", "th") else None
            blocks.append(Block(state["tag"], text, bold, state["links"], cell))
        state.update(text=[], bold=[], links=[], len=0)

    from bs4 import Comment, NavigableString, Tag

    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                state["text"].append("\n")
                state["len"] += 1
            continue
        if not isinstance(node, NavigableString) or isinstance(node, Comment):
            continue
        owner, tag, bold, href = None, "p", False, None
        for parent in node.parents:
            if parent is root or parent is None:
                break
            if parent.name in BOLD_TAGS:
                bold = True
            if parent.name == "a" and href is None:
                href = parent.get("href")
            if owner is None and parent.name in BLOCK_TAGS:
                owner, tag = parent, parent.name
        if owner is not state["owner"]:
            flush()
            state["owner"], state["tag"] = owner, tag
        piece = _WS.sub(" ", str(node))
        if not piece:
            continue
        start = state["len"]
        state["text"].append(piece)
        state["len"] += len(piece)
        if bold:
            state["bold"].append((start, state["len"]))
        if href:
            state["links"].append((start, state["len"], href))
    flush()
    return blocks


def _cell_of(owner, rows: dict) -> tuple[int, int, int, bool] | None:
    """(table, row, column, header) of a <td>/<th>: the rows of each table are numbered once."""
    tr = owner.find_parent("tr")
    table = tr.find_parent("table") if tr is not None else None
    if table is None:
        return None
    if id(table) not in rows:
        rows[id(table)] = (len(rows), {id(r): i for i, r in enumerate(table.find_all("tr"))})
    number, index = rows[id(table)]
    column = sum(1 for c in owner.find_previous_siblings(["td", "th"]))
    return number, index.get(id(tr), 0), column, owner.name == "th"


def _merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# -- sentences ------------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?][”\"’')\]*]*(?:\s+|$)")
# The abbreviations of every source's prose (scrapers/text.py), and Treasury's own.
_ABBREV = ABBREVIATIONS | {"e.o", "u.k", "u.n", "f.k.a", "n.k.a", "dept", "fig", "sec", "art", "ave", "blvd", "d.c",
                           "jun", "jul", "inst", "sta", "sto"}
_COMPANY_ABBREV = {"co", "ltd", "inc", "corp", "llc", "l.l.c", "s.a", "c.v", "r.l", "s.a.s", "s.r.l",
                   "s.p.r", "s.a.p.i", "plc", "ltda", "s.c", "a.c", "s.l", "s.p.a", "b.v", "n.v",
                   "gmbh", "pte", "pvt", "fze", "fzco", "jsc", "cía", "cia"}   # ('… Cía. Ltda.', Ecuador, Colombia)
_STARTERS = {"the", "this", "these", "those", "ofac", "treasury", "today", "today’s", "today's", "in",
             "as", "he", "she", "they", "it", "its", "his", "her", "their", "additionally", "also",
             "furthermore", "moreover", "on", "at", "from", "since", "after", "before", "while",
             "according", "both", "all", "each", "separately", "further", "based", "between",
             "during", "for", "through", "under", "with", "a", "an", "one", "two", "three"}


_NEXT_WORD = re.compile(r"[“\"(]*([^\s]+)")
_NEXT_STARTS = re.compile(r"[“\"(\[]?[A-Z0-9¿¡*]")
_NOT_IN_TOKEN = set(" \t\n\r\f\v(“\"") | {"\u00a0"}


def _token_before(text: str, start: int, period: int) -> str:
    """The word the full stop at `period` ends ("S.A", "U.S", "Inc"), not reaching before
    `start`: read backwards, so that a long sentence is not read again at every full stop."""
    j = period
    while j > start and text[j - 1] not in _NOT_IN_TOKEN and not text[j - 1].isspace():
        j -= 1
    return text[j:period]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries in `text`, robust to "E.O.", "U.S.", "S.A. de C.V.", initials.
    Not the DOJ splitter (sources/doj/textscan.py): a block's line breaks do not end a
    sentence here, a company form ends one only before a word that starts sentences, and
    "¿", "¡", "*" may start one (scrapers/text.py says why the two stay apart)."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.end() >= len(text):
            break
        if text[m.start()] == ".":
            token = _token_before(text, start, m.start()).lower()
            nxt = _NEXT_WORD.match(text, m.end())
            following = nxt.group(1).lower().strip(",;:") if nxt else ""
            if token in _COMPANY_ABBREV:
                if following not in _STARTERS:
                    continue
            elif token in _ABBREV or (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
        if not _NEXT_STARTS.match(text, m.end()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# -- page furniture shared by the page parsers ----------------------------------------------

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_TEXT = re.compile(rf"\b{MONTH}\s+\d{{1,2}},\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b")
TITLE_SELECTORS = ["h2.uswds-page-title", "h1.uswds-page-title", "h1.page-title", "h2.page-title",
                    "h1.title", "div.page-title-wrapper h1", "div.page-title-wrapper h2"]


def page_title(soup) -> str | None:
    headings = soup.find_all(["h1", "h2"])         # one pass over the page, then the selectors in order
    for sel in TITLE_SELECTORS:
        tag = next((h for h in headings if h.css.match(sel)), None)
        if tag and squash(tag.get_text(" ")):
            return squash(tag.get_text(" "))
    og = soup.find("meta", attrs={"property": "og:title", "content": True})
    if og and squash(og["content"]):
        return squash(og["content"])
    if soup.title and squash(soup.title.get_text()):
        return re.sub(r"\s*\|\s*U\.S\. Department of the Treasury\s*$", "", squash(soup.title.get_text())) or None
    return None


def html_blocks(body_html: str) -> list[Block]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body_html, "lxml")
    return text_blocks(soup.body or soup)
