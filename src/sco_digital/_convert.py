"""
The package's one private cattrs converter: JSON values to records and back.

The converter is strict: unknown keys are errors, nothing is coerced (1 is
not "1", ``true`` is not a number), vocabularies are read by slug only,
dates by their ISO text, collections only from JSON arrays and records only
from plain JSON objects (an object with a repeated key is refused). Output
is stable: fields in declaration order, frozensets sorted, so a file written
twice is the same bytes.

It is configured once, by `_configure`, and used in two modes. `structure`
and `builder` build with cattrs' detailed validation off: the first problem
raises. `problems` builds the same value again with detailed validation on,
to find every problem with its path (``.participants[0].country``); only a
value that the first pass refused pays for that. A record is built by the
generated code (for its fields' types) and then by attrs' ``__init__`` (for
its validators, which stop at the first field they refuse).
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._fields import FieldError
from ._json import RepeatedKeys
from ._keys import quote
from ._registry import COUNTS, VOCABULARIES
from ._vocabulary import suggest, vocabulary_index
from .errors import MAX_PROBLEMS, UnknownKeyError
from .models import (
    Indicator,
    Membership,
    Organization,
    PartialDate,
    Project,
    Vocabulary,
)

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Omitted",
    "builder",
    "json_type",
    "problems",
    "problems_of",
    "structure",
    "unstructure",
]

T = TypeVar("T")

_LISTED = 5
"""At most this many unknown keys are quoted in one message."""

_KEPT = MAX_PROBLEMS
"""At most this many problems of one array or object are described; the rest are counted."""

OMITTED_IF_EMPTY: dict[type, tuple[str, ...]] = {
    Membership: ("reviewed",),
    Organization: ("reviewed",),
    Project: ("reviewed", "organization_roles", "identifiers", "places"),
    Indicator: ("reviewed",),
}
"""
Fields left out of a record's JSON while they hold their default (None or
empty): fields added after 0.1.0, so that records which do not use them keep
their bytes.
"""


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


# -- leaf hooks (cattrs' signature: value, type) ------------------------------------


def _str(value: Any, _: type) -> str:
    if type(value) is not str:
        msg = f"expected a string, got {json_type(value)}"
        raise TypeError(msg)
    return value


def _int(value: Any, _: type) -> int:
    if type(value) is not int:
        msg = f"expected an integer, got {json_type(value)}"
        raise TypeError(msg)
    return value


def _float(value: Any, _: type) -> float:
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


# PartialDate is immutable, so records can share one; see benchmarks/README.md
# ("Optimisations kept"). Failures are not cached (lru_cache caches only results).
_parse_date = functools.lru_cache(maxsize=4096)(PartialDate.parse)


def _date(value: Any, _: type) -> PartialDate:
    return _parse_date(_str(value, str))


def _vocabulary(cls: type[Vocabulary]) -> Callable[[Any, type], Vocabulary]:
    """A hook reading a term of *cls* by its slug, and explaining other spellings."""
    members: dict[str, Vocabulary] = {m.value: m for m in cls}

    def structure(value: Any, _: type) -> Vocabulary:
        try:
            return members[_str(value, str)]
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


# -- collections --------------------------------------------------------------------


def _array(value: Any) -> list[Any]:
    if type(value) is not list:
        msg = f"expected an array, got {json_type(value)}"
        raise TypeError(msg)
    return value


def _no_repeats(items: list[Any], result: frozenset[Any]) -> None:
    if len(result) != len(items):
        seen: set[Any] = set()
        for item in items:
            if item in seen:
                msg = f"{str(item)!r} is repeated"
                raise ValueError(msg)
            seen.add(item)


def _sequence(converter: Converter, kind: Any) -> Callable[[Any, type], Any]:
    """The hook for ``tuple[X, ...]`` or ``frozenset[X]``: JSON arrays only, no repeats in a set."""
    item_type = typing.get_args(kind)[0]
    hook = converter.get_structure_hook(item_type)
    is_set = typing.get_origin(kind) is frozenset
    build: Callable[[Any], Any] = frozenset if is_set else tuple
    if converter.detailed_validation:
        return _explaining_sequence(hook, item_type, build, is_set=is_set)

    def structure(value: Any, _: type) -> Any:
        items = [hook(raw, item_type) for raw in _array(value)]
        result = build(items)
        if is_set:
            _no_repeats(items, result)
        return result

    return structure


class _Uncounted(Exception):  # noqa: N818 - internal carrier, never escapes
    """Problems found and counted, but not described."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


def _explaining_sequence(
    hook: Callable[[Any, Any], Any], item_type: Any, build: Callable[[Any], Any], *, is_set: bool
) -> Callable[[Any, type], Any]:
    def structure(value: Any, cl: type) -> Any:
        items = []
        errors: list[Exception] = []
        uncounted = 0
        for i, raw in enumerate(_array(value)):
            try:
                items.append(hook(raw, item_type))
            except Exception as exc:  # noqa: BLE001 - collected and reported with a path
                if len(errors) == _KEPT:  # enough to show; count the rest
                    uncounted += sum(_problem_count(e) for e in _leaves(exc))
                    release(exc)
                    continue
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"index {i}", i, item_type),
                ]
                errors.append(exc)
        if errors:
            if uncounted:
                errors.append(_Uncounted(uncounted))
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        result = build(items)
        if is_set:
            _no_repeats(items, result)
        return result

    return structure


