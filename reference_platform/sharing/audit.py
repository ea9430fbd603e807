"""Client audit-event upload (Art. 17): stored as sent, idempotent by event id per unit.

An id seen before with the same content is a duplicate (accepted again, nothing stored);
with different content it is a conflict and is reported, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from reference_platform.context import Principal
from reference_platform.db.models import ClientAuditEvent
from reference_platform.sharing.schemas import AuditEventIn


@dataclass(slots=True)
class UploadResult:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _same(row: ClientAuditEvent, event: AuditEventIn) -> bool:
    return (
        row.at == event.at
        and row.actor == event.actor
        and row.action == event.action
        and (row.subject_type, row.subject_id) == (event.subject.type, event.subject.id)
        and row.details == event.details
        and row.prev_hash == event.prev_hash
        and row.hash == event.hash
    )


def upload(
    session: Session, principal: Principal, events: list[AuditEventIn], now: datetime
) -> UploadResult:
    """Store the new events of a batch; sort every id into accepted, duplicate or conflict."""
    result = UploadResult()
    for event in events:
        event_id = str(event.id)
        existing = session.get(ClientAuditEvent, (principal.unit_code, event_id))
        if existing is not None:
            (result.duplicates if _same(existing, event) else result.conflicts).append(event_id)
            continue
        session.add(
            ClientAuditEvent(
                unit_code=principal.unit_code,
                id=event_id,
                at=event.at,
                actor=event.actor,
                action=event.action,
                subject_type=event.subject.type,
                subject_id=event.subject.id,
                details=event.details,
                prev_hash=event.prev_hash,
                hash=event.hash,
                uploaded_by=principal.username,
                received_at=now,
            )
        )
        session.flush()
        result.accepted.append(event_id)
    return result
