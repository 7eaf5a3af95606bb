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
`_indicator` (the records).
"""

from __future__ import annotations

# The names imported "as" themselves (noqa: PLC0414) are imported from here by
# the package's other modules, scripts and tests, outside the documented
# surface; "import x as x" re-exports them to type checkers.
from ._dates import Interval, PartialDate
from ._fields import FieldError as FieldError  # noqa: PLC0414
from ._indicator import Indicator
from ._keys import APOSTROPHES as APOSTROPHES  # noqa: PLC0414
from ._keys import normalize_key as normalize_key  # noqa: PLC0414
from ._keys import quote as quote  # noqa: PLC0414
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
from ._rules import MAX_NAME as MAX_NAME  # noqa: PLC0414
from ._rules import MAX_TEXT as MAX_TEXT  # noqa: PLC0414
from ._rules import MAX_URL as MAX_URL  # noqa: PLC0414
from ._rules import is_data_version as is_data_version  # noqa: PLC0414
from ._rules import text_problem as text_problem  # noqa: PLC0414
from ._terms import (
    IdentifierScheme,
    OrganizationKind,
    OrganizationRole,
    ProjectKind,
    ProjectStatus,
    Qualifier,
    Region,
    Role,
    Sector,
    SourceKind,
    Status,
    Technology,
    Unit,
)
from ._vocabulary import Vocabulary
from ._vocabulary import suggest as suggest  # noqa: PLC0414
from ._vocabulary import vocabulary_index as vocabulary_index  # noqa: PLC0414

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
    "Unit",
    "Vocabulary",
]
