"""
How `sco_digital.strategies` draws records and datasets: one function per
record type (`_source`, `_country`...), which the record strategies and
`_dataset` share; the caller passes the references (ids, countries,
sources, parents, subjects) as picks. `_dataset` draws the keys first and
builds the records around them, so every reference resolves, and makes
each country's and organisation's names its own (`Dataset.validate`
refuses a name two of them share).

The values the records are made of are drawn by `_primitive_draws`. Every
strategy here is built once, at import, too.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ._bounds import BOUNDS
from ._keys import normalize_key
from ._primitive_draws import (
    _DATES,
    _IDENTIFIERS,
    _NON_NEGATIVE_VALUES,
    _OPTIONAL_DATES,
    _ORGANIZATION_KINDS,
    _ORGANIZATION_ROLES,
    _PROJECT_KINDS,
    _PROJECT_STATUSES,
    _QUALIFIERS,
    _REGIONS,
    _SECTORS,
    _SOURCE_KINDS,
    _STATUSES,
    _TECHNOLOGIES,
    _TWO_DATES,
    _UNITS,
    _VALUES,
    Pick,
    _fields,
    _number,
    _one_or_none,
    _pick_from,
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
    Precision,
    Project,
    Role,
    Source,
)

# The strategy of each string field of each record type (see `_fields`).
_PLACE = _fields(Place)


_GEONAMES_IDS = st.none() | _number(Place, "geonames_id")


_SOURCE = _fields(Source)


_COUNTRY = _fields(Country)


_COUNTRY_NAME = _fields(CountryName)


_ORGANIZATION = _fields(Organization)


_PROJECT = _fields(Project)


_INDICATOR = _fields(Indicator)


_CONFLICT = _fields(Conflict)


_MEMBERSHIP = _fields(Membership)


def _source(draw: st.DrawFn, source_id: str) -> Source:
    return Source(
        id=source_id,
        title=draw(_SOURCE["title"]),
        publisher=draw(_SOURCE["publisher"]),
        reprint_of=draw(_SOURCE["reprint_of"]),
        kind=draw(_SOURCE_KINDS),
        published=draw(_OPTIONAL_DATES),
        url=draw(_SOURCE["url"]),
        language=draw(_SOURCE["language"]),
        archived_url=draw(_SOURCE["archived_url"]),
        note=draw(_SOURCE["note"]),
    )


def _membership(
    draw: st.DrawFn, since: PartialDate, until: PartialDate | None, cite: Pick[str]
) -> Membership:
    return Membership(
        status=draw(_STATUSES),
        since=since,
        until=until,
        sources=cite(1, 3),
        note=draw(_MEMBERSHIP["note"]),
        reviewed=draw(_MEMBERSHIP["reviewed"]),
    )


_TIMELINE_DAYS = st.lists(_DATES, min_size=1, max_size=3, unique_by=PartialDate.earliest)


def _timeline(draw: st.DrawFn, cite: Pick[str]) -> tuple[Membership, ...]:
    """Memberships in time order, each starting when or after the previous ended."""
    days = sorted(draw(_TIMELINE_DAYS), key=PartialDate.earliest)
    out = []
    i = 0
    while i < len(days):
        until = days[i + 1] if i + 1 < len(days) else None
        out.append(_membership(draw, days[i], until, cite))
        if until is None:
            break
        i += 1 if draw(st.booleans()) else 2  # the next status starts at once, or later
    return tuple(out)


_AT_MOST_ONE = st.integers(0, 1)


def _country_name(draw: st.DrawFn, cite: Pick[str]) -> CountryName:
    return CountryName(
        language=draw(_COUNTRY_NAME["language"]),
        name=draw(_COUNTRY_NAME["name"]),
        sources=cite(1, 3),
    )


def _country(draw: st.DrawFn, code: str, alpha3: str, cite: Pick[str]) -> Country:
    return Country(
        code=code,
        alpha3=alpha3,
        name=draw(_COUNTRY["name"]),
        name_zh=draw(_COUNTRY["name_zh"]),
        name_ru=draw(_COUNTRY["name_ru"]),
        aliases=draw(_COUNTRY["aliases"]),
        localized_names=tuple(_country_name(draw, cite) for _ in range(draw(_AT_MOST_ONE))),
        region=draw(_REGIONS),
        memberships=_timeline(draw, cite),
    )


def _organization(
    draw: st.DrawFn, organization_id: str, country: str | None, cite: Pick[str]
) -> Organization:
    return Organization(
        id=organization_id,
        name=draw(_ORGANIZATION["name"]),
        kind=draw(_ORGANIZATION_KINDS),
        country=country,
        aliases=draw(_ORGANIZATION["aliases"]),
        sources=cite(1, 3),
        note=draw(_ORGANIZATION["note"]),
        reviewed=draw(_ORGANIZATION["reviewed"]),
    )


def _place(draw: st.DrawFn, place_id: str, country: str, cite: Pick[str]) -> Place:
    """A place in *country*: inside its bounding box where `BOUNDS` knows one."""
    west, south, east, north = BOUNDS.get(country, (None, None, None, None))
    return Place(
        id=place_id,
        name=draw(_PLACE["name"]),
        name_zh=draw(_PLACE["name_zh"]),
        name_ru=draw(_PLACE["name_ru"]),
        country=country,
        latitude=draw(_number(Place, "latitude", south, north)),
        longitude=draw(_number(Place, "longitude", west, east)),
        geonames_id=draw(_GEONAMES_IDS),
        admin1=draw(_PLACE["admin1"]),
        precision=draw(st.sampled_from(Precision)),
        sources=cite(1, 2),
        note=draw(_PLACE["note"]),
    )


def _project(  # noqa: PLR0913 - a project's references, each drawn its own way
    draw: st.DrawFn,
    *,
    project_id: str,
    parent: str | None,
    taking_part: Pick[Participant],
    organization_ids: Pick[str],
    place_ids: Pick[str],
    cite: Pick[str],
) -> Project:
    started, ended = draw(_TWO_DATES)
    if started is not None and ended is not None and ended.latest() < started.earliest():
        started, ended = ended, started
    organizations = organization_ids(0, 3)
    roles = draw(st.lists(_ORGANIZATION_ROLES, max_size=len(organizations)))
    return Project(
        id=project_id,
        parent=parent,
        participants=taking_part(0, 4),
        organizations=organizations,
        organization_roles=tuple(
            OrganizationParticipant(organization=org, role=role)
            for org, role in zip(organizations, roles, strict=False)
        ),
        identifiers=tuple(draw(st.lists(_IDENTIFIERS, max_size=2, unique=True))),
        sources=cite(1, 3),
        started=started,
        ended=ended,
        name=draw(_PROJECT["name"]),
        aliases=draw(_PROJECT["aliases"]),
        summary=draw(_PROJECT["summary"]),
        kind=draw(_PROJECT_KINDS),
        status=draw(_PROJECT_STATUSES),
        technologies=draw(_TECHNOLOGIES),
        sectors=draw(_SECTORS),
        location=draw(_PROJECT["location"]),
        places=place_ids(0, 2),
        note=draw(_PROJECT["note"]),
        reviewed=draw(_PROJECT["reviewed"]),
    )


def _indicator(draw: st.DrawFn, indicator_id: str, subject: str, cite: Pick[str]) -> Indicator:
    unit = draw(_UNITS)
    # period_end after period, and only with one
    period, end = sorted(draw(_TWO_DATES), key=lambda d: (d is None, d.latest() if d else None))
    if period is None or end is None or end.latest() == period.latest():
        end = None
    return Indicator(
        id=indicator_id,
        subject=subject,
        metric=draw(_INDICATOR["metric"]),
        label=draw(_INDICATOR["label"]),
        value=draw(_VALUES if unit.can_be_negative else _NON_NEGATIVE_VALUES),
        unit=unit,
        qualifier=draw(_QUALIFIERS),
        period=period,
        period_end=end,
        as_of=draw(_OPTIONAL_DATES),
        sources=cite(1, 3),
        note=draw(_INDICATOR["note"]),
        reviewed=draw(_INDICATOR["reviewed"]),
    )


def _conflict(draw: st.DrawFn, conflict_id: str, about: Pick[str], cite: Pick[str]) -> Conflict:
    return Conflict(
        id=conflict_id,
        topic=draw(_CONFLICT["topic"]),
        summary=draw(_CONFLICT["summary"]),
        records=about(1, 3),
        sources=cite(1, 3),
    )


def _own_names(country: Country, holders: dict[str, str]) -> Country:
    """
    *country*, with each name that folds like another country's name or
    code made its own by appending the country's code (Dataset.validate
    refuses a name two countries share).
    """
    code = country.code
    return attrs.evolve(
        country,
        name=_own_name(country.name, code, holders),
        name_zh=_own_name(country.name_zh, code, holders),
        name_ru=_own_name(country.name_ru, code, holders),
        aliases=tuple(dict.fromkeys(_own_name(a, code, holders) for a in country.aliases)),
        localized_names=tuple(
            attrs.evolve(local, name=_own_name(local.name, code, holders))
            for local in country.localized_names
        ),
    )


def _own_organization_names(organization: Organization, holders: dict[str, str]) -> Organization:
    """*organization* with no name or alias another organisation holds (case ignored)."""
    key = organization.id

    def own(name: str) -> str:
        while holders.setdefault(name.casefold(), key) != key:
            name = f"{name} {key}"
        return name

    return attrs.evolve(
        organization,
        name=own(organization.name),
        aliases=tuple(dict.fromkeys(own(a) for a in organization.aliases)),
    )


def _own_name(name: str, code: str, holders: dict[str, str]) -> str:
    while holders.setdefault(normalize_key(name), code) != code:
        name = f"{name} {code}"
    return name


@st.composite
def _dataset(
    draw: st.DrawFn,
    source_ids: SearchStrategy[list[str]],
    country_codes: SearchStrategy[list[tuple[str, str]]],
    record_ids: SearchStrategy[list[str]],
    conflict_ids: SearchStrategy[list[str]],
) -> Dataset:
    # Keys are drawn distinct first, then records are built around them, so
    # every reference resolves by construction and nothing is drawn twice.
    sources_drawn = draw(source_ids)
    cite = _pick_from(draw, sources_drawn)
    codes = draw(country_codes)
    holders = {normalize_key(key): code for code, alpha3 in codes for key in (code, alpha3)}
    drawn_countries = [
        _own_names(_country(draw, code, alpha3, cite), holders) for code, alpha3 in codes
    ]
    alpha2 = [code for code, _ in codes]

    taken: set[str] = set()

    def fresh(ids: list[str]) -> list[str]:
        """The ids not taken by another organisation, project or indicator."""
        found = [i for i in ids if i not in taken]
        taken.update(found)
        return found

    organization_ids = fresh(draw(record_ids))
    project_ids = fresh(draw(record_ids))
    indicator_ids = fresh(draw(record_ids))

    in_country = _pick_from(draw, alpha2)
    org_holders = {i.casefold(): i for i in organization_ids}
    drawn_organizations = [
        _own_organization_names(_organization(draw, i, _one_or_none(in_country), cite), org_holders)
        for i in organization_ids
    ]
    taking_part = _pick_from(draw, [Participant(country=c, role=r) for c in alpha2 for r in Role])
    named = _pick_from(draw, organization_ids)
    drawn_places = [_place(draw, i, in_country(1, 1)[0], cite) for i in draw(record_ids) if alpha2]
    at_place = _pick_from(draw, [p.id for p in drawn_places])
    drawn_projects = [
        # only earlier projects can be parents, so there are no cycles
        _project(
            draw,
            project_id=i,
            parent=_one_or_none(_pick_from(draw, project_ids[:n])),
            taking_part=taking_part,
            organization_ids=named,
            place_ids=at_place,
            cite=cite,
        )
        for n, i in enumerate(project_ids)
    ]
    linked: set[Identifier] = set()  # an identifier names one project only
    for n, project in enumerate(drawn_projects):
        own = tuple(i for i in project.identifiers if i not in linked)
        linked.update(own)
        if own != project.identifiers:
            drawn_projects[n] = attrs.evolve(project, identifiers=own)
    subjects = _pick_from(draw, [*project_ids, *organization_ids, *alpha2, "SCO"])
    drawn_indicators = [_indicator(draw, i, subjects(1, 1)[0], cite) for i in indicator_ids]
    records = [*project_ids, *organization_ids, *indicator_ids, *alpha2]
    about = _pick_from(draw, records)
    drawn_conflicts = [_conflict(draw, i, about, cite) for i in draw(conflict_ids) if records]
    citing: list[
        Membership | CountryName | Organization | Place | Project | Indicator | Conflict
    ] = [
        *(m for c in drawn_countries for m in c.memberships),
        *(n for c in drawn_countries for n in c.localized_names),
        *drawn_organizations,
        *drawn_places,
        *drawn_projects,
        *drawn_indicators,
        *drawn_conflicts,
    ]
    cited = {source for record in citing for source in record.sources}
    return Dataset(
        sources=[_source(draw, i) for i in sources_drawn if i in cited],
        countries=drawn_countries,
        organizations=drawn_organizations,
        projects=drawn_projects,
        indicators=drawn_indicators,
        conflicts=drawn_conflicts,
        places=drawn_places,
    )
