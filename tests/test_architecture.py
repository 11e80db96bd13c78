"""The package's import graph: no cycles, and every import points down the pipeline.

Every ``import`` in every module counts, also those inside functions (a lazy import is
still a dependency) and under ``TYPE_CHECKING``. Layers, bottom first: the shared model
and word lists, then ``dating <- ingest <- clean <- events <- timeline <- export``, the
pipeline and engine that run them, and on top the store, the evaluators, the web app and
the command line. A module may import its own layer or lower ones.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dateline

PACKAGE = Path(dateline.__file__).parent

# Top-level module or folder -> layer (higher may import lower, never the reverse).
LAYERS = {
    "version": 0, "lexicon": 0, "unionfind": 0, "model": 1, "config": 1, "nlp": 1,
    "dating": 2,
    "ingest": 3,
    "clean": 4,
    "events": 5,
    "timeline": 6,
    "export": 7,
    "engine": 8, "pipeline": 8, "options": 8,  # options: the commands' shared flags
    "store": 9, "eval": 9,
    "serve": 10,
    "cli": 11, "": 11,  # "": the package itself, the library API (lazy imports only)
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its text."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # "from a.b import c": the module a.b.c when there is one, else a.b itself
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules
                       else source for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in modules and t != name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _layer(name: str) -> int:
    top = name.split(".")[1] if "." in name else ""
    return LAYERS[top]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_every_module_has_a_layer():
    assert [name for name in _modules()
            if (name.split(".")[1] if "." in name else "") not in LAYERS] == []


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_imports_point_down_the_layers():
    upward = sorted(f"{name} -> {target}" for name, targets in _graph().items()
                    for target in targets if _layer(target) > _layer(name))
    assert upward == []


@pytest.mark.parametrize(("graph", "cycles"), [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set(), "c": {"c"}}, []),
    ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
])
def test_cycle_finder(graph: dict[str, set[str]], cycles: list[list[str]]):
    assert sorted(_cycles(graph)) == cycles


def test_relative_and_lazy_imports_are_seen():
    graph = _graph()
    assert "dateline.dating.timex.lexicon" in graph["dateline.dating.timex.patterns"]
    assert "dateline.events.embeddings" in graph["dateline.events.grouping"]  # in a function
    assert "dateline.pipeline" in graph["dateline"]
