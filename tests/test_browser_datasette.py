"""A real browser against `tracker serve`: headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright with executable_path) on one server started here on 127.0.0.1 for the
module, on the invented fixtures of tests/fixtures/datasette.

The three journeys, as a person would take them:
- journalist: search "Gusman" (misspelt, no accent) -> the Guzmán entries; open a profile; see
  the designating release and its date; follow to the release; from another entry's timeline
  follow to its DOJ case;
- compliance: filter designations by Mexico + listed and download every row as CSV;
- researcher / follower: the home page (latest designations, browse, chart with empty months)
  and the change digest between two list versions, with old and new values.
Every page visited: a screenshot in test-artifacts/, no console error, and axe-core (npm,
`.ci/run` installs it into node_modules/) finds no serious or critical accessibility
violation. Without Chromium, Playwright or axe-core the tests skip, unless
TRACKER_REQUIRE_BROWSER=1 (CI), where they fail.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import os
import shutil
import socket
import sqlite3
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
AXE = Path(os.environ.get("TRACKER_AXE", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
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
    if not AXE.exists():
        _unavailable(f"axe-core is not installed ({AXE}; npm install axe-core, see .ci/run); browser test skipped")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(chromium, tmp_path_factory):
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
    yield base, db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture(scope="module")
def browser(chromium, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True, viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()


class Visit:
    """A page that records console errors; `check(name)` screenshots it and runs axe-core."""

    def __init__(self, context):
        self.page = context.new_page()
        self.page.set_default_timeout(15000)
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def check(self, name: str) -> None:
        page = self.page
        page.wait_for_load_state("load")
        page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)
        assert not self.errors, f"{name}: console errors {self.errors}"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name} ({page.url}): accessibility violations:\n" + "\n".join(bad)

    def close(self):
        self.page.close()


@pytest.fixture
def visit(browser):
    v = Visit(browser)
    yield v
    v.close()


def test_journalist_search_misspelt_name_profile_release_and_case(served, visit):
    base, _ = served
    page = visit.page
    page.goto(base + "/")
    visit.check("home")
    # latest designations and the chart of every month (empty ones too) are on the home page
    assert page.locator("#h-latest").is_visible()
    assert "without any designation" in page.locator(".chart").inner_text()

    page.fill("#tracker-q", "Gusman")
    page.locator("#tracker-q").press("Enter")
    page.wait_for_url("**/search?q=Gusman**")
    results = page.locator("#entry-results li").all_inner_texts()
    assert any("GUZMAN RIVERA, Ernesto" in r for r in results), results
    assert any("ALDANA GUZMAN, Rosa Elena" in r for r in results), results
    assert "Did you mean" in page.locator("#did-you-mean").inner_text()
    visit.check("search-gusman")

    # the profile: the designating release and its date
    page.locator("#entry-results a", has_text="ALDANA GUZMAN, Rosa Elena").click()
    page.wait_for_url("**/entry/90013")
    timeline = page.locator("ol.timeline").inner_text()
    assert "2024-01-05" in timeline and "Designated" in timeline
    assert "Treasury Targets Sinaloa-Based Fentanyl Suppliers" in timeline
    visit.check("profile-entry")
    page.locator("ol.timeline a", has_text="Treasury Targets Sinaloa-Based").first.click()
    page.wait_for_url("**/release/**")
    assert "ALDANA GUZMAN, Rosa Elena" in page.locator("#designated").inner_text()
    mentioned = page.locator("#mentioned")
    assert mentioned.count() == 0 or "ALDANA GUZMAN" not in mentioned.inner_text()
    visit.check("profile-release")

    # another Guzmán: his DOJ case, stage labelled as an allegation
    page.go_back()
    page.go_back()
    page.locator("#entry-results a", has_text="GUZMAN RIVERA, Ernesto").click()
    page.wait_for_url("**/entry/90001")
    page.locator("ol.timeline a", has_text="Case").first.click()
    page.wait_for_url("**/case/**")
    text = page.locator("main").inner_text()
    assert "Indicted" in text and "presumed innocent" in text and "Ernesto Guzman Rivera" in text
    visit.check("profile-case")


def test_compliance_filter_mexico_listed_and_download_every_row(served, visit, tmp_path):
    base, db = served
    page = visit.page
    page.goto(base + "/tracker/designations?_size=5")  # small pages: "every row" must mean every row
    page.locator("#facet-countries a", has_text="Mexico").first.click()
    page.wait_for_url("**countries__arraycontains=Mexico**")
    page.locator("#facet-listed a", has_text="1").first.click()
    page.wait_for_url("**listed=1**")
    visit.check("designations-mexico-listed")
    con = sqlite3.connect(db)
    expected = {r[0] for r in con.execute("select uid from designations, json_each(countries)"
                                          " where value = 'Mexico' and listed = 1")}
    con.close()
    assert page.locator("h3").first.inner_text().startswith(f"{len(expected)} rows")
    with page.expect_download() as info:
        page.locator(".tracker-recipes a", has_text="CSV, every row").click()
    download = info.value
    assert "mexico" in download.suggested_filename and "listed-1" in download.suggested_filename
    assert download.suggested_filename.endswith("2025-03-14.csv"), download.suggested_filename
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {int(r["uid"]) for r in rows} == expected and len(rows) == len(expected)


def test_change_digest_between_two_list_versions_shows_old_and_new_values(served, visit):
    base, _ = served
    page = visit.page
    page.goto(base + "/changes")
    page.fill("#from", "2025-03-11")
    page.fill("#to", "2025-03-14")
    page.locator("form.digest-filter button").click()
    page.wait_for_url("**from=2025-03-11**")
    table = page.locator("#changes").inner_text()
    assert "TRANSPORTES CELESTE S.A. DE C.V." in page.locator("#changes .change-old").all_inner_texts()
    assert "TRANSPORTES CELESTE DEL GOLFO S.A. DE C.V." in page.locator("#changes .change-new").all_inner_texts()
    assert "added" in table and "removed" in table
    visit.check("changes")
