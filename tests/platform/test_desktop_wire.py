"""The desktop's wire codecs (govshare_desktop/platform/wire/) round-tripped through the real
reference server: what the client sends is what the contract accepts, and what comes back
reads as the same content. Every response is checked against openapi.yaml by the client."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.merge import changed_fields
from govshare_desktop.domain.resource_content import CLASSIFICATION_FIELDS, synced_content
from govshare_desktop.platform.wire import directory, filings, resources
from tests.platform.conftest import Client, Platform


def rich_resource() -> Resource:
    return Resource(
        name="机动车驾驶人信息",
        unit_code="GA",  # the platform derives the unit from the officer: never sent
        classification=Classification("3", "01", "002", "01"),
        code="301002/01/000001",
        provider_name="石家庄市公安局",
        provider_code="11130100000000000X",
        abstract="全市机动车驾驶人基本信息",
        format_category="database",
        format_detail="Oracle",
        share_type="conditional",
        share_conditions="仅用于行政审批",
        share_method="platform_interface",
        legal_basis="",
        open_to_society=False,
        update_cycle="",  # unset: "" here, null on the wire
        published_on=date(2025, 6, 1),
        related_codes=("301002/01/000002",),
        one_source_note="本单位的说明",  # the unit's own note: never sent
        data_items=(
            DataItem("公民身份号码", "C", 18, share_type="conditional", share_conditions="脱敏"),
            DataItem("准驾车型", "C", 10),
            DataItem("初次领证日期", "D", open_to_society=False, description="格式 YYYY-MM-DD"),
        ),
    )


def test_a_resource_created_and_read_back_is_the_same_content(ga: Client) -> None:
    resource = rich_resource()
    content = synced_content(resource)
    created = ga.put(
        f"/catalog/resources/{resource.id}",
        json=resources.create_to_wire(content),
        headers={"If-None-Match": "*", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert created.status_code == 201, created.text
    back, version = resources.from_wire(ga.get(f"/catalog/resources/{resource.id}").json())
    assert version == 1
    assert back == content


def test_a_patch_of_changed_fields_reaches_the_same_content(ga: Client) -> None:
    before = rich_resource()
    ga.put(
        f"/catalog/resources/{before.id}",
        json=resources.create_to_wire(synced_content(before)),
        headers={"If-None-Match": "*"},
    )
    after = replace(
        before,
        classification=Classification("3", "01", "003"),
        share_type="",  # unset again
        abstract="全市机动车驾驶人基本信息（含注销）",
        data_items=(*before.data_items[:2], DataItem("驾驶证状态", "C", 4)),
    )
    changed = changed_fields(
        synced_content(before), synced_content(after), groups=(CLASSIFICATION_FIELDS,)
    )
    patched = ga.patch(
        f"/catalog/resources/{before.id}",
        json=resources.patch_to_wire(changed),
        headers={"If-Match": '"v1"'},
    )
    assert patched.status_code == 200, patched.text
    back, version = resources.from_wire(patched.json())
    assert version == 2
    assert back == synced_content(after)


def test_a_filing_submitted_from_a_queued_op_and_its_decision_read_back(
    platform: Platform,
) -> None:
    reviewer, authority = platform.login("mz-reviewer"), platform.login("sjz-authority")
    filing_id = str(uuid.uuid4())
    queued = {"unit_code": "MZ", "number": 1, "reason": "", "resources": {}}
    submitted = reviewer.put(
        f"/catalog/filings/{filing_id}",
        json=filings.submit_to_wire(queued),
        headers={"If-None-Match": "*"},
    )
    assert submitted.status_code == 201, submitted.text
    assert filings.decision_from_wire(submitted.json()).state == "submitted"
    returned = authority.post(f"/catalog/filings/{filing_id}/return", json={"text": "摘要不完整。"})
    assert returned.status_code == 200, returned.text
    decision = filings.decision_from_wire(returned.json())
    assert (decision.number, decision.state, decision.comment) == (1, "returned", "摘要不完整。")
    assert decision.decided_by


def test_a_filed_resource_reads_back_from_the_directory_and_the_feed_as_the_same_content(
    platform: Platform,
) -> None:
    scjg, reader = platform.login("scjg-compiler"), platform.login("mz-reviewer")
    head = reader.feed_head()
    resource = replace(rich_resource(), unit_code="SJZ-SCJG", update_cycle="daily")
    created = scjg.put(
        f"/catalog/resources/{resource.id}",
        json=resources.create_to_wire(synced_content(resource)),
        headers={"If-None-Match": "*"},
    )
    assert created.status_code == 201, created.text
    filing_id = str(uuid.uuid4())
    scjg.put(f"/catalog/filings/{filing_id}", json={}, headers={"If-None-Match": "*"})
    filed = platform.login("sjz-authority").post(f"/catalog/filings/{filing_id}/file")
    assert filed.status_code == 200, filed.text

    (listed,) = [
        e for e in reader.get("/directory", params={"limit": 500}).json()["items"]
        if e["id"] == resource.id
    ]  # fmt: skip
    (fed,) = [c["data"] for c in reader.feed_since(head) if c["id"] == resource.id]
    for document in (listed, fed):
        entry = directory.entry_from_wire(document)
        assert synced_content(entry.resource) == synced_content(resource)
        assert (entry.id, entry.unit_code, entry.version) == (resource.id, "SJZ-SCJG", 1)
        assert (entry.unit_name, entry.superior, entry.filing_id) == (
            "石家庄市市场监督管理局", False, filing_id,
        )  # fmt: skip
        assert entry.filed_at is not None


def test_a_data_item_is_read_to_exactly_the_contracts_fields() -> None:
    """Items of exactly the contract's fields are taken as they came (a first pull reads
    100,000); one with a field more or less is read to exactly those fields all the same."""
    exact = {"id": "i-1", "name": "证号", "data_type": "C", "length": 18, "share_type": None,
             "share_conditions": "", "open_to_society": None, "description": ""}  # fmt: skip
    more = {**exact, "id": "i-2", "created_at": "2025-06-01T00:00:00Z"}
    fewer = {k: v for k, v in exact.items() if k != "description"} | {"id": "i-3"}
    document = resources.create_to_wire(synced_content(rich_resource()))
    document.update(id="r-1", unit_code="GA", version=3, data_items=[exact, more, fewer])
    content, version = resources.from_wire(document)
    assert version == 3
    assert content["data_items"] == [
        exact, {**exact, "id": "i-2"}, {**exact, "id": "i-3", "description": None}
    ]  # fmt: skip
    assert all(item.keys() == exact.keys() for item in content["data_items"])
