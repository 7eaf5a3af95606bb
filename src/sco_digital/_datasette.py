"""
The explorer's database and Datasette metadata, built from the export declarations.

`build` writes the SQLite export (`sco_digital.export.write_sqlite`) and adds
what a reader browsing it needs: on ``projects``, its aliases and the names of
its countries, technologies and sectors as JSON arrays and the starting year,
to see and facet by; a ``terms`` table giving every vocabulary slug its label;
and ``projects_fts``, a full-text index of each project's name, aliases, summary and the names of
its countries in every language the data has. `metadata` gives Datasette the
title, licence, data version, a description of every table and column (those
of `sco_digital.export.TABLES`, which docs/exports.md shows, plus the ones
added here), default facets, sort orders, label columns and the canned
queries. Nothing here imports Datasette; `_serve` runs it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ._about import LICENSE, LICENSE_URL, TITLE
from ._display import source_words
from .dataset import Dataset
from .export import TABLES, Column, write_sqlite
from .models import Source

__all__ = ["DATABASE", "build", "metadata"]

DATABASE = "sco"
"""The database's name in the explorer's addresses (``/sco/projects``): file ``sco.db``."""

EXTRA_COLUMNS: Mapping[str, tuple[Column, ...]] = {
    "projects": (
        Column(
            "aliases",
            "string",
            "Its other names, as a JSON array (explorer only; project_aliases has them too).",
        ),
        Column(
            "countries",
            "string",
            "The English names of the countries taking part, as a JSON array"
            " (explorer only; project_participants has their roles).",
        ),
        Column(
            "technologies",
            "string",
            "The labels of its technologies, as a JSON array (explorer only).",
        ),
        Column("sectors", "string", "The labels of its sectors, as a JSON array (explorer only)."),
        Column(
            "year",
            "integer",
            "The year it began, from started (explorer only).",
            required=False,
        ),
    ),
    "sources": (
        Column(
            "label",
            "string",
            "How the explorer names the source where a record cites it: its title, or where"
            " none was visible, its publisher and date (explorer only).",
        ),
    ),
}
"""The columns the explorer adds to exported tables, by table."""

EXTRA_TABLES: Mapping[str, tuple[str, tuple[Column, ...]]] = {
    "terms": (
        "Every term of the vocabularies the category columns draw from, with its label.",
        (
            Column("vocabulary", "string", "The vocabulary, such as Technology or Sector."),
            Column("term", "string", "The slug the tables hold."),
            Column("label", "string", "The term in words."),
            Column("definition", "string", "What the term means."),
        ),
    ),
    "dataset_info": (
        "Key/value metadata: title, data version, licence, licence URL and the generator.",
        (
            Column("key", "string", "What the value is."),
            Column("value", "string", "The value."),
        ),
    ),
}
"""The tables the explorer's database has beside those of `TABLES`: description, columns."""

FACETS: Mapping[str, tuple[str | dict[str, str], ...]] = {
    "projects": (
        {"array": "countries"},
        {"array": "technologies"},
        {"array": "sectors"},
        "status",
        "kind",
        "year",
    ),
    "countries": ("region",),
    "memberships": ("status", "country"),
    "organizations": ("kind", "country"),
    "project_participants": ("country", "role"),
    "project_organization_roles": ("role",),
    "project_technologies": ("technology",),
    "project_sectors": ("sector",),
    "indicators": ("subject_kind", "unit", "qualifier"),
    "sources": ("kind", "language", "origin"),
    "conflict_records": ("record_kind",),
    "terms": ("vocabulary",),
}
"""Default facets, by table."""

SORT: Mapping[str, tuple[str, str]] = {
    "projects": ("sort_desc", "started"),
    "sources": ("sort_desc", "published"),
    "memberships": ("sort", "valid_from"),
    "indicators": ("sort", "subject"),
}
"""Default sort orders, by table: ``sort`` (ascending) or ``sort_desc``, and the column."""

