"""An audit event as `POST /audit-events` takes it (openapi.yaml `AuditEventIn`).

`prev_hash`/`hash` carry the chain's MACs (the previous event's and the event's own), so
the platform's copy can be checked with the install's key and serves as the log's anchor.
Times are sent in UTC with their zone, as the platform requires.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from govshare_desktop.domain.audit import AuditLink

PATH = "/audit-events"
MAX_BATCH = 1000  # the platform's limit per request


def to_wire(link: AuditLink, prev_mac: str) -> dict[str, Any]:
    event = link.event
    return {
        "id": event.id,
        "at": event.at.replace(tzinfo=UTC).isoformat(),
        "actor": event.actor,
        "action": event.action,
        "subject": {"type": event.subject_type, "id": event.subject_id},
        "details": event.details,
        "prev_hash": prev_mac,
        "hash": link.mac,
    }


def batch(links: list[AuditLink], first_prev_mac: str) -> dict[str, Any]:
    """The request body for `links` in order, the first one after `first_prev_mac`."""
    events, prev = [], first_prev_mac
    for link in links:
        events.append(to_wire(link, prev))
        prev = link.mac
    return {"events": events}


def ids_in(answer: Any, key: str) -> list[str]:
    """The event ids the answer lists under `key` (accepted, duplicates, conflicts)."""
    listed = answer.get(key, []) if isinstance(answer, dict) else []
    return [str(i) for i in listed] if isinstance(listed, list) else []
