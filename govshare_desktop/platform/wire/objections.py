"""An objection on the wire (`ObjectionCreate`, `ObjectionAnswer`, `Objection`), to and
from the domain's objection.

The raiser sends its content once (`PUT /objections/{id}`); the provider its answer
(`POST /objections/{id}/answer`). The served document names the resource and the data
item by id only: their code and name come from the grant (`store/repositories/objections`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govshare_desktop.domain.entities import Objection
from govshare_desktop.domain.enums import ObjectionAspect, ObjectionState
from govshare_desktop.platform.wire.share_requests import moment

ENTITY_TYPE = "objection"  # the change feed's item type


def create_to_wire(content: Mapping[str, Any]) -> dict[str, Any]:
    """An `ObjectionCreate` from the tracked content (`domain.objections.content_of`)."""
    item = content.get("data_item")
    return {
        "grant_id": str(content["grant_id"]),
        "data_item": str(item) if item else None,
        "aspect": str(content["aspect"]),
        "description": str(content["description"]),
    }


def answer_to_wire(body: Mapping[str, Any]) -> dict[str, Any]:
    """An `ObjectionAnswer` from an answer op's body."""
    return {"outcome": str(body["outcome"]), "text": str(body["text"])}


def from_wire(document: Mapping[str, Any]) -> tuple[Objection, int]:
    """The objection as served (without names: see the module), and its version;
    KeyError/TypeError/ValueError when the document is not one."""
    item = document.get("data_item_id")
    objection = Objection(
        id=str(document["id"]),
        grant_id=str(document["grant_id"]),
        aspect=ObjectionAspect(str(document["aspect"])),
        description=str(document.get("description") or ""),
        raiser_unit_code=str(document["raiser_unit_code"]),
        provider_unit_code=str(document["provider_unit_code"]),
        resource_id=str(document.get("resource_id") or ""),
        data_item_id=str(item) if item else None,
        state=ObjectionState(str(document["state"])),
        answer=str(document.get("answer") or ""),
        raised_at=moment(document.get("raised_at")),
        raised_by=str(document.get("raised_by") or ""),
        answered_at=moment(document.get("answered_at")),
        answered_by=str(document.get("answered_by") or ""),
    )
    return objection, int(document["version"])
