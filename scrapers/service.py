"""`tracker run`: serve first, backfill behind, then keep the data fresh on a schedule.

A first run on a fresh machine:
- every source is fetched at once, each in a thread of its own with an HTTP client of its
  own, within the per-host rate limits: sources on different hosts go at once, each at its
  host's pace; sources on the same host share its slots (_SharedSlots) (the SDN list, a few
  requests, comes in first);
- the updater thread builds what arrives: the SDN list at once, then the parts of the
  Treasury crawl and the DOJ walk that the sources hand over every `part_seconds` while they
  go on fetching (sources/base.py, PartCutter), at most one build every `build_gap` seconds;
  each build is swapped in atomically (build.py) and the running site picks it up on its
  next request (publish/reload.py);
- the site (`tracker serve`'s Datasette, in the main thread) starts as soon as a database
  exists, and every page says what is still loading and how far along it is
  (publish/progress.py);
- the terminal gets a status line every `status_seconds` (counts, how far back, ETA) and a
  line per build, not a line per release.
Then the same cycle runs every `update_every` seconds: incremental, a no-change update costs
a few requests. A cycle that fails changes nothing that is served: the pages say the data is
stale and why, and the next cycle comes sooner (`retry_seconds`).

What a run keeps, as `tracker update` does: one writer at a time (the updater thread builds
one batch set after another, and build.write_lock keeps other processes out: a build it
cannot start yet is tried again); every fetched byte archived before it is parsed (the
sources' own fetch); walks and crawls that resume from the archive. Stopping (Ctrl-C) ends
every fetch at its next request or wait; a run stopped or killed at any point leaves what a
killed `tracker update` leaves, and the next run converges (parts already built are
superseded by their whole batch: Archive.set_applied).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import queue
import re
import threading
import time
import traceback
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import requests

from .archive import Archive, Batch
from .config import Config
from .dates import duration_text, share_walked, utcnow
from .errors import FetchError, TrackerError
from .publish.progress import BOARD, Board
from .publish.status import staleness
from .sources import SOURCE_NAMES, FetchContext, FetchProgress, FetchRequest, RunContext, get_source

DEFAULT_UPDATE_EVERY = 6 * 3600.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'6h', '30m', '90s', '1d', '1h30m', or seconds ('900'); '0' turns the schedule off."""
    raw = str(text).strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        return float(raw)
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", raw)
    if not parts or re.sub(r"(\d+(?:\.\d+)?)\s*([smhd])", "", raw).strip():
        raise ValueError(f"not a duration: {text!r} (examples: 6h, 30m, 1h30m, 900)")
    return sum(float(n) * _UNITS[u] for n, u in parts)


@dataclasses.dataclass(frozen=True)
class Schedule:
    update_every: float = DEFAULT_UPDATE_EVERY   # 0: update once, then only serve
    retry_seconds: float = 900.0                 # after a failed cycle (if sooner than update_every)
    part_seconds: float = 20.0                   # a long fetch hands over what it has this often
    build_gap: float = 10.0                      # at least this long between two builds
    status_seconds: float = 15.0                 # a status line in the terminal this often


class Stopped(KeyboardInterrupt):
    """The run is stopping: raised in a fetch thread at its next request or wait. An
    interruption everywhere (build.py leaves batches `building`, walks stay resumable)."""


class _SharedSlots:
    """Request slots per live host, shared by the HTTP clients of one run. Each source has a
    client of its own, which keeps to the host's rate limit for that source; sources fetched
    at the same time may talk to the same host (the SDN list, its enhanced XML and its delta
    files all come from the Sanctions List Service): together they keep to it too."""

    def __init__(self, config: Config, stop: threading.Event, clock: Callable[[], float] = time.monotonic):
        self.config, self.stop, self.clock = config, stop, clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def live_host(self, url: str) -> str:
        for live, local in self.config.base_urls.items():     # a stand-in stands for its live host
            if url.startswith(local) and (len(url) == len(local) or url[len(local)] in "/?#"):
                url = live + url[len(local):]
                break
        return (urlsplit(url).hostname or "").lower()

    def take(self, url: str) -> None:
        """Wait for the host's next free slot (raises Stopped if the run stops meanwhile)."""
        host = self.live_host(url)
        rate = self.config.rate_limits.get(host, self.config.default_rate)
        if not rate or rate <= 0:
            return
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + 1.0 / rate
        if slot > now and self.stop.wait(slot - now):
            raise Stopped()


