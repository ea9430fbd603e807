"""Bounded requests over real HTTP: 413 before the body is read, 415, 414, 431, and 400s as problems."""

from __future__ import annotations

import http.client
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from reference_platform.http_protocol import MAX_HEAD_BYTES
from reference_platform.settings import DEFAULT_MAX_BODY_BYTES
from tests.platform.conftest import Client, Platform, seed, start_platform
from tests.platform.contract import raw_spec
from tests.platform.test_auth import assert_problem

MiB = 1024 * 1024
BIG = 51_000_000  # the body of the report: 51 MB took the server to 687 MB before its 422


def _address(platform: Platform) -> tuple[str, int]:
    parts = urlsplit(platform.root)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


def _peak_rss(platform: Platform) -> int:
    """The server process's peak resident memory so far, in bytes (VmHWM)."""
    status = Path(f"/proc/{platform.process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


def _problem_of(status_line: bytes, head: bytes, body: bytes) -> dict[str, Any]:
    """The problem document of a raw HTTP answer, after checking its framing headers."""
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(b":") for line in head.split(b"\r\n")[1:])
    }
    assert headers[b"content-type"] == b"application/problem+json", status_line + head
    assert headers[b"api-version"] == b"1"
    document: dict[str, Any] = json.loads(body)
    assert document["type"] == "urn:govshare:problem:" + document["code"]
    return document


def _raw_exchange(platform: Platform, request: bytes) -> tuple[int, dict[str, Any]]:
    """Send `request` as is, read until the server closes, return status and problem."""
    with socket.create_connection(_address(platform), timeout=30) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0]
    return int(status_line.split()[1]), _problem_of(status_line, head, body)


# ---------------------------------------------------------------- 413


def test_a_body_declared_too_large_is_refused_before_a_byte_of_it_is_sent(
    platform: Platform,
) -> None:
    token = platform.token("ga-compiler")["access_token"]
    host, port = _address(platform)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.putrequest("PUT", f"/api/v1/catalog/resources/{uuid.uuid4()}")
        for name, value in (
            ("Authorization", f"Bearer {token}"),
            ("If-None-Match", "*"),
            ("Content-Type", "application/json"),
            ("Content-Length", str(BIG)),
        ):
            connection.putheader(name, value)
        connection.endheaders()  # and not one byte of the body: the answer comes anyway
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("Content-Type") == "application/problem+json"
        assert response.getheader("API-Version") == "1"
        assert json.loads(response.read())["code"] == "content_too_large"
    finally:
        connection.close()


@pytest.fixture
def fresh_platform(tmp_path: Path) -> Iterator[Platform]:
    """A server of its own, so its peak memory is not an earlier test's."""
    db_url = f"sqlite:///{tmp_path / 'platform.db'}"
    officers = seed(db_url)
    server = start_platform(tmp_path, db_url=db_url)
    server.officers = officers
    yield server
    server.stop()


