"""The package's shape: no import cycles, no module importing a layer above its own, no source
package importing another, no module over the size a reader can hold in mind.

Layers, lowest first (a module may import its own layer and the ones below):
  0 shared helpers   errors, dates, names, countries, sanitize, config, assertions, urls, changes, ofac_xml,
                     text, gcpause
  1 storage and I/O  archive, blobdelta, http, db, views, matching
  2 sources          sources, sources.<name>.* (one package per publisher)
  3 links            linking.*
  4 building         build
  5 publishing       publish.*
  6 the service      service (tracker run: fetch, build and serve at once, on a schedule)
  7 command line     cli, __main__
Every import counts, also those inside functions (they are cycles all the same).
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scrapers"
MAX_LINES = 600

LAYERS = [
    {"errors", "dates", "names", "countries", "sanitize", "config", "assertions", "urls", "changes", "ofac_xml",
     "text", "fakeweb", "gcpause"},
    {"archive", "blobdelta", "http", "db", "views", "matching"},
    {"sources"},
    {"linking"},
    {"build"},
    {"publish"},
    {"service"},
    {"cli", "__main__"},
]


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules `name` imports (relative and absolute, at any depth)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names]
        found.update(t for t in targets if t in known and t != name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def layer_of(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module}: not in any layer of tests/test_structure.py (add it)")


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_inside_the_package():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_a_layer_above_its_own():
    bad = [f"{m} (layer {layer_of(m)}) imports {t} (layer {layer_of(t)})"
           for m, targets in sorted(graph().items()) for t in sorted(targets) if layer_of(t) > layer_of(m)]
    assert bad == []


def test_no_source_package_imports_another():
    bad = []
    for m, targets in sorted(graph().items()):
        parts = m.split(".")
        if len(parts) >= 3 and parts[1] == "sources" and parts[2] != "base":
            for t in sorted(targets):
                tp = t.split(".")
                if len(tp) >= 3 and tp[1] == "sources" and tp[2] not in ("base", parts[2]):
                    bad.append(f"{m} imports {t}")
    assert bad == []


def test_the_test_stand_ins_are_apart_from_the_tracker():
    """scrapers.fakeweb (local stand-ins for tests and benchmarks) imports nothing of the
    tracker, and nothing of the tracker imports it."""
    g = graph()
    bad = [f"{m} imports {t}" for m, targets in sorted(g.items()) for t in sorted(targets)
           if m.startswith("scrapers.fakeweb") != t.startswith("scrapers.fakeweb")]
    assert bad == []


def test_every_module_is_short_enough_to_read():
    long = {str(p.relative_to(PACKAGE.parent)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
