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
