"""Release pages (full page or the bare `<article>`) -> Release records."""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # (bs4 is imported where a page is parsed: a build without Treasury pages never loads it)
    from bs4 import BeautifulSoup, Tag

from ...dates import eastern_date
from ...errors import SourceError
from ...sanitize import sanitize_html
from .candidates import Candidate
from .classify import FENTANYL_RE, classify_eo14059, sentences_of
from .designees import extract_designees
from .html import (
    SOURCE,
    Block,
    canonical_recent_actions_url,
    clean_url,
    contained,
    decode,
    link_kind,
    page_title,
    release_id_from,
    release_url,
    require_whole_page,
    squash,
    text_blocks,
)
from .places import text_countries


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
    designees: list[Candidate] = dataclasses.field(default_factory=list)   # E.O. 14059 releases only


_BODY_SELECTORS = ["div.field--name-field-news-body", "div.field--name-body", "div.field_body",
                   "div.field--type-text-long"]

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


def _page(content: bytes | str, location: str, fallback_id: str | None, page_url: str | None):
    """(soup, release id, published_at, Eastern date, body element) of a release page, or a
    SourceError naming `location`."""
    from bs4 import BeautifulSoup

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
    return soup, rid, published_at, published, body


@contained
def identify_release(content: bytes | str, location: str, *, fallback_id: str | None = None) -> tuple[str, str]:
    """(release id, date) of a release page, checked as parse_release checks it, without
    reading its text (`tracker import` sorts the files it is given with this)."""
    _, rid, _, published, _ = _page(content, location, fallback_id, None)
    return rid, published


@contained
def parse_release(content: bytes | str, location: str, *, fallback_id: str | None = None,
                  page_url: str | None = None) -> Release:
    """One release page (full page or the bare `<article>`). Raises SourceError naming
    `location` when the page has no release id, date or body, or was cut short."""
    from bs4 import BeautifulSoup

    soup, rid, published_at, published, body = _page(content, location, fallback_id, page_url)
    body_html = sanitize_html(str(body), base_url=page_url or release_url(rid))
    clean = BeautifulSoup(body_html, "lxml")
    root = clean.body or clean
    blocks = text_blocks(root)
    body_text = "\n\n".join(squash(b.text) for b in blocks if squash(b.text))
    subtitle = _subtitle(root)
    title = page_title(soup) or subtitle
    links = _links(root)
    ra = next((canonical_recent_actions_url(l.url) for l in links if l.kind == "recent-actions"), None)
    sentences = sentences_of(blocks, rid)
    is_eo, evidence = classify_eo14059(sentences)
    full_text = f"{title or ''}\n{body_text}"
    designees = extract_designees(body_html, blocks) if is_eo else []
    return Release(
        id=rid, url=release_url(rid), title=title, subtitle=subtitle, published=published,
        published_at=published_at, body_html=body_html, body_text=body_text,
        summary=_summary(blocks, subtitle), links=links, recent_actions_url=ra, is_eo14059=is_eo,
        eo14059_evidence=evidence[:5], mentions_fentanyl=bool(FENTANYL_RE.search(full_text)),
        countries=release_countries(designees, blocks), flags=topic_flags(full_text), designees=designees)


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
    """The release's own <time datetime>: the one in the publication-date field, else one of
    class `datetime`, else any, never one of an article nested in it (an image's)."""
    times = [t for t in scope.find_all("time", attrs={"datetime": True})
             if not any(p.name == "article" and p is not article for p in t.parents if p is not None)]
    for preferred in (lambda t: any("field--name-field-news-publication-date" in (p.get("class") or [])
                                    for p in t.parents if p.name == "div"),
                      lambda t: "datetime" in (t.get("class") or []),
                      lambda t: True):
        for t in times:
            if preferred(t):
                return t["datetime"].strip()
    if article is not None and article.get("data-news-date"):
        return article["data-news-date"].strip()
    meta = soup.find("meta", attrs={"property": "article:published_time", "content": True})
    return meta["content"].strip() if meta else None


def _subtitle(root) -> str | None:
    """A leading paragraph set entirely in italics or bold (the release's deck), before the
    dateline paragraph."""
    for p in root.find_all(["p", "h2", "h3", "h4", "li"]):
        text = squash(p.get_text(" "))
        if not text:
            continue
        if p.name != "p" or re.search(r"\s[—–]\s", text):
            return None
        for s in p.find_all(string=True):      # any plain word: not a deck (stop at the first)
            if s.strip() and not s.find_parent(["em", "i", "strong", "b"]):
                return None
        return text
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


def release_countries(designees: list[Candidate], blocks: list[Block]) -> list[str]:
    """The country facet of a release: countries stated for its designees (E.O. 14059
    releases), else every "X-based" / "based in X" / "<demonym> nationals" in the text."""
    found = sorted({c for cand in designees if cand.role == "designated" for c in cand.countries})
    return found or text_countries(blocks)
