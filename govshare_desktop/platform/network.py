"""How the client reaches the platform: the address, TLS trust, the proxy, the time limits.

- **TLS** is always verified, against the operating system's trust store (`truststore`:
  the Windows certificate store on the officers' PCs, so a government CA or a
  TLS-inspecting proxy that IT installed there just works), plus the PEM file of the
  `network.ca_bundle` setting, loaded into the same context. There is no switch to turn
  verification off, and certifi's bundle is never consulted.
- **Proxy**, in this order: a PAC file named by `network.pac_url` (run by pypac's embedded
  JavaScript interpreter, dukpy; government networks publish one); else the manual
  `network.proxy`; else the system's: the Windows Internet Options (a PAC file configured
  there, else the proxy server and its bypass list) or, elsewhere, the `*_proxy`
  environment variables. WPAD discovery by DNS is not attempted: a guessed proxy is a
  risk, and the lookup would stall every start on a network without one.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.platform.address import api_root
from govshare_desktop.platform.errors import Offline, ProxyConfigInvalid

if TYPE_CHECKING:
    from pypac.parser import PACFile

log = logging.getLogger(__name__)

PAC_RETRY_S = 60.0  # after a PAC file could not be fetched, go direct this long, then retry
PAC_TIMEOUT = (5.0, 10.0)
PAC_TYPES = {  # what PAC servers send; some send text/plain or nothing
    "application/x-ns-proxy-autoconfig",
    "application/x-javascript-config",
    "application/javascript",
    "text/javascript",
    "text/plain",
}


@dataclass(frozen=True, slots=True)
class NetworkConfig:
    """Everything the client needs from the settings, as plain values (no settings import)."""

    platform_url: str
    proxy: str = ""
    pac_url: str = ""
    ca_bundle: str = ""
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    deadline: float = 300.0  # the whole call: connect, send, wait, read the body

    @property
    def api_root(self) -> str:
        """`https://host[/path]/api/v1`, whether the officer typed the prefix or not."""
        return api_root(self.platform_url)


def tls_context(ca_bundle: str) -> ssl.SSLContext:
    """The OS trust store, plus the configured CA bundle; hostnames always checked."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as error:
            raise KnownError(
                ErrorCode.SETTING_INVALID, key="network.ca_bundle", reason=str(error)
            ) from error
    return context


class TrustStoreAdapter(HTTPAdapter):
    """requests' transport over one TLS context: direct and through proxies alike."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(pool_connections=4, pool_maxsize=8, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(proxy, **kwargs)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """Verification is the context's (the OS store and the CA bundle), always on:
        requests would otherwise add certifi's bundle, or honour `verify=False`."""
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None


def system_pac_url() -> str:
    """The PAC file configured in the OS (Windows Internet Options, macOS), if any."""
    from pypac import os_settings  # noqa: PLC0415 - only on the system-proxy path

    try:
        if os_settings.ON_WINDOWS:
            found = os_settings.autoconfig_url_from_registry()
        elif os_settings.ON_DARWIN:
            found = os_settings.autoconfig_url_from_preferences()
        else:
            found = None
    except Exception:  # a registry or plist that cannot be read: no PAC
        log.warning("the system's proxy auto-configuration could not be read", exc_info=True)
        return ""
    text = str(found or "")
    return text if text.lower().startswith(("http://", "https://")) else ""


class ProxyChooser:
    """The proxies for one call, as requests takes them ({} = direct)."""

    def __init__(self, config: NetworkConfig, fetch: requests.Session) -> None:
        pac_url = config.pac_url.strip()
        self._manual = "" if pac_url else config.proxy.strip()  # a PAC file decides first
        self._pac_url: str | None = pac_url or None  # None: the system's, not yet looked up
        if self._pac_url is None and self._manual:
            self._pac_url = ""
        self._fetch = fetch
        self._pac: PACFile | None = None
        self._pac_failed_at: float | None = None
        self._banned: set[str] = set()
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        """The proxy setting in use, for a message."""
        if self._manual:
            return self._manual
        return f"PAC {self._pac_url}" if self._pac_url else "system proxy"

    def _pac_source(self) -> str:
        """The PAC file to follow: the setting's, else the system's (looked up once)."""
        if self._pac_url is None:
            self._pac_url = system_pac_url()
        return self._pac_url

    def candidates(self, url: str) -> list[str | None]:
        """Proxies to try for `url`, in order; None means DIRECT."""
        if self._manual:
            return [self._manual]
        pac_url = self._pac_source()
        if not pac_url:
            env = get_environ_proxies(url)  # *_proxy, or Windows' proxy server and bypass list
            return [env.get(urlsplit(url).scheme) or env.get("all") or None]
        pac = self._load_pac(pac_url)
        if pac is None:
            return [None]
        try:
            answer = pac.find_proxy_for_url(url, urlsplit(url).hostname or "")
        except Exception as error:  # the PAC's JavaScript failed for this URL
            raise ProxyConfigInvalid(pac_url, str(error)) from error
        from pypac.parser import parse_pac_value  # noqa: PLC0415

        found: list[str | None] = [
            None if value == "DIRECT" else value for value in parse_pac_value(answer)
        ]
        with self._lock:
            usable = [p for p in found if p is None or p not in self._banned]
        return usable or found[:1] or [None]

    def ban(self, proxy: str) -> None:
        """A proxy from the PAC file did not accept a connection: use the next one."""
        if self._pac_url:
            with self._lock:
                self._banned.add(proxy)

    def _load_pac(self, pac_url: str) -> PACFile | None:
        with self._lock:
            if self._pac is not None:
                return self._pac
            failed = self._pac_failed_at
            if failed is not None and time.monotonic() - failed < PAC_RETRY_S:
                return None
            try:
                response = self._fetch.get(pac_url, timeout=PAC_TIMEOUT, proxies={})
            except requests.RequestException as error:
                # as browsers do: without its PAC file the network is tried directly
                log.warning("PAC file %s unavailable (%s); going direct", pac_url, error)
                self._pac_failed_at = time.monotonic()
                return None
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if not response.ok or (kind and kind not in PAC_TYPES):
                log.warning("PAC file %s: HTTP %s %s", pac_url, response.status_code, kind)
                self._pac_failed_at = time.monotonic()
                return None
            from pypac.parser import MalformedPacError, PACFile  # noqa: PLC0415

            try:
                self._pac = PACFile(response.text)
            except MalformedPacError as error:
                raise ProxyConfigInvalid(pac_url, str(error)) from error
            log.info("proxy auto-configuration from %s", pac_url)
            return self._pac


def offline_reason(error: BaseException) -> str:
    """A short, technical reason for a failed connection: the innermost OS error's text."""
    seen: set[int] = set()
    current: BaseException | None = error
    found: str = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            found = current.strerror
        nested = [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            nested.insert(0, reason)
        current = nested[0] if nested else (current.__cause__ or current.__context__)
    if found:
        return found
    text = str(error)
    return text[:200] if text else type(error).__name__


def unreachable(url: str, error: BaseException) -> Offline:
    return Offline(url, offline_reason(error))
