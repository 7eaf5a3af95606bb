"""
JSON Schemas (draft 2020-12) of the data files, generated from the records
and vocabularies of `sco_digital.models`.

The package ships them as ``sco_digital/schemas/<file>.schema.json``, read
with ``importlib.resources.files("sco_digital") / "schemas"``. To write them
again after a change to the records or vocabularies::

    python -m sco_digital._schemas

A test checks that the shipped files equal what this module generates, and
that the schemas and the loader agree on what is valid.

What a schema checks: the keys (required, optional, unknown), the JSON type
of every value, the text rules of every string (slugs, codes, dates that
exist, lengths, no control characters), vocabulary terms by slug, arrays
without repeats, numbers that are finite and not negative where the unit
cannot be, and ``period_end`` only with ``period``. What only the loader
checks, because JSON Schema cannot express it, is listed in ``RULES_BEYOND``.
"""

from __future__ import annotations

import json
import re
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from . import models
from ._registry import FILES
from .models import (
    Conflict,
    Country,
    CountryName,
    Identifier,
    Indicator,
    Membership,
    Organization,
    OrganizationParticipant,
    PartialDate,
    Participant,
    Project,
    Source,
    Unit,
    Vocabulary,
)

__all__ = ["RULES_BEYOND", "generate"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

RULES_BEYOND = (
    (
        "Ids are unique within their file, and projects, organisations and indicators"
        " share one space of ids."
    ),
    (
        "Every reference resolves: source ids, country codes, organisation and project ids,"
        " parent projects, indicator subjects and conflict records; an organisation's role"
        " in a project names one of the project's organizations."
    ),
    "An identifier from another dataset is on one project only.",
    "No two organisations share a name or an alias, ignoring case.",
    "Every source is cited by at least one record.",
    "No project is its own ancestor through parent links.",
    (
        "A country's memberships are in time order and do not overlap, and no two countries"
        " share a name, an alias or an alpha-3 code."
    ),
    (
        "A membership's until is after its since; a project's ended is not before its started;"
        " an indicator's period_end is after its period."
    ),
    (
        "No object repeats a key (a JSON parser keeps only one of the values, so a schema"
        " validator never sees the repeat)."
    ),
    (
        "Numbers are written as JSON allows, without NaN or Infinity (which some parsers"
        " accept, and which no bound of a schema refuses)."
    ),
    (
        "The manifest's counts are written without a fraction or exponent (4, not 4.0, which"
        " JSON Schema counts as an integer) and equal the number of records in each file."
    ),
)
"""The rules the loader checks that the schemas cannot express."""

# -- strings ------------------------------------------------------------------------

# Patterns end with "$(?!\n)": in Python's re, which the jsonschema package
# uses, "$" also matches before a final newline; the lookahead refuses that.
_END = r"$(?!\n)"


def _ranges(chars: list[str]) -> str:
    """A regular-expression class body matching exactly *chars*, as ranges of code points."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(
            f"\\u{start:04x}" if start == previous else f"\\u{start:04x}-\\u{previous:04x}"
        )
        start = previous = code
    return "".join(parts)


_BMP = [chr(i) for i in range(0x10000)]
_SPACE = [c for c in _BMP if c.isspace()]  # what str.strip() removes
_CONTROL = [c for c in _BMP if models._control().match(c)]  # noqa: SLF001 - the same rule
_NOT_EDGE = _ranges(sorted(set(_SPACE) | set(_CONTROL)))
_NOT_INSIDE = _ranges(_CONTROL)
_JOINING = "".join(
    f"\\u{ord(low):04x}-\\u{ord(high):04x}"
    for low, high in models._JOINING_SCRIPTS  # noqa: SLF001 - the same rule
)
# Inside a text, a zero-width (non-)joiner between two letters of a script that
# spells with them (models.text_problem), or any character but the controls.
_INSIDE = f"(?:[^{_NOT_INSIDE}]|(?<=[{_JOINING}])[\\u200c\\u200d](?=[{_JOINING}]))"
_TEXT = f"^[^{_NOT_EDGE}](?:{_INSIDE}*[^{_NOT_EDGE}])?{_END}"

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_DOT = r"\."
_YEAR = "[1-9][0-9]{3}"
_MONTH = "(?:0[1-9]|1[0-2])"
_LEAP = "(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"


def _day(sep: str) -> str:
    """A day that exists, from 1000-01-01 to 9999-12-31, with *sep* between the parts."""
    return (
        f"(?:{_YEAR}{sep}(?:(?:0[13578]|1[02]){sep}(?:0[1-9]|[12][0-9]|3[01])"
        f"|(?:0[469]|11){sep}(?:0[1-9]|[12][0-9]|30)"
        f"|02{sep}(?:0[1-9]|1[0-9]|2[0-8]))"
        f"|{_LEAP}{sep}02{sep}29)"
    )


def _string(pattern: str, description: str, max_length: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "description": description}
    if max_length is not None:
        schema["maxLength"] = max_length
    schema["pattern"] = pattern
    return schema


def _strings() -> dict[str, dict[str, Any]]:
    url = f"[^{_NOT_EDGE}"
    return {
        "slug": _string(
            f"^{_SLUG}{_END}",
            "A slug: lowercase letters and digits, joined by single hyphens.",
            100,
        ),
        "alpha2": _string(f"^[A-Z]{{2}}{_END}", "An ISO 3166-1 alpha-2 code, such as UZ."),
        "alpha3": _string(f"^[A-Z]{{3}}{_END}", "An ISO 3166-1 alpha-3 code, such as UZB."),
        "name": _string(
            _TEXT,
            "A name: no whitespace at either end, no control characters.",
            models.MAX_NAME,
        ),
        "text": _string(
            _TEXT, "A text: no whitespace at either end, no control characters.", models.MAX_TEXT
        ),
        "url": _string(
            f"^https?://{url}/]+{url}]*{_END}",
            "An http(s) URL without whitespace or control characters.",
            models.MAX_URL,
        ),
        "language": _string(
            f"^[a-z]{{2,3}}(?:-[A-Z][a-z]{{3}})?(?:-[A-Z]{{2}})?{_END}",
            "A BCP 47 language tag, such as en, zh-Hant or pt-BR.",
        ),
        "metric": _string(
            f"^[a-z0-9]+(?:_[a-z0-9]+)*{_END}",
            "A snake_case metric name, such as people_trained.",
            100,
        ),
        "subject": _string(
            f"^(?:SCO|[A-Z]{{2}}|{_SLUG}){_END}",
            "A project, organisation or indicator id, a country code, or SCO.",
            100,
        ),
        "data_version": _string(
            f"^{_day(_DOT)}(?:{_DOT}[0-9]+)?{_END}",
            "CalVer: the release date, YYYY.MM.DD, with an optional .N.",
        ),
        "date": _string(
            f"^(?:{_YEAR}|{_YEAR}-{_MONTH}|{_day('-')}){_END}",
            "A date known to the year, month or day (2025, 2025-03, 2025-03-14) that exists.",
        ),
    }


# The text rule of each string field (of each item, for tuples of strings).
_STRING_KINDS: dict[type, dict[str, str]] = {
    Source: {
        "id": "slug",
        "title": "text",
        "publisher": "name",
        "reprint_of": "name",
        "url": "url",
        "language": "language",
        "archived_url": "url",
        "note": "text",
    },
    Membership: {"sources": "slug", "note": "text", "reviewed": "data_version"},
    CountryName: {"language": "language", "name": "name", "sources": "slug"},
    Country: {
        "code": "alpha2",
        "alpha3": "alpha3",
        "name": "name",
        "name_zh": "name",
        "name_ru": "name",
        "aliases": "name",
    },
    Organization: {
        "id": "slug",
        "name": "name",
        "country": "alpha2",
        "aliases": "name",
        "sources": "slug",
        "note": "text",
        "reviewed": "data_version",
    },
    Participant: {"country": "alpha2"},
    OrganizationParticipant: {"organization": "slug"},
    Identifier: {"id": "name"},
    Project: {
        "id": "slug",
        "name": "name",
        "aliases": "name",
        "summary": "text",
        "organizations": "slug",
        "location": "name",
        "parent": "slug",
        "sources": "slug",
        "note": "text",
        "reviewed": "data_version",
    },
    Indicator: {
        "id": "slug",
        "subject": "subject",
        "metric": "metric",
        "label": "name",
        "sources": "slug",
        "note": "text",
        "reviewed": "data_version",
    },
    Conflict: {
        "id": "slug",
        "topic": "name",
        "summary": "text",
        "records": "subject",
        "sources": "slug",
    },
}

# Arrays that must not be empty (a rule of the dataset, which a schema can
# check record by record) and arrays whose items may repeat.
_NON_EMPTY = {"sources", "records"}
_REPEATABLE = {(Country, "memberships")}

# -- records ---------------------------------------------------------------------------


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _value_schema(  # noqa: PLR0911 - one answer per kind of type
    owner: type, name: str, tp: Any, defs: dict[str, Any]
) -> dict[str, Any]:
    """The schema of one value of type *tp*, adding what it refers to into *defs*."""
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    if type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return {"anyOf": [_value_schema(owner, name, inner, defs), {"type": "null"}]}
    if origin in (tuple, frozenset):
        schema: dict[str, Any] = {
            "type": "array",
            "items": _value_schema(owner, name, args[0], defs),
        }
        if name in _NON_EMPTY:
            schema["minItems"] = 1
        if (owner, name) not in _REPEATABLE:
            schema["uniqueItems"] = True
        return schema
    if tp is str:
        return _text_rule(owner, name, defs)
    if tp is PartialDate:
        defs["date"] = _strings()["date"]
        return _ref("date")
    if tp is float:
        return {
            "type": "number",
            "minimum": -sys.float_info.max,
            "maximum": sys.float_info.max,
        }
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        defs[tp.__name__] = {
            "type": "string",
            "description": _plain(_summary(tp)),
            "enum": [term.value for term in tp],
        }
        return _ref(tp.__name__)
    if attrs.has(tp):
        defs[tp.__name__] = _record_schema(tp, defs)
        return _ref(tp.__name__)
    msg = f"no JSON Schema for {owner.__name__}.{name}: {tp!r}"
    raise TypeError(msg)


def _text_rule(owner: type, name: str, defs: dict[str, Any]) -> dict[str, Any]:
    kind = _STRING_KINDS.get(owner, {}).get(name)
    if kind is None:
        msg = f"no text rule for {owner.__name__}.{name}: add one to _STRING_KINDS"
        raise TypeError(msg)
    defs[kind] = _strings()[kind]
    return _ref(kind)


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    described = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        schema = _value_schema(cls, field.name, field.type, defs)
        if field.name in described:
            schema = {"description": _plain(described[field.name]), **schema}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema = {
        "type": "object",
        "title": cls.__name__,
        "description": _plain(_summary(cls)),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls is Indicator:
        schema["allOf"] = _indicator_rules()
    return schema


def _indicator_rules() -> list[dict[str, Any]]:
    never_negative = [unit.value for unit in Unit if not unit.can_be_negative]
    return [
        {
            "description": "Only percentages may be negative.",
            "if": {"properties": {"unit": {"enum": never_negative}}, "required": ["unit"]},
            "then": {"properties": {"value": {"minimum": 0}}},
        },
        {
            "description": "A period_end needs a period.",
            "if": {"properties": {"period_end": {"type": "string"}}, "required": ["period_end"]},
            "then": {"properties": {"period": {"type": "string"}}, "required": ["period"]},
        },
    ]


def _summary(obj: type) -> str:
    doc = (obj.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def _plain(text: str) -> str:
    """A docstring's words for JSON readers: no reST quotes, null for None."""
    return re.sub(r"\bNone\b", "null", text.replace("``", "").replace("`", ""))


def _attribute_docs(cls: type) -> dict[str, str]:
    """The descriptions of the attributes in *cls*'s docstring (Google style)."""
    doc = (cls.__doc__ or "").split("Attributes:", 1)
    found: dict[str, list[str]] = {}
    if len(doc) == 2:
        current: list[str] = []
        for line in doc[1].splitlines():
            match = re.match(r"\s{8}(\w+): (.*)", line)
            if match:
                current = found[match[1]] = [match[2]]
            elif line.startswith(" " * 12) and current:
                current.append(line.strip())
            elif line.strip():
                current = []
    return {name: " ".join(words) for name, words in found.items()}


# -- files -----------------------------------------------------------------------------


def _file_schema(name: str, body: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": name,
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def _records_file(cls: type, name: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    item = _value_schema(cls, "", cls, defs)
    body = {
        "description": f"The {name.removesuffix('.json')} of the dataset: an array of"
        f" {cls.__name__} records, sorted by id.",
        "type": "array",
        "items": item,
    }
    return _file_schema(name, body, defs)


def _manifest() -> dict[str, Any]:
    strings = _strings()
    counts = sorted(name.removesuffix(".json") for name in FILES.values())
    body = {
        "description": "The dataset's name, title, data version, licence and record counts.",
        "type": "object",
        "properties": {
            "name": _ref("name"),
            "title": _ref("name"),
            "data_version": strings["data_version"],
            "license": _ref("name"),
            "counts": {
                "type": "object",
                "description": "The number of records in each file.",
                "properties": {key: {"type": "integer", "minimum": 0} for key in counts},
                "required": counts,
                "additionalProperties": False,
            },
        },
        "required": ["name", "title", "data_version", "license", "counts"],
        "additionalProperties": False,
    }
    return _file_schema("manifest.json", body, {"name": strings["name"]})


def generate() -> dict[str, dict[str, Any]]:
    """Every schema, by file name (``projects.schema.json``)."""
    schemas = {
        name.replace(".json", ".schema.json"): _records_file(cls, name)
        for cls, name in FILES.items()
    }
    schemas["manifest.schema.json"] = _manifest()
    return schemas


def dumps(schema: dict[str, Any]) -> str:
    """The text of a schema file: two-space indented, one trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _write(directory: Path) -> Iterator[Path]:
    directory.mkdir(exist_ok=True)
    for name, schema in generate().items():
        path = directory / name
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        yield path


if __name__ == "__main__":
    for written in _write(Path(__file__).parent / "schemas"):
        print(written)  # noqa: T201 - a script's report
