"""OFAC delta files and their archive listing -> records (pure functions, no I/O).

A delta file (namespace https://www.treasury.gov/ofac/DeltaFile/1.0; layout in
scrapers/ofac_xml.py) is one publication: `publicationInfo/datePublished` (e.g.
2024-02-07T00:00:00-05:00: the publication's U.S. Eastern day) and `publicationType`, then
its entities. `<entity action="add">` went on the list, `action="remove"` came off;
an entity without an add/remove action (or with action change/update) was corrected in
place and its changed elements carry their own `action` (add/remove/update, `oldValue`).
An entity removed and added again in the same file was replaced: one `changed` record whose
changes compare the two versions. Unknown elements are ignored; a file that is not a delta
file, or an entity without a numeric id, is a SourceError naming the file.

The archive listing (`GetDeltaFileArchive?year=YYYY`) is JSON: a list of objects with
`fileName` (YYYY-MM-DD_delta.xml), `publishDisplayDate` and `downloadLink`; anything else is a
SourceError naming the URL.
"""
from __future__ import annotations

import dataclasses
import json
import re

from ... import ofac_xml
from ...dates import eastern_date
from ...errors import SourceError
from ..base import load_source_yaml

SOURCE = "deltas"
FILE_RE = re.compile(load_source_yaml(SOURCE)["file_pattern"])


@dataclasses.dataclass
class DeltaEntity:
    uid: int
    action: str                      # added | removed | changed
    name: str | None
    entity_type: str | None
    programs: list[str]
    changes: list[dict]


@dataclasses.dataclass
class DeltaFile:
    published_on: str | None         # YYYY-MM-DD (the file's own date, as published)
    publication_type: str | None
    entities: list[DeltaEntity]
    total: int


def file_key(name: str) -> tuple[str, int] | None:
    """'2024-02-07_delta_2.xml' -> ('2024-02-07', 2); '2024-02-07_delta.xml' -> (…, 1)."""
    m = FILE_RE.match(name or "")
    if not m:
        return None
    return m.group(1), int(m.group(2) or 1)


def observation_id(name: str) -> int | None:
    """A delta file's row in list_observations: YYYYMMDDNN from its name (never a small
    sequential id of a whole list version), the same whatever order files are applied in."""
    key = file_key(name)
    return int(key[0].replace("-", "")) * 100 + min(key[1], 99) if key else None


def published_day(value: str | None) -> str | None:
    m = re.match(r"^\s*(\d{4}-\d{2}-\d{2})", value or "")
    return m.group(1) if m else None


def parse_delta(content: bytes, location: str) -> DeltaFile:
    out: dict[int, DeltaEntity] = {}
    states: dict[int, dict[str, dict]] = {}      # uid -> {"add"|"remove": facts} (replacements)
    doc, total = None, 0
    for doc, el in ofac_xml.iter_entities(content, location, SOURCE, "delta"):  # noqa: B007 (doc: after the loop)
        if el is None:
            break
        total += 1
        uid = ofac_xml.entity_id(el, location, SOURCE, total)
        action = (el.get("action") or "").strip().lower()
        name, etype, progs = ofac_xml.primary_name(el), ofac_xml.entity_type(el), ofac_xml.programs(el)
        prior = out.get(uid)
        if action in ("add", "remove", "delete"):
            side = "add" if action == "add" else "remove"
            seen = states.setdefault(uid, {})
            seen[side] = ofac_xml.facts(el)
            if "add" in seen and "remove" in seen:
                # removed and added again in one file (either order): the record was replaced
                entity = DeltaEntity(uid, "changed", name or (prior.name if prior else None), etype,
                                     progs if side == "add" else (prior.programs if prior else progs),
                                     ofac_xml.compare(seen["remove"], seen["add"]))
            else:
                entity = DeltaEntity(uid, "added" if side == "add" else "removed", name, etype, progs, [])
        else:
            changes = (prior.changes if prior and prior.action == "changed" else []) + ofac_xml.element_changes(el)
            entity = DeltaEntity(uid, "changed", name or (prior.name if prior else None), etype, progs, changes)
        out[uid] = entity
    if doc is None:
        raise SourceError(SOURCE, location, "no root element")
    published = doc.info.get("datePublished") or doc.info.get("dataAsOf")
    day = eastern_date(published) if published and published_day(published) else None
    if not day:
        raise SourceError(SOURCE, location, f"publicationInfo/datePublished missing or not a date ({published!r}):"
                          " not a delta file as published")
    return DeltaFile(day, doc.info.get("publicationType"), list(out.values()), total)


@dataclasses.dataclass(frozen=True)
class ListingRow:
    name: str
    published_on: str | None
    link: str | None


def parse_listing(content: bytes, location: str) -> tuple[list[ListingRow], int]:
    """(delta files the listing names, rows that name no delta file)."""
    text = content.decode("utf-8-sig", errors="replace").strip()
    if not text:
        return [], 0
    if text[:1] == "<":
        raise SourceError(SOURCE, location, f"HTML/XML where the archive listing (JSON) was expected:"
                          f" {' '.join(text.split())[:80]!r}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(SOURCE, location, f"the archive listing is not JSON: {exc.msg} at line {exc.lineno}") from exc
    if isinstance(data, dict):
        data = next((v for k, v in data.items() if isinstance(v, list) and k.lower() in ("data", "files", "items",
                                                                                          "results")), data)
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise SourceError(SOURCE, location, f"the archive listing is not a list of objects (got {type(data).__name__})")
    rows, other = [], 0
    for r in data:
        name = str(r.get("fileName") or r.get("filename") or "").strip()
        link = r.get("downloadLink") or r.get("downloadlink")
        if not file_key(name) and link:
            name = str(link).rsplit("/", 1)[-1]
        if not file_key(name):
            other += 1
            continue
        shown = published_day(str(r.get("publishDisplayDate") or "")) or file_key(name)[0]
        rows.append(ListingRow(name, shown, str(link) if link else None))
    if data and not rows:
        keys = sorted({k for r in data for k in r})
        raise SourceError(SOURCE, location, f"the archive listing names no delta file (fields: {', '.join(keys)[:120]}):"
                          " the format has changed?")
    return sorted(set(rows), key=lambda r: r.name), other
