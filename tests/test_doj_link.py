"""Links between DOJ defendants and SDN designations: conservative, with evidence; weaker
candidates go to review (link_candidates / view doj_link_review)."""
from __future__ import annotations

import json

import sqlite_utils
from dbquery import q as rows

from scrapers import db as schema
from scrapers.db import content_hashes
from scrapers.linking.doj import link_doj
from scrapers.sources.base import BuildContext


def test_links_need_a_full_name_and_a_corroborating_fact(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "sdn", fixtures / "doj" / "sdn" / "sdn.csv", "--as-of", "2024-06-01")
    run_cli("import", "doj", fixtures / "doj" / "list_page0_pagesize3.json", fixtures / "doj" / "list_page7_pagesize3.json")
    linked = {r[0]: r[1:] for r in rows(db, "select defendant_name, uid, match_method, match_score"
                                            " from sanctioned_and_charged")}
    assert linked == {
        "Abelardo Ruelas Montalvo": (7101, "exact+age+country+organization", 1.0),
        "Qinghe Ruitai Biotech Co., Ltd.": (7103, "exact+country", 0.9),
    }
    evidence = json.loads(rows(db, "select evidence from defendants where uid = 7101")[0][0])
    assert evidence["matched_name"] == "RUELAS MONTALVO, Abelardo" and evidence["contradictions"] == []
    review = {r[0]: (r[1], r[2]) for r in rows(db, "select defendant_name, uid, reason from doj_link_review")}
    assert review["Lucius Marwick"] == (7104, "name only: no corroborating fact in the release")
    assert review["Tobias R. Quennell"][0] == 7105 and review["Tobias R. Quennell"][1].startswith("contradicted: age 34")
    assert review["Desmond Achterberg"] == (7106, "part of the name only")
    # nobody reviewed is linked
    assert rows(db, "select count(*) from defendants where uid in (7104, 7105, 7106)") == [(0,)]


def test_links_are_recomputed_and_rebuilt_exactly(run_cli, workdir, fixtures):
    db = workdir / "tracker.db"
    run_cli("import", "doj", fixtures / "doj" / "list_page7_pagesize3.json")
    assert rows(db, "select count(*) from defendants where uid is not null") == [(0,)]
    run_cli("import", "sdn", fixtures / "doj" / "sdn" / "sdn.csv", "--as-of", "2024-06-01")
    assert rows(db, "select name, uid from defendants where uid is not null") == [("Abelardo Ruelas Montalvo", 7101)]
    before = content_hashes(db)
    run_cli("rebuild")
    after = content_hashes(db)
    assert after["defendants"] == before["defendants"] and after["link_candidates"] == before["link_candidates"]


# -- the rules, on a database built by hand ------------------------------------------------------------
def make_db(path):
    db = sqlite_utils.Database(path)
    schema.create_schema(db)
    return db


def add_designation(db, uid, name, etype="individual", countries=("Mexico",), dob=None, nationality=None):
    db["designations"].insert({"uid": uid, "name": name, "entity_type": etype, "countries": json.dumps(list(countries)),
                               "date_of_birth": dob, "nationality": nationality, "listed": 1})


def add_defendant(db, did, name, url="https://www.justice.gov/usao-ndil/pr/case-a", age=None, nationality=None,
                  residence_country=None, is_company=0, published="2024-03-01"):
    rid = "doj:" + did.split("/")[0]
    db["press_releases"].insert({"id": rid, "agency": "DOJ", "url": url, "title": "T", "published": published},
                                pk="id", replace=True)
    db["defendants"].insert({"id": did, "press_release_id": rid, "name": name, "age": age, "nationality": nationality,
                             "residence_country": residence_country, "is_company": is_company, "published": published,
                             "organizations": "[]"})


def cite(db, treasury_id, url, uid):
    db["press_releases"].insert({"id": treasury_id, "agency": "Treasury", "title": "T", "published": "2024-03-05"},
                                pk="id", replace=True)
    db["release_links"].insert({"press_release_id": treasury_id, "url": url, "anchor_text": "charged", "kind": "doj-release"},
                               replace=True)
    db["press_release_designations"].insert({"press_release_id": treasury_id, "name_in_text": f"n{uid}", "uid": uid,
                                             "role": "designated"}, replace=True)


