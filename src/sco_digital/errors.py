"""
The exceptions that sco_digital raises, and nothing else.

Every exception derives from `SCODigitalError`, and each also derives from the
builtin it behaves like, so ``except ValueError`` and ``except LookupError``
keep working for callers who do not know this package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from . import _keys

__all__ = ["MAX_PROBLEMS", "DataError", "Problem", "SCODigitalError", "UnknownKeyError"]

MAX_PROBLEMS = 100
"""At most this many problems of one file are listed; the rest are counted."""


class SCODigitalError(Exception):
    """
    Base class of every error raised by sco_digital.

    .. versionadded:: 0.1.0
    """


@attrs.frozen(kw_only=True)
class Problem:
    """
    One thing wrong with the data, located as precisely as the loader can.

    Attributes:
        file: The data file, e.g. ``"projects.json"``, or None for records
            that were built in memory.
        record: The record's position in the file (an int) when the record
            could not be read, or its id (a str) when it was read but breaks a
            rule that spans records; None for a problem with the whole file.
        path: The field within the record, e.g. ``".participants[0].country"``;
            empty for the record itself.
        message: What is wrong, quoting the offending value.

    .. versionadded:: 0.1.0
    """

    file: str | None
    record: int | str | None = None
    path: str = ""
    message: str

    @property
    def location(self) -> str:
        """Where the problem is, e.g. ``projects.json['soho-cloud'].sources[1]``."""
        where = self.file or "<dataset>"
        if self.record is not None:
            where += f"[{self.record!r}]"
        return where + self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DataError(SCODigitalError, ValueError):
    """
    The data is invalid; *problems* lists what was found.

    ``str()`` gives one line per problem, each naming the file, the record and
    the field. `file`, `record` and `path` describe the first problem, for
    callers that only want one. However broken the data, the list stays
    short: `sco_digital.load` and `Dataset.validate` list the first
    `MAX_PROBLEMS` problems of each file and count the rest in *omitted*,
    and the message ends with one line per file such as
    ``and 1,999,900 more problems in projects.json``.

    Attributes:
        problems: The problems listed, in the order found.
        omitted: How many more problems each file has (by file name; None
            for records built in memory); empty when every one is listed.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]
    omitted: Mapping[str | None, int]

    def __init__(
        self, problems: Iterable[Problem], omitted: Mapping[str | None, int] | None = None
    ) -> None:
        self.problems = tuple(problems)
        self.omitted = {file: count for file, count in (omitted or {}).items() if count}
        if not self.problems:
            msg = "DataError needs at least one problem"
            raise ValueError(msg)
        super().__init__(self._message())

    def _message(self) -> str:
        if len(self.problems) == 1 and not self.omitted:
            return str(self.problems[0])
        total = len(self.problems) + sum(self.omitted.values())
        lines = [f"{total:,} problems in the data:"]
        lines += [f"  {problem}" for problem in self.problems]
        lines += [f"  {line}" for line in self.omitted_lines()]
        return "\n".join(lines)

    def omitted_lines(self) -> list[str]:
        """One line per file with unlisted problems: ``and 5 more problems in projects.json``."""
        return [
            f"and {count:,} more problem{'' if count == 1 else 's'} in {file or '<dataset>'}"
            for file, count in self.omitted.items()
        ]

    @property
    def file(self) -> str | None:
        """The file of the first problem."""
        return self.problems[0].file

    @property
    def record(self) -> int | str | None:
        """The record (index or id) of the first problem."""
        return self.problems[0].record

    @property
    def path(self) -> str:
        """The field path of the first problem."""
        return self.problems[0].path

    def __reduce__(
        self,
    ) -> tuple[type[DataError], tuple[tuple[Problem, ...], dict[str | None, int]]]:
        return (type(self), (self.problems, dict(self.omitted)))


class UnknownKeyError(SCODigitalError, LookupError):
    """
    A lookup found nothing for *key*.

    The message keeps the caller's spelling (a long key is cut short, and
    control characters are escaped) and suggests close matches::

        unknown country 'Uzbekstan'; did you mean 'Uzbekistan'?

    or says why nothing is suggested::

        unknown country 'USA': 'USA' (United States) is not an SCO member,
        observer, dialogue partner or partner

    Attributes:
        kind: What was looked up: ``"country"``, ``"project"``,
            ``"technology"``...
        key: The key exactly as the caller gave it.
        suggestions: Close matches, best first (may be empty).
        note: A sentence that explains the miss, or None.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Long keys are cut short in the message; *note*.
    """

    kind: str
    key: object
    suggestions: tuple[str, ...]
    note: str | None

    def __init__(
        self,
        kind: str,
        key: object,
        suggestions: Iterable[str] = (),
        note: str | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        self.note = note
        message = f"unknown {kind} {_keys.shown_key(key)}"
        if note is not None:
            message += f": {note}"
        elif self.suggestions:
            quoted = " or ".join(repr(s) for s in self.suggestions)
            message += f"; did you mean {quoted}?"
        super().__init__(message)

    def __reduce__(
        self,
    ) -> tuple[type[UnknownKeyError], tuple[str, object, tuple[str, ...], str | None]]:
        return (type(self), (self.kind, self.key, self.suggestions, self.note))