LABELS: Mapping[str, str] = {
    "countries": "name",
    "organizations": "name",
    "projects": "name",
    "sources": "label",
    "indicators": "label",
    "conflicts": "topic",
}
"""The column that names a row where another table's foreign key shows it."""

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def search_text(text: str) -> str:
    """
    *text* for the full-text index: as it is, then every run of Chinese
    characters again as all its substrings. FTS5's unicode61 tokenizer
    takes a run of Chinese characters (which has no spaces) for one word;
    with the substrings indexed too, a query of any part of a name, even
    two characters, finds it. Other scripts keep unicode61's words,
    folded for case and accents.

    >>> search_text("鲁班工坊 Luban")
    '鲁班工坊 Luban 鲁 鲁班 鲁班工 鲁班工坊 班 班工 班工坊 工 工坊 坊'
    """
    parts = [text]
    for run in _HAN.findall(text):
        parts.extend(run[i:j] for i in range(len(run)) for j in range(i + 1, len(run) + 1))
    return " ".join(parts)


def _project_rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
    """(aliases, countries, technologies, sectors, year, id) for each project."""
    for p in ds.projects:
        names = sorted({ds.country(code).name for code in p.countries})
        yield (
            json.dumps(p.aliases, ensure_ascii=False),
            json.dumps(names, ensure_ascii=False),
            json.dumps(sorted(t.label for t in p.technologies), ensure_ascii=False),
            json.dumps(sorted(s.label for s in p.sectors), ensure_ascii=False),
            None if p.started is None else p.started.year,
            p.id,
        )


def _search_rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
    """(name, aliases, summary, country names, id) for each project, as indexed."""
    for p in ds.projects:
        places = []
        for code in sorted(p.countries):
            country = ds.country(code)
            places.extend(
                [
                    country.name,
                    country.name_zh,
                    country.name_ru,
                    *country.aliases,
                    *(n.name for n in country.localized_names),
                ]
            )
        yield (
            search_text(p.name),
            search_text(" ".join(p.aliases)),
            search_text(p.summary),
            search_text(" ".join(dict.fromkeys(places))),
            p.id,
        )


def _source_label(source: Source) -> str:
    """The source's title, or its publisher and date where no title was visible."""
    return source.title or f"{source_words(source)} (untitled)"


def _terms() -> Iterator[tuple[str, str, str, str]]:
    seen = set()
    for table in TABLES.values():
        for column in table.columns:
            vocabulary = column.vocabulary
            if vocabulary is not None and vocabulary not in seen:
                seen.add(vocabulary)
                for term in vocabulary:
                    yield (vocabulary.__name__, term.value, term.label, term.definition)


