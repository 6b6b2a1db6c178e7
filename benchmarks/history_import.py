"""`tracker import sdn-history` on a directory of list versions, side by side with the floor
of merely reading and hashing the raw lines of every version (issue 17, items 2 and 3).

    python benchmarks/history_import.py DIR                 # DIR/<version>/sdn.csv, e.g. the 281 real
                                                            # versions: ../shared/corpus/ofac/history/
                                                            # versions.py unpack ... DIR
    python benchmarks/history_import.py DIR --runs 3 --full # + the whole-file parse of every version

Each run, in one process, in this order: the floor (read every sdn.csv, split it into lines,
put the lines in a set: what comparing two versions by their raw lines cannot do without),
then the import (the real command, in-process, into a fresh temporary directory: archiving
every version, then building the database), then with --full the same import with every
version parsed whole (the incremental reading switched off), whose database must be identical.
Reported: wall and CPU seconds of each, the import / floor ratios (median and spread over the
runs), the archive's size, the bytes each version added to it (median, largest), and whether
the databases are the same.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from scrapers.cli import cli
from scrapers.db import content_hashes
from scrapers.sources.sdn.source import SdnSource


def clock():
    return time.perf_counter(), time.process_time()


def since(start):
    return time.perf_counter() - start[0], time.process_time() - start[1]


def floor(directory: Path) -> tuple[float, float]:
    start = clock()
    for version in sorted(directory.iterdir()):
        f = version / "sdn.csv"
        if f.is_file():
            set(f.read_bytes().splitlines(keepends=True))
    return since(start)


def run_import(directory: Path, work: Path, full: bool) -> tuple[float, float, Path]:
    original = SdnSource._read_changed
    if full:
        SdnSource._read_changed = lambda *a, **k: None
    try:
        SdnSource._snapshot = None
        db = work / "tracker.db"
        start = clock()
        result = CliRunner().invoke(cli, ["-q", "--db", str(db), "import", "sdn-history", str(directory)])
        took = since(start)
    finally:
        SdnSource._read_changed = original
    if result.exit_code != 0:
        raise SystemExit(f"import failed: {result.output[-2000:]}")
    return took[0], took[1], db


def archive_figures(archive: Path) -> dict:
    import sqlite3
    conn = sqlite3.connect(archive / "index.sqlite")     # the index as it stays on disk
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    files = [p for p in (archive / "blobs").rglob("*") if p.is_file()]
    deltas = sorted(p.stat().st_size for p in files if p.suffix == ".delta")
    return {"archive_bytes": sum(p.stat().st_size for p in archive.rglob("*") if p.is_file()),
            "blobs_bytes": sum(p.stat().st_size for p in files), "whole_files": sum(p.suffix == ".gz" for p in files),
            "deltas": len(deltas), "delta_median": statistics.median(deltas) if deltas else 0,
            "delta_max": deltas[-1] if deltas else 0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--full", action="store_true", help="also import with every version parsed whole")
    args = ap.parse_args()
    versions = sum(1 for p in args.directory.iterdir() if p.is_dir())
    rows = []
    for n in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            fl = floor(args.directory)
            wall, cpu, db = run_import(args.directory, Path(tmp) / "inc", full=False)
            figures = archive_figures(db.parent / "archive")
            row = {"floor": fl, "import": (wall, cpu), **figures}
            if args.full:
                fw, fc, fdb = run_import(args.directory, Path(tmp) / "full", full=True)
                row["full"] = (fw, fc)
                row["same_database"] = content_hashes(db) == content_hashes(fdb)
            rows.append(row)
            print(f"run {n + 1}: floor {fl[0]:.1f}s wall / {fl[1]:.1f}s cpu; import {wall:.1f}s / {cpu:.1f}s"
                  + (f"; whole-file parse {row['full'][0]:.1f}s / {row['full'][1]:.1f}s,"
                     f" same database: {row['same_database']}" if args.full else ""), flush=True)
    ratio = [r["import"][0] / r["floor"][0] for r in rows]
    ratio_cpu = [r["import"][1] / r["floor"][1] for r in rows]
    print(f"\n{versions} versions, {args.runs} run(s), load average {os.getloadavg()[0]:.1f}")
    print(f"import / floor: wall x{statistics.median(ratio):.1f} (x{min(ratio):.1f}..x{max(ratio):.1f}),"
          f" cpu x{statistics.median(ratio_cpu):.1f} (x{min(ratio_cpu):.1f}..x{max(ratio_cpu):.1f})")
    if args.full:
        speed = [r["full"][1] / r["import"][1] for r in rows]
        print(f"whole-file parse / import (cpu): x{statistics.median(speed):.1f} (x{min(speed):.1f}..x{max(speed):.1f});"
              f" same database every run: {all(r['same_database'] for r in rows)}")
    r = rows[-1]
    print(f"archive {r['archive_bytes'] / 1e6:.2f} MB (blobs {r['blobs_bytes'] / 1e6:.2f} MB: {r['whole_files']} whole"
          f" files, {r['deltas']} deltas, median {r['delta_median'] / 1e3:.1f} kB, largest {r['delta_max'] / 1e3:.1f} kB)")


if __name__ == "__main__":
    main()
