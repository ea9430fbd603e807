from __future__ import annotations

import json
from dataclasses import replace

import pytest

from govshare_desktop.assets import profile_path
from govshare_desktop.domain.entities import Classification, DataItem, Resource
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.profile import CatalogProfile, load_profile, parse_profile
from govshare_desktop.domain.validation import FindingCode, validate_catalog, validate_resource


@pytest.fixture(scope="module")
def profile() -> CatalogProfile:
    return load_profile(profile_path("national-2017"))


def valid_resource() -> Resource:
    return Resource(
        name="企业登记信息",
        unit_code="130000-SCJ",
        classification=Classification("3", "01", "001"),
        sequence="000001",
        code="301001/000001",
        provider_name="河北省市场监督管理局",
        provider_code="91350100M000100Y43",
        abstract="全省企业登记基本信息",
        format_category="database",
        format_detail="MySQL",
        share_type="unconditional",
        share_method="platform_interface",
        open_to_society=False,
        update_cycle="daily",
        data_items=(DataItem("统一社会信用代码", "C", 18), DataItem("企业名称", "C", 200)),
    )


def codes(resource: Resource, profile: CatalogProfile) -> set[tuple[str, FindingCode]]:
    return {(f.field, f.code) for f in validate_resource(resource, profile)}


def test_a_complete_resource_has_no_findings(profile: CatalogProfile) -> None:
    assert validate_resource(valid_resource(), profile) == []


@pytest.mark.parametrize(
    "field", ["name", "abstract", "provider_name", "provider_code", "update_cycle"]
)
def test_required_fields(profile: CatalogProfile, field: str) -> None:
    assert (field, FindingCode.REQUIRED) in codes(replace(valid_resource(), **{field: ""}), profile)


def test_enumerations(profile: CatalogProfile) -> None:
    found = codes(replace(valid_resource(), share_type="sometimes", update_cycle="hourly"), profile)
    assert ("share_type", FindingCode.NOT_IN_ENUM) in found
    assert ("update_cycle", FindingCode.NOT_IN_ENUM) in found


def test_resource_code_must_match_classification(profile: CatalogProfile) -> None:
    assert ("code", FindingCode.CODE_MISMATCH) in codes(
        replace(valid_resource(), code="302001/000001"), profile
    )
    assert ("code", FindingCode.CODE_MISMATCH) in codes(
        replace(valid_resource(), code="301001-000001"), profile
    )
    assert ("code", FindingCode.CODE_MISMATCH) in codes(
        replace(valid_resource(), code="301001/abc"), profile
    )


def test_classification_levels(profile: CatalogProfile) -> None:
    bad = replace(
        valid_resource(), classification=Classification("4", "1", "001"), code="41001/000001"
    )
    found = [f for f in validate_resource(bad, profile) if f.field == "classification"]
    assert {f.params["level"] for f in found} == {"类", "项"}


def test_provider_credit_code_check_character(profile: CatalogProfile) -> None:
    found = codes(replace(valid_resource(), provider_code="91350100M000100Y44"), profile)
    assert ("provider_code", FindingCode.BAD_CREDIT_CODE) in found


def test_conditional_share_needs_conditions(profile: CatalogProfile) -> None:
    resource = replace(valid_resource(), share_type="conditional")
    assert ("share_conditions", FindingCode.CONDITIONS_REQUIRED) in codes(resource, profile)
    assert codes(replace(resource, share_conditions="仅用于行政审批"), profile) == set()


def test_not_shared_needs_legal_basis(profile: CatalogProfile) -> None:
    resource = replace(valid_resource(), share_type="not_shared")
    assert ("share_conditions", FindingCode.LEGAL_BASIS_REQUIRED) in codes(resource, profile)
    assert (
        codes(replace(resource, legal_basis="《中华人民共和国保守国家秘密法》"), profile) == set()
    )


def test_not_shared_legal_basis_may_stand_in_the_share_conditions(profile: CatalogProfile) -> None:
    """The national guide (2017) asks 不予共享 resources to name their basis in 共享条件."""
    resource = replace(
        valid_resource(),
        share_type="not_shared",
        share_conditions="依据《中华人民共和国个人信息保护法》第十三条，涉及个人隐私，不予共享",
    )
    assert validate_resource(resource, profile) == []
    assert ("share_conditions", FindingCode.LEGAL_BASIS_REQUIRED) in codes(
        replace(resource, share_conditions="  "), profile
    )


def test_open_to_society_warns_without_conditions(profile: CatalogProfile) -> None:
    findings = validate_resource(replace(valid_resource(), open_to_society=True), profile)
    assert [(f.code, f.severity) for f in findings] == [
        (FindingCode.OPEN_CONDITIONS_REQUIRED, Severity.WARNING)
    ]


