"""Classification of DOJ releases: is it about fentanyl, precursors, cartels, money
laundering, online sales; which drugs, cartels and foreign countries it names.

`classify` is one pass of a token index (`Lexicon`) over title + text; its vocabularies
(fentanyl analogues, nitazenes, precursors, cartels...) live in doj.yml (`tables()`).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from itertools import compress

from ...countries import country_of_demonym, normalize_country
from .. import load_source_yaml


def tables() -> dict:
    """doj.yml: metadata, assertions and the vocabularies (loaded once)."""
    return load_source_yaml("doj")


# -- classification --------------------------------------------------------------------------
_TOKEN = re.compile(r"[a-z0-9]+")


# ASCII bytes -> themselves for [a-z0-9], lower case for [A-Z], a space for everything else.
_TOKEN_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; hyphens, dots and spaces all separate ('para-fluorofentanyl'
    -> ['para', 'fluorofentanyl'], '4-ANPP' -> ['4', 'anpp'])."""
    if "\u0130" in text or "\u212a" in text:
        # the only characters outside ASCII whose lower case holds an ASCII letter ('İ', Kelvin 'K')
        return _TOKEN.findall(text.lower())
    # == _TOKEN.findall(text.lower()): every other non-ASCII character (bytes >= 0x80 in UTF-8)
    # separates tokens; 3-4x faster
    return text.encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).decode("ascii").split()


class Lexicon:
    """Every vocabulary of doj.yml in one token index, matched longest-first in one pass over
    the text's tokens (much faster than one big regular expression per vocabulary)."""

    def __init__(self, vocabularies: dict[str, dict[str, list[str]]], spelled_only: tuple[str, ...] = ()):
        self.index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for vocab_name, table in vocabularies.items():
            for canon, spellings in table.items():
                forms = set(map(str, spellings or []))
                if vocab_name not in spelled_only:  # the canonical name is a spelling too
                    forms.add(str(canon))
                for s in forms:
                    toks = tuple(_TOKEN.findall(s.lower()))
                    if toks:
                        self.index.setdefault(toks[0], []).append((toks, vocab_name, canon))
        for lst in self.index.values():
            lst.sort(key=lambda x: -len(x[0]))
        # what `find` tries at a first token, longest first: (length, the tokens after the first,
        # vocabulary, canonical name), up to the first one-token entry (which always matches)
        self._tries: dict[str, list[tuple[int, list[str], str, str]]] = {}
        for first, lst in self.index.items():
            tries = []
            for seq, vocab_name, canon in lst:
                tries.append((len(seq), list(seq[1:]), vocab_name, canon))
                if len(seq) == 1:
                    break
            self._tries[first] = tries
        # the same, by the token after the first: only entries whose second token is there can
        # match (their order kept), then the one-token entry, if any
        self._by_second: dict[str, tuple[dict[str, list[tuple[int, list[str], str, str]]], tuple | None]] = {}
        for first, tries in self._tries.items():
            by_second: dict[str, list] = {}
            single = None
            for k, rest, vocab_name, canon in tries:
                if k == 1:
                    single = (vocab_name, canon)
                else:
                    by_second.setdefault(rest[0], []).append((k, rest, vocab_name, canon))
            self._by_second[first] = (by_second, single)
        self._last: tuple[list[str], tuple] | None = None

    def find(self, toks: list[str], _at: list[int] | None = None) -> list[tuple[int, str, str]]:
        """[(token position, vocabulary, canonical name)]. (`_at`: the positions of the tokens
        that begin an entry, when the caller has them.)"""
        last = self._last
        if last is not None and last[0] == toks:
            # the same tokens again (classify, then extract on a one-case release): same answer
            return list(last[1])
        out = self._find(toks, _at)
        self._last = (list(toks), tuple(out))
        return out

    def _find(self, toks: list[str], at: list[int] | None = None) -> list[tuple[int, str, str]]:
        by_first = self._by_second
        out = []
        skip_to = -1
        last = len(toks) - 1
        for i in [i for i, tok in enumerate(toks) if tok in by_first] if at is None else at:
            if i < skip_to:
                continue
            by_second, single = by_first[toks[i]]
            if by_second and i < last:
                for k, rest, vocab_name, canon in by_second.get(toks[i + 1], ()):
                    if toks[i + 1:i + k] == rest:
                        out.append((i, vocab_name, canon))
                        skip_to = i + k
                        break
                else:
                    if single is not None:
                        out.append((i, single[0], single[1]))
                        skip_to = i + 1
                continue
            if single is not None:
                out.append((i, single[0], single[1]))
                skip_to = i + 1
        return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = tables()
    fent = dict(t["fentanyl_terms"])
    m30 = {"counterfeit M30 pills": fent.pop("counterfeit M30 pills", [])}
    return Lexicon({
        "fentanyl": fent, "m30": m30, "precursor": t["precursor_terms"],
        "precursor_acronym": t["precursor_acronyms"],
        "precursor_generic": {"precursor": t["precursor_generic"]},
        "drug": t["other_drugs"], "cartel": t["cartels"],
        "money": {"money laundering": t["money_laundering_terms"]},
        "online": {"online sales": t["online_terms"]},
        "pill": {"pills": ["pill", "pills", "tablet", "tablets"]},
    }, spelled_only=("precursor",))  # 'NPP' / '4-AP' alone are acronyms, matched only in context


