"""The contract itself: it is served, it catches violations, and schemathesis finds none."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.platform.conftest import (
    Platform,
    assert_clean_log,
    assert_keys_survive_restart,
    seed,
    start_platform,
)
from tests.platform.contract import SPEC, ContractViolation, check_response

HOOKS = "tests.platform.schemathesis_hooks"  # a serializer for attachments (application/pdf)
SCHEMATHESIS_CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)


def test_the_server_serves_its_contract(platform: Platform) -> None:
    response = platform.anonymous().get("/openapi.yaml")
    assert response.content == SPEC.read_bytes()


def test_the_checker_catches_what_the_contract_does_not_allow(platform: Platform) -> None:
    health = requests.get(platform.api + "/health", timeout=30)
    check_response(health)
    health.request.url = platform.api + "/me"  # a health document is not an officer
    with pytest.raises(ContractViolation):
        check_response(health)
    missing = requests.get(platform.api + "/nowhere", timeout=30)
    with pytest.raises(ContractViolation, match="no such operation"):
        check_response(missing)


@pytest.fixture(scope="module")
def quiet_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """A server without the fault switch, for the fuzzer to roam in."""
    directory = tmp_path_factory.mktemp("fuzz")
    db_url = f"sqlite:///{directory / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(directory, db_url=db_url)
    server.officers = officers
    yield server
    server.stop()
    assert_clean_log(server)


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors_and_no_contract_violations(
    quiet_platform: Platform, tmp_path: Path
) -> None:
    token = quiet_platform.token("ga-compiler")["access_token"]
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        str(SPEC),
        "--url",
        quiet_platform.api,
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        SCHEMATHESIS_CHECKS,
        "--max-examples",
        "25",
        "--seed",
        "20250501",
        "--request-timeout",
        "20",
        "--suppress-health-check",
        "all",
        "--no-color",
    ]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "SCHEMATHESIS_HOOKS": HOOKS}
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    assert " passed" in result.stdout
    print(f"schemathesis: {elapsed:.1f} s\n" + result.stdout[-1500:])


@pytest.mark.slow
def test_idempotency_keys_survive_a_server_restart(tmp_path: Path) -> None:
    assert_keys_survive_restart(f"sqlite:///{tmp_path / 'platform.db'}", tmp_path)
