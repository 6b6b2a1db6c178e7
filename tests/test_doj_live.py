"""justice.gov as it is today, against a local stand-in (scrapers/fakeweb/faults.py): a bot-challenge
page served with HTTP 200 is recognised, named in one line, retried with backoff and never
parsed or stored as a release; release pages of releases the API sent without a body are
fetched (old /opa/pr/ URLs redirected to /archives/..., followed within the allow-list) and
their plain-text topics read. Every page and release here is invented."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid as uuidlib

import pytest
from click.testing import CliRunner
from dbquery import q

from scrapers.cli import cli
from scrapers.fakeweb.faults import Body, FaultServer, Redirect
from scrapers.sources.doj.challenge import bot_challenge

LIST = "/api/v1/press_releases.json?sort=date&direction=DESC&pagesize=50&page=0"
OLD = "/opa/pr/quarry-man-charged-fentanyl-trafficking"
NEW = "/archives/opa/pr/quarry-man-charged-fentanyl-trafficking"
UUID = str(uuidlib.UUID(int=77))

# an interstitial shaped like the real one (corpus doj/pages/): meta refresh to ?bm-verify=, POST to /_sec/verify
CHALLENGE = (b'<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5; URL=\''
             + OLD.encode() + b'?bm-verify=AAQAAAAZ_invented_token\'" /><title>&nbsp;</title><script> var i = 17;'
             b' </script></head><body><div><p>Powered and protected by</p><img id="akam-logo" src="/_sec/logo.svg"/>'
             b'</div><script>function go(){var x = new XMLHttpRequest(); x.open("POST", "/_sec/verify?provider=inter'
             b'stitial", false); x.send(JSON.stringify({"bm-verify": "AAQ", "pow": 1}));} go();</script></body></html>')

# the current theme (usdoj_uswds): topics as plain text, components as links
PAGE = """<!DOCTYPE html><html><head><title>Quarry Man Charged | United States Department of Justice</title>
<link rel="canonical" href="https://www.justice.gov/archives/opa/pr/quarry-man-charged-fentanyl-trafficking"></head>
<body><main><article class="grid-row"><div class="node-content node-press-release"><div class="node-type">Press Release</div>
<h1 class="page-title"><span class="field-formatter--string">Quarry Man Charged with Fentanyl Trafficking</span></h1>
<div class="node-date"><div class="field-formatter--datetime-default field_date"><time datetime="2025-06-24T12:00:00Z">Tuesday, June 24, 2025</time></div></div>
<div class="node-body"><div class="field-formatter--text-default field-text-format--wysiwyg text-formatted field_body">
<p>Bram Osterhout, 37, of Quarry, was charged today with conspiracy to distribute fentanyl.</p>
<p>Assistant U.S. Attorney Lise Danvers is prosecuting the case.</p></div></div>
<div class="node-topics"><div class="field-formatter--entity-reference-label"><div class="field__item">Drug Trafficking</div>
<div class="field__item">Opioids</div></div></div>
<div class="node-component"><div class="field__item"><a href="/usao-x">USAO - Minnesota</a></div></div>
</div></article></main></body></html>""".encode()

CONFIG = """
[http]
retries = 2
backoff = 0.01
max_backoff = 0.02
default_rate = 0
rate_limits = {{ "www.justice.gov" = 0, "justice.gov" = 0 }}
base_urls = {{ "https://www.justice.gov" = "{url}", "https://justice.gov" = "{url}" }}
"""


def api_page() -> bytes:
    def ts(day):
        return str(int(dt.datetime.fromisoformat(day + "T16:00:00+00:00").timestamp()))
    items = [
        {"uuid": UUID, "title": "Quarry Man Charged with Fentanyl Trafficking", "url": "https://www.justice.gov" + OLD,
         "date": ts("2025-06-24"), "changed": ts("2025-06-24"), "body": " ", "teaser": " ", "number": "",
         "component": [{"uuid": "", "name": "USAO - Minnesota"}], "topic": []},
        {"uuid": str(uuidlib.UUID(int=78)), "title": "Antitrust Settlement Announced", "url": "https://www.justice.gov/opa/pr/x",
         "date": ts("2025-06-20"), "changed": ts("2025-06-20"), "body": "<p>A settlement.</p>", "teaser": " ",
         "number": "", "component": [], "topic": []},
    ]
    return json.dumps({"metadata": {"responseInfo": {"status": 200}, "resultset": {"count": "2", "pagesize": "50",
                                                                                   "page": 0}},
                       "results": items}).encode()


@pytest.fixture
def site(tmp_path):
    with FaultServer() as srv:
        srv.serve(LIST, api_page(), "application/json")
        srv.always(OLD, Redirect(NEW, 301))
        srv.serve(NEW, PAGE, "text/html")
        (tmp_path / "tracker.toml").write_text(CONFIG.format(url=srv.url))
        yield srv


def tracker(tmp_path, *args):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "tracker.db"), *map(str, args)],
                                env={"TRACKER_BASE_URLS": None, "TRACKER_PROGRAMS": None}, catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def archived(tmp_path, kind: str) -> list[tuple]:
    con = sqlite3.connect(tmp_path / "archive" / "index.sqlite")
    try:
        return con.execute("select url, status, sha256 from responses where kind = ? order by seq", (kind,)).fetchall()
    finally:
        con.close()


def test_the_real_challenge_page_is_recognised_and_a_release_page_is_not(corpus):
    pages = corpus / "doj" / "pages"
    (challenge,) = pages.glob("*akamai-challenge*.html")
    (release,) = pages.glob("web.archive.org_*.html")
    assert bot_challenge(challenge.read_bytes(), {"server": "AkamaiGHost"}) == "an Akamai bot challenge (bm-verify)"
    assert bot_challenge(release.read_bytes()) is None


def test_challenge_recognised_in_fixtures_not_in_json_or_pages():
    assert bot_challenge(CHALLENGE) and bot_challenge(CHALLENGE.decode())
    assert bot_challenge(PAGE) is None and bot_challenge(api_page()) is None and bot_challenge(b"") is None
    bare = b"<html><head><title>&nbsp;</title></head><body></body></html>"
    assert bot_challenge(bare) is None and bot_challenge(bare, {"server": "AkamaiGHost"})


def test_a_body_less_release_is_completed_from_its_page_through_the_archives_redirect(site, tmp_path):
    site.script(NEW, Body(CHALLENGE, "text/html", "challenge"), Body(CHALLENGE, "text/html", "challenge"))
    res = tracker(tmp_path, "update", "--source", "doj", "--since", "2025-06-01")
    assert res.exit_code == 0, res.output
    db = tmp_path / "tracker.db"
    ((topics, body),) = q(db, "select topics, body_text from press_releases where id = ?", f"doj:{UUID}")
    assert json.loads(topics) == ["Drug Trafficking", "Opioids"] and "Bram Osterhout" in body
    assert q(db, "select name, action, age from defendants") == [("Bram Osterhout", "charged", 37)]
    assert len(site.hits(OLD)) == len(site.hits(NEW)) == 3    # redirect followed each time; two challenges retried
    # the challenges are on record as refused responses (no bytes), the page once, under its old URL
    assert [(u, s, sha is None) for u, s, sha in archived(tmp_path, "release-page")] == [
        ("https://www.justice.gov" + OLD, 200, True), ("https://www.justice.gov" + OLD, 200, True),
        ("https://www.justice.gov" + OLD, 200, False)]


def test_a_persistent_challenge_stops_the_run_in_one_line_and_the_next_run_resumes(site, tmp_path):
    site.always(NEW, Body(CHALLENGE, "text/html", "challenge"))
    res = tracker(tmp_path, "update", "--source", "doj", "--since", "2025-06-01")
    assert res.exit_code != 0
    said = [line for line in res.output.splitlines() if "bot challenge" in line and "gave up" in line]
    assert len(said) == 1 and OLD in said[0] and "Akamai" in said[0] and "next run resumes" in said[0], res.output
    assert all(sha is None for _, _, sha in archived(tmp_path, "release-page"))   # never stored as a page
    assert not (tmp_path / "tracker.db").exists() or \
        q(tmp_path / "tracker.db", "select count(*) from press_releases") == [(0,)]
    api_hits = len(site.hits(LIST.split("?")[0]))
    site.always(NEW, None)
    res = tracker(tmp_path, "update", "--source", "doj")
    assert res.exit_code == 0, res.output
    assert len(site.hits(LIST.split("?")[0])) == api_hits           # the walk resumed: the API page not asked again
    assert q(tmp_path / "tracker.db", "select name from defendants") == [("Bram Osterhout",)]


def test_an_api_page_answered_with_a_challenge_is_never_parsed(site, tmp_path):
    site.always(LIST, Body(CHALLENGE, "text/html", "challenge"))
    res = tracker(tmp_path, "update", "--source", "doj", "--since", "2025-06-01")
    assert res.exit_code != 0
    text = res.output + (res.stderr or "")
    assert "bot challenge" in text and "not valid JSON" not in text and "Traceback" not in text
    assert all(sha is None for _, _, sha in archived(tmp_path, "api-page"))


def test_a_saved_challenge_page_is_refused_by_import(tmp_path):
    path = tmp_path / "release.html"
    path.write_bytes(CHALLENGE)
    res = tracker(tmp_path, "import", "doj", path)
    assert res.exit_code != 0
    assert "bot challenge" in res.output + (res.stderr or "")
