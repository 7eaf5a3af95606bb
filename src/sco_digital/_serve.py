"""
``sco-digital serve``: the dataset as a Datasette site (the ``web`` extra).

The explorer's database (`_datasette.build`) is written to a temporary
directory, removed when the server stops, and served read-only: Datasette's
immutable mode, which opens the file read-only and never writes to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import _datasette
from ._json import dumps
from ._staging import staged
from .dataset import Dataset

__all__ = ["NEEDS_EXTRA", "ListenError", "save", "serve"]

NEEDS_EXTRA = "serve needs Datasette: pip install 'sco-digital[web]'"


class ListenError(Exception):
    """The address given cannot be listened on (a port in use, an unknown host)."""


def _require_datasette() -> tuple[Any, Any]:
    """The Datasette class and uvicorn, or ImportError naming the extra."""
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise ImportError(NEEDS_EXTRA, name="datasette") from None
    return Datasette, uvicorn


@contextlib.contextmanager
def _built(ds: Dataset) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The explorer's database in a temporary directory, and its metadata."""
    directory = Path(tempfile.mkdtemp(prefix="sco-digital-serve-"))
    try:
        yield _datasette.build(ds, directory), _datasette.metadata(ds)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on *host*:*port* (0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        raise ListenError(f"cannot listen on {host} port {port}: {reason}") from None
    return sock


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM ends the server as Ctrl-C does, its temporary files removed."""
    raise SystemExit(128 + signum)


def serve(
    ds: Dataset,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """
    Serve *ds* with Datasette on *host*:*port* until Ctrl-C (or SIGTERM).

    Args:
        ds: The dataset to serve.
        host: The address to listen on; loopback unless told otherwise.
        port: The port; 0 for any free one.
        open_browser: Open the home page in the user's web browser.
        announce: Called with one line giving the address, once listening.

    Raises:
        ImportError: Datasette is not installed (the message names the extra).
        ListenError: The address cannot be listened on (a port in use, say).
        DataError: *ds* breaks a cross-record rule.
        KeyboardInterrupt: After Ctrl-C, once the server has stopped and the
            temporary files are removed.
        SystemExit: With status 143 after SIGTERM, likewise (main thread only).
    """
    datasette_class, uvicorn = _require_datasette()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    try:
        with _listen(host, port) as sock, _built(ds) as (path, metadata):
            site = datasette_class(
                immutables=[str(path)],
                metadata=metadata,
                # Facets over a few hundred rows: allow them time on a busy machine, and
                # skip Datasette's suggestions, which cost a query per column.
                settings={
                    "default_page_size": 50,
                    "facet_time_limit_ms": 1000,
                    "suggest_facets": False,
                },
            )
            asyncio.run(site.invoke_startup())
            bound_host, bound_port = sock.getsockname()[:2]
            shown = f"[{bound_host}]" if ":" in bound_host else bound_host
            url = f"http://{shown}:{bound_port}/"
            announce(f"Serving the {metadata['title']} at {url} (Ctrl-C to stop)")
            if open_browser:
                webbrowser.open(url)
            config = uvicorn.Config(
                site.app(), log_level="warning", access_log=False, lifespan="on"
            )
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def save(
    ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> tuple[Path, Path]:
    """
    Write the explorer's database and metadata into *directory* (created
    if missing) as ``sco.db`` and ``metadata.json``, for ``datasette
    publish``, through the exports' staging (`_staging.staged`): either
    both appear or neither does; existing files are replaced only if
    *overwrite*.

    Returns:
        The two paths.

    Raises:
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: *directory* already holds either file and
            *overwrite* is false.
        OSError: Writing failed; the error names the path in *directory*.
    """
    target = Path(directory)
    names = ("sco.db", "metadata.json")
    with staged(target, names, overwrite=overwrite) as stage:
        _datasette.build(ds, stage)
        (stage / names[1]).write_text(dumps(_datasette.metadata(ds)), encoding="utf-8")
    return target / names[0], target / names[1]
