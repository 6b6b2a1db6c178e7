"""Stated counts of defendants (pure functions): 'an indictment against ten defendants' and ten
names with no verb of their own are those ten (counted_roster), each with the stage said next to
the count (count_stage)."""
from __future__ import annotations

import re

from .people import Candidate
from .refs import PART_BEFORE, _count
from .textscan import ascii_bytes

# -- 'an indictment against ten defendants', then ten names with roles and no verb each ------------
_N_BEFORE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                       r"seventeen|eighteen|nineteen|twenty|\d{1,2})\s+(?:(?:more|other|alleged|"
                       r"\w+-based|[A-Z][\w-]+)\s+)?$", re.I)
_PEOPLE_NOUNS = (b"defendants", b"individuals", b"people", b"persons", b" men", b"women")


def stated_count(text: str) -> tuple[int, list[int]] | None:
    """(the largest number of defendants the text states, every place it does), or None ('ten
    defendants', 'five Chicago-area men'): the nouns found with bytes.find, the number looked for
    before them."""
    best = None
    b = ascii_bytes(text)
    for noun in _PEOPLE_NOUNS:
        at = b.find(noun)
        while at >= 0:
            i = at + (noun[0] == 32)
            end = at + len(noun)
            if end >= len(b) or not chr(b[end]).isalpha():
                m = _N_BEFORE.search(text, max(0, i - 40), i)
                n = _count(m.group(1)) if m else None
                if n and n >= 3 and (best is None or n > best[0]):
                    best = (n, [m.start()])
                elif n and best is not None and n == best[0]:
                    best[1].append(m.start())
            at = b.find(noun, end)
    return best


def counted_roster(text: str, people: list[Candidate]) -> tuple[list[Candidate], list[int]] | None:
    """The people the release names without any sign of who they are, when the release states
    as many defendants as it names people ('an indictment against ten defendants' and ten
    names, each given a role: 'X was the leader', 'The sellers were A, B and C')."""
    if not any(not c.evidence for c in people):
        return None
    got = stated_count(text)
    if got is None or got[0] != len(people):
        return None
    roster = [c for c in people if not c.evidence]
    if any(c.first < min(got[1]) - _COUNT_BEFORE_NAMES for c in roster):
        return None   # (the count introduces its names: one named long before it is no part of it, and the match
        # of numbers a coincidence: 'three individuals' in the 30th paragraph of a speech naming three people)
    return roster, got[1]


_COUNT_BEFORE_NAMES = 200   # (characters: 'X, the owner, … ; the three defendants' may name one just before the count)


def count_stage(text: str, places: list[int], events: list[tuple], rank: dict) -> str:
    """The stage said next to a stated count ('ten defendants charged'), the furthest of its places
    ('Fifteen individuals have been extradited … Twelve of the 15 defendants are charged'); only
    in the count's own sentence ('Four of the defendants were arrested' after it is not theirs),
    never at a count of a part ('Three of the five defendants …')."""
    near = []
    for at in places:
        lo = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
        hi = min((i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0), default=len(text))
        if not PART_BEFORE.search(text, max(0, lo), at):
            # the verb nearest the count ('Three residents have been arrested and two men are being sought
            # after a grand jury indicted five people': the five were indicted, not all arrested)
            own = [e for e in events if abs(e[0] - at) < 120 and lo < e[0] < hi]
            if own:
                first = min(own, key=lambda e: abs(e[0] - at))
                near.append(first[2])
                # ('All five defendants have pleaded guilty or been convicted at trial': either, the furthest)
                near += [e[2] for e in own if e is not first and " or " in text[min(e[1], first[1]):max(e[0], first[0])]
                         and abs(e[0] - first[0]) < 60]
    return max(near, key=rank.get, default="charged")
