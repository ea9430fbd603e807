"""Request bodies of the sharing endpoints, validated by pydantic (unknown fields refused)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reference_platform.catalog.schemas import Name100, Name200, Str64, Str200, Str2000

_STRICT = ConfigDict(extra="forbid")

Text4000 = Annotated[str, Field(max_length=4000, pattern=r"^[^\x00]*$")]
RequiredText = Annotated[str, Field(min_length=1, max_length=4000, pattern=r"^[^\x00]*\S[^\x00]*$")]
UnitCode = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[^\x00]*$")]
Str100 = Annotated[str, Field(max_length=100, pattern=r"^[^\x00]*$")]
Str40 = Annotated[str, Field(max_length=40, pattern=r"^[^\x00]*$")]
# 共享方式 as the catalog names it; "" when the requester leaves it to the provider
ShareMethodCode = Literal[
    "", "platform_database", "platform_interface", "platform_file", "mail_or_media"
]
GrantDate = Annotated[date, Field(ge=date(2000, 1, 1), le=date(2999, 12, 31))]


class ShareRequestFields(BaseModel):
    """What a requester asks for; every field may change while the request is a draft."""

    model_config = _STRICT

    provider_unit_code: UnitCode = "-"
    resource_code: Annotated[Str64, Field(min_length=1)] = "-"
    data_items: Annotated[list[Name100], Field(min_length=1, max_length=500)] = Field(
        default_factory=lambda: ["-"]
    )
    purpose: Annotated[Str2000, Field(min_length=1)] = "-"
    legal_basis: Str2000 = ""
    # how and for how long the data is wanted, and whom to ask (issue 13)
    share_method: ShareMethodCode = ""
    use_from: GrantDate | None = None
    use_until: GrantDate | None = None
    contact_name: Str100 = ""
    contact_phone: Str40 = ""

    @model_validator(mode="after")
    def _items_unique(self) -> ShareRequestFields:
        if len(set(self.data_items)) != len(self.data_items):
            raise ValueError("data items must be named at most once")
        if self.use_from and self.use_until and self.use_until < self.use_from:
            raise ValueError("use_until must not be before use_from")
        return self


class ShareRequestCreate(ShareRequestFields):
    """Body of `PUT /share-requests/{id}`: a new draft."""

    provider_unit_code: UnitCode
    resource_code: Annotated[Str64, Field(min_length=1)]
    data_items: Annotated[list[Name100], Field(min_length=1, max_length=500)]
    purpose: Annotated[Str2000, Field(min_length=1)]


class ShareRequestPatch(ShareRequestFields):
    """Body of `PATCH /share-requests/{id}`: any subset of the fields, while a draft."""


class TextCommand(BaseModel):
    """A workflow step with an optional note."""

    model_config = _STRICT

    text: Text4000 = ""


class ReasonedCommand(BaseModel):
    """A workflow step that needs written reasons (a decline, an application, an explanation)."""

    model_config = _STRICT

    text: RequiredText


class GrantTermsIn(BaseModel):
    """The terms of a grant; defaults: every requested item, from today, for one year."""

    model_config = _STRICT

    data_items: Annotated[list[Name100], Field(min_length=1, max_length=500)] | None = None
    valid_from: GrantDate | None = None
    valid_to: GrantDate | None = None
    allow_offline_cache: bool = False
    allow_export: bool = False

    @model_validator(mode="after")
    def _period(self) -> GrantTermsIn:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to must not be before valid_from")
        return self


class GrantCommand(BaseModel):
    """The authority grants an agreed, filed request."""

    model_config = _STRICT

    text: Text4000 = ""
    terms: GrantTermsIn = Field(default_factory=GrantTermsIn)


class DecisionCommand(BaseModel):
    """A coordination result or a decision: share (with terms) or do not share (reasons)."""

    model_config = _STRICT

    outcome: Literal["share", "no_share"]
    text: RequiredText
    terms: GrantTermsIn | None = None

    @model_validator(mode="after")
    def _terms_only_to_share(self) -> DecisionCommand:
        if self.outcome == "no_share" and self.terms is not None:
            raise ValueError("terms apply only to a decision to share")
        return self


class SecrecyDetermination(BaseModel):
    """The secrecy bureau's determination (Art. 12 §3), as the authority records it."""

    model_config = _STRICT

    determination: Literal["secret", "not_secret"]
    text: RequiredText
    reference: Str200 = ""


