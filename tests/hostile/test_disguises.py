"""
Input that disguises itself: invisible and bidirectional-override characters
in names and texts, and an empty path that would name the current directory.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from hostile.corrupt import edit, problems
from sco_digital._rules import INVISIBLE, control, text_problem
from sco_digital.export import write_json

# The examples: zero-width spaces and joiners, LRM/RLM, embeddings and
# overrides, isolates, the byte-order mark; and other format characters.
DISGUISES = [
    *map(chr, range(0x200B, 0x2010)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\ufeff",
    "\u00ad",
    "\u061c",
    "\U000e0041",
]


@pytest.mark.parametrize("char", DISGUISES, ids=lambda c: f"U+{ord(c):04X}")
def test_text_rule_refuses(char: str) -> None:
    """Each, anywhere in a text, is refused by name and position."""
    name = unicodedata.name(char)
    assert (
        f"{f'Pay{char}Pal'!r} contains an invisible or bidirectional format character"
        f" ({name}), {char!r}, at position 3"
    ) == text_problem(f"Pay{char}Pal", 300)


@pytest.mark.parametrize(
    "name",
    [
        "\u0dc1\u0dca\u200d\u0dbb\u0dd3 \u0dbd\u0d82\u0d9a\u0dcf\u0dc0",  # Sri Lanka, Sinhala (CLDR)
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, a ZWNJ inside a word
        "\u0915\u094d\u200d\u0937",  # Devanagari half form
    ],
)
def test_joiners_inside_words_of_joining_scripts(name: str) -> None:
    """ZWJ and ZWNJ spell words in Sinhala, Persian or Hindi: there they are text."""
    assert text_problem(name, 300) is None


@pytest.mark.parametrize(
    ("name", "at"),
    [
        ("Pay\u200dPal", 3),  # between Latin letters
        ("\u200d\u0dbb\u0dd3", 0),  # at the start
        ("\u0dbb\u0dd3\u200c", 2),  # at the end
        ("\u0dbb \u200d\u0dbb", 2),  # after a space
        ("\u0dbb\u200d\u200d\u0dbb", 1),  # two in a row
    ],
)
def test_joiners_elsewhere_are_refused(name: str, at: int) -> None:
    """Outside a word of a joining script, a joiner is a disguise like any other."""
    problem = text_problem(name, 300)
    assert problem is not None
    assert problem.endswith(f", at position {at}")


def test_every_format_character_is_covered() -> None:
    """INVISIBLE holds every Cf character of the Unicode version this Python has."""
    pattern = control()
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and not pattern.match(chr(code))
    ]
    assert [] == missing, unicodedata.unidata_version
    assert INVISIBLE  # and the class is built from it


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "countries.json",
            lambda data: data[0]["aliases"].append("Be\u202elarus"),
            "countries.json[0].aliases[1]: 'Be\\u202elarus' contains an invisible or"
            " bidirectional format character (RIGHT-TO-LEFT OVERRIDE), '\\u202e', at position 2",
        ),
        (
            "projects.json",
            lambda data: data[0].update(name="Cable\u200b"),
            "projects.json[0].name: 'Cable\\u200b' contains an invisible or bidirectional format"
            " character (ZERO WIDTH SPACE), '\\u200b', at position 5",
        ),
        (
            "sources.json",
            lambda data: data[0].update(url="https://example.org/\u202egpj.exe"),
            "sources.json[0].url: 'https://example.org/\\u202egpj.exe' is not an http(s) URL",
        ),
        (
            "sources.json",
            lambda data: data[0].update(publisher="\ufeffXinhua"),
            "sources.json[0].publisher: '\\ufeffXinhua' contains an invisible or bidirectional"
            " format character (ZERO WIDTH NO-BREAK SPACE), '\\ufeff', at position 0",
        ),
    ],
)
def test_load_names_file_record_and_field(
    mini_dir: Path, name: str, change: Any, expected: str
) -> None:
    """In a data file, the problem names the file, the record and the field."""
    edit(mini_dir, name, change)
    assert [expected] == problems(mini_dir)


def test_load_refuses_an_empty_path() -> None:
    """load("") would read the current directory; it is refused instead."""
    with pytest.raises(ValueError, match=r"^load\(\) was given an empty path; give a directory"):
        sd.load("")


@pytest.mark.parametrize(
    "argv",
    [["validate", ""], ["--data", "", "summary"], ["--data", "", "validate"]],
)
def test_cli_refuses_an_empty_path(argv: list[str], tmp_path: Path) -> None:
    """`sco-digital validate ""` in a directory of valid data: a usage error, not "valid"."""
    write_json(sd.load(), tmp_path)  # the current directory holds valid data
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (2, "") == (done.returncode, done.stdout)
    assert done.stderr.endswith(
        ": an empty string is not a directory; give one, or none for the bundled data\n"
    )
