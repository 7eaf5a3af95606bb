"""
Exports write to a temporary place and rename, refuse to overwrite unless
asked, and leave nothing behind when they fail half way: failures are
injected into each step of write_json and of the helpers other exports use
(export._staging through write_json, and export.write_file).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import mini
from hostile.corrupt import FILES
from sco_digital.cli import main
from sco_digital.export import write_file, write_json


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under *root*, with the content of each file (None for directories)."""
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, call: int, error: BaseException
) -> list[Any]:
    """Make *owner.name* raise *error* on its *call*-th call; returns the calls' first arguments."""
    real = getattr(owner, name)
    calls: list[Any] = []

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(self)
        if len(calls) == call:
            raise error
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return calls


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A directory holding an earlier export, with different content."""
    directory = write_json(mini.dataset(), tmp_path / "out")
    for name in FILES:
        (directory / name).write_text(f"old {name}\n", encoding="utf-8")
    return directory


class TestWriteJson:
    def test_writes_and_leaves_no_temporary_files(self, tmp_path: Path) -> None:
        write_json(mini.dataset(), tmp_path / "a" / "b")
        assert ["a", "a/b", *(f"a/b/{name}" for name in sorted(FILES))] == list(tree(tmp_path))

    def test_refuses_to_overwrite(self, old: Path, tmp_path: Path) -> None:
        before = tree(tmp_path)
        with pytest.raises(
            FileExistsError,
            match=r"^refusing to overwrite .*/out/sources.json, .*/out/countries.json,"
            r" .*/out/organizations.json \.\.\.; pass overwrite=True \(or --force\)$",
        ):
            write_json(mini.dataset(), old)
        assert before == tree(tmp_path)

    def test_refuses_even_one_existing_file(self, tmp_path: Path) -> None:
        target = tmp_path / "out"
        target.mkdir()
        (target / "conflicts.json").write_text("mine", encoding="utf-8")
        with pytest.raises(FileExistsError, match=r"overwrite .*/out/conflicts.json; pass"):
            write_json(mini.dataset(), target)
        assert {"out": None, "out/conflicts.json": b"mine"} == tree(tmp_path)

    def test_overwrites_when_asked(self, old: Path, tmp_path: Path) -> None:
        write_json(mini.dataset(), old, overwrite=True)
        assert tree(write_json(mini.dataset(), tmp_path / "fresh")) == tree(old)

    @pytest.mark.parametrize("call", [1, 4, 7])
    @pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
    def test_failure_while_writing(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, call: int, error: BaseException
    ) -> None:
        """The disk fills, or the user presses Ctrl-C, while the files are written."""
        calls = fail_on_call(monkeypatch, Path, "write_text", call, error)
        with pytest.raises(type(error)):
            write_json(mini.dataset(), tmp_path / "new" / "out")
        assert call == len(calls)
        assert {} == tree(tmp_path)

    @pytest.mark.parametrize("call", [1, 4, 7])
    def test_failure_while_moving_into_place(
        self, monkeypatch: pytest.MonkeyPatch, old: Path, tmp_path: Path, call: int
    ) -> None:
        """The call-th rename fails: the files already replaced get their old content back."""
        before = tree(tmp_path)
        fail_on_call(monkeypatch, Path, "replace", call, OSError(5, "Input/output error"))
        with pytest.raises(OSError, match="Input/output error"):
            write_json(mini.dataset(), old, overwrite=True)
        assert before == tree(tmp_path)

    def test_failure_while_moving_into_an_existing_empty_directory(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        (tmp_path / "out").mkdir()
        fail_on_call(monkeypatch, Path, "replace", 5, OSError(5, "Input/output error"))
        with pytest.raises(OSError, match="Input/output error"):
            write_json(mini.dataset(), tmp_path / "out")
        assert {"out": None} == tree(tmp_path)

    def test_a_file_appearing_meanwhile_is_not_replaced(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Another program creates one of the files while the export writes."""
        target = tmp_path / "out"
        real = Path.write_text

        def write_and_race(self: Path, *args: Any, **kwargs: Any) -> int:
            if self.name == "manifest.json":
                target.mkdir(exist_ok=True)
                (target / "projects.json").write_bytes(b"theirs")
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, "write_text", write_and_race)
        with pytest.raises(FileExistsError, match=r"overwrite .*/out/projects.json; pass"):
            write_json(mini.dataset(), target)
        assert {"out": None, "out/projects.json": b"theirs"} == tree(tmp_path)

    def test_target_is_a_file(self, tmp_path: Path) -> None:
        (tmp_path / "out").write_text("x", encoding="utf-8")
        with pytest.raises(NotADirectoryError, match="out exists and is not a directory"):
            write_json(mini.dataset(), tmp_path / "out", overwrite=True)
        assert {"out": b"x"} == tree(tmp_path)


