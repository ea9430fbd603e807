"""The main window: navigation between the five capabilities, menus, shortcuts, status bar.

It opens before the store has loaded (services arrive through `attach`), so importing this
module must not import the store: service types are named for the type checker only. The
pages come from ui/page_registry.py; each takes what it needs from the `ShellContext`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from govshare_desktop.domain.changes import ChangeSet
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.status import StatusSnapshot
from govshare_desktop.domain.sync_result import SyncOutcome, SyncResult
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.tasks.sync_scheduler import SyncScheduler, Trigger
from govshare_desktop.ui.about_dialog import AboutDialog
from govshare_desktop.ui.catalog.import_dialog import WORKBOOK_SUFFIXES
from govshare_desktop.ui.catalog.page import CatalogPage
from govshare_desktop.ui.crash_dialog import show_error
from govshare_desktop.ui.lock.controller import WindowLock
from govshare_desktop.ui.messages import describe_failure
from govshare_desktop.ui.notices.arrival import ArrivalAnnouncer
from govshare_desktop.ui.overview.page import OverviewPage
from govshare_desktop.ui.page_registry import PAGES
from govshare_desktop.ui.pages.base import Page
from govshare_desktop.ui.pages.reveal import Reveal, RevealKind
from govshare_desktop.ui.settings_dialog import SettingsDialog
from govshare_desktop.ui.shell_context import ShellContext
from govshare_desktop.ui.status_bar import ShellStatusBar
from govshare_desktop.ui.sync.page import SyncPage
from govshare_desktop.ui.sync.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    from govshare_desktop.services.sync.signin import SignInState

P = TypeVar("P", bound=Page)

REFRESH_MS = 30_000
NOTE_MS = 20_000  # how long a note with 撤销 stays in the status bar
SIGN_IN_NOTE_MS = 600_000  # the platform asked for a sign-in: said until done or dismissed
FIGURES_PAUSE_MS = 50  # a burst of changes (typing, an import) refreshes the figures once
PAGE_KEYS = tuple(page.key for page in PAGES)


@dataclass(frozen=True)
class WindowDeps:
    """What the window needs to open, built by the composition root (app/gui.py)."""

    runner: Runner
    settings: Settings
    ui_state: Path


class MainWindow(QMainWindow):
    figures_refreshed = Signal()
    identity_refreshed = Signal()

    def __init__(self, deps: WindowDeps) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self._deps = deps
        self._shell: ShellContext | None = None
        self.pages: dict[str, Page] = {page.key: page() for page in PAGES}
        self.catalog_page = self._page("catalog", CatalogPage)
        self.sync_page = self._page("sync", SyncPage)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(168)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 8px 12px; }")
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.nav.addItem(QListWidgetItem())
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = ShellStatusBar(self)
        self.setStatusBar(self.status)
        # the lock covers the whole central area: every page, whichever is showing
        self.lock = WindowLock(self, deps.settings, deps.runner)
        self.lock.refused.connect(lambda text: self.status.showMessage(text, 10_000))
        self.catalog_page.undo_dropped.connect(self._on_undo_dropped)
        self.catalog_page.deleted.connect(self._on_resource_deleted)
        self._build_actions()
        self.retranslate()
        self._restore_state()
        self.sync_page.set_platform_url(str(deps.settings.get("platform.url")))
        deps.settings.subscribe(self._on_settings_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._figures_pause = QTimer(self)
        self._figures_pause.setSingleShot(True)
        self._figures_pause.setInterval(FIGURES_PAUSE_MS)
        self._figures_pause.timeout.connect(self.refresh)
        self.about_action.setEnabled(False)
        for action in (self.sign_in_action, self.sign_out_action):
            action.setEnabled(False)  # until the store (and with it the officer) has loaded
        self.status.identity_button.clicked.connect(self.open_sign_in)
        self.status.sync_clicked.connect(lambda: self.show_page("sync"))
        self.sync_page.sync_requested.connect(self.sync_now)
        self._page("overview", OverviewPage).reveal_requested.connect(self.reveal)
        self.scheduler: SyncScheduler | None = None
        self.arrivals: ArrivalAnnouncer | None = None
        self.setAcceptDrops(True)  # a catalog workbook dropped anywhere opens the import

    def _page(self, key: str, kind: type[P]) -> P:
        page = self.pages[key]
        if not isinstance(page, kind):
            raise TypeError(f"page {key!r} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def attach(self, shell: ShellContext) -> None:
        """The store is ready: every page takes what it needs, figures can be read, About
        can name the schema."""
        self._shell = shell
        shell.services.status.set_platform_url(str(self._deps.settings.get("platform.url")))
        self.about_action.setEnabled(True)
        for action in (self.sign_in_action, self.sign_out_action, self.sync_action):
            action.setEnabled(True)
        for page in self.pages.values():
            page.attach(shell)
        self.lock.attach(shell.services.unlock)
        # every stored change (an edit, an import, a filing, a pull) shows in the figures
        shell.changes.changed.connect(self._on_changes)
        self._timer.start(REFRESH_MS)
        self.refresh()
        self.arrivals = ArrivalAnnouncer(
            shell.services, shell.runner, self.status, self.open_notices, self
        )
        self.arrivals.check()  # notices a sync brought while the window was closed
        self._start_sync(shell)

    def _start_sync(self, shell: ShellContext) -> None:
        """The background sync (tasks/sync_scheduler.py), first cycle once the window is up."""
        minutes = int(self._deps.settings.get("sync.interval_minutes"))
        scheduler = SyncScheduler(
            self._deps.runner, shell.services.sync, interval_ms=minutes * 60_000, parent=self
        )
        scheduler.cycle_started.connect(self._on_sync_started)
        scheduler.cycle_finished.connect(self._on_sync_finished)
        scheduler.already_running.connect(self._on_sync_already_running)
        scheduler.link_checked.connect(lambda _online: self.refresh())
        scheduler.cycle_failed.connect(self._on_sync_crashed)
        shell.changes.changed.connect(scheduler.note_changes)
        self.sync_page.conflict_resolved.connect(lambda: scheduler.request(Trigger.RESOLVED))
        self.scheduler = scheduler
        QTimer.singleShot(0, scheduler.start)

    def sync_now(self) -> None:
        """同步 / F5: a cycle now (or, while one runs, a word that it covers this)."""
        if self.scheduler is not None:
            self.scheduler.request(Trigger.MANUAL)

    def _on_sync_started(self, _trigger: str) -> None:
        self.status.set_syncing(True)
        self.sync_page.show_running(True)

    def _on_sync_finished(self, result: SyncResult) -> None:
        self.status.set_syncing(False)
        wait = self.scheduler.retry_in_ms if self.scheduler is not None else -1
        retry_at = datetime.now(UTC) + timedelta(milliseconds=wait) if wait >= 0 else None
        self.sync_page.show_result(result, retry_at)
        if self.arrivals is not None:
            self.arrivals.check()
        if result.outcome is SyncOutcome.SIGN_IN:
            self.status.show_note(
                self.tr("Sign in to send and receive changes; they wait on this PC meanwhile."),
                self.tr("Sign in…"),
                self._sign_in_from_note,
                SIGN_IN_NOTE_MS,
            )
        self.refresh()

    def _on_sync_crashed(self, error: BaseException) -> None:
        self.status.set_syncing(False)
        self.sync_page.show_running(False)
        self._on_failure(error)

    def _sign_in_from_note(self) -> None:
        self.open_sign_in()

    def _on_sync_already_running(self) -> None:
        self.status.showMessage(
            self.tr("A sync is already running; it includes everything saved so far."), 8000
        )

    @property
    def shell(self) -> ShellContext | None:
        return self._shell

    def _on_changes(self, _changes: ChangeSet) -> None:
        self._figures_pause.start()

    def _on_undo_dropped(self, step: str) -> None:
        self.status.showMessage(
            self.tr(
                "Not undone: {step}. The platform has changed this resource since, so the "
                "step was removed from the undo history."
            ).format(step=step),
            15_000,
        )

    def _on_resource_deleted(self, text: str) -> None:
        """The delete is said, with 撤销 beside it while it is still the latest step."""
        stack = self.catalog_page.undo_stack
        step = stack.index()

        def undo() -> None:
            if stack.index() == step:
                stack.undo()

        self.status.show_note(text, self.tr("Undo"), undo, NOTE_MS)
        stack.indexChanged.connect(self._dismiss_delete_note)

    def _dismiss_delete_note(self, _index: int) -> None:
        """Another step was done or undone: the note's 撤销 would now undo something else."""
        self.catalog_page.undo_stack.indexChanged.disconnect(self._dismiss_delete_note)
        self.status.dismiss_note()

    # ------------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("actionSettings")
        self.settings_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("actionQuit")
        self.quit_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        self._build_account_actions()
        self.fullscreen_action = QAction(self)
        self.fullscreen_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(
            lambda on: self.showFullScreen() if on else self.showNormal()
        )
        self.page_actions: list[QAction] = []
        for index in range(len(self.pages)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.nav.setCurrentRow(i))
            self.page_actions.append(action)
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("")
        self.file_menu.addAction(self.sign_in_action)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.sync_action)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu_bar.addMenu("")
        stack = self.catalog_page.undo_stack
        self.undo_action = stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = menu_bar.addMenu("")
        self.view_menu.addActions(self.page_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.fullscreen_action)
        self.help_menu = menu_bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_account_actions(self) -> None:
        """登录 / 退出登录 / 立即同步 (File menu; the status bar's identity opens the
        sign-in too)."""
        self.sign_in_action = QAction(self)
        self.sign_in_action.setObjectName("actionSignIn")
        self.sign_in_action.triggered.connect(self.open_sign_in)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("actionSignOut")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.sync_action = QAction(self)  # 立即同步, F5 wherever the focus is
        self.sync_action.setObjectName("actionSync")
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.setEnabled(False)  # until the store (and the sync) has loaded
        self.sync_action.triggered.connect(self.sync_now)
        self.lock_action = QAction(self)  # 锁定, Ctrl+L: cover the window at once
        self.lock_action.setObjectName("actionLock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock.lock)

    def retranslate(self) -> None:
        # Qt delivers LanguageChange to a parent before its children, so the page titles
        # this window copies into the navigation are refreshed here first.
        for page in self.pages.values():
            page.retranslate()
        self.setWindowTitle(self.tr("GovShare Desktop"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.sign_in_action.setText(self.tr("Sign &in…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.sync_action.setText(self.tr("Sync &now"))
        self.lock_action.setText(self.tr("&Lock"))
        self.lock.retranslate()
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About GovShare Desktop"))
        self.fullscreen_action.setText(self.tr("&Full Screen"))
        for index, page in enumerate(self.pages.values()):
            self.nav.item(index).setText(page.title())
            self.page_actions[index].setText(page.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ pages
    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))

    def reveal(self, what: Reveal) -> None:
        """Open a page on a record or a filtered list (what the 概览's items lead to)."""
        self.show_page(what.page)
        self.pages[what.page].reveal(what)

    def open_notices(self, notice_ids: list[str]) -> None:
        """The 概览's notices, the one that arrived selected (from the arrival's note)."""
        only = notice_ids[0] if len(notice_ids) == 1 else ""
        self.reveal(Reveal("overview", RevealKind.NOTICE, only))

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    # ------------------------------------------------------------------ figures
    def refresh(self) -> None:
        """Re-read the figures on a worker; the GUI thread never waits for the DB."""
        if self._shell is None:
            return
        catalog, status = self._shell.services.catalog, self._shell.services.status

        def read(_progress: object) -> tuple[int, StatusSnapshot]:
            return catalog.count(), status.snapshot()

        self._deps.runner.run_read(read, self._show_figures, self._on_failure, label="refresh")
        self.refresh_identity()

    def refresh_identity(self) -> None:
        """Who works here and whether signed in (the keyring is read on a worker)."""
        if self._shell is None:
            return
        service = self._shell.services.sign_in
        self._deps.runner.run_read(
            lambda _progress: service.state(),
            self._show_identity,
            self._on_failure,
            label="identity",
        )

    def _show_identity(self, state: SignInState) -> None:
        self.status.show_identity(state.identity, state.signed_in)
        self.sign_out_action.setEnabled(state.signed_in)
        self.lock.set_officer(state.identity.display_name or state.identity.officer)
        self.identity_refreshed.emit()

    def _show_figures(self, figures: tuple[int, StatusSnapshot]) -> None:
        resources, snapshot = figures
        self.status.show_snapshot(snapshot)
        for page in self.pages.values():
            page.show_figures(resources, snapshot)
        self.figures_refreshed.emit()

    def _on_failure(self, error: BaseException) -> None:
        self.status.showMessage(describe_failure(error), 10_000)

    # ------------------------------------------------------------------ dialogs
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self._deps.settings, self)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog | None:
        if self._shell is None:
            return None
        dialog = AboutDialog(self._shell.about, self)
        dialog.open()
        return dialog

    def open_sign_in(self) -> SignInDialog | None:
        if self._shell is None:
            return None
        known = self.status.identity
        dialog = SignInDialog(
            self._shell.services.sign_in, self._deps.runner, self._deps.settings, known, self
        )
        dialog.signed_in.connect(lambda _identity: self._on_signed_in())
        dialog.open()
        return dialog

    def _on_signed_in(self) -> None:
        self.refresh_identity()
        self.lock.refresh()  # a password to unlock with exists from now on
        self.status.dismiss_note()
        if self.scheduler is not None:
            self.scheduler.request(Trigger.SIGN_IN)

    def sign_out(self) -> None:
        """Sign out on the network lane (the keyring may be slow); asks first when changes
        wait to be sent."""
        if self._shell is None:
            return
        service = self._shell.services.sign_in

        def refused(error: BaseException) -> None:
            if isinstance(error, KnownError) and error.code is ErrorCode.SIGN_OUT_UNSENT:
                if self.confirm_sign_out(describe_failure(error)):
                    self._deps.runner.run_network(
                        lambda _p: service.sign_out(force=True),
                        lambda _r: self.refresh_identity(),
                        self.show_error,
                        label="sign-out",
                    )
                return
            self.show_error(error)

        self._deps.runner.run_network(
            lambda _p: service.sign_out(),
            lambda _r: self.refresh_identity(),
            refused,
            label="sign-out",
        )

    def confirm_sign_out(self, why: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            why + "\n\n" + self.tr("Sign out anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_settings_changed(self, changed: set[str]) -> None:
        if "sync.interval_minutes" in changed and self.scheduler is not None:
            minutes = int(self._deps.settings.get("sync.interval_minutes"))
            self.scheduler.set_interval(minutes * 60_000)
        if "platform.url" in changed:
            url = str(self._deps.settings.get("platform.url"))
            self.sync_page.set_platform_url(url)
            if self._shell is not None:
                self._shell.services.status.set_platform_url(url)
                self.refresh()

    def show_error(self, error: BaseException) -> None:
        show_error(self, describe_failure(error))

    # ------------------------------------------------------------------ dropped workbooks
    def dropped_workbook(self, mime: QMimeData) -> Path | None:
        """The first local spreadsheet among dropped files; none before the store is ready."""
        if self._shell is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in WORKBOOK_SUFFIXES:
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_workbook(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.dropped_workbook(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_page("catalog")
        self.catalog_page.open_import(path)

    # ------------------------------------------------------------------ state
    def _ui_state(self) -> QSettings:
        return QSettings(str(self._deps.ui_state), QSettings.Format.IniFormat)

    def _restore_state(self) -> None:
        state = self._ui_state()
        geometry = state.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        window_state = state.value("main/state")
        if isinstance(window_state, QByteArray) and not window_state.isEmpty():
            self.restoreState(window_state)
        # every start lands on 概览 (its to-dos are what needs doing today), not on the page
        # left last time; the officer's own layout (geometry, splitters) is what is restored
        self.show_page(PAGE_KEYS[0])

    def save_state(self) -> None:
        state = self._ui_state()
        state.setValue("main/geometry", self.saveGeometry())
        state.setValue("main/state", self.saveState())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.scheduler is not None:
            self.scheduler.stop()
        self._timer.stop()
        self._figures_pause.stop()
        self.lock.stop()
        super().closeEvent(event)
