"""
CITATION.cff is valid CFF 1.2.0 and agrees with `sco_digital.cite()`.

cff-1.2.0.schema.json is the Citation File Format's own JSON Schema for
version 1.2.0 (CC-BY-4.0, the citation-file-format project), kept here so
that the check runs offline.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import sco_digital as sd
from sco_digital import _about, _cite

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((Path(__file__).parent / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))


def citation() -> dict[str, Any]:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    # Dates are quoted in the file, so YAML keeps them as strings, as the schema wants.
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def validate(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    validator.validate(data)


def test_citation_is_valid_cff() -> None:
    data = citation()
    validate(data)
    assert "1.2.0" == data["cff-version"]
    assert "dataset" == data["type"]


def test_the_schema_rejects_a_broken_citation() -> None:
    """The check can fail: a citation without authors, or with a bad date, is invalid."""
    data = citation()
    del data["authors"]
    with pytest.raises(jsonschema.ValidationError, match="'authors' is a required property"):
        validate(data)
    data = citation()
    data["date-released"] = "26 November 2026"
    with pytest.raises(jsonschema.ValidationError, match="26 November 2026"):
        validate(data)


def test_citation_names_the_bundled_data_version() -> None:
    data = citation()
    assert sd.DATA_VERSION == data["version"]
    year, month, day = (int(part) for part in sd.DATA_VERSION.split(".")[:3])
    assert dt.date(year, month, day).isoformat() == data["date-released"]


def test_citation_agrees_with_cite() -> None:
    """Title, authors, licence and version are the ones `sd.cite()` prints."""
    data = citation()
    plain, bibtex = sd.cite(), sd.cite(bibtex=True)
    assert _cite.TITLE == data["title"]
    assert [{"name": _about.AUTHORS}] == data["authors"]
    assert _about.LICENSE == data["license"]
    for text in (plain, bibtex):
        assert data["title"] in text
        assert data["version"] in text
        assert data["license"] in text
        assert _about.AUTHORS in text


def test_reference_is_the_seed_article() -> None:
    (seed,) = citation()["references"]
    source = sd.load().source("pd-seed-2025-08-29")
    assert source.title == seed["title"]
    assert source.url == seed["url"]
    assert str(source.published) == seed["date-published"]
