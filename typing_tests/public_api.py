"""
Type-checked, never run: the public API's types as users see them.

Checked by ``mypy --strict`` in CI (svcs' typing_tests pattern).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, assert_type

import sco_digital as sd
from sco_digital.cli import main
from sco_digital.export import TABLES, Table, to_records, write_json

ds = sd.load()
assert_type(ds, sd.Dataset)
assert_type(sd.load("some/dir"), sd.Dataset)

assert_type(ds.projects, sd.Results[sd.Project])
assert_type(ds.countries, sd.Results[sd.Country])
assert_type(ds.indicators, sd.Results[sd.Indicator])
assert_type(ds.sources, sd.Results[sd.Source])
assert_type(ds.conflicts, sd.Results[sd.Conflict])

assert_type(ds.by_country("UZ"), sd.Results[sd.Project])
assert_type(ds.by_technology("5G"), sd.Results[sd.Project])
assert_type(ds.by_technology(sd.Technology.FIVE_G), sd.Results[sd.Project])
assert_type(ds.by_sector("health"), sd.Results[sd.Project])
assert_type(sd.by_country("KG"), sd.Results[sd.Project])
assert_type(sd.by_technology("AI"), sd.Results[sd.Project])
assert_type(ds.members(as_of=dt.date(2024, 7, 5)), sd.Results[sd.Country])
assert_type(ds.countries_with_status(sd.Status.PARTNER), sd.Results[sd.Country])
assert_type(ds.indicators_for("SCO"), sd.Results[sd.Indicator])
assert_type(ds.search("fiber"), sd.Results[sd.Project])
assert_type(ds.filter(country="UZ", active_in=2025), sd.Results[sd.Project])
assert_type(ds.children("luban-workshops-sco-network"), sd.Results[sd.Project])
assert_type(ds.conflicts_for("BY"), sd.Results[sd.Conflict])

assert_type(ds.country("UZ"), sd.Country)
assert_type(ds.get_country("XX"), sd.Country | None)
assert_type(ds.get_country("XX", "missing"), sd.Country | str)
assert_type(ds.project("soho-cloud"), sd.Project)
assert_type(ds.organization("caict"), sd.Organization)
assert_type(ds.source("pd-seed-2025-08-29"), sd.Source)
assert_type(ds.corroboration(ds.project("soho-cloud")), int)
assert_type(ds.publishers(ds.country("BY")), tuple[str, ...])

country = ds.country("BY")
assert_type(country.status_on(dt.date(2024, 7, 4)), sd.Status | None)
assert_type(country.memberships, tuple[sd.Membership, ...])

project = ds.project("soho-cloud")
assert_type(project.technologies, frozenset[sd.Technology])
assert_type(project.started, sd.PartialDate | None)
assert_type(project.participants, tuple[sd.Participant, ...])

date = sd.PartialDate.parse("2025-03")
assert_type(date.earliest(), dt.date)
assert_type(date.latest(), dt.date)

indicator = ds.indicators[0]
assert_type(indicator.bounds(), sd.Interval | None)
assert_type(indicator.qualifier, sd.Qualifier)
assert_type(indicator.value, float)

assert_type(sd.Technology.lookup("AI"), sd.Technology)
assert_type(sd.Status.lookup("member"), sd.Status)
assert_type(sd.cite(), str)
assert_type(to_records(ds, "projects"), list[dict[str, Any]])

try:
    ds.country("Uzbekstan")
except sd.UnknownKeyError as exc:
    assert_type(exc.suggestions, tuple[str, ...])
except sd.DataError as exc:
    assert_type(exc.problems, tuple[sd.Problem, ...])

# -- more of the surface: every query, record and error attribute users touch --

assert_type(ds.organizations, sd.Results[sd.Organization])
assert_type(ds.data_version, str | None)
assert_type(ds.indicator("karamay-trainees"), sd.Indicator)
assert_type(ds.conflict("c09-soho-operator-name"), sd.Conflict)
assert_type(ds.get_country(country), sd.Country | None)
assert_type(ds.by_country(country), sd.Results[sd.Project])
assert_type(ds.by_sector(sd.Sector.HEALTH), sd.Results[sd.Project])
assert_type(ds.members(), sd.Results[sd.Country])
assert_type(ds.members(as_of="2024-07-04"), sd.Results[sd.Country])
assert_type(ds.countries_with_status("partner", as_of="2025-09-01"), sd.Results[sd.Country])
assert_type(ds.indicators_for(project), sd.Results[sd.Indicator])
assert_type(ds.indicators_for(country), sd.Results[sd.Indicator])
assert_type(ds.filter(technology=sd.Technology.FIVE_G), sd.Results[sd.Project])
assert_type(ds.publishers(indicator), tuple[str, ...])
assert_type(ds.corroboration(country), int)
assert_type(
    ds.cited_by("pd-seed-2025-08-29"),
    tuple[
        sd.Country
        | sd.Membership
        | sd.Organization
        | sd.Place
        | sd.Project
        | sd.Indicator
        | sd.Conflict,
        ...,
    ],
)
assert_type(ds.conflicts_for(indicator), sd.Results[sd.Conflict])
assert_type(ds.disputed(), tuple[sd.Country | sd.Organization | sd.Project | sd.Indicator, ...])
assert_type(ds.problems(), tuple[sd.Problem, ...])
assert_type(ds.validate(), None)

assert_type(country.code, str)
assert_type(country.names, tuple[str, ...])
assert_type(country.region, sd.Region)
membership = country.memberships[0]
assert_type(membership.status, sd.Status)
assert_type(membership.since, sd.PartialDate)
assert_type(membership.until, sd.PartialDate | None)
assert_type(membership.holds_on(dt.date(2024, 7, 4)), bool)

assert_type(project.countries, frozenset[str])
assert_type(project.roles_of("CN"), frozenset[sd.Role])
assert_type(project.kind, sd.ProjectKind)
assert_type(project.status, sd.ProjectStatus)
assert_type(project.sectors, frozenset[sd.Sector])
assert_type(project.parent, str | None)
assert_type(project.participants[0].role, sd.Role)

assert_type(indicator.text, str)
assert_type(indicator.unit, sd.Unit)
assert_type(indicator.period, sd.PartialDate | None)
assert_type(indicator.as_of, sd.PartialDate | None)
interval = sd.Interval(low=300, low_closed=False)
assert_type(300 in interval, bool)
assert_type(interval.low, float | None)

source = ds.source("qstheory-2025-09-04")
assert_type(source.origin, str)
assert_type(source.reprint_of, str | None)
assert_type(source.kind, sd.SourceKind)
assert_type(source.published, sd.PartialDate | None)

organization = ds.organization("caict")
assert_type(organization.kind, sd.OrganizationKind)
assert_type(organization.country, str | None)
assert_type(organization.names, tuple[str, ...])
assert_type(ds.organization(organization), sd.Organization)
assert_type(ds.get_organization("CDB"), sd.Organization | None)
assert_type(ds.get_organization("CDB", 0), sd.Organization | int)
assert_type(ds.by_organization("CDB"), sd.Results[sd.Project])
assert_type(ds.by_organization("CDB", role="financier"), sd.Results[sd.Project])
assert_type(
    ds.by_organization(organization, role=sd.OrganizationRole.OPERATOR), sd.Results[sd.Project]
)
assert_type(ds.by_identifier("aiddata-gcdf-3", 42401), sd.Results[sd.Project])
assert_type(ds.by_identifier(sd.IdentifierScheme.AIDDATA_GCDF_3, "42401"), sd.Results[sd.Project])
linked = ds.projects[0]
assert_type(linked.organization_roles, tuple[sd.OrganizationParticipant, ...])
assert_type(linked.organization_roles[0].role, sd.OrganizationRole)
assert_type(linked.organization_roles_of("cdb"), frozenset[sd.OrganizationRole])
assert_type(linked.identifiers, tuple[sd.Identifier, ...])
assert_type(linked.identifiers[0].scheme, sd.IdentifierScheme)
assert_type(linked.identifiers[0].id, str)

conflict = ds.conflicts[0]
assert_type(conflict.records, tuple[str, ...])

assert_type(date.precision, str)
assert_type(date.to_date(), dt.date)
assert_type(sd.PartialDate.from_date(dt.date(2025, 8, 29)), sd.PartialDate)
assert_type(date < sd.PartialDate.parse("2025"), bool)

assert_type(sd.Technology.FIVE_G.label, str)
assert_type(sd.Technology.FIVE_G.aliases, tuple[str, ...])
assert_type(sd.Qualifier.ABOUT.definition, str)
assert_type(sd.Sector.lookup("health"), sd.Sector)
assert_type(sd.Role.lookup("host"), sd.Role)
assert_type(sd.ProjectKind.lookup("platform"), sd.ProjectKind)

assert_type(sd.__version__, str)
assert_type(sd.DATA_VERSION, str)
assert_type(sd.cite(bibtex=True, data_version="2025.08.29"), str)
assert_type(write_json(ds, "out"), Path)
assert_type(TABLES, Mapping[str, Table])
assert_type(main(["summary"]), int)

problem = sd.Problem(file="projects.json", record=0, path=".id", message="bad")
assert_type(problem.location, str)
assert_type(problem.record, int | str | None)
try:
    sd.load("missing")
except sd.DataError as exc:
    assert_type(exc.file, str | None)
    assert_type(exc.record, int | str | None)
    assert_type(exc.path, str)
except sd.UnknownKeyError as exc:
    assert_type(exc.kind, str)
    assert_type(exc.key, object)

# Figures over time and the review version.
assert_type(ds.series("people_trained", "SCO"), tuple[sd.Indicator, ...])
assert_type(ds.series("trade_with_sco_members", "CN", unit=sd.Unit.USD), tuple[sd.Indicator, ...])
assert_type(ds.latest("workshops_in_sco_countries", project), sd.Indicator)
assert_type(ds.latest("sco_partner_countries", "SCO", unit="countries"), sd.Indicator)
assert_type(ds.indicators[0].reviewed, str | None)
assert_type(ds.countries[0].memberships[0].reviewed, str | None)
