"""What a profile page shows, read from the served database: an SDN entry, a press release,
a defendant, a case. Pure reads (a handful of indexed queries per page); every fact carries
the URL of the official source it comes from.

Cases: until the DOJ work's `cases` table lands, a case is one prosecution (a case announced
in one release) and a defendant's "stages over time" are the rows of the same name in the
same district. When the database has `defendants.case_id`, that grouping is used instead.
"""
from __future__ import annotations

import json

# Stages a DOJ release can report; the first group are allegations (presumption of innocence)
ALLEGATION_STAGES = {"charged", "indicted", "arrested", "extradited", "complaint", "other", None, ""}
GUILT_STAGES = {"pleaded_guilty", "pleaded guilty", "convicted", "sentenced"}
OFAC_SEARCH = "https://sanctionssearch.ofac.treas.gov/"


async def rows(db, sql: str, params=()) -> list[dict]:
    result = await db.execute(sql, params)
    return [dict(r) for r in result.rows]


async def one(db, sql: str, params=()) -> dict | None:
    found = await rows(db, sql, params)
    return found[0] if found else None


async def has_column(db, table: str, column: str) -> bool:
    cols = await db.table_columns(table) if await db.table_exists(table) else []
    return column in cols


def json_list(value) -> list:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [value]
    return parsed if isinstance(parsed, list) else [parsed]


def stage_label(action: str | None) -> dict:
    """A stage as shown: its words and whether it is an allegation or a finding of guilt."""
    text = (action or "other").replace("_", " ")
    guilt = (action or "") in GUILT_STAGES
    if action == "acquitted":
        return {"text": text, "guilt": False, "note": "found not guilty of the charges this release reports"}
    if action == "dismissed":
        return {"text": text, "guilt": False, "note": "the charges were dismissed, as this release reports"}
    return {"text": text, "guilt": guilt,
            "note": "a finding of guilt" if guilt else "an allegation: presumed innocent unless proven guilty"}


def change_pairs(details) -> list[dict]:
    """What a list event says changed: [{field, change, old, new}] (old/new None when not
    recorded). Reads list_events.details as the SDN source writes it -- `changes`, a list of
    {field, change (added/removed/changed), old, new} -- and older shapes: `fields` (names
    only), `field: [old, new]`, `field: {old, new}`, `field: {added, removed}`."""
    if isinstance(details, str):
        try:
            details = json.loads(details)
        except ValueError:
            return [{"field": "details", "change": "changed", "old": None, "new": details}]
    if not isinstance(details, dict):
        return []
    changes = details.get("changes")
    if isinstance(changes, list):
        return [{"field": str(c.get("field")), "change": c.get("change") or "changed",
                 "old": _text(c.get("old")), "new": _text(c.get("new"))}
                for c in changes if isinstance(c, dict) and c.get("field")]
    out: dict[str, dict] = {}
    for field, value in details.items():
        if field in ("changes", "fields", "parts", "summary"):
            continue
        if isinstance(value, list) and len(value) == 2 and not any(isinstance(v, (list, dict)) for v in value):
            out[field] = {"field": field, "change": "changed", "old": value[0], "new": value[1]}
        elif isinstance(value, dict) and ("old" in value or "new" in value):
            out[field] = {"field": field, "change": "changed", "old": _text(value.get("old")),
                          "new": _text(value.get("new"))}
        elif isinstance(value, dict) and ("added" in value or "removed" in value):
            out[field] = {"field": field, "change": "changed", "old": _text(value.get("removed")) or None,
                          "new": _text(value.get("added")) or None}
    if isinstance(changes, dict):
        for field, value in changes.items():
            if isinstance(value, list) and len(value) == 2:
                out[field] = {"field": field, "change": "changed", "old": value[0], "new": value[1]}
    for field in details.get("fields") or []:
        out.setdefault(field, {"field": field, "change": "changed", "old": None, "new": None})
    return list(out.values())


