"""The site's one search box: SDN entries (names and aliases), defendants and press releases,
forgiving typos, accents, word order and transliterations, and never an SQL error.

1. Candidates: names sharing a phonetic key with a typed word (search_keys, built per build
   by db.build_name_search; "Gusman", "Guzmán" and "Guzmann" share `gsmn`), also with one
   letter of the typed word's key left out (a letter too many).
2. Score: names.name_score, 0-100 (each typed word against the name's closest word, Jaro-
   Winkler, sounding alike counts as 95). Like OFAC's Sanctions List Search, results at or
   above a threshold are shown (default 85, `&threshold=` from 50 to 100) with their score.
3. "Did you mean": when no name has every typed word as typed, the best name found.
4. Releases: full-text search of the typed words (each quoted: no operator syntax), and the
   releases that designated or charged the entries and defendants found.
Any text is safe: words are reduced to letters and digits before any query.
"""
from __future__ import annotations

import sqlite3

from ...names import name_scorer, normalize_name, phonetic_key

DEFAULT_THRESHOLD = 85.0
MAX_CANDIDATES = 1500  # names scored per search (SDN entries first); 30 per kind are shown
MANY_MATCHES = 2000    # releases matching more words than this are read newest first by date
MAX_WORDS = 8


def clean_query(text: str | None) -> str:
    return " ".join(normalize_name((text or "")[:200]).split()[:MAX_WORDS])


def threshold_of(raw: str | None) -> float:
    try:
        value = float(raw) if raw not in (None, "") else DEFAULT_THRESHOLD
    except ValueError:
        return DEFAULT_THRESHOLD
    return min(100.0, max(50.0, value))


def _keys(words: list[str]) -> list[str]:
    keys = []
    for w in words:
        if len(w) < 2:
            continue
        k = phonetic_key(w)
        keys.append(k)
        if len(k) >= 4:  # one letter too many in what was typed
            keys += [k[:i] + k[i + 1:] for i in range(1, len(k))]
    return list(dict.fromkeys(k for k in keys if k))


async def search(db, text: str | None, threshold: float = DEFAULT_THRESHOLD) -> dict:
    query = clean_query(text)
    out = {"q": text or "", "query": query, "threshold": threshold, "entries": [], "defendants": [],
           "releases": [], "suggestion": None}
    if not query:
        return out
    words = query.split()
    keys = _keys(words)
    candidates = []
    if keys:
        if len(keys) == 1:  # one key: no need to count how many keys each name shares
            sql = f"""select n.kind, n.ref, n.name, n.label, 1 as hits from search_keys k
                      join search_names n on n.id = k.name_id where k.key = ?
                      order by n.kind != 'entry' limit {MAX_CANDIDATES}"""
        else:
            # the names sharing the most keys, counted on the keys' index alone (search_names
            # ids number SDN entries before defendants: ties go to SDN entries), then read
            marks = ", ".join("?" * len(keys))
            sql = f"""select n.kind, n.ref, n.name, n.label, k.hits from (
                        select name_id, count(*) as hits from search_keys where key in ({marks})
                        group by name_id order by hits desc, name_id limit {MAX_CANDIDATES}) k
                      join search_names n on n.id = k.name_id order by k.hits desc, k.name_id"""
        candidates = (await db.execute(sql, keys)).rows
    best: dict[tuple, dict] = {}
    score_of = name_scorer(query)
    for kind, ref, name, label, _ in candidates:
        score = score_of(name)
        if score < 50:
            continue
        item = best.get((kind, ref))
        if item is None or score > item["score"]:
            best[(kind, ref)] = {"kind": kind, "ref": ref, "name": name, "label": label, "score": score}
    ranked = sorted(best.values(), key=lambda x: (-x["score"], x["label"] or ""))
    exact = [x for x in ranked if x["score"] >= 100]
    if not exact and ranked:
        out["suggestion"] = ranked[0]
    shown = [x for x in ranked if x["score"] >= threshold]
    out["entries"] = await _entries([x for x in shown if x["kind"] == "entry"][:30], db)
    out["defendants"] = await _defendants([x for x in shown if x["kind"] == "defendant"][:30], db)
    out["releases"] = await _releases(db, words, out["entries"], out["defendants"])
    out["below_threshold"] = len([x for x in ranked if x["score"] < threshold])
    return out


async def _entries(found: list[dict], db) -> list[dict]:
    if not found:
        return []
    uids = [int(x["ref"]) for x in found]
    marks = ", ".join("?" * len(uids))
    info = {r["uid"]: dict(r) for r in (await db.execute(
        f"select uid, name, entity_type, countries, listed, designated_on, designation_year from designations"
        f" where uid in ({marks})", uids)).rows}
    return [{**x, **info.get(int(x["ref"]), {})} for x in found if int(x["ref"]) in info]


async def _defendants(found: list[dict], db) -> list[dict]:
    if not found:
        return []
    ids = [x["ref"] for x in found]
    marks = ", ".join("?" * len(ids))
    info = {r["id"]: dict(r) for r in (await db.execute(
        f"select id, name, action, district, published, uid, prosecution_id, press_release_id from defendants"
        f" where id in ({marks})",
        ids)).rows}
    return [{**x, **info.get(x["ref"], {})} for x in found if x["ref"] in info]


async def _releases(db, words: list[str], entries: list[dict], defendants: list[dict]) -> list[dict]:
    """Releases naming the typed words (full text), then those linked to what was found."""
    found: dict[str, dict] = {}
    match = " ".join(f'"{w}"' for w in words if w.isalnum())
    if match:
        try:
            many = (await db.execute(f"""select count(*) from (select rowid from press_releases_fts
                                         where press_releases_fts match ? limit {MANY_MATCHES})""", [match])).first()[0]
            # many matches: walk the releases newest first and stop at 20 (`+` keeps SQLite
            # from reading every match by rowid first); few: read the matches
            plus = "+" if many >= MANY_MATCHES else ""
            for r in (await db.execute(f"""
                    select p.id, p.title, p.published, p.agency, p.url from press_releases p
                    where {plus}p.rowid in (select rowid from press_releases_fts where press_releases_fts match ?)
                    order by p.published desc limit 20""", [match])).rows:
                found[r["id"]] = {**dict(r), "why": "names the words searched"}
        except sqlite3.Error:
            pass
    uids = [e["uid"] for e in entries[:10]]
    if uids:
        marks = ", ".join("?" * len(uids))
        for r in (await db.execute(f"""
                select p.id, p.title, p.published, p.agency, p.url, x.role from press_release_designations x
                join press_releases p on p.id = x.press_release_id where x.uid in ({marks})
                order by p.published desc limit 20""", uids)).rows:
            found.setdefault(r["id"], {**dict(r), "why": f"{r['role']} an entry found"})
    rids = list(dict.fromkeys(d["press_release_id"] for d in defendants[:10] if d.get("press_release_id")))
    if rids:
        marks = ", ".join("?" * len(rids))
        for r in (await db.execute(f"select id, title, published, agency, url from press_releases where id in ({marks})",
                                   rids)).rows:
            found.setdefault(r["id"], {**dict(r), "why": "announced a case of a defendant found"})
    return sorted(found.values(), key=lambda r: r["published"] or "", reverse=True)[:30]
