"""The transactional outbox: a local change and the op that will send it commit together."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import case, func, select, true
from sqlalchemy.orm import Session

from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.store.models import SyncOutboxRow

# The key of an `import_batch` payload listing the resources it creates (bulk_import.py).
BATCH_IDS = "resources"
_BATCH_IDS_PATH = f"$.{BATCH_IDS}"


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(
        self,
        entity_type: str,
        entity_id: str,
        op: OutboxOp,
        payload: dict[str, Any],
        *,
        base_version: int | None,
        snapshot_rev: int,
    ) -> None:
        """Queue `op`, or fold it into the entity's unsent op while that has not been tried.

        Once an op has been attempted its payload is frozen (its Idempotency-Key must never
        carry two payloads), so later edits get an op of their own (SYNC.md).
        """
        open_op = self._session.scalar(
            select(SyncOutboxRow)
            .where(
                SyncOutboxRow.entity_id == entity_id,
                SyncOutboxRow.status == OutboxStatus.PENDING,
                SyncOutboxRow.attempts == 0,
            )
            .order_by(SyncOutboxRow.seq.desc())
        )
        if open_op is not None and op is OutboxOp.PATCH and open_op.op in {"create", "patch"}:
            # the open op keeps its kind: a create that absorbs a patch is still a create
            merged = json.loads(open_op.payload_json) | payload
            open_op.payload_json = json.dumps(merged, ensure_ascii=False, default=str)
            open_op.snapshot_rev = snapshot_rev
            return
        self._session.add(
            SyncOutboxRow(
                op_id=str(uuid.uuid4()),
                entity_type=entity_type,
                entity_id=entity_id,
                op=op.value,
                payload_json=json.dumps(payload, ensure_ascii=False, default=str),
                base_version=base_version,
                snapshot_rev=snapshot_rev,
                status=OutboxStatus.PENDING.value,
            )
        )

    def has_create(self, entity_id: str) -> bool:
        """True when a create for `entity_id` is queued, sent or done (not one that failed),
        on its own or inside an Excel import's `import_batch` op."""
        own = self._session.scalar(
            select(SyncOutboxRow.seq).where(
                SyncOutboxRow.entity_id == entity_id,
                SyncOutboxRow.op == OutboxOp.CREATE.value,
                SyncOutboxRow.status != OutboxStatus.FAILED.value,
            )
        )
        if own is not None:
            return True
        listed = func.json_each(SyncOutboxRow.payload_json, _BATCH_IDS_PATH).table_valued("value")
        in_batch = self._session.scalar(
            select(SyncOutboxRow.seq)
            .join(listed, true())
            .where(
                SyncOutboxRow.op == OutboxOp.IMPORT_BATCH.value,
                SyncOutboxRow.status != OutboxStatus.FAILED.value,
                listed.c.value == entity_id,
            )
            .limit(1)
        )
        return in_batch is not None

    def count_by_status(self) -> dict[str, int]:
        """Changes waiting, by op status, as the officer counts them: an import's one
        `import_batch` op counts each resource it carries."""
        changes = case(
            (
                SyncOutboxRow.op == OutboxOp.IMPORT_BATCH.value,
                func.json_array_length(SyncOutboxRow.payload_json, _BATCH_IDS_PATH),
            ),
            else_=1,
        )
        rows = self._session.execute(
            select(SyncOutboxRow.status, func.sum(changes)).group_by(SyncOutboxRow.status)
        ).all()
        return {str(status): int(count or 0) for status, count in rows}

    def ops_for(self, entity_id: str) -> list[tuple[str, str]]:
        """(op, status) of an entity's ops in send order; for tests and diagnostics."""
        rows = self._session.execute(
            select(SyncOutboxRow.op, SyncOutboxRow.status)
            .where(SyncOutboxRow.entity_id == entity_id)
            .order_by(SyncOutboxRow.seq)
        ).all()
        return [(str(op), str(status)) for op, status in rows]
