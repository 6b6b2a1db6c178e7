"""One designation row (and its aliases, addresses, identifiers, relationships) from the
parsed rows of the SDN files (pure; no I/O)."""
from __future__ import annotations

import functools
import hashlib
import json
import re

from ...countries import country_of_place, normalize_country
from ...dates import parse_date_range
from .parse import _NULLS, ENTITY_TYPES, ENTRY_URL, RawEntry, clean
from .remarks import _strip_final_period, parse_remarks

_INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]\.$|\b(?:[A-Z]\.){1,}$")


def _resolve_link(linked: str, name_index) -> tuple[str, int | None]:
    """A 'Linked To' name (which may carry the remarks' final period) -> (name, uid).
    `name_index` is a LinkTargets (or any mapping of names to uids)."""
    if isinstance(name_index, dict):
        exact, normalized = name_index.get, lambda n: name_index.get(_loose(n))
    else:
        exact, normalized = name_index.exact, name_index.normalized
    stripped = _strip_final_period(linked)
    for cand in (linked, stripped):
        uid = exact(cand)
        if uid:
            return cand, uid
    uid = normalized(linked)
    # "S.A. DE C.V." keeps its period; a sentence period after a word goes.
    keep = _INITIALS_END.search(linked) is not None
    return (linked if keep else stripped), uid


def _hash(*parts) -> str:
    # repr of lists/tuples of str/None/int is deterministic and much cheaper than JSON.
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


def _row_hash(fields: list[str], remarks: str | None) -> str:
    return hashlib.sha1("\x1f".join((*fields, remarks or "")).encode()).hexdigest()[:16]




@functools.lru_cache(maxsize=4096)
def json_list(values: tuple) -> str:
    """json.dumps of a tuple of strings (program tags and country lists repeat: cached)."""
    return json.dumps(list(values))


class LinkTargets:
    """The names of one list file -> uid, to resolve the 'Linked To:' names of its remarks while
    the file is parsed: exact first; a looser (case/spacing) index is built only on a miss.

    Not scrapers/matching.NameIndex (the link passes' index, read from the database built):
    this one exists before any database does, keeps the first uid of a name in file order,
    and compares names only as the list writes them."""

    def __init__(self, raws):
        """`raws`: the file's entries in file order, or a function giving them: then they are
        read on the first look-up only (a version of a history read by its changes rebuilds a
        handful of entries, seldom one with a 'Linked To:' name)."""
        self._raws = raws
        self._exact_names: dict[str, int] | None = None
        self._norm: dict[str, int] | None = None

    @property
    def _exact(self) -> dict[str, int]:
        if self._exact_names is None:
            self._exact_names = {}
            for r in (self._raws() if callable(self._raws) else self._raws):
                self._exact_names.setdefault(r.name, r.uid)
            self._raws = None
        return self._exact_names

    def exact(self, name: str) -> int | None:
        return self._exact.get(name)

    def normalized(self, name: str) -> int | None:
        """Case-, spacing- and final-period-insensitive lookup (built on the first miss)."""
        if self._norm is None:
            self._norm = {}
            for exact, u in self._exact.items():
                self._norm.setdefault(_loose(exact), u)
        return self._norm.get(_loose(name))


def _loose(name: str) -> str:
    return " ".join(name.upper().split()).rstrip(".")


_URL_HEAD, _URL_TAIL = ENTRY_URL.split("{uid}")


def _dobs_json(dobs: list[tuple[str, str | None]]) -> str:
    """JSON of [{"as_written", "date"}]; dates of birth are plain ASCII, written directly."""
    if all(d.isascii() and '"' not in d and "\\" not in d for d, _ in dobs):
        return "[" + ", ".join(f'{{"as_written": "{d}", "date": ' + (f'"{iso}"' if iso else "null") + "}"
                               for d, iso in dobs) + "]"
    return json.dumps([{"as_written": d, "date": iso} for d, iso in dobs])


@functools.lru_cache(maxsize=8192)
def _dob(written: str) -> str | None:
    parsed = parse_date_range(written)
    return "/".join(parsed) if parsed else None


