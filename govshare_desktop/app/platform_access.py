"""The platform as the settings describe it: the composition root's half of the sign-in.

Nothing here runs at start. The HTTP client (requests, truststore, pypac) is imported and
built the first time a session is asked for, so `govshare info`, an offline start and every
command that never goes online pay nothing for it. One `PlatformSession` per platform
address lives as long as the app: when a network setting changes (proxy, PAC file, CA
bundle) it gets a new client, but keeps its tokens and its one-refresh-at-a-time lock.
The tokens are kept in the OS keyring under the address and the data directory.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.platform.address import normalise_url
from govshare_desktop.security.credentials import KeyringTokenStore
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.settings.schema import BY_KEY

if TYPE_CHECKING:
    from govshare_desktop.platform.network import NetworkConfig
    from govshare_desktop.platform.session import PlatformSession

URL_KEY = "platform.url"


class SettingsPlatformAccess:
    """`services.sync.signin.PlatformAccess` over the settings and the OS keyring."""

    def __init__(self, settings: Settings, home: Path) -> None:
        self._settings = settings
        self._home = home
        self._lock = threading.Lock()
        self._stores: dict[str, KeyringTokenStore] = {}
        self._sessions: dict[str, PlatformSession] = {}

    @property
    def url(self) -> str:
        text = str(self._settings.get(URL_KEY)).strip()
        return normalise_url(text) if text else ""

    def check_url(self, url: str) -> str:
        text = url.strip()
        if not text:
            raise KnownError(ErrorCode.PLATFORM_NOT_CONFIGURED)
        try:
            BY_KEY[URL_KEY].coerce(text)
        except ValueError as error:
            raise KnownError(ErrorCode.SETTING_INVALID, key=URL_KEY, reason=str(error)) from error
        normal = normalise_url(text)
        if self._settings.effective(URL_KEY).locked and normal != self.url:
            raise KnownError(ErrorCode.SETTING_LOCKED, key=URL_KEY)
        return normal

    def remember_url(self, url: str) -> None:
        if normalise_url(url) != self.url:
            self._settings.update({URL_KEY: url})

    def _normal(self, url: str | None) -> str:
        chosen = url or self.url
        if not chosen:
            raise KnownError(ErrorCode.PLATFORM_NOT_CONFIGURED)
        return normalise_url(chosen)

    def store(self, url: str | None = None) -> KeyringTokenStore:
        normal = self._normal(url)
        with self._lock:
            found = self._stores.get(normal)
            if found is None:
                found = self._stores[normal] = KeyringTokenStore(normal, self._home)
            return found

    def signed_in(self, url: str | None = None) -> bool:
        return self.store(url).load() is not None

    def forget(self, url: str | None = None) -> None:
        self.store(url).clear()

    def network(self, url: str) -> NetworkConfig:
        from govshare_desktop.platform.network import NetworkConfig  # noqa: PLC0415

        get = self._settings.get
        return NetworkConfig(
            platform_url=url,
            proxy=str(get("network.proxy")),
            pac_url=str(get("network.pac_url")),
            ca_bundle=str(get("network.ca_bundle")),
        )

    def session(self, url: str | None = None) -> PlatformSession:
        from govshare_desktop.platform.client import PlatformClient  # noqa: PLC0415
        from govshare_desktop.platform.session import PlatformSession  # noqa: PLC0415

        normal = self._normal(url)
        config = self.network(normal)
        store = self.store(normal)
        with self._lock:
            session = self._sessions.get(normal)
            if session is None:
                session = self._sessions[normal] = PlatformSession(PlatformClient(config), store)
            elif session.client.config != config:
                session.client = PlatformClient(config)  # a network setting changed
            return session
