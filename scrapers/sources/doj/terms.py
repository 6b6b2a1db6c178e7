"""Prison terms in DOJ prose: '87 months', 'five years', '17 years, 6 months', '11 years and
three months', '12 ½ years', '7 1/2 years', 'a year and a day', 'two decades', life, time served, probation -- read after a
sentencing verb (pure functions)."""
from __future__ import annotations

import re

from .textscan import lower_for_ci

_WS_RX = re.compile(r"\s+")

# Number words for sentences ("five years").
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "a": 1, "an": 1, "hundred": 100})
NUM = r"(?:\d+(?:\.\d+)?|(?:one|a|two|three)\s+hundred(?:\s+(?:and\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|one|two|three|four|five|six|seven|eight|nine)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"
_HALF = r"\s*½|[\s-]+and[\s-]+(?:a|one)[\s-]+half|[\s-]1/2(?!\d)"
_HALF_AFTER = r"(?P<half2>[\s-]+and[\s-]+a[\s-]+half\b)?"   # 'a year and a half'
# the months or days after the years: '17 years, 6 months', '11 years and three months', 'a year and a day'
# (fewer than twelve months after the years: '14 years and 151 months, respectively' are two terms)
_MONTHS_AFTER_YEARS = r"(?:1[01]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|a|an)(?![\d.])"
_AND_MONTHS = rf"(?:(?:(?<=ear)|(?<=ears))\s*,?\s*(?:and\s+)?(?P<n2>{_MONTHS_AFTER_YEARS})[\s-]+(?P<u2>months?|days?)\b)?(?:\s*,?\s*and\s+(?:one|a|\d+)\s+days?\b)?"


def _number(text: str) -> float | None:
    t = text.lower().strip()
    try:
        return float(t)
    except ValueError:
        pass
    total = 0
    for p in t.replace("-", " ").split():
        if p == "and":
            continue
        if p not in _NUMBER_WORDS:
            return None
        total = max(total, 1) * 100 if p == "hundred" else total + _NUMBER_WORDS[p]   # 'one hundred twenty'
    return float(total)


# what introduces a term after a sentencing verb: 'to 87 months', 'to serve 87 months', 'a sentence
# of 97 months', 'a term of imprisonment of', 'will spend 10 years'
_LEAD_IN = r"\b(?:to|sentence\s+of|terms?\s+of|imprisonment\s+of|spend)\s+(?:serve\s+|spend\s+)?"
_SENTENCE_LEN = re.compile(
    rf"^.{{0,220}}?{_LEAD_IN}(?:a\s+(?:total\s+)?(?:prison\s+)?(?:term|sentence)\s+of\s+|a\s+total\s+of\s+|"
    rf"concurrent\s+(?:prison\s+)?(?:terms|sentences)\s+of\s+|"   # ('to concurrent terms of 188 months on … and 120 months')
    rf"the\s+mandatory\s+(?:minimum\s+(?:sentence\s+of\s+)?)?|an?\s+(?=\d))?"   # ('to the mandatory 10 years', 'to a 10-year')
    rf"(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|approximately\s+|about\s+|just\s+over\s+)?"
    rf"(?P<n1>{NUM})(?P<half>{_HALF})?[\s-]+(?P<u1>years?|months?|decades?|days?)\b(?![\s-]old\b){_HALF_AFTER}[’']?{_AND_MONTHS}\s*(?P<tail>.{{0,45}})",
    re.I | re.S)   # (days only after a lead-in: 'to 366 days in prison')
# a term alone ('87 months', '17 years, 6 months'), as in lists and 'respectively'
LENGTH = re.compile(rf"(?<![\w.])(?P<n1>{NUM})(?P<half>{_HALF})?[\s-]+(?P<u1>years?|months?|decades?)\b(?![\s-]old\b){_HALF_AFTER}[’']?{_AND_MONTHS}",
                    re.I)   # (never an age: 'a 16-year-old student')
