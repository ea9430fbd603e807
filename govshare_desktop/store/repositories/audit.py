"""The local audit log: append-only, hash-chained, uploaded on sync (Art. 14, 17)."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.store.models import AuditEventRow


def _digest(prev_hash: str, event: AuditEvent) -> str:
    body = json.dumps(
        [prev_hash, event.id, event.at.isoformat(), event.actor, event.action,
         event.subject_type, event.subject_id, event.details],
        ensure_ascii=False, sort_keys=True, default=str,
    )  # fmt: skip
    return hashlib.sha256(body.encode()).hexdigest()


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, event: AuditEvent) -> None:
        last = self._session.scalar(
            select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(1)
        )
        prev_hash = last.hash if last else ""
        self._session.add(
            AuditEventRow(
                id=event.id,
                at=event.at,
                actor=event.actor,
                action=event.action,
                subject_type=event.subject_type,
                subject_id=event.subject_id,
                details_json=json.dumps(event.details, ensure_ascii=False, default=str),
                prev_hash=prev_hash,
                hash=_digest(prev_hash, event),
            )
        )

    def last_with(self, action: str, subject_id: str) -> AuditEvent | None:
        """The latest event of `action` about `subject_id` (e.g. an earlier import of a file)."""
        row = self._session.scalar(
            select(AuditEventRow)
            .where(AuditEventRow.action == action, AuditEventRow.subject_id == subject_id)
            .order_by(AuditEventRow.seq.desc())
            .limit(1)
        )
        if row is None:
            return None
        return AuditEvent(
            id=row.id, action=row.action, actor=row.actor, at=row.at,
            subject_type=row.subject_type, subject_id=row.subject_id,
            details=json.loads(row.details_json),
        )  # fmt: skip

    def verify_chain(self) -> bool:
        """True when no event was removed or changed since it was written."""
        prev = ""
        for row in self._session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)):
            event = AuditEvent(
                id=row.id, action=row.action, actor=row.actor, at=row.at,
                subject_type=row.subject_type, subject_id=row.subject_id,
                details=json.loads(row.details_json),
            )  # fmt: skip
            if row.prev_hash != prev or row.hash != _digest(prev, event):
                return False
            prev = row.hash
        return True
