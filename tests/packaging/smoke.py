"""
Use an installed sco-digital as a user would: run by .ci/run with a clean
virtualenv's Python, from a directory outside the source tree, in isolated
mode (``python -I``), so that only the installed wheel can be imported.

Loads the data, runs queries, runs the command line both ways, and reads
every bundled data file through importlib.resources. Exits non-zero with a
message on the first thing that is wrong.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import files, version
from importlib.resources import files as resources
from pathlib import Path

import sco_digital as sd

DATA_FILES = {
    "conflicts.json": "conflicts",
    "countries.json": "countries",
    "indicators.json": "indicators",
    "manifest.json": None,
    "organizations.json": "organizations",
    "places.json": "places",
    "projects.json": "projects",
    "sources.json": "sources",
}


def check(condition: bool, message: str) -> None:  # noqa: FBT001 - an assert that survives -O
    if not condition:
        sys.exit(f"smoke test failed: {message}")


def run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    check(done.returncode == 0, f"{command} exited {done.returncode}: {done.stderr}")
    return done.stdout


def main() -> None:
    here = Path(sd.__file__).resolve()
    check("site-packages" in here.parts, f"sco_digital imported from {here}, not the install")
    check(sd.__version__ == version("sco-digital"), "__version__ is not the metadata's")
    installed = {str(f) for f in files("sco-digital") or ()}
    check("sco_digital/py.typed" in installed, "py.typed is not installed")

    ds = sd.load()
    manifest = json.loads(resources("sco_digital").joinpath("data", "manifest.json").read_text())
    check(sd.DATA_VERSION == manifest["data_version"] == ds.data_version, "data versions differ")
    for name, table in DATA_FILES.items():
        text = resources("sco_digital").joinpath("data", name).read_text(encoding="utf-8")
        records = json.loads(text)
        if table is not None:
            check(len(records) == manifest["counts"][table], f"{name}: count differs")
            check(len(getattr(ds, table)) == len(records), f"{name}: Dataset differs")
    on_disk = {p.name for p in resources("sco_digital").joinpath("data").iterdir()}
    check(on_disk == set(DATA_FILES), f"bundled data files: {sorted(on_disk)}")

    fibre = [p.id for p in ds.filter(country="Uzbekistan", technology="fibre optics")]
    check("china-kyrgyzstan-uzbekistan-fiber-cable" in fibre, f"query gave {fibre}")
    check(sd.by_country("KG") == ds.by_country("Kirgizia"), "module-level query differs")

    script = Path(sys.executable).parent / "sco-digital"
    table = run(str(script), "projects", "--country", "UZ", "--technology", "fibre optics")
    check("china-kyrgyzstan-uzbekistan-fiber-cable" in table, f"sco-digital printed {table}")
    cited = run(sys.executable, "-m", "sco_digital", "cite")
    check(sd.DATA_VERSION in cited, f"python -m sco_digital cite printed {cited}")
    run(str(script), "validate")
    print(f"smoke test passed: sco-digital {sd.__version__}, data {sd.DATA_VERSION}, from {here}")


if __name__ == "__main__":
    main()
