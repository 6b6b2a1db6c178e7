"""`tracker serve`: Datasette on tracker.db, read-only, with metadata.yml and the plugins.

The database is served immutable (`-i`): Datasette never writes to it and can count rows
once. When a build replaces tracker.db, the running server picks up the new file on its
next request (plugin scrapers/publish/reload.py); plain `datasette tracker.db` keeps
showing the file it opened until restarted.

metadata.yml describes the database under the name `tracker` (Datasette names a database
after its file), so `datasette tracker.db -m metadata.yml` works as is; for a database file
with another name, `tracker serve` passes a copy of the metadata re-keyed to that name.
The plugins (datasette-atom, datasette-vega) are dependencies of the project: Datasette
loads them from the environment.
"""
from __future__ import annotations

import contextlib
import html
import json
import os
import signal
import tempfile
import threading
from pathlib import Path
from typing import Callable

import click
import yaml

from ..errors import TrackerError
from . import sqlguard
from .status import staleness

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
METADATA_DATABASE = "tracker"  # the database name metadata.yml is written for

# Datasette settings for every way we serve (CLI and tests): complete CSV exports with
# _stream=on (no size cap), the database downloadable, and time for facets on big tables.
# No suggested facets: Datasette tries every column of a table page for them (one query each,
# up to facet_suggest_time_limit_ms), which was 60-85% of a table page's time at 250,000
# releases (benchmarks/RESULTS.md); the default facets of metadata.yml and "Facet by this"
# in each column's menu remain.
SETTINGS = {
    "allow_download": True,
    "max_csv_mb": 0,
    "facet_time_limit_ms": 1000,
    "sql_time_limit_ms": 3000,
    "suggest_facets": False,
    # table pages: a preview of long texts (row pages show them whole) and 50 rows, which
    # halves the HTML Datasette renders per page (BENCHMARKS.md, Datasette latency)
    "truncate_cells_html": 200,
    "default_page_size": 50,
}


