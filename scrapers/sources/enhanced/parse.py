"""SDN_ENHANCED.XML -> each entity's lists and the day it was published on each (pure).

Only what dates a designation is read: id, primary name, type, programs and the
`<sanctionsList datePublished="YYYY-MM-DD">` elements (see scrapers/ofac_xml.py for the
layout and the safety rules). A file without entities, or in which no entity carries a
datePublished for the SDN List, does not look like the real export: a SourceError naming it.
"""
from __future__ import annotations

import dataclasses
import re

from ... import ofac_xml
from ...errors import SourceError

SOURCE = "enhanced"


@dataclasses.dataclass(frozen=True)
class EnhancedEntity:
    uid: int
    name: str | None
    entity_type: str | None
    programs: tuple[str, ...]
    lists: tuple[tuple[str, str | None], ...]     # (list name, datePublished)


@dataclasses.dataclass
class EnhancedFile:
    data_as_of: str | None
    entities: list[EnhancedEntity]          # the ones asked for (tracked programs, known uids)
    total: int                              # every entity in the file
    sdn_dated: int                          # entities with an SDN List datePublished


def sniff_date(content: bytes) -> str | None:
    """The file's own date (publicationInfo dataAsOf / datePublished) from its first 4 KB."""
    m = re.search(rb"<(?:\w+:)?(?:dataAsOf|datePublished)>\s*(\d{4}-\d{2}-\d{2})", content[:4096])
    return m.group(1).decode("ascii") if m else None


def parse(content: bytes, location: str, programs: set[str], uids: set[int] = frozenset()) -> EnhancedFile:
    """Entities carrying one of `programs` ("*": all) or whose uid is in `uids`."""
    out: list[EnhancedEntity] = []
    total = dated = 0
    doc = None
    seen: set[int] = set()
    for doc, el in ofac_xml.iter_entities(content, location, SOURCE, "enhanced"):  # noqa: B007 (doc: after the loop)
        if el is None:
            break
        total += 1
        uid = ofac_xml.entity_id(el, location, SOURCE, total)
        lists = tuple(ofac_xml.lists(el))
        if any(name.lower() == ofac_xml.SDN_LIST and date for name, date in lists):
            dated += 1
        tags = tuple(ofac_xml.programs(el))
        if uid in seen or not ("*" in programs or programs.intersection(tags) or uid in uids):
            seen.add(uid)
            continue
        seen.add(uid)
        out.append(EnhancedEntity(uid, ofac_xml.primary_name(el), ofac_xml.entity_type(el), tags, lists))
    if doc is None or total == 0:
        raise SourceError(SOURCE, location, "no <entity> in <entities>: an empty or broken export")
    if dated == 0:
        raise SourceError(SOURCE, location, f"none of the {total} entities carries a datePublished for the SDN List"
                          " (sanctionsLists/sanctionsList@datePublished): the format has changed?")
    as_of = doc.info.get("dataAsOf") or doc.info.get("datePublished") or ""
    return EnhancedFile(as_of[:10] or None, out, total, dated)
