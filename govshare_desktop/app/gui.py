"""`govshare-desktop`: start the GUI — translations, fonts, DB upgrade, then the main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from govshare_desktop import __version__
from govshare_desktop.app.context import AppContext
from govshare_desktop.app.crash_handler import CrashHandler
from govshare_desktop.app.fonts import ensure_cjk_font
from govshare_desktop.app.single_instance import ActivationServer, ask_running_instance_to_activate
from govshare_desktop.app.translations import DEFAULT_LANGUAGE, Translations
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.settings.paths import DataPaths
from govshare_desktop.tasks.runner import TaskRunner
from govshare_desktop.ui.about_dialog import AboutInfo
from govshare_desktop.ui.crash_dialog import crash_box
from govshare_desktop.ui.main_window import MainWindow, ShellDeps
from govshare_desktop.ui.messages import error_text

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
        action="store_true",
        help="open the main window, then quit (packaging check)",
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
        schema=str(ctx.db_service.schema_revision()),
        profile=f"{ctx.profile.name} ({ctx.profile.id})",
    )


class Shell:
    """The running GUI: context, runner, window, and what ties them together."""

    def __init__(self, app: QApplication, ctx: AppContext, translations: Translations) -> None:
        self.app = app
        self.ctx = ctx
        self.translations = translations
        self.runner = TaskRunner(parent=app)
        self.window = MainWindow(
            ShellDeps(
                runner=self.runner,
                catalog=ctx.catalog,
                status=ctx.status,
                settings=ctx.settings,
                about=about_info(ctx),
                ui_state=ctx.paths.ui_state,
            )
        )
        self.runner.failed.connect(lambda error, _label: self.window.show_error(error))
        self.activation = ActivationServer(ctx.paths.home, self.activate, parent=app)
        ctx.settings.subscribe(self._on_settings_changed)

    def activate(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _on_settings_changed(self, changed: set[str]) -> None:
        if "ui.language" in changed:
            self.translations.apply(str(self.ctx.settings.get("ui.language")))

    def close(self) -> None:
        self.activation.close()
        if not self.runner.shutdown():
            log.error("background work did not finish in time at exit")
        self.ctx.close()
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


def open_shell(
    app: QApplication, home: str | None, report: Callable[[str], None] = warn_at_start
) -> Shell | int:
    """Open the data directory and build the window, or explain why not (returns an exit code)."""
    translations = Translations(app, DataPaths.resolve(home).cache / "i18n")
    translations.apply(DEFAULT_LANGUAGE)
    try:
        ctx = AppContext.open(home)
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
            translations.remove()
    language = str(ctx.settings.get("ui.language"))
    if language != translations.language:
        translations.apply(language)
    return Shell(app, ctx, translations)


def _end_smoke_test(shell: Shell, screenshot: str | None) -> None:
    if screenshot and not shell.window.grab().save(screenshot):
        log.error("could not save the screenshot to %s", screenshot)
    shell.window.close()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv)
    if not isinstance(app, QApplication):  # pragma: no cover - only a QCoreApplication exists
        raise TypeError("the GUI needs a QApplication")
    prepare_application(app)
    try:
        shell = open_shell(app, args.home)
    except Exception as error:  # our bug at start-up: say so instead of vanishing
        log.critical("start-up failed", exc_info=True)
        log_file = DataPaths.resolve(args.home).log_file
        crash_box(None, str(log_file), f"{type(error).__name__}: {error}").exec()
        return EXIT_CRASHED
    if isinstance(shell, int):
        return shell
    crash = CrashHandler(shell.ctx.paths.log_file, parent=app)
    crash.install()
    try:
        shell.window.show()
        if args.smoke_test:
            shell.window.figures_refreshed.connect(
                lambda: QTimer.singleShot(0, lambda: _end_smoke_test(shell, args.screenshot))
            )
        return int(app.exec())
    finally:
        crash.uninstall()
        shell.close()
