"""Who a clause without a name is about (pure functions): 'He was sentenced', 'Both were
arrested', 'All three were arrested Monday' (a lead, 'A Wichita man was sentenced ...', whose
name comes in a later sentence: leads.py), 'ordered him to serve', 'Seven of the eight defendants were
arrested ... X remains a fugitive'; and the terms of sentences written without their verb
('A was sentenced to 144 months; B, 31, to 60 months; and C to 37 months')."""
from __future__ import annotations

import bisect
import re

from ...names import surname_first
from .groups import other_count
from .officials import NAME_POSSESSIVE
from .people import Candidate, Mention
from .textscan import _SENT_END_TEXT, _sentence_spans_at, ascii_bytes, lower_for_ci

_COUNT_WORDS = {"both": 2, "pair": 2, "couple": 2, "duo": 2, "trio": 3, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}

# a pronoun or a plural reference as the subject, maybe with an adverb or an appositive after it
_TAIL = r"\s*(?:,[^,]{0,60},\s*)?(?:\w+\s+){0,3}$"
_SINGULAR = re.compile(rf"(?:^|[^\w])(?:he|she|the\s+defendant)\b{_TAIL}", re.I)
_PLURAL_REF = re.compile(
    r"(?:^|[^\w])(?P<ref>(?:they|the\s+defendants|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s+(?:men|women|defendants))?|"
    r"the\s+(?:pair|couple|duo|trio)|both(?:\s+(?:men|women|defendants|of\s+them))?|each\s+defendant|"
    r"all(?:\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})(?:\s+(?:defendants|men|women))?|"
    r"\s+(?:of\s+the\s+)?(?:defendants|men|women)|\s+of\s+them))\b)"   # (never 'All' alone: 'All were found guilty')
    + _TAIL, re.I)
# ('All three made initial appearances before Judge X and were ordered held': the count's second verb)
_COUNT_THEN_AND = re.compile(
    r"(?:^|[^\w])(?P<ref>(?:all|the)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s+(?:men|women|defendants))?|"
    r"both(?:\s+(?:men|women|defendants))?)\s+(?!who\b|whom\b|that\b|which\b|of\b)[a-z]+\b[^;\n]{0,120}?\s+and\s+(?:later\s+|then\s+)?$", re.I)
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her)\b")
_OBJECT_PLURAL = re.compile(r"\s+(?:them|both(?:\s+(?:men|women|defendants))?|the\s+(?:pair|couple|duo|trio)|"
                            r"the\s+(?:two|three|four|five|six)\s+(?:men|women|defendants))\b", re.I)
# a family named in the plural: 'The Nguyens were arrested'
_FAMILY = re.compile(r"(?:^|[^\w])[Tt]he\s+([A-Z][a-z]+s)\s+(?:\w+\s+){0,2}$")


_WHICH_ONES = re.compile(r"\b(?:defendants|individuals|people|persons|men|women)\s+who\s+(?:have\s+|had\s+)?$", re.I)


def pronoun_subjects(before: str, recent: Candidate | None, last: list[Candidate],
                     default: list[Candidate], at: int | None = None) -> list[Candidate] | None:
    """The people a pronoun subject stands for ('He', 'Both', 'All three', 'The defendants'):
    a singular one for the defendant named last before it (`recent`), else the last single
    person an event was about; a plural one for the last group, or every defendant, when the
    count (if any) agrees -- with no count, every defendant named before `at` (the pronoun's
    place) when some are: 'They were arrested in Mexico' is not about a fourth defendant the
    next paragraph names as still at large. None: no pronoun subject."""
    tail = before[-160:]
    if _SINGULAR.search(tail):
        if recent is not None:
            return [recent]
        if len(last) == 1:
            return list(last)
        return list(default) if len(default) == 1 else []
    m = _PLURAL_REF.search(tail) or (_COUNT_THEN_AND.search(tail) if " and " in tail[-20:] else None)
    if m and _WHICH_ONES.search(tail, m.start()):
        return []   # 'The defendants who have pleaded guilty … are: A; B': some of them, named there
    if not m:
        f = _FAMILY.search(tail)
        forms = {f.group(1)[:-1], f.group(1)[:-2]} if f else set()   # 'Nguyens', 'Joneses'
        family = [c for c in default if c.name.split()[-1] in forms or
                  (c.name.split()[0] in forms and surname_first(c.name.split()[0]))]   # ('NGUYEN Van Duc')
        return family if len(family) > 1 else None
    return _plural(m.group("ref"), last, default, at)


