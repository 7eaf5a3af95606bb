"""
Analysis-ready rows: one per record with every field, many-valued fields as
lists, for data frames (`Results.to_pandas`, `Results.to_polars`) and for the
command line's CSV and JSON.

A project's countries, roles, technologies, sectors and organisations are
list columns, so that counting projects per country never counts a project
twice (the export's participants table has one row per country per role).
A country's row gives its status on a day and since when it holds it. A
figure's row gives its text and the bounds its qualifier allows.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._coerce import as_day
from ._dates import PartialDate
from ._optional import require

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

    from ._indicator import Indicator
    from ._records import Country, Membership, Project

ColumnType = Literal["str", "list", "date", "float"]
Row = dict[str, Any]

__all__ = ["figure_text", "held_on", "table", "to_pandas", "to_polars"]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if attrs.has(type(value)) and not isinstance(value, PartialDate):
        return ":".join(str(_text(v)) for v in attrs.astuple(value, recurse=False))
    return str(value)


def _texts(values: Iterable[object]) -> list[str]:
    found = [str(_text(v)) for v in values]
    return sorted(found) if isinstance(values, frozenset) else found


def _project_row(project: Project, _day: dt.date) -> Row:
    return {
        "id": project.id,
        "name": project.name,
        "kind": project.kind.value,
        "status": project.status.value,
        "started": _text(project.started),
        "ended": _text(project.ended),
        "start": None if project.started is None else project.started.earliest(),
        "end": None if project.ended is None else project.ended.latest(),
        "countries": sorted(project.countries),
        "roles": _texts(project.participants),
        "technologies": _texts(project.technologies),
        "sectors": _texts(project.sectors),
        "organizations": list(project.organizations),
        "organization_roles": _texts(project.organization_roles),
        "location": project.location,
        "places": list(project.places),
        "parent": project.parent,
        "aliases": list(project.aliases),
        "identifiers": _texts(project.identifiers),
        "summary": project.summary,
        "note": project.note,
        "sources": list(project.sources),
        "reviewed": project.reviewed,
    }


def held_on(country: Country, day: dt.date) -> Membership | None:
    """The membership *country* holds on *day*, or None."""
    return next((m for m in country.memberships if m.holds_on(day)), None)


def _membership_text(m: Membership) -> str:
    until = "" if m.until is None else f" to {m.until}"
    return f"{m.status.value} {m.since}{until}"


def _country_row(country: Country, day: dt.date) -> Row:
    held = held_on(country, day)
    return {
        "code": country.code,
        "alpha3": country.alpha3,
        "name": country.name,
        "name_zh": country.name_zh,
        "name_ru": country.name_ru,
        "region": country.region.value,
        "status": None if held is None else held.status.value,
        "since": None if held is None else str(held.since),
        "until": None if held is None else _text(held.until),
        "memberships": [_membership_text(m) for m in country.memberships],
        "aliases": list(country.aliases),
        "localized_names": [f"{n.language}:{n.name}" for n in country.localized_names],
        "sources": _country_sources(country),
    }


def _country_sources(country: Country) -> list[str]:
    parts: tuple[Any, ...] = (*country.memberships, *country.localized_names)
    return list(dict.fromkeys(s for part in parts for s in part.sources))


def _indicator_row(indicator: Indicator, _day: dt.date) -> Row:
    bounds = indicator.bounds()
    return {
        "id": indicator.id,
        "subject": indicator.subject,
        "metric": indicator.metric,
        "label": indicator.label,
        "value": indicator.value,
        "unit": indicator.unit.value,
        "qualifier": indicator.qualifier.value,
        "text": figure_text(indicator),
        "low": None if bounds is None else bounds.low,
        "high": None if bounds is None else bounds.high,
        "period": _text(indicator.period),
        "period_end": _text(indicator.period_end),
        "as_of": _text(indicator.as_of),
        "note": indicator.note,
        "sources": list(indicator.sources),
        "reviewed": indicator.reviewed,
    }


def figure_text(indicator: Indicator) -> str:
    """
    The figure in words with its dates: "more than 300 people, as of
    2025-06", "USD 1.2 billion, in 2024", "45%, 2025-01 to 2025-07".
    """
    words = [indicator.text]
    if indicator.period is not None:
        if indicator.period_end is None:
            on = "on" if indicator.period.day is not None else "in"
            words.append(f"{on} {indicator.period}")
        else:
            words.append(f"{indicator.period} to {indicator.period_end}")
    if indicator.as_of is not None:
        words.append(f"as of {indicator.as_of}")
    return ", ".join(words)


def _plain_row(record: Any, _day: dt.date) -> Row:
    row: Row = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        row[field.name] = _texts(value) if isinstance(value, tuple | frozenset) else _text(value)
    return row


_PROJECT: dict[str, ColumnType] = {
    **dict.fromkeys(("id", "name", "kind", "status", "started", "ended"), "str"),
    **dict.fromkeys(("start", "end"), "date"),
    **dict.fromkeys(
        ("countries", "roles", "technologies", "sectors", "organizations", "organization_roles"),
        "list",
    ),
    "location": "str",
    "places": "list",
    "parent": "str",
    **dict.fromkeys(("aliases", "identifiers"), "list"),
    **dict.fromkeys(("summary", "note"), "str"),
    "sources": "list",
    "reviewed": "str",
}
_COUNTRY: dict[str, ColumnType] = {
    **dict.fromkeys(
        ("code", "alpha3", "name", "name_zh", "name_ru", "region", "status", "since", "until"),
        "str",
    ),
    **dict.fromkeys(("memberships", "aliases", "localized_names", "sources"), "list"),
}
_INDICATOR: dict[str, ColumnType] = {
    **dict.fromkeys(("id", "subject", "metric", "label"), "str"),
    "value": "float",
    **dict.fromkeys(("unit", "qualifier", "text"), "str"),
    **dict.fromkeys(("low", "high"), "float"),
    **dict.fromkeys(("period", "period_end", "as_of", "note"), "str"),
    "sources": "list",
    "reviewed": "str",
}


def _layout(cls: type) -> tuple[dict[str, ColumnType], Callable[[Any, dt.date], Row]]:
    from ._indicator import Indicator
    from ._records import Country, Project

    known: dict[type, tuple[dict[str, ColumnType], Callable[[Any, dt.date], Row]]] = {
        Project: (_PROJECT, _project_row),
        Country: (_COUNTRY, _country_row),
        Indicator: (_INDICATOR, _indicator_row),
    }
    if cls in known:
        return known[cls]
    columns: dict[str, ColumnType] = {
        f.name: "list" if str(f.type).startswith(("tuple", "frozenset")) else "str"
        for f in attrs.fields(cls)
    }
    return columns, _plain_row


def table(
    records: Sequence[object], cls: type | None = None, as_of: dt.date | str | None = None
) -> tuple[dict[str, ColumnType], list[Row]]:
    """
    The columns (name -> type) and rows of *records*, all of class *cls*
    (default: the first record's). Countries' status is the one they hold
    on *as_of* (default: today). No records and no *cls*: no columns.
    """
    day = dt.date.today() if as_of is None else as_day(as_of, "as_of")  # noqa: DTZ011 - a calendar day
    if cls is None:
        if not records:
            return {}, []
        cls = type(records[0])
    columns, make = _layout(cls)
    return columns, [make(record, day) for record in records]


def to_pandas(records: Sequence[object], as_of: dt.date | str | None = None) -> pd.DataFrame:
    """*records* as a pandas DataFrame: list columns hold Python lists, dates are days."""
    pandas = require("pandas", "to_pandas")
    columns, rows = table(records, as_of=as_of)
    data = {}
    for name, kind in columns.items():
        values = [row[name] for row in rows]
        if kind == "date":
            data[name] = pandas.Series(values, dtype="datetime64[s]")
        elif kind == "float":
            data[name] = pandas.Series(values, dtype=pandas.Float64Dtype())
        elif kind == "str":
            data[name] = pandas.Series(values, dtype=pandas.StringDtype("python"))
        else:
            data[name] = pandas.Series(values, dtype=object)
    return pandas.DataFrame(data, index=pandas.RangeIndex(len(rows)))


def to_polars(records: Sequence[object], as_of: dt.date | str | None = None) -> pl.DataFrame:
    """*records* as a polars DataFrame: list columns are ``List(String)``, dates ``Date``."""
    polars = require("polars", "to_polars")
    types = {
        "str": polars.String,
        "list": polars.List(polars.String),
        "date": polars.Date,
        "float": polars.Float64,
    }
    columns, rows = table(records, as_of=as_of)
    frame: pl.DataFrame = polars.DataFrame(
        [
            polars.Series(name, [row[name] for row in rows], dtype=types[kind])
            for name, kind in columns.items()
        ]
    )
    return frame
