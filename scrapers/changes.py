"""What changed in one SDN entry, field by field: one vocabulary for the list history
(sources/sdn compares two versions) and OFAC's delta files (sources/deltas). Pure functions.

`field_changes(old, new)` compares an entry as the database holds it (its `designations`
row and child rows) with the same entry as the new version builds it (`parse.build_entry`)
and lists each difference as a dict:

    {"field": "address", "change": "added", "new": "Calle 1, Culiacan, Sinaloa, Mexico"}
    {"field": "alias", "change": "removed", "old": "EL FLACO"}
    {"field": "program", "change": "added", "new": "ILLICIT-DRUGS-EO14059"}
    {"field": "name", "change": "changed", "old": "...", "new": "..."}

so a change digest can say "address added", "alias removed", "program E.O. 14059 added".
"""
from __future__ import annotations

import json

# scalar columns of `designations`, in the order a digest lists them -> field name
SCALARS = (
    ("name", "name"), ("entity_type", "entity type"), ("title", "title"),
    ("date_of_birth", "date of birth"), ("place_of_birth", "place of birth"),
    ("nationality", "nationality"), ("citizenship", "citizenship"), ("gender", "gender"),
    ("call_sign", "call sign"), ("vessel_type", "vessel type"), ("tonnage", "tonnage"),
    ("grt", "gross registered tonnage"), ("vessel_flag", "vessel flag"), ("vessel_owner", "vessel owner"),
    ("organization_established", "organization established"),
    ("organization_type", "organization type"), ("target_type", "target type"),
    ("remarks_unparsed", "other remarks"),
)
CHILD_COLUMNS = {
    "aliases": ("alias_type", "alias"),
    "addresses": ("address", "city", "state_province", "postal_code", "country_as_written"),
    "identifiers": ("id_type", "id_value", "country"),
    "relationships": ("relation", "linked_name"),
}


def _program_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return list(value)
    try:
        out = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return out if isinstance(out, list) else []


def render(table: str, row: dict) -> str:
    """One child row as a digest writes it."""
    if table == "aliases":
        return f"{row.get('alias_type') or 'aka'} {row.get('alias')}"
    if table == "addresses":
        parts = [row.get("address"), row.get("city"), row.get("state_province"), row.get("postal_code"),
                 row.get("country_as_written") or row.get("country")]
        return ", ".join(p for p in parts if p) or "(empty address)"
    if table == "identifiers":
        text = f"{row.get('id_type')} {row.get('id_value')}"
        return f"{text} ({row['country']})" if row.get("country") else text
    if table == "relationships":
        return f"{row.get('relation') or 'Linked To'}: {row.get('linked_name')}"
    return json.dumps(row, sort_keys=True)


FIELD_OF = {"aliases": "alias", "addresses": "address", "identifiers": "identifier", "relationships": "linked to"}


def field_changes(old_row: dict, old_children: dict[str, list[dict]], new_row: dict,
                  new_children: dict[str, list[dict]], compare: tuple[str, ...] = tuple(CHILD_COLUMNS)) -> list[dict]:
    """Every difference between the old and the new state of one entry. `compare` names the
    child tables both states really hold (addresses only when both versions had add.csv)."""
    out: list[dict] = []
    for column, field in SCALARS:
        a, b = old_row.get(column) or None, new_row.get(column) or None
        if a == b:
            continue
        if a is None:
            out.append({"field": field, "change": "added", "new": b})
        elif b is None:
            out.append({"field": field, "change": "removed", "old": a})
        else:
            out.append({"field": field, "change": "changed", "old": a, "new": b})
    before, after = _program_list(old_row.get("programs")), _program_list(new_row.get("programs"))
    out += [{"field": "program", "change": "added", "new": p} for p in after if p not in before]
    out += [{"field": "program", "change": "removed", "old": p} for p in before if p not in after]
    for table in compare:
        keys = CHILD_COLUMNS[table]
        olds = {tuple(r.get(k) for k in keys): r for r in old_children.get(table, [])}
        news = {tuple(r.get(k) for k in keys): r for r in new_children.get(table, [])}
        field = FIELD_OF[table]
        out += [{"field": field, "change": "removed", "old": render(table, olds[k])} for k in olds if k not in news]
        out += [{"field": field, "change": "added", "new": render(table, news[k])} for k in news if k not in olds]
    return out


def summary(changes: list[dict]) -> str:
    """'address added; alias removed; program ILLICIT-DRUGS-EO14059 added'."""
    parts = []
    for c in changes:
        if c["field"] == "program":
            parts.append(f"program {c.get('new') or c.get('old')} {c['change']}")
        else:
            parts.append(f"{c['field']} {c['change']}")
    return "; ".join(dict.fromkeys(parts))
