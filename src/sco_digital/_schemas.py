"""
JSON Schemas (draft 2020-12) of the data files, generated from the records
and vocabularies of `sco_digital.models`, the text rules of
`sco_digital._rules` and the field descriptions of `field_docs`.

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

import re
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ._json import dumps
from ._records import field_docs
from ._registry import FILES
from ._rules import DATA_VERSION, DATE, NAME, Rule, rule_of
from .models import (
    Country,
    Indicator,
    PartialDate,
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
    (
        "Names, texts and URLs hold none of the invisible format characters beyond U+FFFF"
        " (U+110BD, the tags U+E0001 to U+E007F...): a pattern that both ECMA-262 and Python's"
        " re read cannot name a character beyond U+FFFF."
    ),
)
"""The rules the loader checks that the schemas cannot express."""

# -- strings ------------------------------------------------------------------------


def _string(rule: Rule) -> dict[str, Any]:
    """The definition of the strings that follow *rule*."""
    schema: dict[str, Any] = {"type": "string", "description": rule.description}
    if rule.max_length is not None:
        schema["maxLength"] = rule.max_length
    schema["pattern"] = rule.pattern
    return schema


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
        defs[DATE.name] = _string(DATE)
        return _ref(DATE.name)
    if tp in (int, float):
        return _number(owner, name, tp)
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


def _number(owner: type, name: str, tp: type) -> dict[str, Any]:
    """A number field's schema, bounded as its validator (`_fields.between`) says."""
    validator = attrs.fields_dict(owner)[name].validator
    low, high = getattr(validator, "bounds", None) or (-sys.float_info.max, sys.float_info.max)
    integer = tp is int or getattr(validator, "integer", False)
    return {"type": "integer" if integer else "number", "minimum": low, "maximum": high}


def _text_rule(owner: type, name: str, defs: dict[str, Any]) -> dict[str, Any]:
    rule = rule_of(attrs.fields_dict(owner)[name])
    if rule is None:
        msg = f"no text rule for {owner.__name__}.{name}: make its validator with follows()"
        raise TypeError(msg)
    defs[rule.name] = _string(rule)
    return _ref(rule.name)


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    described = field_docs(cls)
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
    counts = sorted(name.removesuffix(".json") for name in FILES.values())
    body = {
        "description": "The dataset's name, title, data version, licence and record counts.",
        "type": "object",
        "properties": {
            "name": _ref("name"),
            "title": _ref("name"),
            "data_version": _string(DATA_VERSION),
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
    return _file_schema("manifest.json", body, {NAME.name: _string(NAME)})


def generate() -> dict[str, dict[str, Any]]:
    """Every schema, by file name (``projects.schema.json``)."""
    schemas = {
        name.replace(".json", ".schema.json"): _records_file(cls, name)
        for cls, name in FILES.items()
    }
    schemas["manifest.schema.json"] = _manifest()
    return schemas


def _write(directory: Path) -> Iterator[Path]:
    directory.mkdir(exist_ok=True)
    for name, schema in generate().items():
        path = directory / name
        path.write_text(dumps(schema), encoding="utf-8", newline="\n")
        yield path


if __name__ == "__main__":
    for written in _write(Path(__file__).parent / "schemas"):
        print(written)  # noqa: T201 - a script's report
