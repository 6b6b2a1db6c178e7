"""A table page's count and facets from one query (part of the tracker-facets plugin).

Datasette 0.65 runs, for one table page, a `select count(*)` and then one query per facet,
each applying the page's filter again: on `press_releases?_search=fentanyl` (a word in 93% of
the 250,000 benchmark releases) the full-text match and 230,000 row reads were done seven
times. Here the first of those queries (the count) runs ONE query instead,

    select <facet columns>, count(*) from <table> <the page's where> group by <facet columns>

and the count and every facet of db.FACETS are added up from its rows (array columns are
parsed once per distinct value, each row counted once per distinct item). The result lives
for the one request only (a context variable set per request): nothing is kept between
requests, so a page's first visit costs what it says. A whole table (no filter) needs no
query at all: its counts are precomputed by every build (`facet_counts`, db.finalize). A page
filtered on facet columns only, or on facet columns and a word most rows contain, is counted
from the combinations of facet values every build stores (`facet_groups_<table>`, a few
hundred rows per term) with the page's own where clause applied to them.

What it recognises: exactly Datasette's count SQL for a table named in db.FACETS, and the
facet SQL of the same page (the same where clause and parameters). Anything else -- views,
other tables, `_facet=` on other columns, a different where (the `_next` page) -- takes
Datasette's own queries. Counts are the same as Datasette's (tested), plus `unknown`
buckets for empty values, selected with `?col__isnull=1` (plain columns) or
`?_unknown=col` (JSON lists: NULL, empty, `[]` or not JSON).
"""
from __future__ import annotations

import contextvars
import json
import re
from collections import Counter

from datasette.database import Database, Results
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from ..db import (
    FACET_INDEXES,
    FACETS,
    TABLES,
    UNKNOWN_ARRAY,
    aggregate_facets,
    facet_index_name,
    grouped_sql,
    groups_table,
)
from . import dense_terms

_REQUEST: contextvars.ContextVar[dict | None] = contextvars.ContextVar("tracker_shared_counts", default=None)
_COUNT_SQL = re.compile(r"select count\(\*\) from (\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_]*) (.*)\Z", re.S)
_PARAM = re.compile(r":(\w+)")
UNKNOWN = "unknown"


def per_request(app):
    """ASGI wrapper: a fresh store of shared counts for each request."""
    async def wrapped(scope, receive, send):
        token = _REQUEST.set({})
        try:
            await app(scope, receive, send)
        finally:
            _REQUEST.reset(token)
    return wrapped


def _key(database: str, db, table: str, where: str, params) -> tuple:
    params = params or {}
    used = tuple(sorted((name, str(params.get(name))) for name in set(_PARAM.findall(where))))
    return (database, getattr(db, "connection_key", "base"), id(db), table, where.strip(), used)


async def compute(ds, database: str, table: str, where: str, params) -> dict | None:
    """{"count": n, "column": {col: Counter}, "array": {col: Counter}} for the rows of
    `table` matching `where` (None key in a Counter = unknown), shared within the request."""
    spec = FACETS.get(table)
    store = _REQUEST.get()
    if spec is None or store is None:
        return None
    db = ds.databases.get(database)
    key = _key(database, db, table, where, params)
    if key in store:
        return store[key]
    result = await _stored(ds, database, db, table, where, params, spec, store)
    if result is None:
        result = await _grouped(ds, database, table, where, params, spec)
    store[key] = result
    return result


async def _stored(ds, database, db, table, where, params, spec, store) -> dict | None:
    """The counts of a page from what every build stores (db.precompute_facet_counts): the
    whole table, or a common word searched alone, from facet_counts; a page filtered on facet
    columns, with or without a common word searched, added up from facet_groups_<table> --
    the page's own where clause, search taken out, applied to the groups under the table's
    name, so every filter compares as it does on the table. None when neither can answer (not
    stored for that term, a column the groups do not hold, an OR at the top level...)."""
    split = dense_terms.split_search(where)
    if split is None:
        return None
    clause, rest = split
    term = ""
    if clause is not None:
        term = await dense_terms.dense_term(db, table, clause.group(2), (params or {}).get("search"), store)
        if not term:
            return None
    if not rest:
        result = await _precomputed(ds, database, table, spec, term)
        if result is not None:
            return result
    found = await group_rows(db, table, term, rest, params, store)
    if found is None:
        return None
    cols, rows = found
    return aggregate_facets(rows, cols, spec)


GROUP_TERM = "tracker_group_term"
_DOUBLE_QUOTED = re.compile(r'"([^"]*)"')


async def group_rows(db, table: str, term: str, rest: str, params, store: dict) -> tuple[list[str], list] | None:
    """(facet columns, [(values..., rows)]) of the groups of `term` ('' = the whole table)
    matching `rest`, or None; asked once per request (the rows query and the count ask the same)."""
    memo = ("groups", id(db), table, term, rest, tuple(sorted((k, str(v)) for k, v in (params or {}).items())))
    if memo not in store:
        store[memo] = await _group_rows(db, table, term, rest, params)
    return store[memo]


