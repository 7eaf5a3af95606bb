"""
The catalogue of corruptions: each one, in every data file it applies to,
gives one DataError listing every problem with its file, record and field.

The files are the mini dataset's (tests/mini.py), so that every expected
message is exact. Records are named by their position in the file while
they cannot be read, and by their id once they can.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from hostile.corrupt import FILES, RECORD_FILES, edit, problems, raw
from sco_digital import Unit
from sco_digital._loader import MAX_FILE_SIZE

ID = {
    "sources.json": "id",
    "countries.json": "code",
    "organizations.json": "id",
    "places.json": "id",
    "projects.json": "id",
    "indicators.json": "id",
    "conflicts.json": "id",
}
"""The key field of each record file."""

FIRST = {
    "sources.json": "reprint",
    "countries.json": "BY",
    "organizations.json": "caict",
    "places.json": "bishkek",
    "projects.json": "cable",
    "indicators.json": "latency",
    "conflicts.json": "c1-latency",
}
"""The id of each record file's first record (files are sorted by id)."""

NAME = {
    "sources.json": "publisher",
    "countries.json": "name",
    "organizations.json": "name",
    "places.json": "name",
    "projects.json": "name",
    "indicators.json": "label",
    "conflicts.json": "topic",
    "manifest.json": "title",
}
"""A name field (at most 300 characters) of each file."""

KNOWN = {
    "sources.json": "id, title, publisher, reprint_of, kind, published, url, language, "
    "archived_url, note",
    "countries.json": "code, alpha3, name, name_zh, name_ru, aliases, localized_names, region, memberships",
    "organizations.json": "id, name, kind, country, aliases, sources, note, reviewed",
    "places.json": "id, name, name_zh, name_ru, country, latitude, longitude, geonames_id, admin1, "
    "precision, sources, note",
    "projects.json": "id, name, aliases, summary, kind, status, participants, organizations, "
    "technologies, sectors, location, started, ended, parent, sources, note, reviewed, "
    "organization_roles, identifiers, places",
    "indicators.json": "id, subject, metric, label, value, unit, qualifier, period, period_end, "
    "as_of, sources, note, reviewed",
    "conflicts.json": "id, topic, summary, records, sources",
}
"""The keys each record may have, as the unknown-key message lists them."""

REQUIRED = {
    "sources.json": ["id", "publisher", "kind", "url", "language"],
    "countries.json": ["code", "alpha3", "name", "name_zh", "name_ru", "region", "memberships"],
    "organizations.json": ["id", "name", "kind", "sources"],
    "places.json": ["id", "name", "country", "latitude", "longitude", "precision", "sources"],
    "projects.json": ["id", "name", "summary", "kind", "status", "sources"],
    "indicators.json": [
        "id",
        "subject",
        "metric",
        "label",
        "value",
        "unit",
        "qualifier",
        "sources",
    ],
    "conflicts.json": ["id", "topic", "summary", "records", "sources"],
    "manifest.json": ["name", "title", "data_version", "license", "counts"],
}

MB = "x" * 1_000_000
MB_QUOTED = f"'{'x' * 60}'... (1,000,000 characters)"


def content_of(directory: Path, name: str) -> bytes:
    return (directory / name).read_bytes()


def write(directory: Path, name: str, content: bytes) -> None:
    (directory / name).write_bytes(content)


def first_object(name: str) -> str:
    """Where problems with the first record of *name* (or the manifest) are reported."""
    return "manifest.json" if name == "manifest.json" else f"{name}[0]"


def record0(name: str, change: Any) -> Any:
    """A change to the first record of a records file, or to the manifest itself."""
    if name == "manifest.json":
        return change
    return lambda data: change(data[0])


