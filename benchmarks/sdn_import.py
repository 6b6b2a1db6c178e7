"""Full SDN list import vs. the floor (issue 2, "Done means").

    python benchmarks/sdn_import.py [PATH/TO/sdn.csv] [--runs 5]

Measures, in the same process and alternating so both see the same machine state:
- floor: read sdn.csv (Windows-1252) with the csv module and insert the raw 12-column rows
  into a new SQLite file with sqlite-utils `insert_all`;
- import: `tracker import sdn sdn.csv --program '*'` (every program in scope: ~15,000
  entries parsed into designations, aliases, identifiers, relationships, list history,
  full-text index), run through the CLI in-process, including archiving the raw file and
  the atomic swap.
Modules are imported and one warm-up run of each is done first; the figures are the
median and best of the timed runs. Default input: ../shared/corpus/ofac/sdn/2024-05-03/sdn.csv.
"""
from __future__ import annotations

import argparse
import csv
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
    started = time.perf_counter()
    with open(path, encoding="cp1252", newline="") as fh:
        rows = [dict(zip(COLS, r)) for r in csv.reader(fh) if len(r) == 12]
    db = sqlite_utils.Database(workdir / "floor.db")
    db["sdn"].insert_all(rows, pk="ent_num")
    db.conn.commit()
    db.conn.close()
    return time.perf_counter() - started


def full_import(path: Path, workdir: Path) -> float:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["--db", str(workdir / "tracker.db"), "-q", "import", "sdn", str(path),
                                      "--as-of", "2024-05-03", "--program", "*"])
    elapsed = time.perf_counter() - started
    if result.exit_code != 0:
        raise SystemExit(f"import failed: {result.output}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path} not found (pass the path of a full sdn.csv)")
    floors, imports = [], []
    for i in range(args.runs + 1):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            f, t = floor(args.path, Path(a)), full_import(args.path, Path(b))
            if i:  # the first round is a warm-up
                floors.append(f)
                imports.append(t)
            if i == args.runs:
                db = sqlite_utils.Database(Path(b) / "tracker.db")
                counts = {t: db[t].count for t in ("designations", "aliases", "identifiers", "relationships")}
    fm, im = statistics.median(floors), statistics.median(imports)
    print(f"input: {args.path} ({args.path.stat().st_size:,} bytes)")
    print(f"rows written by the import: {counts}")
    print(f"floor  (csv read + sqlite-utils insert of raw rows): median {fm:.3f}s  best {min(floors):.3f}s")
    print(f"import (tracker import sdn --program '*')          : median {im:.3f}s  best {min(imports):.3f}s")
    print(f"ratio import/floor: median {im / fm:.2f}  best {min(imports) / min(floors):.2f}  (target <= 2)")


if __name__ == "__main__":
    main()
