"""OFAC's SDN list: download or import the legacy CSV files, keep the tracked programs,
and record the list's history (who appeared, changed, disappeared, and when).

One *observation* = the files of one published version (sdn.csv, plus add.csv, alt.csv and
sdn_comments.csv when given), dated by `--as-of`, a `YYYY-MM-DD…` directory name, or the
fetch date -- always as a U.S. Eastern calendar date: a directory named with a time
(`2021-12-16T014252`, as git-scrapes name versions) is read as UTC unless told otherwise
(`--name-time-zone`), and 01:42 UTC is the previous evening in Washington. Observations are
applied in date order; each is compared with the previous one (see `apply`) to produce
`list_events` (with what changed, field by field) and the first-seen / designated-on dates.
A fetched observation is never dated before one already made: a clock that jumps back cannot
put the newest list before older ones (which would republish old listed states), see
`observation_date`.

A history import (`import sdn-history`) survives a broken version: a directory without list
files, an empty or unreadable sdn.csv, or a version that would drop more than the allowed share
of the tracked entries (a truncated file) is recorded in `errors` and skipped; the rest go in.

Scope: entries carrying one of the tracked program tags (default `ILLICIT-DRUGS-EO14059`;
`--program TAG` or `[sdn] programs` in tracker.toml add more). Entries that leave the
scope or the list become `removed` events; their rows are kept with `listed = 0`.

Parsing is in `parse.py` (pure functions); metadata and assertions in `sdn.yml`.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Set as AbstractSet
from pathlib import Path

import sqlite_utils

from ...archive import Batch, public_path
from ...changes import CHILD_COLUMNS, SCALARS, field_changes, summary
from ...dates import days_between, eastern_today, version_date
from ...db import bulk_insert
from ...errors import AssertionsFailed, FetchError, SourceError, TrackerError
from ...gcpause import paused_gc
from ..base import BuildContext, FetchContext, FetchRequest, Source
from .entry import LinkTargets, build_entry
from .incremental import Snapshot, in_file_order, read_changed, snapshot_of
from .parse import META, Problem, decode, parse_addresses, parse_alt, parse_comments, parse_sdn_rows, role_of
from .xml import XML_URL, sniff_publish_date
from .xml import parse as parse_sdn_xml

LIST_DIFF_MAX_DAYS = 7
CHILD_TABLES = ("aliases", "addresses", "identifiers", "relationships")
KEPT_DATES = ("first_seen", "designated_on", "designated_on_source", "designated_after", "designated_before")
KIND = "observation"


class SdnSource(Source):
    name = "sdn"
    title = "OFAC SDN list"

    # -- getting files into the archive --------------------------------------------------
    def import_paths(self, ctx: FetchContext, paths: list[Path], request: FetchRequest, *,
                     history: bool = False) -> list[Batch]:
        files = collect_files(paths)
        observed_on = request.as_of or _date_from_paths(paths, files, request.history_zone or "UTC")
        entries = []
        for role, path in files.items():
            content = path.read_bytes()
            if role == "xml" and not observed_on:
                observed_on = sniff_publish_date(content)   # the list's own Publish_Date
            entries.append((role, ctx.archive.put("sdn", _kind(role), content, url=None, status=None,
                                                  meta={"path": public_path(path), "origin": "import"})))
        observed_on = observed_on or eastern_today()
        batch = self._batch(ctx, entries, observed_on, request, "history" if history else "import")
        return [batch] if batch else []

    def import_history(self, ctx: FetchContext, directory: Path, request: FetchRequest) -> list[Batch]:
        """Every version in `directory` (one subdirectory per version, named by its date or its
        time, read in `request.history_zone`, default UTC), in name order. A subdirectory
        without list files becomes a batch that only records why it was skipped."""
        if not directory.is_dir():
            raise TrackerError(f"sdn-history: {directory} is not a directory")
        zone = request.history_zone or "UTC"
        try:
            subdirs = sorted((p for p in directory.iterdir() if p.is_dir() and version_date(p.name, zone)),
                             key=lambda p: p.name)
        except (ValueError, KeyError) as exc:   # an unknown time zone name
            raise TrackerError(f"sdn-history: cannot read version names in time zone {zone!r}: {exc}") from exc
        if not subdirs:
            raise TrackerError(f"sdn-history: {directory} holds no subdirectories named YYYY-MM-DD…")
        batches = []
        for sub in subdirs:
            as_of = version_date(sub.name, zone)
            try:
                batches += self.import_paths(ctx, [sub], dataclasses.replace(request, as_of=as_of), history=True)
            except TrackerError as exc:
                batch = self._broken(ctx, sub, as_of, str(exc).replace(str(sub), public_path(sub) or sub.name))
                if batch:
                    batches.append(batch)
        return batches

    def _broken(self, ctx: FetchContext, path: Path, observed_on: str, reason: str) -> Batch | None:
        """A version of a history that cannot even be archived: a batch holding only the reason,
        recorded in `errors` when it is applied (once: the same reason on the same day is one batch)."""
        where = public_path(path) or path.name
        fingerprint = hashlib.sha256(json.dumps(["broken", where, reason]).encode()).hexdigest()
        if ctx.archive.find_batch("sdn", KIND, observed_on, fingerprint) is not None:
            return None
        ctx.log(f"sdn-history: {where}: {reason}; this version is skipped")
        return ctx.archive.new_batch("sdn", KIND, observed_on, {"fingerprint": fingerprint, "origin": "history",
                                                                "history": True, "broken": reason, "path": where})

    def fetch(self, ctx: FetchContext, request: FetchRequest) -> list[Batch]:
        """Download the four CSV files (or, with sdn_format="xml", SDN.XML) with conditional
        GET; archive them; one observation. Unchanged files on the same day: nothing new."""
        entries, failures = [], []
        downloads = {"xml": XML_URL} if (request.sdn_format or "csv").lower() == "xml" else META["downloads"]
        for role, url in downloads.items():
            try:
                got = ctx.http.get(url, source="sdn", kind=_kind(role), conditional=True)
            except FetchError as exc:
                failures.append(exc)
                continue
            ctx.progress(f"sdn: {url.rsplit('/', 1)[-1]} " +
                         ("unchanged (304)" if got.not_modified else f"{len(got.content):,} bytes"))
            entries.append((role, got.entry))
        if failures:
            # one observation needs every file: report the first failure (and how many more)
            more = f" (and {len(failures) - 1} more of the {len(downloads)} files)" if len(failures) > 1 else ""
            raise FetchError(failures[0].url, failures[0].reason + more, failures[0].status)
        # the Eastern calendar date: a run at 01:30 UTC sees the list of the previous evening
        observed_on = observation_date(ctx)
        return [self._batch(ctx, entries, observed_on, request, "update")]

    def _batch(self, ctx: FetchContext, entries, observed_on: str, request: FetchRequest, origin: str) -> Batch:
        programs, allow_drop, max_errors = request.programs, request.allow_drop, request.max_errors
        roles = [r for r, _ in entries]
        if "xml" in roles and len(roles) > 1:
            raise TrackerError("sdn: one observation is either sdn.xml or the CSV files, not both")
        if "sdn" not in roles and "xml" not in roles:
            raise TrackerError(f"sdn: an observation needs sdn.csv or sdn.xml (got {', '.join(sorted(roles)) or 'no files'})")
        fingerprint = hashlib.sha256(json.dumps(sorted((r, e.sha256) for r, e in entries)).encode()).hexdigest()
        meta = {"fingerprint": fingerprint, "origin": origin}
        if origin == "history":
            meta["history"] = True
        if programs:
            meta["programs"] = sorted(programs)
        if allow_drop:
            meta["allow_drop"] = True
        if max_errors is not None:
            meta["max_errors"] = max_errors
        existing = ctx.archive.find_batch("sdn", KIND, observed_on, fingerprint)
        if existing is not None and (origin != "update" or not (programs or allow_drop)):
            # the same files on the same day: running twice changes nothing
            ctx.log(f"sdn: observation of {observed_on} with these files was already imported (batch {existing.id});"
                    " nothing to do")
            return None
        batch = ctx.archive.new_batch("sdn", KIND, observed_on, meta)
        for role, entry in entries:
            ctx.archive.add_to_batch(batch, entry, role)
        return batch

    # -- building --------------------------------------------------------------------------
    def replay_key(self, batch: Batch):
        return (batch.observed_on or "", batch.id)

    def needs_full_rebuild(self, db, batches, ctx) -> str | None:
        row = db.execute("select max(observed_on) from list_observations where kind = 'list'").fetchone()
        latest = row[0] if row else None
        for b in batches:
            if latest and b.observed_on and b.observed_on < latest:
                return (f"observation of {b.observed_on} is older than the latest one ({latest}):"
                        " replaying the list history in date order")
        return None

    @paused_gc()    # 15,000 entries of dicts and lists, no cycles: gcpause.py
    def apply(self, db: sqlite_utils.Database, batch: Batch, ctx: BuildContext) -> dict:
        if batch.meta.get("broken"):
            ctx.error("sdn", batch.meta.get("path") or f"batch {batch.id}",
                      f"version of {batch.observed_on} skipped: {batch.meta['broken']}", counted=False)
            return {"skipped": 1}
        if not batch.meta.get("history"):
            return self._apply(db, batch, ctx)
        # one version of a history: if it cannot be used, say why and go on with the next
        try:
            return self._apply(db, batch, ctx, history=True)
        except (SourceError, AssertionsFailed) as exc:
            where = exc.location if isinstance(exc, SourceError) else _location(ctx, batch)
            why = exc.reason if isinstance(exc, SourceError) else "; ".join(exc.failures)
            ctx.error("sdn", where, f"version of {batch.observed_on} skipped: {why}", counted=False)
            return {"skipped": 1}

    def _apply(self, db: sqlite_utils.Database, batch: Batch, ctx: BuildContext, history: bool = False) -> dict:
        items = ctx.archive.items(batch)
        problems: list[Problem] = []
        texts, files_meta, xml, contents = {}, [], None, {}
        scope = set(ctx.config.programs)
        roles = {entry.role or role_of(entry.kind): entry for entry in items}
        lines = None
        # a version like the one before it (a history, a daily fetch of sdn.csv alone): only
        # the lines that changed are parsed (incremental.py); else the whole file, as ever
        copied = ctx.archive.copied_lines(roles["sdn"].sha256) if "sdn" in roles else None
        for role, entry in roles.items():
            if role == "sdn":
                # its lines as this process verified them, if it did: its bytes are read (joined)
                # only if the whole file has to be parsed
                lines = ctx.archive.kept_lines(entry.sha256) if copied is not None and self._snapshot else None
                content, lines = (None, lines) if lines is not None else ctx.archive.read_lines(entry)
                contents[role] = content
            else:
                content = contents[role] = ctx.archive.read(entry)
            files_meta.append({"file": _kind(role), "sha256": entry.sha256,
                               "bytes": len(content) if content is not None else entry.size, "from": entry.location})
        changed = self._read_changed(db, batch, scope, roles, contents, lines, copied)
        if changed is not None:
            snap, fresh, lines = changed
            sdn_loc = roles["sdn"].location
            comments = parse_comments(decode(contents["comments"], roles["comments"].location, problems),
                                      roles["comments"].location, problems) if "comments" in roles else {}
            if not problems:
                raws, addresses, alt = list(snap.raws.values()), None, None
                fresh |= {u for u in set(comments) | set(snap.comments) if comments.get(u) != snap.comments.get(u)}
                snap.comments = comments
        if changed is None or problems:
            problems, snap, fresh = [], None, None
            if contents.get("sdn", b"") is None:
                contents["sdn"] = ctx.archive.read(roles["sdn"])
            for role, entry in roles.items():
                if role == "xml":
                    xml = (contents[role], entry.location)
                    continue
                text = decode(contents[role], entry.location, problems)
                if text.lstrip()[:1] == "<":
                    raise SourceError("sdn", entry.location, f"{_kind(role)} holds HTML/XML, not CSV (an error or"
                                      f" maintenance page?): it starts {text.lstrip()[:60]!r}")
                texts[role] = (text, entry.location)
            if xml is not None:
                # the same records from SDN.XML, parsed safely (no entities, no network)
                parsed = parse_sdn_xml(xml[0], xml[1], problems)
                raws, sdn_loc = parsed.raws, xml[1]
                comments, addresses, alt = {}, parsed.addresses, parsed.aliases
            else:
                sdn_text, sdn_loc = texts["sdn"]
                raws = parse_sdn_rows(sdn_text, sdn_loc, problems)
                comments = parse_comments(*texts["comments"], problems) if "comments" in texts else {}
                addresses = parse_addresses(*texts["add"], problems) if "add" in texts else None
                alt = parse_alt(*texts["alt"], problems) if "alt" in texts else None
        if len(raws) < (self.assertions.value("min_rows") or 1):
            raise SourceError("sdn", sdn_loc, f"{'sdn.xml' if xml else 'sdn.csv'} yielded no entries"
                              " (empty or broken download)")
        if snap is not None:
            in_scope = [snap.raws[u] for u in snap.in_scope]
        else:
            in_scope = raws if "*" in scope else [r for r in raws if scope.intersection(r.programs)]
        ctx.progress(f"sdn: observation of {batch.observed_on}: {len(raws):,} entries on the list,"
                     f" {len(in_scope):,} in scope ({', '.join(sorted(scope))})")
        entries, name_index = {}, None
        for r in in_scope:
            built = snap.built.get(r.uid) if snap is not None and r.uid not in fresh else None
            if built is None:
                if name_index is None:
                    name_index = LinkTargets(raws if snap is None else
                                             functools.partial(in_file_order, snap.raws, lines))
                built = build_entry(r, comments.get(r.uid),
                                    addresses.get(r.uid, []) if addresses is not None else None,
                                    alt.get(r.uid, []) if alt is not None else None, name_index)
            entries[r.uid] = built
        # Rows that could not be read: their entries keep their previous state (no false
        # "removed" event), and every problem is recorded.
        unreadable = {p.uid for p in problems if p.uid is not None and "twice" not in p.reason}
        allowed = batch.meta.get("max_errors", ctx.config.max_errors)
        if history and len(problems) > allowed:
            # a damaged version of a history: its problems on record, the version left out
            for p in problems:
                ctx.error("sdn", p.location, p.reason, p.row, counted=False)
            raise SourceError("sdn", sdn_loc, f"{len(problems)} unreadable row(s) (at most {allowed} allowed,"
                              " see --max-errors)")
        for p in problems:
            ctx.error("sdn", p.location, p.reason, p.row)
        max_drop = self.assertions.value("observation_max_drop", ctx.config.max_drop)
        # (the snapshots' own keys: no copy of 15,000 uids per version)
        on_list = snap.raws.keys() if snap is not None else {r.uid for r in raws}
        same = set(entries) - fresh if snap is not None else set()
        prev_on_list = self._snapshot.raws.keys() if snap is not None else None
        # what left the list and entered it: among the rows that went and the new ones
        # (`fresh` may hold an sdn_comments.csv uid that is not on the list)
        moved = ({u for u in snap.gone if u not in on_list},
                 {u for u in fresh if u in on_list and u not in prev_on_list}) if snap is not None else None
        result = apply_observation(db, batch, entries, max_drop, unreadable, files_meta, sorted(scope), on_list, ctx,
                                   present={"alt": alt is not None, "add": addresses is not None}, same=same,
                                   prev_on_list=prev_on_list, moved=moved)
        self._keep(batch, scope, roles, contents, raws, comments, entries, problems, snap, in_scope, lines)
        return result

    # -- the previous version, kept to read the next one by its changes ----------------------
    _snapshot: Snapshot | None = None

    def _read_changed(self, db, batch: Batch, scope: set[str], roles: dict, contents: dict, lines, copied=None):
        snap = self._snapshot
        if snap is None or not set(roles) <= {"sdn", "comments"} or snap.scope != tuple(sorted(scope)):
            return None
        last = db.execute("select batch_id, files from list_observations where kind = 'list' order by id desc"
                          " limit 1").fetchone()
        if not last or last[0] != snap.batch_id or snap.sha256 not in {
                f.get("sha256") for f in json.loads(last[1] or "[]") if f.get("file") == "sdn.csv"}:
            return None          # the database is not at the version the snapshot is of
        return read_changed(snap, contents["sdn"], scope, lines, copied)

    def _keep(self, batch: Batch, scope: set[str], roles: dict, contents: dict, raws, comments, entries,
              problems, snap: Snapshot | None, in_scope, lines) -> None:
        """Keep this version (once applied) to read the next one by its changes."""
        self._snapshot = None
        if problems or not set(roles) <= {"sdn", "comments"}:
            return
        if snap is None:
            snap = snapshot_of(batch.id, tuple(sorted(scope)), contents["sdn"], raws, lines)
            if snap is None:
                return
            snap.comments = comments
            snap.in_scope = {r.uid for r in in_scope}
        snap.batch_id, snap.sha256 = batch.id, roles["sdn"].sha256
        snap.built = dict(entries)
        self._snapshot = snap


def observation_date(ctx: FetchContext) -> str:
    """The date of a fetched observation: today by the clock (in Washington), but never
    before an observation already archived (applied or on its way). Observations are replayed by (date, batch), and
    each fetch sees the version published then: fetch order is publication order, and a
    clock that jumped back must not put the newest list before the older ones (its listed
    states would be replaced by an old list's). Nothing the server says (Last-Modified) is
    trusted for this: a hostile date would pin every later observation."""
    today = eastern_today()
    floor = max((b.observed_on or "" for b in ctx.archive.batches("sdn", None)
                 if b.status in ("applied", "building", "pending") and b.kind == KIND), default="")[:10]
    if floor > today:
        ctx.log(f"sdn: the clock says {today}, before the newest observation already made ({floor}):"
                f" this observation is dated {floor}, after it")
        return floor
    return today


def collect_files(paths: list[Path]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = [p for p in sorted(path.iterdir()) if p.is_file() and role_of(p.name)]
            if not found:
                raise TrackerError(f"sdn: {path} holds none of sdn.csv, add.csv, alt.csv, sdn_comments.csv, sdn.xml")
        elif path.is_file():
            if not role_of(path.name):
                raise TrackerError(f"sdn: {path}: not an SDN file (expected sdn.csv, add.csv, alt.csv, sdn_comments.csv"
                                   " or sdn.xml)")
            found = [path]
        else:
            raise TrackerError(f"sdn: {path}: no such file or directory")
        for p in found:
            role = role_of(p.name)
            if role in files and files[role].resolve() != p.resolve():
                raise TrackerError(f"sdn: two {p.name.lower()} files given ({files[role]} and {p}); one observation takes one of each")
            files[role] = p
    return files


def _location(ctx: BuildContext, batch: Batch) -> str:
    items = ctx.archive.items(batch)
    return items[0].location if items else f"batch {batch.id}"


def _kind(role: str) -> str:
    """Archive kind of a file role: sdn.csv, add.csv, alt.csv, comments.csv, sdn.xml."""
    return "sdn.xml" if role == "xml" else f"{role}.csv"


def _date_from_paths(paths: list[Path], files: dict[str, Path], zone: str = "UTC") -> str | None:
    """The Eastern date of the version the files' directory is named after (see version_date)."""
    dates = set()
    for path in paths:
        path = Path(path)
        d = version_date(path.name if path.is_dir() else path.parent.name, zone)
        if d:
            dates.add(d)
    if len(dates) > 1:
        raise TrackerError(f"sdn: the files come from directories of different dates ({', '.join(sorted(dates))});"
                           " give --as-of for one observation")
    return dates.pop() if dates else None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def designation_year(row: dict) -> int | None:
    if row.get("designated_on"):
        return _year(row["designated_on"])
    after, before = _year(row.get("designated_after")), _year(row.get("designated_before"))
    return after if after and after == before else None


def apply_observation(db: sqlite_utils.Database, batch: Batch, entries: dict[int, dict], max_drop: float,
                      unreadable: set[int], files_meta: list[dict], programs: list[str],
                      on_list: AbstractSet[int], ctx: BuildContext, present: dict, same: set[int] = frozenset(),
                      prev_on_list: AbstractSet[int] | None = None,
                      moved: tuple[set[int], set[int]] | None = None) -> dict:
    """One version of the list against the database's state. `same`: entries known to be built
    from exactly the rows of the previous version (read by their changes): when still listed,
    unchanged without comparing them. `prev_on_list`: every uid of the previous version, when
    known (else read from sdn_list_uids); `moved`: (the uids that left the list, those that
    entered it) since the previous version, when known (else the difference of the two)."""
    date = batch.observed_on
    prev_obs = db.execute("select id, observed_on from list_observations where kind = 'list'"
                          " order by id desc limit 1").fetchone()
    obs_id = (prev_obs[0] + 1) if prev_obs else 1
    first = prev_obs is None
    # every uid on the previous version (any program): an entry entering the tracked scope that
    # was already on the list is a re-tag (e.g. a Kingpin Act entry put under E.O. 14059)
    if prev_on_list is None:
        prev_on_list = {uid for (uid,) in db.execute("select uid from sdn_list_uids")}
    cols = ["uid", "name", "programs", "entity_type", "remarks", "listed", "first_seen", "removed_on",
            "designated_on", "designated_on_source", "designated_after", "designated_before", "content_hash"]
    prev_listed = {uid for (uid,) in db.execute("select uid from designations where listed = 1")}
    current = set(entries) | (unreadable & prev_listed)
    removed = sorted(prev_listed - current)     # listed before, not now
    # the stored state of the entries this version may change: not those known to be the same
    # and still listed (most of a history's versions change a handful of the 15,000 rows)
    settled = same & prev_listed
    wanted = (set(entries) - settled).union(removed)
    select = f"select {', '.join(cols)} from designations"
    if len(wanted) * 4 < len(entries) + len(prev_listed):
        rows_read = db.execute(f"{select} where uid in (select value from json_each(?))", [json.dumps(sorted(wanted))])
    else:
        rows_read = db.execute(select)
    existing = {r[0]: dict(zip(cols, r)) for r in rows_read if r[0] in wanted}

    if prev_listed and not batch.meta.get("allow_drop"):
        if len(current) < len(prev_listed) * (1 - max_drop):
            drop = 1 - len(current) / len(prev_listed)
            raise AssertionsFailed([
                f"sdn: observation of {date}: tracked designations would drop from {len(prev_listed)} to"
                f" {len(current)} (-{drop:.0%}), more than {max_drop:.0%}; nothing was changed."
                " If the list really shrank, rerun with --allow-drop"])

    scope = set(programs)
    events, rows, child_rows, changed = [], [], {t: [] for t in CHILD_TABLES}, []
    tables = [t for t in CHILD_TABLES if t != "addresses" or present["add"]]
    rewrite_children: dict[str, set[int]] = {t: set() for t in CHILD_TABLES}
    counts = {"added": 0, "removed": 0, "changed": 0, "unchanged": 0}
    for uid, e in entries.items():
        if uid in settled:
            counts["unchanged"] += 1
            continue
        old = existing.get(uid)
        row = e["row"]
        old_hash = json.loads(old["content_hash"]) if old and old["content_hash"] else {}
        new_hash = {k: (v if v is not None else old_hash.get(k)) for k, v in e["hash"].items()} if old_hash else e["hash"]
        row["content_hash"] = f'{{"add": {_q(new_hash.get("add"))}, "alt": {_q(new_hash.get("alt"))}, "sdn": {_q(new_hash.get("sdn"))}}}'
        row.update(listed=1, last_seen=date, removed_on=None)
        row.update({key: old[key] for key in KEPT_DATES} if old else dict.fromkeys(KEPT_DATES))
        if old is None or old["listed"] != 1:
            row["first_seen"] = old["first_seen"] if old and old["first_seen"] else date
            details = {}
            if old is not None:
                details["relisted"] = True
                details["previously_removed_on"] = old["removed_on"]
            elif not first:
                gap = days_between(prev_obs[1], date)
                if gap is not None and gap <= LIST_DIFF_MAX_DAYS:
                    row.update(designated_on=date, designated_on_source="list-diff")
                else:
                    row.update(designated_after=prev_obs[1], designated_before=date)
                    details["designated_between"] = [prev_obs[1], date]
            if not first and uid in prev_on_list:
                # on the list before, outside the tracked programs: the programs changed
                details["on_list_before"] = True
                details["changes"] = [{"field": "program", "change": "added", "new": p}
                                      for p in json.loads(row["programs"]) if p in scope]
            if not first or old is not None:
                events.append(_event(obs_id, uid, "added", date, row["name"], details))
            counts["added"] += 1
            write = True
        else:
            changed_fields = [k for k in ("sdn", "alt", "add")
                              if e["hash"][k] is not None and old_hash.get(k) is not None and e["hash"][k] != old_hash.get(k)]
            write = new_hash != old_hash
            if changed_fields:
                changed.append((uid, e, changed_fields, {k: v for k, v in e["hash"].items()
                                                         if v is not None and old_hash.get(k) is not None}))
                counts["changed"] += 1
            else:
                counts["unchanged"] += 1
        row["designation_year"] = designation_year(row)
        if write:
            rows.append(row)
            for table in tables:
                rewrite_children[table].add(uid)
                child_rows[table] += e[table]

    # what changed, field by field: the old state is read before the rows are rewritten
    for uid, e, parts, both in changed:
        details = _diff(existing[uid], e["row"], parts)
        details["changes"] = _field_changes(db, uid, e, both)
        details["summary"] = summary(details["changes"]) or ("the published row changed, not the fields the"
                                                             " tracker reads (e.g. a program tag no longer cut short)")
        events.append(_event(obs_id, uid, "changed", date, e["row"]["name"], details))

    for uid in removed:
        old = existing[uid]
        events.append(_event(obs_id, uid, "removed", date, old["name"],
                             {"reason": "left tracked programs" if uid in on_list else "no longer on the list"}))
        counts["removed"] += 1

    if rows:
        bulk_insert(db, "designations", rows, sparse=True)
    if removed:
        db.conn.executemany("update designations set listed = 0, removed_on = ? where uid = ?", [(date, u) for u in removed])
    # last_seen moves for everything still listed that was not rewritten (unchanged, unreadable rows)
    if len(rows) < len(current):
        db.execute("update designations set last_seen = ? where listed = 1", [date])
    for table in CHILD_TABLES:
        uids = rewrite_children[table] & existing.keys()   # rows of new entries: nothing to delete
        if not rewrite_children[table]:
            continue
        if table == "aliases" and not present["alt"]:
            if uids:
                db.conn.executemany("delete from aliases where uid = ? and source = 'remarks'", [(u,) for u in uids])
            child_rows[table] = [r for r in child_rows[table] if r["source"] == "remarks"]
        elif uids:
            db.conn.executemany(f"delete from {table} where uid = ?", [(u,) for u in uids])
        if child_rows[table]:
            bulk_insert(db, table, child_rows[table])
    if events:
        bulk_insert(db, "list_events", events)
    listed_types = dict(db.execute("select entity_type, count(*) from designations where listed = 1 group by entity_type").fetchall())
    # every uid of this version, written as what changed since the previous one
    left, entered = moved if moved is not None else (prev_on_list - on_list, on_list - prev_on_list)
    if left:
        db.conn.executemany("delete from sdn_list_uids where uid = ?", [(u,) for u in left])
    if entered:
        db.conn.executemany("insert into sdn_list_uids (uid) values (?)", [(u,) for u in entered])
    bulk_insert(db, "list_observations", [{
        "id": obs_id, "kind": "list", "observed_on": date, "batch_id": batch.id,
        "files": json.dumps(files_meta), "programs": json.dumps(programs),
        "entries_total": len(on_list), "entries_in_scope": len(current),
        "individuals": listed_types.get("individual", 0), "entities": listed_types.get("entity", 0),
        "vessels": listed_types.get("vessel", 0), "aircraft": listed_types.get("aircraft", 0),
        "added": counts["added"], "removed": counts["removed"], "changed": counts["changed"],
    }])
    ctx.log(f"sdn: {date}: {counts['added']} added, {counts['changed']} changed, {counts['removed']} removed,"
            f" {counts['unchanged']} unchanged ({len(current)} listed)")
    return {"observations": 1, **counts, "listed": len(current)}


def _q(value: str | None) -> str:
    return "null" if value is None else f'"{value}"'


def _event(obs_id: int, uid: int, event: str, date: str, name: str, details: dict) -> dict:
    return {"observation_id": obs_id, "uid": uid, "event": event, "observed_on": date, "name": name,
            "details": json.dumps(details, sort_keys=True, ensure_ascii=False) if details else None,
            "source": "list-diff"}


def _field_changes(db, uid: int, e: dict, both: dict) -> list[dict]:
    """The changes of one entry, old state from the database, new state from `e`. Child
    tables are compared only where both versions had their file (`both`: parts present in
    both): addresses need add.csv on both sides; without alt.csv, only remarks aliases."""
    cols = ["programs"] + [c for c, _ in SCALARS]
    old_row = dict(zip(cols, db.execute(f"select {', '.join(cols)} from designations where uid = ?", [uid]).fetchone()))
    compare = ["aliases", "identifiers", "relationships"] + (["addresses"] if "add" in both else [])
    old_children, new_children = {}, {}
    for table in compare:
        keys = CHILD_COLUMNS[table] + (("source",) if table == "aliases" else ())
        old_children[table] = [dict(zip(keys, r)) for r in db.execute(
            f"select {', '.join(keys)} from {table} where uid = ?", [uid])]
        new_children[table] = e[table]
        if table == "aliases" and "alt" not in both:
            old_children[table] = [r for r in old_children[table] if r["source"] == "remarks"]
            new_children[table] = [r for r in e[table] if r["source"] == "remarks"]
    return field_changes(old_row, old_children, e["row"], new_children, tuple(compare))


def _diff(old: dict, new: dict, parts: list[str]) -> dict:
    out: dict = {"parts": parts}
    if "sdn" in parts:
        fields = [k for k in ("name", "entity_type", "programs", "remarks") if (old.get(k) or None) != (new.get(k) or None)]
        out["fields"] = fields
        if "name" in fields:
            out["name"] = [old["name"], new["name"]]
        if "programs" in fields:
            o, n = set(json.loads(old["programs"] or "[]")), set(json.loads(new["programs"] or "[]"))
            out["programs"] = {"added": sorted(n - o), "removed": sorted(o - n)}
    return out
