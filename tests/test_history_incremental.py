"""A list history costs what changed (issue 17): each new version archived as a line delta
against the one before (byte-exact, sha256-checked), and read by comparing raw lines, only
the changed rows parsed -- giving exactly the database a whole-file parse of every version gives,
on versions with the quirks of the real files."""
from __future__ import annotations

import random

import pytest
from datesfix import EO, Person, sdn_csv
from dbquery import one

from scrapers import blobdelta
from scrapers.archive import Archive, ArchiveError
from scrapers.db import content_hashes
from scrapers.sources import get_source
from scrapers.sources.sdn.source import SdnSource


def population(rng: random.Random, n: int = 2000) -> list[Person]:
    people = []
    for uid in range(20000, 20000 + n):
        tracked = uid % 9 == 0
        people.append(Person(uid, f"PERSONA FALSA {uid}, Nombre", kind="individual" if uid % 3 else "entity",
                             programs=(EO,) if tracked else ("SDGT",),
                             remarks=f"DOB {rng.randint(1950, 1999)}; nationality Mexico; "
                                     f"Passport X{uid}{rng.randint(0, 9)} (Mexico); a.k.a. 'ALIAS {uid}'."))
    return people


def versions(seed: int = 17) -> list[bytes]:
    """Twelve versions: entries added and removed, remarks changed, an entry re-tagged, a name
    corrected, an entry out of scope changed, one version identical to the one before."""
    rng = random.Random(seed)
    people = population(rng)
    out = [sdn_csv(people)]
    for step in range(11):
        if step == 4:
            out.append(out[-1])
            continue
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(people))
            p = people[k]
            people[k] = Person(p.uid, p.name, p.kind, p.programs, remarks=p.remarks.replace("Mexico;", "Guatemala;", 1))
        if step % 3 == 0:
            people.insert(rng.randrange(len(people)), Person(30000 + step, f"NUEVA FALSA {step}, Ana",
                                                             remarks="nationality Colombia."))
        if step % 4 == 1:
            del people[rng.randrange(len(people))]
        if step == 6:       # a Kingpin Act style entry put under the tracked program
            k = next(i for i, p in enumerate(people) if EO not in p.programs)
            people[k] = Person(people[k].uid, people[k].name, people[k].kind, ("SDNTK", EO), remarks=people[k].remarks)
        if step == 8:
            k = next(i for i, p in enumerate(people) if EO in p.programs)
            people[k] = Person(people[k].uid, people[k].name + " JR", people[k].kind, people[k].programs,
                               remarks=people[k].remarks)
        out.append(sdn_csv(people))
    return out


def write_history(root, contents: list[bytes], start_day: int = 1, comments: list[bytes] | None = None):
    for n, content in enumerate(contents):
        d = root / f"2024-03-{start_day + n:02d}T183000"
        d.mkdir(parents=True)
        (d / "sdn.csv").write_bytes(content)
        if comments is not None:
            (d / "sdn_comments.csv").write_bytes(comments[n])
    return root


@pytest.fixture
def whole_file(monkeypatch):
    """Switch the incremental reading off: every version parsed whole, as before."""
    def switch():
        monkeypatch.setattr(SdnSource, "_read_changed", lambda *a, **k: None)
    return switch


@pytest.fixture(autouse=True)
def fresh_snapshot():
    get_source("sdn")._snapshot = None
    yield
    get_source("sdn")._snapshot = None


def import_both(run_cli, tmp_path, contents, whole_file, comments=None):
    hist = write_history(tmp_path / "h", contents, comments=comments)
    seen = {"incremental": 0}
    original = SdnSource._read_changed

    def counting(self, *args):
        got = original(self, *args)
        seen["incremental"] += got is not None
        return got

    SdnSource._read_changed = counting
    try:
        run_cli("import", "sdn-history", hist, db=tmp_path / "a" / "tracker.db")
    finally:
        SdnSource._read_changed = original
    whole_file()
    run_cli("import", "sdn-history", hist, db=tmp_path / "b" / "tracker.db")
    return content_hashes(tmp_path / "a" / "tracker.db"), content_hashes(tmp_path / "b" / "tracker.db"), seen


