"""
The rules that span records, checked by `Dataset.validate` and `load`.

Each rule is one function that looks at one record (with what the check has
seen so far) and yields a `Problem` per breach. `check_rules` runs the
passes in file order: ids across every file first, then each table's rules
record by record, and last whether each source is cited. The problems come
in that order: a record's own problems together, in the order of the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._bounds import BOUNDS
from ._indexes import record_key
from ._keys import fold_name
from ._registry import FILES
from .errors import Problem
from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Organization,
    Place,
    Project,
    Source,
)

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["check_rules"]

_SCO = "SCO"

_CYCLE_SHOWN = 10
"""At most this many ids of a parent cycle are quoted in one message."""


@attrs.define
class _Seen:
    """What the rules know of the dataset, and what they have seen so far."""

    files: dict[type, str]
    country_codes: set[str]
    project_ids: set[str]
    org_ids: set[str]
    place_ids: set[str]
    indicator_ids: set[str]
    source_ids: set[str]
    cycles: dict[str, tuple[list[str], int]]
    cited: set[str] = attrs.Factory(set)
    ids: dict[type, set[str]] = attrs.Factory(dict)
    id_files: dict[str, str] = attrs.Factory(dict)
    alpha3: dict[str, str] = attrs.Factory(dict)
    country_names: dict[str, str] = attrs.Factory(dict)
    org_names: dict[str, str] = attrs.Factory(dict)
    identifiers: dict[tuple[IdentifierScheme, str], str] = attrs.Factory(dict)

    def problem(self, record: Any, path: str, message: str) -> Problem:
        """A Problem with *record*'s file and key."""
        return Problem(
            file=self.files[type(record)], record=record_key(record), path=path, message=message
        )

    def cites(self, record: Any, sources: tuple[str, ...], path: str) -> Iterator[Problem]:
        """*sources* (at *path* in *record*) is not empty and names known sources."""
        if not sources:
            yield self.problem(record, f"{path}.sources", "cites no source")
        for i, source_id in enumerate(sources):
            self.cited.add(source_id)
            if source_id not in self.source_ids:
                yield self.problem(
                    record, f"{path}.sources[{i}]", f"{source_id!r} is not a known source"
                )


_Rule = Callable[[_Seen, Any], Iterable[Problem]]


# -- every record --------------------------------------------------------------------


def _unique_id(seen: _Seen, record: Any) -> Iterator[Problem]:
    """No id twice in one file, nor in two of projects, organisations and indicators."""
    key = record_key(record)
    ids = seen.ids.setdefault(type(record), set())
    if key in ids:
        field = ".code" if isinstance(record, Country) else ".id"
        yield seen.problem(record, field, f"duplicate id {key!r}")
    ids.add(key)
    if isinstance(record, Organization | Project | Indicator):
        file = seen.files[type(record)]
        other = seen.id_files.setdefault(key, file)
        if other != file:
            yield seen.problem(record, ".id", f"{key!r} is also an id in {other}")


# -- countries -----------------------------------------------------------------------


def _unique_alpha3(seen: _Seen, country: Country) -> Iterator[Problem]:
    holder = seen.alpha3.setdefault(country.alpha3, country.code)
    if holder != country.code:
        yield seen.problem(country, ".alpha3", f"{country.alpha3!r} is also used by {holder}")


def _unique_country_names(seen: _Seen, country: Country) -> Iterator[Problem]:
    """No two countries share a name, folded as lookups fold it."""
    for name in country.names:
        holder = seen.country_names.setdefault(fold_name(name), country.code)
        if holder != country.code:
            yield seen.problem(country, "", f"the name {name!r} also belongs to {holder}")


def _localized_names_cited(seen: _Seen, country: Country) -> Iterator[Problem]:
    for i, local in enumerate(country.localized_names):
        yield from seen.cites(country, local.sources, f".localized_names[{i}]")


def _memberships_cited(seen: _Seen, country: Country) -> Iterator[Problem]:
    for i, membership in enumerate(country.memberships):
        yield from seen.cites(country, membership.sources, f".memberships[{i}]")


