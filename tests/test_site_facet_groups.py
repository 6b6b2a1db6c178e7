"""Filtered pages counted from the facet combinations every build stores (facet_groups_<table>):
a filter on facet columns, with or without a word most rows contain searched, is counted from a
few hundred groups instead of its rows; the rows of such a search are read in page order when
the word fills the filtered rows. Every count must equal what SQL counts on the table itself,
and anything the groups cannot answer must fall back to counting the rows."""
from __future__ import annotations

import json

import pytest
from test_datasette_site import Site, build_with_thresholds, sql

from scrapers.publish import dense_terms, shared_counts
from scrapers.publish.dense_terms import conjuncts, split_search

SEARCH = "rowid in (select rowid from press_releases_fts where press_releases_fts match escape_fts(:search))"


@pytest.fixture(scope="module")
def groups_db(tmp_path_factory):
    """The fixtures with every word in 2+ of the 8 releases counted as common and every
    table's groups kept (the real thresholds: 5% of at least 20,000 rows; groups at most a
    tenth of the rows they count)."""
    return build_with_thresholds(tmp_path_factory.mktemp("groups") / "tracker.db", DENSE_MIN_ROWS=1,
                                 DENSE_SHARE=0.25, GROUPS_SHARE=1.0)


@pytest.fixture()
def no_row_counting():
    """Counting a page's rows (Datasette's way, one grouped query) fails the test."""
    async def refuse(*args):
        raise AssertionError("this page must be counted from facet_groups")

    mp = pytest.MonkeyPatch()
    mp.setattr(shared_counts, "_grouped", refuse)
    yield
    mp.undo()


def _want(db, where: str, params: list) -> tuple[int, dict, dict]:
    rows = sql(db, f"select agency, year, countries from press_releases where {where}", params)
    agencies, countries = {}, {}
    for agency, _year, listed in rows:
        agencies[agency] = agencies.get(agency, 0) + 1
        for c in set(json.loads(listed or "[]")) or {None}:
            countries[c] = countries.get(c, 0) + 1
    return len(rows), agencies, countries


def _got(data) -> tuple[int, dict, dict]:
    facets = data["facet_results"]
    return (data["filtered_table_rows_count"],
            {r["value"]: r["count"] for r in facets["agency"]["results"]},
            {r["value"]: r["count"] for r in facets["countries"]["results"]})


def _matches(db, word: str) -> str:
    ids = [r[0] for r in sql(db, "select rowid from press_releases_fts where press_releases_fts match ?", [f'"{word}"'])]
    return f"rowid in ({','.join(map(str, ids)) or 'null'})"


PAGES = [  # (query string, the same rows in SQL on the table, its parameters)
    ("year=2024", "year = 2024", []),
    ("agency=DOJ&year=2025", "agency = 'DOJ' and year = 2025", []),
    ("year__gt=2021", "year > 2021", []),
    ("countries__arraycontains=China", "countries like '%China%'", []),
    ("district__isnull=1", "district is null", []),
    ("_unknown=countries", "countries is null", []),
    ("year__not=2024&agency=Treasury", "year != 2024 and agency = 'Treasury'", []),
]


@pytest.mark.parametrize("query,where,params", PAGES)
def test_a_page_filtered_on_facet_columns_is_counted_from_the_groups(groups_db, no_row_counting, query, where,
                                                                     params):
    s = Site(groups_db)
    try:
        assert _got(s.json(f"/tracker/press_releases.json?{query}&_size=1")) == _want(groups_db, where, params)
    finally:
        s.close()


@pytest.mark.parametrize("query,where,params", PAGES[:4])
def test_a_common_word_with_filters_is_counted_from_the_groups(groups_db, no_row_counting, query, where, params):
    s = Site(groups_db)
    try:
        for word in ("fentanyl", "Treasury"):
            got = _got(s.json(f"/tracker/press_releases.json?_search={word}&{query}&_size=1"))
            assert got == _want(groups_db, f"{where} and {_matches(groups_db, word)}", params), word
    finally:
        s.close()