def test_incremental_reading_gives_the_whole_file_database(run_cli, tmp_path, whole_file):
    a, b, seen = import_both(run_cli, tmp_path, versions(), whole_file)
    assert a == b
    assert seen["incremental"] == 11            # every version after the first read by its changes
    db = tmp_path / "a" / "tracker.db"
    assert one(db, "select count(*) from list_events where event = 'changed'") >= 3
    assert one(db, "select count(*) from list_events where details like '%on_list_before%'") == 1


def test_a_retag_in_a_later_build_is_told_from_the_uids_stored_with_the_database(run_cli, tmp_path):
    """The uids of the latest version (every program) live in the database (sdn_list_uids), so
    a version imported later, by another command with no version kept in memory, still tells a
    re-tag (on the list before, under another program) from a new designation."""
    contents = versions()
    retag = next(n for n in range(1, len(contents)) if contents[n].count(b"SDNTK") > contents[n - 1].count(b"SDNTK"))
    db = tmp_path / "tracker.db"
    run_cli("import", "sdn-history", write_history(tmp_path / "h", contents[:retag]), db=db)
    assert one(db, "select count(*) from sdn_list_uids") == contents[retag - 1].count(b"\r\n")
    get_source("sdn")._snapshot = None
    later = tmp_path / "later" / "sdn.csv"
    later.parent.mkdir()
    later.write_bytes(contents[retag])
    run_cli("import", "sdn", later, "--as-of", "2024-04-30", db=db)
    assert one(db, "select count(*) from list_events where details like '%on_list_before%'") == 1
    assert one(db, "select count(*) from sdn_list_uids") == contents[retag].count(b"\r\n")


