"""What the fault tests compare and record (the misbehaving server itself: scrapers/fakeweb/faults.py).

Comparing a database with the clean run's: `rows_by_key(db)` (rows by primary key),
`compare_rows(got, ref)` -> (lost, duplicated, differing), `hashes_without(db, volatile)`
(scrapers.db.content_hashes with columns such as fetch times left out), `sha(path)` (a file's
bytes, for "the refused run left the database as it was").

Running the tracker against a fault server: `CliTracker` (`tracker` in-process on one working
directory, with its settings file) and `fast_and_frozen(slept, frozen)` (waits recorded instead
of slept, every response archived at one fetch time).

The fault matrix: `record_fault(...)` adds a row to test-artifacts/fault-matrix.json (one row
per source and fault kind, merged across test runs), and

    python tests/faultmatrix.py render [test-artifacts/fault-matrix.json]

prints it as one markdown table, grouped by source (for BENCHMARKS.md / README).
"""
from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATRIX_PATH = ROOT / "test-artifacts" / "fault-matrix.json"


# -- comparing a database with the clean run's ---------------------------------------------------
def rows_by_key(db: Path, ignore: dict | None = None) -> dict[str, dict]:
    """{table: {primary key: row}} for every content table; `ignore` {table: {columns}} leaves
    out columns that say when or from which bytes, not what (tables keyed by a rowid, like
    `errors`, are keyed by their remaining content)."""
    import sqlite3

    ignore = {"errors": {"id", "recorded_at", "batch_id"}, **(ignore or {})}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            " and name not like '%_fts%' and name != 'build_info'")]
        out = {}
        for name in names:
            info = list(conn.execute(f"pragma table_info([{name}])"))
            cols = [r[1] for r in info if r[1] not in ignore.get(name, ())]
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] and r[1] in cols]
            rows = {}
            for row in conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{name}]"):
                rec = dict(zip(cols, row))
                key = tuple(rec[c] for c in pk) if pk else tuple(row)
                rows.setdefault(key, []).append(rec)
            out[name] = rows
        return out
    finally:
        conn.close()


def compare_rows(got: dict, ref: dict) -> tuple[int, int, int]:
    """(lost, duplicated, differing) between two rows_by_key() results: rows of the clean run
    missing; rows the clean run does not have (a record stored twice, under another key, or
    twice under one); rows present in both whose content differs."""
    lost = dup = differ = 0
    for table in set(got) | set(ref):
        g, r = got.get(table, {}), ref.get(table, {})
        lost += sum(len(v) for k, v in r.items() if k not in g)
        dup += sum(len(v) for k, v in g.items() if k not in r)
        for k in set(g) & set(r):
            dup += max(0, len(g[k]) - len(r[k]))
            lost += max(0, len(r[k]) - len(g[k]))
            differ += sum(1 for a, b in zip(g[k], r[k]) if a != b)
    return lost, dup, differ


def hashes_without(db: Path, volatile: dict[str, set]) -> dict:
    """scrapers.db.content_hashes of a copy of `db` with the `volatile` {table: {columns}} set
    to NULL (for runs whose fetch times or bytes legitimately differ from the clean run's)."""
    import shutil
    import sqlite3
    import tempfile

    from scrapers.db import content_hashes

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(db, copy)
        conn = sqlite3.connect(copy)
        for table, cols in volatile.items():
            conn.execute(f"update [{table}] set {', '.join(f'[{c}] = null' for c in cols)}")
        conn.commit()
        conn.close()
        return content_hashes(copy)


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# -- running the tracker against a fault server -------------------------------------------------
class CliTracker:
    """`tracker` in-process, on one working directory whose tracker.toml is `config`. `update`
    keeps to `source`; `env` is the process environment the CLI sees (by default none of the
    variables that would point it elsewhere than the settings file)."""

    source = ""
    env: dict = {"TRACKER_BASE_URLS": None, "TRACKER_PROGRAMS": None}

    def __init__(self, workdir: Path, config: str):
        self.dir = workdir
        self.db = workdir / "tracker.db"
        (workdir / "tracker.toml").write_text(config)

    def __call__(self, *args):
        from click.testing import CliRunner

        from scrapers.cli import cli

        result = CliRunner().invoke(cli, ["--db", str(self.db), *map(str, args)], env=self.env,
                                    catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def update(self, *args):
        return self("update", "--source", self.source, *args)


@contextlib.contextmanager
def fast_and_frozen(slept: list, frozen: str):
    """Backoff and Retry-After waits are recorded in `slept`, not slept; every archived response
    gets the fetch time `frozen`, so a run and the clean run can be compared byte for byte."""
    import pytest

    import scrapers.archive
    import scrapers.http

    class Client(scrapers.http.HttpClient):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("sleep", slept.append)
            super().__init__(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(scrapers.http, "HttpClient", Client)
        mp.setattr(scrapers.archive, "utcnow", lambda: frozen)
        yield


# -- the fault matrix -------------------------------------------------------------------------
SOURCE_ORDER = ("sdn", "treasury", "doj")


def record_fault(kind: str, server_did: str, outcome: str, rows_lost: int, rows_duplicated: int,
                 converged: bool | None = None, test: str | None = None, source: str = "sdn") -> None:
    """Add (or replace) one row of the fault matrix in test-artifacts/fault-matrix.json
    (one row per source and fault kind; rows written before `source` existed are SDN's)."""
    MATRIX_PATH.parent.mkdir(parents=True, exist_ok=True)
    rows = {}
    if MATRIX_PATH.exists():
        try:
            rows = {(r.get("source", "sdn"), r["kind"]): r for r in json.loads(MATRIX_PATH.read_text())["rows"]}
        except (ValueError, KeyError):
            rows = {}
    rows[(source, kind)] = {"source": source, "kind": kind, "server_did": server_did, "outcome": outcome,
                            "rows_lost": rows_lost, "rows_duplicated": rows_duplicated,
                            "rerun_converged": converged, "test": test,
                            "recorded_at": email.utils.formatdate(usegmt=True)}
    tmp = MATRIX_PATH.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"rows": sorted(rows.values(), key=_matrix_order)}, indent=1))
    os.replace(tmp, MATRIX_PATH)


def _matrix_order(r: dict) -> tuple:
    src = r.get("source", "sdn")
    return (SOURCE_ORDER.index(src) if src in SOURCE_ORDER else len(SOURCE_ORDER), src, r["kind"])


def render_matrix(path: Path = MATRIX_PATH) -> str:
    """One markdown table for every source, grouped by source (SDN, Treasury, DOJ)."""
    rows = sorted(json.loads(Path(path).read_text())["rows"], key=_matrix_order)
    out = ["| source | fault kind | what the server did | outcome | rows lost | rows duplicated | rerun converged |",
           "|---|---|---|---|---:|---:|---|"]
    for r in rows:
        conv = {True: "yes", False: "NO", None: "n/a"}[r.get("rerun_converged")]
        out.append(f"| {r.get('source', 'sdn')} | {r['kind']} | {r['server_did']} | {r['outcome']} | {r['rows_lost']} | "
                   f"{r['rows_duplicated']} | {conv} |")
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "render":
        print(render_matrix(Path(sys.argv[2]) if len(sys.argv) > 2 else MATRIX_PATH))
    else:
        print(__doc__)
