"""Designation dates: every date any source gives for each tracked entry, ranked by authority;
the strongest one on the entry with its evidence, the disagreements in `conflicts`.

Two derivations (see DERIVATIONS in __init__.py):
- `restore_list_dates` runs FIRST: it puts back on every entry the dates the SDN list's own
  history gives (list_events of source list-diff: the day an entry appeared, or the interval
  between two versions), clearing what `resolve_dates` wrote last time, so the passes that read
  `designated_on` as "the list history" (linking/treasury.py) see the same thing on an
  incremental build as on a rebuild;
- `resolve_dates` runs LAST, once every other pass has written what it found.

A *claim* is one source's statement about one entry: kind `program` (the day the entry came
under a tracked program: for E.O. 14059 entries, the E.O. 14059 designation) or `list` (the
day it entered the SDN list at all; earlier for re-tags, e.g. Kingpin Act entries put under
E.O. 14059 later). Sources, strongest first (RANK):

  1 recent-actions    OFAC's Recent Actions page of the day (table recent_actions: section added,
                      or updated by a change that puts the entry under the program)
  1 delta-file        OFAC's delta file of the publication (list_events of source delta-file)
  2 federal-register  the Notice of OFAC Sanctions Action (fr_entries, "On <date>, OFAC ...")
  2 sdn-enhanced      SDN_ENHANCED.XML's sanctionsList datePublished: the day the entry went on
                      the list (kind `list`)
  3 treasury-release  a Treasury release that designated the entry (press_release_designations)
  4 sdn-enhanced      the same list date taken as the program's day too, for an entry nothing shows
                      was re-tagged (no list date before the program existed, no program added
                      later by a delta file or the list history): an inference, so below the
                      sources that speak of the designation itself
  5 list-diff         two versions of the list, the entry absent from one and present in the next

An observed list version is a hard bound: an entry seen listed on day F cannot have come under
the program after F, so a claim more than a day after F is not taken (it is a conflict). Any
claim more than a day away from the date kept (for list-diff: outside the interval between the
two versions) becomes a row of `conflicts`; nothing is overwritten silently. All dates are U.S.
Eastern calendar dates. Every claim, chosen or not, is in `designation_dates`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import defaultdict

from ..gcpause import paused_gc

RANK = {"recent-actions": 1, "delta-file": 1, "federal-register": 2, "sdn-enhanced": 2, "treasury-release": 3,
        "list-diff": 5, "list-first-seen": 9}
INFERRED_RANK = 4              # an SDN-list date taken as the program's (see the module doc)
ORDER = tuple(RANK)            # ties in rank: in this order, then the earliest date
# The first day of a program: a list date before it means the entry was re-tagged later.
PROGRAM_START = {"ILLICIT-DRUGS-EO14059": "2021-12-15"}   # E.O. 14059, signed 2021-12-15
TOLERANCE = 1                  # days: dates further apart disagree
LIST_SOURCES = ("list-diff", "list-first-seen", "list-interval")
DATE_COLUMNS = ("designated_on", "designated_on_source", "designated_after", "designated_before",
                "designated_on_evidence", "designated_on_sha256", "sdn_listed_on", "sdn_listed_on_source")


@dataclasses.dataclass(slots=True)
class Claim:
    uid: int
    kind: str                  # program | list
    source: str
    date: str | None           # the day, when the source gives one
    after: str | None = None   # for list versions: the entry was absent on `after`...
    before: str | None = None  # ...and present on `before`
    evidence: str = ""
    sha256: str | None = None
    detail: dict = dataclasses.field(default_factory=dict)

    @property
    def on(self) -> str:
        return self.date or f"{self.after or ''}..{self.before or ''}"

    @property
    def rank(self) -> int:
        return INFERRED_RANK if self.detail.get("inferred") else RANK[self.source]

    def key(self):
        return (self.rank, ORDER.index(self.source), self.date or "9999", self.evidence)


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


# -- pass 1: the list history's own dates ----------------------------------------------------

def restore_list_dates(db, ctx) -> dict:
    """Every entry's date columns as the list history alone sets them (see the module doc)."""
    db.execute(f"update designations set {', '.join(f'{c} = null' for c in DATE_COLUMNS)}, designation_year = null")
    rows = db.execute(
        "select e.uid, e.observed_on, e.details from list_events e join list_observations o on o.id = e.observation_id"
        " where e.event = 'added' and coalesce(e.source, 'list-diff') = 'list-diff'"
        " order by e.uid, e.observed_on, e.observation_id").fetchall()
    seen, updates = set(), []
    for uid, observed_on, details in rows:
        info = json.loads(details or "{}")
        if uid in seen or info.get("relisted"):
            continue
        seen.add(uid)
        between = info.get("designated_between")
        if between:
            updates.append((None, None, between[0], between[1], _year(between[0]) if _year(between[0]) == _year(between[1])
                            else None, uid))
        else:
            updates.append((observed_on, "list-diff", None, None, _year(observed_on), uid))
    db.conn.executemany("update designations set designated_on = ?, designated_on_source = ?, designated_after = ?,"
                        " designated_before = ?, designation_year = ? where uid = ?", updates)
    return {}


