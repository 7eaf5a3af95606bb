"""
The last records of the third review pass (issue 11, deliverable 2) and the
follow-ups it left: each corrected value as the pages read give it, so that a
later edit cannot silently restore a value no page states.
"""

from __future__ import annotations

import pytest

import sco_digital as sd
from sco_digital import PartialDate, Role, Technology

REVIEWED = "2026.11.30"


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


def test_every_record_reviewed(ds: sd.Dataset) -> None:
    """Every project, indicator and organisation now carries the review version."""
    assert [] == [p.id for p in ds.projects if p.reviewed != REVIEWED]
    assert [] == [i.id for i in ds.indicators if i.reviewed != REVIEWED]
    assert [] == [o.id for o in ds.organizations if o.reviewed != REVIEWED]


def test_india_kazakhstan_centre(ds: sd.Dataset) -> None:
    """The one page names an ICT centre with a supercomputer, not teaching or software."""
    project = ds.project("india-kazakhstan-ict-centre-of-excellence-astana")
    assert sd.ProjectKind.INSTITUTION is project.kind
    assert {Technology.DATA_CENTERS, Technology.DIGITAL_TRANSFORMATION} == project.technologies
    assert {sd.Sector.TELECOMMUNICATIONS} == project.sectors


def test_luban_network_cambodia(ds: sd.Dataset) -> None:
    """Xinhua (July 2025) names Cambodia among the SCO hosts; India is not recorded."""
    network = ds.project("luban-workshops-sco-network")
    hosts = {p.country for p in network.participants if p.role is Role.HOST}
    assert "KH" in hosts
    assert "IN" not in hosts
    assert {"milosi-xinhua-2025-07-10-luban", "cgtn-2024-10-27"} <= set(network.sources)


def test_russia_china_2011_meeting(ds: sd.Dataset) -> None:
    """The postal meeting names payments and mail, not e-commerce or telecommunications."""
    project = ds.project("russia-china-ict-subcommission-2011")
    assert {Technology.DIGITAL_PAYMENTS} == project.technologies
    assert {sd.Sector.FINANCE, sd.Sector.LOGISTICS} == project.sectors


AS_OF = {
    # The day of the report, where it counts "so far", "at present" or "as of today".
    "kz-regional-technoparks": "2024-02-01",
    "luban-central-asia-coverage": "2025-06-17",
    "luban-tj-users-2023": "2023-05-18",
    "sco-database-institutions": "2022-05-12",
    "xj-foreign-patients": "2019-08-26",
    "xj-telemed-domestic-hospitals": "2019-08-26",
    "xj-telemed-foreign-hospitals": "2019-08-26",
}


@pytest.mark.parametrize(("indicator_id", "expected"), sorted(AS_OF.items()))
def test_as_of(ds: sd.Dataset, indicator_id: str, expected: str) -> None:
    """Indicators are dated to the day the page gives."""
    assert PartialDate.parse(expected) == ds.indicator(indicator_id).as_of


def test_xinjiang_foreign_patients_are_not_the_platforms(ds: sd.Dataset) -> None:
    """The 21,178 patients were treated by five hospitals, not through the telemedicine platform."""
    indicator = ds.indicator("xj-foreign-patients")
    assert "CN" == indicator.subject
    assert indicator not in ds.indicators_for("xinjiang-cross-border-telemedicine-platform")


STARTS = {
    "sco-statement-digital-economy-2020": "2020-11-10",
    "upi-npi-linkage-india-nepal": "2024-02-15",
    "rupay-maldives": "2024-10-07",
}


@pytest.mark.parametrize(("project_id", "expected"), sorted(STARTS.items()))
def test_starts(ds: sd.Dataset, project_id: str, expected: str) -> None:
    """Start days now stated by a page read (the statement's own date, 'on Thursday')."""
    assert PartialDate.parse(expected) == ds.project(project_id).started


