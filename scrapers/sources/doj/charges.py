"""Statutes cited and offences described in a DOJ release's text (pure functions)."""
from __future__ import annotations

import re

from .textscan import _ascii_view, _finditer_at, _matches_at, _TokenWords, ascii_bytes, find_all

_STATUTE = re.compile(
    r"\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s*A\.?)?\s*(?:§§?|[Ss]ections?|[Ss]ecs?\.)?\s*"
    r"(\d{1,5}(?!\d)[a-z]?(?:\([\w]+\))*(?:\s*(?:,|and|&|or|/|through)\s*(?:§\s*)?\d{1,5}(?!\d)[a-z]?(?:\([\w]+\))*(?!\s*U\.?\s?S\.?\s?C))*)")
_SECTIONS = r"(\d{1,5}[a-z]?(?:\([\w]+\))*(?:\s*(?:,|and|&|or)\s*\d{1,5}[a-z]?(?:\([\w]+\))*)*)"   # '841(a)(1) and 846'
_STATUTE_LONG = re.compile(rf"\bTitle\s+(\d{{1,2}}),?\s+United\s+States\s+Code,?\s+Sections?\s+{_SECTIONS}", re.I)
# the section first: "Sections 841(a)(1) and 846 of Title 21, United States Code" (the code named,
# so that a state code's "Section 5 of Title 35" is never read as federal law)
_STATUTE_SECTION_FIRST = re.compile(
    rf"\bSections?\s+{_SECTIONS}\s+of\s+"
    r"Title\s+(\d{1,2})(?:,?\s+(?:of\s+the\s+)?United\s+States\s+Code|,?\s+U\.?\s?S\.?\s?C\b)", re.I)

_CHARGES = [
    ("drug conspiracy", r"\bconspir(?:acy|ing|ed)\s+to\s+(?:possess|distribute|manufacture|import|traffic)"),
    ("possession with intent to distribute", r"\bpossess(?:ion|ing|ed)?\s+(?:\w+\s+){0,3}?with\s+(?:the\s+)?intent\s+to\s+distribute"),
    ("distribution", r"\bdistribut(?:ion|ing|ed)\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:fentanyl|methamphetamine|heroin|cocaine|controlled\s+substances?|pills|drugs|oxycodone|carfentanil)"),
    ("distribution resulting in death", r"\bresulting\s+in\s+(?:the\s+)?(?:death|overdose\s+death)"),
    ("distribution resulting in serious bodily injury", r"\bresulting\s+in\s+serious\s+bodily\s+injury"),
    ("manufacturing", r"\bmanufactur(?:e|ed|ing)\s+(?:\w+\s+){0,3}?(?:fentanyl|methamphetamine|controlled\s+substances?|counterfeit|pills)"),
    ("importation", r"\bimport(?:ation|ing|ed)?\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:fentanyl|controlled\s+substances?|precursors?|chemicals|into\s+the\s+United\s+States)"),
    ("international drug trafficking", r"\binternational\s+(?:drug|narcotics)\s+trafficking|\bfor\s+(?:unlawful\s+)?importation\s+into\s+the\s+United\s+States"),
    ("money laundering", r"\bmoney\s+laundering|\blaunder(?:ing|ed)?\s+(?:drug\s+)?proceeds"),
    ("firearm in furtherance of drug trafficking", r"\bin\s+furtherance\s+of\s+a\s+drug\s+trafficking\s+crime"),
    ("felon in possession of a firearm", r"\bfelon\s+in\s+possession|\bpossess(?:ion|ing)\s+(?:of\s+)?a\s+firearm\s+(?:as\s+a|by\s+a)\s+(?:convicted\s+)?felon"),
    ("continuing criminal enterprise", r"\bcontinuing\s+criminal\s+enterprise"),
    ("narco-terrorism", r"\bnarco-?terrorism"),
    ("maintaining drug-involved premises", r"\bmaintain(?:ing|ed)?\s+a\s+drug[- ]involved\s+premises"),
    ("use of a communication facility", r"\bcommunication\s+facility"),
    ("unlicensed money transmitting", r"\bunlicensed\s+money\s+transmitting"),
    ("smuggling", r"\bsmuggl(?:ing|ed|e)\b"),
    ("misbranding", r"\bmisbrand(?:ing|ed)\b"),
    ("RICO", r"\bracketeering|\bRICO\b"),
]
CHARGES_RX = [(name, re.compile(rx, re.I)) for name, rx in _CHARGES]


