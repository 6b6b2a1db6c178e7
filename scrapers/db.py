"""The database schema, in one place: tables, keys, indexes, full-text search and views.

Tables are created with explicit columns and primary keys (natural keys from the sources,
so a rebuild from the archive reproduces every row exactly). Sources write with
sqlite-utils `insert_all`/`upsert_all`; `finalize` adds FTS, indexes and views after the
data is in.
"""
from __future__ import annotations

import hashlib
import json
import operator
import sqlite3
from pathlib import Path

import sqlite_utils

from .gcpause import paused_gc

SCHEMA_VERSION = 13

TABLES: dict[str, dict] = {
    "designations": dict(columns={
        "uid": int, "name": str, "entity_type": str, "programs": str, "countries": str,
        "country_codes": str, "nationality": str, "citizenship": str, "date_of_birth": str,
        "dates_of_birth": str, "place_of_birth": str, "gender": str, "title": str,
        "call_sign": str, "vessel_type": str, "tonnage": str, "grt": str, "vessel_flag": str,
        "vessel_owner": str, "organization_established": str, "organization_type": str,
        "target_type": str, "remarks": str, "remarks_unparsed": str, "aliases_text": str,
        "listed": int, "first_seen": str, "last_seen": str, "removed_on": str,
        "designated_on": str, "designated_on_source": str, "designated_after": str,
        "designated_before": str, "designation_year": int, "ofac_url": str, "content_hash": str,
        # the evidence of designated_on (URL or archived file, and its sha256), and the date the
        # entry entered the SDN list at all (differs for re-tags: on the list under another
        # program first); all from scrapers/linking/dates.py
        "designated_on_evidence": str, "designated_on_sha256": str,
        "sdn_listed_on": str, "sdn_listed_on_source": str,
    }, pk="uid"),
    "aliases": dict(columns={
        "uid": int, "alias": str, "alias_type": str, "quality": str, "source": str, "alt_num": int,
    }, pk=("uid", "alias_type", "alias"), foreign_keys=[("uid", "designations", "uid")]),
    "addresses": dict(columns={
        "uid": int, "add_num": int, "address": str, "city": str, "state_province": str,
        "postal_code": str, "country": str, "country_code": str, "country_as_written": str,
        "remarks": str,
    }, pk=("uid", "add_num"), foreign_keys=[("uid", "designations", "uid")]),
    "identifiers": dict(columns={
        "uid": int, "id_type": str, "id_value": str, "country": str, "country_code": str,
        "issued": str, "expires": str, "details": str,
    }, pk=("uid", "id_type", "id_value"), foreign_keys=[("uid", "designations", "uid")]),
    "relationships": dict(columns={
        "uid": int, "relation": str, "linked_name": str, "linked_uid": int,
    }, pk=("uid", "relation", "linked_name"), foreign_keys=[("uid", "designations", "uid")]),
    # kind 'list': a whole published version (sources/sdn); 'delta': one of OFAC's delta files
    # (sources/deltas; id YYYYMMDDNN from its file name, `publication` the file name)
    "list_observations": dict(columns={
        "id": int, "observed_on": str, "batch_id": int, "files": str, "programs": str,
        "entries_total": int, "entries_in_scope": int, "individuals": int, "entities": int,
        "vessels": int, "aircraft": int, "added": int, "removed": int, "changed": int,
        "kind": str, "publication": str,
    }, pk="id"),
    # details.changes: [{field, change: added|removed|changed, old, new}]; source: list-diff | delta-file
    "list_events": dict(columns={
        "observation_id": int, "uid": int, "event": str, "observed_on": str, "name": str,
        "details": str, "source": str,
    }, pk=("observation_id", "uid", "event"),
        foreign_keys=[("uid", "designations", "uid"), ("observation_id", "list_observations", "id")]),
    "press_releases": dict(columns={
        # short columns (the facets) before the long texts: reading a release's facet values
        # then stops at its first page instead of following its text's overflow pages
        "id": str, "agency": str, "url": str, "title": str, "published": str, "year": int,
        "is_eo14059": int, "mentions_fentanyl": int, "precursor_case": int, "cartel_case": int,
        "money_laundering": int, "online_sales": int, "district": str, "countries": str,
        "components": str, "office": str, "drugs": str, "topics": str, "number": str,
        "recent_actions_url": str, "changed": str, "fetched_at": str, "archive_sha256": str,
        "summary": str, "eo14059_evidence": str, "body_text": str, "body_html": str,
    }, pk="id"),
    "press_release_designations": dict(columns={
        "press_release_id": str, "name_in_text": str, "uid": int, "matched_name": str,
        "role": str, "match_method": str, "match_score": float, "evidence": str, "countries": str,
    }, pk=("press_release_id", "name_in_text"),
        foreign_keys=[("press_release_id", "press_releases", "id"), ("uid", "designations", "uid")]),
    "release_names": dict(columns={
        "press_release_id": str, "position": int, "name": str, "lookup": str, "markup": str, "role": str,
        "reason": str, "sentence": str, "short_forms": str, "aliases": str, "variants": str, "pieces": str,
        "countries": str, "heading_only": int, "authorities": str,
    }, pk=("press_release_id", "position"), foreign_keys=[("press_release_id", "press_releases", "id")]),
    "release_links": dict(columns={
        "press_release_id": str, "url": str, "anchor_text": str, "kind": str,
    }, pk=("press_release_id", "url"), foreign_keys=[("press_release_id", "press_releases", "id")]),
    "recent_actions": dict(columns={
        "url": str, "position": int, "action_date": str, "entry_text": str, "name": str,
        "programs": str, "uid": int, "match_method": str, "press_release_id": str, "section": str,
        "entity_type": str, "aliases": str, "identifiers": str, "linked_releases": str,
    }, pk=("url", "position"),
        foreign_keys=[("uid", "designations", "uid"), ("press_release_id", "press_releases", "id")]),
    "prosecutions": dict(columns={
        "id": str, "press_release_id": str, "case_index": int, "action": str, "district": str,
        "statutes": str, "drugs": str, "sentence_months": float, "published": str, "year": int,
        "defendant_count": int, "charges": str, "case_title": str, "mentions_fentanyl": int,
    }, pk="id", foreign_keys=[("press_release_id", "press_releases", "id")]),
    "defendants": dict(columns={
        "id": str, "press_release_id": str, "prosecution_id": str, "name": str, "age": int,
        "residence": str, "nationality": str, "country_code": str, "is_company": int,
        "action": str, "sentence_months": float, "district": str, "published": str,
        "uid": int, "match_method": str, "match_score": float, "evidence": str,
        "aka": str, "residence_country": str, "sentence_text": str, "organizations": str,
        "text_evidence": str, "case_number": str, "case_id": str,
    }, pk="id", foreign_keys=[("press_release_id", "press_releases", "id"),
                              ("prosecution_id", "prosecutions", "id"), ("uid", "designations", "uid")]),
    # one row per defendant and case, across releases (scrapers/linking/cases.py)
    "cases": dict(columns={
        "id": str, "name": str, "name_key": str, "aka": str, "is_company": int, "district": str,
        "case_number": str, "first_stage": str, "first_date": str, "latest_stage": str, "latest_date": str,
        "furthest_stage": str, "release_count": int, "releases": str, "timeline": str,
    }, pk="id"),
    # groupings the case pass would not make on its own (same name and district, conflicting facts)
    "case_review": dict(columns={
        "defendant_id": str, "other_defendant_id": str, "case_id": str, "other_case_id": str, "reason": str,
    }, pk=("defendant_id", "other_defendant_id"),
        foreign_keys=[("defendant_id", "defendants", "id"), ("other_defendant_id", "defendants", "id")]),
    "link_candidates": dict(columns={
        "defendant_id": str, "uid": int, "match_method": str, "match_score": float,
        "evidence": str, "reason": str,
    }, pk=("defendant_id", "uid"),
        foreign_keys=[("defendant_id", "defendants", "id"), ("uid", "designations", "uid")]),
    # two sources dating one designation more than a day apart (scrapers/linking/dates.py): the
    # date kept (chosen_*) and the one that disagrees (other_*); press_release_id, list_date*,
    # release_date: the same pair in the columns of the first version of this table
    "conflicts": dict(columns={
        "uid": int, "press_release_id": str, "list_date": str, "list_date_source": str,
        "release_date": str, "days_apart": int, "note": str, "field": str,
        "chosen_source": str, "chosen_date": str, "chosen_evidence": str,
        "other_source": str, "other_date": str, "other_evidence": str,
    }, pk=("uid", "field", "other_source", "other_evidence"),
        foreign_keys=[("uid", "designations", "uid"), ("press_release_id", "press_releases", "id")]),
    # every date a source gives for an entry (derived: scrapers/linking/dates.py): kind 'program'
    # (came under the tracked program) or 'list' (entered the SDN list); `on` a day or
    # "after..before"; rank 1 strongest; chosen = 1 for the one the entry carries
    "designation_dates": dict(columns={
        "uid": int, "kind": str, "source": str, "on": str, "date": str, "after": str, "before": str,
        "rank": int, "evidence": str, "sha256": str, "detail": str, "chosen": int,
    }, pk=("uid", "kind", "source", "evidence", "on"), foreign_keys=[("uid", "designations", "uid")]),
    # SDN_ENHANCED.XML (sources/enhanced): each tracked entity's lists and their datePublished
    "enhanced_entries": dict(columns={
        "uid": int, "list_name": str, "date_published": str, "name": str, "entity_type": str,
        "programs": str, "data_as_of": str, "evidence": str, "sha256": str,
    }, pk=("uid", "list_name")),
    # OFAC's delta files (sources/deltas): every file an archive listing named or we fetched
    "delta_files": dict(columns={
        "name": str, "published_on": str, "year": int, "listed": int, "fetched": int, "url": str,
        "sha256": str, "publication_type": str, "observation_id": int, "entities": int,
    }, pk="name"),
    # Federal Register notices of OFAC actions (sources/fedreg) and the entries each lists
    "fr_documents": dict(columns={
        "document_number": str, "title": str, "type": str, "publication_date": str, "effective_on": str,
        "action_dates": str, "html_url": str, "body_url": str, "body_sha256": str, "abstract": str,
        "dates_text": str, "is_eo14059": int, "entries": int,
    }, pk="document_number"),
    "fr_entries": dict(columns={
        "document_number": str, "position": int, "action_date": str, "section": str, "entry_text": str,
        "name": str, "programs": str, "entity_type": str, "uid": int, "match_method": str,
    }, pk=("document_number", "position"),
        foreign_keys=[("document_number", "fr_documents", "document_number"), ("uid", "designations", "uid")]),
    "errors": dict(columns={
        "id": int, "source": str, "location": str, "row": str, "reason": str, "batch_id": int,
        "recorded_at": str,
    }, pk="id"),
    "build_info": dict(columns={"key": str, "value": str}, pk="key"),
    # every uid on the latest list version, any program (sources/sdn: an entry entering the
    # tracked programs while already on the list is a re-tag)
    "sdn_list_uids": dict(columns={"uid": int}, pk="uid"),
    # -- per-build tables for the site (finalize): facet counts of whole tables, name search --
    "facet_counts": dict(columns={
        "table_name": str, "term": str, "facet": str, "value_json": str, "count": int,
    }, pk=("table_name", "term", "facet", "value_json")),
    "facet_group_terms": dict(columns={"table_name": str, "term": str, "groups": int, "rows": int},
                              pk=("table_name", "term")),
    "search_names": dict(columns={
        "id": int, "kind": str, "ref": str, "name": str, "label": str,
    }, pk="id"),
    "search_keys": dict(columns={"key": str, "name_id": int}, pk=("key", "name_id")),
}

