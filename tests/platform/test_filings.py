"""Catalog filings (备案): submission of the catalog as it stands, and the authority's decision."""

from __future__ import annotations

import uuid

import requests

from tests.platform.conftest import BOTH_BACKENDS, Client, Platform
from tests.platform.test_auth import assert_problem

PLATFORM_BACKENDS = BOTH_BACKENDS  # each test runs on SQLite and on PostgreSQL


def submit(client: Client, reason: str = "") -> tuple[str, requests.Response]:
    fid = str(uuid.uuid4())
    body = {"reason": reason} if reason else {}
    return fid, client.put(f"/catalog/filings/{fid}", json=body, headers={"If-None-Match": "*"})


def test_filing_return_refiling_and_who_may_act(platform: Platform) -> None:
    reviewer, compiler = platform.login("ga-reviewer"), platform.login("ga-compiler")
    authority, outsider = platform.login("sjz-authority"), platform.login("mz-reviewer")
    head = authority.feed_head()

    fid, refused = submit(compiler)
    assert_problem(refused, 403, "role_required")
    fid, response = submit(reviewer)
    assert response.status_code == 201, response.text
    filing = response.json()
    assert (filing["state"], filing["kind"], filing["catalog_version"]) == (
        "submitted",
        "initial",
        1,
    )
    assert filing["authority_unit_code"] == "SJZ-XXGX"
    assert {r["name"] for r in filing["resources"]} == {"常住人口信息", "机动车登记信息"}
    assert all(r["version"] == 1 for r in filing["resources"])
    _, pending = submit(reviewer)
    assert_problem(pending, 409, "filing_pending")

    for target in (fid, str(uuid.uuid4())):
        assert_problem(outsider.get(f"/catalog/filings/{target}"), 404, "not_found")
    assert_problem(reviewer.post(f"/catalog/filings/{fid}/file"), 403, "wrong_party")
    assert_problem(
        authority.post(f"/catalog/filings/{fid}/return", json={}), 422, "validation_failed"
    )
    returned = authority.post(f"/catalog/filings/{fid}/return", json={"text": "摘要不完整。"})
    assert returned.json()["state"] == "returned"
    assert_problem(authority.post(f"/catalog/filings/{fid}/file"), 409, "invalid_transition")
    assert reviewer.get(f"/catalog/filings/{fid}").json()["decision_text"] == "摘要不完整。"

    second, response = submit(reviewer)
    assert response.json()["kind"] == "initial"
    filed = authority.post(f"/catalog/filings/{second}/file", json={"text": "准予备案。"})
    assert filed.json()["state"] == "filed"
    assert filed.json()["decided_by"] == "sjz-authority"

    _, no_reason = submit(reviewer)
    assert_problem(no_reason, 422, "reason_required")
    _, refiled = submit(reviewer, "机构改革，职责调整。")
    document = refiled.json()
    assert (document["kind"], document["catalog_version"]) == ("refiling", 3)
    assert document["reason"] == "机构改革，职责调整。"

    mine = reviewer.get("/catalog/filings").json()["items"]
    assert len(mine) == 3
    seen = {c["id"] for c in authority.feed_since(head) if c["type"] == "catalog_filing"}
    assert {fid, second, document["id"]} <= seen


def test_an_incomplete_catalog_cannot_be_filed(platform: Platform) -> None:
    compiler, reviewer = platform.login("mz-compiler"), platform.login("mz-reviewer")
    draft = compiler.create({"name": "未完成的资源"})
    _, response = submit(reviewer)
    body = assert_problem(response, 422, "catalog_incomplete")
    fields = {tuple(e["loc"]) for e in body["errors"]}
    assert (draft["id"], "abstract") in fields
    assert (draft["id"], "data_items") in fields
    assert all(loc[0] == draft["id"] for loc in fields)
