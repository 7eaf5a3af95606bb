"""
The JSON Schemas shipped in sco_digital/schemas: generated from the models,
valid draft 2020-12, met by the data, and in agreement with the loader.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import mini
import sco_digital as sd
from hostile.corrupt import BUNDLED, FILES
from hostile.schema_strategies import from_schema
from sco_digital import (
    Conflict,
    Country,
    Indicator,
    Membership,
    Organization,
    PartialDate,
    Project,
    Source,
    Unit,
)
from sco_digital._about import LICENSE, NAME, TITLE
from sco_digital._convert import problems, structure, unstructure
from sco_digital._json import dumps
from sco_digital._manifest import Manifest
from sco_digital._rules import rule_of
from sco_digital._schemas import RULES_BEYOND, generate
from sco_digital._writers import json_files
from sco_digital.export import write_json

SCHEMAS = generate()
ABOUT = {"name": NAME, "title": TITLE, "license": LICENSE}
RECORDS = [
    cls
    for cls in vars(sd.models).values()
    if isinstance(cls, type) and attrs.has(cls) and cls not in (PartialDate, sd.Interval)
]
CLASSES: dict[type, str] = {
    Source: "sources",
    Country: "countries",
    Organization: "organizations",
    sd.Place: "places",
    Project: "projects",
    Indicator: "indicators",
    Conflict: "conflicts",
}


def schema_of(name: str) -> dict[str, Any]:
    """The schema of the data file *name* (``projects.json``)."""
    return SCHEMAS[name.replace(".json", ".schema.json")]


def record_schema(cls: type) -> dict[str, Any]:
    """The schema of one *cls* record: its definition, with the file's $defs."""
    owner = CLASSES.get(cls, "countries" if cls is Membership else "projects")
    whole = schema_of(f"{owner}.json")
    return {"$schema": whole["$schema"], "$ref": f"#/$defs/{cls.__name__}", "$defs": whole["$defs"]}


VALIDATORS = {cls: Draft202012Validator(record_schema(cls)) for cls in [*CLASSES, Membership]}
MANIFEST = Draft202012Validator(schema_of("manifest.json"))


def mini_manifest() -> str:
    return json_files(mini.dataset())["manifest.json"]


def loads(raw: dict[str, Any], cls: type) -> bool:
    """
    Whether the loader takes *raw* as a *cls*: the converter builds it, and it
    keeps the two rules Dataset.validate checks of each record on its own
    (it cites a source; a conflict names a record), which a schema can check too.
    """
    try:
        record: Any = structure(raw, cls)
    except Exception:  # noqa: BLE001 - any refusal
        return False
    parts = record.memberships if isinstance(record, Country) else (record,)
    return (
        all(getattr(part, "sources", True) for part in parts)
        and getattr(record, "records", True) != ()
    )


