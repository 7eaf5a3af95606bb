"""Dataset queries, lookups and the cross-record rules, on the mini dataset."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from typing import Any

import attrs
import pytest

import mini
from sco_digital import (
    DataError,
    Dataset,
    Indicator,
    Membership,
    PartialDate,
    Participant,
    ProjectStatus,
    Role,
    Status,
    Technology,
    Unit,
    UnknownKeyError,
)
from sco_digital.dataset import Results

D = PartialDate.parse


def ids(records: tuple[object, ...]) -> list[str]:
    return [getattr(r, "id", getattr(r, "code", None)) for r in records]  # type: ignore[misc]


def with_changes(**tables: object) -> Dataset:
    base = {
        "sources": mini.sources(),
        "countries": mini.countries(),
        "organizations": mini.organizations(),
        "projects": mini.projects(),
        "indicators": mini.indicators(),
        "conflicts": mini.conflicts(),
    }
    return Dataset(**{**base, **tables})  # type: ignore[arg-type]


class TestConstruction:
    def test_sorted_tuples(self, ds: Dataset) -> None:
        """Record tables are tuples sorted by id (countries by code)."""
        assert ["BY", "CN", "KG", "LA", "UZ"] == ids(ds.countries)
        assert ["cable", "center", "center-branch", "forum-2021"] == ids(ds.projects)
        assert isinstance(ds.sources, tuple)

    def test_repr(self, ds: Dataset) -> None:
        """The repr counts records instead of printing them."""
        assert (
            "<Dataset 2025.08.29: 5 countries, 4 projects, 4 indicators, "
            "2 organizations, 4 sources, 2 conflicts, 2 places>"
        ) == repr(ds)

    def test_equality_ignores_version_and_order(self, ds: Dataset) -> None:
        """Datasets with the same records are equal, whatever the input order or version."""
        other = Dataset(
            sources=reversed(mini.sources()),
            countries=mini.countries(),
            organizations=mini.organizations(),
            projects=reversed(mini.projects()),
            indicators=mini.indicators(),
            conflicts=mini.conflicts(),
            places=reversed(mini.places()),
        )
        assert ds == other
        assert hash(ds) == hash(other)

    def test_immutable(self, ds: Dataset) -> None:
        """
        Nothing a caller holds changes the dataset: its fields cannot be set
        or deleted, and every query answers a tuple, so the same query gives
        the same answer after the attempts.
        """
        uz = ds.by_country("UZ")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            ds.projects = ()  # type: ignore[misc, assignment]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del ds.countries
        assert isinstance(uz, tuple)
        assert type(uz) is Results
        with pytest.raises(TypeError):
            uz[0] = uz[-1]  # type: ignore[index]
        assert ds.by_country("UZ") == uz
        assert [p.id for p in uz] == sorted(p.id for p in ds.projects if "UZ" in p.countries)


class TestLookups:
    @pytest.mark.parametrize(
        "key",
        [
            "KG",
            "kg",
            "KGZ",
            "Kyrgyzstan",
            "kyrgyzstan",
            "Kirgizia",
            "Kyrgyz Republic",
            "Киргизия",
            "吉尔吉斯斯坦",
            " Kyrgyz  republic ",
        ],
    )
    def test_country_spellings(self, ds: Dataset, key: str) -> None:
        """A country is found by code, name, alias or translation, case-insensitively."""
        assert "KG" == ds.country(key).code

    def test_country_record(self, ds: Dataset) -> None:
        """A Country can stand for itself."""
        assert ds.country("CN") is ds.country(ds.country("China"))

    def test_unknown_country(self, ds: Dataset) -> None:
        """An unknown country keeps the user's spelling and suggests close names."""
        with pytest.raises(UnknownKeyError) as info:
            ds.country("Uzbekstan")
        assert "unknown country 'Uzbekstan'; did you mean 'Uzbekistan'?" == str(info.value)
        assert isinstance(info.value, LookupError)

    def test_get_country_default(self, ds: Dataset) -> None:
        """get_country returns the default instead of raising."""
        assert ds.get_country("XX") is None
        assert "none" == ds.get_country("XX", "none")
        with pytest.raises(TypeError, match="^key must be a Country or a country's code"):
            ds.get_country(42)  # type: ignore[call-overload]

    @pytest.mark.parametrize(
        ("method", "key", "message"),
        [
            ("project", "cabel", "unknown project 'cabel'; did you mean 'cable'?"),
            (
                "organization",
                "caict2",
                "unknown organization 'caict2'; did you mean"
                " 'China Academy of Information and Communications Technology'?",
            ),
            ("source", "seeds", "unknown source 'seeds'; did you mean 'seed'?"),
            ("indicator", "latncy", "unknown indicator 'latncy'; did you mean 'latency'?"),
            ("conflict", "nope", "unknown conflict 'nope'"),
        ],
    )
    def test_unknown_ids(self, ds: Dataset, method: str, key: str, message: str) -> None:
        """Unknown ids raise UnknownKeyError with close ids suggested."""
        with pytest.raises(UnknownKeyError, match=f"^{re.escape(message)}$"):
            getattr(ds, method)(key)

    def test_unknown_hyphenated_id(self, ds: Dataset) -> None:
        """Ids with hyphens are suggested too."""
        with pytest.raises(
            UnknownKeyError,
            match=r"^unknown project 'centre-branch'; did you mean 'center-branch'\?$",
        ):
            ds.project("centre-branch")

    def test_record_by_id(self, ds: Dataset) -> None:
        """Each kind of record is found by id."""
        assert "Karamay branch" == ds.project("center-branch").name
        assert "CAICT" in ds.organization("caict").aliases
        assert "TASS" == ds.source("tass").publisher
        assert 40.0 == ds.indicator("latency").value
        assert ("BY",) == ds.conflict("c2-belarus").records


