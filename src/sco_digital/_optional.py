"""
The optional libraries (pandas, polars, pyarrow, matplotlib), imported only
when a function that needs one is called.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXTRAS = {"pandas": "pandas", "polars": "polars", "pyarrow": "arrow", "matplotlib": "plot"}


def require(module: str, caller: str) -> Any:
    """Import *module* for *caller*, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        root = module.partition(".")[0]
        msg = f"{caller}() needs {root}: pip install 'sco-digital[{_EXTRAS[root]}]'"
        raise ImportError(msg, name=root) from None
