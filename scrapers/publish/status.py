"""What `tracker status` (and a stale `tracker run`) reports.

Per source: the last successful update (the newest batch of its data swapped into the
database), the last attempt and, if it failed, why; batches rejected since the last
success; input problems (the `errors` table) in total and since a date (default: the
last successful run); the newest observation / release dates; row counts. Plus recent
runs, builds a kill interrupted (recovered by the next command) and the archive's size.

Read-only: the database and the archive index are opened with `mode=ro`.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..errors import damaged_reason

SOURCES = ("sdn", "treasury", "doj", "enhanced", "deltas", "fedreg")

COUNTS = {
    "designations_listed": "select count(*) from designations where listed = 1",
    "designations_removed": "select count(*) from designations where listed = 0",
    "aliases": "select count(*) from aliases",
    "addresses": "select count(*) from addresses",
    "identifiers": "select count(*) from identifiers",
    "list_observations": "select count(*) from list_observations",
    "list_events": "select count(*) from list_events",
    "treasury_releases": "select count(*) from press_releases where agency = 'Treasury'",
    "treasury_eo14059": "select count(*) from press_releases where agency = 'Treasury' and is_eo14059 = 1",
    "doj_releases": "select count(*) from press_releases where agency = 'DOJ'",
    "prosecutions": "select count(*) from prosecutions",
    "defendants": "select count(*) from defendants",
    "errors": "select count(*) from errors",
    "designations_dated": "select count(*) from designations where listed = 1 and designated_on is not null",
    "enhanced_entries": "select count(distinct uid) from enhanced_entries",
    "delta_files_read": "select count(*) from delta_files where fetched = 1",
    "delta_files_listed": "select count(*) from delta_files where listed = 1",
    "fr_notices": "select count(*) from fr_documents",
    "fr_entries_linked": "select count(*) from fr_entries where uid is not null",
}
LATEST = {
    "sdn": ("sdn_observation", "select max(observed_on) from list_observations"),
    "treasury": ("treasury_release", "select max(published) from press_releases where agency = 'Treasury'"),
    "doj": ("doj_release", "select max(published) from press_releases where agency = 'DOJ'"),
    "enhanced": ("enhanced_export", "select max(data_as_of) from enhanced_entries"),
    "deltas": ("delta_file", "select max(published_on) from delta_files where fetched = 1"),
    "fedreg": ("fr_notice", "select max(publication_date) from fr_documents"),
}
SOURCE_COUNTS = {
    "sdn": ("designations_listed", "list_observations"),
    "treasury": ("treasury_releases", "treasury_eo14059"),
    "doj": ("doj_releases", "prosecutions", "defendants"),
    "enhanced": ("enhanced_entries", "designations_dated"),
    "deltas": ("delta_files_read", "delta_files_listed"),
    "fedreg": ("fr_notices", "fr_entries_linked"),
}


def _ro(path: Path) -> sqlite3.Connection:
    """Read-only. On a read-only file system SQLite cannot open a write-ahead-log database
    (the archive index) even to read it: then it is read as an immutable file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("select 1 from sqlite_master limit 1").fetchall()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        conn.execute("select 1 from sqlite_master limit 1").fetchall()
    return conn


def _one(conn: sqlite3.Connection, sql: str, args=()):
    try:
        row = conn.execute(sql, args).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def staleness(db_path: Path) -> str:
    """One line: when the database was built and what its newest data is."""
    if not db_path.exists():
        return f"{db_path} does not exist yet."
    try:
        conn = _ro(db_path)
    except sqlite3.Error:
        return f"{db_path} could not be read."
    try:
        built = _one(conn, "select value from build_info where key = 'built_at'")
        obs = _one(conn, "select max(observed_on) from list_observations")
        try:
            rel = conn.execute("select agency, max(published) from press_releases group by agency").fetchall()
        except sqlite3.Error:
            rel = []
    finally:
        conn.close()
    parts = [f"Serving data last built {built or 'at an unknown time'}"]
    if obs:
        parts.append(f"SDN list as of {obs}")
    parts += [f"newest {agency} release {date}" for agency, date in rel if date]
    return "Stale: " + "; ".join(parts) + "."


def collect_status(db_path: Path, archive_path: Path, since: str | None = None) -> dict:
    """Everything `tracker status` prints, as a dict (`--json`). `since` (an ISO date or
    time) is where "errors since" starts; default, per source: its last successful update."""
    db_path, archive_path = Path(db_path), Path(archive_path)
    info: dict = {"database": str(db_path), "archive": str(archive_path), "sources": {}}
    index = archive_path / "index.sqlite"
    if index.exists():
        try:
            _archive_status(index, info, since)
        except sqlite3.Error as exc:
            info["archive_error"] = f"{index}: {damaged_reason(exc) or exc}"
    info["errors_since"] = since
    if db_path.exists():
        try:
            conn = _ro(db_path)
        except sqlite3.Error as exc:
            info["database_error"] = str(damaged_reason(exc) or exc)
            return info
        try:
            _database_status(conn, info, since)
        except sqlite3.Error as exc:
            info["database_error"] = str(damaged_reason(exc) or exc)
        finally:
            conn.close()
    return info


