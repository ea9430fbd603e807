"""The installed entry point opens a real window on a real X server (Xvfb), as a new user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from govshare_desktop.store.migrate import head_revision


@pytest.mark.slow
def test_the_app_starts_on_xvfb_and_shows_its_window(tmp_path: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide xvfb-run (.ci/run installs the xvfb package)")
        pytest.skip("xvfb-run not installed (apt-get install xvfb)")
    home = tmp_path / "home"
    screenshot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "govshare_desktop",
         "--home", str(home), "--smoke-test", "--screenshot", str(screenshot)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = (home / "logs" / "govshare.log").read_text(encoding="utf-8")
    assert f"at schema {head_revision()}" in log  # a new DB is made at the head schema
    image = QImage(str(screenshot))
    assert image.width() >= 800
    assert image.height() >= 500
    build = Path(__file__).resolve().parents[2] / "build" / "screenshots"
    build.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(screenshot, build / "main-window-xvfb.png")
