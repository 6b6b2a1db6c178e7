"""`tracker update --source treasury` against a local stand-in for home.treasury.gov and
ofac.treasury.gov (http.server on 127.0.0.1 serving our own fixture pages): listing
pagination, stop at the first stored release, --since backfills, resumable backfills,
Recent Actions pages, a listing without items failing loudly, and exact rebuilds."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scrapers.db import content_hashes
from scrapers.fakeweb.server import LocalServer, send

FIX = Path(__file__).resolve().parent / "fixtures" / "treasury"


class Site:
    """Pages by path (with query); every request is logged; `fail` paths answer 500."""

    def __init__(self):
        self.pages: dict[str, bytes] = {}
        self.fail: set[str] = set()
        self.log: list[str] = []
        self.web = LocalServer(self._answer, http11=False).start()
        self.port = self.web.port

    def _answer(self, h):
        self.log.append(h.path)
        body = self.pages.get(h.path)
        if h.path in self.fail:
            code, body = 500, b"server error"
        elif body is None:
            code, body = 404, b"not found"
        else:
            code = 200
        send(h, code, body, {"Content-Type": "text/html; charset=utf-8"})

    def close(self):
        self.web.stop()

    def requests(self, prefix: str) -> list[str]:
        return [p for p in self.log if p.startswith(prefix)]


def ofac_listing(items, next_page: int | None) -> bytes:
    """OFAC's listing: one table.views-table, links sometimes with /index.php/, a next link."""
    rows = "".join(f'<tr><td>{d[5:7]}/{d[8:10]}/{d[:4]}</td><td><a href="https://home.treasury.gov/index.php/news/'
                   f'press-releases/{rid}">{title}</a></td></tr>' for rid, d, title in items)
    nxt = (f'<li class="usa-pagination__item usa-pagination__arrow"><a href="?page={next_page}" '
           'class="usa-pagination__link usa-pagination__next-page">Next</a></li>') if next_page is not None else ""
    return (f'<html><body><header><nav><a href="/news/press-releases/tf0001">Featured</a></nav></header><main>'
            f'<table class="views-table"><tbody>{rows}</tbody></table>'
            f'<nav class="usa-pagination"><ul>{nxt}</ul></nav></main></body></html>').encode()


def home_listing(items, next_page: int | None) -> bytes:
    rows = "".join(f'<div class="mm-news-row"><time datetime="{d}T14:00:00Z" class="datetime">{d}</time>'
                   f'<div class="news-title"><a href="/news/press-releases/{rid}">{title}</a></div></div>'
                   for rid, d, title in items)
    nxt = (f'<li class="pager__item pager__item--next"><a href="?page={next_page}" rel="next">›</a></li>'
           if next_page is not None else "")
    return (f'<html><body><main><div class="view-content">{rows}</div>'
            f'<nav class="pager"><ul class="pager__items">{nxt}</ul></nav></main></body></html>').encode()


def release_page(rid: str, date: str, text: str) -> bytes:
    return (f'<article about="/news/press-releases/{rid}/" class="entity--type-node"><div>'
            f'<div class="field--name-field-news-publication-date"><time datetime="{date}T10:00:00-04:00">{date}</time></div>'
            f'<div class="field--name-field-news-body"><p>{text}</p></div></div></article>').encode()


RELEASES = {  # id: (date, title)
    "tf1008": ("2024-06-25", "Treasury Sanctions Invented Laboratory Supplier"),
    "tf1006": ("2024-06-20", "Treasury Publishes Exchange Rate Report"),
    "tf1007": ("2024-06-12", "Readout: Deputy Secretary Meets Bankers"),
    "tf1002": ("2024-06-05", "Treasury Sanctions Pill Press Importers"),
    "tf1004": ("2024-05-15", "Treasury Sanctions Los Invented del Puerto"),
    "tf1003": ("2024-04-10", "Treasury Targets Iranian Weapons Network"),
    "tf1001": ("2024-02-29", "Treasury Sanctions Precursor Chemical Network"),
    "tf1005": ("2019-09-12", "Treasury Identifies Kingpin"),
}
OFAC_IDS = ["tf1008", "tf1006", "tf1002", "tf1004", "tf1003", "tf1001", "tf1005"]
HOME_IDS = ["tf1008", "tf1006", "tf1007", "tf1002", "tf1004", "tf1003", "tf1001", "tf1005"]


