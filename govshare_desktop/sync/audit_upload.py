"""Audit upload: the sealed audit events the platform does not hold yet, oldest first, in
batches to `POST /audit-events` (Art. 17), after push and pull in a sync cycle.

Three steps a batch, as for every op (SYNC.md): read the batch, send it, record the answer
— the events the platform accepted or already held marked uploaded, those it holds with
other content marked `upload_conflict` (never sent again; verify-audit and the log name
them) — in one transaction. The platform is idempotent by event id and the batch carries
an `Idempotency-Key` made from its ids, so a retry after a lost answer stores nothing twice
and gets the same answer. Unsealed events wait until they are sealed.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govshare_desktop.domain.audit import AuditLink
from govshare_desktop.platform.wire import audit
from govshare_desktop.store.repositories.audit import AuditRepository
from govshare_desktop.store.session import Database
from govshare_desktop.sync.push import WriteFn
from govshare_desktop.sync.transport import Transport

log = logging.getLogger(__name__)

_BATCH_KEYS = uuid.UUID("2f0d4c61-8e3a-4b7c-9d15-5a6e7f8b9c01")  # namespace of batch keys


@dataclass
class AuditReport:
    uploaded: int = 0
    conflicts: int = 0


def batch_key(links: list[AuditLink]) -> str:
    """The same batch always gets the same key; any other batch another."""
    return str(uuid.uuid5(_BATCH_KEYS, ",".join(link.event.id for link in links)))


class AuditUpload:
    def __init__(
        self,
        database: Database,
        transport: Transport,
        write: WriteFn[Any],
        now: Callable[[], datetime],
        batch: int = 500,
    ) -> None:
        self._db = database
        self._http = transport
        self._write = write
        self._now = now
        self._batch = min(batch, audit.MAX_BATCH)
        self.report = AuditReport()

    def upload_all(self) -> AuditReport:
        """Send every waiting sealed event; raises the transport's errors (the engine's
        to handle: nothing is marked for a batch whose answer did not come)."""
        while True:
            with self._db.read() as session:
                repo = AuditRepository(session)
                links = repo.to_upload(self._batch)
                prev = repo.previous_mac(links[0].seq) if links else ""
            if not links:
                return self.report
            reply = self._http.request(
                "POST", audit.PATH, json=audit.batch(links, prev),
                headers={"Idempotency-Key": batch_key(links)},
            )  # fmt: skip
            if reply.transient:
                raise reply.busy()
            if not reply.ok:  # the catalog's sync stands; the events wait for the next cycle
                log.warning("audit upload refused (HTTP %d): %s", reply.status, reply.problem_text)
                return self.report
            held = audit.ids_in(reply.body, "accepted") + audit.ids_in(reply.body, "duplicates")
            conflicts = audit.ids_in(reply.body, "conflicts")
            self._write(functools.partial(self._record, held, conflicts))
            if conflicts:
                log.warning("the platform holds other content under %d audit event id(s): %s",
                            len(conflicts), ", ".join(conflicts))  # fmt: skip
            if not held and not conflicts:  # an answer that names none of them: stop here
                log.warning("audit upload: the platform's answer named none of the events")
                return self.report
            if len(links) < self._batch:
                return self.report

    def _record(self, held: list[str], conflicts: list[str]) -> None:
        with self._db.write() as session:
            AuditRepository(session).mark_uploaded(held, conflicts, self._now())
        self.report.uploaded += len(held)
        self.report.conflicts += len(conflicts)
