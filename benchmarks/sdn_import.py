"""Full SDN list import vs. the floor (issue 2, "Done means").

    python benchmarks/sdn_import.py [PATH/TO/sdn.csv] [--runs 5]

Measures, in the same process and alternating so both see the same machine state:
- floor: read sdn.csv (Windows-1252) with the csv module and insert the raw 12-column rows
  into a new SQLite file with sqlite-utils `insert_all`;
- import: `tracker import sdn sdn.csv --program '*'` (every program in scope: ~15,000
  entries parsed into designations, aliases, identifiers, relationships, list history,
  full-text index), run through the CLI in-process, including archiving the raw file and
  the atomic swap.
Modules are imported and one warm-up run of each is done first; the garbage collector runs
(untimed) before each timed run, and every functools cache of the project is emptied before each
import, as a new `tracker` process starts with them empty (a cache filled by the run before would
make the import look faster than a command line's). Reported: the median and
best of each, and the ratio of each pair (import / the floor run just before it): its median
and spread (lowest..highest). Default input: ../shared/corpus/ofac/sdn/2024-05-03/sdn.csv.

--scope default imports with the configured programs only (E.O. 14059 by default: every row is
read, only the tracked entries are built), as `tracker update` does every day; the target is
measured with every program in scope (the default, --scope all).

--cpu measures everything in CPU seconds of this process (a busy machine's other work left
out; the floor and the import are both single-threaded). --phases also splits each import's time into what it spends reading the list into its own
tables (parse, build entries, write designations and their child rows), the derived passes
(designation dates, links) and finalize (indexes, full-text index, facet counts, name-search
keys); the rest is the command around them (archiving the file, checks, the atomic swap).

--same-output also times a second floor that writes what the import writes: the csv read as
above, then every row of the import's tables (read from the last import's database before any
timed run; SQLite's and the FTS index's own tables left out) inserted with sqlite-utils
`insert_all` into a new file, and the same full-text index made with `enable_fts`. It is the
cost of the import's output alone, without reading the list; reported as a second ratio.

--sqlite-time also measures, in each timed import, the time spent inside SQLite: every call of
the sqlite3 module's connections and cursors (execute, executemany, executescript, fetching rows,
commit) timed through a Connection subclass that `sqlite3.connect` hands out during the import.
It is the part of the import no change to the Python around it can remove (the writes, the index
and full-text builds, the reads back); 2x the floor minus it is what would be left for all the
Python (reading the csv, building the entries, the derived passes' own work, the command). The
timing wrappers add a little to the import's total in those runs.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import gc
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner

from scrapers.cli import cli

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ofac" / "sdn" / "2024-05-03" / "sdn.csv"
COLS = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT",
        "Vess_flag", "Vess_owner", "Remarks"]


def csv_rows(path: Path) -> list[dict]:
    """sdn.csv (Windows-1252) read with the csv module: the raw 12-column rows, as dicts."""
    with open(path, encoding="cp1252", newline="") as fh:
        return [dict(zip(COLS, r)) for r in csv.reader(fh) if len(r) == 12]


def floor(path: Path, workdir: Path) -> float:
    started = clock()
    rows = csv_rows(path)
    db = sqlite_utils.Database(workdir / "floor.db")
    db["sdn"].insert_all(rows, pk="ent_num")
    db.conn.commit()
    db.conn.close()
    return clock() - started


def output_rows(db_path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of the import's tables (FTS shadow tables and SQLite's own left out)."""
    db = sqlite_utils.Database(db_path)
    out = {}
    for name in db.table_names():
        if name.startswith("sqlite_") or "_fts" in name:
            continue
        cols = [c.name for c in db[name].columns]
        out[name] = (cols, db.execute(f"select * from [{name}]").fetchall())
    db.conn.close()
    return out


