"""
Read exported tables back into records: the other half of the round-trip
tests of write_sqlite and write_csv. Derived columns (origin, subject_kind,
text, valid_from...) are ignored; everything else must rebuild the records.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sco_digital import (
    Conflict,
    Country,
    CountryName,
    Dataset,
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
    Vocabulary,
)
from sco_digital.export import TABLES

V = TypeVar("V", bound=Vocabulary)

Row = Mapping[str, Any]
Tables = Mapping[str, Sequence[Row]]


def read_sqlite(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table of TABLES in the database at *path*, as dicts."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return {
            name: [dict(row) for row in connection.execute(f'SELECT * FROM "{name}"')]  # noqa: S608
            for name in TABLES
        }
    finally:
        connection.close()


def read_csv(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table of TABLES in the CSV files of *directory*, typed by TABLES."""
    out = {}
    for name, spec in TABLES.items():
        with (directory / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        out[name] = [{c.name: _typed(c.type, row[c.name]) for c in spec.columns} for row in rows]
    return out


def _typed(kind: str, text: str) -> Any:
    if text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    # CSV puts an apostrophe before a text beginning like a formula, perhaps after some.
    return text[1:] if re.match("'+[-=+@\t\r]", text) else text


def _term(vocabulary: type[V], slug: str) -> V:
    """The term of *vocabulary* whose slug is *slug*, and no other spelling."""
    return {term.value: term for term in vocabulary}[slug]


def _date(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.parse(text)


def _grouped(rows: Sequence[Row], *key: str, value: str = "") -> dict[Any, tuple[Any, ...]]:
    """The values (or whole rows) of *rows* by *key*, in position order."""
    groups: defaultdict[Any, list[tuple[int, Any]]] = defaultdict(list)
    for row in rows:
        k = tuple(row[name] for name in key)
        groups[k[0] if len(k) == 1 else k].append((row["position"], row[value] if value else row))
    return {k: tuple(v for _, v in sorted(items)) for k, items in groups.items()}


def rebuild(tables: Tables) -> Dataset:
    """The Dataset whose tables are *tables*."""
    country_aliases = _grouped(tables["country_aliases"], "country", value="alias")
    name_sources = _grouped(tables["country_name_sources"], "country", "seq", value="source")
    local_names: defaultdict[str, list[tuple[int, CountryName]]] = defaultdict(list)
    for n in tables["country_names"]:
        local_names[n["country"]].append(
            (
                n["seq"],
                CountryName(
                    language=n["language"],
                    name=n["name"],
                    sources=name_sources.get((n["country"], n["seq"]), ()),
                ),
            )
        )
    membership_sources = _grouped(tables["membership_sources"], "country", "seq", value="source")
    memberships: defaultdict[str, list[tuple[int, Membership]]] = defaultdict(list)
    for m in tables["memberships"]:
        memberships[m["country"]].append(
            (
                m["seq"],
                Membership(
                    status=_term(Status, m["status"]),
                    since=PartialDate.parse(m["since"]),
                    until=_date(m["until"]),
                    sources=membership_sources.get((m["country"], m["seq"]), ()),
                    note=m["note"],
                    reviewed=m["reviewed"],
                ),
            )
        )
    org_aliases = _grouped(tables["organization_aliases"], "organization", value="alias")
    org_sources = _grouped(tables["organization_sources"], "organization", value="source")
    project_aliases = _grouped(tables["project_aliases"], "project", value="alias")
    participants = _grouped(tables["project_participants"], "project")
    project_orgs = _grouped(tables["project_organizations"], "project", value="organization")
    org_roles = _grouped(tables["project_organization_roles"], "project")
    identifiers = _grouped(tables["project_identifiers"], "project")
    project_sources = _grouped(tables["project_sources"], "project", value="source")
    technologies: defaultdict[str, set[Technology]] = defaultdict(set)
    for row in tables["project_technologies"]:
        technologies[row["project"]].add(_term(Technology, row["technology"]))
    sectors: defaultdict[str, set[Sector]] = defaultdict(set)
    for row in tables["project_sectors"]:
        sectors[row["project"]].add(_term(Sector, row["sector"]))
    indicator_sources = _grouped(tables["indicator_sources"], "indicator", value="source")
    place_sources = _grouped(tables["place_sources"], "place", value="source")
    project_places = _grouped(tables["project_places"], "project", value="place")
    conflict_records = _grouped(tables["conflict_records"], "conflict", value="record")
    conflict_sources = _grouped(tables["conflict_sources"], "conflict", value="source")
    return Dataset(
        sources=[
            Source(
                id=s["id"],
                title=s["title"],
                publisher=s["publisher"],
                reprint_of=s["reprint_of"],
                kind=_term(SourceKind, s["kind"]),
                published=_date(s["published"]),
                url=s["url"],
                language=s["language"],
                archived_url=s["archived_url"],
                note=s["note"],
            )
            for s in tables["sources"]
        ],
        countries=[
            Country(
                code=c["code"],
                alpha3=c["alpha3"],
                name=c["name"],
                name_zh=c["name_zh"],
                name_ru=c["name_ru"],
                aliases=country_aliases.get(c["code"], ()),
                localized_names=[n for _, n in sorted(local_names[c["code"]], key=lambda x: x[0])],
                region=_term(Region, c["region"]),
                memberships=[m for _, m in sorted(memberships[c["code"]], key=lambda x: x[0])],
            )
            for c in tables["countries"]
        ],
        organizations=[
            Organization(
                id=o["id"],
                name=o["name"],
                kind=_term(OrganizationKind, o["kind"]),
                country=o["country"],
                aliases=org_aliases.get(o["id"], ()),
                sources=org_sources.get(o["id"], ()),
                note=o["note"],
                reviewed=o["reviewed"],
            )
            for o in tables["organizations"]
        ],
        projects=[
            Project(
                id=p["id"],
                name=p["name"],
                aliases=project_aliases.get(p["id"], ()),
                summary=p["summary"],
                kind=_term(ProjectKind, p["kind"]),
                status=_term(ProjectStatus, p["status"]),
                participants=[
                    Participant(country=part["country"], role=_term(Role, part["role"]))
                    for part in participants.get(p["id"], ())
                ],
                organizations=project_orgs.get(p["id"], ()),
                technologies=technologies[p["id"]],
                sectors=sectors[p["id"]],
                location=p["location"],
                started=_date(p["started"]),
                ended=_date(p["ended"]),
                parent=p["parent"],
                sources=project_sources.get(p["id"], ()),
                note=p["note"],
                reviewed=p["reviewed"],
                organization_roles=[
                    OrganizationParticipant(
                        organization=part["organization"],
                        role=_term(OrganizationRole, part["role"]),
                    )
                    for part in org_roles.get(p["id"], ())
                ],
                identifiers=[
                    Identifier(scheme=_term(IdentifierScheme, row["scheme"]), id=row["identifier"])
                    for row in identifiers.get(p["id"], ())
                ],
                places=project_places.get(p["id"], ()),
            )
            for p in tables["projects"]
        ],
        indicators=[
            Indicator(
                id=i["id"],
                subject=i["subject"],
                metric=i["metric"],
                label=i["label"],
                value=i["value"],
                unit=_term(Unit, i["unit"]),
                qualifier=_term(Qualifier, i["qualifier"]),
                period=_date(i["period"]),
                period_end=_date(i["period_end"]),
                as_of=_date(i["as_of"]),
                sources=indicator_sources.get(i["id"], ()),
                note=i["note"],
                reviewed=i["reviewed"],
            )
            for i in tables["indicators"]
        ],
        conflicts=[
            Conflict(
                id=c["id"],
                topic=c["topic"],
                summary=c["summary"],
                records=conflict_records.get(c["id"], ()),
                sources=conflict_sources.get(c["id"], ()),
            )
            for c in tables["conflicts"]
        ],
        places=[
            Place(
                id=p["id"],
                name=p["name"],
                name_zh=p["name_zh"],
                name_ru=p["name_ru"],
                country=p["country"],
                latitude=p["latitude"],
                longitude=p["longitude"],
                geonames_id=p["geonames_id"],
                admin1=p["admin1"],
                precision=_term(Precision, p["precision"]),
                sources=place_sources.get(p["id"], ()),
                note=p["note"],
            )
            for p in tables["places"]
        ],
    )
