"""sco_digital.plot: the numbers drawn, the subsets and date ranges, and the figures."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import pytest

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
