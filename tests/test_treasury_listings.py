"""Listing pages as they are described (SOURCES.md; none was captured): home.treasury.gov's
mega-menu and sidebars full of other releases around the page's own list, OFAC's table, the
pagination, and OFAC's Recent Actions listing. Our own pages, invented releases."""
from __future__ import annotations

import pytest

from scrapers.errors import SourceError
from scrapers.sources.treasury.listing import parse_listing, parse_recent_actions_listing


def _row(rid: str, day: str, title: str) -> str:
    return (f'<div class="mm-news-row"><time class="datetime" datetime="{day}T14:00:00Z">{day}</time>'
            f'<div class="news-title"><a href="/news/press-releases/{rid}" hreflang="en">{title}</a></div></div>')


def _panel(title: str, rows: str) -> str:
    return (f'<article class="node node--type-mega_menu_panel node--view-mode-full"><div class="clearfix text-formatted'
            f' field field--name-body"><p>{title}</p></div><div class="views-element-container"><div class="view">'
            f'<div class="view-content">{rows}</div></div></div></article>')


HOME = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Press Releases | U.S. Department of
the Treasury</title></head><body><div class="dialog-off-canvas-main-canvas"><div class="pg__c">
<header id="header"><div class="region-header"><a href="/">Home</a></div></header>
<div id="navigation"><div class="region region-navigation"><div class="block block-treasury-mega-menu">
<nav class="mm block-system-menublock primary"><ul><li><a href="/news">News</a>
{_panel("Featured Stories", _row("tm0001", "2024-07-02", "A featured story"))}
{_panel("Press Releases", _row("tm0002", "2024-07-01", "The newest release") + _row("tm0003", "2024-06-30", "Another"))}
{_panel("Remarks and Statements", _row("tm0004", "2024-06-29", "Remarks"))}
</li></ul></nav></div></div></div>
<div class="clearfix content__container"><div class="mq--t">
<aside class="sidebar-first sidebars"><nav class="menu--news"><a href="/news/press-releases">Press Releases</a>
<a href="/news/press-releases/statements-remarks">Statements &amp; Remarks</a></nav></aside>
<section class="content"><div id="main-content"><h2 class="uswds-page-title">Press Releases</h2>
<div class="views-element-container"><div class="view view-news"><div class="view-content">
{_row("tf2003", "2024-06-20", "Treasury Sanctions Invented Network")}
{_row("tf2002", "2024-06-12", "Readout: An Invented Meeting")}
<div class="mm-news-row"><time class="datetime" datetime="2024-06-06T01:30:00Z">June 5, 2024</time>
<div class="news-title"><a href="/index.php/news/press-releases/tf2001">Late-evening release</a></div></div>
</div><nav class="usa-pagination" aria-label="Pagination"><ul class="usa-pagination__list">
<li class="usa-pagination__item"><a class="usa-pagination__button usa-current" href="?page=0">1</a></li>
<li class="usa-pagination__item"><a class="usa-pagination__button" href="?page=1">2</a></li>
<li class="usa-pagination__item usa-pagination__arrow"><a class="usa-pagination__link usa-pagination__next-page"
 href="?page=1" aria-label="Next page"><span class="usa-pagination__link-text">Next</span></a></li></ul></nav>
</div></div></div></section>
<aside class="sidebar-second sidebars"><div class="latest-news"><div class="view-content">
{_row("tm0005", "2024-06-28", "Sidebar release")}</div></div></aside>
</div></div>
<footer class="footer"><a href="/news/press-releases/tm0006">Footer link</a></footer>
</div></div></body></html>"""


def test_home_listing_is_read_from_the_main_content_not_the_mega_menu():
    url = "https://home.treasury.gov/news/press-releases?page=0"
    page = parse_listing(HOME, url)
    assert [(i.id, i.date) for i in page.items] == [("tf2003", "2024-06-20"), ("tf2002", "2024-06-12"),
                                                   ("tf2001", "2024-06-05")]   # Eastern date; /index.php/ dropped
    assert page.items[2].url == "https://home.treasury.gov/news/press-releases/tf2001"
    assert page.next_url == "https://home.treasury.gov/news/press-releases?page=1"


def test_without_a_main_element_the_list_outside_the_menus_is_taken():
    html = HOME.replace('<section class="content"><div id="main-content">', '<section><div>')
    page = parse_listing(html, "https://home.treasury.gov/news/press-releases?page=0")
    assert [i.id for i in page.items] == ["tf2003", "tf2002", "tf2001"]


def test_a_listing_with_only_menu_links_fails_naming_the_url():
    start, end = HOME.index('<div class="view view-news">'), HOME.index("</section>")
    html = HOME[:start] + "<p>No press releases found.</p></div></div>" + HOME[end:]
    url = "https://home.treasury.gov/news/press-releases?page=9"
    with pytest.raises(SourceError) as err:
        parse_listing(html, url)
    assert url in str(err.value) and "no press-release links" in str(err.value)


def _action(key: str, day: str, kind: str, title: str) -> str:
    return (f'<div class="search-result"><div class="search-result-date">{day} - {kind}</div>'
            f'<h4 class="search-result-title"><a href="/recent-actions/{key}">{title}</a></h4></div>')


ACTIONS = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Recent Actions | Office of
Foreign Assets Control</title></head><body>
<header><div class="clearfix text-formatted field field--name-body"><p>A Part of Treasury's Office of Terrorism and
Financial Intelligence</p></div><nav class="usa-nav"><a href="/recent-actions/20240101">A pinned action</a></nav></header>
<main id="main-content"><h1 class="uswds-page-title"><span class="treas-page-title">Recent Actions</span></h1>
<div class="view view-recent-actions"><div class="view-content">
{_action("20240229", "02/29/2024", "Counter Narcotics Designations", "Counter Narcotics Designations; Cyber-related Designation")}
{_action("20240228_33", "02/28/2024", "Publication of Invented Guidance", "Publication of Invented Guidance")}
{_action("20240227", "02/27/2024", "Counter Terrorism Designations", "Counter Terrorism Designations")}
</div><nav class="usa-pagination"><a class="usa-pagination__next-page" href="/recent-actions?page=3">Next</a></nav>
</div></main>
<aside class="sidebar"><div class="view-content"><a href="/recent-actions/20231231">Filter by Category</a></div></aside>
</body></html>"""


def test_recent_actions_listing():
    url = "https://ofac.treasury.gov/recent-actions?page=2"
    page = parse_recent_actions_listing(ACTIONS, url)
    assert [(i.key, i.date, i.action_type) for i in page.items] == [
        ("20240229", "2024-02-29", "Counter Narcotics Designations"),
        ("20240228_33", "2024-02-28", "Publication of Invented Guidance"),
        ("20240227", "2024-02-27", "Counter Terrorism Designations")]
    assert page.items[1].url == "https://ofac.treasury.gov/recent-actions/20240228_33"
    assert page.next_url == "https://ofac.treasury.gov/recent-actions?page=3"
    empty = ACTIONS[:ACTIONS.index('<div class="view-content">')] + "<p>No results.</p></div></main></body></html>"
    with pytest.raises(SourceError) as err:
        parse_recent_actions_listing(empty, url)
    assert url in str(err.value) and "no action" in str(err.value)
