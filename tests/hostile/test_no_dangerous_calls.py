"""
No dangerous calls in the package: no eval or exec, no pickle, marshal or
shelve, no unsafe YAML; and ruff's security rules (S) are not switched off.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import sco_digital

SRC = Path(sco_digital.__file__).parent  # the package that runs, wherever it is installed
ROOT = Path(__file__).parents[2]  # the tree the tests came from: a checkout or an sdist

FORBIDDEN_CALLS = {"eval", "exec", "__import__"}
FORBIDDEN_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}


def dangers(source: str, name: str = "<source>") -> Iterator[str]:
    """Each dangerous call or import in *source*, as 'name:line: what'."""
    for node in ast.walk(ast.parse(source)):
        found = None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found = f"{func.id}()"
            elif isinstance(func, ast.Attribute) and func.attr in FORBIDDEN_CALLS:
                found = f".{func.attr}()"
            elif (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "yaml"
                and func.attr in UNSAFE_YAML
            ):
                found = f"yaml.{func.attr}()"
        elif isinstance(node, ast.Import):
            modules = [alias.name.split(".")[0] for alias in node.names]
            found = next((f"import {m}" for m in modules if m in FORBIDDEN_MODULES), None)
        elif isinstance(node, ast.ImportFrom) and node.module:
            module = node.module.split(".")[0]
            found = f"from {module} import" if module in FORBIDDEN_MODULES else None
        if found:
            yield f"{name}:{getattr(node, 'lineno', 0)}: {found}"


def test_package_has_no_dangerous_calls() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) >= 12
    assert [] == [d for f in files for d in dangers(f.read_text("utf-8"), f.name)]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("eval('1')", "<source>:1: eval()"),
        ("x = 1\nexec(code)", "<source>:2: exec()"),
        ("builtins.eval(s)", "<source>:1: .eval()"),
        ("__import__('os')", "<source>:1: __import__()"),
        ("import pickle", "<source>:1: import pickle"),
        ("import os, marshal", "<source>:1: import marshal"),
        ("from shelve import open", "<source>:1: from shelve import"),
        ("from pickle import loads as l", "<source>:1: from pickle import"),
        ("yaml.load(text)", "<source>:1: yaml.load()"),
        ("yaml.unsafe_load(text)", "<source>:1: yaml.unsafe_load()"),
    ],
)
def test_the_scan_finds_them(source: str, found: str) -> None:
    assert [found] == list(dangers(source))


def test_the_scan_lets_safe_code_be() -> None:
    safe = "import json\nre.compile('x')\nyaml.safe_load(text)\nast.literal_eval('1')\n"
    assert [] == list(dangers(safe))


def test_ruff_security_rules_are_on() -> None:
    """Select = ALL includes S; no S rule is ignored for src, only the three for tests
    and benchmarks, each with its reason.
    """
    config = (ROOT / "pyproject.toml").read_text("utf-8")
    lint = config.split("[tool.ruff.lint]", 1)[1]
    assert re.search(r'^select = \["ALL"\]', lint, re.MULTILINE)
    ignore = lint.split("ignore = [", 1)[1].split("]", 1)[0]
    assert [] == re.findall(r'"(S\d*)"', ignore)
    per_file = lint.split("[tool.ruff.lint.per-file-ignores]", 1)[1].split("\n[", 1)[0]
    ignored = {
        pattern: set(re.findall(r'"(S\d*)"', codes))
        for pattern, codes in re.findall(
            r'^"([^"]+)" = \[(.*?)\]', per_file, re.MULTILINE | re.DOTALL
        )
    }
    assert {"tests/**": {"S101", "S603", "S607"}, "benchmarks/**": {"S603", "S607"}} == {
        pattern: codes for pattern, codes in ignored.items() if codes
    }
    for code in ("S101", "S603", "S607"):
        assert re.search(rf'"{code}",\s*# \S', per_file), f"{code} has no reason"
