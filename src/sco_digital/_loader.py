"""
Reading the data files into a validated `Dataset`.

`load()` reads the bundled files the first time it is called, in whichever
thread gets there first, and hands every caller the same Dataset afterwards.
It reads them as importlib.resources would: straight from the package's
directory when the package is plain files on disk (what `files()` returns
then), through importlib.resources otherwise (a zip file, a custom loader).
`load(path)` reads a directory of the same files, every time, with the same
checks. Either way the result is a complete, validated Dataset or one
`DataError` listing the problems found (the first hundred of each file, and
a count of the rest); nothing is cached after a failure.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import _convert, _display
from ._convert import builder, json_type
from ._integrity import check_rules
from ._json import JSONReadError, parse
from ._manifest import Manifest
from ._problems import ProblemLog
from ._registry import MANIFEST, RECORD_FILES
from .dataset import Dataset
from .errors import DataError, Problem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_FILE_SIZE", "load"]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""The largest data file `load` reads, in bytes (64 MiB)."""

_UNREAD: Any = object()
"""What _read_json returns for a file it could not read (JSON null is None)."""

_lock = threading.Lock()
_default: Dataset | None = None
_manifest_cache: Manifest | None = None


class _NotAFile(Exception):  # noqa: N818 - internal signal
    pass


class _TooLarge(Exception):  # noqa: N818 - internal signal
    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit


def load(
    path: str | os.PathLike[str] | None = None, *, max_file_size: int = MAX_FILE_SIZE
) -> Dataset:
    """
    Load and validate the dataset.

    With no *path*, return the bundled dataset: read once, on first use,
    safely when many threads ask at once, and shared by every caller. With
    a *path*, read that directory's ``sources.json``, ``countries.json``,
    ``organizations.json``, ``places.json``, ``projects.json``, ``indicators.json``,
    ``conflicts.json`` and ``manifest.json`` afresh, with the same checks.

    Args:
        path: A directory holding the data files, or None for the bundled data.
        max_file_size: Refuse files larger than this many bytes (directories only).

    Raises:
        DataError: Anything is wrong with the files or the records; the error
            lists the problems (the first hundred of each file, and how many
            more), each with its file, record and field.
        ValueError: *path* is empty (``""``), which would name the current
            directory.

    .. versionadded:: 0.1.0
    """
    global _default  # noqa: PLW0603 - the one published default
    if path is None:
        ds = _default
        if ds is None:
            with _lock:
                ds = _default
                if ds is None:
                    # Built completely, then published in one assignment.
                    ds = _default = _build(_read_bundled)
        return ds
    if isinstance(path, str | os.PathLike) and os.fspath(path) == "":
        # Path("") is the current directory: never what an empty string meant.
        msg = "load() was given an empty path; give a directory, or no path for the bundled data"
        raise ValueError(msg)
    from pathlib import Path  # only for directories: the bundled data does without

    directory = Path(path)
    if not directory.is_dir():
        what = "does not exist" if not directory.exists() else "is not a directory"
        raise DataError(
            [Problem(file=str(directory), message=f"{what}; expected a directory of data files")]
        )
    return _build(lambda name: _read_file(directory / name, max_file_size))


def bundled_manifest() -> Manifest:
    """
    The bundled manifest.json (read once).

    Raises:
        DataError: It cannot be read or is not a valid manifest.
    """
    global _manifest_cache  # noqa: PLW0603 - an immutable record, cached
    manifest = _manifest_cache
    if manifest is None:
        problems = ProblemLog()
        manifest = _manifest(_read_json(_read_bundled, MANIFEST, problems), problems)
        if manifest is None:
            raise problems.error()
        _manifest_cache = manifest
    return manifest


def _read_bundled(name: str) -> bytes:
    # For a package that is plain files on disk, as pip installs it, files()
    # is the directory of the package's __init__.py: read the file there,
    # without importing importlib.resources (see benchmarks/README.md,
    # "Optimisations kept"); anything else (a zip file, a custom loader) goes
    # through importlib.resources.
    from importlib.machinery import SourceFileLoader, SourcelessFileLoader

    spec = sys.modules[__package__].__spec__
    if spec is not None and isinstance(spec.loader, SourceFileLoader | SourcelessFileLoader):
        # os.path and open(), not pathlib, which `import sco_digital` no longer needs
        file = os.path.join(os.path.dirname(spec.loader.path), "data", name)  # noqa: PTH118, PTH120
        with open(file, "rb") as stream:  # noqa: PTH123
            return stream.read()
    from importlib.resources import files

    return files(__package__).joinpath("data").joinpath(name).read_bytes()


