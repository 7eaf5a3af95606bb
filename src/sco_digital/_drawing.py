"""
How `sco_digital.strategies` draws records: one Hypothesis strategy per
text rule, the strategy of each string field from the rule its validator
follows, and one function per record type (`_source`, `_country`...),
which the record strategies and `datasets` share; the caller passes the
references (ids, countries, sources, parents, subjects).

Every strategy here is built once, at import: building strategies while
drawing (several per record) made a dataset cost 70 ms of CPU. Nothing is
drawn only to be rejected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from ._bounds import BOUNDS
from ._keys import normalize_key
from ._rules import (
    ADMIN1,
    ALPHA2,
    ALPHA3,
    DATA_VERSION,
    DATE,
    INVISIBLE,
    LANGUAGE,
    METRIC,
    NAME,
    SLUG,
    SUBJECT,
    TEXT,
    URL,
    Rule,
    rule_of,
)
from .dataset import Dataset
from .models import (
    Conflict,
    Country,
    CountryName,
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
    Place,
    Precision,
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
)

T = TypeVar("T")


_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def _matching(rule: Rule) -> SearchStrategy[str]:
    """The strings that match *rule*'s pattern (no longer than its limit, if it has one)."""
    drawn = st.from_regex(rule.body, fullmatch=True)
    limit = rule.max_length
    # from_regex seldom draws a string anywhere near the limits (100 characters).
    return drawn if limit is None else drawn.filter(lambda text: len(text) <= limit)


def _characters_of(ranges: str) -> str:
    """Every character of *ranges*, written as in a regular expression's ``[...]``."""
    found: list[str] = []
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            found += map(chr, range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            found.append(ranges[i])
            i += 1
    return "".join(found)


# Any character but controls, surrogates and invisible format characters (which
# the text rule refuses: `INVISIBLE` also names those that the running Python's
# Unicode tables do not know as format characters yet), so text survives JSON,
# CSV and SQL.
_CHARACTERS = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Cf"),
    exclude_characters=_characters_of(INVISIBLE),
)


def _visible(text: str) -> str:
    """*text* without edge spaces, as the text rules require; only spaces become "-"."""
    return text.strip() or "-"


def _text(rule: Rule, shorter: int) -> SearchStrategy[str]:
    """Texts that keep *rule*, at most *shorter* characters, which keeps examples quick."""
    return st.text(_CHARACTERS, min_size=1, max_size=min(shorter, rule.max_length or shorter)).map(
        _visible
    )


_URLS = st.builds(
    "{}://{}{}".format,
    st.sampled_from(["http", "https"]),
    st.text(_ALNUM + ".-", min_size=1, max_size=20),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=30).map(
        lambda path: f"/{path}" if path else ""
    ),
)


def _joined(separator: str) -> SearchStrategy[str]:
    """Parts of lowercase letters and digits joined by single *separator*s."""

    def join(parts: tuple[str, str]) -> str:
        return separator.join(part for part in "".join(parts).split(separator) if part)

    # A first part, then more parts in any number: drawn as two strings, not a list.
    first = st.text(_ALNUM, min_size=1, max_size=8)
    return st.tuples(first, st.text(_ALNUM + separator, max_size=24)).map(join)


def _data_version(day: dt.date, release: int | None) -> str:
    return f"{day:%Y.%m.%d}" if release is None else f"{day:%Y.%m.%d}.{release}"


_UPPER = _ALNUM[:26].upper()


_SLUGS = _joined("-")


_CODES = st.text(_UPPER, min_size=2, max_size=2)


_BY_RULE: dict[Rule, SearchStrategy[str]] = {
    SLUG: _SLUGS,
    METRIC: _joined("_"),
    ALPHA2: _CODES,
    ALPHA3: st.text(_UPPER, min_size=3, max_size=3),
    ADMIN1: st.builds(
        "{}.{}".format, _CODES, st.text(_UPPER + "0123456789", min_size=1, max_size=4)
    ),
    LANGUAGE: _matching(LANGUAGE),
    SUBJECT: _SLUGS | _CODES | st.just("SCO"),
    URL: _URLS,
    NAME: _text(NAME, 40),
    TEXT: _text(TEXT, 200),
    DATA_VERSION: st.builds(
        _data_version, st.dates(dt.date(1000, 1, 1)), st.none() | st.integers(0, 99)
    ),
    DATE: _matching(DATE),
}
"""
The strings of each text rule: drawn from its pattern (language tags and
dates), or, where that is slow (from_regex made drawing a dataset 2.5 times
slower) or the pattern is a class of thousands of characters (names, texts,
URLs), from a part of what the rule allows; tests check that the validators
and the schemas accept every string drawn.
"""


