"""Pure parsers for OFAC's legacy SDN files: bytes in, records out, no I/O.

The files (see sdn.yml): `sdn.csv` (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), `add.csv` (ent_num, add_num,
address, city/state/postal, country, add_remarks), `alt.csv` (ent_num, alt_num, alt_type,
alt_name, alt_remarks), `sdn_comments.csv` (ent_num, remarks continued).

Quirks handled here:
- Windows-1252 bytes (newer exports may be UTF-8; a UTF-8 BOM is dropped); undecodable bytes
  are reported with their line and replaced, never silently dropped;
- nulls written `-0-` (with a trailing space); a trailing 0x1A (SUB) byte; no header row;
- SDN_Type `-0-` means an entity;
- several program tags in one field (`SDNTK] [ILLICIT-DRUGS-EO14059`), and in older files
  the field cut short mid-tag (`SDNTK] [ILLICIT-DRUGS-EO140`): completed when one known tag
  starts with the fragment;
- remarks cut at 1,000 characters and continued, mid-word, in sdn_comments.csv;
- add/alt rows whose ent_num is not in sdn.csv (other dates, delisted entries): ignored
  for the entries, counted;
- remarks pack facts (`DOB …; POB …; nationality …; a.k.a. '…'; Passport … (Country);
  Linked To: NAME.`): parsed into structured facts; anything no rule understood is kept
  in `remarks_unparsed` (and the full text always stays in `remarks`).
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import io
import json
import re
from pathlib import Path

from .. import load_source_yaml

from ...countries import country_of_place, normalize_country
from ...dates import parse_date_range, parse_loose_date

META = load_source_yaml("sdn")
KNOWN_PROGRAMS: list[str] = META["programs"]
ID_TYPES: list[str] = sorted(META["id_types"], key=len, reverse=True)
ENTRY_URL: str = META["entry_url"]

FILE_ROLES = {"sdn.csv": "sdn", "add.csv": "add", "alt.csv": "alt", "sdn_comments.csv": "comments",
              "sdn.xml": "xml"}   # sdn.xml: the same list in OFAC's legacy XML (see xml.py)
COLUMNS = {"sdn": 12, "add": 6, "alt": 5, "comments": 2}
ENTITY_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}


@dataclasses.dataclass
class Problem:
    """One piece of bad input: where it is and why it was not understood."""

    location: str
    row: int | None
    reason: str
    uid: int | None = None


def role_of(filename: str) -> str | None:
    return FILE_ROLES.get(Path(filename).name.lower())


# -- bytes and rows ---------------------------------------------------------------------
MAX_DECODE_PROBLEMS = 20


def decode(content: bytes, location: str, problems: list[Problem]) -> str:
    """Windows-1252 (or UTF-8, or UTF-16 with a BOM) bytes -> text, with the SUB terminator
    and BOM removed. Nothing is replaced silently: undecodable bytes, NULs and a UTF-8 file
    with Windows-1252 lines in it (mixed encodings) are reported line by line."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            content = content.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(location, None, f"starts with a UTF-16 byte-order mark but is not UTF-16: {exc.reason}"))
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    content = content.rstrip(b"\x1a\r\n\x00 ").rstrip(b"\x1a")
    if b"\x00" in content:
        line = content[: content.index(b"\x00")].count(b"\n") + 1
        nuls = content.count(0)
        problems.append(Problem(location, line, f"{nuls} NUL byte(s) in the file, first on this line"
                                " (binary or corrupted download); removed"))
        content = content.replace(b"\x00", b"")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = content.split(b"\n")
    utf8_lines = sum(1 for ln in lines if _is_multibyte_utf8(ln))
    out, reported = [], 0
    for number, raw in enumerate(lines, 1):
        if utf8_lines and _is_multibyte_utf8(raw):
            out.append(raw.decode("utf-8"))
            continue
        try:
            text = raw.decode("cp1252")
            if _UTF8_SEQUENCE.search(raw) or (utf8_lines and not raw.isascii()):
                reported += 1
                if reported <= MAX_DECODE_PROBLEMS:
                    problems.append(Problem(location, number, "mixed encodings: UTF-8 and Windows-1252 bytes in one"
                                            " file; this line read as Windows-1252 (check its accents)",
                                            _int(raw.split(b",", 1)[0].decode("ascii", "replace"))))
        except UnicodeDecodeError as exc:
            text = raw.decode("cp1252", errors="replace")
            reported += 1
            if reported <= MAX_DECODE_PROBLEMS:
                problems.append(Problem(location, number, f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is"
                                        " neither UTF-8 nor Windows-1252 text; replaced by U+FFFD",
                                        _int(raw.split(b",", 1)[0].decode("ascii", "replace"))))
        out.append(text)
    if reported > MAX_DECODE_PROBLEMS:
        problems.append(Problem(location, None, f"{reported - MAX_DECODE_PROBLEMS} more line(s) with encoding problems"))
    return "\n".join(out)


