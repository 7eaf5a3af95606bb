"""
The `Indicator` record: a figure reported about a project, a country, an
organisation or the SCO, its bounds (`Indicator.bounds`) and its words
(`Indicator.text`).
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from ._dates import Interval, PartialDate
from ._display import displayed
from ._fields import each, fail, follows, instance, optional, strings
from ._rules import DATA_VERSION, METRIC, NAME, SLUG, SUBJECT, TEXT
from ._terms import Qualifier, Unit

__all__ = ["Indicator"]

_slug = follows(SLUG)
_prose = follows(TEXT)
_partial_date = instance(PartialDate)
_is_number = instance(int, float)
_subject = follows(SUBJECT)
_metric = follows(METRIC)
_name = follows(NAME)
_data_version = follows(DATA_VERSION)


def _value(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _is_number(inst, field, value)
    if not math.isfinite(value):
        raise fail(field, f"{value!r} is not a finite number")
    unit = inst.unit
    if value < 0 and isinstance(unit, Unit) and not unit.can_be_negative:
        raise fail(field, f"{value!r} is negative, which {unit.value!r} cannot be")


def _period_end(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    period = inst.period
    if period is None:
        raise fail(field, "needs period (its start) to be set")
    if isinstance(period, PartialDate) and value.latest() <= period.latest():
        raise fail(field, f"{value} is not after period ({period})")


def _format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@displayed
@attrs.frozen(kw_only=True)
class Indicator:
    """
    A figure reported about a project, a country, an organisation or the SCO
    as a whole, with its qualifier and dates kept as the source gives them.

    Attributes:
        id: Stable slug.
        subject: What the figure is about: a project or organisation id, a
            country code, or ``"SCO"``.
        metric: What is measured, as a snake_case slug
            (``"latency_reduction"``).
        label: The same in words.
        value: The number as reported, in whole units of `unit`.
        unit: The unit of `value`.
        qualifier: How the true value relates to `value`.
        period: The time the figure covers (a year, a month); with
            `period_end`, its first part.
        period_end: The last part of a period that spans several
            (January to July 2025), or None.
        as_of: The date a running total was counted, or None.
        sources: Ids of the sources that report it.
        note: Caveats: scope, conflicting figures, unclear periods.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    subject: str = attrs.field(validator=_subject)
    metric: str = attrs.field(validator=_metric)
    label: str = attrs.field(validator=_name)
    value: float = attrs.field(validator=_value)
    unit: Unit = attrs.field(validator=instance(Unit))
    qualifier: Qualifier = attrs.field(validator=instance(Qualifier))
    period: PartialDate | None = attrs.field(default=None, validator=optional(_partial_date))
    period_end: PartialDate | None = attrs.field(default=None, validator=_period_end)
    as_of: PartialDate | None = attrs.field(default=None, validator=optional(_partial_date))
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))
    note: str | None = attrs.field(default=None, validator=optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=optional(_data_version))

    def bounds(self) -> Interval | None:
        """
        The values the qualifier allows, or None where it sets no bound
        (`Qualifier.ABOUT`). Units that cannot be negative start at 0.

        >>> ind = Indicator(id="x", subject="SCO", metric="m", label="m",
        ...     value=300, unit=Unit.PEOPLE, qualifier=Qualifier.MORE_THAN,
        ...     sources=("s",))
        >>> ind.bounds()
        Interval(low=300, high=None, low_closed=False, high_closed=True)
        >>> 300 in ind.bounds(), 301 in ind.bounds()
        (False, True)
        """
        v = self.value
        floor = None if self.unit.can_be_negative else 0.0
        q = self.qualifier
        if q is Qualifier.EXACT:
            return Interval(low=v, high=v)
        if q is Qualifier.MORE_THAN:
            return Interval(low=v, low_closed=False)
        if q is Qualifier.AT_LEAST:
            return Interval(low=v)
        if q in (Qualifier.NEARLY, Qualifier.LESS_THAN):
            return Interval(low=floor, high=v, high_closed=False)
        if q is Qualifier.AT_MOST:
            return Interval(low=floor, high=v)
        return None

    @property
    def text(self) -> str:
        """The figure in words, such as "more than 300 people" or "USD 512.4 billion"."""
        value = self.value
        if self.unit in (Unit.USD, Unit.CNY):
            for scale, word in _SCALES:
                if abs(value) >= scale:
                    amount = f"{_format_number(value / scale)} {word}"
                    break
            else:
                amount = _format_number(value)
            words = f"{'USD' if self.unit is Unit.USD else 'CNY'} {amount}"
        elif self.unit is Unit.PERCENT:
            words = f"{_format_number(value)}%"
        elif self.unit is Unit.COUNT:
            words = _format_number(value)
        else:
            unit_word = self.unit.label.lower()
            if self.unit in (
                Unit.METRES,
                Unit.KILOMETRES,
                Unit.SQUARE_METRES,
                Unit.SQUARE_KILOMETRES,
            ):
                unit_word = str(self.unit.value).replace("2", "²")
            words = f"{_format_number(value)} {unit_word}"
        phrase = self.qualifier.phrase
        return f"{phrase} {words}" if phrase else words
