"""
The records of the dataset: frozen attrs classes, immutable, slotted,
keyword-only and hashable, whose collections are tuples and frozensets.

Each field validator checks one field and gives a one-line message; the
rules that span records (references, source coverage, membership order)
live in `sco_digital.Dataset.validate`. `field_docs` reads the description
of each field from its record's docstring, for the docs, the JSON Schemas
and the export column docs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ._coerce import as_day, wrong_type
from ._dates import PartialDate
from ._display import displayed
from ._fields import each, fail, follows, frozen_set, instance, optional, strings, tuple_of
from ._keys import quote
from ._rules import (
    ALPHA2,
    ALPHA3,
    DATA_VERSION,
    LANGUAGE,
    NAME,
    SLUG,
    SUBJECT,
    TEXT,
    URL,
)
from ._terms import (
    IdentifierScheme,
    OrganizationKind,
    OrganizationRole,
    ProjectKind,
    ProjectStatus,
    Region,
    Role,
    Sector,
    SourceKind,
    Status,
    Technology,
)

__all__ = [
    "Conflict",
    "Country",
    "CountryName",
    "Identifier",
    "Membership",
    "Organization",
    "OrganizationParticipant",
    "Participant",
    "Project",
    "Source",
    "field_docs",
]

# Made once, not in every call of the validators that use them.
_slug = follows(SLUG)
_alpha2 = follows(ALPHA2)
_alpha3 = follows(ALPHA3)
_language = follows(LANGUAGE)
_url = follows(URL)
_name = follows(NAME)
_prose = follows(TEXT)
_subject = follows(SUBJECT)
_data_version = follows(DATA_VERSION)
_partial_date = instance(PartialDate)


# One converter per element type, so that type checkers see what each
# field's __init__ parameter accepts.
def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple_of(value)


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple_of(value)


def _organization_participants(
    value: Iterable[OrganizationParticipant],
) -> tuple[OrganizationParticipant, ...]:
    return tuple_of(value)


def _identifiers(value: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return tuple_of(value)


def _country_names(value: Iterable[CountryName]) -> tuple[CountryName, ...]:
    return tuple_of(value)


def _technologies(value: Iterable[Technology]) -> frozenset[Technology]:
    return frozen_set(value)


def _sectors(value: Iterable[Sector]) -> frozenset[Sector]:
    return frozen_set(value)


@displayed
@attrs.frozen(kw_only=True)
class Source:
    """
    A publication that records cite.

    Attributes:
        id: Stable slug, e.g. ``"pd-seed-2025-08-29"``.
        title: The headline or page title; None where it could not be seen.
        publisher: The site or outlet that published the page.
        reprint_of: The outlet whose story this page reprints, summarises or
            credits, or None for original reporting. Two sources with the
            same `origin` are not independent.
        kind: What sort of publication it is.
        published: Publication date, as precise as known.
        url: Where it was read.
        language: BCP 47 tag of the page's language ("en", "ru", "zh-Hant").
        archived_url: A stable archived copy, where one exists.
        note: Caveats on reliability or content.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    title: str | None = attrs.field(default=None, validator=optional(_prose))
    publisher: str = attrs.field(validator=_name)
    reprint_of: str | None = attrs.field(default=None, validator=optional(_name))
    kind: SourceKind = attrs.field(validator=instance(SourceKind))
    published: PartialDate | None = attrs.field(default=None, validator=optional(_partial_date))
    url: str = attrs.field(validator=_url)
    language: str = attrs.field(validator=_language)
    archived_url: str | None = attrs.field(default=None, validator=optional(_url))
    note: str | None = attrs.field(default=None, validator=optional(_prose))

    @property
    def origin(self) -> str:
        """The outlet ultimately responsible, `reprint_of` or else `publisher`."""
        return self.reprint_of or self.publisher


