"""load(): reading directories and the bundled data, and every way it refuses."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import mini
import sco_digital as sd
from sco_digital import DataError, Dataset, _loader

FILES = [
    "conflicts.json",
    "countries.json",
    "indicators.json",
    "manifest.json",
    "organizations.json",
    "places.json",
    "projects.json",
    "sources.json",
]


def messages(directory: Path, **kwargs: int) -> list[str]:
    with pytest.raises(DataError) as info:
        sd.load(directory, **kwargs)
    assert str(info.value).count("\n") == max(0, len(info.value.problems)) - (
        1 if len(info.value.problems) == 1 else 0
    )
    return [str(p) for p in info.value.problems]


def edit(directory: Path, name: str, change: object) -> None:
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")


class TestDirectory:
    def test_round_trip(self, mini_dir: Path) -> None:
        """A directory written by write_json loads back equal, with its version."""
        loaded = sd.load(mini_dir)
        assert mini.dataset() == loaded
        assert "2025.08.29" == loaded.data_version
        assert sorted(p.name for p in mini_dir.iterdir()) == FILES

    def test_reads_afresh(self, mini_dir: Path) -> None:
        """load(path) is not cached: each call reads the files."""
        assert sd.load(mini_dir) is not sd.load(mini_dir)

    def test_str_path(self, mini_dir: Path) -> None:
        """A str path works like a Path."""
        assert sd.load(str(mini_dir)) == sd.load(mini_dir)

    def test_not_a_directory(self, tmp_path: Path) -> None:
        """A missing directory or a file is a DataError naming it."""
        missing = tmp_path / "nope"
        assert [f"{missing}: does not exist; expected a directory of data files"] == messages(
            missing
        )
        file = tmp_path / "file"
        file.write_text("x")
        assert [f"{file}: is not a directory; expected a directory of data files"] == messages(file)

    def test_missing_files(self, mini_dir: Path) -> None:
        """Every missing file is reported."""
        (mini_dir / "projects.json").unlink()
        (mini_dir / "manifest.json").unlink()
        assert ["projects.json: file is missing", "manifest.json: file is missing"] == messages(
            mini_dir
        )

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "is not valid JSON: Expecting value at line 1, column 1"),
            (b'[{"id": ', "is not valid JSON: Expecting value at line 1, column 9"),
            (
                b"\xef\xbb\xbf[]",
                "starts with a UTF-8 byte-order mark; save it as UTF-8 without one",
            ),
            (b'["\xff"]', "is not valid UTF-8: byte b'\\xff' at offset 2 (line 1)"),
            (b"{}", "expected an array of records, got an object"),
            (b'"x"', "expected an array of records, got a string"),
            (
                b"[" * 100_000 + b"]" * 100_000,
                "is not valid JSON for this package: nested too deeply",
            ),
        ],
    )
    def test_unreadable_file(self, mini_dir: Path, content: bytes, message: str) -> None:
        """Broken files give one problem naming the file."""
        (mini_dir / "sources.json").write_bytes(content)
        found = messages(mini_dir)
        assert f"sources.json: {message}" == found[0]
        assert all(not m.startswith("sources.json") for m in found[1:])

    def test_record_problems_in_every_file(self, mini_dir: Path) -> None:
        """Problems in several files and records are all listed, with paths."""
        edit(mini_dir, "projects.json", lambda d: d[0].update(kind="spaceship", sources="seed"))
        edit(mini_dir, "indicators.json", lambda d: d[1].update(value=True))
        edit(mini_dir, "countries.json", lambda d: d[2]["memberships"][0].update(since="2001-13"))
        assert [
            "countries.json[2].memberships[0].since: '2001-13' is not a valid date: 13 is not a month (1-12)",
            "projects.json[0].kind: 'spaceship' is not a known project kind",
            "projects.json[0].sources: expected an array, got a string",
            "indicators.json[1].value: expected a number, got a boolean",
        ] == messages(mini_dir)

    def test_cross_record_problems(self, mini_dir: Path) -> None:
        """Once every record reads, the cross-record rules are checked."""
        edit(
            mini_dir,
            "projects.json",
            lambda d: d[0]["participants"].append({"country": "ZZ", "role": "host"}),
        )
        assert ["projects.json['cable'].participants[3].country: 'ZZ' is not a known country"] == (
            messages(mini_dir)
        )

    def test_size_cap(self, mini_dir: Path) -> None:
        """Files over the size limit are refused before they are read."""
        size = (mini_dir / "projects.json").stat().st_size
        found = messages(mini_dir, max_file_size=size - 1)
        assert (
            f"projects.json: file is too large ({size:,} bytes); the limit is {size - 1:,} "
            "bytes unless load(max_file_size=...) raises it"
        ) in found

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (
                lambda m: m["counts"].update(projects=5),
                ".counts.projects: says 5 but projects.json has 4 records",
            ),
            (
                lambda m: m.update(data_version="v1"),
                ".data_version: 'v1' is not a CalVer version such as '2025.08.29'",
            ),
            (lambda m: m.pop("license"), ".license: required key is missing"),
            (
                lambda m: m.update(extra=1),
                ": unknown key 'extra'; the known keys are: name, title, data_version, license, counts",
            ),
            (
                lambda m: m["counts"].update(widgets=1),
                ".counts: unknown key 'widgets'; the known keys are: conflicts, countries, indicators, organizations, places, projects, sources",
            ),
            (
                lambda m: m.update(name="sco-digit"),
                ".name: 'sco-digit' is not this dataset's name; expected 'sco-digital'",
            ),
            (
                lambda m: m.update(title="SCO dataset"),
                ".title: 'SCO dataset' is not this dataset's title;"
                " expected 'SCO digital cooperation dataset'",
            ),
            (
                lambda m: m.update(license="CC0-1.0"),
                ".license: 'CC0-1.0' is not this dataset's licence; expected 'CC-BY-4.0'",
            ),
            (
                lambda m: m["counts"].update(sources="4"),
                ".counts.sources: expected an integer, got a string",
            ),
        ],
    )
    def test_manifest(self, mini_dir: Path, change: object, message: str) -> None:
        """The manifest is checked too, including its record counts."""
        edit(mini_dir, "manifest.json", change)
        assert [f"manifest.json{message}"] == messages(mini_dir)


class TestBundled:
    def test_loaded_once_and_shared(self) -> None:
        """load() returns one shared Dataset."""
        assert sd.load() is sd.load()
        assert isinstance(sd.load(), Dataset)

    def test_threads_share_one_dataset_and_read_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """32 threads calling load() at first use get the same object; files are read once."""
        monkeypatch.setattr(_loader, "_default", None)
        reads: list[str] = []
        real = _loader._read_bundled

        def counting(name: str) -> bytes:
            reads.append(name)
            return real(name)

        monkeypatch.setattr(_loader, "_read_bundled", counting)
        barrier = threading.Barrier(32)
        results: list[Dataset] = []

        def worker() -> None:
            barrier.wait()
            results.append(sd.load())

        threads = [threading.Thread(target=worker) for _ in range(32)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 32 == len(results)
        assert 1 == len({id(r) for r in results})
        assert sorted(reads) == FILES

    def test_failed_load_caches_nothing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """After a failed first load nothing is cached and the next good load works."""
        monkeypatch.setattr(_loader, "_default", None)
        real = _loader._read_bundled
        monkeypatch.setattr(
            _loader, "_read_bundled", lambda name: b"[" if name == "projects.json" else real(name)
        )
        with pytest.raises(DataError, match="^projects.json: is not valid JSON"):
            sd.load()
        assert _loader._default is None
        monkeypatch.setattr(_loader, "_read_bundled", real)
        assert sd.load() == sd.load(Path(sd.__file__).parent / "data")

    def test_import_reads_nothing(self) -> None:
        """Importing the package opens no data file and imports no cattrs or pandas."""
        code = (
            "import sys, builtins, io\n"
            "opened = []\n"
            "real = io.open\n"
            "def spy(f, *a, **k):\n"
            "    opened.append(str(f)); return real(f, *a, **k)\n"
            "builtins.open = io.open = spy\n"
            "import sco_digital\n"
            "bad = [m for m in ('cattrs', 'pandas', 'polars', 'pyarrow') if m in sys.modules]\n"
            "print([f for f in opened if 'sco_digital' in f], bad)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[] []" == out.stdout.strip()

    def test_versions(self) -> None:
        """__version__ comes from the installed metadata, DATA_VERSION from the manifest."""
        from importlib.metadata import version

        assert version("sco-digital") == sd.__version__
        manifest = json.loads(
            (Path(sd.__file__).parent / "data" / "manifest.json").read_text("utf-8")
        )
        assert manifest["data_version"] == sd.DATA_VERSION == sd.load().data_version

    def test_unknown_attribute(self) -> None:
        """Other missing attributes raise AttributeError as usual."""
        with pytest.raises(AttributeError, match="has no attribute 'nope'"):
            sd.nope  # type: ignore[attr-defined]  # noqa: B018

    def test_module_level_queries(self) -> None:
        """sd.by_country and sd.by_technology query the bundled dataset."""
        assert sd.load().by_country("KG") == sd.by_country("KG")
        assert sd.load().by_technology("5G") == sd.by_technology("5g")
