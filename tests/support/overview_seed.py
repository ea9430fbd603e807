"""A store seeded with every kind of record the 概览 counts, through the real services and
repositories (as a sync would write them): shared by the service and the page tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.entities import (
    Classification,
    DataItem,
    Grant,
    GrantedItem,
    Objection,
    Resource,
    ShareRequest,
)
from govshare_desktop.domain.enums import (
    ObjectionAspect,
    ObjectionState,
    OutboxStatus,
    ShareRequestState,
)
from govshare_desktop.domain.identity import Identity
from govshare_desktop.domain.notices import Notice
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.store.models import SyncOutboxRow
from govshare_desktop.store.repositories.grants import GrantRepository
from govshare_desktop.store.repositories.notices import NoticeRepository
from govshare_desktop.store.repositories.objections import ObjectionRepository
from govshare_desktop.store.repositories.outbox import OutboxQueue
from govshare_desktop.store.repositories.resources import ResourceRepository
from govshare_desktop.store.repositories.share_requests import ShareRequestRepository

UNIT = "SJZ-GA"
OFFICER = Identity(officer="ga-officer", unit_code=UNIT, roles=frozenset({"requester", "provider"}))
NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
TODAY = date(2026, 12, 3)
S = ShareRequestState


def valid(name: str, seq: int, items: int = 1) -> Resource:
    return Resource(
        name=name, unit_code=UNIT, classification=Classification("3", "01", "001"),
        code=f"301001/{seq:06d}", provider_name="石家庄市公安局",
        provider_code="91350100M000100Y43", abstract=f"{name}的摘要",
        format_category="database", share_type="unconditional", open_to_society=False,
        update_cycle="daily",
        data_items=tuple(DataItem(f"信息项{i}", "C", 18) for i in range(items)),
    )  # fmt: skip


def request(rid: str, state: ShareRequestState, **fields: object) -> ShareRequest:
    base = ShareRequest(
        id=rid, requester_unit_code="SJZ-MZ", provider_unit_code=UNIT,
        authority_unit_code="SJZ-XXGX", resource_code=f"10{1 + rid.startswith('r-out')}001/{rid[-5:]:0>6}",
        purpose="核验身份。", data_item_names=("姓名",), state=state, allowed_actions=(),
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def grant(gid: str, valid_to: date | None, **fields: object) -> Grant:
    base = Grant(
        id=gid, request_id=None, grantee_unit_code=UNIT, provider_unit_code="SJZ-MZ",
        authority_unit_code="SJZ-XXGX", resource_id=f"res-{gid[-4:]}",
        resource_code=f"201001/{gid[-6:]}", resource_name=f"低保对象{gid[-2:]}",
        data_items=(GrantedItem("it-1", "姓名", "C"),), purpose="核验。",
        valid_from=date(2026, 1, 1), valid_to=valid_to, granted_at=datetime(2026, 1, 1),
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def objection(oid: str, state: ObjectionState, **fields: object) -> Objection:
    base = Objection(
        id=oid, grant_id="g-0000000001", aspect=ObjectionAspect.ACCURACY,
        description="第3行有误。", raiser_unit_code="SJZ-MZ", provider_unit_code=UNIT,
        resource_code="301001/000001", data_item_name="姓名", state=state,
        raised_at=datetime(2026, 12, 1, 8),
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def seed(ctx: AppContext) -> dict[str, str]:
    """Every kind of figure and to-do, a few of each; returns the ids tests open."""
    ctx.services.runtime.identity.set(OFFICER)
    catalog = ctx.services.catalog
    first = catalog.save(valid("常住人口信息", 1, items=3))
    catalog.save(valid("户籍迁移信息", 2, items=2))
    gone = catalog.save(valid("已删除资源", 9))
    catalog.delete(gone.id)
    version = ctx.services.filing.submit(UNIT)
    ctx.services.filing.record_decision(
        version.id, filed=False, comment="摘要不完整，请补充。", actor="主管部门"
    )
    catalog.save(replace(valid("暂住信息", 3), abstract=""))  # an error: no abstract
    # a conflict: the platform changed the abstract this PC changed too
    clash = catalog.save(valid("出入境信息", 4))
    with ctx.database.write() as session:
        session.execute(update(SyncOutboxRow).values(status=OutboxStatus.DONE.value))
        repo = ResourceRepository(session)
        current = repo.get(clash.id)
        assert current is not None
        repo.store_remote(current, 1)
    catalog.save(replace(clash, abstract="本机改的摘要"))
    with ctx.database.write() as session:
        ResourceRepository(session).store_remote(replace(clash, abstract="平台上的摘要"), 2)

    served = [
        # incoming (this unit provides): two to answer, one of them overdue
        request("r-in-000001", S.SUBMITTED, allowed_actions=("agree", "decline")),
        request(
            "r-in-000002",
            S.EXPLANATION_REQUESTED,
            explanation_due=TODAY - timedelta(days=2),
            allowed_actions=("explain", "dispute_secrecy"),
        ),
        request(
            "r-in-000003",
            S.EXPLANATION_REQUESTED,
            explanation_due=TODAY + timedelta(days=5),
            allowed_actions=("explain",),
        ),
        request("r-in-000004", S.GRANTED),
        request("r-in-000005", S.AGREED, allowed_actions=("dispute_secrecy",)),  # on offer only
        # outgoing (this unit asks)
        request(
            "r-out-00001",
            S.SUBMITTED,
            requester_unit_code=UNIT,
            provider_unit_code="SJZ-MZ",
            allowed_actions=("withdraw",),
        ),
        request(
            "r-out-00002",
            S.AGREED,
            requester_unit_code=UNIT,
            provider_unit_code="SJZ-MZ",
            allowed_actions=("file", "withdraw"),
        ),
        request(
            "r-out-00003",
            S.DECLINED,
            requester_unit_code=UNIT,
            provider_unit_code="SJZ-MZ",
            allowed_actions=("apply",),
        ),
        # another units' request: not ours
        request(
            "r-other-001",
            S.SUBMITTED,
            requester_unit_code="SJZ-X",
            provider_unit_code="SJZ-Y",
            allowed_actions=("agree",),
        ),
    ]
    with ctx.database.write() as session:
        repo = ShareRequestRepository(session)
        for item in served:
            repo.store_remote(item, 1)
        grants = GrantRepository(session)
        grants.store_remote(grant("g-0000000001", TODAY + timedelta(days=300)), 1)
        grants.store_remote(grant("g-0000000002", TODAY + timedelta(days=10)), 1)
        grants.store_remote(grant("g-0000000003", TODAY + timedelta(days=30)), 1)
        grants.store_remote(grant("g-0000000004", TODAY - timedelta(days=3)), 1)
        grants.store_remote(grant("g-0000000005", None, revoked_at=datetime(2026, 11, 1)), 1)
        grants.store_remote(grant("g-0000000006", None, grantee_unit_code="SJZ-X"), 1)
        objections = ObjectionRepository(session)
        objections.store_remote(objection("o-in-000001", ObjectionState.SUBMITTED), 1)
        objections.store_remote(objection("o-in-000002", ObjectionState.CORRECTED), 1)
        objections.store_remote(
            objection("o-out-00001", ObjectionState.SUBMITTED, raiser_unit_code=UNIT,
                      provider_unit_code="SJZ-MZ"), 1)  # fmt: skip
        notices = NoticeRepository(session)  # 通报: two unread (to-dos), one read
        issued = datetime(2026, 12, 1, 1, 0)
        notices.store_remote(Notice("n-000000001", "关于共享申请办理超期的通报", "请尽快办理。",
                                    issued, issuer_unit_code="SJZ-X"), 1)  # fmt: skip
        notices.store_remote(Notice("n-000000002", "关于目录备案的通报", "请补充摘要。",
                                    issued + timedelta(hours=1), issuer_unit_code="SJZ-X"), 1)  # fmt: skip
        notices.store_remote(Notice("n-000000003", "已读的通报", "无。", issued - timedelta(days=9),
                                    issuer_unit_code="SJZ-X", read_at=issued,
                                    read_by="mz-officer"), 1)  # fmt: skip
    # this unit's own draft, submitted: two ops; the platform refused the submit
    draft = ctx.services.share_requests.new_draft("SJZ-MZ", "201001/000001", ["姓名"], "核验。")
    ctx.services.share_requests.take_step(draft.id, RequestAction.SUBMIT, "请予支持。")
    with ctx.database.write() as session:
        queue = OutboxQueue(session)
        ops = session.query(SyncOutboxRow).filter_by(entity_id=draft.id).all()
        step = max(op.seq for op in ops)
        queue.fail(step, OutboxStatus.FAILED, 409, "状态已变")
    return {"request": "r-in-000002", "grant": "g-0000000002", "objection": "o-in-000001",
            "resource": first.id, "conflict_resource": clash.id, "draft": draft.id,
            "notice": "n-000000001"}  # fmt: skip
