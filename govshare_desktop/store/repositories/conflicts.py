"""The conflicts a sync left for the officer: read them, and close one once resolved."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from govshare_desktop.domain.conflicts import Conflict, ConflictKind
from govshare_desktop.store.models import ResourceRow, SyncConflictRow


def _conflict(row: SyncConflictRow, name: str) -> Conflict:
    return Conflict(
        id=row.id,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        kind=ConflictKind(row.kind),
        base=json.loads(row.base_json or "{}"),
        local=json.loads(row.local_json or "{}"),
        remote=json.loads(row.remote_json or "{}"),
        fields=tuple(json.loads(row.fields_json or "[]")),
        created_at=row.created_at,
        name=name,
    )


class ConflictRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def open(self) -> list[Conflict]:
        """Unresolved conflicts, oldest first, with the name of the record each is about."""
        rows = self._session.execute(
            select(SyncConflictRow, ResourceRow.name)
            .outerjoin(ResourceRow, ResourceRow.id == SyncConflictRow.entity_id)
            .where(SyncConflictRow.resolved_at.is_(None))
            .order_by(SyncConflictRow.created_at)
        ).all()
        return [_conflict(row, name or "") for row, name in rows]

    def get(self, conflict_id: str) -> Conflict | None:
        row = self._session.get(SyncConflictRow, conflict_id)
        if row is None or row.resolved_at is not None:
            return None
        entity = self._session.get(ResourceRow, row.entity_id)
        return _conflict(row, entity.name if entity else "")

    def close(self, conflict_id: str, at: datetime) -> None:
        row = self._session.get(SyncConflictRow, conflict_id)
        if row is not None:
            row.resolved_at = at
