"""A grant on the wire (`Grant`), to the domain's grant: read only, the platform owns it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from govshare_desktop.domain.entities import Grant, GrantedItem
from govshare_desktop.platform.wire.share_requests import moment

ENTITY_TYPE = "grant"  # the change feed's item type (kinds `grant` and `revoke`)


def _item(document: Mapping[str, Any]) -> GrantedItem:
    return GrantedItem(
        id=str(document["id"]),
        name=str(document.get("name") or ""),
        data_type=str(document.get("data_type") or ""),
    )


def from_wire(document: Mapping[str, Any]) -> tuple[Grant, int]:
    """The grant as served, and its version; KeyError/TypeError/ValueError when the
    document is not one."""
    valid_to = document.get("valid_to")
    grant = Grant(
        id=str(document["id"]),
        request_id=str(document["request_id"]) if document.get("request_id") else None,
        grantee_unit_code=str(document["grantee_unit_code"]),
        provider_unit_code=str(document["provider_unit_code"]),
        authority_unit_code=str(document.get("authority_unit_code") or ""),
        resource_id=str(document.get("resource_id") or ""),
        resource_code=str(document["resource_code"]),
        resource_name=str(document.get("resource_name") or ""),
        data_items=tuple(_item(d) for d in document.get("data_items") or ()),
        purpose=str(document.get("purpose") or ""),
        valid_from=date.fromisoformat(str(document["valid_from"])),
        valid_to=date.fromisoformat(str(valid_to)) if valid_to else None,
        allow_offline_cache=bool(document.get("allow_offline_cache")),
        allow_export=bool(document.get("allow_export")),
        granted_at=moment(document.get("granted_at")),
        granted_by=str(document.get("granted_by") or ""),
        revoked_at=moment(document.get("revoked_at")),
        revoked_by=str(document.get("revoked_by") or ""),
        revocation_reason=str(document.get("revocation_reason") or ""),
    )
    return grant, int(document["version"])
