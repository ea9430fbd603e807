"""Random secrets that belong to one install (one data directory), kept in the OS keyring.

The offline cache of shared data is encrypted with one (Art. 18) and the audit chain is
keyed with another (Art. 17), so neither can live beside the files they protect: someone
who can read or edit the data directory must not find the key there. Each secret is 32
random bytes made on first use and stored base64-encoded under the keyring entry
`secret:<name> <data directory>`, so two data directories never share one. As for tokens,
there is no plaintext fallback: without a usable keyring every call raises
`KnownError(KEYRING_UNAVAILABLE)` and the feature that needed the secret says so.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import threading

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.security.credentials import SERVICE, keyring_backend, keyring_call

SECRET_BYTES = 32


class InstallSecrets:
    """The named secrets of one data directory; each read once per process, then cached."""

    def __init__(self, home: str | os.PathLike[str]) -> None:
        self._home = os.fspath(home)
        self._lock = threading.Lock()
        self._cache: dict[str, bytes] = {}

    def _account(self, name: str) -> str:
        return f"secret:{name} {self._home}"

    def get(self, name: str) -> bytes:
        """The secret called `name`, made and stored on first use."""
        with self._lock:
            cached = self._cache.get(name)
            if cached is not None:
                return cached
            backend = keyring_backend()
            account = self._account(name)
            stored = keyring_call("read", backend.get_password, account)
            value = _decode(stored) if stored else None
            if value is None:
                value = secrets.token_bytes(SECRET_BYTES)
                encoded = base64.b64encode(value).decode("ascii")
                keyring_call("write", backend.set_password, account, encoded)
            self._cache[name] = value
            return value

    def exists(self, name: str) -> bool:
        """Whether the secret was ever made (False where no keyring can hold one)."""
        try:
            backend = keyring_backend()
            return bool(keyring_call("read", backend.get_password, self._account(name)))
        except KnownError:
            return False

    def forget(self, name: str) -> None:
        """Delete the secret: whatever it protected can no longer be read."""
        with self._lock:
            self._cache.pop(name, None)
            backend = keyring_backend()
            from keyring.errors import PasswordDeleteError  # noqa: PLC0415

            try:
                backend.delete_password(SERVICE, self._account(name))
            except PasswordDeleteError:
                pass  # never made
            except Exception as error:
                reason = f"delete: {type(error).__name__}: {error}"
                raise KnownError(ErrorCode.KEYRING_UNAVAILABLE, reason=reason) from error


def _decode(stored: str) -> bytes | None:
    """The stored secret, or None when the entry is not one of ours (then a new one)."""
    try:
        value = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None
    return value if len(value) == SECRET_BYTES else None
