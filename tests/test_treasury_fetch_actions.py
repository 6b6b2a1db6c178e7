"""`tracker update --source treasury` walking OFAC's Recent Actions listing (opt-in:
`[treasury] listings = [..., "recent-actions"]`) against the local stand-in for
ofac.treasury.gov: listing -> day pages -> archive -> build, pagination, stop at the first
day page already held, a listing without actions failing loudly."""
from __future__ import annotations

import sqlite3

from test_treasury_fetch import FIX, configured, publish, site  # noqa: F401  (fixtures)


def _action(key: str, kind: str) -> str:
    day = f"{key[4:6]}/{key[6:8]}/{key[:4]}"
    return (f'<div class="search-result"><div class="search-result-date">{day} - {kind}</div>'
            f'<h4 class="search-result-title"><a href="/recent-actions/{key}">{kind}</a></h4></div>')


def actions_listing(keys: list[str], next_page: int | None) -> bytes:
    nxt = (f'<nav class="usa-pagination"><a class="usa-pagination__next-page" href="/recent-actions?page={next_page}">'
           'Next</a></nav>') if next_page is not None else ""
    items = "".join(_action(k, "Counter Narcotics Designations") for k in keys)
    return (f'<html><body><header><nav><a href="/recent-actions/20200101">Pinned</a></nav></header><main>'
            f'<div class="view view-recent-actions"><div class="view-content">{items}</div>{nxt}</div></main>'
            f'</body></html>').encode()


def serve_actions(site, pages: list[list[str]]) -> None:      # noqa: F811
    for n, keys in enumerate(pages):
        site.pages[f"/ofac/recent-actions?page={n}"] = actions_listing(keys, n + 1 if n + 1 < len(pages) else None)


def _walk_actions(configured):                                 # noqa: F811
    toml = configured / "tracker.toml"
    toml.write_text(toml.read_text().replace('listings = ["ofac", "home"]', 'listings = ["ofac", "recent-actions"]'))


def test_the_listing_is_walked_to_its_day_pages_archived_and_built(run_cli, configured, site):  # noqa: F811
    publish(site)
    _walk_actions(configured)
    # 20240605 is also linked by a release (fetched once); 20240410 answers 404 (logged, kept going);
    # 20231215 is before `since` (2024-01-01): the walk stops there
    serve_actions(site, [["20240605", "20240410"], ["20240229", "20231215"]])
    run_cli("update", "--source", "treasury")
    assert site.requests("/ofac/recent-actions?") == ["/ofac/recent-actions?page=0", "/ofac/recent-actions?page=1"]
    day_pages = site.requests("/ofac/recent-actions/")
    assert sorted(day_pages) == ["/ofac/recent-actions/20240229", "/ofac/recent-actions/20240410",
                                 "/ofac/recent-actions/20240605"]
    assert len(day_pages) == len(set(day_pages))                 # each once
    conn = sqlite3.connect(configured / "tracker.db")
    urls = {r[0] for r in conn.execute("select distinct url from recent_actions")}
    conn.close()
    assert urls == {"https://ofac.treasury.gov/recent-actions/20240229", "https://ofac.treasury.gov/recent-actions/20240605"}
    archive = sqlite3.connect(configured / "archive" / "index.sqlite")
    archived = {r[0] for r in archive.execute("select url from responses where source = 'treasury'")}
    archive.close()
    assert {"https://ofac.treasury.gov/recent-actions?page=0", "https://ofac.treasury.gov/recent-actions?page=1"} <= archived


def test_the_next_run_stops_at_the_first_day_page_held(run_cli, configured, site):  # noqa: F811
    publish(site)
    _walk_actions(configured)
    serve_actions(site, [["20240605", "20240229"]])
    run_cli("update", "--source", "treasury")
    site.log.clear()
    new = (FIX / "recent_actions" / "20240229.html").read_bytes().replace(b"20240229", b"20240701")
    site.pages["/ofac/recent-actions/20240701"] = new
    serve_actions(site, [["20240701", "20240605"], ["20240229"]])
    run_cli("update", "--source", "treasury")
    assert site.requests("/ofac/recent-actions") == ["/ofac/recent-actions?page=0", "/ofac/recent-actions/20240701"]


def test_a_listing_without_actions_fails_naming_its_url(run_cli, configured, site):  # noqa: F811
    publish(site)
    _walk_actions(configured)
    site.pages["/ofac/recent-actions?page=0"] = b"<html><body><main><p>No results.</p></main></body></html>"
    result = run_cli("update", "--source", "treasury", expect=None)
    assert result.exit_code != 0
    assert "https://ofac.treasury.gov/recent-actions?page=0" in result.output + result.stderr
