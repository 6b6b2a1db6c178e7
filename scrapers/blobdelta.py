"""Line deltas between two stored files: a new version of the SDN list (or any large response
that repeats most of the one before) kept as what changed. Pure functions, no I/O.

A delta names its base by sha256 and lists, for the new file's lines in order, either a run
of the base's lines to copy (`[start, count]`) or the new lines themselves (a string, the
bytes read as Latin-1 so every byte survives JSON). Lines keep their end-of-line bytes
(`bytes.splitlines(keepends=True)`), so joining them gives the file back byte for byte;
`decode` checks the result against the sha256 and size the delta was made for.

On disk: one ASCII header line `TRKDELTA1 <base sha256> <depth> <size> <sha256>` (depth: how
many deltas lead back to a whole file) then the zlib-compressed JSON ops.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import zlib
from typing import NamedTuple

MAGIC = b"TRKDELTA1"


class DeltaError(ValueError):
    """A delta that does not rebuild the file it was made for."""


def lines(content: bytes) -> list[bytes]:
    return content.splitlines(keepends=True)


def encode(base: bytes | list[bytes], content: bytes | list[bytes], base_sha: str, depth: int, *,
           sha256: str | None = None, size: int | None = None, level: int = 9,
           stats: dict | None = None, base_bytes: bytes | None = None,
           base_offsets: list[int] | None = None) -> bytes:
    """The delta turning `base` into `content` (each as bytes or as its `lines`; `base_bytes`:
    the base's bytes, `base_offsets` its line offsets, when `base` is given as lines and they
    are at hand). See `diff`.

    `stats`, when given, gets "ops", "literal_bytes" (the bytes of the lines written out, not
    copied from the base), "lines" (the new file's, those found in `base` being the base's own
    line objects: successive versions kept in memory hold each unchanged line once) and
    "offsets" (the new file's, for the next version's delta)."""
    old = base if isinstance(base, list) else lines(base)
    old_bytes = base if isinstance(base, bytes) else base_bytes if base_bytes is not None else b"".join(old)
    data = content if isinstance(content, bytes) else b"".join(content)
    walk = diff(old, old_bytes, data, base_offsets)
    ops = walk.ops
    if stats is not None:
        stats.update(literal_bytes=walk.literal_bytes, ops=ops, lines=walk.lines, offsets=walk.offsets)
    if size is None:
        size = len(data)
    sha = sha256 or hashlib.sha256(data).hexdigest()
    body = zlib.compress(json.dumps(ops, separators=(",", ":")).encode("ascii"), level)
    return b"%s %s %d %d %s\n" % (MAGIC, base_sha.encode(), depth, size, sha.encode()) + body


NEAR = 64


class Walk(NamedTuple):
    ops: list                   # the delta's operations
    lines: list[bytes]          # the new file's lines (those copied: the base's own objects)
    literal_bytes: int          # the bytes of the lines written out
    offsets: list[int]          # the new file's line offsets (bytes before each line, then its size)


def line_offsets(file_lines: list[bytes]) -> list[int]:
    """The bytes before each line, then the file's size."""
    return list(itertools.accumulate(map(len, file_lines), initial=0))


