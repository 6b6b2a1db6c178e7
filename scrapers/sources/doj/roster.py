"""Rosters: defendants listed one a line with no verb of their own (pure functions).

- table rows, their cells joined by htmltext.CELL: 'Jane Roe | 34 | Dayton, Ohio | Sentenced to
  60 months', maybe under a header row 'Name | Age | City | Status' ('Defendant', 'Hometown',
  'Residence', 'Charge(s)', 'Sentence', 'Disposition', 'Date of Plea' ...);
- bullets or lines 'Jane Roe, 34, of Dayton – sentenced to 60 months' ('Name: pleaded guilty').

Each line gives its own person's stage, prison term, age and town; a line without a stage takes
the stage of the introduction that ends with ':' ('The following defendants were charged:').
A line counts only when it starts with a name found by the name scanner."""
from __future__ import annotations

import bisect
import re

from ...countries import normalize_country
from .districts import geo
from .headers import BULLET, table_lines
from .htmltext import CELL
from .people import Mention
from .terms import LENGTH, sentence_months, term_at
from .textscan import SENTENCE_STOP, _abbreviation_ends_at

# a status at the start of a cell or after a bullet's dash ('Sentenced to 60 months', 'pleaded guilty')
_STATUS_WORDS = (r"(?P<w>re-?sentenced|sentenced|time\s+served|pleaded\s+guilty|pled\s+guilty|guilty\s+plea|convicted|"
                 r"found\s+guilty|extradited|arrested|in\s+(?:federal\s+|state\s+)?custody|fugitive|at\s+large|charged|indicted)\b")
_STATUS = re.compile(r"(?:was\s+|were\s+|has\s+been\s+)?(?:(?:being\s+)?held\s+)?" + _STATUS_WORDS, re.I)   # ('– held in state custody')
# ... and each later one in the cell, opening a sentence of it
_STATUS_LATER = re.compile(r"(?<=\.\s)" + _STATUS_WORDS, re.I)
_STAGE_OF = {"re-sentenced": "sentenced", "resentenced": "sentenced", "sentenced": "sentenced",
             "time served": "sentenced", "pleaded guilty": "pleaded_guilty", "pled guilty": "pleaded_guilty",
             "guilty plea": "pleaded_guilty", "convicted": "convicted", "found guilty": "convicted",
             "extradited": "extradited", "arrested": "arrested", "in custody": "arrested",
             "in federal custody": "arrested", "in state custody": "arrested", "fugitive": "charged", "at large": "charged",
             "charged": "charged", "indicted": "charged"}
_IN_PRISON = re.compile(r"\s+(?:in\s+(?:federal\s+)?prison|of\s+(?:federal\s+)?imprisonment|imprisonment)\b")
# after the name and its appositive ('Jane Roe, 34, of Dayton'): a dash or a colon, then the status
_DASHED = re.compile(r"[^–—:;]{0,90}?(?:\s[–—-]+\s*|:\s+|\s*[–—]\s*)")
_AGE = re.compile(r"\d{1,2}")
_WS = re.compile(r"\s+")

Line = tuple  # (mention start, stage | None, months | None, term label | None, age | None, residence | None)


def _status(cell: str, rank: dict) -> tuple[str | None, float | None, str | None]:
    """The stage a cell or a bullet's tail states, the furthest of those it states one after the other
    (`rank`: stage order), with its prison term when sentenced."""
    m = _STATUS.match(cell)
    if not m:
        # a prison term alone ('– 132 months in prison (sentenced February 6, 2025)'): sentenced to it
        t = LENGTH.match(cell)
        if t and _IN_PRISON.match(cell, t.end()):
            months, label = term_at(t, cell)
            return ("sentenced", months, label) if label else (None, None, None)
        return None, None, None
    stage = _STAGE_OF[_WS.sub(" ", m.group("w").lower())]
    if stage != "sentenced" and ". " in cell:   # 'Pleaded guilty June 26, 2015. Sentenced to 21 years …': the furthest
        later = [_STAGE_OF[_WS.sub(" ", x.group("w").lower())] for x in _STATUS_LATER.finditer(cell)]
        stage = max([stage, *later], key=rank.get)
    if stage != "sentenced":
        return stage, None, None
    months, label = _term(cell)
    return stage, months, label


