"""DOJ press releases (justice.gov news API v1): fentanyl prosecutions.

- `tracker update --source doj` walks `press_releases.json?sort=date&direction=DESC&pagesize=50
  &page=N` newest first (a *walk*; one walk = one archive batch). Every page goes to the raw
  archive; releases are classified locally and only fentanyl-related ones are stored, so a
  better classifier later needs `tracker rebuild`, never a download.
- Incremental: the walk stops once it has passed the newest release day already covered
  (the *frontier* of the last complete walk: its newest `date` and the releases of that
  day), or as soon as a page holds a release we know, unchanged, and the API's total count
  says nothing else is new. A no-change update costs one request.
- `--since YYYY-MM-DD` (default `doj_since`, 2021-01-01, for the first walk) backfills: the
  walk goes on until a page holds a release dated before that day. Extending an existing
  backfill further back does not re-walk what is covered: it seeks the page where the old
  walk stopped (estimated from its position and the growth of the API's count, then
  confirmed by the dates on the pages) and continues from there.
- Resumable: the walk's pages are added to its batch as they arrive (archive `state`
  records which batch is in progress). A killed walk is resumed by the next run: the pages
  it has are replayed from the archive (a page archived just before the kill is picked up
  by URL), nothing is fetched twice, and the walk continues with the next page.
  Pages shift while we walk (new releases are published on top): every page is read
  anyway, releases are deduplicated by uuid, so a shift only repeats a few releases; the
  walk is anchored to the state of the list when it started, and the releases published
  since are picked up by the next incremental run.
- `tracker import doj FILE...`: saved API responses (list pages, single-item responses)
  and saved release pages (HTML).

Rows: `press_releases` (agency 'DOJ', id 'doj:<uuid>', url normalised to
https://www.justice.gov/..., `office` = the release's components joined with "; ",
`district` = the U.S. Attorney's Office's district or the one the text names, `topics` JSON,
`published` = the Eastern date of the API's `date`, `changed` = ISO UTC), `prosecutions`
(one per case and stage, id 'doj:<uuid>#N') and `defendants` (id 'doj:<uuid>/dN').

The walk's bookkeeping: walk.py; rows: rows.py; parsing: api.py (API JSON), page.py (release
pages), htmltext.py (body text); classification: classify.py; prosecutions/defendants:
extract.py (and the modules it names); metadata,
assertions and vocabularies: doj.yml; links to the SDN list: scrapers/linking/doj.py.
"""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ...archive import Batch, Entry
from ...dates import duration_text, leading_date, utcnow
from ...errors import FetchError, SourceError, TrackerError
from ..base import (
    BuildContext,
    FetchContext,
    FetchRequest,
    PartCutter,
    Source,
    StagedFile,
    archive_import,
    collect_files,
)
from .api import (
    ParseError,
    Release,
    item_might_mention_fentanyl,
    merge_records,
    normalize_url,
    parse_api_response,
    parse_item,
    parse_item_light,
)
from .challenge import bot_challenge, challenge_reason
from .classify import tables
from .page import parse_release_page
from .rows import _fill_from_page, write_release
from .walk import JUSTICE_HOSTS, PAGESIZE, SOURCE, Walk, page_url, summarize


