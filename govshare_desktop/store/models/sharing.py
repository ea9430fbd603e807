"""Share requests and their history, grants, objections, notices and the local audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govshare_desktop.store.models.base import Base, SyncColumns, utcnow


class ShareRequestRow(Base, SyncColumns):
    """A share request as the platform last served it (or as drafted here): the draft's
    content, then the platform's state, deadlines and what this unit may do next."""

    __tablename__ = "share_requests"

    requester_unit_code: Mapped[str] = mapped_column(String(64), index=True)
    provider_unit_code: Mapped[str] = mapped_column(String(64), index=True)
    authority_unit_code: Mapped[str] = mapped_column(
        String(64), default="", server_default="", index=True
    )
    resource_code: Mapped[str] = mapped_column(String(64))
    data_item_names_json: Mapped[str] = mapped_column(Text, default="[]")
    purpose: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    share_method: Mapped[str] = mapped_column(String(32), default="", server_default="")
    use_from: Mapped[date | None] = mapped_column(default=None)
    use_until: Mapped[date | None] = mapped_column(default=None)
    contact_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    state: Mapped[str] = mapped_column(String(32), default="draft", index=True)
    explanation_due: Mapped[date | None] = mapped_column(default=None)
    coordination_due: Mapped[date | None] = mapped_column(default=None)
    resume_state: Mapped[str | None] = mapped_column(String(32), default=None)
    grant_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # as served, for this unit; NULL: never served (a draft not yet sent)
    allowed_actions_json: Mapped[str | None] = mapped_column(Text, default=None)
    created_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class ShareRequestEventRow(Base):
    """One step of a request's history as the platform served it (replaced whole on each
    update: the platform's history is the record, never edited here)."""

    __tablename__ = "share_request_events"
    __table_args__ = (
        Index("ix_share_request_events_request_seq", "request_id", "seq", unique=True),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("share_requests.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(default=0)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100), default="")
    actor_unit_code: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    text: Mapped[str] = mapped_column(Text, default="")
    from_state: Mapped[str | None] = mapped_column(String(32), default=None)
    to_state: Mapped[str | None] = mapped_column(String(32), default=None)
    details_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class GrantRow(Base, SyncColumns):
    """Pull-only: a grant as the platform last served it (server wins; a revocation sets
    `revoked_at`, and cached rows go with it: SYNC.md)."""

    __tablename__ = "grants"

    request_id: Mapped[str | None] = mapped_column(String(36), default=None)
    resource_code: Mapped[str] = mapped_column(String(64), index=True)
    provider_unit_code: Mapped[str] = mapped_column(String(64), default="")
    data_item_names_json: Mapped[str] = mapped_column(Text, default="[]")
    purpose: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date]
    valid_to: Mapped[date | None] = mapped_column(default=None)
    allow_offline_cache: Mapped[bool] = mapped_column(default=False)
    allow_export: Mapped[bool] = mapped_column(default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    grantee_unit_code: Mapped[str] = mapped_column(
        String(64), default="", server_default="", index=True
    )
    authority_unit_code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    resource_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    resource_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # [{"id", "name", "data_type"}] in grant order
    data_items_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    granted_at: Mapped[datetime | None] = mapped_column(default=None)
    granted_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    revoked_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    revocation_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class ObjectionRow(Base, SyncColumns):
    """An objection (异议) raised here or served by the platform; `response` is the
    provider's answer text, `state` its outcome once answered."""

    __tablename__ = "objections"

    resource_code: Mapped[str] = mapped_column(String(64), index=True)
    data_item_name: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="draft")
    response: Mapped[str] = mapped_column(Text, default="")
    grant_id: Mapped[str] = mapped_column(String(36), default="", server_default="", index=True)
    aspect: Mapped[str] = mapped_column(String(16), default="", server_default="")
    raiser_unit_code: Mapped[str] = mapped_column(
        String(64), default="", server_default="", index=True
    )
    provider_unit_code: Mapped[str] = mapped_column(
        String(64), default="", server_default="", index=True
    )
    resource_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    data_item_id: Mapped[str | None] = mapped_column(String(36), default=None)
    raised_at: Mapped[datetime | None] = mapped_column(default=None)
    raised_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
    answered_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


class NoticeRow(Base, SyncColumns):
    """通报 as this unit holds it (pull-only content; the read mark is this unit's and is
    sent). `notified`: the officer has been told of its arrival (local only, never sent)."""

    __tablename__ = "notices"

    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(default=None)
    issuer_unit_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    issued_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    read_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    subjects_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    notified: Mapped[bool] = mapped_column(default=False, server_default="0")


class AuditEventRow(Base):
    """Append-only. `mac` seals the event into the HMAC chain (security/audit_chain.py; ""
    while no keyring was usable to seal it); `prev_hash`/`hash` are the plain SHA-256
    checksum chain kept from before, which proves nothing against a deliberate edit."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(64))
    subject_type: Mapped[str] = mapped_column(String(32), default="")
    subject_id: Mapped[str] = mapped_column(String(64), default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    uploaded: Mapped[bool] = mapped_column(default=False, index=True)
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")
    uploaded_at: Mapped[datetime | None] = mapped_column(default=None)
    # the platform holds another event under this id: never sent again, shown by verify-audit
    upload_conflict: Mapped[bool] = mapped_column(default=False, server_default="0")


class ShareRequestAttachmentRow(Base):
    """附件 of a share request: what is listed of it, and its bytes once held here.

    The bytes live in this row (a BLOB), not in a file beside the database: an attachment
    added offline is written in the same SQLite transaction as its upload op, so after a
    crash or kill -9 both are there or neither is — never a half-written file, never an op
    whose file is missing, never a file no row knows of — and a backup of the database
    carries them. At the 20 MiB cap (domain/attachments.py) a BLOB is no strain on SQLite;
    reading it is deferred, so listing attachments never loads their bytes.
    """

    __tablename__ = "share_request_attachments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_id: Mapped[str] = mapped_column(
        ForeignKey("share_requests.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    # the file, once held here (added on this PC, or downloaded); None: fetch it on demand
    content: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    # added here and not yet accepted by the platform / removed here, its removal not yet sent
    local: Mapped[bool] = mapped_column(default=False, server_default="0")
    removed: Mapped[bool] = mapped_column(default=False, server_default="0")
