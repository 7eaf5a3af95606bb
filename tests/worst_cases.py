"""
Generated worst cases for the loader and the rules that span records.

Each case writes the bundled data files plus generated records of size *n*
into a directory, shaped to make one check do as much work as it can: a
parent chain *n* deep, one project with *n* participants, *n* conflicts...
Valid cases must load; invalid ones must fail with a bounded list of
problems. tests/hostile/test_complexity.py loads them small, to check the
answers; benchmarks/complexity.py times them at 1x, 10x and 100x.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sco_digital as sd

BUNDLED = Path(sd.__file__).parent / "data"
TABLES = ("sources", "countries", "organizations", "places", "projects", "indicators", "conflicts")

Tables = dict[str, list[Any]]


def bundled() -> Tables:
    """The bundled records, as JSON values, by table."""
    return {
        name: json.loads((BUNDLED / f"{name}.json").read_text(encoding="utf-8")) for name in TABLES
    }


def write(directory: Path, tables: Tables) -> Path:
    """Write *tables* and a manifest that counts them into *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((BUNDLED / "manifest.json").read_text(encoding="utf-8"))
    manifest["counts"] = {name: len(tables[name]) for name in TABLES}
    for name, value in (*tables.items(), ("manifest", manifest)):
        # Compact: the files stay a few megabytes at the largest sizes.
        (directory / f"{name}.json").write_text(
            json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return directory


SOURCE = "163-scoda-platform"
"""A bundled source that generated records cite."""


def project(project_id: str, **fields: Any) -> dict[str, Any]:
    """A valid project citing SOURCE, with *fields* changed."""
    record: dict[str, Any] = {
        "id": project_id,
        "name": f"Project {project_id}",
        "summary": "A generated project.",
        "kind": "platform",
        "status": "operational",
        "participants": [{"country": "CN", "role": "host"}],
        "sources": [SOURCE],
    }
    record.update(fields)
    return record


def _projects(tables: Tables, projects: list[Any]) -> Tables:
    tables["projects"] = tables["projects"] + projects
    return tables


# -- valid: each must load -------------------------------------------------------


def parent_chain(n: int) -> Tables:
    """*n* projects, each the parent of the next: a chain *n* deep."""
    return _projects(
        bundled(),
        [project(f"chain-{i}", parent=f"chain-{i - 1}" if i else None) for i in range(n)],
    )


def parent_fan(n: int) -> Tables:
    """*n* projects under one umbrella project."""
    return _projects(
        bundled(),
        [project("umbrella"), *(project(f"child-{i}", parent="umbrella") for i in range(n))],
    )


def many_participants(n: int) -> Tables:
    """About *n* participants: projects with every country in every role (108 each)."""
    tables = bundled()
    roles = ("host", "partner", "provider", "beneficiary")
    everyone = [{"country": c["code"], "role": r} for c in tables["countries"] for r in roles]
    count = max(1, n // len(everyone))
    return _projects(tables, [project(f"p-{i}", participants=everyone) for i in range(count)])


def many_sources(n: int) -> Tables:
    """*n* new sources, all cited by one project."""
    tables = bundled()
    tables["sources"] += [
        {
            "id": f"s-{i}",
            "publisher": "Generated",
            "kind": "news",
            "url": f"https://example.org/{i}",
            "language": "en",
        }
        for i in range(n)
    ]
    return _projects(tables, [project("cites-all", sources=[f"s-{i}" for i in range(n)])])


def many_conflicts(n: int) -> Tables:
    """*n* projects and *n* conflicts, each naming every country and one project."""
    tables = bundled()
    codes = [c["code"] for c in tables["countries"]]
    tables["conflicts"] += [
        {
            "id": f"c-{i}",
            "topic": "Generated",
            "summary": "Sources disagree.",
            "records": [*codes, f"p-{i}"],
            "sources": [SOURCE],
        }
        for i in range(n)
    ]
    return _projects(tables, [project(f"p-{i}") for i in range(n)])


def many_indicators(n: int) -> Tables:
    """*n* indicators about one subject, the SCO."""
    tables = bundled()
    tables["indicators"] += [
        {
            "id": f"i-{i}",
            "subject": "SCO",
            "metric": "generated",
            "label": f"Figure {i}",
            "value": float(i),
            "unit": "people",
            "qualifier": "exact",
            "sources": [SOURCE],
        }
        for i in range(n)
    ]
    return tables


def many_organizations(n: int) -> Tables:
    """*n* organisations, all named by one project."""
    tables = bundled()
    tables["organizations"] += [
        {"id": f"o-{i}", "name": f"Organisation {i}", "kind": "company", "sources": [SOURCE]}
        for i in range(n)
    ]
    return _projects(tables, [project("names-all", organizations=[f"o-{i}" for i in range(n)])])


def many_aliases(n: int) -> Tables:
    """One project with *n* distinct aliases."""
    return _projects(bundled(), [project("aliased", aliases=[f"Alias {i}" for i in range(n)])])


def many_memberships(n: int) -> Tables:
    """One country with *n* statuses, one a day, in time order."""
    tables = bundled()
    days = [f"{1000 + i // 336:04d}-{i // 28 % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(n + 1)]
    statuses = ("observer", "dialogue_partner")
    country = next(c for c in tables["countries"] if c["code"] == "LA")
    country["memberships"] = [
        {"status": statuses[i % 2], "since": days[i], "until": days[i + 1], "sources": [SOURCE]}
        for i in range(n)
    ] + country["memberships"]
    return tables


# -- invalid: each must fail, listing a bounded number of problems -------------------


def parent_cycle(n: int) -> Tables:
    """*n* projects whose parent links form one cycle."""
    return _projects(
        bundled(), [project(f"ring-{i}", parent=f"ring-{(i + 1) % n}") for i in range(n)]
    )


def into_cycle(n: int) -> Tables:
    """A chain of *n* projects leading into a cycle of two."""
    return _projects(
        bundled(),
        [
            project("loop-a", parent="loop-b"),
            project("loop-b", parent="loop-a"),
            *(
                project(f"lead-{i}", parent=f"lead-{i + 1}" if i + 1 < n else "loop-a")
                for i in range(n)
            ),
        ],
    )


def duplicate_ids(n: int) -> Tables:
    """*n* projects with one id."""
    return _projects(bundled(), [project("twin") for _ in range(n)])


def unknown_references(n: int) -> Tables:
    """*n* projects, each naming an unknown country, organisation and parent."""
    return _projects(
        bundled(),
        [
            project(
                f"lost-{i}",
                participants=[{"country": "XX", "role": "host"}],
                organizations=["nowhere"],
                parent="nobody",
            )
            for i in range(n)
        ],
    )


def wrong_aliases(n: int) -> Tables:
    """One project with *n* aliases that are numbers, not strings."""
    return _projects(bundled(), [project("bad-aliases", aliases=[1] * n)])


def bad_participants(n: int) -> Tables:
    """One project with *n* participants that are empty objects."""
    return _projects(bundled(), [project("bad-participants", participants=[{}] * n)])


def bad_records(n: int) -> Tables:
    """*n* projects that are numbers, not objects."""
    return _projects(bundled(), [1] * n)


def empty_records(n: int) -> Tables:
    """*n* projects that are empty objects, each missing every required key."""
    return _projects(bundled(), [{}] * n)


def unknown_keys(n: int) -> Tables:
    """One project with *n* unknown keys."""
    return _projects(bundled(), [project("keys", **{f"k{i}": 1 for i in range(n)})])


VALID: dict[str, Callable[[int], Tables]] = {
    "parent chain": parent_chain,
    "parent fan": parent_fan,
    "participants": many_participants,
    "sources": many_sources,
    "conflicts": many_conflicts,
    "indicators": many_indicators,
    "organizations": many_organizations,
    "aliases": many_aliases,
    "memberships": many_memberships,
}
"""Cases that must load, by name."""

INVALID: dict[str, Callable[[int], Tables]] = {
    "parent cycle": parent_cycle,
    "chain into a cycle": into_cycle,
    "duplicate ids": duplicate_ids,
    "unknown references": unknown_references,
    "wrong aliases": wrong_aliases,
    "bad participants": bad_participants,
    "bad records": bad_records,
    "empty records": empty_records,
    "unknown keys": unknown_keys,
}
"""Cases that must fail, by name."""
