"""Where records come from: publishers, citations, conflicts: methods of `sco_digital.Dataset`."""

from __future__ import annotations

from . import _coerce
from ._indexes import NO_CONFLICTS as _NO_CONFLICTS
from ._indexes import source_ids as _source_ids
from ._lookups import Lookups
from ._results import Results
from ._vocabulary import suggest as _suggest
from .errors import UnknownKeyError
from .models import (
    Conflict,
    Country,
    Indicator,
    Membership,
    Organization,
    Place,
    Project,
    Source,
)

_Subject = Country | Organization | Project
_CitedRecord = Country | Membership | Organization | Place | Project | Indicator | Conflict


class Provenance(Lookups):
    """Where records come from: publishers, citations, conflicts."""

    __slots__ = ()

    def publishers(self, record: str | _CitedRecord) -> tuple[str, ...]:
        """
        The independent outlets behind *record*'s sources, sorted: a page
        that reprints or summarises another outlet counts as that outlet.
        *record* is a record, its id, or a country in any spelling.

        Args:
            record: A record that cites sources (`Project`, `Organization`,
                `Indicator`, `Conflict`, `Membership`, `Country`), its id, or a
                country in any spelling.

        Returns:
            A tuple of publisher names (str), sorted; ``()`` when none of
            its sources is in this dataset.

        Raises:
            TypeError: *record* is neither a str nor a record that cites
                sources.
            UnknownKeyError: No record has that id or name.
        """
        record = self._cited(record)
        sources = self._index.sources
        return tuple(
            sorted(
                {
                    sources[source_id].origin
                    for source_id in _source_ids(record)
                    if source_id in sources
                }
            )
        )

    def corroboration(self, record: str | _CitedRecord) -> int:
        """
        How many independent outlets support *record* (as in `publishers`);
        1 means a single publisher, however many of its pages are cited.

        Args:
            record: A record, its id or a country, as for `publishers`.

        Returns:
            The number of independent publishers (an int, 0 or more).

        Raises:
            TypeError: *record* is neither a str nor a record that cites
                sources.
            UnknownKeyError: No record has that id or name.
        """
        return len(self.publishers(record))

    def cited_by(self, source_id: str | Source) -> tuple[_CitedRecord, ...]:
        """
        The records that cite the source *source_id* (a country counts when
        one of its memberships does): countries, organisations, projects,
        indicators, then conflicts, each by id.

        Args:
            source_id: A source id, or a `Source`.

        Returns:
            A tuple of records: the `Country` records by code, then
            `Organization`, `Place`, `Project`, `Indicator` and `Conflict` records,
            each by id; ``()`` for a source no record cites.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such source.
        """
        return self._index.cited_by().get(self.source(source_id).id, ())

    def conflicts_for(self, record: str | _Subject | Indicator) -> Results[Conflict]:
        """
        The documented conflicts that concern *record* (a record, its id, or
        a country in any spelling).

        Args:
            record: A `Project`, `Organization`, `Indicator` or `Country`,
                its id, or a country in any spelling.

        Returns:
            A tuple of `Conflict` sorted by id; ``()`` when none concerns it.

        Raises:
            TypeError: *record* is neither a str nor one of these records.
            UnknownKeyError: *record* is not a known record.
        """
        if isinstance(record, Indicator):
            key = record.id
        elif isinstance(record, str) and record in self._index.indicators:
            key = record
        else:
            key = self._subject_key(record, "record")
        return self._index.conflicts_by_record.get(key, _NO_CONFLICTS)

    def disputed(self) -> tuple[Country | Organization | Project | Indicator, ...]:
        """
        Every record named by a documented conflict: countries first (by
        code), then organisations, projects and indicators (by id).

        Returns:
            A tuple of records: `Country` records by code, then
            `Organization`, `Project` and `Indicator` records, each by id.
        """
        index = self._index
        named = index.conflicts_by_record
        return (
            *(c for c in self.countries if c.code in named),
            *(o for o in self.organizations if o.id in named),
            *(p for p in self.projects if p.id in named),
            *(i for i in self.indicators if i.id in named),
        )

    def _cited(self, record: object) -> _CitedRecord:
        if isinstance(record, _CitedRecord):
            return record
        if not isinstance(record, str):
            accepts = "a record that cites sources, or its id or a country's name (a str)"
            raise _coerce.wrong_type("record", accepts, record)
        index = self._index
        for table in (index.projects, index.organizations, index.indicators, index.conflicts):
            found = table.get(record)
            if found is not None:
                return found
        country = self.get_country(record)
        if country is not None:
            return country
        names: dict[str, str] = {
            k: k for k in (*index.projects, *index.organizations, *index.indicators)
        }
        names.update({k: c.name for k, c in index.country_keys.items()})
        raise UnknownKeyError("record", record, _suggest(record, names, str))
