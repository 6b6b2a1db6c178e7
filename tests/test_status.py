"""`tracker status`: last successful run per source, counts, newest data, errors since,
failures and interrupted builds."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scrapers.publish.status import collect_status, staleness

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent


def bad_row_dir(tmp_path: Path) -> Path:
    d = tmp_path / "2025-03-08"
    d.mkdir()
    text = (FAULTS / "sdn_v2" / "sdn.csv").read_bytes().replace(b'90105,"ZHENG, Liwen","individual"',
                                                                b'90105,"ZHENG, Liwen"', 1)
    (d / "sdn.csv").write_bytes(text)
    return d


def test_status_before_anything_was_built(run_cli, workdir):
    out = run_cli("status").output
    assert "(not built yet)" in out
    info = json.loads(run_cli("status", "--json").output)
    assert info["sources"] == {} and "built_at" not in info


def test_status_after_success_failure_and_errors(run_cli, workdir, tmp_path):
    run_cli("import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    run_cli("import", "sdn", bad_row_dir(tmp_path), "--max-errors", "1")
    run_cli("import", "sdn", FAULTS / "sdn_half", "--as-of", "2025-03-09", expect=1)
    info = json.loads(run_cli("status", "--json").output)
    sdn = info["sources"]["sdn"]
    assert sdn["last_success"] and sdn["last_status"] == "rejected"
    assert "would drop from 21 to 10" in sdn["last_failure_reason"]
    assert len(sdn["rejected_since_success"]) == 1
    assert sdn["latest"] == "2025-03-08"
    assert sdn["counts"] == {"designations_listed": 21, "list_observations": 2}
    assert sdn["errors"] == 1 and sdn["errors_since"] == 1
    assert info["counts"]["errors"] == 1 and info["errors_by_source"] == {"sdn": 1}
    assert info["sources"]["doj"]["last_success"] is None
    assert info["recent_runs"][0]["status"] == "failed" and info["failed_runs_since"] >= 1
    text = run_cli("status").output
    assert "sdn       last success" in text and "newest data 2025-03-08" in text
    assert "FAILED: assertions failed" in text and "input problems 1 (1 since" in text
    assert "doj       last success never" in text
    # errors since a later date: none
    later = json.loads(run_cli("status", "--json", "--since", "2999-01-01").output)
    assert later["sources"]["sdn"]["errors_since"] == 0 and later["sources"]["sdn"]["errors"] == 1


def test_status_reports_a_build_a_kill_interrupted(run_cli, workdir):
    run_cli("import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_BUILD_FAULT"] = "applied:die"
    p = subprocess.run([sys.executable, "-m", "scrapers", "--db", str(workdir / "tracker.db"), "import", "sdn",
                        str(FAULTS / "sdn_v2"), "--as-of", "2025-03-08"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == -9
    out = run_cli("status").output
    assert "interrupted build left sdn batch 2" in out and "the next command applies it" in out


def test_status_survives_a_damaged_database(run_cli, workdir):
    (workdir / "tracker.db").write_bytes(b"this is not sqlite" * 100)
    info = collect_status(workdir / "tracker.db", workdir / "archive")
    assert info.get("database_error")
    assert "could not be read" in staleness(workdir / "tracker.db") or "Stale" in staleness(workdir / "tracker.db")
    assert run_cli("status").exit_code == 0


def test_staleness_line(run_cli, workdir):
    assert staleness(workdir / "tracker.db").endswith("does not exist yet.")
    run_cli("import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    line = staleness(workdir / "tracker.db")
    assert line.startswith("Stale: Serving data last built ") and "SDN list as of 2025-03-01" in line
