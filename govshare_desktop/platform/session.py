"""The platform client with the officer's tokens: what the sign-in and the sync engine call.

    session.request("GET", "/changes", params={"since": cursor}) -> Reply

`request` takes the same arguments as `PlatformClient.request` (see platform/client.py)
and adds `Authorization: Bearer <access token>`. On a 401 it refreshes once — the refresh
token is single-use (rotation), so the new pair replaces the old one in the token store
at once, before it is used — and repeats the call; a second 401, a refused refresh or no
tokens at all raise `SignInRequired` (the caller keeps its queue and asks the officer).
An `Offline` during the refresh keeps the tokens: the next call tries again.

Concurrency: the sync engine and the UI's network lane may call at the same moment. Only
one refresh runs at a time; a caller whose 401 arrives while another refreshes waits, then
uses the pair that refresh brought (a second refresh with the spent token would make the
platform revoke the whole sign-in).

Tokens live in a `TokenStore` (security/credentials.py keeps them in the OS keyring),
passed in by the composition root: this package imports no other adapter.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.identity import Identity, Tokens
from govshare_desktop.platform.client import PlatformClient, Reply
from govshare_desktop.platform.errors import PlatformError, SignInRequired

log = logging.getLogger(__name__)

T = TypeVar("T")


class TokenStore(Protocol):
    """Where the officer's tokens are kept between runs; one sign-in per store. `load` is
    asked before every call, so a store keeps what it read in memory."""

    def check(self) -> None:
        """Raise `KnownError(KEYRING_UNAVAILABLE)` when tokens could not be kept safely."""
        ...

    def load(self) -> Tokens | None: ...

    def save(self, tokens: Tokens) -> None: ...

    def clear(self) -> None: ...


class PlatformSession:
    def __init__(self, client: PlatformClient, store: TokenStore) -> None:
        self.client = client  # replaced when a network setting changes (same sign-in)
        self.store = store
        self._lock = threading.Lock()  # one refresh at a time
        self._fresh: Tokens | None = None  # a refreshed pair the store could not keep

    @property
    def url(self) -> str:
        return self.client.url

    # ------------------------------------------------------------------ tokens
    def tokens(self) -> Tokens | None:
        """The current pair, or None when signed out."""
        return self._fresh or self.store.load()

    @property
    def signed_in(self) -> bool:
        return self.tokens() is not None

    def adopt(self, tokens: Tokens) -> None:
        """Keep a pair a password grant brought (after the caller accepted the officer)."""
        with self._lock:
            self.store.save(tokens)
            self._fresh = None

    def forget(self) -> None:
        """Sign out on this PC: the tokens leave the store (the platform keeps nothing)."""
        with self._lock:
            self._fresh = None
            self.store.clear()

    # ------------------------------------------------------------------ calls
    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        """`PlatformClient.request` as the signed-in officer; see the module docstring."""
        client = self.client
        return self._as_officer(lambda token: client.request(method, path, token=token, **kwargs))

    def me(self) -> Identity:
        """`GET /me` as the signed-in officer."""
        client = self.client
        return self._as_officer(client.me)

    def _as_officer(self, call: Callable[[str], T]) -> T:
        """`call(access_token)`; on a 401 refresh once and call again."""
        tokens = self.tokens()
        if tokens is None:
            raise SignInRequired()
        try:
            return call(tokens.access_token)
        except PlatformError as error:
            if error.status != 401:
                raise
        fresh = self._refresh(spent=tokens)
        try:
            return call(fresh.access_token)
        except PlatformError as error:
            if error.status == 401:
                raise SignInRequired() from error
            raise

    def _refresh(self, spent: Tokens) -> Tokens:
        """One refresh for everyone who saw `spent` refused; its result stored first."""
        with self._lock:
            current = self.tokens()
            if current is None:
                raise SignInRequired()
            if current.access_token != spent.access_token:
                return current  # another caller refreshed while this one waited
            try:
                fresh = self.client.refresh_grant(current.refresh_token)
            except PlatformError as error:
                if error.status in (400, 401):  # spent, expired or revoked: sign in again
                    log.info("the refresh token was refused (%s): sign-in required", error.problem)
                    self._fresh = None
                    try:
                        self.store.clear()
                    except KnownError as failure:
                        log.warning("the refused tokens could not be removed: %s", failure)
                    raise SignInRequired() from error
                raise
            try:  # the old refresh token is spent: keep the new one at once
                self.store.save(fresh)
            except KnownError as error:  # this run goes on; the next start asks to sign in
                log.warning("the refreshed tokens could not be stored: %s", error)
                self._fresh = fresh
            log.info("access token refreshed")
            return fresh
