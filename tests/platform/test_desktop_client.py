"""The desktop's platform client (govshare_desktop/platform/) against the real reference
server and small real servers standing in for what lies between: every failure a typed
error with its sentence, nothing retried behind the caller's back."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest

from govshare_desktop.domain.errors import ErrorCode
from govshare_desktop.domain.identity import Tokens
from govshare_desktop.domain.messages import error_text, untranslated
from govshare_desktop.platform.client import PlatformClient
from govshare_desktop.platform.errors import (
    CredentialsRefused,
    Offline,
    PlatformError,
    ProxyAuthRequired,
    ProxyConfigInvalid,
    Throttled,
)
from govshare_desktop.platform.network import NetworkConfig
from tests.platform.conftest import Platform
from tests.support.servers import Drip, Fixed, ForwardProxy, address, refused_port, serve


def client_for(url: str, **network: object) -> PlatformClient:
    return PlatformClient(NetworkConfig(url, **network))  # type: ignore[arg-type]


@pytest.fixture
def client(platform: Platform) -> Iterator[PlatformClient]:
    made = client_for(platform.root)
    yield made
    made.close()


def sign_in(client: PlatformClient, platform: Platform, username: str) -> Tokens:
    return client.password_grant(username, platform.officers[username]["password"])


def test_health_needs_no_sign_in(client: PlatformClient) -> None:
    assert client.health()["status"] == "ok"


def test_sign_in_me_and_units(client: PlatformClient, platform: Platform) -> None:
    tokens = sign_in(client, platform, "ga-compiler")
    assert "access_token" not in repr(tokens)  # a Tokens in a log line leaks nothing
    officer = client.me(tokens.access_token)
    assert (officer.officer, officer.display_name) == ("ga-compiler", "孙丽")
    assert (officer.unit_code, officer.unit_name) == ("SJZ-GA", "石家庄市公安局")
    assert len(officer.unit_credit_code) == 18
    assert officer.roles == {"compiler"}
    units = {u.code: u for u in client.units(tokens.access_token)}
    assert units["SJZ-GA"].credit_code == officer.unit_credit_code
    assert units["SJZ-GA"].parent_code == "SJZ-ZF"


def test_the_address_may_be_typed_with_the_api_prefix_and_a_slash(platform: Platform) -> None:
    client = client_for(platform.root.upper().replace("HTTP://", "http://") + "/api/v1/")
    assert client.health()["status"] == "ok"


def test_a_wrong_password_is_its_own_error(client: PlatformClient) -> None:
    with pytest.raises(CredentialsRefused) as caught:
        client.password_grant("ga-compiler", "not-the-password")
    assert caught.value.code is ErrorCode.SIGN_IN_FAILED
    assert caught.value.status == 401
    assert caught.value.problem == "invalid_grant"


def test_problem_documents_become_typed_errors(client: PlatformClient, platform: Platform) -> None:
    token = sign_in(client, platform, "ga-compiler").access_token
    path = f"/catalog/resources/{uuid.uuid4()}"
    with pytest.raises(PlatformError) as caught:
        client.request("GET", path, token=token)
    error = caught.value
    assert (error.status, error.problem) == (404, "not_found")
    assert error.document["type"] == "urn:govshare:problem:not_found"
    assert error.detail
    assert not error.transient
    assert "HTTP 404, not_found" in error_text(error, untranslated)
    reply = client.request("GET", path, token=token, accept=(404,))  # the caller's to handle
    assert reply.status == 404
    assert reply.body["code"] == "not_found"
    with pytest.raises(PlatformError) as unauthenticated:
        client.request("GET", "/me")
    assert (unauthenticated.value.status, unauthenticated.value.problem) == (401, "unauthenticated")


def test_503_with_retry_after_is_throttled(faults: Platform, client: PlatformClient) -> None:
    faults.fault(action="status", path="/api/v1/health", status=503, retry_after=30)
    with pytest.raises(Throttled) as caught:
        client.health()
    assert caught.value.code is ErrorCode.PLATFORM_THROTTLED
    assert caught.value.retry_after == 30
    assert caught.value.params["seconds"] == 30
    assert "in 30 seconds" in error_text(caught.value, untranslated)
    assert client.health()["status"] == "ok"  # one call was refused, and only one


def test_a_500_is_a_transient_platform_error(faults: Platform, client: PlatformClient) -> None:
    faults.fault(action="status", path="/api/v1/health", status=500)
    with pytest.raises(PlatformError) as caught:
        client.health()
    assert not isinstance(caught.value, Throttled)
    assert (caught.value.status, caught.value.problem) == (500, "injected_fault")
    assert caught.value.transient


def test_failed_sign_ins_are_throttled_with_the_wait(client: PlatformClient) -> None:
    for _ in range(5):  # the default limit for one account from one address
        with pytest.raises(CredentialsRefused):
            client.password_grant("scjg-sharing", "wrong")
    with pytest.raises(Throttled) as caught:
        client.password_grant("scjg-sharing", "wrong")
    assert caught.value.code is ErrorCode.SIGN_IN_THROTTLED
    assert caught.value.status == 429
    assert caught.value.retry_after is not None and caught.value.retry_after > 0
    assert str(caught.value.params["until"]) in error_text(caught.value, untranslated)


def test_a_captive_portal_page_is_offline_with_its_own_message(
    faults: Platform, client: PlatformClient
) -> None:
    faults.fault(action="portal", path="/api/v1/health")
    with pytest.raises(Offline) as caught:
        client.health()
    assert caught.value.portal
    assert caught.value.code is ErrorCode.PLATFORM_PORTAL
    assert "text/html" in caught.value.reason
    assert "sign-in page of the network" in error_text(caught.value, untranslated)


def test_json_without_the_api_version_header_is_not_the_platform() -> None:
    with (
        serve(
            Fixed, body=b'{"status": "ok"}', headers={"Content-Type": "application/json"}
        ) as server,
        pytest.raises(Offline) as caught,
    ):
        client_for(address(server)).health()
    assert caught.value.portal
    assert "no API-Version" in caught.value.reason


def test_a_redirect_to_a_login_page_is_not_followed() -> None:
    headers = {"Location": "http://portal.example/login", "Content-Type": "text/html"}
    with serve(Fixed, status=302, body=b"<a>login</a>", headers=headers) as server:
        with pytest.raises(Offline) as caught:
            client_for(address(server)).health()
        assert len(server.hits) == 1
    assert caught.value.portal


def test_a_web_server_at_a_wrong_address_is_unreachable_not_a_portal() -> None:
    headers = {"Content-Type": "text/plain"}
    with serve(Fixed, status=404, body=b"Not Found", headers=headers) as server:
        url = address(server)
        with pytest.raises(Offline) as caught:
            client_for(url).health()
    assert not caught.value.portal
    assert caught.value.code is ErrorCode.PLATFORM_UNREACHABLE
    assert "HTTP 404" in caught.value.reason


def test_a_truncated_answer_is_offline(faults: Platform, client: PlatformClient) -> None:
    faults.fault(action="truncate", path="/api/v1/health")
    with pytest.raises(Offline) as caught:
        client.health()
    assert not caught.value.portal
    assert "cut off" in caught.value.reason


def test_a_refused_connection_is_offline() -> None:
    url = f"http://127.0.0.1:{refused_port()}"
    with pytest.raises(Offline) as caught:
        client_for(url).health()
    assert caught.value.code is ErrorCode.PLATFORM_UNREACHABLE
    assert "refused" in caught.value.reason.lower()
    assert url in error_text(caught.value, untranslated)


def test_an_unknown_host_is_offline() -> None:
    with pytest.raises(Offline) as caught:
        client_for("http://platform.invalid").health()
    assert caught.value.code is ErrorCode.PLATFORM_UNREACHABLE


def test_a_platform_that_does_not_answer_times_out(faults: Platform) -> None:
    faults.fault(action="delay", path="/api/v1/health", seconds=5)
    client = client_for(faults.root, read_timeout=0.5)
    with pytest.raises(Offline) as caught:
        client.health()
    assert caught.value.reason == "timed out"


def test_the_deadline_ends_an_answer_that_never_ends() -> None:
    """Each byte comes quickly, so no read times out: only the overall deadline ends it."""
    stop = threading.Event()
    with serve(Drip, stop=stop) as server:
        client = client_for(address(server), read_timeout=5, deadline=1)
        try:
            with pytest.raises(Offline) as caught:
                client.request("GET", "/health")
        finally:
            stop.set()
    assert caught.value.reason == "timed out"


def test_a_manual_proxy_carries_the_calls(platform: Platform) -> None:
    with serve(ForwardProxy) as proxy:
        client = client_for(platform.root, proxy=address(proxy))
        assert client.health()["status"] == "ok"
        assert any(f"GET {platform.api}/health" in hit for hit in proxy.hits)


def test_a_proxy_asking_for_a_sign_in_says_so(platform: Platform) -> None:
    with serve(ForwardProxy, auth=True) as proxy:
        for url in (platform.root, "https://127.0.0.1:9"):  # plain, and through CONNECT
            with pytest.raises(ProxyAuthRequired) as caught:
                client_for(url, proxy=address(proxy)).health()
            assert caught.value.code is ErrorCode.PROXY_AUTH_REQUIRED
            assert address(proxy) in error_text(caught.value, untranslated)


def test_the_system_proxy_from_the_environment(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with serve(ForwardProxy) as proxy:
        monkeypatch.setenv("http_proxy", address(proxy))
        assert client_for(platform.root).health()["status"] == "ok"
        assert len(proxy.hits) == 1


def pac_file(*proxies: str) -> bytes:
    choice = "; ".join(proxies)
    return f'function FindProxyForURL(url, host) {{ return "{choice}"; }}'.encode()


def test_a_pac_file_chooses_the_proxy_and_a_dead_one_is_skipped(platform: Platform) -> None:
    with serve(ForwardProxy) as proxy:
        proxy_at = address(proxy).removeprefix("http://")
        dead = f"127.0.0.1:{refused_port()}"
        body = pac_file(f"PROXY {dead}", f"PROXY {proxy_at}", "DIRECT")
        headers = {"Content-Type": "application/x-ns-proxy-autoconfig"}
        with serve(Fixed, body=body, headers=headers) as pac:
            client = client_for(
                platform.root, pac_url=address(pac) + "/proxy.pac", proxy="http://ignored:1"
            )
            assert client.health()["status"] == "ok"
            assert client.health()["status"] == "ok"
            assert len(pac.hits) == 1  # fetched once
        assert len(proxy.hits) == 2


def test_without_its_pac_file_the_network_is_tried_directly(
    platform: Platform, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(platform.root, pac_url=f"http://127.0.0.1:{refused_port()}/proxy.pac")
    assert client.health()["status"] == "ok"
    assert "going direct" in caplog.text


def test_a_broken_pac_file_says_so(platform: Platform) -> None:
    headers = {"Content-Type": "application/x-ns-proxy-autoconfig"}
    with serve(Fixed, body=b"function FindProxyForURL(url, host) {", headers=headers) as pac:
        client = client_for(platform.root, pac_url=address(pac) + "/p.pac")
        with pytest.raises(ProxyConfigInvalid) as caught:
            client.health()
    assert caught.value.code is ErrorCode.PROXY_CONFIG_INVALID