async def _group_rows(db, table: str, term: str, rest: str, params) -> tuple[list[str], list] | None:
    stored = await dense_terms.build_data(db, "group terms", _load_group_terms)
    if (table, term) not in stored:
        return None
    cols = list(TABLES[groups_table(table)]["columns"])[2:-1]
    if any(name not in cols and name != table for name in _DOUBLE_QUOTED.findall(rest)):
        # SQLite reads a double-quoted name that is no column as a string: "title" like '%x%'
        # would quietly count nothing instead of failing on a column the groups lack
        return None
    sel = ", ".join(f"[{c}]" for c in cols)
    sql = (f"select {sel}, sum([_rows]) from [{groups_table(table)}] as [{table}] where [_term] = :{GROUP_TERM}"
           + (f" and ({rest})" if rest else "") + f" group by {sel}")
    try:
        rows = (await db.execute(sql, {**(params or {}), GROUP_TERM: term}, truncate=False)).rows
    except Exception:  # a column the groups do not hold (the where is about something else)
        return None
    return cols, rows


async def _load_group_terms(db) -> set[tuple[str, str]]:
    """(table, term) of every stored set of facet groups ('' = the whole table)."""
    if not (await db.execute("select 1 from sqlite_master where name = 'facet_group_terms'")).rows:
        return set()
    return {tuple(r) for r in (await db.execute("select table_name, term from facet_group_terms")).rows}


async def _precomputed(ds, database, table, spec, term: str = "") -> dict | None:
    try:
        rows = (await ds.execute(database, "select facet, value_json, count from facet_counts"
                                 " where table_name = ? and term = ?", [table, term])).rows
    except Exception:  # an older database without facet_counts: count per request
        return None
    if not rows:
        return None
    out = {"count": 0, "column": {c: Counter() for c in spec["column"]}, "array": {c: Counter() for c in spec["array"]}}
    for facet, value_json, count in rows:
        value = json.loads(value_json)
        if facet == "":
            out["count"] = count
        elif facet in out["column"]:
            out["column"][facet][value] += count
        elif facet in out["array"]:
            out["array"][facet][value] += count
    return out


def _index_for(table: str, where: str) -> tuple[str | None, list[str] | None, bool]:
    """The covering index for this where clause: (name, columns, led by a column the where
    tests for equality); the first one when none is; (None, None, False) without any."""
    leads = FACET_INDEXES.get(table) or {}
    for lead, cols in leads.items():
        if any(f"{quoted} = " in where for quoted in (f'"{lead}"', f"[{lead}]", escape_sqlite(lead))):
            return facet_index_name(table, lead), cols, True
    if leads:
        lead, cols = next(iter(leads.items()))
        return facet_index_name(table, lead), cols, False
    return None, None, False


async def _grouped(ds, database, table, where, params, spec) -> dict:
    wanted = spec["column"] + spec["array"]
    index, cols, by_lead = _index_for(table, where)
    db = ds.databases[database]
    if index is not None and (set(cols) != set(wanted) or not await _has_index(db, index)):
        index = None
    if index is not None and " match " in where and not by_lead:
        # a search: the common words' counts are precomputed (dense_terms.py); the others match
        # a few percent of the rows at most, read by rowid faster than scanning the whole index
        index = None
    cols = cols if index is not None else wanted
    rows = (await ds.execute(database, grouped_sql(table, where, cols, index), params, truncate=False,
                             custom_time_limit=ds.setting("sql_time_limit_ms"))).rows
    return aggregate_facets(rows, cols, spec)


_INDEXES_SEEN: dict[tuple, bool] = {}


async def _has_index(db, name: str) -> bool:
    key = (id(db), getattr(db, "connection_key", "base"), name)
    if key not in _INDEXES_SEEN:
        found = await db.execute("select 1 from sqlite_master where type = 'index' and name = ?", [name])
        if len(_INDEXES_SEEN) > 1000:
            _INDEXES_SEEN.clear()
        _INDEXES_SEEN[key] = bool(found.rows)
    return _INDEXES_SEEN[key]


async def for_facet(facet) -> dict | None:
    """The shared counts for a Facet instance's SQL, if it is a table page of db.FACETS."""
    if not facet.table or facet.table not in FACETS:
        return None
    marker = f" from {escape_sqlite(facet.table)} "
    at = facet.sql.find(marker)
    if at < 0:
        return None
    return await compute(facet.ds, facet.database, facet.table, facet.sql[at + len(marker):], facet.params)


