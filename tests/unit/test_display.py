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
        assert "No results." in html(Results())

    def test_long_results_are_cut(self, bundled: sd.Dataset) -> None:
        table = html(bundled.projects)
        assert f"<caption>{len(bundled.projects)} Project records</caption>" in table
        assert table.count("<tr>") == 1 + 50
        assert f"... and {len(bundled.projects) - 50} more" in table

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
        assert "Results()" == pretty(Results())

    def test_dataset(self, bundled: sd.Dataset) -> None:
        lines = pretty(bundled).splitlines()
        assert f"SCO digital cooperation dataset, data version {bundled.data_version}" == lines[0]
        assert f"  projects:       {len(bundled.projects)}" in lines

    def test_repr_stays_plain(self, bundled: sd.Dataset) -> None:
        project = bundled.project("soho-cloud")
        assert repr(project).startswith("Project(id='soho-cloud', name=")
        assert "\n" not in repr(project)
        assert repr(bundled).startswith("<Dataset ")
