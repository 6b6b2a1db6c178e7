"""Who each E.O. 14059 Treasury release designated, linked to the SDN list (a derivation:
recomputed from the database on every build, after all sources are applied).

For each release flagged `is_eo14059`:
1. names are extracted from the text (sources.treasury.designees.extract_designees: bold / `** Name**`
   names, short forms folded in, officials dropped, a role from the wording);
2. each name is matched to `designations.uid` through the list's names and aliases
   (matching.NameIndex; "Given Surname" vs "SURNAME, Given", accents, legal forms), with a
   token-subset rule for names written without a middle name;
3. the role is settled with the strongest evidence available: the release's Recent Actions
   page (the official list of that action's entries) when archived; else the SDN list
   history (on the list well before the release -> mentioned; added on the release date ->
   designated); else the text alone;
4. other list entries named in plain text become `mentioned` rows;
5. the release date fills `designations.designated_on` (`designated_on_source =
   'treasury-release'`) where the list history left it unknown or only an interval; a
   list-diff date more than 3 days away is recorded in `conflicts` instead.

Everything it wrote last time is cleared first, so a rebuild reproduces it exactly.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import defaultdict

from ..matching import Match, NameIndex
from ..names import looks_like_company, name_forms, normalize_name, similarity, strip_legal_form
from ..sources.treasury.source import RELEASE_PREFIX
from ..sources.treasury.classify import HIST_NAME_RE
from ..sources.treasury.candidates import Candidate
from ..sources.treasury.designees import extract_designees
from ..sources.treasury.html import EO14059_TAG, html_blocks, sentence_spans

CONFLICT_DAYS = 3          # a list date and a release date further apart than this disagree
CORROBORATION = (-3, 7)    # list-diff dates lag the release by up to a week (weekly snapshots)
SOURCE_TAG = "treasury-release"


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


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days


class ListHistory:
    """What the SDN list history says about when an entry appeared."""

    def __init__(self, db):
        self.rows = {r[0]: dict(zip(("uid", "first_seen", "designated_on", "source", "after", "before", "listed"), r))
                     for r in db.execute("select uid, first_seen, designated_on, designated_on_source,"
                                         " designated_after, designated_before, listed from designations")}

    def listed_before(self, uid: int, date: str) -> str | None:
        """The list date showing `uid` was already listed before `date` (None if not known)."""
        r = self.rows.get(uid)
        if not r:
            return None
        for key in ("designated_on", "first_seen"):
            value = r[key]
            if key == "designated_on" and r["source"] == SOURCE_TAG:
                continue
            if value and _days(date, value) > CONFLICT_DAYS:
                return value
        return None

    def added_near(self, uid: int, date: str) -> str | None:
        """The list date corroborating that `uid` was added by a release of `date`."""
        r = self.rows.get(uid)
        if not r:
            return None
        if r["designated_on"] and r["source"] != SOURCE_TAG and CORROBORATION[0] <= _days(r["designated_on"], date) <= CORROBORATION[1]:
            return r["designated_on"]
        if r["after"] and r["before"] and r["after"] < date <= r["before"]:
            return f"{r['after']}..{r['before']}"
        return None


class Matcher:
    """NameIndex plus a token-subset rule ("Alan Nunez Herrera" -> "NUNEZ HERRERA, Alan Gabriel")."""

    def __init__(self, db):
        self.index = NameIndex(db)
        self.alias_rows = [(u, a) for u, a, q in db.execute("select uid, alias, quality from aliases")
                           if u in self.index.entries and (q or "strong") == "strong"]
        self._mention_forms: dict[str, set[int]] | None = None
        self.mention_prefixes: set[str] = set()
        self.tokens: dict[str, set[int]] = defaultdict(set)
        self.forms: dict[int, list[set[str]]] = defaultdict(list)
        for uid, e in self.index.entries.items():
            person = e.entity_type == "individual"
            for form in name_forms(e.name, person):
                toks = set(form.split())
                self.forms[uid].append(toks)
                for t in toks:
                    self.tokens[t].add(uid)

    @property
    def mention_forms(self) -> dict[str, set[int]]:
        """Normalised list names and strong aliases of 2+ words -> uids (for plain-text scans)."""
        if self._mention_forms is None:
            forms: dict[str, set[int]] = defaultdict(set)
            for uid, e in self.index.entries.items():
                for f in name_forms(e.name, e.entity_type == "individual"):
                    if len(f.split()) >= 2:
                        forms[f].add(uid)
            for uid, alias in self.alias_rows:
                for f in name_forms(alias, self.index.entries[uid].entity_type == "individual"):
                    if len(f.split()) >= 2:
                        forms[f].add(uid)
            self._mention_forms = forms
            self.mention_prefixes = {" ".join(f.split()[:k]) for f in forms for k in range(1, len(f.split()) + 1)}
        return self._mention_forms

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Match]:
        found = [m for m in self.index.lookup(name, fuzzy=fuzzy) if self._compatible(name, m)]
        if found or not fuzzy:
            return found
        return self._subset(name)

    def _compatible(self, written: str, m: Match) -> bool:
        if m.method not in ("fuzzy",):
            return True
        entry = self.index.entries[m.uid]
        return (entry.entity_type == "individual") != looks_like_company(written)

    def _subset(self, written: str) -> list[Match]:
        norm = normalize_name(written)
        if looks_like_company(written):
            norm = strip_legal_form(norm)
        toks = set(norm.split())
        if len(toks) < 2:
            return []
        candidates = set.intersection(*(self.tokens.get(t, set()) for t in toks)) if all(t in self.tokens for t in toks) else set()
        out = []
        for uid in sorted(candidates):
            entry = self.index.entries[uid]
            person = entry.entity_type == "individual"
            if person == looks_like_company(written):
                continue
            if any(toks < form and len(toks) >= max(2, len(form) - 2) for form in self.forms[uid]):
                out.append(Match(uid, entry.name, "fuzzy", 0.85))
        return out if len(out) == 1 else []


def link_treasury(db, ctx) -> dict:
    reset = _clear(db)
    releases = db.execute(
        "select id, published, body_html, recent_actions_url from press_releases"
        " where agency = 'Treasury' and is_eo14059 = 1 order by id").fetchall()
    ra_rows = db.execute("select url, position, name, programs, section, entity_type from recent_actions"
                         " order by url, position").fetchall()
    if not releases and not ra_rows:
        _restore_years(db, reset)
        return {}
    matcher = Matcher(db)
    history = ListHistory(db)
    ra = _link_recent_actions(db, matcher)
    all_rows, designated = [], defaultdict(list)
    for rid, published, body_html, ra_url in releases:
        rows = link_release(rid, published, body_html or "", matcher, history, ra.get(ra_url))
        for row in rows:
            all_rows.append({"press_release_id": rid, "name_in_text": row.name_in_text, "uid": row.uid,
                             "matched_name": row.matched_name, "role": row.role, "match_method": row.method,
                             "match_score": row.score, "countries": json.dumps(row.countries),
                             "evidence": json.dumps(row.evidence, ensure_ascii=False, sort_keys=True)})
            if row.role == "designated" and row.uid is not None:
                designated[row.uid].append((published, rid))
    if all_rows:
        db["press_release_designations"].insert_all(all_rows, pk=("press_release_id", "name_in_text"), replace=True)
    filled, conflicts = _fill_dates(db, designated, history)
    _restore_years(db, reset)
    return {"treasury_designees": sum(r["role"] == "designated" for r in all_rows),
            "treasury_designees_linked": sum(r["role"] == "designated" and r["uid"] is not None for r in all_rows),
            "treasury_mentions": sum(r["role"] == "mentioned" for r in all_rows),
            "dates_from_releases": filled, "date_conflicts": conflicts}


def _clear(db) -> list[int]:
    db.execute(f"delete from press_release_designations where press_release_id like '{RELEASE_PREFIX}%'")
    db.execute(f"delete from conflicts where press_release_id like '{RELEASE_PREFIX}%'")
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


def _link_recent_actions(db, matcher: Matcher) -> dict[str, list[dict]]:
    """Match each Recent Actions entry to the list (they are written exactly as on the list)
    and attach the page to the release linking to it."""
    out: dict[str, list[dict]] = defaultdict(list)
    owners = {}
    for url, rid in db.execute("select recent_actions_url, id from press_releases where agency = 'Treasury'"
                               " and recent_actions_url is not null order by is_eo14059 desc, id"):
        owners.setdefault(url, rid)
    updates = []
    for url, position, name, programs, section, etype in db.execute(
            "select url, position, name, programs, section, entity_type from recent_actions order by url, position"):
        progs = json.loads(programs or "[]")
        uid, method = None, None
        if name:
            exact = [m for m in matcher.index.lookup(name, fuzzy=False) if m.method in ("exact", "normalised")]
            uids = {m.uid for m in exact}
            if len(uids) == 1:
                uid, method = exact[0].uid, exact[0].method
            elif len(uids) > 1:
                typed = [m for m in exact if (matcher.index.entries[m.uid].entity_type == "individual") == (etype == "individual")]
                if len({m.uid for m in typed}) == 1:
                    uid, method = typed[0].uid, typed[0].method
        updates.append((uid, method, owners.get(url), url, position))
        if section == "added" and (not progs or EO14059_TAG in progs):
            out[url].append({"name": name, "uid": uid, "method": method, "position": position})
    db.conn.executemany("update recent_actions set uid = ?, match_method = ?, press_release_id = ?"
                        " where url = ? and position = ?", updates)
    return out


def _best(matches: list[Match], history: ListHistory, published: str) -> tuple[Match | None, list[int]]:
    if not matches:
        return None, []
    top = [m for m in matches if m.score == matches[0].score]
    if len(top) > 1:
        near = [m for m in top if history.added_near(m.uid, published)]
        not_before = [m for m in top if not history.listed_before(m.uid, published)]
        pick = (near or not_before or top)[0]
        return pick, [m.uid for m in top]
    return top[0], []


# What prose puts around a name that the list leaves out: "The Sinaloa Cartel", "Los Rojos DTO".
_DROPPABLE = [(re.compile(r"^the\s+(?=\S+\s+\S)", re.I), "leading article dropped"),
              (re.compile(r"\s+(?:DTO|TCO|drug\s+trafficking\s+organi[sz]ation)$", re.I), "descriptor dropped")]


def derived_forms(form: str) -> list[tuple[str, str]]:
    """(form, rule) for the name without the words prose adds around it."""
    out = []
    for rx, rule in _DROPPABLE:
        bare = rx.sub("", form).strip()
        if bare != form and len(bare.split()) >= 2:
            out.append((bare, rule))
    return out


def match_candidate(cand: Candidate, matcher: Matcher, history: ListHistory, published: str):
    """(match, how, ambiguous uids) for one extracted name."""
    for form in cand.forms():
        got = matcher.lookup(form)
        if got:
            m, amb = _best(got, history, published)
            return m, {"matched_form": form}, amb
    for form in cand.forms():
        for bare, rule in derived_forms(form):
            got = matcher.lookup(bare)
            if got:
                m, amb = _best(got, history, published)
                return m, {"matched_form": bare, "rule": rule}, amb
    if cand.pieces and len(cand.pieces) > 1:
        joined = " ".join(cand.pieces)
        got = matcher.lookup(joined)
        if got:
            m, amb = _best(got, history, published)
            return m, {"matched_form": joined}, amb
    for sf in cand.short_forms:
        got = [m for m in matcher.lookup(sf, fuzzy=False) if m.method in ("exact", "normalised", "alias")]
        if len({m.uid for m in got}) == 1:
            return got[0], {"matched_form": sf, "via": "short form"}, []
    return None, {}, []


def link_release(rid: str, published: str, body_html: str, matcher: Matcher, history: ListHistory,
                 ra_entries: list[dict] | None) -> list[Linked]:
    blocks = html_blocks(body_html)
    cands = extract_designees(body_html, blocks)
    ra_uids = {e["uid"] for e in ra_entries or [] if e["uid"] is not None}
    ra_unmatched = [e for e in ra_entries or [] if e["uid"] is None and e["name"]]
    rows: list[Linked] = []
    used_uids: set[int] = set()
    names_used: set[str] = set()
    for cand in cands:
        m, how, ambiguous = match_candidate(cand, matcher, history, published)
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
        role, why = _settle_role(cand, uid, published, history, ra_entries, ra_uids, ra_unmatched)
        if cand.authorities:
            ev["authorities"] = cand.authorities
        if (uid is None and role == "designated" and cand.authorities and "E.O. 14059" not in cand.authorities
                and not ra_entries):
            role, why = "mentioned", f"designated by this release under {', '.join(cand.authorities)}, not E.O. 14059"
        ev["role_reason"] = why
        if uid is not None and uid in used_uids:
            continue            # the same entry written twice: keep the first
        if cand.name in names_used:
            continue
        rows.append(Linked(cand.name, uid, m.matched_name if m else None, role, m.method if m else None,
                           m.score if m else None, ev, list(cand.countries)))
        names_used.add(cand.name)
        if uid is not None:
            used_uids.add(uid)
    # Recent Actions entries the text did not name (or named in a form we could not match)
    for e in ra_entries or []:
        if e["uid"] is None or e["uid"] in used_uids or not e["name"] or e["name"] in names_used:
            continue
        entry = matcher.index.entries.get(e["uid"])
        rows.append(Linked(e["name"], e["uid"], entry.name if entry else e["name"], "designated", e["method"],
                           1.0 if e["method"] == "exact" else 0.95,
                           {"markup": "recent-actions", "role_reason": "listed on the Recent Actions page of this"
                            " action; not found in the release text"}, []))
        used_uids.add(e["uid"])
        names_used.add(e["name"])
    # other list entries named in plain text
    for name, uid, m, sentence in scan_mentions(blocks, matcher):
        if uid in used_uids or name in names_used:
            continue
        role, why = "mentioned", "a list entry named in the text, not put forward as a designee"
        if uid in ra_uids:
            role, why = "designated", "listed on the Recent Actions page of this action"
        elif ra_entries is None and history.added_near(uid, published) and not HIST_NAME_RE.search(sentence):
            role, why = "designated", f"added to the SDN list on {history.added_near(uid, published)}, the release date"
        rows.append(Linked(name, uid, m.matched_name, role, m.method, m.score,
                           {"markup": "text", "sentence": sentence[:500], "role_reason": why}, []))
        used_uids.add(uid)
        names_used.add(name)
    return rows


def _settle_role(cand: Candidate, uid: int | None, published: str, history: ListHistory,
                 ra_entries, ra_uids: set[int], ra_unmatched: list[dict]) -> tuple[str, str]:
    if ra_entries:
        if uid is not None and uid in ra_uids:
            return "designated", "listed on the Recent Actions page of this action"
        for e in ra_unmatched:
            if any(_similar(f, e["name"]) for f in cand.forms()):
                return "designated", f"listed on the Recent Actions page of this action as {e['name']!r}"
        return "mentioned", "not among the entries on the Recent Actions page of this action"
    if uid is not None:
        before = history.listed_before(uid, published)
        if before:
            return "mentioned", f"already on the SDN list on {before}, before this release"
        near = history.added_near(uid, published)
        if near:
            return "designated", f"added to the SDN list on {near}, the release date; {cand.reason}"
    return cand.role, cand.reason


def _similar(written: str, list_name: str) -> bool:
    forms = name_forms(list_name, "," in list_name and not looks_like_company(list_name))
    norm = normalize_name(written)
    return any(sorted(norm.split()) == sorted(f.split()) or similarity(norm, f) >= 0.9 for f in forms)


# -- list entries named in plain text ----------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\w’'.&-]*")
_LOWER_OK = {"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van", "von", "bin", "al", "el", "and", "&"}


def scan_mentions(blocks, matcher: Matcher):
    """(text, uid, match, sentence) for list names (2+ words) written in the text, longest
    first, capitalised as names are."""
    forms, prefixes = matcher.mention_forms, matcher.mention_prefixes
    index = matcher.index
    found = []
    for block in blocks:
        if block.is_heading:
            continue
        text = block.text
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        norms = [normalize_name(t[2]) for t in toks]
        i = 0
        while i < len(toks):
            hit = None
            if toks[i][2][0].isupper():
                key = norms[i]
                for j in range(i + 1, min(i + 8, len(toks))):
                    word = toks[j][2]
                    if text[toks[j - 1][1]:toks[j][0]].strip() not in ("", ",") or not (
                            word[0].isupper() or word.lower() in _LOWER_OK):
                        break
                    key = f"{key} {norms[j]}" if norms[j] else key
                    if key not in prefixes:
                        break
                    uids = forms.get(key)
                    if uids and len(uids) == 1:
                        hit = (j - i + 1, next(iter(uids)))
            if hit:
                n, uid = hit
                start, end = toks[i][0], toks[i + n - 1][1]
                name = text[start:end].rstrip(".,")
                ms = [m for m in index.lookup(name, fuzzy=False) if m.uid == uid]
                m = ms[0] if ms else Match(uid, index.entries[uid].name, "normalised", 0.95)
                sent = next((text[a:b] for a, b in sentence_spans(text) if a <= start < b), text)
                found.append((name, uid, m, sent.strip()))
                i += n
            else:
                i += 1
    return found


# -- dates -------------------------------------------------------------------------------------

def _fill_dates(db, designated: dict[int, list[tuple[str, str]]], history: ListHistory) -> tuple[int, int]:
    filled, conflicts = 0, []
    for uid in sorted(designated):
        date, rid = min(designated[uid])
        row = db.execute("select designated_on, designated_on_source, designated_after, designated_before"
                         " from designations where uid = ?", [uid]).fetchone()
        if row is None:
            continue
        on, source, after, before = row
        if on:
            gap = abs(_days(on, date))
            if gap > CONFLICT_DAYS:
                conflicts.append({"uid": uid, "press_release_id": rid, "list_date": on,
                                  "list_date_source": source or "list", "release_date": date, "days_apart": gap,
                                  "note": f"the list history dates this designation {on} ({source}); the release"
                                          f" announcing it is dated {date}"})
            continue
        first_seen = history.rows.get(uid, {}).get("first_seen")
        if first_seen and _days(date, first_seen) > CONFLICT_DAYS:
            conflicts.append({"uid": uid, "press_release_id": rid, "list_date": first_seen,
                              "list_date_source": "list-first-seen", "release_date": date,
                              "days_apart": _days(date, first_seen),
                              "note": f"the entry was already on the list on {first_seen}; the release"
                                      f" announcing its designation is dated {date}"})
            continue
        if after and before and not (_days(date, after) >= -CONFLICT_DAYS and _days(before, date) >= -CONFLICT_DAYS):
            gap = min(abs(_days(date, after)), abs(_days(date, before)))
            conflicts.append({"uid": uid, "press_release_id": rid, "list_date": f"{after}..{before}",
                              "list_date_source": "list-interval", "release_date": date, "days_apart": gap,
                              "note": f"the entry appeared between the list observations of {after} and {before};"
                                      f" the release announcing it is dated {date}"})
            continue
        db.execute("update designations set designated_on = ?, designated_on_source = ?, designation_year = ?"
                   " where uid = ?", [date, SOURCE_TAG, int(date[:4]), uid])
        filled += 1
    if conflicts:
        db["conflicts"].insert_all(conflicts, pk=("uid", "press_release_id"), replace=True)
    return filled, len(conflicts)
