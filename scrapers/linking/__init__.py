"""Cross-source links, recomputed on every build after all batches are applied.

`DERIVATIONS` lists them in the order they run: each is a function (db, ctx) -> counts.
DOJ links come after Treasury's because they read what the Treasury pass found (which SDN
entries a release designated); case timelines (cases.py) follow the DOJ defendants; designation
dates are resolved last, from what every source and pass wrote (linking/dates.py, which also
restores the list history's dates first). Derivations must be deterministic functions of the tables the
sources wrote (so `tracker rebuild` reproduces them exactly) and must first clear what they
derived before. To add one: write it in a module of this package and append it here.

The SDN list's name index (scrapers/matching.py) is made once per build, by the first pass that
asks `ctx.names()`, and shared by the others: no pass may change a designation's name, alias or
entity type.
"""
from __future__ import annotations

from .cases import link_cases
from .dates import resolve_dates, restore_list_dates
from .doj import link_doj
from .treasury import link_treasury

DERIVATIONS = (
    restore_list_dates,     # the list history's own dates first (what link_treasury reads)
    link_treasury,
    link_doj,
    link_cases,
    resolve_dates,          # every source's dates ranked, last: it reads what the others wrote
)