def _archive_status(index: Path, info: dict, since: str | None) -> None:
    conn = _ro(index)
    try:
        last_ok_run = _one(conn, "select max(started_at) from runs where status = 'ok'")
        info["last_successful_run"] = last_ok_run
        for source in SOURCES:
            ok = conn.execute(
                "select id, created_at, observed_on from batches where source = ? and status = 'applied'"
                " order by id desc limit 1", (source,)).fetchone()
            last = conn.execute(
                "select id, created_at, status, reason from batches where source = ? order by id desc limit 1",
                (source,)).fetchone()
            rejected_since = conn.execute(
                "select id, created_at, reason from batches where source = ? and status = 'rejected'"
                " and id > ? order by id", (source, ok[0] if ok else 0)).fetchall()
            info["sources"][source] = {
                "last_success": ok[1] if ok else None,
                "last_success_batch": ok[0] if ok else None,
                "last_attempt": last[1] if last else None,
                "last_status": last[2] if last else None,
                "last_failure_reason": last[3] if last and last[2] == "rejected" else None,
                "rejected_since_success": [{"batch": r[0], "at": r[1], "reason": r[2]} for r in rejected_since],
                "rejected_batches": _one(conn, "select count(*) from batches where source = ? and status = 'rejected'",
                                         (source,)) or 0,
            }
        info["interrupted_batches"] = [
            {"batch": r[0], "source": r[1], "created_at": r[2]} for r in
            conn.execute("select id, source, created_at from batches where status = 'building' order by id")]
        runs = conn.execute("select command, started_at, finished_at, status, message from runs"
                            " order by id desc limit 5").fetchall()
        info["recent_runs"] = [dict(zip(("command", "started", "finished", "status", "message"), r)) for r in runs]
        info["failed_runs_since"] = _one(
            conn, "select count(*) from runs where status not in ('ok', 'running') and started_at >= ?",
            (since or last_ok_run or "",)) or 0
        row = conn.execute("select count(*), coalesce(sum(size), 0) from responses").fetchone()
        info["archive_responses"], info["archive_bytes"] = row
    finally:
        conn.close()


def _database_status(conn: sqlite3.Connection, info: dict, since: str | None) -> None:
    info["built_at"] = _one(conn, "select value from build_info where key = 'built_at'")
    if info["built_at"] is None:
        info["database_error"] = "not a tracker database (no build_info)"
    info["programs"] = json.loads(_one(conn, "select value from build_info where key = 'programs'") or "[]")
    info["counts"] = {k: _one(conn, sql) for k, sql in COUNTS.items()}
    info["latest"] = {name: _one(conn, sql) for name, sql in LATEST.values()}
    try:
        errors = conn.execute("select source, batch_id, recorded_at from errors").fetchall()
    except sqlite3.Error:
        errors = []
    # "since": --since, else per source the start of its last successful update
    starts = {src: since or (info["sources"].get(src) or {}).get("last_success") for src in SOURCES}
    by_source: dict[str, dict] = {}
    for source, _batch_id, recorded_at in errors:
        bucket = by_source.setdefault(source, {"total": 0, "since": 0})
        bucket["total"] += 1
        start = starts.get(source, since)
        if start is None or (recorded_at or "") >= start:
            bucket["since"] += 1
    info["errors_by_source"] = {k: v["total"] for k, v in by_source.items()}
    info["errors_since_by_source"] = {k: v["since"] for k, v in by_source.items()}
    for source in SOURCES:
        s = info["sources"].setdefault(source, {"last_success": None, "last_status": None,
                                                 "rejected_since_success": []})
        s["latest"] = info["latest"].get(LATEST[source][0])
        s["counts"] = {k: info["counts"].get(k) for k in SOURCE_COUNTS[source]}
        s["errors"] = by_source.get(source, {}).get("total", 0)
        s["errors_since"] = by_source.get(source, {}).get("since", 0)
        s["errors_since_date"] = starts.get(source)


def format_status(info: dict) -> str:
    lines = [f"Database: {info['database']}" + (f" (built {info['built_at']})" if info.get("built_at")
                                                 else " (not built yet)")]
    if info.get("database_error"):
        lines.append(f"  PROBLEM: {info['database_error']}")
    if info.get("archive_error"):
        lines.append(f"Archive: PROBLEM: {info['archive_error']}")
    if info.get("programs"):
        lines.append(f"Tracked programs: {', '.join(info['programs'])}")
    since = info.get("errors_since")
    lines.append("Sources:")
    for source, s in info.get("sources", {}).items():
        line = f"  {source:9} last success {s.get('last_success') or 'never'}"
        if s.get("latest"):
            line += f"; newest data {s['latest']}"
        counts = {k: v for k, v in (s.get("counts") or {}).items() if v is not None}
        if counts:
            line += "; " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in counts.items())
        if s.get("errors"):
            line += f"; input problems {s['errors']:,}"
            if s.get("errors_since_date"):
                line += f" ({s['errors_since']:,} since {s['errors_since_date']})"
        lines.append(line)
        if s.get("last_status") == "rejected":
            reason = (s["last_failure_reason"] or "").replace("\n", "\n              ")
            lines.append(f"            last attempt {s['last_attempt']} FAILED: {reason}")
        elif len(s.get("rejected_since_success") or []) > 0:
            lines.append(f"            {len(s['rejected_since_success'])} rejected batch(es) since the last success")
    for b in info.get("interrupted_batches") or []:
        lines.append(f"  interrupted build left {b['source']} batch {b['batch']} ({b['created_at']}):"
                     " the next command applies it")
    if info.get("counts"):
        lines.append("Rows:")
        for key, value in info["counts"].items():
            if value is not None:
                lines.append(f"  {key.replace('_', ' '):22} {value:,}")
    if info.get("failed_runs_since"):
        lines.append(f"Failed or partial runs since {since or info.get('last_successful_run') or 'the start'}:"
                     f" {info['failed_runs_since']}")
    if info.get("recent_runs"):
        r = info["recent_runs"][0]
        message = (r.get("message") or "").replace("\n", "\n    ")
        lines.append(f"Last run: {r['command']} at {r['started']}: {r['status']}" + (f" ({message})" if message else ""))
    if "archive_responses" in info:
        lines.append(f"Archive: {info['archive_responses']:,} responses, {info['archive_bytes']:,} bytes raw")
    return "\n".join(lines)
