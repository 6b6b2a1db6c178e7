"""Text scanning helpers for extraction: fast ASCII views for substring search, sentence
spans (abbreviations do not end a sentence), word presence memo (pure functions)."""
from __future__ import annotations

import functools
import re

from ...text import ABBREVIATIONS


# -- fast substring search ---------------------------------------------------------------------
# Release text is mostly ASCII with a few curly quotes and dashes, which makes Python store it two
# bytes a character: `in` / `find` on it, and regular expressions that begin with \b or are
# case-insensitive (no literal prefix for the engine to skip ahead with), scan it slowly. The
# same text as ASCII bytes -- every other character a '?', so positions are unchanged -- answers
# "where is this ASCII word" many times faster; the regular expression then runs only there.
@functools.lru_cache(maxsize=8)
def ascii_bytes(text: str) -> bytes:
    """The text as ASCII bytes, every other character a '?' (one byte a character: positions
    are the text's). Cached: the passes over one case's text share it."""
    return text.encode("ascii", "replace")


def find_all(b: bytes, sub: bytes) -> list[int]:
    """Every position of `sub` in `b` (overlapping)."""
    out = []
    i = b.find(sub)
    while i >= 0:
        out.append(i)
        i = b.find(sub, i + 1)
    return out


def _ascii_view(text: str) -> tuple[bytes, bytes | None]:
    """(text as ASCII bytes, the same with ASCII letters lower-cased); the second is None when
    the text holds one of the four non-ASCII letters that re.I matches to ASCII ones ('İ', 'ı',
    'ſ', Kelvin 'K'), which neither bytes view can stand for."""
    b = ascii_bytes(text)
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        return b, None
    return b, b.lower()


def lower_for_ci(text: str) -> str | None:
    """text.lower(), or None when the text holds one of the four non-ASCII letters that re.I
    matches to ASCII ones ('İ', 'ı', 'ſ', Kelvin 'K'): an ASCII word a case-insensitive pattern
    can match is then in the lower-cased text wherever the pattern matches it."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        return None
    return text.lower()


def _matches_at(rx: re.Pattern, text: str, low_b: bytes, prefixes: tuple[bytes, ...]) -> bool:
    """bool(rx.search(text)) for a case-insensitive pattern whose every match begins with one of
    `prefixes` (lower-case ASCII): the pattern is tried only where a prefix occurs."""
    for p in prefixes:
        i = low_b.find(p)
        while i >= 0:
            if rx.match(text, i):
                return True
            i = low_b.find(p, i + 1)
    return False


def _finditer_at(rx: re.Pattern, text: str, starts: list[int]):
    """rx.finditer(text) for a pattern that never matches the empty string and can only begin at
    `starts` (sorted): the leftmost match at or after the previous match's end, each time."""
    pos = 0
    for i in starts:
        if i < pos:
            continue
        m = rx.match(text, i)
        if m:
            yield m
            pos = m.end()


# U.S. state abbreviations ('Minn.', 'D.C.'): never the end of a sentence, and a place's last part.
_US_STATE_ABBR = set("""Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn.
Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va.
Wis. Wyo. D.C.""".split())


# -- sentences & cases -------------------------------------------------------------------------
# The abbreviations of every source's prose (scrapers/text.py), and DOJ's own: court and legal
# forms, officials' titles, company forms (never the end of a sentence here), the states.
_ABBREV = {f"{a}." for a in ABBREVIATIONS | set("""co corp inc ltd pvt l.l.c s.a c.v v dist ct u.s.c sen rep
det""".split())} | {"a/k/a"} | {a.lower() for a in _US_STATE_ABBR}
_SENT_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"(]?[A-Z0-9])")


# _SENT_END over a whole text: its white space never crosses a line end, as if run line by line
_SENT_END_TEXT = re.compile(r"[.!?][”\"’)]*+[^\S\n]++(?=[“\"(]?[A-Z0-9])")


