"""
Time from ``sco-digital serve`` to the first page it serves.

Starts the command (the one on PATH beside this Python) on a free loopback
port, asks for its home page every 20 ms until it answers, prints the time
taken, then stops it with Ctrl-C (SIGINT) by its pid. Runs three times.

    python benchmarks/serve_first_page.py
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

COMMAND = Path(sys.executable).with_name("sco-digital")
LIMIT = 120.0  # seconds before giving up


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def first_page() -> float:
    """Seconds from starting the command to the first page served."""
    port = free_port()
    start = time.perf_counter()
    server = subprocess.Popen(
        [COMMAND, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - start < LIMIT:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    page.read()
                return time.perf_counter() - start
            except OSError:
                time.sleep(0.02)
        sys.exit(f"no page after {LIMIT} s")
    finally:
        os.kill(server.pid, signal.SIGINT)
        server.wait()


def main() -> None:
    """Measure three times."""
    times = [first_page() for _ in range(3)]
    print("sco-digital serve, command to first page: " + ", ".join(f"{t:.2f} s" for t in times))


if __name__ == "__main__":
    main()
