"""Building tracker.db from archived batches, atomically.

Every change to the database goes through `build`:
1. take a lock (one writer at a time); mark the new batches `building` in the archive and
   pick up batches a killed build left `building` (they are complete: their fetch had
   finished), unless the database already holds them (killed after the swap);
2. copy the current database to a temporary file (or start an empty one for a full
   rebuild, or when the new batches cannot be applied on top: schema changed, program
   scope changed, an SDN observation older than the newest one already applied);
3. apply the batches source by source, then the cross-source derivations (links between
   releases, designations and defendants), then indexes, full-text search and views;
4. run every source's assertions: those its `<name>.yml` declares (scrapers/assertions.py)
   plus its `check()`, and the bad-input threshold (`--max-errors`);
5. only then rename the temporary file over tracker.db (readers never see a half-built
   database; a failure or a kill leaves the old one in place, unchanged) and mark the
   batches `applied` in the archive. A failed build marks them `rejected`, with why.

When one source's new batches fail (bad input over the threshold, a crash in its parser,
a broken assertion), they are rejected and the build is redone without them, so the other
sources' data still goes in; the result lists what was rejected and the command exits
non-zero. A failure that is nobody's batch in particular fails the whole build.

Test hook: TRACKER_BUILD_FAULT="<stage>:<action>" makes the build misbehave at a stage
(`start`, `applied`, `finalized`, `checked` (just before the swap), `swapped` (just after
it, before the archive is told)) with an action: `die` (SIGKILL itself), `raise`,
`interrupt` (KeyboardInterrupt) or `pause` (write TRACKER_BUILD_FAULT_MARKER, default
`.<db>.paused`, then sleep TRACKER_BUILD_FAULT_PAUSE seconds, default 60).
"""
from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from . import db as schema
from .archive import Archive, Batch
from .dates import utcnow
from .errors import (
    AssertionsFailed,
    EnvironmentFailure,
    SourceError,
    TrackerError,
    crash_line,
    debug_traceback,
    environment_reason,
)
from .linking import DERIVATIONS
from .sources import BuildContext, RunContext, all_sources

FAULT_ENV = "TRACKER_BUILD_FAULT"
STAGES = ("start", "applied", "finalized", "checked", "swapped")


@dataclasses.dataclass
class BuildResult:
    full: bool
    reason: str | None
    counts: dict
    seconds: float
    errors: int
    # source -> why its new batches were rejected (the rest of the build went in)
    rejected: dict = dataclasses.field(default_factory=dict)
    # batches a killed earlier build had left behind, applied by this one
    recovered: list = dataclasses.field(default_factory=list)


class SourceFailed(TrackerError):
    """A failure that belongs to one source's batches."""

    def __init__(self, source: str, error: Exception, batch_id: int | None = None):
        self.source, self.error, self.batch_id = source, error, batch_id
        super().__init__(str(error))


@contextlib.contextmanager
def _exclusive(lock_path: Path, busy: str):
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise TrackerError(busy) from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_lock(db_path: Path):
    """One build at a time (held while a build runs)."""
    return _exclusive(db_path.parent / f".{db_path.name}.lock",
                      f"another tracker command is writing {db_path}; try again when it is done")


def update_lock(db_path: Path):
    """One update at a time (held while `tracker update`, or a cycle of `tracker run`, fetches and
    builds): two walks resuming the same checkpoint would both add pages to it."""
    return _exclusive(db_path.parent / f".{db_path.name}.update.lock",
                      f"another tracker command is updating {db_path}; try again when it is done")


