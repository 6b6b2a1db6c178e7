"""Cross-source links, recomputed on every build after all batches are applied.

Each linking module registers a derivation with `build.register_derivation`; importing
this module imports them all, in order (DOJ links use what the Treasury links found).
Derivations must be deterministic functions of the tables the sources wrote (so
`tracker rebuild` reproduces them exactly) and must first clear what they derived before.
"""
from __future__ import annotations

from . import treasury  # noqa: F401,I001  (registers its derivation first)
from . import doj  # noqa: F401,E402  (then DOJ's, which reads Treasury's links)
