"""A name a Treasury release puts forward (Candidate), what looks like a name, and how
several mentions of one name (short forms, variants, aliases) fold into one candidate."""
from __future__ import annotations

import dataclasses
import re

from rapidfuzz import fuzz

from ...countries import country_of_place, normalize_country
from ...names import looks_like_company, normalize_name, strip_legal_form
from .html import MONTH, squash

CONNECTORS = {"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "du", "van", "von", "der",
              "den", "bin", "bint", "al", "el", "le", "di", "of", "the", "and", "&", "ibn", "abu", "zu", "ter",
              "della", "degli", "des", "lo", "et", "i"}
# Central and Eastern European / Turkish / Italian forms: "d.o.o.", "Sp. z o.o.", "A.Ş.", "SpA", "s.r.o."
EUROPEAN_FORMS = (r"d\.?\s?o\.?\s?o\.?(?:\s?el\.?)?|Sp\.?\s?z\s?o\.?\s?o\.?|A\.\s?Ş\.?|A\.\s?S\.|s\.\s?r\.\s?o\.?"
                   r"|[PCO]JSC|OOO|LLP|S\.?\s?p\.?\s?A\.?")
LEGAL_PIECES = re.compile(
    r"^(?:S\.?\s?A\.?(?:\s?S\.?)?(?:\s+de\s+C\.?\s?V\.?)?|S\.?\s?de\s+R\.?\s?L\.?(?:\s+de\s+C\.?\s?V\.?)?"
    r"|S\.?\s?A\.?\s?P\.?\s?I\.?\s+de\s+C\.?\s?V\.?|S\.?\s?A\.?\s?B\.?\s+de\s+C\.?\s?V\.?|S\.?\s?P\.?\s?R\.?\s+de\s+R\.?\s?L\.?"
    r"|S\.?\s?R\.?\s?L\.?|S\.?\s?A\.?\s?C\.?|S\.?\s?C\.?|A\.?\s?C\.?|L\.?\s?L\.?\s?C\.?|Inc\.?|Ltd\.?|Limited|Co\.?,?\s*Ltd\.?|C[ií]a\.?,?\s*Ltda\.?"
    r"|Co\.?|Corp\.?|Corporation|GmbH|Ltda\.?|PLC|Pvt\.?\s+Ltd\.?|FZE|FZCO|JSC|LLP|S\.?\s?L\.?|S\.?\s?p\.?\s?A\.?"
    r"|B\.?\s?V\.?|N\.?\s?V\.?|C\.?\s?A\.?|E\.?\s?I\.?\s?R\.?\s?L\.?" + "|" + EUROPEAN_FORMS + r")$", re.I)
LEGAL_ANYWHERE = re.compile(r"\b(?:S\.?\s?A\.?|S\.?\s?de\s+R\.?\s?L\.?|C\.?\s?V\.?|LLC|Inc|Ltd|Limited|Co\.|Corp|GmbH|Ltda|S\.?R\.?L\.?|S\.?A\.?S\.?"
                            r"|S\.?p\.?A|d\.o\.o|Sp\.\s?z\s?o\.\s?o|A\.\s?Ş|[PCO]?JSC|OOO|LLP|s\.r\.o)(?!\w)", re.I)
# legal forms of several words with lower-case letters, taken off before a name's words are judged
_LOWER_LEGAL_TAIL = re.compile(r",?\s+(?:" + EUROPEAN_FORMS + r")\s*$", re.I)
OFFICIAL_WORDS = {"secretary", "director", "administrator", "attorney", "commissioner", "ambassador",
                  "president", "minister", "spokesperson", "spokesman", "treasurer", "chairman",
                  "chairwoman", "senator", "congressman", "congresswoman", "mayor", "prosecutor", "judge",
                  "governor", "undersecretary", "deputy", "assistant", "acting", "counselor", "adviser",
                  "advisor", "sheriff", "chief"}
NOT_NAME_WORDS = {"figure", "source", "note", "photo", "image", "chart", "related", "click", "view",
                  "department", "treasury", "ofac", "today", "press", "release", "caption", "graphic", "map",
                  "table", "background", "implications", "fact", "sheet"}
