"""Problems as the loader and `Dataset.validate` find them, kept within bounds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import MAX_PROBLEMS, DataError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .errors import Problem


class ProblemLog:
    """
    Problems as they are found, bounded: the first *limit* of each file are
    kept and the rest only counted, so that data with millions of problems
    costs no more memory than data with a hundred. Internal to the package.
    """

    __slots__ = ("_found", "kept", "limit", "omitted")

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.limit = limit
        self.kept: list[Problem] = []
        self.omitted: dict[str | None, int] = {}
        self._found: dict[str | None, int] = {}

    def append(self, problem: Problem) -> None:
        """Keep *problem*, or count it if its file has *limit* already."""
        found = self._found.get(problem.file, 0)
        self._found[problem.file] = found + 1
        if found < self.limit:
            self.kept.append(problem)
        else:
            self.omitted[problem.file] = self.omitted.get(problem.file, 0) + 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """`append` each of *problems*."""
        for problem in problems:
            self.append(problem)

    def skip(self, file: str | None, count: int) -> None:
        """Count *count* more problems of *file* that were found but not described."""
        self._found[file] = self._found.get(file, 0) + count
        self.omitted[file] = self.omitted.get(file, 0) + count

    def __bool__(self) -> bool:
        return bool(self.kept)

    def error(self) -> DataError:
        """The `DataError` listing what was kept and counting the rest."""
        return DataError(self.kept, self.omitted)
