"""The SDN list's names, read once per build and shared by every link pass, with the evidence
of each match kept.

`NameIndex` loads the designations (and their aliases) from the database being built; each
table it answers from is made on first use (a build that needs only one kind of lookup pays
only for that one). `BuildContext.names()` (sources/base.py) makes it once per build, and the
link passes share it (they change no name, alias or entity type). Its lookups:

- `lookup(name)`: candidate matches, best first, each carrying the method and a score:

    exact       the list name, in list order or "Given SURNAME" order, case-insensitive   1.00
    normalised  same tokens after folding accents, punctuation, legal forms, token order  0.95
    alias       a strong alias (alt.csv), normalised                                       0.90
    alias-weak  a weak alias (remarks a.k.a.), normalised                                  0.75
    fuzzy       token-sort similarity >= 0.90 against names sharing a rare token          score * 0.9

- `subset(name)`: the one entry one of whose name forms holds every word of the name, and at
  most two more ("Alan Nunez Herrera" -> "NUNEZ HERRERA, Alan Gabriel");
- `partial(name)`: entries whose name holds every word (of 3+ letters) of a two-or-more-word
  name, and more ("Joaquin Guzman" in "GUZMAN LOPEZ, Joaquin"), for review only;
- `mention_forms` / `mention_prefixes`: the list names and strong aliases of 2+ words, for
  scanning plain text;
- `as_listed(text)`: entries whose list name is the text exactly (case, spacing and a final
  period aside), as a Federal Register entry writes it.

Callers decide what is strong enough: Treasury designee linking accepts exact/normalised/
alias/fuzzy with corroboration; DOJ defendant linking is conservative (see linking/doj.py).
"""
from __future__ import annotations

import dataclasses
import functools
import json
from collections import defaultdict

