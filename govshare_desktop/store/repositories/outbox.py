"""The transactional outbox's rows: ops to send, and the entities each op speaks for.

Persistence only: which op a change becomes (create, patch, delete; folded, cancelled or
frozen) is decided in `store/tracking.py`, the one place every synced write goes through.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.domain.outbox import WaitingChange
from govshare_desktop.store.bulk_insert import insert_rows, raw_cursor
from govshare_desktop.store.models import (
    NoticeRow,
    ObjectionRow,
    ResourceRow,
    ShareRequestRow,
    SyncOutboxEntityRow,
    SyncOutboxRow,
)

_LINKS = SyncOutboxEntityRow.__tablename__
_LINK_COLUMNS = ("seq", "entity_id", "entity_type", "snapshot_rev")


@dataclass(frozen=True, slots=True)
class QueuedOp:
    """An op as the outbox rules see it."""

    seq: int
    op: OutboxOp
    status: OutboxStatus
    attempts: int
    payload: dict[str, Any]

    @property
    def open(self) -> bool:
        """Never tried: it may still absorb later edits, or be dropped."""
        return self.status is OutboxStatus.PENDING and self.attempts == 0

    @property
    def may_have_reached(self) -> bool:
        """Tried, and not refused: the platform may have applied it."""
        return not self.open and self.status is not OutboxStatus.FAILED


def _queued(row: SyncOutboxRow) -> QueuedOp:
    return QueuedOp(
        seq=row.seq,
        op=OutboxOp(row.op),
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        payload=json.loads(row.payload_json),
    )


_REQUEST = EntityKind.SHARE_REQUEST.value
_OBJECTION = EntityKind.OBJECTION.value
_NOTICE = EntityKind.NOTICE.value


def _step_of(row: SyncOutboxRow) -> str:
    """The workflow step a share request's STEP op carries ("" for any other op)."""
    if row.op != OutboxOp.STEP.value:
        return ""
    return str(json.loads(row.payload_json).get("action") or "")


