"""Rich display: HTML cards and tables, IPython's lines, and Results as tuples."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import pytest
from IPython.lib import pretty as ipython_pretty

import mini
import sco_digital as sd
from sco_digital.dataset import Results

_TH = '<th style="text-align: left; vertical-align: top; padding-right: 1em">'
_TD = '<td style="text-align: left; vertical-align: top; padding-right: 1em">'
_TH_RIGHT = '<th style="text-align: right; vertical-align: top; padding-right: 1em">'
_TD_RIGHT = '<td style="text-align: right; vertical-align: top; padding-right: 1em">'


def nested() -> list[tuple[Any, str]]:
    """A record of each kind that lives inside another, with the title it shows."""
    ds = mini.dataset()
    branch = ds.project("center-branch")
    return [
        (ds.country("BY").memberships[0], "Dialogue partner 2009-06 to 2015"),
        (ds.country("BY").memberships[2], "Member state 2024-07-04"),
        (sd.CountryName(language="uz", name="Oʻzbekiston", sources=("tass",)), "Oʻzbekiston (uz)"),
        (branch.participants[1], "UZ, beneficiary"),
        (branch.organization_roles[0], "caict, host institution"),
        (branch.identifiers[0], "90001 (AidData GCDF 3.0)"),
    ]


@pytest.fixture(scope="module")
def bundled() -> sd.Dataset:
    return sd.load()


_PRETTY: Any = ipython_pretty.pretty  # untyped


def pretty(thing: Any) -> str:
    """What IPython prints for *thing*."""
    return str(_PRETTY(thing))


def html(thing: Any) -> str:
    text: str = thing._repr_html_()
    return text


class TestResults:
    def test_every_query_answers_results(self, bundled: sd.Dataset) -> None:
        answers = [
            bundled.projects,
            bundled.countries,
            bundled.by_country("KG"),
            bundled.by_technology("5G"),
            bundled.by_sector("health"),
            bundled.by_organization("china-development-bank"),
            bundled.children("luban-workshops-sco-network"),
            bundled.members(as_of="2024-07-05"),
            bundled.countries_with_status("partner", as_of="2025-09-01"),
            bundled.indicators_for("soho-cloud"),
            bundled.search("fibre"),
            bundled.filter(country="KG", active_in=2025),
            bundled.conflicts_for("BY"),
            bundled.by_country("LA"),
            sd.by_technology("AI"),
        ]
        assert [Results] * len(answers) == [type(a) for a in answers]

    def test_a_tuple_sorted_by_id(self, bundled: sd.Dataset) -> None:
        found = bundled.by_country("KG")
        ids = [p.id for p in found]
        assert sorted(ids) == ids
        assert tuple(found) == found
        assert hash(tuple(found)) == hash(found)
        assert repr(tuple(found)) == repr(found)
        assert isinstance(found, tuple)

    def test_slices_are_results_items_are_records(self, bundled: sd.Dataset) -> None:
        found = bundled.by_country("KG")
        assert Results is type(found[:3])
        assert tuple(found)[:3] == found[:3]
        assert tuple(found)[::-2] == found[::-2]
        assert sd.Project is type(found[0])
        assert found[-1] == tuple(found)[-1]
        assert tuple is type(found + found)

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickle(self, bundled: sd.Dataset, protocol: int) -> None:
        found = bundled.by_country("KG")
        back = pickle.loads(pickle.dumps(found, protocol))  # noqa: S301 - our own bytes
        assert (Results, found) == (type(back), back)

    def test_copies(self, bundled: sd.Dataset) -> None:
        found = bundled.members(as_of="2024-07-05")
        assert found == copy.copy(found) == copy.deepcopy(found)
        assert Results is type(copy.deepcopy(found))


class TestHtml:
    def test_project_card(self, bundled: sd.Dataset) -> None:
        card = html(bundled.project("soho-cloud"))
        assert "<strong>Soho Cloud Silk Road e-commerce platform</strong>" in card
        assert "<code>soho-cloud</code>" in card
        assert ">countries</th>" in card
        assert ">CN (provider)</td>" in card
        for source_id in bundled.project("soho-cloud").sources:
            source = bundled.source(source_id)
            assert f'<a href="{source.url}" target="_blank" rel="noopener noreferrer">' in card

    def test_country_card_has_status_today(self, bundled: sd.Dataset) -> None:
        card = html(bundled.country("BY"))
        assert ">Member state since 2024-07-04</td>" in card
        assert (
            ">Dialogue partner 2010 to 2015-07-10, Observer state 2015-07-10 to 2024-07-04,"
            " Member state 2024-07-04</td>"
        ) in card

    def test_figure_in_words(self, bundled: sd.Dataset) -> None:
        card = html(bundled.indicator("karamay-trainees"))
        assert ">figure</th>" in card
        assert ">more than 300 people, as of 2025-06</td>" in card
        assert "300.0" not in card

    def test_every_record_has_a_card(self, bundled: sd.Dataset) -> None:
        for table in (
            bundled.sources,
            bundled.countries,
            bundled.organizations,
            bundled.projects,
            bundled.indicators,
            bundled.conflicts,
            bundled.places,
        ):
            for record in table[:5]:
                assert html(record).startswith("<div ")

    def test_text_is_escaped_and_only_web_links_are_links(self) -> None:
        ds = mini.dataset()
        source = attrs.evolve(ds.sources[0], title="<script>alert(1)</script>")
        card = html(source)
        assert "<script>" not in card
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card
        project = attrs.evolve(ds.project("cable"), name='A "quoted" <b>name</b>')
        assert "<strong>A &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;</strong>" in html(project)

    def test_results_table(self, bundled: sd.Dataset) -> None:
        table = html(bundled.indicators_for("soho-cloud"))
        assert "<caption>2 Indicator records</caption>" in table
        assert "<th" in table
        assert ">nearly 30, as of 2025-08</td>" in table
        assert "<div " in html(Results())
        assert "<p>No records.</p>" in html(Results())
        assert "<p>No Project records.</p>" in html(bundled.near(0.0, -30.0, 10))

    def test_long_results_are_cut(self, bundled: sd.Dataset) -> None:
        table = html(bundled.projects)
        assert f"<caption>{len(bundled.projects)} Project records</caption>" in table
        assert table.count("<tr>") == 1 + 50
        assert f"... and {len(bundled.projects) - 50} more" in table

    def test_place_card(self) -> None:
        """A place's card: its name and id, then its facts, coordinates to five places."""
        card = html(mini.dataset().place("bishkek"))
        assert card.startswith(
            '<div style="font-family: sans-serif; max-width: 60em"><p><strong>Bishkek</strong>'
            " <code>bishkek</code></p><table>"
        )
        for label, words in [
            ("country", "KG"),
            ("latitude", "42.87000"),
            ("longitude", "74.59000"),
            ("geonames id", "1528675"),
            ("admin1", "KG.01"),
            ("precision", "City"),
        ]:
            assert f"<tr>{_TH}{label}</th>{_TD}{words}</td></tr>" in card
        assert "<p>Sources: seed</p>" in card

    def test_places_table(self) -> None:
        """Places as a table: the coordinates aligned to the right."""
        table = html(mini.dataset().places)
        assert "<caption>2 Place records</caption>" in table
        assert (
            f"<thead><tr>{_TH}id</th>{_TH}country</th>{_TH}precision</th>"
            f"{_TH_RIGHT}latitude</th>{_TH_RIGHT}longitude</th>{_TH}name</th></tr></thead>"
        ) in table
        assert (
            f"<tr>{_TD}tashkent</td>{_TD}UZ</td>{_TD}city</td>"
            f"{_TD_RIGHT}41.26465</td>{_TD_RIGHT}69.21627</td>{_TD}Tashkent</td></tr>"
        ) in table

    @pytest.mark.parametrize(("record", "title"), nested(), ids=lambda x: type(x).__name__)
    def test_nested_record_card(self, record: Any, title: str) -> None:
        """A record inside another is titled by what it says, with no key."""
        card = html(record)
        assert card.startswith(
            f'<div style="font-family: sans-serif; max-width: 60em"><p><strong>{title}</strong>'
            "</p><table>"
        )
        assert "<code>" not in card

    def test_nested_record_facts(self) -> None:
        """A membership's card has its dates and note; an identifier's has its id."""
        membership, identifier = nested()[0][0], nested()[5][0]
        card = html(membership)
        assert f"<tr>{_TH}until</th>{_TD}2015</td></tr>" in card
        assert f"<tr>{_TH}note</th>{_TD}Some sources say 2010.</td></tr>" in card
        assert "<p>Sources: tass</p>" in card
        assert f"<tr>{_TH}id</th>{_TD}90001</td></tr>" in html(identifier)

    def test_nested_records_table(self) -> None:
        """A Results of nested records has a column per field."""
        table = html(Results(mini.dataset().country("BY").memberships))
        assert "<caption>3 Membership records</caption>" in table
        assert (
            f"<thead><tr>{_TH}status</th>{_TH}since</th>{_TH}until</th>{_TH}note</th></tr></thead>"
        ) in table
        assert f"<tr>{_TD}Member state</td>{_TD}2024-07-04</td>{_TD}</td>{_TD}</td></tr>" in table

    def test_dataset_card(self, bundled: sd.Dataset) -> None:
        card = html(bundled)
        assert f"SCO digital cooperation dataset, data version {bundled.data_version}" in card
        assert (
            f'>projects</th><td style="text-align: left; vertical-align: top; padding-right: 1em">{len(bundled.projects)}</td>'
            in card
        )


