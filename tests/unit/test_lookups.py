"""
Search semantics, the forms every public method accepts, numbers of every type,
and what an unknown key says (issue 17 items 6, 8, 9, 10; issue 16 item 8).
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pytest

import mini
import sco_digital as sd
from sco_digital import (
    Country,
    Dataset,
    Interval,
    PartialDate,
    Project,
    ProjectStatus,
    Sector,
    Status,
    Technology,
    UnknownKeyError,
)
from sco_digital._search import Query, stem


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The mini dataset, with the cable at its two places (to look projects up by place)."""
    data = mini.dataset()
    cable = attrs.evolve(data.project("cable"), places=("bishkek", "tashkent"))
    return attrs.evolve(data, projects=[cable, *(p for p in data.projects if p.id != "cable")])


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return sd.load()


def _ids(projects: tuple[Project, ...]) -> list[str]:
    return [p.id for p in projects]


class TestSearch:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # whole words: "training" and "trains" hold "ai", but not the word
            ("AI", ["center"]),
            ("ai training", ["center"]),
            # plural and singular alike, on both sides
            ("centers", ["center", "center-branch"]),
            ("branches", ["center-branch"]),
            ("Economies", ["forum-2021"]),
            ("trains", ["center-branch"]),
            # a word start, when asked for
            ("train*", ["center", "center-branch"]),
            # every term must match, in any field (name, summary, country, technology)
            ("fibre Uzbekistan", ["cable"]),
            ("Karamay China", ["center-branch"]),
            ("digital e-commerce", ["forum-2021"]),
            # names of countries in Chinese and Russian
            ("中国", ["cable", "center", "center-branch", "forum-2021"]),
            ("Узбекистан", ["cable", "center-branch"]),
            # case and accents
            ("ÉCONOMY", ["forum-2021"]),
            # repeated terms count once
            ("cable cable cable", ["cable"]),
            ("three", ["cable", "forum-2021"]),
            ("three bananas", []),
        ],
    )
    def test_mini(self, ds: Dataset, text: str, expected: list[str]) -> None:
        """Exact results on the hand-made dataset."""
        assert expected == _ids(ds.search(text))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Luban Workshop Kazakhstan", 4),
            ("Luban Workshops Kazakhstan", 4),
            ("luban workshop", 8),
            ("Lu Ban", 0),
            ("AI", 18),
            ("Thai", 0),
            ("鲁班", 1),
            ("鲁班工坊", 1),
        ],
    )
    def test_bundled_counts(self, bundled: Dataset, text: str, expected: int) -> None:
        """The issue's examples on the bundled data: no match inside words."""
        assert expected == len(bundled.search(text))

    def test_bundled_examples(self, bundled: Dataset) -> None:
        """Exact ids for the issue's examples on the bundled data."""
        assert [
            "luban-workshop-kazakhstan-almaty-logistics",
            "luban-workshop-kazakhstan-ektu",
            "luban-workshop-kazakhstan-enu-ai",
            "luban-workshops-sco-network",
        ] == _ids(bundled.search("Luban Workshops Kazakhstan"))
        assert ["luban-workshops-sco-network"] == _ids(bundled.search("鲁班"))
        assert bundled.search("Luban Workshops") == bundled.search("Luban Workshop")
        assert bundled.search("fib*") == bundled.search("fibre")
        ai = bundled.search("AI")
        assert all(
            Technology.ARTIFICIAL_INTELLIGENCE in p.technologies
            or re.search(r"\bAI\b", f"{p.name} {p.summary} {' '.join(p.aliases)}")
            for p in ai
        )

    def test_payment_is_not_lu_ban(self, bundled: Dataset) -> None:
        """'Lu Ban' finds no payment project (it matched "lu" and "ban" inside words)."""
        payments = set(bundled.search("payment"))
        assert payments
        assert not payments & set(bundled.search("Lu Ban"))

    @pytest.mark.parametrize(
        ("spelling", "same"),
        [("Oʻzbekiston", "O'zbekiston"), ("Узбекистан", "Oʻzbekiston"), ("TÜRKIYE", "turkiye")],
    )
    def test_country_names_in_any_spelling(
        self, bundled: Dataset, spelling: str, same: str
    ) -> None:
        """Apostrophe-like letters and accents fold; every name of a country finds it."""
        assert bundled.search(spelling) == bundled.search(same)

    @pytest.mark.parametrize("text", ["", "   ", "--", "*", "!?"])
    def test_no_words(self, ds: Dataset, text: str) -> None:
        """A query with no letters or digits is an error, not an empty answer."""
        with pytest.raises(ValueError, match="^search text has no words: "):
            ds.search(text)

    @pytest.mark.parametrize("text", [None, ["AI"], b"AI", 5])
    def test_wrong_type(self, ds: Dataset, text: Any) -> None:
        """A query that is not a str is a TypeError naming the argument."""
        with pytest.raises(TypeError, match=f"^text must be a str, got {type(text).__name__}$"):
            ds.search(text)

    def test_long_query_is_deduplicated(self) -> None:
        """A 128 KB query of repeated words parses to its distinct terms only."""
        text = "digital cooperation AI " * (128 * 1024 // 23)
        assert Query(("digital", "cooperation", "ai"), (), ()) == Query.parse(text)

    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("workshops", "workshop"),
            ("workshop", "workshop"),
            ("technologies", "technology"),
            ("classes", "class"),
            ("boxes", "box"),
            ("analysis", "analysis"),
            ("gas", "gas"),
            ("status", "status"),
            ("россия", "россия"),
        ],
    )
    def test_stem(self, word: str, expected: str) -> None:
        """English plural endings go; other words stay."""
        assert expected == stem(word)


