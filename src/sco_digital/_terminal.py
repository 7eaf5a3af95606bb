"""
Tables of records as text, for a terminal or a pipe.

In a terminal a table fits the terminal's width (``COLUMNS`` first, as
`shutil.get_terminal_size` reads it): the columns that may be clipped are
clipped with an ellipsis, widest first, down to their header's width, and
then the optional columns are left out, last first. A key to copy (an id, a
code) and a figure's words are never clipped. Written to a pipe or a file,
a table keeps every cell whole, one line per record, so that ``wc -l``,
``grep`` and ``cut`` see one record per line. `Output` is the one writer of
the command line's output.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ._display import ViewColumn

__all__ = ["fields", "layout", "terminal_width"]

_GAP = "  "
_FLOOR = 8  # the narrowest a clipped column gets, unless its header is wider


def terminal_width(stream: Any) -> int | None:
    """
    The width to fit a table to when *stream* is a terminal (``COLUMNS``
    when set, else the terminal's own), or None when it is not one.
    """
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError, OSError):  # closed, or no file at all
        return None
    try:
        fallback = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        fallback = 80
    return max(shutil.get_terminal_size((fallback, 24)).columns, 20)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _sizes(
    columns: Sequence[ViewColumn], rows: Sequence[Sequence[str]], kept: list[int], width: int
) -> tuple[list[int], int]:
    """The width of each kept column, clipped where it may be, and how far over *width*."""
    natural = [max(len(columns[i].header), *(len(row[i]) for row in rows)) for i in kept]
    sizes = list(natural)
    over = sum(sizes) + len(_GAP) * (len(kept) - 1) - width
    clippable = [n for n, i in enumerate(kept) if columns[i].fit == "clip"]
    for n in sorted(clippable, key=lambda n: -sizes[n]):
        if over <= 0:
            break
        floor = min(natural[n], max(len(columns[kept[n]].header), _FLOOR))
        cut = min(over, sizes[n] - floor)
        sizes[n] -= cut
        over -= cut
    return sizes, over


def _fit(
    columns: Sequence[ViewColumn], rows: Sequence[Sequence[str]], width: int
) -> tuple[list[int], list[int]]:
    """
    The columns kept (their indexes) and the width of each: the optional
    column whose leaving out lets the rest fit goes (the last such), else
    the last optional one, until the table fits or none is left to go.
    """
    kept = list(range(len(columns)))
    while True:
        sizes, over = _sizes(columns, rows, kept, width)
        optional = [i for i in kept if columns[i].optional]
        if over <= 0 or not optional:
            return kept, sizes
        for i in reversed(optional):
            trial = [k for k in kept if k != i]
            trial_sizes, trial_over = _sizes(columns, rows, trial, width)
            if trial_over <= 0:
                return trial, trial_sizes
        kept.remove(optional[-1])


def layout(columns: Sequence[ViewColumn], rows: Sequence[Sequence[str]], width: int | None) -> str:
    """
    *rows* (the words of each record, one per column) under *columns*' headers:
    fitted to *width* in a terminal, whole when *width* is None; a *right*
    column's words and header aligned to the right.
    """
    if not rows:
        return "(no results)\n"
    if width is None:
        kept = list(range(len(columns)))
        sizes = [max(len(columns[i].header), *(len(row[i]) for row in rows)) for i in kept]
    else:
        kept, sizes = _fit(columns, rows, width)

    def line(words: Sequence[str]) -> str:
        cells = (
            _clip(words[i], w).rjust(w) if columns[i].right else _clip(words[i], w).ljust(w)
            for i, w in zip(kept, sizes, strict=True)
        )
        return _GAP.join(cells).rstrip()

    lines = [line([c.header for c in columns]), _GAP.join("-" * w for w in sizes)]
    lines += [line(row) for row in rows]
    return "\n".join(lines) + "\n"


def _words(value: Any) -> str:
    """A value inside a list item: a list as its items joined (``sources=a, b``)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def fields(record: Mapping[str, Any], width: int) -> str:
    """
    A record's fields (plain JSON values) one per line, wrapped at *width*:
    ``name:`` and the value, or the name and one indented line per item of
    a list (a dict item as ``key=value, ...``); empty fields are left out.
    """
    # Never break inside a word: ids and URLs hold hyphens, and a pipe greps them.
    wrap = functools.partial(textwrap.fill, break_on_hyphens=False, break_long_words=False)
    lines = []
    for key, value in record.items():
        if value in (None, [], ""):
            continue
        label = f"{key}:"
        if not isinstance(value, list):
            lines.append(
                wrap(str(value), width, initial_indent=f"{label:<14}", subsequent_indent=" " * 14)
            )
            continue
        lines.append(label)
        for item in value:
            text = (
                ", ".join(f"{k}={_words(v)}" for k, v in item.items() if v is not None)
                if isinstance(item, dict)
                else str(item)
            )
            lines.append(wrap(text, width, initial_indent="  - ", subsequent_indent="    "))
    return "".join(f"{line}\n" for line in lines)


# -- writing -------------------------------------------------------------------------


class OutputFailed(Exception):  # noqa: N818 - internal signal
    """Standard output cannot be written (other than a closed pipe)."""


class Output:
    """
    Standard output for the commands. Characters its encoding cannot hold
    are written as backslash escapes rather than failing half-way; a closed
    pipe raises BrokenPipeError, any other failure `OutputFailed`.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.encoding: str = getattr(stream, "encoding", None) or "utf-8"

    def holds(self, text: str) -> bool:
        """Whether the encoding can hold every character of *text*."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True

    def write(self, text: str) -> int:
        with self._failures():
            try:
                return int(self.stream.write(text))
            except UnicodeEncodeError:  # raised before anything of *text* is written
                escaped = text.encode(self.encoding, "backslashreplace")
                return int(self.stream.write(escaped.decode(self.encoding)))

    def flush(self) -> None:
        with self._failures():
            self.stream.flush()

    def write_bytes(self, data: bytes) -> None:
        """Write *data* as it is, past the encoding (to the text stream if it has no buffer)."""
        buffer = getattr(self.stream, "buffer", None)
        with self._failures():
            if buffer is None:
                self.stream.write(data.decode("utf-8"))
                return
            self.stream.flush()
            buffer.write(data)
            buffer.flush()

    @staticmethod
    @contextlib.contextmanager
    def _failures() -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from None
