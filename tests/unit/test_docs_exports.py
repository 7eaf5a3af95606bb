"""docs/exports.md documents every table, column, type and key, as the code has them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from sco_digital.export import TABLES

DOCS = Path(__file__).parents[2] / "docs"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_exports", DOCS / "gen_exports.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_page_is_current() -> None:
    """The generated sections equal what the code gives now (else: python docs/gen_exports.py)."""
    page = (DOCS / "exports.md").read_text(encoding="utf-8")
    assert page == generator().render(page)


def test_every_column_documented() -> None:
    page = (DOCS / "exports.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        section = page.split(f"### `{name}`\n", 1)[1].split("\n### ", 1)[0]
        for column in spec.columns:
            assert f"| `{column.name}` | `{column.type}` |" in section, (name, column.name)
        assert f"- Primary key: ({', '.join(f'`{c}`' for c in spec.primary_key)})" in section


def test_missing_section() -> None:
    with pytest.raises(ValueError, match="^exports.md has no generated section 'dtypes'$"):
        generator().render("no markers here")
