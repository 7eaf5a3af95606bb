"""
`Place`: a named point on the map that projects refer to, with its WGS84
coordinates, its GeoNames id and how precisely it locates the project.

The coordinates come from a gazetteer (GeoNames, through the maintainers'
scripts/places.py) or from a cited page, the Chinese and Russian names from
the Unicode CLDR (the same script); the rules that span records (the
country is known, the point lies inside the country's bounding box, every
project's places exist) live in `sco_digital.Dataset.validate`.
"""

from __future__ import annotations

import math

import attrs

from ._display import displayed
from ._fields import between, each, follows, instance, optional, strings
from ._rules import ADMIN1, ALPHA2, NAME, SLUG, TEXT
from ._terms import Precision

__all__ = ["EARTH_RADIUS_KM", "Place", "distance_km"]

_slug = follows(SLUG)
_name = follows(NAME)

EARTH_RADIUS_KM = 6371.0088
"""The mean radius of the WGS84 ellipsoid (IUGG), in kilometres, for `distance_km`."""


@displayed
@attrs.frozen(kw_only=True)
class Place:
    """
    A place that projects are at: a site, a city, a region or a country.

    Attributes:
        id: Stable slug, e.g. ``"tashkent"``.
        name: Its usual English name, as the gazetteer gives it.
        name_zh: Its name in Chinese (simplified), where a cited source gives it, or None.
        name_ru: Its name in Russian, where a cited source gives it, or None.
        country: The ISO 3166-1 alpha-2 code of the country it lies in.
        latitude: WGS84 latitude in decimal degrees, -90 (south) to 90 (north).
        longitude: WGS84 longitude in decimal degrees, -180 (west) to 180 (east).
        geonames_id: Its id in GeoNames, or None where the coordinates come
            from elsewhere. For a place of precision country it is the
            country's id, while the point is the capital's (see `note`).
        admin1: Its first-level administrative division (province, region,
            oblast) as GeoNames codes it, country and division joined by a
            dot (``"CN.13"``, Xinjiang), or None for a country.
        precision: How closely the point locates what the record names.
        sources: Ids of the sources that give the coordinates (GeoNames, or
            the page that does) and the Chinese and Russian names (the
            Unicode CLDR, through the maintainers' scripts/places.py).
        note: Caveats: what the point stands for, other names.

    .. versionadded:: 0.2.0
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    name_zh: str | None = attrs.field(default=None, validator=optional(_name))
    name_ru: str | None = attrs.field(default=None, validator=optional(_name))
    country: str = attrs.field(validator=follows(ALPHA2))
    latitude: float = attrs.field(validator=between(-90.0, 90.0))
    longitude: float = attrs.field(validator=between(-180.0, 180.0))
    # GeoNames ids are positive 32-bit integers
    geonames_id: int | None = attrs.field(
        default=None, validator=optional(between(1, 2**31 - 1, integer=True))
    )
    admin1: str | None = attrs.field(default=None, validator=optional(follows(ADMIN1)))
    precision: Precision = attrs.field(validator=instance(Precision))
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))
    note: str | None = attrs.field(default=None, validator=optional(follows(TEXT)))

    @property
    def coordinates(self) -> tuple[float, float]:
        """``(longitude, latitude)``, in the order GeoJSON (RFC 7946) writes a position."""
        return (self.longitude, self.latitude)

    def distance_km(self, latitude: float, longitude: float) -> float:
        """
        The great-circle distance in kilometres from this place to the point
        at *latitude*, *longitude* (WGS84 decimal degrees), on a sphere of
        the Earth's mean radius (`distance_km`).

        >>> import sco_digital as sd
        >>> round(sd.load().place("tashkent").distance_km(41.3, 69.3))
        8
        """
        return distance_km(self.latitude, self.longitude, latitude, longitude)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """
    The great-circle (haversine) distance in kilometres between two WGS84
    points given in decimal degrees, on a sphere of radius `EARTH_RADIUS_KM`
    (within 0.5 % of the ellipsoidal distance).
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
