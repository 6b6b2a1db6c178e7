"""Requests of a `tracker update` (all three sources) when nothing is new (issue 7, target 1).

    python benchmarks/no_change_update.py              # SYNTHETIC sources: 2,000 SDN entries,
                                                       # 30 Treasury releases, 2,000 DOJ releases

Starts scrapers/fakeweb/sources.py (one 127.0.0.1 server standing in for the Sanctions List
Service, ofac.treasury.gov, home.treasury.gov and justice.gov; TRACKER_BASE_URLS points the
live hosts at it) and runs the real command `python -m scrapers --db <tmp>/tracker.db update`
in a subprocess, in a temporary folder deleted afterwards:

1. first run: everything is new (the SDN files, the Treasury listing, releases and Recent
   Actions pages, the DOJ API walk back to 2021-01-01); rate limits raised for this set-up
   run only (tracker.toml in the temporary folder);
2. second run, nothing changed on the server, default rate limits: the requests the server
   saw, per live host and HTTP status. Target: one request per listing/API source (OFAC's
   press-release listing, DOJ's API) and one conditional GET answered 304 per SDN file;
3. third run (information, no target): one new SDN entry, one new Treasury designation
   release and one new fentanyl DOJ release appear; what picking them up costs.
Exit status 0 when run 2 meets the target.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scrapers.fakeweb.sources import FakeSources
from scrapers.fakeweb.treasury_synthetic import listing, recent_actions_page, release_page

ROOT = Path(__file__).resolve().parent.parent

SDN_HOST = "sanctionslistservice.ofac.treas.gov"
TARGET = {SDN_HOST: {"304": 4}, "ofac.treasury.gov": {"200": 1}, "www.justice.gov": {"200": 1}}
FAST = """[http]
rate_limits = { "sanctionslistservice.ofac.treas.gov" = 1000.0, "ofac.treasury.gov" = 1000.0, "home.treasury.gov" = 1000.0, "www.justice.gov" = 1000.0, "justice.gov" = 1000.0 }
"""


def run(cmd: list[str], env: dict) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    return done, time.monotonic() - started


def show(label: str, counts: dict, seconds: float, done: subprocess.CompletedProcess) -> None:
    total = sum(sum(c.values()) for c in counts.values())
    print(f"{label}: {total} request(s), {seconds:.2f}s wall, exit {done.returncode}")
    for host in sorted(counts):
        print(f"  {host:40s} " + ", ".join(f"{n} x HTTP {s}" for s, n in sorted(counts[host].items())))
    last = [ln for ln in done.stdout.strip().splitlines() if ln.strip()]
    if last:
        print("  tracker said: " + " | ".join(ln.strip() for ln in last[:4]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sdn-entries", type=int, default=2000)
    ap.add_argument("--treasury-releases", type=int, default=30)
    ap.add_argument("--doj-releases", type=int, default=2000)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--no-new", action="store_true", help="skip run 3 (new items)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="no-change-"))
    db = tmp / "tracker.db"
    site = FakeSources(sdn_entries=args.sdn_entries, treasury_releases=args.treasury_releases,
                       doj_releases=args.doj_releases).start()
    env = dict(os.environ, TRACKER_BASE_URLS=site.env_value())
    cmd = [sys.executable, "-m", "scrapers", "--db", str(db), "update"]
    print(f"SYNTHETIC sources on {site.url}: {args.sdn_entries:,} SDN entries, {args.treasury_releases} Treasury"
          f" releases, {args.doj_releases:,} DOJ releases; load average {os.getloadavg()[0]:.2f}; {tmp}")
    print("$ tracker --db <tmp>/tracker.db update      (all sources)")
    try:
        (tmp / "tracker.toml").write_text(FAST)
        mark = site.mark()
        done, secs = run(cmd, env)
        show("run 1 (first update, everything new; rate limits raised)", site.counts(mark), secs, done)
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:])
            return 1
        (tmp / "tracker.toml").unlink()   # default rate limits from here on
        mark = site.mark()
        done, secs = run(cmd, env)
        second = site.counts(mark)
        show("run 2 (nothing new; default rate limits)", second, secs, done)
        got = {h: dict(c) for h, c in second.items()}
        ok = got == TARGET and done.returncode == 0
        print(f"  target: {', '.join(f'{h}: ' + ', '.join(f'{n} x HTTP {s}' for s, n in c.items()) for h, c in TARGET.items())}"
              f" -> {'met' if ok else 'MISSED'}")
        if not ok:
            for host, path, status in site.requests(mark):
                print(f"    {host} {path} {status}")
        if not args.no_new:
            publish_new(site)
            mark = site.mark()
            done, secs = run(cmd, env)
            show("run 3 (one new SDN entry, Treasury release and DOJ release; default rate limits)",
                 site.counts(mark), secs, done)
            if done.returncode != 0:
                print(done.stdout[-2000:], done.stderr[-2000:])
        return 0 if ok else 1
    finally:
        site.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


def publish_new(site: FakeSources) -> None:
    """One new SDN entry (the files change: new ETag), one new Treasury designation release on
    top of OFAC's listing (with its Recent Actions page), one new fentanyl DOJ release."""
    from scrapers.fakeweb.sdn_synthetic import SyntheticSdn

    extra = SyntheticSdn(1, seed=99, first_uid=site.sdn.entries[-1].uid + 1).entries[0]
    entries = site.sdn.entries + [extra]
    site.set_sdn_files(site.sdn.files(entries), "Mon, 30 Jun 2025 14:05:00 GMT")
    tr = site.treasury
    newest = tr.releases[0]
    rel = {"id": f"sx{len(tr.releases) + 1:04d}", "date": "2025-06-29", "designees": [extra],
           "title": f"Treasury Sanctions {extra.display_name}", "official": newest["official"]}
    tr.releases.insert(0, rel)
    pages = {k: v for k, v in site.pages.items() if not k.startswith("/ofac/press-releases")}
    chunks = [tr.releases[i:i + tr.per_page] for i in range(0, len(tr.releases), tr.per_page)]
    for n, chunk in enumerate(chunks):
        pages[f"/ofac/press-releases?page={n}"] = listing(chunk, n + 1 if n + 1 < len(chunks) else None)
    pages[f"/home/news/press-releases/{rel['id']}"] = release_page(rel)
    pages["/ofac/recent-actions/20250629"] = recent_actions_page(rel)
    site.pages = pages
    site.doj.publish(1)


if __name__ == "__main__":
    sys.exit(main())
