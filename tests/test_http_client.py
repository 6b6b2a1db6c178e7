"""HttpClient against a misbehaving local server: retries, backoff, Retry-After, timeouts,
slow drips, truncation, allow-list, redirects, size caps, conditional GET, rate limits,
User-Agent, and archiving before anything parses."""
from __future__ import annotations

import hashlib
import random
import time

import pytest

from scrapers.archive import Archive
from scrapers.config import Config
from scrapers.errors import FetchError
from scrapers.fakeweb.faults import (
    Body,
    Drip,
    FaultServer,
    Oversize,
    Redirect,
    Reset,
    RetryAfter,
    Stall,
    Status,
    Truncate,
    WrongLength,
)
from scrapers.http import MAX_RETRY_AFTER, HttpClient

LIVE = "https://sanctionslistservice.ofac.treas.gov"
PATH = "/api/PublicationPreview/exports/SDN.CSV"
BODY = b"".join(b'%d,"NAME %d",-0- ,"ILLICIT-DRUGS-EO14059"\r\n' % (i, i) for i in range(400))


class FakeTime:
    """sleep() advances clock() instead of waiting."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self):
        return self.now


@pytest.fixture
def server():
    with FaultServer() as srv:
        srv.serve(PATH, BODY)
        yield srv


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "archive")
    yield a
    a.close()


def make_client(server, archive, *, fake=None, **overrides):
    cfg = Config(base_urls={LIVE: server.url}, connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0,
                 retries=3, backoff=1.0, max_backoff=8.0, default_rate=0, rate_limits={})
    cfg = cfg.replace(**overrides)
    fake = fake or FakeTime()
    client = HttpClient(cfg, archive, sleep=fake.sleep, clock=fake.clock, rng=random.Random(7))
    return client, fake


def get(client, path=PATH, **kw):
    return client.get(LIVE + path, source="sdn", kind="sdn.csv", **kw)


def test_user_agent_names_the_project_and_its_url(server, archive):
    client, _ = make_client(server, archive)
    get(client)
    ua = server.hits(PATH)[0].headers["user-agent"]
    assert "fentanyl-tracker" in ua and "https://" in ua


def test_5xx_then_success_retries_with_exponential_backoff_and_jitter(server, archive):
    server.script(PATH, Status(500), Status(502), Status(503))
    client, fake = make_client(server, archive)
    got = get(client)
    assert got.status == 200 and got.content == BODY
    assert [h.outcome for h in server.hits(PATH)] == ["HTTP 500", "HTTP 502", "HTTP 503", "200"]
    # base 1, 2, 4 seconds, each scaled by a jitter factor in [0.5, 1]
    assert len(fake.sleeps) == 3
    for attempt, waited in enumerate(fake.sleeps):
        assert 0.5 * 2 ** attempt <= waited <= 2 ** attempt
    assert len(set(round(w / 2 ** i, 6) for i, w in enumerate(fake.sleeps))) > 1, "no jitter"
    # the failed answers are in the archive too (status, no bytes), before the good one
    rows = archive.conn.execute("select status, sha256, meta from responses order by seq").fetchall()
    assert [r["status"] for r in rows] == [500, 502, 503, 200]
    assert all(r["sha256"] is None for r in rows[:3]) and '"error"' in rows[0]["meta"]


def test_backoff_is_capped(server, archive):
    client, _ = make_client(server, archive, backoff=10.0, max_backoff=12.0)
    waits = [client._backoff(n) for n in range(8)]
    assert max(waits) <= 12.0 and min(waits[2:]) >= 6.0


def test_persistent_5xx_gives_up_after_the_retries(server, archive):
    server.always(PATH, Status(500))
    client, fake = make_client(server, archive)
    with pytest.raises(FetchError, match=r"gave up after 4 attempts: HTTP 500"):
        get(client)
    assert len(server.hits(PATH)) == 4 and len(fake.sleeps) == 3


def test_429_honours_retry_after_seconds(server, archive):
    server.script(PATH, RetryAfter(7), RetryAfter(3, code=503))
    client, fake = make_client(server, archive)
    assert get(client).content == BODY
    assert fake.sleeps == [7.0, 3.0]


def test_429_honours_retry_after_http_date(server, archive):
    from email.utils import formatdate

    server.script(PATH, Status(429, {"Retry-After": formatdate(time.time() + 20, usegmt=True)}))
    client, fake = make_client(server, archive)
    get(client)
    assert 15 <= fake.sleeps[0] <= 21


def test_429_asking_for_an_absurd_wait_fails_at_once(server, archive):
    server.always(PATH, RetryAfter(int(MAX_RETRY_AFTER) + 100))
    client, fake = make_client(server, archive)
    with pytest.raises(FetchError, match="asks to wait"):
        get(client)
    assert fake.sleeps == [] and len(server.hits(PATH)) == 1


def test_connection_reset_is_retried(server, archive):
    server.script(PATH, Reset(), Reset())
    client, _ = make_client(server, archive)
    assert get(client).content == BODY
    assert len(server.hits(PATH)) == 3


def test_read_timeout_is_retried(server, archive):
    server.script(PATH, Stall(3.0), Stall(3.0, after_headers=True))
    client, _ = make_client(server, archive, read_timeout=0.3)
    started = time.monotonic()
    assert get(client).content == BODY
    assert time.monotonic() - started < 2.5


def test_slow_drip_hits_the_total_deadline_and_is_retried(server, archive):
    # 16 bytes every 50 ms: each read is quick (< read timeout) but the whole body would
    # take ~5 s; the total deadline (0.6 s) must stop it.
    server.script(PATH, Drip(step=16, delay=0.05))
    cfg_clock = time.monotonic  # the deadline needs the real clock

    class RealClock(FakeTime):
        def clock(self):
            return cfg_clock()

    client, fake = make_client(server, archive, fake=RealClock(), total_timeout=0.6, read_timeout=0.5)
    started = time.monotonic()
    got = get(client)
    assert got.content == BODY
    assert time.monotonic() - started < 3
    assert [h.outcome for h in server.hits(PATH)] == ["slow drip", "200"]


def test_truncated_body_is_retried_never_returned(server, archive):
    server.script(PATH, Truncate(0.5), WrongLength(+200))
    client, _ = make_client(server, archive)
    got = get(client)
    assert got.content == BODY and hashlib.sha256(got.content).hexdigest() == got.entry.sha256
    rows = archive.conn.execute("select status, sha256, meta from responses order by seq").fetchall()
    assert [r["sha256"] is None for r in rows] == [True, True, False]
    assert "truncated body" in rows[0]["meta"]


def test_content_length_shorter_than_the_body_yields_the_declared_prefix(server, archive):
    # HTTP cannot tell: the client stops at the declared length. The SDN parser then sees a
    # cut row (see test_faults: wrong Content-Length) -- this test pins the HTTP half.
    server.script(PATH, WrongLength(-37))
    client, _ = make_client(server, archive)
    got = get(client)
    assert got.content == BODY[:-37]


def test_redirect_to_a_host_not_on_the_allow_list_is_refused_without_contacting_it(server, archive):
    # localhost is the same server under another name: if the client followed, we'd see a hit
    server.always(PATH, Redirect(f"http://localhost:{server.port}/stolen"))
    client, fake = make_client(server, archive)
    with pytest.raises(FetchError, match="redirect to 'localhost' refused"):
        get(client)
    assert server.hits("/stolen") == [] and len(server.hits(PATH)) == 1 and fake.sleeps == []
    row = archive.conn.execute("select status, meta from responses").fetchone()
    assert row["status"] == 302 and "refused" in row["meta"]


def test_redirect_to_signed_storage_is_followed_and_archived_under_the_live_url(server, archive):
    storage = "https://ofacprod.blob.core.windows.net"
    server.serve("/exports/SDN.CSV", BODY)
    server.always(PATH, Redirect(storage + "/exports/SDN.CSV?sig=abc"))
    client, _ = make_client(server, archive)
    client.config = client.config.replace(base_urls={**client.config.base_urls, storage: server.url})
    got = get(client)
    assert got.content == BODY and got.final_url == storage + "/exports/SDN.CSV?sig=abc"
    assert got.entry.url == LIVE + PATH and got.entry.meta["final_url"].startswith(storage)


def test_only_the_sanctions_list_service_may_redirect_to_storage_hosts(server, archive):
    # a justice.gov page (open redirect, compromised page) cannot send us to a bucket anyone can own
    doj = "https://www.justice.gov"
    server.always("/news", Redirect("https://attacker.blob.core.windows.net/x"))
    client, _ = make_client(server, archive)
    client.config = client.config.replace(base_urls={**client.config.base_urls, doj: server.url})
    with pytest.raises(FetchError, match="redirect to 'attacker.blob.core.windows.net' refused"):
        client.get(doj + "/news", source="doj", kind="page")


def test_relative_redirect_stays_on_the_allowed_host(server, archive):
    server.serve("/moved.csv", BODY)
    server.always(PATH, Redirect("/moved.csv", 301))
    client, _ = make_client(server, archive)
    got = get(client)
    assert got.final_url == LIVE + "/moved.csv" and got.content == BODY


def test_redirect_loop_stops(server, archive):
    server.always(PATH, Redirect(PATH))
    client, _ = make_client(server, archive)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get(client)


@pytest.mark.parametrize("url", [
    "https://evil.example.com/SDN.CSV",
    "https://justice.gov.evil.example/x",
    "https://justice.gov@evil.example/x",
    "https://sanctionslistservice.ofac.treas.gov.evil.example/x",
    "ftp://www.justice.gov/x",
    "javascript:alert(1)",
    "//www.justice.gov/x",
    "https://ofacprod.blob.core.windows.net/x",   # storage hosts: redirect targets only
    "http://127.0.0.1:9\\@www.justice.gov/x",     # urlsplit: justice.gov; urllib3: 127.0.0.1:9
    "https://www.justice.gov\uff0fx",              # fullwidth solidus (U+FF0F) after the host
    "https://www\uff0ejustice.gov/x",              # fullwidth full stop in the host
    "https://www.justice.gov\t/x",                 # urlsplit drops tabs; urllib3 does not
    "https://www.justice.gov:80:81/x",
])
def test_only_allow_listed_hosts_are_fetched(server, archive, url):
    client, _ = make_client(server, archive)
    with pytest.raises(FetchError, match="allow-list|refused"):
        client.get(url, source="doj", kind="page")
    assert server.hits() == []


def test_allow_list_accepts_the_project_hosts(server, archive):
    client, _ = make_client(server, archive)
    for url in ["https://www.justice.gov/", "https://justice.gov/", "https://home.treasury.gov/x",
                "https://treasury.gov/", "https://ofac.treasury.gov/recent-actions",
                "https://sanctionslistservice.ofac.treas.gov/api/x", "https://WWW.JUSTICE.GOV/"]:
        assert client.host_allowed(url), url


def test_a_local_stand_in_url_is_archived_in_its_live_form(server, archive):
    client, _ = make_client(server, archive)
    got = client.get(server.url + PATH, source="sdn", kind="sdn.csv")
    assert got.entry.url == LIVE + PATH


def test_declared_oversized_response_is_refused_without_reading_it(server, archive):
    server.always(PATH, Oversize(size=5_000_000, declare=True))
    client, fake = make_client(server, archive, max_bytes=1_000_000)
    with pytest.raises(FetchError, match="too large: Content-Length 5000000"):
        get(client)
    assert len(server.hits(PATH)) == 1 and client.bytes == 0


def test_undeclared_oversized_response_is_cut_at_the_cap(server, archive):
    server.always(PATH, Oversize(size=5_000_000, declare=False))
    client, _ = make_client(server, archive)
    with pytest.raises(FetchError, match="more than 200000 bytes"):
        get(client, max_bytes=200_000)
    assert len(server.hits(PATH)) == 1


def test_conditional_get_304_downloads_nothing_and_points_at_the_confirmed_bytes(server, archive):
    client, _ = make_client(server, archive)
    first = get(client, conditional=True)
    before = client.bytes
    second = get(client, conditional=True)
    hits = server.hits(PATH)
    assert "if-none-match" not in hits[0].headers
    assert hits[1].headers["if-none-match"] == server.resources[PATH].etag
    assert hits[1].headers["if-modified-since"] == server.resources[PATH].last_modified
    assert hits[1].outcome == "304" and second.not_modified and second.status == 304
    assert client.bytes == before, "a 304 must not download"
    assert second.content == first.content
    assert second.entry.sha256 == first.entry.sha256 and second.entry.size is None
    row = archive.conn.execute("select status, sha256 from responses order by seq desc").fetchone()
    assert (row["status"], row["sha256"]) == (304, first.entry.sha256)


def test_changed_content_is_downloaded_again(server, archive):
    client, _ = make_client(server, archive)
    get(client, conditional=True)
    server.serve(PATH, BODY + b"1,\"NEW\"\r\n")
    got = get(client, conditional=True)
    assert not got.not_modified and got.content.endswith(b"NEW\"\r\n")


def test_304_without_anything_to_validate_is_an_error(server, archive):
    server.always(PATH, Status(304, body=b""))
    client, _ = make_client(server, archive)
    with pytest.raises(FetchError, match="304"):
        get(client)


def test_per_host_rate_limit(server, archive):
    host = "sanctionslistservice.ofac.treas.gov"
    client, fake = make_client(server, archive, rate_limits={host: 2.0}, default_rate=0)
    for _ in range(3):
        get(client)
    assert fake.sleeps == [0.5, 0.5]
    assert client.requests[host] == 3


def test_every_response_is_archived_with_url_status_headers_time_and_sha256(server, archive):
    client, _ = make_client(server, archive)
    got = get(client)
    e = archive.get(got.entry.seq)
    assert e.url == LIVE + PATH and e.status == 200 and e.headers["etag"] == server.resources[PATH].etag
    assert e.fetched_at and e.sha256 == hashlib.sha256(BODY).hexdigest() and e.size == len(BODY)
    assert archive.read(e) == BODY
    assert e.meta["fetched_from"] == server.url + PATH


def test_http_error_status_is_archived_and_raised(server, archive):
    client, _ = make_client(server, archive)
    with pytest.raises(FetchError, match="HTTP 404"):
        get(client, path="/missing")
    row = archive.conn.execute("select status, sha256 from responses").fetchone()
    assert row["status"] == 404 and row["sha256"] is not None


def test_garbage_bytes_are_returned_and_archived_for_the_parser_to_judge(server, archive):
    server.script(PATH, Body(b"\xff\xfe\x00garbage", label="garbage"))
    client, _ = make_client(server, archive)
    assert get(client).content == b"\xff\xfe\x00garbage"


def test_backoff_and_retry_after_share_one_waiting_budget_per_run(server, archive):
    server.always(PATH, RetryAfter(5))
    server.always("/other.csv", RetryAfter(5))
    client, fake = make_client(server, archive, wait_budget=7.0, retries=5)
    with pytest.raises(FetchError, match=r"waiting budget \(7s"):
        get(client)
    assert fake.sleeps == [5.0] and len(server.hits(PATH)) == 2
    with pytest.raises(FetchError, match="waiting budget"):   # the budget is the run's, not the request's
        get(client, "/other.csv")


def test_no_request_starts_once_the_run_budget_is_spent(server, archive):
    client, fake = make_client(server, archive, run_budget=10.0)
    assert get(client).status == 200
    fake.now += 11
    with pytest.raises(FetchError, match=r"time budget \(10s"):
        get(client)
    assert len(server.hits(PATH)) == 1


def test_slow_response_headers_hit_the_total_deadline(server, archive):
    """One header byte every 0.1 s: each read is under the read timeout, the whole is not."""
    from scrapers.fakeweb.faults import DripHeaders

    server.script(PATH, DripHeaders(30.0, 0.1))
    client = HttpClient(Config(base_urls={LIVE: server.url}, read_timeout=0.5, total_timeout=1.0, retries=1,
                               backoff=0.01, default_rate=0, rate_limits={}), archive)
    started = time.monotonic()
    got = get(client)
    assert time.monotonic() - started < 5
    assert got.content == BODY
    assert [h.outcome for h in server.hits(PATH)] == ["slow headers", "200"]
