"""Unlocking the locked window (Art. 18): the officer's password, checked with the platform
when it answers, else against the local verifier made at the last successful sign-in.

Who can lock: a data directory where an officer has signed in (the identity is kept), or
that holds a verifier. Before the first sign-in there is no password to unlock with, and
nothing shared is held here either (shared data arrives only with a signed-in sync), so
locking is inactive then (`can_lock`) and the settings say so.

Wrong passwords are throttled per process: after `FREE_TRIES` wrong ones each further try
must wait, twice as long each time (from 30 s up to 15 min), counted on the runtime's clock.
When the platform gives no answer about the password (offline, a portal, its own
throttling), the local verifier decides. A password the platform accepts renews the
offline verifier.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.unlock import UnlockOutcome, UnlockResult
from govshare_desktop.security.password_verifier import Verifier, make_verifier, matches
from govshare_desktop.services.executor import writes
from govshare_desktop.services.runtime import Runtime, Service
from govshare_desktop.store.repositories.unlock import UnlockRepository

if TYPE_CHECKING:
    from govshare_desktop.services.sync.signin import PlatformAccess

log = logging.getLogger(__name__)

FREE_TRIES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)


class UnlockService(Service):
    def __init__(self, runtime: Runtime, platform: PlatformAccess) -> None:
        super().__init__(runtime)
        self._platform = platform
        self._lock = threading.Lock()
        self._wrong = 0
        self._blocked_until: datetime | None = None

    def can_lock(self) -> bool:
        """Whether an officer could unlock: someone signed in here once, or a verifier."""
        if self._rt.identity.get().signed_in:
            return True
        return self._verifier() is not None

    def remember(self, officer: str, password: str) -> None:
        """Make the offline verifier from a password the platform just accepted (the scrypt
        work on the caller's thread; only the store write goes to the writer)."""
        self._store(make_verifier(officer, password).to_json())

    @writes
    def _store(self, verifier_json: str) -> None:
        with self._db.write() as session:
            UnlockRepository(session).put(verifier_json)

    def _verifier(self) -> Verifier | None:
        with self._db.read() as session:
            stored = UnlockRepository(session).get()
        return Verifier.from_json(stored) if stored else None

    def unlock(self, password: str) -> UnlockResult:
        """Check the password (the platform first when it answers); never raises for the
        network. Runs on the network lane in the GUI: the platform may be slow."""
        wait = self._wait()
        if wait:
            return UnlockResult(UnlockOutcome.THROTTLED, wait)
        verifier = self._verifier()
        officer = verifier.officer if verifier else self._rt.identity.get().officer
        online = self._ask_platform(officer, password) if officer else None
        if online is not None:
            right = online
        elif verifier is None:
            return UnlockResult(UnlockOutcome.CANNOT_CHECK)
        else:
            right = matches(verifier, password)
        return self._counted(right, officer, password, online is True)

    def _ask_platform(self, officer: str, password: str) -> bool | None:
        """True/False as the platform answers the password; None when it gives no answer."""
        if not self._platform.url:
            return None
        try:
            self._platform.session().client.password_grant(officer, password)
        except KnownError as error:
            if error.code is ErrorCode.SIGN_IN_FAILED:
                return False
            # offline, a portal, a refusal to answer (its own throttling included): the
            # local verifier decides, and this service's own throttle still counts
            log.info("unlock: the platform gave no answer (%s); checked offline", error.code)
            return None
        return True

    def _counted(self, right: bool, officer: str, password: str, by_platform: bool) -> UnlockResult:
        with self._lock:
            if right:
                self._wrong, self._blocked_until = 0, None
            else:
                self._wrong += 1
                over = self._wrong - FREE_TRIES
                if over >= 0:
                    wait = min(FIRST_WAIT * (2**over), LONGEST_WAIT)
                    self._blocked_until = self._rt.clock.now() + wait
        if right:
            if by_platform:
                self.remember(officer, password)
            return UnlockResult(UnlockOutcome.UNLOCKED)
        wait = self._wait()
        if wait:
            return UnlockResult(UnlockOutcome.THROTTLED, wait)
        return UnlockResult(UnlockOutcome.WRONG, tries_left=max(0, FREE_TRIES - self._wrong))

    def _wait(self) -> int:
        """Seconds before another try is taken (0: now)."""
        with self._lock:
            if self._blocked_until is None:
                return 0
            left = (self._blocked_until - self._rt.clock.now()).total_seconds()
            return max(0, int(left + 0.999))