def _date(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except ValueError:
        return None


def within_rules_beyond(raw: dict[str, Any], cls: type) -> bool:
    """
    Whether *raw* keeps the rules within a record that a schema cannot express
    (RULES_BEYOND): the order of since and until, started and ended, period
    and period_end. Where they are broken the loader refuses and the schema
    cannot, which is documented, so such records are left out.
    """
    pairs: dict[type, tuple[str, str, Callable[[PartialDate, PartialDate], bool]]] = {
        Membership: ("since", "until", lambda a, b: b.earliest() > a.earliest()),
        Project: ("started", "ended", lambda a, b: b.latest() >= a.earliest()),
        Indicator: ("period", "period_end", lambda a, b: b.latest() > a.latest()),
    }
    if cls is Country:
        memberships = raw.get("memberships")
        return not isinstance(memberships, list) or all(
            within_rules_beyond(m, Membership) for m in memberships if isinstance(m, dict)
        )
    if cls not in pairs:
        return True
    start_key, end_key, ordered = pairs[cls]
    start, end = _date(raw.get(start_key)), _date(raw.get(end_key))
    return start is None or end is None or ordered(start, end)


class TestShipped:
    def test_shipped_equal_generated(self) -> None:
        """The files in the package are what `python -m sco_digital._schemas` writes."""
        shipped = files("sco_digital").joinpath("schemas")
        names = sorted(entry.name for entry in shipped.iterdir())
        assert sorted(SCHEMAS) == names
        for name, schema in SCHEMAS.items():
            assert dumps(schema) == shipped.joinpath(name).read_text(encoding="utf-8"), name

    def test_one_schema_per_data_file(self) -> None:
        assert sorted(f.replace(".json", ".schema.json") for f in FILES) == sorted(SCHEMAS)

    @pytest.mark.parametrize("name", sorted(SCHEMAS))
    def test_valid_draft_2020_12(self, name: str) -> None:
        schema = SCHEMAS[name]
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        Draft202012Validator.check_schema(schema)

    @pytest.mark.parametrize("name", FILES)
    def test_bundled_files_validate(self, name: str) -> None:
        data = json.loads((BUNDLED / name).read_text(encoding="utf-8"))
        assert [] == [e.message for e in Draft202012Validator(schema_of(name)).iter_errors(data)]

    @pytest.mark.parametrize("name", FILES)
    def test_mini_files_validate(self, mini_dir: Path, name: str) -> None:
        data = json.loads((mini_dir / name).read_text(encoding="utf-8"))
        assert Draft202012Validator(schema_of(name)).is_valid(data)

    @pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
    def test_every_string_field_has_a_rule(self, cls: type) -> None:
        """Each str field of each record follows a text rule, and nothing else does."""
        attrs.resolve_types(cls)
        strings = {
            f.name
            for f in attrs.fields(cls)
            if "str" in str(f.type) and "Vocabulary" not in str(f.type)
        }
        assert strings == {f.name for f in attrs.fields(cls) if rule_of(f) is not None}


# -- field by field: the schema and the converter agree -------------------------------

# Every field of every record, with the record (from the mini dataset) it is set in;
# the optional review version is written only when set, so it is set here.
REVIEWED = {"reviewed": "2026.11.30"}
BASES: dict[type, dict[str, Any]] = {
    Source: unstructure(mini.sources()[0]),
    Membership: {**unstructure(mini.countries()[3].memberships[0]), **REVIEWED},
    Country: unstructure(mini.countries()[3]),
    Organization: {**unstructure(mini.organizations()[0]), **REVIEWED},
    # With roles and identifiers, which are left out of the JSON while empty.
    Project: unstructure(
        attrs.evolve(
            mini.projects()[1],
            organization_roles=(
                sd.OrganizationParticipant(
                    organization="caict", role=sd.OrganizationRole.HOST_INSTITUTION
                ),
            ),
            identifiers=(sd.Identifier(scheme=sd.IdentifierScheme.AIDDATA_GCDF_3, id="42401"),),
            places=("bishkek",),
        )
    )
    | REVIEWED,
    Indicator: {**unstructure(mini.indicators()[2]), **REVIEWED},
    Conflict: unstructure(mini.conflicts()[0]),
    sd.Place: unstructure(mini.places()[0]),
}
FIELDS = [(cls, field.name) for cls in BASES for field in attrs.fields(cls)]

HOSTILE_STRINGS = [
    "",
    " ",
    "a",
    "A",
    "ab",
    "AB",
    "ABC",
    "SCO",
    "sco",
    "x" * 101,
    "x" * 301,
    "x" * 4001,
    "a-b",
    "a--b",
    "-a",
    "a-",
    "a_b",
    "a__b",
    "en",
    "zh-Hant",
    "pt-BR",
    "zh-Hant-TW",
    "EN",
    "2025",
    "2025-02",
    "2024-02-29",
    "2025-02-29",
    "2100-02-29",
    "2000-02-29",
    "0999",
    "2025-13",
    "2025-00",
    "2025-01-32",
    "2026.11.30",
    "2026.02.30",
    "2026.11.30.2",
    "2026.11.30\n",
    "0999.01.01",
    "٢٠٢٥",
    "2025\n",
    "abc\n",
    "CN\n",
    "https://example.org/",
    "http://x",
    "https:// x",
    "https://example.org/\n",
    "https://exa\x00mple",
    "https://пример.рф/путь",
    "Name",
    " Name",
    "Name ",
    "Na\nme",
    "Na\tme",
    "Na\x00me",
    "Na\x7fme",
    "Na\x85me",
    "Na\xa0me",
    "\xa0Name",
    "Name\u3000",
    "Na\u200bme",
    "\u2028",
    "Узбекистан",
    "乌兹别克斯坦",
    "\U0001f600",
    "e_commerce",
    "5g",
    "5G",
    "percent",
    "member",
    "host",
]

values = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=12),
    st.from_regex(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", fullmatch=True),
    st.from_regex(r"[a-zA-Z0-9_-]{1,8}", fullmatch=True),
    st.none(),
    st.booleans(),
    st.integers(-5, 5) | st.floats(allow_nan=False),
    st.lists(st.sampled_from(HOSTILE_STRINGS), max_size=3),
    st.builds(dict),
)


