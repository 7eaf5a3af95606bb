"""
Draw the documentation's figures from the bundled data, with `sco_digital.plot`.

    python docs/figures.py [OUT_DIR]

writes ``membership-timeline.svg``, ``projects-by-technology.svg``,
``projects-per-year.svg`` and ``projects-map.svg`` into OUT_DIR (default: ``docs/_static/figures``).
Every Sphinx build runs this (see ``conf.py``), and the README shows the
committed copies.

Each SVG's description holds a fingerprint of what it shows: a hash of
this script, of `sco_digital.plot`'s modules and base map, and of the
numbers drawn.
``tests/docs/test_figures.py`` checks that the committed files carry the
fingerprint of the current data and code, without needing matplotlib, so a
data change that leaves them stale fails the tests.

The output is deterministic: fixed sizes and fonts, text drawn as paths,
a fixed SVG id salt, no date in the metadata, and a timeline that ends on
the data version's date rather than on the day it is drawn. Drawing needs
the ``plot`` extra (matplotlib).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import sco_digital as sd
from sco_digital import plot

OUT_DIR = Path(__file__).parent / "_static" / "figures"
TIMELINE = "membership-timeline.svg"
TECHNOLOGIES = "projects-by-technology.svg"
PER_YEAR = "projects-per-year.svg"
MAP = "projects-map.svg"
DRAWN = {
    TIMELINE: plot.membership_timeline,
    TECHNOLOGIES: plot.technology_heatmap,
    PER_YEAR: plot.projects_per_year,
    MAP: plot.project_map,
}
CODE = ("plot.py", "_plotting.py", "_map.py", "_basemap.geojson")
"""The files of the package that draw the figures, besides the data."""
FIGURES = tuple(DRAWN)
STYLE = {
    "font.family": "DejaVu Sans",  # bundled with matplotlib: the same glyphs everywhere
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "sco-digital",
}
FINGERPRINT = re.compile(r"<dc:description>.*fingerprint sha256:([0-9a-f]{64})</dc:description>")


def fingerprint(ds: sd.Dataset) -> str:
    """A hash of this script, of the plot module and of every number the figures show."""
    per_technology, per_country, counts = plot.technology_counts(ds)
    drawn = {
        "data_version": ds.data_version,
        "timeline": [
            [
                country.code,
                country.name,
                [[s.value, a.isoformat(), b.isoformat()] for s, a, b in ps],
            ]
            for country, ps in plot.membership_periods(ds)
        ],
        "technologies": sorted([t.value, t.label, n] for t, n in per_technology.items()),
        "countries": sorted(per_country.items()),
        "counts": sorted([t.value, c, n] for (t, c), n in counts.items()),
        "years": sorted([y, t.value, n] for (y, t), n in plot.yearly_counts(ds).items()),
        "places": sorted(
            [p.id, p.longitude, p.latitude, p.precision.value, g.value, n]
            for (p, g), n in plot.place_counts(ds, extent=plot.MAP_EXTENT).counts.items()
        ),
        "per_place": sorted(
            [p.id, n] for p, n in plot.place_counts(ds, extent=plot.MAP_EXTENT).per_place.items()
        ),
    }
    digest = hashlib.sha256()
    package = Path(plot.__file__).parent
    for code in (Path(__file__), *(package / name for name in CODE)):
        digest.update(code.read_text(encoding="utf-8").replace("\r\n", "\n").encode())
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
        for name, draw in DRAWN.items():
            path = out_dir / name
            draw(ds).savefig(path, format="svg", metadata=metadata)
            written.append(path)
    return written


if __name__ == "__main__":
    for path in write_figures(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR):
        print(path)