INDEXES = [
    ("designations", ["listed"]), ("designations", ["entity_type"]),
    ("designations", ["designated_on"]), ("designations", ["designation_year"]),
    ("designations", ["first_seen"]), ("aliases", ["alias"]), ("identifiers", ["id_value"]),
    ("relationships", ["linked_uid"]), ("list_events", ["uid"]), ("list_events", ["observed_on"]),
    ("press_releases", ["agency", "published"]), ("press_releases", ["published"]),
    ("press_releases", ["url"]),
    # the release facets: covering indexes in FACET_INDEXES
    ("press_releases", ["is_eo14059"]), ("press_releases", ["office"]),
    ("press_releases", ["district"]),  # unfiltered district facet: a smaller index to scan
    ("press_release_designations", ["uid"]), ("press_release_designations", ["role"]),
    ("prosecutions", ["press_release_id"]), ("prosecutions", ["action"]),
    ("prosecutions", ["district"]), ("prosecutions", ["year"]),
    ("defendants", ["press_release_id"]), ("defendants", ["uid"]), ("defendants", ["action"]),
    ("defendants", ["name"]), ("recent_actions", ["uid"]), ("errors", ["source"]),
    # Datasette: row pages count the rows pointing at an entry, facets and default sorts
    ("defendants", ["prosecution_id"]), ("defendants", ["district"]), ("defendants", ["published"]),
    ("prosecutions", ["published"]), ("link_candidates", ["uid"]), ("conflicts", ["press_release_id"]),
    ("recent_actions", ["press_release_id"]), ("list_events", ["event"]),
    ("defendants", ["case_id"]), ("cases", ["district"]), ("cases", ["name_key"]), ("cases", ["latest_date"]),
    ("designation_dates", ["source"]), ("designation_dates", ["chosen"]), ("fr_entries", ["uid"]),
    ("fr_entries", ["action_date"]), ("list_observations", ["kind", "observed_on"]),
    # the site: search_keys is looked up by key (its primary key); names by kind and ref
    ("search_names", ["kind", "ref"]), ("list_events", ["observed_on", "event"]),
    ("prosecutions", ["published", "id"]),
    # a release page filtered by one of these, in its default order (id): walked in page order
    # and stopped after one page (a search for a common word: publish/dense_terms.py)
    ("press_releases", ["year", "id"]), ("press_releases", ["agency", "id"]), ("press_releases", ["district", "id"]),
]

