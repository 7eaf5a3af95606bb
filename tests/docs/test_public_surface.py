"""
The public surface: every name a public module exports is documented in
docs/api.md, and no public-looking name sits outside an `__all__`.

*Documented* means a Sphinx directive in docs/api.md names it: an ``auto*``
directive (autofunction, autoclass, autoexception, autodata...) or a ``py:*``
one (py:data, py:function...) whose target is ``module.name``, or is
``other.name`` where *other* is a public module that exports the same object
under the same name (``sco_digital.Country`` documents
``sco_digital.models.Country``); or an ``automodule`` with ``:members:`` of
the module (or of such an *other*) that does not exclude the name.

*Public-looking* (the rule of `test_no_public_looking_name_outside_all`): a
name without a leading underscore that the module binds at its top level
(inside ``if`` and ``try`` blocks too, not inside functions or classes) by
``def``, ``class``, an assignment, a ``for`` or ``with`` target, or by
``from M import name`` where M is a private module of sco_digital (its
first component after ``sco_digital`` starts with ``_``): a re-export of our
internals is part of the module's surface. Not public-looking: a binding of
a module (``import json``, ``from . import models``), ``from __future__
import annotations``, and a name imported from outside sco_digital or from
another public module (``from typing import Any``, ``from .models import
Country``): its home documents it, and PEP 8 counts imported names as
implementation details.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
API = ROOT / "docs" / "api.md"
PACKAGE = "sco_digital"
PUBLIC = (
    "sco_digital",
    "sco_digital.models",
    "sco_digital.export",
    "sco_digital.dataset",
    "sco_digital.errors",
    "sco_digital.strategies",
    "sco_digital.cli",
    "sco_digital.plot",
)

_DIRECTIVE = re.compile(
    r"^\.\. (?:auto|py:)(\w+)::\s*(\S+)\n((?:[ \t]+:[\w-]+:.*\n)*)", re.MULTILINE
)


def documented() -> tuple[set[str], dict[str, set[str]]]:
    """The dotted names docs/api.md documents, and each automodule's excluded members."""
    names: set[str] = set()
    modules: dict[str, set[str]] = {}
    for kind, target, options in _DIRECTIVE.findall(API.read_text(encoding="utf-8")):
        if kind == "module":
            if ":members:" in options:
                found = re.search(r":exclude-members:(.*)", options)
                excluded = found.group(1) if found else ""
                modules[target] = {n.strip() for n in excluded.split(",") if n.strip()}
        else:
            names.add(target)
    return names, modules


def is_documented(module: str, name: str) -> bool:
    names, modules = documented()
    value = getattr(importlib.import_module(module), name)
    for other in PUBLIC:
        if other != module:
            home = importlib.import_module(other)
            if name not in home.__all__ or getattr(home, name) is not value:
                continue
        if f"{other}.{name}" in names or name not in modules.get(other, {name}):
            return True
    return False


@pytest.mark.parametrize("module", PUBLIC)
def test_every_exported_name_is_documented(module: str) -> None:
    missing = [n for n in importlib.import_module(module).__all__ if not is_documented(module, n)]
    assert missing == [], f"{module}: not documented in docs/api.md: {missing}"


def _private_source(module: str, node: ast.ImportFrom) -> bool:
    """Whether *node* (in *module*) imports from a private module of sco_digital."""
    if node.module == "__future__":
        return False
    base = module if module == PACKAGE else module.rpartition(".")[0]
    if node.level:
        parts = base.split(".")[: len(base.split(".")) - node.level + 1]
        source = ".".join([*parts, *([node.module] if node.module else [])])
    else:
        source = node.module or ""
    inside = source.split(".")[1:] if source.split(".")[0] == PACKAGE else None
    return inside is not None and any(part.startswith("_") for part in inside)


def _is_submodule(source: str, name: str) -> bool:
    try:
        return importlib.util.find_spec(f"{source}.{name}") is not None
    except ModuleNotFoundError:
        return False


def _targets(node: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name)]


def bound_names(module: str) -> set[str]:
    """The public-looking names *module* binds at its top level (see the module docstring)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found: set[str] = set()
    statements = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If | ast.Try):
            statements += [*node.body, *node.orelse, *getattr(node, "finalbody", ())]
            statements += [s for h in getattr(node, "handlers", ()) for s in h.body]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.Assign):
            found.update(n for t in node.targets for n in _targets(t))
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor):
            found.update(_targets(node.target))
        elif isinstance(node, ast.With | ast.AsyncWith):
            found.update(
                n for i in node.items if i.optional_vars for n in _targets(i.optional_vars)
            )
            statements += node.body
        elif isinstance(node, ast.ImportFrom) and _private_source(module, node):
            base = module if module == PACKAGE else module.rpartition(".")[0]
            source = f"{base}.{node.module}" if node.level else node.module or ""
            found.update(
                alias.asname or alias.name
                for alias in node.names
                if not _is_submodule(source, alias.name)
            )
    return {name for name in found if not name.startswith("_")}


@pytest.mark.parametrize("module", PUBLIC)
def test_no_public_looking_name_outside_all(module: str) -> None:
    exported = set(importlib.import_module(module).__all__)
    strays = sorted(bound_names(module) - exported)
    assert strays == [], f"{module}: public-looking names outside __all__: {strays}"


def test_the_rule_sees_each_kind_of_binding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule counts defs, classes, assignments and private re-exports, and nothing else."""
    package = tmp_path / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "_inner.py").write_text("x = 1\ny = 2\n")
    (package / "probe.py").write_text(
        "from __future__ import annotations\n"
        "import json\n"
        "from typing import Any\n"
        "from . import _inner\n"
        "from ._inner import x\n"
        "from ._inner import y as _y\n"
        "from .public import z\n"
        "if json:\n"
        "    A: int = 1\n"
        "try:\n"
        "    B = C = 2\n"
        "except ImportError:\n"
        "    D = 3\n"
        "E, (F, _G) = 4, (5, 6)\n"
        "def f(): H = 7\n"
        "class K: L = 8\n"
        "__all__ = ['f']\n"
    )
    (package / "public.py").write_text("z = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in list(sys.modules) if m.split(".")[0] == PACKAGE]:
        monkeypatch.delitem(sys.modules, name)
    assert {"x", "A", "B", "C", "D", "E", "F", "f", "K"} == bound_names(f"{PACKAGE}.probe")


def test_documented_reads_directives_and_module_members() -> None:
    names, modules = documented()
    assert "sco_digital.load" in names
    assert modules["sco_digital.export"] == {"TABLES"}
    assert is_documented("sco_digital.models", "Country")  # as sco_digital.Country
    assert is_documented("sco_digital.export", "write_csv")  # by automodule
    assert not is_documented("sco_digital.dataset", "_restore")