def test_data_items(profile: CatalogProfile) -> None:
    items = (DataItem("名称", "C", 10), DataItem("名称", "X", 0), DataItem("", "N"))
    findings = validate_resource(replace(valid_resource(), data_items=items), profile)
    by_item = {(f.item, f.code) for f in findings}
    assert by_item == {
        (0, FindingCode.DUPLICATE_ITEM_NAME),
        (1, FindingCode.DUPLICATE_ITEM_NAME),
        (1, FindingCode.NOT_IN_ENUM),
        (1, FindingCode.BAD_LENGTH),
        (2, FindingCode.REQUIRED),
    }


def test_no_data_items_is_a_warning(profile: CatalogProfile) -> None:
    findings = validate_resource(replace(valid_resource(), data_items=()), profile)
    assert [(f.code, f.severity) for f in findings] == [
        (FindingCode.NO_DATA_ITEMS, Severity.WARNING)
    ]


def test_resource_codes_are_unique_within_a_unit(profile: CatalogProfile) -> None:
    first = valid_resource()
    twin = replace(valid_resource(), name="企业年报信息")
    elsewhere = replace(valid_resource(), unit_code="130000-GAT")
    findings = validate_catalog([first, twin, elsewhere], profile)
    assert set(findings) == {first.id, twin.id, elsewhere.id}
    assert [f.code for f in findings[first.id]] == [FindingCode.DUPLICATE_CODE]
    assert [f.code for f in findings[twin.id]] == [FindingCode.DUPLICATE_CODE]
    assert findings[elsewhere.id] == []


@pytest.mark.parametrize(
    ("field", "value", "chars"),
    [
        ("name", "企业\x1b[31m登记信息", "U+001B"),
        ("abstract", "全省\x00企业登记", "U+0000"),
        ("provider_name", "市场\x01监督管理局", "U+0001"),
        ("name", "企业登记\n信息", "U+000A"),  # a name is one line
        ("code", "301001/000001\t", "U+0009"),
        ("format_detail", "MySQL\x7f", "U+007F"),
        ("share_conditions", "仅用于\x85审批", "U+0085"),  # C1 controls too
        ("abstract", "a\x1b b\x1b c\x00", "U+001B U+0000"),  # each character once
        ("related_codes", ("301001/000002", "30\x0c1"), "U+000C"),
        ("update_cycle", "dai\x1bly", "U+001B"),  # not also "not an allowed value"
    ],
)
def test_control_characters_are_rejected_naming_the_character(
    profile: CatalogProfile, field: str, value: object, chars: str
) -> None:
    findings = validate_resource(replace(valid_resource(), **{field: value}), profile)
    assert [(f.field, f.code, f.params) for f in findings] == [
        (field, FindingCode.CONTROL_CHARACTER, {"char": chars})
    ]


def test_multi_line_fields_allow_tabs_and_line_breaks(profile: CatalogProfile) -> None:
    paragraph = "第一段\r\n第二段\n\t第三段"
    resource = replace(
        valid_resource(),
        abstract=paragraph,
        share_type="conditional",
        share_conditions=paragraph,
        open_to_society=True,
        open_conditions=paragraph,
        legal_basis=paragraph,
    )
    assert validate_resource(resource, profile) == []


def test_data_item_control_characters(profile: CatalogProfile) -> None:
    items = (
        DataItem("统一社会信用代码", "C", 18, description="第一行\n第二行\t备注"),
        DataItem("企业\x1b名称", "C", 200),
        DataItem("注册资本", "N", 16, description="万元\x00"),
    )
    findings = validate_resource(replace(valid_resource(), data_items=items), profile)
    assert [(f.item, f.field, f.code, f.params) for f in findings] == [
        (1, "name", FindingCode.CONTROL_CHARACTER, {"char": "U+001B"}),
        (2, "description", FindingCode.CONTROL_CHARACTER, {"char": "U+0000"}),
    ]


def test_a_province_s_own_text_field_is_checked_too(profile: CatalogProfile) -> None:
    """Fields a provincial profile adds live in `extra`; a profile that does not say which
    fields are multi-line keeps the national guide's paragraphs multi-line."""
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["fields"].append({"key": "contact", "label": "联系人"})
    for spec in data["fields"]:
        spec.pop("multiline", None)
    provincial = parse_profile(data)
    resource = replace(valid_resource(), abstract="第一段\n第二段", extra={"contact": "张\x1b三"})
    assert [(f.field, f.code) for f in validate_resource(resource, provincial)] == [
        ("contact", FindingCode.CONTROL_CHARACTER)
    ]


def test_a_required_yes_no_field_is_never_missing(profile: CatalogProfile) -> None:
    """是否向社会开放 is a tick box: unticked means 否, so a required yes/no field has no empty
    state to report, in the national profile or in a province's own field (in `extra`)."""
    data = json.loads(profile_path("national-2017").read_text(encoding="utf-8"))
    data["fields"].append(
        {"key": "archived", "label": "是否归档", "type": "bool", "required": True}
    )
    provincial = parse_profile(data)
    for resource in (valid_resource(), replace(valid_resource(), extra={"archived": None})):
        assert validate_resource(resource, provincial) == []
    assert validate_resource(replace(valid_resource(), open_to_society=False), profile) == []