# Indexes the sources' apply() look rows up by, created with the tables: a full rebuild starts
# from an empty database and INDEXES come only with finalize(), so without these every DOJ
# release stored meant a full scan of press_releases by url (quadratic: 11 min for 250,000).
LOOKUP_INDEXES = [("press_releases", ["url"]), ("prosecutions", ["press_release_id"]),
                  ("defendants", ["press_release_id"])]

FTS = {
    "designations": ["name", "aliases_text", "remarks"],
    "press_releases": ["title", "body_text"],
    "defendants": ["name", "residence"],
}
# Accents and case never matter ("guzman" finds "GUZMÁN"). Prose (releases) is also stemmed
# ("sanctioning" finds "sanctioned"); names are not (stemming only blurs them).
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
FTS_TOKENIZE_NAMES = "unicode61 remove_diacritics 2"
FTS_TOKENIZERS = {"designations": FTS_TOKENIZE_NAMES, "defendants": FTS_TOKENIZE_NAMES,
                  "press_releases": FTS_TOKENIZE}

def create_schema(db: sqlite_utils.Database) -> None:
    for name, spec in TABLES.items():
        if name in db.table_names():
            continue
        db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                        not_null=None)
    for table, cols in LOOKUP_INDEXES:
        db[table].create_index(cols, if_not_exists=True)
    db["build_info"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def finalize(db: sqlite_utils.Database) -> None:
    """Indexes, FTS (with triggers, so later writes keep it current) and views."""
    from .views import VIEWS

    build_name_search(db)   # first: its index on (kind, ref) is then built once, not row by row
    for table, cols in INDEXES:
        db[table].create_index(cols, if_not_exists=True)
    for table, cols in FTS.items():
        if f"{table}_fts" not in db.table_names():
            db[table].enable_fts(cols, create_triggers=True, tokenize=FTS_TOKENIZERS.get(table, FTS_TOKENIZE),
                                 replace=True)
    for name in list(db.view_names()):
        if name in VIEWS:
            db.execute(f"drop view {name}")
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    for table, leads in FACET_INDEXES.items():
        for lead, cols in leads.items():
            db.execute(f"create index if not exists [{facet_index_name(table, lead)}] on [{table}]"
                       f" ({', '.join(f'[{c}]' for c in cols)})")
    fill_components(db)
    precompute_facet_counts(db)


# -- per-build tables for the site ---------------------------------------------------------
# Facets whose whole-table counts are computed once per build (the site's unfiltered table
# pages read them instead of counting 250,000 rows per request: scrapers/publish/facets.py).
# Must name the same columns as the `facets` of these tables in metadata.yml (tested).
FACETS: dict[str, dict[str, list[str]]] = {
    "designations": {"array": ["countries", "programs"],
                     "column": ["entity_type", "designation_year", "listed"]},
    "press_releases": {"array": ["countries", "components"],
                       "column": ["agency", "year", "is_eo14059", "precursor_case", "cartel_case",
                                  "money_laundering", "online_sales", "district"]},
    "prosecutions": {"array": [], "column": ["action", "district", "year"]},
    "defendants": {"array": [], "column": ["action", "district", "match_method"]},
}
# Covering indexes of every FACETS column of a table, one led by each column its pages are
# most often filtered on: a table page's one grouped count (publish/shared_counts.py) reads
# the index (INDEXED BY, grouped in the index's order) instead of rows holding release texts.
FACET_INDEXES: dict[str, dict[str, list[str]]] = {
    "press_releases": {lead: [lead] + [c for c in ("agency", "year", "district") if c != lead]
                       + ["is_eo14059", "precursor_case", "cartel_case", "money_laundering", "online_sales",
                          "countries", "components"] for lead in ("agency", "year", "district")},
    "designations": {"entity_type": ["entity_type", "designation_year", "listed", "countries", "programs"]},
    "prosecutions": {"action": ["action", "district", "year"], "district": ["district", "action", "year"],
                     "year": ["year", "action", "district"]},
    "defendants": {"action": ["action", "district", "match_method"], "district": ["district", "action", "match_method"]},
}


def facet_index_name(table: str, lead: str) -> str:
    return f"facets_{table}_{lead}"


UNKNOWN_ARRAY = "({c} is null or {c} in ('', '[]') or not json_valid({c}))"


def fill_components(db: sqlite_utils.Database) -> None:
    """press_releases.components: the components of a release as a JSON list (`office` holds
    them joined with "; "), so they facet one by one. DOJ rows are written with it; this fills
    the rest (Treasury's office, databases built before the column existed)."""
    rows = db.execute("select rowid, office from press_releases where office is not null"
                      " and components is null").fetchall()
    db.conn.executemany("update press_releases set components = ? where rowid = ?", [
        (json.dumps([p.strip() for p in office.split(";") if p.strip()], ensure_ascii=False), rowid)
        for rowid, office in rows])


# Words found in at least this share of a table's rows (and at least DENSE_MIN_ROWS rows) get
# their search's facet counts precomputed too (publish/dense_terms.py), at most DENSE_MAX_TERMS.
DENSE_SHARE = 0.05
DENSE_MIN_ROWS = 1000
DENSE_MAX_TERMS = 300


def grouped_sql(table: str, where: str, cols: list[str], index: str | None = None) -> str:
    """One query counting the rows of `table` matching `where` per combination of `cols`."""
    sel = ", ".join(f"[{c}]" for c in cols)
    hint = f" indexed by [{index}]" if index else ""
    return f"select {sel}, count(*) from [{table}]{hint} {where} group by {sel}"


def aggregate_facets(rows, cols: list[str], spec: dict) -> dict:
    """{"count", "column": {col: {value: n}}, "array": {col: {item: n}}} from grouped_sql rows
    (arrays: each row counted once per distinct item; None = unknown: no list, empty, not JSON)."""
    from collections import Counter

    out = {"count": 0, "column": {c: Counter() for c in spec["column"]}, "array": {c: Counter() for c in spec["array"]}}
    position = {c: i for i, c in enumerate(cols)}
    parsed: dict = {}
    for row in rows:
        count = row[-1]
        out["count"] += count
        for col in spec["column"]:
            out["column"][col][row[position[col]]] += count
        for col in spec["array"]:
            text = row[position[col]]
            items = parsed.get(text)
            if items is None:
                items = parsed[text] = _list_items(text)
            for item in items or (None,):
                out["array"][col][item] += count
    return out


def _list_items(text) -> tuple:
    if not isinstance(text, str) or not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(v for v in value if not isinstance(v, (list, dict))))


