"""The figures script draws the right numbers, and the committed figures are current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sco_digital as sd
import scripted
from sco_digital import plot

DOCS = Path(__file__).parents[2] / "docs"


figures = scripted.load("docs/figures.py")


@pytest.mark.parametrize("name", figures.FIGURES)
def test_committed_figure_is_current(name: str) -> None:
    """The README and the docs show figures drawn from the current data and script."""
    svg = DOCS / "_static" / "figures" / name
    assert figures.read_fingerprint(svg) == figures.fingerprint(sd.load()), (
        f"{svg} is out of date: run `python docs/figures.py` (needs the docs extra)"
        " and commit the result"
    )


def test_fingerprint_follows_the_data(ds: sd.Dataset) -> None:
    """Other data (the tests' mini dataset) gives another fingerprint."""
    assert figures.fingerprint(ds) != figures.fingerprint(sd.load())
    assert figures.fingerprint(ds) == figures.fingerprint(ds)


def test_read_fingerprint_of_a_file_without_one(tmp_path: Path) -> None:
    svg = tmp_path / "plain.svg"
    svg.write_text("<svg></svg>\n", encoding="utf-8")
    assert figures.read_fingerprint(svg) is None


def test_timeline_rows() -> None:
    """27 countries, founders first, periods clipped to 2001..the data date."""
    rows = plot.membership_periods(sd.load())
    codes = [country.code for country, _ in rows]
    assert len(codes) == 27
    assert ["CN", "KZ", "KG", "RU", "TJ", "UZ"] == codes[:6]
    assert "LA" == codes[-1]
    by_code = {country.code: periods for country, periods in rows}
    assert [
        (sd.Status.DIALOGUE_PARTNER, dt.date(2010, 1, 1), dt.date(2015, 7, 10)),
        (sd.Status.OBSERVER, dt.date(2015, 7, 10), dt.date(2024, 7, 4)),
        (sd.Status.MEMBER, dt.date(2024, 7, 4), dt.date(2026, 11, 30)),
    ] == by_code["BY"]
    # "2023-05" counts from the first of the month.
    assert dt.date(2023, 5, 1) == by_code["KW"][0][1]


def test_timeline_ends_on_the_data_date() -> None:
    ds = sd.load()
    assert dt.date(2026, 11, 30) == plot.data_date(ds)
    ends = {periods[-1][2] for _, periods in plot.membership_periods(ds)}
    assert {dt.date(2026, 11, 30)} == ends


def test_technology_counts() -> None:
    """Counts agree with the query helpers."""
    ds = sd.load()
    per_technology, per_country, counts = plot.technology_counts(ds)
    assert len(ds.by_technology("AI")) == per_technology[sd.Technology.ARTIFICIAL_INTELLIGENCE]
    assert len(ds.by_country("UZ")) == per_country["UZ"]
    fibre_kg = ds.filter(country="KG", technology="fibre optics")
    assert len(fibre_kg) == counts[sd.Technology.FIBER_OPTICS, "KG"]
    assert 27 == len(per_country)
    assert 0 == counts[sd.Technology.FIBER_OPTICS, "LA"]
