"""Before Qt opens a window on Linux: are the system libraries of its xcb platform there?

When one is missing, Qt aborts the process (exit 134) with a message that names
libxcb-cursor0 whichever library it lacked, and no window exists to explain anything. So
the GUI asks first, before `QApplication`: it loads each library the xcb platform plugin
links (the plugin's ELF NEEDED entries, the Qt and C++ runtime and those PySide6 already
needed to import left out), and names the missing ones with their Debian/Ubuntu packages.
Standard library only; the message is translated from the committed `.ts` like the CLI's.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from govshare_desktop.assets import i18n_dir
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.domain.ts_catalog import TsCatalog

# soname -> the Debian/Ubuntu package that ships it (.ci/run installs the same set)
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

MISSING = QT_TRANSLATE_NOOP(
    "Startup",
    "GovShare Desktop cannot open its window: Qt's xcb platform needs system libraries that "
    "are missing here: {libraries}.\nOn Debian or Ubuntu, install them with:\n"
    "    sudo apt-get install {packages}",
)

Loader = Callable[[str], object]


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will pick its xcb platform: on Linux, unless another one is named, or a
    Wayland session lets Qt choose Wayland."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(load: Loader = ctypes.CDLL) -> dict[str, str]:
    """The xcb libraries `load` cannot open, with their packages."""
    missing = {}
    for soname, package in XCB_LIBRARIES.items():
        try:
            load(soname)
        except OSError:
            missing[soname] = package
    return missing


def qt_platform_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    load: Loader = ctypes.CDLL,
    language: str = "zh_CN",
) -> str | None:
    """The message to print instead of letting Qt abort, or None when nothing is missing."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(load)
    if not missing:
        return None
    speak = TsCatalog.load(i18n_dir() / f"govshare_{language}.ts").translate
    return speak("Startup", MISSING).format(
        libraries=", ".join(missing), packages=" ".join(missing.values())
    )