def _facet_index(db, table: str) -> tuple[str | None, list[str]]:
    spec = FACETS[table]
    for lead, cols in (FACET_INDEXES.get(table) or {}).items():
        return facet_index_name(table, lead), cols
    return None, spec["column"] + spec["array"]


def groups_table(table: str) -> str:
    return f"facet_groups_{table}"


# facet_groups_<table> (precompute_facet_counts): the term, every facet column with the type it
# has in its table (so a page's filter compares values the same way on both), the group's rows
for _table in FACETS:
    _cols = _facet_index(None, _table)[1]
    TABLES[groups_table(_table)] = dict(columns={
        "_group": int, "_term": str, **{c: TABLES[_table]["columns"][c] for c in _cols}, "_rows": int,
    }, pk="_group")
    INDEXES.append((groups_table(_table), ["_term"]))


def _counts_rows(table: str, term: str, counts: dict) -> list[tuple]:
    out = [(table, term, "", "null", counts["count"])]
    for kind in ("column", "array"):
        for col, values in counts[kind].items():
            out += [(table, term, col, json.dumps(v, ensure_ascii=False), n) for v, n in values.items() if n]
    return out


GROUPS_MAX = 20_000  # combinations of facet values kept per term (facet_groups_*)
GROUPS_SHARE = 0.1  # ... and at most this share of the rows they count


