"""
CSV for people and programs: a header even when no row matches, texts that a
spreadsheet would run as formulas neutralised (in every CSV: the files of
write_csv and write_datapackage, and `--format csv`), and the
spreadsheet-friendly form, UTF-8 with a byte-order mark (`bom=True`, `--bom`).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pandas as pd
import pytest

import mini
import sco_digital as sd
from sco_digital._writers import csv_text
from sco_digital.cli import main
from sco_digital.export import (
    TABLES,
    to_records,
    write_csv,
    write_datapackage,
    write_json,
    write_sqlite,
)
from tables import read_csv, read_sqlite, rebuild

PROJECTS = (
    "id,name,summary,kind,status,location,started,started_precision,ended,ended_precision,"
    "parent,note,reviewed\n"
)
COUNTRIES = "code,alpha3,name,name_zh,name_ru,region\n"
INDICATORS = (
    "id,subject,subject_kind,metric,label,value,unit,qualifier,period,period_precision,"
    "period_end,period_end_precision,as_of,as_of_precision,text,note,reviewed\n"
)


class TestNoMatchingRows:
    @pytest.mark.parametrize(
        ("argv", "header"),
        [
            (["projects", "--active-in", "1900"], PROJECTS),
            (["projects", "--country", "LA", "--technology", "5G"], PROJECTS),
            (["search", "zzzz"], PROJECTS),
            (["countries", "--status", "partner", "--as-of", "1990-01-01"], COUNTRIES),
            (["indicators", "--subject", "center"], INDICATORS),
        ],
    )
    def test_the_header_alone(
        self, capsys: pytest.CaptureFixture[str], mini_dir: Path, argv: list[str], header: str
    ) -> None:
        """It reads back in pandas as an empty table with the right columns."""
        assert 0 == main(["--data", str(mini_dir), *argv, "--format", "csv"])
        assert (header, "") == capsys.readouterr()
        frame = pd.read_csv(io.StringIO(header))
        assert (0, header.strip().split(",")) == (len(frame), list(frame.columns))

    def test_the_header_names_the_table_columns(self) -> None:
        for name, header in (("projects", PROJECTS), ("countries", COUNTRIES)):
            assert header == ",".join(c.name for c in TABLES[name].columns) + "\n"


def risky() -> sd.Dataset:
    """The mini dataset with texts that begin like spreadsheet formulas."""
    ds = mini.dataset()
    cable = attrs.evolve(
        ds.project("cable"),
        aliases=("'=quoted", "'plain"),
        name='=HYPERLINK("https://example.org","click")',
        summary="+7 countries joined.",
        location="-",
        note="@SUM(A1:A9)",
    )
    return attrs.evolve(ds, projects=(cable, *(p for p in ds.projects if p.id != "cable")))


NEUTRALISED = {
    "name": '\'=HYPERLINK("https://example.org","click")',
    "summary": "'+7 countries joined.",
    "location": "'-",
    "note": "'@SUM(A1:A9)",
}


def cable_row(text: str) -> dict[str, str]:
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["id"] == "cable"]
    assert 1 == len(rows)
    return {key: rows[0][key] for key in NEUTRALISED}


class TestFormulas:
    def test_csv_text(self) -> None:
        """Text cells get an apostrophe (also those beginning like a formula after
        apostrophes, so that the rule can be undone); numbers, even negative ones, do not.
        """
        rows = [["=1+2", "+1", "-", "@x", "\tx", "\rx", "a=b", -5.0, -3, None, "''=", "'x"]]
        expected = "h\r\n'=1+2,'+1,'-,'@x,'\tx,\"'\rx\",a=b,-5.0,-3,,'''=,'x\r\n"
        assert expected == csv_text(["h"], rows)

    @pytest.mark.parametrize("write", [write_csv, write_datapackage])
    def test_csv_files(self, tmp_path: Path, write: Callable[[sd.Dataset, Path], Path]) -> None:
        text = (write(risky(), tmp_path / "out") / "projects.csv").read_text("utf-8")
        assert NEUTRALISED == cable_row(text)

    def test_the_text_comes_back(self, tmp_path: Path) -> None:
        """Undoing the rule reads the records back."""
        ds = risky()
        assert ds == rebuild(read_csv(write_csv(ds, tmp_path / "csv")))

    def test_other_exports_keep_the_text(self, tmp_path: Path) -> None:
        ds = risky()
        assert ds == rebuild(read_sqlite(write_sqlite(ds, tmp_path / "sco.db")))
        assert ds == sd.load(write_json(ds, tmp_path / "json"))
        assert "=HYPERLINK" == to_records(ds, "projects")[0]["name"][:10]

    def test_command_line(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        data = ["--data", str(write_json(risky(), tmp_path / "data"))]
        assert 0 == main([*data, "projects", "--format", "csv"])
        assert NEUTRALISED == cable_row(capsys.readouterr().out)
        assert 0 == main([*data, "show", "cable", "--format", "csv"])
        assert NEUTRALISED == cable_row(capsys.readouterr().out)
        assert 0 == main([*data, "show", "cable", "--format", "json"])
        assert '"+7 countries joined."' in capsys.readouterr().out

    def test_the_bundled_data_needs_none(self) -> None:
        """The apostrophe touches only data of your own: no bundled text needs one."""
        ds = sd.load()
        for name, spec in TABLES.items():
            plain = io.StringIO()
            writer = csv.writer(plain)
            writer.writerow([c.name for c in spec.columns])
            writer.writerows(spec.rows(ds))
            assert plain.getvalue() == csv_text([c.name for c in spec.columns], spec.rows(ds)), name


class TestByteOrderMark:
    def test_write_csv(self, tmp_path: Path) -> None:
        plain = write_csv(mini.dataset(), tmp_path / "plain")
        marked = write_csv(mini.dataset(), tmp_path / "bom", bom=True)
        names = sorted(p.name for p in plain.iterdir())
        assert names == sorted(p.name for p in marked.iterdir())
        for name in names:
            assert codecs.BOM_UTF8 + (plain / name).read_bytes() == (marked / name).read_bytes()
        assert (
            b"\xef\xbb\xbfid,topic,summary\r\n"
            b"c1-latency,Attribution of the latency cut,The seed credits one cable;"
            b" other sources credit several.\r\n"
            b"c2-belarus,Belarus dialogue partner start,2009 or 2010.\r\n"
        ) == (marked / "conflicts.csv").read_bytes()
        frame = pd.read_csv(marked / "countries.csv", encoding="utf-8-sig")
        assert ["code", "Белоруссия"] == [frame.columns[0], frame["name_ru"][0]]

    def test_export_command(
        self, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, mini_dir: Path
    ) -> None:
        out = tmp_path / "out"
        assert 0 == main(["--data", str(mini_dir), "export", "--format", "csv", str(out), "--bom"])
        assert (f"wrote csv to {out}\n".encode(), b"") == capsysbinary.readouterr()
        plain = write_csv(mini.dataset(), tmp_path / "plain")
        for path in plain.iterdir():
            assert codecs.BOM_UTF8 + path.read_bytes() == (out / path.name).read_bytes()

    def test_output_bytes(self, capsysbinary: pytest.CaptureFixture[bytes], mini_dir: Path) -> None:
        argv = ["--data", str(mini_dir), "countries", "--status", "member", "--format", "csv"]
        assert 0 == main([*argv, "--as-of", "2017-01-01", "--bom"])
        assert (
            b"\xef\xbb\xbf" + COUNTRIES.encode() + b"CN,CHN,China,\xe4\xb8\xad\xe5\x9b\xbd,"
            b"\xd0\x9a\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9,eastern_asia\n"
            b"KG,KGZ,Kyrgyzstan,\xe5\x90\x89\xe5\xb0\x94\xe5\x90\x89\xe6\x96\xaf\xe6\x96\xaf"
            b"\xe5\x9d\xa6,\xd0\x9a\xd0\xb8\xd1\x80\xd0\xb3\xd0\xb8\xd0\xb7\xd0\xb8\xd1\x8f,"
            b"central_asia\n"
            b"UZ,UZB,Uzbekistan,\xe4\xb9\x8c\xe5\x85\xb9\xe5\x88\xab\xe5\x85\x8b\xe6\x96\xaf"
            b"\xe5\x9d\xa6,\xd0\xa3\xd0\xb7\xd0\xb1\xd0\xb5\xd0\xba\xd0\xb8\xd1\x81\xd1\x82"
            b"\xd0\xb0\xd0\xbd,central_asia\n",
            b"",
        ) == capsysbinary.readouterr()

    @pytest.mark.parametrize(
        "argv",
        [
            ["projects", "--country", "KG"],
            ["search", "cable"],
            ["show", "cable"],
            ["summary"],
            ["indicators"],
        ],
    )
    def test_every_csv_output(
        self, capsysbinary: pytest.CaptureFixture[bytes], mini_dir: Path, argv: list[str]
    ) -> None:
        data = ["--data", str(mini_dir)]
        assert 0 == main([*data, *argv, "--format", "csv"])
        plain = capsysbinary.readouterr().out
        assert 0 == main([*data, *argv, "--format", "csv", "--bom"])
        assert (codecs.BOM_UTF8 + plain, b"") == capsysbinary.readouterr()

    def test_utf8_whatever_the_terminal_encoding(self, mini_dir: Path) -> None:
        """Redirected output on Windows is cp1252: --bom writes UTF-8 all the same."""
        argv = ["--data", str(mini_dir), "countries", "--format", "csv"]
        environment = {**os.environ, "PYTHONIOENCODING": "cp1252"}

        marked = subprocess.run(
            [sys.executable, "-m", "sco_digital", *argv, "--bom"],
            capture_output=True,
            check=True,
            env=environment,
        ).stdout
        assert marked.startswith(codecs.BOM_UTF8 + COUNTRIES.encode())
        assert "CN,CHN,China,中国,Китай,eastern_asia\n" in marked.decode("utf-8-sig")

    @pytest.mark.parametrize(
        ("argv", "command"),
        [
            (["projects", "--bom"], "projects"),
            (["projects", "--format", "json", "--bom"], "projects"),
            (["export", "--format", "sqlite", "x.db", "--bom"], "export"),
            (["export", "--format", "datapackage", "x", "--bom"], "export"),
        ],
    )
    def test_only_with_csv(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], command: str
    ) -> None:
        assert 2 == main(argv)
        assert ("", f"sco-digital: {command}: --bom goes with --format csv\n") == (
            capsys.readouterr()
        )