def diff(old: list[bytes], old_bytes: bytes, data: bytes, offsets: list[int] | None = None) -> Walk:
    """The operations turning the file `old_bytes` (`old`: its `lines`; `offsets`: their
    `line_offsets`, when known) into `data`, with the new file's lines and offsets (the next
    version's base needs them: copied runs give theirs by shifting the base's, so no version
    is measured line by line twice). Both are walked side by side; where they agree, the run
    of equal lines is measured by comparing the bytes of many base lines at once with the new
    file's (`bytes.startswith` on a view of the base: nothing copied), so the parts of the new
    file equal to the base are never split into lines: its lines there are the base's own
    objects. Where they part, the next line is looked for a little way ahead on each side (a
    line changed, inserted or deleted), and only when that fails in a whole index of the base's
    lines (a block moved far). A version of the 15,000-line list with a few dozen lines changed
    costs about 2 ms here (BENCHMARKS.md, section 10).

    The operations are those of the line-by-line walk this replaced (the same runs, the same
    literals, line for line): each copy run is the longest run of equal lines from where it
    starts, and the new file's lines are exactly `lines(data)`."""
    view = memoryview(old_bytes)
    offsets = offsets if offsets is not None else line_offsets(old)
    m, size = len(old), len(data)
    ops: list = []
    out: list[bytes] = []
    ends = [0]                  # the new file's line offsets
    literal: list[bytes] = []
    literal_bytes = 0
    first: dict[bytes, int] | None = None
    ahead = _Ahead(data)
    i = p = 0
    while p < size:
        run = _equal_lines(old, view, offsets, i, data, p)
        if run:
            at = i
        else:
            line = _line_at(data, p)                    # the new file's line here
            at = _near(old, i, line)
            if at is None and i < m and (i + 1 < m and p + len(line) < size
                                         and old[i + 1] == _line_at(data, p + len(line))
                                         or ahead.has(old[i], p + len(line))):
                pass             # a line changed or inserted here: the walk is still in step
            elif at is None:
                if first is None:
                    first = dict(zip(reversed(old), range(m - 1, -1, -1)))    # line -> first position
                at = first.get(line)
            # (old[at] is the line: the run is at least 1; were it 0, the line is written out and
            # the walk still moves on)
            run = _equal_lines(old, view, offsets, at, data, p) if at is not None else 0
            if not run:
                literal.append(line)
                out.append(line)
                literal_bytes += len(line)
                p += len(line)
                ends.append(p)
                continue
        if literal:
            ops.append(b"".join(literal).decode("latin-1"))
            literal = []
        ops.append([at, run])
        out += old[at:at + run]
        shift = p - offsets[at]
        ends += offsets[at + 1:at + run + 1] if not shift else map(shift.__add__, offsets[at + 1:at + run + 1])
        p += offsets[at + run] - offsets[at]
        i = at + run
    if literal:
        ops.append(b"".join(literal).decode("latin-1"))
    return Walk(ops, out, literal_bytes, ends)


def _near(old: list[bytes], i: int, line: bytes) -> int | None:
    """Where `line` is in old[i:i + NEAR] (lines deleted before it), or None."""
    try:
        return old.index(line, i, i + NEAR)
    except ValueError:
        return None


def _equal_lines(old: list[bytes], view: memoryview, offsets: list[int], i: int, data: bytes, p: int) -> int:
    """How many lines from old[i] on equal the lines of `data` from byte p (a line start) on:
    the first k lines' bytes compared at once (`bytes.startswith` on a view of the base:
    nothing copied), k galloping, then halving."""
    limit = len(old) - i
    if limit <= 0:
        return 0
    start = offsets[i]
    shift = p - start                  # where a byte of the base is in `data`, within the run
    same, step = 0, 1                  # the first `same` lines are equal
    while True:
        k = min(same + step, limit)
        a = offsets[i + same]
        if not data.startswith(view[a:offsets[i + k]], a + shift):
            break
        same = k
        if same == limit:
            break
        step *= 2
    if same < limit:
        high = k                       # the first `high` lines are not all equal
        while high - same > 1:
            mid = (same + high) // 2
            a = offsets[i + same]
            if data.startswith(view[a:offsets[i + mid]], a + shift):
                same = mid
            else:
                high = mid
    if same:
        # the last of them ends the same way in `data` only if its end is not read otherwise
        # there: a bare CR followed by LF, a last line without an end followed by more bytes
        last, end = old[i + same - 1], p + offsets[i + same] - start
        if last.endswith(b"\r") and data[end:end + 1] == b"\n" or \
                not last.endswith((b"\n", b"\r")) and end != len(data):
            same -= 1
    return same


def _line_at(data: bytes, p: int) -> bytes:
    """The line of `data` starting at byte p, as `lines` cuts it (LF, CR LF or a bare CR)."""
    lf = data.find(b"\n", p)
    end = len(data) if lf < 0 else lf + 1
    cr = data.find(b"\r", p, end - 1 if lf < 0 else lf - 1)     # a CR not just before the LF
    return data[p:cr + 1 if cr >= 0 else end]


