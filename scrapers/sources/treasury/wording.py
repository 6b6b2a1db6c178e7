"""The role one mention of a name gets from the wording around it: designated by this
release, or mentioned as designated before.

A marker of history ("previously designated", "In 2019, OFAC designated", "whom OFAC
sanctioned in 2022", a link to an earlier release) describes the name it is attached to, not
every name of its sentence: "… another plaza boss who was previously designated by OFAC,
Rafael Ficticio, Morgan Inventado works with … including Ana Ejemplo and Luis Muestra" says
nothing of the last two. A marker is attached to the name nearest to it (names inside
parentheses or appositives like ", a member of the X Cartel," do not count), and to the names
listed together with that one ("X, Y, and Z were previously designated").

`Wording` reads one block's sentences once (markers, names, asides, sorted) so that judging
every mention of a paragraph naming thousands of people stays linear: only what lies within
WINDOW characters of a mention is looked at.
"""
from __future__ import annotations

import bisect
import re

from .classify import CURRENT_RE, HIST_NAME_RE, WEAK_CURRENT_RE

# A capitalised word of a name, or a lower-case particle inside one ("Cartel de Jalisco").
CAP_TOKEN = r"(?:[A-ZÀ-Þ][\w’'.-]*\.?|\b(?:de|del|la|las|los|y|e|da|do|dos)(?=\s+[A-ZÀ-Þ]))"
CAP_SPAN = re.compile(rf"{CAP_TOKEN}(?:,?\s+{CAP_TOKEN})*")
_NAME_RUN = re.compile(rf"[A-ZÀ-Þ][\w’'.-]*(?:\s+{CAP_TOKEN})+")      # two words or more, no comma
# (an appositive may end its sentence: "He reports to X, a cartel leader whom OFAC designated in 2022.")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|his|her|its|their|one\s+of|both|each|who|whom|which|whose)\b[^,;()]{0,100}?(?:,|(?=[.;]\s*$))"
                         r"|,\s+(?:also\s+known\s+as|a\.k\.a\.?|aka|known\s+as)\s+[“\"‘'][^”\"’]{1,80}[”\"’][,”\"’]*")
# A marker of history that frames its whole clause ("In 2022, OFAC designated A and its director
# B"), and one used as an attribute of the name after it ("previously designated drug trafficker X").
_FRAME = re.compile(r"(?:in|on|since)\b|updat", re.I)
_ATTRIBUTIVE_GAP = re.compile(r"[\s*]*(?:[a-z][\w-]*[\s*]+){0,4}")
_PARTICIPLE_END = re.compile(r"(?:designated|sanctioned|identified)$", re.I)
_PARENS = re.compile(r"\([^()]*\)")
_APPOSITIVE_OPEN = re.compile(r",\s+(?:a|an|the|his|her|its|their|one\s+of)\s[^,;()]*$")
_LIST_GLUE = re.compile(r"[\s,;:*]*(?:(?:and|or|as\s+well\s+as|along\s+with|together\s+with|both|including)\b[\s,;:*]*)*")
_LIST_GOES_ON = re.compile(r"[\s*]*(?:,|;|\band\b|\bor\b)")
_LINK = "a link to an earlier release"
_WHO_ASIDE = re.compile(r"[\s*”\"’)]*,\s+who\b")
_NOT_THEN = re.compile(r"\b(?:was|were|had|has|have)\s+not\s+(?:been\s+)?(?:designated|sanctioned)\b"
                       r"|\b(?:was|were|had|has|have)\s+never\s+(?:been\s+)?(?:designated|sanctioned)\b", re.I)
_TODAY_OF_NAME = re.compile(r"\b(?:is|are)\s+(?:also\s+|now\s+)?(?:being\s+)?(?:(?:re-?)?designat|sanction)(?:ing|ed)\b"
                            r"|\b(?:designated|sanctioned)\s+today\b", re.I)
WINDOW = 3000       # characters around a mention that can say something about it