def _dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, default=str)


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def op(self, seq: int) -> QueuedOp | None:
        """One op by its seq; None once it is gone (dropped, or cancelled with its entity)."""
        row = self._session.get(SyncOutboxRow, seq)
        return None if row is None else _queued(row)

    def ops_of(self, entity_id: str) -> list[QueuedOp]:
        """The ops that speak for `entity_id` (its own and any batch it is in), oldest first."""
        rows = self._session.scalars(
            select(SyncOutboxRow)
            .join(SyncOutboxEntityRow, SyncOutboxEntityRow.seq == SyncOutboxRow.seq)
            .where(SyncOutboxEntityRow.entity_id == entity_id)
            .order_by(SyncOutboxRow.seq)
        )
        return [_queued(row) for row in rows]

    def queue(
        self,
        kind: EntityKind,
        entity_id: str,
        op: OutboxOp,
        payload: dict[str, Any],
        *,
        base_version: int | None,
        snapshot_rev: int,
    ) -> int:
        """A new op for one entity, after every op queued before it; returns its seq."""
        row = SyncOutboxRow(
            op_id=str(uuid.uuid4()),
            entity_type=kind.value,
            entity_id=entity_id,
            op=op.value,
            payload_json=_dumps(payload),
            base_version=base_version,
            snapshot_rev=snapshot_rev,
            status=OutboxStatus.PENDING.value,
        )
        self._session.add(row)
        self._session.flush()
        self._session.add(
            SyncOutboxEntityRow(
                seq=row.seq, entity_id=entity_id, entity_type=kind.value, snapshot_rev=snapshot_rev
            )
        )
        return row.seq

    def queue_batch(self, kind: EntityKind, entity_ids: list[str], payload: dict[str, Any]) -> int:
        """One op speaking for many new entities (an Excel import's `import_batch`), each
        at its first revision."""
        row = SyncOutboxRow(
            op_id=str(uuid.uuid4()),
            entity_type=kind.value,
            entity_id=str(uuid.uuid4()),  # the batch's own id: it speaks for many
            op=OutboxOp.IMPORT_BATCH.value,
            payload_json=_dumps(payload),
            base_version=None,
            snapshot_rev=1,
            status=OutboxStatus.PENDING.value,
        )
        self._session.add(row)
        self._session.flush()
        links = [(row.seq, i, kind.value, 1) for i in entity_ids]  # 10,000 for an import
        with raw_cursor(self._session) as cursor:
            insert_rows(cursor, _LINKS, _LINK_COLUMNS, links)
        return row.seq

    def rewrite(
        self,
        seq: int,
        payload: dict[str, Any],
        *,
        snapshot_rev: int,
        base_version: int | None = None,
    ) -> None:
        """Give an open op a new payload (a later edit folded into it)."""
        row = self._session.get(SyncOutboxRow, seq)
        if row is None:
            raise LookupError(seq)
        row.payload_json = _dumps(payload)
        row.snapshot_rev = snapshot_rev
        if base_version is not None:
            row.base_version = base_version
        self._session.execute(
            update(SyncOutboxEntityRow)
            .where(SyncOutboxEntityRow.seq == seq)
            .values(snapshot_rev=snapshot_rev)
        )

    def carries(self, seq: int, entity_id: str, snapshot_rev: int) -> None:
        """An open batch now carries the entity at `snapshot_rev` (an edit it absorbed)."""
        self._session.execute(
            update(SyncOutboxEntityRow)
            .where(SyncOutboxEntityRow.seq == seq, SyncOutboxEntityRow.entity_id == entity_id)
            .values(snapshot_rev=snapshot_rev)
        )

    def drop(self, seq: int) -> None:
        """Forget an open op and its entity links (it will never be sent)."""
        self._session.execute(delete(SyncOutboxEntityRow).where(SyncOutboxEntityRow.seq == seq))
        self._session.execute(delete(SyncOutboxRow).where(SyncOutboxRow.seq == seq))

    def unlink(self, seq: int, entity_id: str) -> None:
        """Take one entity out of an open batch; the batch goes when it speaks for no one."""
        self._session.execute(
            delete(SyncOutboxEntityRow).where(
                SyncOutboxEntityRow.seq == seq, SyncOutboxEntityRow.entity_id == entity_id
            )
        )
        left = self._session.scalar(
            select(func.count())
            .select_from(SyncOutboxEntityRow)
            .where(SyncOutboxEntityRow.seq == seq)
        )
        if not left:
            self.drop(seq)

    def links_of(self, entity_ids: Sequence[str]) -> list[tuple[str, QueuedOp]]:
        """(entity id, op) for every op that speaks for one of `entity_ids`."""
        rows = self._session.execute(
            select(SyncOutboxEntityRow.entity_id, SyncOutboxRow)
            .join(SyncOutboxRow, SyncOutboxRow.seq == SyncOutboxEntityRow.seq)
            .where(SyncOutboxEntityRow.entity_id.in_(entity_ids))
        )
        return [(entity_id, _queued(row)) for entity_id, row in rows]

    def unlink_many(self, seq: int, entity_ids: Sequence[str]) -> None:
        """`unlink` for many entities of one open batch at once."""
        for start in range(0, len(entity_ids), 5000):
            self._session.execute(
                delete(SyncOutboxEntityRow).where(
                    SyncOutboxEntityRow.seq == seq,
                    SyncOutboxEntityRow.entity_id.in_(entity_ids[start : start + 5000]),
                )
            )
        left = self._session.scalar(
            select(func.count())
            .select_from(SyncOutboxEntityRow)
            .where(SyncOutboxEntityRow.seq == seq)
        )
        if not left:
            self.drop(seq)

    def batch_ids(self, seq: int) -> list[str]:
        """The entities an op speaks for, in the order they were linked."""
        return list(
            self._session.scalars(
                select(SyncOutboxEntityRow.entity_id)
                .where(SyncOutboxEntityRow.seq == seq)
                .order_by(SyncOutboxEntityRow.entity_id)
            )
        )

    def count_by_status(self) -> dict[str, int]:
        """Changes waiting, by op status, as the officer counts them: one per entity an op
        speaks for, so an import's one `import_batch` op counts each resource it carries."""
        rows = self._session.execute(
            select(SyncOutboxRow.status, func.count(SyncOutboxEntityRow.entity_id))
            .join(SyncOutboxEntityRow, SyncOutboxEntityRow.seq == SyncOutboxRow.seq)
            .group_by(SyncOutboxRow.status)
        ).all()
        return {str(status): int(count or 0) for status, count in rows}

    def waiting(self, limit: int = 500) -> list[WaitingChange]:
        """The ops not yet done, in send order, each with the name of the record it is
        about (a batch: the first of its resources) and how many records it speaks for."""
        links = (
            select(
                SyncOutboxEntityRow.seq.label("seq"),
                func.count().label("count"),
                func.min(SyncOutboxEntityRow.entity_id).label("first"),
            )
            .group_by(SyncOutboxEntityRow.seq)
            .subquery()
        )
        named = func.coalesce(links.c.first, SyncOutboxRow.entity_id)
        rows = self._session.execute(
            select(SyncOutboxRow, links.c.count, ResourceRow.name)
            .outerjoin(links, links.c.seq == SyncOutboxRow.seq)
            .outerjoin(ResourceRow, ResourceRow.id == named)
            .where(SyncOutboxRow.status != OutboxStatus.DONE.value)
            .order_by(SyncOutboxRow.seq)
            .limit(limit)
        ).all()
        requests = (
            self._request_names(
                [row.entity_id for row, _, _ in rows if row.entity_type == _REQUEST]
            )
            | self._objection_names(
                [row.entity_id for row, _, _ in rows if row.entity_type == _OBJECTION]
            )
            | self._notice_names(
                [row.entity_id for row, _, _ in rows if row.entity_type == _NOTICE]
            )
        )
        return [
            WaitingChange(
                seq=row.seq,
                entity_type=row.entity_type,
                entity_id=row.entity_id,
                op=OutboxOp(row.op),
                status=OutboxStatus(row.status),
                name=name or requests.get(row.entity_id, ""),
                count=int(count or 1),
                attempts=row.attempts,
                http_status=row.last_http_status,
                error=row.last_error or "",
                next_attempt_at=row.next_attempt_at,
                created_at=row.created_at,
                step=_step_of(row),
            )
            for row, count, name in rows
        ]

    def _request_names(self, ids: list[str]) -> dict[str, str]:
        """A share request as the officer names it: the provider and the resource asked for."""
        if not ids:
            return {}
        rows = self._session.execute(
            select(
                ShareRequestRow.id,
                ShareRequestRow.provider_unit_code,
                ShareRequestRow.resource_code,
            ).where(ShareRequestRow.id.in_(ids))
        )
        return {rid: f"{provider} {code}" for rid, provider, code in rows}

    def _objection_names(self, ids: list[str]) -> dict[str, str]:
        """An objection as the officer names it: the resource and the data item doubted."""
        if not ids:
            return {}
        rows = self._session.execute(
            select(ObjectionRow.id, ObjectionRow.resource_code, ObjectionRow.data_item_name).where(
                ObjectionRow.id.in_(ids)
            )
        )
        return {oid: f"{code} {item}".strip() for oid, code, item in rows}

    def _notice_names(self, ids: list[str]) -> dict[str, str]:
        """A notice (its reading waits to be sent) by its title."""
        if not ids:
            return {}
        rows = self._session.execute(
            select(NoticeRow.id, NoticeRow.title).where(NoticeRow.id.in_(ids))
        )
        return {str(row[0]): str(row[1]) for row in rows}

    def ops_for(self, entity_id: str) -> list[tuple[str, str]]:
        """(op, status) of an entity's ops in send order; for tests and diagnostics."""
        return [(o.op.value, o.status.value) for o in self.ops_of(entity_id)]


