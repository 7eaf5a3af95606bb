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


def edit(directory: Path, name: str, change: Callable[[Any], object]) -> None:
    """Apply *change* to the parsed file *name*, then write it back."""
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    text = json.dumps(data, indent=2)  # ASCII: a lone surrogate is written as an escape
    path.write_text(re.sub(r'"@raw:([^"@]*)@"', r"\1", text), encoding="utf-8")
