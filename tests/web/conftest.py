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
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
BROWSER_PROGRAMS = ("chromium", "chromedriver")
_BROWSER = pytest.StashKey[int]()
STARTUP_LIMIT = 120  # seconds: a busy two-core machine; the process is killed after it


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


class Server:
    """A running ``sco-digital serve``: its process and its address."""

    def __init__(self, process: subprocess.Popen[str], url: str, tmp: Path) -> None:
        self.process = process
        self.url = url
        self.tmp = tmp


def start_server(tmp: Path, *args: str) -> Server:
    """
    Start ``sco-digital serve --port 0`` (any free port on 127.0.0.1) with
    its temporary files in *tmp*, and wait for the line giving its address.
    """
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sco_digital", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    timer = threading.Timer(STARTUP_LIMIT, process.kill)
    timer.start()
    try:
        line = process.stdout.readline() if process.stdout else ""
    finally:
        timer.cancel()
    found = re.search(r"at (http://127\.0\.0\.1:[0-9]+/) \(Ctrl-C to stop\)$", line.rstrip())
    if found is None:
        stop(process)
        _, err = process.communicate()
        pytest.fail(f"serve did not start: {line!r} {err!r}")
    return Server(process, found.group(1), tmp)


def stop(process: subprocess.Popen[str]) -> None:
    """Stop *process* by its id: Ctrl-C, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the explorer's tests, stopped by its pid at the end, also on failure."""
    running = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield running
    finally:
        stop(running.process)
        if running.process.stdout:
            running.process.stdout.close()
        if running.process.stderr:
            running.process.stderr.close()
