"""
The package's JSON: strict reading of JSON bytes for the loader, and the
one canonical text every JSON file of the package is written in.

`dumps` gives that text: two-space indent, non-ASCII characters as
themselves (not escaped), keys in the order given, one trailing newline.

`parse` refuses what cannot be read at all: a byte-order mark, bytes that
are not UTF-8, text that is not JSON, nesting too deep to parse. What can
be read but is not allowed is kept in place as a stand-in, so that the
converter refuses it together with every other problem, naming its record
and field: NaN, Infinity and numbers beyond any float become `NotFinite`,
and an object that repeats a key becomes a `RepeatedKeys`.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # typing_extensions costs 1.6 ms to import; Self is only an annotation
    from typing_extensions import Self

__all__ = ["JSONReadError", "NotFinite", "RepeatedKeys", "dumps", "parse"]

_FLOAT_DIGITS = 309
"""Integers with more digits than this are beyond the largest float (1.8e308)."""


class JSONReadError(ValueError):
    """The bytes cannot be read as JSON; the message says why and where."""


class NotFinite(float):
    """
    NaN, Infinity, -Infinity or a number too large for a float (1e999), as
    written in the file: a float that is not finite, whose repr is the text.
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str, value: float) -> Self:
        self = super().__new__(cls, value)
        self.text = text
        return self

    def __repr__(self) -> str:
        return self.text


class RepeatedKeys(dict[str, Any]):
    """An object in which `repeated` keys appear more than once (the last value is kept)."""

    __slots__ = ("repeated",)
    repeated: tuple[str, ...]


def dumps(value: Any) -> str:
    """
    The canonical text of the JSON-shaped *value*: two-space indent, UTF-8
    characters as themselves, keys in the order given, a trailing newline.
    Every JSON file of the package (data, manifest, schemas, datapackage)
    is written in it.

    Raises:
        ValueError: *value* holds NaN or an infinity, which JSON lacks.
        TypeError: *value* holds something that is not JSON-shaped.
    """
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def parse(data: bytes) -> Any:
    """
    The JSON value in *data*.

    Raises:
        JSONReadError: *data* is not UTF-8 JSON without a byte-order mark, or
            is nested too deeply.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        msg = "starts with a UTF-8 byte-order mark; save it as UTF-8 without one"
        raise JSONReadError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1]
        msg = f"is not valid UTF-8: byte {byte!r} at offset {exc.start} (line {line})"
        raise JSONReadError(msg) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_constant,
            parse_float=_number,
            parse_int=_integer,
        )
    except json.JSONDecodeError as exc:
        msg = f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise JSONReadError(msg) from None
    except RecursionError:
        msg = "is not valid JSON for this package: nested too deeply"
        raise JSONReadError(msg) from None


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    twice: dict[str, None] = {}
    for key, _ in pairs:
        if key in seen:
            twice[key] = None
        seen.add(key)
    repeated = RepeatedKeys(obj)
    repeated.repeated = tuple(twice)
    return repeated


def _constant(name: str) -> float:
    return NotFinite(name, float(name))


def _number(text: str) -> float:
    value = float(text)
    return value if math.isfinite(value) else NotFinite(text, value)


def _integer(text: str) -> int | float:
    digits = len(text.lstrip("-"))
    if digits > _FLOAT_DIGITS:  # too large for any float, and perhaps for int()
        sign = -1.0 if text.startswith("-") else 1.0
        return NotFinite(f"{text[:20]}... ({digits:,} digits)", sign * math.inf)
    return int(text)
