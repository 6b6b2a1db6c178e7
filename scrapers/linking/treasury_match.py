"""Matching the names of Treasury releases to the SDN list, and what the list history says
of an entry's dates (used by linking/treasury.py).

- `release_lookup`: the build's matching.NameIndex, fuzzy matches kept to the written name's
  kind, then its token-subset rule ("Alan Nunez Herrera" -> "NUNEZ HERRERA, Alan Gabriel").
- `match_candidate`: a name as the release writes it -> (match, how, ambiguous uids), trying
  its forms, then the words prose adds dropped ("The Sinaloa Cartel", "Los Rojos DTO"), the
  bold pieces joined, its short forms, and a list name that is the end of a longer written
  name when the release's own short form is that entry's surname. Each rule used is named in
  the evidence.
- `scan_mentions`: list names (2+ words) written in plain text.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set as AbstractSet

from rapidfuzz import fuzz

from ..matching import Match, NameIndex
from ..names import looks_like_company, name_forms, normalize_name, similarity, strip_legal_form, surname_first
from ..sources.treasury.candidates import Candidate
from ..sources.treasury.html import sentence_spans

CONFLICT_DAYS = 3          # a list date and a release date further apart than this disagree
CORROBORATION = (-3, 7)    # list-diff dates lag the release by up to a week (weekly snapshots)
SOURCE_TAG = "treasury-release"


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days


class ListHistory:
    """What the SDN list history says about when an entry appeared."""

    def __init__(self, db):
        self._added: dict[str, list[int]] = {}
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

    def added_at(self, date: str) -> list[int]:
        """The entries the list history shows added at `date` (see added_near)."""
        got = self._added.get(date)
        if got is None:
            got = self._added[date] = [uid for uid in self.rows if self.added_near(uid, date)]
        return got


def release_lookup(index: NameIndex, written: str, *, fuzzy: bool = True) -> list[Match]:
    """A name as a release writes it -> list matches: the index's lookup, a fuzzy match only
    of the written name's kind (person or company); failing all, the token-subset rule
    ("Alan Nunez Herrera" -> "NUNEZ HERRERA, Alan Gabriel")."""
    found = [m for m in index.lookup(written, fuzzy=fuzzy) if _compatible(index, written, m)]
    if found or not fuzzy:
        return found
    return index.subset(written)


def _compatible(index: NameIndex, written: str, m: Match) -> bool:
    if m.method not in ("fuzzy",):
        return True
    entry = index.entries[m.uid]
    return (entry.entity_type == "individual") != looks_like_company(written)


def _best(matches: list[Match], history: ListHistory, published: str, index: NameIndex | None = None,
          put_forward: AbstractSet[int] = frozenset()) -> tuple[Match | None, list[int], str | None]:
    """(the match, the uids tied for it, what broke the tie)."""
    if not matches:
        return None, [], None
    top = [m for m in matches if m.score == matches[0].score]
    if len(top) > 1:
        tied = [m.uid for m in top]
        near = [m for m in top if history.added_near(m.uid, published)]
        not_before = [m for m in top if not history.listed_before(m.uid, published)]
        pick = next((found for found in (near, not_before) if found), [])
        if len({m.uid for m in pick}) == 1:
            return pick[0], tied, None
        # the list's own relationships: the one entry 'Linked To' an entry this release puts
        # forward as designated (the person's company, designated with them)
        others = put_forward.difference(tied)   # (an entry bearing the name is not its own partner)
        if index is not None and others:
            pick = [m for m in top if index.linked(m.uid) & others]
            if len({m.uid for m in pick}) == 1:
                partners = sorted(index.linked(pick[0].uid) & others)
                return pick[0], tied, ("the list links it to " + ", ".join(
                    f"{index.entries[u].name} ({u})" for u in partners) + ", designated by this release;"
                    " the other entries bearing the name are not")
        # several entries bear the name and nothing singles one out: no guess (a wrong link
        # between a person and a sanctions entry is the worse error)
        return None, tied, None
    return top[0], [], None


# What prose puts around a name that the list leaves out: "The Sinaloa Cartel", "Los Rojos DTO".
_DROPPABLE = [(re.compile(r"^the\s+(?=\S+\s+\S)", re.I), "leading article dropped"),
              (re.compile(r"\s+(?:DTO|TCO|drug\s+trafficking\s+organi[sz]ation)$", re.I), "descriptor dropped"),
              # a romanised given name written with a hyphen, listed as one word ('Huang De-zhi', 'HUANG, Dezhi')
              (re.compile(r"(?<=[A-Za-z])-(?=[a-z])"), "hyphenated given name joined")]
_SPACED_INITIALS = re.compile(r"\b([A-Z])\.\s+(?=[A-Z]\.)")
# ... or listed as two words ('Pang Chi-keung', 'PANG, Chi Keung')
_HYPHEN_SPLIT = (re.compile(r"(?<=[A-Za-z])-(?=[a-z])"), "hyphenated given name split")


# a romanised Chinese given name of one or two syllables ('Hanxiang', 'Jun', 'Meiling'; not 'Garcia')
_PINYIN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou"
                     r"|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u|v)){1,2}")


def derived_forms(form: str) -> list[tuple[str, str]]:
    """(form, rule) for the name without the words prose adds around it."""
    out = []
    for rx, rule in _DROPPABLE:
        bare = rx.sub("", form).strip()
        if bare != form and len(bare.split()) >= 2:
            out.append((bare, rule))
    split = _HYPHEN_SPLIT[0].sub(" ", form)
    if split != form:
        out.append((split, _HYPHEN_SPLIT[1]))
    joined = _SPACED_INITIALS.sub(r"\1.", form)
    if joined != form:
        out.append((joined, "initials written apart joined"))   # 'R. K. Suresh Babu', 'BABU, R.K. Suresh'
    words = form.split()
    given = words[2].split("-") if len(words) == 3 else []
    romanised = bool(given) and (_PINYIN.fullmatch(words[2].lower()) is not None or (
        len(given) == 2 and all(g.isalpha() and len(g) <= 6 for g in given)))   # ('Chi-keung', Cantonese)
    if len(words) == 3 and words[0].isalpha() and words[0][:1].isupper() and words[0][1:].islower() and \
            not surname_first(words[0]) and not _PINYIN.fullmatch(words[0].lower()) and \
            (surname_first(words[1]) or _PINYIN.fullmatch(words[1].lower())) and romanised:
        # 'Kevin Qiu Hanxiang': an English given name before a name written surname first ('QIU, Hanxiang')
        out.append((" ".join([words[1], *given]), "English given name before a surname-first name dropped"))
    return out


def match_candidate(cand: Candidate, index: NameIndex, history: ListHistory, published: str,
                    put_forward: AbstractSet[int] = frozenset()):
    """(match, how, ambiguous uids) for one extracted name. `put_forward`: the entries the
    release's other names matched, written as designated (a tie between entries bearing the
    name may be broken by the list linking one of them to one of those)."""
    tries = [(form, {"matched_form": form}) for form in cand.forms()]
    tries += [(bare, {"matched_form": bare, "rule": rule}) for form in cand.forms() for bare, rule in derived_forms(form)]
    for fuzzy in (False, True):         # every exact form before any near one
        for form, how in tries:
            got = release_lookup(index, form, fuzzy=fuzzy)
            if got and fuzzy and any(len(w.rstrip(".")) == 1 for w in form.split()[1:-1]):
                # 'Rajesh K. Malhotra' near 'MALHOTRA, Rajesh' while 'MALHOTRA, Rajesh Kumar' fits the initial: which?
                others = set(_initials_match(cand, index, None)) - {m.uid for m in got}
                if others:
                    return None, {"unlinked_reason": "a middle initial fits several list entries"}, sorted(others | {got[0].uid})
            if got:
                m, amb, why = _best(got, history, published, index, put_forward)
                if m is None:
                    how = {**how, "unlinked_reason": f"{len(amb)} list entries bear this name; nothing singles one out"}
                elif why:
                    how = {**how, "tie_broken_by": why}
                return m, how, amb
    if cand.pieces and len(cand.pieces) > 1:
        joined = " ".join(cand.pieces)
        got = release_lookup(index, joined)
        if got:
            m, amb, _ = _best(got, history, published)
            return m, {"matched_form": joined}, amb
    for sf in cand.short_forms:
        got = [m for m in release_lookup(index, sf, fuzzy=False) if m.method in ("exact", "normalised", "alias")]
        if len({m.uid for m in got}) == 1:
            return got[0], {"matched_form": sf, "via": "short form"}, []
    part = _part_match(cand, index)
    if part:
        return part
    if cand.role == "designated" and (dated := _dated_match(cand, index, history, published)):
        return dated
    return None, {"unlinked_reason": _why_unlinked(cand, index)}, []


DATED_SCORE = 85      # rapidfuzz WRatio of the two names, legal forms left out ...
DATED_MARGIN = 20     # ... and at least this far above any other entry added at that date


def _dated_match(cand: Candidate, index: NameIndex, history: ListHistory, published: str):
    """A company the release designates under another form of its name than the list's ('Wuhan Kaisheng
    Pharmatech Co., Ltd.' for 'WUHAN KAISHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.', 'Vallarta Sunset Vacation
    Club' for 'VALLARTA SUNSET VACATIONS CLUB, S.A. DE C.V.'): the one entity the list history shows added at the
    release's date whose name is close to it, when no other entry added then comes near. Never a person (a near
    name of a person is too weak a link) and never an entry added at another date."""
    added = history.added_at(published[:10])
    if not added:
        return None
    written = strip_legal_form(normalize_name(cand.lookup))
    if len(written.split()) < 2:
        return None
    scored = []
    for uid in added:
        entry = index.entries.get(uid)
        if entry is None:
            continue
        score = fuzz.WRatio(written, strip_legal_form(normalize_name(entry.name)))
        scored.append((score, uid, entry))
    scored.sort(key=lambda x: -x[0])
    if not scored or scored[0][0] < DATED_SCORE or scored[0][2].entity_type != "entity" or \
            (len(scored) > 1 and scored[1][0] > scored[0][0] - DATED_MARGIN):
        return None
    score, uid, entry = scored[0]
    return (Match(uid, entry.name, "fuzzy-dated", round(score / 100, 3)),
            {"matched_form": cand.lookup, "rule": f"the only close name among the {len(added)} list entries added at the"
             f" release's date ({history.added_near(uid, published[:10])})"}, [])


def _why_unlinked(cand: Candidate, index: NameIndex) -> str:
    """Why a name stays unlinked: nothing on the list comes near it, or what came near and why
    that was not enough (a wrong link is worse than a missing one)."""
    words = cand.lookup.split()
    partial = sorted({m.matched_name for k in range(2, len(words))
                      for m in release_lookup(index, " ".join(words[-k:]), fuzzy=False)
                      if m.method in ("exact", "normalised")})
    if partial:
        return (f"the list name {partial[0]!r} ends the name as written, but nothing in the release confirms"
                " it is the same person (no short form matching its surname)")
    near = index.lookup(cand.lookup, fuzzy=True, min_fuzzy=0.8)
    if near:
        return f"nearest list name {near[0].matched_name!r} is not close enough to be the same"
    return "no entry of the SDN list as imported has this name or one of its forms"


def _part_match(cand: Candidate, index: NameIndex):
    """A person the release names in full where the list keeps fewer given names ("Richard
    Ficticio Hervé Inventé" vs "INVENTE, Herve"): the list name, exactly, as a run of the
    written name that ends with it, taken only when the release's own short form for the person
    ("(Inventé)") is the list's whole surname, and no other list entry fits."""
    words = cand.lookup.split()
    shorts = {normalize_name(s) for s in cand.short_forms}
    if len(words) < 3 or not shorts or looks_like_company(cand.lookup):
        return None
    found = {}
    for run in _shorter_forms(words):
        for m in release_lookup(index, run, fuzzy=False):
            entry = index.entries[m.uid]
            if m.method not in ("exact", "normalised") or entry.entity_type != "individual" or "," not in entry.name:
                continue
            surname = normalize_name(entry.name.split(",", 1)[0])
            if surname in shorts:
                found[m.uid] = (Match(m.uid, entry.name, "partial", 0.8), run, surname)
    if any(len(w.rstrip(".")) == 1 for w in words[1:-1]):
        # (both readings: 'Rajesh K. Malhotra' fits 'MALHOTRA, Rajesh' and 'MALHOTRA, Rajesh Kumar': no link)
        found.update(_initials_match(cand, index, shorts))
    if len(found) != 1:
        return None
    m, run, surname = next(iter(found.values()))
    rule = ("an initial written for a given name of the list" if run == cand.lookup else
            "the list name is the end of the name as written" if cand.lookup.endswith(run) else
            "the list name is the name as written with a given name left out or two joined")
    return m, {"matched_form": run, "rule": rule,
               "corroborated_by": f"the release's short form {surname!r} is the list surname"}, []


def _initials_match(cand: Candidate, index: NameIndex, shorts: set[str] | None) -> dict:
    """'Rajiv K. Malhotra' (Malhotra) and 'MALHOTRA, Rajiv Kumar': the list's surname is the short
    form (any surname when `shorts` is None), its given names are the written ones, an initial
    standing for a name of its letter."""
    written = normalize_name(cand.lookup).split()
    found = {}
    for m in index.partial(cand.lookup):
        entry = index.entries[m.uid]
        if entry.entity_type != "individual" or "," not in entry.name:
            continue
        surname, given = (normalize_name(p) for p in entry.name.split(",", 1))
        if (shorts is not None and surname not in shorts) or written[-len(surname.split()):] != surname.split():
            continue
        mine, theirs = written[:-len(surname.split())], given.split()
        if len(mine) == len(theirs) and all(a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(mine, theirs)):
            found[m.uid] = (Match(m.uid, entry.name, "partial", 0.8), cand.lookup, surname)
    return found


def _shorter_forms(words: list[str]) -> list[str]:
    """Forms of a name of 3+ words the list may keep: its ends ('Hervé Inventé' of 'Richard Ficticio
    Hervé Inventé'), the first given name and the surname with a middle name left out ('Daniel
    Kowalski' of 'Daniel Patrick Kowalski'), and two given names written as one ('Amritpal Singh
    Brar' of 'Amrit Pal Singh Brar'). The surname (the last word) is always kept."""
    out = [" ".join(words[-k:]) for k in range(2, len(words))]
    last = words[-1]
    for i in range(1, len(words) - 1):
        out.append(" ".join(words[:i] + [last]))            # middle names left out
        out.append(" ".join(words[:i] + words[i + 1:]))     # one middle name left out
    for i in range(len(words) - 2):
        out.append(" ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:]))   # two given names joined
    return list(dict.fromkeys(f for f in out if len(f.split()) >= 2))


def _similar(written: str, list_name: str) -> bool:
    forms = name_forms(list_name, "," in list_name and not looks_like_company(list_name))
    norm = normalize_name(written)
    return any(sorted(norm.split()) == sorted(f.split()) or similarity(norm, f) >= 0.9 for f in forms)


# -- list entries named in plain text ----------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\w’'.&-]*")
_LOWER_OK = {"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "van", "von", "bin", "al", "el", "and", "&"}


def scan_mentions(paragraphs: list[str], index: NameIndex):
    """(text, uid, match, sentence) for list names (2+ words) written in the paragraphs,
    longest first, capitalised as names are."""
    forms, prefixes = index.mention_forms, index.mention_prefixes
    found = []
    for text in paragraphs:
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
