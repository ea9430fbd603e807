"""One value against one data item: every data type, as calamine and as CSV deliver values."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest

from govshare_desktop.domain.data_values import (
    SHOWN_CHARACTERS,
    ItemRule,
    as_date,
    as_datetime,
    cell_text,
    digit_count,
    is_required,
)
from govshare_desktop.domain.entities import DataItem
from govshare_desktop.domain.sheet_findings import SheetCode


def rule(data_type: str, length: int | None = None, *, required: object = None) -> ItemRule:
    extra = {} if required is None else {"required": required}
    return ItemRule(DataItem("项", data_type, length, extra=extra), f"{data_type}型")


def code(data_type: str, value: Any, length: int | None = None) -> SheetCode | None:
    problem = rule(data_type, length).check(value)
    return problem.code if problem else None


BAD = SheetCode.BAD_VALUE_TYPE


@pytest.mark.parametrize(
    ("value", "expected"),
    [("张三", None), (12345.0, None), ("一二三四五六", SheetCode.VALUE_TOO_LONG),
     ("  五个字符  ", None), (1234567.0, SheetCode.VALUE_TOO_LONG), (True, None)],
)  # fmt: skip
def test_character_counts_characters_not_bytes(value: Any, expected: SheetCode | None) -> None:
    assert code("C", value, 5) == expected


def test_character_length_is_of_the_text_the_officer_sees() -> None:
    assert code("C", date(2025, 6, 1), 10) is None
    assert code("C", datetime(2025, 6, 1, 8, 30), 10) == SheetCode.VALUE_TOO_LONG


def test_character_too_long_names_both_lengths() -> None:
    problem = rule("C", 3).check("河北省石家庄")
    assert problem is not None
    assert problem.params == {"length": 6, "max": 3}


def test_character_without_length_and_memo_and_general_take_anything() -> None:
    assert code("C", "x" * 10_000) is None
    assert code("M", "备注" * 100_000, 10) is None
    for value in ("任何", 1.5, True, date(2025, 1, 1), time(8, 0), timedelta(days=1)):
        assert code("G", value) is None


@pytest.mark.parametrize(
    "value",
    [12.0, 12.5, -3, "12", "-12.50", "+0.5", ".5", "1,234,567.89", "１２３", "1.5E3", " 7 "],
)
def test_numeric_accepts_numbers_as_cells_and_text(value: Any) -> None:
    for data_type in ("N", "Y", "B", "F"):
        assert code(data_type, value) is None, (data_type, value)


@pytest.mark.parametrize(
    "value",
    ["十二", "12元", "1.2.3", "12,34", "1 234", "0x1F", "nan", "inf", True, date(2025, 6, 1),
     float("nan"), float("inf"), "¥12"],
)  # fmt: skip
def test_numeric_rejects_what_is_not_a_number(value: Any) -> None:
    assert code("N", value) == BAD


def test_currency_accepts_a_yuan_sign() -> None:
    assert code("Y", "¥1,200.00") is None
    assert code("Y", "￥12") is None


def test_numeric_and_currency_length_bounds_total_digits() -> None:
    assert code("N", 12345.0, 5) is None
    assert code("N", "123.45", 5) is None
    assert code("N", "123.456", 5) == SheetCode.TOO_MANY_DIGITS
    assert code("Y", 123456.0, 5) == SheetCode.TOO_MANY_DIGITS
    problem = rule("N", 4).check("-12345.6")
    assert problem is not None
    assert problem.params == {"digits": 6, "max": 4}


def test_double_float_and_integer_ignore_length_as_a_storage_size() -> None:
    assert code("B", 123456789.125, 8) is None
    assert code("F", "1.5e10", 4) is None
    assert code("I", 123456, 4) is None


def test_digit_count() -> None:
    assert digit_count(Decimal("123.45")) == 5
    assert digit_count(Decimal("0.05")) == 2
    assert digit_count(Decimal("1E+3")) == 4
    assert digit_count(Decimal("0")) == 1
    assert digit_count(Decimal("007")) == 1
    assert digit_count(Decimal("12345.0")) == 5
    assert digit_count(Decimal("1200")) == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12.0, None), (-3, None), ("42", None), ("1,024", None), ("7.0", None), ("１２", None),
     (12.5, BAD), ("12.5", BAD), ("十二", BAD), ("1 024", BAD), (True, BAD), ("1e3", BAD), (date(2025, 1, 1), BAD)],
)  # fmt: skip
def test_integer(value: Any, expected: SheetCode | None) -> None:
    assert code("I", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(date(2025, 6, 1), date(2025, 6, 1)), (datetime(2025, 6, 1, 18), date(2025, 6, 1)),
     (45809.0, date(2025, 6, 1)), (45809, date(2025, 6, 1)), ("2025-06-01", date(2025, 6, 1)),
     ("2025/6/1", date(2025, 6, 1)), ("2025年6月1日", date(2025, 6, 1)),
     ("2025.06.01", date(2025, 6, 1)), ("２０２５－６－１", date(2025, 6, 1)),
     ("20250601", date(2025, 6, 1)), (20250601.0, date(2025, 6, 1)),
     ("2025-02-30", None), ("2025-13-01", None), ("6/1/2025", None), ("明天", None),
     (45809.5, None), (0, None), (-5.0, None), (True, None), (time(8, 0), None),
     ("2025-06-01 08:30", None), ("45809", None)],
)  # fmt: skip
def test_as_date(value: Any, expected: date | None) -> None:
    assert as_date(value) == expected
    assert code("D", value) == (None if expected else BAD)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(datetime(2025, 6, 1, 8, 30), datetime(2025, 6, 1, 8, 30)),
     (date(2025, 6, 1), datetime(2025, 6, 1)), (45809.5, datetime(2025, 6, 1, 12)),
     ("2025-06-01 08:30", datetime(2025, 6, 1, 8, 30)),
     ("2025-06-01T08:30:15", datetime(2025, 6, 1, 8, 30, 15)),
     ("2025/6/1 8:05:09.5", datetime(2025, 6, 1, 8, 5, 9, 500_000)),
     ("2025年6月1日 8时30分", datetime(2025, 6, 1, 8, 30)),
     ("2025年6月1日8时30分15秒", datetime(2025, 6, 1, 8, 30, 15)),
     ("2025-06-01", datetime(2025, 6, 1)), ("20250601", datetime(2025, 6, 1)),
     ("2025-06-01 25:00", None), ("2025-06-01 08:61", None), ("2025-02-30 08:00", None),
     ("08:30", None), (time(8, 30), None), (timedelta(hours=3), None), ("昨天", None),
     (True, None), (-1.0, None)],
)  # fmt: skip
def test_as_datetime(value: Any, expected: datetime | None) -> None:
    assert as_datetime(value) == expected
    assert code("T", value) == (None if expected else BAD)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, None), (False, None), ("是", None), ("否", None), ("Y", None), ("n", None),
     ("TRUE", None), ("false", None), ("1", None), ("0", None), (1.0, None), (0, None),
     ("√", None), ("Ｙ", None), ("也许", BAD), ("2", BAD), (2.0, BAD), ("有", BAD),
     (date(2025, 1, 1), BAD)],
)  # fmt: skip
def test_logical(value: Any, expected: SheetCode | None) -> None:
    assert code("L", value) == expected


@pytest.mark.parametrize("data_type", ["C", "M", "G", "N", "Y", "B", "F", "I", "D", "T", "L"])
def test_required_items_need_a_value_and_optional_ones_may_be_empty(data_type: str) -> None:
    for empty in ("", "   ", None):
        problem = rule(data_type, required=True).check(empty)
        assert problem is not None
        assert problem.code is SheetCode.VALUE_REQUIRED
        assert rule(data_type).check(empty) is None


@pytest.mark.parametrize(
    ("flag", "expected"),
    [(True, True), (False, False), ("是", True), ("否", False), ("Y", True), ("", False),
     (1, True), (None, False)],
)  # fmt: skip
def test_required_flag_as_the_template_writes_it(flag: object, expected: bool) -> None:
    assert is_required(DataItem("项", extra={"required": flag})) is expected


def test_bad_value_message_names_the_type_and_quotes_a_short_value() -> None:
    problem = rule("D").check("明年" * 100)
    assert problem is not None
    assert problem.params["type"] == "D型"
    assert len(problem.params["value"]) == SHOWN_CHARACTERS
    assert problem.params["value"].endswith("…")
    assert ItemRule(DataItem("项", "N")).check("x") is not None
    assert ItemRule(DataItem("项", "N")).bad_type("x").params["type"] == "N"


def test_an_unknown_type_checks_only_presence() -> None:
    assert rule("X", 2).check("任何长度的值") is None
    assert rule("X", required=True).check("") is not None
    assert code("d", "2025-06-01") is None  # the code written in lower case


def test_cell_text() -> None:
    assert cell_text(12.0) == "12"
    assert cell_text(1.5) == "1.5"
    assert cell_text(True) == "是"
    assert cell_text(datetime(2025, 6, 1)) == "2025-06-01"
    assert cell_text(datetime(2025, 6, 1, 8, 30)) == "2025-06-01 08:30:00"
    assert cell_text(None) == ""
    assert cell_text(" a ") == "a"
