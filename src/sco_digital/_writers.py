"""
The file exports: CSV, SQLite, Parquet, a Frictionless data package, GeoJSON
and the package's own JSON data files.

Each writer builds its files from `TABLES` (or, for JSON, from the records)
and writes them through `_staging`, so that they appear whole or not at
all.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._about import LICENSE, LICENSE_URL, TITLE
from ._columns import Table
from ._convert import unstructure
from ._frames import to_arrow
from ._json import dumps
from ._optional import require
from ._registry import FILES
from ._staging import staged, write_file, write_texts
from ._tables import TABLES

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = [
    "FRICTIONLESS_TYPES",
    "SQL_TYPES",
    "csv_text",
    "json_files",
    "write_csv",
    "write_datapackage",
    "write_geojson",
    "write_json",
    "write_parquet",
    "write_sqlite",
]

# -- CSV -----------------------------------------------------------------------------


def write_csv(
    ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False, bom: bool = False
) -> Path:
    """
    Write every table of `TABLES` as ``<table>.csv`` in *directory*.

    The files are UTF-8 CSV (RFC 4180: comma-separated, ``"``-quoted where
    needed, CRLF line ends) with a header row; an empty field is a missing
    value (no text field can be empty otherwise). A text that a spreadsheet
    would take for a formula (one beginning with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return, perhaps after apostrophes) is written with
    an apostrophe before it, and one that begins with apostrophes and then
    like a formula gets one more, so that removing one apostrophe from each
    such text gives back the data.

    Args:
        ds: The dataset to write; it must pass `Dataset.validate`.
        directory: Created if missing.
        overwrite: Replace files of the same names that already exist.
        bom: Begin each file with a UTF-8 byte-order mark, so that Excel
            reads it as UTF-8 (without one, it shows Chinese and Russian
            names as mojibake). Programs that read CSV as UTF-8 do not need
            it; Python reads such files with ``encoding="utf-8-sig"``.

    Returns:
        The directory.

    Raises:
        DataError: *ds* breaks a cross-record rule, so its tables' keys
            would not hold.
        FileExistsError: A file would be replaced and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    ds.validate()
    files = _csv_files(ds)
    if bom:
        files = {name: "\ufeff" + text for name, text in files.items()}
    return write_texts(Path(directory), files, overwrite=overwrite)


_FORMULA_STARTS = "=+-@\t\r"
"""What makes a spreadsheet run a cell as a formula when it begins the cell."""

_FORMULA = re.compile("'*[" + re.escape(_FORMULA_STARTS) + "]")
"""A text that begins like a formula, perhaps after apostrophes."""


def csv_text(
    header: list[str], rows: Iterable[Iterable[Any]], *, lineterminator: str = "\r\n"
) -> str:
    """
    *header* and *rows* as CSV, with an apostrophe before every text that
    begins like a formula (see `write_csv`), so that a spreadsheet shows it
    instead of running it. Numbers are left as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerow(header)
    writer.writerows(
        ["'" + v if isinstance(v, str) and _FORMULA.match(v) else v for v in row] for row in rows
    )
    return buffer.getvalue()


def _csv_files(ds: Dataset) -> dict[str, str]:
    return {
        f"{name}.csv": csv_text([c.name for c in spec.columns], spec.rows(ds))
        for name, spec in TABLES.items()
    }


# -- Parquet -------------------------------------------------------------------------


def write_parquet(
    ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """
    Write every table of `TABLES` as ``<table>.parquet`` in *directory*,
    with the Arrow types of `to_arrow`. Needs pyarrow (the ``arrow`` extra).

    Args:
        ds: The dataset to write; it must pass `Dataset.validate`.
        directory: Created if missing.
        overwrite: Replace files of the same names that already exist.

    Returns:
        The directory.

    Raises:
        ImportError: pyarrow is not installed; the message names the extra.
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: A file would be replaced and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    parquet = require("pyarrow.parquet", "write_parquet")
    ds.validate()
    tables = {f"{name}.parquet": to_arrow(ds, name) for name in TABLES}
    target = Path(directory)
    with staged(target, list(tables), overwrite=overwrite) as stage:
        for name, table in tables.items():
            parquet.write_table(table, stage / name)
    return target


# -- SQLite --------------------------------------------------------------------------


