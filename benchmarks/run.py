"""
Benchmarks of sco_digital, each against a baseline measured in the same run.

    pip install -e '.[bench]'
    python benchmarks/run.py            # the full run: a few minutes
    python benchmarks/run.py --quick    # a smoke run: few repeats, small datasets

The machine may be shared and busy, so absolute times drift; ratios hold.
Every candidate is timed interleaved with its baselines (candidate, baseline,
baseline, candidate, ...), the ratio is taken within each round, and the
table shows the median ratio with its spread (the 25th to 75th percentile
of the per-round ratios). Times are medians over the rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs

import sco_digital as sd
from sco_digital import Dataset, Project, Status, Technology, export
from sco_digital._convert import builder
from sco_digital._keys import normalize_key
from sco_digital._registry import RECORD_FILES
from sco_digital._search import stem

DATA = Path(sd.__file__).parent / "data"
FILES = sorted(str(path) for path in DATA.glob("*.json"))
UNLIMITED = 2**30  # max_file_size for the large generated datasets (1 GiB)
DAY = dt.date(2024, 7, 5)
SECTIONS = ("process", "load", "queries", "scale", "exports", "cli")


@dataclass(frozen=True)
class Row:
    """One line of the table: a candidate, its baseline and their ratio."""

    name: str
    candidate: float
    baseline_name: str
    baseline: float
    ratios: tuple[float, ...]
    target: str = ""
    holds: bool | None = None
    unit: str = "s"

    @property
    def ratio(self) -> float:
        """The median of the per-round ratios."""
        return statistics.median(self.ratios)

    @property
    def spread(self) -> tuple[float, float]:
        """The 25th and 75th percentiles of the per-round ratios (min and max if few)."""
        if len(self.ratios) < 4:
            return min(self.ratios), max(self.ratios)
        quartiles = statistics.quantiles(self.ratios, n=4)
        return quartiles[0], quartiles[2]


# -- timing -------------------------------------------------------------------------


def interleaved(
    candidate: Callable[[], float], baselines: Sequence[Callable[[], float]], rounds: int
) -> tuple[list[float], list[list[float]]]:
    """
    Time *candidate* and each of *baselines* once per round, alternating the
    order from round to round so that neither side always runs first.
    Each callable returns the time it measured.
    """
    ours: list[float] = []
    theirs: list[list[float]] = [[] for _ in baselines]
    for i in range(rounds):
        order = [-1, *range(len(baselines))]
        for j in order if i % 2 == 0 else reversed(order):
            if j == -1:
                ours.append(candidate())
            else:
                theirs[j].append(baselines[j]())
    return ours, theirs


def rows_against(  # noqa: PLR0913, PLR0917 - a row's parts
    name: str,
    candidate: Callable[[], float],
    baselines: dict[str, Callable[[], float]],
    rounds: int,
    targets: dict[str, tuple[str, Callable[[float, float], bool]]] | None = None,
    unit: str = "s",
) -> list[Row]:
    """Rows comparing *candidate* with each baseline, timed in the same rounds."""
    ours, theirs = interleaved(candidate, list(baselines.values()), rounds)
    rows = []
    for (baseline_name, _), times in zip(baselines.items(), theirs, strict=True):
        target, check = (targets or {}).get(baseline_name, ("", None))
        median, base = statistics.median(ours), statistics.median(times)
        ratios = tuple(a / b for a, b in zip(ours, times, strict=True))
        holds = None if check is None else check(median, statistics.median(ratios))
        rows.append(Row(name, median, baseline_name, base, ratios, target, holds, unit))
    return rows


def process(code: str) -> Callable[[], float]:
    """A callable that runs ``python -c code`` and returns its wall time."""
    command = [sys.executable, "-c", code]
    return command_time(command)


def child_environment() -> dict[str, str]:
    """
    The environment of the timed processes: Python may cache bytecode, as it
    does for an installed package (pip compiles it), even where the
    environment says PYTHONDONTWRITEBYTECODE (this machine's does, and then
    every process compiles sco_digital from source, 15 ms, while attrs and
    cattrs keep the bytecode pip wrote). It goes to a directory of its own,
    not into the source tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "sco-digital-bench-pycache")
    return env


def command_time(command: list[str]) -> Callable[[], float]:
    """A callable that runs *command* (outside the source tree) and returns its wall time."""
    env = child_environment()

    def run() -> float:
        start = time.perf_counter()
        subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir(), env=env
        )
        return time.perf_counter() - start

    run()  # warm the file cache and write the bytecode
    return run


