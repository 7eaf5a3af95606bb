"""Properties of generated datasets: they validate, and every export keeps them whole."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import sco_digital as sd
from sco_digital._convert import structure, unstructure
from sco_digital.export import (
    TABLES,
    to_arrow,
    to_pandas,
    to_polars,
    to_records,
    write_csv,
    write_json,
    write_sqlite,
)
from sco_digital.strategies import datasets
from tables import read_csv, read_sqlite, rebuild

EMPTY = sd.Dataset(sources=(), countries=(), organizations=(), projects=(), indicators=())
RECORD_TYPES = (
    sd.PartialDate,
    sd.Source,
    sd.Membership,
    sd.Country,
    sd.Organization,
    sd.Participant,
    sd.Project,
    sd.Indicator,
    sd.Conflict,
    sd.Place,
)


@given(st.data())
def test_records_survive_json(data: st.DataObject) -> None:
    """Every record type (drawn through st.from_type) structures back from its JSON form."""
    for cls in RECORD_TYPES:
        record = data.draw(st.from_type(cls))
        assert record == structure(unstructure(record), cls)


@given(datasets())
def test_json_round_trip(ds: sd.Dataset) -> None:
    """write_json then load(path) gives back the dataset, which passed validation."""
    ds.validate()
    with tempfile.TemporaryDirectory() as tmp:
        assert ds == sd.load(write_json(ds, Path(tmp) / "data"))


@given(datasets())
def test_sqlite_and_csv_round_trip(ds: sd.Dataset) -> None:
    """The SQLite tables and the CSV files rebuild the dataset."""
    with tempfile.TemporaryDirectory() as tmp:
        assert ds == rebuild(read_sqlite(write_sqlite(ds, Path(tmp) / "sco.db")))
        assert ds == rebuild(read_csv(write_csv(ds, Path(tmp) / "csv")))


@given(datasets())
def test_frames(ds: sd.Dataset) -> None:
    """Frames hold to_records' values, with types that depend on the table, never the data."""
    for name, spec in TABLES.items():
        records = to_records(ds, name)
        dates = [c.name for c in spec.columns if c.type == "date"]
        expected: list[dict[str, Any]] = [
            {k: dt.date.fromisoformat(v) if k in dates and v else v for k, v in row.items()}
            for row in records
        ]
        arrow = to_arrow(ds, name)
        assert expected == arrow.to_pylist()
        assert to_arrow(EMPTY, name).schema == arrow.schema
        polars = to_polars(ds, name)
        assert expected == polars.to_dicts()
        assert to_polars(EMPTY, name).schema == polars.schema
        pandas = to_pandas(ds, name)
        assert len(records) == len(pandas)
        assert to_pandas(EMPTY, name).dtypes.to_dict() == pandas.dtypes.to_dict()
