"""Sources: one package per publisher, all behind the interface in `base.py`.

`SOURCES` lists them in the order their batches are applied on a build (the SDN list first:
Treasury links read designations; DOJ links read both), each as "<package>.<module>:<class>"
(like Datasette's DEFAULT_PLUGINS). The package name is the source's name; the package holds
`<name>.yml`, its metadata and assertions. Adding a source: a new package, then a line here.
Packages are imported only when a command needs them (the CLI starts without parsers).
"""
from __future__ import annotations

import functools
import importlib

from .base import (
    BuildContext,
    FetchContext,
    FetchProgress,
    FetchRequest,
    PartCutter,
    RunContext,
    Source,
    StagedFile,
    archive_import,
    collect_files,
    load_source_yaml,
)

SOURCES = (
    "sdn.source:SdnSource",
    "treasury.source:TreasurySource",
    "doj.source:DojSource",
    "enhanced.source:EnhancedSource",     # the dates sources: read by linking/dates.py only
    "deltas.source:DeltasSource",
    "fedreg.source:FedregSource",
)
SOURCE_NAMES = tuple(path.split(".", 1)[0] for path in SOURCES)

__all__ = ["SOURCES", "SOURCE_NAMES", "BuildContext", "FetchContext", "FetchProgress", "FetchRequest", "PartCutter",
           "RunContext", "Source", "StagedFile",
           "all_sources", "archive_import", "collect_files", "get_source", "load_source_yaml"]


@functools.cache
def get_source(name: str) -> Source:
    """The source called `name` (KeyError if there is none)."""
    path = SOURCES[SOURCE_NAMES.index(name)] if name in SOURCE_NAMES else None
    if path is None:
        raise KeyError(name)
    module, _, cls = path.partition(":")
    source = getattr(importlib.import_module(f"{__name__}.{module}"), cls)()
    if source.name != name:
        raise RuntimeError(f"{path}: the source calls itself {source.name!r}, not {name!r}")
    return source


def all_sources() -> list[Source]:
    return [get_source(name) for name in SOURCE_NAMES]