def find_metadata(explicit: str | Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise TrackerError(f"metadata file {path} does not exist")
        return path
    for candidate in [Path("metadata.yml"), PROJECT_ROOT / "metadata.yml"]:
        if candidate.exists():
            return candidate
    return None


def load_metadata(path: Path, database: str = METADATA_DATABASE, *, notice_html: str | None = None) -> dict:
    """metadata.yml as a dict, for the database named `database` (its file stem), with an
    optional notice (e.g. stale data) put at the top of the home page."""
    try:
        meta = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise TrackerError(f"metadata {path}: cannot be read: {exc}") from exc
    if not isinstance(meta, dict):
        raise TrackerError(f"metadata {path}: expected a mapping at the top level")
    databases = meta.get("databases") or {}
    if database != METADATA_DATABASE and METADATA_DATABASE in databases:
        databases[database] = databases.pop(METADATA_DATABASE)
        for key in ("description_html", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = meta[key].replace(f'href="{METADATA_DATABASE}/', f'href="{database}/')
    if notice_html:
        meta["description_html"] = notice_html + "\n" + (meta.get("description_html") or
                                                          html.escape(meta.get("description") or ""))
        meta.pop("description", None)
    return meta


def stale_notice(db_path: Path) -> str:
    line = staleness(db_path).removeprefix("Stale: ")
    return ('<p class="message-warning"><strong>Stale data: the last update failed.</strong> '
            f"{html.escape(line)}</p>")


# -- SQL: who may run their own, within which bounds (the bounds: sqlguard.py) ------------------
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def sql_allowed(host: str, sql: bool | None) -> bool:
    """Arbitrary SQL (`/tracker?sql=`): on by default only for a server on this machine's
    loopback interface; anywhere else only when asked for (`tracker serve --sql`). Canned
    queries, search, facets, filters and exports work either way."""
    return (host in LOOPBACK) if sql is None else sql


def datasette_args(db_path: Path, *, host: str, port: int, metadata: str | Path | None,
                   sql: bool = True) -> list[str]:
    """Arguments of `datasette` (the command line `tracker serve` runs, in-process)."""
    args = ["serve", "-i", str(db_path), "--host", host, "--port", str(port)]
    for key, value in {**SETTINGS, **({} if sql else {"default_allow_sql": False})}.items():
        args += ["--setting", key, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    if metadata:
        args += ["--metadata", str(metadata)]
    return args


def serve_database(db_path: Path, *, host: str, port: int, metadata: str | None, log: Callable[[str], None],
                   stale: bool = False, cache_mb: float | None = None, sql: bool | None = None) -> None:
    db_path = Path(db_path)
    if cache_mb is not None:
        os.environ["TRACKER_SERVE_CACHE_MB"] = str(cache_mb)
    os.environ.setdefault("TRACKER_SERVE_SQLITE_HEAP_MB", str(sqlguard.DEFAULT_HEAP_MB))
    sql = sql_allowed(host, sql)
    if not db_path.exists():
        raise TrackerError(f"{db_path} does not exist: run `tracker update` or `tracker import ...` first")
    status = staleness(db_path)
    log(status if stale else status.replace("Stale: ", "Data: ", 1))
    meta_path = find_metadata(metadata)
    if meta_path is None:
        log("No metadata.yml found: serving without titles, descriptions, facets and canned queries")
    with tempfile.TemporaryDirectory(prefix="tracker-serve-") as tmp:
        served_meta = None
        if meta_path is not None:
            meta = load_metadata(meta_path, db_path.stem, notice_html=stale_notice(db_path) if stale else None)
            served_meta = Path(tmp) / "metadata.json"
            served_meta.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        log(f"Serving {db_path} at http://{host}:{port}/ (read-only; arbitrary SQL "
            f"{'on, bounded' if sql else 'off'}; Ctrl-C to stop)")
        run_datasette(datasette_args(db_path, host=host, port=port, metadata=served_meta, sql=sql))


def register_plugins() -> None:
    """The project's own Datasette plugins: what is still loading on every page (registered
    first: its wrapper is the outermost, around the cache), reload a swapped tracker.db, fast
    array facets, a cache of recent pages (the database is immutable between builds), bounds on
    SQL, and the site's pages, templates and search (scrapers/publish/site/)."""
    from datasette.plugins import pm

    from . import cache as datasette_cache
    from . import facets as datasette_facets
    from . import progress as datasette_progress
    from . import reload as datasette_reload
    from . import site as datasette_site

    for name, module in (("tracker-progress", datasette_progress), ("tracker-reload", datasette_reload),
                         ("tracker-facets", datasette_facets), ("tracker-cache", datasette_cache),
                         ("tracker-sqlguard", sqlguard),
                         ("tracker-site", datasette_site)):
        if not pm.is_registered(module) and pm.get_plugin(name) is None:
            pm.register(module, name=name)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service manager, `docker stop`, `kill`): the server stops as on Ctrl-C."""


def _terminated(signum, frame):
    raise Terminated()


@contextlib.contextmanager
def sigterm_as_interrupt():
    """While serving, SIGTERM stops the process the way Ctrl-C does: the `finally` blocks run
    (the temporary metadata removed; `tracker run` lets a build under way finish). uvicorn
    catches SIGTERM itself, shuts the server down, then raises the signal again: with the
    default handler back that killed the process on the spot, leaving them undone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_datasette(args: list[str]) -> None:
    """`datasette ARGS` in this process (it stops cleanly on Ctrl-C or SIGTERM, so the
    temporary metadata is removed and no orphan server is left behind)."""
    from datasette.cli import cli as datasette_cli

    register_plugins()
    try:
        with sigterm_as_interrupt():
            datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)
    except KeyboardInterrupt:
        pass
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise TrackerError(f"datasette exited with status {exc.code}") from exc
    except click.ClickException as exc:
        raise TrackerError(f"datasette: {exc.format_message()}") from exc


def make_datasette(db_path: Path, *, metadata: str | Path | None = None, settings: dict | None = None,
                   notice_html: str | None = None):
    """The same Datasette `tracker serve` runs, in-process (for tests and scripts)."""
    from datasette.app import Datasette

    register_plugins()
    db_path = Path(db_path)
    meta_path = find_metadata(metadata)
    meta = load_metadata(meta_path, db_path.stem, notice_html=notice_html) if meta_path else None
    return Datasette([], immutables=[str(db_path)], metadata=meta, settings={**SETTINGS, **(settings or {})})
