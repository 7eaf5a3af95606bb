"""
`Dataset`: the records, read-only indexes over them, and the query helpers.

A Dataset is immutable. Its record tuples are sorted by id (countries by
code) and every query returns a tuple sorted the same way, so results are
deterministic. Lookups accept the spellings people use ("UZ", "UZB",
"Uzbekistan", "Узбекистан"; "5G", "AI", "fibre optics"). A known key with no
matches gives ``()``; an unknown key raises `UnknownKeyError` with
suggestions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, overload

import attrs

from ._coerce import as_day, as_str, as_year, wrong_type
from ._registry import FILES as FILES  # noqa: PLC0414 - for export.py and _schemas.py, until they import _registry
from ._search import Query, SearchIndex
from .errors import Problem, ProblemLog, UnknownKeyError, shown_key
from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Membership,
    Organization,
    OrganizationRole,
    Project,
    ProjectKind,
    ProjectStatus,
    Sector,
    Source,
    Status,
    Technology,
    Unit,
    Vocabulary,
    normalize_key,
    suggest,
    vocabulary_index,
)

__all__ = ["Dataset"]

_T = TypeVar("_T")
_D = TypeVar("_D")
_V = TypeVar("_V", bound=Vocabulary)

Cited = Membership | Organization | Project | Indicator | Conflict
"""Records that cite sources directly."""

Subject = Country | Organization | Project
"""Records an indicator or a conflict can be about."""


_SCO = "SCO"
_EMPTY: tuple[Any, ...] = ()

# Every load folds each country name twice, for the index and for the
# rules; most are Chinese or Russian, which cost 2 µs each to fold. Names
# are validated strings, so they can be cache keys.
_fold_name = functools.lru_cache(maxsize=4096)(normalize_key)


def _by_id(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(sorted(items, key=_record_key))


# One converter per table, so that type checkers see what Dataset() accepts.
def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return _by_id(items)


def _countries(items: Iterable[Country]) -> tuple[Country, ...]:
    return _by_id(items)


def _organizations(items: Iterable[Organization]) -> tuple[Organization, ...]:
    return _by_id(items)


def _projects(items: Iterable[Project]) -> tuple[Project, ...]:
    return _by_id(items)


def _indicators(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return _by_id(items)


def _conflicts(items: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return _by_id(items)


def _record_key(record: Any) -> str:
    return record.code if isinstance(record, Country) else record.id


def _as_day(as_of: object) -> dt.date:
    if as_of is None:
        return dt.date.today()  # noqa: DTZ011 - a calendar day, not an instant
    return as_day(as_of, "as_of")


_COUNTRY = "a Country or a country's code, name or alias (a str)"
"""What every argument that names a country accepts."""


@attrs.frozen(kw_only=True, repr=False, cache_hash=True)
class Dataset:
    """
    The SCO digital-cooperation records and everything you can ask of them.

    Build one with `sco_digital.load` (the bundled data, or a directory of
    the same files), or from records in memory:
    ``Dataset(sources=..., countries=..., organizations=..., projects=...,
    indicators=..., conflicts=...)``, which sorts them by id. Construction
    does not check the rules that span records; call `validate` for that
    (`load` always does).

    Attributes:
        sources: Every cited publication, by id.
        countries: Every country with an SCO status, by code.
        organizations: Companies, ministries, universities..., by id.
        projects: Projects, programmes, agreements, events and policies, by id.
        indicators: Reported figures, by id.
        conflicts: Documented disagreements between sources, by id.
        data_version: The CalVer version of the data, from its manifest
            (metadata: two datasets with equal records are equal whatever
            their versions).

    .. versionadded:: 0.1.0
    """

    sources: tuple[Source, ...] = attrs.field(converter=_sources)
    countries: tuple[Country, ...] = attrs.field(converter=_countries)
    organizations: tuple[Organization, ...] = attrs.field(converter=_organizations)
    projects: tuple[Project, ...] = attrs.field(converter=_projects)
    indicators: tuple[Indicator, ...] = attrs.field(converter=_indicators)
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), converter=_conflicts)
    data_version: str | None = attrs.field(default=None, eq=False)

    _index: _Index = attrs.field(init=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index(self))

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in (
                "countries",
                "projects",
                "indicators",
                "organizations",
                "sources",
                "conflicts",
            )
        )
        version = f" {self.data_version}" if self.data_version else ""
        return f"<Dataset{version}: {counts}>"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickle, copy and deepcopy take the records and build the indexes anew.
        fields = attrs.fields(Dataset)
        return _restore, ({f.alias: getattr(self, f.name) for f in fields if f.init},)

    # -- single records -------------------------------------------------------

    def country(self, key: str | Country) -> Country:
        """
        The country with this code (alpha-2 or alpha-3), name in English,
        Chinese or Russian, or alias; case, accents and punctuation are
        ignored.

        >>> import sco_digital as sd
        >>> ds = sd.load()
        >>> ds.country("Узбекистан").code
        'UZ'

        A well-known country that has no SCO status is named as such
        instead of being corrected into another country:

        >>> ds.country("USA")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        sco_digital.errors.UnknownKeyError: unknown country 'USA': 'USA' (United States)
        is not an SCO member, observer, dialogue partner or partner

        Raises:
            TypeError: *key* is neither a str nor a Country.
            UnknownKeyError: No country matches; the message says so when
                *key* names a country without an SCO status, and otherwise
                suggests the closest names.
        """
        return self._country(key, "key")

    def _country(self, key: object, argument: str) -> Country:
        found = self.get_country(key, None, argument=argument)  # type: ignore[call-overload]
        if found is None:
            outside = _outside_sco(key)
            if outside is not None:
                named = shown_key(key)
                if normalize_key(outside) != normalize_key(key):  # type: ignore[arg-type]
                    named += f" ({outside})"
                note = f"{named} is not an SCO member, observer, dialogue partner or partner"
                raise UnknownKeyError("country", key, note=note)
            raise UnknownKeyError(
                "country", key, suggest(key, self._index.country_keys, _country_name)
            )
        return found  # type: ignore[no-any-return]

    @overload
    def get_country(self, key: str | Country) -> Country | None: ...

    @overload
    def get_country(self, key: str | Country, default: _D) -> Country | _D: ...

    def get_country(
        self, key: str | Country, default: object = None, *, argument: str = "key"
    ) -> object:
        """
        Like `country`, but return *default* instead of raising
        `UnknownKeyError`.

        Raises:
            TypeError: *key* is neither a str nor a Country.
        """
        keys = self._index.country_keys
        if isinstance(key, str):
            found = keys.get(key) or keys.get(normalize_key(key))
            if found is not None:
                return found
        elif isinstance(key, Country):
            return keys.get(key.code, default)
        else:
            raise wrong_type(argument, _COUNTRY, key)
        return default

    def project(self, project_id: str | Project) -> Project:
        """
        The project with id *project_id* (or this dataset's record with the
        id of the `Project` given).

        Raises:
            TypeError: *project_id* is neither a str nor a Project.
            UnknownKeyError: No such id.
        """
        return _get(self._index.projects, project_id, Project, "project_id")

    def organization(self, key: str | Organization) -> Organization:
        """
        The organisation with this id, name or alias ("CDB" for China
        Development Bank); case, accents and punctuation are ignored.

        >>> import sco_digital as sd
        >>> sd.load().organization("Ministry of Industry and Information Technology").id
        'miit'

        Raises:
            TypeError: *key* is neither a str nor an Organization.
            UnknownKeyError: No organisation matches; the message suggests the
                closest names.
        """
        return self._organization(key, "key")

    @overload
    def get_organization(self, key: str | Organization) -> Organization | None: ...

    @overload
    def get_organization(self, key: str | Organization, default: _D) -> Organization | _D: ...

    def get_organization(self, key: str | Organization, default: object = None) -> object:
        """
        Like `organization`, but return *default* instead of raising
        `UnknownKeyError`.

        .. versionadded:: 0.1.0
        """
        return self._find_organization(key, "key", default)

    def _find_organization(self, key: object, argument: str, default: object) -> object:
        """The organisation *key* names, or *default*; a wrong type names *argument*."""
        if isinstance(key, Organization):
            key = key.id
        if not isinstance(key, str):
            raise wrong_type(argument, _ORGANIZATION_FORMS, key)
        keys = self._index.organization_keys
        found = keys.get(key) or keys.get(normalize_key(key))
        return default if found is None else found

    def _organization(self, key: object, argument: str) -> Organization:
        """The organisation *key* names; errors name the caller's *argument*."""
        found = self._find_organization(key, argument, None)
        if not isinstance(found, Organization):
            key = key.id if isinstance(key, Organization) else key
            raise UnknownKeyError(
                "organization", key, suggest(key, self._index.organization_keys, _org_name)
            )
        return found

    def indicator(self, indicator_id: str | Indicator) -> Indicator:
        """
        The indicator with id *indicator_id*.

        Raises:
            TypeError: *indicator_id* is neither a str nor an Indicator.
            UnknownKeyError: No such id.
        """
        return _get(self._index.indicators, indicator_id, Indicator, "indicator_id")

    def source(self, source_id: str | Source) -> Source:
        """
        The source with id *source_id*.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such id.
        """
        return _get(self._index.sources, source_id, Source, "source_id")

    def conflict(self, conflict_id: str | Conflict) -> Conflict:
        """
        The conflict with id *conflict_id*.

        Raises:
            TypeError: *conflict_id* is neither a str nor a Conflict.
            UnknownKeyError: No such id.
        """
        return _get(self._index.conflicts, conflict_id, Conflict, "conflict_id")

    # -- queries ----------------------------------------------------------------

    def by_country(self, country: str | Country) -> tuple[Project, ...]:
        """
        The projects the country takes part in, in any role, sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_country("Egypt")][:2]
        ['beidou-cloud-suez-canal-economic-zone', 'luban-workshops-sco-network']

        Raises:
            TypeError: *country* is neither a str nor a Country.
            UnknownKeyError: *country* is not a known country.
        """
        found = self._index.by_country_key.get(country) if isinstance(country, str) else None
        if found is None:
            return self._index.by_country.get(self._country(country, "country").code, _EMPTY)
        return found

    def by_technology(self, technology: str | Technology) -> tuple[Project, ...]:
        """
        The projects that use or promote *technology*, given as a
        `Technology` or any of its slug, label or aliases ("5G", "AI",
        "fibre optics").

        Raises:
            TypeError: *technology* is neither a str nor a Technology.
            UnknownKeyError: No technology matches.
        """
        found = self._index.by_technology.get(technology) if isinstance(technology, str) else None
        if found is None:
            return self._index.by_technology[Technology.lookup(technology, "technology")]
        return found

    def by_sector(self, sector: str | Sector) -> tuple[Project, ...]:
        """
        The projects that serve *sector* (a `Sector` or its slug, label or
        alias: "health", "Health care").

        Raises:
            TypeError: *sector* is neither a str nor a Sector.
            UnknownKeyError: No sector matches.
        """
        found = self._index.by_sector.get(sector) if isinstance(sector, str) else None
        if found is None:
            return self._index.by_sector[Sector.lookup(sector, "sector")]
        return found

    def by_organization(
        self,
        organization: str | Organization,
        role: str | OrganizationRole | None = None,
    ) -> tuple[Project, ...]:
        """
        The projects *organization* (an `Organization`, or its id, name or
        alias) takes part in, sorted by id; with *role* (an
        `OrganizationRole` or its slug, label or alias: "financier",
        "lender", "equipment supplier"), only those where a cited source
        gives it that role.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_organization("CAICT")][:1]
        ['china-sco-big-data-center-xinjiang-branch']

        Raises:
            UnknownKeyError: No organisation or no role matches.

        .. versionadded:: 0.2.0
        """
        org_id = self._organization(organization, "organization").id
        projects = self._index.by_organization.get(org_id, _EMPTY)
        if role is None:
            return projects
        wanted = OrganizationRole.lookup(role, "role")
        return tuple(p for p in projects if wanted in p.organization_roles_of(org_id))

    def by_identifier(self, scheme: str | IdentifierScheme, id: str | int) -> tuple[Project, ...]:  # noqa: A002 - the field's name
        """
        The project another dataset identifies as *id* under *scheme*: a
        tuple of one project, or ``()`` when no project carries that
        identifier. *scheme* is an `IdentifierScheme` or its slug, label or
        alias ("aiddata-gcdf-3", "GCDF 3.0"); *id* is the identifier as that
        dataset writes it (AidData's record ids may be given as int).

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_identifier("aiddata-gcdf-3", 42401)]
        ['belintersat-1-satellite-belarus']

        Raises:
            UnknownKeyError: No scheme matches.

        .. versionadded:: 0.1.0
        """
        found = IdentifierScheme.lookup(scheme, "scheme")
        if isinstance(id, str):
            key = id
        elif isinstance(id, bool) or not hasattr(type(id), "__index__"):
            raise wrong_type("id", "an identifier (a str, or an integer for numeric ids)", id)
        else:
            key = str(operator.index(id))
        return self._index.by_identifier.get((found, key), _EMPTY)

    def children(self, project_id: str | Project) -> tuple[Project, ...]:
        """
        The projects whose `parent` is *project_id* (each Luban Workshop of
        the Luban Workshop network, say), or whose parent is the project given.

        Raises:
            TypeError: *project_id* is neither a str nor a Project.
            UnknownKeyError: No such project.
        """
        return self._index.children.get(self.project(project_id).id, _EMPTY)

    def members(self, as_of: dt.date | str | None = None) -> tuple[Country, ...]:
        """
        The member states on *as_of* (a date, a datetime or "YYYY-MM-DD";
        default today), sorted by code.

        >>> from datetime import date
        >>> import sco_digital as sd
        >>> [c.code for c in sd.load().members(as_of=date(2017, 6, 8))]
        ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']

        Raises:
            TypeError: *as_of* is not a date or a str.
            ValueError: *as_of* is a str but not a real "YYYY-MM-DD" day.
        """
        return self._index.with_status(Status.MEMBER, _as_day(as_of))

    def countries_with_status(
        self, status: str | Status, as_of: dt.date | str | None = None
    ) -> tuple[Country, ...]:
        """
        The countries holding *status* (a `Status` or its slug, label or
        alias) on *as_of* (a date, a datetime or "YYYY-MM-DD"; default
        today), sorted by code.

        Raises:
            TypeError: *status* or *as_of* is of the wrong type.
            ValueError: *as_of* is a str but not a real "YYYY-MM-DD" day.
            UnknownKeyError: No status matches.
        """
        return self._index.with_status(Status.lookup(status, "status"), _as_day(as_of))

    def indicators_for(self, subject: str | Subject) -> tuple[Indicator, ...]:
        """
        The figures reported about *subject*: a project or organisation (or
        its id), a country (any spelling), or ``"SCO"``.

        Raises:
            TypeError: *subject* is neither a str nor one of these records.
            UnknownKeyError: *subject* is none of these.
        """
        return self._index.indicators_by_subject.get(self._subject_key(subject), _EMPTY)

    def series(
        self, metric: str, subject: str | Subject, *, unit: str | Unit | None = None
    ) -> tuple[Indicator, ...]:
        """
        Every figure of *metric* reported about *subject*, oldest first: a
        count as it grew (Luban Workshops, partners, trainees) or a flow
        year by year (trade).

        A figure is dated by `Indicator.as_of`, else by the end of its
        period (`period_end`, else `period`). Dates compare as `PartialDate`
        does: by the first day they may mean, a less precise date first
        ("2025" < "2025-01" < "2025-01-01"). Undated figures come first;
        figures of the same date are kept side by side, ordered by id.

        >>> import sco_digital as sd
        >>> [(str(i.as_of), i.value) for i in sd.load().series(
        ...     "sco_partner_countries", "SCO")]
        [('2025-09-01', 17.0)]

        Args:
            metric: A metric slug, e.g. ``"workshops_in_sco_countries"``.
            subject: A project or organisation (or its id), a country (any
                spelling), or ``"SCO"``.
            unit: Keep only figures in this unit (slug, label or alias),
                for metrics reported in several (trade in USD and CNY).

        Returns:
            A tuple of `Indicator`, possibly empty when *subject* has no
            figure of *metric* (or none in *unit*).

        Raises:
            UnknownKeyError: *metric* is no indicator's metric, *subject*
                is not a known subject, or *unit* is not a unit.
        """
        key = self._subject_key(subject)
        metrics = self._index.metrics
        metric = as_str(metric, "metric", "a metric slug (a str)")
        if metric not in metrics:
            raise UnknownKeyError("metric", metric, suggest(metric, metrics, str))
        wanted = None if unit is None else Unit.lookup(unit)
        found = [
            i
            for i in self._index.indicators_by_subject.get(key, _EMPTY)
            if i.metric == metric and (wanted is None or i.unit is wanted)
        ]
        return tuple(sorted(found, key=lambda i: (_dated(i), i.id)))

    def latest(
        self, metric: str, subject: str | Subject, *, unit: str | Unit | None = None
    ) -> Indicator:
        """
        The newest figure of *metric* reported about *subject*: the last
        date of `series`. Where several sources report figures of that same
        date, the one with the most independent publishers
        (`corroboration`) wins, then the greatest id; `conflicts_for` tells
        whether they disagree.

        >>> import sco_digital as sd
        >>> sd.load().latest("workshops_in_sco_countries", "luban-workshops-sco-network").text
        '10'

        Args:
            metric: A metric slug, as for `series`.
            subject: A project, organisation, country or ``"SCO"``, as for
                `series`.
            unit: Consider only figures in this unit.

        Returns:
            One `Indicator`.

        Raises:
            UnknownKeyError: As for `series`, and when *subject* has no
                figure of *metric* (in *unit*); the message suggests the
                metrics it has.
        """
        found = self.series(metric, subject, unit=unit)
        if not found:
            key = self._subject_key(subject)
            own = {i.metric: i.metric for i in self._index.indicators_by_subject.get(key, _EMPTY)}
            raise UnknownKeyError(f"metric for {key}", metric, suggest(metric, own, str))
        newest = _dated(found[-1])
        return max(
            (i for i in found if _dated(i) == newest),
            key=lambda i: (self.corroboration(i), i.id),
        )

    def search(self, text: str) -> tuple[Project, ...]:
        """
        The projects that match every term of *text*, sorted by id.

        A project is searched through its id, name, aliases, summary and
        location, the names and aliases of its organisations, the slugs,
        labels and aliases of its technologies and sectors, and every name of
        its countries (in English, Chinese, Russian, their other languages and
        the statistical publishers' forms). The rules (docs/guide/search.md):

        - Case, accents and apostrophe-like letters are ignored ("turkiye"
          finds "Türkiye", "O'zbekiston" finds "Oʻzbekiston").
        - A term matches a whole word, never the inside of one: "AI" does not
          find "said" or "Thailand". End a term with ``*`` to match the start
          of words instead ("fib*" finds "fiber" and "fibre").
        - Plural and singular are one: "Workshops" finds "workshop" and back
          (an English -s, -es or -ies ending is ignored).
        - Every term must match (in any of the fields); repeated terms count
          once.
        - A term in a script written without spaces (Chinese, Japanese,
          Korean, Thai, Lao, Khmer, Burmese) matches anywhere in that text:
          "鲁班" finds "鲁班工坊".

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().search("fibre Kyrgyzstan")][:1]
        ['bishkek-osh-batken-fiber-backbone']
        >>> len(sd.load().search("Luban Workshops")) == len(sd.load().search("luban workshop"))
        True

        Raises:
            TypeError: *text* is not a str.
            ValueError: *text* has no words.
        """
        query = Query.parse(as_str(text, "text", "a str"))
        return self._index.search().find(query)

    def filter(  # noqa: PLR0913 - one keyword per facet
        self,
        *,
        country: str | Country | None = None,
        technology: str | Technology | None = None,
        sector: str | Sector | None = None,
        status: str | ProjectStatus | None = None,
        kind: str | ProjectKind | None = None,
        organization: str | Organization | None = None,
        active_in: int | None = None,
    ) -> tuple[Project, ...]:
        """
        The projects that match every facet given, sorted by id.

        *active_in* keeps projects that had started by the end of that year
        and had not ended before it began. Projects with no start date are
        left out, as nothing says they were active; a completed or cancelled
        project with no end date counts only in the year it started.

        Each facet takes the forms its own method takes: a record or term,
        or a str that names it (*organization*: an `Organization` or its id;
        *active_in*: an integer of any kind, such as ``numpy.int64``).

        Raises:
            TypeError: A facet is of the wrong type (a list, a dict, a float
                year...); the message names the facet and what it accepts.
            ValueError: *active_in* is not a four-digit year.
            UnknownKeyError: A country, technology, sector, status, kind or
                organisation is unknown.
        """
        chosen: list[tuple[Project, ...]] = []
        if country is not None:
            chosen.append(self.by_country(country))
        if technology is not None:
            chosen.append(self.by_technology(technology))
        if sector is not None:
            chosen.append(self.by_sector(sector))
        if organization is not None:
            org = self._organization(organization, "organization")
            chosen.append(self._index.by_organization.get(org.id, _EMPTY))
        wanted_status = None if status is None else ProjectStatus.lookup(status, "status")
        wanted_kind = None if kind is None else ProjectKind.lookup(kind, "kind")
        if active_in is not None:
            active_in = as_year(active_in, "active_in")

        pool = min(chosen, key=len) if chosen else self.projects
        keep = [set(map(id, group)) for group in chosen if group is not pool]
        return tuple(
            project
            for project in pool
            if all(id(project) in ids for ids in keep)
            and (wanted_status is None or project.status is wanted_status)
            and (wanted_kind is None or project.kind is wanted_kind)
            and (active_in is None or _active_in(project, active_in))
        )

    # -- provenance ---------------------------------------------------------------

    def publishers(self, record: str | Cited | Country) -> tuple[str, ...]:
        """
        The independent outlets behind *record*'s sources, sorted: a page
        that reprints or summarises another outlet counts as that outlet.
        *record* is a record, its id, or a country in any spelling.

        Raises:
            TypeError: *record* is neither a str nor a record that cites
                sources.
            UnknownKeyError: No record has that id or name.
        """
        record = self._cited(record)
        sources = self._index.sources
        return tuple(
            sorted(
                {
                    sources[source_id].origin
                    for source_id in _source_ids(record)
                    if source_id in sources
                }
            )
        )

    def corroboration(self, record: str | Cited | Country) -> int:
        """
        How many independent outlets support *record* (as in `publishers`);
        1 means a single publisher, however many of its pages are cited.

        Raises:
            TypeError: *record* is neither a str nor a record that cites
                sources.
            UnknownKeyError: No record has that id or name.
        """
        return len(self.publishers(record))

    def cited_by(self, source_id: str | Source) -> tuple[Country | Cited, ...]:
        """
        The records that cite the source *source_id* (a country counts when
        one of its memberships does): countries, organisations, projects,
        indicators, then conflicts, each by id.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such source.
        """
        return self._index.cited_by().get(self.source(source_id).id, _EMPTY)

    def conflicts_for(self, record: str | Subject | Indicator) -> tuple[Conflict, ...]:
        """
        The documented conflicts that concern *record* (a record, its id, or
        a country in any spelling).

        Raises:
            TypeError: *record* is neither a str nor one of these records.
            UnknownKeyError: *record* is not a known record.
        """
        if isinstance(record, Indicator):
            key = record.id
        elif isinstance(record, str) and record in self._index.indicators:
            key = record
        else:
            key = self._subject_key(record, "record")
        return self._index.conflicts_by_record.get(key, _EMPTY)

    def disputed(self) -> tuple[Country | Organization | Project | Indicator, ...]:
        """
        Every record named by a documented conflict: countries first (by
        code), then organisations, projects and indicators (by id).
        """
        index = self._index
        named = index.conflicts_by_record
        return (
            *(c for c in self.countries if c.code in named),
            *(o for o in self.organizations if o.id in named),
            *(p for p in self.projects if p.id in named),
            *(i for i in self.indicators if i.id in named),
        )

    # -- integrity --------------------------------------------------------------------

    def problems(self) -> tuple[Problem, ...]:
        """
        Every broken cross-record rule, in file order; empty when the data
        is consistent. `validate` raises them instead.
        """
        return tuple(check_rules(self))

    def validate(self) -> None:
        """
        Check the rules that span records: unique ids; every reference
        (countries, organisations, parents, indicator subjects, conflict
        records, source ids) resolves; every membership, organisation,
        project, indicator and conflict cites a source and every source is
        cited; memberships in time order without overlap; no parent cycles;
        no name shared by two countries or by two organisations; an
        organisation's role in a project only for one of its organisations;
        an identifier on one project only.

        Raises:
            DataError: Listing the problems found (the first
                `~sco_digital.errors.MAX_PROBLEMS` of each file; the error
                counts the rest).
        """
        problems = ProblemLog()
        problems.extend(check_rules(self))
        if problems:
            raise problems.error()

    # -- helpers ---------------------------------------------------------------------

    def _cited(self, record: object) -> Cited | Country:
        if isinstance(record, Cited | Country):
            return record
        if not isinstance(record, str):
            accepts = "a record that cites sources, or its id or a country's name (a str)"
            raise wrong_type("record", accepts, record)
        index = self._index
        for table in (index.projects, index.organizations, index.indicators, index.conflicts):
            found = table.get(record)
            if found is not None:
                return found
        country = self.get_country(record)
        if country is not None:
            return country
        names: dict[str, str] = {
            k: k for k in (*index.projects, *index.organizations, *index.indicators)
        }
        names.update({k: c.name for k, c in index.country_keys.items()})
        raise UnknownKeyError("record", record, suggest(record, names, str))

    def _subject_key(self, subject: object, argument: str = "subject") -> str:
        index = self._index
        if isinstance(subject, Project | Organization):
            return subject.id
        if isinstance(subject, Country):
            return subject.code
        if not isinstance(subject, str):
            accepts = "a Project, Organization or Country, or its id, code or name (a str)"
            raise wrong_type(argument, accepts, subject)
        if subject == _SCO or subject in index.projects or subject in index.organizations:
            return subject
        found = self.get_country(subject)
        if found is not None:
            return found.code
        names: dict[str, str] = {k: k for k in (*index.projects, *index.organizations)}
        names.update({k: c.name for k, c in index.country_keys.items()})
        raise UnknownKeyError(
            "project, organization or country", subject, suggest(subject, names, str)
        )


