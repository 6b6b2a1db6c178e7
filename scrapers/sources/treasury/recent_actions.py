"""OFAC Recent Actions day pages, `https://ofac.treasury.gov/recent-actions/YYYYMMDD`: OFAC's
own list of the SDN entries an action added, removed or changed (the strongest evidence of
who was designated that day).

The page as served (see ../shared/corpus/SOURCES.md): the action is
`article.node--type-ofac-recent-action`; its date `div.field--name-field-release-date
.field__item` ("MM/DD/YYYY"), its releases `div.field--name-field-press-release-link a`, its
text `div.field--name-field-body div.field__item` (the page's several `div.field--name-body`
are the header, sidebar, search and footer blocks: never entries). In the text, `<h3>`
"Specially Designated Nationals List Update", then `<h4>` headings ("The following
individuals have been added to OFAC's SDN List:", "… entity has been added …", "The following
deletions have been made …", "The following changes have been made …", some ending in
`&nbsp;`), then the entries: one `<p>` each, or several in one `<p>` separated by
`<br><br>`, sometimes each wrapped in `<a><font color="…">`. After an `<hr>`, "Unrelated
Administrative List Changes:" with "None" or more entries. A day may open with paragraphs
that are not entries (a general licence).

An entry is written as on the list: `NAME (a.k.a. …; a.k.a. …), address; DOB …; … (individual)
[PROGRAM] [PROGRAM] (Linked To: …).` Parentheses nest (`(a.k.a. X (Cyrillic: …); a.k.a. Y)`)
and hold `;`, so the entry is read with its parentheses balanced. A change is `OLD -to- NEW`
(the `-to-` sometimes bold), or the `-to-` alone in a paragraph or between `<br>`s.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # (bs4 is imported where a page is parsed: a build without Treasury pages never loads it)
    from bs4 import BeautifulSoup

from ...dates import eastern_date, parse_human_date
from ...errors import SourceError
from .html import (
    DATE_TEXT,
    EO14059_TAG,
    SOURCE,
    clean_url,
    contained,
    decode,
    page_title,
    recent_actions_key,
    release_id_from,
    require_whole_page,
    squash,
    text_blocks,
)


@dataclasses.dataclass
class RecentActionEntry:
    position: int
    section: str                    # added | removed | updated | other
    heading: str | None             # the heading it is listed under, as written
    text: str                       # the entry as written ("OLD -to- NEW" for a change)
    name: str | None                # primary name: "SURNAME, Given" / the entity's name
    entity_type: str                # individual | entity | vessel | aircraft
    programs: list[str]             # for a change: the new entry's
    aliases: list[str] = dataclasses.field(default_factory=list)
    identifiers: list[str] = dataclasses.field(default_factory=list)   # "DOB 10 Nov 1980", "Passport …"
    linked_to: list[str] = dataclasses.field(default_factory=list)
    old_name: str | None = None     # for a change
    old_programs: list[str] | None = None

    @property
    def gains_eo14059(self) -> bool:
        """A change that puts an existing entry under E.O. 14059: designated that day."""
        return self.old_programs is not None and EO14059_TAG in self.programs and EO14059_TAG not in self.old_programs


@dataclasses.dataclass
class RecentAction:
    url: str
    key: str | None
    date: str | None
    title: str | None
    entries: list[RecentActionEntry]
    release_ids: list[str]
    official: bool = False          # OFAC's Recent Actions markup was found (not a fallback reading)


# -- one entry ---------------------------------------------------------------------------------

_TYPES = {"individual", "entity", "vessel", "aircraft"}
_ALIAS_PREFIX = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.|also known as)\s*", re.I)
# "Cyrillic: …", "Latin: …", "Chinese Simplified: …", "Chinese Traditional: …"
_SCRIPT = re.compile(r"^(?:[A-Z][a-z]+(?:\s+[A-Za-z][a-z]+)?)\s*:\s*(.+)$", re.S)
_TO = re.compile(r"\s-to-\s", re.I)


def _top_level(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the top-level (…) groups and […] groups of `text`; an unclosed parenthesis runs
    to the end. Linear in the length of the text."""
    parens, brackets = [], []
    depth, start, bstart = 0, 0, None
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                parens.append((start, i + 1))
        elif depth == 0 and ch == "[":
            bstart = i
        elif depth == 0 and ch == "]" and bstart is not None:
            brackets.append((bstart, i + 1))
            bstart = None
    if depth:
        parens.append((start, len(text)))
    return parens, brackets


