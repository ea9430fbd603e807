"""The viewer's model over a cached grant of 1,000,000 rows scrolls to the end and back
while the event loop keeps turning: pages arrive through the runner, the GUI thread never
waits for them, and no more than `MAX_PAGES` pages are ever held."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.domain.grant_data import RowQuery
from govshare_desktop.services.executor import Executor
from govshare_desktop.services.grant_data.rows import CachedRows
from govshare_desktop.store.grant_cache import GrantCache
from govshare_desktop.tasks.runner import TaskRunner
from govshare_desktop.ui.authorized_data.rows_model import MAX_PAGES, RowsModel

ROWS = 1_000_000
BATCH = 100_000


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, bytes]]:
    path = tmp_path_factory.mktemp("million") / "grant.db"
    key = secrets.token_bytes(32)
    cache = GrantCache.open(path, key, ["it-0", "it-1"])
    for first in range(1, ROWS + 1, BATCH):
        cache.append(
            [(n, [f"{n:07d}", f"名{n % 97}"]) for n in range(first, first + BATCH)],
            None if first + BATCH > ROWS else "more",
        )
    cache.close()
    yield path, key


@pytest.mark.slow
def test_scrolls_to_the_end_and_back_while_the_loop_turns(
    qtbot: QtBot, qapp: QApplication, million: tuple[Path, bytes]
) -> None:
    path, key = million
    grant = Grant(
        id="g", request_id=None, grantee_unit_code="U", provider_unit_code="P",
        authority_unit_code="A", resource_id="r", resource_code="101001/000001",
        resource_name="人口", data_items=(GrantedItem("it-0", "编号", "C"),
                                          GrantedItem("it-1", "姓名", "C")),
        purpose="", valid_from=date(2026, 1, 1), valid_to=None, allow_offline_cache=True,
    )  # fmt: skip
    cache = GrantCache.open(path, key)
    executor = Executor()
    runner = TaskRunner(executor)
    model = RowsModel(runner)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(1366, 768)
    table.show()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    try:
        source = CachedRows(grant, RowQuery(), cache)
        model.set_source(source, source.total(), None)
        assert model.rowCount() == ROWS
        table.viewport().repaint()  # asks for page 0; the cell shows "…" meanwhile
        qtbot.waitUntil(lambda: model.cell(0, 0) == "0000001", timeout=10_000)

        before = len(ticks)
        table.scrollToBottom()
        table.viewport().repaint()
        assert model.cell(ROWS - 1, 0) is None  # not read on the GUI thread
        qtbot.waitUntil(lambda: model.cell(ROWS - 1, 0) == f"{ROWS:07d}", timeout=10_000)
        assert len(ticks) > before  # the loop kept turning while the page was read

        for at in range(0, ROWS, ROWS // 50):  # drag the scroll bar through the grant
            table.scrollTo(model.index(at, 0))
            table.viewport().repaint()
            qtbot.waitUntil(lambda at=at: model.cell(at, 0) == f"{at + 1:07d}", timeout=10_000)
            assert len(model.held_pages()) <= MAX_PAGES

        before = len(ticks)
        table.scrollToTop()
        table.viewport().repaint()
        qtbot.waitUntil(lambda: model.cell(0, 1) == "名1", timeout=10_000)
        assert len(ticks) >= before
        assert len(model.held_pages()) <= MAX_PAGES
    finally:
        timer.stop()
        model.set_source(None, 0, None)
        runner.shutdown()
        executor.shutdown()
        cache.close()
