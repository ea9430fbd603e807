"""Objections (异议, Art. 16) and the grants they stand on, on the product's own path: the
requester's and the provider's data directories signed in with the product's sign-in, each
syncing with `ctx.services.sync.run_once()` against the real reference platform, through a
front that can take the link down or lose an answer (tests/support/proxy.py).

The grant objected to is the seed's: SJZ-MZ (mz-requester) holds one on SJZ-GA's
101001/000001 (公民身份号码, 姓名, 户籍地址); ga-provider answers for SJZ-GA.
"""

from __future__ import annotations

import uuid

import pytest

from govshare_desktop.domain.entities import Grant
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionState, OutboxOp, SyncState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.objections import ObjectionDirection, ObjectionView
from govshare_desktop.domain.sync_result import SyncOutcome
from govshare_desktop.services.objections.service import ObjectionService
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc, govshare

St = ObjectionState
RESIDENTS = "101001/000001"


def objections_of(pc: OfficerPc) -> ObjectionService:
    return pc.ctx.services.objections


def seen(pc: OfficerPc, oid: str) -> ObjectionView:
    view = objections_of(pc).get(oid)
    assert view is not None, oid
    return view


def synced(pc: OfficerPc) -> None:
    result = pc.sync()
    assert result.complete, result
    assert result.refused == 0, pc.ctx.services.outbox.waiting()


def residents_grant(pc: OfficerPc) -> Grant:
    held = [g for g in objections_of(pc).grants() if g.resource_code == RESIDENTS]
    live = [g for g in held if not g.revoked]
    assert live, held
    return live[0]


def on_platform(platform: Platform, username: str, oid: str) -> dict[str, object]:
    response = platform.login(username).get(f"/objections/{oid}")
    assert response.status_code == 200, response.text
    document: dict[str, object] = response.json()
    return document


def answered_offline_by_the_provider(provider: OfficerPc, proxy: Proxy, oid: str) -> None:
    """The provider's PC receives the objection, answers it offline, sends it once."""
    synced(provider)  # the provider's PC receives it, named from the grant it provides
    [theirs] = [v for v in objections_of(provider).objections(ObjectionDirection.INCOMING)
                if v.objection.id == oid]  # fmt: skip
    assert (theirs.objection.resource_code, theirs.objection.data_item_name) == (RESIDENTS, "姓名")
    assert theirs.objection.description == "第12、37行姓名有错别字，请核实更正。"
    assert theirs.answerable
    assert oid not in [v.objection.id for v in objections_of(provider).objections(
        ObjectionDirection.OUTGOING)]  # fmt: skip
    proxy.add("refuse", count=None)  # the provider answers offline
    answered = objections_of(provider).answer(oid, "corrected", "已核实并更正第12、37行。")
    assert answered.answer_queued and not answered.answerable
    assert [(q.action, q.outcome) for q in answered.queued] == [("answer", "corrected")]
    with pytest.raises(KnownError) as caught:
        objections_of(provider).answer(oid, "rejected", "再答一次。")
    assert caught.value.code is ErrorCode.OBJECTION_NOT_ANSWERABLE
    assert provider.sync().outcome is SyncOutcome.OFFLINE
    proxy.clear()
    synced(provider)
    posts = [c for c in proxy.calls if c.method == "POST" and c.path.endswith(f"{oid}/answer")]
    assert len(posts) == 1
    assert seen(provider, oid).objection.state is St.CORRECTED


