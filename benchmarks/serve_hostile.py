"""`tracker serve` under a bounded hostile load from 127.0.0.1: does its memory stay under a
fixed ceiling? (issue 16)

    python benchmarks/serve_hostile.py DB [--unique 30000] [--heavy 300] [--threads 8]
                                          [--ceiling-mb 400] [--cache-mb 64] [--unique-path /-/versions.json]

Starts the real `tracker serve` on DB (arbitrary SQL on: it listens on 127.0.0.1), then
runs, at the same time from `--threads` client threads:
  unique URLs   `--unique` GETs of table pages (or of `--unique-path`, e.g. a small JSON page,
                where the URL outweighs the page) with a unique 8 kB query string each
                (every one a cache miss that Datasette renders and the page cache may keep);
  heavy queries `--heavy` rounds of hostile SQL: randomblob(400000000), a million-row
                recursive CTE sorted, 200 rows of 2 MB zeroblobs, a 127-character LIKE over
                a 2 MB string, fts3_tokenizer, pragma_database_list, a full cross join, a
                facet on every column of the largest table.
It samples the server's resident memory every 50 ms: its anonymous part (RssAnon: the heap,
what a visitor can make grow) and the whole (VmRSS, which also counts the pages of the
database file SQLite has memory-mapped, read-only and shared: at most the file's size), and
reads the peak (VmHWM) at the end; prints one JSON line and exits 1 when the anonymous
memory passed `--ceiling-mb`.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAVY_SQL = [
    "select randomblob(400000000)",
    "select length(randomblob(2000000)) from (with recursive c(x) as (select 1 union all select x + 1 from c"
    " limit 1000) select x from c)",
    "with recursive c(x) as (select 1 union all select x + 1 from c limit 1000000) select x from c order by"
    " random() limit 5",
    "with recursive c(x) as (select 1 union all select x + 1 from c limit 200) select zeroblob(2000000) from c",
    "select printf('%.*c', 2000000, 'a') like '%' || printf('%.*c', 125, 'a') || 'b%'",
    "select fts3_tokenizer('simple')",
    "select * from pragma_database_list",
    "select count(*) from sqlite_master a, sqlite_master b, sqlite_master c, sqlite_master d, sqlite_master e",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_kb(pid: int) -> dict:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:", "RssAnon:", "RssFile:")):
                out[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return out


def get(port: int, path: str, timeout: float = 30) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        conn.close()


def start(db: Path, port: int, cache_mb: float | None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    args = [sys.executable, "-m", "scrapers", "--db", str(db), "serve", "--port", str(port)]
    if cache_mb is not None:
        args += ["--cache-mb", str(cache_mb)]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("tracker serve exited")
        if get(port, "/-/versions.json", timeout=2) == 200:
            return proc
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("tracker serve did not start")


def tables(db: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' and name not like"
                                           " '%fts%' and name not like 'sqlite_%' and name != 'build_info'")]
    finally:
        conn.close()


def run(db: Path, unique: int, heavy: int, threads: int, cache_mb: float | None = None, seed: int = 16,
        unique_path: str | None = None) -> dict:
    db = Path(db)
    name = db.stem
    port = free_port()
    proc = start(db, port, cache_mb)
    rng = random.Random(seed)
    names = tables(db)
    jobs: list[str] = []
    for i in range(unique):
        table = names[i % len(names)]
        noise = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8000))
        jobs.append(f"{unique_path or f'/{name}/{table}'}?_hostile={i}-{noise}")
    heavy_jobs = []
    for _ in range(heavy):
        for sql in HEAVY_SQL:
            heavy_jobs.append(f"/{name}.json?" + urllib.parse.urlencode({"sql": sql}))
        for table in names:
            heavy_jobs.append(f"/{name}/{table}.json?_size=max&" + "&".join(f"_facet={c}" for c in ("id", "name", "url",
                                                                                                      "uid", "title")))
    rng.shuffle(heavy_jobs)
    queue = jobs + heavy_jobs
    rng.shuffle(queue)
    lock = threading.Lock()
    statuses: dict[int, int] = {}
    samples: list[int] = []
    anon: list[int] = []
    done = threading.Event()

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            status = get(port, path, timeout=60)
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    def sampler():
        while not done.is_set():
            mem = memory_kb(proc.pid)
            if mem.get("VmRSS"):
                samples.append(mem["VmRSS"])
                anon.append(mem.get("RssAnon", 0))
            done.wait(0.05)

    start_mem = memory_kb(proc.pid)
    started = time.monotonic()
    sampling = threading.Thread(target=sampler, daemon=True)
    sampling.start()
    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - started
    alive = get(port, f"/{name}", timeout=30)
    done.set()
    sampling.join()
    end_mem = memory_kb(proc.pid)
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    return {"db": str(db), "unique_urls": unique, "heavy_requests": len(heavy_jobs), "threads": threads,
            "seconds": round(elapsed, 1), "statuses": statuses, "answers_after": alive,
            "rss_start_mb": round(start_mem.get("VmRSS", 0) / 1024, 1),
            "anon_start_mb": round(start_mem.get("RssAnon", 0) / 1024, 1),
            "anon_max_sampled_mb": round(max(anon, default=0) / 1024, 1),
            "file_mapped_end_mb": round(end_mem.get("RssFile", 0) / 1024, 1),
            "rss_max_sampled_mb": round(max(samples, default=0) / 1024, 1),
            "rss_peak_mb": round(end_mem.get("VmHWM", 0) / 1024, 1),
            "rss_end_mb": round(end_mem.get("VmRSS", 0) / 1024, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--unique", type=int, default=30000)
    ap.add_argument("--heavy", type=int, default=300)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--cache-mb", type=float, default=None)
    ap.add_argument("--ceiling-mb", type=float, default=400)
    ap.add_argument("--unique-path", default=None, help="the page requested with unique query strings")
    args = ap.parse_args(argv)
    got = run(args.db, args.unique, args.heavy, args.threads, args.cache_mb, unique_path=args.unique_path)
    got["unique_path"] = args.unique_path
    got["ceiling_mb"] = args.ceiling_mb
    got["load_average"] = os.getloadavg()[0]
    print(json.dumps(got))
    return 0 if got["anon_max_sampled_mb"] <= args.ceiling_mb else 1


if __name__ == "__main__":
    sys.exit(main())
