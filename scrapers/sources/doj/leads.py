"""Descriptions that stand for a person or a company named elsewhere: the lead ('A Wichita man was
sentenced ...', the name in a later sentence), 'A father and son from Wilmington', 'An India-based
chemical company' (split from refs.py)."""
from __future__ import annotations

import bisect
import re

from .mentions import COMPANY_APPOSITIVE
from .people import Candidate, Mention
from .refs import _COUNT_WORDS, _count, fugitives
from .textscan import SENTENCE_STOP

# -- the lead: 'A Wichita man was sentenced ...', the name in a later sentence ---------------
_NOUNS = (r"man|woman|resident|national|citizen|teen|teenager|leader|member|owner|operator|dealer|trafficker|"
          r"distributor|supplier|courier|pharmacist|physician|doctor|nurse|felon|fugitive|native|immigrant|kingpin|"
          r"chemist|businessman|businesswoman|inmate|veteran|father|mother|grandmother|grandfather|president|executive|"
          r"employee|officer|deputy|agent|attorney|lawyer|technician|driver|trucker|firefighter|paramedic|soldier|dentist|"
          r"broker|launderer|smuggler|vendor|boss|commander|lieutenant|administrator|financier|founder|co-founder")
# 'A Wichita man', 'A 38-year-old Houston resident', 'A resident of Phoenix, Arizona,', 'The leader of a ring'
# (never 'a second man', 'another defendant', 'a co-defendant', 'a juvenile')
# (a full stop only of an abbreviation inside a description: 'A St. Louis man', 'A U.S. citizen')
_NO_STOP = r"(?:[^.;:\n]|(?<=St|Ft|Mt)\.|(?<=\bU)\.(?=S\.)|(?<=\bU\.S)\.)"
_LEAD_SUBJECT = re.compile(
    rf"(?:^|[^\w’'-])(?:an?|the)\s+(?:(?!(?:second|third|fourth|fifth|another|other|co-|fellow|unnamed|unidentified|"
    rf"juvenile|minor|victim)\b){_NO_STOP}){{0,80}}?\b(?:{_NOUNS})\b(?![-’'])", re.I)
_YEAR_OLD = re.compile(r"\b(\d{1,2})-year-old\b")
_LEAD_REACH = 1500


# a dateline before a sentence's first word ('WICHITA, KAN. – ', 'BANGOR, Maine: ')
_DATELINE = r"\s*(?:[A-Z][\w .,’']{1,40}?\s*(?:[–—-]+|:)\s*)?"

# a sentence opening with an indefinite description, after the dateline: 'WICHITA, KAN. – A Wichita
# man', 'A Broward County, Florida tax return preparer'
_LEAD_OPENING = re.compile(_DATELINE + r"(?:An?)\s+(?!(?:second|third|fourth|fifth|co-|fellow|juvenile|"
                           r"minor|victim|man\s+and|woman\s+and)\b)" + _NO_STOP + r"{1,150}$")


# A company described, not named, as the subject of a case verb ('An India-based chemical
# company and one of its senior executives were charged'; 'A second China-based company was
# charged'; 'Two chemical companies were indicted'): the clause opens with it (after a dateline),
# and the noun is not part of a longer one ('A chemical company owner', 'a company's director').
_GENERIC_COMPANY = re.compile(
    _DATELINE +
    r"(?P<det>(?i:an?|one|another|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?:[\w-]+\s+){0,4}?(?:compan(?:y|ies)|manufacturers?|suppliers?|firms?|businesses|corporations?)"
    r"(?:,?\s+(?:(?:based|located|headquartered)\s+)?in\s+[A-Z][\w .’'-]{1,40}?)?"
    r"(?:\s+that\s+[^,;.()]{1,80}?)?"   # ('charges a company in India that ran online pharmacy websites, the company’s director and …')
    r"(?=\s*(?:$|,|\(|and\b))")


# a sentence opening with a count of people described, the subject of a plural verb: 'Two alleged leaders of a
# Sinaloa Cartel faction that controls routes through X, Sonora, were extradited' (the two named next)
_COUNT_SUBJECT = re.compile(
    _DATELINE + r"(?P<n>(?i:two|three|four|five|six))\s+(?:alleged\s+|accused\s+|reputed\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:leaders|bosses|lieutenants|members|traffickers|operatives|men|women|brothers|nationals)\b"
    rf"{_NO_STOP}{{0,160}}$")


