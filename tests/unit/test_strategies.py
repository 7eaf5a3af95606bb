"""The public Hypothesis strategies: valid records, narrowing, errors, registration."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import sco_digital as sd
from sco_digital import strategies

RECORD_STRATEGIES: dict[type[Any], Callable[[], SearchStrategy[Any]]] = {
    sd.PartialDate: strategies.partial_dates,
    sd.Source: strategies.sources,
    sd.Membership: strategies.memberships,
    sd.Country: strategies.countries,
    sd.Organization: strategies.organizations,
    sd.Participant: strategies.participants,
    sd.Project: strategies.projects,
    sd.Indicator: strategies.indicators,
    sd.Conflict: strategies.conflicts,
    sd.Place: strategies.places,
}


@pytest.mark.parametrize("cls", list(RECORD_STRATEGIES))
@given(data=st.data())
def test_records_pass_their_validators(cls: type[Any], data: st.DataObject) -> None:
    """Each strategy draws records of its type whose every field validator passes."""
    record = data.draw(RECORD_STRATEGIES[cls]())
    assert type(record) is cls
    attrs.validate(record)


@given(strategies.countries())
def test_country_memberships_in_order(country: sd.Country) -> None:
    """Memberships follow each other without overlap, as Dataset.validate requires."""
    assert 1 <= len(country.memberships)
    for before, after in zip(country.memberships, country.memberships[1:], strict=False):
        assert before.until is not None
        assert before.until.earliest() <= after.since.earliest()


@given(strategies.datasets())
def test_datasets_validate(ds: sd.Dataset) -> None:
    """Generated datasets pass every cross-record rule."""
    assert () == ds.problems()


@given(st.data(), st.integers(0, 4))
def test_datasets_size(data: st.DataObject, most: int) -> None:
    """max_records bounds each kind of record; sources may have one more."""
    ds = data.draw(strategies.datasets(max_records=most))
    for table in (
        ds.countries,
        ds.organizations,
        ds.places,
        ds.projects,
        ds.indicators,
        ds.conflicts,
    ):
        assert len(table) <= most
    assert len(ds.sources) <= most + 1


@given(strategies.datasets(max_records=0))
def test_datasets_max_records(ds: sd.Dataset) -> None:
    """max_records=0 leaves nothing to cite, so no source either."""
    assert repr(ds).endswith(
        "0 countries, 0 projects, 0 indicators, 0 organizations, 0 sources, 0 conflicts, 0 places>"
    )


@given(
    strategies.projects(
        codes=st.sampled_from(["KZ", "UZ"]),
        parents=st.none(),
        source_ids=st.just("seed"),
    )
)
def test_narrowing(project: sd.Project) -> None:
    """Strategy arguments narrow what is drawn."""
    assert project.countries <= {"KZ", "UZ"}
    assert (None, ("seed",)) == (project.parent, project.sources)


@given(strategies.indicators(subjects=st.just("SCO")))
def test_indicator_values(indicator: sd.Indicator) -> None:
    """Only percentages may be negative; a period end follows its period."""
    assert "SCO" == indicator.subject
    assert indicator.value >= 0 or indicator.unit is sd.Unit.PERCENT
    if indicator.period_end is not None:
        assert indicator.period is not None
        assert indicator.period_end.latest() > indicator.period.latest()


@given(strategies.slugs(), strategies.country_codes())
def test_keys(slug: str, code: str) -> None:
    """Slugs and codes have the shapes the record validators accept."""
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= 100
    assert re.fullmatch(r"[A-Z]{2}", code)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: strategies.projects(ids="x"),  # type: ignore[arg-type]
            "ids must be a hypothesis strategy, got str",
        ),
        (
            lambda: strategies.countries(codes=["KZ"]),  # type: ignore[arg-type]
            "codes must be a hypothesis strategy, got list",
        ),
        (
            lambda: strategies.partial_dates(years=2025),  # type: ignore[arg-type]
            "years must be a hypothesis strategy, got int",
        ),
        (
            lambda: strategies.datasets(max_records=-1),
            "max_records must be a non-negative int, got -1",
        ),
        (
            lambda: strategies.datasets(max_records=True),
            "max_records must be a non-negative int, got True",
        ),
    ],
)
def test_arguments_checked(call: Any, message: str) -> None:
    with pytest.raises(TypeError, match=f"^{message}$"):
        call()


def test_keyword_only() -> None:
    with pytest.raises(TypeError, match="positional argument"):
        strategies.projects(strategies.slugs())  # type: ignore[call-arg]


def test_entry_point() -> None:
    """
    The package registers its setup hook in Hypothesis' entry-point group,
    in a module apart from the strategies (see test_import_orders).
    """
    assert ["sco_digital._hypothesis_hook:_hypothesis_setup_hook"] == [
        e.value for e in entry_points(group="hypothesis") if e.name == "sco_digital"
    ]


MODULES = ("sco_digital", "sco_digital.strategies", "hypothesis", "hypothesis.strategies")


def import_orders() -> list[Any]:
    """
    Every order in which a user may first import these four modules. What
    happens depends only on the module imported first, so the default run
    takes one order for each first module and the slow run the other 20
    (after a bare ``sco_digital``, the next module may matter too: the slow
    run has every one).
    """
    seen: set[tuple[str, ...]] = set()
    params = []
    for order in itertools.permutations(MODULES):
        kind = order[:1]
        marks = [pytest.mark.slow] if kind in seen else []
        seen.add(kind)
        params.append(pytest.param(order, marks=marks, id=",".join(order)))
    return params


DRAW_PROJECTS = """
from hypothesis import given, settings, strategies as st
from sco_digital import Project
seen = []
@settings(max_examples=5, database=None)
@given(st.from_type(Project))
def check(project):
    seen.append(type(project).__name__)
