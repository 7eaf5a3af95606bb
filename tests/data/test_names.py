"""Country names that must resolve, and names that must not (tests/data/country_names.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from sco_digital._keys import APOSTROPHES

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


@pytest.mark.parametrize(("name", "named"), sorted(NAMES["outside"].items()))
def test_outside_sco(ds: sd.Dataset, name: str, named: str) -> None:
    """A country or territory without an SCO status is named as such, with no suggestion."""
    with pytest.raises(sd.UnknownKeyError) as info:
        ds.country(name)
    note = f"{named} is not an SCO member, observer, dialogue partner or partner"
    assert (note, ()) == (info.value.note, info.value.suggestions)
    assert f"unknown country {name!r}: {note}" == str(info.value)


UN_LANGUAGES = {"ar", "en", "es", "fr", "ru", "zh"}


def test_every_country_has_its_name_in_the_un_languages(ds: sd.Dataset) -> None:
    """Each country carries a CLDR name in each of the six UN languages, and each resolves."""
    for country in ds.countries:
        cldr = {n.language for n in country.localized_names if "unicode-cldr-49" in n.sources}
        assert UN_LANGUAGES <= cldr, country.code
        assert all(country is ds.country(n.name) for n in country.localized_names)


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("UZ", "uz", "Oʻzbekiston"),
        ("UZ", "uz-Cyrl", "Ўзбекистон"),
        ("TJ", "tg", "Тоҷикистон"),
        ("KZ", "kk", "Қазақстан"),
        ("KG", "ky", "Кыргызстан"),
        ("PK", "ur", "پاکستان"),
        ("IR", "fa", "ایران"),
        ("IN", "hi", "भारत"),
        ("AM", "hy", "Հայաստան"),
        ("MN", "mn", "Монгол"),
        ("CN", "zh-Hant", "中國"),
    ],
)
def test_official_language_names(ds: sd.Dataset, code: str, language: str, name: str) -> None:
    """Names in the countries' official languages, in their scripts, come from CLDR."""
    found = {(n.language, n.name): n.sources for n in ds.country(code).localized_names}
    assert ("unicode-cldr-49",) == found[language, name]


def test_no_sco_name_is_another_territorys() -> None:
    """No name of an SCO country is also a name of a territory without SCO status."""
    from sco_digital._world import outside_sco

    ds = sd.load()
    shared = [(c.code, n) for c in ds.countries for n in c.names if outside_sco(n) is not None]
    assert [] == shared


@pytest.mark.parametrize("apostrophe", list(APOSTROPHES))
def test_apostrophes_fold_together(ds: sd.Dataset, apostrophe: str) -> None:
    """Every apostrophe-like letter finds Uzbekistan's name, as U+02BB writes it."""
    assert "UZ" == ds.country(f"O{apostrophe}zbekiston").code
