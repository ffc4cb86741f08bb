"""The integration's layers, read from its source: no import circle, one writer to the cloud."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "custom_components" / "xiaomi_camera_share"
# The client calls that change something in the cloud.
CLOUD_WRITES = frozenset({"share", "share_batch", "revoke", "respond_to_invite", "leave_share"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Modules of the package one module imports, annotations-only imports included."""
    module = _module_name(path)
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
        target = ".".join([*base, *(node.module.split(".") if node.module else [])])
        for alias in node.names:
            candidate = f"{target}.{alias.name}".strip(".")
            found.add(candidate if candidate in MODULES else target)
    return {name for name in found if name in MODULES and name != module}


MODULES = {_module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def _cycle_from(start: str) -> list[str] | None:
    """A path of imports that leads back to ``start``, if one exists."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in GRAPH[node]:
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_the_graph_is_read() -> None:
    """A broken reader would find no edges and prove nothing."""
    assert "sharing" in GRAPH["services"]
    assert "coordinator" in GRAPH["sharing"]
    assert "cloud.errors" in GRAPH["exceptions"]


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_circle(module: str) -> None:
    assert _cycle_from(module) is None, " → ".join(_cycle_from(module) or [])


def test_cloud_client_knows_nothing_of_home_assistant() -> None:
    for path in (PACKAGE / "cloud").rglob("*.py"):
        tree = ast.parse(path.read_text())
        imported = [
            node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0
        ] + [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in imported if name.startswith("homeassistant")], path.name


def _cloud_write_callers() -> dict[str, set[str]]:
    callers: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "cloud":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in CLOUD_WRITES
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "client"
            ):
                callers.setdefault(node.func.attr, set()).add(_module_name(path))
    return callers


def test_each_cloud_write_has_one_home() -> None:
    callers = _cloud_write_callers()
    assert callers.keys() >= {"share", "revoke", "respond_to_invite"}
    assert all(modules == {"sharing"} for modules in callers.values()), callers
