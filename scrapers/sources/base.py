"""The interface every source implements, and what it is given while it works.

A source (one package under `scrapers/sources/`) defines one `Source` subclass and exposes
an instance of it as `SOURCE` in its `source` module. It knows how to
- `fetch(ctx, request)`: talk to the network through `ctx.http`; everything it receives is
  archived first; it returns the archive batches it created (I/O only, no database);
- `import_paths(ctx, paths, request)`: put local files into the archive as batches (same
  shape as fetched ones); `import_history` does the same for a directory of versions;
- `apply(db, batch, ctx)`: turn one archived batch into rows (parsing is done by pure
  functions in the package); `replay_key` orders batches on a rebuild;
- `snapshot`/`check`: its assertions, run before the new database replaces the old one. The
  generic ones are data in `<name>.yml` (see scrapers/assertions.py); `check` adds what
  cannot be said as data.

`FetchContext` is what fetching and importing get (settings, the archive, the HTTP client,
output); `BuildContext` is what applying a batch gets (the database being built, the batch,
the error sink). Both are made by the caller; settings are frozen (scrapers/config.py).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import yaml

from ..archive import public_path
from ..assertions import Assertions
from ..errors import TrackerError

if TYPE_CHECKING:
    import sqlite_utils

    from ..archive import Archive, Batch
    from ..config import Config
    from ..http import HttpClient
    from ..matching import NameIndex


@dataclasses.dataclass(frozen=True)
class FetchRequest:
    """What a command asks of a source; each source reads the fields that concern it."""

    since: str | None = None             # backfill releases back to this date (YYYY-MM-DD)
    programs: tuple[str, ...] = ()       # program tags tracked in addition (SDN)
    allow_drop: bool = False             # accept an observation that drops many entries (SDN)
    max_errors: int | None = None        # bad rows tolerated in this batch [default: config]
    sdn_format: str | None = None        # "csv" or "xml" (SDN)
    rate: float | None = None            # API requests per second (DOJ)
    as_of: str | None = None             # date of the version being imported (SDN)
    history_zone: str | None = None      # time zone of version names with a time (SDN history) [UTC]


@dataclasses.dataclass
class RunContext:
    """What every command has: settings, the archive, and where messages go."""

    config: "Config"
    archive: "Archive"
    log: Callable[[str], None]
    progress: Callable[[str], None]


@dataclasses.dataclass(frozen=True)
class FetchProgress:
    """Where a source's fetch stands, for progress displays (`tracker run` shows it in the
    terminal and on every page)."""

    source: str
    unit: str                     # what `done` counts: "releases", "API pages"
    done: int                     # fetched in this run
    since: str | None = None      # backfilling back to this date (None: catching up with what is new)
    reached: str | None = None    # the oldest publication date read so far (YYYY-MM-DD)
    total: int | None = None      # how many `unit` in all, when the source can estimate it


@dataclasses.dataclass
class FetchContext(RunContext):
    """What a source gets while it fetches or imports.

    `tracker run` (scrapers/service.py) also sets `ready`: a long fetch then hands what it
    has to the builder every `part_seconds`, as a *part* of the batch it is filling (see
    PartCutter), so the site shows data while the fetch goes on; and `report`, told where the
    fetch stands (FetchProgress). Without them (`tracker update`) a source builds nothing
    before its fetch ends."""

    http: "HttpClient | None" = None
    ready: "Callable[[Batch], None] | None" = None
    part_seconds: float = 30.0
    report: "Callable[[FetchProgress], None] | None" = None

    def progress_report(self, **standing) -> None:
        """Tell `report` (if anyone listens) where the fetch stands: FetchProgress fields."""
        if self.report is not None:
            self.report(FetchProgress(**standing))


@dataclasses.dataclass
class BuildContext(RunContext):
    """What a source gets while one of its batches is applied to the database being built."""

    db: "sqlite_utils.Database | None" = None
    batch: "Batch | None" = None
    batch_errors: int = 0
    name_index: "NameIndex | None" = None

    def names(self) -> "NameIndex":
        """The SDN name index of the database being built, made on first use and shared by
        the link passes that follow (they change no name, alias or entity type: see
        scrapers/linking/__init__.py). The build sets it back to None before the passes."""
        if self.name_index is None:
            from ..matching import NameIndex

            self.name_index = NameIndex(self.db)
        return self.name_index

    def error(self, source: str, location: str, reason: str, row: int | str | None = None, *,
              counted: bool = True) -> None:
        """Record bad input in the `errors` table of the database being built. `counted=False`:
        input the source skipped on purpose (a broken version in a history import), which does
        not count towards the batch's --max-errors."""
        from ..dates import utcnow

        self.batch_errors += int(counted)
        if self.db is not None:
            self.db["errors"].insert({
                "source": source, "location": location, "row": None if row is None else str(row),
                "reason": reason, "batch_id": self.batch.id if self.batch else None,
                "recorded_at": self.batch.created_at if self.batch else utcnow(),
            })
        where = location + (f", row {row}" if row is not None else "")
        self.log(f"{source}: {where}: {reason}")


