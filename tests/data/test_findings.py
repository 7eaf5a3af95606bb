"""
The eleven findings of the accuracy audit (issue 11), each as the value the
sources give, and the figures that change over time as series.
"""

from __future__ import annotations

import pytest

import sco_digital as sd
from sco_digital import PartialDate, Qualifier, Role, Status, Technology

REVIEWED = "2026.11.30"
LUBAN = "luban-workshops-sco-network"


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


def _period(ds: sd.Dataset, code: str, status: Status) -> sd.Membership:
    (period,) = [m for m in ds.country(code).memberships if m.status is status]
    return period


def _figures(series: tuple[sd.Indicator, ...]) -> list[tuple[str, float, str]]:
    return [(str(i.as_of or i.period_end or i.period), i.value, i.qualifier.value) for i in series]


class TestFindings:
    def test_1_luban_hosts_and_counts(self, ds: sd.Dataset) -> None:
        """Tianjin's ten workshops in eight SCO countries (seven named); Kyrgyzstan's is Zhejiang-built."""
        network = ds.project(LUBAN)
        hosts = {p.country for p in network.participants if p.role is Role.HOST}
        assert {"EG", "KG", "KH", "KZ", "PK", "RU", "TJ", "UZ"} == hosts
        assert "Zhejiang" in (network.note or "")
        assert [("2025-08", 10.0, "exact")] == _figures(
            ds.series("workshops_in_sco_countries", LUBAN)
        )
        assert [("2025-08", 8.0, "exact")] == _figures(ds.series("sco_host_countries", LUBAN))
        assert [("2021-09", 10.0, "exact"), ("2025-09-01", 10.0, "exact")] == _figures(
            ds.series("workshops_pledged_in_sco_countries", LUBAN)
        )
        assert {"tdminews-luban-sco-2025", "newsgd-luban-sco-2025"} <= set(
            ds.indicator("luban-in-sco").sources
        )

    def test_2_hospital_tour_is_not_the_conference(self, ds: sd.Dataset) -> None:
        """BCI and 5G ambulances were shown on 2025-04-28, not at the conference of 04-27."""
        project = ds.project("sco-hospital-cooperation-conference-telemedicine-2025")
        assert PartialDate(2025, 4, 27) == project.started
        assert {
            Technology.ARTIFICIAL_INTELLIGENCE,
            Technology.BIG_DATA,
            Technology.TELEMEDICINE,
        } == project.technologies
        assert "5G" not in project.summary
        assert "brain-computer" in (project.note or "")

    def test_3_ict_ministers_met_in_2023(self, ds: sd.Dataset) -> None:
        """India chaired a meeting in May 2023, before Almaty's third."""
        project = ds.project("sco-ict-ministers-meetings")
        assert Role.HOST in project.roles_of("IN")
        assert "business-standard-2023-05-13" in project.sources
        assert ds.source("business-standard-2023-05-13").published == PartialDate(2023, 5, 13)
        assert (
            "business-standard-2023-05-13"
            in ds.conflict("c14-almaty-ict-ministers-meeting").sources
        )

    def test_4_belarus_from_its_memorandum(self, ds: sd.Dataset) -> None:
        """Dialogue partner from the 2010 memorandum; the 2009 decision stays in conflict C3."""
        period = _period(ds, "BY", Status.DIALOGUE_PARTNER)
        assert (PartialDate(2010), PartialDate(2015, 7, 10)) == (period.since, period.until)
        assert {"belarus-kz-by-memorandum", "tass-1642375"} <= set(period.sources)
        conflict = ds.conflict("c03-belarus-dialogue-partner-start")
        assert "2009-06-16" in conflict.summary
        assert "2009-06-16" in (period.note or "")

    def test_5_sri_lanka_memorandum(self, ds: sd.Dataset) -> None:
        """A memorandum of May 2010 is reported; conflict C25 keeps the 2009 decision."""
        period = _period(ds, "LK", Status.DIALOGUE_PARTNER)
        assert PartialDate(2010, 5) == period.since
        assert ds.source("awarelogue-2019-05").kind is sd.SourceKind.BLOG
        assert ["c25-sri-lanka-dialogue-partner-start"] == [c.id for c in ds.conflicts_for("LK")]

    def test_6_saudi_cabinet_approval(self, ds: sd.Dataset) -> None:
        """Signed at Samarkand in September 2022; the cabinet's approval is conflict C26."""
        period = _period(ds, "SA", Status.DIALOGUE_PARTNER)
        assert PartialDate(2022, 9) == period.since
        assert "gulfnews-2023-03-29" in period.sources
        assert "gulfnews-2023-03-29" in ds.conflict("c26-saudi-dialogue-partner-start").sources

    @pytest.mark.parametrize("code", ["IN", "PK", "IR"])
    def test_7_observers_of_2005(self, ds: sd.Dataset, code: str) -> None:
        """Observers from the Astana summit of 2005-07-05; June 2005 is conflict C27."""
        period = _period(ds, code, Status.OBSERVER)
        assert PartialDate(2005, 7, 5) == period.since
        assert "dawn-2005-07-06" in period.sources
        assert "c27-observers-2005" in [c.id for c in ds.conflicts_for(code)]

    def test_8_luban_students_and_trainees(self, ds: sd.Dataset) -> None:
        """The aggregator's 30,000 is kept beside the official, smaller counts (conflict C23)."""
        assert [
            ("2022-08", 3200.0, "more_than"),
            ("2024-11", 20000.0, "exact"),
            ("2025-01", 22000.0, "more_than"),
            ("2025-08", 30000.0, "more_than"),
        ] == _figures(ds.series("students_educated", LUBAN))
        assert [("2025-08", 15000.0, "more_than")] == _figures(
            ds.series("people_trained_in_sco_workshops", LUBAN)
        )
        assert "luban-students" in ds.conflict("c23-luban-totals-scope").records

    def test_9_tianjin_documents(self, ds: sd.Dataset) -> None:
        """24 documents besides the declaration, or 20 signed in all (conflict C24)."""
        subject = "tianjin-declaration-2025-digital"
        assert 24.0 == ds.indicator("tianjin-decl-documents").value
        assert 20.0 == ds.latest("documents_signed", subject).value
        assert {"tianjin-decl-documents", "tianjin-summit-documents-signed-akorda"} <= set(
            ds.conflict("c24-tianjin-summit-documents").records
        )

    def test_10_wakhan_survey(self, ds: sd.Dataset) -> None:
        """Afghanistan's ministry launched the Wakhan fibre survey in 2018."""
        project = ds.project("china-telecom-silk-road-optical-cable")
        assert {"commsupdate-2018-09-10", "mcit-af-91442", "mcit-af-91397"} <= set(project.sources)
        assert "2018-08-05" in (project.note or "")
        cost = ds.indicator("wakhan-fibre-survey-cost")
        assert (70_000_000.0, sd.Unit.USD, Qualifier.EXACT) == (
            cost.value,
            cost.unit,
            cost.qualifier,
        )

    def test_11_twelve_projects_signed(self, ds: sd.Dataset) -> None:
        """Twelve projects signed at the forum by China, Kazakhstan, Pakistan, Egypt and others."""
        project = ds.project("sco-digital-economy-forum-tianjin-2025")
        assert "twelve digital economy cooperation projects" in project.summary
        assert {"CN", "EG", "KZ", "PK"} == project.countries
        signed = ds.latest("cooperation_projects_signed", project)
        assert (12.0, PartialDate(2025, 7, 11)) == (signed.value, signed.period)


