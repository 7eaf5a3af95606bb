"""
What every figure of `sco_digital.plot` shares: the dataset and date range
it draws, the subsets it takes (countries, technologies) and the empty
matplotlib Figure it draws on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from . import _coerce
from ._optional import require as _require
from .dataset import Dataset
from .models import Technology

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .models import Country, Project

__all__ = [
    "FOUNDED",
    "Chosen",
    "chosen",
    "data_date",
    "dataset",
    "day_range",
    "figure",
    "pick_countries",
    "pick_technologies",
]

FOUNDED = dt.date(2001, 1, 1)
"""Where a timeline starts by default: the year the SCO was founded."""


def dataset(ds: Dataset | None) -> Dataset:
    """*ds*, or the bundled dataset for None; TypeError for anything else."""
    if ds is None:
        from ._loader import load

        return load()
    if not isinstance(ds, Dataset):
        raise _coerce.wrong_type("ds", "a Dataset or None", ds)
    return ds


def data_date(ds: Dataset) -> dt.date:
    """
    The day the data version names ("2026.11.30" is 30 November 2026), or
    today for data without a version.
    """
    if ds.data_version is None:
        return dt.date.today()  # noqa: DTZ011 - a calendar day
    year, month, day = (int(part) for part in ds.data_version.split(".")[:3])
    return dt.date(year, month, day)


def day_range(
    ds: Dataset, start: dt.date | str | None, end: dt.date | str | None
) -> tuple[dt.date, dt.date]:
    first = FOUNDED if start is None else _coerce.as_day(start, "start")
    last = data_date(ds) if end is None else _coerce.as_day(end, "end")
    if last <= first:
        msg = f"end ({last}) is not after start ({first})"
        raise ValueError(msg)
    return first, last


def pick_countries(ds: Dataset, countries: Iterable[str | Country] | None) -> list[Country]:
    if countries is None:
        return list(ds.countries)
    if isinstance(countries, str) or not isinstance(countries, Iterable):
        raise _coerce.wrong_type("countries", "a list of countries", countries)
    return list(dict.fromkeys(ds.country(c) for c in countries))


def pick_technologies(
    technologies: Iterable[str | Technology] | None,
) -> list[Technology] | None:
    if technologies is None:
        return None
    if isinstance(technologies, str) or not isinstance(technologies, Iterable):
        raise _coerce.wrong_type("technologies", "a list of technologies", technologies)
    return list(dict.fromkeys(Technology.lookup(t, "technologies") for t in technologies))


def _started_in(project: Project, first: dt.date | None, last: dt.date | None) -> bool:
    if first is None and last is None:
        return True
    if project.started is None:
        return False
    day = project.started.earliest()
    return (first is None or day >= first) and (last is None or day <= last)


class Chosen(NamedTuple):
    """What the filters of a figure keep, and the filters as they were resolved."""

    projects: list[Project]
    """The projects started in the date range (all, without one)."""
    codes: set[str]
    """The codes of the countries chosen (all, without a choice)."""
    technologies: list[Technology] | None
    """The technologies chosen, or None for all."""
    countries: list[str] | None
    """The codes of the countries chosen, in the order given, or None for all."""
    first: dt.date | None
    """The first day of the range, or None."""
    last: dt.date | None
    """The last day of the range, or None."""


def chosen(
    ds: Dataset,
    start: dt.date | str | None,
    end: dt.date | str | None,
    countries: Iterable[str | Country] | None,
    technologies: Iterable[str | Technology] | None,
) -> Chosen:
    first = None if start is None else _coerce.as_day(start, "start")
    last = None if end is None else _coerce.as_day(end, "end")
    if first is not None and last is not None and last < first:
        msg = f"end ({last}) is before start ({first})"
        raise ValueError(msg)
    picked = [c.code for c in pick_countries(ds, countries)]
    projects = [p for p in ds.projects if _started_in(p, first, last)]
    return Chosen(
        projects,
        set(picked),
        pick_technologies(technologies),
        None if countries is None else picked,
        first,
        last,
    )


def figure(caller: str, width: float, height: float) -> Figure:
    _require("matplotlib", caller)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")