class TestAgreement:
    @given(st.sampled_from(FIELDS), values, st.sampled_from(["as the value", "as an item"]))
    def test_field_values(self, where: tuple[type, str], value: Any, how: str) -> None:
        """
        Any value in any field (or as the only item of an array field): the schema
        and the converter accept or refuse it together.
        """
        cls, key = where
        raw = copy.deepcopy(BASES[cls])
        raw[key] = [value] if how == "as an item" and isinstance(raw[key], list) else value
        assume(within_rules_beyond(raw, cls))
        assert VALIDATORS[cls].is_valid(raw) == loads(raw, cls), (cls.__name__, key, value)

    @given(
        st.sampled_from(FIELDS),
        st.sampled_from(["drop", "extra", "repeat item"]),
    )
    def test_keys_and_repeats(self, where: tuple[type, str], change: str) -> None:
        """A key left out, an unknown key, an array item repeated: both agree."""
        cls, key = where
        raw = copy.deepcopy(BASES[cls])
        if change == "drop":
            del raw[key]
        elif change == "extra":
            raw[key + "_extra"] = 1
        else:
            assume(isinstance(raw[key], list) and raw[key])
            raw[key] = [*raw[key], raw[key][0]]
        assert VALIDATORS[cls].is_valid(raw) == loads(raw, cls), (cls.__name__, key, change)

    @given(
        st.one_of(
            st.floats(allow_nan=False),
            st.integers(),
            st.sampled_from([0, -0.0, -1e-300, 1.7976931348623157e308, float("inf"), 2**1024]),
        ),
        st.sampled_from(list(Unit)),
    )
    def test_values_and_units(self, value: float, unit: Unit) -> None:
        """Finite numbers, negative only in percent, in any unit: both agree."""
        raw = {**BASES[Indicator], "value": value, "unit": unit.value}
        assert VALIDATORS[Indicator].is_valid(raw) == loads(raw, Indicator), (value, unit)

    @given(
        st.sampled_from(["name", "title", "data_version", "license", "counts", "extra"]),
        values
        | st.sampled_from(["2025.08.29", "2024.02.29", "2025.02.29", "2025.08.29.2", "0999.01.01"])
        | st.dictionaries(st.sampled_from([*CLASSES.values(), "widgets"]), values, max_size=7),
        st.sampled_from(["set", "drop"]),
    )
    def test_manifest(self, key: str, value: Any, how: str) -> None:
        """The manifest's keys, texts, version and counts: both agree (the counts'
        agreement with the files aside, which only the loader can check).
        """
        manifest = json.loads(mini_manifest())
        if how == "drop":
            manifest.pop(key, None)
        else:
            manifest[key] = value
        counts = manifest.get("counts")
        if isinstance(counts, dict):  # 4.0 is an integer to JSON Schema (RULES_BEYOND)
            assume(not any(type(c) is float and c.is_integer() for c in counts.values()))
        found = problems(manifest, Manifest)
        valid = MANIFEST.is_valid(manifest)
        if how == "set" and key in ABOUT:  # the schema asks for any name; the loader for ours
            valid = valid and value == ABOUT[key]
        assert valid == (not found), (key, value, found)

    # One year of each kind the leap rules tell apart (a multiple of 400, of 100 only,
    # of 4 only, none), and the first and last years; test_dates_agree_with_the_calendar
    # checks the leap days of every century and every last two digits.
    @pytest.mark.parametrize("year", [1000, 1900, 2000, 2024, 2025, 9999])
    def test_every_day_of_a_year(self, year: int) -> None:
        """Every day, and every non-day up to the 32nd, of years around the leap rules."""
        dates = [str(year), *(f"{year}-{m:02}" for m in range(14))]
        dates += [f"{year}-{m:02}-{d:02}" for m in range(14) for d in range(33)]
        raw = BASES[Source]
        for text in dates:
            found = {**raw, "published": text}
            assert VALIDATORS[Source].is_valid(found) == loads(found, Source), text

    def test_dates_agree_with_the_calendar(self) -> None:
        """
        The date pattern accepts a day exactly when the calendar has it, in
        years with every last two digits and in every century's first year
        (the leap rules look at nothing else).
        """
        years = [*range(2000, 2100), *range(1000, 10000, 100)]
        for year in years:
            for month, day in [(2, 28), (2, 29), (4, 30), (4, 31), (12, 31)]:
                try:
                    dt.date(year, month, day)
                    real = True
                except ValueError:
                    real = False
                raw = {**BASES[Source], "published": f"{year}-{month:02}-{day:02}"}
                assert real == VALIDATORS[Source].is_valid(raw) == loads(raw, Source)


