"""The shared directory (共享目录): other units' filed catalogs, listed and carried by the feed."""

from __future__ import annotations

from typing import Any

from tests.platform.conftest import Client, Platform
from tests.platform.test_filings import submit


def directory(client: Client) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/directory", params=params).json()
        entries.update({e["id"]: e for e in page["items"]})
        cursor = page["next_cursor"]
        if not cursor:
            return entries


def file_catalog(platform: Platform, reviewer: str, reason: str = "") -> str:
    fid, response = submit(platform.login(reviewer), reason)
    assert response.status_code == 201, response.text
    decided = platform.login("sjz-authority").post(f"/catalog/filings/{fid}/file")
    assert decided.status_code == 200, decided.text
    return fid


def test_a_filed_catalog_enters_the_directory_of_every_other_unit_and_leaves_it_by_feed(
    platform: Platform,
) -> None:
    ga, ga_compiler, mz = (
        platform.login("ga-reviewer"), platform.login("ga-compiler"), platform.login("mz-reviewer")
    )  # fmt: skip
    mz_head, ga_head = mz.feed_head(), ga.feed_head()
    assert directory(mz) == {}  # nothing filed yet: submitted is not filed
    fid, _ = submit(ga)
    assert directory(mz) == {}
    platform.login("sjz-authority").post(f"/catalog/filings/{fid}/file")

    listed = directory(mz)
    assert {e["resource"]["name"] for e in listed.values()} == {"常住人口信息", "机动车登记信息"}
    entry = next(e for e in listed.values() if e["resource"]["name"] == "常住人口信息")
    assert entry["unit"] == {"code": "SJZ-GA", "name": "石家庄市公安局"}
    assert (entry["relation"], entry["filing_id"], entry["version"]) == ("other", fid, 1)
    assert [i["name"] for i in entry["resource"]["data_items"]][:2] == ["公民身份号码", "姓名"]
    assert directory(ga) == {}  # its own resources are its catalog, not its directory

    feed = [c for c in mz.feed_since(mz_head) if c["type"] == "directory_entry"]
    assert {(c["id"], c["kind"], c["version"]) for c in feed} == {
        (rid, "upsert", 1) for rid in listed
    }
    assert not [c for c in ga.feed_since(ga_head) if c["type"] == "directory_entry"]

    # an edit shows only once filed again; a deletion at once
    mz_head = mz.feed_head()
    changed, dropped = entry["id"], next(rid for rid in listed if rid != entry["id"])
    ga_compiler.patch(
        f"/catalog/resources/{changed}", json={"abstract": "新的摘要。"},
        headers={"If-Match": '"v1"'},
    )  # fmt: skip
    assert directory(mz)[changed]["resource"]["abstract"] == "本市户籍及居住登记人口信息。"
    gone = ga_compiler.delete(f"/catalog/resources/{dropped}", headers={"If-Match": '"v1"'})
    assert gone.status_code == 204, gone.text
    assert set(directory(mz)) == {changed}
    file_catalog(platform, "ga-reviewer", "职责调整。")
    assert directory(mz)[changed]["resource"]["abstract"] == "新的摘要。"
    assert directory(mz)[changed]["version"] == 2
    feed = [c for c in mz.feed_since(mz_head) if c["type"] == "directory_entry"]
    assert [(c["id"], c["kind"], c["version"]) for c in feed] == [
        (dropped, "delete", 2), (changed, "upsert", 2),
    ]  # fmt: skip
    assert feed[0]["data"] is None


def test_the_superior_units_entries_say_so(platform: Platform) -> None:
    api = platform.login("sjz-compiler")
    for resource in api.get("/catalog/resources").json()["items"]:
        assert resource["provider_code"]  # the demo catalog is complete
    file_catalog(platform, "sjz-reviewer")
    relations = {
        e["unit"]["code"]: e["relation"] for e in directory(platform.login("mz-reviewer")).values()
    }
    assert relations["SJZ-ZF"] == "superior"
    authority = directory(platform.login("sjz-authority"))
    assert {e["relation"] for e in authority.values() if e["unit"]["code"] == "SJZ-ZF"} == {
        "superior"
    }
