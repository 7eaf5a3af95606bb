"""
The text rules of the records, each declared once: its pattern, its
longest length and its description.

The attrs validators (`_fields`), the JSON Schemas (`_schemas`) and the
Hypothesis strategies (`strategies`) all read these declarations; which
rule a string field follows is named once, by the validator of the field
(`rule_of`). A rule's pattern is written once, as a regular expression
body that may name three character classes (``@EDGE@``, ``@INSIDE@``,
``@JOINING@``); it is rendered for Python's `re` (every code point) and
for JSON Schema (`Rule.pattern`: escapes of four hex digits, which JSON Schema's
regular expressions and Python's both read, so only the Basic Multilingual
Plane).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from ._keys import quote

if TYPE_CHECKING:
    import attrs

__all__ = [
    "ADMIN1",
    "ALPHA2",
    "ALPHA3",
    "DATA_VERSION",
    "DATE",
    "INVISIBLE",
    "JOINERS",
    "JOINING_SCRIPTS",
    "LANGUAGE",
    "MAX_NAME",
    "MAX_TEXT",
    "MAX_URL",
    "METRIC",
    "NAME",
    "RULES",
    "SLUG",
    "SUBJECT",
    "TEXT",
    "URL",
    "Rule",
    "TextRule",
    "control",
    "is_data_version",
    "rule_of",
    "text_problem",
]

MAX_NAME = 300
MAX_TEXT = 4000
MAX_URL = 2000

# -- the characters a text never holds ---------------------------------------------

INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
"""
The format characters (Unicode category Cf) of Unicode 13 to 15.1: zero-width
spaces and joiners, left-to-right and right-to-left marks, bidirectional
embeddings, overrides and isolates, the byte-order mark, the soft hyphen,
tags... They print nothing, or reorder what follows, so a name holding one
looks like another name, or like something else on a terminal (a test
checks that this covers every Cf character the running Python knows).
"""

_NOT_TEXT = f"\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{INVISIBLE}"
"""Characters never part of a text: controls, lone surrogates, invisible format characters."""

JOINERS = "\u200c\u200d"
JOINING_SCRIPTS = (
    ("\u0600", "\u08ff"),  # Arabic, Syriac, Thaana...: Persian and Urdu write ZWNJ
    ("\u0900", "\u0dff"),  # Devanagari to Sinhala: conjuncts are written with ZWJ/ZWNJ
    ("\u1000", "\u109f"),  # Myanmar
    ("\u1780", "\u17ff"),  # Khmer
    ("\ufb50", "\ufdff"),  # Arabic presentation forms
    ("\ufe70", "\ufeff"),
)
"""The scripts that spell with a zero-width (non-)joiner inside a word."""


@functools.cache
def control() -> re.Pattern[str]:
    """
    A character never part of a text (`_NOT_TEXT`). Compiled on first use:
    valid text, which `text_problem` checks with isprintable() first, never
    needs it.
    """
    return re.compile(f"[{_NOT_TEXT}]")


def _ranges(codes: list[int]) -> str:
    """A regular-expression class body matching exactly *codes*, as ranges of code points."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        parts.append(
            f"\\u{start:04x}" if start == previous else f"\\u{start:04x}-\\u{previous:04x}"
        )
        start = previous = code
    return "".join(parts)


def _python_classes() -> dict[str, str]:
    joining = "".join(f"{low}-{high}" for low, high in JOINING_SCRIPTS)
    return {"@EDGE@": f"\\s{_NOT_TEXT}", "@INSIDE@": _NOT_TEXT, "@JOINING@": joining}


@functools.cache
def _json_classes() -> dict[str, str]:
    """The same classes as ranges of escapes of the Basic Multilingual Plane."""
    bmp = [chr(i) for i in range(0x10000)]
    inside = [ord(c) for c in bmp if control().match(c)]
    edge = sorted({*inside, *(ord(c) for c in bmp if c.isspace())})
    joining = "".join(f"\\u{ord(low):04x}-\\u{ord(high):04x}" for low, high in JOINING_SCRIPTS)
    return {"@EDGE@": _ranges(edge), "@INSIDE@": _ranges(inside), "@JOINING@": joining}


def _fill(body: str, classes: dict[str, str]) -> str:
    for name, chars in classes.items():
        body = body.replace(name, chars)
    return body


# -- rules -------------------------------------------------------------------------


