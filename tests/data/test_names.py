"""Country names that must resolve, and names that must not (tests/data/country_names.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd

NAMES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "country_names.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


@pytest.mark.parametrize(("name", "code"), sorted(NAMES["resolve"].items()))
def test_resolves(ds: sd.Dataset, name: str, code: str) -> None:
    """Codes, names in English, Chinese and Russian, and aliases find the country."""
    assert code == ds.country(name).code
    assert ds.by_country(code) == ds.by_country(name)


@pytest.mark.parametrize("name", NAMES["unknown"])
def test_unknown(ds: sd.Dataset, name: str) -> None:
    """Countries outside the dataset raise UnknownKeyError keeping the caller's spelling."""
    with pytest.raises(sd.UnknownKeyError) as info:
        ds.country(name)
    assert ("country", name) == (info.value.kind, info.value.key)
    assert ds.get_country(name) is None
    with pytest.raises(sd.UnknownKeyError):
        ds.by_country(name)


@pytest.mark.parametrize(("name", "suggestions"), sorted(NAMES["suggestions"].items()))
def test_suggestions(ds: sd.Dataset, name: str, suggestions: list[str]) -> None:
    """A near miss suggests the country meant."""
    with pytest.raises(sd.UnknownKeyError) as info:
        ds.country(name)
    assert tuple(suggestions) == info.value.suggestions


def test_every_country_has_names_in_three_languages(ds: sd.Dataset) -> None:
    """All 27 countries carry Chinese and Russian names that resolve back to them."""
    assert 27 == len(ds.countries)
    for country in ds.countries:
        assert country is ds.country(country.name_zh) is ds.country(country.name_ru)
        assert all(country is ds.country(alias) for alias in country.aliases)
