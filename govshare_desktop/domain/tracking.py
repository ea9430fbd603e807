"""The sync envelope: what the store knows of a record's standing against the platform.

Domain entities hold content only (what the officer sees and edits). Whether a record is
waiting to be sent, which server version it was based on and whether it is a tombstone
is bookkeeping the store keeps beside it; code that needs both asks for a `Tracked`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from govshare_desktop.domain.enums import SyncState

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Envelope:
    sync_state: SyncState = SyncState.PENDING
    local_rev: int = 0  # counts every change stored here, local or remote
    server_version: int | None = None  # the platform's version this copy is based on
    deleted: bool = False  # a tombstone: kept so the platform learns of the delete


@dataclass(frozen=True, slots=True)
class Tracked(Generic[T]):
    content: T
    envelope: Envelope
