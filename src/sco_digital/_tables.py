"""
The exported tables: `Column`, `ForeignKey`, `Table` and `TABLES`.

A table is what each of its rows describes (its `Table.items`: the records,
or a record with one element of a list field and its position) and its
columns; each column owns the getter that reads its value off an item, so a
row is its columns' values in order and nothing keeps rows and columns in
step by hand. A column that is a record field takes its description from
the field's entry in the record's docstring (`_field_doc`).
"""

from __future__ import annotations

import builtins
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, SupportsIndex

import attrs

from .models import (
    Conflict,
    Country,
    CountryName,
    Identifier,
    IdentifierScheme,
    Indicator,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationParticipant,
    OrganizationRole,
    PartialDate,
    Participant,
    Project,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    Source,
    SourceKind,
    Status,
    Technology,
    Unit,
    Vocabulary,
)

if TYPE_CHECKING:
    from .dataset import Dataset

ColumnType = Literal["string", "integer", "number", "category", "partial_date", "date"]
"""
The kinds of column: ``"string"`` (text), ``"integer"``, ``"number"`` (a
float), ``"category"`` (a slug from a fixed list), ``"partial_date"`` (ISO
text of year, month or day precision, with a ``*_precision`` column beside
it) and ``"date"`` (a calendar day, always known to the day by design).
"""

_PRECISIONS = ("year", "month", "day")


