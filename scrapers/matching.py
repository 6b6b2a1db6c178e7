"""Matching names found in press releases to SDN entries, with the evidence kept.

`NameIndex` loads the designations (and their aliases) from the database once and answers
`lookup(name)` with candidate matches, best first, each carrying the method and a score:

    exact       the list name, in list order or "Given SURNAME" order, case-insensitive   1.00
    normalised  same tokens after folding accents, punctuation, legal forms, token order  0.95
    alias       a strong alias (alt.csv), normalised                                       0.90
    alias-weak  a weak alias (remarks a.k.a.), normalised                                  0.75
    fuzzy       token-sort similarity >= 0.90 against names sharing a rare token          score * 0.9

Callers decide what is strong enough: Treasury designee linking accepts exact/normalised/
alias/fuzzy with corroboration; DOJ defendant linking is conservative (see link_doj).
"""
from __future__ import annotations

import dataclasses
import json
from collections import defaultdict

from .names import name_forms, normalize_name, similarity, strip_legal_form, token_key

SCORES = {"exact": 1.0, "normalised": 0.95, "alias": 0.90, "alias-weak": 0.75}


@dataclasses.dataclass(frozen=True)
class Match:
    uid: int
    matched_name: str
    method: str
    score: float


@dataclasses.dataclass
class Designation:
    uid: int
    name: str
    entity_type: str
    listed: int
    countries: list[str]
    date_of_birth: str | None
    first_seen: str | None
    designated_on: str | None


class NameIndex:
    def __init__(self, db, *, where: str = "1 = 1"):
        self.entries: dict[int, Designation] = {}
        self._exact: dict[str, set[int]] = defaultdict(set)
        self._norm: dict[str, set[int]] = defaultdict(set)
        self._alias: dict[str, set[tuple[int, str, str]]] = defaultdict(set)
        self._tokens: dict[str, set[int]] = defaultdict(set)
        self._forms: dict[int, set[str]] = defaultdict(set)
        rows = db.execute(
            "select uid, name, entity_type, listed, countries, date_of_birth, first_seen, designated_on"
            f" from designations where {where}").fetchall()
        for uid, name, etype, listed, countries, dob, first_seen, designated_on in rows:
            self.entries[uid] = Designation(uid, name, etype, listed, json.loads(countries or "[]"), dob,
                                            first_seen, designated_on)
            person = etype == "individual"
            self._exact[name.lower()].add(uid)
            for form in name_forms(name, person):
                self._add_form(uid, form, person)
        for uid, alias, quality in db.execute("select uid, alias, quality from aliases").fetchall():
            if uid not in self.entries:
                continue
            person = self.entries[uid].entity_type == "individual"
            for form in name_forms(alias, person):
                self._alias[token_key(form)].add((uid, alias, quality or "strong"))
                if not person:
                    self._alias[token_key(strip_legal_form(form))].add((uid, alias, quality or "strong"))

    def _add_form(self, uid: int, form: str, person: bool) -> None:
        self._norm[token_key(form)].add(uid)
        if not person:
            self._norm[token_key(strip_legal_form(form))].add(uid)
        self._forms[uid].add(form)
        for tok in form.split():
            if len(tok) > 2:
                self._tokens[tok].add(uid)

    def lookup(self, written: str, *, fuzzy: bool = True, min_fuzzy: float = 0.90) -> list[Match]:
        """Candidates for a name as written, best first (at most one Match per uid)."""
        found: dict[int, Match] = {}

        def offer(uid: int, matched: str, method: str, score: float) -> None:
            if uid not in found or found[uid].score < score:
                found[uid] = Match(uid, matched, method, round(score, 3))

        low = written.strip().lower()
        for uid in self._exact.get(low, ()):
            offer(uid, self.entries[uid].name, "exact", SCORES["exact"])
        norm = normalize_name(written)
        if not norm:
            return []
        keys = {token_key(norm), token_key(strip_legal_form(norm))}
        for key in keys:
            for uid in self._norm.get(key, ()):
                e = self.entries[uid]
                natural = normalize_name(e.name) if e.entity_type != "individual" else None
                method = "exact" if natural == norm or _natural_equal(e.name, norm) else "normalised"
                offer(uid, e.name, method, SCORES[method])
            for uid, alias, quality in self._alias.get(key, ()):
                method = "alias" if quality == "strong" else "alias-weak"
                offer(uid, alias, method, SCORES[method])
        if fuzzy and not found:
            rare = [t for t in norm.split() if len(t) > 2]
            candidates: set[int] = set()
            for tok in rare:
                hits = self._tokens.get(tok, set())
                if len(hits) <= 200:
                    candidates |= hits
            for uid in candidates:
                best = max((similarity(norm, f) for f in self._forms[uid]), default=0.0)
                if best >= min_fuzzy:
                    offer(uid, self.entries[uid].name, "fuzzy", best * 0.9)
        return sorted(found.values(), key=lambda m: (-m.score, m.uid))


def _natural_equal(list_name: str, normalized_written: str) -> bool:
    """'GUZMAN LOPEZ, Joaquin' vs 'joaquin guzman lopez' (exact but for case and order)."""
    if "," not in list_name:
        return False
    surname, given = (normalize_name(p) for p in list_name.split(",", 1))
    return normalized_written in (f"{given} {surname}", f"{surname} {given}")
