"""Who each E.O. 14059 Treasury release designated, linked to the SDN list (a derivation:
recomputed from the database on every build, after all sources are applied).

For each release flagged `is_eo14059`:
1. the names its text puts forward were extracted when the release was applied
   (sources/treasury: bold / `** Name**` / plain-text designation sentences, short forms
   folded in, officials dropped, a role from the wording) and stored in `release_names`: the
   release's HTML is not parsed again here;
2. each name is matched to `designations.uid` (linking/treasury_match.py), the rule used named
   in the evidence;
3. the role is settled with the strongest evidence available: the action's Recent Actions
   page (OFAC's own list of the entries it added that day) when archived; else the SDN list
   history (on the list well before the release -> mentioned; added on the release date ->
   designated); else the text alone. Where the page and the release's wording disagree, the
   page wins and the disagreement is recorded in `conflicts`;
4. other list entries named in plain text become `mentioned` rows (or `designated` when the
   Recent Actions page lists them);
5. the release date fills `designations.designated_on` (`designated_on_source =
   'treasury-release'`) where the list history left it unknown or only an interval; a
   list-diff date more than 3 days away is recorded in `conflicts` instead.

Everything it wrote last time is cleared first, so a rebuild reproduces it exactly.
"""
from __future__ import annotations

import dataclasses
import json
from collections import defaultdict

from ..matching import NameIndex
from ..sources.treasury.candidates import Candidate
from ..sources.treasury.classify import HIST_NAME_RE
from ..sources.treasury.html import EO14059_TAG, release_url
from ..sources.treasury.recent_actions import parse_change
from ..sources.treasury.source import RELEASE_PREFIX, candidate_from_row
from .treasury_match import CONFLICT_DAYS, SOURCE_TAG, ListHistory, _days, _similar, match_candidate, scan_mentions


@dataclasses.dataclass
class Linked:
    name_in_text: str
    uid: int | None
    matched_name: str | None
    role: str
    method: str | None
    score: float | None
    evidence: dict
    countries: list[str]


@dataclasses.dataclass
class ActionPage:
    """One archived Recent Actions page, as the linking sees it."""
    url: str
    date: str | None
    designated: list[dict]          # entries added that day under E.O. 14059 (or put under it)
    listed: dict[int, str]          # uid -> section, every entry of the page that matched the list
    owners: list[str]               # E.O. 14059 releases of that action


def link_treasury(db, ctx) -> dict:
    reset = _clear(db)
    releases = db.execute(
        "select id, published, body_text, recent_actions_url from press_releases"
        " where agency = 'Treasury' and is_eo14059 = 1 order by id").fetchall()
    has_ra = db.execute("select count(*) from recent_actions").fetchone()[0]
    if not releases and not has_ra:
        _restore_years(db, reset)
        return {}
    index = ctx.names()
    history = ListHistory(db)
    pages, page_of = _link_recent_actions(db, index)
    names = defaultdict(list)
    for row in db.execute("select * from release_names order by press_release_id, position").fetchall():
        names[row[0]].append(candidate_from_row(dict(zip(_NAME_COLUMNS, row))))
    all_rows, designated, conflicts = [], defaultdict(list), {}
    for rid, published, body_text, ra_url in releases:
        page = pages.get(page_of.get(rid) or ra_url or "")
        rows = link_release(rid, published, names.get(rid, []), body_text or "", index, history, page)
        for row in rows:
            all_rows.append({"press_release_id": rid, "name_in_text": row.name_in_text, "uid": row.uid,
                             "matched_name": row.matched_name, "role": row.role, "match_method": row.method,
                             "match_score": row.score, "countries": json.dumps(row.countries),
                             "evidence": json.dumps(row.evidence, ensure_ascii=False, sort_keys=True)})
            if row.role == "designated" and row.uid is not None:
                designated[row.uid].append((published, rid))
            if row.uid is not None and "conflict" in row.evidence:
                conflicts[(row.uid, rid)] = _conflict_row(row, rid, published, page)
    if all_rows:
        db["press_release_designations"].insert_all(all_rows, pk=("press_release_id", "name_in_text"), replace=True)
    filled = _fill_dates(db, designated, history)
    if conflicts:
        db["conflicts"].insert_all(list(conflicts.values()), replace=True)
    _restore_years(db, reset)
    return {"treasury_designees": sum(r["role"] == "designated" for r in all_rows),
            "treasury_designees_linked": sum(r["role"] == "designated" and r["uid"] is not None for r in all_rows),
            "treasury_mentions": sum(r["role"] == "mentioned" for r in all_rows),
            "dates_from_releases": filled, "recent_actions_conflicts": len(conflicts)}


