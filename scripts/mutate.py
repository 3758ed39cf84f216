"""Mutation testing, one module at a time: do the tests catch small planted bugs?

    python scripts/mutate.py src/sinosoviet_docs/_decode.py [--tests tests/test_decode.py]
                             [--jobs 2] [--timeout 120] [--limit N] [--show-killed]

Each mutant is the module with one small change: a comparison turned round
(``<`` and ``<=``, ``==`` and ``!=``, ``in`` and ``not in``, ``is`` and ``is
not``), ``and`` and ``or`` swapped, a ``not`` dropped, an integer changed by
one, ``True`` and ``False`` swapped, ``+`` and ``-`` swapped. For each, the
tests that mirror the module (``--tests``; by default the test file named
after it, and the module's own doctests) run against a copy of ``src/`` with
the mutant in place; the mutant is *killed* when a test fails, and
*survives* otherwise. The score is killed / all. Survivors are listed with
their line: each is a change the tests cannot tell from the real code, so
either a test is missing or the change makes no difference (an equivalent
mutant, to be explained in docs/performance.md's table).

Run by hand, not in CI: a module of a few hundred lines takes minutes on two
cores. Nothing is installed; the tests run with the interpreter running this
script, which needs the test dependencies.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[1]

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@attrs.frozen
class Mutant:
    """One change: the ``index``-th mutable spot of the module, at ``line``."""

    index: int
    line: int
    change: str


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _spots(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """Every node that can be mutated, with a description, in a fixed order."""
    skip = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for position, op in enumerate(node.ops):
                if type(op) in _COMPARE_SWAPS:
                    swapped = _COMPARE_SWAPS[type(op)].__name__
                    yield node, f"compare[{position}] {type(op).__name__} -> {swapped}"
        elif isinstance(node, ast.BoolOp):
            yield (
                node,
                f"{type(node.op).__name__} -> {'Or' if isinstance(node.op, ast.And) else 'And'}",
            )
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop not"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
            yield (
                node,
                f"{type(node.op).__name__} -> {'Sub' if isinstance(node.op, ast.Add) else 'Add'}",
            )
        elif isinstance(node, ast.Constant) and id(node) not in skip:
            if type(node.value) is bool:
                yield node, f"{node.value} -> {not node.value}"
            elif type(node.value) is int:
                yield node, f"{node.value} -> {node.value + 1}"


class _Apply(ast.NodeTransformer):
    def __init__(self, target: ast.AST, change: str) -> None:
        self.target = target
        self.change = change

    def visit(self, node: ast.AST) -> ast.AST:
        if node is not self.target:
            return super().visit(node)
        if isinstance(node, ast.Compare):
            position = int(self.change.split("]")[0].split("[")[1])
            node.ops[position] = _COMPARE_SWAPS[type(node.ops[position])]()
        elif isinstance(node, ast.BoolOp):
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        elif isinstance(node, ast.UnaryOp):
            return node.operand
        elif isinstance(node, ast.BinOp):
            node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        elif isinstance(node, ast.Constant):
            node.value = (not node.value) if type(node.value) is bool else node.value + 1
        return node


def mutants(source: str) -> list[Mutant]:
    """The mutants of a module's source, in a fixed order."""
    return [
        Mutant(index, getattr(node, "lineno", 0), change)
        for index, (node, change) in enumerate(_spots(ast.parse(source)))
    ]


def mutated(source: str, mutant: Mutant) -> str:
    """The module's source with ``mutant`` applied (comments and layout are not kept)."""
    tree = ast.parse(source)
    node, change = list(_spots(tree))[mutant.index]
    tree = _Apply(node, change).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def _run_tests(src: Path, module: Path, tests: list[str], timeout: float) -> bool:
    """Whether the tests pass with ``src`` first on the path (False: the mutant is killed)."""
    env = {**os.environ, "PYTHONPATH": str(src), "HYPOTHESIS_PROFILE": "default"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "--no-header",
        f"--rootdir={ROOT}",
        *tests,
        str(module),
    ]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return False  # a mutant that hangs the tests is caught
    return done.returncode == 0


def _worker(args: tuple[str, Path, list[str], list[Mutant], float]) -> list[tuple[Mutant, bool]]:
    relative, _, tests, batch, timeout = args
    results: list[tuple[Mutant, bool]] = []
    with tempfile.TemporaryDirectory(prefix="mutate-") as folder:
        src = Path(folder) / "src"
        shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
        target = Path(folder) / relative
        original = target.read_text(encoding="utf-8")
        for mutant in batch:
            target.write_text(mutated(original, mutant), encoding="utf-8")
            results.append((mutant, _run_tests(src, target, tests, timeout)))
        target.write_text(original, encoding="utf-8")
    return results


def _default_tests(module: Path) -> list[str]:
    parts = module.relative_to(ROOT / "src" / "sinosoviet_docs").with_suffix("").parts
    name = parts[-1].lstrip("_")
    candidates = [
        ROOT / "tests" / Path(*parts[:-1]) / f"test_{name}.py",
        ROOT / "tests" / f"test_{name}.py",
    ]
    return [str(p) for p in candidates if p.exists()][:1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", type=Path, help="the module to mutate, under src/")
    parser.add_argument("--tests", nargs="*", help="test files to run (default: the mirrored one)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per test run")
    parser.add_argument("--limit", type=int, help="test only the first N mutants")
    parser.add_argument("--show-killed", action="store_true", help="list killed mutants too")
    args = parser.parse_args(argv)
    module = args.module.resolve()
    relative = str(module.relative_to(ROOT))
    tests = args.tests if args.tests is not None else _default_tests(module)
    source = module.read_text(encoding="utf-8")
    todo = mutants(source)[: args.limit]
    if not _run_tests(ROOT / "src", module, tests, args.timeout):
        print("the tests fail without any mutant: fix them first", file=sys.stderr)
        return 2
    batches = [todo[i :: args.jobs] for i in range(args.jobs)]
    results: list[tuple[Mutant, bool]] = []
    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        work = [(relative, module, tests, batch, args.timeout) for batch in batches if batch]
        for done in pool.map(_worker, work):
            results.extend(done)
    results.sort(key=lambda r: r[0].index)
    killed = sum(1 for _, survived in results if not survived)
    lines = source.splitlines()
    print(f"{relative}: {killed} of {len(results)} mutants killed", end="")
    print(f" ({100 * killed / len(results):.0f}%)" if results else "")
    print(f"tests: {' '.join(tests) or '(doctests only)'}")
    for mutant, survived in results:
        if survived or args.show_killed:
            mark = "SURVIVED" if survived else "killed"
            code = lines[mutant.line - 1].strip() if mutant.line else ""
            print(f"  {mark:8} line {mutant.line:4}  {mutant.change:28} {code[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
