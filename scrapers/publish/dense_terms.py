"""Searches for a word most rows contain (part of the tracker-facets plugin).

A table search for a common word (`press_releases?_search=fentanyl`: 93% of the benchmark's
250,000 releases) is slow in two places no index can fix: counting and faceting 230,000
matches, and the page's first rows (Datasette's `rowid in (match)` reads every match, then
sorts them). For the words in at least DENSE_SHARE of a table's rows, every build stores the
facet counts of that word's matches (db.precompute_dense_terms -> facet_counts with `term`),
and here:

- `dense_term()` says whether a plain search (one word, Datasette's default mode) is such a
  word: the word's full-text term is one of the stored ones (a stored term that begins the
  word -- prose is stemmed: "sentenced" -> "sentenc"), checked by counting the word's
  matches, which must equal the stored total (so a wrong stem can never lend its counts);
- `rewrite_rows_sql()` makes the rows query of such a search walk the table in page order and
  stop after one page of matches instead of collecting and sorting every match: with a
  correlated EXISTS when at least half the rows match (a few probes of the full-text index
  per row shown), else, for the search alone, with the match list built once and probed
  (`+rowid in (...)`: the `+` keeps SQLite from reading the matches by rowid). With filters
  on facet columns as well (`?_search=fentanyl&year=2024`), shared_counts._rows_sql decides
  from the stored groups (facet_groups_<table>) how many of the filtered rows hold the word;
- `split_search()` takes the search out of a page's where clause, so the rest can be applied
  to those groups (counts of a filtered page: shared_counts._stored).
Anything else keeps Datasette's own SQL.
"""
from __future__ import annotations

import re

from ..names import fold_accents

_SEARCH_CLAUSE = re.compile(
    r"(\[?\w+\]?) in \(select rowid from (\[?\w+\]?) where \2 match escape_fts\(:search\)\)")
_WORD = re.compile(r"^[0-9a-z]+$")
# What a build stored for the site and every request reads (its dense terms, its facet groups'
# terms), loaded once per database connection: {(id(db), connection key): {name: data}}.
_BUILD_DATA: dict[tuple, dict[str, object]] = {}
_BUILD_DATA_MAX = 16


async def build_data(db, name: str, load):
    """`await load(db)`, once per database (a swapped build is a new database object)."""
    key = (id(db), getattr(db, "connection_key", "base"))
    mine = _BUILD_DATA.get(key)
    if mine is None:
        if len(_BUILD_DATA) >= _BUILD_DATA_MAX:
            _BUILD_DATA.clear()
        mine = _BUILD_DATA[key] = {}
    if name not in mine:
        mine[name] = await load(db)
    return mine[name]


def conjuncts(text: str) -> list[str] | None:
    """The terms of a where clause joined by AND at its top level (outside brackets, quotes and
    parentheses), or None when an OR stands at the top level: Datasette joins its clauses, and
    any `_where=`, with a bare " and ", so only then is each term a condition on its own."""
    out, depth, quote, start, i, low = [], 0, "", 0, 0, text.lower()
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch == "[":
            quote = "]"
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            if low.startswith("or", i) and not _word_goes_on(text, i + 2):
                return None
            if low.startswith("and", i) and not _word_goes_on(text, i + 3):
                out.append(text[start:i].strip())
                start = i + 3
        i += 1
    if quote or depth:
        return None
    out.append(text[start:].strip())
    return out


def _word_goes_on(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


_NOT_A_GROUP_COLUMN = re.compile(r"\b(rowid|oid|_rowid_|_group|_term|_rows)\b", re.I)


def split_search(where: str) -> tuple[re.Match | None, str] | None:
    """(Datasette's plain search clause, or None; the rest of the where clause) when the
    search is one top-level conjunct and the rest can be applied to facet_groups_<table>
    (no OR at the top level, no rowid). None otherwise."""
    text = where.strip()
    if text[:6].lower() == "where ":
        text = text[6:].strip()
    parts = conjuncts(text) if text else []
    if parts is None or any(not p for p in parts):
        return None
    found = [(p, _SEARCH_CLAUSE.fullmatch(p)) for p in parts]
    clauses = [m for _, m in found if m]
    if len(clauses) > 1:
        return None
    rest = " and ".join(p for p, m in found if not m)
    if _NOT_A_GROUP_COLUMN.search(rest) or "match" in rest.lower():
        return None
    return (clauses[0] if clauses else None), rest


async def _stored_terms(db, table: str) -> dict[str, int]:
    return (await build_data(db, "dense terms", _load_terms)).get(table, {})


async def _load_terms(db) -> dict[str, dict[str, int]]:
    """{table: {term: rows}} of the dense terms, and {"": {table: rows}}: the tables' totals."""
    out: dict[str, dict[str, int]] = {}
    try:
        rows = (await db.execute("select table_name, term, count from facet_counts where term != ''"
                                 " and facet = ''")).rows
    except Exception:  # older database: no dense terms
        rows = []
    for t, term, count in rows:
        out.setdefault(t, {})[term] = count
    try:
        totals = (await db.execute("select table_name, count from facet_counts where term = '' and facet = ''")).rows
    except Exception:
        totals = []
    out[""] = {t: n for t, n in totals}
    return out


async def dense_term(db, table: str, fts_table: str, search: str | None, store: dict | None) -> str | None:
    """The stored term of a one-word plain search whose counts were precomputed, or None."""
    if not search:
        return None
    word = fold_accents(search.strip().strip('"').lower())
    if not _WORD.match(word):
        return None
    memo_key = ("dense", table, word)
    if store is not None and memo_key in store:
        return store[memo_key]
    terms = await _stored_terms(db, table)
    found = None
    if terms:
        candidates = [t for t in terms if (word.startswith(t) or (word.endswith("y") and (word[:-1] + "i").startswith(t)))
                      and len(t) >= min(len(word), 3)]
        if candidates:
            term = max(candidates, key=len)
            fts = fts_table.strip("[]")
            matched = (await db.execute(f"select count(*) from [{fts}] where [{fts}] match ?",
                                        ['"' + search.strip().strip('"').replace('"', "") + '"'])).first()[0]
            if matched == terms[term]:
                found = term
    if store is not None:
        store[memo_key] = found
    return found


ROWS_WHERE = re.compile(r" from (\[?\w+\]?) where (.+?) order by ", re.S)
EXISTS_SHARE = 0.5


def rewrite_rows_sql(sql: str, table: str, share: float) -> str:
    """The rows query walking the table in page order (same rows): EXISTS when at least
    EXISTS_SHARE of the rows match, else `+pk in (...)`."""
    def repl(m: re.Match) -> str:
        pk, fts = m.group(1), m.group(2).strip("[]")
        if share >= EXISTS_SHARE:
            return (f"exists (select 1 from [{fts}] where [{fts}] match escape_fts(:search)"
                    f" and [{fts}].rowid = [{table}].{pk})")
        return "+" + m.group(0)
    return _SEARCH_CLAUSE.sub(repl, sql, count=1)


async def share_of(db, table: str, term: str) -> float:
    terms = await _stored_terms(db, table)
    whole = await _stored_terms(db, "")  # never a table name: see _stored_terms
    total = whole.get(table) or 0
    return (terms.get(term, 0) / total) if total else 0.0
