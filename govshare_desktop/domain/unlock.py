"""What an unlock attempt came to: the window's lock screen reads it (services/lock/)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UnlockOutcome(StrEnum):
    UNLOCKED = "unlocked"
    WRONG = "wrong"  # the password is not the officer's
    THROTTLED = "throttled"  # too many wrong ones: wait `wait_seconds`
    CANNOT_CHECK = "cannot_check"  # offline and no verifier on this PC


@dataclass(frozen=True, slots=True)
class UnlockResult:
    outcome: UnlockOutcome
    wait_seconds: int = 0
    tries_left: int = 0  # wrong passwords left before the waits begin
