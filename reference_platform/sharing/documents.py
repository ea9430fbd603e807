"""Sharing records as the JSON documents every endpoint and the change feed return."""

from __future__ import annotations

from typing import Any

from reference_platform.catalog.representation import iso
from reference_platform.db.models import (
    CatalogFiling,
    Grant,
    NoticeDelivery,
    Objection,
    ShareRequest,
    ShareRequestAttachment,
)
from reference_platform.sharing.workflow import Party, allowed_actions


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def parties_of(row: ShareRequest, unit_code: str) -> set[Party]:
    """The parties a unit is in a request (usually one)."""
    parties = set()
    if unit_code == row.requester_unit_code:
        parties.add(Party.REQUESTER)
    if unit_code == row.provider_unit_code:
        parties.add(Party.PROVIDER)
    if unit_code == row.authority_unit_code:
        parties.add(Party.AUTHORITY)
    return parties


def share_request_document(row: ShareRequest, viewer_unit: str) -> dict[str, Any]:
    """The request with its whole history, and what the viewing unit may do next."""
    return {
        "id": row.id,
        "version": row.version,
        "state": row.state,
        "requester_unit_code": row.requester_unit_code,
        "provider_unit_code": row.provider_unit_code,
        "authority_unit_code": row.authority_unit_code,
        "resource_code": row.resource_code,
        "data_items": list(row.data_item_names),
        "purpose": row.purpose,
        "legal_basis": row.legal_basis,
        "share_method": row.share_method,
        "use_from": _date(row.use_from),
        "use_until": _date(row.use_until),
        "contact_name": row.contact_name,
        "contact_phone": row.contact_phone,
        "explanation_due": _date(row.explanation_due),
        "coordination_due": _date(row.coordination_due),
        "resume_state": row.resume_state,
        "grant_id": row.grant_id,
        "allowed_actions": allowed_actions(row.state, parties_of(row, viewer_unit)),
        "created_at": iso(row.created_at),
        "created_by": row.created_by,
        "updated_at": iso(row.updated_at),
        "attachments": [attachment_document(item) for item in row.attachments],
        "events": [
            {
                "seq": event.seq,
                "action": event.action,
                "at": iso(event.at),
                "actor": event.actor,
                "actor_unit_code": event.actor_unit_code,
                "text": event.text,
                "from_state": event.from_state,
                "to_state": event.to_state,
                "details": dict(event.details),
            }
            for event in row.events
        ],
    }


def attachment_document(row: ShareRequestAttachment) -> dict[str, Any]:
    """What is listed of an attachment; its bytes are fetched on their own."""
    return {
        "id": row.id,
        "name": row.name,
        "media_type": row.media_type,
        "size": row.size,
        "sha256": row.sha256,
        "uploaded_by": row.uploaded_by,
        "uploaded_at": iso(row.uploaded_at),
    }


def grant_document(row: Grant) -> dict[str, Any]:
    """The grant: which items of which resource, for what, until when, with what rights."""
    items = {item.id: item for item in row.resource.data_items}
    return {
        "id": row.id,
        "version": row.version,
        "request_id": row.request_id,
        "grantee_unit_code": row.grantee_unit_code,
        "provider_unit_code": row.provider_unit_code,
        "authority_unit_code": row.authority_unit_code,
        "resource_id": row.resource_id,
        "resource_code": row.resource.code,
        "resource_name": row.resource.name,
        "data_items": [
            {"id": item_id, "name": items[item_id].name, "data_type": items[item_id].data_type}
            for item_id in row.data_item_ids
            if item_id in items
        ],
        "purpose": row.purpose,
        "valid_from": _date(row.valid_from),
        "valid_to": _date(row.valid_to),
        "allow_offline_cache": row.allow_offline_cache,
        "allow_export": row.allow_export,
        "granted_at": iso(row.granted_at),
        "granted_by": row.granted_by,
        "revoked_at": iso(row.revoked_at) if row.revoked_at else None,
        "revoked_by": row.revoked_by,
        "revocation_reason": row.revocation_reason,
    }


def filing_document(row: CatalogFiling) -> dict[str, Any]:
    return {
        "id": row.id,
        "version": row.version,
        "unit_code": row.unit_code,
        "authority_unit_code": row.authority_unit_code,
        "catalog_version": row.catalog_version,
        "kind": row.kind,
        "reason": row.reason,
        "state": row.state,
        "resources": [dict(entry) for entry in row.resources],
        "submitted_at": iso(row.submitted_at),
        "submitted_by": row.submitted_by,
        "decided_at": iso(row.decided_at) if row.decided_at else None,
        "decided_by": row.decided_by,
        "decision_text": row.decision_text,
    }


def objection_document(row: Objection) -> dict[str, Any]:
    return {
        "id": row.id,
        "version": row.version,
        "grant_id": row.grant_id,
        "raiser_unit_code": row.raiser_unit_code,
        "provider_unit_code": row.provider_unit_code,
        "resource_id": row.resource_id,
        "data_item_id": row.data_item_id,
        "aspect": row.aspect,
        "description": row.description,
        "state": row.state,
        "raised_at": iso(row.raised_at),
        "raised_by": row.raised_by,
        "answer": row.answer,
        "answered_at": iso(row.answered_at) if row.answered_at else None,
        "answered_by": row.answered_by,
    }


def notice_document(row: NoticeDelivery) -> dict[str, Any]:
    """A notice as the recipient unit holds it."""
    notice = row.notice
    return {
        "id": notice.id,
        "version": row.version,
        "unit_code": row.unit_code,
        "issuer_unit_code": notice.issuer_unit_code,
        "issued_by": notice.issued_by,
        "issued_at": iso(notice.issued_at),
        "title": notice.title,
        "body": notice.body,
        "read_at": iso(row.read_at) if row.read_at else None,
        "read_by": row.read_by,
        "subjects": [dict(s) for s in notice.subjects or []],
    }