@pytest.mark.parametrize("query", [
    "title__contains=Treasury",  # a column the groups do not hold
    "_where=year%3D2021%20or%20year%3D2025",  # an OR at the top level: Datasette's own precedence
    "_search=sinaloan&year=2024",  # a word whose counts are not stored
    "_where=rowid%3E2",  # rowid: the groups' own rowids mean nothing
])
def test_what_the_groups_cannot_answer_is_counted_on_the_rows(groups_db, query):
    counted = []
    original = shared_counts._grouped

    async def spy(*args):
        counted.append(args[2])
        return await original(*args)

    mp = pytest.MonkeyPatch()
    mp.setattr(shared_counts, "_grouped", spy)
    s = Site(groups_db, settings={"default_page_size": 100})
    try:
        data = s.json(f"/tracker/press_releases.json?{query}&_shape=objects&_col=agency")
        assert counted == ["press_releases"]
        assert data["filtered_table_rows_count"] == len(data["rows"])
        agencies = {}
        for r in data["rows"]:
            agencies[r["agency"]] = agencies.get(r["agency"], 0) + 1
        assert {r["value"]: r["count"] for r in data["facet_results"]["agency"]["results"]} == agencies
    finally:
        mp.undo()
        s.close()


def test_a_common_word_with_a_filter_pages_through_the_same_rows(groups_db):
    """Whatever SQL reads them, the rows of `?_search=word&filter` are Datasette's own: the
    same set, in id order, nothing repeated, page after page; a filter the word fills gets
    the EXISTS walk."""
    rewritten = []
    original = dense_terms.rewrite_rows_sql
    mp = pytest.MonkeyPatch()
    mp.setattr(dense_terms, "rewrite_rows_sql", lambda *a: rewritten.append(a[2]) or original(*a))
    s = Site(groups_db, settings={"default_page_size": 1})
    try:
        for word, query, where in (("fentanyl", "year=2024", "year = 2024"), ("Treasury", "agency=Treasury",
                                                                              "agency = 'Treasury'")):
            want = sorted(r[0] for r in sql(groups_db, f"select id from press_releases where {where} and"
                                                       f" {_matches(groups_db, word)}"))
            rows = s.json(f"/tracker/press_releases.json?_search={word}&{query}&_shape=array&_stream=on&_col=id")
            assert [r["id"] for r in rows] == want, word
        assert 1.0 in rewritten
    finally:
        mp.undo()
        s.close()


def test_the_groups_of_a_build_add_up_to_its_tables(groups_db):
    for table in ("press_releases", "designations", "prosecutions", "defendants"):
        stored = dict(sql(groups_db, f"select _term, sum(_rows) from facet_groups_{table} group by 1"))
        assert stored.get("") == sql(groups_db, f"select count(*) from {table}")[0][0], table
        for term, rows in sql(groups_db, "select term, rows from facet_group_terms where table_name = ?", [table]):
            assert stored[term] == rows


def test_conjuncts_stop_at_a_top_level_or():
    assert conjuncts('"year" = :p0 and ("c" is null or "c" = \'\')') == ['"year" = :p0', '("c" is null or "c" = \'\')']
    assert conjuncts("a = 1 or b = 2") is None
    assert conjuncts("x = 'a or b' and [or] = 1") == ["x = 'a or b'", "[or] = 1"]
    assert conjuncts("orange = 1 and android = 2") == ["orange = 1", "android = 2"]
    assert conjuncts("(a = 1") is None and conjuncts("a = 1)") is None


def test_split_search_takes_out_the_search_and_refuses_what_groups_cannot_hold():
    clause, rest = split_search(f'where "year" = :p0 and {SEARCH}')
    assert clause is not None and rest == '"year" = :p0'
    assert split_search(f"where {SEARCH}")[1] == ""
    assert split_search('where "year" = :p0')[0] is None
    assert split_search(f"where {SEARCH} and {SEARCH}") is None
    assert split_search(f"where rowid > 3 and {SEARCH}") is None
    assert split_search(f"where a = 1 or {SEARCH}") is None
    assert split_search("where title match 'x'") is None
