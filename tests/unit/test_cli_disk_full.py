"""A full disk ends every `govshare` command in the one `disk_full` message and exit 2.

The disk is real: a small tmpfs mounted in a private mount namespace (`unshare --user
--map-root-user --mount`, which needs no privileges where user namespaces are allowed and
works as root), copied a data directory into, filled to the last block, and `govshare`
run on it as a new process. Each case leaves out the file whose creation hits the full
disk first: the log (a new data directory, or a log due for rotation), the instance lock,
or SQLite's -wal/-shm index of a database opened for the first time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govshare_desktop.app.logs import MAX_BYTES
from govshare_desktop.cli.common import translator
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text

UNSHARE = ["unshare", "--user", "--map-root-user", "--mount", "--"]

# Runs inside the namespace: mount, lay out the data directory, fill the disk, run govshare.
DRIVER = r"""
import ctypes, json, os, shutil, subprocess, sys
spec = json.loads(sys.argv[1])
disk = spec["disk"]
libc = ctypes.CDLL(None, use_errno=True)
if libc.mount(b"tmpfs", disk.encode(), b"tmpfs", 0, f"size={spec['size']}".encode()) != 0:
    raise SystemExit(f"mount: {os.strerror(ctypes.get_errno())}")
home = os.path.join(disk, "home")
if spec["source"]:
    shutil.copytree(spec["source"], home)
for name, size in spec["files"].items():
    with open(os.path.join(home, name), "wb") as f:
        f.write(b"x" * size)
fd = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(fd, b"\0" * 4096)
except OSError:
    pass
os.close(fd)
args = [a.replace("{home}", home) for a in spec["args"]]
done = subprocess.run([sys.executable, "-m", "govshare_desktop.cli", *args],
                      capture_output=True, text=True, timeout=120)
print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                  "free": os.statvfs(disk).f_bavail, "home": home}))
"""


@pytest.fixture(scope="module")
def namespaces() -> None:
    """Skip where user namespaces are refused (fail under CI, which must provide them)."""
    found = shutil.which("unshare")
    works = found and subprocess.run([*UNSHARE, "true"], capture_output=True, check=False)
    if not works or works.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("CI must allow `unshare --user --mount` (user namespaces)")
        pytest.skip("user namespaces are not available here (unshare --user --mount)")


def on_full_disk(
    tmp_path: Path,
    *args: str,
    source: Path | None = None,
    files: dict[str, int] | None = None,
    size: str = "4m",
) -> dict[str, Any]:
    """Run `govshare ARGS` with `--home {home}` on a full tmpfs; returns what it did."""
    disk = tmp_path / "disk"
    disk.mkdir()
    spec = {"disk": str(disk), "size": size, "source": str(source) if source else None,
            "files": files or {}, "args": [*args, "--home", "{home}"]}  # fmt: skip
    result = subprocess.run(
        [*UNSHARE, sys.executable, "-c", DRIVER, json.dumps(spec)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reply: dict[str, Any] = json.loads(result.stdout)
    assert reply["free"] == 0  # the disk was still full when govshare ended
    return reply


def disk_full(path: str) -> str:
    return error_text(KnownError(ErrorCode.DISK_FULL, path=path), translator("zh_CN"))


def assert_disk_full(reply: dict[str, Any], file: str) -> None:
    """Exit 2 and the one message naming `file` of the data directory; nothing else."""
    assert reply["code"] == 2, reply["stderr"]
    assert reply["stderr"] == disk_full(f"{reply['home']}/{file}") + "\n"


@pytest.fixture(scope="module")
def at_head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with a database at head, as the GUI leaves it, minus the lock, the
    -wal and -shm files, and with a short log (its last block has room for a line)."""
    home = tmp_path_factory.mktemp("at-head") / "home"
    created = subprocess.run(
        [sys.executable, "-m", "govshare_desktop.cli", "db", "upgrade", "--home", str(home)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    for name in ("govshare.lock", "govshare.db-wal", "govshare.db-shm"):
        (home / name).unlink(missing_ok=True)
    (home / "logs" / "govshare.log").write_text("earlier line\n", encoding="utf-8")
    return home


@pytest.mark.parametrize(
    "command",
    [
        ("info",),
        ("db", "check"),
        ("db", "upgrade"),
        ("catalog", "list"),
        ("export-template", "{out}"),
    ],
    ids=" ".join,
)
def test_a_new_data_directory(namespaces: None, tmp_path: Path, command: tuple[str, ...]) -> None:
    args = [a.replace("{out}", str(tmp_path / "template.xlsx")) for a in command]
    assert_disk_full(on_full_disk(tmp_path, *args), "logs/govshare.log")


@pytest.mark.parametrize(
    "command", [("info",), ("db", "check"), ("catalog", "list"), ("export-template", "{out}")],
    ids=" ".join,
)  # fmt: skip
def test_a_database_without_its_wal_index_yet(
    namespaces: None, tmp_path: Path, at_head: Path, command: tuple[str, ...]
) -> None:
    args = [a.replace("{out}", str(tmp_path / "template.xlsx")) for a in command]
    assert_disk_full(on_full_disk(tmp_path, *args, source=at_head), "govshare.db")


@pytest.mark.parametrize(
    "command", [("db", "upgrade"), ("catalog", "file", "--unit", "U1")], ids=" ".join
)
def test_no_instance_lock_yet(
    namespaces: None, tmp_path: Path, at_head: Path, command: tuple[str, ...]
) -> None:
    assert_disk_full(on_full_disk(tmp_path, *command, source=at_head), "govshare.lock")


def test_a_log_due_for_rotation(namespaces: None, tmp_path: Path, at_head: Path) -> None:
    reply = on_full_disk(
        tmp_path, "info", source=at_head, files={"logs/govshare.log": MAX_BYTES - 10}
    )
    assert_disk_full(reply, "logs/govshare.log")