class Rule:
    """
    A text rule: a pattern, a longest length and a description.

    Attributes:
        name: The rule's name, also its JSON Schema definition ("slug").
        body: The pattern, without anchors; it may name the classes
            ``@EDGE@`` (what a text neither starts nor ends with),
            ``@INSIDE@`` (what it never holds) and ``@JOINING@`` (the
            scripts that spell with zero-width joiners).
        description: What the rule asks, for the JSON Schemas.
        what: What a valid value is, for a validator's message ("a slug
            (lowercase letters, digits, single hyphens)").
        max_length: The longest value, in code points, or None.
    """

    # A plain class, not an attrs one: the rules are built at every import.
    __slots__ = ("body", "description", "max_length", "name", "what")

    def __init__(
        self, name: str, body: str, description: str, what: str, max_length: int | None = None
    ) -> None:
        self.name = name
        self.body = body
        self.description = description
        self.what = what
        self.max_length = max_length

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"

    @property
    def pattern(self) -> str:
        """The pattern as JSON Schema writes it: anchored, its classes in the BMP."""
        return _json_pattern(self)

    @property
    def regex(self) -> re.Pattern[str]:
        """The pattern for Python's re.match, covering every code point."""
        return _regex(self)

    def problem(self, value: str) -> str | None:
        """Why the string *value* breaks the rule, or None if it keeps it."""
        if (self.max_length is None or len(value) <= self.max_length) and self.regex.match(value):
            return None
        return f"{quote(value)} is not {self.what}"


@functools.cache
def _json_pattern(rule: Rule) -> str:
    # Ends with "$(?!\n)": in Python's re, which the jsonschema package uses,
    # "$" also matches before a final newline; the lookahead refuses that.
    return f"^{_fill(rule.body, _json_classes())}$(?!\\n)"


@functools.cache
def _regex(rule: Rule) -> re.Pattern[str]:
    return re.compile(f"(?:{_fill(rule.body, _python_classes())})\\Z")


class TextRule(Rule):
    """
    A name or a text: not empty, no whitespace at either end, and none of
    the characters `control` finds, but for a zero-width (non-)joiner
    between two letters of a script that spells with them.
    """

    __slots__ = ()

    def problem(self, value: str) -> str | None:
        """Why *value* breaks the rule (`text_problem`), or None."""
        return text_problem(value, self.max_length or MAX_TEXT)


_SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*"
_DOT = r"\."
_YEAR = "[1-9][0-9]{3}"
_MONTH = "(?:0[1-9]|1[0-2])"
_LEAP = "(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
_TEXT = "[^@EDGE@](?:(?:[^@INSIDE@]|(?<=[@JOINING@])[\\u200c\\u200d](?=[@JOINING@]))*[^@EDGE@])?"


def _day(sep: str) -> str:
    """A day that exists, from 1000-01-01 to 9999-12-31, with *sep* between the parts."""
    return (
        f"(?:{_YEAR}{sep}(?:(?:0[13578]|1[02]){sep}(?:0[1-9]|[12][0-9]|3[01])"
        f"|(?:0[469]|11){sep}(?:0[1-9]|[12][0-9]|30)"
        f"|02{sep}(?:0[1-9]|1[0-9]|2[0-8]))"
        f"|{_LEAP}{sep}02{sep}29)"
    )


