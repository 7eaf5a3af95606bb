"""The strict converter: what it accepts, what it refuses, what it writes."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import mini
import sco_digital as sd
from sco_digital import Indicator, Membership, PartialDate, Project, Source
from sco_digital._convert import problems_of, structure, unstructure
from sco_digital._json import dumps


def problems(value: Any, cls: type) -> list[tuple[str, str]]:
    with pytest.raises(Exception) as info:  # noqa: PT011 - any failure, then inspected
        structure(value, cls)
    return list(problems_of(info.value))


def project_json(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = unstructure(mini.projects()[1])
    raw.update(changes)
    return raw


class TestStrict:
    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"name": 1}, [(".name", "expected a string, got a number")]),
            ({"name": None}, [(".name", "expected a string, got null")]),
            ({"sources": "seed"}, [(".sources", "expected an array, got a string")]),
            ({"sources": ["seed", True]}, [(".sources[1]", "expected a string, got a boolean")]),
            (
                {"kind": "Platform"},
                [(".kind", "'Platform' is a name, not a slug; write 'platform'")],
            ),
            (
                {"technologies": ["fibre"]},
                [(".technologies[0]", "'fibre' is a name, not a slug; write 'fiber_optics'")],
            ),
            (
                {"technologies": ["blokchain"]},
                [
                    (
                        ".technologies[0]",
                        "'blokchain' is not a known technology; did you mean 'blockchain'?",
                    )
                ],
            ),
            ({"technologies": ["5g", "5g"]}, [(".technologies", "'5g' is repeated")]),
            (
                {"started": "2025-02-30"},
                [(".started", "'2025-02-30' is not a valid date: 2025-02 has no day 30")],
            ),
            ({"started": 2025}, [(".started", "expected a string, got a number")]),
            (
                {"participants": [{"country": "CN"}]},
                [(".participants[0].role", "required key is missing")],
            ),
            (
                {"participants": [["CN", "host"]]},
                [(".participants[0]", "expected an object, got an array")],
            ),
            (
                {"extra": 1},
                [
                    (
                        "",
                        "unknown key 'extra'; the known keys are: id, name, aliases, summary, "
                        "kind, status, participants, organizations, technologies, sectors, "
                        "location, started, ended, parent, sources, note, reviewed, organization_roles, "
                        "identifiers, places",
                    )
                ],
            ),
        ],
    )
    def test_refused(self, changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
        """Wrong types, names instead of slugs, bad dates and unknown keys are refused."""
        assert expected == problems(project_json(**changes), Project)

    def test_every_type_problem_is_listed(self) -> None:
        """Every value of the wrong type in one record is reported, in field order."""
        assert [
            (".name", "expected a string, got a number"),
            (".kind", "expected a string, got a boolean"),
            (".started", "expected a string, got a number"),
        ] == problems(project_json(started=2025, name=1, kind=True), Project)

    def test_first_validator_problem(self) -> None:
        """Once every field is built, the class's validators report the first field they refuse."""
        assert [
            (".id", "'Bad' is not a slug (lowercase letters, digits, single hyphens)"),
        ] == problems(project_json(id="Bad", name=" x", ended="2020"), Project)
        assert [(".ended", "2020 is before started (2023-05-23)")] == problems(
            project_json(ended="2020"), Project
        )

    def test_missing_key(self) -> None:
        """A missing required key is named."""
        raw = project_json()
        del raw["summary"]
        assert [(".summary", "required key is missing")] == problems(raw, Project)

    def test_optional_keys_may_be_left_out(self) -> None:
        """Keys with defaults can be omitted."""
        raw = {k: v for k, v in project_json().items() if v not in (None, [])}
        assert mini.projects()[1] == structure(raw, Project)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (1, 1.0),
            (2.5, 2.5),
        ],
    )
    def test_numbers(self, value: float, expected: float) -> None:
        """JSON integers and floats are numbers."""
        raw = unstructure(mini.indicators()[0]) | {"value": value}
        assert expected == structure(raw, Indicator).value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (True, "expected a number, got a boolean"),
            ("40", "expected a number, got a string"),
            (float("nan"), "nan is not a finite number within ±1.8e308"),
            (float("inf"), "inf is not a finite number within ±1.8e308"),
        ],
    )
    def test_not_numbers(self, value: Any, message: str) -> None:
        """Booleans, strings and non-finite floats are not numbers."""
        raw = unstructure(mini.indicators()[0]) | {"value": value}
        assert [(".value", message)] == problems(raw, Indicator)

    def test_cross_field_check_in_nested_record(self) -> None:
        """A nested record's validator failure carries its full path."""
        raw = unstructure(mini.countries()[3])
        raw["memberships"][1]["until"] = "2014"
        assert [(".memberships[1].until", "2014 is not after since (2015)")] == problems(
            raw, type(mini.countries()[3])
        )

    def test_top_level_not_an_object(self) -> None:
        """A record must be a JSON object."""
        assert [("", "expected an object, got an array")] == problems([], Source)


