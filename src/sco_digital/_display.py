"""
How records, query results and the Dataset show themselves: an HTML card or
table in a notebook (``_repr_html_``), readable lines in IPython
(``_repr_pretty_``), and the columns of the command line's tables.

`displayed` gives the records, `Results` and `Dataset` IPython's display
hooks; this module imports nothing else of the package at module level, so
the record modules can use it. The rest is imported when something is
shown. Sources are linked through the bundled dataset (a record holds only
its sources' ids): an id the bundled data does not know is shown unlinked.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, TypeVar

import attrs

__all__ = ["ViewColumn", "displayed", "record_text", "source_words", "to_html", "to_text", "view"]

_SHOWN = 50  # rows of a table shown in a notebook or IPython; the rest are counted
_WIDTH = 100  # of IPython's text
_TITLE_FIELDS = ("name", "title", "topic", "label", "id", "code")
_LAST = ("summary", "note")
_DEGREES = ("latitude", "longitude")  # shown as `_degrees`
_HIDDEN = {  # shown otherwise (title, key, sources, figure, countries) or too long
    "id",
    "code",
    "sources",
    "reviewed",
    "localized_names",
    "participants",
    "memberships",
    "value",
    "unit",
    "qualifier",
    "period",
    "period_end",
    "as_of",
}


_C = TypeVar("_C", bound=type)


def _repr_html_(self: object) -> str:
    return to_html(self)


def _repr_pretty_(self: object, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's signature
    p.text(repr(self) if cycle else to_text(self))


def displayed(cls: _C) -> _C:
    """
    Give *cls* (a record or `Results`) IPython's display hooks, in its own
    namespace: IPython's printer uses a class's own ``__repr__`` (or the
    tuple printer) before a hook that the class only inherits.
    """
    setattr(cls, "_repr_html_", _repr_html_)  # noqa: B010 - a new attribute of a class
    setattr(cls, "_repr_pretty_", _repr_pretty_)  # noqa: B010
    return cls


def _dataset_html(self: object) -> str:
    (_, title), *facts = _dataset_text(self)
    return _card(title, title, facts, [])


def _dataset_pretty(self: object, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's signature
    title, *rows = _dataset_text(self)
    p.text(
        repr(self) if cycle else "\n".join([title[1], *(f"  {k + ':':<16}{v}" for k, v in rows)])
    )


def displayed_dataset(cls: _C) -> _C:
    """`displayed` for `sco_digital.Dataset`: its counts as a card."""
    setattr(cls, "_repr_html_", _dataset_html)  # noqa: B010 - a new attribute of a class
    setattr(cls, "_repr_pretty_", _dataset_pretty)  # noqa: B010
    return cls


bundled_sources: Callable[[], Iterable[Any]] | None = None
"""The bundled data's sources, whose publishers and links a record's card
shows; set by the loader (`_loader`) when it is imported, so that this
module, below it, does not import it. Until then cards show source ids."""


# -- what a record says ---------------------------------------------------------------


def _text(value: Any) -> str:
    """
    One value as words: labels for terms, ISO dates, lists joined, and a
    record nested in another (a membership, a participant) as a phrase.
    """
    from ._dates import PartialDate

    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.value))
    phrase = _nested(value)
    if phrase is not None:
        return phrase
    if isinstance(value, frozenset | tuple):
        items = [_text(v) for v in value]
        if isinstance(value, frozenset):
            items.sort()
        # "CN, provider; KG, partner": a comma inside an item, semicolons between
        return ("; " if any(", " in item for item in items) else ", ").join(items)
    if attrs.has(type(value)):
        parts = (getattr(value, f.name) for f in attrs.fields(type(value)) if f.name != "sources")
        return " ".join(_text(v) for v in parts if v is not None)
    return str(value)


def _nested(record: Any) -> str | None:
    """
    A record that lives inside another, and so has no key of its own, as a
    phrase ("Observer state 2015-07-10 to 2024-07-04", "CN, provider");
    None for any other value.
    """
    from ._records import CountryName, Identifier, Membership, OrganizationParticipant, Participant

    if isinstance(record, Membership):
        until = "" if record.until is None else f" to {record.until}"
        return f"{record.status.label} {record.since}{until}"
    if isinstance(record, Participant):
        return f"{record.country}, {record.role.label.lower()}"
    if isinstance(record, OrganizationParticipant):
        return f"{record.organization}, {record.role.label.lower()}"
    if isinstance(record, Identifier):
        return f"{record.id} ({record.scheme.label})"
    if isinstance(record, CountryName):
        return f"{record.name} ({record.language})"
    return None


def _title(record: Any) -> tuple[str, str]:
    """
    The record's name (or title) and its key (id or code); a nested record
    (`_nested`) has its phrase as its title and no key ("").
    """
    phrase = _nested(record)
    if phrase is not None:
        return phrase, ""
    key = str(getattr(record, "id", getattr(record, "code", "")))
    for name in _TITLE_FIELDS:
        value = getattr(record, name, None)
        if value:
            return str(value), key
    return key, key


def _countries(record: Any) -> str:
    roles: dict[str, list[str]] = {}
    for p in record.participants:
        roles.setdefault(p.country, []).append(p.role.label.lower())
    return ", ".join(f"{code} ({', '.join(sorted(r))})" for code, r in sorted(roles.items()))


def _facts(record: Any) -> list[tuple[str, str]]:
    """(label, words) for each field worth showing, in the record's order."""
    from ._analysis import figure_text, held_on
    from ._indicator import Indicator
    from ._records import Country, Project

    facts: list[tuple[str, str]] = []
    if isinstance(record, Indicator):
        facts.append(("figure", figure_text(record)))
    title, key = _title(record)
    hidden = _HIDDEN if key else _HIDDEN - {"id"}  # a nested record's id is not its key
    last: list[tuple[str, str]] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name in hidden or value in (None, (), frozenset(), "") or value == title:
            continue
        words = _degrees(value) if field.name in _DEGREES else _text(value)
        (last if field.name in _LAST else facts).append((field.name.replace("_", " "), words))
        if field.name == "status" and isinstance(record, Project):
            facts.append(("countries", _countries(record)))
    if isinstance(record, Country):
        held = held_on(record, dt.date.today())  # noqa: DTZ011 - a calendar day
        now = "none" if held is None else f"{held.status.label} since {held.since}"
        facts += [("status today", now), ("memberships", _text(record.memberships))]
    return facts + last


