"""The tidy tables, the data frames and the file exports."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless import validate

import mini
import sco_digital as sd
from sco_digital import Dataset, export
from sco_digital._json import dumps
from sco_digital._table_parts import _field_doc
from sco_digital.export import (
    TABLES,
    Column,
    ForeignKey,
    Table,
    to_arrow,
    to_pandas,
    to_polars,
    to_records,
    write_csv,
    write_datapackage,
    write_json,
    write_parquet,
    write_sqlite,
)
from tables import read_csv, read_sqlite, rebuild

UZBEKISTAN_BY_TECHNOLOGY = """\
SELECT pt.technology, COUNT(DISTINCT p.id) AS projects
FROM projects AS p
JOIN project_participants AS pp ON pp.project = p.id
JOIN countries AS c ON c.code = pp.country
JOIN project_technologies AS pt ON pt.project = p.id
WHERE c.name = 'Uzbekistan'
GROUP BY pt.technology
ORDER BY projects DESC, pt.technology;
"""

STRING = pd.StringDtype("python")
PRECISION = pd.CategoricalDtype(["year", "month", "day"])


def invalid_dataset() -> Dataset:
    """The mini dataset with a participant from an unknown country."""
    ds = mini.dataset()
    cable = ds.project("cable")
    broken = attrs.evolve(cable, participants=(sd.Participant(country="XX", role=sd.Role.HOST),))
    return attrs.evolve(ds, projects=[broken, *(p for p in ds.projects if p.id != "cable")])


class TestTables:
    def test_names(self) -> None:
        assert [
            "sources",
            "countries",
            "country_aliases",
            "country_names",
            "country_name_sources",
            "memberships",
            "membership_sources",
            "organizations",
            "organization_aliases",
            "organization_sources",
            "places",
            "place_sources",
            "projects",
            "project_aliases",
            "project_participants",
            "project_organizations",
            "project_organization_roles",
            "project_identifiers",
            "project_places",
            "project_technologies",
            "project_sectors",
            "project_sources",
            "indicators",
            "indicator_sources",
            "conflicts",
            "conflict_records",
            "conflict_sources",
        ] == list(TABLES)

    @pytest.mark.parametrize("table", list(TABLES))
    def test_keys_resolve(self, table: str) -> None:
        """Keys name real columns; foreign keys point at the primary key of a table."""
        spec = TABLES[table]
        names = [c.name for c in spec.columns]
        assert len(set(names)) == len(names)
        assert set(spec.primary_key) <= set(names)
        assert all(bool(c.categories) == (c.type == "category") for c in spec.columns)
        for key in spec.foreign_keys:
            assert set(key.columns) <= set(names)
            assert key.referenced == TABLES[key.table].primary_key
            types = [spec.column(c).type for c in key.columns]
            assert types == [TABLES[key.table].column(c).type for c in key.referenced]

    def test_composite_foreign_key(self) -> None:
        """A membership's sources point at the membership by (country, seq) together."""
        assert (
            ForeignKey(("country", "seq"), "memberships", ("country", "seq")),
            ForeignKey(("source",), "sources", ("id",)),
        ) == TABLES["membership_sources"].foreign_keys

    def test_column_defaults(self) -> None:
        """A vocabulary column lists every slug in declaration order; references make keys."""
        status = TABLES["memberships"].column("status")
        assert ("member", "observer", "dialogue_partner", "partner") == status.categories
        assert Column("x", "string", "X.").categories == ()
        assert (ForeignKey(("parent",), "projects", ("id",)),) == TABLES["projects"].foreign_keys
        with pytest.raises(KeyError):
            TABLES["projects"].column("nope")

    def test_partial_dates_have_precision(self) -> None:
        """Every partial date has a *_precision category column right after it."""
        for spec in TABLES.values():
            for i, column in enumerate(spec.columns):
                if column.type == "partial_date":
                    precision = spec.columns[i + 1]
                    assert f"{column.name}_precision" == precision.name
                    assert ("category", ("year", "month", "day"), column.required) == (
                        precision.type,
                        precision.categories,
                        precision.required,
                    )

    def test_records(self, ds: Dataset) -> None:
        """Rows are plain values: slugs, ISO text, positions in the order given."""
        assert [
            {
                "country": "BY",
                "seq": 1,
                "status": "dialogue_partner",
                "since": "2009-06",
                "since_precision": "month",
                "until": "2015",
                "until_precision": "year",
                "valid_from": "2009-06-01",
                "valid_to": "2015-01-01",
                "note": "Some sources say 2010.",
                "reviewed": None,
            },
            {
                "country": "BY",
                "seq": 2,
                "status": "observer",
                "since": "2015",
                "since_precision": "year",
                "until": "2024-07-04",
                "until_precision": "day",
                "valid_from": "2015-01-01",
                "valid_to": "2024-07-04",
                "note": None,
                "reviewed": None,
            },
        ] == to_records(ds, "memberships")[:2]
        assert [
            {
                "conflict": "c1-latency",
                "record": "latency",
                "record_kind": "indicator",
                "position": 1,
            },
            {"conflict": "c1-latency", "record": "cable", "record_kind": "project", "position": 2},
            {"conflict": "c2-belarus", "record": "BY", "record_kind": "country", "position": 1},
        ] == to_records(ds, "conflict_records")
        assert [("latency", "project"), ("members-count", "sco"), ("trade", "country")] == [
            (r["id"], r["subject_kind"]) for r in to_records(ds, "indicators")[:3]
        ]
        assert [
            ("center", "CN", "host", 1),
            ("center", "CN", "provider", 2),
        ] == [
            tuple(r.values())
            for r in to_records(ds, "project_participants")
            if r["project"] == "center"
        ]

    def test_valid_from_matches_status_on(self) -> None:
        """valid_from <= day < valid_to holds exactly when status_on(day) is the status."""
        ds = sd.load()
        for day in (dt.date(2017, 6, 8), dt.date(2017, 6, 9), dt.date(2024, 7, 4)):
            in_table = {
                r["country"]
                for r in to_records(ds, "memberships")
                if r["status"] == "member"
                and r["valid_from"] <= day.isoformat()
                and (r["valid_to"] is None or day.isoformat() < r["valid_to"])
            }
            assert {c.code for c in ds.members(as_of=day)} == in_table

    def test_unknown_table(self, ds: Dataset) -> None:
        with pytest.raises(sd.UnknownKeyError, match="^unknown table 'project'; did you mean"):
            to_records(ds, "project")