def test_comments_for_entries_not_on_the_list_are_not_taken_for_entries(run_cli, tmp_path, whole_file):
    """sdn_comments.csv may continue the remarks of an entry the list does not hold: a change to
    it marks that uid for a new look, but it never enters the list's uids."""
    contents = versions()
    comments = [b'99999,"continued remarks, version %d"\r\n20009,"more of the remarks %d"\r\n' % (n, n // 3)
                for n in range(len(contents))]
    a, b, seen = import_both(run_cli, tmp_path, contents, whole_file, comments)
    assert a == b and seen["incremental"] >= 9
    db = tmp_path / "a" / "tracker.db"
    assert one(db, "select count(*) from sdn_list_uids") == contents[-1].count(b"\r\n")
    assert one(db, "select count(*) from sdn_list_uids where uid = 99999") == 0


@pytest.mark.parametrize("quirk", ["bom", "utf8", "blank-line", "twice", "header", "multiline", "bad-byte",
                                   "short-row", "empty", "nul-in-row", "nul-at-end"])
def test_versions_the_shortcut_cannot_promise_are_read_whole(run_cli, tmp_path, whole_file, quirk):
    base = versions()[:4]
    text = base[3]
    rows = text.split(b"\r\n")
    if quirk == "bom":
        text = b"\xef\xbb\xbf" + text
    elif quirk == "utf8":
        text = text.replace(b"Nombre", "Ñombre".encode("utf-8"))
    elif quirk == "blank-line":
        text = b"\r\n".join(rows[:5] + [b""] + rows[5:])
    elif quirk == "twice":
        text = b"\r\n".join(rows[:5] + [rows[3]] + rows[5:])
    elif quirk == "header":
        text = b"ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n" + text
    elif quirk == "multiline":
        text = text.replace(b"nationality Guatemala", b"nationality\r\nGuatemala", 1).replace(
            b"nationality Mexico", b"nationality\r\nMexico", 1)
    elif quirk == "bad-byte":
        text = text.replace(b"Nombre", b"Nombre\x81", 1)
    elif quirk == "short-row":
        text = b"\r\n".join(rows[:5] + [b'29999,"CORTA"'] + rows[5:])
    elif quirk == "empty":
        text = b""
    elif quirk == "nul-in-row":      # (the build reads a version by its lines, never joined: still seen)
        text = text.replace(b"Nombre", b"Nom\x00bre", 1)
    elif quirk == "nul-at-end":
        text = text + b"\x00\r\n"
    a, b, _ = import_both(run_cli, tmp_path, base[:3] + [text] + versions()[4:6], whole_file)
    assert a == b


# -- the archive ----------------------------------------------------------------------------------
def test_history_archive_holds_deltas_restored_byte_for_byte(run_cli, tmp_path):
    contents = versions()
    write_history(tmp_path / "h", contents)
    run_cli("import", "sdn-history", tmp_path / "h")
    archive = Archive(tmp_path / "archive")
    rows = archive.conn.execute("select sha256, size from responses where kind = 'sdn.csv' order by seq").fetchall()
    deltas = [sha for sha, _ in rows if archive.delta_path(sha).exists()]
    assert len(set(deltas)) == len(set(contents)) - 1                # the first version is whole
    assert max(archive.delta_path(sha).stat().st_size for sha in deltas) < 5_000   # vs ~390 kB a version
    fresh = Archive(tmp_path / "archive")                            # nothing in memory: from disk
    assert [fresh.read(sha) for sha, _ in rows] == contents
    db = tmp_path / "tracker.db"
    before = content_hashes(db)
    get_source("sdn")._snapshot = None
    run_cli("rebuild")
    assert content_hashes(db) == before


def test_damaged_delta_or_missing_base_is_named_never_parsed(run_cli, tmp_path):
    write_history(tmp_path / "h", versions()[:3])
    run_cli("import", "sdn-history", tmp_path / "h")
    archive = Archive(tmp_path / "archive")
    shas = [r[0] for r in archive.conn.execute("select sha256 from responses where kind = 'sdn.csv' order by seq")]
    last = archive.delta_path(shas[-1])
    blob = bytearray(last.read_bytes())
    blob[-5] ^= 0xFF
    last.write_bytes(bytes(blob))
    with pytest.raises(ArchiveError, match="is damaged: the delta"):
        Archive(tmp_path / "archive").read(shas[-1])
    archive.blob_path(shas[0]).unlink()
    with pytest.raises(ArchiveError, match="whose base cannot be read"):
        Archive(tmp_path / "archive").read(shas[1])
    result = run_cli("rebuild", expect=1)
    assert "archive entry" in result.output


def test_delta_chains_are_cut_by_whole_files(tmp_path, monkeypatch):
    import scrapers.archive as archive_module

    monkeypatch.setattr(archive_module, "DELTA_MAX_DEPTH", 3)
    archive = Archive(tmp_path / "a")
    contents = versions()
    shas = [archive.put("sdn", "sdn.csv", c).sha256 for c in dict.fromkeys(contents)]
    whole = [s for s in shas if archive.blob_path(s).exists()]
    assert len(whole) == 3 and whole[0] == shas[0]
    fresh = Archive(tmp_path / "a")
    assert [fresh.read(s) for s in reversed(shas)] == list(reversed(list(dict.fromkeys(contents))))


def test_line_deltas_rebuild_any_edit(tmp_path):
    rng = random.Random(3)
    for _ in range(200):
        old = [f"{k},{rng.randint(0, 3)}\r\n".encode() for k in range(rng.randint(0, 80))]
        new = list(old)
        for _ in range(rng.randint(0, 10)):
            r = rng.random()
            if r < 0.3 and new:
                del new[rng.randrange(len(new))]
            elif r < 0.6:
                new.insert(rng.randint(0, len(new)), f"{rng.randint(0, 99)},x\n".encode())
            elif new:
                new[rng.randrange(len(new))] = b"lone cr\r"
        if rng.random() < 0.3:
            new.append(b"no end of line")
        a, b = b"".join(old), b"".join(new)
        delta = blobdelta.encode(a, b, "0" * 64, 1)
        assert blobdelta.decode(delta, a) == b
    with pytest.raises(blobdelta.DeltaError, match="bad header"):
        blobdelta.decode(b"garbage", b"")
    forged = blobdelta.encode(b"a\n", b"a\nb\n", "0" * 64, 1).replace(b" 4 ", b" 40000000000 ")
    with pytest.raises(blobdelta.DeltaError, match="more than"):
        blobdelta.decode(forged, b"a\n", max_size=1000)


def _edited(rng: random.Random, rows: list[bytes]) -> list[bytes]:
    """A new version of a file's rows: rows changed, inserted, deleted, moved far, repeated."""
    out = list(rows)
    for _ in range(rng.randint(1, 6)):
        kind, k = rng.choice(["change", "insert", "delete", "move", "repeat"]), rng.randrange(1, len(out) - 1)
        if kind == "change":
            out[k] = out[k].replace(b"Mexico", b"Peru", 1) if b"Mexico" in out[k] else out[k][:-2] + b" x\r\n"
        elif kind == "insert":
            out.insert(k, b'%d,"NUEVA FALSA %d, Ana",-0-,"SDGT",-0-,-0-,-0-,-0-,-0-,-0-,-0-,"x."\r\n'
                       % (40000 + k, k))
        elif kind == "delete":
            del out[k]
        elif kind == "move":
            out.insert(rng.randrange(1, len(out) - 1), out.pop(k))
        elif rng.random() < 0.3:
            out.insert(rng.randrange(1, len(out) - 1), out[k])      # the same line twice
    return out


def test_reading_by_the_copied_lines_gives_what_comparing_every_line_gives():
    """Archive.copied_lines lets the reader look only at the lines a version does not copy
    from the one before; on random edits (moves far, lines repeated, a byte-order mark, the
    end-of-file mark) it must give exactly the line set, lines added and lines gone that the
    comparison of every line gives, and give up wherever a line is there twice."""
    from scrapers.sources.sdn.incremental import _by_copies, read_changed, snapshot_of, split
    from scrapers.sources.sdn.parse import parse_sdn_rows

    rng = random.Random(5)
    first = sdn_csv(population(rng, 300))
    base_lines = blobdelta.lines(first)
    prev = snapshot_of(1, (EO,), first, parse_sdn_rows(first.decode("cp1252"), "x", []), base_lines)
    prev.sha256 = "base"
    used = twice = 0
    for trial in range(80):
        new_rows = _edited(rng, base_lines[:-1]) + base_lines[-1:]
        if trial % 7 == 0:
            new_rows[0] = b"\xef\xbb\xbf" + new_rows[0]
        content = b"".join(new_rows)
        stats: dict = {}
        blobdelta.encode(list(base_lines), content, "base", 1, sha256="x", size=len(content), stats=stats)
        new_lines = stats["lines"]            # (as the archive keeps them: copied lines are the base's)
        copied = ("base", *blobdelta.copied_runs(stats["ops"]))
        rows = split(content, new_lines)
        now = set(rows)
        quick = _by_copies(prev, rows, len(new_lines), copied)
        if len(now) != len(rows):
            assert quick is None, trial
            twice += 1
            continue
        assert quick == (now, now - prev.lines, prev.lines - now), trial
        used += 1
        # and through read_changed, the same snapshot either way
        a, b = read_changed(prev, content, {EO}, new_lines, copied), read_changed(prev, content, {EO}, new_lines)
        assert (a is None) == (b is None) and (a is None or (a[0].lines, a[1], a[2]) == (b[0].lines, b[1], b[2]))
        c = read_changed(prev, None, {EO}, new_lines, copied)       # by its lines alone, the same
        assert (a is None) == (c is None) and (a is None or (a[0].lines, a[1], a[2]) == (c[0].lines, c[1], c[2]))
    assert used >= 40 and twice >= 3
    assert _by_copies(prev, split(first, base_lines), len(base_lines), ("another", [], len(base_lines))) is None
