"""Notices (通报, Art. 17): stored as served, marked read here, announced once.

Persistence only, with `store/tracking.py` deciding what a change means for the outbox:
- a notice's content is the platform's (feed `notice` items, or a push's answer); it is
  never edited here;
- the unit's read mark is a command op of its own (`OutboxOp.STEP`, action `read`),
  queued in the transaction that records it and sent as `POST /notices/{id}/read`;
- reading is one way on the platform (the first reading is kept), so a served notice that
  is not read yet never takes back a read mark made here (one waiting to be sent, or one
  the platform refused): only a served reading replaces it;
- `notified` (the officer was told of its arrival) is this PC's alone and never sent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from govshare_desktop.domain.changes import ChangeAction, EntityKind, Origin
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus, SyncState
from govshare_desktop.domain.notices import (
    READ,
    Notice,
    NoticeView,
    subjects_of,
    subjects_to_plain,
)
from govshare_desktop.store.models import NoticeRow, SyncOutboxRow
from govshare_desktop.store.repositories.outbox import OutboxQueue
from govshare_desktop.store.session import changes_of
from govshare_desktop.store.tracking import TrackedWrites, Tracking

NOTICES = Tracking(EntityKind.NOTICE)


def _notice(row: NoticeRow) -> Notice:
    return Notice(
        id=row.id,
        title=row.title,
        body=row.body,
        issued_at=row.issued_at,
        issuer_unit_code=row.issuer_unit_code,
        issued_by=row.issued_by,
        read_at=row.read_at,
        read_by=row.read_by,
        subjects=subjects_of(json.loads(row.subjects_json or "[]")),
    )


def _served(notice: Notice) -> dict[str, object]:
    """What a push's acknowledgement records as the platform's state."""
    return {"read_at": notice.read_at.isoformat() if notice.read_at else None,
            "read_by": notice.read_by}  # fmt: skip


class NoticeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._tracked = TrackedWrites(session, NOTICES)

    # ------------------------------------------------------------------ reading
    def all(self) -> list[NoticeView]:
        """Every notice held, newest first."""
        rows = self._session.scalars(
            select(NoticeRow)
            .where(NoticeRow.deleted.is_(False))
            .order_by(NoticeRow.issued_at.desc(), NoticeRow.id)
        ).all()
        pending = self._read_pending([row.id for row in rows])
        return [NoticeView(_notice(row), row.id in pending) for row in rows]

    def get(self, notice_id: str) -> NoticeView | None:
        row = self._session.get(NoticeRow, notice_id)
        if row is None or row.deleted:
            return None
        return NoticeView(_notice(row), bool(self._read_pending([row.id])))

    def unread_count(self) -> int:
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(NoticeRow)
                .where(NoticeRow.deleted.is_(False), NoticeRow.read_at.is_(None))
            )
            or 0
        )

    def unannounced(self) -> list[Notice]:
        """Notices that arrived and of which the officer has not been told, newest first."""
        rows = self._session.scalars(
            select(NoticeRow)
            .where(NoticeRow.deleted.is_(False), NoticeRow.notified.is_(False))
            .order_by(NoticeRow.issued_at.desc(), NoticeRow.id)
        )
        return [_notice(row) for row in rows]

    def server_version(self, notice_id: str) -> int | None:
        return self._session.scalar(
            select(NoticeRow.server_version).where(NoticeRow.id == notice_id)
        )

    def _read_pending(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        return set(
            self._session.scalars(
                select(SyncOutboxRow.entity_id).where(
                    SyncOutboxRow.entity_type == EntityKind.NOTICE.value,
                    SyncOutboxRow.status != OutboxStatus.DONE.value,
                    SyncOutboxRow.entity_id.in_(ids),
                )
            )
        )

    # ------------------------------------------------------------------ the officer's changes
    def mark_read(self, notice_id: str, officer: str, at: datetime) -> bool:
        """The unit's reading, recorded at once and queued to be sent once; False (nothing
        queued) when the notice is read already or not held."""
        row = self._session.get(NoticeRow, notice_id)
        if row is None or row.deleted or row.read_at is not None:
            return False
        row.read_at, row.read_by = at, officer
        self._tracked.commanded(row, OutboxOp.STEP, {"action": READ}, created=False)
        return True

    def mark_announced(self, ids: Sequence[str]) -> None:
        """The officer has been told of these notices' arrival (local, never sent)."""
        if ids:
            self._session.execute(
                update(NoticeRow).where(NoticeRow.id.in_(list(ids))).values(notified=True)
            )

    # ------------------------------------------------------------------ the platform's word
    def store_remote(self, notice: Notice, version: int) -> bool:
        """The platform's notice (a feed item): its content wins, and its reading when it
        has one. False when not newer than what is held (a replay)."""
        row = self._session.get(NoticeRow, notice.id)
        if row is not None and row.server_version is not None and row.server_version >= version:
            return False
        if row is None:
            row = NoticeRow(id=notice.id, local_rev=0, deleted=False, notified=False)
            self._session.add(row)
            self._set_served(row, notice)
            row.server_version = version
            row.local_rev = 1
            row.sync_state = SyncState.SYNCED.value
            self._session.flush()
            changes_of(self._session).add(
                EntityKind.NOTICE, notice.id, ChangeAction.CREATED, Origin.REMOTE
            )
            return True
        self._set_served(row, notice)
        self._tracked.remote_decided(row, version)
        self._tracked.keep_refusal(row)
        return True

    def acknowledge(self, notice: Notice, version: int) -> None:
        """Our read mark was applied: the answer is the notice as the platform holds it."""
        row = self._row(notice.id)
        newer = row.server_version is None or version >= row.server_version
        self._tracked.acknowledged(row, _served(notice), max(version, row.server_version or 0))
        if newer:
            self._set_served(row, notice)

    def discard_refused(self, seq: int) -> str | None:
        """Forget a reading the platform refused (outbox op `seq`); returns the notice's
        id, None when `seq` is no refused op of a notice. The notice stays read here."""
        entity_id = OutboxQueue(self._session).refused_entity(seq, EntityKind.NOTICE)
        row = None if entity_id is None else self._session.get(NoticeRow, entity_id)
        if row is None:
            return None
        self._tracked.discarded(row, seq)
        return row.id

    def refused(self, notice_id: str) -> None:
        row = self._session.get(NoticeRow, notice_id)
        if row is not None:
            self._tracked.refused(row)

    def _set_served(self, row: NoticeRow, notice: Notice) -> None:
        row.title = notice.title
        row.body = notice.body
        row.issued_at = notice.issued_at
        row.issuer_unit_code = notice.issuer_unit_code
        row.issued_by = notice.issued_by
        row.subjects_json = json.dumps(subjects_to_plain(notice.subjects), ensure_ascii=False)
        row.server_updated_at = notice.read_at or notice.issued_at
        if notice.read_at is not None:  # the platform's reading is the one kept
            row.read_at, row.read_by = notice.read_at, notice.read_by
        # else: a reading of this PC (waiting, or refused) stands; reading is one way

    def _row(self, notice_id: str) -> NoticeRow:
        row = self._session.get(NoticeRow, notice_id)
        if row is None:
            raise LookupError(notice_id)
        return row
