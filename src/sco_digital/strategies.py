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

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from . import _rules
from ._drawing import (
    _conflict,
    _country,
    _country_name,
    _dataset,
    _indicator,
    _membership,
    _organization,
    _place,
    _project,
    _source,
)
from ._primitive_draws import (
    _ALPHA3,
    _BY_RULE,
    _CODES,
    _DATES,
    _IDENTIFIERS,
    _ORGANIZATION_ROLES,
    _ROLES,
    _SLUGS,
    _partial_date,
    _pick_drawn,
)
from .dataset import Dataset
from .models import (
    Conflict,
    Country,
    CountryName,
    Identifier,
    Indicator,
    Membership,
    Organization,
    OrganizationParticipant,
    PartialDate,
    Participant,
    Place,
    Project,
    Source,
)

__all__ = [
    "conflicts",
    "countries",
    "country_codes",
    "country_names",
    "datasets",
    "identifiers",
    "indicators",
    "memberships",
    "organization_participants",
    "organizations",
    "partial_dates",
    "participants",
    "places",
    "projects",
    "slugs",
    "sources",
]


def _check(name: str, value: object) -> None:
    if not isinstance(value, SearchStrategy):
        msg = f"{name} must be a hypothesis strategy, got {type(value).__name__}"
        raise TypeError(msg)


def slugs() -> SearchStrategy[str]:
    """
    Record ids: lowercase letters and digits in parts joined by single
    hyphens ("luban-workshop-2").

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return _SLUGS


def country_codes() -> SearchStrategy[str]:
    """
    ISO 3166-1 alpha-2 shaped codes: two capital letters.

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return _CODES


def partial_dates(*, years: SearchStrategy[int] | None = None) -> SearchStrategy[PartialDate]:
    """
    Valid dates of year, month or day precision.

    Requires the hypothesis package.

    Args:
        years: The years to draw from (default: 1000-9999, every year a
            `PartialDate` accepts).

    .. versionadded:: 0.1.0
    """
    if years is None:
        return _DATES
    _check("years", years)
    return _partial_date(years)


@st.composite
def _one_source(draw: st.DrawFn, ids: SearchStrategy[str]) -> Source:
    return _source(draw, draw(ids))


def sources(*, ids: SearchStrategy[str] | None = None) -> SearchStrategy[Source]:
    """
    Sources with a valid URL, language tag and optional date, title and note.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    ids = _SLUGS if ids is None else ids
    _check("ids", ids)
    return _one_source(ids)


@st.composite
def _one_membership(draw: st.DrawFn, source_ids: SearchStrategy[str]) -> Membership:
    since, until = sorted(draw(st.tuples(_DATES, _DATES)), key=PartialDate.earliest)
    ends = until.earliest() > since.earliest() and draw(st.booleans())
    return _membership(draw, since, until if ends else None, _pick_drawn(draw, source_ids))


def memberships(*, source_ids: SearchStrategy[str] | None = None) -> SearchStrategy[Membership]:
    """
    One period of SCO status, with an end after its start or none.

    Requires the hypothesis package.

    Args:
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("source_ids", source_ids)
    return _one_membership(source_ids)


@st.composite
def _one_country_name(draw: st.DrawFn, source_ids: SearchStrategy[str]) -> CountryName:
    return _country_name(draw, _pick_drawn(draw, source_ids))


def country_names(*, source_ids: SearchStrategy[str] | None = None) -> SearchStrategy[CountryName]:
    """
    A country's name in one language, citing one to three sources.

    Requires the hypothesis package.

    Args:
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.2.0
    """
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("source_ids", source_ids)
    return _one_country_name(source_ids)


@st.composite
def _one_country(
    draw: st.DrawFn, codes: SearchStrategy[str], source_ids: SearchStrategy[str]
) -> Country:
    return _country(draw, draw(codes), draw(_ALPHA3), _pick_drawn(draw, source_ids))


def countries(
    *,
    codes: SearchStrategy[str] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Country]:
    """
    Countries with names in three languages, aliases, at most one localized
    name and one to three memberships in time order, never overlapping.

    Requires the hypothesis package.

    Args:
        codes: The alpha-2 codes to draw from (default: `country_codes`).
        source_ids: The source ids memberships cite (default: `slugs`).

    .. versionadded:: 0.1.0
    """
    codes = _CODES if codes is None else codes
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("codes", codes)
    _check("source_ids", source_ids)
    return _one_country(codes, source_ids)


@st.composite
def _one_organization(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    codes: SearchStrategy[str | None],
    source_ids: SearchStrategy[str],
) -> Organization:
    return _organization(draw, draw(ids), draw(codes), _pick_drawn(draw, source_ids))


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
    ids = _SLUGS if ids is None else ids
    codes = st.none() | _CODES if codes is None else codes
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("ids", ids)
    _check("codes", codes)
    _check("source_ids", source_ids)
    return _one_organization(ids, codes, source_ids)


