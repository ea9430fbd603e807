"""A catalog resource on the wire (`ResourceCreate`, `ResourcePatch`, `Resource`).

The client keeps a resource's synced content flat (`domain.resource_content`): the four
classification levels as fields, unset enumerations as "". The API nests the levels in a
`classification` object and writes an unset enumeration as null.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govshare_desktop.domain.resource_content import CLASSIFICATION_FIELDS

_LEVELS = dict(zip(CLASSIFICATION_FIELDS, ("category", "item", "subject", "detail"), strict=True))
_ENUMS = ("format_category", "share_type", "share_method", "update_cycle")
_ITEM_FIELDS = (
    "id", "name", "data_type", "length", "share_type", "share_conditions", "open_to_society",
    "description",
)  # fmt: skip
_ITEM_KEYS = frozenset(_ITEM_FIELDS)
_SERVER_ONLY = ("id", "unit_code", "version", "created_at", "updated_at", "updated_by")


def _item_to_wire(item: Mapping[str, Any]) -> dict[str, Any]:
    wire = {k: item.get(k) for k in _ITEM_FIELDS}
    wire["share_type"] = item.get("share_type") or None
    wire["share_conditions"] = item.get("share_conditions") or ""
    wire["description"] = item.get("description") or ""
    return wire


def patch_to_wire(changed: Mapping[str, Any]) -> dict[str, Any]:
    """A `ResourcePatch` from changed synced fields (the classification travels whole)."""
    wire: dict[str, Any] = {}
    levels = {_LEVELS[k]: str(v or "") for k, v in changed.items() if k in _LEVELS}
    if levels:
        if len(levels) != len(_LEVELS):
            raise ValueError("a classification change must carry all four levels")
        wire["classification"] = levels
    for key, value in changed.items():
        if key in _LEVELS:
            continue
        if key in _ENUMS:
            wire[key] = value or None
        elif key == "data_items":
            wire[key] = [_item_to_wire(i) for i in value]
        else:
            wire[key] = value
    return wire


def create_to_wire(content: Mapping[str, Any]) -> dict[str, Any]:
    """A `ResourceCreate` from a resource's whole synced content."""
    return patch_to_wire(content)


def from_wire(document: Mapping[str, Any]) -> tuple[dict[str, Any], int]:
    """Synced content and server version from a `Resource` the platform returned."""
    content: dict[str, Any] = {k: v for k, v in document.items() if k not in _SERVER_ONLY}
    levels = content.pop("classification", None) or {}
    for field, level in _LEVELS.items():
        content[field] = str(levels.get(level) or "")
    for key in _ENUMS:
        content[key] = content.get(key) or ""
    # an item of exactly these keys (the platform's) is taken as it came, not copied; any
    # other is rebuilt in C by dict(zip(...map(get))): a first sync reads 100,000 items
    content["data_items"] = [
        item
        if type(item) is dict and item.keys() == _ITEM_KEYS
        else dict(zip(_ITEM_FIELDS, map(item.get, _ITEM_FIELDS), strict=True))
        for item in content.get("data_items") or ()
    ]
    return content, int(document["version"])
