"""Classification + extraction throughput on SYNTHETIC DOJ releases (scrapers/fakeweb/doj_synthetic.py).

    python benchmarks/doj_throughput.py                      # 20,000 releases, 12% fentanyl-related
    python benchmarks/doj_throughput.py --fentanyl-share 1   # every release goes through extraction
    python benchmarks/doj_throughput.py --profile            # cProfile: where the time goes
    python benchmarks/doj_throughput.py --body-chars 3500    # bodies of DOJ-like length (~3.8 KB)
    python benchmarks/doj_throughput.py --corpus ../shared/corpus/doj/real            # REAL releases, their mix
    python benchmarks/doj_throughput.py --corpus ../shared/corpus/doj/real --fentanyl-only   # the fentanyl ones

Per release, the same work `tracker rebuild` does before writing rows: a cheap test of the
raw title/body for anything fentanyl-like (most releases stop there, with just their uuid
and version read); the others are read fully (parse_item), turned into text blocks,
classified, and -- when fentanyl-related -- prosecutions and defendants are extracted. The JSON is decoded beforehand (page decoding is
counted separately: it is a few percent). Nothing is written anywhere.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

from scrapers.fakeweb.doj_synthetic import SyntheticReleases
from scrapers.sources.doj.api import item_might_mention_fentanyl, parse_api_response, parse_item, parse_item_light
from scrapers.sources.doj.classify import classify
from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import blocks_text, html_to_blocks


def process(raws: list[dict]) -> tuple[int, int, int]:
    kept = prosecutions = defendants = 0
    for i, raw in enumerate(raws):
        if not item_might_mention_fentanyl(raw):
            parse_item_light(raw, "synthetic", i)  # the common case: which release, which version; nothing else
            continue
        rel = parse_item(raw, "synthetic", i)
        blocks = html_to_blocks(rel.body_html)
        cls = classify(rel.title, blocks_text(blocks), raw=rel.body_html)
        if not cls.mentions_fentanyl:
            continue
        kept += 1
        ex = extract("doj:" + rel.uuid, rel.title, blocks, rel.components, rel.url, rel.published, cls.tokens)
        prosecutions += len(ex.prosecutions)
        defendants += len(ex.defendants)
    return kept, prosecutions, defendants


def _fentanyl(raw: dict) -> bool:
    if not item_might_mention_fentanyl(raw):
        return False
    rel = parse_item(raw, "corpus", 0)
    return classify(rel.title, blocks_text(html_to_blocks(rel.body_html)), raw=rel.body_html).mentions_fentanyl


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--releases", type=int, default=20_000)
    ap.add_argument("--fentanyl-share", type=float, default=0.12)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    ap.add_argument("--body-chars", type=int, default=0,
                    help="pad bodies to about this many characters (3500: DOJ-like lengths; default: templates only, ~0.7 KB)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--corpus", type=Path, help="a folder of real API-shaped pages (page-*.json) instead of synthetic"
                    " releases, read --copies times (timings on so few releases need the copies)")
    ap.add_argument("--fentanyl-only", action="store_true", help="with --corpus: only the fentanyl-related releases")
    ap.add_argument("--copies", type=int, default=20)
    args = ap.parse_args(argv)
    if args.corpus:
        raws = [r for f in sorted(args.corpus.glob("page-*.json")) for r in json.loads(f.read_bytes())["results"]]
        if args.fentanyl_only:
            raws = [r for r in raws if _fentanyl(r)]
        raws = raws * args.copies   # (the same releases again: caches see them as new text anyway)
        args.releases = len(raws)
        label = f"REAL corpus ({args.corpus}, x{args.copies})"
    else:
        gen = SyntheticReleases(args.releases, seed=7, fentanyl_share=args.fentanyl_share, body_chars=args.body_chars)
        raws = [gen.item(i) for i in range(args.releases)]
        label = "SYNTHETIC corpus"
    pages = [json.dumps({"metadata": {"resultset": {"count": str(args.releases), "pagesize": 50, "page": k}},
                         "results": raws[k * 50:(k + 1) * 50]}).encode() for k in range(0, (args.releases + 49) // 50)]
    size = sum(map(len, pages))
    t = time.perf_counter()
    decoded = [r for p in pages for r in parse_api_response(p, "synthetic").results]
    decode_s = time.perf_counter() - t
    assert len(decoded) == args.releases
    process(decoded[:200])  # warm caches (vocabularies, compiled patterns)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        process(decoded)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
        return
    best = best_cpu = None
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        kept, pros, defs = process(decoded)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    print(f"{label}: {args.releases:,} releases ({size / 1e6:.1f} MB of API JSON), "
          f"{kept:,} fentanyl-related ({kept / args.releases:.0%}), {pros:,} prosecutions, {defs:,} defendants")
    print(f"JSON decoding: {decode_s:.2f}s ({args.releases / decode_s:,.0f} releases/s)")
    print(f"classification + extraction: {best:.2f}s, {args.releases / best:,.0f} releases/s"
          f" (best of {args.repeat}); {best / max(kept, 1) * 1000:.2f} ms per fentanyl-related release")
    print(f"  CPU time (this process; other work on the machine excluded): {best_cpu:.2f}s,"
          f" {args.releases / best_cpu:,.0f} releases/s")


if __name__ == "__main__":
    main()