_CAPITAL_WORDS = {"d.c", "dc", "d.c.", "district", "of", "columbia"}
_CAPTION_WORDS = {"figure", "photo", "image", "caption", "click", "graphic", "chart"}
# Capitalised words that open a sentence but never a name ("The", "While", "Today"): not a given
# name before another name's form (designees.py), not a person opening a sentence (prose.py)
SENTENCE_OPENERS = frozenset("""
a according additionally after all also among an and another as at before between both but by each
for from further furthermore her his in including its moreover now of on once only or other since
that the their then these this those through to today under when where while with
""".split())
# The labels of a designee's record ("<b>Individual:</b> X<br>DOB: …", "<b>Entities</b>" over a
# list of them, the "Name" column of a table): never a name themselves.
RECORD_LABELS = {"individual", "individuals", "entity", "entities", "vessel", "vessels", "aircraft", "company",
                 "companies", "organization", "organizations", "person", "persons", "name", "names", "designee",
                 "designees", "target", "targets", "business", "businesses"}
HEADING_WORDS = {"sanctions", "implications", "background", "overview", "designations", "designation",
                 "network", "networks", "scheme", "schemes", "role", "action", "actions", "targeting",
                 "sanctioning", "the", "of", "in", "for", "to", "and", "on", "with", "against", "a",
                 "suppliers", "traffickers", "brokers", "operators", "leaders", "leadership", "members",
                 "associates", "facilitators", "launderers", "laundering", "companies", "businesses",
                 "entities", "individuals", "persons", "operations", "activities", "trafficking", "supply",
                 "chain", "rise", "enduring", "legacy", "expanding", "targets", "sanctioned", "designated"}


@dataclasses.dataclass
class Candidate:
    name: str                       # as written (first full mention)
    lookup: str                     # the name to match (nicknames in quotes removed)
    markup: str                     # strong | asterisks | text
    role: str                       # designated | mentioned (from the text alone)
    reason: str
    sentence: str
    short_forms: list[str] = dataclasses.field(default_factory=list)
    aliases: list[str] = dataclasses.field(default_factory=list)
    variants: list[str] = dataclasses.field(default_factory=list)
    pieces: list[str] = dataclasses.field(default_factory=list)
    countries: list[str] = dataclasses.field(default_factory=list)
    position: int = 0
    mentions: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)
    heading_only: bool = False      # only ever a whole bold paragraph (may be a sub-heading)
    authorities: list[str] = dataclasses.field(default_factory=list)   # "E.O. 14059", "E.O. 13224"…
    decided: str | None = None      # what decided the role: "current" / "hist" wording, None: no wording

    def forms(self) -> list[str]:
        out = [self.lookup] + [v for v in self.variants if v != self.lookup]
        if " al " in self.lookup.lower() or " el " in self.lookup.lower():
            # 'Rami Fadel Al Hashimi' is also written 'Alhashimi' and 'Al-Hashimi' (as the list may)
            out += [v for v in (_ARTICLE.sub(r"\1\2", self.lookup), _ARTICLE.sub(r"\1-\2", self.lookup)) if v not in out]
        return out


_ARTICLE = re.compile(r"(?<=\s)([AaEe]l)\s+(?=[A-Z])(\w)")


def strip_quotes(name: str) -> str:
    """'Hector “El Guero” Beltrán Peña' -> 'Hector Beltrán Peña'."""
    out = re.sub(r"\s*[“\"‘'][^”\"’']{1,40}[”\"’']\s*", " ", name)
    return squash(out) or squash(name)


_DATE_IN_NAME = re.compile(rf"\b{MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\b")