# Cheap test on the lower-cased raw text: most DOJ releases never come near the vocabulary.
_QUICK = ("fentan", "nitaz", "anpp", "piperid", "m30", "m-30", "m 30", "norfent", "4-ap", "npp", "anilino", "boc-4")


# _QUICK by a part each term contains: most texts contain none of the parts, and 8 searches
# answer for the 12 terms. (Tested on the UTF-8 bytes, lower-cased: an ASCII term occurs in
# text.lower() exactly when it occurs in them, unless the text holds 'İ' or Kelvin 'K', the
# only non-ASCII characters whose lower case is ASCII.)
_QUICK_GROUPS = tuple((part.encode(), tuple(q.encode() for q in qs)) for part, qs in (
    ("fent", ("fentan", "norfent")), ("nitaz", ("nitaz",)), ("npp", ("anpp", "npp")), ("piperid", ("piperid",)),
    ("30", ("m30", "m-30", "m 30")), ("4-", ("4-ap",)), ("c-4", ("boc-4",)), ("anilino", ("anilino",))))
assert sorted(q for _, qs in _QUICK_GROUPS for q in qs) == sorted(q.encode() for q in _QUICK) and \
    all(part in q for part, qs in _QUICK_GROUPS for q in qs)


def _lower_bytes(text: str) -> bytes | None:
    """text.lower() as far as ASCII words go (see _QUICK_GROUPS); None for a text with 'İ' or 'K'."""
    if "\u0130" in text or "\u212a" in text:
        return None
    return text.encode("utf-8", "surrogatepass").lower()


def might_mention_fentanyl(*texts: str) -> bool:
    for text in texts:
        low = _lower_bytes(text)
        if low is None:
            low = text.lower()
            if any(q in low for q in _QUICK):
                return True
        elif any(part in low and any(q in low for q in qs) for part, qs in _QUICK_GROUPS):
            return True
    return False


@dataclasses.dataclass
class Classification:
    mentions_fentanyl: bool
    precursor_case: bool
    cartel_case: bool
    money_laundering: bool
    online_sales: bool
    drugs: list[str]
    cartels: list[str]
    countries: list[str]
    tokens: list[str] | None = dataclasses.field(default=None, repr=False, compare=False)


def _drugs_from(found: list[tuple[int, str, str]]) -> list[str]:
    kinds = {v for _, v, _ in found}
    drugs = {c for _, v, c in found if v in ("fentanyl", "drug", "precursor")}
    if "m30" in kinds and "pill" in kinds:
        drugs.add("counterfeit M30 pills")
    if "precursor_acronym" in kinds and ("precursor" in kinds or "precursor_generic" in kinds):
        drugs |= {c for _, v, c in found if v == "precursor_acronym"}
    return sorted(drugs)


def find_drugs(text: str) -> list[str]:
    """Canonical drug names in text (fentanyl family, precursors, others), sorted."""
    return _drugs_from(lexicon().find(tokens(text)))


def find_cartels(text: str) -> list[str]:
    return sorted({c for _, v, c in lexicon().find(tokens(text)) if v == "cartel"})


@functools.lru_cache(maxsize=1)
def _fentanyl_family() -> frozenset:
    t = tables()
    return frozenset(t["fentanyl_terms"]) | frozenset(t["precursor_terms"]) | frozenset(t["precursor_acronyms"])


