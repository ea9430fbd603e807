"""The Art. 13 workflow over real HTTP: both branches, withdrawal, escalation, secrecy, refusals."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.test_auth import assert_problem
from tests.platform.workflow import GA_RESIDENTS, GA_VEHICLES, draft, ok, step, through, today_cst

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


@pytest.fixture
def mz_req(platform: Platform) -> Client:
    return platform.login("mz-requester")


@pytest.fixture
def ga_prov(platform: Platform) -> Client:
    return platform.login("ga-provider")


@pytest.fixture
def scjg(platform: Platform) -> Client:
    return platform.login("scjg-sharing")


@pytest.fixture
def authority(platform: Platform) -> Client:
    return platform.login("sjz-authority")


def declined_and_applied(requester: Client, provider: Client) -> str:
    rid = draft(requester, GA_VEHICLES)["id"]
    through(
        [
            (requester, "submit", None),
            (provider, "decline", {"text": "不属于法定职责。"}),
            (requester, "apply", {"text": "申请主管部门协调。"}),
        ],
        rid,
    )
    return str(rid)


def test_agreed_branch_from_draft_to_grant(
    mz_req: Client, ga_prov: Client, authority: Client
) -> None:
    head = {c: c.feed_head() for c in (mz_req, ga_prov, authority)}
    request = draft(mz_req)
    rid = request["id"]
    assert request["state"] == "draft"
    assert request["authority_unit_code"] == "SJZ-XXGX"
    assert request["allowed_actions"] == ["submit", "withdraw"]
    assert_problem(ga_prov.get(f"/share-requests/{rid}"), 404, "not_found")  # a draft is private

    assert ok(mz_req, rid, "submit")["state"] == "submitted"
    assert ga_prov.get(f"/share-requests/{rid}").json()["allowed_actions"] == [
        "agree",
        "decline",
        "dispute-secrecy",
    ]
    assert_problem(authority.get(f"/share-requests/{rid}"), 404, "not_found")  # not yet involved
    ok(ga_prov, rid, "agree", {"text": "同意。"})
    ok(mz_req, rid, "file", {"text": "报请备案。"})
    terms = {"data_items": ["公民身份号码"], "allow_offline_cache": True, "valid_to": None}
    granted = ok(authority, rid, "grant", {"text": "准予。", "terms": terms})

    assert granted["state"] == "granted"
    assert [(e["action"], e["actor"], e["to_state"]) for e in granted["events"]] == [
        ("create", "mz-requester", "draft"),
        ("submit", "mz-requester", "submitted"),
        ("agree", "ga-provider", "agreed"),
        ("file", "mz-requester", "filed"),
        ("grant", "sjz-authority", "granted"),
    ]
    assert granted["events"][2]["text"] == "同意。"
    assert granted["events"][4]["details"]["grant_id"] == granted["grant_id"]
    grant = mz_req.get(f"/grants/{granted['grant_id']}").json()
    assert grant["grantee_unit_code"] == "SJZ-MZ"
    assert [c["name"] for c in grant["data_items"]] == ["公民身份号码"]
    assert grant["allow_offline_cache"] is True
    assert grant["allow_export"] is False
    assert grant["valid_from"] == today_cst().isoformat()
    assert grant["valid_to"] == (today_cst() + timedelta(days=365)).isoformat()

    for client in (mz_req, ga_prov, authority):
        feed = client.feed_since(head[client])
        assert (granted["grant_id"], "grant") in {(c["id"], c["kind"]) for c in feed}
        versions = [c["version"] for c in feed if c["id"] == rid]
        assert versions[-1] == granted["version"]
    requester_feed = mz_req.feed_since(head[mz_req])
    assert [c["version"] for c in requester_feed if c["id"] == rid] == [1, 2, 3, 4, 5]


def test_declined_branch_explanation_and_coordination(
    scjg: Client, ga_prov: Client, authority: Client
) -> None:
    rid = draft(scjg, GA_VEHICLES)["id"]
    ok(scjg, rid, "submit")
    assert_problem(step(ga_prov, rid, "decline"), 422, "validation_failed")  # reasons required
    assert_problem(step(ga_prov, rid, "decline", {"text": "   "}), 422, "validation_failed")
    ok(ga_prov, rid, "decline", {"text": "不属于法定职责。"})
    ok(scjg, rid, "apply", {"text": "信用监管属法定职责。"})
    asked = ok(authority, rid, "request-explanation")
    assert asked["state"] == "explanation_requested"
    assert asked["explanation_due"] == (today_cst() + timedelta(days=15)).isoformat()
    explained = ok(ga_prov, rid, "explain", {"text": "涉及个人信息，需限定字段。"})
    assert explained["coordination_due"] == (today_cst() + timedelta(days=30)).isoformat()
    decided = ok(
        authority,
        rid,
        "coordinate",
        {
            "outcome": "share",
            "text": "协调一致：仅共享号牌号码。",
            "terms": {"data_items": ["号牌号码"]},
        },
    )
    assert decided["state"] == "decided_share"
    assert decided["grant_id"]
    assert decided["events"][-1]["details"]["outcome"] == "share"
    grant = scjg.get(f"/grants/{decided['grant_id']}").json()
    assert [c["name"] for c in grant["data_items"]] == ["号牌号码"]
    # A decision is final: no withdrawal, no second decision.
    body = assert_problem(step(scjg, rid, "withdraw"), 409, "invalid_transition")
    assert body["state"] == "decided_share"
    assert body["allowed_actions"] == []


def test_escalation_waits_for_the_explanation_then_decides(
    scjg: Client, ga_prov: Client, authority: Client
) -> None:
    rid = declined_and_applied(scjg, ga_prov)
    asked = ok(authority, rid, "request-explanation")
    early = assert_problem(
        step(authority, rid, "escalate", {"text": "不等了。"}), 409, "deadline_not_reached"
    )
    assert early["due"] == asked["explanation_due"]
    ok(ga_prov, rid, "explain", {"text": "理由如下。"})
    ok(authority, rid, "escalate", {"text": "协调未果，会同编制、保密部门研究。"})
    assert_problem(
        step(authority, rid, "coordinate", {"outcome": "share", "text": "x"}),
        409,
        "invalid_transition",
    )
    bad = step(authority, rid, "decide", {"outcome": "no_share", "text": "x", "terms": {}})
    assert_problem(bad, 422, "validation_failed")  # terms only with a decision to share
    decided = ok(authority, rid, "decide", {"outcome": "no_share", "text": "依法不予共享。"})
    assert decided["state"] == "decided_no_share"
    assert decided["grant_id"] is None


def test_deadlines_are_enforced_on_the_servers_clock(
    platform: Platform, faults: Platform, scjg: Client, ga_prov: Client, authority: Client
) -> None:
    late = declined_and_applied(scjg, ga_prov)
    ok(authority, late, "request-explanation")
    slow = declined_and_applied(scjg, ga_prov)
    ok(authority, slow, "request-explanation")
    ok(ga_prov, slow, "explain", {"text": "说明。"})

    faults.fault(action="shift_clock", days=16)  # tokens issued before now look expired
    provider, boss = platform.login("ga-provider"), platform.login("sjz-authority")
    passed = assert_problem(
        step(provider, late, "explain", {"text": "迟到"}), 409, "deadline_passed"
    )
    assert passed["due"] == (today_cst() + timedelta(days=15)).isoformat()
    assert ok(boss, late, "escalate", {"text": "逾期未说明。"})["state"] == "escalated"
    ok(boss, slow, "coordinate", {"outcome": "no_share", "text": "协调：暂不共享。"})

    other = declined_and_applied(platform.login("scjg-sharing"), provider)
    ok(boss, other, "request-explanation")
    ok(provider, other, "explain", {"text": "说明。"})
    faults.fault(action="shift_clock", days=16 + 31)
    boss = platform.login("sjz-authority")
    assert_problem(
        step(boss, other, "coordinate", {"outcome": "no_share", "text": "迟"}),
        409,
        "deadline_passed",
    )
    assert ok(boss, other, "escalate", {"text": "三十日内未协调一致。"})["state"] == "escalated"


def test_the_requester_may_withdraw_until_a_decision(mz_req: Client, ga_prov: Client) -> None:
    rid = draft(mz_req)["id"]
    ok(mz_req, rid, "submit")
    ok(ga_prov, rid, "agree")
    assert ok(mz_req, rid, "withdraw", {"text": "需求取消。"})["state"] == "withdrawn"
    body = assert_problem(step(mz_req, rid, "file"), 409, "invalid_transition")
    assert body["state"] == "withdrawn"
    assert_problem(step(mz_req, rid, "withdraw"), 409, "invalid_transition")


def test_a_secrecy_dispute_is_resolved_by_the_bureaus_determination(
    mz_req: Client, ga_prov: Client, authority: Client
) -> None:
    rid = draft(mz_req)["id"]
    ok(mz_req, rid, "submit")
    disputed = ok(ga_prov, rid, "dispute-secrecy", {"text": "可能涉密。"})
    assert disputed["state"] == "secrecy_dispute"
    assert disputed["resume_state"] == "submitted"
    assert_problem(step(ga_prov, rid, "agree"), 409, "invalid_transition")
    assert authority.get(f"/share-requests/{rid}").status_code == 200  # now involved
    determination = {
        "determination": "not_secret",
        "text": "经确定不属于国家秘密。",
        "reference": "石保〔2025〕1号",
    }
    resumed = ok(authority, rid, "resolve-secrecy", determination)
    assert resumed["state"] == "submitted"
    assert resumed["resume_state"] is None
    assert resumed["events"][-1]["details"]["reference"] == "石保〔2025〕1号"
    ok(ga_prov, rid, "dispute-secrecy", {"text": "再次提出。"})
    closed = ok(
        authority, rid, "resolve-secrecy", {"determination": "secret", "text": "属于秘密。"}
    )
    assert closed["state"] == "decided_no_share"


def test_each_step_belongs_to_one_party_and_role(
    platform: Platform, mz_req: Client, ga_prov: Client, authority: Client
) -> None:
    ga_compiler = platform.login("ga-compiler")
    rid = str(uuid.uuid4())
    refused = ga_compiler.put(
        f"/share-requests/{rid}", json=GA_RESIDENTS, headers={"If-None-Match": "*"}
    )
    assert_problem(refused, 403, "role_required")
    rid = draft(mz_req)["id"]
    ok(mz_req, rid, "submit")
    assert_problem(step(mz_req, rid, "agree"), 403, "wrong_party")
    assert_problem(step(ga_compiler, rid, "agree"), 403, "role_required")  # right unit, no role
    assert_problem(step(ga_prov, rid, "withdraw"), 403, "wrong_party")
    assert_problem(step(ga_prov, rid, "submit"), 403, "wrong_party")
    assert_problem(step(mz_req, rid, "submit"), 409, "invalid_transition")
    ok(ga_prov, rid, "agree")
    assert_problem(step(ga_prov, rid, "grant"), 403, "wrong_party")
    assert_problem(step(authority, rid, "grant"), 404, "not_found")  # not filed yet
    ok(mz_req, rid, "file")
    assert_problem(step(mz_req, rid, "grant"), 403, "wrong_party")
    too_much = {"terms": {"data_items": ["户籍地址"]}}
    assert_problem(step(authority, rid, "grant", too_much), 422, "items_not_requested")


def test_drafts_are_edited_by_version_until_submitted(mz_req: Client, ga_prov: Client) -> None:
    request = draft(mz_req)
    path = f"/share-requests/{request['id']}"
    assert_problem(mz_req.patch(path, json={"purpose": "改"}), 428, "precondition_required")
    edited = mz_req.patch(path, json={"purpose": "改"}, headers={"If-Match": '"v1"'})
    assert edited.status_code == 200
    assert edited.json()["version"] == 2
    assert edited.headers["ETag"] == '"v2"'
    stale = mz_req.patch(path, json={"purpose": "再改"}, headers={"If-Match": '"v1"'})
    assert_problem(stale, 412, "version_mismatch")
    any_version = mz_req.patch(path, json={"purpose": "再改"}, headers={"If-Match": "*"})
    assert_problem(any_version, 428, "precondition_required")
    unknown = mz_req.patch(path, json={"data_items": ["没有这项"]}, headers={"If-Match": '"v2"'})
    assert_problem(unknown, 422, "unknown_data_item")
    ok(mz_req, request["id"], "submit")
    locked = mz_req.patch(path, json={"purpose": "晚了"}, headers={"If-Match": '"v3"'})
    assert_problem(locked, 409, "invalid_transition")
    # The provider holds no requester role: refused before its unit is even considered.
    assert_problem(
        ga_prov.patch(path, json={"purpose": "x"}, headers={"If-Match": '"v3"'}),
        403,
        "role_required",
    )


def test_creation_checks_the_provider_and_its_resource(mz_req: Client) -> None:
    for change, code in [
        ({"provider_unit_code": "SJZ-MZ"}, "invalid_provider"),
        ({"provider_unit_code": "NOWHERE"}, "invalid_provider"),
        ({"resource_code": "999999/000001"}, "unknown_resource"),
        ({"data_items": ["公民身份号码", "血型"]}, "unknown_data_item"),
    ]:
        response = mz_req.put(
            f"/share-requests/{uuid.uuid4()}",
            json=GA_RESIDENTS | change,
            headers={"If-None-Match": "*"},
        )
        assert_problem(response, 422, code)


def test_other_units_cannot_see_or_move_a_request(
    platform: Platform, mz_req: Client, ga_prov: Client
) -> None:
    rid = draft(mz_req)["id"]
    ok(mz_req, rid, "submit")
    outsider = platform.login("scjg-sharing")
    unknown = str(uuid.uuid4())
    for target in (rid, unknown):
        assert_problem(outsider.get(f"/share-requests/{target}"), 404, "not_found")
        assert_problem(step(outsider, target, "agree"), 404, "not_found")
        assert_problem(step(outsider, target, "withdraw"), 404, "not_found")
        patched = outsider.patch(
            f"/share-requests/{target}", json={"purpose": "x"}, headers={"If-Match": '"v1"'}
        )
        assert_problem(patched, 404, "not_found")
    listed = outsider.get("/share-requests", params={"limit": 500}).json()["items"]
    assert rid not in {r["id"] for r in listed}
    assert rid not in {c["id"] for c in outsider.feed_since(None)}
    assert ga_prov.get(f"/share-requests/{rid}").json()["state"] == "submitted"


def test_a_command_replayed_by_its_key_answers_the_same(mz_req: Client, ga_prov: Client) -> None:
    rid = draft(mz_req)["id"]
    key = str(uuid.uuid4())
    first = step(mz_req, rid, "submit", {"text": "请审核"}, key=key)
    replay = step(mz_req, rid, "submit", {"text": "请审核"}, key=key)
    assert first.status_code == replay.status_code == 200
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
    assert [e["action"] for e in replay.json()["events"]] == ["create", "submit"]
    assert_problem(step(mz_req, rid, "submit", {"text": "请审核"}), 409, "invalid_transition")
    reused = step(mz_req, rid, "withdraw", {}, key=key)
    assert_problem(reused, 422, "idempotency_key_reused")
    assert ga_prov.get(f"/share-requests/{rid}").json()["version"] == 2


def test_lists_filter_by_state(mz_req: Client) -> None:
    rid = draft(mz_req)["id"]
    drafts = mz_req.get("/share-requests", params={"state": "draft", "limit": 500}).json()
    assert rid in {r["id"] for r in drafts["items"]}
    assert {r["state"] for r in drafts["items"]} == {"draft"}
    page = mz_req.get("/share-requests", params={"limit": 1}).json()
    assert len(page["items"]) == 1
    assert page["next_cursor"]
