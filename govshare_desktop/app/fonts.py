"""Make sure Chinese renders as Chinese: fall back to the bundled Noto Sans SC subset.

Windows ships Microsoft YaHei and most Linux desktops a CJK font; a bare Linux machine (CI,
a minimal kiosk image) has none and would draw empty boxes. Only then is the bundled font
(resources/fonts, SIL OFL) registered and made the application font.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from govshare_desktop.assets import BUNDLED_CJK_FONT, resources_dir

log = logging.getLogger(__name__)

BUNDLED_FONT = BUNDLED_CJK_FONT


def system_has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(app: QGuiApplication) -> str | None:
    """Register the bundled font when no system font writes Simplified Chinese.

    Returns the family name made the application font, or None when the system's fonts
    are used.
    """
    if system_has_cjk_font():
        return None
    path = resources_dir() / BUNDLED_FONT
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("no CJK font on this system and the bundled %s could not be loaded", path)
        return None
    font = QFont(app.font())
    font.setFamilies([families[0], *font.families()])
    app.setFont(font)
    log.info("no system CJK font; using bundled %s", families[0])
    return families[0]
