"""Grants and their rows, revocation in the feed, objections, notices and audit upload."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.test_access_log import entries_for
from tests.platform.test_auth import assert_problem
from tests.platform.workflow import draft, through

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


@pytest.fixture
def mz_req(platform: Platform) -> Client:
    return platform.login("mz-requester")


@pytest.fixture
def authority(platform: Platform) -> Client:
    return platform.login("sjz-authority")


def held(client: Client, unit: str, *, revoked: bool) -> dict[str, Any]:
    """A seeded grant the unit holds, revoked or not."""
    grants = client.get("/grants", params={"limit": 500}).json()["items"]
    return next(
        g
        for g in grants
        if g["grantee_unit_code"] == unit and (g["revoked_at"] is not None) == revoked
    )


def all_rows(client: Client, grant_id: str, **params: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        page = client.get(f"/grants/{grant_id}/rows", params=query).json()
        rows.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return rows


def fresh_grant(platform: Platform, requester: Client, authority: Client) -> str:
    provider = platform.login("ga-provider")
    rid = draft(requester)["id"]
    document = through(
        [
            (requester, "submit", None),
            (provider, "agree", None),
            (requester, "file", None),
            (authority, "grant", None),
        ],
        rid,
    )
    return str(document["grant_id"])


def test_rows_carry_only_the_granted_columns_paged_and_filtered(mz_req: Client) -> None:
    grant = held(mz_req, "SJZ-MZ", revoked=False)
    first = mz_req.get(f"/grants/{grant['id']}/rows", params={"limit": 15})
    assert first.status_code == 200
    page = first.json()
    assert [c["name"] for c in page["columns"]] == ["公民身份号码", "姓名", "户籍地址"]
    assert [c["id"] for c in page["columns"]] == [c["id"] for c in grant["data_items"]]
    assert len(page["items"]) == 15
    assert all(len(r["values"]) == 3 for r in page["items"])
    rows = all_rows(mz_req, grant["id"], limit=15)
    assert len(rows) == 40
    assert [r["row"] for r in rows] == sorted({r["row"] for r in rows})

    name = rows[7]["values"][1]
    matched = all_rows(mz_req, grant["id"], eq=f"姓名:{name}")
    assert matched and all(r["values"][1] == name for r in matched)
    both = all_rows(
        mz_req, grant["id"], eq=[f"姓名:{name}", f"公民身份号码:{rows[7]['values'][0]}"]
    )
    assert [r["row"] for r in both] == [rows[7]["row"]]
    by_id = all_rows(mz_req, grant["id"], eq=f"{page['columns'][1]['id']}:{name}")
    assert by_id == matched
    assert all_rows(mz_req, grant["id"], eq="姓名:没有这个人") == []
    # A column the grant does not cover cannot even be filtered on.
    assert_problem(
        mz_req.get(f"/grants/{grant['id']}/rows", params={"eq": "性别:1"}), 400, "invalid_filter"
    )
    bad_cursor = mz_req.get(f"/grants/{grant['id']}/rows", params={"cursor": "garbage"})
    assert_problem(bad_cursor, 400, "invalid_cursor")


def test_rows_are_served_to_the_grantee_only(platform: Platform, mz_req: Client) -> None:
    grant = held(mz_req, "SJZ-MZ", revoked=False)
    provider, outsider = platform.login("ga-provider"), platform.login("scjg-sharing")
    assert provider.get(f"/grants/{grant['id']}").status_code == 200  # the provider sees it
    assert_problem(provider.get(f"/grants/{grant['id']}/rows"), 404, "not_found")
    for target in (grant["id"], str(uuid.uuid4())):
        assert_problem(outsider.get(f"/grants/{target}"), 404, "not_found")
        assert_problem(outsider.get(f"/grants/{target}/rows"), 404, "not_found")
    listed = outsider.get("/grants", params={"limit": 500}).json()["items"]
    assert grant["id"] not in {g["id"] for g in listed}
    # Every read of rows is recorded, refused ones included.
    mz_req.get(f"/grants/{grant['id']}/rows", params={"limit": 1})
    entries = entries_for(platform, f"/api/v1/grants/{grant['id']}/rows", 3)
    assert {(e.username, e.status) for e in entries} >= {
        ("ga-provider", 404),
        ("mz-requester", 200),
    }
    assert {e.resource_id for e in entries} == {grant["id"]}


def test_a_seeded_revoked_grant_serves_no_rows_and_is_a_revoke_item(platform: Platform) -> None:
    ga = platform.login("ga-requester")
    grant = held(ga, "SJZ-GA", revoked=True)
    assert_problem(ga.get(f"/grants/{grant['id']}/rows"), 403, "grant_revoked")
    feed = [c for c in ga.feed_since(None) if c["id"] == grant["id"]]
    assert [c["kind"] for c in feed] == ["grant", "revoke"]
    assert feed[-1]["data"]["revoked_at"]


def test_revoking_a_grant_stops_its_rows_and_tells_every_party(
    platform: Platform, mz_req: Client, authority: Client
) -> None:
    grant_id = fresh_grant(platform, mz_req, authority)
    provider = platform.login("ga-provider")
    heads = {c: c.feed_head() for c in (mz_req, provider, authority)}
    assert mz_req.get(f"/grants/{grant_id}/rows").status_code == 200
    assert_problem(
        mz_req.post(f"/grants/{grant_id}/revoke", json={"text": "自行撤销"}), 403, "wrong_party"
    )
    assert_problem(authority.post(f"/grants/{grant_id}/revoke", json={}), 422, "validation_failed")
    key = str(uuid.uuid4())
    revoked = authority.post(
        f"/grants/{grant_id}/revoke",
        json={"text": "超范围使用。"},
        headers={"Idempotency-Key": key},
    )
    assert revoked.status_code == 200
    assert revoked.json()["revocation_reason"] == "超范围使用。"
    replay = authority.post(
        f"/grants/{grant_id}/revoke",
        json={"text": "超范围使用。"},
        headers={"Idempotency-Key": key},
    )
    assert replay.headers["Idempotent-Replayed"] == "true"
    again = authority.post(f"/grants/{grant_id}/revoke", json={"text": "再撤销"})
    assert_problem(again, 409, "already_revoked")

    assert_problem(mz_req.get(f"/grants/{grant_id}/rows"), 403, "grant_revoked")
    for client, head in heads.items():
        items = [c for c in client.feed_since(head) if c["id"] == grant_id]
        assert [c["kind"] for c in items] == ["revoke"]
        assert items[0]["type"] == "grant"
        assert items[0]["data"]["revoked_by"] == "sjz-authority"
    # The grant stays listed, as revoked: it is never dropped silently.
    listed = {g["id"]: g for g in mz_req.get("/grants", params={"limit": 500}).json()["items"]}
    assert listed[grant_id]["revoked_at"] is not None


def test_objections_go_to_the_provider_who_answers_once(platform: Platform, mz_req: Client) -> None:
    grant = held(mz_req, "SJZ-MZ", revoked=False)
    provider, outsider = platform.login("ga-provider"), platform.login("scjg-sharing")
    oid = str(uuid.uuid4())
    body = {
        "grant_id": grant["id"],
        "data_item": "姓名",
        "aspect": "accuracy",
        "description": "第 3 行姓名有误。",
    }
    created = mz_req.put(f"/objections/{oid}", json=body, headers={"If-None-Match": "*"})
    assert created.status_code == 201, created.text
    assert created.json()["state"] == "submitted"
    not_granted = dict(body, data_item="性别")
    assert_problem(
        mz_req.put(f"/objections/{uuid.uuid4()}", json=not_granted, headers={"If-None-Match": "*"}),
        422,
        "unknown_data_item",
    )
    foreign = dict(body, grant_id=held(provider, "SJZ-GA", revoked=True)["id"])
    assert_problem(
        mz_req.put(f"/objections/{uuid.uuid4()}", json=foreign, headers={"If-None-Match": "*"}),
        422,
        "unknown_grant",
    )
    assert oid in {o["id"] for o in provider.get("/objections").json()["items"]}
    assert_problem(outsider.get(f"/objections/{oid}"), 404, "not_found")
    answer = {"outcome": "corrected", "text": "已更正。"}
    assert_problem(outsider.post(f"/objections/{oid}/answer", json=answer), 404, "not_found")
    assert_problem(mz_req.post(f"/objections/{oid}/answer", json=answer), 403, "wrong_party")
    answered = provider.post(f"/objections/{oid}/answer", json=answer)
    assert answered.status_code == 200
    assert answered.json()["state"] == "corrected"
    assert_problem(
        provider.post(f"/objections/{oid}/answer", json=answer), 409, "invalid_transition"
    )
    assert mz_req.get(f"/objections/{oid}").json()["answer"] == "已更正。"


def test_notices_reach_their_units_and_are_marked_read_once(
    platform: Platform, authority: Client
) -> None:
    ga, mz, scjg = (platform.login(u) for u in ("ga-requester", "mz-requester", "scjg-sharing"))
    head = ga.feed_head()
    nid = str(uuid.uuid4())
    body = {"title": "通报", "body": "请按期备案。", "unit_codes": ["SJZ-GA", "SJZ-MZ"]}
    issued = authority.put(f"/notices/{nid}", json=body, headers={"If-None-Match": "*"})
    assert issued.status_code == 201, issued.text
    assert_problem(
        ga.put(f"/notices/{uuid.uuid4()}", json=body, headers={"If-None-Match": "*"}),
        403,
        "role_required",
    )
    outside = dict(body, unit_codes=["SJZ-GA", "NOWHERE"])
    assert_problem(
        authority.put(f"/notices/{uuid.uuid4()}", json=outside, headers={"If-None-Match": "*"}),
        422,
        "unknown_unit",
    )
    assert nid in {n["id"] for n in ga.get("/notices", params={"unread": "true"}).json()["items"]}
    assert_problem(scjg.get(f"/notices/{nid}"), 404, "not_found")
    assert_problem(scjg.post(f"/notices/{nid}/read"), 404, "not_found")
    first = ga.post(f"/notices/{nid}/read").json()
    assert first["read_by"] == "ga-requester"
    again = platform.login("ga-provider").post(f"/notices/{nid}/read").json()
    assert again["read_at"] == first["read_at"]
    assert again["read_by"] == "ga-requester"
    assert nid not in {
        n["id"] for n in ga.get("/notices", params={"unread": "true"}).json()["items"]
    }
    assert mz.get(f"/notices/{nid}").json()["read_at"] is None  # each unit reads for itself
    feed = [c for c in ga.feed_since(head) if c["id"] == nid]
    assert [(c["type"], c["version"]) for c in feed] == [("notice", 1), ("notice", 2)]
    seeded = mz.get("/notices").json()["items"]
    assert any(n["issuer_unit_code"] == "SJZ-XXGX" and n["id"] != nid for n in seeded)


def test_notices_name_the_records_they_concern(platform: Platform, authority: Client) -> None:
    ga = platform.login("ga-requester")
    head = ga.feed_head()
    nid = str(uuid.uuid4())
    subjects = [{"type": "grant", "id": "g-1"}, {"type": "share_request", "id": "r-2"}]
    body = {"title": "通报", "body": "请核对授权。", "unit_codes": ["SJZ-GA"], "subjects": subjects}
    issued = authority.put(f"/notices/{nid}", json=body, headers={"If-None-Match": "*"})
    assert issued.status_code == 201, issued.text
    assert ga.get(f"/notices/{nid}").json()["subjects"] == subjects
    [item] = [c for c in ga.feed_since(head) if c["id"] == nid]
    assert item["data"]["subjects"] == subjects
    bare = {"title": "通报", "body": "无对象。", "unit_codes": ["SJZ-GA"]}
    other = str(uuid.uuid4())
    authority.put(f"/notices/{other}", json=bare, headers={"If-None-Match": "*"})
    assert ga.get(f"/notices/{other}").json()["subjects"] == []
    for wrong in (
        [{"type": "catalog", "id": "x"}],
        [{"type": "grant", "id": ""}],
        [{"type": "grant", "id": str(i)} for i in range(51)],
    ):
        refused = authority.put(
            f"/notices/{uuid.uuid4()}",
            json=dict(bare, subjects=wrong),
            headers={"If-None-Match": "*"},
        )
        assert refused.status_code == 422, refused.text


def _event(prev: str = "") -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "at": datetime.now(UTC).isoformat(),
        "actor": "mz-requester",
        "action": "rows.view",
        "subject": {"type": "grant", "id": "g1"},
        "details": {"rows": 15},
        "prev_hash": prev,
        "hash": uuid.uuid4().hex,
    }


def test_audit_upload_is_idempotent_by_event_id(platform: Platform, mz_req: Client) -> None:
    events = [_event(), _event(), _event()]
    first = mz_req.post("/audit-events", json={"events": events}).json()
    assert first == {"accepted": [e["id"] for e in events], "duplicates": [], "conflicts": []}
    again = mz_req.post("/audit-events", json={"events": events}).json()
    assert again == {"accepted": [], "duplicates": [e["id"] for e in events], "conflicts": []}
    changed = [dict(events[0], action="rows.export"), _event(events[0]["hash"])]
    mixed = mz_req.post("/audit-events", json={"events": changed}).json()
    assert mixed == {
        "accepted": [changed[1]["id"]],
        "duplicates": [],
        "conflicts": [events[0]["id"]],
    }
    # Ids are per unit: another unit's identical id is its own event.
    other = platform.login("ga-requester").post("/audit-events", json={"events": events[:1]})
    assert other.json()["accepted"] == [events[0]["id"]]
    key = str(uuid.uuid4())
    batch = {"events": [_event()]}
    keyed = mz_req.post("/audit-events", json=batch, headers={"Idempotency-Key": key})
    replay = mz_req.post("/audit-events", json=batch, headers={"Idempotency-Key": key})
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == keyed.json()
    naive = dict(_event(), at="2025-01-01T08:00:00")
    assert_problem(mz_req.post("/audit-events", json={"events": [naive]}), 422, "validation_failed")
