"""Settings: defaults here, overridden by an optional `tracker.toml` beside the database
(or `--config PATH`), then by the environment (TRACKER_PROGRAMS, TRACKER_BASE_URLS).
A `Config` is frozen once loaded: what a command changes for one run (extra program tags,
a request rate) travels in its FetchRequest or the HTTP client, never back into the settings.

    [sdn]
    programs = ["SDNTK"]          # tracked in addition to ILLICIT-DRUGS-EO14059

    [http]
    user_agent = "..."
    rate_limits = { "www.justice.gov" = 2.0 }

    [doj]
    since = "2021-01-01"

    [run]
    part_seconds = 20             # tracker run: build what a backfill fetched this often
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
import types
from pathlib import Path
from typing import Mapping

from .errors import TrackerError

DEFAULT_PROGRAM = "ILLICIT-DRUGS-EO14059"
PROJECT_URL = "https://github.com/fentanyl-tracker/tracker"

DEFAULT_RATE_LIMITS = {
    # requests per second, per host
    "www.justice.gov": 2.0,
    "justice.gov": 2.0,
    "home.treasury.gov": 1.0,
    "ofac.treasury.gov": 1.0,
    "sanctionslistservice.ofac.treas.gov": 1.0,
    # the Federal Register API allows about 5/s, its full texts about 1/s (its maintainers, 2019)
    "www.federalregister.gov": 1.0,
}

# Hosts the scraper may contact. Links found in pages cannot send it anywhere else.
DEFAULT_ALLOWED_HOSTS = [
    "home.treasury.gov", "treasury.gov", "www.treasury.gov", "ofac.treasury.gov",
    "sanctionslistservice.ofac.treas.gov", "justice.gov", "www.justice.gov",
    "www.federalregister.gov", "federalregister.gov",
]
# Where the Sanctions List Service may redirect its downloads (signed storage URLs).
DEFAULT_REDIRECT_HOSTS = [
    "*.ofac.treas.gov", "*.treas.gov", "*.treasury.gov", "*.blob.core.windows.net",
    "*.s3.amazonaws.com", "s3.amazonaws.com", "*.s3.*.amazonaws.com", "*.cloudfront.net",
]


def _frozen(mapping: dict) -> Mapping:
    return types.MappingProxyType(dict(mapping))


@dataclasses.dataclass(frozen=True)
class Config:
    programs: tuple[str, ...] = (DEFAULT_PROGRAM,)
    user_agent: str = f"fentanyl-tracker/0.1 (+{PROJECT_URL})"
    rate_limits: Mapping[str, float] = dataclasses.field(default_factory=lambda: _frozen(DEFAULT_RATE_LIMITS))
    default_rate: float = 1.0
    allowed_hosts: tuple[str, ...] = tuple(DEFAULT_ALLOWED_HOSTS)
    redirect_hosts: tuple[str, ...] = tuple(DEFAULT_REDIRECT_HOSTS)
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    total_timeout: float = 300.0
    retries: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    # per run: seconds asleep in backoff / Retry-After at most; seconds of network time at most
    # (the scheduled workflow's job has 120 minutes: network 90, then build and commit)
    wait_budget: float = 1200.0
    run_budget: float = 5400.0
    max_bytes: int = 64 * 1024 * 1024
    max_errors: int = 0
    doj_since: str = "2021-01-01"
    treasury_since: str = "2021-12-15"
    treasury_listings: tuple[str, ...] | None = None   # default: `walk` in treasury.yml
    # E.O. 14059 designations may not drop by more than this share between observations
    # [default: `assertions: max_drop` in sdn.yml].
    max_drop: float | None = None
    # `tracker run` (scrapers/service.py): how often a long fetch hands what it has to the
    # builder, the least time between two builds, how often the terminal gets a status line,
    # how soon a failed update is tried again (seconds); the schedule is --update-every.
    run_part_seconds: float = 20.0
    run_build_gap: float = 10.0
    run_status_seconds: float = 15.0
    run_retry_seconds: float = 900.0
    # Test and benchmark hook: rewrite live base URLs to a local server.
    base_urls: Mapping[str, str] = dataclasses.field(default_factory=lambda: _frozen({}))

    def url(self, live: str) -> str:
        """The live URL, or its local stand-in when `base_urls` maps its prefix."""
        for prefix, replacement in self.base_urls.items():
            # the prefix must end at a boundary: https://host.gov.evil.example is not https://host.gov
            if live.startswith(prefix) and (len(live) == len(prefix) or live[len(prefix)] in "/?#"
                                            or prefix.endswith("/")):
                return replacement + live[len(prefix):]
        return live

    def __post_init__(self):
        # lists and mappings are frozen like the rest
        for key in ("programs", "allowed_hosts", "redirect_hosts", "treasury_listings"):
            value = getattr(self, key)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, key, tuple(value))
        for key in ("rate_limits", "base_urls"):
            if not isinstance(getattr(self, key), types.MappingProxyType):
                object.__setattr__(self, key, _frozen(getattr(self, key)))

    def replace(self, **changes) -> "Config":
        """A copy with these settings changed."""
        return dataclasses.replace(self, **changes)

    def with_programs(self, programs) -> "Config":
        """A copy that also tracks these program tags (in order, without repeats)."""
        merged = _merge(list(self.programs), list(programs))
        return self if tuple(merged) == self.programs else self.replace(programs=merged)


def load_config(path: Path | None, db_path: Path) -> Config:
    settings: dict = {}
    candidate = path or db_path.parent / "tracker.toml"
    if path is not None and not path.exists():
        raise TrackerError(f"config file not found: {path}")
    if candidate.exists():
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise TrackerError(f"{candidate}: not valid TOML: {exc}") from exc
        settings = _settings(data, candidate)
    cfg = Config().replace(**settings)
    env_programs = os.environ.get("TRACKER_PROGRAMS")
    if env_programs:
        cfg = cfg.with_programs(p.strip() for p in env_programs.split(",") if p.strip())
    env_bases = os.environ.get("TRACKER_BASE_URLS")
    if env_bases:
        # "https://www.justice.gov=http://127.0.0.1:8123,https://...=..."
        bases = dict(cfg.base_urls)
        for pair in env_bases.split(","):
            live, _, local = pair.partition("=")
            if live and local:
                bases[live.strip()] = local.strip()
        cfg = cfg.replace(base_urls=bases)
    return cfg


def _merge(a: list[str], b: list[str]) -> list[str]:
    out = list(a)
    for item in b:
        if item not in out:
            out.append(item)
    return out


def _settings(data: dict, where: Path) -> dict:
    """The Config fields `tracker.toml` sets."""
    base = Config()
    out: dict = {}
    sdn = data.get("sdn", {})
    if "programs" in sdn:
        if not isinstance(sdn["programs"], list):
            raise TrackerError(f"{where}: [sdn] programs must be a list of program tags")
        out["programs"] = _merge(list(base.programs), [str(p) for p in sdn["programs"]])
    if "max_drop" in sdn:
        out["max_drop"] = float(sdn["max_drop"])
    http = data.get("http", {})
    for key in ("user_agent", "connect_timeout", "read_timeout", "total_timeout", "retries",
                "backoff", "max_backoff", "max_bytes", "default_rate", "wait_budget", "run_budget"):
        if key in http:
            out[key] = type(getattr(base, key))(http[key])
    if "rate_limits" in http:
        out["rate_limits"] = {**base.rate_limits, **{k: float(v) for k, v in http["rate_limits"].items()}}
    if "allowed_hosts" in http:
        out["allowed_hosts"] = _merge(list(base.allowed_hosts), list(http["allowed_hosts"]))
    if "base_urls" in http:
        out["base_urls"] = dict(http["base_urls"])
    if "since" in data.get("doj", {}):
        out["doj_since"] = str(data["doj"]["since"])
    if "since" in data.get("treasury", {}):
        out["treasury_since"] = str(data["treasury"]["since"])
    if "listings" in data.get("treasury", {}):
        out["treasury_listings"] = [str(x) for x in data["treasury"]["listings"]]
    for key, value in data.get("run", {}).items():
        if f"run_{key}" not in {f.name for f in dataclasses.fields(Config)}:
            raise TrackerError(f"{where}: [run] {key}: unknown setting (part_seconds, build_gap, status_seconds,"
                               " retry_seconds)")
        try:
            out[f"run_{key}"] = float(value)
        except (TypeError, ValueError) as exc:
            raise TrackerError(f"{where}: [run] {key} must be a number of seconds") from exc
    if "max_errors" in data.get("build", {}):
        out["max_errors"] = int(data["build"]["max_errors"])
    return out
