"""
Hypothesis strategies for sco_digital's records and whole datasets.

Requires the hypothesis package: ``pip install 'sco-digital[testing]'``.
``import sco_digital`` never imports this module.

Every record drawn passes its field validators (slugs, text limits, ISO
codes, valid dates in order), and every dataset drawn by `datasets` also
passes `sco_digital.Dataset.validate`: its references resolve and every
source is cited. Parameters are keyword-only; those that take strategies
let you narrow what is drawn::

    from hypothesis import given, strategies as st
    from sco_digital.strategies import projects

    @given(projects(country_codes=st.sampled_from(["KZ", "UZ"])))
    def test_central_asia(project): ...

Installing sco-digital also registers these strategies with Hypothesis (an
entry point in the ``hypothesis`` group), so ``st.from_type(Project)`` and
``st.builds(f)`` with a ``Project`` argument work without importing this
module.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .dataset import Dataset
from .models import (
    Conflict,
    Country,
    Identifier,
    IdentifierScheme,
    Indicator,
    Membership,
    Organization,
    OrganizationKind,
    OrganizationParticipant,
    OrganizationRole,
    PartialDate,
    Participant,
    Project,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    Source,
    SourceKind,
    Status,
    Technology,
    Unit,
    normalize_key,
)

__all__ = [
    "conflicts",
    "countries",
    "country_codes",
    "datasets",
    "identifiers",
    "indicators",
    "memberships",
    "organization_participants",
    "organizations",
    "partial_dates",
    "participants",
    "projects",
    "slugs",
    "sources",
]

T = TypeVar("T")

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
_ALNUM = _LOWER + "0123456789"


def _check(name: str, value: object) -> None:
    if not isinstance(value, SearchStrategy):
        msg = f"{name} must be a hypothesis strategy, got {type(value).__name__}"
        raise TypeError(msg)


def _joined(separator: str) -> SearchStrategy[str]:
    part = st.text(_ALNUM, min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=4).map(separator.join)


def slugs() -> SearchStrategy[str]:
    """
    Record ids: lowercase letters and digits in parts joined by single
    hyphens ("luban-workshop-2").

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return _joined("-")


def country_codes() -> SearchStrategy[str]:
    """
    ISO 3166-1 alpha-2 shaped codes: two capital letters.

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return st.text(_UPPER, min_size=2, max_size=2)


# Any character but controls and surrogates, so text survives JSON, CSV and SQL.
_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))


def _text(max_size: int) -> SearchStrategy[str]:
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).map(str.strip).filter(bool)


# Shorter than the limits (300 and 4000 characters), which keeps examples quick.
_names = _text(40)
_prose = _text(200)
_urls = st.builds(
    "{}://{}{}".format,
    st.sampled_from(["http", "https"]),
    _joined("."),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=30).map(
        lambda path: f"/{path}" if path else ""
    ),
)
_languages = st.from_regex(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?", fullmatch=True)


def _lists(
    elements: SearchStrategy[T], *, min_size: int = 0, max_size: int
) -> SearchStrategy[list[T]]:
    """Lists of distinct elements; empty lists (or none) when no element can be drawn."""

    def build() -> SearchStrategy[list[T]]:
        if elements.is_empty:
            # Hypothesis refuses lists of nothing(); datasets() passes nothing()
            # where there is no record to refer to.
            return st.just([]) if min_size == 0 else st.nothing()
        return st.lists(elements, min_size=min_size, max_size=max_size, unique=True)

    # Deferred: is_empty evaluates strategies, which must wait until drawing.
    return st.deferred(build)


def _ids(ids: SearchStrategy[str], *, min_size: int = 1) -> SearchStrategy[tuple[str, ...]]:
    return _lists(ids, min_size=min_size, max_size=3).map(tuple)


@st.composite
def _partial_date(draw: st.DrawFn, years: SearchStrategy[int]) -> PartialDate:
    year = draw(years)
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


def partial_dates(*, years: SearchStrategy[int] | None = None) -> SearchStrategy[PartialDate]:
    """
    Valid dates of year, month or day precision.

    Requires the hypothesis package.

    Args:
        years: The years to draw from (default: 1000-9999, every year a
            `PartialDate` accepts).

    .. versionadded:: 0.1.0
    """
    years = st.integers(1000, 9999) if years is None else years
    _check("years", years)
    return _partial_date(years)


def _optional_dates() -> SearchStrategy[PartialDate | None]:
    return st.none() | partial_dates()


def sources(*, ids: SearchStrategy[str] | None = None) -> SearchStrategy[Source]:
    """
    Sources with a valid URL, language tag and optional date, title and note.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = slugs() if ids is None else ids
    _check("ids", ids)
    return st.builds(
        Source,
        id=ids,
        title=st.none() | _prose,
        publisher=_names,
        reprint_of=st.none() | _names,
        kind=st.sampled_from(SourceKind),
        published=_optional_dates(),
        url=_urls,
        language=_languages,
        archived_url=st.none() | _urls,
        note=st.none() | _prose,
    )


