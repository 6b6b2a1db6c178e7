"""Cues about whom a DOJ sentence is about: labels before a name ('Two others, A and B', 'A third
defendant charged in the same indictment, the company's vice president, X'), a person joined to the
subject after the verb ('X was arrested along with a co-defendant, Y'), a name before the subject ('In
addition to A, …') and a person's employer before 'who' (pure)."""
from __future__ import annotations

import bisect
import re

from .people import Candidate, Mention
from .terms import sentence_months

# the label before fugitives named only once ('Two others, A and B, remain at large')
OTHERS_LABEL = re.compile(r"\b(?:others?|co-?defendants?|defendants?|individuals|men|women|people|(?:second|third|fourth|fifth|"
                           r"another|other)\s+(?:employee|member|suspect|co-?conspirator|associate|man|woman|person))\s*[,:–—-]?\s*$", re.I)


# ... or a defendant as the subject the name is in apposition to ('A third defendant charged in the
# same indictment, the company's vice president, X, remains at large')
DEFENDANT_SUBJECT = re.compile(r"(?:^|[.!?]\s+|\n)(?:A|An|The|One)\s+(?:(?:[a-z]+\s+)?(?:co-?)?defendants?"
                               r"(?:\s+(?:charged|named|indicted)\b[^,.;:\n]{0,60})?"
                               # ('A Mexican money broker charged in the same case, X, remains a fugitive')
                               r"|(?:[\w-]+\s+){1,4}?(?:charged|indicted)\s+(?:in|with|alongside|along)\b[^,.;:\n]{0,60})"
                               r",\s+(?:[^,.;:\n]{1,60},\s+)?$")   # (the name right after)


# 'X was arrested on Tuesday along with a co-defendant, Y' (the same stage for Y, named after the verb)
_ALONG_WITH = re.compile(r"[^.;]{0,60}?\balong\s+with\s+(?:(?:his|her|their|a|an|the)\s+)?(?:co-?defendants?|wife|husband|"
                         r"brother|sister|son|daughter|father|mother|girlfriend|boyfriend|associate|accomplice)?,?\s*$")


def along_with(text: str, e_end: int, s_end: int, in_sentence: list[Mention], in_starts: list[int],
               subject: Candidate) -> list[Candidate]:
    """The person a singular verb's subject is joined to after it ('… along with a co-defendant, Y')."""
    k = bisect.bisect_right(in_starts, e_end)
    for m in in_sentence[k:k + 8]:
        if m.start < s_end and m.candidate is not subject and not m.candidate.is_company:
            return [m.candidate] if _ALONG_WITH.match(text, e_end, m.start) and not text[e_end:m.start].count(",") > 2 else []
    return []


# 'X, 34, who was convicted by a federal jury in July and is scheduled to be sentenced in November': the
# verdict of the relative clause is further than the stage 'scheduled to be sentenced' stands for (a plea)
_JURY_VERDICT = re.compile(r"convicted\s+(?:(?:by\s+a\s+(?:federal\s+)?jury|at\s+(?:a\s+)?trial)|(?:\w+\s+){0,6}?"
                           r"(?:following|after)\s+a\s+(?:[\w-]+\s+){0,2}?trial)\b")
_TO_BE_SENTENCED = re.compile(r"\b(?:scheduled|set|due)\s+to\s+be\s+sentenced|\bawaiting\s+sentencing")


def verdict_before_sentencing(text: str, stage: str, e_start: int, s_end: int) -> bool:
    """A relative clause's jury verdict, in a sentence that then says the person awaits sentencing."""
    return stage == "convicted" and _JURY_VERDICT.search(text, e_start, min(s_end, e_start + 90)) is not None and \
        _TO_BE_SENTENCED.search(text, e_start, s_end) is not None


# 'The Fant brothers, Dunaway, Crenshaw and Hensley were arrested': the family opens the list
_FAMILY_LISTED = re.compile(r"\b[Tt]he\s+([A-Z][\w’'-]+)\s+(?:brothers|sisters|siblings|cousins|couple)\s*,\s*(?:and\s+)?$")


def family_listed(text: str, at: int, pool: list[Candidate], grp: list[Candidate]) -> list[Candidate]:
    """The members of a family named by its surname right before the list starting at `at`."""
    m = _FAMILY_LISTED.search(text, max(0, at - 45), at) if "he " in text[max(0, at - 45):at] else None
    return [c for c in pool if c not in grp and c.name.split()[-1] == m.group(1)] if m else []


# 'A Murfreesboro man was sentenced today to 17 years in prison, and his girlfriend to 70 months in
# prison, …' and later 'His girlfriend, Jane Roe, 29, packaged the pills': Jane Roe's term
_KIN_TERM = re.compile(r"\bsentenced\b[^.;]{0,80}?,?\s+and\s+(?:his|her)\s+(wife|husband|girlfriend|boyfriend|brother|sister|"
                       r"son|daughter|mother|father|co-defendant|accomplice|partner)\s+(to\s+[^,;.]{3,40})")


def kin_in_lead(text: str, mentions: list[Mention]) -> list[tuple[Candidate, tuple]]:
    """(person, (months, label)) for a relative the lead sentences by role only (see above), once the
    text names the relative ('His girlfriend, X,' / 'Roe’s girlfriend, X,')."""
    head = text[:600]
    m = _KIN_TERM.search(head) if " and his " in head or " and her " in head else None
    if m is None or not (term := sentence_months(m.group(2)))[1]:
        return []
    label = re.compile(rf"(?:\b[Hh](?:is|er)|[A-Z][\w-]+[’']s?)\s+{m.group(1)},\s+$")
    return [(mm.candidate, term) for mm in mentions
            if mm.start > m.end() and label.search(text, max(0, mm.start - 40), mm.start)][:1]


# a name before the subject, in a phrase opening the sentence (capitalised): 'In addition to A, … B and C pleaded guilty'
PREPOSED = re.compile(r"\b(?:In\s+addition\s+to|Along\s+with|Besides|Like|Unlike|As\s+with)\s+$")


# a person's place at a company ('the owner of', 'a sales manager at'; groups._ROLE_AT reads them too)
EMPLOYEE_ROLES = "owner|co-owner|manager|president|operator|founder|employee|director|executive|officer"
_ROLE_OF = re.compile(rf",\s*(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{EMPLOYEE_ROLES}|administrator|partner)\s+(?:of|at|for)\s+$")


def without_employer(text: str, before: list[Mention]) -> list[Mention]:
    """The names before a 'who' clause without a company closing them as a person's employer ('B, 50, of Los
    Mochis, a part owner of Acme S.A., who was extradited': the 'who' is B)."""
    if len(before) > 1 and before[-1].candidate.is_company and not before[-2].candidate.is_company and \
            before[-1].start - before[-2].end < 120 and _ROLE_OF.search(text, max(0, before[-1].start - 60), before[-1].start):
        return before[:-1]
    return before


# a second verb of a 'who' clause: '…, who pleaded guilty to conspiracy to distribute fentanyl and was sentenced in
# November to five years' (no name and no stop between)
AND_AFTER_WHO = re.compile(r"[^.;:A-Z]{0,120}?,?\s+and\s+(?:then\s+|later\s+)?")
