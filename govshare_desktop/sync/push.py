"""Push: the outbox, oldest first; each op marked in flight, sent, and its answer applied.

Three steps an op, never one transaction across HTTP (SYNC.md): commit the op `in_flight`
with attempts + 1 (its payload frozen from then on), send it with its `Idempotency-Key`,
then apply the answer — the platform's record, the op done — in one transaction. A crash
between the steps is harmless: an op left in flight is resent with the same key, and the
platform replays its stored answer instead of writing twice.

What an answer means:
- 2xx: the platform holds our change; its record becomes the base (and, when nothing else
  of the entity waits, the content).
- 412 (the entity moved on), or a create whose id exists: fetch the platform's state and
  merge it with ours by field; what is still ours goes out as a new op on its version, a
  field both sides changed becomes a conflict for the officer.
- 404/410 on an update: deleted remotely, a conflict; on a delete: already gone, done.
- 400/403/409/422: refused; the op fails visibly with the platform's words.
- 408/429/5xx: the platform is busy; the cycle stops and tries again later (Retry-After).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select

from govshare_desktop.domain.changes import EntityKind
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, SyncState
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.resource_content import resource_from_content, synced_content
from govshare_desktop.platform.wire import filings, resources
from govshare_desktop.store.models import CatalogVersionRow, ResourceRow
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutgoingOp
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.versions import VERSIONS
from govshare_desktop.store.session import Database
from govshare_desktop.store.tracking import TrackedWrites
from govshare_desktop.sync.checkpoints import AFTER_BEGIN, AFTER_REPLY, checkpoint
from govshare_desktop.sync.push_notices import NoticePush
from govshare_desktop.sync.push_objections import ObjectionPush
from govshare_desktop.sync.push_requests import RequestPush
from govshare_desktop.sync.transport import Reply, Transport

T = TypeVar("T")
WriteFn = Callable[[Callable[[], T]], T]

RESOURCES_PATH = "/catalog/resources"
FILINGS_PATH = "/catalog/filings"
_BATCH_KEYS = uuid.UUID("6f1c5a9e-2b7d-4c1e-9a52-7d0f6c3e8b41")  # namespace of batch row keys


@dataclass
class PushReport:
    sent: int = 0
    failed: int = 0
    conflicts: int = 0


def content_from_wire(document: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """A `Resource` document as the client's content of it (its unit from the document)
    and its version: what `resource_from_content` reads."""
    content, version = resources.from_wire(document)
    content["unit_code"] = str(document.get("unit_code", ""))  # read as is: no `replace`
    return content, version


def resource_from_wire(document: dict[str, Any]) -> tuple[Resource, int]:
    """A `Resource` document as the client's resource (its unit from the document)."""
    content, version = content_from_wire(document)
    return resource_from_content(str(document["id"]), content), version


