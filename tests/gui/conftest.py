"""The app shell as an officer meets it: real widgets, real DB, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from govshare_desktop.app.gui import Shell, open_shell, prepare_application

OpenShell = Callable[[], Shell]


@pytest.fixture
def start_shell(qapp: QApplication, qtbot: QtBot, home: Path) -> Iterator[OpenShell]:
    """Start the app on `home` (call again after closing to "restart" it)."""
    prepare_application(qapp)
    opened: list[Shell] = []

    def start() -> Shell:
        reports: list[str] = []
        shell = open_shell(qapp, str(home), reports.append)
        assert isinstance(shell, Shell), reports
        opened.append(shell)
        shell.window.show()
        qtbot.waitExposed(shell.window)
        qtbot.waitUntil(lambda: shell.window.status.snapshot is not None, timeout=5000)
        # the catalog page opens on its first resource, then loads its tree: a test that
        # writes to the catalog starts once that is done, not while it is being read
        qtbot.waitUntil(lambda: shell.window.catalog_page.opened, timeout=5000)
        return shell

    yield start
    for shell in opened:
        if shell.ctx.lock is not None and shell.ctx.lock.held:
            shell.window.close()
            shell.close()
        # a test that closed only the window left its translators on the application: the
        # next test in this process would start in its language, whatever it asked for
        shell.translations.remove()
        shell.window.deleteLater()
    opened.clear()
    qapp.processEvents()


@pytest.fixture
def shell(start_shell: OpenShell) -> Shell:
    return start_shell()


def restart(shell: Shell, start_shell: OpenShell) -> Shell:
    shell.window.close()
    shell.close()
    return start_shell()
