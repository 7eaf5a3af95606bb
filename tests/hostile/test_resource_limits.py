"""
Hostile files inside the size limit: however many problems a file holds, a
load lists the first MAX_PROBLEMS of each file, counts the rest exactly, and
leaves nothing behind for the garbage collector (a million bad items once
left a million reference cycles: 13.7 GB for a 6 MB file).
"""

from __future__ import annotations

import contextlib
import gc
import pickle
from pathlib import Path

import attrs
import pytest

import mini
import sco_digital as sd
import worst_cases
from sco_digital import DataError, Problem
from sco_digital.errors import MAX_PROBLEMS


def failure(directory: Path) -> DataError:
    with pytest.raises(DataError) as info:
        sd.load(directory)
    return info.value


@pytest.mark.parametrize("case", sorted(worst_cases.INVALID))
def test_no_garbage_left(case: str, tmp_path: Path) -> None:
    """A failed load leaves no reference cycle: everything is freed at once."""
    directory = worst_cases.write(tmp_path, worst_cases.INVALID[case](500))
    for _ in range(2):  # the first may import the converter, which keeps some
        gc.collect()
        with contextlib.suppress(DataError):
            sd.load(directory)
    assert 0 == gc.collect()


def test_many_wrong_aliases(tmp_path: Path) -> None:
    """The issue's example, smaller: 20,000 wrong aliases in one record."""
    error = failure(worst_cases.write(tmp_path, worst_cases.wrong_aliases(20_000)))
    last = len(sd.load().projects)  # the bad record follows the bundled ones
    assert [
        f"projects.json[{last}].aliases[{i}]: expected a string, got a number" for i in range(100)
    ] == [str(p) for p in error.problems]
    assert {"projects.json": 19_900} == error.omitted
    assert "  and 19,900 more problems in projects.json" == str(error).splitlines()[-1]


def test_bounds_are_per_file(tmp_path: Path) -> None:
    """Each file gets its own hundred; files with fewer are listed whole."""
    tables = worst_cases.wrong_aliases(150)
    tables["organizations"] += [1] * 120
    tables["sources"] += [1] * 3
    error = failure(worst_cases.write(tmp_path, tables))
    assert {"sources.json": 3, "organizations.json": 100, "projects.json": 100} == {
        file: sum(p.file == file for p in error.problems)
        for file in ("sources.json", "organizations.json", "projects.json")
    }
    assert {"organizations.json": 20, "projects.json": 50} == error.omitted
    assert [
        "  and 20 more problems in organizations.json",
        "  and 50 more problems in projects.json",
    ] == str(error).splitlines()[-2:]
    assert "273 problems in the data:" == str(error).splitlines()[0]


def test_repeated_keys(tmp_path: Path) -> None:
    """An object that repeats 300 keys: 100 described, 200 counted."""
    directory = worst_cases.write(tmp_path, worst_cases.bundled())
    text = (directory / "projects.json").read_text(encoding="utf-8")
    repeats = ",".join(f'"k{i}":1,"k{i}":1' for i in range(300))
    (directory / "projects.json").write_text(text[:-1] + ",{" + repeats + "}]", encoding="utf-8")
    error = failure(directory)
    repeated = [p for p in error.problems if "appears more than once" in p.message]
    last = len(sd.load().projects)  # the bad record follows the bundled ones
    assert f"projects.json[{last}]: key 'k0' appears more than once in one object" == str(
        repeated[0]
    )
    assert 100 == len(repeated)
    assert 200 <= error.omitted["projects.json"]


def test_validate_is_bounded() -> None:
    """Dataset.validate() lists a hundred; problems() still gives every one."""
    ds = mini.dataset()
    broken = attrs.evolve(
        ds,
        projects=[
            attrs.evolve(ds.projects[0], id=f"p-{i:03}", parent="nowhere") for i in range(150)
        ],
    )
    with pytest.raises(DataError) as info:
        broken.validate()
    listed = [p for p in info.value.problems if p.file == "projects.json"]
    assert (MAX_PROBLEMS, {"projects.json": 50}) == (len(listed), info.value.omitted)
    assert 150 == sum(p.file == "projects.json" for p in broken.problems())


def test_data_error_round_trips() -> None:
    """DataError keeps its count of omitted problems through pickle."""
    error = DataError([Problem(file="a.json", message="bad")], {"a.json": 2, "b.json": 0})
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - bytes made here
    assert ({"a.json": 2}, str(error)) == (again.omitted, str(again))
    assert "3 problems in the data:\n  a.json: bad\n  and 2 more problems in a.json" == str(again)
