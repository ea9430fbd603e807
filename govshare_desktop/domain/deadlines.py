"""Statutory deadlines of Art. 13 as dates: when a period ends, how long is left, overdue or not.

The provider explains in writing within 15 days of the authority's request, and the authority
coordinates within 30 days of the explanation. A period of N days that starts on day D ends at
the end of its last day; the starting day itself is not counted (Civil Code art. 201). Days are
days of China Standard Time whatever the PC's own time zone, exactly as the platform counts
them (`reference_platform/calendar.py`).

By default the days are calendar days, as on the platform. A profile may ask for working days
instead (its optional `deadlines` section): weekends and the listed public holidays are then
skipped, and the listed make-up working days (调休, a Saturday or Sunday worked in exchange)
count. Once online, the due dates the platform sends win over the ones counted here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.clock import CHINA_STANDARD_TIME, Clock
from govshare_desktop.domain.errors import ErrorCode, KnownError

EXPLANATION_DAYS = 15  # Art. 13 §2: the provider explains in writing within 15 days
COORDINATION_DAYS = 30  # Art. 13 §2: the authority coordinates within 30 days of the explanation
_SATURDAY = 5


class DayCount(StrEnum):
    """How the days of a period are counted."""

    CALENDAR = "calendar"  # every day (the platform's way, and the default)
    WORKING = "working"  # Monday to Friday, less holidays, plus make-up working days


@dataclass(frozen=True, slots=True)
class DeadlineCalendar:
    """How a profile counts statutory periods; `CALENDAR_DAYS` unless the profile says more."""

    day_count: DayCount = DayCount.CALENDAR
    holidays: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)  # 调休: worked weekend days

    def counts(self, day: date) -> bool:
        """Whether `day` counts towards a period."""
        if self.day_count is DayCount.CALENDAR:
            return True
        if day in self.working_days:
            return True
        return day.weekday() < _SATURDAY and day not in self.holidays

    def last_day(self, first_day: date, days: int) -> date:
        """The last day of a period of `days` counted from the day after `first_day`."""
        if days < 0:
            raise ValueError("a period cannot have a negative length")
        if self.day_count is DayCount.CALENDAR:
            return first_day + timedelta(days=days)
        day, counted = first_day, 0
        while counted < days:
            day += timedelta(days=1)
            counted += self.counts(day)
        return day

    def days_between(self, start: date, end: date) -> int:
        """The days that count in (start, end]: 0 when `end` is not after `start`."""
        if end <= start:
            return 0
        if self.day_count is DayCount.CALENDAR:
            return (end - start).days
        return sum(self.counts(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))


CALENDAR_DAYS = DeadlineCalendar()


def china_date(moment: datetime) -> date:
    """The date in China at `moment`; a naive value is UTC, as the store keeps instants."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(CHINA_STANDARD_TIME).date()


def due_date(start: datetime, days: int, calendar: DeadlineCalendar = CALENDAR_DAYS) -> date:
    """The last day of a period of `days` that starts at the instant `start`."""
    return calendar.last_day(china_date(start), days)


def explanation_due(requested_at: datetime, calendar: DeadlineCalendar = CALENDAR_DAYS) -> date:
    """The last day for the provider's written explanation, from the authority's request."""
    return due_date(requested_at, EXPLANATION_DAYS, calendar)


def coordination_due(explained_at: datetime, calendar: DeadlineCalendar = CALENDAR_DAYS) -> date:
    """The last day for the authority's coordination, from the provider's explanation."""
    return due_date(explained_at, COORDINATION_DAYS, calendar)


def period_end(due: date) -> datetime:
    """The instant a period whose last day is `due` runs out: the next midnight in China."""
    return datetime.combine(due + timedelta(days=1), time(0), CHINA_STANDARD_TIME)


def is_past(due: date, now: datetime) -> bool:
    """True once the whole due day has gone by in China (the platform's test)."""
    return china_date(now) > due


def is_overdue(due: date, clock: Clock) -> bool:
    """True once the whole due day has gone by, on `clock`."""
    return is_past(due, clock.now())


@dataclass(frozen=True, slots=True)
class Countdown:
    """What a list shows for a due date: days left, or days overdue, in the calendar's days.

    `days_left` is 0 on the due day itself (still in time) and negative once overdue.
    """

    due: date
    days_left: int
    unit: DayCount

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


def days_left(due: date, clock: Clock, calendar: DeadlineCalendar = CALENDAR_DAYS) -> int:
    """Days that count from today (China) to `due`: 0 on the due day, negative when overdue."""
    today = china_date(clock.now())
    if today <= due:
        return calendar.days_between(today, due)
    return -max(1, calendar.days_between(due, today))


def countdown(due: date, clock: Clock, calendar: DeadlineCalendar = CALENDAR_DAYS) -> Countdown:
    """The countdown to `due` as of `clock`'s now."""
    return Countdown(due, days_left(due, clock, calendar), calendar.day_count)


def _dates(raw: Any, key: str) -> frozenset[date]:
    """A list of ISO dates or {"from": d, "to": d} ranges (both ends included)."""
    if not isinstance(raw, list):
        raise ValueError(f"deadlines.{key} must be a list")
    days: set[date] = set()
    for entry in raw:
        if isinstance(entry, str):
            days.add(date.fromisoformat(entry))
            continue
        if not isinstance(entry, Mapping):
            raise ValueError(f"deadlines.{key}: {entry!r} is neither a date nor a range")
        first, last = date.fromisoformat(entry["from"]), date.fromisoformat(entry["to"])
        if last < first or (last - first).days > 366:
            raise ValueError(f"deadlines.{key}: the range {first}..{last} is not valid")
        days.update(_span(first, last))
    return frozenset(days)


def _span(first: date, last: date) -> Iterable[date]:
    return (first + timedelta(days=n) for n in range((last - first).days + 1))


def parse_deadline_calendar(raw: Any) -> DeadlineCalendar:
    """The profile's optional `deadlines` section; absent (None) means calendar days.

    ```json
    "deadlines": {"day_count": "working",
                  "holidays": ["2026-01-01", {"from": "2026-10-01", "to": "2026-10-07"}],
                  "working_days": ["2026-09-20", "2026-10-10"]}
    ```
    Raises `KnownError(PROFILE_INVALID)` on a malformed section.
    """
    if raw is None:
        return CALENDAR_DAYS
    try:
        if not isinstance(raw, Mapping):
            raise ValueError("deadlines must be an object")
        unknown = set(raw) - {"day_count", "holidays", "working_days"}
        if unknown:
            raise ValueError(f"deadlines has unknown keys {sorted(unknown)}")
        calendar = DeadlineCalendar(
            day_count=DayCount(raw.get("day_count", DayCount.CALENDAR)),
            holidays=_dates(raw.get("holidays", []), "holidays"),
            working_days=_dates(raw.get("working_days", []), "working_days"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KnownError(ErrorCode.PROFILE_INVALID, reason=f"deadlines: {exc}") from exc
    if calendar.holidays & calendar.working_days:
        both = min(calendar.holidays & calendar.working_days)
        raise KnownError(
            ErrorCode.PROFILE_INVALID,
            reason=f"deadlines: {both.isoformat()} is both a holiday and a working day",
        )
    return calendar