class TestPretty:
    def test_record(self, bundled: sd.Dataset) -> None:
        assert [
            "Conflict 'c09-soho-operator-name': Name of the Soho Cloud operator",
        ] == pretty(bundled.conflict("c09-soho-operator-name")).splitlines()[:1]

    def test_results(self, bundled: sd.Dataset) -> None:
        assert [
            "3 Country records:",
            "  CODE  NAME        REGION        STATUS        SINCE",
            "  ----  ----------  ------------  ------------  ----------",
            "  CN    China       eastern_asia  Member state  2001-06-15",
            "  KG    Kyrgyzstan  central_asia  Member state  2001-06-15",
            "  KZ    Kazakhstan  central_asia  Member state  2001-06-15",
        ] == pretty(bundled.members(as_of="2001-06-15")[:3]).splitlines()
        assert "No records." == pretty(Results())
        assert "No Indicator records." == pretty(bundled.indicators_for("arca-mir-armenia"))
        assert "No Country records." == pretty(bundled.members(as_of="1990-01-01"))

    def test_place(self) -> None:
        assert [
            "Place 'tashkent': Tashkent",
            "  country:        UZ",
            "  latitude:       41.26465",
            "  longitude:      69.21627",
            "  precision:      City",
            "  note:           No GeoNames id, to test its absence.",
            "  sources:        tass",
        ] == pretty(mini.dataset().place("tashkent")).splitlines()

    def test_places(self) -> None:
        assert [
            "2 Place records:",
            "  ID        COUNTRY  PRECISION  LATITUDE  LONGITUDE  NAME",
            "  --------  -------  ---------  --------  ---------  --------",
            "  bishkek   KG       city       42.87000   74.59000  Bishkek",
            "  tashkent  UZ       city       41.26465   69.21627  Tashkent",
        ] == pretty(mini.dataset().places).splitlines()

    @pytest.mark.parametrize(("record", "title"), nested(), ids=lambda x: type(x).__name__)
    def test_nested_record(self, record: Any, title: str) -> None:
        """Titled by what it says, never by an empty key."""
        lines = pretty(record).splitlines()
        assert f"{type(record).__name__}: {title}" == lines[0]
        assert "''" not in pretty(record)

    def test_nested_records(self) -> None:
        assert [
            "3 Membership records:",
            "  STATUS            SINCE       UNTIL       NOTE",
            "  ----------------  ----------  ----------  ----------------------",
            "  Dialogue partner  2009-06     2015        Some sources say 2010.",
            "  Observer state    2015        2024-07-04",
            "  Member state      2024-07-04",
        ] == pretty(Results(mini.dataset().country("BY").memberships)).splitlines()
        branch = mini.dataset().project("center-branch")
        assert [
            "2 Participant records:",
            "  COUNTRY  ROLE",
            "  -------  -----------",
            "  CN       Host",
            "  UZ       Beneficiary",
        ] == pretty(Results(branch.participants)).splitlines()
        assert [
            "1 Identifier record:",
            "  SCHEME            ID",
            "  ----------------  -----",
            "  AidData GCDF 3.0  90001",
        ] == pretty(Results(branch.identifiers)).splitlines()

    def test_nested_records_in_a_record(self) -> None:
        """
        A project's organisation roles and identifiers as phrases, semicolons
        between phrases that hold a comma; a long label keeps a space.
        """
        branch = mini.dataset().project("center-branch")
        lines = pretty(branch).splitlines()
        assert "  organization roles: caict, host institution" in lines
        assert "  identifiers:    90001 (AidData GCDF 3.0)" in lines
        two = attrs.evolve(
            branch,
            organization_roles=(
                sd.OrganizationParticipant(organization="caict", role=sd.OrganizationRole.OPERATOR),
                *branch.organization_roles,
            ),
        )
        assert (
            "  organization roles: caict, operator; caict, host institution"
            in pretty(two).splitlines()
        )

    def test_results_of_other_things(self) -> None:
        """What is not a record shows its repr."""
        assert ["2 int records:", "  RECORD", "  ------", "  1", "  2"] == pretty(
            Results([1, 2])
        ).splitlines()

    def test_dataset(self, bundled: sd.Dataset) -> None:
        lines = pretty(bundled).splitlines()
        assert f"SCO digital cooperation dataset, data version {bundled.data_version}" == lines[0]
        assert f"  projects:       {len(bundled.projects)}" in lines

    def test_repr_stays_plain(self, bundled: sd.Dataset) -> None:
        project = bundled.project("soho-cloud")
        assert repr(project).startswith("Project(id='soho-cloud', name=")
        assert "\n" not in repr(project)
        assert repr(bundled).startswith("<Dataset ")
