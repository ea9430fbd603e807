"""What waits to be sent, for the 同步 page: read only (the push decides what is sent)."""

from __future__ import annotations

from govshare_desktop.domain.outbox import WaitingChange
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.outbox import OutboxRepository

LISTED = 500  # more than an officer reads; the status bar counts them all


class OutboxService(Service):
    def waiting(self, limit: int = LISTED) -> list[WaitingChange]:
        """Every change not yet accepted by the platform, oldest first. A share request's
        refused step says so (`refused`, `step`, `error`: the platform's words) and may be
        let go of (`discardable`: `ctx.services.share_requests.discard_refused(seq)`); so may an
        objection's refused raise or answer (`ctx.services.objections.discard_refused`)."""
        with self._db.read() as session:
            return OutboxRepository(session).waiting(limit)
