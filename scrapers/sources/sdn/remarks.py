"""The Remarks field of an SDN entry, parsed into facts (pure; no I/O).

OFAC packs many facts into one field, clauses separated by "; ":
`DOB …; POB …; nationality …; citizen …; Gender …; a.k.a. '…'; Passport … (Country);
C.U.R.P. …; R.F.C. …; Digital Currency Address - XBT …; Website …; Linked To: NAME.`
Each clause is matched against the rules below; anything no rule understood is kept in
`Facts.unparsed` (the full text always stays in the entry's `remarks`).
"""
from __future__ import annotations

import dataclasses
import re

from ...countries import normalize_country
from ...dates import parse_loose_date
from .parse import ID_TYPES


# -- remarks ----------------------------------------------------------------------------
@dataclasses.dataclass(slots=True)
class Facts:
    dates_of_birth: list[str] = dataclasses.field(default_factory=list)
    places_of_birth: list[str] = dataclasses.field(default_factory=list)
    nationalities: list[str] = dataclasses.field(default_factory=list)
    citizenships: list[str] = dataclasses.field(default_factory=list)
    gender: str | None = None
    title: str | None = None
    aliases: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)  # (type, name, quality)
    identifiers: list[dict] = dataclasses.field(default_factory=list)
    links: list[str] = dataclasses.field(default_factory=list)
    organization_established: str | None = None
    organization_type: str | None = None
    target_type: str | None = None
    unparsed: list[str] = dataclasses.field(default_factory=list)


_ALIAS_START = re.compile(r"^(?:alt\. )?([afn])\.k\.a\.,?\s+'")
# One pass per clause: the first alternative that matches names the fact (lastgroup-style).
_RULES = re.compile(r"""^(?:alt\.\ )?(?:
    (?P<alias>(?P<alias_v>[afn])\.k\.a\.,?\s+'(?P<alias_name>.*)'\s*(?:\((?P<quality>weak|strong|low\ quality|good\ quality)\))?)
  | (?P<dob>DOB\ (?P<dob_v>.+))
  | (?P<pob>POB\ (?P<pob_v>.+))
  | (?P<nationality>[Nn]ationality\ (?P<nationality_v>.+))
  | (?P<citizen>[Cc]itizen\ (?P<citizen_v>.+))
  | (?P<gender>Gender\ (?P<gender_v>[A-Z][a-z]+))
  | (?P<link>Linked\ To:\ (?P<link_v>.+))
  | (?P<established>Organization\ Established\ Date\ (?P<established_v>.+))
  | (?P<org_type>Organization\ Type:\ (?P<org_type_v>.+))
  | (?P<target_type>Target\ Type\ (?P<target_type_v>.+))
  | (?P<title>Title\ (?P<title_v>.+))
  | (?P<currency>Digital\ Currency\ Address\ -\ (?P<currency_v>[A-Za-z0-9]+);?\ (?P<address>\S+))
)$""", re.X | re.S)
# Each alternative is one outer named group, so `match.lastgroup` names the fact.
_ID_RX = re.compile(r"^(?:alt\. )?(?P<type>" + "|".join(re.escape(t) for t in ID_TYPES) + r") (?P<rest>.+)$", re.S)
_DATE_WORDS = re.compile(r"^(?:\d{1,2} )?(?:[A-Z][a-z]{2} )?\d{4}$")
_GENERIC_ID = re.compile(r"^(?:alt\. )?(?P<type>[A-Za-z][A-Za-z.'#/ ()-]*?[A-Za-z.#)])\s+(?P<rest>\S*\d.*)$")
_SPLIT = re.compile(r";\s+")
_ALIAS_END = re.compile(r"'\s*(?:\([a-z ]+\))?\.?$")


def split_clauses(remarks: str) -> list[str]:
    """Split on '; ' without breaking an alias whose name contains '; '."""
    parts = _SPLIT.split(remarks.strip())
    if ".k.a." not in remarks:  # no alias to keep whole: nothing to join
        return list(filter(None, map(str.strip, parts)))
    out: list[str] = []
    for part in parts:
        if out and ".k.a." in out[-1][:12] and _ALIAS_START.match(out[-1]) and not _ALIAS_END.search(out[-1]):
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
    return list(filter(None, map(str.strip, out)))