@st.composite
def _membership(draw: st.DrawFn, source_ids: SearchStrategy[str]) -> Membership:
    since, until = sorted(
        draw(st.lists(partial_dates(), min_size=2, max_size=2)), key=PartialDate.earliest
    )
    ends = until.earliest() > since.earliest() and draw(st.booleans())
    return draw(_memberships_from(since, until if ends else None, source_ids))


def _memberships_from(
    since: PartialDate, until: PartialDate | None, source_ids: SearchStrategy[str]
) -> SearchStrategy[Membership]:
    return st.builds(
        Membership,
        status=st.sampled_from(Status),
        since=st.just(since),
        until=st.just(until),
        sources=_ids(source_ids),
        note=st.none() | _prose,
    )


def memberships(*, source_ids: SearchStrategy[str] | None = None) -> SearchStrategy[Membership]:
    """
    One period of SCO status, with an end after its start or none.

    Requires the hypothesis package.

    Args:
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    source_ids = slugs() if source_ids is None else source_ids
    _check("source_ids", source_ids)
    return _membership(source_ids)


@st.composite
def _timeline(draw: st.DrawFn, source_ids: SearchStrategy[str]) -> tuple[Membership, ...]:
    """Memberships in time order, each starting when or after the previous ended."""
    days = sorted(
        draw(st.lists(partial_dates(), min_size=1, max_size=6, unique_by=PartialDate.earliest)),
        key=PartialDate.earliest,
    )
    out = []
    i = 0
    while i < len(days):
        until = days[i + 1] if i + 1 < len(days) else None
        out.append(draw(_memberships_from(days[i], until, source_ids)))
        if until is None:
            break
        i += 1 if draw(st.booleans()) else 2  # the next status starts at once, or later
    return tuple(out)


def countries(
    *,
    codes: SearchStrategy[str] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Country]:
    """
    Countries with names in three languages, aliases and one to six
    memberships in time order, never overlapping.

    Requires the hypothesis package.

    Args:
        codes: The alpha-2 codes to draw from (default: `country_codes`).
        source_ids: The source ids memberships cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    codes = country_codes() if codes is None else codes
    source_ids = slugs() if source_ids is None else source_ids
    _check("codes", codes)
    _check("source_ids", source_ids)
    return st.builds(
        Country,
        code=codes,
        alpha3=st.text(_UPPER, min_size=3, max_size=3),
        name=_names,
        name_zh=_names,
        name_ru=_names,
        aliases=st.lists(_names, max_size=3, unique=True),
        region=st.sampled_from(Region),
        memberships=_timeline(source_ids),
    )


