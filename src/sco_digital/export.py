"""
Exports: tidy tables of plain values, and the package's own JSON files.

`TABLES` describes every table: one per kind of record plus join tables for
the many-valued fields (participants, technologies, sectors, sources...).
`to_records` gives a table as a list of plain dicts; dates are ISO strings
with a ``*_precision`` column beside each.

Every writer is safe: it writes to temporary files beside the target and
renames them into place, refuses to replace existing files unless
``overwrite=True``, and leaves nothing behind when it fails half way.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import attrs

from .dataset import FILES, Dataset
from .models import PartialDate, Vocabulary

__all__ = ["TABLES", "Column", "Table", "to_records", "write_json"]

DATA_LICENSE = "CC-BY-4.0"
TITLE = "SCO digital cooperation dataset"


@attrs.frozen
class Column:
    """
    One column of an exported table.

    Attributes:
        name: Column name.
        type: ``"string"``, ``"number"``, ``"integer"``, ``"date"`` (ISO
            text of any precision, with a ``*_precision`` column beside it)
            or ``"category"`` (a vocabulary slug).
        description: What it holds.
        required: False when the column may be empty (None).
        vocabulary: For categories, the vocabulary its values come from.
        references: ``"table.column"`` this column points to, if any.

    .. versionadded:: 0.1.0
    """

    name: str
    type: str
    description: str
    required: bool = True
    vocabulary: builtins.type[Vocabulary] | None = None
    references: str | None = None


@attrs.frozen
class Table:
    """
    An exported table: its columns, primary key and rows.

    .. versionadded:: 0.1.0
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Dataset], Iterator[tuple[Any, ...]]] = attrs.field(repr=False)


def _c(name: str, type_: str, description: str, **kw: Any) -> tuple[Column, ...]:
    column = Column(name, type_, description, **kw)
    if type_ != "date":
        return (column,)
    precision = Column(
        f"{name}_precision",
        "category",
        f"Precision of {name}: year, month or day.",
        required=column.required,
    )
    return (column, precision)


def _d(value: PartialDate | None) -> tuple[str | None, str | None]:
    return (None, None) if value is None else (str(value), value.precision)


def _v(term: Vocabulary | None) -> str | None:
    return None if term is None else term.value


def _subject_kind(ds: Dataset, subject: str) -> str:
    if subject == "SCO":
        return "sco"
    if ds.get_country(subject) is not None and subject.isupper():
        return "country"
    return "project" if subject in ds._index.projects else "organization"  # noqa: SLF001


def _source_rows(kind: str) -> Callable[[Dataset], Iterator[tuple[Any, ...]]]:
    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for record in getattr(ds, kind):
            for position, source in enumerate(record.sources, 1):
                yield (record.id, source, position)

    return rows


def _source_table(kind: str, owner: str, description: str) -> Table:
    return Table(
        f"{owner}_sources",
        f"The sources each {description} cites, in the order given.",
        (
            *_c(owner, "string", f"The {description}'s id.", references=f"{kind}.id"),
            *_c("source", "string", "The source's id.", references="sources.id"),
            *_c("position", "integer", "1 for the first source cited, and so on."),
        ),
        (owner, "source"),
        _source_rows(kind),
    )


def _alias_table(kind: str, owner: str, key: str) -> Table:
    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for record in getattr(ds, kind):
            for alias in record.aliases:
                yield (getattr(record, key), alias)

    return Table(
        f"{owner}_aliases",
        f"Other names of each {owner.replace('_', ' ')}.",
        (
            *_c(owner, "string", f"The {owner}'s {key}.", references=f"{kind}.{key}"),
            *_c("alias", "string", "Another name it is known by."),
        ),
        (owner, "alias"),
        rows,
    )


def _set_table(field: str, single: str, vocabulary: type[Vocabulary], description: str) -> Table:

    def rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for project in ds.projects:
            for term in sorted(getattr(project, field)):
                yield (project.id, term.value)

    return Table(
        f"project_{field}",
        description,
        (
            *_c("project", "string", "The project's id.", references="projects.id"),
            *_c(single, "category", f"A {vocabulary.__name__} slug.", vocabulary=vocabulary),
        ),
        ("project", single),
        rows,
    )