def _term(cell: str) -> tuple[float | None, str | None]:
    low = cell.lower()
    if "time served" in low:
        return 0.0, "time served"
    if "life" in low:
        months, label = sentence_months(low[low.find("life") - 3:] if low.find("life") >= 3 else low)
        if label:
            return months, label
    m = LENGTH.search(cell)
    return term_at(m, cell) if m else (None, None)


def _table_row(cells: list[str], roles: list[str | None] | None, rank: dict) -> tuple:
    """(name cell index, stage, months, label, age, residence) of a data row."""
    stage = months = label = age = residence = None
    name_at = roles.index("name") if roles else 0
    for i, cell in enumerate(cells):
        role = roles[i] if roles and i < len(roles) else None
        if i == name_at or not cell:
            continue
        got = _status(cell, rank)
        if role == "age" or (role is None and _AGE.fullmatch(cell)):
            if _AGE.fullmatch(cell) and 14 <= int(cell) <= 99:
                age = int(cell)
        elif role == "residence":
            residence = cell
        elif got[0]:
            stage, months, label = got
        elif role == "sentence" and LENGTH.search(cell) or role == "sentence" and "time served" in cell.lower():
            stage, (months, label) = "sentenced", _term(cell)
        elif role in ("pleaded_guilty", "arrested") and any(ch.isdigit() for ch in cell):
            stage = stage or role
        elif role == "charge":
            stage = stage or "charged"
    return name_at, stage, months, label, age, residence


def roster_lines(text: str, starts: list[int], events: list[tuple[int, int, str, str]], rank: dict) -> list[Line]:
    """Every roster line of `text` whose person is a name mention starting at one of `starts`
    (sorted); `events`: the text's (start, end, stage, voice), sorted; `rank`: stage order."""
    out: list[Line] = []
    ev_starts = [e[0] for e in events]
    if CELL not in text:
        return _bullets(text, starts, events, ev_starts, rank)
    intro = None
    for pos, end, cells, roles in table_lines(text):
        if cells is not None:
            name_at, *rest = _table_row(cells, roles, rank)
            at = pos + sum(len(c) + len(CELL) for c in cells[:name_at])
            at = BULLET.match(text, at).end()
            k = bisect.bisect_left(starts, at)
            if k < len(starts) and starts[k] == at:
                out.append((at, rest[0] or intro, *rest[1:]))
        else:
            at = BULLET.match(text, pos, end).end()
            k = bisect.bisect_left(starts, at)
            if text[pos:end].rstrip().endswith(":"):
                lo, hi = bisect.bisect_left(ev_starts, pos), bisect.bisect_left(ev_starts, end)
                intro = max((e[2] for e in events[lo:hi]), key=rank.get, default=None)
            elif not (k < len(starts) and starts[k] == at):
                intro = None
    return out + _bullets(text, starts, events, ev_starts, rank)


def _bullets(text: str, starts: list[int], events: list, ev_starts: list[int], rank: dict) -> list[Line]:
    """The dashed bullets only: lines opening with a name ('Jane Roe, 34, of Dayton – pleaded
    guilty'), found from the names at a line's start."""
    out: list[Line] = []
    for at in starts:
        line = text.rfind("\n", 0, at) + 1
        if at != line and BULLET.match(text, line, at).end() != at:
            continue
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if end - line >= 300 or CELL in text[line:end]:
            continue
        lo, hi = bisect.bisect_left(ev_starts, line), bisect.bisect_left(ev_starts, end)
        if any(e[3] != "right" for e in events[lo:hi]):
            continue
        m = _DASHED.match(text, at + 1, end)
        got = _status(text[m.end():end], rank) if m else None
        if got and got[0]:
            out.append((at, got[0], got[1], got[2], None, None))
    return out


