"""
Type-checked, never run: the public API's types as users see them.

Checked by ``mypy --strict`` in CI (svcs' typing_tests pattern).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_type

import sco_digital as sd
from sco_digital.export import to_records

ds = sd.load()
assert_type(ds, sd.Dataset)
assert_type(sd.load("some/dir"), sd.Dataset)

assert_type(ds.projects, tuple[sd.Project, ...])
assert_type(ds.countries, tuple[sd.Country, ...])
assert_type(ds.indicators, tuple[sd.Indicator, ...])
assert_type(ds.sources, tuple[sd.Source, ...])
assert_type(ds.conflicts, tuple[sd.Conflict, ...])

assert_type(ds.by_country("UZ"), tuple[sd.Project, ...])
assert_type(ds.by_technology("5G"), tuple[sd.Project, ...])
assert_type(ds.by_technology(sd.Technology.FIVE_G), tuple[sd.Project, ...])
assert_type(ds.by_sector("health"), tuple[sd.Project, ...])
assert_type(sd.by_country("KG"), tuple[sd.Project, ...])
assert_type(sd.by_technology("AI"), tuple[sd.Project, ...])
assert_type(ds.members(as_of=dt.date(2024, 7, 5)), tuple[sd.Country, ...])
assert_type(ds.countries_with_status(sd.Status.PARTNER), tuple[sd.Country, ...])
assert_type(ds.indicators_for("SCO"), tuple[sd.Indicator, ...])
assert_type(ds.search("fiber"), tuple[sd.Project, ...])
assert_type(ds.filter(country="UZ", active_in=2025), tuple[sd.Project, ...])
assert_type(ds.children("luban-workshops-sco-network"), tuple[sd.Project, ...])
assert_type(ds.conflicts_for("BY"), tuple[sd.Conflict, ...])

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
