"""One writer per data directory, across processes; a killed holder frees the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.store.instance_lock import InstanceLock

HOLD = """
import sys, time
from pathlib import Path
from govshare_desktop.store.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def hold_in_child(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_a_second_process_is_refused_until_the_first_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "govshare.lock"
    child = hold_in_child(path)
    try:
        with pytest.raises(KnownError) as caught:
            InstanceLock(path).acquire()
        assert caught.value.code is ErrorCode.INSTANCE_RUNNING
        assert caught.value.params["path"] == str(tmp_path)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with InstanceLock(path) as lock:  # the kernel released it with the process
        assert lock.held
    assert not lock.held


def test_release_lets_another_holder_in(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path / "l")
    first.acquire()
    first.release()
    second = InstanceLock(tmp_path / "l")
    second.acquire()
    second.release()
