"""
Check the sdist and the wheel that ``python -m build`` made in DIST_DIR.

    python tests/packaging/check_dist.py DIST_DIR

Run by .ci/run after the build. Prints the wheel's contents, then checks:

- the wheel holds exactly the package's source files, the data files and
  py.typed (no tests, no caches) plus its metadata;
- the sdist holds the sources, data, tests, docs, README, CHANGELOG, LICENSE
  and CITATION.cff, and nothing built or cached;
- a wheel built from the unpacked sdist has the same files with the same
  hashes as the wheel built from the tree.

Exits non-zero with every problem listed.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "sco_digital"
WHEEL_MUST_HOLD = (
    "sco_digital/py.typed",
    "sco_digital/_basemap.geojson",
    *(
        f"sco_digital/data/{name}.json"
        for name in (
            "conflicts",
            "countries",
            "indicators",
            "manifest",
            "organizations",
            "places",
            "projects",
            "sources",
        )
    ),
)
SDIST_MUST_HOLD = (
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "CITATION.cff",
    "src/sco_digital/py.typed",
    "src/sco_digital/data/manifest.json",
    "tests/conftest.py",
    "typing_tests/public_api.py",
    "docs/conf.py",
    "docs/figures.py",
    "docs/index.md",
    "scripts/places.py",
)
NEVER = ("__pycache__", ".pyc", ".venv", "_build", ".pytest_cache", ".mypy_cache")


def source_files() -> set[str]:
    """The files under src/sco_digital, as the wheel should name them."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and not any(part in path.as_posix() for part in NEVER)
    }


def record(wheel: Path) -> dict[str, str]:
    """The wheel's RECORD: each file's path and hash."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
        lines = archive.read(name).decode().splitlines()
    return {path: digest for path, digest, _size in (line.split(",") for line in lines)}


def check_wheel(wheel: Path, problems: list[str]) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = sorted(archive.namelist())
    print(f"{wheel.name}:")
    for name in names:
        print(f"  {name}")
    package = {n for n in names if not n.startswith(wheel.name.split("-")[0] + "-")}
    info = {n.split("/", 1)[1] for n in names if n not in package}
    expected = source_files()
    if missing := sorted(expected - package):
        problems.append(f"the wheel lacks {missing}")
    if extra := sorted(package - expected):
        problems.append(f"the wheel holds files that are not package sources: {extra}")
    problems.extend(f"the wheel lacks {name}" for name in WHEEL_MUST_HOLD if name not in package)
    if any("test" in n.split("/")[0] for n in names):
        problems.append("the wheel holds tests")
    want_info = {"METADATA", "WHEEL", "RECORD", "entry_points.txt", "licenses/LICENSE"}
    if info != want_info:
        problems.append(f"the wheel's metadata files are {sorted(info)}, not {sorted(want_info)}")


def check_sdist(sdist: Path, problems: list[str]) -> None:
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    print(f"{sdist.name}: {len(names)} files")
    if missing := [n for n in SDIST_MUST_HOLD if n not in names]:
        problems.append(f"the sdist lacks {missing}")
    if built := sorted(n for n in names if any(part in n for part in NEVER)):
        problems.append(f"the sdist holds built or cached files: {built}")


def check_rebuild(sdist: Path, wheel: Path, problems: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(sdist) as archive:
            archive.extractall(tmp, filter="data")
        (unpacked,) = Path(tmp).iterdir()
        out = Path(tmp) / "out"
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(unpacked)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (rebuilt,) = out.glob("*.whl")
        if rebuilt.name != wheel.name:
            problems.append(f"the sdist builds {rebuilt.name}, not {wheel.name}")
        if record(rebuilt) != record(wheel):
            problems.append(
                "the wheel built from the sdist differs from the one built from the tree"
            )
        else:
            print(f"the sdist rebuilds {wheel.name} with the same {len(record(wheel))} files")


def main(dist: Path) -> int:
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    problems: list[str] = []
    check_wheel(wheel, problems)
    check_sdist(sdist, problems)
    check_rebuild(sdist, wheel, problems)
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
