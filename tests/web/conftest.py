"""
The explorer's fixtures: a ``sco-digital serve`` process on loopback, and the
``browser`` marker's rule.

Tests marked ``browser`` drive Debian's headless Chromium through its
chromedriver. Where either is missing they are deselected and counted in the
summary; under CI (where .ci/run installs both) that is an error instead, so
that they are never silently left out.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from serving import Server, start_server, stop

IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
BROWSER_PROGRAMS = ("chromium", "chromedriver")
_BROWSER = pytest.StashKey[int]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    browser = [item for item in items if item.get_closest_marker("browser")]
    missing = [name for name in BROWSER_PROGRAMS if shutil.which(name) is None]
    if not browser or not missing:
        return
    if IN_CI:
        msg = (
            f"CI must have {' and '.join(missing)} (apt-get install chromium chromium-driver):"
            f" {len(browser)} browser tests would not run"
        )
        raise pytest.UsageError(msg)
    config.hook.pytest_deselected(items=browser)
    items[:] = [item for item in items if not item.get_closest_marker("browser")]
    config.stash[_BROWSER] = len(browser)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    count = config.stash.get(_BROWSER, 0)
    if count:
        terminalreporter.write_line(
            f"{count} browser tests deselected: they need chromium and chromedriver"
            " (apt-get install chromium chromium-driver)"
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server for a module's tests, stopped by its pid after them, also on failure."""
    running = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield running
    finally:
        stop(running.process)
        if running.process.stdout:
            running.process.stdout.close()
        if running.process.stderr:
            running.process.stderr.close()