# -- generated from the schemas: what the schema allows, the loader reads ---------------


class TestGenerated:
    # Records of the other classes are checked in test_schema_valid_records_load.
    @pytest.mark.parametrize("cls", [Membership])
    def test_schema_valid_records_are_built(self, cls: type) -> None:
        """Records drawn from the schema alone are built by the converter, unless they
        break a rule the schema cannot express (the order of two dates).
        """

        @given(from_schema(record_schema(cls)))
        def run(raw: dict[str, Any]) -> None:
            assume(within_rules_beyond(raw, cls))
            assert loads(raw, cls)

        run()

    @pytest.mark.parametrize("cls", list(CLASSES))
    def test_schema_valid_records_load(
        self, tmp_path_factory: pytest.TempPathFactory, cls: type
    ) -> None:
        """A record drawn from the schema is built by the converter, unless it breaks a
        rule the schema cannot express (the order of two dates); with its references
        pointed at records that exist and its id made unique, it loads with the mini
        dataset, unchanged.
        """
        directory = write_json(mini.dataset(), tmp_path_factory.mktemp("generated"))
        original = {name: (directory / name).read_bytes() for name in FILES}
        name = f"{CLASSES[cls]}.json"

        @given(from_schema(record_schema(cls)))
        def run(raw: dict[str, Any]) -> None:
            assume(within_rules_beyond(raw, cls))
            assert loads(raw, cls)
            record = meet_cross_record_rules(cls, copy.deepcopy(raw))
            for file, content in original.items():
                (directory / file).write_bytes(content)
            records = json.loads(original[name])
            records.append(record)
            (directory / name).write_text(json.dumps(records), encoding="utf-8")
            manifest = json.loads(original["manifest.json"])
            manifest["counts"][CLASSES[cls]] += 1
            if cls is Source:  # cite it
                conflicts = json.loads(original["conflicts.json"])
                conflicts[0]["sources"].append(record["id"])
                (directory / "conflicts.json").write_text(json.dumps(conflicts), encoding="utf-8")
            (directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            loaded = sd.load(directory)
            key = record["code"] if cls is Country else record["id"]
            getter = loaded.country if cls is Country else getattr(loaded, cls.__name__.lower())
            assert structure(record, cls) == getter(key)

        run()


def meet_cross_record_rules(cls: type, raw: dict[str, Any]) -> dict[str, Any]:
    """Point *raw*'s references at records of the mini dataset and make its keys unique."""
    if "sources" in raw:
        raw["sources"] = ["seed"]
    if cls is Country:
        raw.update(code="QQ", alpha3="QQQ", name="Qland", name_zh="Q国", name_ru="Кюландия")
        raw["aliases"] = []
        raw["localized_names"] = [
            {**n, "name": f"Qland {i}", "sources": ["tass"]}
            for i, n in enumerate(raw.get("localized_names", [])[:2])
        ]
        raw["memberships"] = [
            {**m, "until": None, "sources": ["tass"]} for m in raw["memberships"][:1]
        ]
        return raw
    raw["id"] = "generated-record"
    if cls is Organization:
        raw["country"] = None if raw.get("country") is None else "CN"
    elif cls is Project:
        participants = raw.get("participants", [])[:1]
        raw["participants"] = [{**p, "country": "KG"} for p in participants]
        roles = raw.get("organization_roles", [])[:1]
        raw["organization_roles"] = [{**r, "organization": "caict"} for r in roles]
        raw["organizations"] = ["caict"] if raw.get("organizations") or roles else []
        raw["parent"] = None if raw.get("parent") is None else "center"
        raw["places"] = ["bishkek"] if raw.get("places") else []
    elif cls is Indicator:
        raw["subject"] = "SCO"
    elif cls is Conflict:
        raw["records"] = ["cable"]
    elif cls is sd.Place:
        # a point in Kyrgyzstan's bounding box
        raw.update(country="KG", latitude=42.87, longitude=74.59)
    return raw


def test_docs_page() -> None:
    """docs/schemas.md lists RULES_BEYOND and includes every schema (pytest runs its examples)."""
    page = Path(__file__).parents[2] / "docs" / "schemas.md"
    text = page.read_text(encoding="utf-8")
    listed = text.split("a test keeps them equal. -->\n\n", 1)[1].split("\n\n", 1)[0]
    assert [f"- {rule}" for rule in RULES_BEYOND] == listed.splitlines()
    for name in SCHEMAS:
        assert f"```{{literalinclude}} ../src/sco_digital/schemas/{name}\n" in text
