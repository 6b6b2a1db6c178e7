"""Python's cyclic garbage collector paused around bulk work that keeps many acyclic
containers alive (the SDN list's 15,000 entries as dicts and lists, their date claims, the
name-search rows).

A full collection walks every tracked object, and one comes each time the long-lived heap
has grown by a quarter: a pass building 100,000 containers that stay alive until it ends
pays for several walks over all of them (0.25 s of a full SDN import's 1.8 s, more in a
process that still holds the previous build's snapshot). Reference counting frees these
objects as ever; only reference cycles wait, and the collector runs again as usual once the
work is done. Not for code that makes cycles in bulk (parsed HTML trees: Treasury, DOJ).
"""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused_gc():
    """The collector off inside (also as a decorator: `@paused_gc()`); back on after, unless
    it was already off (nested pauses, or a caller that turned it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
