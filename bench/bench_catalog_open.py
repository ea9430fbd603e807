"""Opening the catalog page on a 10,000-resource / 100,000-data-item catalog (DESIGN §6).

    python bench/bench_catalog_open.py [--runs 3] [--home DIR]

Builds the catalog once (or reuses `--home` if it already holds one), then starts the
real app with `--smoke-test=catalog` and reads from its log when the main window was
shown, when the first resource appeared in it read-only (the preview read with sqlite3
while the store loads), when the store was attached, when the first resource was shown
ready to edit, and when the catalog page had loaded the tree — each against the moment
the bench launched it, next to a bare PySide6 window measured in the same run. Budgets
(DESIGN §6): the window ≤ 1.5x the bare window, the first resource shown ≤ 3x. Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_search import build
from bench_startup import BARE, child_env, logged_at, timed

from govshare_desktop.app.context import AppContext


def ensure_catalog(home: Path, resources: int, items: int) -> None:
    ctx = AppContext.open(home)
    try:
        if ctx.services.catalog.count() >= resources:
            return
        start = time.perf_counter()
        build(ctx, resources, items, random.Random(7))  # noqa: S311 - test data
        print(f"built {resources:,} resources in {time.perf_counter() - start:.0f} s")
    finally:
        ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--home", type=Path, help="reuse (or keep) the built catalog here")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="govshare-bench-"))
    ensure_catalog(home, args.resources, args.items)
    env = child_env()
    app = [sys.executable, "-m", "govshare_desktop", "--home", str(home), "--smoke-test=catalog"]
    marks = (
        "main window shown",
        "resource previewed",
        "store attached",
        "resource shown",
        "catalog page loaded",
    )
    results: dict[str, list[float]] = {m: [] for m in ("bare", *marks)}
    for _ in range(args.runs):
        results["bare"].append(timed([sys.executable, "-c", BARE], env))
        launched = time.time()
        subprocess.run(app, env=env, check=True, capture_output=True)
        log_file = home / "logs" / "govshare.log"
        for mark in marks:
            results[mark].append(logged_at(log_file, mark, contains=True) - launched)
    bare = statistics.median(results["bare"])
    print(f"bare PySide6 window (whole process)    median {bare * 1000:6.0f} ms")
    for mark in marks:
        value = statistics.median(results[mark])
        print(f"app: {mark:33} median {value * 1000:6.0f} ms   ratio {value / bare:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
