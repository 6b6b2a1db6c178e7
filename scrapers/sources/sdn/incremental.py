"""Reading a new version of sdn.csv by what changed since the one before (pure, in memory).

Consecutive versions of the list share almost every line (under 1% of the bytes change), so
after one version has been read in full, the next is compared with it line by line as raw
bytes -- a set difference, at the speed of hashing the lines -- and only the lines that are
new are parsed as CSV. The result is exactly what a full parse gives (same entries, same
programs, same names), or `None` when this shortcut cannot promise that, and the caller
parses the whole file as before:
- the file has a NUL byte, a UTF-16 byte-order mark, a header row, a record spread over
  several lines (unbalanced quotes), a line without a numeric ent_num, an ent_num twice, a
  line twice, a new blank row;
- its encoding differs from the previous version's (UTF-8 vs Windows-1252) or mixes them,
  or a new line has bytes Windows-1252 does not define;
- a new line is not a well-formed 12-field row with a name.
Every such case is one the full parse reports as a problem or treats specially.

`Snapshot` is what is kept of the previous version: its lines (as a set), the parsed entries
by uid, the lines not valid UTF-8, the entries built for the tracked programs. It belongs to
one observation (its batch) and one program scope; sources/sdn/source.py keeps the last one.
"""
from __future__ import annotations

import csv
import dataclasses

from .parse import _UTF8_SEQUENCE, RawEntry, clean, split_programs

_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclasses.dataclass
class Snapshot:
    batch_id: int
    scope: tuple[str, ...]
    lines: set[bytes]
    raws: dict[int, RawEntry]            # every entry of the version, in file order
    not_utf8: set[bytes]                 # lines that are not valid UTF-8 (Windows-1252 ones)
    encoding: str                        # "utf-8" or "cp1252"
    built: dict[int, dict] = dataclasses.field(default_factory=dict)   # uid -> build_entry result
    comments: dict[int, str] = dataclasses.field(default_factory=dict)  # sdn_comments.csv, by uid
    in_scope: set[int] = dataclasses.field(default_factory=set)         # uids with a tracked program
    sha256: str | None = None            # of the version's sdn.csv
    rows: list[bytes] | None = None      # the version's rows, in file order
    gone: set[int] = dataclasses.field(default_factory=set)   # read by its changes: the uids whose
    #                                    previous row changed or went (those that left are among them)


_JUNK = b"\x1a\r\n\x00 \t"


def split(content: bytes | None, lines: list[bytes] | None = None) -> list[bytes] | None:
    """The file's rows as raw lines (line ends kept; a BOM and the trailing SUB/blank lines
    gone), or None when only the full parse may read it. `lines`: the file's
    `splitlines(keepends=True)`, when already at hand. `content` None (`lines` given): the
    rows are not searched for NUL bytes here (the caller looks in the rows it has not seen
    before); the lines cut or dropped here are."""
    first = content if content is not None else lines[0] if lines else b""
    if first.startswith((b"\xff\xfe", b"\xfe\xff")) or content is not None and b"\x00" in content:
        return None
    lines = list(lines) if lines is not None else content.splitlines(keepends=True)
    while lines and not lines[-1].strip(_JUNK):
        if b"\x00" in lines.pop():
            return None
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    if lines and lines[-1].rstrip(_JUNK) != lines[-1].rstrip(b"\r\n"):
        if b"\x00" in lines[-1]:
            return None
        lines[-1] = lines[-1].rstrip(_JUNK)   # "...\r\n\x1a" written on the last row's line
    return lines


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def snapshot_of(batch_id: int, scope: tuple[str, ...], content: bytes, raws: list[RawEntry],
                lines: list[bytes] | None = None) -> Snapshot | None:
    """What to keep of a version read in full (None: it cannot seed the next comparison)."""
    rows = split(content, lines)
    if rows is None:
        return None
    line_set = set(rows)
    if len(line_set) != len(rows):
        return None
    not_utf8 = {ln for ln in line_set if not ln.isascii() and not _is_utf8(ln)}
    return Snapshot(batch_id, scope, line_set, {r.uid: r for r in raws}, not_utf8,
                    "cp1252" if not_utf8 else "utf-8", rows=rows)


