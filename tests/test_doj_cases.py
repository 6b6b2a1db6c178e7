"""Case timelines across DOJ releases (scrapers/linking/cases.py): the same defendant in
several releases is one case, grouped conservatively; contradicted groupings go to review."""
from __future__ import annotations

import datetime as dt
import json
import uuid as uuidlib

from dbquery import q


def item(n: int, day: str, title: str, body: str, office: str = "USAO - Ohio, Southern") -> dict:
    """A DOJ-API-shaped list item (invented release)."""
    when = dt.datetime.fromisoformat(day + "T16:00:00+00:00")
    return {"uuid": str(uuidlib.UUID(int=n)), "title": title, "url": f"https://www.justice.gov/usao-x/pr/release-{n}",
            "date": str(int(when.timestamp())), "body": body, "teaser": " ", "number": "",
            "component": [{"uuid": "", "name": office}], "topic": [], "changed": str(int(when.timestamp())),
            "created": str(int(when.timestamp()))}


def write_page(path, items) -> str:
    path.write_text(json.dumps({"metadata": {"responseInfo": {"status": 200},
                                             "resultset": {"count": str(len(items)), "pagesize": "50", "page": 0}},
                                "results": items}))
    return str(path)


def test_three_releases_about_one_defendant_are_one_case_with_three_stages_in_order(run_cli, workdir):
    items = [
        item(3, "2025-02-11", "Dayton Man Sentenced for Fentanyl Trafficking",
             "<p>Ronan J. Keller, 36, of Dayton, was sentenced today to 120 months in prison for possessing fentanyl"
             " with intent to distribute it. Case No. 3:23-cr-00117.</p>"),
        item(1, "2023-04-03", "Dayton Man Indicted for Fentanyl Trafficking",
             "<p>Ronan J. Keller, 34, of Dayton, was indicted today by a federal grand jury on one count of"
             " possession with intent to distribute fentanyl.</p>"),
        item(2, "2024-06-20", "Dayton Man Pleads Guilty to Fentanyl Trafficking",
             "<p>Ronan J. Keller, 35, of Dayton, pleaded guilty today to possessing fentanyl with intent to"
             " distribute it (3:23-CR-117-TMR).</p>"),
    ]
    run_cli("import", "doj", write_page(workdir / "page.json", items))
    db = workdir / "tracker.db"
    ((case_id, name, district, number, first, first_date, latest, latest_date, count, releases, timeline),) = q(
        db, "select id, name, district, case_number, first_stage, first_date, latest_stage, latest_date,"
            " release_count, releases, timeline from cases")
    assert (name, district) == ("Ronan J. Keller", "Southern District of Ohio")
    assert number in ("3:23-CR-117-TMR", "3:23-cr-00117")
    assert (first, first_date, latest, latest_date, count) == ("charged", "2023-04-03", "sentenced", "2025-02-11", 3)
    ids = [f"doj:{uuidlib.UUID(int=n)}" for n in (1, 2, 3)]
    assert json.loads(releases) == ids
    assert [(t["stage"], t["date"]) for t in json.loads(timeline)] == [
        ("charged", "2023-04-03"), ("pleaded_guilty", "2024-06-20"), ("sentenced", "2025-02-11")]
    assert q(db, "select distinct case_id from defendants") == [(case_id,)]
    # a rebuild derives the same cases
    before = q(db, "select * from cases")
    run_cli("rebuild")
    assert q(db, "select * from cases") == before


def test_same_name_in_another_district_is_another_case(run_cli, workdir):
    items = [
        item(1, "2024-01-10", "Man Indicted", "<p>Milo Varga, 40, was indicted today on fentanyl charges.</p>"),
        item(2, "2024-05-10", "Man Sentenced", "<p>Milo Varga, 40, was sentenced today to 60 months in prison for selling fentanyl.</p>",
             office="USAO - Minnesota"),
    ]
    run_cli("import", "doj", write_page(workdir / "page.json", items))
    got = q(workdir / "tracker.db", "select district, first_stage, release_count from cases order by district")
    assert got == [("District of Minnesota", "sentenced", 1), ("Southern District of Ohio", "charged", 1)]


def test_contradicted_groupings_go_to_review_not_merged(run_cli, workdir):
    items = [
        item(1, "2022-03-01", "Man Indicted", "<p>Jose Ramirez, 24, of Dayton, was indicted today on fentanyl"
             " charges.</p>"),
        item(2, "2024-03-01", "Man Sentenced", "<p>Jose Ramirez, 51, of Hamilton, was sentenced today to 90 months"
             " in prison for fentanyl trafficking.</p>"),
        item(3, "2024-04-01", "Man Pleads Guilty", "<p>Jose Ramirez, 30, pleaded guilty today to fentanyl"
             " trafficking. Case No. 1:24-cr-00009.</p>"),
        item(4, "2024-09-01", "Man Sentenced", "<p>Jose Ramirez, 30, was sentenced today to 40 months for selling"
             " fentanyl. Case No. 1:23-cr-00311.</p>"),
    ]
    run_cli("import", "doj", write_page(workdir / "page.json", items))
    db = workdir / "tracker.db"
    assert q(db, "select count(*) from cases") == [(4,)]
    reasons = [r for (r,) in q(db, "select reason from cases_to_review")]
    assert any(r.startswith("ages do not agree") for r in reasons)
    assert any(r.startswith("different case numbers") for r in reasons)


def test_same_case_number_groups_a_name_written_two_ways(run_cli, workdir):
    items = [
        item(1, "2023-02-01", "Woman Charged", "<p>Ana Lucia Ferreira, 29, was charged today with distributing"
             " fentanyl. Case No. 2:23-mj-00412.</p><p>Case No. 2:23-cr-00045.</p>"),
        item(2, "2023-11-01", "Woman Sentenced", "<p>Ana Ferreira, 30, was sentenced today to 46 months in"
             " prison for distributing fentanyl (2:23-cr-45).</p>"),
    ]
    run_cli("import", "doj", write_page(workdir / "page.json", items))
    db = workdir / "tracker.db"
    # the first release gives two numbers (complaint and indictment): neither is taken, so no grouping
    assert q(db, "select count(*) from cases") == [(2,)]
    items[0]["body"] = "<p>Ana Lucia Ferreira, 29, was indicted today for distributing fentanyl. Case No. 2:23-cr-00045.</p>"
    items[0]["changed"] = str(int(items[0]["changed"]) + 60)
    run_cli("import", "doj", write_page(workdir / "page2.json", items[:1]))
    got = q(db, "select name, first_stage, latest_stage, release_count from cases")
    assert got == [("Ana Lucia Ferreira", "charged", "sentenced", 2)]


def test_a_name_too_common_in_one_district_is_not_grouped_by_name(tmp_path):
    import sqlite_utils

    from scrapers import db as schema
    from scrapers.linking.cases import MAX_NAME_GROUP, link_cases

    db = sqlite_utils.Database(tmp_path / "t.db")
    schema.create_schema(db)
    n = MAX_NAME_GROUP + 5
    db["defendants"].insert_all({"id": f"doj:{i:03d}/d1", "press_release_id": f"doj:{i:03d}", "name": "Luis Garza",
                                 "district": "District of Arizona", "published": f"2024-01-{1 + i % 28:02d}",
                                 "action": "charged", "is_company": 0} for i in range(n))
    got = link_cases(db, None)
    assert got["cases"] == n and got["case_reviews"] == n - 1
    assert all("too common a name" in r for (r,) in db.execute("select reason from case_review"))
