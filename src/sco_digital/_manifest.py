"""
`Manifest`: what ``manifest.json`` says about the data files.

A record like the others, built by the same converter: its name, title and
licence must be this dataset's (`_about`), its data version a CalVer
version, and its counts one integer per record file, which the loader
compares with the files it read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ._about import LICENSE, NAME, TITLE
from ._fields import FieldError
from ._keys import quote
from ._rules import MAX_NAME, is_data_version, text_problem

__all__ = ["Manifest"]


def _this(expected: str, what: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_inst: Any, field: attrs.Attribute[Any], value: str) -> None:
        problem = text_problem(value, MAX_NAME)
        if problem is None and value != expected:
            problem = f"{quote(value)} is not this dataset's {what}; expected {expected!r}"
        if problem is not None:
            raise FieldError(field.name, problem)

    return check


def _version(_inst: Any, field: attrs.Attribute[Any], value: str) -> None:
    if not is_data_version(value):
        raise FieldError(field.name, f"{quote(value)} is not a CalVer version such as '2025.08.29'")


def _counts(value: Any) -> Mapping[str, int]:
    return MappingProxyType(attrs.asdict(value) if attrs.has(type(value)) else dict(value))


@attrs.frozen
class Manifest:
    """
    The manifest of a data directory.

    Attributes:
        name: The dataset's name, ``"sco-digital"``.
        title: The dataset's title.
        data_version: The CalVer version of the data, such as ``"2026.11.30"``.
        license: The licence of the data, as an SPDX identifier (``"CC-BY-4.0"``).
        counts: The number of records in each record file, by table name
            (``{"projects": 181, ...}``), read-only.
    """

    name: str = attrs.field(validator=_this(NAME, "name"))
    title: str = attrs.field(validator=_this(TITLE, "title"))
    data_version: str = attrs.field(validator=_version)
    license: str = attrs.field(validator=_this(LICENSE, "licence"))
    counts: Mapping[str, int] = attrs.field(converter=_counts)

    def count_problems(self, lengths: Mapping[str, int]) -> Iterator[tuple[str, str]]:
        """
        ``(path, message)`` for each table in *lengths* (table name to the
        number of records read) whose count differs from the manifest's.
        """
        for table, length in lengths.items():
            count = self.counts[table]
            if count != length:
                yield f".counts.{table}", f"says {count} but {table}.json has {length} records"
