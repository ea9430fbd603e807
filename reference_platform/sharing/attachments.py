"""附件 of a share request: the negotiation record (and like papers) as PDF files.

Who may do what, and why:
- The requester's unit (role `requester`) adds and removes attachments while the request
  is a draft. They are the papers the provider is asked to answer on: once submitted, the
  provider (and later the authority) decides on what it was sent, so the set is fixed with
  the content — a changed record means withdrawing and drafting anew, as for the content.
- Every unit that sees the request (requester; provider once submitted; authority once
  involved) lists and downloads them; any other unit gets 404, as for the request itself.
- Only PDF (`Content-Type: application/pdf` and the `%PDF-` signature): 415 otherwise. The
  size cap is the server's `max_attachment_bytes` (20 MiB unless configured): 413.

Attachments are not part of the request's version (an upload does not make a waiting
`If-Match` of the draft stale); the request's document lists them, so the submission's
feed item carries the final list to the provider.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from reference_platform.context import Principal
from reference_platform.db.models import ShareRequest, ShareRequestAttachment
from reference_platform.problems import ProblemError
from reference_platform.sharing.common import conflict, not_found
from reference_platform.sharing.requests import get_request
from reference_platform.sharing.workflow import State

PDF = "application/pdf"
PDF_MAGIC = b"%PDF-"
REQUESTER_ROLE = "requester"


def _attachment_not_found(attachment_id: str) -> ProblemError:
    return not_found("attachment", attachment_id)


def check_pdf(media_type: str | None, content: bytes) -> None:
    """415 unless the body is declared and recognisable as a PDF file."""
    if media_type != PDF:
        raise ProblemError(
            415, "unsupported_media_type",
            f"Send an attachment as {PDF}, not {media_type or 'untyped'}.",
        )  # fmt: skip
    if not content.startswith(PDF_MAGIC):
        raise ProblemError(415, "not_a_pdf", "The attachment does not begin as a PDF file does.")


def check_name(name: str) -> str:
    """The file name as shown to the other parties: 1-255 characters, no path."""
    cleaned = name.strip().replace("\\", "/").rsplit("/", 1)[-1]
    if not cleaned or len(cleaned) > 255 or any(ord(ch) < 32 for ch in cleaned):
        raise ProblemError(
            422, "invalid_attachment_name", "Name the attachment (1-255 characters, no path)."
        )
    return cleaned


def _editable(session: Session, principal: Principal, request_id: str) -> ShareRequest:
    """The request, if this officer may change its attachments now."""
    row = get_request(session, principal.unit_code, request_id)
    if principal.unit_code != row.requester_unit_code:
        raise ProblemError(
            403, "wrong_party", "Only the requester may change a request's attachments."
        )
    if REQUESTER_ROLE not in principal.roles:
        raise ProblemError(403, "role_required", f"This action needs the role '{REQUESTER_ROLE}'.")
    if row.state != State.DRAFT:
        raise conflict(
            "invalid_transition",
            f"A request in state '{row.state}' keeps its attachments as submitted.",
            state=row.state,
        )
    return row


def add_attachment(
    session: Session,
    principal: Principal,
    request_id: str,
    attachment_id: str,
    *,
    name: str,
    content: bytes,
    now: datetime,
) -> ShareRequestAttachment:
    """Store a new attachment under the client's UUID; 412 when the id is taken."""
    row = _editable(session, principal, request_id)
    if session.get(ShareRequestAttachment, attachment_id) is not None:
        raise ProblemError(
            412, "already_exists", f"An attachment with id {attachment_id} already exists."
        )
    attachment = ShareRequestAttachment(
        id=attachment_id,
        request_id=row.id,
        name=name,
        media_type=PDF,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=principal.username,
        uploaded_at=now,
    )
    row.attachments.append(attachment)
    session.flush()
    return attachment


def remove_attachment(
    session: Session, principal: Principal, request_id: str, attachment_id: str
) -> None:
    row = _editable(session, principal, request_id)
    attachment = next((a for a in row.attachments if a.id == attachment_id), None)
    if attachment is None:
        raise _attachment_not_found(attachment_id)
    row.attachments.remove(attachment)
    session.flush()


def list_attachments(
    session: Session, unit_code: str, request_id: str
) -> list[ShareRequestAttachment]:
    return list(get_request(session, unit_code, request_id).attachments)


def attachment_with_content(
    session: Session, unit_code: str, request_id: str, attachment_id: str
) -> ShareRequestAttachment:
    """One attachment with its bytes, if the unit sees its request; 404 otherwise."""
    get_request(session, unit_code, request_id)
    found = session.scalar(
        select(ShareRequestAttachment)
        .options(undefer(ShareRequestAttachment.content))
        .where(
            ShareRequestAttachment.id == attachment_id,
            ShareRequestAttachment.request_id == request_id,
        )
    )
    if found is None:
        raise _attachment_not_found(attachment_id)
    return found
