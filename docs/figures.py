"""
Draw the documentation's figures from the bundled data.

    python docs/figures.py [OUT_DIR]

writes ``membership-timeline.svg`` and ``projects-by-technology.svg`` into
OUT_DIR (default: ``docs/_static/figures``). Every Sphinx build runs this
(see ``conf.py``), and the README shows the committed copies.

Each SVG's description holds a fingerprint of what it shows: a hash of
this script and of the numbers drawn. ``tests/docs/test_figures.py`` checks
that the committed files carry the fingerprint of the current data and
script, without needing matplotlib, so a data change that leaves them stale
fails the tests.

The output is deterministic: fixed sizes and fonts, text drawn as paths,
a fixed SVG id salt, no date in the metadata, and a timeline that ends on
the data version's date rather than on the day it is drawn. Drawing needs
the ``docs`` extra (matplotlib).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sco_digital as sd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

OUT_DIR = Path(__file__).parent / "_static" / "figures"
TIMELINE = "membership-timeline.svg"
TECHNOLOGIES = "projects-by-technology.svg"
FIGURES = (TIMELINE, TECHNOLOGIES)
START = dt.date(2001, 1, 1)

# The Okabe-Ito palette, readable with the common colour-vision deficiencies.
COLOURS = {
    sd.Status.MEMBER: "#0072B2",
    sd.Status.OBSERVER: "#E69F00",
    sd.Status.DIALOGUE_PARTNER: "#009E73",
    sd.Status.PARTNER: "#CC79A7",
}
STYLE = {
    "font.family": "DejaVu Sans",  # bundled with matplotlib: the same glyphs everywhere
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "sco-digital",
}
FINGERPRINT = re.compile(r"<dc:description>.*fingerprint sha256:([0-9a-f]{64})</dc:description>")

Period = tuple[sd.Status, dt.date, dt.date]


def data_date(ds: sd.Dataset) -> dt.date:
    """The day the data version names: "2026.11.30" is 26 November 2026."""
    if ds.data_version is None:
        msg = "the dataset has no data version to end the timeline on"
        raise ValueError(msg)
    year, month, day = (int(part) for part in ds.data_version.split(".")[:3])
    return dt.date(year, month, day)


def timeline(ds: sd.Dataset) -> list[tuple[sd.Country, list[Period]]]:
    """
    Every country's status periods, clipped to START..the data date, in the
    order in which the countries first gained a status (then by name).

    A period runs from the first day its start may mean up to the first day
    its end may mean, as `Membership.holds_on` counts it.
    """
    end = data_date(ds)
    rows = []
    for country in ds.countries:
        periods = [
            (
                m.status,
                max(m.since.earliest(), START),
                min(m.until.earliest() if m.until else end, end),
            )
            for m in country.memberships
        ]
        rows.append((country, [p for p in periods if p[1] < p[2]]))
    return sorted(rows, key=lambda row: (_first_day(row[0]), row[0].name))


def _first_day(country: sd.Country) -> dt.date:
    return min((m.since.earliest() for m in country.memberships), default=dt.date.max)


def technology_counts(
    ds: sd.Dataset,
) -> tuple[Counter[sd.Technology], Counter[str], Counter[tuple[sd.Technology, str]]]:
    """
    How many projects use each technology, how many each country takes
    part in, and how many use each technology with each country taking part.
    """
    counts: Counter[tuple[sd.Technology, str]] = Counter()
    for project in ds.projects:
        for technology in project.technologies:
            for code in project.countries:
                counts[technology, code] += 1
    per_technology = Counter(t for p in ds.projects for t in p.technologies)
    per_country = Counter(c for p in ds.projects for c in p.countries)
    return per_technology, per_country, counts


def draw_timeline(ds: sd.Dataset) -> Figure:
    """The membership timeline: one row per country, coloured by status."""
    from matplotlib.dates import YearLocator, date2num
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = timeline(ds)
    end = data_date(ds)
    figure = Figure(figsize=(9, 7.5), layout="constrained")
    axes = figure.add_subplot()
    for y, (_country, periods) in enumerate(rows):
        axes.broken_barh(
            [(date2num(start), date2num(stop) - date2num(start)) for _, start, stop in periods],
            (y - 0.38, 0.76),
            facecolors=[COLOURS[status] for status, _, _ in periods],
        )
    axes.set_yticks(range(len(rows)), [f"{c.name} ({c.code})" for c, _ in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlim(date2num(START), date2num(end))
    axes.xaxis_date()
    axes.xaxis.set_major_locator(YearLocator(2))
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_title(
        f"SCO status of the {len(rows)} countries, {START.year} to {end.isoformat()}"
        f" (data {ds.data_version})"
    )
    axes.legend(
        handles=[Patch(color=COLOURS[s], label=s.label) for s in COLOURS],
        loc="lower left",
        frameon=True,
    )
    return figure


def draw_technologies(ds: sd.Dataset) -> Figure:
    """The number of projects for each technology and participating country."""
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure

    per_technology, per_country, counts = technology_counts(ds)
    # Most projects first, then by name.
    technologies = sorted(per_technology, key=lambda t: (-per_technology[t], t.label))
    countries = sorted(per_country, key=lambda c: (-per_country[c], c))
    grid = [[counts[t, c] for c in countries] for t in technologies]
    figure = Figure(figsize=(9, 10), layout="constrained")
    axes = figure.add_subplot()
    top = max(max(row) for row in grid)
    # White for no project, then light to dark blue.
    shades = ListedColormap(["#ffffff", *_blues(top)])
    image = axes.imshow(grid, cmap=shades, vmin=-0.5, vmax=top + 0.5, aspect="auto")
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            if value:
                colour = "white" if value > top / 2 else "black"
                axes.text(x, y, str(value), ha="center", va="center", color=colour, fontsize=7)
    axes.set_xticks(range(len(countries)), [f"{c}\n{per_country[c]}" for c in countries])
    axes.set_yticks(
        range(len(technologies)), [f"{t.label} ({per_technology[t]})" for t in technologies]
    )
    axes.xaxis.tick_top()
    axes.set_xticks([x - 0.5 for x in range(1, len(countries))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, len(technologies))], minor=True)
    axes.grid(which="minor", color="#dddddd", linewidth=0.5)
    axes.tick_params(which="minor", length=0)
    axes.set_title(
        "Projects by technology and participating country\n"
        f"{len(ds.projects)} projects, data {ds.data_version}; totals beside the names"
    )
    figure.colorbar(image, ax=axes, shrink=0.4, label="projects", ticks=range(0, top + 1, 5))
    return figure


def _blues(n: int) -> list[tuple[float, float, float]]:
    """*n* blues from light to dark, interpolated in RGB."""
    light, dark = (0.84, 0.90, 0.96), (0.03, 0.19, 0.42)
    return [
        tuple(a + (b - a) * i / max(n - 1, 1) for a, b in zip(light, dark, strict=True))  # type: ignore[misc]
        for i in range(n)
    ]


def fingerprint(ds: sd.Dataset) -> str:
    """A hash of this script and of every number the figures show."""
    per_technology, per_country, counts = technology_counts(ds)
    drawn = {
        "data_version": ds.data_version,
        "timeline": [
            [
                country.code,
                country.name,
                [[s.value, a.isoformat(), b.isoformat()] for s, a, b in ps],
            ]
            for country, ps in timeline(ds)
        ],
        "technologies": sorted([t.value, t.label, n] for t, n in per_technology.items()),
        "countries": sorted(per_country.items()),
        "counts": sorted([t.value, c, n] for (t, c), n in counts.items()),
    }
    script = Path(__file__).read_text(encoding="utf-8").replace("\r\n", "\n")
    digest = hashlib.sha256(script.encode())
    digest.update(json.dumps(drawn, sort_keys=True).encode())
    return digest.hexdigest()


def read_fingerprint(svg: Path) -> str | None:
    """The fingerprint written into *svg*, or None if it has none."""
    match = FINGERPRINT.search(svg.read_text(encoding="utf-8"))
    return match[1] if match else None


def write_figures(out_dir: Path = OUT_DIR, ds: sd.Dataset | None = None) -> list[Path]:
    """Draw every figure into *out_dir*; return the files written."""
    import matplotlib as mpl

    mpl.use("Agg")  # never a window, whatever the environment says
    ds = ds or sd.load()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    metadata = {
        "Date": None,
        "Creator": "docs/figures.py (sco-digital)",
        "Description": f"Drawn from sco-digital data {ds.data_version};"
        f" fingerprint sha256:{fingerprint(ds)}",
    }
    with mpl.rc_context(STYLE):
        for name, draw in ((TIMELINE, draw_timeline), (TECHNOLOGIES, draw_technologies)):
            path = out_dir / name
            figure: Any = draw(ds)
            figure.savefig(path, format="svg", metadata=metadata)
            written.append(path)
    return written


if __name__ == "__main__":
    for path in write_figures(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR):
        print(path)
