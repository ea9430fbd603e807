"""The GUI names the missing xcb libraries and their packages instead of letting Qt abort."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govshare_desktop.app.qt_libraries import (
    XCB_LIBRARIES,
    missing_libraries,
    qt_platform_problem,
    uses_xcb,
)

LINUX = "linux"


def loader_without(*absent: str):
    def load(soname: str) -> object:
        if soname in absent:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_the_missing_libraries_and_their_packages_are_named() -> None:
    load = loader_without("libxcb-icccm.so.4", "libxkbcommon-x11.so.0")
    assert missing_libraries(load) == {
        "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
        "libxcb-icccm.so.4": "libxcb-icccm4",
    }
    problem = qt_platform_problem({}, LINUX, load)
    assert problem is not None
    assert "libxkbcommon-x11.so.0, libxcb-icccm.so.4" in problem
    assert "sudo apt-get install libxkbcommon-x11-0 libxcb-icccm4" in problem
    assert "xcb-cursor" not in problem  # what Qt itself would have named


def test_nothing_to_say_when_all_are_there_or_xcb_is_not_used() -> None:
    everything_absent = loader_without(*XCB_LIBRARIES)
    assert qt_platform_problem({}, LINUX, loader_without()) is None
    assert qt_platform_problem({"QT_QPA_PLATFORM": "offscreen"}, LINUX, everything_absent) is None
    assert qt_platform_problem({}, "win32", everything_absent) is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        (
            {
                "WAYLAND_DISPLAY": "wayland-0",
                "XDG_SESSION_TYPE": "wayland",
                "QT_QPA_PLATFORM": "xcb",
            },
            True,
        ),
    ],
)
def test_when_qt_uses_xcb(environ: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environ, LINUX) is expected


def library_file(soname: str) -> Path | None:
    """Where the dynamic linker finds `soname` on this machine, or None."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return None
    for line in Path("/proc/self/maps").read_text().splitlines():
        if soname.partition(".so")[0] + ".so" in line and "/" in line:
            return Path(line.split()[-1])
    return None


@pytest.mark.skipif(not sys.platform.startswith(LINUX), reason="xcb is Qt's Linux platform")
def test_a_machine_without_one_of_them_gets_the_message_not_an_abort(tmp_path: Path) -> None:
    """For real: the library is hidden (an empty file bind-mounted over it, in a private
    mount namespace) and the GUI started as the desktop shortcut starts it."""
    soname = "libxcb-icccm.so.4"
    target, unshare = library_file(soname), shutil.which("unshare")
    if target is None or unshare is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs Qt's xcb libraries and util-linux (.ci/run)")
        pytest.skip(f"{soname} or unshare is not installed")
    empty = tmp_path / "empty.so"
    empty.touch()
    script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
    result = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "--", "sh", "-c", script, "sh",
         str(empty), str(target), sys.executable, "-m", "govshare_desktop",
         "--home", str(tmp_path / "home")],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if "mount" in result.stderr and result.returncode not in (2, 134):
        if os.environ.get("CI"):
            pytest.fail(f"CI must allow user namespaces: {result.stderr}")
        pytest.skip(f"no private mount namespace here: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert soname in result.stderr
    assert "sudo apt-get install libxcb-icccm4" in result.stderr
    assert "xcb-cursor" not in result.stderr