def build(ds: Dataset, directory: Path) -> Path:
    """
    Write the explorer's database, ``sco.db``, into *directory* (which
    must not hold one): the SQLite export of *ds* plus the columns, the
    ``terms`` table and the ``projects_fts`` index described above.

    Returns:
        The database's path.

    Raises:
        DataError: *ds* breaks a cross-record rule.
        FileExistsError: *directory* already holds ``sco.db``.
    """
    path = write_sqlite(ds, directory / f"{DATABASE}.db")
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table, columns in EXTRA_COLUMNS.items():
                for column in columns:
                    kind = "INTEGER" if column.type == "integer" else "TEXT"
                    connection.execute(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {kind}')
            connection.executemany(
                "UPDATE projects SET aliases = ?, countries = ?, technologies = ?, sectors = ?,"
                " year = ? WHERE id = ?",
                _project_rows(ds),
            )
            connection.executemany(
                "UPDATE sources SET label = ? WHERE id = ?",
                ((_source_label(source), source.id) for source in ds.sources),
            )
            connection.execute(
                "CREATE TABLE terms (vocabulary TEXT NOT NULL, term TEXT NOT NULL,"
                " label TEXT NOT NULL, definition TEXT NOT NULL,"
                " PRIMARY KEY (vocabulary, term))"
            )
            connection.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", _terms())
            # Its rowid is the project's, as Datasette's search expects (fts_pk);
            # so no VACUUM, which may renumber the rowids of a table keyed by text.
            connection.execute(
                "CREATE VIRTUAL TABLE projects_fts USING fts5(name, aliases, summary,"
                " countries, tokenize = 'unicode61 remove_diacritics 2')"
            )
            connection.executemany(
                "INSERT INTO projects_fts (rowid, name, aliases, summary, countries)"
                " SELECT rowid, ?, ?, ?, ? FROM projects WHERE id = ?",
                _search_rows(ds),
            )
    finally:
        connection.close()
    return path


def _columns(table: str) -> tuple[Column, ...]:
    if table in EXTRA_TABLES:
        return EXTRA_TABLES[table][1]
    return TABLES[table].columns + EXTRA_COLUMNS.get(table, ())


def _table(name: str) -> dict[str, Any]:
    description = EXTRA_TABLES[name][0] if name in EXTRA_TABLES else TABLES[name].description
    entry: dict[str, Any] = {
        "description": description,
        "columns": {column.name: column.description for column in _columns(name)},
    }
    if name in FACETS:
        entry["facets"] = list(FACETS[name])
    if name in SORT:
        order, column = SORT[name]
        entry[order] = column
    if name in LABELS:
        entry["label_column"] = LABELS[name]
    if name == "projects":
        entry["fts_table"] = "projects_fts"
    return entry


def metadata(ds: Dataset) -> dict[str, Any]:
    """
    Datasette's metadata for the database `build` writes from *ds*: the
    site's title, description (with the data version), licence and
    source; per table, its description, column descriptions, facets,
    sort order and label column; and the canned queries.
    """
    version = ds.data_version
    return {
        "title": TITLE,
        "description": (
            f"Data version {version}. Countries with an SCO status, the digital cooperation"
            " projects among them, the organisations involved and the figures reported about"
            f" them: {len(ds.projects)} projects citing {len(ds.sources)} sources."
            " Every record cites its sources; search projects in English, Chinese or Russian."
        ),
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": f"the sco-digital Python package, data version {version}",
        "databases": {
            DATABASE: {
                "description": f"{TITLE}, data version {version}.",
                "tables": {
                    **{name: _table(name) for name in (*TABLES, *EXTRA_TABLES)},
                    "projects_fts": {"hidden": True},
                },
                "queries": queries(),
            }
        },
    }


def _status_order() -> str:
    """A SQL CASE giving each SCO status its place in the vocabulary."""
    from .models import Status

    whens = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(Status))
    return f"CASE m.status {whens} END"


