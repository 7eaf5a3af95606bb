"""
The lookup tables of a `Dataset`: built once per Dataset, read-only after.

`Index` maps ids, names and vocabulary spellings to records and groups the
projects by country, technology, sector, organisation, parent, identifier
and place;
the status timelines (`Dataset.members`), the search index and the records
each source is cited by are built on first use.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from ._keys import fold_name
from ._results import Results
from ._search import SearchIndex
from ._vocabulary import vocabulary_index
from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Membership,
    Organization,
    Place,
    Project,
    Sector,
    Status,
    Technology,
    Vocabulary,
)

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["NO_CONFLICTS", "NO_INDICATORS", "NO_PROJECTS", "Index", "record_key", "source_ids"]

_T = TypeVar("_T")
_V = TypeVar("_V", bound=Vocabulary)
_R = TypeVar("_R", Organization, Place)

NO_PROJECTS: Results[Project] = Results((), Project)
"""What a lookup of projects by a known key with no match returns."""
NO_INDICATORS: Results[Indicator] = Results((), Indicator)
"""What a lookup of indicators by a known subject with no figure returns."""
NO_CONFLICTS: Results[Conflict] = Results((), Conflict)
"""What a lookup of the conflicts about a known record with none returns."""

Cited = Membership | Organization | Place | Project | Indicator | Conflict
"""Records that cite sources directly."""

Timeline = tuple[tuple[dt.date, ...], tuple[Results[Country], ...]]
"""The days on which statuses change, and who holds a status from each of them."""


def record_key(record: Any) -> str:
    """The key a record is sorted and found by: a country's code, else the id."""
    return record.code if isinstance(record, Country) else record.id


def source_ids(record: Cited | Country) -> Iterator[str]:
    """The ids of the sources *record* cites (a country: through its memberships and names)."""
    if isinstance(record, Country):
        for membership in record.memberships:
            yield from membership.sources
        for name in record.localized_names:
            yield from name.sources
    else:
        yield from record.sources


