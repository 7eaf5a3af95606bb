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

import datetime as dt
import operator
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from . import _coerce
from ._display import displayed_dataset as _displayed_dataset
from ._geography import Geography as _Geography
from ._indexes import NO_PROJECTS as _NO_PROJECTS
from ._indexes import Index as _Index
from ._indexes import record_key as _record_key
from ._integrity import check_rules as _check_rules
from ._problems import ProblemLog as _ProblemLog
from ._results import Results
from ._search import Query as _Query
from .errors import Problem
from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Organization,
    OrganizationRole,
    Place,
    Project,
    ProjectKind,
    ProjectStatus,
    Sector,
    Source,
    Status,
    Technology,
)

__all__ = ["Dataset", "Results"]

_T = TypeVar("_T")


def _by_id(items: Iterable[_T], kind: type[_T]) -> Results[_T]:
    return Results(sorted(items, key=_record_key), kind)


# One converter per table, so that type checkers see what Dataset() accepts.
def _sources(items: Iterable[Source]) -> Results[Source]:
    return _by_id(items, Source)


def _countries(items: Iterable[Country]) -> Results[Country]:
    return _by_id(items, Country)


def _organizations(items: Iterable[Organization]) -> Results[Organization]:
    return _by_id(items, Organization)


def _places(items: Iterable[Place]) -> Results[Place]:
    return _by_id(items, Place)


def _projects(items: Iterable[Project]) -> Results[Project]:
    return _by_id(items, Project)


def _indicators(items: Iterable[Indicator]) -> Results[Indicator]:
    return _by_id(items, Indicator)


def _conflicts(items: Iterable[Conflict]) -> Results[Conflict]:
    return _by_id(items, Conflict)


def _as_day(as_of: object) -> dt.date:
    if as_of is None:
        return dt.date.today()  # noqa: DTZ011 - a calendar day, not an instant
    return _coerce.as_day(as_of, "as_of")


