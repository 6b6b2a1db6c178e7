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
(untimed) before each timed run. Reported: the median and
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
"""
from __future__ import annotations

import argparse
import csv
import gc
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


def floor(path: Path, workdir: Path) -> float:
    started = clock()
    with open(path, encoding="cp1252", newline="") as fh:
        rows = [dict(zip(COLS, r)) for r in csv.reader(fh) if len(r) == 12]
    db = sqlite_utils.Database(workdir / "floor.db")
    db["sdn"].insert_all(rows, pk="ent_num")
    db.conn.commit()
    db.conn.close()
    return clock() - started


PROGRAMS = ["--program", "*"]     # --scope default: the configured programs (E.O. 14059), as `tracker update` runs


def full_import(path: Path, workdir: Path) -> float:
    started = clock()
    result = CliRunner().invoke(cli, ["--db", str(workdir / "tracker.db"), "-q", "import", "sdn", str(path),
                                      "--as-of", "2024-05-03", *PROGRAMS])
    elapsed = clock() - started
    if result.exit_code != 0:
        raise SystemExit(f"import failed: {result.output}")
    return elapsed


PHASES: dict[str, float] = {}
clock = time.perf_counter     # --cpu: time.process_time (this process's CPU: the neighbours excluded)


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
    floors, imports, phases = [], [], []
    for i in range(args.runs + 1):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            PHASES.clear()
            # each timed run starts from a collected heap, as in a fresh process: garbage the
            # run before left (cycles wait while the import pauses the collector) is not
            # charged to the next one
            gc.collect()
            f = floor(args.path, Path(a))
            gc.collect()
            t = full_import(args.path, Path(b))
            if i:  # the first round is a warm-up
                floors.append(f)
                imports.append(t)
                phases.append(dict(PHASES, other=t - sum(PHASES.values())))
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
    if args.phases:
        for name in ("list", "derived", "finalize", "other"):
            got = sorted(p.get(name, 0.0) for p in phases)
            print(f"  {name:9s}: median {statistics.median(got):.3f}s ({got[0]:.3f}..{got[-1]:.3f});"
                  f" {statistics.median(got) / fm:.2f}x the floor's median")


if __name__ == "__main__":
    main()
