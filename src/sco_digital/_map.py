"""
The map of the field for `sco_digital.plot`: projects at their places on a
base map of Natural Earth's countries, coloured by technology group.

The base map is ``_basemap.geojson``, Natural Earth's 1:110m Admin 0 -
Countries 4.1.0 (public domain) as scripts/basemap.py writes it; it ships in
the package, so drawing downloads nothing and needs nothing but matplotlib.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import _plotting
from .models import Precision, TechnologyGroup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .dataset import Dataset
    from .models import Country, Place, Technology

__all__ = ["GROUP_COLOURS", "MAP_EXTENT", "place_counts", "project_map"]

GROUP_COLOURS = {
    TechnologyGroup.CONNECTIVITY: "#0072B2",
    TechnologyGroup.SPACE: "#56B4E9",
    TechnologyGroup.DATA: "#009E73",
    TechnologyGroup.EMERGING: "#CC79A7",
    TechnologyGroup.ECONOMY: "#E69F00",
    TechnologyGroup.PUBLIC: "#D55E00",
    TechnologyGroup.SKILLS: "#F0E442",
}
"""The colour of each technology group on the map: the Okabe-Ito palette,
readable with the common colour-vision deficiencies."""

MAP_EXTENT = (20.0, -3.0, 140.0, 60.0)
"""The map's default (west, south, east, north), in degrees: every SCO
country from Belarus and Egypt to China's coast and from the Maldives to
Moscow; Russia's north and east lie beyond it."""

_SEA, _LAND, _SCO, _BORDER = "#eef3f7", "#f6f6f4", "#e3dfd3", "#ffffff"
_RADIUS = 4.0  # points: a place with one project; the area grows with the number


def place_counts(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
) -> Counter[tuple[Place, TechnologyGroup]]:
    """
    How many projects of each technology group are at each place. A project
    counts once at each of its places for each group of its technologies;
    projects without a place are left out.

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day (a
            `datetime.date` or "YYYY-MM-DD"); projects without a start date
            are then left out.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias),
            and only their groups.

    Returns:
        A Counter of (place, group).

    Raises:
        UnknownKeyError: A country or technology is unknown.
        ValueError: A date is not a real day.
    """
    return _tally(_plotting.dataset(ds), start, end, countries, technologies)[0]


def _tally(
    ds: Dataset,
    start: dt.date | str | None,
    end: dt.date | str | None,
    countries: Iterable[str | Country] | None,
    technologies: Iterable[str | Technology] | None,
) -> tuple[Counter[tuple[Place, TechnologyGroup]], int]:
    """`place_counts`, and how many projects they count."""
    projects, codes, wanted = _plotting.chosen(ds, start, end, countries, technologies)
    counts: Counter[tuple[Place, TechnologyGroup]] = Counter()
    mapped = 0
    for project in projects:
        if countries is not None and not project.countries & codes:
            continue
        groups = {t.group for t in project.technologies if wanted is None or t in wanted}
        if groups and project.places:
            mapped += 1
            counts.update((ds.place(p), group) for p in project.places for group in groups)
    return counts, mapped


