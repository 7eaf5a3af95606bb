"""
Type-checked, never run: the types of the exports and strategies as users see them.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import polars as pl
from hypothesis.strategies import SearchStrategy

import sco_digital as sd
from sco_digital import strategies
from sco_digital.export import (
    TABLES,
    Table,
    to_polars,
    write_csv,
    write_datapackage,
    write_parquet,
    write_sqlite,
)

ds = sd.load()
assert_type(TABLES["projects"], Table)
assert_type(to_polars(ds, "projects"), pl.DataFrame)
assert_type(write_csv(ds, "out", overwrite=True), Path)
assert_type(write_parquet(ds, Path("out")), Path)
assert_type(write_sqlite(ds, "sco.db"), Path)
assert_type(write_datapackage(ds, "out"), Path)

assert_type(strategies.projects(), SearchStrategy[sd.Project])
assert_type(strategies.countries(codes=strategies.country_codes()), SearchStrategy[sd.Country])
assert_type(strategies.partial_dates(), SearchStrategy[sd.PartialDate])
assert_type(strategies.datasets(max_records=3), SearchStrategy[sd.Dataset])