def organizations(
    *,
    ids: SearchStrategy[str] | None = None,
    codes: SearchStrategy[str | None] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Organization]:
    """
    Organisations, based in a country or international (country None).

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).
        codes: The alpha-2 codes, or None, to draw from (default: None or
            a `country_codes` code).
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = slugs() if ids is None else ids
    codes = st.none() | country_codes() if codes is None else codes
    source_ids = slugs() if source_ids is None else source_ids
    _check("ids", ids)
    _check("codes", codes)
    _check("source_ids", source_ids)
    return st.builds(
        Organization,
        id=ids,
        name=_names,
        kind=st.sampled_from(OrganizationKind),
        country=codes,
        aliases=st.lists(_names, max_size=3, unique=True),
        sources=_ids(source_ids),
        note=st.none() | _prose,
    )


def participants(*, codes: SearchStrategy[str] | None = None) -> SearchStrategy[Participant]:
    """
    A country and its role in a project.

    Requires the hypothesis package.

    Args:
        codes: The alpha-2 codes to draw from (default: `country_codes`).

    .. versionadded:: 0.1.0
    """
    codes = country_codes() if codes is None else codes
    _check("codes", codes)
    return st.builds(Participant, country=codes, role=st.sampled_from(Role))


def organization_participants(
    *, organization_ids: SearchStrategy[str] | None = None
) -> SearchStrategy[OrganizationParticipant]:
    """
    An organisation and its role in a project.

    Requires the hypothesis package.

    Args:
        organization_ids: The organisation ids to draw from (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    organization_ids = slugs() if organization_ids is None else organization_ids
    _check("organization_ids", organization_ids)
    return st.builds(
        OrganizationParticipant,
        organization=organization_ids,
        role=st.sampled_from(OrganizationRole),
    )


def identifiers() -> SearchStrategy[Identifier]:
    """
    Identifiers from other datasets: AidData GCDF 3.0 record ids (digits).

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Identifier,
        scheme=st.sampled_from(IdentifierScheme),
        id=st.integers(min_value=1, max_value=999_999).map(str),
    )


def _in_order(dates: Sequence[PartialDate | None]) -> tuple[PartialDate | None, PartialDate | None]:
    """(started, ended) with ended not before started."""
    started, ended = dates
    if started is not None and ended is not None and ended.latest() < started.earliest():
        return ended, started
    return started, ended


def projects(
    *,
    ids: SearchStrategy[str] | None = None,
    codes: SearchStrategy[str] | None = None,
    organization_ids: SearchStrategy[str] | None = None,
    parents: SearchStrategy[str | None] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Project]:
    """
    Projects with participants, organisations (some with roles),
    technologies, sectors and identifiers, and an end date, if any, not
    before the start.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).
        codes: The participants' alpha-2 codes (default: `country_codes`).
        organization_ids: The organisation ids to name (default: `slugs`).
        parents: The umbrella project ids, or None, to draw from (default:
            None or a slug).
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = slugs() if ids is None else ids
    codes = country_codes() if codes is None else codes
    organization_ids = slugs() if organization_ids is None else organization_ids
    parents = st.none() | slugs() if parents is None else parents
    source_ids = slugs() if source_ids is None else source_ids
    for name, value in (
        ("ids", ids),
        ("codes", codes),
        ("organization_ids", organization_ids),
        ("parents", parents),
        ("source_ids", source_ids),
    ):
        _check(name, value)
    dates = st.lists(_optional_dates(), min_size=2, max_size=2).map(_in_order)
    return st.builds(
        _project,
        dates,
        id=ids,
        name=_names,
        aliases=st.lists(_names, max_size=2, unique=True),
        summary=_prose,
        kind=st.sampled_from(ProjectKind),
        status=st.sampled_from(ProjectStatus),
        participants=_lists(participants(codes=codes), max_size=4),
        organizations=_ids(organization_ids, min_size=0),
        technologies=st.frozensets(st.sampled_from(Technology), max_size=4),
        sectors=st.frozensets(st.sampled_from(Sector), max_size=3),
        location=st.none() | _names,
        parent=parents,
        sources=_ids(source_ids),
        note=st.none() | _prose,
        identifiers=st.lists(identifiers(), max_size=2, unique=True),
        roles=st.lists(st.tuples(st.integers(0, 3), st.sampled_from(OrganizationRole)), max_size=3),
    )


def _project(
    dates: tuple[PartialDate | None, PartialDate | None],
    roles: list[tuple[int, OrganizationRole]],
    **fields: Any,
) -> Project:
    """A project; *roles* give roles to its own organisations, by position."""
    organizations = fields["organizations"]
    parts = dict.fromkeys(
        OrganizationParticipant(organization=organizations[i % len(organizations)], role=role)
        for i, role in (roles if organizations else ())
    ).keys()
    return Project(started=dates[0], ended=dates[1], organization_roles=parts, **fields)


