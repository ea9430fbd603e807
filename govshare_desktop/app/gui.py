"""`govshare-desktop`: start the GUI — translations, fonts, DB upgrade, then the main window.

An ordinary start (the DB already at this build's schema) shows the window before the store
and its SQLAlchemy import have loaded; they load on a worker and attach to the window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from govshare_desktop import __version__
from govshare_desktop.app import smoke
from govshare_desktop.app.crash_handler import CrashHandler
from govshare_desktop.app.fonts import ensure_cjk_font
from govshare_desktop.app.preflight import Preflight
from govshare_desktop.app.qt_libraries import qt_platform_problem
from govshare_desktop.app.single_instance import ActivationServer, ask_running_instance_to_activate
from govshare_desktop.app.translations import DEFAULT_LANGUAGE, Translations
from govshare_desktop.assets import DEFAULT_PROFILE, profile_path
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import CatalogProfile, load_profile
from govshare_desktop.domain.progress import Progress
from govshare_desktop.services.executor import Executor
from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.store.preview import first_resource
from govshare_desktop.store.schema_version import HEAD_REVISION, read_revision
from govshare_desktop.tasks.changes import ChangeRelay
from govshare_desktop.tasks.gui_collector import install_gui_collector
from govshare_desktop.tasks.runner import TaskRunner
from govshare_desktop.ui.about_dialog import AboutInfo
from govshare_desktop.ui.crash_dialog import crash_box, show_error
from govshare_desktop.ui.main_window import MainWindow, WindowDeps
from govshare_desktop.ui.messages import describe_failure, error_text
from govshare_desktop.ui.shell_context import ShellContext

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext

log = logging.getLogger(__name__)

EXIT_OK, EXIT_CRASHED, EXIT_UNUSABLE = 0, 1, 2


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="govshare-desktop")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="data directory (default: per-user data dir, or $GOVSHARE_HOME)",
    )
    parser.add_argument(
        "--smoke-test",
        nargs="?",
        const="figures",
        choices=("window", "figures", "catalog"),
        help="open the main window, then quit once it is shown (window) or once its first "
        "figures came from the store (figures, the default), or once the catalog page shows "
        "its first resource (catalog); a packaging and start-up check: offscreen unless "
        "QT_QPA_PLATFORM names a platform, in a temporary data directory unless --home or "
        "$GOVSHARE_HOME names one; exit 0 and one line on success",
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="with --smoke-test: save the window to this file first"
    )
    parser.add_argument("--version", action="version", version=f"govshare-desktop {__version__}")
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def about_info(ctx: AppContext) -> AboutInfo:
    return AboutInfo(
        version=__version__,
        home=str(ctx.paths.home),
        db=str(ctx.paths.db),
        log=str(ctx.paths.log_file),
        backups=str(ctx.paths.backups),
        schema=str(ctx.services.database.schema_revision()),
        profile=f"{ctx.profile.name} ({ctx.profile.id})",
    )


class Shell:
    """The running GUI: window first, store loaded behind it, and what ties them together.

    The executor is the composition root's: the store is built on its read pool, the task
    runner runs on it, and the context's services write through it."""

    def __init__(
        self,
        app: QApplication,
        preflight: Preflight,
        translations: Translations,
        executor: Executor,
        ctx: AppContext | None = None,
    ) -> None:
        self.app = app
        self.preflight = preflight
        self.translations = translations
        self.executor = executor
        self.runner = TaskRunner(executor, parent=app)
        self.changes = ChangeRelay(parent=app)
        self.window = MainWindow(
            WindowDeps(
                runner=self.runner, settings=preflight.settings, ui_state=preflight.paths.ui_state
            )
        )
        self.runner.failed.connect(lambda error, _label: self.window.show_error(error))
        self.activation = ActivationServer(preflight.paths.home, self.activate, parent=app)
        preflight.settings.subscribe(self._on_settings_changed)
        self._ctx: AppContext | None = None
        self._built: AppContext | None = None  # also set by the worker, so close() never leaks it
        self._closed = False
        if ctx is not None:
            self._attach(ctx)
        else:
            QTimer.singleShot(0, self._preview)  # once the window is up: it must not wait

    def _preview(self) -> None:
        """The catalog's first resource in the window, read-only with the standard library,
        then the store. In that order: the store's load (SQLAlchemy's import, the services)
        holds the GIL for half a second, and run beside the window and the preview it made
        both wait for it. Nothing is said if the preview cannot be read: the store will."""
        db = self.preflight.paths.db

        def read(_progress: Progress) -> tuple[CatalogProfile, Resource | None]:
            return load_profile(profile_path(DEFAULT_PROFILE)), first_resource(db)

        def shown(found: tuple[CatalogProfile, Resource | None]) -> None:
            self.window.catalog_page.preview(*found)
            self._load_store()

        def not_shown(error: BaseException) -> None:
            log.info("no preview of the catalog: %r", error)
            self._load_store()

        self.runner.run_read(read, shown, not_shown, label="preview")

    def _load_store(self) -> None:
        if not self._closed:
            self.runner.run_read(self._build, self._attach, self._on_build_failed, label="store")

    def _build(self, _progress: Progress) -> AppContext:
        from govshare_desktop.app.context import AppContext  # noqa: PLC0415 - off the start path

        self._built = AppContext.build(self.preflight, migrate=False, executor=self.executor)
        return self._built

    def _attach(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.changes.listen(ctx.bus.subscribe)
        self.window.attach(
            ShellContext(
                services=ctx.services,
                runner=self.runner,
                changes=self.changes,
                settings=self.preflight.settings,
                about=about_info(ctx),
            )
        )
        log.info("store attached")
        # the audit key from the keyring (importing keyring is slow), read on a worker before
        # the first audited write needs it; the unsealed tail is sealed then
        self.runner.run_read(lambda _progress: ctx.services.audit.seal(), label="audit-key")

    def _on_build_failed(self, error: BaseException) -> None:
        log.error("the store could not be opened behind the window: %r", error)
        show_error(self.window, describe_failure(error)).finished.connect(
            lambda _result: self.app.exit(EXIT_UNUSABLE)
        )

    @property
    def ctx(self) -> AppContext:
        """The loaded context; only asked for after the window reported its first figures."""
        if self._ctx is None:
            raise RuntimeError("the store is still loading")
        return self._ctx

    @property
    def paths(self) -> DataPaths:
        return self.preflight.paths

    def activate(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _on_settings_changed(self, changed: set[str]) -> None:
        if self._closed:
            return  # a closed shell installs no translator the application would keep
        if "ui.language" in changed:
            self.translations.apply(str(self.preflight.settings.get("ui.language")))

    def close(self) -> None:
        self._closed = True
        self.activation.close()
        if not self.runner.shutdown():
            log.error("background work did not finish in time at exit")
        self.changes.stop()
        self.executor.shutdown()  # queued writes still run: nothing accepted is lost
        ctx = self._ctx or self._built
        if ctx is not None:
            ctx.close()
        else:
            self.preflight.release()
        self.translations.remove()


def warn_at_start(text: str) -> None:
    """No window exists yet, so the message box is modal on its own."""
    QMessageBox.warning(None, QApplication.applicationDisplayName(), text)


def prepare_application(app: QApplication) -> None:
    """Names (for QSettings and the About box) and a font that can write Chinese."""
    app.setApplicationName("GovShare Desktop")
    app.setOrganizationName("GovShare")
    app.setApplicationVersion(__version__)
    ensure_cjk_font(app)
    install_gui_collector(app)  # no worker thread may free a Qt wrapper: see the module


def open_shell(
    app: QApplication, home: str | None, report: Callable[[str], None] = warn_at_start
) -> Shell | int:
    """Open the data directory and build the window, or explain why not (returns an exit code)."""
    translations = Translations(app, DataPaths.resolve(home).cache / "i18n")
    translations.apply(DEFAULT_LANGUAGE)
    ctx = None
    executor = Executor()
    try:
        preflight = Preflight.open(home)
        if preflight.needs_migration:  # create, back up and upgrade before any window opens
            from govshare_desktop.app.context import AppContext  # noqa: PLC0415

            ctx = AppContext.build(preflight, executor=executor)
    except KnownError as error:
        try:
            if error.code is ErrorCode.INSTANCE_RUNNING and ask_running_instance_to_activate(
                DataPaths.resolve(home).home
            ):
                log.info("another instance runs on this data directory; asked it to come forward")
                return EXIT_OK
            report(error_text(error))
            return EXIT_UNUSABLE
        finally:
            executor.shutdown()
            translations.remove()
    language = str(preflight.settings.get("ui.language"))
    if language != translations.language:
        translations.apply(language)
    return Shell(app, preflight, translations, executor, ctx)


def _end_smoke_test(shell: Shell, screenshot: str | None) -> None:
    if screenshot and not shell.window.grab().save(screenshot):
        log.error("could not save the screenshot to %s", screenshot)
    shell.window.close()


def _end_when_catalog_open(shell: Shell, screenshot: str | None) -> None:
    """--smoke-test=catalog ends once the page shows its first resource and its tree (the
    page opens on the first resource by itself, before the tree is built)."""
    page = shell.window.catalog_page
    waiting = {"shown", "loaded"}

    def reached(what: str) -> None:
        if page.model is not None and page.model.resource_count() == 0:
            waiting.discard("shown")  # an empty catalog has no resource to show
        if what in waiting:
            waiting.discard(what)
            if not waiting:
                QTimer.singleShot(0, lambda: _end_smoke_test(shell, screenshot))

    page.shown.connect(lambda _id: reached("shown"))
    page.loaded.connect(lambda: reached("loaded"))


def _arm_smoke_test(app: QApplication, shell: Shell, until: str, screenshot: str | None) -> None:
    """End the run at the point `until` names; the watchdog ends it if that never comes."""
    QTimer.singleShot(smoke.WATCHDOG_MS, lambda: _watchdog(app))
    if until == "window":
        QTimer.singleShot(0, lambda: _end_smoke_test(shell, screenshot))
    elif until == "catalog":
        _end_when_catalog_open(shell, screenshot)
    elif until == "figures":
        shell.window.figures_refreshed.connect(
            lambda: QTimer.singleShot(0, lambda: _end_smoke_test(shell, screenshot))
        )


def _smoke_verdict(app: QApplication, shell: Shell, code: int, crashes: int) -> int:
    seen = smoke.Seen(
        exit_code=code,
        schema=read_revision(shell.paths.db),
        crashes=crashes,
        platform_name=app.platformName(),
        language=shell.translations.language,
        translations=shell.translations.loaded,
    )
    code, line = smoke.verdict(seen, HEAD_REVISION)
    if code != 0:
        smoke.report(line)
        return code
    log.info(line)
    if sys.stdout is not None:
        print(line)
    return code


def _watchdog(app: QApplication) -> None:
    smoke.report(f"not finished within {smoke.WATCHDOG_MS // 1000} s (a dialog, or no figures)")
    app.exit(EXIT_CRASHED)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    run = smoke.SmokeRun.prepare(args.home) if args.smoke_test else None
    try:
        return _run(argv, args, run)
    finally:
        if run is not None:
            run.close()


def _run(argv: list[str], args: argparse.Namespace, run: smoke.SmokeRun | None) -> int:
    home = run.home if run is not None else args.home
    report = smoke.report if run is not None else warn_at_start
    if QApplication.instance() is None and (problem := qt_platform_problem()) is not None:
        print(problem, file=sys.stderr)  # Qt would abort, naming the wrong library
        return EXIT_UNUSABLE
    app = QApplication.instance() or QApplication(argv)
    if not isinstance(app, QApplication):  # pragma: no cover - only a QCoreApplication exists
        raise TypeError("the GUI needs a QApplication")
    prepare_application(app)
    try:
        shell = open_shell(app, home, report)
    except Exception as error:  # our bug at start-up: say so instead of vanishing
        log.critical("start-up failed", exc_info=True)
        log_file = DataPaths.resolve(home).log_file
        if run is not None:
            smoke.report(f"start-up failed: {type(error).__name__}: {error} (log: {log_file})")
        else:
            crash_box(None, str(log_file), f"{type(error).__name__}: {error}").exec()
        return EXIT_CRASHED
    if isinstance(shell, int):
        return shell
    crash = CrashHandler(shell.paths.log_file, parent=app)
    crash.install()
    try:
        shell.window.show()
        log.info("main window shown")  # bench/bench_startup.py times start-up by these lines
        if args.smoke_test:
            _arm_smoke_test(app, shell, args.smoke_test, args.screenshot)
        code = int(app.exec())
        if run is None:
            return code
        return _smoke_verdict(app, shell, code, len(crash.dialogs))
    finally:
        crash.uninstall()
        shell.close()