class TestQueries:
    def test_by_country(self, ds: Dataset) -> None:
        """All projects a country takes part in, in any role, sorted by id."""
        assert ["cable", "center", "center-branch", "forum-2021"] == ids(ds.by_country("CN"))
        assert ["cable", "center-branch"] == ids(ds.by_country("Узбекистан"))
        assert ["forum-2021"] == ids(ds.by_country(ds.country("BY")))

    def test_by_country_known_without_projects(self, ds: Dataset) -> None:
        """A known country with no projects gives an empty tuple."""
        assert () == ds.by_country("Lao PDR")

    def test_by_country_unknown(self, ds: Dataset) -> None:
        """An unknown country raises."""
        message = (
            "unknown country 'Niger': 'Niger' is not an SCO member, observer,"
            " dialogue partner or partner"
        )
        with pytest.raises(UnknownKeyError, match=f"^{re.escape(message)}$"):
            ds.by_country("Niger")

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("AI", ["center"]),
            ("artificial intelligence", ["center"]),
            (Technology.BIG_DATA, ["center", "center-branch"]),
            ("5G", ["forum-2021"]),
            ("fibre optics", ["cable"]),
            ("Fiber-Optics", ["cable"]),
            ("blockchain", []),
        ],
    )
    def test_by_technology(self, ds: Dataset, key: str, expected: list[str]) -> None:
        """Technologies are matched by any spelling; a known one without projects gives ()."""
        assert expected == ids(ds.by_technology(key))

    def test_by_technology_unknown(self, ds: Dataset) -> None:
        """An unknown technology suggests a close one."""
        with pytest.raises(
            UnknownKeyError, match=r"^unknown technology 'blokchain'; did you mean 'Blockchain'\?$"
        ):
            ds.by_technology("blokchain")

    def test_by_sector(self, ds: Dataset) -> None:
        """Sectors work like technologies."""
        assert ["center", "center-branch"] == ids(ds.by_sector("government"))
        assert [] == ids(ds.by_sector("Health care"))
        with pytest.raises(UnknownKeyError):
            ds.by_sector("helth")

    def test_children(self, ds: Dataset) -> None:
        """Children lists the projects under an umbrella."""
        assert ["center-branch"] == ids(ds.children("center"))
        assert () == ds.children("cable")
        with pytest.raises(UnknownKeyError):
            ds.children("nope")

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2001, 6, 14), []),
            (dt.date(2001, 6, 15), ["CN", "KG", "UZ"]),
            (dt.date(2024, 7, 3), ["CN", "KG", "UZ"]),
            (dt.date(2024, 7, 4), ["BY", "CN", "KG", "UZ"]),
            ("2024-07-04", ["BY", "CN", "KG", "UZ"]),
            (dt.datetime(2030, 1, 1, 9), ["BY", "CN", "KG", "UZ"]),  # noqa: DTZ001
        ],
    )
    def test_members(self, ds: Dataset, day: dt.date | str, expected: list[str]) -> None:
        """members(as_of) lists the member states on that day."""
        assert expected == ids(ds.members(as_of=day))

    def test_members_default_today(self, ds: Dataset) -> None:
        """Without as_of, members are today's."""
        assert ds.members(as_of=dt.date.today()) == ds.members()  # noqa: DTZ011

    @pytest.mark.parametrize("bad", ["2024", "July 2024", 2024])
    def test_members_bad_date(self, ds: Dataset, bad: object) -> None:
        """as_of must be a full date."""
        with pytest.raises((TypeError, ValueError), match="^as_of must be a date"):
            ds.members(as_of=bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("status", "day", "expected"),
        [
            ("observer", dt.date(2020, 1, 1), ["BY"]),
            (Status.DIALOGUE_PARTNER, dt.date(2010, 1, 1), ["BY"]),
            ("SCO partner", dt.date(2025, 8, 31), []),
            ("partner", dt.date(2025, 9, 1), ["LA"]),
        ],
    )
    def test_countries_with_status(
        self, ds: Dataset, status: str, day: dt.date, expected: list[str]
    ) -> None:
        """countries_with_status works for every status, by any spelling."""
        assert expected == ids(ds.countries_with_status(status, as_of=day))

    def test_indicators_for(self, ds: Dataset) -> None:
        """Indicators are found by project, country (any spelling) or SCO."""
        assert ["latency"] == ids(ds.indicators_for("cable"))
        assert ["trade"] == ids(ds.indicators_for("China"))
        assert ["members-count"] == ids(ds.indicators_for("SCO"))
        assert ["latency"] == ids(ds.indicators_for(ds.project("cable")))
        assert () == ds.indicators_for("center")
        assert () == ds.indicators_for("caict")
        with pytest.raises(
            UnknownKeyError,
            match="^unknown project, organization or country 'cabel'; did you mean 'cable'",
        ):
            ds.indicators_for("cabel")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("fibre", ["cable"]),
            ("FIBER", ["cable"]),
            ("karamay", ["center-branch"]),
            ("CAICT", ["center", "center-branch"]),
            ("data centre sco", ["center"]),
            ("Kirgizia fibre", ["cable"]),
            ("nothing-like-this", []),
        ],
    )
    def test_search(self, ds: Dataset, text: str, expected: list[str]) -> None:
        """Search matches every word across names, aliases, summaries and linked names."""
        assert expected == ids(ds.search(text))

    def test_search_needs_words(self, ds: Dataset) -> None:
        """An empty search is an error, not everything."""
        with pytest.raises(ValueError, match="^search text has no words: ' - '$"):
            ds.search(" - ")

    @pytest.mark.parametrize(
        ("facets", "expected"),
        [
            ({}, ["cable", "center", "center-branch", "forum-2021"]),
            ({"country": "UZ"}, ["cable", "center-branch"]),
            ({"country": "CN", "technology": "big data"}, ["center", "center-branch"]),
            ({"country": "CN", "sector": "education"}, ["center-branch"]),
            ({"status": "completed"}, ["forum-2021"]),
            (
                {"status": ProjectStatus.OPERATIONAL, "kind": "platform"},
                ["center", "center-branch"],
            ),
            ({"organization": "caict"}, ["center", "center-branch"]),
            ({"active_in": 2021}, ["forum-2021"]),
            ({"active_in": 2022}, []),
            ({"active_in": 2023}, ["center", "center-branch"]),
            ({"country": "LA"}, []),
        ],
    )
    def test_filter(self, ds: Dataset, facets: dict[str, object], expected: list[str]) -> None:
        """Filter intersects every facet given."""
        assert expected == ids(ds.filter(**facets))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "facets",
        [
            {"country": "XX"},
            {"technology": "teleportation"},
            {"sector": "x"},
            {"status": "sleeping"},
            {"kind": "spaceship"},
            {"organization": "nobody"},
        ],
    )
    def test_filter_unknown(self, ds: Dataset, facets: dict[str, object]) -> None:
        """Unknown facet values raise."""
        with pytest.raises(UnknownKeyError):
            ds.filter(**facets)  # type: ignore[arg-type]

    def test_active_in_finished_without_end(self) -> None:
        """A completed project with no end date counts only in its first year."""
        projects = mini.projects()
        projects[3] = attrs.evolve(projects[3], ended=None)
        ds = with_changes(projects=projects)
        assert (["forum-2021"], []) == (
            ids(ds.filter(active_in=2021)),
            ids(ds.filter(active_in=2022)),
        )
        projects[3] = attrs.evolve(projects[3], status=ProjectStatus.OPERATIONAL)
        assert ["center", "center-branch", "forum-2021"] == ids(
            with_changes(projects=projects).filter(active_in=2030)
        )

    def test_filter_active_in_type(self, ds: Dataset) -> None:
        """active_in is a year."""
        with pytest.raises(TypeError, match="^active_in must be a year"):
            ds.filter(active_in="2021")  # type: ignore[arg-type]


