"""
Every public object a user may hold pickles (protocols 2 to the highest),
copies and deep-copies, and comes back equal and working: the Dataset with
its indexes, records, vocabulary terms, query results, export tables and
errors. Datasets also travel to worker processes, forked and spawned.
"""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import mini
import sco_digital as sd
from sco_digital import export
from sco_digital.models import Vocabulary

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def pickled(protocol: int) -> Callable[[Any], Any]:
    return lambda value: pickle.loads(pickle.dumps(value, protocol=protocol))  # noqa: S301 - our own bytes


ROUND_TRIPS = {
    **{f"pickle {protocol}": pickled(protocol) for protocol in PROTOCOLS},
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def answers(ds: sd.Dataset) -> list[object]:
    """What the indexes answer: lookups by every kind of key, queries, rules."""
    return [
        ds.country("Узбекистан"),
        ds.get_country("XX", "none"),
        [p.id for p in ds.by_country("KG")],
        [p.id for p in ds.by_technology("fibre optics")],
        [c.code for c in ds.members(as_of="2017-06-09")],
        [p.id for p in ds.search("cable")],
        [i.id for i in ds.indicators_for("SCO")],
        ds.problems(),
        repr(ds),
    ]


@pytest.mark.parametrize("trip", ROUND_TRIPS)
@pytest.mark.parametrize("which", ["bundled", "mini", "empty"])
def test_dataset(trip: str, which: str) -> None:
    ds = (
        sd.load()
        if which == "bundled"
        else mini.dataset()
        if which == "mini"
        else sd.Dataset(sources=(), countries=(), organizations=(), projects=(), indicators=())
    )
    back = ROUND_TRIPS[trip](ds)
    assert ds == back
    assert ds.data_version == back.data_version
    assert hash(ds) == hash(back)
    if which != "empty":
        assert answers(ds) == answers(back)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        back.countries = ()


def test_deepcopy_copies_the_records() -> None:
    ds = mini.dataset()
    back = copy.deepcopy(ds)
    assert (ds.projects, ds.projects[0]) == (back.projects, back.projects[0])
    assert back.projects[0] is not ds.projects[0]


def raised(function: Callable[[str], object], argument: str) -> BaseException:
    with pytest.raises(sd.SCODigitalError) as caught:
        function(argument)
    return caught.value


def public_objects() -> dict[str, object]:
    """One of each public object a user may hold, from the bundled data."""
    ds = sd.load()
    objects: dict[str, object] = {
        "Dataset": ds,
        "query result": ds.by_technology("5G"),
        "search result": ds.search("fibre"),
        "members": ds.members(as_of="2024-07-05"),
        "Interval": next(i.bounds() for i in ds.indicators if i.bounds() is not None),
        "PartialDate": sd.PartialDate(2025, 3),
        "Problem": sd.Problem(file="projects.json", record=3, path=".id", message="bad"),
        "SCODigitalError": sd.SCODigitalError("something"),
        "UnknownKeyError": raised(ds.country, "Uzbekstan"),
        "DataError": raised(sd.load, "/nonexistent"),
        "table": export.TABLES["projects"],
        "column": export.TABLES["projects"].columns[0],
        "foreign key": export.TABLES["project_participants"].foreign_keys[0],
    }
    for table in (
        "sources",
        "countries",
        "organizations",
        "places",
        "projects",
        "indicators",
        "conflicts",
    ):
        objects[table] = getattr(ds, table)
    objects["memberships"] = tuple(m for c in ds.countries for m in c.memberships)
    objects["participants"] = tuple(p for project in ds.projects for p in project.participants)
    objects["localized names"] = tuple(n for c in ds.countries for n in c.localized_names)
    objects["organization roles"] = tuple(r for p in ds.projects for r in p.organization_roles)
    objects["identifiers"] = tuple(i for p in ds.projects for i in p.identifiers)
    for vocabulary in Vocabulary.__subclasses__():
        objects[vocabulary.__name__] = tuple(vocabulary)
    return objects


def same(original: object, back: object) -> bool:
    if isinstance(original, BaseException):
        return (type(original), original.args, vars(original)) == (
            type(back),
            back.args,  # type: ignore[attr-defined]
            vars(back),
        )
    return type(original) is type(back) and original == back


def test_one_of_each_public_class() -> None:
    """public_objects() leaves out no class that sco_digital exports."""
    classes = {name for name in sd.__all__ if isinstance(getattr(sd, name), type)}
    objects = public_objects().values()
    held = {
        type(item).__name__
        for value in objects
        for item in (value if isinstance(value, tuple) else (value,))
    } | {type(value).__name__ for value in objects}  # sco_digital.Results too
    assert set() == classes - held - {"Vocabulary"}  # its subclasses' terms are held


@pytest.mark.parametrize("trip", ROUND_TRIPS)
def test_every_public_object(trip: str) -> None:
    for name, original in public_objects().items():
        assert same(original, ROUND_TRIPS[trip](original)), name


def test_export_tables_come_back_as_themselves() -> None:
    for protocol in PROTOCOLS:
        for table in export.TABLES.values():
            assert table is pickled(protocol)(table)
            assert table is copy.deepcopy(table)


WORKERS = """
import json, multiprocessing, operator, sys
import sco_digital as sd

if __name__ == "__main__":
    ds = sd.load()
    calls = [
        operator.methodcaller("country", "Узбекистан"),
        operator.methodcaller("by_technology", "5G"),
        operator.attrgetter("data_version"),
        sd.Dataset.validate,
        repr,
    ]
    found = {}
    for method in ("fork", "spawn"):
        with multiprocessing.get_context(method).Pool(2) as pool:
            answers = [pool.map(call, [ds, ds]) for call in calls]
            back = pool.map(sd.Dataset.__reduce__, [ds])  # and whole datasets, back again
        local = [[call(ds)] * 2 for call in calls]
        found[method] = [answers == local, back[0][0](*back[0][1]) == ds]
    print(json.dumps(found))
"""


def test_worker_processes(tmp_path: Any) -> None:
    """multiprocessing.Pool.map sends a Dataset to workers, forked and spawned."""
    script = tmp_path / "workers.py"  # spawn re-imports the main module from its file
    script.write_text(WORKERS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=300
    )
    assert {"fork": [True, True], "spawn": [True, True]} == json.loads(done.stdout)