def test_raised_offline_sent_on_reconnect_answered_by_the_provider_and_taken_back(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    synced(requester)  # the grants come with the feed
    grant = residents_grant(requester)
    assert grant.grantee_unit_code == "SJZ-MZ" and grant.provider_unit_code == "SJZ-GA"
    assert grant.data_item_names == ("公民身份号码", "姓名", "户籍地址")
    assert grant.allow_offline_cache and grant.authority_unit_code == "SJZ-XXGX"

    proxy.add("refuse", count=None)  # the link is down while the officer writes it
    mine = objections_of(requester)
    with pytest.raises(KnownError) as caught:
        mine.raise_objection(grant.id, "accuracy", "姓名有误。", data_item="婚姻状况")
    assert caught.value.code is ErrorCode.OBJECTION_ITEM_NOT_GRANTED
    view = mine.raise_objection(
        grant.id, ObjectionAspect.ACCURACY, "第12、37行姓名有错别字，请核实更正。", data_item="姓名"
    )
    oid = view.objection.id
    assert (view.objection.state, view.sync_state) == (St.DRAFT, SyncState.PENDING)
    assert view.direction is ObjectionDirection.OUTGOING
    assert [(q.action, q.refused) for q in view.queued] == [("raise", False)]
    assert requester.sync().outcome is SyncOutcome.OFFLINE
    proxy.clear()  # reconnected
    synced(requester)
    assert requester.waiting() == {}
    view = seen(requester, oid)
    assert (view.objection.state, view.sync_state, view.queued) == (
        St.SUBMITTED, SyncState.SYNCED, (),
    )  # fmt: skip
    assert (view.objection.raised_by, view.objection.data_item_name) == ("mz-requester", "姓名")
    puts = [c for c in proxy.calls if c.method == "PUT" and oid in c.path]
    assert len(puts) == 1
    served = on_platform(platform, "mz-requester", oid)
    assert (served["aspect"], served["state"], served["grant_id"]) == (
        "accuracy", "submitted", grant.id,
    )  # fmt: skip

    answered_offline_by_the_provider(provider, proxy, oid)

    synced(requester)  # the raiser takes in the answer
    view = seen(requester, oid)
    assert (view.objection.state, view.objection.answer, view.objection.answered_by) == (
        St.CORRECTED, "已核实并更正第12、37行。", "ga-provider",
    )  # fmt: skip
    assert view.objection.answered_at is not None and view.sync_state is SyncState.SYNCED
    listed = govshare("objections", "list", "--direction", "out", "--json",
                      "--home", str(requester.home))  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert oid in listed.stdout and "corrected" in listed.stdout


def test_a_raise_and_an_answer_whose_replies_were_lost_are_resent_and_applied_once(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    synced(requester)
    grant = residents_grant(requester)
    oid = (
        objections_of(requester)
        .raise_objection(grant.id, "timeliness", "户籍迁出后地址未更新。", data_item="户籍地址")
        .objection.id
    )
    proxy.add("drop", f"/api/v1/objections/{oid}", method="PUT")
    assert requester.sync().outcome is SyncOutcome.OFFLINE
    assert on_platform(platform, "mz-requester", oid)["state"] == "submitted"  # it happened
    synced(requester)  # the same key: the platform replays its answer, no 412
    puts = [c.status for c in proxy.calls if c.method == "PUT" and oid in c.path]
    assert puts == [201, 201]  # sent twice, applied once
    assert seen(requester, oid).objection.state is St.SUBMITTED
    assert requester.waiting() == {}

    synced(provider)
    objections_of(provider).answer(oid, "accepted", "情况属实，将于本周更新。")
    proxy.clear()
    proxy.add("drop", f"/api/v1/objections/{oid}/answer", method="POST")
    assert provider.sync().outcome is SyncOutcome.OFFLINE
    synced(provider)  # resent with its key: replayed, not a 409 "already answered"
    posts = [c.status for c in proxy.calls if c.method == "POST" and oid in c.path]
    assert posts == [200, 200]
    assert seen(provider, oid).objection.state is St.ACCEPTED
    served = on_platform(platform, "ga-provider", oid)
    assert (served["state"], served["version"]) == ("accepted", 2)  # answered once


def test_an_answer_refused_because_a_colleague_answered_first_is_resolvable(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    synced(requester)
    grant = residents_grant(requester)
    oid = (
        objections_of(requester)
        .raise_objection(grant.id, "completeness", "缺少2020年以前的记录。")
        .objection.id
    )
    synced(requester)
    synced(provider)
    objections_of(provider).answer(oid, "rejected", "2020年以前的记录不在共享范围。")
    web = platform.login("ga-provider")  # meanwhile a colleague answered on the web pages
    answered = web.post(f"/objections/{oid}/answer",
                        json={"outcome": "accepted", "text": "将补充。"})  # fmt: skip
    assert answered.status_code == 200, answered.text
    proxy.clear()
    result = provider.sync()
    assert (result.outcome, result.refused) == (SyncOutcome.DONE, 1)
    [refused] = [c for c in provider.ctx.services.outbox.waiting() if c.refused]
    assert (refused.entity_type, refused.op, refused.http_status, refused.discardable) == (
        "objection", OutboxOp.STEP, 409, True,
    )  # fmt: skip
    assert refused.name == RESIDENTS  # the resource (no data item named)
    view = seen(provider, oid)  # the platform's answer won; the refusal is on record
    assert (view.objection.state, view.sync_state) == (St.ACCEPTED, SyncState.REJECTED)
    assert [(q.action, q.refused, q.http_status) for q in view.queued] == [("answer", True, 409)]
    with pytest.raises(KnownError) as caught:
        objections_of(provider).discard_refused(refused.seq + 10_000)
    assert caught.value.code is ErrorCode.OBJECTION_NOT_REFUSED
    assert objections_of(provider).discard_refused(refused.seq) == oid
    assert seen(provider, oid).sync_state is SyncState.SYNCED
    assert provider.ctx.services.outbox.waiting() == []


def test_a_revoked_grant_arrives_revoked_and_still_takes_objections(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    """The seed revoked SJZ-GA's grant on SJZ-MZ's 305001/000001: the feed says so; its
    data was received, so an objection may still be raised about it (as the platform says)."""
    requester = officer("ga-requester", "ga")
    synced(requester)
    [revoked] = [g for g in objections_of(requester).grants() if g.resource_code == "305001/000001"]
    assert revoked.revoked and revoked.revocation_reason.startswith("监测发现")
    view = objections_of(requester).raise_objection(revoked.id, "accuracy", "登记日期有误。")
    synced(requester)
    assert seen(requester, view.objection.id).objection.state is St.SUBMITTED


def granted_on_the_web(platform: Platform) -> str:
    """A new grant to SJZ-MZ on SJZ-GA's vehicles, through the Art. 13 steps on the web."""
    rid = str(uuid.uuid4())
    requester, provider = platform.login("mz-requester"), platform.login("ga-provider")
    body = {"provider_unit_code": "SJZ-GA", "resource_code": "303001/000001",
            "data_items": ["号牌号码", "车辆类型"], "purpose": "救助对象车辆核查。"}  # fmt: skip
    made = requester.put(f"/share-requests/{rid}", json=body, headers={"If-None-Match": "*"})
    assert made.status_code == 201, made.text
    for who, action in ((requester, "submit"), (provider, "agree"), (requester, "file")):
        assert who.post(f"/share-requests/{rid}/{action}", json={}).status_code == 200
    granted = platform.login("sjz-authority").post(f"/share-requests/{rid}/grant", json={})
    assert granted.status_code == 200, granted.text
    return str(granted.json()["grant_id"])


def test_a_grant_revoked_after_it_was_taken_in_is_marked_revoked_at_the_next_pull(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    grant_id = granted_on_the_web(platform)
    synced(requester)
    [held] = [g for g in objections_of(requester).grants() if g.id == grant_id]
    assert not held.revoked and held.data_item_names == ("号牌号码", "车辆类型")
    revoked = platform.login("sjz-authority").post(
        f"/grants/{grant_id}/revoke", json={"text": "超出授权用途使用。"}
    )
    assert revoked.status_code == 200, revoked.text
    synced(requester)
    [held] = [g for g in objections_of(requester).grants() if g.id == grant_id]
    assert held.revoked and held.revocation_reason == "超出授权用途使用。"
    assert held.revoked_by == "sjz-authority"


def test_a_resync_takes_the_grants_and_objections_in_again(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    provider = officer("ga-provider", "ga")
    synced(provider)  # it holds a cursor now
    platform.fault(action="rotate_epoch")  # restored from a backup: every cursor is void
    proxy.clear()
    try:
        result = provider.sync()
    finally:
        platform.clear_faults()
    assert result.complete and result.resynced, result
    paths = [(c.method, c.path) for c in proxy.calls]
    assert ("GET", "/api/v1/grants") in paths and ("GET", "/api/v1/objections") in paths
    incoming = objections_of(provider).objections(ObjectionDirection.INCOMING)
    assert incoming and all(v.objection.resource_code for v in incoming)