class TestProvenance:
    def test_publishers_fold_reprints(self, ds: Dataset) -> None:
        """A reprint counts as the outlet it reprints."""
        assert ("People's Daily Online",) == ds.publishers(ds.project("cable"))
        assert 1 == ds.corroboration(ds.project("cable"))

    def test_country_publishers(self, ds: Dataset) -> None:
        """A country's publishers are those of its memberships."""
        assert ("People's Daily Online", "TASS", "Xinhua") == ds.publishers(ds.country("BY"))
        assert 3 == ds.corroboration(ds.country("BY"))

    def test_cited_by(self, ds: Dataset) -> None:
        """cited_by lists countries, organisations, places, projects, indicators, conflicts."""
        assert [
            "BY",
            "caict",
            "bishkek",
            "cable",
            "center",
            "center-branch",
            "latency",
            "trainees",
            "c1-latency",
        ] == ids(ds.cited_by("seed"))
        with pytest.raises(UnknownKeyError):
            ds.cited_by("nope")

    def test_conflicts(self, ds: Dataset) -> None:
        """Records with documented conflicts can be listed and asked about."""
        assert ["BY", "cable", "latency"] == ids(ds.disputed())
        assert ["c2-belarus"] == ids(ds.conflicts_for("Belarus"))
        assert ["c1-latency"] == ids(ds.conflicts_for("latency"))
        assert ["c1-latency"] == ids(ds.conflicts_for(ds.indicator("latency")))
        assert () == ds.conflicts_for("center")


