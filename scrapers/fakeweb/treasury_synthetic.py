"""SYNTHETIC Treasury press releases, OFAC listing pages and Recent Actions pages, for benchmarks.

Everything is invented (release ids `sx####`, officials, texts; designees are entries of a
scrapers/fakeweb/sdn_synthetic.py list). Every release says "SYNTHETIC TEST DATA". The markup
imitates the structure of the live pages (OFAC's `/press-releases?page=N` table with a
"Next" link, Drupal release pages with `<article>`, `<time datetime>` and a body field, and
Recent Actions pages listing the day's SDN entries in the list's own format).

    site = SyntheticTreasury(30, sdn)    # 30 releases, newest first; every third designates
    site.pages()                         # {"/ofac/press-releases?page=0": bytes, "/home/news/...": ...}
"""
from __future__ import annotations

import datetime as dt
import html
import random

from .sdn_synthetic import DRUGS, SyntheticSdn

LABEL = "<p><em>SYNTHETIC TEST DATA: generated for benchmarks; not a real Treasury release.</em></p>"
OFFICIALS = ["Under Secretary Imelda Varga", "Deputy Secretary Colin Ashby", "OFAC Director Renata Oyelaran"]
OTHER_TITLES = ["Treasury Publishes Exchange Rate Report", "Readout: Deputy Secretary Meets Community Bankers",
                "Treasury Announces Debt Management Update", "Statement on the Monthly Budget Review",
                "Treasury Sanctions Network Procuring Weapons Components"]


class SyntheticTreasury:
    def __init__(self, n: int, sdn: SyntheticSdn, *, seed: int = 5, newest: str = "2025-06-27",
                 per_page: int = 10, designees: int = 3, oldest: str | None = None):
        """One release every 2 days back from `newest`; or, with `oldest`, the n releases
        spread evenly from `newest` back to `oldest`."""
        rng = random.Random(seed)
        self.per_page = per_page
        newest_day = dt.date.fromisoformat(newest)
        span = (newest_day - dt.date.fromisoformat(oldest)).days if oldest else 2 * max(0, n - 1)
        self.releases: list[dict] = []   # newest first
        pool = list(sdn.entries)
        rng.shuffle(pool)
        cursor = 0
        for k in range(n):
            day = newest_day - dt.timedelta(days=round(k * span / max(1, n - 1)))
            rid = f"sx{n - k:04d}"
            rel = {"id": rid, "date": day.isoformat(), "designees": []}
            if k % 3 == 0 and cursor + designees <= len(pool):
                rel["designees"] = pool[cursor:cursor + designees]
                cursor += designees
                rel["title"] = (f"Treasury Sanctions {rel['designees'][0].display_name} and Associates"
                                " Supplying Fentanyl Laboratories")
            else:
                rel["title"] = rng.choice(OTHER_TITLES)
            rel["official"] = rng.choice(OFFICIALS)
            self.releases.append(rel)

    # -- pages -----------------------------------------------------------------------------------
    def pages(self) -> dict[str, bytes]:
        """Path (with query) on the stand-in server -> body: /ofac/..., /home/..."""
        out = {}
        chunks = [self.releases[i:i + self.per_page] for i in range(0, len(self.releases), self.per_page)]
        for n, chunk in enumerate(chunks):
            out[f"/ofac/press-releases?page={n}"] = listing(chunk, n + 1 if n + 1 < len(chunks) else None)
        for rel in self.releases:
            out[f"/home/news/press-releases/{rel['id']}"] = release_page(rel)
            if rel["designees"]:
                out[f"/ofac/recent-actions/{rel['date'].replace('-', '')}"] = recent_actions_page(rel)
        return out


def listing(items: list[dict], next_page: int | None) -> bytes:
    rows = "".join(f'<tr><td>{r["date"][5:7]}/{r["date"][8:10]}/{r["date"][:4]}</td><td><a href="https://home.treasury.gov/'
                   f'news/press-releases/{r["id"]}">{html.escape(r["title"])}</a></td></tr>' for r in items)
    nxt = (f'<li class="usa-pagination__item usa-pagination__arrow"><a href="?page={next_page}" '
           'class="usa-pagination__link usa-pagination__next-page">Next</a></li>') if next_page is not None else ""
    return (f'<!DOCTYPE html><html><head><title>Press Releases | OFAC</title></head><body><header><nav>'
            f'<a href="/">Home</a></nav></header><main><h1>Press Releases</h1>'
            f'<table class="views-table"><tbody>{rows}</tbody></table>'
            f'<nav class="usa-pagination"><ul>{nxt}</ul></nav></main></body></html>').encode()


