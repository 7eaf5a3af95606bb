"""The registry lists every record file and vocabulary once; the manifest is a record."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import sco_digital as sd
from sco_digital._about import LICENSE, NAME, TITLE
from sco_digital._loader import bundled_manifest
from sco_digital._manifest import Manifest
from sco_digital._registry import COUNTS, FILES, MANIFEST, RECORD_FILES, VOCABULARIES
from sco_digital.models import Vocabulary

DATA = Path(sd.__file__).parent / "data"


def test_every_vocabulary_once() -> None:
    assert sorted(Vocabulary.__subclasses__(), key=str) == sorted(VOCABULARIES, key=str)
    assert len(set(VOCABULARIES)) == len(VOCABULARIES)


def test_record_files_are_the_data_files_and_the_dataset_tables() -> None:
    """Each record file is a bundled file, a Dataset field and a manifest count."""
    assert sorted(p.name for p in DATA.glob("*.json")) == sorted(
        [*(f.file for f in RECORD_FILES), MANIFEST]
    )
    ds = sd.load()
    for entry in RECORD_FILES:
        records = getattr(ds, entry.table)
        assert {entry.record} == {type(r) for r in records}
        keys = [getattr(r, entry.key) for r in records]
        assert sorted(set(keys)) == keys  # the key identifies a record; files are sorted by it
        assert FILES[entry.record] == entry.file
    assert sorted(f.table for f in RECORD_FILES) == [a.name for a in attrs.fields(COUNTS)]


class TestManifest:
    def test_bundled(self) -> None:
        """The bundled manifest, read as a record: ours, counting what load() reads."""
        manifest = bundled_manifest()
        raw = json.loads((DATA / MANIFEST).read_text(encoding="utf-8"))
        assert (
            Manifest(
                name=NAME,
                title=TITLE,
                data_version=sd.load().data_version or "",
                license=LICENSE,
                counts=raw["counts"],
            )
            == manifest
        )
        assert {f.table: len(getattr(sd.load(), f.table)) for f in RECORD_FILES} == dict(
            manifest.counts
        )

    def test_read_only(self) -> None:
        """The manifest handed out cannot be changed by its callers."""
        manifest = bundled_manifest()
        with pytest.raises(TypeError):
            manifest.counts["projects"] = 0  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            manifest.data_version = "2000.01.01"  # type: ignore[misc]
        assert bundled_manifest().counts["projects"] == len(sd.load().projects)

    def test_count_problems(self) -> None:
        manifest = bundled_manifest()
        lengths = dict(manifest.counts)
        assert [] == list(manifest.count_problems(lengths))
        lengths["projects"] += 1
        count = manifest.counts["projects"]
        assert [
            (".counts.projects", f"says {count} but projects.json has {count + 1} records")
        ] == list(manifest.count_problems(lengths))
