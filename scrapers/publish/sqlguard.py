"""A Datasette plugin `tracker serve` registers: the bounds every SQL query runs within.

Datasette stops a query after `sql_time_limit_ms` by checking the clock every 1,000 SQLite
instructions; those can run far longer (`randomblob(400000000)` allocated 400 MB and ran
5.4 s past a 3 s limit; 1,000 rows of 4 MB blobs, 1.8 s past it), and nothing bounds memory.
This plugin makes Datasette check every 100 instructions (its `sqlite_timelimit`, swapped at
startup only if it is the one we know), and on every connection sets (`prepare_connection`):

- SQLite limits: no string or blob over `MAX_VALUE_BYTES` (2 MB: the largest value the
  tracker stores, a release's HTML, is tens of kB), LIKE/GLOB patterns of at most
  `MAX_PATTERN` (128) characters (Datasette's own FTS detection needs about 40 plus the
  table name), SQL text of at most 100 kB. The slowest single instruction left, a LIKE of a
  128-character pattern over a 2 MB string, takes about 1.5 s;
- a budget per query result: rows are counted as they are fetched and the query fails
  ("result too large") past `MAX_RESULT_BYTES` (48 MB; a page of 1,000 release rows with
  their full texts is about 20 MB);
- an authorizer: functions that leak or load (`fts3_tokenizer` returns a memory address,
  `load_extension`, `fts5`), ATTACH/DETACH are denied; `pragma_database_list` answers
  NULL for `file` (the absolute path of the database).

`tracker serve` also caps SQLite's heap for the whole process (`pragma hard_heap_limit`,
TRACKER_SERVE_SQLITE_HEAP_MB, default 160): a query that needs more fails with "out of
memory" instead of growing the server. Arbitrary SQL itself is allowed only when the server
listens on the loopback interface (see serve.py); published deployments turn it off.
"""
from __future__ import annotations

import contextlib
import inspect
import os
import sqlite3
import threading
import time
import weakref

from datasette import hookimpl

from .cache import env_megabytes

MAX_VALUE_BYTES = 2 * 1024 * 1024
MAX_PATTERN = 128
PROGRESS_OPCODES = 100
MAX_SQL_BYTES = 100 * 1024
MAX_RESULT_BYTES = 48 * 1024 * 1024
DEFAULT_HEAP_MB = 160
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension", "fts5", "fts5_source_id", "readfile", "writefile",
                              "edit", "sqlite_dbpage"})
HIDDEN_COLUMNS = {("pragma_database_list", "file")}
LIMITS = (
    (sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES),
    (sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, MAX_PATTERN),
    (sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES),
)
_heap_set = threading.Lock()
_heap_done = [False]


class ResultTooLarge(sqlite3.OperationalError):
    """A query whose rows add up to more than MAX_RESULT_BYTES."""


def _authorizer(action, arg1, arg2, _db, _trigger):
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and ((arg1 or "").lower(), (arg2 or "").lower()) in HIDDEN_COLUMNS:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


def _budgeted_rows(limit: int):
    """A row factory making the same sqlite3.Row objects Datasette uses, that counts each
    cursor's bytes and stops the query past `limit`."""
    spent: "weakref.WeakKeyDictionary[sqlite3.Cursor, int]" = weakref.WeakKeyDictionary()

    def factory(cursor, values):
        size = 16 * len(values)
        for v in values:
            if isinstance(v, (str, bytes)):
                size += len(v)
        total = spent.get(cursor, 0) + size
        spent[cursor] = total
        if total > limit:
            raise ResultTooLarge(f"query result too large: more than {limit // (1024 * 1024)} MB; ask for fewer"
                                 " rows (_size=, limit) or columns (_col=, select ...)")
        return sqlite3.Row(cursor, values)

    return factory


def guard_connection(conn: sqlite3.Connection, result_bytes: int = MAX_RESULT_BYTES) -> None:
    """Apply the limits, the authorizer and the result budget to one connection."""
    for which, value in LIMITS:
        conn.setlimit(which, value)
    conn.set_authorizer(_authorizer)
    conn.row_factory = _budgeted_rows(result_bytes)


def heap_limit_bytes() -> int:
    return env_megabytes("TRACKER_SERVE_SQLITE_HEAP_MB", DEFAULT_HEAP_MB)


@hookimpl
def prepare_connection(conn, database, datasette):
    guard_connection(conn)
    if os.environ.get("TRACKER_SERVE_SQLITE_HEAP_MB") is not None:
        with _heap_set:
            if not _heap_done[0]:
                # process-wide: set once, by `tracker serve` (tests in one process leave it alone)
                conn.execute(f"pragma hard_heap_limit = {heap_limit_bytes()}")
                _heap_done[0] = True


@contextlib.contextmanager
def sqlite_timelimit(conn, ms):
    """Datasette's time limit, checked every PROGRESS_OPCODES instructions instead of 1,000."""
    deadline = time.perf_counter() + ms / 1000

    def handler():
        if time.perf_counter() >= deadline:
            return 1     # SQLite stops the query: "interrupted", Datasette's "took too long"

    conn.set_progress_handler(handler, 1 if ms <= 20 else PROGRESS_OPCODES)
    try:
        yield
    finally:
        conn.set_progress_handler(None, PROGRESS_OPCODES)


KNOWN_TIMELIMIT = "n = 1000"


@hookimpl
def startup(datasette):
    """Swap Datasette's time-limit helper for the finer one (only if it is the one we know)."""
    import datasette.database as dsdb

    current = getattr(dsdb, "sqlite_timelimit", None)
    if current is not None and current is not sqlite_timelimit:
        try:
            source = inspect.getsource(current)
        except (OSError, TypeError):
            return
        if KNOWN_TIMELIMIT in source and "set_progress_handler" in source:
            dsdb.sqlite_timelimit = sqlite_timelimit
