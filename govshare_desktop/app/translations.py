"""Loading the UI language: our `.qm` (compiled from the committed `.ts`) and Qt's own.

`.qm` files are build products, never committed: a frozen build ships them beside the
`.ts`; a checkout compiles them at start with pyside6-lrelease into the cache folder,
again whenever a `.ts` is newer. Switching language swaps translators in place; widgets
retranslate on the LanguageChange event, so no window closes and no work is lost.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from govshare_desktop.assets import i18n_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "zh_CN"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_catalog(language: str, cache: Path) -> Path | None:
    """The `.qm` for `language`: shipped, or compiled from its `.ts` into `cache`."""
    shipped = i18n_dir() / f"govshare_{language}.qm"
    source = i18n_dir() / f"govshare_{language}.ts"
    # a frozen build's .qm was compiled from the .ts shipped beside it (the .ts stays for the
    # CLI's catalog); an installer need not keep their file times, and lrelease is not there
    frozen = bool(getattr(sys, "frozen", False))
    if shipped.exists() and (
        frozen or not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    target = cache / f"govshare_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        log.error("no lrelease found to compile %s; the UI stays in English", source)
        return None
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # an unwritable data folder is reported later, in this language
        log.warning("cannot use %s for translations (%s); using a temporary folder", cache, exc)
        target = Path(tempfile.mkdtemp(prefix="govshare-i18n-")) / target.name
    result = subprocess.run(  # noqa: S603 - our own tool and files
        [tool, str(source), "-qm", str(target)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not target.exists():
        log.error("lrelease failed for %s: %s", source, result.stderr.strip())
        return None
    return target


class Translations:
    """Owns the installed translators of the running application."""

    def __init__(self, app: QCoreApplication, cache: Path) -> None:
        self._app = app
        self._cache = cache
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    @property
    def loaded(self) -> int:
        """How many catalogs are installed (2 for Chinese: Qt's qtbase and ours)."""
        return len(self._installed)

    def remove(self) -> None:
        """Uninstall every translator this object installed."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def apply(self, language: str) -> None:
        """Install `language` (replacing the previous one) and set the matching QLocale."""
        self.remove()
        self.language = language
        QLocale.setDefault(QLocale(language if language != SOURCE_LANGUAGE else "en_US"))
        if language == SOURCE_LANGUAGE:
            self._notify()
            return
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(self._app)
        if qtbase.load(f"qtbase_{language}", qt_dir):
            self._install(qtbase)
        else:
            log.warning("Qt's own qtbase_%s.qm not found in %s", language, qt_dir)
        ours_path = compiled_catalog(language, self._cache)
        ours = QTranslator(self._app)
        if ours_path is not None and ours.load(str(ours_path)):
            self._install(ours)
        else:
            log.error("no translation loaded for %s", language)
        self._notify()

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _notify(self) -> None:
        # installTranslator already posts LanguageChange; removing all and installing none
        # (switching to the source language) needs it posted by hand.
        if not self._installed:
            self._app.postEvent(self._app, QEvent(QEvent.Type.LanguageChange))