class Source:
    name: str = ""
    title: str = ""
    # a class whose instance, made with (ctx, metadata, request), fetches with .run(): the
    # default `fetch` (sources that fetch in one loop of their own)
    fetcher: type | None = None
    # batches replayed in the order of their observed_on date, then as archived
    replay_by_date: bool = False

    def fetch(self, ctx: FetchContext, request: FetchRequest) -> list["Batch"]:
        if self.fetcher is None:
            raise NotImplementedError(f"{self.name}: no network fetch")
        if ctx.http is None:
            raise TrackerError(f"{self.name}: no HTTP client")
        return self.fetcher(ctx, self.metadata(), request).run()

    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list["Batch"]:
        raise NotImplementedError(f"{self.name}: no file import")

    def import_history(self, ctx: FetchContext, directory: Path, request: FetchRequest) -> list["Batch"]:
        raise NotImplementedError(f"{self.name}: no history import")

    def apply(self, db: "sqlite_utils.Database", batch: "Batch", ctx: BuildContext) -> dict:
        raise NotImplementedError

    def replay_key(self, batch: "Batch"):
        return (batch.observed_on or "", batch.id) if self.replay_by_date else batch.id

    def needs_full_rebuild(self, db: "sqlite_utils.Database", batches: list["Batch"], ctx: BuildContext) -> str | None:
        """A reason why the new batches cannot be applied on top of the current database."""
        return None

    def snapshot(self, db: "sqlite_utils.Database") -> dict:
        """What `check` needs from the database about to be replaced (besides the YAML's)."""
        return {}

    def check(self, db: "sqlite_utils.Database", before: dict, ctx: BuildContext) -> list[str]:
        """Failures that cannot be said as data in `<name>.yml` (one line each)."""
        return []

    def metadata(self) -> dict:
        return load_source_yaml(self.name)

    @property
    def assertions(self) -> Assertions:
        """The `assertions:` of `<name>.yml`, validated (scrapers/assertions.py)."""
        return Assertions.parse(self.name, self.metadata().get("assertions"), f"{self.name}/{self.name}.yml")


@functools.lru_cache(maxsize=None)
def load_source_yaml(name: str) -> dict:
    """`<name>/<name>.yml` beside the source's modules, parsed once (read-only: don't mutate it)."""
    path = Path(__file__).parent / name / f"{name}.yml"
    if not path.exists():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}