# -- statutes, charges ---------------------------------------------------------------------------
def _statute_starts(text: str) -> list[int]:
    """Every position where a _STATUTE match can begin: one or two digits, then white space up
    to a 'U' (str.isspace is exactly what \\s matches)."""
    out = []
    u = text.find("U")
    while u >= 0:
        w = u
        while w > 0 and text[w - 1].isspace():
            w -= 1
        if w >= 2:
            out.append(w - 2)
        if w >= 1:
            out.append(w - 1)
        u = text.find("U", u + 1)
    return sorted(set(out))


_STATUTE_HINT = re.compile(r"U(?:\.S\.C|SC|\. S\. C|nited States Code)")
_SECTION_NUM = re.compile(r"(?<![\w(])(\d{1,5}[a-z]?)(?![\w)])")
_SUBSECTION = re.compile(r"\([\w]+\)")


def find_statutes(text: str) -> list[str]:
    """'21 U.S.C. §§ 841(a)(1), 846 and 18 U.S.C. § 924(c)' -> ['21 U.S.C. § 841',
    '21 U.S.C. § 846', '18 U.S.C. § 924'] (only what the release cites)."""
    if not _STATUTE_HINT.search(text):  # == "U.S.C" in text or "USC" in text or ..., one pass
        return []
    out: list[str] = []
    for rx in (_STATUTE, _STATUTE_LONG):
        if rx is _STATUTE:
            found = _finditer_at(rx, text, _statute_starts(text))
        else:
            low_b = _ascii_view(text)[1]
            found = rx.finditer(text) if low_b is None else _finditer_at(rx, text, find_all(low_b, b"title"))
        for m in found:
            _add_cites(out, m.group(1), m.group(2))
    if "of Title" in text or "of title" in text:
        for m in _STATUTE_SECTION_FIRST.finditer(text):
            _add_cites(out, m.group(2), m.group(1))
    return out


def _add_cites(out: list[str], title: str, sections: str) -> None:
    for num in _SECTION_NUM.findall(_SUBSECTION.sub("", sections)):
        cite = f"{int(title)} U.S.C. § {num}"
        if cite not in out:
            out.append(cite)


_CHARGE_HINTS = {
    "drug conspiracy": ("conspir",), "possession with intent to distribute": ("intent to distribute",),
    "distribution": ("distribut",), "distribution resulting in death": ("resulting in",),
    "distribution resulting in serious bodily injury": ("serious bodily",), "manufacturing": ("manufactur",),
    "importation": ("import",), "international drug trafficking": ("international", "importation into"),
    "money laundering": ("launder",), "firearm in furtherance of drug trafficking": ("furtherance",),
    "felon in possession of a firearm": ("felon",), "continuing criminal enterprise": ("continuing criminal",),
    "narco-terrorism": ("narco",), "maintaining drug-involved premises": ("premises",),
    "use of a communication facility": ("communication facility",),
    "unlicensed money transmitting": ("unlicensed",), "smuggling": ("smuggl",), "misbranding": ("misbrand",),
    "RICO": ("racketeer", "rico"),
}


# How every match of each charge pattern begins (each alternative is \b + these letters, any
# case); None: an alternative begins with a common word ('in', 'for'), searched the usual way.
_CHARGE_STARTS = {
    "drug conspiracy": ("conspir",), "possession with intent to distribute": ("possess",),
    "distribution": ("distribut",), "distribution resulting in death": ("resulting",),
    "distribution resulting in serious bodily injury": ("resulting",), "manufacturing": ("manufactur",),
    "importation": ("import",), "international drug trafficking": None, "money laundering": ("money", "launder"),
    "firearm in furtherance of drug trafficking": None, "felon in possession of a firearm": ("felon", "possess"),
    "continuing criminal enterprise": ("continuing",), "narco-terrorism": ("narco",),
    "maintaining drug-involved premises": ("maintain",), "use of a communication facility": ("communication",),
    "unlicensed money transmitting": ("unlicensed",), "smuggling": ("smuggl",), "misbranding": ("misbrand",),
    "RICO": ("racketeering", "rico"),
}


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, cur, i = [], 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur += pattern[i:i + 2]
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
            i += 1
            continue
        cur += ch
        i += 1
    return out + [cur]