def _source_ids(record: object) -> list[str]:
    if hasattr(record, "memberships"):
        parts: Iterable[Any] = (*record.memberships, *getattr(record, "localized_names", ()))
        return list(dict.fromkeys(s for part in parts for s in part.sources))
    return list(getattr(record, "sources", ()))


def _sources(ids: Sequence[str]) -> list[tuple[str, str, str | None]]:
    """Each source id with the words and the link to show for it."""
    if not ids:
        return []
    known = {} if bundled_sources is None else {s.id: s for s in bundled_sources()}
    shown: list[tuple[str, str, str | None]] = []
    for key in ids:
        source = known.get(key)
        if source is None:
            shown.append((key, key, None))
        else:
            shown.append((key, source_words(source), source.url))
    return shown


def source_words(source: Any) -> str:
    """A `Source` in a few words: its publisher and, where known, its date ("24.kg, 2025-09-01")."""
    when = f", {source.published}" if source.published else ""
    return f"{source.publisher}{when}"


def record_text(record: object, width: int = _WIDTH) -> str:
    """*record* on several lines: its name and key, then a line per fact, wrapped."""
    title, key = _title(record)
    name = type(record).__name__
    if not key:
        lines = [f"{name}: {title}"]
    else:
        lines = [f"{name} {key!r}: {title}" if title != key else f"{name} {key!r}"]
    facts = _facts(record)
    sources = _source_ids(record)
    if sources:
        facts.append(("sources", ", ".join(sources)))
    for label, words in facts:
        lines.append(
            textwrap.fill(
                words,
                width,
                initial_indent=f"  {label + ':':<15} ",  # a space after the longest label too
                subsequent_indent=" " * 18,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


# -- tables -----------------------------------------------------------------------------

Fit = Literal["key", "whole", "clip"]


@attrs.frozen
class ViewColumn:
    """
    A column of a table of records: its header, its words for a record (on
    a day, for countries' status), and how it may fit a narrow terminal:
    ``key`` and ``whole`` are never clipped (a key to copy, a figure's
    words), ``clip`` may be; an *optional* column is left out first. A
    *right* column (numbers) is aligned to the right in a terminal.
    """

    header: str
    words: Callable[[Any, dt.date], str]
    fit: Fit = "clip"
    optional: bool = False
    right: bool = False


def _status_on(country: Any, day: dt.date) -> str:
    status = country.status_on(day)
    return "-" if status is None else str(status.label)


def _since(country: Any, day: dt.date) -> str:
    from ._analysis import held_on

    held = held_on(country, day)
    return "-" if held is None else str(held.since)


def _or_blank(value: object) -> str:
    return "" if value is None else str(value)


def _degrees(value: float) -> str:
    """WGS84 decimal degrees to five places (about a metre), as every place's are shown."""
    return f"{value:.5f}"


def _fields_view(cls: type) -> list[ViewColumn]:
    """
    A column per field of *cls* (a record nested in another: a membership,
    a participant), sources and review left out, its notes optional; the
    repr of anything that is not a record.
    """

    def words(name: str) -> Callable[[Any, dt.date], str]:
        return lambda r, _: "" if getattr(r, name) is None else _text(getattr(r, name))

    if not attrs.has(cls):  # a Results a user made of other things
        return [ViewColumn("RECORD", lambda r, _: repr(r), "key")]
    shown = [f.name for f in attrs.fields(cls) if f.name not in {"sources", "reviewed"}]
    return [
        ViewColumn(
            name.upper(),
            words(name),
            "key" if n == 0 else "clip" if name in _LAST else "whole",
            optional=name in _LAST,
        )
        for n, name in enumerate(shown)
    ]


def view(cls: type) -> list[ViewColumn]:
    """The columns a table of records of class *cls* shows."""
    from ._analysis import figure_text
    from ._indicator import Indicator
    from ._place import Place
    from ._records import Conflict, Country, Organization, Project, Source

    views: dict[type, list[ViewColumn]] = {
        Project: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("STARTED", lambda r, _: _or_blank(r.started), "whole"),
            ViewColumn("STATUS", lambda r, _: r.status.value, "whole", optional=True),
            ViewColumn("COUNTRIES", lambda r, _: " ".join(sorted(r.countries)), optional=True),
            ViewColumn("NAME", lambda r, _: r.name, optional=True),
        ],
        Country: [
            ViewColumn("CODE", lambda r, _: r.code, "key"),
            ViewColumn("NAME", lambda r, _: r.name, "whole"),
            ViewColumn("REGION", lambda r, _: r.region.value, optional=True),
            ViewColumn("STATUS", _status_on, "whole"),
            ViewColumn("SINCE", _since, "whole"),
        ],
        Indicator: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("LABEL", lambda r, _: r.label, optional=True),
            ViewColumn("FIGURE", lambda r, _: figure_text(r), "whole"),
        ],
        Organization: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("COUNTRY", lambda r, _: _or_blank(r.country), "whole"),
            ViewColumn("NAME", lambda r, _: r.name),
        ],
        Source: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("PUBLISHED", lambda r, _: _or_blank(r.published), "whole"),
            ViewColumn("PUBLISHER", lambda r, _: r.publisher),
            ViewColumn("TITLE", lambda r, _: _or_blank(r.title), optional=True),
        ],
        Conflict: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("TOPIC", lambda r, _: r.topic),
        ],
        Place: [
            ViewColumn("ID", lambda r, _: r.id, "key"),
            ViewColumn("COUNTRY", lambda r, _: r.country, "whole"),
            ViewColumn("PRECISION", lambda r, _: r.precision.value, "whole", optional=True),
            ViewColumn("LATITUDE", lambda r, _: _degrees(r.latitude), "whole", right=True),
            ViewColumn("LONGITUDE", lambda r, _: _degrees(r.longitude), "whole", right=True),
            ViewColumn("NAME", lambda r, _: r.name, optional=True),
        ],
    }
    return views[cls] if cls in views else _fields_view(cls)