def _abbreviation_ends_at(text: str, line_start: int, j: int) -> bool:
    """The period at text[j] closes an abbreviation ('U.S.', 'Minn.', 'B. Lynn'), not a sentence."""
    k = text.rfind(" ", line_start, j)
    word = text[k + 1 if k >= 0 else line_start:j + 1].lower().lstrip("(“\"")
    return word in _ABBREV or (len(word) == 2 and word[0].isalpha()) or \
        (word.count(".") >= 2 and _DOTTED.fullmatch(word) is not None)


def _has_text(text: str, start: int, end: int) -> bool:
    return start < end and (not text[start].isspace() or bool(text[start:end].strip()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are never joined; abbreviations ('U.S.',
    'Minn.', 'B. Lynn') do not end a sentence. Not the Treasury splitter
    (sources/treasury/html.py): DOJ text is one paragraph a line, and only a capital or a
    digit starts a sentence (scrapers/text.py says why the two stay apart)."""
    spans = []
    append = spans.append
    n = len(text)
    start = line_start = 0                 # the current sentence, the current line
    line_end = text.find("\n")
    if line_end < 0:
        line_end = n
    for m in _SENT_END_TEXT.finditer(text):
        j, end = m.span()
        while line_end < j:                # lines before this match: their last sentence
            if _has_text(text, start, line_end):
                append((start, line_end))
            start = line_start = line_end + 1
            line_end = text.find("\n", line_start)
            if line_end < 0:
                line_end = n
        if text[j] == "." and _abbreviation_ends_at(text, line_start, j):
            continue
        append((start, end))
        start = end
    while True:
        if _has_text(text, start, line_end):
            append((start, line_end))
        if line_end >= n:
            return spans
        start = line_start = line_end + 1
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n


_DOTTED = re.compile(r"(?:[a-z]\.){2,}")


def _sentence_spans_at(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The sentence_spans of the lines holding `positions` (sentences never cross a line, so
    each line splits the same on its own)."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    n = len(text)
    done = -1
    for i in sorted(positions):
        if i <= done:
            continue
        line_start = text.rfind("\n", 0, i) + 1
        line_end = text.find("\n", i)
        if line_end < 0:
            line_end = n
        done = line_end
        start = line_start
        for m in _SENT_END_TEXT.finditer(text, line_start, line_end):
            j, end = m.span()
            if text[j] == "." and _abbreviation_ends_at(text, line_start, j):
                continue
            append((start, end))
            start = end
        if _has_text(text, start, line_end):
            append((start, line_end))
    return spans


class _TokenWords:
    """Which of some words (letters only) occur inside a text's tokens, from the tokens: each
    distinct token is looked at once, ever (a few thousand words make up most releases)."""

    def __init__(self, words):
        self.words = tuple(words)
        # (tokens looked at, token -> the words inside it for those with any), replaced together
        self.memo: tuple[set[str], dict[str, frozenset]] = (set(), {})

    def present(self, toks: list[str]) -> set[str]:
        seen, holders = self.memo
        distinct = set(toks)
        new = distinct - seen
        if new:
            if len(seen) > 500_000:
                seen, holders = set(), {}
                self.memo = (seen, holders)
                new = distinct
            for t in new:
                inside = frozenset(w for w in self.words if w in t)
                if inside:
                    holders[t] = inside
            seen |= new  # (after holders: a token seen always has its entry)
        out: set[str] = set()
        # (the tokens that hold a word, found in C: a dict's keys view intersected with a smaller set walks
        # the set, never the whole memo)
        for t in holders.keys() & distinct:
            out |= holders[t]
        return out


# A sentence's end: a full stop after two lower-case letters, digits, a closing quote or bracket, before a
# capital or an opening quote (never the stop of 'U.S.' or 'Ph.D.')
SENTENCE_STOP = re.compile(r"(?<=[a-z0-9”\"’)]{2})\.\s+(?=[A-Z“\"])")
