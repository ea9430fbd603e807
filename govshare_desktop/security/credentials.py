"""The officer's tokens in the OS keyring (the Windows Credential Manager on the target
PCs), and nowhere else: never the DB, the settings or the logs (DESIGN §2, Art. 18).

The backend is keyring's own choice and configuration (`PYTHON_KEYRING_BACKEND`, its
keyringrc); this module never picks one. When keyring has nothing usable — its `fail`
backend, the `null` one that keeps nothing, an empty chain, or a backend that errors —
every operation raises `KnownError(KEYRING_UNAVAILABLE)` and the app stays offline: there
is no plaintext fallback, not even a "temporary" one.

One sign-in per platform address and data directory: the entries are named by both, so
two data directories (two units, or a trainer's copy) never share or overwrite tokens.
Access and refresh tokens are two entries, each well under the Credential Manager's
2,560-byte limit for the token sizes platforms issue. `keyring` is imported on first use
only, so a start that never signs in never pays for it.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Tokens

log = logging.getLogger(__name__)

SERVICE = "GovShare Desktop"


def unusable_reason(backend: Any) -> str | None:
    """Why keyring's resolved backend cannot keep a secret, or None when it can."""
    from keyring.backends import chainer, fail, null  # noqa: PLC0415

    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        return f"keyring found no usable backend ({name})"
    if isinstance(backend, null.Keyring):
        return f"the configured backend keeps nothing ({name})"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return f"keyring found no usable backend ({name})"
    return None


def keyring_backend() -> Any:
    """Keyring's resolved backend, or `KnownError(KEYRING_UNAVAILABLE)` when it cannot keep
    a secret."""
    try:
        import keyring  # noqa: PLC0415 - see the module docstring

        backend = keyring.get_keyring()
    except Exception as error:  # a keyringrc naming a backend that cannot load
        raise KnownError(ErrorCode.KEYRING_UNAVAILABLE, reason=str(error)) from error
    reason = unusable_reason(backend)
    if reason is not None:
        raise KnownError(ErrorCode.KEYRING_UNAVAILABLE, reason=reason)
    return backend


def keyring_call(what: str, fn: Any, *args: str) -> Any:
    """`fn(SERVICE, *args)` on the backend, its failures as `KEYRING_UNAVAILABLE`."""
    try:
        return fn(SERVICE, *args)
    except Exception as error:  # locked, no D-Bus, a blob too large, ...
        reason = f"{what}: {type(error).__name__}: {error}"
        raise KnownError(ErrorCode.KEYRING_UNAVAILABLE, reason=reason) from error


class KeyringTokenStore:
    """`platform.session.TokenStore` over keyring; one sign-in (platform, data directory)."""

    def __init__(self, platform_url: str, home: str | os.PathLike[str]) -> None:
        self._account = f"{platform_url} {os.fspath(home)}"
        self._lock = threading.Lock()
        self._cached: Tokens | None = None
        self._loaded = False

    @property
    def account(self) -> str:
        return self._account

    def _backend(self) -> Any:
        return keyring_backend()

    def _call(self, what: str, fn: Any, *args: str) -> Any:
        return keyring_call(what, fn, *args)

    def check(self) -> None:
        """Raise `KnownError(KEYRING_UNAVAILABLE)` unless tokens can be kept safely."""
        self._backend()

    def load(self) -> Tokens | None:
        with self._lock:
            if self._loaded:
                return self._cached
            backend = self._backend()
            access = self._call("read", backend.get_password, self._account + "#access")
            refresh = self._call("read", backend.get_password, self._account + "#refresh")
            self._cached = Tokens(access, refresh) if access and refresh else None
            self._loaded = True
            return self._cached

    def save(self, tokens: Tokens) -> None:
        with self._lock:
            backend = self._backend()
            self._loaded = False  # whatever happens next, read the keyring again
            account = self._account
            self._call("write", backend.set_password, account + "#refresh", tokens.refresh_token)
            self._call("write", backend.set_password, account + "#access", tokens.access_token)
            self._cached, self._loaded = tokens, True

    def clear(self) -> None:
        """Remove the tokens; nothing to do where no keyring could ever have held them."""
        with self._lock:
            try:
                backend = self._backend()
            except KnownError:
                self._cached, self._loaded = None, True
                return
            from keyring.errors import PasswordDeleteError  # noqa: PLC0415

            for entry in ("#access", "#refresh"):
                try:
                    backend.delete_password(SERVICE, self._account + entry)
                except PasswordDeleteError:
                    pass  # not there: already signed out
                except Exception as error:
                    reason = f"delete: {type(error).__name__}: {error}"
                    raise KnownError(ErrorCode.KEYRING_UNAVAILABLE, reason=reason) from error
            self._cached, self._loaded = None, True
