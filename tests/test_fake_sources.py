"""The benchmarks' stand-in server (scrapers/fakeweb/sources.py) survives a long keep-alive
connection: a full-size run sends about a thousand DOJ API requests on one connection."""
from __future__ import annotations

import http.client
import json
import time

import pytest

from scrapers.fakeweb.sources import FakeSources


@pytest.mark.slow
def test_fake_sources_answer_every_doj_request_on_one_keep_alive_connection():
    with FakeSources(sdn_entries=20, treasury_releases=3, doj_releases=60) as site:
        host, port = "127.0.0.1", site.web.port
        conn = http.client.HTTPConnection(host, port, timeout=10)
        statuses = []
        try:
            for n in range(1200):
                conn.request("GET", f"/doj/api/v1/press_releases.json?sort=date&direction=DESC&pagesize=1&page={n % 50}")
                resp = conn.getresponse()
                body = resp.read()
                statuses.append(resp.status)
                if n == 0:
                    assert json.loads(body)["results"]
        finally:
            conn.close()
        assert statuses == [200] * 1200
        # the server logs a request just after its answer has left: wait for the last entry
        deadline = time.monotonic() + 5
        while site.mark() < 1200 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert site.counts() == {"www.justice.gov": {"200": 1200}}
