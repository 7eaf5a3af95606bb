"""
The ``sco-digital`` command's entry point, which only imports the command line.

It lives apart from `sco_digital.cli` so that Ctrl-C while the command line
and its dependencies are still being imported ends like Ctrl-C at any later
point: one line on stderr and exit status 130, no traceback. (`import
sco_digital`, which runs first, imports nothing of its own.)
"""

from __future__ import annotations

import sys

__all__ = ["main"]

INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as shells report it."""


def main() -> int:
    """Run the command line on ``sys.argv[1:]``; return its exit status."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("sco-digital: interrupted\n")
        return INTERRUPTED
    return run()
