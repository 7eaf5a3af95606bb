"""The sco-digital command line, in process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sco_digital as sd
from sco_digital.cli import main
from sco_digital.export import to_records


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestOutput:
    def test_projects_table(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """The table fits 80 columns; a long id gets its own line, never clipped."""
        status, out, err = run(capsys, "--data", str(mini_dir), "projects", "--country", "Kirgizia")
        assert (0, "") == (status, err)
        assert [
            "ID                                    STARTED     STATUS       COUNTRIES",
            "------------------------------------  ----------  -----------  -----------------",
            "cable                                             operational  CN KG UZ",
        ] == out.splitlines()

    def test_long_key_gets_own_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Ids longer than the column are printed whole on a line of their own."""
        status, out, _ = run(capsys, "projects", "--technology", "data sharing")
        assert 0 == status
        assert "china-sco-local-econ-trade-comprehensive-service-platform" in out.splitlines()
        assert max(len(line) for line in out.splitlines()) <= 80

    def test_json_is_to_records(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """--format json prints exactly the rows of to_records."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "projects", "--format", "json")
        expected = to_records(sd.load(mini_dir), "projects")
        assert (0, expected) == (status, json.loads(out))

    def test_csv(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """--format csv prints a header and one line per row."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "countries", "--format", "csv")
        assert 0 == status
        assert [
            "code,alpha3,name,name_zh,name_ru,region",
            "BY,BLR,Belarus,白俄罗斯,Белоруссия,eastern_europe",
        ] == (out.splitlines()[:2])

    def test_countries_by_status(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Countries --status --as-of lists the countries holding it that day."""
        status, out, _ = run(
            capsys,
            "--data",
            str(mini_dir),
            "countries",
            "--status",
            "observer",
            "--as-of",
            "2020-01-01",
        )
        assert 0 == status
        assert (
            "BY    Belarus                 eastern_europe      Observer state"
            == out.splitlines()[2]
        )
        assert 3 == len(out.splitlines())

    def test_summary(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Summary counts every table."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "summary", "--format", "json")
        assert 0 == status
        assert {
            "countries": 5,
            "projects": 4,
            "indicators": 4,
            "organizations": 2,
            "sources": 4,
            "conflicts": 2,
        } == {r["table"]: r["records"] for r in json.loads(out)}

    def test_show(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Show prints a record with its publishers, conflicts and indicators."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "show", "cable")
        assert 0 == status
        assert "id:           cable" == out.splitlines()[0]
        assert "  - People's Daily Online" in out
        assert "  - c1-latency" in out
        assert "  - latency: Cut in regional network latency: 40%" in out

    def test_show_country_by_name(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Show accepts a country name and lists its projects."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "show", "Belarus", "--format", "json")
        assert 0 == status
        assert "BY" == json.loads(out)["code"]

    def test_indicators_and_search(
        self, capsys: pytest.CaptureFixture[str], mini_dir: Path
    ) -> None:
        """Indicators --subject and search filter as the Dataset methods do."""
        _, out, _ = run(
            capsys, "--data", str(mini_dir), "indicators", "--subject", "China", "--format", "json"
        )
        assert ["trade"] == [r["id"] for r in json.loads(out)]
        _, out, _ = run(capsys, "--data", str(mini_dir), "search", "karamay", "--format", "json")
        assert ["center-branch"] == [r["id"] for r in json.loads(out)]

    def test_no_results(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """An empty result says so."""
        _, out, _ = run(capsys, "--data", str(mini_dir), "projects", "--country", "LA")
        assert "(no results)\n" == out

    def test_cite(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Cite names the data version; --bibtex gives an entry."""
        _, out, _ = run(capsys, "cite", "--bibtex")
        assert out.startswith(f"@misc{{sco_digital_{sd.DATA_VERSION.replace('.', '_')},")
        assert f"version = {{{sd.DATA_VERSION}}}," in out

    def test_validate(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Validate DIR loads and checks a directory."""
        status, out, _ = run(capsys, "validate", str(mini_dir))
        assert 0 == status
        assert out.startswith(f"{mini_dir}: valid (<Dataset 2025.08.29")

    def test_export_json(
        self, capsys: pytest.CaptureFixture[str], mini_dir: Path, tmp_path: Path
    ) -> None:
        """Export --format json writes files that load back equal; --force to replace."""
        out_dir = tmp_path / "out"
        assert 0 == main(["--data", str(mini_dir), "export", "--format", "json", str(out_dir)])
        assert sd.load(out_dir) == sd.load(mini_dir)
        assert 2 == main(["--data", str(mini_dir), "export", "--format", "json", str(out_dir)])
        assert "refusing to overwrite" in capsys.readouterr().err
        assert 0 == main(
            ["--data", str(mini_dir), "export", "--format", "json", str(out_dir), "--force"]
        )


class TestErrors:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["projects", "--country", "Uzbekstan"],
                "sco-digital: unknown country 'Uzbekstan'; did you mean 'Uzbekistan'?\n",
            ),
            (
                ["projects", "--technology", "blokchain"],
                "sco-digital: unknown technology 'blokchain'; did you mean 'Blockchain'?\n",
            ),
            (
                ["countries", "--as-of", "2017-13-01"],
                "sco-digital: --as-of: '2017-13-01' is not a date of the form YYYY-MM-DD\n",
            ),
            (["show", "nothing-like-this"], "sco-digital: unknown record 'nothing-like-this'\n"),
            (["search", "--"], "sco-digital: search: the following arguments are required: text\n"),
            (
                ["projects", "--active-in", "soon"],
                "sco-digital: projects: argument --active-in: invalid int value: 'soon'\n",
            ),
            (
                ["frobnicate"],
                "sco-digital: argument COMMAND: invalid choice: 'frobnicate' (choose from ",
            ),
        ],
    )
    def test_usage_errors(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Usage errors exit 2 with one line on stderr."""
        status, out, err = run(capsys, *argv)
        assert (2, "", 1) == (status, out, err.count("\n"))
        assert err.startswith(message)

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No command prints the help and exits 2."""
        status, out, _ = run(capsys)
        assert 2 == status
        assert out.startswith("usage: sco-digital")

    def test_invalid_data(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Invalid data exits 1, one line per problem."""
        (mini_dir / "sources.json").write_text("[", encoding="utf-8")
        (mini_dir / "projects.json").unlink()
        status, out, err = run(capsys, "validate", str(mini_dir))
        assert (1, "") == (status, out)
        assert [
            "sco-digital: sources.json: is not valid JSON: Expecting value at line 1, column 2",
            "sco-digital: projects.json: file is missing",
        ] == err.splitlines()

    def test_help_has_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every command's --help shows an example."""
        for command in (
            "summary",
            "countries",
            "projects",
            "show",
            "indicators",
            "search",
            "export",
            "validate",
            "cite",
        ):
            status, out, _ = run(capsys, command, "--help")
            assert 0 == status
            assert f"examples:\n  sco-digital {command}" in out, command


@pytest.mark.parametrize(
    "argv",
    [
        ["summary"],
        ["countries", "--status", "partner"],
        ["projects", "--country", "KG"],
        ["show", "soho-cloud"],
        ["indicators", "--subject", "soho-cloud"],
        ["search", "luban"],
        ["validate"],
        ["cite"],
    ],
)
def test_subprocess(argv: list[str]) -> None:
    """Each command works as a real process, via python -m sco_digital."""
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", *argv], capture_output=True, text=True, check=False
    )
    assert (0, "") == (done.returncode, done.stderr)
    assert done.stdout


def test_subprocess_usage_error() -> None:
    """A usage error in a real process: exit 2, one line, no traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", "projects", "--country", "Narnia"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (2, "", "sco-digital: unknown country 'Narnia'; did you mean 'Armenia'?\n") == (
        done.returncode,
        done.stdout,
        done.stderr,
    )


def test_subprocess_export(tmp_path: Path) -> None:
    """Export as a real process."""
    done = subprocess.run(
        [sys.executable, "-m", "sco_digital", "export", "--format", "json", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, "") == (done.returncode, done.stderr)
    assert sd.load(tmp_path / "x") == sd.load()
