"""Case stages from the verbs of a DOJ release: which event ("was indicted", "pleaded
guilty", "was sentenced ... to 120 months"; found by events.py) belongs to which person, the
furthest stage each person reached, and prison terms (pure functions)."""
from __future__ import annotations

import bisect
import re

from . import counts, cues, refs
from . import leads as descr
from . import verbs as vocab
from .events import _events_in, _verbs_in
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
from .terms import elliptic_term, respective_lengths
from .textscan import _sentence_spans_at, ascii_bytes

# ('detained': held in custody, 'ordered detained pending trial' -- an arrest, unless the release's title
# says how: extradited; extract.py writes it as one or the other)
_BEYOND_ARREST = frozenset(s for s in STAGES if RANK[s] > RANK["extradited"])
_POSSESSIVE_ROLE = re.compile(r"\s+(?:[A-Za-z][\w’'.-]*\s+){0,3}?[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*,\s+")


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
            if voice == "judge":
                # 'Judge X imposed 240 months …': the term of the one person the last event was about, sentenced
                # with no term yet
                if len(last) == 1 and last[0].stage == "sentenced" and last[0].sentence_months is None:
                    _record(last[0], stage, text, e_end, events, e_start, s_end, None, year)
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
                            (stage == "arrested" or ((n_of_m[0] or 0) < len(default_subjects) and
                                                     not descr.count_subject(before))):   # ('Two men pleaded guilty': a lead)
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
                    elif not described and (pair := descr.pair_subject(before)):   # (a pair is plural: 'pleaded')
                        leads.append((stage, e_start, e_end, s_end, pair.group(0)))   # 'A Daly City husband and wife were'
                    elif not described and (count := descr.count_subject(before)):   # ('Two men pleaded guilty')
                        leads.append((stage, e_start, e_end, s_end, count))   # 'Two alleged leaders of … were extradited'
                    elif not (plural or described):   # (a company described: _described_companies)
                        # 'A Wichita man was sentenced', named later; a later event of the lead's own sentence is
                        # the lead's only right after it or after 'following (his)', 'after', 'upon' ('… has appeared
                        # following his extradition': the same man; not a clause with a subject of its own)
                        lead = descr.lead_subject(before)
                        if lead is None and leads and leads[-1][3] == s_end and \
                                (not before.strip() or vocab.LEFT_AFTER.search(before)):
                            lead = descr.lead_subject(text[s_start:e_start])
                        if lead is None and prev_end > s_start:
                            lead = descr.lead_with_who(text, s_start, e_start)
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
_THE_PAIR = re.compile(r"\b[Tt]he\s+(?:couple|pair)\s+$")
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