def _attribute_getter(column: Column) -> Callable[[Any], Any]:
    return attrgetter(column.name)


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
        get: Reads the column's plain value (str, int, float or None) off
            one of its table's `Table.items`; by default, the attribute
            called `name`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *get*.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = True
    vocabulary: builtins.type[Vocabulary] | None = None
    categories: tuple[str, ...] = attrs.field()
    references: str | None = None
    get: Callable[[Any], Any] = attrs.field(
        default=attrs.Factory(_attribute_getter, takes_self=True), repr=False, eq=False
    )

    @categories.default
    def _vocabulary_slugs(self) -> tuple[str, ...]:
        return () if self.vocabulary is None else tuple(t.value for t in self.vocabulary)

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # A column of TABLES pickles as its table and name: its getter may be local.
        for table in TABLES.values():
            for column in table.columns:
                if column is self:
                    return _column, (table.name, self.name)
        return super().__reduce_ex__(protocol)


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
    An exported table: its columns, keys and what its rows describe.

    Attributes:
        name: Table name (also the file and SQL table name).
        description: What one row is.
        columns: Its columns, in order.
        primary_key: The columns whose values are unique to each row.
        items: Gives, for a Dataset, what each row describes, in row
            order (a record, or a record with one element of a list field
            and its position); each column's `Column.get` reads its value
            off one.
        foreign_keys: Every foreign key; by default, one per column with
            `Column.references`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *items* and the columns' getters replace *rows*,
        which is now a method.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    items: Callable[[Dataset], Iterable[Any]] = attrs.field(repr=False, eq=False)
    foreign_keys: tuple[ForeignKey, ...] = attrs.field(
        default=attrs.Factory(_column_keys, takes_self=True)
    )

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # A table of TABLES pickles as its name: its items function is local.
        if TABLES.get(self.name) is self:
            return _table, (self.name,)
        return super().__reduce_ex__(protocol)

    def column(self, name: str) -> Column:
        """The column called *name*."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def rows(self, ds: Dataset) -> Iterator[tuple[Any, ...]]:
        """
        The rows of *ds*: one tuple per item, of each column's value in
        column order (the plain values of `to_records`).
        """
        getters = [column.get for column in self.columns]
        for item in self.items(ds):
            yield tuple([get(item) for get in getters])


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except (KeyError, TypeError):
        from .errors import UnknownKeyError
        from .models import suggest

        raise UnknownKeyError("table", name, suggest(name, TABLES, lambda t: t.name)) from None


def _column(table: str, name: str) -> Column:
    return TABLES[table].column(name)


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


# -- descriptions --------------------------------------------------------------------


@functools.cache
def _field_docs(cls: type) -> Mapping[str, str]:
    """
    The description of every field of *cls*, from its docstring, worded for
    a table: without reST quotes, and "empty" for None.
    """
    from ._schemas import _attribute_docs  # the one parser of field descriptions

    return {
        name: re.sub(r"\bNone\b", "empty", text.replace("``", "").replace("`", ""))
        for name, text in _attribute_docs(cls).items()
    }


def _field_doc(cls: type, name: str) -> str:
    try:
        return _field_docs(cls)[name]
    except KeyError:
        msg = f"{cls.__name__}.{name} is not described in its docstring"
        raise TypeError(msg) from None


# -- columns -------------------------------------------------------------------------


class _Element(NamedTuple):
    """One element of a list field of a record, at *position* (1 for the first)."""

    record: Any
    position: int
    value: Any


class _Keyed(NamedTuple):
    """An item with what the key it holds names (see `_kinds`)."""

    record: Any
    kind: str | None


def _c(
    name: str,
    type_: ColumnType,
    description: str,
    get: str | Callable[[Any], Any] | None = None,
    **kw: Any,
) -> tuple[Column, ...]:
    """
    The column *name*, with a ``*_precision`` column after a partial date.

    *get* reads the value off an item: a dotted attribute path (by default
    *name*), read as a term's slug for a vocabulary, and as the ISO text
    and precision for a partial date; or a function giving a plain value.
    """
    if callable(get):
        return (Column(name, type_, description, get=get, **kw),)
    path = get or name
    if type_ != "partial_date":
        if kw.get("vocabulary") is not None:
            path += ".value"
        return (Column(name, type_, description, get=attrgetter(path), **kw),)
    date = attrgetter(path)
    column = Column(name, type_, description, get=lambda item: _iso(date(item)), **kw)
    precision = Column(
        f"{name}_precision",
        "category",
        f"Precision of {name}: year, month or day.",
        required=column.required,
        categories=_PRECISIONS,
        get=lambda item: _precision(date(item)),
    )
    return (column, precision)


def _iso(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _precision(value: PartialDate | None) -> str | None:
    return None if value is None else value.precision


def _f(cls: type, name: str, type_: ColumnType, at: str = "", **kw: Any) -> tuple[Column, ...]:
    """
    The column of the field *name* of the record type *cls*, which an item
    holds at the path *at* ("": the item is the record). It is described by
    the field's docstring and required unless the field defaults to None;
    ``column=`` names it otherwise.
    """
    kw.setdefault("required", attrs.fields_dict(cls)[name].default is not None)
    path = f"{at}.{name}" if at else name
    return _c(kw.pop("column", name), type_, _field_doc(cls, name), path, **kw)


def _records(kind: str) -> Callable[[Dataset], Iterable[Any]]:
    """The records of *kind* ("projects"...): the items of a record's own table."""
    return attrgetter(kind)


def _elements(
    kind: str, field: str, *, ordered: bool = False
) -> Callable[[Dataset], Iterator[_Element]]:
    """Each element of the list *field* of each record of *kind* (sorted if *ordered*)."""

    def items(ds: Dataset) -> Iterator[_Element]:
        for record in getattr(ds, kind):
            values = getattr(record, field)
            for position, value in enumerate(sorted(values) if ordered else values, 1):
                yield _Element(record, position, value)

    return items


def _element_sources(field: str) -> Callable[[Dataset], Iterator[_Element]]:
    """Each source of each element of a country's list *field*, as an element of that element."""
    elements = _elements("countries", field)

    def items(ds: Dataset) -> Iterator[_Element]:
        for element in elements(ds):
            for position, source in enumerate(element.value.sources, 1):
                yield _Element(element, position, source)

    return items