class TestColumns:
    """Each column owns its getter: a row is its columns' values, read off one item."""

    @pytest.mark.parametrize("table", list(TABLES))
    def test_rows_are_the_column_getters(self, table: str) -> None:
        ds = sd.load()
        spec = TABLES[table]
        by_getter = [tuple(c.get(item) for c in spec.columns) for item in spec.items(ds)]
        assert by_getter == list(spec.rows(ds))
        names = [c.name for c in spec.columns]
        assert [dict(zip(names, row, strict=True)) for row in by_getter] == to_records(ds, table)

    def test_a_table_of_your_own(self) -> None:
        """The default getter reads the attribute named like the column, whatever its name."""
        item = SimpleNamespace(id="a", **{"class": "x", "two words": "y"})
        spec = Table(
            "mine",
            "Mine.",
            (
                Column("id", "string", "Id."),
                Column("class", "string", "A keyword."),
                Column("two words", "string", "Not an identifier."),
                Column("size", "integer", "Computed.", get=lambda i: len(i.id)),
            ),
            ("id",),
            lambda _ds: [item, item],
        )
        assert [("a", "x", "y", 1)] * 2 == list(spec.rows(mini.dataset()))
        one = attrs.evolve(spec, columns=spec.columns[:1])
        assert ([("a",), ("a",)], []) == (
            list(one.rows(mini.dataset())),
            list(attrs.evolve(spec, items=lambda _ds: []).rows(mini.dataset())),
        )
        with pytest.raises(AttributeError, match="'missing'"):
            list(attrs.evolve(spec, columns=(Column("missing", "string", "M."),)).rows(ds=None))  # type: ignore[arg-type]

    def test_a_column_of_your_own_pickles(self) -> None:
        back = pickle.loads(pickle.dumps(Column("id", "string", "Id.")))  # noqa: S301 - our own bytes
        assert (Column("id", "string", "Id."), 7) == (back, back.get(SimpleNamespace(id=7)))

    def test_record_fields_are_described_by_their_docstrings(self) -> None:
        """Written once, in the record's docstring: reST quotes dropped, None said "empty"."""
        assert [
            "When it began (launch, signature, adoption, opening).",
            "The headline or page title; empty where it could not be seen.",
            'ISO 3166-1 alpha-2 code, e.g. "UZ".',
            'BCP 47 tag of the language and, where it has several, the script: "uz" (Latin),'
            ' "uz-Cyrl", "zh-Hant".',
            "What the country does in the project.",
            'The identifier as that dataset writes it, e.g. "42401" for an AidData GCDF 3.0'
            " record.",
        ] == [
            TABLES[table].column(column).description
            for table, column in [
                ("projects", "started"),
                ("sources", "title"),
                ("countries", "code"),
                ("country_names", "language"),
                ("project_participants", "role"),
                ("project_identifiers", "identifier"),
            ]
        ]
        assert "The project's id." == TABLES["project_participants"].column("project").description
        with pytest.raises(TypeError, match="^Project.nope is not described in its docstring$"):
            _field_doc(sd.Project, "nope")

    def test_required_unless_the_field_defaults_to_none(self) -> None:
        assert [True, False, True, False] == [
            TABLES[table].column(column).required
            for table, column in [
                ("projects", "summary"),
                ("projects", "parent"),
                ("memberships", "since"),
                ("memberships", "until"),
            ]
        ]

    def test_no_public_names_outside_all(self) -> None:
        """sco_digital.export shows only what its __all__ lists."""
        shown = {
            name
            for name, value in vars(export).items()
            if not name.startswith("_") and name != "annotations"
        }
        assert set(export.__all__) == shown


