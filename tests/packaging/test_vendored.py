"""
A copy of the package without its metadata (no .dist-info), as vendored into
another project, zipped, or frozen into an app: everything works, and the
package's version is "unknown". The copy (with its dependencies, also without
metadata) runs in a fresh interpreter that sees no site-packages (-S).
"""

from __future__ import annotations

import importlib
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import sco_digital as sd

# What `import sco_digital` and its commands need, found where this Python has them:
# cattrs needs the exceptiongroup backport before Python 3.11.
PACKAGES = ("sco_digital", "attr", "attrs", "cattrs", "typing_extensions") + (
    ("exceptiongroup",) if sys.version_info < (3, 11) else ()
)


def vendor(directory: Path) -> Path:
    """Copy the packages into *directory*, without metadata or bytecode."""
    for name in PACKAGES:
        module = importlib.import_module(name)
        source = Path(module.__file__ or "")
        if source.name == "__init__.py":
            shutil.copytree(
                source.parent, directory / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(source, directory / source.name)
    assert [] == list(directory.glob("*.dist-info"))
    return directory


def zipped(directory: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(directory.rglob("*")):
            bundle.write(path, path.relative_to(directory))
    return archive


@pytest.fixture(params=["directory", "zip"])
def vendored(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    copy = vendor(tmp_path / "vendor")
    return copy if request.param == "directory" else zipped(copy, tmp_path / "app.zip")


def run(path: Path, cwd: Path, *args: str) -> tuple[int, str, str]:
    """Run Python with only *path* to import from (and the standard library)."""
    done = subprocess.run(
        [sys.executable, "-S", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={"PYTHONPATH": str(path), "PYTHONIOENCODING": "utf-8"},
    )
    return done.returncode, done.stdout, done.stderr


API = """
import sco_digital as sd
from importlib.metadata import PackageNotFoundError, version
from sco_digital.export import write_sqlite
try:
    version("sco-digital")
except PackageNotFoundError:
    print("no metadata")
print(sd.__file__.replace(__import__("sys").argv[1], "VENDOR"))
print(sd.__version__)
print(sd.cite())
print(write_sqlite(sd.load(), "sco.db"))
"""


def test_api(vendored: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    code, out, err = run(vendored, work, "-c", API, str(vendored))
    assert ("", 0) == (err, code)
    lines = out.splitlines()
    assert ["no metadata", "VENDOR/sco_digital/__init__.py", "unknown"] == lines[:3]
    assert f"data version {sd.DATA_VERSION} (package unknown)." in lines[3]
    assert "sco.db" == lines[-1]
    with sqlite3.connect(work / "sco.db") as db:
        info = dict(db.execute("SELECT key, value FROM dataset_info"))
        assert ("sco-digital unknown", len(sd.load().projects)) == (
            info["generator"],
            db.execute("SELECT COUNT(*) FROM projects").fetchone()[0],
        )


def test_command_line(vendored: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    assert (0, f"sco-digital unknown (data {sd.DATA_VERSION})\n", "") == run(
        vendored, work, "-m", "sco_digital", "--version"
    )
    assert (0, "wrote sqlite to sco.db\n", "") == run(
        vendored, work, "-m", "sco_digital", "export", "--format", "sqlite", "sco.db"
    )
    assert (0, "wrote csv to csv\n", "") == run(
        vendored, work, "-m", "sco_digital", "export", "--format", "csv", "csv"
    )
    code, out, err = run(vendored, work, "-m", "sco_digital", "cite")
    assert (0, "") == (code, err)
    assert "(package unknown)" in out
