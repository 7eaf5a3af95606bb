"""
docs/tour.ipynb, executed as Jupyter runs it (nbclient and an IPython
kernel): records, results and the Dataset show as HTML, the three plots draw,
and every recipe of docs/guide/notebooks.md runs in it.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

DOCS = Path(__file__).parents[2] / "docs"
NOTEBOOK = DOCS / "tour.ipynb"
RECIPES = DOCS / "guide" / "notebooks.md"


_READ: Any = nbformat.read  # untyped


def read(path: Path) -> Any:
    """The notebook at *path*, in nbformat 4."""
    return _READ(path, as_version=4)


def recipes() -> list[str]:
    """The source of each pycon block of the recipes page."""
    page = RECIPES.read_text(encoding="utf-8")
    return [
        "".join(e.source for e in doctest.DocTestParser().get_examples(body)).rstrip("\n")
        for body in re.findall(r"```pycon\n(.*?)```", page, re.DOTALL)
    ]


def code_cells(notebook: Any) -> list[Any]:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.fixture(scope="module")
def executed() -> Any:
    notebook = read(NOTEBOOK)
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute(cwd=str(DOCS))
    return notebook


def test_the_notebook_holds_every_recipe() -> None:
    """Each recipe of the page is a cell of the notebook, as the page has it."""
    sources = [cell.source for cell in code_cells(read(NOTEBOOK))]
    found = recipes()
    assert 10 == len(found)
    assert [recipe for recipe in found if recipe not in sources] == []


def test_the_notebook_is_committed_without_outputs() -> None:
    notebook = read(NOTEBOOK)
    nbformat.validate(notebook)
    assert [] == [cell.outputs for cell in code_cells(notebook) if cell.outputs]


def outputs(cell: Any) -> dict[str, Any]:
    """The data of the cell's displayed value(s), by MIME type."""
    found: dict[str, Any] = {}
    for output in cell.outputs:
        found.update(output.get("data", {}))
    return found


def test_every_cell_runs(executed: Any) -> None:
    errors = [o for cell in code_cells(executed) for o in cell.outputs if o.output_type == "error"]
    assert [] == errors


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ('ds.project("soho-cloud")', "<strong>Soho Cloud Silk Road e-commerce platform</strong>"),
        ('ds.country("KG")', "<strong>Kyrgyzstan</strong> <code>KG</code>"),
        ('ds.indicator("karamay-trainees")', "more than 300 people, as of 2025-06"),
        ('ds.by_country("KG")[:3]', "<caption>3 Project records</caption>"),
        ('ds.place("gwadar")', "<strong>Gwadar</strong> <code>gwadar</code>"),
        (
            'ds.country("BY").memberships[1]',
            "<strong>Observer state 2015-07-10 to 2024-07-04</strong></p>",
        ),
        ("ds", "SCO digital cooperation dataset, data version"),
    ],
)
def test_shown_as_html(executed: Any, source: str, html: str) -> None:
    cell = next(c for c in code_cells(executed) if c.source.splitlines()[-1] == source)
    assert html in outputs(cell)["text/html"]


@pytest.mark.parametrize("source", ["timeline", "heat", "per_year", "plot.membership_timeline()"])
def test_plots_are_drawn(executed: Any, source: str) -> None:
    cell = next(c for c in code_cells(executed) if c.source == source)
    assert outputs(cell)["image/png"]
