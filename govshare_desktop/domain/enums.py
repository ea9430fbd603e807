"""Enumerations of the domain, with stable codes stored in the DB and sent to the platform.

Chinese labels for the catalog enumerations live in the catalog profile (data), since
provinces rename and extend them; the codes here never change once released.
"""

from __future__ import annotations

from enum import StrEnum


class ShareType(StrEnum):
    """共享类型 (Art. 12)."""

    UNCONDITIONAL = "unconditional"  # 无条件共享
    CONDITIONAL = "conditional"  # 有条件共享
    NOT_SHARED = "not_shared"  # 不予共享


class ResourceFormat(StrEnum):
    """信息资源格式 — the category; the concrete format (e.g. MySQL) is free text."""

    ELECTRONIC_FILE = "electronic_file"
    SPREADSHEET = "spreadsheet"
    DATABASE = "database"
    IMAGE = "image"
    STREAMING_MEDIA = "streaming_media"
    SELF_DESCRIBING = "self_describing"
    SERVICE_INTERFACE = "service_interface"
    OTHER = "other"


class ShareMethod(StrEnum):
    """共享方式: through the platform (database / interface / file) or outside it."""

    PLATFORM_DATABASE = "platform_database"
    PLATFORM_INTERFACE = "platform_interface"
    PLATFORM_FILE = "platform_file"
    MAIL_OR_MEDIA = "mail_or_media"


class UpdateCycle(StrEnum):
    """更新周期."""

    REAL_TIME = "real_time"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    OTHER = "other"


class DataType(StrEnum):
    """Data item types of the national guide, by their one-letter codes."""

    CHAR = "C"
    NUMERIC = "N"
    CURRENCY = "Y"
    DATE = "D"
    DATETIME = "T"
    LOGICAL = "L"
    MEMO = "M"
    GENERAL = "G"
    DOUBLE = "B"
    INTEGER = "I"
    FLOAT = "F"


class SyncState(StrEnum):
    """Where a synced record stands against the platform (SYNC.md)."""

    SYNCED = "synced"
    PENDING = "pending"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    READ_ONLY = "read_only"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    DONE = "done"
    BLOCKED = "blocked"
    FAILED = "failed"


class OutboxOp(StrEnum):
    CREATE = "create"
    PATCH = "patch"
    DELETE = "delete"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    IMPORT_BATCH = "import_batch"
    STEP = "step"  # a share request's workflow step; the payload names it (`action`)


class CatalogVersionState(StrEnum):
    """备案 states of a catalog version: 编制中 → 报备中 → 已备案 / 退回修改."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    FILED = "filed"
    RETURNED = "returned"


class ShareRequestState(StrEnum):
    """The Art. 13 workflow; the platform owns every state after DRAFT."""

    DRAFT = "draft"
    SUBMITTED = "submitted"  # sent to the provider for negotiation
    AGREED = "agreed"  # provider agreed; to be filed with the authority
    DECLINED = "declined"  # provider declined with reasons
    FILED = "filed"  # agreed share filed with the authority
    GRANTED = "granted"  # platform issued the grant
    APPLIED = "applied"  # declined request taken to the authority
    EXPLANATION_REQUESTED = "explanation_requested"  # provider to explain within 15 days
    EXPLAINED = "explained"  # authority coordinates within 30 days
    ESCALATED = "escalated"  # authority decides with staffing and secrecy departments
    DECIDED_SHARE = "decided_share"
    DECIDED_NO_SHARE = "decided_no_share"
    SECRECY_DISPUTE = "secrecy_dispute"  # Art. 12 §3: the secrecy bureau decides
    WITHDRAWN = "withdrawn"


class ObjectionState(StrEnum):
    """异议 (Art. 16)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class ObjectionAspect(StrEnum):
    """What an objection doubts (Art. 16): 准确性, 完整性, 时效性."""

    ACCURACY = "accuracy"
    COMPLETENESS = "completeness"
    TIMELINESS = "timeliness"


class ObjectionOutcome(StrEnum):
    """The provider's answer to an objection, once; the objection's state becomes it."""

    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