def read_changed(prev: Snapshot, content: bytes | None, scope: set[str], lines: list[bytes] | None = None,
                 copied: tuple[str, list[tuple[int, int, int]], int] | None = None
                 ) -> tuple[Snapshot, set[int], list[bytes]] | None:
    """(the new version's snapshot, the uids whose line is new, the file's rows) -- or None
    (see the module doc). `prev` is left as it was. The snapshot's entries are in the order
    of the previous version with new lines last (`in_file_order` gives the file's order).
    `copied`: what the archive knows of the lines this version copies from the one before
    (Archive.copied_lines): then only the others are compared, with the same result.
    `content` may be None when `lines` are given: the file's bytes are then never joined, and
    only its new rows are searched for NUL bytes (the others are the previous version's)."""
    rows = split(content, lines)
    if rows is None:
        return None
    found = _by_copies(prev, rows, len(lines), copied) if copied is not None and lines is not None else None
    if found is not None:
        now, added, gone = found
    else:
        now = set(rows)
        if len(now) != len(rows):
            return None                   # a line twice: let the full parse say so
        added, gone = now - prev.lines, prev.lines - now
    if content is None and any(b"\x00" in ln for ln in added):
        return None
    not_utf8 = (prev.not_utf8 - gone) | {ln for ln in added if not ln.isascii() and not _is_utf8(ln)}
    encoding = "cp1252" if not_utf8 else "utf-8"
    if encoding != prev.encoding:
        return None
    raws = dict(prev.raws)
    gone_uids = set()
    for line in gone:
        uid = _uid(line)
        if uid is None:
            return None
        raws.pop(uid, None)
        gone_uids.add(uid)
    changed: set[int] = set()
    for line in added:
        entry = _parse_line(line, encoding)
        if entry is None or entry.uid in changed or entry.uid in raws:
            return None                   # unreadable, or an ent_num twice
        raws[entry.uid] = entry
        changed.add(entry.uid)
    every = "*" in scope
    in_scope = (prev.in_scope - gone_uids) | {u for u in changed if every or scope.intersection(raws[u].programs)}
    nxt = Snapshot(prev.batch_id, prev.scope, now, raws, not_utf8, encoding,
                   {u: e for u, e in prev.built.items() if u in raws and u not in changed}, prev.comments,
                   in_scope, prev.sha256, rows, gone_uids)
    return nxt, changed, rows


def _by_copies(prev: Snapshot, rows: list[bytes], n_lines: int,
               copied: tuple[str, list[tuple[int, int, int]], int]) -> tuple[set, set, set] | None:
    """(the new version's line set, lines added, lines gone) from the runs of lines it copies
    from the previous version: only the rows outside them are looked at. None when the runs
    are not about the previous version's rows (another base, other line counts) or a line
    would be there twice (then the whole comparison says so). The first and the last row of
    each version are always compared (a byte-order mark or an end-of-file mark cut from them)."""
    base_sha, runs, total = copied
    if prev.rows is None or base_sha != prev.sha256 or total != n_lines:
        return None
    m, nb = len(rows), len(prev.rows)
    new_spans, old_spans = [], []
    for p, k, c in runs:
        lo = max(p, 1, p + 1 - k)                   # rows 1 .. m-2 here, 1 .. nb-2 there
        hi = min(p + c, m - 1, p + nb - 1 - k)
        if lo < hi:
            new_spans.append((lo, hi))
            old_spans.append((k + lo - p, k + hi - p))
    old_spans.sort()
    if any(a[1] > b[0] for a, b in zip(old_spans, old_spans[1:])):
        return None                                  # a previous row copied twice: a line twice
    fresh = [rows[i] for i in _outside(new_spans, m)]
    maybe_gone = {prev.rows[i] for i in _outside(old_spans, nb)}
    fresh_set = set(fresh)
    if len(fresh_set) != len(fresh) or any(r in prev.lines and r not in maybe_gone for r in fresh_set):
        return None                                  # a line twice
    now = prev.lines.copy()
    now -= maybe_gone
    now |= fresh_set
    return now, fresh_set - prev.lines, maybe_gone - fresh_set


def _outside(spans: list[tuple[int, int]], n: int):
    """The positions 0..n-1 not inside the (ordered, disjoint) spans."""
    at = 0
    for lo, hi in spans:
        yield from range(at, lo)
        at = hi
    yield from range(at, n)


def in_file_order(raws: dict[int, RawEntry], rows: list[bytes]) -> list[RawEntry]:
    """The entries in the order of the file's rows (what the full parse returns)."""
    order = [int(ln[:ln.index(b",")]) for ln in rows]
    return [raws[uid] for uid in order if uid in raws]


def _uid(line: bytes) -> int | None:
    head = line[:line.find(b",")] if b"," in line else b""
    return int(head) if head.isdigit() else None


def _parse_line(line: bytes, encoding: str) -> RawEntry | None:
    line = line.rstrip(b"\r\n")
    if line.count(b'"') % 2 or not line.strip(b"\x1a \t\r") or b"\r" in line:
        return None
    if encoding == "cp1252":
        if _UTF8_SEQUENCE.search(line) or _CP1252_UNDEFINED.intersection(line):
            return None
        text = line.decode("cp1252")
    else:
        text = line.decode("utf-8")
    fields = next(csv.reader([text], strict=False), None)
    uid = _uid(line)
    if not fields or len(fields) != 12 or uid is None or str(uid) != fields[0].strip():
        return None
    name = clean(fields[1])
    if not name:
        return None
    return RawEntry(uid, 0, name, clean(fields[2]), split_programs(clean(fields[3])), fields)