def _dated(indicator: Indicator) -> tuple[int, int, int, int]:
    """The sort key of *indicator*'s date (as_of, else its period's end); undated first."""
    when = indicator.as_of or indicator.period_end or indicator.period
    if when is None:
        return (0, 0, 0, 0)
    return (1, when.year, when.month or 0, when.day or 0)


def _country_name(country: Country) -> str:
    return country.name


def _get(index: Mapping[str, _T], key: object, cls: type[_T], argument: str) -> _T:
    """The record of *index* with the id *key*, or with the id of the record *key*."""
    if isinstance(key, cls):
        key = key.id  # type: ignore[attr-defined]
    if not isinstance(key, str):
        article = "an" if cls.__name__[0] in "AEIOU" else "a"
        raise wrong_type(argument, f"{article} {cls.__name__} or its id (a str)", key)
    found = index.get(key)
    if found is None:
        kind = cls.__name__.lower()
        raise UnknownKeyError(kind, key, suggest(key, {k: k for k in index}, str))
    return found


_ORGANIZATION_FORMS = "an Organization or its id, name or alias (a str)"


def _org_name(organization: Organization) -> str:
    return organization.name


_FINISHED = (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)


def _active_in(project: Project, year: int) -> bool:
    started = project.started
    if started is None or started.year > year:
        return False
    ended = project.ended
    if ended is None:
        # Finished with no end date: nothing says it ran past its first year.
        return project.status not in _FINISHED or started.year == year
    return ended.year >= year