def _until_after_since(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    since = inst.since
    if isinstance(since, PartialDate) and value.earliest() <= since.earliest():
        raise fail(field, f"{value} is not after since ({since})")


@displayed
@attrs.frozen(kw_only=True)
class Membership:
    """
    One period of a country's SCO status.

    The period runs from the first day `since` may mean up to, but not
    including, the first day `until` may mean; a status known only to the
    year (``since="2005"``) therefore counts from 1 January.

    Attributes:
        status: The status held.
        since: When it began.
        until: When it ended (the next status usually begins that day), or
            None if it still holds.
        sources: Ids of the sources that support it.
        note: Context: summit, memorandum, disputed dates.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    status: Status = attrs.field(validator=instance(Status))
    since: PartialDate = attrs.field(validator=_partial_date)
    until: PartialDate | None = attrs.field(default=None, validator=_until_after_since)
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))
    note: str | None = attrs.field(default=None, validator=optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=optional(_data_version))

    def holds_on(self, day: dt.date | str) -> bool:
        """
        Whether this status held on *day* (a date, a datetime or
        "YYYY-MM-DD").

        Raises:
            TypeError: *day* is none of these.
        """
        day = as_day(day, "day")
        if day < self.since.earliest():
            return False
        return self.until is None or day < self.until.earliest()


@displayed
@attrs.frozen(kw_only=True)
class CountryName:
    """
    A country's name in one language, as a cited reference gives it.

    Attributes:
        language: BCP 47 tag of the language and, where it has several, the
            script: ``"uz"`` (Latin), ``"uz-Cyrl"``, ``"zh-Hant"``.
        name: The name, as written in that language ("Oʻzbekiston").
        sources: Ids of the sources that give it: the Unicode CLDR for
            names in languages, the UN Statistics Division's M49 table, the
            World Bank and others for the forms statistical publishers use.

    .. versionadded:: 0.2.0
    """

    language: str = attrs.field(validator=_language)
    name: str = attrs.field(validator=_name)
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))


@displayed
@attrs.frozen(kw_only=True)
class Country:
    """
    A country with a status in the SCO, now or in the past.

    Attributes:
        code: ISO 3166-1 alpha-2 code, e.g. ``"UZ"``.
        alpha3: ISO 3166-1 alpha-3 code, e.g. ``"UZB"``.
        name: English short name.
        name_zh: Name in Chinese (simplified).
        name_ru: Name in Russian.
        aliases: Other names it is known by ("Kirgizia", "Türkiye").
        localized_names: Its names in its official languages and the six
            UN languages (from the Unicode CLDR), and the forms statistical
            publishers write ("Egypt, Arab Rep."), each with its language
            and sources; generated by scripts/country_names.py.
        region: UN M49 sub-region.
        memberships: Its statuses, in time order, never overlapping.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *localized_names*.
    """

    code: str = attrs.field(validator=_alpha2)
    alpha3: str = attrs.field(validator=_alpha3)
    name: str = attrs.field(validator=_name)
    name_zh: str = attrs.field(validator=_name)
    name_ru: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=each(_name))
    localized_names: tuple[CountryName, ...] = attrs.field(
        default=(), converter=_country_names, validator=each(instance(CountryName))
    )
    region: Region = attrs.field(validator=instance(Region))
    memberships: tuple[Membership, ...] = attrs.field(
        converter=_memberships, validator=each(instance(Membership), unique=False)
    )

    def status_on(self, day: dt.date | str) -> Status | None:
        """
        The country's status on *day* (a date, a datetime or "YYYY-MM-DD"),
        or None if it had none.

        >>> from datetime import date
        >>> import sco_digital as sd
        >>> sd.load().country("BY").status_on(date(2024, 7, 4))
        <Status.MEMBER: 'member'>
        >>> sd.load().country("BY").status_on("2024-07-03")
        <Status.OBSERVER: 'observer'>

        Raises:
            TypeError: *day* is none of these.
            ValueError: The string is not a real "YYYY-MM-DD" day.
        """
        day = as_day(day, "day")
        for membership in self.memberships:
            if membership.holds_on(day):
                return membership.status
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """
        Every name and code the country can be looked up by, each once: the
        codes, the names in English, Chinese and Russian, the aliases, then
        the localized names.
        """
        every = (self.code, self.alpha3, self.name, self.name_zh, self.name_ru, *self.aliases)
        return tuple(dict.fromkeys((*every, *(n.name for n in self.localized_names))))


def _alpha2_of(country: object) -> str:
    if isinstance(country, Country):
        return country.code
    if not isinstance(country, str):
        raise wrong_type("country", "a Country or its alpha-2 code (a str)", country)
    code = country.upper()
    if not (len(code) == len("KZ") and code.isascii() and code.isalpha()):
        msg = (
            f"country must be a Country or an ISO 3166-1 alpha-2 code such as 'KZ',"
            f" got {quote(country)}; look a name up with Dataset.country() first"
        )
        raise ValueError(msg)
    return code


@displayed
@attrs.frozen(kw_only=True)
class Organization:
    """
    A company, ministry, university or other body that takes part in projects.

    Attributes:
        id: Stable slug.
        name: Its name in English.
        kind: What sort of body it is.
        country: Where it is based (alpha-2 code), or None for
            international bodies.
        aliases: Abbreviations and other names ("CAICT").
        sources: Ids of the sources that name it.
        note: Context.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    kind: OrganizationKind = attrs.field(validator=instance(OrganizationKind))
    country: str | None = attrs.field(default=None, validator=optional(_alpha2))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=each(_name))
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))
    note: str | None = attrs.field(default=None, validator=optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=optional(_data_version))

    @property
    def names(self) -> tuple[str, ...]:
        """
        Every key the organisation can be looked up by: id, name, aliases.

        .. versionadded:: 0.1.0
        """
        return (self.id, self.name, *self.aliases)


