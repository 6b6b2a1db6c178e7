"""Federal Register API pages and OFAC notice texts -> records (pure functions, no I/O).

API page (`documents.json`): `{"count": N, "total_pages": P, "results": [{document_number,
title, type, publication_date, html_url, raw_text_url, body_html_url, effective_on, dates,
abstract, action, ...}]}`; `results` is absent when nothing matched. Anything else, or a result
without a document number or publication date, is a SourceError naming the URL.

Notice text (the document's `raw_text_url`, plain text, or `body_html_url`, HTML): the wording
of a notice's body was not captured, so the reading is defensive. Paragraphs (blank lines,
indented first lines, or HTML blocks) are rebuilt; a paragraph "On <Month D, YYYY>, OFAC
determined ... blocked / designated / identified" (or "removed", "updated") opens the action of
that day; each following numbered paragraph carrying program tags in brackets,
`1. NAME, Given (a.k.a. ...); DOB ...; (individual) [ILLICIT-DRUGS-EO14059].`, is one of its
entries (an update written `OLD -to- NEW` keeps the new side). "DATES: ... effective on <date>"
or the API's `effective_on` date entries no "On <date>" paragraph dates. A notice naming
E.O. 14059 and a bracketed program tag that yields no entry is a SourceError naming the file.
"""
from __future__ import annotations

import dataclasses
import html
import json
import re

from ...dates import parse_human_date
from ...errors import SourceError

SOURCE = "fedreg"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
ACTION = re.compile(rf"\bOn\s+({DATE}),\s+(?:the\s+)?(?:Director\s+of\s+)?(?:OFAC|the\s+Office\s+of\s+Foreign|the\s+"
                    r"(?:Secretary|Department|U\.S\.))", re.I)
EFFECTIVE = re.compile(rf"\beffective\s+(?:on|as\s+of)\s+({DATE})", re.I)
ISSUED = re.compile(rf"\b(?:issued|taken)\s+on\s+({DATE})", re.I)
ENTRY = re.compile(r"^(\d{1,3})\.\s+(\S.*)$", re.S)
PROGRAMS = re.compile(r"\[([A-Z0-9][A-Z0-9 .\-]*(?:\]\s*\[[A-Z0-9][A-Z0-9 .\-]*)*)\]")
HEADING = re.compile(r"^(?:Individuals?|Entit(?:y|ies)|Vessels?|Aircraft)\s*:?$", re.I)
DOC_NUMBER = re.compile(r"\[FR\s+Doc\.?\s*(?:No:?\s*)?(\d{4}-\d{3,6})")
ENTITY_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}


@dataclasses.dataclass
class NoticeEntry:
    position: int
    action_date: str | None
    section: str                # blocked | removed | updated
    text: str
    name: str | None
    programs: list[str]
    entity_type: str


@dataclasses.dataclass
class Notice:
    document_number: str | None
    action_dates: list[str]
    entries: list[NoticeEntry]
    is_eo14059: bool


