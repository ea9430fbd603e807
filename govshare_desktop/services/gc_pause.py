"""Cyclic garbage collection held off while a bulk job allocates millions of objects.

Reading a 110,000-row workbook creates a list per row and a few objects per cell, none of
them cyclic; CPython's collector nevertheless walks every tracked object each time the
young generations fill, so an import spent about a third of its parsing time in it. The
collector is paused for the job (reference counting still frees everything) and runs
again afterwards; it is process-wide, so a pause left on by a nested or concurrent job is
never switched back on early.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_enable_after = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, unless someone else turned it off."""
    global _holders, _enable_after  # noqa: PLW0603 - one count for the whole process, as gc is
    with _lock:
        if _holders == 0:
            _enable_after = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _enable_after:
                gc.enable()


def collection_held() -> bool:
    """Whether a job holds the collector paused: a collector run by hand (the GUI's, see
    tasks/gui_collector.py) waits until it ends."""
    return _holders > 0