TODAY = dt.date(2024, 7, 4)

# Every public method that takes a key, with the forms it accepts (all giving
# the same answer) and the name its TypeError gives the argument.
Call = Callable[[Dataset, Any], Any]
FORMS: list[tuple[str, Call, str, list[Any]]] = [
    ("country", lambda ds, v: ds.country(v), "key", ["KG", "KGZ", "Kyrgyzstan", "Киргизия"]),
    ("get_country", lambda ds, v: ds.get_country(v), "key", ["kg", "Kirgizia"]),
    ("by_country", lambda ds, v: ds.by_country(v), "country", ["UZ", "UZB", "Узбекистан"]),
    ("by_technology", lambda ds, v: ds.by_technology(v), "technology", ["big_data", "Big data"]),
    ("by_sector", lambda ds, v: ds.by_sector(v), "sector", ["government", "Government"]),
    ("children", lambda ds, v: ds.children(v), "project_id", ["center"]),
    ("members", lambda ds, v: ds.members(as_of=v), "as_of", ["2024-07-04", TODAY]),
    (
        "countries_with_status",
        lambda ds, v: ds.countries_with_status(v, as_of=TODAY),
        "status",
        ["member", "Member", Status.MEMBER],
    ),
    (
        "countries_with_status as_of",
        lambda ds, v: ds.countries_with_status("member", as_of=v),
        "as_of",
        ["2024-07-04", dt.datetime(2024, 7, 4, 12, 0, tzinfo=dt.timezone.utc)],
    ),
    ("indicators_for", lambda ds, v: ds.indicators_for(v), "subject", ["CN", "China", "中国"]),
    ("conflicts_for", lambda ds, v: ds.conflicts_for(v), "record", ["BY", "Belarus"]),
    ("series", lambda ds, v: ds.series("trade_with_sco", v), "subject", ["CN", "China", "中国"]),
    (
        "series metric",
        lambda ds, v: ds.series(v, "CN"),
        "metric",
        ["trade_with_sco"],
    ),
    ("latest", lambda ds, v: ds.latest("trade_with_sco", v), "subject", ["CN", "CHN", "China"]),
    ("publishers", lambda ds, v: ds.publishers(v), "record", ["cable"]),
    ("corroboration", lambda ds, v: ds.corroboration(v), "record", ["cable"]),
    ("cited_by", lambda ds, v: ds.cited_by(v), "source_id", ["seed"]),
    ("project", lambda ds, v: ds.project(v), "project_id", ["cable"]),
    ("organization", lambda ds, v: ds.organization(v), "key", ["caict", "CAICT"]),
    ("get_organization", lambda ds, v: ds.get_organization(v), "key", ["caict"]),
    ("by_organization", lambda ds, v: ds.by_organization(v), "organization", ["caict"]),
    (
        "by_organization role",
        lambda ds, v: ds.by_organization("caict", role=v),
        "role",
        ["host_institution", "host institution"],
    ),
    (
        "by_identifier",
        lambda ds, v: ds.by_identifier(v, "90001"),
        "scheme",
        ["aiddata_gcdf_3", "GCDF 3.0"],
    ),
    (
        "by_identifier id",
        lambda ds, v: ds.by_identifier("aiddata_gcdf_3", v),
        "id",
        ["90001", 90001, np.int64(90001)],
    ),
    ("indicator", lambda ds, v: ds.indicator(v), "indicator_id", ["latency"]),
    ("source", lambda ds, v: ds.source(v), "source_id", ["seed"]),
    ("conflict", lambda ds, v: ds.conflict(v), "conflict_id", ["c1-latency"]),
    ("place", lambda ds, v: ds.place(v), "key", ["bishkek"]),
    ("by_place", lambda ds, v: ds.by_place(v), "place", ["bishkek"]),
    ("by_admin_area", lambda ds, v: ds.by_admin_area(v), "admin1", ["KG.01"]),
    ("filter country", lambda ds, v: ds.filter(country=v), "country", ["UZ", "Uzbekistan"]),
    ("filter technology", lambda ds, v: ds.filter(technology=v), "technology", ["5G", "5g"]),
    ("filter sector", lambda ds, v: ds.filter(sector=v), "sector", ["trade", "Trade"]),
    ("filter status", lambda ds, v: ds.filter(status=v), "status", ["completed"]),
    ("filter kind", lambda ds, v: ds.filter(kind=v), "kind", ["event"]),
    ("filter organization", lambda ds, v: ds.filter(organization=v), "organization", ["caict"]),
    (
        "filter active_in",
        lambda ds, v: ds.filter(active_in=v),
        "active_in",
        [2023, np.int64(2023), np.uint16(2023), np.int32(2023)],
    ),
    ("status_on", lambda ds, v: ds.country("BY").status_on(v), "day", ["2024-07-04", TODAY]),
    (
        "holds_on",
        lambda ds, v: ds.country("BY").memberships[-1].holds_on(v),
        "day",
        ["2024-07-04", TODAY],
    ),
    ("roles_of", lambda ds, v: ds.project("cable").roles_of(v), "country", ["KG", "kg"]),
    ("PartialDate in", lambda _, v: v in PartialDate(2024, 7), "day", ["2024-07-04", TODAY]),
]


