"""
The records of the dataset: frozen attrs classes, their vocabularies and
`PartialDate`.

Records are immutable, slotted, keyword-only and hashable; their collections
are tuples and frozensets. Each field validator checks one field and gives a
one-line message; the rules that span records (references, source coverage,
membership order) live in `sco_digital.Dataset.validate`.

This module gathers the names users import; the code lives in `_keys` (lookup
keys), `_rules` (text rules), `_fields` (field validators), `_vocabulary` and
`_terms` (vocabularies), `_dates` (`PartialDate`, `Interval`), `_records` and
`_indicator` and `_place` (the records).
"""

from __future__ import annotations

from ._dates import Interval, PartialDate
from ._indicator import Indicator
from ._place import Place
from ._records import (
    Conflict,
    Country,
    CountryName,
    Identifier,
    Membership,
    Organization,
    OrganizationParticipant,
    Participant,
    Project,
    Source,
)
from ._terms import (
    IdentifierScheme,
    OrganizationKind,
    OrganizationRole,
    Precision,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    SourceKind,
    Status,
    Technology,
    TechnologyGroup,
    Unit,
)
from ._vocabulary import Vocabulary

__all__ = [
    "Conflict",
    "Country",
    "CountryName",
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
    "Project",
    "ProjectKind",
    "ProjectStatus",
    "Qualifier",
    "Region",
    "Role",
    "Sector",
    "Source",
    "SourceKind",
    "Status",
    "Technology",
    "TechnologyGroup",
    "Unit",
    "Vocabulary",
]
