"""The window lock (Art. 18), at the main window's level: every page is covered at once.

The window's central widget (navigation and every page) is put in a stack beside the lock
screen; locking shows the screen instead, hides the window's other open dialogs (a request
or a grant may show in them too), and disables the menus until the password is accepted.
Locks after `security.auto_lock_minutes` without keyboard or mouse input (an application-
wide filter, ui/lock/idle.py), and at once on Ctrl+L (File → Lock).

Before any officer has signed in on this PC, there is no password to unlock with (and no
shared data here): locking is inactive and Ctrl+L says why (`UnlockService.can_lock`). The
lock protects an open, unattended window; quitting from the lock screen is allowed (every
change is already saved), and the OS session lock protects the rest of the PC.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from govshare_desktop.domain.unlock import UnlockOutcome, UnlockResult
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.lock.idle import IdleWatcher
from govshare_desktop.ui.lock.screen import LockScreen
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.services.lock.unlock import UnlockService

SETTING = "security.auto_lock_minutes"


class WindowLock(QObject):
    locked_changed = Signal(bool)
    refused = Signal(str)  # Ctrl+L when locking is not possible yet: the reason

    def __init__(self, window: QMainWindow, settings: Settings, runner: Runner) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._runner = runner
        self._unlock: UnlockService | None = None
        self._officer = ""
        self.can_lock = False
        self.locked = False
        self._hidden: list[QWidget] = []
        content = window.takeCentralWidget()
        if content is None:
            raise ValueError("the window has no central widget to cover")
        self.content: QWidget = content
        self.screen = LockScreen()
        self.stack = QStackedWidget()
        self.stack.setObjectName("lockStack")
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.screen)
        window.setCentralWidget(self.stack)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the window lock needs the QApplication")
        self.watcher = IdleWatcher(app, self)
        self.watcher.idle.connect(self.lock)
        self.screen.unlock_requested.connect(self._try)
        self.screen.quit_requested.connect(window.close)
        settings.subscribe(self._on_settings_changed)

    def attach(self, unlock: UnlockService) -> None:
        """The store is ready: whether anyone could unlock is read on a worker."""
        self._unlock = unlock
        self.refresh()

    def set_officer(self, officer: str) -> None:
        """Whose password the lock screen asks for (from the status bar's identity)."""
        self._officer = officer
        if self.locked:
            self.screen.retranslate(officer)

    def refresh(self) -> None:
        """At start and after a sign-in: can locking work now?"""
        service = self._unlock
        if service is None:
            return
        self._runner.run_read(
            lambda _progress: service.can_lock(), self._set_can_lock, label="lock-possible"
        )

    def _set_can_lock(self, possible: bool) -> None:
        self.can_lock = possible
        self.watcher.set_minutes(int(self._settings.get(SETTING)) if possible else 0)

    def _on_settings_changed(self, changed: set[str]) -> None:
        if SETTING in changed and self.can_lock:
            self.watcher.set_minutes(int(self._settings.get(SETTING)))

    # ------------------------------------------------------------------ locking
    def lock(self) -> bool:
        """Cover the window now; False (and `refused` said) when nobody could unlock it."""
        if self.locked:
            return True
        if not self.can_lock:
            self.refused.emit(
                self.tr(
                    "The window can be locked once an officer has signed in on this PC: "
                    "the password of that sign-in unlocks it."
                )
            )
            return False
        self.locked = True
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        for dialog in self._hidden:
            dialog.hide()
        self.stack.setCurrentWidget(self.screen)
        self.content.hide()  # no page paints while locked, whatever the stack does later
        self._window.menuBar().setEnabled(False)
        self.screen.begin(self._officer)
        self.locked_changed.emit(True)
        return True

    def _try(self, password: str) -> None:
        service = self._unlock
        if service is None:
            return
        self.screen.set_busy(True)
        self.screen.message.setText(self.tr("Checking the password…"))
        self._runner.run_network(
            lambda _progress: service.unlock(password),
            self._answered,
            self._failed,
            label="unlock",
        )

    def _answered(self, result: UnlockResult) -> None:
        self.screen.set_busy(False)
        if result.outcome is UnlockOutcome.UNLOCKED:
            self._open()
            return
        if result.outcome is UnlockOutcome.THROTTLED:
            text = self.tr(
                "Too many wrong passwords. Wait {seconds} seconds, then try again."
            ).format(seconds=result.wait_seconds)
        elif result.outcome is UnlockOutcome.CANNOT_CHECK:
            text = self.tr(
                "The password cannot be checked: the platform does not answer and this PC "
                "holds no record of the last sign-in to check it against. Connect to the "
                "network and try again, or quit."
            )
        else:
            text = self.tr("Wrong password; the window stays locked.")
            if result.tries_left:
                text += " " + self.tr("{n} more wrong password(s), then you must wait.").format(
                    n=result.tries_left
                )
        self.screen.say(text)

    def _failed(self, error: BaseException) -> None:
        self.screen.set_busy(False)
        self.screen.say(describe_failure(error))

    def _open(self) -> None:
        self.locked = False
        self.content.show()
        self.stack.setCurrentWidget(self.content)
        self._window.menuBar().setEnabled(True)
        for dialog in self._hidden:
            dialog.show()
        self._hidden = []
        self.screen.password.clear()
        self.watcher.reset()
        self.locked_changed.emit(False)

    def retranslate(self) -> None:
        self.screen.retranslate(self._officer)

    def stop(self) -> None:
        self.watcher.stop()
