"""Helpers to damage data directories and collect what load() says about them."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from sco_digital import DataError

BUNDLED = Path(sd.__file__).parent / "data"
RECORD_FILES = (
    "sources.json",
    "countries.json",
    "organizations.json",
    "places.json",
    "projects.json",
    "indicators.json",
    "conflicts.json",
)
FILES = (*RECORD_FILES, "manifest.json")


def problems(directory: Path, **kwargs: Any) -> list[str]:
    """The problems load(directory) reports, one string each; it must raise DataError."""
    with pytest.raises(DataError) as info:
        sd.load(directory, **kwargs)
    return [str(p) for p in info.value.problems]


def copy_bundled(directory: Path) -> Path:
    """A copy of the bundled data files in *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(BUNDLED / name, directory / name)
    return directory


def raw(token: str) -> str:
    """A stand-in that `edit` writes as the bare JSON token *token* (NaN, 1e999)."""
    return f"@raw:{token}@"


class Repeated(dict[str, Any]):
    """An object that `dump` writes with the key-value pairs given, repeats and all."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs

    def items(self) -> Any:
        return self.pairs


def dump(data: Any) -> bytes:
    """
    JSON bytes of *data*, in ASCII (a lone surrogate is written as an escape),
    with each `raw` stand-in written as its bare token.
    """
    text = json.dumps(data)
    return re.sub(r'"@raw:([^"@]*)@"', r"\1", text).encode()


def edit(directory: Path, name: str, change: Callable[[Any], object]) -> None:
    """Apply *change* to the parsed file *name*, then write it back."""
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_bytes(dump(data))
