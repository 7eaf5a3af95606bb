"""Records, vocabularies and PartialDate."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest

import mini
from sco_digital import (
    Country,
    Indicator,
    Interval,
    Membership,
    OrganizationKind,
    PartialDate,
    Participant,
    Project,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    SourceKind,
    Status,
    Technology,
    TechnologyGroup,
    Unit,
    UnknownKeyError,
    Vocabulary,
)
from sco_digital._fields import FieldError
from sco_digital._keys import normalize_key

D = PartialDate.parse
VOCABULARIES = [
    Status,
    Technology,
    TechnologyGroup,
    Sector,
    ProjectKind,
    ProjectStatus,
    Role,
    Qualifier,
    Unit,
    Region,
    OrganizationKind,
    SourceKind,
]


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "precision"),
        [
            ("2025", "year"),
            ("2025-03", "month"),
            ("2025-08-13", "day"),
        ],
    )
    def test_parse_and_print(self, text: str, precision: str) -> None:
        """Each ISO form parses and prints back unchanged, keeping its precision."""
        date = D(text)
        assert text == str(date)
        assert precision == date.precision
        assert f"PartialDate({text!r})" == repr(date)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2025-02-30", "'2025-02-30' is not a valid date: 2025-02 has no day 30"),
            ("2025-13", "'2025-13' is not a valid date: 13 is not a month (1-12)"),
            ("2024-02-29x", "'2024-02-29x' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("25", "'25' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2025-3", "'2025-3' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("0999", "'0999' is not a valid date: 999 is not a four-digit year"),
        ],
    )
    def test_invalid(self, text: str, message: str) -> None:
        """Impossible dates and other forms are rejected with a message naming them."""
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            D(text)

    def test_leap_day(self) -> None:
        """29 February exists in leap years only."""
        assert dt.date(2024, 2, 29) == D("2024-02-29").to_date()
        with pytest.raises(ValueError, match="2023-02 has no day 29"):
            D("2023-02-29")

    def test_day_needs_month(self) -> None:
        """A day without a month is refused at construction."""
        with pytest.raises(FieldError, match="^day: a day needs a month$"):
            PartialDate(2025, None, 3)

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("2025-08-13", dt.date(2025, 8, 13), dt.date(2025, 8, 13)),
        ],
    )
    def test_earliest_latest(self, text: str, earliest: dt.date, latest: dt.date) -> None:
        """earliest() and latest() bound the days a partial date may mean."""
        assert (earliest, latest) == (D(text).earliest(), D(text).latest())

    def test_order(self) -> None:
        """Dates sort by first day; a less precise date sorts first on a tie."""
        texts = ["2025-01-01", "2024-12", "2025", "2025-01", "2024"]
        assert ["2024", "2024-12", "2025", "2025-01", "2025-01-01"] == [
            str(d) for d in sorted(map(D, texts))
        ]
        assert D("2025") < D("2025-01")
        assert D("2025-03") != D("2025-03-01")

    def test_contains_and_to_date(self) -> None:
        """A day is in a partial date when it falls inside; to_date needs a day."""
        assert dt.date(2025, 3, 31) in D("2025-03")
        assert dt.datetime(2025, 3, 5, 12, 0) in D("2025-03")  # noqa: DTZ001
        assert dt.date(2025, 4, 1) not in D("2025-03")
        with pytest.raises(ValueError, match="^2025-03 is only known to the month, not the day$"):
            D("2025-03").to_date()

    def test_comparison_with_other_types(self) -> None:
        """Comparing with a non-PartialDate is a TypeError, as for dates."""
        with pytest.raises(TypeError):
            _ = D("2025") < "2026"  # type: ignore[operator]


class TestVocabularies:
    @pytest.mark.parametrize(
        ("vocabulary", "key", "expected"),
        [
            (Technology, "5G", Technology.FIVE_G),
            (Technology, "5g", Technology.FIVE_G),
            (Technology, "AI", Technology.ARTIFICIAL_INTELLIGENCE),
            (Technology, "artificial intelligence", Technology.ARTIFICIAL_INTELLIGENCE),
            (Technology, "e-commerce", Technology.E_COMMERCE),
            (Technology, "E Commerce", Technology.E_COMMERCE),
            (Technology, "fiber optics", Technology.FIBER_OPTICS),
            (Technology, "fibre optics", Technology.FIBER_OPTICS),
            (Technology, "Fiber_Optics", Technology.FIBER_OPTICS),
            (Technology, "BeiDou", Technology.SATELLITE_NAVIGATION),
            (Technology, "e-signature/PKI", Technology.E_SIGNATURE),
            (Sector, "Health care", Sector.HEALTH),
            (Sector, "SMEs", Sector.SMALL_BUSINESS),
            (Status, "Dialogue partner", Status.DIALOGUE_PARTNER),
            (Qualifier, "up to", Qualifier.AT_MOST),
            (Unit, "%", Unit.PERCENT),
            (Unit, "m²", Unit.SQUARE_METRES),
        ],
    )
    def test_lookup(self, vocabulary: type[Vocabulary], key: str, expected: Vocabulary) -> None:
        """Terms are found by slug, label or alias, whatever the case or punctuation."""
        assert expected is vocabulary.lookup(key)

    def test_lookup_member_is_identity(self) -> None:
        """Looking up a member returns it."""
        assert Technology.FIVE_G is Technology.lookup(Technology.FIVE_G)

    def test_unknown_term(self) -> None:
        """An unknown term raises UnknownKeyError keeping the spelling, with suggestions."""
        with pytest.raises(UnknownKeyError) as info:
            Technology.lookup("blokchain")
        assert "unknown technology 'blokchain'; did you mean 'Blockchain'?" == str(info.value)
        assert ("technology", "blokchain", ("Blockchain",)) == (
            info.value.kind,
            info.value.key,
            info.value.suggestions,
        )

    def test_unknown_term_without_suggestion(self) -> None:
        """Nothing close: no suggestion."""
        with pytest.raises(UnknownKeyError, match=r"^unknown project status 'zzz'$"):
            ProjectStatus.lookup("zzz")

    @pytest.mark.parametrize("vocabulary", VOCABULARIES)
    def test_spellings_are_unambiguous(self, vocabulary: type[Vocabulary]) -> None:
        """No folded spelling belongs to two terms of one vocabulary."""
        owner: dict[str, Vocabulary] = {}
        for term in vocabulary:
            for name in (term.value, term.label, *term.aliases):
                assert owner.setdefault(normalize_key(name), term) is term, name

    @pytest.mark.parametrize("vocabulary", VOCABULARIES)
    def test_terms_are_documented(self, vocabulary: type[Vocabulary]) -> None:
        """Every term has a slug, a label and a one-sentence definition."""
        for term in vocabulary:
            assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", term.value)
            assert term.label
            assert term.definition.endswith(".")
            assert term.definition.count(". ") == 0, term

    def test_every_technology_is_in_one_group(self) -> None:
        """The groups split the technologies: each in exactly one, none left out."""
        members = [t for group in TechnologyGroup for t in group.technologies]
        assert sorted(Technology, key=str) == sorted(members, key=str)
        for group in TechnologyGroup:
            assert all(t.group is group for t in group.technologies)
        assert TechnologyGroup.SPACE is Technology.SATELLITE_NAVIGATION.group
        assert [7, 34] == [len(TechnologyGroup), len(members)]

    def test_groups_are_looked_up_like_terms(self) -> None:
        assert TechnologyGroup.DATA is TechnologyGroup.lookup("Data, cloud and security")
        with pytest.raises(UnknownKeyError, match="connectivty"):
            TechnologyGroup.lookup("connectivty")

    def test_members_are_strings(self) -> None:
        """Members compare and format as their slug."""
        assert Technology.FIBER_OPTICS == "fiber_optics"  # type: ignore[comparison-overlap]
        assert "fiber_optics" == str(Technology.FIBER_OPTICS)
        assert "fiber_optics" == f"{Technology.FIBER_OPTICS}"


class TestRecords:
    def test_frozen(self) -> None:
        """Records cannot be changed."""
        project = mini.projects()[0]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            project.name = "x"  # type: ignore[misc]

    def test_hashable_and_equal_by_value(self) -> None:
        """Equal records hash alike."""
        assert {mini.projects()[0]} == {mini.projects()[0]}

    def test_keyword_only(self) -> None:
        """Positional arguments are refused."""
        with pytest.raises(TypeError):
            Participant("CN", Role.HOST)  # type: ignore[call-arg]

    def test_collections_become_immutable(self) -> None:
        """Lists and sets given to records are stored as tuples and frozensets."""
        project = attrs.evolve(
            mini.projects()[0],
            sources=["seed"],
            technologies={Technology.FIVE_G},
        )
        assert ("seed",) == project.sources
        assert frozenset({Technology.FIVE_G}) == project.technologies

    def test_string_is_not_a_sequence(self) -> None:
        """A string where a sequence belongs is refused, not split into letters."""
        with pytest.raises(TypeError, match="expected a sequence of items, got str"):
            attrs.evolve(mini.projects()[0], sources="seed")

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            (
                {"id": "Bad Id"},
                "id: 'Bad Id' is not a slug (lowercase letters, digits, single hyphens)",
            ),
            ({"name": " padded"}, "name: ' padded' has leading or trailing spaces"),
            ({"name": ""}, "name: must not be empty"),
            ({"summary": "x" * 4001}, "summary: is 4,001 characters long; the limit is 4,000"),
            ({"sources": ("a", "a")}, "sources[1]: 'a' is repeated"),
            ({"kind": "platform"}, "kind: expected ProjectKind, got str"),
            ({"started": D("2025"), "ended": D("2024")}, "ended: 2024 is before started (2025)"),
            (
                {"reviewed": "2026.13.01"},
                "reviewed: '2026.13.01' is not a CalVer data version such as '2026.11.30'",
            ),
            ({"reviewed": 2026}, "reviewed: expected a string, got int"),
        ],
    )
    def test_validators(self, changes: dict[str, Any], message: str) -> None:
        """Each field validator gives one line naming the field."""
        with pytest.raises(FieldError, match=f"^{re.escape(message)}$"):
            attrs.evolve(mini.projects()[0], **changes)

    @pytest.mark.parametrize("version", ["2026.11.30", "2027.01.05.2", None])
    def test_reviewed_versions(self, version: str | None) -> None:
        """Memberships, organisations, projects and indicators take a CalVer review version."""
        for record in (
            mini.projects()[0],
            mini.organizations()[0],
            mini.indicators()[0],
            mini.countries()[0].memberships[0],
        ):
            assert version == attrs.evolve(record, reviewed=version).reviewed
            assert record.reviewed is None

    def test_membership_until_after_since(self) -> None:
        """A status cannot end before it begins."""
        with pytest.raises(FieldError, match=r"^until: 2020 is not after since \(2020-06\)$"):
            Membership(status=Status.MEMBER, since=D("2020-06"), until=D("2020"), sources=("s",))

    def test_negative_count(self) -> None:
        """Counts cannot be negative; percentages can."""
        indicator = mini.indicators()[1]
        with pytest.raises(FieldError, match="^value: -1.0 is negative, which 'people' cannot be$"):
            attrs.evolve(indicator, value=-1.0)
        assert -5.0 == attrs.evolve(mini.indicators()[0], value=-5.0).value

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), True])
    def test_value_must_be_a_finite_number(self, value: float) -> None:
        """NaN, infinities and booleans are not values."""
        with pytest.raises(FieldError, match="^value: "):
            attrs.evolve(mini.indicators()[0], value=value)


class TestCountry:
    def belarus(self) -> Country:
        return next(c for c in mini.countries() if c.code == "BY")

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2009, 5, 31), None),
            (dt.date(2009, 6, 1), Status.DIALOGUE_PARTNER),
            (dt.date(2014, 12, 31), Status.DIALOGUE_PARTNER),
            (dt.date(2015, 1, 1), Status.OBSERVER),
            (dt.date(2024, 7, 3), Status.OBSERVER),
            (dt.date(2024, 7, 4), Status.MEMBER),
            (dt.datetime(2030, 1, 1, 8), Status.MEMBER),  # noqa: DTZ001
        ],
    )
    def test_status_on(self, day: dt.date, expected: Status | None) -> None:
        """A status holds from the first day of since up to the first day of until."""
        assert expected is self.belarus().status_on(day)

    def test_names(self) -> None:
        """Names lists codes, names in three languages and aliases."""
        assert ("BY", "BLR", "Belarus", "白俄罗斯", "Белоруссия", "Republic of Belarus") == (
            self.belarus().names
        )


class TestProject:
    def test_countries_and_roles(self) -> None:
        """Countries and roles_of read the participants."""
        center = mini.projects()[1]
        assert frozenset({"CN"}) == center.countries
        assert frozenset({Role.HOST, Role.PROVIDER}) == center.roles_of("CN")
        assert frozenset() == center.roles_of("UZ")


class TestIndicator:
    @pytest.mark.parametrize(
        ("qualifier", "expected"),
        [
            (Qualifier.EXACT, Interval(low=300.0, high=300.0)),
            (Qualifier.MORE_THAN, Interval(low=300.0, low_closed=False)),
            (Qualifier.AT_LEAST, Interval(low=300.0)),
            (Qualifier.NEARLY, Interval(low=0.0, high=300.0, high_closed=False)),
            (Qualifier.LESS_THAN, Interval(low=0.0, high=300.0, high_closed=False)),
            (Qualifier.AT_MOST, Interval(low=0.0, high=300.0)),
            (Qualifier.ABOUT, None),
        ],
    )
    def test_bounds(self, qualifier: Qualifier, expected: Interval | None) -> None:
        """Each qualifier allows its interval; counts start at zero."""
        indicator = attrs.evolve(mini.indicators()[1], qualifier=qualifier)
        assert expected == indicator.bounds()

    def test_percent_bounds_are_not_floored(self) -> None:
        """Percentages may be negative, so 'less than' has no lower bound."""
        indicator = attrs.evolve(mini.indicators()[0], qualifier=Qualifier.LESS_THAN)
        assert Interval(low=None, high=40.0, high_closed=False) == indicator.bounds()

    def test_interval_membership(self) -> None:
        """'more than 300' excludes 300; 'at most 300' includes it."""
        more = Interval(low=300.0, low_closed=False)
        assert (300 in more, 300.5 in more) == (False, True)
        assert 300 in Interval(low=0.0, high=300.0)
        with pytest.raises(TypeError, match="^value must be a real number .*, got str$"):
            assert "x" in more

    @pytest.mark.parametrize(
        ("index", "expected"),
        [
            (0, "40%"),
            (1, "more than 300 people"),
            (2, "about USD 512.4 billion"),
            (3, "10 countries"),
        ],
    )
    def test_text(self, index: int, expected: str) -> None:
        """Text renders the qualified figure in words."""
        assert expected == mini.indicators()[index].text

    def test_period_end_needs_period(self) -> None:
        """A period end without a start is refused."""
        with pytest.raises(FieldError, match=r"^period_end: needs period \(its start\) to be set$"):
            attrs.evolve(mini.indicators()[0], period_end=D("2025-07"))

    def test_subject_forms(self) -> None:
        """Subjects are ids, country codes or SCO; nothing else."""
        with pytest.raises(FieldError, match="^subject: 'Sco' is not a project or organisation"):
            Indicator(**{**attrs.asdict(mini.indicators()[3], recurse=False), "subject": "Sco"})

    def test_project_requires_fields(self) -> None:
        """Required fields have no defaults."""
        with pytest.raises(TypeError, match="missing"):
            Project(id="x")  # type: ignore[call-arg]