def same_output_floor(path: Path, workdir: Path, output: dict) -> float:
    """The csv read, then the import's rows written with sqlite-utils (see the module doc)."""
    started = clock()
    csv_rows(path)   # (read as the floor reads it; the rows written are the import's)
    db = sqlite_utils.Database(workdir / "same.db")
    for name, (cols, rows) in output.items():
        if rows:
            db[name].insert_all((dict(zip(cols, r)) for r in rows))
    db["designations"].enable_fts(["name", "aliases_text", "remarks"], tokenize="unicode61 remove_diacritics 2")
    db.conn.commit()
    db.conn.close()
    return clock() - started


PROGRAMS = ["--program", "*"]     # --scope default: the configured programs (E.O. 14059), as `tracker update` runs


def clear_caches() -> None:
    """Empty every functools.lru_cache of the project's modules (see the module doc)."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("scrapers"):
            obj.cache_clear()


def full_import(path: Path, workdir: Path) -> float:
    clear_caches()
    started = clock()
    result = CliRunner().invoke(cli, ["--db", str(workdir / "tracker.db"), "-q", "import", "sdn", str(path),
                                      "--as-of", "2024-05-03", *PROGRAMS])
    elapsed = clock() - started
    if result.exit_code != 0:
        raise SystemExit(f"import failed: {result.output}")
    return elapsed


PHASES: dict[str, float] = {}
clock = time.perf_counter     # --cpu: time.process_time (this process's CPU: the neighbours excluded)


SQLITE = [0.0]     # --sqlite-time: seconds inside SQLite calls during the current import


class _TimedCursor(sqlite3.Cursor):
    """A cursor whose calls into SQLite add their time to SQLITE (see the module doc)."""

    def _timed(self, fn, *args):
        started = clock()
        try:
            return fn(*args)
        finally:
            SQLITE[0] += clock() - started

    def execute(self, *args):
        return self._timed(super().execute, *args)

    def executemany(self, *args):
        return self._timed(super().executemany, *args)

    def executescript(self, *args):
        return self._timed(super().executescript, *args)

    def fetchone(self):
        return self._timed(super().fetchone)

    def fetchmany(self, *args):
        return self._timed(super().fetchmany, *args)

    def fetchall(self):
        return self._timed(super().fetchall)

    def __next__(self):
        return self._timed(super().__next__)


class _TimedConnection(sqlite3.Connection):
    def cursor(self, factory=_TimedCursor):
        return super().cursor(factory)

    def execute(self, *args):
        return self.cursor().execute(*args)

    def executemany(self, *args):
        return self.cursor().executemany(*args)

    def executescript(self, *args):
        return self.cursor().executescript(*args)

    def commit(self):
        started = clock()
        try:
            return super().commit()
        finally:
            SQLITE[0] += clock() - started

    def __exit__(self, *args):
        started = clock()
        try:
            return super().__exit__(*args)
        finally:
            SQLITE[0] += clock() - started


@contextlib.contextmanager
def sqlite_timed():
    """While inside: every new sqlite3 connection times its SQLite calls into SQLITE."""
    plain = sqlite3.connect

    def connect(*args, **kwargs):
        kwargs.setdefault("factory", _TimedConnection)
        return plain(*args, **kwargs)

    SQLITE[0] = 0.0
    sqlite3.connect = connect
    try:
        yield
    finally:
        sqlite3.connect = plain


def time_phases() -> None:
    """Add each phase's time to PHASES (wrapping the build's functions; see the module doc)."""
    from scrapers import build, db

    def timed(name, fn):
        def run(*a, **k):
            started = clock()
            try:
                return fn(*a, **k)
            finally:
                PHASES[name] = PHASES.get(name, 0.0) + clock() - started
        return run

    build._apply_batch = timed("list", build._apply_batch)
    build.DERIVATIONS = tuple(timed("derived", d) for d in build.DERIVATIONS)
    db.finalize = timed("finalize", db.finalize)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--phases", action="store_true", help="split the import's time (see the module doc)")
    ap.add_argument("--same-output", action="store_true",
                    help="also time a floor that writes the import's rows with sqlite-utils (see the module doc)")
    ap.add_argument("--sqlite-time", action="store_true",
                    help="also time the import's calls into SQLite (see the module doc)")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds of this process instead of wall-clock time")
    ap.add_argument("--scope", choices=["all", "default"], default="all",
                    help="all: every program in scope (the target's measure); default: the configured programs only"
                         " (every row read, the tracked entries built: what a daily update does)")
    args = ap.parse_args()
    if args.scope == "default":
        PROGRAMS.clear()
    if args.cpu:
        global clock
        clock = time.process_time
    if not args.path.exists():
        raise SystemExit(f"{args.path} not found (pass the path of a full sdn.csv)")
    if args.phases:
        time_phases()
    floors, imports, phases, sames, in_sqlite = [], [], [], [], []
    output = None
    if args.same_output:
        with tempfile.TemporaryDirectory() as b:
            full_import(args.path, Path(b))
            output = output_rows(Path(b) / "tracker.db")
    for i in range(args.runs + 1):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            PHASES.clear()
            # each timed run starts from a collected heap, as in a fresh process: garbage the
            # run before left (cycles wait while the import pauses the collector) is not
            # charged to the next one
            gc.collect()
            f = floor(args.path, Path(a))
            gc.collect()
            with sqlite_timed() if args.sqlite_time else contextlib.nullcontext():
                t = full_import(args.path, Path(b))
            if output is not None:
                gc.collect()
                sames.append(same_output_floor(args.path, Path(a), output))
            if i:  # the first round is a warm-up
                floors.append(f)
                imports.append(t)
                phases.append(dict(PHASES, other=t - sum(PHASES.values())))
                in_sqlite.append(SQLITE[0])
            if i == args.runs:
                db = sqlite_utils.Database(Path(b) / "tracker.db")
                counts = {t: db[t].count for t in ("designations", "aliases", "identifiers", "relationships")}
    fm, im = statistics.median(floors), statistics.median(imports)
    print(f"input: {args.path} ({args.path.stat().st_size:,} bytes)")
    print(f"rows written by the import: {counts}")
    print(f"floor  (csv read + sqlite-utils insert of raw rows): median {fm:.3f}s  best {min(floors):.3f}s")
    what = "tracker import sdn --program '*'" if PROGRAMS else "tracker import sdn (default scope)"
    print(f"import ({what}){' ' * max(0, 43 - len(what))}: median {im:.3f}s  best {min(imports):.3f}s")
    ratios = sorted(t / f for f, t in zip(floors, imports))
    print(f"ratio import/floor, per pair: median {statistics.median(ratios):.2f}  spread {ratios[0]:.2f}..{ratios[-1]:.2f}"
          f"  (best/best {min(imports) / min(floors):.2f}; target <= 2)")
    if output is not None:
        sames = sames[1:]
        sm = statistics.median(sames)
        same_ratios = sorted(t / s for s, t in zip(sames, imports))
        print(f"same-output floor ({sum(len(r) for _, r in output.values()):,} rows in {len(output)} tables,"
              f" sqlite-utils): median {sm:.3f}s  best {min(sames):.3f}s")
        print(f"ratio import/same-output floor, per pair: median {statistics.median(same_ratios):.2f}"
              f"  spread {same_ratios[0]:.2f}..{same_ratios[-1]:.2f}")
    if args.sqlite_time:
        sq = statistics.median(in_sqlite)
        shares = sorted(q / t for q, t in zip(in_sqlite, imports))
        print(f"inside SQLite during the import: median {sq:.3f}s ({min(in_sqlite):.3f}..{max(in_sqlite):.3f}),"
              f" {sq / fm:.2f}x the floor's median, {statistics.median(shares):.0%} of the import"
              f" ({shares[0]:.0%}..{shares[-1]:.0%}); left for everything else at 2x the floor:"
              f" {2 * fm - sq:.3f}s, against {im - sq:.3f}s now")
    if args.phases:
        for name in ("list", "derived", "finalize", "other"):
            got = sorted(p.get(name, 0.0) for p in phases)
            print(f"  {name:9s}: median {statistics.median(got):.3f}s ({got[0]:.3f}..{got[-1]:.3f});"
                  f" {statistics.median(got) / fm:.2f}x the floor's median")


if __name__ == "__main__":
    main()
