"""
Plots of the dataset as matplotlib figures (``pip install 'sco-digital[plot]'``).

Each function takes a `Dataset` (default: the bundled one) and returns a
`matplotlib.figure.Figure`, drawn without pyplot: show it in a notebook by
leaving it as a cell's last value, or save it with ``figure.savefig(path)``.
The numbers each plot draws come from a function of their own
(`membership_periods`, `technology_counts`, `yearly_counts`, `place_counts`), so they can be
checked or put in a table.

- `membership_timeline`: one row per country, coloured by SCO status.
- `technology_heatmap`: projects per technology and participating country.
- `projects_per_year`: projects started each year, stacked by technology.
- `project_map`: projects at their places on a base map, by technology group.

Every function takes a date range (*start*, *end*: a `datetime.date` or a
"YYYY-MM-DD" str) and subsets (*countries*: codes, names or aliases;
*technologies*: slugs, labels or aliases). A timeline ends by default on the
day the data version names ("2026.11.30"), so a figure drawn today and
tomorrow is the same. The docs' figures are drawn by these functions
(docs/figures.py).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import _plotting
from ._map import GROUP_COLOURS, MAP_EXTENT, PlaceCounts, place_counts, project_map
from ._optional import require as _require
from ._plotting import FOUNDED, data_date
from .models import Status, Technology

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .dataset import Dataset
    from .models import Country

__all__ = [
    "COLOURS",
    "FOUNDED",
    "GROUP_COLOURS",
    "MAP_EXTENT",
    "Period",
    "PlaceCounts",
    "data_date",
    "membership_periods",
    "membership_timeline",
    "place_counts",
    "project_map",
    "projects_per_year",
    "technology_counts",
    "technology_heatmap",
    "yearly_counts",
]

COLOURS = {
    Status.MEMBER: "#0072B2",
    Status.OBSERVER: "#E69F00",
    Status.DIALOGUE_PARTNER: "#009E73",
    Status.PARTNER: "#CC79A7",
}
"""The colour of each status: the Okabe-Ito palette, readable with the common
colour-vision deficiencies."""

# One colour per technology in `projects_per_year` (Okabe-Ito, then greys).
_SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
_OTHERS = "#999999"

Period = tuple[Status, dt.date, dt.date]
"""A status held from the first day to the second (exclusive)."""


def membership_periods(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
) -> list[tuple[Country, list[Period]]]:
    """
    Each country's status periods clipped to *start*..*end*, in the order in
    which the countries first gained a status (then by name). A period runs
    from the first day its start may mean up to the first day its end may
    mean, as `Membership.holds_on` counts it.

    Args:
        ds: The dataset; None for the bundled one.
        start: The first day (default: 2001-01-01).
        end: The last day (default: the data version's date).
        countries: The countries to show (any spelling); None for all.

    Returns:
        (country, periods) pairs, periods in time order.

    Raises:
        TypeError: *ds* or *countries* is of the wrong kind (a str is not a
            list), or a date is neither a date nor a str.
        ValueError: *end* is not after *start*, or a date is not a real day.
        UnknownKeyError: A country is unknown.
    """
    ds = _plotting.dataset(ds)
    first, last = _plotting.day_range(ds, start, end)
    rows = []
    for country in _plotting.pick_countries(ds, countries):
        periods = [
            (
                m.status,
                max(m.since.earliest(), first),
                min(m.until.earliest() if m.until else last, last),
            )
            for m in country.memberships
        ]
        rows.append((country, [p for p in periods if p[1] < p[2]]))
    return sorted(rows, key=lambda row: (_first_day(row[0]), row[0].name))


def _first_day(country: Country) -> dt.date:
    return min((m.since.earliest() for m in country.memberships), default=dt.date.max)


def technology_counts(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
) -> tuple[Counter[Technology], Counter[str], Counter[tuple[Technology, str]]]:
    """
    How many projects use each technology, how many each country takes part
    in, and how many use each technology with each country taking part (a
    project with several countries counts once for each).

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day (their start's
            first day); projects without a start date are then left out.
        end: Only projects started on or before this day.
        countries: Only these countries (any spelling); None for all.
        technologies: Only these technologies (any slug, label or alias).

    Returns:
        Three Counters: per technology, per country code, and per
        (technology, country code).

    Raises:
        TypeError: *ds*, *countries* or *technologies* is of the wrong kind (a
            str is not a list), or a date is neither a date nor a str.
        UnknownKeyError: A country or technology is unknown.
        ValueError: A date is not a real day, or *end* is before *start*.
    """
    ds = _plotting.dataset(ds)
    projects, codes, wanted, *_ = _plotting.chosen(ds, start, end, countries, technologies)
    counts: Counter[tuple[Technology, str]] = Counter()
    per_technology: Counter[Technology] = Counter()
    per_country: Counter[str] = Counter()
    for project in projects:
        used = [t for t in project.technologies if wanted is None or t in wanted]
        taking_part = [c for c in project.countries if c in codes]
        if countries is None or taking_part:
            per_technology.update(used)
        if wanted is None or used:
            per_country.update(taking_part)
        counts.update((t, c) for t in used for c in taking_part)
    return per_technology, per_country, counts


def yearly_counts(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
) -> Counter[tuple[int, Technology]]:
    """
    How many projects started each year with each technology (a project with
    several technologies counts once for each); projects without a start
    date are left out.

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias).

    Returns:
        A Counter of (year, technology).

    Raises:
        TypeError: *ds*, *countries* or *technologies* is of the wrong kind (a
            str is not a list), or a date is neither a date nor a str.
        UnknownKeyError: A country or technology is unknown.
        ValueError: A date is not a real day, or *end* is before *start*.
    """
    ds = _plotting.dataset(ds)
    projects, codes, wanted, *_ = _plotting.chosen(ds, start, end, countries, technologies)
    return Counter(
        (p.started.year, t)
        for p in projects
        if p.started is not None and (countries is None or p.countries & codes)
        for t in p.technologies
        if wanted is None or t in wanted
    )


def membership_timeline(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
) -> Figure:
    """
    The membership timeline: one row per country, a bar for each status it
    held, coloured by status (`COLOURS`), from *start* to *end*.

    Args:
        ds: The dataset; None for the bundled one.
        start: The first day (default: 2001-01-01).
        end: The last day (default: the data version's date).
        countries: The countries to show (any spelling); None for all.

    Returns:
        A matplotlib Figure, 9 by 7.5 inches for the 27 countries.

    Raises:
        ImportError: matplotlib is not installed; the message names the extra.
        TypeError: *ds* or *countries* is of the wrong kind (a str is not a
            list), or a date is neither a date nor a str.
        ValueError: *end* is not after *start*, or a date is not a real day.
        UnknownKeyError: A country is unknown.
    """
    ds = _plotting.dataset(ds)
    rows = membership_periods(ds, start=start, end=end, countries=countries)
    first, last = _plotting.day_range(ds, start, end)
    figure = _plotting.figure("membership_timeline", 9, 1.86 + 0.22 * len(rows))
    from matplotlib.patches import Patch

    dates: Any = _require("matplotlib.dates", "membership_timeline")  # untyped functions
    date2num = dates.date2num

    axes = figure.add_subplot()
    for y, (_country, periods) in enumerate(rows):
        axes.broken_barh(
            [(date2num(a), date2num(b) - date2num(a)) for _, a, b in periods],
            (y - 0.38, 0.76),
            facecolors=[COLOURS[status] for status, _, _ in periods],
        )
    axes.set_yticks(range(len(rows)), [f"{c.name} ({c.code})" for c, _ in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlim(date2num(first), date2num(last))
    axes.xaxis_date()
    axes.xaxis.set_major_locator(dates.YearLocator(max(1, (last.year - first.year) // 12)))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_title(
        f"SCO status of {len(rows)} countries, {first.isoformat()} to {last.isoformat()}"
        f" (data {ds.data_version})"
    )
    figure.legend(
        handles=[Patch(color=COLOURS[s], label=s.label) for s in COLOURS],
        loc="outside lower center",
        ncols=len(COLOURS),
        frameon=False,
    )
    return figure


def technology_heatmap(
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
) -> Figure:
    """
    The number of projects for each technology (rows) and participating
    country (columns), most projects first; totals beside the names.

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day.
        end: Only projects started on or before this day.
        countries: Only these countries (any spelling); None for all.
        technologies: Only these technologies (any slug, label or alias).

    Returns:
        A matplotlib Figure.

    Raises:
        ImportError: matplotlib is not installed; the message names the extra.
        TypeError: *ds*, *countries* or *technologies* is of the wrong kind (a
            str is not a list), or a date is neither a date nor a str.
        UnknownKeyError: A country or technology is unknown.
        ValueError: No project matches, *end* is before *start*, or a date is
            not a real day.
    """
    ds = _plotting.dataset(ds)
    per_technology, per_country, counts = technology_counts(
        ds, start=start, end=end, countries=countries, technologies=technologies
    )
    if not counts:
        msg = "no project matches the technologies, countries and dates given"
        raise ValueError(msg)
    rows = sorted(per_technology, key=lambda t: (-per_technology[t], t.label))
    columns = sorted(per_country, key=lambda c: (-per_country[c], c))
    grid = [[counts[t, c] for c in columns] for t in rows]
    figure = (
        _plotting.figure("technology_heatmap", 9, 10)  # the docs' figure
        if countries is None and technologies is None
        else _plotting.figure(
            "technology_heatmap", max(6.0, 2.5 + 0.3 * len(columns)), 1.5 + 0.3 * len(rows)
        )
    )
    from matplotlib.colors import ListedColormap

    axes = figure.add_subplot()
    top = max(max(row) for row in grid)
    colours: list[Any] = ["#ffffff", *_blues(top)]
    shades = ListedColormap(colours)  # white for none, then light to dark
    image = axes.imshow(grid, cmap=shades, vmin=-0.5, vmax=top + 0.5, aspect="auto")
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            if value:
                colour = "white" if value > top / 2 else "black"
                axes.text(x, y, str(value), ha="center", va="center", color=colour, fontsize=7)
    axes.set_xticks(range(len(columns)), [f"{c}\n{per_country[c]}" for c in columns])
    axes.set_yticks(range(len(rows)), [f"{t.label} ({per_technology[t]})" for t in rows])
    axes.xaxis.tick_top()
    axes.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    axes.grid(which="minor", color="#dddddd", linewidth=0.5)
    axes.tick_params(which="minor", length=0)
    axes.set_title(
        "Projects by technology and participating country\n"
        f"data {ds.data_version}; totals beside the names"
    )
    figure.colorbar(image, ax=axes, shrink=0.4, label="projects", ticks=range(0, top + 1, 5))
    return figure


def _blues(n: int) -> list[tuple[float, float, float]]:
    """*n* blues from light to dark, interpolated in RGB."""
    light, dark = (0.84, 0.90, 0.96), (0.03, 0.19, 0.42)
    steps = [i / max(n - 1, 1) for i in range(n)]
    red, green, blue = ([a + (b - a) * f for f in steps] for a, b in zip(light, dark, strict=True))
    return list(zip(red, green, blue, strict=True))


def projects_per_year(  # noqa: PLR0913 - the filters of the others, and top
    ds: Dataset | None = None,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    countries: Iterable[str | Country] | None = None,
    technologies: Iterable[str | Technology] | None = None,
    top: int = 6,
) -> Figure:
    """
    Projects started each year, stacked by technology: the *top* technologies
    with the most projects in the range have a colour each, the rest are
    summed as "other technologies" (a project counts once per technology).

    Args:
        ds: The dataset; None for the bundled one.
        start: Only projects started on or after this day.
        end: Only projects started on or before this day.
        countries: Only projects in which one of these countries takes part.
        technologies: Only these technologies (any slug, label or alias).
        top: How many technologies get a colour of their own (1 to 7).

    Returns:
        A matplotlib Figure.

    Raises:
        ImportError: matplotlib is not installed; the message names the extra.
        TypeError: *ds*, *countries* or *technologies* is of the wrong kind (a
            str is not a list), or a date is neither a date nor a str.
        UnknownKeyError: A country or technology is unknown.
        ValueError: *top* is not 1 to 7, no project matches, *end* is before
            *start*, or a date is not a real day.
    """
    if not 1 <= top <= len(_SERIES):
        msg = f"top must be 1 to {len(_SERIES)}, not {top!r}"
        raise ValueError(msg)
    ds = _plotting.dataset(ds)
    counts = yearly_counts(ds, start=start, end=end, countries=countries, technologies=technologies)
    if not counts:
        msg = "no project with a start date matches the technologies, countries and dates given"
        raise ValueError(msg)
    totals: Counter[Technology] = Counter()
    for (_, technology), n in counts.items():
        totals[technology] += n
    named = sorted(totals, key=lambda t: (-totals[t], t.label))[:top]
    years = list(range(min(y for y, _ in counts), max(y for y, _ in counts) + 1))
    series: list[tuple[str, str, list[int]]] = [
        (f"{t.label} ({totals[t]})", colour, [counts[y, t] for y in years])
        for t, colour in zip(named, _SERIES, strict=False)
    ]
    rest = [
        sum(n for (y, t), n in counts.items() if y == year and t not in named) for year in years
    ]
    if any(rest):
        series.append((f"other technologies ({sum(rest)})", _OTHERS, rest))
    figure = _plotting.figure("projects_per_year", 9, 5)
    axes: Any = figure.add_subplot()
    bottom = [0] * len(years)
    for label, colour, values in series:
        axes.bar(years, values, bottom=bottom, color=colour, label=label, width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_xticks(years, [str(y) for y in years], rotation=90)
    axes.set_ylabel("projects started (once per technology)")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(loc="upper left", frameon=True)
    axes.set_title(f"Projects started per year, by technology (data {ds.data_version})")
    return figure
