"""
What the exported tables of `_tables` are built from: the items of each
kind of table, read off a `Dataset`, the column of a record field (`_f`),
described by the field's entry in the record's docstring (`_field_doc`),
and the join tables several records share (sources, aliases, a project's
sets, the sources of a country's names and memberships).

A table's items are its records, or for a join table, tuples of a record, a
position and one element of the record's list field; each column reads its
value off an item with a `Getter`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ._columns import Column, ColumnType, ForeignKey, Table, columns
from ._records import field_docs
from .models import PartialDate, Vocabulary

if TYPE_CHECKING:
    from .dataset import Dataset


# -- descriptions --------------------------------------------------------------------


@functools.cache
def _field_docs(cls: type) -> Mapping[str, str]:
    """
    The description of every field of *cls*, from its docstring, worded for
    a table: without reST quotes, and "empty" for None.
    """
    return {
        name: re.sub(r"\bNone\b", "empty", text.replace("``", "").replace("`", ""))
        for name, text in field_docs(cls).items()
    }


def _field_doc(cls: type, name: str) -> str:
    try:
        return _field_docs(cls)[name]
    except KeyError:
        msg = f"{cls.__name__}.{name} is not described in its docstring"
        raise TypeError(msg) from None


# -- columns -------------------------------------------------------------------------


class _Element(NamedTuple):
    """An item of a join table: an element of a list field of a record."""

    record: Any
    position: int
    """1 for the record's first element, and so on."""
    value: Any


class _ElementSource(NamedTuple):
    """An item of the sources of an element (a country's name or membership)."""

    record: Any
    position: int
    """1 for the element's first source, and so on."""
    value: str
    seq: int
    """The element's position in its list."""


class _Keyed(NamedTuple):
    """An item with what the record key it holds (*value*) names (see `_kinds`)."""

    record: Any
    position: int
    value: str
    kind: str | None


def _first_day(value: PartialDate | None) -> str | None:
    return None if value is None else value.earliest().isoformat()


def _f(cls: type, name: str, type_: ColumnType, at: str = "", **kw: Any) -> tuple[Column, ...]:
    """
    The column of the field *name* of the record type *cls*, which an item
    is (or holds as its attribute *at*). It is described by the field's
    docstring and required unless the field defaults to None; ``column=``
    names it otherwise.
    """
    kw.setdefault("required", attrs.fields_dict(cls)[name].default is not None)
    path = f"{at}.{name}" if at else name
    return columns(kw.pop("column", name), type_, _field_doc(cls, name), path, **kw)


def _records(kind: str) -> Callable[[Dataset], Iterable[Any]]:
    """The records of *kind* ("projects"...): the items of a record's own table."""
    return attrgetter(kind)


def _elements(
    kind: str, field: str, *, ordered: bool = False
) -> Callable[[Dataset], Iterator[_Element]]:
    """Each element of the list *field* of each record of *kind*, sorted if *ordered*."""

    def items(ds: Dataset) -> Iterator[_Element]:
        for record in getattr(ds, kind):
            values = getattr(record, field)
            for position, value in enumerate(sorted(values) if ordered else values, 1):
                yield _new(_Element, (record, position, value))

    return items


def _element_sources(field: str) -> Callable[[Dataset], Iterator[_ElementSource]]:
    """Each source of each element of a country's list *field*."""
    elements = _elements("countries", field)

    def items(ds: Dataset) -> Iterator[_ElementSource]:
        for country, seq, element in elements(ds):
            for position, source in enumerate(element.sources, 1):
                yield _new(_ElementSource, (country, position, source, seq))

    return items


_new = tuple.__new__
"""Make a named tuple of a tuple: twice as fast as calling the class, whose __new__ is Python."""


def _kinds(ds: Dataset) -> Callable[[str], str | None]:
    """Tell whether a key names a country, indicator, organisation, project or the SCO."""
    kinds = {c.code: "country" for c in ds.countries}
    kinds.update({i.id: "indicator" for i in ds.indicators})
    kinds.update({o.id: "organization" for o in ds.organizations})
    kinds.update({p.id: "project" for p in ds.projects})
    kinds["SCO"] = "sco"
    return kinds.get


def _indicators(ds: Dataset) -> Iterator[_Keyed]:
    """Each indicator (as *record*) with what its subject names."""
    kind_of = _kinds(ds)
    for indicator in ds.indicators:
        yield _Keyed(indicator, 0, indicator.subject, kind_of(indicator.subject))


def _conflict_records(ds: Dataset) -> Iterator[_Keyed]:
    """Each record key of each conflict, with what it names."""
    kind_of = _kinds(ds)
    for conflict in ds.conflicts:
        for position, key in enumerate(conflict.records, 1):
            yield _Keyed(conflict, position, key, kind_of(key))


# -- the join tables several records share -------------------------------------------


def _source_table(kind: str, owner: str, description: str) -> Table:
    return Table(
        f"{owner}_sources",
        f"The sources each {description} cites, in the order given.",
        (
            *columns(
                owner,
                "string",
                f"The {description}'s id.",
                "record.id",
                references=f"{kind}.id",
            ),
            *columns("source", "string", "The source's id.", "value", references="sources.id"),
            *columns("position", "integer", "1 for the first source cited, and so on.", "position"),
        ),
        (owner, "source"),
        _elements(kind, "sources"),
    )


def _alias_table(kind: str, owner: str, key: str) -> Table:
    return Table(
        f"{owner}_aliases",
        f"Other names of each {owner}, in the order given.",
        (
            *columns(
                owner,
                "string",
                f"The {owner}'s {key}.",
                f"record.{key}",
                references=f"{kind}.{key}",
            ),
            *columns("alias", "string", "Another name it is known by.", "value"),
            *columns("position", "integer", "1 for the first alias, and so on.", "position"),
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
            *columns(
                single,
                "category",
                f"A {vocabulary.__name__} slug.",
                "value",
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
            *columns("country", "string", f"The {short}'s country.", "record.code"),
            *columns("seq", "integer", f"The {short}'s seq.", "seq"),
            *columns("source", "string", "The source's id.", "value", references="sources.id"),
            *columns("position", "integer", "1 for the first source cited, and so on.", "position"),
        ),
        ("country", "seq", "source"),
        _element_sources(field),
        (
            ForeignKey(("country", "seq"), table, ("country", "seq")),
            ForeignKey(("source",), "sources", ("id",)),
        ),
    )


_COUNTRY = columns("country", "string", "Alpha-2 code.", "record.code", references="countries.code")
_PROJECT = columns("project", "string", "The project's id.", "record.id", references="projects.id")
