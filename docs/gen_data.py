"""
Generate the reference sections of ``docs/data.md`` from the records, their
vocabularies and the bundled data, so that the data dictionary and the
coverage tables cannot drift from the data.

The page keeps its prose by hand; each generated section sits between
``<!-- generated: NAME -->`` and ``<!-- end generated: NAME -->`` and is
replaced whole. Run::

    python docs/gen_data.py docs/data.md          # rewrite the sections
    python docs/gen_data.py --check docs/data.md  # exit 1 if out of date

A tool for maintainers, like docs/gen_exports.py; not part of the package.
"""

from __future__ import annotations

import argparse
import re
import sys
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from sco_digital import load, models
from sco_digital._records import field_docs
from sco_digital._registry import MANIFEST, RECORD_FILES, VOCABULARIES
from sco_digital.dataset import Dataset
from sco_digital.models import (
    Country,
    Identifier,
    Indicator,
    Membership,
    Organization,
    OrganizationParticipant,
    PartialDate,
    Participant,
    Project,
    ProjectKind,
    ProjectStatus,
    Role,
    Sector,
    Technology,
    Vocabulary,
)

__all__ = ["SECTIONS", "main", "render"]

_V = TypeVar("_V", bound=Vocabulary)


_NESTED: dict[type, tuple[type, ...]] = {
    Country: (Membership,),
    Project: (Participant, OrganizationParticipant, Identifier),
}
_MARKER = re.compile(
    r"<!-- generated: (?P<name>[a-z-]+) -->\n.*?<!-- end generated: (?P=name) -->", re.DOTALL
)


def _cell(text: object) -> str:
    """Text made safe for one cell of a Markdown table."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


# -- the data dictionary -------------------------------------------------------------------


def attribute_docs(cls: type) -> dict[str, str]:
    """*cls*'s field descriptions (`field_docs`), as Markdown about JSON (None is null)."""
    return {
        key: re.sub(r"\bNone\b", "null", value.replace("``", "`"))
        for key, value in field_docs(cls).items()
    }


