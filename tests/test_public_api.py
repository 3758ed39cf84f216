"""The public API, held against a snapshot: a change to it is a decision, never an accident.

The snapshot (``tests/data/public_api.txt``) lists every name in
``sinosoviet_docs.__all__`` with its signature (or the kind of value it is),
and every public method and property of the three classes users hold most:
``Catalogue``, ``Document`` and ``Query``. A name that disappears or whose
signature changes fails this test; so does a name that is added, until the
snapshot is regenerated on purpose with::

    python tests/test_public_api.py --update
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import sinosoviet_docs as ssd

SNAPSHOT = Path(__file__).parent / "data" / "public_api.txt"


#: A default shown as ``<PeopleAuthority not loaded>`` says its state, not its kind.
_OBJECT_REPR = re.compile(r"<(\w+)[^<>]*>")


def _signature(obj: object) -> str:
    try:
        text = str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"
    return _OBJECT_REPR.sub(r"<\1>", text)


def _describe(name: str, obj: object) -> str:
    if inspect.isclass(obj):
        kind = "exception" if issubclass(obj, BaseException) else "class"
        return f"{kind} {name}{_signature(obj)}"
    if callable(obj):
        return f"function {name}{_signature(obj)}"
    return f"value {name}: {type(obj).__name__}"


def _own_and_inherited(cls: type) -> dict[str, object]:
    """Members defined by ``cls`` or by the package's own base classes (nearest first)."""
    found: dict[str, object] = {}
    for base in cls.__mro__:
        if base.__module__.startswith("sinosoviet_docs"):
            for attr, value in vars(base).items():
                found.setdefault(attr, value)
    return found


def _members(cls: type) -> list[str]:
    lines = []
    for attr, value in sorted(_own_and_inherited(cls).items()):
        if attr.startswith("_") and attr not in (
            "__iter__",
            "__len__",
            "__contains__",
            "__getitem__",
        ):
            continue
        if isinstance(value, property):
            lines.append(f"  property {cls.__name__}.{attr}")
        elif isinstance(value, (classmethod, staticmethod)):
            kind = type(value).__name__
            lines.append(f"  {kind} {cls.__name__}.{attr}{_signature(value.__func__)}")
        elif callable(value):
            lines.append(f"  method {cls.__name__}.{attr}{_signature(value)}")
    fields = getattr(cls, "__attrs_attrs__", ())
    lines.extend(f"  field {cls.__name__}.{f.name}" for f in fields if not f.name.startswith("_"))
    return lines


def current_api() -> list[str]:
    """Every line of the snapshot, as the package is now."""
    lines = [_describe(name, getattr(ssd, name)) for name in sorted(ssd.__all__)]
    for cls in (ssd.Catalogue, ssd.Document, ssd.Query):
        lines.append(f"members of {cls.__name__}")
        lines.extend(_members(cls))
    return lines


def test_public_api_matches_the_snapshot() -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = current_api()
    removed = [line for line in expected if line not in actual]
    added = [line for line in actual if line not in expected]
    assert not removed, "public API lost or changed:\n" + "\n".join(removed)
    assert not added, (
        "public API gained names (regenerate the snapshot with "
        "`python tests/test_public_api.py --update` if that is intended):\n" + "\n".join(added)
    )


def test_every_exported_name_resolves() -> None:
    for name in ssd.__all__:
        assert getattr(ssd, name) is not None or name == "__version__", name


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    SNAPSHOT.write_text("\n".join(current_api()) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
