"""The two plugins that keep the published site fast at scale (BENCHMARKS.md, target 4):
array facets counted by row key (scrapers/publish/facets.py) and the page cache of
`tracker serve` (scrapers/publish/cache.py). Both must give exactly what Datasette alone
gives: same facet counts, never a page of an older build.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from datasette.facets import ArrayFacet
from datasette.plugins import pm

from scrapers.publish import cache as datasette_cache
from scrapers.publish import reload as datasette_reload
from scrapers.publish.facets import KeyedArrayFacet
from scrapers.publish.serve import register_plugins

TAGS = [  # (tags, note): duplicates inside an array count once per row; nulls and [] count nowhere
    ('["a", "b"]', "x"),
    ('["a", "a", "c"]', "x"),
    ('["b"]', "y"),
    ("[]", "y"),
    (None, "z"),
    ('["c", "a"]', "z"),
    ('["a"]', "x"),
]


def expected_counts(rows) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tags, _ in rows:
        for value in set(json.loads(tags or "[]")):
            counts[value] = counts.get(value, 0) + 1
    return counts


def make_db(path: Path, rows=TAGS, marker: str = "one") -> Path:
    conn = sqlite3.connect(path)
    conn.executescript("""
        create table items (id integer primary key, tags text, note text);
        create table coded (code text primary key, tags text, note text);
        create table plain (tags text, note text);
        create table marker (value text);
        create view items_twice as select tags, note from items union all select tags, note from items;
    """)
    conn.executemany("insert into items (tags, note) values (?, ?)", rows)
    conn.executemany("insert into coded values (?, ?, ?)", [(f"k{i}", t, n) for i, (t, n) in enumerate(rows)])
    conn.executemany("insert into plain values (?, ?)", rows)
    conn.execute("insert into marker values (?)", [marker])
    conn.commit()
    conn.close()
    return path


class Client:
    def __init__(self, db: Path, **settings):
        register_plugins()
        self.ds = Datasette([], immutables=[str(db)], settings=settings or None)
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.ds.invoke_startup())

    def get(self, path: str, **kwargs):
        return self.loop.run_until_complete(self.ds.client.get(path, **kwargs))

    def facet(self, path: str, name: str) -> dict:
        data = self.get(path).json()
        return {r["value"]: r["count"] for r in data["facet_results"][name]["results"]}

    def close(self):
        self.loop.close()


@pytest.fixture
def client(tmp_path):
    c = Client(make_db(tmp_path / "site.db"))
    yield c
    c.close()


# -- array facets ----------------------------------------------------------------------------
def test_the_keyed_array_facet_replaces_datasettes(client):
    # `client` has started a Datasette with the plugins: the filter SQL is swapped on startup
    classes = [cls for found in pm.hook.register_facet_classes() for cls in found]
    assert KeyedArrayFacet in classes and ArrayFacet not in classes
    from datasette.filters import Filters

    from scrapers.publish.facets import FAST_ARRAYCONTAINS
    assert Filters._filters_by_key["arraycontains"].sql_template == FAST_ARRAYCONTAINS


@pytest.mark.parametrize("table", ["items", "coded", "plain"])
def test_array_facet_counts_each_row_once(client, table):
    assert client.facet(f"/site/{table}.json?_facet_array=tags", "tags") == expected_counts(TAGS)


def test_array_facet_on_a_view_keeps_datasettes_counts(client):
    # a view has no key: Datasette's own query, which removes rows that are whole duplicates
    assert client.facet("/site/items_twice.json?_facet_array=tags", "tags") == expected_counts(TAGS)


def test_array_facet_follows_filters_and_selection(client):
    only_x = [r for r in TAGS if r[1] == "x"]
    assert client.facet("/site/items.json?_facet_array=tags&note=x", "tags") == expected_counts(only_x)
    data = client.get("/site/items.json?_facet_array=tags&tags__arraycontains=c").json()
    with_c = [r for r in TAGS if r[0] and "c" in json.loads(r[0])]
    results = {r["value"]: r for r in data["facet_results"]["tags"]["results"]}
    assert {k: r["count"] for k, r in results.items()} == expected_counts(with_c)
    assert results["c"]["selected"] and "tags__arraycontains=c" not in results["c"]["toggle_url"]
    assert not results["a"]["selected"] and "tags__arraycontains=a" in results["a"]["toggle_url"]


def test_array_facet_is_truncated_at_the_facet_size(tmp_path):
    rows = [(json.dumps([f"v{i:02d}", "common"]), "x") for i in range(40)]
    c = Client(make_db(tmp_path / "wide.db", rows))
    try:
        data = c.get("/wide/items.json?_facet_array=tags&_facet_size=5").json()
        facet = data["facet_results"]["tags"]
        assert facet["truncated"] is True and len(facet["results"]) == 5
        assert facet["results"][0] == {**facet["results"][0], "value": "common", "count": 40}
    finally:
        c.close()


@pytest.mark.parametrize("value", ["a", "c", "Côte d'Ivoire", 'say "hi"', "back\\slash", "x/y", "nowhere"])
def test_array_filter_finds_exactly_the_rows_holding_the_value(tmp_path, value):
    # JSON written by other tools: \u escapes, escaped quotes, slashes and backslashes
    rows = TAGS + [
        (json.dumps(["Côte d'Ivoire"]), "x"),                       # \u00f4 escape
        (json.dumps(["Côte d'Ivoire"], ensure_ascii=False), "y"),
        (json.dumps(['say "hi"']), "z"), (json.dumps(["back\\slash"]), "x"),
        ('["x\\/y"]', "y"),                                          # an escaped solidus
        (json.dumps(["ca", "cc"]), "x"),                              # substrings that are not values
    ]
    c = Client(make_db(tmp_path / "esc.db", rows))
    try:
        data = c.get(f"/esc/items.json?_shape=array&tags__arraycontains={quote(value)}").json()
        expected = [i + 1 for i, (tags, _) in enumerate(rows) if tags and value in json.loads(tags)]
        assert [r["id"] for r in data] == expected
    finally:
        c.close()


# -- page cache ------------------------------------------------------------------------------
def test_a_page_is_served_from_the_cache_the_second_time(client):
    first = client.get("/site/items?_facet_array=tags")
    second = client.get("/site/items?_facet_array=tags")
    assert first.status_code == second.status_code == 200
    assert first.headers["x-tracker-cache"] == "miss" and second.headers["x-tracker-cache"] == "hit"
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    other = client.get("/site/items?_facet_array=tags&note=x")  # another query string: another page
    assert other.headers["x-tracker-cache"] == "miss"


def test_streams_errors_and_requests_with_cookies_are_not_cached(client):
    for _ in range(2):
        stream = client.get("/site/items.csv?_stream=on")
        assert stream.status_code == 200 and "x-tracker-cache" not in stream.headers
        missing = client.get("/site/no_such_table")
        assert missing.status_code == 404 and missing.headers.get("x-tracker-cache") == "miss"
        with_cookie = client.get("/site/items", headers={"cookie": "ds_actor=x"})
        assert "x-tracker-cache" not in with_cookie.headers


def test_a_swapped_database_is_never_answered_from_the_old_pages(client, tmp_path):
    page = "/site/marker.json?_shape=array"
    datasette_reload._last_check[0] = 0.0  # the reload plugin notes the file it serves
    assert client.get(page).json() == [{"rowid": 1, "value": "one"}]
    assert client.get(page).headers["x-tracker-cache"] == "hit"
    new = make_db(tmp_path / "next.db", marker="two")
    new.replace(tmp_path / "site.db")  # how every build publishes
    datasette_reload._last_check[0] = 0.0
    for _ in range(2):
        assert client.get(page).json() == [{"rowid": 1, "value": "two"}]


def test_a_swap_seen_before_the_reload_check_does_not_leave_old_pages_behind(tmp_path):
    import time

    # one SQL thread: Datasette opens a connection per thread on first use, so with several a
    # request could land on a thread that opens the new file before the reload check (it did once)
    client = Client(make_db(tmp_path / "site.db"), num_sql_threads=1)
    page = "/site/marker.json?_shape=array"
    datasette_reload._last_check[0] = 0.0
    assert client.get(page).json()[0]["value"] == "one"
    make_db(tmp_path / "next.db", marker="two").replace(tmp_path / "site.db")
    # the once-a-second check is not due yet (an hour ahead: a stall of the shared machine between
    # this line and the request cannot make it due, as it did once with "now")
    datasette_reload._last_check[0] = time.monotonic() + 3600
    assert client.get(page).json()[0]["value"] == "one"  # Datasette still serves the open build
    datasette_reload._last_check[0] = 0.0
    assert client.get(page).json()[0]["value"] == "two"
    assert client.get(page).json()[0]["value"] == "two"
    client.close()


def test_cache_size_zero_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_SERVE_CACHE_MB", "0")
    c = Client(make_db(tmp_path / "off.db"))
    try:
        assert "x-tracker-cache" not in c.get("/off/items").headers
        assert "x-tracker-cache" not in c.get("/off/items").headers
    finally:
        c.close()


def test_the_cache_stays_within_its_size_and_drops_the_oldest_pages():
    page = datasette_cache.page_cost(("k", 0), [(b"content-type", b"text/html")], bytes(1_000))
    cache = datasette_cache.PageCache(max_bytes=12 * page)
    for i in range(30):
        cache.put(("k", i), 200, [(b"content-type", b"text/html")], bytes(1_000))
        assert cache.size <= cache.max_bytes
    assert cache.get(("k", 0)) is None and cache.get(("k", 29)) is not None
    cache.put(("big",), 200, [], bytes(20 * page))  # larger than the whole cache: not kept
    assert cache.get(("big",)) is None
    cache.get(("k", 20))  # recently used pages stay
    for i in range(30, 38):
        cache.put(("k", i), 200, [(b"content-type", b"text/html")], bytes(1_000))
    assert cache.get(("k", 20)) is not None and cache.get(("k", 21)) is None
