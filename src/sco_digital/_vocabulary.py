"""
The machinery of the controlled vocabularies: the `Vocabulary` base class,
the lookup index of each vocabulary (`vocabulary_index`) and close-match
suggestions for unknown keys (`suggest`). The terms are in `_terms`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from ._coerce import wrong_type
from ._keys import normalize_key
from .errors import UnknownKeyError

if TYPE_CHECKING:  # typing_extensions costs 1.6 ms to import; Self is only an annotation
    from typing_extensions import Self

__all__ = ["Vocabulary", "suggest", "vocabulary_index"]

_V = TypeVar("_V", bound="Vocabulary")
_T = TypeVar("_T")


class Vocabulary(str, enum.Enum):
    """
    Base of every controlled vocabulary.

    A member's value is its stable slug (``"5g"``, ``"fiber_optics"``); it
    also has a human `label`, a one-sentence `definition` and `aliases`.
    Members are strings, so ``Technology.FIBER_OPTICS == "fiber_optics"``.

    .. versionadded:: 0.1.0
    """

    _value_: str
    label: str
    definition: str
    aliases: tuple[str, ...]

    def __new__(  # members are declared, not constructed
        cls,
        value: str,
        label: str,
        definition: str,
        aliases: tuple[str, ...] = (),
    ) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.definition = definition
        member.aliases = aliases
        return member

    def __setattr__(self, name: str, value: object) -> None:
        if self._is_built():
            msg = f"cannot set {name!r}: {type(self).__name__}.{self._name_} is read-only"
            raise AttributeError(msg)
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if self._is_built():
            msg = f"cannot delete {name!r}: {type(self).__name__}.{self._name_} is read-only"
            raise AttributeError(msg)
        super().__delattr__(name)

    def _is_built(self) -> bool:
        # Enum sets a member's attributes while it builds the class, and only
        # then puts the member in _member_map_; from there on it is shared.
        name = self.__dict__.get("_name_")
        return name is not None and type(self)._member_map_.get(name) is self

    def __str__(self) -> str:
        return self._value_

    def __format__(self, spec: str) -> str:
        return format(self._value_, spec)

    @classmethod
    def lookup(cls, key: str | Self, argument: str | None = None) -> Self:
        """
        Find a term by its slug, label or any alias, ignoring case, accents
        and punctuation; a term is returned as it is.

        Args:
            key: The term, or its slug, label or alias.
            argument: The name of the caller's argument, for the error
                message (default: the vocabulary's name, e.g. "technology").

        Raises:
            TypeError: *key* is neither a str nor a term of this vocabulary
                (a term of another vocabulary, a list...).
            UnknownKeyError: No term matches; the message suggests close ones.
        """
        if isinstance(key, cls):
            return key
        kind = _kind_name(cls)
        if not isinstance(key, str) or isinstance(key, Vocabulary):
            accepts = f"a {cls.__name__} or its slug, label or alias (a str)"
            raise wrong_type(argument or kind.replace(" ", "_"), accepts, key)
        index = vocabulary_index(cls)
        found = index.get(key) or index.get(normalize_key(key))
        if found is not None:
            return found
        raise UnknownKeyError(kind, key, suggest(key, index, lambda term: term.label))


_VOCABULARY_INDEXES: dict[type[Vocabulary], Mapping[str, Any]] = {}


def vocabulary_index(cls: type[_V]) -> Mapping[str, _V]:
    # Built on first lookup, not at import; two threads racing here build
    # equal dicts and one wins, which is harmless.
    index = _VOCABULARY_INDEXES.get(cls)
    if index is None:
        built: dict[str, _V] = {}
        for term in cls:
            for name in (term.value, term.label, *term.aliases):
                built[name] = term
                built[normalize_key(name)] = term
        index = _VOCABULARY_INDEXES[cls] = MappingProxyType(built)
    return index


def _kind_name(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def suggest(
    key: object, index: Mapping[str, _T], display: Callable[[_T], str], n: int = 3
) -> tuple[str, ...]:
    """Return up to *n* display names of the entries of *index* closest to *key*."""
    import difflib  # only on the error path

    if not isinstance(key, str):
        return ()
    # Compare folded forms: an index may hold raw spellings ("soho-cloud"),
    # their folded forms ("soho cloud"), or both.
    entries: dict[str, _T] = {}
    for name, entry in index.items():
        entries.setdefault(normalize_key(name), entry)
    matches = difflib.get_close_matches(normalize_key(key), entries, n=n * 3, cutoff=0.75)
    out: list[str] = []
    for name in matches:
        shown = display(entries[name])
        if shown not in out:
            out.append(shown)
    return tuple(out[:n])
