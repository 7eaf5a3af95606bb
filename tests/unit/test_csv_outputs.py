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

# --format csv carries every field: many values joined with "; ".
PROJECTS = (
    "id,name,kind,status,started,ended,start,end,countries,roles,technologies,sectors,"
    "organizations,organization_roles,location,places,parent,aliases,identifiers,summary,note,"
    "sources,reviewed\n"
)
COUNTRIES = (
    "code,alpha3,name,name_zh,name_ru,region,status,since,until,memberships,aliases,"
    "localized_names,sources\n"
)
INDICATORS = (
    "id,subject,metric,label,value,unit,qualifier,text,low,high,period,period_end,as_of,"
    "note,sources,reviewed\n"
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

    def test_the_header_names_the_frame_columns(self) -> None:
        """The CSV has the columns of `Results.to_pandas`."""
        ds = sd.load()
        for records, header in (
            (ds.projects, PROJECTS),
            (ds.countries, COUNTRIES),
            (ds.indicators, INDICATORS),
        ):
            assert header == ",".join(records.to_pandas().columns) + "\n"


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
            b"\xef\xbb\xbf"
            + COUNTRIES.encode()
            + "CN,CHN,China,中国,Китай,eastern_asia,member,2001-06-15,,member 2001-06-15,"
            "People's Republic of China; PRC,,tass\n"
            "KG,KGZ,Kyrgyzstan,吉尔吉斯斯坦,Киргизия,central_asia,member,2001-06-15,,"
            "member 2001-06-15,Kyrgyz Republic; Kirgizia,,tass\n"
            "UZ,UZB,Uzbekistan,乌兹别克斯坦,Узбекистан,central_asia,member,2001-06-15,,"
            "member 2001-06-15,,,tass\n".encode(),
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
        assert "CN,CHN,China,中国,Китай,eastern_asia,member," in marked.decode("utf-8-sig")

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
