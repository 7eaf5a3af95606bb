"""CHANGELOG.md keeps the Keep a Changelog form, with a Data section for the data version."""

from __future__ import annotations

import re
from pathlib import Path

import sco_digital as sd

CHANGELOG = Path(__file__).parents[2] / "CHANGELOG.md"
# Keep a Changelog's sections, in its order, then ours for data changes.
SECTIONS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security", "Data")
RELEASE = re.compile(r"\[(?:Unreleased|\d+\.\d+\.\d+)\](?: - \d{4}-\d{2}-\d{2})?")


def releases() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each ``##`` release with its ``###`` sections and their text."""
    found: list[tuple[str, list[tuple[str, str]]]] = []
    for line in CHANGELOG.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            found.append((line[3:], []))
        elif line.startswith("### "):
            found[-1][1].append((line[4:], ""))
        elif found and found[-1][1]:
            name, text = found[-1][1][-1]
            found[-1][1][-1] = (name, text + line + "\n")
    return found


def test_title_and_first_release() -> None:
    lines = CHANGELOG.read_text(encoding="utf-8").splitlines()
    assert "# Changelog" == lines[0]
    assert "[Unreleased]" == releases()[0][0]


def test_release_headings_and_sections() -> None:
    """Versions in brackets with ISO dates; known sections, in order, none empty."""
    for release, sections in releases():
        assert RELEASE.fullmatch(release), f"release heading {release!r}"
        names = [name for name, _ in sections]
        assert set(names) <= set(SECTIONS), f"{release}: unknown section in {names}"
        assert sorted(names, key=SECTIONS.index) == names, f"{release}: sections out of order"
        assert len(set(names)) == len(names), f"{release}: a section appears twice"
        for name, text in sections:
            assert text.strip(), f"{release}: section {name} is empty"


def test_data_section_names_the_bundled_data_version() -> None:
    """The newest Data section describes the data version the package ships."""
    data = next(text for _, sections in releases() for name, text in sections if name == "Data")
    assert f"Data version {sd.DATA_VERSION}" in data
