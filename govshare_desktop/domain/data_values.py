"""Whether one value of a data file fits the data item that declares it (Art. 7).

A unit uploads the rows of a resource to the sharing platform; the platform loads them into
columns typed as the catalog declares (数据类型, 数据长度), so a value that does not fit is
rejected there, far from the officer who could fix it. These rules catch it on the PC,
cell by cell. Values arrive as calamine gives them (str, float, bool, date, datetime, time)
or as the strings of a CSV file, so every rule accepts both spellings of the same value.

The length of a data item bounds characters for C and total digits for N and Y. It is not
applied to I, B and F: templates write the storage size there (整型 4, 双精度型 8), and
reading it as digits would reject ordinary numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from govshare_desktop.domain.entities import DataItem
from govshare_desktop.domain.enums import DataType
from govshare_desktop.domain.sheet_findings import SheetCode

SHOWN_CHARACTERS = 50  # of a bad value quoted in a message; a memo would drown the report

_EXCEL_EPOCH = datetime(1899, 12, 30)
_MAX_SERIAL = 2_958_466  # 10000-01-01: Excel's last day, 9999-12-31, plus its hours
_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_TIME = r"(\d{1,2})\s*[:时]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})(?:\.(\d{1,6}))?\s*秒?|分)?"
_DATE_TEXT = re.compile(rf"^{_DATE}$")
_DATETIME_TEXT = re.compile(rf"^{_DATE}(?:(?:\s+|t|(?<=日)){_TIME})?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")  # 1,234,567.89 as Excel shows it
_TRUE = frozenset({"是", "y", "yes", "t", "true", "1", "√", "✓"})
_FALSE = frozenset({"否", "n", "no", "f", "false", "0", "×", "✗"})
_CURRENCY_SIGNS = ("¥", "$")  # ￥ and ＄ fold to these under NFKC


@dataclass(frozen=True, slots=True)
class ValueProblem:
    """Why a value does not fit its data item: a `SheetCode` and its message parameters."""

    code: SheetCode
    params: dict[str, Any] = field(default_factory=dict)


def is_blank(value: Any) -> bool:
    """An empty cell: nothing, "", or only spaces (which no reader of the data would keep)."""
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A cell as the text the officer sees: 12.0 as "12", a whole-day datetime as a date."""
    if value is None or isinstance(value, str):
        return (value or "").strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        if isinstance(value, datetime) and value.time() != time():
            return value.isoformat(" ")
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    return str(value).strip()


def shown(value: Any) -> str:
    """The value as a message quotes it, cut to `SHOWN_CHARACTERS`."""
    written = cell_text(value)
    if len(written) <= SHOWN_CHARACTERS:
        return written
    return written[: SHOWN_CHARACTERS - 1] + "…"


def is_required(item: DataItem) -> bool:
    """Whether data files must fill the item: 是否必填 in `extra`, a bool or as written."""
    flag = item.extra.get("required")
    if isinstance(flag, str):
        return _fold(flag) in _TRUE
    return bool(flag)


def _fold(written: str) -> str:
    """Full-width to half-width, no spaces, lower case: 2０25 年 → 2025年."""
    return "".join(unicodedata.normalize("NFKC", written).split()).lower()


def as_decimal(value: Any, *, currency: bool = False) -> Decimal | None:
    """A number cell, or text like -1,234.50 or 1.5E3 (¥12.00 too when `currency`)."""
    if isinstance(value, str):
        return _decimal_text(value, currency=currency)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Decimal(repr(value) if isinstance(value, float) else value)


def _decimal_text(value: str, *, currency: bool) -> Decimal | None:
    folded = unicodedata.normalize("NFKC", value).strip().lower()  # "1 234" stays no number
    if currency and folded.startswith(_CURRENCY_SIGNS):
        folded = folded[1:]
    if _GROUPED.match(folded):
        folded = folded.replace(",", "")
    if not _NUMBER.match(folded):
        return None
    try:
        return Decimal(folded)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        return None


def digit_count(number: Decimal) -> int:
    """Digits a column needs to hold `number`: 123.45 → 5, 0.05 → 2, 1E+3 → 4.

    Trailing zeros after the point do not count: 12345.0 is what Excel stores for 12345.
    """
    sign_digits_exponent = number.normalize().as_tuple()
    digits, exponent = len(sign_digits_exponent.digits), int(sign_digits_exponent.exponent)
    return max(max(digits + exponent, 0) + max(-exponent, 0), 1)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value) and value.is_integer()
    if isinstance(value, str):
        folded = unicodedata.normalize("NFKC", value).strip()
        if _GROUPED.match(folded):
            folded = folded.replace(",", "")
        return bool(_INTEGER.match(folded))
    return False


def _serial(value: float) -> datetime | None:
    """An Excel serial number (days since 1899-12-30, hours as the fraction)."""
    if not (math.isfinite(value) and 1 <= value < _MAX_SERIAL):
        return None
    return _EXCEL_EPOCH + timedelta(days=value)


def as_date(value: Any) -> date | None:
    """A date cell, a whole serial, 20250601, or text 2025-06-01, 2025/6/1, 2025年6月1日."""
    if isinstance(value, date):  # a datetime: calamine's date whose serial has a fraction
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, str):
        folded = _fold(value)
        match = _DATE_TEXT.match(folded)
        return _real_date(*(int(g) for g in match.groups())) if match else _compact(folded)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not float(value).is_integer():
        return None
    if value >= 10_000_000:  # typed as the number 20250601, not a serial
        return _compact(str(int(value)))
    serial = _serial(value)
    return serial.date() if serial else None


