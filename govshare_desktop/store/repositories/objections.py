"""Objections (异议, Art. 16): stored, listed, and tracked for sync.

Persistence only, with `store/tracking.py` deciding what each change means for the outbox:
- an objection raised here is created whole (one create op, `PUT /objections/{id}`); its
  content never changes after;
- the provider's answer is a command op of its own (`OutboxOp.STEP`, action `answer`),
  queued in the transaction that records it;
- what the platform says (a push's answer, a feed item) wins for everything it owns
  (state, answer, parties, who and when). The served document names the resource and
  data item by id: their code and name are read from the grant held here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import Objection
from govshare_desktop.domain.enums import (
    ObjectionAspect,
    ObjectionOutcome,
    ObjectionState,
    OutboxOp,
    OutboxStatus,
    SyncState,
)
from govshare_desktop.domain.objections import QueuedObjectionOp, answer_of, content_of
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.store.models import GrantRow, ObjectionRow, SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxQueue
from govshare_desktop.store.tracking import TrackedWrites, Tracking, envelope_of

OBJECTIONS = Tracking(EntityKind.OBJECTION)


def _objection(row: ObjectionRow) -> Objection:
    return Objection(
        id=row.id,
        grant_id=row.grant_id,
        aspect=ObjectionAspect(row.aspect) if row.aspect else ObjectionAspect.ACCURACY,
        description=row.description,
        data_item_name=row.data_item_name,
        raiser_unit_code=row.raiser_unit_code,
        provider_unit_code=row.provider_unit_code,
        resource_id=row.resource_id,
        resource_code=row.resource_code,
        data_item_id=row.data_item_id,
        state=ObjectionState(row.state),
        answer=row.response,
        raised_at=row.raised_at,
        raised_by=row.raised_by,
        answered_at=row.answered_at,
        answered_by=row.answered_by,
    )


def _queued(row: SyncOutboxRow) -> QueuedObjectionOp:
    payload = json.loads(row.payload_json)
    outcome, text = answer_of(payload) if row.op == OutboxOp.STEP.value else (None, "")
    return QueuedObjectionOp(
        seq=row.seq,
        action=str(payload.get("action") or "answer") if row.op == OutboxOp.STEP.value
        else "raise",
        outcome=outcome,
        text=text,
        refused=row.status == OutboxStatus.FAILED.value,
        http_status=row.last_http_status,
        error=row.last_error or "",
    )  # fmt: skip


class ObjectionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, OBJECTIONS)

    # ------------------------------------------------------------------ reading
    def get(self, objection_id: str) -> Tracked[Objection] | None:
        row = self._session.get(ObjectionRow, objection_id)
        if row is None or row.deleted:
            return None
        return Tracked(_objection(row), envelope_of(row))

    def for_unit(self, unit_code: str) -> list[Tracked[Objection]]:
        """Every objection the unit raised or must answer, newest first."""
        rows = self._session.scalars(
            select(ObjectionRow)
            .where(
                ObjectionRow.deleted.is_(False),
                or_(
                    ObjectionRow.raiser_unit_code == unit_code,
                    ObjectionRow.provider_unit_code == unit_code,
                ),
            )
            .order_by(ObjectionRow.created_at.desc(), ObjectionRow.id)
        )
        return [Tracked(_objection(row), envelope_of(row)) for row in rows]

    def queued(self, objection_id: str) -> list[QueuedObjectionOp]:
        """The ops of this PC for the objection not yet accepted (waiting, or refused)."""
        rows = self._session.scalars(
            select(SyncOutboxRow)
            .where(
                SyncOutboxRow.entity_id == objection_id,
                SyncOutboxRow.entity_type == EntityKind.OBJECTION.value,
                SyncOutboxRow.status != OutboxStatus.DONE.value,
            )
            .order_by(SyncOutboxRow.seq)
        )
        return [_queued(row) for row in rows]

    def server_version(self, objection_id: str) -> int | None:
        return self._session.scalar(
            select(ObjectionRow.server_version).where(ObjectionRow.id == objection_id)
        )

    # ------------------------------------------------------------------ the officer's changes
    def raise_objection(self, objection: Objection) -> Objection:
        """Store a new objection of this unit; the tracker queues its create. The caller
        has checked it (the grant held, the item granted, the text not blank)."""
        row = ObjectionRow(
            id=objection.id,
            grant_id=objection.grant_id,
            aspect=objection.aspect.value,
            description=objection.description,
            data_item_name=objection.data_item_name,
            raiser_unit_code=objection.raiser_unit_code,
            provider_unit_code=objection.provider_unit_code,
            resource_id=objection.resource_id,
            resource_code=objection.resource_code,
            data_item_id=objection.data_item_id,
            state=ObjectionState.DRAFT.value,
            response="",
            raised_by=objection.raised_by,
            local_rev=0,
            sync_state=SyncState.PENDING.value,
            deleted=False,
        )
        self._session.add(row)
        self._session.flush()
        self._tracked.saved(row, None, content_of(objection))
        return _objection(row)

    def queue_answer(self, objection_id: str, outcome: ObjectionOutcome, text: str) -> None:
        """The provider's answer: one op of its own, with its own Idempotency-Key."""
        row = self._row(objection_id)
        payload = {"action": "answer", "body": {"outcome": outcome.value, "text": text}}
        self._tracked.commanded(row, OutboxOp.STEP, payload, created=False)

    def discard_refused(self, seq: int) -> str | None:
        """Forget an op of an objection the platform refused; returns the objection's id,
        None when `seq` is no refused op of an objection."""
        entity_id = OutboxQueue(self._session).refused_entity(seq, EntityKind.OBJECTION)
        if entity_id is None:
            return None
        row = self._row(entity_id)
        self._tracked.discarded(row, seq)
        return row.id

    # ------------------------------------------------------------------ the platform's word
    def store_remote(self, objection: Objection, version: int) -> bool:
        """The platform's state of an objection (a feed item, or a fetch): the server wins.
        False when it is not newer than what is held (a replay)."""
        row = self._session.get(ObjectionRow, objection.id)
        if row is not None and row.server_version is not None and row.server_version >= version:
            return False
        remote = self._named(objection, row)  # reads first: a new row is not flushed half made
        local = None
        if row is None:
            row = ObjectionRow(id=objection.id, local_rev=0, deleted=False)
            self._session.add(row)
        else:
            local = content_of(_objection(row))
        self._tracked.remote_arrived(row, local, content_of(remote), server_version=version)
        self._set_served(row, remote)
        self._tracked.keep_refusal(row)
        return True

    def acknowledge(self, objection: Objection, version: int) -> None:
        """Our op was applied: the platform's answer is the objection as it now holds it."""
        row = self._row(objection.id)
        remote = self._named(objection, row)
        newer = row.server_version is None or version >= row.server_version
        self._tracked.acknowledged(row, content_of(remote), max(version, row.server_version or 0))
        if newer:
            self._set_served(row, remote)
        self._tracked.keep_refusal(row)

    def refused(self, objection_id: str) -> None:
        row = self._session.get(ObjectionRow, objection_id)
        if row is not None:
            self._tracked.refused(row)

    def _named(self, objection: Objection, row: ObjectionRow | None) -> Objection:
        """`objection` with the resource code and data item name from its grant (or, for
        a grant not held here, from what this PC already had)."""
        grant = self._session.get(GrantRow, objection.grant_id)
        code = grant.resource_code if grant is not None else (row.resource_code if row else "")
        name = row.data_item_name if row is not None and row.data_item_name else ""
        if grant is not None and objection.data_item_id:
            items = json.loads(grant.data_items_json or "[]")
            name = next((str(i["name"]) for i in items if i["id"] == objection.data_item_id), name)
        if not objection.data_item_id:
            name = ""
        values: dict[str, Any] = {"resource_code": code or "", "data_item_name": name}
        return replace(objection, **values)

    def _set_served(self, row: ObjectionRow, objection: Objection) -> None:
        row.grant_id = objection.grant_id
        row.aspect = objection.aspect.value
        row.description = objection.description
        row.data_item_name = objection.data_item_name
        row.raiser_unit_code = objection.raiser_unit_code
        row.provider_unit_code = objection.provider_unit_code
        row.resource_id = objection.resource_id
        row.resource_code = objection.resource_code
        row.data_item_id = objection.data_item_id
        row.state = objection.state.value
        row.response = objection.answer
        row.raised_at = objection.raised_at
        row.raised_by = objection.raised_by
        row.answered_at = objection.answered_at
        row.answered_by = objection.answered_by
        row.server_updated_at = objection.answered_at or objection.raised_at

    def _row(self, objection_id: str) -> ObjectionRow:
        row = self._session.get(ObjectionRow, objection_id)
        if row is None:
            raise LookupError(objection_id)
        return row
