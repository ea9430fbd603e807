"""A change waiting in the outbox, as the 同步 page lists it: what it is about, what kind of
change, where it stands and, when the platform refused it, the platform's own words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from govshare_desktop.domain.enums import OutboxOp, OutboxStatus


@dataclass(frozen=True, slots=True)
class WaitingChange:
    seq: int  # send order
    entity_type: str  # an `EntityKind` value
    entity_id: str
    op: OutboxOp
    status: OutboxStatus
    name: str  # the record's name as the officer knows it ("" when it has none)
    count: int  # records the change speaks for (an import batch: every resource it made)
    attempts: int
    http_status: int | None  # the platform's last answer, when it refused or asked to wait
    error: str  # the platform's reason (or the client's note), as given
    next_attempt_at: datetime | None  # UTC, naive: not before then (after a transient failure)
    created_at: datetime  # UTC, naive
    step: str = ""  # a share request's workflow step (`RequestAction` value) for op STEP

    @property
    def discardable(self) -> bool:
        """The officer may let go of it: a share request's, an objection's or a notice's op
        the platform refused (a stale step, an answer given already, a reading of a notice
        it no longer delivers; the entity's later ops wait behind it until then)."""
        return self.refused and self.entity_type in ("share_request", "objection", "notice")

    @property
    def refused(self) -> bool:
        return self.status is OutboxStatus.FAILED

    @property
    def held(self) -> bool:
        """Waits for the officer (a conflict to resolve) before anything of it is sent."""
        return self.status is OutboxStatus.BLOCKED