def write_sqlite(ds: Dataset, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """
    Write *ds* as an SQLite database file at *path*: one table per table of
    `TABLES`, with NOT NULL on required columns, CHECK constraints listing
    each category's values, PRIMARY KEY and FOREIGN KEY constraints, and an
    index on every foreign key that does not start the primary key; plus a
    ``dataset_info`` table of key/value metadata (title, data version,
    licence). Open it with sqlite3, DuckDB or Datasette.

    Args:
        ds: The dataset to write; it must pass `Dataset.validate`.
        path: The database file to create.
        overwrite: Replace the file if it exists.

    Returns:
        The path.

    Raises:
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: The file exists and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    import sqlite3

    ds.validate()

    def write(file: Path) -> None:
        try:
            fill(file)
        except sqlite3.Error as exc:  # a full disk, an I/O error: name the file
            full = getattr(exc, "sqlite_errorcode", None) == getattr(sqlite3, "SQLITE_FULL", 13)
            raise OSError(errno.ENOSPC if full else errno.EIO, str(exc), str(file)) from None

    def fill(file: Path) -> None:
        connection = sqlite3.connect(file)
        try:
            # A temporary file, renamed into place when complete (as every writer
            # here does), so SQLite's own journal and syncs would only slow it down.
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            connection.executescript(_sqlite_schema())
            with connection:
                for spec in TABLES.values():
                    marks = ", ".join("?" * len(spec.columns))
                    connection.executemany(
                        f'INSERT INTO "{spec.name}" VALUES ({marks})',  # noqa: S608 - our names
                        spec.rows(ds),
                    )
                connection.executemany("INSERT INTO dataset_info VALUES (?, ?)", _info(ds).items())
        finally:
            connection.close()

    return write_file(path, write, overwrite=overwrite)


SQL_TYPES = {"integer": "INTEGER", "number": "REAL"}
"""The SQLite type of each column type; TEXT for the others."""


# -- GeoJSON -------------------------------------------------------------------------


def write_geojson(ds: Dataset, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """
    Write *ds*'s projects as a GeoJSON file (RFC 7946) at *path*: a
    FeatureCollection with one Feature per project that has places, its
    geometry a Point (one place) or a MultiPoint (several, the main place
    first) in WGS84 longitude, latitude, and its properties the project's
    main fields (``id``, ``name``, ``kind``, ``status``, ``started``,
    ``ended``, ``location``; ``countries``, ``technologies``, ``sectors`` and
    ``places`` as lists; ``precision``, the finest precision of its places).
    Projects without places are left out. QGIS, geopandas and any GeoJSON
    reader open it.

    >>> import json, pathlib, tempfile
    >>> import sco_digital as sd
    >>> from sco_digital.export import write_geojson
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_geojson(sd.load(), pathlib.Path(tmp) / "projects.geojson")
    ...     features = json.loads(path.read_text(encoding="utf-8"))["features"]
    >>> tashkent = next(f for f in features if f["id"] == "luban-workshop-uzbekistan")
    >>> tashkent["geometry"]
    {'type': 'Point', 'coordinates': [69.21627, 41.26465]}

    Args:
        ds: The dataset to write; it must pass `Dataset.validate`.
        path: The file to create (``.geojson`` by convention).
        overwrite: Replace the file if it exists.

    Returns:
        The path.

    Raises:
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: The file exists and *overwrite* is false.

    .. versionadded:: 0.2.0
    """
    ds.validate()
    text = dumps(geojson(ds))

    def write(file: Path) -> None:
        file.write_text(text, encoding="utf-8", newline="\n")

    return write_file(path, write, overwrite=overwrite)


_FINEST = ("exact", "city", "region", "country")


def geojson(ds: Dataset) -> dict[str, Any]:
    """The GeoJSON FeatureCollection `write_geojson` writes, as a JSON-shaped dict."""
    features = []
    for project in ds.projects:
        places = [ds.place(i) for i in project.places]
        if not places:
            continue
        points = [list(p.coordinates) for p in places]
        geometry = (
            {"type": "Point", "coordinates": points[0]}
            if len(points) == 1
            else {"type": "MultiPoint", "coordinates": points}
        )
        features.append(
            {
                "type": "Feature",
                "id": project.id,
                "geometry": geometry,
                "properties": {
                    "id": project.id,
                    "name": project.name,
                    "kind": project.kind.value,
                    "status": project.status.value,
                    "started": None if project.started is None else str(project.started),
                    "ended": None if project.ended is None else str(project.ended),
                    "location": project.location,
                    "countries": sorted(project.countries),
                    "technologies": sorted(t.value for t in project.technologies),
                    "sectors": sorted(s.value for s in project.sectors),
                    "places": list(project.places),
                    "precision": min((p.precision.value for p in places), key=_FINEST.index),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _sqlite_schema() -> str:
    """The SQL that creates the tables and indexes of `write_sqlite`."""
    statements = []
    for spec in TABLES.values():
        lines = []
        for column in spec.columns:
            line = f'"{column.name}" {SQL_TYPES.get(column.type, "TEXT")}'
            if column.required:
                line += " NOT NULL"
            if column.categories:
                allowed = ", ".join(_sql_text(value) for value in column.categories)
                line += f' CHECK ("{column.name}" IN ({allowed}))'
            lines.append(line)
        lines.append(f"PRIMARY KEY ({_sql_names(spec.primary_key)})")
        lines.extend(
            f"FOREIGN KEY ({_sql_names(key.columns)})"
            f' REFERENCES "{key.table}" ({_sql_names(key.referenced)})'
            for key in spec.foreign_keys
        )
        body = ",\n  ".join(lines)
        statements.append(f'CREATE TABLE "{spec.name}" (\n  {body}\n);')
        for key in spec.foreign_keys:
            if spec.primary_key[: len(key.columns)] != key.columns:  # else the key's index serves
                index = "_".join((spec.name, *key.columns))
                statements.append(
                    f'CREATE INDEX "{index}" ON "{spec.name}" ({_sql_names(key.columns)});'
                )
    statements.append(
        "CREATE TABLE dataset_info (\n  key TEXT NOT NULL PRIMARY KEY,\n  value TEXT NOT NULL\n);"
    )
    return "\n".join(statements) + "\n"


def _sql_names(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _info(ds: Dataset) -> dict[str, str]:
    from ._version import package_version

    return {
        "title": TITLE,
        "data_version": _data_version(ds),
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "generator": f"sco-digital {package_version()}",
    }


# -- Frictionless data package -------------------------------------------------------


def write_datapackage(
    ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """
    Write *ds* as a Frictionless tabular data package in *directory*: the
    CSV files of `write_csv` and a ``datapackage.json`` describing each as
    a resource with its table schema (field types and constraints, primary
    key, foreign keys), the licence (CC-BY-4.0), every source and the data
    version. ``frictionless validate directory/datapackage.json`` reports
    no errors.

    Args:
        ds: The dataset to write; it must pass `Dataset.validate`.
        directory: Created if missing.
        overwrite: Replace files of the same names that already exist.

    Returns:
        The directory.

    Raises:
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: A file would be replaced and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    ds.validate()
    files = _csv_files(ds)
    files["datapackage.json"] = dumps(_datapackage(ds))
    return write_texts(Path(directory), files, overwrite=overwrite)


FRICTIONLESS_TYPES = {"category": "string", "partial_date": "string"}
"""The Frictionless field type of each column type that differs from its name."""

_PARTIAL_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"


def _datapackage(ds: Dataset) -> dict[str, Any]:
    """The datapackage.json descriptor of `write_datapackage`."""
    return {
        "profile": "tabular-data-package",
        "name": "sco-digital",
        "title": TITLE,
        "description": (
            "Countries with an SCO status, digital cooperation projects among them, the"
            " organisations involved and figures reported about them, each citing its sources."
        ),
        "version": _data_version(ds),
        "licenses": [
            {
                "name": LICENSE,
                "path": LICENSE_URL,
                "title": "Creative Commons Attribution 4.0 International",
            }
        ],
        "sources": [{"title": s.title or s.publisher, "path": s.url} for s in ds.sources],
        "resources": [_resource(spec) for spec in TABLES.values()],
    }


def _resource(spec: Table) -> dict[str, Any]:
    fields = []
    for column in spec.columns:
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.categories:
            constraints["enum"] = list(column.categories)
        if column.type == "partial_date":
            constraints["pattern"] = _PARTIAL_DATE_PATTERN
        field: dict[str, Any] = {
            "name": column.name,
            "type": FRICTIONLESS_TYPES.get(column.type, column.type),
            "description": column.description,
        }
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {
        "name": spec.name,
        "path": f"{spec.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": spec.description,
        "schema": {
            "fields": fields,
            "missingValues": [""],
            "primaryKey": list(spec.primary_key),
            "foreignKeys": [
                {
                    "fields": list(key.columns),
                    "reference": {
                        # The Data Package spec names the table's own resource "".
                        "resource": "" if key.table == spec.name else key.table,
                        "fields": list(key.referenced),
                    },
                }
                for key in spec.foreign_keys
            ],
        },
    }


# -- the package's own JSON files ----------------------------------------------------


def _data_version(ds: Dataset) -> str:
    return ds.data_version or dt.date.today().strftime("%Y.%m.%d")  # noqa: DTZ011


def _manifest(ds: Dataset) -> dict[str, Any]:
    """The manifest.json content for *ds*."""
    # The record files are listed by dataset.FILES until the registry (_registry.py) lands.
    return {
        "name": "sco-digital",
        "title": TITLE,
        "data_version": _data_version(ds),
        "license": LICENSE,
        "counts": {
            name.removesuffix(".json"): len(getattr(ds, name.removesuffix(".json")))
            for name in sorted(FILES.values())
        },
    }


def json_files(ds: Dataset) -> dict[str, str]:
    """The text of every data file of *ds*, by file name, in canonical form."""
    files = {
        name: dumps(unstructure(list(getattr(ds, name.removesuffix(".json")))))
        for name in FILES.values()
    }
    files["manifest.json"] = dumps(_manifest(ds))
    return files


def write_json(ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """
    Write *ds* as the package's data files, so that ``load(directory)``
    reads back an equal Dataset.

    Args:
        ds: The dataset to write.
        directory: Created if missing.
        overwrite: Replace files of the same names that already exist.

    Returns:
        The directory.

    Raises:
        FileExistsError: A file would be replaced and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    return write_texts(Path(directory), json_files(ds), overwrite=overwrite)
