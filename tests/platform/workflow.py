"""Helpers for the sharing tests: drafting requests and taking workflow steps over HTTP."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import requests

from tests.platform.conftest import Client

CST = timezone(timedelta(hours=8))

# Seeded resources (reference_platform/demo_data.py) that requests can name.
GA_RESIDENTS = {
    "provider_unit_code": "SJZ-GA",
    "resource_code": "101001/000001",
    "data_items": ["公民身份号码", "姓名"],
    "purpose": "婚姻登记时核验当事人身份。",
}
GA_VEHICLES = {
    "provider_unit_code": "SJZ-GA",
    "resource_code": "303001/000001",
    "data_items": ["号牌号码", "车辆类型"],
    "purpose": "信用监管。",
}


def today_cst(shift_days: float = 0) -> date:
    return (datetime.now(UTC) + timedelta(days=shift_days)).astimezone(CST).date()


def draft(client: Client, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """A new draft by `client` (a requester); returns the document."""
    rid = str(uuid.uuid4())
    response = client.put(
        f"/share-requests/{rid}", json=body or GA_RESIDENTS, headers={"If-None-Match": "*"}
    )
    assert response.status_code == 201, response.text
    document: dict[str, Any] = response.json()
    return document


def step(
    client: Client,
    request_id: str,
    action: str,
    body: dict[str, Any] | None = None,
    *,
    key: str | None = None,
) -> requests.Response:
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(f"/share-requests/{request_id}/{action}", json=body or {}, headers=headers)


def ok(
    client: Client, request_id: str, action: str, body: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Take a step that must succeed; returns the request after it."""
    response = step(client, request_id, action, body)
    assert response.status_code == 200, response.text
    document: dict[str, Any] = response.json()
    return document


def through(
    steps: list[tuple[Client, str, dict[str, Any] | None]], request_id: str
) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for client, action, body in steps:
        document = ok(client, request_id, action, body)
    return document
