"""Push of objections (异议): the raise (PUT) and the provider's answer (POST), each once.

A raise goes out as `PUT /objections/{id}` with `If-None-Match: *`, the answer as
`POST /objections/{id}/answer`; both carry the op's Idempotency-Key, so one resent after
a lost answer is applied once (and a raise whose first attempt got through meets 412 and
is read back). The platform's answer is the objection as it now holds it: the server wins.

One the platform refuses (422 `unknown_grant`, 403 wrong party or role, 409 already
answered, …) fails visibly with the platform's words and the objection shows as
rejected; its later ops wait behind it until the officer discards it
(`ObjectionService.discard_refused`), every other objection's ops go on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.platform.wire import objections as wire
from govshare_desktop.store.repositories.objections import ObjectionRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutgoingOp
from govshare_desktop.sync.push_requests import reason
from govshare_desktop.sync.transport import Reply

if TYPE_CHECKING:
    from govshare_desktop.sync.push import Pusher

PATH = "/objections"


class ObjectionPush:
    """The objection ops of one push (the `Pusher` owns the loop and the bookkeeping)."""

    def __init__(self, pusher: Pusher) -> None:
        self._push = pusher

    def send(self, op: OutgoingOp, held: set[str]) -> None:
        oid = op.entity_id
        if op.op is OutboxOp.CREATE:
            self._push.begin(op)
            reply = self._push.http.request(
                "PUT", f"{PATH}/{oid}", json=wire.create_to_wire(op.payload),
                headers={"If-None-Match": "*", "Idempotency-Key": op.op_id},
            )  # fmt: skip
            if reply.status == 412:  # ours already (an earlier attempt got through): read it
                reply = self._push.http.request("GET", f"{PATH}/{oid}")
            self._settle(op, reply, held)
            return
        if op.op is not OutboxOp.STEP or op.payload.get("action") != "answer":
            self._push.fail(op, None, f"cannot send objection/{op.op.value}", True)
            held.add(oid)
            return
        if self._server_version(oid) is None:  # raised here and not yet on the platform
            self._push.fail(op, None, "the objection has not reached the platform yet", True)
            held.add(oid)
            return
        self._push.begin(op)
        reply = self._push.http.request(
            "POST", f"{PATH}/{oid}/answer", json=wire.answer_to_wire(op.payload.get("body") or {}),
            headers={"Idempotency-Key": op.op_id},
        )  # fmt: skip
        self._settle(op, reply, held)

    def _settle(self, op: OutgoingOp, reply: Reply, held: set[str]) -> None:
        if reply.ok and isinstance(reply.body, dict):
            try:
                objection, version = wire.from_wire(reply.body)
            except (KeyError, TypeError, ValueError) as exc:
                self._refuse(op, reply, f"answer not understood: {exc}")
                held.add(op.entity_id)
                return

            def apply() -> None:
                with self._push.db.write() as session:
                    OutboxQueue(session).finish(op.seq)
                    ObjectionRepository(session).acknowledge(objection, version)

            self._push.write(apply)
            self._push.report.sent += 1
        elif reply.transient:
            raise reply.busy()
        else:
            self._refuse(op, reply, reason(reply))
            held.add(op.entity_id)  # its later ops wait until the officer lets this one go

    def _refuse(self, op: OutgoingOp, reply: Reply, why: str) -> None:
        def apply() -> None:
            with self._push.db.write() as session:
                OutboxQueue(session).fail(op.seq, OutboxStatus.FAILED, reply.status, why)
                ObjectionRepository(session).refused(op.entity_id)

        self._push.write(apply)
        self._push.report.failed += 1

    def _server_version(self, objection_id: str) -> int | None:
        with self._push.db.read() as session:
            return ObjectionRepository(session).server_version(objection_id)
