"""The audit log as a use case: record an access without waiting, check the chain.

`record` is fire-and-forget for callers outside a write (the data viewer's views and
queries): the event — its actor and time taken now — is queued to the single writer and
the caller goes on at once; the viewer never waits on the disk for its audit trail.
Callers already inside a write transaction use `Runtime.audit(session, ...)`, which
appends in their transaction.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import Any

from govshare_desktop.domain.audit import ChainReport
from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.security.audit_chain import AuditKey, sealed_with_another_key, verify
from govshare_desktop.services.audit.chain_log import seal_tail
from govshare_desktop.services.executor import Lane
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.audit import AuditRepository

log = logging.getLogger(__name__)


class AuditService(Service):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__(runtime)
        self._key: AuditKey | None = runtime.audit_key

    def record(
        self,
        action: str,
        subject_type: str,
        subject_id: str,
        details: dict[str, Any] | None = None,
    ) -> Future[None]:
        """Queue an event to the writer and return at once; the future is for tests and
        shutdown, nobody needs to wait on it. A failure is logged, as any writer bug is."""
        event = AuditEvent(
            action=action,
            actor=self._rt.identity.get().officer,
            at=utc_naive(self._rt.clock),
            subject_type=subject_type,
            subject_id=subject_id,
            details=dict(details or {}),
        )

        def append() -> None:
            with self._db.write() as session:
                self._rt.chain.append(session, event)

        future = self.executor.submit(Lane.WRITE, append)
        future.add_done_callback(_log_failure)
        return future

    def seal(self) -> int | None:
        """Seal the unsealed tail now; None without a key. The key is read on the calling
        thread (the GUI calls this on a worker at start), only the sealing on the writer."""
        key = self._key.get(retry=True) if self._key is not None else None
        if key is None:
            return None

        def run() -> int:
            with self._db.write() as session:
                return seal_tail(session, key)

        return self.executor.write(run)

    def verify(self) -> ChainReport:
        """Check the whole chain. Raises AUDIT_KEY_UNAVAILABLE without a usable keyring, and
        AUDIT_KEY_MISSING when sealed events exist but this PC's keyring has no key for them."""
        if self._key is None:
            raise KnownError(ErrorCode.AUDIT_KEY_UNAVAILABLE, reason="no key source")
        try:
            key = self._key.existing()
        except KnownError as error:
            reason = str(error.params.get("reason", error))
            raise KnownError(ErrorCode.AUDIT_KEY_UNAVAILABLE, reason=reason) from error
        with self._db.read() as session:
            repo = AuditRepository(session)
            if key is None:
                unsealed = repo.count_unsealed()
                if sealed := repo.count() - unsealed:
                    raise KnownError(ErrorCode.AUDIT_KEY_MISSING, count=sealed)
                # nothing was ever sealed: only the unsealed events' checksums to look at
                return verify(b"no key: nothing is sealed", repo.links(), None)
            head = repo.head()
            if sealed_with_another_key(key, head):
                sealed = repo.count() - repo.count_unsealed()
                raise KnownError(ErrorCode.AUDIT_KEY_MISSING, count=sealed)
            return verify(key, repo.links(), head)


def _log_failure(future: Future[None]) -> None:
    if future.cancelled():
        log.error("an audit event was dropped: the writer shut down before it ran")
        return
    error = future.exception()
    if error is not None:
        log.error("an audit event could not be written", exc_info=error)
