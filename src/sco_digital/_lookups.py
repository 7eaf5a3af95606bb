"""Finding one record by its key: methods of `sco_digital.Dataset`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar, overload

from . import _coerce
from ._indexes import Index as _Index
from ._keys import normalize_key as _normalize_key
from ._keys import shown_key as _shown_key
from ._vocabulary import suggest as _suggest
from .errors import UnknownKeyError
from .models import (
    Conflict,
    Country,
    Indicator,
    Organization,
    Place,
    Project,
    Source,
)

_T = TypeVar("_T")
_D = TypeVar("_D")
_SCO = "SCO"


_COUNTRY = "a Country or a country's code, name or alias (a str)"
"""What every argument that names a country accepts."""


def _country_name(country: Country) -> str:
    return country.name


def _get(index: Mapping[str, _T], key: object, cls: type[_T], argument: str) -> _T:
    """The record of *index* with the id *key*, or with the id of the record *key*."""
    if isinstance(key, cls):
        key = key.id  # type: ignore[attr-defined]
    if not isinstance(key, str):
        article = "an" if cls.__name__[0] in "AEIOU" else "a"
        raise _coerce.wrong_type(argument, f"{article} {cls.__name__} or its id (a str)", key)
    found = index.get(key)
    if found is None:
        kind = cls.__name__.lower()
        raise UnknownKeyError(kind, key, _suggest(key, {k: k for k in index}, str))
    return found


def named(
    keys: Mapping[str, _T], key: object, cls: type[_T], argument: str, forms: str
) -> _T | None:
    """
    The record of *keys* (ids, then names, then folded names) that *key*, or
    the record *key*'s id, names; None if none. A *key* that is neither a str
    nor a *cls* is a TypeError naming *argument* and the *forms* it takes.
    """
    if isinstance(key, cls):
        key = key.id  # type: ignore[attr-defined]
    if not isinstance(key, str):
        raise _coerce.wrong_type(argument, forms, key)
    return keys.get(key) or keys.get(_normalize_key(key))


_ORGANIZATION_FORMS = "an Organization or its id, name or alias (a str)"


def _org_name(organization: Organization) -> str:
    return organization.name


def _outside_sco(key: object) -> str | None:
    """The English name of the country without an SCO status that *key* names, if any."""
    if not isinstance(key, str):
        return None
    from ._world import outside_sco  # only on the error path

    return outside_sco(key)


class Lookups:
    """Finding one record by its key."""

    __slots__ = ()

    if TYPE_CHECKING:  # the fields of the Dataset these methods are mixed into
        sources: tuple[Source, ...]
        countries: tuple[Country, ...]
        organizations: tuple[Organization, ...]
        projects: tuple[Project, ...]
        indicators: tuple[Indicator, ...]
        conflicts: tuple[Conflict, ...]
        places: tuple[Place, ...]
        _index: _Index

    def country(self, key: str | Country) -> Country:
        """
        The country with this code (alpha-2 or alpha-3), name in English,
        Chinese or Russian, or alias; case, accents and punctuation are
        ignored.

        >>> import sco_digital as sd
        >>> ds = sd.load()
        >>> ds.country("Узбекистан").code
        'UZ'

        A well-known country that has no SCO status is named as such
        instead of being corrected into another country:

        >>> ds.country("USA")  # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        sco_digital.errors.UnknownKeyError: unknown country 'USA': 'USA' (United States)
        is not an SCO member, observer, dialogue partner or partner

        Args:
            key: The country: a `Country`, or its code (alpha-2 or
                alpha-3), name in English, Chinese or Russian, or alias.

        Returns:
            The `Country` (this dataset's record).

        Raises:
            TypeError: *key* is neither a str nor a Country.
            UnknownKeyError: No country matches; the message says so when
                *key* names a country without an SCO status, and otherwise
                suggests the closest names.
        """
        return self._country(key, "key")

    def _country(self, key: object, argument: str) -> Country:
        found = self._find_country(key, argument)
        if found is None:
            outside = _outside_sco(key)
            if outside is not None:
                named = _shown_key(key)
                if _normalize_key(outside) != _normalize_key(key):  # type: ignore[arg-type]
                    named += f" ({outside})"
                note = f"{named} is not an SCO member, observer, dialogue partner or partner"
                raise UnknownKeyError("country", key, note=note)
            raise UnknownKeyError(
                "country", key, _suggest(key, self._index.country_keys, _country_name)
            )
        return found

    @overload
    def get_country(self, key: str | Country) -> Country | None: ...

    @overload
    def get_country(self, key: str | Country, default: _D) -> Country | _D: ...

    def get_country(self, key: str | Country, default: object = None) -> object:
        """
        Like `country`, but return *default* instead of raising
        `UnknownKeyError`.

        Args:
            key: The country, in any form `country` takes.
            default: What to return when no country matches.

        Returns:
            The `Country`, or *default*.

        Raises:
            TypeError: *key* is neither a str nor a Country.
        """
        found = self._find_country(key, "key")
        return default if found is None else found

    def _find_country(self, key: object, argument: str) -> Country | None:
        """The country *key* names, or None; a wrong type names *argument*."""
        keys = self._index.country_keys
        if isinstance(key, Country):
            return keys.get(key.code)
        if not isinstance(key, str):
            raise _coerce.wrong_type(argument, _COUNTRY, key)
        return keys.get(key) or keys.get(_normalize_key(key))

    def project(self, project_id: str | Project) -> Project:
        """
        The project with id *project_id* (or this dataset's record with the
        id of the `Project` given).

        Args:
            project_id: A project id, or a `Project` (its id is looked up).

        Returns:
            This dataset's `Project` with that id.

        Raises:
            TypeError: *project_id* is neither a str nor a Project.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.projects, project_id, Project, "project_id")

    def organization(self, key: str | Organization) -> Organization:
        """
        The organisation with this id, name or alias ("CDB" for China
        Development Bank); case, accents and punctuation are ignored.

        >>> import sco_digital as sd
        >>> sd.load().organization("Ministry of Industry and Information Technology").id
        'miit'

        Args:
            key: An `Organization`, or its id, name or alias.

        Returns:
            This dataset's `Organization`.

        Raises:
            TypeError: *key* is neither a str nor an Organization.
            UnknownKeyError: No organisation matches; the message suggests the
                closest names.
        """
        return self._organization(key, "key")

    @overload
    def get_organization(self, key: str | Organization) -> Organization | None: ...

    @overload
    def get_organization(self, key: str | Organization, default: _D) -> Organization | _D: ...

    def get_organization(self, key: str | Organization, default: object = None) -> object:
        """
        Like `organization`, but return *default* instead of raising
        `UnknownKeyError`.

        Args:
            key: The organisation, in any form `organization` takes.
            default: What to return when no organisation matches.

        Returns:
            The `Organization`, or *default*.

        Raises:
            TypeError: *key* is neither a str nor an Organization.

        .. versionadded:: 0.1.0
        """
        return self._find_organization(key, "key", default)

    def _find_organization(self, key: object, argument: str, default: object) -> object:
        """The organisation *key* names, or *default*; a wrong type names *argument*."""
        found = named(
            self._index.organization_keys, key, Organization, argument, _ORGANIZATION_FORMS
        )
        return default if found is None else found

    def _organization(self, key: object, argument: str) -> Organization:
        """The organisation *key* names; errors name the caller's *argument*."""
        found = self._find_organization(key, argument, None)
        if not isinstance(found, Organization):
            key = key.id if isinstance(key, Organization) else key
            raise UnknownKeyError(
                "organization", key, _suggest(key, self._index.organization_keys, _org_name)
            )
        return found

    def indicator(self, indicator_id: str | Indicator) -> Indicator:
        """
        The indicator with id *indicator_id*.

        Args:
            indicator_id: An indicator id, or an `Indicator` (its id is looked up).

        Returns:
            This dataset's `Indicator` with that id.

        Raises:
            TypeError: *indicator_id* is neither a str nor an Indicator.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.indicators, indicator_id, Indicator, "indicator_id")

    def source(self, source_id: str | Source) -> Source:
        """
        The source with id *source_id*.

        Args:
            source_id: A source id, or a `Source` (its id is looked up).

        Returns:
            This dataset's `Source` with that id.

        Raises:
            TypeError: *source_id* is neither a str nor a Source.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.sources, source_id, Source, "source_id")

    def conflict(self, conflict_id: str | Conflict) -> Conflict:
        """
        The conflict with id *conflict_id*.

        Args:
            conflict_id: A conflict id, or a `Conflict` (its id is looked up).

        Returns:
            This dataset's `Conflict` with that id.

        Raises:
            TypeError: *conflict_id* is neither a str nor a Conflict.
            UnknownKeyError: No such id; the message suggests the closest ids.
        """
        return _get(self._index.conflicts, conflict_id, Conflict, "conflict_id")

    def _subject_key(self, subject: object, argument: str = "subject") -> str:
        index = self._index
        if isinstance(subject, Project | Organization):
            return subject.id
        if isinstance(subject, Country):
            return subject.code
        if not isinstance(subject, str):
            accepts = "a Project, Organization or Country, or its id, code or name (a str)"
            raise _coerce.wrong_type(argument, accepts, subject)
        if subject == _SCO or subject in index.projects or subject in index.organizations:
            return subject
        found = self.get_country(subject)
        if found is not None:
            return found.code
        names: dict[str, str] = {k: k for k in (*index.projects, *index.organizations)}
        names.update({k: c.name for k, c in index.country_keys.items()})
        raise UnknownKeyError(
            "project, organization or country", subject, _suggest(subject, names, str)
        )
