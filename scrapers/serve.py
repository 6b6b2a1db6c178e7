"""`tracker serve`: Datasette on tracker.db, read-only, with metadata.yml and the plugins."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

from .errors import TrackerError
from .status import staleness

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def find_metadata(explicit: str | None) -> Path | None:
    for candidate in [explicit, "metadata.yml", PROJECT_ROOT / "metadata.yml"]:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


def datasette_args(db_path: Path, *, host: str, port: int, metadata: str | None) -> list[str]:
    args = [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "--host", host, "--port", str(port),
            "--setting", "allow_download", "on", "--setting", "max_csv_mb", "0"]
    meta = find_metadata(metadata)
    if meta:
        args += ["--metadata", str(meta)]
    return args


def serve_database(db_path: Path, *, host: str, port: int, metadata: str | None, log: Callable[[str], None]) -> None:
    if not db_path.exists():
        raise TrackerError(f"{db_path} does not exist: run `tracker update` or `tracker import ...` first")
    log(staleness(db_path).replace("Stale: ", "Data: "))
    log(f"Serving {db_path} at http://{host}:{port}/")
    try:
        subprocess.run(datasette_args(db_path, host=host, port=port, metadata=metadata), check=True)
    except KeyboardInterrupt:
        pass
    except subprocess.CalledProcessError as exc:
        raise TrackerError(f"datasette exited with status {exc.returncode}") from exc
