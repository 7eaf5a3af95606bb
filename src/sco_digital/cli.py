r"""
The ``sco-digital`` command line (also ``python -m sco_digital``).

Exit status: 0 on success; 1 when the data is invalid or an export fails;
2 for a usage error (a bad option, an unknown country or technology); 3 when
the output cannot be written (standard output closed or failing) or memory
runs out; 130 after Ctrl-C; 141 when the reader of the output went away
(``sco-digital projects | head -1``), silently, as a process killed by
SIGPIPE would. Errors are one readable line each on stderr, never a
traceback, with what the user typed escaped.

Output that the encoding of standard output cannot hold (``PYTHONIOENCODING=
cp1252``, a redirected Windows console) is written with the characters it
lacks replaced by Python escapes (``\u0428``); JSON output escapes them
the JSON way (``\u0428`` too, which JSON readers decode), so it stays exact.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from . import _about, _registry, _terminal
from ._arguments import UsageError as _UsageError
from ._arguments import lookup as _lookup
from ._arguments import parser as _parser
from ._json import dumps as _json_text
from ._terminal import Output as _Output
from ._terminal import OutputFailed as _OutputFailed
from .dataset import Dataset
from .errors import DataError, SCODigitalError, UnknownKeyError
from .models import (
    Country,
    Indicator,
    Organization,
    Place,
    Precision,
    Project,
    ProjectKind,
    ProjectStatus,
    Sector,
    Status,
    Technology,
    Vocabulary,
)

__all__ = ["main"]

_OK, _DATA_ERROR, _USAGE_ERROR, _CANNOT_RUN = 0, 1, 2, 3
_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process Ctrl-C ended
_PIPE_CLOSED = 141  # 128 + SIGPIPE
_T = TypeVar("_T")
_V = TypeVar("_V", bound=Vocabulary)
_WIDTH = 80  # of `show` in a pipe


# -- output -------------------------------------------------------------------------


def _json(value: Any, out: _Output) -> None:
    text = _json_text(value)
    if not out.holds(text):  # escaped the JSON way, which readers decode
        text = json.dumps(value, indent=2) + "\n"
    out.write(text)


def _csv(header: list[str], rows: list[list[Any]], args: argparse.Namespace, out: _Output) -> None:
    from ._writers import csv_text

    text = csv_text(header, rows, lineterminator="\n")
    if args.bom:  # UTF-8 whatever the terminal's encoding
        out.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    else:
        out.write(text)


def _emit(
    records: Sequence[object],
    cls: type,
    args: argparse.Namespace,
    out: _Output,
    day: dt.date | None = None,
) -> None:
    """
    Write *records* (of class *cls*) in the format *args* asks for: a table
    that fits the terminal, or every field in CSV (many values joined with
    "; ") or JSON (many values as lists).
    """
    from ._analysis import table

    if args.format == "table":
        from ._display import cells

        columns, words = cells(records, day or dt.date.today())  # noqa: DTZ011 - a calendar day
        out.write(_terminal.layout(columns, words, _terminal.terminal_width(out.stream)))
        return
    names, rows = table(records, cls, day)
    if args.format == "json":
        _json([{k: _plain(v) for k, v in row.items()} for row in rows], out)
    else:
        _csv(list(names), [[_joined(row[k]) for k in names] for row in rows], args, out)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _joined(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else _plain(value)


# -- commands -------------------------------------------------------------------------


def _summary(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    rows = [[entry.table, len(getattr(ds, entry.table))] for entry in _registry.RECORD_FILES]
    if args.format == "json":
        _json([{"table": table, "records": n} for table, n in rows], out)
    elif args.format == "csv":
        _csv(["table", "records"], rows, args, out)
    else:
        from ._display import ViewColumn

        members = ", ".join(c.code for c in ds.members())
        out.write(f"{_about.TITLE}, data version {ds.data_version}\n")
        out.write(f"Member states today: {members}\n\n")
        columns = [
            ViewColumn("TABLE", lambda row, _: str(row[0]), "key"),
            ViewColumn("RECORDS", lambda row, _: str(row[1]), "whole"),
        ]
        cells = [[str(value) for value in row] for row in rows]
        out.write(_terminal.layout(columns, cells, _terminal.terminal_width(out.stream)))


def _given(args: argparse.Namespace, option: str, resolve: Callable[[str], _T]) -> _T | None:
    """
    The value of *option* resolved, or None where it is not given; an
    unknown value is a usage error naming the option ("projects: argument
    --country: unknown country 'Uzbekstan'; did you mean 'Uzbekistan'?").
    """
    value = getattr(args, option.lstrip("-").replace("-", "_"))
    if value is None:
        return None
    try:
        return resolve(value)
    except UnknownKeyError as exc:
        raise _UsageError(f"{args.command}: argument {option}: {exc}") from None


def _term(vocabulary: type[_V]) -> Callable[[str], _V]:
    return lambda value: _lookup(vocabulary, value)


def _countries(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    day = dt.date.today() if args.as_of is None else args.as_of  # noqa: DTZ011 - a calendar day
    status = _given(args, "--status", _term(Status))
    chosen = ds.countries if status is None else ds.countries_with_status(status, as_of=day)
    _emit(chosen, Country, args, out, day)


def _projects(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    chosen = ds.filter(
        country=_given(args, "--country", ds.country),
        technology=_given(args, "--technology", _term(Technology)),
        sector=_given(args, "--sector", _term(Sector)),
        status=_given(args, "--status", _term(ProjectStatus)),
        kind=_given(args, "--kind", _term(ProjectKind)),
        organization=_given(args, "--organization", ds.organization),
        active_in=args.active_in,
    )
    wanted: list[set[str]] = []
    at = _given(args, "--place", ds.by_place)
    if at is not None:
        wanted.append({p.id for p in at})
    if args.near is not None:
        latitude, longitude = args.near
        wanted.append({p.id for p in ds.near(latitude, longitude, args.km)})
    _emit([p for p in chosen if all(p.id in ids for ids in wanted)], Project, args, out)


def _places(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    country = _given(args, "--country", ds.country)
    precision = _given(args, "--precision", _term(Precision))
    chosen = [
        place
        for place in ds.places
        if (country is None or place.country == country.code)
        and precision in (None, place.precision)
    ]
    _emit(chosen, Place, args, out)


def _indicators(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    about = _given(args, "--subject", ds.indicators_for)
    _emit(ds.indicators if about is None else about, Indicator, args, out)


def _search(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    try:
        found = ds.search(args.text)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    _emit(found, Project, args, out)


def _show(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    record = _find(ds, args.id)
    from ._convert import unstructure

    raw = unstructure(record)
    if args.format == "json":
        _json(raw, out)
        return
    if args.format == "csv":
        _csv(list(raw), [[_flat(v) for v in raw.values()]], args, out)
        return
    if isinstance(record, Indicator):  # the figure in words, not its parts
        from ._analysis import figure_text

        at = list(raw).index("value")
        shown = [(k, v) for k, v in raw.items() if k not in {"value", "unit", "qualifier"}]
        raw = dict([*shown[:at], ("figure", figure_text(record)), *shown[at:]])
    width = _terminal.terminal_width(out.stream) or _WIDTH
    out.write(_terminal.fields({**raw, **_show_context(ds, record)}, width))


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(
            json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value
        )
    return value


def _show_context(ds: Dataset, record: object) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if isinstance(record, Project | Organization | Indicator | Country):
        extra["publishers"] = list(ds.publishers(record))
        extra["conflicts"] = [
            c.id
            for c in ds.conflicts_for(record.code if isinstance(record, Country) else record.id)
        ]
    if isinstance(record, Project | Country | Organization):
        from ._analysis import figure_text

        extra["indicators"] = [
            f"{i.id}: {i.label}: {figure_text(i)}" for i in ds.indicators_for(record)
        ]
    if isinstance(record, Project):
        extra["children"] = [p.id for p in ds.children(record.id)]
    if isinstance(record, Country):
        extra["projects"] = [p.id for p in ds.by_country(record)]
        extra["places"] = [p.id for p in ds.places if p.country == record.code]
    if isinstance(record, Place):
        extra["projects"] = [p.id for p in ds.by_place(record)]
    return extra


def _find(ds: Dataset, key: str) -> object:
    """
    The record *key* names: a project, organisation, indicator, source or
    conflict id, then a country (code, name or alias), then a place id; so
    ``pakistan``, a place id too, is the country.
    """
    for getter in (ds.project, ds.organization, ds.indicator, ds.source, ds.conflict):
        try:
            return getter(key)
        except UnknownKeyError:
            continue
    try:
        return ds.country(key)
    except UnknownKeyError as exc:
        not_country = exc
    try:
        return ds.place(key)
    except UnknownKeyError:
        from ._vocabulary import suggest

        ids: dict[str, str] = {}
        tables = (ds.projects, ds.organizations, ds.indicators, ds.sources, ds.conflicts, ds.places)
        for table in tables:
            ids.update({r.id: r.id for r in table})
        # Close ids first, then the close country names ds.country() found.
        close = dict.fromkeys((*suggest(key, ids, str), *not_country.suggestions))
        raise UnknownKeyError("record", key, tuple(close)[:3]) from None


def _export(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    from . import export

    writer = getattr(export, f"write_{args.format}")
    options = {"bom": True} if args.bom else {}
    try:
        path = writer(ds, args.out, overwrite=args.force, **options)
    except FileExistsError as exc:
        raise _UsageError(f"{exc.args[0]}") from None
    except ImportError as exc:
        raise _UsageError(str(exc)) from None
    out.write(f"wrote {args.format} to {_escape(str(path))}\n")


def _load(path: str | None) -> Dataset:
    from . import _loader  # imported by the commands that load data, not by --help

    return _loader.load() if path is None else _loader.load(path)


def _validate(_ds: Dataset | None, args: argparse.Namespace, out: _Output) -> None:
    target = args.dir if args.dir is not None else args.data
    loaded = _load(target)
    where = "the bundled data" if target is None else _escape(target)
    out.write(f"{where}: valid ({loaded!r})\n")


def _cite(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    from ._cite import cite

    out.write(cite(bibtex=args.bibtex, data_version=ds.data_version) + "\n")


def _serve(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    from . import _serve

    def announce(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    try:
        if args.save is not None:
            written = _serve.save(ds, args.save, overwrite=args.force)
            out.write("".join(f"wrote {_escape(str(path))}\n" for path in written))
        else:
            _serve.serve(
                ds, host=args.host, port=args.port, open_browser=args.open, announce=announce
            )
    except (ImportError, FileExistsError, _serve.ListenError) as exc:
        raise _UsageError(str(exc)) from None


# Option values, checked as argparse reads them: a bad one is a usage error.


_COMMANDS: dict[str, Callable[[Any, argparse.Namespace, _Output], None]] = {
    "summary": _summary,
    "countries": _countries,
    "projects": _projects,
    "places": _places,
    "show": _show,
    "indicators": _indicators,
    "search": _search,
    "export": _export,
    "validate": _validate,
    "cite": _cite,
    "serve": _serve,
}


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    if argv is not None and any("\x00" in arg for arg in argv):
        # A shell cannot pass one, and no file name can hold one.
        raise _UsageError("an argument contains a NUL character")
    args = _parser().parse_args(argv)
    if getattr(args, "bom", False) and args.format != "csv":
        raise _UsageError(f"{args.command}: --bom goes with --format csv")
    if args.command == "projects" and (args.near is None) != (args.km is None):
        if args.near is None:
            raise _UsageError("projects: argument --km: goes with --near LAT,LON")
        raise _UsageError("projects: argument --near: needs --km, the greatest distance")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 when all went well, 1 for a data or validation
        error, 2 for a usage error, 3 when the output cannot be written or
        memory runs out, 130 after Ctrl-C and 141 when the reader of the
        output went away.

    .. versionadded:: 0.1.0
    """
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        _error("standard output is closed; redirect it to a file or to /dev/null")
        return _CANNOT_RUN
    out = _Output(sys.stdout)
    try:
        status = _run(argv, out)
        out.flush()  # here, so that a failure to write is reported like any other
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as the Python docs
        # advise, with the status of a process that SIGPIPE ended.
        _silence_stdout()
        return _PIPE_CLOSED
    except _OutputFailed as exc:
        _error(f"cannot write the output: {exc}")
        _silence_stdout()
        return _CANNOT_RUN
    except MemoryError:
        _error("out of memory")
        return _CANNOT_RUN
    except KeyboardInterrupt:
        _error("interrupted")
        return _INTERRUPTED
    return status


def _run(argv: Sequence[str] | None, out: _Output) -> int:  # noqa: C901, PLR0911 - one exit per error kind
    try:
        args = _parse(argv)
        if args.version:
            from . import __version__ as version
            from ._loader import bundled_manifest

            out.write(f"sco-digital {version} (data {bundled_manifest().data_version})\n")
            return _OK
        if args.command is None:
            _parser().print_help(out)
            return _USAGE_ERROR
        run = _COMMANDS[args.command]
        if args.command == "validate":
            run(None, args, out)
        else:
            ds = _load(args.data)
            run(ds, args, out)
    except (_UsageError, UnknownKeyError) as exc:
        _error(str(exc))
        return _USAGE_ERROR
    except DataError as exc:
        for problem in exc.problems:
            _error(str(problem))
        for line in exc.omitted_lines():
            _error(line)
        return _DATA_ERROR
    except SCODigitalError as exc:
        _error(str(exc))
        return _DATA_ERROR
    except BrokenPipeError:  # for main()
        raise
    except OSError as exc:
        _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return _DATA_ERROR
    except SystemExit as exc:  # argparse's --help
        return exc.code if isinstance(exc.code, int) else _OK
    return _OK


def _silence_stdout() -> None:
    """
    Point standard output at /dev/null, so that the flush at exit, which
    would fail again, does not print "Exception ignored" (the Python docs'
    recipe for SIGPIPE).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (an in-process test)
        pass


def _escape(text: str) -> str:
    r"""
    *text* with every character that is not printable escaped (``\x1b``,
    ``\u202e``): controls that would drive the terminal, line breaks, and
    invisible or bidirectional-override characters that would disguise
    what a message quotes (argparse quotes what the user typed unescaped).
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _error(message: str) -> None:
    stream = sys.stderr
    if stream is None:  # started with standard error closed: nowhere to say it
        return
    try:
        stream.write(f"sco-digital: {_escape(message)}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
