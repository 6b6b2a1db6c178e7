"""`tracker run` on a fresh folder against stand-ins of realistic size (issue 17): seconds to
the first page, minutes until the backfills are complete, and what the site did meanwhile.

    python benchmarks/service_run.py                 # full size, default rates (about 18 minutes)
    python benchmarks/service_run.py --scale 0.1     # a tenth of the releases (about 2 minutes)

Stand-ins (scrapers/fakeweb/sources.py, one 127.0.0.1 server for every live host):
- the REAL SDN list when ../shared/corpus is present (ofac/sdn/2024-05-03/sdn.csv with the real
  add.csv and alt.csv of ofac/sdn-later/ and the real sdn_comments.csv sample; SYNTHETIC, 17,000
  entries, otherwise);
- 1,010 SYNTHETIC OFAC press releases spread from today back to 2021-11-27, of which 1,000 are
  within the backfill (since 2021-12-15): 10 per listing page, every third designating with
  its Recent Actions page;
- SYNTHETIC DOJ releases, 23 a day from today back past 2021-01-01: 996 API pages to walk.
Rate limits are the defaults (home.treasury.gov and ofac.treasury.gov 1 request/second each,
www.justice.gov 2/s, the Sanctions List Service 1/s).

Runs the real command `python -m scrapers --db <tmp>/tracker.db run --port P --update-every 0
--source sdn --source treasury --source doj` (the stand-ins do not serve the dates sources:
SDN_ENHANCED.XML, the delta files, the Federal Register) in a temporary folder (deleted afterwards) and meanwhile asks every `--poll` seconds for the
home page, a table page (a different query each time, so not from the page cache) and
/-/tracker-loading.json. Prints: seconds to the first answer; seconds to the first page saying
what is still loading; minutes until nothing is loading and the update is over; table-page
latency while the backfill goes on (p50, p95, max); the builds and their durations; the
requests the stand-in saw per host and HTTP status (a clean run: all 200/304). Exit status 0
when the first page came within 30 s and the run was clean.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scrapers.fakeweb.sources import FakeSources, free_port

ROOT = Path(__file__).resolve().parent.parent

CORPUS = Path(os.environ.get("TRACKER_CORPUS", ROOT.parent / "shared" / "corpus"))
SOURCES = ("sdn", "treasury", "doj")     # what the stand-ins serve (not the dates sources)


def real_sdn_files() -> dict[str, bytes] | None:
    ofac = CORPUS / "ofac"
    sdn = ofac / "sdn" / "2024-05-03" / "sdn.csv"
    if not sdn.is_file():
        return None
    later = ofac / "sdn-later" / "2026-06-02"
    comments = ofac / "sdn-format-samples" / "2021-07-07" / "sdn_comments.csv"
    return {"sdn.csv": sdn.read_bytes(), "add.csv": (later / "add.csv").read_bytes(),
            "alt.csv": (later / "alt.csv").read_bytes(), "sdn_comments.csv": comments.read_bytes()}


def get(url: str, timeout: float = 10.0) -> tuple[int, bytes, float]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        body = resp.read()
        return resp.status, body, time.monotonic() - started


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="share of the releases (1 = full size)")
    ap.add_argument("--poll", type=float, default=2.0)
    ap.add_argument("--timeout", type=float, default=3600.0, help="give up after this many seconds")
    ap.add_argument("--keep", type=Path, help="run in this folder and keep it (default: a temporary one)")
    args = ap.parse_args(argv)

    today = dt.date.today()
    sdn = real_sdn_files()
    treasury_n = max(12, round(1010 * args.scale))
    treasury_oldest = today - dt.timedelta(days=round((today - dt.date(2021, 11, 27)).days * args.scale))
    doj_days = (today - dt.date(2021, 1, 1)).days
    doj_per_day = 23
    doj_n = round((doj_days * args.scale + 30) * doj_per_day)
    since_doj = (today - dt.timedelta(days=round(doj_days * args.scale))).isoformat()
    since_treasury = (today - dt.timedelta(days=round((today - dt.date(2021, 12, 15)).days * args.scale))).isoformat()
    site = FakeSources(sdn_entries=2000 if sdn else 17000, sdn_files=sdn, treasury_releases=treasury_n,
                       treasury_oldest=treasury_oldest.isoformat(), doj_releases=doj_n, doj_per_day=doj_per_day,
                       newest=today.isoformat()).start()
    load = os.getloadavg()
    print(f"Stand-ins: SDN list {'REAL (corpus 2024-05-03)' if sdn else 'SYNTHETIC'}; {treasury_n:,} SYNTHETIC OFAC"
          f" releases back to {treasury_oldest} (backfill since {since_treasury}); {doj_n:,} SYNTHETIC DOJ releases,"
          f" {doj_per_day}/day (backfill since {since_doj}); load average {load[0]:.2f} {load[1]:.2f}", flush=True)
    port = free_port()
    tmp = None
    if args.keep:
        work = args.keep
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="service-run-")
        work = Path(tmp.name)
    (work / "tracker.toml").write_text(f'[doj]\nsince = "{since_doj}"\n[treasury]\nsince = "{since_treasury}"\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_BASE_URLS"] = site.env_value()
    log_path = work / "run.log"
    started = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(work / "tracker.db"), "run",
                                 "--port", str(port), "--update-every", "0",
                                 *[a for name in SOURCES for a in ("--source", name)]], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
    first = progress = finished = None
    latencies: list[float] = []
    shown: list[str] = []
    base = f"http://127.0.0.1:{port}"
    i = 0
    try:
        while time.monotonic() - started < args.timeout and proc.poll() is None:
            i += 1
            try:
                get(base + "/", timeout=5)
            except OSError:
                time.sleep(0.1 if first is None else args.poll)
                continue
            now = time.monotonic() - started
            if first is None:
                first = now
                print(f"first page after {first:.1f}s", flush=True)
            try:
                _, page, took = get(f"{base}/tracker/press_releases?_sort_desc=published&_size={20 + i % 30}")
                _, raw, _ = get(base + "/-/tracker-loading.json")
            except OSError as exc:
                print(f"  {now:.0f}s: request failed: {exc}", flush=True)
                time.sleep(args.poll)
                continue
            state = json.loads(raw)
            if state.get("updating") or state.get("lines"):
                latencies.append(took)
            text = page.decode("utf-8", "replace")
            if progress is None and "Still loading" in text:
                progress = now
                print(f"first page showing progress after {progress:.1f}s", flush=True)
            if state.get("lines") and (not shown or shown[-1] != "; ".join(state["lines"])):
                shown.append("; ".join(state["lines"]))
                if len(shown) % 10 == 1:
                    print(f"  {now / 60:5.1f} min: {shown[-1]}", flush=True)
            if not state.get("updating") and not state.get("lines"):
                finished = now
                break
            time.sleep(args.poll)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(120)
        except subprocess.TimeoutExpired:
            proc.kill()
        counts = site.counts()
        site.stop()
    out = log_path.read_text(errors="replace")
    builds = [float(m) for m in re.findall(r"^Database (?:updated|rebuilt) \(.*?\) in ([0-9.]+)s", out, re.M)]
    bad = {h: {s: n for s, n in c.items() if s not in ("200", "304")} for h, c in counts.items()}
    bad = {h: c for h, c in bad.items() if c}
    print(f"\nfirst page: {first:.1f}s" if first is not None else "\nfirst page: never")
    print(f"first page showing what is still loading: {progress:.1f}s" if progress is not None else
          "no page showed progress")
    print(f"backfill complete (nothing loading, update over): {finished / 60:.1f} min" if finished else
          "backfill not complete when the run stopped")
    if latencies:
        q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [latencies[0]] * 19
        print(f"table page while loading: {len(latencies)} requests, p50 {statistics.median(latencies) * 1000:.0f} ms,"
              f" p95 {q[18] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    if builds:
        print(f"builds: {len(builds)}, {sum(builds):.0f}s in all, median {statistics.median(builds):.1f}s,"
              f" longest {max(builds):.1f}s")
    print("requests seen by the stand-ins:")
    for host in sorted(counts):
        print(f"  {host:40s} " + ", ".join(f"{n:,} x HTTP {s}" for s, n in sorted(counts[host].items())))
    print(f"tracker exit status {proc.returncode}; its output: {log_path if args.keep else '(temporary)'}")
    for line in out.splitlines():
        if "Traceback" in line or "Error" in line:
            print("  " + line)
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.2f} {load[1]:.2f}")
    if tmp is not None:
        tmp.cleanup()
    return 0 if first is not None and first <= 30 and finished and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
