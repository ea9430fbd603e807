"""Stored codes as people read them, in either UI language (the version diff, the CLI)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from govshare_desktop.assets import i18n_dir, profile_path
from govshare_desktop.domain import messages
from govshare_desktop.domain.display import Wording
from govshare_desktop.domain.profile import CatalogProfile, load_profile, parse_profile
from govshare_desktop.domain.ts_catalog import TsCatalog


@pytest.fixture(scope="module")
def profile() -> CatalogProfile:
    return load_profile(profile_path("national-2017"))


@pytest.fixture(scope="module")
def chinese(profile: CatalogProfile) -> Wording:
    return Wording(
        profile, TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts").translate, english=False
    )


@pytest.fixture(scope="module")
def english(profile: CatalogProfile) -> Wording:
    return Wording(profile, messages.untranslated, english=True)


@pytest.mark.parametrize(
    "case",
    [
        ("update_cycle", "monthly", "每月", "Monthly"),
        ("share_type", "not_shared", "不予共享", "Not shared"),
        ("format_category", "database", "数据库", "Database"),
        ("share_method", "platform_interface", "共享平台/接口", "Platform: interface"),
        ("open_to_society", True, "是", "yes"),
        ("open_to_society", False, "否", "no"),
        ("secret", True, "是", "yes"),
        ("related_codes", ["301001/000002", "301001/000003"],
         "301001/000002；301001/000003", "301001/000002; 301001/000003"),
        ("published_on", "2025-06-01", "2025-06-01", "2025-06-01"),
        ("update_cycle", "hourly", "hourly", "hourly"),  # not the profile's: shown as stored
        ("name", "企业\x1b[2J登记", "企业U+001B[2J登记", "企业U+001B[2J登记"),
    ],
)  # fmt: skip
def test_values_in_either_language(
    chinese: Wording, english: Wording, case: tuple[str, object, str, str]
) -> None:
    key, code, zh, en = case
    assert chinese.value(key, code) == zh
    assert english.value(key, code) == en


@pytest.mark.parametrize(
    ("key", "zh", "en"),
    [
        ("update_cycle", "更新周期", "Update cycle"),
        ("class_item", "项", "Item"),
        ("class_category", "类", "Category"),
        ("format_detail", "具体格式", "Concrete format"),
        ("one_source_note", "一数一源说明", "One-data-one-source note"),
        ("secret", "是否涉密", "Secret"),
    ],
)
def test_field_labels_in_either_language(
    chinese: Wording, english: Wording, key: str, zh: str, en: str
) -> None:
    assert chinese.field(key) == zh
    assert english.field(key) == en


def test_an_empty_value_says_so_in_a_comparison(chinese: Wording, english: Wording) -> None:
    assert chinese.value("share_conditions", None) == ""
    assert chinese.change("share_conditions", "") == "（空）"
    assert english.change("share_conditions", None) == "(empty)"


def test_data_types_show_label_and_letter(chinese: Wording, english: Wording) -> None:
    assert chinese.data_type("C") == "字符型 (C)"
    assert english.data_type("C") == "Character (C)"
    assert chinese.data_type("X") == "X"


def test_a_profile_without_english_labels_shows_its_chinese_ones() -> None:
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    for spec in [*data["fields"], *data["classification"].values()]:
        spec.pop("label_en", None)
    for options in data["enumerations"].values():
        for option in options:
            option.pop("label_en", None)
    words = Wording(parse_profile(data), messages.untranslated, english=True)
    assert (words.field("update_cycle"), words.value("update_cycle", "monthly")) == (
        "更新周期",
        "每月",
    )
    assert words.field("class_item") == "项"


def test_dates_and_other_values_are_plain_text(chinese: Wording) -> None:
    assert chinese.value("published_on", date(2025, 6, 1)) == "2025-06-01"
    assert chinese.value("extra", {"owner": "某局"}) == "owner: 某局"
