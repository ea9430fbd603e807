"""The share-request codec (govshare_desktop/platform/wire/share_requests.py) round-tripped
through the real reference server: a draft as the client sends it is what the contract
accepts and reads back as the same content; every served field is read, the history and
the viewing unit's allowed actions included. Responses are checked against openapi.yaml."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from govshare_desktop.domain.entities import ShareRequest
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.share_requests import content_of
from govshare_desktop.platform.wire import share_requests as wire
from tests.platform.conftest import Client, Platform
from tests.platform.workflow import ok


def a_draft() -> ShareRequest:
    return ShareRequest(
        requester_unit_code="SJZ-MZ",  # the platform takes it from the officer: never sent
        provider_unit_code="SJZ-GA",
        resource_code="101001/000001",
        data_item_names=("公民身份号码", "姓名"),
        purpose="婚姻登记时核验当事人身份。",
        legal_basis="《婚姻登记条例》第七条",
        share_method="platform_interface",
        use_from=date(2027, 1, 1),
        use_until=date(2027, 12, 31),
        contact_name="陈晨",
        contact_phone="0311-12345678",
    )


def put(client: Client, request: ShareRequest) -> dict[str, object]:
    response = client.put(
        f"/share-requests/{request.id}",
        json=wire.create_to_wire(content_of(request)),
        headers={"If-None-Match": "*", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 201, response.text
    document: dict[str, object] = response.json()
    return document


def test_a_draft_created_and_read_back_is_the_same_content(platform: Platform) -> None:
    requester = platform.login("mz-requester")
    draft = a_draft()
    put(requester, draft)
    back, version = wire.from_wire(requester.get(f"/share-requests/{draft.id}").json())
    assert version == 1
    assert content_of(back) == content_of(draft)
    assert back.requester_unit_code == "SJZ-MZ"
    assert back.authority_unit_code == "SJZ-XXGX"  # the requester's competent authority
    assert back.state is ShareRequestState.DRAFT
    assert back.allowed_actions == ("submit", "withdraw")
    assert [(e.seq, e.action, e.actor, e.actor_unit_code) for e in back.events] == [
        (1, "create", "mz-requester", "SJZ-MZ")
    ]
    assert back.events[0].to_state is ShareRequestState.DRAFT
    assert back.created_by == "mz-requester"
    assert back.server_updated_at is not None


def test_a_patch_of_changed_fields_and_a_step_read_back(platform: Platform) -> None:
    requester, provider = platform.login("mz-requester"), platform.login("ga-provider")
    draft = a_draft()
    put(requester, draft)
    patched = requester.patch(
        f"/share-requests/{draft.id}",
        json=wire.patch_to_wire({"data_items": ["公民身份号码"], "purpose": "只核验身份号码。"}),
        headers={"If-Match": '"v1"'},
    )
    assert patched.status_code == 200, patched.text
    back, version = wire.from_wire(patched.json())
    assert (version, back.data_item_names, back.purpose) == (
        2,
        ("公民身份号码",),
        "只核验身份号码。",
    )
    assert back.use_from == date(2027, 1, 1)  # what the patch did not name stays
    cleared = requester.patch(
        f"/share-requests/{draft.id}",
        json=wire.patch_to_wire({"use_from": None, "share_method": "", "contact_phone": "110"}),
        headers={"If-Match": '"v2"'},
    )
    assert cleared.status_code == 200, cleared.text
    back, version = wire.from_wire(cleared.json())
    assert (version, back.use_from, back.use_until, back.share_method, back.contact_phone) == (
        3, None, date(2027, 12, 31), "", "110",
    )  # fmt: skip
    ok(requester, draft.id, "submit", wire.step_to_wire({"text": "请予支持。"}))
    declined = ok(provider, draft.id, "decline", wire.step_to_wire({"text": "涉及个人隐私。"}))
    seen, _ = wire.from_wire(declined)  # as the provider's unit sees it
    assert seen.state is ShareRequestState.DECLINED
    assert seen.allowed_actions == ("dispute-secrecy",)  # all the provider may do now
    last = seen.events[-1]
    assert (last.action, last.text, last.actor_unit_code) == ("decline", "涉及个人隐私。", "SJZ-GA")
    assert (last.from_state, last.to_state) == (
        ShareRequestState.SUBMITTED, ShareRequestState.DECLINED,
    )  # fmt: skip
    mine, _ = wire.from_wire(requester.get(f"/share-requests/{draft.id}").json())
    assert mine.allowed_actions == ("apply", "withdraw")


def test_a_period_of_use_ending_before_it_begins_is_refused(platform: Platform) -> None:
    requester = platform.login("mz-requester")
    draft = replace(a_draft(), use_from=date(2027, 6, 1), use_until=date(2027, 5, 31))
    response = requester.put(
        f"/share-requests/{draft.id}",
        json=wire.create_to_wire(content_of(draft)),
        headers={"If-None-Match": "*"},
    )
    assert response.status_code == 422, response.text
