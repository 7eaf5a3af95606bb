"""
How load() grows on generated worst cases, one per check (tests/worst_cases.py).

Each case is written at 1x, 10x and 100x its base size and loaded in a fresh
process, which reports the time of `sco_digital.load(path)` and its peak
resident memory (`resource.getrusage`, before and after). A check that is
linear takes about 10x the time for 10x the size; the "growth" column
divides each CPU time by the one before (CPU time, as the machine may be
shared: wall time is given too). Valid cases must load; invalid ones
must fail with at most `MAX_PROBLEMS` problems listed per file.

    python benchmarks/complexity.py                 # every case, 1x 10x 100x (a few minutes)
    python benchmarks/complexity.py --quick         # every case, 1x only, small
    python benchmarks/complexity.py --only "parent chain,wrong aliases"
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

TESTS = Path(__file__).parents[1] / "tests"
sys.path.insert(0, str(TESTS))


BASE = {
    "parent chain": 2_000,
    "parent fan": 2_000,
    "participants": 2_000,
    "sources": 2_000,
    "conflicts": 1_000,
    "indicators": 2_000,
    "organizations": 2_000,
    "aliases": 20_000,
    "memberships": 2_000,
    "parent cycle": 2_000,
    "chain into a cycle": 2_000,
    "duplicate ids": 2_000,
    "unknown references": 2_000,
    "wrong aliases": 20_000,
    "bad participants": 20_000,
    "bad records": 20_000,
    "empty records": 20_000,
    "unknown keys": 20_000,
}
"""The 1x size of each case: records, or items of one array."""

CHILD = """
import json, resource, sys, time
import sco_digital as sd
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
try:
    sd.load(sys.argv[1])
    result = "loads"
except sd.DataError as exc:
    total = len(exc.problems) + sum(exc.omitted.values())
    result = f"{len(exc.problems)} listed of {total:,}"
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = {"seconds": seconds, "cpu": cpu, "before": before, "after": after, "result": result}
print(json.dumps(found))
"""


WRITER = """
import sys
from pathlib import Path
import worst_cases
case = {**worst_cases.VALID, **worst_cases.INVALID}[sys.argv[1]]
worst_cases.write(Path(sys.argv[3]), case(int(sys.argv[2])))
"""


def measure(case: str, size: int, directory: Path) -> dict[str, object]:
    """Load the case at *size* in a fresh process; its time, memory and result."""
    # Written by a process of its own: Linux carries ru_maxrss over fork and
    # exec, so the loading process must start from a small parent.
    subprocess.run(
        [sys.executable, "-c", WRITER, case, str(size), str(directory)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(TESTS)},
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(directory)], capture_output=True, text=True, check=True
    )
    found: dict[str, object] = json.loads(done.stdout)
    found["bytes"] = sum(f.stat().st_size for f in directory.iterdir())
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="1x only, at a tenth of the size")
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args(argv)
    cases = list(BASE) if args.only is None else args.only.split(",")
    scales = (0.1,) if args.quick else (1, 10, 100)
    print(
        "| case | n | input | load(), wall | load(), CPU | CPU growth"
        " | peak RSS (KiB, before -> after) | result |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for case in cases:
        previous = None
        for scale in scales:
            size = max(1, int(BASE[case] * scale))
            with tempfile.TemporaryDirectory() as tmp:
                found = measure(case, size, Path(tmp))
            cpu = float(found["cpu"])  # type: ignore[arg-type]
            growth = "" if previous is None else f"{cpu / previous:.1f}x"
            previous = cpu
            print(
                f"| {case} | {size:,} | {int(found['bytes']) / 1e6:.1f} MB"  # type: ignore[call-overload]
                f" | {found['seconds']:.3f} s | {cpu:.3f} s | {growth}"
                f" | {found['before']:,} -> {found['after']:,} | {found['result']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
