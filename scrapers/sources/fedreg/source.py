"""Federal Register: OFAC's notices of sanctions actions naming E.O. 14059, and the entries
each publishes with the day its action took effect.

- `tracker update` queries the API (fedreg.yml: agency foreign-assets-control-office, type
  NOTICE, full-text term 14059) by publication date: on the first run from `--since` (default
  2021-12-15) one calendar year per query, later from the newest notice seen minus a margin.
  The service pages at most 50 pages / 10,000 results per query: a window holding more is
  split in two until it fits. Each notice not yet read has its full text fetched once
  (`raw_text_url`, else `body_html_url`). Every answer is archived before it is parsed.
- `tracker import fedreg FILE...` takes saved API pages (.json) and notice texts (.txt/.html;
  the document number is read from the text's "[FR Doc. ...]" line or the file name).

`apply` writes `fr_documents` and `fr_entries`; scrapers/linking/dates.py matches entries to
the list (exact names) and ranks their dates. Parsing: parse.py.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from ...archive import Batch
from ...dates import eastern_today
from ...errors import FetchError, SourceError
from ..base import BuildContext, FetchContext, FetchRequest, Source, StagedFile, archive_import, collect_files
from .parse import SOURCE, parse_api_page, parse_notice

API, TEXT = "api", "notice"
NUMBER = re.compile(r"(\d{4}-\d{3,6})")


class FedregSource(Source):
    name = SOURCE
    title = "Federal Register notices of OFAC actions"
    replay_by_date = True

    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest) -> list[Batch]:
        staged = []
        for path in collect_files(paths, (".json", ".txt", ".html", ".htm"), SOURCE):
            content = path.read_bytes()
            if path.suffix.lower() == ".json":
                staged.append(StagedFile(path, content, API))
            else:
                m = NUMBER.search(path.stem)
                staged.append(StagedFile(path, content, TEXT, {"document_number": m.group(1) if m else None}))
        return archive_import(ctx, SOURCE, staged)


    def apply(self, db, batch: Batch, ctx: BuildContext) -> dict:
        counts = {"api_pages": 0, "notices": 0, "notice_entries": 0}
        items = ctx.archive.items(batch)
        for entry in items:
            if (entry.role or entry.kind) != API:
                continue
            _, _, docs = parse_api_page(ctx.archive.read(entry), entry.location)
            if docs:
                db["fr_documents"].upsert_all([_document_row(d) for d in docs], pk="document_number")
            counts["api_pages"] += 1
        for entry in items:
            if (entry.role or entry.kind) != TEXT:
                continue
            number = entry.meta.get("document_number")
            known = db.execute("select effective_on, html_url from fr_documents where document_number = ?",
                               [number]).fetchone() if number else None
            notice = parse_notice(ctx.archive.read(entry), entry.location, effective_on=known[0] if known else None)
            number = number or notice.document_number
            if not number:
                raise SourceError(SOURCE, entry.location, "cannot tell which Federal Register document this is"
                                  " (no '[FR Doc. ...]' line, no document number in its name)")
            if notice.document_number and notice.document_number != number:
                ctx.error(SOURCE, entry.location, f"the text says it is document {notice.document_number},"
                          f" fetched as {number}", counted=False)
            db["fr_documents"].upsert({
                "document_number": number, "action_dates": json.dumps(notice.action_dates),
                "body_url": entry.url or entry.location, "body_sha256": entry.sha256,
                "is_eo14059": int(any("ILLICIT-DRUGS-EO14059" in e.programs for e in notice.entries)),
                "entries": len(notice.entries)}, pk="document_number")
            db.execute("delete from fr_entries where document_number = ?", [number])
            if notice.entries:
                db["fr_entries"].insert_all([{
                    "document_number": number, "position": e.position, "action_date": e.action_date,
                    "section": e.section, "entry_text": e.text, "name": e.name, "programs": json.dumps(e.programs),
                    "entity_type": e.entity_type, "uid": None, "match_method": None} for e in notice.entries],
                    pk=("document_number", "position"))
            counts["notices"] += 1
            counts["notice_entries"] += len(notice.entries)
        return counts


def _document_row(d: dict) -> dict:
    return {"document_number": d["document_number"], "title": d.get("title"), "type": d.get("type"),
            "publication_date": d.get("publication_date"), "effective_on": d.get("effective_on"),
            "html_url": d.get("html_url"), "abstract": d.get("abstract"),
            "dates_text": d.get("dates") if isinstance(d.get("dates"), str) else None}


class Fetcher:
    def __init__(self, ctx: FetchContext, meta: dict, request: FetchRequest):
        self.ctx, self.api = ctx, meta["api"]
        self.since = request.since or meta.get("since") or ctx.config.treasury_since
        self.overlap = int(meta.get("overlap_days", 45))
        self.entries: list[tuple[str, object]] = []
        self.docs: dict[str, dict] = {}
        self.read = set()          # document numbers whose text is in an applied (or building) batch
        for b in ctx.archive.batches(SOURCE, None):
            if b.status in ("applied", "building"):
                self.read |= {e.meta.get("document_number") for e in ctx.archive.items(b)
                              if (e.role or e.kind) == TEXT}

    def run(self) -> list[Batch]:
        today = eastern_today()
        newest = self.ctx.archive.get_state(SOURCE, "newest")
        if newest:
            start = (dt.date.fromisoformat(newest) - dt.timedelta(days=self.overlap)).isoformat()
            windows = [(start, today)]
        else:
            windows = _years(self.since, today)
        for a, b in windows:
            self._window(a, b)
        texts = 0
        for number, doc in sorted(self.docs.items()):
            if number in self.read:
                continue
            url = doc.get("raw_text_url") or doc.get("body_html_url")
            if not url:
                self.ctx.log(f"{SOURCE}: document {number} has no full-text URL; its entries are not read")
                continue
            try:
                got = self.ctx.http.get(url, source=SOURCE, kind=TEXT, meta={"document_number": number})
            except FetchError as exc:
                self.ctx.log(f"{SOURCE}: {number}: {exc}; read on a later run")
                continue
            self.entries.append((TEXT, got.entry))
            texts += 1
        news = self._new_pages()
        if not any(role == TEXT for role, _ in self.entries) and not news:
            self.ctx.progress(f"{SOURCE}: nothing new")
            return []
        dates = [d.get("publication_date") for d in self.docs.values() if d.get("publication_date")]
        batch = self.ctx.archive.new_batch(SOURCE, "update", today, {"origin": "update", "fingerprint": hashlib.sha256(
            json.dumps(sorted(e.sha256 or "" for _, e in self.entries)).encode()).hexdigest()})
        for role, entry in self.entries:
            self.ctx.archive.add_to_batch(batch, entry, role)
        if dates:
            self.ctx.archive.set_state(SOURCE, "newest", max(dates + ([newest] if newest else [])))
        self.ctx.progress(f"{SOURCE}: {len(self.docs)} notice(s) listed, {texts} new full text(s)")
        return [batch]

    def _new_pages(self) -> bool:
        """Did the API say anything not known yet (a new notice, or new metadata of one)?
        The answers differ from run to run (the date window moves) without news."""
        known = self.ctx.archive.get_state(SOURCE, "documents") or {}
        now = {n: hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()[:16] for n, d in self.docs.items()}
        self.ctx.archive.set_state(SOURCE, "documents", {**known, **now})
        return any(known.get(n) != h for n, h in now.items())

    def _window(self, start: str, end: str) -> None:
        """Every result published in [start, end], page by page; split when too many."""
        page, limit = 1, int(self.api["max_pages"])
        while True:
            params = [("conditions[agencies][]", self.api["agency"]), ("conditions[type][]", self.api["type"]),
                      ("conditions[term]", self.api["term"]), ("conditions[publication_date][gte]", start),
                      ("conditions[publication_date][lte]", end), ("order", "oldest"),
                      ("per_page", str(self.api["per_page"])), ("page", str(page))]
            params += [("fields[]", f) for f in self.api["fields"]]
            got = self.ctx.http.get(self.api["url"], source=SOURCE, kind=API, params=params)
            count, pages, docs = parse_api_page(got.content, got.url)
            if page == 1 and (count > int(self.api["max_results"]) or pages > limit) and start < end:
                middle = _middle(start, end)
                self.ctx.progress(f"{SOURCE}: {count:,} results from {start} to {end}: split at {middle}")
                self._window(start, middle)
                self._window((dt.date.fromisoformat(middle) + dt.timedelta(days=1)).isoformat(), end)
                return
            self.entries.append((API, got.entry))
            for d in docs:
                self.docs[d["document_number"]] = d
            if page >= min(pages, limit) or not docs:
                return
            page += 1


def _years(since: str, today: str) -> list[tuple[str, str]]:
    out, year = [], int(since[:4])
    while year <= int(today[:4]):
        out.append((max(since, f"{year}-01-01"), min(today, f"{year}-12-31")))
        year += 1
    return out


def _middle(a: str, b: str) -> str:
    da, db_ = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    return (da + (db_ - da) // 2).isoformat()


FedregSource.fetcher = Fetcher
