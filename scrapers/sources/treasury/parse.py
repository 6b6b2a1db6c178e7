"""Treasury / OFAC press releases: pure parsers (bytes or text in, records out; no I/O).

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
  `https://ofac.treasury.gov/press-releases?page=N` (a `table.views-table`; some links carry
  `/index.php/`). Neither was captured: the parser looks for links to
  `/news/press-releases/<id>`, their dates, and a "next page" link, and fails loudly when a
  page yields no release links.
- Recent Actions pages, `https://ofac.treasury.gov/recent-actions/YYYYMMDD`: the SDN entries
  of one action, written as on the list ("SURNAME, Given, …; DOB …; … (individual)
  [ILLICIT-DRUGS-EO14059]."), under lines such as "The following individuals have been added
  to OFAC's SDN List:". Not captured either; parsed defensively.

Everything here is deterministic: `tracker rebuild` re-runs these functions on archived bytes.
"""
from __future__ import annotations

import codecs
import dataclasses
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ...errors import SourceError
from ...sanitize import sanitize_html
from ...countries import country_of_demonym, country_of_place, demonym_pattern, normalize_country
from ...dates import eastern_date, parse_human_date
from ...names import normalize_name, similarity

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


def squash(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def clean_url(href: str, base: str = HOME) -> str | None:
    """Absolute URL without `/index.php/` and without a fragment; None for non-web links."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "data:")):
        return None
    url = urljoin(base, href)
    parts = urlsplit(url)
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
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
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
    parts = urlsplit(url)
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

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADINGS


def text_blocks(root: Tag) -> list[Block]:
    """The text of `root` as blocks (paragraphs, list items, headings…), each with the
    character spans of its bold runs and links. Whitespace inside each piece of text is
    collapsed; adjacent bold tags become one run."""
    blocks: list[Block] = []
    state = {"owner": None, "text": [], "bold": [], "links": [], "len": 0, "tag": "p"}

    def flush():
        text = "".join(state["text"])
        if text.strip():
            bold = _merge_spans(state["bold"], text)
            blocks.append(Block(state["tag"], text, bold, state["links"]))
        state.update(text=[], bold=[], links=[], len=0)

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
_ABBREV = {"e.o", "u.s", "u.k", "u.n", "a.k.a", "f.k.a", "n.k.a", "mr", "mrs", "ms", "dr", "no", "nos",
           "st", "gen", "lt", "col", "capt", "sgt", "jr", "sr", "vs", "approx", "dept", "fig", "sec",
           "art", "ave", "blvd", "d.c", "p.m", "a.m", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inst", "gov", "mt", "ft", "sta", "sto"}
_COMPANY_ABBREV = {"co", "ltd", "inc", "corp", "llc", "l.l.c", "s.a", "c.v", "r.l", "s.a.s", "s.r.l",
                   "s.p.r", "s.a.p.i", "plc", "ltda", "s.c", "a.c", "s.l", "s.p.a", "b.v", "n.v",
                   "gmbh", "pte", "pvt", "fze", "fzco", "jsc"}
_STARTERS = {"the", "this", "these", "those", "ofac", "treasury", "today", "today’s", "today's", "in",
             "as", "he", "she", "they", "it", "its", "his", "her", "their", "additionally", "also",
             "furthermore", "moreover", "on", "at", "from", "since", "after", "before", "while",
             "according", "both", "all", "each", "separately", "further", "based", "between",
             "during", "for", "through", "under", "with", "a", "an", "one", "two", "three"}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries in `text`, robust to "E.O.", "U.S.", "S.A. de C.V.", initials."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.start() + 1
        if m.end() >= len(text):
            break
        if text[m.start()] == ".":
            last = re.search(r"([^\s(“\"]+)\.$", text[start:end])
            token = last.group(1).lower() if last else ""
            nxt = re.match(r"[“\"(]*([^\s]+)", text[m.end():])
            following = nxt.group(1).lower().strip(",;:") if nxt else ""
            if token in _COMPANY_ABBREV:
                if following not in _STARTERS:
                    continue
            elif token in _ABBREV or (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
        if not re.match(r"[“\"(\[]?[A-Z0-9¿¡*]", text[m.end():]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# -- classification: does this release announce E.O. 14059 designations? --------------------

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
EO_RE = re.compile(r"(?:\bE\.?\s?O\.?|\bExecutive\s+Order)\s*(?:\(E\.?O\.?\)\s*)?(?:No\.?\s*)?14059\b"
                   r"|ILLICIT-DRUGS-EO14059", re.I)
# Name-level: only markers that say *this name* was designated before.
HIST_NAME_RE = re.compile(
    r"\bpreviously\s+(?:been\s+)?(?:designated|sanctioned|identified)\b"
    r"|\b(?:had|has|have)\s+(?:also\s+)?(?:previously\s+)?been\s+(?:designated|sanctioned|identified)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?(?:previously\s+)?(?:designated|sanctioned|identified)\b(?!\s+(?:today|as\s+part\s+of\s+today))"
    r"|\bwhom\s+(?:[\w.’'-]+\s+){0,4}?(?:designated|sanctioned|identified)\b"
    rf"|\b(?:designated|sanctioned|identified)\s+(?:by\s+(?:OFAC|Treasury|the\s+[\w.’' ]+?)\s+)?(?:in|on)\s+(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b"
    r"|\b(?:U\.S\.|OFAC|Treasury|UN|U\.N\.)[-‑]designated\b"
    r"|\bannounced\s+the\s+designation\s+of\b"
    rf"|\b(?:in|on|since)\s+(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:(?:19|20)\d\d|of\s+(?:this|last)\s+year),?\s+"
    r"(?:OFAC|Treasury|the\s+(?:U\.S\.\s+)?Department\s+of\s+(?:the\s+Treasury|State))\s+(?:also\s+)?"
    r"(?:designated|sanctioned|identified)\b",
    re.I)
CURRENT_RE = re.compile(
    r"\btoday(?:[’']s)?\b|\bthis\s+action\b|\bthese\s+(?:designations|sanctions|actions)\b"
    r"|\b(?:is|are)\s+(?:also\s+|additionally\s+|now\s+)?(?:being\s+)?(?:designat|sanction)(?:ing|ed)\b"
    r"|\bfor\s+having\b|\bfor\s+being\s+(?:owned|a\s+foreign|foreign|(?:a\s+)?leaders?|(?:an?\s+)?officials?|responsible)\b"
    r"|\b(?:designated|sanctioned)\s+today\b|\bwhich\s+targets\b",
    re.I)
WEAK_CURRENT_RE = re.compile(
    r"\b(?:OFAC|Treasury)\s+(?:also\s+|additionally\s+|today\s+|further\s+)?(?:designated|sanctioned|designates|sanctions|took\s+action)\b"
    r"|\b(?:are|is)\s+(?:also\s+)?designated\b|\bdesignated\s*,\s*pursuant\b",
    re.I)
NEUTRAL_RE = re.compile(
    r"\b(?:penalt(?:y|ies)|violations?|violat(?:e|ed|ing)|settle(?:d|s|ment)?|general\s+licen[sc]es?|FAQs?"
    r"|advisory|regulations?|implement(?:s|ed|ing)?|signed|signing|issu(?:ed|ing)|remov(?:e|ed|es|al|als|ing)"
    r"|delist\w*|unblock\w*|released\s+a\s+report|rescind\w*|revok\w*)\b", re.I)
DESIGNATION_VERB_RE = re.compile(r"\b(?:designat(?:e|es|ed|ing)|sanction(?:ed|ing)|identified|targets?|targeted|targeting"
                                 r"|action|actions|designations|taken|took)\b", re.I)
FENTANYL_RE = re.compile(r"fentan[iy]l", re.I)


@dataclasses.dataclass
class Sentence:
    block: int
    start: int
    end: int
    text: str
    prior_links: list[int]     # offsets (in `text`) of links to other press releases (history)

    @property
    def prior_link(self) -> bool:
        return bool(self.prior_links)


def sentences_of(blocks: list[Block], own_id: str | None = None) -> list[Sentence]:
    out = []
    for bi, block in enumerate(blocks):
        if block.is_heading:
            continue
        for s, e in sentence_spans(block.text):
            raw = block.text[s:e]
            lead = len(raw) - len(raw.lstrip())
            prior = [max(0, ls - s - lead) for ls, le, href in block.links
                     if ls < e and le > s and _is_other_release(href, own_id)]
            out.append(Sentence(bi, s, e, raw.strip(), prior))
    return out


def _is_other_release(href: str, own_id: str | None) -> bool:
    rid = release_id_from(href or "")
    return bool(rid) and rid != own_id


# Temporal phrases that put a designation in the past when they frame it ("In 2023, OFAC
# designated …", "… again in 2021 pursuant to E.O. 14059").
GENERIC_TIME_RE = re.compile(
    rf"\b(?:in|since|during|by)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d\b"
    rf"|\bon\s+{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b"
    rf"|\b(?:in|since)\s+{_MONTH}(?:\s+of)?\s+(?:this|last)\s+year\b|\blast\s+(?:year|month|week)\b"
    r"|\bsince\b|\bpreviously\b|\bformerly\b|\bearlier\b|\bprior\s+to\b|\balready\b", re.I)
SPECIFIC_HIST_RE = re.compile(HIST_NAME_RE.pattern + r"|\bbuilds\s+(?:up)?on\b|\bfollows\b|\bfollowing\s+(?:OFAC|Treasury)[’']s\b"
                              r"|\b(?:had|has|have)\s+(?:also\s+)?(?:previously\s+)?(?:designated|sanctioned|identified)\b", re.I)
_GOVERNING_VERB = re.compile(r"\b(?:designat(?:e|es|ed|ing)|sanction(?:ed|ing))\b", re.I)
_ASIDE = re.compile(r",\s+[^,]*?,|—[^—]*—|\([^()]*\)")
_OTHER_AUTHORITY = re.compile(r"\bE\.?\s?O\.?\s*(?:\(E\.O\.\)\s*)?(?!14059)\d{5}\b|Kingpin\s+Act|Caesar\s+Act"
                              r"|Executive\s+Order\s+(?:\(E\.O\.\)\s*)?(?!14059)\d{5}|section\s+\d+\s+of", re.I)


def _markers(text: str, base: int, *, generic: bool = True) -> list[tuple[int, str]]:
    out = [(base + m.start(), "hist") for m in SPECIFIC_HIST_RE.finditer(text)]
    if generic:
        out += [(base + m.start(), "hist") for m in GENERIC_TIME_RE.finditer(text)]
    out += [(base + m.start(), "current") for m in CURRENT_RE.finditer(text)]
    out += [(base + m.start(), "weak") for m in WEAK_CURRENT_RE.finditer(text)]
    return out


def _mention_verdict(text: str, start: int, end: int, prior_links: list[int]) -> bool | None:
    """True: the clause governing this E.O. 14059 mention announces today's designation;
    False: it tells of an earlier one; None: it says nothing either way."""
    verbs = [m for m in _GOVERNING_VERB.finditer(text) if m.end() <= start]
    verb = verbs[-1] if verbs else next((m for m in _GOVERNING_VERB.finditer(text) if m.start() >= end), None)
    if verb is not None and verb.end() <= start:
        lead, tail_start = text[:verb.end()], verb.end()
        tail = _ASIDE.sub(lambda m: " " * len(m.group(0)), text[tail_start:start])
    else:
        lead, tail_start, tail = text[:start], start, ""
    after = re.match(r"[^,;]*", text[end:]).group(0)
    marks = _markers(lead, 0) + _markers(tail, tail_start) + _markers(after, end)
    marks += [(p, "hist") for p in prior_links if p < start + 200]
    hist = [m for m in marks if m[1] == "hist"]
    strong = [m for m in marks if m[1] == "current"]
    weak = [m for m in marks if m[1] == "weak"]
    if hist and strong:
        return _nearest(hist + strong, start) == "current"
    if hist:
        return False
    if strong or weak or verb is not None:
        return True
    return None


def _nearest(markers: list[tuple[int, str]], pos: int) -> str | None:
    before = [(p, k) for p, k in markers if p <= pos]
    if before:
        return max(before)[1]
    after = [(p, k) for p, k in markers if p > pos]
    return min(after)[1] if after else None


def classify_eo14059(sentences: list[Sentence]) -> tuple[bool, list[str]]:
    """True when the release announces designations it makes under E.O. 14059. Returns the
    deciding sentences (evidence), or the rejected ones prefixed with why.

    A sentence counts when it names E.O. 14059 in a clause that announces today's action
    ("Today, OFAC sanctioned …", "… are being designated pursuant to E.O. 14059 for having
    …", "Today's action was taken pursuant to E.O. 14059") and not one that tells of an
    earlier designation ("previously designated …", "In 2023, OFAC designated …", a link to
    another release), nor penalties, settlements, licences, removals or the signing of the
    order. Failing that, a release whose penalty clause names E.O. 14059 counts when it
    announces designations today without naming any other authority."""
    positive, rejected, penalty = [], [], []
    for sent in sentences:
        text = sent.text
        mentions = list(EO_RE.finditer(text))
        if not mentions:
            continue
        if NEUTRAL_RE.search(text):
            rejected.append("not a designation: " + text)
            if re.search(r"\bpenalt(?:y|ies)\b|\bviolations?\s+of\b", text, re.I) and not re.search(
                    r"settle|apparent\s+violation", text, re.I):
                penalty.append(text)
            continue
        verdicts = [_mention_verdict(text, m.start(), m.end(), sent.prior_links) for m in mentions]
        if any(v is True for v in verdicts):
            positive.append(text)
        elif any(v is False for v in verdicts):
            rejected.append("history: " + text)
        else:
            rejected.append("no designation verb: " + text)
    if not positive and penalty:
        for sent in sentences:
            text = sent.text
            if (CURRENT_RE.search(text) and _GOVERNING_VERB.search(text) and not NEUTRAL_RE.search(text)
                    and not _OTHER_AUTHORITY.search(text) and not SPECIFIC_HIST_RE.search(text)):
                return True, [text, "penalty clause: " + penalty[0]]
    return (True, positive) if positive else (False, rejected or ["E.O. 14059 is not named in the release"])


# -- listing pages --------------------------------------------------------------------------

@dataclasses.dataclass
class ListingItem:
    id: str
    url: str
    title: str | None
    date: str | None
    href: str


@dataclasses.dataclass
class ListingPage:
    url: str
    items: list[ListingItem]
    next_url: str | None


_CHROME = ("header", "nav", "footer", "aside")
_DATE_TEXT = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b")


def _in_chrome(tag: Tag) -> bool:
    for parent in tag.parents:
        if parent.name in _CHROME:
            return True
        classes = " ".join(parent.get("class") or []) if isinstance(parent, Tag) else ""
        if re.search(r"\b(?:breadcrumb|menu|usa-nav|site-header|site-footer|sidebar)\b", classes):
            return True
    return False


def parse_listing(content: bytes | str, url: str) -> ListingPage:
    """Release links (newest first, as listed), their dates when shown, and the next page.
    Raises SourceError naming `url` when the page holds no release links or was cut short.
    Links to other hosts are not Treasury releases (a mirror, a look-alike path): skipped."""
    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    scope = soup.select_one("table.views-table") or soup.select_one(".view-content") or soup
    items: dict[str, ListingItem] = {}
    for a in scope.find_all("a", href=True):
        if _in_chrome(a):
            continue
        href = clean_url(a["href"], url)
        rid = release_id_from(href) if href and (is_treasury_host(href) or not urlsplit(href).hostname) else None
        if not rid:
            continue
        title = squash(a.get_text(" ")) or None
        if rid in items:
            if title and not items[rid].title:
                items[rid].title = title
            continue
        items[rid] = ListingItem(rid, release_url(rid), title, _listing_date(a, rid, url), a["href"])
    if not items:
        raise SourceError(SOURCE, url, "listing page yielded no press-release links"
                          " (expected links to /news/press-releases/<id>; has the page layout changed?)")
    return ListingPage(url, list(items.values()), _next_page(soup, url))


def _listing_date(a: Tag, rid: str, page_url: str) -> str | None:
    node = a
    for _ in range(6):
        node = node.parent
        if node is None or node.name in ("body", "html", "table", "tbody"):
            break
        ids = {release_id_from(clean_url(x["href"], page_url) or "") for x in node.find_all("a", href=True)}
        ids.discard(None)
        if ids - {rid}:
            break
        t = node.find("time", attrs={"datetime": True})
        if t:
            return eastern_date(t["datetime"])
        m = _DATE_TEXT.search(squash(node.get_text(" ")))
        if m:
            return parse_human_date(m.group(0))
    return None


def _next_page(soup: BeautifulSoup, url: str) -> str | None:
    selectors = ["a.usa-pagination__next-page", "li.pager__item--next a", "a[rel~=next]",
                 "li.next a", "li.pager-next a", "a.pager__link--next"]
    for sel in selectors:
        a = soup.select_one(sel)
        if a and a.get("href"):
            return clean_url(a["href"], url)
    for a in soup.find_all("a", href=True):
        label = squash(a.get_text(" ")).lower()
        if label in ("next", "next ›", "next page", "›", "»", "next »", "next >") or a.get("title", "").lower() == "go to next page":
            return clean_url(a["href"], url)
    link = soup.find("link", rel="next", href=True)
    return clean_url(link["href"], url) if link else None


# -- release pages --------------------------------------------------------------------------

@dataclasses.dataclass
class Link:
    url: str
    anchor_text: str
    kind: str


@dataclasses.dataclass
class Release:
    id: str
    url: str
    title: str | None
    subtitle: str | None
    published: str
    published_at: str
    body_html: str
    body_text: str
    summary: str | None
    links: list[Link]
    recent_actions_url: str | None
    is_eo14059: bool
    eo14059_evidence: list[str]
    mentions_fentanyl: bool
    countries: list[str]
    flags: dict


_BODY_SELECTORS = ["div.field--name-field-news-body", "div.field--name-body", "div.field_body",
                   "div.field--type-text-long"]
_TITLE_SELECTORS = ["h2.uswds-page-title", "h1.uswds-page-title", "h1.page-title", "h2.page-title",
                    "h1.title", "div.page-title-wrapper h1", "div.page-title-wrapper h2"]


def _release_article(soup: BeautifulSoup) -> Tag | None:
    articles = soup.find_all("article")
    for art in articles:
        if release_id_from(art.get("about") or "") and not _nested_article(art):
            return art
    for art in articles:
        if "entity--type-node" in (art.get("class") or []) and not _nested_article(art):
            return art
    for art in articles:
        if not _nested_article(art) and any(art.select_one(s) for s in _BODY_SELECTORS):
            return art
    return None


def _nested_article(art: Tag) -> bool:
    return any(p.name == "article" for p in art.parents)


def parse_release(content: bytes | str, location: str, *, fallback_id: str | None = None,
                  page_url: str | None = None) -> Release:
    """One release page (full page or the bare `<article>`). Raises SourceError naming
    `location` when the page has no release id, date or body, or was cut short."""
    text = decode(content)
    require_whole_page(text, location)
    soup = BeautifulSoup(text, "lxml")
    article = _release_article(soup)
    scope = article or soup
    rid = _release_id(soup, article, page_url, fallback_id)
    if not rid:
        raise SourceError(SOURCE, location, "no release id (no canonical link, `about` attribute or og:url,"
                          " and the file name is not a release id)")
    published_at = _published_at(soup, scope, article)
    published = eastern_date(published_at) if published_at else None
    if not published:
        raise SourceError(SOURCE, location, "no publication date (expected <time datetime=…> in"
                          " div.field--name-field-news-publication-date): not a Treasury release page?")
    body = None
    for sel in _BODY_SELECTORS:
        body = scope.select_one(sel)
        if body is not None:
            break
    if body is None or not squash(body.get_text(" ")):
        raise SourceError(SOURCE, location, "no release body (expected div.field--name-field-news-body)")
    body_html = sanitize_html(str(body), base_url=page_url or release_url(rid))
    clean = BeautifulSoup(body_html, "lxml")
    root = clean.body or clean
    blocks = text_blocks(root)
    body_text = "\n\n".join(squash(b.text) for b in blocks if squash(b.text))
    subtitle = _subtitle(root)
    title = _title(soup) or subtitle
    links = _links(root)
    ra = next((canonical_recent_actions_url(l.url) for l in links if l.kind == "recent-actions"), None)
    sentences = sentences_of(blocks, rid)
    is_eo, evidence = classify_eo14059(sentences)
    full_text = f"{title or ''}\n{body_text}"
    return Release(
        id=rid, url=release_url(rid), title=title, subtitle=subtitle, published=published,
        published_at=published_at, body_html=body_html, body_text=body_text,
        summary=_summary(blocks, subtitle), links=links, recent_actions_url=ra, is_eo14059=is_eo,
        eo14059_evidence=evidence[:5], mentions_fentanyl=bool(FENTANYL_RE.search(full_text)),
        countries=release_countries(body_html, is_eo), flags=topic_flags(full_text))


def _release_id(soup, article, page_url, fallback_id) -> str | None:
    link = soup.find("link", rel="canonical", href=True)
    og = soup.find("meta", attrs={"property": "og:url", "content": True})
    for candidate in (link["href"] if link else None, article.get("about") if article else None,
                      og["content"] if og else None, page_url):
        rid = release_id_from(candidate)
        if rid:
            return rid
    if fallback_id and re.fullmatch(r"[A-Za-z]{1,6}\d{1,6}[A-Za-z0-9]{0,4}", fallback_id):
        return fallback_id.lower()
    return None


def _published_at(soup, scope, article) -> str | None:
    for sel in ("div.field--name-field-news-publication-date time[datetime]", "time.datetime[datetime]",
                "time[datetime]"):
        for t in scope.select(sel):
            if not any(p.name == "article" and p is not article for p in t.parents if p is not None):
                return t["datetime"].strip()
    if article is not None and article.get("data-news-date"):
        return article["data-news-date"].strip()
    meta = soup.find("meta", attrs={"property": "article:published_time", "content": True})
    return meta["content"].strip() if meta else None


def _title(soup) -> str | None:
    for sel in _TITLE_SELECTORS:
        tag = soup.select_one(sel)
        if tag and squash(tag.get_text(" ")):
            return squash(tag.get_text(" "))
    og = soup.find("meta", attrs={"property": "og:title", "content": True})
    if og and squash(og["content"]):
        return squash(og["content"])
    if soup.title and squash(soup.title.get_text()):
        return re.sub(r"\s*\|\s*U\.S\. Department of the Treasury\s*$", "", squash(soup.title.get_text())) or None
    return None


def _subtitle(root) -> str | None:
    """A leading paragraph set entirely in italics or bold (the release's deck), before the
    dateline paragraph."""
    for p in root.find_all(["p", "h2", "h3", "h4", "li"]):
        text = squash(p.get_text(" "))
        if not text:
            continue
        if p.name != "p" or re.search(r"\s[—–]\s", text):
            return None
        plain = "".join(s for s in p.find_all(string=True) if not s.find_parent(["em", "i", "strong", "b"]))
        return text if not squash(plain) else None
    return None


def _summary(blocks: list[Block], subtitle: str | None) -> str | None:
    for b in blocks:
        text = squash(b.text)
        if b.is_heading or not text or text == subtitle or len(text) < 40:
            continue
        text = re.sub(r"^[A-Z][A-Za-z .,]{1,40}\s+[—–-]\s+", "", text)
        if len(text) <= 600:
            return text
        cut = text[:600]
        dot = cut.rfind(". ")
        return cut[:dot + 1] if dot > 200 else cut.rstrip() + "…"
    return None


def _links(root) -> list[Link]:
    out: dict[str, Link] = {}
    for a in root.find_all("a", href=True):
        url = clean_url(a["href"])
        if not url or url.startswith("mailto:"):
            continue
        if url not in out:
            out[url] = Link(url, squash(a.get_text(" ")), link_kind(url))
    return list(out.values())


_TOPICS = {
    "precursor_case": re.compile(r"\bprecursors?\b", re.I),
    "cartel_case": re.compile(r"\bcartel", re.I),
    "money_laundering": re.compile(r"\blaunder", re.I),
    "online_sales": re.compile(r"\bonline\s+(?:pharmac|sale|vendor|market|store)|\bdark\s?(?:net|web)\b|\bsocial\s+media\b", re.I),
}
_DRUGS = ["fentanyl", "carfentanil", "nitazene", "xylazine", "methamphetamine", "heroin", "cocaine",
          "oxycodone", "captagon", "marijuana", "cannabis", "mdma", "ketamine", "tramadol"]


def topic_flags(text: str) -> dict:
    flags = {k: int(bool(rx.search(text))) for k, rx in _TOPICS.items()}
    low = text.lower()
    flags["drugs"] = [d for d in _DRUGS if re.search(rf"\b{d}", low)]
    return flags


# -- countries ------------------------------------------------------------------------------

_US_STATES = {s.lower() for s in (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico")}
_PLACE_TOKEN = r"(?:[A-Z][\w.’'&]*|de|del|la|las|los|el|do|da|dos)"
_PLACE_BEFORE = re.compile(rf"({_PLACE_TOKEN}(?:(?:\s+|,\s+){_PLACE_TOKEN})*)$")
_PLACE_AFTER = re.compile(rf"^(?:the\s+)?({_PLACE_TOKEN}(?:(?:\s+|,\s+){_PLACE_TOKEN})*)")
_BASED = re.compile(r"-\s*based\b")
_BASED_IN = re.compile(r"\b(?:[Bb]ased|[Hh]eadquartered|[Ll]ocated|[Rr]egistered)\s+in\s+")
_DEMONYM_RE = re.compile(
    rf"\b({demonym_pattern()})\s+(?:national|nationals|citizen|citizens|compan(?:y|ies)|business(?:es)?|firms?"
    r"|entit(?:y|ies)|individuals?|traffickers?|drug\s+traffickers?|brokers?|money\s+launderers?|cartels?"
    r"|suppliers?|manufacturers?|exporters?|importers?|producers?|vendors?|smugglers?|criminal\s+organizations?"
    r"|organizations?|pharmac(?:y|ies)|nationals)\b", re.I)


def resolve_place(phrase: str) -> str | None:
    """'Culiacan, Sinaloa' -> 'Mexico'; 'PRC' -> 'China'; 'Florida' -> 'United States'."""
    phrase = phrase.strip(" ,")
    if not phrase:
        return None
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if parts and parts[-1].lower().rstrip(".") in _US_STATES:
        return "United States"
    found = country_of_place(phrase)
    if found:
        return found.name
    words = phrase.split()
    for n in range(min(3, len(words)), 0, -1):     # "Sinaloa Cartel's Mexico" -> "Mexico"
        tail = " ".join(words[-n:])
        if tail.lower() in _US_STATES:
            return "United States"
        c = normalize_country(tail) or country_of_place(tail)
        if c:
            return c.name
    return None


def place_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of "X-based", "based in X", "Mexican nationals" in `text`."""
    out = []
    for m in _BASED.finditer(text):
        lo = max(0, m.start() - 90)
        before = text[lo:m.start()]
        pm = _PLACE_BEFORE.search(before)
        if pm:
            country = resolve_place(pm.group(1))
            if country:
                out.append((lo + pm.start(), m.end(), country))
            coord = re.search(rf"({_PLACE_TOKEN}(?:\s+{_PLACE_TOKEN}){{0,3}})-\s+and\s+$", before[:pm.start()])
            if coord:
                other = resolve_place(coord.group(1))
                if other:
                    out.append((lo + coord.start(), m.end(), other))
    for m in _BASED_IN.finditer(text):
        am = _PLACE_AFTER.search(text[m.end():m.end() + 90])
        if not am:
            continue
        pos = m.end() + am.start(1)
        for part in am.group(1).split(","):
            country = resolve_place(part)
            if country:
                out.append((m.start(), pos + len(am.group(1)), country))
                break
    for m in _DEMONYM_RE.finditer(text):
        c = country_of_demonym(m.group(1))
        if c:
            out.append((m.start(), m.end(), c.name))
    return sorted(out)


_PREDICATE = re.compile(r"\b(?:with|to|from|for|by|against|via|through|work(?:s|ed|ing)?|s[eo]ld|sells|suppl(?:y|ies|ied)"
                        r"|ship(?:s|ped)?|b(?:uy|uys|ought)|purchas(?:e|es|ed)|pa(?:y|ys|id)|launder(?:s|ed)?"
                        r"|receiv(?:e|es|ed)|sen(?:d|ds|t)|recruit(?:s|ed)?|move(?:s|d)?|smuggl\w*|traffick\w*)\b", re.I)


def _describes(text: str, name_start: int, name_end: int, place_start: int, place_end: int) -> bool:
    """Whether a place phrase describes the name next to it: "Mexico-based business, NAME",
    "Based in India, NAME", "NAME, a Culiacan, Sinaloa-based company", "NAME (Short), which is
    a …-based", but not "NAME worked with Dominican Republic-based traffickers"."""
    if place_end <= name_start:
        between = text[place_end:name_start]
        return len(between) <= 80 and not _PREDICATE.search(between) and not re.search(r"[.;:]", between)
    if place_start >= name_end:
        between = re.sub(r"\([^()]*\)", "", text[name_end:place_start])
        if _PREDICATE.search(between):
            return False
        return bool(re.fullmatch(r"[\s*]*(?:,\s*(?:(?:which|who|that)\s+(?:is|was|are)\s+)?|\s*(?:is|was|are)\s+)"
                                 r"(?:(?:a|an|the|its|his|her|their|one)\b)?[\w\s,’'-]{0,40}", between))
    return True


def release_countries(body_html: str, is_eo14059: bool) -> list[str]:
    """The country facet of a release: countries stated for its designees (E.O. 14059
    releases), else every "X-based" / "based in X" / "<demonym> nationals" in the text."""
    if is_eo14059:
        cands = extract_designees(body_html)
        found = sorted({c for cand in cands if cand.role == "designated" for c in cand.countries})
        if found:
            return found
    soup = BeautifulSoup(body_html, "lxml")
    found = set()
    for block in text_blocks(soup.body or soup):
        for s, e in sentence_spans(block.text):
            sentence = block.text[s:e]
            if _BOILERPLATE.search(sentence):
                continue
            found |= {c for _, _, c in place_mentions(sentence)}
    return sorted(found)


_BOILERPLATE = re.compile(r"interests?\s+in\s+property|blocked\s+and\s+reported|must\s+be\s+(?:blocked|frozen)"
                          r"|possession\s+or\s+control\s+of\s+U\.S\.|frozen", re.I)


# -- designees ------------------------------------------------------------------------------

CONNECTORS = {"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "du", "van", "von", "der",
              "den", "bin", "bint", "al", "el", "le", "di", "of", "the", "and", "&", "ibn", "abu", "zu", "ter",
              "di", "della", "degli", "des", "lo", "et", "i"}
LEGAL_PIECES = re.compile(
    r"^(?:S\.?\s?A\.?(?:\s?S\.?)?(?:\s+de\s+C\.?\s?V\.?)?|S\.?\s?de\s+R\.?\s?L\.?(?:\s+de\s+C\.?\s?V\.?)?"
    r"|S\.?\s?A\.?\s?P\.?\s?I\.?\s+de\s+C\.?\s?V\.?|S\.?\s?A\.?\s?B\.?\s+de\s+C\.?\s?V\.?|S\.?\s?P\.?\s?R\.?\s+de\s+R\.?\s?L\.?"
    r"|S\.?\s?R\.?\s?L\.?|S\.?\s?A\.?\s?C\.?|S\.?\s?C\.?|A\.?\s?C\.?|L\.?\s?L\.?\s?C\.?|Inc\.?|Ltd\.?|Limited|Co\.?,?\s*Ltd\.?"
    r"|Co\.?|Corp\.?|Corporation|GmbH|Ltda\.?|PLC|Pvt\.?\s+Ltd\.?|FZE|FZCO|JSC|LLP|S\.?\s?L\.?|S\.?\s?p\.?\s?A\.?"
    r"|B\.?\s?V\.?|N\.?\s?V\.?|C\.?\s?A\.?|E\.?\s?I\.?\s?R\.?\s?L\.?)$", re.I)
_LEGAL_ANYWHERE = re.compile(r"\b(?:S\.?\s?A\.?|S\.?\s?de\s+R\.?\s?L\.?|C\.?\s?V\.?|LLC|Inc|Ltd|Limited|Co\.|Corp|GmbH|Ltda|S\.?R\.?L\.?|S\.?A\.?S\.?)\b", re.I)
OFFICIAL_WORDS = {"secretary", "director", "administrator", "attorney", "commissioner", "ambassador",
                  "president", "minister", "spokesperson", "spokesman", "treasurer", "chairman",
                  "chairwoman", "senator", "congressman", "congresswoman", "mayor", "prosecutor", "judge",
                  "governor", "undersecretary", "deputy", "assistant", "acting", "counselor", "adviser",
                  "advisor", "sheriff", "chief"}
NOT_NAME_WORDS = {"figure", "source", "note", "photo", "image", "chart", "related", "click", "view", "washington",
                  "department", "treasury", "ofac", "today", "press", "release", "caption", "graphic", "map",
                  "table", "background", "implications", "fact", "sheet"}
HEADING_WORDS = {"sanctions", "implications", "background", "overview", "designations", "designation",
                 "network", "networks", "scheme", "schemes", "role", "action", "actions", "targeting",
                 "sanctioning", "the", "of", "in", "for", "to", "and", "on", "with", "against", "a",
                 "suppliers", "traffickers", "brokers", "operators", "leaders", "leadership", "members",
                 "associates", "facilitators", "launderers", "laundering", "companies", "businesses",
                 "entities", "individuals", "persons", "operations", "activities", "trafficking", "supply",
                 "chain", "rise", "enduring", "legacy", "expanding", "targets", "sanctioned", "designated"}


@dataclasses.dataclass
class Candidate:
    name: str                       # as written (first full mention)
    lookup: str                     # the name to match (nicknames in quotes removed)
    markup: str                     # strong | asterisks | text
    role: str                       # designated | mentioned (from the text alone)
    reason: str
    sentence: str
    short_forms: list[str] = dataclasses.field(default_factory=list)
    aliases: list[str] = dataclasses.field(default_factory=list)
    variants: list[str] = dataclasses.field(default_factory=list)
    pieces: list[str] = dataclasses.field(default_factory=list)
    countries: list[str] = dataclasses.field(default_factory=list)
    position: int = 0
    mentions: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)
    heading_only: bool = False      # only ever a whole bold paragraph (may be a sub-heading)
    authorities: list[str] = dataclasses.field(default_factory=list)   # "E.O. 14059", "E.O. 13224"…

    def forms(self) -> list[str]:
        return [self.lookup] + [v for v in self.variants if v != self.lookup]


def _strip_quotes(name: str) -> str:
    """'Hector “El Guero” Beltrán Peña' -> 'Hector Beltrán Peña'."""
    out = re.sub(r"\s*[“\"‘'][^”\"’']{1,40}[”\"’']\s*", " ", name)
    return squash(out) or squash(name)


def looks_like_name(name: str, *, whole_block: bool = False) -> bool:
    name = squash(name)
    if len(name) < 2 or len(name) > 160 or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return False
    if re.search(r"[:;!?]|\s[—–]\s", name):
        return False
    tokens = [t for t in re.split(r"\s+", _strip_quotes(name)) if t.strip(",.()“”\"'’-")]
    if not tokens or len(tokens) > 14:
        return False
    lows = [t.strip(",.()“”\"'’").lower() for t in tokens]
    if any(w in OFFICIAL_WORDS for w in lows) or any(w in NOT_NAME_WORDS for w in lows):
        return False
    if re.fullmatch(r"figure\s*\d+.*", name, re.I):
        return False
    legal = bool(_LEGAL_ANYWHERE.search(name))
    bad = 0
    for tok, low in zip(tokens, lows):
        core = tok.strip(",.()“”\"'’")
        if not core:
            continue
        if low in CONNECTORS or core[0].isupper() or core[0].isdigit() or not core[0].isalpha():
            continue
        if LEGAL_PIECES.match(core) or re.match(r"(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|abu|bint|ul|ud|d|l)[-’'][A-Za-zÀ-ÿ]", core):
            continue
        bad += 1
    if bad > (1 if legal else 0):
        return False
    if lows[0] in CONNECTORS - {"de", "del", "la", "las", "los", "el", "al", "the", "da", "do", "dos", "van", "von", "le", "di"}:
        return False
    if whole_block:
        if any(w in HEADING_WORDS for w in lows if len(tokens) > 1) and not legal:
            return False
        if name.isupper() and len(tokens) > 1 and not legal:
            return False
    return True


@dataclasses.dataclass
class _Span:
    block: int
    start: int
    end: int
    markup: str


def _asterisk_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"\*\*\s*([^*\n]{2,150}?)\s*\*\*", text):
        s, e = m.span(1)
        out.append((s, e))
    return out


def _paren_groups(text: str, pos: int) -> list[tuple[int, int]]:
    """Consecutive parenthetical groups starting at `pos` (after optional spaces)."""
    groups = []
    while True:
        m = re.match(r"[\s*]*\(", text[pos:])
        if not m:
            break
        open_at = pos + m.end() - 1
        close = text.find(")", open_at)
        if close < 0 or close - open_at > 160:
            break
        groups.append((open_at, close + 1))
        pos = close + 1
    return groups


def html_blocks(body_html: str) -> list[Block]:
    soup = BeautifulSoup(body_html, "lxml")
    return text_blocks(soup.body or soup)


def extract_designees(body_html: str, blocks: list[Block] | None = None) -> list[Candidate]:
    """Names a release puts forward (bold or `** Name**`), with short forms and aliases folded
    in, officials / datelines / figure labels dropped, and a role from the text alone:
    'mentioned' when every mention says the name was designated before, else 'designated'.
    Falls back to capitalised names in designation sentences when nothing is bold."""
    blocks = blocks if blocks is not None else html_blocks(body_html)
    sentences = {bi: sentence_spans(b.text) for bi, b in enumerate(blocks)}
    spans: list[_Span] = []
    for bi, block in enumerate(blocks):
        if block.is_heading:
            continue
        spans += [_Span(bi, s, e, "strong") for s, e in block.bold]
        spans += [_Span(bi, s, e, "asterisks") for s, e in _asterisk_spans(block.text)]
    spans.sort(key=lambda x: (x.block, x.start))
    groups = _group_spans(spans, blocks)
    cands: list[Candidate] = []
    first_para = next((bi for bi, b in enumerate(blocks) if not b.is_heading and len(squash(b.text)) > 40), None)
    for g in groups:
        block = blocks[g["block"]]
        text = block.text
        s, e = g["start"], g["end"]
        raw = text[s:e]
        written = squash(raw.replace("**", ""))
        written = re.sub(r"(?:[’']s)?[\s,;:]*$", "", written)       # "Smart Depot’s", "Juan Perez,"
        short_forms, aliases = [], []
        inner = re.match(r"^(.*?)\s*\(([^()]{1,80})\)\s*$", written)
        if inner and looks_like_name(inner.group(1)):
            written = squash(inner.group(1))
            _classify_paren(inner.group(2), short_forms, aliases)
        for ps, pe in g["parens"]:
            _classify_paren(text[ps + 1:pe - 1], short_forms, aliases)
        whole = not text[:s].strip(" *") and not text[e:].strip(" *.:")
        if not looks_like_name(written, whole_block=whole):
            cut = re.match(r"^(.{3,}?)(?:,\s+(?=[a-z])|\s+[—–-]\s+|\s+\()", written)
            if not (cut and looks_like_name(cut.group(1))):
                continue
            written = squash(cut.group(1))
        if _is_dateline(text, s, e, g["block"], first_para) or _is_attribution(text, s, e):
            continue
        sent = _sentence_at(sentences[g["block"]], text, s)
        others = [(ps, pe) for o in groups if o is not g and o["block"] == g["block"] for ps, pe in o["parens"]]
        role_here = _mention_role(text, sentences[g["block"]], s, e, others)
        cand = Candidate(name=written, lookup=_strip_quotes(written), markup=g["markup"],
                         role=role_here[0], reason=role_here[1], sentence=_clean_sentence(sent),
                         short_forms=short_forms, aliases=aliases, pieces=g["pieces"],
                         position=len(cands), mentions=[(g["block"], s, e)], heading_only=whole)
        _merge_candidate(cands, cand)
    if not cands:
        cands = _plain_text_designees(blocks, sentences)
    _assign_countries(cands, blocks, sentences)
    _assign_authorities(cands, blocks, sentences)
    return cands


_AUTHORITY = re.compile(r"(?:\bE\.?\s?O\.?|\bExecutive\s+Order)\s*(?:\(E\.?O\.?\)\s*)?(?:No\.?\s*)?(\d{5})\b"
                        r"|\b(Kingpin\s+Act|Foreign\s+Narcotics\s+Kingpin\s+Designation\s+Act|Caesar\s+Act|section\s+219)\b", re.I)


def _assign_authorities(cands: list[Candidate], blocks: list[Block], sentences: dict) -> None:
    """The authorities named in the designation sentences that name each designee (by its
    name, a variant or a short form): "X is being designated pursuant to E.O. 13224"."""
    for cand in cands:
        forms = {squash(f) for f in [cand.lookup, *cand.variants, *cand.short_forms] if len(squash(f)) > 3}
        patterns = [re.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)") for f in forms]
        found: list[str] = []
        for bi, block in enumerate(blocks):
            if block.is_heading:
                continue
            for a, b in sentences[bi]:
                sent = block.text[a:b].replace("**", "")
                if not _GOVERNING_VERB.search(sent) or not any(p.search(sent) for p in patterns):
                    continue
                if HIST_NAME_RE.search(sent) and not CURRENT_RE.search(sent):
                    continue
                for m in _AUTHORITY.finditer(sent):
                    label = f"E.O. {m.group(1)}" if m.group(1) else ("Kingpin Act" if "ingpin" in m.group(2) else squash(m.group(2)))
                    if label not in found:
                        found.append(label)
        cand.authorities = found


def _classify_paren(content: str, short_forms: list[str], aliases: list[str]) -> None:
    content = squash(content.replace("**", ""))
    quoted = re.findall(r"[“\"]([^”\"]{1,60})[”\"]", content)
    if re.match(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.|also known as)", content, re.I) or (quoted and len(" ".join(quoted)) >= len(content) - 12):
        aliases.extend(squash(q).strip(",") for q in quoted)
        return
    if looks_like_name(content) and len(content.split()) <= 8:
        short_forms.append(content)


def _group_spans(spans: list[_Span], blocks: list[Block]) -> list[dict]:
    """Join runs that are one name split over several tags; attach parenthetical runs that
    follow a name (short forms) to it."""
    groups: list[dict] = []
    i = 0
    while i < len(spans):
        sp = spans[i]
        text = blocks[sp.block].text
        chain = [sp]
        j = i + 1
        while j < len(spans) and spans[j].block == sp.block and spans[j].markup == sp.markup:
            between = text[chain[-1].end:spans[j].start]
            if not re.fullmatch(r"[\s,*]*", between):
                break
            chain.append(spans[j])
            j += 1
        # split the chain into names: whitespace-only gaps always join; a comma gap joins when
        # the next run is only a legal form or the run before is a single word and the chain
        # ends in a legal form ("Urbanizacion", "Inmobiliaria y …", "S.A. de C.V.").
        pieces = [text[c.start:c.end] for c in chain]
        gaps = [text[chain[k].end:chain[k + 1].start] for k in range(len(chain) - 1)]
        ends_legal = bool(LEGAL_PIECES.match(squash(pieces[-1]).strip(" ,*"))) if pieces else False
        names: list[list[int]] = [[0]]
        for k, gap in enumerate(gaps):
            nxt = squash(pieces[k + 1]).strip(" ,*")
            prev = squash(pieces[k]).strip(" ,*")
            join = "," not in gap or bool(LEGAL_PIECES.match(nxt)) or (ends_legal and len(prev.split()) == 1)
            if join:
                names[-1].append(k + 1)
            else:
                names.append([k + 1])
        for idx in names:
            first, last = chain[idx[0]], chain[idx[-1]]
            groups.append({"block": sp.block, "start": first.start, "end": last.end, "markup": sp.markup,
                           "pieces": [squash(pieces[k]) for k in idx] if len(idx) > 1 else [], "parens": []})
        i = j
    # parenthetical groups right after a name: any bold run inside is a short form
    out: list[dict] = []
    for g in groups:
        text = blocks[g["block"]].text
        if out and out[-1]["block"] == g["block"]:
            if any(ps <= g["start"] and g["end"] <= pe for ps, pe in out[-1]["parens"]):
                continue
        g["parens"] = _paren_groups(text, g["end"])
        out.append(g)
    return out


def _is_dateline(text: str, s: int, e: int, block: int, first_para: int | None) -> bool:
    if s > 3 or not re.match(r"\s*[—–-]", text[e:]):
        return False
    written = text[s:e].strip(" *")
    return block == first_para or written.isupper() or len(written.split()) <= 3


def _is_attribution(text: str, s: int, e: int) -> bool:
    return bool(re.search(r"\bsaid\s*[*]*\s*$", text[:s]) or re.match(r"\s*[*]*,?\s*said\b", text[e:]))


def _sentence_at(spans: list[tuple[int, int]], text: str, pos: int) -> str:
    for s, e in spans:
        if s <= pos < e:
            return text[s:e]
    return text


def _clean_sentence(text: str) -> str:
    return squash(text.replace("**", ""))


def _mention_role(text: str, spans: list[tuple[int, int]], s: int, e: int,
                  elsewhere: list[tuple[int, int]] = ()) -> tuple[str, str]:
    """The role one mention of a name gets from the wording around it: the nearest marker in
    its sentence decides ("whom OFAC previously designated" -> mentioned). Markers inside the
    parentheses that follow *another* name ("X (designated by OFAC in 2022), whose brother Y")
    are that name's, not this one's."""
    sent_start, sent_end = next(((a, b) for a, b in spans if a <= s < b), (0, len(text)))
    sent = text[sent_start:sent_end]
    rel_s, rel_e = s - sent_start, e - sent_start
    skip = [(a - sent_start, b - sent_start) for a, b in elsewhere]

    def keep(m):
        return not any(a <= m.start() < b for a, b in skip)

    markers = [(m.start(), m.end(), "hist", m.group(0)) for m in HIST_NAME_RE.finditer(sent) if keep(m)]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in CURRENT_RE.finditer(sent) if keep(m)]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in WEAK_CURRENT_RE.finditer(sent) if keep(m)]
    if not markers:
        return "designated", "named in bold in an E.O. 14059 release"

    def dist(mk):
        ms, me = mk[0], mk[1]
        return rel_s - me if me <= rel_s else (ms - rel_e if ms >= rel_e else 0)

    best = min(markers, key=lambda mk: (dist(mk), mk[2] != "hist"))
    if best[2] == "hist":
        return "mentioned", f"said to be designated before ({best[3]!r})"
    return "designated", f"designated by this release ({best[3]!r})"


