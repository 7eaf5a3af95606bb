"""
Every code example in README.md and docs/ runs, and shows what it prints.

- ``pycon`` blocks are doctests: pytest collects README.md and docs/**/*.md
  with ``--doctest-glob=*.md`` (pyproject.toml); this module checks that
  each such page is collected.
- ``console`` blocks run here. A ``$ sco-digital ...`` line runs the command
  line and the lines under it, up to the next ``$``, are its exact output
  (a line ``...`` stands for any lines). Blocks without ``$`` prompts list
  commands that must each succeed. Other commands must appear verbatim in
  .ci/run, which runs them, or be a ``pip install`` of this package with
  extras that exist (.ci/run installs the built wheel).
- Any other kind of code block fails, so no example goes unchecked.
"""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import metadata
from pathlib import Path

import pytest

from sco_digital.cli import main

ROOT = Path(__file__).parents[2]
PAGES = [
    ROOT / "README.md",
    *sorted(p for p in (ROOT / "docs").rglob("*.md") if "_build" not in p.parts),
]
# The repository's CI script. An unpacked sdist (which has PKG-INFO) leaves it out,
# so the checks against it are defined only in a tree that has it (test_tree).
CI_SCRIPT = ROOT / ".ci" / "run"
EXTRAS = set(metadata("sco-digital").get_all("Provides-Extra") or ())
FENCE = re.compile(
    r"^(?P<indent>[ ]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
CODE_DIRECTIVES = {"code-block", "code", "sourcecode"}
# MyST directives that show no code example: page structure and whole files.
OTHER_DIRECTIVES = {"toctree", "include", "literalinclude", "note", "seealso"}
PIP_INSTALL = re.compile(r"pip install '?sco-digital(?:\[(?P<extras>[a-z,]+)\])?'?")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    language: str
    body: str

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line} ({self.language})"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of *page* that hold code, with their language."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        info = match["info"].strip()
        line = text.count("\n", 0, match.start()) + 1
        language = info.split()[0] if info else ""
        if language.startswith("{"):
            directive = language.strip("{}")
            if directive in OTHER_DIRECTIVES:
                continue
            if directive == "eval-rst":  # autodoc (docstring examples run as doctests) ...
                rst = [row for row in match["body"].splitlines() if row.startswith("..")]
                assert all(re.match(r"\.\. (auto|py:)\w+:: ", row) for row in rst), (
                    f"{page.name}:{line}: eval-rst holds more than autodoc directives"
                )
                # ... and py: descriptions of names without a docstring, with no example
                assert ">>>" not in match["body"], f"{page.name}:{line}: an example in eval-rst"
                continue
            assert directive in CODE_DIRECTIVES, f"{page.name}:{line}: unknown directive {info}"
            language = info.split()[1] if len(info.split()) > 1 else ""
        lines = match["body"].splitlines(keepends=True)
        body = "".join(row.removeprefix(match["indent"]) for row in lines)
        found.append(Block(page, line, language, body))
    return found


BLOCKS = [block for page in PAGES for block in blocks(page)]
CONSOLE = [b for b in BLOCKS if b.language == "console"]


def test_pages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"README.md", "docs/index.md", "docs/guide/cli.md"} <= names
    assert len(CONSOLE) >= 10


def test_tree() -> None:
    """
    The tests run in a checkout, which has .ci/run, or in an unpacked sdist,
    which has PKG-INFO and no .ci/run; so the .ci/run tests below run in every
    checkout.
    """
    assert CI_SCRIPT.is_file() != (ROOT / "PKG-INFO").is_file()


@pytest.mark.parametrize("block", BLOCKS, ids=str)
def test_every_block_is_a_checked_kind(block: Block) -> None:
    """A pycon block holds doctests; the other kinds are run below."""
    assert block.language in {"pycon", "console"}, f"{block}: no test runs this example"
    if block.language == "pycon":
        examples = doctest.DocTestParser().get_examples(block.body)
        assert examples, f"{block}: a pycon block without >>> examples"
        assert block.body.endswith("\n\n"), f"{block}: end the block with a blank line"