class TestWriteFile:
    @staticmethod
    def writer(content: bytes) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            path.write_bytes(content)

        return write

    def test_writes_and_leaves_no_temporary_files(self, tmp_path: Path) -> None:
        assert tmp_path / "a" / "db" == write_file(tmp_path / "a" / "db", self.writer(b"new"))
        assert {"a": None, "a/db": b"new"} == tree(tmp_path)

    def test_writes_to_a_temporary_path_then_renames(self, tmp_path: Path) -> None:
        seen: list[Path] = []

        def write(path: Path) -> None:
            seen.append(path)
            assert not (tmp_path / "db").exists()
            path.write_bytes(b"new")

        write_file(tmp_path / "db", write)
        assert seen[0] != tmp_path / "db"
        assert "db" == seen[0].name
        assert seen[0].parent.parent == tmp_path

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        (tmp_path / "db").write_bytes(b"old")
        with pytest.raises(FileExistsError, match=r"overwrite .*/db; pass overwrite=True"):
            write_file(tmp_path / "db", self.writer(b"new"))
        assert {"db": b"old"} == tree(tmp_path)
        write_file(tmp_path / "db", self.writer(b"new"), overwrite=True)
        assert {"db": b"new"} == tree(tmp_path)

    def test_target_is_a_directory(self, tmp_path: Path) -> None:
        (tmp_path / "db").mkdir()
        with pytest.raises(IsADirectoryError, match="db is a directory"):
            write_file(tmp_path / "db", self.writer(b"new"), overwrite=True)

    @pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
    def test_failure_half_way_through_writing(self, tmp_path: Path, error: BaseException) -> None:
        """The writer has written part of the file when it fails: no trace is left, not
        even the directories created for it.
        """

        def write(path: Path) -> None:
            path.write_bytes(b"half")
            raise error

        with pytest.raises(type(error)):
            write_file(tmp_path / "new" / "deep" / "db", write)
        assert {} == tree(tmp_path)

    def test_failure_while_renaming_keeps_the_old_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        (tmp_path / "db").write_bytes(b"old")
        fail_on_call(monkeypatch, Path, "replace", 1, OSError(5, "Input/output error"))
        with pytest.raises(OSError, match="Input/output error"):
            write_file(tmp_path / "db", self.writer(b"new"), overwrite=True)
        assert {"db": b"old"} == tree(tmp_path)


class TestCommandLine:
    def test_export_refuses_then_forces(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_dir: Path
    ) -> None:
        out = tmp_path / "out"
        argv = ["--data", str(mini_dir), "export", "--format", "json", str(out)]
        assert 0 == main(argv)
        assert (f"wrote json to {out}\n", "") == capsys.readouterr()
        (out / "sources.json").write_text("edited", encoding="utf-8")
        assert 2 == main(argv)
        assert (
            "",
            f"sco-digital: refusing to overwrite {out}/sources.json, {out}/countries.json,"
            f" {out}/organizations.json ...; pass overwrite=True (or --force)\n",
        ) == capsys.readouterr()
        assert "edited" == (out / "sources.json").read_text(encoding="utf-8")
        assert 0 == main([*argv, "--force"])
        assert tree(out) == tree(mini_dir)
