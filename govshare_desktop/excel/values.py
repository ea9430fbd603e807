"""Cell values as templates really write them, read into the domain's terms.

Each reader returns the value and, when the cell cannot be read as asked, a `SheetCode`
with its parameters; the caller places it at the cell. Enumerations that match nothing
come back as the text written, so validation reports them as "not an allowed value".
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.domain.sheet_findings import SheetCode
from govshare_desktop.excel.columns import normalize

Problem = tuple[SheetCode, dict[str, Any]] | None

_EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TRUE = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "开放", "有"})
_FALSE = frozenset({"否", "n", "no", "false", "0", "×", "✗", "不开放", "无", "不"})
_SLASHES = ("/", "／", "-", "—")


def text(value: Any) -> str:
    """Any cell as the text an officer sees: whole floats without ".0", dates in ISO form."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return str(value).strip()


def boolean(value: Any) -> tuple[bool | None, Problem]:
    if isinstance(value, bool):
        return value, None
    written = normalize(text(value))
    if not written:
        return None, None
    if written in _TRUE:
        return True, None
    if written in _FALSE:
        return False, None
    return None, (SheetCode.BAD_BOOL, {"value": text(value)})


def whole_number(value: Any) -> tuple[int | None, Problem]:
    if isinstance(value, bool):
        return None, (SheetCode.BAD_NUMBER, {"value": text(value)})
    if isinstance(value, int):
        return value, None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value), None
    written = text(value)
    if not written:
        return None, None
    folded = normalize(written)
    if re.fullmatch(r"[+-]?\d{1,9}(\.0+)?", folded):
        return int(float(folded)), None
    return None, (SheetCode.BAD_NUMBER, {"value": written})


def day(value: Any) -> tuple[date | None, Problem]:
    """A date written as a date cell, an Excel serial number, or text like 2025年6月1日."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value) and 1 <= value <= _MAX_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=int(value)), None
        return None, (SheetCode.BAD_DATE, {"value": text(value)})
    written = text(value)
    if not written:
        return None, None
    folded = normalize(written)
    match = _DATE_TEXT.match(folded) or _COMPACT_DATE.match(folded)
    if match:
        try:
            return date(*(int(g) for g in match.groups())), None
        except ValueError:
            pass
    return None, (SheetCode.BAD_DATE, {"value": written})


class EnumReader:
    """Reads enumeration cells by code, label, English label or synonym, once per profile."""

    def __init__(self, profile: CatalogProfile) -> None:
        self._lookup: dict[str, dict[str, str]] = {}
        for name, options in profile.enumerations.items():
            table: dict[str, str] = {}
            for option in options:
                for spelling in (option.label, *option.synonyms, option.code, option.label_en):
                    table.setdefault(normalize(spelling), option.code)
            # 字符型(C) and 字符型C written as one
            if name == "data_type":
                for option in options:
                    table.setdefault(normalize(f"{option.label}({option.code})"), option.code)
            self._lookup[name] = table

    def code(self, enum: str, value: Any) -> str:
        """The option's code, or the text as written when nothing matches."""
        written = text(value)
        return self._lookup.get(enum, {}).get(normalize(written), written)

    def composite(self, enum: str, value: Any) -> tuple[str, str]:
        """ "数据库/MySQL" → ("database", "MySQL"): the category and the free detail."""
        written = text(value)
        table = self._lookup.get(enum, {})
        whole = table.get(normalize(written))
        if whole is not None or not written:
            return whole or "", ""
        for slash in _SLASHES:
            head, sep, tail = written.partition(slash)
            if sep and (found := table.get(normalize(head))) is not None:
                return found, tail.strip()
        return written, ""

    def split_method(self, value: Any) -> str:
        """共享方式: the whole label, or its type alone (接口) when the category is implied."""
        written = text(value)
        table = self._lookup.get("share_method", {})
        found = table.get(normalize(written))
        if found is None:
            for slash in _SLASHES:
                _, sep, tail = written.partition(slash)
                if sep and (found := table.get(normalize(tail))) is not None:
                    break
        return found if found is not None else written
