"""Treasury press releases (home.treasury.gov / ofac.treasury.gov): the announcements behind
OFAC's designations, and OFAC's Recent Actions pages listing each action's SDN entries.

- `tracker update --source treasury [--since DATE]` walks the listings newest first (OFAC's
  own `/press-releases?page=N`, then Treasury's `/news/press-releases?page=N`; see
  treasury.yml), stops at the first release already stored (incremental), or walks back to
  DATE (backfill; `treasury_since`, 2021-12-15, when nothing is stored yet). It fetches each
  new release and the `recent-actions/YYYYMMDD` page the release links to. Every response
  goes to the archive; one update = one batch. An interrupted backfill resumes from its
  checkpoint (archive `state`).
- `tracker import treasury FILE...` takes saved release pages (full pages or the bare
  `<article>` fragments) and saved Recent Actions pages.

`apply` stores every release (`press_releases`, flagged `is_eo14059` / `mentions_fentanyl`),
its links (`release_links`) and Recent Actions entries (`recent_actions`). Who each E.O. 14059
release designated is derived after all sources are applied (scrapers/linking/treasury.py).
Parsing is in html.py, classify.py, places.py, designees.py, listing.py, release.py and
recent_actions.py (pure functions); metadata and assertions in treasury.yml.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import sqlite_utils

from ...archive import Batch
from ...dates import duration_text, share_walked
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
from .candidates import Candidate
from .html import canonical_recent_actions_url, recent_actions_key
from .listing import ListingPage, parse_listing, parse_recent_actions_listing
from .recent_actions import parse_recent_actions
from .release import identify_release, parse_release

SOURCE = "treasury"
OWED = "recent_actions_owed"     # archive state: Recent Actions pages still to fetch
RELEASE_PREFIX = "treasury:"
class TreasurySource(Source):
    name = SOURCE
    title = "Treasury press releases"

    # -- metadata --------------------------------------------------------------------------
    @property
    def meta(self) -> dict:
        return self.metadata()

    # -- getting pages into the archive -----------------------------------------------------
    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list[Batch]:
        staged = []
        for path in collect_files(paths, (".html", ".htm"), "treasury"):
            content = path.read_bytes()
            kind, key = _identify(content, path)
            staged.append(StagedFile(path, content, kind, {"release_id" if kind == "release" else "recent_actions": key}))
        return archive_import(ctx, SOURCE, staged)

    def fetch(self, ctx: FetchContext, request: FetchRequest) -> list[Batch]:
        if ctx.http is None:
            raise TrackerError("treasury: no HTTP client")
        crawler = Crawler(ctx, self.meta, request.since, request.max_errors)
        return crawler.run()

    # -- building ----------------------------------------------------------------------------
    def apply(self, db: sqlite_utils.Database, batch: Batch, ctx: BuildContext) -> dict:
        items = ctx.archive.items(batch)
        counts = {"releases": 0, "eo14059": 0, "recent_action_pages": 0, "recent_action_entries": 0}
        eo_ra_urls = set()
        ra_entries = []
        for entry in items:
            role = entry.role or entry.kind
            if role != "release":
                if role == "recent-actions":
                    ra_entries.append(entry)
                continue
            content = ctx.archive.read(entry)
            try:
                rel = parse_release(content, entry.location, fallback_id=entry.meta.get("release_id"),
                                    page_url=entry.url)
            except SourceError as exc:
                ctx.error(SOURCE, exc.location, exc.reason)
                continue
            write_release(db, rel, entry)
            counts["releases"] += 1
            counts["eo14059"] += int(rel.is_eo14059)
            if rel.is_eo14059 and rel.recent_actions_url:
                eo_ra_urls.add(rel.recent_actions_url)
        known_eo = {r[0] for r in db.execute(
            "select recent_actions_url from press_releases where is_eo14059 = 1 and recent_actions_url is not null")}
        for entry in ra_entries:
            key = recent_actions_key(entry.url or "") or entry.meta.get("recent_actions")
            url = canonical_recent_actions_url(f"/recent-actions/{key}") if key else entry.location
            try:
                page = parse_recent_actions(ctx.archive.read(entry), url)
            except SourceError as exc:
                ctx.error(SOURCE, entry.location, exc.reason)
                continue
            added = [e for e in page.entries if e.section == "added" or e.gains_eo14059]
            if not page.entries and (url in eo_ra_urls or url in known_eo):
                ctx.error(SOURCE, entry.location, "Recent Actions page of an E.O. 14059 release yielded no SDN entries"
                          " (has the page layout changed?)")
                continue
            db.execute("delete from recent_actions where url = ?", [url])
            rows = [{"url": url, "position": e.position, "action_date": page.date, "entry_text": e.text,
                     "name": e.name, "programs": json.dumps(e.programs), "uid": None, "match_method": None,
                     "press_release_id": None, "section": e.section, "entity_type": e.entity_type,
                     "aliases": json.dumps(e.aliases, ensure_ascii=False),
                     "identifiers": json.dumps(e.identifiers, ensure_ascii=False),
                     "linked_releases": json.dumps(page.release_ids)}
                    for e in page.entries]
            if rows:
                db["recent_actions"].insert_all(rows, pk=("url", "position"), replace=True)
            counts["recent_action_pages"] += 1
            counts["recent_action_entries"] += len(added)
        return counts


def write_release(db: sqlite_utils.Database, rel, entry) -> None:
    rid = RELEASE_PREFIX + rel.id
    db.execute("delete from release_links where press_release_id = ?", [rid])
    db.execute("delete from release_names where press_release_id = ?", [rid])
    db.execute("delete from press_release_designations where press_release_id = ?", [rid])
    db["press_releases"].insert({
        "id": rid, "agency": "Treasury", "url": rel.url, "title": rel.title, "published": rel.published,
        "year": int(rel.published[:4]), "summary": rel.summary, "body_text": rel.body_text,
        "body_html": rel.body_html, "is_eo14059": int(rel.is_eo14059),
        "mentions_fentanyl": int(rel.mentions_fentanyl), "precursor_case": rel.flags["precursor_case"],
        "cartel_case": rel.flags["cartel_case"], "money_laundering": rel.flags["money_laundering"],
        "online_sales": rel.flags["online_sales"], "drugs": json.dumps(rel.flags["drugs"]),
        "countries": json.dumps(rel.countries), "recent_actions_url": rel.recent_actions_url,
        "office": "Office of Foreign Assets Control" if "OFAC" in rel.body_text else None,
        "fetched_at": entry.fetched_at, "archive_sha256": entry.sha256,
        "eo14059_evidence": json.dumps(rel.eo14059_evidence, ensure_ascii=False),
    }, pk="id", replace=True)
    if rel.designees:
        db["release_names"].insert_all([candidate_row(rid, c) for c in rel.designees],
                                       pk=("press_release_id", "position"), replace=True)
    if rel.links:
        db["release_links"].insert_all([{"press_release_id": rid, "url": l.url, "anchor_text": l.anchor_text,
                                         "kind": l.kind} for l in rel.links], pk=("press_release_id", "url"),
                                       replace=True)


_LISTS = ("short_forms", "aliases", "variants", "pieces", "countries", "authorities")


def candidate_row(rid: str, cand: Candidate) -> dict:
    """A name the release puts forward, as stored (release_names): the linking reads these
    rows, never the release's HTML again."""
    row = {"press_release_id": rid, "position": cand.position, "name": cand.name, "lookup": cand.lookup,
           "markup": cand.markup, "role": cand.role, "reason": cand.reason, "sentence": cand.sentence,
           "heading_only": int(cand.heading_only)}
    row.update({k: json.dumps(getattr(cand, k), ensure_ascii=False) for k in _LISTS})
    return row