class TestUnreadableFiles:
    """Files that cannot be read as JSON at all: one problem naming the file."""

    @pytest.mark.parametrize("name", FILES)
    def test_invalid_json(self, mini_dir: Path, name: str) -> None:
        write(mini_dir, name, b'[{"id": "a",}]')
        assert [
            f"{name}: is not valid JSON: Expecting property name enclosed in double quotes"
            " at line 1, column 13"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    def test_truncated(self, mini_dir: Path, name: str) -> None:
        """Cut to nothing, and cut after its third line (in the first record)."""
        content = content_of(mini_dir, name)
        write(mini_dir, name, b"")
        assert [f"{name}: is not valid JSON: Expecting value at line 1, column 1"] == problems(
            mini_dir
        )
        write(mini_dir, name, b"".join(content.splitlines(keepends=True)[:3]))
        assert [
            f"{name}: is not valid JSON: Expecting property name enclosed in double quotes"
            " at line 4, column 1"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    def test_byte_order_mark(self, mini_dir: Path, name: str) -> None:
        write(mini_dir, name, b"\xef\xbb\xbf" + content_of(mini_dir, name))
        assert [
            f"{name}: starts with a UTF-8 byte-order mark; save it as UTF-8 without one"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    @pytest.mark.parametrize("bad", [b"\xff", b"\xc3(", b"\xed\xa0\x80"])
    def test_invalid_utf8(self, mini_dir: Path, name: str, bad: bytes) -> None:
        """A stray byte, a broken sequence, an encoded surrogate: offset and line given."""
        content = content_of(mini_dir, name)
        at = content.index(b'"') + 1
        write(mini_dir, name, content[:at] + bad + content[at:])
        line = content.count(b"\n", 0, at) + 1
        assert [
            f"{name}: is not valid UTF-8: byte {bad[:1]!r} at offset {at} (line {line})"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    @pytest.mark.parametrize("brackets", [(b"[", b"]"), (b'{"a": ', b"}")])
    def test_100000_nested_brackets(
        self, mini_dir: Path, name: str, brackets: tuple[bytes, bytes]
    ) -> None:
        """The first value of the file, nested 100,000 deep."""
        content = content_of(mini_dir, name)
        start = content.index(b'": ') + 3
        end = content.index(b",\n", start)
        opening, closing = brackets
        nested = opening * 100_000 + b"1" + closing * 100_000
        write(mini_dir, name, content[:start] + nested + content[end:])
        assert [f"{name}: is not valid JSON for this package: nested too deeply"] == problems(
            mini_dir
        )

    @pytest.mark.parametrize("name", FILES)
    def test_missing(self, mini_dir: Path, name: str) -> None:
        (mini_dir / name).unlink()
        assert [f"{name}: file is missing"] == problems(mini_dir)

    def test_every_file_missing(self, tmp_path: Path) -> None:
        """An empty directory: every file is named."""
        assert [f"{name}: file is missing" for name in FILES] == problems(tmp_path)

    @pytest.mark.parametrize("name", FILES)
    def test_over_the_size_cap(self, mini_dir: Path, name: str) -> None:
        """Padded one byte past max_file_size, which the other files are within."""
        limit = max(file.stat().st_size for file in mini_dir.iterdir())
        path = mini_dir / name
        path.write_bytes(path.read_bytes().ljust(limit + 1))
        assert [
            f"{name}: file is too large ({limit + 1:,} bytes); the limit is {limit:,} bytes"
            " unless load(max_file_size=...) raises it"
        ] == problems(mini_dir, max_file_size=limit)

    @pytest.mark.parametrize("name", FILES)
    def test_over_the_default_cap(self, mini_dir: Path, name: str) -> None:
        """A sparse file one byte over 64 MiB is refused before it is read."""
        with (mini_dir / name).open("r+b") as stream:
            stream.truncate(MAX_FILE_SIZE + 1)
        assert [
            f"{name}: file is too large (67,108,865 bytes); the limit is 67,108,864 bytes"
            " unless load(max_file_size=...) raises it"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    def test_not_a_regular_file(self, mini_dir: Path, name: str) -> None:
        """A directory, or a FIFO that would block a reader forever."""
        (mini_dir / name).unlink()
        (mini_dir / name).mkdir()
        assert [f"{name}: is not a regular file"] == problems(mini_dir)
        (mini_dir / name).rmdir()
        os.mkfifo(mini_dir / name)
        assert [f"{name}: is not a regular file"] == problems(mini_dir)


class TestTopLevel:
    @pytest.mark.parametrize("name", RECORD_FILES)
    @pytest.mark.parametrize(
        ("content", "what"),
        [
            (b"{}", "an object"),
            (b'"records"', "a string"),
            (b"null", "null"),
            (b"12", "a number"),
            (b"true", "a boolean"),
            (b"NaN", "NaN"),
            (b"-1e999", "-1e999"),
        ],
    )
    def test_records_file_not_an_array(
        self, mini_dir: Path, name: str, content: bytes, what: str
    ) -> None:
        write(mini_dir, name, content)
        assert [f"{name}: expected an array of records, got {what}"] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("content", "what"),
        [
            (b"[]", "an array"),
            (b'"manifest"', "a string"),
            (b"null", "null"),
            (b"1.5", "a number"),
            (b"false", "a boolean"),
            (b"Infinity", "Infinity"),
        ],
    )
    def test_manifest_not_an_object(self, mini_dir: Path, content: bytes, what: str) -> None:
        write(mini_dir, "manifest.json", content)
        assert [f"manifest.json: expected an object, got {what}"] == problems(mini_dir)

    @pytest.mark.parametrize("name", RECORD_FILES)
    @pytest.mark.parametrize(
        ("record", "what"),
        [("[]", "an array"), ('"x"', "a string"), ("null", "null"), ("NaN", "NaN")],
    )
    def test_record_not_an_object(self, mini_dir: Path, name: str, record: str, what: str) -> None:
        """A record that is not an object; the manifest's count is off by one too."""
        content = content_of(mini_dir, name)
        count = len(json.loads(content))
        write(mini_dir, name, b"[" + record.encode() + b", " + content[1:])
        assert [
            f"{name}[0]: expected an object, got {what}",
            f"manifest.json.counts.{name.removesuffix('.json')}: says {count}"
            f" but {name} has {count + 1} records",
        ] == problems(mini_dir)


class TestKeys:
    @pytest.mark.parametrize("name", FILES)
    def test_missing_keys(self, mini_dir: Path, name: str) -> None:
        """An empty object: every required key is listed."""
        edit(mini_dir, name, record0(name, lambda obj: obj.clear()))
        assert [
            f"{first_object(name)}.{key}: required key is missing" for key in REQUIRED[name]
        ] == (problems(mini_dir))

    @pytest.mark.parametrize("name", RECORD_FILES)
    def test_unknown_keys(self, mini_dir: Path, name: str) -> None:
        edit(mini_dir, name, record0(name, lambda obj: obj.update({"extra": 1, "Id": "x"})))
        assert [
            f"{name}[0]: unknown keys 'Id', 'extra'; the known keys are: {KNOWN[name]}"
        ] == problems(mini_dir)

    def test_unknown_keys_in_nested_records_and_manifest(self, mini_dir: Path) -> None:
        edit(mini_dir, "countries.json", lambda d: d[0]["memberships"][1].update(country="BY"))
        edit(mini_dir, "projects.json", lambda d: d[0]["participants"][2].update(share=0.5))
        edit(mini_dir, "manifest.json", lambda m: m.update(version="1"))
        edit(mini_dir, "manifest.json", lambda m: m["counts"].update(members=5))
        assert [
            "countries.json[0].memberships[1]: unknown key 'country'; the known keys are:"
            " status, since, until, sources, note, reviewed",
            "projects.json[0].participants[2]: unknown key 'share'; the known keys are:"
            " country, role",
            "manifest.json: unknown key 'version'; the known keys are:"
            " name, title, data_version, license, counts",
            "manifest.json.counts: unknown key 'members'; the known keys are:"
            " conflicts, countries, indicators, organizations, places, projects, sources",
        ] == problems(mini_dir)

    def test_many_unknown_keys(self, mini_dir: Path) -> None:
        """Ten thousand unknown keys: five are quoted, the rest counted."""
        edit(
            mini_dir, "projects.json", lambda d: d[0].update({f"k{i:05}": i for i in range(10_000)})
        )
        assert [
            "projects.json[0]: unknown keys 'k00000', 'k00001', 'k00002', 'k00003', 'k00004'"
            f" and 9,995 more; the known keys are: {KNOWN['projects.json']}"
        ] == problems(mini_dir)

    @pytest.mark.parametrize("name", FILES)
    def test_key_twice_in_one_object(self, mini_dir: Path, name: str) -> None:
        """The first key of the file's first object, written twice."""
        at = 1 if name == "manifest.json" else 2  # the line of the first key
        lines = content_of(mini_dir, name).splitlines(keepends=True)
        write(mini_dir, name, b"".join([*lines[: at + 1], *lines[at:]]))
        key = "name" if name == "manifest.json" else ID[name]
        assert [
            f"{first_object(name)}: key '{key}' appears more than once in one object"
        ] == problems(mini_dir)

    def test_key_twice_in_nested_objects(self, mini_dir: Path) -> None:
        """Repeated keys in a membership, a participant and the manifest's counts, with
        the other problems of the same record.
        """
        for name, old, new in [
            ("countries.json", b'"since": "2009-06",', b'"since": "2009-06", "since": "2010",'),
            ("projects.json", b'"role": "partner"', b'"role": "partner", "role": "host", "x": 1'),
            ("manifest.json", b'"sources": 4', b'"sources": 4, "sources": 5'),
        ]:
            write(mini_dir, name, content_of(mini_dir, name).replace(old, new, 1))
        assert [
            "countries.json[0].memberships[0]: key 'since' appears more than once in one object",
            "projects.json[0].participants[1]: key 'role' appears more than once in one object",
            "projects.json[0].participants[1]: unknown key 'x'; the known keys are: country, role",
            "manifest.json.counts: key 'sources' appears more than once in one object",
        ] == problems(mini_dir)


# The string field, the array field and the nested record of each file, with a
# value of the wrong type and what the loader says about it.
WRONG_TYPES = [
    ("sources.json", "id", 5, "[0].id: expected a string, got a number"),
    ("sources.json", "kind", ["news"], "[0].kind: expected a string, got an array"),
    ("sources.json", "published", 2025, "[0].published: expected a string, got a number"),
    ("sources.json", "url", {"href": "x"}, "[0].url: expected a string, got an object"),
    ("countries.json", "code", None, "[0].code: expected a string, got null"),
    ("countries.json", "aliases", "Belarus", "[0].aliases: expected an array, got a string"),
    ("countries.json", "memberships", [[]], "[0].memberships[0]: expected an object, got an array"),
    ("organizations.json", "id", False, "[0].id: expected a string, got a boolean"),
    ("organizations.json", "sources", {"seed": 1}, "[0].sources: expected an array, got an object"),
    ("organizations.json", "country", 86, "[0].country: expected a string, got a number"),
    ("projects.json", "id", ["cable"], "[0].id: expected a string, got an array"),
    (
        "projects.json",
        "participants",
        ["CN"],
        "[0].participants[0]: expected an object, got a string",
    ),
    ("projects.json", "technologies", "5g", "[0].technologies: expected an array, got a string"),
    ("projects.json", "sectors", [None], "[0].sectors[0]: expected a string, got null"),
    ("indicators.json", "id", 1.5, "[0].id: expected a string, got a number"),
    ("indicators.json", "value", "40", "[0].value: expected a number, got a string"),
    ("indicators.json", "value", None, "[0].value: expected a number, got null"),
    ("indicators.json", "sources", [["seed"]], "[0].sources[0]: expected a string, got an array"),
    ("conflicts.json", "id", {}, "[0].id: expected a string, got an object"),
    ("conflicts.json", "records", "cable", "[0].records: expected an array, got a string"),
]


class TestTypes:
    @pytest.mark.parametrize(("name", "key", "value", "message"), WRONG_TYPES)
    def test_wrong_type(
        self, mini_dir: Path, name: str, key: str, value: Any, message: str
    ) -> None:
        edit(mini_dir, name, lambda d: d[0].update({key: value}))
        assert [f"{name}{message}"] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("key", "value", "message"),
        [
            ("name", 1, ".name: expected a string, got a number"),
            ("data_version", None, ".data_version: expected a string, got null"),
            ("counts", [], ".counts: expected an object, got an array"),
        ],
    )
    def test_wrong_type_in_manifest(
        self, mini_dir: Path, key: str, value: Any, message: str
    ) -> None:
        edit(mini_dir, "manifest.json", lambda m: m.update({key: value}))
        assert [f"manifest.json{message}"] == problems(mini_dir)

    @pytest.mark.parametrize("name", RECORD_FILES)
    def test_true_for_a_string(self, mini_dir: Path, name: str) -> None:
        edit(mini_dir, name, lambda d: d[0].update({ID[name]: True}))
        assert [f"{name}[0].{ID[name]}: expected a string, got a boolean"] == problems(mini_dir)

    def test_true_where_a_number_is_expected(self, mini_dir: Path) -> None:
        """The only numbers: an indicator's value and the manifest's counts."""
        edit(mini_dir, "indicators.json", lambda d: d[1].update(value=True))
        edit(mini_dir, "manifest.json", lambda m: m["counts"].update(sources=True))
        assert [
            "indicators.json[1].value: expected a number, got a boolean",
            "manifest.json.counts.sources: expected an integer, got a boolean",
        ] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("token", "shown"),
        [
            ("NaN", "NaN"),
            ("Infinity", "Infinity"),
            ("-Infinity", "-Infinity"),
            ("1e999", "1e999"),
            ("-1E+999", "-1E+999"),
            ("1" + "0" * 400, "10000000000000000000... (401 digits)"),
            ("1" + "0" * 5000, "10000000000000000000... (5,001 digits)"),
        ],
    )
    def test_not_finite(self, mini_dir: Path, token: str, shown: str) -> None:
        """NaN, Infinity, overflowing and over-long numbers: each refused where it stands."""

        def change(data: Any, name: str) -> None:
            data[1][ID[name]] = raw(token)
            if name == "indicators.json":
                data[2]["value"] = raw(token)

        for name in RECORD_FILES:
            edit(mini_dir, name, functools.partial(change, name=name))
        edit(mini_dir, "manifest.json", lambda m: m["counts"].update(projects=raw(token)))
        assert [
            f"sources.json[1].id: expected a string, got {shown}",
            f"countries.json[1].code: expected a string, got {shown}",
            f"organizations.json[1].id: expected a string, got {shown}",
            f"places.json[1].id: expected a string, got {shown}",
            f"projects.json[1].id: expected a string, got {shown}",
            f"indicators.json[1].id: expected a string, got {shown}",
            f"indicators.json[2].value: {shown} is not a finite number within ±1.8e308",
            f"conflicts.json[1].id: expected a string, got {shown}",
            f"manifest.json.counts.projects: expected an integer, got {shown}",
        ] == problems(mini_dir)

    def test_large_integer_within_range_is_a_number(self, mini_dir: Path) -> None:
        """A 309-digit integer below 1.8e308 is a number; one above is refused."""
        edit(mini_dir, "indicators.json", lambda d: d[2].update(value=10**308))
        edit(mini_dir, "indicators.json", lambda d: d[3].update(value=2 * 10**308))
        assert [
            "indicators.json[3].value: 20000000000000000000... (309 digits)"
            " is not a finite number within ±1.8e308",
        ] == problems(mini_dir)

    @pytest.mark.parametrize("unit", [u for u in Unit if not u.can_be_negative])
    def test_negative_where_the_unit_cannot_be(self, mini_dir: Path, unit: Unit) -> None:
        edit(mini_dir, "indicators.json", lambda d: d[3].update(value=-300, unit=unit.value))
        assert [
            f"indicators.json[3].value: -300.0 is negative, which '{unit.value}' cannot be"
        ] == problems(mini_dir)

    def test_negative_percent_and_zero(self, mini_dir: Path) -> None:
        """A percentage may be negative (a fall); any unit may be zero."""
        edit(mini_dir, "indicators.json", lambda d: d[0].update(value=-12.5))
        edit(mini_dir, "indicators.json", lambda d: d[3].update(value=-0.0))
        assert -12.5 == sd.load(mini_dir).indicator("latency").value

    def test_negative_count_in_manifest(self, mini_dir: Path) -> None:
        edit(mini_dir, "manifest.json", lambda m: m["counts"].update(sources=-4))
        assert ["manifest.json.counts.sources: says -4 but sources.json has 4 records"] == (
            problems(mini_dir)
        )


class TestStrings:
    @pytest.mark.parametrize("name", FILES)
    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("", "must not be empty"),
            ("   ", "must not be empty"),
            (" Name", "' Name' has leading or trailing spaces"),
            ("Name\n", "'Name\\n' has leading or trailing spaces"),
            (MB, "is 1,000,000 characters long; the limit is 300"),
            ("Na\x00me", "'Na\\x00me' contains a control character, '\\x00', at position 2"),
            (
                "Na\x1b[31mme",
                "'Na\\x1b[31mme' contains a control character, '\\x1b', at position 2",
            ),
            ("Na\x85me", "'Na\\x85me' contains a control character, '\\x85', at position 2"),
            (
                "Na\ud800me",
                "'Na\\ud800me' contains an unpaired surrogate, '\\ud800', at position 2",
            ),
        ],
    )
    def test_names(self, mini_dir: Path, name: str, value: str, message: str) -> None:
        """Empty, blank, padded, 1 MB, control characters, surrogates, in a name field."""
        edit(mini_dir, name, record0(name, lambda obj: obj.update({NAME[name]: value})))
        assert [f"{first_object(name)}.{NAME[name]}: {message}"] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("name", "key", "limit"),
        [
            ("sources.json", "title", 4000),
            ("countries.json", "name_ru", 300),
            ("organizations.json", "note", 4000),
            ("projects.json", "summary", 4000),
            ("indicators.json", "note", 4000),
            ("conflicts.json", "summary", 4000),
        ],
    )
    def test_one_megabyte_text(self, mini_dir: Path, name: str, key: str, limit: int) -> None:
        edit(mini_dir, name, lambda d: d[0].update({key: MB}))
        assert [f"{name}[0].{key}: is 1,000,000 characters long; the limit is {limit:,}"] == (
            problems(mini_dir)
        )

    @pytest.mark.parametrize("name", RECORD_FILES)
    def test_ids(self, mini_dir: Path, name: str) -> None:
        """Empty and 1 MB ids and codes, quoted short."""
        what = (
            "an ISO 3166-1 alpha-2 code (two capital letters)"
            if name == "countries.json"
            else "a slug (lowercase letters, digits, single hyphens)"
        )
        edit(mini_dir, name, lambda d: d[0].update({ID[name]: ""}))
        edit(mini_dir, name, lambda d: d[1].update({ID[name]: MB}))
        assert [
            f"{name}[0].{ID[name]}: '' is not {what}",
            f"{name}[1].{ID[name]}: {MB_QUOTED} is not {what}",
        ] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("", "'' is not an http(s) URL"),
            ("ftp://example.org/", "'ftp://example.org/' is not an http(s) URL"),
            ("https://exa mple.org/", "'https://exa mple.org/' is not an http(s) URL"),
            ("https://example.org/\x00", "'https://example.org/\\x00' is not an http(s) URL"),
            ("https://example.org/\ud800", "'https://example.org/\\ud800' is not an http(s) URL"),
            ("javascript:alert(1)", "'javascript:alert(1)' is not an http(s) URL"),
            (
                "https://" + MB,
                f"'https://{'x' * 52}'... (1,000,008 characters) is not an http(s) URL",
            ),
        ],
    )
    def test_urls(self, mini_dir: Path, url: str, message: str) -> None:
        edit(mini_dir, "sources.json", lambda d: d[0].update(url=url))
        assert [f"sources.json[0].url: {message}"] == problems(mini_dir)

    def test_non_ascii_digits(self, mini_dir: Path) -> None:
        """Arabic-Indic digits are digits to Python, but not in dates or versions."""
        edit(mini_dir, "projects.json", lambda d: d[1].update(started="٢٠٢٣-05-23"))
        edit(mini_dir, "manifest.json", lambda m: m.update(data_version="٢٠٢٥.08.29"))
        assert [
            "projects.json[1].started: '٢٠٢٣-05-23' is not a date of the form YYYY, YYYY-MM"
            " or YYYY-MM-DD",
            "manifest.json.data_version: '٢٠٢٥.08.29' is not a CalVer version such as '2025.08.29'",
        ] == problems(mini_dir)