# A well-formed UTF-8 multi-byte sequence: in real Windows-1252 text these byte pairs are
# mojibake ("Ã©"), so seeing one in a line that is not UTF-8 means the encodings are mixed.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _is_multibyte_utf8(raw: bytes) -> bool:
    """Valid UTF-8 that actually uses multi-byte sequences (plain ASCII says nothing)."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_NULLS = frozenset(("", "-0-", "-0- "))


def clean(value: str | None) -> str | None:
    if value is None or value in _NULLS:
        return None
    value = value.strip()
    return None if value in _NULLS else value


def rows(text: str, role: str, location: str, problems: list[Problem]):
    """Yield (line number, fields) for every well-formed row; report the others."""
    want = COLUMNS[role]
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    held = None     # the last row is yielded only once we know the file was not cut inside it
    for item in _rows(reader, want, location, problems):
        if held is not None and held[2]:
            yield held[0], held[1]
        held = item
    if held is None:
        return
    line, fields, ok = held
    if _ends_inside_quotes(text, line):
        # csv (strict=False) hands back a row cut inside its quoted last field as if it
        # were whole: a truncated download or a short Content-Length would go unnoticed.
        problems.append(Problem(location, line, "the file ends inside this row's quoted field:"
                                " truncated download?", _int(fields[0]) if fields else None))
    elif ok:
        yield line, fields


def _ends_inside_quotes(text: str, last_line: int) -> bool:
    if text.count('"') % 2 == 0:
        return False
    tail = "\n".join(text.split("\n")[last_line - 1:])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), strict=True):
            pass
    except csv.Error:
        return True
    return False


def _rows(reader, want: int, location: str, problems: list[Problem]):
    """(line, fields, ok) for every row; the bad ones (ok False) are already reported."""
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(location, start, f"unreadable CSV: {exc}"))
            continue
        line = start
        if not fields or (len(fields) == 1 and not fields[0].strip("\x1a \t")):
            continue
        if line == 1 and fields[0].strip().lower() in ("ent_num", "ent num", "uid"):
            continue  # a header row (some mirrors add one)
        if len(fields) != want:
            uid = _int(fields[0])
            problems.append(Problem(location, line, f"expected {want} fields, found {len(fields)}", uid))
            yield line, fields, False
            continue
        yield line, fields, True


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


# -- programs ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=8192)
def split_programs(field: str | None) -> tuple[str, ...]:
    """'SDNTK] [ILLICIT-DRUGS-EO14059' -> ('SDNTK', 'ILLICIT-DRUGS-EO14059'); a tag cut
    short is completed when exactly one known tag starts with it."""
    if not field:
        return ()
    out = []
    for tag in re.split(r"\]\s*\[", field.strip()):
        tag = tag.strip().strip("[]").strip()
        if not tag:
            continue
        if tag not in KNOWN_PROGRAMS:
            candidates = [p for p in KNOWN_PROGRAMS if p.startswith(tag)]
            if len(candidates) == 1 and len(tag) >= 3:
                tag = candidates[0]
        if tag not in out:
            out.append(tag)
    return tuple(out)


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


# -- add / alt / comments ---------------------------------------------------------------
_POSTAL_TOKEN = re.compile(r"^[A-Z0-9-]*\d[A-Z0-9-]*$", re.I)


def split_city_state_postal(value: str | None) -> tuple[str | None, str | None, str | None]:
    """'Puerto Vallarta, Jalisco 48328' -> ('Puerto Vallarta', 'Jalisco', '48328');
    'London EC3N 1DY' -> ('London', None, 'EC3N 1DY')."""
    if not value:
        return None, None, None
    tokens = value.split()
    postal: list[str] = []
    while tokens and len(postal) < 2 and _POSTAL_TOKEN.match(tokens[-1].strip(",")) and len(tokens) > 1:
        postal.insert(0, tokens.pop().strip(","))
    rest = " ".join(tokens).strip().strip(",")
    city, state = rest, None
    if "," in rest:
        city, state = (p.strip() for p in rest.rsplit(",", 1))
    return city or None, state or None, " ".join(postal) or None


def parse_addresses(text: str, location: str, problems: list[Problem]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for line, f in rows(text, "add", location, problems):
        uid, add_num = _int(f[0]), _int(f[1])
        if uid is None or add_num is None:
            problems.append(Problem(location, line, f"ent_num/add_num not a number: {f[0]!r}, {f[1]!r}"))
            continue
        csp = clean(f[3])
        city, state, postal = split_city_state_postal(csp)
        written = clean(f[4])
        country = normalize_country(written) if written else None
        out.setdefault(uid, []).append({
            "uid": uid, "add_num": add_num, "address": clean(f[2]), "city": city,
            "state_province": state, "postal_code": postal,
            "country": country.name if country else written,
            "country_code": country.code if country else None,
            "country_as_written": written, "remarks": clean(f[5]),
        })
    return out


def parse_alt(text: str, location: str, problems: list[Problem]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for line, f in rows(text, "alt", location, problems):
        uid, alt_num = _int(f[0]), _int(f[1])
        name = clean(f[3])
        if uid is None or not name:
            problems.append(Problem(location, line, f"alias row without ent_num or name: {f[:4]!r}"))
            continue
        kind = (clean(f[2]) or "aka").lower().replace(".", "")
        remark = clean(f[4]) or ""
        quality = "weak" if "weak" in remark.lower() or "low quality" in remark.lower() else "strong"
        out.setdefault(uid, []).append({"uid": uid, "alias": name, "alias_type": kind,
                                        "quality": quality, "source": "alt.csv", "alt_num": alt_num})
    return out


def parse_comments(text: str, location: str, problems: list[Problem]) -> dict[int, str]:
    out: dict[int, str] = {}
    for line, f in rows(text, "comments", location, problems):
        uid = _int(f[0])
        if uid is None:
            problems.append(Problem(location, line, f"ent_num not a number: {f[0]!r}"))
            continue
        value = f[1] if f[1].strip() != "-0-" else ""
        out[uid] = out.get(uid, "") + value
    return out


# -- sdn.csv ----------------------------------------------------------------------------
@dataclasses.dataclass
class RawEntry:
    uid: int
    line: int
    name: str
    sdn_type: str | None
    programs: tuple[str, ...]
    fields: list[str]


def parse_sdn_rows(text: str, location: str, problems: list[Problem]) -> list[RawEntry]:
    out: list[RawEntry] = []
    seen: set[int] = set()
    for line, f in rows(text, "sdn", location, problems):
        uid = _int(f[0])
        name = clean(f[1])
        if uid is None:
            problems.append(Problem(location, line, f"ent_num is not a number: {f[0]!r}"))
            continue
        if not name:
            problems.append(Problem(location, line, "entry has no name", uid))
            continue
        if uid in seen:
            problems.append(Problem(location, line, f"ent_num {uid} appears twice", uid))
            continue
        seen.add(uid)
        out.append(RawEntry(uid, line, name, clean(f[2]), split_programs(clean(f[3])), f))
    return out


def _resolve_link(linked: str, name_index) -> tuple[str, int | None]:
    """A 'Linked To' name (which may carry the remarks' final period) -> (name, uid).
    `name_index` is a NameIndex (or any mapping of names to uids)."""
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
    keep = re.search(r"\b[A-Z]\.[A-Z]\.$|\b(?:[A-Z]\.){1,}$", linked) is not None
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


class NameIndex:
    """List names -> uid: exact first; a looser (case/spacing) index is built only on a miss."""

    def __init__(self, raws):
        self._exact: dict[str, int] = {}
        for r in raws:
            self._exact.setdefault(r.name, r.uid)
        self._norm: dict[str, int] | None = None

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

    title, call_sign, vessel_type, tonnage, grt, vessel_flag, vessel_owner = (
        None if v in _NULLS else (v.strip() or None) for v in f[4:11])
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
