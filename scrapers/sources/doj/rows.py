"""DOJ releases -> rows: press_releases, prosecutions and defendants of one release (stored,
updated or removed), from its parsed record and the extraction."""
from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import urlsplit

import sqlite_utils

from ...archive import Entry
from ...db import bulk_insert
from .api import Release
from .classify import classify
from .extract import extract
from .htmltext import blocks_text, html_to_blocks
from .walk import PREFIX


# -- writing rows --------------------------------------------------------------------------------------
def release_id(rel: Release) -> str:
    """'doj:<uuid>'; a saved page (no uuid) is 'doj:page:<path of its URL>' (or of its title
    when the page does not say its URL) until the API record of the same URL replaces it."""
    if rel.uuid:
        return PREFIX + rel.uuid
    if rel.url:
        return PREFIX + "page:" + urlsplit(rel.url).path.strip("/")
    slug = "-".join(re.findall(r"[a-z0-9]+", rel.title.lower()))[:120]
    return PREFIX + "page:" + slug


def _rank(changed: str | None, has_body: bool) -> tuple:
    return (changed or "", 1 if has_body else 0)


def _fill_from_page(rel: Release, page: Release) -> Release:
    out = dataclasses.replace(rel)
    if not out.body_html and page.body_html:
        out.body_html = page.body_html
    for f in ("title", "published", "number"):
        if not getattr(out, f) and getattr(page, f):
            setattr(out, f, getattr(page, f))
    if out.date_unix is None:
        out.date_unix = page.date_unix
    if not out.components:
        out.components = list(page.components)
    if not out.topics:
        out.topics = list(page.topics)
    return out


def _delete_release(db, rid: str) -> None:
    db.execute("delete from link_candidates where defendant_id in (select id from defendants where press_release_id = ?)", [rid])
    db.execute("delete from defendants where press_release_id = ?", [rid])
    db.execute("delete from prosecutions where press_release_id = ?", [rid])
    db.execute("delete from press_releases where id = ?", [rid])


def write_release(db: sqlite_utils.Database, rel: Release, entry: Entry, counts: dict) -> None:
    """Store (or update, or remove) one release and everything extracted from it."""
    rid = release_id(rel)
    if rel.kind == "light":
        # nothing fentanyl-like in it: only a stored older copy can be affected
        stored = db.execute("select changed, length(body_text) > 0 from press_releases where id = ?", [rid]).fetchone()
        if stored is not None and _rank(rel.changed, True) >= _rank(stored[0], bool(stored[1])):
            _delete_release(db, rid)
            counts["removed"] += 1
        return
    blocks = html_to_blocks(rel.body_html) or html_to_blocks(rel.teaser_html)
    text = blocks_text(blocks)
    cls = classify(rel.title, text, raw=(rel.body_html or "") + (rel.teaser_html or ""))
    stored = db.execute("select changed, length(body_text) > 0, url from press_releases where id = ?", [rid]).fetchone()
    if rel.kind == "page" and stored is None and rel.url:
        # a saved page of a release we hold from the API: fill in what that record lacks
        row = db.execute("select id, body_text from press_releases where agency = 'DOJ' and url = ?", [rel.url]).fetchone()
        if row is not None:
            if not row[1] and cls.mentions_fentanyl:
                rel = dataclasses.replace(rel, uuid=row[0][len(PREFIX):])
                rid = row[0]
            else:
                counts["unchanged"] += 1
                return
    if stored is not None and _rank(rel.changed, bool(text)) < _rank(stored[0], bool(stored[1])):
        counts["unchanged"] += 1  # an older or poorer copy of what we hold
        return
    if not cls.mentions_fentanyl:
        if stored is not None:
            _delete_release(db, rid)
            counts["removed"] += 1
        return
    counts["fentanyl_releases"] += 1
    if stored is not None:
        _delete_release(db, rid)
    if rel.uuid and rel.url:
        # a release first stored from a saved page, now known by uuid
        for (old,) in db.execute("select id from press_releases where agency = 'DOJ' and url = ? and id like 'doj:page:%'",
                                 [rel.url]).fetchall():
            _delete_release(db, old)
    ex = extract(rid, rel.title, blocks, rel.components, rel.url, rel.published, cls.tokens)
    summary = _summary(rel, blocks)
    bulk_insert(db, "press_releases", [{
        "id": rid, "agency": "DOJ", "url": rel.url, "title": rel.title, "published": rel.published,
        "year": int(rel.published[:4]) if rel.published else None, "summary": summary,
        "body_text": text, "body_html": _sanitized(rel.body_html, rel.url), "is_eo14059": 0,
        "mentions_fentanyl": 1, "precursor_case": int(cls.precursor_case), "cartel_case": int(cls.cartel_case),
        "money_laundering": int(cls.money_laundering), "online_sales": int(cls.online_sales),
        "drugs": json.dumps(cls.drugs), "countries": json.dumps(cls.countries),
        "office": "; ".join(rel.components) or None, "district": ex.district,
        "components": json.dumps(list(rel.components), ensure_ascii=False) if rel.components else None,
        "topics": json.dumps(rel.topics, ensure_ascii=False), "number": rel.number, "changed": rel.changed,
        "fetched_at": entry.fetched_at, "archive_sha256": entry.sha256,
    }])
    # one executemany per table (sqlite-utils' insert inspects the table and every value each time)
    bulk_insert(db, "prosecutions", [_sql_values(r) for r in ex.prosecutions])
    bulk_insert(db, "defendants", [_sql_values(r) for r in ex.defendants])
    counts["stored"] += 1
    counts["prosecutions"] += len(ex.prosecutions)
    counts["defendants"] += len(ex.defendants)


def _sql_values(row: dict) -> dict:
    """A row's values as sqlite-utils `insert` stores them: lists, tuples and dicts as JSON."""
    return {k: json.dumps(v, default=repr, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
            for k, v in row.items()}


def _summary(rel: Release, blocks) -> str | None:
    teaser = blocks_text(html_to_blocks(rel.teaser_html)) if rel.teaser_html else ""
    text = teaser or (blocks[0].text if blocks else "")
    if not text:
        return None
    return text if len(text) <= 400 else text[:397].rsplit(" ", 1)[0] + "…"


def _sanitized(html: str, url: str | None) -> str | None:
    if not html:
        return None
    try:
        from ...sanitize import sanitize_html
    except ImportError:  # pragma: no cover -- the sanitiser is part of the package
        return None
    return sanitize_html(html, base_url=url)