def _record_forms(ds: Dataset) -> dict[str, Any]:
    """The record each method also accepts, by method."""
    return {
        "country": ds.country("KG"),
        "get_country": ds.country("KG"),
        "by_country": ds.country("UZ"),
        "by_technology": Technology.BIG_DATA,
        "by_sector": Sector.GOVERNMENT,
        "children": ds.project("center"),
        "indicators_for": ds.country("CN"),
        "conflicts_for": ds.country("BY"),
        "series": ds.country("CN"),
        "latest": ds.country("CN"),
        "publishers": ds.project("cable"),
        "corroboration": ds.project("cable"),
        "cited_by": ds.source("seed"),
        "project": ds.project("cable"),
        "organization": ds.organization("caict"),
        "indicator": ds.indicator("latency"),
        "source": ds.source("seed"),
        "conflict": ds.conflict("c1-latency"),
        "place": ds.place("bishkek"),
        "by_place": ds.place("bishkek"),
        "filter country": ds.country("UZ"),
        "filter technology": Technology.FIVE_G,
        "filter sector": Sector.TRADE,
        "filter status": ProjectStatus.COMPLETED,
        "filter organization": ds.organization("caict"),
        "roles_of": ds.country("KG"),
    }


WRONG: list[Any] = [["CN", "RU"], {"CN": 1}, {"CN"}, ("CN",), 3.5, b"CN", object()]


