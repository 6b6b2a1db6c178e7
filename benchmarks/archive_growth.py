"""Archive bytes per new item, in the archive format as it is, and the growth per month it
makes (issue 17, item 6: where to keep the archive when one machine is outgrown).

    python benchmarks/archive_growth.py [--updates-per-day 4]

Stores REAL material from ../shared/corpus in a throw-away archive (scrapers/archive.py: one
gzip blob per distinct response, named by its sha256, plus one index row per response) and
reports what each kind of item costs on disk:
- the SDN list: the 281 real sdn.csv versions of 2021-12..2024-05 (ofac/history), each stored
  whole, as a fetch of a changed list stores it; and the real add.csv / alt.csv (ofac/sdn-later)
  and sdn_comments.csv sample, which a changed list brings too;
- Treasury: the three real whole release pages (treasury/pages), the three real Recent Actions
  pages (ofac/recent-actions);
- DOJ: the real API list pages of 50 releases (doj/real/page-*.json);
- the index row of one response (what a 304 or a repeated identical page costs).
Then the growth per month at the observed pace: list versions per month from
ofac/history/versions.tsv, OFAC releases (about 1,000 from 2021-12-15 to 2026-12, one in three
with a Recent Actions page) and DOJ's (about 23 a day, so DOJ's first API page differs at every
update run and is stored again whole), with `--updates-per-day` runs of `tracker update`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scrapers.archive import Archive

ROOT = Path(__file__).resolve().parent.parent

CORPUS = Path(os.environ.get("TRACKER_CORPUS", ROOT.parent / "shared" / "corpus"))
OFAC_RELEASES_PER_MONTH = 1000 / 60       # issue 17's stand-in pace: 1,000 OFAC releases in five years
RECENT_ACTIONS_SHARE = 1 / 3
DAYS_PER_MONTH = 30.44


def blob_bytes(archive: Archive, sha: str) -> int:
    return archive.stored_path(sha).stat().st_size      # its .gz, or its .delta


def store(archive: Archive, source: str, kind: str, content: bytes, url: str) -> int:
    """Bytes one new response adds: its blob (0 when the same bytes are stored already)."""
    known = archive.stored_path(__import__("hashlib").sha256(content).hexdigest()).exists()
    entry = archive.put(source, kind, content, url=url)
    return 0 if known else blob_bytes(archive, entry.sha256)


def index_row_bytes(archive: Archive, n: int = 2000) -> float:
    """The index's growth per response row (a 304, say), measured over `n` rows."""
    index = archive.root / "index.sqlite"
    archive.conn.execute("pragma wal_checkpoint(truncate)")
    before = index.stat().st_size
    for i in range(n):
        archive.put("sdn", "sdn.csv", None, url=f"https://sanctionslistservice.ofac.treas.gov/x{i % 4}",
                    status=304, headers={"etag": '"0123456789abcdef0123456789abcdef"',
                                         "last-modified": "Fri, 27 Jun 2025 14:05:00 GMT",
                                         "content-type": "text/csv", "date": "Fri, 27 Jun 2025 14:05:00 GMT"},
                    sha256="0" * 64, meta={"not_modified": True})
    archive.conn.execute("pragma wal_checkpoint(truncate)")
    return (index.stat().st_size - before) / n


def kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--updates-per-day", type=float, default=4.0, help="update runs a day (the workflow: every 6 h)")
    args = ap.parse_args(argv)
    history = CORPUS / "ofac" / "history"
    if not (history / "sdn-versions.json.xz").is_file():
        print(f"{CORPUS} is absent: nothing to measure (this harness reads real material)")
        return 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    spec = importlib.util.spec_from_file_location("corpus_versions", history / "versions.py")
    versions = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(versions)
    runs_per_month = args.updates_per_day * DAYS_PER_MONTH
    with tempfile.TemporaryDirectory(prefix="archive-growth-") as tmp:
        archive = Archive(Path(tmp) / "archive")
        # -- SDN list versions ------------------------------------------------------------------------
        per_version, names = [], []
        for name, raw in versions.versions(history / "sdn-versions.json.xz"):
            added = store(archive, "sdn", "sdn.csv", raw, "https://sanctionslistservice.ofac.treas.gov/SDN.CSV")
            names.append(name)
            per_version.append(added)
        first, later = per_version[0], per_version[1:]
        span_days = (dt.datetime.strptime(names[-1][:10], "%Y-%m-%d")
                     - dt.datetime.strptime(names[0][:10], "%Y-%m-%d")).days
        versions_per_month = (len(names) - 1) / (span_days / DAYS_PER_MONTH)
        others = {}
        for label, path in (("add.csv", CORPUS / "ofac/sdn-later/2026-06-02/add.csv"),
                            ("alt.csv", CORPUS / "ofac/sdn-later/2026-06-02/alt.csv"),
                            ("sdn_comments.csv", CORPUS / "ofac/sdn-format-samples/2021-07-07/sdn_comments.csv")):
            others[label] = store(archive, "sdn", label, path.read_bytes(), f"https://x/{label}")
        # -- Treasury and DOJ pages --------------------------------------------------------------------
        def pages(pattern: str, source: str, kind: str) -> list[tuple[int, int]]:
            out = []
            for path in sorted(CORPUS.glob(pattern)):
                raw = path.read_bytes()
                out.append((len(raw), store(archive, source, kind, raw, f"https://x/{path.name}")))
            return out

        treasury = pages("treasury/pages/*.html", "treasury", "release")
        recent = pages("ofac/recent-actions/recent-actions-*.html", "treasury", "recent-actions")
        doj = [p for p in pages("doj/real/page-*.json", "doj", "api-page")]
        row = index_row_bytes(archive)
    sdn_full = statistics.median(later) + sum(others.values())
    t_page = statistics.mean(b for _, b in treasury)
    ra_page = statistics.mean(b for _, b in recent)
    doj_full = [b for raw, b in doj if raw > 150_000]     # pages of 50 releases (the last ones are short)
    doj_page = statistics.median(doj_full)
    print(f"Archive format of commit {commit} (scrapers/archive.py: per distinct response a gzip blob, or a line"
          f" delta against the file before it where that is under a quarter of the file; an index row per response)")
    print(f"SDN list, {len(names)} real sdn.csv versions {names[0]} .. {names[-1]}: first {mb(first)},"
          f" each later one median {kb(statistics.median(later))} (mean {kb(statistics.mean(later))},"
          f" max {kb(max(later))}); all {len(names)}: {mb(sum(per_version))}")
    print("  with a changed list a fetch also stores: " + ", ".join(f"{k} {kb(v)}" for k, v in others.items())
          + f" -> about {mb(sdn_full)} per new list version")
    print(f"  {versions_per_month:.1f} new versions a month ({len(names) - 1} in {span_days} days)")
    print(f"Treasury release page (whole, real): {kb(t_page)} each ({', '.join(kb(b) for _, b in treasury)});"
          f" Recent Actions page: {kb(ra_page)}")
    print(f"DOJ API page of 50 releases (real): median {kb(doj_page)} ({len(doj_full)} pages)")
    print(f"index row per response: {row:,.0f} bytes")
    sdn_month = versions_per_month * sdn_full + runs_per_month * 4 * row
    treasury_month = OFAC_RELEASES_PER_MONTH * (t_page + RECENT_ACTIONS_SHARE * ra_page) + runs_per_month * row * 2
    doj_month = runs_per_month * (doj_page + row)
    print(f"\nGrowth per month at {args.updates_per_day:g} update runs a day:")
    print(f"  SDN list  {mb(sdn_month):>9}  ({versions_per_month:.1f} changed versions x {mb(sdn_full)}; 304s cost an"
          f" index row each)")
    print(f"  Treasury  {mb(treasury_month):>9}  ({OFAC_RELEASES_PER_MONTH:.0f} releases + Recent Actions pages;"
          " the listing's first page is stored again only when it changed)")
    print(f"  DOJ       {mb(doj_month):>9}  ({runs_per_month:.0f} runs x the first API page, new at every run)")
    total = sdn_month + treasury_month + doj_month
    print(f"  in all    {mb(total):>9} a month, {mb(total * 12)} a year")
    return 0


if __name__ == "__main__":
    sys.exit(main())
