"""sco_digital.plot: the numbers drawn, the subsets and date ranges, and the figures."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Bbox

import mini
import sco_digital as sd
from sco_digital import plot


@pytest.fixture(scope="module")
def bundled() -> sd.Dataset:
    return sd.load()


class TestMembershipPeriods:
    def test_subset_and_range(self, bundled: sd.Dataset) -> None:
        rows = plot.membership_periods(
            bundled, start="2015-01-01", end=dt.date(2020, 1, 1), countries=["Belarus", "IN"]
        )
        assert [
            (
                "IN",
                [
                    (sd.Status.OBSERVER, dt.date(2015, 1, 1), dt.date(2017, 6, 9)),
                    (sd.Status.MEMBER, dt.date(2017, 6, 9), dt.date(2020, 1, 1)),
                ],
            ),
            (
                "BY",
                [
                    (sd.Status.DIALOGUE_PARTNER, dt.date(2015, 1, 1), dt.date(2015, 7, 10)),
                    (sd.Status.OBSERVER, dt.date(2015, 7, 10), dt.date(2020, 1, 1)),
                ],
            ),
        ] == [(country.code, periods) for country, periods in rows]

    def test_end_after_start(self, bundled: sd.Dataset) -> None:
        with pytest.raises(
            ValueError, match=r"^end \(2010-01-01\) is not after start \(2015-01-01\)$"
        ):
            plot.membership_periods(bundled, start="2015-01-01", end="2010-01-01")

    def test_unknown_country(self, bundled: sd.Dataset) -> None:
        with pytest.raises(sd.UnknownKeyError, match="Uzbekstan"):
            plot.membership_periods(bundled, countries=["Uzbekstan"])

    def test_a_str_is_not_a_list_of_countries(self, bundled: sd.Dataset) -> None:
        with pytest.raises(TypeError, match="countries"):
            plot.membership_periods(bundled, countries="KG")

    def test_the_data_date(self) -> None:
        assert dt.date(2025, 8, 29) == plot.data_date(mini.dataset())


class TestCounts:
    def test_technologies_and_countries(self, bundled: sd.Dataset) -> None:
        per_technology, per_country, counts = plot.technology_counts(
            bundled, countries=["KG"], technologies=["5G"]
        )
        five_g_kg = len(bundled.filter(country="KG", technology="5G"))
        assert Counter({sd.Technology.FIVE_G: five_g_kg}) == per_technology
        assert Counter({"KG": five_g_kg}) == per_country
        assert Counter({(sd.Technology.FIVE_G, "KG"): five_g_kg}) == counts

    def test_dates_leave_out_projects_without_a_start(self, bundled: sd.Dataset) -> None:
        per_technology, _, _ = plot.technology_counts(bundled, start="2025-01-01", end="2025-12-31")
        started = [
            p
            for p in bundled.projects
            if p.started is not None and p.started.earliest().year == 2025
        ]
        assert sum(len(p.technologies) for p in started) == sum(per_technology.values())

    def test_yearly(self, bundled: sd.Dataset) -> None:
        counts = plot.yearly_counts(bundled, technologies=["AI"], countries=["KZ"])
        expected = Counter(
            p.started.year
            for p in bundled.filter(technology="AI", country="KZ")
            if p.started is not None
        )
        assert expected == Counter({year: n for (year, _), n in counts.items()})

    def test_unknown_technology(self, bundled: sd.Dataset) -> None:
        with pytest.raises(sd.UnknownKeyError, match="6G"):
            plot.yearly_counts(bundled, technologies=["6G"])


class TestFigures:
    def test_timeline(self, bundled: sd.Dataset) -> None:
        figure = plot.membership_timeline(bundled, countries=["RU", "IR"])
        axes = figure.axes[0]
        assert ["Russia (RU)", "Iran (IR)"] == [t.get_text() for t in axes.get_yticklabels()]
        assert (
            "SCO status of 2 countries, 2001-01-01 to 2026-11-30 (data 2026.11.30)"
            == axes.get_title()
        )

    def test_heatmap(self, bundled: sd.Dataset) -> None:
        figure = plot.technology_heatmap(
            bundled, countries=["KG", "UZ"], technologies=["fibre optics"]
        )
        kg, uz = (len(bundled.filter(technology="fibre optics", country=c)) for c in ("KG", "UZ"))
        labels = sorted(t.get_text() for t in figure.axes[0].get_xticklabels())
        assert [f"KG\n{kg}", f"UZ\n{uz}"] == labels

    def test_per_year_top(self, bundled: sd.Dataset) -> None:
        legend = plot.projects_per_year(bundled, top=1).axes[0].get_legend()
        assert legend is not None
        labels = [t.get_text() for t in legend.get_texts()]
        assert 2 == len(labels)
        assert labels[1].startswith("other technologies (")
        with pytest.raises(ValueError, match=r"^top must be 1 to 7, not 0$"):
            plot.projects_per_year(bundled, top=0)

    def test_nothing_to_draw(self, bundled: sd.Dataset) -> None:
        with pytest.raises(ValueError, match="no project"):
            plot.technology_heatmap(bundled, start="1990-01-01", end="1990-12-31")
        with pytest.raises(ValueError, match="no project"):
            plot.projects_per_year(bundled, start="1990-01-01", end="1990-12-31")

    def test_default_is_the_bundled_dataset(self) -> None:
        assert "Belarus (BY)" in [
            t.get_text() for t in plot.membership_timeline().axes[0].get_yticklabels()
        ]

    def test_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(
            ImportError,
            match=r"^projects_per_year\(\) needs matplotlib: pip install 'sco-digital\[plot\]'$",
        ):
            plot.projects_per_year()


@pytest.fixture(scope="module")
def placed() -> sd.Dataset:
    """The mini dataset with places: two cities and a country drawn at its capital."""
    ds = mini.dataset()
    uzbekistan = sd.Place(
        id="uzbekistan",
        name="Uzbekistan",
        country="UZ",
        latitude=41.26465,
        longitude=69.21627,
        precision=sd.Precision.COUNTRY,
        sources=("seed",),
    )
    where = {"cable": ("bishkek", "tashkent"), "center-branch": ("tashkent",)}
    where["forum-2021"] = ("uzbekistan",)
    projects = [attrs.evolve(p, places=where.get(p.id, ())) for p in ds.projects]
    return attrs.evolve(ds, projects=projects, places=[*ds.places, uzbekistan])


def _wedges(figure: Figure) -> dict[tuple[tuple[float, float], int], Sequence[Path]]:
    """The wedges drawn at each position, in points around it, by position and number."""
    drawn = {}
    for collection in figure.axes[0].collections:
        if isinstance(collection, PatchCollection):
            offsets: Any = collection.get_offsets()
            paths = collection.get_paths()
            drawn[(float(offsets[0][0]), float(offsets[0][1])), len(paths)] = paths
    return drawn


def _reach(paths: Sequence[Path]) -> float:
    """How far the wedges reach: the radius of a whole pie or ring."""
    return max(Bbox.union([p.get_extents() for p in paths]).extents)


class TestMap:
    def test_counts(self, placed: sd.Dataset) -> None:
        """Projects at each place, of each group there, and in each group."""
        g = sd.TechnologyGroup
        counts = plot.place_counts(placed)
        assert ("cable", "center-branch", "forum-2021") == counts.projects
        assert Counter({g.CONNECTIVITY: 2, g.DATA: 1, g.SKILLS: 1, g.ECONOMY: 1}) == (
            counts.per_group
        )
        assert {"bishkek": 1, "tashkent": 2, "uzbekistan": 1} == {
            p.id: n for p, n in counts.per_place.items()
        }
        assert {
            ("bishkek", g.CONNECTIVITY): 1,
            ("tashkent", g.CONNECTIVITY): 1,
            ("tashkent", g.DATA): 1,
            ("tashkent", g.SKILLS): 1,
            ("uzbekistan", g.CONNECTIVITY): 1,
            ("uzbekistan", g.ECONOMY): 1,
        } == {(p.id, group): n for (p, group), n in counts.counts.items()}
        assert () == counts.outside

    def test_counts_take_the_filters(self, placed: sd.Dataset) -> None:
        def ids(**filters: Any) -> tuple[tuple[str, ...], set[tuple[str, str]], tuple[str, ...]]:
            counts = plot.place_counts(placed, **filters)
            pairs = {(p.id, g.value) for p, g in counts.counts}
            return counts.projects, pairs, counts.outside

        assert (("forum-2021",), {("uzbekistan", "connectivity")}, ()) == ids(technologies=["5G"])
        assert (
            ("cable",),
            {("bishkek", "connectivity"), ("tashkent", "connectivity")},
            (),
        ) == ids(countries=["KG"])
        # the cable has no start date, the forum started in 2021
        assert (
            ("center-branch",),
            {("tashkent", "data"), ("tashkent", "skills")},
            (),
        ) == ids(start="2022-01-01")
        # Bishkek only: the cable is counted there, the other places are outside
        assert (
            ("cable",),
            {("bishkek", "connectivity")},
            ("tashkent", "uzbekistan"),
        ) == ids(extent=(70, 40, 80, 45))

    def test_the_bundled_map_counts_every_placed_project(self, bundled: sd.Dataset) -> None:
        placed = [p for p in bundled.projects if p.places and p.technologies]
        places = {i for p in placed for i in p.places}
        counts = plot.place_counts(bundled)
        assert tuple(sorted(p.id for p in placed)) == counts.projects
        assert places == {p.id for p in counts.per_place}
        karamay = bundled.place("karamay")
        assert len(bundled.by_place("karamay")) == counts.per_place[karamay]
        title = plot.project_map(bundled, extent=(-180, -90, 180, 90)).get_suptitle()
        assert f"{len(placed)} projects at {len(places)} places, by technology group" in title

    def test_pies_and_rings(self, placed: sd.Dataset) -> None:
        """
        A pie per city, its area the number of projects and its wedges their
        groups; a ring around the capital's pie for the country.
        """
        figure = plot.project_map(placed)
        assert "3 projects at 3 places, by technology group (data 2025.08.29)" == (
            figure.get_suptitle()
        )
        drawn = _wedges(figure)
        bishkek, tashkent = (74.59, 42.87), (69.21627, 41.26465)
        assert {(bishkek, 1), (tashkent, 3), (tashkent, 2)} == set(drawn)
        pie = 4 * math.sqrt(2)  # Tashkent's two projects, in three groups
        assert _reach(drawn[bishkek, 1]) == pytest.approx(4.0)
        assert _reach(drawn[tashkent, 3]) == pytest.approx(pie)
        ring = drawn[tashkent, 2]  # Uzbekistan's one project, in two groups
        inner = pie + 1.5
        outer = math.sqrt(inner**2 + 4.0**2)  # the area of one project's pie
        assert _reach(ring) == pytest.approx(outer)
        for radius, inside in [(inner - 0.05, False), (inner + 0.05, True), (outer + 0.05, False)]:
            assert inside == any(p.contains_point((0, radius)) for p in ring), radius

    def test_legend(self, placed: sd.Dataset) -> None:
        legend = plot.project_map(placed).legends[0]
        assert [
            "Connectivity (2)",
            "Data, cloud and security (1)",
            "Digital economy and trade (1)",
            "Skills and education (1)",
            "1 project",
            "2 projects",
            "only the country known:\na ring at its capital",
        ] == [t.get_text() for t in legend.get_texts() if t.get_text().strip()]

    def test_the_sco_countries_are_shaded(self, placed: sd.Dataset) -> None:
        countries = next(
            c for c in plot.project_map(placed).axes[0].collections if isinstance(c, PathCollection)
        )
        facecolors: Any = countries.get_facecolor()
        shades = Counter(to_hex(colour) for colour in facecolors)
        # mini's five countries: China, Kyrgyzstan, Uzbekistan, Belarus and Laos
        assert 5 == shades["#e3dfd3"]

    def test_the_title_names_the_filters_and_what_is_outside(self, placed: sd.Dataset) -> None:
        figure = plot.project_map(
            placed, countries=["Kyrgyzstan"], technologies=["fibre optics"], extent=(70, 40, 80, 45)
        )
        axes = figure.axes[0]
        assert [
            "1 project at 1 place, by technology group (data 2025.08.29)",
            "countries: KG; technologies: Fibre optics",
            "1 of their places lies outside the map",
        ] == figure.get_suptitle().split("\n")
        assert ((70.0, 80.0), (40.0, 45.0)) == (axes.get_xlim(), axes.get_ylim())
        dated = plot.project_map(placed, start="2022-01-01", end=dt.date(2024, 1, 1))
        assert "started 2022-01-01 to 2024-01-01" == dated.get_suptitle().split("\n")[1]

    def test_an_array_is_an_extent(self, placed: sd.Dataset) -> None:
        numpy = pytest.importorskip("numpy")  # the test extra has it, through pandas
        axes = plot.project_map(placed, extent=numpy.array([70, 40, 80, 45])).axes[0]
        assert (70.0, 80.0) == axes.get_xlim()

    @pytest.mark.parametrize(
        ("extent", "error", "message"),
        [
            ((80, 40, 70, 45), ValueError, "extent's west (80) is east of its east (70):"),
            ((170, -10, -170, 10), ValueError, "a box across the antimeridian is not supported"),
            ((0, 50, 10, 50), ValueError, "extent must have -180 <= west < east <= 180"),
            ((0, 0, 200, 10), ValueError, "extent must have -180 <= west < east <= 180"),
            ((float("nan"), 0, 10, 10), ValueError, "extent must have -180 <= west"),
            (
                (0, 0, 10),
                ValueError,
                "extent must be four numbers (west, south, east, north), not 3",
            ),
            ((10**400, 0, 1, 1), ValueError, "extent must be four numbers of degrees, not numbers"),
            ("1234", TypeError, "extent must be four numbers (west, south, east, north), got str"),
            (
                b"1234",
                TypeError,
                "extent must be four numbers (west, south, east, north), got bytes",
            ),
            (
                {60: 0, 20: 0, 80: 0, 40: 0},
                TypeError,
                "extent must be four numbers (west, south, east, north), got dict",
            ),
            (5, TypeError, "extent must be four numbers (west, south, east, north), got int"),
            ((True, False, 2, 3), TypeError, "extent must be a real number"),
            (("6e1", "2e1", "8e1", "4e1"), TypeError, "extent must be a real number"),
        ],
    )
    def test_bad_extent(
        self, placed: sd.Dataset, extent: Any, error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error, match=re.escape(message)):
            plot.project_map(placed, extent=extent)
        with pytest.raises(error, match=re.escape(message)):
            plot.place_counts(placed, extent=extent)

    def test_nothing_to_draw(self, placed: sd.Dataset) -> None:
        message = (
            "^no project with a place in the extent matches the technologies, countries"
            " and dates given$"
        )
        with pytest.raises(ValueError, match=message):
            plot.project_map(placed, start="1990-01-01", end="1990-12-31")
        with pytest.raises(ValueError, match=message):
            plot.project_map(placed, extent=(20, 60, 180, 85))

    def test_arguments_of_the_wrong_kind(self, placed: sd.Dataset) -> None:
        with pytest.raises(TypeError, match="^ds must be a Dataset or None, got str$"):
            plot.project_map("bundled")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="^countries must be a list of countries, got int$"):
            plot.place_counts(placed, countries=5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="^technologies must be a list of technologies, got"):
            plot.project_map(placed, technologies=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "draw", [plot.place_counts, plot.project_map, plot.technology_counts, plot.yearly_counts]
    )
    def test_end_before_start(self, placed: sd.Dataset, draw: Any) -> None:
        with pytest.raises(
            ValueError, match=r"^end \(2020-01-01\) is before start \(2024-01-01\)$"
        ):
            draw(placed, start="2024-01-01", end="2020-01-01")

    def test_without_matplotlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(ImportError, match=r"^project_map\(\) needs matplotlib"):
            plot.project_map()
