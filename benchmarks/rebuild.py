"""`tracker rebuild` throughput on the archive of a DOJ backfill, plus database and archive
sizes (issue 7, targets 3 and 5). SYNTHETIC releases (scrapers/fakeweb/doj_synthetic.py).

    python benchmarks/rebuild.py                               # 50,000 releases, 12% fentanyl-related
    python benchmarks/rebuild.py --fentanyl-share 1            # every release classified AND extracted
    python benchmarks/rebuild.py --releases 250000 --runs 1    # DOJ's order of magnitude
    python benchmarks/rebuild.py --profile                     # + one rebuild under cProfile

1. Backfill: the real command `python -m scrapers --db <tmp>/tracker.db update --source doj
   --since 1990-01-01 --rate 1000` against scrapers/fakeweb/doj_api.py on 127.0.0.1 (bodies
   padded to DOJ-like lengths, --body-chars, default 3,500 characters of HTML).
2. Rebuild: `python -m scrapers --db <tmp>/tracker.db rebuild`, --runs times (median and best
   reported). releases/s = releases read from the archived pages / wall time of the whole
   command (process start, reading and decompressing every page, classification of every
   release, extraction of the fentanyl-related ones, writing rows, links, FTS, indexes, swap).
3. Sizes: tracker.db bytes per stored release (with its prosecutions, defendants and their
   FTS/index shares, from SQLite's dbstat), the raw archive per 10,000 releases read and its
   gzip compression ratio (bytes as fetched / bytes stored).
Everything happens in a temporary folder, deleted afterwards (unless --keep).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from db_size import measure

from scrapers.fakeweb.doj_api import FakeDojApi

ROOT = Path(__file__).resolve().parent.parent


def backfill(tmp: Path, args) -> dict:
    api = FakeDojApi(args.releases, fentanyl_share=args.fentanyl_share, body_chars=args.body_chars).start()
    env = dict(os.environ, TRACKER_BASE_URLS=f"https://www.justice.gov={api.url},https://justice.gov={api.url}")
    cmd = [sys.executable, "-m", "scrapers", "--db", str(tmp / "tracker.db"), "-q", "update", "--source", "doj",
           "--since", "1990-01-01", "--rate", "1000"]
    started = time.monotonic()
    try:
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    finally:
        api.stop()
    if done.returncode != 0:
        raise SystemExit(f"backfill failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return {"seconds": time.monotonic() - started, "pages": len(api.pages_requested())}


def rebuild(db: Path) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "scrapers", "--db", str(db), "-q", "rebuild"]
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"rebuild failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    counts = {k: int(v.replace(",", "")) for k, v in re.findall(r"(\w+) ([\d,]+)", done.stdout.split("doj:", 1)[-1].split("\n")[0])}
    m = re.search(r"in ([\d.]+)s", done.stdout)
    counts["build_seconds"] = float(m.group(1)) if m else None
    return elapsed, counts


def profile_rebuild(db: Path, top: int) -> str:
    """One rebuild in this process under cProfile: the functions with the most own time."""
    from click.testing import CliRunner

    from scrapers.cli import cli

    prof = cProfile.Profile()
    prof.enable()
    result = CliRunner().invoke(cli, ["--db", str(db), "-q", "rebuild"])
    prof.disable()
    if result.exit_code != 0:
        raise SystemExit(f"profiled rebuild failed: {result.output}")
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def archive_sizes(archive: Path) -> dict:
    con = sqlite3.connect(f"file:{archive / 'index.sqlite'}?mode=ro", uri=True)
    try:
        rows = con.execute("select distinct sha256, size from responses where source = 'doj' and sha256 is not null"
                           " and status = 200").fetchall()
    finally:
        con.close()
    raw = sum(size for _, size in rows)
    stored = sum((archive / "blobs" / sha[:2] / f"{sha}.gz").stat().st_size for sha, _ in rows)
    index = sum(p.stat().st_size for p in archive.glob("index.sqlite*"))
    return {"raw": raw, "stored": stored, "index": index, "blobs": len(rows)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--releases", type=int, default=50_000)
    ap.add_argument("--fentanyl-share", type=float, default=0.12)
    ap.add_argument("--body-chars", type=int, default=3500,
                    help="pad release bodies to about this many characters of HTML (0: short template bodies)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="also profile one rebuild (cProfile)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--reuse", type=Path, help="a folder a --keep run left: skip the backfill")
    args = ap.parse_args(argv)
    tmp = args.reuse or Path(tempfile.mkdtemp(prefix="rebuild-"))
    db = tmp / "tracker.db"
    try:
        print(f"SYNTHETIC DOJ archive: {args.releases:,} releases, {args.fentanyl_share:.0%} fentanyl-related,"
              f" bodies padded to ~{args.body_chars:,} chars; {tmp}")
        if not args.reuse:
            got = backfill(tmp, args)
            print(f"backfill: {got['pages']:,} page requests, {got['seconds']:.1f}s (update --since 1990-01-01 --rate 1000)")
        times, counts = [], {}
        for i in range(args.runs):
            load = os.getloadavg()[0]
            elapsed, counts = rebuild(db)
            times.append(elapsed)
            print(f"rebuild {i + 1}: {elapsed:.2f}s wall ({counts.get('build_seconds')}s in build), load average"
                  f" {load:.2f} before -> {counts.get('releases_read', 0) / elapsed:,.0f} releases/s")
        read = counts.get("releases_read", 0)
        med, best = statistics.median(times), min(times)
        print(f"releases read {read:,}, fentanyl-related stored {counts.get('stored', 0):,}, prosecutions"
              f" {counts.get('prosecutions', 0):,}, defendants {counts.get('defendants', 0):,}")
        print(f"rebuild: median {med:.2f}s -> {read / med:,.0f} releases/s; best {best:.2f}s -> {read / best:,.0f}"
              f" releases/s (target >= 2,000)")
        sizes = measure(db)
        stored = sizes["rows"].get("press_releases") or 1
        group = sizes["groups"]["press_releases"]
        print(f"tracker.db: {sizes['file']:,} bytes; per stored release {group / stored:,.0f} bytes (its row, prosecutions,"
              f" defendants, indexes and FTS: {group:,} bytes for {stored:,} releases); file size per stored release"
              f" {sizes['file'] / stored:,.0f}")
        print("  largest: " + ", ".join(f"{t} {b / 1e6:.1f} MB" for t, b in sorted(sizes["tables"].items(),
                                                                                 key=lambda kv: -kv[1])[:6]))
        arch = archive_sizes(tmp / "archive")
        per10k = arch["stored"] / max(read, 1) * 10_000
        print(f"archive (gzip per blob): {arch['blobs']:,} API pages, {arch['raw']:,} bytes as fetched ->"
              f" {arch['stored']:,} stored; compression ratio {arch['raw'] / max(arch['stored'], 1):.2f}x;"
              f" {per10k / 1e6:.2f} MB per 10,000 releases read (+ index.sqlite {arch['index'] / 1e6:.1f} MB)")
        if args.profile:
            print(profile_rebuild(db, args.top))
        return 0
    finally:
        if not args.keep and not args.reuse:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