class Part(list):
    """People named as some of a counted group ('charges seven defendants, including A, B and C'):
    'All seven were arrested' holds them."""


def _plural(ref: str, last: list[Candidate], default: list[Candidate], at: int | None = None) -> list[Candidate]:
    words = ref.lower().split()
    n = next((_COUNT_WORDS.get(w) or (int(w) if w.isdigit() else None) for w in words
              if w in _COUNT_WORDS or w.isdigit()), None)
    if n is None and at is not None:
        default = [c for c in default if c.first < at] or default
    if words[0] == "all" and (n is None or len(default) == n):
        return list(default)               # 'all defendants', 'all six defendants', 'all of them': everyone
    if words[0] == "all":
        return list(last) if len(last) == n or (isinstance(last, Part) and len(last) < (n or 0)) else []   # 'All three were arrested': the three named last
    for group in (last, default):
        if len(group) > 1 and (n is None or len(group) == n):
            return list(group)
    return []


def object_pronoun(text: str, e_end: int, recent: Candidate | None, last: list[Candidate],
                   default: list[Candidate], before: str = "") -> list[Candidate]:
    """'ordered him to serve 235 months', 'sentenced them to': whom the pronoun stands for
    (`before`: the sentence before the verb; 'Two … men … convicted them', nobody named yet, is
    a count of its own, not every defendant)."""
    if _OBJECT_PRONOUN.match(text, e_end):
        if recent is not None:
            return [recent]
        return list(last) if len(last) == 1 else (list(default) if len(default) == 1 else [])
    m = _OBJECT_PLURAL.match(text, e_end)
    if m and not last and before and other_count(before, len(default)):
        return []
    if m:
        return _plural(m.group(0).strip() if m.group(0).strip().lower() != "them" else "they", last, default)
    return []


_CAPTION = re.compile(r"(?:^|\n)[\s•·*–-]*(?:United\s+States|U\.\s?S\.|USA)\s+v(?:s)?\.\s+$")   # (opening a line)


def captioned(text: str, mentions: list[Mention]) -> list[tuple[int, Candidate]]:
    """(where, who) of each person a case caption opening a line names ('United States v. Jane Roe', a
    heading or a bullet): who 'A Manchester man' or 'the defendant' after it is, when nothing else says."""
    out: list[tuple[int, Candidate]] = []
    for m in mentions if " v." in text or " vs." in text else ():
        if _CAPTION.search(text, max(0, m.start - 25), m.start) and not m.candidate.is_company \
                and not text.startswith((", et al", " et al"), m.end):
            out.append((m.start, m.candidate))
    return out


def caption_before(captions: list[tuple[int, Candidate]], text: str, e_end: int) -> list[Candidate]:
    """'... a grand jury indicted the defendant': the person of the caption just before, if any."""
    if not captions or not _THE_DEFENDANT.match(text, e_end):
        return []
    before = [c for at, c in captions if at < e_end]
    return before[-1:]


CONDITIONAL = re.compile(r"\b(?:if|unless|could|faces?)\b", re.I)   # ('if convicted, X will serve')
_THE_DEFENDANT = re.compile(r"\s+the\s+defendant\b(?![’'s])")


def recent_defendant(mentions: list[Mention], starts: list[int], pos: int, text: str = "") -> Candidate | None:
    """The person with evidence of being a defendant named last before `pos`, within a few
    sentences (a pronoun's likeliest referent; one sold to or found unresponsive only once a case verb of their own
    made them a defendant). With `text`: when that name closes a pair after a preposition, the
    person before the pair in its sentence ('X supplied the pills to A and B. He was arrested': X)."""
    if text and (kin := _kin_subject(text, mentions, starts, pos)) is not None:
        return kin
    k = bisect.bisect_left(starts, pos) - 1
    while k >= 0 and pos - mentions[k].start < _RECENT_REACH:
        c = mentions[k].candidate
        if _defendant_like(c):
            return (_subject_before_pair(text, mentions, k) or _subject_of_relative(text, mentions, k) if text else None) or c
        k -= 1
    return _subject_just_before(mentions, starts, pos, text) if text else None