def count(directory: Path, name: str, change: int) -> None:
    """Change the manifest's count of *name*'s records by *change*."""
    edit(
        directory, "manifest.json", lambda m: m["counts"].update({name: m["counts"][name] + change})
    )


class TestCrossRecord:
    @pytest.mark.parametrize("name", RECORD_FILES)
    def test_duplicate_id(self, mini_dir: Path, name: str) -> None:
        """The first record, twice (the manifest counts it twice too)."""
        edit(mini_dir, name, lambda d: d.append(d[0]))
        count(mini_dir, name.removesuffix(".json"), +1)
        key = FIRST[name]
        assert [f"{name}['{key}'].{ID[name]}: duplicate id '{key}'"] == problems(mini_dir)

    def test_duplicate_id_and_count_both_listed(self, mini_dir: Path) -> None:
        """The manifest's count and the cross-record rules are both checked."""
        edit(mini_dir, "projects.json", lambda d: d.append(d[3]))
        assert [
            "manifest.json.counts.projects: says 4 but projects.json has 5 records",
            "projects.json['forum-2021'].id: duplicate id 'forum-2021'",
        ] == problems(mini_dir)

    def test_id_shared_across_files(self, mini_dir: Path) -> None:
        """Projects, organisations and indicators share one space of ids."""
        edit(mini_dir, "organizations.json", lambda d: d[1].update(id="latency"))
        edit(mini_dir, "projects.json", lambda d: d[2].update(id="caict"))
        assert [
            "projects.json['caict'].id: 'caict' is also an id in organizations.json",
            "indicators.json['latency'].id: 'latency' is also an id in organizations.json",
            "projects.json['center'].organizations[1]: 'sco-secretariat' is not a known"
            " organization",
            "indicators.json['trainees'].subject: 'center-branch' is not a known project,"
            " organization or country, nor 'SCO'",
        ] == problems(mini_dir)

    def test_dangling_references(self, mini_dir: Path) -> None:
        """Every kind of reference, pointing nowhere, in every file that has one."""
        edit(
            mini_dir, "countries.json", lambda d: d[0]["memberships"][0]["sources"].append("ghost")
        )
        edit(mini_dir, "organizations.json", lambda d: d[0].update(country="ZZ"))
        edit(mini_dir, "organizations.json", lambda d: d[1]["sources"].append("ghost"))

        def project(d: Any) -> None:
            d[0]["participants"].append({"country": "ZZ", "role": "host"})
            d[0]["organizations"].append("ghost-org")
            d[0]["parent"] = "ghost-project"
            d[0]["sources"].append("ghost")

        edit(mini_dir, "projects.json", project)
        edit(mini_dir, "indicators.json", lambda d: d[0].update(subject="ghost-project"))
        edit(mini_dir, "indicators.json", lambda d: d[1].update(subject="ZZ", sources=["ghost"]))
        edit(mini_dir, "conflicts.json", lambda d: d[0].update(records=["ghost", "ZZ", "SCO"]))
        edit(mini_dir, "conflicts.json", lambda d: d[1].update(sources=["ghost"]))
        assert [
            "countries.json['BY'].memberships[0].sources[1]: 'ghost' is not a known source",
            "organizations.json['caict'].country: 'ZZ' is not a known country",
            "organizations.json['sco-secretariat'].sources[1]: 'ghost' is not a known source",
            "projects.json['cable'].participants[3].country: 'ZZ' is not a known country",
            "projects.json['cable'].organizations[0]: 'ghost-org' is not a known organization",
            "projects.json['cable'].parent: 'ghost-project' is not a known project",
            "projects.json['cable'].sources[2]: 'ghost' is not a known source",
            "indicators.json['latency'].subject: 'ghost-project' is not a known project,"
            " organization or country, nor 'SCO'",
            "indicators.json['members-count'].subject: 'ZZ' is not a known project,"
            " organization or country, nor 'SCO'",
            "indicators.json['members-count'].sources[0]: 'ghost' is not a known source",
            "conflicts.json['c1-latency'].records[0]: 'ghost' is not a known record",
            "conflicts.json['c1-latency'].records[1]: 'ZZ' is not a known record",
            "conflicts.json['c1-latency'].records[2]: 'SCO' is not a known record",
            "conflicts.json['c2-belarus'].sources[0]: 'ghost' is not a known source",
        ] == problems(mini_dir)

    def test_removed_records_leave_references_dangling(self, mini_dir: Path) -> None:
        """A source, an organisation and a country removed (and the counts updated)."""
        edit(mini_dir, "sources.json", lambda d: d.pop(3))  # xinhua
        edit(mini_dir, "organizations.json", lambda d: d.pop(0))  # caict
        edit(mini_dir, "countries.json", lambda d: d.pop(3))  # LA
        count(mini_dir, "sources", -1)
        count(mini_dir, "organizations", -1)
        count(mini_dir, "countries", -1)
        assert [
            "countries.json['BY'].memberships[1].sources[1]: 'xinhua' is not a known source",
            "countries.json['BY'].memberships[2].sources[1]: 'xinhua' is not a known source",
            "organizations.json['sco-secretariat'].sources[0]: 'xinhua' is not a known source",
            "projects.json['center'].organizations[0]: 'caict' is not a known organization",
            "projects.json['center'].sources[1]: 'xinhua' is not a known source",
            "projects.json['center-branch'].organizations[0]: 'caict' is not a known organization",
            "indicators.json['trade'].sources[0]: 'xinhua' is not a known source",
        ] == problems(mini_dir)

    def test_records_citing_nothing_and_sources_cited_by_nothing(self, mini_dir: Path) -> None:
        edit(mini_dir, "sources.json", lambda d: d.append({**d[0], "id": "unused"}))
        count(mini_dir, "sources", +1)
        edit(mini_dir, "conflicts.json", lambda d: d[1].update(records=[]))
        edit(mini_dir, "countries.json", lambda d: d[3]["memberships"][0].update(sources=[]))
        assert [
            "countries.json['LA'].memberships[0].sources: cites no source",
            "conflicts.json['c2-belarus'].records: names no record",
            "sources.json['unused']: is not cited by any record",
        ] == problems(mini_dir)

    def test_parent_cycles(self, mini_dir: Path) -> None:
        """A project its own parent; two projects each other's; one leading into a cycle."""

        def change(d: Any) -> None:
            d[0]["parent"] = "cable"
            d[1]["parent"] = "center-branch"  # center-branch's parent is center
            d[3]["parent"] = "center"

        edit(mini_dir, "projects.json", change)
        assert [
            "projects.json['cable'].parent: parent links form a cycle: cable -> cable",
            "projects.json['center'].parent: parent links form a cycle:"
            " center -> center-branch -> center",
            "projects.json['center-branch'].parent: parent links form a cycle:"
            " center-branch -> center -> center-branch",
            "projects.json['forum-2021'].parent: parent links lead into a cycle:"
            " center -> center-branch -> center",
        ] == problems(mini_dir)

    def test_overlapping_memberships(self, mini_dir: Path) -> None:
        """Belarus: 2009-06..2015, 2015..2024-07-04, 2024-07-04..; broken three ways."""

        def change(d: Any) -> None:
            belarus, china = d[0]["memberships"], d[1]["memberships"]
            belarus[1]["since"] = "2014"  # before dialogue partnership ended (2015)
            belarus[2]["since"] = "2010"  # before the observer status began
            china.append({**china[0], "since": "2020"})  # the founding status has no end

        edit(mini_dir, "countries.json", change)
        assert [
            "countries.json['BY'].memberships[1].since: 2014 is before the previous status"
            " ended (2015)",
            "countries.json['BY'].memberships[2].since: 2010 is before the previous status"
            " began (2014); list memberships in time order",
            "countries.json['CN'].memberships[1].since: overlaps the previous status (member),"
            " which has no end date",
        ] == problems(mini_dir)

    def test_end_before_start(self, mini_dir: Path) -> None:
        """Until before (or on) since; ended before started; period_end before period."""
        edit(mini_dir, "countries.json", lambda d: d[0]["memberships"][0].update(until="2008"))
        edit(mini_dir, "countries.json", lambda d: d[0]["memberships"][1].update(until="2015"))
        edit(mini_dir, "projects.json", lambda d: d[3].update(ended="2021-08-22"))
        edit(mini_dir, "indicators.json", lambda d: d[2].update(period_end="2023"))
        edit(mini_dir, "indicators.json", lambda d: d[3].update(period_end="2026"))
        assert [
            "countries.json[0].memberships[0].until: 2008 is not after since (2009-06)",
            "countries.json[0].memberships[1].until: 2015 is not after since (2015)",
            "projects.json[3].ended: 2021-08-22 is before started (2021-08-23)",
            "indicators.json[2].period_end: 2023 is not after period (2024)",
            "indicators.json[3].period_end: needs period (its start) to be set",
        ] == problems(mini_dir)

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("2025-02-29", "'2025-02-29' is not a valid date: 2025-02 has no day 29"),
            ("2100-02-29", "'2100-02-29' is not a valid date: 2100-02 has no day 29"),
            ("2024-04-31", "'2024-04-31' is not a valid date: 2024-04 has no day 31"),
            ("2024-13", "'2024-13' is not a valid date: 13 is not a month (1-12)"),
            ("2024-00-10", "'2024-00-10' is not a valid date: 0 is not a month (1-12)"),
            ("2024-01-00", "'2024-01-00' is not a valid date: 2024-01 has no day 0"),
            ("0999", "'0999' is not a valid date: 999 is not a four-digit year"),
            ("2024-1-5", "'2024-1-5' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("24-01-05", "'24-01-05' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2024/01/05", "'2024/01/05' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            (
                "2024-01-05T00:00",
                "'2024-01-05T00:00' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            ),
            ("", "'' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ],
    )
    def test_impossible_dates(self, mini_dir: Path, value: str, message: str) -> None:
        """In every date field of every file that has one."""
        edit(mini_dir, "sources.json", lambda d: d[0].update(published=value))
        edit(mini_dir, "countries.json", lambda d: d[3]["memberships"][0].update(since=value))
        edit(mini_dir, "countries.json", lambda d: d[0]["memberships"][2].update(until=value))
        edit(mini_dir, "projects.json", lambda d: d[0].update(started=value, ended=value))
        edit(mini_dir, "indicators.json", lambda d: d[0].update(period=value, period_end=value))
        edit(mini_dir, "indicators.json", lambda d: d[1].update(as_of=value))
        assert [
            f"sources.json[0].published: {message}",
            f"countries.json[0].memberships[2].until: {message}",
            f"countries.json[3].memberships[0].since: {message}",
            f"projects.json[0].started: {message}",
            f"projects.json[0].ended: {message}",
            f"indicators.json[0].period: {message}",
            f"indicators.json[0].period_end: {message}",
            f"indicators.json[1].as_of: {message}",
        ] == problems(mini_dir)

    @pytest.mark.parametrize("version", ["2025.02.29", "2025.13.01", "2025.8.29", "2025.08.29."])
    def test_impossible_data_version(self, mini_dir: Path, version: str) -> None:
        edit(mini_dir, "manifest.json", lambda m: m.update(data_version=version))
        assert [
            f"manifest.json.data_version: '{version}' is not a CalVer version such as '2025.08.29'"
        ] == problems(mini_dir)

    def test_leap_day_data_version(self, mini_dir: Path) -> None:
        edit(mini_dir, "manifest.json", lambda m: m.update(data_version="2024.02.29.1"))
        assert "2024.02.29.1" == sd.load(mini_dir).data_version

    def test_unknown_vocabulary(self, mini_dir: Path) -> None:
        """Every vocabulary field: unknown terms with suggestions, and names for slugs."""
        edit(mini_dir, "sources.json", lambda d: d[0].update(kind="tabloid"))
        edit(mini_dir, "countries.json", lambda d: d[0].update(region="Eastern Europe"))
        edit(mini_dir, "countries.json", lambda d: d[1]["memberships"][0].update(status="membr"))
        edit(mini_dir, "organizations.json", lambda d: d[0].update(kind="club"))

        def project(d: Any) -> None:
            d[0].update(kind="cable", status="working", technologies=["5G", "warp drive"])
            d[0].update(sectors=["health", "helth"])
            d[0]["participants"][0]["role"] = "hots"

        edit(mini_dir, "projects.json", project)
        edit(mini_dir, "indicators.json", lambda d: d[0].update(unit="%", qualifier="approx"))
        assert [
            "sources.json[0].kind: 'tabloid' is not a known source kind",
            "countries.json[0].region: 'Eastern Europe' is a name, not a slug; write 'eastern_europe'",
            "countries.json[1].memberships[0].status: 'membr' is not a known status;"
            " did you mean 'member'?",
            "organizations.json[0].kind: 'club' is not a known organization kind",
            "projects.json[0].kind: 'cable' is a name, not a slug; write 'infrastructure'",
            "projects.json[0].status: 'working' is not a known project status",
            "projects.json[0].participants[0].role: 'hots' is not a known role; did you mean 'host'?",
            "projects.json[0].technologies[0]: '5G' is a name, not a slug; write '5g'",
            "projects.json[0].technologies[1]: 'warp drive' is not a known technology",
            "projects.json[0].sectors[1]: 'helth' is not a known sector; did you mean 'health'?",
            "indicators.json[0].unit: '%' is a name, not a slug; write 'percent'",
            "indicators.json[0].qualifier: 'approx' is not a known qualifier",
        ] == problems(mini_dir)

    def test_repeated_set_members(self, mini_dir: Path) -> None:
        """Technologies, sectors, participants, sources and aliases may not repeat an entry.

        Sets (technologies, sectors) are refused while the record is built, every one;
        the other lists by the record's validators, which stop at the first (attrs).
        """

        def project(d: Any) -> None:
            d[0].update(technologies=["5g", "5g"], sectors=["trade", "trade"])
            d[1]["participants"].append(d[1]["participants"][0])
            d[2]["sources"].append("seed")

        edit(mini_dir, "projects.json", project)
        edit(mini_dir, "countries.json", lambda d: d[0]["aliases"].append("Republic of Belarus"))
        assert [
            "countries.json[0].aliases[1]: 'Republic of Belarus' is repeated",
            "projects.json[0].technologies: '5g' is repeated",
            "projects.json[0].sectors: 'trade' is repeated",
            "projects.json[1].participants[2]: participants[0] is repeated",
            "projects.json[2].sources[1]: 'seed' is repeated",
        ] == problems(mini_dir)


def test_every_problem_in_every_file_at_once(mini_dir: Path) -> None:
    """One load, many problems in six files: one DataError lists them all, in file order."""
    write(
        mini_dir, "sources.json", content_of(mini_dir, "sources.json").replace(b'"id"', b'"Id"', 1)
    )
    edit(mini_dir, "countries.json", lambda d: d[2].update(region=None))
    edit(mini_dir, "organizations.json", lambda d: d[1].update(kind=raw("NaN")))
    edit(mini_dir, "projects.json", lambda d: d[2].update(started="2023-02-30", ended="2022"))
    (mini_dir / "conflicts.json").unlink()
    edit(mini_dir, "manifest.json", lambda m: m.update(license=""))
    with pytest.raises(sd.DataError) as info:
        sd.load(mini_dir)
    assert (
        "7 problems in the data:\n"
        "  sources.json[0]: unknown key 'Id'; the known keys are: id, title, publisher,"
        " reprint_of, kind, published, url, language, archived_url, note\n"
        "  sources.json[0].id: required key is missing\n"
        "  countries.json[2].region: expected a string, got null\n"
        "  organizations.json[1].kind: expected a string, got NaN\n"
        "  projects.json[2].started: '2023-02-30' is not a valid date: 2023-02 has no day 30\n"
        "  conflicts.json: file is missing\n"
        "  manifest.json.license: must not be empty"
    ) == str(info.value)
    assert ("sources.json", 0, "") == (info.value.file, info.value.record, info.value.path)
