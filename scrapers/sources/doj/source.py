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

Parsing and classification: parse.py; prosecutions/defendants: extract.py; metadata,
assertions and vocabularies: doj.yml; links to the SDN list: scrapers/linking/doj.py.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ...archive import Batch, Entry
from ...dates import leading_date, utcnow
from ...db import bulk_insert
from ...errors import SourceError, TrackerError
from ..base import BuildContext, FetchContext, FetchRequest, Source, StagedFile, archive_import, collect_files
from .extract import extract
from .parse import (ParseError, Release, blocks_text, classify, html_to_blocks, item_might_mention_fentanyl,
                        merge_records, parse_api_response, parse_item, parse_item_light,
                        parse_release_page, tables)

SOURCE = "doj"
PREFIX = "doj:"
LIST_URL = "https://www.justice.gov/api/v1/press_releases.json"
PAGESIZE = 50
JUSTICE_HOSTS = ("www.justice.gov", "justice.gov")
def page_url(n: int) -> str:
    """The one URL form the walk uses (same parameters, same order: archive lookups match)."""
    return f"{LIST_URL}?sort=date&direction=DESC&pagesize={PAGESIZE}&page={n}"


# -- the walk ---------------------------------------------------------------------------------------
@dataclasses.dataclass
class Item:
    uuid: str
    date: int
    published: str
    changed: int | None
    fentanyl: bool


@dataclasses.dataclass
class PageSummary:
    page: int
    count: int | None
    items: list[Item]


def summarize(content: bytes, location: str, page: int) -> PageSummary:
    """What the walk needs from one list page (raises ParseError when unreadable)."""
    api = parse_api_response(content, location)
    items = []
    for i, raw in enumerate(api.results):
        maybe = item_might_mention_fentanyl(raw)
        r = None if maybe else parse_item_light(raw, location, i)
        if r is None:
            try:
                r = parse_item(raw, location, i)
            except ParseError:
                continue  # recorded when the batch is applied
        if r.date_unix is None or not r.published:
            continue
        fent = maybe and classify(r.title, blocks_text(html_to_blocks(r.body_html)), raw=r.body_html).mentions_fentanyl
        items.append(Item(r.uuid, r.date_unix, r.published, r.changed_unix, fent))
    if not api.results and api.count is not None and page * PAGESIZE < api.count:
        raise ParseError(location, f"page {page} holds no releases although the API counts {api.count}")
    if not api.results and page == 0:
        # the list always has releases: an empty first page is a fault, not the end of the list
        raise ParseError(location, "page 0 holds no releases (the list is never empty: a fault on the API's side?)")
    if api.results and not items:
        # not the end of the list either: releases the walk cannot date or identify
        raise ParseError(location, f"none of the page's {len(api.results)} releases could be read (no valid uuid"
                         " or date: has the API changed?)")
    return PageSummary(page, api.count, items)


