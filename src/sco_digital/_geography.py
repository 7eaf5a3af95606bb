"""Places and the projects at them: methods of `sco_digital.Dataset`."""

from __future__ import annotations

from . import _coerce
from ._figures import Figures
from ._indexes import NO_PROJECTS as _NO_PROJECTS
from ._lookups import named
from ._results import Results
from ._vocabulary import suggest as _suggest
from .errors import UnknownKeyError
from .models import (
    Place,
    Precision,
    Project,
)


def _number(value: object, argument: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _coerce.wrong_type(argument, "a number (int or float)", value)
    return float(value)


def _latitude(value: object, argument: str) -> None:
    if not -90 <= _number(value, argument) <= 90:
        msg = f"{argument} must be a latitude from -90 to 90, got {value!r}"
        raise ValueError(msg)


def _longitude(value: object, argument: str) -> None:
    if not -180 <= _number(value, argument) <= 180:
        msg = f"{argument} must be a longitude from -180 to 180, got {value!r}"
        raise ValueError(msg)


class Geography(Figures):
    """Places, and the projects at, near or within them."""

    __slots__ = ()

    def place(self, key: str | Place) -> Place:
        """
        The place with this id or name: its English name as the gazetteer
        gives it, or its Chinese or Russian name ("Tashkent", "塔什干",
        "Ташкент"); case, accents and punctuation are ignored.

        >>> import sco_digital as sd
        >>> place = sd.load().place("tashkent")
        >>> place.country, place.precision.value, place.geonames_id
        ('UZ', 'city', 1512569)
        >>> sd.load().place("Ташкент") is place
        True

        Args:
            key: A place id or name, or a `Place` (its id is looked up).

        Returns:
            This dataset's `Place`.

        Raises:
            TypeError: *key* is neither a str nor a Place.
            UnknownKeyError: No place matches; the message suggests the
                closest ids and names.

        .. versionadded:: 0.2.0
        """
        return self._place(key, "key")

    def _place(self, key: object, argument: str) -> Place:
        """The place *key* names; errors name the caller's *argument*."""
        keys = self._index.place_keys
        found = named(keys, key, Place, argument, "a Place or its id or name (a str)")
        if found is None:
            key = key.id if isinstance(key, Place) else key
            raise UnknownKeyError("place", key, _suggest(key, keys, lambda p: p.id))
        return found

    def by_place(self, place: str | Place) -> Results[Project]:
        """
        The projects at *place* (a place id or name, as `place` takes it, or a
        `Place`), sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_place("gwadar")]
        ['peace-submarine-cable']

        Args:
            place: A place id or name, or a `Place`.

        Returns:
            A tuple of `Project`; ``()`` for a place no project refers to.

        Raises:
            TypeError: *place* is neither a str nor a Place.
            UnknownKeyError: No place matches.

        .. versionadded:: 0.2.0
        """
        return self._index.by_place.get(self._place(place, "place").id, _NO_PROJECTS)

    def near(self, latitude: float, longitude: float, km: float) -> Results[Project]:
        """
        The projects with a place within *km* kilometres (great-circle
        distance, `Place.distance_km`) of the WGS84 point *latitude*,
        *longitude* (decimal degrees), sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().near(41.3, 69.24, 25)][:2]
        ['belarus-uzbekistan-ict-cooperation', 'huawei-seeds-for-the-future-meca-2024']

        Places of precision ``country`` are left out: their point is the
        capital's, a marker for the whole country, not a site (as AidData
        leaves country-level locations out of point analysis); find those
        projects with `by_country` or `by_place`.

        Args:
            latitude: WGS84 latitude of the point, -90 to 90.
            longitude: WGS84 longitude of the point, -180 to 180.
            km: The greatest distance, in kilometres (0 or more).

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none is that close.

        Raises:
            TypeError: An argument is not a number.
            ValueError: The point is off the globe, or *km* is negative or not finite.

        .. versionadded:: 0.2.0
        """
        _latitude(latitude, "latitude")
        _longitude(longitude, "longitude")
        if not 0 <= _number(km, "km") < float("inf"):
            msg = f"km must be a finite distance of 0 or more, got {km!r}"
            raise ValueError(msg)
        close = {p.id for p in self._sites() if p.distance_km(latitude, longitude) <= km}
        return self._with_places(close)

    def within(self, south: float, west: float, north: float, east: float) -> Results[Project]:
        """
        The projects with a place inside the box from *south* to *north*
        (latitudes) and *west* to *east* (longitudes), edges included, in
        WGS84 decimal degrees, sorted by id. As in RFC 7946, a box whose
        *west* is greater than its *east* crosses the antimeridian. As in
        `near`, places of precision ``country`` are left out.

        >>> import sco_digital as sd
        >>> len(sd.load().within(35.0, 45.0, 45.0, 90.0)) > 20
        True

        Args:
            south: The southern edge (latitude, -90 to 90).
            west: The western edge (longitude, -180 to 180).
            north: The northern edge (latitude, not south of *south*).
            east: The eastern edge (longitude, -180 to 180).

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none is inside.

        Raises:
            TypeError: An argument is not a number.
            ValueError: A latitude or longitude is off the globe, or *south* is
                north of *north*.

        .. versionadded:: 0.2.0
        """
        _latitude(south, "south")
        _latitude(north, "north")
        _longitude(west, "west")
        _longitude(east, "east")
        if south > north:
            msg = f"south ({south!r}) is north of north ({north!r})"
            raise ValueError(msg)

        def inside(place: Place) -> bool:
            lon = place.longitude
            across = west <= lon <= east if west <= east else lon >= west or lon <= east
            return across and south <= place.latitude <= north

        return self._with_places({p.id for p in self._sites() if inside(p)})

    def _sites(self) -> list[Place]:
        """The places that locate something within a country: all but precision country."""
        return [p for p in self.places if p.precision is not Precision.COUNTRY]

    def by_admin_area(self, admin1: str) -> Results[Project]:
        """
        The projects with a place in the first-level administrative division
        *admin1*, as GeoNames codes it (``"CN.13"``, Xinjiang; see
        `Place.admin1`), sorted by id.

        >>> import sco_digital as sd
        >>> len(sd.load().by_admin_area("CN.13")) > 5
        True

        Args:
            admin1: A GeoNames admin1 code, country and division joined by a dot.

        Returns:
            A tuple of `Project` sorted by id.

        Raises:
            TypeError: *admin1* is not a str.
            UnknownKeyError: No place lies in that division.

        .. versionadded:: 0.2.0
        """
        if not isinstance(admin1, str):
            raise _coerce.wrong_type("admin1", "a GeoNames admin1 code (a str)", admin1)
        found = self._index.by_admin1.get(admin1)
        if found is None:
            codes = {p.admin1: p.admin1 for p in self.places if p.admin1 is not None}
            raise UnknownKeyError("admin area", admin1, _suggest(admin1, codes, str))
        return found

    def _with_places(self, place_ids: set[str]) -> Results[Project]:
        return Results((p for p in self.projects if not place_ids.isdisjoint(p.places)), Project)