def queries() -> dict[str, dict[str, Any]]:
    """The canned queries, by name: title, description, SQL and parameters."""
    return {
        "members_on_date": {
            "title": "SCO members, observers and partners on a date",
            "description": "Every country with an SCO status on the day (YYYY-MM-DD).",
            "sql": (
                "SELECT m.country, c.name, c.name_zh, c.name_ru, m.status, m.since, m.until\n"
                "FROM memberships AS m JOIN countries AS c ON c.code = m.country\n"
                "WHERE m.valid_from <= :day AND (m.valid_to IS NULL OR :day < m.valid_to)\n"
                f"ORDER BY {_status_order()}, c.name"
            ),
            "params": ["day"],
        },
        "projects_by_country_and_technology": {
            "title": "Projects of a country, by technology",
            "description": (
                "Projects a country takes part in (its code, alpha-3 code or English,"
                " Chinese or Russian name), with one technology (its slug or label, see"
                " the terms table) or, left empty, any."
            ),
            "sql": (
                "SELECT p.id, p.name, group_concat(pp.role, ', ') AS roles, p.technologies,"
                " p.status, p.started\n"
                "FROM projects AS p\n"
                "JOIN project_participants AS pp ON pp.project = p.id\n"
                "JOIN countries AS c ON c.code = pp.country\n"
                "WHERE (upper(:country) IN (c.code, c.alpha3) OR lower(:country) = lower(c.name)"
                " OR :country IN (c.name_zh, c.name_ru))\n"
                "AND (:technology = '' OR p.id IN (\n"
                "  SELECT pt.project FROM project_technologies AS pt\n"
                "  JOIN terms AS t ON t.vocabulary = 'Technology' AND t.term = pt.technology\n"
                "  WHERE lower(:technology) IN (t.term, lower(t.label))))\n"
                "GROUP BY p.id ORDER BY p.id"
            ),
            "params": ["country", "technology"],
        },
        "figures_about_project": {
            "title": "Figures about a project",
            "description": (
                "The figures reported about a project (its id or name), with their"
                " qualifiers, dates and sources: one row per figure and source."
            ),
            "sql": (
                "SELECT i.id, i.label, i.text, i.qualifier, i.value, i.unit, i.period,"
                " i.period_end, i.as_of, s.publisher, s.url\n"
                "FROM indicators AS i\n"
                "JOIN indicator_sources AS x ON x.indicator = i.id\n"
                "JOIN sources AS s ON s.id = x.source\n"
                "WHERE i.subject IN (SELECT id FROM projects"
                " WHERE id = :project OR lower(name) = lower(:project))\n"
                "ORDER BY i.id, x.position"
            ),
            "params": ["project"],
        },
        "records_citing_source": {
            "title": "Records a source supports",
            "description": (
                "Every record citing a source (its id): countries (through a membership"
                " or a name), organisations, projects, indicators, places and conflicts."
            ),
            "sql": (
                "SELECT 'country' AS kind, x.country AS record, c.name,"
                " 'membership: ' || m.status || ' since ' || m.since AS cites_it_for\n"
                "FROM membership_sources AS x JOIN countries AS c ON c.code = x.country\n"
                "JOIN memberships AS m ON m.country = x.country AND m.seq = x.seq\n"
                "WHERE x.source = :source\n"
                "UNION ALL SELECT 'country', x.country, c.name, 'name: ' || n.name\n"
                "FROM country_name_sources AS x JOIN countries AS c ON c.code = x.country\n"
                "JOIN country_names AS n ON n.country = x.country AND n.seq = x.seq\n"
                "WHERE x.source = :source\n"
                "UNION ALL SELECT 'organization', o.id, o.name, NULL FROM organization_sources"
                " AS x JOIN organizations AS o ON o.id = x.organization WHERE x.source = :source\n"
                "UNION ALL SELECT 'project', p.id, p.name, NULL FROM project_sources AS x"
                " JOIN projects AS p ON p.id = x.project WHERE x.source = :source\n"
                "UNION ALL SELECT 'indicator', i.id, i.label, NULL FROM indicator_sources AS x"
                " JOIN indicators AS i ON i.id = x.indicator WHERE x.source = :source\n"
                "UNION ALL SELECT 'place', l.id, l.name, NULL FROM place_sources AS x"
                " JOIN places AS l ON l.id = x.place WHERE x.source = :source\n"
                "UNION ALL SELECT 'conflict', k.id, k.topic, NULL FROM conflict_sources AS x"
                " JOIN conflicts AS k ON k.id = x.conflict WHERE x.source = :source\n"
                "ORDER BY kind, record"
            ),
            "params": ["source"],
        },
        "conflicts": {
            "title": "Conflicts between sources, and what they concern",
            "description": (
                "Documented disagreements between sources and the records each concerns;"
                " give a record (a project, organisation or indicator id, or a country"
                " code) to see only its conflicts, or leave it empty for all."
            ),
            "sql": (
                "SELECT k.id, k.topic, k.summary, r.record_kind, r.record\n"
                "FROM conflicts AS k JOIN conflict_records AS r ON r.conflict = k.id\n"
                "WHERE :record = '' OR k.id IN"
                " (SELECT conflict FROM conflict_records WHERE record = :record)\n"
                "ORDER BY k.id, r.position"
            ),
            "params": ["record"],
        },
        "projects_by_organization": {
            "title": "Projects by organisation",
            "description": (
                "The projects an organisation (its id, name or alias) takes part in, with"
                " its roles where a source states them."
            ),
            "sql": (
                "SELECT o.name AS organization, p.id, p.name, (SELECT group_concat(r.role, ', ')"
                " FROM project_organization_roles AS r"
                " WHERE r.project = p.id AND r.organization = o.id) AS roles,"
                " p.status, p.started\n"
                "FROM organizations AS o\n"
                "JOIN project_organizations AS po ON po.organization = o.id\n"
                "JOIN projects AS p ON p.id = po.project\n"
                "WHERE o.id = :organization OR lower(o.name) = lower(:organization)"
                " OR o.id IN (SELECT organization FROM organization_aliases"
                " WHERE lower(alias) = lower(:organization))\n"
                "ORDER BY p.id"
            ),
            "params": ["organization"],
        },
    }
