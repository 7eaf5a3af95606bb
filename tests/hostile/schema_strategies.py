"""
Hypothesis strategies for the values a JSON Schema allows, for the keywords
the package's schemas use.

hypothesis-jsonschema would do this, but its last release (0.23.1) fails on
current Hypothesis for any object schema (``'many' object has no attribute
'more'``). This covers only the keywords our schemas use, refuses any other
(so a schema that starts using one fails here, loudly), and every value it
draws is checked against the schema with the jsonschema package.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator

_ANNOTATIONS = {"$schema", "$defs", "title", "description"}


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against *schema* (a whole file's schema, with its $defs)."""
    validator = Draft202012Validator(schema)
    return _strategy(schema, schema).filter(validator.is_valid)


def _strategy(  # noqa: C901, PLR0911 - one branch per keyword
    schema: dict[str, Any], root: dict[str, Any]
) -> st.SearchStrategy[Any]:
    keywords = set(schema) - _ANNOTATIONS
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return _strategy(root["$defs"][name], root)
    if "anyOf" in schema:
        return st.one_of([_strategy(option, root) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "string":
        _only(keywords, {"type", "pattern", "maxLength"})
        text = st.from_regex(schema["pattern"], fullmatch=True)
        limit = schema.get("maxLength")
        return text if limit is None else text.filter(lambda s: len(s) <= limit)
    if kind == "number":
        _only(keywords, {"type", "minimum", "maximum"})
        low, high = schema["minimum"], schema["maximum"]
        return st.floats(low, high) | st.integers(-(10**12), 10**12)
    if kind == "integer":
        _only(keywords, {"type", "minimum", "maximum"})
        return st.integers(min_value=schema["minimum"], max_value=schema.get("maximum"))
    if kind == "array":
        _only(keywords, {"type", "items", "minItems", "uniqueItems"})
        unique = schema.get("uniqueItems", False)
        return st.lists(
            _strategy(schema["items"], root),
            min_size=schema.get("minItems", 0),
            max_size=4,
            unique_by=(lambda item: json.dumps(item, sort_keys=True)) if unique else None,
        )
    if kind == "object":
        # allOf (if/then rules) is left to the final check in from_schema.
        _only(keywords, {"type", "properties", "required", "additionalProperties", "allOf"})
        if schema.get("additionalProperties", True) is not False:
            msg = "only objects without additional properties are supported"
            raise NotImplementedError(msg)
        properties = {key: _strategy(value, root) for key, value in schema["properties"].items()}
        required = set(schema["required"])
        return st.fixed_dictionaries(
            {key: value for key, value in properties.items() if key in required},
            optional={key: value for key, value in properties.items() if key not in required},
        )
    msg = f"unsupported schema: {schema!r}"
    raise NotImplementedError(msg)


def _only(keywords: set[str], supported: set[str]) -> None:
    if not keywords <= supported:
        msg = f"unsupported keywords: {sorted(keywords - supported)}"
        raise NotImplementedError(msg)
