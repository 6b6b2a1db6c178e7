"""Listing pages: `https://home.treasury.gov/news/press-releases?page=N` and
`https://ofac.treasury.gov/press-releases?page=N` (a `table.views-table`; some links carry
`/index.php/`). The parser looks for links to `/news/press-releases/<id>`, their dates, and a
"next page" link, and fails loudly when a page yields no release links."""
from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ...dates import eastern_date, parse_human_date
from ...errors import SourceError
from .html import (DATE_TEXT, SOURCE, clean_url, decode, is_treasury_host, release_id_from, release_url,
                   require_whole_page, squash)

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
        m = DATE_TEXT.search(squash(node.get_text(" ")))
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
