"""The shape of the code: data flows one way.

``annual/``, ``deadlines/`` and ``workflow/`` are plain Python libraries (no Django, no app of the
platform); and no module of ``gongkai`` depends on itself through others, whether the
import is at the top of a file or inside a function (a late import hides a cycle, it does
not remove it). Only imports for type checking (``if TYPE_CHECKING:``) are left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
LIBRARIES = ("gongkai.annual", "gongkai.deadlines", "gongkai.workflow")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    module_name(p): p for p in SRC.joinpath("gongkai").rglob("*.py") if "migrations" not in p.parts
}


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_nodes(child)])
            continue
        yield node
        yield from _nodes(node)


def imported(name: str) -> set[str]:
    """What module ``name`` imports: absolute names, submodules where a name is one."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{target}.{alias.name}"
                out.add(full if full in MODULES else target)
    return out


GRAPH = {name: {m for m in imported(name) if m in MODULES and m != name} for name in MODULES}


def test_the_libraries_import_neither_django_nor_the_platform() -> None:
    for name in MODULES:
        if not name.startswith(LIBRARIES):
            continue
        for target in imported(name):
            assert not target.startswith("django"), f"{name} imports {target}"
            if target.startswith("gongkai."):
                assert target.startswith(LIBRARIES), f"{name} imports {target}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_depends_on_itself() -> None:
    found = cycles(GRAPH)
    assert found == [], "import cycles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