def fault_point(stage: str, db_path: Path) -> None:
    """The test hook (see the module docstring). Does nothing unless TRACKER_BUILD_FAULT is set."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    want, _, action = spec.partition(":")
    if want != stage:
        return
    if action == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "raise":
        raise RuntimeError(f"injected failure at build stage {stage!r}")
    elif action == "interrupt":
        raise KeyboardInterrupt
    elif action == "pause":
        marker = Path(os.environ.get("TRACKER_BUILD_FAULT_MARKER") or db_path.parent / f".{db_path.name}.paused")
        marker.write_text(f"{os.getpid()} {stage}\n")
        time.sleep(float(os.environ.get("TRACKER_BUILD_FAULT_PAUSE", "60")))


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


def applied_batch_ids(db_path: Path) -> set[int] | None:
    """The archive batches the database at `db_path` was built from (None: unknown)."""
    if not db_path.exists():
        return set()
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("select value from build_info where key = 'batches'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return set(json.loads(row[0])) if row and row[0] else None


def build(db_path: Path, archive: Archive, run: RunContext, new_batches: list[Batch], *,
          full: bool = False) -> BuildResult:
    started = time.monotonic()
    db_path = Path(db_path)
    ctx = BuildContext(config=run.config, archive=archive, log=run.log, progress=run.progress)
    sources = all_sources()
    with write_lock(db_path):
        _clean_stale(db_path)
        # Batches a concurrent command already got applied are not applied twice.
        new_batches = [b for b in new_batches if archive.batch(b.id).status not in ("applied", "superseded")]
        in_db = applied_batch_ids(db_path) or set()
        recovered = []
        for orphan in archive.batches(status="building"):
            if orphan.id in in_db or _whole_applied(archive, orphan):
                # killed after the swap: it is in (or its whole batch is); tell the archive
                archive.set_applied([orphan.id])
            elif orphan.id not in {b.id for b in new_batches}:
                recovered.append(orphan)
        if recovered:
            ctx.log(f"recovering {len(recovered)} batch(es) an interrupted build left unapplied:"
                    f" {', '.join(f'{b.source} #{b.id}' for b in recovered)}")
        pending = list(recovered) + list(new_batches)
        archive.set_batch_status([b.id for b in pending], "building")
        fault_point("start", db_path)
        rejected: dict[str, str] = {}
        try:
            while True:
                try:
                    result = _build_once(db_path, archive, ctx, pending, full, sources, in_db)
                    break
                except SourceFailed as exc:
                    mine = [b.id for b in pending if b.source == exc.source]
                    others = [b for b in pending if b.source != exc.source]
                    if not mine or (exc.batch_id is not None and exc.batch_id not in mine):
                        # an already-applied batch fails on replay: nobody's new data to drop
                        raise exc.error from exc
                    archive.set_batch_status(mine, "rejected", str(exc.error)[:4000])
                    if not others and not full:
                        raise exc.error from exc
                    rejected[exc.source] = str(exc.error)
                    ctx.log(f"{exc.source}: its new data was rejected, building without it: {exc.error}")
                    pending = others
        except KeyboardInterrupt:
            # interrupted: leave them `building`; the next build picks them up
            raise
        except Exception as exc:
            why = environment_reason(exc, db_path.parent)
            if why is None:
                archive.set_batch_status([b.id for b in pending], "rejected", str(exc)[:4000])
                raise
            # the machine failed (disk full, read-only, I/O), not the data: leave the batches
            # `building` for the next build, like an interruption
            raise EnvironmentFailure(f"building {db_path.name} stopped: {why}; the database was left as it"
                                     " was, and the next command builds what was fetched") from None
        except BaseException as exc:
            archive.set_batch_status([b.id for b in pending], "rejected", str(exc)[:4000])
            raise
        fault_point("swapped", db_path)
        archive.set_applied([b.id for b in pending])
    result.rejected = rejected
    result.recovered = [b.id for b in recovered]
    result.seconds = time.monotonic() - started
    return result


def _build_once(db_path: Path, archive: Archive, ctx: BuildContext, new_batches: list[Batch], full: bool,
                sources, in_db: set[int]) -> BuildResult:
    tmp = db_path.parent / f".{db_path.name}.building-{os.getpid()}"
    reason = "requested" if full else None
    if not full:
        reason = _why_full(db_path, new_batches, ctx, sources)
        full = reason is not None
    new_ids = {b.id for b in new_batches}
    if full:
        batches = [b for b in archive.batches(status="applied") if b.id not in new_ids] + list(new_batches)
        base_ids: set[int] = set()
    else:
        batches = list(new_batches)
        base_ids = set(in_db)
    # Parts (sources/base.py, PartCutter): a whole batch whose parts cover it and are all in
    # this database (or go in with it) adopts them instead of being applied again; otherwise
    # the whole is applied and its parts in this build are left out (they add nothing).
    present = base_ids | {b.id for b in batches}
    adopting = {b.id for b in batches if _covered_by_parts(archive, b, present)}
    applied_whole = {b.id for b in batches} - adopting
    batches = [b for b in batches if b.meta.get("part_of") not in applied_whole]
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if not full:
            _copy_database(db_path, tmp)
        before = _snapshots(db_path, sources)
        db = sqlite_utils.Database(tmp)
        db.conn.execute("pragma journal_mode=delete")
        db.conn.execute("pragma synchronous=off")
        db.conn.execute("pragma cache_size=-65536")
        schema.create_schema(db)
        ctx.db = db
        counts: dict[str, dict] = {}
        total_errors = 0
        for source in sources:
            mine = sorted((b for b in batches if b.source == source.name), key=source.replay_key)
            for batch in [b for b in mine if b.id not in adopting] + [b for b in mine if b.id in adopting]:
                if batch.id in adopting:
                    total_errors += _adopt_parts(db, source, batch, ctx)
                else:
                    total_errors += _apply_batch(db, source, batch, ctx, counts)
        ctx.batch = None
        fault_point("applied", db_path)
        ctx.name_index = None       # made by the first pass asking, from the tables as applied
        for derive in DERIVATIONS:
            with _transaction(db):
                got = derive(db, ctx)
            for key, value in (got or {}).items():
                counts.setdefault("links", {})[key] = value
        ctx.name_index = None       # the passes are done: its memory goes back before finalize
        schema.finalize(db)
        all_ids = sorted(base_ids | {b.id for b in batches})
        schema.set_info(db, built_at=utcnow(), schema_version=str(schema.SCHEMA_VERSION),
                        programs=sorted(ctx.config.programs),
                        archive_batches=str(max(all_ids, default=0)),
                        batches=json.dumps(all_ids))
        fault_point("finalized", db_path)
        present = {b.source for b in batches} | _sources_in(archive, base_ids)
        new_sources = {b.source for b in new_batches}
        for source in sources:
            old = before.get(source.name, {})
            failures = source.assertions.check(db, old, present=source.name in present, log=ctx.log)
            failures += source.check(db, old, ctx)
            if failures:
                error = AssertionsFailed(failures)
                if source.name in new_sources:
                    raise SourceFailed(source.name, error)
                raise error
        db.conn.commit()
        db.conn.close()
        fault_point("checked", db_path)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except BaseException:
        with contextlib.suppress(Exception):
            ctx.db.conn.close()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        ctx.db = None
        ctx.name_index = None
        ctx.batch = None
    return BuildResult(full, reason, counts, 0.0, total_errors)


@contextlib.contextmanager
def _transaction(db: sqlite_utils.Database):
    """One explicit transaction, committed at the end (rolled back on an exception).
    `with db.conn` alone opens none: Python's sqlite3 starts one only at the next INSERT, and
    sqlite-utils commits each write it makes outside one -- every row written by `insert` was
    a transaction of its own (a journal file created and deleted each time)."""
    with db.conn:
        if not db.conn.in_transaction:
            db.conn.execute("begin")
        yield


def _apply_batch(db, source, batch: Batch, ctx: BuildContext, counts: dict) -> int:
    """Apply one batch in one transaction. Anything that goes wrong is the source's failure
    (named with its batch and input), never a crash that loses the other sources' data."""
    ctx.batch, ctx.batch_errors = batch, 0
    try:
        with _transaction(db):
            parts = [int(p) for p in batch.meta.get("parts") or []]
            if parts:   # the whole batch says again what its parts said (a rebuild has the whole alone)
                db.execute(f"delete from errors where batch_id in ({', '.join('?' * len(parts))})", parts)
            got = source.apply(db, batch, ctx)
    except Exception as exc:  # noqa: BLE001 -- any failure is reported, named, and contained
        if environment_reason(exc) is not None:
            raise     # the machine's failure, not the source's: build() reports it
        if isinstance(exc, TrackerError):
            error = exc
        else:
            error = SourceError(source.name, _batch_location(ctx, batch), f"could not be processed: {crash_line(exc)}")
            debug_traceback(exc, ctx.log)
        raise SourceFailed(source.name, error, batch.id) from exc
    allowed = batch.meta.get("max_errors")
    if allowed is None:
        allowed = ctx.config.max_errors
    if ctx.batch_errors > allowed:
        first = db.execute("select source, location, row, reason from errors where batch_id = ?"
                           " order by id limit 1", [batch.id]).fetchone()
        if first:
            error = SourceError(first[0], first[1], f"{first[3]} ({ctx.batch_errors} input problem(s) in this"
                                f" batch; at most {allowed} allowed, see --max-errors)", first[2])
        else:
            error = SourceError(source.name, _batch_location(ctx, batch),
                                f"{ctx.batch_errors} input problem(s); at most {allowed} allowed")
        raise SourceFailed(source.name, error, batch.id)
    for key, value in (got or {}).items():
        bucket = counts.setdefault(source.name, {})
        bucket[key] = bucket.get(key, 0) + value if isinstance(value, (int, float)) else value
    return ctx.batch_errors


