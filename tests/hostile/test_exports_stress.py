"""
Exports under stress, with real processes and real signals: several exports
into one target at once, SIGINT delivered after every step of an export
(in a child process, deterministically), and SIGINT sent from outside at
random moments. Each test runs a bounded number of rounds.

Whatever happens, the target holds a complete export (the old one or the new
one), no staging directory stays behind, and what the command line reports
matches what is on disk: "wrote ..." means the new export, "interrupted" the
old one.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from sco_digital.cli import main

ROUNDS = 2

FORKS = r"""
import importlib, json, os, signal, sys, tempfile, time
from sco_digital import load
from sco_digital.cli import main

job = json.loads(sys.argv[1])
# What the writers import, once, before forking; the bundled data too, as a server would.
for module in ["sqlite3", "sco_digital.export"] + ["pyarrow.parquet"] * ("parquet" in sys.argv[1]):
    importlib.import_module(module)
load()


def run(batch, delays):
    # A child per command line, all started at once (when the pipe closes);
    # with delays, each child gets a SIGINT after its delay.
    go_read, go_write = os.pipe()
    children = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, args in enumerate(batch):
            for name in ("out", "err"):  # made here: a child may be stopped before it opens them
                open(f"{tmp}/{i}.{name}", "w").close()
            # SIGINT waits, blocked, until the child is inside its try (pending, not lost).
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            pid = os.fork()
            if pid == 0:
                status = 99  # stopped before main() could catch the Ctrl-C (even before it began)
                try:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
                    os.close(go_write)
                    for fd, name in ((1, "out"), (2, "err")):
                        os.dup2(os.open(f"{tmp}/{i}.{name}", os.O_WRONLY), fd)
                    os.read(go_read, 1)
                    status = main(args)
                except KeyboardInterrupt:
                    pass
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # a late Ctrl-C changes nothing now
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            children.append(pid)
        os.close(go_read)
        os.close(go_write)
        for pid, delay in zip(children, delays or []):
            time.sleep(delay)
            os.kill(pid, signal.SIGINT)
        results = []
        for i, pid in enumerate(children):
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            with open(f"{tmp}/{i}.out") as out, open(f"{tmp}/{i}.err") as err:
                results.append([status, out.read(), err.read()])
    return results


