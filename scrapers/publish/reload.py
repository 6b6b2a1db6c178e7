"""A Datasette plugin `tracker serve` registers: pick up a rebuilt tracker.db without a restart.

Builds replace tracker.db by renaming a new file over it (build.py), so a running server's
open connections keep reading the old, complete file: consistent, but stale. Before each
request (at most once a second) this plugin compares the served file's inode and mtime with
the ones it opened; when they changed, it re-adds the database, so new requests see the new
build and requests already running finish on the old one. Readers never see a partial
database either way.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import threading
import time

from datasette import hookimpl
from datasette.database import Database
from datasette.database import connections as datasette_connections

CHECK_EVERY = 1.0
_seen: dict[str, tuple[int, int]] = {}
_last_check = [0.0]
_generation = itertools.count(1)
_local = threading.local()      # per SQL thread: connection key -> connection
_retired: set[str] = set()      # keys of replaced generations, closed lazily by each thread


class ReloadedDatabase(Database):
    """A database opened after a swap. Datasette keys its per-thread connections by
    database name, which would keep serving the old file; this keys them by generation,
    and each SQL thread closes its connections to replaced generations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.connection_key = f"gen{next(_generation)}"

    async def execute_fn(self, fn):
        if self.ds.executor is None:
            return await super().execute_fn(fn)
        key = self.connection_key

        def in_thread():
            for old in list(_retired):
                store = _local if old.startswith("gen") else datasette_connections
                conn = store.__dict__.pop(old.removeprefix("base:"), None)
                if conn is not None:
                    conn.close()
            conn = getattr(_local, key, None)
            if conn is None:
                conn = self.connect()
                self.ds._prepare_connection(conn, self.name)
                setattr(_local, key, conn)
            return fn(conn)

        return await asyncio.get_event_loop().run_in_executor(self.ds.executor, in_thread)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def reload_if_replaced(datasette, *, force: bool = False) -> list[str]:
    """Re-add every file-backed database whose file was replaced; returns their names."""
    now = time.monotonic()
    due = force or now - _last_check[0] >= CHECK_EVERY
    if due:
        _last_check[0] = now
    reloaded = []
    for name, db in list(datasette.databases.items()):
        path = getattr(db, "path", None)
        if not path or getattr(db, "is_memory", False):
            continue
        key = f"{name}:{path}"
        if not due and key in _seen:
            continue  # known files are looked at once a second; new ones at once
        ident = _identity(path)
        if ident is None:
            continue  # a missing file: keep serving what is open
        if key not in _seen:
            _seen[key] = ident
            continue
        if ident != _seen[key]:
            _seen[key] = ident
            # this thread's and every SQL thread's connections to the old file are closed
            # before their next query (running queries finish on the old file)
            _retired.add(db.connection_key if isinstance(db, ReloadedDatabase) else f"base:{name}")
            fresh = ReloadedDatabase(datasette, path=path, is_mutable=db.is_mutable)
            fresh.name, fresh.route = name, db.route
            # swap the mapping in one assignment (as Datasette's add_database does): a
            # request sees either the old or the new database, never none
            databases = datasette.databases.copy()
            databases[name] = fresh
            datasette.databases = databases
            reloaded.append(name)
    return reloaded


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") == "http":
                reload_if_replaced(datasette)
            await app(scope, receive, send)
        return wrapped
    return wrap
