"""
The command line as real processes under hostile conditions: standard output
closed, a reader that went away, output encodings that cannot hold the data,
Ctrl-C at start-up and at work, memory running out. Every run ends with a
documented exit status and at most one line on stderr, never a traceback.

To keep the suite fast, "every command" runs in one process per condition
(DRIVER calls `main()` for each command line in turn, with the condition
set up for each); single commands also run as `python -m sco_digital` and
as the installed `sco-digital` script.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

PYTHON = sys.executable
SCRIPT = Path(sys.executable).parent / "sco-digital"
MODULE = [PYTHON, "-m", "sco_digital"]

# Every command that writes to standard output, in every output format.
COMMANDS = [
    *(
        [*argv, "--format", fmt]
        for argv in (
            ["summary"],
            ["countries"],
            ["countries", "--status", "member", "--as-of", "2024-07-04"],
            ["projects", "--country", "CN"],
            ["show", "CN"],
            ["show", "china-kyrgyzstan-uzbekistan-fiber-cable"],
            ["indicators"],
            ["search", "fibre"],
        )
        for fmt in ("table", "json", "csv")
    ),
    ["validate"],
    ["cite"],
    ["cite", "--bibtex"],
    ["--version"],
    ["--help"],
    ["projects", "--help"],
]

DRIVER = textwrap.dedent(
    """
    import json, os, sys
    from sco_digital.cli import main
    saved = os.dup(1) if sys.stdout is not None else None
    for argv in json.loads(sys.argv[1]):
        status = main(argv)
        if sys.stdout is not None:
            sys.stdout.flush()
            os.dup2(saved, 1)  # undo what main() did after a broken pipe
        sys.stderr.write(f"<status {status}>\\n")
        sys.stderr.flush()
    """
)


def drive(commands: list[list[str]], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """Run DRIVER over *commands* in one process."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [PYTHON, "-c", DRIVER, json.dumps(commands)], capture_output=False, check=False, **kwargs
    )


def runs(stderr: str) -> list[tuple[str, int]]:
    """(what each run wrote to stderr, its status), from DRIVER's stderr."""
    found = []
    text = ""
    for line in stderr.splitlines(keepends=True):
        if line.startswith("<status "):
            found.append((text, int(line[8:-2])))
            text = ""
        else:
            text += line
    return found