def per_call(function: Callable[[], object], budget: float) -> Callable[[], float]:
    """A callable that times *function* over about *budget* seconds and returns time per call."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()  # at least 0.2 s
    number = max(1, int(number * budget / 0.2))

    def run() -> float:
        return timer.timeit(number) / number

    return run


# -- baselines that need the optional libraries ---------------------------------------


def optional(module: str) -> Any:
    """The module, or None if it is not installed."""
    try:
        return __import__(module)
    except ImportError:
        return None


def by_name(*queries: Callable[[], object]) -> dict[str, Callable[[], object]]:
    """The query functions by name ("filter_" is "filter")."""
    return {query.__name__.rstrip("_"): query for query in queries}


def pandas_queries(ds: Dataset) -> dict[str, Callable[[], object]] | None:
    """The query benchmarks as pandas filters on the exported tables."""
    pd = optional("pandas")
    if pd is None:
        return None
    projects = export.to_pandas(ds, "projects")
    participants = export.to_pandas(ds, "project_participants")
    technologies = export.to_pandas(ds, "project_technologies")
    memberships = export.to_pandas(ds, "memberships")
    countries = export.to_pandas(ds, "countries")
    day = pd.Timestamp(DAY)

    def by_country() -> object:
        return projects[
            projects["id"].isin(participants["project"][participants["country"] == "UZ"])
        ]

    def by_technology() -> object:
        return projects[
            projects["id"].isin(technologies["project"][technologies["technology"] == "5g"])
        ]

    def members() -> object:
        held = (
            (memberships["status"] == "member")
            & (memberships["valid_from"] <= day)
            & (memberships["valid_to"].isna() | (memberships["valid_to"] > day))
        )
        return countries[countries["code"].isin(memberships["country"][held])]

    def search() -> object:
        found = projects["name"].str.contains("fiber", case=False) | projects[
            "summary"
        ].str.contains("fiber", case=False)
        return projects[found]

    def filter_() -> object:
        both = set(participants["project"][participants["country"] == "UZ"]) & set(
            technologies["project"][technologies["technology"] == "5g"]
        )
        return projects[projects["id"].isin(both)]

    return by_name(by_country, by_technology, members, search, filter_)


def polars_queries(ds: Dataset) -> dict[str, Callable[[], object]] | None:
    """The query benchmarks as polars filters on the exported tables."""
    pl = optional("polars")
    if pl is None:
        return None
    projects = export.to_polars(ds, "projects")
    participants = export.to_polars(ds, "project_participants")
    technologies = export.to_polars(ds, "project_technologies")
    memberships = export.to_polars(ds, "memberships")
    countries = export.to_polars(ds, "countries")

    def ids(table: Any, column: str, value: str) -> Any:
        return table.filter(pl.col(column) == value).select(pl.col("project").alias("id"))

    def by_country() -> object:
        return projects.join(ids(participants, "country", "UZ"), on="id", how="semi")

    def by_technology() -> object:
        return projects.join(ids(technologies, "technology", "5g"), on="id", how="semi")

    def members() -> object:
        held = memberships.filter(
            (pl.col("status") == "member")
            & (pl.col("valid_from") <= DAY)
            & (pl.col("valid_to").is_null() | (pl.col("valid_to") > DAY))
        ).select(pl.col("country").alias("code"))
        return countries.join(held, on="code", how="semi")

    def search() -> object:
        pattern = "(?i)fiber"
        return projects.filter(
            pl.col("name").str.contains(pattern) | pl.col("summary").str.contains(pattern)
        )

    def filter_() -> object:
        return projects.join(ids(participants, "country", "UZ"), on="id", how="semi").join(
            ids(technologies, "technology", "5g"), on="id", how="semi"
        )

    return by_name(by_country, by_technology, members, search, filter_)


def scan_queries(ds: Dataset) -> dict[str, Callable[[], object]]:
    """The query benchmarks as linear scans over the records."""
    projects, countries = ds.projects, ds.countries

    def by_country() -> object:
        return tuple(p for p in projects if any(x.country == "UZ" for x in p.participants))

    def by_technology() -> object:
        return tuple(p for p in projects if Technology.FIVE_G in p.technologies)

    def members() -> object:
        return tuple(c for c in countries if c.status_on(DAY) is Status.MEMBER)

    def search() -> object:  # whole words, plural or singular, as Dataset.search matches
        return tuple(
            p for p in projects if "fiber" in map(stem, normalize_key(text_of(ds, p)).split())
        )

    def filter_() -> object:
        return tuple(
            p
            for p in projects
            if any(x.country == "UZ" for x in p.participants)
            and Technology.FIVE_G in p.technologies
        )

    return by_name(by_country, by_technology, members, search, filter_)


# -- the benchmarks -------------------------------------------------------------------


def text_of(ds: Dataset, project: Project) -> str:
    """The text that Dataset.search looks in, folded by the scan on every call."""
    parts = [project.id, project.name, *project.aliases, project.summary, project.location or ""]
    for org in map(ds.organization, project.organizations):
        parts += (org.name, *org.aliases)
    for term in (*project.technologies, *project.sectors):
        parts += (term.value, term.label, *term.aliases)
    for code in project.countries:
        parts += ds.country(code).names
    return " | ".join(parts)


def bench_process(rounds: int) -> list[Row]:
    """The whole process: start Python, import, load, answer one query."""
    floor = (
        "import attrs, cattrs, json\n"
        f"for name in {FILES!r}:\n"
        "    with open(name, 'rb') as f: json.loads(f.read())\n"
    )
    baselines = {"import attrs, cattrs, json + parse the data files": process(floor)}
    targets = {next(iter(baselines)): ("<= 1.2x", lambda _t, r: r <= 1.2)}
    if optional("pycountry") is not None:
        name = "pycountry: countries.get(alpha_2='UZ')"
        code = "import pycountry; pycountry.countries.get(alpha_2='UZ')"
        baselines[name] = process(code)
        targets[name] = ("faster (< 1x)", lambda _t, r: r < 1)
    query = process("import sco_digital as sd; sd.by_country('UZ')")
    rows = rows_against("process: sd.by_country('UZ')", query, baselines, rounds, targets)
    if optional("pycountry") is None:
        rows.append(
            Row(
                "process: sd.by_country('UZ')",
                math.nan,
                "pycountry",
                math.nan,
                (math.nan,),
                "not installed",
            )
        )
    rows += rows_against(
        "process: import sco_digital",
        process("import sco_digital"),
        {"import attrs": process("import attrs")},
        rounds,
    )
    return rows


def read_and_parse() -> float:
    """Read the bundled files and json.loads them; return the time taken."""
    start = time.perf_counter()
    for name in FILES:
        with open(name, "rb") as f:  # noqa: PTH123 - the baseline reads as plainly as it can
            json.loads(f.read())
    return time.perf_counter() - start


def load_path() -> float:
    """load() the bundled files from their directory; return the time taken."""
    start = time.perf_counter()
    sd.load(DATA)
    return time.perf_counter() - start


def unchecked() -> float:
    """
    Build the same Dataset with every check off; return the time taken:
    read and json.loads the files, build the records with load()'s own
    converter while attrs runs no validator, and skip the rules that
    span records. No loader that validates can beat this.
    """
    start = time.perf_counter()
    tables: dict[str, Any] = {}
    for entry in RECORD_FILES:
        build = builder(entry.record)
        with (DATA / entry.file).open("rb") as f:
            tables[entry.table] = [build(raw) for raw in json.loads(f.read())]
    Dataset(**tables)
    return time.perf_counter() - start


def bench_load(rounds: int) -> list[Row]:
    """load() of the bundled files against reading and json.loads of the same bytes."""
    load_path()
    baseline = "read + json.loads the same bytes"
    rows = rows_against(
        "load(): bundled files",
        load_path,
        {baseline: read_and_parse},
        rounds,
        {baseline: ("<= 3x", lambda _t, r: r <= 3)},
    )
    with attrs.validators.disabled():
        unchecked()
        rows += rows_against(
            "same records, no checks at all", unchecked, {baseline: read_and_parse}, rounds
        )
    return rows


def keys(records: Any) -> set[str]:
    """The ids (codes for countries) of *records*."""
    return {r.code if isinstance(r, sd.Country) else r.id for r in records}


def bench_queries(rounds: int, budget: float) -> list[Row]:
    """Per-call time of the query helpers against scans and data-frame filters."""
    ds = sd.load()
    ours: dict[str, Callable[[], object]] = {
        "by_country": lambda: ds.by_country("UZ"),
        "by_technology": lambda: ds.by_technology("5G"),
        "members": lambda: ds.members(as_of=DAY),
        "search": lambda: ds.search("fiber"),
        "filter": lambda: ds.filter(country="UZ", technology="5G"),
    }
    calls = {
        "by_country": "ds.by_country('UZ')",
        "by_technology": "ds.by_technology('5G')",
        "members": "ds.members(as_of=date(2024, 7, 5))",
        "search": "ds.search('fiber')",
        "filter": "ds.filter(country='UZ', technology='5G')",
    }
    others: dict[str, dict[str, Callable[[], object]] | None] = {
        "linear scan over the records": scan_queries(ds),
        "pandas filter of the exported tables": pandas_queries(ds),
        "polars filter of the exported tables": polars_queries(ds),
    }
    scans = scan_queries(ds)
    for name, function in ours.items():  # the scans find what the helpers find
        if keys(function()) != keys(scans[name]()):
            msg = f"{name}: the linear scan finds other records"
            raise AssertionError(msg)
    rows = []
    for name, function in ours.items():
        baselines = {
            what: per_call(queries[name], budget)
            for what, queries in others.items()
            if queries is not None
        }
        targets: dict[str, tuple[str, Callable[[float, float], bool]]] = {}
        if name == "by_country":
            targets["linear scan over the records"] = ("<= 250 ns", lambda t, _r: t <= 250e-9)
            targets["pandas filter of the exported tables"] = (
                ">= 1000x faster",
                lambda _t, r: r <= 1e-3,
            )
        rows += rows_against(calls[name], per_call(function, budget), baselines, rounds, targets)
        rows += [
            Row(calls[name], math.nan, what, math.nan, (math.nan,), "not installed")
            for what, queries in others.items()
            if queries is None
        ]
    return rows + bench_long_query(ds, rounds, budget)


def bench_long_query(ds: Dataset, rounds: int, budget: float) -> list[Row]:
    """search() of a 128 KB text of repeated words against 1 KB of the same: linear, not worse."""
    phrase = "digital cooperation silk road fiber cable centre training "
    short, long = phrase * (1024 // len(phrase)), phrase * (128 * 1024 // len(phrase))
    ratio = len(long) / len(short)
    return rows_against(
        "ds.search(128 KB of repeated words)",
        per_call(lambda: ds.search(long), budget),
        {"ds.search(1 KB of the same words)": per_call(lambda: ds.search(short), budget)},
        rounds,
        {
            "ds.search(1 KB of the same words)": (
                f"<= {ratio:.0f}x (linear)",
                lambda _t, r: r <= ratio,
            )
        },
    )


def generated(projects: int) -> Dataset:
    """
    A referentially valid dataset with *projects* projects: the bundled one,
    with copies of its projects under new ids (each copy keeps the original's
    countries, organisations, sources and parent, but not its identifiers from
    other datasets, which belong to one project only).
    """
    ds = sd.load()
    copies = []
    for i in range(projects - len(ds.projects)):
        original = ds.projects[i % len(ds.projects)]
        copies.append(attrs.evolve(original, id=f"{original.id[:80]}-copy-{i}", identifiers=()))
    return attrs.evolve(ds, projects=(*ds.projects, *copies))


def memory_per_record(directory: Path, records: int) -> tuple[float, float]:
    """
    Peak memory traced while load(directory) runs, and while json.loads
    parses its files, per record; imports happen before tracing starts.
    """
    code = (
        "import json, sys, tracemalloc\n"
        "from pathlib import Path\n"
        "import sco_digital as sd\n"
        "files = sorted(Path(sys.argv[2]).glob('*.json'))\n"
        "tracemalloc.start()\n"
        "if sys.argv[1] == 'load':\n"
        f"    ds = sd.load(sys.argv[2], max_file_size={UNLIMITED})\n"
        "else:\n"
        "    data = [json.loads(file.read_bytes()) for file in files]\n"
        "print(tracemalloc.get_traced_memory()[1])\n"
    )
    peaks = []
    for what in ("load", "json"):
        done = subprocess.run(
            [sys.executable, "-c", code, what, str(directory)],
            check=True,
            capture_output=True,
            text=True,
            env=child_environment(),
        )
        peaks.append(int(done.stdout) / records)
    return peaks[0], peaks[1]


def bench_scale(sizes: Sequence[int], rounds: int) -> tuple[list[Row], list[str]]:
    """load(path) of generated datasets of growing size."""
    rows: list[Row] = []
    notes = []
    previous: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            directory = export.write_json(generated(size), Path(tmp) / str(size))
            files = sorted(directory.glob("*.json"))
            records = sum(
                len(json.loads(f.read_bytes())) for f in files if f.name != "manifest.json"
            )

            def load_it(directory: Path = directory) -> float:
                gc.collect()
                start = time.perf_counter()
                sd.load(directory, max_file_size=UNLIMITED)
                return time.perf_counter() - start

            def parse_it(files: list[Path] = files) -> float:
                gc.collect()
                start = time.perf_counter()
                for file in files:
                    json.loads(file.read_bytes())
                return time.perf_counter() - start

            load_it()
            name = f"scale: load(path), {size:,} projects"
            row = rows_against(
                name, load_it, {"read + json.loads the same files": parse_it}, max(2, rounds)
            )[0]
            rows.append(row)
            ours, theirs = memory_per_record(directory, records)
            per_record = row.candidate / records * 1e6
            notes.append(
                f"{size:>7,} projects ({records:,} records): load {per_record:.1f} µs"
                f" and {ours / 1024:.1f} KiB peak per record; json.loads {theirs / 1024:.1f} KiB"
                + ("" if previous is None else f"; growth x{row.candidate / previous:.1f} per 10x")
            )
            if previous is not None:
                growth = row.candidate / previous
                rows.append(
                    Row(
                        f"scale: growth {size // 10:,} -> {size:,} projects",
                        row.candidate,
                        f"load of {size // 10:,} projects",
                        previous,
                        (growth,),
                        "<= 12x",
                        growth <= 12,
                    )
                )
            previous = row.candidate
    return rows, notes


def bench_exports(rounds: int, budget: float) -> list[Row]:
    """to_records of every table against calling each column's getter for each cell."""
    ds = sd.load()

    def ours() -> object:
        return [export.to_records(ds, name) for name in export.TABLES]

    def per_cell() -> object:
        tables = []
        for spec in export.TABLES.values():
            names = [column.name for column in spec.columns]
            getters = [column.get for column in spec.columns]
            tables.append(
                [
                    dict(zip(names, [get(item) for get in getters], strict=True))
                    for item in spec.items(ds)
                ]
            )
        return tables

    if ours() != per_cell():
        msg = "to_records and the per-cell getters disagree"
        raise AssertionError(msg)
    baseline = "the same dicts, one getter call per cell"
    return rows_against(
        "exports: to_records, every table",
        per_call(ours, budget),
        {baseline: per_call(per_cell, budget)},
        rounds,
        {baseline: ("<= 0.8x", lambda _t, r: r <= 0.8)},
    )