def list_items(text: str, mentions: list[Mention], events: list[tuple[int, int, str, str]], rank: dict) -> None:
    """'The following defendants were sentenced:' then one line per defendant with no verb
    ('Jane Roe, 24, of Toledo, 87 months in prison;'), or the same items in one line after the
    colon, between semicolons ('Sentenced were: A, age 36 — 20 years; B — 78 months; and C — 46
    months.'): the introduction's stage for each."""
    starts = [m.start for m in mentions]
    ev_starts = [e[0] for e in events]
    for pos, intro_start, items in _lists(text):
        intro = [e for e in events[bisect.bisect_left(ev_starts, intro_start):bisect.bisect_left(ev_starts, pos)]
                 if e[3] != "right" or _THE_FOLLOWING.match(text, e[1]) or not _name_between(starts, e[1], pos)]
        # ('Judge X sentenced the following defendants, each of whom pleaded guilty to Conspiracy to …:':
        # the verb's object is the list, whatever capitalised words follow it)
        stage = max((e[2] for e in intro), key=rank.get, default=None)
        if stage is None and (m := _HEADING_STAGE.search(text, intro_start, pos)):
            stage = _STAGE_OF[_WS.sub(" ", (m.group(1) or m.group(2) or "charged").lower()).removesuffix("s")]   # 'The Convicted Defendants:', 'The Defendants:' (E.D.N.Y.)
        elif stage is None and (m := _INTRO_NOUNS.search(text, intro_start, pos)):
            stage = "sentenced" if _TERMS_NOUN.search(m.group(0)) else \
                "extradited" if _EXTRADITED_NOUN.search(text, intro_start, pos) else "charged"   # 'The defendants and their sentences are:'
        elif _SENTENCES_FOLLOW.search(text, intro_start, pos):
            stage = "sentenced"   # 'Each pleaded guilty. Judge X imposed the following sentences:' (terms follow)
        elif stage is None and (m := _THOSE_HELD.search(text, intro_start, pos)):
            stage = "charged" if m.group(1) else "arrested"   # 'Those in custody are:', 'Those still at large are:'
        if stage is None and _VICTIMS_INTRO.search(text, intro_start, pos):
            _victim_items(text, items, mentions, starts)   # '… residents lost to overdoses, among them:' and names
            continue
        # 'The following defendants were extradited:' then one paragraph per defendant telling its own charge
        # ('A, an alleged plaza boss, is charged in the Western District of Texas with …'): each is an item
        told = stage is not None and _FOLLOWING_TOLD.search(text, intro_start, pos) is not None
        field = named = False
        for line, end in items if stage is not None else ():
            at = BULLET.match(text, line).end()
            if text.startswith("and ", at):
                at += 4
            if (hon := _HONORIFIC.match(text, at, end)) is not None:
                at = hon.end()   # '… PLLC; and' / 'Dr. Eugene P. Lindqvist, 67, of Grosse Pointe, a physician'
            if (kin := _KIN_LEAD.match(text, at, end)) is not None:
                at = kin.end()   # '…; his father, Roderick Batiste, 49, of Port Arthur, 180 months;'
            k = bisect.bisect_left(starts, at)
            if k >= len(mentions) or mentions[k].start != at or (field and _town_of_country(text, at, end)):
                # ('Santo Domingo, Dominican Republic' under an item's 'Age: 48': its town, though read as a name)
                if _FIELD_LINE.match(text, at, end):
                    field = True
                    continue   # 'NAME' / 'Age: 50' / 'Nationality: Brazil': the item's own lines
                if (field or named) and _PLACE_LINE.match(text, at, end) and (field or "," in text[at:end]):
                    field = named = False
                    continue   # … / 'Queens, New York' (the town, unlabelled, under its age or its name)
                break
            field, named = False, True
            m = mentions[k]
            first_ev = bisect.bisect_left(ev_starts, line)
            if told and stage == "sentenced" and first_ev < bisect.bisect_left(ev_starts, end) and \
                    _term(text[m.end:end])[1] is None:
                break   # ('… sentenced in the case:' / … / 'C, 24, pleaded guilty in July and is scheduled to be sentenced'
                # after the list: a verb of its own and no term, prose)
            if not told and ((first_ev < bisect.bisect_left(ev_starts, end) and not text.startswith(":", m.end) and
                              not _status_after_colon(text, m.end, end, ev_starts[first_ev]) and
                              text.find(", who ", m.end, ev_starts[first_ev]) < 0) or
                             _PROSE_AFTER.match(text, m.end, end)):
                break   # a verb of its own: prose, not an item (unless the name labels its line: 'A: District of …; A is
                # charged', or the verb is in the status after the name's colon: 'A, 42, of Detroit: 262 months (sentenced today)')
            # (a sentenced item's own term: '87 months in prison;', 'time served.')
            _give_stage(m.candidate, stage, rank, *(_term(text[m.end:end]) if stage == "sentenced" else (None, None)))
    if "Status:" in text or "Status :" in text:
        _field_blocks(text, mentions, rank)