def release_page(rel: dict) -> bytes:
    rid, day = rel["id"], rel["date"]
    title = html.escape(rel["title"])
    shown = dt.date.fromisoformat(day).strftime("%B %-d, %Y")
    if rel["designees"]:
        ds = rel["designees"]
        people = sum(1 for d in ds if d.kind == "individual")
        paras = [f"<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC)"
                 f" sanctioned {people} individual(s) and {len(ds) - people} entity(ies) that supply precursor chemicals"
                 f" and pills containing fentanyl to cartel laboratories, pursuant to Executive Order (E.O.) 14059.</p>",
                 f"<p>“These networks poison our communities,” said {rel['official']}.</p>"]
        for d in ds:
            where = f"{d.city}, {d.state}" if d.state else d.city
            what = "trafficker who buys precursor chemicals" if d.kind == "individual" else \
                "company that moves chemicals and money"
            paras.append(f"<p><strong>{html.escape(d.display_name)}</strong> is a {html.escape(where)}-based {what}"
                         f" for the network.</p>")
        names = ", ".join(html.escape(d.display_name) for d in ds)
        paras.append(f"<p>{names} are being designated pursuant to E.O. 14059 for having engaged in activities that"
                     f" materially contributed to the international proliferation of illicit drugs.</p>")
        paras.append(f'<p><a href="https://ofac.treasury.gov/recent-actions/{day.replace("-", "")}">Click here for'
                     f" more information on the persons designated today.</a></p>")
    else:
        paras = [f"<p>WASHINGTON — Today, the U.S. Department of the Treasury published its regular update"
                 f" ({html.escape(rel['title'])}).</p>",
                 f"<p>“We remain committed to transparency,” said {rel['official']}.</p>"]
    body = "\n".join(paras + [LABEL, '<p class="text-align-center">###</p>'])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8" />'
            f'<title>{title} | U.S. Department of the Treasury</title>'
            f'<link rel="canonical" href="https://home.treasury.gov/news/press-releases/{rid}" /></head><body>'
            f'<main><h2 class="uswds-page-title">{title}</h2>'
            f'<article about="/news/press-releases/{rid}" class="entity--type-node"><div>'
            f'<div class="date-format field field--name-field-news-publication-date field__item">'
            f'<time datetime="{day}T14:00:00Z" class="datetime">{shown}</time></div>'
            f'<div class="clearfix text-formatted field field--name-field-news-body field__item">\n{body}\n'
            f'</div></div></article></main></body></html>').encode()


def recent_actions_page(rel: dict) -> bytes:
    people = [d for d in rel["designees"] if d.kind == "individual"]
    things = [d for d in rel["designees"] if d.kind != "individual"]

    def line(d) -> str:
        where = ", ".join(x for x in (d.city, d.state, d.country) if x)
        remarks = d.remarks.removesuffix(".").replace("; SYNTHETIC TEST DATA", "")
        typ = " (individual)" if d.kind == "individual" else ""
        return f"<li>{html.escape(d.name)}, {html.escape(where)}; {html.escape(remarks)}{typ} [{DRUGS}].</li>"

    parts = []
    if people:
        parts.append("<p>The following individuals have been added to OFAC's SDN List:</p><ul>"
                     + "".join(map(line, people)) + "</ul>")
    if things:
        parts.append("<p>The following entities have been added to OFAC's SDN List:</p><ul>"
                     + "".join(map(line, things)) + "</ul>")
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Counter Narcotics Designations |'
            ' Office of Foreign Assets Control</title></head><body><main>'
            '<h2 class="uswds-page-title">Counter Narcotics Designations</h2><div class="field field--name-body">'
            + "".join(parts) + "<p><em>SYNTHETIC TEST DATA</em></p></div></main></body></html>").encode()


# -- hostile pages: thousands of invented names in bold ----------------------------------------
# For the parser's scaling (benchmarks/treasury_parse_scale.py, tests/test_treasury_hostile.py).
SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ro", "su", "ta", "ve", "zu"]


def invented_names(n: int, seed: int, shape: str = "{} {} {}") -> list[str]:
    """n invented names, each `shape` with every "{}" a new three-syllable word ("Wang {} {}":
    names sharing their first word, as real releases do)."""
    rng = random.Random(seed)
    slots = shape.count("{}")
    return [shape.format(*("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(slots)))
            for _ in range(n)]


def many_names_page(names: list[str], one_paragraph: bool, alias: str | None = None) -> str:
    """A release page naming every name in bold: all in one sentence ("Today, OFAC sanctioned
    A, B, C … pursuant to E.O. 14059.") or one paragraph each (with `alias` after each name)."""
    bold = [f"<strong>{name}</strong>" for name in names]
    after = f" ({alias})" if alias else ""
    if one_paragraph:
        body = "<p>Today, OFAC sanctioned " + ", ".join(bold) + " pursuant to E.O. 14059.</p>"
    else:
        body = "".join(f"<p>Today, OFAC sanctioned {b}{after} pursuant to E.O. 14059.</p>" for b in bold)
    return ('<article about="/news/press-releases/tz0001" class="entity--type-node"><div class="field'
            ' field--name-field-news-publication-date"><time datetime="2024-05-01T14:00:00Z">May 1</time></div>'
            f'<div class="field field--name-field-news-body">{body}</div></article>')
