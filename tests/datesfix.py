"""Builders of invented files in the published formats of the dated sources (every name,
number and date here is made up): OFAC's SDN.CSV, SDN_ENHANCED.XML, delta files and their
archive listing, Federal Register API pages and notice texts. The layouts imitate what is
known of the real files (../shared/corpus/ofac/dates/NOTES.md): namespaces, attribute names,
nesting, a UTF-8 BOM-less XML declaration, elements our parsers do not read, CRLF text."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

ENHANCED_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"
DELTA_NS = "https://www.treasury.gov/ofac/DeltaFile/1.0"
EO = "ILLICIT-DRUGS-EO14059"
N = "-0- "


@dataclass
class Person:
    uid: int
    name: str
    kind: str = "individual"              # individual | entity
    programs: tuple[str, ...] = (EO,)
    listed_on: str = "2023-05-09"         # SDN list datePublished
    remarks: str = "nationality Mexico."
    aliases: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ("Culiacan, Sinaloa",)
    extra: dict = field(default_factory=dict)


def sdn_csv(people: list[Person]) -> bytes:
    rows = []
    for p in people:
        q = lambda v: '"' + v.replace('"', '""') + '"'
        rows.append(",".join([str(p.uid), q(p.name), q(p.kind) if p.kind != "entity" else N, q("] [".join(p.programs)),
                              N, N, N, N, N, N, N, q(p.remarks)]))
    return ("\r\n".join(rows) + "\r\n").encode("cp1252") + b"\x1a"


def _entity_body(p: Person, unknown: bool = True) -> str:
    etype = "Individual" if p.kind == "individual" else "Entity"
    names = [f'<name id="{p.uid}1"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations>'
             f'<translation id="{p.uid}2"><isPrimary>true</isPrimary><script refId="20122">Latin</script>'
             f'<formattedFirstName>x</formattedFirstName><formattedFullName>{escape(p.name)}</formattedFullName>'
             f'</translation></translations></name>']
    for n, alias in enumerate(p.aliases):
        names.append(f'<name id="{p.uid}{n + 5}"><isPrimary>false</isPrimary><aliasType refId="1400">A.K.A.</aliasType>'
                     f'<translations><translation><isPrimary>true</isPrimary><formattedFullName>{escape(alias)}'
                     f'</formattedFullName></translation></translations></name>')
    addresses = "".join(
        f'<address id="{p.uid}{n}7"><country refId="91234">Mexico</country><translations><translation>'
        f'<addressParts><addressPart id="1"><type refId="1454">CITY</type><value>{escape(a)}</value></addressPart>'
        f'</addressParts></translation></translations></address>' for n, a in enumerate(p.addresses))
    programs = "".join(f'<sanctionsProgram refId="9{i}" id="{p.uid}{i}">{t}</sanctionsProgram>'
                       for i, t in enumerate(p.programs))
    junk = ('<vesselDetails><unknownThing a="1">kept out</unknownThing></vesselDetails>'
            '<legalAuthorities><legalAuthority refId="77">Executive Order 14059</legalAuthority></legalAuthorities>'
            if unknown else "")
    return (f'<generalInfo><identityId>{p.uid + 100000}</identityId><entityType refId="600">{etype}</entityType>'
            f'<remarks>{escape(p.remarks)}</remarks></generalInfo>'
            f'<sanctionsLists><sanctionsList refId="1550" id="{p.uid}3" datePublished="{p.listed_on}">SDN List'
            f'</sanctionsList></sanctionsLists><sanctionsPrograms>{programs}</sanctionsPrograms>'
            f'<sanctionsTypes><sanctionsType refId="1705">Block</sanctionsType></sanctionsTypes>'
            f'{junk}<names>{"".join(names)}</names><addresses>{addresses}</addresses>'
            f'<features><feature id="{p.uid}9"><type featureTypeId="8">Birthdate</type><value>1980</value>'
            f'<valueDate><fromDateBegin>1980-01-01</fromDateBegin></valueDate></feature></features>')


def enhanced_xml(people: list[Person], as_of: str = "2024-05-03", others: int = 2) -> bytes:
    """SDN_ENHANCED.XML holding `people` plus `others` entities of other programs and lists."""
    ents = [f'<entity id="{p.uid}">{_entity_body(p)}</entity>' for p in people]
    for n in range(others):
        ents.append(f'<entity id="{990000 + n}"><generalInfo><entityType>Vessel</entityType></generalInfo>'
                    f'<sanctionsLists><sanctionsList refId="1550" datePublished="1999-03-0{n + 1}">SDN List</sanctionsList>'
                    f'<sanctionsList refId="91512" datePublished="2014-10-10">Consolidated List</sanctionsList>'
                    f'</sanctionsLists><sanctionsPrograms><sanctionsProgram>CUBA</sanctionsProgram></sanctionsPrograms>'
                    f'<names><name><isPrimary>true</isPrimary><translations><translation><formattedFullName>BARCO {n}'
                    f'</formattedFullName></translation></translations></name></names></entity>')
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<sanctionsData xmlns="{ENHANCED_NS}">'
            f'<publicationInfo><dataAsOf>{as_of}T00:00:00</dataAsOf><filters><sanctionsLists><sanctionsList refId="1550">'
            f'SDN List</sanctionsList></sanctionsLists></filters></publicationInfo>'
            f'<entities>{"".join(ents)}</entities></sanctionsData>').encode()


def delta_xml(published: str, entities: list[str], ptype: str = "Standard Action", offset: str = "-05:00") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<sanctionsData xmlns="{DELTA_NS}">'
            f'<publicationInfo><datePublished>{published}T00:00:00{offset}</datePublished>'
            f'<publicationType>{ptype}</publicationType><publicationId>4711</publicationId></publicationInfo>'
            f'<entities>{"".join(entities)}</entities></sanctionsData>').encode()


def delta_add(p: Person) -> str:
    return f'<entity id="{p.uid}" action="add">{_entity_body(p)}</entity>'


def delta_remove(p: Person) -> str:
    return f'<entity id="{p.uid}" action="remove">{_entity_body(p, unknown=False)}</entity>'


def delta_program_added(uid: int, program: str = EO) -> str:
    return (f'<entity id="{uid}"><sanctionsPrograms><sanctionsProgram refId="5" id="{uid}77" action="add">{program}'
            f'</sanctionsProgram></sanctionsPrograms><somethingNew action="add">ignored</somethingNew></entity>')


def delta_correction(uid: int, alias_removed: str, address_added: str, old_remarks: str, new_remarks: str) -> str:
    return (f'<entity id="{uid}"><generalInfo><remarks action="update" oldValue="{escape(old_remarks)}">'
            f'{escape(new_remarks)}</remarks></generalInfo>'
            f'<names><name id="{uid}5" action="remove"><isPrimary>false</isPrimary><aliasType>A.K.A.</aliasType>'
            f'<translations><translation><formattedFullName>{escape(alias_removed)}</formattedFullName></translation>'
            f'</translations></name></names><addresses><address id="{uid}8" action="add"><country>Mexico</country>'
            f'<translations><translation><addressParts><addressPart><type>CITY</type><value>{escape(address_added)}'
            f'</value></addressPart></addressParts></translation></translations></address></addresses></entity>')


def listing_json(names: list[str]) -> bytes:
    return json.dumps([{"fileName": n, "publishDisplayDate": f"{n[5:7]}/{n[8:10]}/{n[:4]}", "size": 1234,
                        "downloadLink": f"DeltaArchive/{n}"} for n in names]).encode()


def fr_result(number: str, published: str, title: str = "Notice of OFAC Sanctions Action") -> dict:
    y, m, d = published.split("-")
    return {"title": title, "type": "Notice", "document_number": number, "publication_date": published,
            "html_url": f"https://www.federalregister.gov/documents/{y}/{m}/{d}/{number}/notice-of-ofac-sanctions-action",
            "raw_text_url": f"https://www.federalregister.gov/documents/full_text/text/{y}/{m}/{d}/{number}.txt",
            "body_html_url": f"https://www.federalregister.gov/documents/full_text/html/{y}/{m}/{d}/{number}.html",
            "effective_on": None, "action": "Notice.", "dates": "See SUPPLEMENTARY INFORMATION section for applicable date(s).",
            "abstract": "OFAC is publishing the names of one or more persons that have been placed on the SDN List.",
            "agencies": [{"raw_name": "DEPARTMENT OF THE TREASURY", "name": "Treasury Department", "id": 497,
                          "slug": "treasury-department"}]}


def fr_page(results: list[dict], count: int | None = None, pages: int = 1) -> bytes:
    body = {"count": len(results) if count is None else count, "description": "Documents matching '14059'",
            "total_pages": pages, "results": results}
    if not results:
        body.pop("results")
    return json.dumps(body).encode()


def _wrap(text: str, width: int = 72, indent: str = "    ") -> str:
    words, lines, line = text.split(), [], indent
    for w in words:
        if len(line) + len(w) + 1 > width and line.strip():
            lines.append(line.rstrip())
            line = ""
        line += w + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def fr_notice_text(number: str, actions: list[tuple[str, str, list[Person]]], retag_from: str | None = None) -> bytes:
    """A plain-text notice: `actions` = [(Month D, YYYY, 'blocked'|'updated', people)]."""
    out = ["[Federal Register Volume 89, Number 33 (Friday, February 16, 2024)]", "[Notices]", "[Pages 12170-12172]",
           f"[FR Doc No: {number}]", "", "-" * 71, "", "DEPARTMENT OF THE TREASURY", "",
           "Office of Foreign Assets Control", "", "", "Notice of OFAC Sanctions Actions", "",
           "AGENCY: Office of Foreign Assets Control, Treasury.", "", "ACTION: Notice.", "", "-" * 71, "",
           _wrap("SUMMARY: The Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing"
                 " the names of one or more persons that have been placed on OFAC's Specially Designated Nationals"
                 " and Blocked Persons List.", indent=""), "",
           "DATES: See SUPPLEMENTARY INFORMATION section for applicable date(s).", "",
           "SUPPLEMENTARY INFORMATION:", "", "Electronic Availability", "",
           _wrap("The SDN List and additional information concerning OFAC sanctions programs are available on"
                 " OFAC's website."), "", "Notice of OFAC Actions", ""]
    for when, section, people in actions:
        verb = ("are blocked under the relevant sanctions authority listed below" if section == "blocked"
                else "have been updated as listed below")
        out += [_wrap(f"On {when}, OFAC determined that the property and interests in property subject to U.S."
                      f" jurisdiction of the following persons {verb}."), ""]
        for group, kind in (("Individuals", "individual"), ("Entities", "entity")):
            mine = [p for p in people if p.kind == kind]
            if not mine:
                continue
            out += [group, ""]
            for n, p in enumerate(mine, 1):
                tags = " ".join(f"[{t}]" for t in p.programs)
                typ = " (individual)" if kind == "individual" else ""
                entry = f"{p.name}, Mexico; {p.remarks.rstrip('.')}{typ} {tags}."
                if section == "updated" and retag_from:
                    entry = f"{p.name}, Mexico; {p.remarks.rstrip('.')}{typ} [{retag_from}]. -to- {entry}"
                out += [_wrap(f"{n}. {entry}"),
                        _wrap('Designated pursuant to section 1(a)(i) of Executive Order 14059 of December 15, 2021,'
                              ' "Imposing Sanctions on Foreign Persons Involved in the Global Illicit Drug Trade,"'
                              ' 86 FR 71549 (E.O. 14059).'), ""]
    out += ["Dated: February 13, 2024.", "Invented Q. Director,", "Director, Office of Foreign Assets Control.",
            f"[FR Doc. {number} Filed 2-15-24; 8:45 am]", "BILLING CODE 4810-AL-P", ""]
    return "\n".join(out).encode()
