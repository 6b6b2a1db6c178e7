"""The raw archive: every byte fetched or imported, stored before anything parses it.

Layout (default `archive/` beside tracker.db):

    archive/index.sqlite          what was stored, when, from where (one row per response)
    archive/blobs/ab/abcdef….gz   the bytes, gzip-compressed, named by their sha256
    archive/blobs/ab/abcdef….delta  or, for a large file much like the one stored before it
                                  (a new version of the SDN list), what changed: a line delta
                                  against that one (scrapers/blobdelta.py), rebuilt byte for
                                  byte and sha256-checked on read

`responses` holds one row per fetch or imported file: source, kind, URL (or original
path), HTTP status and headers, fetch time, sha256. Identical bytes are stored once.
A 304 Not Modified is a row too, pointing at the bytes it confirmed.

`batches` groups responses into units the database is built from: one observation of
the SDN list, one crawl of Treasury releases, one DOJ walk. A batch is `pending` until the
build that uses it has been swapped in, then `applied`; a build that fails marks it
`rejected` (with the reason). `tracker rebuild` replays the applied batches in order, so
the database is a function of the archive alone.

`runs` records every command (for `tracker status`); `state` holds crawl checkpoints
(resumable backfills).
"""
from __future__ import annotations

import collections
import contextlib
import dataclasses
import gzip
import hashlib
import json
import os
import sqlite3
import tempfile
import zlib
from pathlib import Path
from typing import Iterator

from . import blobdelta
from .dates import utcnow
from .errors import EnvironmentFailure, TrackerError, damaged_reason, environment_reason


class ArchiveError(TrackerError):
    """The raw archive is damaged (a blob missing or not matching its sha256)."""

# Files of a megabyte and more (the SDN list) are gzipped at level 1: much faster than level 6
# on the import's critical path for a little less compression (figures: BENCHMARKS.md, "SDN
# import"). API pages and release pages (tens to hundreds of kB) keep level 6.
FAST_GZIP_BYTES = 1024 * 1024
# A blob is never decompressed past the size it was stored with (the `size` of its response
# row); when no row says, past this. A damaged or planted blob (a gzip bomb) is refused, not
# read whole into memory.
MAX_BLOB_BYTES = 512 * 1024 * 1024
# Files of this size and more are stored as a delta against the previous file of the same
# source and kind when that is much smaller (a new SDN list version: a few kB instead of
# 800 kB); a chain of deltas is cut by a whole file every DELTA_MAX_DEPTH versions, so reading
# any version applies at most that many. Recently read or written files stay in memory
# (DELTA_CACHE of them, each up to DELTA_CACHE_BYTES): reading versions in order, as a rebuild
# does, applies one delta per version.
DELTA_MIN_BYTES = 256 * 1024
DELTA_MAX_DEPTH = 100
DELTA_CACHE, DELTA_CACHE_BYTES = 3, 64 * 1024 * 1024
# ... and the lines of the large files written or read (verified) by this process are kept, each
# line shared with the previous version where they are equal, within KEPT_LINES_BYTES: a list
# history archived then built in one command (281 versions: about 40 MB) reads every version
# back from memory instead of rebuilding it from its delta and hashing it again.
KEPT_LINES_BYTES = 128 * 1024 * 1024

SCHEMA = """
create table if not exists responses (
    seq integer primary key autoincrement,
    source text not null,
    kind text not null,
    url text,
    status integer,
    headers text,
    fetched_at text not null,
    sha256 text,
    size integer,
    meta text
);
create index if not exists responses_url on responses(url, seq);
create index if not exists responses_source on responses(source, kind, seq);
create table if not exists batches (
    id integer primary key autoincrement,
    source text not null,
    kind text not null,
    observed_on text,
    created_at text not null,
    status text not null default 'pending',
    reason text,
    meta text
);
create table if not exists batch_items (
    batch_id integer not null references batches(id),
    position integer not null,
    seq integer not null references responses(seq),
    role text,
    primary key (batch_id, position)
);
create table if not exists runs (
    id integer primary key autoincrement,
    command text not null,
    sources text,
    started_at text not null,
    finished_at text,
    status text,
    counts text,
    message text
);
create table if not exists state (
    source text not null,
    key text not null,
    value text,
    primary key (source, key)
);
"""


