"""``sco-digital serve`` on the command line: errors, --save, and stopping."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import sco_digital as sd
from sco_digital import _datasette
from sco_digital.cli import main
from serving import start_server, stop


def test_without_datasette(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    assert 2 == main(["serve"])
    assert (
        "",
        "sco-digital: serve needs Datasette: pip install 'sco-digital[web]'\n",
    ) == capsys.readouterr()


@pytest.mark.parametrize("port", ["65536", "-1", "http", "\uff18\uff10", ""])
def test_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["serve", "--port", port])
    assert (
        f"sco-digital: serve: argument --port: {port!r} is not a port number from 0 to 65535\n"
        == capsys.readouterr().err
    )


def test_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert 2 == main(["serve", "--port", str(port)])
    err = capsys.readouterr().err
    assert err.startswith(f"sco-digital: cannot listen on 127.0.0.1 port {port}: ")
    assert err.count("\n") == 1


def test_unknown_host(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["serve", "--host", "no-such-host.invalid", "--port", "0"])
    assert capsys.readouterr().err.startswith(
        "sco-digital: cannot listen on no-such-host.invalid port 0: "
    )


def test_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "site"
    assert 0 == main(["serve", "--save", str(target)])
    assert (
        f"wrote {target / 'sco.db'}\nwrote {target / 'metadata.json'}\n" == capsys.readouterr().out
    )
    assert ["metadata.json", "sco.db"] == sorted(p.name for p in target.iterdir())
    saved = json.loads((target / "metadata.json").read_text(encoding="utf-8"))
    assert _datasette.metadata(sd.load()) == saved
    with sqlite3.connect(target / "sco.db") as db:
        assert [(len(sd.load().projects),)] == db.execute(
            "SELECT count(*) FROM projects"
        ).fetchall()
    # A second time: refused, both files untouched, nothing left behind.
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    assert 2 == main(["serve", "--save", str(target)])
    assert (
        f"sco-digital: refusing to overwrite {target / 'sco.db'}, {target / 'metadata.json'};"
        " pass overwrite=True (or --force)\n"
    ) == capsys.readouterr().err
    assert before == {p.name: p.read_bytes() for p in target.iterdir()}
    # With --force: replaced, the same bytes (the export is deterministic).
    assert 0 == main(["serve", "--save", str(target), "--force"])
    assert before == {p.name: p.read_bytes() for p in target.iterdir()}


def test_save_refuses_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "metadata.json").write_text("mine")
    assert 2 == main(["serve", "--save", str(tmp_path)])
    assert (
        f"sco-digital: refusing to overwrite {tmp_path / 'metadata.json'};"
        " pass overwrite=True (or --force)\n" == capsys.readouterr().err
    )
    assert ["metadata.json"] == [p.name for p in tmp_path.iterdir()]
    assert "mine" == (tmp_path / "metadata.json").read_text()


def test_help_names_the_extra(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "(needs the web extra)" in out
    assert "--port PORT" in out


@pytest.mark.parametrize(
    ("sent", "status", "said"),
    [
        (signal.SIGINT, 130, "sco-digital: interrupted\n"),
        pytest.param(signal.SIGTERM, 143, "", marks=pytest.mark.slow),
    ],
)
def test_stops_cleanly(tmp_path: Path, sent: signal.Signals, status: int, said: str) -> None:
    server = start_server(tmp_path)
    try:
        with urllib.request.urlopen(server.url, timeout=30) as page:  # noqa: S310 - our loopback
            assert 200 == page.status
        assert [p.name for p in tmp_path.iterdir()] != []  # the database, while it serves
        os.kill(server.process.pid, sent)
        out, err = server.process.communicate(timeout=30)
    finally:
        stop(server.process)
    assert (status, said) == (server.process.returncode, err)
    assert "" == out  # after the line giving the address, which start_server read
    assert [] == list(tmp_path.iterdir())  # the temporary database is gone


def test_open(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--open opens the address announced; the database lives only while serving."""
    import tempfile
    import webbrowser

    import uvicorn

    seen: dict[str, Any] = {}

    def run(_server: uvicorn.Server, sockets: list[socket.socket]) -> None:
        seen["address"] = sockets[0].getsockname()
        seen["files"] = sorted(p.name for p in tmp_path.rglob("*.db"))

    monkeypatch.setattr(uvicorn.Server, "run", run)
    monkeypatch.setattr(webbrowser, "open", lambda url: seen.setdefault("opened", url))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert 0 == main(["serve", "--open", "--port", "0"])
    url = "http://{}:{}/".format(*seen["address"])
    assert (
        f"Serving the SCO digital cooperation dataset at {url} (Ctrl-C to stop)\n"
        == capsys.readouterr().out
    )
    assert url == seen["opened"]
    assert ["sco.db"] == seen["files"]
    assert [] == list(tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("ci", "status", "said"),
    [
        ("", 0, "5 browser tests deselected: they need chromium and chromedriver"),
        ("true", 4, "ERROR: CI must have chromium and chromedriver"),
    ],
)
def test_browser_tests_without_chromium(ci: str, status: int, said: str) -> None:
    """Without Chromium the browser tests are left out with a note, and under CI refused."""
    browser_tests = Path(__file__).with_name("test_browser.py")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            str(browser_tests),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": str(Path(sys.executable).parent), "CI": ci},
        cwd=Path(__file__).parents[2],
    )
    assert status == done.returncode, done.stdout + done.stderr
    assert said in done.stdout + done.stderr
