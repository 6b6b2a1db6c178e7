"""The site's forgiving search, in process (no HTTP), on a benchmark database: 200 names of
the designations table, each with one letter of its last word changed (the same misspellings
as `datasette_load.py`'s "site search: 200 misspelt names"), searched one after another.

    python benchmarks/site_search.py benchmarks/out/datasette/synthetic.db [--runs 3]

Reported per run: p50 / p95 / max milliseconds of a whole search (candidates, scoring, the
entries, defendants and releases shown) and of the candidates query alone.
"""
from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import random
import sqlite3
import time

from datasette_load import _misspell as misspell  # the load harness's own misspellings

search_module = importlib.import_module("scrapers.publish.site.search")


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def first(self):
        return self.rows[0] if self.rows else None


class _Db:
    """The part of Datasette's Database the search uses, over sqlite3, timing each query."""

    def __init__(self, path: str):
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.conn.row_factory = sqlite3.Row
        self.candidates_ms: list[float] = []

    async def execute(self, sql, params=()):
        start = time.perf_counter()
        rows = self.conn.execute(sql, params).fetchall()
        if "search_keys" in sql:
            self.candidates_ms.append((time.perf_counter() - start) * 1000)
        return _Rows(rows)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


async def one_run(db: _Db, queries: list[str]) -> list[float]:
    took = []
    for q in queries:
        start = time.perf_counter()
        await search_module.search(db, q)
        took.append((time.perf_counter() - start) * 1000)
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    db = _Db(args.db)
    rng = random.Random(7)
    names = [n for (n,) in db.conn.execute("select name from designations")]
    queries = [misspell(n, rng) for n in rng.sample(names, min(args.queries, len(names)))]
    for run in range(1, args.runs + 1):
        db.candidates_ms = []
        took = asyncio.run(one_run(db, queries))
        print(f"run {run} (load {os.getloadavg()[0]:.1f}): search p50 {pct(took, .5):.0f} p95 {pct(took, .95):.0f}"
              f" max {max(took):.0f} ms; candidates query p50 {pct(db.candidates_ms, .5):.0f}"
              f" p95 {pct(db.candidates_ms, .95):.0f} ms")


if __name__ == "__main__":
    main()