def public_path(path: str | Path | None) -> str | None:
    """What the archive and the database say about an imported file's path: its name and the
    name of the directory holding it (`2024-01-02/sdn.csv`: which version of a history), no
    more. The archive and tracker.db are published (the data branch, the downloadable
    database); where a file lay on the importer's machine is not theirs to publish. Older
    archives that stored absolute paths are read the same way."""
    if not path:
        return None
    parts = [p for p in str(path).replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts[-2:]) or None


@dataclasses.dataclass(frozen=True)
class Entry:
    seq: int
    source: str
    kind: str
    url: str | None
    status: int | None
    headers: dict
    fetched_at: str
    sha256: str | None
    size: int | None
    meta: dict
    role: str | None = None

    @property
    def location(self) -> str:
        """The URL, or the name of the imported file (never a local absolute path: locations
        end up in published tables such as `errors` and `list_observations.files`)."""
        return self.url or public_path(self.meta.get("path")) or f"archive #{self.seq}"


@dataclasses.dataclass(frozen=True)
class Batch:
    id: int
    source: str
    kind: str
    observed_on: str | None
    created_at: str
    status: str
    reason: str | None
    meta: dict


class Archive:
    def __init__(self, root: Path | str):
        self.root = Path(root)
        index = self.root / "index.sqlite"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / "blobs").mkdir(exist_ok=True)
            self.conn = sqlite3.connect(index, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("pragma journal_mode=wal")
            self.conn.execute("pragma synchronous=normal")
            self.conn.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            damaged = damaged_reason(exc)
            if damaged:
                raise ArchiveError(f"archive index {index}: {damaged}. Nothing was changed; move it aside and"
                                   " restore it from a copy (the data branch, a backup)") from None
            existing = next((p for p in (self.root, *self.root.parents) if p.exists()), None)
            why = environment_reason(exc, existing) or f"{type(exc).__name__}: {exc}"
            raise EnvironmentFailure(f"the archive {self.root} cannot be written: {why}") from None
        self._recent: collections.OrderedDict[str, tuple[bytes, list[bytes] | None]] = collections.OrderedDict()
        self._kept: collections.OrderedDict[str, tuple[list[bytes], int]] = collections.OrderedDict()
        self._kept_bytes = 0
        self._runs: collections.OrderedDict[str, tuple[str, list, int]] = collections.OrderedDict()
        self._offsets: tuple[str, list[int]] | None = None     # the line offsets of the last file deltaed

    def close(self) -> None:
        self.conn.close()

    # -- bytes ---------------------------------------------------------------------------
    def blob_path(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / f"{sha256}.gz"

    def delta_path(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / f"{sha256}.delta"

    def stored_path(self, sha256: str) -> Path:
        """The file holding a blob: its .gz, or its .delta when stored as one."""
        path = self.blob_path(sha256)
        if not path.exists() and self.delta_path(sha256).exists():
            return self.delta_path(sha256)
        return path

    def _write_blob(self, content: bytes, similar: str | None = None) -> str:
        sha = hashlib.sha256(content).hexdigest()
        path = self.blob_path(sha)
        if path.exists() or self.delta_path(sha).exists():
            return sha
        path.parent.mkdir(parents=True, exist_ok=True)
        delta = self._delta_against(similar, content, sha) if similar and similar != sha else None
        if delta is not None:
            self._write_file(self.delta_path(sha), delta)
        else:
            level = 1 if len(content) >= FAST_GZIP_BYTES else 6
            self._write_file(path, gzip.compress(content, compresslevel=level, mtime=0))
        if sha not in self._recent:
            self._remember(sha, content)
        return sha

    @staticmethod
    def _write_file(path: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def _delta_against(self, base_sha: str, content: bytes, sha: str) -> bytes | None:
        """`content` as a delta against the stored blob `base_sha`, when that is worth it."""
        try:
            depth = blobdelta.header(self.delta_path(base_sha).read_bytes()[:300])[1] \
                if not self.blob_path(base_sha).exists() else 0
            if depth >= DELTA_MAX_DEPTH:
                return None
            base_bytes, base_lines = self._with_lines(base_sha)
        except (OSError, ArchiveError, blobdelta.DeltaError):
            return None   # the base cannot be read: store the whole file
        stats: dict = {}
        known = self._offsets[1] if self._offsets is not None and self._offsets[0] == base_sha else None
        delta = blobdelta.encode(base_lines, content, base_sha, depth + 1, sha256=sha, size=len(content),
                                 stats=stats, base_bytes=base_bytes, base_offsets=known)
        self._offsets = (sha, stats["offsets"])     # the next version's base, most likely
        self._remember(sha, content, stats["lines"], fresh=stats["literal_bytes"])
        if len(delta) * 4 >= len(content):
            return None
        self._note_runs(sha, base_sha, stats["ops"])
        return delta

    def _remember(self, sha: str, content: bytes, lines: list[bytes] | None = None, fresh: int | None = None) -> None:
        """Keep verified bytes (and their lines) in memory: `fresh`, the bytes of the lines not
        shared with a version kept already (all of them when not said)."""
        if len(content) > DELTA_CACHE_BYTES or len(content) < DELTA_MIN_BYTES:
            return
        self._recent[sha] = (content, lines)
        self._recent.move_to_end(sha)
        while len(self._recent) > DELTA_CACHE:
            self._recent.popitem(last=False)
        if lines is not None and sha not in self._kept:
            cost = 8 * len(lines) + (len(content) if fresh is None else fresh)
            self._kept[sha] = (lines, cost)
            self._kept_bytes += cost
            while self._kept_bytes > KEPT_LINES_BYTES and self._kept:
                self._kept_bytes -= self._kept.popitem(last=False)[1][1]

    def _from_memory(self, sha: str) -> tuple[bytes, list[bytes] | None] | None:
        """(bytes, lines) of a large file verified by this process, if still in memory."""
        got = self._recent.get(sha)
        if got is not None:
            self._recent.move_to_end(sha)
            return got
        kept = self._kept.get(sha)
        if kept is None:
            return None
        content = b"".join(kept[0])        # the lines of bytes hashed when written or read
        self._remember(sha, content, kept[0])
        return content, kept[0]

    def _lines(self, sha: str) -> list[bytes]:
        """The lines of a stored blob (kept with it in memory once split)."""
        return self._with_lines(sha)[1]

    def _with_lines(self, sha: str) -> tuple[bytes, list[bytes]]:
        content, lines = self._from_memory(sha) or (self.read(sha), None)
        if lines is None:
            lines = blobdelta.lines(content)
            self._remember(sha, content, lines)
        return content, lines

    def kept_lines(self, sha: str) -> list[bytes] | None:
        """The lines of a large file this process wrote or read (verified then), if still in
        memory: without joining them into its bytes."""
        got = self._recent.get(sha)
        if got is not None and got[1] is not None:
            return got[1]
        kept = self._kept.get(sha)
        return kept[0] if kept is not None else None

    def read_lines(self, entry: Entry | str) -> tuple[bytes, list[bytes]]:
        """The stored bytes (checked like `read`) and their lines (`bytes.splitlines` with line
        ends kept), split once and kept with the bytes while they stay in memory."""
        content = self.read(entry)
        sha = entry if isinstance(entry, str) else entry.sha256
        cached = self._recent.get(sha)   # (kept lines, or a delta read: its lines, rebuilt from the base's)
        if cached is not None and cached[1] is not None:
            return content, cached[1]
        lines = blobdelta.lines(content)
        self._remember(sha, content, lines)
        return content, lines

    def similar_blob(self, source: str, kind: str, size: int) -> str | None:
        """The blob a new file of `source`/`kind` is most likely a new version of: the newest
        stored one of the same source and kind (large files only)."""
        if size < DELTA_MIN_BYTES:
            return None
        row = self.conn.execute(
            "select sha256 from responses where source = ? and kind = ? and sha256 is not null and size >= ?"
            " order by seq desc limit 1", (source, kind, DELTA_MIN_BYTES)).fetchone()
        return row["sha256"] if row else None

    def read(self, entry: Entry | str) -> bytes:
        """The stored bytes, checked against their sha256 (a damaged archive is named, never
        parsed as if it were what was fetched)."""
        sha = entry if isinstance(entry, str) else entry.sha256
        what = sha if isinstance(entry, str) else f"#{entry.seq} ({entry.location})"
        if sha is None:
            raise ValueError(f"archive entry {what} holds no content")
        size = entry.size if not isinstance(entry, str) else None
        if size is None:
            row = self.conn.execute("select size from responses where sha256 = ? and size is not null limit 1",
                                    (sha,)).fetchone()
            size = row[0] if row else None
        limit = MAX_BLOB_BYTES if size is None else size
        cached = self._from_memory(sha)   # verified when it was written or read
        if cached is not None:
            return cached[0]
        path = self.blob_path(sha)
        if not path.exists() and self.delta_path(sha).exists():
            return self._read_delta(sha, what, limit)
        try:
            with gzip.open(path, "rb") as fh:
                content = fh.read(limit + 1)
            if len(content) > limit:
                raise ArchiveError(f"archive entry {what} decompresses to more than the {limit:,} bytes it was"
                                   f" stored as (damaged or planted: refused, not read): {path}")
        except FileNotFoundError as exc:
            raise ArchiveError(f"archive entry {what}: its bytes are missing ({path})") from exc
        except (OSError, EOFError, zlib.error) as exc:
            raise ArchiveError(f"archive entry {what}: {path} is damaged ({exc})") from exc
        if hashlib.sha256(content).hexdigest() != sha:
            raise ArchiveError(f"archive entry {what}: {path} does not hold the bytes it was stored as"
                               " (sha256 mismatch): the archive is damaged")
        self._remember(sha, content)
        return content

    def _read_delta(self, sha: str, what: str, limit: int) -> bytes:
        path = self.delta_path(sha)
        try:
            blob = path.read_bytes()
            base_sha, _, _, claimed = blobdelta.header(blob)
            if claimed != sha:
                raise blobdelta.DeltaError(f"it rebuilds {claimed}, not {sha}")
            stats: dict = {}
            content, lines = blobdelta.decode_lines(blob, self._lines(base_sha), max_size=limit, stats=stats)
        except OSError as exc:
            raise ArchiveError(f"archive entry {what}: {path} cannot be read ({exc})") from exc
        except blobdelta.DeltaError as exc:
            raise ArchiveError(f"archive entry {what}: {path} is damaged: the delta {exc}") from exc
        except ArchiveError as exc:
            raise ArchiveError(f"archive entry {what}: {path} is a delta whose base cannot be read: {exc}") from exc
        self._remember(sha, content, lines)
        if lines is not None:
            self._note_runs(sha, base_sha, stats["ops"])
        return content

    def _note_runs(self, sha: str, base_sha: str, ops: list) -> None:
        runs, n = blobdelta.copied_runs(ops)
        self._runs[sha] = (base_sha, runs, n)
        while len(self._runs) > 1024:
            self._runs.popitem(last=False)

    def copied_lines(self, sha: str) -> tuple[str, list[tuple[int, int, int]], int] | None:
        """For a file stored as a delta and written or read by this process: (its base's sha256,
        [(line, base line, count)] of the lines it shares with the base, its line count). The
        lines outside those runs are the only ones that can differ from the base's."""
        return self._runs.get(sha)

    # -- responses -----------------------------------------------------------------------
    def put(self, source: str, kind: str, content: bytes | None, *, url: str | None = None,
            status: int | None = 200, headers: dict | None = None, fetched_at: str | None = None,
            sha256: str | None = None, meta: dict | None = None) -> Entry:
        """Store bytes (or, for a 304, the sha256 of bytes already stored) and index them."""
        if content is not None:
            sha256 = self._write_blob(content, self.similar_blob(source, kind, len(content)))
            size = len(content)
        else:
            size = None
        fetched_at = fetched_at or utcnow()
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        cur = self.conn.execute(
            "insert into responses (source, kind, url, status, headers, fetched_at, sha256, size, meta)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, kind, url, status, json.dumps(headers, sort_keys=True), fetched_at, sha256,
             size, json.dumps(meta or {}, sort_keys=True)),
        )
        self.conn.commit()
        return Entry(cur.lastrowid, source, kind, url, status, headers, fetched_at, sha256, size, meta or {})

    def _entry(self, row: sqlite3.Row) -> Entry:
        keys = row.keys()
        return Entry(row["seq"], row["source"], row["kind"], row["url"], row["status"],
                     json.loads(row["headers"] or "{}"), row["fetched_at"], row["sha256"],
                     row["size"], json.loads(row["meta"] or "{}"),
                     row["role"] if "role" in keys else None)

    def get(self, seq: int) -> Entry:
        row = self.conn.execute("select * from responses where seq = ?", (seq,)).fetchone()
        if row is None:
            raise KeyError(seq)
        return self._entry(row)

    def last_ok(self, url: str) -> Entry | None:
        """The newest response for `url` that carries content (200, or a 304 pointing at it)."""
        row = self.conn.execute(
            "select * from responses where url = ? and sha256 is not null and status in (200, 304)"
            " order by seq desc limit 1", (url,)).fetchone()
        return self._entry(row) if row else None

    def latest_sha256(self, source: str, url: str, meta: tuple[str, str] | None = None) -> str | None:
        """The sha256 of the newest stored bytes of `source` fetched from `url`, or imported
        with `meta` (key, value) in their meta (evidence for a fact derived from them)."""
        row = self.conn.execute(
            "select sha256 from responses where source = ? and sha256 is not null and (url = ?"
            + (" or json_extract(meta, '$.' || ?) = ?" if meta else "") + ") order by seq desc limit 1",
            (source, url, *(meta or ()))).fetchone()
        return row["sha256"] if row else None

    def validators(self, url: str) -> dict:
        """ETag / Last-Modified of the newest 200 response for `url` (for conditional GET).
        Bytes that only ever went into rejected batches are not vouched for: a server that
        sent a cut body with the right ETag would otherwise answer 304 forever."""
        row = self.conn.execute(
            "select headers, sha256 from responses where url = ? and status = 200 and sha256 is not null"
            " order by seq desc limit 1", (url,)).fetchone()
        if not row:
            return {}
        used = {r[0] for r in self.conn.execute(
            "select distinct b.status from responses r join batch_items i on i.seq = r.seq"
            " join batches b on b.id = i.batch_id where r.url = ? and r.sha256 = ?", (url, row["sha256"]))}
        if "rejected" in used and "applied" not in used:
            return {}
        headers = json.loads(row["headers"] or "{}")
        out = {"sha256": row["sha256"]}
        if headers.get("etag"):
            out["etag"] = headers["etag"]
        if headers.get("last-modified"):
            out["last-modified"] = headers["last-modified"]
        return out

    # -- batches -------------------------------------------------------------------------
    def new_batch(self, source: str, kind: str, observed_on: str | None = None, meta: dict | None = None) -> Batch:
        created = utcnow()
        cur = self.conn.execute(
            "insert into batches (source, kind, observed_on, created_at, meta) values (?, ?, ?, ?, ?)",
            (source, kind, observed_on, created, json.dumps(meta or {}, sort_keys=True)))
        self.conn.commit()
        return Batch(cur.lastrowid, source, kind, observed_on, created, "pending", None, meta or {})

    def add_to_batch(self, batch: Batch, entry: Entry, role: str | None = None) -> None:
        pos = self.conn.execute(
            "select coalesce(max(position), -1) + 1 from batch_items where batch_id = ?", (batch.id,)).fetchone()[0]
        self.conn.execute("insert into batch_items (batch_id, position, seq, role) values (?, ?, ?, ?)",
                          (batch.id, pos, entry.seq, role))
        self.conn.commit()

    def update_batch_meta(self, batch: Batch, **meta) -> Batch:
        """Add to a batch's meta (merged with what is stored, so that a caller holding an
        older copy of the batch loses nothing another writer added, e.g. its parts)."""
        with self.conn:
            row = self.conn.execute("select meta from batches where id = ?", (batch.id,)).fetchone()
            merged = {**(json.loads(row["meta"] or "{}") if row else batch.meta), **meta}
            self.conn.execute("update batches set meta = ? where id = ?", (json.dumps(merged, sort_keys=True), batch.id))
        return dataclasses.replace(batch, meta=merged)

    def set_batch_status(self, batch_ids: list[int], status: str, reason: str | None = None) -> None:
        self.conn.executemany("update batches set status = ?, reason = ? where id = ?",
                              [(status, reason, b) for b in batch_ids])
        self.conn.commit()

    def set_applied(self, batch_ids: list[int]) -> list[int]:
        """Mark batches `applied` and, in the same transaction, the parts they supersede
        `superseded`: the parts a batch now applied lists (meta `parts`), and a part whose
        whole batch (meta `part_of`) is applied already. A part is a provisional batch
        `tracker run` builds while the fetch of its whole batch goes on (sources/base.py,
        PartCutter); once the whole is in, a rebuild replays the whole alone. Returns the
        ids of the parts superseded."""
        if not batch_ids:
            return []
        superseded: set[int] = set()
        marks = ",".join("?" * len(batch_ids))
        with self.conn:
            self.conn.executemany("update batches set status = 'applied', reason = null where id = ?",
                                  [(b,) for b in batch_ids])
            for row in self.conn.execute(f"select id, meta from batches where id in ({marks})", list(batch_ids)):
                meta = json.loads(row["meta"] or "{}")
                superseded.update(int(p) for p in meta.get("parts") or [])
                whole = meta.get("part_of")
                if whole is not None:
                    got = self.conn.execute("select status from batches where id = ?", (whole,)).fetchone()
                    if got is not None and got["status"] == "applied":
                        superseded.add(row["id"])
            self.conn.executemany("update batches set status = 'superseded' where id = ?"
                                  " and status in ('pending', 'building', 'applied')",
                                  [(b,) for b in sorted(superseded)])
        return sorted(superseded)

    def _batch(self, row: sqlite3.Row) -> Batch:
        return Batch(row["id"], row["source"], row["kind"], row["observed_on"], row["created_at"],
                     row["status"], row["reason"], json.loads(row["meta"] or "{}"))

    def batch(self, batch_id: int) -> Batch:
        return self._batch(self.conn.execute("select * from batches where id = ?", (batch_id,)).fetchone())

    def batches(self, source: str | None = None, status: str | None = "applied") -> list[Batch]:
        sql, args = "select * from batches where 1=1", []
        if source:
            sql += " and source = ?"
            args.append(source)
        if status:
            sql += " and status = ?"
            args.append(status)
        return [self._batch(r) for r in self.conn.execute(sql + " order by id", args)]

    def items(self, batch: Batch) -> list[Entry]:
        rows = self.conn.execute(
            "select r.*, i.role from batch_items i join responses r on r.seq = i.seq"
            " where i.batch_id = ? order by i.position", (batch.id,))
        return [self._entry(r) for r in rows]

    def find_batch(self, source: str, kind: str, observed_on: str | None, fingerprint: str) -> Batch | None:
        """An applied batch (or one a killed build left `building`, which the next build
        applies) with the same content fingerprint (idempotent imports)."""
        for row in self.conn.execute(
                "select * from batches where source = ? and kind = ? and observed_on is ?"
                " and status in ('applied', 'building') and instr(meta, ?) > 0 order by id", (source, kind, observed_on,
                                                                                              fingerprint)):
            b = self._batch(row)
            if b.meta.get("fingerprint") == fingerprint:
                return b
        return None

    # -- crawl checkpoints ---------------------------------------------------------------
    def get_state(self, source: str, key: str, default=None):
        row = self.conn.execute("select value from state where source = ? and key = ?", (source, key)).fetchone()
        return json.loads(row["value"]) if row else default

    def set_state(self, source: str, key: str, value) -> None:
        self.conn.execute("insert or replace into state (source, key, value) values (?, ?, ?)",
                          (source, key, json.dumps(value, sort_keys=True)))
        self.conn.commit()

    def delete_state(self, source: str, key: str) -> None:
        self.conn.execute("delete from state where source = ? and key = ?", (source, key))
        self.conn.commit()

    # -- runs ----------------------------------------------------------------------------
    def start_run(self, command: str, sources: list[str]) -> int:
        cur = self.conn.execute("insert into runs (command, sources, started_at, status) values (?, ?, ?, 'running')",
                                (command, json.dumps(sources), utcnow()))
        self.conn.commit()
        return cur.lastrowid

    def finish_run(self, run_id: int, status: str, counts: dict | None = None, message: str | None = None) -> None:
        self.conn.execute("update runs set finished_at = ?, status = ?, counts = ?, message = ? where id = ?",
                          (utcnow(), status, json.dumps(counts or {}, sort_keys=True), message, run_id))
        self.conn.commit()

    def runs(self, limit: int = 50) -> Iterator[sqlite3.Row]:
        return self.conn.execute("select * from runs order by id desc limit ?", (limit,))

    def stats(self) -> dict:
        row = self.conn.execute("select count(*) n, coalesce(sum(size), 0) bytes from responses").fetchone()
        blobs = sum(p.stat().st_size for p in (self.root / "blobs").rglob("*")
                    if p.suffix in (".gz", ".delta"))
        return {"responses": row["n"], "raw_bytes": row["bytes"], "stored_bytes": blobs}
