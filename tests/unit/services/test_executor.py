"""The Qt-free executor: one writer for the GUI, the CLI and (next) the sync engine alike."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from govshare_desktop.services.executor import WRITER_THREAD, Executor, Lane

LO = Path(__file__).resolve().parents[2] / "data" / "excel" / "lo"


@pytest.fixture
def executor() -> Iterator[Executor]:
    shared = Executor()
    yield shared
    shared.shutdown()


def test_writes_from_many_threads_run_one_at_a_time_in_order(executor: Executor) -> None:
    active, most, order = 0, 0, []
    lock = threading.Lock()
    first_may_finish = threading.Event()

    def write(i: int) -> int:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        if i == 0:
            first_may_finish.wait(5)  # every later write must queue behind this one
        with lock:
            order.append(i)
            active -= 1
        return i

    futures = [executor.submit(Lane.WRITE, lambda i=i: write(i)) for i in range(20)]
    callers = [threading.Thread(target=executor.write, args=(lambda: write(-1),)) for _ in range(4)]
    for caller in callers:
        caller.start()
    threading.Timer(0.05, first_may_finish.set).start()
    assert [f.result(10) for f in futures] == list(range(20))
    for caller in callers:
        caller.join(10)
    assert most == 1
    assert [i for i in order if i >= 0] == list(range(20))
    assert order.count(-1) == 4


def test_a_write_from_the_writer_runs_inline_instead_of_waiting_for_itself(
    executor: Executor,
) -> None:
    inner = executor.submit(Lane.WRITE, lambda: executor.write(lambda: executor.on_writer))
    assert inner.result(5) is True


def test_queued_writes_still_run_when_it_shuts_down(executor: Executor) -> None:
    release, done = threading.Event(), []
    executor.submit(Lane.WRITE, lambda: release.wait(5))
    for i in range(3):
        executor.submit(Lane.WRITE, lambda i=i: done.append(i))
    threading.Timer(0.05, release.set).start()
    executor.shutdown()
    assert done == [0, 1, 2]
    with pytest.raises(RuntimeError):
        executor.submit(Lane.READ, lambda: None)


def test_the_cli_writes_through_the_executor_with_no_qt_at_all(home: Path) -> None:
    """`govshare import-catalog` in a process of its own: every commit happens on the
    executor's writer thread, and Qt is never imported."""
    script = textwrap.dedent(
        f"""
        import sys, threading
        from govshare_desktop.services.change_bus import ChangeBus
        committed_on = []
        publish = ChangeBus.publish
        def spy(self, changes):
            committed_on.append(threading.current_thread().name)
            publish(self, changes)
        ChangeBus.publish = spy
        from govshare_desktop.cli import main
        code = main(["import-catalog", {str(LO / "merged_clean.xlsx")!r}, "--home", {str(home)!r}])
        assert code == 0, code
        assert committed_on, "nothing was committed"
        assert all(name.startswith({WRITER_THREAD!r}) for name in committed_on), committed_on
        assert not any(m.startswith("PySide6") for m in sys.modules), "Qt was imported"
        print("ok", len(committed_on))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "ok 1"  # the import: one transaction