def cells(records: Sequence[object], day: dt.date) -> tuple[list[ViewColumn], list[list[str]]]:
    """The view columns of *records* (all of one class) and each record's words."""
    if not records:
        return [], []
    columns = view(type(records[0]))
    return columns, [[c.words(r, day) for c in columns] for r in records]


def _none_found(records: Sequence[object]) -> str:
    """What an empty `Results` says: "No Project records.", or "No records." without a kind."""
    kind = getattr(records, "kind", None)
    return "No records." if kind is None else f"No {kind.__name__} records."


def _results_text(records: Sequence[object]) -> str:
    from ._terminal import layout

    if not records:
        return _none_found(records)
    columns, rows = cells(records[:_SHOWN], dt.date.today())  # noqa: DTZ011 - a calendar day
    kind = type(records[0]).__name__
    lines = [f"{len(records)} {kind} record{'s' if len(records) != 1 else ''}:"]
    lines += [f"  {line}" for line in layout(columns, rows, None).splitlines()]
    if len(records) > _SHOWN:
        lines.append(f"  ... and {len(records) - _SHOWN} more")
    return "\n".join(lines)


def _dataset_text(ds: Any) -> list[tuple[str, str]]:
    from . import _about

    members = ", ".join(c.code for c in ds.members())
    tables = [f.name for f in attrs.fields(type(ds)) if f.init and f.name != "data_version"]
    return [
        ("title", f"{_about.TITLE}, data version {ds.data_version or 'unknown'}"),
        *((table, str(len(getattr(ds, table)))) for table in tables),
        ("members today", members),
    ]