# -- pass 2: every claim, ranked -------------------------------------------------------------

@paused_gc()    # ~30,000 claims and rows (gcpause.py)
def resolve_dates(db, ctx) -> dict:
    db.execute("delete from designation_dates")
    # its own conflicts (dates); linking/treasury.py's (field 'designation': a release and its
    # Recent Actions page disagreeing on who was designated) were written before, and stay
    db.execute("delete from conflicts where field is not 'designation'")
    db.execute("update fr_entries set uid = null, match_method = null")
    entries = {r[0]: {"first_seen": r[1], "name": r[2]}
               for r in db.execute("select uid, first_seen, name from designations")}
    if not entries:
        return {}
    programs = set(ctx.config.programs)
    claims: dict[int, list[Claim]] = defaultdict(list)
    retag: dict[int, dict] = {}     # uid -> why it is known to have been on the list before its program
    collectors = (_list_history, _delta_files, _recent_actions, _releases, _federal_register, _enhanced)
    for collect in collectors:
        for claim in collect(db, ctx, programs, entries, retag):
            if claim.uid in entries:
                claims[claim.uid].append(claim)
    _enhanced_program_dates(claims, retag, programs, db)
    rows, conflicts, updates = [], [], []
    counts: dict[str, int] = defaultdict(int)
    detail_json = _JsonMemo()
    for uid in sorted(entries):
        mine = claims.get(uid, [])
        if uid not in retag and all(c.source == "list-first-seen" for c in mine):
            # the common case: the list's first version already had it, nothing else says more.
            # No day can be chosen (_choose), so no conflict and nothing to set on the entry.
            rows += [_date_row(c, None, detail_json) for c in sorted(mine, key=_kind_order)]
            continue
        upper = next((c.before for c in mine if c.source == "list-first-seen"), None)
        chosen = {}
        for kind in ("program", "list"):
            of_kind = [c for c in mine if c.kind == kind]
            if kind == "list" and uid in retag:
                # a re-tag: what dates the program (a release, a Recent Actions entry) says
                # nothing about when the entry first went on the list
                of_kind = [c for c in of_kind if c.source in ("sdn-enhanced", "delta-file", "list-first-seen")
                           or c.detail.get("list_add")]
            pick, bound = _choose(of_kind, upper)
            chosen[kind] = pick
            field = "designated_on" if kind == "program" else "sdn_listed_on"
            conflicts += _conflicts(uid, field, pick or bound, of_kind, upper)
            rows += [_date_row(c, pick, detail_json) for c in of_kind]
        updates.append(_designation_update(uid, chosen, mine, retag))
        if chosen["program"]:
            counts[f"dates_{chosen['program'].source}"] += 1
    # (the values are SQLite-ready: one executemany, not sqlite-utils' per-value checks)
    db.conn.executemany(f"insert or replace into designation_dates ({', '.join(f'[{c}]' for c in ROW_COLUMNS)})"
                        f" values ({', '.join('?' * len(ROW_COLUMNS))})", rows)
    if conflicts:
        db["conflicts"].insert_all(conflicts, replace=True)
    same_columns: dict[tuple, list] = defaultdict(list)
    for sets, args in updates:
        if sets:
            same_columns[tuple(sets)].append(tuple(args))
    for sets, many in same_columns.items():
        db.conn.executemany(f"update designations set {', '.join(f'{k} = ?' for k in sets)} where uid = ?", many)
    dated = db.execute("select count(*) from designations where listed = 1 and designated_on is not null").fetchone()[0]
    return {**dict(sorted(counts.items())), "dated_listed": dated, "date_conflicts": len(conflicts)}


