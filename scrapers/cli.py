"""The `tracker` command line (also `python -m scrapers`).

    tracker [--db tracker.db] import sdn PATH... [--as-of DATE] [--program TAG]...
    tracker import sdn-history DIR
    tracker import treasury FILE...
    tracker import doj FILE...
    tracker import enhanced|deltas|fedreg FILE...
    tracker update [--source sdn|treasury|doj]... [--since DATE]
    tracker rebuild
    tracker status
    tracker serve [--host H] [--port N]
    tracker run [--update-every 6h]   # serve, backfill behind, keep fresh (the README's main command)

Every command archives its inputs first, then builds a new database and swaps it in only
if the build and its assertions succeed (see build.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .archive import Archive
from .config import DEFAULT_PROGRAM, load_config
from .errors import TrackerError, crash_line, damaged_reason, debug_traceback, environment_reason
from .sources import SOURCE_NAMES, FetchContext, FetchRequest, get_source


class State:
    def __init__(self, db: Path, archive: Path | None, config: Path | None, quiet: bool):
        self.db_path = Path(db)
        self.archive_path = Path(archive) if archive else self.db_path.parent / "archive"
        self.config_path = config
        self.quiet = quiet
        self._archive = None
        self._config = None

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.archive_path)
        return self._archive

    @property
    def config(self):
        if self._config is None:
            self._config = load_config(self.config_path, self.db_path)
        return self._config

    def context(self, extra_programs=()) -> FetchContext:
        # Program tags asked for once (--program) stay tracked: the archive remembers them.
        sticky = [p for b in self.archive.batches("sdn", None) if b.status != "rejected"
                  for p in b.meta.get("programs", [])]
        cfg = self.config.with_programs(list(extra_programs) + sticky)
        return FetchContext(config=cfg, archive=self.archive, log=self.log, progress=self.progress)

    def log(self, message: str) -> None:
        click.echo(message, err=True)

    def progress(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _report(result) -> None:
    how = "rebuilt from the archive" if result.full else "updated"
    if result.full and result.reason and result.reason != "requested":
        how += f" ({result.reason})"
    click.echo(f"Database {how} in {result.seconds:.1f}s.")
    for source, counts in result.counts.items():
        parts = ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in counts.items())
        click.echo(f"  {source}: {parts}")
    if result.errors:
        click.echo(f"  {result.errors} input problem(s) recorded in the errors table", err=True)
    if getattr(result, "recovered", None):
        click.echo(f"  recovered batch(es) {', '.join(map(str, result.recovered))} left by an interrupted build", err=True)
    for source, why in (getattr(result, "rejected", None) or {}).items():
        click.echo(f"Error: {source}: new data rejected, the rest was applied: {why}", err=True)


class BuildFailed(Exception):
    def __init__(self, why: str, interrupted: bool = False):
        super().__init__(why)
        self.why, self.interrupted = why, interrupted


def _recorded_build(state: State, ctx: FetchContext, batches, command: str, sources, *, full=False,
                    failures=(), rejected_label=""):
    """Build, recording the run in the archive's run log (what `tracker status` reports), and
    print what it did. `failures`: what already went wrong in this command (sources that
    could not be fetched). Raises BuildFailed when nothing was built."""
    from .build import build  # imports every source's parsers: only when a command builds

    run_id = state.archive.start_run(command, list(sources))
    failures = list(failures)
    try:
        result = build(state.db_path, state.archive, ctx, [b for b in batches if b], full=full)
    except TrackerError as exc:
        state.archive.finish_run(run_id, "failed", message="; ".join(failures + [str(exc)]))
        raise BuildFailed(str(exc)) from exc
    except KeyboardInterrupt:
        state.archive.finish_run(run_id, "interrupted")
        raise BuildFailed("interrupted; the previous database is unchanged", interrupted=True) from None
    failures += [f"{k}: {rejected_label}{v}" for k, v in result.rejected.items()]
    state.archive.finish_run(run_id, "partial" if failures else "ok", counts=result.counts,
                             message="; ".join(failures) or None)
    _report(result)
    return result


def _run_build(state: State, ctx: FetchContext, batches, command: str, sources, full=False):
    try:
        result = _recorded_build(state, ctx, batches, command, sources, full=full)
    except BuildFailed as exc:
        _fail(exc.why)
    if result.rejected:
        sys.exit(1)
    return result


class _Commands(click.Group):
    """Every command: a failure of the machine (full disk, read-only file system, I/O error,
    no memory) or a damaged database file ends it with one line, never a traceback."""

    def invoke(self, ctx):
        import sqlite3

        try:
            return super().invoke(ctx)
        except (OSError, MemoryError, sqlite3.Error, TrackerError) as exc:
            state = ctx.obj
            why = environment_reason(exc, state.db_path.parent if isinstance(state, State) else None) \
                or damaged_reason(exc)
            if why is None:
                if isinstance(exc, TrackerError):
                    why = str(exc)
                else:
                    raise
            where = ""
            if isinstance(state, State) and str(state.db_path) not in why and str(state.archive_path) not in why:
                where = f" (database {state.db_path}, archive {state.archive_path})"
            raise click.ClickException(f"{why}{where}") from None


@click.group(cls=_Commands)
@click.version_option(package_name="fentanyl-tracker")
@click.option("--db", "db", default="tracker.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to build and serve")
@click.option("--archive", type=click.Path(file_okay=False), help="Raw archive directory [default: archive/ beside the database]")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file [default: tracker.toml beside the database]")
@click.option("-q", "--quiet", is_flag=True, help="Only print results and errors")
@click.pass_context
def cli(click_ctx, db, archive, config, quiet):
    """Track U.S. fentanyl-related sanctions (OFAC SDN list, Treasury) and prosecutions (DOJ)."""
    click_ctx.obj = State(Path(db), Path(archive) if archive else None, Path(config) if config else None, quiet)


# -- import ----------------------------------------------------------------------------
@cli.group(name="import")
def import_():
    """Import saved source files (they are archived first, like fetched ones)."""


def _sdn_options(fn):
    fn = click.option("--program", "programs", multiple=True, metavar="TAG",
                      help=f"Track this program tag too (besides {DEFAULT_PROGRAM}); remembered")(fn)
    fn = click.option("--allow-drop", is_flag=True, help="Accept an observation that drops more than 10% of tracked entries")(fn)
    fn = click.option("--max-errors", type=int, default=None, help="Bad rows tolerated before the import is refused [default 0]")(fn)
    return fn


@import_.command(name="sdn")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--as-of", help="Date of this version of the list (YYYY-MM-DD)")
@_sdn_options
@click.pass_obj
def import_sdn(state: State, paths, as_of, programs, allow_drop, max_errors):
    """Import one observation of the SDN list: sdn.csv, add.csv, alt.csv, sdn_comments.csv
    (files or directories holding them), or the same list as one sdn.xml."""
    from .dates import leading_date

    if as_of and leading_date(as_of) != as_of:
        _fail(f"--as-of must be a date like 2024-05-03, not {as_of!r}")
    ctx = state.context(programs)
    request = FetchRequest(as_of=as_of, programs=tuple(programs), allow_drop=allow_drop, max_errors=max_errors)
    try:
        batches = get_source("sdn").import_paths(ctx, list(paths), request)
    except TrackerError as exc:
        _fail(str(exc))
    if not batches and not state.archive.batches(status="building"):
        return
    _run_build(state, ctx, batches, "import sdn", ["sdn"])


@import_.command(name="sdn-history")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--name-time-zone", default="UTC", show_default=True, metavar="TZ",
              help="Time zone of version names with a time (2021-12-16T014252); each version is dated by"
                   " its U.S. Eastern calendar day")
@_sdn_options
@click.pass_obj
def import_sdn_history(state: State, directory, name_time_zone, programs, allow_drop, max_errors):
    """Import every version in DIR (one subdirectory per version, named YYYY-MM-DD… or by its
    time, YYYY-MM-DDTHHMMSS, read as UTC), in name order. A broken version (no list file, an
    empty or unreadable sdn.csv) is recorded in the errors table and skipped."""
    ctx = state.context(programs)
    try:
        request = FetchRequest(programs=tuple(programs), allow_drop=allow_drop, max_errors=max_errors,
                               history_zone=name_time_zone)
        batches = get_source("sdn").import_history(ctx, directory, request)
    except TrackerError as exc:
        _fail(str(exc))
    if not batches and not state.archive.batches(status="building"):
        click.echo("Nothing new to import.")
        return
    click.echo(f"Archived {len(batches)} observation(s).")
    _run_build(state, ctx, batches, "import sdn-history", ["sdn"])


# Sources whose saved files are imported as they are: `tracker import <name> FILE...`.
FILE_IMPORTS = {
    "treasury": "Import saved Treasury press-release pages (full pages or <article> fragments).",
    "doj": "Import saved DOJ API responses (list pages, single items) or release pages.",
    "enhanced": "Import a saved SDN_ENHANCED.XML (the day each entity went on the SDN list).",
    "deltas": "Import saved OFAC delta files (YYYY-MM-DD_delta.xml) and archive listings (.json).",
    "fedreg": "Import saved Federal Register API pages (.json) and notice texts (.txt, .html).",
}


def _file_import_command(name: str, help_text: str) -> click.Command:
    @click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
    @click.pass_obj
    def command(state: State, files):
        _import_files(state, name, files)

    return import_.command(name=name, help=help_text)(command)


for _name, _help in FILE_IMPORTS.items():
    _file_import_command(_name, _help)


def _import_files(state: State, source_name: str, files):
    ctx = state.context()
    try:
        batches = get_source(source_name).import_paths(ctx, list(files), FetchRequest())
    except (TrackerError, KeyError) as exc:
        _fail(str(exc))
    if not batches and not state.archive.batches(status="building"):
        click.echo("Nothing new to import.")
        return
    _run_build(state, ctx, batches, f"import {source_name}", [source_name])


# -- update ----------------------------------------------------------------------------
@cli.command()
@click.option("--source", "sources", multiple=True, type=click.Choice(SOURCE_NAMES),
              help="Only these sources [default: all]")
@click.option("--since", help="Backfill Treasury/DOJ releases back to this date (YYYY-MM-DD)")
@click.option("--sdn-format", type=click.Choice(["csv", "xml"]), default="csv", show_default=True,
              help="Download the SDN list as the four legacy CSV files or as SDN.XML")
@click.option("--rate", type=float, default=None, metavar="REQ/S",
              help="DOJ API requests per second [default: config rate_limits, 2; DOJ blocks above 4]")
@_sdn_options
@click.pass_obj
def update(state: State, sources, since, sdn_format, rate, programs, allow_drop, max_errors):
    """Fetch what is new from the live sources, archive it, and update the database.
    Exits non-zero when a source could not be fetched or its data was rejected."""
    if not _update(state, sources, since, programs, allow_drop, max_errors, sdn_format=sdn_format, rate=rate):
        sys.exit(1)


def _update(state: State, sources, since, programs, allow_drop, max_errors, sdn_format=None, rate=None) -> bool:
    from .build import update_lock

    try:
        with update_lock(state.db_path):
            return _fetch_and_build(state, sources, since, programs, allow_drop, max_errors, sdn_format, rate)
    except TrackerError as exc:
        click.echo(f"Error: {exc}", err=True)
        return False


def _fetch_and_build(state: State, sources, since, programs, allow_drop, max_errors, sdn_format, rate) -> bool:
    from .http import HttpClient

    ctx = state.context(programs)
    ctx.http = HttpClient(ctx.config, state.archive, log=state.log)
    chosen = list(sources) or list(SOURCE_NAMES)
    request = FetchRequest(since=since, programs=tuple(programs), allow_drop=allow_drop, max_errors=max_errors,
                           sdn_format=sdn_format, rate=rate)
    batches, failures = [], []
    for name in chosen:
        source = get_source(name)
        try:
            batches += [b for b in source.fetch(ctx, request) if b]
        except NotImplementedError as exc:
            failures.append(f"{name}: {exc}")
        except Exception as exc:  # noqa: BLE001 -- one source's failure never stops the others
            if environment_reason(exc) is not None:
                raise     # the machine's failure: every command stops with one line (_Commands)
            if isinstance(exc, TrackerError):
                failures.append(f"{name}: unreachable or failed: {exc}")
            else:
                failures.append(f"{name}: failed: {crash_line(exc)}")
                debug_traceback(exc, state.log)
    for line in failures:
        click.echo(line, err=True)
    # batches an interrupted build left behind are built too (build() picks them up)
    if batches or state.archive.batches(status="building"):
        try:
            result = _recorded_build(state, ctx, batches, "update", chosen, failures=failures,
                                     rejected_label="new data rejected: ")
        except BuildFailed as exc:
            click.echo(f"Error: {exc.why}", err=True)
            if not exc.interrupted:
                _print_staleness(state)
            return False
        failures += [f"{k}: new data rejected: {v}" for k, v in result.rejected.items()]
    elif failures:
        run_id = state.archive.start_run("update", chosen)
        state.archive.finish_run(run_id, "failed", message="; ".join(failures))
    else:
        click.echo("Nothing new.")
    if failures:
        _print_staleness(state)
        return False
    return True


def _print_staleness(state: State) -> None:
    if not state.db_path.exists():
        click.echo(f"{state.db_path} does not exist yet.", err=True)
        return
    from .publish.status import staleness

    click.echo(f"The database was left unchanged. {staleness(state.db_path)}", err=True)


# -- rebuild / status / serve ----------------------------------------------------------
@cli.command()
@click.pass_obj
def rebuild(state: State):
    """Rebuild the database from the raw archive alone (no network)."""
    if not (state.archive_path / "index.sqlite").exists():
        _fail(f"no archive at {state.archive_path}: nothing to rebuild from")
    ctx = state.context()
    _run_build(state, ctx, [], "rebuild", list(SOURCE_NAMES), full=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output")
@click.option("--since", help="Count input problems recorded since this date (YYYY-MM-DD)"
                              " [default: each source's last successful update]")
@click.pass_obj
def status(state: State, as_json, since):
    """Last successful run per source, counts, latest observation dates, errors."""
    from .publish.status import collect_status, format_status

    info = collect_status(state.db_path, state.archive_path, since=since)
    click.echo(json.dumps(info, indent=2) if as_json else format_status(info))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False), help="Datasette metadata [default: metadata.yml]")
@click.option("--cache-mb", type=click.FloatRange(min=0), default=None,
              help="Memory for recently served pages, in MB [default: 64; 0 turns the cache off]")
@click.option("--sql/--no-sql", default=None,
              help="Let visitors run their own SQL (time- and memory-bounded) [default: only when --host is"
                   " this machine's loopback address]")
@click.pass_obj
def serve(state: State, host, port, metadata, cache_mb, sql):
    """Serve the database with Datasette (read-only), with metadata.yml and the plugins."""
    from .publish.serve import serve_database

    try:
        serve_database(state.db_path, host=host, port=port, metadata=metadata, log=state.log, cache_mb=cache_mb,
                       sql=sql)
    except TrackerError as exc:
        _fail(str(exc))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--update-every", default="6h", show_default=True, metavar="DURATION",
              help="Fetch what is new this often while serving (30m, 6h, 1d...; 0: only once, at the start)")
@click.option("--source", "sources", multiple=True, type=click.Choice(SOURCE_NAMES),
              help="Only keep these sources fresh [default: all]")
@click.pass_obj
def run(state: State, host, port, update_every, sources):
    """Serve the database and keep it fresh. Every source is fetched at once; the site starts
    as soon as there is a database (on a first run: once the SDN list is in, the backfills
    going on behind, every page saying what is still loading), then the sources are fetched
    again every --update-every. A failed update never stops the site: its pages say the
    data is stale and why."""
    from .publish.serve import serve_database
    from .service import Schedule, Service, parse_duration

    try:
        every = parse_duration(update_every)
    except ValueError as exc:
        _fail(f"--update-every: {exc}")
    cfg = state.context().config
    schedule = Schedule(update_every=every, retry_seconds=cfg.run_retry_seconds, part_seconds=cfg.run_part_seconds,
                        build_gap=cfg.run_build_gap, status_seconds=cfg.run_status_seconds)
    service = Service(state.db_path, state.archive_path, cfg, log=state.log, progress=state.progress,
                      schedule=schedule, sources=tuple(sources) or SOURCE_NAMES).start()
    try:
        if not state.db_path.exists() and not service.wait_for_database():
            _fail(f"no database at {state.db_path} and the update failed: nothing to serve")
        serve_database(state.db_path, host=host, port=port, metadata=None, log=state.log)
    except TrackerError as exc:
        _fail(str(exc))
    finally:
        service.stop()


def main():
    cli(prog_name="tracker")