# 'A Cleveland woman and her two adult sons': one person and a count of kin, the whole subject
_ONE_AND_KIN = re.compile(_DATELINE + r"(?:An?)\s+(?:[A-Z][\w-]*\s+){0,2}?(?:man|woman|mother|father)\s+"
                          r"and\s+(?:his|her)\s+(?P<n>two|three|four)\s+(?:adult\s+|teenage\s+|grown\s+)?"
                          r"(?:sons|daughters|children|brothers|sisters|nephews|cousins)\s*$")
_ONE_MORE = {"two": "three", "three": "four", "four": "five"}


def count_subject(before: str) -> str | None:
    """A count of described people as a whole subject clause, written as lead_group counts it
    (' two people'), or None."""
    m = _COUNT_SUBJECT.match(before)
    if m is None and (k := _ONE_AND_KIN.match(before)) is not None:
        return f" {_ONE_MORE[k.group('n')]} people"
    return f" {m.group('n').lower()} people" if m else None


def generic_companies(before: str) -> int:
    """How many companies a subject clause describes without naming them (0: none)."""
    m = _GENERIC_COMPANY.match(before)
    if not m:
        return 0
    det = m.group("det").lower()
    return 1 if det in ("a", "an", "one", "another") else _COUNT_WORDS[det]


# the last item of an object list, a company described ('charges a plaza boss of the cartel, four of his associates
# and a Culiacán-based produce exporter with conspiring …'): up to the charge, never past the sentence
_LISTED_COMPANY = re.compile(
    r"(?:,|\band)\s+(?P<det>an?|one|two|three)\s+(?:[\w-]+\s+){0,4}?(?:compan(?:y|ies)|manufacturers?|suppliers?|firms?|"
    r"businesses|corporations?|exporters?|importers?)(?=\s+(?:with|for|on|in)\b|\s*[,;]\s*(?:with|for)\b)")


def listed_companies(obj: str) -> int:
    """How many companies the last item of an object list describes without naming them (0: none)."""
    found = list(_LISTED_COMPANY.finditer(obj[:_OBJECT_REACH]))
    if len(found) != 1:
        return 0
    det = found[0].group("det").lower()
    return 1 if det in ("a", "an", "one") else _COUNT_WORDS[det]


_OBJECT_REACH = 250


_ALLEGEDLY = re.compile(r"[^.;]{0,250}?\ballegedly\b")


# the description the name is in apposition to: 'The company, X Ltd., sold ...', 'the defendant
# company, X Inc.,' (the company the lead described; never 'a shipping company, X,' or 'its bank, X')
_COMPANY_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he\s+(?:defendant\s+)?(?:compan(?:y|ies)|manufacturer|supplier|firm|business|"
                             r"corporation|distributor|vendor|exporter)\s*,\s*$")


def named_as_actor(text: str, end: int, start: int | None = None) -> bool:
    """Is the company named at text[start:end] the actor of its sentence: a company noun in
    apposition ('X Ltd. (X), a chemical manufacturer based in ...', 'The company, X Ltd.,') or
    'allegedly' after it?"""
    return bool(COMPANY_APPOSITIVE.match(text, end) or _ALLEGEDLY.match(text, end) or
                (start is not None and (_COMPANY_BEFORE.search(text, max(0, start - 40), start) or
                                        _OPENS_SENTENCE.search(text, max(0, start - 60), start))))


# the subject opening its sentence ('According to court documents, X Co., Ltd. (X) and Y Co., Limited (Y) advertised'), or a
# reported clause ('announced that X, LLC (X Supply) and its owner, Y, entered their pleas')
_OPENS_SENTENCE = re.compile(r"(?:(?:^|[.!?]\s+|\n)(?:According\s+to\s+[^,.]{1,40},\s+)?|\)\s+and\s+|\b(?:announced|said|stated)\s+that\s+)$")


def lead_subject(before: str) -> re.Match | None:
    """The singular description a subject clause opens with ('A Wichita man'), if any."""
    return _LEAD_SUBJECT.search(before[-200:]) or _LEAD_OPENING.match(before)


# a lead with a relative clause that holds events of its own: 'MIAMI – A physician who left the United States
# shortly before he was indicted in 2021 has been extradited' (the main verb is the lead's)
_LEAD_WHO = re.compile(_DATELINE + rf"(?P<d>An?\s+{_NO_STOP}{{0,80}}?\b(?:{_NOUNS})\b)"
                       rf"\s+who\s+{_NO_STOP}{{1,200}}$")


def lead_with_who(text: str, start: int, end: int) -> re.Match | None:
    """The description a sentence opens with, when what follows it up to `end` is its relative clause."""
    m = _LEAD_WHO.match(text, start, end)
    return _LEAD_SUBJECT.search(m.group("d")) if m else None


