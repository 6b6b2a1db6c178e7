"""Assertions as data: what each source's `<name>.yml` says must hold, checked in one place.

A source's YAML has an `assertions:` mapping; every key is one of the kinds below, and every
spec one of their fields (anything else is an error when the YAML is loaded, so a typo cannot
silently switch a check off). A `message` (a str.format template) may replace the default
wording of a failure; the fields it can use are listed per kind.

Checked on the database being built, before it replaces the old one (scrapers/build.py):
- counts: [{table, where, min, max, what, message}] -- the number of rows (matching `where`)
  is within [min, max]. Checked only when the database holds data of the source.
  Message fields: n, min, max, what.
- max_drop: [{table, where, share, what, message}] -- the number of rows may not fall below
  (1 - share) times what the previous build had (share 0: never decreases).
  Message fields: old, n, share, what.
- required: [{table, where, columns, what, missing, message}] -- no row lacks (NULL or '')
  any of `columns`. Message fields: n, what, missing (default: the columns joined by "or").
- forbidden: [{table, where, what, message}] -- no row matches `where`. Message fields: n, what.
- max_share: [{table, where, lacking, share, what, id, message}] -- of the rows matching
  `where`, those for which the SQL condition `lacking` holds may be at most `share` of them
  (and at least one is always allowed); the ids (column `id`) of such rows are logged either
  way. Message fields: n, total, share, ids, what.

Read by the source's code while it parses input (numbers, not SQL):
- observation_max_drop (sdn): tracked entries may not drop by more than this share between
  two observations of the list, unless --allow-drop (tracker.toml `[sdn] max_drop` overrides).
- min_rows (sdn): an observation's list file must yield at least this many entries.
"""
from __future__ import annotations

import dataclasses
import sqlite3
from typing import Callable

from .errors import TrackerError

_SPEC_FIELDS = {
    "counts": {"table", "where", "min", "max", "what", "message"},
    "max_drop": {"table", "where", "share", "what", "message"},
    "required": {"table", "where", "columns", "what", "missing", "message"},
    "forbidden": {"table", "where", "what", "message"},
    "max_share": {"table", "where", "lacking", "share", "what", "id", "message"},
}
_NEEDED = {
    "counts": {"table"}, "max_drop": {"table", "share"}, "required": {"table", "columns"},
    "forbidden": {"table", "where"}, "max_share": {"table", "lacking", "share", "id"},
}
_VALUES = {"observation_max_drop": float, "min_rows": int}


