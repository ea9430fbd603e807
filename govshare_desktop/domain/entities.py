"""Domain entities (DESIGN §3): plain frozen dataclasses that cross every layer.

They carry content: what the officer sees and edits. The sync bookkeeping of a record is
its envelope (`domain/tracking.py`), kept beside it; lists that show a sync badge carry
the state in their summaries. ORM rows never leave `store/`, Qt objects never enter here.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from govshare_desktop.domain.attachments import Attachment
from govshare_desktop.domain.enums import (
    CatalogVersionState,
    DataType,
    ObjectionAspect,
    ObjectionState,
    ShareRequestState,
    ShareType,
    SyncState,
)


def new_id() -> str:
    """A client-made UUID: the record's identity here and on the platform (SYNC.md)."""
    return str(uuid.uuid4())


_COUNTER_BITS = 74  # RFC 9562 version 7: rand_a (12 bits) and rand_b (62 bits), as one field
_HEX_PAIRS = tuple(f"{n:02x}" for n in range(256))


def new_ids(count: int) -> list[str]:
    """`count` time-ordered (version 7, RFC 9562) UUIDs, consecutive in the order given.

    An import stores 100,000 data items at once; random (version 4) ids scatter them over
    every page of the primary-key and foreign-key indexes, ordered ids append instead
    (the data-item insert took a third less). The 74 bits after the millisecond timestamp
    count up from a random start, so ids of two batches still never meet.

    The text is made 256 ids at a time: they share all but their last two hex digits, so
    each id is one concatenation (110,000 ids: a third of the time one format each took).
    """
    ms = time.time_ns() // 1_000_000 & (1 << 48) - 1
    start = int.from_bytes(os.urandom(10)) >> (80 - _COUNTER_BITS + 1)  # leaves room to count
    low, variant = (1 << 62) - 1, 0b10 << 62
    stamp = f"{ms:012x}"
    ids: list[str] = []
    for run in range(start & ~0xFF, start + count, 0x100):  # aligned: the 12 high bits hold
        tail = f"{variant | run & low:016x}"
        head = f"{stamp[:8]}-{stamp[8:]}-7{run >> 62:03x}-{tail[:4]}-{tail[4:14]}"
        ids += map(head.__add__, _HEX_PAIRS)
    skip = start & 0xFF
    return ids[skip : skip + count]


@dataclass(frozen=True, slots=True)
class Unit:
    """机关单位: an agency or authorised body, with its unified social credit code."""

    code: str
    name: str
    parent_code: str | None = None
    credit_code: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class DataItem:
    """信息项: one field of a resource."""

    name: str
    data_type: DataType | str = DataType.CHAR
    length: int | None = None
    share_type: ShareType | str | None = None
    share_conditions: str = ""
    open_to_society: bool | None = None
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class Classification:
    """信息资源分类: 类 (1 digit) / 项 (2) / 目 (3) / 细目 (variable)."""

    category: str = ""
    item: str = ""
    subject: str = ""
    detail: str = ""

    @property
    def code(self) -> str:
        return f"{self.category}{self.item}{self.subject}{self.detail}"


@dataclass(frozen=True, slots=True)
class Resource:
    """政务信息资源: one catalogued resource with its core metadata and data items."""

    name: str
    unit_code: str
    classification: Classification = field(default_factory=Classification)
    sequence: str = ""
    code: str = ""
    provider_name: str = ""
    provider_code: str = ""
    abstract: str = ""
    format_category: str = ""
    format_detail: str = ""
    share_type: ShareType | str = ""
    share_conditions: str = ""
    share_method: str = ""
    legal_basis: str = ""
    open_to_society: bool = False
    open_conditions: str = ""
    update_cycle: str = ""
    published_on: date | None = None
    related_codes: tuple[str, ...] = ()
    secret: bool = False
    source_resource_id: str | None = None  # the superior unit's entry it was derived from
    source_version: int | None = None  # that entry's revision when derived or last reviewed
    one_source_note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    data_items: tuple[DataItem, ...] = ()
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class ResourceSummary:
    """What a list or tree of the catalog shows of a resource, cheap to load by the thousand."""

    id: str
    unit_code: str
    code: str
    name: str
    classification: Classification
    share_type: str
    secret: bool
    sync_state: SyncState
    provider_name: str = ""

    @classmethod
    def of(cls, resource: Resource, sync_state: SyncState) -> ResourceSummary:
        return cls(
            id=resource.id,
            unit_code=resource.unit_code,
            code=resource.code,
            name=resource.name,
            classification=resource.classification,
            share_type=str(resource.share_type),
            secret=resource.secret,
            sync_state=sync_state,
            provider_name=resource.provider_name,
        )