def lead_object(text: str, e_end: int) -> re.Match | None:
    """'found a Sandy, Utah, man guilty': the description after the verb."""
    return _LEAD_OBJECT.match(text, e_end, min(len(text), e_end + 120))


def other_age(description: str, cand: Candidate) -> bool:
    """'A 30-year-old Houston man' cannot be the person named 'X, 27'."""
    age = _YEAR_OLD.search(description[-200:]) if "year" in description else None
    return bool(age) and cand.age is not None and cand.age != int(age.group(1))


# 'convicted two people', 'charged three Chinese nationals': a count of people named after the sentence
_LEAD_OBJECTS = re.compile(r"\s+(two|three|four|five|six|\d)\s+(?:[\w-]+\s+){0,2}?(?:people|persons|men|women|individuals|"
                           r"defendants|nationals|residents|citizens|brothers|sisters)\b")


# two people described as a pair: 'A father and son from Wilmington', 'a husband and wife', 'a couple'
_KIN_WORDS = "father|mother|husband|wife|brother|sister|son|daughter|man|woman|uncle|nephew|aunt|niece|cousin|boyfriend|girlfriend"
_KIN = rf"(?:{_KIN_WORDS})"
# (or two described by where they are from: 'A Dominican national and a Lawrence man were arrested')
_PERSON_KIN = rf"(?:{_KIN_WORDS}|national|resident|citizen)"
_PAIR = re.compile(rf"\b{_PERSON_KIN}\s+and\s+(?:his\s+|her\s+|an?\s+)?(?:[A-Z][\w-]*\s+){{0,2}}?{_PERSON_KIN}\b"
                   r"|\b(?:couple|pair|duo)\b", re.I)
# ('convicted an El Paso woman and her brother': the pair, two people named later)
_LEAD_OBJECT = re.compile(rf"\s+(?:an?)\s+(?:(?!(?:second|third|another|other|co-|fellow|juvenile|minor)\b)[^.;:\n]){{0,60}}?\b(?:{_NOUNS})\b(?![-’'])"
                          rf"(?:\s+and\s+(?:his\s+|her\s+|an?\s+)?{_KIN}\b(?![-’']))?", re.I)


_PAIR_LEAD = re.compile(rf"\W*(?:an?|the)\s+(?:[A-Z][\w-]*\s+){{0,2}}?{_KIN}\s+and\s+(?:his\s+|her\s+|an?\s+)?{_KIN}\b", re.I)


def pair_lead(text: str, at: int) -> re.Match | None:
    """'A father and son', 'A Tulsa man and woman' opening a subject (at `at`): two people."""
    return _PAIR_LEAD.match(text, at)


_PAIR_SUBJECT = re.compile(rf"(?:^|[^\w’'-])(?:an?|the)\s+(?:[A-Z][\w-]*\s+){{0,2}}?{_PERSON_KIN}\s+and\s+(?:his\s+|her\s+|an?\s+)?"
                           rf"(?:[A-Z][\w-]*\s+){{0,2}}?{_PERSON_KIN}\s*$", re.I)


def pair_subject(before: str) -> re.Match | None:
    """'A Daly City husband and wife' as the whole subject of a plural verb: two people, named later."""
    return _PAIR_SUBJECT.search(before[-120:])


def lead_objects(text: str, e_end: int) -> re.Match | None:
    return _LEAD_OBJECTS.match(text, e_end, min(len(text), e_end + 80))


def lead_group(mentions: list[Mention], starts: list[int], text: str, pos: int, description: str) -> list[Candidate]:
    """The people a counted description stands for ('convicted two Chinese nationals'): the first
    ones named after its sentence, when exactly that many are named close together (in one
    paragraph, within 400 characters) with other evidence of being defendants or an age ('A, 44, ... recruited
    drivers, and B, 32, stored the drugs')."""
    m = _LEAD_OBJECTS.match(description)
    n = _count(m.group(1)) if m else (2 if _PAIR.search(description) else None)
    k = bisect.bisect_left(starts, pos)
    group: list[Candidate] = []
    end = None
    for x in mentions[k:k + 40]:
        if x.start >= pos + _LEAD_REACH or (end is not None and x.start > end) or not n:
            break
        if x.candidate.is_company or x.candidate in group or not x.candidate.evidence:
            continue   # (a place or a nickname read as a name has no age and no stage: not one of them)
        if end is None:   # (the sentence of the first one, in its paragraph, at most 400 characters on)
            stop = SENTENCE_STOP.search(text, x.start, x.start + 400)
            end = min(x.start + 400, len(text) if (nl := text.find("\n", x.start)) < 0 else nl,
                      stop.start() if stop else len(text))
        group.append(x.candidate)
        if len(group) > n:
            return []   # more named there than counted ('convicted two men': A, B and C): which two?
    return group if len(group) == n else []


