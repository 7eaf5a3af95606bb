"""
The values `_drawing`'s records are made of, each a Hypothesis strategy:
the strings of each text rule (`_BY_RULE`) and the strategy of each string
field from the rule its validator follows (`_fields`), numbers within a
field's bounds (`_number`), lists of distinct values and picks among them
(`Pick`), partial dates, and the terms of the vocabularies.

Every strategy here is built once, at import: building strategies while
drawing (several per record) made a dataset cost 70 ms of CPU. Nothing is
drawn only to be rejected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ._rules import (
    ADMIN1,
    ALPHA2,
    ALPHA3,
    DATA_VERSION,
    DATE,
    INVISIBLE,
    LANGUAGE,
    METRIC,
    NAME,
    SLUG,
    SUBJECT,
    TEXT,
    URL,
    Rule,
    rule_of,
)
from .models import (
    Identifier,
    IdentifierScheme,
    OrganizationKind,
    OrganizationRole,
    PartialDate,
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

T = TypeVar("T")


_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def _matching(rule: Rule) -> SearchStrategy[str]:
    """The strings that match *rule*'s pattern (no longer than its limit, if it has one)."""
    drawn = st.from_regex(rule.body, fullmatch=True)
    limit = rule.max_length
    # from_regex seldom draws a string anywhere near the limits (100 characters).
    return drawn if limit is None else drawn.filter(lambda text: len(text) <= limit)


def _characters_of(ranges: str) -> str:
    """Every character of *ranges*, written as in a regular expression's ``[...]``."""
    found: list[str] = []
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            found += map(chr, range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            found.append(ranges[i])
            i += 1
    return "".join(found)


# Any character but controls, surrogates and invisible format characters (which
# the text rule refuses: `INVISIBLE` also names those that the running Python's
# Unicode tables do not know as format characters yet), so text survives JSON,
# CSV and SQL.
_CHARACTERS = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Cf"),
    exclude_characters=_characters_of(INVISIBLE),
)


def _visible(text: str) -> str:
    """*text* without edge spaces, as the text rules require; only spaces become "-"."""
    return text.strip() or "-"


def _text(rule: Rule, shorter: int) -> SearchStrategy[str]:
    """Texts that keep *rule*, at most *shorter* characters, which keeps examples quick."""
    return st.text(_CHARACTERS, min_size=1, max_size=min(shorter, rule.max_length or shorter)).map(
        _visible
    )


_URLS = st.builds(
    "{}://{}{}".format,
    st.sampled_from(["http", "https"]),
    st.text(_ALNUM + ".-", min_size=1, max_size=20),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=30).map(
        lambda path: f"/{path}" if path else ""
    ),
)


def _joined(separator: str) -> SearchStrategy[str]:
    """Parts of lowercase letters and digits joined by single *separator*s."""

    def join(parts: tuple[str, str]) -> str:
        return separator.join(part for part in "".join(parts).split(separator) if part)

    # A first part, then more parts in any number: drawn as two strings, not a list.
    first = st.text(_ALNUM, min_size=1, max_size=8)
    return st.tuples(first, st.text(_ALNUM + separator, max_size=24)).map(join)


def _data_version(day: dt.date, release: int | None) -> str:
    return f"{day:%Y.%m.%d}" if release is None else f"{day:%Y.%m.%d}.{release}"


_UPPER = _ALNUM[:26].upper()


_SLUGS = _joined("-")


_CODES = st.text(_UPPER, min_size=2, max_size=2)


_BY_RULE: dict[Rule, SearchStrategy[str]] = {
    SLUG: _SLUGS,
    METRIC: _joined("_"),
    ALPHA2: _CODES,
    ALPHA3: st.text(_UPPER, min_size=3, max_size=3),
    ADMIN1: st.builds(
        "{}.{}".format, _CODES, st.text(_UPPER + "0123456789", min_size=1, max_size=4)
    ),
    LANGUAGE: _matching(LANGUAGE),
    SUBJECT: _SLUGS | _CODES | st.just("SCO"),
    URL: _URLS,
    NAME: _text(NAME, 40),
    TEXT: _text(TEXT, 200),
    DATA_VERSION: st.builds(
        _data_version, st.dates(dt.date(1000, 1, 1)), st.none() | st.integers(0, 99)
    ),
    DATE: _matching(DATE),
}
"""
The strings of each text rule: drawn from its pattern (language tags and
dates), or, where that is slow (from_regex made drawing a dataset 2.5 times
slower) or the pattern is a class of thousands of characters (names, texts,
URLs), from a part of what the rule allows; tests check that the validators
and the schemas accept every string drawn.
"""