_SENTENCE_LIFE = re.compile(r"^.{0,220}?\bto\s+(?:serve\s+)?(?:a\s+(?:mandatory\s+)?(?:term\s+of\s+|sentence\s+of\s+)?)?(?:(?:\w+\s+)?consecutive\s+)?life\b", re.I | re.S)
_EXACT_AFTER = re.compile(r"\s*\((\d{1,3})\s+months\)")
_TIME_SERVED = re.compile(r"^.{0,120}?\bto\s+time\s+served\b", re.I | re.S)
_NOT_PRISON = re.compile(r"^(?:[’']|of\s+)?\s*(?:of\s+)?(?P<kind>probation|supervised\s+release|home\s+(?:confinement|detention)|intermittent\s+confinement|community\s+service)", re.I)
_HYPHEN_UNIT = re.compile(r"-(year|month)s?\b")
# a prison term named after the supervision that follows it ('... following a 41-month term of
# imprisonment', '... after 41 months in federal prison')
_PRISON_AFTER = re.compile(rf"\b(?:following|after|to\s+follow|and)\s+(?:a\s+|an\s+)?(?P<n1>{NUM})(?P<half>{_HALF})?[\s-]+(?P<u1>years?|months?)\b{_AND_MONTHS}"
                           r"(?:\s+(?:term\s+of\s+imprisonment|prison\s+term|term\s+in\s+prison)|\s+(?:in\s+(?:federal\s+)?prison|of\s+imprisonment))", re.I)


_DAYS_A_MONTH = 365.25 / 12


def _n2(m: re.Match) -> bool:
    """The months or days after the first figure belong to it ('17 years, 6 months'), not to the
    next person's term ('54 months, 70 months and 57 months')."""
    return bool(m.group("n2")) and (m.group("u1").lower().startswith("year") or m.group("u2").lower().startswith("day"))


def _months_of(m: re.Match) -> float | None:
    n1 = _number(m.group("n1"))
    if n1 is None:
        return None
    if m.group("half") or m.groupdict().get("half2"):
        n1 += 0.5
    unit = m.group("u1").lower()
    months = n1 * 12 if unit.startswith("year") else n1 * 120 if unit.startswith("decade") else \
        n1 / _DAYS_A_MONTH if unit.startswith("day") else n1
    if _n2(m):
        n2 = _number(m.group("n2")) or 0
        months += n2 if m.group("u2").lower().startswith("month") else n2 / 30.0
    return round(months, 2)


def _label(m: re.Match) -> str:
    end = "u2" if _n2(m) else "half2" if m.groupdict().get("half2") else "u1"
    return _WS_RX.sub(" ", m.group(0)[m.start("n1") - m.start():m.end(end) - m.start()])


def sentence_months(seg: str) -> tuple[float | None, str | None]:
    """(months, label) of the prison term a sentencing clause states ('to 87 months in prison'):
    months None for life, probation and unreadable terms; (None, None) when it states none."""
    low = lower_for_ci(seg)   # (each pattern is tried only where the words it needs are)
    if (low is None or "life" in low) and _SENTENCE_LIFE.match(seg):
        return None, "life in prison"
    m = _SENTENCE_LEN.match(seg) if low is None or "year" in low or "month" in low or "decade" in low or "day" in low else None
    if m:
        if (other := _NOT_PRISON.match(m.group("tail") or "")):
            # 'five years of supervised release following a 41-month term of imprisonment': the prison term
            prison = _PRISON_AFTER.search(seg, m.end("u1"), m.end("u1") + 160)
            if prison and (months := _months_of(prison)) is not None:
                # ('a 41-month term': '41 months')
                label = _HYPHEN_UNIT.sub(lambda u: " " + u.group(1) + ("s" if _number(prison.group("n1")) != 1 else ""),
                                         _label(prison))
                return months, label + " in prison"
            n = _number(m.group("n1"))
            unit = m.group("u1").lower()
            kind = _WS_RX.sub(" ", other.group("kind").lower())
            if kind == "probation" and n is not None:
                # a sentence of probation alone: no prison (0 months, as 'time served' is), the probation in the label
                return 0.0, f"{m.group('n1')} {unit} of probation (no prison)"
            return None, f"{m.group('n1')} {unit} of {kind}" if n is not None else kind
        months = _months_of(m)
        if months is None:
            return None, None
        # ('to a total of 322 months: 262 months …, followed by 60 months …, served consecutively': the total said)
        whole = _whole_term(seg, m) if not _TOTAL_BEFORE.search(seg, 0, m.start("n1")) else None
        if whole:
            return whole
        exact = _EXACT_AFTER.match(m.group("tail") or "")
        if exact:   # 'nearly 20 years (235 months)': the months the term is rounded from
            return float(exact.group(1)), f"{exact.group(1)} months in prison"
        return months, _label(m) + " in prison"
    if (low is None or "served" in low) and _TIME_SERVED.match(seg):
        return 0.0, "time served"
    return None, None


