"""Push of share requests: the draft (PUT, then PATCH while a draft) and each workflow step.

A draft made here goes out as `PUT /share-requests/{id}` with `If-None-Match: *`; its edits
while a draft as `PATCH` with `If-Match`; each step as `POST /share-requests/{id}/<action>`.
An attachment added to a draft goes as `PUT /share-requests/{id}/attachments/{aid}` (the
PDF as the body) in its place in the request's ops — after the create, before the submit
— and a removal as `DELETE`. Every call carries the op's Idempotency-Key, so a step
resent after a lost answer is applied once. The platform's answer is the request as it
now holds it: the server wins for state, deadlines, allowed actions and history.

A step the platform refuses — 409 `invalid_transition` (the state moved on while this PC
was offline), 403 (wrong party or role), 404, 422 — fails visibly with the platform's
words and the request shows as rejected; its later ops wait behind it (one request's ops
go in order) until the officer discards the refused one, and every other request's ops go
on. The refused step is never re-sent by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from govshare_desktop.domain.attachments import ATTACH, DETACH, PDF_MEDIA_TYPE
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.platform.wire import share_requests as wire
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutgoingOp
from govshare_desktop.store.repositories.share_request_attachments import AttachmentRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository
from govshare_desktop.sync.transport import Reply

if TYPE_CHECKING:
    from govshare_desktop.sync.push import Pusher

PATH = "/share-requests"


class RequestPush:
    """The share-request ops of one push (the `Pusher` owns the loop and the bookkeeping)."""

    def __init__(self, pusher: Pusher) -> None:
        self._push = pusher

    def send(self, op: OutgoingOp, held: set[str]) -> None:
        rid = op.entity_id
        if op.op is OutboxOp.CREATE:
            self._push.begin(op)
            reply = self._push.http.request(
                "PUT", f"{PATH}/{rid}", json=wire.create_to_wire(op.payload),
                headers={"If-None-Match": "*", "Idempotency-Key": op.op_id},
            )  # fmt: skip
            if reply.status == 412:  # ours already (an earlier attempt got through): read it
                reply = self._push.http.request("GET", f"{PATH}/{rid}")
            self._settle(op, reply, held)
            return
        version = self._server_version(rid)
        if version is None:  # the draft has not reached the platform yet
            self._push.fail(op, None, "the request has not reached the platform yet", True)
            held.add(rid)
            return
        self._push.begin(op)
        if op.op is OutboxOp.PATCH:
            reply = self._push.http.request(
                "PATCH", f"{PATH}/{rid}", json=wire.patch_to_wire(op.payload),
                headers={"If-Match": f'"v{version}"', "Idempotency-Key": op.op_id},
            )  # fmt: skip
            if reply.status == 412:
                self._reconcile(op, held)
                return
        elif op.op is OutboxOp.STEP and op.payload.get("action") in (ATTACH, DETACH):
            self._attachment(op, held)
            return
        elif op.op is OutboxOp.STEP:
            action = str(op.payload.get("action") or "")
            reply = self._push.http.request(
                "POST", f"{PATH}/{rid}/{action}",
                json=wire.step_to_wire(op.payload.get("body") or {}),
                headers={"Idempotency-Key": op.op_id},
            )  # fmt: skip
        else:  # requests are never deleted: withdrawn instead
            self._push.fail(op, None, f"cannot send share_request/{op.op.value}", True)
            return
        self._settle(op, reply, held)

    def _attachment(self, op: OutgoingOp, held: set[str]) -> None:
        """An attachment's upload (`PUT`, the file as the body) or removal (`DELETE`), with
        the op's key: a lost answer is replayed by the platform, never stored twice."""
        rid, aid = op.entity_id, str(op.payload.get("attachment_id") or "")
        path = f"{PATH}/{rid}/attachments/{aid}"
        headers = {"Idempotency-Key": op.op_id}
        if op.payload.get("action") == ATTACH:
            content = self._content(aid)
            if content is None:  # removed before it was sent: nothing to send
                self._done(op, lambda _repo: None)
                return
            reply = self._push.http.request(
                "PUT", path, params={"name": str(op.payload.get("name") or "")},
                content=content, headers={**headers, "Content-Type": PDF_MEDIA_TYPE},
            )  # fmt: skip
            if reply.status == 412:  # ours already: an earlier attempt got through
                reply = Reply(201)
            if reply.ok:
                self._done(op, lambda repo: repo.uploaded(aid))
                return
        else:
            reply = self._push.http.request("DELETE", path, headers=headers)
            if reply.ok or reply.status == 404:  # gone there too
                self._done(op, lambda repo: repo.detached(aid))
                return
        if reply.transient:
            raise reply.busy()
        self._refuse(op, reply)
        held.add(rid)

    def _content(self, attachment_id: str) -> bytes | None:
        with self._push.db.read() as session:
            return AttachmentRepository(session).content(attachment_id)

    def _done(self, op: OutgoingOp, then: Callable[[AttachmentRepository], None]) -> None:
        def apply() -> None:
            with self._push.db.write() as session:
                OutboxQueue(session).finish(op.seq)
                then(AttachmentRepository(session))
                ShareRequestRepository(session).settled(op.entity_id)

        self._push.write(apply)
        self._push.report.sent += 1

    def _settle(self, op: OutgoingOp, reply: Reply, held: set[str]) -> None:
        if reply.ok and isinstance(reply.body, dict):
            request, version = wire.from_wire(reply.body)

            def apply() -> None:
                with self._push.db.write() as session:
                    OutboxQueue(session).finish(op.seq)
                    ShareRequestRepository(session).acknowledge(request, version)

            self._push.write(apply)
            self._push.report.sent += 1
        elif reply.transient:
            raise reply.busy()
        else:
            self._refuse(op, reply)
            held.add(op.entity_id)  # its later ops wait until the officer lets this one go

    def _refuse(self, op: OutgoingOp, reply: Reply) -> None:
        def apply() -> None:
            with self._push.db.write() as session:
                OutboxQueue(session).fail(op.seq, OutboxStatus.FAILED, reply.status, reason(reply))
                ShareRequestRepository(session).refused(op.entity_id)

        self._push.write(apply)
        self._push.report.failed += 1

    def _reconcile(self, op: OutgoingOp, held: set[str]) -> None:
        """A patch met a newer version: take the platform's, merge our draft edits onto it."""
        current = self._push.http.request("GET", f"{PATH}/{op.entity_id}")
        if not current.ok or not isinstance(current.body, dict):
            if current.transient:
                raise current.busy()
            self._refuse(op, current)
            held.add(op.entity_id)
            return
        request, version = wire.from_wire(current.body)

        def apply() -> None:
            with self._push.db.write() as session:
                OutboxQueue(session).finish(op.seq)  # the merge queues what is still ours
                ShareRequestRepository(session).reconcile(request, version)

        self._push.write(apply)

    def _server_version(self, request_id: str) -> int | None:
        with self._push.db.read() as session:
            return ShareRequestRepository(session).server_version(request_id)


def reason(reply: Reply) -> str:
    """The platform's words, with the state it reports for a stale step."""
    text = reply.problem_text
    state = reply.body.get("state") if isinstance(reply.body, dict) else None
    if reply.problem_code and state and str(state) not in text:
        return f"{text} (state: {state})"
    return text
