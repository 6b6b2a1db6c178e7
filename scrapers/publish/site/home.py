"""The home page's data: the latest designations and DOJ actions, the ways to browse
(countries, years, districts with counts from the build's facet_counts) and designations per
month with every month between the first and the last, empty ones included (a time axis that
hides empty months tells a different story)."""
from __future__ import annotations

import json

from .profiles import rows


async def home(db) -> dict:
    out = {}
    out["designations"] = await rows(db, """
        select uid, name, entity_type, countries, designated_on, designated_on_source from designations
        where designated_on > '' order by designated_on desc, uid desc limit 8""")
    for d in out["designations"]:
        try:
            d["countries"] = ", ".join(json.loads(d["countries"] or "[]"))
        except ValueError:
            pass
    out["cases"] = latest_releases(await rows(db, """
        select p.id, p.published, p.action, p.district, r.title, p.press_release_id
        from prosecutions p left join press_releases r on r.id = p.press_release_id
        order by p.published desc, p.id desc limit 40"""))
    counts = await rows(db, "select table_name, facet, value_json, count from facet_counts where facet in"
                            " ('countries', 'designation_year', 'district') and table_name in"
                            " ('designations', 'prosecutions') order by count desc")
    out["countries"] = [(json.loads(c["value_json"]), c["count"]) for c in counts
                        if c["table_name"] == "designations" and c["facet"] == "countries"][:12]
    out["years"] = sorted(((json.loads(c["value_json"]), c["count"]) for c in counts
                           if c["table_name"] == "designations" and c["facet"] == "designation_year"),
                          key=lambda yc: (yc[0] is None, -(yc[0] or 0)))
    out["districts"] = [(json.loads(c["value_json"]), c["count"]) for c in counts
                        if c["table_name"] == "prosecutions" and c["facet"] == "district"][:12]
    per_month = {r["month"]: r["n"] for r in await rows(db, """
        select substr(designated_on, 1, 7) as month, count(*) as n from designations
        where designated_on > '' group by month""")}
    out["months"] = month_series(per_month)
    out["top"] = max([m["count"] for m in out["months"]] + [1])
    out["bar"] = min(8, 900 // max(1, len(out["months"])))
    out["empty_months"] = sum(1 for m in out["months"] if not m["count"])
    total = (await db.execute("select count(*) as n from designations")).first()[0]
    out["undated"] = total - sum(per_month.values())
    return out


def latest_releases(cases: list[dict], limit: int = 8) -> list[dict]:
    """The latest DOJ actions, one line per release: its cases (each with its own stage and
    link) together, in the order given, at most `limit` releases."""
    out: dict[str, dict] = {}
    for c in cases:
        key = c["press_release_id"] or c["id"]
        if key not in out:
            if len(out) == limit:
                continue
            out[key] = {"published": c["published"], "title": c["title"], "press_release_id": c["press_release_id"],
                        "cases": [], "districts": []}
        out[key]["cases"].append(c)
        if c["district"] and c["district"] not in out[key]["districts"]:
            out[key]["districts"].append(c["district"])
    return list(out.values())


def month_series(per_month: dict[str, int]) -> list[dict]:
    """Every month from the first to the last with a count (0 for empty ones)."""
    months = sorted(m for m in per_month if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit())
    if not months:
        return []
    y, m = int(months[0][:4]), int(months[0][5:])
    end = (int(months[-1][:4]), int(months[-1][5:]))
    out = []
    while (y, m) <= end and len(out) < 600:
        key = f"{y:04d}-{m:02d}"
        out.append({"month": key, "count": per_month.get(key, 0)})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