def build_entry(raw: RawEntry, comment: str | None, addresses: list[dict] | None,
                alt_aliases: list[dict] | None, name_index) -> dict:
    """One designation with its child rows, from its sdn.csv row and the matching rows of
    the other files. Returns {'row': designations row, 'aliases', 'addresses',
    'identifiers', 'relationships', 'hash': {...}}."""
    f = raw.fields
    remarks = clean(f[11])
    if comment:
        # The remarks were cut at the column limit, possibly right after a space: keep it.
        remarks = (f[11].lstrip() if remarks else "") + comment
    facts = parse_remarks(remarks)
    entity_type = ENTITY_TYPES.get((raw.sdn_type or "").lower(), "entity")

    # countries: nationality, citizenship, addresses, places of birth (identifiers' issuing
    # countries only when none of those names one); each country once, in that order
    found: dict[str, str | None] = {}
    nationality = citizenship = None
    for n in facts.nationalities:
        c = normalize_country(n)
        nationality = nationality or (c.name if c else n)
        if c:
            found.setdefault(c.name, c.code)
    for n in facts.citizenships:
        c = normalize_country(n)
        citizenship = citizenship or (c.name if c else n)
        if c:
            found.setdefault(c.name, c.code)
    for a in addresses or ():
        if a["country_as_written"]:
            c = normalize_country(a["country_as_written"])
            if c:
                found.setdefault(c.name, c.code)
    for place in facts.places_of_birth:
        c = country_of_place(place)
        if c:
            found.setdefault(c.name, c.code)
    if not found:
        for ident in facts.identifiers:
            if ident["country_code"]:
                c = normalize_country(ident["country"])
                if c:
                    found.setdefault(c.name, c.code)

    dobs = [(d, _dob(d)) for d in facts.dates_of_birth] if facts.dates_of_birth else None

    aliases: dict[tuple, dict] = {}
    for a in alt_aliases or ():
        aliases.setdefault((a["alias_type"], a["alias"]), a)
    for kind, alias, quality in facts.aliases:
        aliases.setdefault((kind, alias), {"uid": raw.uid, "alias": alias, "alias_type": kind,
                                           "quality": quality, "source": "remarks", "alt_num": None})
    relationships = []
    seen_links = set()
    for linked in facts.links:
        linked, linked_uid = _resolve_link(linked, name_index)
        if linked in seen_links:
            continue
        seen_links.add(linked)
        relationships.append({"uid": raw.uid, "relation": "Linked To", "linked_name": linked, "linked_uid": linked_uid})

    identifiers: dict[tuple, dict] = {}
    for ident in facts.identifiers:
        row = {"uid": raw.uid, "details": None, **ident}
        identifiers.setdefault((row["id_type"], row["id_value"]), row)

    title, call_sign, vessel_type, tonnage, grt, vessel_flag, vessel_owner = [
        None if v in _NULLS else (v.strip() or None) for v in f[4:11]]
    row = {
        "uid": raw.uid, "name": raw.name, "entity_type": entity_type,
        "programs": json_list(raw.programs),
        "countries": json_list(tuple(found)), "country_codes": json_list(tuple(found.values())),
        "nationality": nationality, "citizenship": citizenship,
        "date_of_birth": dobs[0][1] if dobs else None,
        "dates_of_birth": _dobs_json(dobs) if dobs else None,
        "place_of_birth": facts.places_of_birth[0] if facts.places_of_birth else None,
        "gender": facts.gender,
        "title": title or facts.title, "call_sign": call_sign, "vessel_type": vessel_type,
        "tonnage": tonnage, "grt": grt, "vessel_flag": vessel_flag, "vessel_owner": vessel_owner,
        "organization_established": facts.organization_established,
        "organization_type": facts.organization_type, "target_type": facts.target_type,
        "remarks": remarks, "remarks_unparsed": "; ".join(facts.unparsed) or None,
        "aliases_text": " | ".join([a["alias"] for a in aliases.values()]) or None,
        "ofac_url": f"{_URL_HEAD}{raw.uid}{_URL_TAIL}",
    }
    alias_rows = list(aliases.values())
    address_rows = list(addresses or [])
    return {
        "row": row, "aliases": alias_rows, "addresses": address_rows,
        "identifiers": list(identifiers.values()), "relationships": relationships,
        "hash": {
            "sdn": _row_hash(f[1:11], remarks),
            "alt": _hash(sorted((a["alias_type"], a["alias"]) for a in alt_aliases)) if alt_aliases is not None else None,
            "add": _hash(sorted((a["add_num"], a["address"], a["city"], a["country_as_written"]) for a in addresses))
            if addresses is not None else None,
        },
    }
