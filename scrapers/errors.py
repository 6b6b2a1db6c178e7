"""Errors that name their source and where in it things went wrong."""
from __future__ import annotations


class TrackerError(Exception):
    """Base class: anything the CLI reports as a one-line message and a non-zero exit."""


class SourceError(TrackerError):
    """Bad input from a source: names the source, the file or URL, and the row when known."""

    def __init__(self, source: str, location: str, reason: str, row: int | str | None = None):
        self.source, self.location, self.reason, self.row = source, location, reason, row
        where = f"{location}" + (f", row {row}" if row is not None else "")
        super().__init__(f"{source}: {where}: {reason}")


class FetchError(TrackerError):
    """A network fetch that failed after its retries (or was refused by policy)."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        self.url, self.reason, self.status = url, reason, status
        super().__init__(f"{url}: {reason}")


class AssertionsFailed(TrackerError):
    """A build broke one of its sources' assertions: the database was not replaced."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("assertions failed, database not replaced:\n  " + "\n  ".join(failures))


class EnvironmentFailure(TrackerError):
    """The machine failed, not the input: a full disk, a read-only file system, an I/O error,
    no memory. Nothing is rejected because of it; the command stops and says so in one line."""


_ENV_ERRNOS = {
    28: "no space left on the device",         # ENOSPC
    122: "disk quota exceeded",                # EDQUOT
    30: "the file system is read-only",        # EROFS
    5: "input/output error",                   # EIO
    13: "permission denied",                   # EACCES
    1: "operation not permitted",              # EPERM
    27: "file too large for the file system",  # EFBIG
}
_SQLITE_ENV = (
    ("database or disk is full", "no space left on the device"),
    ("readonly", "the file or its file system is read-only"),
    ("disk i/o error", "input/output error"),
    ("unable to open database file", "a database file cannot be opened (read-only or missing directory?)"),
)
_SQLITE_DAMAGED = ("file is not a database", "database disk image is malformed", "malformed database schema")


def environment_reason(exc: BaseException, path=None) -> str | None:
    """What went wrong with the machine, in words, when `exc` is a machine failure; None when
    it is not (a bug, bad input). `path`: a file or directory involved (a read-only file
    system is named as such, SQLite only says it cannot open the file)."""
    import os
    import sqlite3

    io_like = isinstance(exc, OSError) or (isinstance(exc, sqlite3.OperationalError)
                                           and any(n in str(exc).lower() for n, _ in _SQLITE_ENV))
    if path is not None and io_like:
        # SQLite often says only "disk I/O error" or "unable to open": ask the file system
        try:
            fs = os.statvfs(path)
            if fs.f_flag & os.ST_RDONLY:
                return f"the file system of {path} is read-only"
            if fs.f_bavail * fs.f_frsize < 256 * 1024:
                return f"no space left on the device ({path}: {fs.f_bavail * fs.f_frsize // 1024} kB free)"
        except OSError:
            pass
    if isinstance(exc, EnvironmentFailure):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, OSError) and exc.errno in _ENV_ERRNOS:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return _ENV_ERRNOS[exc.errno] + where
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        for needle, reason in _SQLITE_ENV:
            if needle in text:
                return f"{reason} (SQLite: {exc})"
    return None


def damaged_reason(exc: BaseException) -> str | None:
    """SQLite's words for a damaged database file, or None."""
    import sqlite3

    if isinstance(exc, sqlite3.DatabaseError) and any(s in str(exc).lower() for s in _SQLITE_DAMAGED):
        return f"the file is damaged or not a database (SQLite: {exc})"
    return None


def debug_traceback(exc: BaseException, log) -> None:
    """The last frames of `exc`'s traceback, to `log`, only when TRACKER_DEBUG is set (users
    get one line naming the source, the input and the place; developers can ask for more)."""
    import os
    import traceback

    if os.environ.get("TRACKER_DEBUG"):
        log("".join(traceback.format_exception(exc, limit=-4)).rstrip())


def crash_line(exc: BaseException) -> str:
    """One line for an unexpected exception: its type, its message and where it was raised."""
    import traceback
    from pathlib import Path

    tail = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:300] + "…"
    return f"{type(exc).__name__}: {text}" + (f" (at {Path(tail.filename).name}:{tail.lineno})" if tail else "")