print(json.dumps([run(batch, delays) for batch, delays in job]))
"""

Result = tuple[int, str, str]


def forked(job: Sequence[tuple[list[list[str]], list[float] | None]]) -> list[list[Result]]:
    """
    Run each batch of command lines of *job* in processes forked at once from one
    interpreter that has imported everything; with delays, send the i-th process
    SIGINT after the i-th delay. Returns each process's (status, stdout, stderr).
    """
    done = subprocess.run(
        [sys.executable, "-c", FORKS, json.dumps(job)], capture_output=True, text=True, check=True
    )
    return [[(status, out, err) for status, out, err in batch] for batch in json.loads(done.stdout)]


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under *root*, with the content of each file (None for directories)."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def leftovers(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*") if ".sco-digital-" in str(p))


def reference(tmp_path: Path, data: list[str], fmt: str, name: str) -> dict[str, bytes | None]:
    """The files of an export made alone."""
    target = tmp_path / "reference" / name
    assert 0 == main([*data, "export", "--format", fmt, str(target)])
    return tree(target.parent if fmt == "sqlite" else target)


def refusals(results: list[Result], out: Path) -> list[Result]:
    """*results* without the refusals to overwrite files in *out* (one line each)."""
    refusal = re.compile(f"sco-digital: refusing to overwrite {re.escape(str(out))}[^\n]*\n")
    return [r for r in results if not (r[:2] == (2, "") and refusal.fullmatch(r[2]))]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "datapackage", "sqlite"])
def test_exports_of_one_format_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_dir: Path, fmt: str
) -> None:
    """Four exports to one new target without --force: exactly one writes it, whole;
    the others refuse, and none replaces another's files.
    """
    data = ["--data", str(mini_dir)]
    expected = reference(tmp_path, data, fmt, "sco.db" if fmt == "sqlite" else "out")
    capsys.readouterr()
    parents = [tmp_path / f"round-{attempt}" for attempt in range(ROUNDS)]
    targets = [parent / "sco.db" if fmt == "sqlite" else parent / "out" for parent in parents]
    job = [([[*data, "export", "--format", fmt, str(target)]] * 4, None) for target in targets]
    for parent, target, results in zip(parents, targets, forked(job), strict=True):
        assert [(0, f"wrote {fmt} to {target}\n", "")] == refusals(results, target)
        assert expected == tree(parent if fmt == "sqlite" else target)
        assert [] == leftovers(parent)


def test_exports_of_different_formats_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_dir: Path
) -> None:
    """The csv and datapackage exports share file names, so one of them wins; json and
    parquet share none with any other, so they always complete. Each export is whole.
    """
    data = ["--data", str(mini_dir)]
    formats = ["csv", "datapackage", "json", "parquet"]
    expected = {fmt: reference(tmp_path, data, fmt, fmt) for fmt in formats}
    capsys.readouterr()
    targets = [tmp_path / f"round-{attempt}" for attempt in range(ROUNDS)]
    job = [([[*data, "export", "--format", f, str(t)] for f in formats], None) for t in targets]
    for target, results in zip(targets, forked(job), strict=True):
        written = [fmt for fmt, (status, _, _) in zip(formats, results, strict=True) if not status]
        assert [(0, f"wrote {fmt} to {target}\n", "") for fmt in written] == refusals(
            results, target
        )
        assert ["json", "parquet"] == [fmt for fmt in written if fmt in {"json", "parquet"}]
        assert 1 == len({"csv", "datapackage"} & set(written))
        union: dict[str, bytes | None] = {}
        for fmt in written:
            union.update(expected[fmt])
        assert union == tree(target)
        assert [] == leftovers(target)


def test_forced_exports_of_two_datasets_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_dir: Path
) -> None:
    """With --force every export succeeds, one after the other, and the target ends
    holding one of them whole, never a mix of the two datasets.
    """
    mini: list[str] = ["--data", str(mini_dir)]
    bundled: list[str] = []
    expected = [reference(tmp_path, mini, "csv", "a"), reference(tmp_path, bundled, "csv", "b")]
    capsys.readouterr()
    targets = [tmp_path / f"round-{attempt}" for attempt in range(ROUNDS)]
    job = [
        (
            [
                [*data, "export", "--format", "csv", str(t), "--force"]
                for data in (mini, bundled) * 2
            ],
            None,
        )
        for t in targets
    ]
    for target, results in zip(targets, forked(job), strict=True):
        assert [(0, f"wrote csv to {target}\n", "")] * 4 == results
        assert tree(target) in expected
        assert [] == leftovers(target)


# -- Ctrl-C -------------------------------------------------------------------------------

AT_EVERY_STEP = r"""
import contextlib, io, json, os, pathlib, shutil, signal, sys
from sco_digital.cli import main

fmt, data, old, out = sys.argv[1:]
old, out = pathlib.Path(old), pathlib.Path(out)
target = out / "sco.db" if fmt == "sqlite" else out


def tree(root):
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else None
            for p in sorted(root.rglob("*"))}


def export(*extra):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["--data", data, "export", "--format", fmt, str(target), *extra])
    return status, stdout.getvalue(), stderr.getvalue()


assert export()[0] == 0
new = tree(out)
before = tree(old)
steps, interrupt_at = [], None


def counted(name, real):
    def step(*args, **kwargs):
        result = real(*args, **kwargs)
        if interrupt_at is not None:
            steps.append(name)
            if len(steps) == interrupt_at:
                os.kill(os.getpid(), signal.SIGINT)  # a real signal, after the step
        return result
    return step


