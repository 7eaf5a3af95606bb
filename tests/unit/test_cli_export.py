"""`sco-digital export` in every format, in process and as a real process (json: test_cli.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import sco_digital as sd
from sco_digital.cli import main
from sco_digital.export import TABLES, to_arrow
from tables import read_csv, read_sqlite, rebuild

DIRECTORY_FILES = {
    "csv": sorted(f"{name}.csv" for name in TABLES),
    "parquet": sorted(f"{name}.parquet" for name in TABLES),
    "datapackage": sorted([*(f"{name}.csv" for name in TABLES), "datapackage.json"]),
}


def check_output(fmt: str, out: Path, ds: sd.Dataset) -> None:
    """*out* holds *ds* in format *fmt*."""
    if fmt == "sqlite":
        assert ds == rebuild(read_sqlite(out))
    elif fmt == "json":
        assert ds == sd.load(out)
    else:
        assert DIRECTORY_FILES[fmt] == sorted(p.name for p in out.iterdir())
        if fmt == "parquet":
            assert to_arrow(ds, "projects").equals(pq.read_table(out / "projects.parquet"))
        else:
            assert ds == rebuild(read_csv(out))


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "sqlite", "datapackage"])
def test_export_in_process(capsys: pytest.CaptureFixture[str], mini_dir: Path, fmt: str) -> None:
    """Each format is written, refused over existing files, and replaced with --force."""
    out = mini_dir.parent / f"out-{fmt}"
    argv = ["--data", str(mini_dir), "export", "--format", fmt, str(out)]
    assert 0 == main(argv)
    assert (f"wrote {fmt} to {out}\n", "") == capsys.readouterr()
    check_output(fmt, out, sd.load(mini_dir))

    assert 2 == main(argv)
    _, err = capsys.readouterr()
    assert err.startswith(f"sco-digital: refusing to overwrite {out}")
    assert 1 == err.count("\n")
    assert 0 == main([*argv, "--force"])
    check_output(fmt, out, sd.load(mini_dir))


def test_export_missing_library(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, mini_dir: Path
) -> None:
    """Without pyarrow, parquet export names the extra: exit 2, one line."""
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = mini_dir.parent / "pq"
    assert 2 == main(["--data", str(mini_dir), "export", "--format", "parquet", str(out)])
    assert (
        "",
        "sco-digital: write_parquet() needs pyarrow: pip install 'sco-digital[arrow]'\n",
    ) == capsys.readouterr()
    assert not out.exists()


def test_export_sqlite_onto_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A directory where the database file should go: exit 1, one readable line."""
    assert 1 == main(["export", "--format", "sqlite", str(tmp_path)])
    assert f"sco-digital: {tmp_path} is a directory\n" == capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite", "datapackage"])
def test_export_subprocess(tmp_path: Path, fmt: str) -> None:
    """Each format as a real process, on the bundled data."""
    out = tmp_path / ("sco.db" if fmt == "sqlite" else fmt)
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", "export", "--format", fmt, str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, f"wrote {fmt} to {out}\n", "") == (done.returncode, done.stdout, done.stderr)
    check_output(fmt, out, sd.load())