def _compact(folded: str) -> date | None:
    match = _COMPACT_DATE.match(folded)
    return _real_date(*(int(g) for g in match.groups())) if match else None


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 2025-02-30
        return None


def as_datetime(value: Any) -> datetime | None:
    """A date-time cell or serial, or text 2025-06-01 08:30[:00], 2025年6月1日 8时30分.

    A date alone is midnight of that day: the platform stores it so, and the officer sees
    no reason to add 00:00 to every row.
    """
    if isinstance(value, date):
        return value if isinstance(value, datetime) else datetime.combine(value, time())
    if isinstance(value, str):
        return _datetime_text(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return _serial(value)


def _datetime_text(value: str) -> datetime | None:
    spaced = " ".join(unicodedata.normalize("NFKC", value).split()).lower()
    match = _DATETIME_TEXT.match(spaced)
    if match is None:
        day = _compact(_fold(value))
        return datetime.combine(day, time()) if day else None
    year, month, mday, hour, minute, second, fraction = match.groups()
    day = _real_date(int(year), int(month), int(mday))
    try:
        clock = time(int(hour or 0), int(minute or 0), int(second or 0),
                     int((fraction or "0").ljust(6, "0")))  # fmt: skip
    except ValueError:  # 25:61
        return None
    return datetime.combine(day, clock) if day else None


def as_logical(value: Any) -> bool | None:
    """A logical cell or 是/否, Y/N, true/false, 1/0 (and √/× as forms tick them)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    if not isinstance(value, str):
        return None
    folded = _fold(value)
    if folded in _TRUE:
        return True
    return False if folded in _FALSE else None


def _data_type(item: DataItem) -> DataType | None:
    code = str(item.data_type).strip().upper()
    return DataType(code) if code in DataType.__members__.values() else None


_Check = Callable[["ItemRule", Any], ValueProblem | None]


class ItemRule:
    """One data item's checks, prepared once and applied to every row of a data file."""

    __slots__ = ("_check", "data_type", "item", "max_length", "required", "type_label")

    def __init__(self, item: DataItem, type_label: str = "") -> None:
        """`type_label` names the type in messages (数值型); the code when not given.

        An unknown type (a typo the catalog check reports on its own) is checked only for
        presence: guessing a type would fill the report with findings nobody can act on.
        """
        self.item = item
        self.data_type = _data_type(item)
        self.type_label = type_label or str(item.data_type)
        self.required = is_required(item)
        self.max_length = item.length if item.length and item.length > 0 else None
        self._check: _Check = _CHECKS.get(self.data_type, _anything)

    def check(self, value: Any) -> ValueProblem | None:
        """The problem with `value` in this item's column, or None when it fits."""
        if is_blank(value):
            return ValueProblem(SheetCode.VALUE_REQUIRED) if self.required else None
        return self._check(self, value)

    def bad_type(self, value: Any) -> ValueProblem:
        return ValueProblem(
            SheetCode.BAD_VALUE_TYPE, {"value": shown(value), "type": self.type_label}
        )


def _anything(rule: ItemRule, value: Any) -> ValueProblem | None:
    """M and G: a memo has no length limit, a general item holds whatever it holds."""
    del rule, value
    return None


def _character(rule: ItemRule, value: Any) -> ValueProblem | None:
    length = len(cell_text(value))
    if rule.max_length is not None and length > rule.max_length:
        return ValueProblem(SheetCode.VALUE_TOO_LONG, {"length": length, "max": rule.max_length})
    return None


def _number(rule: ItemRule, value: Any) -> ValueProblem | None:
    number = as_decimal(value, currency=rule.data_type is DataType.CURRENCY)
    if number is None:
        return rule.bad_type(value)
    limited = rule.data_type in {DataType.NUMERIC, DataType.CURRENCY}
    if limited and rule.max_length is not None:
        digits = digit_count(number)
        if digits > rule.max_length:
            return ValueProblem(
                SheetCode.TOO_MANY_DIGITS, {"digits": digits, "max": rule.max_length}
            )
    return None


def _integer(rule: ItemRule, value: Any) -> ValueProblem | None:
    return None if _is_integer(value) else rule.bad_type(value)


def _date(rule: ItemRule, value: Any) -> ValueProblem | None:
    return None if as_date(value) is not None else rule.bad_type(value)


def _datetime(rule: ItemRule, value: Any) -> ValueProblem | None:
    return None if as_datetime(value) is not None else rule.bad_type(value)


def _logical(rule: ItemRule, value: Any) -> ValueProblem | None:
    return None if as_logical(value) is not None else rule.bad_type(value)


_CHECKS: dict[DataType | None, _Check] = {
    DataType.CHAR: _character,
    DataType.MEMO: _anything,
    DataType.GENERAL: _anything,
    DataType.NUMERIC: _number,
    DataType.CURRENCY: _number,
    DataType.DOUBLE: _number,
    DataType.FLOAT: _number,
    DataType.INTEGER: _integer,
    DataType.DATE: _date,
    DataType.DATETIME: _datetime,
    DataType.LOGICAL: _logical,
}
