"""A running `tracker serve` picks up a rebuilt tracker.db on its next request."""
from __future__ import annotations

import asyncio
import shutil

from scrapers.publish import reload as datasette_reload
from scrapers.publish.serve import make_datasette


def get_count(ds, path: str) -> int:
    async def go():
        resp = await ds.client.get(path)
        assert resp.status_code == 200, resp.text
        return resp.json()["rows"][0][0]
    return asyncio.run(go())


def test_a_replaced_database_is_served_without_restart(run_cli, workdir, fixtures, tmp_path):
    hist = fixtures / "sdn" / "history"
    run_cli("import", "sdn", hist / "2024-01-02")
    db = workdir / "tracker.db"
    ds = make_datasette(db)
    sql = "/tracker.json?sql=select+count(*)+from+designations+where+listed+%3D+1&_shape=arrays"
    assert get_count(ds, sql) == 8
    # a new build is renamed over tracker.db, as every tracker command does
    other = tmp_path / "other"
    other.mkdir()
    run_cli("import", "sdn", hist / "2024-01-06", db=other / "tracker.db")
    run_cli("import", "sdn", hist / "2024-01-02", db=other / "tracker.db")  # older: replays history
    shutil.copy(other / "tracker.db", workdir / "next.db")
    (workdir / "next.db").replace(db)
    datasette_reload._last_check[0] = 0.0  # don't wait for the once-a-second check
    assert get_count(ds, sql) == 10
    assert list(ds.databases).count("tracker") == 1 and "tracker_2" not in ds.databases
