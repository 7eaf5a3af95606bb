"""The figures reported about a subject, as series: methods of `sco_digital.Dataset`."""

from __future__ import annotations

from . import _coerce
from ._indexes import NO_INDICATORS as _NO_INDICATORS
from ._provenance import Provenance
from ._results import Results
from ._vocabulary import suggest as _suggest
from .errors import UnknownKeyError
from .models import (
    Country,
    Indicator,
    Organization,
    Project,
    Unit,
)

_Subject = Country | Organization | Project


def _dated(indicator: Indicator) -> tuple[int, int, int, int]:
    """The sort key of *indicator*'s date (as_of, else its period's end); undated first."""
    when = indicator.as_of or indicator.period_end or indicator.period
    if when is None:
        return (0, 0, 0, 0)
    return (1, when.year, when.month or 0, when.day or 0)


class Figures(Provenance):
    """The figures reported about a subject, as series."""

    __slots__ = ()

    def indicators_for(self, subject: str | _Subject) -> Results[Indicator]:
        """
        The figures reported about *subject*: a project or organisation (or
        its id), a country (any spelling), or ``"SCO"``.

        Args:
            subject: A `Project` or `Organization` (or its id), a country
                (a `Country` or any of its spellings), or ``"SCO"``.

        Returns:
            A tuple of `Indicator` sorted by id; ``()`` when none is about
            *subject*.

        Raises:
            TypeError: *subject* is neither a str nor one of these records.
            UnknownKeyError: *subject* is none of these; the message suggests
                the closest.
        """
        return self._index.indicators_by_subject.get(self._subject_key(subject), _NO_INDICATORS)

    def series(
        self, metric: str, subject: str | _Subject, *, unit: str | Unit | None = None
    ) -> tuple[Indicator, ...]:
        """
        Every figure of *metric* reported about *subject*, oldest first: a
        count as it grew (Luban Workshops, partners, trainees) or a flow
        year by year (trade).

        A figure is dated by `Indicator.as_of`, else by the end of its
        period (`period_end`, else `period`). Dates compare as `PartialDate`
        does: by the first day they may mean, a less precise date first
        ("2025" < "2025-01" < "2025-01-01"). Undated figures come first;
        figures of the same date are kept side by side, ordered by id.

        >>> import sco_digital as sd
        >>> [(str(i.as_of), i.value) for i in sd.load().series(
        ...     "sco_partner_countries", "SCO")]
        [('2025-09-01', 17.0)]

        Args:
            metric: A metric slug, e.g. ``"workshops_in_sco_countries"``.
            subject: A project or organisation (or its id), a country (any
                spelling), or ``"SCO"``.
            unit: Keep only figures in this unit (a `Unit`, or its slug, label
                or alias), for metrics reported in several (trade in USD and
                CNY); None (the default) keeps all.

        Returns:
            A tuple of `Indicator`, oldest first (undated first, then by
            date, then by id); ``()`` when *subject* has no figure of
            *metric* (or none in *unit*).

        Raises:
            TypeError: An argument is of the wrong type.
            UnknownKeyError: *metric* is no indicator's metric, *subject*
                is not a known subject, or *unit* is not a unit.
        """
        key = self._subject_key(subject)
        metrics = self._index.metrics
        metric = _coerce.as_str(metric, "metric", "a metric slug (a str)")
        if metric not in metrics:
            raise UnknownKeyError("metric", metric, _suggest(metric, metrics, str))
        wanted = None if unit is None else Unit.lookup(unit)
        found = [
            i
            for i in self._index.indicators_by_subject.get(key, _NO_INDICATORS)
            if i.metric == metric and (wanted is None or i.unit is wanted)
        ]
        return tuple(sorted(found, key=lambda i: (_dated(i), i.id)))

    def latest(
        self, metric: str, subject: str | _Subject, *, unit: str | Unit | None = None
    ) -> Indicator:
        """
        The newest figure of *metric* reported about *subject*: the last
        date of `series`. Where several sources report figures of that same
        date, the one with the most independent publishers
        (`corroboration`) wins, then the greatest id; `conflicts_for` tells
        whether they disagree.

        >>> import sco_digital as sd
        >>> sd.load().latest("workshops_in_sco_countries", "luban-workshops-sco-network").text
        '10'

        Args:
            metric: A metric slug, as for `series`.
            subject: A project, organisation, country or ``"SCO"``, as for
                `series`.
            unit: Consider only figures in this unit; None (the default)
                considers all.

        Returns:
            One `Indicator`.

        Raises:
            TypeError: An argument is of the wrong type.
            UnknownKeyError: As for `series`, and when *subject* has no
                figure of *metric* (in *unit*); the message suggests the
                metrics it has.
        """
        found = self.series(metric, subject, unit=unit)
        if not found:
            key = self._subject_key(subject)
            own = {
                i.metric: i.metric
                for i in self._index.indicators_by_subject.get(key, _NO_INDICATORS)
            }
            raise UnknownKeyError(f"metric for {key}", metric, _suggest(metric, own, str))
        newest = _dated(found[-1])
        return max(
            (i for i in found if _dated(i) == newest),
            key=lambda i: (self.corroboration(i), i.id),
        )