def precompute_facet_counts(db: sqlite_utils.Database) -> None:
    """facet_counts: per table, the count of every facet value over the whole table (term '')
    and over the matches of each word most rows contain (term: its full-text term). value_json
    is the value as JSON; null = unknown (NULL, or for lists: empty or not JSON); facet '' holds
    the row count.

    facet_groups_<table>: the same rows grouped by every facet column at once (one row per
    combination of values, `_rows` the rows holding it), per term, so a page filtered on facet
    columns -- with or without one of these words searched -- is counted from a few hundred
    groups instead of its rows (publish/shared_counts.py). Kept only where grouping pays:
    at most GROUPS_MAX combinations and GROUPS_SHARE of the rows counted; facet_group_terms
    lists the terms kept."""
    db.execute("delete from facet_counts")
    db.execute("delete from facet_group_terms")
    out = []
    for table, spec in FACETS.items():
        index, cols = _facet_index(db, table)
        db.execute(f"delete from [{groups_table(table)}]")
        rows = db.execute(grouped_sql(table, "", cols, index)).fetchall()
        out += _counts_rows(table, "", aggregate_facets(rows, cols, spec))
        _keep_groups(db, table, "", cols, rows)
        fts = f"{table}_fts"
        total = db.execute(f"select count(*) from [{table}]").fetchone()[0]
        if fts not in db.table_names() or total * DENSE_SHARE < DENSE_MIN_ROWS:
            continue
        db.execute(f"create virtual table if not exists temp.dense_vocab using fts5vocab(main, [{fts}], 'row')")
        try:
            terms = db.execute("select term, doc from temp.dense_vocab where doc >= ? order by doc desc, term limit ?",
                               [total * DENSE_SHARE, DENSE_MAX_TERMS]).fetchall()
        finally:
            db.execute("drop table temp.dense_vocab")
        where = f"where rowid in (select rowid from [{fts}] where [{fts}] match ?)"
        for term, docs in terms:
            rows = db.execute(grouped_sql(table, where, cols, index), ['"' + term + '"']).fetchall()
            counts = aggregate_facets(rows, cols, spec)
            if counts["count"] == docs:  # the term, searched, finds exactly its documents
                out += _counts_rows(table, term, counts)
                _keep_groups(db, table, term, cols, rows)
    db.conn.executemany("insert into facet_counts (table_name, term, facet, value_json, count) values (?, ?, ?, ?, ?)",
                        out)


