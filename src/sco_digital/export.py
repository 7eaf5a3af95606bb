"""
Exports: tidy tables of plain values, data frames, and files.

`TABLES` describes every table: one per kind of record plus join tables for
the many-valued fields (aliases, memberships, participants, organisations,
technologies, sectors, records, sources). Each `Table` has typed `Column`
objects, a primary key and its foreign keys; docs/exports.md documents them
all and is generated from `TABLES`.

`to_records` gives a table as plain dicts; `to_pandas`, `to_polars` and
`to_arrow` give typed data frames (the optional libraries are imported only
when called). `write_csv`, `write_json`, `write_parquet`, `write_sqlite` and
`write_datapackage` write files.

Every writer is safe (see `_staging`): it writes into a hidden directory
inside the target and moves the files into place when all are complete,
refuses to replace existing files unless ``overwrite=True`` and anything but
a regular file even then, and leaves nothing behind when it fails half way
or is interrupted.
"""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import errno
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex

import attrs

from ._about import LICENSE, LICENSE_URL, TITLE
from ._registry import FILES
from ._staging import staged
from .dataset import Dataset
from .models import PartialDate, Vocabulary

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

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
    "write_json",
    "write_parquet",
    "write_sqlite",
]


ColumnType = Literal["string", "integer", "number", "category", "partial_date", "date"]
"""
The kinds of column: ``"string"`` (text), ``"integer"``, ``"number"`` (a
float), ``"category"`` (a slug from a fixed list), ``"partial_date"`` (ISO
text of year, month or day precision, with a ``*_precision`` column beside
it) and ``"date"`` (a calendar day, always known to the day by design).
"""

PRECISIONS = ("year", "month", "day")


@attrs.frozen
class Column:
    """
    One column of an exported table.

    Attributes:
        name: Column name.
        type: What it holds; see `ColumnType`.
        description: What it means.
        required: False when the column may be empty (None).
        vocabulary: For categories drawn from a vocabulary, that vocabulary.
        categories: For categories, every value allowed, in order: the
            vocabulary's slugs in declaration order, unless given.
        references: ``"table.column"`` this column alone points to, if any
            (keys of several columns are declared on the `Table`).

    .. versionadded:: 0.1.0
    """

    name: str
    type: ColumnType
    description: str
    required: bool = True
    vocabulary: builtins.type[Vocabulary] | None = None
    categories: tuple[str, ...] = attrs.field()
    references: str | None = None

    @categories.default
    def _vocabulary_slugs(self) -> tuple[str, ...]:
        return () if self.vocabulary is None else tuple(t.value for t in self.vocabulary)


@attrs.frozen
class ForeignKey:
    """
    Columns of a table that together point to a key of another table.

    .. versionadded:: 0.1.0
    """

    columns: tuple[str, ...]
    table: str
    referenced: tuple[str, ...]


def _column_keys(table: Table) -> tuple[ForeignKey, ...]:
    keys = []
    for column in table.columns:
        if column.references is not None:
            target, referenced = column.references.split(".")
            keys.append(ForeignKey((column.name,), target, (referenced,)))
    return tuple(keys)


@attrs.frozen
class Table:
    """
    An exported table: its columns, keys and rows.

    Attributes:
        name: Table name (also the file and SQL table name).
        description: What one row is.
        columns: Its columns, in order.
        primary_key: The columns whose values are unique to each row.
        rows: Gives the rows of a Dataset as tuples in column order, with
            the plain values of `to_records`.
        foreign_keys: Every foreign key; by default, one per column with
            `Column.references`.

    .. versionadded:: 0.1.0
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Dataset], Iterator[tuple[Any, ...]]] = attrs.field(repr=False, eq=False)
    foreign_keys: tuple[ForeignKey, ...] = attrs.field(
        default=attrs.Factory(_column_keys, takes_self=True)
    )

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # A table of TABLES pickles as its name: its rows function is local.
        if TABLES.get(self.name) is self:
            return _table, (self.name,)
        return super().__reduce_ex__(protocol)

    def column(self, name: str) -> Column:
        """The column called *name*."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _c(name: str, type_: ColumnType, description: str, **kw: Any) -> tuple[Column, ...]:
    column = Column(name, type_, description, **kw)
    if type_ != "partial_date":
        return (column,)
    precision = Column(
        f"{name}_precision",
        "category",
        f"Precision of {name}: year, month or day.",
        required=column.required,
        categories=PRECISIONS,
    )
    return (column, precision)


