"""Where the read-only assets shipped with the app live, in a checkout and in a frozen build.

Standard library only, so every layer may ask it; the layout is fixed by the repository
(`resources/`, `i18n/` beside the package) and mirrored by the PyInstaller spec.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_PROFILE = "national-2017"  # the national profile, the offline default (DESIGN §3)
# The Simplified Chinese font shipped for machines without one (SIL OFL): the GUI falls
# back to it, and printouts always use it so every PDF embeds the same known-good glyphs.
BUNDLED_CJK_FONT = "fonts/NotoSansSC-Regular-GB2312.otf"


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources/` tree: profiles, icons, fonts, template assets."""
    return _root() / "resources"


def i18n_dir() -> Path:
    """The `i18n/` tree holding the committed `.ts` sources (and `.qm` in a frozen build)."""
    return _root() / "i18n"


def profile_path(name: str) -> Path:
    """A catalog profile shipped with the app, by file stem (e.g. `national-2017`)."""
    return resources_dir() / "profiles" / f"{name}.json"
