"""The audit log's records as the chain sees them, and what a verification found (Art. 17).

Standard library only: the store reads `AuditLink`s, security/audit_chain.py seals and
checks them, the CLI and the GUI read the `ChainReport`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from govshare_desktop.domain.entities import AuditEvent


@dataclass(frozen=True, slots=True)
class AuditLink:
    """One stored event at its place in the log; `mac` is "" while it is not sealed."""

    seq: int
    event: AuditEvent
    mac: str = ""
    prev_hash: str = ""  # the plain SHA-256 checksum chain (a checksum, not a seal)
    hash: str = ""


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last sealed event as recorded beside the log, with its own MAC: removing events
    from the end of the log shows as a head that names an event no longer there."""

    seq: int
    mac: str
    tag: str
    key_id: str = ""  # which key sealed the log (a keyring reset makes a new one)


class BreakKind(StrEnum):
    ALTERED = "altered"  # the MAC does not match: the event, or its place, was changed
    MISSING = "missing"  # sequence numbers skip: events were removed
    REORDERED = "reordered"  # the event is sealed at another place than where it stands
    TRUNCATED = "truncated"  # the head names an event after the last one stored
    HEAD_ALTERED = "head_altered"  # the head record itself does not match its MAC
    UNSEALED_GAP = "unsealed_gap"  # an unsealed event stands before a sealed one
    CHECKSUM = "checksum"  # an unsealed event does not match its plain checksum


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first broken link: where, which event, and what is wrong."""

    kind: BreakKind
    seq: int
    event_id: str
    at: datetime | None
    expected_seq: int | None = None  # for MISSING / TRUNCATED: the sequence number expected


@dataclass(frozen=True, slots=True)
class ChainReport:
    sealed: int  # events whose MAC was checked and matched
    unsealed: int  # events written while no key was usable, not sealed yet
    broken: ChainBreak | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None


def plain_digest(prev_hash: str, event: AuditEvent) -> str:
    """The plain SHA-256 checksum of an event after `prev_hash`, the log's only chain
    before the HMAC one and still kept: it catches an accident, never a deliberate edit
    (anyone can recompute it)."""
    body = json.dumps(
        [prev_hash, event.id, event.at.isoformat(), event.actor, event.action,
         event.subject_type, event.subject_id, event.details],
        ensure_ascii=False, sort_keys=True, default=str,
    )  # fmt: skip
    return hashlib.sha256(body.encode()).hexdigest()
