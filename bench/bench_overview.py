"""The 概览's first paint on a 10,000-resource catalog, 2,000 share requests and 200
grants (issue 16), beside a bare PySide6 window painted in the same run.

    python bench/bench_overview.py [--runs 5] [--home DIR]

Builds the data set once (or reuses `--home`), then, in one offscreen process, times per
run: a bare window with one label, shown and painted (`grab`); the overview's read alone
(`OverviewService.snapshot(findings=False)`, what the read pool runs first); the catalog's
findings (`problems()`, read after the first paint: every resource loaded and validated);
and the page's first paint — the page built, the quick snapshot read and shown, painted.
Then, as whole processes (the form of every budget here): a Python process that shows and
paints the bare window and quits, beside one that opens the store, reads the overview and
shows and paints the page at 1366×768 and quits — each launched `--runs` times, alternating.
Prints medians and both ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.entities import (
    Classification,
    DataItem,
    Grant,
    GrantedItem,
    Resource,
    ShareRequest,
)
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.identity import Identity
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from govshare_desktop.ui.overview.page import OverviewPage

UNIT = "SJZ-GA"
NOW = datetime(2026, 12, 3, 2, tzinfo=UTC)
TODAY = date(2026, 12, 3)
STATES = list(ShareRequestState)
ANSWERS = {
    ShareRequestState.SUBMITTED: ("agree", "decline"),
    ShareRequestState.EXPLANATION_REQUESTED: ("explain",),
}


def build(ctx: AppContext, resources: int, items: int, requests: int, grants: int) -> None:
    """The unit's catalog, requests both ways in every state, grants in force and not."""
    with ctx.database.write() as session:
        repo = ResourceRepository(session)
        for i in range(resources):
            cls = Classification("3", f"{i % 90 + 10:02d}", f"{i % 900 + 100:03d}")
            repo.save(Resource(
                name=f"资源{i}", unit_code=UNIT, classification=cls, code=f"{cls.code}/{i:06d}",
                abstract=f"第{i}号资源", data_items=tuple(
                    DataItem(f"信息项{j}", "C", 50) for j in range(items)),
            ))  # fmt: skip
        shares = ShareRequestRepository(session)
        for i in range(requests):
            state = STATES[i % len(STATES)]
            incoming = i % 2 == 0
            shares.store_remote(ShareRequest(
                id=f"req-{i:06d}", requester_unit_code="SJZ-MZ" if incoming else UNIT,
                provider_unit_code=UNIT if incoming else "SJZ-MZ", authority_unit_code="SJZ-X",
                resource_code=f"101001/{i:06d}", purpose="核验。", state=state,
                explanation_due=TODAY + timedelta(days=i % 20 - 5),
                allowed_actions=ANSWERS.get(state, ()) if incoming else ("withdraw",),
            ), 1)  # fmt: skip
        held = GrantRepository(session)
        for i in range(grants):
            held.store_remote(Grant(
                id=f"grant-{i:06d}", request_id=None, grantee_unit_code=UNIT,
                provider_unit_code="SJZ-MZ", authority_unit_code="SJZ-X", resource_id=f"r{i}",
                resource_code=f"201001/{i:06d}", resource_name=f"授权资源{i}",
                data_items=(GrantedItem("it-1", "姓名", "C"),), purpose="核验。",
                valid_from=date(2026, 1, 1), valid_to=TODAY + timedelta(days=i % 400 - 30),
                revoked_at=datetime(2026, 6, 1) if i % 17 == 0 else None,
            ), 1)  # fmt: skip


def ensure(home: Path, args: argparse.Namespace) -> None:
    ctx = AppContext.open(home)
    try:
        if ctx.services.catalog.count() >= args.resources:
            return
        start = time.perf_counter()
        build(ctx, args.resources, args.items, args.requests, args.grants)
        print(f"built the data set in {time.perf_counter() - start:.0f} s")
    finally:
        ctx.close()


def bare_paint() -> float:
    start = time.perf_counter()
    window = QMainWindow()
    window.setCentralWidget(QLabel("概览"))
    window.resize(1366, 768)
    window.show()
    window.grab()
    elapsed = time.perf_counter() - start
    window.close()
    window.deleteLater()
    return elapsed


