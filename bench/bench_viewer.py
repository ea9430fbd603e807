"""The data viewer over a cached grant of 1,000,000 rows (DESIGN §6: first rows, jump to
the end and a filter each under 200 ms; the viewer's memory bounded whatever the size).

    QT_QPA_PLATFORM=offscreen python bench/bench_viewer.py [--rows 1000000] [--keep DIR]

Builds the grant's encrypted cache once with the download's own bulk path
(`GrantCache.append`, 50,000 rows a transaction; outside any timing), then opens the real
viewer model (`RowsModel` over `CachedRows`, through the `TaskRunner` on the executor's
read pool) in a 1366×768 `QTableView`, and times, each from the officer's action to the
rows being painted:
- the first rows (open: count + first page),
- a jump to the last row (`scrollToBottom`),
- a filter (`=` on a column, count + first page), and the last row of the filtered rows,
- a sort on a column (first rows, then its last row),
beside a bare SQLCipher query of the same page on the same file in the same run (and a
bare plain-SQLite one on an unencrypted copy, for what the encryption costs). Prints the
figures and the ratios; then jumps to 200 random places and reports the RSS the viewer
added (it keeps at most `MAX_PAGES` pages). Asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import secrets
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.grant_data import RowFilter, RowQuery
from govshare_desktop.services.executor import Executor
from govshare_desktop.services.grant_data.rows import PAGE_ROWS, CachedRows, RowPage
from govshare_desktop.store.grant_cache import GrantCache
from govshare_desktop.tasks.runner import TaskRunner
from govshare_desktop.ui.authorized_data.rows_model import MAX_PAGES, RowsModel
from govshare_desktop.ui.authorized_data.viewer import RowsView

COLUMNS = ("公民身份号码", "姓名", "户籍地址", "区县", "登记日期")
DISTRICTS = [f"区县{i:04d}" for i in range(2000)]  # a filter keeps ~500 rows of 1,000,000
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
BATCH = 50_000


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:  # noqa: PTH123 - Linux only, read once
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource  # noqa: PLC0415

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def row(n: int, rng: random.Random) -> list[str | None]:
    return [
        f"130102{19600101 + n % 400000:08d}{n % 1000:03d}X",
        rng.choice(SURNAMES) + rng.choice(SURNAMES),
        f"石家庄市长安区中华北大街{n % 300}号{n}",
        DISTRICTS[n % len(DISTRICTS)],
        f"20{n % 25:02d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
    ]


def build(path: Path, key: bytes, plain: Path, rows: int) -> None:
    rng = random.Random(7)  # noqa: S311 - test data
    cache = GrantCache.open(path, key, [f"it-{i}" for i in range(len(COLUMNS))])
    bare = sqlite3.connect(plain)
    cells = ", ".join(f"c{i} TEXT" for i in range(len(COLUMNS)))
    bare.execute(f"CREATE TABLE rows (pos INTEGER PRIMARY KEY, row_no INTEGER, {cells})")
    for i in range(len(COLUMNS)):
        bare.execute(f"CREATE INDEX ix_c{i} ON rows (c{i})")
    started = time.perf_counter()
    for first in range(1, rows + 1, BATCH):
        batch = [(n, row(n, rng)) for n in range(first, min(first + BATCH, rows + 1))]
        cursor = None if first + BATCH > rows else f"c{first + BATCH}"
        cache.append(batch, cursor)
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        bare.executemany(f"INSERT INTO rows VALUES ({marks})",  # noqa: S608
                         [(n, n, *v) for n, v in batch])  # fmt: skip
        bare.commit()
        print(f"\r  built {min(first + BATCH - 1, rows):,} rows", end="", flush=True)
    cache.close()
    bare.close()
    print(f" in {time.perf_counter() - started:.1f} s")


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def median_ms(samples: list[float]) -> float:
    return sorted(samples)[len(samples) // 2] * 1000


class Viewer:
    """The viewer's model and table, opened the way GrantViewer opens a source."""

    def __init__(self, runner: TaskRunner, grant: Grant, cache: GrantCache) -> None:
        self.runner = runner
        self.grant = grant
        self.cache = cache
        self.model = RowsModel(runner)
        self.table = RowsView()  # the viewer's own table
        self.table.setModel(self.model)
        self.table.resize(1366, 768)
        self.table.show()

    def open(self, query: RowQuery) -> None:
        done: list[bool] = []

        def op(_p: object) -> tuple[CachedRows, int, RowPage]:
            source = CachedRows(self.grant, query, self.cache)
            return source, source.total(), source.fetch(0)

        def opened(got: tuple[CachedRows, int, RowPage]) -> None:
            self.model.set_source(*got)
            done.append(True)

        def failed(error: BaseException) -> None:
            raise error

        self.runner.run_read(op, opened, failed)
        wait_until(lambda: bool(done))
        self.table.scrollToTop()
        self.table.viewport().repaint()
        wait_until(lambda: self.model.cell(0, 0) is not None)

    def jump_to_end(self) -> None:
        last = self.model.rowCount() - 1
        self.table.scrollToBottom()
        self.table.viewport().repaint()
        wait_until(lambda: self.model.cell(last, 0) is not None)
        self.table.viewport().repaint()

    def jump_to(self, at: int) -> None:
        self.table.scrollTo(self.model.index(at, 0))
        self.table.viewport().repaint()
        wait_until(lambda: self.model.cell(at, 0) is not None)


