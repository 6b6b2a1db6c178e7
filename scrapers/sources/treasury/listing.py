"""Listing pages (none captured; built from what is known of them, see SOURCES.md):

- `https://home.treasury.gov/news/press-releases?page=N`: every home.treasury.gov page opens
  with a navigation mega-menu (`nav.mm`, inside `div#navigation`) whose panels are `<article>`
  elements holding `div.view-content` lists of other releases ("Featured Stories", "Press
  Releases", "Remarks and Statements"), and has sidebars (`aside`) listing more: the listing is
  the page's main content (`div#main-content`, `main`), never the first `.view-content`;
- `https://ofac.treasury.gov/press-releases?page=N`: one `table.views-table` whose rows link to
  `…/news/press-releases/<id>` (some links carry `/index.php/`), an `a.usa-pagination__next-page`
  while more pages exist;
- `https://ofac.treasury.gov/recent-actions?page=N` (and filtered views): a `div.view-content`
  of `div.search-result` items, each a date line "MM/DD/YYYY - <action type>" and a link to
  `/recent-actions/YYYYMMDD` (a few with a suffix such as `_33`).

Each parser returns the items in page order, their dates when shown, and the next page; a page
that yields no item fails loudly, naming its URL (the layout changed)."""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:   # (bs4 is imported where a page is parsed: a build without Treasury pages never loads it)
    from bs4 import BeautifulSoup, Tag

from ...dates import eastern_date, parse_human_date
from ...errors import SourceError
from .html import (
    DATE_TEXT,
    SOURCE,
    canonical_recent_actions_url,
    clean_url,
    contained,
    decode,
    is_treasury_host,
    recent_actions_key,
    release_id_from,
    release_url,
    require_whole_page,
    squash,
)


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
    from bs4 import Tag

    for parent in tag.parents:
        if parent.name in _CHROME:
            return True
        classes = " ".join(parent.get("class") or []) if isinstance(parent, Tag) else ""
        if re.search(r"\b(?:breadcrumb|menu|usa-nav|site-header|site-footer|sidebar)\b", classes):
            return True
    return False


_MAIN = ("#main-content", "main", "[role=main]", "section.content", "div.region-content")


def _release_id_of(a: Tag, page_url: str) -> str | None:
    href = clean_url(a["href"], page_url)
    return release_id_from(href) if href and (is_treasury_host(href) or not urlsplit(href).hostname) else None


def _scope(soup: BeautifulSoup, page_url: str, key) -> Tag:
    """Where the page's own list is: its main content when that holds items, else the list
    view (`table.views-table`, `.view-content`) outside the menus and sidebars holding the most
    items, else the whole page (whose menus and sidebars are skipped link by link)."""
    def count(tag: Tag) -> int:
        return sum(1 for a in tag.find_all("a", href=True) if key(a, page_url) and not _in_chrome(a))

    for sel in _MAIN:
        main = soup.select_one(sel)
        if main is not None and not _in_chrome(main) and count(main):
            return main
    views = [v for v in soup.select("table.views-table, .view-content") if not _in_chrome(v)]
    counted = [(count(v), -i, v) for i, v in enumerate(views)]
    best = max(counted, default=None, key=lambda x: x[:2])
    return best[2] if best and best[0] else soup


@contained
def parse_listing(content: bytes | str, url: str) -> ListingPage:
    """Release links (newest first, as listed), their dates when shown, and the next page.
    Raises SourceError naming `url` when the page holds no release links or was cut short.
    Links to other hosts are not Treasury releases (a mirror, a look-alike path): skipped."""
    from bs4 import BeautifulSoup

    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    scope = _scope(soup, url, _release_id_of)
    items: dict[str, ListingItem] = {}
    for a in scope.find_all("a", href=True):
        if _in_chrome(a):
            continue
        rid = _release_id_of(a, url)
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
    return ListingPage(url, list(items.values()), _next_page(scope, url) or _next_page(soup, url))


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


# -- the Recent Actions listing ------------------------------------------------------------------

@dataclasses.dataclass
class ActionItem:
    key: str                    # "20240229", "20240229_33"
    url: str                    # canonical: https://ofac.treasury.gov/recent-actions/<key>
    date: str | None
    action_type: str | None     # what the date line says after the dash ("Counter Narcotics Designations")
    title: str | None


@dataclasses.dataclass
class ActionListingPage:
    url: str
    items: list[ActionItem]
    next_url: str | None


def _action_key_of(a: Tag, page_url: str) -> str | None:
    href = clean_url(a["href"], page_url)
    return recent_actions_key(href) if href and (is_treasury_host(href) or not urlsplit(href).hostname) else None


_DATE_LINE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b\s*(?:[-–—]\s*(.+))?")


@contained
def parse_recent_actions_listing(content: bytes | str, url: str) -> ActionListingPage:
    """OFAC's Recent Actions listing: each action's day page, its date and action type, in
    page order, and the next page. Raises SourceError naming `url` when the page lists none."""
    from bs4 import BeautifulSoup

    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    scope = _scope(soup, url, _action_key_of)
    items: dict[str, ActionItem] = {}
    for a in scope.find_all("a", href=True):
        key = _action_key_of(a, url)
        if not key or key in items or _in_chrome(a):
            continue
        date, kind = _action_date(a, key, url)
        items[key] = ActionItem(key, canonical_recent_actions_url(f"/recent-actions/{key}"),
                                date, kind, squash(a.get_text(" ")) or None)
    if not items:
        raise SourceError(SOURCE, url, "Recent Actions listing yielded no action"
                          " (expected links to /recent-actions/YYYYMMDD; has the page layout changed?)")
    return ActionListingPage(url, list(items.values()), _next_page(scope, url) or _next_page(soup, url))


def _action_date(a: Tag, key: str, page_url: str) -> tuple[str | None, str | None]:
    """The item's date line ("02/29/2024 - Counter Narcotics Designations"); the date from the
    key when the line is missing."""
    node = a
    for _ in range(4):
        node = node.parent
        if node is None or node.name in ("body", "html"):
            break
        if {k for x in node.find_all("a", href=True) if (k := _action_key_of(x, page_url))} - {key}:
            break
        line = node.find(string=_DATE_LINE)
        if line is not None:
            month, day, year, kind = _DATE_LINE.search(squash(line.parent.get_text(" "))).groups()
            return f"{year}-{int(month):02d}-{int(day):02d}", squash(kind).strip(" -–—") or None if kind else None
    return f"{key[:4]}-{key[4:6]}-{key[6:8]}", None
