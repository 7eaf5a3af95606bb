"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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


@pytest.fixture
def ds() -> Dataset:
    """The small hand-made dataset of tests/mini.py."""
    return mini.dataset()


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A directory holding the mini dataset's files."""
    return write_json(mini.dataset(), tmp_path / "mini")