def classify(title: str, text: str, *, raw: str | None = None) -> Classification:
    """Flags for one release (title + body text). `raw` (the body HTML) lets the common
    case -- nothing fentanyl-like anywhere -- return without further work."""
    if not might_mention_fentanyl(title, raw if raw is not None else text):
        return Classification(False, False, False, False, False, [], [], [])
    whole = f"{title}\n{text}"
    toks = tokens(whole)
    lex = lexicon()
    # where either vocabulary (terms, countries) might begin, in one pass over the tokens
    country_index, _ = _country_index()
    firsts = _classify_firsts()
    hits = list(compress(range(len(toks)), map(firsts.__contains__, toks)))   # (a loop in C)
    found = lex.find(toks, [i for i in hits if toks[i] in lex._tries])
    drugs = _drugs_from(found)
    fam = _fentanyl_family()
    if not any(d in fam for d in drugs):
        return Classification(False, False, False, False, False, drugs, [], [])
    kinds = {v for _, v, _ in found}
    precursor = "precursor" in kinds or "precursor_generic" in kinds or \
        any(d in fam and d in tables()["precursor_acronyms"] for d in drugs)
    cartels = sorted({c for _, v, c in found if v == "cartel"})
    return Classification(True, precursor, bool(cartels), "money" in kinds, "online" in kinds, drugs, cartels,
                          find_countries(whole, toks, _at=[i for i in hits if toks[i] in country_index]), toks)


@functools.lru_cache(maxsize=1)
def _classify_firsts() -> frozenset:
    return frozenset(lexicon()._tries) | frozenset(_country_index()[0])


# -- countries named in a release ------------------------------------------------------------
# Names that are also US states, towns, people's names or words: only counted in "-based" /
# "national" contexts, like demonyms ("Chinese nationals", "India-based").
_AMBIGUOUS_COUNTRIES = {"Georgia", "Jordan", "Chad", "Turkey", "Niger", "Guinea", "Dominica", "Mali",
                        "Oman", "Peru", "Togo", "Cuba", "Israel", "Panama", "Jersey", "Man", "Lebanon",
                        "Jamaica", "Poland", "Chile", "Canada"}
_CONTEXT_NEXT = frozenset("""based national nationals citizen citizens company companies supplier suppliers
manufacturer manufacturers cartel cartels government authorities chemical chemicals pharmaceutical money drug
broker brokers vendor vendors laboratory laboratories lab labs""".split())


@functools.lru_cache(maxsize=1)
def _country_index() -> tuple[dict, dict]:
    import pycountry

    from ...countries import _DEMONYMS

    plain: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}

    def add(index, name, country, ambiguous):
        toks = tuple(_TOKEN.findall(name.lower()))
        if toks:
            index.setdefault(toks[0], []).append((toks, country, ambiguous))

    for rec in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(rec, attr, None)
            if v and "," not in v and "(" not in v and rec.alpha_2 != "US":
                c = normalize_country(v)
                if c:
                    add(plain, v, c.name, v in _AMBIGUOUS_COUNTRIES)
    for extra in ("China", "India", "Mexico", "Hong Kong", "Taiwan", "Vietnam", "Laos", "Burma", "Russia",
                  "South Korea", "North Korea", "Iran", "Syria", "Venezuela", "Bolivia", "Dominican Republic",
                  "El Salvador", "Colombia", "Guatemala", "Honduras", "Canada"):
        c = normalize_country(extra)
        if c:
            add(plain, extra, c.name, extra in _AMBIGUOUS_COUNTRIES)
    for demonym in _DEMONYMS:
        c = country_of_demonym(demonym)
        if c and c.code != "US":
            add(plain, demonym, c.name, True)
    for lst in plain.values():
        lst.sort(key=lambda x: -len(x[0]))
    return plain, {}


def find_countries(text: str, toks: list[str] | None = None, *, _at: list[int] | None = None) -> list[str]:
    """Foreign countries a release names: country names, and demonyms or ambiguous names
    only in context ('Chinese nationals', 'Jordan-based'); 'New Mexico' and 'Indian
    Country' are not countries."""
    index, _ = _country_index()
    if toks is None:
        toks = tokens(text)
    out = set()
    n = len(toks)
    skip_to = -1
    for i in [i for i, tok in enumerate(toks) if tok in index] if _at is None else _at:
        if i < skip_to:
            continue
        for seq, country, ambiguous in index[toks[i]]:
            k = len(seq)
            if k == 1 or tuple(toks[i:i + k]) == seq:
                nxt = toks[i + k] if i + k < n else ""
                prev = toks[i - 1] if i else ""
                if prev != "new" and (not ambiguous or nxt in _CONTEXT_NEXT):
                    out.add(country)
                skip_to = i + k
                break
    return sorted(out)