def _subject_just_before(mentions: list[Mention], starts: list[int], pos: int, text: str) -> Candidate | None:
    """'X, of Reynosa, arrived in Houston on Oct. 18 and appeared before Judge Y. He is charged …': with no one
    named before who is known as a defendant, the person whose name opens the sentence right before the
    pronoun's, in its paragraph (never an official, a victim, a witness or a company)."""
    line = text.rfind("\n", max(0, pos - 800), pos) + 1
    lo = max(line, pos - 800)   # (two sentences at most, read in a bounded window: linear on a body with no stops)
    if bisect.bisect_left(starts, lo) >= bisect.bisect_left(starts, pos):
        return None   # (no name in the window)
    window = text[lo:pos + 1]
    spans = _sentence_spans_at(window, [len(window) - 1])   # (abbreviations read: 'Oct. 18', 'Ophelia N. Brandt')
    if len(spans) < 2 or (lo > line and len(spans) < 3):
        return None   # (the pronoun's sentence opens its paragraph, or the sentence before it is not whole here)
    before, start = spans[-2][0] + lo, spans[-1][0] + lo
    while before < start and text[before].isspace():
        before += 1
    k = bisect.bisect_left(starts, before)
    if k >= len(mentions) or mentions[k].start >= start or not opens_sentence(text, mentions[k].start):
        return None
    c = mentions[k].candidate
    if c.official or c.victim or c.speaker or c.bystander or c.buyer or c.is_company or not mentions[k].full:
        return None
    return c


# 'Roe’s girlfriend, Jane Poe, 30, delivered the drugs. She pleaded guilty …': a relative named as the
# subject of the sentence before a pronoun of the relative's sex is who the pronoun is
_FEMALE_KIN = "mother|sister|daughter|wife|widow|aunt|grandmother|girlfriend|fiancée|stepmother|stepdaughter"
_MALE_KIN = "father|brother|son|husband|uncle|grandfather|boyfriend|fiancé|stepfather|stepson"
_KIN_OPENING = re.compile(rf"(?:{NAME_POSSESSIVE}|His|Her|Their)\s+(?:(?P<f>{_FEMALE_KIN})|(?P<m>{_MALE_KIN})),[ \t]+")
_PRONOUN_OPENING = re.compile(r"(?:(?P<f>She)|He)\s")


_LONGEST_SENTENCE = 3000   # (a longer run without '. ' or a line break is not prose: no sentence start is read in it)


def _sentence_start(text: str, pos: int) -> int | None:
    """Where the sentence holding pos starts; None past _LONGEST_SENTENCE (the search stays linear on
    hostile text with no full stops)."""
    lo = max(0, pos - _LONGEST_SENTENCE)
    start = max(text.rfind(". ", lo, pos) + 2, text.rfind("\n", lo, pos) + 1)
    return start if start > lo or lo == 0 else None


def _kin_subject(text: str, mentions: list[Mention], starts: list[int], pos: int) -> Candidate | None:
    """The relative opening the sentence before a sentence that opens with 'He'/'She' (see above)."""
    s = _sentence_start(text, pos)
    pronoun = _PRONOUN_OPENING.match(text, s, pos) if s is not None else None
    if pronoun is None or s < 3:
        return None
    prev = _sentence_start(text, s - 2)
    if prev is None:
        return None
    k = bisect.bisect_left(starts, prev)
    if k >= len(mentions) or mentions[k].start >= s:
        return None
    kin = _KIN_OPENING.fullmatch(text, prev, mentions[k].start)
    if kin is None or (kin.group("f") is None) != (pronoun.group("f") is None):
        return None
    return mentions[k].candidate


def _defendant_like(c: Candidate) -> bool:
    return bool(c.evidence) and not c.is_company and ("event" in c.evidence or not (c.buyer or c.bystander))


_RECENT_REACH = 700
_PAIR_AND = re.compile(r",?[ \t]+and[ \t]+")
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|from|with|by|for|against)[ \t]+$")


# 'X, 41, of Hopkinsville, Kentucky, who is alleged to have supplied the pills to A, was charged …. He is
# scheduled to be sentenced': A is named inside the relative clause of X, the subject; 'He' is X
_RELATIVE_OPENING = re.compile(r"(?:,[ \t]*(?:age[ \t]+)?\d{1,2})?(?:,[ \t]*(?:of|from)[ \t]+[A-Z][^,;.]{0,40}"
                               r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?)?,[ \t]+who[ \t]+[^,;.]*")


def _subject_of_relative(text: str, mentions: list[Mention], k: int) -> Candidate | None:
    """The defendant whose relative clause names the person at mentions[k] (see above)."""
    for i in range(k - 1, max(-1, k - 4), -1):
        m = mentions[i]
        if mentions[k].start - m.end > 200:
            return None
        if _RELATIVE_OPENING.fullmatch(text, m.end, mentions[k].start):
            return m.candidate if m.candidate is not mentions[k].candidate and _defendant_like(m.candidate) else None
    return None


