"""
The fast paths give the same answers as the paths they short-cut: the
converter's first pass builds what its explaining pass builds and refuses what
it refuses, and normalize_key's ASCII path folds as the Unicode path does.
"""

from __future__ import annotations

import concurrent.futures
import gc
import string
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cattrs.errors import ForbiddenExtraKeysError
from hypothesis import given
from hypothesis import strategies as st

import mini
import sco_digital as sd
from sco_digital import Conflict, Country, Indicator, Organization, Project, Source
from sco_digital._convert import builder, problems, unstructure
from sco_digital._keys import _fold_unicode, normalize_key
from sco_digital._registry import FILES

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


class TestOneBuilder:
    """
    The converter's first pass (detailed validation off) and its explaining pass
    (on) agree: a value either builds, or has problems to list, never both.
    """

    @pytest.mark.parametrize("cls", TOP, ids=lambda cls: cls.__name__)
    def test_bundled_records_build_equal(self, cls: type) -> None:
        """Every bundled record, written out and read back, is equal, with no problem."""
        records = getattr(sd.load(), FILES[cls].removesuffix(".json"))
        build: Callable[[Any], Any] = builder(cls)
        for record in records:
            raw = unstructure(record)
            assert record == build(raw)
            assert [] == problems(raw, cls)

    @given(data=st.data())
    def test_same_verdict_in_both_passes(self, data: st.DataObject) -> None:
        """A valid record with one key changed, removed or added: both passes agree."""
        cls = data.draw(st.sampled_from(TOP))
        record = data.draw(st.from_type(cls))
        raw: dict[str, Any] = unstructure(record)
        key = data.draw(st.sampled_from([*raw, "extra"]))
        if data.draw(st.booleans()):
            raw.pop(key, None)
        else:
            raw[key] = data.draw(json_values)
        built, _ = outcome(lambda: builder(cls)(raw))
        assert (built == "built") == (problems(raw, cls) == [])

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
    def test_refused_by_both(self, changes: dict[str, Any]) -> None:
        raw: dict[str, Any] = unstructure(mini.projects()[1])
        raw.update(changes)
        with pytest.raises(Exception):  # noqa: B017, PT011 - any: the loader then explains it
            builder(Project)(raw)
        assert problems(raw, Project)

    def test_refuses_repeated_keys(self) -> None:
        """An object with a repeated key is refused, although a dict holds its last value."""
        from sco_digital._json import parse

        raw = parse(b'{"country": "CN", "country": "KZ", "role": "host"}')
        with pytest.raises(TypeError):
            builder(sd.Participant)(raw)
        assert [("", "key 'country' appears more than once in one object")] == problems(
            raw, sd.Participant
        )

    def test_never_kept_if_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A value the first pass refuses is not built even if the explaining pass would be."""
        import cattrs

        import sco_digital._convert as convert

        raw = {"country": "CN", "role": "host", "extra": 1}
        monkeypatch.setattr(convert, "_explaining", cattrs.Converter)  # ignores unknown keys
        with pytest.raises(ForbiddenExtraKeysError):
            convert.structure(raw, sd.Participant)

    def test_never_loaded_if_refused(self, mini_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A record the first pass refuses fails the load even if no problem is explained."""
        import sco_digital._convert as convert

        (mini_dir / "conflicts.json").write_text('[{"id": 1}]', encoding="utf-8")
        monkeypatch.setattr(convert, "problems", lambda _value, _cls: [])
        with pytest.raises(sd.DataError) as info:
            sd.load(mini_dir)
        assert ["conflicts.json[0]: refused, then built: a fault in sco_digital"] == [
            str(p) for p in info.value.problems if p.file == "conflicts.json"
        ]


RECORD_TYPES = (
    *TOP,
    sd.Membership,
    sd.CountryName,
    sd.Participant,
    sd.OrganizationParticipant,
    sd.Identifier,
)


TEXT_TYPES = (str, str | None, tuple[str, ...])


def text_fields() -> list[tuple[type, str]]:
    """
    Every (record type, field) holding text. The records' annotations are
    strings (``from __future__ import annotations``), so they are resolved
    first; a test below checks the list is not empty.
    """
    return [
        (cls, name)
        for cls in RECORD_TYPES
        for name, hint in typing.get_type_hints(cls).items()
        if hint in TEXT_TYPES
    ]


def test_text_fields_found() -> None:
    assert ("Source", "publisher") in {(cls.__name__, name) for cls, name in text_fields()}


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
    }.get(cls) or getattr(ds, FILES[cls].removesuffix(".json"))[0]
    raw: dict[str, Any] = unstructure(record)
    return raw


class TestTextFields:
    @pytest.mark.parametrize(("cls", "name"), text_fields(), ids=str)
    @pytest.mark.parametrize("value", [1, 1.5, True, {}, {"a": "b"}, [1]], ids=repr)
    def test_the_class_refuses_what_is_not_text(self, cls: type, name: str, value: Any) -> None:
        """Both passes refuse every non-string JSON value where text is expected."""
        raw = valid_raw(cls)
        if typing.get_type_hints(cls)[name] == tuple[str, ...]:
            value = [value]
        raw[name] = value
        with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal sends the record to be explained
            builder(cls)(raw)
        assert problems(raw, cls)


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


class TestNoSideEffects:
    """A load changes no process-wide state: it never touches the garbage collector."""

    @pytest.fixture
    def untouchable_collector(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def touched(*_: object) -> None:
            pytest.fail("a load touched the garbage collector")

        for name in ("disable", "enable", "freeze", "unfreeze", "set_threshold"):
            monkeypatch.setattr(gc, name, touched)

    @pytest.mark.usefixtures("untouchable_collector")
    def test_a_load(self, mini_dir: Path) -> None:
        assert sd.load(mini_dir) == sd.load(mini_dir)

    @pytest.mark.usefixtures("untouchable_collector")
    def test_a_failed_load(self, mini_dir: Path) -> None:
        (mini_dir / "projects.json").write_text("[", encoding="utf-8")
        with pytest.raises(sd.DataError):
            sd.load(mini_dir)

    @pytest.mark.usefixtures("untouchable_collector")
    def test_concurrent_loads(self, mini_dir: Path) -> None:
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            results = list(pool.map(lambda _: sd.load(mini_dir), range(6)))
        assert all(result == results[0] for result in results)