def _build_tables() -> tuple[Table, ...]:  # noqa: C901 - a declarative list of tables
    from .models import (
        OrganizationKind,
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

    def sources(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for s in ds.sources:
            yield (
                s.id,
                s.title,
                s.publisher,
                s.reprint_of,
                s.origin,
                s.kind.value,
                *_d(s.published),
                s.url,
                s.language,
                s.archived_url,
                s.note,
            )

    def countries(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            yield (c.code, c.alpha3, c.name, c.name_zh, c.name_ru, c.region.value)

    def memberships(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, m in enumerate(c.memberships, 1):
                yield (c.code, seq, m.status.value, *_d(m.since), *_d(m.until), m.note)

    def membership_sources(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.countries:
            for seq, m in enumerate(c.memberships, 1):
                for position, source in enumerate(m.sources, 1):
                    yield (c.code, seq, source, position)

    def organizations(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for o in ds.organizations:
            yield (o.id, o.name, o.kind.value, o.country, o.note)

    def projects(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            yield (
                p.id,
                p.name,
                p.summary,
                p.kind.value,
                p.status.value,
                p.location,
                *_d(p.started),
                *_d(p.ended),
                p.parent,
                p.note,
            )

    def participants(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for part in p.participants:
                yield (p.id, part.country, part.role.value)

    def project_organizations(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for p in ds.projects:
            for position, org in enumerate(p.organizations, 1):
                yield (p.id, org, position)

    def indicators(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for i in ds.indicators:
            yield (
                i.id,
                i.subject,
                _subject_kind(ds, i.subject),
                i.metric,
                i.label,
                i.value,
                i.unit.value,
                i.qualifier.value,
                *_d(i.period),
                *_d(i.period_end),
                *_d(i.as_of),
                i.text,
                i.note,
            )

    def conflicts(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.conflicts:
            yield (c.id, c.topic, c.summary)

    def conflict_records(ds: Dataset) -> Iterator[tuple[Any, ...]]:
        for c in ds.conflicts:
            for record in c.records:
                yield (c.id, record)

    optional = {"required": False}
    return (
        Table(
            "sources",
            "Publications cited by the records.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("title", "string", "Headline or page title.", **optional),
                *_c("publisher", "string", "The site or outlet that published the page."),
                *_c(
                    "reprint_of",
                    "string",
                    "The outlet whose story the page reprints or summarises.",
                    **optional,
                ),
                *_c(
                    "origin", "string", "reprint_of if set, else publisher: the independent outlet."
                ),
                *_c("kind", "category", "What sort of publication it is.", vocabulary=SourceKind),
                *_c("published", "date", "Publication date.", **optional),
                *_c("url", "string", "Where it was read."),
                *_c("language", "string", "BCP 47 language tag."),
                *_c("archived_url", "string", "An archived copy.", **optional),
                *_c("note", "string", "Caveats.", **optional),
            ),
            ("id",),
            sources,
        ),
        Table(
            "countries",
            "Countries with an SCO status, now or in the past.",
            (
                *_c("code", "string", "ISO 3166-1 alpha-2 code."),
                *_c("alpha3", "string", "ISO 3166-1 alpha-3 code."),
                *_c("name", "string", "English short name."),
                *_c("name_zh", "string", "Name in Chinese."),
                *_c("name_ru", "string", "Name in Russian."),
                *_c("region", "category", "UN M49 sub-region.", vocabulary=Region),
            ),
            ("code",),
            countries,
        ),
        _alias_table("countries", "country", "code"),
        Table(
            "memberships",
            "Each period of a country's SCO status, in time order.",
            (
                *_c("country", "string", "Alpha-2 code.", references="countries.code"),
                *_c("seq", "integer", "1 for the country's first status, and so on."),
                *_c("status", "category", "The status held.", vocabulary=Status),
                *_c("since", "date", "When it began."),
                *_c("until", "date", "When it ended; empty while it holds.", **optional),
                *_c("note", "string", "Context.", **optional),
            ),
            ("country", "seq"),
            memberships,
        ),
        Table(
            "membership_sources",
            "The sources each membership cites.",
            (
                *_c("country", "string", "Alpha-2 code.", references="memberships.country"),
                *_c("seq", "integer", "The membership's seq.", references="memberships.seq"),
                *_c("source", "string", "The source's id.", references="sources.id"),
                *_c("position", "integer", "1 for the first source cited, and so on."),
            ),
            ("country", "seq", "source"),
            membership_sources,
        ),
        Table(
            "organizations",
            "Companies, ministries, universities and other bodies.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("name", "string", "English name."),
                *_c("kind", "category", "What sort of body it is.", vocabulary=OrganizationKind),
                *_c(
                    "country",
                    "string",
                    "Where it is based; empty for international bodies.",
                    references="countries.code",
                    **optional,
                ),
                *_c("note", "string", "Context.", **optional),
            ),
            ("id",),
            organizations,
        ),
        _alias_table("organizations", "organization", "id"),
        _source_table("organizations", "organization", "organisation"),
        Table(
            "projects",
            "Projects, programmes, agreements, events and policies.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("name", "string", "Usual English name."),
                *_c("summary", "string", "What it is."),
                *_c("kind", "category", "What sort of project it is.", vocabulary=ProjectKind),
                *_c(
                    "status",
                    "category",
                    "Where it stood at its latest source.",
                    vocabulary=ProjectStatus,
                ),
                *_c("location", "string", "Place name.", **optional),
                *_c("started", "date", "When it began.", **optional),
                *_c("ended", "date", "When it ended.", **optional),
                *_c("parent", "string", "Umbrella project.", references="projects.id", **optional),
                *_c("note", "string", "Caveats.", **optional),
            ),
            ("id",),
            projects,
        ),
        _alias_table("projects", "project", "id"),
        Table(
            "project_participants",
            "The countries taking part in each project, with their roles.",
            (
                *_c("project", "string", "The project's id.", references="projects.id"),
                *_c("country", "string", "Alpha-2 code.", references="countries.code"),
                *_c("role", "category", "The country's part.", vocabulary=Role),
            ),
            ("project", "country", "role"),
            participants,
        ),
        Table(
            "project_organizations",
            "The organisations involved in each project.",
            (
                *_c("project", "string", "The project's id.", references="projects.id"),
                *_c(
                    "organization",
                    "string",
                    "The organisation's id.",
                    references="organizations.id",
                ),
                *_c("position", "integer", "Order of listing."),
            ),
            ("project", "organization"),
            project_organizations,
        ),
        _set_table(
            "technologies",
            "technology",
            Technology,
            "The technologies each project uses or promotes.",
        ),
        _set_table("sectors", "sector", Sector, "The sectors each project serves."),
        _source_table("projects", "project", "project"),
        Table(
            "indicators",
            "Figures reported about projects, countries, organisations and the SCO.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("subject", "string", "A project or organisation id, a country code, or SCO."),
                *_c("subject_kind", "category", "project, organization, country or sco."),
                *_c("metric", "string", "What is measured (snake_case)."),
                *_c("label", "string", "The metric in words."),
                *_c("value", "number", "The number as reported, in whole units."),
                *_c("unit", "category", "Unit of value.", vocabulary=Unit),
                *_c(
                    "qualifier",
                    "category",
                    "How the true value relates to value.",
                    vocabulary=Qualifier,
                ),
                *_c("period", "date", "The time the figure covers.", **optional),
                *_c("period_end", "date", "The end of a period spanning several.", **optional),
                *_c("as_of", "date", "When a running total was counted.", **optional),
                *_c("text", "string", "The figure in words, e.g. 'more than 300 people'."),
                *_c("note", "string", "Caveats.", **optional),
            ),
            ("id",),
            indicators,
        ),
        _source_table("indicators", "indicator", "indicator"),
        Table(
            "conflicts",
            "Documented disagreements between sources.",
            (
                *_c("id", "string", "Stable slug."),
                *_c("topic", "string", "Short title."),
                *_c("summary", "string", "What the sources disagree on and what the data keeps."),
            ),
            ("id",),
            conflicts,
        ),
        Table(
            "conflict_records",
            "The records each conflict concerns.",
            (
                *_c("conflict", "string", "The conflict's id.", references="conflicts.id"),
                *_c(
                    "record",
                    "string",
                    "A project, organisation or indicator id, or a country code.",
                ),
            ),
            ("conflict", "record"),
            conflict_records,
        ),
        _source_table("conflicts", "conflict", "conflict"),
    )


TABLES: dict[str, Table] = {table.name: table for table in _build_tables()}
"""Every exported table, by name, in a stable order."""


def to_records(ds: Dataset, table: str) -> list[dict[str, Any]]:
    """
    The table *table* (see `TABLES`) of *ds* as a list of plain dicts.

    >>> import sco_digital as sd
    >>> from sco_digital.export import to_records
    >>> to_records(sd.load(), "countries")[0]["code"]
    'AE'

    Raises:
        UnknownKeyError: No table has that name.

    .. versionadded:: 0.1.0
    """
    spec = _table(table)
    names = [c.name for c in spec.columns]
    return [dict(zip(names, row, strict=True)) for row in spec.rows(ds)]


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except (KeyError, TypeError):
        from .errors import UnknownKeyError
        from .models import suggest

        raise UnknownKeyError("table", name, suggest(name, TABLES, lambda t: t.name)) from None


def manifest(ds: Dataset) -> dict[str, Any]:
    """The manifest.json content for *ds*."""
    version = ds.data_version or dt.date.today().strftime("%Y.%m.%d")  # noqa: DTZ011
    return {
        "name": "sco-digital",
        "title": TITLE,
        "data_version": version,
        "license": DATA_LICENSE,
        "counts": {
            name.removesuffix(".json"): len(getattr(ds, name.removesuffix(".json")))
            for name in sorted(FILES.values())
        },
    }


def json_files(ds: Dataset) -> dict[str, str]:
    """The text of every data file of *ds*, by file name, in canonical form."""
    from ._serialize import dumps, unstructure

    files = {
        name: dumps(unstructure(list(getattr(ds, name.removesuffix(".json")))))
        for name in FILES.values()
    }
    files["manifest.json"] = dumps(manifest(ds))
    return files


def write_json(ds: Dataset, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """
    Write *ds* as the package's data files, so that ``load(directory)``
    reads back an equal Dataset.

    Args:
        ds: The dataset to write.
        directory: Created if missing.
        overwrite: Replace files of the same names that already exist.

    Returns:
        The directory.

    Raises:
        FileExistsError: A file would be replaced and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    files = json_files(ds)
    target = Path(directory)
    with _staging(target, list(files), overwrite=overwrite) as stage:
        for name, text in files.items():
            (stage / name).write_text(text, encoding="utf-8", newline="\n")
    return target


@contextmanager
def _staging(target: Path, names: list[str], *, overwrite: bool) -> Iterator[Path]:
    """
    Yield an empty temporary directory beside the directory *target*; when
    the block ends without error, move *names* from it into *target*
    (created if need be). On error, or if a file exists and *overwrite* is
    false, nothing is left behind: files already moved are taken back and
    the files they replaced restored.
    """
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a directory")
    if not overwrite:
        _refuse_existing([target / name for name in names])
    created = _make_parents(target.resolve().parent)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.resolve().parent))
    made_target = False
    moved: list[tuple[Path, Path | None]] = []  # each file put in place, and what it replaced
    try:
        yield stage
        if not target.exists():
            target.mkdir()
            made_target = True
        _move_in(stage, target, names, overwrite=overwrite, moved=moved)
    except BaseException:
        _take_back(moved)
        if made_target:
            with suppress(OSError):
                target.rmdir()
        shutil.rmtree(stage, ignore_errors=True)
        _remove_empty(created)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _move_in(
    stage: Path,
    target: Path,
    names: list[str],
    *,
    overwrite: bool,
    moved: list[tuple[Path, Path | None]],
) -> None:
    """Move *names* from *stage* into *target*; note each, and a copy of what it replaced."""
    originals = Path(tempfile.mkdtemp(prefix=".originals-", dir=stage))
    for name in names:
        destination = target / name
        original = None
        if destination.exists():
            if not overwrite:  # appeared meanwhile
                _refuse_existing([destination])
            original = originals / name
            _keep(destination, original)
        (stage / name).replace(destination)
        moved.append((destination, original))


def _take_back(moved: list[tuple[Path, Path | None]]) -> None:
    """Undo `_move_in`: remove the files it moved, restore those they replaced."""
    for destination, original in reversed(moved):
        with suppress(OSError):  # best effort; the first error is the one to report
            if original is None:
                destination.unlink()
            else:
                original.replace(destination)


def _keep(file: Path, copy: Path) -> None:
    """Keep *file*'s content as *copy*: a hard link where the file system allows."""
    try:
        os.link(file, copy)
    except OSError:
        shutil.copy2(file, copy)


def write_file(
    path: str | os.PathLike[str], write: Callable[[Path], None], *, overwrite: bool = False
) -> Path:
    """
    Create the file *path* by calling *write* with a temporary path beside
    it, then renaming that into place; the guarantees of `write_json` hold.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a directory")
    if not overwrite:
        _refuse_existing([target])
    created = _make_parents(target.resolve().parent)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.resolve().parent))
    try:
        write(stage / target.name)
        if not overwrite:
            _refuse_existing([target])  # appeared meanwhile
        (stage / target.name).replace(target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        _remove_empty(created)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return target


def _make_parents(directory: Path) -> list[Path]:
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    directory.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(directories: list[Path]) -> None:
    for directory in directories:  # deepest first
        try:
            directory.rmdir()
        except OSError:
            return


def _refuse_existing(paths: list[Path]) -> None:
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        listed = ", ".join(existing[:3]) + (" ..." if len(existing) > 3 else "")
        raise FileExistsError(f"refusing to overwrite {listed}; pass overwrite=True (or --force)")