def parse_api_page(content: bytes, location: str) -> tuple[int, int, list[dict]]:
    """(count, total_pages, results) of one documents.json page."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        head = content.lstrip()[:60]
        raise SourceError(SOURCE, location, f"not a JSON API answer ({exc}); it starts {head!r}") from exc
    if not isinstance(data, dict) or "count" not in data:
        raise SourceError(SOURCE, location, "not a documents.json answer (no 'count'): the API may have changed")
    results = data.get("results") or []
    if not isinstance(results, list):
        raise SourceError(SOURCE, location, f"'results' is a {type(results).__name__}, not a list")
    docs = []
    for n, r in enumerate(results, 1):
        if not isinstance(r, dict) or not r.get("document_number") or not r.get("publication_date"):
            raise SourceError(SOURCE, location, f"result {n} lacks a document_number or publication_date", n)
        docs.append(r)
    try:
        count, pages = int(data.get("count") or 0), int(data.get("total_pages") or (1 if docs else 0))
    except (TypeError, ValueError) as exc:
        raise SourceError(SOURCE, location, f"count/total_pages not numbers ({exc})") from exc
    return count, pages, docs


def to_text(content: bytes) -> str:
    """Notice bytes (plain text, or HTML) -> text with one paragraph per block."""
    text = content.decode("utf-8", errors="replace")
    if text.lstrip()[:1] == "<":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"(?i)<\s*(?:br|/p|p|/div|div|/h\d|h\d|/li|li|/tr|/pre|pre)\b[^>]*>", "\n\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    """Wrapped lines joined back into paragraphs (blank lines, indented first lines and
    numbered entries start a new one)."""
    out: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        starts = (not stripped or line[:2] == "  " or line[:1] == "\t" or HEADING.match(stripped)
                  or (ENTRY.match(stripped) and current and current[-1].rstrip().endswith((".", "]", ":"))))
        if starts and current:
            out.append(" ".join(current))
            current = []
        if stripped:
            current.append(stripped)
            if HEADING.match(stripped):
                out.append(stripped)
                current = []
    if current:
        out.append(" ".join(current))
    return [re.sub(r"\s+", " ", p).strip() for p in out if p.strip()]


def _section(paragraph: str, current: str) -> str:
    low = paragraph.lower()
    if re.search(r"\b(?:removed|deleted|delisted|unblocked|no longer)\b", low):
        return "removed"
    if re.search(r"\b(?:updated|changed|amended|revised)\b", low):
        return "updated"
    if re.search(r"\b(?:blocked|designated|identified|determined)\b", low):
        return "blocked"
    return current


def _programs(text: str) -> list[str]:
    out = []
    for group in PROGRAMS.findall(text):
        for tag in re.split(r"\]\s*\[", group):
            tag = tag.strip()
            if tag and tag not in out:
                out.append(tag)
    return out


def _name(text: str, entity_type: str) -> str | None:
    head = re.split(r" \(|;", text, maxsplit=1)[0]
    if entity_type == "individual":
        parts = [p.strip() for p in head.split(",")]
        head = ", ".join(parts[:2])
    return head.strip(" ,.") or None


def parse_notice(content: bytes, location: str, effective_on: str | None = None) -> Notice:
    text = to_text(content)
    number = DOC_NUMBER.search(text)
    fallback = None
    for rx in (EFFECTIVE, ISSUED):
        m = rx.search(text)
        if m:
            fallback = parse_human_date(m.group(1))
            break
    fallback = fallback or effective_on
    entries: list[NoticeEntry] = []
    action_dates: list[str] = []
    current_date, section = None, "blocked"
    for para in paragraphs(text):
        m = ACTION.search(para)
        if m and not ENTRY.match(para):
            current_date = parse_human_date(m.group(1))
            section = _section(para, "blocked")
            if current_date and current_date not in action_dates:
                action_dates.append(current_date)
            continue
        e = ENTRY.match(para)
        if not e or not PROGRAMS.search(para):
            if not e and re.search(r"\bfollowing\b", para, re.I):
                section = _section(para, section)
            continue
        body = e.group(2)
        entry_section = section
        if " -to- " in body:
            old, body = body.split(" -to- ", 1)
            if "ILLICIT-DRUGS-EO14059" in body and "ILLICIT-DRUGS-EO14059" not in old:
                entry_section = "blocked"      # put under E.O. 14059 by this action
            else:
                entry_section = "updated"
        # the legal basis that follows an entry in the same paragraph is not the entry
        body = re.split(r"(?<=[\].])\s+(?:Designated|Identified|Blocked)\s+pursuant\s+to\b", body, maxsplit=1)[0]
        kind = re.search(r"\((individual|vessel|aircraft|entity)\)", body)
        etype = ENTITY_TYPES.get(kind.group(1), "entity") if kind else "entity"
        entries.append(NoticeEntry(len(entries), current_date or fallback, entry_section, body,
                                   _name(body, etype), _programs(body), etype))
    is_eo = "14059" in text
    if is_eo and not entries and "ILLICIT-DRUGS-EO14059" in _programs(text):
        raise SourceError(SOURCE, location, "the notice names E.O. 14059 and lists tagged entries, but no entry could"
                          " be read (has the notice layout changed?)")
    undated = [x.position + 1 for x in entries if not x.action_date]
    if undated:
        raise SourceError(SOURCE, location, f"{len(undated)} entr{'y' if len(undated) == 1 else 'ies'} without an"
                          " action date (no 'On <date>, OFAC ...' paragraph and no effective date)")
    if fallback and not action_dates and entries:
        action_dates.append(fallback)
    return Notice(number.group(1) if number else None, action_dates, entries, is_eo)