def _text(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


# -- SDN entry --------------------------------------------------------------------------
async def entry(db, uid: int) -> dict | None:
    d = await one(db, "select * from designations where uid = ?", [uid])
    if d is None:
        return None
    p: dict = {"d": d, "source": d.get("ofac_url") or OFAC_SEARCH}
    for key in ("programs", "countries", "dates_of_birth"):
        p[key] = json_list(d.get(key))
    p["aliases"] = await rows(db, "select alias, alias_type, quality, source from aliases where uid = ?"
                                  " order by quality = 'weak', alias_type, alias", [uid])
    p["addresses"] = await rows(db, "select * from addresses where uid = ? order by add_num", [uid])
    p["identifiers"] = await rows(db, "select * from identifiers where uid = ? order by id_type, id_value", [uid])
    p["links_out"] = await rows(db, "select r.relation, r.linked_name, r.linked_uid, d.name as linked_entry"
                                    " from relationships r left join designations d on d.uid = r.linked_uid"
                                    " where r.uid = ? order by r.linked_name", [uid])
    p["links_in"] = await rows(db, "select r.relation, r.uid, d.name from relationships r join designations d"
                                   " on d.uid = r.uid where r.linked_uid = ? order by d.name", [uid])
    p["releases"] = await rows(db, """
        select x.press_release_id, x.name_in_text, x.role, x.match_method, x.match_score, x.evidence,
               p.title, p.published, p.url, p.agency
        from press_release_designations x join press_releases p on p.id = x.press_release_id
        where x.uid = ? order by p.published, p.id""", [uid])
    p["recent_actions"] = await rows(db, "select url, action_date, entry_text, press_release_id from recent_actions"
                                         " where uid = ? order by action_date", [uid])
    p["events"] = await rows(db, "select observation_id, event, observed_on, name, details from list_events"
                                 " where uid = ? order by observed_on, observation_id", [uid])
    p["defendants"] = await rows(db, """
        select f.*, p.title, p.url
        from defendants f left join press_releases p on p.id = f.press_release_id
        where f.uid = ? order by f.published, f.id""", [uid])
    p["candidates"] = await rows(db, """
        select c.defendant_id, c.reason, c.match_method, c.match_score, c.evidence, f.name, f.published, f.action
        from link_candidates c join defendants f on f.id = c.defendant_id where c.uid = ?
        order by f.published""", [uid])
    p["conflicts"] = await rows(db, "select * from conflicts where uid = ?", [uid])
    p["timeline"] = entry_timeline(p)
    return p


def entry_timeline(p: dict) -> list[dict]:
    """Dated events of an entry, oldest first; each with the source it comes from."""
    d = p["d"]
    out: list[dict] = []
    designating = [r for r in p["releases"] if r["role"] == "designated"]
    if d.get("designated_on"):
        out.append({"date": d["designated_on"], "kind": "designated",
                    "text": f"Designated (date from {d.get('designated_on_source') or 'unknown source'})",
                    "releases": designating,
                    "recent": p["recent_actions"],
                    "source": (designating[0]["url"] if designating else p["source"])})
    elif d.get("designated_before"):
        out.append({"date": d["designated_before"], "kind": "designated",
                    "text": f"Designated between the list versions of {d.get('designated_after')} and"
                            f" {d['designated_before']} (exact day unknown)",
                    "releases": designating, "recent": p["recent_actions"], "source": p["source"]})
    elif designating:
        first = designating[0]
        out.append({"date": first["published"], "kind": "designated", "text": "Designated by a Treasury release",
                    "releases": designating, "recent": p["recent_actions"], "source": first["url"]})
    if not any(e["event"] == "added" for e in p["events"]) and d.get("first_seen"):
        out.append({"date": d["first_seen"], "kind": "observed",
                    "text": "Already on the SDN list when this tracker first observed it (designation date unknown"
                            " unless given above)" if not out else "First observed on the SDN list",
                    "source": p["source"]})
    for e in p["events"]:
        item = {"date": e["observed_on"], "kind": e["event"], "source": p["source"]}
        if e["event"] == "added":
            item["text"] = "Appeared on the SDN list (list version of this date)"
        elif e["event"] == "removed":
            reason = (json.loads(e["details"]) if e["details"] else {}).get("reason")
            item["text"] = "Removed: " + (reason or "no longer on the list")
        else:
            item["text"] = "Entry changed on the list"
        item["changes"] = change_pairs(e["details"]) if e["event"] != "removed" else []
        out.append(item)
    for r in p["releases"]:
        if r["role"] != "designated":
            out.append({"date": r["published"], "kind": "mentioned",
                        "text": f"Named (not designated) in a {r['agency']} release", "releases": [r],
                        "source": r["url"]})
    for f in p["defendants"]:
        out.append({"date": f["published"], "kind": "doj", "stage": stage_label(f["action"]),
                    "text": f"DOJ: {f['name']} — {stage_label(f['action'])['text']}"
                            + (f" ({f['district']})" if f.get("district") else ""),
                    "defendant": f, "source": f.get("url")})
    out.sort(key=lambda x: (x["date"] or "", x["kind"]))
    return out


# -- press release ----------------------------------------------------------------------
async def release(db, rid: str) -> dict | None:
    r = await one(db, "select * from press_releases where id = ?", [rid])
    if r is None:
        return None
    names = await rows(db, """
        select x.name_in_text, x.uid, x.role, x.matched_name, x.match_method, x.match_score, x.evidence,
               d.name as entry_name, d.entity_type
        from press_release_designations x left join designations d on d.uid = x.uid
        where x.press_release_id = ? order by x.role, x.name_in_text""", [rid])
    p = {"r": r, "countries": json_list(r.get("countries")), "components": json_list(r.get("components")),
         "drugs": json_list(r.get("drugs")), "topics": json_list(r.get("topics")),
         "designated": [n for n in names if n["role"] == "designated"],
         "mentioned": [n for n in names if n["role"] != "designated"]}
    p["cases"] = await rows(db, "select * from prosecutions where press_release_id = ? order by case_index", [rid])
    p["defendants"] = await rows(db, """
        select f.*, d.name as entry_name from defendants f left join designations d on d.uid = f.uid
        where f.press_release_id = ? order by f.prosecution_id, f.id""", [rid])
    for case in p["cases"]:
        case["defendants"] = [f for f in p["defendants"] if f["prosecution_id"] == case["id"]]
        case["stage"] = stage_label(case["action"])
    p["recent_actions"] = await rows(db, "select * from recent_actions where press_release_id = ? order by position", [rid])
    p["paragraphs"] = paragraphs(r.get("body_text") or r.get("summary") or "")
    flags = [("is_eo14059", "E.O. 14059 designations"), ("precursor_case", "precursor chemicals"),
             ("cartel_case", "cartel"), ("money_laundering", "money laundering"), ("online_sales", "online sales")]
    p["flags"] = [label for key, label in flags if r.get(key)]
    return p


def paragraphs(text: str) -> list[str]:
    """Release text as paragraphs: split on blank lines or single line breaks, whitespace tidied."""
    parts = [" ".join(p.split()) for p in text.replace("\r", "").split("\n")]
    return [p for p in parts if p]


# -- defendant and case -------------------------------------------------------------------
async def defendant(db, did: str) -> dict | None:
    f = await one(db, """
        select f.*, p.title, p.url, p.published as release_date, d.name as entry_name, d.ofac_url
        from defendants f left join press_releases p on p.id = f.press_release_id
        left join designations d on d.uid = f.uid where f.id = ?""", [did])
    if f is None:
        return None
    p = {"f": f, "stage": stage_label(f["action"])}
    p["case"] = await one(db, "select * from prosecutions where id = ?", [f["prosecution_id"]]) if f["prosecution_id"] else None
    p["case_across"] = (await one(db, "select * from cases where id = ?", [f["case_id"]])
                        if f.get("case_id") and await db.table_exists("cases") else None)
    p["candidates"] = await rows(db, """
        select c.*, d.name as entry_name from link_candidates c join designations d on d.uid = c.uid
        where c.defendant_id = ? order by c.match_score desc""", [did])
    p["history"] = await defendant_history(db, f)
    return p


async def defendant_history(db, f: dict) -> list[dict]:
    """The defendant's stages over time: the same case (`case_id`, when the database has
    cases) or else the same name in the same district, oldest first."""
    if f.get("case_id") is not None and await has_column(db, "defendants", "case_id"):
        found = await rows(db, """
            select f.id, f.name, f.action, f.published, f.district, f.prosecution_id, f.press_release_id, p.title, p.url
            from defendants f left join press_releases p on p.id = f.press_release_id
            where f.case_id = ? order by f.published, f.id""", [f["case_id"]])
    else:
        found = await rows(db, """
            select f.id, f.name, f.action, f.published, f.district, f.prosecution_id, f.press_release_id, p.title, p.url
            from defendants f left join press_releases p on p.id = f.press_release_id
            where f.name = ? and coalesce(f.district, '') = coalesce(?, '')
            order by f.published, f.id limit 50""", [f["name"], f.get("district")])
    for row in found:
        row["stage"] = stage_label(row["action"])
    return found


async def case(db, cid: str) -> dict | None:
    """A case: one defendant's case across releases (the `cases` table, when the database has
    it) or else one prosecution (a case as one release announced it)."""
    if await db.table_exists("cases"):
        c = await one(db, "select * from cases where id = ?", [cid])
        if c is not None:
            p = {"kind": "timeline", "c": c, "stage": stage_label(c.get("latest_stage")),
                 "furthest": stage_label(c.get("furthest_stage")), "timeline": json_list(c.get("timeline"))}
            for t in p["timeline"]:
                if isinstance(t, dict):
                    t["stage_label"] = stage_label(t.get("stage"))
            p["defendants"] = await rows(db, """
                select f.*, d.name as entry_name, p.title from defendants f
                left join designations d on d.uid = f.uid left join press_releases p on p.id = f.press_release_id
                where f.case_id = ? order by f.published, f.id""", [cid])
            return p
    c = await one(db, """select c.*, p.title, p.url, p.agency from prosecutions c
                         left join press_releases p on p.id = c.press_release_id where c.id = ?""", [cid])
    if c is None:
        return None
    p = {"kind": "prosecution", "c": c, "stage": stage_label(c["action"]), "statutes": json_list(c.get("statutes")),
         "drugs": json_list(c.get("drugs"))}
    p["defendants"] = await rows(db, """
        select f.*, d.name as entry_name from defendants f left join designations d on d.uid = f.uid
        where f.prosecution_id = ? order by f.id""", [cid])
    for f in p["defendants"]:
        f["stage"] = stage_label(f["action"])
        f["history"] = await defendant_history(db, f)
    return p