def _optional(converter: Converter, kind: Any) -> Callable[[Any, type], Any]:
    """The hook for ``X | None``, with X's hook found once."""
    inner = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    hook = converter.get_structure_hook(inner)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


# -- records ------------------------------------------------------------------------


def _record(converter: Converter, cls: type[T]) -> Callable[[Any, type], T]:
    """The hook for an attrs class: from a plain JSON object, every key known."""
    generated = make_dict_structure_fn(cls, converter)
    if converter.detailed_validation:
        return _explaining_record(cls, generated)

    def structure(value: Any, _: type) -> T:
        if type(value) is not dict:  # a RepeatedKeys object is refused too
            msg = f"expected an object, got {json_type(value)}"
            raise TypeError(msg)
        return generated(value, cls)

    return structure


class Omitted(str):
    """
    The message `problems_of` gives in place of *problems* problems it does
    not describe (an array with a million bad items describes the first
    hundred): the loader counts them without listing them.
    """

    __slots__ = ("problems",)
    problems: int

    def __new__(cls, problems: int) -> Self:
        self = super().__new__(cls, f"and {problems:,} more problems")
        self.problems = problems
        return self


class _RecordProblems(Exception):  # noqa: N818 - internal carrier, never escapes
    """Every problem found in one record, as (path, message), in field order."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        super().__init__(items)
        self.items = items


def _explaining_record(
    cls: type[T], generated: Callable[[Any, type], T]
) -> Callable[[Any, type], T]:
    order = {field.name: i for i, field in enumerate(attrs.fields(cast("Any", cls)))}

    def structure(value: Any, _: type) -> T:
        if not isinstance(value, dict):
            msg = f"expected an object, got {json_type(value)}"
            raise TypeError(msg)
        twice = value.repeated if isinstance(value, RepeatedKeys) else ()
        found: list[tuple[str, str]] = [
            ("", f"key {quote(key)} appears more than once in one object") for key in twice[:_KEPT]
        ]
        if len(twice) > _KEPT:
            found.append(("", Omitted(len(twice) - _KEPT)))
        try:
            record = generated(value, cls)
        except ClassValidationError as exc:
            fields = sorted(
                problems_of(exc), key=lambda problem: order.get(_field_of(problem[0]), -1)
            )
            release(exc)
            found += fields
        else:
            if not found:
                return record
        # Outside the except block, so that this exception does not carry
        # that one as its context.
        raise _RecordProblems(found)

    return structure


def _field_of(path: str) -> str:
    """The field a problem's path starts with: ``.participants[0].role`` -> ``participants``."""
    return re.split(r"[.\[]", path[1:], maxsplit=1)[0]


# -- the converter ------------------------------------------------------------------


def _slug(term: Vocabulary) -> str:
    return str(term)


def _unstructure_sorted(value: frozenset[Any]) -> list[Any]:
    return sorted(str(item) for item in value)


def _origin_is(*origins: Any) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return t in origins or typing.get_origin(t) in origins

    return predicate


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) in (typing.Union, type(str | None)) and type(None) in args


def _configure(detailed: bool) -> Converter:  # noqa: FBT001 - the one switch
    """The strict converter, with cattrs' detailed validation *detailed*."""
    converter = Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(float, _float)
    converter.register_structure_hook(PartialDate, _date)
    converter.register_unstructure_hook(PartialDate, str)
    for vocabulary in VOCABULARIES:
        # Per class, so the hooks outrank the str hooks these str enums inherit.
        converter.register_structure_hook(vocabulary, _vocabulary(vocabulary))
        converter.register_unstructure_hook(vocabulary, _slug)
    converter.register_structure_hook_factory(
        _origin_is(tuple, frozenset), lambda t: _sequence(converter, t)
    )
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional(converter, t))
    converter.register_structure_hook_factory(attrs.has, lambda t: _record(converter, t))
    converter.register_structure_hook_func(
        lambda t: t == Mapping[str, int],  # the manifest's counts
        lambda value, _: converter.get_structure_hook(COUNTS)(value, COUNTS),
    )
    converter.register_unstructure_hook_func(_origin_is(frozenset), _unstructure_sorted)
    converter.register_unstructure_hook_factory(
        OMITTED_IF_EMPTY.__contains__, lambda cls: _omitting(converter, cls)
    )
    return converter


def _omitting(converter: Converter, cls: type) -> Callable[[Any], Any]:
    omit: dict[str, Any] = {name: override(omit_if_default=True) for name in OMITTED_IF_EMPTY[cls]}
    return make_dict_unstructure_fn(cls, converter, **omit)