def _covered_by_parts(archive: Archive, whole: Batch, present: set[int]) -> bool:
    """Do `whole`'s parts hold all its items, and are they all in `present`?"""
    parts = [int(p) for p in whole.meta.get("parts") or []]
    return bool(parts) and set(parts) <= present and \
        int(whole.meta.get("parted") or 0) == len(archive.items(whole))


def _adopt_parts(db, source, whole: Batch, ctx: BuildContext) -> int:
    """A whole batch whose parts are in the database: the rows it would write are there (its
    parts hold its items, applied in their order, and every source's apply replaces what it
    stored before: the rows the whole alone gives, as tests/test_service.py checks against a
    plain update and a rebuild). What names the batch becomes its own: its parts' errors, then
    held to its --max-errors as a whole."""
    parts = [int(p) for p in whole.meta.get("parts") or []]
    with _transaction(db):
        db.execute(f"update errors set batch_id = ?, recorded_at = ? where batch_id in ({', '.join('?' * len(parts))})",
                   [whole.id, whole.created_at, *parts])
    found = db.execute("select count(*) from errors where batch_id = ?", [whole.id]).fetchone()[0]
    allowed = whole.meta.get("max_errors")
    allowed = ctx.config.max_errors if allowed is None else allowed
    if found > allowed:
        raise SourceFailed(source.name, SourceError(source.name, _batch_location(ctx, whole),
                                                    f"{found} input problem(s); at most {allowed} allowed"), whole.id)
    return found


