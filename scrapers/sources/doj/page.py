"""justice.gov release pages (HTML) -> release records (pure functions).

Release pages were not captured for the current site; `parse_release_page` tries the
selectors third-party code reports (2023+ theme: `h1.page-title`, `div.field_date time`,
`div.field_body`) and the 2020 theme's (`field--name-field-pr-*`), and raises when a page
has no title, date or body.
"""
from __future__ import annotations

import re

from ...dates import eastern_date
from .api import UUID_RE, ParseError, Release, normalize_url, time_field
from .challenge import bot_challenge
from .htmltext import _WS, _inline_text, clean_inline

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

    what = bot_challenge(content)
    if what:
        raise ParseError(location, f"{what}, not a release page (justice.gov's answer to a script)")
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
    # topics: links in older themes, plain text in the current one (.node-topics .field__item)
    topics = labelled(".field_topic a", ".field--name-field-pr-topic a", ".field--name-field-topic a",
                      ".node-topics .field__item", ".field_topic .field__item", ".node-topics li")
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
