"""The fault matrix, publishing side: what a published database, archive and workflow give
away. No local path of an imported file is published (tracker.db is downloadable, the
archive is committed to the data branch); the scheduled workflow gives each step only what
it needs, and third-party actions are pinned to a commit."""
from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml
from faultmatrix import record_fault

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "update.yml"


def tracker(db: Path, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run([sys.executable, "-m", "scrapers", "--db", str(db), *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def texts_holding(db: Path, needle: str) -> list[str]:
    """table.column of every text value in `db` that contains `needle`."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    found = []
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
            for col in cols:
                n = conn.execute(f"select count(*) from [{table}] where instr(cast([{col}] as text), ?) > 0",
                                 (needle,)).fetchone()[0]
                if n:
                    found.append(f"{table}.{col}")
    finally:
        conn.close()
    return found


def test_no_local_path_is_published(tmp_path):
    """Import files from a directory whose absolute path is recognisable; neither tracker.db
    nor the archive index may hold it (errors, list_observations.files, archive metadata)."""
    secret = tmp_path / "home-of-someone-private" / "downloads"
    work = tmp_path / "work"
    for version, day in (("sdn_v1", "2025-03-01"), ("sdn_v2", "2025-03-05")):
        (secret / version).mkdir(parents=True)
        for f in (FAULTS / version).iterdir():
            (secret / version / f.name).write_bytes(f.read_bytes())
        p = tracker(work / "tracker.db", "import", "sdn", secret / version, "--as-of", day)
        assert p.returncode == 0, p.stderr
    # a file with a bad row, accepted with --max-errors: its location goes to `errors`
    (secret / "bad").mkdir()
    for f in (FAULTS / "sdn_v2").iterdir():
        (secret / "bad" / f.name).write_bytes(f.read_bytes())
    sdn = secret / "bad" / "sdn.csv"
    sdn.write_bytes(sdn.read_bytes().replace(b'90105,"ZHENG, Liwen","individual"', b'90105,"ZHENG, Liwen"', 1))
    p = tracker(work / "tracker.db", "import", "sdn", secret / "bad", "--as-of", "2025-03-08", "--max-errors", "5")
    assert p.returncode == 0, p.stderr
    conn = sqlite3.connect(work / "tracker.db")
    files, errors = conn.execute("select files from list_observations order by id desc limit 1").fetchone()[0], \
        conn.execute("select location from errors").fetchall()
    conn.close()
    assert '"from": "bad/sdn.csv"' in files and errors == [("bad/sdn.csv",)], (files, errors)
    leaks = texts_holding(work / "tracker.db", "home-of-someone-private")
    leaks += [f"archive:{t}" for t in texts_holding(work / "archive" / "index.sqlite", "home-of-someone-private")]
    p = tracker(work / "tracker.db", "rebuild")
    assert p.returncode == 0, p.stderr
    leaks += [f"rebuilt:{t}" for t in texts_holding(work / "tracker.db", "home-of-someone-private")]
    record_fault("local paths in published files", "files imported from /…/home-of-someone-private/downloads/…"
                 " (one with a bad row, recorded in errors)",
                 "no table of tracker.db (list_observations.files, errors, …) nor the archive index holds the"
                 f" local path: {len(leaks)} leaks; files are named by their name and their directory's name only", 0, 0, None,
                 "test_faults_publish.py::test_no_local_path_is_published", source="publish")
    assert leaks == []


def test_an_old_archive_with_absolute_paths_publishes_names_only(tmp_path):
    """Archives written before the fix hold absolute paths in their metadata: a rebuild
    publishes the file name only."""
    work = tmp_path / "work"
    p = tracker(work / "tracker.db", "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    assert p.returncode == 0, p.stderr
    conn = sqlite3.connect(work / "archive" / "index.sqlite")
    conn.execute("""update responses set meta = json_set(meta, '$.path', '/home/someone-private/' || json_extract(meta, '$.path'))""")
    conn.commit()
    conn.close()
    assert tracker(work / "tracker.db", "rebuild").returncode == 0
    assert texts_holding(work / "tracker.db", "someone-private") == []


# -- the scheduled workflow -------------------------------------------------------------------------
def _steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def _uses_network_content(step: dict) -> bool:
    run = step.get("run") or ""
    return bool(re.search(r"\btracker\b[^\n]*\b(update|run|import|rebuild)\b", run))


def test_scheduled_workflow_least_privilege_and_pinned_actions():
    wf = yaml.safe_load(WORKFLOW.read_text())
    problems = []
    top = wf.get("permissions")
    if top not in ({}, {"contents": "read"}, "read-all") and top is not None:
        problems.append(f"workflow-wide permissions {top!r}: grant per job instead")
    if top is None:
        problems.append("no workflow-wide permissions: the token gets the repository default")
    if any("secrets." in str(v) for v in (wf.get("env") or {}).values()):
        problems.append("secrets in the workflow-wide env: every step of every job sees them")
    for name, job in (wf.get("jobs") or {}).items():
        steps = _steps(job)
        processes = any(_uses_network_content(s) for s in steps)
        perms = job.get("permissions")
        if processes:
            if perms is None or (isinstance(perms, dict) and any(v == "write" for v in perms.values())):
                problems.append(f"job {name} runs `tracker` on network content with a writing token ({perms!r})")
            if "secrets." in str(job.get("env") or {}) or any("secrets." in str(s) for s in steps):
                problems.append(f"job {name} runs `tracker` on network content and can read secrets")
            for s in steps:
                if str(s.get("uses", "")).startswith("actions/checkout") and \
                        (s.get("with") or {}).get("persist-credentials") is not False:
                    problems.append(f"job {name}: checkout leaves the token in .git/config (persist-credentials)")
        for s in steps:
            secrets_seen = "secrets." in str(s.get("env") or {}) or "secrets." in str(s.get("with") or {})
            if secrets_seen and _uses_network_content(s):
                problems.append(f"job {name}: a step with secrets runs the scraper")
        for s in steps:
            uses = s.get("uses")
            if uses and not uses.startswith("./") and not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses):
                problems.append(f"job {name}: action {uses} is not pinned to a commit")
        if job.get("timeout-minutes") is None:
            problems.append(f"job {name} has no timeout")
    record_fault("scheduled workflow privileges", ".github/workflows/update.yml read as an attacker would: which"
                 " step holds which token and secret, which action runs at a moving ref",
                 f"{len(problems)} problem(s): the scraper runs with a read-only token and no secrets; committing"
                 " and each publisher are separate jobs with only their own credential; actions pinned by commit",
                 0, 0, None, "test_faults_publish.py::test_scheduled_workflow_least_privilege_and_pinned_actions",
                 source="publish")
    assert problems == []