def test_digital_economy_statement_technologies(ds: sd.Dataset) -> None:
    """The statement's text names AI, robotics, IoT, technology parks and e-government."""
    assert {
        Technology.ARTIFICIAL_INTELLIGENCE,
        Technology.DIGITAL_TRANSFORMATION,
        Technology.E_GOVERNMENT,
        Technology.IOT,
        Technology.ROBOTICS,
        Technology.STARTUPS,
    } == ds.project("sco-statement-digital-economy-2020").technologies


def test_eximbank_alias(ds: sd.Dataset) -> None:
    """AidData's records call the Export-Import Bank of China 'China Eximbank'."""
    organization = ds.organization("exim-bank-of-china")
    assert "China Eximbank" in organization.aliases
    assert "aiddata-gcdf3-32102" in organization.sources


CONFLICTS = {
    "c260-wakhan-fibre-length-funding": "china-telecom-silk-road-optical-cable",
    "c261-rupay-maldives-launch-day": "rupay-maldives",
    "c262-mbridge-first-payment-amount": "mbridge-uae-china-first-transaction",
    "c263-mbridge-first-uae-china-payment": "mbridge",
}


@pytest.mark.parametrize(("conflict_id", "key"), sorted(CONFLICTS.items()))
def test_conflicts(ds: sd.Dataset, conflict_id: str, key: str) -> None:
    """Where the pages disagree, a conflict names the record and both sides."""
    conflict = ds.conflict(conflict_id)
    assert conflict in ds.conflicts_for(key)
    assert len(conflict.sources) >= 2


def test_family_size_explained(ds: sd.Dataset) -> None:
    """Conflict C20 cites Xi's speech of 1 September 2025 for the 26."""
    assert "pakistantoday-2025-09-01-xi-sco-summit" in ds.conflict("c20-sco-family-size").sources


ORIGINALS = {
    # Records that cited only an aggregator's copy now cite the original outlet.
    "cn-sco-trade-2024-growth": ("scio-xinhua-2025-08-28-sco-trade", "khabarasia-2025-08-27"),
    "cn-sco-trade-2024-usd": ("globaltimes-2025-08-19-sco-trade", "khabarasia-2025-08-27"),
    "huawei": ("urdupoint-2016-09-05-pk-china-ofc", "forpakistan-tribune-ofc"),
    "mbridge-uae-china-first-transaction": ("bitget-cointime-2024-01-30-mbridge", None),
    "cn-centralasia-trade-2025": ("udn-2026-01-19-china-central-asia-trade", None),
}


@pytest.mark.parametrize(("key", "expected"), sorted(ORIGINALS.items()))
def test_originals_cited(ds: sd.Dataset, key: str, expected: tuple[str, str | None]) -> None:
    """The original is cited, and an aggregator that adds nothing is dropped."""
    original, dropped = expected
    ids = {o.id for o in ds.organizations}
    record = ds.organization(key) if key in ids else ds.indicator(key)
    assert original in record.sources
    assert dropped not in record.sources


def test_central_asia_trade_2025(ds: sd.Dataset) -> None:
    """The commerce ministry's USD 106.3 billion, up 12 %, replaces 'more than 100 billion'."""
    assert 106_300_000_000.0 == ds.indicator("cn-centralasia-trade-2025").value
    growth = ds.latest("trade_with_central_asia_growth_yoy", "CN")
    assert (12.0, sd.Unit.PERCENT) == (growth.value, growth.unit)


def test_mbridge_first_payment_day(ds: sd.Dataset) -> None:
    """The first Digital Dirham payment to China is dated to the day, 29 January 2024."""
    assert PartialDate(2024, 1, 29) == ds.indicator("mbridge-uae-china-first-transaction").as_of


POSTS = {
    "russia-china-ict-subcommission-2011": {"china-post", "russian-post"},
    "russian-post-china-post-e-commerce-2015": {"china-post", "russian-post"},
    "russian-post-china-post-memorandum-2013": {"russian-post"},
}


@pytest.mark.parametrize(("project_id", "expected"), sorted(POSTS.items()))
def test_postal_operators(ds: sd.Dataset, project_id: str, expected: set[str]) -> None:
    """The postal projects name the operators their pages name, and no other."""
    assert expected == set(ds.project(project_id).organizations)