def _same_person(a: str, b: str) -> bool:
    na, nb = normalize_name(_strip_quotes(a)), normalize_name(_strip_quotes(b))
    if not na or not nb:
        return False
    if na == nb or sorted(na.split()) == sorted(nb.split()):
        return True
    ta, tb = na.split(), nb.split()
    if len(ta) == len(tb) and len(ta) >= 2 and similarity(na, nb) >= 0.9:
        return True
    return False


def _part_of(short: str, full: str) -> bool:
    """'Ortega' / 'Hubei Lantern' / 'Salas Ugalde' is a part of the full name."""
    ns, nf = normalize_name(_strip_quotes(short)).split(), normalize_name(_strip_quotes(full)).split()
    if not ns or len(ns) >= len(nf):
        return False
    return all(t in nf for t in ns) and any(len(t) > 3 for t in ns)


def _merge_candidate(cands: list[Candidate], new: Candidate) -> None:
    for c in cands:
        known = [c.lookup, *c.variants, *c.short_forms, *c.aliases]
        if any(_same_person(new.lookup, k) for k in known) or _part_of(new.lookup, c.lookup):
            if normalize_name(new.lookup) not in {normalize_name(k) for k in known} and not _part_of(new.lookup, c.lookup):
                c.variants.append(new.lookup)
            for sf in new.short_forms:
                if sf not in c.short_forms:
                    c.short_forms.append(sf)
            c.aliases += [a for a in new.aliases if a not in c.aliases]
            c.mentions += new.mentions
            c.heading_only = c.heading_only and new.heading_only
            if c.role == "mentioned" and new.role == "designated":
                c.role, c.reason, c.sentence = new.role, new.reason, new.sentence
            return
    cands.append(new)


