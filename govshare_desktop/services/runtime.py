"""What every use case stands on: the store, the profile, who is working, the clock, and
the executor its writes run on. Built once by the composition root and handed to each
service, so none of them reaches for a global (STYLE habit 4)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from govshare_desktop.domain.clock import Clock, utc_naive
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.domain.identity import ANONYMOUS, Identity
from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.services.audit.chain_log import ChainLog, NoKey
from govshare_desktop.services.executor import Executor
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.session import Database

if TYPE_CHECKING:
    from govshare_desktop.security.audit_chain import AuditKey


class CurrentIdentity:
    """The signed-in officer and unit; read by any thread, replaced at sign-in."""

    def __init__(self, identity: Identity = ANONYMOUS) -> None:
        self._identity = identity
        self._lock = threading.Lock()

    def get(self) -> Identity:
        with self._lock:
            return self._identity

    def set(self, identity: Identity) -> None:
        with self._lock:
            self._identity = identity

    @classmethod
    def load(cls, database: Database) -> CurrentIdentity:
        """The identity the last sign-in left in the store (empty before any)."""
        with database.read() as session:
            return cls(IdentityRepository(session).get())


@dataclass(frozen=True)
class Runtime:
    database: Database
    profile: CatalogProfile
    identity: CurrentIdentity
    clock: Clock
    executor: Executor
    audit_key: AuditKey | None = None  # the install's audit key (None: events stay unsealed)

    @property
    def chain(self) -> ChainLog:
        """The audit log with its key: appends and seals (services/audit/chain_log.py)."""
        return ChainLog(self.audit_key or NoKey())

    @property
    def unit_code(self) -> str:
        """The unit whose catalog this is (empty until the first sign-in)."""
        return self.identity.get().unit_code

    def audit(
        self,
        session: Any,
        action: str,
        subject_type: str,
        subject_id: str,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Append an audit event by the current officer at the clock's time (Art. 17), in
        the caller's transaction, sealed into the chain when the key can be read."""
        self.chain.append(
            session,
            AuditEvent(
                action=action,
                actor=self.identity.get().officer,
                at=utc_naive(self.clock),
                subject_type=subject_type,
                subject_id=subject_id,
                details=details or {},
            ),
        )


class Service:
    """A use case over the runtime: the store it reads, the profile, and the executor its
    `@writes` methods run on."""

    def __init__(self, runtime: Runtime) -> None:
        self._rt = runtime
        self._db = runtime.database
        self.profile: CatalogProfile = runtime.profile

    @property
    def executor(self) -> Executor:
        return self._rt.executor