def _subject_before_pair(text: str, mentions: list[Mention], k: int) -> Candidate | None:
    """The defendant named before 'A and B' in one sentence, when the pair is the object of a
    preposition ('… that X supplied the pills to A and B'): a singular pronoun after it is X."""
    j = k - 1
    if j < 1 or not _PAIR_AND.fullmatch(text, mentions[j].end, mentions[k].start) or \
            not _PREPOSITION_BEFORE.search(text, max(0, mentions[j].start - 12), mentions[j].start):
        return None
    pair = (mentions[j].candidate, mentions[k].candidate)
    for i in range(j - 1, -1, -1):
        m = mentions[i]
        if mentions[j].start - m.end > 150 or _SENT_END_TEXT.search(text, m.end, mentions[j].start):
            return None
        if m.candidate not in pair and _defendant_like(m.candidate):
            return m.candidate
    return None


# -- 'Seven of the eight defendants were arrested ... X remains a fugitive' -------------------
_N_OF_M_WORDS = (r"(\w+)\s+of\s+(?:the|these|those)\s+(?:(\w+)\s+)?(?:defendants|co-?defendants|individuals|people|persons|"
                 r"men|women)\b")
_N_OF_M = re.compile(r"\b" + _N_OF_M_WORDS, re.I)
_FUGITIVE = re.compile(r"(?:[ \t]*,(?:[^,.;\n]{1,100},[”\"’]?){1,3})?(?:\s*,?\s+who)?(?:"   # (', 30, of Phoenix,', ', a/k/a “Tío,”': on its line)
                       # 'A and B are believed to be in Mexico and remain fugitives', 'A fled to X and is at large',
                       # 'A was not located on Tuesday and remains at large'
                       r"(?:\s+(?:fled|(?:is|are)\s+(?:believed|thought)\s+to\s+(?:be|have\s+fled)|(?:was|were)\s+not\s+"
                       r"(?:located|found|apprehended|arrested))\b[^.;,]{0,50}?\s+and)?"
                       r"\s*,?\s+(?:remains?|is|are|was)\s+(?:still\s+|currently\s+|considered\s+)?(?:a\s+)?(?:fugitives?|at\s+large)\b|"
                       r",?\s+(?:has|have)\s+not\s+(?:yet\s+)?been\s+(?:arrested|apprehended|located|taken\s+into\s+custody)|"
                       r",?\s+(?:was|were)\s+not\s+(?:arrested|apprehended|located|taken\s+into\s+custody)\b|"   # ('… Tuesday')
                       # abroad, out of reach: 'A, the alleged source of supply, is believed to be in Mexico'
                       r"\s+(?:is|are)\s+(?:believed|thought)\s+to\s+(?:be|remain)\s+(?:in|hiding\s+in)\s+[A-Z])")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    w = word.lower()
    return _COUNT_WORDS.get(w) or (int(w) if w.isdigit() else None)


# a part of a group: 'eight of the 21 defendants', 'two others', 'another defendant'
_PART_OF_NOUNS = ("defendants", "individuals", "men", "people", "persons", "members", "conspirators", "employees")


# the clause's subject in stages.py: 'Three of the five defendants' (a part), 'they', '… and' (the same subject)
PART_BEFORE = re.compile(r"\b\w+\s+of\s+(?:the|these|those)\s+$")
THEY = re.compile(r"(?:^|[;,]\s+|\s)[Tt]hey\s+$")
AND_THEN = re.compile(r"(?:[^.;:]{0,60}?\band\b[^.;:]{0,40})?$")   # ('' when one event holds both verbs)


def part_of_group(before: str) -> bool:
    """A clause's subject is a part of a group (_PART_OF; looked for only when its words are there:
    every match holds 'other', or 'of' and one of its nouns; or 'Seven of the nine ')."""
    low = lower_for_ci(before)
    return ((low is None or "other" in low or ("of" in low and any(w in low for w in _PART_OF_NOUNS))) and
            _PART_OF.search(before) is not None) or _n_of_count(before) is not None


# 'Seven of the nine were arrested': the group's noun left out after its count
_N_OF_COUNT = re.compile(r"(?:^|[.;:]\s+|\n)(\w+)\s+of\s+the\s+(\w+)\s+$")


