"""
The exported tables as typed data frames: pandas, polars and Arrow.

Each library is imported only when its function is called; when it is
missing, the ImportError names the extra that installs it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._columns import Column
from ._optional import require
from ._tables import table_named

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from .dataset import Dataset


def _columns(ds: Dataset, table: str) -> list[tuple[Column, list[Any]]]:
    """Each column of the table *table* of *ds* with its values (dates as `datetime.date`)."""
    spec = table_named(table)
    by_column = zip(*spec.rows(ds), strict=True)
    columns = []
    for column in spec.columns:
        values = list(next(by_column, ()))
        if column.type == "date":
            values = [None if v is None else dt.date.fromisoformat(v) for v in values]
        columns.append((column, values))
    return columns


def to_pandas(ds: Dataset, table: str) -> pd.DataFrame:
    """
    The table *table* (see `TABLES`) of *ds* as a pandas DataFrame.

    Column types map to nullable pandas dtypes: strings and partial dates
    to ``string`` (``StringDtype("python")``), integers to ``Int64``,
    numbers to ``Float64``, dates to ``datetime64[s]`` and categories to a
    ``CategoricalDtype`` listing every allowed value, not only those
    present. Missing values are ``pd.NA`` (``NaT`` for dates). The index is
    a plain RangeIndex.

    Raises:
        ImportError: pandas is not installed; the message names the extra.
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    pandas = require("pandas", "to_pandas")
    columns = _columns(ds, table)
    size = len(columns[0][1])
    return pandas.DataFrame(
        {
            column.name: pandas.Series(values, dtype=_pandas_dtype(pandas, column))
            for column, values in columns
        },
        index=pandas.RangeIndex(size),
    )


def _pandas_dtype(pandas: Any, column: Column) -> Any:
    if column.type == "category":
        return pandas.CategoricalDtype(list(column.categories))
    if column.type == "integer":
        return pandas.Int64Dtype()
    if column.type == "number":
        return pandas.Float64Dtype()
    if column.type == "date":
        return "datetime64[s]"
    return pandas.StringDtype("python")


def to_polars(ds: Dataset, table: str) -> pl.DataFrame:
    """
    The table *table* (see `TABLES`) of *ds* as a polars DataFrame.

    Column types map to polars types: strings and partial dates to
    ``String``, integers to ``Int64``, numbers to ``Float64``, dates to
    ``Date`` and categories to an ``Enum`` of every allowed value.

    Raises:
        ImportError: polars is not installed; the message names the extra.
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    polars = require("polars", "to_polars")
    frame: pl.DataFrame = polars.DataFrame(
        [
            polars.Series(column.name, values, dtype=_polars_dtype(polars, column))
            for column, values in _columns(ds, table)
        ]
    )
    return frame


def _polars_dtype(polars: Any, column: Column) -> Any:
    if column.type == "category":
        return polars.Enum(list(column.categories))
    if column.type == "integer":
        return polars.Int64
    if column.type == "number":
        return polars.Float64
    if column.type == "date":
        return polars.Date
    return polars.String


def to_arrow(ds: Dataset, table: str) -> pa.Table:
    """
    The table *table* (see `TABLES`) of *ds* as a pyarrow Table.

    Column types map to Arrow types: strings and partial dates to
    ``string``, integers to ``int64``, numbers to ``double``, dates to
    ``date32`` and categories to ``dictionary<values=string,
    indices=int32>`` whose dictionary holds every allowed value, in order.
    Required columns are non-nullable fields.

    Raises:
        ImportError: pyarrow is not installed; the message names the extra.
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    pyarrow = require("pyarrow", "to_arrow")
    columns = _columns(ds, table)
    schema = pyarrow.schema(
        [
            pyarrow.field(column.name, _arrow_type(pyarrow, column), nullable=not column.required)
            for column, _ in columns
        ]
    )
    arrays = []
    for column, values in columns:
        if column.type == "category":
            index = {value: i for i, value in enumerate(column.categories)}
            arrays.append(
                pyarrow.DictionaryArray.from_arrays(
                    pyarrow.array([index.get(v) for v in values], pyarrow.int32()),
                    pyarrow.array(column.categories, pyarrow.string()),
                )
            )
        else:
            arrays.append(pyarrow.array(values, _arrow_type(pyarrow, column)))
    return pyarrow.Table.from_arrays(arrays, schema=schema)


def _arrow_type(pyarrow: Any, column: Column) -> Any:
    if column.type == "category":
        return pyarrow.dictionary(pyarrow.int32(), pyarrow.string())
    if column.type == "integer":
        return pyarrow.int64()
    if column.type == "number":
        return pyarrow.float64()
    if column.type == "date":
        return pyarrow.date32()
    return pyarrow.string()
