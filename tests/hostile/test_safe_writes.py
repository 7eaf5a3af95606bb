"""
Exports write into a hidden staging directory inside the target directory
and move the files into place; they refuse to overwrite unless asked, never
replace anything but regular files, and leave nothing behind when they fail
half way. Failures are injected into each step of write_json and of
_staging.write_file (the staging layer, _staging.staged, under both); real
mounts, permissions and special files are used where the fault needs them.
Concurrent processes and real signals: test_exports_stress.py.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import mini
from hostile.corrupt import FILES
from sco_digital._staging import write_file
from sco_digital.cli import main
from sco_digital.export import TABLES, write_json


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

    @pytest.mark.parametrize("call", [1, 5, 7])
    def test_failure_while_linking_into_an_existing_empty_directory(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, call: int
    ) -> None:
        """New files are hard-linked into place; the call-th link fails."""
        (tmp_path / "out").mkdir()
        fail_on_call(monkeypatch, os, "link", call, OSError(5, "Input/output error"))
        with pytest.raises(OSError, match="Input/output error"):
            write_json(mini.dataset(), tmp_path / "out")
        assert {"out": None} == tree(tmp_path)

    def test_without_hard_links(
        self, monkeypatch: pytest.MonkeyPatch, old: Path, tmp_path: Path
    ) -> None:
        """On a file system without hard links (FAT), files are renamed into place."""
        reference = tree(write_json(mini.dataset(), tmp_path / "reference"))

        def no_links(*_args: Any, **_kwargs: Any) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
        with pytest.raises(FileExistsError, match="refusing to overwrite"):
            write_json(mini.dataset(), old)
        before, replace = tree(old), Path.replace
        fail_on_call(monkeypatch, Path, "replace", 4, OSError(5, "Input/output error"))
        with pytest.raises(OSError, match="Input/output error"):
            write_json(mini.dataset(), old, overwrite=True)
        assert before == tree(old)
        monkeypatch.setattr(Path, "replace", replace)
        write_json(mini.dataset(), old, overwrite=True)
        write_json(mini.dataset(), tmp_path / "new")
        assert reference == tree(old) == tree(tmp_path / "new")

    def test_stages_inside_the_target(self, monkeypatch: pytest.MonkeyPatch, old: Path) -> None:
        """The staging directory is inside the target, so on its file system."""
        calls = fail_on_call(monkeypatch, Path, "write_text", 0, OSError())
        write_json(mini.dataset(), old, overwrite=True)
        assert {old} == {path.parent.parent for path in calls}
        assert all(path.parent.name.startswith(".sco-digital-") for path in calls)

    def test_an_error_names_the_users_path(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A failure in the staging directory is reported against the target's file."""
        real = Path.write_text

        def fail(self: Path, *args: Any, **kwargs: Any) -> int:
            if self.name == "projects.json":
                raise OSError(errno.ENOSPC, "No space left on device", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, "write_text", fail)
        target = tmp_path / "out"
        with pytest.raises(OSError, match="No space left on device") as caught:
            write_json(mini.dataset(), target)
        assert (str(target / "projects.json"), None) == (
            caught.value.filename,
            caught.value.filename2,
        )
        assert {} == tree(tmp_path)

    def test_an_error_without_a_path_names_the_target(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        fail_on_call(monkeypatch, os, "link", 2, OSError(errno.EIO, "I/O error"))
        with pytest.raises(OSError, match="I/O error") as caught:
            write_json(mini.dataset(), tmp_path / "out")
        assert str(tmp_path / "out") == caught.value.filename

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


# -- special files: never replaced --------------------------------------------------------


def make_special(path: Path, kind: str) -> None:
    """Create a *kind* of special file at *path* (as root for the devices)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in {"char device", "block device"}:
        mode, device = (
            (stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
            if kind == "char device"
            else (stat.S_IFBLK, os.makedev(7, 0))  # what /dev/loop0 is
        )
        try:
            os.mknod(path, mode | 0o666, device)
        except PermissionError as exc:
            pytest.fail(f"precondition: creating a {kind} needs root (CAP_MKNOD): {exc}")
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "directory":
        path.mkdir()
    elif kind == "broken link":
        path.symlink_to(path.parent / "nowhere")
    else:  # "link to X"
        real = path.parent / f"real-{path.name}"
        make_special(real, kind.removeprefix("link to "))
        path.symlink_to(real)


SPECIAL = {
    "fifo": "a FIFO (named pipe)",
    "char device": "a character device",
    "block device": "a block device",
    "socket": "a socket",
    "link to fifo": "a symbolic link to a FIFO (named pipe)",
    "link to char device": "a symbolic link to a character device",
    "link to directory": "a symbolic link to a directory",
    "broken link": "a broken symbolic link",
}
# Creating device files needs root (CAP_MKNOD): those cases are `privileged`.
KINDS = [pytest.param(k, marks=pytest.mark.privileged) if "device" in k else k for k in SPECIAL]


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def kinds(root: Path) -> dict[str, tuple[int, int]]:
    """The type and device number of every path under *root*."""
    return {
        str(p.relative_to(root)): (stat.S_IFMT(p.lstat().st_mode), p.lstat().st_rdev)
        for p in sorted(root.rglob("*"))
    }


class TestSpecialFiles:
    """Only regular files (and links to them) are ever replaced, even with overwrite."""

    @pytest.mark.parametrize("overwrite", [False, True])
    @pytest.mark.parametrize("kind", KINDS)
    def test_directory_export(self, tmp_path: Path, kind: str, *, overwrite: bool) -> None:
        out = tmp_path / "out"
        out.mkdir()
        make_special(out / "projects.json", kind)
        before = kinds(tmp_path)
        with pytest.raises(
            FileExistsError,
            match=f"^refusing to replace {re.escape(str(out))}/projects.json: it is"
            f" {re.escape(SPECIAL[kind])}, not a regular file$",
        ):
            write_json(mini.dataset(), out, overwrite=overwrite)
        assert before == kinds(tmp_path)

    @pytest.mark.parametrize("kind", KINDS)
    def test_file_export(self, tmp_path: Path, kind: str) -> None:
        make_special(tmp_path / "sco.db", kind)
        before = kinds(tmp_path)
        with pytest.raises(FileExistsError, match=f"it is {re.escape(SPECIAL[kind])}, not a"):
            write_file(tmp_path / "sco.db", TestWriteFile.writer(b"new"), overwrite=True)
        assert before == kinds(tmp_path)

    @pytest.mark.privileged
    def test_command_line_never_replaces_a_device(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_dir: Path
    ) -> None:
        """`export --format sqlite DEVICE --force` used to turn a device into a file."""
        device = tmp_path / "null"
        make_special(device, "char device")
        argv = ["--data", str(mini_dir), "export", "--format", "sqlite", str(device), "--force"]
        assert 2 == main(argv)
        assert (
            "",
            f"sco-digital: refusing to replace {device}: it is a character device,"
            " not a regular file\n",
        ) == capsys.readouterr()
        assert (stat.S_IFCHR, os.makedev(1, 3)) == kinds(tmp_path)["null"]

    def test_a_fifo_appearing_meanwhile_is_not_replaced(
        self, monkeypatch: pytest.MonkeyPatch, old: Path, tmp_path: Path
    ) -> None:
        """Between the first check and the commit, a file becomes a FIFO."""
        real = Path.write_text

        def write_and_race(self: Path, *args: Any, **kwargs: Any) -> int:
            if self.name == "manifest.json":
                (old / "projects.json").unlink()
                os.mkfifo(old / "projects.json")
            return real(self, *args, **kwargs)

        before = {k: v for k, v in tree(tmp_path).items() if k != "out/projects.json"}
        monkeypatch.setattr(Path, "write_text", write_and_race)
        with pytest.raises(FileExistsError, match="projects.json: it is a FIFO"):
            write_json(mini.dataset(), old, overwrite=True)
        assert before == {k: v for k, v in tree(tmp_path).items() if k != "out/projects.json"}
        assert stat.S_ISFIFO((old / "projects.json").lstat().st_mode)

    def test_a_link_to_a_regular_file_is_replaced_not_followed(self, tmp_path: Path) -> None:
        (tmp_path / "mine.db").write_bytes(b"mine")
        (tmp_path / "sco.db").symlink_to(tmp_path / "mine.db")
        write_file(tmp_path / "sco.db", TestWriteFile.writer(b"new"), overwrite=True)
        assert {"mine.db": b"mine", "sco.db": b"new"} == tree(tmp_path)
        assert not (tmp_path / "sco.db").is_symlink()


# -- mounts and permissions ---------------------------------------------------------------


@pytest.fixture
def mount() -> Iterator[Callable[..., Path]]:
    """Mount tmpfs file systems (as root); unmounted at the end, innermost first."""
    mounted: list[Path] = []

    def tmpfs(path: Path, options: str = "size=16m") -> Path:
        path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(
                "precondition: these tests mount tmpfs file systems, which needs root"
                f" (CAP_SYS_ADMIN); mount said: {done.stderr.strip()}"
            )
        mounted.append(path)
        return path

    yield tmpfs
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], check=True)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


EXPORTS = {
    "csv": sorted(f"{name}.csv" for name in TABLES),
    "json": sorted(FILES),
    "parquet": sorted(f"{name}.parquet" for name in TABLES),
    "datapackage": sorted([*(f"{name}.csv" for name in TABLES), "datapackage.json"]),
}


@pytest.mark.privileged
class TestMounts:
    @pytest.mark.parametrize("fmt", EXPORTS)
    def test_export_into_a_mount_point(
        self,
        capsys: pytest.CaptureFixture[str],
        mount: Callable[..., Path],
        tmp_path: Path,
        mini_dir: Path,
        fmt: str,
    ) -> None:
        """A Docker volume, say: renaming across it gave "Invalid cross-device link"."""
        out = mount(tmp_path / "volume")
        argv = ["--data", str(mini_dir), "export", "--format", fmt, str(out)]
        assert 0 == main(argv)
        assert 0 == main([*argv, "--force"])
        assert (f"wrote {fmt} to {out}\n" * 2, "") == capsys.readouterr()
        assert EXPORTS[fmt] == names(out)

    def test_export_under_a_read_only_parent(
        self,
        capsys: pytest.CaptureFixture[str],
        mount: Callable[..., Path],
        tmp_path: Path,
        mini_dir: Path,
    ) -> None:
        """The target is writable, its parent is not (a read-only file system, which
        binds root too): exports into the target work, a new directory cannot be made.
        """
        parent = mount(tmp_path / "parent")
        out = mount(parent / "out")
        remount_read_only(parent)
        data = ["--data", str(mini_dir), "export"]
        assert 0 == main([*data, "--format", "csv", str(out)])
        assert 0 == main([*data, "--format", "csv", str(out), "--force"])
        assert 0 == main([*data, "--format", "sqlite", str(out / "sco.db")])
        assert 1 == main([*data, "--format", "csv", str(parent / "new")])
        assert (
            f"wrote csv to {out}\nwrote csv to {out}\nwrote sqlite to {out}/sco.db\n",
            f"sco-digital: {parent}/new: Read-only file system\n",
        ) == capsys.readouterr()
        assert sorted([*EXPORTS["csv"], "sco.db"]) == names(out)
        assert ["out"] == names(parent)

    @pytest.mark.parametrize(("fmt", "name"), [("csv", None), ("sqlite", "sco.db")])
    def test_a_full_disk_is_reported_against_the_users_path(
        self,
        capsys: pytest.CaptureFixture[str],
        mount: Callable[..., Path],
        tmp_path: Path,
        fmt: str,
        name: str | None,
    ) -> None:
        out = mount(tmp_path / "small", "size=32k")
        target = out if name is None else out / name
        assert 1 == main(["export", "--format", fmt, str(target)])
        stdout, stderr = capsys.readouterr()
        assert "" == stdout
        file = r"/[a-z_]+\.csv" if name is None else ""
        reason = "No space left on device" if name is None else "database or disk is full"
        assert re.fullmatch(f"sco-digital: {re.escape(str(target))}{file}: {reason}\n", stderr)
        assert [] == names(out)


UNPRIVILEGED = """
import contextlib, io, os, sys, tempfile
from sco_digital import cli
with tempfile.TemporaryDirectory() as warm, contextlib.redirect_stdout(io.StringIO()):
    cli.main(["export", "--format", "csv", warm + "/x"])  # imports what exports need, as root
os.setgroups([])
os.setgid(65534)
os.setuid(65534)  # nobody, who may write in the target but not in its parent
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.privileged
def test_export_as_a_user_who_cannot_write_the_parent() -> None:
    """Without root: the parent is not writable by the user, the target is."""
    parent = Path(tempfile.mkdtemp())
    try:
        parent.chmod(0o755)  # root's; others may enter, not write
        out = parent / "out"
        out.mkdir()
        os.chown(out, 65534, 65534)

        def export(*args: str) -> tuple[int, str, str]:
            done = subprocess.run(
                [sys.executable, "-c", UNPRIVILEGED, "export", *args],
                capture_output=True,
                text=True,
                check=False,
                cwd="/",
            )
            return done.returncode, done.stdout, done.stderr

        assert (0, f"wrote csv to {out}\n", "") == export("--format", "csv", str(out))
        assert (0, f"wrote csv to {out}\n", "") == export("--format", "csv", str(out), "--force")
        assert (1, "", f"sco-digital: {parent}/new: Permission denied\n") == export(
            "--format", "csv", str(parent / "new")
        )
        assert EXPORTS["csv"] == names(out)
        assert ["out"] == names(parent)
    finally:
        shutil.rmtree(parent)
