"""The objection service offline: a raise and an answer each one transaction with its
outbox op and its change set on the bus; everything the platform would refuse and that can
be known here refused first, in the officer's words. (Sending and the platform's word:
tests/sync/test_objections.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.changes import ChangeAction, ChangeSet, EntityKind, Origin
from govshare_desktop.domain.entities import Grant, GrantedItem, Objection
from govshare_desktop.domain.enums import (
    ObjectionAspect,
    ObjectionState,
    OutboxOp,
    OutboxStatus,
    SyncState,
)
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.objections import ObjectionDirection
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue, OutboxRepository

RAISER = Identity(officer="mz-requester", unit_code="SJZ-MZ", roles=frozenset({"requester"}))
PROVIDER = Identity(officer="ga-provider", unit_code="SJZ-GA", roles=frozenset({"provider"}))
GRANT = Grant(
    id="6d0b8a52-1f3e-4c2a-9b7d-0e5f4a3c2b10", request_id=None, grantee_unit_code="SJZ-MZ",
    provider_unit_code="SJZ-GA", authority_unit_code="SJZ-XXGX", resource_id="res-1",
    resource_code="101001/000001", resource_name="人口基本信息",
    data_items=(GrantedItem("it-1", "公民身份号码", "C"), GrantedItem("it-2", "姓名", "C")),
    purpose="核验身份。", valid_from=date(2026, 12, 1), valid_to=date(2027, 12, 1),
    granted_at=datetime(2026, 12, 1, 8), granted_by="sjz-authority",
)  # fmt: skip
OTHERS = Grant(**{**{f: getattr(GRANT, f) for f in GRANT.__dataclass_fields__},
                  "id": "0c9f1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f", "grantee_unit_code": "SJZ-SCJG"})  # fmt: skip


@pytest.fixture
def ctx(home: Path) -> Iterator[AppContext]:
    opened = AppContext.open(home)
    opened.services.runtime.identity.set(RAISER)
    with opened.database.write() as session:
        GrantRepository(session).store_remote(GRANT, 1)
        GrantRepository(session).store_remote(OTHERS, 1)
    yield opened
    opened.close()


def test_a_raise_is_one_create_op_with_its_content_and_published(ctx: AppContext) -> None:
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    service = ctx.services.objections
    assert [g.id for g in service.grants()] == [GRANT.id]  # only the grants this unit holds
    view = service.raise_objection(GRANT.id, "accuracy", "  第3行姓名有误。 ", data_item=" 姓名 ")
    oid = view.objection.id
    assert seen[-1].ids(EntityKind.OBJECTION, origin=Origin.LOCAL,
                        action=ChangeAction.CREATED) == {oid}  # fmt: skip
    assert (view.objection.state, view.sync_state) == (ObjectionState.DRAFT, SyncState.PENDING)
    assert (view.objection.resource_code, view.objection.data_item_id) == ("101001/000001", "it-2")
    with ctx.database.read() as session:
        ops = OutboxRepository(session).ops_of(oid)
    assert [(o.op, o.payload) for o in ops] == [(OutboxOp.CREATE, {
        "grant_id": GRANT.id, "data_item": "姓名", "aspect": "accuracy",
        "description": "第3行姓名有误。",
    })]  # fmt: skip
    [listed] = service.objections(ObjectionDirection.OUTGOING)
    assert listed.objection.id == oid and not listed.answerable
    assert service.objections(ObjectionDirection.INCOMING) == []


@pytest.mark.parametrize(
    "case",
    [
        ("nope", "accuracy", "有误。", None, ErrorCode.OBJECTION_GRANT_UNKNOWN),
        (OTHERS.id, "accuracy", "有误。", None, ErrorCode.OBJECTION_GRANT_UNKNOWN),
        (GRANT.id, "spelling", "有误。", None, ErrorCode.OBJECTION_ASPECT_INVALID),
        (GRANT.id, "accuracy", "\u3000 \t", None, ErrorCode.OBJECTION_TEXT_REQUIRED),
        (GRANT.id, "accuracy", "长" * 4001, None, ErrorCode.OBJECTION_TEXT_TOO_LONG),
        (GRANT.id, "timeliness", "已过时。", "户籍地址", ErrorCode.OBJECTION_ITEM_NOT_GRANTED),
    ],
)
def test_a_raise_the_platform_would_refuse_is_refused_here_and_nothing_queued(
    ctx: AppContext, case: tuple[str, str, str, str | None, ErrorCode]
) -> None:
    grant_id, aspect, description, item, code = case
    with pytest.raises(KnownError) as caught:
        ctx.services.objections.raise_objection(grant_id, aspect, description, data_item=item)
    assert caught.value.code is code
    assert ctx.services.outbox.waiting() == []


def test_raising_needs_the_requester_role(ctx: AppContext) -> None:
    ctx.services.runtime.identity.set(Identity(officer="x", unit_code="SJZ-MZ"))
    with pytest.raises(KnownError) as caught:
        ctx.services.objections.raise_objection(GRANT.id, ObjectionAspect.ACCURACY, "有误。")
    assert caught.value.code is ErrorCode.OBJECTION_ROLE_REQUIRED


def served(ctx: AppContext, version: int = 1, **changes: object) -> Objection:
    objection = Objection(
        id="9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", grant_id=GRANT.id,
        aspect=ObjectionAspect.TIMELINESS, description="地址未更新。", raiser_unit_code="SJZ-MZ",
        provider_unit_code="SJZ-GA", resource_id="res-1", data_item_id="it-1",
        state=ObjectionState.SUBMITTED, raised_at=datetime(2026, 12, 2, 8),
        raised_by="mz-requester",
    )  # fmt: skip
    objection = Objection(**{**{f: getattr(objection, f) for f in objection.__dataclass_fields__},
                             **changes})  # fmt: skip
    with ctx.database.write() as session:
        ObjectionRepository(session).store_remote(objection, version)
    return objection


def test_the_provider_answers_once_queued_as_its_own_op(ctx: AppContext) -> None:
    objection = served(ctx)
    ctx.services.runtime.identity.set(PROVIDER)
    service = ctx.services.objections
    [incoming] = service.objections(ObjectionDirection.INCOMING)
    assert incoming.objection.data_item_name == "公民身份号码"  # named from the grant
    assert incoming.answerable and incoming.sync_state is SyncState.SYNCED
    for outcome, text, code in (
        ("withdrawn", "不予处理。", ErrorCode.OBJECTION_OUTCOME_INVALID),
        ("corrected", " ", ErrorCode.OBJECTION_TEXT_REQUIRED),
    ):
        with pytest.raises(KnownError) as caught:
            service.answer(objection.id, outcome, text)
        assert caught.value.code is code
    view = service.answer(objection.id, "corrected", "已更正。")
    assert view.answer_queued and not view.answerable and view.sync_state is SyncState.PENDING
    with ctx.database.read() as session:
        [op] = OutboxRepository(session).ops_of(objection.id)
    assert (op.op, op.payload) == (
        OutboxOp.STEP, {"action": "answer", "body": {"outcome": "corrected", "text": "已更正。"}},
    )  # fmt: skip
    with pytest.raises(KnownError) as caught:
        service.answer(objection.id, "rejected", "再答一次。")
    assert caught.value.code is ErrorCode.OBJECTION_NOT_ANSWERABLE


def test_the_raiser_cannot_answer_nor_an_answered_one_be_answered(ctx: AppContext) -> None:
    objection = served(ctx)
    with pytest.raises(KnownError) as caught:  # the raiser's own
        ctx.services.objections.answer(objection.id, "accepted", "好。")
    assert caught.value.code is ErrorCode.OBJECTION_NOT_ANSWERABLE
    served(ctx, 2, state=ObjectionState.REJECTED, answer="不属实。", answered_by="ga-provider")
    ctx.services.runtime.identity.set(PROVIDER)
    with pytest.raises(KnownError) as caught:
        ctx.services.objections.answer(objection.id, "accepted", "好。")
    assert caught.value.code is ErrorCode.OBJECTION_NOT_ANSWERABLE


def test_the_feed_wins_and_a_replay_changes_nothing(ctx: AppContext) -> None:
    objection = served(ctx, 2, state=ObjectionState.CORRECTED, answer="已更正。")
    served(ctx, 1)  # an older version after the newer one
    view = ctx.services.objections.get(objection.id)
    assert view is not None
    assert (view.objection.state, view.objection.answer, view.server_version) == (
        ObjectionState.CORRECTED, "已更正。", 2,
    )  # fmt: skip


def test_only_a_refused_op_of_an_objection_is_discarded(ctx: AppContext) -> None:
    view = ctx.services.objections.raise_objection(GRANT.id, "completeness", "缺少记录。")
    [change] = ctx.services.outbox.waiting()
    with pytest.raises(KnownError) as caught:
        ctx.services.objections.discard_refused(change.seq)  # waiting, not refused
    assert caught.value.code is ErrorCode.OBJECTION_NOT_REFUSED
    with ctx.database.write() as session:
        OutboxQueue(session).fail(change.seq, OutboxStatus.FAILED, 422, "unknown_grant")
        ObjectionRepository(session).refused(view.objection.id)
    [change] = ctx.services.outbox.waiting()
    assert change.discardable and change.name == "101001/000001"
    with pytest.raises(KnownError):
        ctx.services.share_requests.discard_refused(change.seq)  # not a share request's
    assert ctx.services.objections.discard_refused(change.seq) == view.objection.id
    assert ctx.services.outbox.waiting() == []
