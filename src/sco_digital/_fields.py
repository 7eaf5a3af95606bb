"""
The attrs validators and converters of the records' fields.

Each validator checks one field and raises a `FieldError` with a one-line
reason. A string field's validator is made from its text rule (`follows`),
and carries that rule, so the JSON Schemas and the strategies read which
rule each field follows from the field itself (`_rules.rule_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from ._keys import quote
from ._rules import Rule, TextRule, text_problem

__all__ = [
    "FieldError",
    "between",
    "each",
    "fail",
    "follows",
    "frozen_set",
    "instance",
    "optional",
    "strings",
    "tuple_of",
]

_T = TypeVar("_T")

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class FieldError(ValueError):
    """
    A field validator's complaint; `field` and `reason` are kept apart so the
    loader can put the field into its path.
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


def fail(field: attrs.Attribute[Any], reason: str) -> FieldError:
    """The error for *field* with *reason*."""
    return FieldError(field.name, reason)


def follows(rule: Rule) -> _Validator:
    """The validator of a string that follows *rule*; it carries the rule (``.rule``)."""
    if isinstance(rule, TextRule):
        max_len = rule.max_length or 0

        def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
            if not isinstance(value, str):
                raise fail(field, f"expected a string, got {type(value).__name__}")
            problem = text_problem(value, max_len)
            if problem is not None:
                raise fail(field, problem)

    else:
        match = rule.regex.match
        longest = rule.max_length or 2**63

        def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
            if not isinstance(value, str):
                raise fail(field, f"expected a string, got {type(value).__name__}")
            if len(value) > longest or not match(value):
                raise fail(field, f"{quote(value)} is not {rule.what}")

    check.rule = rule  # type: ignore[attr-defined]
    return check


def optional(check: _Validator) -> _Validator:
    """*check*, but None passes; the rule *check* carries is kept."""

    def optional(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(inst, field, value)

    optional.rule = getattr(check, "rule", None)  # type: ignore[attr-defined]
    optional.bounds = getattr(check, "bounds", None)  # type: ignore[attr-defined]
    optional.integer = getattr(check, "integer", False)  # type: ignore[attr-defined]
    return optional


def instance(*types: type) -> _Validator:
    """A value of one of *types* (a bool is no int)."""
    names = " or ".join(t.__name__ for t in types)

    def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types) or isinstance(value, bool):
            raise fail(field, f"expected {names}, got {type(value).__name__}")

    return check


def between(low: float, high: float, *, integer: bool = False) -> _Validator:
    """
    A number (an int or a float; only an int if *integer*; never a bool)
    from *low* to *high* inclusive; it carries the bounds (``.bounds``) and
    *integer* (``.integer``) for the JSON Schemas and the strategies.
    """
    types: tuple[type, ...] = (int,) if integer else (int, float)
    what = "an integer" if integer else "a number"

    def check(_inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types) or isinstance(value, bool):
            raise fail(field, f"expected {what}, got {type(value).__name__}")
        if not low <= value <= high:  # type: ignore[operator]  # NaN fails here too
            raise fail(field, f"{value!r} is not between {low:g} and {high:g}")

    check.bounds = (low, high)  # type: ignore[attr-defined]
    check.integer = integer  # type: ignore[attr-defined]
    return check


def each(check: _Validator, *, unique: bool = True) -> _Validator:
    """Every item passes *check*, and (if *unique*) none is repeated; keeps *check*'s rule."""

    def each(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
        # The common case first, with no index and no dict of items seen (it
        # halves the cost); on any problem the loop below finds the first
        # one, in order, and words it.
        try:
            for item in value:
                check(inst, field, item)
        except Exception:  # noqa: BLE001, S110 - reported by the loop below
            pass
        else:
            if not unique or isinstance(value, frozenset) or len(set(value)) == len(value):
                return
        seen: dict[Any, int] = {}
        for i, item in enumerate(value):
            try:
                check(inst, field, item)
            except FieldError as exc:
                raise FieldError(f"{field.name}[{i}]", exc.reason) from None
            if unique and not isinstance(value, frozenset):
                if item in seen:
                    what = quote(item) if isinstance(item, str) else f"{field.name}[{seen[item]}]"
                    raise FieldError(f"{field.name}[{i}]", f"{what} is repeated")
                seen[item] = i

    each.rule = getattr(check, "rule", None)  # type: ignore[attr-defined]
    return each


def tuple_of(value: Iterable[_T]) -> tuple[_T, ...]:
    """*value* as a tuple; a str, bytes or dict is refused (TypeError)."""
    if isinstance(value, (str, bytes, dict)):
        msg = f"expected a sequence of items, got {type(value).__name__}"
        raise TypeError(msg)
    return value if type(value) is tuple else tuple(value)


def strings(value: Iterable[str]) -> tuple[str, ...]:
    """*value*, a collection of strings, as a tuple (`tuple_of`, typed for str)."""
    return tuple_of(value)


def frozen_set(value: Iterable[_T]) -> frozenset[_T]:
    """*value* as a frozenset; a str, bytes or dict is refused (TypeError)."""
    if isinstance(value, (str, bytes, dict)):
        msg = f"expected a collection of items, got {type(value).__name__}"
        raise TypeError(msg)
    return value if type(value) is frozenset else frozenset(value)
