"""
`Results`: what the queries return, a tuple of records sorted by id that
also shows itself as a table in a notebook and converts to a data frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, SupportsIndex, TypeVar, overload

from ._display import displayed

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = ["Results"]

_T = TypeVar("_T", covariant=True)  # noqa: PLC0105 - tuple's own variance


@displayed
class Results(tuple[_T, ...], Generic[_T]):  # noqa: SLOT001 - an empty one keeps its kind
    """
    Records sorted by id (countries by code): a tuple in every way (equal to
    the plain tuple of the same records, hashable, picklable; ``repr`` is the
    tuple's), with a table for notebooks (``_repr_html_``), one line per
    record for IPython (``_repr_pretty_``), and data frames of one row per
    record. A slice is a `Results` too; ``+`` and other tuple operations
    give plain tuples.

    >>> import sco_digital as sd
    >>> found = sd.load().by_country("KG")
    >>> found[:2] == tuple(found)[:2], type(found[:2]).__name__
    (True, 'Results')

    A query knows what kind of record it finds, so even an empty `Results`
    has a `kind`, and its frames have the columns of that kind.

    .. versionadded:: 0.2.0
    """

    # No __slots__: an empty Results keeps its kind in its __dict__ (and pickles it).

    def __new__(cls, items: Iterable[_T] = (), kind: type | None = None) -> Results[_T]:
        """*items* as a `Results`; *kind*, the records' class, for when there are none."""
        made = super().__new__(cls, items)
        if kind is not None:
            made.__dict__["_kind"] = kind
        return made

    @property
    def kind(self) -> type | None:
        """
        The class of the records (`Project`, `Country`...), also when there are
        none; None for an empty `Results` made without one.
        """
        return type(self[0]) if self else self.__dict__.get("_kind")

    @overload
    def __getitem__(self, index: SupportsIndex) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> Results[_T]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> _T | Results[_T]:
        if isinstance(index, slice):
            return Results(super().__getitem__(index), self.kind)
        return super().__getitem__(index)

    def to_pandas(self, as_of: dt.date | str | None = None) -> pd.DataFrame:
        """
        The records as a pandas DataFrame, one row per record with every
        field: many-valued fields (a project's countries, roles,
        technologies, sectors, organisations, sources) are columns of
        Python lists, so counting projects per country never counts one
        twice; text columns are ``string``, numbers ``Float64`` (a
        place's GeoNames id ``Int64``), days ``datetime64[s]``. Projects
        get ``start`` and ``end`` (the first and last day their partial
        dates may mean), countries their ``status`` and ``since`` on
        *as_of* (default: today), figures their ``text`` and the
        ``low``/``high`` bounds their qualifier allows.
        docs/guide/notebooks.md has recipes.

        Args:
            as_of: The day for countries' status (a date or "YYYY-MM-DD");
                None for today.

        Returns:
            A DataFrame with a RangeIndex; with no records, no rows but the
            columns of their `kind` (no columns where that is unknown).

        Raises:
            ImportError: pandas is not installed; the message names the extra.
            ValueError: *as_of* is a str but not a real "YYYY-MM-DD" day.
        """
        from ._analysis import to_pandas

        return to_pandas(self, as_of, self.kind)

    def to_polars(self, as_of: dt.date | str | None = None) -> pl.DataFrame:
        """
        The records as a polars DataFrame, with the columns of `to_pandas`:
        many-valued fields are ``List(String)``, days ``Date``, numbers
        ``Float64`` (a place's GeoNames id ``Int64``), the rest ``String``.

        Args:
            as_of: The day for countries' status (a date or "YYYY-MM-DD");
                None for today.

        Raises:
            ImportError: polars is not installed; the message names the extra.
        """
        from ._analysis import to_polars

        return to_polars(self, as_of, self.kind)
