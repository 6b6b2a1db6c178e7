"""The walk over the DOJ news API's list pages, newest first (see source.py): what each page
says (summarize) and when to stop (Walk: incremental frontier, --since backfill, seeking the
page where an older walk stopped). Pure bookkeeping; fetching is source.py's."""
from __future__ import annotations

import dataclasses

from .api import ParseError, item_might_mention_fentanyl, parse_api_response, parse_item, parse_item_light
from .classify import classify
from .htmltext import blocks_text, html_to_blocks

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
    count: int | None         # the API's count, when the page does not contradict it
    items: list[Item]
    # (uuid, url) of the fentanyl-looking releases the API sent without a body: their release
    # pages are fetched too (the body, the topics), into the same batch
    pages: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    short: bool = False       # fewer releases than a page holds: the end of the list


def summarize(content: bytes, location: str, page: int) -> PageSummary:
    """What the walk needs from one list page (raises ParseError when unreadable, whatever
    the page holds: Infinity, NaN, numbers out of range, nesting too deep, odd URLs...; the
    walk then stops there and the page is fetched again by the next run)."""
    try:
        return _summarize(content, location, page)
    except ParseError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError, LookupError, AttributeError,
            UnicodeError) as exc:
        raise ParseError(location, f"unreadable page ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})") from exc


def _summarize(content: bytes, location: str, page: int) -> PageSummary:
    api = parse_api_response(content, location)
    items, pages = [], []
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
        if maybe and r.url and not r.body_html.strip():
            pages.append((r.uuid, r.url))
    if not api.results and api.count is not None and page * PAGESIZE < api.count:
        raise ParseError(location, f"page {page} holds no releases although the API counts {api.count}")
    if not api.results and page == 0:
        # the list always has releases: an empty first page is a fault, not the end of the list
        raise ParseError(location, "page 0 holds no releases (the list is never empty: a fault on the API's side?)")
    if api.results and not items:
        # not the end of the list either: releases the walk cannot date or identify
        raise ParseError(location, f"none of the page's {len(api.results)} releases could be read (no valid uuid"
                         " or date: has the API changed?)")
    # The count is the API's claim, the page is what it holds: a count below what this page
    # alone shows ("1", "0", "-5" on a full page 0) is not believed, and the end of the list is
    # a page with fewer releases than a page holds, never a count (a wrong one once ended a
    # first backfill as "whole list covered" and the releases below were never fetched).
    seen = page * PAGESIZE + len(api.results)
    count = api.count if api.count is not None and api.count >= seen else None
    size = api.pagesize if api.pagesize and 0 < api.pagesize <= PAGESIZE else PAGESIZE
    return PageSummary(page, count, items, pages, short=len(api.results) < size)


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
        """What the page shows, not what the count says: it is empty or not full."""
        return not s.items or s.short

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
        # a count that shrank (or lies low) never ends the walk early: then walk past the frontier
        nothing_else = known and s.count is not None and f.get("count") is not None \
            and s.count >= f["count"] and self.new >= s.count - f["count"]
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