def _blank(text: str, spans: list[tuple[int, int]], base: int) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - base, 0), min(b - base, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _near(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted by start) starting in [lo - WINDOW, hi)."""
    return spans[bisect.bisect_left(starts, lo - WINDOW):bisect.bisect_left(starts, hi)]


class _Sentence:
    """One sentence's markers, read once; its name runs and asides (needed only to attach a
    marker of history to a name) are read on first use."""

    def __init__(self, text: str, a: int, b: int, history: list[tuple[int, int]], history_starts: list[int]):
        sent = text[a:b]
        self.text = text
        self.start, self.end = a, b
        links = history[bisect.bisect_left(history_starts, a):bisect.bisect_left(history_starts, b)]
        self.hist = sorted([(a + m.start(), a + m.end(), m.group(0)) for m in HIST_NAME_RE.finditer(sent)]
                           + [(s, e, _LINK) for s, e in links])
        self.current = sorted([(a + m.start(), a + m.end(), m.group(0)) for rx in (CURRENT_RE, WEAK_CURRENT_RE)
                               for m in rx.finditer(sent)])
        self.hist_starts = [m[0] for m in self.hist]
        self.current_starts = [m[0] for m in self.current]
        self._runs = self._asides = None

    def _read_names(self) -> None:
        a, sent = self.start, self.text[self.start:self.end]
        self._runs = [(a + m.start(), a + m.end()) for m in _NAME_RUN.finditer(sent)]
        self._asides = sorted([(a + m.start(), a + m.end()) for rx in (_PARENS, _APPOSITIVE) for m in rx.finditer(sent)])
        self.run_starts = [r[0] for r in self._runs]
        self.aside_starts = [r[0] for r in self._asides]

    @property
    def runs(self) -> list[tuple[int, int]]:
        if self._runs is None:
            self._read_names()
        return self._runs

    @property
    def asides(self) -> list[tuple[int, int]]:
        if self._asides is None:
            self._read_names()
        return self._asides


class Wording:
    """One block's text and sentences, read once.

    `parens`: the parenthesis groups that follow names of the block ("X (designated by OFAC
    in 2022), whose brother Y"): a marker inside one belongs to that name only. `history`:
    spans of links to earlier releases ("OFAC <a>designated</a> X in 2021"), markers of history
    too."""

    def __init__(self, text: str, spans: list[tuple[int, int]], history: list[tuple[int, int]] = (),
                 parens: list[tuple[int, int]] = ()):
        self.text = text
        self.spans = spans
        self._starts = [s for s, _ in spans]
        self._history = sorted(history)
        self._history_starts = [h[0] for h in self._history]
        self._parens = sorted(parens)
        self._paren_starts = [p[0] for p in self._parens]
        self._cache: dict[int, _Sentence] = {}

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return 0, len(self.text)

    def _sentence(self, pos: int) -> _Sentence:
        a, b = self.sentence_of(pos)
        if a not in self._cache:
            self._cache[a] = _Sentence(self.text, a, b, self._history, self._history_starts)
        return self._cache[a]

    def _in_other_parens(self, pos: int, own: list[tuple[int, int]]) -> bool:
        i = bisect.bisect_right(self._paren_starts, pos) - 1
        return i >= 0 and self._parens[i][0] <= pos < self._parens[i][1] and self._parens[i] not in own

    def judge(self, s: int, e: int, own: list[tuple[int, int]] = (),
              names: list[tuple[int, int]] = ()) -> tuple[str, str, str | None]:
        """The role of the mention at [s, e): the nearest marker in its sentence decides ("whom
        OFAC previously designated" -> mentioned), a marker of history counting only when
        attached to this name. `own`: the parentheses following this mention (its own
        markers); `names`: other names around (bold runs). Also says which kind of marker
        decided (None: no marker)."""
        sent = self._sentence(s)
        hist = [m for m in _near(sent.hist, sent.hist_starts, s, e + WINDOW)
                if not self._in_other_parens(m[0], own)]
        if hist:
            others = sorted(set(_near(sent.runs, sent.run_starts, s - WINDOW, e + 2 * WINDOW))
                            | {n for n in names if sent.start <= n[0] and n[1] <= sent.end})
            asides = _near(sent.asides, sent.aside_starts, s - WINDOW, e + 2 * WINDOW)
            hist = [m for m in hist if self._attached((s, e), (m[0], m[1]), others, asides)
                    and not self._link_said_not_then(s, e, m, sent, others)]
        markers = [(a, b, "hist", said) for a, b, said in hist]
        # "OFAC designated" inside "In 2022, OFAC designated" is no marker of today
        markers += [(a, b, "current", said) for a, b, said in _near(sent.current, sent.current_starts, s, e + WINDOW)
                    if not self._in_other_parens(a, own)
                    and not any(_overlap((a, b), (h[0], h[1])) for h in sent.hist)]
        if not markers:
            return "designated", "put forward in an E.O. 14059 release, no wording of history around it", None

        def dist(mk):
            ms, me = mk[0], mk[1]
            return s - me if me <= s else (ms - e if ms >= e else 0)

        best = min(markers, key=lambda mk: (dist(mk), mk[2] != "hist"))
        if best[2] == "hist":
            return "mentioned", f"said to be designated before ({best[3]!r})", "hist"
        return "designated", f"designated by this release ({best[3]!r})", "current"

    def _link_said_not_then(self, s: int, e: int, marker: tuple[int, int, str], sent: _Sentence,
                            others: list[tuple[int, int]]) -> bool:
        """A link to an earlier release inside a "who …" aside right after the name that says the
        name was not designated then, the sentence going on to say this name is designated
        today ("X, who was named in Treasury’s <a>2024 release</a> but was not sanctioned at
        the time, now runs … and is designated today"): the link tells no history of X."""
        if marker[2] != _LINK:
            return False
        opener = _WHO_ASIDE.match(self.text, e)
        close = self.text.find(",", marker[1], sent.end)
        if not opener or opener.end() > marker[0] or close < 0 or "," in self.text[opener.end():marker[0]]:
            return False
        if not _NOT_THEN.search(self.text, opener.end(), close):
            return False
        today = _TODAY_OF_NAME.search(self.text, close, sent.end)
        return bool(today) and not any(close <= n[0] < today.start() for n in others)

    def role(self, s: int, e: int, own: list[tuple[int, int]] = (), names=()) -> tuple[str, str]:
        role, reason, _ = self.judge(s, e, own, names)
        return role, reason

    def _appositive_head(self, ms: int, runs: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The name an appositive holding a marker describes: the name right before its comma
        (", a CJNG financier sanctioned by OFAC in 2021"), asides or not."""
        comma = self.text.rfind(",", max(0, ms - 120), ms)
        if comma < 0 or not _APPOSITIVE_OPEN.match(self.text, comma, ms):
            return None
        before = [n for n in runs if n[1] <= comma and not self.text[n[1]:comma].strip(" )”\"’")]
        return max(before) if before else None

    def _attached(self, name: tuple[int, int], marker: tuple[int, int], others: list[tuple[int, int]],
                  asides: list[tuple[int, int]]) -> bool:
        """Whether the marker describes the name: it is the nearest name to it (outside
        asides), or listed together with that one."""
        if abs(marker[0] - name[0]) > WINDOW:
            return False
        ms, me = marker
        said = self.text[ms:me]
        if any(_overlap(marker, h) for h in self._history) and any(_overlap(n, marker) for n in others):
            return _overlap(name, marker)   # a name linked to its earlier release: that name only
        if name[0] >= me:
            gap = self.text[me:name[0]]
            if _PARTICIPLE_END.search(said) and _ATTRIBUTIVE_GAP.fullmatch(gap):
                return True     # "previously designated drug trafficker X", "OFAC-designated X"
            if _FRAME.match(said) and ";" not in gap:
                return True     # "In 2022, OFAC designated A and its sales director B"

        if name[1] <= ms and not self.text[name[1]:ms].strip() and said[:3].lower() == "who":
            return True     # "a broker for Y whom OFAC designated in June 2025": the relative clause is Y's
        head = self._appositive_head(ms, others + [name])
        if head is not None:
            return _overlap(head, name)   # "X, the daughter of Y, a financier sanctioned in 2021": Y's

        def inside(n):
            return any(a <= n[0] and n[1] <= b for a, b in asides)

        pool = [n for n in others if not _overlap(n, name) and not _overlap(n, marker) and not inside(n)]
        pool.append(name)

        def dist(n):
            return (ms - n[1] if n[1] <= ms else (n[0] - me if n[0] >= me else 0), n[0] > ms)

        nearest = min(pool, key=dist)
        if nearest is name:
            return True
        a, b = sorted([name, nearest])
        gap = _blank(self.text[a[1]:b[0]], [n for n in others if a[1] < n[1] and n[0] < b[0]] + asides, a[1])
        if not _LIST_GLUE.fullmatch(gap):
            return False
        # "A, B" glued by a comma alone is a list only when it goes on ("A, B, and C");
        # "who was previously designated by OFAC, A, B collaborates with …" is not
        return bool(re.search(r"\b(?:and|or|with|including|both)\b", gap)) or bool(_LIST_GOES_ON.match(self.text, b[1]))
