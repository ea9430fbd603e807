"""Between wire and table: a resource row as its JSON document, and request fields onto a row."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from reference_platform.catalog.schemas import DataItemIn, ResourceFields
from reference_platform.db.models import DataItem, Resource


def iso(moment: datetime) -> str:
    """RFC 3339 in UTC with a Z, as the contract writes date-times."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def data_item_document(item: DataItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "data_type": item.data_type,
        "length": item.length,
        "share_type": item.share_type,
        "share_conditions": item.share_conditions,
        "open_to_society": item.open_to_society,
        "description": item.description,
    }


def resource_document(row: Resource) -> dict[str, Any]:
    """The resource as every endpoint and the change feed return it."""
    return {
        "id": row.id,
        "unit_code": row.unit_code,
        "version": row.version,
        "code": row.code,
        "name": row.name,
        "classification": {
            "category": row.category,
            "item": row.item,
            "subject": row.subject,
            "detail": row.detail,
        },
        "provider_name": row.provider_name,
        "provider_code": row.provider_code,
        "abstract": row.abstract,
        "format_category": row.format_category,
        "format_detail": row.format_detail,
        "share_type": row.share_type,
        "share_conditions": row.share_conditions,
        "share_method": row.share_method,
        "legal_basis": row.legal_basis,
        "open_to_society": row.open_to_society,
        "open_conditions": row.open_conditions,
        "update_cycle": row.update_cycle,
        "published_on": row.published_on.isoformat() if row.published_on else None,
        "related_codes": list(row.related_codes),
        "data_items": [data_item_document(item) for item in row.data_items],
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "updated_by": row.updated_by,
    }


def _data_items(row: Resource, incoming: list[DataItemIn]) -> list[DataItem]:
    """The new item list: rows with a known id are updated in place, others are created."""
    existing = {item.id: item for item in row.data_items}
    result: list[DataItem] = []
    for position, item in enumerate(incoming):
        item_id = str(item.id or uuid.uuid4())
        target = existing.get(item_id) or DataItem(resource_id=row.id, id=item_id)
        target.position = position
        target.name = item.name
        target.data_type = item.data_type
        target.length = item.length
        target.share_type = item.share_type
        target.share_conditions = item.share_conditions
        target.open_to_society = item.open_to_society
        target.description = item.description
        result.append(target)
    return result


# Fields copied one to one between the request model and the row.
_SCALARS = (
    "code",
    "name",
    "provider_name",
    "provider_code",
    "abstract",
    "format_category",
    "format_detail",
    "share_type",
    "share_conditions",
    "share_method",
    "legal_basis",
    "open_to_society",
    "open_conditions",
    "update_cycle",
    "published_on",
)


def apply_fields(row: Resource, fields: ResourceFields, names: set[str]) -> None:
    """Copy the named fields of the request onto the row."""
    for name in _SCALARS:
        if name in names:
            setattr(row, name, getattr(fields, name))
    if "classification" in names:
        c = fields.classification
        row.category, row.item, row.subject, row.detail = c.category, c.item, c.subject, c.detail
    if "related_codes" in names:
        row.related_codes = list(fields.related_codes)
    if "data_items" in names:
        row.data_items = _data_items(row, fields.data_items)