class TestArguments:
    @pytest.mark.parametrize(
        ("label", "call", "argument", "forms"), FORMS, ids=[f[0] for f in FORMS]
    )
    def test_accepted_forms_agree(
        self, ds: Dataset, label: str, call: Call, argument: str, forms: list[Any]
    ) -> None:
        """Every accepted form of a key (code, name, alias, record, date or string) agrees."""
        del argument
        record = _record_forms(ds).get(label)
        values = [*forms, *([] if record is None else [record])]
        answers = [call(ds, value) for value in values]
        assert answers[0] not in (None, (), frozenset(), False), "the example must find something"
        assert [answers[0]] * len(answers) == answers

    @pytest.mark.parametrize(
        ("label", "call", "argument", "forms"), FORMS, ids=[f[0] for f in FORMS]
    )
    @pytest.mark.parametrize("wrong", WRONG, ids=lambda v: type(v).__name__)
    def test_wrong_types(
        self, ds: Dataset, *, label: str, call: Call, argument: str, forms: list[Any], wrong: Any
    ) -> None:
        """A wrong type is one TypeError naming the argument, what it takes and what it got."""
        del label, forms
        pattern = f"^{re.escape(argument)} must be .+, got {re.escape(type(wrong).__name__)}$"
        with pytest.raises(TypeError, match=pattern):
            call(ds, wrong)

    @pytest.mark.parametrize(
        "label", ["country", "by_country", "by_technology", "children", "project", "roles_of"]
    )
    def test_none_is_refused(self, ds: Dataset, label: str) -> None:
        """None, where a key is required, is a TypeError too."""
        call, argument = {f[0]: (f[1], f[2]) for f in FORMS}[label]
        with pytest.raises(TypeError, match=f"^{argument} must be .+, got NoneType$"):
            call(ds, None)

    def test_every_public_method_is_walked(self) -> None:
        """Each public Dataset method with a parameter appears in FORMS."""
        walked = {label.split()[0] for label, *_ in FORMS}
        taking = {
            name
            for name, member in inspect.getmembers(Dataset, inspect.isfunction)
            if not name.startswith("_")
            and len(inspect.signature(member).parameters) > 1
            and name != "search"  # TestSearch.test_wrong_type
            # take numbers, which WRONG holds: tests/unit/test_places.py
            and name not in {"near", "within"}
        }
        assert set() == taking - walked

    def test_filter_list_of_countries(self, ds: Dataset) -> None:
        """The issue's example: a list is a type error, not an 'unknown country'."""
        message = "country must be a Country or a country's code, name or alias (a str), got list"
        with pytest.raises(TypeError, match=f"^{re.escape(message)}$"):
            ds.filter(country=["CN", "RU"])  # type: ignore[arg-type]

    def test_roles_of_a_name(self, ds: Dataset) -> None:
        """A record method refuses a name rather than answering it with an empty set."""
        with pytest.raises(
            ValueError, match=r"^country must be a Country or an ISO 3166-1 alpha-2"
        ):
            ds.project("cable").roles_of("Kyrgyzstan")
        assert frozenset() == ds.project("cable").roles_of("KZ")

    @pytest.mark.parametrize(
        ("value", "error", "message"),
        [
            (True, TypeError, "active_in must be a year (an integer), got bool"),
            (2025.0, TypeError, "active_in must be a year (an integer), got float"),
            ("2025", TypeError, "active_in must be a year (an integer), got str"),
            (Decimal(2025), TypeError, "active_in must be a year (an integer), got Decimal"),
            (20255, ValueError, "active_in must be a four-digit year, got 20255"),
            (np.int64(999), ValueError, "active_in must be a four-digit year, got 999"),
        ],
    )
    def test_years(self, ds: Dataset, value: Any, error: type[Exception], message: str) -> None:
        """A year is an integer of any kind; anything else is refused, never misread."""
        with pytest.raises(error, match=f"^{re.escape(message)}$"):
            ds.filter(active_in=value)

    @pytest.mark.parametrize(
        "text", ["2024-7-4", "20240704", "2024-02-30", "2024-07", "yesterday", "x" * 100]
    )
    def test_bad_date_strings(self, ds: Dataset, text: str) -> None:
        """A str that is not a real YYYY-MM-DD day is a ValueError naming the argument."""
        with pytest.raises(ValueError, match=r"^day must be a date or an ISO date string"):
            ds.country("BY").status_on(text)
        with pytest.raises(ValueError, match=r"^as_of must be a date or an ISO date string"):
            ds.members(as_of=text)