_NAME_COLUMNS = ("press_release_id", "position", "name", "lookup", "markup", "role", "reason", "sentence",
                 "short_forms", "aliases", "variants", "pieces", "countries", "heading_only", "authorities")
CONFLICT_FIELD = "designation"      # conflicts.field of a release and its Recent Actions page disagreeing


def _conflict_row(row: Linked, rid: str, published: str, page: ActionPage) -> dict:
    """A Recent Actions page and the release of that action disagreeing on whether the entry
    was designated that day (the page decided)."""
    url = release_url(rid.removeprefix(RELEASE_PREFIX))
    return {"uid": row.uid, "press_release_id": rid, "field": CONFLICT_FIELD, "note": row.evidence["conflict"],
            "chosen_source": "recent-actions", "chosen_date": page.date, "chosen_evidence": page.url,
            "other_source": SOURCE_TAG, "other_date": published, "other_evidence": url,
            "list_date": page.date, "list_date_source": "recent-actions", "release_date": published,
            "days_apart": abs(_days(page.date, published)) if page.date else None}


def _clear(db) -> list[int]:
    db.execute(f"delete from press_release_designations where press_release_id like '{RELEASE_PREFIX}%'")
    db.execute("delete from conflicts where field = ?", [CONFLICT_FIELD])
    db.execute("update recent_actions set uid = null, match_method = null, press_release_id = null")
    reset = [r[0] for r in db.execute("select uid from designations where designated_on_source = ?", [SOURCE_TAG])]
    db.execute("update designations set designated_on = null, designated_on_source = null"
               " where designated_on_source = ?", [SOURCE_TAG])
    return reset


def _restore_years(db, uids: list[int]) -> None:
    """designation_year of entries whose release date was cleared and not set again."""
    from ..sources.sdn.source import designation_year

    for uid in uids:
        row = db.execute("select designated_on, designated_after, designated_before from designations where uid = ?",
                         [uid]).fetchone()
        if row and row[0] is None:
            year = designation_year({"designated_on": None, "designated_after": row[1], "designated_before": row[2]})
            db.execute("update designations set designation_year = ? where uid = ?", [year, uid])


def _link_recent_actions(db, index: NameIndex) -> tuple[dict[str, ActionPage], dict[str, str]]:
    """Match each Recent Actions entry to the list (they are written as on the list, aliases
    included), and find each page's releases: those it links to, and those linking to it."""
    eo = {r[0]: r[1] for r in db.execute("select id, recent_actions_url from press_releases"
                                         " where agency = 'Treasury' and is_eo14059 = 1")}
    linking_to = defaultdict(list)
    for url, rid in db.execute("select recent_actions_url, id from press_releases where agency = 'Treasury'"
                               " and recent_actions_url is not null order by is_eo14059 desc, id"):
        linking_to[url].append(rid)
    pages: dict[str, ActionPage] = {}
    updates = []
    for url, position, date, name, programs, section, etype, text, aliases, linked in db.execute(
            "select url, position, action_date, name, programs, section, entity_type, entry_text, aliases,"
            " linked_releases from recent_actions order by url, position").fetchall():
        page = pages.get(url)
        if page is None:
            named = [RELEASE_PREFIX + r for r in json.loads(linked or "[]")]
            owners = [r for r in named if r in eo] or [r for r in linking_to.get(url, []) if r in eo]
            page = pages[url] = ActionPage(url, date, [], {}, owners)
        uid, method = _match_entry(index, name, json.loads(aliases or "[]"), etype)
        owner = page.owners[0] if page.owners else (linking_to.get(url) or [None])[0]
        updates.append((uid, method, owner, url, position))
        progs = json.loads(programs or "[]")
        if uid is not None:
            page.listed[uid] = section
        gains = section == "updated" and EO14059_TAG in progs and EO14059_TAG not in (
            parse_change(text or "").get("old_programs") or [EO14059_TAG])
        if (section == "added" and (not progs or EO14059_TAG in progs)) or gains:
            page.designated.append({"name": name, "uid": uid, "method": method, "position": position,
                                    "aliases": json.loads(aliases or "[]"), "gains": gains})
    db.conn.executemany("update recent_actions set uid = ?, match_method = ?, press_release_id = ?"
                        " where url = ? and position = ?", updates)
    page_of = {}
    for url, page in pages.items():
        for rid in page.owners:
            page_of.setdefault(rid, url)
    return pages, page_of


