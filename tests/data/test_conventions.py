"""
The membership conventions of docs/methodology.md, checked for every country.

- Members and observers date from the heads-of-state meeting that decided
  their status, known to the day.
- A dialogue partner dates from its memorandum on dialogue partnership, to
  the precision the sources give; the summit decision stays visible in the
  membership's note, and a conflict records sources that date the status
  otherwise.
- The Tianjin summit of 2025-09-01 ended every observer and dialogue-partner
  status and began the single "partner" status.
- A country's periods follow each other without gaps.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

import sco_digital as sd
from sco_digital import PartialDate, Status

MERGER = PartialDate(2025, 9, 1)

# The heads-of-state meetings that decided a membership or observer status.
SUMMITS = {
    "2001-06-15": "Shanghai",
    "2004-06-17": "Tashkent",
    "2005-07-05": "Astana",
    "2012-06-07": "Beijing",
    "2015-07-10": "Ufa",
    "2017-06-09": "Astana",
    "2023-07-04": "New Delhi (online)",
    "2024-07-04": "Astana",
    "2025-09-01": "Tianjin",
}

# Every dialogue partner: the memorandum's date as the sources give it, the
# words of its note that keep the earlier decision visible, the sources that
# date the memorandum, and the conflict where sources date the status otherwise.
MEMORANDA: dict[str, tuple[str, str, tuple[str, ...], str | None]] = {
    "AE": ("2023-05", "agreed at Samarkand in September 2022", ("khaleejtimes-2023-05-06",), "c18"),
    "AM": ("2016-04-16", "Ufa summit decided on 2015-07-10", ("gazetauz-2016-04-16",), None),
    "AZ": ("2016-03-14", "Ufa summit decided on 2015-07-10", ("vesti-2016-03-14",), None),
    "BH": (
        "2023-07-15",
        "agreed at Samarkand in September 2022",
        ("bahrain-mofa-sco-2024",),
        "c18",
    ),
    "BY": ("2010", "Yekaterinburg summit decided on 2009-06-16", ("tass-1642375",), "c03"),
    "EG": ("2022-09-14", "Dushanbe summit of September 2021", ("newsghana-egypt-qatar",), None),
    "KH": ("2015-09-24", "Ufa summit decided on 2015-07-10", ("uztag-cambodia-2015",), None),
    "KW": (
        "2023-05",
        "approved at Samarkand in September 2022",
        ("financialexpress-2023-05-06",),
        "c18",
    ),
    "LK": ("2010-05", "2009-06-16", ("awarelogue-2019-05",), "c25"),
    "MM": (
        "2023-05",
        "agreed at Samarkand in September 2022",
        ("financialexpress-2023-05-06",),
        "c18",
    ),
    "MV": (
        "2023-05",
        "Samarkand Declaration of 2022-09-15",
        ("financialexpress-2023-05-06",),
        "c18",
    ),
    "NP": ("2016-03-22", "Ufa summit decided on 2015-07-10", ("cri-2016-03-22",), None),
    "QA": ("2022-09-14", "confirmed the status on 2022-09-16", ("newsghana-egypt-qatar",), None),
    "SA": ("2022-09", "approval of the memorandum on 2023-03-28", ("people-2022-09-16",), "c26"),
    "TR": ("2013-04-26", "2012-06-07", ("hrondas-turkey-2013",), None),
}


@pytest.fixture(scope="module")
def ds() -> sd.Dataset:
    return sd.load()


def _periods(ds: sd.Dataset, status: Status) -> list[tuple[str, sd.Membership]]:
    return [(c.code, m) for c in ds.countries for m in c.memberships if m.status is status]


def test_every_dialogue_partner_is_listed(ds: sd.Dataset) -> None:
    """The table covers every country that was ever a dialogue partner, once."""
    codes = [code for code, _ in _periods(ds, Status.DIALOGUE_PARTNER)]
    assert sorted(MEMORANDA) == codes


@pytest.mark.parametrize("code", sorted(MEMORANDA))
def test_dialogue_partner_dates_from_its_memorandum(ds: sd.Dataset, code: str) -> None:
    """The status starts at the memorandum, cites it, and keeps the decision visible."""
    memorandum, decision, sources, conflict = MEMORANDA[code]
    ((_, period),) = [p for p in _periods(ds, Status.DIALOGUE_PARTNER) if p[0] == code]
    assert memorandum == str(period.since)
    assert set(sources) <= set(period.sources)
    assert decision in (period.note or "")
    if conflict is not None:
        assert conflict in [c.id[:3] for c in ds.conflicts_for(code)]


def test_members_and_observers_date_from_a_summit(ds: sd.Dataset) -> None:
    """Every member, observer and partner status starts, to the day, at a summit."""
    starts = {
        (code, str(m.since))
        for status in (Status.MEMBER, Status.OBSERVER, Status.PARTNER)
        for code, m in _periods(ds, status)
    }
    assert [] == sorted((code, since) for code, since in starts if since not in SUMMITS)


def test_merger_into_partner_status(ds: sd.Dataset) -> None:
    """Every observer or dialogue partner of 2025-08-31 became a partner on 2025-09-01."""
    eve = dt.date(2025, 8, 31)
    for country in ds.countries:
        before = country.status_on(eve)
        after = country.status_on(MERGER.to_date())
        if before in (Status.OBSERVER, Status.DIALOGUE_PARTNER):
            assert after is Status.PARTNER, country.code
        assert after is not Status.OBSERVER, country.code
        assert after is not Status.DIALOGUE_PARTNER, country.code
    for code, period in _periods(ds, Status.OBSERVER) + _periods(ds, Status.DIALOGUE_PARTNER):
        assert period.until is not None, code
        assert period.until <= MERGER, code
    partners = sorted(code for code, m in _periods(ds, Status.PARTNER) if m.since == MERGER)
    assert 17 == len(partners)
    assert [code for code, _ in _periods(ds, Status.PARTNER)] == partners


def test_periods_follow_each_other(ds: sd.Dataset) -> None:
    """Each status ends on the day the next begins, and only the last is open."""
    for country in ds.countries:
        periods = country.memberships
        for current, following in itertools.pairwise(periods):
            assert current.until == following.since, country.code
        assert periods[-1].until is None, country.code


def test_every_period_reviewed(ds: sd.Dataset) -> None:
    """The 48 status periods were checked against their sources for data version 2026.11.30."""
    periods = [m for c in ds.countries for m in c.memberships]
    assert 48 == len(periods)
    assert {"2026.11.30"} == {m.reviewed for m in periods}