_REVIEWED = (
    "The data version (YYYY.MM.DD) in which the record was last checked against its"
    " sources; empty if not yet reviewed."
)


def _d(value: PartialDate | None) -> tuple[str | None, str | None]:
    return (None, None) if value is None else (str(value), value.precision)


def _kinds(ds: Dataset) -> Callable[[str], str | None]:
    """Tell whether a key names a country, indicator, organisation, project or the SCO."""
    kinds = {c.code: "country" for c in ds.countries}
    kinds.update({i.id: "indicator" for i in ds.indicators})
    kinds.update({o.id: "organization" for o in ds.organizations})
    kinds.update({p.id: "project" for p in ds.projects})
    kinds["SCO"] = "sco"
    return kinds.get


def _source_table(kind: str, owner: str, description: str) -> Table:
    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for record in getattr(ds, kind):
            for position, source in enumerate(record.sources, 1):
                yield (record.id, source, position)

    return Table(
        f"{owner}_sources",
        f"The sources each {description} cites, in the order given.",
        (
            *_c(owner, "string", f"The {description}'s id.", references=f"{kind}.id"),
            *_c("source", "string", "The source's id.", references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on."),
        ),
        (owner, "source"),
        rows,
    )


def _alias_table(kind: str, owner: str, key: str) -> Table:
    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for record in getattr(ds, kind):
            for position, alias in enumerate(record.aliases, 1):
                yield (getattr(record, key), alias, position)

    return Table(
        f"{owner}_aliases",
        f"Other names of each {owner}, in the order given.",
        (
            *_c(owner, "string", f"The {owner}'s {key}.", references=f"{kind}.{key}"),
            *_c("alias", "string", "Another name it is known by."),
            *_c("position", "integer", "1 for the first alias, and so on."),
        ),
        (owner, "alias"),
        rows,
    )


def _set_table(field: str, single: str, vocabulary: type[Vocabulary], description: str) -> Table:
    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for project in ds.projects:
            for term in sorted(getattr(project, field)):
                yield (project.id, term.value)

    return Table(
        f"project_{field}",
        description,
        (
            *_c("project", "string", "The project's id.", references="projects.id"),
            *_c(single, "category", f"A {vocabulary.__name__} slug.", vocabulary=vocabulary),
        ),
        ("project", single),
        rows,
    )


def _build_tables() -> tuple[Table, ...]:  # noqa: C901 - a declarative list of tables
    from .models import (
        IdentifierScheme,
        OrganizationKind,
        OrganizationRole,
        ProjectKind,
        ProjectStatus,
        Qualifier,
        Region,
        Role,
        Sector,
        SourceKind,
        Status,
        Technology,
        Unit,
    )

    def sources(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for s in ds.sources:
            yield (
                s.id,
                s.title,
                s.publisher,
                s.reprint_of,
                s.origin,
                s.kind.value,
                *_d(s.published),
                s.url,
                s.language,
                s.archived_url,
                s.note,
            )

    def countries(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            yield (c.code, c.alpha3, c.name, c.name_zh, c.name_ru, c.region.value)

    def country_names(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, n in enumerate(c.localized_names, 1):
                yield (c.code, seq, n.language, n.name)

    def country_name_sources(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, n in enumerate(c.localized_names, 1):
                for position, source in enumerate(n.sources, 1):
                    yield (c.code, seq, source, position)

    def memberships(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, m in enumerate(c.memberships, 1):
                until = None if m.until is None else m.until.earliest().isoformat()
                yield (
                    c.code,
                    seq,
                    m.status.value,
                    *_d(m.since),
                    *_d(m.until),
                    m.since.earliest().isoformat(),
                    until,
                    m.note,
                    m.reviewed,
                )

    def membership_sources(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, m in enumerate(c.memberships, 1):
                for position, source in enumerate(m.sources, 1):
                    yield (c.code, seq, source, position)

    def organizations(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for o in ds.organizations:
            yield (o.id, o.name, o.kind.value, o.country, o.note, o.reviewed)

    def projects(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            yield (
                p.id,
                p.name,
                p.summary,
                p.kind.value,
                p.status.value,
                p.location,
                *_d(p.started),
                *_d(p.ended),
                p.parent,
                p.note,
                p.reviewed,
            )

    def participants(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for position, part in enumerate(p.participants, 1):
                yield (p.id, part.country, part.role.value, position)

    def project_organizations(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for position, org in enumerate(p.organizations, 1):
                yield (p.id, org, position)

    def organization_roles(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for position, part in enumerate(p.organization_roles, 1):
                yield (p.id, part.organization, part.role.value, position)

    def identifiers(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for position, identifier in enumerate(p.identifiers, 1):
                yield (p.id, identifier.scheme.value, identifier.id, position)

    def indicators(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        kind = _kinds(ds)
        for i in ds.indicators:
            yield (
                i.id,
                i.subject,
                kind(i.subject),
                i.metric,
                i.label,
                i.value,
                i.unit.value,
                i.qualifier.value,
                *_d(i.period),
                *_d(i.period_end),
                *_d(i.as_of),
                i.text,
                i.note,
                i.reviewed,
            )

    def conflicts(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.conflicts:
            yield (c.id, c.topic, c.summary)

    def conflict_records(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        kind = _kinds(ds)
        for c in ds.conflicts:
            for position, record in enumerate(c.records, 1):
                yield (c.id, record, kind(record), position)

    optional = {"required": False}
    return (
        Table(
            "sources",
            "Publications cited by the records.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("title", "string", "Headline or page title.", **optional),
                *_c("publisher", "string", "The site or outlet that published the page."),
                *_c(
                    "reprint_of",
                    "string",
                    "The outlet whose story the page reprints or summarises.",
                    **optional,
                ),
                *_c(
                    "origin",
                    "string",
                    "reprint_of if set, else publisher: the independent outlet (derived).",
                ),
                *_c("kind", "category", "What sort of publication it is.", vocabulary=SourceKind),
                *_c("published", "partial_date", "Publication date.", **optional),
                *_c("url", "string", "Where it was read."),
                *_c("language", "string", "BCP 47 language tag."),
                *_c("archived_url", "string", "An archived copy.", **optional),
                *_c("note", "string", "Caveats.", **optional),
            ),
            ("id",),
            sources,
        ),
        Table(
            "countries",
            "Countries with an SCO status, now or in the past.",
            (
                *_c("code", "string", "ISO 3166-1 alpha-2 code."),
                *_c("alpha3", "string", "ISO 3166-1 alpha-3 code."),
                *_c("name", "string", "English short name."),
                *_c("name_zh", "string", "Name in Chinese."),
                *_c("name_ru", "string", "Name in Russian."),
                *_c("region", "category", "UN M49 sub-region.", vocabulary=Region),
            ),
            ("code",),
            countries,
        ),
        _alias_table("countries", "country", "code"),
        Table(
            "country_names",
            "Each country's names in its official languages and the UN languages"
            " (Unicode CLDR) and the forms statistical publishers write.",
            (
                *_c("country", "string", "Alpha-2 code.", references="countries.code"),
                *_c("seq", "integer", "1 for the country's first name here, and so on."),
                *_c("language", "string", "BCP 47 tag of the language (and script)."),
                *_c("name", "string", "The name in that language."),
            ),
            ("country", "seq"),
            country_names,
        ),
        Table(
            "country_name_sources",
            "The sources each country name cites, in the order given.",
            (
                *_c("country", "string", "The name's country."),
                *_c("seq", "integer", "The name's seq."),
                *_c("source", "string", "The source's id.", references="sources.id"),
                *_c("position", "integer", "1 for the first source cited, and so on."),
            ),
            ("country", "seq", "source"),
            country_name_sources,
            (
                ForeignKey(("country", "seq"), "country_names", ("country", "seq")),
                ForeignKey(("source",), "sources", ("id",)),
            ),
        ),
        Table(
            "memberships",
            "Each period of a country's SCO status, in time order.",
            (
                *_c("country", "string", "Alpha-2 code.", references="countries.code"),
                *_c("seq", "integer", "1 for the country's first status, and so on."),
                *_c("status", "category", "The status held.", vocabulary=Status),
                *_c("since", "partial_date", "When it began."),
                *_c("until", "partial_date", "When it ended; empty while it holds.", **optional),
                *_c(
                    "valid_from",
                    "date",
                    "The first day the status held: the first day since may mean (derived).",
                ),
                *_c(
                    "valid_to",
                    "date",
                    "The first day it no longer held: the first day until may mean;"
                    " empty while it holds (derived).",
                    **optional,
                ),
                *_c("note", "string", "Context.", **optional),
                *_c("reviewed", "string", _REVIEWED, **optional),
            ),
            ("country", "seq"),
            memberships,
        ),
        Table(
            "membership_sources",
            "The sources each membership cites, in the order given.",
            (
                *_c("country", "string", "The membership's country."),
                *_c("seq", "integer", "The membership's seq."),
                *_c("source", "string", "The source's id.", references="sources.id"),
                *_c("position", "integer", "1 for the first source cited, and so on."),
            ),
            ("country", "seq", "source"),
            membership_sources,
            (
                ForeignKey(("country", "seq"), "memberships", ("country", "seq")),
                ForeignKey(("source",), "sources", ("id",)),
            ),
        ),
        Table(
            "organizations",
            "Companies, ministries, universities and other bodies.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("name", "string", "English name."),
                *_c("kind", "category", "What sort of body it is.", vocabulary=OrganizationKind),
                *_c(
                    "country",
                    "string",
                    "Where it is based; empty for international bodies.",
                    references="countries.code",
                    **optional,
                ),
                *_c("note", "string", "Context.", **optional),
                *_c("reviewed", "string", _REVIEWED, **optional),
            ),
            ("id",),
            organizations,
        ),
        _alias_table("organizations", "organization", "id"),
        _source_table("organizations", "organization", "organisation"),
        Table(
            "projects",
            "Projects, programmes, agreements, events and policies.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("name", "string", "Usual English name."),
                *_c("summary", "string", "What it is."),
                *_c("kind", "category", "What sort of project it is.", vocabulary=ProjectKind),
                *_c(
                    "status",
                    "category",
                    "Where it stood at its latest source.",
                    vocabulary=ProjectStatus,
                ),
                *_c("location", "string", "Place name.", **optional),
                *_c("started", "partial_date", "When it began.", **optional),
                *_c("ended", "partial_date", "When it ended.", **optional),
                *_c("parent", "string", "Umbrella project.", references="projects.id", **optional),
                *_c("note", "string", "Caveats.", **optional),
                *_c("reviewed", "string", _REVIEWED, **optional),
            ),
            ("id",),
            projects,
        ),
        _alias_table("projects", "project", "id"),
        Table(
            "project_participants",
            "The countries taking part in each project, with their roles, in the order given.",
            (
                *_c("project", "string", "The project's id.", references="projects.id"),
                *_c("country", "string", "Alpha-2 code.", references="countries.code"),
                *_c("role", "category", "The country's part.", vocabulary=Role),
                *_c("position", "integer", "1 for the first participant listed, and so on."),
            ),
            ("project", "country", "role"),
            participants,
        ),
        Table(
            "project_organizations",
            "The organisations involved in each project, in the order given.",
            (
                *_c("project", "string", "The project's id.", references="projects.id"),
                *_c(
                    "organization",
                    "string",
                    "The organisation's id.",
                    references="organizations.id",
                ),
                *_c("position", "integer", "1 for the first organisation listed, and so on."),
            ),
            ("project", "organization"),
            project_organizations,
        ),
        Table(
            "project_organization_roles",
            "What organisations do in each project, where a cited source states it,"
            " in the order given.",
            (
                *_c("project", "string", "The project's id."),
                *_c("organization", "string", "The organisation's id."),
                *_c("role", "category", "The organisation's part.", vocabulary=OrganizationRole),
                *_c("position", "integer", "1 for the first role listed, and so on."),
            ),
            ("project", "organization", "role"),
            organization_roles,
            (
                ForeignKey(
                    ("project", "organization"),
                    "project_organizations",
                    ("project", "organization"),
                ),
            ),
        ),
        Table(
            "project_identifiers",
            "The identifiers other datasets give each project (AidData GCDF 3.0 record"
            " ids...), for joining them, in the order given.",
            (
                *_c("project", "string", "The project's id.", references="projects.id"),
                *_c(
                    "scheme",
                    "category",
                    "The dataset the identifier belongs to.",
                    vocabulary=IdentifierScheme,
                ),
                *_c("identifier", "string", "The identifier as that dataset writes it."),
                *_c("position", "integer", "1 for the first identifier listed, and so on."),
            ),
            ("project", "scheme", "identifier"),
            identifiers,
        ),
        _set_table(
            "technologies",
            "technology",
            Technology,
            "The technologies each project uses or promotes.",
        ),
        _set_table("sectors", "sector", Sector, "The sectors each project serves."),
        _source_table("projects", "project", "project"),
        Table(
            "indicators",
            "Figures reported about projects, countries, organisations and the SCO.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("subject", "string", "A project or organisation id, a country code, or SCO."),
                *_c(
                    "subject_kind",
                    "category",
                    "What subject names (derived).",
                    categories=("country", "organization", "project", "sco"),
                ),
                *_c("metric", "string", "What is measured (snake_case)."),
                *_c("label", "string", "The metric in words."),
                *_c("value", "number", "The number as reported, in whole units."),
                *_c("unit", "category", "Unit of value.", vocabulary=Unit),
                *_c(
                    "qualifier",
                    "category",
                    "How the true value relates to value.",
                    vocabulary=Qualifier,
                ),
                *_c("period", "partial_date", "The time the figure covers.", **optional),
                *_c(
                    "period_end",
                    "partial_date",
                    "The end of a period spanning several.",
                    **optional,
                ),
                *_c("as_of", "partial_date", "When a running total was counted.", **optional),
                *_c(
                    "text",
                    "string",
                    "The figure in words, e.g. 'more than 300 people' (derived).",
                ),
                *_c("note", "string", "Caveats.", **optional),
                *_c("reviewed", "string", _REVIEWED, **optional),
            ),
            ("id",),
            indicators,
        ),
        _source_table("indicators", "indicator", "indicator"),
        Table(
            "conflicts",
            "Documented disagreements between sources.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("topic", "string", "Short title."),
                *_c("summary", "string", "What the sources disagree on and what the data keeps."),
            ),
            ("id",),
            conflicts,
        ),
        Table(
            "conflict_records",
            "The records each conflict concerns, in the order given.",
            (
                *_c("conflict", "string", "The conflict's id.", references="conflicts.id"),
                *_c(
                    "record",
                    "string",
                    "A project, organisation or indicator id, or a country code.",
                ),
                *_c(
                    "record_kind",
                    "category",
                    "What record names (derived).",
                    categories=("country", "indicator", "organization", "project"),
                ),
                *_c("position", "integer", "1 for the first record listed, and so on."),
            ),
            ("conflict", "record"),
            conflict_records,
        ),
        _source_table("conflicts", "conflict", "conflict"),
    )


TABLES: Mapping[str, Table] = MappingProxyType({table.name: table for table in _build_tables()})
"""Every exported table, by name, in a stable order (read-only)."""


def to_records(ds: Dataset, table: str) -> list[dict[str, Any]]:
    """
    The table *table* (see `TABLES`) of *ds* as a list of plain dicts.

    Values are str, int, float or None, ready for JSON: categories are
    slugs, dates ISO text.

    >>> import sco_digital as sd
    >>> from sco_digital.export import to_records
    >>> to_records(sd.load(), "countries")[0]["code"]
    'AE'

    Raises:
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    spec = _table(table)
    names = [c.name for c in spec.columns]
    return [dict(zip(names, row, strict=True)) for row in spec.rows(ds)]


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except (KeyError, TypeError):
        from .errors import UnknownKeyError
        from .models import suggest

        raise UnknownKeyError("table", name, suggest(name, TABLES, lambda t: t.name)) from None


# -- data frames ---------------------------------------------------------------------

_EXTRAS = {"pandas": "pandas", "polars": "polars", "pyarrow": "arrow"}


def _require(module: str, caller: str) -> Any:
    """Import *module* for *caller*, or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        root = module.partition(".")[0]
        msg = f"{caller}() needs {root}: pip install 'sco-digital[{_EXTRAS[root]}]'"
        raise ImportError(msg, name=root) from None


def _columns(ds: Dataset, table: str) -> list[tuple[Column, list[Any]]]:
    spec = _table(table)
    rows = list(spec.rows(ds))
    columns = []
    for i, column in enumerate(spec.columns):
        values = [row[i] for row in rows]
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
    pandas = _require("pandas", "to_pandas")
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
    polars = _require("polars", "to_polars")
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
    pyarrow = _require("pyarrow", "to_arrow")
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


# -- files -------------------------------------------------------------------------------


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
    an apostrophe before it; see `csv_text`.

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
    return _write_texts(Path(directory), files, overwrite=overwrite)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula when it begins the cell."""

_FORMULA = re.compile("'*[" + re.escape("".join(FORMULA_STARTS)) + "]")
"""A text that begins like a formula, perhaps after apostrophes."""


def csv_text(
    header: list[str], rows: Iterable[Iterable[Any]], *, lineterminator: str = "\r\n"
) -> str:
    """
    *header* and *rows* as CSV, with an apostrophe before every text that
    begins like a formula (see `FORMULA_STARTS`), so that a spreadsheet
    shows it instead of running it. A text that begins with apostrophes and
    then like a formula gets one more too, so that the rule can be undone:
    remove one apostrophe from each text cell that begins with apostrophes
    followed by one of `FORMULA_STARTS`. Numbers are left as they are.
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
    parquet = _require("pyarrow.parquet", "write_parquet")
    ds.validate()
    tables = {f"{name}.parquet": to_arrow(ds, name) for name in TABLES}
    target = Path(directory)
    with staged(target, list(tables), overwrite=overwrite) as stage:
        for name, table in tables.items():
            parquet.write_table(table, stage / name)
    return target


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
            connection.executescript(sqlite_schema())
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


_SQL_TYPES = {"integer": "INTEGER", "number": "REAL"}


def sqlite_schema() -> str:
    """The SQL that creates the tables and indexes of `write_sqlite`."""
    statements = []
    for spec in TABLES.values():
        lines = []
        for column in spec.columns:
            line = f'"{column.name}" {_SQL_TYPES.get(column.type, "TEXT")}'
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
    files["datapackage.json"] = json.dumps(datapackage(ds), indent=2, ensure_ascii=False) + "\n"
    return _write_texts(Path(directory), files, overwrite=overwrite)


_FRICTIONLESS_TYPES = {"category": "string", "partial_date": "string"}
PARTIAL_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"


def datapackage(ds: Dataset) -> dict[str, Any]:
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
            constraints["pattern"] = PARTIAL_DATE_PATTERN
        field: dict[str, Any] = {
            "name": column.name,
            "type": _FRICTIONLESS_TYPES.get(column.type, column.type),
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


def manifest(ds: Dataset) -> dict[str, Any]:
    """The manifest.json content for *ds*."""
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
    from ._serialize import dumps, unstructure

    files = {
        name: dumps(unstructure(list(getattr(ds, name.removesuffix(".json")))))
        for name in FILES.values()
    }
    files["manifest.json"] = dumps(manifest(ds))
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
    return _write_texts(Path(directory), json_files(ds), overwrite=overwrite)


def _write_texts(target: Path, files: dict[str, str], *, overwrite: bool) -> Path:
    """Write the texts *files* (by name) into the directory *target*, safely."""
    with staged(target, list(files), overwrite=overwrite) as stage:
        for name, text in files.items():
            file = stage / name
            try:
                # newline="" keeps each text's own line ends (CSV's CRLF, JSON's LF).
                file.write_text(text, encoding="utf-8", newline="")
            except OSError as exc:  # a write error (a full disk) names no file
                exc.filename = exc.filename or str(file)
                raise
    return target


def write_file(
    path: str | os.PathLike[str], write: Callable[[Path], None], *, overwrite: bool = False
) -> Path:
    """
    Create the file *path* by calling *write* with a temporary path in the
    same directory, then renaming that into place; the guarantees of
    `write_json` hold.
    """
    target = Path(path)
    with staged(target.parent, [target.name], overwrite=overwrite) as stage:
        write(stage / target.name)
    return target
