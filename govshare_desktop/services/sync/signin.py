"""Signing in and out (登录 / 退出登录): the officer's tokens, who they are, and which unit's
catalog this data directory holds.

Offline work never needs a sign-in; the first one gives the data directory its unit for
good (one unit's catalog per data directory): the catalog compiled before it becomes the
unit's, new resources name the unit as their provider, and an account of another unit is
refused with an explanation. Signing out removes only the tokens; the unit stays, and so
does every change waiting to be sent (refused unless forced while there are any).

The network calls run on whichever thread calls (the GUI's network lane, the CLI); only
the identity's write goes to the writer thread (`@writes`), and no transaction spans an
HTTP call. The platform itself is reached through `PlatformAccess`, which the composition
root builds from the settings (app/platform_access.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from govshare_desktop.domain.enums import OutboxStatus
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.identity import Identity
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.identity import IdentityRepository
from govshare_desktop.store.repositories.outbox import OutboxRepository

if TYPE_CHECKING:  # the HTTP client is imported only when the platform is first used
    from govshare_desktop.platform.session import PlatformSession
    from govshare_desktop.services.lock.unlock import UnlockService

log = logging.getLogger(__name__)


class PlatformAccess(Protocol):
    """The platform as the settings describe it; the composition root's."""

    @property
    def url(self) -> str:
        """The configured platform address ("" when none is set)."""
        ...

    def check_url(self, url: str) -> str:
        """`url` in its normal form; `KnownError` when it is empty, malformed, or another
        address than the one machine policy enforces."""
        ...

    def remember_url(self, url: str) -> None:
        """Make `url` the configured address (the user's setting)."""
        ...

    def session(self, url: str | None = None) -> PlatformSession:
        """The officer's session with the platform at `url` (default: the configured one)."""
        ...

    def signed_in(self, url: str | None = None) -> bool:
        """Whether tokens for `url` are held, without building the HTTP client."""
        ...

    def forget(self, url: str | None = None) -> None:
        """Remove the tokens for `url` from the credential store."""
        ...


@dataclass(frozen=True, slots=True)
class SignInState:
    """What the status bar and the sign-in dialog show."""

    identity: Identity  # the data directory's officer and unit (kept after sign-out)
    platform_url: str
    signed_in: bool  # tokens are held: calls to the platform can be made now


class SignInService(Service):
    def __init__(
        self, runtime: Runtime, platform: PlatformAccess, unlock: UnlockService | None = None
    ) -> None:
        super().__init__(runtime)
        self._platform = platform
        self._unlock = unlock

    @property
    def platform(self) -> PlatformAccess:
        return self._platform

    def state(self) -> SignInState:
        """Never raises for a missing keyring: then nobody is signed in. Before the first
        sign-in no tokens can exist, and the keyring is not even asked."""
        url, identity = self._platform.url, self._rt.identity.get()
        try:
            held = bool(url) and identity.signed_in and self._platform.signed_in(url)
        except KnownError as error:
            log.debug("sign-in state unknown: %s", error)
            held = False
        return SignInState(identity, url, held)

    def unsent(self) -> int:
        """Changes not yet accepted by the platform (waiting, in flight, parked or refused)."""
        with self._db.read() as session:
            counts = OutboxRepository(session).count_by_status()
        return sum(n for status, n in counts.items() if status != OutboxStatus.DONE.value)

    def sign_in(self, platform_url: str, username: str, password: str) -> Identity:
        """Password grant, `/me`, then keep the officer and the tokens — in that order, so
        a refused sign-in (wrong password, another unit, no keyring) writes nothing.

        Raises `KnownError`: KEYRING_UNAVAILABLE (checked before anything is sent),
        SIGN_IN_FAILED, SIGN_IN_THROTTLED, UNIT_MISMATCH, PLATFORM_* and TLS/proxy errors.
        """
        url = self._platform.check_url(platform_url or self._platform.url)
        session = self._platform.session(url)
        session.store.check()  # no usable keyring: the password is not even sent
        client = session.client
        tokens = client.password_grant(username.strip(), password)
        officer = client.me(tokens.access_token)
        self._remember(officer)
        session.adopt(tokens)
        if self._unlock is not None:  # the window's lock can be opened offline from now on
            self._unlock.remember(username.strip(), password)
        if url != self._platform.url:
            self._platform.remember_url(url)
        log.info("signed in as %s of %s at %s", officer.officer, officer.unit_code, url)
        return officer

    @writes
    def _remember(self, officer: Identity) -> None:
        """Keep the officer and unit, or refuse an account of another unit; one transaction."""
        before = self._rt.identity.get()
        try:
            with self._db.write() as session:
                identities = IdentityRepository(session)
                held = identities.get()
                if held.unit_code and held.unit_code != officer.unit_code:
                    raise KnownError(
                        ErrorCode.UNIT_MISMATCH,
                        unit=held.unit_name or held.unit_code,
                        unit_code=held.unit_code,
                        officer=officer.display_name or officer.officer,
                        other_unit=officer.unit_name or officer.unit_code,
                        other_code=officer.unit_code,
                    )
                if not held.unit_code:
                    adopted = identities.adopt_unitless(officer.unit_code)
                    log.info("%d resources compiled offline join %s", len(adopted),
                             officer.unit_code)  # fmt: skip
                identities.put(officer)
                self._rt.identity.set(officer)  # the audit event's actor is the new officer
                self._rt.audit(session, "officer.sign_in", "officer", officer.officer)
        except BaseException:
            self._rt.identity.set(before)
            raise

    def sign_out(self, *, force: bool = False) -> None:
        """Remove the tokens; refused (SIGN_OUT_UNSENT) while changes wait, unless `force`.
        The officer and unit stay: the data directory still belongs to the unit."""
        if not force and (count := self.unsent()):
            raise KnownError(ErrorCode.SIGN_OUT_UNSENT, count=count)
        url = self._platform.url
        if url:
            self._platform.forget(url)
        self._record_sign_out()
        log.info("signed out of %s", url or "(no platform)")

    @writes
    def _record_sign_out(self) -> None:
        with self._db.write() as session:
            officer = self._rt.identity.get().officer
            self._rt.audit(session, "officer.sign_out", "officer", officer)