class TestOutput:
    def test_frozensets_sorted_and_enums_by_value(self) -> None:
        """Sets are written sorted; vocabularies and dates as their text."""
        raw = unstructure(mini.projects()[1])
        assert ["artificial_intelligence", "big_data"] == raw["technologies"]
        assert "platform" == raw["kind"]
        assert "2023-05-23" == raw["started"]
        assert {"country": "CN", "role": "host"} == raw["participants"][0]

    def test_field_order_and_nulls(self) -> None:
        """Keys follow the field order and optional fields are written as null."""
        raw = unstructure(mini.sources()[1])
        assert [
            "id",
            "title",
            "publisher",
            "reprint_of",
            "kind",
            "published",
            "url",
            "language",
            "archived_url",
            "note",
        ] == list(raw)
        assert raw["title"] is None

    def test_dumps_is_canonical(self) -> None:
        """Two-space indent, real UTF-8, one trailing newline."""
        text = dumps(unstructure(mini.sources()[2]))
        assert text.endswith("}\n")
        assert '\n  "title": "Партнёры ШОС",\n' in text
        assert text == dumps(json.loads(text))

    def test_partial_date_round_trip(self) -> None:
        """A PartialDate is written as its ISO text."""
        assert "2025-03" == unstructure(PartialDate.parse("2025-03"))
        raw = unstructure(mini.countries()[3].memberships[0])
        assert mini.countries()[3].memberships[0] == structure(raw, Membership)


class TestRoundTrip:
    def test_every_bundled_record(self) -> None:
        """Unstructure then structure gives back an equal record, for every record."""
        ds = sd.load()
        for table in (
            ds.sources,
            ds.countries,
            ds.organizations,
            ds.projects,
            ds.indicators,
            ds.conflicts,
        ):
            for record in table:
                raw = unstructure(record)
                assert record == structure(raw, type(record))
                assert dumps(raw) == dumps(
                    unstructure(structure(json.loads(dumps(raw)), type(record)))
                )


class TestReviewed:
    """The optional review version: written only when set, read back equal."""

    @pytest.mark.parametrize(
        "record",
        [
            mini.projects()[1],
            mini.organizations()[0],
            mini.indicators()[0],
            mini.countries()[3].memberships[0],
        ],
        ids=["project", "organization", "indicator", "membership"],
    )
    def test_left_out_until_set(self, record: Any) -> None:
        """An unreviewed record has no 'reviewed' key; a reviewed one has it last."""
        assert "reviewed" not in unstructure(record)
        reviewed = attrs.evolve(record, reviewed="2026.11.30")
        raw = unstructure(reviewed)
        assert ("reviewed", "2026.11.30") == list(raw.items())[-1]
        assert reviewed == structure(raw, type(record))

    def test_country_keeps_unreviewed_memberships_as_they_were(self) -> None:
        """Only the reviewed membership of a country gains the key."""
        country = mini.countries()[3]
        first, *rest = country.memberships
        changed = attrs.evolve(
            country, memberships=(attrs.evolve(first, reviewed="2026.11.30"), *rest)
        )
        raw = unstructure(changed)
        assert ["2026.11.30", None] == [m.get("reviewed") for m in raw["memberships"][:2]]

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("2026-11-30", "'2026-11-30' is not a CalVer data version such as '2026.11.30'"),
            ("2026.02.30", "'2026.02.30' is not a CalVer data version such as '2026.11.30'"),
            (20261130, "expected a string, got a number"),
        ],
    )
    def test_refused(self, value: Any, message: str) -> None:
        """A review version must be a CalVer data version of a real day."""
        assert [(".reviewed", message)] == problems(project_json(reviewed=value), Project)
