"""OFAC's legacy SDN list in XML (`SDN.XML`, the `sdnList` schema): bytes in, the same records
the CSV path produces out. Pure functions, no I/O.

Safe parsing: the XML comes from the network, so it is parsed with defusedxml: no entity
declarations (an entity-expansion "billion laughs" bomb is refused before anything is
expanded), no external entities or DTDs fetched, nothing resolved over the network. A refused
or malformed file is a SourceError naming the file (and line/column when known).

Shape (namespace http://tempuri.org/sdnList.xsd):

    <sdnList>
      <publshInformation><Publish_Date>MM/DD/YYYY</Publish_Date><Record_Count>N</Record_Count></publshInformation>
      <sdnEntry>
        <uid/> <firstName/>? <lastName/> <title/>? <sdnType>Individual|Entity|Vessel|Aircraft</sdnType>
        <remarks/>? <programList><program/>…</programList>
        <idList><id><uid/><idType/><idNumber/><idCountry/>?<issueDate/>?<expirationDate/>?</id>…</idList>
        <akaList><aka><uid/><type>a.k.a.</type><category>strong|weak</category><lastName/><firstName/>?</aka>…</akaList>
        <addressList><address><uid/><address1/>?<address2/>?<address3/>?<city/>?<stateOrProvince/>?<postalCode/>?<country/>?</address>…</addressList>
        <nationalityList>, <citizenshipList>: <…><uid/><country/><mainEntry/></…>
        <dateOfBirthList><dateOfBirthItem><uid/><dateOfBirth/><mainEntry/></dateOfBirthItem>…</dateOfBirthList>
        <placeOfBirthList><placeOfBirthItem><uid/><placeOfBirth/><mainEntry/></placeOfBirthItem>…</placeOfBirthList>
        <vesselInfo><callSign/><vesselType/><vesselFlag/><vesselOwner/><tonnage/><grossRegisteredTonnage/></vesselInfo>?
      </sdnEntry>…
    </sdnList>

How it maps onto the CSV records: the sdn.csv row is rebuilt field for field (nulls as
`-0- `, programs joined `A] [B`, names `LAST, First`), and the Remarks column is rendered
from the structured lists in the order OFAC's CSV uses (DOB, POB, nationality, citizen,
identifiers, a.k.a., then the free `<remarks>`), so the same remarks parser, the same
entry builder and the same content hashes apply: switching between the XML and the CSV
files of one list version produces no "changed" events. `<akaList>` gives the alias rows
(source `sdn.xml`), `<addressList>` the address rows (city, state and postal code joined
as add.csv joins them and split by the same rule: identical rows either way).
"""
from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as StdET

import defusedxml
import defusedxml.ElementTree as SafeET

from ...countries import normalize_country
from ...errors import SourceError
from .parse import Problem, RawEntry, split_city_state_postal, split_programs

XML_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
NULL = "-0- "
SDN_TYPES = {"individual": "individual", "entity": NULL, "vessel": "vessel", "aircraft": "aircraft"}


@dataclasses.dataclass
class XmlList:
    raws: list[RawEntry]
    addresses: dict[int, list[dict]]
    aliases: dict[int, list[dict]]
    publish_date: str | None
    record_count: int | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def _children(el, name: str) -> list:
    return [c for c in el if _local(c.tag) == name]


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _text(el, name: str) -> str | None:
    c = _child(el, name) if el is not None else None
    if c is None or c.text is None:
        return None
    value = c.text.strip()
    return value or None


def _items(entry, list_name: str, item_name: str) -> list:
    lst = _child(entry, list_name)
    return _children(lst, item_name) if lst is not None else []


def parse_publish_date(value: str | None) -> str | None:
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", value or "")
    if not m:
        return None
    return f"{int(m.group(3)):04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"


def sniff_publish_date(content: bytes) -> str | None:
    """The list's publication date from the first few KB, without parsing the document
    (used to date an imported file; the full parse happens later, safely)."""
    m = re.search(rb"<(?:\w+:)?Publish_Date>\s*([0-9/]+)\s*<", content[:4096])
    return parse_publish_date(m.group(1).decode("ascii")) if m else None


def load(content: bytes, location: str):
    """bytes -> root element, refusing entities, external references and malformed XML."""
    try:
        return SafeET.fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise SourceError("sdn", location, f"refused: the XML declares entity {exc.name!r} (entity expansion is"
                          " never allowed: possible entity-expansion bomb); nothing was parsed") from exc
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        raise SourceError("sdn", location, f"refused: the XML refers to an external resource"
                          f" ({getattr(exc, 'sysid', None) or getattr(exc, 'system_id', None) or exc});"
                          " nothing was fetched or parsed") from exc
    except defusedxml.DefusedXmlException as exc:
        raise SourceError("sdn", location, f"refused: unsafe XML ({exc})") from exc
    except StdET.ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        raise SourceError("sdn", location, f"not well-formed XML: {exc}", line) from exc


def render_remarks(entry) -> str | None:
    """The CSV Remarks column, rendered from the structured lists."""
    clauses: list[str] = []
    for list_name, item_name, key, label in (
            ("dateOfBirthList", "dateOfBirthItem", "dateOfBirth", "DOB"),
            ("placeOfBirthList", "placeOfBirthItem", "placeOfBirth", "POB"),
            ("nationalityList", "nationality", "country", "nationality"),
            ("citizenshipList", "citizenship", "country", "citizen")):
        values = [v for v in (_text(i, key) for i in _items(entry, list_name, item_name)) if v]
        for n, value in enumerate(values):
            clauses.append(f"{'alt. ' if n else ''}{label} {value}")
    for ident in _items(entry, "idList", "id"):
        id_type, number = _text(ident, "idType"), _text(ident, "idNumber")
        if not id_type or not number:
            continue
        if id_type.rstrip(":").lower() == "linked to":
            clauses.append(f"Linked To: {number}")
            continue
        text = f"{id_type} {number}"
        if country := _text(ident, "idCountry"):
            text += f" ({country})"
        if issued := _text(ident, "issueDate"):
            text += f" issued {issued}"
        if expires := _text(ident, "expirationDate"):
            text += f" expires {expires}"
        clauses.append(text)
    for aka in _items(entry, "akaList", "aka"):
        name = _person_name(aka)
        if name:
            clauses.append(f"{_text(aka, 'type') or 'a.k.a.'} '{name}'")
    free = _text(entry, "remarks")
    if free:
        clauses.append(free.rstrip(".").strip())
    return "; ".join(clauses) + "." if clauses else None


