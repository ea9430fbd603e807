"""The unit's catalog over real HTTP: create by UUID, versioned PATCH/DELETE, keys, paging."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.test_auth import assert_problem

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL

FIRST_ITEM_ID = str(uuid.uuid4())
FULL = {
    "code": "101001/000099",
    "name": "测试资源",
    "classification": {"category": "1", "item": "01", "subject": "001", "detail": ""},
    "provider_name": "石家庄市公安局",
    "provider_code": "111301004000020215",
    "abstract": "摘要",
    "format_category": "database",
    "format_detail": "MySQL",
    "share_type": "conditional",
    "share_conditions": "仅限核验",
    "share_method": "platform_interface",
    "open_to_society": False,
    "update_cycle": "daily",
    "published_on": "2024-05-01",
    "related_codes": ["101001/000001"],
    "data_items": [
        {"id": FIRST_ITEM_ID, "name": "公民身份号码", "data_type": "C", "length": 18},
        {"name": "出生日期", "data_type": "D", "length": 8},
    ],
}


def put(
    client: Client, rid: str, body: object, key: str | None = None, **headers: str
) -> requests.Response:
    all_headers = {"If-None-Match": "*", **headers}
    if key:
        all_headers["Idempotency-Key"] = key
    return client.put(f"/catalog/resources/{rid}", json=body, headers=all_headers)


def patch(
    client: Client, rid: str, body: object, version: int | None, key: str | None = None
) -> requests.Response:
    headers = {} if version is None else {"If-Match": f'"v{version}"'}
    if key:
        headers["Idempotency-Key"] = key
    return client.patch(f"/catalog/resources/{rid}", json=body, headers=headers)


def all_ids(client: Client) -> list[str]:
    return [
        r["id"] for r in client.get("/catalog/resources", params={"limit": 500}).json()["items"]
    ]


def test_create_returns_the_canonical_record_with_its_version(ga: Client) -> None:
    rid = str(uuid.uuid4())
    response = put(ga, rid, FULL, key=str(uuid.uuid4()))
    assert response.status_code == 201
    assert response.headers["ETag"] == '"v1"'
    assert response.headers["Location"] == f"/api/v1/catalog/resources/{rid}"
    body = response.json()
    assert body["id"] == rid
    assert body["version"] == 1
    assert body["unit_code"] == "SJZ-GA"
    assert body["updated_by"] == "ga-compiler"
    assert body["data_items"][0]["id"] == FIRST_ITEM_ID
    assert uuid.UUID(body["data_items"][1]["id"])  # assigned by the server
    fetched = ga.get(f"/catalog/resources/{rid}")
    assert fetched.json() == body
    assert fetched.headers["ETag"] == '"v1"'


def test_a_replayed_create_returns_the_same_result_and_creates_one_record(ga: Client) -> None:
    rid, key = str(uuid.uuid4()), str(uuid.uuid4())
    head = ga.feed_head()
    first = put(ga, rid, {"name": "重放"}, key=key)
    second = put(ga, rid, {"name": "重放"}, key=key)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert all_ids(ga).count(rid) == 1
    assert [c["id"] for c in ga.feed_since(head)] == [rid]


def test_creating_an_existing_id_again_is_412(ga: Client, platform: Platform) -> None:
    rid = str(uuid.uuid4())
    assert put(ga, rid, {"name": "先到"}, key=str(uuid.uuid4())).status_code == 201
    other_officer = platform.login("ga-compiler")
    assert_problem(
        put(other_officer, rid, {"name": "后到"}, key=str(uuid.uuid4())), 412, "already_exists"
    )
    assert_problem(put(other_officer, rid, {"name": "后到"}), 412, "already_exists")
    assert ga.get(f"/catalog/resources/{rid}").json()["name"] == "先到"


def test_create_needs_if_none_match_star(ga: Client) -> None:
    rid = str(uuid.uuid4())
    response = ga.put(f"/catalog/resources/{rid}", json={"name": "x"})
    assert_problem(response, 428, "precondition_required")
    response = ga.put(f"/catalog/resources/{rid}", json={"name": "x"}, headers={"If-Match": '"v1"'})
    assert_problem(response, 428, "precondition_required")


def test_a_key_reused_for_another_payload_is_422(ga: Client) -> None:
    key = str(uuid.uuid4())
    assert put(ga, str(uuid.uuid4()), {"name": "一"}, key=key).status_code == 201
    assert_problem(
        put(ga, str(uuid.uuid4()), {"name": "二"}, key=key), 422, "idempotency_key_reused"
    )


def test_patch_changes_only_the_fields_sent(ga: Client) -> None:
    created = ga.create(FULL)
    rid = created["id"]
    response = patch(ga, rid, {"abstract": "新的摘要", "share_method": None}, 1)
    assert response.status_code == 200
    assert response.headers["ETag"] == '"v2"'
    after = response.json()
    assert after["version"] == 2
    assert after["abstract"] == "新的摘要"
    assert after["share_method"] is None
    unchanged = {
        k: v
        for k, v in after.items()
        if k not in {"abstract", "share_method", "version", "updated_at"}
    }
    assert unchanged == {k: created[k] for k in unchanged}


def test_patch_replaces_data_items_keeping_their_ids(ga: Client) -> None:
    created = ga.create(FULL)
    kept = created["data_items"][0]
    items = [{**kept, "length": 20}, {"name": "新信息项", "data_type": "N"}]
    after = patch(ga, created["id"], {"data_items": items}, 1).json()
    assert [i["name"] for i in after["data_items"]] == ["公民身份号码", "新信息项"]
    assert after["data_items"][0]["id"] == kept["id"]
    assert after["data_items"][0]["length"] == 20


def test_a_patch_that_changes_nothing_keeps_the_version(ga: Client) -> None:
    created = ga.create(FULL)
    response = patch(ga, created["id"], {"name": created["name"]}, 1)
    assert response.status_code == 200
    assert response.json()["version"] == 1


def test_patch_with_a_stale_version_is_412_and_without_one_428(ga: Client) -> None:
    rid = ga.create()["id"]
    assert patch(ga, rid, {"abstract": "一"}, 1).status_code == 200
    stale = patch(ga, rid, {"abstract": "二"}, 1)
    body = assert_problem(stale, 412, "version_mismatch")
    assert body["current_version"] == 2
    assert stale.headers["ETag"] == '"v2"'
    assert_problem(patch(ga, rid, {"abstract": "二"}, None), 428, "precondition_required")
    assert ga.get(f"/catalog/resources/{rid}").json()["abstract"] == "一"


def test_a_patch_replayed_after_success_is_not_a_false_412(ga: Client) -> None:
    rid, key = ga.create()["id"], str(uuid.uuid4())
    first = patch(ga, rid, {"abstract": "一次"}, 1, key=key)
    second = patch(ga, rid, {"abstract": "一次"}, 1, key=key)
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert second.headers["ETag"] == '"v2"'
    assert second.headers["Idempotent-Replayed"] == "true"
    assert ga.get(f"/catalog/resources/{rid}").json()["version"] == 2
    assert_problem(
        patch(ga, rid, {"abstract": "另一次"}, 1, key=key), 422, "idempotency_key_reused"
    )


def test_delete_leaves_a_tombstone(ga: Client) -> None:
    rid = ga.create()["id"]
    path = f"/catalog/resources/{rid}"
    assert_problem(ga.delete(path), 428, "precondition_required")
    assert_problem(ga.delete(path, headers={"If-Match": '"v7"'}), 412, "version_mismatch")
    key = str(uuid.uuid4())
    deleted = ga.delete(path, headers={"If-Match": '"v1"', "Idempotency-Key": key})
    assert deleted.status_code == 204
    assert deleted.headers["ETag"] == '"v2"'
    replay = ga.delete(path, headers={"If-Match": '"v1"', "Idempotency-Key": key})
    assert replay.status_code == 204
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert_problem(ga.get(path), 410, "resource_deleted")
    assert_problem(patch(ga, rid, {"name": "复活"}, 2), 410, "resource_deleted")
    assert_problem(put(ga, rid, {"name": "复活"}), 412, "already_exists")
    assert rid not in all_ids(ga)


def test_if_match_any_version_is_no_precondition(ga: Client) -> None:
    """`If-Match: *` would let an edit of a stale copy overwrite later edits: 428, no change."""
    rid = ga.create()["id"]
    assert patch(ga, rid, {"abstract": "新"}, 1).status_code == 200
    path = f"/catalog/resources/{rid}"
    stale = ga.patch(path, json={"abstract": "旧副本"}, headers={"If-Match": "*"})
    assert_problem(stale, 428, "precondition_required")
    assert_problem(ga.delete(path, headers={"If-Match": "*"}), 428, "precondition_required")
    current = ga.get(path).json()
    assert (current["version"], current["abstract"]) == (2, "新")


def test_paging_visits_every_item_exactly_once(ga: Client) -> None:
    for n in range(5):
        ga.create({"name": f"分页 {n}"})
    expected = all_ids(ga)
    assert len(expected) >= 7  # two seeded + five here
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = ga.get("/catalog/resources", params=params).json()
        assert len(page["items"]) <= 2
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    assert len(set(seen)) == len(seen)
    first = ga.get("/catalog/resources", params={"limit": 2, "cursor": ""}).json()
    assert [r["id"] for r in first["items"]] == expected[:2]


def test_a_foreign_cursor_is_400(ga: Client) -> None:
    response = ga.get("/catalog/resources", params={"cursor": "not-a-cursor"})
    assert_problem(response, 400, "invalid_cursor")


def test_invalid_bodies_and_ids_are_refused(ga: Client) -> None:
    rid = str(uuid.uuid4())
    for body in (
        {},
        {"name": ""},
        {"name": "x", "share_type": "sometimes"},
        {"name": "x", "unknown_field": 1},
        {"name": "x", "version": 3},
        {"name": "x", "data_items": [{"name": "a", "data_type": "Z"}]},
        {"name": "x", "classification": {"category": "4"}},
        {"name": "x\u0000"},
    ):
        body_problem = assert_problem(put(ga, rid, body), 422, "validation_failed")
        assert body_problem["errors"]
    same_item = str(uuid.uuid4())
    twice = [
        {"id": same_item, "name": "a", "data_type": "C"},
        {"id": same_item, "name": "b", "data_type": "C"},
    ]
    assert_problem(put(ga, rid, {"name": "x", "data_items": twice}), 422, "validation_failed")
    assert_problem(ga.get("/catalog/resources/not-a-uuid"), 400, "invalid_request")
    assert_problem(ga.get("/catalog/resources", params={"limit": 0}), 400, "invalid_request")
    bad_key = put(ga, rid, {"name": "x"}, key="with space")
    assert_problem(bad_key, 400, "invalid_idempotency_key")
    assert_problem(ga.get(f"/catalog/resources/{rid}"), 404, "not_found")


def test_a_malformed_json_body_is_400(ga: Client) -> None:
    response = ga.put(
        f"/catalog/resources/{uuid.uuid4()}",
        data=b"{not json",
        headers={"If-None-Match": "*", "Content-Type": "application/json"},
    )
    assert_problem(response, 400, "invalid_request")


def test_concurrent_writers_cannot_lose_an_update(platform: Platform) -> None:
    rid = platform.login("ga-compiler").create()["id"]
    clients = [platform.login("ga-compiler") for _ in range(6)]

    def edit(n: int) -> int:
        return patch(
            clients[n], rid, {"abstract": f"并发 {n}"}, 1, key=str(uuid.uuid4())
        ).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = sorted(pool.map(edit, range(6)))
    assert statuses == [200, 412, 412, 412, 412, 412]
    assert clients[0].get(f"/catalog/resources/{rid}").json()["version"] == 2


def test_concurrent_replays_of_one_create_make_one_record(platform: Platform) -> None:
    rid, key = str(uuid.uuid4()), str(uuid.uuid4())
    clients = [platform.login("ga-compiler") for _ in range(6)]
    head = clients[0].feed_head()

    def create(n: int) -> requests.Response:
        return put(clients[n], rid, {"name": "并发创建"}, key=key)

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(create, range(6)))
    assert {r.status_code for r in responses} == {201}
    assert sum("Idempotent-Replayed" not in r.headers for r in responses) == 1
    assert len({r.text for r in responses}) == 1
    assert [c["id"] for c in clients[0].feed_since(head)] == [rid]