class Index:
    """The lookup tables of one Dataset; built once, never changed."""

    __slots__ = (
        "_built",
        "_cited_by",
        "_search",
        "_timeline",
        "by_admin1",
        "by_country",
        "by_country_key",
        "by_identifier",
        "by_organization",
        "by_place",
        "by_sector",
        "by_technology",
        "children",
        "conflicts",
        "conflicts_by_record",
        "countries",
        "country_keys",
        "indicators",
        "indicators_by_subject",
        "metrics",
        "organization_keys",
        "organizations",
        "place_keys",
        "places",
        "projects",
        "sources",
    )

    def __init__(self, ds: Dataset) -> None:
        self.sources = _ids(ds.sources)
        self.organizations = _ids(ds.organizations)
        self.places = _ids(ds.places)
        self.projects = _ids(ds.projects)
        self.indicators = _ids(ds.indicators)
        self.conflicts = _ids(ds.conflicts)
        self.countries = MappingProxyType({c.code: c for c in ds.countries})
        self.country_keys = _country_keys(ds.countries)
        self.organization_keys = _name_keys(ds.organizations, lambda org: org.names)
        self.place_keys = _name_keys(
            ds.places, lambda p: (n for n in (p.name, p.name_zh, p.name_ru) if n is not None)
        )

        groups = _ProjectGroups(ds.projects)
        self.by_country = _tuples(groups.by_country)
        self.by_country_key = MappingProxyType(
            {
                key: self.by_country.get(country.code, NO_PROJECTS)
                for key, country in self.country_keys.items()
            }
        )
        self.by_technology = _vocabulary_lookup(Technology, groups.by_technology)
        self.by_sector = _vocabulary_lookup(Sector, groups.by_sector)
        self.by_organization = _tuples(groups.by_organization)
        self.children = _tuples(groups.children)
        self.by_identifier = _tuples(groups.by_identifier)
        self.by_place = _tuples(groups.by_place)
        admin1 = {p.id: p.admin1 for p in ds.places if p.admin1 is not None}
        self.by_admin1 = _group(ds.projects, lambda p: (admin1[i] for i in p.places if i in admin1))

        self.indicators_by_subject = _group(ds.indicators, lambda i: (i.subject,))
        self.metrics = MappingProxyType({i.metric: i.metric for i in ds.indicators})
        self.conflicts_by_record = _group(ds.conflicts, lambda c: c.records)

        # Built on first use; a race builds equal values and one wins.
        self._timeline: Mapping[Status, Timeline] | None = None
        self._search: SearchIndex[Project] | None = None
        self._cited_by: Mapping[str, tuple[Any, ...]] | None = None
        self._built = True

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_built", False):
            msg = f"cannot set {name!r}: a Dataset's indexes are read-only"
            raise AttributeError(msg)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        msg = f"cannot delete {name!r}: a Dataset's indexes are read-only"
        raise AttributeError(msg)

    def _cache(self, name: str, value: _T) -> _T:
        object.__setattr__(self, name, value)  # once, on first use (see __init__)
        return value

    def with_status(self, status: Status, day: dt.date) -> Results[Country]:
        """The countries holding *status* on *day*, sorted by code."""
        timeline = self._timeline
        if timeline is None:
            timeline = self._cache("_timeline", _timelines(self.countries.values()))
        starts, groups = timeline[status]
        return groups[bisect.bisect_right(starts, day) - 1]

    def search(self) -> SearchIndex[Project]:
        """The full-text index of the projects, in id order."""
        index = self._search
        if index is None:
            index = self._cache(
                "_search",
                SearchIndex.build((p, self._texts(p)) for p in self.projects.values()),
            )
        return index

    def _texts(self, project: Project) -> list[str]:
        parts: list[str] = [project.id, project.name, *project.aliases, project.summary]
        if project.location:
            parts.append(project.location)
        for org_id in project.organizations:
            org = self.organizations.get(org_id)
            if org is not None:
                parts += (org.name, *org.aliases)
        for term in (*project.technologies, *project.sectors):
            parts += (term.value, term.label, *term.aliases)
        for code in project.countries:
            country = self.countries.get(code)
            if country is not None:
                parts += country.names
        return parts

    def cited_by(self) -> Mapping[str, tuple[Any, ...]]:
        """Each source id -> the records citing it: countries, then the other tables, by id."""
        cited = self._cited_by
        if cited is None:
            groups: defaultdict[str, list[Any]] = defaultdict(list)
            for table in (
                self.countries,
                self.organizations,
                self.places,
                self.projects,
                self.indicators,
                self.conflicts,
            ):
                for record in table.values():
                    for source_id in dict.fromkeys(source_ids(record)):
                        groups[source_id].append(record)
            cited = self._cache("_cited_by", _tuples(groups))
        return cited


class _ProjectGroups:
    """The projects grouped by each facet in one pass, each list in the order given."""

    def __init__(self, projects: Iterable[Project]) -> None:
        self.by_country: defaultdict[str, list[Project]] = defaultdict(list)
        self.by_technology: defaultdict[Technology, list[Project]] = defaultdict(list)
        self.by_sector: defaultdict[Sector, list[Project]] = defaultdict(list)
        self.by_organization: defaultdict[str, list[Project]] = defaultdict(list)
        self.children: defaultdict[str, list[Project]] = defaultdict(list)
        self.by_identifier: defaultdict[tuple[IdentifierScheme, str], list[Project]] = defaultdict(
            list
        )
        self.by_place: defaultdict[str, list[Project]] = defaultdict(list)
        for project in projects:
            for code in dict.fromkeys(p.country for p in project.participants):
                self.by_country[code].append(project)
            for tech in project.technologies:
                self.by_technology[tech].append(project)
            for sector in project.sectors:
                self.by_sector[sector].append(project)
            for org in dict.fromkeys(project.organizations):
                self.by_organization[org].append(project)
            if project.parent is not None:
                self.children[project.parent].append(project)
            for identifier in dict.fromkeys(project.identifiers):
                self.by_identifier[identifier.scheme, identifier.id].append(project)
            for place in dict.fromkeys(project.places):
                self.by_place[place].append(project)


