"""A shared-directory entry on the wire (`DirectoryEntry`), to the domain's entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from govshare_desktop.domain.directory import DirectoryEntry
from govshare_desktop.domain.resource_content import resource_from_content
from govshare_desktop.platform.wire import resources


def _moment(text: object) -> datetime | None:
    """An RFC 3339 time as naive UTC, as the store keeps times; None when absent."""
    if not text:
        return None
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def entry_from_wire(document: Mapping[str, Any]) -> DirectoryEntry:
    """The entry; KeyError/TypeError/ValueError when the document is not one."""
    unit = document["unit"]
    content, _ = resources.from_wire(document["resource"])
    resource = resource_from_content(str(document["id"]), content)
    return DirectoryEntry(
        resource=replace(resource, unit_code=str(unit["code"])),
        version=int(document["version"]),
        unit_name=str(unit.get("name") or ""),
        superior=document.get("relation") == "superior",
        filing_id=str(document.get("filing_id") or ""),
        filed_at=_moment(document.get("filed_at")),
    )
