"""
The exported tables: `TABLES`, one per kind of record plus join tables for
the many-valued fields, each declared from its columns, and `to_records`.

The parts the declarations use (the items of each table, the column of a
record field, the join tables several records share) are in `_table_parts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._columns import Column, ForeignKey, Getter, Table, columns
from ._table_parts import (
    _COUNTRY,
    _PROJECT,
    _alias_table,
    _conflict_records,
    _country_element_sources,
    _elements,
    _f,
    _first_day,
    _indicators,
    _records,
    _set_table,
    _source_table,
)
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

if TYPE_CHECKING:
    from .dataset import Dataset


def table_named(name: str) -> Table:
    try:
        return TABLES[name]
    except (KeyError, TypeError):
        from ._vocabulary import suggest
        from .errors import UnknownKeyError

        raise UnknownKeyError("table", name, suggest(name, TABLES, lambda t: t.name)) from None


def column_named(table: str, name: str) -> Column:
    return TABLES[table].column(name)


def to_records(ds: Dataset, table: str) -> list[dict[str, Any]]:
    """
    The table *table* (see `TABLES`) of *ds* as a list of plain dicts.

    Values are str, int, float or None, ready for JSON: categories are
    slugs, dates ISO text.

    >>> import sco_digital as sd
    >>> from sco_digital.export import to_records
    >>> to_records(sd.load(), "countries")[0]["code"]
    'AE'

    Raises:
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    spec = table_named(table)
    names = repeat(tuple(column.name for column in spec.columns))
    return list(map(dict, map(zip, names, spec.rows(ds))))


_OPTIONAL = {"required": False}


