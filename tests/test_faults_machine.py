"""The fault matrix, machine side: a full disk, a read-only file system, a garbled archive
index, a gzip bomb planted in the archive. Each ends the command with one line (no
traceback), leaves the database as it was, and after the machine is mended the next run
converges to the clean reference (no row lost, none duplicated).

A full disk and a read-only file system are real: a small tmpfs mounted in a private mount
namespace (`unshare --mount --map-root-user`, no privileges needed where user namespaces are
allowed); where they are not, those tests skip.
"""
from __future__ import annotations

import gzip
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from faultmatrix import compare_rows, record_fault, rows_by_key, sha

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"
ROOT = Path(__file__).resolve().parent.parent
IGNORE = {"list_observations": {"id", "batch_id", "files"}, "list_events": {"observation_id"}}


def tracker(db: Path, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run([sys.executable, "-m", "scrapers", "--db", str(db), *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _short(line: str) -> str:
    """An error line for the fault matrix, without the test's temporary directories."""
    return re.sub(r"/\S*/pytest-\d+/[^/\s]+", "…", line)


def one_line_error(p, *needles: str) -> str:
    """The command failed with exactly one 'Error:' line, no traceback, saying `needles`."""
    text = p.stdout + p.stderr
    assert p.returncode != 0, text
    assert "Traceback" not in text, text
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, text
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """v1 then v2 imported cleanly: what every mended run must converge to."""
    d = tmp_path_factory.mktemp("ref")
    for version, day in (("sdn_v1", "2025-03-01"), ("sdn_v2", "2025-03-05")):
        p = tracker(d / "tracker.db", "import", "sdn", FAULTS / version, "--as-of", day)
        assert p.returncode == 0, p.stderr
    return rows_by_key(d / "tracker.db", IGNORE)


@pytest.fixture
def v1(tmp_path) -> Path:
    """A working directory whose database holds v1."""
    work = tmp_path / "src"
    p = tracker(work / "tracker.db", "import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    assert p.returncode == 0, p.stderr
    return work


def converged(db: Path, reference: dict) -> tuple[int, int]:
    lost, dup, _ = compare_rows(rows_by_key(db, IGNORE), reference)
    return lost, dup


# -- a private tmpfs ------------------------------------------------------------------------------
def _namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        p = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c",
                            "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d"],
                           capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return p.returncode == 0


needs_tmpfs = pytest.mark.skipif(not _namespaces_work(),
                                 reason="cannot mount a tmpfs in a user namespace here (unshare)")


def on_tmpfs(tmp_path: Path, src: Path, steps: list[str], *, size_kb: int = 4096, free_kb: int | None = None,
             read_only: bool = False) -> list[subprocess.CompletedProcess]:
    """Copy `src` onto a fresh tmpfs (filled up to `free_kb` free, or remounted read-only),
    then run each step (`tracker` arguments) against the copy, in one private mount
    namespace. Between steps the database is copied out (step i -> tmp_path/after-i.db).
    A step "MEND" frees the disk (deletes the filler)."""
    mnt, out = tmp_path / "mnt", tmp_path / "out"
    mnt.mkdir()
    out.mkdir()
    lines = ["set -u", f"mount -t tmpfs -o size={size_kb}k tmpfs {mnt}", f"cp -a {src}/. {mnt}/"]
    if free_kb is not None:
        lines += [f"dd if=/dev/zero of={mnt}/filler bs=4096 2>/dev/null || true",
                  f"truncate -s -{free_kb}K {mnt}/filler"]
    if read_only:
        lines.append(f"mount -o remount,ro {mnt}")
    py = shlex.quote(sys.executable)
    for i, step in enumerate(steps):
        if step == "MEND":
            lines.append(f"rm -f {mnt}/filler; echo 0 > {out}/rc{i}; : > {out}/out{i}; : > {out}/err{i}")
        else:
            lines.append(f"cd {ROOT} && {py} -m scrapers --db {mnt}/tracker.db {step} > {out}/out{i} 2> {out}/err{i};"
                         f" echo $? > {out}/rc{i}")
        lines.append(f"cp {mnt}/tracker.db {tmp_path}/after-{i}.db 2>/dev/null || true")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    p = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c", "\n".join(lines)], env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return [subprocess.CompletedProcess(step, int((out / f"rc{i}").read_text()), (out / f"out{i}").read_text(),
                                        (out / f"err{i}").read_text()) for i, step in enumerate(steps)]


# -- full disk ------------------------------------------------------------------------------------
@needs_tmpfs
@pytest.mark.parametrize("free_kb,when", [(96, "building the database"), (4, "writing the archive")])
def test_full_disk_is_one_line_and_the_next_run_converges(tmp_path, v1, reference, free_kb, when):
    before = sha(v1 / "tracker.db")
    v2 = f"import sdn {FAULTS / 'sdn_v2'} --as-of 2025-03-05"
    full, status, _mend, again = on_tmpfs(tmp_path, v1, [v2, "status", "MEND", v2], free_kb=free_kb)
    said = one_line_error(full, "no space left on the device")
    assert sha(tmp_path / "after-0.db") == before, "a failed build changed the database"
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr
    assert again.returncode == 0, again.stdout + again.stderr
    lost, dup = converged(tmp_path / "after-3.db", reference)
    record_fault(f"disk full while {when}", f"a tmpfs with {free_kb} kB free when `tracker import sdn` ran",
                 f"one line, exit 1, old database kept: {_short(said)[7:120]}; `status` works; after freeing space the"
                 " same command converged", lost, dup, lost == dup == 0,
                 "test_faults_machine.py::test_full_disk_is_one_line_and_the_next_run_converges", source="machine")
    assert (lost, dup) == (0, 0)


# -- read-only file system ------------------------------------------------------------------------
@needs_tmpfs
def test_read_only_file_system_status_works_and_writers_fail_in_one_line(tmp_path, v1, reference):
    before = sha(v1 / "tracker.db")
    status, update, rebuild = on_tmpfs(
        tmp_path, v1, ["status", f"import sdn {FAULTS / 'sdn_v2'} --as-of 2025-03-05", "rebuild"], read_only=True)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "designations listed" in status.stdout and "Traceback" not in status.stderr
    assert "Last run: import sdn" in status.stdout           # the archive index was read too
    said = one_line_error(update, "read-only")
    one_line_error(rebuild, "read-only")
    assert sha(tmp_path / "after-2.db") == before
    # the same directory, writable again: the import goes through
    p = tracker(v1 / "tracker.db", "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-05")
    assert p.returncode == 0, p.stderr
    lost, dup = converged(v1 / "tracker.db", reference)
    record_fault("read-only file system", "the database and archive on a file system remounted read-only",
                 f"`tracker status` works (read-only open); writers: one line, exit 1: {_short(said)[7:110]}; writable"
                 " again, the import converged", lost, dup, lost == dup == 0,
                 "test_faults_machine.py::test_read_only_file_system_status_works_and_writers_fail_in_one_line",
                 source="machine")
    assert (lost, dup) == (0, 0)


# -- a garbled archive index ----------------------------------------------------------------------
def test_garbled_archive_index_is_one_line_everywhere(tmp_path, v1, reference):
    index = v1 / "archive" / "index.sqlite"
    good = index.read_bytes()
    before = sha(v1 / "tracker.db")
    index.write_bytes(b"GARBLED " * 4096)
    db = v1 / "tracker.db"
    status = tracker(db, "status")
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr
    assert "Archive: PROBLEM" in status.stdout and "not a database" in status.stdout, status.stdout
    said = one_line_error(tracker(db, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-05"), "archive index",
                          "damaged")
    one_line_error(tracker(db, "rebuild"), "damaged")
    one_line_error(tracker(db, "update", "--source", "sdn"), "damaged")
    assert sha(db) == before
    index.write_bytes(good)     # restored from a copy
    for suffix in ("-wal", "-shm"):
        Path(str(index) + suffix).unlink(missing_ok=True)
    p = tracker(db, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-05")
    assert p.returncode == 0, p.stderr
    lost, dup = converged(db, reference)
    record_fault("garbled archive index", "archive/index.sqlite overwritten with garbage",
                 f"status reports it and exits 0; import, update, rebuild: one line, exit 1: {_short(said)[7:100]};"
                 " restored, the import converged", lost, dup, lost == dup == 0,
                 "test_faults_machine.py::test_garbled_archive_index_is_one_line_everywhere", source="machine")
    assert (lost, dup) == (0, 0)


# -- a gzip bomb in the archive -------------------------------------------------------------------
def test_gzip_bomb_blob_is_refused_without_being_read_into_memory(tmp_path, v1, reference):
    """A blob replaced by 1 GB of zeros gzipped (1 MB on disk): `rebuild` must refuse it
    after reading what the entry's recorded size allows, not decompress it whole."""
    db = v1 / "tracker.db"
    p = tracker(db, "import", "sdn", FAULTS / "sdn_v2", "--as-of", "2025-03-05")
    assert p.returncode == 0, p.stderr
    before = sha(db)
    conn = sqlite3.connect(v1 / "archive" / "index.sqlite")
    (digest,) = conn.execute("select sha256 from responses where kind = 'sdn.csv' order by seq desc limit 1").fetchone()
    conn.close()
    blob = v1 / "archive" / "blobs" / digest[:2] / f"{digest}.gz"
    good = blob.read_bytes()
    block = b"\0" * (1 << 20)
    with gzip.open(blob, "wb", compresslevel=9) as fh:
        for _ in range(1024):
            fh.write(block)
    probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
             " print(p.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
             " sys.stderr.write(p.stdout + p.stderr)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    r = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "scrapers", "--db", str(db), "rebuild"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    rc, maxrss_kb = (int(x) for x in r.stdout.split())
    said = one_line_error(subprocess.CompletedProcess("rebuild", rc, "", r.stderr), "decompresses to more than")
    assert maxrss_kb < 400 * 1024, f"rebuild peaked at {maxrss_kb // 1024} MB"
    assert sha(db) == before
    blob.write_bytes(good)
    p = tracker(db, "rebuild")
    assert p.returncode == 0, p.stderr
    lost, dup = converged(db, reference)
    record_fault("gzip bomb in the archive", "an archived sdn.csv blob replaced by 1 GB of zeros gzipped (1 MB)",
                 f"rebuild refused it in one line, exit 1, peak memory {maxrss_kb // 1024} MB (not 1 GB):"
                 f" {_short(said)[7:110]}…; blob restored, rebuild converged", lost, dup, lost == dup == 0,
                 "test_faults_machine.py::test_gzip_bomb_blob_is_refused_without_being_read_into_memory",
                 source="machine")
    assert (lost, dup) == (0, 0)