class TestNumbers:
    MORE_THAN_300 = Interval(low=300.0, low_closed=False)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (301, True),
            (300, False),
            (np.int64(301), True),
            (np.int64(300), False),
            (np.uint16(301), True),
            (np.int8(100), False),
            (np.float32(300.5), True),
            (np.float64(300.0), False),
            (Decimal("300.0001"), True),
            (Decimal(300), False),
            (Fraction(601, 2), True),
            (Fraction(600, 2), False),
            (float("inf"), True),
            (float("nan"), False),
            (Decimal("NaN"), False),
            (np.float64("nan"), False),
        ],
        ids=repr,
    )
    def test_compared_exactly(self, value: Any, *, expected: bool) -> None:
        """Every real number type compares exactly with a bound."""
        assert expected is (value in self.MORE_THAN_300)

    @pytest.mark.parametrize("value", [True, np.bool_(1), 301j, "301", None, [301]], ids=repr)
    def test_refused(self, value: Any) -> None:
        """Bools, complex numbers and non-numbers are refused, never silently 'not in'."""
        with pytest.raises(TypeError, match=r"^value must be a real number .*, got "):
            assert value in self.MORE_THAN_300

    def test_indicator_bounds(self, ds: Dataset) -> None:
        """The issue's example: numpy's 301 is in 'more than 300'."""
        bounds = ds.indicator("trainees").bounds()
        assert bounds is not None
        assert (np.int64(301) in bounds, np.int64(300) in bounds) == (True, False)


class TestUnknownKeys:
    def test_long_key_is_cut_short(self, ds: Dataset) -> None:
        """A 1 MB key is not repeated in full: 60 characters, an ellipsis and its length."""
        with pytest.raises(UnknownKeyError) as info:
            ds.country("x" * 1_000_000)
        assert f"unknown country {'x' * 60!r}... (1,000,000 characters)" == str(info.value)
        assert "x" * 1_000_000 == info.value.key

    @pytest.mark.parametrize("method", ["project", "source", "organization", "indicator"])
    def test_long_id_is_cut_short(self, ds: Dataset, method: str) -> None:
        """Every kind of unknown key is cut short."""
        with pytest.raises(UnknownKeyError) as info:
            getattr(ds, method)("y" * 100_000)
        assert len(str(info.value)) < 200

    def test_control_characters_are_escaped(self, ds: Dataset) -> None:
        """Terminal escapes and bidirectional overrides are shown escaped, never raw."""
        with pytest.raises(UnknownKeyError) as info:
            ds.country("\x1b[31mred\u202e")
        assert "unknown country '\\x1b[31mred\\u202e'" == str(info.value)

    @pytest.mark.parametrize(
        ("key", "suggestions", "outside"),
        [
            ("USA", (), True),
            ("Iraq", (), True),
            ("Oman", (), True),
            ("Uzbekstan", ("Uzbekistan",), False),
            ("Kazahstan", ("Kazakhstan",), False),
        ],
    )
    def test_suggestions_are_plausible(
        self, bundled: Dataset, key: str, suggestions: tuple[str, ...], *, outside: bool
    ) -> None:
        """No country outside the SCO is corrected into one; near misses still are."""
        with pytest.raises(UnknownKeyError) as info:
            bundled.country(key)
        assert (suggestions, outside) == (info.value.suggestions, info.value.note is not None)

    def test_usa(self, bundled: Dataset) -> None:
        """The issue's example, in words."""
        with pytest.raises(UnknownKeyError) as info:
            bundled.country("USA")
        assert (
            "unknown country 'USA': 'USA' (United States) is not an SCO member, observer,"
            " dialogue partner or partner"
        ) == str(info.value)
        assert () == info.value.suggestions

    def test_pickles(self) -> None:
        """The note survives pickling."""
        import pickle

        error = UnknownKeyError("country", "USA", (), "a note")
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert (str(error), copy.note) == (str(copy), "a note")


def test_module_level_helpers_check_types() -> None:
    """sd.by_country and sd.by_technology answer wrong types as the methods do."""
    with pytest.raises(TypeError, match="^country must be "):
        sd.by_country(["KG"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^technology must be "):
        sd.by_technology({"5G": 1})  # type: ignore[arg-type]


def test_country_record_from_elsewhere(ds: Dataset, bundled: Dataset) -> None:
    """A Country from another dataset is looked up by its code."""
    assert ds.country("UZ") is ds.country(bundled.country("UZ"))
    assert isinstance(ds.country("UZ"), Country)
