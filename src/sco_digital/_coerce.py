"""
The one place that turns the arguments of public methods into what they mean.

Every public method that takes a date, a year, a number, a key or a record id
goes through these helpers, so that each accepts the same forms and answers a
wrong type with the same kind of `TypeError`: one line that names the argument,
what it accepts and the type it got ("as_of must be a date or an ISO date
string 'YYYY-MM-DD', got list"). A value of the right type that means nothing
(an impossible date, a year of five digits) is a `ValueError`; a well-formed
key that names nothing is an `UnknownKeyError` (raised by the lookups).

Numbers follow the numeric tower: anything `numbers.Real` (int, float,
Fraction, NumPy's integers and floats) and `decimal.Decimal` compare exactly
with the data's floats; `bool` is refused, as ``True in bounds`` is always a
mistake; complex numbers and strings are refused. Years are integers of any
kind that `operator.index` accepts (``numpy.int64(2025)`` is fine, ``2025.0``
and ``"2025"`` are not).
"""

from __future__ import annotations

import datetime as dt
import numbers
import operator
from typing import TYPE_CHECKING, NoReturn

from ._keys import shown_key

if TYPE_CHECKING:
    import decimal

__all__ = ["as_day", "as_real", "as_str", "as_year", "wrong_type"]

DAY = "a date or an ISO date string 'YYYY-MM-DD'"
"""What a date argument accepts."""


def wrong_type(argument: str, accepts: str, value: object) -> TypeError:
    """The error for *argument* given *value*, which is not one of *accepts*."""
    return TypeError(f"{argument} must be {accepts}, got {type(value).__name__}")


def _refuse(argument: str, accepts: str, value: object) -> NoReturn:
    raise wrong_type(argument, accepts, value)


def as_str(value: object, argument: str, accepts: str) -> str:
    """
    *value*, which must be a str.

    Raises:
        TypeError: It is not a str.
    """
    if not isinstance(value, str):
        _refuse(argument, accepts, value)
    return value


def as_day(value: object, argument: str = "as_of") -> dt.date:
    """
    The calendar day *value* gives: a `datetime.date`, a `datetime.datetime`
    (its date) or an ISO string "YYYY-MM-DD".

    Raises:
        TypeError: *value* is none of these.
        ValueError: The string is not an ISO date, or no such day exists.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        _refuse(argument, DAY, value)
    if len(value) == len("YYYY-MM-DD"):  # fromisoformat also takes "20250101"
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"{argument} must be {DAY}, got {shown_key(value)}"
    raise ValueError(msg)


def as_year(value: object, argument: str = "year") -> int:
    """
    The four-digit year *value* gives: an integer of any kind that
    `operator.index` accepts, not a bool.

    Raises:
        TypeError: *value* is not an integer (a float, a str, a bool...).
        ValueError: It is not between 1000 and 9999.
    """
    if isinstance(value, bool):
        _refuse(argument, "a year (an integer)", value)
    try:
        year = operator.index(value)  # type: ignore[arg-type] # TypeError if it is no integer
    except TypeError:
        _refuse(argument, "a year (an integer)", value)
    if not 1000 <= year <= 9999:  # four digits
        msg = f"{argument} must be a four-digit year, got {year}"
        raise ValueError(msg)
    return year


def as_real(value: object, argument: str = "value") -> numbers.Real | decimal.Decimal:
    """
    *value* if it is a real number that compares exactly with a float: any
    `numbers.Real` or a `decimal.Decimal`, but not a bool.

    Raises:
        TypeError: *value* is a bool, a complex number, a str or no number.
    """
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return value
    import decimal  # only for what is not a numbers.Real: Decimal is not one

    if not isinstance(value, decimal.Decimal):
        _refuse(argument, "a real number (int, float, Fraction, Decimal or a NumPy number)", value)
    return value
