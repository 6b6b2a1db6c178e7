"""Database size per press release and per SDN designation (issue 7, target 5).

    python benchmarks/db_size.py DB                       # any tracker database (read-only)
    python benchmarks/db_size.py --sdn-corpus             # import the real 2024-05-03 sdn.csv (all
                                                          # programs) into a temporary db, then measure

Bytes come from SQLite's dbstat table (pages each table and index really uses), grouped by
what one row brings with it: a designation brings its aliases, addresses, identifiers,
relationships, list events and its share of the FTS index; a press release its prosecutions,
defendants, links, designee rows and FTS shares. "per row" = group bytes / rows of the main
table. The file size per row (everything, free pages included) is printed too.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SDN = ROOT.parent / "shared" / "corpus" / "ofac" / "sdn" / "2024-05-03" / "sdn.csv"
GROUPS = {
    "designations": ["designations", "designations_fts", "aliases", "addresses", "identifiers", "relationships",
                     "list_events", "list_observations"],
    "press_releases": ["press_releases", "press_releases_fts", "prosecutions", "defendants", "defendants_fts",
                       "release_links", "press_release_designations", "recent_actions", "link_candidates",
                       "conflicts"],
}


def measure(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        pages = dict(con.execute("select name, sum(pgsize) from dbstat group by name"))
        owner = dict(con.execute("select name, tbl_name from sqlite_master where type in ('table', 'index')"))
        names = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        rows = {t: con.execute(f"select count(*) from [{t}]").fetchone()[0]
                for t in ("designations", "press_releases") if t in names}
        agencies = dict(con.execute("select agency, count(*) from press_releases group by agency")) \
            if "press_releases" in names else {}
    finally:
        con.close()
    by_table: dict[str, int] = {}
    for name, size in pages.items():
        table = re.sub(r"_fts_(data|idx|docsize|config|content)$", "_fts", owner.get(name, name))
        by_table[table] = by_table.get(table, 0) + size
    groups = {group: sum(size for t, size in by_table.items() if t in members) for group, members in GROUPS.items()}
    return {"file": db.stat().st_size, "tables": by_table, "groups": groups, "rows": rows, "agencies": agencies}


def report(db: Path, label: str = "") -> dict:
    m = measure(db)
    print(f"{label or db}: {m['file']:,} bytes")
    for group, size in m["groups"].items():
        n = m["rows"].get(group, 0)
        if n:
            extra = f" ({', '.join(f'{a} {c:,}' for a, c in m['agencies'].items())})" if group == "press_releases" else ""
            print(f"  per {group[:-1]}: {size / n:,.0f} bytes ({size:,} bytes for {n:,} rows{extra},"
                  f" with the rows that belong to them, indexes and FTS)")
    big = sorted(m["tables"].items(), key=lambda kv: -kv[1])[:8]
    print("  largest: " + ", ".join(f"{t} {s / 1e6:.1f} MB" for t, s in big))
    return m


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", nargs="?", type=Path)
    ap.add_argument("--sdn-corpus", action="store_true", help=f"import {CORPUS_SDN} (all programs) first")
    args = ap.parse_args(argv)
    if args.sdn_corpus:
        if not CORPUS_SDN.exists():
            raise SystemExit(f"{CORPUS_SDN} not found")
        from click.testing import CliRunner

        from scrapers.cli import cli

        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "tracker.db"
            r = CliRunner().invoke(cli, ["--db", str(db), "-q", "import", "sdn", str(CORPUS_SDN), "--as-of",
                                         "2024-05-03", "--program", "*"])
            if r.exit_code:
                raise SystemExit(r.output)
            report(db, f"real SDN list 2024-05-03, all programs ({CORPUS_SDN.stat().st_size:,} bytes of sdn.csv)")
        return 0
    if not args.db:
        ap.error("give a database, or --sdn-corpus")
    report(args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