_CONVERTER = _configure(detailed=False)


@functools.cache
def _explaining() -> Converter:
    """The same converter with detailed validation, made when a value is first refused."""
    return _configure(detailed=True)


def builder(cls: type[T]) -> Callable[[Any], T]:
    """A function building a *cls* from a JSON value; it raises on the first problem."""
    hook = _CONVERTER.get_structure_hook(cls)
    return lambda value: hook(value, cls)


def structure(value: Any, cls: type[T]) -> T:
    """
    Build a *cls* from the JSON value *value*, strictly.

    Raises:
        Exception: What `problems_of` explains, with every problem found.
    """
    try:
        return _CONVERTER.structure(value, cls)
    except Exception as exc:  # noqa: BLE001 - explained below, outside this block
        refused = exc
    _explaining().structure(value, cls)  # raises, with every problem
    raise refused  # found by the first pass only: a fault here, never a record


def problems(value: Any, cls: type) -> list[tuple[str, str]]:
    """
    Every problem found building a *cls* from *value*, as ``(path, message)``
    pairs (an `Omitted` message counts problems not described); empty if it builds.
    """
    try:
        _explaining().structure(value, cls)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a located problem
        found = list(problems_of(exc))
        release(exc)
        return found
    return []


def unstructure(record: Any) -> Any:
    """The JSON-shaped form of *record* (or a sequence of records)."""
    return _CONVERTER.unstructure(record)


# -- explaining a failure -----------------------------------------------------------


def problems_of(  # noqa: C901, PLR0912 - one branch per kind of failure
    exc: BaseException, path: str = ""
) -> Iterator[tuple[str, str]]:
    """
    Flatten a structuring failure into ``(path, message)`` pairs, one per
    problem, with paths such as ``.participants[0].country``.
    """
    if isinstance(exc, _RecordProblems):
        for field_path, message in exc.items:
            yield path + field_path, message
    elif isinstance(exc, ClassValidationError):
        for sub, note in _with_notes(exc):
            if isinstance(note, AttributeValidationNote):
                yield from problems_of(sub, f"{path}.{note.name}")
            else:
                yield from problems_of(sub, path)
    elif isinstance(exc, IterableValidationError):
        for sub, note in _with_notes(exc):
            if isinstance(note, IterableValidationNote):
                yield from problems_of(sub, f"{path}[{note.index}]")
            else:
                yield from problems_of(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        extra = sorted(exc.extra_fields, key=str)
        fields = ", ".join(quote(key) for key in extra[:_LISTED])
        if len(extra) > _LISTED:
            fields += f" and {len(extra) - _LISTED:,} more"
        allowed = ", ".join(a.name for a in attrs.fields(exc.cl))
        noun = "key" if len(exc.extra_fields) == 1 else "keys"
        yield path, f"unknown {noun} {fields}; the known keys are: {allowed}"
    elif isinstance(exc, KeyError):
        yield path, "required key is missing"
    elif isinstance(exc, FieldError):
        yield f"{path}.{exc.field}", exc.reason
    elif isinstance(exc, _Uncounted):
        yield path, Omitted(exc.count)
    else:
        yield path, str(exc) or type(exc).__name__


def release(exc: BaseException) -> None:
    """
    Clear the frames that *exc* and the exceptions in its groups hold, so
    that reference counting frees them at once.

    An exception caught and kept in a list (as cattrs and the sequence hooks
    do) refers, through its traceback, to the frame that holds the list: a
    reference cycle, which only the cyclic garbage collector frees. A file
    with a million bad items left a million such cycles: 13.7 GB for a 6 MB
    file. Frames still running are left alone. Contexts are not followed:
    the hooks here raise outside except blocks, so an exception's context is
    never a group with frames of its own.
    """
    stack = [exc]
    while stack:
        item = stack.pop()
        tb = item.__traceback__
        while tb is not None:
            with contextlib.suppress(RuntimeError):  # a frame still running
                tb.tb_frame.clear()
            tb = tb.tb_next
        if isinstance(item, BaseValidationError):
            stack.extend(item.exceptions)


def _leaves(exc: BaseException) -> Iterator[BaseException]:
    """The exceptions in *exc*'s groups, or *exc* itself."""
    if isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            yield from _leaves(sub)
    else:
        yield exc


def _problem_count(exc: BaseException) -> int:
    """How many problems `problems_of` would give for *exc*, a leaf."""
    if isinstance(exc, _RecordProblems):
        return sum(m.problems if isinstance(m, Omitted) else 1 for _, m in exc.items)
    return exc.count if isinstance(exc, _Uncounted) else 1


def _with_notes(
    group: ClassValidationError | IterableValidationError,
) -> Iterator[tuple[BaseException, object]]:
    for sub in group.exceptions:
        notes = getattr(sub, "__notes__", [])
        marker = next(
            (n for n in notes if isinstance(n, (AttributeValidationNote, IterableValidationNote))),
            None,
        )
        yield sub, marker
