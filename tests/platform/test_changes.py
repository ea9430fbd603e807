"""The change feed over real HTTP: commit order, tombstones, resumable cursors, 410 resync."""

from __future__ import annotations

import base64
import json
import subprocess
from typing import Any

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform, platform_command
from tests.platform.test_auth import assert_problem

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


def summary(items: list[dict[str, Any]]) -> list[tuple[str, int, str]]:
    return [(c["id"], c["version"], c["kind"]) for c in items]


def test_the_feed_starts_with_the_seeded_catalog(ga: Client) -> None:
    first = ga.get("/changes", params={"limit": 1000}).json()
    assert first["epoch"]
    kinds = {c["kind"] for c in first["items"]}
    assert "upsert" in kinds
    names = {c["data"]["name"] for c in first["items"] if c["type"] == "resource" and c["data"]}
    assert {"常住人口信息", "机动车登记信息"} <= names


def test_changes_come_in_commit_order_with_tombstones(ga: Client) -> None:
    head = ga.feed_head()
    r1 = ga.create({"name": "一"})["id"]
    assert ga.patch(
        f"/catalog/resources/{r1}", json={"abstract": "改"}, headers={"If-Match": '"v1"'}
    ).ok
    r2 = ga.create({"name": "二"})["id"]
    assert ga.delete(f"/catalog/resources/{r1}", headers={"If-Match": '"v2"'}).status_code == 204

    items = ga.feed_since(head)
    assert summary(items) == [
        (r1, 1, "upsert"),
        (r1, 2, "upsert"),
        (r2, 1, "upsert"),
        (r1, 3, "delete"),
    ]
    assert items[1]["data"]["abstract"] == "改"
    assert items[3]["data"] is None
    assert all(c["type"] == "resource" for c in items)


def test_paging_resumes_from_each_cursor(ga: Client) -> None:
    head = ga.feed_head()
    created = [ga.create({"name": f"续 {n}"})["id"] for n in range(5)]
    seen: list[str] = []
    cursor = head
    pages = 0
    while True:
        page = ga.get("/changes", params={"since": cursor, "limit": 2}).json()
        pages += 1
        seen.extend(c["id"] for c in page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == created
    assert pages == 3
    # Nothing new: one request, an empty page, and the cursor still works.
    assert ga.get("/changes", params={"since": ""}).json()["items"]  # empty = from the start
    idle = ga.get("/changes", params={"since": cursor}).json()
    assert idle["items"] == []
    assert idle["has_more"] is False
    assert ga.get("/changes", params={"since": idle["next_cursor"]}).status_code == 200


def test_another_units_writes_do_not_show_but_the_cursor_moves_past_them(
    ga: Client, mz: Client
) -> None:
    head = ga.feed_head()
    mz.create({"name": "别处的"})
    page = ga.get("/changes", params={"since": head}).json()
    assert page["items"] == []
    mine = ga.create({"name": "自己的"})["id"]
    assert [c["id"] for c in ga.feed_since(page["next_cursor"])] == [mine]


def _tamper(cursor: str) -> str:
    payload, _, mac = cursor.partition(".")
    value = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    value["s"] = 0
    forged = base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return f"{forged}.{mac}"


def test_a_forged_or_foreign_cursor_needs_a_resync(ga: Client) -> None:
    head = ga.feed_head()
    for cursor in ("garbage", _tamper(head), head + "x", "eyJlIjoiMSIsInMiOjF9.AAAA"):
        body = assert_problem(ga.get("/changes", params={"since": cursor}), 410, "resync_required")
        assert str(body["type"]).endswith("resync_required")


def test_a_new_epoch_invalidates_every_cursor(faults: Platform, ga: Client) -> None:
    before = ga.get("/changes", params={"limit": 1}).json()
    faults.fault(action="rotate_epoch")
    assert_problem(
        ga.get("/changes", params={"since": before["next_cursor"]}), 410, "resync_required"
    )
    fresh = ga.get("/changes", params={"limit": 1}).json()
    assert fresh["epoch"] != before["epoch"]
    assert ga.get("/changes", params={"since": fresh["next_cursor"]}).status_code == 200


def test_a_cursor_older_than_pruned_tombstones_needs_a_resync(
    platform: Platform, ga: Client
) -> None:
    old = ga.feed_head()
    gone = ga.create({"name": "将删除"})["id"]
    ga.delete(f"/catalog/resources/{gone}", headers={"If-Match": '"v1"'})
    after = ga.feed_head()
    subprocess.run(
        platform_command("prune", "--db", platform.db_url, "--keep-days", "0"),
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert_problem(ga.get("/changes", params={"since": old}), 410, "resync_required")
    assert ga.get("/changes", params={"since": after}).status_code == 200
    # A fresh start still works, and no longer carries the pruned tombstone.
    assert gone not in {c["id"] for c in ga.feed_since(None)}
