"""A real browser against `tracker serve`: headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright with executable_path) on a server started here on 127.0.0.1.

Opens the designations table, clicks the Mexico country facet and checks the count, searches
a name (without its accent), downloads the filtered and the complete CSV, and opens the chart.
Screenshots go to test-artifacts/. Without Chromium (or Playwright) the test skips, unless
TRACKER_REQUIRE_BROWSER=1 (CI), where it fails.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "datasette"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("TRACKER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (TRACKER_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = os.environ.get("TRACKER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        _unavailable("Chromium is not installed (Debian: apt-get install chromium); browser test skipped")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]'); browser test skipped")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory):
    spec = importlib.util.spec_from_file_location("datasette_fixtures", FIXTURES / "generate.py")
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    db = fixtures.build_database(tmp_path_factory.mktemp("browser") / "tracker.db")
    port = _free_port()
    log = open(db.parent / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "scrapers", "--db", str(db), "serve", "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.seek(0)
            pytest.fail(f"tracker serve did not come up on {base}:\n{log.read()[-3000:]}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture
def page(chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True, viewport={"width": 1400, "height": 1000})
        try:
            pg = context.new_page()
            pg.set_default_timeout(15000)
            yield pg
        finally:
            context.close()


def _download_csv(page, tmp_path, name: str, stream: bool) -> list[dict]:
    page.locator("#export").scroll_into_view_if_needed()
    form = page.locator("#export form")
    form.locator('input[name="_dl"]').check()
    if stream:
        form.locator('input[name="_stream"]').check()
    with page.expect_download() as info:
        form.locator('input[type="submit"], button[type="submit"]').first.click()
    target = tmp_path / name
    info.value.save_as(target)
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))


def test_browse_facet_search_and_download(server, page, tmp_path):
    page.goto(f"{server}/tracker/designations")
    assert "SDN entries" in page.title() or "designations" in page.title()
    # default facets, without any query parameter
    assert page.locator("#facet-countries").is_visible()
    assert page.locator("#facet-entity_type").is_visible()
    assert "18 rows" in page.locator("h3").first.inner_text()

    page.locator("#facet-countries a", has_text="Mexico").first.click()
    page.wait_for_url("**countries__arraycontains=Mexico**")
    heading = page.locator("h3").first.inner_text()
    assert heading.startswith("12 rows"), heading
    page.screenshot(path=str(ARTIFACTS / "browser-designations-mexico.png"), full_page=True)

    rows = _download_csv(page, tmp_path, "mexico.csv", stream=False)
    assert len(rows) == 12 and all("Mexico" in r["countries"] for r in rows)

    # search a name, typed without its accent, inside the Mexico filter
    page.fill("#_search", "guzman")
    page.locator("#_search").press("Enter")
    page.wait_for_url("**_search=guzman**")
    heading = page.locator("h3").first.inner_text()
    assert heading.startswith("3 rows"), heading
    names = page.locator("table.rows-and-columns td.col-name").all_inner_texts()
    assert "GUZMAN RIVERA, Ernesto" in names
    page.screenshot(path=str(ARTIFACTS / "browser-designations-search.png"), full_page=True)

    # the complete table, streamed page after page (pages of 5 rows here)
    page.goto(f"{server}/tracker/designations?_size=5")
    rows = _download_csv(page, tmp_path, "all.csv", stream=True)
    assert len(rows) == 18 and len({r["uid"] for r in rows}) == 18


def test_chart_of_designations_per_month(server, page):
    page.goto(f"{server}/tracker/designations_per_month")
    page.get_by_role("link", name="Show the chart").click()
    chart = page.locator(".vega-embed canvas, .vega-embed svg").first
    chart.wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / "browser-chart-designations-per-month.png"), full_page=True)
