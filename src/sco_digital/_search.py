"""
Full-text search over records: the rules of `sco_digital.Dataset.search`.

Text is folded as lookups fold it (`normalize_key`: case, accents and
apostrophe-like letters ignored) and cut into words at every character that
is not a letter or digit. A query term then matches:

- a whole word, with an English plural ending ignored on both sides
  ("workshops" = "workshop", "technologies" = "technology");
- the start of a word, when the term ends with ``*`` ("fib*");
- anywhere in a word, when the term is written in a script that does not put
  spaces between words (Chinese, Japanese, Korean, Thai, Lao, Khmer, Burmese):
  "鲁班" is found in "鲁班工坊".

Every term must match. The index maps each word to the records that hold it,
so a query costs one dictionary look-up per distinct term (a range of the
sorted words for a prefix, a scan of the unspaced text for an unspaced term),
whatever the number of records; repeated terms are looked up once, so the
time is linear in the length of the query.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

from .models import normalize_key

__all__ = ["Query", "SearchIndex", "stem"]

_T = TypeVar("_T")

_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)
"""A letter of a script written without spaces between words."""

_MIN_STEMMED = 4
"""Words shorter than this keep their final s ("gas", "bus", "its")."""


def stem(word: str) -> str:
    """
    *word* without an English plural ending, so that singular and plural
    compare equal: "workshops" and "workshop" give "workshop", "classes"
    "class", "technologies" "technology". Words outside ASCII, words shorter
    than four letters and words in -ss, -us or -is are kept as they are.
    """
    if len(word) < _MIN_STEMMED or word[-1] != "s" or not word.isascii():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def _tokens(text: str) -> list[str]:
    return [token for token in normalize_key(text).split() if any(c.isalnum() for c in token)]


@attrs.frozen
class Query:
    """
    A parsed search: the distinct whole words (stemmed), word starts and
    unspaced terms that must all match.
    """

    words: tuple[str, ...]
    prefixes: tuple[str, ...]
    unspaced: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        """
        Parse *text* into its terms.

        Raises:
            ValueError: *text* has no letters or digits.
        """
        words: dict[str, None] = {}
        prefixes: dict[str, None] = {}
        unspaced: dict[str, None] = {}
        for chunk in dict.fromkeys(text.split()):  # each distinct chunk once
            tokens = _tokens(chunk)
            for i, token in enumerate(tokens):
                if _UNSPACED.search(token):
                    unspaced[token] = None
                elif chunk.endswith("*") and i == len(tokens) - 1:
                    prefixes[token] = None
                else:
                    words[stem(token)] = None
        if not (words or prefixes or unspaced):
            from .errors import shown_key  # only on the error path

            msg = f"search text has no words: {shown_key(text)}"
            raise ValueError(msg)
        return cls(tuple(words), tuple(prefixes), tuple(unspaced))


class SearchIndex(Generic[_T]):
    """An inverted index of the words of some records, in the order given."""

    __slots__ = ("_items", "_sorted", "_stems", "_unspaced", "_words")

    def __init__(self, items: Iterable[tuple[_T, Iterable[str]]]) -> None:
        self._items: list[_T] = []
        words: defaultdict[str, set[int]] = defaultdict(set)
        unspaced: list[str] = []
        for i, (item, texts) in enumerate(items):
            self._items.append(item)
            kept: list[str] = []
            for text in texts:
                for token in _tokens(text):
                    words[token].add(i)
                    if _UNSPACED.search(token):
                        kept.append(token)
            unspaced.append(" ".join(kept))
        self._words = {word: frozenset(ids) for word, ids in words.items()}
        stems: defaultdict[str, set[int]] = defaultdict(set)
        for word, ids in self._words.items():
            stems[stem(word)].update(ids)
        self._stems = {word: frozenset(ids) for word, ids in stems.items()}
        self._sorted = sorted(self._words)
        self._unspaced = unspaced

    def find(self, query: Query) -> tuple[_T, ...]:
        """The items that match every term of *query*, in the index's order."""
        groups: list[frozenset[int]] = [self._stems.get(word, frozenset()) for word in query.words]
        for prefix in query.prefixes:
            start = bisect.bisect_left(self._sorted, prefix)
            found: set[int] = set()
            for word in self._sorted[start:]:
                if not word.startswith(prefix):
                    break
                found |= self._words[word]
            groups.append(frozenset(found))
        groups += (
            frozenset(i for i, text in enumerate(self._unspaced) if term in text)
            for term in query.unspaced
        )
        groups.sort(key=len)
        chosen = set(groups[0])
        for group in groups[1:]:
            chosen &= group
        return tuple(self._items[i] for i in sorted(chosen))
