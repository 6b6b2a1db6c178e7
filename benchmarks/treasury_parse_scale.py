"""How Treasury release parsing scales with the number of names (issue 16 item 8, issue 13 item 5).

    python benchmarks/treasury_parse_scale.py [SIZES]        # e.g. 250,500,1000,2000,5000

Builds synthetic release pages naming N invented people in bold, either all in one paragraph
("Today, OFAC sanctioned A, B, C … pursuant to E.O. 14059.") or one paragraph each, and times
`parse_release` (best of two runs, CPU time; the machine is shared, read the ratios), for
names all different and for names sharing their first word. Linear parsing takes
about twice the time for twice the names; quadratic parsing four times.
"""
from __future__ import annotations

import sys
import time

from scrapers.fakeweb.treasury_synthetic import invented_names, many_names_page
from scrapers.sources.treasury.release import parse_release

NAME_SHAPES = {
    "distinct": "{} {} {}",
    # names sharing their first word, as real releases do ("Wang …", "Hebei … Co., Ltd.")
    "one surname": "Wang {} {}",
    "one province": "Hebei {} Trading Co., Ltd.",
}


def page(n: int, one_paragraph: bool, shape: str = "distinct") -> str:
    return many_names_page(invented_names(n, n, NAME_SHAPES[shape]), one_paragraph)


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
