"""
Building records from JSON values, fast, without cattrs.

The loader builds every record through `record_hook`: plain functions,
made once per record type from its attrs fields, that check each JSON value
with the same leaf hooks as the cattrs converter (`str_hook`, `float_hook`,
`date_hook`, `vocabulary_hook`...) and then call the class, whose field
validators do the rest. They accept exactly what the converter accepts and
build equal records; they only give up sooner: on the first value they
refuse they raise, and the loader asks the converter in `_serialize` to
build the record again and explain every problem with its path. Only
invalid data pays for cattrs (about 10 ms to import and set up, and several
times slower per record, for the exception groups it builds as it goes).
"""

from __future__ import annotations

import functools
import math
import sys
import types
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

from .errors import UnknownKeyError
from .models import PartialDate, Vocabulary, quote, suggest, vocabulary_index

__all__ = [
    "date_hook",
    "float_hook",
    "int_hook",
    "json_type",
    "record_hook",
    "str_hook",
    "vocabulary_hook",
]

T = TypeVar("T")


def json_type(value: object) -> str:  # noqa: PLR0911 - one answer per JSON type
    """The JSON name of *value*'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # NaN, Infinity or 1e999 as written (see _json.NotFinite)
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- leaf hooks, shared with the cattrs converter (cattrs' signature: value, type) --


def str_hook(value: Any, _: type) -> str:
    """*value* if it is a string."""
    if type(value) is not str:
        msg = f"expected a string, got {json_type(value)}"
        raise TypeError(msg)
    return value


def int_hook(value: Any, _: type) -> int:
    """*value* if it is an integer (not a boolean)."""
    if type(value) is not int:
        msg = f"expected an integer, got {json_type(value)}"
        raise TypeError(msg)
    return value


def float_hook(value: Any, _: type) -> float:
    """*value* as a float if it is a finite number (not a boolean)."""
    # isinstance: NaN, Infinity and 1e999 are read as float subclasses that
    # keep the text as written (_json.NotFinite), to be refused here, in place.
    if isinstance(value, float):
        if not math.isfinite(value):
            msg = f"{value!r} is not a finite number within ±1.8e308"
            raise ValueError(msg)
        return float(value)
    if type(value) is int:
        if abs(value) > sys.float_info.max:
            digits = str(abs(value))
            msg = (
                f"{digits[:20]}... ({len(digits):,} digits) is not a finite number within ±1.8e308"
            )
            raise ValueError(msg)
        return float(value)
    msg = f"expected a number, got {json_type(value)}"
    raise TypeError(msg)


# A few hundred distinct dates recur across thousands of records; parsing
# and validating one costs 2.7 µs, a cache hit 0.1 µs. PartialDate is
# immutable, so records can share one. Failures are not cached (lru_cache
# caches only returned values).
_parse_date = functools.lru_cache(maxsize=4096)(PartialDate.parse)


def date_hook(value: Any, _: type) -> PartialDate:
    """The `PartialDate` that the ISO string *value* spells."""
    return _parse_date(str_hook(value, str))


def vocabulary_hook(cls: type[Vocabulary]) -> Callable[[Any, type], Vocabulary]:
    """A hook reading a term of *cls* by its slug, and explaining other spellings."""
    members: dict[str, Vocabulary] = {m.value: m for m in cls}

    def structure(value: Any, _: type) -> Vocabulary:
        try:
            return members[str_hook(value, str)]
        except KeyError:
            pass
        try:
            slug = cls.lookup(value).value
        except UnknownKeyError as exc:
            msg = f"{quote(value)} is not a known {exc.kind}"
            hint = suggest(value, vocabulary_index(cls), lambda term: term.value)
            if hint:
                msg += f"; did you mean {' or '.join(map(repr, hint))}?"
            raise ValueError(msg) from None
        msg = f"{quote(value)} is a name, not a slug; write {slug!r}"
        raise ValueError(msg)

    return structure


# -- whole records ----------------------------------------------------------------


class Refused(Exception):  # noqa: N818 - a signal to take the detailed path
    """A value the fast path does not build; the converter explains why."""


Hook = Callable[[Any], Any]


@functools.cache
def record_hook(cls: type[T]) -> Callable[[Any], T]:
    """
    A function that builds a *cls* from a JSON object, or raises.

    It refuses what the converter refuses: anything but a plain dict (a
    dict with repeated keys is a `_json.RepeatedKeys`), unknown or missing
    keys, and any value a leaf hook or a field validator refuses. It raises
    on the first problem, whatever the exception; the caller then asks the
    converter for the whole list.
    """
    attrs.resolve_types(cast("Any", cls))
    fields = attrs.fields(cast("Any", cls))
    known = {field.name for field in fields}
    required = {field.name for field in fields if field.default is attrs.NOTHING}
    # Text is passed to the class as it is: every text field's validator
    # refuses anything but a string (tests/unit/test_fast_paths.py checks
    # that), so a str_hook call for each of them, more than half of all the
    # fields, would only repeat the check.
    hooks = tuple(
        (field.name, _value_hook(field.type)) for field in fields if field.type not in _TEXT
    )

    def structure(value: Any) -> T:
        if type(value) is not dict or not required <= value.keys() <= known:
            raise Refused
        values = value.copy()
        for key, hook in hooks:
            if key in values:
                values[key] = hook(values[key])
        return cls(**values)

    return structure


_TEXT = (str, str | None)
"""Field types whose JSON value goes to the class unchanged."""


def _value_hook(kind: Any) -> Hook:  # noqa: C901, PLR0911 - one hook per kind of field
    """A one-argument hook for a field of type *kind*."""
    args: tuple[Any, ...] = getattr(kind, "__args__", ())
    if isinstance(kind, types.UnionType) and len(args) == 2 and type(None) in args:
        hook = _value_hook(args[0] if args[1] is type(None) else args[1])
        return lambda value: None if value is None else hook(value)
    origin = getattr(kind, "__origin__", None)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:  # the items go to the validator as they are (see _TEXT)
            return _sequence(None, tuple)
        return _sequence(_value_hook(args[0]), tuple)
    if origin is frozenset:
        return _sequence(_value_hook(args[0]), frozenset)
    if kind is str:
        return lambda value: str_hook(value, str)
    if kind is int:
        return lambda value: int_hook(value, int)
    if kind is float:
        return lambda value: float_hook(value, float)
    if kind is PartialDate:
        return lambda value: date_hook(value, PartialDate)
    if isinstance(kind, type) and issubclass(kind, Vocabulary):
        term = vocabulary_hook(kind)
        return lambda value: term(value, kind)
    if attrs.has(kind):
        return record_hook(kind)
    msg = f"no hook for fields of type {kind!r}"  # a new kind of field needs one here
    raise TypeError(msg)


def _sequence(item: Hook | None, build: type[tuple[Any, ...] | frozenset[Any]]) -> Hook:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise Refused
        result = build(value if item is None else map(item, value))
        if len(result) != len(value):  # a repeated item in a set
            raise Refused
        return result

    return structure