def _restore(fields: dict[str, Any]) -> Dataset:
    """A pickled or copied Dataset, rebuilt from its records."""
    return Dataset(**fields)


def _source_ids(record: Cited | Country) -> Iterator[str]:
    if isinstance(record, Country):
        for membership in record.memberships:
            yield from membership.sources
        for name in record.localized_names:
            yield from name.sources
    else:
        yield from record.sources


class _Index:
    """The lookup tables of one Dataset; built once, never changed."""

    __slots__ = (
        "_built",
        "_cited_by",
        "_search",
        "_timeline",
        "by_country",
        "by_country_key",
        "by_identifier",
        "by_organization",
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
        "projects",
        "sources",
    )

    def __init__(self, ds: Dataset) -> None:  # noqa: C901 - every index in one pass
        self.sources = _ids(ds.sources)
        self.organizations = _ids(ds.organizations)
        self.projects = _ids(ds.projects)
        self.indicators = _ids(ds.indicators)
        self.conflicts = _ids(ds.conflicts)
        self.countries = MappingProxyType({c.code: c for c in ds.countries})

        keys: dict[str, Country] = {}
        for country in ds.countries:
            for name in country.names:
                keys.setdefault(name, country)
                keys.setdefault(_fold_name(name), country)
        self.country_keys = MappingProxyType(keys)

        self.organization_keys = _organization_keys(ds.organizations)

        by_country: defaultdict[str, list[Project]] = defaultdict(list)
        by_tech: defaultdict[Technology, list[Project]] = defaultdict(list)
        by_sector: defaultdict[Sector, list[Project]] = defaultdict(list)
        by_org: defaultdict[str, list[Project]] = defaultdict(list)
        children: defaultdict[str, list[Project]] = defaultdict(list)
        by_identifier: defaultdict[tuple[IdentifierScheme, str], list[Project]] = defaultdict(list)
        for project in ds.projects:  # sorted by id, so the lists are too
            for code in dict.fromkeys(p.country for p in project.participants):
                by_country[code].append(project)
            for tech in project.technologies:
                by_tech[tech].append(project)
            for sector in project.sectors:
                by_sector[sector].append(project)
            for org in dict.fromkeys(project.organizations):
                by_org[org].append(project)
            if project.parent is not None:
                children[project.parent].append(project)
            for identifier in dict.fromkeys(project.identifiers):
                by_identifier[identifier.scheme, identifier.id].append(project)
        self.by_country = _tuples(by_country)
        self.by_country_key = MappingProxyType(
            {key: self.by_country.get(country.code, _EMPTY) for key, country in keys.items()}
        )
        self.by_technology = _vocabulary_lookup(Technology, by_tech)
        self.by_sector = _vocabulary_lookup(Sector, by_sector)
        self.by_organization = _tuples(by_org)
        self.children = _tuples(children)
        self.by_identifier = MappingProxyType({k: tuple(v) for k, v in by_identifier.items()})

        by_subject: defaultdict[str, list[Indicator]] = defaultdict(list)
        for indicator in ds.indicators:
            by_subject[indicator.subject].append(indicator)
        self.indicators_by_subject = _tuples(by_subject)
        self.metrics = MappingProxyType({i.metric: i.metric for i in ds.indicators})

        by_record: defaultdict[str, list[Conflict]] = defaultdict(list)
        for conflict in ds.conflicts:
            for key in dict.fromkeys(conflict.records):
                by_record[key].append(conflict)
        self.conflicts_by_record = _tuples(by_record)

        # Built on first use; a race builds equal values and one wins.
        self._timeline: Mapping[Status, _Timeline] | None = None
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

    def with_status(self, status: Status, day: dt.date) -> tuple[Country, ...]:
        timeline = self._timeline
        if timeline is None:
            timeline = self._cache("_timeline", _timelines(self.countries.values()))
        starts, groups = timeline[status]
        return groups[bisect.bisect_right(starts, day) - 1]

    def search(self) -> SearchIndex[Project]:
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
        cited = self._cited_by
        if cited is None:
            groups: defaultdict[str, list[Any]] = defaultdict(list)
            for country in self.countries.values():
                for source_id in dict.fromkeys(_source_ids(country)):
                    groups[source_id].append(country)
            for table in (self.organizations, self.projects, self.indicators, self.conflicts):
                for record in table.values():
                    for source_id in dict.fromkeys(record.sources):
                        groups[source_id].append(record)
            cited = self._cache(
                "_cited_by", MappingProxyType({k: tuple(v) for k, v in groups.items()})
            )
        return cited


