"""
Folding text into lookup keys (`normalize_key`), and quoting a value in a
message (`quote`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["APOSTROPHES", "normalize_key", "quote"]

_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")

APOSTROPHES = (
    "'`\u00b4\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8"
    "\u055a\u2018\u2019\u201b\u2032\ua78b\ua78c\uff07"
)
"""
Apostrophe-like letters, which lookups drop: U+0027 and the grave and acute
accents that people type for them, the modifier letters (U+02BB turned comma,
which Uzbek writes in "Oʻzbekiston"; U+02BC apostrophe; U+02B9 prime, used to
transliterate the Cyrillic soft sign; U+02C8 vertical line), the Armenian
apostrophe, the curly quotes, the prime, the saltillo and the full-width
apostrophe.
"""

_DROP_APOSTROPHES = dict.fromkeys(map(ord, APOSTROPHES))


def normalize_key(text: str) -> str:
    """
    Fold *text* for case-, accent- and punctuation-insensitive lookups.

    "Türkiye", "turkiye" and "TURKIYE" fold alike, as do "e-commerce" and
    "E Commerce", and "O'zbekiston" and "Oʻzbekiston" (apostrophe-like
    letters, `APOSTROPHES`, are dropped). Letters of every script are kept,
    so "Россия" and "俄罗斯" are still distinct keys. Text with no letters
    or digits at all ("%", ">=") is only case-folded and stripped.
    """
    if isinstance(text, str) and text.isascii():
        # The same result as _fold_unicode, 5x faster, for the common case:
        # NFKD leaves ASCII as it is, no ASCII character is combining, the
        # ASCII characters that are alphanumeric are [0-9A-Za-z], and
        # casefold() is lower(). tests/unit/test_fast_paths.py compares the two.
        kept = _NOT_ASCII_ALNUM.sub(" ", text.translate(_DROP_APOSTROPHES))
        return " ".join(kept.lower().split()) or text.strip().lower()
    return _fold_unicode(text)


fold_name = functools.lru_cache(maxsize=4096)(normalize_key)
"""`normalize_key` remembered for the last 4,096 names: the country and
organisation names that every `Dataset` folds for its lookups and the name
rule (benchmarks/README.md, "Optimisations kept", gives the measure)."""


def _fold_unicode(text: str) -> str:
    # Apostrophes go first: NFKD would split U+00B4 into a space and an accent.
    decomposed = unicodedata.normalize("NFKD", str.translate(text, _DROP_APOSTROPHES))
    kept = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(kept.casefold().split()) or text.strip().casefold()


# -- vocabularies --------------------------------------------------------------


def quote(value: object, limit: int = 60) -> str:
    """*value*'s repr for a message, cut short if it is a long string or a container."""
    if isinstance(value, (list, dict)):
        import reprlib  # only on the error path

        return reprlib.repr(value)  # also safe for deeply nested values
    if not isinstance(value, str):
        return repr(value)
    if len(value) <= limit:
        return repr(value)
    return repr(value[:limit]) + f"... ({len(value):,} characters)"


_KEY_LIMIT = 60
"""At most this many characters of a caller's key are echoed in a message."""


def shown_key(key: object, limit: int = _KEY_LIMIT) -> str:
    """
    *key* as an error message shows it: its repr, with control and other
    invisible characters escaped (``repr`` does that for strings), cut to
    *limit* characters with an ellipsis and the full length when longer.

    >>> shown_key("Uzbekstan")
    "'Uzbekstan'"
    >>> shown_key("x" * 100, limit=5)
    "'xxxxx'... (100 characters)"
    """
    if isinstance(key, str):
        if len(key) <= limit:
            return repr(key)
        return f"{key[:limit]!r}... ({len(key):,} characters)"
    import reprlib  # only on the error path

    short = reprlib.Repr()
    short.maxstring = short.maxother = limit
    return short.repr(key)
