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
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from . import _coerce, _plotting
from .models import Precision, TechnologyGroup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .dataset import Dataset
    from .models import Country, Place, Project, Technology

__all__ = ["GROUP_COLOURS", "MAP_EXTENT", "PlaceCounts", "place_counts", "project_map"]

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

Extent = tuple[float, float, float, float]
_WORLD: Extent = (-180.0, -90.0, 180.0, 90.0)
_SEA, _LAND, _SCO, _BORDER, _EDGE = "#eef3f7", "#f6f6f4", "#e3dfd3", "#ffffff", "#333333"
_RADIUS = 4.0  # points: a place with one project; the area grows with the number
_GAP = 1.5  # points between a capital's pie and the ring of its country around it


class PlaceCounts(NamedTuple):
    """
    The numbers `project_map` draws, from `place_counts`. A project is
    counted where it has a place inside the extent; it counts once at each
    such place, and once in each group of its technologies.

    .. versionadded:: 0.2.0
    """

    projects: tuple[str, ...]
    """The ids of the projects counted, sorted."""
    per_group: Counter[TechnologyGroup]
    """How many of them use a technology of each group."""
    per_place: Counter[Place]
    """How many of them are at each place."""
    counts: Counter[tuple[Place, TechnologyGroup]]
    """How many at each place use a technology of each group."""
    outside: tuple[str, ...]
    """The ids of the chosen projects' places outside the extent, sorted."""


def place_counts(  # noqa: PLR0913 - the filters of the other figures, and extent
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
    extent: Iterable[float] | None = None,
) -> PlaceCounts:
    """
    How many projects are at each place, and of each technology group there.
    Projects without a place, or without a technology chosen, are left out.

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day (a
            `datetime.date` or "YYYY-MM-DD"); projects without a start date
            are then left out.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias),
            and only their groups.
        extent: Only places inside (west, south, east, north), in degrees;
            None for the whole world.

    Returns:
        A `PlaceCounts`.

    Raises:
        TypeError: *ds*, *countries*, *technologies* or *extent* has the
            wrong type (a str is not a list), or a date is neither a date
            nor a str.
        UnknownKeyError: A country or technology is unknown.
        ValueError: A date is not a real day, *end* is before *start*, or
            *extent* is not a box of longitudes and latitudes.
    """
    ds = _plotting.dataset(ds)
    box = _WORLD if extent is None else _extent(extent)
    return _count(ds, _chosen(ds, start, end, countries, technologies)[0], box)


def _chosen(
    ds: Dataset,
    start: dt.date | str | None,
    end: dt.date | str | None,
    countries: Iterable[str | Country] | None,
    technologies: Iterable[str | Technology] | None,
) -> tuple[list[tuple[Project, set[TechnologyGroup]]], _plotting.Chosen]:
    """
    The projects the filters keep, each with the groups of its chosen
    technologies, and the filters as resolved.
    """
    filters = _plotting.chosen(ds, start, end, countries, technologies)
    wanted = filters.technologies
    kept = []
    for project in filters.projects:
        if countries is not None and not project.countries & filters.codes:
            continue
        groups = {t.group for t in project.technologies if wanted is None or t in wanted}
        if groups and project.places:
            kept.append((project, groups))
    return kept, filters


def _count(
    ds: Dataset, chosen: list[tuple[Project, set[TechnologyGroup]]], box: Extent
) -> PlaceCounts:
    west, south, east, north = box
    counted: list[str] = []
    per_group: Counter[TechnologyGroup] = Counter()
    per_place: Counter[Place] = Counter()
    counts: Counter[tuple[Place, TechnologyGroup]] = Counter()
    outside: set[str] = set()
    for project, groups in chosen:
        inside = []
        for place in map(ds.place, project.places):
            if west <= place.longitude <= east and south <= place.latitude <= north:
                inside.append(place)
            else:
                outside.add(place.id)
        if inside:
            counted.append(project.id)
            per_group.update(groups)
            per_place.update(inside)
            counts.update((place, group) for place in inside for group in groups)
    return PlaceCounts(tuple(sorted(counted)), per_group, per_place, counts, tuple(sorted(outside)))


def _extent(extent: object) -> Extent:
    """*extent* as four floats, or a TypeError or ValueError naming it."""
    if isinstance(extent, (str, bytes, Mapping)) or not isinstance(extent, Iterable):
        raise _coerce.wrong_type("extent", "four numbers (west, south, east, north)", extent)
    values = [_coerce.as_real(value, "extent") for value in extent]
    if len(values) != 4:
        msg = f"extent must be four numbers (west, south, east, north), not {len(values)}"
        raise ValueError(msg)
    try:
        west, south, east, north = (float(value) for value in values)
    except OverflowError:
        msg = "extent must be four numbers of degrees, not numbers too large for a float"
        raise ValueError(msg) from None
    if west > east:
        msg = (
            f"extent's west ({west:g}) is east of its east ({east:g}):"
            " a box across the antimeridian is not supported"
        )
        raise ValueError(msg)
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        msg = (
            "extent must have -180 <= west < east <= 180 and -90 <= south < north <= 90,"
            f" not ({west:g}, {south:g}, {east:g}, {north:g})"
        )
        raise ValueError(msg)
    return west, south, east, north


