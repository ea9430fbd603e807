"""Statutory periods in calendar days, counted on the server's clock in China Standard Time.

A period of N days starting on day D ends at the end of day D + N: the starting day itself is
not counted (Civil Code art. 201), and weekends and holidays are not skipped.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")  # no daylight saving since 1991

EXPLANATION_DAYS = 15  # Art. 13 §2: the provider explains in writing within 15 days
COORDINATION_DAYS = 30  # Art. 13 §2: the authority coordinates within 30 days of the explanation


def local_date(moment: datetime) -> date:
    """The calendar date in China at `moment` (an aware datetime)."""
    return moment.astimezone(CHINA_STANDARD_TIME).date()


def due_date(start: datetime, days: int) -> date:
    """The last day of a period of `days` that starts at `start`."""
    return local_date(start) + timedelta(days=days)


def is_past(due: date, now: datetime) -> bool:
    """True once the whole due day has gone by."""
    return local_date(now) > due
