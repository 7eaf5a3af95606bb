"""
Forking while another thread loads the bundled data for the first time: the
child must not hang on the loader's lock and must collect garbage as usual. Real forks, in a fresh interpreter (so the load really is
the first), with os.fork and with multiprocessing's fork and spawn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FORK_WHILE_LOADING = """
import gc, json, multiprocessing, os, signal, sys, threading
import sco_digital as sd
from sco_digital import _loader

how = sys.argv[1]
inside, release = threading.Event(), threading.Event()
build = _loader._build


def held(read):  # the loading thread holds the lock, as long as the test needs
    inside.set()
    release.wait(60)
    return build(read)


def in_child(_=None):
    _loader._build = build  # the child loads for real
    signal.alarm(60)  # a hang ends the child instead of the test
    collecting = gc.isenabled()
    return [collecting, sd.load().country("Узбекистан").code, gc.isenabled()]


if __name__ == "__main__":
    _loader._build = held
    loader = threading.Thread(target=sd.load)
    loader.start()
    inside.wait(60)
    parent = []
    if how == "os.fork":
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.write(write, json.dumps(in_child()).encode())
            os._exit(0)
        os.close(write)
        child = json.loads(os.read(read, 1000))
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    else:
        with multiprocessing.get_context(how).Pool(2) as pool:
            child = pool.map(in_child, [1, 2])
            status = 0
    release.set()
    loader.join()
    parent += [gc.isenabled(), sd.load().country("UZ").code]
    print(json.dumps({"parent": parent, "child": child, "status": status}))
"""


@pytest.mark.parametrize(
    ("how", "child"),
    [
        ("os.fork", [True, "UZ", True]),
        ("fork", [[True, "UZ", True]] * 2),
        ("spawn", [[True, "UZ", True]] * 2),
    ],
)
def test_fork_while_another_thread_loads(tmp_path: Path, how: str, child: object) -> None:
    """Each child collects garbage from the start and loads; the parent's load ends
    and leaves the collector on.
    """
    script = tmp_path / "fork.py"  # spawn re-imports the main module from its file
    script.write_text(FORK_WHILE_LOADING, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-W", "ignore::DeprecationWarning", str(script), how],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,  # a hang fails the test (a Pool waits for its lost task forever)
    )
    assert {"parent": [True, "UZ"], "child": child, "status": 0} == json.loads(done.stdout)
