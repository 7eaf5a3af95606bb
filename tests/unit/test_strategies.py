"""The public Hypothesis strategies: valid records, narrowing, errors, registration."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
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


@given(strategies.datasets(max_records=0))
def test_datasets_max_records(ds: sd.Dataset) -> None:
    """max_records=0 leaves nothing to cite, so no source either."""
    assert repr(ds).endswith(
        "0 countries, 0 projects, 0 indicators, 0 organizations, 0 sources, 0 conflicts>"
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
    """The package registers its setup hook in Hypothesis' entry-point group."""
    assert ["sco_digital.strategies:_hypothesis_setup_hook"] == [
        e.value for e in entry_points(group="hypothesis") if e.name == "sco_digital"
    ]


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
