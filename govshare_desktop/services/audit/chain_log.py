"""Appending to the audit log and sealing it: the store's rows under security's chain.

Every event is appended in the caller's transaction (an edit and its audit event commit
together, or neither does), then the unsealed tail is sealed in order in that same
transaction when the install's audit key can be read. Where no keyring is usable — a PC
without a credential store, the test suite's fail backend — the event is stored unsealed
and nothing fails: it is sealed, in order, by the next append or sync that has the key,
and `govshare verify-audit` reports the unsealed tail as such. There is no other key and
no plaintext fallback, and no event is ever dropped for want of one.
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy.orm import Session

from govshare_desktop.domain.audit import plain_digest
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.security.audit_chain import (
    head_tag,
    make_head,
    seal,
    sealed_with_another_key,
)
from govshare_desktop.store.repositories.audit import AuditRepository

log = logging.getLogger(__name__)


class KeySource(Protocol):
    def get(self, *, retry: bool = False) -> bytes | None: ...


class NoKey:
    """A key source that never has one: events are stored unsealed."""

    def get(self, *, retry: bool = False) -> bytes | None:
        del retry
        return None


class ChainLog:
    def __init__(self, key: KeySource) -> None:
        self._key = key

    def append(self, session: Session, event: AuditEvent) -> None:
        AuditRepository(session).append(event)
        key = self._key.get()
        if key is not None:
            seal_tail(session, key)

    def seal(self, session: Session, *, retry: bool = True) -> int | None:
        """Seal the unsealed tail now; how many were sealed, None without a key."""
        key = self._key.get(retry=retry)
        return None if key is None else seal_tail(session, key)


def seal_tail(session: Session, key: bytes) -> int:
    """Seal every unsealed event after the head, in order, and move the head.

    Refuses (seals nothing, says why in the log) where the head does not match its MAC or
    an event after it is already sealed: sealing over that would hide what happened, and
    verify-audit names it instead. An unsealed event whose plain checksum does not match is
    sealed all the same (never leave an event out of the chain) and logged.
    """
    repo = AuditRepository(session)
    head = repo.head()
    if sealed_with_another_key(key, head):
        log.warning("the audit log was sealed with another key (keyring reset?): not sealing")
        return 0
    if head is not None and head.tag != head_tag(key, head.seq, head.mac):
        log.warning("audit chain head does not match its MAC: not sealing; run verify-audit")
        return 0
    after, prev_mac = (head.seq, head.mac) if head is not None else (0, "")
    tail = repo.unsealed(after)
    if not tail:
        return 0
    prev_hash: str | None = None
    for link in tail:
        if link.mac:
            log.warning("audit event %d is sealed after the head: not sealing", link.seq)
            return 0
        if link.hash != plain_digest(link.prev_hash, link.event) or (
            prev_hash is not None and link.prev_hash != prev_hash
        ):
            log.warning(
                "audit event %d (%s) did not match its checksum when it was sealed",
                link.seq, link.event.id,
            )  # fmt: skip
        prev_hash = link.hash
        prev_mac = seal(key, prev_mac, link.seq, link.event)
        repo.set_mac(link.seq, prev_mac)
    repo.set_head(make_head(key, tail[-1].seq, prev_mac))
    return len(tail)