def _memberships_in_order(seen: _Seen, country: Country) -> Iterator[Problem]:
    """Each status begins after the previous one began and ended."""
    memberships = country.memberships
    for i in range(1, len(memberships)):
        previous, membership = memberships[i - 1], memberships[i]
        path = f".memberships[{i}].since"
        if membership.since < previous.since:
            message = (
                f"{membership.since} is before the previous status began"
                f" ({previous.since}); list memberships in time order"
            )
        elif previous.until is None:
            message = (
                f"overlaps the previous status ({previous.status.value}), which has no end date"
            )
        elif previous.until.earliest() > membership.since.earliest():
            message = f"{membership.since} is before the previous status ended ({previous.until})"
        else:
            continue
        yield seen.problem(country, path, message)


# -- organisations -------------------------------------------------------------------


def _organization_country_known(seen: _Seen, org: Organization) -> Iterator[Problem]:
    if org.country is not None and org.country not in seen.country_codes:
        yield seen.problem(org, ".country", f"{org.country!r} is not a known country")


def _unique_organization_names(seen: _Seen, org: Organization) -> Iterator[Problem]:
    """Case-insensitive, not folded: "Alipay+" (Ant International) is not "Alipay"."""
    for name in dict.fromkeys(org.names):
        holder = seen.org_names.setdefault(name.casefold(), org.id)
        if holder != org.id:
            yield seen.problem(org, "", f"the name {name!r} also belongs to {holder}")


# -- places --------------------------------------------------------------------------


def _place_country_known(seen: _Seen, place: Place) -> Iterator[Problem]:
    if place.country not in seen.country_codes:
        yield seen.problem(place, ".country", f"{place.country!r} is not a known country")


def _place_in_its_country(seen: _Seen, place: Place) -> Iterator[Problem]:
    """The point lies in the country's bounding box (`_bounds.BOUNDS`), where one is known."""
    box = BOUNDS.get(place.country)
    if box is None:
        return
    west, south, east, north = box
    if not (south <= place.latitude <= north and west <= place.longitude <= east):
        yield seen.problem(
            place,
            "",
            f"({place.latitude}, {place.longitude}) lies outside the bounding box of"
            f" {place.country} (latitude {south} to {north}, longitude {west} to {east})",
        )


# -- projects ------------------------------------------------------------------------


def _places_known(seen: _Seen, project: Project) -> Iterator[Problem]:
    for i, place_id in enumerate(project.places):
        if place_id not in seen.place_ids:
            yield seen.problem(project, f".places[{i}]", f"{place_id!r} is not a known place")


def _participants_known(seen: _Seen, project: Project) -> Iterator[Problem]:
    for i, participant in enumerate(project.participants):
        if participant.country not in seen.country_codes:
            yield seen.problem(
                project,
                f".participants[{i}].country",
                f"{participant.country!r} is not a known country",
            )


def _organizations_known(seen: _Seen, project: Project) -> Iterator[Problem]:
    for i, org_id in enumerate(project.organizations):
        if org_id not in seen.org_ids:
            yield seen.problem(
                project, f".organizations[{i}]", f"{org_id!r} is not a known organization"
            )


def _roles_of_own_organizations(seen: _Seen, project: Project) -> Iterator[Problem]:
    for i, part in enumerate(project.organization_roles):
        if part.organization not in project.organizations:
            yield seen.problem(
                project,
                f".organization_roles[{i}].organization",
                f"{part.organization!r} is not one of the project's organizations",
            )


def _unique_identifiers(seen: _Seen, project: Project) -> Iterator[Problem]:
    for i, identifier in enumerate(project.identifiers):
        holder = seen.identifiers.setdefault((identifier.scheme, identifier.id), project.id)
        if holder != project.id:
            yield seen.problem(
                project,
                f".identifiers[{i}]",
                f"{identifier.scheme.value} {identifier.id!r} also identifies {holder}",
            )


def _parent_known_without_cycle(seen: _Seen, project: Project) -> Iterator[Problem]:
    if project.parent is None:
        return
    if project.parent not in seen.project_ids:
        yield seen.problem(project, ".parent", f"{project.parent!r} is not a known project")
    elif project.id in seen.cycles:
        cycle, entry = seen.cycles[project.id]
        what = "form" if cycle[entry] == project.id else "lead into"
        yield seen.problem(
            project, ".parent", f"parent links {what} a cycle: {_cycle(cycle, entry)}"
        )