class _Ahead:
    """The new file's lines a little way ahead of the walk, split a block at a time (the walk
    only moves forward)."""

    def __init__(self, data: bytes):
        self.data, self.lines, self.at, self.pos, self.end = data, [], 0, 0, False

    def has(self, line: bytes, p: int) -> bool:
        """Whether `line` is one of the NEAR lines of the file from byte p (a line start) on."""
        while self.at < len(self.lines) and self.pos < p:
            self.pos += len(self.lines[self.at])
            self.at += 1
        if self.pos != p or self.at >= len(self.lines) or len(self.lines) - self.at < NEAR and not self.end:
            self.lines, self.at, self.pos = _lines_at(self.data, p, 4 * NEAR), 0, p
            self.end = len(self.lines) < 4 * NEAR
        try:
            self.lines.index(line, self.at, self.at + NEAR)
        except ValueError:
            return False
        return True


def _lines_at(data: bytes, p: int, count: int) -> list[bytes]:
    """The `count` lines of `data` from byte p (a line start) on, fewer at its end."""
    size = 512 * count
    while True:
        block = data[p:p + size].splitlines(keepends=True)
        if p + size >= len(data) or len(block) > count:
            return block[:count]       # (never the last line of a block that may be cut)
        size *= 4


def header(blob: bytes) -> tuple[str, int, int, str]:
    """(base sha256, depth, size, sha256) of a delta; DeltaError if it is not one."""
    head, _, _ = blob.partition(b"\n")
    parts = head.split(b" ")
    if len(parts) != 5 or parts[0] != MAGIC or not parts[2].isdigit() or not parts[3].isdigit():
        raise DeltaError("not a delta written by this archive (bad header)")
    return parts[1].decode("ascii"), int(parts[2]), int(parts[3]), parts[4].decode("ascii")


def decode(blob: bytes, base: bytes | list[bytes], *, max_size: int | None = None) -> bytes:
    """The file a delta was made for, from its base; checked against its sha256 and size."""
    return decode_lines(blob, base, max_size=max_size)[0]


def copied_runs(ops: list) -> tuple[list[tuple[int, int, int]], int]:
    """([(line in the new file, line in the base, how many)] of every copy, the new file's line
    count) of a delta's operations, for readers that compare versions by their lines."""
    runs, at = [], 0
    for op in ops:
        if isinstance(op, list):
            runs.append((at, op[0], op[1]))
            at += op[1]
        else:
            at += len(lines(op.encode("latin-1")))
    return runs, at


def decode_lines(blob: bytes, base: bytes | list[bytes], *, max_size: int | None = None,
                 stats: dict | None = None) -> tuple[bytes, list[bytes] | None]:
    """(the file, its `lines`) -- lines None when they cannot be told from the delta alone
    (where two operations meet, a line ending with a bare CR before one starting with LF).
    `stats`, when given, gets "ops": the delta's operations (as from `encode`)."""
    _, _, size, sha = header(blob)
    if max_size is not None and size > max_size:
        raise DeltaError(f"says it rebuilds {size:,} bytes, more than the {max_size:,} allowed")
    try:
        ops = json.loads(zlib.decompressobj().decompress(blob.partition(b"\n")[2], size * 2 + 1_000_000))
    except (zlib.error, ValueError) as exc:
        raise DeltaError(f"unreadable ({exc})") from exc
    old = base if isinstance(base, list) else lines(base)
    offsets = line_offsets(old)
    out: list[bytes] = []
    total, canonical = 0, True
    for op in ops if isinstance(ops, list) else ():
        if isinstance(op, list) and len(op) == 2 and all(isinstance(x, int) and x >= 0 for x in op):
            start, count = op
            if start + count > len(old):
                raise DeltaError("copies lines its base does not have")
            piece = old[start:start + count]
            total += offsets[start + count] - offsets[start]
        elif isinstance(op, str):
            piece = lines(op.encode("latin-1"))
            total += sum(map(len, piece))
        else:
            raise DeltaError("holds an operation it cannot apply")
        if total > size:
            raise DeltaError(f"rebuilds more than the {size:,} bytes it was made for")
        if out and piece and out[-1].endswith(b"\r") and piece[0].startswith(b"\n"):
            canonical = False
        out += piece
    content = b"".join(out)
    if len(content) != size or hashlib.sha256(content).hexdigest() != sha:
        raise DeltaError("does not rebuild the bytes it was made for (sha256 mismatch)")
    if stats is not None:
        stats["ops"] = ops
    return content, out if canonical else None
