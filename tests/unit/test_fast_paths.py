"""
The fast paths give the same answers as the paths they short-cut: the
loader's record hooks build what the cattrs converter builds and refuse what
it refuses, and normalize_key's ASCII path folds as the Unicode path does.
"""

from __future__ import annotations

import concurrent.futures
import gc
import string
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mini
import sco_digital as sd
from sco_digital import Conflict, Country, Indicator, Organization, Project, Source, _loader
from sco_digital._keys import _fold_unicode, normalize_key
from sco_digital._serialize import RECORD_TYPES, structure, unstructure
from sco_digital._structure import Refused, record_hook

TOP = (Source, Country, Organization, Project, Indicator, Conflict)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["", " x", "cn", "CN", "seed", "2025-02-30", "2025-03", "5g", "fibre"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def outcome(build: Any) -> tuple[str, Any]:
    try:
        return "built", build()
    except Exception:  # noqa: BLE001 - only whether it failed matters here
        return "refused", None


class TestRecordHooks:
    @pytest.mark.parametrize("cls", TOP, ids=lambda cls: cls.__name__)
    def test_bundled_records_build_equal(self, cls: type) -> None:
        """Every bundled record, written out and read back by both paths, is equal."""
        records = getattr(sd.load(), sd.dataset.FILES[cls].removesuffix(".json"))
        for record in records:
            raw = unstructure(record)
            assert structure(raw, cls) == record_hook(cls)(raw) == record

    @given(data=st.data())
    def test_same_verdict_as_the_converter(self, data: st.DataObject) -> None:
        """A valid record with one key changed, removed or added: both paths agree."""
        cls = data.draw(st.sampled_from(TOP))
        record = data.draw(st.from_type(cls))
        raw: dict[str, Any] = unstructure(record)
        key = data.draw(st.sampled_from([*raw, "extra"]))
        if data.draw(st.booleans()):
            raw.pop(key, None)
        else:
            raw[key] = data.draw(json_values)
        assert outcome(lambda: structure(raw, cls)) == outcome(lambda: record_hook(cls)(raw))

    @pytest.mark.parametrize(
        "changes",
        [
            {"name": 1},
            {"sources": "seed"},
            {"sources": ["seed", "seed"]},
            {"technologies": ["5g", "5g"]},
            {"technologies": ["fibre"]},
            {"started": "2025-02-30"},
            {"participants": [{"country": "CN"}]},
            {"participants": [{"country": "CN", "role": "host", "extra": 1}]},
            {"extra": 1},
        ],
    )
    def test_refuses_what_the_converter_refuses(self, changes: dict[str, Any]) -> None:
        raw: dict[str, Any] = unstructure(mini.projects()[1])
        raw.update(changes)
        with pytest.raises(Exception):  # noqa: B017, PT011 - the converter's own error
            structure(raw, Project)
        with pytest.raises(Exception):  # noqa: B017, PT011 - any: the loader then asks the converter
            record_hook(Project)(raw)

    def test_refuses_repeated_keys_and_missing_keys(self) -> None:
        from sco_digital._json import parse

        with pytest.raises(Refused):
            record_hook(sd.Participant)(
                parse(b'{"country": "CN", "country": "KZ", "role": "host"}')
            )
        with pytest.raises(Refused):
            record_hook(sd.Participant)({"country": "CN"})

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.__name__)
    def test_every_field_type_has_a_hook(self, cls: type) -> None:
        """record_hook raises TypeError for a field type it has no hook for."""
        assert callable(record_hook(cls))

    def test_unknown_field_type(self) -> None:
        @attrs.frozen
        class Odd:
            when: complex

        with pytest.raises(TypeError, match="^no hook for fields of type <class 'complex'>$"):
            record_hook(Odd)

    def test_valid_data_loads_without_cattrs(self) -> None:
        """Cattrs is imported only when a record needs the converter to explain it."""
        code = (
            "import sys, sco_digital as sd\n"
            "sd.load(); sd.by_country('UZ')\n"
            "print('cattrs' in sys.modules)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "False\n" == done.stdout


def text_fields() -> list[tuple[type, str]]:
    """Every (record type, field) whose value the fast path hands to the class unchecked."""
    return [
        (cls, field.name)
        for cls in RECORD_TYPES
        for field in attrs.fields(cls)
        if field.type in (str, str | None, tuple[str, ...])
    ]


def valid_raw(cls: type) -> dict[str, Any]:
    ds = mini.dataset()
    record = {
        sd.Membership: ds.countries[0].memberships[0],
        sd.Participant: ds.projects[0].participants[0],
        sd.CountryName: sd.CountryName(language="uz", name="Oʻzbekiston", sources=("seed",)),
        sd.OrganizationParticipant: sd.OrganizationParticipant(
            organization="caict", role=sd.OrganizationRole.FINANCIER
        ),
        sd.Identifier: sd.Identifier(scheme=sd.IdentifierScheme.AIDDATA_GCDF_3, id="42401"),
    }.get(cls) or getattr(ds, sd.dataset.FILES[cls].removesuffix(".json"))[0]
    raw: dict[str, Any] = unstructure(record)
    return raw


class TestTextFields:
    @pytest.mark.parametrize(("cls", "name"), text_fields(), ids=str)
    @pytest.mark.parametrize("value", [1, 1.5, True, {}, {"a": "b"}, [1]], ids=repr)
    def test_the_class_refuses_what_is_not_text(self, cls: type, name: str, value: Any) -> None:
        """The validators refuse every non-string JSON value where the converter expects text."""
        raw = valid_raw(cls)
        if attrs.fields_dict(cls)[name].type == tuple[str, ...]:
            value = [value]
        raw[name] = value
        with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal sends the record to the converter
            record_hook(cls)(raw)
        with pytest.raises(Exception):  # noqa: B017, PT011 - and the converter refuses it too
            structure(raw, cls)


class TestDaysInMonth:
    def test_same_as_calendar(self) -> None:
        import calendar

        from sco_digital._dates import _days_in_month

        assert [
            calendar.monthrange(year, month)[1]
            for year in range(1000, 10000)
            for month in range(1, 13)
        ] == [_days_in_month(year, month) for year in range(1000, 10000) for month in range(1, 13)]


class TestNormalizeKey:
    @given(st.text(alphabet=st.characters(max_codepoint=127)))
    def test_ascii_path_folds_as_the_unicode_path(self, text: str) -> None:
        assert _fold_unicode(text) == normalize_key(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("E-Commerce", "e commerce"),
            ("  5G  ", "5g"),
            ("%", "%"),
            (">= ", ">="),
            ("Türkiye", "turkiye"),
            ("Россия", "россия"),
            (string.punctuation, string.punctuation),
        ],
    )
    def test_examples(self, text: str, expected: str) -> None:
        assert expected == normalize_key(text)

    def test_not_text(self) -> None:
        with pytest.raises(TypeError):
            normalize_key(5)  # type: ignore[arg-type]


