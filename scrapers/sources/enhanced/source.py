"""OFAC's SDN_ENHANCED.XML: the day each tracked entity was published on the SDN list.

- `tracker update` downloads it from the Sanctions List Service (a redirect to signed storage)
  with conditional GET: an unchanged file costs nothing, and a file with the bytes already
  archived makes no new batch.
- `tracker import enhanced FILE.xml` takes a saved copy.

`apply` writes `enhanced_entries` (one row per tracked entity and list, with the file's URL or
path and sha256 as evidence); scrapers/linking/dates.py turns them into dates. Parsing:
parse.py (streaming, safe: scrapers/ofac_xml.py); metadata and assertions: enhanced.yml.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...archive import Batch
from ...dates import eastern_today
from ...errors import TrackerError
from ..base import (
    BuildContext,
    FetchContext,
    FetchRequest,
    Source,
    StagedFile,
    archive_import,
    collect_files,
    load_source_yaml,
)
from .parse import SOURCE, parse, sniff_date

KIND = "export"


class EnhancedSource(Source):
    name = SOURCE
    title = "OFAC SDN_ENHANCED.XML"
    replay_by_date = True

    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list[Batch]:
        staged = []
        for path in collect_files(paths, (".xml",), SOURCE):
            content = path.read_bytes()
            staged.append(StagedFile(path, content, KIND, {"data_as_of": sniff_date(content)}))
        return archive_import(ctx, SOURCE, staged)

    def fetch(self, ctx: FetchContext, request: FetchRequest) -> list[Batch]:
        if ctx.http is None:
            raise TrackerError(f"{SOURCE}: no HTTP client")
        meta = load_source_yaml(SOURCE)
        got = ctx.http.get(meta["url"], source=SOURCE, kind=KIND, conditional=True, max_bytes=meta.get("max_bytes"))
        if got.not_modified or self._already_applied(ctx, got.entry.sha256):
            ctx.progress(f"{SOURCE}: SDN_ENHANCED.XML unchanged")
            return []
        ctx.progress(f"{SOURCE}: SDN_ENHANCED.XML {len(got.content):,} bytes")
        batch = ctx.archive.new_batch(SOURCE, KIND, sniff_date(got.content) or eastern_today(),
                                      {"origin": "update", "fingerprint": got.entry.sha256})
        ctx.archive.add_to_batch(batch, got.entry, KIND)
        return [batch]

    @staticmethod
    def _already_applied(ctx: FetchContext, sha256: str | None) -> bool:
        return any(e.sha256 == sha256 for b in ctx.archive.batches(SOURCE, "applied") for e in ctx.archive.items(b))

    def apply(self, db, batch: Batch, ctx: BuildContext) -> dict:
        uids = {r[0] for r in db.execute("select uid from designations")}
        programs = set(ctx.config.programs)
        counts = {"files": 0, "entities": 0, "tracked": 0}
        for entry in ctx.archive.items(batch):
            parsed = parse(ctx.archive.read(entry), entry.location, programs, uids)
            as_of = parsed.data_as_of or entry.meta.get("data_as_of")
            rows = [{"uid": e.uid, "list_name": name, "date_published": date, "name": e.name,
                     "entity_type": e.entity_type, "programs": json.dumps(list(e.programs)), "data_as_of": as_of,
                     "evidence": entry.url or entry.location, "sha256": entry.sha256}
                    for e in parsed.entities for name, date in e.lists]
            if rows:
                db["enhanced_entries"].insert_all(rows, pk=("uid", "list_name"), replace=True)
            counts["files"] += 1
            counts["entities"] += parsed.total
            counts["tracked"] += len(parsed.entities)
            ctx.progress(f"{SOURCE}: {entry.location}: {parsed.total:,} entities, {len(parsed.entities):,} tracked,"
                         f" {parsed.sdn_dated:,} with an SDN List date (data as of {as_of or 'unknown'})")
        return counts
