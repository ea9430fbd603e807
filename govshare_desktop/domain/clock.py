"""The one clock the app reads, injectable so deadlines and leases can be tested.

Statutory deadlines (Art. 13: 15 and 30 days) are counted in calendar days of China
Standard Time, wherever the PC's own time zone is set; the store keeps naive UTC.
Client clocks are for display and deadlines only: the platform orders changes (SYNC.md).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Protocol

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what it is told (tests, and replays of recorded work)."""

    def __init__(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("a FixedClock needs a timezone-aware instant")
        self._instant = instant

    def now(self) -> datetime:
        return self._instant

    def advance(self, delta: timedelta) -> None:
        self._instant += delta


def utc_naive(clock: Clock) -> datetime:
    """The instant as the store keeps it: naive UTC."""
    return clock.now().astimezone(UTC).replace(tzinfo=None)


def china_today(clock: Clock) -> date:
    """Today's date in China Standard Time, the calendar deadlines are counted in."""
    return clock.now().astimezone(CHINA_STANDARD_TIME).date()
