"""The ``sco-digital`` command line's arguments: the parser, its checks and its formats."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import Any, NoReturn

from . import _about
from ._terminal import Output

OUTPUT_FORMATS = ("table", "json", "csv")


EXPORT_FORMATS = ("csv", "json", "parquet", "sqlite", "datapackage", "geojson")


class UsageError(Exception):
    """A mistake in the command line; exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("sco-digital").strip()
        raise UsageError(f"{command}: {message}" if command else message)

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse writes --help to sys.stdout and swallows OSError; write
        # it as the commands' output is written instead.
        if message:
            Output(sys.stdout if file is None else file).write(message)


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def parser() -> argparse.ArgumentParser:
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
            choices=OUTPUT_FORMATS,
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
    sub.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="what to write")
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


def lookup(vocabulary: type[Any], key: str) -> Any:
    return vocabulary.lookup(key)
