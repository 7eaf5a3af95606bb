"""
Analysis-ready rows: one per record with every field, many-valued fields as
lists, for data frames (`Results.to_pandas`, `Results.to_polars`) and for the
command line's CSV and JSON.

A project's countries, roles, technologies, sectors and organisations are
list columns, so that counting projects per country never counts a project
twice (the export's participants table has one row per country per role).
A country's row gives its status on a day and since when it holds it. A
figure's row gives its text and the bounds its qualifier allows. A place's
coordinates are numbers and its GeoNames id an integer.
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
    from ._records import Country, Membership

ColumnType = Literal["str", "list", "date", "float", "int"]
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


def held_on(country: Country, day: dt.date) -> Membership | None:
    """The membership *country* holds on *day*, or None."""
    return next((m for m in country.memberships if m.holds_on(day)), None)


def _membership_text(m: Membership) -> str:
    until = "" if m.until is None else f" to {m.until}"
    return f"{m.status.value} {m.since}{until}"


def _country_sources(country: Country) -> list[str]:
    parts: tuple[Any, ...] = (*country.memberships, *country.localized_names)
    return list(dict.fromkeys(s for part in parts for s in part.sources))


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


_Column = tuple[str, ColumnType, Callable[[Any, dt.date], Any]]
"""A column of an analysis table: its name, its type, and its value for a record on a day."""


def _bound(indicator: Indicator, end: str) -> float | None:
    bounds = indicator.bounds()
    return None if bounds is None else getattr(bounds, end)


def _held(field: str) -> Callable[[Country, dt.date], str | None]:
    """The *field* of the membership a country holds on the day, as text."""

    def value(country: Country, day: dt.date) -> str | None:
        held = held_on(country, day)
        return None if held is None else _text(getattr(held, field))

    return value


_PROJECT: tuple[_Column, ...] = (
    ("id", "str", lambda p, _: p.id),
    ("name", "str", lambda p, _: p.name),
    ("kind", "str", lambda p, _: p.kind.value),
    ("status", "str", lambda p, _: p.status.value),
    ("started", "str", lambda p, _: _text(p.started)),
    ("ended", "str", lambda p, _: _text(p.ended)),
    ("start", "date", lambda p, _: None if p.started is None else p.started.earliest()),
    ("end", "date", lambda p, _: None if p.ended is None else p.ended.latest()),
    ("countries", "list", lambda p, _: sorted(p.countries)),
    ("roles", "list", lambda p, _: _texts(p.participants)),
    ("technologies", "list", lambda p, _: _texts(p.technologies)),
    ("sectors", "list", lambda p, _: _texts(p.sectors)),
    ("organizations", "list", lambda p, _: list(p.organizations)),
    ("organization_roles", "list", lambda p, _: _texts(p.organization_roles)),
    ("location", "str", lambda p, _: p.location),
    ("places", "list", lambda p, _: list(p.places)),
    ("parent", "str", lambda p, _: p.parent),
    ("aliases", "list", lambda p, _: list(p.aliases)),
    ("identifiers", "list", lambda p, _: _texts(p.identifiers)),
    ("summary", "str", lambda p, _: p.summary),
    ("note", "str", lambda p, _: p.note),
    ("sources", "list", lambda p, _: list(p.sources)),
    ("reviewed", "str", lambda p, _: p.reviewed),
)
_COUNTRY: tuple[_Column, ...] = (
    ("code", "str", lambda c, _: c.code),
    ("alpha3", "str", lambda c, _: c.alpha3),
    ("name", "str", lambda c, _: c.name),
    ("name_zh", "str", lambda c, _: c.name_zh),
    ("name_ru", "str", lambda c, _: c.name_ru),
    ("region", "str", lambda c, _: c.region.value),
    ("status", "str", _held("status")),
    ("since", "str", _held("since")),
    ("until", "str", _held("until")),
    ("memberships", "list", lambda c, _: [_membership_text(m) for m in c.memberships]),
    ("aliases", "list", lambda c, _: list(c.aliases)),
    ("localized_names", "list", lambda c, _: [f"{n.language}:{n.name}" for n in c.localized_names]),
    ("sources", "list", lambda c, _: _country_sources(c)),
)
_INDICATOR: tuple[_Column, ...] = (
    ("id", "str", lambda i, _: i.id),
    ("subject", "str", lambda i, _: i.subject),
    ("metric", "str", lambda i, _: i.metric),
    ("label", "str", lambda i, _: i.label),
    ("value", "float", lambda i, _: i.value),
    ("unit", "str", lambda i, _: i.unit.value),
    ("qualifier", "str", lambda i, _: i.qualifier.value),
    ("text", "str", lambda i, _: figure_text(i)),
    ("low", "float", lambda i, _: _bound(i, "low")),
    ("high", "float", lambda i, _: _bound(i, "high")),
    ("period", "str", lambda i, _: _text(i.period)),
    ("period_end", "str", lambda i, _: _text(i.period_end)),
    ("as_of", "str", lambda i, _: _text(i.as_of)),
    ("note", "str", lambda i, _: i.note),
    ("sources", "list", lambda i, _: list(i.sources)),
    ("reviewed", "str", lambda i, _: i.reviewed),
)

_PLACE: tuple[_Column, ...] = (
    ("id", "str", lambda p, _: p.id),
    ("name", "str", lambda p, _: p.name),
    ("name_zh", "str", lambda p, _: p.name_zh),
    ("name_ru", "str", lambda p, _: p.name_ru),
    ("country", "str", lambda p, _: p.country),
    ("latitude", "float", lambda p, _: p.latitude),
    ("longitude", "float", lambda p, _: p.longitude),
    ("geonames_id", "int", lambda p, _: p.geonames_id),
    ("admin1", "str", lambda p, _: p.admin1),
    ("precision", "str", lambda p, _: p.precision.value),
    ("sources", "list", lambda p, _: list(p.sources)),
    ("note", "str", lambda p, _: p.note),
)


def _rows_of(columns: tuple[_Column, ...]) -> Callable[[Any, dt.date], Row]:
    return lambda record, day: {name: value(record, day) for name, _, value in columns}


def _layout(cls: type) -> tuple[dict[str, ColumnType], Callable[[Any, dt.date], Row]]:
    from ._indicator import Indicator
    from ._place import Place
    from ._records import Country, Project

    known: dict[type, tuple[_Column, ...]] = {
        Project: _PROJECT,
        Country: _COUNTRY,
        Indicator: _INDICATOR,
        Place: _PLACE,
    }
    if cls in known:
        declared = known[cls]
        return {name: kind for name, kind, _ in declared}, _rows_of(declared)
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


def to_pandas(
    records: Sequence[object], as_of: dt.date | str | None = None, cls: type | None = None
) -> pd.DataFrame:
    """
    *records* (of class *cls*, default: the first record's) as a pandas
    DataFrame: list columns hold Python lists, dates are days.
    """
    pandas = require("pandas", "to_pandas")
    columns, rows = table(records, cls, as_of)
    data = {}
    for name, kind in columns.items():
        values = [row[name] for row in rows]
        if kind == "date":
            data[name] = pandas.Series(values, dtype="datetime64[s]")
        elif kind == "float":
            data[name] = pandas.Series(values, dtype=pandas.Float64Dtype())
        elif kind == "int":
            data[name] = pandas.Series(values, dtype=pandas.Int64Dtype())
        elif kind == "str":
            data[name] = pandas.Series(values, dtype=pandas.StringDtype("python"))
        else:
            data[name] = pandas.Series(values, dtype=object)
    return pandas.DataFrame(data, index=pandas.RangeIndex(len(rows)))


def to_polars(
    records: Sequence[object], as_of: dt.date | str | None = None, cls: type | None = None
) -> pl.DataFrame:
    """
    *records* (of class *cls*, default: the first record's) as a polars
    DataFrame: list columns are ``List(String)``, dates ``Date``.
    """
    polars = require("polars", "to_polars")
    types = {
        "str": polars.String,
        "list": polars.List(polars.String),
        "date": polars.Date,
        "float": polars.Float64,
        "int": polars.Int64,
    }
    columns, rows = table(records, cls, as_of)
    frame: pl.DataFrame = polars.DataFrame(
        [
            polars.Series(name, [row[name] for row in rows], dtype=types[kind])
            for name, kind in columns.items()
        ]
    )
    return frame
