"""OFAC Recent Actions pages, `https://ofac.treasury.gov/recent-actions/YYYYMMDD`: the SDN
entries of one action, written as on the list ("SURNAME, Given, …; DOB …; … (individual)
[ILLICIT-DRUGS-EO14059]."), under lines such as "The following individuals have been added
to OFAC's SDN List:"."""
from __future__ import annotations

import dataclasses
import re

from bs4 import BeautifulSoup

from ...dates import eastern_date, parse_human_date
from .html import (DATE_TEXT, EO14059_TAG, clean_url, decode, page_title, recent_actions_key, release_id_from,
                   require_whole_page, squash, text_blocks)

@dataclasses.dataclass
class RecentActionEntry:
    position: int
    section: str           # added | updated | removed | other
    text: str
    name: str | None
    entity_type: str | None
    programs: list[str]


@dataclasses.dataclass
class RecentAction:
    url: str
    key: str | None
    date: str | None
    title: str | None
    entries: list[RecentActionEntry]
    release_ids: list[str]


_PROGRAMS = re.compile(r"\[([A-Z0-9][A-Z0-9 .&/-]*(?:\]\s*\[[A-Z0-9][A-Z0-9 .&/-]*)*)\]")


def parse_recent_actions(content: bytes | str, url: str) -> RecentAction:
    """The SDN entries listed on an OFAC Recent Actions page (may be empty: the caller decides
    whether that is an error). Raises SourceError naming `url` when the page was cut short."""
    text = decode(content)
    require_whole_page(text, url)
    soup = BeautifulSoup(text, "lxml")
    key = recent_actions_key(url)
    date = None
    if key:
        d = key[:8]
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
    title = page_title(soup)
    scope = (soup.select_one("div.field--name-body") or soup.select_one("article") or soup.select_one("main")
             or soup.body or soup)
    if date is None:
        t = scope.find("time", attrs={"datetime": True}) or soup.find("time", attrs={"datetime": True})
        if t:
            date = eastern_date(t["datetime"])
        else:
            m = DATE_TEXT.search(squash(soup.get_text(" ")))
            date = parse_human_date(m.group(0)) if m else None
    entries: list[RecentActionEntry] = []
    section = "added"
    for block in text_blocks(scope):
        for line in block.text.split("\n"):
            line = squash(line)
            if not line:
                continue
            if not _PROGRAMS.search(line) or not re.match(r"^[A-Z0-9ÁÉÍÓÚÑÜ'\"“.&(-]", line):
                low = line.lower()
                if re.search(r"\b(?:removed|deleted|delisted|deletions?|removals?)\b", low):
                    section = "removed"
                elif re.search(r"\b(?:updated|changed|amended|updates?|changes)\b", low):
                    section = "updated"
                elif re.search(r"\b(?:added|designated|designations?|additions?|identified)\b", low):
                    section = "added"
                continue
            entry_text, entry_section = line, section
            programs = [p.strip() for grp in _PROGRAMS.findall(line.split(" -to- ", 1)[-1]) for p in re.split(r"\]\s*\[", grp)]
            if " -to- " in line:
                old, entry_text = line.split(" -to- ", 1)
                before = {p.strip() for grp in _PROGRAMS.findall(old) for p in re.split(r"\]\s*\[", grp)}
                # an existing entry put under E.O. 14059 that day is, for this tracker, designated that day
                entry_section = "added" if EO14059_TAG in programs and EO14059_TAG not in before else "updated"
            etype = None
            m = re.search(r"\((individual|vessel|aircraft|entity)\)", entry_text)
            if m:
                etype = m.group(1)
            entries.append(RecentActionEntry(len(entries), entry_section, entry_text, ra_entry_name(entry_text, etype),
                                             etype or "entity", programs))
    release_ids = []
    for a in soup.find_all("a", href=True):
        rid = release_id_from(clean_url(a["href"], url) or "")
        if rid and rid not in release_ids:
            release_ids.append(rid)
    return RecentAction(url, key, date, title, entries, release_ids)


def ra_entry_name(text: str, entity_type: str | None) -> str | None:
    """'GUZMAN LOPEZ, Joaquin (Latin: …) (a.k.a. …), Mexico; DOB …' -> 'GUZMAN LOPEZ, Joaquin';
    'SUMILAB, S.A. DE C.V., Calle …, Culiacan, Sinaloa, Mexico; …' -> 'SUMILAB, S.A. DE C.V.'."""
    head = text.split(";", 1)[0]
    head = re.sub(r"\([^()]*\)", "", head)
    head = re.sub(r"\[[^\]]*\]", "", head)
    parts = [p.strip() for p in head.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if entity_type == "individual":
        if len(parts) >= 2 and not parts[1].isupper():
            return f"{parts[0]}, {parts[1]}"
        return parts[0]
    kept = []
    for p in parts:
        letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", p)
        if letters and letters.isupper():
            kept.append(p)
        else:
            break
    return ", ".join(kept) if kept else parts[0]
