"""Building tracker.db from archived batches, atomically.

Every change to the database goes through `build`:
1. take a lock (one writer at a time);
2. copy the current database to a temporary file (or start an empty one for a full
   rebuild, or when the new batches cannot be applied on top: schema changed, program
   scope changed, an SDN observation older than the newest one already applied);
3. apply the batches source by source, then the cross-source derivations (links between
   releases, designations and defendants), then indexes, full-text search and views;
4. run every source's assertions;
5. only then rename the temporary file over tracker.db (readers never see a half-built
   database; a failure or a kill leaves the old one in place, unchanged) and mark the
   batches `applied` in the archive. A failed build marks them `rejected`, with why.
"""
from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable

import sqlite_utils

from . import db as schema
from .archive import Archive, Batch
from .dates import utcnow
from .errors import AssertionsFailed, SourceError, TrackerError
from .sources import Context, all_sources

# Cross-source derivations (filled in by linking modules): run after all batches, each build.
DERIVATIONS: list[Callable[[sqlite_utils.Database, Context], dict]] = []


def register_derivation(fn):
    DERIVATIONS.append(fn)
    return fn


@dataclasses.dataclass
class BuildResult:
    full: bool
    reason: str | None
    counts: dict
    seconds: float
    errors: int


@contextlib.contextmanager
def write_lock(db_path: Path):
    lock_path = db_path.parent / f".{db_path.name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise TrackerError(f"another tracker command is writing {db_path}; try again when it is done") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _clean_stale(db_path: Path) -> None:
    for stale in db_path.parent.glob(f".{db_path.name}.building-*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _copy_database(src: Path, dst: Path) -> None:
    """A consistent copy even while Datasette reads the source (sqlite backup API)."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _import_linking() -> None:
    # Linking modules register their derivations on import.
    from . import linking  # noqa: F401


def build(db_path: Path, archive: Archive, ctx: Context, new_batches: list[Batch], *,
          full: bool = False) -> BuildResult:
    started = time.monotonic()
    db_path = Path(db_path)
    _import_linking()
    sources = all_sources()
    with write_lock(db_path):
        _clean_stale(db_path)
        tmp = db_path.parent / f".{db_path.name}.building-{os.getpid()}"
        reason = "requested" if full else None
        if not full:
            reason = _why_full(db_path, new_batches, ctx, sources)
            full = reason is not None
        new_ids = [b.id for b in new_batches]
        try:
            if full:
                applied = [b for b in archive.batches(status="applied") if b.id not in new_ids]
                batches = applied + list(new_batches)
            else:
                _copy_database(db_path, tmp)
                batches = list(new_batches)
            before = {}
            if db_path.exists():
                try:
                    old = sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
                    before = {s.name: s.snapshot(old) for s in sources}
                    old.conn.close()
                except sqlite3.DatabaseError:
                    before = {}
            db = sqlite_utils.Database(tmp)
            db.conn.execute("pragma journal_mode=delete")
            db.conn.execute("pragma synchronous=off")
            schema.create_schema(db)
            ctx.db = db
            counts: dict[str, dict] = {}
            total_errors = 0
            for source in sources:
                mine = sorted((b for b in batches if b.source == source.name), key=source.replay_key)
                for batch in mine:
                    ctx.batch, ctx.batch_errors = batch, 0
                    with db.conn:
                        got = source.apply(db, batch, ctx)
                    total_errors += ctx.batch_errors
                    allowed = batch.meta.get("max_errors", ctx.config.max_errors)
                    if ctx.batch_errors > allowed:
                        first = db.execute("select source, location, row, reason from errors where batch_id = ?"
                                           " order by id limit 1", [batch.id]).fetchone()
                        where = f"{first[1]}" + (f", row {first[2]}" if first[2] else "")
                        raise SourceError(first[0], where, f"{first[3]} ({ctx.batch_errors} error(s) in this input;"
                                          f" at most {allowed} allowed, see --max-errors)")
                    for key, value in (got or {}).items():
                        bucket = counts.setdefault(source.name, {})
                        bucket[key] = bucket.get(key, 0) + value if isinstance(value, (int, float)) else value
            ctx.batch = None
            for derive in DERIVATIONS:
                with db.conn:
                    got = derive(db, ctx)
                for key, value in (got or {}).items():
                    counts.setdefault("links", {})[key] = value
            schema.finalize(db)
            schema.set_info(db, built_at=utcnow(), schema_version=str(schema.SCHEMA_VERSION),
                            programs=sorted(ctx.config.programs),
                            archive_batches=str(max([b.id for b in batches], default=0)))
            failures = [f for s in sources for f in s.check(db, before.get(s.name, {}), ctx)]
            if failures:
                raise AssertionsFailed(failures)
            db.conn.commit()
            db.conn.close()
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except BaseException as exc:
            with contextlib.suppress(Exception):
                ctx.db.conn.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            if new_ids and not isinstance(exc, KeyboardInterrupt):
                archive.set_batch_status(new_ids, "rejected", str(exc)[:2000])
            raise
        finally:
            ctx.db = None
        archive.set_batch_status(new_ids, "applied")
    return BuildResult(full, reason, counts, time.monotonic() - started, total_errors)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _why_full(db_path: Path, new_batches: list[Batch], ctx: Context, sources) -> str | None:
    if not db_path.exists():
        return "no database yet"
    try:
        db = sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
        version = schema.get_info(db, "schema_version")
        programs = schema.get_info(db, "programs")
        if version != str(schema.SCHEMA_VERSION):
            return f"schema version changed ({version} -> {schema.SCHEMA_VERSION})"
        import json

        if programs is None or sorted(json.loads(programs)) != sorted(ctx.config.programs):
            return "tracked programs changed"
        for source in sources:
            mine = [b for b in new_batches if b.source == source.name]
            if mine:
                why = source.needs_full_rebuild(db, mine, ctx)
                if why:
                    return why
        db.conn.close()
    except sqlite3.DatabaseError as exc:
        return f"current database unreadable ({exc})"
    return None