def _fields(cls: type) -> dict[str, SearchStrategy[Any]]:
    """
    The strategy of each string field of *cls*, from the text rule it
    follows: None too where it is optional, tuples of distinct strings for
    a tuple.
    """
    out: dict[str, SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        rule = rule_of(field)
        if rule is None:
            continue
        drawn: SearchStrategy[Any] = _BY_RULE[rule]
        if field.converter is not None:
            drawn = st.lists(drawn, max_size=3, unique=True).map(tuple)
        elif field.default is None:
            drawn = st.none() | drawn
        out[field.name] = drawn
    return out


_ALPHA3 = _BY_RULE[ALPHA3]


def _number(
    cls: type, name: str, low: float | None = None, high: float | None = None
) -> SearchStrategy[Any]:
    """
    The numbers of *cls*'s field *name*, within the bounds its validator
    carries (`_fields.between`), narrowed to *low*..*high* where given.
    """
    validator = attrs.fields_dict(cls)[name].validator
    bottom, top = validator.bounds  # type: ignore[union-attr]
    bottom, top = (
        max(bottom, low if low is not None else bottom),
        min(top, high if high is not None else top),
    )
    if getattr(validator, "integer", False):
        return st.integers(int(bottom), int(top))
    return st.floats(bottom, top, allow_nan=False)


def _lists(
    elements: SearchStrategy[T], *, min_size: int = 0, max_size: int
) -> SearchStrategy[list[T]]:
    """Lists of distinct elements; empty lists (or none) when no element can be drawn."""

    def build() -> SearchStrategy[list[T]]:
        if elements.is_empty:
            # Hypothesis refuses lists of nothing(): a caller may pass nothing()
            # where there is no record to refer to.
            return st.just([]) if min_size == 0 else st.nothing()
        return st.lists(elements, min_size=min_size, max_size=max_size, unique=True)

    # Deferred: is_empty evaluates strategies, which must wait until drawing.
    return st.deferred(build)


Pick = Callable[[int, int], tuple[T, ...]]
"""Draws from min to max distinct values (as many as there are, if fewer)."""


@functools.lru_cache(maxsize=256)
def _distinct(values: SearchStrategy[T], min_size: int, max_size: int) -> SearchStrategy[list[T]]:
    return _lists(values, min_size=min_size, max_size=max_size)


def _pick_drawn(draw: st.DrawFn, values: SearchStrategy[T]) -> Pick[T]:
    """Picks values that *values* draws: the record strategies' arguments."""
    return lambda low, high: tuple(draw(_distinct(values, low, high)))


def _pick_from(draw: st.DrawFn, values: Sequence[T]) -> Pick[T]:
    """Picks among *values*: the records a dataset already holds."""

    def pick(low: int, high: int) -> tuple[T, ...]:
        pool = list(values)
        count = draw(st.integers(min(low, len(pool)), min(high, len(pool))))
        return tuple(pool.pop(draw(st.integers(0, len(pool) - 1))) for _ in range(count))

    return pick


def _one_or_none(pick: Pick[T]) -> T | None:
    return next(iter(pick(0, 1)), None)


@st.composite
def _partial_date(draw: st.DrawFn, years: SearchStrategy[int]) -> PartialDate:
    year = draw(years)
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


_DATES = _partial_date(st.integers(1000, 9999))


_OPTIONAL_DATES = st.none() | _DATES


_TWO_DATES = st.tuples(_OPTIONAL_DATES, _OPTIONAL_DATES)


# The fields no text rule covers are drawn one by one from these.
_TECHNOLOGIES = st.frozensets(st.sampled_from(Technology), max_size=4)


_SECTORS = st.frozensets(st.sampled_from(Sector), max_size=3)


_ROLES = st.sampled_from(Role)


_STATUSES = st.sampled_from(Status)


_VALUES = st.floats(allow_nan=False, allow_infinity=False)


_NON_NEGATIVE_VALUES = st.floats(min_value=0.0, allow_nan=False, allow_infinity=False)


_REGIONS = st.sampled_from(Region)


_SOURCE_KINDS = st.sampled_from(SourceKind)


_ORGANIZATION_KINDS = st.sampled_from(OrganizationKind)


_PROJECT_KINDS = st.sampled_from(ProjectKind)


_PROJECT_STATUSES = st.sampled_from(ProjectStatus)


_UNITS = st.sampled_from(Unit)


_QUALIFIERS = st.sampled_from(Qualifier)


_ORGANIZATION_ROLES = st.sampled_from(OrganizationRole)


_IDENTIFIERS = st.builds(
    Identifier,
    scheme=st.sampled_from(IdentifierScheme),
    id=st.integers(min_value=1, max_value=999_999).map(str),
)