def _whole_applied(archive: Archive, batch: Batch) -> bool:
    """Is `batch` a part whose whole batch is applied already (it adds nothing then)?"""
    whole = batch.meta.get("part_of")
    if whole is None:
        return False
    try:
        return archive.batch(int(whole)).status == "applied"
    except (TypeError, ValueError):
        return False


def _batch_location(ctx: BuildContext, batch: Batch) -> str:
    try:
        items = ctx.archive.items(batch)
    except Exception:
        items = []
    where = f"batch {batch.id}"
    if items:
        where += f" ({items[0].location}" + (f" and {len(items) - 1} more" if len(items) > 1 else "") + ")"
    return where


def _sources_in(archive: Archive, ids: set[int]) -> set[str]:
    if not ids:
        return set()
    return {b.source for b in archive.batches(status=None) if b.id in ids}


def _snapshots(db_path: Path, sources) -> dict:
    if not db_path.exists():
        return {}
    try:
        old = sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    except sqlite3.Error:
        return {}
    try:
        return {s.name: {**s.assertions.snapshot(old), **s.snapshot(old)} for s in sources}
    except sqlite3.DatabaseError:
        return {}
    finally:
        old.conn.close()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _why_full(db_path: Path, new_batches: list[Batch], ctx: BuildContext, sources) -> str | None:
    if not db_path.exists():
        return "no database yet"
    try:
        db = sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    except sqlite3.Error as exc:
        return f"current database unreadable ({exc})"
    try:
        version = schema.get_info(db, "schema_version")
        programs = schema.get_info(db, "programs")
        if version != str(schema.SCHEMA_VERSION):
            return f"schema version changed ({version} -> {schema.SCHEMA_VERSION})"
        if programs is None or sorted(json.loads(programs)) != sorted(ctx.config.programs):
            return "tracked programs changed"
        if schema.get_info(db, "batches") is None:
            return "database does not say which batches it holds"
        for source in sources:
            mine = [b for b in new_batches if b.source == source.name]
            if mine:
                why = source.needs_full_rebuild(db, mine, ctx)
                if why:
                    return why
    except sqlite3.DatabaseError as exc:
        return f"current database unreadable ({exc})"
    finally:
        db.conn.close()
    return None