# -- indicators and conflicts --------------------------------------------------------


def _subject_known(seen: _Seen, indicator: Indicator) -> Iterator[Problem]:
    subject = indicator.subject
    if subject != _SCO and not any(
        subject in ids for ids in (seen.project_ids, seen.org_ids, seen.country_codes)
    ):
        yield seen.problem(
            indicator,
            ".subject",
            f"{subject!r} is not a known project, organization or country, nor 'SCO'",
        )


def _conflict_records_known(seen: _Seen, conflict: Conflict) -> Iterator[Problem]:
    if not conflict.records:
        yield seen.problem(conflict, ".records", "names no record")
    named = (seen.project_ids, seen.org_ids, seen.indicator_ids, seen.country_codes)
    for i, key in enumerate(conflict.records):
        if not any(key in ids for ids in named):
            yield seen.problem(conflict, f".records[{i}]", f"{key!r} is not a known record")


def _cites_sources(
    seen: _Seen, record: Organization | Place | Project | Indicator | Conflict
) -> Iterator[Problem]:
    yield from seen.cites(record, record.sources, "")


def _source_cited(seen: _Seen, source: Source) -> Iterator[Problem]:
    """Runs last: every other record's citations have been seen."""
    if source.id not in seen.cited:
        yield seen.problem(source, "", "is not cited by any record")


def _every_record(ds: Dataset) -> Iterator[Any]:
    for table in (
        ds.sources,
        ds.countries,
        ds.organizations,
        ds.places,
        ds.projects,
        ds.indicators,
        ds.conflicts,
    ):
        yield from table


_PASSES: tuple[tuple[Callable[[Dataset], Iterable[Any]], tuple[_Rule, ...]], ...] = (
    (_every_record, (_unique_id,)),
    (
        lambda ds: ds.countries,
        (
            _unique_alpha3,
            _unique_country_names,
            _localized_names_cited,
            _memberships_cited,
            _memberships_in_order,
        ),
    ),
    (
        lambda ds: ds.organizations,
        (_organization_country_known, _unique_organization_names, _cites_sources),
    ),
    (
        lambda ds: ds.places,
        (_place_country_known, _place_in_its_country, _cites_sources),
    ),
    (
        lambda ds: ds.projects,
        (
            _participants_known,
            _places_known,
            _organizations_known,
            _roles_of_own_organizations,
            _unique_identifiers,
            _parent_known_without_cycle,
            _cites_sources,
        ),
    ),
    (lambda ds: ds.indicators, (_subject_known, _cites_sources)),
    (lambda ds: ds.conflicts, (_conflict_records_known, _cites_sources)),
    (lambda ds: ds.sources, (_source_cited,)),
)
"""Each pass: the records it walks, in order, and the rules each record is checked by."""


def check_rules(ds: Dataset) -> Iterator[Problem]:
    """
    Every breach of a cross-record rule in *ds*, in the order of `_PASSES`.

    Yields:
        A `Problem` naming the file, record, field path and rule broken.
    """
    seen = _Seen(
        files=dict(FILES),
        country_codes={c.code for c in ds.countries},
        project_ids={p.id for p in ds.projects},
        org_ids={o.id for o in ds.organizations},
        place_ids={p.id for p in ds.places},
        indicator_ids={i.id for i in ds.indicators},
        source_ids={s.id for s in ds.sources},
        cycles=_parent_cycles(ds.projects),
    )
    for records, rules in _PASSES:
        for record in records(ds):
            for rule in rules:
                yield from rule(seen, record)


def _parent_cycles(projects: Iterable[Project]) -> dict[str, tuple[list[str], int]]:
    """
    The projects whose parent links form or lead into a cycle, each with the
    cycle (its ids in link order) and the index in it of the first project
    of the cycle its links reach.

    Each project is walked once: a walk stops at a project already walked,
    so the whole costs time linear in the number of projects, however deep
    the links.
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