def _country_keys(countries: Iterable[Country]) -> Mapping[str, Country]:
    """Every name of every country, exact and folded, first holder kept."""
    keys: dict[str, Country] = {}
    for country in countries:
        for name in country.names:
            keys.setdefault(name, country)
            keys.setdefault(fold_name(name), country)
    return MappingProxyType(keys)


def _name_keys(records: tuple[_R, ...], names: Callable[[_R], Iterable[str]]) -> Mapping[str, _R]:
    """Every id, then every exact name (and alias), then their folded forms."""
    keys = {r.id: r for r in records}
    for record in records:
        for name in names(record):
            keys.setdefault(name, record)
    for record in records:
        for name in names(record):
            keys.setdefault(fold_name(name), record)
    return MappingProxyType(keys)


def _ids(records: tuple[_T, ...]) -> Mapping[str, _T]:
    return MappingProxyType({r.id: r for r in records})  # type: ignore[attr-defined]


def _tuples(groups: Mapping[_T, list[Any]]) -> Mapping[_T, Results[Any]]:
    return MappingProxyType({k: Results(v) for k, v in groups.items()})


def _group(records: Iterable[_T], keys: Callable[[_T], Iterable[str]]) -> Mapping[str, Results[_T]]:
    """Each key -> the records that have it (each record once per key), in the order given."""
    groups: defaultdict[str, list[_T]] = defaultdict(list)
    for record in records:
        for key in dict.fromkeys(keys(record)):
            groups[key].append(record)
    return _tuples(groups)


def _vocabulary_lookup(
    vocabulary: type[_V], groups: Mapping[_V, list[Project]]
) -> Mapping[object, Results[Project]]:
    # Every exact spelling of every term maps straight to its projects, so the
    # common call costs one dict lookup; other spellings go through lookup().
    # (No two terms share a spelling, tests/unit/test_models.py checks, so
    # which term a spelling was first seen with does not matter.)
    found = {term: Results(groups.get(term, ()), Project) for term in vocabulary}
    return MappingProxyType(
        {name: found[term] for name, term in vocabulary_index(vocabulary).items()}
    )


def _timelines(countries: Iterable[Country]) -> Mapping[Status, Timeline]:
    """
    Who holds each status from each day on which a status begins or ends.

    One sweep over those days in order, updating only the countries whose
    statuses change on each: asking every country its status on every day
    took time quadratic in the memberships.
    """
    countries = tuple(countries)
    changing: defaultdict[dt.date, list[int]] = defaultdict(list)
    for i, country in enumerate(countries):
        for m in country.memberships:
            for boundary in (m.since, m.until):
                if boundary is not None:
                    changing[boundary.earliest()].append(i)
    days = sorted(changing)
    status_of = [_status_finder(country) for country in countries]
    current = [find(dt.date.min) for find in status_of]

    def holders(status: Status) -> Results[Country]:
        return Results(
            (c for c, held in zip(countries, current, strict=True) if held is status), Country
        )

    groups = {status: [holders(status)] for status in Status}
    for day in days:
        touched: set[Status | None] = set()
        for i in changing[day]:
            status = status_of[i](day)
            if status is not current[i]:
                touched.update((current[i], status))
                current[i] = status
        for status, group in groups.items():
            group.append(holders(status) if status in touched else group[-1])
    starts = (dt.date.min, *days)
    return MappingProxyType({status: (starts, tuple(groups[status])) for status in Status})


def _status_finder(country: Country) -> Callable[[dt.date], Status | None]:
    """
    `Country.status_on`, by bisection when its memberships are in time order
    without overlap (as `Dataset.validate` requires), else as it is.
    """
    memberships = country.memberships
    starts = [m.since.earliest() for m in memberships]
    ordered = all(
        earlier.until is not None and earlier.until.earliest() <= later.since.earliest()
        for earlier, later in itertools.pairwise(memberships)
    ) and starts == sorted(starts)
    if not ordered:
        return country.status_on

    def status_on(day: dt.date) -> Status | None:
        # Only the last status begun by *day* can hold on it: the earlier ones had ended.
        i = bisect.bisect_right(starts, day) - 1
        return memberships[i].status if i >= 0 and memberships[i].holds_on(day) else None

    return status_on
