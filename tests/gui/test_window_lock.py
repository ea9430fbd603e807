"""The window lock as an officer meets it (Art. 18): after the idle minutes with no input
the whole central area is covered — every page, so no resource, request or grant shows —
and only the officer's password opens it again (checked offline against the verifier the
last sign-in left); a wrong one does not. Ctrl+L locks at once. Before any sign-in there is
no password to unlock with, and locking says so instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from govshare_desktop.app.context import AppContext
from govshare_desktop.app.gui import Shell
from govshare_desktop.domain.entities import Classification
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.identity import IdentityRepository
from tests.gui.conftest import OpenShell

PASSWORD = "Zhengque-Mima-2026"  # noqa: S105 - a test password
OFFICER = Identity(officer="mz-requester", display_name="王小明", unit_code="SJZ-MZ")
MARKER = "低保对象核验信息"


def signed_in_before(home: Path) -> None:
    """What a sign-in left: the officer in the store and the offline verifier; a resource."""
    ctx = AppContext.open(home)
    try:
        with ctx.database.write() as session:
            IdentityRepository(session).put(OFFICER)
        ctx.services.runtime.identity.set(OFFICER)
        ctx.services.unlock.remember(OFFICER.officer, PASSWORD)
        catalog = ctx.services.catalog
        catalog.save(catalog.new_resource(MARKER, Classification("3", "01", "001")))
    finally:
        ctx.close()


class FakeClock:
    def __init__(self) -> None:
        self.ms = 1_000_000

    def __call__(self) -> int:
        return self.ms


def lockable(qtbot: QtBot, start_shell: OpenShell, home: Path) -> tuple[Shell, FakeClock]:
    signed_in_before(home)
    shell = start_shell()
    lock = shell.window.lock
    qtbot.waitUntil(lambda: lock.can_lock, timeout=5000)
    clock = FakeClock()
    lock.watcher.now_ms = clock
    lock.watcher.reset()
    return shell, clock


def assert_covered(shell: Shell) -> None:
    window = shell.window
    window.grab()  # painted as the officer would see it
    assert window.lock.locked
    assert window.lock.screen.isVisible()
    assert not window.lock.content.isVisible()
    for key, page in window.pages.items():
        assert not page.isVisible(), key
        assert page.visibleRegion().isEmpty(), key
    assert not window.pages["overview"].isVisible()
    assert not window.menuBar().isEnabled()


def unlock_with(qtbot: QtBot, shell: Shell, password: str) -> str:
    screen = shell.window.lock.screen
    screen.password.clear()
    qtbot.keyClicks(screen.password, password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=10_000)
    return screen.message.text()


def test_idle_minutes_lock_the_window_and_only_the_password_opens_it(
    qtbot: QtBot, start_shell: OpenShell, home: Path
) -> None:
    shell, clock = lockable(qtbot, start_shell, home)
    window = shell.window
    assert window.pages["overview"].isVisible()  # the landing page
    watcher = window.lock.watcher
    clock.ms += 15 * 60_000 - 1  # the default: 15 minutes without input
    watcher.check()
    assert not window.lock.locked
    clock.ms += 1
    watcher.check()
    assert_covered(shell)
    assert "王小明" in window.lock.screen.explanation.text()

    said = unlock_with(qtbot, shell, "wrong-password")
    assert said.startswith("密码错误，窗口保持锁定。")
    assert_covered(shell)

    unlock_with(qtbot, shell, PASSWORD)
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
    assert window.lock.content.isVisible()
    assert window.pages["overview"].isVisible()  # the landing page
    assert window.menuBar().isEnabled()
    assert window.lock.screen.password.text() == ""


def test_input_keeps_the_window_open(qtbot: QtBot, start_shell: OpenShell, home: Path) -> None:
    shell, clock = lockable(qtbot, start_shell, home)
    clock.ms += 10 * 60_000
    qtbot.keyClick(shell.window.catalog_page, Qt.Key.Key_Shift)  # the officer is there
    clock.ms += 10 * 60_000
    shell.window.lock.watcher.check()
    assert not shell.window.lock.locked


def test_ctrl_l_locks_at_once(qtbot: QtBot, start_shell: OpenShell, home: Path) -> None:
    shell, _clock = lockable(qtbot, start_shell, home)
    window = shell.window
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.lock_action in window.file_menu.actions()
    window.activateWindow()
    qtbot.keyClick(window.catalog_page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_covered(shell)


def test_the_verifier_holds_no_password(qtbot: QtBot, start_shell: OpenShell, home: Path) -> None:
    shell, _clock = lockable(qtbot, start_shell, home)
    shell.window.lock_action.trigger()
    unlock_with(qtbot, shell, PASSWORD)
    qtbot.waitUntil(lambda: not shell.window.lock.locked, timeout=10_000)
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data, path
            assert PASSWORD.encode("utf-16-le") not in data, path


def test_before_any_sign_in_locking_says_why_and_hides_nothing(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    qtbot.waitUntil(lambda: window.lock._unlock is not None, timeout=5000)
    assert not window.lock.lock()
    assert not window.lock.locked
    assert "登录" in window.status.currentMessage()