def ctx(db):
    """What a build gives a link pass: the database, and the name index made from it."""
    return BuildContext(config=None, archive=None, log=lambda msg: None, progress=lambda msg: None, db=db)


def test_a_treasury_release_citing_the_doj_release_links_a_bare_name(tmp_path):
    db = make_db(tmp_path / "t.db")
    add_designation(db, 1, "OSTERGAARD PINEDA, Mauricio")
    add_defendant(db, "a/d1", "Mauricio Ostergaard Pineda")
    link_doj(db, ctx(db))
    assert db.execute("select uid from defendants").fetchone() == (None,)
    assert db.execute("select reason from link_candidates").fetchall() == [("name only: no corroborating fact in the release",)]
    # Treasury cites the same release, written without www. and with a trailing slash
    cite(db, "treasury:sb9999", "https://justice.gov/usao-ndil/pr/case-a/", 1)
    link_doj(db, ctx(db))
    assert db.execute("select uid, match_method, match_score from defendants").fetchone() == (1, "exact+treasury-citation", 1.0)
    assert db.execute("select count(*) from link_candidates").fetchone() == (0,)


def test_two_namesakes_on_the_list_are_not_linked(tmp_path):
    db = make_db(tmp_path / "t.db")
    add_designation(db, 1, "SOLANO REYES, Ines", countries=("Mexico",))
    add_designation(db, 2, "SOLANO REYES, Ines", countries=("Mexico", "Guatemala"))
    add_defendant(db, "a/d1", "Ines Solano Reyes", nationality="Mexico")
    link_doj(db, ctx(db))
    assert db.execute("select uid from defendants").fetchone() == (None,)
    reasons = db.execute("select uid, reason from link_candidates order by uid").fetchall()
    assert reasons == [(1, "ambiguous: 2 list entries qualify"), (2, "ambiguous: 2 list entries qualify")]


def test_contradictions_block_a_link(tmp_path):
    db = make_db(tmp_path / "t.db")
    add_designation(db, 1, "HALVORSEN CHEMICAL CO., LTD.", etype="individual", countries=("China",))
    add_defendant(db, "a/d1", "Halvorsen Chemical Co., Ltd.", residence_country="China", is_company=1)
    add_designation(db, 2, "VARGAS QUILES, Teodoro", countries=("Colombia",), nationality="Colombia")
    add_defendant(db, "b/d1", "Teodoro Vargas Quiles", nationality="Mexico", age=40)
    add_designation(db, 3, "LUNDQVIST ARAMBURU, Paola", countries=("Mexico",), dob="1990-05-01")
    add_defendant(db, "c/d1", "Paola Lundqvist Aramburu", age=34, residence_country="Mexico", published="2024-06-01")
    link_doj(db, ctx(db))
    got = dict(db.execute("select defendant_id, reason from link_candidates").fetchall())
    assert got["a/d1"] == "contradicted: a company matched to an individual"
    assert got["b/d1"] == "contradicted: nationality Mexico is not the entry's"
    assert "c/d1" not in got
    assert db.execute("select uid, match_method from defendants where id = 'c/d1'").fetchone() == (3, "exact+age+country")


def test_fuzzy_and_weak_aliases_only_go_to_review(tmp_path):
    db = make_db(tmp_path / "t.db")
    add_designation(db, 1, "BETANCOURTH MIRELES, Rogelio")
    db["aliases"].insert({"uid": 1, "alias": "Roy Mireles", "alias_type": "aka", "quality": "weak", "source": "remarks"})
    add_defendant(db, "a/d1", "Rogelio Betancourt Mireles", nationality="Mexico")
    add_defendant(db, "b/d1", "Roy Mireles", nationality="Mexico")
    link_doj(db, ctx(db))
    assert db.execute("select count(*) from defendants where uid is not null").fetchone() == (0,)
    got = dict(db.execute("select defendant_id, match_method from link_candidates").fetchall())
    assert got == {"a/d1": "fuzzy", "b/d1": "alias-weak"}
