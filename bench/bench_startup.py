"""Cold start to a usable main window, against a bare PySide6 window measured in the same run.

    python bench/bench_startup.py [--runs 5]

"Usable" means the window is shown and its first figures came back from the DB (the
`--smoke-test` exit point). Budget (DESIGN §6): ratio ≤ 1.5 once a 10,000-resource catalog
exists; the catalog issue adds that data set. Prints medians and the ratio; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("目录编制"))
window.show()
QTimer.singleShot(0, window.close)
app.exec()
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    bare, first, warm = [], [], []
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", BARE], env))
        with tempfile.TemporaryDirectory() as tmp:
            app = [
                sys.executable,
                "-m",
                "govshare_desktop",
                "--home",
                str(Path(tmp)),
                "--smoke-test",
            ]
            first.append(timed(app, env))  # creates and migrates the DB
            warm.append(timed(app, env))
    b, f, w = (statistics.median(x) for x in (bare, first, warm))
    print(f"bare PySide6 window      median {b * 1000:7.0f} ms")
    print(f"app, first start (new DB) median {f * 1000:7.0f} ms   ratio {f / b:.2f}")
    print(f"app, warm start           median {w * 1000:7.0f} ms   ratio {w / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