ROW_COLUMNS = ("uid", "kind", "source", "on", "date", "after", "before", "rank", "evidence", "sha256", "detail",
               "chosen")


def _kind_order(c: Claim) -> int:
    return 0 if c.kind == "program" else 1


def _date_row(c: Claim, pick: Claim | None, detail_json: _JsonMemo) -> tuple:
    """One row of designation_dates (ROW_COLUMNS) for a claim."""
    return (c.uid, c.kind, c.source, c.on, c.date, c.after, c.before, c.rank, c.evidence, c.sha256,
            detail_json(c.detail) if c.detail else None, int(c is pick))


class _JsonMemo:
    """json.dumps(detail, sort_keys=True), computed once per distinct flat detail (most claims
    of one build share a handful: {"observation_id": n}), and looked up by identity first (the
    collectors give claims of one source and observation the same dict; a claim's detail is
    not changed once collected)."""

    def __init__(self):
        self.seen: dict[tuple, str] = {}
        self.by_id: dict[int, tuple[dict, str]] = {}   # id -> (the dict itself, kept alive; its JSON)

    def __call__(self, detail: dict) -> str:
        known = self.by_id.get(id(detail))
        if known is not None and known[0] is detail:
            return known[1]
        got = self.by_id[id(detail)] = (detail, self._json(detail))
        return got[1]

    def _json(self, detail: dict) -> str:
        try:
            key = tuple(sorted((k, type(v), v) for k, v in detail.items()))   # (1 and True differ)
            hash(key)
        except TypeError:          # a list or dict inside: not memoised
            return json.dumps(detail, sort_keys=True)
        got = self.seen.get(key)
        if got is None:
            got = self.seen[key] = json.dumps(detail, sort_keys=True)
        return got


def _choose(claims: list[Claim], upper: str | None) -> tuple[Claim | None, Claim | None]:
    """The strongest claim giving a day, not after the day the entry was seen listed; and,
    when every such claim was after it, the bound that ruled them out."""
    points = sorted((c for c in claims if c.date and c.source != "list-first-seen"), key=Claim.key)
    for c in points:
        if upper is None or _days(c.date, upper) <= TOLERANCE:
            return c, None
    bound = next((c for c in claims if c.source == "list-first-seen"), None)
    return None, bound if points else None


def _conflicts(uid: int, field: str, kept: Claim | None, claims: list[Claim], upper: str | None) -> list[dict]:
    if kept is None or not kept.date and kept.source != "list-first-seen":
        return []
    out = []
    for c in claims:
        if c is kept:
            continue
        apart = _disagreement(kept, c)
        if apart is None:
            continue
        list_side, other_side = (c, kept) if c.source in LIST_SOURCES or kept.source not in LIST_SOURCES else (kept, c)
        release_id = next((x.detail.get("press_release_id") for x in (kept, c) if x.detail.get("press_release_id")), None)
        out.append({
            "uid": uid, "field": field, "press_release_id": release_id,
            "chosen_source": kept.source, "chosen_date": kept.date or kept.before, "chosen_evidence": kept.evidence,
            "other_source": c.source, "other_date": c.on, "other_evidence": c.evidence,
            "list_date": list_side.date or list_side.on, "list_date_source": list_side.source,
            "release_date": other_side.date, "days_apart": apart,
            "note": _note(kept, c, field),
        })
    return out