def publish(site: Site, *, include_new: bool = False, per_page: int = 3) -> None:
    """Serve the listings (newest first, `per_page` items a page) and the release pages."""
    for prefix, ids, render, path in (("/ofac", OFAC_IDS, ofac_listing, "/press-releases"),
                                      ("/home", HOME_IDS, home_listing, "/news/press-releases")):
        ids = [i for i in ids if include_new or i != "tf1008"]
        pages = [ids[k:k + per_page] for k in range(0, len(ids), per_page)]
        for n, chunk in enumerate(pages):
            items = [(i, RELEASES[i][0], RELEASES[i][1]) for i in chunk]
            site.pages[f"{prefix}{path}?page={n}"] = render(items, n + 1 if n + 1 < len(pages) else None)
    for rid in RELEASES:
        f = FIX / "releases" / f"{rid}.html"
        body = f.read_bytes() if f.exists() else release_page(
            rid, RELEASES[rid][0], "Today, OFAC sanctioned <strong>Marisol Inventada Rios</strong> pursuant to E.O. 14059."
            if rid == "tf1008" else "WASHINGTON — Deputy Secretary met bankers today.")
        site.pages[f"/home/news/press-releases/{rid}"] = body
    for key in ("20240229", "20240605"):
        site.pages[f"/ofac/recent-actions/{key}"] = (FIX / "recent_actions" / f"{key}.html").read_bytes()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def configured(workdir, site):
    (workdir / "tracker.toml").write_text(f"""
[http]
default_rate = 0
rate_limits = {{ "home.treasury.gov" = 0, "ofac.treasury.gov" = 0 }}
retries = 0
base_urls = {{ "https://home.treasury.gov" = "http://127.0.0.1:{site.port}/home", "https://ofac.treasury.gov" = "http://127.0.0.1:{site.port}/ofac" }}

[treasury]
since = "2024-01-01"
listings = ["ofac", "home"]
""")
    return workdir


def ids(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0].split(":")[1] for r in conn.execute("select id from press_releases order by id")]
    finally:
        conn.close()


def fetched_releases(site: Site) -> list[str]:
    return sorted(p.rsplit("/", 1)[1] for p in site.requests("/home/news/press-releases/"))


def test_update_walks_both_listings_and_archives_everything(run_cli, configured, site):
    publish(site)
    run_cli("update", "--source", "treasury")
    db = configured / "tracker.db"
    # everything since 2024-01-01 (the 2019 release is older: the walk stops there)
    assert ids(db) == ["tf1001", "tf1002", "tf1003", "tf1004", "tf1006", "tf1007"]
    assert fetched_releases(site) == ["tf1001", "tf1002", "tf1003", "tf1004", "tf1006", "tf1007"]   # once each
    assert "/ofac/press-releases?page=1" in site.log and "/home/news/press-releases?page=2" in site.log
    # the Recent Actions pages of the releases that link to one (tf1003's is missing: logged, not fatal)
    assert site.requests("/ofac/recent-actions/") == ["/ofac/recent-actions/20240605", "/ofac/recent-actions/20240410",
                                                      "/ofac/recent-actions/20240229"]
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from recent_actions where section = 'added'").fetchone()[0] == 8
    assert conn.execute("select count(*) from recent_actions where section = 'updated'").fetchone()[0] == 2
    assert conn.execute("select count(*) from press_releases where is_eo14059 = 1").fetchone()[0] == 2
    conn.close()
    # the archive keeps the live URLs
    archive = sqlite3.connect(configured / "archive" / "index.sqlite")
    urls = {r[0] for r in archive.execute("select url from responses where source = 'treasury'")}
    archive.close()
    assert "https://home.treasury.gov/news/press-releases/tf1001" in urls
    assert "https://ofac.treasury.gov/press-releases?page=0" in urls
    assert "https://ofac.treasury.gov/recent-actions/20240229" in urls
    # and the database is a function of the archive
    before = content_hashes(db)
    run_cli("rebuild")
    after = content_hashes(db)
    for table in ("press_releases", "press_release_designations", "release_links", "recent_actions"):
        assert after[table] == before[table], table


