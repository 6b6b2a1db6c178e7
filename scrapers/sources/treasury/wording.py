"""The role one mention of a name gets from the wording around it: designated by this
release, or mentioned as designated before.

A marker of history ("previously designated", "In 2019, OFAC designated", "whom OFAC
sanctioned in 2022") describes the name it is attached to, not every name of its sentence:
"… another plaza boss who was previously designated by OFAC, Rafael Ficticio, Morgan
Inventado works with … including Ana Ejemplo and Luis Muestra" says nothing of the last two.
A marker is attached to the name nearest to it (names inside parentheses or appositives
like ", a member of the X Cartel," do not count), and to the names listed together with that
one ("X, Y, and Z were previously designated").
"""
from __future__ import annotations

import re

from .classify import CURRENT_RE, HIST_NAME_RE, WEAK_CURRENT_RE

# A capitalised word of a name, or a lower-case particle inside one ("Cartel de Jalisco").
CAP_TOKEN = r"(?:[A-ZÀ-Þ][\w’'.-]*\.?|\b(?:de|del|la|las|los|y|e|da|do|dos)(?=\s+[A-ZÀ-Þ]))"
CAP_SPAN = re.compile(rf"{CAP_TOKEN}(?:,?\s+{CAP_TOKEN})*")
_NAME_RUN = re.compile(rf"[A-ZÀ-Þ][\w’'.-]*(?:\s+{CAP_TOKEN})+")      # two words or more, no comma
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|his|her|its|their|one\s+of|both|each|who|whom|which|whose)\b[^,;()]{0,100}?,")
_PARENS = re.compile(r"\([^()]*\)")
_LIST_GLUE = re.compile(r"[\s,;:*]*(?:(?:and|or|as\s+well\s+as|along\s+with|together\s+with|both|including)\b[\s,;:*]*)*")


def name_runs(sent: str) -> list[tuple[int, int]]:
    """Spans of capitalised runs of two words or more: the other names a marker may belong to."""
    return [m.span() for m in _NAME_RUN.finditer(sent)]


def _asides(sent: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARENS.finditer(sent)] + [m.span() for m in _APPOSITIVE.finditer(sent)]


def _blank(text: str, spans: list[tuple[int, int]], base: int) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(max(a - base, 0), min(b - base, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in ranges)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def attached(sent: str, name: tuple[int, int], marker: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether the marker at `marker` describes the name at `name` (offsets in `sent`)."""
    asides = _asides(sent)
    pool = [n for n in others if not _overlap(n, name) and not _overlap(n, marker) and not _inside(n, asides)]
    pool.append(name)
    ms, me = marker

    def dist(n):
        return (ms - n[1] if n[1] <= ms else (n[0] - me if n[0] >= me else 0), n[0] > ms)

    nearest = min(pool, key=dist)
    if nearest is name:
        return True
    a, b = sorted([name, nearest])
    gap = _blank(sent[a[1]:b[0]], [n for n in others if a[1] <= n[0] and n[1] <= b[0]] + asides, a[1])
    return bool(_LIST_GLUE.fullmatch(gap))


def mention_role(text: str, spans: list[tuple[int, int]], s: int, e: int,
                 elsewhere: list[tuple[int, int]] = (), names: list[tuple[int, int]] = (),
                 history: list[tuple[int, int]] = ()) -> tuple[str, str]:
    role, reason, _ = judge(text, spans, s, e, elsewhere, names, history)
    return role, reason


def judge(text: str, spans: list[tuple[int, int]], s: int, e: int,
          elsewhere: list[tuple[int, int]] = (), names: list[tuple[int, int]] = (),
          history: list[tuple[int, int]] = ()) -> tuple[str, str, str | None]:
    """The role one mention of a name gets from the wording around it: the nearest marker in
    its sentence decides ("whom OFAC previously designated" -> mentioned), a marker of history
    counting only when attached to this name. Markers inside the parentheses that follow
    *another* name ("X (designated by OFAC in 2022), whose brother Y") are that name's, not
    this one's. `names`: spans (in `text`) of the other names around (bold runs, links);
    `history`: spans of links to earlier releases ("OFAC <a>designated</a> X in 2021"), markers
    of history too. `judge` also says which kind of marker decided (None: no marker)."""
    sent_start, sent_end = next(((a, b) for a, b in spans if a <= s < b), (0, len(text)))
    sent = text[sent_start:sent_end]
    rel_s, rel_e = s - sent_start, e - sent_start
    skip = [(a - sent_start, b - sent_start) for a, b in elsewhere]

    def keep(m):
        return not any(a <= m.start() < b for a, b in skip)

    hist = [(m.start(), m.end(), m.group(0)) for m in HIST_NAME_RE.finditer(sent) if keep(m)]
    hist += [(a - sent_start, b - sent_start, "a link to an earlier release") for a, b in history
             if sent_start <= a < sent_end]
    if hist:
        others = name_runs(sent) + [(a - sent_start, b - sent_start) for a, b in names
                                    if sent_start <= a and b <= sent_end]
        hist = [h for h in hist if attached(sent, (rel_s, rel_e), (h[0], min(h[1], len(sent))), others)]
    markers = [(a, b, "hist", said) for a, b, said in hist]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in CURRENT_RE.finditer(sent) if keep(m)]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in WEAK_CURRENT_RE.finditer(sent) if keep(m)]
    if not markers:
        return "designated", "put forward in an E.O. 14059 release, no wording of history around it", None

    def dist(mk):
        ms, me = mk[0], mk[1]
        return rel_s - me if me <= rel_s else (ms - rel_e if ms >= rel_e else 0)

    best = min(markers, key=lambda mk: (dist(mk), mk[2] != "hist"))
    if best[2] == "hist":
        return "mentioned", f"said to be designated before ({best[3]!r})", "hist"
    return "designated", f"designated by this release ({best[3]!r})", "current"
