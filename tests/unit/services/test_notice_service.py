"""The notice service offline: notices listed newest first with the unread count; a read
mark is one transaction with its outbox op and its change set on the bus; a pull of the
notice never takes back a reading not yet sent; arrivals are announced once, also after a
restart. (Sending and the platform's word: tests/sync/test_notices.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.enums import OutboxOp, OutboxStatus
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.notices import Notice, NoticeSubject, SubjectKind
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.store.repositories.outbox import OutboxRepository

OFFICER = Identity(officer="mz-requester", unit_code="SJZ-MZ", roles=frozenset({"requester"}))
OLD = Notice(
    id="11111111-1111-4111-8111-111111111111", title="关于按期备案的通报", body="请按期备案。",
    issued_at=datetime(2026, 12, 1, 8), issuer_unit_code="SJZ-XXGX", issued_by="sjz-authority",
)  # fmt: skip
NEW = Notice(
    id="22222222-2222-4222-8222-222222222222", title="关于授权使用的通报", body="请核对。",
    issued_at=datetime(2026, 12, 2, 8), issuer_unit_code="SJZ-XXGX", issued_by="sjz-authority",
    subjects=(NoticeSubject(SubjectKind.GRANT, "g-1"),),
)  # fmt: skip


def arrive(ctx: AppContext, notice: Notice, version: int) -> bool:
    with ctx.database.write() as session:
        return NoticeRepository(session).store_remote(notice, version)


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    opened = AppContext.open(home)
    opened.services.runtime.identity.set(OFFICER)
    arrive(opened, OLD, 1)
    arrive(opened, NEW, 1)
    yield opened
    opened.close()


def test_listed_newest_first_and_a_reading_is_one_op_published_on_the_bus(
    ctx: AppContext,
) -> None:
    service = ctx.services.notices
    assert [v.notice.id for v in service.notices()] == [NEW.id, OLD.id]
    assert service.unread_count() == 2
    assert service.get(NEW.id).notice.subjects == NEW.subjects  # type: ignore[union-attr]
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    view = service.mark_read(NEW.id)
    assert not view.unread and view.read_pending and view.notice.read_by == "mz-requester"
    assert seen[-1].ids(EntityKind.NOTICE, origin=Origin.LOCAL,
                        action=ChangeAction.UPDATED) == {NEW.id}  # fmt: skip
    assert service.unread_count() == 1
    service.mark_read(NEW.id)  # read already: nothing more is queued
    with ctx.database.read() as session:
        ops = OutboxRepository(session).ops_of(NEW.id)
    assert [(o.op, o.payload, o.status) for o in ops] == [
        (OutboxOp.STEP, {"action": "read"}, OutboxStatus.PENDING)
    ]
    assert service.mark_all_read() == 1
    assert service.unread_count() == 0
    with pytest.raises(KnownError) as caught:
        service.mark_read("no-such-notice")
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_a_pull_never_takes_back_a_reading_not_yet_sent(ctx: AppContext) -> None:
    ctx.services.notices.mark_read(OLD.id)
    assert arrive(ctx, OLD, 2)  # a newer served state, still unread on the platform
    view = ctx.services.notices.get(OLD.id)
    assert view is not None and not view.unread and view.read_pending
    assert view.notice.read_by == "mz-requester"
    served = Notice(**{**{f: getattr(OLD, f) for f in ("id", "title", "body", "issued_at")},
                       "read_at": datetime(2026, 12, 3, 9), "read_by": "mz-other"})  # fmt: skip
    assert arrive(ctx, served, 3)  # a colleague read it first on the platform: theirs stands
    view = ctx.services.notices.get(OLD.id)
    assert view is not None and view.notice.read_by == "mz-other"
    assert not arrive(ctx, OLD, 3)  # a replay changes nothing


def test_arrivals_are_announced_once_also_after_a_restart(ctx: AppContext, home: Path) -> None:
    assert [n.id for n in ctx.services.notices.take_arrivals()] == [NEW.id, OLD.id]
    assert ctx.services.notices.take_arrivals() == []
    ctx.close()
    reopened = AppContext.open(home)
    try:
        assert reopened.services.notices.take_arrivals() == []
        third = Notice(id="33333333-3333-4333-8333-333333333333", title="新通报", body="。",
                       issued_at=datetime(2026, 12, 3, 8))  # fmt: skip
        arrive(reopened, third, 1)
        assert [n.id for n in reopened.services.notices.take_arrivals()] == [third.id]
    finally:
        reopened.close()
