"""Helpers for the DOJ extraction tests: one invented release body (HTML) -> its defendant rows."""
from __future__ import annotations

from scrapers.sources.doj.extract import extract
from scrapers.sources.doj.htmltext import html_to_blocks


def defendants(body: str, title: str, office: str = "usao-sdoh", topic: str = "USAO - Southern District of Ohio",
               fields: tuple[str, ...] = ("action", "age")) -> dict:
    """{name: (field values...)} of the defendants extracted from a release body."""
    ex = extract("doj:test", title, html_to_blocks(body), [topic], f"https://www.justice.gov/{office}/pr/x",
                 "2024-05-01")
    return {d["name"]: tuple(d[f] for f in fields) for d in ex.defendants}
