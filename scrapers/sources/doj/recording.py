"""Where a DOJ release's stages are written down: the stage ranks, `record` (a person's
furthest stage, and a sentence's term from its clause), and the passes that need no case verb
of the person's own -- table rows and bullets, co-defendants named once, companies a verb was
about only as a description (stages.py runs them)."""
from __future__ import annotations

import bisect
import re

from . import cues, refs
from . import leads as descr
from . import verbs as vocab
from .groups import conjoined
from .people import Candidate, Mention, _Scanner
from .roster import roster_lines
from .terms import clause_term

# (dismissed: the person's whole case, acquitted: by a verdict the release reports; a plea or conviction on another
# count ranks above either)
STAGES = ["other", "charged", "detained", "arrested", "extradited", "dismissed", "acquitted", "pleaded_guilty", "convicted",
          "sentenced"]
RANK = {s: i for i, s in enumerate(STAGES)}


def _record(cand: Candidate, stage: str, text: str, e_end: int, events, e_start: int, s_end: int,
            length: tuple | None = None, year: int | None = None) -> None:
    cand.evidence.add("event")
    if cand.stage is None or RANK[stage] > RANK[cand.stage]:
        cand.stage = stage
    if stage != "sentenced":
        return
    if length is not None:
        months, label = length
    else:   # (the length is in this clause of this sentence)
        nxt = [s for s, _, _, _ in events if s > e_start]
        months, label = clause_term(text, e_start, e_end, min(nxt) if nxt else s_end)
    when = vocab.term_when(text, e_start, e_end, s_end, year) if e_end else ""   # (today's term over one dated years back)
    if cand.is_company and months == 0:
        months = None   # (a company's probation: no prison term applies to it, none to state)
    if label and cand.sentence_text != "life in prison" and vocab.term_wins(when, months, label, cand):
        cand.sentence_months, cand.sentence_text, cand.term_when = months, label, when


def _described_companies(scanner: _Scanner, mentions: list[Mention], described: list[tuple[str, int]],
                         text: str) -> None:
    """Companies a case verb was about only as a description ('An India-based chemical company
    ... was charged'), named elsewhere without a verb of their own ('According to court
    documents, X Private Limited, a chemical manufacturer, ... allegedly sold'): when every
    description says the same stage, and as many named companies lack one as the descriptions
    leave over once the named companies with a case verb are counted, each of those takes it --
    only if each is named as an actor (a company noun in apposition, or 'allegedly' after it in
    its sentence: not a carrier or a bank the text mentions). Anything else: none (which
    description is which company cannot be told)."""
    stages = {stage for stage, _ in described}
    if len(stages) != 1:
        return
    stage = stages.pop()
    named = [c for c in scanner.cands.values() if c.is_company and not (c.official or c.victim or c.speaker)]
    without = [c for c in named if "event" not in c.evidence]
    if not without or sum(n for _, n in described) - (len(named) - len(without)) != len(without):
        return
    if all(any(m.candidate is cand and descr.named_as_actor(text, m.end, m.start) for m in mentions) for cand in without):
        for cand in without:
            _record(cand, stage, text, 0, (), 0, 0)


# a role before the first name of a list ('Vang’s business, X LLC', 'his girlfriend, Y')
_ROLE_FIRST = re.compile(r"(?:[A-Z][\w.-]*[’']s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+")


def _named_once(scanner: _Scanner, mentions: list[Mention], away: set[int], words: set[str] | None = None) -> None:
    """Co-defendants named only once, without a verb of their own: 'Also charged are A, B and C,
    who remain fugitives'; 'Two others, A and B, remain at large' (charged, not arrested)."""
    text = scanner.text
    hits = refs.also_named(text, words)
    starts = [m.start for m in mentions] if hits else []
    named = [(h.end(), "arrested" if h.group("v").lower() == "arrested" else "charged") for h in hits]
    named += [(at, "charged") for at in refs.labelled(text)]   # 'co-defendants A and B' (at least charged)
    if named and not starts:
        starts = [m.start for m in mentions]
    for at, stage in named:
        if (role := _ROLE_FIRST.match(text, at)) is not None:
            at = role.end()   # 'Also charged in the indictment are Vang’s business, X LLC, and B'
        k = bisect.bisect_left(starts, at)
        if k < len(mentions) and mentions[k].start == at:
            for cand in conjoined(scanner, mentions, mentions[k], forward=True):
                _record(cand, stage, text, 0, (), 0, 0)
    for i, m in enumerate(mentions if away else ()):
        if id(m.candidate) in away and refs.fugitive_after(text, m):
            group, first = [m.candidate], m   # the fugitive and the names conjoined before it
            for p in reversed(mentions[max(0, i - 12):i]):
                if m.candidate not in conjoined(scanner, mentions, p, forward=True):
                    break
                group.append(p.candidate)
                first = p
            # a fugitive named in passing ('the cartel's leader, X, who remains a fugitive') is no defendant
            # here: only one known otherwise, or labelled ('Two others, A and B', 'A third employee, C')
            labelled = bool(cues.OTHERS_LABEL.search(text, max(0, first.start - 40), first.start) or
                            cues.DEFENDANT_SUBJECT.search(text, max(0, first.start - 160), first.start))
            for cand in group:
                if labelled or cand.evidence:
                    _record(cand, "charged", text, 0, (), 0, 0)


def _rosters(text: str, mentions: list[Mention], events: list[tuple[int, int, str, str]]) -> None:
    """Table rows and dashed bullets (roster.py): each line's own stage, term, age and town."""
    starts = [m.start for m in mentions]
    for at, stage, months, label, age, residence in roster_lines(text, starts, events, RANK):
        cand = mentions[bisect.bisect_left(starts, at)].candidate
        if age and cand.age is None:
            cand.age = age
            cand.evidence.add("age")
        if residence and cand.residence is None:
            cand.residence = residence
        if stage:
            _record(cand, stage, text, 0, (), 0, 0, (months, label) if stage == "sentenced" else None)
