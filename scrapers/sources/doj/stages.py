"""Case stages from the verbs of a DOJ release: which event ("was indicted", "pleaded
guilty", "was sentenced ... to 120 months") belongs to which person, the furthest stage each
person reached, and prison terms (pure functions)."""
from __future__ import annotations

import bisect
import re

from . import counts, cues, refs
from . import leads as descr
from . import verbs as vocab
from .groups import (
    OTHERS,
    PART_OF_PARENT,
    conjoined,
    describes,
    employer,
    generic_group,
    group_before_verb,
    role_reference,
)
from .htmltext import CELL
from .people import Candidate, _Scanner
from .recording import RANK, STAGES, _described_companies, _named_once, _record, _rosters
from .roster import labelled_roster_companies, list_items, verb_lines
from .terms import NAMED_THEN_A, elliptic_term, respective_lengths
from .textscan import _sentence_spans_at, ascii_bytes
from .verbs import _STEM_SEARCHES

# ('detained': held in custody, 'ordered detained pending trial' -- an arrest, unless the release's title
# says how: extradited; extract.py writes it as one or the other)
_BEYOND_ARREST = frozenset(s for s in STAGES if RANK[s] > RANK["extradited"])


# -- events ----------------------------------------------------------------------------------
# A stage is read from a verb. The verbs are found with plain substring search (fast), then
# their context decides: 'left' voice = the subject precedes ("X was sentenced"), 'right' =
# the object follows ("the indictment charges X with", "sentenced X to").
_ADV = r"(?:(?:each|also|both|all|jointly|later|subsequently|recently|today|yesterday|formally|federally|separately|criminally|unanimously|ultimately|successfully|previously|initially|originally|eventually|already|then|since|again|this\s+week|last\s+week)\s+)*"
_LEFT_BE = re.compile(rf"\b(?:was|were|is|are|(?:have\s+|has\s+|had\s+)?been|(?:after|upon|following)\s+being)"
                      rf"\s+{_ADV}(?:re-?)?$")   # ('after being arrested'; not 'to avoid being arrested')
# ('pleading' only after a preposition: in 'with the leaders pleading guilty' the subject is not the sentence's)
_LEFT_PLEAD = re.compile(r"(?:\b(?:pleaded|pled|pleads|plead|(?:after|before|upon|since|following)\s+pleading)|,\s+pleading)\s+$")
# a plea to come, not made: 'has agreed to plead guilty', 'is expected to plead guilty', 'will plead
# guilty' (the person is charged: the plea is not a stage yet)
_PLEA_TO_COME = re.compile(r"\b(?:(?:agreed|agrees|agreeing|expected|expects|intends|intend|plans|plan|scheduled|set|going)"
                           r"\s+to|will|would|could|may)\s+plead\s+$", re.I)
_LEFT_ENTERED = re.compile(r"\b(?:entered|enters|enter)\s+(?:a\s+|their\s+|his\s+|her\s+)?(?:pleas?\s+of\s+)?$")
# ('A federal jury in London on Wednesday convicted X', 'a jury in Brooklyn, New York, convicted X')
_LEFT_COURT = re.compile(r"\b(?:jury|jurors|[Jj]udge|court)\s+(?:[\w.]+,?\s+){0,6}?$")
_RIGHT_PLEA = re.compile(r"\s+pleas?\b")
_RIGHT_CUSTODY = re.compile(r"\s+(?:federal\s+)?custody\b")


def _be_start(left: str) -> int | None:
    m = _LEFT_BE.search(left)
    return m.start() if m else None


_WHO_BEFORE = re.compile(r"\b(?:who|which)\s*$")
# a relative clause about the person's record, not about this case
_WHO_PRIOR = re.compile(r"^\s*(?:had|has\s+been\s+previously|was\s+previously|were\s+previously|had\s+been|has\s+(?:a\s+)?prior)\b")
# "when he is sentenced", "if they are convicted": what may happen, not what did
_CONDITIONAL = re.compile(r"\b(?:when|if|once|until|unless|before|after)\s+(?:\w+\s+){0,2}?(?:is|are)\s+\S*\s*$", re.I)
_YEAR_AFTER = re.compile(r"\s*(?:[\w,]+\s+){0,4}?in\s+((?:19|20)\d\d)\b")
_YEAR_BEFORE = re.compile(r"\b(?:[Oo]n\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+|[Ii]n\s+(?:[A-Z][a-z]{2,8}\.?\s+)?)((?:19|20)\d\d),\s+"
                          r"(?:(?:[A-Z][\w’'.-]*\s+){1,5}|(?:he|she|they)\s+)$")   # ('In December 2018, he was sentenced')
# the sentence is about a co-defendant: an earlier stage of the same case, not a record
_CO_DEFENDANT = re.compile(r"\bco-?defendants?\b", re.I)
# ('was sentenced in 2023 … to 12 years in prison for his role in the same conspiracy': this case's earlier stage)
_SAME_CASE = re.compile(r"[^.;]*?\bin\s+the\s+same\s+(?:conspiracy|case|scheme|indictment|drug\s+trafficking\s+organization)\b")
_HISTORY_STAGES = ("convicted", "sentenced", "pleaded_guilty", "acquitted", "dismissed")