class TestCollectorPause:
    """load() pauses the cyclic garbage collector and always restores it."""

    def test_restored_after_a_load(self, mini_dir: Path) -> None:
        seen = []
        real = _loader._build_dataset

        def spy(read: Any) -> sd.Dataset:
            seen.append(gc.isenabled())
            return real(read)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_loader, "_build_dataset", spy)
            sd.load(mini_dir)
        assert [False] == seen
        assert gc.isenabled()

    def test_restored_after_a_failed_load(self, mini_dir: Path) -> None:
        (mini_dir / "projects.json").write_text("[", encoding="utf-8")
        with pytest.raises(sd.DataError):
            sd.load(mini_dir)
        assert gc.isenabled()

    def test_left_off_if_it_was_off(self, mini_dir: Path) -> None:
        gc.disable()
        try:
            sd.load(mini_dir)
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_concurrent_loads(self, mini_dir: Path) -> None:
        """The collector stays paused until the last of several concurrent loads ends."""
        inside = threading.Barrier(3)
        states = []
        real = _loader._build_dataset

        def slow(read: Any) -> sd.Dataset:
            inside.wait(timeout=10)  # all three loads are building at once
            states.append(gc.isenabled())
            return real(read)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_loader, "_build_dataset", slow)
            with concurrent.futures.ThreadPoolExecutor(3) as pool:
                results = list(pool.map(lambda _: sd.load(mini_dir), range(3)))
        assert [False, False, False] == states
        assert results[0] == results[1] == results[2]
        assert gc.isenabled()
