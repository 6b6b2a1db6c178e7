"""How fresh the served data is, for the line on every page: "SDN list as of …, Treasury
releases to …, DOJ releases to …", with a warning when a source's last update failed (the
archive index beside the database says so) or the database was built long ago.

Read once per served build (keyed like the page cache: the database's generation and file
identity), so it costs nothing per page.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

STALE_AFTER_DAYS = 3
SOURCES = (("sdn", "SDN list"), ("treasury", "Treasury releases"), ("doj", "DOJ releases"))
_cache: dict[tuple, dict] = {}


def _identity(db) -> tuple | None:
    path = getattr(db, "path", None)
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (path, getattr(db, "connection_key", "base"), st.st_ino, st.st_mtime_ns, st.st_size)


async def freshness(db) -> dict:
    key = _identity(db)
    if key is not None and key in _cache:
        return _cache[key]
    info = await _read(db)
    if key is not None:
        _cache.clear()
        _cache[key] = info
    return info


async def _read(db) -> dict:
    async def value(sql, params=()):
        try:
            row = (await db.execute(sql, params)).first()
        except Exception:  # an older or partial database: say less, never fail a page
            return None
        return row[0] if row else None

    info = {"sdn": await value("select max(observed_on) from list_observations"),
            "treasury": await value("select max(published) from press_releases where agency = 'Treasury'"),
            "doj": await value("select max(published) from press_releases where agency = 'DOJ'"),
            "built_at": await value("select value from build_info where key = 'built_at'"),
            "warnings": []}
    archive = Path(getattr(db, "path", "") or ".").parent / "archive" / "index.sqlite"
    failures = _failures(archive) if archive.exists() else {}
    for source, label in SOURCES:
        if source in failures:
            at, reason = failures[source]
            info["warnings"].append(f"The last update of the {label} failed ({at}): {reason or 'see tracker status'}."
                                    " Showing the last good data.")
    built = _date(info["built_at"])
    if built is not None:
        age = (dt.datetime.now(dt.timezone.utc).date() - built).days
        info["age_days"] = age
        if age > STALE_AFTER_DAYS:
            info["warnings"].append(f"Stale: this database was last built {age} days ago ({built.isoformat()}).")
    elif info["sdn"] is None:
        info["warnings"].append("No SDN list version has been imported yet.")
    return info


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _failures(index: Path) -> dict[str, tuple[str, str]]:
    """Per source, the last batch if it was rejected: (when, why, first line)."""
    try:
        conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return {}
    out = {}
    try:
        for source, _ in SOURCES:
            row = conn.execute("select created_at, status, reason from batches where source = ?"
                               " order by id desc limit 1", (source,)).fetchone()
            if row and row[1] == "rejected":
                out[source] = (row[0], (row[2] or "").splitlines()[0][:200] if row[2] else "")
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    return out
