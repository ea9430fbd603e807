"""Unlocking offline (Art. 18): the verifier a sign-in left decides, wrong passwords are
counted and, past the free tries, must wait — twice as long each time, on the runtime's
clock; before any sign-in there is nothing to unlock with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from govshare_desktop.app.context import AppContext
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.unlock import UnlockOutcome, UnlockResult
from govshare_desktop.security.password_verifier import Verifier, make_verifier, matches
from govshare_desktop.services.lock.unlock import FREE_TRIES

PASSWORD = "Zhengque-Mima-2026"  # noqa: S105 - a test password


def test_wrong_passwords_are_throttled_and_the_right_one_opens(home: Path) -> None:
    clock = FixedClock(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    ctx = AppContext.open(home, clock=clock)
    try:
        unlock = ctx.services.unlock
        assert not unlock.can_lock()  # nobody signed in, no verifier
        assert unlock.unlock(PASSWORD) == UnlockResult(UnlockOutcome.CANNOT_CHECK)
        unlock.remember("mz-requester", PASSWORD)
        assert unlock.can_lock()
        for n in range(1, FREE_TRIES):
            assert unlock.unlock("wrong") == UnlockResult(UnlockOutcome.WRONG, 0, FREE_TRIES - n)
        assert unlock.unlock("wrong") == UnlockResult(UnlockOutcome.THROTTLED, 30)
        assert unlock.unlock(PASSWORD).outcome is UnlockOutcome.THROTTLED  # not even looked at
        clock.advance(timedelta(seconds=30))
        assert unlock.unlock("wrong") == UnlockResult(UnlockOutcome.THROTTLED, 60)
        clock.advance(timedelta(seconds=60))
        assert unlock.unlock(PASSWORD) == UnlockResult(UnlockOutcome.UNLOCKED)
        assert unlock.unlock("wrong").outcome is UnlockOutcome.WRONG  # counting starts again
    finally:
        ctx.close()


def test_the_verifier_is_salted_scrypt_and_never_the_password() -> None:
    one, two = make_verifier("li", PASSWORD), make_verifier("li", PASSWORD)
    assert one.salt != two.salt and one.derived != two.derived
    stored = one.to_json()
    assert PASSWORD not in stored
    assert '"kdf": "scrypt"' in stored and f'"n": {2**15}' in stored
    read = Verifier.from_json(stored)
    assert read is not None and matches(read, PASSWORD) and not matches(read, PASSWORD + "x")
    assert Verifier.from_json("{not json") is None
