"""`plain_content` builds a first pull's rows without the domain objects: for any content
it either declines (None) or gives exactly what the objects' way gives — the content
`raw_content(resource_from_content(...))` holds and the base text `synced_text` writes."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from govshare_desktop.domain.resource_content import (
    SCALARS,
    plain_content,
    plain_synced_text,
    raw_content,
    resource_from_content,
    synced_text,
)

RID = "8a4f6c1e-0000-4000-8000-000000000001"


def wire_like() -> dict[str, Any]:
    """Content as the platform codec gives it for a `Resource` document."""
    return {
        "unit_code": "U1", "code": "301001/000009", "name": "婚姻登记信息",
        "class_category": "3", "class_item": "01", "class_subject": "001", "class_detail": "",
        "provider_name": "民政局", "provider_code": "11130100MB0000000X", "abstract": "摘要",
        "format_category": "database", "format_detail": "MySQL", "share_type": "conditional",
        "share_conditions": "经审批", "share_method": "", "legal_basis": "",
        "open_to_society": True, "open_conditions": "脱敏", "update_cycle": "",
        "published_on": "2024-03-01", "related_codes": ["301001/000002"],
        "data_items": [
            {"id": "i-1", "name": "登记日期", "data_type": "D", "length": None,
             "share_type": None, "share_conditions": "", "open_to_society": None,
             "description": "按日"},
            {"id": "i-2", "name": "证号", "data_type": "C", "length": 18,
             "share_type": "unconditional", "share_conditions": "", "open_to_society": False,
             "description": ""},
        ],
    }  # fmt: skip


def objects_way(content: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """What the domain objects make of `content` (None where they refuse it)."""
    try:
        resource = resource_from_content(RID, copy.deepcopy(content))
    except (TypeError, ValueError):
        return None
    raw = json.loads(json.dumps(raw_content(resource), ensure_ascii=False, default=str))
    raw["secret"] = resource.secret
    for item in raw["data_items"]:
        assert item.pop("extra") == {}  # a plain item has none: the row writes "{}"
    return raw, synced_text(resource)


def assert_same_or_declined(content: dict[str, Any]) -> bool:
    plain = plain_content(copy.deepcopy(content))
    if plain is None:
        return False
    expected = objects_way(content)
    assert expected is not None, content
    assert plain == expected[0]
    assert plain_synced_text(plain) == expected[1]
    return True


def test_the_platforms_content_is_plain_and_the_same() -> None:
    assert assert_same_or_declined(wire_like())
    no_items = {**wire_like(), "data_items": [], "published_on": None, "related_codes": []}
    assert assert_same_or_declined(no_items)


ODD = (None, "", "x", "20240301", "2024-03-01", 0, 7, True, False, 2.5, [], ["a"], {}, {"k": 1})


@pytest.mark.parametrize("field", [*SCALARS, "class_category", "related_codes", "extra"])
def test_any_value_of_a_resource_field_is_declined_or_read_the_same(field: str) -> None:
    for value in ODD:
        assert_same_or_declined({**wire_like(), field: value})


@pytest.mark.parametrize(
    "field",
    ["id", "name", "data_type", "length", "share_type", "share_conditions", "open_to_society",
     "description"],
)  # fmt: skip
def test_any_value_of_a_data_item_field_is_declined_or_read_the_same(field: str) -> None:
    for value in ODD:
        content = wire_like()
        content["data_items"][0][field] = value
        assert_same_or_declined(content)


@pytest.mark.parametrize(
    "change",
    [
        {"length": "18"},  # text the reader turns into a number
        {"id": ""},  # the reader would give it a new id
        {"name": None},  # the reader writes ""
        {"data_type": ""},  # the reader writes "C"
        {"extra": {"备注": "x"}},  # an item's own extras
    ],
)
def test_an_item_the_reader_would_convert_is_declined(change: dict[str, Any]) -> None:
    content = wire_like()
    content["data_items"][1].update(change)
    assert plain_content(content) is None


def test_a_publication_date_is_written_as_the_reader_writes_it() -> None:
    plain = plain_content({**wire_like(), "published_on": "20240301"})
    assert plain is not None and plain["published_on"] == "2024-03-01"
    assert plain_content({**wire_like(), "published_on": "2024-03-01T08:00"}) is None