def _n_of_count(before: str) -> tuple[int, int] | None:
    m = _N_OF_COUNT.search(before[-40:]) if " of the " in before[-40:] else None
    n, total = (_count_part(m.group(1)), _count(m.group(2))) if m else (None, None)
    return (n, total) if n and total and n < total else None


_PART_OF = re.compile(r"(?:\b\w+\s+of\s+(?:the|these|those|their|his|her)\s+(?:\w+\s+)?(?:defendants|co-?defendants|individuals|men|women|people|persons|members|co-?conspirators|employees)(?:\s+(?:named|charged|listed)\s+in\s+the\s+\w+)?|\b(?:another|other|others)(?:\s+\w+)?)\s*(?:,[^,]{0,60},\s*)?(?:have\s+|has\s+|had\s+)?$", re.I)   # ('Six of the seven defendants named in the indictment were')


def part_of(before: str) -> tuple[int | None, int | None] | None:
    """'Seven of the eight defendants' -> (7, 8); 'all of the defendants' -> (None, None)."""
    m = _N_OF_M.search(before[-120:])
    if not m:
        return _n_of_count(before)
    return _count_part(m.group(1)), _count(m.group(2))


def _count_part(word: str) -> int | None:
    """The count of a part ('Seven of the nine', 'One of the four': 'one' is a count only there)."""
    return 1 if word.lower() == "one" else _count(word)


# a count alone as the subject, opening its sentence or clause: 'Four were arrested Tuesday; one
# remains a fugitive', 'Six of them have been arrested'
# (clause: also after a comma, 'Of the defendants charged so far, two have pleaded guilty')
# ('Eleven people were charged …, and nine of them were arrested Tuesday': after 'and')
_BARE_COUNT, _BARE_COUNT_CLAUSE = (re.compile(rf"(?:^|[.;:{comma}!?]\s+|\n)\s*(?:and\s+)?(\w+)(?:\s+of\s+them)?\s+(?:have\s+|has\s+|had\s+)?$")
                                   for comma in ("", ","))
# ... or with its noun, the lead's too (after the dateline): 'ALBUQUERQUE – Six people were arrested'
# ('The other seven defendants were arrested', 'the seven remaining defendants': those the release left out before)
_COUNTED_NOUN = re.compile(r"(?:^|[.;:!?–—]\s+|\n)\s*(?:[Tt]he\s+(?:other\s+|remaining\s+)?)?(\w+)\s+(?:other\s+|remaining\s+)?"
                           r"(?:people|persons|individuals|defendants|suspects)"
                           r"\s+(?:have\s+|has\s+|had\s+)?$")


def bare_count(before: str, clause: bool = False, noun: bool = False) -> tuple[int, None] | None:
    """'Four ' (the subject of 'were arrested') -> (4, None): a count of the release's defendants.
    clause: the count may open a clause after a comma; noun: it may have its noun ('Six people ')."""
    m = (_BARE_COUNT_CLAUSE if clause else _BARE_COUNT).search(before[-60:])
    if m is None and noun:
        m = _COUNTED_NOUN.search(before[-60:])
    n = _count(m.group(1)) if m else None
    return (n, None) if n and m.group(1).lower() not in ("both", "pair", "couple", "duo", "trio") else None


_LIST_JOIN = re.compile(r"(?:\s*,\s*(?:age\s+)?\d{1,2}(?=\s*,))?\s*(?:,\s*(?:and\s+)?|and\s+)")   # ('A, 35, and B')
_PLURAL_FUGITIVE = re.compile(r"(?:[ \t]*,[^,.;\n]{1,100}+(?=,)){0,2}\s*,?\s+(?:who\s+)?(?:remain|are|were|have)\b")   # (an aside: ', whom …,'; ', 24, both of X,')