class TestValidate:
    def test_valid(self, ds: Dataset) -> None:
        """The mini dataset is consistent."""
        assert () == ds.problems()
        ds.validate()

    def test_every_problem_listed(self) -> None:
        """Validate lists every broken rule, each with file, record and field."""
        projects = mini.projects()
        projects[0] = attrs.evolve(
            projects[0],
            participants=(*projects[0].participants, Participant(country="XX", role=Role.HOST)),
            organizations=("ghost",),
            sources=("seed", "missing"),
        )
        projects[1] = attrs.evolve(projects[1], parent="center-branch")
        projects.append(attrs.evolve(projects[3], sources=()))
        indicators = mini.indicators()
        indicators[0] = attrs.evolve(indicators[0], subject="nowhere")
        countries = mini.countries()
        countries[0] = attrs.evolve(
            countries[0],
            aliases=("Kirgizia",),
            memberships=(
                Membership(status=Status.OBSERVER, since=D("2000"), sources=("tass",)),
                Membership(status=Status.MEMBER, since=D("2001-06-15"), sources=("tass",)),
            ),
        )
        sources = [*mini.sources(), attrs.evolve(mini.sources()[0], id="unused")]
        broken = with_changes(
            projects=projects, indicators=indicators, countries=countries, sources=sources
        )
        with pytest.raises(DataError) as info:
            broken.validate()
        assert [
            "projects.json['forum-2021'].id: duplicate id 'forum-2021'",
            "countries.json['CN'].memberships[1].since: overlaps the previous status (observer), which has no end date",
            "countries.json['KG']: the name 'Kirgizia' also belongs to CN",
            "projects.json['cable'].participants[3].country: 'XX' is not a known country",
            "projects.json['cable'].organizations[0]: 'ghost' is not a known organization",
            "projects.json['cable'].sources[1]: 'missing' is not a known source",
            "projects.json['center'].parent: parent links form a cycle: center -> center-branch -> center",
            "projects.json['center-branch'].parent: parent links form a cycle: center-branch -> center -> center-branch",
            "projects.json['forum-2021'].sources: cites no source",
            "indicators.json['latency'].subject: 'nowhere' is not a known project, organization or country, nor 'SCO'",
            "sources.json['unused']: is not cited by any record",
        ] == [str(p) for p in info.value.problems]
        assert info.value.file == "projects.json"
        assert info.value.record == "forum-2021"
        assert str(info.value).startswith(
            "11 problems in the data:\n  projects.json['forum-2021'].id"
        )

    def test_memberships_out_of_order(self) -> None:
        """Memberships must be listed in time order and must not overlap."""
        countries = mini.countries()
        by = countries[3]
        countries[3] = attrs.evolve(by, memberships=(by.memberships[1], by.memberships[0]))
        countries[4] = attrs.evolve(
            countries[4],
            memberships=(
                Membership(
                    status=Status.DIALOGUE_PARTNER,
                    since=D("2020"),
                    until=D("2025-09-02"),
                    sources=("tass",),
                ),
                Membership(status=Status.PARTNER, since=D("2025-09-01"), sources=("tass",)),
            ),
        )
        assert [
            "countries.json['BY'].memberships[1].since: 2009-06 is before the previous status began (2015); list memberships in time order",
            "countries.json['LA'].memberships[1].since: 2025-09-01 is before the previous status ended (2025-09-02)",
        ] == [str(p) for p in with_changes(countries=countries).problems()]

    def test_shared_ids_across_kinds(self) -> None:
        """A project, organisation and indicator may not share an id."""
        twin = attrs.evolve(mini.organizations()[0], id="cable", name="Cable", aliases=())
        organizations = [*mini.organizations(), twin]
        assert ["projects.json['cable'].id: 'cable' is also an id in organizations.json"] == [
            str(p) for p in with_changes(organizations=organizations).problems()
        ]

    def test_conflict_references(self) -> None:
        """Conflicts must name known records."""
        conflicts = [attrs.evolve(mini.conflicts()[0], records=("latency", "ZZ"))]
        assert ["conflicts.json['c1-latency'].records[1]: 'ZZ' is not a known record"] == [
            str(p) for p in with_changes(conflicts=conflicts).problems() if "c1-latency" in str(p)
        ]