def _match_entry(index: NameIndex, name: str | None, aliases: list[str], etype: str | None):
    """The list entry a Recent Actions entry is (exact or normalised name, else an alias);
    an entry of the wrong type (person / not) does not count."""
    for form, via in [(name, None)] + [(a, "alias") for a in aliases]:
        if not form:
            continue
        exact = [m for m in index.lookup(form, fuzzy=False) if m.method in ("exact", "normalised", "alias")]
        typed = [m for m in exact if (index.entries[m.uid].entity_type == "individual") == (etype == "individual")]
        for group in (exact, typed):
            if len({m.uid for m in group}) == 1:
                return group[0].uid, (group[0].method if via is None else "recent-actions-alias")
    return None, None


def link_release(rid: str, published: str, cands: list[Candidate], body_text: str, index: NameIndex,
                 history: ListHistory, page: ActionPage | None) -> list[Linked]:
    ra_entries = page.designated if page is not None else None
    ra_uids = {e["uid"] for e in ra_entries or [] if e["uid"] is not None}
    ra_unmatched = [e for e in ra_entries or [] if e["uid"] is None and e["name"]]
    rows: list[Linked] = []
    used_uids: set[int] = set()
    names_used: set[str] = set()
    matched = [(cand, *match_candidate(cand, index, history, published)) for cand in cands]
    # a name several entries bear, read again knowing what else the release designates
    put_forward = {m.uid for cand, m, _, _ in matched if m is not None and cand.role == "designated"}
    matched = [(cand, *match_candidate(cand, index, history, published, put_forward)) if m is None and amb
               else (cand, m, how, amb) for cand, m, how, amb in matched]
    for cand, m, how, ambiguous in matched:
        uid = m.uid if m else None
        ev = {"markup": cand.markup, "sentence": cand.sentence[:500], "text_role": cand.role,
              "text_reason": cand.reason}
        if cand.short_forms:
            ev["short_forms"] = cand.short_forms
        if cand.aliases:
            ev["aliases_in_text"] = cand.aliases
        if cand.variants:
            ev["variants"] = cand.variants
        if cand.pieces:
            ev["joined_from"] = cand.pieces
        ev.update(how)
        if ambiguous:
            ev["ambiguous_uids"] = ambiguous
        if m and m.method == "fuzzy" and m.score == 0.85:
            ev["rule"] = "token subset"
        if uid is None and cand.heading_only:
            continue        # an unmatched bold paragraph of its own: a sub-heading, not a designee
        role, why = _settle_role(cand, uid, published, history, page, ra_uids, ra_unmatched)
        if cand.authorities:
            ev["authorities"] = cand.authorities
        # designated today under other authorities only ('Today, OFAC is designating X pursuant to E.O.
        # 13224; his designation pursuant to E.O. 14059 remains in effect'): unless the list shows the
        # entry added at the release's date, not an E.O. 14059 designation of this release
        if (role == "designated" and cand.authorities and "E.O. 14059" not in cand.authorities
                and not ra_entries and (uid is None or not history.added_near(uid, published))):
            role, why = "mentioned", f"designated by this release under {', '.join(cand.authorities)}, not E.O. 14059"
        ev["role_reason"] = why
        conflict = _disagreement(cand, uid, role, page)
        if conflict:
            ev["conflict"] = conflict
        if uid is not None and uid in used_uids:
            continue            # the same entry written twice: keep the first
        if cand.name in names_used:
            continue
        rows.append(Linked(cand.name, uid, m.matched_name if m else None, role, m.method if m else None,
                           m.score if m else None, ev, list(cand.countries)))
        names_used.add(cand.name)
        if uid is not None:
            used_uids.add(uid)
    # other list entries named in plain text
    for name, uid, m, sentence in scan_mentions(body_text.split("\n\n"), index):
        if uid in used_uids or name in names_used:
            continue
        role, why = "mentioned", "a list entry named in the text, not put forward as a designee"
        ev = {"markup": "text", "sentence": sentence[:500]}
        if uid in ra_uids:
            role, why = "designated", "listed on the Recent Actions page of this action"
            said = HIST_NAME_RE.search(sentence)
            if said:
                ev["conflict"] = (f"the release's wording says {name!r} was designated before ({said.group(0)!r});"
                                  f" the Recent Actions page {page.url} lists it as designated that day")
        elif ra_entries is None and history.added_near(uid, published) and not HIST_NAME_RE.search(sentence):
            role, why = "designated", f"added to the SDN list on {history.added_near(uid, published)}, the release date"
        ev["role_reason"] = why
        rows.append(Linked(name, uid, m.matched_name, role, m.method, m.score, ev, []))
        used_uids.add(uid)
        names_used.add(name)
    # Recent Actions entries the text did not name (or named in a form we could not match);
    # a page shared by several E.O. 14059 releases cannot say which release named which
    if page is not None and len(page.owners) <= 1:
        for e in ra_entries or []:
            if e["uid"] is None or e["uid"] in used_uids or not e["name"] or e["name"] in names_used:
                continue
            entry = index.entries.get(e["uid"])
            rows.append(Linked(e["name"], e["uid"], entry.name if entry else e["name"], "designated", e["method"],
                               1.0 if e["method"] == "exact" else 0.95,
                               {"markup": "recent-actions", "role_reason": "listed on the Recent Actions page of this"
                                " action; not found in the release text"}, []))
            used_uids.add(e["uid"])
            names_used.add(e["name"])
    return rows


