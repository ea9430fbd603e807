"""The Chinese help the template carries: input hints per column and the 填表说明 notes.

These strings are data for the officer filling in the workbook (the template is a Chinese
government form), not UI text, so they are not translated. A hint serves twice: as the
input prompt Excel shows on the cell and as the column's line in 填表说明, so both agree.
Hints are derived from the profile where the profile knows better (code pattern, lists).
"""

from __future__ import annotations

import re

from govshare_desktop.domain.profile import CatalogProfile
from govshare_desktop.excel.columns import Column

LIST_SEPARATOR = "；"
DATE_EXAMPLE = "2025-06-01"
PROMPT_LIMIT = 255  # Excel refuses longer input messages
TITLE_LIMIT = 32

_FIXED_HINTS = {
    "sequence_no": "行序号，如 1、2、3，可不填",
    "name": "信息资源的名称，如 企业登记信息",
    "provider_name": "提供该信息资源的政务部门名称",
    "provider_code": "提供方的统一社会信用代码，18位，按文本填写",
    "abstract": "简要说明信息资源的内容、用途和范围",
    "format_category": "从下拉列表选择分类，可在“/”后写具体格式，如 数据库/MySQL、电子表格/xlsx",
    "share_conditions": (
        "有条件共享时必填：共享的条件和使用要求；"
        "不予共享时必填：注明不予共享的法律、行政法规或政策依据"
    ),
    "share_method": "从下拉列表选择，如 共享平台/接口",
    "legal_basis": "可不填：不予共享的依据按编制指南写在“共享条件”中即可，也可单独写在此列",
    "open_conditions": "向社会开放时填写开放条件",
    "published_on": f"日期，格式 {DATE_EXAMPLE}",
    "secret": "涉密信息资源填“是”：只保存在本机，不上传共享平台",
    "item.name": "信息项（字段）的名称，同一信息资源内不得重复",
    "item.data_type": "从下拉列表选择，如 字符型C",
    "item.length": "整数，如 18",
    "item.description": "信息项的含义、取值说明等",
    "item.required": "报送数据文件时该项是否必须有值：是 或 否",
}
LINK_HINT = "该信息项所属信息资源的代码，须与“信息资源”工作表中的代码一致"

GENERAL_NOTES = (
    "“信息资源”工作表每行填写一条信息资源，不要合并单元格，不要在表头上方插入行。",
    "信息项填写在“信息项”工作表，每行一个信息项，第一列填写所属信息资源的信息资源代码。",
    "带“*”的列为必填项（红色表头）。",
    "各类代码（信息资源代码、分类代码、统一社会信用代码等）请按文本填写，保留开头的 0；"
    "本模板已将这些列设为文本格式，请勿改为数值格式。",
    f"日期按 {DATE_EXAMPLE} 的格式填写。",
    "有下拉列表的列请从列表中选择；信息资源格式可在分类后加“/”写明具体格式，如 数据库/MySQL。",
    f"多个关联资源代码之间用“{LIST_SEPARATOR}”分隔。",
    "有条件共享须填写共享条件；不予共享须在“共享条件”中注明不予共享的法律、行政法规或政策依据"
    "（也可写在“不予共享依据”列）。",
    "涉密信息资源在“是否涉密”列填“是”，仅保存在本机，不上传共享平台。",
    "请勿修改表头文字，勿删除或重命名工作表；“代码表”工作表为下拉列表所用，已隐藏。",
)

_DIGITS = re.compile(r"^\^\[0-9\]\{(\d+)\}\$$")


def code_example(profile: CatalogProfile) -> str:
    """A resource code the profile accepts, e.g. 301001/000001 (the last 类: departmental)."""
    parts = []
    for level in profile.classification.values():
        if level.options:
            parts.append(level.options[-1].code)
        elif (digits := _DIGITS.match(level.pattern.pattern)) is not None:
            parts.append("1".zfill(int(digits.group(1))))
    sequence = "1".zfill(profile.sequence_digits)
    return f"{''.join(parts)}{profile.code_separator}{sequence}"


def _class_hint(profile: CatalogProfile, level: str) -> str:
    spec = profile.classification[level]
    if spec.options:
        listed = "，".join(f"{o.code} {o.label}" for o in spec.options)
        return f"信息资源分类的“{spec.label}”：{listed}"
    digits = _DIGITS.match(spec.pattern.pattern)
    if digits is not None:
        width = int(digits.group(1))
        return f"信息资源分类的“{spec.label}”：{width}位数字，如 {'1'.zfill(width)}，保留开头的 0"
    return f"信息资源分类的“{spec.label}”代码，按文本填写，可不填"


def _code_hints(profile: CatalogProfile) -> dict[str, str]:
    example = code_example(profile)
    sep, digits = profile.code_separator, profile.sequence_digits
    return {
        "code": f"类+项+目+细目{sep}{digits}位顺序号，如 {example}，按文本填写",
        "related_codes": f"相关信息资源的代码，多个用“{LIST_SEPARATOR}”分隔，如 {example}",
    }


def hint(profile: CatalogProfile, column: Column) -> str:
    """What to write in `column`: the input prompt and the 填写说明 line."""
    if column.key.startswith("class_"):
        return _class_hint(profile, column.key.removeprefix("class_"))
    known = {**_FIXED_HINTS, **_code_hints(profile)}
    if column.key in known:
        return known[column.key]
    if column.enum and column.type != "bool":
        labels = "、".join(o.label for o in profile.enumerations.get(column.enum, ()))
        return f"从下拉列表选择：{labels}"
    by_type = {"bool": "是 或 否", "date": f"日期，格式 {DATE_EXAMPLE}", "int": "整数"}
    return by_type.get(column.type, f"填写{column.label}")


def allowed_values(column: Column, listed: tuple[str, ...]) -> str:
    """The "可选值" sentence of 填表说明 for a column with a drop-down list, else ""."""
    if not listed:
        return ""
    tail = "，也可在“/”后写具体格式" if column.key == "format_category" else ""
    return f"可选值：{'、'.join(listed)}{tail}"


def prompt(text: str) -> str:
    return text[:PROMPT_LIMIT]


def prompt_title(label: str) -> str:
    return label[:TITLE_LIMIT]