def _strip_final_period(text: str) -> str:
    return text[:-1].rstrip() if text.endswith(".") else text


def parse_identifier(clause: str) -> dict | None:
    """'Passport 111331000031186 (Guatemala) issued 12 Feb 2001 expires 03 Jul 2012' ->
    {id_type, id_value, country, country_code, issued, expires}."""
    m = _ID_RX.match(clause)
    generic = m is None
    if generic:
        m = _GENERIC_ID.match(clause)
        if not m:
            return None
    id_type, value = m.group("type"), m.group("rest").strip()
    # "<value> (<country>) issued <date> expires <date>", each tail part optional
    issued = expires = country_written = None
    if " expires " in value:
        head, tail = value.rsplit(" expires ", 1)
        if _DATE_WORDS.match(tail):
            value, expires = head, tail
    if " issued " in value:
        head, tail = value.rsplit(" issued ", 1)
        if _DATE_WORDS.match(tail):
            value, issued = head, tail
    if value.endswith(")"):
        i = value.rfind(" (")
        if i > 0 and "(" not in value[i + 2:-1]:
            country_written, value = value[i + 2:-1], value[:i].rstrip()
    if not value:
        return None
    country = normalize_country(country_written) if country_written else None
    if country_written and not country:
        if generic:
            return None  # "(...)" that is not a country: not an identifier we understand
        value = f"{value} ({country_written})"
    if generic and not country:
        return None
    return {
        "id_type": id_type, "id_value": value,
        "country": country.name if country else None,
        "country_code": country.code if country else None,
        "issued": parse_loose_date(issued) if issued else None,
        "expires": parse_loose_date(expires) if expires else None,
    }


def parse_remarks(remarks: str | None) -> Facts:
    facts = Facts()
    if not remarks:
        return facts
    clauses = split_clauses(remarks)
    last = len(clauses) - 1
    for i, raw in enumerate(clauses):
        clause = _strip_final_period(raw) if i == last else raw
        if not _parse_clause(clause, raw if i == last else None, facts):
            facts.unparsed.append(clause)
    return facts


_SINGLE = {"gender": "gender", "established": "organization_established", "org_type": "organization_type",
           "target_type": "target_type", "title": "title"}


def _parse_clause(clause: str, unstripped: str | None, facts: Facts) -> bool:
    m = _RULES.match(clause)
    if m is None:
        if ".k.a." in clause[:12] and _ALIAS_START.match(clause):
            return False  # an alias we could not read: keep it as text
        ident = parse_identifier(clause)
        if ident:
            facts.identifiers.append(ident)
            return True
        return False
    key = m.lastgroup
    if key == "alias":
        quality = m.group("quality")
        facts.aliases.append((f"{m.group('alias_v')}ka", m.group("alias_name").strip(),
                              "strong" if quality in ("strong", "good quality") else "weak"))
        return True
    value = m.group(key + "_v").strip()
    if key == "dob":
        facts.dates_of_birth.append(value)
    elif key == "pob":
        facts.places_of_birth.append(value)
    elif key == "nationality":
        facts.nationalities.append(value)
    elif key == "citizen":
        facts.citizenships.append(value)
    elif key in _SINGLE:
        if getattr(facts, _SINGLE[key]) is not None:
            return False  # an "alt." second value of a one-value fact: kept as text
        setattr(facts, _SINGLE[key], parse_loose_date(value) or value if key == "established" else value)
    elif key == "link":
        # The list's final period may belong to "S.A. DE C.V."; keep both readings.
        facts.links.append(unstripped.split("Linked To: ", 1)[1].strip() if unstripped else value)
    elif key == "currency":
        facts.identifiers.append({
            "id_type": f"Digital Currency Address - {value}", "id_value": m.group("address"),
            "country": None, "country_code": None, "issued": None, "expires": None,
            "details": f'{{"currency": "{value}"}}'})
    return True
