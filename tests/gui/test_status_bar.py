"""The status bar's connection figure agrees with its own `syncing` answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from govshare_desktop.domain.status import Connection, StatusSnapshot
from govshare_desktop.ui.status_bar import ShellStatusBar


def words(text: str) -> str:
    """In whatever language an earlier test of this process left installed."""
    return QCoreApplication.translate("ShellStatusBar", text)


def snapshot(*, syncing: bool) -> StatusSnapshot:
    return StatusSnapshot(Connection.OFFLINE, 0, 0, 0, None, syncing=syncing)


def test_figures_read_during_a_cycle_say_syncing_before_the_scheduler_does(
    qtbot: QtBot,
) -> None:
    bar = ShellStatusBar()
    qtbot.addWidget(bar)
    bar.show_snapshot(snapshot(syncing=True))  # the scheduler's own word is still queued
    assert bar.syncing
    assert bar.connection_label.text() == "⟳ " + words("Syncing…")
    bar.show_snapshot(snapshot(syncing=False))
    assert not bar.syncing
    assert bar.connection_label.text() == "● " + words("Offline")
    bar.set_syncing(True)
    assert bar.connection_label.text() == "⟳ " + words("Syncing…")