def _outside(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """`text` with the spans blanked (offsets kept)."""
    out, last = [], 0
    for s, e in spans:
        out.append(text[last:s])
        out.append(fill * (e - s))
        last = e
    out.append(text[last:])
    return "".join(out)


def split_top_level(text: str, sep: str) -> list[str]:
    """`text` split at `sep` outside parentheses and double quotes."""
    parts, depth, last, quoted = [], 0, 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def _programs(text: str, brackets: list[tuple[int, int]]) -> list[str]:
    out = []
    for s, e in brackets:
        tag = squash(text[s + 1:e - 1])
        if re.fullmatch(r"[A-Z0-9][A-Z0-9 .&/-]*", tag) and tag not in out:
            out.append(tag)
    return out


def has_programs(text: str) -> bool:
    return bool(_programs(text, _top_level(text)[1]))


def parse_entry(text: str) -> dict:
    """One list entry as written -> name, entity type, programs, aliases, identifiers, linked
    names. The name is what comes before the first ';' outside parentheses, with the
    parenthesised aliases and script forms taken out: for an individual "SURNAME, Given", for
    an entity its upper-case parts (the address follows). Identifiers are the other ';' parts
    as written ("DOB 03 Mar 1975", "Passport 123 (Mexico)")."""
    text = squash(text)
    parens, brackets = _top_level(text)
    first_semicolon = _first_top_level(text, re.compile(";"))
    head_end = first_semicolon[0] if first_semicolon else len(text)
    etype, aliases, linked, drop = "entity", [], [], list(brackets)
    for s, e in parens:
        inner = squash(text[s + 1:e - 1] if text[e - 1:e] == ")" else text[s + 1:e])
        low = inner.lower()
        if low in _TYPES:
            etype = low
        elif low.startswith("linked to:"):
            linked += [squash(x) for x in split_top_level(inner.split(":", 1)[1], ";") if squash(x)]
        elif _ALIAS_PREFIX.match(inner) or (_SCRIPT.match(inner) and s < head_end):
            aliases += [a for a in _aliases(inner) if a not in aliases]
        else:
            continue
        drop.append((s, e))
    flat = _outside(text, sorted(drop))
    segments = [squash(x) for x in split_top_level(flat, ";")]
    identifiers = [x.rstrip(". ") for x in segments[1:] if x.rstrip(". ")]
    return {"name": entry_name(segments[0] if segments else "", etype), "entity_type": etype,
            "programs": _programs(text, brackets), "aliases": aliases, "identifiers": identifiers,
            "linked_to": linked}


def _aliases(inner: str) -> list[str]:
    """'a.k.a. X (Cyrillic: Y); a.k.a. "Z"' -> ['X', 'Y', 'Z']; 'Cyrillic: Y' -> ['Y']."""
    out = []
    for part in split_top_level(inner, ";"):
        part = squash(part)
        script = _SCRIPT.match(part)
        alias = script.group(1) if script and not _ALIAS_PREFIX.match(part) else _ALIAS_PREFIX.sub("", part)
        for sub in [alias] + re.findall(r"\(\s*[A-Z][a-z]+\s*:\s*([^()]+)\)", alias):
            sub = squash(re.sub(r"\([^()]*\)", "", sub)).strip(" \"“”'")
            if sub and sub not in out:
                out.append(sub)
    return out


def entry_name(head: str, entity_type: str | None) -> str | None:
    """'GUZMAN LOPEZ, Joaquin, Culiacan, Mexico' -> 'GUZMAN LOPEZ, Joaquin';
    'SUMILAB, S.A. DE C.V., Calle …, Culiacan, Mexico' -> 'SUMILAB, S.A. DE C.V.'."""
    if entity_type in ("vessel", "aircraft"):
        # an aircraft's name is its tail number, sometimes written without the ';' before its
        # fields ('N123AB Aircraft Model …'): cut where the fields start, as for a vessel
        return _vessel_name(head)
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not parts:
        return None
    if entity_type == "individual":
        if len(parts) >= 2 and not parts[1].isupper():
            return f"{parts[0]}, {parts[1]}"
        return parts[0]
    kept = []
    for p in parts:
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", p)
        if kept and p[:1].isdigit():        # "14A, Nemiga str., Minsk": the address
            break
        if letters and letters.isupper():
            kept.append(p)
        else:
            break
    return ", ".join(kept) if kept else parts[0]


# where a vessel's name ends and OFAC's fields go on: the call sign "(UCPT)", the vessel type
# ("Crude Oil Tanker", "General Cargo"), tonnage ("6,200DWT"), flag, "IMO 1234567", "MMSI"
_VESSEL_FIELD = re.compile(r"\(|\b[A-Z][a-z]|\b\d[\d,.]*\s?(?:DWT|GRT)\b|\bIMO\b|\bMMSI\b|\bVessel\b|,")


def _vessel_name(head: str) -> str | None:
    """'SEA STAR 7 (UCPT) General Cargo 6,200DWT 4,100GRT Panama flag' -> 'SEA STAR 7';
    'XA-ABC Aircraft Model …' -> 'XA-ABC'."""
    head = squash(head)
    m = _VESSEL_FIELD.search(head)
    name = squash(head[:m.start()] if m else head).strip(" ,;").rstrip(" .")
    return name or (squash(head.split(",")[0]) or None)


def parse_change(text: str) -> dict:
    """An entry, or a change `OLD -to- NEW` (the new entry's fields, with old_name and
    old_programs)."""
    text = squash(text)
    cut = _first_top_level(text, _TO)
    if cut is None:
        return parse_entry(text)
    return change_of(text[:cut[0]], text[cut[1]:])


def change_of(old_text: str, new_text: str) -> dict:
    """The new entry's fields, with the old entry's name and programs."""
    old, new = parse_entry(old_text), parse_entry(new_text)
    new.update(old_name=old["name"], old_programs=old["programs"])
    return new


def _first_top_level(text: str, rx: re.Pattern) -> tuple[int, int] | None:
    parens, _ = _top_level(text)
    for m in rx.finditer(text):
        if not any(s <= m.start() < e for s, e in parens):
            return m.span()
    return None


# -- the page ------------------------------------------------------------------------------------

_GENERIC_HEADING = re.compile(r"^(?:the\s+)?(?:specially\s+designated\s+nationals|sdn|non-sdn[\w\s-]*|consolidated[\w\s-]*)"
                              r"\s+list\s+updates?$", re.I)
_REMOVED = re.compile(r"\b(?:remov(?:ed|als?)|delet(?:ed|ions?)|delist\w*)\b", re.I)
_ADDED = re.compile(r"\b(?:added|additions?|designat(?:ed|ions?)|identified)\b", re.I)
_UPDATED = re.compile(r"\b(?:changes?|changed|updat(?:ed|es?)|amend(?:ed|ments?))\b", re.I)
# a heading that says the day changed the SDN list: entries must follow
_ANNOUNCES = re.compile(r"\b(?:added|deletions?|removed|changes|updated)\b.*\b(?:SDN|Specially\s+Designated\s+Nationals)\b"
                        r"|^(?:Specially\s+Designated\s+Nationals|SDN)\s+List\s+Updates?$", re.I)
_UPPER = "A-Z0-9ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ"
_START = re.compile(rf"^[\"“'(]?[{_UPPER}]")
# how a list entry begins: its name in capitals, then a comma, a parenthesis, ';' or '['
_ENTRY_START = re.compile(rf"^[\"“]?[{_UPPER}][{_UPPER}'’.&/ -]*[{_UPPER}.)](?:,|\s?\(|;|\s\[)")


def section_of(heading: str) -> str | None:
    """The section a heading opens (added / removed / updated), None for the generic "SDN List
    Update" title, "other" for a heading that says nothing of the list."""
    heading = squash(heading).rstrip(" :")
    if _GENERIC_HEADING.match(heading):
        return None
    if _REMOVED.search(heading):
        return "removed"
    if _ADDED.search(heading):
        return "added"
    if _UPDATED.search(heading):
        return "updated"
    return "other"


def _is_heading_line(line: str, block_is_heading: bool) -> bool:
    return block_is_heading or line.endswith(":") or bool(re.match(r"^The\s+following\b", line, re.I))


def _body(soup: BeautifulSoup):
    article = soup.select_one("article.node--type-ofac-recent-action")
    for scope in (article, soup):
        if scope is None:
            continue
        body = scope.select_one("div.field--name-field-body")
        if body is not None:
            return article, body
    # an older or simplified layout: the article's own body field, never the page chrome's
    for art in soup.find_all("article"):
        body = art.select_one("div.field--name-body")
        if body is not None:
            return art, body
    return article, soup.select_one("main")


@contained
def parse_recent_actions(content: bytes | str, url: str) -> RecentAction:
    """The SDN entries listed on an OFAC Recent Actions page. Raises SourceError naming `url`
    when the page was cut short, has no Recent Actions text, or announces SDN List changes and
    yields no entry (the layout changed). A day without list changes (a licence) has none."""
    from bs4 import BeautifulSoup

    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    article, body = _body(soup)
    if body is None:
        raise SourceError(SOURCE, url, "no Recent Actions text (expected div.field--name-field-body in"
                          " article.node--type-ofac-recent-action): not a Recent Actions page, or the layout changed")
    entries, announced = _entries(body)
    if not entries and announced:
        raise SourceError(SOURCE, url, f"the page announces SDN List changes ({announced!r}) but yields no entry"
                          " (has the page layout changed?)")
    return RecentAction(url, recent_actions_key(url), _date(soup, article, url), _title(soup),
                        entries, _release_ids(soup, article, url), official=article is not None)


# a change's "-to-" on its own: OFAC writes `OLD -to- NEW` in one paragraph, but a page may put the
# "-to-" in a paragraph of its own (`<p><strong>-to-</strong></p>`), between line breaks
# (`OLD<br>-to-<br>NEW`), or at the end or start of the old or new entry's line
_TO_ALONE = "-to-"
_TO_OPENS = re.compile(r"^-to-(?:\s|$)", re.I)
_TO_CLOSES = re.compile(r"\s-to-$", re.I)


def _lines(text: str) -> list[str]:
    """A block's lines, squashed, with a "-to-" that opens or closes a line set on a line of its own."""
    out = []
    for line in text.split("\n"):
        line = squash(line)
        opens = _TO_OPENS.match(line)
        if opens:
            out.append(_TO_ALONE)
            line = line[opens.end():].lstrip()
        closes = _TO_CLOSES.search(line)
        if closes:
            line = line[:closes.start()]
        if line:
            out.append(line)
        if closes:
            out.append(_TO_ALONE)
    return out


# a line that only goes on with the entry before it: more program tags, its "(Linked To: …)" tail
_TAIL_LINE = re.compile(r"^(?:\[[A-Z0-9][A-Z0-9 .-]*\]\s*)+(?:\(Linked\s+To:[^()]*\)\s*)?[.;]?$|^\(Linked\s+To:[^()]*\)\s*[.;]?$", re.I)


def _can_change(text: str) -> bool:
    """A whole entry (its programs read) that is not itself a change: what a "-to-" can follow."""
    return has_programs(text) and _first_top_level(text, _TO) is None


def _new_side(text: str) -> str:
    """The entry a text read so far ends with: for a change `OLD -to- NEW` written inline, the new
    entry, which may go on over the next lines (`… [SDGT]. -to- NAME (a.k.a. …),<br>address;<br>…
    [SDGT].`) and is whole only once its own programs are read."""
    cut = _first_top_level(text, _TO)
    return text[cut[1]:] if cut is not None else text


def _entries(body) -> tuple[list[RecentActionEntry], str | None]:
    entries: list[RecentActionEntry] = []
    section, heading, announced = "other", None, None
    old: str | None = None      # an entry followed by a "-to-" of its own: a change's old side, waiting
    ended = False               # the last thing read was an entry that closed its block

    def emit(raw: str) -> None:
        nonlocal old
        fields = parse_change(raw) if old is None else change_of(old, raw)
        if old is not None:
            raw, old = f"{old} -to- {raw}", None
        entries.append(RecentActionEntry(position=len(entries), section=section, heading=heading,
                                         text=squash(raw), **fields))

    def alone() -> None:
        """The "-to-" led to no new entry (a heading, prose, the page's end): the old one stands."""
        nonlocal old
        if old is not None:
            raw, old = old, None
            emit(raw)

    for block in text_blocks(body):
        pending: str | None = None
        for line in _lines(block.text):
            if line.lower() == _TO_ALONE and (pending is None or has_programs(pending)):
                if old is not None:
                    pass                            # a second "-to-" before or in the new entry: ignored
                elif pending is not None and _can_change(pending):
                    old, pending = pending, None
                elif pending is None and ended and _can_change(entries[-1].text):
                    old = entries.pop().text        # `<p>OLD …</p><p>-to-</p>`: the entry that closed its block
                ended = False                       # (a "-to-" with no entry before it is no change)
                continue
            ended = False
            if not has_programs(line) and _is_heading_line(line, block.is_heading) and not _ENTRY_START.match(line):
                if pending is not None and has_programs(pending):
                    emit(pending)
                pending = None
                alone()
                opened = section_of(line)
                if opened is not None:
                    section, heading = opened, line.rstrip(" :")
                if announced is None and _ANNOUNCES.search(line.rstrip(" :")):
                    announced = line.rstrip(" :")
                continue
            side = _new_side(pending) if pending is not None else None
            if side is not None and _TAIL_LINE.match(line):
                pending = f"{pending} {line}"   # '… (individual) [SDGT]<br>[ILLICIT-DRUGS-EO14059] (Linked To: X).': its tags go on
                continue
            if side is not None and (has_programs(side) or (_ENTRY_START.match(line) and not _ENTRY_START.match(side))):
                if has_programs(pending):
                    emit(pending)
                else:
                    alone()
                pending = None
            # an entry broken by a single <br> goes on on the next line
            pending = line if pending is None else f"{pending} {line}"
        if pending is not None and has_programs(pending) and _START.match(pending):
            emit(pending)
            ended = True
        elif pending is not None:
            alone()
    alone()
    return entries, announced


def _date(soup, article, url) -> str | None:
    key = recent_actions_key(url)
    if key:
        return f"{key[:4]}-{key[4:6]}-{key[6:8]}"
    scope = article or soup
    shown = scope.select_one("div.field--name-field-release-date .field__item")
    if shown is not None:
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", shown.get_text(" "))
        if m:
            return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    t = scope.find("time", attrs={"datetime": True}) or soup.find("time", attrs={"datetime": True})
    if t:
        return eastern_date(t["datetime"])
    m = DATE_TEXT.search(squash(scope.get_text(" ")))
    return parse_human_date(m.group(0)) if m else None


def _title(soup) -> str | None:
    tag = soup.select_one("h1.uswds-page-title span.treas-page-title") or soup.select_one("h1.uswds-page-title")
    if tag is not None and squash(tag.get_text(" ")):
        return squash(tag.get_text(" "))
    return page_title(soup)


def _release_ids(soup, article, url) -> list[str]:
    """The releases the page links to: its 'Press Release Link' field, else the links inside
    the action (never the site's menus and sidebars)."""
    links = (article or soup).select("div.field--name-field-press-release-link a[href]")
    if not links:
        links = (article.find_all("a", href=True) if article is not None else [])
    out = []
    for a in links:
        rid = release_id_from(clean_url(a["href"], url) or "")
        if rid and rid not in out:
            out.append(rid)
    return out