def _disagreement(kept: Claim, other: Claim) -> int | None:
    """Days between two claims when they disagree by more than TOLERANCE (None: they agree)."""
    if kept.source == "list-first-seen":      # nothing could be chosen: every day claimed is too late
        if other.date and _days(other.date, kept.before) > TOLERANCE:
            return _days(other.date, kept.before)
        return None
    day = kept.date
    if other.source == "list-first-seen":
        return _days(day, other.before) if _days(day, other.before) > TOLERANCE else None
    if other.after or other.before:            # a list interval: absent on `after`, present on `before`
        late = other.after and _days(other.after, day) > TOLERANCE
        early = other.before and _days(day, other.before) > TOLERANCE
        if late or early:
            return abs(_days(day, other.date or other.before))
        return None
    if other.date and abs(_days(day, other.date)) > TOLERANCE:
        return abs(_days(day, other.date))
    return None


def _note(kept: Claim, other: Claim, field: str) -> str:
    what = "came under the tracked program" if field == "designated_on" else "entered the SDN list"
    if kept.source == "list-first-seen":
        return (f"{other.source} says the entry {what} on {other.date}, but the list already had it on"
                f" {kept.before} ({kept.evidence}); no date is taken")
    return (f"kept {kept.date} from {kept.source} ({kept.evidence}); {other.source} says {other.on}"
            f" ({other.evidence})")


def _designation_update(uid: int, chosen: dict, claims: list[Claim], retag: dict) -> tuple[list[str], list]:
    sets, args = [], []
    program, listed = chosen["program"], chosen["list"]
    if program:
        # designated_after/before keep the list history's interval, when it gave one
        sets += ["designated_on", "designated_on_source", "designated_on_evidence", "designated_on_sha256",
                 "designation_year"]
        args += [program.date, program.source, program.evidence, program.sha256, _year(program.date)]
    elif retag.get(uid, {}).get("program_start"):
        # re-tagged, day unknown: between the program's first day and the first version seen
        start = retag[uid]["program_start"]
        upper = next((c.before for c in claims if c.source == "list-first-seen"), None)
        if upper:
            after = (dt.date.fromisoformat(start) - dt.timedelta(days=1)).isoformat()
            sets += ["designated_after", "designated_before", "designation_year"]
            args += [after, upper, _year(after) if _year(after) == _year(upper) else None]
    if listed:
        sets += ["sdn_listed_on", "sdn_listed_on_source"]
        args += [listed.date, listed.source]
    return sets, [*args, uid]


# -- collectors: one per source table --------------------------------------------------------

def _observation_files(db) -> dict[int, tuple[str, str | None]]:
    """observation id -> (where its main file came from, its sha256)."""
    out = {}
    for oid, files in db.execute("select id, files from list_observations"):
        try:
            items = json.loads(files or "[]")
        except ValueError:
            items = []
        main = next((f for f in items if f.get("file") in ("sdn.csv", "sdn.xml", "delta.xml")), items[0] if items else {})
        out[oid] = (main.get("from") or f"list observation {oid}", main.get("sha256"))
    return out


def _list_history(db, ctx, programs, entries, retag):
    files = _observation_files(db)
    first_obs = db.execute("select id, observed_on from list_observations where kind = 'list'"
                           " order by observed_on, id").fetchall()
    with_event = set()
    for oid, uid, observed_on, details in db.execute(
            "select observation_id, uid, observed_on, details from list_events where event = 'added'"
            " and coalesce(source, 'list-diff') = 'list-diff' order by uid, observed_on, observation_id"):
        info = json.loads(details or "{}")
        if info.get("relisted") or uid in with_event:
            continue
        with_event.add(uid)
        evidence, sha = files.get(oid, (f"list observation {oid}", None))
        between = info.get("designated_between")
        prev = between[0] if between else _previous(first_obs, oid)
        claim = dict(uid=uid, source="list-diff", date=None if between else observed_on, after=prev,
                     before=observed_on, evidence=evidence, sha256=sha, detail={"observation_id": oid})
        yield Claim(kind="program", **claim)
        if info.get("on_list_before"):
            retag[uid] = {"why": f"on the list version before {observed_on} under another program"}
        else:
            yield Claim(kind="list", **{**claim, "detail": {"observation_id": oid, "list_add": True}})
    by_date = {}
    for oid, observed_on in first_obs:
        by_date.setdefault(observed_on, oid)
    details: dict = {}      # one detail dict per observation, shared by its claims
    for uid, e in entries.items():
        if uid in with_event or not e["first_seen"]:
            continue
        oid = by_date.get(e["first_seen"])
        evidence, sha = files.get(oid, (f"list version of {e['first_seen']}", None))
        detail = details.get(oid) or details.setdefault(oid, {"observation_id": oid})
        for kind in ("program", "list"):
            yield Claim(uid, kind, "list-first-seen", None, None, e["first_seen"], evidence, sha, detail)


