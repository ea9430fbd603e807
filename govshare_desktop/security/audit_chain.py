"""The audit chain: each event sealed with an HMAC over the one before it (Art. 17, 18).

MAC(n) = HMAC-SHA256(key, MAC(n-1) ‖ canonical(n)), with MAC(0) = "" and canonical(n) the
event serialised with its sequence number and id (UTF-8 JSON, sorted keys, no spaces).
The key is a per-install secret in the OS keyring (`InstallSecrets(home).get("audit")`),
so someone who can edit the database can change an event, or remove or reorder some, but
cannot compute the MACs that would hide it — unlike the plain SHA-256 chain the log kept
before, which anyone could recompute.

A `ChainHead` (the last sealed sequence number and MAC, with a MAC of its own) is kept
beside the log so that events removed from its end show too. What no local check can
show is the whole log replaced by an older copy of itself; the platform's copy of the
uploaded events is the anchor for that.

Events written while no keyring is usable are stored unsealed, in order, and sealed the
next time the key is available (services/audit/log.py); `verify` counts them as an
unsealed tail and checks only their plain checksum, which proves nothing against someone
who meant to change them.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import threading
import time
from collections.abc import Iterable

from govshare_desktop.domain.audit import (
    AuditLink,
    BreakKind,
    ChainBreak,
    ChainHead,
    ChainReport,
    plain_digest,
)
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.security.install_secrets import InstallSecrets

log = logging.getLogger(__name__)

SECRET_NAME = "audit"  # noqa: S105 - the name of the keyring entry, not a secret
RETRY_SECONDS = 30.0  # after a keyring failure, appends do not ask again before this


def canonical(seq: int, event: AuditEvent) -> bytes:
    """The bytes an event is sealed over; any field, its id or its place changes them."""
    body = {
        "seq": seq,
        "id": event.id,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "action": event.action,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "details": event.details,
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return text.encode("utf-8")


def seal(key: bytes, prev_mac: str, seq: int, event: AuditEvent) -> str:
    """The event's MAC after `prev_mac` (hex)."""
    return hmac.new(key, prev_mac.encode("ascii") + canonical(seq, event), "sha256").hexdigest()


def head_tag(key: bytes, seq: int, mac: str) -> str:
    return hmac.new(key, f"head\x00{seq}\x00{mac}".encode("ascii"), "sha256").hexdigest()


def key_id(key: bytes) -> str:
    """Names the key without revealing it: tells "sealed with another key" from "altered"."""
    return hmac.new(key, b"govshare audit key id", "sha256").hexdigest()[:16]


def make_head(key: bytes, seq: int, mac: str) -> ChainHead:
    return ChainHead(seq, mac, head_tag(key, seq, mac), key_id(key))


def sealed_with_another_key(key: bytes, head: ChainHead | None) -> bool:
    return head is not None and bool(head.key_id) and head.key_id != key_id(key)


def verify(key: bytes, links: Iterable[AuditLink], head: ChainHead | None) -> ChainReport:
    """Check the log in sequence order; the report names the first broken link."""
    check = _Check(key)
    pending = iter(links)
    link = next(pending, None)
    while link is not None:
        following = next(pending, None)
        kind = check.link(link, following)
        if kind is not None:
            expected = check.sealed_seq + 1 if kind is BreakKind.MISSING else None
            return check.report(ChainBreak(kind, link.seq, link.event.id, link.event.at, expected))
        link = following
    return check.head(head)


class _Check:
    """What `verify` has seen so far: the sealed prefix, then the unsealed tail."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self.sealed = self.unsealed = 0
        self.sealed_seq, self.sealed_mac = 0, ""
        self._prev_hash: str | None = None
        self._last: AuditLink | None = None

    def report(self, broken: ChainBreak | None = None) -> ChainReport:
        return ChainReport(self.sealed, self.unsealed, broken)

    def link(self, link: AuditLink, following: AuditLink | None) -> BreakKind | None:
        """Why `link` breaks the chain, or None (and it is taken in)."""
        kind = self._unsealed(link) if not link.mac else self._sealed(link, following)
        if kind is None:
            self._prev_hash, self._last = link.hash, link
        return kind

    def _unsealed(self, link: AuditLink) -> BreakKind | None:
        """The unsealed tail: only its plain checksum can be looked at."""
        self.unsealed += 1
        if self._prev_hash is not None and link.prev_hash != self._prev_hash:
            return BreakKind.CHECKSUM
        if link.hash != plain_digest(link.prev_hash, link.event):
            return BreakKind.CHECKSUM
        return None

    def _sealed(self, link: AuditLink, following: AuditLink | None) -> BreakKind | None:
        if self.unsealed:
            return BreakKind.UNSEALED_GAP
        if link.seq > self.sealed_seq + 1:
            return BreakKind.MISSING
        if not hmac.compare_digest(
            link.mac, seal(self._key, self.sealed_mac, link.seq, link.event)
        ):
            # an adjacent swap: sealed one place later, after the event now following it
            swapped = (
                following is not None
                and bool(following.mac)
                and hmac.compare_digest(
                    link.mac, seal(self._key, following.mac, link.seq + 1, link.event)
                )
            )
            return BreakKind.REORDERED if swapped else BreakKind.ALTERED
        self.sealed += 1
        self.sealed_seq, self.sealed_mac = link.seq, link.mac
        return None

    def head(self, head: ChainHead | None) -> ChainReport:
        """The log read to its end: does the head recorded beside it agree?"""
        if head is None and not self.sealed:
            return self.report()
        kind: BreakKind | None = None
        expected = None
        if head is None or not hmac.compare_digest(
            head.tag, head_tag(self._key, head.seq, head.mac)
        ):
            kind = BreakKind.HEAD_ALTERED
        elif head.seq > self.sealed_seq:
            kind, expected = BreakKind.TRUNCATED, head.seq
        elif head.seq != self.sealed_seq or head.mac != self.sealed_mac:
            kind = BreakKind.HEAD_ALTERED
        if kind is None:
            return self.report()
        last = self._last
        return self.report(
            ChainBreak(
                kind,
                last.seq if last else 0,
                last.event.id if last else "",
                last.event.at if last else None,
                expected,
            )
        )


class AuditKey:
    """The install's audit key from the OS keyring, or None where no keyring is usable.

    A failed read is not retried for `RETRY_SECONDS` (an append must never wait on a
    keyring that keeps failing); `get(retry=True)` asks at once (the sync, the CLI).
    """

    def __init__(self, home: str | os.PathLike[str]) -> None:
        self._secrets = InstallSecrets(home)
        self._lock = threading.Lock()
        self._failed_at: float | None = None
        self.reason = ""

    def get(self, *, retry: bool = False) -> bytes | None:
        with self._lock:
            if (
                not retry
                and self._failed_at is not None
                and time.monotonic() - self._failed_at < RETRY_SECONDS
            ):
                return None
            try:
                key = self._secrets.get(SECRET_NAME)
            except KnownError as error:
                if self._failed_at is None:
                    log.info("audit events stay unsealed until a keyring is usable: %s", error)
                self._failed_at, self.reason = time.monotonic(), str(error.params.get("reason"))
                return None
            self._failed_at = None
            return key

    def existing(self) -> bytes | None:
        """The key if one was ever made; never makes one (verification reads, never writes).
        Raises `KnownError(KEYRING_UNAVAILABLE)` when no keyring is usable."""
        from govshare_desktop.security.credentials import keyring_backend  # noqa: PLC0415

        keyring_backend()
        if not self._secrets.exists(SECRET_NAME):
            return None
        return self._secrets.get(SECRET_NAME)