# a block of labelled lines per defendant: 'Name: A' (or the name alone on its line) / 'Age: 29' / 'Residence: …' /
# 'Status: Arrested Feb. 26, …'
_NAME_LABEL = re.compile(r"[ \t]*(?:Name|Defendant)[ \t]*:[ \t]*$")
_FIELD = re.compile(r"[ \t]*(Age|Residence|Hometown|Location|Charges?|Status|Sentence|Nationality|Citizenship|City|Country|"
                    r"Case)[ \t]*:[ \t]*([^\n]*)")


def _give_stage(cand, stage: str, rank: dict, months: float | None = None, label: str | None = None) -> None:
    """What a list item or a labelled block says of its person: the stage (kept when further), the term."""
    cand.evidence.add("event")
    if cand.stage is None or rank[stage] > rank[cand.stage]:
        cand.stage = stage
    if stage == "sentenced" and label:
        cand.sentence_months, cand.sentence_text = months, label


def _field_blocks(text: str, mentions: list[Mention], rank: dict) -> None:
    """Each block's own age and status (a stage, with the term when sentenced), for a name alone on its line (or
    after 'Name:') with labelled lines under it."""
    for m in mentions:
        nl = text.rfind("\n", max(0, m.start - 40), m.start)   # (the line's start, if 'Name:' at most is before the name)
        line_start = nl + 1 if nl >= 0 else 0 if m.start < 40 else None
        if line_start is None or text[m.end:m.end + 1] not in ("\n", "") or \
                (line_start != m.start and not _NAME_LABEL.match(text, line_start, m.start)):
            continue
        cand = m.candidate
        line = m.end if text.startswith("\n", m.end) else -1
        while line >= 0 and (field := _FIELD.match(text, line + 1)) is not None:
            name, value = field.group(1).lower(), field.group(2)
            if name == "age" and cand.age is None and (age := _AGE.match(value.strip())) and 14 <= int(age.group(0)) <= 99:
                cand.age = int(age.group(0))
                cand.evidence.add("age")
            elif name == "status" and (got := _status(value, rank))[0]:
                _give_stage(cand, got[0], rank, got[1], got[2])
            line = text.find("\n", field.end())


# a list's introduction naming the dead ('the names of … residents lost to overdoses, among them:')
_VICTIMS_INTRO = re.compile(r"\b(?:lost\s+to\s+(?:an?\s+)?(?:fentanyl\s+)?(?:overdoses?|fentanyl|drugs)|who\s+(?:have\s+)?died|"
                            r"(?:overdose\s+)?victims|were\s+killed)\b[^:\n]{0,60}$", re.I)


def _victim_items(text: str, items, mentions: list[Mention], starts: list[int]) -> None:
    """The people a list of the dead names, one a line: victims."""
    for line, end in items:
        at = BULLET.match(text, line).end()
        k = bisect.bisect_left(starts, at)
        if k < len(mentions) and mentions[k].start == at:
            if not mentions[k].candidate.is_company:
                mentions[k].candidate.victim = True
        elif end - line > 80 or not _PLACE_LINE.match(text, at, end) and "," not in text[at:end]:
            break   # (prose again; a short line, a name the scan did not read, goes on)


def _status_after_colon(text: str, name_end: int, end: int, first_event: int) -> bool:
    """The line's first verb is after a colon that closes the name and its appositive ('A, 42, of Detroit,
    Michigan: 262 months (sentenced today)')."""
    colon = text.find(":", name_end, end)
    return 0 <= colon < first_event and _APPOSITIVE_ONLY.fullmatch(text, name_end, colon) is not None


_APPOSITIVE_ONLY = re.compile(r"[^:;()]{0,100}?")   # (the name's age, town, alias ('St. Louis'): no clause, no verb)


def _lines(text: str, line: int):
    while line < len(text):
        end = text.find("\n", line)
        end = len(text) if end < 0 else end
        yield line, end
        line = end + 1


# a sentence's stop, also with the space lost ('… of North Versailles.In connection with …')
_ITEM_STOP = re.compile(r"(?<=[a-z0-9”\"’)]{2})\.(?:\s+|(?=[A-Z][a-z]))(?=[A-Z“\"])")


def _between_semicolons(text: str, line: int, end: int):
    while line < end:
        semi = text.find(";", line, end)
        item_end = end if semi < 0 else semi
        stop = _ITEM_STOP.search(text, line, item_end)
        while stop and _abbreviation_ends_at(text, line, stop.start()):   # ('of Fresno, Calif. Sentenced …' goes on)
            stop = _ITEM_STOP.search(text, stop.end(), item_end)
        if stop:   # the last item ends with its sentence ('…; and C, 44, eight years. Each was also ordered …')
            yield line, stop.start() + 1
            return
        yield line, item_end
        line = item_end + 1