def test_update_stops_at_the_first_stored_release(run_cli, configured, site):
    publish(site)
    run_cli("update", "--source", "treasury")
    site.log.clear()
    publish(site, include_new=True)         # one new release at the top of both listings
    run_cli("update", "--source", "treasury")
    assert fetched_releases(site) == ["tf1008"]
    assert site.requests("/ofac/press-releases") == ["/ofac/press-releases?page=0"]
    assert site.requests("/home/news/press-releases?") == ["/home/news/press-releases?page=0"]
    assert ids(configured / "tracker.db")[-1] == "tf1008"
    site.log.clear()
    result = run_cli("update", "--source", "treasury")
    assert fetched_releases(site) == [] and "Nothing new" in result.output


def test_since_backfills_older_releases_without_refetching(run_cli, configured, site):
    publish(site)
    (configured / "tracker.toml").write_text((configured / "tracker.toml").read_text().replace("2024-01-01", "2024-05-01"))
    run_cli("update", "--source", "treasury")
    assert ids(configured / "tracker.db") == ["tf1002", "tf1004", "tf1006", "tf1007"]
    site.log.clear()
    run_cli("update", "--source", "treasury", "--since", "2019-01-01")
    assert fetched_releases(site) == ["tf1001", "tf1003", "tf1005"]
    assert ids(configured / "tracker.db") == ["tf1001", "tf1002", "tf1003", "tf1004", "tf1005", "tf1006", "tf1007"]


def test_interrupted_backfill_resumes_where_it_stopped(run_cli, configured, site):
    publish(site)
    site.fail.add("/ofac/press-releases?page=1")
    result = run_cli("update", "--source", "treasury", expect=None)
    assert result.exit_code != 0
    assert "https://ofac.treasury.gov/press-releases?page=1" in result.output + result.stderr
    first = fetched_releases(site)
    assert first == ["tf1002", "tf1004", "tf1006"]
    site.fail.clear()
    site.log.clear()
    run_cli("update", "--source", "treasury")
    # the pages fetched before the failure are not fetched again
    assert fetched_releases(site) == ["tf1001", "tf1003", "tf1007"]
    assert ids(configured / "tracker.db") == ["tf1001", "tf1002", "tf1003", "tf1004", "tf1006", "tf1007"]


def test_default_walks_only_ofacs_listing(run_cli, configured, site):
    toml = configured / "tracker.toml"
    toml.write_text(toml.read_text().replace('listings = ["ofac", "home"]\n', ""))
    publish(site)
    run_cli("update", "--source", "treasury")
    archive = sqlite3.connect(configured / "archive" / "index.sqlite")
    listing_urls = [u for (u,) in archive.execute("select url from responses where kind = 'listing'")]
    archive.close()
    assert listing_urls and all(u.startswith("https://ofac.treasury.gov/") for u in listing_urls)


def test_listing_without_items_fails_loudly_naming_the_url(run_cli, configured, site):
    publish(site)
    site.pages["/ofac/press-releases?page=0"] = (FIX / "listings" / "empty.html").read_bytes()
    result = run_cli("update", "--source", "treasury", expect=None)
    assert result.exit_code != 0
    out = result.output + result.stderr
    assert "https://ofac.treasury.gov/press-releases?page=0" in out and "no press-release links" in out
    assert not (configured / "tracker.db").exists() or ids(configured / "tracker.db") == []
