"""What `tracker status` (and a stale `tracker run`) reports: runs, counts, dates, errors."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def staleness(db_path: Path) -> str:
    """One line: when the database was built and what its newest data is."""
    if not db_path.exists():
        return f"{db_path} does not exist yet."
    conn = _ro(db_path)
    try:
        built = conn.execute("select value from build_info where key = 'built_at'").fetchone()
        obs = conn.execute("select max(observed_on) from list_observations").fetchone()
        rel = conn.execute("select agency, max(published) from press_releases group by agency").fetchall()
    except sqlite3.Error:
        return f"{db_path} could not be read."
    finally:
        conn.close()
    parts = [f"Serving data last built {built[0] if built else 'at an unknown time'}"]
    if obs and obs[0]:
        parts.append(f"SDN list as of {obs[0]}")
    parts += [f"newest {agency} release {date}" for agency, date in rel if date]
    return "Stale: " + "; ".join(parts) + "."


def collect_status(db_path: Path, archive_path: Path) -> dict:
    info: dict = {"database": str(db_path), "archive": str(archive_path), "sources": {}}
    index = archive_path / "index.sqlite"
    if index.exists():
        conn = _ro(index)
        try:
            for source in ("sdn", "treasury", "doj"):
                ok = conn.execute(
                    "select max(created_at) from batches where source = ? and status = 'applied'", (source,)).fetchone()[0]
                last = conn.execute(
                    "select created_at, status, reason from batches where source = ? order by id desc limit 1",
                    (source,)).fetchone()
                rejected = conn.execute(
                    "select count(*) from batches where source = ? and status = 'rejected'", (source,)).fetchone()[0]
                info["sources"][source] = {
                    "last_success": ok, "last_attempt": last[0] if last else None,
                    "last_status": last[1] if last else None,
                    "last_failure_reason": last[2] if last and last[1] == "rejected" else None,
                    "rejected_batches": rejected}
            runs = conn.execute("select command, started_at, finished_at, status, message from runs order by id desc limit 5").fetchall()
            info["recent_runs"] = [dict(zip(("command", "started", "finished", "status", "message"), r)) for r in runs]
            row = conn.execute("select count(*), coalesce(sum(size), 0) from responses").fetchone()
            info["archive_responses"], info["archive_bytes"] = row
        finally:
            conn.close()
    if db_path.exists():
        conn = _ro(db_path)
        try:
            q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            info["built_at"] = q("select value from build_info where key = 'built_at'")
            info["programs"] = json.loads(q("select value from build_info where key = 'programs'") or "[]")
            info["counts"] = {
                "designations_listed": q("select count(*) from designations where listed = 1"),
                "designations_removed": q("select count(*) from designations where listed = 0"),
                "list_observations": q("select count(*) from list_observations"),
                "treasury_releases": q("select count(*) from press_releases where agency = 'Treasury'"),
                "treasury_eo14059": q("select count(*) from press_releases where agency = 'Treasury' and is_eo14059 = 1"),
                "doj_releases": q("select count(*) from press_releases where agency = 'DOJ'"),
                "prosecutions": q("select count(*) from prosecutions"),
                "defendants": q("select count(*) from defendants"),
                "errors": q("select count(*) from errors"),
            }
            info["latest"] = {
                "sdn_observation": q("select max(observed_on) from list_observations"),
                "treasury_release": q("select max(published) from press_releases where agency = 'Treasury'"),
                "doj_release": q("select max(published) from press_releases where agency = 'DOJ'"),
            }
            info["errors_by_source"] = dict(conn.execute("select source, count(*) from errors group by source").fetchall())
        except sqlite3.Error as exc:
            info["database_error"] = str(exc)
        finally:
            conn.close()
    return info


def format_status(info: dict) -> str:
    lines = [f"Database: {info['database']}" + (f" (built {info['built_at']})" if info.get("built_at") else " (not built yet)")]
    if info.get("programs"):
        lines.append(f"Tracked programs: {', '.join(info['programs'])}")
    for source, s in info.get("sources", {}).items():
        line = f"  {source:9} last success {s['last_success'] or 'never'}"
        if s["last_status"] == "rejected":
            line += f"; last attempt {s['last_attempt']} FAILED: {s['last_failure_reason']}"
        lines.append(line)
    for key, value in (info.get("latest") or {}).items():
        lines.append(f"Latest {key.replace('_', ' ')}: {value or '-'}")
    for key, value in (info.get("counts") or {}).items():
        lines.append(f"  {key.replace('_', ' '):22} {value:,}")
    if info.get("errors_by_source"):
        lines.append("Input problems recorded: " + ", ".join(f"{k} {v}" for k, v in info["errors_by_source"].items()))
    if "archive_responses" in info:
        lines.append(f"Archive: {info['archive_responses']:,} responses, {info['archive_bytes']:,} bytes raw")
    return "\n".join(lines)
