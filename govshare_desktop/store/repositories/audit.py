"""The local audit log's persistence: append-only rows, their seals, their upload (Art. 14, 17).

The chain itself — what an event is sealed over, how it is checked — is security's
(`security/audit_chain.py`); this module only stores and reads. Sealed events are always a
prefix of the log in sequence order: an event written while no keyring was usable stays
unsealed (`mac` = "") until the whole tail is sealed in order. The chain's head (the last
sealed event, with its own MAC) is a `sync_meta` entry written in the sealing transaction.
Every event also keeps the plain SHA-256 checksum (`prev_hash`/`hash`) the log had before
the chain: computed here, at append, as it always was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from govshare_desktop.domain.audit import AuditLink, ChainHead, plain_digest
from govshare_desktop.domain.entities import AuditEvent
from govshare_desktop.store.models import AuditEventRow
from govshare_desktop.store.repositories.sync_meta import SyncMetaRepository

HEAD_KEY = "audit_head"


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        id=row.id, action=row.action, actor=row.actor, at=row.at,
        subject_type=row.subject_type, subject_id=row.subject_id,
        details=json.loads(row.details_json),
    )  # fmt: skip


def _link(row: AuditEventRow) -> AuditLink:
    return AuditLink(row.seq, _event(row), row.mac, row.prev_hash, row.hash)


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, event: AuditEvent) -> int:
        """Store `event` unsealed at the end of the log; its sequence number."""
        last = self._session.scalar(
            select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(1)
        )
        prev_hash = last.hash if last else ""
        row = AuditEventRow(
            id=event.id,
            at=event.at,
            actor=event.actor,
            action=event.action,
            subject_type=event.subject_type,
            subject_id=event.subject_id,
            details_json=json.dumps(event.details, ensure_ascii=False, default=str),
            prev_hash=prev_hash,
            hash=plain_digest(prev_hash, event),
            mac="",
        )
        self._session.add(row)
        self._session.flush()
        return row.seq

    def last_with(self, action: str, subject_id: str) -> AuditEvent | None:
        """The latest event of `action` about `subject_id` (e.g. an earlier import of a file)."""
        row = self._session.scalar(
            select(AuditEventRow)
            .where(AuditEventRow.action == action, AuditEventRow.subject_id == subject_id)
            .order_by(AuditEventRow.seq.desc())
            .limit(1)
        )
        return None if row is None else _event(row)

    # ------------------------------------------------------------------ the chain
    def head(self) -> ChainHead | None:
        """The chain's head as recorded (None before the first seal)."""
        stored = SyncMetaRepository(self._session).get(HEAD_KEY)
        if not stored:
            return None
        try:
            data = json.loads(stored)
            return ChainHead(
                int(data["seq"]), str(data["mac"]), str(data["tag"]), str(data.get("key", ""))
            )
        except (ValueError, KeyError, TypeError):
            return ChainHead(-1, "", "")  # unreadable: verification reports it as altered

    def set_head(self, head: ChainHead) -> None:
        value = json.dumps({"seq": head.seq, "mac": head.mac, "tag": head.tag, "key": head.key_id})
        SyncMetaRepository(self._session).set(HEAD_KEY, value)

    def unsealed(self, after_seq: int) -> list[AuditLink]:
        """The unsealed tail after the head, in order (sealed events are a prefix)."""
        rows = self._session.scalars(
            select(AuditEventRow).where(AuditEventRow.seq > after_seq).order_by(AuditEventRow.seq)
        )
        return [_link(row) for row in rows]

    def set_mac(self, seq: int, mac: str) -> None:
        self._session.execute(update(AuditEventRow).where(AuditEventRow.seq == seq).values(mac=mac))

    def links(self, batch: int = 2000) -> Iterator[AuditLink]:
        """Every event in sequence order, read a page at a time (the log may be large)."""
        after = -1
        while True:
            rows = list(
                self._session.scalars(
                    select(AuditEventRow)
                    .where(AuditEventRow.seq > after)
                    .order_by(AuditEventRow.seq)
                    .limit(batch)
                )
            )
            for row in rows:
                yield _link(row)
            if len(rows) < batch:
                return
            after = rows[-1].seq

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(AuditEventRow)) or 0)

    def count_unsealed(self) -> int:
        return int(
            self._session.scalar(
                select(func.count()).select_from(AuditEventRow).where(AuditEventRow.mac == "")
            )
            or 0
        )

    # ------------------------------------------------------------------ upload
    def to_upload(self, limit: int) -> list[AuditLink]:
        """Sealed events the platform does not hold yet, oldest first."""
        rows = self._session.scalars(
            select(AuditEventRow)
            .where(
                AuditEventRow.uploaded.is_(False),
                AuditEventRow.upload_conflict.is_(False),
                AuditEventRow.mac != "",
            )
            .order_by(AuditEventRow.seq)
            .limit(limit)
        )
        return [_link(row) for row in rows]

    def previous_mac(self, seq: int) -> str:
        """The MAC of the event before `seq` ("" for the first): its `prev_hash` on upload."""
        mac = self._session.scalar(
            select(AuditEventRow.mac)
            .where(AuditEventRow.seq < seq)
            .order_by(AuditEventRow.seq.desc())
            .limit(1)
        )
        return mac or ""

    def mark_uploaded(self, ids: list[str], conflicts: list[str], at: datetime) -> None:
        """The platform's answer, recorded in one transaction: held, or held differently."""
        if ids:
            self._session.execute(
                update(AuditEventRow)
                .where(AuditEventRow.id.in_(ids))
                .values(uploaded=True, uploaded_at=at)
            )
        if conflicts:
            self._session.execute(
                update(AuditEventRow)
                .where(AuditEventRow.id.in_(conflicts))
                .values(upload_conflict=True)
            )

    def upload_counts(self) -> tuple[int, int]:
        """(events waiting to be uploaded, events the platform holds differently)."""
        waiting = self._session.scalar(
            select(func.count())
            .select_from(AuditEventRow)
            .where(AuditEventRow.uploaded.is_(False), AuditEventRow.upload_conflict.is_(False))
        )
        conflicts = self._session.scalar(
            select(func.count())
            .select_from(AuditEventRow)
            .where(AuditEventRow.upload_conflict.is_(True))
        )
        return int(waiting or 0), int(conflicts or 0)
