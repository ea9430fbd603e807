"""A share request on the wire (`ShareRequestCreate`, `ShareRequestPatch`, the step bodies,
`ShareRequest`), to and from the domain's request.

The client sends only the requester's content (a draft, then its changed fields) and the
body of each workflow step; everything else — state, authority, deadlines, history, the
actions the viewing unit may take next — is the platform's and is read as served.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from govshare_desktop.domain.attachments import Attachment
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import ShareRequestState
from govshare_desktop.domain.share_requests import CONTENT_FIELDS

ENTITY_TYPE = "share_request"  # the change feed's item type
_DATES = ("use_from", "use_until")  # ISO dates in the content, null when unset


def create_to_wire(content: Mapping[str, Any]) -> dict[str, Any]:
    """A `ShareRequestCreate` from the draft's content (`domain.share_requests.content_of`)."""
    return {
        "provider_unit_code": str(content["provider_unit_code"]),
        "resource_code": str(content["resource_code"]),
        "data_items": [str(name) for name in content["data_items"]],
        "purpose": str(content["purpose"]),
        "legal_basis": str(content.get("legal_basis") or ""),
        "share_method": str(content.get("share_method") or ""),
        "use_from": content.get("use_from") or None,
        "use_until": content.get("use_until") or None,
        "contact_name": str(content.get("contact_name") or ""),
        "contact_phone": str(content.get("contact_phone") or ""),
    }


def patch_to_wire(changed: Mapping[str, Any]) -> dict[str, Any]:
    """A `ShareRequestPatch`: the changed content fields only."""
    body: dict[str, Any] = {}
    for name in CONTENT_FIELDS:
        if name in changed:
            value = changed[name]
            if name == "data_items":
                body[name] = [str(v) for v in value]
            elif name in _DATES:
                body[name] = str(value) if value else None
            else:
                body[name] = str(value or "")
    return body


def step_to_wire(body: Mapping[str, Any]) -> dict[str, Any]:
    """The body of a workflow step as queued (`text`, and `outcome`/`terms`/… of a decision)."""
    return {key: value for key, value in body.items() if value is not None}


def moment(text: object) -> datetime | None:
    """An RFC 3339 time as naive UTC, as the store keeps times; None when absent."""
    if not text:
        return None
    at = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _state(text: object) -> ShareRequestState | None:
    return ShareRequestState(str(text)) if text else None


def _event(document: Mapping[str, Any]) -> ShareRequestEvent:
    at = moment(document.get("at"))
    details = document.get("details")
    return ShareRequestEvent(
        action=str(document["action"]),
        actor=str(document.get("actor") or ""),
        at=at if at is not None else datetime(1970, 1, 1),
        text=str(document.get("text") or ""),
        from_state=_state(document.get("from_state")),
        to_state=_state(document.get("to_state")),
        actor_unit_code=str(document.get("actor_unit_code") or ""),
        seq=int(document.get("seq") or 0),
        details=dict(details) if isinstance(details, Mapping) else {},
    )


def from_wire(document: Mapping[str, Any]) -> tuple[ShareRequest, int]:
    """The request as served to this unit, and its version; KeyError/TypeError/ValueError
    when the document is not one."""
    allowed = document.get("allowed_actions")
    request = ShareRequest(
        id=str(document["id"]),
        requester_unit_code=str(document["requester_unit_code"]),
        provider_unit_code=str(document["provider_unit_code"]),
        authority_unit_code=str(document.get("authority_unit_code") or ""),
        resource_code=str(document["resource_code"]),
        data_item_names=tuple(str(n) for n in document.get("data_items") or ()),
        purpose=str(document.get("purpose") or ""),
        legal_basis=str(document.get("legal_basis") or ""),
        share_method=str(document.get("share_method") or ""),
        use_from=_day(document.get("use_from")),
        use_until=_day(document.get("use_until")),
        contact_name=str(document.get("contact_name") or ""),
        contact_phone=str(document.get("contact_phone") or ""),
        state=ShareRequestState(str(document["state"])),
        explanation_due=_day(document.get("explanation_due")),
        coordination_due=_day(document.get("coordination_due")),
        resume_state=_state(document.get("resume_state")),
        grant_id=str(document["grant_id"]) if document.get("grant_id") else None,
        allowed_actions=tuple(str(a) for a in allowed) if isinstance(allowed, list) else (),
        created_by=str(document.get("created_by") or ""),
        server_updated_at=moment(document.get("updated_at")),
        events=tuple(_event(e) for e in document.get("events") or ()),
        attachments=attachments_from_wire(document),
    )
    return request, int(document["version"])


def attachments_from_wire(document: Mapping[str, Any]) -> tuple[Attachment, ...] | None:
    """The attachments a request's document lists (None when it lists none at all: a
    platform older than attachments)."""
    listed = document.get("attachments")
    if not isinstance(listed, list):
        return None
    request_id = str(document["id"])
    return tuple(
        Attachment(
            id=str(item["id"]),
            request_id=request_id,
            name=str(item.get("name") or ""),
            size=int(item.get("size") or 0),
            sha256=str(item.get("sha256") or ""),
            uploaded_by=str(item.get("uploaded_by") or ""),
            uploaded_at=moment(item.get("uploaded_at")),
        )
        for item in listed
    )
