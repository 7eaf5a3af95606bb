"""The sco-digital command line, in process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import mini
import sco_digital as sd
from sco_digital._registry import RECORD_FILES
from sco_digital.cli import main
from sco_digital.export import write_json

COUNTRIES_HEADER = (
    "code,alpha3,name,name_zh,name_ru,region,status,since,until,memberships,aliases,"
    "localized_names,sources"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestOutput:
    def test_projects_table(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """In a pipe every cell is whole, the name included."""
        status, out, err = run(capsys, "--data", str(mini_dir), "projects", "--country", "Kirgizia")
        assert (0, "") == (status, err)
        assert [
            "ID     STARTED  STATUS       COUNTRIES  NAME",
            "-----  -------  -----------  ---------  ---------------------------------------",
            "cable           operational  CN KG UZ   China-Kyrgyzstan-Uzbekistan fibre cable",
        ] == out.splitlines()

    @pytest.mark.parametrize(
        "argv",
        [
            ["projects"],
            ["indicators"],
            ["countries"],
            ["search", "fibre"],
            ["summary"],
            ["places"],
        ],
    )
    def test_one_line_per_record_in_a_pipe(
        self, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """`sco-digital projects | wc -l` counts the records and the two header lines."""
        status, out, _ = run(capsys, *argv)
        assert 0 == status
        lines = out.splitlines()
        ds = sd.load()
        expected = {
            "projects": len(ds.projects),
            "indicators": len(ds.indicators),
            "countries": len(ds.countries),
            "search": len(ds.search("fibre")),
            "places": len(ds.places),
            "summary": len(RECORD_FILES) + 3,  # the title, the members and a blank line
        }[argv[0]]
        assert expected + 2 == len(lines)
        assert "…" not in out

    def test_json_carries_every_field(
        self, capsys: pytest.CaptureFixture[str], mini_dir: Path
    ) -> None:
        """--format json has every field of the records, many values as lists."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "projects", "--format", "json")
        rows = {row["id"]: row for row in json.loads(out)}
        assert 0 == status
        cable = sd.load(mini_dir).project("cable")
        assert {f.name for f in attrs.fields(sd.Project)} - {"participants"} <= set(rows["cable"])
        assert ["CN", "KG", "UZ"] == rows["cable"]["countries"]
        assert [f"{p.country}:{p.role.value}" for p in cable.participants] == rows["cable"]["roles"]
        assert ["fiber_optics"] == rows["cable"]["technologies"]

    def test_csv(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """--format csv prints a header and one line per row, with status and since."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "countries", "--format", "csv")
        assert 0 == status
        assert [
            COUNTRIES_HEADER,
            "BY,BLR,Belarus,白俄罗斯,Белоруссия,eastern_europe,member,2024-07-04,,"
            "dialogue_partner 2009-06 to 2015; observer 2015 to 2024-07-04; member 2024-07-04,"
            "Republic of Belarus,,tass; xinhua; seed",
        ] == (out.splitlines()[:2])

    def test_countries_by_status(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Countries --status --as-of lists the countries holding it that day, and since when."""
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
        assert [
            "CODE  NAME     REGION          STATUS          SINCE",
            "----  -------  --------------  --------------  -----",
            "BY    Belarus  eastern_europe  Observer state  2015",
        ] == out.splitlines()

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
            "places": 2,
        } == {r["table"]: r["records"] for r in json.loads(out)}

    def test_show(self, capsys: pytest.CaptureFixture[str], mini_dir: Path) -> None:
        """Show prints a record with its publishers, conflicts and indicators."""
        status, out, _ = run(capsys, "--data", str(mini_dir), "show", "cable")
        assert 0 == status
        assert "id:           cable" == out.splitlines()[0]
        assert "  - People's Daily Online" in out
        assert "  - c1-latency" in out
        assert "  - latency: Cut in regional network latency: 40%" in out

    def test_show_never_breaks_an_id(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Wrapped at 80 columns in a pipe, ids and the sources of list items stay
        whole, written as words rather than Python lists.
        """
        status, out, _ = run(capsys, "show", "pakistan")
        assert 0 == status
        lines = out.splitlines()
        assert all(len(line) <= 80 or " " not in line.strip() for line in lines)
        for source in sd.load().country("PK").memberships[0].sources:
            assert any(source in line for line in lines), source
        assert "['" not in out
        assert (
            "  - status=observer, since=2005-07-05, until=2017-06-09,"
            == lines[lines.index("memberships:") + 1]
        )

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


@pytest.fixture
def placed_dir(tmp_path: Path) -> Path:
    """
    The mini dataset with places: the cable at Bishkek and Tashkent (about
    470 km apart), the 2021 forum at Bishkek.
    """
    ds = mini.dataset()
    at = {"cable": ("bishkek", "tashkent"), "forum-2021": ("bishkek",)}
    projects = [attrs.evolve(p, places=at.get(p.id, ())) for p in ds.projects]
    return write_json(attrs.evolve(ds, projects=projects), tmp_path / "placed")


BISHKEK = {
    "id": "bishkek",
    "name": "Bishkek",
    "name_zh": None,
    "name_ru": None,
    "country": "KG",
    "latitude": 42.87,
    "longitude": 74.59,
    "geonames_id": 1528675,
    "admin1": "KG.01",
    "precision": "city",
    "sources": ["seed"],
    "note": None,
}
"""The mini place Bishkek in JSON: every field, the numbers as numbers."""
PLACES_HEADER = (
    "id,name,name_zh,name_ru,country,latitude,longitude,geonames_id,admin1,precision,sources,note"
)


class TestPlaces:
    def test_places_table(self, capsys: pytest.CaptureFixture[str], placed_dir: Path) -> None:
        """One line per place, the coordinates to five places and aligned to the right."""
        status, out, err = run(capsys, "--data", str(placed_dir), "places")
        assert (0, "") == (status, err)
        assert [
            "ID        COUNTRY  PRECISION  LATITUDE  LONGITUDE  NAME",
            "--------  -------  ---------  --------  ---------  --------",
            "bishkek   KG       city       42.87000   74.59000  Bishkek",
            "tashkent  UZ       city       41.26465   69.21627  Tashkent",
        ] == out.splitlines()

    @pytest.mark.parametrize(
        ("argv", "ids"),
        [
            (["--country", "Kirgizia"], ["bishkek"]),
            (["--country", "UZB"], ["tashkent"]),
            (["--country", "CN"], []),
            (["--precision", "town"], ["bishkek", "tashkent"]),
            (["--precision", "country"], []),
            (["--country", "UZ", "--precision", "city"], ["tashkent"]),
        ],
    )
    def test_places_filters(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path, argv: list[str], ids: list[str]
    ) -> None:
        """--country takes any name of a country, --precision any name of a precision."""
        status, out, _ = run(capsys, "--data", str(placed_dir), "places", *argv, "--format", "json")
        assert (0, ids) == (status, [row["id"] for row in json.loads(out)])

    def test_places_csv_and_json(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path
    ) -> None:
        """Every field, the coordinates and GeoNames id as numbers in JSON."""
        _, out, _ = run(capsys, "--data", str(placed_dir), "places", "--format", "csv")
        assert [
            PLACES_HEADER,
            "bishkek,Bishkek,,,KG,42.87,74.59,1528675,KG.01,city,seed,",
            'tashkent,Tashkent,,,UZ,41.26465,69.21627,,,city,tass,"No GeoNames id, to test its'
            ' absence."',
        ] == out.splitlines()
        _, out, _ = run(capsys, "--data", str(placed_dir), "places", "--format", "json")
        assert BISHKEK == json.loads(out)[0]

    def test_show_place(self, capsys: pytest.CaptureFixture[str], placed_dir: Path) -> None:
        """A place id shows the place and the projects at it."""
        status, out, _ = run(capsys, "--data", str(placed_dir), "show", "tashkent")
        assert 0 == status
        assert [
            "id:           tashkent",
            "name:         Tashkent",
            "country:      UZ",
            "latitude:     41.26465",
            "longitude:    69.21627",
            "precision:    city",
            "sources:",
            "  - tass",
            "note:         No GeoNames id, to test its absence.",
            "projects:",
            "  - cable",
        ] == out.splitlines()

    def test_show_place_json_and_csv(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path
    ) -> None:
        """--format json and csv give the place's fields, as for the other records."""
        _, out, _ = run(capsys, "--data", str(placed_dir), "show", "bishkek", "--format", "json")
        assert BISHKEK == json.loads(out)
        _, out, _ = run(capsys, "--data", str(placed_dir), "show", "tashkent", "--format", "csv")
        assert [
            PLACES_HEADER,
            'tashkent,Tashkent,,,UZ,41.26465,69.21627,,,city,tass,"No GeoNames id, to test its'
            ' absence."',
        ] == out.splitlines()

    def test_show_country_lists_its_places(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path
    ) -> None:
        status, out, _ = run(capsys, "--data", str(placed_dir), "show", "Kirgizia")
        assert 0 == status
        assert ["projects:", "  - cable", "places:", "  - bishkek"] == out.splitlines()[-4:]

    def test_show_order(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A country's name or code is the country, even where a place has it as
        its id (pakistan), and the country lists that place; a place id that
        names no country is the place.
        """
        ds = sd.load()
        for key, shown in [("pakistan", "PK"), ("China", "CN"), ("uz", "UZ")]:
            status, out, _ = run(capsys, "show", key, "--format", "json")
            assert (0, shown) == (status, json.loads(out)["code"])
            _, out, _ = run(capsys, "show", key)
            places = [f"  - {p.id}" for p in ds.places if p.country == shown]
            assert ["places:", *places] == out.splitlines()[-len(places) - 1 :]
        assert "pakistan" in [p.id for p in ds.places]
        for key in ("tashkent", "gwadar", "xian"):
            status, out, _ = run(capsys, "show", key, "--format", "json")
            assert (0, sd.load().place(key).name) == (status, json.loads(out)["name"])

    def test_unknown_id_suggests_places(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path
    ) -> None:
        status, out, err = run(capsys, "--data", str(placed_dir), "show", "tashkint")
        assert (2, "", "sco-digital: unknown record 'tashkint'; did you mean 'tashkent'?\n") == (
            status,
            out,
            err,
        )

    @pytest.mark.parametrize("name", ["Tashkent", "TASHKENT", "Ташкент", "塔什干"])
    def test_show_a_place_by_name(self, capsys: pytest.CaptureFixture[str], name: str) -> None:
        """A place is found by its name in English, Russian or Chinese, as countries are."""
        status, out, err = run(capsys, "show", name)
        assert (0, "") == (status, err)
        assert "id:           tashkent" == out.splitlines()[0]
        _, at, _ = run(capsys, "projects", "--place", name, "--format", "json")
        assert sorted(p.id for p in sd.load().by_place("tashkent")) == sorted(
            row["id"] for row in json.loads(at)
        )

    @pytest.mark.parametrize(
        ("argv", "ids"),
        [
            (["--place", "tashkent"], ["cable"]),
            (["--place", "bishkek"], ["cable", "forum-2021"]),
            (["--place", "bishkek", "--country", "BY"], ["forum-2021"]),
            (["--place", "bishkek", "--technology", "5G", "--active-in", "2021"], ["forum-2021"]),
            (["--place", "tashkent", "--sector", "trade"], []),
            (["--near", "41.3,69.24", "--km", "25"], ["cable"]),
            (["--near", "41.3,69.24", "--km", "0"], []),
            (["--near", "42.87,74.59", "--km", "0"], ["cable", "forum-2021"]),
            (["--near", "41.3,69.24", "--km", "500"], ["cable", "forum-2021"]),
            (["--near", "41.3,69.24", "--km", "500", "--status", "completed"], ["forum-2021"]),
            (["--near", "41.3,69.24", "--km", "25", "--place", "bishkek"], ["cable"]),
            (["--near", "41.3,69.24", "--km", "25", "--place", "bishkek", "--country", "BY"], []),
            (["--near=-33.9,18.4", "--km", "1000"], []),
            (["--near", " +41.3 , 69.24 ", "--km", "25."], ["cable"]),
        ],
    )
    def test_projects_at_or_near(
        self, capsys: pytest.CaptureFixture[str], placed_dir: Path, argv: list[str], ids: list[str]
    ) -> None:
        """--place and --near/--km narrow the other filters: every one given must match."""
        status, out, err = run(
            capsys, "--data", str(placed_dir), "projects", *argv, "--format", "json"
        )
        assert (0, "", ids) == (status, err, [row["id"] for row in json.loads(out)])

    def test_projects_at_or_near_bundled(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The bundled data answers as `by_place` and `near` do."""
        ds = sd.load()
        _, out, _ = run(capsys, "projects", "--place", "gwadar", "--format", "json")
        assert [p.id for p in ds.by_place("gwadar")] == [row["id"] for row in json.loads(out)]
        _, out, _ = run(
            capsys, "projects", "--near", "41.3,69.24", "--km", "25", "--sector", "education"
        )
        near = {p.id for p in ds.near(41.3, 69.24, 25)}
        expected = [p.id for p in ds.by_sector("education") if p.id in near]
        assert expected == [line.split()[0] for line in out.splitlines()[2:]]
        assert expected


class TestErrors:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["projects", "--country", "Uzbekstan"],
                "sco-digital: projects: argument --country: unknown country 'Uzbekstan';"
                " did you mean 'Uzbekistan'?\n",
            ),
            (
                ["projects", "--technology", "blokchain"],
                "sco-digital: projects: argument --technology: unknown technology 'blokchain';"
                " did you mean 'Blockchain'?\n",
            ),
            (
                ["countries", "--as-of", "2017-13-01"],
                "sco-digital: countries: argument --as-of: '2017-13-01' is not a day of the"
                " form YYYY-MM-DD, such as 2024-07-04\n",
            ),
            (["show", "nothing-like-this"], "sco-digital: unknown record 'nothing-like-this'\n"),
            (["search", "--"], "sco-digital: search: the following arguments are required: text\n"),
            (
                ["projects", "--active-in", "soon"],
                "sco-digital: projects: argument --active-in: 'soon' is not a year of four"
                " digits, such as 2025\n",
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
            "places",
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
        ["show", "tashkent"],
        ["places", "--country", "UZ"],
        ["projects", "--near", "41.3,69.24", "--km", "25"],
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
    expected = (
        "sco-digital: projects: argument --country: unknown country 'Narnia';"
        " did you mean 'Armenia'?\n"
    )
    assert (2, "", expected) == (
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


YEAR = "is not a year of four digits, such as 2025"
POINT = (
    "is not a point LAT,LON in decimal degrees, latitude -90 to 90 and longitude -180 to 180,"
    " such as 41.3,69.24"
)
KM = "is not a distance in kilometres, 0 or more in decimal digits, such as 25"
DAY = "is not a day of the form YYYY-MM-DD, such as 2024-07-04"
NO_DIR = "an empty string is not a directory; give one, or none for the bundled data"


class TestOptionValues:
    """A bad value of any option is a usage error: exit 2, one line on stderr."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            # --active-in: four ASCII digits, nothing else
            *(
                (
                    ["projects", "--active-in", year],
                    f"projects: argument --active-in: {year!r} {YEAR}",
                )
                for year in (
                    "20255",
                    "202",
                    "-2025",
                    "+2025",
                    "2_025",
                    " 2025",
                    "٢٠٢٥",
                    "2025.0",
                    "",
                )
            ),
            # --as-of: a real day, written YYYY-MM-DD
            *(
                (["countries", "--as-of", day], f"countries: argument --as-of: {day!r} {DAY}")
                for day in ("2025-02-30", "20250101", "2025-W01-1", "2025-1-1", "2025", "")
            ),
            # vocabularies and keys
            (
                ["countries", "--status", "king"],
                "countries: argument --status: unknown status 'king'",
            ),
            (
                ["projects", "--status", "finished-ish"],
                "projects: argument --status: unknown project status 'finished-ish'",
            ),
            (
                ["projects", "--technology", ""],
                "projects: argument --technology: unknown technology ''",
            ),
            (
                ["projects", "--sector", "weaving"],
                "projects: argument --sector: unknown sector 'weaving'",
            ),
            (
                ["projects", "--kind", "banquet"],
                "projects: argument --kind: unknown project kind 'banquet'",
            ),
            (["projects", "--country", ""], "projects: argument --country: unknown country ''"),
            (
                ["projects", "--organization", "nobody"],
                "projects: argument --organization: unknown organization 'nobody'",
            ),
            (
                ["indicators", "--subject", ""],
                "indicators: argument --subject: unknown project, organization or country ''",
            ),
            (["show", ""], "unknown record ''"),
            (
                ["places", "--country", "Narnia"],
                "places: argument --country: unknown country 'Narnia'",
            ),
            (
                ["places", "--precision", "street"],
                "places: argument --precision: unknown precision 'street'",
            ),
            (
                ["projects", "--place", "gwadr"],
                "projects: argument --place: unknown place 'gwadr'; did you mean 'gwadar'?",
            ),
            (
                ["projects", "--near", "-8.65,115.22", "--km", "5"],
                "projects: argument --near: expected one argument (write a southern latitude"
                " with =, as in --near=-8.65,115.22)",
            ),
            (["projects", "--place", ""], "projects: argument --place: unknown place ''"),
            # --near LAT,LON and --km: numbers on the globe, a distance of 0 or more, together
            *(
                (
                    ["projects", f"--near={point}", "--km", "5"],
                    f"projects: argument --near: {point!r} {POINT}",
                )
                for point in (
                    "abc",
                    "41.3",
                    "41.3,",
                    ",69.2",
                    "41.3;69.2",
                    "91,69.2",
                    "-90.5,0",
                    "41.3,180.5",
                    "41.3,69.2,1",
                    "nan,0",
                    "inf,0",
                    "4e1,69",
                    "٤١,٦٩",
                    "",
                )
            ),
            *(
                (
                    ["projects", "--near", "41.3,69.2", "--km", km],
                    f"projects: argument --km: {km!r} {KM}",
                )
                for km in ("-1", "-0.5", "five", "inf", "nan", "1e3", "9" * 400, "")
            ),
            (["projects", "--km", "5"], "projects: argument --km: goes with --near LAT,LON"),
            (
                ["projects", "--near", "41.3,69.2"],
                "projects: argument --near: needs --km, the greatest distance",
            ),
            (
                ["projects", "--near", "-8.6,115.2", "--km", "5"],
                "projects: argument --near: expected one argument",
            ),
            (["search", " "], "search text has no words: ' '"),
            # formats and paths
            *(
                (
                    [command, "--format", "xml"],
                    f"{command}: argument --format: invalid choice: 'xml'",
                )
                for command in ("summary", "countries", "projects", "indicators", "places")
            ),
            (["export", "--format", "xlsx", "out"], "export: argument --format: invalid choice"),
            (
                ["export", "--format", "csv", ""],
                "export: argument out: an empty string is not a path",
            ),
            (["validate", ""], f"validate: argument dir: {NO_DIR}"),
            (["--data", "", "summary"], f"argument --data: {NO_DIR}"),
        ],
    )
    def test_bad_value(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Each bad value gets the usage error, never a listing or a traceback."""
        status, out, err = run(capsys, *argv)
        assert (2, "", 1) == (status, out, err.count("\n"))
        assert err.startswith(f"sco-digital: {message}"), err

    def test_good_values_still_work(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The forms the usage errors leave: a year, a day."""
        status, out, _ = run(capsys, "projects", "--active-in", "2025", "--format", "json")
        expected = [p.id for p in sd.load().filter(active_in=2025)]
        assert (0, expected) == (status, [row["id"] for row in json.loads(out)])
        status, out, _ = run(capsys, "countries", "--status", "member", "--as-of", "2017-06-08")
        assert 0 == status
        assert ["CN", "KG", "KZ", "RU", "TJ", "UZ"] == [
            line.split()[0] for line in out.splitlines()[2:]
        ]


class TestExitStatuses:
    """The statuses that are not about the data or the command line, in process."""

    def test_memory_error(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Memory running out: one line, status 3."""

        def starve(*_: object) -> None:
            raise MemoryError

        monkeypatch.setattr("sco_digital._loader.load", starve)
        assert (3, "", "sco-digital: out of memory\n") == run(capsys, "summary")

    def test_interrupt(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C: one line, status 130."""

        def interrupt(*_: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr("sco_digital._loader.load", interrupt)
        assert (130, "", "sco-digital: interrupted\n") == run(capsys, "projects")

    def test_invalid_data_is_bounded(
        self, capsys: pytest.CaptureFixture[str], mini_dir: Path
    ) -> None:
        """A file with 250 bad records: the first 100 listed, then a count of the rest."""
        (mini_dir / "projects.json").write_text("[" + ",".join(["1"] * 250) + "]")
        status, out, err = run(capsys, "validate", str(mini_dir))
        lines = err.splitlines()
        assert (1, "", 102) == (status, out, len(lines))
        assert [
            f"sco-digital: projects.json[{i}]: expected an object, got a number" for i in range(100)
        ] == lines[:100]
        assert [
            "sco-digital: manifest.json.counts.projects: says 4 but projects.json has 250 records",
            "sco-digital: and 150 more problems in projects.json",
        ] == lines[100:]

    def test_escaped_echo(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Paths echoed on stdout and stderr never carry terminal escapes or bidi overrides."""
        hostile = tmp_path / "x\x1b[31mred\u202eevil"
        status, out, err = run(capsys, "validate", str(hostile))
        assert (1, "") == (status, out)
        assert "\x1b" not in err
        assert "\u202e" not in err
        assert err.endswith(
            "x\\x1b[31mred\\u202eevil: does not exist; expected a directory of data files\n"
        )
        status, out, _ = run(capsys, "export", "--format", "json", str(hostile))
        assert (0, f"wrote json to {tmp_path}/x\\x1b[31mred\\u202eevil\n") == (status, out)