@dataclasses.dataclass(frozen=True)
class Assertions:
    source: str
    specs: dict
    values: dict

    @classmethod
    def parse(cls, source: str, data: dict | None, where: str = "") -> "Assertions":
        """Validate the `assertions:` mapping of a source's YAML (`where` names the file)."""
        where = where or f"{source}.yml"
        data = data or {}
        if not isinstance(data, dict):
            raise TrackerError(f"{where}: assertions must be a mapping")
        specs, values = {}, {}
        for key, spec in data.items():
            if key in _VALUES:
                try:
                    values[key] = _VALUES[key](spec)
                except (TypeError, ValueError) as exc:
                    raise TrackerError(f"{where}: assertions: {key} must be a number, not {spec!r}") from exc
                continue
            if key not in _SPEC_FIELDS:
                known = ", ".join(sorted([*_SPEC_FIELDS, *_VALUES]))
                raise TrackerError(f"{where}: unknown assertion {key!r} (known: {known})")
            if not isinstance(spec, list) or not all(isinstance(s, dict) for s in spec):
                raise TrackerError(f"{where}: assertions: {key} must be a list of mappings")
            for s in spec:
                unknown = set(s) - _SPEC_FIELDS[key]
                missing = _NEEDED[key] - set(s)
                if unknown or missing:
                    what = f"unknown field(s) {sorted(unknown)}" if unknown else f"missing {sorted(missing)}"
                    raise TrackerError(f"{where}: assertions: {key}: {what} in {s}")
            specs[key] = spec
        return cls(source, specs, values)

    def value(self, key: str, override=None):
        """An input-time threshold: `override` (tracker.toml) when given, else the YAML's."""
        if key not in _VALUES:
            raise KeyError(key)
        if override is not None:
            return override
        if key not in self.values:
            raise TrackerError(f"{self.source}: its YAML sets no `assertions: {key}`")
        return self.values[key]

    # -- on the database ------------------------------------------------------------------
    def snapshot(self, db) -> dict:
        """What `max_drop` compares against: row counts in the database about to be replaced."""
        out = {}
        for i, spec in enumerate(self.specs.get("max_drop", [])):
            try:
                out[f"max_drop:{i}"] = _count(db, spec)
            except sqlite3.Error:
                continue
        return out

    def check(self, db, before: dict, *, present: bool, log: Callable[[str], None] = lambda m: None) -> list[str]:
        """Failures (one line each) of the database being built; `present`: it holds data of
        this source (count minimums only apply then)."""
        failures: list[str] = []
        name = self.source

        def fail(spec: dict, default: str, **fields) -> None:
            template = spec.get("message") or default
            failures.append(f"{name}: " + template.format(**fields))

        for spec in self.specs.get("counts", []) if present else []:
            what = spec.get("what") or spec["table"] + (f" where {spec['where']}" if spec.get("where") else "")
            try:
                n = _count(db, spec)
            except sqlite3.Error as exc:
                failures.append(f"{name}: count of {what} could not be checked: {exc}")
                continue
            if spec.get("min") is not None and n < spec["min"]:
                fail(spec, "{what}: {n:,}, fewer than the minimum {min:,}", n=n, what=what, min=spec["min"],
                     max=spec.get("max"))
            if spec.get("max") is not None and n > spec["max"]:
                fail(spec, "{what}: {n:,}, more than the maximum {max:,}", n=n, what=what, min=spec.get("min"),
                     max=spec["max"])
        for i, spec in enumerate(self.specs.get("max_drop", [])):
            old, n = before.get(f"max_drop:{i}") or 0, _count(db, spec)
            share = float(spec["share"])
            if old and n < old * (1 - share):
                default = "{what} would drop from {old:,} to {n:,}" + (" (more than {share:.0%})" if share else "")
                fail(spec, default, old=old, n=n, share=share, what=spec.get("what") or f"rows of {spec['table']}")
        for spec in self.specs.get("required", []):
            cols = spec["columns"]
            lacking = " or ".join(f"([{c}] is null or [{c}] = '')" for c in cols)
            n = _count(db, spec, lacking)
            if n:
                fail(spec, "{n} {what} without {missing}", n=n, what=spec.get("what") or f"row(s) of {spec['table']}",
                     missing=spec.get("missing") or " or ".join(cols))
        for spec in self.specs.get("forbidden", []):
            n = db.execute(f"select count(*) from [{spec['table']}] where {spec['where']}").fetchone()[0]
            if n:
                fail(spec, "{n} {what}", n=n, what=spec.get("what") or f"row(s) of {spec['table']} where {spec['where']}")
        for spec in self.specs.get("max_share", []):
            where = f" where {spec['where']}" if spec.get("where") else ""
            total = db.execute(f"select count(*) from [{spec['table']}]{where}").fetchone()[0]
            ids = [r[0] for r in db.execute(
                f"select [{spec['id']}] from [{spec['table']}]{where or ' where 1'} and ({spec['lacking']})"
                f" order by [{spec['id']}]")]
            share = float(spec["share"])
            what = spec.get("what") or f"rows of {spec['table']}"
            if total and len(ids) > max(1, share * total):
                fail(spec, "{n} of {total} {what} (at most {share:.0%} allowed): {ids}", n=len(ids), total=total,
                     share=share, ids=", ".join(map(str, ids[:10])), what=what)
            elif ids:
                log(f"{name}: {what}: {', '.join(map(str, ids))}")
        return failures


def _count(db, spec: dict, extra: str | None = None) -> int:
    conds = [c for c in (spec.get("where"), extra) if c]
    sql = f"select count(*) from [{spec['table']}]" + (" where " + " and ".join(f"({c})" for c in conds) if conds else "")
    return db.execute(sql).fetchone()[0]