def test_51_mb_bodies_leave_the_servers_memory_flat(fresh_platform: Platform) -> None:
    ga = fresh_platform.login("ga-compiler")
    ga.create()  # warm up: the first write loads what every later one uses
    before = _peak_rss(fresh_platform)
    path = f"/catalog/resources/{uuid.uuid4()}"
    headers = {"If-None-Match": "*", "Content-Type": "application/json"}

    declared = ga.put(path, data=b"[" + b"0," * (BIG // 2) + b"0]", headers=headers)
    assert_problem(declared, 413, "content_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(BIG // MiB):
            yield b"0" * MiB

    chunked = ga.put(path, data=chunks(), headers=headers)
    assert_problem(chunked, 413, "content_too_large")
    assert "Content-Length" not in (chunked.request.headers or {})
    grown = _peak_rss(fresh_platform) - before
    # At most the 8 MiB limit held before a chunked body is refused, never the body itself
    # (before the limit the server peaked at 687 MB for one such body).
    assert grown < 24 * MiB, f"the server's peak memory grew by {grown / MiB:.0f} MiB"
    assert ga.get("/me").status_code == 200


def _largest_resource() -> dict[str, Any]:
    """A resource at the contract's 2,000 data items, each with long Chinese texts."""
    return {
        "name": "全员人口信息" * 10,
        "abstract": "摘要" * 1000,
        "data_items": [
            {
                "name": f"信息项{n:04d}" + "名" * 93,
                "data_type": "C",
                "length": 200,
                "share_type": "conditional",
                "share_conditions": "条" * 200,
                "description": "说" * 200,
            }
            for n in range(2000)
        ],
    }


def test_the_largest_realistic_resource_fits_the_default_limit(ga: Client) -> None:
    body = _largest_resource()
    size = len(json.dumps(body))  # as requests sends it: every Chinese character as \uXXXX
    assert 6_000_000 < size < DEFAULT_MAX_BODY_BYTES
    created = ga.create(body)
    assert len(created["data_items"]) == 2000


# ---------------------------------------------------------------- 415


def test_a_body_in_another_media_type_is_415(ga: Client, platform: Platform) -> None:
    path = f"/catalog/resources/{uuid.uuid4()}"
    text = ga.put(
        path,
        data='{"name": "x"}',
        headers={"If-None-Match": "*", "Content-Type": "text/plain"},
    )
    assert_problem(text, 415, "unsupported_media_type")
    untyped = ga.put(path, data=b'{"name": "x"}', headers={"If-None-Match": "*"})
    assert_problem(untyped, 415, "unsupported_media_type")
    rid = ga.create()["id"]
    patch = ga.patch(
        f"/catalog/resources/{rid}",
        data="name=y",
        headers={"If-Match": '"v1"', "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(patch, 415, "unsupported_media_type")
    assert set(patch.headers["Accept-Patch"].split(", ")) == {
        "application/json",
        "application/merge-patch+json",
    }
    merged = ga.patch(
        f"/catalog/resources/{rid}",
        data=json.dumps({"name": "合并"}),
        headers={"If-Match": '"v1"', "Content-Type": "application/merge-patch+json"},
    )
    assert merged.json()["name"] == "合并"
    token = platform.anonymous().post("/auth/token", json={"grant_type": "password"})
    assert_problem(token, 415, "unsupported_media_type")
    assert ga.get(f"/catalog/resources/{rid}").json()["version"] == 2


def _operations_with_bodies() -> list[tuple[str, str, list[str]]]:
    spec = raw_spec()
    return [
        (method.upper(), path, sorted(operation["requestBody"]["content"]))
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if method != "parameters" and "requestBody" in operation
    ]


def test_every_operation_takes_exactly_the_media_types_of_the_contract(
    ga: Client, platform: Platform
) -> None:
    """Each listed type gets past the media-type check; text/plain does not."""
    operations = _operations_with_bodies()
    assert len(operations) > 20
    bodies = {"application/x-www-form-urlencoded": "grant_type=none"}
    for method, template, media_types in operations:
        url = platform.api + template.replace("{id}", str(uuid.uuid4()))
        for media_type in [*media_types, "text/plain"]:
            response = ga.raw.request(
                method,
                url,
                data=bodies.get(media_type, "{}").encode(),
                headers={"Content-Type": media_type, "If-Match": '"v1"', "If-None-Match": "*"},
                timeout=30,
            )
            refused = response.status_code == 415
            assert refused == (media_type == "text/plain"), (method, template, media_type)


# ---------------------------------------------------------------- 414, 431, 400


def test_oversized_heads_and_too_many_parameters_are_problems(
    ga: Client, platform: Platform
) -> None:
    assert_problem(ga.get("/me", headers={"X-Big": "a" * 40_000}), 431, "headers_too_large")
    many = {f"X-Line-{n}": "1" for n in range(150)}
    assert_problem(ga.get("/me", headers=many), 431, "headers_too_large")
    rows = f"/grants/{uuid.uuid4()}/rows"
    filters = [("eq", "公民身份号码:130102199001011234")] * 2000
    assert_problem(ga.get(rows, params=filters), 414, "uri_too_long")
    assert_problem(ga.get(rows, params=[("eq", "a")] * 2000), 400, "too_many_parameters")
    assert_problem(
        platform.anonymous().get("/health", params=[("x", "1")] * 101), 400, "too_many_parameters"
    )
    assert ga.get("/catalog/resources", params=[("x", "1")] * 100).status_code == 200


def test_requests_uvicorn_cannot_parse_are_answered_with_problems(platform: Platform) -> None:
    status, problem = _raw_exchange(platform, b"NOT HTTP AT ALL\r\n\r\n")
    assert (status, problem["code"]) == (400, "invalid_http_request")
    # A head that is still incomplete when it passes the parser's buffer; exactly one byte
    # over, so the server has read all of it and closes cleanly after its answer.
    start = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: "
    head = start + b"a" * (MAX_HEAD_BYTES + 1 - len(start))
    status, problem = _raw_exchange(platform, head)
    assert (status, problem["code"]) == (400, "invalid_http_request")
    assert requests.get(platform.api + "/health", timeout=30).status_code == 200
