"""Share requests (Art. 13) on the product's own path: three data directories signed in with
the product's sign-in (the requester's unit, the provider's, the authority's), each syncing
with `ctx.services.sync.run_once()` against the real reference platform, through a front
that can take the link down (tests/support/proxy.py).

What the officer does goes through `ctx.services.share_requests`; what the platform holds
is read over HTTP with the officers' own tokens.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from govshare_desktop.domain.enums import OutboxOp, ShareRequestState, SyncState
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.outbox import WaitingChange
from govshare_desktop.domain.share_requests import Direction, ShareRequestView
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.domain.sync_result import SyncOutcome
from govshare_desktop.services.share_requests.service import ShareRequestService
from tests.platform.conftest import Platform
from tests.support.proxy import Proxy
from tests.sync.conftest import OpenOfficer
from tests.sync.officer import OfficerPc, govshare

S, A = ShareRequestState, RequestAction
RESIDENTS = ("SJZ-GA", "101001/000001", ["公民身份号码", "姓名"], "婚姻登记时核验当事人身份。")
VEHICLES = ("SJZ-GA", "303001/000001", ["号牌号码", "车辆类型"], "信用监管。")


def requests_of(pc: OfficerPc) -> ShareRequestService:
    return pc.ctx.services.share_requests


def seen(pc: OfficerPc, rid: str) -> ShareRequestView:
    view = requests_of(pc).get(rid)
    assert view is not None, rid
    return view


def synced(pc: OfficerPc) -> None:
    result = pc.sync()
    assert result.complete, result
    assert result.refused == 0, pc.ctx.services.outbox.waiting()


def on_platform(platform: Platform, username: str, rid: str) -> dict[str, object]:
    response = platform.login(username).get(f"/share-requests/{rid}")
    assert response.status_code == 200, response.text
    document: dict[str, object] = response.json()
    return document


def drafted_offline_and_sent_on_reconnect(requester: OfficerPc, proxy: Proxy) -> str:
    """The requester drafts, edits and submits with the link down, then reconnects."""
    proxy.add("refuse", count=None)
    mine = requests_of(requester)
    draft = mine.new_draft(
        *RESIDENTS, share_method="platform_interface", use_from=date(2027, 1, 1),
        use_until=date(2027, 12, 31), contact_name="陈晨", contact_phone="0311-87654321",
    )  # fmt: skip
    mine.edit_draft(draft.id, purpose="婚姻登记时核验当事人身份（离线修改）。")
    view = mine.take_step(draft.id, A.SUBMIT, "请予支持。")
    assert view.request.state is S.DRAFT  # the platform has not said anything yet
    assert [(s.action, s.refused) for s in view.queued] == [(A.SUBMIT, False)]
    assert view.actions == (A.WITHDRAW,)  # from where the queued submit leads
    with pytest.raises(KnownError) as caught:
        mine.edit_draft(draft.id, purpose="提交之后不能再改。")
    assert caught.value.code is ErrorCode.REQUEST_NOT_EDITABLE
    with pytest.raises(KnownError) as caught:
        mine.take_step(draft.id, A.SUBMIT)
    assert caught.value.code is ErrorCode.REQUEST_STEP_NOT_ALLOWED
    offline = requester.sync()
    assert offline.outcome is SyncOutcome.OFFLINE
    # the create was tried (and stays in flight: resent with its key), the submit waits
    assert requester.waiting() == {"in_flight": 1, "pending": 1}

    proxy.clear()  # reconnected
    synced(requester)
    assert requester.waiting() == {}
    view = seen(requester, draft.id)
    assert (view.request.state, view.sync_state, view.queued) == (S.SUBMITTED, SyncState.SYNCED, ())
    assert view.request.purpose == "婚姻登记时核验当事人身份（离线修改）。"
    assert view.request.authority_unit_code == "SJZ-XXGX"
    assert (view.request.share_method, view.request.use_until, view.request.contact_name) == (
        "platform_interface", date(2027, 12, 31), "陈晨",
    )  # fmt: skip
    puts = [c for c in proxy.calls if c.method == "PUT" and draft.id in c.path]
    posts = [c for c in proxy.calls if c.method == "POST" and c.path.endswith("/submit")]
    assert (len(puts), len(posts)) == (1, 1)  # each sent once
    return draft.id


def test_drafted_offline_submitted_on_reconnect_agreed_filed_and_granted(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    authority = officer("sjz-authority", "authority")
    rid = drafted_offline_and_sent_on_reconnect(requester, proxy)
    mine = requests_of(requester)

    synced(provider)  # the provider's PC receives it as an incoming request
    incoming = requests_of(provider).requests(Direction.INCOMING, S.SUBMITTED)
    assert rid in [v.request.id for v in incoming]
    assert rid not in [v.request.id for v in requests_of(provider).requests(Direction.OUTGOING)]
    theirs = seen(provider, rid)
    assert (theirs.request.use_from, theirs.request.contact_phone) == (
        date(2027, 1, 1), "0311-87654321",
    )  # fmt: skip
    assert theirs.request.allowed_actions == ("agree", "decline", "dispute-secrecy")
    assert theirs.actions == (A.AGREE, A.DECLINE, A.DISPUTE_SECRECY)
    assert [e.action for e in theirs.request.events] == ["create", "submit"]
    requests_of(provider).take_step(rid, A.AGREE, "同意按申请共享。")
    synced(provider)
    assert seen(provider, rid).request.state is S.AGREED

    synced(requester)
    assert seen(requester, rid).actions == (A.FILE, A.WITHDRAW)
    mine.take_step(rid, A.FILE)
    synced(requester)

    synced(authority)
    before_it = requests_of(authority).requests(Direction.AUTHORITY, S.FILED)
    assert rid in [v.request.id for v in before_it]
    requests_of(authority).take_step(rid, A.GRANT, "准予共享。")
    synced(authority)

    synced(requester)  # the requester takes in the state and the whole history
    view = seen(requester, rid)
    assert view.request.state is S.GRANTED and view.request.grant_id
    history = [(e.action, e.actor, e.from_state, e.to_state) for e in view.request.events]
    assert history == [
        ("create", "mz-requester", None, S.DRAFT),
        ("submit", "mz-requester", S.DRAFT, S.SUBMITTED),
        ("agree", "ga-provider", S.SUBMITTED, S.AGREED),
        ("file", "mz-requester", S.AGREED, S.FILED),
        ("grant", "sjz-authority", S.FILED, S.GRANTED),
    ]
    assert view.request.events[2].text == "同意按申请共享。"
    assert view.actions == () and view.sync_state is SyncState.SYNCED
    served = on_platform(platform, "mz-requester", rid)
    assert (served["state"], served["version"]) == ("granted", view.server_version)
    shown = govshare("requests", "show", rid, "--json", "--home", str(requester.home))
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    assert document["state"] == "granted" and document["grant_id"] == view.request.grant_id
    assert [e["actor"] for e in document["events"]][-1] == "sjz-authority"


def refused_entries(pc: OfficerPc) -> list[WaitingChange]:
    return [c for c in pc.ctx.services.outbox.waiting() if c.refused]


def test_a_step_refused_because_the_state_moved_on_is_resolvable_and_holds_up_nothing_else(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    mine = requests_of(requester)
    first = mine.new_draft(*RESIDENTS)
    second = mine.new_draft(*VEHICLES)
    mine.take_step(first.id, A.SUBMIT)
    mine.take_step(second.id, A.SUBMIT)
    synced(requester)
    synced(provider)

    # The provider answers both while offline: first the one the requester will withdraw.
    theirs = requests_of(provider)
    theirs.take_step(first.id, A.AGREE, "同意。")
    theirs.take_step(second.id, A.DECLINE, "不属于法定职责。")
    mine.take_step(first.id, A.WITHDRAW, "不再需要。")
    synced(requester)  # meanwhile the requester withdraws the first

    proxy.clear()
    result = provider.sync()
    assert result.outcome is SyncOutcome.DONE
    assert (result.sent, result.refused, result.failed) == (1, 1, 1)
    assert seen(provider, second.id).request.state is S.DECLINED  # the later op still went
    [refused] = refused_entries(provider)
    assert (refused.entity_type, refused.entity_id, refused.op) == (
        "share_request", first.id, OutboxOp.STEP,
    )  # fmt: skip
    assert (refused.step, refused.http_status, refused.discardable) == ("agree", 409, True)
    assert "withdrawn" in refused.error  # the platform's own words
    assert refused.name == "SJZ-GA 101001/000001"
    view = seen(provider, first.id)  # the platform's state won; the refusal is on record
    assert view.request.state is S.WITHDRAWN and view.sync_state is SyncState.REJECTED
    assert [(s.action, s.refused, s.http_status) for s in view.queued] == [(A.AGREE, True, 409)]
    assert view.actions == ()

    proxy.clear()
    again = provider.sync()  # a refused step is never sent again by itself
    assert again.outcome is SyncOutcome.DONE and again.sent == 0 and again.failed == 1
    assert not [c for c in proxy.calls if c.method == "POST"]

    with pytest.raises(KnownError) as caught:
        theirs.discard_refused(refused.seq + 10_000)
    assert caught.value.code is ErrorCode.REQUEST_NOT_REFUSED
    assert theirs.discard_refused(refused.seq) == first.id
    assert provider.ctx.services.outbox.waiting() == []
    view = seen(provider, first.id)
    assert (view.sync_state, view.queued) == (SyncState.SYNCED, ())
    assert provider.sync().complete
    assert on_platform(platform, "ga-provider", first.id)["state"] == "withdrawn"


def step_posts(proxy: Proxy) -> list[str]:
    """The steps a cycle posted (the audit log's upload after the pull left out)."""
    return [
        c.path.rsplit("/", 1)[-1]
        for c in proxy.calls
        if c.method == "POST" and not c.path.endswith("/audit-events")
    ]


def test_the_ops_after_a_refused_step_of_the_same_request_wait_for_the_officer(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    """One request's ops go in order: what was queued after a refused step waits until the
    officer discards it, then goes (and the platform judges it on the state it has then)."""
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    mine = requests_of(requester)
    request = mine.new_draft(*VEHICLES)
    mine.take_step(request.id, A.SUBMIT)
    synced(requester)
    synced(provider)
    requests_of(provider).take_step(request.id, A.DECLINE, "涉及个人隐私。")
    synced(provider)
    synced(requester)
    mine.take_step(request.id, A.APPLY, "申请主管部门协调。")  # offline, two steps queued
    mine.take_step(request.id, A.WITHDRAW, "已另行解决。")
    # Meanwhile a colleague of the unit withdrew it on the platform's web pages.
    web = platform.login("mz-requester")
    assert web.post(f"/share-requests/{request.id}/withdraw", json={}).status_code == 200

    proxy.clear()
    result = requester.sync()
    assert (result.sent, result.refused) == (0, 1)
    posts = step_posts(proxy)
    assert posts == ["apply"]  # the withdrawal queued after it was held back
    view = seen(requester, request.id)
    assert view.request.state is S.WITHDRAWN
    assert [(s.action, s.refused) for s in view.queued] == [(A.APPLY, True), (A.WITHDRAW, False)]
    [refused] = refused_entries(requester)
    mine.discard_refused(refused.seq)

    proxy.clear()
    result = requester.sync()  # now the withdrawal goes, and meets the state as it is
    posts = step_posts(proxy)
    assert posts == ["withdraw"] and result.refused == 1
    [refused] = refused_entries(requester)
    assert (refused.step, refused.http_status) == ("withdraw", 409)


def test_a_draft_edited_after_it_reached_the_platform_goes_as_a_patch_and_merges(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    mine = requests_of(requester)
    draft = mine.new_draft(*RESIDENTS)
    synced(requester)
    mine.edit_draft(draft.id, data_item_names=["公民身份号码"], legal_basis="《婚姻登记条例》")
    synced(requester)
    served = on_platform(platform, "mz-requester", draft.id)
    assert (served["version"], served["data_items"], served["legal_basis"]) == (
        2, ["公民身份号码"], "《婚姻登记条例》",
    )  # fmt: skip
    # a colleague changes the purpose on the platform's web pages meanwhile: our next
    # edit meets a newer version (412) and is merged onto it, field by field
    web = platform.login("mz-requester")
    changed = web.patch(f"/share-requests/{draft.id}", json={"purpose": "网页上改的用途。"},
                        headers={"If-Match": '"v2"'})  # fmt: skip
    assert changed.status_code == 200, changed.text
    mine.edit_draft(draft.id, legal_basis="《婚姻登记条例》第七条")
    proxy.clear()
    synced(requester)
    patches = [c.status for c in proxy.calls if c.method == "PATCH"]
    assert patches == [412, 200]  # refused on the old version, then sent on the new one
    served = on_platform(platform, "mz-requester", draft.id)
    assert (served["purpose"], served["legal_basis"]) == (
        "网页上改的用途。",
        "《婚姻登记条例》第七条",
    )
    view = seen(requester, draft.id)
    assert (view.request.purpose, view.request.legal_basis) == (
        "网页上改的用途。", "《婚姻登记条例》第七条",
    )  # fmt: skip
    assert (view.sync_state, view.server_version) == (SyncState.SYNCED, served["version"])
    assert requester.waiting() == {}


def test_a_step_whose_answer_was_lost_is_sent_again_with_its_key_and_applied_once(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    mine = requests_of(requester)
    draft = mine.new_draft(*RESIDENTS)
    mine.take_step(draft.id, A.SUBMIT, "请予支持。")
    proxy.add("drop", f"/api/v1/share-requests/{draft.id}/submit", method="POST")
    assert requester.sync().outcome is SyncOutcome.OFFLINE
    assert on_platform(platform, "mz-requester", draft.id)["state"] == "submitted"  # it happened
    synced(requester)  # the same key: the platform replays its answer, no 409
    submits = [e for e in seen(requester, draft.id).request.events if e.action == "submit"]
    assert len(submits) == 1
    assert requester.waiting() == {}
    posts = [c.status for c in proxy.calls if c.method == "POST" and draft.id in c.path]
    assert posts == [200, 200]  # sent twice, applied once


def test_a_resync_takes_the_requests_in_again(
    officer: OpenOfficer, proxy: Proxy, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    provider = officer("ga-provider", "ga")
    synced(provider)  # it holds a cursor now
    draft = requests_of(requester).new_draft(*RESIDENTS)
    requests_of(requester).take_step(draft.id, A.SUBMIT)
    synced(requester)
    platform.fault(action="rotate_epoch")  # restored from a backup: every cursor is void
    proxy.clear()
    try:
        result = provider.sync()
    finally:
        platform.clear_faults()
    assert result.complete and result.resynced, result
    assert ("GET", "/api/v1/share-requests") in [(c.method, c.path) for c in proxy.calls]
    assert seen(provider, draft.id).request.state is S.SUBMITTED


def test_a_draft_the_platform_refused_goes_again_once_the_officer_corrects_it(
    officer: OpenOfficer, platform: Platform
) -> None:
    requester = officer("mz-requester", "mz")
    mine = requests_of(requester)
    draft = mine.new_draft("SJZ-GA", "999999/000001", ["姓名"], "核验身份。")
    result = requester.sync()
    assert (result.outcome, result.refused) == (SyncOutcome.DONE, 1)
    [refused] = refused_entries(requester)
    assert (refused.op, refused.http_status, refused.discardable) == (OutboxOp.CREATE, 422, True)
    assert "999999/000001" in refused.error
    view = seen(requester, draft.id)
    assert view.sync_state is SyncState.REJECTED and view.editable
    mine.edit_draft(draft.id, resource_code="101001/000001")  # speaks for the refused one
    assert refused_entries(requester) == []
    synced(requester)
    assert on_platform(platform, "mz-requester", draft.id)["resource_code"] == "101001/000001"
    assert seen(requester, draft.id).sync_state is SyncState.SYNCED
