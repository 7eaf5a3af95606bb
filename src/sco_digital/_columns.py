"""
The shape of an exported table: `Column`, `ForeignKey` and `Table`.

Each column owns the getter that reads its value off one of its table's
items (what a row describes), so a row is its columns' values in order,
read by `reader`. The tables themselves are declared in `_tables`.
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex

import attrs

from .models import PartialDate, Vocabulary

if TYPE_CHECKING:
    from .dataset import Dataset

ColumnType = Literal["string", "integer", "number", "category", "partial_date", "date"]
"""
The kinds of column: ``"string"`` (text), ``"integer"``, ``"number"`` (a
float), ``"category"`` (a slug from a fixed list), ``"partial_date"`` (ISO
text of year, month or day precision, with a ``*_precision`` column beside
it) and ``"date"`` (a calendar day, always known to the day by design).
"""


class Getter:
    """
    A column getter: the dotted attribute *path* of an item
    (``"record.kind.value"``), passed to *convert* if given.

    `Table.rows` reads the paths of all the getters of a table with one
    `operator.attrgetter` call per row, instead of a call per cell:
    benchmarks/README.md ("exports") has the measure that keeps it.
    """

    __slots__ = ("_get", "convert", "path")

    def __init__(self, path: str, convert: Callable[[Any], Any] | None = None) -> None:
        self.path = path
        self.convert = convert
        self._get = attrgetter(path)

    def __call__(self, item: Any) -> Any:
        value = self._get(item)
        return value if self.convert is None else self.convert(value)

    def __reduce__(self) -> tuple[Any, ...]:
        return Getter, (self.path, self.convert)

    def __repr__(self) -> str:
        return f"Getter({self.path!r}, convert={self.convert!r})"


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
        from ._tables import TABLES, column_named

        for table in TABLES.values():
            for column in table.columns:
                if column is self:
                    return column_named, (table.name, self.name)
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
        from ._tables import TABLES, table_named

        if TABLES.get(self.name) is self:
            return table_named, (self.name,)
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
        return iter(reader(tuple(column.get for column in self.columns))(self.items(ds)))


@functools.cache
def reader(
    getters: tuple[Callable[[Any], Any], ...],
) -> Callable[[Iterable[Any]], list[tuple[Any, ...]]]:
    """
    A function of items giving, for each, the tuple of what each of
    *getters* reads off it. The paths of the `Getter` objects are read by
    one attrgetter call per item; then each conversion, and each getter
    that is not a `Getter`, is mapped over its whole column.
    """
    paths = []
    after: list[tuple[int, Callable[[Any], Any], bool]] = []  # (column, function, of the item)
    for i, get in enumerate(getters):
        if not isinstance(get, Getter):
            paths.append("__class__")  # a stand-in: any object has it
            after.append((i, get, True))
            continue
        paths.append(get.path)
        if get.convert is not None:
            after.append((i, get.convert, False))
    if len(paths) < 2:  # attrgetter of one path gives the value, not a tuple
        return lambda items: [tuple([get(item) for get in getters]) for item in items]
    read = attrgetter(*paths)

    def rows(items: Iterable[Any]) -> list[tuple[Any, ...]]:
        if not after:
            return list(map(read, items))
        items = list(items)
        by_column: list[Iterable[Any]] = list(zip(*map(read, items), strict=True))
        if not by_column:
            return []
        for i, function, of_item in after:
            by_column[i] = map(function, items if of_item else by_column[i])
        return list(zip(*by_column, strict=True))

    return rows


_PRECISIONS = ("year", "month", "day")


def columns(
    name: str,
    type_: ColumnType,
    description: str,
    get: str | Callable[[Any], Any] = "",
    **kw: Any,
) -> tuple[Column, ...]:
    """
    The column *name*, with a ``*_precision`` column after a partial date.

    *get* reads the value off an item: a dotted attribute path (by default
    *name*), read as a term's slug for a vocabulary, and as the ISO text and
    precision for a partial date; or a function giving a plain value.
    """
    if callable(get):
        return (Column(name, type_, description, get=get, **kw),)
    path = get or name
    if type_ != "partial_date":
        if kw.get("vocabulary") is not None:
            path += ".value"
        return (Column(name, type_, description, get=Getter(path), **kw),)
    column = Column(name, type_, description, get=Getter(path, _iso), **kw)
    precision = Column(
        f"{name}_precision",
        "category",
        f"Precision of {name}: year, month or day.",
        required=column.required,
        categories=_PRECISIONS,
        get=Getter(path, _precision),
    )
    return (column, precision)


def _iso(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _precision(value: PartialDate | None) -> str | None:
    return None if value is None else value.precision
