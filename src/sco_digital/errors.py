"""
The exceptions that sco_digital raises, and nothing else.

Every exception derives from `SCODigitalError`, and each also derives from the
builtin it behaves like, so ``except ValueError`` and ``except LookupError``
keep working for callers who do not know this package.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DataError", "Problem", "SCODigitalError", "UnknownKeyError"]


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
    The data is invalid; *problems* lists everything found, not only the first.

    ``str()`` gives one line per problem, each naming the file, the record and
    the field. `file`, `record` and `path` describe the first problem, for
    callers that only want one.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            msg = "DataError needs at least one problem"
            raise ValueError(msg)
        super().__init__(self._message())

    def _message(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems in the data:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)

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

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class UnknownKeyError(SCODigitalError, LookupError):
    """
    A lookup found nothing for *key*.

    The message keeps the caller's spelling and suggests close matches::

        unknown country 'Uzbekstan'; did you mean 'Uzbekistan'?

    Attributes:
        kind: What was looked up: ``"country"``, ``"project"``,
            ``"technology"``...
        key: The key exactly as the caller gave it.
        suggestions: Close matches, best first (may be empty).

    .. versionadded:: 0.1.0
    """

    kind: str
    key: object
    suggestions: tuple[str, ...]

    def __init__(self, kind: str, key: object, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"unknown {kind} {key!r}"
        if self.suggestions:
            quoted = " or ".join(repr(s) for s in self.suggestions)
            message += f"; did you mean {quoted}?"
        super().__init__(message)

    def __reduce__(
        self,
    ) -> tuple[type[UnknownKeyError], tuple[str, object, tuple[str, ...]]]:
        return (type(self), (self.kind, self.key, self.suggestions))