from .names import looks_like_company, name_forms, normalize_name, similarity, strip_legal_form, token_key

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
    """The designations of one database and their aliases (see the module docstring)."""

    def __init__(self, db):
        self._db = db
        self.entries: dict[int, Designation] = {}
        rows = db.execute(
            "select uid, name, entity_type, listed, countries, date_of_birth, first_seen, designated_on"
            " from designations").fetchall()
        for uid, name, etype, listed, countries, dob, first_seen, designated_on in rows:
            self.entries[uid] = Designation(uid, name, etype, listed, json.loads(countries or "[]"), dob,
                                            first_seen, designated_on)
        # (uid, alias, "strong" | "weak") of the entries above, in table order
        self.aliases: list[tuple[int, str, str]] = [
            (uid, alias, quality or "strong") for uid, alias, quality
            in db.execute("select uid, alias, quality from aliases").fetchall() if uid in self.entries]

    @functools.cached_property
    def _links(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for uid, linked in self._db.execute("select uid, linked_uid from relationships where linked_uid is not null"):
            if uid in self.entries and linked in self.entries:
                out[uid].add(linked)
                out[linked].add(uid)
        return out

    def linked(self, uid: int) -> set[int]:
        """The entries the list relates to `uid` ('Linked To:', either way round)."""
        return self._links.get(uid, set())

    # -- lookup: names as written -> matches ----------------------------------------------------

    @functools.cached_property
    def _lookup_tables(self) -> _LookupTables:
        t = _LookupTables(defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set))
        for uid, e in self.entries.items():
            person = e.entity_type == "individual"
            t.exact[e.name.lower()].add(uid)
            for form in name_forms(e.name, person):
                t.norm[token_key(form)].add(uid)
                if not person:
                    t.norm[token_key(strip_legal_form(form))].add(uid)
                t.forms[uid].add(form)
                for tok in form.split():
                    if len(tok) > 2:
                        t.tokens[tok].add(uid)
        for uid, alias, quality in self.aliases:
            person = self.entries[uid].entity_type == "individual"
            for form in name_forms(alias, person):
                t.alias[token_key(form)].add((uid, alias, quality))
                if not person:
                    t.alias[token_key(strip_legal_form(form))].add((uid, alias, quality))
        return t

    def lookup(self, written: str, *, fuzzy: bool = True, min_fuzzy: float = 0.90) -> list[Match]:
        """Candidates for a name as written, best first (at most one Match per uid)."""
        t = self._lookup_tables
        found: dict[int, Match] = {}

        def offer(uid: int, matched: str, method: str, score: float) -> None:
            if uid not in found or found[uid].score < score:
                found[uid] = Match(uid, matched, method, round(score, 3))

        low = written.strip().lower()
        for uid in t.exact.get(low, ()):
            offer(uid, self.entries[uid].name, "exact", SCORES["exact"])
        norm = normalize_name(written)
        if not norm:
            return []
        keys = {token_key(norm), token_key(strip_legal_form(norm))}
        for key in keys:
            for uid in t.norm.get(key, ()):
                e = self.entries[uid]
                natural = normalize_name(e.name) if e.entity_type != "individual" else None
                method = "exact" if natural == norm or _natural_equal(e.name, norm) else "normalised"
                offer(uid, e.name, method, SCORES[method])
            for uid, alias, quality in t.alias.get(key, ()):
                method = "alias" if quality == "strong" else "alias-weak"
                offer(uid, alias, method, SCORES[method])
        if fuzzy and not found:
            rare = [w for w in norm.split() if len(w) > 2]
            candidates: set[int] = set()
            for tok in rare:
                hits = t.tokens.get(tok, set())
                if len(hits) <= 200:
                    candidates |= hits
            for uid in candidates:
                best = max((similarity(norm, f) for f in t.forms[uid]), default=0.0)
                if best >= min_fuzzy:
                    offer(uid, self.entries[uid].name, "fuzzy", best * 0.9)
        return sorted(found.values(), key=lambda m: (-m.score, m.uid))

    # -- subset: every written word in one of an entry's name forms ------------------------------

    @functools.cached_property
    def _form_tokens(self) -> tuple[dict[str, set[int]], dict[int, list[set[str]]]]:
        """(word -> uids whose name forms hold it, uid -> the word sets of its name forms)."""
        tokens: dict[str, set[int]] = defaultdict(set)
        forms: dict[int, list[set[str]]] = defaultdict(list)
        for uid, e in self.entries.items():
            for form in name_forms(e.name, e.entity_type == "individual"):
                toks = set(form.split())
                forms[uid].append(toks)
                for tok in toks:
                    tokens[tok].add(uid)
        return tokens, forms

    def subset(self, written: str) -> list[Match]:
        """The one entry (of the written name's kind: person or company) one of whose name
        forms holds every word of the name and at most two words more (fuzzy, 0.85); none when
        the name has one word or when several entries fit."""
        tokens, forms = self._form_tokens
        norm = normalize_name(written)
        if looks_like_company(written):
            norm = strip_legal_form(norm)
        toks = set(norm.split())
        if len(toks) < 2:
            return []
        candidates = set.intersection(*(tokens.get(t, set()) for t in toks)) if all(t in tokens for t in toks) else set()
        out = []
        for uid in sorted(candidates):
            entry = self.entries[uid]
            person = entry.entity_type == "individual"
            if person == looks_like_company(written):
                continue
            if any(toks < form and len(toks) >= max(2, len(form) - 2) for form in forms[uid]):
                out.append(Match(uid, entry.name, "fuzzy", 0.85))
        return out if len(out) == 1 else []

    # -- partial: a shorter name inside a list name ----------------------------------------------

    @functools.cached_property
    def _name_tokens(self) -> tuple[dict[int, tuple[str, set[str]]], dict[str, set[int]]]:
        """(uid -> (list name, its normalised words), word of 3+ letters -> uids)."""
        names: dict[int, tuple[str, set[str]]] = {}
        by_token: dict[str, set[int]] = defaultdict(set)
        for uid, e in self.entries.items():
            toks = set(normalize_name(e.name).split())
            names[uid] = (e.name, toks)
            for tok in toks:
                if len(tok) > 2:
                    by_token[tok].add(uid)
        return names, by_token

    def partial(self, written: str) -> list[Match]:
        """Entries whose list name holds every word (of 3+ letters) of a name of two or more
        such words, and more words besides ('Joaquin Guzman' in 'GUZMAN LOPEZ, Joaquin'),
        scored by the share of the list name written ("partial")."""
        names, by_token = self._name_tokens
        toks = [t for t in normalize_name(written).split() if len(t) > 2]
        if len(toks) < 2:
            return []
        sets = [by_token.get(t, set()) for t in toks]
        common = set.intersection(*sets) if sets else set()
        out = []
        for uid in sorted(common):
            name, all_toks = names[uid]
            if len(all_toks) > len(set(toks)):
                out.append(Match(uid, name, "partial", round(0.5 * len(set(toks)) / len(all_toks), 3)))
        return out

    # -- mentions: list names of 2+ words, for plain-text scans -----------------------------------

    @functools.cached_property
    def mention_forms(self) -> dict[str, set[int]]:
        """Normalised list names and strong aliases of 2+ words -> uids (for plain-text scans)."""
        forms: dict[str, set[int]] = defaultdict(set)
        for uid, e in self.entries.items():
            for f in name_forms(e.name, e.entity_type == "individual"):
                if len(f.split()) >= 2:
                    forms[f].add(uid)
        for uid, alias, quality in self.aliases:
            if quality != "strong":
                continue
            for f in name_forms(alias, self.entries[uid].entity_type == "individual"):
                if len(f.split()) >= 2:
                    forms[f].add(uid)
        return forms

    @functools.cached_property
    def mention_prefixes(self) -> set[str]:
        """Every run of leading words of a mention form ("juan", "juan perez", ...)."""
        return {" ".join(f.split()[:k]) for f in self.mention_forms for k in range(1, len(f.split()) + 1)}

    # -- as listed: the list name written exactly -------------------------------------------------

    @functools.cached_property
    def _listed(self) -> dict[str, set[tuple[int, str]]]:
        out: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for uid, e in self.entries.items():
            out[listed_key(e.name)].add((uid, e.entity_type))
        return out

    def as_listed(self, written: str) -> set[tuple[int, str]]:
        """{(uid, entity type)} of the entries whose list name is `written`, case, runs of
        spaces and a final period, comma or semicolon aside."""
        return self._listed.get(listed_key(written), set())


@dataclasses.dataclass
class _LookupTables:
    exact: dict[str, set[int]]                   # list name, lower case -> uids
    norm: dict[str, set[int]]                    # token_key of a name form -> uids
    alias: dict[str, set[tuple[int, str, str]]]  # token_key of an alias form -> (uid, alias, quality)
    tokens: dict[str, set[int]]                  # word (3+ letters) of a name form -> uids
    forms: dict[int, set[str]]                   # uid -> its name forms


def listed_key(text: str | None) -> str:
    """A name as the list writes it, compared: upper case, spaces collapsed, no final . , ;"""
    return " ".join((text or "").upper().split()).rstrip(".,;")


def _natural_equal(list_name: str, normalized_written: str) -> bool:
    """'GUZMAN LOPEZ, Joaquin' vs 'joaquin guzman lopez' (exact but for case and order)."""
    if "," not in list_name:
        return False
    surname, given = (normalize_name(p) for p in list_name.split(",", 1))
    return normalized_written in (f"{given} {surname}", f"{surname} {given}")