def _lists(text: str):
    """(the colon, where its introduction starts, items) of each list: lines after ':\n', or items
    between semicolons after ': ' on one line. (Each colon's introduction is read at most
    _INTRO_REACH back, and a line's end found once: linear however many colons a line has.)"""
    line_start, line_end = 0, -1
    pos = text.find(":")
    while pos >= 0:
        if pos > line_end:
            line_start = text.rfind("\n", 0, pos) + 1
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
        lo = max(line_start, pos - _INTRO_REACH)
        if text.startswith(":\n", pos):
            yield pos, lo, _lines(text, pos + 2)   # (lazily: read until the first line that is no item)
        elif text.startswith(": ", pos) and text.find(";", pos, min(line_end, pos + _INTRO_REACH)) >= 0:
            ends = [m.end() for m in SENTENCE_STOP.finditer(text, lo, pos)]   # (never the stop of 'U.S.')
            yield pos, ends[-1] if ends else lo, _between_semicolons(text, pos + 1, line_end)
        pos = text.find(":", pos + 1)


_INTRO_REACH = 300


# a list's introduction with no case verb: what its lines are ('their sentences', 'the defendants')
_HONORIFIC = re.compile(r"(?:Dr|Mr|Mrs|Ms)\.[ \t]+(?=[A-Z])")
_KIN_LEAD = re.compile(r"(?:his|her|their)\s+(?:father|mother|son|daughter|brother|sister|wife|husband|cousin|uncle|"
                       r"nephew|niece|partner|girlfriend|boyfriend|co-?defendant)(?:-in-law)?,\s+")
_PROSE_AFTER = re.compile(r"(?:,[^,\n]{1,60},)?\s+(?:was|were|is|are|has|have|had|will|also)\b")   # 'A was also ordered to …'
_THE_FOLLOWING = re.compile(r"\s+the\s+following\b")
_FOLLOWING_TOLD = re.compile(r"\b[Tt]he\s+following\s+(?:\d{1,3}\s+|[a-z]+\s+)?(?:defendants|individuals|people|persons|men|women|"
                             r"fugitives)\s+(?:were|have\s+been|are)\s+(?:also\s+)?(?:extradited|arrested|sentenced|charged|"
                             r"indicted|convicted|expelled|transferred)\b[^:\n]{0,80}$")
_SENTENCES_FOLLOW = re.compile(r"\b(?:imposed|handed\s+down|announced)\s+the\s+following\s+(?:sentences|(?:prison\s+)?terms)(?:\s+[^.:\n]{1,50})?\s*$",
                               re.I)   # ('… imposed the following sentences between February and June 2025:')
_THOSE_HELD = re.compile(r"\b(?:Those|The\s+(?:defendants|people|individuals))\s+(?:now\s+|already\s+|still\s+)?"
                         r"(?:(at\s+large|not\s+(?:yet\s+)?(?:arrested|in\s+custody))|in\s+(?:federal\s+|state\s+)?custody|"
                         r"arrested|detained)\s+(?:are|were|include)\s*:?\s*$")
_TERMS_NOUN = re.compile(r"\bsentences\b|\bprison\s+terms\b|\bterms\s+(?:of\s+imprisonment\s+)?imposed\b", re.I)   # ('The defendants
# and the prison terms imposed by Judge X are:')
_EXTRADITED_NOUN = re.compile(r"\bextradited\s+(?:defendants|individuals|fugitives|people|persons)\b", re.I)   # 'The extradited defendants are'
# a heading naming the stage of the defendants under it ('The Indicted Defendants:', 'The Convicted Defendants:')
# (or the stage alone, a heading line of its own: 'Arrested:' / 'Fugitives:' over the names)
_HEADING_STAGE = re.compile(r"(?<![^\n])\s*(?:the\s+)?(?:(indicted|charged|arrested|convicted|sentenced|extradited)(?:\s+"
                            r"(?:defendants?|individuals))?|(fugitives|at\s+large|in\s+custody)|defendants)\s*$", re.I)