# The body of each workflow command, by action (the path's last segment).
COMMAND_BODIES: dict[str, type[BaseModel]] = {
    "submit": TextCommand,
    "agree": TextCommand,
    "decline": ReasonedCommand,
    "file": TextCommand,
    "grant": GrantCommand,
    "apply": ReasonedCommand,
    "request-explanation": TextCommand,
    "explain": ReasonedCommand,
    "coordinate": DecisionCommand,
    "escalate": ReasonedCommand,
    "decide": DecisionCommand,
    "withdraw": TextCommand,
    "dispute-secrecy": ReasonedCommand,
    "resolve-secrecy": SecrecyDetermination,
}


class FilingCreate(BaseModel):
    """Body of `PUT /catalog/filings/{id}`: the reason is required for a re-filing."""

    model_config = _STRICT

    reason: Str2000 = ""


class FilingReturn(BaseModel):
    """The authority returns a filing for correction, with reasons."""

    model_config = _STRICT

    text: RequiredText


class RevokeCommand(BaseModel):
    """The authority revokes a grant, with reasons."""

    model_config = _STRICT

    text: RequiredText


class ObjectionCreate(BaseModel):
    """Body of `PUT /objections/{id}`: a doubt about granted data (Art. 16)."""

    model_config = _STRICT

    grant_id: uuid.UUID
    data_item: Name100 | None = None
    aspect: Literal["accuracy", "completeness", "timeliness"]
    description: RequiredText


class ObjectionAnswer(BaseModel):
    """The provider's answer to an objection."""

    model_config = _STRICT

    outcome: Literal["accepted", "corrected", "rejected"]
    text: RequiredText


class NoticeSubject(BaseModel):
    """A record a notice concerns, so the recipient can open it from the notice."""

    model_config = _STRICT

    type: Literal["share_request", "grant", "objection", "resource"]
    id: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00]*$")]


class NoticeCreate(BaseModel):
    """Body of `PUT /notices/{id}`: a monitoring notice to units of the authority's level."""

    model_config = _STRICT

    title: Name200
    body: RequiredText
    unit_codes: Annotated[list[UnitCode], Field(min_length=1, max_length=500)]
    subjects: Annotated[list[NoticeSubject], Field(max_length=50)] = Field(default_factory=list)


class AuditSubject(BaseModel):
    model_config = _STRICT

    type: Annotated[str, Field(max_length=32, pattern=r"^[^\x00]*$")] = ""
    id: Annotated[str, Field(max_length=64, pattern=r"^[^\x00]*$")] = ""


Hash = Annotated[str, Field(max_length=128, pattern=r"^[0-9a-fA-F]*$")]


class AuditEventIn(BaseModel):
    """One event of a client's local audit log; `prev_hash`/`hash` chain the log."""

    model_config = _STRICT

    id: uuid.UUID
    at: datetime
    actor: Annotated[str, Field(max_length=100, pattern=r"^[^\x00]*$")]
    action: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00]*$")]
    subject: AuditSubject = Field(default_factory=AuditSubject)
    details: dict[str, Any] = Field(default_factory=dict)
    prev_hash: Hash = ""
    hash: Hash

    @field_validator("details")
    @classmethod
    def _strict_json(cls, details: dict[str, Any]) -> dict[str, Any]:
        # Python's JSON parser lets NaN and Infinity through; they are not JSON, so they could
        # be neither stored (PostgreSQL refuses them in a json column) nor served back.
        try:
            json.dumps(details, allow_nan=False)
        except ValueError:
            raise ValueError("details must be plain JSON: no NaN or Infinity") from None
        return details

    @model_validator(mode="after")
    def _aware(self) -> AuditEventIn:
        if self.at.tzinfo is None:
            raise ValueError("at must carry a time zone")
        try:
            self.at.astimezone(UTC)
        except OverflowError:
            raise ValueError("at is out of range") from None
        return self


class AuditBatch(BaseModel):
    """Body of `POST /audit-events`."""

    model_config = _STRICT

    events: Annotated[list[AuditEventIn], Field(min_length=1, max_length=1000)]
