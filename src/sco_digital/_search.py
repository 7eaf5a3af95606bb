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
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

import attrs

from ._keys import normalize_key

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
            from ._keys import shown_key  # only on the error path

            msg = f"search text has no words: {shown_key(text)}"
            raise ValueError(msg)
        return cls(tuple(words), tuple(prefixes), tuple(unspaced))


@attrs.frozen
class SearchIndex(Generic[_T]):
    """
    An inverted index of the words of some items, in the order given; build
    one with `build`. Immutable: tuples, frozensets and read-only mappings.
    """

    items: tuple[_T, ...]
    words: Mapping[str, frozenset[int]]
    """Each folded word -> the positions of the items that hold it."""
    stems: Mapping[str, frozenset[int]]
    """Each word without its plural ending -> the positions of the items."""
    sorted_words: tuple[str, ...]
    unspaced: tuple[str, ...]
    """Each item's words in scripts written without spaces, joined by spaces."""

    @classmethod
    def build(cls, items: Iterable[tuple[_T, Iterable[str]]]) -> SearchIndex[_T]:
        """Index *items*, pairs of an item and the texts it is found by."""
        kept_items: list[_T] = []
        words: defaultdict[str, set[int]] = defaultdict(set)
        unspaced: list[str] = []
        for i, (item, texts) in enumerate(items):
            kept_items.append(item)
            kept: list[str] = []
            for text in texts:
                for token in _tokens(text):
                    words[token].add(i)
                    if _UNSPACED.search(token):
                        kept.append(token)
            unspaced.append(" ".join(kept))
        stems: defaultdict[str, set[int]] = defaultdict(set)
        for word, ids in words.items():
            stems[stem(word)].update(ids)
        return cls(
            tuple(kept_items),
            MappingProxyType({word: frozenset(ids) for word, ids in words.items()}),
            MappingProxyType({word: frozenset(ids) for word, ids in stems.items()}),
            tuple(sorted(words)),
            tuple(unspaced),
        )

    def find(self, query: Query) -> tuple[_T, ...]:
        """The items that match every term of *query*, in the index's order."""
        groups: list[frozenset[int]] = [self.stems.get(word, frozenset()) for word in query.words]
        for prefix in query.prefixes:
            found: set[int] = set()
            for i in range(bisect.bisect_left(self.sorted_words, prefix), len(self.sorted_words)):
                word = self.sorted_words[i]
                if not word.startswith(prefix):
                    break
                found |= self.words[word]
            groups.append(frozenset(found))
        groups += (
            frozenset(i for i, text in enumerate(self.unspaced) if term in text)
            for term in query.unspaced
        )
        groups.sort(key=len)
        chosen = set(groups[0])
        for group in groups[1:]:
            chosen &= group
        return tuple(self.items[i] for i in sorted(chosen))