check()
print(sorted(set(seen)))
"""


@pytest.fixture(scope="module")
def downstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    The working directory of the fresh interpreters, outside the repository
    and shared, so that Hypothesis collects the source's constants into its
    ``.hypothesis`` cache once (3 s) rather than in each interpreter.
    """
    return tmp_path_factory.mktemp("downstream")


@pytest.mark.parametrize("order", import_orders())
def test_import_orders(order: tuple[str, ...], downstream: Path) -> None:
    """
    In a fresh interpreter, the four modules import in any order, and then
    st.from_type(Project) draws projects. Hypothesis runs its entry points
    while it is being imported, which may be from inside
    ``import sco_digital.strategies``.
    """
    code = "".join(f"import {name}\n" for name in order) + DRAW_PROJECTS
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=downstream
    )
    assert (0, "['Project']\n", "") == (done.returncode, done.stdout, done.stderr)


@pytest.mark.slow  # a nested pytest run; test_import_orders covers this order in the default run
def test_pytest_collects_a_file_importing_strategies_first(tmp_path: Path) -> None:
    """A downstream test file whose first import is sco_digital.strategies is collected and passes."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_downstream.py").write_text(
        "from sco_digital.strategies import datasets\n"
        "from hypothesis import given, settings, strategies as st\n"
        "from sco_digital import Project\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(datasets(), st.from_type(Project))\n"
        "def test_downstream(ds, project):\n"
        "    ds.validate()\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_downstream.py"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert 0 == done.returncode, done.stdout + done.stderr
    assert "1 passed" in done.stdout


@pytest.mark.parametrize("cls", [sd.PartialDate, sd.Project, sd.Dataset])
@given(data=st.data())
def test_from_type(cls: type[Any], data: st.DataObject) -> None:
    """st.from_type uses the registered strategies."""
    record = data.draw(st.from_type(cls))
    assert type(record) is cls
    if cls is sd.Dataset:
        record.validate()


def test_from_type_downstream() -> None:
    """In a fresh process that never imports sco_digital.strategies, from_type works."""
    code = (
        "from hypothesis import given, settings, strategies as st\n"
        "from sco_digital import Dataset, Project\n"
        "seen = []\n"
        "@settings(max_examples=10, database=None)\n"
        "@given(st.from_type(Project), st.from_type(Dataset))\n"
        "def check(project, ds):\n"
        "    ds.validate()\n"
        "    seen.append(type(project).__name__)\n"
        "check()\n"
        "print(sorted(set(seen)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (0, "['Project']\n", "") == (done.returncode, done.stdout, done.stderr)


def test_not_imported_by_the_package() -> None:
    """Importing sco_digital imports neither the strategies nor Hypothesis."""
    code = (
        "import sys, sco_digital\n"
        "print([m for m in ('sco_digital.strategies', 'hypothesis') if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]\n" == done.stdout