# -- the source --------------------------------------------------------------------------------------
class DojSource(Source):
    name = SOURCE
    title = "DOJ press releases"

    # -- coverage of earlier walks ---------------------------------------------------------------
    def _walk_batches(self, archive) -> list[Batch]:
        return [b for b in archive.batches(SOURCE, None) if b.kind == "walk"]

    def coverage(self, archive) -> tuple[dict | None, dict | None]:
        """(frontier, bottom) of the newest complete walk that is applied or about to be."""
        for b in reversed(self._walk_batches(archive)):
            if b.meta.get("complete") and b.status in ("applied", "building", "pending"):
                return b.meta.get("frontier"), b.meta.get("bottom")
        return None, None

    # -- update ------------------------------------------------------------------------------------
    def fetch(self, ctx: FetchContext, request: FetchRequest) -> list[Batch]:
        if ctx.http is None:
            raise TrackerError("doj: no HTTP client")
        archive = ctx.archive
        since = request.since
        self._configure_rate(ctx, request.rate)
        out: list[Batch] = []
        # a walk that finished fetching but never got built (killed before the build started)
        for b in self._walk_batches(archive):
            if b.status == "pending" and b.meta.get("complete"):
                ctx.log(f"doj: walk batch {b.id} was fetched but never built; building it now")
                out.append(b)
        state = archive.get_state(SOURCE, "walk")
        batch = None
        if state:
            try:
                candidate = archive.batch(state["batch_id"])
            except (KeyError, TypeError):
                candidate = None
            if candidate is not None and candidate.status == "pending" and not candidate.meta.get("complete"):
                batch = candidate
            else:
                archive.delete_state(SOURCE, "walk")
        if since is not None and leading_date(since) != since:
            raise TrackerError(f"doj: --since must be a date like 2021-01-01, not {since!r}")
        if batch is not None:
            walk_since = batch.meta.get("since")
            if since and (not walk_since or since < walk_since):
                walk_since = since
                batch = archive.update_batch_meta(batch, since=since)
            walk = Walk(walk_since, batch.meta.get("frontier_before"), batch.meta.get("bottom_before"))
            self._replay(ctx, batch, walk)
            PartCutter(ctx).resume(batch)
            ctx.progress(f"doj: resuming the walk of batch {batch.id} (since {walk_since or 'the frontier'}):"
                         f" {len(walk.order)} page(s) already archived, {walk.releases:,} releases seen")
        else:
            frontier, bottom = self.coverage(archive)
            if since is None and frontier is None:
                since = ctx.config.doj_since
            if frontier is None and not since:
                raise TrackerError("doj: nothing stored yet and no --since date to backfill to")
            walk = Walk(since, frontier, bottom)
            batch = archive.new_batch(SOURCE, "walk", None, {
                "since": since, "frontier_before": frontier, "bottom_before": bottom, "complete": False,
                "origin": "update", "pagesize": PAGESIZE})
            archive.set_state(SOURCE, "walk", {"batch_id": batch.id, "started_at": batch.created_at})
            what = f"backfill to {since}" if frontier is None else \
                ("incremental" + (f", then back to {since}" if walk.extending else ""))
            ctx.progress(f"doj: new walk (batch {batch.id}, {what})")
        self._run(ctx, batch, walk)
        if walk.nothing_new():
            # nothing to build: keep the pages (archived) but not as a batch to apply
            archive.update_batch_meta(batch, complete=True, pages=len(walk.order), releases=walk.releases,
                                      kept=walk.kept, finished_at=utcnow())
            archive.set_batch_status([batch.id], "unchanged", "nothing new since the last walk")
            archive.delete_state(SOURCE, "walk")
            ctx.progress(f"doj: nothing new ({len(walk.order)} page(s) read)")
            return out
        PartCutter(ctx).cut(batch, last=True)     # `tracker run`: the last part
        batch = archive.update_batch_meta(
            batch, complete=True, frontier=walk.new_frontier(), bottom=walk.new_bottom(),
            pages=len(walk.order), releases=walk.releases, kept=walk.kept, finished_at=utcnow())
        archive.delete_state(SOURCE, "walk")
        ctx.progress(f"doj: walk done: {len(walk.order)} page(s), {walk.releases:,} releases read,"
                     f" {walk.kept:,} fentanyl-related")
        out.append(batch)
        return out

    def _configure_rate(self, ctx: FetchContext, rate: float | None) -> None:
        cfg, http = ctx.config, ctx.http
        if rate is not None:
            if rate <= 0:
                raise TrackerError("doj: --rate must be a positive number of requests per second")
            for host in JUSTICE_HOSTS:
                http.set_rate(host, rate)
        live_rate = http.rate("www.justice.gov")
        stand_in = any((urlsplit(p).hostname or "") in JUSTICE_HOSTS for p in cfg.base_urls)
        max_rate = float(tables()["api"]["max_rate"])
        if not stand_in and live_rate > max_rate:
            ctx.log(f"doj: {live_rate:g} requests/second is more than DOJ allows ({max_rate:g}); using {max_rate:g}")
            live_rate = max_rate
            for host in JUSTICE_HOSTS:
                http.set_rate(host, max_rate)
        # a stand-in server (tests, benchmarks) is held to the live host's limit
        for prefix, replacement in cfg.base_urls.items():
            if (urlsplit(prefix).hostname or "") in JUSTICE_HOSTS:
                host = urlsplit(replacement).hostname
                if host:
                    http.set_rate(host, live_rate)

    def _replay(self, ctx: FetchContext, batch: Batch, walk: Walk) -> None:
        self._wanted: list[tuple[str, str]] = []
        for entry in ctx.archive.items(batch):
            page = _page_of(entry)
            if page is None:
                continue
            try:
                summary = summarize(ctx.archive.read(entry), entry.location, page)
            except ParseError as exc:
                raise SourceError(SOURCE, exc.location, exc.reason) from exc
            walk.feed(summary)
            self._wanted += summary.pages

    def _fetch_release_pages(self, ctx: FetchContext, batch: Batch, wanted: list[tuple[str, str]]) -> None:
        """The release pages of releases the API sent without a body, into the walk's batch.
        Old /opa/pr/ URLs are redirected to /archives/...: followed (the allow-list applies). A
        bot challenge instead of the page is retried with backoff, then stops the run: the walk
        is left open and the next run resumes it, pages included. A page that is gone (404)
        is skipped, said in one line."""
        have = {e.role for e in ctx.archive.items(batch)}
        for uuid, url in wanted:
            if f"release:{uuid}" in have:
                continue
            try:
                got = _get(ctx, url, "release-page", {"uuid": uuid, "walk": batch.id})
            except FetchError as exc:
                ctx.log(f"doj: {url}: {exc.reason}; the release is kept as the API sent it")
                continue
            ctx.archive.add_to_batch(batch, got.entry, f"release:{uuid}")
            have.add(f"release:{uuid}")

    def _run(self, ctx: FetchContext, batch: Batch, walk: Walk) -> None:
        archive = ctx.archive
        started = time.monotonic()
        fetched = 0
        last_progress = 0.0
        in_batch = {e.seq for e in archive.items(batch)}
        self._fetch_release_pages(ctx, batch, getattr(self, "_wanted", []))
        self._wanted = []
        parts = PartCutter(ctx)     # `tracker run`: what is fetched is built while the walk goes on
        while not walk.done:
            n = walk.next_page
            url = page_url(n)
            # fetched by this walk before a kill, but not yet recorded in its batch?
            entry = archive.last_ok(url)
            reused = entry is not None and entry.seq not in in_batch and entry.meta.get("walk") == batch.id \
                and entry.status == 200
            content = None
            if reused:
                content = archive.read(entry)
                try:
                    summary = summarize(content, url, n)
                except ParseError:
                    reused = False
            if not reused:
                got = _get(ctx, url, "api-page", {"page": n, "walk": batch.id})
                entry, content = got.entry, got.content
                fetched += 1
                try:
                    summary = summarize(content, url, n)
                except ParseError as exc:
                    # archived, but unusable: stop here (the run is resumable)
                    raise SourceError(SOURCE, url, exc.reason) from exc
            archive.add_to_batch(batch, entry, f"page:{n}")
            in_batch.add(entry.seq)
            walk.feed(summary)
            self._fetch_release_pages(ctx, batch, summary.pages)
            archive.set_state(SOURCE, "walk", {"batch_id": batch.id, "started_at": batch.created_at,
                                               "pages": len(walk.order), "last_page": n,
                                               "next_page": walk.next_page, "releases": walk.releases,
                                               "kept": walk.kept})
            now = time.monotonic()
            if walk.done or now - last_progress >= 1.0 or len(walk.order) <= 1:
                last_progress = now
                ctx.progress(self._progress_line(walk, n, fetched, now - started, reused))
            self._report(ctx, walk, summary)
            if not walk.done:
                batch = parts.cut(batch)

    @staticmethod
    def _report(ctx: FetchContext, walk: Walk, summary) -> None:
        backfill = bool(walk.since) and (not walk.frontier or walk.extending)
        remaining = walk.remaining_estimate()
        reached = summary.items[-1].published if summary.items and walk.phase != "seek" else None
        ctx.progress_report(source=SOURCE, unit="API pages", done=len(walk.order),
                            since=walk.since if backfill else None, reached=reached,
                            total=len(walk.order) + remaining if remaining is not None else None)

    def _progress_line(self, walk: Walk, page: int, fetched: int, elapsed: float, reused: bool) -> str:
        line = (f"doj: page {page} {'(from the archive) ' if reused else ''}- {len(walk.order):,} page(s) done,"
                f" {walk.releases:,} releases read, {walk.kept:,} fentanyl-related kept")
        remaining = walk.remaining_estimate()
        if remaining and fetched:
            per_page = elapsed / fetched
            eta = remaining * per_page
            line += f", ~{remaining:,} page(s) to go, ETA {duration_text(eta)}"
        elif walk.phase == "seek":
            line += " (seeking where the earlier backfill stopped)"
        return line

    # -- import ------------------------------------------------------------------------------------
    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list[Batch]:
        staged = []
        for path in collect_files(paths, (".json", ".html", ".htm"), "doj"):
            content = path.read_bytes()
            staged.append(StagedFile(path, content, _identify(content, path)))
        return archive_import(ctx, SOURCE, staged)

    # -- building ----------------------------------------------------------------------------------
    def apply(self, db: sqlite_utils.Database, batch: Batch, ctx: BuildContext) -> dict:
        versions: dict[str, list[tuple[Release, Entry]]] = {}
        pages = items = 0
        for entry in ctx.archive.items(batch):
            content = ctx.archive.read(entry)
            if entry.kind == "release-page":
                try:
                    rel = parse_release_page(content, entry.location)
                except ParseError as exc:
                    ctx.error(SOURCE, exc.location, exc.reason, exc.row)
                    continue
                if entry.meta.get("uuid"):
                    # fetched for an API record without a body: that record's page, wherever it was redirected
                    rel = dataclasses.replace(rel, uuid=str(entry.meta["uuid"]), url=normalize_url(entry.url) or rel.url)
                versions.setdefault(rel.key, []).append((rel, entry))
                items += 1
                continue
            try:
                api = parse_api_response(content, entry.location)
            except ParseError as exc:
                ctx.error(SOURCE, exc.location, exc.reason, exc.row)
                continue
            pages += 1
            page_no = _page_of(entry)
            if not api.results and api.count and page_no is not None and page_no * PAGESIZE < api.count:
                ctx.error(SOURCE, entry.location, f"page {page_no} holds no releases although the API counts {api.count}")
            if not api.results and entry.kind == "api-file":
                ctx.error(SOURCE, entry.location, "the response holds no releases")
            for i, raw in enumerate(api.results):
                rel = None if item_might_mention_fentanyl(raw) else parse_item_light(raw, entry.location, i)
                if rel is None:
                    try:
                        rel = parse_item(raw, entry.location, i)
                    except ParseError as exc:
                        ctx.error(SOURCE, exc.location, exc.reason, exc.row)
                        continue
                items += 1
                versions.setdefault(rel.key, []).append((rel, entry))
        # saved release pages (no uuid) fill in the API record of the same URL
        by_url = {}
        for key, vs in versions.items():
            if not key.startswith("url:"):
                for rel, _ in vs:
                    if rel.url:
                        by_url[rel.url] = key
        for key in [k for k in versions if k.startswith("url:")]:
            target = by_url.get(key[4:])
            if target:
                versions[target].extend(versions.pop(key))
        counts = {"pages": pages, "releases_read": len(versions), "fentanyl_releases": 0, "stored": 0,
                  "unchanged": 0, "removed": 0, "prosecutions": 0, "defendants": 0}
        for vs in versions.values():
            api_versions = [v for v in vs if v[0].kind in ("api", "light")] or vs
            rel = merge_records([r for r, _ in api_versions])
            pages_html = [r for r, _ in vs if r.kind == "page"]
            if pages_html and rel.kind == "api":
                rel = _fill_from_page(rel, pages_html[-1])
            entry = next(e for r, e in reversed(vs) if r.changed_unix == rel.changed_unix) if rel.changed_unix is not None \
                else vs[-1][1]
            write_release(db, rel, entry, counts)
        return counts