def _charge_table() -> list[tuple[str, re.Pattern, tuple[bytes, ...], tuple[tuple[str, bool], ...],
                                  tuple[bytes, ...] | None]]:
    """(name, pattern, hints, (each hint's first word, whether it is one word), starts)."""
    table = []
    for name, rx in CHARGES_RX:
        starts = _CHARGE_STARTS[name]
        if starts is not None:
            # the starts must hold for every alternative, or the shortcut would miss matches
            alts = _top_level_alternatives(rx.pattern)
            assert rx.flags & re.I and len(alts) == len(starts) and all(
                a.startswith("\\b") and a[2:].lower().startswith(p) and a[2 + len(p):][:1] not in ("?", "*", "{")
                for a, p in zip(alts, starts)), name
            starts = tuple(p.encode() for p in starts)
        hints = _CHARGE_HINTS[name]
        table.append((name, rx, tuple(h.encode() for h in hints), tuple((h.split(" ", 1)[0], " " not in h) for h in hints),
                      starts))
    return table


def find_charges(text: str, toks: list[str] | None = None, words: set[str] | None = None) -> list[str]:
    """Offences the text describes (descriptive labels, not legal citations). `toks`: the text's
    tokens (parse.tokens), when the caller has them; `words`: which of HINT_WORDS they hold, when
    the caller has that too (a _TokenWords of more words, HINT_WORDS among them)."""
    _, low_b = _ascii_view(text)
    if low_b is None:  # (a letter re.I folds to ASCII: the plain way)
        low = text.lower()
        return [name for name, rx in CHARGES_RX if any(h in low for h in _CHARGE_HINTS[name]) and rx.search(text)]
    # == the above: an ASCII hint occurs in text.lower() exactly where it occurs in low_b
    if toks is None:
        return [name for name, rx, hints, _, starts in _CHARGE_TABLE if any(h in low_b for h in hints) and
                (_matches_at(rx, text, low_b, starts) if starts is not None else rx.search(text))]
    # the search for a hint is skipped when its first word (letters only, so it can only occur
    # inside a token) is in none of the tokens; a one-word hint is then known to be there
    if words is None:
        words = _HINT_WORDS.present(toks)
    out = []
    for name, rx, hints, firsts, starts in _CHARGE_TABLE:
        for h, (first, one_word) in zip(hints, firsts):
            if first in words and (one_word or h in low_b):
                if _matches_at(rx, text, low_b, starts) if starts is not None else rx.search(text):
                    out.append(name)
                break
    return out


_CHARGE_TABLE = _charge_table()
assert all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", h) for hs in _CHARGE_HINTS.values() for h in hs)
HINT_WORDS = frozenset(h.split(" ", 1)[0] for hs in _CHARGE_HINTS.values() for h in hs)
_HINT_WORDS = _TokenWords(sorted(HINT_WORDS))



# Federal court case numbers: '1:23-cr-00045', '2:22-CR-123-ABC', 'No. 23-cr-456', '22 Cr. 123',
# '3:21CR00012', '24-mj-1234'. The office letter suffixes and the division digit vary from one
# release to the next; the year, the kind (cr / mj) and the number do not.
_CASE_NUMBER = re.compile(r"(?<![\w:-])(?:(\d{1,2}):)?(\d{2})[- ]?(cr|mj|mag)\.?[- ]?(\d{2,6})(?![\d])(?:-[A-Za-z0-9]{1,5})*",
                          re.I)


def find_case_numbers(text: str) -> list[tuple[str, str]]:
    """[(case number as written, comparison key '23-cr-45')] in order of first mention."""
    out: dict[str, str] = {}
    for m in _case_number_matches(text):
        kind = m.group(3).lower()
        key = f"{m.group(2)}-{'mj' if kind == 'mag' else kind}-{int(m.group(4))}"
        out.setdefault(key, m.group(0))
    return [(written, key) for key, written in out.items()]


def _case_number_matches(text: str):
    """_CASE_NUMBER.finditer(text), tried only where 'cr' / 'mj' / 'mag' follows two digits
    (and a hyphen or space): those words are in most texts ('crime'), case numbers in few."""
    low = ascii_bytes(text).lower()   # (what re.I matches to 'cr', 'mj', 'mag' is ASCII)
    starts = set()
    for kind in (b"cr", b"mj", b"mag"):
        i = low.find(kind)
        while i >= 0:
            j = i - 1
            if j >= 0 and low[j] in b"- ":
                j -= 1
            if j >= 1 and 48 <= low[j] <= 57 and 48 <= low[j - 1] <= 57:
                year = j - 1
                starts.add(year)
                k = year - 1
                if k >= 1 and low[k] == 58 and 48 <= low[k - 1] <= 57:   # '1:23-cr-45': the division
                    starts.add(k - 2 if k >= 2 and 48 <= low[k - 2] <= 57 else k - 1)
            i = low.find(kind, i + 1)
    done = -1
    for start in sorted(starts):
        if start < done:
            continue
        m = _CASE_NUMBER.match(text, start)
        if m:
            done = m.end()
            yield m
