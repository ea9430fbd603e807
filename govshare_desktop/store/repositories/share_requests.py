"""Share requests (共享申请) and their history: stored, listed, and tracked for sync.

Persistence only, with `store/tracking.py` deciding what each change means for the outbox:
- a draft made here is created whole, its edits fold into the open create (or become a
  patch once the platform holds it) — content is editable only while a draft;
- each workflow step is a command op of its own (`OutboxOp.STEP`, the step in its payload),
  queued in the transaction that records it, never folded or cancelled;
- what the platform says (a push's answer, a feed item) is applied here: the server wins
  for everything it owns (state, authority, deadlines, allowed actions, history); the
  draft's content is merged against the base only while an edit of ours waits.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, ShareRequestState, SyncState
from govshare_desktop.domain.share_requests import QueuedStep, content_of
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.domain.tracking import Tracked
from govshare_desktop.store.models import ShareRequestEventRow, ShareRequestRow, SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutboxRepository
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository
from govshare_desktop.store.tracking import TrackedWrites, Tracking, envelope_of

SHARE_REQUESTS = Tracking(EntityKind.SHARE_REQUEST)
_EVENT_IDS = uuid.UUID("3b0f7c52-9d4e-4a61-8f2c-5e7a1d9b6c08")  # namespace of event row ids


def _event(row: ShareRequestEventRow) -> ShareRequestEvent:
    return ShareRequestEvent(
        action=row.action,
        actor=row.actor,
        at=row.at,
        text=row.text,
        from_state=ShareRequestState(row.from_state) if row.from_state else None,
        to_state=ShareRequestState(row.to_state) if row.to_state else None,
        actor_unit_code=row.actor_unit_code,
        seq=row.seq,
        details=json.loads(row.details_json or "{}"),
    )


def _request(row: ShareRequestRow, events: Iterable[ShareRequestEvent] = ()) -> ShareRequest:
    allowed = json.loads(row.allowed_actions_json) if row.allowed_actions_json else None
    return ShareRequest(
        id=row.id,
        requester_unit_code=row.requester_unit_code,
        provider_unit_code=row.provider_unit_code,
        authority_unit_code=row.authority_unit_code,
        resource_code=row.resource_code,
        data_item_names=tuple(json.loads(row.data_item_names_json or "[]")),
        purpose=row.purpose,
        legal_basis=row.legal_basis,
        share_method=row.share_method,
        use_from=row.use_from,
        use_until=row.use_until,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        state=ShareRequestState(row.state),
        explanation_due=row.explanation_due,
        coordination_due=row.coordination_due,
        resume_state=ShareRequestState(row.resume_state) if row.resume_state else None,
        grant_id=row.grant_id,
        allowed_actions=tuple(allowed) if allowed is not None else None,
        created_by=row.created_by,
        server_updated_at=row.server_updated_at,
        events=tuple(events),
    )


def _set_content(row: ShareRequestRow, content: dict[str, Any]) -> None:
    row.provider_unit_code = str(content["provider_unit_code"])
    row.resource_code = str(content["resource_code"])
    row.data_item_names_json = json.dumps(list(content["data_items"]), ensure_ascii=False)
    row.purpose = str(content["purpose"])
    row.legal_basis = str(content.get("legal_basis") or "")
    row.share_method = str(content.get("share_method") or "")
    row.use_from = _day(content.get("use_from"))
    row.use_until = _day(content.get("use_until"))
    row.contact_name = str(content.get("contact_name") or "")
    row.contact_phone = str(content.get("contact_phone") or "")


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _queued_step(row: SyncOutboxRow) -> QueuedStep | None:
    payload = json.loads(row.payload_json)
    try:
        action = RequestAction(str(payload.get("action")))
    except ValueError:
        return None
    body = payload.get("body") or {}
    return QueuedStep(
        seq=row.seq,
        action=action,
        text=str(body.get("text") or ""),
        refused=row.status == OutboxStatus.FAILED.value,
        http_status=row.last_http_status,
        error=row.last_error or "",
    )


class ShareRequestRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, SHARE_REQUESTS)

    # ------------------------------------------------------------------ reading
    def get(self, request_id: str) -> Tracked[ShareRequest] | None:
        """The request with its whole history, and its envelope; None when unknown here."""
        row = self._session.get(ShareRequestRow, request_id)
        if row is None or row.deleted:
            return None
        events = self._session.scalars(
            select(ShareRequestEventRow)
            .where(ShareRequestEventRow.request_id == request_id)
            .order_by(ShareRequestEventRow.seq)
        )
        return Tracked(_request(row, map(_event, events)), envelope_of(row))

    def for_unit(
        self, unit_code: str, state: ShareRequestState | None = None
    ) -> list[Tracked[ShareRequest]]:
        """Every request this unit is a party to (without their history), newest first."""
        query = select(ShareRequestRow).where(
            ShareRequestRow.deleted.is_(False),
            or_(
                ShareRequestRow.requester_unit_code == unit_code,
                ShareRequestRow.provider_unit_code == unit_code,
                ShareRequestRow.authority_unit_code == unit_code,
            ),
        )
        if state is not None:
            query = query.where(ShareRequestRow.state == state.value)
        rows = self._session.scalars(
            query.order_by(ShareRequestRow.created_at.desc(), ShareRequestRow.id)
        )
        return [Tracked(_request(row), envelope_of(row)) for row in rows]

    def steps(self, request_id: str) -> list[QueuedStep]:
        """The workflow steps of this PC not yet accepted (waiting, or refused), in order."""
        return self.all_steps((request_id,)).get(request_id, [])

    def all_steps(self, request_ids: Iterable[str] | None = None) -> dict[str, list[QueuedStep]]:
        """`steps` of many requests (all when `request_ids` is None) in one query: the lists
        read one query per request, which cost 0.75 s for 2,000 requests."""
        query = (
            select(SyncOutboxRow)
            .where(
                SyncOutboxRow.op == OutboxOp.STEP.value,
                SyncOutboxRow.status != OutboxStatus.DONE.value,
            )
            .order_by(SyncOutboxRow.seq)
        )
        if request_ids is not None:
            query = query.where(SyncOutboxRow.entity_id.in_(list(request_ids)))
        found: dict[str, list[QueuedStep]] = {}
        for row in self._session.scalars(query):
            if (step := _queued_step(row)) is not None:
                found.setdefault(row.entity_id, []).append(step)
        return found

    def server_version(self, request_id: str) -> int | None:
        return self._session.scalar(
            select(ShareRequestRow.server_version).where(ShareRequestRow.id == request_id)
        )

    # ------------------------------------------------------------------ the officer's changes
    def save_draft(self, request: ShareRequest) -> ShareRequest:
        """Store a draft's content (new, or edited); the tracker queues the create or patch.
        The caller has checked that it is still a draft."""
        row = self._session.get(ShareRequestRow, request.id)
        after = content_of(request)
        if row is None:
            row = ShareRequestRow(
                id=request.id,
                requester_unit_code=request.requester_unit_code,
                authority_unit_code=request.authority_unit_code,
                state=ShareRequestState.DRAFT.value,
                local_rev=0,
                sync_state=SyncState.PENDING.value,
                deleted=False,
            )
            _set_content(row, after)
            self._session.add(row)
            self._session.flush()
            self._tracked.saved(row, None, after)
        else:
            before: dict[str, Any] | None = content_of(_request(row))
            if self._drop_refused_content_ops(row.id):
                # the edit speaks for what the platform refused: sent whole again (never
                # reached it), or every field that differs from the platform's copy
                before = json.loads(row.base_json) if row.base_json else None
            _set_content(row, after)
            self._tracked.saved(row, before, after)
        return _request(row)

    def _drop_refused_content_ops(self, request_id: str) -> bool:
        """Forget the refused create or patch of a draft the officer edits again."""
        outbox = OutboxRepository(self._session)
        refused = [
            op
            for op in outbox.ops_of(request_id)
            if op.status is OutboxStatus.FAILED and op.op in (OutboxOp.CREATE, OutboxOp.PATCH)
        ]
        for op in refused:
            outbox.drop(op.seq)
        return bool(refused)

    def queue_step(self, request_id: str, action: RequestAction, body: dict[str, Any]) -> None:
        """A workflow step the officer took: one op of its own, sent in order after the
        request's earlier ops, with its own Idempotency-Key."""
        row = self._row(request_id)
        payload = {"action": action.value, "body": body}
        self._tracked.commanded(row, OutboxOp.STEP, payload, created=False)

    def discard_refused(self, seq: int) -> str | None:
        """Forget a step (or draft op) the platform refused; returns its request's id, None
        when `seq` is no refused op of a share request. The request's later ops, held
        behind it, go out with the next sync."""
        entity_id = OutboxQueue(self._session).refused_entity(seq, EntityKind.SHARE_REQUEST)
        if entity_id is None:
            return None
        row = self._row(entity_id)
        refused = OutboxRepository(self._session).op(seq)
        if refused is not None:  # an attachment's op let go: the attachment follows suit
            AttachmentRepository(self._session).let_go(refused.payload)
        self._tracked.discarded(row, seq)
        return row.id

    # ------------------------------------------------------------------ the platform's word
    def store_remote(self, request: ShareRequest, version: int) -> bool:
        """The platform's state of a request (a feed item, or a fetch): the server wins for
        what it owns; the draft's content is merged only while an edit of ours waits.
        False when it is not newer than what is held (a replay)."""
        row = self._session.get(ShareRequestRow, request.id)
        if row is not None and row.server_version is not None and row.server_version >= version:
            return False
        local = None
        if row is None:
            row = ShareRequestRow(id=request.id, local_rev=0, deleted=False)
            self._session.add(row)
        else:
            local = content_of(_request(row))
        content = self._tracked.remote_arrived(
            row, local, content_of(request), server_version=version
        )
        _set_content(row, content)
        self._set_served(row, request)
        self._tracked.keep_refusal(row)
        return True

    def acknowledge(self, request: ShareRequest, version: int) -> None:
        """Our op was applied: the platform's answer is the base (and the content, unless an
        edit made meanwhile still waits), and everything it owns is taken as served."""
        row = self._row(request.id)
        newer = row.server_version is None or version >= row.server_version
        if self._tracked.acknowledged(row, content_of(request), version) and newer:
            _set_content(row, content_of(request))
        if newer:
            self._set_served(row, request)
        else:
            row.server_version = max(version, row.server_version or 0)
        self._tracked.keep_refusal(row)

    def settled(self, request_id: str) -> None:
        """An op of the request that changes none of its fields (an attachment's) was
        accepted: synced once nothing else of it waits."""
        row = self._row(request_id)
        self._tracked.remote_decided(row)
        self._tracked.keep_refusal(row)

    def refused(self, request_id: str) -> None:
        row = self._session.get(ShareRequestRow, request_id)
        if row is not None:
            self._tracked.refused(row)

    def reconcile(self, request: ShareRequest, version: int) -> None:
        """Our patch met a newer version (412): merge the content, take the rest as served."""
        row = self._row(request.id)
        local = content_of(_request(row))
        merged = self._tracked.reconcile(row, local, content_of(request), version)
        _set_content(row, merged)
        self._set_served(row, request)

    def _set_served(self, row: ShareRequestRow, request: ShareRequest) -> None:
        row.requester_unit_code = request.requester_unit_code
        row.authority_unit_code = request.authority_unit_code
        row.state = request.state.value
        row.explanation_due = request.explanation_due
        row.coordination_due = request.coordination_due
        row.resume_state = request.resume_state.value if request.resume_state else None
        row.grant_id = request.grant_id
        row.allowed_actions_json = json.dumps(list(request.allowed_actions or ()))
        row.created_by = request.created_by
        row.server_updated_at = request.server_updated_at
        self._session.flush()
        if request.attachments is not None:
            AttachmentRepository(self._session).served(row.id, request.attachments)
        self._session.execute(
            delete(ShareRequestEventRow).where(ShareRequestEventRow.request_id == row.id)
        )
        self._session.add_all(
            ShareRequestEventRow(
                id=str(uuid.uuid5(_EVENT_IDS, f"{row.id}:{event.seq}")),
                request_id=row.id,
                seq=event.seq,
                action=event.action,
                actor=event.actor,
                actor_unit_code=event.actor_unit_code,
                at=event.at,
                text=event.text,
                from_state=event.from_state.value if event.from_state else None,
                to_state=event.to_state.value if event.to_state else None,
                details_json=json.dumps(event.details, ensure_ascii=False, default=str),
            )
            for event in request.events
        )

    def _row(self, request_id: str) -> ShareRequestRow:
        row = self._session.get(ShareRequestRow, request_id)
        if row is None:
            raise LookupError(request_id)
        return row


def as_draft(request: ShareRequest, **changes: Any) -> ShareRequest:
    """`request` with content `changes` applied (`data_item_names` as a tuple)."""
    if "data_item_names" in changes:
        changes["data_item_names"] = tuple(changes["data_item_names"])
    return replace(request, **changes)
