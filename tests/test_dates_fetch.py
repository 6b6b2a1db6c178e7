"""`tracker update` of the dated sources against a local stand-in (127.0.0.1) for the Sanctions
List Service (SDN_ENHANCED.XML and delta files behind redirects to signed storage, the yearly
archive listing answering a POST) and the Federal Register API: the archive's reach found
and recorded on the first run, only unseen publications fetched later, conditional GET,
the API's paging limits, exact rebuilds."""
from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from datesfix import (
    EO,
    Person,
    delta_add,
    delta_program_added,
    delta_xml,
    enhanced_xml,
    fr_notice_text,
    fr_result,
    sdn_csv,
)
from dbquery import one, q

from scrapers.archive import Archive
from scrapers.db import content_hashes
from scrapers.fakeweb.server import LocalServer, send

THIS_YEAR = dt.date.today().year
PEOPLE = [Person(8001, "PRIMERO REMOTO, Ana", listed_on=f"{THIS_YEAR - 1}-03-04"),
          Person(8002, "SEGUNDO REMOTO, Beto", listed_on=f"{THIS_YEAR - 2}-06-07"),
          Person(8003, "VIEJO REMOTO, Ciro", programs=("SDNTK", EO), listed_on="2003-01-15"),
          Person(8004, "NUEVO REMOTO, Dora", listed_on=f"{THIS_YEAR}-01-09")]