def page_paint(ctx: AppContext) -> tuple[float, float, float]:
    """The quick read alone, the catalog's findings read alone (they follow the first
    paint), and the page built, read (quick), shown and painted."""
    start = time.perf_counter()
    snapshot = ctx.services.overview.snapshot(findings=False)
    read = time.perf_counter() - start
    start = time.perf_counter()
    ctx.services.overview.problems()
    problems = time.perf_counter() - start
    first = first_paint(ctx)
    if not snapshot.catalog.resources:
        raise SystemExit("the overview counted no resource: wrong unit?")
    return read, problems, first


def first_paint(ctx: AppContext) -> float:
    """The page built, the quick snapshot read and shown, the window painted: what an
    officer waits for (the catalog's findings follow in their own read)."""
    start = time.perf_counter()
    window = QMainWindow()
    page = OverviewPage()
    window.setCentralWidget(page)
    window.resize(1366, 768)
    page.snapshot = ctx.services.overview.snapshot(findings=False)  # the read pool's read
    page._show()  # what its callback shows
    window.show()
    window.grab()
    first = time.perf_counter() - start
    window.close()
    window.deleteLater()
    return first


def child(kind: str, home: Path) -> int:
    """One whole process of the comparison: the bare window, or the overview's first paint."""
    app = QApplication([])
    if kind == "bare":
        bare_paint()
        return 0
    ctx = open_context(home)
    try:
        first_paint(ctx)
    finally:
        ctx.close()
    app.processEvents()
    return 0


def open_context(home: Path) -> AppContext:
    ctx = AppContext.open(home, clock=FixedClock(NOW))
    roles = frozenset({"requester", "provider"})
    ctx.services.runtime.identity.set(Identity(officer="bench", unit_code=UNIT, roles=roles))
    return ctx


def whole_processes(home: Path, runs: int) -> tuple[float, float]:
    """Median seconds of a bare-window process and of an overview process, alternated."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    script = [sys.executable, str(Path(__file__).resolve())]
    times: dict[str, list[float]] = {"bare": [], "overview": []}
    for kind in times:  # warm the OS file cache and the compiled modules once
        subprocess.run([*script, "--child", kind, "--home", str(home)], env=env, check=True)
    for _ in range(runs):
        for kind, spent in times.items():
            start = time.perf_counter()
            subprocess.run([*script, "--child", kind, "--home", str(home)], env=env, check=True)
            spent.append(time.perf_counter() - start)
    return statistics.median(times["bare"]), statistics.median(times["overview"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=("bare", "overview"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--grants", type=int, default=200)
    parser.add_argument("--home", type=Path, help="reuse (or keep) the data set here")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.home)
    home = args.home or Path(tempfile.mkdtemp(prefix="govshare-bench-overview-"))
    ensure(home, args)
    app = QApplication([])
    ctx = open_context(home)
    try:
        bare_paint()  # warm: fonts, styles
        bares, reads, problems, firsts = [], [], [], []
        for _ in range(args.runs):
            bares.append(bare_paint())
            read, found, first = page_paint(ctx)
            reads.append(read)
            problems.append(found)
            firsts.append(first)
            app.processEvents()
        bare = statistics.median(bares)
        print(f"bare window painted            median {bare * 1000:7.1f} ms")
        print(f"overview read (read pool)      median {statistics.median(reads) * 1000:7.1f} ms")
        found = statistics.median(problems) * 1000
        print(f"catalog findings (after paint) median {found:7.1f} ms")
        first = statistics.median(firsts)
        print(f"overview first paint           median {first * 1000:7.1f} ms   "
              f"ratio {first / bare:.1f}")  # fmt: skip
    finally:
        ctx.close()
    bare_process, overview_process = whole_processes(home, args.runs)
    print(f"bare window process            median {bare_process * 1000:7.1f} ms")
    print(f"overview process               median {overview_process * 1000:7.1f} ms   "
          f"ratio {overview_process / bare_process:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
