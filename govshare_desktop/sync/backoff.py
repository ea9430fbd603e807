"""When to try again after the platform could not be reached or asked us to wait.

Exponential backoff with full jitter (AWS's recipe, PouchDB's numbers): a 2 s base, doubled
per consecutive failure, capped at 10 minutes; a `Retry-After` the platform gave wins when
it asks for longer. A successful sync resets the count. No hot loop: the first wait is
already seconds, and the scheduler never retries sooner than the wait says.
"""

from __future__ import annotations

import random
from collections.abc import Callable

BASE_S = 2.0
CAP_S = 600.0


def next_wait(
    failures: int,
    retry_after: float | None = None,
    *,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait after `failures` consecutive failed cycles (1 = the first)."""
    ceiling: float = min(CAP_S, BASE_S * 2.0 ** max(0, failures - 1))
    wait = BASE_S / 2 + rand() * (ceiling - BASE_S / 2)  # never sooner than 1 s
    if retry_after is not None:
        wait = max(wait, min(retry_after, CAP_S * 6))  # a server's ask, up to an hour
    return wait