def _period(dates: Sequence[PartialDate | None]) -> tuple[PartialDate | None, PartialDate | None]:
    """(period, period_end), period_end after period, and only with one."""
    period, end = sorted(dates, key=lambda d: (d is None, d.latest() if d else None))
    if period is None or end is None or end.latest() == period.latest():
        return period, None
    return period, end


@st.composite
def _indicator(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    subjects: SearchStrategy[str],
    source_ids: SearchStrategy[str],
) -> Indicator:
    unit = draw(st.sampled_from(Unit))
    low = None if unit.can_be_negative else 0.0
    period, period_end = _period(draw(st.lists(_optional_dates(), min_size=2, max_size=2)))
    return Indicator(
        id=draw(ids),
        subject=draw(subjects),
        metric=draw(_joined("_")),
        label=draw(_names),
        value=draw(st.floats(min_value=low, allow_nan=False, allow_infinity=False)),
        unit=unit,
        qualifier=draw(st.sampled_from(Qualifier)),
        period=period,
        period_end=period_end,
        as_of=draw(_optional_dates()),
        sources=draw(_ids(source_ids)),
        note=draw(st.none() | _prose),
    )


def indicators(
    *,
    ids: SearchStrategy[str] | None = None,
    subjects: SearchStrategy[str] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Indicator]:
    """
    Figures with a unit, a qualifier, a value the unit allows (negative
    only for percentages) and optional period, period end and as-of dates.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).
        subjects: What figures are about (default: a slug, a country code
            or ``"SCO"``).
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = slugs() if ids is None else ids
    subjects = slugs() | country_codes() | st.just("SCO") if subjects is None else subjects
    source_ids = slugs() if source_ids is None else source_ids
    _check("ids", ids)
    _check("subjects", subjects)
    _check("source_ids", source_ids)
    return _indicator(ids, subjects, source_ids)


def conflicts(
    *,
    ids: SearchStrategy[str] | None = None,
    records: SearchStrategy[str] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Conflict]:
    """
    Documented conflicts naming one to three records.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).
        records: The record ids and country codes to name (default: a slug
            or a country code).
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = slugs() if ids is None else ids
    records = slugs() | country_codes() if records is None else records
    source_ids = slugs() if source_ids is None else source_ids
    _check("ids", ids)
    _check("records", records)
    _check("source_ids", source_ids)
    return st.builds(
        Conflict,
        id=ids,
        topic=_names,
        summary=_prose,
        records=_ids(records),
        sources=_ids(source_ids),
    )


def _names_distinct(found: list[Country]) -> bool:
    """No name of one country folds to a name of another (Dataset.validate's rule)."""
    holders: dict[str, str] = {}
    for country in found:
        for name in country.names:
            if holders.setdefault(normalize_key(name), country.code) != country.code:
                return False
    return True


def _organization_names_distinct(found: list[Organization]) -> bool:
    """No two organisations share a name or alias, ignoring case (Dataset.validate's rule)."""
    holders: dict[str, str] = {}
    for org in found:
        for name in org.names:
            if holders.setdefault(name.casefold(), org.id) != org.id:
                return False
    return True


def _identifiers_distinct(found: list[Project]) -> bool:
    """No identifier on two projects (Dataset.validate's rule)."""
    identifiers = [i for project in found for i in project.identifiers]
    return len(set(identifiers)) == len(identifiers)


def _one_of(values: Sequence[T]) -> SearchStrategy[T]:
    # With no values, nothing(): lists of it are empty, so references that
    # have nothing to point at are simply not drawn.
    return st.sampled_from(list(values)) if values else st.nothing()