def looks_like_name(name: str, *, whole_block: bool = False) -> bool:
    name = squash(name)
    if len(name) < 2 or len(name) > 160 or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return False
    if name.strip(" :*").lower() in RECORD_LABELS:
        return False
    if re.search(r"[:;!?]|\s[—–]\s", name):
        return False
    legal_tail = _LOWER_LEGAL_TAIL.search(name)
    core_name = name[:legal_tail.start()] if legal_tail and legal_tail.start() > 0 else name
    tokens = [t for t in re.split(r"\s+", strip_quotes(core_name)) if t.strip(",.()“”\"'’-")]
    if not tokens or len(tokens) > 14:
        return False
    lows = [t.strip(",.()“”\"'’").lower() for t in tokens]
    legal = bool(LEGAL_ANYWHERE.search(name))
    # (a company may hold a page's words: 'Zhejiang Huida Press Machinery Co., Ltd.', 'Sunrise Map Trading LLC')
    if any(w in OFFICIAL_WORDS for w in lows) or any(w in NOT_NAME_WORDS for w in lows if not legal or w in _CAPTION_WORDS):
        return False
    if re.fullmatch(r"figure\s*\d+.*", name, re.I) or _DATE_IN_NAME.search(name):
        return False
    if lows[0] == "washington" and all(w in _CAPITAL_WORDS for w in lows[1:]):
        return False   # the dateline, 'Washington, D.C.' (a given name too: 'Washington Efraín Cedeño Zambrano')
    if len(tokens) == 1 and (normalize_country(name) or country_of_place(name)):     # "Jalisco", "Mexico"
        return False
    bad = 0
    for tok, low in zip(tokens, lows):
        core = tok.strip(",.()“”\"'’")
        if not core:
            continue
        if low in CONNECTORS or core[0].isupper() or core[0].isdigit() or not core[0].isalpha():
            continue
        if LEGAL_PIECES.match(core) or re.match(r"(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|abu|bint|ul|ud|d|l)[-’'][A-Za-zÀ-ÿ]", core):
            continue
        bad += 1
    if bad > (1 if legal else 0):
        return False
    if lows[0] in CONNECTORS - {"de", "del", "la", "las", "los", "el", "al", "the", "da", "do", "dos", "van", "von", "le", "di"}:
        return False
    if whole_block:
        if any(w in HEADING_WORDS for w in lows if len(tokens) > 1) and not legal:
            return False
        if name.isupper() and len(tokens) > 1 and not legal:
            return False
    return True


def _ends_legal(name: str) -> bool:
    norm = normalize_name(name)
    return strip_legal_form(norm) != norm


def split_several(written: str) -> list[str]:
    """Several designees in one bold run: "Hebei Alpha Co., Ltd. and Hebei Beta Trading Co., Ltd."
    (a part before "and" ends in a legal form) or "Juan Perez Soto and Maria Lopez Rey" (people,
    no company words). A company name with "and" in it ("Hermes Trading and Investment Co.,
    Ltd.") stays whole: nothing before its "and" is a complete company name."""
    parts = [squash(p) for p in re.split(r"\s+and\s+", written)]
    if len(parts) < 2 or not all(looks_like_name(p) for p in parts):
        return [written]
    if all(_ends_legal(p) for p in parts):
        return parts
    if not any(LEGAL_ANYWHERE.search(p) or looks_like_company(p) for p in parts) and all(
            2 <= len(p.split()) <= 6 and all(w[:1].isupper() or w.lower() in CONNECTORS for w in p.split()) for p in parts):
        return parts
    return [written]


_PAREN_OPEN = re.compile(r"[\s*]*\(")


def paren_groups(text: str, pos: int) -> list[tuple[int, int]]:
    """Consecutive parenthetical groups starting at `pos` (after optional spaces)."""
    groups = []
    while True:
        m = _PAREN_OPEN.match(text, pos)
        if not m:
            break
        open_at = m.end() - 1
        close = text.find(")", open_at, open_at + 161)
        if close < 0:
            break
        groups.append((open_at, close + 1))
        pos = close + 1
    return groups


def classify_paren(content: str, short_forms: list[str], aliases: list[str]) -> None:
    content = squash(content.replace("**", ""))
    quoted = re.findall(r"[“\"]([^”\"]{1,60})[”\"]", content)
    if re.match(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.|also known as)", content, re.I) or (quoted and len(" ".join(quoted)) >= len(content) - 12):
        aliases.extend(squash(q).strip(",") for q in quoted)
        return
    if looks_like_name(content) and len(content.split()) <= 8:
        short_forms.append(content)


def clean_sentence(text: str) -> str:
    return squash(text.replace("**", ""))


def _norm(name: str) -> str:
    return normalize_name(strip_quotes(name))


