"""Requests and wall time of a full DOJ backfill against the local fake API (SYNTHETIC releases).

    python benchmarks/doj_backfill.py --releases 250000 --rate 1000     # requests for N releases
    python benchmarks/doj_backfill.py --releases 2000 --rate 4          # wall time vs N/50/rate
    python benchmarks/doj_backfill.py --releases 20000 --rate 200 --kill-at 150   # kill, resume

Runs the real command, `python -m scrapers --db <tmp>/tracker.db update --source doj
--since 1990-01-01 --rate R`, in a subprocess against scrapers/fakeweb/doj_api.py (started
in this process on 127.0.0.1; TRACKER_BASE_URLS points justice.gov at it), in a temporary
folder that is deleted afterwards. Reports the page requests the server saw (target:
ceil(N/50), +1 at most), the walk's duration measured at the server (first to last
request) against N/50 / rate, the whole command's time (walk + building the database),
and with --kill-at K: the process is SIGKILLed while it waits for page K, rerun, and the
pages served twice are counted (target: none).
"""
from __future__ import annotations

import argparse
import math
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scrapers.fakeweb.doj_api import FakeDojApi

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--releases", type=int, default=250_000)
    ap.add_argument("--rate", type=float, default=1000.0, help="requests per second (--rate of tracker update)")
    ap.add_argument("--per-day", type=int, default=60)
    ap.add_argument("--fentanyl-share", type=float, default=0.12)
    ap.add_argument("--full-bodies", action="store_true", help="realistic bodies (default: short ones, small archive)")
    ap.add_argument("--kill-at", type=int, default=None, metavar="PAGE")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    n = args.releases
    tmp = Path(tempfile.mkdtemp(prefix="doj-backfill-"))
    db = tmp / "tracker.db"
    api = FakeDojApi(n, per_day=args.per_day, fentanyl_share=args.fentanyl_share, short=not args.full_bodies).start()
    env = dict(os.environ, TRACKER_BASE_URLS=f"https://www.justice.gov={api.url},https://justice.gov={api.url}")
    cmd = [sys.executable, "-m", "scrapers", "--db", str(db), "update", "--source", "doj",
           "--since", "1990-01-01", "--rate", str(args.rate)]
    print(f"SYNTHETIC fake API: {n:,} releases ({args.per_day}/day), {args.fentanyl_share:.0%} fentanyl-related;"
          f" rate {args.rate:g} req/s; {tmp}")
    print("$ " + " ".join(cmd[2:]))
    runs = []
    try:
        if args.kill_at is not None:
            hold = api.hold_page(args.kill_at)
            started = time.monotonic()
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not api.held.wait(3600):
                print("the walk never reached the page to kill at")
                return 1
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            hold.set()
            runs.append(("killed run", time.monotonic() - started))
            print(f"killed (SIGKILL) while waiting for page {args.kill_at}; pages served so far:"
                  f" {len(api.pages_served()):,}")
        started = time.monotonic()
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.monotonic() - started
        runs.append(("run" if args.kill_at is None else "resumed run", elapsed))
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:])
            return 1
        requested = api.pages_requested()
        served = api.pages_served()
        arrivals = api.arrival_times()
        pages = len(requested)
        target = math.ceil(n / 50)
        print(f"page requests: {pages:,} (target ceil(N/50) = {target:,}, +1 at most);"
              f" pages served twice: {len(served) - len(set(served))}")
        walk = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else 0.0
        ideal = n / 50 / args.rate
        print(f"walk duration at the server (first to last request): {walk:.2f}s; N/50/rate = {ideal:.2f}s;"
              f" ratio {walk / ideal:.3f}")
        m = re.search(r"Database .* in ([\d.]+)s", done.stdout)
        build = float(m.group(1)) if m else None
        for label, secs in runs:
            print(f"{label}: {secs:.1f}s wall" + (f" (of which building the database {build:.1f}s)"
                                                  if build is not None and label != "killed run" else ""))
        con = sqlite3.connect(db)
        stored = con.execute("select count(*) from press_releases where agency = 'DOJ'").fetchone()[0]
        pros = con.execute("select count(*) from prosecutions").fetchone()[0]
        defs = con.execute("select count(*) from defendants").fetchone()[0]
        con.close()
        size = db.stat().st_size
        arch = sum(p.stat().st_size for p in (tmp / "archive").rglob("*") if p.is_file())
        print(f"stored: {stored:,} fentanyl-related releases, {pros:,} prosecutions, {defs:,} defendants;"
              f" tracker.db {size / 1e6:.1f} MB, archive {arch / 1e6:.1f} MB"
              f" ({arch / n * 10_000 / 1e6:.2f} MB per 10,000 releases read)")
        return 0 if pages <= target + 1 and len(served) == len(set(served)) else 1
    finally:
        api.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
