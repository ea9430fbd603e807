"""What one sync cycle came to, as plain data: the CLI's exit code, the status bar, the
同步 page and the scheduler's next wait all read it (none of them imports the engine)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from govshare_desktop.domain.errors import KnownError


class SyncOutcome(StrEnum):
    DONE = "done"  # everything that could be sent was; the feed was read to its end
    OFFLINE = "offline"  # no answer from the platform (or not the platform's)
    BUSY = "busy"  # the platform answered, and asked us to come back later
    SIGN_IN = "sign_in"  # the officer must sign in (again); the queue waits
    REFUSED = "refused"  # the platform answered something this client cannot act on
    NOT_CONFIGURED = "not_configured"  # no platform address is set
    ALREADY_RUNNING = "already_running"  # another cycle was under way; it covers this one

    @property
    def reached_platform(self) -> bool:
        return self in (SyncOutcome.DONE, SyncOutcome.BUSY, SyncOutcome.REFUSED)


@dataclass(frozen=True, slots=True)
class SyncResult:
    outcome: SyncOutcome
    finished_at: datetime  # UTC, naive (as the store keeps times)
    sent: int = 0  # ops the platform accepted in this cycle
    refused: int = 0  # ops the platform refused in this cycle (they wait on the 同步 page)
    new_conflicts: int = 0
    applied: int = 0  # feed items taken in
    resynced: bool = False  # the feed's cursor had expired: everything was pulled again
    pending: int = 0  # changes still waiting to be sent after the cycle
    failed: int = 0  # changes the platform refused, waiting for the officer
    conflicts: int = 0  # conflicts waiting for the officer after the cycle
    retry_after: float | None = None  # seconds before the next try, after a failure
    error: KnownError | None = None  # what the officer reads, when the cycle failed
    detail: str = ""  # technical details the officer may copy for IT support

    @property
    def complete(self) -> bool:
        """Everything pushed and pulled, nothing left for the officer to decide."""
        return (
            self.outcome is SyncOutcome.DONE
            and not self.pending
            and not self.failed
            and not self.conflicts
        )