def to_text(thing: object) -> str:
    """*thing* (a record or `Results`) as IPython shows it."""
    from ._results import Results

    if isinstance(thing, Results):
        return _results_text(thing)
    return record_text(thing)


# -- HTML -------------------------------------------------------------------------------

_CARD = 'style="font-family: sans-serif; max-width: 60em"'
_ROW = 'style="text-align: left; vertical-align: top; padding-right: 1em"'
_RIGHT = 'style="text-align: right; vertical-align: top; padding-right: 1em"'  # numbers


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(words: str, url: str | None) -> str:
    if url is None or not url.startswith(("https://", "http://")):
        return _e(words)
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(words)}</a>'


def _card(title: str, key: str, facts: list[tuple[str, str]], sources: list[str]) -> str:
    rows = "".join(
        f"<tr><th {_ROW}>{_e(label)}</th><td {_ROW}>{_e(words)}</td></tr>" for label, words in facts
    )
    links = ", ".join(_link(words, url) for _, words, url in _sources(sources))
    cited = f"<p>Sources: {links}</p>" if links else ""
    code = f" <code>{_e(key)}</code>" if key and key != title else ""
    return (
        f"<div {_CARD}><p><strong>{_e(title)}</strong>{code}</p><table>{rows}</table>{cited}</div>"
    )


def _html_table(records: Sequence[object]) -> str:
    if not records:
        return f"<div {_CARD}><p>{_e(_none_found(records))}</p></div>"
    columns, rows = cells(records[:_SHOWN], dt.date.today())  # noqa: DTZ011 - a calendar day
    styles = [_RIGHT if c.right else _ROW for c in columns]
    head = "".join(
        f"<th {s}>{_e(c.header.lower())}</th>" for c, s in zip(columns, styles, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td {s}>{_e(v)}</td>" for v, s in zip(row, styles, strict=True))
        + "</tr>"
        for row in rows
    )
    kind = type(records[0]).__name__
    more = f"<p>... and {len(records) - _SHOWN} more</p>" if len(records) > _SHOWN else ""
    caption = f"{len(records)} {kind} record{'s' if len(records) != 1 else ''}"
    return (
        f"<div {_CARD}><table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>{more}</div>"
    )


def to_html(thing: object) -> str:
    """*thing* (a record or `Results`) as a notebook shows it."""
    from ._records import Source
    from ._results import Results

    if isinstance(thing, Results):
        return _html_table(thing)
    title, key = _title(thing)
    sources = [thing.id] if isinstance(thing, Source) else _source_ids(thing)
    return _card(title, key, _facts(thing), sources)