def candidate_from_row(row: dict) -> Candidate:
    lists = {k: json.loads(row[k] or "[]") for k in _LISTS}
    return Candidate(name=row["name"], lookup=row["lookup"], markup=row["markup"], role=row["role"],
                     reason=row["reason"], sentence=row["sentence"], position=row["position"],
                     heading_only=bool(row["heading_only"]), **lists)


def _identify(content: bytes, path: Path) -> tuple[str, str]:
    """('release', id) or ('recent-actions', key), checked now so a bad file is refused
    before anything is archived (the error names the file)."""
    location = str(path)
    try:
        return "release", identify_release(content, location, fallback_id=path.stem)[0]
    except SourceError as exc:
        release_error = exc
    key = recent_actions_key("/recent-actions/" + path.stem.replace("recent-actions-", ""))
    if not key:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(content, "lxml")
        for tag in soup.find_all(["link", "meta"]):
            key = recent_actions_key(tag.get("href") or tag.get("content") or "")
            if key:
                break
    if key:
        try:
            page = parse_recent_actions(content, f"https://ofac.treasury.gov/recent-actions/{key}")
        except SourceError as exc:
            raise SourceError(SOURCE, location, exc.reason) from exc
        if page.entries or page.official:
            return "recent-actions", key
    raise release_error


