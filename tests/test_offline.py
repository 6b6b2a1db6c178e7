"""Without network: `tracker update` names each unreachable source in one line, leaves the
database untouched and exits non-zero; `tracker run` then serves the last good database and
says it is stale, with its date."""
from __future__ import annotations

import socket

import pytest

from scrapers.db import content_hashes
from scrapers.sources import SOURCE_NAMES


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()   # nothing listens there any more: connections are refused
    return port


@pytest.fixture
def offline(workdir):
    port = closed_port()
    bases = ", ".join(f'"{live}" = "http://127.0.0.1:{port}"' for live in (
        "https://sanctionslistservice.ofac.treas.gov", "https://home.treasury.gov", "https://ofac.treasury.gov",
        "https://www.justice.gov", "https://justice.gov", "https://www.federalregister.gov"))
    (workdir / "tracker.toml").write_text(
        f"[http]\nretries = 1\nbackoff = 0.01\nconnect_timeout = 2\ndefault_rate = 0\n"
        f'rate_limits = {{ "www.justice.gov" = 0 }}\nbase_urls = {{ {bases} }}\n')
    return workdir


@pytest.mark.slow
def test_update_offline_names_each_source_and_changes_nothing(run_cli, offline, fixtures):
    run_cli("import", "sdn", fixtures / "sdn" / "2024-01-02")
    db = offline / "tracker.db"
    before = content_hashes(db)
    result = run_cli("update", expect=1)
    out = result.output            # stdout and stderr, as the user sees them
    lines = [l for l in out.splitlines() if "unreachable or failed" in l]
    assert sorted(l.split(":", 1)[0] for l in lines) == sorted(SOURCE_NAMES)   # one line each
    assert all("connection refused" in l for l in lines)
    assert "Stale:" in out and "last built" in out and "SDN list as of 2024-01-02" in out
    assert content_hashes(db) == before


@pytest.mark.slow
def test_run_offline_serves_the_last_good_database_marked_stale(run_cli, offline, fixtures, monkeypatch):
    """The site starts at once on the database there is; when the update fails, every page
    says the data is stale, how old it is and why (publish/progress.py)."""
    import time

    from scrapers.publish.progress import BOARD, notice_html

    run_cli("import", "sdn", fixtures / "sdn" / "2024-01-02")
    before = content_hashes(offline / "tracker.db")
    served = {}

    def fake_serve(db_path, **kwargs):
        served.update(db=db_path, **kwargs)
        deadline = time.monotonic() + 30
        while not BOARD.snapshot().get("failed") and time.monotonic() < deadline:
            time.sleep(0.05)
        served["notice"] = notice_html(BOARD.snapshot())

    monkeypatch.setattr("scrapers.publish.serve.serve_database", fake_serve)
    result = run_cli("run", "--port", "8999", expect=None)
    assert served["db"] == offline / "tracker.db" and served["port"] == 8999
    notice = served["notice"]
    assert "Stale data" in notice and "SDN list as of 2024-01-02" in notice and "connection refused" in notice
    assert all(f"{name}: unreachable or failed" in notice for name in ("sdn", "treasury", "doj"))
    assert "unreachable or failed" in result.output + result.stderr
    assert content_hashes(offline / "tracker.db") == before


@pytest.mark.slow
def test_run_offline_without_any_database_fails_clearly(run_cli, offline):
    result = run_cli("run", expect=1)
    assert "nothing to serve" in result.output + result.stderr


def test_unresolvable_host_fails_fast_and_is_not_retried(workdir):
    from scrapers.archive import Archive
    from scrapers.config import Config
    from scrapers.errors import FetchError
    from scrapers.http import HttpClient

    cfg = Config(retries=5, backoff=10.0, default_rate=0,
                 base_urls={"https://www.justice.gov": "http://tracker-test-host.invalid"})
    slept = []
    client = HttpClient(cfg, Archive(workdir / "archive"), sleep=slept.append)
    with pytest.raises(FetchError, match="cannot resolve the host name"):
        client.get("https://www.justice.gov/api/v1/press_releases.json", source="doj", kind="page")
    # the next request to the same host fails at once, without a new attempt
    sent = sum(client.requests.values())
    with pytest.raises(FetchError, match="could not be reached earlier in this run"):
        client.get("https://www.justice.gov/api/v1/press_releases.json?page=1", source="doj", kind="page")
    assert sum(client.requests.values()) == sent == 1 and slept == []
