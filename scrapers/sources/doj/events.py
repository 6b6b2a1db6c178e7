"""Case events from the verbs of a DOJ release: every case verb ("was indicted", "pleaded guilty",
"was sentenced ... to 120 months", "the indictment charges X") found in the text, with the stage it
reports and which side of it the person stands on; background events (a conviction years before,
a co-defendant's case) left out. stages.py gives the events to people (pure functions)."""
from __future__ import annotations

import bisect
import re

from . import refs
from . import verbs as vocab
from .terms import LENGTH, NAMED_THEN_A
from .textscan import ascii_bytes
from .verbs import _STEM_SEARCHES

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
# a judge's term in a sentence of its own ("Judge X imposed 240 months …"); custody and charging papers after
# a passive verb; a plea that is not guilty, or only may come; a verdict written "before finding A, B guilty"
_JUDGE_LEFT = re.compile(r"\b(?:Judge|[Cc]ourt)\b[^.;,]{0,50}?\s+(?:(?:has|had)\s+)?(?:now\s+|also\s+|then\s+)?$")
_IMPOSED_TERM = re.compile(r"\s+(?:an?\s+|the\s+)?(?:total\s+(?:of\s+)?|sentence\s+of\s+)?(?:\d{1,3}|[a-z]+(?:[-\s][a-z]+)?)[\s-]+"
                           r"(?:months?|years?)\b(?!\s+of\s+(?:supervised|probation))", re.I)
_CUSTODY_AFTER = re.compile(r"\s+(?:(?:state|federal|county|local|pretrial)\s+)?custody\b|\s+the\s+custody\s+of\b|"
                            r"\s+(?:the\s+)?(?:[A-Z][\w.’']*\s+){1,4}(?:Jail|Detention\s+(?:Center|Facility)|Corrections?\s+Center|"
                            r"Correctional\s+(?:Center|Facility|Institution))\b")
_CHARGING_PAPER = re.compile(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:indictment|complaint|criminal\s+information)\b")
_PLEADED_NOT = re.compile(r"\b(?:pleaded|pled|pleads|plead|entered\s+(?:a\s+)?pleas?\s+of)\s+not\s+$")
_IF_UNTIL = re.compile(r"\b(?:[Uu]nless|[Uu]ntil|[Ii]f)\b[^.;]{0,100}$")   # (a plea that may come)
_JURY_LEFT = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:federal\s+)?(?:jury|jurors|[Jj]udge|court)\b[^.;:]*?\b(?:before|after|in|by)\s+$")
_GUILTY_AFTER = re.compile(r"\s+[A-Z][^\n]{0,300}?\s+(not\s+)?guilty\b")   # (within the sentence: abbreviations, lists)


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
        if ("not" in left or "never" in left or "either" in left or "none" in left or "one " in left[-16:]) and _NEGATED.search(left):
            if kind == "guilty" and (nm := _PLEADED_NOT.search(left)) is not None:
                out.append((base + nm.start(), j, "charged", "left"))   # 'X has pleaded not guilty' (arraigned: charged)
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
            if stem == "finding":
                # 'The jury deliberated for two days before finding A, 57, B and C LLC guilty': the verdict's
                # own sentence says who found, and 'guilty' closes the list
                if _JURY_LEFT.search(left) and (g := _GUILTY_AFTER.match(text, j, seg_end)):
                    out.append((i, j, "acquitted" if g.group(1) else stage, "right"))
            elif _LEFT_COURT.search(left):
                acquittal = stem == "found" and _NOT_GUILTY.match(text, j, seg_end)
                out.append((i, j, "acquitted" if acquittal else stage, "right"))
        elif kind == "guilty":
            m = _LEFT_PLEAD.search(left)
            if m and ("not" in left or "never" in left) and _NEGATED.search(left, 0, m.start()):
                continue   # 'has not pleaded guilty and remains in custody'
            if m and m.group(0).startswith(("pleads", "plead ")) and _IF_UNTIL.search(left, 0, m.start()):
                continue   # 'presumed innocent unless and until … proves the charges at trial or he pleads guilty'
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
            if (_RECEIVED.match(text, j, seg_end) or _received_length(text, j, seg_end)) and \
                    not (stem in ("will serve", "will spend") and refs.CONDITIONAL.search(left)):
                out.append((i, j, stage, "left"))
            elif stem == "handed" and _HANDED_NAME.match(text, j, seg_end):
                out.append((i, j, stage, "right"))   # 'Judge X handed Guajardo Lozano a 97-month sentence
        elif kind == "judge":
            # 'Judge X imposed 240 months on the drug counts and a consecutive 60 months on the firearm count'
            # (the term of the one person sentenced just before; never supervised release or probation alone)
            if _JUDGE_LEFT.search(left) and _IMPOSED_TERM.match(text, j, seg_end):
                out.append((i, j, stage, "judge"))
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
        elif kind == "named_in":
            k = _be_start(left)
            if k is not None and _CHARGING_PAPER.match(text, j, seg_end):
                hist = _history(text, base, k, j, stage, year, s_start)
                if hist is not True:
                    out.append((base + k, j, stage, "who" if hist else "left"))
        elif kind == "held_in":
            k = _be_start(left)
            if k is not None and _CUSTODY_AFTER.match(text, j, seg_end) and not vocab.HELD_OTHERWISE.search(text, j, seg_end) \
                    and not refs.CONDITIONAL.search(left[-30:]) and not _UNTIL_HELD.search(left[-30:]):
                out.append((base + k, j, stage, "left"))
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


