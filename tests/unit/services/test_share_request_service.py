"""The share-request service offline: each write one transaction with its outbox op and its
change set on the bus; steps checked before they are queued; refusals only of what was
refused. (Sending and the platform's word: tests/sync/test_share_requests.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.enums import OutboxOp
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.share_requests import Direction
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.store.repositories.outbox import OutboxRepository

OFFICER = Identity(officer="mz-requester", unit_code="SJZ-MZ", roles=frozenset({"requester"}))


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    opened = AppContext.open(home)
    opened.services.runtime.identity.set(OFFICER)
    yield opened
    opened.close()


def test_a_draft_and_its_steps_are_queued_in_order_and_published(ctx: AppContext) -> None:
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    service = ctx.services.share_requests
    draft = service.new_draft("SJZ-GA", "101001/000001", ["公民身份号码"], "核验身份。")
    assert seen[-1].ids(EntityKind.SHARE_REQUEST, origin=Origin.LOCAL,
                        action=ChangeAction.CREATED) == {draft.id}  # fmt: skip
    service.edit_draft(draft.id, purpose="核验当事人身份。")
    service.take_step(draft.id, RequestAction.SUBMIT, "请予支持。")
    assert seen[-1].touches(EntityKind.SHARE_REQUEST)
    with ctx.database.read() as session:
        ops = OutboxRepository(session).ops_of(draft.id)
    assert [(o.op, o.payload.get("purpose") or o.payload.get("action")) for o in ops] == [
        (OutboxOp.CREATE, "核验当事人身份。"),  # the edit folded into the unsent create
        (OutboxOp.STEP, "submit"),
    ]
    assert ops[1].payload["body"] == {"text": "请予支持。"}
    [listed] = service.requests(Direction.OUTGOING)
    assert listed.request.id == draft.id and not listed.editable
    assert service.requests(Direction.INCOMING) == []


def test_steps_are_checked_before_they_are_queued(ctx: AppContext) -> None:
    service = ctx.services.share_requests
    draft = service.new_draft("SJZ-GA", "101001/000001", ["公民身份号码"], "核验身份。")
    with pytest.raises(KnownError) as caught:
        service.take_step(draft.id, RequestAction.AGREE)  # the provider's, not ours
    assert caught.value.code is ErrorCode.REQUEST_STEP_NOT_ALLOWED
    assert caught.value.params["allowed"] == "submit, withdraw"
    with pytest.raises(KnownError) as caught:
        service.take_step(draft.id, RequestAction.DECLINE)
    assert caught.value.code is ErrorCode.REQUEST_TEXT_REQUIRED
    with pytest.raises(KnownError) as caught:  # the machine's own field checks
        service.take_step(draft.id, RequestAction.COORDINATE, "协调一致。")
    assert caught.value.code is ErrorCode.REQUEST_OUTCOME_REQUIRED
    with pytest.raises(KnownError) as caught:
        service.take_step("no-such-request", RequestAction.SUBMIT)
    assert caught.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(KnownError) as caught:
        service.discard_refused(1)  # the create: waiting, not refused
    assert caught.value.code is ErrorCode.REQUEST_NOT_REFUSED
    with ctx.database.read() as session:
        assert len(OutboxRepository(session).ops_of(draft.id)) == 1  # nothing else queued


def test_a_draft_needs_the_unit_of_a_first_sign_in(home: Path) -> None:
    ctx = AppContext.open(home)
    try:
        with pytest.raises(KnownError) as caught:
            ctx.services.share_requests.new_draft("SJZ-GA", "101001/000001", ["姓名"], "核验。")
        assert caught.value.code is ErrorCode.SIGN_IN_REQUIRED
    finally:
        ctx.close()


def test_a_period_of_use_must_not_end_before_it_begins(ctx: AppContext) -> None:
    service = ctx.services.share_requests
    with pytest.raises(KnownError) as caught:
        service.new_draft("SJZ-GA", "101001/000001", ["姓名"], "核验。",
                          use_from=date(2027, 6, 1), use_until=date(2027, 5, 31))  # fmt: skip
    assert caught.value.code is ErrorCode.REQUEST_PERIOD_INVALID
    draft = service.new_draft("SJZ-GA", "101001/000001", ["姓名"], "核验。",
                              share_method="platform_file", use_from=date(2027, 6, 1))  # fmt: skip
    with pytest.raises(KnownError):
        service.edit_draft(draft.id, use_until=date(2027, 1, 1))
    edited = service.edit_draft(draft.id, use_until=date(2027, 6, 30), contact_name="陈晨")
    assert (edited.share_method, edited.use_until, edited.contact_name) == (
        "platform_file", date(2027, 6, 30), "陈晨",
    )  # fmt: skip
    with ctx.database.read() as session:
        [create] = OutboxRepository(session).ops_of(draft.id)
    assert (create.payload["use_from"], create.payload["use_until"]) == ("2027-06-01", "2027-06-30")
