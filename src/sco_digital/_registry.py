"""
The record files and the vocabularies, listed once.

Everything that walks the data files (the loader, the manifest's counts, the
exports, the schemas, the docs generators, the command line) iterates
`RECORD_FILES`; everything that walks the vocabularies iterates
`VOCABULARIES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .models import (
    Conflict,
    Country,
    IdentifierScheme,
    Indicator,
    Organization,
    OrganizationKind,
    OrganizationRole,
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

__all__ = ["COUNTS", "FILES", "MANIFEST", "RECORD_FILES", "VOCABULARIES", "RecordFile"]


@attrs.frozen
class RecordFile:
    """
    One data file of records.

    Attributes:
        file: The file's name in the data directory (``"projects.json"``).
        table: The `Dataset` field holding its records, which is also the
            manifest's key for their count (``"projects"``).
        record: The record type of each item (`Project`).
        key: The field that identifies a record (``"id"``; ``"code"`` for countries).
    """

    file: str
    table: str
    record: type
    key: str = "id"


RECORD_FILES: tuple[RecordFile, ...] = (
    RecordFile("sources.json", "sources", Source),
    RecordFile("countries.json", "countries", Country, key="code"),
    RecordFile("organizations.json", "organizations", Organization),
    RecordFile("places.json", "places", Place),
    RecordFile("projects.json", "projects", Project),
    RecordFile("indicators.json", "indicators", Indicator),
    RecordFile("conflicts.json", "conflicts", Conflict),
)
"""The record files, in the order they are read: records cited come before records citing them."""

MANIFEST = "manifest.json"
"""The file that names the dataset, its data version and the count of each record file."""

COUNTS: type = attrs.make_class(
    "Counts",
    {f.table: attrs.field(type=int) for f in sorted(RECORD_FILES, key=lambda f: f.table)},
    frozen=True,
)
"""The manifest's ``counts`` object: one integer per record file, named by its table."""

FILES: Mapping[type, str] = MappingProxyType({f.record: f.file for f in RECORD_FILES})
"""The data file each kind of record lives in."""

VOCABULARIES: tuple[type[Vocabulary], ...] = (
    Status,
    Region,
    Technology,
    TechnologyGroup,
    Sector,
    ProjectKind,
    ProjectStatus,
    Role,
    OrganizationRole,
    OrganizationKind,
    Qualifier,
    Unit,
    SourceKind,
    IdentifierScheme,
    Precision,
)
"""Every vocabulary, in the order docs/data.md documents them."""