def timed(action: Callable[[], None], repeat: int, prepare: Callable[[], object]) -> float:
    """Median time of `action` alone, each run after `prepare` (not timed)."""
    samples = []
    for _ in range(repeat):
        prepare()
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def bare_ms(run: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def main() -> int:  # noqa: PLR0915 - one linear report
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the cache in DIR")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-viewer-"))
    work.mkdir(parents=True, exist_ok=True)
    path, plain, key_file = work / "grant.db", work / "plain.db", work / "key"
    if not path.exists():
        key_file.write_bytes(secrets.token_bytes(32))
        print(f"building a cached grant of {args.rows:,} rows in {work}")
        build(path, key_file.read_bytes(), plain, args.rows)
    key = key_file.read_bytes()
    grant = Grant(
        id="bench", request_id=None, grantee_unit_code="U", provider_unit_code="P",
        authority_unit_code="A", resource_id="r", resource_code="101001/000001",
        resource_name="bench",
        data_items=tuple(GrantedItem(f"it-{i}", n, "C") for i, n in enumerate(COLUMNS)),
        purpose="", valid_from=date(2026, 1, 1), valid_to=None, allow_offline_cache=True,
    )  # fmt: skip

    app = QApplication.instance() or QApplication(sys.argv)
    executor = Executor()
    runner = TaskRunner(executor)
    gc.collect()
    rss_before = rss_mb()
    cache = GrantCache.open(path, key)
    viewer = Viewer(runner, grant, cache)
    district = DISTRICTS[1234]
    filtered = RowQuery((RowFilter("it-3", district),))
    by_name = RowQuery(sort="it-1")

    # each measurement on a fresh cache handle state: counts and anchors are per open file
    def fresh() -> None:
        cache._counts.clear()
        cache._anchors.clear()

    figures: dict[str, float] = {}
    figures["first rows"] = timed(lambda: viewer.open(RowQuery()), args.repeat, fresh)
    figures["jump to the last row"] = timed(
        viewer.jump_to_end, args.repeat, lambda: (fresh(), viewer.open(RowQuery()))
    )
    figures["filter (first rows)"] = timed(lambda: viewer.open(filtered), args.repeat, fresh)
    figures["filter, last row"] = timed(
        viewer.jump_to_end, args.repeat, lambda: (fresh(), viewer.open(filtered))
    )
    figures["sort (first rows)"] = timed(lambda: viewer.open(by_name), args.repeat, fresh)
    figures["sort, last row"] = timed(
        viewer.jump_to_end, args.repeat, lambda: (fresh(), viewer.open(by_name))
    )

    # bare queries of the same pages on the same file (SQLCipher), and on a plain copy
    import sqlcipher3  # noqa: PLC0415

    enc = sqlcipher3.connect(str(path))
    enc.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    raw = sqlite3.connect(plain) if plain.exists() else None
    n = args.rows
    names = ", ".join(f"c{i}" for i in range(len(COLUMNS)))
    first_sql = f"SELECT {names} FROM rows WHERE pos > 0 AND pos <= {PAGE_ROWS}"  # noqa: S608
    last_sql = f"SELECT {names} FROM rows WHERE pos > {n - PAGE_ROWS}"  # noqa: S608
    filter_sql = ("SELECT count(*) FROM rows WHERE c3 = ?", f"SELECT {names} FROM rows "  # noqa: S608
                  f"WHERE c3 = ? ORDER BY pos LIMIT {PAGE_ROWS}")  # fmt: skip
    sort_sql = f"SELECT {names} FROM rows ORDER BY c1, pos LIMIT {PAGE_ROWS}"  # noqa: S608
    sort_last_sql = f"SELECT {names} FROM rows ORDER BY c1 DESC, pos DESC LIMIT {PAGE_ROWS}"  # noqa: S608
    bare: dict[str, dict[str, float]] = {}
    for label, db in (("SQLCipher", enc), ("plain SQLite", raw)):
        if db is None:
            continue
        bare[label] = {
            "first rows": bare_ms(lambda d=db: (d.execute("SELECT max(pos) FROM rows").fetchone(),
                                                d.execute(first_sql).fetchall()), args.repeat),
            "jump to the last row": bare_ms(lambda d=db: d.execute(last_sql).fetchall(),
                                            args.repeat),
            "filter (first rows)": bare_ms(
                lambda d=db: (d.execute(filter_sql[0], (district,)).fetchone(),
                              d.execute(filter_sql[1], (district,)).fetchall()), args.repeat),
            "sort (first rows)": bare_ms(lambda d=db: d.execute(sort_sql).fetchall(), args.repeat),
            "sort, last row": bare_ms(lambda d=db: d.execute(sort_last_sql).fetchall(),
                                      args.repeat),
        }  # fmt: skip

    # memory: jump around the whole grant; the model keeps at most MAX_PAGES pages
    rng = random.Random(3)  # noqa: S311 - places to jump to
    viewer.open(RowQuery())
    for _ in range(200):
        viewer.jump_to(rng.randrange(n))
    gc.collect()
    rss_after = rss_mb()

    print(f"\nviewer over a cached grant of {n:,} rows ({PAGE_ROWS} rows a page, "
          f"at most {MAX_PAGES} pages held); median of {args.repeat}")  # fmt: skip
    print(f"{'':24}{'viewer':>10}" + "".join(f"{k:>16}" for k in bare) + "   ratio to SQLCipher")
    for name, value in figures.items():
        key_name = "jump to the last row" if name == "filter, last row" else name
        base = {k: v.get(name, v.get(key_name)) for k, v in bare.items()}
        cells = "".join(f"{(f'{b:.1f} ms' if b is not None else '—'):>16}" for b in base.values())
        enc_base = base.get("SQLCipher")
        ratio = f"{value / enc_base:.1f}×" if enc_base else "—"
        flag = "" if value < 200 else "   OVER 200 ms"
        print(f"{name:24}{value:>7.1f} ms{cells}   {ratio}{flag}")
    print(f"RSS the viewer added (after 200 random jumps): {rss_after - rss_before:.1f} MB "
          f"(process {rss_after:.0f} MB)")  # fmt: skip
    cache.close()
    enc.close()
    if raw is not None:
        raw.close()
    runner.shutdown()
    executor.shutdown()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
