"""TLS always verified: a platform behind a certificate from a private CA (as a government CA
or a TLS-inspecting proxy presents) is refused with a clear message until the CA is
trusted, here through the CA-bundle setting; verification is never switched off."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import error_text, untranslated
from govshare_desktop.platform.client import PlatformClient
from govshare_desktop.platform.errors import TlsUntrusted
from govshare_desktop.platform.network import NetworkConfig
from tests.platform.conftest import Platform
from tests.support.servers import (
    Certificates,
    ForwardProxy,
    ReverseProxy,
    address,
    make_certificates,
    serve,
)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def tls_front(platform: Platform, certificates: Certificates) -> Iterator[str]:
    """The platform at https://127.0.0.1:PORT, its certificate from the private CA."""
    with serve(ReverseProxy, tls=certificates, upstream=platform.root) as front:
        yield address(front, "https")


def test_an_untrusted_certificate_is_refused_with_the_tls_message(tls_front: str) -> None:
    client = PlatformClient(NetworkConfig(tls_front))
    with pytest.raises(TlsUntrusted) as caught:
        client.health()
    error = caught.value
    assert error.code is ErrorCode.TLS_UNTRUSTED
    assert error.host == "127.0.0.1"
    assert "certificate" in error.reason.lower()
    assert "Extra CA certificates" in error_text(error, untranslated)


def test_the_ca_bundle_makes_it_trusted(tls_front: str, certificates: Certificates) -> None:
    client = PlatformClient(NetworkConfig(tls_front, ca_bundle=str(certificates.ca)))
    assert client.health()["status"] == "ok"


def test_through_a_proxy_the_same_trust_applies(tls_front: str, certificates: Certificates) -> None:
    """HTTPS through a CONNECT tunnel: the proxy's connection pools use the same context."""
    with serve(ForwardProxy) as proxy:
        untrusted = PlatformClient(NetworkConfig(tls_front, proxy=address(proxy)))
        with pytest.raises(TlsUntrusted):
            untrusted.health()
        trusted = PlatformClient(
            NetworkConfig(tls_front, proxy=address(proxy), ca_bundle=str(certificates.ca))
        )
        assert trusted.health()["status"] == "ok"
        assert [hit.split()[0] for hit in proxy.hits] == ["CONNECT", "CONNECT"]


def test_the_environment_cannot_switch_verification_off(
    tls_front: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """requests honours CURL_CA_BUNDLE="" / REQUESTS_CA_BUNDLE; this client never does."""
    monkeypatch.setenv("CURL_CA_BUNDLE", "")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "nothing.pem"))
    with pytest.raises(TlsUntrusted):
        PlatformClient(NetworkConfig(tls_front)).health()


def test_a_ca_bundle_that_is_not_pem_is_a_setting_error(tmp_path: Path) -> None:
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate", encoding="utf-8")
    with pytest.raises(KnownError) as caught:
        PlatformClient(NetworkConfig("https://127.0.0.1:9", ca_bundle=str(bogus)))
    assert caught.value.code is ErrorCode.SETTING_INVALID
    assert caught.value.params["key"] == "network.ca_bundle"


def test_sign_in_over_tls_with_the_ca_bundle_setting(
    tls_front: str,
    certificates: Certificates,
    platform: Platform,
    home: Path,
    file_keyring: Path,
) -> None:
    password = platform.officers["ga-compiler"]["password"]
    ctx = AppContext.open(home)
    try:
        with pytest.raises(TlsUntrusted):
            ctx.services.sign_in.sign_in(tls_front, "ga-compiler", password)
        assert not ctx.services.sign_in.state().identity.signed_in  # nothing kept
        ctx.settings.update({"network.ca_bundle": str(certificates.ca)})
        officer = ctx.services.sign_in.sign_in(tls_front, "ga-compiler", password)
        assert officer.unit_code == "SJZ-GA"
        assert ctx.services.sign_in.state().signed_in
    finally:
        ctx.close()
    stored = json.loads((home / "settings.json").read_text(encoding="utf-8"))["values"]
    assert stored["platform.url"] == tls_front
    assert stored["network.ca_bundle"] == str(certificates.ca)
