"""OFAC Sanctions List Service XML, the "enhanced" entity layout shared by SDN_ENHANCED.XML
(sources/enhanced) and the delta files (sources/deltas): safe streaming parse and what one
`<entity>` says. Pure functions, no I/O.

The formats are known second-hand (OFAC's published schemas as public code and fixtures
read them; see ../shared/corpus/ofac/dates/NOTES.md), so structure is checked and anything
unexpected is named: a file whose root is not `<sanctionsData>` in a known namespace, or whose
`<entity>` lacks a numeric `id`, is a SourceError naming the file or URL. Elements we do not
know are ignored, never an error.

    <sanctionsData xmlns="…">
      <publicationInfo><dataAsOf|datePublished>…</…><publicationType>…</publicationType>…</publicationInfo>
      <entities>
        <entity id="UID" [action="add|remove|change"]>
          <generalInfo><identityId/><entityType>Individual|Entity|Vessel|Aircraft</entityType><remarks/>…</generalInfo>
          <sanctionsLists><sanctionsList refId id datePublished="YYYY-MM-DD">SDN List</sanctionsList>…</sanctionsLists>
          <sanctionsPrograms><sanctionsProgram>ILLICIT-DRUGS-EO14059</sanctionsProgram>…</sanctionsPrograms>
          <names><name><isPrimary/><aliasType/><translations><translation><isPrimary/>
                 <formattedFullName/>…</translation></translations></name>…</names>
          <addresses><address><country/><translations><translation><addressParts>
                 <addressPart><type/><value/></addressPart>…</addressParts></translation></translations></address>…</addresses>
          <features><feature><type/><value/><valueDate><fromDateBegin/>…</valueDate></feature>…</features>
          <identityDocuments>, <relationships>, <legalAuthorities>, <sanctionsTypes>: likewise
        </entity>…
      </entities>
    </sanctionsData>

In a delta file an element may carry `action="add|remove|update"` (and `oldValue` for
updates) where one part of an entity changed in place.

Safety: defusedxml refuses entity declarations (expansion bombs) and external references;
the document is read as a stream, each entity dropped once read (an export of 100 MB needs
no more memory than its largest entity).
"""
from __future__ import annotations

import dataclasses
import io
import re
import xml.etree.ElementTree as StdET

import defusedxml
import defusedxml.ElementTree as SafeET

from .errors import SourceError

ENHANCED_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"
DELTA_NS = "https://www.treasury.gov/ofac/DeltaFile/1.0"
NAMESPACES = {ENHANCED_NS: "enhanced", DELTA_NS: "delta"}
SDN_LIST = "sdn list"
MAX_DEPTH = 64          # an entity nested deeper than this is not OFAC's layout

# top-level children of <entity> that hold a collection -> the field a change digest names
COLLECTIONS = {
    "names": "alias", "addresses": "address", "features": "feature", "sanctionsPrograms": "program",
    "sanctionsLists": "list", "identityDocuments": "identifier", "relationships": "linked to",
    "legalAuthorities": "legal authority", "sanctionsTypes": "sanctions type",
}
GENERAL_FIELDS = {"entityType": "entity type", "remarks": "remarks", "title": "title"}


def local(tag) -> str:
    tag = tag if isinstance(tag, str) else ""
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def child(el, name: str):
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def children(el, name: str) -> list:
    return [c for c in el if local(c.tag) == name] if el is not None else []


def text_of(el, name: str) -> str | None:
    c = child(el, name) if el is not None else None
    value = _squash(c.text) if c is not None else ""
    return value or None


@dataclasses.dataclass
class Document:
    """What a file says about itself (publicationInfo) and its kind (by namespace)."""

    kind: str                       # enhanced | delta
    namespace: str
    info: dict                      # publicationInfo children: local name -> text
    entities: int = 0