def _previous(observations, oid) -> str | None:
    prev = None
    for i, d in observations:
        if i == oid:
            return prev
        prev = d
    return None


def _delta_files(db, ctx, programs, entries, retag):
    files = _observation_files(db)
    for oid, uid, event, observed_on, details in db.execute(
            "select observation_id, uid, event, observed_on, details from list_events where source = 'delta-file'"
            " order by observed_on, observation_id, uid"):
        info = json.loads(details or "{}")
        evidence, sha = files.get(oid, (f"delta file {oid}", None))
        detail = {"observation_id": oid, "publication": info.get("publication")}
        if event == "added":
            if programs.intersection(info.get("programs") or ()):
                yield Claim(uid, "program", "delta-file", observed_on, None, None, evidence, sha, detail)
            yield Claim(uid, "list", "delta-file", observed_on, None, None, evidence, sha, {**detail, "list_add": True})
        elif event == "changed":
            added = [c.get("new") for c in info.get("changes", []) if c.get("field") == "program" and c.get("change") == "added"]
            if programs.intersection(added):
                retag.setdefault(uid, {"why": f"a tracked program added by the delta file of {observed_on}"})
                yield Claim(uid, "program", "delta-file", observed_on, None, None, evidence, sha,
                            {**detail, "program_added": sorted(programs.intersection(added))})


def _recent_actions(db, ctx, programs, entries, retag):
    from ..sources.treasury.recent_actions import parse_change

    shas: dict[str, str | None] = {}
    for url, date, uid, progs, rid, section, text in db.execute(
            "select url, action_date, uid, programs, press_release_id, section, entry_text from recent_actions"
            " where section in ('added', 'updated') and uid is not null and action_date is not null"
            " order by url, position"):
        tags = set(json.loads(progs or "[]"))
        if tags and not programs.intersection(tags):
            continue
        if url not in shas:
            shas[url] = _archived_sha256(ctx, "treasury", url)
        detail = {"press_release_id": rid} if rid else {}
        if section == "updated":
            # a change (OLD -to- NEW) that puts a listed entry under a tracked program: a re-tag,
            # which dates the program and says nothing of when it went on the list
            old = parse_change(text or "").get("old_programs")
            gained = sorted(programs.intersection(tags) - set(old or tags))
            if old is not None and gained:
                retag.setdefault(uid, {"why": f"put under {', '.join(gained)} by a change on the Recent Actions"
                                              f" page of {date}"})
                yield Claim(uid, "program", "recent-actions", date, None, None, url, shas[url],
                            {**detail, "program_added": gained})
            continue
        yield Claim(uid, "program", "recent-actions", date, None, None, url, shas[url], detail)
        yield Claim(uid, "list", "recent-actions", date, None, None, url, shas[url], detail)


def _archived_sha256(ctx, source: str, url: str) -> str | None:
    archive = getattr(ctx, "archive", None)
    if archive is None:
        return None
    key = re.search(r"recent-actions/(\d{8}(?:_\w+)?)", url)
    return archive.latest_sha256(source, url, meta=("recent_actions", key.group(1)) if key else None)


