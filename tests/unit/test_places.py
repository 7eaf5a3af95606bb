"""Places: the record, the cross-record rules, the queries and the GeoJSON export."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import attrs
import geojson
import pytest

import sco_digital as sd
from sco_digital._bounds import BOUNDS
from sco_digital._place import EARTH_RADIUS_KM, distance_km
from sco_digital.export import write_geojson


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


def _place(**changes: object) -> sd.Place:
    fields: dict[str, object] = {
        "id": "tashkent",
        "name": "Tashkent",
        "country": "UZ",
        "latitude": 41.26465,
        "longitude": 69.21627,
        "geonames_id": 1512569,
        "admin1": "UZ.13",
        "precision": sd.Precision.CITY,
        "sources": ("geonames-gazetteer",),
    }
    fields.update(changes)
    return sd.Place(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def collection(ds: sd.Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The bundled dataset as written by write_geojson, read back."""
    path = write_geojson(ds, tmp_path_factory.mktemp("geo") / "projects.geojson")
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


class TestRecord:
    def test_coordinates_in_geojson_order(self) -> None:
        """Coordinates gives (longitude, latitude), as RFC 7946 writes a position."""
        assert (69.21627, 41.26465) == _place().coordinates

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("latitude", 90.5, "latitude: 90.5 is not between -90 and 90"),
            ("latitude", -91, "latitude: -91 is not between -90 and 90"),
            ("longitude", 180.01, "longitude: 180.01 is not between -180 and 180"),
            ("longitude", math.nan, "longitude: nan is not between -180 and 180"),
            ("latitude", True, "latitude: expected a number, got bool"),
            ("latitude", "41.2", "latitude: expected a number, got str"),
            ("geonames_id", 0, "geonames_id: 0 is not between 1 and 2.14748e+09"),
            ("geonames_id", 1512569.0, "geonames_id: expected an integer, got float"),
            (
                "admin1",
                "13",
                "admin1: '13' is not a GeoNames first-level division code such as 'CN.13'",
            ),
            (
                "country",
                "uz",
                "country: 'uz' is not an ISO 3166-1 alpha-2 code (two capital letters)",
            ),
            ("precision", "city", "precision: expected Precision, got str"),
        ],
    )
    def test_invalid_fields(self, field: str, value: object, message: str) -> None:
        """Each field refuses what it cannot hold, with a one-line message naming it."""
        with pytest.raises(ValueError, match=r"^") as info:
            _place(**{field: value})
        assert message == str(info.value)

    def test_precision_lookup(self) -> None:
        """Precision terms are found by slug, label or alias."""
        assert sd.Precision.COUNTRY is sd.Precision.lookup("national")
        assert sd.Precision.EXACT is sd.Precision.lookup("Exact site")

    def test_distance(self) -> None:
        """One degree of longitude on the equator is 2 pi R / 360 km; a point is 0 km from itself."""
        assert 2 * math.pi * EARTH_RADIUS_KM / 360 == pytest.approx(distance_km(0, 0, 0, 1))
        assert 0.0 == distance_km(41.3, 69.2, 41.3, 69.2)
        assert 2 * math.pi * EARTH_RADIUS_KM / 2 == pytest.approx(distance_km(90, 0, -90, 0))


class TestRules:
    def test_unknown_place(self, ds: sd.Dataset) -> None:
        """A project naming a place that places.json lacks is a problem at that item."""
        project = attrs.evolve(
            ds.project("luban-workshop-uzbekistan"), places=("tashkent", "atlantis")
        )
        broken = attrs.evolve(
            ds, projects=[*(p for p in ds.projects if p.id != project.id), project]
        )
        assert [
            "projects.json['luban-workshop-uzbekistan'].places[1]: 'atlantis' is not a known place"
        ] == [str(p) for p in broken.problems()]

    def test_outside_its_country(self, ds: sd.Dataset) -> None:
        """A place whose point lies outside its country's bounding box is refused."""
        moved = attrs.evolve(ds.place("tashkent"), latitude=55.75, longitude=37.62)
        broken = attrs.evolve(ds, places=[*(p for p in ds.places if p.id != "tashkent"), moved])
        assert [
            "places.json['tashkent']: (55.75, 37.62) lies outside the bounding box of UZ"
            " (latitude 36.89 to 45.84, longitude 55.68 to 73.31)"
        ] == [str(p) for p in broken.problems()]

    def test_unknown_country_and_source(self, ds: sd.Dataset) -> None:
        """A place's country and sources must exist, as for every record."""
        odd = attrs.evolve(ds.place("tashkent"), country="XX", sources=("nowhere",))
        broken = attrs.evolve(ds, places=[*(p for p in ds.places if p.id != "tashkent"), odd])
        assert [
            "places.json['tashkent'].country: 'XX' is not a known country",
            "places.json['tashkent'].sources[0]: 'nowhere' is not a known source",
        ] == [str(p) for p in broken.problems()]

    def test_every_country_has_a_box(self, ds: sd.Dataset) -> None:
        """Every country of the data has a bounding box, west of east and south of north."""
        assert {c.code for c in ds.countries} == set(BOUNDS)
        for west, south, east, north in BOUNDS.values():
            assert west < east
            assert south < north


