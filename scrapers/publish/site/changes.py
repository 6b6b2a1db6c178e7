"""The change digest: what changed on the SDN list (tracked programs) on one day or between
two dates -- entries added, removed, and changed field by field with the old and new value
when the list history recorded them (list_events.details) -- filtered by program and country,
as a page, CSV and Atom.

`from`/`to` are list-version dates (inclusive); `date=` is one day. Without either, the
latest list version that changed anything.
"""
from __future__ import annotations

import datetime as dt
import re

from .profiles import change_pairs, json_list

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
EVENTS = ("added", "changed", "removed")


def valid_date(value: str | None) -> str | None:
    if not value or not _DATE.match(value.strip()):
        return None
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return value.strip()


async def parameters(db, args) -> dict:
    """The digest's parameters from a request's args, checked; `errors` for any not understood."""
    errors = []
    day = args.get("date")
    start, end = args.get("from"), args.get("to")
    for name, value in (("date", day), ("from", start), ("to", end)):
        if value and not valid_date(value):
            errors.append(f"{name}={value!r} is not a date (YYYY-MM-DD)")
    day, start, end = valid_date(day), valid_date(start), valid_date(end)
    if day:
        start = end = day
    versions = [r[0] for r in (await db.execute(
        "select distinct observed_on from list_events order by observed_on")).rows]
    if not start and not end:
        start = end = versions[-1] if versions else None
    elif start and not end:
        end = versions[-1] if versions and versions[-1] > start else start
    elif end and not start:
        start = end
    if start and end and start > end:
        start, end = end, start
    event = args.get("event") or ""
    if event and event not in EVENTS:
        errors.append(f"event={event!r}: use one of {', '.join(EVENTS)}")
        event = ""
    return {"from": start, "to": end, "program": (args.get("program") or "").strip()[:100],
            "country": (args.get("country") or "").strip()[:100], "event": event, "errors": errors,
            "versions": versions}


async def digest(db, params: dict) -> list[dict]:
    if not params["from"]:
        return []
    where = ["e.observed_on between ? and ?"]
    args: list = [params["from"], params["to"]]
    if params["event"]:
        where.append("e.event = ?")
        args.append(params["event"])
    if params["program"]:
        where.append("exists (select 1 from json_each(case when json_valid(d.programs) then d.programs else '[]' end)"
                     " where value = ? collate nocase)")
        args.append(params["program"])
    if params["country"]:
        where.append("exists (select 1 from json_each(case when json_valid(d.countries) then d.countries else '[]' end)"
                     " where value = ? collate nocase)")
        args.append(params["country"])
    result = await db.execute(f"""
        select e.observed_on, e.event, e.uid, e.name, e.details, d.name as current_name, d.entity_type,
               d.programs, d.countries, d.ofac_url, d.listed
        from list_events e left join designations d on d.uid = e.uid
        where {' and '.join(where)}
        order by e.observed_on desc, case e.event when 'added' then 0 when 'removed' then 1 else 2 end, e.name, e.uid
        limit 20000""", args)
    out = []
    for r in result.rows:
        item = dict(r)
        item["changes"] = change_pairs(r["details"]) if r["event"] != "removed" else []
        item["countries_list"] = json_list(r["countries"])
        item["programs_list"] = json_list(r["programs"])
        out.append(item)
    return out


async def facets(db) -> dict:
    """Programs and countries to filter by (the build's facet counts of designations)."""
    import json

    rows = (await db.execute("select facet, value_json from facet_counts where table_name = 'designations'"
                             " and facet in ('programs', 'countries') and value_json != 'null'")).rows
    values = {"programs": [], "countries": []}
    for facet, value_json in rows:
        values[facet].append(json.loads(value_json))
    return {k: sorted(map(str, v)) for k, v in values.items()}


CSV_COLUMNS = ["observed_on", "event", "uid", "name", "field", "change", "old_value", "new_value", "entity_type",
               "programs", "countries", "ofac_url"]


def csv_rows(items: list[dict]) -> list[list]:
    """One row per change (a `changed` event with three fields gives three rows)."""
    out = []
    for it in items:
        base = [it["observed_on"], it["event"], it["uid"], it["name"]]
        tail = [it["entity_type"], "; ".join(map(str, it["programs_list"])), "; ".join(map(str, it["countries_list"])),
                it["ofac_url"]]
        pairs = it["changes"] or [{"field": "", "change": "", "old": None, "new": None}]
        for c in pairs:
            out.append(base + [c["field"], c.get("change") or "", c["old"], c["new"]] + tail)
    return out


def file_stem(params: dict) -> str:
    """'sdn-changes-2025-03-11-to-2025-03-14-mexico': what and when, for download names."""
    span = params["from"] if params["from"] == params["to"] else f"{params['from']}-to-{params['to']}"
    parts = ["sdn-changes", span or "none"]
    for key in ("event", "program", "country"):
        if params[key]:
            parts.append(re.sub(r"[^a-z0-9]+", "-", params[key].lower()).strip("-"))
    return "-".join(p for p in parts if p)