def _releases(db, ctx, programs, entries, retag):
    for rid, uid, published, url, sha in db.execute(
            "select d.press_release_id, d.uid, p.published, p.url, p.archive_sha256 from press_release_designations d"
            " join press_releases p on p.id = d.press_release_id where d.role = 'designated' and d.uid is not null"
            " and p.is_eo14059 = 1 and p.published is not null order by p.published, d.press_release_id"):
        detail = {"press_release_id": rid}
        yield Claim(uid, "program", "treasury-release", published, None, None, url, sha, detail)
        yield Claim(uid, "list", "treasury-release", published, None, None, url, sha, detail)


def _enhanced(db, ctx, programs, entries, retag):
    for uid, list_name, date, progs, evidence, sha in db.execute(
            "select uid, list_name, date_published, programs, evidence, sha256 from enhanced_entries"
            " where date_published is not null order by uid, list_name"):
        if list_name.strip().lower() != "sdn list":
            continue
        tags = set(json.loads(progs or "[]"))
        starts = [PROGRAM_START[p] for p in programs.intersection(tags) if p in PROGRAM_START]
        if starts and date < min(starts):
            retag.setdefault(uid, {"why": f"on the SDN list since {date}, before its program existed",
                                   "program_start": min(starts)})
        yield Claim(uid, "list", "sdn-enhanced", date, None, None, evidence, sha, {"list": list_name,
                                                                                  "programs": sorted(tags)})


def _enhanced_program_dates(claims: dict[int, list[Claim]], retag: dict, programs: set, db) -> None:
    """An SDN-list date is the program date too, for entries nothing shows were re-tagged."""
    for uid, mine in claims.items():
        if uid in retag:
            continue
        for c in mine:
            if c.source == "sdn-enhanced" and c.kind == "list":
                mine.append(Claim(uid, "program", "sdn-enhanced", c.date, None, None, c.evidence, c.sha256,
                                  {**c.detail, "inferred": "the SDN list date; no sign the entry was re-tagged"}))
                break


def _federal_register(db, ctx, programs, entries, retag):
    updates = []
    docs = {}
    listed = db.execute("select document_number, position, entry_text, name, entity_type from fr_entries"
                        " order by document_number, position").fetchall()
    names = ctx.names() if listed else None   # (the name index: only when there is a notice to match)
    for number, position, text, name, etype in listed:
        uid, method = _match_entry(text, name, etype, names)
        updates.append((uid, method, number, position))
    db.conn.executemany("update fr_entries set uid = ?, match_method = ? where document_number = ? and position = ?",
                        updates)
    for number, url, sha in db.execute("select document_number, html_url, body_sha256 from fr_documents"):
        docs[number] = (url, sha)
    for number, uid, date, progs in db.execute(
            "select document_number, uid, action_date, programs from fr_entries where uid is not null"
            " and action_date is not null and coalesce(section, 'blocked') = 'blocked'"
            " order by document_number, position"):
        tags = set(json.loads(progs or "[]"))
        if not programs.intersection(tags):
            continue
        url, sha = docs.get(number, (f"Federal Register document {number}", None))
        yield Claim(uid, "program", "federal-register", date, None, None, url, sha, {"document_number": number})


_CUT = re.compile(r" \(|,|;|\.(?=\s|$)")


def _match_entry(text: str, name: str | None, etype: str | None, names) -> tuple[int | None, str | None]:
    """A Federal Register entry is written as the list writes it ('NAME, Given (a.k.a. ...),
    address; DOB ...; (individual) [PROGRAM]'): the longest prefix ending at a delimiter that is
    exactly one list name (of the same type when several) is the entry."""
    candidates = [name] if name else []
    head = (text or "")[:300]
    candidates += [head[:m.start()] for m in _CUT.finditer(head)]
    best = None
    for cand in candidates:
        hits = names.as_listed(cand)
        if not hits:
            continue
        if len(hits) > 1 and etype:
            hits = {h for h in hits if (h[1] == "individual") == (etype == "individual")}
        if len(hits) == 1 and (best is None or len(cand) > len(best[0])):
            best = (cand, next(iter(hits))[0])
    return (best[1], "exact") if best else (None, None)
