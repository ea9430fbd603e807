"""A resource's content as plain JSON values: what versions freeze, diffs compare and the
store tracks for sync.

Two views of one resource:
- `resource_content`: everything the unit says of it (the catalog snapshots frozen at
  filing, the exchange file a superior unit exports, version diffs). Never the sync
  bookkeeping, never the secret flag (a snapshot of a secret resource stays on this PC).
- `synced_content`: the part the platform keeps. Local working notes (the 一数一源 note,
  the derivation link, profile extras) and what the platform derives itself (unit,
  sequence) stay out, so editing them queues nothing and a three-way merge never sees them.

The platform's wire format (openapi.yaml) is the platform adapter's business
(`platform/wire/`); this is the client's own, stable form.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from govshare_desktop.domain.entities import Classification, DataItem, Resource, new_id

# The resource's scalar fields, in the order of its DB row.
SCALARS = (
    "unit_code", "sequence", "code", "name", "provider_name", "provider_code", "abstract",
    "format_category", "format_detail", "share_type", "share_conditions", "share_method",
    "legal_basis", "open_to_society", "open_conditions", "update_cycle", "published_on",
    "secret", "source_resource_id", "source_version", "one_source_note",
)  # fmt: skip
CLASSIFICATION_FIELDS = ("class_category", "class_item", "class_subject", "class_detail")
# Content the platform does not keep: derived by it (unit, sequence) or this unit's own.
LOCAL_ONLY = frozenset(
    {"unit_code", "sequence", "source_resource_id", "source_version", "one_source_note", "extra"}
)
_ITEM_LOCAL_ONLY = "extra"


def raw_content(resource: Resource) -> dict[str, Any]:
    """`resource_content` before its JSON round trip: dates and enums as objects
    (`json.dumps` with `default=str` writes the same text), for writers that serialise
    thousands at a time."""
    cls = resource.classification
    content: dict[str, Any] = {name: getattr(resource, name) for name in SCALARS}
    content.pop("secret")
    content.update(
        class_category=cls.category,
        class_item=cls.item,
        class_subject=cls.subject,
        class_detail=cls.detail,
        related_codes=list(resource.related_codes),
        extra=resource.extra,
        data_items=[
            {
                "id": i.id,
                "name": i.name,
                "data_type": str(i.data_type),
                "length": i.length,
                "share_type": i.share_type,
                "share_conditions": i.share_conditions,
                "open_to_society": i.open_to_society,
                "description": i.description,
                "extra": i.extra,
            }
            for i in resource.data_items
        ],
    )
    return content


def resource_content(resource: Resource) -> dict[str, Any]:
    """Everything the unit says of a resource, as JSON values (no sync bookkeeping)."""
    text = json.dumps(raw_content(resource), ensure_ascii=False, default=str)
    return json.loads(text)  # type: ignore[no-any-return]


def synced_content(resource: Resource) -> dict[str, Any]:
    """The part of the content the platform keeps; what sync sends, diffs and merges."""
    content = {k: v for k, v in resource_content(resource).items() if k not in LOCAL_ONLY}
    content["data_items"] = [
        {k: v for k, v in item.items() if k != _ITEM_LOCAL_ONLY} for item in content["data_items"]
    ]
    return content


def synced_text(resource: Resource) -> str:
    """`synced_content` as canonical JSON text (sorted keys), written straight from the
    objects: the same text as `json.dumps(synced_content(r), sort_keys=True)` without its
    JSON round trip — for writers storing the base of thousands of resources at a time."""
    content = raw_content(resource)
    for name in LOCAL_ONLY:
        content.pop(name, None)
    for item in content["data_items"]:
        del item[_ITEM_LOCAL_ONLY]
    return json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)


def resource_from_content(resource_id: str, content: dict[str, Any]) -> Resource:
    """The inverse of `resource_content`: a resource as another unit (or a snapshot)
    describes it.

    Unknown keys are ignored and missing ones take their defaults, so an older or newer
    sender's content still reads; raises ValueError/TypeError on wrongly typed content.
    """
    not_text = {"open_to_society", "published_on", "secret", "source_resource_id", "source_version"}
    fields: dict[str, Any] = {n: str(content.get(n) or "") for n in SCALARS if n not in not_text}
    published = content.get("published_on")
    source_id, source_version = content.get("source_resource_id"), content.get("source_version")
    items = tuple(
        DataItem(
            id=str(i.get("id") or new_id()),
            name=str(i.get("name") or ""),
            data_type=str(i.get("data_type") or "C"),
            length=int(i["length"]) if i.get("length") not in (None, "") else None,
            share_type=i.get("share_type"),
            share_conditions=str(i.get("share_conditions") or ""),
            open_to_society=i.get("open_to_society"),
            description=str(i.get("description") or ""),
            extra=dict(i.get("extra") or {}),
        )
        for i in content.get("data_items") or []
    )
    return Resource(
        **fields,
        id=resource_id,
        classification=Classification(
            str(content.get("class_category") or ""),
            str(content.get("class_item") or ""),
            str(content.get("class_subject") or ""),
            str(content.get("class_detail") or ""),
        ),
        open_to_society=bool(content.get("open_to_society")),
        published_on=date.fromisoformat(published) if published else None,
        source_resource_id=str(source_id) if source_id else None,
        source_version=int(source_version) if source_version not in (None, "") else None,
        related_codes=tuple(str(c) for c in content.get("related_codes") or ()),
        extra=dict(content.get("extra") or {}),
        data_items=items,
    )


# What `resource_from_content` reads as text (`str(value or "")`), and a data item's keys
# in the synced content.
_TEXT_FIELDS = (
    *(n for n in SCALARS if n not in {"open_to_society", "published_on", "secret",
                                      "source_resource_id", "source_version"}),
    *CLASSIFICATION_FIELDS,
)  # fmt: skip
SYNCED_ITEM_KEYS = frozenset(
    ("id", "name", "data_type", "length", "share_type", "share_conditions", "open_to_society",
     "description")
)  # fmt: skip
# The synced content's keys (`synced_text` writes these, sorted).
SYNCED_KEYS = (
    *(n for n in SCALARS if n not in LOCAL_ONLY and n != "secret"),
    *CLASSIFICATION_FIELDS, "related_codes", "data_items",
)  # fmt: skip


def _plain_item(item: Any) -> bool:
    """A data item `resource_from_content` and `raw_content` give back unchanged (less its
    empty extras): exactly the synced keys, an id, text as text, a whole length."""
    return (
        type(item) is dict
        and item.keys() == SYNCED_ITEM_KEYS
        and type(item["id"]) is str
        and item["id"] != ""
        and type(item["name"]) is str
        and type(item["data_type"]) is str
        and item["data_type"] != ""
        and (item["length"] is None or type(item["length"]) is int)
        and (item["share_type"] is None or type(item["share_type"]) is str)
        and type(item["share_conditions"]) is str
        and (item["open_to_society"] is None or type(item["open_to_society"]) is bool)
        and type(item["description"]) is str
    )


def plain_content(content: dict[str, Any]) -> dict[str, Any] | None:
    """`raw_content(resource_from_content(id, content))` as JSON values (the publication
    date as its ISO text, data items without their empty extras), built without the domain
    objects — or None when the content is not already in the form the constructor gives
    it (a value it would convert, a data item without an id, extras on an item), so the
    caller takes the objects' way and nothing is read twice differently.

    For writers storing thousands of resources as the platform sent them (a first pull):
    the objects cost more than the rows. tests/unit/domain/test_resource_content.py holds
    both ways equal.
    """
    plain: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = content.get(name)
        if type(value) is str:
            plain[name] = value
        elif value is None:
            plain[name] = ""
        else:
            return None
    society, published = content.get("open_to_society"), content.get("published_on")
    source_id, source_version = content.get("source_resource_id"), content.get("source_version")
    codes, extra = content.get("related_codes") or [], content.get("extra") or {}
    items = content.get("data_items") or []
    if not (
        (society is None or type(society) is bool)
        and (published is None or type(published) is str)
        and (source_id is None or type(source_id) is str)
        and (source_version in (None, "") or type(source_version) is int)
        and type(codes) is list
        and all(type(c) is str for c in codes)
        and type(extra) is dict
        and type(items) is list
        and all(map(_plain_item, items))
    ):
        return None
    if published:
        try:
            published = date.fromisoformat(published).isoformat()
        except ValueError:
            return None
    plain.update(
        open_to_society=bool(society),
        published_on=published or None,
        secret=False,
        source_resource_id=source_id or None,
        source_version=None if source_version == "" else source_version,
        related_codes=list(codes),
        extra=dict(extra),
        data_items=items,
    )
    return plain


def plain_synced_text(plain: dict[str, Any]) -> str:
    """`synced_text` of a `plain_content`."""
    synced = {name: plain[name] for name in SYNCED_KEYS}
    return json.dumps(synced, ensure_ascii=False, sort_keys=True)