@cache
def _basemap() -> tuple[tuple[str | None, Extent, list[Any]], ...]:
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


def project_map(  # noqa: PLR0913 - the filters of the other figures, and extent
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
    extent: Iterable[float] | None = None,
) -> Figure:
    """
    The map of the field: a pie at each place, its area the number of
    projects there and its wedges their technology groups (`GROUP_COLOURS`;
    a project of two groups counts in both). A place that names only a
    country (`Precision.COUNTRY`) is a paler ring with a dashed edge around
    its capital, outside any pie the capital has. The numbers are those of
    `place_counts` for the extent. The SCO's countries are shaded on
    Natural Earth's 1:110m countries (public domain; de facto boundaries,
    no position on disputed ones), in plate carrée (longitude and latitude
    as x and y, stretched for the middle latitude). The title names the
    filters and how many of the projects' places lie outside the map.

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias).
        extent: (west, south, east, north) in degrees, west of east
            (default: `MAP_EXTENT`).

    Returns:
        A matplotlib Figure, 10 inches wide.

    Raises:
        ImportError: matplotlib is not installed; the message names the extra.
        TypeError: An argument has the wrong type (see `place_counts`).
        UnknownKeyError: A country or technology is unknown.
        ValueError: No project with a place in the extent matches, *extent*
            is not a box of longitudes and latitudes, *end* is before
            *start*, or a date is not a real day.
    """
    ds = _plotting.dataset(ds)
    box = MAP_EXTENT if extent is None else _extent(extent)
    chosen, filters = _chosen(ds, start, end, countries, technologies)
    drawn = _count(ds, chosen, box)
    if not drawn.projects:
        msg = (
            "no project with a place in the extent matches the technologies, countries"
            " and dates given"
        )
        raise ValueError(msg)
    west, south, east, north = box
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    height = min(max(10 * (north - south) * stretch / (east - west), 2.5), 8.0)
    figure = _plotting.figure("project_map", 10, height + 1.7)
    axes: Any = figure.add_subplot()
    axes.set_facecolor(_SEA)
    _draw_countries(axes, {c.code for c in ds.countries}, box)
    _draw_places(axes, drawn)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(stretch)
    axes.tick_params(labelsize=7, colors="#666666")
    axes.xaxis.set_major_formatter(lambda x, _: _degrees(x, "E", "W"))
    axes.yaxis.set_major_formatter(lambda y, _: _degrees(y, "N", "S"))
    _legend(figure, drawn)
    lines = [
        (
            f"{_count_of(len(drawn.projects), 'project')} at"
            f" {_count_of(len(drawn.per_place), 'place')}, by technology group"
            f" (data {ds.data_version})"
        ),
        _filters(filters),
        (
            f"{len(drawn.outside)} of their places"
            f" {'lies' if len(drawn.outside) == 1 else 'lie'} outside the map"
        )
        if drawn.outside
        else "",
    ]
    figure.suptitle("\n".join(line for line in lines if line))
    return figure


