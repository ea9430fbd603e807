"""Notices (通报, Art. 17): the unit's notices newest first, how many are unread, marking
them read (offline: queued and sent exactly once with the next sync), and which arrivals
the officer has not been told of yet.

The platform owns a notice; this unit only reads it. Every write runs on the writer
thread (`@writes`); the change bus tells the pages (kind `NOTICE`).
"""

from __future__ import annotations

from govshare_desktop.domain.clock import utc_naive
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.notices import Notice, NoticeView
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Service
from govshare_desktop.store.repositories.notices import NoticeRepository


class NoticeService(Service):
    # ------------------------------------------------------------------ reading
    def notices(self) -> list[NoticeView]:
        """Every notice delivered to this unit and held here, newest first."""
        with self._db.read() as session:
            return NoticeRepository(session).all()

    def get(self, notice_id: str) -> NoticeView | None:
        with self._db.read() as session:
            return NoticeRepository(session).get(notice_id)

    def unread_count(self) -> int:
        with self._db.read() as session:
            return NoticeRepository(session).unread_count()

    # ------------------------------------------------------------------ reading them
    @writes
    def mark_read(self, notice_id: str) -> NoticeView:
        """This unit has read the notice: recorded at once, sent with the next sync; a
        notice already read stays as it is (the first reading is kept)."""
        with self._db.write() as session:
            repo = NoticeRepository(session)
            if repo.get(notice_id) is None:
                raise KnownError(ErrorCode.NOT_FOUND, what=notice_id)
            if repo.mark_read(notice_id, self._officer(), utc_naive(self._rt.clock)):
                self._rt.audit(session, "notice.read", "notice", notice_id, {})
            view = repo.get(notice_id)
            assert view is not None  # noqa: S101 - read in this transaction
            return view

    @writes
    def mark_all_read(self) -> int:
        """Every unread notice read, in one transaction; returns how many were marked."""
        with self._db.write() as session:
            repo = NoticeRepository(session)
            officer, at = self._officer(), utc_naive(self._rt.clock)
            marked = [v.notice.id for v in repo.all() if v.unread]
            for notice_id in marked:
                repo.mark_read(notice_id, officer, at)
                self._rt.audit(session, "notice.read", "notice", notice_id, {})
            return len(marked)

    # ------------------------------------------------------------------ arrivals
    @writes
    def take_arrivals(self) -> list[Notice]:
        """The notices of which the officer has not been told yet (newest first), marked
        told in the same transaction: whoever announces them does so once, also across a
        restart."""
        with self._db.write() as session:
            repo = NoticeRepository(session)
            arrived = repo.unannounced()
            repo.mark_announced([n.id for n in arrived])
            return arrived

    @writes
    def discard_refused(self, seq: int) -> str:
        """Let go of a reading the platform refused (outbox op `seq`); returns the notice's
        id."""
        with self._db.write() as session:
            notice_id = NoticeRepository(session).discard_refused(seq)
            if notice_id is None:
                raise KnownError(ErrorCode.NOTICE_NOT_REFUSED, seq=seq)
            self._rt.audit(session, "notice.discard_refused", "notice", notice_id, {"seq": seq})
        return notice_id

    def _officer(self) -> str:
        return self._rt.identity.get().officer