def _settle_role(cand: Candidate, uid: int | None, published: str, history: ListHistory,
                 page: ActionPage | None, ra_uids: set[int], ra_unmatched: list[dict]) -> tuple[str, str]:
    if page is not None and page.designated:
        if uid is not None and uid in ra_uids:
            return "designated", "listed on the Recent Actions page of this action"
        for e in ra_unmatched:
            if any(_similar(f, n) for f in cand.forms() for n in [e["name"], *e["aliases"]]):
                return "designated", f"listed on the Recent Actions page of this action as {e['name']!r}"
        if uid is not None and uid in page.listed:
            return "mentioned", (f"on the Recent Actions page of this action ({page.listed[uid]}), not as an"
                                 " E.O. 14059 designation")
        return "mentioned", "not among the entries on the Recent Actions page of this action"
    if uid is not None:
        before = history.listed_before(uid, published)
        if before:
            return "mentioned", f"already on the SDN list on {before}, before this release"
        near = history.added_near(uid, published)
        if near:
            return "designated", f"added to the SDN list on {near}, the release date; {cand.reason}"
    return cand.role, cand.reason


def _disagreement(cand: Candidate, uid: int | None, role: str, page: ActionPage | None) -> str | None:
    """What the release's wording and the action's Recent Actions page disagree on (the page
    decided the role): a name the text designates that the page does not list at all, or an
    entry the page adds that the text says was designated before."""
    if page is None or not page.designated or uid is None:
        return None
    if cand.role == "designated" and role == "mentioned" and uid not in page.listed and (
            not cand.authorities or "E.O. 14059" in cand.authorities):
        return (f"the release's wording designates {cand.name!r} ({cand.reason}); the Recent Actions page"
                f" {page.url} does not list it")
    if cand.role == "mentioned" and role == "designated":
        return (f"the release's wording says {cand.name!r} was designated before ({cand.reason}); the Recent"
                f" Actions page {page.url} lists it as designated that day")
    return None


# -- dates -------------------------------------------------------------------------------------

def _fill_dates(db, designated: dict[int, list[tuple[str, str]]], history: ListHistory) -> int:
    """The release date as designated_on where the list history left it unknown or only an
    interval that holds it. Where the list disagrees, nothing is written here: linking/dates.py
    ranks every source's date afterwards and records the disagreements in `conflicts`."""
    filled = 0
    for uid in sorted(designated):
        date, rid = min(designated[uid])
        row = db.execute("select designated_on, designated_after, designated_before"
                         " from designations where uid = ?", [uid]).fetchone()
        if row is None or row[0]:
            continue
        on, after, before = row
        first_seen = history.rows.get(uid, {}).get("first_seen")
        if first_seen and _days(date, first_seen) > CONFLICT_DAYS:
            continue
        if after and before and not (_days(date, after) >= -CONFLICT_DAYS and _days(before, date) >= -CONFLICT_DAYS):
            continue
        db.execute("update designations set designated_on = ?, designated_on_source = ?, designation_year = ?"
                   " where uid = ?", [date, SOURCE_TAG, int(date[:4]), uid])
        filled += 1
    return filled