@displayed
@attrs.frozen(kw_only=True)
class Participant:
    """
    A country's part in a project.

    Attributes:
        country: Alpha-2 code.
        role: What the country does in the project.

    .. versionadded:: 0.1.0
    """

    country: str = attrs.field(validator=_alpha2)
    role: Role = attrs.field(validator=instance(Role))


@displayed
@attrs.frozen(kw_only=True)
class OrganizationParticipant:
    """
    An organisation's part in a project, recorded only where a cited source
    states it.

    Attributes:
        organization: The organisation's id; it is also listed in the
            project's ``organizations``.
        role: What the organisation does in the project.

    .. versionadded:: 0.1.0
    """

    organization: str = attrs.field(validator=_slug)
    role: OrganizationRole = attrs.field(validator=instance(OrganizationRole))


@displayed
@attrs.frozen(kw_only=True)
class Identifier:
    """
    The identifier another dataset gives a project, to join the two.

    Attributes:
        scheme: The dataset the identifier belongs to.
        id: The identifier as that dataset writes it, e.g. ``"42401"`` for
            an AidData GCDF 3.0 record.

    .. versionadded:: 0.1.0
    """

    scheme: IdentifierScheme = attrs.field(validator=instance(IdentifierScheme))
    id: str = attrs.field(validator=_name)