_ORDER_TO = re.compile(r"\s+((?:him|her|them|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})(?:\s*\([^()]{1,40}\))?(?:,[^,;.]{1,40}){0,3},?\s+)?"
                       r"(?:today\s+|yesterday\s+|on\s+\w+\s+)?to\s+(?:serve|spend|(?:federal\s+)?prison)\b")   # ('ordered X, 34, of Y, Mexico,', 'X (41, Jacksonville)')
_PROBATION_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?probation\b")
_AS_TO = re.compile(r"\s+(?:as\s+to|for|in\s+the\s+case\s+(?:of|against))\s+(?=[A-Z])")
_TO_THE_US = re.compile(r"(?:\s+(?:today|yesterday|on\s+\w+))?(?:\s+from(?:\s+[A-Z][\w.-]*){1,3})?(?:\s+and\s+\w+)?"
                        r"\s+(?:to|into)\s+(?:the\s+United\s+States|U\.S\.\s+custody|the\s+custody\s+of\s+U\.S\.)")
_PASSIVE_THEN = {"transfer": _TO_THE_US, "probation": _PROBATION_AFTER}
_ORDER_DETAINED = re.compile(r"\s+((?:him|her|them|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+)?(?:to\s+be\s+)?"
                             r"(?:detained\b|held\s+(?:pending|without|in\s+custody)\b)")   # ('ordered him held pending a detention hearing')
_RECEIVED = re.compile(r"\s+(?:(?:an?|the)\s+)?(?:total\s+)?(?:[\w-]+\s+){0,2}?(?:sentences?|terms|prison\s+term|term\s+of\s+imprisonment)\b|"
                       r"\s+(?:a\s+total\s+of\s+)?(?:\d+|[a-z]+(?:[-\s][a-z]+)?)[\s-]+(?:years?|months?|decades?)\s+(?:in|of|behind)\s+(?:federal\s+)?"
                       r"(?:prison|imprisonment|bars)|"
                       r"\s+(?:an?\s+)?(?:[\w-]+[\s-]+(?:years?|months?)\s+of\s+)?probation\b|"   # 'received five years of probation'
                       r"\s+\d{1,3}[\s-]+(?:years?|months?)(?:\s+on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"   # ('… on July 18;')
                       r"(?=\s*[,;.]|\s+and\b)", re.I)   # 'A received 120 months, B 87
_RECEIVED_LEAD = re.compile(r"\s*(?:a\s+total\s+of\s+)?")   # (always matches)
_TERM_ENDS = re.compile(r"\s*[,;.]|\s+and\b|\s+(?:in|behind)\s+(?:federal\s+)?(?:prison|bars)\b")


def _received_length(text: str, j: int, end: int) -> bool:
    """'received seven and a half years.', 'received a total of twelve years and seven months, …': a length
    written in words (terms.LENGTH) that ends its clause."""
    t = LENGTH.match(text, _RECEIVED_LEAD.match(text, j, end).end(), end)
    return t is not None and _TERM_ENDS.match(text, t.end(), end) is not None


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
_NEGATED = re.compile(r"\b(?:(?:not|never)\s+(?:yet\s+)?|(?:neither|none|no\s+one)(?:\s+of\s+(?:them|which|whom|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|defendants)(?:\s+defendants)?))?\s+(?:was|were|has|have|is)\s+)(?:been\s+|be\s+)?$", re.I)
_TO_BE = re.compile(r"\bbe\s+$")
_INTO_CUSTODY = re.compile(r"\s+(?:[\w’'.-]+\s+){1,5}?into\s+(?:federal\s+)?custody\b")
_NOT_GUILTY = re.compile(r"(?:(?!guilty)[^.;]){0,80}?\bnot\s+guilty\b")
_DOWN_TO = re.compile(r"[^.;]{0,60}?\bto\s+(?=[A-Z])")
_COORDINATED = re.compile(r"\b(?:was|were|(?:has|have)\s+been)\s+(?:\w+\s+)?(?:arrested|apprehended|detained|charged|indicted|tried|"
                          r"convicted)\b[^.;,:]{0,50}?\s+and\s+(?:later\s+|then\s+|subsequently\s+|ultimately\s+)?$")
_LEFT_POSSESSIVE = re.compile(r"\b(?:his|her|their|the\s+defendants?[’']s?)\s+$", re.I)
_LEFT_CHARGING = re.compile(r"\b(?:criminal\s+complaint|complaint\s+affidavit|affidavit|indictment|criminal\s+information|criminal\s+charges|federal\s+charges|charges\s+(?:were\s+)?(?:filed|unsealed|brought)|charges\s+remain\s+pending)\b[^.;:]{0,40}$", re.I)
_HANDED_NAME = re.compile(NAMED_THEN_A + r"(?:total\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:prison\s+)?(?:sentence|term)\b")
_UNTIL_HELD = re.compile(r"\b(?:until|till|once|before)\s+(?:\w+\s+){0,2}$")
