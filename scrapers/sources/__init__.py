"""Sources: one module per publisher, all behind the same interface.

Each source module defines a `Source` subclass and registers it. A source knows how to
- `fetch`: talk to the network through the shared HttpClient; everything it receives is
  archived; it returns the archive batches it created (I/O only, no database);
- `import_paths`: put local files into the archive as batches (same shape as fetched ones);
- `apply`: turn one archived batch into rows (parsing is done by pure functions in the
  module); `replay_key` orders batches on a rebuild;
- `snapshot`/`check`: its assertions (OpenSanctions-style), run before the new database
  replaces the old one.
Metadata about each source (publisher, URLs, expected counts) lives beside the module in
`<name>.yml`.
"""
from __future__ import annotations

import dataclasses
import functools
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import yaml

from ..errors import TrackerError

if TYPE_CHECKING:
    import sqlite_utils

    from ..archive import Archive, Batch
    from ..config import Config
    from ..http import HttpClient

SOURCE_MODULES = ["sdn", "treasury", "doj"]


@dataclasses.dataclass
class Context:
    """What a source gets while it works: settings, the archive, output and error sinks."""

    config: "Config"
    archive: "Archive"
    log: Callable[[str], None]
    progress: Callable[[str], None]
    options: dict = dataclasses.field(default_factory=dict)
    http: "HttpClient | None" = None
    db: "sqlite_utils.Database | None" = None
    batch: "Batch | None" = None
    batch_errors: int = 0

    def error(self, source: str, location: str, reason: str, row: int | str | None = None) -> None:
        """Record bad input in the `errors` table of the database being built."""
        from ..dates import utcnow

        self.batch_errors += 1
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

    def fetch(self, ctx: Context, **options) -> list["Batch"]:
        raise NotImplementedError(f"{self.name}: no network fetch")

    def import_paths(self, ctx: Context, paths: list[Path], **options) -> list["Batch"]:
        raise NotImplementedError(f"{self.name}: no file import")

    def apply(self, db: "sqlite_utils.Database", batch: "Batch", ctx: Context) -> dict:
        raise NotImplementedError

    def replay_key(self, batch: "Batch"):
        return batch.id

    def needs_full_rebuild(self, db: "sqlite_utils.Database", batches: list["Batch"], ctx: Context) -> str | None:
        """A reason why the new batches cannot be applied on top of the current database."""
        return None

    def snapshot(self, db: "sqlite_utils.Database") -> dict:
        return {}

    def check(self, db: "sqlite_utils.Database", before: dict, ctx: Context) -> list[str]:
        return []

    def metadata(self) -> dict:
        return load_source_yaml(self.name)


@functools.lru_cache(maxsize=None)
def load_source_yaml(name: str) -> dict:
    """`<name>.yml` beside the source modules, parsed once (read-only: don't mutate it)."""
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


_REGISTRY: dict[str, Source] = {}


def register(source: Source) -> Source:
    _REGISTRY[source.name] = source
    return source


def all_sources() -> list[Source]:
    for mod in SOURCE_MODULES:
        try:
            importlib.import_module(f"{__name__}.{mod}.source")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{__name__}.{mod}", f"{__name__}.{mod}.source"):
                raise
    return [_REGISTRY[m] for m in SOURCE_MODULES if m in _REGISTRY]


def get_source(name: str) -> Source:
    for source in all_sources():
        if source.name == name:
            return source
    raise KeyError(name)