def _ended_after_started(inst: Any, field: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _partial_date(inst, field, value)
    started = inst.started
    if isinstance(started, PartialDate) and value.latest() < started.earliest():
        raise fail(field, f"{value} is before started ({started})")


@displayed
@attrs.frozen(kw_only=True)
class Project:
    """
    A digital cooperation project, programme, agreement, event or policy.

    Attributes:
        id: Stable slug.
        name: Its usual English name.
        aliases: Other names it goes by.
        summary: What it is, in a few sentences of our own.
        kind: What sort of project it is.
        status: Where it stood at its latest source.
        participants: The countries involved and their roles.
        organizations: Ids of the organisations involved.
        technologies: The technologies it uses or promotes.
        sectors: The sectors it serves.
        location: Where it is, as a place name, or None.
        started: When it began (launch, signature, adoption, opening).
        ended: When it ended, for finished events and projects.
        parent: Id of the umbrella project it belongs to, or None.
        sources: Ids of the sources that support it.
        note: Caveats, disputed details and what the sources leave open.
        reviewed: The data version (CalVer, ``"2026.11.30"``) in which the
            record was last checked field by field against its sources, or
            None if it has not been reviewed yet.
        organization_roles: What organisations do in the project (financier,
            contractor, operator...), only where a cited source states it;
            each is also in ``organizations``. Omitted from the JSON when
            empty.
        identifiers: The identifiers other datasets give the project (AidData
            GCDF 3.0 record ids: one per loan, grant or tranche), so the two
            can be joined. Omitted from the JSON when empty.
        places: Ids of the places where it is (a cable's end and landing
            points, a network's main cities), each named by the project's
            own sources; the main place first. Omitted from the JSON when empty.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *places*.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=each(_name))
    summary: str = attrs.field(validator=_prose)
    kind: ProjectKind = attrs.field(validator=instance(ProjectKind))
    status: ProjectStatus = attrs.field(validator=instance(ProjectStatus))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=each(instance(Participant))
    )
    organizations: tuple[str, ...] = attrs.field(
        default=(), converter=strings, validator=each(_slug)
    )
    technologies: frozenset[Technology] = attrs.field(
        default=frozenset(), converter=_technologies, validator=each(instance(Technology))
    )
    sectors: frozenset[Sector] = attrs.field(
        default=frozenset(), converter=_sectors, validator=each(instance(Sector))
    )
    location: str | None = attrs.field(default=None, validator=optional(_name))
    started: PartialDate | None = attrs.field(default=None, validator=optional(_partial_date))
    ended: PartialDate | None = attrs.field(default=None, validator=_ended_after_started)
    parent: str | None = attrs.field(default=None, validator=optional(_slug))
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))
    note: str | None = attrs.field(default=None, validator=optional(_prose))
    reviewed: str | None = attrs.field(default=None, validator=optional(_data_version))
    organization_roles: tuple[OrganizationParticipant, ...] = attrs.field(
        default=(),
        converter=_organization_participants,
        validator=each(instance(OrganizationParticipant)),
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_identifiers, validator=each(instance(Identifier))
    )
    places: tuple[str, ...] = attrs.field(default=(), converter=strings, validator=each(_slug))

    @property
    def countries(self) -> frozenset[str]:
        """The codes of all participating countries."""
        return frozenset(p.country for p in self.participants)

    def roles_of(self, country: str | Country) -> frozenset[Role]:
        """
        The roles *country* plays here (empty if it takes no part).

        A record knows no other records, so it takes a country as a
        `Country` or its ISO 3166-1 alpha-2 code (in any case), not a name:
        to go from a name, use ``ds.country("Kazakhstan")`` first. A name is
        refused, never silently answered with an empty set.

        >>> import sco_digital as sd
        >>> ds = sd.load()
        >>> project = ds.project("china-kyrgyzstan-uzbekistan-fiber-cable")
        >>> sorted(project.roles_of("kg")) == sorted(project.roles_of(ds.country("Kyrgyzstan")))
        True

        Raises:
            TypeError: *country* is neither a str nor a Country.
            ValueError: *country* is a str but not an alpha-2 code.
        """
        return frozenset(p.role for p in self.participants if p.country == _alpha2_of(country))

    def organization_roles_of(self, organization: str) -> frozenset[OrganizationRole]:
        """
        The roles the organisation with id *organization* plays here, as the
        sources state them; empty where they state none.

        .. versionadded:: 0.1.0
        """
        return frozenset(p.role for p in self.organization_roles if p.organization == organization)


@displayed
@attrs.frozen(kw_only=True)
class Conflict:
    """
    A documented disagreement between sources about a date, a figure or an
    attribution.

    The records keep the best-supported value; the conflict names the
    alternatives and the sources behind each.

    Attributes:
        id: Stable slug.
        topic: A short title ("Belarus membership date").
        summary: What the sources disagree on and how the data resolves it.
        records: The ids (projects, organisations, indicators) and country
            codes of the records concerned.
        sources: Ids of the sources on every side.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=_slug)
    topic: str = attrs.field(validator=_name)
    summary: str = attrs.field(validator=_prose)
    records: tuple[str, ...] = attrs.field(converter=strings, validator=each(_subject))
    sources: tuple[str, ...] = attrs.field(converter=strings, validator=each(_slug))


def field_docs(cls: type) -> dict[str, str]:
    """
    The descriptions of *cls*'s fields, from the ``Attributes:`` section of
    its docstring (Google style), as {field: description}, in the order
    written; each description is joined into one line and kept as written
    (reST quotes, ``None``). The one reader of field descriptions: the docs
    (docs/gen_data.py), the JSON Schemas and the export column docs call it.
    """
    lines = (cls.__doc__ or "").splitlines()
    docs: dict[str, str] = {}
    start = next((i for i, line in enumerate(lines) if line.strip() == "Attributes:"), None)
    if start is None:
        return docs
    indent = len(lines[start]) - len(lines[start].lstrip())
    name = ""
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped:
            continue
        depth = len(line) - len(line.lstrip())
        if depth <= indent:
            break
        match = re.match(r"(\w+): (.*)", stripped)
        if match and depth == indent + 4:
            name = match.group(1)
            docs[name] = match.group(2)
        elif name:
            docs[name] += " " + stripped
    return docs
