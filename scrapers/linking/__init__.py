"""Cross-source links, recomputed on every build after all batches are applied.

`DERIVATIONS` lists them in the order they run: each is a function (db, ctx) -> counts.
DOJ links come after Treasury's because they read what the Treasury pass found (which SDN
entries a release designated); case timelines (cases.py) come last, over the DOJ defendants. Derivations must be deterministic functions of the tables the
sources wrote (so `tracker rebuild` reproduces them exactly) and must first clear what they
derived before. To add one: write it in a module of this package and append it here.
"""
from __future__ import annotations

from .cases import link_cases
from .doj import link_doj
from .treasury import link_treasury

DERIVATIONS = (
    link_treasury,
    link_doj,
    link_cases,
)