def facet_result(facet, column: str, counts: Counter, size: int, source: str, array: bool = False) -> dict:
    """One facet in Datasette's format, values by count (then value), `unknown` always shown."""
    request, ds = facet.request, facet.ds
    pairs = facet.get_querystring_pairs()
    known = sorted(((v, n) for v, n in counts.items() if v is not None and n),
                   key=lambda vn: (-vn[1], str(vn[0])))
    values = []
    for value, count in known[:size]:
        arg = f"{column}__arraycontains" if array else (f"{column}__exact" if column.startswith("_") else column)
        selected = (arg, str(value)) in pairs
        path = (path_with_removed_args(request, {arg: str(value)}) if selected
                else path_with_added_args(request, {arg: value}))
        values.append({"value": value, "label": value, "count": count,
                       "toggle_url": ds.absolute_url(request, ds.urls.path(path)), "selected": selected})
    unknown = counts.get(None, 0)
    if unknown:
        arg = ("_unknown", column) if array else (f"{column}__isnull", "1")
        selected = arg in pairs
        path = (path_with_removed_args(request, {arg[0]: arg[1]}) if selected
                else path_with_added_args(request, {arg[0]: arg[1]}))
        values.append({"value": None, "label": UNKNOWN, "count": unknown,
                       "toggle_url": ds.absolute_url(request, ds.urls.path(path)), "selected": selected})
    toggle_arg = "_facet_array" if array else "_facet"
    return {"name": column, "type": "array" if array else "column", "hideable": source != "metadata",
            "toggle_url": ds.urls.path(path_with_removed_args(request, {toggle_arg: column})),
            "results": values, "truncated": len(known) > size}


def unknown_filter(request, table: str):
    """`?_unknown=col`: rows whose JSON list `col` (a db.FACETS array) is empty or missing."""
    spec = FACETS.get(table)
    wanted = request.args.getlist("_unknown") if spec else []
    cols = [c for c in wanted if c in spec["array"]] if wanted else []
    if not cols:
        return None
    return FilterArguments(
        [UNKNOWN_ARRAY.format(c=f"{escape_sqlite(table)}.{escape_sqlite(c)}") for c in cols],
        human_descriptions=[f"{c} unknown" for c in cols])


_ORIGINAL_EXECUTE = Database.execute


async def _execute(self, sql, params=None, *args, **kwargs):
    """Database.execute, answering a table page's count from the shared counts, and running
    the rows query of a search for a common word in page order (dense_terms.py)."""
    store = _REQUEST.get()
    if store is not None and isinstance(sql, str):
        if sql.startswith("select count(*) from "):
            m = _COUNT_SQL.match(sql)
            if m:
                table = m.group(1).strip("[]")
                if table in FACETS:
                    result = await compute(self.ds, self.name, table, m.group(2), params)
                    if result is not None:
                        return Results([(result["count"],)], False, [("count(*)",)])
        elif "match escape_fts(:search)" in sql and isinstance(params, dict) and params.get("search"):
            sql = await _rows_sql(self, sql, params, store)
    return await _ORIGINAL_EXECUTE(self, sql, params, *args, **kwargs)


EXISTS_MISSES = 2_000  # rows of a filtered page without the word: the most EXISTS may probe in vain


async def _rows_sql(db, sql: str, params: dict, store: dict) -> str:
    """The rows query of a search for a common word, in page order (dense_terms.py): alone, by
    the word's share of the table; with filters on facet columns, by EXISTS only when the word
    is in at least EXISTS_SHARE of the filtered rows, at most EXISTS_MISSES of them lack it
    (counted from the groups) and SQLite's plan walks an index in page order (no sort): then
    one page costs about one probe per row shown. Otherwise Datasette's SQL, unchanged."""
    m = dense_terms.ROWS_WHERE.search(sql)
    table = m.group(1).strip("[]") if m else None
    split = dense_terms.split_search(m.group(2)) if table in FACETS else None
    if split is None or split[0] is None:
        return sql
    clause, rest = split
    term = await dense_terms.dense_term(db, table, clause.group(2), params["search"], store)
    if not term:
        return sql
    if not rest:
        return dense_terms.rewrite_rows_sql(sql, table, await dense_terms.share_of(db, table, term))
    with_word, filtered = (await group_rows(db, table, term, rest, params, store),
                           await group_rows(db, table, "", rest, params, store))
    if with_word is None or filtered is None:
        return sql
    hits, rows = sum(r[-1] for r in with_word[1]), sum(r[-1] for r in filtered[1])
    if not rows or hits < dense_terms.EXISTS_SHARE * rows or rows - hits > EXISTS_MISSES:
        return sql
    candidate = dense_terms.rewrite_rows_sql(sql, table, 1.0)
    try:
        plan = [r[-1] for r in (await _ORIGINAL_EXECUTE(db, "explain query plan " + candidate, params)).rows]
    except Exception:
        return sql
    if plan and plan[0].startswith("SEARCH") and not any("TEMP B-TREE FOR ORDER BY" in p for p in plan):
        return candidate
    return sql


def install() -> None:
    """Route Database.execute through _execute (once; Datasette's class, like the filters)."""
    if Database.execute is not _execute:
        Database.execute = _execute