# Plain-text fallback, for a designation release that puts no name in bold.
_CAP_TOKEN = r"(?:[A-ZÀ-Þ][\w’'.-]*\.?|(?:de|del|la|las|los|y|e|da|do|dos)(?=\s+[A-ZÀ-Þ]))"
_CAP_SPAN = re.compile(rf"{_CAP_TOKEN}(?:,?\s+{_CAP_TOKEN})*")
_ORG_WORDS = {"department", "office", "treasury", "ofac", "government", "executive", "order", "e.o.", "dea",
              "fbi", "hsi", "united", "states", "u.s.", "administration", "bureau", "agency", "force",
              "attorney", "court", "district", "today", "today’s", "the", "this", "these", "financial",
              "crimes", "enforcement", "network", "fincen", "control", "foreign", "assets", "act",
              "president", "secretary", "congress", "state", "homeland", "security", "investigations",
              "justice", "cartel", "cartels", "organization"}


def _introduces_list(text: str) -> bool:
    text = text.strip()
    return text.endswith(":") and bool(re.search(r"\b(?:designat|sanction)\w*", text, re.I)) and bool(
        CURRENT_RE.search(text) or WEAK_CURRENT_RE.search(text)) and not HIST_NAME_RE.search(text)


def _plain_text_designees(blocks: list[Block], sentences: dict) -> list[Candidate]:
    cands: list[Candidate] = []
    intro = False
    for bi, block in enumerate(blocks):
        if block.is_heading:
            intro = False
            continue
        if block.tag == "li" and intro:
            m = _CAP_SPAN.match(block.text.strip())
            lead = len(block.text) - len(block.text.lstrip())
            if m:
                name = re.sub(r"[\s,;:]+$", "", m.group(0))
                if len(name.split()) >= 1 and looks_like_name(name) and not normalize_country(name):
                    cand = Candidate(name=name, lookup=name, markup="list-item", role="designated",
                                     reason="listed under a sentence announcing today's designations",
                                     sentence=_clean_sentence(block.text), position=len(cands),
                                     mentions=[(bi, lead + m.start(), lead + m.start() + len(name))])
                    _merge_candidate(cands, cand)
            continue
        intro = _introduces_list(block.text)
        for s, e in sentences[bi]:
            sent = block.text[s:e]
            if not (CURRENT_RE.search(sent) or WEAK_CURRENT_RE.search(sent)) or HIST_NAME_RE.search(sent):
                continue
            verb = re.search(r"\b(?:designat|sanction)\w*", sent, re.I)
            if not verb:
                continue
            for m in _CAP_SPAN.finditer(sent):
                name = m.group(0).strip(" ,")
                name = re.sub(r"^(?:Today|Additionally|Also|In addition|Furthermore),?\s+", "", name)
                tokens = name.split()
                lows = {t.lower().strip(",.") for t in tokens}
                if len(tokens) < 2 or lows & _ORG_WORDS or "-based" in name:
                    continue
                if any(country_of_demonym(t.strip(",.")) for t in tokens[:1]) and len(tokens) < 3:
                    continue
                if normalize_country(name) or country_of_place(name) or not looks_like_name(name):
                    continue
                start = s + m.start()
                role = _mention_role(block.text, sentences[bi], start, start + len(name))
                cand = Candidate(name=name, lookup=name, markup="text", role=role[0],
                                 reason="plain text in a designation sentence (no bold names in this release); " + role[1],
                                 sentence=_clean_sentence(sent), position=len(cands),
                                 mentions=[(bi, start, start + len(name))])
                _merge_candidate(cands, cand)
    return cands


