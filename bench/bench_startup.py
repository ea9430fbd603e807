"""Cold start of the app against a bare PySide6 window, both measured in the same run.

    python bench/bench_startup.py [--runs 5]

Three end points, read from the app's log against the moment the bench launched it: the
main window shown (the store may still be loading behind it), the store attached, and
the whole process until its first figures were shown and it quit.
Budget (DESIGN §6): ≤ 1.5x the bare window once a 10,000-resource catalog exists; the
catalog issue adds that data set. Prints medians and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
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


def child_env() -> dict[str, str]:
    """The environment the timed processes run in: offscreen Qt unless told otherwise, and
    allowed to keep their compiled modules, as an installed app does (a shell or CI that sets
    PYTHONDONTWRITEBYTECODE would otherwise have every run compile the package afresh)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def logged_at(log_file: Path, message: str, *, contains: bool = False) -> float:
    """Wall-clock time of the last log line ending in (or containing) `message`."""
    for line in reversed(log_file.read_text(encoding="utf-8").splitlines()):
        if line.endswith(message) or (contains and message in line):
            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
            return stamp.timestamp()
    raise SystemExit(f"no {message!r} in {log_file}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = child_env()
    results: dict[str, list[float]] = {
        k: [] for k in ("bare", "shown", "attached", "process", "first")
    }
    for _ in range(args.runs):
        results["bare"].append(timed([sys.executable, "-c", BARE], env))
        with tempfile.TemporaryDirectory() as tmp:
            app = [sys.executable, "-m", "govshare_desktop", "--home", tmp, "--smoke-test"]
            results["first"].append(timed(app, env))  # creates and migrates the DB
            launched = time.time()
            results["process"].append(timed(app, env))
            log_file = Path(tmp) / "logs" / "govshare.log"
            results["shown"].append(logged_at(log_file, "main window shown") - launched)
            results["attached"].append(logged_at(log_file, "store attached") - launched)
    bare = statistics.median(results["bare"])
    print(f"bare PySide6 window (whole process)    median {bare * 1000:6.0f} ms")
    for key, label in (
        ("shown", "app: main window shown"),
        ("attached", "app: store attached"),
        ("process", "app: whole process to first figures"),
        ("first", "app: first start, creating the DB"),
    ):
        value = statistics.median(results[key])
        print(f"{label:38} median {value * 1000:6.0f} ms   ratio {value / bare:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
