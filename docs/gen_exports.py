"""
Regenerate the reference parts of docs/exports.md from the code.

The type table is read off real (empty) data frames and the table reference
off ``sco_digital.export.TABLES``, so the page cannot drift from the code;
tests/unit/test_docs_exports.py checks that it is current.

    python docs/gen_exports.py          # rewrite docs/exports.md
    python docs/gen_exports.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from sco_digital import Dataset
from sco_digital._writers import FRICTIONLESS_TYPES, SQL_TYPES
from sco_digital.export import (
    TABLES,
    Column,
    Table,
    to_arrow,
    to_pandas,
    to_polars,
)

PAGE = Path(__file__).with_name("exports.md")
EMPTY = Dataset(sources=(), countries=(), organizations=(), projects=(), indicators=())
TYPES = ("string", "integer", "number", "category", "partial_date", "date")


def _example(kind: str) -> tuple[Table, Column]:
    """The first column of type *kind* (a precision column for categories: short)."""
    for spec in TABLES.values():
        for column in spec.columns:
            if column.type == kind and (kind != "category" or column.vocabulary is None):
                return spec, column
    raise LookupError(kind)


def dtype_table() -> str:
    """One row per column type: what each export makes of it."""
    header = (
        "Column type",
        "`to_records`, CSV, JSON",
        "pandas",
        "polars",
        "Arrow, Parquet",
        "SQLite",
        "Frictionless",
    )
    lines = [f"| {' | '.join(header)} |", "|" + " --- |" * len(header)]
    plain = {
        "string": "`str`",
        "integer": "`int`",
        "number": "`float`",
        "category": "`str` (a slug)",
        "partial_date": "`str`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
        "date": "`str`: `YYYY-MM-DD`",
    }
    for kind in TYPES:
        spec, column = _example(kind)
        pandas = to_pandas(EMPTY, spec.name)[column.name].dtype
        if kind == "category":
            pandas_text = f"CategoricalDtype({list(pandas.categories)})"
        elif hasattr(pandas, "storage"):
            pandas_text = f"{pandas.name}[{pandas.storage}]"
        else:
            pandas_text = str(pandas)
        polars = to_polars(EMPTY, spec.name).schema[column.name]
        arrow = to_arrow(EMPTY, spec.name).schema.field(column.name).type
        lines.append(
            f"| `{kind}` | {plain[kind]} | `{pandas_text}` | `{polars!r}` | `{arrow}` |"
            f" `{SQL_TYPES.get(kind, 'TEXT')}` | `{FRICTIONLESS_TYPES.get(kind, kind)}` |"
        )
    return "\n".join(lines)


def _describe(spec: Table, column: Column) -> str:
    text = column.description
    if column.categories:
        text += " One of " + ", ".join(f"`{v}`" for v in column.categories) + "."
    for key in spec.foreign_keys:
        if column.name in key.columns:
            target = ", ".join(f"{key.table}.{c}" for c in key.referenced)
            text += f" Refers to `{target}`."
            break
    return text


def tables_reference() -> str:
    """One section per table: what a row is, its keys and its columns."""
    out = []
    for spec in TABLES.values():
        keys = "".join(
            f"- Foreign key: ({', '.join(f'`{c}`' for c in key.columns)}) →"
            f" `{key.table}` ({', '.join(f'`{c}`' for c in key.referenced)})\n"
            for key in spec.foreign_keys
        )
        rows = "".join(
            f"| `{c.name}` | `{c.type}` | {'yes' if c.required else 'no'} |"
            f" {_describe(spec, c)} |\n"
            for c in spec.columns
        )
        out.append(
            f"### `{spec.name}`\n\n"
            f"{spec.description}\n\n"
            f"- Primary key: ({', '.join(f'`{c}`' for c in spec.primary_key)})\n"
            f"{keys}\n"
            "| Column | Type | Required | Meaning |\n"
            "| --- | --- | --- | --- |\n"
            f"{rows}"
        )
    return "\n".join(out).rstrip("\n")


SECTIONS = {"dtypes": dtype_table, "tables": tables_reference}


def render(page: str) -> str:
    """*page* with each generated section replaced by its current text."""
    for name, make in SECTIONS.items():
        begin = f"<!-- begin generated {name}: python docs/gen_exports.py -->"
        end = f"<!-- end generated {name} -->"
        start = page.find(begin)
        stop = page.find(end, start)
        if start < 0 or stop < 0:
            msg = f"{PAGE.name} has no generated section {name!r}"
            raise ValueError(msg)
        page = f"{page[:start]}{begin}\n{make()}\n{page[stop:]}"
    return page


def main(argv: list[str]) -> int:
    """Rewrite the page, or with --check report whether it is current."""
    current = PAGE.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print(f"{PAGE} is out of date: run python docs/gen_exports.py")
            return 1
        return 0
    PAGE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
