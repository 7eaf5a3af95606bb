"""
The package's one private cattrs converter, and JSON in and out.

The converter is strict: unknown keys are errors, nothing is coerced (1 is
not "1", ``true`` is not a number), vocabularies are read by slug only,
dates by their ISO text, and collections only from JSON arrays. Output is
stable: fields in declaration order, frozensets sorted, so a file written
twice is the same bytes.

Problems are reported as ``(path, message)`` pairs by `problems_of`, which
walks cattrs' exception groups; the loader turns them into `Problem` records.
"""

from __future__ import annotations

import contextlib
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
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

from ._json import RepeatedKeys
from ._structure import (
    date_hook,
    float_hook,
    int_hook,
    json_type,
    str_hook,
    vocabulary_hook,
)
from .errors import MAX_PROBLEMS
from .models import (
    Conflict,
    Country,
    CountryName,
    FieldError,
    Identifier,
    Indicator,
    Interval,
    Membership,
    Organization,
    OrganizationParticipant,
    PartialDate,
    Participant,
    Project,
    Source,
    Vocabulary,
    quote,
)

if TYPE_CHECKING:
    from typing_extensions import Self

T = TypeVar("T")

_LISTED = 5
"""At most this many unknown keys are quoted in one message."""

_KEPT = MAX_PROBLEMS
"""At most this many problems of one array or object are described; the rest are counted."""


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


class _Uncounted(Exception):  # noqa: N818 - internal carrier, never escapes
    """Problems found and counted, but not described."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


RECORD_TYPES: tuple[type, ...] = (
    Source,
    Membership,
    CountryName,
    Country,
    Organization,
    Participant,
    OrganizationParticipant,
    Identifier,
    Project,
    Indicator,
    Conflict,
)

OMITTED_IF_EMPTY: dict[type, tuple[str, ...]] = {
    Membership: ("reviewed",),
    Organization: ("reviewed",),
    Project: ("reviewed", "organization_roles", "identifiers"),
    Indicator: ("reviewed",),
}
"""
Fields left out of a record's JSON while they hold their default (None or
empty): fields added after 0.1.0, so that records which do not use them keep
their bytes.
"""


class _RecordProblems(Exception):  # noqa: N818 - internal carrier, never escapes
    """Every field validator failure of one record, as (path, message)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        super().__init__(items)
        self.items = items


def _sequence(  # noqa: C901 - the collection and the count of failures
    converter: Converter, item_type: Any, build: Callable[[list[Any]], Any]
) -> Callable[[Any, type], Any]:
    hook = converter.get_structure_hook(item_type)
    is_set = build is frozenset

    def structure(value: Any, cl: type) -> Any:
        if type(value) is not list:
            msg = f"expected an array, got {json_type(value)}"
            raise TypeError(msg)
        items = []
        errors: list[Exception] = []
        uncounted = 0
        for i, raw in enumerate(value):
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
        if is_set and len(result) != len(items):
            seen: set[Any] = set()
            for item in items:
                if item in seen:
                    msg = f"{str(item)!r} is repeated"
                    raise ValueError(msg)
                seen.add(item)
        return result

    return structure


def _record_hook(converter: Converter, cls: type[T]) -> Callable[[Any, type], T]:
    generated = make_dict_structure_fn(cls, converter)
    fields = attrs.fields(cast("Any", cls))
    order = {field.name: i for i, field in enumerate(fields)}  # problems in field order

    def structure(value: Any, _: type) -> T:
        if not isinstance(value, dict):
            msg = f"expected an object, got {json_type(value)}"
            raise TypeError(msg)
        twice = value.repeated if isinstance(value, RepeatedKeys) else ()
        repeated: list[tuple[str, str]] = [
            ("", f"key {quote(key)} appears more than once in one object") for key in twice[:_KEPT]
        ]
        if len(twice) > _KEPT:
            repeated.append(("", Omitted(len(twice) - _KEPT)))
        try:
            record = generated(value, cls)
        except ClassValidationError as exc:
            found = [] if _validated(exc) else list(problems_of(exc))
            release(exc)
        else:
            if repeated:
                raise _RecordProblems(repeated)
            return record
        # Outside the except block, so that no exception raised from here on
        # carries that one as its context.
        found += _field_problems(converter, fields, value)
        found.sort(key=lambda problem: order.get(_field_of(problem[0]), -1))
        raise _RecordProblems([*repeated, *found])

    return structure