class CandidateSet:
    """The names a release puts forward, each further mention of a name folded into its first:
    the same name (accents, order, "[sic]" aside), a near spelling of as many words ("Mohammad"
    / "Mohammed"), a part of it ("Ortega" / "Hubei Lantern" for the full name; never a whole
    company name with its own legal form, "T Service Inc, S.A. de C.V.", into a longer one), a
    plain-text name inside it. Lookups go through indexes (a release naming thousands of people
    is read in linear time): near spellings are compared only among names of as many words with
    the same initials, the latest FUZZY_WINDOW of them."""

    FUZZY_WINDOW = 64

    def __init__(self):
        self.items: list[Candidate] = []
        self._exact: dict[str, list[int]] = {}
        self._near: dict[tuple, list[tuple[str, int]]] = {}
        self._words: dict[str, set[int]] = {}
        self._known: list[set[str]] = []
        self._lookup: list[str] = []

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def _index(self, i: int, form: str) -> None:
        norm = _norm(form)
        if not norm or norm in self._known[i]:
            return
        self._known[i].add(norm)
        words = norm.split()
        for key in {norm, " ".join(sorted(words))}:
            self._exact.setdefault(key, []).append(i)
        if len(words) >= 2:
            self._near.setdefault((len(words), tuple(sorted(w[0] for w in words))), []).append((norm, i))

    def add(self, new: Candidate) -> Candidate:
        """Fold `new` into the first name it is a mention of, or keep it as a new name."""
        norm = _norm(new.lookup)
        words = norm.split()
        same: set[int] = set()
        part: set[int] = set()
        if norm:
            for key in (norm, " ".join(sorted(words))):
                same.update(self._exact.get(key, ()))
            if len(words) >= 2:
                near = self._near.get((len(words), tuple(sorted(w[0] for w in words))), [])
                # names.similarity(norm, other) >= 0.9, with rapidfuzz's early exit below the cut-off
                same.update(i for other, i in near[-self.FUZZY_WINDOW:]
                            if fuzz.token_sort_ratio(norm, other, score_cutoff=90))
            posting = [self._words.get(w) for w in set(words)]
            if all(posting):
                posting.sort(key=len)       # the rarest word first: "Hebei … Co., Ltd." a thousand times stays linear
                within = set.intersection(*posting)
                whole = strip_legal_form(norm) != norm
                for i in within:
                    longer = self._lookup[i].split()
                    if not whole and len(words) < len(longer) and any(len(w) > 3 for w in words):
                        part.add(i)
                    elif new.markup == "text" and f" {norm} " in f" {self._lookup[i]} ":
                        part.add(i)
        if not same and not part:
            i = len(self.items)
            self.items.append(new)
            self._known.append(set())
            self._lookup.append(norm)
            for w in words:
                self._words.setdefault(w, set()).add(i)
            for form in [new.lookup, *new.variants, *new.short_forms, *new.aliases]:
                self._index(i, form)
            return new
        i = min(same | part)
        c = self.items[i]
        if i not in part and norm not in self._known[i]:
            c.variants.append(new.lookup)
            self._index(i, new.lookup)
        for sf in new.short_forms:
            if sf not in c.short_forms:
                c.short_forms.append(sf)
                self._index(i, sf)
        for alias in new.aliases:
            if alias not in c.aliases:
                c.aliases.append(alias)
                self._index(i, alias)
        c.mentions += new.mentions
        c.heading_only = c.heading_only and new.heading_only
        settle_role(c, new.role, new.reason, new.decided, new.sentence)
        return c


_STRENGTH = {"current": 2, "hist": 1, None: 0}


def settle_role(cand: Candidate, role: str, reason: str, decided: str | None, sentence: str | None = None) -> None:
    """Fold the role one more mention gives into a name's role: wording that says the name is
    designated today beats wording that says it was designated before, which beats a mention
    with no wording at all (a bold name later said to be "designated on March 3, 2021" was
    designated before, not today)."""
    if _STRENGTH[decided] > _STRENGTH[cand.decided] or (
            decided == cand.decided and cand.role == "mentioned" and role == "designated"):
        if sentence and role != cand.role:
            cand.sentence = sentence
        cand.role, cand.reason, cand.decided = role, reason, decided


_SAID_BEFORE = re.compile(r"\bsaid\s*[*]*\s*$")
_SAID_AFTER = re.compile(r"\s*[*]*,?\s*said\b")


# A government title written right before a name ("said Under Secretary of the Treasury for
# Terrorism and Financial Intelligence X", "Deputy Secretary X met …"): an official, never a designee.
_TITLE_BEFORE = re.compile(
    r"\b(?:(?:Under|Deputy|Assistant|Acting)\s+)*(?:Secretary|Under\s*secretary|Director|Administrator|Ambassador"
    r"|Attorney\s+General|Commissioner|Special\s+Envoy|Spokesperson|Treasurer|Counselor|Senator|Representative)"
    r"(?:,?\s+(?:of|for|to|on|the|and|U\.S\.|[A-Z][\w’'-]*|\([A-Z]+\)))*[\s,*]*$")


def is_attribution(text: str, s: int, e: int) -> bool:
    """An official's name: "said X", "X said", a government title right before it."""
    return bool(_SAID_BEFORE.search(text[max(0, s - 30):s]) or _SAID_AFTER.match(text, e)
                or _TITLE_BEFORE.search(text[max(0, s - 160):s]))
