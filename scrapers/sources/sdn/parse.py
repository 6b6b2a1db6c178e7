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
- remarks pack facts: parsed in remarks.py; entries built from the rows in entry.py.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import io
import re
from pathlib import Path

from ...countries import normalize_country
from ..base import load_source_yaml

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