def _keep_groups(db: sqlite_utils.Database, table: str, term: str, cols: list[str], rows: list[tuple]) -> None:
    counted = sum(r[-1] for r in rows)
    if not rows or len(rows) > GROUPS_MAX or len(rows) > GROUPS_SHARE * counted:
        return
    names = ", ".join(["[_term]"] + [f"[{c}]" for c in cols] + ["[_rows]"])
    db.conn.executemany(f"insert into [{groups_table(table)}] ({names}) values ({', '.join('?' * (len(cols) + 2))})",
                        [(term, *r) for r in rows])
    db.conn.execute("insert into facet_group_terms (table_name, term, groups, rows) values (?, ?, ?, ?)",
                    (table, term, len(rows), counted))


@paused_gc()    # a row and its keys per name (gcpause.py)
def build_name_search(db: sqlite_utils.Database) -> None:
    """search_names / search_keys: every name a person may type -- SDN names and aliases,
    defendants -- with the phonetic key of each word (names.phonetic_keys), for the site's
    search that forgives typos, accents, word order and transliterations."""
    from .names import phonetic_keys

    db.execute("delete from search_names")
    db.execute("delete from search_keys")
    names: list[tuple] = []
    for uid, name in db.execute("select uid, name from designations order by uid"):
        names.append(("entry", str(uid), name, name))
    for uid, alias, label in db.execute("select a.uid, a.alias, d.name from aliases a join designations d"
                                        " on d.uid = a.uid order by a.uid, a.alias_type, a.alias"):
        names.append(("entry", str(uid), alias, label))
    for did, name in db.execute("select id, name from defendants where name is not null order by id"):
        names.append(("defendant", did, name, name))
    keys = []
    rows = []
    for i, (kind, ref, name, label) in enumerate(names, 1):
        rows.append((i, kind, ref, name, label))
        keys += [(k, i) for k in phonetic_keys(name or "")]
    db.conn.executemany("insert into search_names (id, kind, ref, name, label) values (?, ?, ?, ?, ?)", rows)
    db.conn.executemany("insert or ignore into search_keys (key, name_id) values (?, ?)", keys)