_TOTAL = re.compile(r"\b(?:a\s+)?total\s+(?:prison\s+)?(?:sentence\s+|term\s+)?of\s+", re.I)
_TOTAL_BEFORE = re.compile(_TOTAL.pattern + r"(?:more\s+than\s+|nearly\s+|about\s+)?$", re.I)   # ('to a total of 322 months')
_CONSECUTIVE = re.compile(r"\bconsecutive(?:ly)?\b", re.I)
_AFTER_CONSECUTIVE = re.compile(r"\s*(?:(?:prison\s+)?(?:term|sentence)\s+of\s+)?")


def _whole_term(seg: str, m: re.Match) -> tuple[float, str] | None:
    """Terms on several counts: 'for a total of 25 years' (the total), or '120 months on count one and 60
    months on count two, to run consecutively' (their sum); None when the clause says neither."""
    rest = seg[m.end("u1"):m.end("u1") + 240]
    t = _TOTAL.search(rest)
    if t and (total := LENGTH.match(rest, t.end())):
        months = _months_of(total)
        return (months, _label(total) + " in prison") if months is not None else None
    if consecutive := _CONSECUTIVE.search(rest):
        head = rest[:consecutive.start()]
        parts = [m] + [x for x in LENGTH.finditer(head) if not _NOT_PRISON.match(head[x.end():].lstrip())]
        after = LENGTH.match(rest, _AFTER_CONSECUTIVE.match(rest, consecutive.end()).end())
        if after and not _NOT_PRISON.match(rest[after.end():].lstrip()):
            parts.append(after)   # '78 months …, to be followed by a consecutive 60 months'
        months = [_months_of(x) for x in parts]
        if len(parts) > 2 and all(x is not None for x in months) and abs(months[0] - sum(months[1:])) < 0.5:
            return months[0], _label(m) + " in prison"   # 'to 180 months – 120 months for … and a consecutive 60': the total, then its parts
        if len(parts) > 1 and all(x is not None for x in months):
            return sum(months), f"{round(sum(months))} months in prison (consecutive terms)"
    return None


def term_at(m: re.Match, text: str) -> tuple[float | None, str | None]:
    """(months, label) of a LENGTH match; probation when 'of probation' follows it."""
    if _NOT_PRISON.match(text[m.end():m.end() + 40].lstrip()):
        return None, f"{m.group('n1')} {m.group('u1').lower()} of probation"
    months = _months_of(m)
    return (months, _label(m) + " in prison") if months is not None else (None, None)


def respective_lengths(text: str, e_end: int, s_end: int, n: int) -> list | None:
    """'A and B were sentenced to 12 years and 15 years, respectively': one length each."""
    if n < 2:
        return None
    seg = text[e_end:s_end]
    r = seg.find("respectively")
    if r >= 0:
        seg = seg[:r]   # (the terms before the word: not those of the next clause, '…, respectively; C … to 120 months')
    elif (k := seg.find("respective ")) >= 0 and k < 40:
        # 'to serve respective terms of 20 and 15 years': the terms after the words
        seg = "to " + _RESPECTIVE_HEAD.sub("", _AFTER_TERMS.split(seg[k + len("respective "):], 1)[0])
    else:
        return None
    found = [term_at(m, seg) for m in LENGTH.finditer(seg)]
    if len(found) != n and (m := _SHARED_UNIT.search(seg)):
        # 'to 97, 60 and 46 months in prison, respectively': one unit for every number
        per = 12 if m.group(2).lower().startswith("year") else 1
        nums = re.findall(r"\d{1,3}", m.group(1))
        found = [(float(int(x) * per), f"{x} {m.group(2).lower()} in prison") for x in nums]
    return found if len(found) == n else None