_PLACE_LINE = re.compile(r"[ \t]*[A-ZÀ-Þ][\w.’'-]*(?:,?[ \t]+[A-ZÀ-Þ][\w.’'-]*){0,5}[ \t]*$")
_FIELD_LINE = re.compile(r"\s*(?:Age|Nationality|Citizenship|Residence|Hometown|Country|City|Status)\s*:", re.I)
_INTRO_NOUNS = re.compile(r"\b(?:sentences|defendants|co-?defendants)\b(?:[^:\n.]|(?<=\b[A-Z])\.){0,100}?\b(?:are|were|include)"
                          r"(?:\s+as\s+follows)?\s*$"
                          # ('The indictment lists the defendants and their alleged roles:')
                          r"|\b(?:lists|names|identifies)\s+the\s+(?:\w+\s+)?defendants\b[^:\n.]{0,60}$", re.I)


def _town_of_country(text: str, at: int, end: int) -> bool:
    """Whether a line is a town and its country or U.S. state ('Santo Domingo, Dominican Republic',
    'San Juan, Puerto Rico'), nothing else on it."""
    if not _PLACE_LINE.match(text, at, end):
        return False
    head, comma, tail = text[at:end].strip().rpartition(",")
    tail = tail.strip()
    return bool(comma and head) and (normalize_country(tail) is not None or tail in geo()["state_names"])


def _name_between(starts: list[int], a: int, b: int) -> bool:
    """Whether a mention starts in [a, b) (`starts` sorted)."""
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


# -- a name on its own line, then a line opening with the verb: 'Jane Roe, 36, of Lowell' / 'Sentenced
# to 70 months in federal prison for ...' (weekly round-ups of sentences)
_VERB_LINE = re.compile(r"(Sentenced|Resentenced|Pleaded\s+guilty|Pled\s+guilty|Convicted|Found\s+guilty|Charged|Indicted|"
                        r"Arrested|Extradited)\b")
_LINE_STAGES = {"sentenced": "sentenced", "resentenced": "sentenced", "pleaded": "pleaded_guilty", "pled": "pleaded_guilty",
                "convicted": "convicted", "found": "convicted", "charged": "charged", "indicted": "charged",
                "arrested": "arrested", "extradited": "extradited"}


def verb_lines(text: str, mentions: list[Mention]):
    """(mention, stage, (months, label) or None) for each line opening with a case verb right after a line that
    is a name (with its age and town) and nothing else."""
    starts = [m.start for m in mentions]
    at = text.find("\n")
    while at >= 0:
        m = _VERB_LINE.match(text, at + 1)
        if m:
            prev_start = text.rfind("\n", 0, at) + 1
            k = bisect.bisect_left(starts, prev_start)
            if k < len(mentions) and mentions[k].start == prev_start and \
                    (k + 1 >= len(mentions) or mentions[k + 1].start > at) and at - prev_start < 120:
                end = text.find("\n", at + 1)
                line = text[at + 1:len(text) if end < 0 else end]
                stage = _LINE_STAGES[m.group(1).split()[0].lower()]
                yield mentions[k], stage, sentence_months(line) if stage == "sentenced" else None
        at = text.find("\n", at + 1)


# a block of lines under a label naming the defendants ('DEFENDANTS: Case Number 25-cr-1873',
# 'Defendant Information'), one defendant a line, as some offices close a release
_DEFENDANTS_LABEL = re.compile(r"(?m)^(?:(?:THE|The)\s+)?(?:DEFENDANTS?|Defendants?(?:\s+Information)?)\b[^\n.|]{0,80}$")   # (no table's header)


def labelled_roster_companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """Companies opening a line of the block under a defendants label (until a line that opens
    with no name: 'SUMMARY OF CHARGES'): defendants with no verb of their own."""
    label = _DEFENDANTS_LABEL.search(text) if "efendant" in text or "EFENDANT" in text else None
    if not label:
        return []
    starts = {m.start: m for m in mentions}
    out, pos, entry = [], label.end() + 1, False
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        m = starts.get(pos)
        town = entry and m is None and "," in text[pos:end] and _PLACE_LINE.match(text, pos, end) is not None
        if m is None and not (pos == end or (entry and _FIELD_LINE.match(text, pos, end)) or town):
            break   # a line that opens with no name ends the block (not a blank line, nor an entry's own
            # 'Age: 45' / 'Wuhan, China' lines: E.D.N.Y.'s 'The Defendants:')
        entry = (m is not None or entry) and not town
        if m is not None and m.candidate is not None and m.candidate.is_company:
            out.append(m)
        if nl < 0:
            break
        pos = nl + 1
    return out
