"""The raw archive: what was fetched is stored once, exactly, with its provenance; damage is
detected and named; conditional GET never vouches for bytes that only failed."""
from __future__ import annotations

import gzip
import hashlib
import sqlite3
from pathlib import Path

import pytest

from scrapers.archive import Archive, ArchiveError

FAULTS = Path(__file__).resolve().parent / "fixtures" / "faults"


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "archive")
    yield a
    a.close()


def test_put_records_provenance_and_stores_identical_bytes_once(archive):
    body = b"ent_num,name\r\n1,X\r\n"
    e1 = archive.put("sdn", "sdn.csv", body, url="https://x.gov/a", status=200,
                     headers={"ETag": '"1"', "Content-Type": "text/csv"}, meta={"k": 1})
    e2 = archive.put("sdn", "sdn.csv", body, url="https://x.gov/a", status=200, headers={})
    assert e1.sha256 == e2.sha256 == hashlib.sha256(body).hexdigest() and e1.seq != e2.seq
    assert len(list((archive.root / "blobs").rglob("*.gz"))) == 1
    got = archive.get(e1.seq)
    assert (got.url, got.status, got.headers, got.size, got.meta) == (
        "https://x.gov/a", 200, {"etag": '"1"', "content-type": "text/csv"}, len(body), {"k": 1})
    assert got.fetched_at.endswith("Z") and archive.read(got) == body


def test_blobs_are_deterministic_gzip(archive, tmp_path):
    e = archive.put("sdn", "sdn.csv", b"same bytes")
    other = Archive(tmp_path / "other")
    f = other.put("sdn", "sdn.csv", b"same bytes")
    assert archive.blob_path(e.sha256).read_bytes() == other.blob_path(f.sha256).read_bytes()
    other.close()


def test_a_damaged_blob_is_named_not_parsed(archive):
    e = archive.put("sdn", "sdn.csv", b"original bytes", url="https://x.gov/a")
    path = archive.blob_path(e.sha256)
    path.write_bytes(gzip.compress(b"tampered bytes", mtime=0))
    with pytest.raises(ArchiveError, match=r"#1 \(https://x.gov/a\).*sha256 mismatch"):
        archive.read(e)
    path.write_bytes(b"not gzip at all")
    with pytest.raises(ArchiveError, match="is damaged"):
        archive.read(e)
    path.unlink()
    with pytest.raises(ArchiveError, match="bytes are missing"):
        archive.read(e)


def test_rebuild_over_a_damaged_archive_fails_and_keeps_the_database(run_cli, workdir):
    run_cli("import", "sdn", FAULTS / "sdn_v1", "--as-of", "2025-03-01")
    db = workdir / "tracker.db"
    before = db.read_bytes()
    conn = sqlite3.connect(workdir / "archive" / "index.sqlite")
    sha = conn.execute("select sha256 from responses where kind = 'sdn.csv'").fetchone()[0]
    conn.close()
    blob = workdir / "archive" / "blobs" / sha[:2] / f"{sha}.gz"
    blob.write_bytes(gzip.compress(b"90101,\"SOMEONE ELSE\"", mtime=0))
    result = run_cli("rebuild", expect=1)
    assert "does not hold the bytes it was stored as" in result.output and "sdn_v1/sdn.csv" in result.output
    assert db.read_bytes() == before


def test_validators_skip_bytes_that_only_went_into_rejected_batches(archive):
    url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
    good = archive.put("sdn", "sdn.csv", b"good", url=url, status=200, headers={"ETag": '"g"'})
    b1 = archive.new_batch("sdn", "observation", "2025-03-01")
    archive.add_to_batch(b1, good, "sdn")
    archive.set_batch_status([b1.id], "applied")
    assert archive.validators(url)["etag"] == '"g"'
    cut = archive.put("sdn", "sdn.csv", b"cu", url=url, status=200, headers={"ETag": '"c"'})
    b2 = archive.new_batch("sdn", "observation", "2025-03-02")
    archive.add_to_batch(b2, cut, "sdn")
    assert archive.validators(url)["etag"] == '"c"'          # not judged yet
    archive.set_batch_status([b2.id], "rejected", "the file ends inside a quoted field")
    assert archive.validators(url) == {}                      # download again next time


def test_find_batch_sees_batches_a_killed_build_left(archive):
    b = archive.new_batch("sdn", "observation", "2025-03-01", {"fingerprint": "f"})
    assert archive.find_batch("sdn", "observation", "2025-03-01", "f") is None      # pending: not yet
    archive.set_batch_status([b.id], "building")
    assert archive.find_batch("sdn", "observation", "2025-03-01", "f").id == b.id
    archive.set_batch_status([b.id], "rejected", "x")
    assert archive.find_batch("sdn", "observation", "2025-03-01", "f") is None