def bench_cli(rounds: int) -> list[Row]:
    """The command line against starting Python and doing nothing."""
    script = Path(sys.executable).with_name("sco-digital")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "sco_digital"]
    return rows_against(
        "cli: sco-digital projects --country UZ",
        command_time([*command, "projects", "--country", "UZ"]),
        {"python -c pass": process("pass")},
        rounds,
    )


# -- the table ----------------------------------------------------------------------


def duration(seconds: float) -> str:
    """*seconds* in s, ms, µs or ns, to three significant digits."""
    if math.isnan(seconds):
        return "-"
    for scale, unit in ((1, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    header = ("benchmark", "ours", "baseline", "its time", "ratio", "spread", "target", "holds")
    lines = [header]
    for row in rows:
        if math.isnan(row.ratio):
            ratio = spread = "-"
        else:
            low, high = row.spread
            ratio = f"{row.ratio:.3f}x" if row.ratio >= 0.1 else f"{row.ratio:.3g}x"
            spread = f"{low:.3f}-{high:.3f}" if low >= 0.1 else f"{low:.3g}-{high:.3g}"
        holds = {True: "yes", False: "NO", None: ""}[row.holds]
        lines.append(
            (
                row.name,
                duration(row.candidate),
                row.baseline_name,
                duration(row.baseline),
                ratio,
                spread,
                row.target,
                holds,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) + " |"
        for line in lines
    ]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def machine() -> str:
    """The CPU, the number of cores, Python and the OS."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}"
        f" ({platform.python_implementation()}); {platform.system()} {platform.release()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repeats and small datasets")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default: all of {', '.join(SECTIONS)})",
    )
    args = parser.parse_args(argv)
    only = args.only.split(",")
    rounds, budget, scale_rounds = (3, 0.01, 2) if args.quick else (21, 0.05, 3)
    sizes = (100, 1_000) if args.quick else (1_000, 10_000, 100_000)
    print(f"sco_digital {sd.__version__}, data {sd.DATA_VERSION}; {machine()}")
    started = time.perf_counter()
    rows: list[Row] = []
    notes: list[str] = []
    if "process" in only:
        rows += bench_process(rounds)
    if "load" in only:
        rows += bench_load(rounds)
    if "queries" in only:
        rows += bench_queries(rounds, budget)
    if "scale" in only:
        scale_rows, notes = bench_scale(sizes, scale_rounds)
        rows += scale_rows
    if "exports" in only:
        rows += bench_exports(rounds, budget)
    if "cli" in only:
        rows += bench_cli(rounds)
    print(table(rows))
    print()
    if notes:
        print("Scale, per record:")
    for note in notes:
        print("  " + note)
    print(
        f"\n{rounds} rounds; spread is the 25th-75th percentile of the per-round ratios;"
        f" {time.perf_counter() - started:.0f} s in all."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