class _ServiceSession(requests.Session):
    """The session of each HTTP client of a run: no request starts once the run is stopping,
    and every request (each redirect hop too) takes a slot of its host shared by the run."""

    def __init__(self, stop: threading.Event, slots: _SharedSlots):
        super().__init__()
        self._stop, self._slots = stop, slots

    def request(self, method, url, *args, **kwargs):
        if self._stop.is_set():
            raise Stopped()
        self._slots.take(url)
        return super().request(method, url, *args, **kwargs)


@dataclasses.dataclass
class _SourceRun:
    """One source in one cycle."""

    name: str
    label: str
    state: str = "waiting"              # fetching, done, failed, stopped
    started: float = 0.0
    standing: FetchProgress | None = None
    loaded: FetchProgress | None = None   # where the data in the served database reaches
    last_message: str = ""
    why: str | None = None
    whole_built: bool = False
    part_standing: dict = dataclasses.field(default_factory=dict)   # part id -> standing then


class Service:
    def __init__(self, db_path: Path, archive_path: Path, config: Config, *, log: Callable[[str], None],
                 progress: Callable[[str], None], schedule: Schedule = Schedule(),
                 sources: tuple[str, ...] = SOURCE_NAMES, request: FetchRequest | None = None,
                 board: Board = BOARD, clock: Callable[[], float] = time.monotonic):
        self.db_path, self.archive_path, self.config = Path(db_path), Path(archive_path), config
        self.log, self.progress = log, progress
        self.schedule, self.sources, self.board = schedule, tuple(sources), board
        self.request = request or FetchRequest()
        self.clock = clock
        self.stop_event = threading.Event()
        self.first_cycle_done = threading.Event()
        self.cycles = 0
        self.updating = False
        self.last_cycle_ok: bool | None = None
        self.builds = 0
        self.failed: list[dict] = []
        self.failed_at: str | None = None
        self.next_update: str | None = None
        self._runs: dict[str, _SourceRun] = {}
        self._slots = _SharedSlots(config, self.stop_event)
        self._thread = threading.Thread(target=self._loop, name="tracker-updater", daemon=True)

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> "Service":
        self._thread.start()
        return self

    def stop(self, timeout: float = 60.0) -> None:
        """End every fetch at its next request or wait; let a build under way finish
        (a build killed half-way is safe too: the next run recovers it)."""
        self.stop_event.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.board.clear()

    def wait_for_database(self, poll: float = 0.1) -> bool:
        """Block until tracker.db exists (True) or the first cycle ended without one (False)."""
        while not self.db_path.exists():
            if self.first_cycle_done.is_set() or not self._thread.is_alive():
                return self.db_path.exists()
            time.sleep(poll)
        return True

    def _loop(self) -> None:
        try:
            while not self.stop_event.is_set():
                try:
                    ok = self.run_cycle()
                except Exception as exc:  # noqa: BLE001 -- the site stays up whatever an update does
                    self.log(f"Error: the update stopped on an unexpected error: {type(exc).__name__}: {exc}")
                    self.log("".join(traceback.format_exception(exc, limit=-4)).rstrip())
                    self.failed, self.failed_at = [{"source": "update", "why": f"{type(exc).__name__}: {exc}"}], utcnow()
                    ok = False
                self.first_cycle_done.set()
                every = self.schedule.update_every
                if every <= 0 or self.stop_event.is_set():
                    break
                wait = every if ok else min(every, self.schedule.retry_seconds)
                self.next_update = _in_seconds(wait)
                self._publish()
                self.progress(f"Next update at {self.next_update} (every {duration_text(every)}).")
                if self.stop_event.wait(wait):
                    break
        finally:
            self.first_cycle_done.set()

    # -- one cycle ----------------------------------------------------------------------------------
    def run_cycle(self) -> bool:
        """Fetch every source at once, building what arrives; True when nothing failed. Not
        while another command updates the same database (build.update_lock): then False."""
        from .build import update_lock

        try:
            with update_lock(self.db_path):
                return self._cycle()
        except TrackerError as exc:
            self.failed, self.failed_at = [{"source": "update", "why": str(exc)}], utcnow()
            self.log(f"Error: {exc}")
            self._publish()
            return False

    def _cycle(self) -> bool:
        self.cycles += 1
        self.updating = True
        started = self.clock()
        before = self._runs
        self._runs = {name: _SourceRun(name, _label(name), started=started) for name in self.sources}
        for name, run in self._runs.items():
            old = before.get(name)
            if old is not None and not old.whole_built:
                run.loaded = old.loaded     # a backfill an earlier cycle left unfinished
        archive = Archive(self.archive_path)
        run_id = archive.start_run("run", list(self.sources))
        failures: dict[str, str] = {}
        counts: dict[str, dict] = {}
        try:
            self._fetch_and_build(archive, failures, counts)
        finally:
            stopped = self.stop_event.is_set()
            ok = not failures and not stopped
            status = "interrupted" if stopped else ("ok" if ok else ("partial" if counts else "failed"))
            archive.finish_run(run_id, status, counts=counts,
                               message="; ".join(f"{k}: {v}" for k, v in failures.items()) or None)
            archive.close()
            self.last_cycle_ok, self.updating = ok, False
        if not stopped:
            self.failed = [{"source": k, "why": v} for k, v in failures.items()]
            self.failed_at = utcnow() if failures else None
            took = duration_text(self.clock() - started)
            for k, v in failures.items():
                self.log(f"{k}: {v}")
            if failures:
                self.log(f"Update finished in {took} with failures; the site keeps serving."
                         + (f" {staleness(self.db_path)}" if self.db_path.exists() else ""))
            else:
                self.progress(f"Update finished in {took}: {self.status_line(final=True)}")
        self._publish()
        return ok

    def _fetch_and_build(self, archive: Archive, failures: dict, counts: dict) -> None:
        """Start a fetch thread per source; build what they hand over as it comes (at once
        while there is no database; then at most every `build_gap` seconds, and never more
        than half the time: each build copies and re-derives the whole database)."""
        inbox: queue.Queue = queue.Queue()
        threads = [threading.Thread(target=self._fetch, args=(name, inbox), name=f"tracker-fetch-{name}",
                                    daemon=True) for name in self.sources]
        self.progress(f"Updating {', '.join(self.sources)} (concurrently)"
                      + ("" if self.db_path.exists() else "; the site starts with the first build") + ".")
        for t in threads:
            t.start()
        waiting: list[Batch] = []
        last_build, build_took, busy_until = None, 0.0, 0.0
        last_status = self.clock()
        try:
            while any(t.is_alive() for t in threads) or not inbox.empty():
                try:
                    kind, name, payload = inbox.get(timeout=0.25)
                except queue.Empty:
                    kind = None
                if kind == "ready":
                    waiting.append(payload)
                elif kind == "done":
                    waiting += [b for b in payload if b]
                elif kind == "failed":
                    failures[name] = payload
                now = self.clock()
                gap_over = last_build is None or now - last_build >= max(self.schedule.build_gap, build_took)
                if waiting and now >= busy_until and (gap_over or not self.db_path.exists()) \
                        and not self.stop_event.is_set():
                    built = self._build(archive, waiting, counts, failures)
                    if built is None:
                        busy_until = self.clock() + 2.0    # another process is building: later
                    else:
                        waiting = []
                        last_build, build_took = self.clock(), self.clock() - now
                if now - last_status >= self.schedule.status_seconds:
                    last_status = now
                    self.progress(self.status_line())
                self._publish()
        finally:
            for t in threads:
                t.join()
        # what is left, and batches an interrupted build left behind (build() takes them)
        while not self.stop_event.is_set() and (waiting or archive.batches(status="building")):
            if self._build(archive, waiting, counts, failures) is not None:
                break
            self.stop_event.wait(2.0)

    def _fetch(self, name: str, inbox: queue.Queue) -> None:
        """One source's fetch (its own thread, archive connection and HTTP client)."""
        from .http import HttpClient

        run = self._runs[name]
        run.state, run.started = "fetching", self.clock()
        archive = Archive(self.archive_path)

        def sleep(seconds: float) -> None:
            if self.stop_event.wait(seconds):
                raise Stopped()

        def ready(batch: Batch) -> None:
            run.part_standing[batch.id] = run.standing
            inbox.put(("ready", name, batch))

        def report(standing: FetchProgress) -> None:
            run.standing = standing

        def progress(message: str) -> None:
            run.last_message = message

        try:
            ctx = FetchContext(config=self.config, archive=archive, log=self.log, progress=progress,
                               ready=ready, part_seconds=self.schedule.part_seconds, report=report)
            ctx.http = HttpClient(self.config, archive, session=_ServiceSession(self.stop_event, self._slots),
                                  sleep=sleep, log=self.log)
            batches = get_source(name).fetch(ctx, self.request)
            run.state = "done"
            inbox.put(("done", name, [b for b in batches if b]))
            if run.last_message:
                self.progress(run.last_message)
        except KeyboardInterrupt:
            run.state = "stopped"
            inbox.put(("done", name, []))
        except (FetchError, TrackerError, NotImplementedError) as exc:
            run.state, run.why = "failed", f"unreachable or failed: {exc}"
            inbox.put(("failed", name, run.why))
        except Exception as exc:  # noqa: BLE001 -- a bug in one source never stops the others or the site
            run.state, run.why = "failed", f"failed: {type(exc).__name__}: {exc}"
            self.log("".join(traceback.format_exception(exc, limit=-4)).rstrip())
            inbox.put(("failed", name, run.why))
        finally:
            archive.close()

    def _build(self, archive: Archive, batches: list[Batch], counts: dict, failures: dict) -> bool | None:
        """Build `batches` (and whatever an interrupted build left). None: another process
        holds the write lock (try later); False: the build failed; True: swapped in."""
        from .build import build

        ctx = RunContext(config=self.config, archive=archive, log=self.log, progress=lambda m: None)
        try:
            result = build(self.db_path, archive, ctx, list(batches))
        except TrackerError as exc:
            if "another tracker command is writing" in str(exc):
                return None
            failures["build"] = str(exc)
            self.log(f"Error: build failed, the site keeps the previous database: {exc}")
            return False
        self.builds += 1
        for source, why in result.rejected.items():
            failures[source] = f"new data rejected: {why}"
            self.log(f"Error: {source}: new data rejected, the rest was applied: {why}")
        for source, got in result.counts.items():
            bucket = counts.setdefault(source, {})
            for k, v in got.items():
                bucket[k] = bucket.get(k, 0) + v if isinstance(v, (int, float)) else v
        applied = {b.id for b in batches} - {b.id for b in batches if b.source in result.rejected}
        for b in batches:
            run = self._runs.get(b.source)
            if run is None or b.id not in applied:
                continue
            if b.meta.get("part_of") is None:
                run.whole_built = True
                run.loaded = run.standing
            elif b.id in run.part_standing and run.part_standing[b.id] is not None:
                run.loaded = run.part_standing[b.id]
        what = ", ".join(sorted({f"{b.source}{' part' if b.meta.get('part_of') else ''}" for b in batches})) \
            or "recovered batches"
        how = "rebuilt" if result.full else "updated"
        self.progress(f"Database {how} ({what}) in {result.seconds:.1f}s: {_counts_text(result.counts)}")
        return True

    # -- what is shown -------------------------------------------------------------------------------
    def _loading(self) -> list[dict]:
        out = []
        now = self.clock()
        for run in self._runs.values():
            standing = run.standing
            if run.whole_built or standing is None or not standing.since or run.state == "stopped":
                continue
            loaded = run.loaded
            reached = loaded.reached if loaded is not None and loaded.since == standing.since else None
            item = {"source": run.name, "label": run.label, "since": standing.since, "reached": reached,
                    "share": share_walked(standing.since, reached) if reached else 0.0}
            fetched = share_walked(standing.since, standing.reached)
            if run.state == "fetching" and fetched and fetched > 0.02:
                item["eta_seconds"] = round((now - run.started) * (1 - fetched) / fetched)
            out.append(item)
        return out

    def _publish(self) -> None:
        state = {"as_of": utcnow(), "loading": self._loading(), "updating": self.updating,
                 "next_update": self.next_update}
        if self.failed:
            state.update(failed=self.failed, failed_at=self.failed_at,
                         stale=staleness(self.db_path).removeprefix("Stale: ") if self.db_path.exists() else None)
        self.board.set(state)

    def status_line(self, final: bool = False) -> str:
        """One line: per source, what it fetched and how far back (with ETA), and builds."""
        parts = []
        now = self.clock()
        for run in self._runs.values():
            s = run.standing
            text = f"{run.name} {run.state}"
            if s is not None:
                total = f"/~{s.total:,}" if s.total and run.state == "fetching" else ""
                text += f", {s.done:,}{total} {s.unit}"
                share = share_walked(s.since, s.reached)
                if s.since and s.reached and share is not None:
                    text += f", back to {s.reached} of {s.since}..today ({share:.0%})"
                    if run.state == "fetching" and share > 0.02:
                        text += f", ETA {duration_text((now - run.started) * (1 - share) / share)}"
            if run.why and not final:
                text += f" ({run.why})"
            parts.append(text)
        return " | ".join(parts) + f" | {self.builds} build(s)"


def _label(name: str) -> str:
    try:
        return get_source(name).title or name
    except Exception:  # noqa: BLE001 -- a label is never worth failing for
        return name


def _counts_text(counts: dict) -> str:
    out = []
    for source, got in counts.items():
        shown = [f"{k.replace('_', ' ')} {v:,}" for k, v in got.items() if isinstance(v, int) and v]
        if shown:
            out.append(f"{source}: " + ", ".join(shown))
    return "; ".join(out) or "no changes"


def _in_seconds(seconds: float) -> str:
    when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