class TestQueries:
    def test_place(self, ds: sd.Dataset) -> None:
        """
        place() finds a place by id, or by its name in English, Chinese or
        Russian whatever the case, accents and apostrophes; a typo gets close ids.
        """
        tashkent = ds.place("tashkent")
        assert "Tashkent" == tashkent.name
        for name in ("Tashkent", "tashkent ", "塔什干", "Ташкент", "ташкент"):
            assert tashkent is ds.place(name), name
        assert "xian" == ds.place("Xi'an").id == ds.place("XIAN").id == ds.place("Xi\u2019an").id
        assert ds.by_place("Gwadar") == ds.by_place("gwadar")
        with pytest.raises(sd.UnknownKeyError) as info:
            ds.place("tashkant")
        assert "unknown place 'tashkant'; did you mean 'tashkent'?" == str(info.value)
        with pytest.raises(
            TypeError, match=r"^key must be a Place or its id or name \(a str\), got int$"
        ):
            ds.place(3)  # type: ignore[arg-type]

    def test_by_place(self, ds: sd.Dataset) -> None:
        """by_place() gives the projects naming the place, sorted by id."""
        projects = ds.by_place("gwadar")
        assert ["peace-submarine-cable"] == [p.id for p in projects]
        assert projects == ds.by_place(ds.place("gwadar"))

    def test_near(self, ds: sd.Dataset) -> None:
        """near() gives the projects with a place within the distance, edges included."""
        karachi = ds.place("karachi")
        assert ["paksat-1r-satellite", "peace-submarine-cable"] == [
            p.id for p in ds.near(karachi.latitude, karachi.longitude, 0)
        ]
        gwadar = ds.place("gwadar")
        far = karachi.distance_km(gwadar.latitude, gwadar.longitude)
        assert ds.near(gwadar.latitude, gwadar.longitude, far) == ds.near(
            karachi.latitude, karachi.longitude, far
        )
        assert () == ds.near(0.0, -30.0, 1000)

    def test_country_places_are_not_sites(self, ds: sd.Dataset) -> None:
        """
        near() and within() leave out places of precision country: their point
        is the capital's, a marker for the whole country, not a site.
        """
        tashkent = ds.place("tashkent")
        near = {p.id for p in ds.near(tashkent.latitude, tashkent.longitude, 25)}
        only_uzbekistan = {p.id for p in ds.projects if p.places == ("uzbekistan",)}
        assert len(only_uzbekistan) >= 3
        assert set() == near & only_uzbekistan
        assert {p.id for p in ds.by_place("tashkent")} <= near
        box = {p.id for p in ds.within(41.0, 69.0, 41.5, 69.5)}
        assert set() == box & only_uzbekistan
        assert only_uzbekistan <= {p.id for p in ds.by_place("uzbekistan")}

    def test_within(self, ds: sd.Dataset) -> None:
        """within() keeps places inside the box; a box across the antimeridian wraps."""
        # the Suez Canal zone's project names only Egypt: a country, not a site
        egypt = ds.within(22.0, 24.0, 32.0, 37.0)
        assert ["peace-submarine-cable"] == [p.id for p in egypt]
        everywhere = {p.id for p in ds.within(-90, -180, 90, 180)}
        sited = {
            p.id
            for p in ds.projects
            if any(ds.place(i).precision is not sd.Precision.COUNTRY for i in p.places)
        }
        assert sited == everywhere
        # from 170 E across the antimeridian to 35 E: Europe and Egypt, not Asia
        wrapped = {p.id for p in ds.within(-90, 170, 90, 35)}
        assert "peace-submarine-cable" in wrapped
        assert "belarus-kazakhstan-hi-tech-park-cooperation" in wrapped
        assert "luban-workshop-uzbekistan" not in wrapped

    @pytest.mark.parametrize(
        ("args", "error", "message"),
        [
            ((91, 0, 1), ValueError, "latitude must be a latitude from -90 to 90, got 91"),
            ((0, -181, 1), ValueError, "longitude must be a longitude from -180 to 180, got -181"),
            ((0, 0, -1), ValueError, "km must be a finite distance of 0 or more, got -1"),
            ((0, 0, math.inf), ValueError, "km must be a finite distance of 0 or more, got inf"),
            (("0", 0, 1), TypeError, "latitude must be a number (int or float), got str"),
            ((0, 0, True), TypeError, "km must be a number (int or float), got bool"),
        ],
    )
    def test_near_refuses(
        self, ds: sd.Dataset, args: tuple[object, ...], error: type[Exception], message: str
    ) -> None:
        """near() refuses a point off the globe and a distance that is not one."""
        with pytest.raises(error) as info:
            ds.near(*args)  # type: ignore[arg-type]
        assert message == str(info.value)

    def test_within_refuses(self, ds: sd.Dataset) -> None:
        """within() refuses a box whose south is north of its north."""
        with pytest.raises(ValueError, match=r"^south \(10\) is north of north \(5\)$"):
            ds.within(10, 0, 5, 10)
        with pytest.raises(
            ValueError, match="^east must be a longitude from -180 to 180, got 200$"
        ):
            ds.within(0, 0, 5, 200)

    def test_by_admin_area(self, ds: sd.Dataset) -> None:
        """by_admin_area() groups projects by GeoNames admin1 code; unknown codes raise."""
        shandong = {p.id for p in ds.by_admin_area("CN.25")}
        assert {p.id for p in ds.by_place("qingdao")} <= shandong
        assert all(
            any(ds.place(i).admin1 == "CN.25" for i in ds.project(key).places) for key in shandong
        )
        with pytest.raises(sd.UnknownKeyError) as info:
            ds.by_admin_area("CN.99")
        assert info.value.key == "CN.99"
        with pytest.raises(TypeError, match="^admin1 must be a GeoNames admin1 code"):
            ds.by_admin_area(13)  # type: ignore[arg-type]


