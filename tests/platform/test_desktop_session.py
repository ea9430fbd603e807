"""The officer's session (platform/session.py) against the real reference server: one refresh
on a 401 with rotation (the spent refresh token replaced in the keyring at once), sign-in
asked for after that, and one refresh however many callers meet the 401 together."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from govshare_desktop.domain.identity import Tokens
from govshare_desktop.platform.client import PlatformClient
from govshare_desktop.platform.errors import PlatformError, SignInRequired, Throttled
from govshare_desktop.platform.network import NetworkConfig
from govshare_desktop.platform.session import PlatformSession
from govshare_desktop.security.credentials import KeyringTokenStore
from tests.platform.conftest import Platform


def signed_in(platform: Platform, home: Path, username: str = "ga-compiler") -> PlatformSession:
    client = PlatformClient(NetworkConfig(platform.root))
    session = PlatformSession(client, KeyringTokenStore(platform.root, home))
    session.adopt(client.password_grant(username, platform.officers[username]["password"]))
    return session


def test_no_tokens_means_sign_in_required(
    platform: Platform, home: Path, file_keyring: Path
) -> None:
    session = PlatformSession(
        PlatformClient(NetworkConfig(platform.root)), KeyringTokenStore(platform.root, home)
    )
    assert not session.signed_in
    with pytest.raises(SignInRequired):
        session.request("GET", "/me")


def test_an_expired_access_token_is_refreshed_once_and_rotated(
    faults: Platform, home: Path, file_keyring: Path
) -> None:
    session = signed_in(faults, home)
    first = session.tokens()
    assert first is not None
    faults.fault(action="expire_tokens")
    assert session.request("GET", "/me").body["username"] == "ga-compiler"
    second = session.tokens()
    assert second is not None
    assert second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token
    # the new pair is in the keyring, not only in memory: a restart finds it
    reopened = KeyringTokenStore(faults.root, home).load()
    assert reopened is not None
    assert reopened.refresh_token == second.refresh_token
    # the old refresh token is spent (presenting it again revokes the sign-in, so: last)
    with pytest.raises(PlatformError) as caught:
        session.client.refresh_grant(first.refresh_token)
    assert (caught.value.status, caught.value.problem) == (401, "invalid_grant")


def test_a_refused_refresh_asks_for_sign_in_and_drops_the_tokens(
    faults: Platform, home: Path, file_keyring: Path
) -> None:
    session = signed_in(faults, home)
    faults.fault(action="expire_tokens", refresh=True)
    with pytest.raises(SignInRequired):
        session.request("GET", "/me")
    assert not session.signed_in
    assert KeyringTokenStore(faults.root, home).load() is None


def test_a_refresh_the_platform_cannot_answer_now_keeps_the_tokens(
    faults: Platform, home: Path, file_keyring: Path
) -> None:
    """Busy is not "signed out": the caller backs off and the same tokens try again."""
    session = signed_in(faults, home)
    before = session.tokens()
    faults.fault(action="expire_tokens")
    faults.fault(action="status", path="/api/v1/auth/token", status=503, retry_after=1)
    with pytest.raises(Throttled):
        session.request("GET", "/me")
    assert session.tokens() == before
    assert session.request("GET", "/me").body["username"] == "ga-compiler"


def test_callers_meeting_the_401_together_share_one_refresh(
    faults: Platform, home: Path, file_keyring: Path
) -> None:
    """Two threads (the sync engine and the UI's network lane) get 401 at once. A second
    refresh with the spent token would make the platform revoke the whole sign-in; one
    after the first is merely wasted. There is exactly one."""
    session = signed_in(faults, home)
    refreshes: list[str] = []
    refresh_grant = session.client.refresh_grant

    def counted(token: str) -> Tokens:  # the real call, counted
        refreshes.append(token)
        return refresh_grant(token)

    session.client.refresh_grant = counted  # type: ignore[method-assign]
    faults.fault(action="expire_tokens")
    # the refresh takes a while, so the second 401 arrives while the first refreshes
    faults.fault(action="delay", path="/api/v1/auth/token", seconds=1)
    results: list[object] = []
    barrier = threading.Barrier(2)

    def call() -> None:
        barrier.wait()
        try:
            results.append(session.request("GET", "/me").body["username"])
        except Exception as error:  # collected for the assertion below
            results.append(error)

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == ["ga-compiler", "ga-compiler"]
    assert len(refreshes) == 1
    assert session.request("GET", "/me").status == 200
