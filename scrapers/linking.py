"""Cross-source links, recomputed on every build after all batches are applied.

Each linking module registers a derivation with `build.register_derivation`; importing
this module imports them all. Derivations must be deterministic functions of the tables
the sources wrote (so `tracker rebuild` reproduces them exactly) and must first clear
whatever they derived last time.
"""
from __future__ import annotations

import importlib

LINKING_MODULES = ["scrapers.link_treasury", "scrapers.link_doj"]

for _name in LINKING_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:
        if exc.name != _name:
            raise
