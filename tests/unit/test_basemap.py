"""The map's base map: Natural Earth's countries as valid RFC 7946, and scripts/basemap.py."""

from __future__ import annotations

import json
from importlib import resources
from types import SimpleNamespace
from typing import Any

import geojson
import pytest

import sco_digital as sd
import scripted
from sco_digital._bounds import BOUNDS

script = scripted.load("scripts/basemap.py")


@pytest.fixture(scope="module")
def basemap() -> dict[str, Any]:
    text = resources.files("sco_digital").joinpath("_basemap.geojson").read_text(encoding="utf-8")
    collection: dict[str, Any] = json.loads(text)
    return collection


def _exteriors(feature: dict[str, Any]) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [polygon[0] for polygon in polygons]


def _box(feature: dict[str, Any]) -> tuple[float, float, float, float]:
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    points = [point for polygon in polygons for ring in polygon for point in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_it_is_valid_rfc_7946(basemap: dict[str, Any]) -> None:
    collection = geojson.loads(json.dumps(basemap))
    assert collection.is_valid, collection.errors()
    assert 177 == len(basemap["features"])
    for feature in basemap["features"]:
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert {"name", "iso_a2"} == set(feature["properties"])


def test_it_names_its_source(basemap: dict[str, Any]) -> None:
    source = basemap["source"]
    assert "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries" == source["title"]
    assert ("4.1.0", "public domain") == (source["version"], source["licence"])


def test_exterior_rings_are_counterclockwise(basemap: dict[str, Any]) -> None:
    """RFC 7946's right-hand rule, which the script enforces."""
    for feature in basemap["features"]:
        for ring in _exteriors(feature):
            assert script._area(ring) > 0, feature["properties"]["name"]


def test_every_sco_country_is_drawn_but_the_two_too_small(basemap: dict[str, Any]) -> None:
    drawn = {f["properties"]["iso_a2"] for f in basemap["features"]}
    assert {"BH", "MV"} == {c.code for c in sd.load().countries} - drawn


def test_it_agrees_with_the_bounding_boxes(basemap: dict[str, Any]) -> None:
    """_bounds.py's boxes are the same countries' boxes, widened by 0.25 degree."""
    features = {f["properties"]["iso_a2"]: f for f in basemap["features"]}
    for code, box in BOUNDS.items():
        if code in features:
            west, south, east, north = _box(features[code])
            widened = (max(west - 0.25, -180), south - 0.25, min(east + 0.25, 180), north + 0.25)
            assert widened == pytest.approx(box, abs=0.011), code


class TestScript:
    """The script's geometry, on shapes shaped as pyshp reads them."""

    def test_rings_become_polygons_with_holes(self) -> None:
        clockwise = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]
        hole = [(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)]  # counterclockwise
        shape = SimpleNamespace(parts=[0, 5], points=clockwise + hole)
        assert {
            "type": "Polygon",
            "coordinates": [
                [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]],
                [[2.0, 2.0], [2.0, 4.0], [4.0, 4.0], [4.0, 2.0], [2.0, 2.0]],
            ],
        } == script._geometry(shape)

    def test_two_exteriors_make_a_multipolygon(self) -> None:
        square = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]
        moved = [(x + 5, y) for x, y in square]
        shape = SimpleNamespace(parts=[0, 5], points=square + moved)
        geometry = script._geometry(shape)
        assert "MultiPolygon" == geometry["type"]
        assert [[5.0, 0.0], [6.0, 0.0], [6.0, 1.0], [5.0, 1.0], [5.0, 0.0]] == (
            geometry["coordinates"][1][0]
        )

    def test_positions_round_to_a_hundredth_and_slivers_go(self) -> None:
        """A ring that rounding shrinks below four positions is left out."""
        square = [(0.004, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.004, 0.0)]
        sliver = [(3.0, 3.0), (3.000001, 3.000002), (3.000002, 3.0), (3.0, 3.0)]
        shape = SimpleNamespace(parts=[0, 5], points=square + sliver)
        assert {
            "type": "Polygon",
            "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]],
        } == script._geometry(shape)
