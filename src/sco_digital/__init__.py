"""
sco_digital: the digital cooperation of the Shanghai Cooperation
Organisation's countries, as validated, source-cited Python records.

>>> import sco_digital as sd
>>> [p.id for p in sd.by_country("KG")][:2]  # doctest: +NORMALIZE_WHITESPACE
['bishkek-osh-batken-fiber-backbone', 'china-kyrgyzstan-uzbekistan-fiber-cable']

Importing the package reads no file: the data is loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The names below are imported on first use (PEP 562), so that `import
# sco_digital` runs almost nothing: the command line's entry point is
# inside this package, and must be able to catch Ctrl-C while the rest
# loads (see _entry.py).
if TYPE_CHECKING:
    from ._cite import cite
    from ._loader import load
    from .dataset import Dataset, Results
    from .errors import DataError, Problem, SCODigitalError, UnknownKeyError
    from .models import (
        Conflict,
        Country,
        CountryName,
        Identifier,
        IdentifierScheme,
        Indicator,
        Interval,
        Membership,
        Organization,
        OrganizationKind,
        OrganizationParticipant,
        OrganizationRole,
        PartialDate,
        Participant,
        Place,
        Precision,
        Project,
        ProjectKind,
        ProjectStatus,
        Qualifier,
        Region,
        Role,
        Sector,
        Source,
        SourceKind,
        Status,
        Technology,
        TechnologyGroup,
        Unit,
        Vocabulary,
    )

__all__ = [
    "DATA_VERSION",
    "Conflict",
    "Country",
    "CountryName",
    "DataError",
    "Dataset",
    "Identifier",
    "IdentifierScheme",
    "Indicator",
    "Interval",
    "Membership",
    "Organization",
    "OrganizationKind",
    "OrganizationParticipant",
    "OrganizationRole",
    "PartialDate",
    "Participant",
    "Place",
    "Precision",
    "Problem",
    "Project",
    "ProjectKind",
    "ProjectStatus",
    "Qualifier",
    "Region",
    "Results",
    "Role",
    "SCODigitalError",
    "Sector",
    "Source",
    "SourceKind",
    "Status",
    "Technology",
    "TechnologyGroup",
    "Unit",
    "UnknownKeyError",
    "Vocabulary",
    "__version__",
    "by_country",
    "by_technology",
    "cite",
    "load",
]


_HOMES = {
    "cite": "_cite",
    "load": "_loader",
    "Dataset": "dataset",
    "Results": "dataset",
    **dict.fromkeys(("DataError", "Problem", "SCODigitalError", "UnknownKeyError"), "errors"),
}
"""The module of each public name not in models (the others are)."""

_SUBMODULES = ("dataset", "errors", "models")
"""Modules that `import sco_digital` used to import, found as attributes still."""


def by_country(country: str | Country) -> Results[Project]:
    """
    The bundled dataset's projects in which *country* takes part; see
    `Dataset.by_country`.

    .. versionadded:: 0.1.0
    """
    from ._loader import load

    return load().by_country(country)


def by_technology(technology: str | Technology) -> Results[Project]:
    """
    The bundled dataset's projects that use *technology*; see
    `Dataset.by_technology`.

    .. versionadded:: 0.1.0
    """
    from ._loader import load

    return load().by_technology(technology)


if TYPE_CHECKING:
    __version__: str
    DATA_VERSION: str
else:

    def __getattr__(name: str) -> Any:
        # Computed on first access so that `import sco_digital` reads nothing.
        # Hidden from type checkers, which would otherwise accept any name.
        if name == "__version__":
            from ._version import package_version

            return package_version()
        if name == "DATA_VERSION":
            from ._loader import bundled_manifest

            return bundled_manifest().data_version
        if name in __all__:
            from importlib import import_module

            value = getattr(import_module(f".{_HOMES.get(name, 'models')}", __name__), name)
            globals()[name] = value  # once: later lookups find it directly
            return value
        if name in _SUBMODULES:
            from importlib import import_module

            return import_module(f".{name}", __name__)
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