class Walk:
    """Which page to read next, and when to stop: a deterministic function of the pages read
    so far (so a resumed walk replays its archived pages and lands where it stopped).

    frontier: {"date": unix, "group": {uuid: changed}, "count": API count at that walk's start}
    bottom:   {"since": "YYYY-MM-DD" ("" = the whole list), "position": index of the first
               release older than `since`, "count": API count when it was read}
    """

    def __init__(self, since: str | None, frontier: dict | None, bottom: dict | None):
        self.since = since
        self.frontier = frontier
        self.bottom = bottom
        self.phase = "top"
        self.next_page: int | None = 0
        self.done = False
        self.pages: dict[int, PageSummary] = {}
        self.order: list[int] = []
        self.seen: dict[str, Item] = {}
        self.new = 0
        self.count0: int | None = None
        self.last_count: int | None = None
        self.top_date: int | None = None
        self.top_group: dict[str, int | None] = {}
        self.covered_since: str | None = None
        self.tail: dict | None = None
        self.lo: int | None = None
        self.hi: int | None = None
        self.step = 1
        self.seek_target: str | None = None

    # -- bookkeeping --------------------------------------------------------------------------------
    @property
    def extending(self) -> bool:
        return bool(self.frontier and self.bottom is not None and self.since and self.bottom.get("since")
                    and self.since < self.bottom["since"])

    @property
    def releases(self) -> int:
        return len(self.seen)

    @property
    def kept(self) -> int:
        return sum(1 for it in self.seen.values() if it.fentanyl)

    def _end_of_list(self, s: PageSummary) -> bool:
        return not s.items or (s.count is not None and (s.page + 1) * PAGESIZE >= s.count)

    def _older(self, s: PageSummary, day: str) -> int | None:
        """Index of the first release on the page dated before `day`."""
        for i, it in enumerate(s.items):
            if it.published < day:
                return i
        return None

    # -- the state machine ----------------------------------------------------------------------
    def feed(self, s: PageSummary) -> None:
        if self.done:
            return
        self.pages[s.page] = s
        self.order.append(s.page)
        if s.count is not None:
            self.last_count = s.count
            if self.count0 is None:
                self.count0 = s.count
        for it in s.items:
            if it.uuid not in self.seen:
                self.seen[it.uuid] = it
                if self.frontier and it.date >= self.frontier["date"] and \
                        it.uuid not in self.frontier["group"]:
                    self.new += 1
            if self.top_date is None or it.date > self.top_date:
                self.top_date, self.top_group = it.date, {}
            if it.date == self.top_date:
                self.top_group[it.uuid] = it.changed
        if self.phase == "top":
            self._top(s)
        elif self.phase == "seek":
            self._seek(s)
        else:
            self._extend(s)

    def _top(self, s: PageSummary) -> None:
        if not self.frontier:
            idx = self._older(s, self.since) if self.since else None
            if idx is not None:
                self._finish(self.since, s, idx)
            elif self._end_of_list(s):
                self._finish("", s, None)
            else:
                self.next_page = s.page + 1
            return
        f = self.frontier
        passed = any(it.date < f["date"] for it in s.items)
        known = any(it.uuid in f["group"] and f["group"][it.uuid] == it.changed for it in s.items)
        nothing_else = known and s.count is not None and f.get("count") is not None and self.new >= s.count - f["count"]
        if passed or nothing_else or self._end_of_list(s):
            if self._end_of_list(s) and not (passed or nothing_else):
                self._finish("", s, None)
                return
            if self.extending:
                self.phase = "seek"
                self.seek_target = self.bottom["since"]
                est = self.bottom.get("position", 0) + ((self.last_count or 0) - (self.bottom.get("count") or 0))
                self._probe(max(0, est // PAGESIZE))
            else:
                self._finish(None, s, None)
        else:
            self.next_page = s.page + 1

    def _probe(self, page: int) -> None:
        """Ask for `page` in the seek, or decide from it at once when this walk already read it."""
        while page in self.pages and self.phase == "seek":
            self._seek(self.pages[page], cached=True)
            if self.phase != "seek" or self.next_page not in self.pages:
                return
            page = self.next_page
        self.next_page = page

    def _seek(self, s: PageSummary, cached: bool = False) -> None:
        """Find the first page that reaches below the old walk's bottom (`seek_target`)."""
        target = self.seek_target
        found = None
        if not s.items or s.items[0].published < target:
            self.hi = s.page if self.hi is None else min(self.hi, s.page)
            if s.items and (s.page == 0 or self.lo == s.page - 1):
                found = s.page
        elif s.items[-1].published >= target:
            self.lo = s.page if self.lo is None else max(self.lo, s.page)
            if self._end_of_list(s):
                self._finish("", s, None)
                return
        else:
            found = s.page
        if found is None and self.lo is not None and self.hi is not None and self.hi == self.lo + 1:
            found = self.hi
        if found is not None:
            self.phase = "extend"
            self._extend(self.pages[found])
            return
        if self.lo is not None and self.hi is not None:
            nxt = (self.lo + self.hi) // 2
        elif self.lo is not None:
            nxt = self.lo + self.step
            self.step *= 2
        else:
            nxt = max(0, self.hi - self.step)
            self.step *= 2
        if cached:
            self.next_page = nxt
        else:
            self._probe(nxt)

    def _extend(self, s: PageSummary) -> None:
        idx = self._older(s, self.since)
        if idx is not None:
            self._finish(self.since, s, idx)
        elif self._end_of_list(s):
            self._finish("", s, None)
        else:
            nxt = s.page + 1
            while nxt in self.pages:  # read already by the seek
                s2 = self.pages[nxt]
                idx = self._older(s2, self.since)
                if idx is not None:
                    self._finish(self.since, s2, idx)
                    return
                if self._end_of_list(s2):
                    self._finish("", s2, None)
                    return
                nxt += 1
            self.next_page = nxt

    def _finish(self, covered_since: str | None, s: PageSummary, idx: int | None) -> None:
        self.done = True
        self.next_page = None
        if covered_since is not None:
            self.covered_since = covered_since
            self.tail = {"since": covered_since, "position": s.page * PAGESIZE + (idx or 0), "count": s.count}

    # -- results ----------------------------------------------------------------------------------
    def new_frontier(self) -> dict:
        f = self.frontier
        date, group = self.top_date, dict(self.top_group)
        if f and (date is None or f["date"] > date):
            date, group = f["date"], dict(f["group"])
        elif f and f["date"] == date:
            group = {**f["group"], **group}
        # the versions of the releases on the first pages: lets the next walk tell "nothing new"
        seen = {it.uuid: it.changed for p in self.order[:2] for it in self.pages[p].items}
        return {"date": date, "group": group, "seen": seen,
                "count": self.count0 if self.count0 is not None else (f or {}).get("count")}

    def nothing_new(self) -> bool:
        """Every release this walk read was known to the previous walk, in the same version."""
        if not self.frontier or self.extending:
            return False
        known = {**self.frontier.get("seen", {}), **self.frontier["group"]}
        return all(it.uuid in known and known[it.uuid] == it.changed for p in self.order for it in self.pages[p].items)

    def new_bottom(self) -> dict | None:
        """How far back the walks reach after this one (the deeper of the old and the new)."""
        old = self.bottom
        if self.covered_since is None:
            return old
        if self.covered_since == "":
            return {"since": "", "position": None, "count": self.last_count}
        if old and old.get("since") is not None and (old["since"] == "" or old["since"] <= self.covered_since):
            return old
        return self.tail

    def remaining_estimate(self) -> int | None:
        """Pages still to read (rough: from how far the dates have come), for the ETA."""
        if self.done:
            return 0
        if not self.order:
            return None
        last = self.pages[self.order[-1]]
        if not last.items:
            return None
        import datetime as dt

        goal = self.since if (self.phase != "top" or not self.frontier) else None
        if not goal:
            return None
        cur = last.items[-1].date
        start = self.top_date or cur
        try:
            goal_ts = dt.datetime.fromisoformat(goal).replace(tzinfo=dt.timezone.utc).timestamp()
        except ValueError:
            return None
        if self.phase == "extend" and self.seek_target:
            start = dt.datetime.fromisoformat(self.seek_target).replace(tzinfo=dt.timezone.utc).timestamp()
        done_span = max(86400.0, start - cur)  # early on, count at least the day under way
        left_span = max(0.0, cur - goal_ts)
        pages_in_phase = max(1, len(self.order))
        return int(round(pages_in_phase * left_span / done_span))


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
        for entry in ctx.archive.items(batch):
            page = _page_of(entry)
            if page is None:
                continue
            try:
                walk.feed(summarize(ctx.archive.read(entry), entry.location, page))
            except ParseError as exc:
                raise SourceError(SOURCE, exc.location, exc.reason) from exc

    def _run(self, ctx: FetchContext, batch: Batch, walk: Walk) -> None:
        archive = ctx.archive
        started = time.monotonic()
        fetched = 0
        last_progress = 0.0
        in_batch = {e.seq for e in archive.items(batch)}
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
                got = ctx.http.get(url, source=SOURCE, kind="api-page", meta={"page": n, "walk": batch.id})
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
            archive.set_state(SOURCE, "walk", {"batch_id": batch.id, "started_at": batch.created_at,
                                               "pages": len(walk.order), "last_page": n,
                                               "next_page": walk.next_page, "releases": walk.releases,
                                               "kept": walk.kept})
            now = time.monotonic()
            if walk.done or now - last_progress >= 1.0 or len(walk.order) <= 1:
                last_progress = now
                ctx.progress(self._progress_line(walk, n, fetched, now - started, reused))

    def _progress_line(self, walk: Walk, page: int, fetched: int, elapsed: float, reused: bool) -> str:
        line = (f"doj: page {page} {'(from the archive) ' if reused else ''}- {len(walk.order):,} page(s) done,"
                f" {walk.releases:,} releases read, {walk.kept:,} fentanyl-related kept")
        remaining = walk.remaining_estimate()
        if remaining and fetched:
            per_page = elapsed / fetched
            eta = remaining * per_page
            line += f", ~{remaining:,} page(s) to go, ETA {_duration(eta)}"
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
        for key, vs in versions.items():
            api_versions = [v for v in vs if v[0].kind in ("api", "light")] or vs
            rel = merge_records([r for r, _ in api_versions])
            pages_html = [r for r, _ in vs if r.kind == "page"]
            if pages_html and rel.kind == "api":
                rel = _fill_from_page(rel, pages_html[-1])
            entry = next(e for r, e in reversed(vs) if r.changed_unix == rel.changed_unix) if rel.changed_unix is not None \
                else vs[-1][1]
            write_release(db, rel, entry, counts)
        return counts


# -- writing rows --------------------------------------------------------------------------------------
def release_id(rel: Release) -> str:
    """'doj:<uuid>'; a saved page (no uuid) is 'doj:page:<path of its URL>' (or of its title
    when the page does not say its URL) until the API record of the same URL replaces it."""
    if rel.uuid:
        return PREFIX + rel.uuid
    if rel.url:
        return PREFIX + "page:" + urlsplit(rel.url).path.strip("/")
    slug = "-".join(re.findall(r"[a-z0-9]+", rel.title.lower()))[:120]
    return PREFIX + "page:" + slug


def _rank(changed: str | None, has_body: bool) -> tuple:
    return (changed or "", 1 if has_body else 0)


def _fill_from_page(rel: Release, page: Release) -> Release:
    out = dataclasses.replace(rel)
    if not out.body_html and page.body_html:
        out.body_html = page.body_html
    for f in ("title", "published", "number"):
        if not getattr(out, f) and getattr(page, f):
            setattr(out, f, getattr(page, f))
    if out.date_unix is None:
        out.date_unix = page.date_unix
    if not out.components:
        out.components = list(page.components)
    if not out.topics:
        out.topics = list(page.topics)
    return out


def _delete_release(db, rid: str) -> None:
    db.execute("delete from link_candidates where defendant_id in (select id from defendants where press_release_id = ?)", [rid])
    db.execute("delete from defendants where press_release_id = ?", [rid])
    db.execute("delete from prosecutions where press_release_id = ?", [rid])
    db.execute("delete from press_releases where id = ?", [rid])


def write_release(db: sqlite_utils.Database, rel: Release, entry: Entry, counts: dict) -> None:
    """Store (or update, or remove) one release and everything extracted from it."""
    rid = release_id(rel)
    if rel.kind == "light":
        # nothing fentanyl-like in it: only a stored older copy can be affected
        stored = db.execute("select changed, length(body_text) > 0 from press_releases where id = ?", [rid]).fetchone()
        if stored is not None and _rank(rel.changed, True) >= _rank(stored[0], bool(stored[1])):
            _delete_release(db, rid)
            counts["removed"] += 1
        return
    blocks = html_to_blocks(rel.body_html) or html_to_blocks(rel.teaser_html)
    text = blocks_text(blocks)
    cls = classify(rel.title, text, raw=(rel.body_html or "") + (rel.teaser_html or ""))
    stored = db.execute("select changed, length(body_text) > 0, url from press_releases where id = ?", [rid]).fetchone()
    if rel.kind == "page" and stored is None and rel.url:
        # a saved page of a release we hold from the API: fill in what that record lacks
        row = db.execute("select id, body_text from press_releases where agency = 'DOJ' and url = ?", [rel.url]).fetchone()
        if row is not None:
            if not row[1] and cls.mentions_fentanyl:
                rel = dataclasses.replace(rel, uuid=row[0][len(PREFIX):])
                rid = row[0]
            else:
                counts["unchanged"] += 1
                return
    if stored is not None and _rank(rel.changed, bool(text)) < _rank(stored[0], bool(stored[1])):
        counts["unchanged"] += 1  # an older or poorer copy of what we hold
        return
    if not cls.mentions_fentanyl:
        if stored is not None:
            _delete_release(db, rid)
            counts["removed"] += 1
        return
    counts["fentanyl_releases"] += 1
    if stored is not None:
        _delete_release(db, rid)
    if rel.uuid and rel.url:
        # a release first stored from a saved page, now known by uuid
        for (old,) in db.execute("select id from press_releases where agency = 'DOJ' and url = ? and id like 'doj:page:%'",
                                 [rel.url]).fetchall():
            _delete_release(db, old)
    ex = extract(rid, rel.title, blocks, rel.components, rel.url, rel.published, cls.tokens)
    summary = _summary(rel, blocks)
    bulk_insert(db, "press_releases", [{
        "id": rid, "agency": "DOJ", "url": rel.url, "title": rel.title, "published": rel.published,
        "year": int(rel.published[:4]) if rel.published else None, "summary": summary,
        "body_text": text, "body_html": _sanitized(rel.body_html, rel.url), "is_eo14059": 0,
        "mentions_fentanyl": 1, "precursor_case": int(cls.precursor_case), "cartel_case": int(cls.cartel_case),
        "money_laundering": int(cls.money_laundering), "online_sales": int(cls.online_sales),
        "drugs": json.dumps(cls.drugs), "countries": json.dumps(cls.countries),
        "office": "; ".join(rel.components) or None, "district": ex.district,
        "topics": json.dumps(rel.topics, ensure_ascii=False), "number": rel.number, "changed": rel.changed,
        "fetched_at": entry.fetched_at, "archive_sha256": entry.sha256,
    }])
    # one executemany per table (sqlite-utils' insert inspects the table and every value each time)
    bulk_insert(db, "prosecutions", [_sql_values(r) for r in ex.prosecutions])
    bulk_insert(db, "defendants", [_sql_values(r) for r in ex.defendants])
    counts["stored"] += 1
    counts["prosecutions"] += len(ex.prosecutions)
    counts["defendants"] += len(ex.defendants)


def _sql_values(row: dict) -> dict:
    """A row's values as sqlite-utils `insert` stores them: lists, tuples and dicts as JSON."""
    return {k: json.dumps(v, default=repr, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
            for k, v in row.items()}


def _summary(rel: Release, blocks) -> str | None:
    teaser = blocks_text(html_to_blocks(rel.teaser_html)) if rel.teaser_html else ""
    text = teaser or (blocks[0].text if blocks else "")
    if not text:
        return None
    return text if len(text) <= 400 else text[:397].rsplit(" ", 1)[0] + "…"


def _sanitized(html: str, url: str | None) -> str | None:
    if not html:
        return None
    try:
        from ...sanitize import sanitize_html
    except ImportError:  # pragma: no cover -- the sanitiser is part of the package
        return None
    return sanitize_html(html, base_url=url)


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


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 90:
        return f"{seconds}s"
    if seconds < 5400:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{(seconds % 3600) // 60:02d}m"
