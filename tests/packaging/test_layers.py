"""Every module of the package sits in one import layer that import-linter checks."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "sco_digital"


def layered_modules() -> list[str]:
    """The modules named in pyproject.toml's layers contract, in order, top first."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("[[tool.importlinter.contracts]]", 1)[1]
    layers = re.search(r"layers = \[(.*?)\n\]", block, re.DOTALL)
    assert layers is not None, "pyproject.toml has no layers contract"
    return re.findall(r"sco_digital\.(\w+)", layers.group(1))


def test_every_module_is_in_one_layer() -> None:
    modules = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    named = layered_modules()
    assert sorted(set(named)) == modules
    assert len(named) == len(set(named)), "a module is in two layers"
