"""Analysis-ready frames: one row per record, many values as lists (Results.to_pandas/to_polars)."""

from __future__ import annotations

import datetime as dt
import pickle
import sys

import pandas as pd
import polars as pl
import pytest

import mini
import sco_digital as sd
from sco_digital.dataset import Results
from sco_digital.export import to_pandas


@pytest.fixture(scope="module")
def bundled() -> sd.Dataset:
    return sd.load()


class TestProjects:
    def test_one_row_per_project(self, bundled: sd.Dataset) -> None:
        frame = bundled.projects.to_pandas()
        assert [p.id for p in bundled.projects] == frame["id"].tolist()
        assert pd.RangeIndex(len(bundled.projects)).equals(frame.index)

    def test_no_double_counting(self, bundled: sd.Dataset) -> None:
        """The participants table counts a project once per role; the list column once."""
        per_country = bundled.projects.to_pandas().explode("countries")["countries"].value_counts()
        for country in bundled.countries:
            assert len(bundled.by_country(country)) == per_country.get(country.code, 0)
        by_role = to_pandas(bundled, "project_participants")["country"].value_counts()
        assert by_role["CN"] > per_country["CN"]

    def test_the_cable(self) -> None:
        frame = mini.dataset().projects.to_pandas().set_index("id")
        cable = frame.loc["cable"]
        assert ["CN", "KG", "UZ"] == cable["countries"]
        assert ["fiber_optics"] == cable["technologies"]
        assert pd.isna(cable["start"])
        assert "operational" == cable["status"]

    def test_dates(self, bundled: sd.Dataset) -> None:
        frame = bundled.projects.to_pandas().set_index("id")
        row = frame.loc["soho-cloud"]
        assert ("2025-03", pd.Timestamp("2025-03-01")) == (row["started"], row["start"])
        assert "datetime64[s]" == str(frame["start"].dtype)
        assert "string" == str(frame["status"].dtype)
        assert object == frame["countries"].dtype

    def test_polars_types(self, bundled: sd.Dataset) -> None:
        frame = bundled.by_country("KG").to_polars()
        assert pl.List(pl.String) == frame.schema["countries"]
        assert pl.Date == frame.schema["start"]
        assert pl.String == frame.schema["status"]
        assert len(bundled.by_country("KG")) == frame.height
        assert all("KG" in countries for countries in frame["countries"].to_list())

    def test_pandas_and_polars_agree(self, bundled: sd.Dataset) -> None:
        found = bundled.by_technology("5G")
        assert found.to_pandas()["id"].tolist() == found.to_polars()["id"].to_list()
        assert list(found.to_pandas().columns) == found.to_polars().columns


class TestCountries:
    def test_status_and_since_on_a_day(self, bundled: sd.Dataset) -> None:
        frame = bundled.countries.to_pandas(as_of=dt.date(2024, 7, 4)).set_index("code")
        assert ["member", "2024-07-04"] == frame.loc["BY", ["status", "since"]].tolist()
        frame = bundled.countries.to_pandas(as_of="2024-07-03").set_index("code")
        assert ["observer", "2015-07-10"] == frame.loc["BY", ["status", "since"]].tolist()
        assert pd.isna(frame.loc["LA", "status"])

    def test_as_of_must_be_a_day(self, bundled: sd.Dataset) -> None:
        with pytest.raises(ValueError, match="2024-02-30"):
            bundled.countries.to_pandas(as_of="2024-02-30")


class TestIndicators:
    def test_bounds(self, bundled: sd.Dataset) -> None:
        frame = bundled.indicators.to_pandas().set_index("id")
        assert 300.0 == frame.loc["karamay-trainees", "low"]
        assert pd.isna(frame.loc["karamay-trainees", "high"])
        assert "more than 300 people, as of 2025-06" == frame.loc["karamay-trainees", "text"]
        assert "Float64" == str(frame["value"].dtype)


class TestOtherRecords:
    def test_sources(self, bundled: sd.Dataset) -> None:
        frame = bundled.sources[:2].to_pandas()
        assert ["id", "title", "publisher", "reprint_of", "kind", "published", "url"] == list(
            frame.columns
        )[:7]
        assert 2 == len(frame)

    def test_empty(self) -> None:
        """A Results made without records or a kind has no columns."""
        assert (0, 0) == Results().to_pandas().shape
        assert (0, 0) == Results().to_polars().shape


EMPTY_QUERIES = {
    "near": lambda ds: ds.near(0.0, -30.0, 10),
    "within": lambda ds: ds.within(-10.0, -40.0, 0.0, -30.0),
    "filter": lambda ds: ds.filter(country="KG", active_in=1990),
    "search": lambda ds: ds.search("zzzzqqq"),
    "children": lambda ds: ds.children("arca-mir-armenia"),
    "by_technology": lambda ds: ds.by_technology(
        next(t for t in sd.Technology if not ds.by_technology(t))
    ),
    "by_organization": lambda ds: ds.by_organization("huawei", role="borrower"),
    "indicators_for": lambda ds: ds.indicators_for("arca-mir-armenia"),
    "members": lambda ds: ds.members(as_of="1990-01-01"),
    "conflicts_for": lambda ds: ds.conflicts_for("arca-mir-armenia"),
    "places slice": lambda ds: ds.places[:0],
}


@pytest.mark.parametrize("query", list(EMPTY_QUERIES))
def test_an_empty_result_has_its_kinds_columns(bundled: sd.Dataset, query: str) -> None:
    """
    A query that finds nothing still knows what it looks for: its frames have
    that kind's columns and types, so ``frame["id"]`` works on no rows too.
    """
    found = EMPTY_QUERIES[query](bundled)
    assert () == found
    kind = found.kind
    assert kind is not None
    assert kind is pickle.loads(pickle.dumps(found)).kind  # noqa: S301 - our own bytes
    full = Results(getattr(bundled, _TABLES[kind]))
    empty, whole = found.to_pandas(), full.to_pandas()
    assert (0, len(whole.columns)) == empty.shape
    assert list(whole.dtypes.astype(str)) == list(empty.dtypes.astype(str))
    assert full.to_polars().schema == found.to_polars().schema


_TABLES = {
    sd.Project: "projects",
    sd.Indicator: "indicators",
    sd.Country: "countries",
    sd.Conflict: "conflicts",
    sd.Place: "places",
}


def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(
        ImportError, match=r"^to_polars\(\) needs polars: pip install 'sco-digital\[polars\]'$"
    ):
        sd.load().projects.to_polars()


@pytest.mark.parametrize("table", ["projects", "countries", "indicators", "sources", "conflicts"])
def test_rows_have_the_declared_columns_in_order(bundled: sd.Dataset, table: str) -> None:
    from sco_digital._analysis import table as rows_of

    records = getattr(bundled, table)
    declared, _ = rows_of((), type(records[0]))
    columns, rows = rows_of(records)
    assert list(declared) == list(columns)
    assert {tuple(declared)} == {tuple(row) for row in rows}
