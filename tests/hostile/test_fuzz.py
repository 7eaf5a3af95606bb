"""
Fuzzing load(): random damage to the bundled files, and random JSON, must
end in a Dataset that passes validate() or in a DataError; nothing else.

Each test counts what it tried and prints the counts when it ends:

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/hostile/test_fuzz.py

runs the ``fuzz`` profile (10,000 inputs per test). The tests are marked
slow: README's test command leaves them out, ``pytest -m slow`` (which
.ci/run runs) takes them with the ``ci`` profile.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import sco_digital as sd
from hostile.corrupt import BUNDLED, FILES, Repeated, dump, raw
from sco_digital import DataError, Dataset, _loader
from sco_digital._schemas import generate

ORIGINAL = {name: (BUNDLED / name).read_bytes() for name in FILES}
SCHEMAS = {
    name: Draft202012Validator(schema)
    for name, schema in generate().items()
    for name in [name.replace(".schema.json", ".json")]
}
PARSED = {name: json.loads(content) for name, content in ORIGINAL.items()}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


# Strings from the data itself (ids, codes, slugs, dates, names), so that a
# mutation often keeps the types right and breaks a reference or a rule instead.
KNOWN_STRINGS = sorted({s for tree in PARSED.values() for s in _strings(tree) if len(s) <= 60})
SPECIAL = [raw("NaN"), raw("Infinity"), raw("-Infinity"), raw("1e999"), raw("1" + "0" * 400)]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(KNOWN_STRINGS),
    st.sampled_from(SPECIAL),
    st.sampled_from(["2025-02-29", "2024-13", "0999", "", " ", "x" * 5000, "\x00", "\ud800"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10) | st.sampled_from(KNOWN_STRINGS), inner, max_size=4)
    ),
    max_leaves=12,
)


# -- mutations ----------------------------------------------------------------------

Draw = Callable[[st.SearchStrategy[Any]], Any]


def _byte_mutation(draw: Draw, content: bytes) -> bytes:
    """Flip, delete, insert or duplicate bytes, or cut the file short."""
    size = len(content)
    at = draw(st.integers(0, size))
    length = draw(st.integers(0, 64))
    kind = draw(st.sampled_from(["flip", "delete", "insert", "duplicate", "truncate"]))
    if kind == "flip" and at < size:
        return content[:at] + bytes([draw(st.integers(0, 255))]) + content[at + 1 :]
    if kind == "delete":
        return content[:at] + content[at + length :]
    if kind == "insert":
        inserted: bytes = draw(st.binary(max_size=16))
        return content[:at] + inserted + content[at:]
    if kind == "duplicate":
        return content[: at + length] + content[at : at + length] + content[at + length :]
    return content[:at]


def _path(draw: Draw, tree: Any) -> list[Any]:
    """A path of keys from the root of *tree* to one of its values."""
    path: list[Any] = []
    node = tree
    while isinstance(node, (dict, list)) and node and draw(st.integers(0, 3)) > 0:
        key = draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    return path


def _json_mutation(draw: Draw, tree: Any) -> Any:
    """Drop, add, repeat, retype, copy or swap keys, values and records."""
    path = _path(draw, tree)
    if not path:
        return draw(json_values)
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    kind = draw(
        st.sampled_from(["drop", "retype", "copy", "add key", "repeat key", "duplicate", "swap"])
    )
    if kind == "drop":
        del parent[key]
    elif kind == "retype":
        parent[key] = draw(json_values)
    elif kind == "copy":  # the same key's value in another record, or a known string
        choices = KNOWN_STRINGS if draw(st.booleans()) else _siblings(tree, path)
        parent[key] = copy.deepcopy(draw(st.sampled_from(choices)))
    elif kind == "add key" and isinstance(parent, dict):
        parent[draw(st.text(max_size=10) | st.sampled_from(KNOWN_STRINGS))] = draw(json_values)
    elif kind == "repeat key" and isinstance(parent, dict):
        pairs = list(parent.items())
        pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(json_values)))
        return _replace(tree, path[:-1], Repeated(pairs))
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[key]))
    elif kind == "swap" and isinstance(parent, list):
        other = draw(st.integers(0, len(parent) - 1))
        parent[key], parent[other] = parent[other], parent[key]
    return tree


def _siblings(tree: Any, path: list[Any]) -> list[Any]:
    """The values at *path* with its first step (the record) changed: the same field elsewhere."""
    found = []
    if isinstance(tree, list):
        for record in tree:
            node = record
            try:
                for key in path[1:]:
                    node = node[key]
            except (KeyError, IndexError, TypeError):
                continue
            found.append(node)
    return found or [None]


def _replace(tree: Any, path: list[Any], value: Any) -> Any:
    if not path:
        return value
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return tree


@st.composite
def damaged_files(draw: Draw) -> dict[str, bytes]:
    """One or two files of the bundled data, damaged at byte level, at JSON level, or
    replaced by random JSON or random bytes.
    """
    damaged: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 2))):
        name = draw(st.sampled_from(FILES))
        kind = draw(st.sampled_from(["bytes", "json", "json", "random json", "random bytes"]))
        if kind == "bytes":
            content = ORIGINAL[name]
            for _ in range(draw(st.integers(1, 3))):
                content = _byte_mutation(draw, content)
        elif kind == "json":
            tree = json.loads(ORIGINAL[name])
            for _ in range(draw(st.integers(1, 3))):
                tree = _json_mutation(draw, tree)
            content = dump(tree)
        elif kind == "random json":
            content = dump(draw(json_values))
        else:
            content = draw(st.binary(max_size=64))
        damaged[name] = content
    return damaged


# -- the tests ------------------------------------------------------------------------


def check_outcome(load: Callable[[], Dataset], counts: Counter[str]) -> bool:
    """Load; count the outcome; True for a DataError, which must be well formed."""
    counts["inputs"] += 1
    try:
        ds = load()
    except DataError as exc:
        error = exc
    except BaseException:
        counts["other"] += 1
        raise
    else:
        counts["valid Dataset"] += 1
        ds.validate()
        return False
    counts["DataError"] += 1
    assert error.problems
    assert all(p.file in FILES and p.message for p in error.problems)
    assert all(str(p) in str(error) for p in error.problems)
    return True


def report(capsys: pytest.CaptureFixture[str], what: str, counts: Counter[str]) -> None:
    with capsys.disabled():
        print(  # noqa: T201 - the fuzz counts, for the record
            f"\n{what}: {counts['inputs']:,} inputs: {counts['DataError']:,} DataError,"
            f" {counts['valid Dataset']:,} valid Dataset, {counts['other']:,} other outcomes"
        )


@pytest.mark.slow
def test_load_path_fuzz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """load(path) on damaged copies of the bundled files: a valid Dataset or a DataError;
    the default dataset is untouched, and the next good load works.
    """
    directory = tmp_path / "data"
    directory.mkdir()
    good = tmp_path / "good"
    good.mkdir()
    for name, content in ORIGINAL.items():
        (good / name).write_bytes(content)
    expected = sd.load(good)
    default = _loader._default
    counts: Counter[str] = Counter()

    @given(damaged_files())
    def run(damaged: dict[str, bytes]) -> None:
        for name, content in {**ORIGINAL, **damaged}.items():
            (directory / name).write_bytes(content)
        failed = check_outcome(lambda: sd.load(directory), counts)
        assert _loader._default is default
        if failed:
            assert expected == sd.load(good)
        else:  # whatever the loader accepts, the schemas accept
            for name in FILES:
                data = json.loads((directory / name).read_bytes())
                assert [] == list(SCHEMAS[name].iter_errors(data)), name

    run()
    report(capsys, "fuzz load(path)", counts)
    assert 0 == counts["other"]


@pytest.mark.slow
def test_bundled_load_fuzz(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """load() on first use, reading damaged bundled files: a failure caches nothing,
    and the next load() with the real files works and is cached.
    """
    expected = sd.load()
    real = _loader._read_bundled
    counts: Counter[str] = Counter()

    @given(damaged_files())
    def run(damaged: dict[str, bytes]) -> None:
        monkeypatch.setattr(_loader, "_default", None)
        monkeypatch.setattr(_loader, "_read_bundled", lambda name: damaged.get(name, real(name)))
        failed = check_outcome(sd.load, counts)
        if failed:
            assert _loader._default is None
        monkeypatch.setattr(_loader, "_read_bundled", real)
        monkeypatch.setattr(_loader, "_default", None)
        assert expected == sd.load()
        assert sd.load() is _loader._default

    run()
    report(capsys, "fuzz load() of the bundled data", counts)
    assert 0 == counts["other"]