@cache
def _basemap() -> tuple[tuple[str | None, tuple[float, float, float, float], list[Any]], ...]:
    """(alpha-2 code or None, (west, south, east, north), rings of (x, y)) per country."""
    text = resources.files(__package__).joinpath("_basemap.geojson").read_text(encoding="utf-8")
    countries = []
    for feature in json.loads(text)["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        rings = [ring for polygon in polygons for ring in polygon]
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        box = (min(xs), min(ys), max(xs), max(ys))
        countries.append((feature["properties"]["iso_a2"], box, rings))
    return tuple(countries)


def _extent(extent: Sequence[float] | None) -> tuple[float, float, float, float]:
    if extent is None:
        return MAP_EXTENT
    try:
        west, south, east, north = (float(value) for value in extent)
    except (TypeError, ValueError):
        msg = f"extent must be four numbers (west, south, east, north), not {extent!r}"
        raise ValueError(msg) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        msg = (
            "extent must have -180 <= west < east <= 180 and -90 <= south < north <= 90,"
            f" not {extent!r}"
        )
        raise ValueError(msg)
    return west, south, east, north


def project_map(  # noqa: PLR0913 - the filters of the other figures, and extent
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
    extent: Sequence[float] | None = None,
) -> Figure:
    """
    The map of the field: at each place, a pie of its projects by technology
    group (`GROUP_COLOURS`), its area growing with their number (the counts
    of `place_counts`). A ring instead of a disc marks a place that names
    only a country, drawn at its capital (`Precision.COUNTRY`). The SCO's
    countries are shaded on a base map of Natural Earth's 1:110m countries
    (public domain; de facto boundaries, no position on disputed ones),
    in plate carrée (longitude and latitude as x and y, stretched for the
    middle latitude).

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias).
        extent: (west, south, east, north) in degrees (default: `MAP_EXTENT`).

    Returns:
        A matplotlib Figure, 10 inches wide.

    Raises:
        ImportError: matplotlib is not installed; the message names the extra.
        UnknownKeyError: A country or technology is unknown.
        ValueError: No project with a place matches, *extent* is not a box
            of longitudes and latitudes, or a date is not a real day.
    """
    ds = _plotting.dataset(ds)
    counts, mapped = _tally(ds, start, end, countries, technologies)
    if not counts:
        msg = "no project with a place matches the technologies, countries and dates given"
        raise ValueError(msg)
    box = west, south, east, north = _extent(extent)
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    height = 10 * (north - south) * stretch / (east - west)
    figure = _plotting.figure("project_map", 10, min(max(height, 3.0), 12.0) + 1.6)
    axes: Any = figure.add_subplot()
    axes.set_facecolor(_SEA)
    _draw_countries(axes, {c.code for c in ds.countries}, box)
    _draw_places(axes, counts)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(stretch)
    axes.tick_params(labelsize=7, colors="#666666")
    axes.xaxis.set_major_formatter(lambda x, _: f"{x:g}°E" if x >= 0 else f"{-x:g}°W")
    axes.yaxis.set_major_formatter(lambda y, _: f"{y:g}°N" if y >= 0 else f"{-y:g}°S")
    _legend(figure, counts)
    places = {place for place, _ in counts}
    outside = sum(
        1 for p in places if not (west <= p.longitude <= east and south <= p.latitude <= north)
    )
    axes.set_title(
        f"{mapped} projects at {len(places)} places, by technology group"
        f" (data {ds.data_version})"
        + (f"\n{outside} of the places lie outside the map" if outside else "")
    )
    return figure


def _draw_countries(axes: Any, sco: set[str], extent: tuple[float, float, float, float]) -> None:
    """The countries whose box meets *extent*; the SCO's shaded."""
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    west, south, east, north = extent
    paths, colours = [], []
    for code, (left, bottom, right, top), rings in _basemap():
        if left <= east and right >= west and bottom <= north and top >= south:
            paths.append(Path.make_compound_path(*(Path(ring, closed=True) for ring in rings)))
            colours.append(_SCO if code in sco else _LAND)
    axes.add_collection(
        PathCollection(paths, facecolors=colours, edgecolors=_BORDER, linewidths=0.5, zorder=1),
        autolim=False,
    )


def _draw_places(axes: Any, counts: Counter[tuple[Place, TechnologyGroup]]) -> None:
    """
    A pie per place, sized in points around the place's position; a place
    that names a country gets a ring around whatever pie sits at its capital.
    Every pie's and ring's area is proportional to its number of projects.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Wedge
    from matplotlib.transforms import Affine2D

    order = list(GROUP_COLOURS)
    by_place: dict[Place, list[tuple[TechnologyGroup, int]]] = {}
    for (place, group), n in sorted(counts.items(), key=lambda item: order.index(item[0][1])):
        by_place.setdefault(place, []).append((group, n))
    pies: dict[tuple[float, float], float] = {}  # the largest pie's radius at each position
    for place, groups in by_place.items():
        if place.precision is not Precision.COUNTRY:
            radius = _RADIUS * math.sqrt(sum(n for _, n in groups))
            pies[place.coordinates] = max(radius, pies.get(place.coordinates, 0.0))

    def size(item: tuple[Place, list[tuple[TechnologyGroup, int]]]) -> tuple[bool, int, str]:
        place, groups = item
        return place.precision is not Precision.COUNTRY, -sum(n for _, n in groups), place.id

    # Rings first, then the largest pies first, so small pies stay visible on top.
    for place, groups in sorted(by_place.items(), key=size):
        total = sum(n for _, n in groups)
        if place.precision is Precision.COUNTRY:
            inner = pies.get(place.coordinates, _RADIUS * 0.6) + 0.8
            outer = math.sqrt(inner**2 + _RADIUS**2 * total)
        else:
            inner, outer = 0.0, _RADIUS * math.sqrt(total)
        wedges, colours, angle = [], [], 90.0
        for group, n in groups:
            sweep = 360.0 * n / total
            wedges.append(Wedge((0, 0), outer, angle, angle + sweep, width=outer - inner or None))
            colours.append(GROUP_COLOURS[group])
            angle += sweep
        axes.add_collection(
            PatchCollection(
                wedges,
                facecolors=colours,
                edgecolors="#333333",
                linewidths=0.4,
                offsets=[place.coordinates] * len(wedges),
                offset_transform=axes.transData,
                transform=Affine2D().scale(1 / 72) + axes.figure.dpi_scale_trans,  # points
                zorder=3,
            )
        )


def _legend(figure: Any, counts: Counter[tuple[Place, TechnologyGroup]]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    per_group: Counter[TechnologyGroup] = Counter()
    for (_, group), n in counts.items():
        per_group[group] += n
    handles: list[Any] = [
        Patch(color=GROUP_COLOURS[g], label=f"{g.label} ({per_group[g]})")
        for g in GROUP_COLOURS
        if per_group[g]
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=2 * _RADIUS * math.sqrt(n),
            markerfacecolor="#bbbbbb",
            markeredgecolor="#333333",
            label=f"{n} project" + ("s" if n > 1 else ""),
        )
        for n in (1, 4)
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=2 * _RADIUS * 2,
            markerfacecolor="white",
            markeredgecolor="#333333",
            markeredgewidth=3,
            label="only the country is known (at its capital)",
        )
    )
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=4,
        frameon=False,
        fontsize=8,
        title="projects at a place, by technology group (once per group and place)",
        title_fontsize=8,
    )
