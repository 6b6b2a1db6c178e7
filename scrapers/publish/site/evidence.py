"""A link's evidence (JSON in the `evidence` columns) as readable label/text pairs for the
profile pages. The JSON itself stays in the tables and in every .json page."""
from __future__ import annotations

import json

# Known keys, in reading order, with their labels; any other key follows, named as it is.
LABELS = {
    "name_in_text": "written",
    "matched_name": "list name",
    "name_method": "name matched by",
    "matched_form": "form matched",
    "rule": "rule",
    "via": "via",
    "facts": "corroborated by",
    "corroborated_by": "corroborated by",
    "contradictions": "contradicted by",
    "tie_broken_by": "tie broken by",
    "ambiguous_uids": "OFAC IDs bearing the name",
    "unlinked_reason": "not linked",
    "text_reason": "the text",
    "role_reason": "role",
    "conflict": "conflict",
    "authorities": "authorities",
    "sentence": "sentence",
    "markup": "found as",
    "short_forms": "short forms",
    "aliases_in_text": "aliases in the text",
    "variants": "variants",
    "joined_from": "joined from",
}
HIDDEN = {"text_role"}      # (the row's role says it)
MARKUP = {"strong": "bold", "asterisks": "between asterisks", "text": "plain text", "list-item": "a list item",
          "recent-actions": "an entry of the Recent Actions page"}
ENTRY_LISTS = {"ambiguous_uids"}      # OFAC IDs: shown as links to the entries


def evidence_items(raw: str | None) -> list[tuple[str, str | list[int]]]:
    """[(label, text)] of a JSON evidence object (for the OFAC IDs of ENTRY_LISTS, the list
    of IDs, to be linked); text that is not a JSON object is one unlabelled item; nothing (or
    an empty object) gives []."""
    if not raw:
        return []
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        return [("", str(raw))]
    if not isinstance(data, dict):
        return [("", str(raw))]
    keys = [k for k in LABELS if k in data] + sorted(k for k in data if k not in LABELS and k not in HIDDEN)
    out = []
    for key in keys:
        value = data[key]
        label = LABELS.get(key, key.replace("_", " "))
        if key in ENTRY_LISTS and isinstance(value, list) and value and all(isinstance(v, int) for v in value):
            out.append((label, value))
            continue
        text = MARKUP.get(value, value) if key == "markup" and isinstance(value, str) else _text(value)
        if text:
            out.append((label, text))
    return out


def _text(value) -> str:
    if value is None or value == [] or value == {} or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value if _text(v))
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_text(v)}" for k, v in value.items() if _text(v))
    return str(value)
