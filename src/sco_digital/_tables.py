"""
The exported tables: `Column`, `ForeignKey`, `Table` and `TABLES`.

A table is what each of its rows describes (its `Table.items`: the records,
or for a join table, tuples of a record, a position and one element of the
record's list field) and its columns; each column owns the getter that reads
its value off an item, so a row is its columns' values in order and nothing
keeps rows and columns in step by hand. A column that is a record field takes its description from
the field's entry in the record's docstring (`_field_doc`).
"""

from __future__ import annotations

import builtins
import functools
import keyword
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex

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


class Getter:
    """
    A column getter: the dotted attribute *path* ("" for the value itself)
    of an item, or of its element *at* when items are tuples, passed to
    *convert* if given.

    `Table.rows` and `to_records` read these inline, in one function per
    table generated on first use (as attrs generates ``__init__``), instead
    of calling a getter per cell: benchmarks/README.md ("exports") has the
    measure that keeps it.
    """

    __slots__ = ("_get", "at", "convert", "path")

    def __init__(
        self, path: str = "", *, at: int | None = None, convert: Callable[[Any], Any] | None = None
    ) -> None:
        self.path = path
        self.at = at
        self.convert = convert
        self._get = attrgetter(path) if path else None

    def __call__(self, item: Any) -> Any:
        value = item if self.at is None else item[self.at]
        if self._get is not None:
            value = self._get(value)
        return value if self.convert is None else self.convert(value)

    def __reduce__(self) -> tuple[Any, ...]:
        return _getter, (self.path, self.at, self.convert)

    def __repr__(self) -> str:
        return f"Getter({self.path!r}, at={self.at!r}, convert={self.convert!r})"

    def expression(self) -> str | None:
        """The Python expression of the value read off ``item``, if it can be written as one."""
        parts = self.path.split(".") if self.path else []
        if not all(part.isidentifier() and not keyword.iskeyword(part) for part in parts):
            return None
        return "".join(
            ["item", "" if self.at is None else f"[{self.at:d}]", *(f".{p}" for p in parts)]
        )


def _getter(path: str, at: int | None, convert: Callable[[Any], Any] | None) -> Getter:
    return Getter(path, at=at, convert=convert)


