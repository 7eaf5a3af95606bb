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
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

import attrs

from . import _coerce
from ._display import displayed_dataset as _displayed_dataset
from ._indexes import EMPTY as _EMPTY
from ._indexes import Index as _Index
from ._indexes import record_key as _record_key
from ._indexes import source_ids as _source_ids
from ._integrity import check_rules as _check_rules
from ._keys import normalize_key as _normalize_key
from ._keys import shown_key as _shown_key
from ._problems import ProblemLog as _ProblemLog
from ._results import Results
from ._search import Query as _Query
from ._vocabulary import suggest as _suggest
from .errors import Problem, UnknownKeyError
from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Membership,
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
    Unit,
)

__all__ = ["Dataset", "Results"]

_T = TypeVar("_T")
_D = TypeVar("_D")

_Subject = Country | Organization | Project
"""Records an indicator or a conflict can be about."""

_CitedRecord = Country | Membership | Organization | Place | Project | Indicator | Conflict
"""Records that cite sources (a country through its memberships and names)."""


_SCO = "SCO"


def _by_id(items: Iterable[_T]) -> Results[_T]:
    return Results(sorted(items, key=_record_key))


# One converter per table, so that type checkers see what Dataset() accepts.
def _sources(items: Iterable[Source]) -> Results[Source]:
    return _by_id(items)


def _countries(items: Iterable[Country]) -> Results[Country]:
    return _by_id(items)


def _organizations(items: Iterable[Organization]) -> Results[Organization]:
    return _by_id(items)


def _places(items: Iterable[Place]) -> Results[Place]:
    return _by_id(items)


def _projects(items: Iterable[Project]) -> Results[Project]:
    return _by_id(items)


def _indicators(items: Iterable[Indicator]) -> Results[Indicator]:
    return _by_id(items)


def _conflicts(items: Iterable[Conflict]) -> Results[Conflict]:
    return _by_id(items)


def _as_day(as_of: object) -> dt.date:
    if as_of is None:
        return dt.date.today()  # noqa: DTZ011 - a calendar day, not an instant
    return _coerce.as_day(as_of, "as_of")


_COUNTRY = "a Country or a country's code, name or alias (a str)"
"""What every argument that names a country accepts."""