@dataclass(frozen=True, slots=True)
class CatalogVersion:
    """A frozen, numbered state of a unit's catalog and its 备案 state."""

    unit_code: str
    number: int
    state: CatalogVersionState = CatalogVersionState.DRAFT
    reason: str = ""
    authority_comment: str = ""
    frozen_at: datetime | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class ShareRequestEvent:
    """One step of a share request's history: who, when, what, and the text they wrote.

    The platform writes the history; this PC keeps it as served (`seq` counts from 1,
    `details` holds what the step recorded: a deadline, an outcome, the grant's id)."""

    action: str
    actor: str
    at: datetime
    text: str = ""
    from_state: ShareRequestState | None = None
    to_state: ShareRequestState | None = None
    actor_unit_code: str = ""
    seq: int = 0
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ShareRequest:
    """共享申请 (Art. 13); content is the requester's, every state after DRAFT the platform's.

    The content (`provider_unit_code` … `legal_basis`, the share method, the period of use
    and the contact) is editable only while a draft that
    the platform has not seen submitted. The rest is the platform's and arrives with every
    answer and feed item: the state, the competent authority, the statutory deadlines, the
    history, and `allowed_actions` — what the viewing unit may do next, as the platform
    served it (None: never served, a draft made on this PC and not yet sent).
    """

    requester_unit_code: str
    provider_unit_code: str
    resource_code: str
    purpose: str
    data_item_names: tuple[str, ...] = ()
    legal_basis: str = ""
    state: ShareRequestState = ShareRequestState.DRAFT
    explanation_due: date | None = None
    coordination_due: date | None = None
    events: tuple[ShareRequestEvent, ...] = ()
    id: str = field(default_factory=new_id)
    authority_unit_code: str = ""
    resume_state: ShareRequestState | None = None
    grant_id: str | None = None
    allowed_actions: tuple[str, ...] | None = None
    created_by: str = ""
    share_method: str = ""  # 共享方式 wanted (a `ShareMethod` value), "" left to the provider
    use_from: date | None = None  # the period of use (使用期限)
    use_until: date | None = None
    contact_name: str = ""  # 联系人
    contact_phone: str = ""
    server_updated_at: datetime | None = None  # the platform's time of the last change
    # 附件 as the platform lists them (None: not said — a draft of this PC, an older platform)
    attachments: tuple[Attachment, ...] | None = None


@dataclass(frozen=True, slots=True)
class GrantedItem:
    """One data item a grant lets the grantee read, as the platform names it."""

    id: str
    name: str
    data_type: str = ""


@dataclass(frozen=True, slots=True)
class Grant:
    """授权: what the platform lets a unit read of another unit's resource, and until when.
    Pull-only: every field is the platform's (a revocation sets `revoked_at`)."""

    id: str
    request_id: str | None
    grantee_unit_code: str
    provider_unit_code: str
    authority_unit_code: str
    resource_id: str
    resource_code: str
    resource_name: str
    data_items: tuple[GrantedItem, ...]
    purpose: str
    valid_from: date
    valid_to: date | None
    allow_offline_cache: bool = False
    allow_export: bool = False
    granted_at: datetime | None = None
    granted_by: str = ""
    revoked_at: datetime | None = None
    revoked_by: str = ""
    revocation_reason: str = ""

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def data_item_names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.data_items)


@dataclass(frozen=True, slots=True)
class Objection:
    """异议 (Art. 16): a grantee's doubt about granted data's accuracy, completeness or
    timeliness, naming the data item when it concerns one; the provider answers once.

    The raiser writes `grant_id`, `aspect`, `data_item_name` and `description`; the rest
    is the platform's (`state` DRAFT only while the raise has not reached it)."""

    grant_id: str
    aspect: ObjectionAspect
    description: str
    data_item_name: str = ""
    raiser_unit_code: str = ""
    provider_unit_code: str = ""
    resource_id: str = ""
    resource_code: str = ""
    data_item_id: str | None = None
    state: ObjectionState = ObjectionState.DRAFT
    answer: str = ""
    raised_at: datetime | None = None
    raised_by: str = ""
    answered_at: datetime | None = None
    answered_by: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class Notice:
    """通报 (Art. 17): a monitoring notice from the platform."""

    title: str
    body: str
    issued_at: datetime
    read: bool = False
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """An access or change recorded locally and uploaded on sync (Art. 14, 17)."""

    action: str
    actor: str
    at: datetime
    subject_type: str = ""
    subject_id: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
