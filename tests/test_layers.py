"""The import contract: a module imports, at module level, only modules of its own layer or below.

Layers are written down in ``docs/architecture.md``; this test reads every
module's syntax tree (nothing is imported) and fails when a module-level import
reaches up. Imports inside functions (the lazy conveniences that keep
``import sinosoviet_docs`` cheap) and imports under ``if TYPE_CHECKING:`` are
allowed to reach up: they run on first use or never.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sinosoviet_docs"

#: The layer of each module, by dotted name inside the package; a package's
#: entry covers its submodules unless they have their own. Lower imports nothing higher.
LAYERS: dict[str, int] = {
    "exceptions": 0,
    "_gc": 0,
    "_text": 0,
    "_choices": 0,
    "_vocab": 0,
    "_urls": 0,
    "_fields": 0,
    "_bundled": 0,
    "_lazy": 0,
    "_decode": 0,
    "_json": 0,
    "loaders._input": 0,
    "dates": 1,
    "_dateparse": 1,
    "_ris": 2,
    "models": 2,
    "_lookup": 2,
    "names": 2,
    "citations": 2,
    "_querylang": 2,
    "_search.nodes": 2,
    "_search.language": 2,
    "_convert": 3,
    "io": 3,
    "merge": 3,
    "merging": 3,
    "correspondence": 3,
    "network": 3,
    "checks": 3,
    "_search": 3,
    "index": 3,
    "query": 4,
    "export": 4,
    "_html": 4,
    "loaders": 4,
    "store": 4,
    "serve": 5,
    "cli": 5,
    "_terminal": 5,
    "__main__": 5,
    "__init__": 5,
}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        yield ".".join(parts), path


def layer_of(module: str) -> int | None:
    """The layer of ``module``: its own entry, else its nearest package's."""
    parts = module.split(".")
    while parts:
        found = LAYERS.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level_imports(
    tree: ast.Module, module: str, is_package: bool
) -> Iterator[tuple[int, str]]:
    """(line, dotted target inside the package) of each import run when the module is."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    if module == "__init__":
        here = []

    def walk(body: list[ast.stmt]) -> Iterator[tuple[int, str]]:
        for node in body:
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                    target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                    if node.module is None:
                        for alias in node.names:
                            yield node.lineno, ".".join([*base, alias.name])
                    else:
                        yield node.lineno, target
                elif node.module and node.module.startswith("sinosoviet_docs."):
                    yield node.lineno, node.module.removeprefix("sinosoviet_docs.")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("sinosoviet_docs."):
                        yield node.lineno, alias.name.removeprefix("sinosoviet_docs.")
            elif isinstance(node, ast.If) and not _is_type_checking(node.test):
                yield from walk(node.body)
                yield from walk(node.orelse)
            elif isinstance(node, ast.Try):
                yield from walk(node.body)
                for handler in node.handlers:
                    yield from walk(handler.body)
                yield from walk(node.orelse)
                yield from walk(node.finalbody)

    yield from walk(tree.body)


def test_every_module_has_a_layer() -> None:
    missing = [module for module, _ in _modules() if layer_of(module) is None]
    assert not missing, f"give these modules a layer in LAYERS and docs/architecture.md: {missing}"


@pytest.mark.parametrize(("module", "path"), list(_modules()), ids=lambda v: str(v))
def test_no_module_level_import_reaches_up(module: str, path: Path) -> None:
    own = layer_of(module)
    assert own is not None
    tree = ast.parse(path.read_text(encoding="utf-8"))
    upward = []
    for line, target in _module_level_imports(tree, module, path.name == "__init__.py"):
        target_layer = layer_of(target)
        if target_layer is not None and target_layer > own:
            upward.append(f"{path.name}:{line} imports {target} (layer {target_layer} > {own})")
    assert not upward, "\n".join(upward)


def test_the_checker_sees_an_upward_import() -> None:
    tree = ast.parse("from .query import Query\nif TYPE_CHECKING:\n    from .cli import main\n")
    found = list(_module_level_imports(tree, "models", is_package=False))
    assert [(1, "query")] == found
    assert layer_of("query") > layer_of("models")  # type: ignore[operator]


def test_function_level_imports_are_not_module_level() -> None:
    tree = ast.parse("def f():\n    from .query import Query\n")
    assert [] == list(_module_level_imports(tree, "models", is_package=False))