def test_pages_with_doctests_are_collected(pytestconfig: pytest.Config) -> None:
    """
    Pytest's own collection includes every page that shows pycon examples:
    README.md and docs/ are test paths, and collecting them with the
    project's options (--doctest-glob) lists each page. Collecting the
    tests and sources too would cost seconds and find no page.
    """
    assert {"README.md", "docs"} <= set(pytestconfig.getini("testpaths"))
    listing = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"),
            *("README.md", "docs"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    with_doctests = {b.page for b in BLOCKS if b.language == "pycon"}
    for page in with_doctests:
        item = f"{page.relative_to(ROOT).as_posix()}::{page.name}"
        assert item in listing.splitlines(), f"{item} is not collected"


def commands(block: Block) -> list[tuple[str, list[str] | None]]:
    """
    The block's commands, each with the output shown under it, or None when
    the block shows no output (no ``$`` prompts).
    """
    lines = block.body.splitlines()
    if not any(line.startswith("$ ") for line in lines):
        return [(line, None) for line in lines if line.strip()]
    result: list[tuple[str, list[str] | None]] = []
    for line in lines:
        if line.startswith("$ "):
            result.append((line[2:], []))
        else:
            output = result[-1][1]
            assert output is not None, f"{block}: output before the first command"
            output.append(line)
    return result


def matches(expected: list[str], actual: str) -> bool:
    """Whether *actual* is *expected*, where a line ``...`` matches any lines."""
    pattern = "".join(".*?" if line == "..." else re.escape(line + "\n") for line in expected)
    return re.fullmatch(pattern, actual, re.DOTALL) is not None


@pytest.mark.parametrize("block", CONSOLE, ids=str)
def test_console_example(
    block: Block,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # files an example writes land here
    for command, shown in commands(block):
        words = shlex.split(command, comments=True)
        if words[0].startswith("COLUMNS="):  # as a terminal of that width shows it
            monkeypatch.setenv("COLUMNS", words.pop(0).partition("=")[2])
            monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        if words[0] == "sco-digital":
            status = main(words[1:])
            out, err = capsys.readouterr()
            monkeypatch.undo()
            monkeypatch.chdir(tmp_path)
            assert (status != 0) == bool(err), f"{block}: {command!r} exited {status}: {err}"
            if shown is None:
                assert status == 0, f"{block}: {command!r} failed: {err}"
            else:
                assert matches(shown, out + err), (
                    f"{block}: {command!r} printed:\n{out}{err}\nbut the page shows:\n"
                    + "\n".join(shown)
                )
        elif (
            install := PIP_INSTALL.fullmatch(" ".join(command.split("#")[0].split()))
        ) is not None:
            extras = set((install["extras"] or "").split(",")) - {""}
            assert extras <= EXTRAS, f"{block}: {command!r} names an unknown extra"
        else:  # run by .ci/run: test_ci_runs_the_command
            assert not shown, f"{block}: .ci/run does not check the output of {command!r}"


def _program(command: str) -> str:
    """The program a command runs, past a ``COLUMNS=N`` setting."""
    words = shlex.split(command, comments=True)
    return words[1] if words[0].startswith("COLUMNS=") and len(words) > 1 else words[0]


def ci_commands() -> list[tuple[Block, str]]:
    """The console commands that neither run sco-digital nor install this package."""
    return [
        (block, command)
        for block in CONSOLE
        for command, _ in commands(block)
        if _program(command) != "sco-digital"
        and PIP_INSTALL.fullmatch(" ".join(command.split("#")[0].split())) is None
    ]


if CI_SCRIPT.is_file():
    # .ci/run runs the README's commands with $PYTHON, python3 unless set.
    CI_RUN = CI_SCRIPT.read_text(encoding="utf-8").replace("$PYTHON ", "python3 ")

    def test_ci_runs_python3_unless_told() -> None:
        assert "PYTHON=${PYTHON:-python3}" in CI_RUN

    @pytest.mark.parametrize(("block", "command"), ci_commands(), ids=str)
    def test_ci_runs_the_command(block: Block, command: str) -> None:
        """Each command a page shows is run, verbatim, by .ci/run."""
        assert command in CI_RUN, f"{block}: {command!r} is not run by .ci/run"