_AFTER_TERMS = re.compile(r";|\bfollowed\s+by\b|\bsupervised\b|\bprobation\b")
_RESPECTIVE_HEAD = re.compile(r"^(?:prison\s+)?(?:terms|sentences)\s+of\s+")
_SHARED_UNIT = re.compile(r"\bto\s+((?:\d{1,3}\s*(?:,\s*|,?\s+and\s+))+\d{1,3})\s+(months?|years?)\b", re.I)


# the words between 'received' (or 'handed', 'will serve') and the term: 'a sentence of', 'concurrent sentences of'
_RECEIVED_TERM = re.compile(r"\s+(?:(?:an?|the)\s+)?(?:total\s+(?:of\s+)?)?(?:(?:prison\s+|federal\s+|concurrent\s+|consecutive\s+)?"
                            r"(?:sentences?|term)(?:\s+of\s+imprisonment)?\s+(?:today\s+|yesterday\s+)?of\s+)?")
# a term before the words: 'imposed a 20-year (prison) sentence on X'; 'a sentence of 97 months ... was handed down to X'
_TERM_BEFORE = re.compile(LENGTH.pattern + r"\s+(?:(?:federal\s+)?prison\s+)?$", re.I)
_SENTENCE_OF_BEFORE = re.compile(r"\bsentence\s+of\s+(?=[\w-]+[\s-]+(?:years?|months?)\b)", re.I)


_TERM_NEXT = re.compile(r"[,;]\s+(?:who\s+received|imposing|and\s+imposed)\s+(?P<article>)(?:(?:an?|the)\s+)?(?:total\s+)?"
                        r"(?:(?:prison|federal)\s+)?(?:(?:sentence|term)\s+of\s+)?")
_EARLIER_TERM = re.compile(r",\s+(?:who|which)\s+(?:had\s+)?(?:originally|initially|previously|first)\b")


# 'handed Guajardo Lozano a 97-month sentence': the name between the verb and the term (stages.py reads the
# same words for the verb's object)
NAMED_THEN_A = r"\s+(?:[A-Z][\w’'.-]*\s+){1,5}an?\s+"
_NAMED_THEN_A = re.compile(NAMED_THEN_A)


def clause_term(text: str, e_start: int, e_end: int, limit: int) -> tuple[float | None, str | None]:
    """(months, label) of the term a sentencing verb at [e_start, e_end) states, in its clause (up to
    `limit`): after it ('to 87 months'), or where its wording puts it ('received a sentence of 97
    months', 'imposed a 20-year sentence on X', 'a sentence of 97 months was handed down to X')."""
    end = min(limit, e_end + 320)
    if (past := _EARLIER_TERM.search(text, e_end, end)) is not None:
        end = past.start()   # ('was resentenced by Judge X, who originally sentenced him in 2018 to 360 months')
    months, label = sentence_months(text[e_end:end])
    if label is None and text.startswith("sentence", e_start):
        t = _TERM_BEFORE.search(text, max(0, e_start - 40), e_start)
        if t:
            months, label = term_at(t, text)
    lead_in = _RECEIVED_TERM.match(text, e_end) if text.startswith(("rece", "hand", "will", "impo"), e_start) else None
    if label is None and lead_in:
        t = LENGTH.match(text, lead_in.end(), limit) or LENGTH.match(text, e_end + 1, limit)   # ('will spend a decade')
        if t:
            months, label = term_at(t, text)
            # ('received 120 months … and a consecutive 60 months …, for a total of 180 months': the total)
            if months is not None and (whole := _whole_term(text[:end], t)):
                months, label = whole
    if label is None and text.startswith("hand", e_start) and (named := _NAMED_THEN_A.match(text, e_end, end)):
        t = LENGTH.match(text, named.end(), end)   # 'handed Guajardo Lozano a 97-month sentence'
        if t:
            months, label = term_at(t, text)
    if label is None and text.startswith("Sentenced", e_start):
        months, label = sentence_months(text[e_start + 9:e_end])   # 'Sentenced to 97 months on Tuesday was X'
    if label is None and (t := _TERM_NEXT.search(text, e_end, end)):
        # 'sentenced X, 31, on Wednesday, imposing a 12-year prison sentence'; 'was X, who received a year and a day'
        u = LENGTH.match(text, t.end(), end) or LENGTH.match(text, t.end("article"), end)
        if u:
            months, label = term_at(u, text)
    if label is None and text.startswith("handed down", e_start):
        before = text[max(0, e_start - 200):e_start]
        last = list(_SENTENCE_OF_BEFORE.finditer(before))[-1:]
        t = LENGTH.match(before, last[0].end()) if last else None
        if t:
            months, label = term_at(t, before)
    return months, label


