"""benchmarks/run.py keeps working: its quick mode runs every benchmark once, small."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "run.py"

ROWS = [
    "process: sd.by_country('UZ')",
    "process: import sco_digital",
    "load(): bundled files",
    "same records, no checks at all",
    "ds.by_country('UZ')",
    "ds.by_technology('5G')",
    "ds.members(as_of=date(2024, 7, 5))",
    "ds.search('fiber')",
    "ds.filter(country='UZ', technology='5G')",
    "ds.search(128 KB of repeated words)",
    "scale: load(path), 100 projects",
    "scale: load(path), 1,000 projects",
    "scale: growth 100 -> 1,000 projects",
    "exports: to_records, every table",
    "cli: sco-digital projects --country UZ",
]


@pytest.mark.slow  # a run of every benchmark, in a subprocess
def test_quick_run_prints_every_row() -> None:
    """Every benchmark runs and gets a row with a ratio; no timing is checked."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    table = [line for line in lines if line.startswith("| ") and "---" not in line]
    names = [line.split("|")[1].strip() for line in table[1:]]
    assert ROWS == list(dict.fromkeys(names))
    baselines = {line.split("|")[3].strip() for line in table[1:]}
    assert {
        "import attrs, cattrs, json + parse the data files",
        "read + json.loads the same bytes",
        "linear scan over the records",
        "pandas filter of the exported tables",
        "polars filter of the exported tables",
        "python -c pass",
    } <= baselines
    ratios = [line.split("|")[5].strip() for line in table[1:] if "not installed" not in line]
    assert all(ratio.endswith("x") for ratio in ratios), ratios
    assert any(
        re.match(r"1,000 projects \([0-9,]+ records\): load ", line.strip()) for line in lines
    )


def test_complexity_quick_run() -> None:
    """benchmarks/complexity.py runs a case and prints its row; no timing is checked."""
    script = SCRIPT.parent / "complexity.py"
    done = subprocess.run(
        [sys.executable, str(script), "--quick", "--only", "parent chain,parent cycle"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line.split("|") for line in done.stdout.splitlines()[2:]]
    assert [
        ("parent chain", "200", "loads"),
        ("parent cycle", "200", "100 listed of 200"),
    ] == [(row[1].strip(), row[2].strip(), row[8].strip()) for row in rows]