def _assign_countries(cands: list[Candidate], blocks: list[Block], sentences: dict) -> None:
    by_sentence: dict[tuple[int, int], list[tuple[Candidate, int, int]]] = {}
    for cand in cands:
        for bi, s, e in cand.mentions:
            for a, b in sentences[bi]:
                if a <= s < b:
                    by_sentence.setdefault((bi, a), []).append((cand, s, e))
                    break
    for (bi, a), members in by_sentence.items():
        b = next(e for s, e in sentences[bi] if s == a)
        text = blocks[bi].text
        for ps, pe, country in place_mentions(text[a:b]):
            ps, pe = ps + a, pe + a
            for cand, s, e in members:
                if _describes(text, s, e, ps, pe) and country not in cand.countries:
                    cand.countries.append(country)


# -- recent actions -------------------------------------------------------------------------

@dataclasses.dataclass
class RecentActionEntry:
    position: int
    section: str           # added | updated | removed | other
    text: str
    name: str | None
    entity_type: str | None
    programs: list[str]


@dataclasses.dataclass
class RecentAction:
    url: str
    key: str | None
    date: str | None
    title: str | None
    entries: list[RecentActionEntry]
    release_ids: list[str]


_PROGRAMS = re.compile(r"\[([A-Z0-9][A-Z0-9 .&/-]*(?:\]\s*\[[A-Z0-9][A-Z0-9 .&/-]*)*)\]")


