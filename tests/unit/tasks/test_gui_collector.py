"""Cycles are collected on the GUI thread only, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from govshare_desktop.services.gc_pause import collection_paused
from govshare_desktop.tasks.gui_collector import install_gui_collector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def make_cycles(count: int) -> None:
    for _ in range(count):
        Cycle()  # unreachable at once, freed only by a collection


def test_a_worker_making_garbage_never_runs_a_collection(qapp: QApplication, qtbot: QtBot) -> None:
    collector = install_gui_collector(qapp)
    assert install_gui_collector(qapp) is collector  # one per application
    threads: list[str] = []

    def note(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=make_cycles, args=(50_000,), name="worker")
        worker.start()
        worker.join()
        assert "worker" not in threads  # 50,000 cycles trip the threshold many times over
        before = collector.collections
        qtbot.waitUntil(lambda: collector.collections > before, timeout=5000)
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)


def test_no_collection_while_a_bulk_job_holds_the_collector(
    qapp: QApplication, qtbot: QtBot
) -> None:
    collector = install_gui_collector(qapp)
    with collection_paused():
        make_cycles(50_000)
        before = collector.collections
        collector.check()
        assert collector.collections == before
    collector.check()
    assert collector.collections == before + 1