class TestBundledPlaces:
    def test_coverage(self, ds: sd.Dataset) -> None:
        """At least 95 % of the projects with a location have places."""
        located = [p for p in ds.projects if p.location]
        placed = [p for p in located if p.places]
        assert len(placed) / len(located) >= 0.95

    def test_gazetteer_places_cite_geonames(self, ds: sd.Dataset) -> None:
        """Every place with a GeoNames id cites the GeoNames source; country places have no admin1."""
        for place in ds.places:
            if place.geonames_id is not None:
                assert "geonames-gazetteer" in place.sources
            if place.precision is sd.Precision.COUNTRY:
                assert place.admin1 is None
            else:
                assert place.admin1 is not None
                assert place.admin1.startswith(f"{place.country}.")

    def test_every_place_used(self, ds: sd.Dataset) -> None:
        """Every place is the place of some project."""
        assert {p.id for p in ds.places} == {i for p in ds.projects for i in p.places}


class TestBundledNames:
    """The places' Chinese and Russian names, from CLDR by scripts/places.py (``names``)."""

    def test_named_places_cite_cldr(self, ds: sd.Dataset) -> None:
        """A place has both names exactly when it cites CLDR: 21 countries and 17 cities."""
        named = Counter(
            p.precision.value for p in ds.places if p.name_zh is not None or p.name_ru is not None
        )
        assert {"country": 21, "city": 17} == named
        for place in ds.places:
            cites = "unicode-cldr-49" in place.sources
            assert (cites, cites) == (place.name_zh is not None, place.name_ru is not None)

    def test_countries_agree_with_countries_json(self, ds: sd.Dataset) -> None:
        """
        A country's place has the CLDR names that countries.json records for
        the country (scripts/country_names.py, from the same Babel): those are
        the country's own names, except two that countries.json gives in another form.
        """
        differ = []
        for place in ds.places:
            if place.precision is not sd.Precision.COUNTRY:
                continue
            country = ds.country(place.country)
            cldr = {
                n.language: n.name
                for n in country.localized_names
                if n.language in {"zh", "ru"} and "unicode-cldr-49" in n.sources
            }
            assert {"zh": place.name_zh, "ru": place.name_ru} == cldr
            if place.name_zh != country.name_zh:
                differ.append((place.id, country.name_zh, place.name_zh))
            if place.name_ru != country.name_ru:
                differ.append((place.id, country.name_ru, place.name_ru))
        assert [
            ("mongolia", "蒙古国", "蒙古"),
            ("united-arab-emirates", "Объединённые Арабские Эмираты", "ОАЭ"),
        ] == differ

    def test_one_city_per_time_zone(self, ds: sd.Dataset) -> None:
        """
        No two places below the country share a name: CLDR names one city per
        time zone, so a shared name means a town took its zone's city's name
        (Bukhara, in Asia/Samarkand, must not be called Samarkand).
        """
        for field in ("name_zh", "name_ru"):
            names = Counter(
                getattr(p, field)
                for p in ds.places
                if p.precision is not sd.Precision.COUNTRY and getattr(p, field) is not None
            )
            assert [] == [name for name, count in names.items() if count > 1]

    def test_scripts(self, ds: sd.Dataset) -> None:
        """Chinese names are in Han characters, Russian ones in Cyrillic (never a Latin fallback)."""
        for place in ds.places:
            if place.name_zh is not None:
                assert all(unicodedata.name(c).startswith("CJK UNIFIED") for c in place.name_zh)
            if place.name_ru is not None:
                words = place.name_ru.replace("-", " ").split()
                assert all(unicodedata.name(c).startswith("CYRILLIC") for w in words for c in w)


