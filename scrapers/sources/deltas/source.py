"""OFAC's delta files: what each publication of the SDN list added, removed and changed.

- `tracker update` asks the Sanctions List Service's archive listing for the current year (a
  POST of `{}`, deltas.yml), fetches the files it names that were never fetched (only
  publications not yet seen), then the "latest" redirect (conditional GET) in case the
  listing lags or does not answer. The first run walks the listing back one year at a time
  until a year lists nothing: how far back the archive reaches is found at run time, printed,
  kept in the archive state (`reach`) and in the database (`delta_files`, listed = 1).
  Files before `--since` (default: E.O. 14059's first day) are listed but not fetched.
- `tracker import deltas FILE...` takes saved delta files (named YYYY-MM-DD_delta.xml) and
  saved listings (.json).

`apply` writes one `list_observations` row per file (kind 'delta', id YYYYMMDDNN from its
name, `publication` the name, dated by the file's own datePublished) and a `list_events`
row (source 'delta-file') per tracked entity it names: added, removed, or changed with each
change and its old value. scrapers/linking/dates.py reads them as dates. Parsing: parse.py.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from ...archive import Batch
from ...changes import summary
from ...dates import eastern_today
from ...errors import FetchError, SourceError
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
from .parse import SOURCE, file_key, observation_id, parse_delta, parse_listing

LISTING, DELTA = "listing", "delta"


class DeltasSource(Source):
    name = SOURCE
    title = "OFAC delta files"
    replay_by_date = True

    # -- getting files into the archive ------------------------------------------------------
    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list[Batch]:
        staged = []
        for path in collect_files(paths, (".xml", ".json"), SOURCE):
            content = path.read_bytes()
            if path.suffix.lower() == ".json":
                staged.append(StagedFile(path, content, LISTING, {"year": _year_of(path.stem)}))
            else:
                staged.append(StagedFile(path, content, DELTA, {"name": path.name if file_key(path.name) else None}))
        return archive_import(ctx, SOURCE, staged)


    # -- building ----------------------------------------------------------------------------
    def apply(self, db, batch: Batch, ctx: BuildContext) -> dict:
        meta = load_source_yaml(SOURCE)
        tracked = {r[0] for r in db.execute("select uid from designations")}
        scope = set(ctx.config.programs)
        counts = {"listings": 0, "files": 0, "added": 0, "removed": 0, "changed": 0}
        for entry in ctx.archive.items(batch):
            role = entry.role or entry.kind
            content = ctx.archive.read(entry)
            if role == LISTING:
                rows, _ = parse_listing(content, entry.location)
                # listed = 1; what a fetch of the file recorded (url, sha256, date) is kept
                db.conn.executemany(
                    "insert into delta_files (name, published_on, year, listed, fetched, url) values (?, ?, ?, 1, 0, ?)"
                    " on conflict(name) do update set listed = 1", [
                        (r.name, r.published_on, int(r.published_on[:4]) if r.published_on else None,
                         meta["file_url"].format(name=r.name)) for r in rows])
                counts["listings"] += 1
                continue
            got = apply_delta(db, entry, content, scope, tracked, ctx)
            counts["files"] += 1
            for k in ("added", "removed", "changed"):
                counts[k] += got[k]
        return counts


def apply_delta(db, entry, content: bytes, scope: set[str], tracked: set[int], ctx: BuildContext) -> dict:
    parsed = parse_delta(content, entry.location)
    name = entry.meta.get("name") or _name_from(entry) or f"{parsed.published_on}_delta.xml"
    obs_id = observation_id(name)
    if obs_id is None:
        raise SourceError(SOURCE, entry.location, f"cannot tell which publication this is (file name {name!r})")
    if file_key(name)[0] != parsed.published_on:
        ctx.log(f"{SOURCE}: {entry.location}: named {name} but published {parsed.published_on}; dated by its content")
    events, counts = [], {"added": 0, "removed": 0, "changed": 0}
    for e in parsed.entities:
        if not ("*" in scope or scope.intersection(e.programs) or e.uid in tracked):
            continue
        details = {"publication": name, "programs": e.programs, "entity_type": e.entity_type}
        if e.changes:
            details["changes"] = e.changes
            details["summary"] = summary(e.changes)
        events.append({"observation_id": obs_id, "uid": e.uid, "event": e.action, "observed_on": parsed.published_on,
                       "name": e.name, "details": json.dumps(details, sort_keys=True, ensure_ascii=False),
                       "source": "delta-file"})
        counts[e.action] += 1
    db.execute("delete from list_events where observation_id = ?", [obs_id])
    if events:
        db["list_events"].insert_all(events, pk=("observation_id", "uid", "event"), replace=True)
    db["list_observations"].insert({
        "id": obs_id, "kind": "delta", "publication": name, "observed_on": parsed.published_on,
        "batch_id": ctx.batch.id if ctx.batch else None,
        "files": json.dumps([{"file": "delta.xml", "sha256": entry.sha256, "bytes": len(content), "from": entry.location}]),
        "programs": json.dumps(sorted(scope)), "entries_total": parsed.total, "entries_in_scope": len(events),
        **counts}, pk="id", replace=True)
    db["delta_files"].upsert({
        "name": name, "published_on": parsed.published_on, "year": int(parsed.published_on[:4]), "fetched": 1,
        "listed": db.execute("select coalesce(max(listed), 0) from delta_files where name = ?", [name]).fetchone()[0],
        "url": entry.url or entry.location, "sha256": entry.sha256, "publication_type": parsed.publication_type,
        "observation_id": obs_id, "entities": parsed.total}, pk="name")
    ctx.progress(f"{SOURCE}: {name} ({parsed.published_on}, {parsed.publication_type or 'type not given'}):"
                 f" {parsed.total} entities, {len(events)} tracked")
    return counts


def _name_from(entry) -> str | None:
    """The file name in the URL that served it (a storage redirect ends with it)."""
    for url in [entry.meta.get("final_url"), entry.url, *(entry.meta.get("redirects") or [])]:
        tail = urlsplit(url or "").path.rsplit("/", 1)[-1]
        if file_key(tail):
            return tail
        query = urlsplit(url or "").query
        if "filename=" in query:
            tail = query.split("filename=", 1)[1].split("&", 1)[0].rsplit("/", 1)[-1]
            if file_key(tail):
                return tail
    return None


def _year_of(text: str) -> int | None:
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits[:4]) if len(digits) >= 4 else None


class Fetcher:
    """One update: the listing (walked back on the first run), new files, the latest file."""

    def __init__(self, ctx: FetchContext, meta: dict, request: FetchRequest):
        self.ctx, self.meta = ctx, meta
        self.since = request.since or ctx.config.treasury_since
        self.entries: list[tuple[str, object]] = []
        self.listing_failed: str | None = None
        # files already in the database's batches (applied, or left building by a killed
        # build): a file whose batch was rejected is fetched again on the next run
        self.fetched, self.fetched_sha = set(), set()
        for b in ctx.archive.batches(SOURCE, None):
            if b.status in ("applied", "building"):
                for e in ctx.archive.items(b):
                    if (e.role or e.kind) == DELTA:
                        self._seen(e.meta.get("name") or _name_from(e), e.sha256)

    def run(self) -> list[Batch]:
        today = eastern_today()
        reach = self.ctx.archive.get_state(SOURCE, "reach")
        listed = self._listings(int(today[:4]), walk_back=reach is None)
        new = [r for r in listed if r.name not in self.fetched and (r.published_on or "") >= self.since]
        for row in sorted(new, key=lambda r: r.name):
            url = self.meta["file_url"].format(name=row.name)
            try:
                got = self.ctx.http.get(url, source=SOURCE, kind=DELTA, max_bytes=self.meta.get("max_bytes"),
                                        meta={"name": row.name})
            except FetchError as exc:
                self.ctx.log(f"{SOURCE}: {row.name}: {exc}; fetched on a later run")
                continue
            self.entries.append((DELTA, got.entry))
            self._seen(row.name, got.entry.sha256)
        latest_failed = self._latest()
        if latest_failed and self.listing_failed:
            raise FetchError(latest_failed.url, f"{latest_failed.reason}; the archive listing did not answer either"
                             f" ({self.listing_failed})", latest_failed.status)
        if not self.entries:
            self.ctx.progress(f"{SOURCE}: nothing new")
            return []
        batch = self.ctx.archive.new_batch(SOURCE, "update", today, {"origin": "update", "fingerprint": hashlib.sha256(
            json.dumps(sorted(e.sha256 or "" for _, e in self.entries)).encode()).hexdigest()})
        for role, entry in self.entries:
            self.ctx.archive.add_to_batch(batch, entry, role)
        self.ctx.progress(f"{SOURCE}: {sum(r == DELTA for r, _ in self.entries)} new delta file(s)")
        return [batch]

    def _listings(self, year: int, walk_back: bool) -> list:
        """The rows of this year's listing (and, on the first run, of every earlier year the
        archive still lists). Records how far back the archive reaches."""
        rows, years, stop = [], [], None
        first = int(self.meta.get("first_year", 2000))
        for y in range(year, first - 1, -1) if walk_back else [year]:
            url = self.meta["listing_url"].format(year=y)
            try:
                got = self.ctx.http.get(url, source=SOURCE, kind=LISTING, data=b"{}", meta={"year": y})
                found, _ = parse_listing(got.content, url)
            except (FetchError, SourceError) as exc:
                stop = f"the listing of {y} did not answer ({exc})"
                if y == year:
                    self.listing_failed = str(exc)
                    self.ctx.log(f"{SOURCE}: archive listing unavailable: {exc}; using the latest file only")
                break
            if not found and y < year:
                stop = f"the listing of {y} is empty"
                break
            if self._changed(got.entry):
                self.entries.append((LISTING, got.entry))
            rows += found
            years.append(y)
        if walk_back:
            earliest = min((r.published_on for r in rows if r.published_on), default=None)
            reach = {"earliest": earliest, "years": sorted(years), "checked_on": eastern_today(), "stopped": stop}
            self.ctx.archive.set_state(SOURCE, "reach", reach)
            self.ctx.progress(f"{SOURCE}: the delta archive reaches back to {earliest or 'nothing'}"
                              f" ({len(rows)} files listed in {len(years)} year(s); {stop or 'walk complete'})")
        return rows

    def _changed(self, entry) -> bool:
        """Is this listing response new (not the bytes an earlier run already had)?"""
        previous = self.ctx.archive.get_state(SOURCE, f"listing:{entry.url}")
        self.ctx.archive.set_state(SOURCE, f"listing:{entry.url}", entry.sha256)
        return previous != entry.sha256

    def _latest(self) -> FetchError | None:
        """The newest file, through the "latest" redirect; the error when it cannot be had."""
        try:
            got = self.ctx.http.get(self.meta["latest_url"], source=SOURCE, kind=DELTA, conditional=True,
                                    max_bytes=self.meta.get("max_bytes"))
        except FetchError as exc:
            self.ctx.log(f"{SOURCE}: latest delta file: {exc}")
            return exc
        name = _name_from(got.entry)
        if got.not_modified or got.entry.sha256 in self.fetched_sha or (name and name in self.fetched):
            return None
        self.entries.append((DELTA, got.entry))
        self._seen(name, got.entry.sha256)
        return None

    def _seen(self, name: str | None, sha256: str | None) -> None:
        if name:
            self.fetched.add(name)
        if sha256:
            self.fetched_sha.add(sha256)


DeltasSource.fetcher = Fetcher
