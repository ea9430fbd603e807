"""Starting, refusing to start, a second instance, a crash: what the officer sees each time."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from govshare_desktop.app import gui
from govshare_desktop.app.context import AppContext
from govshare_desktop.app.crash_handler import CrashHandler
from govshare_desktop.app.gui import EXIT_OK, EXIT_UNUSABLE, Shell, open_shell, prepare_application
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.progress import Progress
from govshare_desktop.ui.progress_dialog import DelayedProgress


def test_a_newer_database_is_refused_with_a_chinese_message(qapp: QApplication, home: Path) -> None:
    AppContext.open(home).close()
    with sqlite3.connect(home / "govshare.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    prepare_application(qapp)
    reports: list[str] = []
    assert open_shell(qapp, str(home), reports.append) == EXIT_UNUSABLE
    assert len(reports) == 1
    assert "更新版本" in reports[0]
    assert "9999" in reports[0]


def test_a_second_instance_brings_the_first_forward(qtbot: QtBot, shell: Shell, home: Path) -> None:
    """A real second process on the same data directory exits at once and raises our window."""
    activated = threading.Event()
    original = shell.activate

    def spy() -> None:
        activated.set()
        original()

    shell.activation._on_activate = spy
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, "-m", "govshare_desktop", "--home", str(home)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    assert second.returncode == EXIT_OK, second.stderr.read() if second.stderr else ""
    qtbot.waitUntil(activated.is_set, timeout=5000)
    # the refused instance wrote nothing: our lock is still held and the DB is ours alone
    assert shell.ctx.lock is not None
    assert shell.ctx.lock.held


@pytest.mark.allow_error_logs
def test_an_uncaught_exception_shows_the_crash_dialog(qtbot: QtBot, shell: Shell) -> None:
    handler = CrashHandler(shell.ctx.paths.log_file)
    handler.install()
    try:
        try:
            raise ZeroDivisionError("division by zero in a slot")
        except ZeroDivisionError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        handler.uninstall()
    qtbot.waitUntil(lambda: bool(handler.dialogs), timeout=5000)
    box = handler.dialogs[0]
    assert box.icon() is QMessageBox.Icon.Critical
    assert "内部错误" in box.text()
    assert str(shell.ctx.paths.log_file) in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert "division by zero in a slot" in shell.ctx.paths.log_file.read_text(encoding="utf-8")
    box.close()


def cancel_long_work(qtbot: QtBot, shell: Shell) -> None:
    """Start a write that reports progress until cancelled; cancel it from its dialog."""
    started = threading.Event()
    failures: list[BaseException] = []

    def long_write(progress: Progress) -> None:
        started.set()
        deadline = time.monotonic() + 30  # ends by itself should the cancel never arrive
        i = 0
        while time.monotonic() < deadline:
            progress.report(i % 100, 100, "正在导入…")
            i += 1

    handle = shell.runner.run_write(long_write, on_failure=failures.append, label="import")
    watcher = DelayedProgress(handle, shell.window, "导入", delay_ms=50)
    assert started.wait(5)
    qtbot.waitUntil(lambda: watcher.dialog is not None and watcher.dialog.isVisible(), timeout=5000)
    assert watcher.dialog is not None
    qtbot.waitUntil(
        lambda: watcher.dialog is not None and watcher.dialog.labelText() == "正在导入…"
    )
    (cancel,) = watcher.dialog.findChildren(QPushButton)
    assert cancel.text() == "取消"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handle.is_finished, timeout=5000)
    assert watcher.dialog is None
    assert failures
    assert failures[0].__class__.__name__ == "Cancelled"


def test_long_work_shows_a_progress_dialog_that_cancels(qtbot: QtBot, shell: Shell) -> None:
    cancel_long_work(qtbot, shell)


@pytest.mark.slow
def test_cancelling_long_work_fifty_times_in_a_row_never_crashes(
    qtbot: QtBot, shell: Shell
) -> None:
    """It used to fail about 2 runs in 5: a progress report tore the dialog down under
    itself. Fifty in a row, in one window."""
    for _ in range(50):
        cancel_long_work(qtbot, shell)


def test_a_progress_report_runs_no_nested_event_loop(qtbot: QtBot, shell: Shell) -> None:
    """The cause of that crash: QProgressDialog.setValue processes events when modal, so
    the task's end could be handled in the middle of a progress report."""
    release = threading.Event()
    handle = shell.runner.run_write(lambda _p: release.wait(5), label="import")
    watcher = DelayedProgress(handle, shell.window, "导入", delay_ms=0)
    qtbot.waitUntil(lambda: watcher.dialog is not None and watcher.dialog.isVisible(), timeout=5000)
    ran: list[str] = []
    QTimer.singleShot(0, lambda: ran.append("event"))
    handle.progressed.emit(5, 10, "正在导入…")  # delivered at once, on this thread
    assert ran == []  # nothing else ran inside the report
    assert watcher.dialog is not None and watcher.dialog.labelText() == "正在导入…"
    release.set()
    qtbot.waitUntil(lambda: handle.is_finished, timeout=5000)
    assert ran == ["event"]