def _history(text: str, base: int, k: int, j: int, stage: str, year: int | None, s_start: int | None = None) -> bool | str:
    """Background, not what the release announces: an event dated years before the release
    ('was originally sentenced in 2021'; never a co-defendant's stage in the same case:
    'His co-defendant, X, pleaded guilty and was sentenced in 2021 to 151 months'), or a relative
    clause about the person's record ('X, who was previously convicted of burglary'). 'who' for
    another relative clause ('X, who was sentenced to 20 years'): the person's stage when the
    sentence gives the person no other. `s_start`: where the verb's sentence starts."""
    if stage in _HISTORY_STAGES and year:
        near = text[j:j + 50]   # (every match holds a year: '19..' or '20..')
        m = _YEAR_AFTER.match(text, j, min(len(text), j + 50)) if "19" in near or "20" in near else None
        if m is None and s_start is not None:   # ('on February 16, 2022, X was sentenced')
            lo = max(s_start, base + k - 70)
            m = _YEAR_BEFORE.search(text, lo, base + k) if "19" in text[lo:base + k] or "20" in text[lo:base + k] else None
        if m and int(m.group(1)) <= year - 2 and not (s_start is not None and "efendant" in text[s_start:base + k]
                                                      and _CO_DEFENDANT.search(text, s_start, base + k)) and \
                not ("same" in text[j:j + 160] and _SAME_CASE.match(text, j, min(len(text), j + 160))):
            return True
    if text.find("wh", max(0, base + k - 12), base + k) >= 0 and _WHO_BEFORE.search(text, max(0, base + k - 12), base + k):
        return True if _WHO_PRIOR.match(text, base + k, j) else "who"
    return False


def _verbs_in(text: str, words: set[str] | None = None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, stem, stage, kind) of every case verb (_STEMS) standing as a word. `words`:
    which of VERB_WORDS the text's tokens hold, when known (the others are not looked for)."""
    hits = []
    b = ascii_bytes(text)   # (the words are ASCII: found in the bytes, at the text's positions)
    for key, word, stems in _STEM_SEARCHES:
        if words is not None and word not in words:
            continue
        at = b.find(key)
        while at >= 0:
            for stem, offset, stage, kind in stems:
                i = at - offset
                if i < 0 or not b.startswith(stem, i):
                    continue
                j = i + len(stem)
                if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
                    hits.append((i, j, stem.decode(), stage, kind))
            at = b.find(key, at + 1)
    if words is None or not words.isdisjoint(refs.INVERTED_WORDS):
        hits += refs.inverted_verbs(text, b)
    return hits


