"""Shared test fixtures.

- `corpus`: path of ../shared/corpus (real source material); tests using it are skipped
  when it is absent (a fresh clone has no ../shared).
- `workdir`: a temporary directory holding `tracker.db` and `archive/`.
- `run_cli`: runs the `tracker` CLI in-process (click's CliRunner) against `workdir`.
- `fixtures`: path of tests/fixtures (our own fixture files, imitating the real sources).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrapers.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TRACKER_CORPUS", ROOT.parent / "shared" / "corpus"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present (fresh clone): corpus tests skipped")
    return CORPUS


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("TRACKER_PROGRAMS", raising=False)
    monkeypatch.delenv("TRACKER_BASE_URLS", raising=False)
    return tmp_path


class CliResult:
    def __init__(self, result):
        self.exit_code = result.exit_code
        self.output = result.output
        self.stderr = result.stderr if hasattr(result, "stderr") else ""
        self.exception = result.exception

    def __repr__(self):
        return f"<CliResult exit={self.exit_code} output={self.output[-2000:]!r} stderr={self.stderr[-2000:]!r}>"


@pytest.fixture
def run_cli(workdir):
    """run_cli('import', 'sdn', path, db=...) -> CliResult (db defaults to workdir/tracker.db)."""

    def run(*args, db: Path | None = None, expect: int | None = 0, env: dict | None = None):
        runner = CliRunner()
        db = db or workdir / "tracker.db"
        result = CliResult(runner.invoke(cli, ["--db", str(db), *map(str, args)], env=env,
                                         catch_exceptions=True))
        if expect is not None and result.exit_code != expect:
            if result.exception and not isinstance(result.exception, SystemExit):
                raise result.exception
            raise AssertionError(f"tracker {' '.join(map(str, args))} exited {result.exit_code}, expected {expect}:\n"
                                 f"{result.output}\n{result.stderr}")
        return result

    return run
