"""
Tables that fit the terminal: the README's command-line examples at 60, 80 and
200 columns and through a pipe, and the layout rules one by one.
"""

from __future__ import annotations

import os
import pty
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import sco_digital as sd
from sco_digital._analysis import figure_text
from sco_digital._display import ViewColumn
from sco_digital._terminal import layout, terminal_width
from sco_digital.cli import main

ROOT = Path(__file__).parents[2]


def readme_commands() -> list[list[str]]:
    """The sco-digital commands of the README's command-line section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The command line", 1)[1].split("```console\n", 1)[1].split("```")[0]
    return [shlex.split(line)[1:] for line in section.splitlines() if line.strip()]


README = readme_commands()


def as_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], width: int
) -> tuple[int, str, str]:
    """Run the command as a terminal *width* columns wide would."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_readme_lists_the_commands() -> None:
    assert ["summary"] == README[0]
    assert ["projects", "--country", "KG", "--technology", "5G", "--format", "csv"] in README
    assert 9 == len(README)


@pytest.mark.parametrize("width", [60, 80, 200])
@pytest.mark.parametrize("argv", README, ids=" ".join)
def test_readme_example_fits(
    argv: list[str],
    width: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """Every line of a table or a record fits; CSV, BibTeX and JSON are data, not fitted."""
    monkeypatch.chdir(tmp_path)
    if argv[0] == "validate":  # of the export the README writes first
        assert 0 == main(["export", "--format", "json", "./my-data/"])
        capsys.readouterr()
    status, out, err = as_terminal(monkeypatch, capsys, argv, width)
    assert (0, "") == (status, err)
    if "--format" in argv or argv[0] in {"cite", "validate", "export"}:
        return
    too_long = [line for line in out.splitlines() if len(line) > width]
    assert [] == too_long


@pytest.mark.parametrize("width", [60, 80, 200])
def test_figures_are_never_clipped(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = as_terminal(monkeypatch, capsys, ["indicators"], width)
    assert 0 == status
    for indicator in sd.load().indicators:
        assert re.search(
            rf"^{re.escape(indicator.id)} .*{re.escape(figure_text(indicator))}$", out, re.MULTILINE
        )


@pytest.mark.parametrize("width", [60, 80, 200])
def test_countries_show_status_and_since(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["countries", "--status", "member", "--as-of", "2024-07-04"]
    status, out, _ = as_terminal(monkeypatch, capsys, argv, width)
    assert 0 == status
    assert re.search(r"^BY +Belarus .*Member state +2024-07-04$", out, re.MULTILINE)
    assert re.search(r"^IN +India .*Member state +2017-06-09$", out, re.MULTILINE)


def test_wide_terminal_shows_the_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = as_terminal(
        monkeypatch, capsys, ["projects", "--country", "KG", "--technology", "5G"], 200
    )
    assert out.splitlines()[0].split() == ["ID", "STARTED", "STATUS", "COUNTRIES", "NAME"]
    for project in sd.load().filter(country="KG", technology="5G"):
        assert project.name in out


@pytest.mark.parametrize("argv", [["projects"], ["search", "luban"], ["indicators"]])
def test_pipe_has_one_line_per_record(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Output that is not a terminal is never clipped, whatever COLUMNS says."""
    assert 0 == main(argv)
    out = capsys.readouterr().out
    ds = sd.load()
    count = {
        "projects": len(ds.projects),
        "search": len(ds.search("luban")),
        "indicators": len(ds.indicators),
    }
    assert count[argv[0]] + 2 == len(out.splitlines())
    assert "…" not in out


def test_a_real_pipe() -> None:
    """`sco-digital projects | wc -l`: the projects and the two header lines."""
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", "projects"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert len(sd.load().projects) + 2 == len(done.stdout.splitlines())


def test_a_real_terminal() -> None:
    """In a pseudo-terminal 60 columns wide, no line is wider."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sco_digital", "search", "luban"],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=True,
            env={**os.environ, "COLUMNS": "60"},
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    lines = b"".join(chunks).decode().replace("\r\n", "\n").splitlines()
    assert b"" == done.stderr
    assert len(sd.load().search("luban")) + 2 == len(lines)
    assert 60 >= max(len(line) for line in lines)
    assert ["ID", "STARTED"] == lines[0].split()[:2]


class TestLayout:
    COLUMNS = (
        ViewColumn("KEY", lambda r, _: r, "key"),
        ViewColumn("FIGURE", lambda r, _: r, "whole"),
        ViewColumn("TEXT", lambda r, _: r, "clip"),
        ViewColumn("EXTRA", lambda r, _: r, "clip", optional=True),
    )
    ROWS = (
        ("a-rather-long-key", "more than 300 people", "some words to clip", "more"),
        ("b", "40%", "short", "x"),
    )

    def test_whole_in_a_pipe(self) -> None:
        assert [
            "KEY                FIGURE                TEXT                EXTRA",
            "-----------------  --------------------  ------------------  -----",
            "a-rather-long-key  more than 300 people  some words to clip  more",
            "b                  40%                   short               x",
        ] == layout(self.COLUMNS, self.ROWS, None).splitlines()

    def test_clipped_before_left_out(self) -> None:
        assert [
            "KEY                FIGURE                TEXT          EXTRA",
            "-----------------  --------------------  ------------  -----",
            "a-rather-long-key  more than 300 people  some words…   more",
            "b                  40%                   short         x",
        ] == layout(self.COLUMNS, self.ROWS, 60).splitlines()

    def test_optional_left_out_then_clipped(self) -> None:
        assert [
            "KEY                FIGURE                TEXT",
            "-----------------  --------------------  ---------",
            "a-rather-long-key  more than 300 people  some wor…",
            "b                  40%                   short",
        ] == layout(self.COLUMNS, self.ROWS, 50).splitlines()

    def test_keys_and_figures_whole_when_nothing_else_fits(self) -> None:
        lines = layout(self.COLUMNS, self.ROWS, 20).splitlines()
        assert "a-rather-long-key  more than 300 people  some wo…" == lines[2]

    def test_no_rows(self) -> None:
        assert "(no results)\n" == layout(self.COLUMNS, (), 80)

    def test_right_aligned_numbers(self) -> None:
        """A right column's header and words end at its edge, in a pipe and fitted."""
        columns = (
            ViewColumn("ID", lambda r, _: r, "key"),
            ViewColumn("LONGITUDE", lambda r, _: r, "whole", right=True),
            ViewColumn("NAME", lambda r, _: r, optional=True),
        )
        rows = (("beijing", "116.39723", "Beijing"), ("minsk", "27.56653", "Minsk"))
        assert [
            "ID       LONGITUDE  NAME",
            "-------  ---------  -------",
            "beijing  116.39723  Beijing",
            "minsk     27.56653  Minsk",
        ] == layout(columns, rows, None).splitlines()
        assert [
            "ID       LONGITUDE",
            "-------  ---------",
            "beijing  116.39723",
            "minsk     27.56653",
        ] == layout(columns, rows, 20).splitlines()


def test_places_fit_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """
    Places at 60 columns: the name goes; at 50, the precision too, and the
    table fits, with ids, countries and coordinates whole; at 80 every
    column is there.
    """
    status, out, err = as_terminal(monkeypatch, capsys, ["places", "--country", "KG"], 60)
    assert (0, "") == (status, err)
    assert [
        "ID          COUNTRY  PRECISION  LATITUDE  LONGITUDE",
        "----------  -------  ---------  --------  ---------",
        "batken      KG       city       40.06040   70.81929",
    ] == out.splitlines()[:3]
    for width in (60, 50):
        _, out, _ = as_terminal(monkeypatch, capsys, ["places"], width)
        assert all(width >= len(line) for line in out.splitlines()), width
    assert "ID                    COUNTRY  LATITUDE  LONGITUDE" == out.splitlines()[0]
    places = sd.load().places
    status, out, _ = as_terminal(monkeypatch, capsys, ["places"], 80)
    assert len(places) + 2 == len(out.splitlines())
    assert all(80 >= len(line) for line in out.splitlines())
    xian = next(line for line in out.splitlines() if line.startswith("xian "))
    assert ["xian", "CN", "city", "34.25833", "108.92861", "Xi\u2019an"] == xian.split()
    assert out.splitlines()[0].index("LONGITUDE") == xian.index("108.92861")  # as wide


class TestTerminalWidth:
    class Stream:
        def __init__(self, tty: bool) -> None:  # noqa: FBT001
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    def test_not_a_terminal(self) -> None:
        assert terminal_width(self.Stream(tty=False)) is None
        assert terminal_width(object()) is None

    def test_columns_first(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("COLUMNS", "123")
        assert 123 == terminal_width(self.Stream(tty=True))

    def test_never_narrower_than_twenty(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("COLUMNS", "3")
        assert 20 == terminal_width(self.Stream(tty=True))
