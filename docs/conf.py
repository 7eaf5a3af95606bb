"""
Sphinx configuration: MyST pages, the API from the docstrings, the furo theme.

Built offline with warnings as errors by ``.ci/run``::

    sphinx-build -W --keep-going -b html docs docs/_build/html

Nothing here reaches the network (no intersphinx). Each build first redraws
the figures from the bundled data (``figures.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import sco_digital

sys.path.insert(0, str(Path(__file__).parent))

project = "sco-digital"
author = "The sco_digital maintainers"
copyright = "the sco_digital maintainers; data CC-BY-4.0"  # noqa: A001 - Sphinx's name
release = sco_digital.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", ".DS_Store"]
myst_heading_anchors = 3

# Docstrings: Google style, backticked names are cross-references.
default_role = "py:obj"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True  # attrs fields documented once, in the Attributes: list

html_theme = "furo"
html_title = f"sco-digital {release}"
html_last_updated_fmt = None


def _draw_figures(_app: Any) -> None:
    from figures import write_figures

    write_figures()


def setup(app: Any) -> None:
    """Redraw the figures before Sphinx reads the pages that show them."""
    app.connect("builder-inited", _draw_figures)