class TestFrames:
    def test_pandas_dtypes(self, ds: Dataset) -> None:
        frame = to_pandas(ds, "memberships")
        assert {
            "country": STRING,
            "seq": pd.Int64Dtype(),
            "status": pd.CategoricalDtype(["member", "observer", "dialogue_partner", "partner"]),
            "since": STRING,
            "since_precision": PRECISION,
            "until": STRING,
            "until_precision": PRECISION,
            "valid_from": "datetime64[s]",
            "valid_to": "datetime64[s]",
            "note": STRING,
            "reviewed": STRING,
        } == frame.dtypes.to_dict()
        assert (pd.RangeIndex, 7) == (type(frame.index), len(frame.index))
        assert pd.Timestamp("2015-01-01") == frame["valid_to"][0]
        assert frame["valid_to"].isna().tolist() == [False, False, True, True, True, True, True]
        assert frame["note"][1] is pd.NA
        assert pd.Float64Dtype() == to_pandas(ds, "indicators")["value"].dtype

    def test_pandas_full_categories(self, ds: Dataset) -> None:
        """Categories list the whole vocabulary, not only the values present."""
        technology = to_pandas(ds, "project_technologies")["technology"]
        assert [t.value for t in sd.Technology] == list(technology.cat.categories)
        assert 0 == technology.value_counts()["blockchain"]

    def test_polars_dtypes(self, ds: Dataset) -> None:
        frame = to_polars(ds, "memberships")
        assert [
            ("country", pl.String),
            ("seq", pl.Int64),
            ("status", pl.Enum(["member", "observer", "dialogue_partner", "partner"])),
            ("since", pl.String),
            ("since_precision", pl.Enum(["year", "month", "day"])),
            ("until", pl.String),
            ("until_precision", pl.Enum(["year", "month", "day"])),
            ("valid_from", pl.Date),
            ("valid_to", pl.Date),
            ("note", pl.String),
            ("reviewed", pl.String),
        ] == list(frame.schema.items())
        assert dt.date(2015, 1, 1) == frame["valid_to"][0]
        assert pl.Float64 == to_polars(ds, "indicators")["value"].dtype

    def test_arrow_types(self, ds: Dataset) -> None:
        category = pa.dictionary(pa.int32(), pa.string())
        table = to_arrow(ds, "memberships")
        assert (
            pa.schema(
                [
                    pa.field("country", pa.string(), nullable=False),
                    pa.field("seq", pa.int64(), nullable=False),
                    pa.field("status", category, nullable=False),
                    pa.field("since", pa.string(), nullable=False),
                    pa.field("since_precision", category, nullable=False),
                    pa.field("until", pa.string()),
                    pa.field("until_precision", category),
                    pa.field("valid_from", pa.date32(), nullable=False),
                    pa.field("valid_to", pa.date32()),
                    pa.field("note", pa.string()),
                    pa.field("reviewed", pa.string()),
                ]
            )
            == table.schema
        )
        status = table.column("status").chunk(0)
        assert [
            "member",
            "observer",
            "dialogue_partner",
            "partner",
        ] == status.dictionary.to_pylist()
        assert ["dialogue_partner", "observer", "member"] == status.to_pylist()[:3]
        assert pa.float64() == to_arrow(ds, "indicators").schema.field("value").type

    @pytest.mark.parametrize("table", list(TABLES))
    def test_every_table_agrees_with_records(self, ds: Dataset, table: str) -> None:
        """All three frames hold the values of to_records, dates as dates."""
        records = to_records(ds, table)
        dates = [c.name for c in TABLES[table].columns if c.type == "date"]

        def as_dates(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [
                {
                    k: dt.date.fromisoformat(v) if k in dates and v is not None else v
                    for k, v in row.items()
                }
                for row in rows
            ]

        assert as_dates(records) == to_polars(ds, table).to_dicts()
        assert as_dates(records) == to_arrow(ds, table).to_pylist()
        frame = to_pandas(ds, table).astype(object)
        frame = frame.where(frame.notna(), None)
        for name in dates:
            frame[name] = [None if v is None else v.date() for v in frame[name]]
        assert as_dates(records) == frame.to_dict("records")

    def test_empty_dataset(self) -> None:
        """An empty table keeps its columns and types."""
        empty = Dataset(sources=(), countries=(), organizations=(), projects=(), indicators=())
        assert (0, pd.Int64Dtype()) == (
            len(to_pandas(empty, "memberships")),
            to_pandas(empty, "memberships")["seq"].dtype,
        )
        polars = to_polars(empty, "memberships")
        assert 0 == len(polars)
        assert pl.Date == polars.schema["valid_from"]
        arrow = to_arrow(empty, "memberships")
        assert (0, pa.date32()) == (arrow.num_rows, arrow.schema.field("valid_from").type)

    @pytest.mark.parametrize(
        ("function", "module", "message"),
        [
            (to_pandas, "pandas", "to_pandas() needs pandas: pip install 'sco-digital[pandas]'"),
            (to_polars, "polars", "to_polars() needs polars: pip install 'sco-digital[polars]'"),
            (to_arrow, "pyarrow", "to_arrow() needs pyarrow: pip install 'sco-digital[arrow]'"),
        ],
    )
    def test_missing_library(
        self,
        monkeypatch: pytest.MonkeyPatch,
        ds: Dataset,
        function: Any,
        module: str,
        message: str,
    ) -> None:
        """Without the library, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(ImportError) as info:
            function(ds, "countries")
        assert (message, module) == (str(info.value), info.value.name)

    def test_missing_pyarrow_for_parquet(
        self, monkeypatch: pytest.MonkeyPatch, ds: Dataset, tmp_path: Path
    ) -> None:
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        with pytest.raises(
            ImportError,
            match=r"^write_parquet\(\) needs pyarrow: pip install 'sco-digital\[arrow\]'$",
        ):
            write_parquet(ds, tmp_path / "out")
        assert [] == list(tmp_path.iterdir())

    def test_lazy_imports(self) -> None:
        """Importing sco_digital.export imports none of the optional libraries."""
        code = (
            "import sys, sco_digital.export\n"
            "print([m for m in ('pandas', 'polars', 'pyarrow', 'sqlite3', 'hypothesis')"
            " if m in sys.modules])\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]\n" == done.stdout


class TestCsv:
    def test_files(self, ds: Dataset, tmp_path: Path) -> None:
        """One RFC 4180 file per table, with a header; empty fields are missing values."""
        out = write_csv(ds, tmp_path / "csv")
        assert sorted(f"{name}.csv" for name in TABLES) == sorted(p.name for p in out.iterdir())
        assert (
            b"country,seq,status,since,since_precision,until,until_precision,valid_from,valid_to,note,reviewed\r\n"
            b"BY,1,dialogue_partner,2009-06,month,2015,year,2009-06-01,2015-01-01,Some sources say 2010.,\r\n"
            b"BY,2,observer,2015,year,2024-07-04,day,2015-01-01,2024-07-04,,\r\n"
        ) == b"".join((out / "memberships.csv").read_bytes().splitlines(keepends=True)[:3])
        assert (
            "trade,CN,country,trade_with_sco,China's trade with SCO states,512400000000.0,usd,about,2024,year,,,,,about USD 512.4 billion,,\r\n"
            in (out / "indicators.csv").read_bytes().decode("utf-8")
        )

    def test_round_trip(self, tmp_path: Path) -> None:
        """Reading the CSV files back and rebuilding the records gives the dataset."""
        ds = sd.load()
        assert ds == rebuild(read_csv(write_csv(ds, tmp_path / "csv")))

    def test_row_counts(self, ds: Dataset, tmp_path: Path) -> None:
        out = write_csv(ds, tmp_path / "csv")
        for name in TABLES:
            with (out / f"{name}.csv").open(encoding="utf-8", newline="") as f:
                assert len(to_records(ds, name)) == len(list(csv.DictReader(f)))

    def test_refuses_invalid_dataset(self, tmp_path: Path) -> None:
        """A dataset that breaks the rules is not written: its keys would not hold."""
        with pytest.raises(
            sd.DataError, match=r"\.participants\[0\]\.country: 'XX' is not a known"
        ):
            write_csv(invalid_dataset(), tmp_path / "csv")
        assert [] == list(tmp_path.iterdir())


class TestParquet:
    def test_round_trip(self, ds: Dataset, tmp_path: Path) -> None:
        """Each file reads back as the Arrow table of to_arrow, types and dictionaries included."""
        out = write_parquet(ds, tmp_path / "parquet")
        assert sorted(f"{name}.parquet" for name in TABLES) == sorted(p.name for p in out.iterdir())
        for name in TABLES:
            assert to_arrow(ds, name).equals(pq.read_table(out / f"{name}.parquet"))

    def test_pandas_reads_categories(self, ds: Dataset, tmp_path: Path) -> None:
        out = write_parquet(ds, tmp_path / "parquet")
        frame = pd.read_parquet(out / "projects.parquet")
        assert [k.value for k in sd.ProjectKind] == list(frame["kind"].cat.categories)


class TestSqlite:
    def test_schema(self, ds: Dataset, tmp_path: Path) -> None:
        """Real tables with NOT NULL, CHECK, primary and foreign keys."""
        path = write_sqlite(ds, tmp_path / "sco.db")
        connection = sqlite3.connect(path, isolation_level=None)  # PRAGMAs apply at once
        sql = connection.execute(
            "SELECT sql FROM sqlite_schema WHERE name = 'membership_sources'"
        ).fetchone()[0]
        assert (
            'CREATE TABLE "membership_sources" (\n'
            '  "country" TEXT NOT NULL,\n'
            '  "seq" INTEGER NOT NULL,\n'
            '  "source" TEXT NOT NULL,\n'
            '  "position" INTEGER NOT NULL,\n'
            '  PRIMARY KEY ("country", "seq", "source"),\n'
            '  FOREIGN KEY ("country", "seq") REFERENCES "memberships" ("country", "seq"),\n'
            '  FOREIGN KEY ("source") REFERENCES "sources" ("id")\n'
            ")"
        ) == sql
        assert [(0, "projects", "parent", "id")] == [
            row[:1] + row[2:5] for row in connection.execute("PRAGMA foreign_key_list(projects)")
        ]
        assert [] == connection.execute("PRAGMA foreign_key_check").fetchall()
        assert [("ok",)] == connection.execute("PRAGMA integrity_check").fetchall()
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            connection.execute("UPDATE projects SET kind = 'nonsense'")
        connection.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            connection.execute(
                "UPDATE project_sources SET source = 'nowhere' WHERE project = 'forum-2021'"
            )
        connection.close()

    def test_foreign_keys_indexed(self, ds: Dataset, tmp_path: Path) -> None:
        """Every foreign key starts some index: its own, or the primary key's."""
        connection = sqlite3.connect(write_sqlite(ds, tmp_path / "sco.db"))
        for name, spec in TABLES.items():
            indexed = []
            for index in connection.execute(f'PRAGMA index_list("{name}")'):
                columns = [r[2] for r in connection.execute(f'PRAGMA index_info("{index[1]}")')]
                indexed.append(tuple(columns))
            for key in spec.foreign_keys:
                assert any(cols[: len(key.columns)] == key.columns for cols in indexed), (name, key)
        connection.close()

    def test_created_index_names(self, ds: Dataset, tmp_path: Path) -> None:
        """Indexes are made only where the primary key does not serve."""
        connection = sqlite3.connect(write_sqlite(ds, tmp_path / "sco.db"))
        indexes = dict(
            connection.execute(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
            )
        )
        connection.close()
        assert (
            'CREATE INDEX "project_sources_source" ON "project_sources" ("source")'
            == (indexes["project_sources_source"])
        )
        assert "project_sources_project" not in indexes
        assert (
            'CREATE INDEX "projects_parent" ON "projects" ("parent")' == indexes["projects_parent"]
        )

    def test_dataset_info(self, ds: Dataset, tmp_path: Path) -> None:
        connection = sqlite3.connect(write_sqlite(ds, tmp_path / "sco.db"))
        assert {
            "title": "SCO digital cooperation dataset",
            "data_version": "2025.08.29",
            "license": "CC-BY-4.0",
            "license_url": "https://creativecommons.org/licenses/by/4.0/",
            "generator": f"sco-digital {sd.__version__}",
        } == dict(connection.execute("SELECT key, value FROM dataset_info"))
        connection.close()

    def test_round_trip(self, tmp_path: Path) -> None:
        """Reading the tables back and rebuilding the records gives the dataset."""
        ds = sd.load()
        assert ds == rebuild(read_sqlite(write_sqlite(ds, tmp_path / "sco.db")))

    def test_refuses_invalid_dataset(self, tmp_path: Path) -> None:
        with pytest.raises(sd.DataError, match="'XX' is not a known country"):
            write_sqlite(invalid_dataset(), tmp_path / "sco.db")
        assert [] == list(tmp_path.iterdir())

    def test_overwrite(self, ds: Dataset, tmp_path: Path) -> None:
        """An existing file is kept unless overwrite=True."""
        path = tmp_path / "sco.db"
        path.write_text("precious", encoding="utf-8")
        with pytest.raises(FileExistsError, match="refusing to overwrite"):
            write_sqlite(ds, path)
        assert "precious" == path.read_text(encoding="utf-8")
        write_sqlite(ds, path, overwrite=True)
        assert [(4,)] == sqlite3.connect(path).execute("SELECT COUNT(*) FROM projects").fetchall()
        assert ["sco.db"] == [p.name for p in tmp_path.iterdir()]

    def test_join_query_in_python(self, ds: Dataset, tmp_path: Path) -> None:
        """Projects in Uzbekistan by technology, from the mini dataset."""
        connection = sqlite3.connect(write_sqlite(ds, tmp_path / "sco.db"))
        assert [("big_data", 1), ("fiber_optics", 1), ("vocational_training", 1)] == (
            connection.execute(UZBEKISTAN_BY_TECHNOLOGY).fetchall()
        )
        connection.close()

    def test_join_query_in_sqlite3_shell(self, tmp_path: Path) -> None:
        """The sqlite3 command-line shell answers the join query as the API does."""
        ds = sd.load()
        path = write_sqlite(ds, tmp_path / "sco.db")
        done = subprocess.run(
            ["sqlite3", "-bail", str(path), UZBEKISTAN_BY_TECHNOLOGY],
            capture_output=True,
            text=True,
            check=True,
        )
        counts = {t.value: len(ds.filter(country="UZ", technology=t)) for t in sd.Technology}
        expected = sorted(
            ((tech, n) for tech, n in counts.items() if n), key=lambda x: (-x[1], x[0])
        )
        assert [f"{tech}|{n}" for tech, n in expected] == done.stdout.splitlines()
        assert len(expected) > 5


class TestDatapackage:
    def test_frictionless_valid(self, tmp_path: Path) -> None:
        """Frictionless validates every resource, key and constraint without error."""
        out = write_datapackage(sd.load(), tmp_path / "dp")
        report = validate(out / "datapackage.json")
        assert (True, []) == (report.valid, report.flatten(["type", "message"]))
        assert len(TABLES) == len(report.tasks)
        assert all(task.valid for task in report.tasks)

    def test_frictionless_finds_broken_keys(self, ds: Dataset, tmp_path: Path) -> None:
        """The declared foreign keys and patterns are checked, so the validation means something."""
        out = write_datapackage(ds, tmp_path / "dp")
        text = (out / "project_sources.csv").read_text(encoding="utf-8")
        (out / "project_sources.csv").write_text(text.replace("\ncable,", "\nnowhere,"), "utf-8")
        text = (out / "projects.csv").read_text(encoding="utf-8")
        (out / "projects.csv").write_text(text.replace("2023-11", "2023-11x"), "utf-8")
        report = validate(out / "datapackage.json")
        assert ["constraint-error", "foreign-key", "foreign-key"] == sorted(
            e[0] for e in report.flatten(["type"])
        )

    def test_descriptor(self, ds: Dataset, tmp_path: Path) -> None:
        """Licence, sources, version and keys are declared."""
        out = write_datapackage(ds, tmp_path / "dp")
        descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        assert (
            "sco-digital",
            "2025.08.29",
            [
                {
                    "name": "CC-BY-4.0",
                    "path": "https://creativecommons.org/licenses/by/4.0/",
                    "title": "Creative Commons Attribution 4.0 International",
                }
            ],
        ) == (descriptor["name"], descriptor["version"], descriptor["licenses"])
        assert [
            {"title": "Qiushi Journal", "path": "https://en.qstheory.cn/example"},
            {
                "title": "Seed article",
                "path": "http://en.people.cn/n3/2025/0829/c98649-20359361.html",
            },
        ] == descriptor["sources"][:2]
        resources = {r["name"]: r for r in descriptor["resources"]}
        assert list(TABLES) == list(resources)
        projects = resources["projects"]["schema"]
        assert (
            ["id"],
            [{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}],
        ) == (
            projects["primaryKey"],
            projects["foreignKeys"],
        )
        assert {
            "name": "started",
            "type": "string",
            "description": "When it began (launch, signature, adoption, opening).",
            "constraints": {"pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"},
        } == projects["fields"][6]
        valid_from = resources["memberships"]["schema"]["fields"][7]
        assert ("valid_from", "date", {"required": True}) == (
            valid_from["name"],
            valid_from["type"],
            valid_from["constraints"],
        )

    def test_row_counts(self, tmp_path: Path) -> None:
        """Each resource has as many rows as the dataset's table."""
        ds = sd.load()
        out = write_datapackage(ds, tmp_path / "dp")
        from frictionless import Package

        package = Package(out / "datapackage.json")
        counts = {r.name: len(r.read_rows()) for r in package.resources}  # type: ignore[attr-defined]
        assert {name: len(to_records(ds, name)) for name in TABLES} == counts
        assert (len(ds.projects), len(ds.sources)) == (counts["projects"], counts["sources"])
        assert sum(len(c.memberships) for c in ds.countries) == counts["memberships"]


class TestJson:
    def test_round_trip(self, ds: Dataset, tmp_path: Path) -> None:
        assert ds == sd.load(write_json(ds, tmp_path / "json"))

    def test_canonical_text(self) -> None:
        """Two-space indent, characters as themselves, keys in the order given, a newline."""
        assert '{\n  "b": [\n    1,\n    "Oʻzbekiston"\n  ],\n  "a": null\n}\n' == dumps(
            {"b": [1, "Oʻzbekiston"], "a": None}
        )
        with pytest.raises(ValueError, match="^Out of range float values are not JSON compliant"):
            dumps([float("nan")])

    def test_every_json_file_written_is_canonical(self, tmp_path: Path) -> None:
        ds = sd.load()
        files = [
            *write_json(ds, tmp_path / "json").glob("*.json"),
            write_datapackage(ds, tmp_path / "dp") / "datapackage.json",
        ]
        assert 9 == len(files)
        for file in files:
            text = file.read_text(encoding="utf-8")
            assert dumps(json.loads(text)) == text, file.name