def _build_tables() -> tuple[Table, ...]:
    return (
        Table(
            "sources",
            "Publications cited by the records.",
            (
                *_f(Source, "id", "string"),
                *_f(Source, "title", "string"),
                *_f(Source, "publisher", "string"),
                *_f(Source, "reprint_of", "string"),
                *columns(
                    "origin",
                    "string",
                    "reprint_of if set, else publisher: the independent outlet (derived).",
                ),
                *_f(Source, "kind", "category", vocabulary=SourceKind),
                *_f(Source, "published", "partial_date"),
                *_f(Source, "url", "string"),
                *_f(Source, "language", "string"),
                *_f(Source, "archived_url", "string"),
                *_f(Source, "note", "string"),
            ),
            ("id",),
            _records("sources"),
        ),
        Table(
            "countries",
            "Countries with an SCO status, now or in the past.",
            (
                *_f(Country, "code", "string"),
                *_f(Country, "alpha3", "string"),
                *_f(Country, "name", "string"),
                *_f(Country, "name_zh", "string"),
                *_f(Country, "name_ru", "string"),
                *_f(Country, "region", "category", vocabulary=Region),
            ),
            ("code",),
            _records("countries"),
        ),
        _alias_table("countries", "country", "code"),
        Table(
            "country_names",
            "Each country's names in its official languages and the UN languages"
            " (Unicode CLDR) and the forms statistical publishers write.",
            (
                *_COUNTRY,
                *columns(
                    "seq",
                    "integer",
                    "1 for the country's first name here, and so on.",
                    "position",
                ),
                *_f(CountryName, "language", "string", "value"),
                *_f(CountryName, "name", "string", "value"),
            ),
            ("country", "seq"),
            _elements("countries", "localized_names"),
        ),
        _country_element_sources(
            "country_name_sources", "country name", "country_names", "localized_names"
        ),
        Table(
            "memberships",
            "Each period of a country's SCO status, in time order.",
            (
                *_COUNTRY,
                *columns(
                    "seq", "integer", "1 for the country's first status, and so on.", "position"
                ),
                *_f(Membership, "status", "category", "value", vocabulary=Status),
                *_f(Membership, "since", "partial_date", "value"),
                *_f(Membership, "until", "partial_date", "value"),
                *columns(
                    "valid_from",
                    "date",
                    "The first day the status held: the first day since may mean (derived).",
                    Getter("value.since", convert=_first_day),
                ),
                *columns(
                    "valid_to",
                    "date",
                    "The first day it no longer held: the first day until may mean;"
                    " empty while it holds (derived).",
                    Getter("value.until", convert=_first_day),
                    **_OPTIONAL,
                ),
                *_f(Membership, "note", "string", "value"),
                *_f(Membership, "reviewed", "string", "value"),
            ),
            ("country", "seq"),
            _elements("countries", "memberships"),
        ),
        _country_element_sources("membership_sources", "membership", "memberships", "memberships"),
        Table(
            "organizations",
            "Companies, ministries, universities and other bodies.",
            (
                *_f(Organization, "id", "string"),
                *_f(Organization, "name", "string"),
                *_f(Organization, "kind", "category", vocabulary=OrganizationKind),
                *_f(Organization, "country", "string", references="countries.code"),
                *_f(Organization, "note", "string"),
                *_f(Organization, "reviewed", "string"),
            ),
            ("id",),
            _records("organizations"),
        ),
        _alias_table("organizations", "organization", "id"),
        _source_table("organizations", "organization", "organisation"),
        Table(
            "places",
            "The places projects are at, with WGS84 coordinates.",
            (
                *_f(Place, "id", "string"),
                *_f(Place, "name", "string"),
                *_f(Place, "name_zh", "string"),
                *_f(Place, "name_ru", "string"),
                *_f(Place, "country", "string", references="countries.code"),
                *_f(Place, "latitude", "number"),
                *_f(Place, "longitude", "number"),
                *_f(Place, "geonames_id", "integer"),
                *_f(Place, "admin1", "string"),
                *_f(Place, "precision", "category", vocabulary=Precision),
                *_f(Place, "note", "string"),
            ),
            ("id",),
            _records("places"),
        ),
        _source_table("places", "place", "place"),
        Table(
            "projects",
            "Projects, programmes, agreements, events and policies.",
            (
                *_f(Project, "id", "string"),
                *_f(Project, "name", "string"),
                *_f(Project, "summary", "string"),
                *_f(Project, "kind", "category", vocabulary=ProjectKind),
                *_f(Project, "status", "category", vocabulary=ProjectStatus),
                *_f(Project, "location", "string"),
                *_f(Project, "started", "partial_date"),
                *_f(Project, "ended", "partial_date"),
                *_f(Project, "parent", "string", references="projects.id"),
                *_f(Project, "note", "string"),
                *_f(Project, "reviewed", "string"),
            ),
            ("id",),
            _records("projects"),
        ),
        _alias_table("projects", "project", "id"),
        Table(
            "project_participants",
            "The countries taking part in each project, with their roles, in the order given.",
            (
                *_PROJECT,
                *_f(Participant, "country", "string", "value", references="countries.code"),
                *_f(Participant, "role", "category", "value", vocabulary=Role),
                *columns(
                    "position",
                    "integer",
                    "1 for the first participant listed, and so on.",
                    "position",
                ),
            ),
            ("project", "country", "role"),
            _elements("projects", "participants"),
        ),
        Table(
            "project_organizations",
            "The organisations involved in each project, in the order given.",
            (
                *_PROJECT,
                *columns(
                    "organization",
                    "string",
                    "The organisation's id.",
                    "value",
                    references="organizations.id",
                ),
                *columns(
                    "position",
                    "integer",
                    "1 for the first organisation listed, and so on.",
                    "position",
                ),
            ),
            ("project", "organization"),
            _elements("projects", "organizations"),
        ),
        Table(
            "project_organization_roles",
            "What organisations do in each project, where a cited source states it,"
            " in the order given.",
            (
                *columns("project", "string", "The project's id.", "record.id"),
                *_f(OrganizationParticipant, "organization", "string", "value"),
                *_f(
                    OrganizationParticipant,
                    "role",
                    "category",
                    "value",
                    vocabulary=OrganizationRole,
                ),
                *columns(
                    "position", "integer", "1 for the first role listed, and so on.", "position"
                ),
            ),
            ("project", "organization", "role"),
            _elements("projects", "organization_roles"),
            (
                ForeignKey(
                    ("project", "organization"),
                    "project_organizations",
                    ("project", "organization"),
                ),
            ),
        ),
        Table(
            "project_identifiers",
            "The identifiers other datasets give each project (AidData GCDF 3.0 record"
            " ids...), for joining them, in the order given.",
            (
                *_PROJECT,
                *_f(Identifier, "scheme", "category", "value", vocabulary=IdentifierScheme),
                *_f(Identifier, "id", "string", "value", column="identifier"),
                *columns(
                    "position",
                    "integer",
                    "1 for the first identifier listed, and so on.",
                    "position",
                ),
            ),
            ("project", "scheme", "identifier"),
            _elements("projects", "identifiers"),
        ),
        Table(
            "project_places",
            "The places of each project, the main place first.",
            (
                *_PROJECT,
                *columns("place", "string", "The place's id.", "value", references="places.id"),
                *columns("position", "integer", "1 for the main place, and so on.", "position"),
            ),
            ("project", "place"),
            _elements("projects", "places"),
        ),
        _set_table(
            "technologies",
            "technology",
            Technology,
            "The technologies each project uses or promotes.",
        ),
        _set_table("sectors", "sector", Sector, "The sectors each project serves."),
        _source_table("projects", "project", "project"),
        Table(
            "indicators",
            "Figures reported about projects, countries, organisations and the SCO.",
            (
                *_f(Indicator, "id", "string", "record"),
                *_f(Indicator, "subject", "string", "record"),
                *columns(
                    "subject_kind",
                    "category",
                    "What subject names (derived).",
                    "kind",
                    categories=("country", "organization", "project", "sco"),
                ),
                *_f(Indicator, "metric", "string", "record"),
                *_f(Indicator, "label", "string", "record"),
                *_f(Indicator, "value", "number", "record"),
                *_f(Indicator, "unit", "category", "record", vocabulary=Unit),
                *_f(Indicator, "qualifier", "category", "record", vocabulary=Qualifier),
                *_f(Indicator, "period", "partial_date", "record"),
                *_f(Indicator, "period_end", "partial_date", "record"),
                *_f(Indicator, "as_of", "partial_date", "record"),
                *columns(
                    "text",
                    "string",
                    "The figure in words, e.g. 'more than 300 people' (derived).",
                    "record.text",
                ),
                *_f(Indicator, "note", "string", "record"),
                *_f(Indicator, "reviewed", "string", "record"),
            ),
            ("id",),
            _indicators,
        ),
        _source_table("indicators", "indicator", "indicator"),
        Table(
            "conflicts",
            "Documented disagreements between sources.",
            (
                *_f(Conflict, "id", "string"),
                *_f(Conflict, "topic", "string"),
                *_f(Conflict, "summary", "string"),
            ),
            ("id",),
            _records("conflicts"),
        ),
        Table(
            "conflict_records",
            "The records each conflict concerns, in the order given.",
            (
                *columns(
                    "conflict",
                    "string",
                    "The conflict's id.",
                    "record.id",
                    references="conflicts.id",
                ),
                *columns(
                    "record",
                    "string",
                    "A project, organisation or indicator id, or a country code.",
                    "value",
                ),
                *columns(
                    "record_kind",
                    "category",
                    "What record names (derived).",
                    "kind",
                    categories=("country", "indicator", "organization", "project"),
                ),
                *columns(
                    "position",
                    "integer",
                    "1 for the first record listed, and so on.",
                    "position",
                ),
            ),
            ("conflict", "record"),
            _conflict_records,
        ),
        _source_table("conflicts", "conflict", "conflict"),
    )


TABLES: Mapping[str, Table] = MappingProxyType({table.name: table for table in _build_tables()})
"""Every exported table, by name, in a stable order (read-only)."""