class TestClosedStdout:
    def test_every_command(self) -> None:
        """`sco-digital ... >&-`: one line and status 3 for every command."""
        done = subprocess.run(
            ["sh", "-c", 'exec "$@" >&-', "sh", PYTHON, "-c", DRIVER, json.dumps(COMMANDS)],
            stderr=subprocess.PIPE,
            check=False,
        )
        line = "sco-digital: standard output is closed; redirect it to a file or to /dev/null\n"
        assert (0, [(line, 3)] * len(COMMANDS)) == (done.returncode, runs(done.stderr.decode()))

    @pytest.mark.parametrize("command", [MODULE, [str(SCRIPT)]])
    def test_real_entry_points(self, command: list[str]) -> None:
        """The same through `python -m sco_digital` and the installed script."""
        done = subprocess.run(
            ["sh", "-c", 'exec "$@" >&-', "sh", *command, "summary"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (
            3,
            "sco-digital: standard output is closed; redirect it to a file or to /dev/null\n",
        ) == (done.returncode, done.stderr)


class TestBrokenPipe:
    def test_every_command(self) -> None:
        """A reader that went away: status 141, nothing on stderr, for every command."""
        read, write = os.pipe()
        os.close(read)  # every write now fails with EPIPE
        try:
            done = drive(COMMANDS, stdout=write, stderr=subprocess.PIPE)
        finally:
            os.close(write)
        assert [("", 141)] * len(COMMANDS) == runs(done.stderr.decode())
        assert 0 == done.returncode  # and no "Exception ignored" at exit

    def test_head(self) -> None:
        """`sco-digital projects --format json | head -1` through the installed script."""
        producer = subprocess.Popen(
            [str(SCRIPT), "projects", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert producer.stdout is not None
        head = subprocess.run(
            ["head", "-c", "1"], stdin=producer.stdout, capture_output=True, check=False
        )
        producer.stdout.close()
        _, err = producer.communicate()
        assert (b"[", b"") == (head.stdout, err)
        assert producer.returncode in (0, 141)  # 0 if it all fitted in the pipe first

    def test_closed_before_start(self) -> None:
        """With the pipe closed from the start, `python -m` exits 141, silently."""
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(
                [*MODULE, "projects"], stdout=write, stderr=subprocess.PIPE, check=False
            )
        finally:
            os.close(write)
        assert (141, b"") == (done.returncode, done.stderr)


def split_outputs(stdout: str, stderr: str) -> list[str]:
    """DRIVER's stdout, one text per command (each run ends with a marker on stdout too)."""
    assert [("", 0)] * len(COMMANDS) == runs(stderr)
    return stdout.split("<end>\n")[:-1]


@pytest.fixture(scope="module")
def reference() -> list[str]:
    """Every command's output in UTF-8."""
    done = subprocess.run(
        [PYTHON, "-c", DRIVER.replace("status = main(argv)", MARKED), json.dumps(COMMANDS)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    return split_outputs(done.stdout.decode("utf-8"), done.stderr.decode())


class TestEncodings:
    @pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
    def test_every_command(self, encoding: str, reference: list[str]) -> None:
        """
        Each command, in each format, writes what the encoding holds and
        escapes the rest: JSON the JSON way (so it reads back the same),
        tables and CSV as Python escapes.
        """
        done = subprocess.run(
            [PYTHON, "-c", DRIVER.replace("status = main(argv)", MARKED), json.dumps(COMMANDS)],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            check=False,
        )
        outputs = split_outputs(done.stdout.decode(encoding), done.stderr.decode())
        for argv, text, expected in zip(COMMANDS, outputs, reference, strict=True):
            if "json" in argv:
                assert json.loads(expected) == json.loads(text), argv
            else:
                escaped = expected.encode(encoding, "backslashreplace").decode(encoding)
                assert escaped == text, argv

    def test_show_cn_cp1252(self) -> None:
        """The issue's example, through the installed script."""
        done = subprocess.run(
            [str(SCRIPT), "show", "CN"],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            check=False,
        )
        assert (0, b"") == (done.returncode, done.stderr)
        assert "name_zh:      \\u4e2d\\u56fd\n" in done.stdout.decode("cp1252")


MARKED = "status = main(argv); sys.stdout.write('<end>\\n')"


BLOCK = textwrap.dedent(
    """
    import sys, time
    blocked = sys.argv.pop(1)
    class Block:
        # Stops the import of one module until a signal arrives.
        def find_spec(self, name, path=None, target=None):
            if name == blocked:
                sys.stderr.write("ready\\n")
                sys.stderr.flush()
                time.sleep(60)
            return None
    sys.meta_path.insert(0, Block())
    from sco_digital._entry import main
    sys.exit(main())
    """
)


def interrupt_when_ready(argv: list[str]) -> tuple[int, str]:
    """Run *argv*, wait for its "ready" line, send SIGINT; its status and the rest of stderr."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stderr is not None
    assert b"ready\n" == process.stderr.readline()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return process.returncode, err.decode()


class TestInterrupt:
    @pytest.mark.parametrize(
        ("module", "argv"),
        [
            ("sco_digital.cli", ["summary"]),  # start-up: importing the command line
            ("attrs", ["summary"]),  # start-up: importing a dependency
            ("sco_digital._convert", ["validate", "DIR"]),  # loading data
        ],
    )
    def test_at_each_stage(self, module: str, argv: list[str], tmp_path: Path) -> None:
        """Ctrl-C while a module loads: one line, status 130, no traceback."""
        (tmp_path / "projects.json").write_text("[1]", encoding="utf-8")
        argv = [str(tmp_path) if a == "DIR" else a for a in argv]
        status, err = interrupt_when_ready([PYTHON, "-c", BLOCK, module, *argv])
        assert (130, "sco-digital: interrupted\n") == (status, err)

    def test_while_writing(self) -> None:
        """Ctrl-C while the installed script is blocked writing to a full pipe."""
        read, write = os.pipe()
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)  # the JSON is 60 kB
        process = subprocess.Popen(
            [str(SCRIPT), "projects", "--format", "json"], stdout=write, stderr=subprocess.PIPE
        )
        os.close(write)
        wchan = Path(f"/proc/{process.pid}/wchan")
        deadline = time.monotonic() + 60
        while not wchan.read_text().endswith("pipe_write"):
            assert process.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        with os.fdopen(read, "rb") as reader:
            out = reader.read()  # let it finish its flush at exit
        _, err = process.communicate(timeout=60)
        assert (130, b"sco-digital: interrupted\n") == (process.returncode, err)
        assert out.startswith(b"[\n")


def test_memory_error(tmp_path: Path) -> None:
    """Memory running out while a large file loads: one line, status 3."""
    (tmp_path / "projects.json").write_text(
        "[" + ",".join(['{"a": [1, 2, 3]}'] * 300_000) + "]", encoding="utf-8"
    )
    code = textwrap.dedent(
        """
        import resource, sys
        from sco_digital.cli import main
        import sco_digital._loader  # everything imported before the limit
        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (size + 40_000_000, resource.RLIM_INFINITY))
        sys.exit(main(["validate", sys.argv[1]]))
        """
    )
    if not Path("/proc/self/statm").exists():
        pytest.skip("needs /proc (Linux)")
    done = subprocess.run(
        [PYTHON, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert (3, "", "sco-digital: out of memory\n") == (done.returncode, done.stdout, done.stderr)
