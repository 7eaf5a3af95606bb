"""docs/exports.md documents every table, column, type and key, as the code has them."""

from __future__ import annotations

from pathlib import Path

import pytest

import scripted
from sco_digital.export import TABLES

DOCS = Path(__file__).parents[2] / "docs"
gen_exports = scripted.load("docs/gen_exports.py")


def test_page_is_current() -> None:
    """The generated sections equal what the code gives now (else: python docs/gen_exports.py)."""
    page = (DOCS / "exports.md").read_text(encoding="utf-8")
    assert page == gen_exports.render(page)


def test_every_column_documented() -> None:
    page = (DOCS / "exports.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        section = page.split(f"### `{name}`\n", 1)[1].split("\n### ", 1)[0]
        for column in spec.columns:
            assert f"| `{column.name}` | `{column.type}` |" in section, (name, column.name)
        assert f"- Primary key: ({', '.join(f'`{c}`' for c in spec.primary_key)})" in section


def test_missing_section() -> None:
    with pytest.raises(ValueError, match="^exports.md has no generated section 'dtypes'$"):
        gen_exports.render("no markers here")