os.link = counted("link", os.link)
pathlib.Path.replace = counted("replace", pathlib.Path.replace)
pathlib.Path.write_text = counted("write_text", pathlib.Path.write_text)
shutil.rmtree = counted("rmtree", shutil.rmtree)
results = []
for k in range(1, 1000):
    interrupt_at = None
    shutil.rmtree(out, ignore_errors=True)
    if old.exists():
        shutil.copytree(old, out)
    steps, interrupt_at = [], k
    status, stdout, stderr = export("--force")
    interrupt_at = None
    if len(steps) < k:  # every step has had its turn
        results.append({"steps": steps, "uninterrupted": [status, stdout, stderr]})
        break
    state = tree(out)
    left = [str(p) for p in out.parent.rglob("*") if ".sco-digital-" in str(p)]
    what = "old" if state == before else "new" if state == new else "mixed"
    results.append({"step": steps[k - 1], "status": status, "stdout": stdout,
                    "stderr": stderr, "state": what, "leftovers": left})
print(json.dumps(results))
"""


@pytest.mark.parametrize("fmt", ["json", "sqlite"])
@pytest.mark.parametrize("previous", ["old export", "nothing"])
def test_sigint_after_every_step(tmp_path: Path, mini_dir: Path, fmt: str, previous: str) -> None:
    """SIGINT after each write, link and rename of `export --force`: the target holds
    the old export (or nothing, as before) and the run says "interrupted"; after
    the last rename, during the clean-up, the export is complete and says so.
    """
    old = tmp_path / "old"
    if previous == "old export":  # another dataset's export
        assert 0 == main(
            ["export", "--format", fmt, str(old / "sco.db" if fmt == "sqlite" else old)]
        )
    out = tmp_path / "work" / "out"
    done = subprocess.run(
        [sys.executable, "-c", AT_EVERY_STEP, fmt, str(mini_dir), str(old), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    *results, last = json.loads(done.stdout)
    files = 1 if fmt == "sqlite" else 8  # json: seven record files and the manifest
    moves = ["link", "replace"] if previous == "old export" else ["link"]  # a failed link: no step
    assert (
        ["write_text"] * (0 if fmt == "sqlite" else files) + moves * files + ["rmtree"]
    ) == last["steps"]
    target = out / "sco.db" if fmt == "sqlite" else out
    assert [0, f"wrote {fmt} to {target}\n", ""] == last["uninterrupted"]
    interrupted = {
        "status": 130,
        "stdout": "",
        "stderr": "sco-digital: interrupted\n",
        "state": "old",
        "leftovers": [],
    }
    completed = {
        "status": 0,
        "stdout": f"wrote {fmt} to {target}\n",
        "stderr": "",
        "state": "new",
        "leftovers": [],
    }
    assert [
        {"step": step, **(completed if step == "rmtree" else interrupted)} for step in last["steps"]
    ] == results


def test_sigint_at_random_moments(tmp_path: Path, mini_dir: Path) -> None:
    """
    A real Ctrl-C from another process, at a random moment of `export --force`.
    Under load a batch's moments may all miss the export itself (before the
    handler is set, or after the files are in place); then another batch runs,
    up to four, and at least one Ctrl-C must land mid-export.
    """
    old = tmp_path / "old"
    assert 0 == main(["--data", str(mini_dir), "export", "--format", "csv", str(old)])
    assert 0 == main(["export", "--format", "csv", str(tmp_path / "new")])
    before, new = tree(old), tree(tmp_path / "new")
    timed = tmp_path / "timed"
    shutil.copytree(old, timed)
    began = time.perf_counter()
    assert [[(0, f"wrote csv to {timed}\n", "")]] == forked(
        [([["export", "--format", "csv", str(timed), "--force"]], None)]
    )
    duration = time.perf_counter() - began  # with the start: the moments fall all over it
    rng = random.Random(16)  # noqa: S311 - moments, not secrets
    seen = set()
    for batch in range(4):
        targets = [tmp_path / f"round-{batch}-{attempt}" for attempt in range(5 * ROUNDS)]
        for target in targets:
            shutil.copytree(old, target)
        job = [
            ([["export", "--format", "csv", str(t), "--force"]], [rng.uniform(0, duration)])
            for t in targets
        ]
        for target, [result] in zip(targets, forked(job), strict=True):
            if result == (0, f"wrote csv to {target}\n", ""):
                assert new == tree(target)
            else:
                assert result in {(130, "", "sco-digital: interrupted\n"), (99, "", "")}
                assert before == tree(target)
            assert [] == leftovers(target)
            seen.add(result[0])
        if 130 in seen:
            break
    assert 130 in seen
