from __future__ import annotations

import json
from pathlib import Path

import pytest

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.enums import DataType, ShareType, UpdateCycle
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.profile import load_profile, parse_profile


def test_national_profile_covers_the_domain_enumerations() -> None:
    profile = load_profile(profile_path("national-2017"))
    assert profile.enum_codes("share_type") == {s.value for s in ShareType}
    assert profile.enum_codes("update_cycle") == {u.value for u in UpdateCycle}
    assert profile.enum_codes("data_type") == {d.value for d in DataType}
    assert profile.enum_label("share_type", "conditional") == "有条件共享"
    assert profile.enum_label("share_type", "conditional", english=True) == "Conditional"
    assert profile.field("name") is not None
    assert profile.field("name").required  # type: ignore[union-attr]


def test_a_newer_profile_format_is_refused() -> None:
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["format"] = 99
    with pytest.raises(KnownError) as caught:
        parse_profile(data)
    assert caught.value.code is ErrorCode.PROFILE_INVALID


@pytest.mark.parametrize("broken", [{}, {"format": 1}, {"format": "x"}, []])
def test_malformed_profiles_raise_known_errors(broken: object) -> None:
    with pytest.raises(KnownError):
        parse_profile(broken)  # type: ignore[arg-type]


def test_unknown_enumeration_reference_is_refused() -> None:
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["fields"][0]["enum"] = "no_such_enum"
    with pytest.raises(KnownError, match="no_such_enum"):
        parse_profile(data)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(KnownError) as caught:
        load_profile(tmp_path / "missing.json")
    assert caught.value.code is ErrorCode.FILE_UNREADABLE
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(KnownError) as caught:
        load_profile(bad)
    assert caught.value.code is ErrorCode.PROFILE_INVALID


def test_the_profile_names_its_categories_and_leaves_items_to_the_unit() -> None:
    profile = load_profile(profile_path("national-2017"))
    assert profile.class_name("3") == "部门信息资源类"
    assert profile.class_name("1", english=True) == "Basic"
    assert profile.class_name("301") == ""  # a 项 of the unit's own
    assert profile.class_name("01") == ""  # an item's own digits are no class