class Stand:
    """The live hosts, by path prefix: /sls, /storage, /fr. Every request is logged."""

    def __init__(self):
        self.files: dict[str, bytes] = {}            # delta file name -> bytes
        self.listing_fails = False
        self.enhanced = enhanced_xml(PEOPLE)
        self.notices: dict[str, tuple[str, bytes]] = {}   # number -> (publication date, text)
        self.log: list[str] = []
        self.web = LocalServer(self._request, http11=False, methods=("GET", "POST")).start()
        self.port = self.web.port
        self.base = self.web.url

    def close(self):
        self.web.stop()

    def send(self, h, code, body=b"", headers=None):
        send(h, code, body, headers)

    def _request(self, h):
        if h.command == "POST":
            h.body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        self.log.append(f"{h.command} {h.path}")
        self.answer(h)

    def answer(self, h):
        url = urlsplit(h.path)
        args = parse_qs(url.query)
        path = url.path
        if path == "/sls/api/PublicationPreview/GetDeltaFileArchive" and h.command == "POST":
            year = int(args["year"][0])
            if self.listing_fails or h.body != b"{}":
                return self.send(h, 404 if self.listing_fails else 400, b"<html>Not Found</html>")
            rows = [{"fileName": n, "publishDisplayDate": n[:10], "downloadLink": f"DeltaArchive/{n}"}
                    for n in sorted(self.files) if n.startswith(str(year))]
            return self.send(h, 200, json.dumps(rows).encode(), {"Content-Type": "application/json"})
        if path == "/sls/api/download/delta":
            name = args["filename"][0].split("/", 1)[1]
            return self.send(h, 302, headers={"Location": f"{self.base}/storage/DeltaArchive/{name}?X-Amz-Signature=1"})
        if path == "/sls/changes/latest":
            name = max(self.files)
            return self.send(h, 302, headers={"Location": f"{self.base}/storage/DeltaArchive/{name}?X-Amz-Signature=2"})
        if path.startswith("/storage/DeltaArchive/"):
            name = path.rsplit("/", 1)[1]
            return self.send(h, 200, self.files[name], {"Content-Type": "application/xml", "ETag": f'"{name}"'})
        if path == "/sls/api/PublicationPreview/exports/SDN_ENHANCED.XML":
            return self.send(h, 302, headers={"Location": f"{self.base}/storage/Published/SDN_ENHANCED.XML?sig=3"})
        if path == "/storage/Published/SDN_ENHANCED.XML":
            etag = f'"{hash(self.enhanced)}"'
            if h.headers.get("If-None-Match") == etag:
                return self.send(h, 304, headers={"ETag": etag})
            return self.send(h, 200, self.enhanced, {"ETag": etag, "Content-Type": "application/xml"})
        if path == "/fr/api/v1/documents.json":
            return self.fr_page(h, args)
        if path.startswith("/fr/documents/full_text/text/"):
            number = path.rsplit("/", 1)[1][:-4]
            return self.send(h, 200, self.notices[number][1], {"Content-Type": "text/plain"})
        return self.send(h, 404, b"not found")

    def fr_page(self, h, args):
        gte, lte = args["conditions[publication_date][gte]"][0], args["conditions[publication_date][lte]"][0]
        assert args["conditions[agencies][]"] == ["foreign-assets-control-office"] and args["conditions[term]"] == ["14059"]
        per_page, page = int(args["per_page"][0]), int(args["page"][0])
        docs = [fr_result(n, d) for n, (d, _) in sorted(self.notices.items()) if gte <= d <= lte]
        span = (dt.date.fromisoformat(lte) - dt.date.fromisoformat(gte)).days
        if span > 120:      # pretend a wide window holds more than the service pages through
            body = {"count": 25000, "total_pages": 250, "results": [fr_result("1999-00001", gte)] * per_page}
        else:
            chunk = docs[(page - 1) * per_page: page * per_page]
            body = {"count": len(docs), "total_pages": -(-len(docs) // per_page)} | ({"results": chunk} if chunk else {})
        return self.send(h, 200, json.dumps(body).encode(), {"Content-Type": "application/json"})


@pytest.fixture
def stand():
    s = Stand()
    y = THIS_YEAR
    s.files = {f"{y - 2}-06-07_delta.xml": delta_xml(f"{y - 2}-06-07", [delta_add(PEOPLE[1])]),
               f"{y - 1}-03-04_delta.xml": delta_xml(f"{y - 1}-03-04", [delta_add(PEOPLE[0])]),
               f"{y - 1}-03-04_delta_2.xml": delta_xml(f"{y - 1}-03-04", [delta_program_added(8003)])}
    s.notices = {f"{y - 1}-04410": (f"{y - 1}-03-11", fr_notice_text(
        f"{y - 1}-04410", [(f"March 4, {y - 1}", "blocked", [PEOPLE[0]])]))}
    yield s
    s.close()


@pytest.fixture
def configured(workdir, stand, tmp_path):
    (workdir / "tracker.toml").write_text(f"""
[http]
default_rate = 0
retries = 0
rate_limits = {{ "sanctionslistservice.ofac.treas.gov" = 0, "www.federalregister.gov" = 0 }}
base_urls = {{ "https://sanctionslistservice.ofac.treas.gov" = "{stand.base}/sls", "https://wc2h-sls-prod-public-published.s3.us-gov-west-1.amazonaws.com" = "{stand.base}/storage", "https://www.federalregister.gov" = "{stand.base}/fr" }}

[treasury]
since = "{THIS_YEAR - 1}-01-01"
""")
    (tmp_path / "list").mkdir()
    (tmp_path / "list" / "sdn.csv").write_bytes(sdn_csv(PEOPLE))
    return tmp_path / "list"


def update(run_cli, **kw):
    return run_cli("update", "--source", "enhanced", "--source", "deltas", "--source", "fedreg", **kw)


def requests(stand, prefix):
    return [r for r in stand.log if r.split(" ", 1)[1].startswith(prefix)]


def test_first_update_finds_the_archive_reach_and_dates_entries(run_cli, workdir, stand, configured):
    run_cli("import", "sdn", configured, "--as-of", f"{THIS_YEAR}-02-01")
    result = update(run_cli)
    db = workdir / "tracker.db"
    # the listing was walked back until a year listed nothing, and the reach recorded
    years = [int(r.split("year=")[1]) for r in requests(stand, "/sls/api/PublicationPreview/GetDeltaFileArchive")]
    assert years == [THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2, THIS_YEAR - 3]
    assert f"reaches back to {THIS_YEAR - 2}-06-07" in result.stderr + result.output
    reach = Archive(workdir / "archive").get_state("deltas", "reach")
    assert reach["earliest"] == f"{THIS_YEAR - 2}-06-07" and reach["years"] == [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]
    assert one(db, "select min(published_on) from delta_files where listed = 1") == f"{THIS_YEAR - 2}-06-07"
    # files before --since (here: the start of last year) are listed, not fetched
    fetched = {r[0] for r in q(db, "select name from delta_files where fetched = 1")}
    assert fetched == {f"{THIS_YEAR - 1}-03-04_delta.xml", f"{THIS_YEAR - 1}-03-04_delta_2.xml"}
    assert not requests(stand, f"/sls/api/download/delta?filename=DeltaArchive/{THIS_YEAR - 2}")
    # dates: the delta file for Ana (add) and for Ciro (E.O. 14059 added); the export for the rest
    got = dict(((r[0], (r[1], r[2])) for r in q(db, "select uid, designated_on, designated_on_source from designations")))
    assert got[8001] == (f"{THIS_YEAR - 1}-03-04", "delta-file")
    assert got[8003] == (f"{THIS_YEAR - 1}-03-04", "delta-file")
    assert got[8002] == (f"{THIS_YEAR - 2}-06-07", "sdn-enhanced")
    assert got[8004] == (f"{THIS_YEAR}-01-09", "sdn-enhanced")
    # the Federal Register notice was found (wide windows split under the paging limit) and read
    windows = [r for r in requests(stand, "/fr/api/v1/documents.json")]
    assert any("gte%5D=" in r for r in windows) and len(windows) > 2
    assert q(db, "select uid, action_date from fr_entries") == [(8001, f"{THIS_YEAR - 1}-03-04")]
    assert one(db, "select count(*) from designation_dates where source = 'federal-register'") == 1
    evidence = one(db, "select designated_on_evidence from designations where uid = 8001")
    assert evidence == (f"https://sanctionslistservice.ofac.treas.gov/api/download/delta?filename=DeltaArchive/"
                        f"{THIS_YEAR - 1}-03-04_delta.xml")


def test_later_updates_fetch_only_what_is_new(run_cli, workdir, stand, configured):
    run_cli("import", "sdn", configured, "--as-of", f"{THIS_YEAR}-02-01")
    update(run_cli)
    stand.log.clear()
    again = update(run_cli)
    assert "Nothing new" in again.output
    assert len(requests(stand, "/sls/api/PublicationPreview/GetDeltaFileArchive")) == 1      # this year only
    assert not requests(stand, "/sls/api/download/delta") and not requests(stand, "/fr/documents/full_text")
    assert any(r.startswith("GET /storage/Published/SDN_ENHANCED.XML") for r in stand.log)     # answered 304
    # a new publication: only it is fetched
    new = f"{THIS_YEAR}-01-09_delta.xml"
    stand.files[new] = delta_xml(f"{THIS_YEAR}-01-09", [delta_add(PEOPLE[3])])
    stand.log.clear()
    update(run_cli)
    assert requests(stand, "/sls/api/download/delta") == [f"GET /sls/api/download/delta?filename=DeltaArchive/{new}"]
    db = workdir / "tracker.db"
    assert q(db, "select designated_on, designated_on_source from designations where uid = 8004") == [
        (f"{THIS_YEAR}-01-09", "delta-file")]
    before = content_hashes(db)
    run_cli("rebuild")
    assert content_hashes(db) == before


def test_listing_that_does_not_answer_falls_back_to_the_latest_file(run_cli, workdir, stand, configured):
    run_cli("import", "sdn", configured, "--as-of", f"{THIS_YEAR}-02-01")
    stand.listing_fails = True
    result = update(run_cli)
    assert "archive listing unavailable" in result.stderr + result.output
    db = workdir / "tracker.db"
    # /changes/latest redirected to the newest file, named by the storage URL
    assert q(db, "select name, listed, fetched from delta_files") == [(f"{THIS_YEAR - 1}-03-04_delta_2.xml", 0, 1)]
    assert one(db, "select designated_on_source from designations where uid = 8003") == "delta-file"
