"""The shape of the package: no import cycles (lazy imports count), no argparse or print outside the CLI,
the README diagram in the order of the stages."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventex"


def _modules() -> dict[str, Path]:
    """Dotted name -> file of every module of eventex (a package by its ``__init__.py``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["eventex", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the eventex modules it imports anywhere in its code (top level, functions, TYPE_CHECKING)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module in modules:
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                edges.update(subs or {node.module})
                if len(subs) < len(node.names):  # some names are attributes of the module itself
                    edges.add(node.module)
        graph[name] = edges - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_in_eventex():
    graph = import_graph()
    assert {"eventex.pipeline", "eventex.cli.main", "eventex.linking.engine"} <= graph.keys()
    assert "eventex.parallel" in graph["eventex.pipeline"]
    assert cycles(graph) == []


def test_no_argparse_or_print_outside_the_cli():
    offenders = []
    for name, path in _modules().items():
        if name.startswith("eventex.cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(a.name == "argparse" for a in node.names):
                offenders.append(f"{name}: import argparse")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                offenders.append(f"{name}:{node.lineno}: print")
    assert offenders == []


def test_the_readme_diagram_shows_the_stages_in_their_order(default_extractor):
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    diagram = next(line for line in readme.splitlines() if line.startswith("text ─► "))
    assert diagram.split(" ─► ")[1:-1] == [s.name for s in default_extractor.stages]