def bulk_insert(db: sqlite_utils.Database, table: str, rows: list[dict], *, replace: bool = True,
                sparse: bool = False) -> int:
    """INSERT (OR REPLACE) many rows whose values are already SQLite-ready (JSON columns
    serialised by the caller). The hot path of big imports: one executemany per table,
    without sqlite-utils' per-value type inspection. Tables must exist (create_schema).

    sparse=True, for wide rows that are mostly NULL (designations: vessel fields on a person,
    dates of birth on a company...): binding a value costs about as much as storing it, so
    rows are written grouped by the columns they fill and the others take the column's NULL.
    Same rows, faster (BENCHMARKS.md, "SDN import"), but written out of their order: only for
    tables keyed by their own INTEGER PRIMARY KEY, where the order cannot show."""
    if not rows:
        return 0
    cols = list(rows[0].keys())
    uniform = all(len(r) == len(cols) for r in rows)
    if not uniform:
        cols = list(dict.fromkeys(k for r in rows for k in r))
    verb = "insert or replace" if replace else "insert"
    if sparse:
        groups: dict[tuple, list] = {}
        for r in rows:
            groups.setdefault(tuple([k for k, v in r.items() if v is not None]) or tuple(cols), []).append(r)
        for keys, group in groups.items():
            sql = f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in keys)}) values ({', '.join('?' * len(keys))})"
            getter = operator.itemgetter(*keys)
            db.conn.executemany(sql, map(getter, group) if len(keys) > 1 else ((getter(r),) for r in group))
        return len(rows)
    sql = f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"
    if uniform and len(cols) > 1:
        getter = operator.itemgetter(*cols)
        try:
            db.conn.executemany(sql, map(getter, rows))
            return len(rows)
        except KeyError:
            pass  # same number of keys but not the same keys: take the general path
    db.conn.executemany(sql, [tuple(r.get(c) for c in cols) for r in rows])
    return len(rows)


def set_info(db: sqlite_utils.Database, **values) -> None:
    db["build_info"].upsert_all([{"key": k, "value": v if isinstance(v, str) else json.dumps(v)}
                                 for k, v in values.items()], pk="key")


def get_info(db: sqlite_utils.Database, key: str, default=None):
    try:
        row = db.execute("select value from build_info where key = ?", [key]).fetchone()
    except sqlite3.OperationalError:
        return default
    return row[0] if row else default


CONTENT_EXCLUDE = {"build_info"}


def content_hashes(path: Path | str) -> dict[str, tuple[int, str]]:
    """Row count and a sha256 of the sorted rows of every content table (FTS shadow tables
    and build metadata excluded): two databases with equal hashes hold the same data."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            " and name not like '%_fts%' order by name")]
        out = {}
        for name in names:
            if name in CONTENT_EXCLUDE:
                continue
            cols = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
            if name == "errors":
                cols = [c for c in cols if c not in ("id", "recorded_at")]
            sel = ", ".join(f"[{c}]" for c in cols)
            digest = hashlib.sha256()
            count = 0
            for row in conn.execute(f"select {sel} from [{name}] order by {sel}"):
                digest.update(json.dumps(row, default=str).encode())
                count += 1
            out[name] = (count, digest.hexdigest())
        return out
    finally:
        conn.close()