# -- 'B, 31, of Anchorage, to 60 months' --------------------------------------------------------
_ELLIPSIS = re.compile(
    r"(?:\s*\([^()]{1,60}\))?(?:\s*,?\s*(?:a/k/a|aka|a\.k\.a\.|also\s+known\s+as)\s+[“\"][^”\"]{1,40}[”\"],?)?"   # ', a/k/a "Yayo,"'
    # (the town's state is no 'to': 're.I' lets [A-Z] match it, ', of Concho, to 46 months, to run …')
    r"(?:(?:\s*,|(?<=[,.]”)|(?<=[,.]\"))\s*(?:age\s+|aged\s+)?\d{1,2})?(?:\s*,\s*(?:of|from)\s+(?:(?:St|Ft|Mt)\.\s+)?[^,;:.]{1,40}"
    r"(?:,\s*(?!to\s)[A-Z][^,;:]{0,25})?)?"
    # (a role after the town: ', described in court as the organization's leader,')
    # (or a nationality and a town: ', a U.S. citizen from San Luis, Arizona,')
    r"(?:\s*,\s*(?:the|an?|described|identified)\s(?:[^,;:.]|(?<=\bU)\.(?=S\.)|(?<=\bU\.S)\.){1,60}"
    r"(?:,\s*(?!to\s)[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?=\s*,))?"
    r"\s*,?\s*(?:was\s+)?(?:(?:re)?sentenced\s+)?to\s+(?:serve\s+)?(?:a\s+(?:total\s+)?(?:prison\s+)?(?:term|sentence)\s+of\s+)?",
    re.I)


_BARE = re.compile(r"(?:\s*,\s*\d{1,2}\s*,)?\s+(?:received\s+)?")


_RELEASE_BEFORE = re.compile(r"\bof\s+supervised\s+release,?\s+and\s+$")
_IN_PRISON_AFTER = re.compile(r"\s+(?:in\s+(?:federal\s+)?prison|of\s+(?:federal\s+)?imprisonment|behind\s+bars)\b")


def elliptic_term(text: str, m, s_end: int, bare: bool = False) -> tuple[float | None, str] | None:
    """The term written right after a name in a sentencing sentence, without its own verb
    ('Jane Roe, 31, to 60 months'; 'sentenced A to 87 months and B to 60 months'; 'A, 25,
    sentenced to 210 months')."""
    release_before = _RELEASE_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
    e = _ELLIPSIS.match(text, m.end, s_end)
    if e and "was" in e.group(0):
        # 'A, 58, owner of Acme LLC, was sentenced to': the verb's subject is A, named before
        return None
    t = LENGTH.match(text, e.end(), s_end) if e else None
    if t is None and bare:   # after 'received': 'B 87 months', 'B, 29, 87 months'
        b = _BARE.match(text, m.end, s_end)
        t = LENGTH.match(text, b.end(), s_end) if b else None
        e = b if t else e
    if not e:
        return None
    if release_before and not (t and _IN_PRISON_AFTER.match(text, t.end())):
        return None   # 'ordered A to serve five years of supervised release and B to serve three years': B's release too
        # (but '… and four years of supervised release, and B, 27, to 70 months in prison': B's prison term)
    if not t:
        if text.startswith("time served", e.end()):
            return 0.0, "time served"    # 'and C to time served'
        return None
    months, label = term_at(t, text)
    return (months, label) if label else None
