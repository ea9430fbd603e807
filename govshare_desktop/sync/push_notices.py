"""Push of notices' read marks (通报, Art. 17): `POST /notices/{id}/read`, once.

The mark carries its op's Idempotency-Key, so one resent after a lost answer is replayed
by the platform, not applied again (and reading is one way there anyway: the first
reading is kept). The answer is the notice as the platform now holds it, read.

A mark the platform refuses (404: not delivered to this unit) fails visibly with the
platform's words; nothing else waits behind it (notices are independent of each other).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.domain.notices import READ
from govshare_desktop.platform.wire import notices as wire
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutgoingOp
from govshare_desktop.sync.push_requests import reason
from govshare_desktop.sync.transport import Reply

if TYPE_CHECKING:
    from govshare_desktop.sync.push import Pusher

PATH = "/notices"


class NoticePush:
    """The notice ops of one push (the `Pusher` owns the loop and the bookkeeping)."""

    def __init__(self, pusher: Pusher) -> None:
        self._push = pusher

    def send(self, op: OutgoingOp, held: set[str]) -> None:
        if op.op is not OutboxOp.STEP or op.payload.get("action") != READ:
            self._push.fail(op, None, f"cannot send notice/{op.op.value}", True)
            held.add(op.entity_id)
            return
        self._push.begin(op)
        reply = self._push.http.request(
            "POST", f"{PATH}/{op.entity_id}/read", headers={"Idempotency-Key": op.op_id}
        )
        self._settle(op, reply)

    def _settle(self, op: OutgoingOp, reply: Reply) -> None:
        if reply.ok and isinstance(reply.body, dict):
            try:
                notice, version = wire.from_wire(reply.body)
            except (KeyError, TypeError, ValueError) as exc:
                self._refuse(op, reply, f"answer not understood: {exc}")
                return

            def apply() -> None:
                with self._push.db.write() as session:
                    OutboxQueue(session).finish(op.seq)
                    NoticeRepository(session).acknowledge(notice, version)

            self._push.write(apply)
            self._push.report.sent += 1
        elif reply.transient:
            raise reply.busy()
        else:
            self._refuse(op, reply, reason(reply))

    def _refuse(self, op: OutgoingOp, reply: Reply, why: str) -> None:
        def apply() -> None:
            with self._push.db.write() as session:
                OutboxQueue(session).fail(op.seq, OutboxStatus.FAILED, reply.status, why)
                NoticeRepository(session).refused(op.entity_id)

        self._push.write(apply)
        self._push.report.failed += 1