def fugitives(text: str, mentions: list[Mention]) -> set[int]:
    """ids of the people the text says are fugitives or not yet arrested ('A remains a
    fugitive'; 'A and B remain fugitives': each name of a list before a plural verb)."""
    if not any(w in text for w in ("fugitive", "at large", "not yet been", "not been", " believed to ", " thought to ",
                                   " searching for ", " looking for ", "not taken", "not arrested", "not located",
                                   "not apprehended")):
        return set()
    ordered = sorted(mentions, key=lambda m: m.start)
    led = [k for k, m in enumerate(ordered) if _FUGITIVE_BEFORE.search(text, max(0, m.start - 30), m.start)]
    # (where a word every _FUGITIVE match holds stands: the pattern is tried only after names that have one near)
    words = [w.start() for w in _FUGITIVE_WORD.finditer(text)] if len(ordered) > 2 else None   # (one name: tried at once)

    def word_near(at: int, reach: int) -> bool:
        i = bisect.bisect_left(words, at) if words is not None else 0
        return words is None or (i < len(words) and words[i] < at + reach)

    found = {id(m.candidate) for k, m in enumerate(ordered)
             if word_near(m.end, 120) and fugitive_after(text, m)
             or ("(" in text[m.end:m.end + 62] and _FUGITIVE_MARK.match(   # (up to the next name)
                 text, m.end, min(m.end + 100, ordered[k + 1].start if k + 1 < len(ordered) else len(text))))}
    for k in led:   # ('still searching for A, B and C': each name of the list)
        found.add(id(ordered[k].candidate))
        while k + 1 < len(ordered) and _listed_next(text, ordered[k], ordered[k + 1]):
            found.add(id(ordered[k + 1].candidate))
            k += 1
    # walking back from the end: whether the list going on from the next name ends before a
    # plural fugitive verb ('..., A and B remain fugitives'), carried from name to name
    plural_after = False
    for k in range(len(ordered) - 1, -1, -1):
        m = ordered[k]
        listed = k + 1 < len(ordered) and _listed_next(text, m, ordered[k + 1])
        if listed and plural_after and id(ordered[k + 1].candidate) in found:
            found.add(id(m.candidate))
        if not listed:
            plural_after = word_near(m.end, 160) and \
                bool(_PLURAL_FUGITIVE.match(text, m.end, m.end + 140) and _FUGITIVE.match(text, m.end, m.end + 160))
    return found


def _listed_next(text: str, m: Mention, nxt: Mention) -> bool:
    """'A and B', 'A, B': nxt is the next name of a list after m (the words between may be the
    start of nxt's own name, found by its surname: 'A and FRANCISCO JAVIER <surname>')."""
    j = _LIST_JOIN.match(text, m.end, nxt.start)
    if not j:
        return False
    lead = text[j.end():nxt.start]
    return not lead or (lead[:1].isupper() and (lead + text[nxt.start:nxt.end]) in nxt.candidate.name)


# 'fugitive A', 'the fugitive, A' (in the name's own sentence and line); a roster line marked
# 'A, 47, of Perry (fugitive)'
_FUGITIVE_BEFORE = re.compile(r"\bfugitives?\b[^.;:\n]*$|\b(?:still\s+)?(?:searching|looking)\s+for\s+$")   # ('agents are still searching for X')
_FUGITIVE_MARK = re.compile(r"[^\n()]{0,60}?\(\s*(?:fugitive|at\s+large)\s*\)", re.I)


_FUGITIVE_WORD = re.compile(r"fugitive|at\s+large|fled|believed|thought|not\s+(?:yet\s+)?(?:been|arrested|apprehended|located|found|"
                            r"taken)")


def fugitive_after(text: str, m: Mention) -> bool:
    """'A remains a fugitive', 'A and B, who remain at large' (said right after the name)."""
    return bool(_FUGITIVE.match(text, m.end, min(len(text), m.end + 120)))


def the_others(counted: tuple[int | None, int | None], pool: list[Candidate], away: set[int],
               beyond: frozenset[str] = frozenset()) -> list[Candidate]:
    """The people 'N of the M defendants' stands for, only when the count leaves no doubt: all of
    them, or all but those the release accounts for otherwise -- named as fugitives, or whose
    own stage is already one of `beyond` ('Eight of the defendants were arrested ... A and B
    remain fugitives ... C pleaded guilty': the eleven named less those three)."""
    n, total, *at = counted
    if n is None:
        return []

    def fits(group: list[Candidate]) -> list[Candidate] | None:
        if total is not None and total != len(group):
            # 'charges nine defendants in addition to X … Seven of the nine were arrested' (X extradited):
            # the count is of those the release accounts for no other way
            group = [c for c in group if c.stage != "extradited" and c.stage not in beyond]
            if total != len(group):
                return None
        rest = [c for c in group if id(c) not in away and c.stage not in beyond]
        # ('Six … were arrested … A was extradited … B and C remain at large'; where the count is known,
        # 'Six of the defendants were arrested on Sept. 9 … A and B were arrested in July')
        for cut in (None, "extradited", "arrested") if at else (None, "extradited"):
            rest = [c for c in rest if c.stage != cut] if cut else rest
            if len(rest) == n:
                return rest
        return None
    # (else the ones named before the count: 'Six of the seven defendants named in the indictment were
    # arrested … In the related complaint, X …')
    return fits(pool) or (fits([c for c in pool if c.first < at[0]]) if at else None) or []


