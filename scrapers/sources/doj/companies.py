"""Companies a DOJ release names by their legal form ('Acme Trading, LLC', 'Raxon Pvt. Ltd.') or
as a group by the noun after it ('Yuancheng Group, a China-based chemical company'): where each
name starts and ends (people.py turns them into mentions)."""
from __future__ import annotations

import re

from .mentions import _LEGAL_HINT_RX, _LEGAL_RX, COMPANY_APPOSITIVE, _sentence_end, company_list_cut

_COMPANY_WORDS = re.compile(r"(?<![\w’'])((?:(?:[A-Z0-9][\w&’'.()-]*|&|and|of|de|del|la|los|las|y)[ \t]+){1,8})$|"
                            r"(?<![\w’'])((?:(?:[A-Z0-9][\w&’'.()-]*|&|and|of|de|del|la|los|las|y)[ \t]+){0,7}[A-Z0-9][\w&’'.()-]*,[ \t]+)$")
# (each word whole: the 'y' of 'held by Acme LLC' is no Spanish 'and')
# ('Acme Trading, LLC', 'Bluestem Pharmacy, Inc.': a comma before the legal form)
_COMPANY_LEAD = frozenset(("the", "in", "on", "and", "of", "a", "an", "by", "from", "with", "to", "that", "its",
                           "de", "&", "according", "defendant", "defendants", "former", "including", "against"))

# (a company by the noun after it: COMPANY_APPOSITIVE)
_GROUP_COMPANY = re.compile(r"(?<![\w’'-])(?:The\s+)?((?:[A-Z][\w&’'-]*[ \t]+){1,5}(?:Group|Holdings?))\b")

# a dateline glued to the first word of the text ('WASHINGTONCooperative'): capitals, then a capitalised word
_GLUED_DATELINE = re.compile(r"[A-Z]{4,}(?=[A-Z][a-z])")


def company_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every company named in text, in the order found (a group's name
    only outside the legal-form names found before it)."""
    found: list[tuple[int, int, str]] = []
    if _LEGAL_HINT_RX.search(text):  # == any(h in text for h in _LEGAL_HINTS), twice as fast
        for m in _LEGAL_RX.finditer(text):
            if m.start() and text[m.start() - 1] not in " \t":
                continue
            window = text[max(0, m.start() - 160):m.start()]
            wm = _COMPANY_WORDS.search(window)
            if not wm or (wm.group(2) and m.group(0)[:1] not in "ILCS" and m.group(0) not in ("P.C.", "PLLC", "P.L.L.C.")):
                # (after a comma only 'LLC', 'Inc.', 'Ltd.', 'Corp.', 'S.A. de C.V.' and a professional corporation's 'P.C.')
                continue
            g = 1 if wm.group(1) else 2
            toks = wm.group(g).split()
            i = max((k + 1 for k, t in enumerate(toks) if t[-1] == "." and (t[:-1].isdigit() or _sentence_end(t))),
                    default=0)   # 'May 2.', 'in Seattle. Acme Inc. was'
            # 'Raxon Pvt. Ltd. (Raxon) of Hyderabad and Shreeji Agrochem Private Limited': the name
            # starts after a parenthesis closed, and after the place of the company before it
            i = max((k + 1 for k, t in enumerate(toks) if t.count(")") > t.count("(")), default=i)
            if 0 < i < len(toks) and toks[i - 1].count(")") > toks[i - 1].count("(") and toks[i] in ("of", "in", "from"):
                i = next((k + 1 for k in range(i + 1, min(i + 5, len(toks) - 1)) if toks[k] == "and"), i)
            toks, i = toks[i:], 0
            # leading words that are no part of the name: 'the', 'former', a dateline
            # ('WASHINGTON Acme Corp.'), a description ('Tokyo-based Acme Corp.')
            while i < len(toks) - 1 and (toks[i].lower() in _COMPANY_LEAD or toks[i].lower().endswith("-based") or
                                         (len(toks[i]) >= 6 and toks[i].isupper() and not toks[i + 1].isupper())):
                i += 1
            toks = toks[i:]
            if not toks or toks[0].lower() in _COMPANY_LEAD:
                continue
            start = m.start() - len(window) + wm.start(g) + wm.group(g).find(toks[0])
            if (glued := _GLUED_DATELINE.match(toks[0])) is not None:
                toks[0] = toks[0][glued.end():]   # 'WASHINGTONCooperative Success Maritime S.A.': the dateline lost its dash
                start += glued.end()
            # 'companies Acme Chemicals and Zenith Labs Pvt. Ltd.': two companies
            cut = company_list_cut(toks, window[:wm.start(g) + wm.group(g).find(toks[0])])
            if cut and _LEGAL_RX.search(" ".join(toks[:cut])):
                # 'Acme Ltd. and Zenith Inc.': the first one has its own legal form, read already
                start = text.find(toks[cut + 1], start)
                toks = toks[cut + 1:]
            elif cut:
                first = " ".join(toks[:cut])
                found.append((start, start + len(first), first))
                start = text.find(toks[cut + 1], start + len(first))
                toks = toks[cut + 1:]
            name = " ".join(toks + [m.group(0)]).rstrip(",")
            found.append((start, m.end(), name))
    if "Group" in text or "Holding" in text:
        # a company named without a legal form, as a company by the noun after it: 'Yuancheng Group, a
        # China-based chemical company' (never a task force's or working group: no company noun)
        for m in _GROUP_COMPANY.finditer(text):
            if COMPANY_APPOSITIVE.match(text, m.end(1)) and not any(a <= m.start(1) < b for a, b, _ in found):
                found.append((m.start(1), m.end(1), m.group(1)))
    return found
