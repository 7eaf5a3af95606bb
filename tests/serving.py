"""Start and stop ``sco-digital serve`` processes for the explorer's tests."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

STARTUP_LIMIT = 120  # seconds: a busy two-core machine; the process is killed after it


@dataclass(frozen=True)
class Server:
    """A running ``sco-digital serve``: its process and its address."""

    process: subprocess.Popen[str]
    url: str


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
    return Server(process, found.group(1))


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


def get_json(server: Server, path: str) -> Any:
    """The JSON the server answers at *path* (relative to its home page)."""
    url = server.url + path.lstrip("/")
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our loopback server
        return json.loads(response.read())
