"""The explorer's database and metadata, read with sqlite3 (no server, no Datasette)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from sco_digital import _datasette
from sco_digital.export import TABLES, to_records

DS = sd.load()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = _datasette.build(DS, tmp_path_factory.mktemp("explorer"))
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def search(db: sqlite3.Connection, text: str) -> list[str]:
    """Project ids matching *text* as Datasette's search box asks (each word quoted)."""
    query = " ".join(f'"{word}"' for word in text.split())
    rows = db.execute(
        "SELECT id FROM projects WHERE rowid IN"
        " (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?) ORDER BY id",
        (query,),
    )
    return [row["id"] for row in rows]


def canned(db: sqlite3.Connection, name: str, **params: str) -> list[dict[str, Any]]:
    query = _datasette.queries()[name]
    assert sorted(params) == sorted(query["params"])
    return [dict(row) for row in db.execute(query["sql"], params)]


class TestDatabase:
    def test_exported_tables_unchanged(self, db: sqlite3.Connection) -> None:
        for name, table in TABLES.items():
            columns = [c.name for c in table.columns]
            rows = db.execute(f'SELECT {", ".join(columns)} FROM "{name}"').fetchall()  # noqa: S608
            assert [dict(row) for row in rows] == to_records(DS, name), name

    def test_sources_are_named_by_title_or_publisher(self, db: sqlite3.Connection) -> None:
        """Where a record cites an untitled source, the explorer shows its publisher and date."""
        labels = dict(db.execute("SELECT id, label FROM sources").fetchall())
        assert "24.kg, 2025-09-01 (untitled)" == labels["24kg-341784"]
        assert "NetEase News (untitled)" == labels["163-scoda-platform"]
        titled = next(s for s in DS.sources if s.title)
        assert titled.title == labels[titled.id]
        assert len(DS.sources) == len(labels)
        assert all(labels.values())

    def test_project_columns_for_facets(self, db: sqlite3.Connection) -> None:
        row = db.execute(
            "SELECT aliases, countries, technologies, sectors, year FROM projects"
            " WHERE id = 'china-kyrgyzstan-uzbekistan-fiber-cable'"
        ).fetchone()
        project = DS.project("china-kyrgyzstan-uzbekistan-fiber-cable")
        assert json.loads(row["countries"]) == ["China", "Kyrgyzstan", "Uzbekistan"]
        assert json.loads(row["technologies"]) == ["Fibre optics"]
        assert json.loads(row["aliases"]) == list(project.aliases)
        assert json.loads(row["sectors"]) == sorted(s.label for s in project.sectors)
        assert row["year"] == (None if project.started is None else project.started.year)

    def test_luban_aliases_keep_chinese(self, db: sqlite3.Connection) -> None:
        (aliases,) = db.execute(
            "SELECT aliases FROM projects WHERE id = 'luban-workshops-sco-network'"
        ).fetchone()
        assert "鲁班工坊" in json.loads(aliases)

    def test_terms_cover_every_vocabulary_column(self, db: sqlite3.Connection) -> None:
        terms = {(row["vocabulary"], row["term"]) for row in db.execute("SELECT * FROM terms")}
        expected = {
            (column.vocabulary.__name__, term.value)
            for table in TABLES.values()
            for column in table.columns
            if column.vocabulary is not None
            for term in column.vocabulary
        }
        assert expected == terms
        assert ("Technology", "fiber_optics") in terms

    def test_foreign_keys_hold(self, db: sqlite3.Connection) -> None:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


class TestSearch:
    def test_chinese_two_characters(self, db: sqlite3.Connection) -> None:
        assert ["luban-workshops-sco-network"] == search(db, "鲁班")

    def test_chinese_inside_a_longer_name(self, db: sqlite3.Connection) -> None:
        expected = sorted(p.id for p in DS.projects if any("大数据合作" in a for a in p.aliases))
        assert ["china-sco-big-data-cooperation-center"] == expected
        assert expected == search(db, "大数据合作")

    def test_russian_country_names(self, db: sqlite3.Connection) -> None:
        expected = sorted(p.id for p in DS.projects if {"KG", "UZ"} <= p.countries)
        assert len(expected) > 3
        assert expected == search(db, "Кыргызстан Узбекистан")

    def test_chinese_country_name(self, db: sqlite3.Connection) -> None:
        assert [p.id for p in DS.by_country("TJ")] == search(db, "塔吉克斯坦")

    def test_english_any_case_and_accent(self, db: sqlite3.Connection) -> None:
        assert search(db, "telemedicine") == search(db, "TELEMEDICINE")
        assert "luban-workshops-sco-network" in search(db, "Luban")
        found = search(db, "Türkiye")
        assert found == search(db, "turkiye")
        assert {p.id for p in DS.by_country("TR")} <= set(found)

    def test_short_words(self, db: sqlite3.Connection) -> None:
        found = search(db, "5G")
        assert found
        assert all("5g" in (p := DS.project(i)).name.lower() + p.summary.lower() for i in found)

    def test_search_text(self) -> None:
        assert "上合 组织" == _datasette.search_text("上合 组织")[:5]
        assert _datasette.search_text("Узбекистан") == "Узбекистан"