def _organization_keys(organizations: tuple[Organization, ...]) -> Mapping[str, Organization]:
    """Every id, then every exact name and alias, then their folded forms."""
    keys = {org.id: org for org in organizations}
    for org in organizations:
        for name in org.names:
            keys.setdefault(name, org)
    for org in organizations:
        for name in org.names:
            keys.setdefault(_fold_name(name), org)
    return MappingProxyType(keys)


def _ids(records: tuple[_T, ...]) -> Mapping[str, _T]:
    return MappingProxyType({r.id: r for r in records})  # type: ignore[attr-defined]


def _tuples(groups: Mapping[str, list[_T]]) -> Mapping[str, tuple[_T, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def _vocabulary_lookup(
    vocabulary: type[_V], groups: Mapping[_V, list[Project]]
) -> Mapping[object, tuple[Project, ...]]:
    # Every exact spelling of every term maps straight to its projects, so the
    # common call costs one dict lookup; other spellings go through lookup().
    # The spellings come from vocabulary_index, built once per process: folding
    # them again for every Dataset cost 0.2 ms of each load. (No two terms
    # share a spelling, tests/unit/test_models.py checks, so which term a
    # spelling was first seen with does not matter.)
    found = {term: tuple(groups.get(term, ())) for term in vocabulary}
    return MappingProxyType(
        {name: found[term] for name, term in vocabulary_index(vocabulary).items()}
    )


_Timeline = tuple[tuple[dt.date, ...], tuple[tuple[Country, ...], ...]]
"""The days on which statuses change, and who holds a status from each of them."""


def _timelines(countries: Iterable[Country]) -> Mapping[Status, _Timeline]:
    """
    Who holds each status from each day on which a status begins or ends.

    One sweep over those days in order, updating only the countries whose
    statuses change on each: asking every country its status on every day
    took time quadratic in the memberships (8.6 s for one country with
    2,000 of them).
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

    def holders(status: Status) -> tuple[Country, ...]:
        return tuple(c for c, held in zip(countries, current, strict=True) if held is status)

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
    `country.status_on`, by bisection when its memberships are in time order
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


# -- cross-record rules -------------------------------------------------------------


def check_rules(ds: Dataset) -> Iterator[Problem]:  # noqa: C901, PLR0912, PLR0915 - one pass per rule
    country_codes = {c.code for c in ds.countries}
    project_ids = {p.id for p in ds.projects}
    org_ids = {o.id for o in ds.organizations}
    indicator_ids = {i.id for i in ds.indicators}
    source_ids = {s.id for s in ds.sources}
    cited: set[str] = set()

    def problem(record: Any, path: str, message: str) -> Problem:
        return Problem(
            file=FILES[type(record)], record=_record_key(record), path=path, message=message
        )

    def cites(record: Any, sources: tuple[str, ...], path: str) -> Iterator[Problem]:
        if not sources:
            yield problem(record, f"{path}.sources", "cites no source")
        for i, source_id in enumerate(sources):
            cited.add(source_id)
            if source_id not in source_ids:
                yield problem(
                    record, f"{path}.sources[{i}]", f"{source_id!r} is not a known source"
                )

    # unique ids, within each file and across projects, organisations and indicators
    owner: dict[str, str] = {}
    for records in (
        ds.sources,
        ds.countries,
        ds.organizations,
        ds.projects,
        ds.indicators,
        ds.conflicts,
    ):
        seen: set[str] = set()
        for record in records:
            key = _record_key(record)
            if key in seen:
                field = ".code" if isinstance(record, Country) else ".id"
                yield problem(record, field, f"duplicate id {key!r}")
            seen.add(key)
            if isinstance(record, Organization | Project | Indicator):
                other = owner.setdefault(key, FILES[type(record)])
                if other != FILES[type(record)]:
                    yield problem(record, ".id", f"{key!r} is also an id in {other}")

    names: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    for country in ds.countries:
        if alpha3.setdefault(country.alpha3, country.code) != country.code:
            yield problem(
                country, ".alpha3", f"{country.alpha3!r} is also used by {alpha3[country.alpha3]}"
            )
        for name in country.names:
            folded = _fold_name(name)
            holder = names.setdefault(folded, country.code)
            if holder != country.code:
                yield problem(country, "", f"the name {name!r} also belongs to {holder}")
        for i, local in enumerate(country.localized_names):
            yield from cites(country, local.sources, f".localized_names[{i}]")
        previous: Membership | None = None
        for i, membership in enumerate(country.memberships):
            path = f".memberships[{i}]"
            yield from cites(country, membership.sources, path)
            if previous is not None:
                if membership.since < previous.since:
                    yield problem(
                        country,
                        f"{path}.since",
                        f"{membership.since} is before the previous status began"
                        f" ({previous.since}); list memberships in time order",
                    )
                elif previous.until is None:
                    yield problem(
                        country,
                        f"{path}.since",
                        f"overlaps the previous status ({previous.status.value}),"
                        " which has no end date",
                    )
                elif previous.until.earliest() > membership.since.earliest():
                    yield problem(
                        country,
                        f"{path}.since",
                        f"{membership.since} is before the previous status ended"
                        f" ({previous.until})",
                    )
            previous = membership

    org_names: dict[str, str] = {}
    for org in ds.organizations:
        if org.country is not None and org.country not in country_codes:
            yield problem(org, ".country", f"{org.country!r} is not a known country")
        for name in dict.fromkeys(org.names):
            # Case-insensitive, not folded: "Alipay+" (Ant International) is not "Alipay".
            holder = org_names.setdefault(name.casefold(), org.id)
            if holder != org.id:
                yield problem(org, "", f"the name {name!r} also belongs to {holder}")
        yield from cites(org, org.sources, "")

    cycles = _parent_cycles(ds.projects)
    identifier_owner: dict[tuple[IdentifierScheme, str], str] = {}
    for project in ds.projects:
        for i, participant in enumerate(project.participants):
            if participant.country not in country_codes:
                yield problem(
                    project,
                    f".participants[{i}].country",
                    f"{participant.country!r} is not a known country",
                )
        for i, org_id in enumerate(project.organizations):
            if org_id not in org_ids:
                yield problem(
                    project, f".organizations[{i}]", f"{org_id!r} is not a known organization"
                )
        for i, part in enumerate(project.organization_roles):
            if part.organization not in project.organizations:
                yield problem(
                    project,
                    f".organization_roles[{i}].organization",
                    f"{part.organization!r} is not one of the project's organizations",
                )
        for i, identifier in enumerate(project.identifiers):
            path = f".identifiers[{i}]"
            holder = identifier_owner.setdefault((identifier.scheme, identifier.id), project.id)
            if holder != project.id:
                yield problem(
                    project,
                    path,
                    f"{identifier.scheme.value} {identifier.id!r} also identifies {holder}",
                )
        if project.parent is not None:
            if project.parent not in project_ids:
                yield problem(project, ".parent", f"{project.parent!r} is not a known project")
            elif project.id in cycles:
                cycle, entry = cycles[project.id]
                what = "form" if cycle[entry] == project.id else "lead into"
                yield problem(
                    project, ".parent", f"parent links {what} a cycle: {_cycle(cycle, entry)}"
                )
        yield from cites(project, project.sources, "")

    subjects = project_ids | org_ids | country_codes | {_SCO}
    for indicator in ds.indicators:
        if indicator.subject not in subjects:
            yield problem(
                indicator,
                ".subject",
                f"{indicator.subject!r} is not a known project, organization or country, nor 'SCO'",
            )
        yield from cites(indicator, indicator.sources, "")

    named = project_ids | org_ids | indicator_ids | country_codes
    for conflict in ds.conflicts:
        if not conflict.records:
            yield problem(conflict, ".records", "names no record")
        for i, key in enumerate(conflict.records):
            if key not in named:
                yield problem(conflict, f".records[{i}]", f"{key!r} is not a known record")
        yield from cites(conflict, conflict.sources, "")

    for source in ds.sources:
        if source.id not in cited:
            yield problem(source, "", "is not cited by any record")


def _outside_sco(key: object) -> str | None:
    """The English name of the country without an SCO status that *key* names, if any."""
    if not isinstance(key, str):
        return None
    from ._world import outside_sco  # only on the error path

    return outside_sco(key)


_CYCLE_SHOWN = 10
"""At most this many ids of a parent cycle are quoted in one message."""


def _parent_cycles(projects: Iterable[Project]) -> dict[str, tuple[list[str], int]]:
    """
    The projects whose parent links form or lead into a cycle, each with the
    cycle (its ids in link order) and the index in it of the first project
    of the cycle its links reach.

    Each project is walked once: a walk stops at a project already walked,
    so the whole costs time linear in the number of projects, however deep
    the links (walking every chain from every project was cubic: a chain
    2,000 deep took 13.5 s).
    """
    by_id = {p.id: p for p in projects}
    cycles: dict[str, tuple[list[str], int]] = {}
    done: set[str] = set()
    for start in by_id:
        path: dict[str, int] = {}  # this walk's ids, in order, with their positions
        node: str | None = start
        while node is not None and node in by_id and node not in done and node not in path:
            path[node] = len(path)
            node = by_id[node].parent
        walked = list(path)
        done.update(walked)
        if node is None or node not in by_id:
            continue  # the links end at a root or at an unknown project
        if node in path:  # a new cycle: the rest of the walk leads into it
            begin = path[node]
            cycle = walked[begin:]
            for position, member in enumerate(cycle):
                cycles[member] = (cycle, position)
            walked = walked[:begin]
        elif node not in cycles:
            continue  # an earlier walk found where these links end
        reached = cycles[node]
        for member in walked:
            cycles[member] = reached
    return cycles


def _cycle(cycle: list[str], entry: int) -> str:
    """The cycle from its project at *entry* back to it, shortened if long."""
    size = len(cycle)
    shown = [cycle[(entry + i) % size] for i in range(min(size, _CYCLE_SHOWN))]
    if size > _CYCLE_SHOWN:
        shown.append(f"... ({size - _CYCLE_SHOWN:,} more)")
    return " -> ".join([*shown, cycle[entry]])