def _events_in(text: str, spans: list[tuple[int, int]], year: int | None = None,
               verbs: list[tuple[int, int, str, str, str]] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, stage, voice) of every case verb in the text (context never crosses the
    sentence the verb is in); background events (see _history) are left out. `spans`: the
    sentences (at least those holding a verb); `verbs`: _verbs_in(text), when known."""
    out = []
    starts = [s for s, _ in spans]
    for i, j, stem, stage, kind in (_verbs_in(text) if verbs is None else verbs):
        k = bisect.bisect_right(starts, i) - 1
        s_start, s_end = spans[k] if k >= 0 else (0, len(text))
        base = max(s_start, i - 80)
        left = text[base:i]
        seg_end = s_end
        if ("not" in left or "never" in left or "either" in left or "one " in left[-16:]) and _NEGATED.search(left):
            continue  # 'indicted but not yet arrested', 'has not been charged', 'and neither was charged'
        if kind == "be":
            k = _be_start(left)
            if k is not None:
                tail = left[-32:].lower()
                if ((" is " in tail or " are " in tail) and _CONDITIONAL.search(left)) or \
                        (stage == "convicted" and ("previously" in left[k:] or vocab.HAVING_BEEN.search(left[-40:]))) or \
                        (stage == "sentenced" and "ally" in left[k:] and vocab.ORIGINALLY.search(left, k)):
                    # 'when he is sentenced'; 'was previously convicted of burglary', 'after having been convicted of a
                    # felony': a record; 'was
                    # originally sentenced to 300 months' (before the resentencing the release is about)
                    continue
                hist = _history(text, base, k, j, stage, year, s_start)
                if hist is not True:
                    out.append((base + k, j, stage, "who" if hist else "left"))
            elif stage != "charged" and (m := _COORDINATED.search(left)):
                hist = _history(text, base, m.start(), j, stage, year, s_start)   # 'was arrested in Mexico and extradited'
                if hist is not True:
                    out.append((base + m.start(), j, stage, "who" if hist else "left"))
            elif stem not in ("found guilty", "convicted") and not _TO_BE.search(left) and \
                    not (stage == "sentenced" and vocab.ORIGINALLY.search(left)):
                # "sentenced X to", "charged X with" ("if convicted, X faces" is not a verdict; "who
                # originally sentenced him to 360 months" is the term the resentencing replaced)
                out.append((i, j, stage, "right"))
        elif kind == "inverted":
            out.append((i, j, stage, "right"))   # the people follow the verb ('Charged ... are A and B')
        elif stage in ("arrested", "extradited") and kind in ("right", "possessive") and _UNMADE.search(left):
            continue   # 'a warrant for his arrest', 'a reward ... leading to the arrest of X', 'seeking his extradition'
        elif kind == "right":
            m = _LEFT_FACES.search(left) if stem == "charges" and ("fac" in left or "appear" in left or
                                                                  "detained" in left) else None
            if m:
                out.append((base + m.start(), j, stage, "left"))   # 'X faces charges of', 'appeared ... on charges'
            else:
                out.append((i, j, stage, "right"))
        elif kind == "court":   # ('found X not guilty' is an acquittal)
            if _LEFT_COURT.search(left):
                acquittal = stem == "found" and _NOT_GUILTY.match(text, j, seg_end)
                out.append((i, j, "acquitted" if acquittal else stage, "right"))
        elif kind == "guilty":
            m = _LEFT_PLEAD.search(left)
            if m and ("not" in left or "never" in left) and _NEGATED.search(left, 0, m.start()):
                continue   # 'has not pleaded guilty and remains in custody'
            if m and (later := _PLEA_TO_COME.search(left)):
                out.append((base + later.start(), j, "charged", "left"))
            elif m:
                hist = _history(text, base, m.start(), j, "pleaded_guilty", year, s_start)
                if hist is not True:
                    out.append((base + m.start(), j, "pleaded_guilty", "who" if hist else "left"))
            elif m := vocab.LEFT_CHANGED.search(left):
                if not vocab.PLEA_TO_COME_CHANGE.search(left, 0, m.start()):
                    out.append((base + m.start(), j, "pleaded_guilty", "left"))
            else:
                m = _LEFT_ENTERED.search(left)
                if m and (left.rstrip().endswith(("of", "Of")) or _RIGHT_PLEA.match(text, j, seg_end)):
                    out.append((base + m.start(), j, "pleaded_guilty", "left"))
        elif kind == "possessive":
            if _LEFT_POSSESSIVE.search(left):
                out.append((i, j, stage, "left"))
        elif kind == "after":   # 'arraigned following his extradition from Poland': the subject's
            if vocab.LEFT_AFTER.search(left) and vocab.FROM_PLACE.match(text, j, seg_end) and \
                    _history(text, base, len(left), j, stage, year, s_start) is not True:
                out.append((i, j, stage, "left"))
        elif kind == "against":
            if _LEFT_VERDICT.search(left):
                out.append((i, j, "convicted", "right"))   # 'a guilty verdict against X'
            elif _LEFT_CHARGING.search(left):
                out.append((i, j, stage, "right"))
        elif kind == "order":
            # 'has been ordered to federal prison', 'ordered him to serve 235 months'
            # or held in custody: 'ordered X detained pending trial', 'X was ordered detained' (named, if
            # right, between the two words)
            m = _ORDER_TO.match(text, j, seg_end)
            told, m = (stage, m) if m else ("detained", _ORDER_DETAINED.match(text, j, seg_end))
            if m:
                k = _be_start(left)
                if k is not None and not m.group(1):
                    out.append((base + k, j, told, "left"))
                elif k is None and not _TO_BE.search(left) and (told == stage or m.group(1)):
                    out.append((i, j, told, "right"))
        elif kind == "received":
            # 'received a sentence of 97 months', 'received 87 months in federal prison'
            if _RECEIVED.match(text, j, seg_end) and not (stem in ("will serve", "will spend") and refs.CONDITIONAL.search(left)):
                out.append((i, j, stage, "left"))
            elif stem == "handed" and _HANDED_NAME.match(text, j, seg_end):
                out.append((i, j, stage, "right"))   # 'Judge X handed Guajardo Lozano a 97-month sentence
        elif kind == "names":   # 'The 28-count indictment names X': charged (never 'the names of')
            if vocab.DOCUMENT_NAMES.search(left):
                out.append((i, j, stage, "right"))
        elif kind == "entered":   # 'X and Y entered their pleas before Judge Z to conspiracy': a plea to a charge
            if vocab.ENTERED_TO.match(text, j, seg_end) and "not guilty" not in text[j:seg_end]:
                out.append((i, j, stage, "left"))
        elif kind == "admit":   # 'X admitted to one count of …': a plea
            if vocab.ADMIT_COUNT.match(text, j, seg_end):
                out.append((i, j, stage, "left"))
        elif kind == "took":
            if _INTO_CUSTODY.match(text, j, seg_end):
                out.append((i, j, stage, "right"))
        elif kind == "down":
            if m := _DOWN_TO.match(text, j, seg_end):
                out.append((i, m.end(), stage, "right"))
        elif kind == "held":   # 'remain detained', 'remains in custody' (never 'if … remains in custody')
            if not refs.CONDITIONAL.search(left[-30:]) and not vocab.HELD_OTHERWISE.match(text, j, seg_end) and \
                    not _UNTIL_HELD.search(left[-30:]):   # ('We will keep looking for him until he is in custody')
                out.append((i, j, stage, "left"))
        elif kind == "surrender":
            # into custody: 'X surrendered to the FBI', 'X self-surrendered on Monday', 'X turned himself in' (not 'surrendered his
            # passport', not a sentence begun: 'surrendered to the Bureau of Prisons')
            if _RIGHT_SURRENDER.match(text, j, seg_end):
                out.append((i, j, stage, "left"))
        elif kind in _PASSIVE_THEN:
            # a passive verb whose stage the words after it decide: 'were transferred from Mexico to the
            # United States' (brought from abroad without an extradition), 'was placed on three years of probation'
            k = _be_start(left)
            if k is not None and _PASSIVE_THEN[kind].match(text, j, seg_end):
                out.append((base + k, j, stage, "left"))
        elif kind == "mistrial":
            if m := _AS_TO.match(text, j, seg_end):
                out.append((i, m.end(), stage, "right"))
        elif kind == "dismissed":
            k = _be_start(left)
            if k is not None and vocab.DISMISSED_LEFT.search(left, 0, k):
                # 'The charges against X were dismissed' (X: the clause's; not a case dismissed years before)
                hist = _history(text, base, k, j, stage, year, s_start)
                if hist is not True:
                    out.append((base + k, j, stage, "who" if hist else "left"))
            elif k is None and (m := vocab.DISMISSED_RIGHT.match(text, j, seg_end)):
                out.append((i, m.end(), stage, "right"))   # 'the court dismissed the charges against X'

        elif kind == "custody":
            k = _be_start(left)
            if k is not None and _RIGHT_CUSTODY.match(text, j, seg_end):
                out.append((base + k, j + 8, "arrested", "left"))
    out.sort()
    return out


_ORDER_TO = re.compile(r"\s+((?:him|her|them|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})(?:\s*\([^()]{1,40}\))?(?:,[^,;.]{1,40}){0,2},?\s+)?"
                       r"(?:today\s+|yesterday\s+|on\s+\w+\s+)?to\s+(?:serve|spend|(?:federal\s+)?prison)\b")   # ('ordered X, 34, of Y,', 'X (41, Jacksonville)')
_POSSESSIVE_ROLE = re.compile(r"\s+(?:[A-Za-z][\w’'.-]*\s+){0,3}?[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+")
_PROBATION_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?probation\b")
_AS_TO = re.compile(r"\s+(?:as\s+to|for|in\s+the\s+case\s+(?:of|against))\s+(?=[A-Z])")
_TO_THE_US = re.compile(r"(?:\s+(?:today|yesterday|on\s+\w+))?(?:\s+from(?:\s+[A-Z][\w.-]*){1,3})?(?:\s+and\s+\w+)?"
                        r"\s+(?:to|into)\s+(?:the\s+United\s+States|U\.S\.\s+custody|the\s+custody\s+of\s+U\.S\.)")
_PASSIVE_THEN = {"transfer": _TO_THE_US, "probation": _PROBATION_AFTER}
_ORDER_DETAINED = re.compile(r"\s+((?:him|her|them|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+)?(?:to\s+be\s+)?"
                             r"(?:detained\b|held\s+(?:pending|without|in\s+custody)\b)")   # ('ordered him held pending a detention hearing')
_RECEIVED = re.compile(r"\s+(?:(?:an?|the)\s+)?(?:total\s+)?(?:[\w-]+\s+){0,2}?(?:sentences?|terms|prison\s+term|term\s+of\s+imprisonment)\b|"
                       r"\s+(?:\d+|[a-z]+(?:[-\s][a-z]+)?)[\s-]+(?:years?|months?|decades?)\s+(?:in|of|behind)\s+(?:federal\s+)?"
                       r"(?:prison|imprisonment|bars)|"
                       r"\s+(?:an?\s+)?(?:[\w-]+[\s-]+(?:years?|months?)\s+of\s+)?probation\b|"   # 'received five years of probation'
                       r"\s+\d{1,3}[\s-]+(?:years?|months?)(?=\s*[,;.]|\s+and\b)", re.I)   # 'A received 120 months, B 87
# the subject, on the left, is the one charged: 'X faces (federal) charges', 'X made his initial appearance
# today on charges', 'X appeared in federal court on drug charges', 'X was ordered detained pending trial
# on charges' (the left context stays in the verb's sentence: a period there is an abbreviation's)
_LEFT_FACES = re.compile(r"\b(?:faces?|facing|(?:appear(?:ed|s|ance)|detained)\b[^;:]{0,70}?\bon)\s+(?:[\w-]+\s+){0,4}$")
_RIGHT_SURRENDER = re.compile(r"\s+(?:himself\s+|herself\s+|themselves\s+)?(?:to|on|at|in|over)\b(?!\s+(?:begin|serve|start|"
                              r"(?:the\s+)?(?:Bureau\s+of\s+Prisons|BOP)|prison|a\s+federal\s+prison))")
_UNMADE = re.compile(r"(?:\bwarrants?\b[^.;]{0,40}?\bfor|\bleading\s+to|\bseek(?:s|ing)?|\bsought|\brequest(?:s|ed|ing)?|"
                     r"\bpending|\bawaiting|\bto\s+secure)\s+(?:the\s+|his\s+|her\s+|their\s+)?$")
# ('a guilty verdict against X', 'returned a guilty verdict on March 19, 2025, against X')
_LEFT_VERDICT = re.compile(r"\bverdicts?\s+(?:(?:on|in)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|[A-Z][a-z]+\s+\d{4}|\d{4}),?\s+)?"
                           r"(?:\w+\s+){0,2}$", re.I)
_NEGATED = re.compile(r"\b(?:(?:not|never)\s+(?:yet\s+)?|(?:neither|none|no\s+one)(?:\s+of\s+(?:them|which|whom))?\s+(?:was|were|has|have|is)\s+)(?:been\s+|be\s+)?$", re.I)
_TO_BE = re.compile(r"\bbe\s+$")
_INTO_CUSTODY = re.compile(r"\s+(?:[\w’'.-]+\s+){1,5}?into\s+(?:federal\s+)?custody\b")
_NOT_GUILTY = re.compile(r"(?:(?!guilty)[^.;]){0,80}?\bnot\s+guilty\b")
_DOWN_TO = re.compile(r"[^.;]{0,60}?\bto\s+(?=[A-Z])")
_COORDINATED = re.compile(r"\b(?:was|were|(?:has|have)\s+been)\s+(?:\w+\s+)?(?:arrested|apprehended|detained|charged|indicted|tried|"
                          r"convicted)\b[^.;,:]{0,50}?\s+and\s+(?:later\s+|then\s+|subsequently\s+|ultimately\s+)?$")
_LEFT_POSSESSIVE = re.compile(r"\b(?:his|her|their|the\s+defendants?[’']s?)\s+$", re.I)
_LEFT_CHARGING = re.compile(r"\b(?:criminal\s+complaint|complaint\s+affidavit|affidavit|indictment|criminal\s+information|criminal\s+charges|federal\s+charges|charges\s+(?:were\s+)?(?:filed|unsealed|brought)|charges\s+remain\s+pending)\b[^.;:]{0,40}$", re.I)



def _attribute(scanner: _Scanner, default_subjects: list[Candidate], year: int | None = None,
               words: set[str] | None = None) -> None:
    """Each person's stage and prison term from the verbs of the text. `words`: which of
    VERB_WORDS and refs.ALSO_WORDS the text's tokens hold, when known."""
    text = scanner.text
    mentions = [m for m in scanner.mentions if not (m.candidate.official or m.candidate.victim or m.candidate.speaker)
                and m.alias_of is None]
    starts = [m.start for m in mentions]
    captions = refs.captioned(text, mentions)   # 'United States v. X': X is a party to the case
    verbs = _verbs_in(text, words)   # (only the sentences holding a verb matter: only they are split)
    spans = _sentence_spans_at(text, [v[0] for v in verbs])
    all_events = _events_in(text, spans, year, verbs)
    if not all_events:
        if CELL in text:
            _rosters(text, mentions, all_events)
        if b":" in ascii_bytes(text):
            list_items(text, mentions, all_events, RANK)   # 'The defendants and their sentences are:'
        return
    ev_starts = [e[0] for e in all_events]
    span_starts = [s for s, _ in spans]
    n_events = len(all_events)
    last: list[Candidate] = []       # the subjects of the last event that had any (for 'he', 'both')
    away = refs.fugitives(text, mentions)
    counted: list[tuple[str, tuple]] = []   # 'seven of the eight defendants were arrested'
    companies: list[tuple[str, int]] = []   # 'An India-based chemical company ... was charged'
    leads: list[tuple] = []   # 'A Wichita man was sentenced ...': for the person named after it
    b = 0
    while b < n_events:
        # the sentence of the next event, and all its events (sentences without any are skipped)
        a = b
        k = bisect.bisect_right(span_starts, ev_starts[a]) - 1
        if k < 0 or ev_starts[a] >= spans[k][1]:
            b = a + 1  # (between sentences: in none)
            continue
        s_start, s_end = spans[k]
        b = bisect.bisect_left(ev_starts, s_end, a)
        events = all_events[a:b]
        lo = bisect.bisect_left(starts, s_start)
        hi = bisect.bisect_left(starts, s_end)
        in_sentence, in_starts = mentions[lo:hi], starts[lo:hi]
        prev_subjects: list[Candidate] = []
        prev_counted = False   # the clause before was about a count ('Ten of his co-defendants were arrested')
        prev_end, who_lead = s_start, None   # ('A Des Moines man who was convicted … was sentenced': the lead's)
        main: set[int] = set()   # candidates given an event by this sentence's main clauses
        relative: list[tuple[Candidate, int, int, str]] = []
        last_who: tuple = ()   # ('X, 27, who pleaded guilty … and was sentenced in November to five years': X's too)
        for (e_start, e_end, stage, voice) in events:
            subjects: list[Candidate] = []
            if last_who and voice != "who" and cues.AND_AFTER_WHO.fullmatch(text, last_who[1], e_start):
                relative.extend((c, e_start, e_end, stage) for c in last_who[0])
                continue
            if voice == "who":
                # 'X, 24, of Y, who was sentenced to 20 years': X's stage unless the sentence says another
                before = [m for m in in_sentence if prev_end <= m.start < e_start]
                before = cues.without_employer(text, before)   # ('B, 50, a part owner of Acme S.A., who was …': B)
                if before and before[-1].candidate.is_company and text.find("who", max(0, e_start - 12), e_start) >= 0:
                    pass   # ('loans made by A and B Inc. (B) to customers who were charged higher fees': a company is no 'who')
                elif before:
                    who = [before[-1].candidate]
                    if _PLURAL.match(text, e_start, e_end):
                        # 'A, age 38, and B, age 32, both of X, who were sentenced'
                        for m in before:
                            grp = conjoined(scanner, before, m, forward=True)
                            if before[-1].candidate in grp:
                                who = grp
                                break
                    relative.extend((c, e_start, e_end, stage) for c in who)
                    last_who = (who, e_end)
                elif lead := descr.lead_subject(text[prev_end:e_start]):   # 'A Des Moines man who was convicted …'
                    who_lead = lead.group(0)
                    leads.append((stage, e_start, e_end, s_end, who_lead))
                continue
            if voice == "right":
                reach = 120 if "including" in text[e_end:e_end + 45] else 60   # (a role before the first: groups.describes)
                near = in_sentence[bisect.bisect_left(in_starts, e_end):bisect.bisect_right(in_starts, e_end + reach)]
                obj = [m for m in near if describes(text[e_end:m.start])]
                if (pos := _POSSESSIVE_ROLE.match(text, e_end, s_end)) and (not obj or obj[0].start < pos.end()):
                    # 'charges de Oliveira's alleged supplier, Rui Sousa-Fontes, with': the one after the role
                    obj = [m for m in in_sentence if m.start == pos.end()]
                if obj:
                    subjects = conjoined(scanner, in_sentence, obj[0], forward=True)
                else:
                    # 'charges those same defendants, as well as A and B, with'
                    m = _AS_WELL_AS.match(text, e_end, s_end)
                    obj = in_sentence[bisect.bisect_left(in_starts, m.end()):bisect.bisect_right(in_starts, m.end() + 3)] if m else []
                    if obj:
                        subjects = conjoined(scanner, in_sentence, obj[0], forward=True)
                    else:
                        # 'ordered him to serve'; 'found a Sandy, Utah, man guilty' (named later)
                        n_of_m = refs.part_of_object(text, e_end, s_end) if stage == "arrested" else None
                        if n_of_m:
                            counted.append((stage, n_of_m))   # 'arrested five of the defendants'
                        subjects = [] if n_of_m else refs.object_pronoun(
                            text, e_end, refs.recent_defendant(mentions, starts, e_start), last, default_subjects, text[s_start:e_start]) \
                            or refs.caption_before(captions, text, e_end)   # 'United States v. X: ... indicted the defendant'
                        lead = (descr.lead_object(text, e_end) or descr.lead_objects(text, e_end)) \
                            if not (subjects or n_of_m) else None   # ('two of the defendants': not named next)
                        if lead:
                            leads.append((stage, e_start, e_end, s_end, lead.group(0)))
                        if not subjects and (n := (not lead and descr.generic_companies(text[e_end:e_end + 120])) or
                                             descr.listed_companies(text[e_end:s_end])):
                            companies.append((stage, n))   # 'charging two China-based chemical companies and …'
            else:
                semi = text.rfind("; ", prev_end, e_start) if text.startswith(("was ", "is ", "has "), e_start) else -1
                semi = semi if events[0][0] < e_start and events[0][1] < semi else -1   # ('A … to 140 months; B was …', after A's verb)
                hi = bisect.bisect_left(in_starts, e_start)   # (the mentions in [since, e_start), by bisection: linear)
                clause = in_sentence[bisect.bisect_left(in_starts, max(prev_end, semi)):hi] or in_sentence[bisect.bisect_left(in_starts, prev_end):hi]
                while clause and (len(clause) > 1 and (text.startswith(("’s ", "'s "), clause[0].end) or
                                                       vocab.IN_RELATIVE.search(text, prev_end, clause[0].start)) or
                                  employer(text, clause[0])):   # ('A former executive at Acme Inc. was': the person)
                    # "X's chief lab operator, Y, was sentenced": Y; "A man who was with X during a sale, Y,
                    # 29, has been charged": Y (X is inside the relative clause)
                    clause = clause[1:]
                if len(clause) > 1 and cues.PREPOSED.search(text, max(prev_end, clause[0].start - 20), clause[0].start):
                    head = conjoined(scanner, clause, clause[0], forward=True)   # 'In addition to A, …, B and C pleaded guilty'
                    clause = [m for m in clause if m.candidate not in head] or clause
                if clause and any(text.startswith("of ", m.start - 3) for m in clause):
                    # 'X (X USA), a subsidiary of Y S.A., pleaded guilty', 'a subsidiary of PHC, Z Inc., has agreed to
                    # plead guilty': never the parent
                    clause = [m for m in clause if not (text.startswith("of ", m.start - 3) and
                                                        PART_OF_PARENT.search(text, 0, m.start))]
                if clause and prev_subjects and _AND_VERB.fullmatch(text, clause[-1].end, e_start) and \
                        _OBJECT_LEFT.search(text, prev_end, clause[0].start):
                    clause = []   # 'A pleaded guilty, testified against B, and was sentenced': A's (B an object)
                if clause:   # ('since their arrests': a plural possessive)
                    plural = bool(_PLURAL.match(text, e_start, e_end)) or text.endswith("their ", 0, e_start) or \
                        " their " in text[e_start:e_end]   # ('A and B entered their guilty pleas')
                    first = clause[0]
                    grp = conjoined(scanner, clause, first, forward=True)
                    if plural and clause[-1].candidate not in grp:   # (the names right before the verb)
                        first, grp = group_before_verb(scanner, clause) or (first, grp)
                    if _ALL_BUT.search(text, max(prev_end, first.start - 40), first.start):
                        # 'All but C were arrested': everyone else the release names, never C
                        subjects = [c for c in default_subjects if c not in grp and not c.is_company] if plural else []
                    elif plural or (len(grp) > 1 and _PLED.match(text, e_start, e_end)):
                        subjects = grp + cues.family_listed(text, first.start, default_subjects, grp)
                    else:
                        subjects = [first.candidate]
                else:
                    before = text[prev_end:e_start]
                    described = descr.generic_companies(before)
                    if described:
                        companies.append((stage, described))
                    plural = bool(_PLURAL.match(text, e_start, e_end))
                    pronoun = refs.pronoun_subjects(before, refs.recent_defendant(mentions, starts, e_start, text), last,
                                                    default_subjects, e_start) if not prev_subjects else None
                    if refs.part_of_group(before):
                        # 'eight of the 21 defendants have been sentenced': which ones? (see the_others)
                        n_of_m = refs.part_of(before)
                        prev_counted = True
                        if n_of_m and stage == "arrested":
                            counted.append((stage, (*n_of_m, e_start)))   # (where: 'Six of the seven defendants named')
                    elif plural and (n_of_m := refs.bare_count(before, clause=True, noun=True)) and \
                            (stage == "arrested" or (n_of_m[0] or 0) < len(default_subjects)):
                        if stage == "arrested":
                            counted.append((stage, n_of_m))   # 'Four were arrested Tuesday; one remains a fugitive'
                        prev_counted = True   # ('… and three of them have been sentenced': some, named elsewhere)
                    elif stage == "arrested" and plural and refs.THEY.search(before) and \
                            (n_of_m := refs.part_of(text[s_start:e_start])) and n_of_m[0]:
                        counted.append((stage, n_of_m))   # 'Seven of the nine defendants are in custody; they were arrested'
                        prev_counted = True
                    elif prev_counted and refs.AND_THEN.match(before):
                        pass   # '… were arrested in 2016 and have since been convicted': the same count's
                    elif _EMPLOYER_SUBJECT.match(before) and \
                            len(named_co := [c for c in scanner.cands.values() if c.is_company and not (c.official or c.victim)]) == 1:
                        subjects = named_co   # 'His employer, a China-based chemical trading company, was sentenced': the one named
                    elif prev_subjects:
                        subjects = prev_subjects
                    elif pronoun is not None:
                        subjects = pronoun or (_last_pair(scanner, mentions, starts, e_start)
                                               if _THE_PAIR.search(before[-40:]) else [])
                    elif role := role_reference(scanner.text, mentions, before):   # 'The nurse practitioner was'
                        subjects = role
                    elif len(default_subjects) == 1 and not described and not OTHERS.search(before) and \
                            not (plural and _FOLLOWING.search(before)) and \
                            not descr.other_age(before, default_subjects[0]) and not refs.bare_count(before, clause=True) and \
                            not refs.victim_subject(scanner.mentions, s_start, e_start):
                        if stage in ("charged", "arrested") or id(default_subjects[0]) not in away:
                            subjects = default_subjects   # (a fugitive is not the one sentenced)
                    elif len(default_subjects) > 1 and (plural or _PLED.match(text, e_start, e_end)) and \
                            generic_group(before, len(default_subjects)):   # ('two Lafayette men pleaded guilty')
                        subjects = default_subjects  # 'A Dominican national and a Lawrence man were arrested'
                    elif plural and not described and (pair := descr.pair_subject(before)):
                        leads.append((stage, e_start, e_end, s_end, pair.group(0)))   # 'A Daly City husband and wife were'
                    elif plural and not described and (count := descr.count_subject(before)):
                        leads.append((stage, e_start, e_end, s_end, count))   # 'Two alleged leaders of … were extradited'
                    elif not (plural or described):   # (a company described: _described_companies)
                        lead = descr.lead_subject(before) or (descr.lead_subject(text[s_start:e_start]) if leads and leads[-1][3] == s_end and (not before.strip() or vocab.LEFT_AFTER.search(before)) else None)   # 'A Wichita man was sentenced', named later ('… has appeared following his extradition': the same one)
                        if lead:   # ('A father and son from Wilmington': the pair, two people)
                            pair = descr.pair_lead(lead.string, lead.start())
                            leads.append((stage, e_start, e_end, s_end, pair.group(0) if pair else lead.group(0)))
                    if not subjects and who_lead and leads[-1][1] != e_start:
                        leads.append((stage, e_start, e_end, s_end, who_lead))
            if len(subjects) == 1 and stage in ("arrested", "charged", "extradited"):
                subjects = subjects + cues.along_with(text, e_end, s_end, in_sentence, in_starts, subjects[0])   # 'was arrested along with X'
            lengths = respective_lengths(text, e_end, s_end, len(subjects)) if stage == "sentenced" else None
            for n, cand in enumerate(subjects):
                _record(cand, stage, text, e_end, events, e_start, s_end, lengths[n] if lengths else None, year)
                main.add(id(cand))
            if subjects:
                prev_subjects, prev_counted = subjects, False
                last = refs.Part(subjects) if voice == "right" and "including " in text[e_end:min(s_end, e_end + 60)] else subjects
                if voice == "left" and stage != "sentenced":
                    # 'X is also charged, as is a second company he controls, Y': Y too
                    comma = text.find(",", e_end, s_end)   # (every match holds a comma, then 'as')
                    m = _AS_IS.match(text, e_end, s_end) if comma >= 0 and text.find("as", comma, s_end) >= 0 else None
                    obj = [mm for mm in in_sentence if m and mm.start == m.end()]
                    for cand in conjoined(scanner, in_sentence, obj[0], forward=True) if obj else ():
                        _record(cand, stage, text, e_end, events, e_start, s_end)
                        main.add(id(cand))
            if voice == "left" or subjects:
                prev_end = e_end
        for cand, e_start, e_end, stage in relative:
            if id(cand) not in main or cues.verdict_before_sentencing(text, stage, e_start, s_end):
                _record(cand, stage, text, e_end, events, e_start, s_end)
        if any(e[2] == "sentenced" for e in events):
            # 'A was sentenced to 144 months; B, 31, to 60 months; and C to 37 months'
            first_end = min(e[1] for e in events if e[2] == "sentenced")
            bare = any(text.startswith("rece", e[0]) for e in events)   # 'A received 120 months, B 87 months'
            terms = [(m, elliptic_term(text, m, s_end, bare)) for m in in_sentence]
            several = sum(1 for _m, t in terms if t) > 1   # (one person's 'to 120 months on count one
            for m, term in terms:                          # and 60 on count two' keeps the total)
                if not term:
                    continue
                if id(m.candidate) not in main or m.candidate.stage != "sentenced":   # ('The defendants are A, 32, sentenced to')
                    _record(m.candidate, "sentenced", text, m.end, events, m.start, s_end, term)
                elif (m.start > first_end or m.candidate.sentence_text is None) and m.candidate.stage == "sentenced" \
                        and term[0] is not None and (several or m.candidate.sentence_text is None):
                    # 'Both were sentenced today: A to 240 months and B to 100 months': each one's own
                    m.candidate.sentence_months, m.candidate.sentence_text = term
    for stage, e_start, e_end, s_end, description in leads:   # (once every event is read: defendants by other evidence)
        for cand in descr.lead_group(mentions, starts, text, s_end, description) or \
                descr.lead_person(mentions, starts, text, s_end, description) or [c for _, c in captions[:len(captions) == 1]]:
            _record(cand, stage, text, e_end, all_events, e_start, s_end)
    if b":" in ascii_bytes(text):
        list_items(text, mentions, all_events, RANK)
    people = [c for c in scanner.cands.values() if not (c.official or c.victim or c.speaker or c.is_company)]
    counted_roster = counts.counted_roster(text, people) if len(people) >= 2 else None
    if counted_roster:   # each takes the stage said next to the count ('ten defendants charged')
        stage = counts.count_stage(text, counted_roster[1], all_events, RANK)
        for cand in counted_roster[0]:
            _record(cand, stage, text, 0, (), 0, 0)
    _named_once(scanner, mentions, away, words)
    if CELL in text or "–" in text or "—" in text or " - " in text:
        _rosters(text, mentions, all_events)
    for m, stage, term in verb_lines(text, mentions):   # 'Jane Roe, 36' / 'Sentenced to 70 months'
        _record(m.candidate, stage, text, 0, (), 0, 0, term)
    for cand, term in cues.kin_in_lead(text, mentions):   # '… man was sentenced …, and his girlfriend to 70 months'
        _record(cand, "sentenced", text, 0, (), 0, 0, term)
    if companies:
        _described_companies(scanner, mentions, companies, text)
    for m in labelled_roster_companies(text, mentions):   # ('DEFENDANTS:' then a company's line)
        m.candidate.evidence.add("event")
    if counted:   # once every name is known (rosters included): who 'five of the defendants' are
        pool = list({id(c): c for c in default_subjects + [m.candidate for m in mentions if "event" in m.candidate.evidence]
                     + [c for c in scanner.cands.values() if c.is_defendant] if not c.is_company}.values())
        # ('X, who bought pills for resale, has been charged separately in the S.D.N.Y.': no one of the count)
        apart = {id(m.candidate) for m in mentions if _CHARGED_APART.match(text, m.end, m.end + 120)} \
            if "separately" in text or "elsewhere" in text or "another district" in text else set()
        for stage, n_of_m in counted:
            for cand in refs.the_others(n_of_m, pool, away | apart, _BEYOND_ARREST):
                _record(cand, stage, text, 0, (), 0, 0)


