"""docs/data.md agrees with the data: its generated sections are up to date."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import sco_digital as sd
import scripted
from sco_digital.models import Project

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGE = DOCS / "data.md"


_datadoc = scripted.load("docs/gen_data.py")


def test_page_is_up_to_date() -> None:
    """Regenerating docs/data.md from the bundled data changes nothing."""
    text = PAGE.read_text(encoding="utf-8")
    assert text == _datadoc.render(text), (
        "docs/data.md is out of date: run python docs/gen_data.py docs/data.md"
    )


def test_page_follows_the_data() -> None:
    """A change in the data shows in the generated tables."""
    ds = sd.load()
    smaller = attrs.evolve(ds, projects=ds.projects[1:])
    text = PAGE.read_text(encoding="utf-8")
    assert text != _datadoc.render(text, smaller)
    assert f"| `projects.json` | `Project` | {len(ds.projects) - 1} |" in _datadoc.render(
        text, smaller
    )


def test_every_field_and_term_is_documented() -> None:
    """Each record field and each vocabulary term appears on the page."""
    text = PAGE.read_text(encoding="utf-8")
    for field in attrs.fields(Project):
        assert f"| `{field.name}` |" in text
    for vocabulary in _datadoc.VOCABULARIES:
        for term in vocabulary:
            assert f"| `{term.value}` | {term.label} | {term.definition} |" in text


def test_missing_section() -> None:
    """A page without one of the generated sections is an error, not a silent skip."""
    text = PAGE.read_text(encoding="utf-8")
    broken = text.replace("<!-- generated: conflicts -->", "")
    with pytest.raises(ValueError, match=r"missing \['conflicts'\]"):
        _datadoc.render(broken)


def test_command(tmp_path: Path) -> None:
    """--check reports a stale page; without it the page is rewritten."""
    stale = tmp_path / "data.md"
    stale.write_text(
        PAGE.read_text(encoding="utf-8").replace("| `CN` | China |", "| `CN` | Cathay |"),
        encoding="utf-8",
    )
    assert 1 == _datadoc.main(["--check", str(stale)])
    assert 0 == _datadoc.main([str(stale)])
    assert PAGE.read_text(encoding="utf-8") == stale.read_text(encoding="utf-8")
    assert 0 == _datadoc.main(["--check", str(stale)])


def test_attribute_docs() -> None:
    """Field meanings come from the Attributes section, with null for None."""
    docs = _datadoc.attribute_docs(sd.Source)
    assert "The headline or page title; null where it could not be seen." == docs["title"]


def test_unknown_type() -> None:
    """A field type the generator cannot describe is an error."""
    with pytest.raises(TypeError, match=r"^no JSON type known for <class 'complex'>$"):
        _datadoc.json_type(complex)
