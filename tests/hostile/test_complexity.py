"""
The generated worst cases of tests/worst_cases.py, small: each valid one
loads, each invalid one fails with exactly the problems expected. Their
timings at 1x, 10x and 100x are benchmarks/complexity.py's business; no
test here measures time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sco_digital as sd
import worst_cases
from sco_digital import DataError


@pytest.mark.parametrize("case", sorted(worst_cases.VALID))
def test_valid_worst_cases_load(case: str, tmp_path: Path) -> None:
    """Each valid case loads, with every generated record."""
    tables = worst_cases.VALID[case](300)
    ds = sd.load(worst_cases.write(tmp_path, tables))
    assert {name: len(tables[name]) for name in worst_cases.TABLES} == {
        name: len(getattr(ds, name)) for name in worst_cases.TABLES
    }


def test_deep_chain_is_whole(tmp_path: Path) -> None:
    """A chain 3,000 deep loads, and each link is where it was written."""
    ds = sd.load(worst_cases.write(tmp_path, worst_cases.parent_chain(3000)))
    assert ds.project("chain-0").parent is None
    assert "chain-2998" == ds.project("chain-2999").parent
    assert (ds.project("chain-2999"),) == ds.children("chain-2998")


def problems(directory: Path) -> DataError:
    with pytest.raises(DataError) as info:
        sd.load(directory)
    return info.value


def test_one_long_cycle(tmp_path: Path) -> None:
    """
    A cycle of 50 projects: each reports it, starting from itself, the ids
    quoted up to ten and the rest counted.
    """
    error = problems(worst_cases.write(tmp_path, worst_cases.parent_cycle(50)))
    found = {p.record: p.message for p in error.problems}
    assert (50, {}) == (len(found), error.omitted)
    for start in range(50):
        ring = " -> ".join(f"ring-{(start + i) % 50}" for i in range(10))
        assert (
            f"parent links form a cycle: {ring} -> ... (40 more) -> ring-{start}"
            == found[f"ring-{start}"]
        )


def test_chain_into_a_cycle(tmp_path: Path) -> None:
    """A chain of 20 into a cycle of two: the pair 'form' it, the rest 'lead into' it."""
    error = problems(worst_cases.write(tmp_path, worst_cases.into_cycle(20)))
    lines = sorted(str(p) for p in error.problems)
    assert [
        *(
            f"projects.json['lead-{i}'].parent: parent links lead into a cycle:"
            " loop-a -> loop-b -> loop-a"
            for i in sorted(range(20), key=str)
        ),
        "projects.json['loop-a'].parent: parent links form a cycle: loop-a -> loop-b -> loop-a",
        "projects.json['loop-b'].parent: parent links form a cycle: loop-b -> loop-a -> loop-b",
    ] == lines


def test_two_chains_into_one_cycle(tmp_path: Path) -> None:
    """Links that reach a cycle through a project already walked are reported too."""
    tables = worst_cases.bundled()
    tables["projects"] += [
        worst_cases.project("a", parent="b"),
        worst_cases.project("b", parent="a"),
        worst_cases.project("c", parent="a"),
        worst_cases.project("d", parent="c"),
        worst_cases.project("e", parent="d"),
        worst_cases.project("root"),
        worst_cases.project("leaf", parent="root"),
    ]
    error = problems(worst_cases.write(tmp_path, tables))
    assert [
        "projects.json['a'].parent: parent links form a cycle: a -> b -> a",
        "projects.json['b'].parent: parent links form a cycle: b -> a -> b",
        "projects.json['c'].parent: parent links lead into a cycle: a -> b -> a",
        "projects.json['d'].parent: parent links lead into a cycle: a -> b -> a",
        "projects.json['e'].parent: parent links lead into a cycle: a -> b -> a",
    ] == [str(p) for p in error.problems]


@pytest.mark.parametrize(
    ("case", "total"),
    [
        ("parent cycle", 300),
        ("chain into a cycle", 302),
        ("duplicate ids", 299),
        ("unknown references", 900),
        ("wrong aliases", 300),
        ("bad participants", 600),
        ("bad records", 300),
        ("empty records", 300 * 6),
    ],
)
def test_invalid_worst_cases_are_bounded(case: str, total: int, tmp_path: Path) -> None:
    """Each invalid case lists 100 problems of projects.json and counts the rest exactly."""
    error = problems(worst_cases.write(tmp_path, worst_cases.INVALID[case](300)))
    assert (100, {"projects.json": total - 100}) == (len(error.problems), error.omitted)
    assert f"  and {total - 100:,} more problems in projects.json" == str(error).splitlines()[-1]
    assert f"{total:,} problems in the data:" == str(error).splitlines()[0]


def test_status_timeline_of_many_memberships(tmp_path: Path) -> None:
    """
    A country with 300 statuses: who holds each status, on each day a
    status begins or ends and the day before, is what status_on says.
    """
    ds = sd.load(worst_cases.write(tmp_path, worst_cases.many_memberships(300)))
    days = {
        boundary.earliest() + shift
        for country in ds.countries
        for m in country.memberships
        for boundary in (m.since, m.until)
        if boundary is not None
        for shift in (dt.timedelta(0), dt.timedelta(days=-1))
    }
    assert len(days) > 300
    for day in sorted(days):
        for status in sd.Status:
            expected = tuple(c for c in ds.countries if c.status_on(day) is status)
            assert expected == ds.countries_with_status(status, as_of=day), (day, status)
