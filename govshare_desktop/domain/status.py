"""What the status bar shows, as plain data: connection, unsent changes, conflicts, last sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from govshare_desktop.domain.errors import KnownError


class Connection(StrEnum):
    NOT_CONFIGURED = "not_configured"  # no platform address set
    OFFLINE = "offline"
    ONLINE = "online"


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    connection: Connection
    pending_changes: int
    failed_changes: int
    conflicts: int
    last_sync_at: datetime | None
    syncing: bool = False  # a cycle is under way now
    problem: KnownError | None = None  # why the latest cycle did not finish, if it did not
