"""The line delta's walk over bytes (blobdelta.diff) against the plain line-by-line walk it
replaced: the same operations, line for line, on random edits with every kind of line end
(LF, CR LF, a bare CR, a last line without one), long lines and blocks longer than the
look-ahead; its lines are exactly the file's lines, the copied ones the base's own objects."""
from __future__ import annotations

import random

import pytest

from scrapers import blobdelta


def line_walk(old: list[bytes], new: list[bytes]) -> list:
    """The reference: lines compared one by one (what the archive did before)."""
    near = blobdelta.NEAR

    def find(seq, line, lo, hi):
        return next((k for k in range(lo, min(hi, len(seq))) if seq[k] == line), None)

    ops, literal, i, j = [], [], 0, 0
    first = {}
    for k, line in enumerate(old):
        first.setdefault(line, k)
    while j < len(new):
        at = i if i < len(old) and old[i] == new[j] else find(old, new[j], i, i + near)
        if at is None and i < len(old) and (find(new, old[i], j + 1, j + 1 + near) is not None
                                            or (i + 1 < len(old) and j + 1 < len(new) and old[i + 1] == new[j + 1])):
            pass
        elif at is None:
            at = first.get(new[j])
        if at is None:
            literal.append(new[j])
            j += 1
            continue
        if literal:
            ops.append(b"".join(literal).decode("latin-1"))
            literal = []
        run = 0
        while at + run < len(old) and j + run < len(new) and old[at + run] == new[j + run]:
            run += 1
        ops.append([at, run])
        i, j = at + run, j + run
    if literal:
        ops.append(b"".join(literal).decode("latin-1"))
    return ops


def _random_pair(rng: random.Random, lines: int, long_lines: bool) -> tuple[bytes, bytes]:
    ends = [b"\n", b"\r\n", b"\r"]
    widths = [0, 1, 3, 700, 3000] if long_lines else [0, 1, 3]
    old = [b"%d,%s" % (rng.randint(0, 5), b"x" * rng.choice(widths)) + rng.choice(ends)
           for _ in range(rng.randint(0, lines))]
    if old and rng.random() < 0.3:
        old[-1] = old[-1].rstrip(b"\r\n")            # no end on the last line
    new = list(old)
    for _ in range(rng.randint(0, 12)):
        r = rng.random()
        if r < 0.2 and new:
            del new[rng.randrange(len(new))]
        elif r < 0.4:
            block = [b"%d,y" % rng.randint(0, 9) + rng.choice(ends + [b""]) for _ in range(rng.choice([1, 1, 3, 80]))]
            at = rng.randint(0, len(new))
            new[at:at] = block
        elif r < 0.6 and new:
            new.insert(rng.randint(0, len(new)), new.pop(rng.randrange(len(new))))    # moved
        elif r < 0.8 and new:
            k = rng.randrange(len(new))
            new[k] = new[k].rstrip(b"\r\n") + rng.choice(ends + [b""])             # its end changed
        elif new:
            new.insert(rng.randint(0, len(new)), rng.choice(new))                   # a line twice
    return b"".join(old), b"".join(new)


@pytest.mark.parametrize("lines,long_lines,trials", [(40, False, 3000), (400, True, 150)])
def test_the_bytes_walk_gives_the_line_walks_operations(lines, long_lines, trials):
    rng = random.Random(lines)
    for trial in range(trials):
        a, b = _random_pair(rng, lines, long_lines)
        old, new = blobdelta.lines(a), blobdelta.lines(b)
        walk = blobdelta.diff(old, a, b, blobdelta.line_offsets(old) if trial % 2 else None)
        ops, got, literal_bytes = walk.ops, walk.lines, walk.literal_bytes
        assert ops == line_walk(old, new), trial
        assert got == new, trial
        assert walk.offsets == blobdelta.line_offsets(new), trial
        assert literal_bytes == sum(len(op.encode("latin-1")) for op in ops if isinstance(op, str)), trial
        delta = blobdelta.encode(a, b, "0" * 64, 1)
        assert blobdelta.decode(delta, a) == b, trial


def test_copied_lines_are_the_bases_own_objects():
    old = [b"%d,row\r\n" % k for k in range(500)]
    new = old[:200] + [b"201,changed\r\n"] + old[201:] + [b"500,new\r\n"]
    a, b = b"".join(old), b"".join(new)
    ops, got, _, offsets = blobdelta.diff(old, a, b)
    assert ops == [[0, 200], "201,changed\r\n", [201, 299], "500,new\r\n"]
    assert all(got[k] is old[k] for k in range(500) if k != 200)
    assert got == blobdelta.lines(b) and offsets == blobdelta.line_offsets(got)
