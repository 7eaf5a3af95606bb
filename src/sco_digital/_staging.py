"""
Writing the files of an export so that they appear whole or not at all.

`staged` hands its caller an empty hidden directory created *inside* the
target directory, so on the same file system as the files it will replace,
wherever that directory is mounted and whatever the permissions of its
parent. When the caller has written every file there, the commit moves them
into place one by one:

- a new file is hard-linked into place, which fails rather than replace a
  file that appeared meanwhile (another program, another export);
- an existing file (only with ``overwrite``) is first kept, as a hard link
  in the staging directory, then replaced with `os.replace`.

Commits of exports into one directory take turns (an advisory lock on the
directory where the system has one), so concurrent exports never mix their
files. If anything fails, or the user presses Ctrl-C, before the last file
is in place, the files placed so far are taken back and the kept ones
restored; then the staging directory, and any directory the export created,
are removed. An error names the user's path, never the staging directory.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

STAGE_PREFIX = ".sco-digital-"
"""How the hidden staging directory of an export's target begins."""


@contextmanager
def staged(directory: Path, names: Sequence[str], *, overwrite: bool) -> Iterator[Path]:
    """
    Yield an empty staging directory inside *directory* (created, with its
    parents, if missing); when the block ends, put the files *names* that it
    wrote there into *directory*, replacing existing ones only if
    *overwrite*. On any error, or KeyboardInterrupt, *directory* is left as
    it was.

    Raises:
        NotADirectoryError: *directory* exists and is not a directory.
        IsADirectoryError: One of *names* is a directory in *directory*.
        FileExistsError: One of *names* exists and *overwrite* is false, or it
            is not a regular file (or a link to one), which is never replaced.
        OSError: Writing failed; the error names the path in *directory*.
    """
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(f"{directory} exists and is not a directory")
    _check(directory, names, overwrite=overwrite)
    # What an error that names no file is about: the one file, or the directory.
    shown = directory / names[0] if len(names) == 1 else directory
    stage, created = _make_stage(directory)
    try:
        try:
            yield stage
        except BaseException:
            _discard(stage, created)
            raise
        _commit(stage, directory, names, overwrite=overwrite, created=created)
    except OSError as exc:
        raise _in_user_terms(exc, directory, shown) from None


def _make_stage(directory: Path) -> tuple[Path, list[Path]]:
    """Create *directory* if need be and a staging directory in it; return it and
    the directories created for it, deepest first.
    """
    for attempt in range(3):
        missing = [d for d in (directory, *directory.parents) if not d.exists()]
        try:
            directory.mkdir(parents=True, exist_ok=True)
            return Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=directory)), missing
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and attempt < 2:
                continue  # a failed concurrent export removed it meanwhile
            _remove_empty(missing)
            raise _in_user_terms(exc, directory, directory) from None
    raise AssertionError  # not reached


def _commit(
    stage: Path, directory: Path, names: Sequence[str], *, overwrite: bool, created: list[Path]
) -> None:
    placed: list[_Placed] = []
    try:
        with _turn(directory), _interrupts_deferred() as interrupted:
            try:
                for name in names:
                    placed.append(_place(stage, directory, name, overwrite=overwrite))  # noqa: PERF401 - kept as it grows, for _take_back
                if interrupted:  # Ctrl-C while the files were moved: undo them all
                    raise KeyboardInterrupt  # noqa: TRY301 - undone just below, like any failure
            except BaseException:
                _take_back(placed)
                raise
            # Every file is in place: the export is complete, and a Ctrl-C from
            # here on comes too late to undo it; it is not reported.
            shutil.rmtree(stage, ignore_errors=True)
    except BaseException:
        _discard(stage, created)
        raise


_Placed = tuple[Path, tuple[int, int], Path | None]
"""A file put in place, its identity (device, inode), and the kept file it replaced."""


def _place(stage: Path, directory: Path, name: str, *, overwrite: bool) -> _Placed:
    """Move *name* from *stage* into *directory*, keeping the file it replaces."""
    source, target = stage / name, directory / name
    try:
        os.link(source, target)  # never replaces: fails if the file exists
    except FileExistsError:
        if not overwrite:
            raise _refusal([target]) from None
    except OSError as exc:  # no hard links here (FAT, some network file systems)
        if exc.errno not in _NO_LINKS:
            raise
        if not os.path.lexists(target):
            source.replace(target)
            return target, _identity(target), None
        if not overwrite:
            raise _refusal([target]) from None
    else:
        return target, _identity(target), None
    _check(directory, [name], overwrite=True)  # still a regular file, or a link to one?
    kept = stage / ".kept" / name
    kept.parent.mkdir(exist_ok=True)
    try:
        os.link(target, kept, follow_symlinks=False)
    except OSError:
        shutil.copy2(target, kept, follow_symlinks=False)
    source.replace(target)
    return target, _identity(target), kept


