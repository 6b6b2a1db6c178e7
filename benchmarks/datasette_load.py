"""Datasette latency under load on the SYNTHETIC database (issue 7, target 4): p95 of facet
pages and full-text searches, measured with ApacheBench (`ab`, Debian package apache2-utils)
against `tracker serve` on 127.0.0.1.

    python benchmarks/datasette_load.py                 # builds benchmarks/out/datasette/synthetic.db
                                                        # first if missing (benchmarks/datasette_db.py)
    python benchmarks/datasette_load.py --requests 200 --repeats 3 --concurrency 1

For each URL: 5 warm-up requests, then `ab -n 200 -c 1` (200 requests, one at a time),
--repeats times; the p50/p95/max of each repeat come from ab's percentile table, and the
median of the repeats is reported. The server is the real command, `python -m scrapers --db
benchmarks/out/datasette/synthetic.db serve --port P` (metadata.yml, read-only, immutable),
started in a subprocess and stopped at the end. Exit status 0 when every p95 < 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.datasette_db import DEFAULT_OUT  # noqa: E402

TARGET_MS = 100
PATHS = [  # {db} is the database name (its file stem)
    ("designations, default facets", "/{db}/designations"),
    ("press_releases, default facets", "/{db}/press_releases"),
    ("designations ?_search=guzman", "/{db}/designations?_search=guzman"),
    ("press_releases ?_search=fentanyl", "/{db}/press_releases?_search=fentanyl"),
    ("designations facet filter countries=Mexico", "/{db}/designations?countries__arraycontains=Mexico"),
    ("press_releases facet filter agency=Treasury", "/{db}/press_releases?agency=Treasury"),
    ("defendants ?_search=garcia", "/{db}/defendants?_search=garcia"),
]


# `tracker serve`'s own Datasette command line (scrapers.serve) plus extra --setting pairs
EXPERIMENT = """
import json, sys, tempfile
from pathlib import Path
from scrapers.serve import datasette_args, find_metadata, load_metadata, run_datasette
db, port, extra = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
with tempfile.TemporaryDirectory() as tmp:
    meta = Path(tmp) / "metadata.json"
    meta.write_text(json.dumps(load_metadata(find_metadata(None), db.stem)))
    args = datasette_args(db, host="127.0.0.1", port=port, metadata=meta)
    for name, value in extra.items():
        args += ["--setting", name, value]
    run_datasette(args)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"tracker serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout:.0f}s")


def ab(url: str, n: int, c: int) -> dict:
    done = subprocess.run(["ab", "-q", "-n", str(n), "-c", str(c), url], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"ab failed on {url}: {done.stderr or done.stdout}")
    out = done.stdout
    pct = {int(p): float(ms) for p, ms in re.findall(r"^\s+(\d+)%\s+(\d+)", out, re.M)}
    # ab counts a page whose length differs from the first one's as "failed" (Length): dynamic
    # pages do that (timings in the footer); only connection/receive errors and exceptions count
    m = re.search(r"\(Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)\)", out)
    failed = sum(int(x) for x in m.groups()) if m else 0
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    return {"p50": pct.get(50), "p95": pct.get(95), "max": pct.get(100), "failed": failed,
            "non2xx": int(non2xx.group(1)) if non2xx else 0, "rps": rps}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", help="only URLs whose label contains this")
    ap.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                    help="experiment: serve with this Datasette setting on top of tracker serve's"
                         " (same metadata and arguments, started through scrapers.serve)")
    args = ap.parse_args(argv)
    if not shutil.which("ab"):
        raise SystemExit("ab (ApacheBench) not found: apt-get install apache2-utils")
    if not args.db.exists():
        print(f"{args.db} missing: building it (benchmarks/datasette_db.py)", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "datasette_db.py"), "--out", str(args.db)],
                       check=True)
    port = free_port()
    name = args.db.stem
    if args.setting:
        cmd = [sys.executable, "-c", EXPERIMENT, str(args.db), str(port), json.dumps(dict(args.setting))]
    else:
        cmd = [sys.executable, "-m", "scrapers", "--db", str(args.db), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    failures = 0
    try:
        wait_ready(base + f"/{name}", proc)
        import sqlite3

        con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        rows = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("press_releases", "designations")}
        label = con.execute("select value from build_info where key = 'synthetic'").fetchone()
        con.close()
        print(f"{args.db} ({args.db.stat().st_size / 1e6:,.0f} MB): {rows['press_releases']:,} press releases,"
              f" {rows['designations']:,} designations{' -- ' + label[0] if label else ''}")
        if args.setting:
            print("EXPERIMENT: tracker serve's Datasette with " + ", ".join(f"--setting {k} {v}" for k, v in args.setting))
        print(f"ab -n {args.requests} -c {args.concurrency}, {args.repeats} repeat(s), median of repeats;"
              f" load average {os.getloadavg()[0]:.2f} at start")
        print(f"{'page':48s} {'p50':>6s} {'p95':>6s} {'max':>6s} {'req/s':>7s}  p95 of each repeat")
        for label_, path in PATHS:
            if args.only and args.only not in label_:
                continue
            url = base + path.format(db=name)
            for _ in range(5):
                with urllib.request.urlopen(url, timeout=60) as r:
                    r.read()
            runs = [ab(url, args.requests, args.concurrency) for _ in range(args.repeats)]
            bad = sum(r["failed"] + r["non2xx"] for r in runs)
            med = {k: statistics.median(r[k] for r in runs) for k in ("p50", "p95", "max", "rps")}
            ok = med["p95"] < TARGET_MS and not bad
            each = ", ".join(f"{r['p95']:.0f}" for r in runs)
            failures += not ok
            print(f"{label_:48s} {med['p50']:5.0f}ms {med['p95']:5.0f}ms {med['max']:5.0f}ms {med['rps']:7.1f}"
                  f"  {each}{'' if ok else '  <-- MISSED' + (f' ({bad} failed)' if bad else '')}",
                  flush=True)
        print(f"URLs: {base}/{name}/...; load average {os.getloadavg()[0]:.2f} at the end;"
              f" target p95 < {TARGET_MS} ms: {'met' if not failures else f'{failures} missed'}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
