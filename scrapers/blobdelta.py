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

MAGIC = b"TRKDELTA1"


class DeltaError(ValueError):
    """A delta that does not rebuild the file it was made for."""


def lines(content: bytes) -> list[bytes]:
    return content.splitlines(keepends=True)


def encode(base: bytes | list[bytes], content: bytes | list[bytes], base_sha: str, depth: int, *,
           sha256: str | None = None, size: int | None = None, level: int = 9, share: bool = False,
           stats: dict | None = None) -> bytes:
    """The delta turning `base` into `content` (each as bytes or as its `lines`). Both are
    walked side by side: runs of equal lines are found by comparing slices (in C); where they
    part, the next line is looked for a little way ahead on each side (a line changed,
    inserted or deleted), and only when that fails in a whole index of the base's lines (a
    block moved far). A list of 15,000 lines with a handful changed costs milliseconds.

    share=True (content given as a list): the lines of `content` found in `base` are replaced,
    in that list, by the base's own (equal) line objects, so that successive versions kept in
    memory hold each unchanged line once. `stats`, when given, gets "literal_bytes": the bytes
    of the lines written out (not copied from the base)."""
    old = base if isinstance(base, list) else lines(base)
    new = content if isinstance(content, list) else lines(content)
    ops: list = []
    literal: list[bytes] = []
    literal_bytes = 0
    first: dict[bytes, int] | None = None
    i = j = 0
    n, m = len(new), len(old)
    while j < n:
        at = i if i < m and old[i] == new[j] else _near(old, i, new[j])
        if at is None and i < m and (_near(new, j + 1, old[i]) is not None
                                     or (i + 1 < m and j + 1 < n and old[i + 1] == new[j + 1])):
            pass                 # a line changed or inserted here: the walk is still in step
        elif at is None:
            if first is None:
                first = dict(zip(reversed(old), range(m - 1, -1, -1)))    # line -> first position
            at = first.get(new[j])
        if at is None:
            literal.append(new[j])
            literal_bytes += len(new[j])
            j += 1
            continue
        if literal:
            ops.append(b"".join(literal).decode("latin-1"))
            literal = []
        run = _common_run(old, at, new, j)
        ops.append([at, run])
        if share:
            new[j:j + run] = old[at:at + run]
        i, j = at + run, j + run
    if literal:
        ops.append(b"".join(literal).decode("latin-1"))
    if stats is not None:
        stats["literal_bytes"], stats["ops"] = literal_bytes, ops
    if size is None:
        size = sum(map(len, new)) if isinstance(content, list) else len(content)
    sha = sha256 or hashlib.sha256(content if isinstance(content, bytes) else b"".join(new)).hexdigest()
    body = zlib.compress(json.dumps(ops, separators=(",", ":")).encode("ascii"), level)
    return b"%s %s %d %d %s\n" % (MAGIC, base_sha.encode(), depth, size, sha.encode()) + body


NEAR = 64


def _near(old: list[bytes], i: int, line: bytes) -> int | None:
    """Where `line` is in old[i:i + NEAR] (lines deleted before it), or None."""
    try:
        return old.index(line, i, i + NEAR)
    except ValueError:
        return None


def _common_run(old: list[bytes], i: int, new: list[bytes], j: int) -> int:
    """How many lines from old[i] and new[j] on are equal (at least 1): galloping over slices."""
    limit = min(len(old) - i, len(new) - j)
    run, step = 1, 64
    while run < limit:
        step = min(step, limit - run)
        if old[i + run:i + run + step] == new[j + run:j + run + step]:
            run += step
            step *= 2
        elif step == 1:
            break
        else:
            step //= 2
    return run


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
    offsets = list(itertools.accumulate(map(len, old), initial=0))    # bytes before each line
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