@st.composite
def _dataset(draw: st.DrawFn, max_records: int) -> Dataset:
    def unique_ids(taken: set[str]) -> list[str]:
        found = draw(
            st.lists(slugs().filter(lambda s: s not in taken), max_size=max_records, unique=True)
        )
        taken.update(found)
        return found

    drawn_sources = draw(
        st.lists(sources(), min_size=1, max_size=max_records + 1, unique_by=_source_id)
    )
    source_ids = _one_of([s.id for s in drawn_sources])
    drawn_countries = draw(
        st.lists(
            countries(source_ids=source_ids),
            max_size=max_records,
            unique_by=(_code, _alpha3),
        )
    )
    assume(_names_distinct(drawn_countries))
    codes = [c.code for c in drawn_countries]
    taken: set[str] = set()
    organization_ids = unique_ids(taken)
    project_ids = unique_ids(taken)
    indicator_ids = unique_ids(taken)

    drawn_organizations = [
        draw(organizations(ids=st.just(i), codes=st.none() | _one_of(codes), source_ids=source_ids))
        for i in organization_ids
    ]
    assume(_organization_names_distinct(drawn_organizations))
    drawn_projects = [
        draw(
            projects(
                ids=st.just(i),
                codes=_one_of(codes),
                organization_ids=_one_of(organization_ids),
                # only earlier projects can be parents, so there are no cycles
                parents=st.none() | _one_of(project_ids[:n]),
                source_ids=source_ids,
            )
        )
        for n, i in enumerate(project_ids)
    ]
    assume(_identifiers_distinct(drawn_projects))
    subjects = _one_of([*project_ids, *organization_ids, *codes, "SCO"])
    drawn_indicators = [
        draw(indicators(ids=st.just(i), subjects=subjects, source_ids=source_ids))
        for i in indicator_ids
    ]
    records = [*project_ids, *organization_ids, *indicator_ids, *codes]
    drawn_conflicts = draw(
        st.lists(
            conflicts(records=_one_of(records), source_ids=source_ids),
            max_size=max_records if records else 0,
            unique_by=_record_id,
        )
    )
    citing: list[Membership | Organization | Project | Indicator | Conflict] = [
        *(m for c in drawn_countries for m in c.memberships),
        *drawn_organizations,
        *drawn_projects,
        *drawn_indicators,
        *drawn_conflicts,
    ]
    cited = {source for record in citing for source in record.sources}
    return Dataset(
        sources=[s for s in drawn_sources if s.id in cited],
        countries=drawn_countries,
        organizations=drawn_organizations,
        projects=drawn_projects,
        indicators=drawn_indicators,
        conflicts=drawn_conflicts,
    )


def _source_id(source: Source) -> str:
    return source.id


def _record_id(record: Conflict) -> str:
    return record.id


def _code(country: Country) -> str:
    return country.code


def _alpha3(country: Country) -> str:
    return country.alpha3


def datasets(*, max_records: int = 5) -> SearchStrategy[Dataset]:
    """
    Whole datasets that pass `sco_digital.Dataset.validate`: ids unique
    across organisations, projects and indicators; organisation names and
    project identifiers unique; every reference
    (participants, organisations, parents, subjects, conflict records,
    sources) resolves; parents form no cycle; every source is cited.

    Requires the hypothesis package.

    Args:
        max_records: The most records of each kind (sources may have one
            more). Datasets with no record at all are drawn too.

    .. versionadded:: 0.1.0
    """
    if not isinstance(max_records, int) or isinstance(max_records, bool) or max_records < 0:
        msg = f"max_records must be a non-negative int, got {max_records!r}"
        raise TypeError(msg)
    return _dataset(max_records)


def _hypothesis_setup_hook() -> None:
    """Register the strategies for `st.from_type`; run by Hypothesis' entry point."""
    registered: tuple[tuple[type[Any], Callable[[], SearchStrategy[Any]]], ...] = (
        (PartialDate, partial_dates),
        (Source, sources),
        (Membership, memberships),
        (Country, countries),
        (Organization, organizations),
        (Participant, participants),
        (OrganizationParticipant, organization_participants),
        (Identifier, identifiers),
        (Project, projects),
        (Indicator, indicators),
        (Conflict, conflicts),
        (Dataset, datasets),
    )
    for cls, strategy in registered:
        st.register_type_strategy(cls, strategy())