SLUG = Rule(
    "slug",
    _SLUG,
    "A slug: lowercase letters and digits, joined by single hyphens.",
    "a slug (lowercase letters, digits, single hyphens)",
    100,
)
METRIC = Rule(
    "metric",
    "[a-z0-9]+(?:_[a-z0-9]+)*",
    "A snake_case metric name, such as people_trained.",
    "a snake_case metric name such as 'people_trained'",
    100,
)
ALPHA2 = Rule(
    "alpha2",
    "[A-Z]{2}",
    "An ISO 3166-1 alpha-2 code, such as UZ.",
    "an ISO 3166-1 alpha-2 code (two capital letters)",
)
ALPHA3 = Rule(
    "alpha3",
    "[A-Z]{3}",
    "An ISO 3166-1 alpha-3 code, such as UZB.",
    "an ISO 3166-1 alpha-3 code (three capital letters)",
)
LANGUAGE = Rule(
    "language",
    "[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?",
    "A BCP 47 language tag, such as en, zh-Hant or pt-BR.",
    "a BCP 47 language tag such as 'en' or 'zh-Hant'",
)
SUBJECT = Rule(
    "subject",
    f"(?:SCO|[A-Z]{{2}}|{_SLUG})",
    "A project, organisation or indicator id, a country code, or SCO.",
    "a project or organisation id, a country code or 'SCO'",
    100,
)
URL = Rule(
    "url",
    "https?://[^@EDGE@/]+[^@EDGE@]*",
    "An http(s) URL without whitespace or control characters.",
    "an http(s) URL",
    MAX_URL,
)
NAME = TextRule(
    "name",
    _TEXT,
    "A name: no whitespace at either end, no control characters.",
    "a name",
    MAX_NAME,
)
TEXT = TextRule(
    "text",
    _TEXT,
    "A text: no whitespace at either end, no control characters.",
    "a text",
    MAX_TEXT,
)
DATA_VERSION = Rule(
    "data_version",
    f"{_day(_DOT)}(?:{_DOT}[0-9]+)?",
    "CalVer: the release date, YYYY.MM.DD, with an optional .N.",
    "a CalVer data version such as '2026.11.30'",
)
DATE = Rule(
    "date",
    f"(?:{_YEAR}|{_YEAR}-{_MONTH}|{_day('-')})",
    "A date known to the year, month or day (2025, 2025-03, 2025-03-14) that exists.",
    "a date of the form YYYY, YYYY-MM or YYYY-MM-DD that exists",
)

ADMIN1 = Rule(
    "admin1",
    "[A-Z]{2}[.][0-9A-Z]{1,20}",
    "A GeoNames first-level administrative division code, country and division"
    " joined by a dot, such as CN.13.",
    "a GeoNames first-level division code such as 'CN.13'",
)

RULES = (
    SLUG,
    METRIC,
    ALPHA2,
    ALPHA3,
    LANGUAGE,
    SUBJECT,
    URL,
    NAME,
    TEXT,
    DATA_VERSION,
    DATE,
    ADMIN1,
)
"""Every text rule."""


def rule_of(field: attrs.Attribute[Any]) -> Rule | None:
    """The text rule of a record's string field (of each item, for a tuple), or None."""
    rule: Rule | None = getattr(field.validator, "rule", None)
    return rule


def is_data_version(value: object) -> bool:
    """Whether *value* is a CalVer data version, YYYY.MM.DD of a real day, with an optional .N."""
    return type(value) is str and DATA_VERSION.regex.match(value) is not None


# -- the wording of a text's problem -------------------------------------------------


def _joins(value: str, at: int) -> bool:
    """
    Whether the character at *at* is a zero-width (non-)joiner inside a word of
    a script that spells with them (Persian, Urdu, Hindi, Sinhala...), where it
    is part of the name ("ශ්\u200dරී ලංකාව", Sri Lanka in Sinhala) rather than
    a disguise.
    """
    if value[at] not in JOINERS or not 0 < at < len(value) - 1:
        return False
    return all(
        any(low <= value[i] <= high for low, high in JOINING_SCRIPTS) for i in (at - 1, at + 1)
    )


def text_problem(value: str, max_len: int) -> str | None:
    """
    Why *value* is not acceptable as a name or a text of at most *max_len*
    characters, or None if it is: it must not be empty, start or end with
    whitespace, or hold a control character, an unpaired surrogate or an
    invisible or bidirectional format character (U+200B, U+202E...), but for
    a zero-width (non-)joiner between two letters of a script that spells
    with them.
    """
    if (
        0 < len(value) <= max_len
        and value.isprintable()
        and not value[0].isspace()
        and not value[-1].isspace()
    ):
        # The common case, twice as fast as the checks below: printable text
        # holds no control character (Cc) and no surrogate (Cs).
        return None
    if not value.strip():
        return "must not be empty"
    if value != value.strip():
        return f"{quote(value)} has leading or trailing spaces"
    if len(value) > max_len:
        return f"is {len(value):,} characters long; the limit is {max_len:,}"
    bad = next((m for m in control().finditer(value) if not _joins(value, m.start())), None)
    if bad is not None:
        char = bad.group()
        if "\ud800" <= char <= "\udfff":
            what = "an unpaired surrogate"
        elif unicodedata.category(char) == "Cc":
            what = "a control character"
        else:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            what = f"an invisible or bidirectional format character ({name})"
        return f"{quote(value)} contains {what}, {char!r}, at position {bad.start()}"
    return None