@_displayed_dataset
@attrs.frozen(kw_only=True, repr=False, cache_hash=True)
class Dataset(_Geography):
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
        places: The places projects are at, with their coordinates, by id.
        data_version: The CalVer version of the data, from its manifest
            (metadata: two datasets with equal records are equal whatever
            their versions).

    .. versionadded:: 0.1.0
    """

    sources: Results[Source] = attrs.field(converter=_sources)
    countries: Results[Country] = attrs.field(converter=_countries)
    organizations: Results[Organization] = attrs.field(converter=_organizations)
    projects: Results[Project] = attrs.field(converter=_projects)
    indicators: Results[Indicator] = attrs.field(converter=_indicators)
    conflicts: Results[Conflict] = attrs.field(default=(), converter=_conflicts)
    places: Results[Place] = attrs.field(default=(), converter=_places)
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
                "places",
            )
        )
        version = f" {self.data_version}" if self.data_version else ""
        return f"<Dataset{version}: {counts}>"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickle, copy and deepcopy take the records and build the indexes anew.
        fields = attrs.fields(Dataset)
        return _restore, ({f.alias: getattr(self, f.name) for f in fields if f.init},)

    # -- single records -------------------------------------------------------

    # -- queries ----------------------------------------------------------------

    def by_country(self, country: str | Country) -> Results[Project]:
        """
        The projects the country takes part in, in any role, sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_country("Egypt")][:2]
        ['beidou-cloud-suez-canal-economic-zone', 'luban-workshops-sco-network']

        Args:
            country: A `Country`, or a country's code (alpha-2 or alpha-3),
                name in any language or alias.

        Returns:
            A tuple of `Project` sorted by id, each once; ``()`` when the
            country takes part in none.

        Raises:
            TypeError: *country* is neither a str nor a Country.
            UnknownKeyError: *country* is not a known country.
        """
        found = self._index.by_country_key.get(country) if isinstance(country, str) else None
        if found is None:
            return self._index.by_country.get(self._country(country, "country").code, _NO_PROJECTS)
        return found

    def by_technology(self, technology: str | Technology) -> Results[Project]:
        """
        The projects that use or promote *technology*, given as a
        `Technology` or any of its slug, label or aliases ("5G", "AI",
        "fibre optics").

        Args:
            technology: A `Technology`, or its slug, label or alias.

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none uses it.

        Raises:
            TypeError: *technology* is neither a str nor a Technology.
            UnknownKeyError: No technology matches; the message suggests the
                closest terms.
        """
        found = self._index.by_technology.get(technology) if isinstance(technology, str) else None
        if found is None:
            return self._index.by_technology[Technology.lookup(technology, "technology")]
        return found

    def by_sector(self, sector: str | Sector) -> Results[Project]:
        """
        The projects that serve *sector* (a `Sector` or its slug, label or
        alias: "health", "Health care").

        Args:
            sector: A `Sector`, or its slug, label or alias.

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none serves it.

        Raises:
            TypeError: *sector* is neither a str nor a Sector.
            UnknownKeyError: No sector matches; the message suggests the
                closest terms.
        """
        found = self._index.by_sector.get(sector) if isinstance(sector, str) else None
        if found is None:
            return self._index.by_sector[Sector.lookup(sector, "sector")]
        return found

    def by_organization(
        self,
        organization: str | Organization,
        role: str | OrganizationRole | None = None,
    ) -> Results[Project]:
        """
        The projects *organization* (an `Organization`, or its id, name or
        alias) takes part in, sorted by id; with *role* (an
        `OrganizationRole` or its slug, label or alias: "financier",
        "lender", "equipment supplier"), only those where a cited source
        gives it that role.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_organization("CAICT")][:1]
        ['china-sco-big-data-center-xinjiang-branch']

        Args:
            organization: An `Organization`, or its id, name or alias.
            role: An `OrganizationRole`, or its slug, label or alias; None
                (the default) for every role.

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none matches.

        Raises:
            TypeError: *organization* or *role* is of the wrong type.
            UnknownKeyError: No organisation or no role matches.

        .. versionadded:: 0.2.0
        """
        org_id = self._organization(organization, "organization").id
        projects = self._index.by_organization.get(org_id, _NO_PROJECTS)
        if role is None:
            return projects
        wanted = OrganizationRole.lookup(role, "role")
        return Results((p for p in projects if wanted in p.organization_roles_of(org_id)), Project)

    def by_identifier(self, scheme: str | IdentifierScheme, id: str | int) -> Results[Project]:  # noqa: A002 - the field's name
        """
        The project another dataset identifies as *id* under *scheme*: a
        tuple of one project, or ``()`` when no project carries that
        identifier. *scheme* is an `IdentifierScheme` or its slug, label or
        alias ("aiddata-gcdf-3", "GCDF 3.0"); *id* is the identifier as that
        dataset writes it (AidData's record ids may be given as int).

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_identifier("aiddata-gcdf-3", 42401)]
        ['belintersat-1-satellite-belarus']

        Args:
            scheme: An `IdentifierScheme`, or its slug, label or alias.
            id: The identifier as the other dataset writes it: a str, or an
                integer of any kind for numeric ids (not a bool or a float).

        Returns:
            A tuple of at most one `Project`; ``()`` when no project carries
            the identifier.

        Raises:
            TypeError: *scheme* or *id* is of the wrong type.
            UnknownKeyError: No scheme matches.

        .. versionadded:: 0.1.0
        """
        found = IdentifierScheme.lookup(scheme, "scheme")
        if isinstance(id, str):
            key = id
        elif isinstance(id, bool) or not hasattr(type(id), "__index__"):
            raise _coerce.wrong_type(
                "id", "an identifier (a str, or an integer for numeric ids)", id
            )
        else:
            key = str(operator.index(id))
        return self._index.by_identifier.get((found, key), _NO_PROJECTS)

    def children(self, project_id: str | Project) -> Results[Project]:
        """
        The projects whose `parent` is *project_id* (each Luban Workshop of
        the Luban Workshop network, say), or whose parent is the project given.

        Args:
            project_id: A project id, or a `Project`.

        Returns:
            A tuple of `Project` sorted by id; ``()`` for a project without
            children.

        Raises:
            TypeError: *project_id* is neither a str nor a Project.
            UnknownKeyError: No such project.
        """
        return self._index.children.get(self.project(project_id).id, _NO_PROJECTS)

    def members(self, as_of: dt.date | str | None = None) -> Results[Country]:
        """
        The member states on *as_of* (a date, a datetime or "YYYY-MM-DD";
        default today), sorted by code.

        >>> from datetime import date
        >>> import sco_digital as sd
        >>> [c.code for c in sd.load().members(as_of=date(2017, 6, 8))]
        ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']

        Args:
            as_of: The day: a `datetime.date`, a `datetime.datetime` (its
                date) or a "YYYY-MM-DD" str; None (the default) for today.

        Returns:
            A tuple of `Country` sorted by code.

        Raises:
            TypeError: *as_of* is not a date or a str.
            ValueError: *as_of* is a str but not a real "YYYY-MM-DD" day.
        """
        return self._index.with_status(Status.MEMBER, _as_day(as_of))

    def countries_with_status(
        self, status: str | Status, as_of: dt.date | str | None = None
    ) -> Results[Country]:
        """
        The countries holding *status* (a `Status` or its slug, label or
        alias) on *as_of* (a date, a datetime or "YYYY-MM-DD"; default
        today), sorted by code.

        Args:
            status: A `Status`, or its slug, label or alias.
            as_of: The day, as for `members`; None (the default) for today.

        Returns:
            A tuple of `Country` sorted by code.

        Raises:
            TypeError: *status* or *as_of* is of the wrong type.
            ValueError: *as_of* is a str but not a real "YYYY-MM-DD" day.
            UnknownKeyError: No status matches.
        """
        return self._index.with_status(Status.lookup(status, "status"), _as_day(as_of))

    def search(self, text: str) -> Results[Project]:
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

        Args:
            text: One or more terms, as the rules above read them.

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none matches.

        Raises:
            TypeError: *text* is not a str.
            ValueError: *text* has no words.
        """
        query = _Query.parse(_coerce.as_str(text, "text", "a str"))
        return Results(self._index.search().find(query), Project)

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
    ) -> Results[Project]:
        """
        The projects that match every facet given, sorted by id.

        *active_in* keeps projects that had started by the end of that year
        and had not ended before it began. Projects with no start date are
        left out, as nothing says they were active; a completed or cancelled
        project with no end date counts only in the year it started.

        Each facet takes the forms its own method takes: a record or term,
        or a str that names it (*organization*: an `Organization` or its id;
        *active_in*: an integer of any kind, such as ``numpy.int64``).

        Args:
            country: A country, as `by_country` takes it.
            technology: A technology, as `by_technology` takes it.
            sector: A sector, as `by_sector` takes it.
            status: A `ProjectStatus`, or its slug, label or alias.
            kind: A `ProjectKind`, or its slug, label or alias.
            organization: An organisation, as `by_organization` takes it.
            active_in: A four-digit year, an integer of any kind.

        Returns:
            A tuple of `Project` sorted by id: every project when no facet is
            given, ``()`` when none matches them all.

        Raises:
            TypeError: A facet is of the wrong type (a list, a dict, a float
                year...); the message names the facet and what it accepts.
            ValueError: *active_in* is not a four-digit year.
            UnknownKeyError: A country, technology, sector, status, kind or
                organisation is unknown.
        """
        chosen: list[Results[Project]] = []
        if country is not None:
            chosen.append(self.by_country(country))
        if technology is not None:
            chosen.append(self.by_technology(technology))
        if sector is not None:
            chosen.append(self.by_sector(sector))
        if organization is not None:
            org = self._organization(organization, "organization")
            chosen.append(self._index.by_organization.get(org.id, _NO_PROJECTS))
        wanted_status = None if status is None else ProjectStatus.lookup(status, "status")
        wanted_kind = None if kind is None else ProjectKind.lookup(kind, "kind")
        if active_in is not None:
            active_in = _coerce.as_year(active_in, "active_in")

        pool = min(chosen, key=len) if chosen else self.projects
        keep = [set(map(id, group)) for group in chosen if group is not pool]
        return Results(
            (
                project
                for project in pool
                if all(id(project) in ids for ids in keep)
                and (wanted_status is None or project.status is wanted_status)
                and (wanted_kind is None or project.kind is wanted_kind)
                and (active_in is None or _active_in(project, active_in))
            ),
            Project,
        )

    # -- provenance ---------------------------------------------------------------

    # -- integrity --------------------------------------------------------------------

    def problems(self) -> tuple[Problem, ...]:
        """
        Every broken cross-record rule, in file order; empty when the data
        is consistent. `validate` raises them instead.

        Returns:
            A tuple of `~sco_digital.errors.Problem`, in file order (sources,
            countries, organizations, projects, indicators, conflicts), each
            record's problems together; ``()`` when the data is consistent.
        """
        return tuple(_check_rules(self))

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
        problems = _ProblemLog()
        problems.extend(_check_rules(self))
        if problems:
            raise problems.error()

    # -- helpers ---------------------------------------------------------------------


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
