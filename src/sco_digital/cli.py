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
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from . import _about, _registry, _terminal
from ._json import dumps as _json_text
from .dataset import Dataset
from .errors import DataError, SCODigitalError, UnknownKeyError
from .models import (
    Country,
    Indicator,
    Organization,
    Project,
    ProjectKind,
    ProjectStatus,
    Sector,
    Status,
    Technology,
)

__all__ = ["main"]

_OK, _DATA_ERROR, _USAGE_ERROR, _CANNOT_RUN = 0, 1, 2, 3
_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process Ctrl-C ended
_PIPE_CLOSED = 141  # 128 + SIGPIPE
_WIDTH = 80  # of `show` in a pipe
_OUTPUT_FORMATS = ("table", "json", "csv")
_EXPORT_FORMATS = ("csv", "json", "parquet", "sqlite", "datapackage", "geojson")


class _UsageError(Exception):
    """A mistake in the command line; exit status 2."""


class _OutputFailed(Exception):  # noqa: N818 - internal signal
    """Standard output cannot be written (other than a closed pipe)."""


class _Output:
    """
    Standard output for the commands. Characters its encoding cannot hold
    are written as backslash escapes rather than failing half-way; a closed
    pipe raises BrokenPipeError, any other failure `_OutputFailed`.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.encoding: str = getattr(stream, "encoding", None) or "utf-8"

    def holds(self, text: str) -> bool:
        """Whether the encoding can hold every character of *text*."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True

    def write(self, text: str) -> int:
        with self._failures():
            try:
                return int(self.stream.write(text))
            except UnicodeEncodeError:  # raised before anything of *text* is written
                escaped = text.encode(self.encoding, "backslashreplace")
                return int(self.stream.write(escaped.decode(self.encoding)))

    def flush(self) -> None:
        with self._failures():
            self.stream.flush()

    def write_bytes(self, data: bytes) -> None:
        """Write *data* as it is, past the encoding (to the text stream if it has no buffer)."""
        buffer = getattr(self.stream, "buffer", None)
        with self._failures():
            if buffer is None:
                self.stream.write(data.decode("utf-8"))
                return
            self.stream.flush()
            buffer.write(data)
            buffer.flush()

    @staticmethod
    @contextlib.contextmanager
    def _failures() -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("sco-digital").strip()
        raise _UsageError(f"{command}: {message}" if command else message)

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse writes --help to sys.stdout and swallows OSError; write
        # it as the commands' output is written instead.
        if message:
            _Output(sys.stdout if file is None else file).write(message)


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sco-digital",
        description=f"Query and export the {_about.TITLE}.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_examples(
            "sco-digital summary",
            "sco-digital projects --country Uzbekistan --technology 'fibre optics'",
            "sco-digital countries --status member --as-of 2017-06-08",
            "sco-digital export --format sqlite sco.db",
        ),
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=_directory,
        help="read the data files in DIR instead of the bundled dataset",
    )
    parser.add_argument("--version", action="store_true", help="print the versions and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_: str, *examples: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_,
            description=help_[0].upper() + help_[1:] + ".",
            epilog=_examples(*examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(command=name)
        return sub

    def output(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--format",
            choices=_OUTPUT_FORMATS,
            default="table",
            help="output format (default: table)",
        )
        bom(sub)

    def bom(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--bom",
            action="store_true",
            help="with --format csv: UTF-8 with a byte-order mark, which Excel needs"
            " to read non-Latin names",
        )

    output(
        command(
            "summary",
            "count the records and list the data version",
            "sco-digital summary",
            "sco-digital summary --format json",
        )
    )

    sub = command(
        "countries",
        "list countries, optionally by SCO status on a date",
        "sco-digital countries",
        "sco-digital countries --status partner",
        "sco-digital countries --status member --as-of 2024-07-04",
    )
    sub.add_argument("--status", help="member, observer, dialogue_partner or partner")
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        type=_day,
        help="the day to check, YYYY-MM-DD (default: today)",
    )
    output(sub)

    sub = command(
        "projects",
        "list projects matching every filter given",
        "sco-digital projects --country KG",
        "sco-digital projects --technology 5G",
        "sco-digital projects --sector health --active-in 2025 --format csv",
    )
    sub.add_argument("--country", help="a code, name or alias: UZ, Uzbekistan, Узбекистан")
    sub.add_argument("--technology", help="a technology slug, label or alias: 5G, AI, fibre optics")
    sub.add_argument("--sector", help="a sector: health, trade, education...")
    sub.add_argument("--status", help="a project status: operational, completed...")
    sub.add_argument("--kind", help="a project kind: infrastructure, training, policy...")
    sub.add_argument("--organization", metavar="ID", help="an organisation id")
    sub.add_argument("--active-in", metavar="YEAR", type=_year, help="active during YEAR")
    output(sub)

    sub = command(
        "show",
        "show one record in full: project, country, organisation, indicator, source or conflict",
        "sco-digital show soho-cloud",
        "sco-digital show Kyrgyzstan",
        "sco-digital show pd-seed-2025-08-29 --format json",
    )
    sub.add_argument("id", help="a record id, or a country code or name")
    output(sub)

    sub = command(
        "indicators",
        "list reported figures, optionally about one subject",
        "sco-digital indicators",
        "sco-digital indicators --subject china-kyrgyzstan-uzbekistan-fiber-cable",
    )
    sub.add_argument("--subject", help="a project or organisation id, a country, or SCO")
    output(sub)

    sub = command(
        "search",
        "find projects whose text contains every word",
        "sco-digital search telemedicine",
        "sco-digital search 'luban kazakhstan'",
    )
    sub.add_argument("text", help="words to look for (case and accents ignored)")
    output(sub)

    sub = command(
        "export",
        "write the dataset to files",
        "sco-digital export --format csv out/",
        "sco-digital export --format sqlite sco.db --force",
    )
    sub.add_argument("--format", required=True, choices=_EXPORT_FORMATS, help="what to write")
    sub.add_argument(
        "out",
        type=_path,
        help="a directory (csv, json, parquet, datapackage) or a file (sqlite, geojson)",
    )
    sub.add_argument("--force", action="store_true", help="replace existing files")
    bom(sub)

    sub = command(
        "validate",
        "check a directory of data files (default: the bundled data)",
        "sco-digital validate",
        "sco-digital validate ./my-data/",
    )
    sub.add_argument("dir", nargs="?", type=_directory, help="the directory to check")

    sub = command(
        "cite", "print how to cite the dataset", "sco-digital cite", "sco-digital cite --bibtex"
    )
    sub.add_argument("--bibtex", action="store_true", help="print a BibTeX entry")

    sub = command(
        "serve",
        "browse the dataset in a web browser: Datasette over the SQLite export, read-only"
        " (needs the web extra)",
        "sco-digital serve --open",
        "sco-digital serve --port 8080",
        "sco-digital serve --save site/  # then: datasette publish ... site/sco.db",
    )
    sub.add_argument("--host", default="127.0.0.1", help="the address (default: 127.0.0.1)")
    sub.add_argument(
        "--port", type=_port, default=8001, help="the port (default: 8001; 0: any free port)"
    )
    sub.add_argument("--open", action="store_true", help="open the site in your web browser")
    sub.add_argument(
        "--save",
        metavar="DIR",
        type=_directory,
        help="write sco.db and metadata.json to DIR for `datasette publish`, and exit",
    )
    sub.add_argument("--force", action="store_true", help="with --save: replace existing files")
    return parser


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


def _countries(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    day = dt.date.today() if args.as_of is None else args.as_of  # noqa: DTZ011 - a calendar day
    if args.status is None:
        chosen = ds.countries
    else:
        chosen = ds.countries_with_status(_lookup(Status, args.status), as_of=day)
    _emit(chosen, Country, args, out, day)


def _projects(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    chosen = ds.filter(
        country=args.country,
        technology=None if args.technology is None else _lookup(Technology, args.technology),
        sector=None if args.sector is None else _lookup(Sector, args.sector),
        status=None if args.status is None else _lookup(ProjectStatus, args.status),
        kind=None if args.kind is None else _lookup(ProjectKind, args.kind),
        organization=args.organization,
        active_in=args.active_in,
    )
    _emit(chosen, Project, args, out)


def _indicators(ds: Dataset, args: argparse.Namespace, out: _Output) -> None:
    chosen = ds.indicators if args.subject is None else ds.indicators_for(args.subject)
    _emit(chosen, Indicator, args, out)


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
    return extra


def _find(ds: Dataset, key: str) -> object:
    for getter in (ds.project, ds.organization, ds.indicator, ds.source, ds.conflict):
        try:
            return getter(key)
        except UnknownKeyError:
            continue
    try:
        return ds.country(key)
    except UnknownKeyError as exc:
        from ._vocabulary import suggest

        ids: dict[str, str] = {}
        for table in (ds.projects, ds.organizations, ds.indicators, ds.sources, ds.conflicts):
            ids.update({r.id: r.id for r in table})
        # Close ids first, then the close country names ds.country() found.
        close = dict.fromkeys((*suggest(key, ids, str), *exc.suggestions))
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

_YEAR = re.compile(r"[0-9]{4}\Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _year(text: str) -> int:
    if not _YEAR.match(text):
        msg = f"{text!r} is not a year of four digits, such as 2025"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _day(text: str) -> dt.date:
    try:
        if _DAY.match(text):  # no other ISO form (20250101, 2025-W01-1), no other digits
            return dt.date.fromisoformat(text)
    except ValueError:  # 2025-02-30
        pass
    msg = f"{text!r} is not a day of the form YYYY-MM-DD, such as 2024-07-04"
    raise argparse.ArgumentTypeError(msg)


def _port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) > 65535:
        msg = f"{text!r} is not a port number from 0 to 65535"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _path(text: str) -> str:
    if not text:  # which would name the current directory
        msg = "an empty string is not a path; give a file or directory"
        raise argparse.ArgumentTypeError(msg)
    return text


def _directory(text: str) -> str:
    if not text:  # which would name the current directory
        msg = "an empty string is not a directory; give one, or none for the bundled data"
        raise argparse.ArgumentTypeError(msg)
    return text


def _lookup(vocabulary: type[Any], key: str) -> Any:
    return vocabulary.lookup(key)


_COMMANDS: dict[str, Callable[[Any, argparse.Namespace, _Output], None]] = {
    "summary": _summary,
    "countries": _countries,
    "projects": _projects,
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
