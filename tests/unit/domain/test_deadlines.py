"""Art. 13 due dates: month ends, leap days, the October holidays, and a PC not set to China time."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.clock import FixedClock
from govshare_desktop.domain.deadlines import (
    CALENDAR_DAYS,
    DayCount,
    DeadlineCalendar,
    coordination_due,
    countdown,
    days_left,
    due_date,
    explanation_due,
    is_overdue,
    parse_deadline_calendar,
    period_end,
)
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import load_profile, parse_profile
from reference_platform import calendar as platform_calendar

CST = timezone(timedelta(hours=8))
LOS_ANGELES = ZoneInfo("America/Los_Angeles")

# The 2025 National Day and Mid-Autumn holidays as the State Council set them: 1-8 October
# off, Sunday 28 September and Saturday 11 October worked in exchange (调休).
OCTOBER_2025 = {
    "day_count": "working",
    "holidays": [{"from": "2025-10-01", "to": "2025-10-08"}],
    "working_days": ["2025-09-28", "2025-10-11"],
}


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=CST)  # type: ignore[misc]


@pytest.fixture
def pc_in_los_angeles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PC's own time zone 16 hours behind China (15 in summer)."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (cst(2026, 1, 20, 10), 15, date(2026, 2, 4)),
        (cst(2026, 1, 31, 23, 59), 15, date(2026, 2, 15)),  # the starting day is not counted
        (cst(2026, 2, 1, 0, 0), 15, date(2026, 2, 16)),
        (cst(2026, 12, 15, 9), 30, date(2027, 1, 14)),  # across the year end
        (cst(2026, 4, 30, 18), 30, date(2026, 5, 30)),
        (cst(2028, 2, 14, 9), 15, date(2028, 2, 29)),  # a leap day is a day like any other
        (cst(2028, 1, 30, 9), 30, date(2028, 2, 29)),
        (cst(2027, 1, 30, 9), 30, date(2027, 3, 1)),  # no 29 February in 2027
        (cst(2028, 2, 29, 12), 15, date(2028, 3, 15)),
    ],
)
def test_calendar_days_across_month_ends_and_leap_days(
    start: datetime, days: int, due: date
) -> None:
    assert due_date(start, days) == due
    assert due == platform_calendar.due_date(start, days)


def test_the_two_statutory_periods() -> None:
    assert explanation_due(cst(2026, 3, 2, 9)) == date(2026, 3, 17)
    assert coordination_due(cst(2026, 3, 17, 16)) == date(2026, 4, 16)


def test_calendar_days_do_not_skip_the_october_holidays() -> None:
    profile_days = parse_deadline_calendar({**OCTOBER_2025, "day_count": "calendar"})
    assert explanation_due(cst(2025, 9, 26, 9), profile_days) == date(2025, 10, 11)


def test_working_days_skip_the_october_holidays_and_count_the_make_up_days() -> None:
    days = parse_deadline_calendar(OCTOBER_2025)
    assert days.day_count is DayCount.WORKING
    assert date(2025, 10, 8) in days.holidays and len(days.holidays) == 8
    # From Friday 26 Sept: Sun 28 (worked), 29, 30, then 9, 10, Sat 11 (worked), 13-17, 20-23.
    assert explanation_due(cst(2025, 9, 26, 9), days) == date(2025, 10, 23)
    # Asked on the last day before the holidays: the first counted day is 9 October.
    assert due_date(cst(2025, 9, 30, 17), 1, days) == date(2025, 10, 9)
    assert due_date(cst(2025, 9, 30, 17), 3, days) == date(2025, 10, 11)  # a worked Saturday


def test_working_days_across_a_leap_day() -> None:
    days = DeadlineCalendar(DayCount.WORKING)
    # Friday 25 Feb 2028: Mon 28, Tue 29 Feb, Wed 1 March ...
    assert due_date(cst(2028, 2, 25, 9), 2, days) == date(2028, 2, 29)
    assert due_date(cst(2028, 2, 25, 9), 15, days) == date(2028, 3, 17)


def test_a_period_ends_at_midnight_china_time() -> None:
    due = date(2026, 10, 16)
    assert period_end(due) == cst(2026, 10, 17)
    assert not is_overdue(due, FixedClock(cst(2026, 10, 16, 23, 59, 59)))
    assert is_overdue(due, FixedClock(cst(2026, 10, 17, 0, 0)))


def test_countdown_in_calendar_days() -> None:
    due = date(2026, 3, 1)  # 2026 is not a leap year: 28 February is the day before
    assert days_left(due, FixedClock(cst(2026, 2, 27, 8))) == 2
    assert days_left(due, FixedClock(cst(2026, 3, 1, 23))) == 0  # due today: still in time
    late = countdown(due, FixedClock(cst(2026, 3, 4, 8)))
    assert (late.days_left, late.overdue, late.days_overdue) == (-3, True, 3)
    assert countdown(due, FixedClock(cst(2026, 2, 28, 8))).unit is DayCount.CALENDAR


def test_countdown_in_working_days() -> None:
    days = parse_deadline_calendar(OCTOBER_2025)
    due = date(2025, 10, 9)
    # On 30 September one working day is left (9 October); on the holiday 3 October too.
    assert days_left(due, FixedClock(cst(2025, 9, 30, 9)), days) == 1
    assert days_left(due, FixedClock(cst(2025, 10, 3, 9)), days) == 1
    assert days_left(due, FixedClock(cst(2025, 10, 10, 9)), days) == -1
    # Overdue over a weekend still reads as overdue.
    assert days_left(date(2025, 10, 17), FixedClock(cst(2025, 10, 18, 9)), days) == -1
    assert countdown(due, FixedClock(cst(2025, 10, 10, 9)), days).overdue


def test_instants_in_another_zone_count_in_china_time() -> None:
    # 10:00 in Los Angeles on 30 September is already 1 October in China.
    start = datetime(2026, 9, 30, 10, tzinfo=LOS_ANGELES)
    assert due_date(start, 15) == date(2026, 10, 16)
    assert due_date(start.astimezone(UTC), 15) == date(2026, 10, 16)
    # The evening of the due day in Los Angeles is the next day in China: overdue.
    assert not is_overdue(
        date(2026, 10, 16), FixedClock(datetime(2026, 10, 16, 8, 30, tzinfo=LOS_ANGELES))
    )
    assert is_overdue(
        date(2026, 10, 16), FixedClock(datetime(2026, 10, 16, 9, 30, tzinfo=LOS_ANGELES))
    )


@pytest.mark.usefixtures("pc_in_los_angeles")
def test_the_pcs_time_zone_changes_nothing() -> None:
    assert time.localtime(0).tm_hour == 16  # the fixture took effect: 1970-01-01 00:00 UTC
    # A naive instant is UTC (as the store keeps it), never the PC's local time.
    assert due_date(datetime(2026, 9, 30, 12), 15) == date(2026, 10, 15)
    assert due_date(datetime(2026, 9, 30, 17), 15) == date(2026, 10, 16)
    clock = FixedClock(datetime(2026, 10, 16, 15, 59, tzinfo=UTC))  # 23:59 in China
    assert days_left(date(2026, 10, 16), clock) == 0
    clock.advance(timedelta(minutes=1))
    assert days_left(date(2026, 10, 16), clock) == -1
    days = parse_deadline_calendar(OCTOBER_2025)
    assert explanation_due(datetime(2025, 9, 26, 1, tzinfo=UTC), days) == date(2025, 10, 23)


@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, CST, LOS_ANGELES, ZoneInfo("Asia/Kolkata")]),
    ),
    st.sampled_from([1, 15, 30]),
)
def test_calendar_days_agree_with_the_platform(start: datetime, days: int) -> None:
    assert due_date(start, days) == platform_calendar.due_date(start, days)
    assert due_date(start, days, DeadlineCalendar(DayCount.WORKING)) >= due_date(start, days)


def test_profiles_without_the_section_count_calendar_days() -> None:
    assert load_profile(profile_path("national-2017")).deadlines == CALENDAR_DAYS


def test_a_profile_may_count_working_days() -> None:
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["deadlines"] = OCTOBER_2025
    profile = parse_profile(data)
    assert profile.deadlines.day_count is DayCount.WORKING
    assert date(2025, 9, 28) in profile.deadlines.working_days


@pytest.mark.parametrize(
    "section",
    [
        [],
        {"day_count": "lunar"},
        {"holidays": "2025-10-01"},
        {"holidays": ["2025-13-01"]},
        {"holidays": [{"from": "2025-10-08", "to": "2025-10-01"}]},
        {"holidays": [{"from": "2025-10-01"}]},
        {"holidays": [3]},
        {"holidays": ["2025-10-01"], "working_days": ["2025-10-01"]},
        {"weekends": []},
    ],
)
def test_a_malformed_section_is_refused(section: object) -> None:
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["deadlines"] = section
    with pytest.raises(KnownError) as caught:
        parse_profile(data)
    assert caught.value.code is ErrorCode.PROFILE_INVALID
    assert "deadlines" in caught.value.params["reason"]