def test_quick_work_never_flashes_a_dialog(qtbot: QtBot, shell: Shell) -> None:
    handle = shell.runner.run_read(lambda _p: 42)
    watcher = DelayedProgress(handle, shell.window, "x", delay_ms=2000)
    qtbot.waitUntil(lambda: handle.is_finished, timeout=5000)
    assert watcher.dialog is None


def test_an_unwritable_data_folder_is_explained(qapp: QApplication, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    prepare_application(qapp)
    reports: list[str] = []
    assert open_shell(qapp, str(blocker / "home"), reports.append) == EXIT_UNUSABLE
    assert "无法写入数据目录" in reports[0]


@pytest.mark.allow_error_logs
def test_a_bug_at_start_up_shows_the_crash_dialog_not_a_traceback(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_open(*_args: object, **_kwargs: object) -> gui.Preflight:
        raise RuntimeError("bug in start-up")

    monkeypatch.setattr(gui.Preflight, "open", broken_open)
    shown: list[str] = []

    def close_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_the_dialog)

    QTimer.singleShot(20, close_the_dialog)
    assert gui.main(["govshare-desktop", "--home", str(home)]) == gui.EXIT_CRASHED
    assert "内部错误" in shown[0]
    assert str(home / "logs" / "govshare.log") in shown[0]


def test_an_ordinary_start_shows_the_window_before_the_store_loads(
    qapp: QApplication, qtbot: QtBot, home: Path
) -> None:
    AppContext.open(home).close()  # the DB exists at this build's schema
    prepare_application(qapp)
    shell = open_shell(qapp, str(home), pytest.fail)
    assert isinstance(shell, Shell)
    try:
        shell.window.show()
        assert shell.window.shell is None  # the window is up; the store loads behind it
        assert not shell.window.about_action.isEnabled()
        qtbot.waitUntil(lambda: shell.window.status.snapshot is not None, timeout=10000)
        assert shell.window.shell is not None
        assert shell.window.about_action.isEnabled()
    finally:
        shell.window.close()
        shell.close()
        shell.window.deleteLater()


def test_a_first_start_migrates_before_the_window_opens(qapp: QApplication, home: Path) -> None:
    prepare_application(qapp)
    shell = open_shell(qapp, str(home), pytest.fail)
    assert isinstance(shell, Shell)
    try:
        assert shell.window.shell is not None  # built (and migrated) before the window
        assert shell.ctx.upgrade is not None
        assert shell.ctx.upgrade.from_revision is None
    finally:
        shell.close()
        shell.window.deleteLater()


def test_the_catalog_smoke_test_opens_the_first_resource(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        ctx.services.catalog.save(
            Resource(name="企业登记信息", unit_code="U1", code="301001/000001")
        )
    finally:
        ctx.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "govshare_desktop", "--home", str(home), "--smoke-test=catalog"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = (home / "logs" / "govshare.log").read_text(encoding="utf-8")
    assert "catalog page loaded (1 resources)" in log
    assert "resource shown" in log
