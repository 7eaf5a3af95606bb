"""
Canonical JSON text, and the converter's `unstructure` for export.py.

Records are converted in `_convert`; only ``dumps`` is left here, until the
exports write canonical JSON text in one place of their own (issue 10).
"""

from __future__ import annotations

import json
from typing import Any

from ._convert import unstructure

__all__ = ["dumps", "unstructure"]


def dumps(value: Any) -> str:
    """The canonical text of JSON-shaped *value*: two-space indent, UTF-8, newline."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
