"""Extraction over generated releases (scrapers/fakeweb/doj_synthetic.py): the invariants that must
hold on any input -- officials never become defendants, the stage matches the template."""
from __future__ import annotations

from scrapers.fakeweb.doj_synthetic import OFFICIALS, SyntheticReleases
from scrapers.sources.doj.api import parse_item
from scrapers.sources.doj.classify import classify
from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import blocks_text, html_to_blocks

EXPECTED = {"Jury Convicts": {"convicted"}, "Extradited": {"extradited"}, "Plead Guilty": {"pleaded_guilty"},
            "Pleads Guilty": {"pleaded_guilty"}, "Charged in Fentanyl": {"charged"},
            "Employees Indicted": {"charged"}, "Executives Indicted": {"charged"}}


def test_synthetic_releases_officials_never_defendants_and_stages_match():
    gen = SyntheticReleases(600, seed=11, fentanyl_share=1.0)
    official_words = {w for o in OFFICIALS for w in o.split()}
    seen = set()
    for i in range(600):
        rel = parse_item(gen.item(i), "synthetic", i)
        blocks = html_to_blocks(rel.body_html)
        cls = classify(rel.title, blocks_text(blocks), raw=rel.body_html)
        if not cls.mentions_fentanyl:
            continue
        ex = extract("doj:" + rel.uuid, rel.title, blocks, rel.components, rel.url, rel.published, cls.tokens)
        assert ex.defendants, rel.title
        for d in ex.defendants:
            assert not official_words & set(d["name"].split()), (rel.title, d["name"])
        for marker, stages in EXPECTED.items():
            if marker in rel.title:
                assert {d["action"] for d in ex.defendants} == stages, (rel.title, ex.defendants)
                seen.add(marker)
        if "Sentenced to" in rel.title:
            (d,) = ex.defendants
            years = int(rel.title.split("Sentenced to ")[1].split()[0])
            assert (d["action"], d["sentence_months"]) == ("sentenced", years * 12.0)
    assert len(seen) >= 5