def collect_files(paths: list[Path], suffixes: tuple[str, ...], source: str) -> list[Path]:
    """Files given on the command line, and the files with these suffixes in the directories
    given (sorted). Errors name the source and the path."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                raise TrackerError(f"{source}: {path} holds no {' or '.join(suffixes)} files")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise TrackerError(f"{source}: {path}: no such file or directory")
    if not files:
        raise TrackerError(f"{source}: no files given")
    return files


@dataclasses.dataclass
class StagedFile:
    """One local file on its way into the archive: what kind of item it is and its meta."""

    path: Path
    content: bytes
    kind: str
    meta: dict = dataclasses.field(default_factory=dict)


def archive_import(ctx: FetchContext, source: str, staged: list[StagedFile]) -> list["Batch"]:
    """Put saved files into the archive as one `import` batch. The same set of files imported
    again (same kinds and bytes, in any order) is recognised and not archived twice."""
    fingerprint = hashlib.sha256(json.dumps(sorted(
        (s.kind, hashlib.sha256(s.content).hexdigest()) for s in staged)).encode()).hexdigest()
    existing = ctx.archive.find_batch(source, "import", None, fingerprint)
    if existing is not None:
        ctx.log(f"{source}: these files were already imported (batch {existing.id}); nothing to do")
        return []
    batch = ctx.archive.new_batch(source, "import", None, {"fingerprint": fingerprint, "origin": "import",
                                                           "files": len(staged)})
    for s in staged:
        entry = ctx.archive.put(source, s.kind, s.content, url=None, status=None,
                                meta={"path": public_path(s.path), "origin": "import", **s.meta})
        ctx.archive.add_to_batch(batch, entry, s.kind)
    ctx.progress(f"{source}: archived {len(staged)} file(s)")
    return [batch]


class PartCutter:
    """Hands a batch that a long fetch keeps filling to the builder in parts (`ctx.ready`,
    set by `tracker run`), so that what is fetched shows up before the fetch ends.

    A part is a batch of kind `<kind>-part` holding the items the whole batch gained since the
    previous part (the same archive entries, with the same roles) and `part_of` = the whole's
    id in its meta; the whole lists its parts in `parts` and how many of its items they cover
    in `parted`. The whole stays what it was (resuming a fetch reads it; it is built when its
    fetch is complete); once it is applied its parts are `superseded` (Archive.set_applied),
    so a rebuild replays the whole alone. Parts hold nothing the whole does not, and the source
    cuts a last part when its fetch ends (`cut(last=True)`): a whole whose parts are all in the
    database adopts them instead of being applied again (build.py)."""

    def __init__(self, ctx: FetchContext, clock: Callable[[], float] = time.monotonic):
        self.ctx = ctx
        self._clock = clock
        self.last = clock()

    @property
    def active(self) -> bool:
        return self.ctx.ready is not None

    def due(self) -> bool:
        return self.active and self._clock() - self.last >= self.ctx.part_seconds

    def resume(self, whole: "Batch") -> None:
        """A fetch taking up a whole batch an earlier run left: hand its parts that were never
        built to the builder again (once they are all in, the whole adopts them)."""
        if not self.active:
            return
        for part_id in self.ctx.archive.batch(whole.id).meta.get("parts") or []:
            part = self.ctx.archive.batch(int(part_id))
            if part.status == "pending":
                self.ctx.ready(part)

    def cut(self, whole: "Batch", *, last: bool = False, roles: tuple[str, ...] | None = None) -> "Batch":
        """If a part is due, put the whole's new items in a part and hand it to `ctx.ready`;
        returns the whole as stored now. `last`: the fetch is over; the rest goes in a last part
        if the whole has parts (a whole without any is built as it is). `roles`: a part is cut
        only when the new items hold one of these roles (e.g. no part of listing pages alone)."""
        if not self.active or not (last or self.due()):
            return whole
        archive = self.ctx.archive
        whole = archive.batch(whole.id)
        if last and not whole.meta.get("parts"):
            return whole
        items = archive.items(whole)
        covered = int(whole.meta.get("parted") or 0)
        new = items[covered:]
        if not new or (roles is not None and not any((e.role or "").split(":")[0] in roles for e in new)):
            return whole
        part = archive.new_batch(whole.source, f"{whole.kind}-part", whole.observed_on, {"part_of": whole.id})
        for entry in new:
            archive.add_to_batch(part, entry, entry.role)
        whole = archive.update_batch_meta(whole, parts=list(whole.meta.get("parts") or []) + [part.id],
                                          parted=len(items))
        self.last = self._clock()
        self.ctx.ready(part)
        return whole
