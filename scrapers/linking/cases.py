"""Case timelines: the same defendant in several DOJ releases (charged in 2023, pleaded guilty in
2024, sentenced in 2025) grouped into one row of `cases`, and each defendant row linked to it
(`defendants.case_id`).

Grouping is conservative -- two rows are one defendant's case only when
- they name the same person (same normalised full name, a company's legal form aside) in the
  same district, or
- they carry the same court case number in the same district and their names agree (one
  is the other's alias, or one name's words are the other's with the same surname);
and nothing contradicts it: two case numbers, ages that cannot belong to one person (the age
in a later release must be the earlier age plus the years between, give or take one), or
the same name twice in one release (two people). Contradicted groupings are not made: each
row keeps its own case and the pair goes to `case_review` (view `cases_to_review`), with the
reason, for a person to decide. Rows without a district are never grouped by name, nor are the
rows of a name found more than MAX_NAME_GROUP times in one district (listed for review).

A case's timeline lists its releases in order of publication (ties by release id): first and
latest stage with their dates, the furthest stage reached, the release ids in order.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from ..names import normalize_name, strip_legal_form
from ..sources.doj.charges import find_case_numbers
from ..sources.doj.recording import RANK  # (the stages' order, one list for extraction and cases)

MAX_NAME_GROUP = 25   # more rows than this with one name in one district: not grouped by name


def _key(name: str, is_company: int) -> str:
    k = normalize_name(name)
    return strip_legal_form(k) if is_company else k


def _case_key(number: str | None) -> str | None:
    """'1:23-cr-00045-ABC' -> '23-cr-45' (the division and office suffixes vary)."""
    if not number:
        return None
    found = find_case_numbers(number)
    return found[0][1] if found else None


def _names_agree(a: dict, b: dict) -> bool:
    """Same person by name, for rows sharing a case number: one is the other's alias, or the
    shorter name's words are all in the longer one and the surnames are the same."""
    ka, kb = a["key"], b["key"]
    if ka == kb or ka in b["aliases"] or kb in a["aliases"]:
        return True
    ta, tb = ka.split(), kb.split()
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(short) >= 2 and set(short) <= set(long_)


def _years_between(d1: str | None, d2: str | None) -> float | None:
    try:
        return (dt.date.fromisoformat(d2[:10]) - dt.date.fromisoformat(d1[:10])).days / 365.25
    except (TypeError, ValueError):
        return None


def _conflict(a: dict, b: dict) -> str | None:
    """Why rows a and b (a published first) cannot be one person's case, or None."""
    if a["release"] == b["release"]:
        return "the same name twice in one release"
    if a["case_key"] and b["case_key"] and a["case_key"] != b["case_key"]:
        return f"different case numbers ({a['case_number']} / {b['case_number']})"
    if a["age"] is not None and b["age"] is not None:
        years = _years_between(a["published"], b["published"])
        if years is not None and abs(b["age"] - a["age"] - years) > 1.5:
            return f"ages do not agree ({a['age']} on {a['published']}, {b['age']} on {b['published']})"
    return None


