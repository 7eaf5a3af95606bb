"""Properties: PartialDate, and invariants of the bundled dataset's queries."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

import sco_digital as sd
from sco_digital import PartialDate, Status, Technology

DS = sd.load()


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1000, 9999))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


class TestPartialDate:
    @given(partial_dates())
    def test_round_trip(self, date: PartialDate) -> None:
        """Printing then parsing gives back the same date and precision."""
        assert date == PartialDate.parse(str(date))

    @given(partial_dates())
    def test_bounds(self, date: PartialDate) -> None:
        """earliest() <= latest(), both inside the date, and a day is its own bounds."""
        assert date.earliest() <= date.latest()
        assert date.earliest() in date
        assert date.latest() in date
        if date.precision == "day":
            assert date.earliest() == date.latest() == date.to_date()

    @given(partial_dates(), partial_dates())
    def test_order_agrees_with_bounds(self, a: PartialDate, b: PartialDate) -> None:
        """A < b means a starts no later; a date wholly before another sorts first."""
        if a < b:
            assert a.earliest() <= b.earliest()
            assert not b < a
        if a.latest() < b.earliest():
            assert a < b
        assert (a == b) == (str(a) == str(b))
        assert (a <= b) == (a < b or a == b)

    @given(st.lists(partial_dates(), min_size=2, max_size=8))
    def test_sorting_orders_by_first_day(self, dates: list[PartialDate]) -> None:
        """Sorted dates have non-decreasing first days."""
        ordered = sorted(dates)
        firsts = [d.earliest() for d in ordered]
        assert firsts == sorted(firsts)

    @given(st.dates(min_value=dt.date(1000, 1, 1)))
    def test_from_date(self, day: dt.date) -> None:
        """A day round-trips through PartialDate."""
        assert day == PartialDate.from_date(day).to_date()


class TestBundledInvariants:
    @given(st.sampled_from(DS.countries))
    def test_by_country_is_participation(self, country: sd.Country) -> None:
        """A project is in by_country(c) exactly when c participates in it."""
        expected = [p for p in DS.projects if country.code in p.countries]
        assert expected == list(DS.by_country(country.code))
        for name in country.names:
            assert expected == list(DS.by_country(name))

    @given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
    def test_members_is_status_on(self, day: dt.date) -> None:
        """members(as_of=d) is exactly the countries whose status_on(d) is MEMBER."""
        expected = [c for c in DS.countries if c.status_on(day) is Status.MEMBER]
        assert expected == list(DS.members(as_of=day))
        for status in Status:
            assert [c for c in DS.countries if c.status_on(day) is status] == list(
                DS.countries_with_status(status, as_of=day)
            )

    @given(st.sampled_from(list(Technology)), st.data())
    def test_by_technology_carries_the_term(self, term: Technology, data: st.DataObject) -> None:
        """Every project by_technology(t) returns uses t, and no other project does."""
        spelling = data.draw(st.sampled_from([term.value, term.label, *term.aliases]))
        found = DS.by_technology(spelling)
        assert all(term in p.technologies for p in found)
        assert [p for p in DS.projects if term in p.technologies] == list(found)

    @given(st.sampled_from(DS.projects))
    def test_children_point_back(self, project: sd.Project) -> None:
        """Each child's parent is the project, and results are sorted by id."""
        children = DS.children(project.id)
        assert all(child.parent == project.id for child in children)
        assert [c.id for c in children] == sorted(c.id for c in children)

    def test_statuses_hand_over(self) -> None:
        """Each status holds up to the day before its end; the next holds from its start."""
        one_day = dt.timedelta(days=1)
        for country in DS.countries:
            first = country.memberships[0]
            assert country.status_on(first.since.earliest() - one_day) is None
            for before, after in itertools.pairwise(country.memberships):
                assert before.until is not None
                assert before.status is country.status_on(before.until.earliest() - one_day)
                assert after.status is country.status_on(after.since.earliest())
