"""
Nothing shared can change: records, the Dataset, its indexes and the
vocabularies hold only immutable values, and every attempt to mutate raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import mini
import sco_digital as sd
from sco_digital import (
    Conflict,
    Country,
    Dataset,
    Indicator,
    Membership,
    Organization,
    PartialDate,
    Participant,
    Project,
    Source,
    Technology,
    Vocabulary,
)
from sco_digital._indexes import Index
from sco_digital._registry import FILES
from sco_digital._search import SearchIndex
from sco_digital._vocabulary import vocabulary_index

LEAVES = (str, int, float, bool, type(None), dt.date, Vocabulary)
RECORDS = (Source, Country, Membership, Organization, Participant, Project, Indicator, Conflict)


def used(ds: Dataset) -> Dataset:
    """*ds* after every query that builds an index on first use."""
    ds.members(as_of=dt.date(2024, 7, 5))
    ds.search("cable")
    ds.cited_by(ds.sources[0].id)
    return ds


def mutable_parts(value: Any, path: str = "ds", seen: set[int] | None = None) -> Iterator[str]:
    """The path of every value reachable from *value* that is not immutable."""
    seen = set() if seen is None else seen
    if isinstance(value, LEAVES) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (tuple, frozenset)):
        for i, item in enumerate(value):
            yield from mutable_parts(item, f"{path}[{i}]", seen)
    elif isinstance(value, MappingProxyType):
        for key, item in value.items():
            yield from mutable_parts(key, f"{path}.keys()", seen)
            yield from mutable_parts(item, f"{path}[{key!r}]", seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from mutable_parts(getattr(value, field.name), f"{path}.{field.name}", seen)
    elif isinstance(value, Index):
        for name in type(value).__slots__:
            yield from mutable_parts(getattr(value, name), f"{path}.{name}", seen)
    else:
        yield f"{path}: {type(value).__name__}"


@pytest.mark.parametrize("ds", [sd.load(), mini.dataset()], ids=["bundled", "mini"])
def test_nothing_mutable_anywhere(ds: Dataset) -> None:
    """A walk over every record, the Dataset and every index finds no list, dict or set."""
    assert [] == list(mutable_parts(used(ds)))


def test_walk_finds_mutable_values() -> None:
    """The walk itself reports lists, dicts and sets wherever they hide."""
    found = list(mutable_parts((1, MappingProxyType({"a": ([],)}), frozenset({"x"}), {1}, {})))
    assert ["ds[1]['a'][0]: list", "ds[3]: set", "ds[4]: dict"] == found


def test_collections_given_as_lists_become_tuples_and_frozensets() -> None:
    project = attrs.evolve(
        mini.projects()[0],
        participants=list(mini.projects()[0].participants),
        technologies={Technology.FIVE_G},
        sources=["seed"],
    )
    ds = Dataset(
        sources=list(mini.sources()),
        countries=list(mini.countries()),
        organizations=list(mini.organizations()),
        projects=[project],
        indicators=[],
    )
    assert [] == list(mutable_parts(used(ds)))
    assert (tuple, frozenset, tuple) == (
        type(project.participants),
        type(project.technologies),
        type(project.sources),
    )


def first_records() -> Iterator[Any]:
    ds = sd.load()
    yield from (ds.sources[0], ds.countries[0], ds.countries[0].memberships[0])
    yield from (ds.organizations[0], ds.projects[0], ds.projects[0].participants[0])
    yield from (ds.indicators[0], ds.conflicts[0], PartialDate.parse("2025-03"))


@pytest.mark.parametrize(
    ("record", "field"),
    [(r, f.name) for r in first_records() for f in attrs.fields(type(r))],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_record_fields_cannot_be_set_or_deleted(record: Any, field: str) -> None:
    before = getattr(record, field)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, before)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(record, field)
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        record.extra = 1
    assert before is getattr(record, field)


@pytest.mark.parametrize("field", [f.name for f in attrs.fields(Dataset)])
def test_dataset_attributes_cannot_be_set_or_deleted(field: str) -> None:
    ds = sd.load()
    before = getattr(ds, field)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(ds, field, ())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(ds, field)
    assert before is getattr(ds, field)


def answers(ds: Dataset) -> list[object]:
    """What the queries that read the indexes answer."""
    return [
        ds.by_country("UZ"),
        ds.by_technology("5G"),
        ds.by_sector("health"),
        ds.country("Kirgizia"),
        ds.members(as_of=dt.date(2024, 7, 5)),
        ds.search("cable"),
        [ds.cited_by(s.id) for s in ds.sources],
        [ds.indicators_for(p.id) for p in ds.projects],
        [ds.children(p.id) for p in ds.projects],
        [ds.conflicts_for(p.id) for p in ds.projects],
    ]


def test_indexes_are_read_only_views() -> None:
    """
    Every index is a MappingProxyType (or a tuple, or the frozen search index),
    and none can be changed or replaced: after every attempt, the queries answer
    as before.
    """
    ds = used(sd.load())
    before = answers(ds)
    index = ds._index
    mappings = 0
    for name in type(index).__slots__:
        value = getattr(index, name)
        with pytest.raises(AttributeError, match="a Dataset's indexes are read-only"):
            setattr(index, name, value)
        with pytest.raises(AttributeError, match="a Dataset's indexes are read-only"):
            delattr(index, name)
        if name == "_built":
            continue
        assert isinstance(value, (MappingProxyType, tuple, SearchIndex)), name
        if isinstance(value, SearchIndex):  # frozen; its parts are walked above
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                value.items = ()  # type: ignore[misc]
        if isinstance(value, MappingProxyType):
            mappings += 1
            key = next(iter(value))
            with pytest.raises(TypeError):
                value[key] = value[key]  # type: ignore[index]
            with pytest.raises(TypeError):
                del value[key]  # type: ignore[attr-defined]
            for method in ("clear", "pop", "popitem", "setdefault", "update"):
                assert not hasattr(value, method), (name, method)
    assert mappings > 0  # the indexes were found, however many there are
    assert before == answers(ds)


def test_vocabularies_are_read_only() -> None:
    term = Technology.FIVE_G
    for name, value in [("label", "6G"), ("aliases", ()), ("definition", ""), ("_value_", "6g")]:
        with pytest.raises(AttributeError, match=r"Technology.FIVE_G is read-only"):
            setattr(term, name, value)
        with pytest.raises(AttributeError, match=r"Technology.FIVE_G is read-only"):
            delattr(term, name)
    # The wording is the enum module's, and changed in Python 3.11.
    with pytest.raises(AttributeError, match="(?i)cannot reassign member"):
        Technology.FIVE_G = Technology.BIG_DATA  # type: ignore[misc, assignment]
    with pytest.raises(AttributeError):
        del Technology.FIVE_G
    assert ("5g", "5G") == (term.value, term.label)
    index = vocabulary_index(Technology)
    with pytest.raises(TypeError):
        index["6g"] = term  # type: ignore[index]
    assert Technology.FIVE_G is Technology.lookup("5G")


def test_module_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        FILES[Source] = "x.json"  # type: ignore[index]


def test_errors_are_immutable() -> None:
    with pytest.raises(sd.DataError) as info:
        sd.Dataset(
            sources=[], countries=[], organizations=[], projects=mini.projects(), indicators=[]
        ).validate()
    assert isinstance(info.value.problems, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.value.problems[0].message = "changed"  # type: ignore[misc]