class TestSeries:
    """Counts reported more than once are series, newest value included."""

    def test_trade_in_dollars(self, ds: sd.Dataset) -> None:
        """China's trade with the other members, in USD, year by year."""
        assert [
            ("2001", 17_140_000_000.0, "exact"),
            ("2020", 244_850_000_000.0, "exact"),
            ("2021", 343_100_000_000.0, "exact"),
            ("2024", 512_400_000_000.0, "about"),
            ("2024", 512_540_000_000.0, "exact"),
        ] == _figures(ds.series("trade_with_sco_members", "CN", unit="usd"))
        assert "cn-sco-trade-2024-usd" == ds.latest("trade_with_sco_members", "CN", unit="USD").id

    def test_luban_worldwide(self, ds: sd.Dataset) -> None:
        """Luban Workshops worldwide as counted in 2022, 2024 and 2025."""
        assert [("2022-08", 25.0), ("2024-11", 33.0), ("2025-08", 34.0)] == [
            (str(i.as_of), i.value) for i in ds.series("workshops_worldwide", LUBAN)
        ]
        assert [("2022-11", 20.0), ("2025-01", 24.0)] == [
            (str(i.as_of), i.value) for i in ds.series("workshops_run_by_tianjin", LUBAN)
        ]

    def test_partners_and_members(self, ds: sd.Dataset) -> None:
        """The latest count of SCO partners is the Tianjin summit's 17."""
        latest = ds.latest("sco_partner_countries", "SCO")
        assert (17.0, PartialDate(2025, 9, 1)) == (latest.value, latest.as_of)


class TestReview:
    def test_indicators_reviewed(self, ds: sd.Dataset) -> None:
        """Every indicator was checked against its sources for 2026.11.30."""
        assert {REVIEWED} == {i.reviewed for i in ds.indicators}
