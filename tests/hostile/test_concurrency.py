"""
Threads: the bundled dataset is built once and shared; loads of different
directories never mix; a failed first load caches nothing, in any thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import mini
import sco_digital as sd
from hostile.corrupt import FILES, edit
from sco_digital import DataError, Dataset, _loader
from sco_digital.export import write_json

THREADS = 32


def in_threads(work: Callable[[int], Any], count: int = THREADS) -> list[Any]:
    """Run work(i) in *count* threads released together; their results or exceptions."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - returned for the test to inspect
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """
    No bundled dataset yet, and bundled files that take 20 ms each to read, so
    that every thread arrives while the first is still loading. Yields the
    names read, in order.
    """
    monkeypatch.setattr(_loader, "_default", None)
    reads: list[str] = []
    real = _loader._read_bundled

    def slow(name: str) -> bytes:
        reads.append(name)
        time.sleep(0.02)
        return real(name)

    monkeypatch.setattr(_loader, "_read_bundled", slow)
    return reads


def test_first_use_from_32_threads(slow_reads: list[str]) -> None:
    """32 threads calling load() at once get one Dataset; each file is read once."""
    results = in_threads(lambda _: sd.load())
    assert all(isinstance(r, Dataset) for r in results)
    assert 1 == len({id(r) for r in results})
    assert sorted(FILES) == sorted(slow_reads)
    assert results[0] is sd.load() is _loader._default


def test_failed_first_use_in_many_threads(
    slow_reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A first load that fails fails in every thread, each trying afresh (nothing
    is cached), and a later load() with good files works.
    """
    reader = _loader._read_bundled
    monkeypatch.setattr(
        _loader, "_read_bundled", lambda name: b"{" if name == "projects.json" else reader(name)
    )
    results = in_threads(lambda _: sd.load(), count=8)
    assert [
        "projects.json: is not valid JSON: Expecting property name enclosed in double quotes"
        " at line 1, column 2"
    ] * 8 == [str(r) for r in results]
    assert all(type(r) is DataError for r in results)
    assert 8 * (len(FILES) - 1) == len(slow_reads)  # all but projects.json, in every thread
    assert _loader._default is None
    monkeypatch.setattr(_loader, "_read_bundled", reader)
    assert sd.load() is _loader._default is not None


def test_directories_stay_independent(tmp_path: Path) -> None:
    """
    Eight directories, each with its own data version and one record of its own,
    two of them broken: 32 threads loading them over and over each get exactly
    their directory's Dataset or its own DataError, and load() is unaffected.
    """
    expected: dict[Path, Dataset | str] = {}
    for i in range(8):
        ds = attrs.evolve(
            mini.dataset(),
            data_version=f"2025.01.{i + 1:02}",
            projects=[
                attrs.evolve(p, name=f"Cable {i}") if p.id == "cable" else p
                for p in mini.projects()
            ],
        )
        directory = write_json(ds, tmp_path / f"data-{i}")
        if i in (3, 6):
            kind = f"kind-{i}"
            edit(directory, "projects.json", lambda d: d[0].update(kind=kind))  # noqa: B023 - called at once
            expected[directory] = f"projects.json[0].kind: '{kind}' is not a known project kind"
        else:
            expected[directory] = ds
    directories = list(expected)
    bundled = sd.load()

    def work(i: int) -> list[tuple[Path, object]]:
        seen: list[tuple[Path, object]] = []
        for round_ in range(10):
            directory = directories[(i + round_) % len(directories)]
            try:
                ds = sd.load(directory)
            except DataError as exc:
                seen.append((directory, str(exc)))
            else:
                seen.append((directory, (ds, ds.data_version)))
            assert sd.load() is bundled
        return seen

    for outcome in in_threads(work):
        assert not isinstance(outcome, Exception), outcome
        for directory, got in outcome:
            want = expected[directory]
            if isinstance(want, str):
                assert want == got
            else:
                assert (want, want.data_version) == got