def trade(key: str, value: float, unit: str = "usd", **dates: str) -> Indicator:
    """A figure *key* of China's trade with SCO states; ``sources="a b"`` (default xinhua)."""
    sources = tuple(dates.pop("sources", "xinhua").split())
    when: dict[str, Any] = {"period": None, **{name: D(text) for name, text in dates.items()}}
    return attrs.evolve(
        mini.indicators()[2], id=key, value=value, unit=Unit.lookup(unit), sources=sources, **when
    )


class TestSeries:
    """Figures over time: series() and latest()."""

    @pytest.fixture
    def ds(self) -> Dataset:
        return with_changes(
            indicators=[
                *mini.indicators(),
                trade("trade-2021", 343.1e9, period="2021"),
                trade("trade-2025-h1", 1.5e12, "cny", period="2025-01", period_end="2025-06"),
                trade("trade-2025-08", 9e9, as_of="2025-08"),
                trade("trade-undated", 1e9),
                trade("trade-2025-year", 8e9, period="2025"),
                trade("trade-2024-b", 512.5e9, period="2024", sources="xinhua tass"),
            ]
        )

    def test_series_oldest_first(self, ds: Dataset) -> None:
        """Undated first; then by as_of, else period_end, else period; ties by id."""
        assert [
            "trade-undated",
            "trade-2021",
            "trade",
            "trade-2024-b",
            "trade-2025-year",
            "trade-2025-h1",
            "trade-2025-08",
        ] == ids(ds.series("trade_with_sco", "China"))

    def test_series_by_unit(self, ds: Dataset) -> None:
        """unit= keeps one unit, by slug, label or alias."""
        assert ["trade-2025-h1"] == ids(ds.series("trade_with_sco", "CN", unit="CNY"))
        assert "trade-2025-08" == ds.latest("trade_with_sco", "CHN", unit=Unit.USD).id

    def test_latest(self, ds: Dataset) -> None:
        """The newest date wins, whatever the order of the records."""
        assert "trade-2025-08" == ds.latest("trade_with_sco", "Китай").id
        assert 300.0 == ds.latest("people_trained", "center-branch").value

    @pytest.mark.parametrize(
        ("sources", "expected"), [("xinhua tass", "a-trade-2024"), ("tass", "trade")]
    )
    def test_same_date(self, sources: str, expected: str) -> None:
        """Of figures of one date, the one with more publishers wins, then the greatest id."""
        other = trade("a-trade-2024", 512.5e9, period="2024", sources=sources)
        ds = with_changes(indicators=[*mini.indicators(), other])
        assert ["a-trade-2024", "trade"] == ids(ds.series("trade_with_sco", "CN"))
        assert expected == ds.latest("trade_with_sco", "CN").id

    def test_known_metric_without_figures(self, ds: Dataset) -> None:
        """A metric the subject lacks gives () from series, an error from latest."""
        assert () == ds.series("people_trained", "CN")
        assert () == ds.series("trade_with_sco", "CN", unit="percent")
        with pytest.raises(
            UnknownKeyError, match=r"^unknown metric for CN 'people_trained'$"
        ) as info:
            ds.latest("people_trained", "CN")
        assert ("metric for CN", "people_trained", ()) == (
            info.value.kind,
            info.value.key,
            info.value.suggestions,
        )

    @pytest.mark.parametrize(
        ("metric", "subject", "message"),
        [
            (
                "trade_with_sc",
                "CN",
                "unknown metric 'trade_with_sc'; did you mean 'trade_with_sco'?",
            ),
            (
                "trade_with_sco",
                "Chna",
                "unknown project, organization or country 'Chna'; did you mean 'China'?",
            ),
        ],
    )
    def test_unknown_keys(self, ds: Dataset, metric: object, subject: str, message: str) -> None:
        """Unknown metrics and subjects raise UnknownKeyError with suggestions."""
        for query in (ds.series, ds.latest):
            with pytest.raises(UnknownKeyError, match=f"^{re.escape(message)}$"):
                query(metric, subject)  # type: ignore[arg-type]

    def test_metric_of_a_wrong_type(self, ds: Dataset) -> None:
        """A metric that is not a str is a TypeError, as everywhere in the API."""
        for query in (ds.series, ds.latest):
            with pytest.raises(
                TypeError, match=r"^metric must be a metric slug \(a str\), got int$"
            ):
                query(42, "CN")  # type: ignore[arg-type]

    def test_unknown_unit(self, ds: Dataset) -> None:
        """An unknown unit is an UnknownKeyError too."""
        with pytest.raises(UnknownKeyError, match="^unknown unit 'furlong'$"):
            ds.series("trade_with_sco", "CN", unit="furlong")