def _read_file(file: Path, limit: int) -> bytes:
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise _NotAFile
    size = info.st_size
    if size > limit:
        raise _TooLarge(size, limit)
    with file.open("rb") as stream:
        # read(n) allocates n bytes up front, so ask for the size stat gave
        # (plus one byte to notice growth), not the limit.
        data = stream.read(size + 1)
        if len(data) > size:  # grew since stat(): read on, up to the limit
            data += stream.read(limit + 1 - len(data))
    if len(data) > limit:  # grew while we read it
        raise _TooLarge(None, limit)
    return data


def _after_fork_in_child() -> None:
    """
    Give a forked child a fresh lock: a thread of the parent that was
    building the bundled data (and so held the lock) does not exist in the
    child, so the lock would never be released.
    """
    global _lock  # noqa: PLW0603 - reset after fork
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_after_fork_in_child)

# Record cards in notebooks name and link their sources through the bundled data.
_display.bundled_sources = lambda: load().sources


def _build(read: Callable[[str], bytes]) -> Dataset:
    problems = ProblemLog()
    tables: dict[str, list[Any]] = {}
    lengths: dict[str, int] = {}  # items in each file read, records or not
    for entry in RECORD_FILES:
        value = _read_json(read, entry.file, problems)
        if value is _UNREAD:
            continue
        if type(value) is not list:
            problems.append(
                Problem(
                    file=entry.file,
                    message=f"expected an array of records, got {json_type(value)}",
                )
            )
            continue
        lengths[entry.table] = len(value)
        tables[entry.table] = _records(entry.record, value, entry.file, problems)
    complete = not problems  # every file read, every record built
    manifest = _manifest(_read_json(read, MANIFEST, problems), problems)
    if manifest is not None:
        for path, message in manifest.count_problems(lengths):
            problems.append(Problem(file=MANIFEST, path=path, message=message))
    if not complete:
        # The rules that span records would only repeat what is missing.
        raise problems.error()
    ds = Dataset(**tables, data_version=None if manifest is None else manifest.data_version)
    problems.extend(check_rules(ds))
    if problems:
        raise problems.error()
    return ds


def _records(cls: type, items: list[Any], name: str, problems: ProblemLog) -> list[Any]:
    """The records built from *items*; each item refused has its problems logged instead."""
    build: Callable[[Any], Any] = builder(cls)
    records = []
    for i, item in enumerate(items):
        record = _built(build, item)
        if record is _UNREAD:
            _explain(cls, item, name, i, problems)
        else:
            records.append(record)
    return records


def _built(build: Callable[[Any], Any], item: Any) -> Any:
    """
    The record *build* makes of *item*, or _UNREAD; apart from `_explain`, so
    that the exceptions raised there do not carry this one as their context.
    """
    try:
        return build(item)
    except Exception:  # noqa: BLE001 - any refusal is explained
        return _UNREAD


def _explain(cls: type, item: Any, name: str, i: int | None, problems: ProblemLog) -> None:
    """Log every problem of *item*, which the converter refused to build as a *cls*."""
    found = _convert.problems(item, cls) or [("", "refused, then built: a fault in sco_digital")]
    for path, message in found:
        if isinstance(message, _convert.Omitted):
            problems.skip(name, message.problems)
        else:
            problems.append(Problem(file=name, record=i, path=path, message=message))


def _manifest(value: Any, problems: ProblemLog) -> Manifest | None:
    """The `Manifest` that *value* spells, or None once its problems are logged."""
    if value is _UNREAD:
        return None
    manifest = _built(builder(Manifest), value)
    if manifest is _UNREAD:
        _explain(Manifest, value, MANIFEST, None, problems)
        return None
    return manifest  # type: ignore[no-any-return]


def _read_json(read: Callable[[str], bytes], name: str, problems: ProblemLog) -> Any:
    try:
        data = read(name)
    except FileNotFoundError:
        problems.append(Problem(file=name, message="file is missing"))
        return _UNREAD
    except _NotAFile:
        problems.append(Problem(file=name, message="is not a regular file"))
        return _UNREAD
    except _TooLarge as exc:
        size = "" if exc.size is None else f" ({exc.size:,} bytes)"
        problems.append(
            Problem(
                file=name,
                message=f"file is too large{size}; the limit is {exc.limit:,} bytes"
                " unless load(max_file_size=...) raises it",
            )
        )
        return _UNREAD
    except OSError as exc:
        problems.append(Problem(file=name, message=f"cannot be read: {exc.strerror or exc}"))
        return _UNREAD
    return _parse(name, data, problems)


def _parse(name: str, data: bytes, problems: ProblemLog) -> Any:
    try:
        return parse(data)
    except JSONReadError as exc:
        problems.append(Problem(file=name, message=str(exc)))
        return _UNREAD
