"""Notices (通报, Art. 17): the authority notifies units of its level; each unit marks it read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reference_platform.authority import in_jurisdiction
from reference_platform.changes import publish
from reference_platform.context import Principal
from reference_platform.db.database import next_seq
from reference_platform.db.keyset import Page, keyset_page
from reference_platform.db.models import Notice, NoticeDelivery
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import not_found
from reference_platform.sharing.documents import notice_document
from reference_platform.sharing.schemas import NoticeCreate

ENTITY_TYPE = "notice"
ISSUER_ROLE = "authority"


def _publish(
    session: Session, seq: int, delivery: NoticeDelivery, op_id: str | None, now: datetime
) -> None:
    publish(
        session,
        seq=seq,
        unit_codes=[delivery.unit_code],
        entity_type=ENTITY_TYPE,
        entity_id=delivery.notice_id,
        version=delivery.version,
        kind="upsert",
        data=notice_document(delivery),
        op_id=op_id,
        now=now,
    )


def issue_notice(
    session: Session,
    principal: Principal,
    notice_id: str,
    *,
    body: NoticeCreate,
    op_id: str | None,
    now: datetime,
) -> Notice:
    """A notice to units within the issuing authority's jurisdiction."""
    seq = next_seq(session)
    if session.get(Notice, notice_id) is not None:
        raise ProblemError(412, "already_exists", f"A notice with id {notice_id} already exists.")
    outside = [u for u in body.unit_codes if not in_jurisdiction(session, principal.unit_code, u)]
    if outside:
        raise ProblemError(
            422, "unknown_unit", f"Not units of your jurisdiction: {', '.join(outside[:20])}."
        )
    notice = Notice(
        id=notice_id,
        issuer_unit_code=principal.unit_code,
        issued_by=principal.username,
        issued_at=now,
        title=body.title,
        body=body.body,
        subjects=[s.model_dump(mode="json") for s in body.subjects],
    )
    notice.deliveries = [
        NoticeDelivery(notice_id=notice_id, unit_code=code, version=1)
        for code in dict.fromkeys(body.unit_codes)
    ]
    session.add(notice)
    session.flush()
    for index, delivery in enumerate(notice.deliveries):
        _publish(session, seq if index == 0 else next_seq(session), delivery, op_id, now)
    return notice


def get_delivery(session: Session, unit_code: str, notice_id: str) -> NoticeDelivery:
    row = session.get(NoticeDelivery, (notice_id, unit_code))
    if row is None:
        raise not_found("notice", notice_id)
    return row


def list_notices(
    session: Session, unit_code: str, limit: int, after: str | None, unread: bool
) -> Page[NoticeDelivery]:
    """Notices delivered to the unit, in id order; only unread ones if asked."""
    query = select(NoticeDelivery).where(NoticeDelivery.unit_code == unit_code)
    if unread:
        query = query.where(NoticeDelivery.read_at.is_(None))
    return keyset_page(session, query, NoticeDelivery.notice_id, limit, after)


def mark_read(
    session: Session, principal: Principal, notice_id: str, *, op_id: str | None, now: datetime
) -> NoticeDelivery:
    """The first reading is kept; marking again changes nothing."""
    seq = next_seq(session)
    row = get_delivery(session, principal.unit_code, notice_id)
    if row.read_at is None:
        row.read_at, row.read_by = now, principal.username
        row.version += 1
        session.flush()
        _publish(session, seq, row, op_id, now)
    return row
