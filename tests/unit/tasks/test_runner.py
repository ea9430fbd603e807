"""The task runner: work off the GUI thread, results on it, writes one at a time, cancel."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QListWidget, QWidget
from pytestqt.qtbot import QtBot

from govshare_desktop.domain.errors import Cancelled
from govshare_desktop.domain.progress import Progress
from govshare_desktop.services.executor import Executor
from govshare_desktop.tasks.runner import InlineRunner, TaskRunner


@pytest.fixture
def executor() -> Iterator[Executor]:
    shared = Executor()
    yield shared
    shared.shutdown()


@pytest.fixture
def runner(qtbot: QtBot, executor: Executor) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(executor)
    yield task_runner
    task_runner.shutdown()


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: dict[str, object] = {}

    def op(_progress: Progress) -> str:
        seen["op_thread"] = threading.current_thread()
        return "result"

    def done(value: str) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.current_thread()

    handle = runner.run_read(op, done)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert seen["value"] == "result"
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["callback_thread"] is threading.main_thread()


def test_writes_run_one_at_a_time_in_submission_order(qtbot: QtBot, runner: TaskRunner) -> None:
    lock = threading.Lock()
    active = 0
    most = 0
    order: list[int] = []
    first_may_finish = threading.Event()

    def make(i: int):
        def op(_progress: Progress) -> int:
            nonlocal active, most
            with lock:
                active += 1
                most = max(most, active)
            if i == 0:
                first_may_finish.wait(5)  # later writes must queue behind a slow one
            with lock:
                order.append(i)
                active -= 1
            return i

        return op

    handles = [runner.run_write(make(i)) for i in range(12)]
    first_may_finish.set()
    qtbot.waitUntil(lambda: all(h.is_finished for h in handles), timeout=10000)
    assert order == list(range(12))
    assert most == 1


def test_failures_reach_the_failure_callback_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    got: list[tuple[BaseException, threading.Thread]] = []

    def op(_progress: Progress) -> None:
        raise ValueError("bad input")

    handle = runner.run_read(op, on_failure=lambda e: got.append((e, threading.current_thread())))
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert isinstance(got[0][0], ValueError)
    assert got[0][1] is threading.main_thread()


@pytest.mark.allow_error_logs
def test_unhandled_failures_are_announced(qtbot: QtBot, runner: TaskRunner) -> None:
    def op(_progress: Progress) -> None:
        raise RuntimeError("nobody listens")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.run_write(op, label="save")
    error, label = blocker.args
    assert isinstance(error, RuntimeError)
    assert label == "save"


def test_cancel_stops_the_work(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    failures: list[BaseException] = []

    def op(progress: Progress) -> None:
        started.set()
        for i in range(10_000_000):
            progress.report(i, 10_000_000)

    handle = runner.run_write(op, on_failure=failures.append)
    assert started.wait(5)
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert isinstance(failures[0], Cancelled)


def test_progress_is_throttled_but_the_end_always_arrives(qtbot: QtBot, runner: TaskRunner) -> None:
    reports: list[tuple[int, int]] = []

    def op(progress: Progress) -> None:
        for i in range(1, 20_001):
            progress.report(i, 20_000)

    handle = runner.run_read(op)
    handle.progressed.connect(lambda done, total, _msg: reports.append((done, total)))
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    assert reports[-1] == (20_000, 20_000)
    assert len(reports) < 200  # one per 100 ms at most, plus the last


def test_shutdown_waits_for_running_writes(qtbot: QtBot, executor: Executor) -> None:
    runner = TaskRunner(executor)
    release = threading.Event()
    finished = threading.Event()

    def op(_progress: Progress) -> None:
        release.wait(5)
        finished.set()

    runner.run_write(op)
    threading.Timer(0.05, release.set).start()
    assert runner.shutdown(timeout_ms=10000)
    assert finished.is_set()


def test_inline_runner_runs_at_once(qtbot: QtBot) -> None:
    runner = InlineRunner()
    results: list[int] = []
    runner.run_write(lambda _p: 41 + 1, results.append)
    failures: list[BaseException] = []
    runner.run_read(lambda _p: 1 / 0, on_failure=failures.append)
    assert results == [42]
    assert isinstance(failures[0], ZeroDivisionError)


def test_a_slow_network_call_does_not_delay_a_read(qtbot: QtBot, runner: TaskRunner) -> None:
    """The platform may take a minute to answer; the officer's reads must not wait for it,
    even with both read threads' worth of network calls hanging."""
    release = threading.Event()
    hanging = [runner.run_network(lambda _p: release.wait(30)) for _ in range(3)]
    try:
        read = runner.run_read(lambda _p: "the resource")
        results: list[str] = []
        read.finished.connect(lambda: results.append("done"))
        qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
        assert not any(h.is_finished for h in hanging)
    finally:
        release.set()
    for handle in hanging:
        qtbot.waitUntil(lambda h=handle: h.is_finished, timeout=5000)


class Receiver(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.items = QListWidget(self)
        self.got: list[object] = []

    def picked(self, value: object) -> None:
        self.got.append(self.items.count())  # touches a child: fails once Qt deleted it


def test_a_result_for_a_widget_deleted_meanwhile_is_dropped_not_delivered(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """A dialog closed (and deleted) while its read ran: the result must not reach it —
    calling it raised "Internal C++ object already deleted" in the event loop (seen in CI:
    the share-request draft dialog's directory pick)."""
    release = threading.Event()
    receiver = Receiver()
    handle = runner.run_read(lambda _p: release.wait(5), receiver.picked)
    shiboken6.delete(receiver)
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    alive = Receiver()
    handle = runner.run_read(lambda _p: "ok", alive.picked)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert alive.got == [0]  # a live receiver still gets its result
