"""Each unit sees only its own catalog: guessing another unit's ids reads and changes nothing."""

from __future__ import annotations

import uuid

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.test_auth import assert_problem

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


def test_another_units_resource_answers_like_an_unknown_id(ga: Client, mz: Client) -> None:
    theirs = mz.create({"name": "民政局的资源", "abstract": "原文"})
    rid = theirs["id"]
    path = f"/catalog/resources/{rid}"
    unknown = f"/catalog/resources/{uuid.uuid4()}"

    read = assert_problem(ga.get(path), 404, "not_found")
    assert read.keys() == assert_problem(ga.get(unknown), 404, "not_found").keys()
    changed = ga.patch(path, json={"abstract": "篡改"}, headers={"If-Match": '"v1"'})
    assert_problem(changed, 404, "not_found")
    deleted = ga.delete(path, headers={"If-Match": '"v1"'})
    assert_problem(deleted, 404, "not_found")
    # Without preconditions too: existence is never confirmed by a 412/428 first.
    assert_problem(ga.patch(path, json={"abstract": "篡改"}), 404, "not_found")
    assert_problem(ga.delete(path), 404, "not_found")

    after = mz.get(path)
    assert after.status_code == 200
    assert after.json() == theirs


def test_lists_and_feeds_never_carry_another_units_resources(ga: Client, mz: Client) -> None:
    mine = {ga.create({"name": "公安"})["id"] for _ in range(2)}
    theirs = {mz.create({"name": "民政"})["id"] for _ in range(2)}
    deleted = mz.create({"name": "民政删除"})
    mz.delete(f"/catalog/resources/{deleted['id']}", headers={"If-Match": '"v1"'})
    theirs.add(deleted["id"])

    ga_list = ga.get("/catalog/resources", params={"limit": 500}).json()["items"]
    assert {r["unit_code"] for r in ga_list} == {"SJZ-GA"}
    assert mine <= {r["id"] for r in ga_list}
    assert not theirs & {r["id"] for r in ga_list}

    ga_feed = [c for c in ga.feed_since(None) if c["type"] == "resource"]
    assert {c["data"]["unit_code"] for c in ga_feed if c["data"]} == {"SJZ-GA"}
    assert mine <= {c["id"] for c in ga_feed}
    assert not theirs & {c["id"] for c in ga_feed}
    mz_feed_ids = {c["id"] for c in mz.feed_since(None)}
    assert theirs <= mz_feed_ids
    assert not mine & mz_feed_ids


def test_the_superior_catalog_is_its_own(platform: Platform) -> None:
    superior = platform.login("sjz-compiler")
    items = superior.get("/catalog/resources").json()["items"]
    assert len(items) >= 3
    assert {r["unit_code"] for r in items} == {"SJZ-ZF"}
    assert all(r["data_items"] for r in items)


def test_creating_over_another_units_id_changes_nothing(ga: Client, mz: Client) -> None:
    """Ids are global: a create for a taken id is 412 whoever holds it, naming no unit."""
    theirs = mz.create({"name": "民政局的资源"})
    response = ga.put(
        f"/catalog/resources/{theirs['id']}", json={"name": "抢注"}, headers={"If-None-Match": "*"}
    )
    body = assert_problem(response, 412, "already_exists")
    assert "SJZ-MZ" not in str(body)
    assert mz.get(f"/catalog/resources/{theirs['id']}").json() == theirs
