"""
Exports: tidy tables of plain values, data frames, and files.

`TABLES` describes every table: one per kind of record plus join tables for
the many-valued fields (aliases, memberships, participants, organisations,
technologies, sectors, records, sources). Each `Table` has typed `Column`
objects, each reading its value off what a row describes, a primary key and
its foreign keys; docs/exports.md documents them all and is generated from
`TABLES`.

`to_records` gives a table as plain dicts; `to_pandas`, `to_polars` and
`to_arrow` give typed data frames (the optional libraries are imported only
when called). `write_csv`, `write_json`, `write_parquet`, `write_sqlite`,
`write_datapackage` and `write_geojson` write files.

Every writer is safe: it writes into a hidden directory inside the target
and moves the files into place when all are complete, refuses to replace
existing files unless ``overwrite=True`` and anything but a regular file
even then, and leaves nothing behind when it fails half way or is
interrupted.
"""

from __future__ import annotations

from ._columns import Column, ColumnType, ForeignKey, Table
from ._frames import to_arrow, to_pandas, to_polars
from ._tables import TABLES, to_records
from ._writers import (
    write_csv,
    write_datapackage,
    write_geojson,
    write_json,
    write_parquet,
    write_sqlite,
)

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Table",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "to_records",
    "write_csv",
    "write_datapackage",
    "write_geojson",
    "write_json",
    "write_parquet",
    "write_sqlite",
]
