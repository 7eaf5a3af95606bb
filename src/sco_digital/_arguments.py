"""The ``sco-digital`` command line's arguments: the parser, its checks and its formats."""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
from typing import Any, NoReturn

from . import _about
from ._terminal import Output

OUTPUT_FORMATS = ("table", "json", "csv")
_COUNTRY = "a code, name or alias: UZ, Uzbekistan, Узбекистан"


EXPORT_FORMATS = ("csv", "json", "parquet", "sqlite", "datapackage", "geojson")


class UsageError(Exception):
    """A mistake in the command line; exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("sco-digital").strip()
        if (
            message == "argument --near: expected one argument"
        ):  # argparse read -8.6,.. as an option
            message += " (write a southern latitude with =, as in --near=-8.65,115.22)"
        raise UsageError(f"{command}: {message}" if command else message)

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse writes --help to sys.stdout and swallows OSError; write
        # it as the commands' output is written instead.
        if message:
            Output(sys.stdout if file is None else file).write(message)


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - a statement per option, as --help lists them
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
        "sco-digital projects --place gwadar",
        "sco-digital projects --near 41.3,69.24 --km 25 --technology 5G",
    )
    sub.add_argument("--country", help=_COUNTRY)
    sub.add_argument("--technology", help="a technology slug, label or alias: 5G, AI, fibre optics")
    sub.add_argument("--sector", help="a sector: health, trade, education...")
    sub.add_argument("--status", help="a project status: operational, completed...")
    sub.add_argument("--kind", help="a project kind: infrastructure, training, policy...")
    sub.add_argument("--organization", metavar="ID", help="an organisation id")
    sub.add_argument("--active-in", metavar="YEAR", type=_year, help="active during YEAR")
    sub.add_argument(
        "--place", metavar="ID", help="a place id or name: tashkent, Ташкент (see `places`)"
    )
    sub.add_argument(
        "--near",
        metavar="LAT,LON",
        type=_point,
        help="with --km: a place within KM of this point, in WGS84 decimal degrees; places"
        " that name only a country are left out (write --near=-8.65,115.22 for a southern"
        " latitude)",
    )
    sub.add_argument(
        "--km", metavar="KM", type=_km, help="with --near: the greatest distance, in kilometres"
    )
    output(sub)

    sub = command(
        "places",
        "list the places projects are at, optionally in one country or of one precision",
        "sco-digital places",
        "sco-digital places --country Kyrgyzstan",
        "sco-digital places --precision country --format csv",
    )
    sub.add_argument("--country", help=_COUNTRY)
    sub.add_argument("--precision", help="exact, city, region or country")
    output(sub)

    sub = command(
        "show",
        "show one record in full: project, country, organisation, indicator, source, conflict"
        " or place",
        "sco-digital show soho-cloud",
        "sco-digital show Kyrgyzstan",
        "sco-digital show tashkent",
        "sco-digital show pd-seed-2025-08-29 --format json",
    )
    sub.add_argument(
        "id",
        help="a record id, a country code or name, or a place id or name; a place id that is"
        " also a country's name (pakistan) shows the country, which lists its places: see"
        " `places --country` for the place itself",
    )
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


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")


def _number(text: str, low: float, high: float) -> float | None:
    """*text*, a decimal number in ASCII digits, from *low* to *high*; else None."""
    text = text.strip()
    if not _DECIMAL.match(text):  # no exponent, no nan or inf, no other digits
        return None
    value = float(text)  # finite but for 400 digits
    return value if math.isfinite(value) and low <= value <= high else None


def _point(text: str) -> tuple[float, float]:
    latitude, comma, longitude = text.partition(",")
    point = (_number(latitude, -90, 90), _number(longitude, -180, 180))
    if not comma or point[0] is None or point[1] is None:
        msg = (
            f"{text!r} is not a point LAT,LON in decimal degrees, latitude -90 to 90 and"
            " longitude -180 to 180, such as 41.3,69.24"
        )
        raise argparse.ArgumentTypeError(msg)
    return point[0], point[1]


def _km(text: str) -> float:
    km = _number(text, 0, math.inf)
    if km is None:
        msg = f"{text!r} is not a distance in kilometres, 0 or more in decimal digits, such as 25"
        raise argparse.ArgumentTypeError(msg)
    return km


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