_PLURAL = re.compile(r"\s*(?:were|are|have|remain)\b")   # ("remain detained": plural)
_ALL_BUT = re.compile(r"\b(?:[Aa]ll|[Ee]veryone|[Ee]ach)\b[^.;]{0,30}?\b(?:but|except)(?:\s+for)?\s+$")
_AS_IS = re.compile(r"(?:\s+[^,;.]{1,40}?)?,\s+as\s+(?:is|was|are|were)\s+(?:(?:his|her|their|its|an?|the)\s+[^,;.]{1,60}?,\s+)?")
_FOLLOWING = re.compile(r"\b[Tt]he\s+following\s+(?:\w+\s+)?$")   # ('The following defendants were sentenced:' a list's)
_CHARGED_APART = re.compile(r"(?:,[^,;.]{1,60},)?,?\s+(?:has|have|was|were|is|are)\s+(?:been\s+)?(?:also\s+)?(?:charged|indicted|prosecuted)\s+"
                            r"(?:separately|elsewhere|in\s+(?:a\s+)?(?:separate|another)\b)")
_HANDED_NAME = re.compile(NAMED_THEN_A + r"(?:total\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:prison\s+)?(?:sentence|term)\b")
_THE_PAIR = re.compile(r"\b[Tt]he\s+(?:couple|pair)\s+$")
_UNTIL_HELD = re.compile(r"\b(?:until|till|once|before)\s+(?:\w+\s+){0,2}$")
_EMPLOYER_SUBJECT = re.compile(r"\s*(?:[A-Z][\w .,’']{1,40}?\s*[–—-]+\s*)?(?:His|Her|Their)\s+(?:former\s+)?employer\b[^.;]{0,120}$")
_AND_VERB = re.compile(r",?\s+and\s+(?:then\s+|later\s+)?")   # (a verb with no subject of its own)
_OBJECT_LEFT = re.compile(r"\b(?!and\b|but\b|or\b|while\b|then\b)[a-z]+\s+$")   # (a name right after a verb or preposition)
_PLED = re.compile(r"\s*(?:pleaded|pled|entered|enters)\b")   # ('A, 24, and B, 51, have entered guilty pleas')
_AS_WELL_AS = re.compile(r"\s+(?:those|these|the|all)\s+(?:same\s+|other\s+|\w+\s+)?(?:defendants|individuals|companies|men|women),?\s+(?:as\s+well\s+as|along\s+with|together\s+with|and)\s+")


def _last_pair(scanner: _Scanner, mentions: list, starts: list[int], before: int) -> list[Candidate]:
    """'A, 36, and his wife, B, 33, … The couple were arrested': the last two people named together
    before the verb (the nearest pair within the last dozen names), or none."""
    k = bisect.bisect_left(starts, before)
    for i in range(k - 1, max(-1, k - 13), -1):
        m = mentions[i]
        if m.candidate.is_company or m.candidate.official or m.candidate.victim:
            continue
        grp = conjoined(scanner, mentions, m, forward=True)
        if len(grp) == 2 and i + 1 < k:
            return grp
    return []