def parse_recent_actions(content: bytes | str, url: str) -> RecentAction:
    """The SDN entries listed on an OFAC Recent Actions page (may be empty: the caller decides
    whether that is an error). Raises SourceError naming `url` when the page was cut short."""
    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    key = recent_actions_key(url)
    date = None
    if key:
        d = key[:8]
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
    title = _title(soup)
    scope = (soup.select_one("div.field--name-body") or soup.select_one("article") or soup.select_one("main")
             or soup.body or soup)
    if date is None:
        t = scope.find("time", attrs={"datetime": True}) or soup.find("time", attrs={"datetime": True})
        if t:
            date = eastern_date(t["datetime"])
        else:
            m = _DATE_TEXT.search(squash(soup.get_text(" ")))
            date = parse_human_date(m.group(0)) if m else None
    entries: list[RecentActionEntry] = []
    section = "added"
    for block in text_blocks(scope):
        for line in block.text.split("\n"):
            line = squash(line)
            if not line:
                continue
            if not _PROGRAMS.search(line) or not re.match(r"^[A-Z0-9ÁÉÍÓÚÑÜ'\"“.&(-]", line):
                low = line.lower()
                if re.search(r"\b(?:removed|deleted|delisted|deletions?|removals?)\b", low):
                    section = "removed"
                elif re.search(r"\b(?:updated|changed|amended|updates?|changes)\b", low):
                    section = "updated"
                elif re.search(r"\b(?:added|designated|designations?|additions?|identified)\b", low):
                    section = "added"
                continue
            entry_text, entry_section = line, section
            programs = [p.strip() for grp in _PROGRAMS.findall(line.split(" -to- ", 1)[-1]) for p in re.split(r"\]\s*\[", grp)]
            if " -to- " in line:
                old, entry_text = line.split(" -to- ", 1)
                before = {p.strip() for grp in _PROGRAMS.findall(old) for p in re.split(r"\]\s*\[", grp)}
                # an existing entry put under E.O. 14059 that day is, for this tracker, designated that day
                entry_section = "added" if EO14059_TAG in programs and EO14059_TAG not in before else "updated"
            etype = None
            m = re.search(r"\((individual|vessel|aircraft|entity)\)", entry_text)
            if m:
                etype = m.group(1)
            entries.append(RecentActionEntry(len(entries), entry_section, entry_text, ra_entry_name(entry_text, etype),
                                             etype or "entity", programs))
    release_ids = []
    for a in soup.find_all("a", href=True):
        rid = release_id_from(clean_url(a["href"], url) or "")
        if rid and rid not in release_ids:
            release_ids.append(rid)
    return RecentAction(url, key, date, title, entries, release_ids)


def ra_entry_name(text: str, entity_type: str | None) -> str | None:
    """'GUZMAN LOPEZ, Joaquin (Latin: …) (a.k.a. …), Mexico; DOB …' -> 'GUZMAN LOPEZ, Joaquin';
    'SUMILAB, S.A. DE C.V., Calle …, Culiacan, Sinaloa, Mexico; …' -> 'SUMILAB, S.A. DE C.V.'."""
    head = text.split(";", 1)[0]
    head = re.sub(r"\([^()]*\)", "", head)
    head = re.sub(r"\[[^\]]*\]", "", head)
    parts = [p.strip() for p in head.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if entity_type == "individual":
        if len(parts) >= 2 and not parts[1].isupper():
            return f"{parts[0]}, {parts[1]}"
        return parts[0]
    kept = []
    for p in parts:
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", p)
        if letters and letters.isupper():
            kept.append(p)
        else:
            break
    return ", ".join(kept) if kept else parts[0]