def _attribute_getter(column: Column) -> Callable[[Any], Any]:
    return Getter(column.name)


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
            order (a record, or a tuple of a record, a position and one
            element of the record's list field); each column's
            `Column.get` reads its value off one.
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
        return iter(_reader(tuple(column.get for column in self.columns))(self.items(ds)))


@functools.cache
def _reader(getters: tuple[Callable[[Any], Any], ...], keys: tuple[str, ...] = ()) -> Any:
    """
    A function of items giving, for each, the tuple of what each of
    *getters* reads off it, or with *keys*, the dict of those values by key.
    """
    names: dict[str, Any] = {}
    values = []
    for i, get in enumerate(getters):
        value = get.expression() if isinstance(get, Getter) else None
        if value is None:
            names[f"get{i}"] = get
            value = f"get{i}(item)"
        elif isinstance(get, Getter) and get.convert is not None:
            names[f"convert{i}"] = get.convert
            value = f"convert{i}({value})"
        values.append(value)
    if keys:
        entries = [f"{key!r}: {value}" for key, value in zip(keys, values, strict=True)]
        body = "{" + ", ".join(entries) + "}"
    else:
        body = f"({', '.join(values)},)"
    source = f"def read(items):\n    return [{body} for item in items]\n"
    exec(source, names)  # noqa: S102 - see Getter.expression
    return names["read"]


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
    getters = tuple(column.get for column in spec.columns)
    read: Callable[[Iterable[Any]], list[dict[str, Any]]]
    read = _reader(getters, tuple(column.name for column in spec.columns))
    return read(spec.items(ds))


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

# The items of a join table are tuples: (record, position, value) for each element of a
# record's list field (position 1 for the first); the sources of such an element add the
# element's position as _SEQ; conflict records add what the record key names as _KIND.
_RECORD, _POSITION, _VALUE, _SEQ = 0, 1, 2, 3
_KIND = 3
_SUBJECT_KIND = 1
"""An indicator's items: (indicator, what its subject names)."""


def _c(
    name: str,
    type_: ColumnType,
    description: str,
    get: str | Callable[[Any], Any] = "",
    *,
    at: int | None = None,
    **kw: Any,
) -> tuple[Column, ...]:
    """
    The column *name*, with a ``*_precision`` column after a partial date.

    *get* reads the value off an item (its element *at* for tuples): a
    dotted attribute path (by default *name*, or the element itself with
    *at*), read as a term's slug for a vocabulary, and as the ISO text and
    precision for a partial date; or a function giving a plain value.
    """
    if callable(get):
        return (Column(name, type_, description, get=get, **kw),)
    path = get or ("" if at is not None else name)
    if type_ != "partial_date":
        if kw.get("vocabulary") is not None:
            path = f"{path}.value" if path else "value"
        return (Column(name, type_, description, get=Getter(path, at=at), **kw),)
    column = Column(name, type_, description, get=Getter(path, at=at, convert=_iso), **kw)
    precision = Column(
        f"{name}_precision",
        "category",
        f"Precision of {name}: year, month or day.",
        required=column.required,
        categories=_PRECISIONS,
        get=Getter(path, at=at, convert=_precision),
    )
    return (column, precision)


def _iso(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _precision(value: PartialDate | None) -> str | None:
    return None if value is None else value.precision


def _first_day(value: PartialDate | None) -> str | None:
    return None if value is None else value.earliest().isoformat()


def _f(
    cls: type, name: str, type_: ColumnType, at: int | None = None, **kw: Any
) -> tuple[Column, ...]:
    """
    The column of the field *name* of the record type *cls*, which an item
    is (or holds as its element *at*). It is described by the field's
    docstring and required unless the field defaults to None; ``column=``
    names it otherwise.
    """
    kw.setdefault("required", attrs.fields_dict(cls)[name].default is not None)
    return _c(kw.pop("column", name), type_, _field_doc(cls, name), name, at=at, **kw)


def _records(kind: str) -> Callable[[Dataset], Iterable[Any]]:
    """The records of *kind* ("projects"...): the items of a record's own table."""
    return attrgetter(kind)


def _elements(
    kind: str, field: str, *, ordered: bool = False
) -> Callable[[Dataset], Iterator[tuple[Any, int, Any]]]:
    """(record, position, element) for the list *field* of each record of *kind*."""

    def items(ds: Dataset) -> Iterator[tuple[Any, int, Any]]:
        for record in getattr(ds, kind):
            values = getattr(record, field)
            for position, value in enumerate(sorted(values) if ordered else values, 1):
                yield record, position, value

    return items


def _element_sources(field: str) -> Callable[[Dataset], Iterator[tuple[Any, int, str, int]]]:
    """(country, position, source, seq) for each source of each element of a country's *field*."""
    elements = _elements("countries", field)

    def items(ds: Dataset) -> Iterator[tuple[Any, int, str, int]]:
        for country, seq, element in elements(ds):
            for position, source in enumerate(element.sources, 1):
                yield country, position, source, seq

    return items


def _kinds(ds: Dataset) -> Callable[[str], str | None]:
    """Tell whether a key names a country, indicator, organisation, project or the SCO."""
    kinds = {c.code: "country" for c in ds.countries}
    kinds.update({i.id: "indicator" for i in ds.indicators})
    kinds.update({o.id: "organization" for o in ds.organizations})
    kinds.update({p.id: "project" for p in ds.projects})
    kinds["SCO"] = "sco"
    return kinds.get


def _indicators(ds: Dataset) -> Iterator[tuple[Indicator, str | None]]:
    """(indicator, what its subject names) for each indicator."""
    kind_of = _kinds(ds)
    for indicator in ds.indicators:
        yield indicator, kind_of(indicator.subject)


def _conflict_records(ds: Dataset) -> Iterator[tuple[Conflict, int, str, str | None]]:
    """(conflict, position, record key, what it names) for each record of each conflict."""
    kind_of = _kinds(ds)
    for conflict in ds.conflicts:
        for position, key in enumerate(conflict.records, 1):
            yield conflict, position, key, kind_of(key)


def _source_table(kind: str, owner: str, description: str) -> Table:
    return Table(
        f"{owner}_sources",
        f"The sources each {description} cites, in the order given.",
        (
            *_c(
                owner,
                "string",
                f"The {description}'s id.",
                "id",
                at=_RECORD,
                references=f"{kind}.id",
            ),
            *_c("source", "string", "The source's id.", at=_VALUE, references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on.", at=_POSITION),
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
                key,
                at=_RECORD,
                references=f"{kind}.{key}",
            ),
            *_c("alias", "string", "Another name it is known by.", at=_VALUE),
            *_c("position", "integer", "1 for the first alias, and so on.", at=_POSITION),
        ),
        (owner, "alias"),
        _elements(kind, "aliases"),
    )


def _set_table(field: str, single: str, vocabulary: type[Vocabulary], description: str) -> Table:
    return Table(
        f"project_{field}",
        description,
        (
            *_PROJECT,
            *_c(
                single,
                "category",
                f"A {vocabulary.__name__} slug.",
                at=_VALUE,
                vocabulary=vocabulary,
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
            *_c("country", "string", f"The {short}'s country.", "code", at=_RECORD),
            *_c("seq", "integer", f"The {short}'s seq.", at=_SEQ),
            *_c("source", "string", "The source's id.", at=_VALUE, references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on.", at=_POSITION),
        ),
        ("country", "seq", "source"),
        _element_sources(field),
        (
            ForeignKey(("country", "seq"), table, ("country", "seq")),
            ForeignKey(("source",), "sources", ("id",)),
        ),
    )


_COUNTRY = _c("country", "string", "Alpha-2 code.", "code", at=_RECORD, references="countries.code")
_PROJECT = _c("project", "string", "The project's id.", "id", at=_RECORD, references="projects.id")
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
                *_COUNTRY,
                *_c(
                    "seq",
                    "integer",
                    "1 for the country's first name here, and so on.",
                    at=_POSITION,
                ),
                *_f(CountryName, "language", "string", _VALUE),
                *_f(CountryName, "name", "string", _VALUE),
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
                *_COUNTRY,
                *_c("seq", "integer", "1 for the country's first status, and so on.", at=_POSITION),
                *_f(Membership, "status", "category", _VALUE, vocabulary=Status),
                *_f(Membership, "since", "partial_date", _VALUE),
                *_f(Membership, "until", "partial_date", _VALUE),
                *_c(
                    "valid_from",
                    "date",
                    "The first day the status held: the first day since may mean (derived).",
                    Getter("since", at=_VALUE, convert=_first_day),
                ),
                *_c(
                    "valid_to",
                    "date",
                    "The first day it no longer held: the first day until may mean;"
                    " empty while it holds (derived).",
                    Getter("until", at=_VALUE, convert=_first_day),
                    **_OPTIONAL,
                ),
                *_f(Membership, "note", "string", _VALUE),
                *_f(Membership, "reviewed", "string", _VALUE),
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
                *_f(Participant, "country", "string", _VALUE, references="countries.code"),
                *_f(Participant, "role", "category", _VALUE, vocabulary=Role),
                *_c(
                    "position",
                    "integer",
                    "1 for the first participant listed, and so on.",
                    at=_POSITION,
                ),
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
                    at=_VALUE,
                    references="organizations.id",
                ),
                *_c(
                    "position",
                    "integer",
                    "1 for the first organisation listed, and so on.",
                    at=_POSITION,
                ),
            ),
            ("project", "organization"),
            _elements("projects", "organizations"),
        ),
        Table(
            "project_organization_roles",
            "What organisations do in each project, where a cited source states it,"
            " in the order given.",
            (
                *_c("project", "string", "The project's id.", "id", at=_RECORD),
                *_f(OrganizationParticipant, "organization", "string", _VALUE),
                *_f(
                    OrganizationParticipant,
                    "role",
                    "category",
                    _VALUE,
                    vocabulary=OrganizationRole,
                ),
                *_c("position", "integer", "1 for the first role listed, and so on.", at=_POSITION),
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
                *_f(Identifier, "scheme", "category", _VALUE, vocabulary=IdentifierScheme),
                *_f(Identifier, "id", "string", _VALUE, column="identifier"),
                *_c(
                    "position",
                    "integer",
                    "1 for the first identifier listed, and so on.",
                    at=_POSITION,
                ),
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
                *_f(Indicator, "id", "string", _RECORD),
                *_f(Indicator, "subject", "string", _RECORD),
                *_c(
                    "subject_kind",
                    "category",
                    "What subject names (derived).",
                    at=_SUBJECT_KIND,
                    categories=("country", "organization", "project", "sco"),
                ),
                *_f(Indicator, "metric", "string", _RECORD),
                *_f(Indicator, "label", "string", _RECORD),
                *_f(Indicator, "value", "number", _RECORD),
                *_f(Indicator, "unit", "category", _RECORD, vocabulary=Unit),
                *_f(Indicator, "qualifier", "category", _RECORD, vocabulary=Qualifier),
                *_f(Indicator, "period", "partial_date", _RECORD),
                *_f(Indicator, "period_end", "partial_date", _RECORD),
                *_f(Indicator, "as_of", "partial_date", _RECORD),
                *_c(
                    "text",
                    "string",
                    "The figure in words, e.g. 'more than 300 people' (derived).",
                    "text",
                    at=_RECORD,
                ),
                *_f(Indicator, "note", "string", _RECORD),
                *_f(Indicator, "reviewed", "string", _RECORD),
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
                    "id",
                    at=_RECORD,
                    references="conflicts.id",
                ),
                *_c(
                    "record",
                    "string",
                    "A project, organisation or indicator id, or a country code.",
                    at=_VALUE,
                ),
                *_c(
                    "record_kind",
                    "category",
                    "What record names (derived).",
                    at=_KIND,
                    categories=("country", "indicator", "organization", "project"),
                ),
                *_c(
                    "position",
                    "integer",
                    "1 for the first record listed, and so on.",
                    at=_POSITION,
                ),
            ),
            ("conflict", "record"),
            _conflict_records,
        ),
        _source_table("conflicts", "conflict", "conflict"),
    )


TABLES: Mapping[str, Table] = MappingProxyType({table.name: table for table in _build_tables()})
"""Every exported table, by name, in a stable order (read-only)."""