_N_OF_OBJECT = re.compile(r"\s+" + _N_OF_M_WORDS, re.I)


def part_of_object(text: str, at: int, end: int) -> tuple[int | None, int | None] | None:
    """'arrested five of the defendants named below' -> (5, None): the count as the object."""
    m = _N_OF_OBJECT.match(text, at, end)
    return (_count(m.group(1)), _count(m.group(2))) if m else None


# -- 'Also charged are A, B and C' ----------------------------------------------------------------
_ALSO_NAMED = re.compile(r"(?P<v>[Cc]harged|[Ii]ndicted|[Aa]rrested|[Nn]amed)\b[^.;:]{0,60}?\s(?:are|were|is|was)\s+"
                         r"(?:(?:his|her|their)\s+)?(?:co-?defendants?\s+|defendants?\s+)?")
# where it can start: after 'also'/'additionally', or a capitalised verb opening a sentence
_ALSO_KEYS = (b"lso ", b"dditionally ", b"Charged ", b"Indicted ", b"Arrested ", b"Named ")
# the letters of each, as they are inside a token (lower case): a key whose word no token holds is not in the text
ALSO_WORDS = tuple(k.decode().strip().lower() for k in _ALSO_KEYS)


def opens_sentence(text: str, i: int) -> bool:
    """Whether position i begins a line, or a sentence after '. ', '; ' or ': ', or a dateline's
    dash ('DAYTON, Ohio – Sentenced today were')."""
    return i == 0 or text[i - 1] == "\n" or (i >= 2 and text[i - 1] == " " and (
        text[i - 2] in ".;:–—" or (text[i - 2] == "-" and text[i - 3:i - 2] == " ")))


def also_named(text: str, words: set[str] | None = None) -> list[re.Match]:
    """'Also charged are', 'Additionally indicted was', 'Charged in the indictment are' (`words`:
    which of ALSO_WORDS the text's tokens hold, when known: the others are not looked for)."""
    b = ascii_bytes(text)
    out = []
    for key, word in zip(_ALSO_KEYS, ALSO_WORDS):
        if words is not None and word not in words:
            continue
        at = b.find(key)
        while at >= 0:
            if key[0] in b"CIAN":
                i = at
                ok = opens_sentence(text, i)
            else:
                i = at + len(key)
                ok = at >= 1 and text[at - 1] in "Aa" and (key != b"lso " or text[at - 1:at + 4].lower() == "also ")
            m = _ALSO_NAMED.match(text, i) if ok else None
            if m:
                out.append(m)
            at = b.find(key, at + 1)
    return out


# -- 'Charged in the indictment are A and B': the verb first, capitalised -------------------------
# Also 'Arrested Tuesday were:' and 'Sentenced were:', then a line each. A sentence's first word, which
# the case verbs' lower-case search (events.py) never sees.
_INVERTED_KEYS = {b"Charged ": "charged", b"Indicted ": "charged", b"Arrested ": "arrested",
                  b"Extradited ": "extradited", b"Convicted ": "convicted", b"Sentenced ": "sentenced",
                  b"Pleading guilty ": "pleaded_guilty", b"Pleaded guilty ": "pleaded_guilty"}   # ('Pleading guilty before Judge X were: A; B')
INVERTED_WORDS = frozenset({"charg", "indicted", "arrest", "extradit", "convict", "sentence", "guilty"})   # (in VERB_WORDS)
# ... then maybe how many and what they are: 'Charged ... are two China-based companies, A and B'
_HOW_MANY = (r"(?:\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
             r"(?:companies|defendants|individuals|entities|men|women|people|persons|nationals|firms|businesses)\s*[,:])?")
_INVERTED = re.compile(r"[A-Z][a-z]+\b[^.;:\n]{0,90}?(?:(?<=\s[A-Z])\.[^.;:\n]{0,60}?)?\s(?:are|were|is|was)\b(?:\s+the\s+following(?:\s+[a-z-]+){0,2})?"
                       + _HOW_MANY + r"(?=\s*:|\s+[A-Z])")