def lead_person(mentions: list[Mention], starts: list[int], text: str, pos: int, description: str) -> list[Candidate]:
    """The person a description stands for: the first one named after its sentence (`pos`), when
    other evidence makes that person a defendant and the name does not open a list of several ('Jane Roe, 30, and John Doe, 31, ...': which one?). Takes the
    description's age ('A 24-year-old Renton man')."""
    if _LEAD_OBJECTS.match(description) or _PAIR.search(description):
        return []   # a count of people is not one person
    k = bisect.bisect_left(starts, pos)
    if (named := _role_named(mentions[k:], text, pos, description)) is not None:
        return [named]   # 'the organization’s leader has been sentenced' … 'The organization’s leader, X, 40,'
    while k < len(mentions) and mentions[k].start < pos + _LEAD_REACH:
        m = mentions[k]
        if m.candidate.is_company:
            k += 1
            continue
        if not m.candidate.evidence or id(m.candidate) in fugitives(text, [m]):
            return []   # a name with nothing else saying it is a defendant's, or a fugitive's: not this one
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and nxt.candidate is not m.candidate and _LISTED.match(text, m.end, nxt.start) and \
                nxt.start - m.end < 80:
            return []
        cand = m.candidate
        placed = _placed_elsewhere(text, mentions[k:], pos, description, cand)
        if placed is not None:
            cand = placed   # 'the California man who supplied him': not the first one named, 'X, 31, of Stockton, California'
        age = _YEAR_OLD.search(description)
        if other_age(description, cand) or CO_DEFENDANT_BEFORE.search(text, max(0, m.start - 40), m.start):
            return []   # 'A 30-year-old man' is not 'X, 27'; 'his co-defendant, X' is someone else
        if age and cand.age is None and 14 <= int(age.group(1)) <= 99:
            cand.age = int(age.group(1))
        return [cand]
    return []


# ('his co-defendant, X', 'An additional individual, X,': someone else than the one described)
CO_DEFENDANT_BEFORE = re.compile(r"\bco-?defendants?,?\s+$|\b(?:[Aa]n\s+additional|[Aa]nother|[Aa]\s+second)\s+[a-z]+,\s+$", re.I)
_PLACE_WORD = re.compile(r"(?<!^)\b[A-Z][a-z]{2,}\b")


def _role_named(mentions: list[Mention], text: str, pos: int, description: str) -> Candidate | None:
    """The one person a definite description's noun is written right before ('leader, X')."""
    words = description.split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    role = re.compile(rf"\b{re.escape(words[-1])},?\s+$", re.I)
    found = {id(m.candidate): m.candidate for m in mentions if m.start < pos + _LEAD_REACH and m.candidate.evidence
             and not m.candidate.is_company and role.search(text, max(0, m.start - len(words[-1]) - 3), m.start)}
    return next(iter(found.values())) if len(found) == 1 else None


def _placed_elsewhere(text: str, mentions: list[Mention], pos: int, description: str, first: Candidate) -> Candidate | None:
    """A second description naming a place ('A Dededo man pleaded guilty, and the California man who
    supplied him received …') that the first person named after it does not live in (no residence given) while exactly one other person named within reach does
    ('X, 31, of Stockton, California'): that person."""
    if not description.strip().lower().startswith("the "):
        return None   # ('A Wichita man was sentenced': the first one named, wherever the others live)
    places = {w for w in _PLACE_WORD.findall(description.strip()) if w not in ("The", "An")}
    if not places or first.residence:
        return None
    others = {id(x.candidate): x for x in mentions if x.start < pos + _LEAD_REACH and x.candidate is not first
              and not x.candidate.is_company and x.candidate.evidence and x.candidate.residence
              and places & set(x.candidate.residence.replace(",", " ").split())}
    if len(others) != 1:
        return None
    other = next(iter(others.values()))
    # (not one of a list with the first: 'A, 38, and her husband, B, 41, both of Wasilla' live there both)
    at = next((x.end for x in mentions if x.candidate is first and x.start >= pos), None)
    return other.candidate if at is not None and SENTENCE_STOP.search(text, min(at, other.start), max(at, other.start) + 1) else None


_LISTED = re.compile(r"(?:\s*,\s*(?:age\s+)?\d{1,2})?(?:\s*,\s*(?:of|from)\s+[^,;.]{1,40})?\s*(?:,\s*)?(?:and|&)?\s*$")
