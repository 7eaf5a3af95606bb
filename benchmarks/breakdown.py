"""
Where load() spends its time: each stage of building the bundled Dataset,
timed alone, against json.loads of the same bytes.

    python benchmarks/breakdown.py

Times are the best of 7 repeats, in ms. The first column is a fresh
process's first load (every cache cold), measured in a subprocess; the
second is a warm, repeated load in this process.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import timeit
from collections.abc import Callable
from typing import Any

import attrs
from run import DATA, child_environment

import sco_digital as sd
from sco_digital._convert import builder
from sco_digital._json import parse
from sco_digital._registry import FILES
from sco_digital.dataset import Dataset

NAMES = [*FILES.values(), "manifest.json"]
FIRST = """
import time
T = time.perf_counter
t0 = T()
import sco_digital as sd
from sco_digital import _loader
from sco_digital._convert import builder
from sco_digital._json import parse
from sco_digital._registry import FILES
from sco_digital.dataset import Dataset
t1 = T(); texts = {n: _loader._read_bundled(n) for n in [*FILES.values(), "manifest.json"]}
t2 = T(); data = {n: parse(b) for n, b in texts.items()}
t3 = T(); hooks = {cls: builder(cls) for cls in FILES}
t4 = T(); tables = {n[:-5]: [hooks[c](x) for x in data[n]] for c, n in FILES.items()}
t5 = T(); ds = Dataset(**tables)
t6 = T(); ds.problems()
t7 = T()
times = [t0, t1, t2, t3, t4, t5, t6, t7]
print(*(f"{(b - a) * 1e3:.3f}" for a, b in zip(times, times[1:])))
"""
STAGES = [
    "import sco_digital",
    "read the files",
    "parse (json.loads, strict)",
    "make the record hooks",
    "build and validate records",
    "Dataset(): sort and index",
    "problems(): cross-record rules",
]


def best(function: Callable[[], object], number: int = 20) -> float:
    """The best time of 7 repeats, in ms per call."""
    return min(timeit.repeat(function, number=number, repeat=7)) / number * 1e3


def main() -> int:
    """Print the stages' times."""
    env = child_environment()
    runs = [
        subprocess.run(
            [sys.executable, "-c", FIRST], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
        for _ in range(8)
    ][1:]  # the first run writes the bytecode
    first = [min(float(run[i]) for run in runs) for i in range(len(STAGES))]
    texts = {name: (DATA / name).read_bytes() for name in NAMES}
    data = {name: parse(text) for name, text in texts.items()}
    hooks = {cls: builder(cls) for cls in FILES}

    def build() -> dict[str, Any]:
        return {n[:-5]: [hooks[c](x) for x in data[n]] for c, n in FILES.items()}

    tables = build()
    ds = Dataset(**tables)
    warm = [
        float("nan"),
        best(lambda: [(DATA / name).read_bytes() for name in NAMES]),
        best(lambda: [parse(text) for text in texts.values()]),
        float("nan"),
        best(build),
        best(lambda: Dataset(**tables)),
        best(ds.problems),
    ]
    print(f"{'stage':32} {'first load':>10} {'repeated':>10}")
    for stage, a, b in zip(STAGES, first, warm, strict=True):
        print(f"{stage:32} {a:10.3f} {'-' if math.isnan(b) else f'{b:.3f}':>10}")
    with attrs.validators.disabled():
        print(f"{'  the same without validators':32} {'':10} {best(build):10.3f}")
    print(
        f"{'json.loads of the same bytes':32} {'':10} "
        f"{best(lambda: [json.loads(text) for text in texts.values()]):10.3f}"
    )
    print(f"{'whole load(path)':32} {'':10} {best(lambda: sd.load(DATA)):10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