def _count_of(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _degrees(value: float, positive: str, negative: str) -> str:
    if value == 0:
        return "0°"
    return f"{abs(value):g}°{positive if value > 0 else negative}"


def _filters(filters: _plotting.Chosen) -> str:
    """The filters in words: "countries: KG; technologies: 5G; started 2020-01-01 to 2022-12-31"."""
    parts = []
    if filters.countries is not None:
        parts.append("countries: " + ", ".join(filters.countries))
    if filters.technologies is not None:
        parts.append("technologies: " + ", ".join(t.label for t in filters.technologies))
    first, last = filters.first, filters.last
    if first and last:
        parts.append(f"started {first} to {last}")
    elif first:
        parts.append(f"started on or after {first}")
    elif last:
        parts.append(f"started on or before {last}")
    return "; ".join(parts)


def _draw_countries(axes: Any, sco: set[str], box: Extent) -> None:
    """The countries whose box meets *box*; the SCO's shaded."""
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    west, south, east, north = box
    paths, colours = [], []
    for code, (left, bottom, right, top), rings in _basemap():
        if left <= east and right >= west and bottom <= north and top >= south:
            paths.append(Path.make_compound_path(*(Path(ring, closed=True) for ring in rings)))
            colours.append(_SCO if code in sco else _LAND)
    axes.add_collection(
        PathCollection(paths, facecolors=colours, edgecolors=_BORDER, linewidths=0.5, zorder=1),
        autolim=False,
    )


def _draw_places(axes: Any, drawn: PlaceCounts) -> None:
    """
    A pie per place, sized in points around the place's position; a place
    that names a country gets a ring around whatever pie sits at its capital.
    Every pie's and ring's area is proportional to its number of projects.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Wedge
    from matplotlib.transforms import Affine2D

    pies: dict[tuple[float, float], float] = {}  # the largest pie's radius at each position
    for place, n in drawn.per_place.items():
        if place.precision is not Precision.COUNTRY:
            radius = _RADIUS * math.sqrt(n)
            pies[place.coordinates] = max(radius, pies.get(place.coordinates, 0.0))
    shapes = []
    for place, n in drawn.per_place.items():
        if place.precision is Precision.COUNTRY:
            inner = pies.get(place.coordinates, _RADIUS * 0.6) + _GAP
            shapes.append((math.sqrt(inner**2 + _RADIUS**2 * n), inner, place))
        else:
            shapes.append((_RADIUS * math.sqrt(n), 0.0, place))
    # The largest first, so smaller pies (a capital's, inside its ring) stay on top.
    for outer, inner, place in sorted(shapes, key=lambda s: (-s[0], s[2].id)):
        groups = [(g, drawn.counts[place, g]) for g in GROUP_COLOURS if drawn.counts[place, g]]
        total = sum(n for _, n in groups)
        wedges, angle = [], 90.0
        for _, n in groups:
            sweep = 360.0 * n / total
            wedges.append(Wedge((0, 0), outer, angle, angle + sweep, width=outer - inner or None))
            angle += sweep
        ring = inner > 0
        axes.add_collection(
            PatchCollection(
                wedges,
                facecolors=[GROUP_COLOURS[g] for g, _ in groups],
                edgecolors=_EDGE,
                linewidths=0.6 if ring else 0.4,
                linestyles=(0, (2, 1.5)) if ring else "solid",
                alpha=0.6 if ring else None,
                offsets=[place.coordinates] * len(wedges),
                offset_transform=axes.transData,
                transform=Affine2D().scale(1 / 72) + axes.figure.dpi_scale_trans,  # points
                zorder=3,
            )
        )


def _legend(figure: Any, drawn: PlaceCounts) -> None:
    """The groups with their numbers of projects; then the sizes and the ring."""
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.patches import Circle, Patch, Wedge

    def shape(radius: float, ring: float | None = None) -> HandlerPatch:
        """A legend key drawn as a pie (or a ring) of *radius* points, as on the map."""

        def draw(
            xdescent: float, ydescent: float, width: float, height: float, **_: Any
        ) -> Circle | Wedge:
            centre = (width / 2 - xdescent, height / 2 - ydescent)
            if ring is None:
                return Circle(centre, radius)
            return Wedge(centre, radius, 0, 360, width=ring)

        return HandlerPatch(patch_func=draw)

    groups: list[Any] = [
        Patch(
            facecolor=GROUP_COLOURS[g],
            edgecolor=_EDGE,
            linewidth=0.4,
            label=f"{g.label} ({drawn.per_group[g]})",
        )
        for g in GROUP_COLOURS
        if drawn.per_group[g]
    ]
    sizes = sorted({1, max(drawn.per_place.values())})
    keys: list[Any] = [
        Patch(
            facecolor="#bbbbbb", edgecolor=_EDGE, linewidth=0.4, label=f"{n} project{'s' * (n > 1)}"
        )
        for n in sizes
    ]
    country = Patch(
        facecolor="#bbbbbb",
        edgecolor=_EDGE,
        linewidth=0.6,
        linestyle=(0, (2, 1.5)),
        alpha=0.6,
        label="only the country known:\na ring at its capital",
    )
    handlers: dict[Any, HandlerPatch] = dict.fromkeys(groups, shape(_RADIUS * 1.25))
    handlers.update(
        {key: shape(_RADIUS * math.sqrt(n)) for key, n in zip(keys, sizes, strict=True)}
    )
    handlers[country] = shape(7.0, ring=2.5)
    # Column by column: the groups in rows of three, then a column of the keys.
    empty = Patch(visible=False, label=" ")
    columns = -(-len(groups) // 3)
    handles = [*groups, *[empty] * (3 * columns - len(groups)), *keys, country]
    figure.legend(
        handles=handles,
        handler_map=handlers,
        loc="outside lower center",
        ncols=columns + 1,
        frameon=False,
        fontsize=8,
        handlelength=2.8,
        handleheight=2.6,
        title="projects using each technology group (a project may use several), and at a place",
        title_fontsize=8,
    )