class TestCannedQueries:
    def test_six_queries(self) -> None:
        assert [
            "members_on_date",
            "projects_by_country_and_technology",
            "figures_about_project",
            "records_citing_source",
            "conflicts",
            "projects_by_organization",
        ] == list(_datasette.queries())

    @pytest.mark.parametrize("day", ["2001-06-15", "2017-06-09", "2024-07-04", "2025-09-01"])
    def test_members_on_date(self, db: sqlite3.Connection, day: str) -> None:
        rows = canned(db, "members_on_date", day=day)
        when = dt.date.fromisoformat(day)
        expected = {
            c.code: status.value for c in DS.countries if (status := c.status_on(when)) is not None
        }
        assert expected == {row["country"]: row["status"] for row in rows}
        members = [c.code for c in DS.members(as_of=when)]
        assert sorted(members) == sorted(r["country"] for r in rows if r["status"] == "member")
        assert rows[0]["status"] == "member"  # members first, then by vocabulary order

    @pytest.mark.parametrize(
        ("country", "technology"),
        [("UZ", "fiber_optics"), ("Uzbekistan", "Fibre optics"), ("Узбекистан", ""), ("KGZ", "5G")],
    )
    def test_projects_by_country_and_technology(
        self, db: sqlite3.Connection, country: str, technology: str
    ) -> None:
        rows = canned(
            db, "projects_by_country_and_technology", country=country, technology=technology
        )
        expected = DS.filter(country=country, technology=technology or None)
        assert expected
        assert [p.id for p in expected] == [row["id"] for row in rows]

    def test_figures_about_project(self, db: sqlite3.Connection) -> None:
        rows = canned(db, "figures_about_project", project="soho-cloud")
        expected = [
            (i.id, i.text, DS.source(s).url)
            for i in DS.indicators_for("soho-cloud")
            for s in i.sources
        ]
        assert expected == [(row["id"], row["text"], row["url"]) for row in rows]
        by_name = canned(
            db, "figures_about_project", project="soho cloud silk road e-commerce platform"
        )
        assert rows == by_name

    # every 50th source, and GeoNames, which only places cite
    @pytest.mark.parametrize("source", [*[s.id for s in DS.sources[::50]], "geonames-gazetteer"])
    def test_records_citing_source(self, db: sqlite3.Connection, source: str) -> None:
        rows = canned(db, "records_citing_source", source=source)
        expected = {
            ("country", r.code) if isinstance(r, sd.Country) else (type(r).__name__.lower(), key)
            for r in DS.cited_by(source)
            if (key := getattr(r, "id", None)) or isinstance(r, sd.Country)
        }
        assert expected == {(row["kind"], row["record"]) for row in rows}

    def test_conflicts(self, db: sqlite3.Connection) -> None:
        everything = canned(db, "conflicts", record="")
        assert [c.id for c in DS.conflicts] == list(dict.fromkeys(r["id"] for r in everything))
        record = DS.conflicts[0].records[0]
        only = canned(db, "conflicts", record=record)
        assert [c.id for c in DS.conflicts_for(record)] == list(
            dict.fromkeys(r["id"] for r in only)
        )

    def test_projects_by_organization(self, db: sqlite3.Connection) -> None:
        org = max(DS.organizations, key=lambda o: len(DS.by_organization(o.id)))
        expected = [p.id for p in DS.by_organization(org.id)]
        for key in (org.id, org.name, org.name.upper(), *org.aliases):
            assert expected == [
                r["id"] for r in canned(db, "projects_by_organization", organization=key)
            ]


class TestMetadata:
    META = _datasette.metadata(DS)

    def test_site(self) -> None:
        assert "SCO digital cooperation dataset" == self.META["title"]
        assert "CC-BY-4.0" == self.META["license"]
        assert "https://creativecommons.org/licenses/by/4.0/" == self.META["license_url"]
        assert f"Data version {DS.data_version}." in self.META["description"]
        assert DS.data_version in self.META["source"]

    def test_every_table_and_column_described(self, db: sqlite3.Connection) -> None:
        tables = self.META["databases"]["sco"]["tables"]
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'projects_fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        assert sorted(names) == sorted(n for n in tables if n != "projects_fts")
        for name in names:
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')]
            assert list(tables[name]["columns"]) == columns, name
            assert all(tables[name]["columns"].values()), name
            assert tables[name]["description"]
        assert tables["projects_fts"] == {"hidden": True}

    def test_descriptions_are_the_export_declarations(self) -> None:
        tables = self.META["databases"]["sco"]["tables"]
        for name, table in TABLES.items():
            assert table.description == tables[name]["description"]
            for column in table.columns:
                assert column.description == tables[name]["columns"][column.name]

    def test_facets_sorts_and_labels_name_real_columns(self) -> None:
        tables = self.META["databases"]["sco"]["tables"]
        for name, entry in tables.items():
            columns = entry.get("columns", {})
            for facet in entry.get("facets", []):
                assert (facet if isinstance(facet, str) else next(iter(facet.values()))) in columns
            for key in ("sort", "sort_desc", "label_column"):
                if key in entry:
                    assert entry[key] in columns, (name, key)
        assert tables["projects"]["facets"] == [
            {"array": "countries"},
            {"array": "technologies"},
            {"array": "sectors"},
            "status",
            "kind",
            "year",
        ]
        assert tables["projects"]["fts_table"] == "projects_fts"

    def test_queries_run(self, db: sqlite3.Connection) -> None:
        for name, query in self.META["databases"]["sco"]["queries"].items():
            assert query["title"]
            assert query["description"]
            db.execute(query["sql"], dict.fromkeys(query["params"], "x")).fetchall()
            assert name


def test_build_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "sco.db").write_text("mine")
    with pytest.raises(FileExistsError):
        _datasette.build(DS, tmp_path)
    assert "mine" == (tmp_path / "sco.db").read_text()


def test_guide_names_every_canned_query() -> None:
    page = (Path(__file__).parents[2] / "docs" / "guide" / "explorer.md").read_text(
        encoding="utf-8"
    )
    for name in _datasette.queries():
        assert f"`{name}`" in page