def participants(*, codes: SearchStrategy[str] | None = None) -> SearchStrategy[Participant]:
    """
    A country and its role in a project.

    Requires the hypothesis package.

    Args:
        codes: The alpha-2 codes to draw from (default: `country_codes`).

    .. versionadded:: 0.1.0
    """
    codes = _CODES if codes is None else codes
    _check("codes", codes)
    return st.builds(Participant, country=codes, role=_ROLES)


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
    organization_ids = _SLUGS if organization_ids is None else organization_ids
    _check("organization_ids", organization_ids)
    return st.builds(
        OrganizationParticipant, organization=organization_ids, role=_ORGANIZATION_ROLES
    )


def identifiers() -> SearchStrategy[Identifier]:
    """
    Identifiers from other datasets: AidData GCDF 3.0 record ids (digits).

    Requires the hypothesis package.

    .. versionadded:: 0.1.0
    """
    return _IDENTIFIERS


@st.composite
def _one_project(  # noqa: PLR0913, PLR0917 - the strategies projects() takes
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    taking_part: SearchStrategy[Participant],
    organization_ids: SearchStrategy[str],
    parents: SearchStrategy[str | None],
    source_ids: SearchStrategy[str],
    place_ids: SearchStrategy[str],
) -> Project:
    return _project(
        draw,
        project_id=draw(ids),
        parent=draw(parents),
        taking_part=_pick_drawn(draw, taking_part),
        organization_ids=_pick_drawn(draw, organization_ids),
        place_ids=_pick_drawn(draw, place_ids),
        cite=_pick_drawn(draw, source_ids),
    )


def projects(  # noqa: PLR0913 - one strategy per reference a project holds
    *,
    ids: SearchStrategy[str] | None = None,
    codes: SearchStrategy[str] | None = None,
    organization_ids: SearchStrategy[str] | None = None,
    parents: SearchStrategy[str | None] | None = None,
    source_ids: SearchStrategy[str] | None = None,
    place_ids: SearchStrategy[str] | None = None,
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
        place_ids: The place ids to name (default: `slugs`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *place_ids*.
    """
    ids = _SLUGS if ids is None else ids
    codes = _CODES if codes is None else codes
    place_ids = _SLUGS if place_ids is None else place_ids
    organization_ids = _SLUGS if organization_ids is None else organization_ids
    parents = st.none() | _SLUGS if parents is None else parents
    source_ids = _SLUGS if source_ids is None else source_ids
    for name, value in (
        ("ids", ids),
        ("codes", codes),
        ("organization_ids", organization_ids),
        ("parents", parents),
        ("source_ids", source_ids),
        ("place_ids", place_ids),
    ):
        _check(name, value)
    return _one_project(
        ids, participants(codes=codes), organization_ids, parents, source_ids, place_ids
    )


@st.composite
def _one_place(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    codes: SearchStrategy[str],
    source_ids: SearchStrategy[str],
) -> Place:
    return _place(draw, draw(ids), draw(codes), _pick_drawn(draw, source_ids))


def places(
    *,
    ids: SearchStrategy[str] | None = None,
    codes: SearchStrategy[str] | None = None,
    source_ids: SearchStrategy[str] | None = None,
) -> SearchStrategy[Place]:
    """
    Places with WGS84 coordinates, inside their country's bounding box
    where the package knows one, and optional GeoNames ids and first-level
    division codes.

    Requires the hypothesis package.

    Args:
        ids: The ids to draw from (default: `slugs`).
        codes: The countries' alpha-2 codes (default: `country_codes`).
        source_ids: The source ids to cite (default: `slugs`).

    .. versionadded:: 0.2.0
    """
    ids = _SLUGS if ids is None else ids
    codes = _CODES if codes is None else codes
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("ids", ids)
    _check("codes", codes)
    _check("source_ids", source_ids)
    return _one_place(ids, codes, source_ids)


@st.composite
def _one_indicator(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    subjects: SearchStrategy[str],
    source_ids: SearchStrategy[str],
) -> Indicator:
    return _indicator(draw, draw(ids), draw(subjects), _pick_drawn(draw, source_ids))


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
    ids = _SLUGS if ids is None else ids
    subjects = _BY_RULE[_rules.SUBJECT] if subjects is None else subjects
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("ids", ids)
    _check("subjects", subjects)
    _check("source_ids", source_ids)
    return _one_indicator(ids, subjects, source_ids)


@st.composite
def _one_conflict(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    records: SearchStrategy[str],
    source_ids: SearchStrategy[str],
) -> Conflict:
    return _conflict(draw, draw(ids), _pick_drawn(draw, records), _pick_drawn(draw, source_ids))


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
    ids = _SLUGS if ids is None else ids
    records = _SLUGS | _CODES if records is None else records
    source_ids = _SLUGS if source_ids is None else source_ids
    _check("ids", ids)
    _check("records", records)
    _check("source_ids", source_ids)
    return _one_conflict(ids, records, source_ids)


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


def _second(pair: tuple[str, str]) -> str:
    return pair[1]


def datasets(*, max_records: int = 2) -> SearchStrategy[Dataset]:
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
    return _dataset(
        source_ids=st.lists(_SLUGS, min_size=1, max_size=max_records + 1, unique=True),
        country_codes=st.lists(
            st.tuples(_CODES, _ALPHA3), max_size=max_records, unique_by=(_first, _second)
        ),
        record_ids=st.lists(_SLUGS, max_size=max_records, unique=True),
        conflict_ids=st.lists(_SLUGS, max_size=max_records, unique=True),
    )