def iter_entities(content: bytes, location: str, source: str, expect: str):
    """Yield (Document, entity element) for every <entity> of `content`, streaming, then
    (Document, None) once the whole file is read. `expect` is the kind the caller reads
    ("enhanced" or "delta"): a file of the other kind or of an unknown namespace is refused,
    naming `location`. The element is cleared after the caller is done with it (when the
    generator resumes)."""
    if not content.strip():
        raise SourceError(source, location, "empty file where OFAC XML was expected")
    head = content.lstrip()[:200]
    if not head.startswith(b"<"):
        raise SourceError(source, location, f"not XML: it starts {head[:60]!r}")
    doc = None
    depth, path = 0, []
    stack = []
    try:
        for event, el in SafeET.iterparse(io.BytesIO(content), events=("start", "end"),
                                          forbid_dtd=False, forbid_entities=True, forbid_external=True):
            name = local(el.tag)
            if event == "start":
                depth += 1
                path.append(name)
                if depth > MAX_DEPTH:
                    raise SourceError(source, location, f"elements nested more than {MAX_DEPTH} deep"
                                      " (not OFAC's layout)")
                if depth == 1:
                    doc = _document(el, location, source, expect)
                stack.append(el)
                continue
            path.pop()
            depth -= 1
            stack.pop()
            if depth == 1 and name == "publicationInfo":
                doc.info = {local(c.tag): _squash(c.text) for c in el if _squash(c.text)}
            elif name == "entity" and path[-1:] == ["entities"]:
                doc.entities += 1
                yield doc, el
                el.clear()
                if stack:
                    parent = stack[-1]
                    parent.remove(el)
    except defusedxml.EntitiesForbidden as exc:
        raise SourceError(source, location, f"refused: the XML declares entity {exc.name!r} (entity expansion is"
                          " never allowed); nothing was used") from exc
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        raise SourceError(source, location, "refused: the XML refers to an external resource") from exc
    except defusedxml.DefusedXmlException as exc:
        raise SourceError(source, location, f"refused: unsafe XML ({exc})") from exc
    except StdET.ParseError as exc:
        line = getattr(exc, "position", (None, None))[0]
        raise SourceError(source, location, f"not well-formed XML: {exc} (truncated download?)", line) from exc
    if doc is None:
        raise SourceError(source, location, "no root element")
    yield doc, None


def _document(root, location: str, source: str, expect: str) -> Document:
    name, ns = local(root.tag), namespace(root.tag)
    if name != "sanctionsData":
        raise SourceError(source, location, f"root element <{name}>, expected <sanctionsData> (not an OFAC"
                          f" {'delta file' if expect == 'delta' else 'SDN_ENHANCED.XML'})")
    kind = NAMESPACES.get(ns)
    if kind is None:
        raise SourceError(source, location, f"unknown XML namespace {ns!r} (expected {_expected(expect)}):"
                          " the format may have changed")
    if kind != expect:
        raise SourceError(source, location, f"this is an OFAC {'delta file' if kind == 'delta' else 'SDN_ENHANCED.XML'}"
                          f" (namespace {ns}), not {'a delta file' if expect == 'delta' else 'SDN_ENHANCED.XML'}")
    return Document(kind, ns, {})


def _expected(kind: str) -> str:
    return DELTA_NS if kind == "delta" else ENHANCED_NS


def entity_id(el, location: str, source: str, position: int) -> int:
    value = (el.get("id") or "").strip()
    if not value.isdigit():
        raise SourceError(source, location, f"entity #{position} has no numeric id attribute ({value!r}):"
                          " not OFAC's layout", position)
    return int(value)


# -- what an entity says -------------------------------------------------------------------------

def _names(entity) -> list[tuple[bool, str, str]]:
    """(is primary, alias type, formatted full name) for every name, Latin translation first."""
    out = []
    for name in children(child(entity, "names"), "name"):
        translations = children(child(name, "translations"), "translation")
        full = None
        for t in sorted(translations, key=lambda t: (text_of(t, "isPrimary") or "").lower() != "true"):
            full = text_of(t, "formattedFullName") or " ".join(
                p for p in (text_of(t, "formattedLastName"), text_of(t, "formattedFirstName")) if p) or None
            if full:
                break
        if full:
            primary = (text_of(name, "isPrimary") or "").lower() == "true"
            out.append((primary, text_of(name, "aliasType") or "", full))
    return out


def primary_name(entity) -> str | None:
    names = _names(entity)
    return next((n for p, _, n in names if p), names[0][2] if names else None)


def programs(entity) -> list[str]:
    return [p for p in (_squash(c.text) for c in children(child(entity, "sanctionsPrograms"), "sanctionsProgram")) if p]


def lists(entity) -> list[tuple[str, str | None]]:
    """(list name, datePublished as YYYY-MM-DD or None) for every list the entity is on."""
    out = []
    for c in children(child(entity, "sanctionsLists"), "sanctionsList"):
        published = (c.get("datePublished") or "").strip()
        m = re.match(r"^(\d{4}-\d{2}-\d{2})", published)
        out.append((_squash(c.text), m.group(1) if m else None))
    return out


