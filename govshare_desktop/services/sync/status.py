"""What the status bar shows: connection, unsent changes, conflicts, last sync."""

from __future__ import annotations

from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.status import Connection, StatusSnapshot
from govshare_desktop.services.sync.syncing import SyncState
from govshare_desktop.store.repositories.outbox import OutboxRepository
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository
from govshare_desktop.store.session import Database


class StatusService:
    def __init__(self, database: Database, platform_url: str, state: SyncState) -> None:
        self._db = database
        self._platform_url = platform_url
        self._state = state

    def set_platform_url(self, url: str) -> None:
        self._platform_url = url

    def snapshot(self) -> StatusSnapshot:
        """Read in one transaction, so the figures agree with each other. The link is
        what the latest cycle or health check found; until one has run, a configured
        platform shows as offline rather than pretending to know."""
        with self._db.read() as session:
            counts = OutboxRepository(session).count_by_status()
            meta = SyncMetaRepository(session)
            conflicts = meta.open_conflicts()
            last = meta.last_sync_at()
        pending = sum(
            counts.get(s.value, 0) for s in (OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT)
        )
        failed = sum(counts.get(s.value, 0) for s in (OutboxStatus.FAILED, OutboxStatus.BLOCKED))
        state = self._state
        if not self._platform_url:
            connection = Connection.NOT_CONFIGURED
        else:
            connection = state.connection or Connection.OFFLINE
        latest = state.last
        problem = latest.error if latest is not None else None
        return StatusSnapshot(
            connection, pending, failed, conflicts, last, syncing=state.running, problem=problem
        )