class TestGeoJSON:
    def test_valid_rfc7946(self, collection: dict[str, object]) -> None:
        """The geojson library finds the collection and every feature valid."""
        parsed = geojson.loads(json.dumps(collection))
        assert parsed.is_valid, parsed.errors()
        assert all(geojson.GeoJSON.to_instance(f).is_valid for f in parsed["features"])

    def test_one_feature_per_placed_project(
        self, ds: sd.Dataset, collection: dict[str, object]
    ) -> None:
        """One feature per project with places, a Point for one place, a MultiPoint for more."""
        features = {f["id"]: f for f in collection["features"]}  # type: ignore[attr-defined]
        assert {p.id for p in ds.projects if p.places} == set(features)
        cable = features["peace-submarine-cable"]
        assert {
            "type": "MultiPoint",
            "coordinates": [[67.0104, 24.8608], [62.32541, 25.12163], [32.66012, 29.11007]],
        } == cable["geometry"]
        assert ["karachi", "gwadar", "zaafarana"] == cable["properties"]["places"]
        assert "city" == cable["properties"]["precision"]
        assert {"type": "Point", "coordinates": [74.59, 42.87]} == features[
            "luban-workshop-kyrgyzstan"
        ]["geometry"]

    def test_cli(self, tmp_path: Path) -> None:
        """sco-digital export --format geojson writes the same file."""
        out = tmp_path / "p.geojson"
        done = subprocess.run(
            [sys.executable, "-m", "sco_digital", "export", "--format", "geojson", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "") == (done.returncode, done.stderr)
        assert f"wrote geojson to {out}\n" == done.stdout
        assert geojson.loads(out.read_text(encoding="utf-8")).is_valid

    def test_refuses_to_overwrite(self, ds: sd.Dataset, tmp_path: Path) -> None:
        """Like every writer, it keeps an existing file unless told to replace it."""
        out = tmp_path / "p.geojson"
        out.write_text("old", encoding="utf-8")
        with pytest.raises(FileExistsError):
            write_geojson(ds, out)
        assert "old" == out.read_text(encoding="utf-8")
        write_geojson(ds, out, overwrite=True)
        assert out.read_text(encoding="utf-8").startswith('{\n  "type": "FeatureCollection"')