def _fields(cls: type) -> dict[str, SearchStrategy[Any]]:
    """
    The strategy of each string field of *cls*, from the text rule it
    follows: None too where it is optional, tuples of distinct strings for
    a tuple.
    """
    out: dict[str, SearchStrategy[Any]] = {}
    for field in attrs.fields(cls):
        rule = rule_of(field)
        if rule is None:
            continue
        drawn: SearchStrategy[Any] = _BY_RULE[rule]
        if field.converter is not None:
            drawn = st.lists(drawn, max_size=3, unique=True).map(tuple)
        elif field.default is None:
            drawn = st.none() | drawn
        out[field.name] = drawn
    return out


_ALPHA3 = _BY_RULE[ALPHA3]


def _number(
    cls: type, name: str, low: float | None = None, high: float | None = None
) -> SearchStrategy[Any]:
    """
    The numbers of *cls*'s field *name*, within the bounds its validator
    carries (`_fields.between`), narrowed to *low*..*high* where given.
    """
    validator = attrs.fields_dict(cls)[name].validator
    bottom, top = validator.bounds  # type: ignore[union-attr]
    bottom, top = (
        max(bottom, low if low is not None else bottom),
        min(top, high if high is not None else top),
    )
    if getattr(validator, "integer", False):
        return st.integers(int(bottom), int(top))
    return st.floats(bottom, top, allow_nan=False)


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


def _lists(
    elements: SearchStrategy[T], *, min_size: int = 0, max_size: int
) -> SearchStrategy[list[T]]:
    """Lists of distinct elements; empty lists (or none) when no element can be drawn."""

    def build() -> SearchStrategy[list[T]]:
        if elements.is_empty:
            # Hypothesis refuses lists of nothing(): a caller may pass nothing()
            # where there is no record to refer to.
            return st.just([]) if min_size == 0 else st.nothing()
        return st.lists(elements, min_size=min_size, max_size=max_size, unique=True)

    # Deferred: is_empty evaluates strategies, which must wait until drawing.
    return st.deferred(build)


Pick = Callable[[int, int], tuple[T, ...]]
"""Draws from min to max distinct values (as many as there are, if fewer)."""


@functools.lru_cache(maxsize=256)
def _distinct(values: SearchStrategy[T], min_size: int, max_size: int) -> SearchStrategy[list[T]]:
    return _lists(values, min_size=min_size, max_size=max_size)


def _pick_drawn(draw: st.DrawFn, values: SearchStrategy[T]) -> Pick[T]:
    """Picks values that *values* draws: the record strategies' arguments."""
    return lambda low, high: tuple(draw(_distinct(values, low, high)))


def _pick_from(draw: st.DrawFn, values: Sequence[T]) -> Pick[T]:
    """Picks among *values*: the records a dataset already holds."""

    def pick(low: int, high: int) -> tuple[T, ...]:
        pool = list(values)
        count = draw(st.integers(min(low, len(pool)), min(high, len(pool))))
        return tuple(pool.pop(draw(st.integers(0, len(pool) - 1))) for _ in range(count))

    return pick


def _one_or_none(pick: Pick[T]) -> T | None:
    return next(iter(pick(0, 1)), None)


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


_DATES = _partial_date(st.integers(1000, 9999))


_OPTIONAL_DATES = st.none() | _DATES


# The fields no text rule covers are drawn one by one from these.
_TECHNOLOGIES = st.frozensets(st.sampled_from(Technology), max_size=4)


_SECTORS = st.frozensets(st.sampled_from(Sector), max_size=3)


_ROLES = st.sampled_from(Role)


_STATUSES = st.sampled_from(Status)


_VALUES = st.floats(allow_nan=False, allow_infinity=False)


_NON_NEGATIVE_VALUES = st.floats(min_value=0.0, allow_nan=False, allow_infinity=False)


_REGIONS = st.sampled_from(Region)


_SOURCE_KINDS = st.sampled_from(SourceKind)


_ORGANIZATION_KINDS = st.sampled_from(OrganizationKind)


_PROJECT_KINDS = st.sampled_from(ProjectKind)


_PROJECT_STATUSES = st.sampled_from(ProjectStatus)


_UNITS = st.sampled_from(Unit)


_QUALIFIERS = st.sampled_from(Qualifier)


_TWO_DATES = st.tuples(_OPTIONAL_DATES, _OPTIONAL_DATES)


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


_ORGANIZATION_ROLES = st.sampled_from(OrganizationRole)


_IDENTIFIERS = st.builds(
    Identifier,
    scheme=st.sampled_from(IdentifierScheme),
    id=st.integers(min_value=1, max_value=999_999).map(str),
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