def _person_name(el) -> str | None:
    last, first = _text(el, "lastName"), _text(el, "firstName")
    if last and first:
        return f"{last}, {first}"
    return last or first


def parse(content: bytes, location: str, problems: list[Problem]) -> XmlList:
    """SDN.XML bytes -> the records of sdn.csv, alt.csv and add.csv (see the module doc).
    Entries that cannot be read are reported in `problems` (with their position and uid)."""
    root = load(content, location)
    if _local(root.tag) != "sdnList":
        raise SourceError("sdn", location, f"not an SDN.XML file: the root element is <{_local(root.tag)}>,"
                          " expected <sdnList>")
    info = _child(root, "publshInformation")
    if info is None:
        info = _child(root, "publishInformation")
    publish_date = parse_publish_date(_text(info, "Publish_Date")) if info is not None else None
    count_text = _text(info, "Record_Count") if info is not None else None
    record_count = int(count_text) if count_text and count_text.isdigit() else None

    raws: list[RawEntry] = []
    addresses: dict[int, list[dict]] = {}
    aliases: dict[int, list[dict]] = {}
    seen: set[int] = set()
    entries = _children(root, "sdnEntry")
    for n, entry in enumerate(entries, 1):
        uid_text = _text(entry, "uid")
        uid = int(uid_text) if uid_text and uid_text.isdigit() else None
        name = _person_name(entry)
        where = f"sdnEntry #{n}"
        if uid is None:
            problems.append(Problem(location, n, f"{where}: uid missing or not a number: {uid_text!r}"))
            continue
        if not name:
            problems.append(Problem(location, n, f"{where}: entry {uid} has no lastName", uid))
            continue
        if uid in seen:
            problems.append(Problem(location, n, f"{where}: uid {uid} appears twice", uid))
            continue
        seen.add(uid)
        kind_text = (_text(entry, "sdnType") or "").lower()
        if kind_text not in SDN_TYPES:
            problems.append(Problem(location, n, f"{where}: entry {uid} has an unknown sdnType {kind_text!r};"
                                    " read as an entity", uid))
        programs = [p for p in ((c.text or "").strip() for c in _items(entry, "programList", "program")) if p]
        if not programs:
            problems.append(Problem(location, n, f"{where}: entry {uid} lists no program", uid))
        vessel = _child(entry, "vesselInfo")
        fields = [
            str(uid), name, SDN_TYPES.get(kind_text, NULL), "] [".join(programs) or NULL,
            _text(entry, "title") or NULL,
            *(_text(vessel, k) or NULL for k in ("callSign", "vesselType", "tonnage",
                                                 "grossRegisteredTonnage", "vesselFlag", "vesselOwner")),
            render_remarks(entry) or NULL,
        ]
        raws.append(RawEntry(uid, n, name, None if fields[2] == NULL else fields[2],
                             split_programs("] [".join(programs)) if programs else (), fields))
        for aka in _items(entry, "akaList", "aka"):
            alias = _person_name(aka)
            alt_num = _text(aka, "uid")
            if not alias:
                problems.append(Problem(location, n, f"{where}: an alias of entry {uid} has no name", uid))
                continue
            kind = (_text(aka, "type") or "aka").lower().replace(".", "")
            category = (_text(aka, "category") or "strong").lower()
            aliases.setdefault(uid, []).append({
                "uid": uid, "alias": alias, "alias_type": kind,
                "quality": "weak" if category in ("weak", "low quality") else "strong",
                "source": "sdn.xml", "alt_num": int(alt_num) if alt_num and alt_num.isdigit() else None})
        for i, addr in enumerate(_items(entry, "addressList", "address")):
            add_num = _text(addr, "uid")
            if not add_num or not add_num.isdigit():
                problems.append(Problem(location, n, f"{where}: address {i + 1} of entry {uid} has no uid", uid))
                continue
            written = _text(addr, "country")
            country = normalize_country(written) if written else None
            street = ", ".join(p for p in (_text(addr, k) for k in ("address1", "address2", "address3")) if p)
            # combined as add.csv's "City, State Postal" column and split by the same rule, so
            # both formats give identical rows (and hashes: no spurious "changed" events)
            city_state = ", ".join(p for p in (_text(addr, "city"), _text(addr, "stateOrProvince")) if p)
            combined = " ".join(p for p in (city_state, _text(addr, "postalCode")) if p)
            city, state, postal = split_city_state_postal(combined or None)
            addresses.setdefault(uid, []).append({
                "uid": uid, "add_num": int(add_num), "address": street or None, "city": city,
                "state_province": state, "postal_code": postal,
                "country": country.name if country else written,
                "country_code": country.code if country else None,
                "country_as_written": written, "remarks": None,
            })
    if record_count is not None and record_count != len(entries):
        problems.append(Problem(location, None, f"the file says it holds {record_count} entries"
                                f" (Record_Count) but holds {len(entries)}: truncated or altered?"))
    return XmlList(raws, addresses, aliases, publish_date, record_count)