RAISE_NOTHING = {"disputed", "problems"}
"""The Dataset methods that take no argument that can be wrong."""


PUBLIC_METHODS = sorted(
    name
    for cls in Dataset.__mro__[:-1]  # the Dataset and the classes its methods are grouped in
    for name, value in vars(cls).items()
    if not name.startswith("_") and callable(value)
)


def test_public_methods_found() -> None:
    """The methods grouped in other modules are checked too."""
    assert {"country", "series", "publishers", "near", "by_country", "validate"} <= set(
        PUBLIC_METHODS
    )


@pytest.mark.parametrize("name", PUBLIC_METHODS)
def test_method_docstring_sections(name: str) -> None:
    """
    Every public method's docstring has Google-style sections: Args naming
    every parameter, Returns unless it returns None, and Raises unless it
    is one of `RAISE_NOTHING`.
    """
    method = getattr(Dataset, name)
    doc = inspect.getdoc(method) or ""
    sections = re.findall(r"^(Args|Returns|Raises):$", doc, re.MULTILINE)
    parameters = [p for p in inspect.signature(method).parameters if p != "self"]
    expected = [
        *(["Args"] if parameters else []),
        *(["Returns"] if inspect.signature(method).return_annotation != "None" else []),
        *(["Raises"] if name not in RAISE_NOTHING else []),
    ]
    assert expected == sections
    args = doc.partition("Args:\n")[2].partition("\n\n")[0]
    assert parameters == re.findall(r"^    (\w+):", args, re.MULTILINE)