@dataclass(frozen=True, slots=True)
class OutgoingOp:
    """An op as the push sends it: everything needed to build the request."""

    seq: int
    op_id: str
    entity_type: str
    entity_id: str
    op: OutboxOp
    payload: dict[str, Any]
    base_version: int | None
    attempts: int


class OutboxQueue:
    """The push's view of the outbox: what to send next and how each attempt ended.

    The marks follow SYNC.md's crash rules: an op is committed `in_flight` (attempts + 1)
    before it is sent, so a kill after the send is resent with the same key; a kill
    before it is put back to `pending` at the next start.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def next_sendable(self, after_seq: int, now: Any, blocked: set[str]) -> OutgoingOp | None:
        """The oldest pending op after `after_seq` that may be tried now, skipping entities
        in `blocked` (a conflict, or an earlier op of theirs waiting to be retried: the ops
        of one entity go in order). Entities skipped for a wait are added to `blocked`."""
        rows = self._session.scalars(
            select(SyncOutboxRow)
            .where(
                SyncOutboxRow.seq > after_seq,
                SyncOutboxRow.status.in_(
                    (OutboxStatus.PENDING.value, OutboxStatus.IN_FLIGHT.value)
                ),
            )
            .order_by(SyncOutboxRow.seq)
        )
        for row in rows:
            if row.entity_id in blocked:
                continue
            if row.next_attempt_at is not None and row.next_attempt_at > now:
                blocked.add(row.entity_id)  # later ops of the entity wait behind this one
                continue
            return OutgoingOp(
                seq=row.seq, op_id=row.op_id, entity_type=row.entity_type,
                entity_id=row.entity_id, op=OutboxOp(row.op),
                payload=json.loads(row.payload_json), base_version=row.base_version,
                attempts=row.attempts,
            )  # fmt: skip
        return None

    def begin_attempt(self, seq: int, payload: dict[str, Any] | None = None) -> None:
        """Commit `in_flight`, attempts + 1, before sending (and the payload it freezes)."""
        row = self._row(seq)
        row.status = OutboxStatus.IN_FLIGHT.value
        row.attempts += 1
        if payload is not None:
            row.payload_json = _dumps(payload)

    def finish(self, seq: int) -> None:
        row = self._row(seq)
        row.status = OutboxStatus.DONE.value
        row.last_error, row.next_attempt_at = "", None

    def fail(self, seq: int, status: OutboxStatus, http_status: int | None, error: str) -> None:
        """The platform refused the op (`failed`) or it waits for the officer (`blocked`)."""
        row = self._row(seq)
        row.status = status.value
        row.last_http_status, row.last_error = http_status, error

    def retry_later(self, seq: int, at: Any, http_status: int | None, error: str) -> None:
        row = self._row(seq)
        row.status = OutboxStatus.PENDING.value
        row.next_attempt_at = at
        row.last_http_status, row.last_error = http_status, error

    def links(self, seq: int) -> list[tuple[str, int]]:
        """(entity id, revision carried) of every entity an op speaks for."""
        rows = self._session.execute(
            select(SyncOutboxEntityRow.entity_id, SyncOutboxEntityRow.snapshot_rev)
            .where(SyncOutboxEntityRow.seq == seq)
            .order_by(SyncOutboxEntityRow.entity_id)
        )
        return [(str(i), int(r)) for i, r in rows]

    def unlink(self, seq: int, entity_id: str) -> None:
        """One entity of a batch is settled; the batch is done when it speaks for no one."""
        self._session.execute(
            delete(SyncOutboxEntityRow).where(
                SyncOutboxEntityRow.seq == seq, SyncOutboxEntityRow.entity_id == entity_id
            )
        )

    def queue_failed(
        self,
        kind: EntityKind,
        entity_id: str,
        op: OutboxOp,
        payload: dict[str, Any],
        *,
        http_status: int | None,
        error: str,
    ) -> int:
        """An op the platform already refused (a batch row): kept, visibly, with the reason."""
        seq = OutboxRepository(self._session).queue(
            kind, entity_id, op, payload, base_version=None, snapshot_rev=0
        )
        row = self._row(seq)
        row.status, row.attempts = OutboxStatus.FAILED.value, 1
        row.last_http_status, row.last_error = http_status, error
        return seq

    def held_entities(self) -> set[str]:
        """Entities whose ops wait for the officer (`blocked`): nothing of theirs is sent."""
        return set(
            self._session.scalars(
                select(SyncOutboxRow.entity_id).where(
                    SyncOutboxRow.status == OutboxStatus.BLOCKED.value
                )
            )
        )

    def refused_entities(self, kind: EntityKind) -> set[str]:
        """Entities of `kind` with an op the platform refused (`failed`): for kinds whose ops
        only make sense in order (a share request's steps), nothing later of theirs is sent
        until the officer discards the refused one."""
        return set(
            self._session.scalars(
                select(SyncOutboxRow.entity_id).where(
                    SyncOutboxRow.status == OutboxStatus.FAILED.value,
                    SyncOutboxRow.entity_type == kind.value,
                )
            )
        )

    def refused_entity(self, seq: int, kind: EntityKind) -> str | None:
        """The entity whose op `seq` the platform refused, when `seq` is such an op of an
        entity of `kind` (what the officer may discard); None otherwise."""
        op = self._session.get(SyncOutboxRow, seq)
        if op is None or op.entity_type != kind.value or op.status != OutboxStatus.FAILED.value:
            return None
        return op.entity_id

    def reset_in_flight(self) -> int:
        """At start: ops a crash left `in_flight` go back to pending, resent with their key."""
        result = self._session.execute(
            update(SyncOutboxRow)
            .where(SyncOutboxRow.status == OutboxStatus.IN_FLIGHT.value)
            .values(status=OutboxStatus.PENDING.value)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def _row(self, seq: int) -> SyncOutboxRow:
        row = self._session.get(SyncOutboxRow, seq)
        if row is None:
            raise LookupError(seq)
        return row