_UNBUILT: Any = object()
"""A field that could not be built; validators of other fields ignore it."""


def _field_of(path: str) -> str:
    """The field a problem's path starts with: ``.participants[0].role`` -> ``participants``."""
    return re.split(r"[.\[]", path[1:], maxsplit=1)[0]


def _validated(exc: ClassValidationError) -> bool:
    """Whether every field was built and the failure is __init__'s first validator."""
    return len(exc.exceptions) == 1 and isinstance(exc.exceptions[0], FieldError)


def _field_problems(
    converter: Converter, fields: Any, raw: dict[str, Any]
) -> list[tuple[str, str]]:
    """
    Run the validator of every field that can be built. Building the record
    stops at the first validator that fails, or runs none if a field cannot
    be built; this finds the rest.
    """
    values: dict[str, Any] = {}
    for field in fields:
        if field.name in raw:
            try:
                value = converter.structure(raw[field.name], field.type)
                values[field.name] = field.converter(value) if field.converter else value
            except Exception as exc:  # noqa: BLE001 - already reported by the converter
                release(exc)
                values[field.name] = _UNBUILT
        elif field.default is attrs.NOTHING:
            values[field.name] = _UNBUILT  # reported missing
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            values[field.name] = field.default.factory()
        else:
            values[field.name] = field.default
    shim = types.SimpleNamespace(**values)
    problems = []
    for field in fields:
        if field.validator is None or values[field.name] is _UNBUILT:
            continue
        try:
            field.validator(shim, field, values[field.name])
        except FieldError as exc:
            problems.append((f".{exc.field}", exc.reason))
    return problems


def _slug(term: Vocabulary) -> str:
    return str(term)


def _unstructure_sorted(value: frozenset[Any]) -> list[Any]:
    return sorted(str(item) for item in value)


def _origin_is(origin: type) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return t is origin or typing.get_origin(t) is origin

    return predicate


def make_converter() -> Converter:
    """Build the strict converter. Call once; `CONVERTER` holds the result."""
    converter = Converter(forbid_extra_keys=True, detailed_validation=True)
    for cls in (*RECORD_TYPES, PartialDate, Interval):
        attrs.resolve_types(cls)

    converter.register_structure_hook(str, str_hook)
    converter.register_structure_hook(int, int_hook)
    converter.register_structure_hook(float, float_hook)
    converter.register_structure_hook(PartialDate, date_hook)
    converter.register_unstructure_hook(PartialDate, str)
    for vocabulary in Vocabulary.__subclasses__():
        # Per class, so the hooks outrank the str hooks these str enums inherit.
        converter.register_structure_hook(vocabulary, vocabulary_hook(vocabulary))
        converter.register_unstructure_hook(vocabulary, _slug)
    converter.register_structure_hook_factory(
        _origin_is(tuple), lambda t: _sequence(converter, typing.get_args(t)[0], tuple)
    )
    converter.register_structure_hook_factory(
        _origin_is(frozenset),
        lambda t: _sequence(converter, typing.get_args(t)[0], frozenset),
    )
    converter.register_unstructure_hook_func(_origin_is(frozenset), _unstructure_sorted)
    for cls in RECORD_TYPES:
        converter.register_structure_hook(cls, _record_hook(converter, cls))
    for cls, names in OMITTED_IF_EMPTY.items():
        omit: dict[str, Any] = {name: override(omit_if_default=True) for name in names}
        converter.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, converter, **omit))
    return converter


CONVERTER = make_converter()


def structure(value: Any, cls: type[T]) -> T:
    """Build a *cls* from JSON-shaped *value*, strictly."""
    return CONVERTER.structure(value, cls)


def unstructure(record: Any) -> Any:
    """The JSON-shaped form of *record* (or a sequence of records)."""
    return CONVERTER.unstructure(record)


def dumps(value: Any) -> str:
    """The canonical text of JSON-shaped *value*: two-space indent, UTF-8, newline."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


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

    An exception caught and kept in a list (as cattrs and `_sequence` do)
    refers, through its traceback, to the frame that holds the list: a
    reference cycle, which only the cyclic garbage collector frees, and the
    loader pauses it. A file with a million bad items left a million such
    cycles: 13.7 GB for a 6 MB file. Frames still running are left alone.
    Contexts are not followed: the hooks here raise outside except blocks,
    so an exception's context is never a group with frames of its own.
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