_CHALLENGED = "instead of the page"
_RESUMES = "; the walk stops here and the next run resumes it"


def _challenge(content: bytes, headers: dict) -> str | None:
    """HttpClient.get's `reject`: a bot challenge served with HTTP 200 is not the page."""
    what = bot_challenge(content, headers)
    return challenge_reason(what) if what else None


def _get(ctx: FetchContext, url: str, kind: str, meta: dict):
    """GET a justice.gov page (bot challenges retried with backoff); a challenge that persists
    stops the run with one line (SourceError), any other failure is the caller's FetchError."""
    try:
        return ctx.http.get(url, source=SOURCE, kind=kind, meta=meta, reject=_challenge)
    except FetchError as exc:
        if _CHALLENGED in exc.reason:
            raise SourceError(SOURCE, url, exc.reason + _RESUMES) from exc
        raise


# -- files -----------------------------------------------------------------------------------------
def _page_of(entry: Entry) -> int | None:
    role = entry.role or ""
    if role.startswith("page:"):
        try:
            return int(role[5:])
        except ValueError:
            return None
    if entry.meta.get("page") is not None:
        return int(entry.meta["page"])
    return None


def _identify(content: bytes, path: Path) -> str:
    """'api-file' (a saved API response) or 'release-page' (HTML); anything else is refused
    here, naming the file, before it reaches the archive."""
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        try:
            api = parse_api_response(content, str(path))
        except ParseError as exc:
            raise TrackerError(f"doj: {exc}") from exc
        if not api.results:
            raise TrackerError(f"doj: {path}: the API response holds no releases")
        return "api-file"
    if head[:1] == b"<":
        try:
            parse_release_page(content, str(path))
        except ParseError as exc:
            raise TrackerError(f"doj: {exc}") from exc
        return "release-page"
    raise TrackerError(f"doj: {path}: neither a DOJ API response (JSON) nor a release page (HTML)")

