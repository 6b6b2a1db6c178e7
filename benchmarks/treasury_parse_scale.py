"""How Treasury release parsing scales with the number of names (issue 16 item 8, issue 13 item 5).

    python benchmarks/treasury_parse_scale.py [SIZES]        # e.g. 250,500,1000,2000,5000

Builds synthetic release pages naming N invented people in bold, either all in one paragraph
("Today, OFAC sanctioned A, B, C … pursuant to E.O. 14059.") or one paragraph each, and times
`parse_release` (best of two runs, CPU time; the machine is shared, read the ratios), for
names all different and for names sharing their first word. Linear parsing takes
about twice the time for twice the names; quadratic parsing four times.
"""
from __future__ import annotations

import random
import sys
import time

from scrapers.sources.treasury.release import parse_release

SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su", "ta",
             "ve", "xi", "yo", "zu"]


NAME_SHAPES = {
    "distinct": lambda word: f"{word()} {word()} {word()}",
    # names sharing their first word, as real releases do ("Wang …", "Hebei … Co., Ltd.")
    "one surname": lambda word: f"Wang {word()} {word()}",
    "one province": lambda word: f"Hebei {word()} Trading Co., Ltd.",
}


def page(n: int, one_paragraph: bool, shape: str = "distinct") -> str:
    rng = random.Random(n)
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()  # noqa: E731
    bold = [f"<strong>{NAME_SHAPES[shape](word)}</strong>" for _ in range(n)]
    if one_paragraph:
        body = "<p>Today, OFAC sanctioned " + ", ".join(bold) + " pursuant to E.O. 14059.</p>"
    else:
        body = "".join(f"<p>Today, OFAC sanctioned {b} pursuant to E.O. 14059.</p>" for b in bold)
    return ('<article about="/news/press-releases/tz0001" class="entity--type-node"><div class="field'
            ' field--name-field-news-publication-date"><time datetime="2024-05-01T14:00:00Z">May 1</time></div>'
            f'<div class="field field--name-field-news-body">{body}</div></article>')


def main() -> None:
    sizes = [int(x) for x in (sys.argv[1] if len(sys.argv) > 1 else "250,500,1000,2000,5000").split(",")]
    for shape in NAME_SHAPES:
        for one in (True, False):
            cells = []
            for n in sizes:
                html = page(n, one, shape)
                best = min(_time(html) for _ in range(2))
                cells.append(f"{n}: {best:.2f} s")
            layout = "one paragraph     " if one else "one paragraph each"
            print(f"{shape:12} {layout}", " | ".join(cells), flush=True)


def _time(html: str) -> float:
    """CPU seconds (the machine is shared: wall-clock time measures the neighbours too)."""
    started = time.process_time()
    parse_release(html, "synthetic")
    return time.process_time() - started


if __name__ == "__main__":
    main()
