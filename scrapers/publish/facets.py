"""A Datasette plugin for query speed: array facets that count without copying rows, array
filters that skip rows cheaply, and memory-mapped reads.

Array filters (`countries__arraycontains=Mexico`, what a click on an array facet adds): Datasette
tests every row with `:p in (select value from json_each(countries))`, a JSON parse per row,
and a filtered page runs that test once for its count and once per facet. A JSON array whose
text has no backslash holds its strings verbatim, so a row whose text does not contain the
value cannot contain it: `instr()` rules those rows out first and json_each decides the rest
(any text with a backslash -- an escape -- always goes to json_each). Same rows, 1.2-4x faster
per query on the benchmark's designations.

Memory-mapped reads: a table page of the benchmark database reads thousands of rows whose
release texts make them several kilobytes each; through SQLite's small page cache every row
is a read() call. Mapping the (immutable, read-only) file lets SQLite use the operating
system's page cache directly: 2-3x faster filtered counts and facets (BENCHMARKS.md).

Array facets (`countries`, `programs`):

Datasette 0.65's array facet counts each (value, row) pair once by running
`select distinct j.value, inner.*` over the filtered table: every column of every row is
copied into a temporary b-tree just to remove duplicates. On `designations` (36 columns,
remarks included) that is 85-120 ms per facet at 20,000 entries, most of a page's time
(upstream: simonw/datasette#2008). For a table with a single-column primary key (or rowid)
the same counts come from `count(distinct <key>)`, which SQLite answers from the key and the
array column alone: 15-20 ms.

Same facet type ("array"), same metadata (`facets: [{array: countries}]`), same URLs,
same results; views and compound keys keep Datasette's own query. `tracker serve` registers
the plugin (scrapers/publish/serve.py, the one place plugins are registered); the filter SQL
is swapped by its `startup` hook. Plain `datasette tracker.db` gives the same results with
Datasette's own (slower) facet and filter.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ArrayFacet, ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from . import shared_counts


class KeyedArrayFacet(ArrayFacet):
    """ArrayFacet counting distinct row keys instead of distinct whole rows."""

    async def _row_key(self) -> str | None:
        if not self.table:
            return None
        db = self.ds.databases[self.database]
        if not await db.table_exists(self.table):  # a view: no key to count by
            return None
        pks = await db.primary_keys(self.table)
        if len(pks) == 1:
            return escape_sqlite(pks[0])
        if not pks and self.sql.lstrip().lower().startswith("select rowid"):
            return "rowid"
        return None

    async def facet_results(self):
        key = await self._row_key()
        if key is None:
            return await super().facet_results()
        results, timed_out = [], []
        size = self.get_facet_size()
        pairs = self.get_querystring_pairs()
        shared = await shared_counts.for_facet(self)
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            if shared is not None and column in shared["array"]:
                results.append(shared_counts.facet_result(self, column, shared["array"][column], size,
                                                          source_and_config["source"], array=True))
                continue
            sql = (
                f"with inner as ({self.sql}) "
                f"select j.value as value, count(distinct inner.{key}) as count "
                f"from inner join json_each(inner.{escape_sqlite(column)}) j "
                f"group by j.value order by count desc, value limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            for row in rows.rows[:size]:
                value = str(row["value"])
                arg = {f"{column}__arraycontains": value}
                selected = (f"{column}__arraycontains", value) in pairs
                path = (path_with_removed_args(self.request, arg) if selected
                        else path_with_added_args(self.request, arg))
                values.append({"value": value, "label": value, "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected})
            results.append({
                "name": column,
                "type": self.type,
                "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_array": column})),
                "truncated": len(rows) > size,
            })
        return results, timed_out


class SharedColumnFacet(ColumnFacet):
    """ColumnFacet whose counts come from the request's shared counts (scrapers/publish/
    shared_counts.py: one query for the count and every facet, or the build's precomputed
    counts for a whole table), with an `unknown` bucket for empty values. Columns outside
    db.FACETS keep Datasette's own query."""

    async def facet_results(self):
        shared = await shared_counts.for_facet(self)
        if shared is None:
            return await super().facet_results()
        size = self.get_facet_size()
        results, rest = [], []
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            if column in shared["column"]:
                results.append(shared_counts.facet_result(self, column, shared["column"][column], size,
                                                          source_and_config["source"]))
            else:
                rest.append(source_and_config)
        timed_out = []
        if rest:
            original = self.get_configs
            self.get_configs = lambda: rest
            try:
                more, timed_out = await super().facet_results()
            finally:
                self.get_configs = original
            results += more
        return results, timed_out


DATASETTE_ARRAYCONTAINS = """:{p} in (select value from json_each({t}.{c}))"""
FAST_ARRAYCONTAINS = ("(case when instr({t}.{c}, :{p}) > 0 or instr({t}.{c}, '\\') > 0"
                      " then :{p} in (select value from json_each({t}.{c})) else 0 end)")


def _fast_arraycontains() -> None:
    """Swap the SQL of Datasette's `arraycontains` filter (only if it is the one we know)."""
    from datasette.filters import Filters

    for f in Filters._filters:
        if getattr(f, "key", None) == "arraycontains" and getattr(f, "sql_template", None) == DATASETTE_ARRAYCONTAINS:
            f.sql_template = FAST_ARRAYCONTAINS


@hookimpl
def startup(datasette):
    """Datasette's filters are class-level: the swap is made once Datasette starts, not when
    this module is imported. So is the shared count (shared_counts.install)."""
    _fast_arraycontains()
    shared_counts.install()

MMAP_BYTES = 2**31  # SQLite's default ceiling; the file is read-only, the mapping costs no memory


@hookimpl
def prepare_connection(conn, database, datasette):
    """Memory-map every file-backed database Datasette opens."""
    db = datasette.databases.get(database)
    if db is not None and getattr(db, "path", None) and not db.is_memory:
        conn.execute(f"pragma mmap_size = {MMAP_BYTES}")


@hookimpl(hookwrapper=True)
def register_facet_classes():
    """Swap Datasette's ArrayFacet for KeyedArrayFacet, ColumnFacet for SharedColumnFacet."""
    swap = {ArrayFacet: KeyedArrayFacet, ColumnFacet: SharedColumnFacet}
    outcome = yield
    outcome.force_result([[swap.get(cls, cls) for cls in classes] for classes in outcome.get_result()])


@hookimpl
def asgi_wrapper(datasette):
    return shared_counts.per_request


@hookimpl
def filters_from_request(request, database, table, datasette):
    return shared_counts.unknown_filter(request, table)
