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


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, unless someone else turned it off."""
    global _holders  # noqa: PLW0603 - one count for the whole process, as gc itself is
    with _lock:
        pausing = _holders > 0 or gc.isenabled()
        if pausing:
            _holders += 1
            gc.disable()
    try:
        yield
    finally:
        if pausing:
            with _lock:
                _holders -= 1
                if _holders == 0:
                    gc.enable()