# -- the crawler ---------------------------------------------------------------------------------

class Crawler:
    """Walks the listings and fetches new releases (and their Recent Actions pages)."""

    def __init__(self, ctx: FetchContext, meta: dict, since: str | None, max_errors: int | None = None):
        self.ctx = ctx
        self.meta = meta
        self.archive = ctx.archive
        self.stored = stored_release_ids(ctx.archive)
        self.since_arg = since
        self.max_errors = max_errors
        self.seen: set[str] = set()
        self.batch: Batch | None = None
        self.listing_entries: list = []     # archived listing pages, put in the batch once it exists
        self.ra_fetched: set[str] = set()
        # Recent Actions pages a release linked to that are not in any batch yet (the fetch
        # failed, or the run was killed first): fetched again by the next run
        self.owed: set[str] = set(self.archive.get_state(SOURCE, OWED) or [])
        self.counts = {"listing_pages": 0, "releases": 0, "recent_actions": 0, "eo14059": 0}
        self.since: str | None = None       # the backfill's goal in this run (None: only what is new)
        self.reached: str | None = None     # the oldest release date fetched in this run
        self.parts = PartCutter(ctx)        # `tracker run`: releases are built while the crawl goes on
        self.started = time.monotonic()
        self.last_line = 0.0

    def _batch(self) -> Batch:
        """The run's batch, created with its first release (a run that finds nothing new
        leaves its listing pages in the archive but builds nothing)."""
        if self.batch is None:
            meta = {"origin": "update", "since": self.since_arg}
            if self.max_errors is not None:
                meta["max_errors"] = self.max_errors
            self.batch = self.archive.new_batch(SOURCE, "crawl", None, meta)
            for entry in self.listing_entries:
                self.archive.add_to_batch(self.batch, entry, "listing")
        return self.batch

    def run(self) -> list[Batch]:
        pending = [b for b in self.archive.batches(SOURCE, "pending") if b.meta.get("origin") == "update"]
        # batches a killed build left `building` are built by the next build (build.py): not fetched again
        building = self.archive.batches(SOURCE, "building")
        for b in pending:                # `tracker run`: hand over the rest of an interrupted crawl in parts
            self.parts.resume(b)
            self.parts.cut(b, last=True)
        for b in pending + building:     # an interrupted run: its pages are archived, build them now
            for e in self.archive.items(b):
                if e.kind == "release" and e.meta.get("release_id"):
                    self.seen.add(e.meta["release_id"])
        checkpoint = self.archive.get_state(SOURCE, "backfill")
        since = self.since_arg or (None if self.stored else self.ctx.config.treasury_since)
        names = list(self.ctx.config.treasury_listings or self.meta.get("walk", ["ofac"]))
        if checkpoint and (self.since_arg is None or self.since_arg == checkpoint.get("since")) \
                and checkpoint.get("listing") in names:
            # An interrupted backfill: carry on where it stopped (the listings before that one
            # were walked to the end; the releases published since come with the next run).
            names = names[names.index(checkpoint["listing"]):]
            since = checkpoint["since"]
            first = names.pop(0)
            self.since = since
            self.ctx.progress(f"treasury: resuming the backfill to {since} at {checkpoint['next_url']}")
            self.walk(first, self.meta["listings"][first], checkpoint["next_url"], since, checkpoint.get("seq"))
        self.since = since
        for name in names:
            listing = self.meta["listings"][name]
            start = self._page_url(listing, listing.get("first_page", 0))
            if listing.get("kind") == "recent-actions":
                self.walk_actions(name, listing, start, since)
            else:
                self.walk(name, listing, start, since)
        for url in sorted(self.owed - self.ra_fetched):
            self.ctx.progress(f"treasury: fetching {url} (an earlier run could not)")
            self.recent_actions(url)
        if self.batch is not None:
            self.batch = self.parts.cut(self.batch, last=True)     # `tracker run`: the last part
        self.ctx.progress(f"treasury: {self.counts['releases']} new release(s) ({self.counts['eo14059']} E.O. 14059),"
                          f" {self.counts['recent_actions']} Recent Actions page(s),"
                          f" {self.counts['listing_pages']} listing page(s)")
        out = pending + ([self.batch] if self.batch else [])
        return out

    @staticmethod
    def _page_url(listing: dict, n: int) -> str:
        return f"{listing['url']}?page={n}"

    def walk(self, name: str, listing: dict, url: str, since: str | None, archived: int | None = None) -> None:
        """Newest first. Without `since`: stop at the first release stored before this run.
        With `since`: go back to that date, skipping (not refetching) stored releases; the
        checkpoint (archive state) names the page under way and its archived copy, so a
        killed backfill resumes on that page without fetching it again. `archived`: the
        archive seq of `url`'s copy to read instead of fetching it."""
        max_pages = int(listing.get("max_pages", 500))
        for _ in range(max_pages):
            page, entry = self._listing(url, archived)
            archived = None
            self.counts["listing_pages"] += 1
            if since:
                self.archive.set_state(SOURCE, "backfill", {"since": since, "listing": name, "next_url": url,
                                                            "seq": entry.seq})
            stop = False
            for item in page.items:
                if item.date and since and item.date < since:
                    stop = True
                    break
                if item.id in self.stored:
                    if since is None:
                        stop = True
                        break
                    continue
                if item.id in self.seen:
                    continue
                published = self.release(item.id)
                if published and since and published < since:
                    stop = True
                    break
            if stop or not page.next_url:
                if since:
                    self.archive.delete_state(SOURCE, "backfill")
                return
            url = page.next_url
            if since:
                self.archive.set_state(SOURCE, "backfill", {"since": since, "listing": name, "next_url": url})
        raise SourceError(SOURCE, url, f"{name} listing: still going after {max_pages} pages;"
                          " stopped (raise max_pages in treasury.yml if the archive really is that long)")

    def walk_actions(self, name: str, listing: dict, url: str, since: str | None) -> None:
        """OFAC's Recent Actions listing, newest first: every day page listed, archived in the
        run's batch (the build stores its entries). Without `since`: stop at the first day page
        a build already holds; with it: go back to that date, skipping the pages held."""
        held = stored_action_keys(self.archive)
        for _ in range(int(listing.get("max_pages", 500))):
            got = self.ctx.http.get(url, source=SOURCE, kind="listing")
            page = parse_recent_actions_listing(got.content, url)   # raises, naming the URL, on zero items
            self._keep_listing(got.entry)
            self.counts["listing_pages"] += 1
            for item in page.items:
                if item.date and since and item.date < since:
                    return
                if item.key in held:
                    if since is None:
                        return
                    continue
                self.recent_actions(item.url)
            if not page.next_url:
                return
            url = page.next_url
        raise SourceError(SOURCE, url, f"{name} listing: still going after {listing.get('max_pages', 500)} pages;"
                          " stopped (raise max_pages in treasury.yml if the listing really is that long)")

    def _keep_listing(self, entry) -> None:
        if self.batch is None:
            self.listing_entries.append(entry)
        else:
            self.archive.add_to_batch(self.batch, entry, "listing")

    def _listing(self, url: str, archived: int | None = None) -> tuple[ListingPage, object]:
        entry = None
        if archived is not None:
            try:
                entry = self.archive.get(archived)
            except KeyError:
                entry = None
            if entry is None or entry.url != url or entry.status != 200 or not entry.sha256:
                entry = None
            else:
                content = self.archive.read(entry)
        if entry is None:
            got = self.ctx.http.get(url, source=SOURCE, kind="listing")
            content, entry = got.content, got.entry
        page = parse_listing(content, url)     # raises, naming the URL, on zero items
        self._keep_listing(entry)
        return page, entry

    def release(self, rid: str) -> str | None:
        """Fetch one release (and its Recent Actions page); its date, or None if unparseable
        (the build records why, naming the URL)."""
        url = f"https://home.treasury.gov/news/press-releases/{rid}"
        got = self.ctx.http.get(url, source=SOURCE, kind="release", conditional=True, meta={"release_id": rid})
        self.seen.add(rid)
        try:
            rel = parse_release(got.content, url, fallback_id=rid, page_url=url)
        except SourceError:
            rel = None
        if rel is not None and self._before_since(rel.published):
            return rel.published
        if rel is not None and rel.recent_actions_url and rel.recent_actions_url not in self.ra_fetched:
            self._owe(rel.recent_actions_url, True)     # before the release is in: a kill cannot lose it
        self.archive.add_to_batch(self._batch(), got.entry, "release")
        self.counts["releases"] += 1
        self.counts["eo14059"] += int(bool(rel and rel.is_eo14059))
        if rel is not None and rel.recent_actions_url:
            self.recent_actions(rel.recent_actions_url)
        self._standing(rel.published if rel else None)
        self.batch = self.parts.cut(self.batch, roles=("release",))
        return rel.published if rel else None

    def _standing(self, published: str | None) -> None:
        """Counts, how far back, ETA: in the terminal every few seconds, and to `tracker run`."""
        if published:
            self.reached = min(published, self.reached or published)
        reached = self.reached
        self.ctx.progress_report(source=SOURCE, unit="releases", done=self.counts["releases"], since=self.since,
                                 reached=reached)
        now = time.monotonic()
        if now - self.last_line < 5.0 and self.counts["releases"] > 1:
            return
        self.last_line = now
        line = (f"treasury: {self.counts['releases']:,} release(s) fetched ({self.counts['eo14059']:,} E.O. 14059),"
                f" {self.counts['recent_actions']:,} Recent Actions page(s)")
        share = share_walked(self.since, reached)
        if reached and share is not None:
            line += f", back to {reached} of {self.since}..today ({share:.0%})"
            if share > 0.01:
                line += f", ETA {duration_text((now - self.started) * (1 - share) / share)}"
        elif reached:
            line += f", newest first, now at {reached}"
        self.ctx.progress(line)

    def _before_since(self, published: str) -> bool:
        since = self.since_arg or (None if self.stored else self.ctx.config.treasury_since)
        return bool(since and published < since)

    def recent_actions(self, url: str) -> None:
        if url in self.ra_fetched:
            return
        self.ra_fetched.add(url)
        self._owe(url, True)
        try:
            got = self.ctx.http.get(url, source=SOURCE, kind="recent-actions", conditional=True,
                                    meta={"recent_actions": recent_actions_key(url)})
        except FetchError as exc:
            if exc.status in (404, 410):     # no such page: nothing to come back for
                self._owe(url, False)
                self.ctx.log(f"treasury: {url}: {exc.reason} (the release is kept; its designees come from its text)")
            else:
                self.ctx.log(f"treasury: {url}: {exc.reason} (the release is kept; its designees come from its"
                             " text until the next run fetches this page)")
            return
        self.archive.add_to_batch(self._batch(), got.entry, "recent-actions")
        self.counts["recent_actions"] += 1
        self._owe(url, False)

    def _owe(self, url: str, owed: bool) -> None:
        if (url in self.owed) == owed:
            return
        if owed:
            self.owed.add(url)
        else:
            self.owed.discard(url)
        if self.owed:
            self.archive.set_state(SOURCE, OWED, sorted(self.owed))
        else:
            self.archive.delete_state(SOURCE, OWED)


def stored_release_ids(archive) -> set[str]:
    """Ids of releases in applied batches (the ones the database holds)."""
    return _stored(archive, "release", "release_id")


def stored_action_keys(archive) -> set[str]:
    """Keys ("20240229") of the Recent Actions day pages in applied batches."""
    return _stored(archive, "recent-actions", "recent_actions")


def _stored(archive, kind: str, key: str) -> set[str]:
    rows = archive.conn.execute(
        "select distinct r.meta from responses r join batch_items i on i.seq = r.seq"
        " join batches b on b.id = i.batch_id where b.source = ? and b.status = 'applied' and r.kind = ?",
        (SOURCE, kind)).fetchall()
    out = set()
    for (meta,) in rows:
        value = json.loads(meta or "{}").get(key)
        if value:
            out.add(value)
    return out
