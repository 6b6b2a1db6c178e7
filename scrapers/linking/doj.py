"""Links between DOJ defendants and SDN designations: who is both sanctioned and charged.

A wrong link between a private person and a sanctions entry is a defamation risk, so the
rule is conservative:

1. the defendant's full name must match a designation's name or a strong alias after
   normalisation (accents, punctuation, legal forms and word order folded: `exact`,
   `normalised`, `alias` in scrapers/matching.py); partial names, weak aliases and fuzzy
   matches are never linked;
2. at least one corroborating fact must agree, and none may contradict:
   - `treasury-citation`: a Treasury release that designated (or named) this entry links to
     this very DOJ release (table `release_links`; URLs compared without www./trailing
     slash) -- the strongest evidence;
   - `age`: the age the release gives matches the date of birth on the list (+-1 year);
   - `country`: the defendant's nationality or foreign residence is one of the entry's
     countries;
   - `organization`: a cartel named in the defendant's case is the organisation the entry
     is linked to on the list;
   contradictions: an age more than 2 years off every listed date of birth, a stated
   nationality the entry does not have, a company matched to an individual (or vice versa);
3. exactly one entry may qualify (two namesakes on the list: no link).

Everything that matched by name but failed these rules goes to `link_candidates` with the
reason, for a human to review (view `doj_link_review`); linked defendants carry
`uid`, `match_method` ("<name method>+<facts>"), `match_score` and `evidence` (JSON), and
appear in the view `sanctioned_and_charged`.

The derivation runs after every build and first clears what it derived before, so
`tracker rebuild` reproduces it exactly.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from ..countries import normalize_country
from ..sources.doj.api import normalize_url
from ..sources.doj.classify import lexicon, tokens

LINKABLE = {"exact", "normalised", "alias"}


def _cartels(text: str | None) -> set[str]:
    if not text:
        return set()
    return {c for _, v, c in lexicon().find(tokens(text)) if v == "cartel"}


def _dobs(row_dob: str | None, row_dobs: str | None) -> list[str]:
    out = []
    if row_dobs:
        try:
            values = json.loads(row_dobs)
            if isinstance(values, list):
                for v in values:
                    if isinstance(v, dict):  # {"as_written": "11 Nov 1950", "date": "1950-11-11"}
                        v = v.get("date") or v.get("as_written")
                    if v and str(v) not in out:
                        out.append(str(v))
        except ValueError:
            pass
    if row_dob and row_dob not in out:
        out.append(row_dob)
    return out


def _expected_ages(dob: str, on: str) -> set[int] | None:
    """Ages a person born on `dob` ('1986-02-14', '1986-02', '1986') can have on `on`."""
    try:
        when = dt.date.fromisoformat(on[:10])
        year = int(dob[:4])
    except (TypeError, ValueError):
        return None
    if len(dob) >= 10:
        try:
            born = dt.date.fromisoformat(dob[:10])
        except ValueError:
            return None
        age = when.year - born.year - ((when.month, when.day) < (born.month, born.day))
        return {age}
    return {when.year - year - 1, when.year - year}


def _country_names(values) -> set[str]:
    out = set()
    for v in values:
        if not v:
            continue
        c = normalize_country(v)
        out.add(c.name if c else v)
    return out


def link_doj(db, ctx) -> dict:
    tables = set(db.table_names())
    if "defendants" not in tables:
        return {}
    db.execute("update defendants set uid = null, match_method = null, match_score = null, evidence = null"
               " where uid is not null or match_method is not null or evidence is not null")
    db.execute("delete from link_candidates")
    defendants = db.execute(
        "select d.id, d.name, d.age, d.nationality, d.residence_country, d.is_company, d.published,"
        " d.organizations, r.url from defendants d left join press_releases r on r.id = d.press_release_id"
        " order by d.id").fetchall()
    if not defendants or not db.execute("select count(*) from designations").fetchone()[0]:
        return {"doj_defendants_linked": 0, "doj_link_candidates": 0}
    index = ctx.names()
    info = {}
    for uid, etype, countries, nationality, citizenship, dob, dobs in db.execute(
            "select uid, entity_type, countries, nationality, citizenship, date_of_birth, dates_of_birth"
            " from designations").fetchall():
        try:
            clist = json.loads(countries or "[]")
        except ValueError:
            clist = []
        info[uid] = {"type": etype, "countries": _country_names(clist),
                     "nationalities": _country_names([nationality, citizenship]),
                     "dobs": _dobs(dob, dobs)}
    orgs: dict[int, set[str]] = defaultdict(set)
    for uid, linked_name in db.execute("select uid, linked_name from relationships").fetchall():
        orgs[uid] |= _cartels(linked_name)
    # Treasury releases that cite a DOJ release by URL, and whom they designated or named
    cited: dict[str, set[int]] = defaultdict(set)
    if {"release_links", "press_release_designations"} <= tables:
        for url, uid in db.execute(
                "select l.url, x.uid from release_links l join press_release_designations x"
                " on x.press_release_id = l.press_release_id where x.uid is not null").fetchall():
            key = normalize_url(url)
            if key:
                cited[key].add(uid)
    linked = candidates = 0
    link_rows, cand_rows = [], []
    for d_id, name, age, nationality, res_country, is_company, published, organizations, url in defendants:
        matches = index.lookup(name, fuzzy=True)
        seen = {m.uid for m in matches}
        weak = [m for m in index.partial(name) if m.uid not in seen]
        qualified = []
        for m in matches:
            facts, against = _corroborate(m.uid, info.get(m.uid), age, nationality, res_country, is_company,
                                          published, organizations, url, orgs, cited)
            evidence = {"name_in_text": name, "matched_name": m.matched_name, "name_method": m.method,
                        "facts": facts, "contradictions": against}
            if m.method not in LINKABLE:
                reason = f"name matches only by {m.method}"
            elif against:
                reason = "contradicted: " + "; ".join(against)
            elif not facts:
                reason = "name only: no corroborating fact in the release"
            else:
                weight = sum(2 if f == "treasury-citation" else 1 for f in facts)
                score = round(min(1.0, m.score * (0.8 + 0.1 * min(weight, 2))), 3)
                qualified.append((m, facts, evidence, score))
                continue
            cand_rows.append({"defendant_id": d_id, "uid": m.uid, "match_method": m.method,
                              "match_score": m.score, "evidence": json.dumps(evidence, sort_keys=True), "reason": reason})
        for m in weak:
            cand_rows.append({"defendant_id": d_id, "uid": m.uid, "match_method": m.method, "match_score": m.score,
                              "evidence": json.dumps({"name_in_text": name, "matched_name": m.matched_name,
                                                      "name_method": m.method}, sort_keys=True),
                              "reason": "part of the name only"})
        if len(qualified) == 1:
            m, facts, evidence, score = qualified[0]
            link_rows.append((m.uid, f"{m.method}+{'+'.join(facts)}", score,
                              json.dumps(evidence, sort_keys=True), d_id))
        elif len(qualified) > 1:
            for m, facts, evidence, score in qualified:
                cand_rows.append({"defendant_id": d_id, "uid": m.uid, "match_method": f"{m.method}+{'+'.join(facts)}",
                                  "match_score": score, "evidence": json.dumps(evidence, sort_keys=True),
                                  "reason": f"ambiguous: {len(qualified)} list entries qualify"})
    if link_rows:
        db.conn.executemany("update defendants set uid = ?, match_method = ?, match_score = ?, evidence = ? where id = ?",
                            link_rows)
        linked = len(link_rows)
    if cand_rows:
        # one row per (defendant, entry): keep the strongest reason
        best = {}
        for r in cand_rows:
            k = (r["defendant_id"], r["uid"])
            if k not in best or r["match_score"] > best[k]["match_score"]:
                best[k] = r
        db["link_candidates"].insert_all(sorted(best.values(), key=lambda r: (r["defendant_id"], r["uid"])),
                                         pk=("defendant_id", "uid"), replace=True)
        candidates = len(best)
    return {"doj_defendants_linked": linked, "doj_link_candidates": candidates}


def _corroborate(uid, entry, age, nationality, res_country, is_company, published, organizations, url, orgs, cited):
    facts, against = [], []
    if entry is None:
        return facts, ["entry not found"]
    if is_company and entry["type"] == "individual":
        against.append("a company matched to an individual")
    if not is_company and entry["type"] not in ("individual", None):
        against.append(f"a person matched to an {entry['type']}")
    key = normalize_url(url) if url else None
    if key and uid in cited.get(key, ()):
        facts.append("treasury-citation")
    if age is not None and entry["dobs"] and published:
        fits = [a for d in entry["dobs"] if (a := _expected_ages(d, published)) is not None]
        if fits:
            if any(age in a or any(abs(age - x) <= 1 for x in a) for a in fits):
                facts.append("age")
            elif all(min(abs(age - x) for x in a) > 2 for a in fits):
                against.append(f"age {age} does not fit date(s) of birth {', '.join(entry['dobs'])}")
    theirs = {c for c in (nationality, res_country) if c and c != "United States"}
    if theirs and entry["countries"] & _country_names(theirs):
        facts.append("country")
    elif nationality and nationality != "United States" and entry["nationalities"] and \
            not (_country_names([nationality]) & (entry["nationalities"] | entry["countries"])):
        against.append(f"nationality {nationality} is not the entry's")
    try:
        case_orgs = set(json.loads(organizations or "[]"))
    except ValueError:
        case_orgs = set()
    if case_orgs & orgs.get(uid, set()):
        facts.append("organization")
    return facts, against