class _Groups:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def link_cases(db, ctx) -> dict:
    tables = set(db.table_names())
    if "defendants" not in tables or "cases" not in tables:
        return {}
    db.execute("delete from cases")
    db.execute("delete from case_review")
    db.execute("update defendants set case_id = null where case_id is not null")
    rows = []
    for d_id, rid, name, aka, age, is_co, action, district, published, number, url in db.execute(
            "select d.id, d.press_release_id, d.name, d.aka, d.age, d.is_company, d.action, d.district,"
            " coalesce(d.published, r.published), d.case_number, r.url from defendants d"
            " left join press_releases r on r.id = d.press_release_id"
            " order by coalesce(d.published, r.published), d.press_release_id, d.id").fetchall():
        rows.append({"id": d_id, "release": rid, "name": name, "key": _key(name or "", is_co), "age": age,
                     "aliases": {_key(a, is_co) for a in (aka or "").split("; ") if a},
                     "aka": aka, "is_company": is_co, "action": action or "other", "district": district,
                     "published": published, "case_number": number, "case_key": _case_key(number), "url": url})
    if not rows:
        return {"cases": 0, "case_reviews": 0}
    groups = _Groups(len(rows))
    # candidate pairs: same name in the same district; same case number in the same district
    by_name: dict[tuple, list[int]] = defaultdict(list)
    by_number: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["district"] and r["key"]:
            by_name[(r["key"], r["district"])].append(i)
            if r["case_key"]:
                by_number[(r["case_key"], r["district"])].append(i)
    reviews: dict[tuple[str, str], str] = {}
    candidates: list[tuple[int, int]] = []
    for (_name, district), members in by_name.items():
        if len(members) > MAX_NAME_GROUP:
            # a name this common in one district is grouped only by case number
            first = rows[members[0]]
            for b in members[1:]:
                reviews[(first["id"], rows[b]["id"])] = (
                    f"{len(members)} rows name {first['name']} in {district}: too common a name to group"
                    " without a case number")
            continue
        candidates += [(a, b) for k, a in enumerate(members) for b in members[k + 1:]]
    for members in by_number.values():
        candidates += [(a, b) for k, a in enumerate(members) for b in members[k + 1:]
                       if rows[a]["key"] != rows[b]["key"] and _names_agree(rows[a], rows[b])]
    # a grouping is made only if no two rows of the merged group contradict each other
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(rows))}
    for a, b in sorted(set(candidates)):
        ga, gb = groups.find(a), groups.find(b)
        if ga == gb:
            continue
        why = next((w for x in members_of[ga] for y in members_of[gb]
                    for w in [_conflict(*sorted((rows[x], rows[y]), key=lambda r: (r["published"] or "", r["id"])))]
                    if w), None)
        if why:
            reviews[(rows[a]["id"], rows[b]["id"])] = why
            continue
        groups.union(ga, gb)
        root = groups.find(ga)
        members_of[root] = sorted(members_of.pop(ga, []) + members_of.pop(gb, []))
    case_rows, updates = [], []
    for _root, members in sorted(members_of.items()):
        ms = [rows[i] for i in members]
        first, last = ms[0], ms[-1]
        case_id = "case:" + first["id"]
        timeline = [{"date": r["published"], "stage": r["action"], "release_id": r["release"], "url": r["url"],
                     "defendant_id": r["id"]} for r in ms]
        releases = list(dict.fromkeys(r["release"] for r in ms))
        akas = list(dict.fromkeys(a for r in ms for a in (r["aka"] or "").split("; ") if a))
        number = next((r["case_number"] for r in ms if r["case_number"]), None)
        case_rows.append({
            "id": case_id, "name": first["name"], "name_key": first["key"], "aka": "; ".join(akas) or None,
            "is_company": first["is_company"], "district": first["district"], "case_number": number,
            "first_stage": first["action"], "first_date": first["published"], "latest_stage": last["action"],
            "latest_date": last["published"], "furthest_stage": max((r["action"] for r in ms), key=lambda s: RANK.get(s, 0)),
            "release_count": len(releases), "releases": json.dumps(releases), "timeline": json.dumps(timeline),
        })
        updates += [(case_id, r["id"]) for r in ms]
    cols = list(case_rows[0])
    db.conn.executemany(f"insert into cases ({', '.join(cols)}) values ({', '.join('?' for _ in cols)})",
                        [tuple(r[c] for c in cols) for r in case_rows])
    db.conn.executemany("update defendants set case_id = ? where id = ?", updates)
    case_of = dict((d, c) for c, d in updates)
    db.conn.executemany(
        "insert or replace into case_review (defendant_id, other_defendant_id, case_id, other_case_id, reason)"
        " values (?, ?, ?, ?, ?)", [(a, b, case_of[a], case_of[b], why) for (a, b), why in sorted(reviews.items())])
    return {"cases": len(case_rows), "cases_across_releases": sum(1 for r in case_rows if r["release_count"] > 1),
            "case_reviews": len(reviews)}