class _Answers:
    """The transport, with the test checkpoint after every answer (see checkpoints.py)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        reply = self._transport.request(method, path, **kwargs)
        checkpoint(AFTER_REPLY)
        return reply


class Pusher:
    def __init__(
        self,
        database: Database,
        transport: Transport,
        write: WriteFn[Any],
        now: Callable[[], datetime],
    ) -> None:
        self._db = database
        self._http = _Answers(transport)
        self._write = write
        self._now = now
        self.report = PushReport()
        self._requests = RequestPush(self)
        self._objections = ObjectionPush(self)
        self._notices = NoticePush(self)

    # what the per-kind pushes (push_requests.py) share with the loop
    @property
    def db(self) -> Database:
        return self._db

    @property
    def http(self) -> _Answers:
        return self._http

    def write(self, fn: Callable[[], T]) -> T:
        result: T = self._write(fn)
        return result

    def begin(self, op: OutgoingOp) -> None:
        self._begin(op)

    def fail(self, op: OutgoingOp, status: int | None, text: str, blocked: bool = False) -> None:
        self._fail(op, status, text, blocked=blocked)

    # ------------------------------------------------------------------ the loop
    def push_all(self, progress: Progress) -> PushReport:
        held = self._held()
        after = 0
        while (op := self._next(after, held)) is not None:
            after = op.seq
            progress.report(self.report.sent, 0, "push")
            if op.entity_type == EntityKind.RESOURCE.value:
                self._push_resource_op(op, held)
            elif op.entity_type == EntityKind.CATALOG_VERSION.value and op.op is OutboxOp.SUBMIT:
                self._push_filing(op)
            elif op.entity_type == EntityKind.SHARE_REQUEST.value:
                self._requests.send(op, held)
            elif op.entity_type == EntityKind.OBJECTION.value:
                self._objections.send(op, held)
            elif op.entity_type == EntityKind.NOTICE.value:
                self._notices.send(op, held)
            else:  # a kind this version cannot send yet: kept, visibly, for a later version
                self._fail(
                    op, None, f"cannot send {op.entity_type}/{op.op.value} yet", blocked=True
                )
        return self.report

    def _held(self) -> set[str]:
        """Entities nothing is sent for: in conflict, or with an op waiting for the officer
        (a share request with a refused step: its later steps wait until it is discarded)."""
        with self._db.read() as session:
            queue = OutboxQueue(session)
            held = (
                queue.held_entities()
                | queue.refused_entities(EntityKind.SHARE_REQUEST)
                | queue.refused_entities(EntityKind.OBJECTION)
            )
            in_conflict = select(ResourceRow.id).where(
                ResourceRow.sync_state == SyncState.CONFLICT.value
            )
            return held | set(session.scalars(in_conflict))

    def _next(self, after: int, held: set[str]) -> OutgoingOp | None:
        with self._db.read() as session:  # reads need not wait for the writer
            return OutboxQueue(session).next_sendable(after, self._now(), held)

    # ------------------------------------------------------------------ resources
    def _push_resource_op(self, op: OutgoingOp, held: set[str]) -> None:
        if op.op is OutboxOp.IMPORT_BATCH:
            self._push_batch(op, held)
            return
        if op.op is OutboxOp.CREATE:
            self._begin(op)
            reply = self._create(op.entity_id, op.payload, op.op_id)
            self._settle_create(op, op.entity_id, reply, held)
        elif op.op is OutboxOp.PATCH:
            version = self._server_version(op.entity_id)
            if version is None:  # the create has not reached the platform yet
                self._fail(op, None, "the resource has not reached the platform yet", blocked=True)
                held.add(op.entity_id)
                return
            self._begin(op)
            reply = self._http.request(
                "PATCH", f"{RESOURCES_PATH}/{op.entity_id}",
                json=resources.patch_to_wire(op.payload),
                headers={"If-Match": f'"v{version}"', "Idempotency-Key": op.op_id},
            )  # fmt: skip
            self._settle_update(op, reply, held)
        elif op.op is OutboxOp.DELETE:
            version = self._server_version(op.entity_id)
            self._begin(op)
            headers = {"Idempotency-Key": op.op_id}
            if version is not None:
                headers["If-Match"] = f'"v{version}"'
            reply = self._http.request(
                "DELETE", f"{RESOURCES_PATH}/{op.entity_id}", headers=headers
            )
            self._settle_delete(op, reply, held)

    def _create(self, resource_id: str, content: dict[str, Any], key: str) -> Reply:
        return self._http.request(
            "PUT", f"{RESOURCES_PATH}/{resource_id}",
            json=resources.create_to_wire(content),
            headers={"If-None-Match": "*", "Idempotency-Key": key},
        )  # fmt: skip

    def _settle_create(
        self, op: OutgoingOp, resource_id: str, reply: Reply, held: set[str]
    ) -> bool:
        """Apply a create's answer; True when the entity is settled (done or refused)."""
        if reply.ok:
            self._acknowledge(op, resource_id, reply.body)
            return True
        if reply.status == 412:  # the id exists: our own earlier attempt, or a replay
            self._adopt_existing(op, resource_id, held)
            return True
        if reply.transient:
            raise reply.busy()
        self._fail(op, reply.status, reply.problem_text)
        return True

    def _settle_update(self, op: OutgoingOp, reply: Reply, held: set[str]) -> None:
        if reply.ok:
            self._acknowledge(op, op.entity_id, reply.body)
        elif reply.status == 412:
            self._adopt_existing(op, op.entity_id, held)
        elif reply.status in (404, 410):
            self._deleted_remotely(op, reply, held)
        elif reply.transient:
            raise reply.busy()
        else:
            self._fail(op, reply.status, reply.problem_text)

    def _settle_delete(self, op: OutgoingOp, reply: Reply, held: set[str]) -> None:
        if reply.ok or reply.status in (404, 410):
            version = reply.body.get("version") if isinstance(reply.body, dict) else None

            def apply() -> None:
                with self._db.write() as session:
                    OutboxQueue(session).finish(op.seq)
                    ResourceRepository(session).acknowledge_deletion(op.entity_id, version)

            self._write(apply)
            self.report.sent += 1
        elif reply.status == 412:  # changed on the platform since: the officer decides
            self._fail(op, 412, reply.problem_text, blocked=True)
            held.add(op.entity_id)
            self.report.conflicts += 1
        elif reply.transient:
            raise reply.busy()
        else:
            self._fail(op, reply.status, reply.problem_text)

    def _acknowledge(
        self, op: OutgoingOp, resource_id: str, document: Any, *, batch: bool = False
    ) -> None:
        server, version = resource_from_wire(document)

        def apply() -> None:
            with self._db.write() as session:
                queue = OutboxQueue(session)
                if batch:
                    queue.unlink(op.seq, resource_id)
                else:
                    queue.finish(op.seq)
                ResourceRepository(session).acknowledge(resource_id, server, version)

        self._write(apply)
        self.report.sent += 1

    def _adopt_existing(
        self, op: OutgoingOp, resource_id: str, held: set[str], *, batch: bool = False
    ) -> None:
        """The platform holds a newer state than our op was based on: fetch it and merge."""
        current = self._http.request("GET", f"{RESOURCES_PATH}/{resource_id}")
        if current.status in (404, 410):
            self._deleted_remotely(op, current, held)
            return
        if not current.ok:  # the platform could not even show its own state: later
            raise current.busy()
        server, version = resource_from_wire(current.body)

        def apply() -> SyncState:
            with self._db.write() as session:
                queue = OutboxQueue(session)
                if batch:
                    queue.unlink(op.seq, resource_id)
                else:
                    queue.finish(op.seq)  # superseded by the merge's own op, if any
                repo = ResourceRepository(session)
                repo.reconcile(resource_id, server, version)
                tracked = repo.get_tracked(resource_id)
                return tracked.envelope.sync_state if tracked else SyncState.SYNCED

        if self._write(apply) is SyncState.CONFLICT:
            held.add(resource_id)
            self.report.conflicts += 1

    def _deleted_remotely(self, op: OutgoingOp, reply: Reply, held: set[str]) -> None:
        def apply() -> None:
            with self._db.write() as session:
                OutboxQueue(session).fail(
                    op.seq, OutboxStatus.BLOCKED, reply.status, reply.problem_text
                )
                ResourceRepository(session).deleted_remotely(op.entity_id)

        self._write(apply)
        held.add(op.entity_id)
        self.report.conflicts += 1

    # ------------------------------------------------------------------ an Excel import
    def _push_batch(self, op: OutgoingOp, held: set[str]) -> None:
        """Each resource the import created, as its own create: settled ones leave the
        batch, so an interrupted push resumes with the rest and never sends one twice."""
        self._begin(op)
        for resource_id, _rev in self._links(op.seq):
            content = self._content(resource_id)
            if content is None:  # deleted meanwhile (the delete went out on its own)
                self._unlink(op.seq, resource_id)
                continue
            # same content, same key: a lost answer is replayed, never written twice
            digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
            key = str(uuid.uuid5(_BATCH_KEYS, f"{op.op_id}:{resource_id}:{digest}"))
            reply = self._create(resource_id, content, key)
            if reply.ok:
                self._acknowledge(op, resource_id, reply.body, batch=True)
            elif reply.status == 412:
                self._adopt_existing(op, resource_id, held, batch=True)
            elif reply.transient:
                raise reply.busy()
            else:  # this row is refused; the rest of the import goes on
                self._refuse_batch_row(op, resource_id, content, reply)
        self._finish_if_empty(op.seq)

    def _links(self, seq: int) -> list[tuple[str, int]]:
        with self._db.read() as session:
            return OutboxQueue(session).links(seq)

    def _content(self, resource_id: str) -> dict[str, Any] | None:
        with self._db.read() as session:
            tracked = ResourceRepository(session).get_tracked(resource_id)
        if tracked is None or tracked.envelope.deleted or tracked.content.secret:
            return None
        return synced_content(tracked.content)

    def _unlink(self, seq: int, resource_id: str) -> None:
        def apply() -> None:
            with self._db.write() as session:
                OutboxQueue(session).unlink(seq, resource_id)

        self._write(apply)

    def _finish_if_empty(self, seq: int) -> None:
        def apply() -> None:
            with self._db.write() as session:
                queue = OutboxQueue(session)
                if not queue.links(seq):
                    queue.finish(seq)

        self._write(apply)

    def _refuse_batch_row(
        self, op: OutgoingOp, resource_id: str, content: dict[str, Any], reply: Reply
    ) -> None:
        """A row the platform refused becomes a failed create of its own, with the reason."""

        def apply() -> None:
            with self._db.write() as session:
                queue = OutboxQueue(session)
                queue.unlink(op.seq, resource_id)
                queue.queue_failed(
                    EntityKind.RESOURCE, resource_id, OutboxOp.CREATE, content,
                    http_status=reply.status, error=reply.problem_text,
                )  # fmt: skip
                ResourceRepository(session).refused(resource_id)

        self._write(apply)
        self.report.failed += 1

    # ------------------------------------------------------------------ filings
    def _push_filing(self, op: OutgoingOp) -> None:
        self._begin(op)
        path = f"{FILINGS_PATH}/{op.entity_id}"
        reply = self._http.request(
            "PUT", path, json=filings.submit_to_wire(op.payload),
            headers={"If-None-Match": "*", "Idempotency-Key": op.op_id},
        )  # fmt: skip
        if reply.status == 412:  # already there: our earlier attempt got through
            reply = self._http.request("GET", path)
        if reply.ok:
            version = reply.body.get("version") if isinstance(reply.body, dict) else None

            def apply() -> None:
                with self._db.write() as session:
                    OutboxQueue(session).finish(op.seq)
                    row = session.get(CatalogVersionRow, op.entity_id)
                    if row is not None:
                        TrackedWrites(session, VERSIONS).remote_decided(row, version)

            self._write(apply)
            self.report.sent += 1
        elif reply.transient:
            raise reply.busy()
        else:
            self._fail(op, reply.status, reply.problem_text)

    # ------------------------------------------------------------------ bookkeeping
    def _server_version(self, resource_id: str) -> int | None:
        with self._db.read() as session:
            tracked = ResourceRepository(session).get_tracked(resource_id)
            return tracked.envelope.server_version if tracked else None

    def _begin(self, op: OutgoingOp) -> None:
        def apply() -> None:
            with self._db.write() as session:
                OutboxQueue(session).begin_attempt(op.seq)

        self._write(apply)
        checkpoint(AFTER_BEGIN)

    def _fail(
        self, op: OutgoingOp, status: int | None, text: str, *, blocked: bool = False
    ) -> None:
        def apply() -> None:
            with self._db.write() as session:
                state = OutboxStatus.BLOCKED if blocked else OutboxStatus.FAILED
                OutboxQueue(session).fail(op.seq, state, status, text)
                if op.entity_type == EntityKind.RESOURCE.value and not blocked:
                    ResourceRepository(session).refused(op.entity_id)

        self._write(apply)
        self.report.failed += 0 if blocked else 1
