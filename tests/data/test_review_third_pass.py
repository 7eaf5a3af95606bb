"""
The corrections of the third review pass (issue 11, deliverable 2): projects,
indicators and organisations checked field by field against their cited sources,
so that a later edit cannot silently restore a value no source states.
"""

from __future__ import annotations

import pytest

import sco_digital as sd
from sco_digital import PartialDate

REVIEWED = "2026.11.30"


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


STATUS_AND_DATES = {
    # (status, started, ended) as the sources give them.
    "laos-national-e-government-phase-1": ("completed", "2006-11-20", None),
    "mongolia-ict-network-extension": ("completed", "2009-08-17", "2014-08-25"),
    "mongolia-telecom-accessibility-project": ("unknown", "2018", None),
}


@pytest.mark.parametrize(("project_id", "expected"), sorted(STATUS_AND_DATES.items()))
def test_status_and_dates(
    ds: sd.Dataset, project_id: str, expected: tuple[str, str, str | None]
) -> None:
    """Status and dates carry what the sources say, to the precision they give."""
    project = ds.project(project_id)
    status, started, ended = expected
    assert status == project.status.value
    assert PartialDate.parse(started) == project.started
    assert (None if ended is None else PartialDate.parse(ended)) == project.ended


CITATIONS = {
    # Sources added because they state a value the record holds or a disagreement.
    "uzbektelecom-cdma-450-fttx": "aiddata-gcdf3-40324",
}


@pytest.mark.parametrize(("project_id", "source_id"), sorted(CITATIONS.items()))
def test_citations(ds: sd.Dataset, project_id: str, source_id: str) -> None:
    assert source_id in ds.project(project_id).sources


ABSENT_FROM_SUMMARY = {
    # Words a summary used that no cited source states.
    "osh-irkeshtam-fiber-optic-network": ("Chinese border", "built by"),
}


@pytest.mark.parametrize(("project_id", "words"), sorted(ABSENT_FROM_SUMMARY.items()))
def test_summaries_claim_only_what_sources_state(
    ds: sd.Dataset, project_id: str, words: tuple[str, ...]
) -> None:
    summary = ds.project(project_id).summary
    assert [w for w in words if w in summary] == []


@pytest.mark.parametrize(
    ("conflict_id", "records", "sources"),
    [
        (
            "c230-uzbektelecom-2012-cdb-loan",
            ("uzbektelecom-cdma-450-fttx", "uzbektelecom-cdma-fttx-loan"),
            ("aiddata-gcdf3-54035", "aiddata-gcdf3-40324"),
        ),
    ],
)
def test_conflicts(
    ds: sd.Dataset, conflict_id: str, records: tuple[str, ...], sources: tuple[str, ...]
) -> None:
    """Disagreements between sources are recorded, with the sources on each side."""
    conflict = ds.conflict(conflict_id)
    assert (records, sources) == (conflict.records, conflict.sources)


REVIEWED_RECORDS = (
    "kyrgyztelecom-cdma-450-network",
    "laos-national-e-government-phase-1",
    "mongolia-ict-network-extension",
    "mongolia-telecom-accessibility-project",
    "myanmar-gsm-expansion-yangon-mandalay",
    "osh-irkeshtam-fiber-optic-network",
    "reliance-communications-cdb-loans",
    "telecom-egypt-4g-huawei-credit",
    "tk-mobile-cdma-network-tajikistan",
    "uzbektelecom-cdma-450-fttx",
)


@pytest.mark.parametrize("project_id", REVIEWED_RECORDS)
def test_reviewed_with_their_figures(ds: sd.Dataset, project_id: str) -> None:
    """A reviewed project's figures were reviewed with it."""
    project = ds.project(project_id)
    assert REVIEWED == project.reviewed
    assert all(i.reviewed == REVIEWED for i in ds.indicators_for(project))