# ... and after the people's noun: 'The companies charged are A, B and C', 'The defendants sentenced
# today were:'
# ... and with no verb, where the noun says they are charged: 'The defendants are A, B and C' (at least charged)
_NOUN_VERB = re.compile(r"The\s+(?:following\s+|other\s+|remaining\s+)?(?:(?:companies|defendants|individuals|entities|people|persons|men|women)\s+"
                        r"(?P<v>charged|indicted|arrested|extradited|convicted|sentenced)\b[^.;:\n]{0,50}?\s|"
                        # ... the verb before the noun: 'The extradited defendants are:'
                        r"(?P<v2>charged|indicted|arrested|extradited|convicted|sentenced)\s+(?:companies|defendants|"
                        r"individuals|entities|people|persons|men|women)\s+|"
                        r"(?:co-?)?(?P<noun>defendants|companies|entities)\s+(?:in\s+th(?:is|e)\s+case\s+)?)(?:are|were|include)\b"
                        + _HOW_MANY + r"(?=\s*:|\s+[A-Z])"
                        # 'The indictment names A; its owner, B; and C' (charged)
                        r"|The\s+(?:superseding\s+)?(?P<doc>indictment|complaint|information)\s+(?:also\s+)?names"
                        r"(?:\s+the\s+following(?:\s+[a-z-]+){0,2})?(?=\s*:|\s+[A-Z])")   # ('names the following defendants:')
# 'Among those charged are A and B', 'Among the defendants arrested today was A'
_AMONG = re.compile(r"Among\s+(?:those|the\s+(?:defendants|individuals|people|persons))\s+"
                    r"(?P<v>charged|indicted|arrested|extradited|convicted|sentenced)\b[^.;:\n]{0,50}?\s(?:are|were|is|was)\b"
                    + _HOW_MANY + r"(?=\s*:|\s+[A-Z])")
_VERB_STAGE = {k.decode().strip().lower(): stage for k, stage in _INVERTED_KEYS.items()}   # 'charged' -> 'charged'


def inverted_verbs(text: str, b: bytes) -> list[tuple[int, int, str, str, str]]:
    """(start, end, verb, stage, 'inverted') of each such opening (`b`: the text's ascii_bytes)."""
    out = []
    at = b.find(b"The ")     # (matched only where 'The' stands: a scan of the whole text costs more)
    while at >= 0:
        m = _NOUN_VERB.match(text, at) if at == 0 or not text[at - 1].isalnum() else None
        if m:
            key = "v" if m.group("v") else "v2" if m.group("v2") else "noun" if m.group("noun") else "doc"
            verb = m.group(key) if key in ("v", "v2") else None
            out.append((m.start(key), m.end(), m.group(key), _VERB_STAGE.get(verb, "charged"), "inverted"))
        at = b.find(b"The ", at + 4)
    at = b.find(b"Among ")
    while at >= 0:
        if (m := _AMONG.match(text, at)) and opens_sentence(text, at):
            out.append((m.start("v"), m.end(), m.group("v"), _VERB_STAGE.get(m.group("v"), "charged"), "inverted"))
        at = b.find(b"Among ", at + 6)
    for key, stage in _INVERTED_KEYS.items():
        at = b.find(key)
        while at >= 0:
            if opens_sentence(text, at):
                m = _INVERTED.match(text, at)
                if m:
                    out.append((at, m.end(), key.decode().strip().lower(), stage, "inverted"))
            at = b.find(key, at + 1)
    return out


# 'co-defendants A and B', 'The other defendants – A, B and C –': defendants by their label
# ('A third defendant, X, pleaded guilty', 'The case against a fourth defendant, X, remains pending')
_LABELLED = re.compile(r"(?:[Cc]o-?defendants?|(?:[Tt]he\s+)?(?:[Oo]ther|[Ff]ellow|[Rr]emaining)\s+(?:co-?)?defendants?|"
                       r"\b(?:[Aa]|[Tt]he)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:co-?)?defendant,)"
                       r"(?:\s*,|\s*[–—:]|\s+-)?\s+")


def labelled(text: str) -> list[int]:
    """Where the names labelled as (co-)defendants start."""
    b = ascii_bytes(text)
    out = []
    at = b.find(b"efendant")
    while at >= 0:
        start = max(0, at - 20)
        for m in _LABELLED.finditer(text, start, min(len(text), at + 40)):
            if m.start() <= at < m.end():
                out.append(m.end())
        at = b.find(b"efendant", at + 8)
    return out


def victim_subject(mentions: list[Mention], a: int, b: int) -> bool:
    """A person left out as a victim (who died, who overdosed) named as the clause's subject: 'His
    supplier, X, …, was sentenced in October to 188 months; X died in December' is not about the one
    defendant of the release."""
    return any(m.candidate.victim and a <= m.start < b for m in mentions)
