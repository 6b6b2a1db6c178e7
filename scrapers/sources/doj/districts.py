"""U.S. Attorneys' districts of a DOJ release: from its components ('USAO - Minnesota'), the
office in its URL (/usao-edla/), or the district names its text writes."""
from __future__ import annotations

import functools
import re

from .classify import tables


@functools.lru_cache(maxsize=1)
def geo() -> dict:
    """States (by postal code), each state's district parts, the state names, and a pattern
    for a state name after 'District of '."""
    t = tables()
    states = t["states"]
    parts = t["district_parts"]
    state_names = sorted(states.values(), key=len, reverse=True)
    state_alt = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in state_names)
    return {
        "state_after": re.compile(rf"(?:the\s+)?({state_alt}|Columbia)\b"),
        "states": states,
        "parts": parts,
        "state_names": set(states.values()),
    }


@functools.lru_cache(maxsize=4096)
def district_from_component(component: str) -> str | None:
    """'USAO - Minnesota' -> 'District of Minnesota'; 'USAO - Louisiana, Eastern' ->
    'Eastern District of Louisiana'; anything that is not a U.S. Attorney's Office -> None.
    (Cached: a few hundred components name every release.)"""
    t = tables()
    comp = re.sub(r"\s+", " ", component or "").strip()
    exc = t["district_exceptions"]
    if comp in exc:
        return exc[comp]
    m = re.match(r"^USAO\s*[-–]\s*(.+)$", comp)
    if not m:
        return None
    rest = m.group(1).strip()
    p = geo()
    if "," in rest:
        state, part = (x.strip() for x in rest.rsplit(",", 1))
        if state in p["parts"] and part in p["parts"][state]:
            return f"{part} District of {state}"
        return None
    if rest.startswith("District of "):
        rest = rest[len("District of "):]
    if rest in p["state_names"] and rest not in p["parts"]:
        return "District of Columbia" if rest == "District of Columbia" else f"District of {rest}"
    return None


_SLUG = re.compile(r"^https?://[^/]+/(usao-[a-z]+)(?:/|$)")


def district_from_url(url: str | None) -> str | None:
    """'https://www.justice.gov/usao-edla/pr/...' -> 'Eastern District of Louisiana'."""
    if not url:
        return None
    m = _SLUG.match(url)
    if not m:
        return None
    slug = m.group(1)
    t = tables()
    if slug in t["district_exceptions"]:
        return t["district_exceptions"][slug]
    p = geo()
    code = slug[5:]
    parts_names = {"n": "Northern", "s": "Southern", "e": "Eastern", "w": "Western", "m": "Middle", "c": "Central"}
    if len(code) == 2:
        state = p["states"].get(code.upper())
        if state and state not in p["parts"]:
            return f"District of {state}"
    if len(code) == 4 and code[1] == "d":
        state = p["states"].get(code[2:].upper())
        part = parts_names.get(code[0])
        if state and part and part in p["parts"].get(state, []):
            return f"{part} District of {state}"
    return None


def districts_in_text(text: str) -> list[str]:
    """Valid district names written in the text ('the Southern District of New York'), in
    order of first mention; impossible ones ('Southern District of Minnesota') are skipped."""
    p = geo()
    out: list[str] = []
    i = text.find("District of ")
    while i >= 0:
        m = p["state_after"].match(text, i + 12)
        if m:
            state = re.sub(r"\s+", " ", m.group(1))
            pm = _PART_BEFORE.search(text, max(0, i - 10), i)
            if state == "Columbia":
                name = "District of Columbia"
            elif pm:
                part = pm.group(1)
                name = f"{part} District of {state}" if part in p["parts"].get(state, []) else None
            elif state in p["parts"]:
                name = None
            elif state == "Virgin Islands":
                name = "District of the Virgin Islands"
            elif state == "Northern Mariana Islands":
                name = "District of the Northern Mariana Islands"
            else:
                name = f"District of {state}"
            if name and name not in out:
                out.append(name)
        i = text.find("District of ", i + 12)
    return out


_PART_BEFORE = re.compile(r"(Northern|Southern|Eastern|Western|Middle|Central)\s+$")


def release_districts(components: list[str], url: str | None, text: str) -> list[str]:
    """USAO components first; else the office in the URL; else districts named in the text
    (OPA / Criminal Division releases)."""
    out = [d for d in (district_from_component(c) for c in components) if d]
    out = list(dict.fromkeys(out))
    if not out:
        d = district_from_url(url)
        if d:
            out = [d]
    if not out:
        out = districts_in_text(text)[:3]
    return [_court_of(d, text) for d in out]


# One U.S. Attorney's Office serves two district courts: the court the text names, if only one
_SHARED_OFFICES = {"Districts of Guam and the Northern Mariana Islands": (
    ("District of Guam", re.compile(r"\bDistrict\s+(?:Court\s+)?of\s+Guam\b")),
    ("District of the Northern Mariana Islands",
     re.compile(r"\bDistrict\s+(?:Court\s+)?(?:of|for)\s+the\s+(?:Commonwealth\s+of\s+the\s+)?Northern\s+Mariana\s+Islands\b")))}


# ... else the court of the place the release is datelined in ('HAGÅTÑA, Guam –', 'SAIPAN –')
_DATELINE_COURTS = {"Districts of Guam and the Northern Mariana Islands": (
    ("District of Guam", re.compile(r"\bGuam\b")),
    ("District of the Northern Mariana Islands", re.compile(r"\b(?:Saipan|SAIPAN|Tinian|TINIAN|Rota|ROTA|Northern\s+Mariana|CNMI)\b")))}


def _court_of(district: str, text: str) -> str:
    courts = _SHARED_OFFICES.get(district)
    if not courts:
        return district
    named = [name for name, rx in courts if rx.search(text)]
    if not named and (line := _DATELINE.search(text, 0, 400)):
        named = [name for name, rx in _DATELINE_COURTS[district] if rx.search(line.group(1))]
    return named[0] if len(named) == 1 else district


_DATELINE = re.compile(r"(?m)^[ \t]*([^\n–—]{2,50}?)[ \t]+[–—-]+[ \t]")   # ('HAGÅTÑA, Guam – …', after the title's line)

