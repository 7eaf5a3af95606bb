"""
Dates known to the year, the month or the day (`PartialDate`), and the
intervals of values a qualified figure allows (`Interval`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ._coerce import as_day, as_real
from ._fields import FieldError, fail, instance
from ._keys import quote

__all__ = ["Interval", "PartialDate"]

_is_int = instance(int)


_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange(year, month)[1], without importing calendar and
    # locale (0.8 ms of `import sco_digital`).
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _year(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    _is_int(_inst, field, value)
    if not 1000 <= value <= 9999:
        raise fail(field, f"{value} is not a four-digit year")


def _month(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _is_int(inst, field, value)
    if not 1 <= value <= 12:
        raise fail(field, f"{value} is not a month (1-12)")


def _day(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _is_int(inst, field, value)
    if inst.month is None:
        raise fail(field, "a day needs a month")
    if isinstance(inst.year, int) and isinstance(inst.month, int) and 1 <= inst.month <= 12:
        last = _days_in_month(inst.year, inst.month)
        if not 1 <= value <= last:
            raise fail(field, f"{inst.year:04d}-{inst.month:02d} has no day {value}")


@attrs.frozen(kw_only=False, order=False)
class PartialDate:
    """
    A calendar date known to the year, the month or the day.

    "2025-03" is March 2025, not 1 March 2025: the precision is kept, and
    `earliest` / `latest` give the first and last day it may mean.
    Partial dates sort by their first day, and a less precise date sorts
    before a more precise one that starts on the same day
    ("2025" < "2025-01" < "2025-01-01").

    >>> PartialDate.parse("2025-03")
    PartialDate('2025-03')
    >>> PartialDate.parse("2025-03").latest()
    datetime.date(2025, 3, 31)

    Attributes:
        year: Four-digit year.
        month: 1-12, or None when only the year is known.
        day: Day of the month, or None when only the year or month is known.

    .. versionadded:: 0.1.0
    """

    year: int = attrs.field(validator=_year)
    month: int | None = attrs.field(default=None, validator=_month)
    day: int | None = attrs.field(default=None, validator=_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """
        Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD".

        Raises:
            ValueError: *text* is not one of those forms, or no such date
                exists (2025-02-30, month 13).
        """
        match = _ISO.match(text) if isinstance(text, str) else None
        if match is None:
            msg = f"{quote(text)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            raise ValueError(msg)
        year, month, day = match.groups()
        try:
            return cls(
                int(year),
                None if month is None else int(month),
                None if day is None else int(day),
            )
        except FieldError as exc:
            msg = f"{text!r} is not a valid date: {exc.reason}"
            raise ValueError(msg) from None

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """The day *day*, with day precision."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    def earliest(self) -> dt.date:
        """The first day this date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date may mean."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, _days_in_month(self.year, month))

    def to_date(self) -> dt.date:
        """
        The exact day.

        Raises:
            ValueError: The date is only known to the month or year.
        """
        if self.day is None:
            msg = f"{self} is only known to the {self.precision}, not the day"
            raise ValueError(msg)
        return self.earliest()

    def __contains__(self, day: object) -> bool:
        """
        Whether *day* (a date, a datetime or "YYYY-MM-DD") falls within it.

        Raises:
            TypeError: *day* is none of these.
        """
        return self.earliest() <= as_day(day, "day") <= self.latest()

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"


@attrs.frozen(kw_only=True)
class Interval:
    """
    The values a qualified figure allows; a missing end is unbounded.

    ``300 in Interval(low=300, low_closed=False)`` is False: "more than 300"
    excludes 300.

    .. versionadded:: 0.1.0
    """

    low: float | None = None
    high: float | None = None
    low_closed: bool = True
    high_closed: bool = True

    def __contains__(self, value: object) -> bool:
        """
        Whether *value* lies in the interval. Any real number compares
        exactly (int, float, Fraction, Decimal, NumPy numbers); NaN lies in
        no interval.

        >>> from fractions import Fraction
        >>> Fraction(601, 2) in Interval(low=300, low_closed=False)
        True

        Raises:
            TypeError: *value* is a bool, a complex number, a str or no
                number at all.
        """
        number: Any = as_real(value)  # int, float, Fraction, Decimal, NumPy numbers
        if number != number:  # noqa: PLR0124 - NaN, which no interval holds
            return False
        if self.low is not None and (
            number < self.low or (number == self.low and not self.low_closed)
        ):
            return False
        return self.high is None or not (
            number > self.high or (number == self.high and not self.high_closed)
        )