@_displayed_dataset
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

        Args:
            key: The country: a `Country`, or its code (alpha-2 or
                alpha-3), name in English, Chinese or Russian, or alias.

        Returns:
            The `Country` (this dataset's record).

        Raises:
            TypeError: *key* is neither a str nor a Country.
            UnknownKeyError: No country matches; the message says so when
                *key* names a country without an SCO status, and otherwise
                suggests the closest names.
        """
        return self._country(key, "key")

    def _country(self, key: object, argument: str) -> Country:
        found = self._find_country(key, argument)
        if found is None:
            outside = _outside_sco(key)
            if outside is not None:
                named = _shown_key(key)
                if _normalize_key(outside) != _normalize_key(key):  # type: ignore[arg-type]
                    named += f" ({outside})"
                note = f"{named} is not an SCO member, observer, dialogue partner or partner"
                raise UnknownKeyError("country", key, note=note)
            raise UnknownKeyError(
                "country", key, _suggest(key, self._index.country_keys, _country_name)
            )
        return found

    @overload
    def get_country(self, key: str | Country) -> Country | None: ...

    @overload
    def get_country(self, key: str | Country, default: _D) -> Country | _D: ...

    def get_country(self, key: str | Country, default: object = None) -> object:
        """
        Like `country`, but return *default* instead of raising
        `UnknownKeyError`.

        Args:
            key: The country, in any form `country` takes.
            default: What to return when no country matches.

        Returns:
            The `Country`, or *default*.

        Raises:
            TypeError: *key* is neither a str nor a Country.
        """
        found = self._find_country(key, "key")
        return default if found is None else found

    def _find_country(self, key: object, argument: str) -> Country | None:
        """The country *key* names, or None; a wrong type names *argument*."""
        keys = self._index.country_keys
        if isinstance(key, Country):
            return keys.get(key.code)
        if not isinstance(key, str):
            raise _coerce.wrong_type(argument, _COUNTRY, key)
        return keys.get(key) or keys.get(_normalize_key(key))

    def project(self, project_id: str | Project) -> Project:
        """
        The project with id *project_id* (or this dataset's record with the
        id of the `Project` given).

        Args:
            project_id: A project id, or a `Project` (its id is looked up).

        Returns:
            This dataset's `Project` with that id.

        Raises:
            TypeError: *project_id* is neither a str nor a Project.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.projects, project_id, Project, "project_id")

    def place(self, place_id: str | Place) -> Place:
        """
        The place with id *place_id* (or this dataset's record with the id
        of the `Place` given).

        >>> import sco_digital as sd
        >>> place = sd.load().place("tashkent")
        >>> place.country, place.precision.value, place.geonames_id
        ('UZ', 'city', 1512569)

        Args:
            place_id: A place id, or a `Place` (its id is looked up).

        Returns:
            This dataset's `Place` with that id.

        Raises:
            TypeError: *place_id* is neither a str nor a Place.
            UnknownKeyError: No such id; the message suggests the closest ids.

        .. versionadded:: 0.2.0
        """
        return _get(self._index.places, place_id, Place, "place_id")

    def organization(self, key: str | Organization) -> Organization:
        """
        The organisation with this id, name or alias ("CDB" for China
        Development Bank); case, accents and punctuation are ignored.

        >>> import sco_digital as sd
        >>> sd.load().organization("Ministry of Industry and Information Technology").id
        'miit'

        Args:
            key: An `Organization`, or its id, name or alias.

        Returns:
            This dataset's `Organization`.

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

        Args:
            key: The organisation, in any form `organization` takes.
            default: What to return when no organisation matches.

        Returns:
            The `Organization`, or *default*.

        Raises:
            TypeError: *key* is neither a str nor an Organization.

        .. versionadded:: 0.1.0
        """
        return self._find_organization(key, "key", default)

    def _find_organization(self, key: object, argument: str, default: object) -> object:
        """The organisation *key* names, or *default*; a wrong type names *argument*."""
        if isinstance(key, Organization):
            key = key.id
        if not isinstance(key, str):
            raise _coerce.wrong_type(argument, _ORGANIZATION_FORMS, key)
        keys = self._index.organization_keys
        found = keys.get(key) or keys.get(_normalize_key(key))
        return default if found is None else found

    def _organization(self, key: object, argument: str) -> Organization:
        """The organisation *key* names; errors name the caller's *argument*."""
        found = self._find_organization(key, argument, None)
        if not isinstance(found, Organization):
            key = key.id if isinstance(key, Organization) else key
            raise UnknownKeyError(
                "organization", key, _suggest(key, self._index.organization_keys, _org_name)
            )
        return found

    def indicator(self, indicator_id: str | Indicator) -> Indicator:
        """
        The indicator with id *indicator_id*.

        Args:
            indicator_id: An indicator id, or an `Indicator` (its id is looked up).

        Returns:
            This dataset's `Indicator` with that id.

        Raises:
            TypeError: *indicator_id* is neither a str nor an Indicator.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.indicators, indicator_id, Indicator, "indicator_id")

    def source(self, source_id: str | Source) -> Source:
        """
        The source with id *source_id*.

        Args:
            source_id: A source id, or a `Source` (its id is looked up).

        Returns:
            This dataset's `Source` with that id.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.sources, source_id, Source, "source_id")

    def conflict(self, conflict_id: str | Conflict) -> Conflict:
        """
        The conflict with id *conflict_id*.

        Args:
            conflict_id: A conflict id, or a `Conflict` (its id is looked up).

        Returns:
            This dataset's `Conflict` with that id.

        Raises:
            TypeError: *conflict_id* is neither a str nor a Conflict.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.conflicts, conflict_id, Conflict, "conflict_id")

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
            return self._index.by_country.get(self._country(country, "country").code, _EMPTY)
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
        projects = self._index.by_organization.get(org_id, _EMPTY)
        if role is None:
            return projects
        wanted = OrganizationRole.lookup(role, "role")
        return Results(p for p in projects if wanted in p.organization_roles_of(org_id))

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
        return self._index.by_identifier.get((found, key), _EMPTY)

    def by_place(self, place: str | Place) -> Results[Project]:
        """
        The projects at *place* (a place id or a `Place`), sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().by_place("gwadar")]
        ['peace-submarine-cable']

        Args:
            place: A place id, or a `Place`.

        Returns:
            A tuple of `Project`; ``()`` for a place no project refers to.

        Raises:
            TypeError: *place* is neither a str nor a Place.
            UnknownKeyError: No such place.

        .. versionadded:: 0.2.0
        """
        return self._index.by_place.get(_get(self._index.places, place, Place, "place").id, _EMPTY)

    def near(self, latitude: float, longitude: float, km: float) -> Results[Project]:
        """
        The projects with a place within *km* kilometres (great-circle
        distance, `Place.distance_km`) of the WGS84 point *latitude*,
        *longitude* (decimal degrees), sorted by id.

        >>> import sco_digital as sd
        >>> [p.id for p in sd.load().near(41.3, 69.24, 25)][:2]
        ['belarus-uzbekistan-ict-cooperation', 'huawei-seeds-for-the-future-meca-2024']

        Note that a place of precision ``country`` stands for the whole
        country at its capital's point.

        Args:
            latitude: WGS84 latitude of the point, -90 to 90.
            longitude: WGS84 longitude of the point, -180 to 180.
            km: The greatest distance, in kilometres (0 or more).

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none is that close.

        Raises:
            TypeError: An argument is not a number.
            ValueError: The point is off the globe, or *km* is negative or not finite.

        .. versionadded:: 0.2.0
        """
        _latitude(latitude, "latitude")
        _longitude(longitude, "longitude")
        if not 0 <= _number(km, "km") < float("inf"):
            msg = f"km must be a finite distance of 0 or more, got {km!r}"
            raise ValueError(msg)
        close = {p.id for p in self.places if p.distance_km(latitude, longitude) <= km}
        return self._with_places(close)

    def within(self, south: float, west: float, north: float, east: float) -> Results[Project]:
        """
        The projects with a place inside the box from *south* to *north*
        (latitudes) and *west* to *east* (longitudes), edges included, in
        WGS84 decimal degrees, sorted by id. As in RFC 7946, a box whose
        *west* is greater than its *east* crosses the antimeridian.

        >>> import sco_digital as sd
        >>> len(sd.load().within(35.0, 45.0, 45.0, 90.0)) > 20
        True

        Args:
            south: The southern edge (latitude, -90 to 90).
            west: The western edge (longitude, -180 to 180).
            north: The northern edge (latitude, not south of *south*).
            east: The eastern edge (longitude, -180 to 180).

        Returns:
            A tuple of `Project` sorted by id; ``()`` when none is inside.

        Raises:
            TypeError: An argument is not a number.
            ValueError: A latitude or longitude is off the globe, or *south* is
                north of *north*.

        .. versionadded:: 0.2.0
        """
        _latitude(south, "south")
        _latitude(north, "north")
        _longitude(west, "west")
        _longitude(east, "east")
        if south > north:
            msg = f"south ({south!r}) is north of north ({north!r})"
            raise ValueError(msg)

        def inside(place: Place) -> bool:
            lon = place.longitude
            across = west <= lon <= east if west <= east else lon >= west or lon <= east
            return across and south <= place.latitude <= north

        return self._with_places({p.id for p in self.places if inside(p)})

    def by_admin_area(self, admin1: str) -> Results[Project]:
        """
        The projects with a place in the first-level administrative division
        *admin1*, as GeoNames codes it (``"CN.13"``, Xinjiang; see
        `Place.admin1`), sorted by id.

        >>> import sco_digital as sd
        >>> len(sd.load().by_admin_area("CN.13")) > 5
        True

        Args:
            admin1: A GeoNames admin1 code, country and division joined by a dot.

        Returns:
            A tuple of `Project` sorted by id.

        Raises:
            TypeError: *admin1* is not a str.
            UnknownKeyError: No place lies in that division.

        .. versionadded:: 0.2.0
        """
        if not isinstance(admin1, str):
            raise _coerce.wrong_type("admin1", "a GeoNames admin1 code (a str)", admin1)
        found = self._index.by_admin1.get(admin1)
        if found is None:
            codes = {p.admin1: p.admin1 for p in self.places if p.admin1 is not None}
            raise UnknownKeyError("admin area", admin1, _suggest(admin1, codes, str))
        return found

    def _with_places(self, place_ids: set[str]) -> Results[Project]:
        return Results(p for p in self.projects if not place_ids.isdisjoint(p.places))

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
        return self._index.children.get(self.project(project_id).id, _EMPTY)

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

    def indicators_for(self, subject: str | _Subject) -> Results[Indicator]:
        """
        The figures reported about *subject*: a project or organisation (or
        its id), a country (any spelling), or ``"SCO"``.

        Args:
            subject: A `Project` or `Organization` (or its id), a country
                (a `Country` or any of its spellings), or ``"SCO"``.

        Returns:
            A tuple of `Indicator` sorted by id; ``()`` when none is about
            *subject*.

        Raises:
            TypeError: *subject* is neither a str nor one of these records.
            UnknownKeyError: *subject* is none of these; the message suggests
                the closest.
        """
        return self._index.indicators_by_subject.get(self._subject_key(subject), _EMPTY)

    def series(
        self, metric: str, subject: str | _Subject, *, unit: str | Unit | None = None
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
            unit: Keep only figures in this unit (a `Unit`, or its slug, label
                or alias), for metrics reported in several (trade in USD and
                CNY); None (the default) keeps all.

        Returns:
            A tuple of `Indicator`, oldest first (undated first, then by
            date, then by id); ``()`` when *subject* has no figure of
            *metric* (or none in *unit*).

        Raises:
            TypeError: An argument is of the wrong type.
            UnknownKeyError: *metric* is no indicator's metric, *subject*
                is not a known subject, or *unit* is not a unit.
        """
        key = self._subject_key(subject)
        metrics = self._index.metrics
        metric = _coerce.as_str(metric, "metric", "a metric slug (a str)")
        if metric not in metrics:
            raise UnknownKeyError("metric", metric, _suggest(metric, metrics, str))
        wanted = None if unit is None else Unit.lookup(unit)
        found = [
            i
            for i in self._index.indicators_by_subject.get(key, _EMPTY)
            if i.metric == metric and (wanted is None or i.unit is wanted)
        ]
        return tuple(sorted(found, key=lambda i: (_dated(i), i.id)))

    def latest(
        self, metric: str, subject: str | _Subject, *, unit: str | Unit | None = None
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
            unit: Consider only figures in this unit; None (the default)
                considers all.

        Returns:
            One `Indicator`.

        Raises:
            TypeError: An argument is of the wrong type.
            UnknownKeyError: As for `series`, and when *subject* has no
                figure of *metric* (in *unit*); the message suggests the
                metrics it has.
        """
        found = self.series(metric, subject, unit=unit)
        if not found:
            key = self._subject_key(subject)
            own = {i.metric: i.metric for i in self._index.indicators_by_subject.get(key, _EMPTY)}
            raise UnknownKeyError(f"metric for {key}", metric, _suggest(metric, own, str))
        newest = _dated(found[-1])
        return max(
            (i for i in found if _dated(i) == newest),
            key=lambda i: (self.corroboration(i), i.id),
        )

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
        return Results(self._index.search().find(query))

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
            chosen.append(self._index.by_organization.get(org.id, _EMPTY))
        wanted_status = None if status is None else ProjectStatus.lookup(status, "status")
        wanted_kind = None if kind is None else ProjectKind.lookup(kind, "kind")
        if active_in is not None:
            active_in = _coerce.as_year(active_in, "active_in")

        pool = min(chosen, key=len) if chosen else self.projects
        keep = [set(map(id, group)) for group in chosen if group is not pool]
        return Results(
            project
            for project in pool
            if all(id(project) in ids for ids in keep)
            and (wanted_status is None or project.status is wanted_status)
            and (wanted_kind is None or project.kind is wanted_kind)
            and (active_in is None or _active_in(project, active_in))
        )

    # -- provenance ---------------------------------------------------------------

    def publishers(self, record: str | _CitedRecord) -> tuple[str, ...]:
        """
        The independent outlets behind *record*'s sources, sorted: a page
        that reprints or summarises another outlet counts as that outlet.
        *record* is a record, its id, or a country in any spelling.

        Args:
            record: A record that cites sources (`Project`, `Organization`,
                `Indicator`, `Conflict`, `Membership`, `Country`), its id, or a
                country in any spelling.

        Returns:
            A tuple of publisher names (str), sorted; ``()`` when none of
            its sources is in this dataset.

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

    def corroboration(self, record: str | _CitedRecord) -> int:
        """
        How many independent outlets support *record* (as in `publishers`);
        1 means a single publisher, however many of its pages are cited.

        Args:
            record: A record, its id or a country, as for `publishers`.

        Returns:
            The number of independent publishers (an int, 0 or more).

        Raises:
            TypeError: *record* is neither a str nor a record that cites
                sources.
            UnknownKeyError: No record has that id or name.
        """
        return len(self.publishers(record))

    def cited_by(self, source_id: str | Source) -> tuple[_CitedRecord, ...]:
        """
        The records that cite the source *source_id* (a country counts when
        one of its memberships does): countries, organisations, projects,
        indicators, then conflicts, each by id.

        Args:
            source_id: A source id, or a `Source`.

        Returns:
            A tuple of records: the `Country` records by code, then
            `Organization`, `Place`, `Project`, `Indicator` and `Conflict` records,
            each by id; ``()`` for a source no record cites.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such source.
        """
        return self._index.cited_by().get(self.source(source_id).id, _EMPTY)

    def conflicts_for(self, record: str | _Subject | Indicator) -> Results[Conflict]:
        """
        The documented conflicts that concern *record* (a record, its id, or
        a country in any spelling).

        Args:
            record: A `Project`, `Organization`, `Indicator` or `Country`,
                its id, or a country in any spelling.

        Returns:
            A tuple of `Conflict` sorted by id; ``()`` when none concerns it.

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

        Returns:
            A tuple of records: `Country` records by code, then
            `Organization`, `Project` and `Indicator` records, each by id.
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

    def _cited(self, record: object) -> _CitedRecord:
        if isinstance(record, _CitedRecord):
            return record
        if not isinstance(record, str):
            accepts = "a record that cites sources, or its id or a country's name (a str)"
            raise _coerce.wrong_type("record", accepts, record)
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
        raise UnknownKeyError("record", record, _suggest(record, names, str))

    def _subject_key(self, subject: object, argument: str = "subject") -> str:
        index = self._index
        if isinstance(subject, Project | Organization):
            return subject.id
        if isinstance(subject, Country):
            return subject.code
        if not isinstance(subject, str):
            accepts = "a Project, Organization or Country, or its id, code or name (a str)"
            raise _coerce.wrong_type(argument, accepts, subject)
        if subject == _SCO or subject in index.projects or subject in index.organizations:
            return subject
        found = self.get_country(subject)
        if found is not None:
            return found.code
        names: dict[str, str] = {k: k for k in (*index.projects, *index.organizations)}
        names.update({k: c.name for k, c in index.country_keys.items()})
        raise UnknownKeyError(
            "project, organization or country", subject, _suggest(subject, names, str)
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
        raise _coerce.wrong_type(argument, f"{article} {cls.__name__} or its id (a str)", key)
    found = index.get(key)
    if found is None:
        kind = cls.__name__.lower()
        raise UnknownKeyError(kind, key, _suggest(key, {k: k for k in index}, str))
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


def _number(value: object, argument: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _coerce.wrong_type(argument, "a number (int or float)", value)
    return float(value)


def _latitude(value: object, argument: str) -> None:
    if not -90 <= _number(value, argument) <= 90:
        msg = f"{argument} must be a latitude from -90 to 90, got {value!r}"
        raise ValueError(msg)


def _longitude(value: object, argument: str) -> None:
    if not -180 <= _number(value, argument) <= 180:
        msg = f"{argument} must be a longitude from -180 to 180, got {value!r}"
        raise ValueError(msg)


def _restore(fields: dict[str, Any]) -> Dataset:
    """A pickled or copied Dataset, rebuilt from its records."""
    return Dataset(**fields)


def _outside_sco(key: object) -> str | None:
    """The English name of the country without an SCO status that *key* names, if any."""
    if not isinstance(key, str):
        return None
    from ._world import outside_sco  # only on the error path

    return outside_sco(key)