def _kinds(ds: Dataset) -> Callable[[str], str | None]:
    """Tell whether a key names a country, indicator, organisation, project or the SCO."""
    kinds = {c.code: "country" for c in ds.countries}
    kinds.update({i.id: "indicator" for i in ds.indicators})
    kinds.update({o.id: "organization" for o in ds.organizations})
    kinds.update({p.id: "project" for p in ds.projects})
    kinds["SCO"] = "sco"
    return kinds.get


def _indicators(ds: Dataset) -> Iterator[_Keyed]:
    kind_of = _kinds(ds)
    for indicator in ds.indicators:
        yield _Keyed(indicator, kind_of(indicator.subject))


def _conflict_records(ds: Dataset) -> Iterator[_Keyed]:
    kind_of = _kinds(ds)
    for element in _elements("conflicts", "records")(ds):
        yield _Keyed(element, kind_of(element.value))


def _valid_to(item: _Element) -> str | None:
    until = item.value.until
    return None if until is None else until.earliest().isoformat()


def _source_table(kind: str, owner: str, description: str) -> Table:
    return Table(
        f"{owner}_sources",
        f"The sources each {description} cites, in the order given.",
        (
            *_c(owner, "string", f"The {description}'s id.", "record.id", references=f"{kind}.id"),
            *_c("source", "string", "The source's id.", "value", references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on."),
        ),
        (owner, "source"),
        _elements(kind, "sources"),
    )


def _alias_table(kind: str, owner: str, key: str) -> Table:
    return Table(
        f"{owner}_aliases",
        f"Other names of each {owner}, in the order given.",
        (
            *_c(
                owner,
                "string",
                f"The {owner}'s {key}.",
                f"record.{key}",
                references=f"{kind}.{key}",
            ),
            *_c("alias", "string", "Another name it is known by.", "value"),
            *_c("position", "integer", "1 for the first alias, and so on."),
        ),
        (owner, "alias"),
        _elements(kind, "aliases"),
    )


def _set_table(field: str, single: str, vocabulary: type[Vocabulary], description: str) -> Table:
    return Table(
        f"project_{field}",
        description,
        (
            *_c("project", "string", "The project's id.", "record.id", references="projects.id"),
            *_c(
                single, "category", f"A {vocabulary.__name__} slug.", "value", vocabulary=vocabulary
            ),
        ),
        ("project", single),
        _elements("projects", field, ordered=True),
    )


def _country_element_sources(name: str, owner: str, table: str, field: str) -> Table:
    """The table *name* of the sources of each element of a country's list *field* (*table*)."""
    short = owner.rpartition(" ")[2]
    return Table(
        name,
        f"The sources each {owner} cites, in the order given.",
        (
            *_c("country", "string", f"The {short}'s country.", "record.record.code"),
            *_c("seq", "integer", f"The {short}'s seq.", "record.position"),
            *_c("source", "string", "The source's id.", "value", references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on."),
        ),
        ("country", "seq", "source"),
        _element_sources(field),
        (
            ForeignKey(("country", "seq"), table, ("country", "seq")),
            ForeignKey(("source",), "sources", ("id",)),
        ),
    )


_PROJECT = _c("project", "string", "The project's id.", "record.id", references="projects.id")
_OPTIONAL = {"required": False}


def _build_tables() -> tuple[Table, ...]:
    return (
        Table(
            "sources",
            "Publications cited by the records.",
            (
                *_f(Source, "id", "string"),
                *_f(Source, "title", "string"),
                *_f(Source, "publisher", "string"),
                *_f(Source, "reprint_of", "string"),
                *_c(
                    "origin",
                    "string",
                    "reprint_of if set, else publisher: the independent outlet (derived).",
                ),
                *_f(Source, "kind", "category", vocabulary=SourceKind),
                *_f(Source, "published", "partial_date"),
                *_f(Source, "url", "string"),
                *_f(Source, "language", "string"),
                *_f(Source, "archived_url", "string"),
                *_f(Source, "note", "string"),
            ),
            ("id",),
            _records("sources"),
        ),
        Table(
            "countries",
            "Countries with an SCO status, now or in the past.",
            (
                *_f(Country, "code", "string"),
                *_f(Country, "alpha3", "string"),
                *_f(Country, "name", "string"),
                *_f(Country, "name_zh", "string"),
                *_f(Country, "name_ru", "string"),
                *_f(Country, "region", "category", vocabulary=Region),
            ),
            ("code",),
            _records("countries"),
        ),
        _alias_table("countries", "country", "code"),
        Table(
            "country_names",
            "Each country's names in its official languages and the UN languages"
            " (Unicode CLDR) and the forms statistical publishers write.",
            (
                *_c(
                    "country", "string", "Alpha-2 code.", "record.code", references="countries.code"
                ),
                *_c(
                    "seq", "integer", "1 for the country's first name here, and so on.", "position"
                ),
                *_f(CountryName, "language", "string", "value"),
                *_f(CountryName, "name", "string", "value"),
            ),
            ("country", "seq"),
            _elements("countries", "localized_names"),
        ),
        _country_element_sources(
            "country_name_sources", "country name", "country_names", "localized_names"
        ),
        Table(
            "memberships",
            "Each period of a country's SCO status, in time order.",
            (
                *_c(
                    "country", "string", "Alpha-2 code.", "record.code", references="countries.code"
                ),
                *_c("seq", "integer", "1 for the country's first status, and so on.", "position"),
                *_f(Membership, "status", "category", "value", vocabulary=Status),
                *_f(Membership, "since", "partial_date", "value"),
                *_f(Membership, "until", "partial_date", "value"),
                *_c(
                    "valid_from",
                    "date",
                    "The first day the status held: the first day since may mean (derived).",
                    lambda item: item.value.since.earliest().isoformat(),
                ),
                *_c(
                    "valid_to",
                    "date",
                    "The first day it no longer held: the first day until may mean;"
                    " empty while it holds (derived).",
                    _valid_to,
                    **_OPTIONAL,
                ),
                *_f(Membership, "note", "string", "value"),
                *_f(Membership, "reviewed", "string", "value"),
            ),
            ("country", "seq"),
            _elements("countries", "memberships"),
        ),
        _country_element_sources("membership_sources", "membership", "memberships", "memberships"),
        Table(
            "organizations",
            "Companies, ministries, universities and other bodies.",
            (
                *_f(Organization, "id", "string"),
                *_f(Organization, "name", "string"),
                *_f(Organization, "kind", "category", vocabulary=OrganizationKind),
                *_f(Organization, "country", "string", references="countries.code"),
                *_f(Organization, "note", "string"),
                *_f(Organization, "reviewed", "string"),
            ),
            ("id",),
            _records("organizations"),
        ),
        _alias_table("organizations", "organization", "id"),
        _source_table("organizations", "organization", "organisation"),
        Table(
            "projects",
            "Projects, programmes, agreements, events and policies.",
            (
                *_f(Project, "id", "string"),
                *_f(Project, "name", "string"),
                *_f(Project, "summary", "string"),
                *_f(Project, "kind", "category", vocabulary=ProjectKind),
                *_f(Project, "status", "category", vocabulary=ProjectStatus),
                *_f(Project, "location", "string"),
                *_f(Project, "started", "partial_date"),
                *_f(Project, "ended", "partial_date"),
                *_f(Project, "parent", "string", references="projects.id"),
                *_f(Project, "note", "string"),
                *_f(Project, "reviewed", "string"),
            ),
            ("id",),
            _records("projects"),
        ),
        _alias_table("projects", "project", "id"),
        Table(
            "project_participants",
            "The countries taking part in each project, with their roles, in the order given.",
            (
                *_PROJECT,
                *_f(Participant, "country", "string", "value", references="countries.code"),
                *_f(Participant, "role", "category", "value", vocabulary=Role),
                *_c("position", "integer", "1 for the first participant listed, and so on."),
            ),
            ("project", "country", "role"),
            _elements("projects", "participants"),
        ),
        Table(
            "project_organizations",
            "The organisations involved in each project, in the order given.",
            (
                *_PROJECT,
                *_c(
                    "organization",
                    "string",
                    "The organisation's id.",
                    "value",
                    references="organizations.id",
                ),
                *_c("position", "integer", "1 for the first organisation listed, and so on."),
            ),
            ("project", "organization"),
            _elements("projects", "organizations"),
        ),
        Table(
            "project_organization_roles",
            "What organisations do in each project, where a cited source states it,"
            " in the order given.",
            (
                *_c("project", "string", "The project's id.", "record.id"),
                *_f(OrganizationParticipant, "organization", "string", "value"),
                *_f(
                    OrganizationParticipant,
                    "role",
                    "category",
                    "value",
                    vocabulary=OrganizationRole,
                ),
                *_c("position", "integer", "1 for the first role listed, and so on."),
            ),
            ("project", "organization", "role"),
            _elements("projects", "organization_roles"),
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
                *_PROJECT,
                *_f(Identifier, "scheme", "category", "value", vocabulary=IdentifierScheme),
                *_f(Identifier, "id", "string", "value", column="identifier"),
                *_c("position", "integer", "1 for the first identifier listed, and so on."),
            ),
            ("project", "scheme", "identifier"),
            _elements("projects", "identifiers"),
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
                *_f(Indicator, "id", "string", "record"),
                *_f(Indicator, "subject", "string", "record"),
                *_c(
                    "subject_kind",
                    "category",
                    "What subject names (derived).",
                    "kind",
                    categories=("country", "organization", "project", "sco"),
                ),
                *_f(Indicator, "metric", "string", "record"),
                *_f(Indicator, "label", "string", "record"),
                *_f(Indicator, "value", "number", "record"),
                *_f(Indicator, "unit", "category", "record", vocabulary=Unit),
                *_f(Indicator, "qualifier", "category", "record", vocabulary=Qualifier),
                *_f(Indicator, "period", "partial_date", "record"),
                *_f(Indicator, "period_end", "partial_date", "record"),
                *_f(Indicator, "as_of", "partial_date", "record"),
                *_c(
                    "text",
                    "string",
                    "The figure in words, e.g. 'more than 300 people' (derived).",
                    "record.text",
                ),
                *_f(Indicator, "note", "string", "record"),
                *_f(Indicator, "reviewed", "string", "record"),
            ),
            ("id",),
            _indicators,
        ),
        _source_table("indicators", "indicator", "indicator"),
        Table(
            "conflicts",
            "Documented disagreements between sources.",
            (
                *_f(Conflict, "id", "string"),
                *_f(Conflict, "topic", "string"),
                *_f(Conflict, "summary", "string"),
            ),
            ("id",),
            _records("conflicts"),
        ),
        Table(
            "conflict_records",
            "The records each conflict concerns, in the order given.",
            (
                *_c(
                    "conflict",
                    "string",
                    "The conflict's id.",
                    "record.record.id",
                    references="conflicts.id",
                ),
                *_c(
                    "record",
                    "string",
                    "A project, organisation or indicator id, or a country code.",
                    "record.value",
                ),
                *_c(
                    "record_kind",
                    "category",
                    "What record names (derived).",
                    "kind",
                    categories=("country", "indicator", "organization", "project"),
                ),
                *_c(
                    "position",
                    "integer",
                    "1 for the first record listed, and so on.",
                    "record.position",
                ),
            ),
            ("conflict", "record"),
            _conflict_records,
        ),
        _source_table("conflicts", "conflict", "conflict"),
    )


TABLES: Mapping[str, Table] = MappingProxyType({table.name: table for table in _build_tables()})
"""Every exported table, by name, in a stable order (read-only)."""