def json_type(annotation: Any) -> str:  # noqa: PLR0911 - one answer per kind of type
    """How a field of type *annotation* is written in the JSON files."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        return f"{json_type(inner)} or null"
    if origin is tuple:
        return f"array of {_plural(args[0])}"
    if origin is frozenset:
        return f"array of {_plural(args[0])} (a set, written sorted)"
    if annotation is str:
        return "string"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if annotation is PartialDate:
        return "date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"
    if isinstance(annotation, type) and issubclass(annotation, Vocabulary):
        return f"`{annotation.__name__}` slug"
    if attrs.has(annotation):
        return f"`{annotation.__name__}` object"
    msg = f"no JSON type known for {annotation!r}"
    raise TypeError(msg)


def _plural(annotation: Any) -> str:
    if annotation is str:
        return "strings"
    return json_type(annotation) + "s"


def _fields_table(cls: type) -> str:
    hints = typing.get_type_hints(cls, vars(models))
    docs = attribute_docs(cls)
    rows = []
    for field in attrs.fields(cls):
        if field.name not in docs:
            msg = f"{cls.__name__}.{field.name} is not described in its docstring"
            raise ValueError(msg)
        required = "yes" if field.default is attrs.NOTHING else "no"
        rows.append((f"`{field.name}`", json_type(hints[field.name]), required, docs[field.name]))
    return _table(("Field", "Type", "Required", "Meaning"), rows)


def _summary(cls: type) -> str:
    return " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())


def fields_section(_: Dataset) -> str:
    """One table of fields per record type, nested objects after their owner."""
    parts: list[str] = []
    for entry in RECORD_FILES:
        cls = entry.record
        parts += [
            f"### `{entry.file}`: `{cls.__name__}`",
            "",
            _summary(cls),
            "",
            _fields_table(cls),
            "",
        ]
        for nested in _NESTED.get(cls, ()):
            parts += [
                f"#### `{nested.__name__}`",
                "",
                _summary(nested),
                "",
                _fields_table(nested),
                "",
            ]
    return "\n".join(parts).rstrip()


def vocabularies_section(_: Dataset) -> str:
    """Every term of every vocabulary: slug, label, definition and aliases."""
    parts: list[str] = []
    for vocabulary in VOCABULARIES:
        rows = [
            (
                f"`{term.value}`",
                term.label,
                term.definition,
                ", ".join(f"`{alias}`" for alias in term.aliases),
                *([f"`{term.group.value}`"] if isinstance(term, Technology) else []),
            )
            for term in vocabulary
        ]
        head = ("Slug", "Label", "Definition", "Aliases")
        parts += [
            f"### `{vocabulary.__name__}`",
            "",
            _summary(vocabulary),
            "",
            _table((*head, "Group") if vocabulary is Technology else head, rows),
            "",
        ]
    return "\n".join(parts).rstrip()


def files_section(ds: Dataset) -> str:
    """The data files, what they hold and how many records."""
    rows = [
        (f"`{entry.file}`", f"`{entry.record.__name__}`", len(getattr(ds, entry.table)))
        for entry in RECORD_FILES
    ]
    rows.append((f"`{MANIFEST}`", "data version, licence and record counts", 1))
    return _table(("File", "Records", "Count"), rows)


# -- coverage ------------------------------------------------------------------------------------


def _count_table(title: str, terms: Iterable[_V], count: Callable[[_V], int]) -> str:
    rows = [(term.label, f"`{term.value}`", count(term)) for term in terms]
    return _table((title, "Slug", "Projects"), rows)


def countries_section(ds: Dataset) -> str:
    """Projects per country, in any role and as host, with the latest status."""
    rows = []
    for country in ds.countries:
        projects = ds.by_country(country.code)
        hosted = sum(1 for p in projects if Role.HOST in p.roles_of(country.code))
        latest = country.memberships[-1].status.label if country.memberships else ""
        rows.append((f"`{country.code}`", country.name, latest, len(projects), hosted))
    return _table(("Code", "Country", "Latest status", "Projects", "As host"), rows)


def technologies_section(ds: Dataset) -> str:
    """Projects per technology."""
    return _count_table("Technology", Technology, lambda t: len(ds.by_technology(t)))


def sectors_section(ds: Dataset) -> str:
    """Projects per sector."""
    return _count_table("Sector", Sector, lambda s: len(ds.by_sector(s)))


def years_section(ds: Dataset) -> str:
    """Projects per year of their start, and those with no start date."""
    years = Counter(p.started.year if p.started else None for p in ds.projects)
    rows: list[tuple[object, ...]] = [
        (year, years[year]) for year in sorted(y for y in years if y is not None)
    ]
    rows.append(("no start date", years[None]))
    return _table(("Year started", "Projects"), rows)


def kinds_section(ds: Dataset) -> str:
    """Projects per kind and per status."""
    kinds = Counter(p.kind for p in ds.projects)
    statuses = Counter(p.status for p in ds.projects)
    return "\n\n".join(
        (
            _count_table("Kind", ProjectKind, lambda k: kinds[k]),
            _count_table("Status", ProjectStatus, lambda s: statuses[s]),
        )
    )


def conflicts_section(ds: Dataset) -> str:
    """Every documented conflict and the records it concerns."""
    rows = [
        (f"`{c.id}`", c.topic, ", ".join(f"`{key}`" for key in c.records)) for c in ds.conflicts
    ]
    return _table(("Conflict", "Topic", "Records"), rows)


def corroboration_section(ds: Dataset) -> str:
    """Records by the number of independent outlets behind them."""
    tables: tuple[tuple[str, Sequence[Organization | Project | Indicator]], ...] = (
        ("Projects", ds.projects),
        ("Organisations", ds.organizations),
        ("Indicators", ds.indicators),
    )
    rows = []
    for title, records in tables:
        counts = Counter(min(ds.corroboration(r), 4) for r in records)
        rows.append((title, counts[1], counts[2], counts[3], counts[4], len(records)))
    return _table(("Records", "1 outlet", "2", "3", "4 or more", "All"), rows)


SECTIONS: dict[str, Callable[[Dataset], str]] = {
    "files": files_section,
    "fields": fields_section,
    "vocabularies": vocabularies_section,
    "conflicts": conflicts_section,
    "corroboration": corroboration_section,
    "coverage-countries": countries_section,
    "coverage-technologies": technologies_section,
    "coverage-sectors": sectors_section,
    "coverage-years": years_section,
    "coverage-kinds": kinds_section,
}
"""Each generated section of the page, by the name its markers use."""


def render(text: str, ds: Dataset | None = None) -> str:
    """
    *text* with every generated section rebuilt from *ds* (default: the
    bundled data).

    Raises:
        ValueError: A section is missing from *text*, appears twice, or has
            a name no generator knows.
    """
    ds = load() if ds is None else ds
    found = [m.group("name") for m in _MARKER.finditer(text)]
    unknown = sorted(set(found) - set(SECTIONS))
    missing = sorted(set(SECTIONS) - set(found))
    repeated = sorted({name for name in found if found.count(name) > 1})
    if unknown or missing or repeated:
        msg = f"generated sections: unknown {unknown}, missing {missing}, repeated {repeated}"
        raise ValueError(msg)

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        body = SECTIONS[name](ds)
        return f"<!-- generated: {name} -->\n\n{body}\n\n<!-- end generated: {name} -->"

    return _MARKER.sub(fill, text)


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the page's generated sections, or with ``--check`` only compare them."""
    parser = argparse.ArgumentParser(
        prog="python docs/gen_data.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("page", nargs="?", default="docs/data.md", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date")
    args = parser.parse_args(argv)
    page: Path = args.page
    text = page.read_text(encoding="utf-8")
    try:
        fresh = render(text)
    except ValueError as exc:
        sys.stderr.write(f"{page}: {exc}\n")
        return 1
    if fresh == text:
        return 0
    if args.check:
        sys.stderr.write(f"{page} is out of date; run python docs/gen_data.py {page}\n")
        return 1
    page.write_text(fresh, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
