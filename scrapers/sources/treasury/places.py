"""Places and countries in a Treasury release: "X-based", "based in X", "<demonym> nationals",
and whether such a phrase describes the name next to it."""
from __future__ import annotations

import re

from ...countries import country_of_demonym, country_of_place, demonym_pattern, normalize_country
from .html import Block, sentence_spans

_US_STATES = {s.lower() for s in (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico")}
_PLACE_TOKEN = r"(?:[A-Z][\w.’'&]*|de|del|la|las|los|el|do|da|dos)"
_PLACE_BEFORE = re.compile(rf"({_PLACE_TOKEN}(?:(?:\s+|,\s+){_PLACE_TOKEN})*)$")
_PLACE_AFTER = re.compile(rf"^(?:the\s+)?({_PLACE_TOKEN}(?:(?:\s+|,\s+){_PLACE_TOKEN})*)")
_BASED = re.compile(r"-\s*based\b")
_BASED_IN = re.compile(r"\b(?:[Bb]ased|[Hh]eadquartered|[Ll]ocated|[Rr]egistered)\s+in\s+")
_DEMONYM_RE = re.compile(
    rf"\b({demonym_pattern()})\s+(?:national|nationals|citizen|citizens|compan(?:y|ies)|business(?:es)?|firms?"
    r"|entit(?:y|ies)|individuals?|traffickers?|drug\s+traffickers?|brokers?|money\s+launderers?|cartels?"
    r"|suppliers?|manufacturers?|exporters?|importers?|producers?|vendors?|smugglers?|criminal\s+organizations?"
    r"|organizations?|pharmac(?:y|ies)|nationals)\b", re.I)


def resolve_place(phrase: str) -> str | None:
    """'Culiacan, Sinaloa' -> 'Mexico'; 'PRC' -> 'China'; 'Florida' -> 'United States'."""
    phrase = phrase.strip(" ,")
    if not phrase:
        return None
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if parts and parts[-1].lower().rstrip(".") in _US_STATES:
        return "United States"
    found = country_of_place(phrase)
    if found:
        return found.name
    words = phrase.split()
    for n in range(min(3, len(words)), 0, -1):     # "Sinaloa Cartel's Mexico" -> "Mexico"
        tail = " ".join(words[-n:])
        if tail.lower() in _US_STATES:
            return "United States"
        c = normalize_country(tail) or country_of_place(tail)
        if c:
            return c.name
    return None


def place_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of "X-based", "based in X", "Mexican nationals" in `text`."""
    out = []
    for m in _BASED.finditer(text):
        lo = max(0, m.start() - 90)
        before = text[lo:m.start()]
        pm = _PLACE_BEFORE.search(before)
        if pm:
            country = resolve_place(pm.group(1))
            if country:
                out.append((lo + pm.start(), m.end(), country))
            coord = re.search(rf"({_PLACE_TOKEN}(?:\s+{_PLACE_TOKEN}){{0,3}})-\s+and\s+$", before[:pm.start()])
            if coord:
                other = resolve_place(coord.group(1))
                if other:
                    out.append((lo + coord.start(), m.end(), other))
    for m in _BASED_IN.finditer(text):
        am = _PLACE_AFTER.search(text[m.end():m.end() + 90])
        if not am:
            continue
        pos = m.end() + am.start(1)
        for part in am.group(1).split(","):
            country = resolve_place(part)
            if country:
                out.append((m.start(), pos + len(am.group(1)), country))
                break
    for m in _DEMONYM_RE.finditer(text):
        c = country_of_demonym(m.group(1))
        if c:
            out.append((m.start(), m.end(), c.name))
    return sorted(out)


_PREDICATE = re.compile(r"\b(?:with|to|from|for|by|against|via|through|work(?:s|ed|ing)?|s[eo]ld|sells|suppl(?:y|ies|ied)"
                        r"|ship(?:s|ped)?|b(?:uy|uys|ought)|purchas(?:e|es|ed)|pa(?:y|ys|id)|launder(?:s|ed)?"
                        r"|receiv(?:e|es|ed)|sen(?:d|ds|t)|recruit(?:s|ed)?|move(?:s|d)?|smuggl\w*|traffick\w*)\b", re.I)


def describes(text: str, name_start: int, name_end: int, place_start: int, place_end: int) -> bool:
    """Whether a place phrase describes the name next to it: "Mexico-based business, NAME",
    "Based in India, NAME", "NAME, a Culiacan, Sinaloa-based company", "NAME (Short), which is
    a …-based", but not "NAME worked with Dominican Republic-based traffickers"."""
    if place_end <= name_start:
        between = text[place_end:name_start]
        return len(between) <= 80 and not _PREDICATE.search(between) and not re.search(r"[.;:]", between)
    if place_start >= name_end:
        between = re.sub(r"\([^()]*\)", "", text[name_end:place_start])
        if _PREDICATE.search(between):
            return False
        return bool(re.fullmatch(r"[\s*]*(?:,\s*(?:(?:which|who|that)\s+(?:is|was|are)\s+)?|\s*(?:is|was|are)\s+)"
                                 r"(?:(?:a|an|the|its|his|her|their|one)\b)?[\w\s,’'-]{0,40}", between))
    return True


def text_countries(blocks: list[Block]) -> list[str]:
    """Every "X-based" / "based in X" / "<demonym> nationals" in a release's text (boilerplate
    about blocked property left out)."""
    found: set[str] = set()
    for block in blocks:
        for s, e in sentence_spans(block.text):
            sentence = block.text[s:e]
            if _BOILERPLATE.search(sentence):
                continue
            found |= {c for _, _, c in place_mentions(sentence)}
    return sorted(found)


_BOILERPLATE = re.compile(r"interests?\s+in\s+property|blocked\s+and\s+reported|must\s+be\s+(?:blocked|frozen)"
                          r"|possession\s+or\s+control\s+of\s+U\.S\.|frozen", re.I)