_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV}


def _identity(path: Path) -> tuple[int, int]:
    info = path.lstat()
    return info.st_dev, info.st_ino


def _take_back(placed: list[_Placed]) -> None:
    """Undo `_place`: remove the files it put in place, restore those it replaced."""
    for target, identity, kept in reversed(placed):
        with suppress(OSError):  # best effort; the first error is the one to report
            if kept is not None:
                kept.replace(target)
            elif _identity(target) == identity:  # still ours
                target.unlink()


def _discard(stage: Path, created: list[Path]) -> None:
    shutil.rmtree(stage, ignore_errors=True)
    _remove_empty(created)


# -- what may be replaced -------------------------------------------------------------


def _check(directory: Path, names: Sequence[str], *, overwrite: bool) -> None:
    paths = [directory / name for name in names]
    for path in paths:
        what = _not_regular(path)
        if what == "a directory":
            raise IsADirectoryError(f"{path} is a directory")
        if what is not None:
            raise FileExistsError(f"refusing to replace {path}: it is {what}, not a regular file")
    if not overwrite:
        existing = [path for path in paths if os.path.lexists(path)]
        if existing:
            raise _refusal(existing)


def _refusal(paths: list[Path]) -> FileExistsError:
    listed = ", ".join(str(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
    return FileExistsError(f"refusing to overwrite {listed}; pass overwrite=True (or --force)")


def _not_regular(path: Path) -> str | None:
    """What *path* is if it exists and is neither a regular file nor a link to one."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        try:
            mode = path.stat().st_mode
        except OSError:
            return "a broken symbolic link"
        return None if stat.S_ISREG(mode) else f"a symbolic link to {_kind(mode)}"
    return None if stat.S_ISREG(mode) else _kind(mode)


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISDIR: "a directory",
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "a special file")


# -- directories, turns and interrupts ----------------------------------------------------


def _make_directory(directory: Path) -> list[Path]:
    """Create *directory* and its missing parents; return those created, deepest first."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    directory.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(directories: list[Path]) -> None:
    for directory in directories:  # deepest first
        try:
            directory.rmdir()
        except OSError:
            return


@contextmanager
def _turn(directory: Path) -> Iterator[None]:
    """
    Hold an advisory lock on *directory* (flock on its descriptor), so that
    the commits of concurrent exports into it follow one another. Where the
    system or file system has no such lock the commit goes ahead: the hard
    links still keep it from replacing another export's files.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextmanager
def _interrupts_deferred() -> Iterator[list[int]]:
    """
    While the block runs, note SIGINT instead of raising KeyboardInterrupt
    (in the main thread, where Python delivers signals, when SIGINT has its
    usual handler); the list yielded is non-empty once one arrived.
    """
    received: list[int] = []
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield received
        return
    signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield received
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _in_user_terms(exc: OSError, directory: Path, shown: Path) -> OSError:
    """
    *exc*, naming *directory* or the file in it instead of a staging path,
    and naming *shown* if it named no file at all.
    """

    def user(name: Any) -> Any:
        if name is None:
            return None
        parts = Path(os.fsdecode(name)).parts
        for i, part in enumerate(parts):
            if part.startswith(STAGE_PREFIX):
                return str(directory if i == len(parts) - 1 else directory / parts[-1])
        return name

    if exc.errno is None:  # a message alone, perhaps quoting a staging path (pyarrow's do)
        text = re.sub(rf"\S*{re.escape(STAGE_PREFIX)}[^/\s]*", str(directory), str(exc))
        return exc if text == str(exc) else OSError(text)
    filename = str(shown) if exc.filename is None else user(exc.filename)
    filename2 = user(exc.filename2)
    if (filename, filename2) == (exc.filename, exc.filename2):
        return exc
    return OSError(exc.errno, exc.strerror, filename, None, filename2)


def write_texts(target: Path, files: dict[str, str], *, overwrite: bool) -> Path:
    """
    Write the texts *files* (by name) as UTF-8 into the directory *target*,
    through `staged`; each text's own line ends are kept.
    """
    with staged(target, list(files), overwrite=overwrite) as stage:
        for name, text in files.items():
            file = stage / name
            try:
                # newline="" keeps each text's own line ends (CSV's CRLF, JSON's LF).
                file.write_text(text, encoding="utf-8", newline="")
            except OSError as exc:  # a write error (a full disk) names no file
                exc.filename = exc.filename or str(file)
                raise
    return target


def write_file(
    path: str | os.PathLike[str], write: Callable[[Path], None], *, overwrite: bool = False
) -> Path:
    """
    Create the file *path* by calling *write* with a path in the staging
    directory of `staged`, which then moves it into place.
    """
    target = Path(path)
    with staged(target.parent, [target.name], overwrite=overwrite) as stage:
        write(stage / target.name)
    return target
