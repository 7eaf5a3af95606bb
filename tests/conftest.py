"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

import mini
from sco_digital import Dataset
from sco_digital.export import write_json

# "ci" where the CI environment variable is set (CI=true, as CI services and
# .ci/run set it), "dev" otherwise; HYPOTHESIS_PROFILE chooses any of them.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """
    Tests marked ``privileged`` need root: as another user (a packager building
    the sdist, say) they are deselected and counted in the summary, never
    failed or silently passed. CI runs as root, so there they always run.
    """
    if os.geteuid() == 0:
        return
    privileged = [item for item in items if item.get_closest_marker("privileged")]
    if not privileged:
        return
    if IN_CI:
        msg = f"CI must run as root: {len(privileged)} privileged tests would not run"
        raise pytest.UsageError(msg)
    config.hook.pytest_deselected(items=privileged)
    items[:] = [item for item in items if not item.get_closest_marker("privileged")]
    config.stash[_PRIVILEGED] = len(privileged)


_PRIVILEGED = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say how many privileged tests were left out, and why."""
    count = config.stash.get(_PRIVILEGED, 0)
    if count:
        terminalreporter.write_line(
            f"{count} privileged tests deselected: they need root (tmpfs mounts, device files)"
        )


@pytest.fixture
def ds() -> Dataset:
    """The small hand-made dataset of tests/mini.py."""
    return mini.dataset()


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A directory holding the mini dataset's files."""
    return write_json(mini.dataset(), tmp_path / "mini")