def entity_type(entity) -> str | None:
    value = text_of(child(entity, "generalInfo"), "entityType")
    return value.lower() if value else None


def render(el) -> str:
    """One element of a collection as a change digest writes it."""
    name = local(el.tag)
    if name == "name":
        names = _names_of_one(el)
        return names
    if name == "address":
        parts = [text_of(p, "value") for t in children(child(el, "translations"), "translation")
                 for p in children(child(t, "addressParts"), "addressPart")]
        country = text_of(el, "country")
        return ", ".join(p for p in [*parts, country] if p) or _all_text(el)
    if name == "feature":
        kind = text_of(el, "type") or "feature"
        value = text_of(el, "value")
        if not value:
            date = child(el, "valueDate")
            value = text_of(date, "fromDateBegin") if date is not None else None
        return f"{kind}: {value or _all_text(el)}"
    if name == "identityDocument":
        parts = [text_of(el, k) for k in ("type", "documentNumber", "issuingCountry")]
        return " ".join(p for p in parts if p) or _all_text(el)
    return _all_text(el)


def _names_of_one(name_el) -> str:
    for t in children(child(name_el, "translations"), "translation"):
        full = text_of(t, "formattedFullName")
        if full:
            kind = text_of(name_el, "aliasType")
            return f"{kind} {full}" if kind else full
    return _all_text(name_el)


def _all_text(el) -> str:
    return _squash(" ".join(t for t in el.itertext() if t and t.strip()))


def facts(entity) -> dict[str, set[str]]:
    """Field -> the values an entity holds (to compare two states of one entity)."""
    out: dict[str, set[str]] = {}
    for coll, field in COLLECTIONS.items():
        holder = child(entity, coll)
        if holder is None:
            continue
        for item in holder:
            if field == "alias" and (text_of(item, "isPrimary") or "").lower() == "true":
                out.setdefault("name", set()).add(_names_of_one(item))
            else:
                out.setdefault(field, set()).add(render(item))
    general = child(entity, "generalInfo")
    for item in general if general is not None else ():
        field = GENERAL_FIELDS.get(local(item.tag))
        if field and _squash(item.text):
            out.setdefault(field, set()).add(_squash(item.text))
    return out


def compare(old: dict[str, set[str]], new: dict[str, set[str]]) -> list[dict]:
    """The changes between two states of one entity (both from `facts`)."""
    out = []
    for field in sorted(set(old) | set(new)):
        a, b = old.get(field, set()), new.get(field, set())
        gone, came = sorted(a - b), sorted(b - a)
        if len(gone) == 1 and len(came) == 1 and field in ("name", "entity type", "remarks", "title"):
            out.append({"field": field, "change": "changed", "old": gone[0], "new": came[0]})
            continue
        out += [{"field": field, "change": "removed", "old": v} for v in gone]
        out += [{"field": field, "change": "added", "new": v} for v in came]
    return out


ACTIONS = {"add": "added", "remove": "removed", "delete": "removed", "update": "changed", "change": "changed",
           "modify": "changed"}


def element_changes(entity) -> list[dict]:
    """The changes an in-place correction carries: every element with an `action` attribute,
    named by the collection it belongs to, with its old value (oldValue, or the element itself
    when removed) and new value."""
    out = []
    for top in entity:
        coll = local(top.tag)
        for el in top.iter():
            action = (el.get("action") or "").strip().lower()
            if not action or el is entity:
                continue
            change = ACTIONS.get(action, action)
            name = local(el.tag)
            if coll == "generalInfo":
                field = GENERAL_FIELDS.get(name, name)
            else:
                field = COLLECTIONS.get(coll, coll)
                if field == "alias" and name == "name" and (text_of(el, "isPrimary") or "").lower() == "true":
                    field = "name"
            value = render(el) if name in ("name", "address", "feature", "identityDocument") else (
                _squash(el.text) or _all_text(el))
            row = {"field": field, "change": change}
            if change == "removed":
                row["old"] = value
            elif change == "added":
                row["new"] = value
            else:
                row["new"] = value
                if el.get("oldValue") is not None:
                    row["old"] = _squash(el.get("oldValue"))
            if name not in ("name", "address", "feature", "identityDocument", "sanctionsProgram", "sanctionsList",
                            "legalAuthority", "sanctionsType", "relationship") and coll != "generalInfo":
                row["part"] = name
            out.append(row)
    return out
