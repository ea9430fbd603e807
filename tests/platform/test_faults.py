"""The fault switch: dropped connections after commit, injected statuses, delays, truncation."""

from __future__ import annotations

import json
import subprocess
import time
import uuid

import pytest
import requests

from tests.platform.conftest import Client, Platform, platform_command
from tests.platform.test_auth import assert_problem


def test_a_create_whose_response_is_lost_is_replayed_by_its_key(
    faults: Platform, ga: Client
) -> None:
    rid, key = str(uuid.uuid4()), str(uuid.uuid4())
    path = f"/catalog/resources/{rid}"
    head = ga.feed_head()
    faults.fault(action="drop", path=f"/api/v1{path}", method="PUT")
    headers = {"If-None-Match": "*", "Idempotency-Key": key}
    with pytest.raises(requests.ConnectionError):
        ga.raw.put(ga.base_url + path, json={"name": "掉线"}, headers=headers, timeout=30)
    assert ga.get(path).json()["version"] == 1  # the server had committed
    retry = ga.put(path, json={"name": "掉线"}, headers=headers)
    assert retry.status_code == 201
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert [c["id"] for c in ga.feed_since(head)] == [rid]


def test_a_patch_whose_response_is_lost_is_not_a_false_412(faults: Platform, ga: Client) -> None:
    rid, key = ga.create()["id"], str(uuid.uuid4())
    path = f"/catalog/resources/{rid}"
    faults.fault(action="drop", path=f"/api/v1{path}")
    headers = {"If-Match": '"v1"', "Idempotency-Key": key}
    with pytest.raises(requests.ConnectionError):
        ga.raw.patch(ga.base_url + path, json={"abstract": "掉线"}, headers=headers, timeout=30)
    retry = ga.patch(path, json={"abstract": "掉线"}, headers=headers)
    assert retry.status_code == 200
    assert retry.json()["version"] == 2


def test_a_drop_before_commit_changes_nothing(faults: Platform, ga: Client) -> None:
    rid = str(uuid.uuid4())
    path = f"/catalog/resources/{rid}"
    faults.fault(action="drop", path=f"/api/v1{path}", after_commit=False)
    with pytest.raises(requests.ConnectionError):
        ga.raw.put(
            ga.base_url + path, json={"name": "x"}, headers={"If-None-Match": "*"}, timeout=30
        )
    assert_problem(ga.get(path), 404, "not_found")


def test_injected_statuses_carry_retry_after_then_stop(faults: Platform, ga: Client) -> None:
    faults.fault(action="status", path="/api/v1/changes", status=503, retry_after=30, count=2)
    for _ in range(2):
        response = ga.get("/changes")
        assert_problem(response, 503, "injected_fault")
        assert response.headers["Retry-After"] == "30"
    assert ga.get("/changes").status_code == 200
    faults.fault(action="status", path="/api/v1/catalog/*", status=429, retry_after=1)
    assert ga.get("/catalog/resources").status_code == 429
    faults.fault(action="status", path="/api/v1/me", status=500, method="GET")
    assert_problem(ga.raw.get(ga.base_url + "/me", timeout=30), 500, "injected_fault")
    assert ga.get("/me").status_code == 200


def test_a_delayed_call_still_answers(faults: Platform, ga: Client) -> None:
    faults.fault(action="delay", path="/api/v1/me", seconds=0.5)
    started = time.monotonic()
    assert ga.get("/me").status_code == 200
    assert time.monotonic() - started >= 0.5
    faults.fault(action="delay", path="/api/v1/me", seconds=2)
    with pytest.raises(requests.Timeout):
        ga.raw.get(ga.base_url + "/me", timeout=0.3)


def test_a_truncated_body_is_framed_but_not_json(faults: Platform, ga: Client) -> None:
    whole = ga.get("/me").content
    faults.fault(action="truncate", path="/api/v1/me")
    cut = ga.raw.get(ga.base_url + "/me", timeout=30)
    assert cut.status_code == 200
    assert cut.content == whole[: len(whole) // 2]
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut.content)


def test_a_portal_answers_200_html_in_the_platforms_place(faults: Platform, ga: Client) -> None:
    faults.fault(action="portal", path="/api/v1/me")
    page = ga.raw.get(ga.base_url + "/me", timeout=30)
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<form>" in page.text
    assert ga.get("/me").json()["username"] == "ga-compiler"  # one call only


def test_armed_rules_are_listed_and_cleared(faults: Platform) -> None:
    faults.fault(action="status", path="/api/v1/units", status=503, count=None)
    rules = requests.get(faults.api + "/_faults", timeout=30).json()["rules"]
    assert rules[0]["path"] == "/api/v1/units"
    assert rules[0]["remaining"] is None
    faults.clear_faults()
    assert requests.get(faults.api + "/_faults", timeout=30).json()["rules"] == []


def test_unknown_fault_actions_are_refused(faults: Platform) -> None:
    response = requests.post(faults.api + "/_faults", json={"action": "explode"}, timeout=30)
    assert response.status_code == 422


@pytest.mark.slow
def test_the_switch_is_off_unless_enabled_at_start(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tests.platform.conftest import assert_clean_log, start_platform  # noqa: PLC0415

    server = start_platform(tmp_path_factory.mktemp("nofaults"))
    try:
        response = requests.post(
            server.api + "/_faults", json={"action": "expire_tokens"}, timeout=30
        )
        assert response.status_code == 404
        assert response.headers["API-Version"] == "1"
    finally:
        server.stop()
    assert_clean_log(server)


def test_faults_are_refused_on_a_public_address() -> None:
    result = subprocess.run(
        platform_command("serve", "--host", "0.0.0.0", "--enable-faults", "--db", "sqlite://"),  # noqa: S104
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "refusing" in result.stderr
