"""Error codes and the two kinds of failure (STYLE habit 6).

Lower layers raise `KnownError` with a code and parameters; `ui/messages.py` (and the CLI)
turn the code into a translated sentence that says what to do. Anything else is our bug
and goes to the crash dialog with the log path.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    # environment: the data directory and its database
    DISK_FULL = "disk_full"
    DB_LOCKED = "db_locked"
    DB_CORRUPT = "db_corrupt"
    DB_TOO_NEW = "db_too_new"
    DB_UPGRADE_FAILED = "db_upgrade_failed"
    DATA_DIR_UNWRITABLE = "data_dir_unwritable"
    FILE_UNREADABLE = "file_unreadable"
    INSTANCE_RUNNING = "instance_running"
    # settings and policy
    SETTING_LOCKED = "setting_locked"
    SETTING_INVALID = "setting_invalid"
    POLICY_UNREADABLE = "policy_unreadable"
    PROFILE_INVALID = "profile_invalid"
    # catalog filing (备案)
    CATALOG_INVALID = "catalog_invalid"
    FILING_IN_PROGRESS = "filing_in_progress"
    FILING_REASON_REQUIRED = "filing_reason_required"
    NOTHING_TO_FILE = "nothing_to_file"
    DERIVE_NOT_SUPERIOR = "derive_not_superior"
    # spreadsheets (Excel import and data files)
    WORKBOOK_UNREADABLE = "workbook_unreadable"
    WORKBOOK_ENCRYPTED = "workbook_encrypted"
    WORKBOOK_NOT_SPREADSHEET = "workbook_not_spreadsheet"
    WORKBOOK_TOO_LARGE = "workbook_too_large"
    WORKBOOK_NO_TABLE = "workbook_no_table"
    DATA_FILE_NO_HEADER = "data_file_no_header"
    FILE_UNWRITABLE = "file_unwritable"
    EXPORT_TEXT_TOO_LONG = "export_text_too_long"
    EXPORT_BAD_CHARACTERS = "export_bad_characters"
    # taking an import back
    IMPORT_UNDO_SYNCED = "import_undo_synced"
    IMPORT_UNDO_EDITED = "import_undo_edited"
    IMPORT_UNDO_GONE = "import_undo_gone"
    # the platform and the network (sign-in, sync)
    PLATFORM_NOT_CONFIGURED = "platform_not_configured"
    PLATFORM_UNREACHABLE = "platform_unreachable"
    PLATFORM_PORTAL = "platform_portal"
    PLATFORM_ERROR = "platform_error"
    PLATFORM_THROTTLED = "platform_throttled"
    TLS_UNTRUSTED = "tls_untrusted"
    PROXY_AUTH_REQUIRED = "proxy_auth_required"
    PROXY_CONFIG_INVALID = "proxy_config_invalid"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_THROTTLED = "sign_in_throttled"
    SIGN_IN_REQUIRED = "sign_in_required"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    AUDIT_KEY_UNAVAILABLE = "audit_key_unavailable"
    AUDIT_KEY_MISSING = "audit_key_missing"
    UNIT_MISMATCH = "unit_mismatch"
    SIGN_OUT_UNSENT = "sign_out_unsent"
    SYNC_REFUSED = "sync_refused"
    # share requests (Art. 13): a step refused before it is queued
    REQUEST_NOT_INVOLVED = "request_not_involved"
    REQUEST_WRONG_PARTY = "request_wrong_party"
    REQUEST_INVALID_TRANSITION = "request_invalid_transition"
    REQUEST_DEADLINE_PASSED = "request_deadline_passed"
    REQUEST_DEADLINE_NOT_REACHED = "request_deadline_not_reached"
    REQUEST_TEXT_REQUIRED = "request_text_required"
    REQUEST_TEXT_TOO_LONG = "request_text_too_long"
    REQUEST_TEXT_BAD_CHARACTER = "request_text_bad_character"
    REQUEST_OUTCOME_REQUIRED = "request_outcome_required"
    REQUEST_DETERMINATION_REQUIRED = "request_determination_required"
    REQUEST_FIELD_NOT_ALLOWED = "request_field_not_allowed"
    REQUEST_TERMS_ONLY_TO_SHARE = "request_terms_only_to_share"
    REQUEST_GRANT_ITEMS_INVALID = "request_grant_items_invalid"
    REQUEST_GRANT_PERIOD_INVALID = "request_grant_period_invalid"
    # share requests: the service's own refusals
    REQUEST_NOT_EDITABLE = "request_not_editable"
    REQUEST_STEP_NOT_ALLOWED = "request_step_not_allowed"
    REQUEST_NOT_REFUSED = "request_not_refused"
    REQUEST_PERIOD_INVALID = "request_period_invalid"
    # share requests: attachments (附件)
    ATTACHMENT_NOT_PDF = "attachment_not_pdf"
    ATTACHMENT_TOO_LARGE = "attachment_too_large"
    ATTACHMENT_UNREADABLE = "attachment_unreadable"
    ATTACHMENT_NOT_EDITABLE = "attachment_not_editable"
    ATTACHMENT_UNAVAILABLE = "attachment_unavailable"
    ATTACHMENT_DAMAGED = "attachment_damaged"
    ATTACHMENT_NOT_SAVED = "attachment_not_saved"
    # objections (异议, Art. 16)
    OBJECTION_GRANT_UNKNOWN = "objection_grant_unknown"
    OBJECTION_ITEM_NOT_GRANTED = "objection_item_not_granted"
    OBJECTION_ASPECT_INVALID = "objection_aspect_invalid"
    OBJECTION_OUTCOME_INVALID = "objection_outcome_invalid"
    OBJECTION_TEXT_REQUIRED = "objection_text_required"
    OBJECTION_TEXT_TOO_LONG = "objection_text_too_long"
    OBJECTION_NOT_ANSWERABLE = "objection_not_answerable"
    OBJECTION_ROLE_REQUIRED = "objection_role_required"
    OBJECTION_NOT_REFUSED = "objection_not_refused"
    NOTICE_NOT_REFUSED = "notice_not_refused"
    # authorized data (授权数据, Art. 14, 15, 18)
    GRANT_UNKNOWN = "grant_unknown"
    GRANT_REVOKED = "grant_revoked"
    GRANT_NOT_VALID = "grant_not_valid"
    GRANT_NOT_CACHED = "grant_not_cached"
    GRANT_CACHE_NOT_ALLOWED = "grant_cache_not_allowed"
    GRANT_CACHE_UNREADABLE = "grant_cache_unreadable"
    GRANT_CACHE_FULL = "grant_cache_full"
    GRANT_LEASE_EXPIRED = "grant_lease_expired"
    GRANT_EXPORT_NOT_ALLOWED = "grant_export_not_allowed"
    GRANT_COLUMN_NOT_GRANTED = "grant_column_not_granted"
    # work
    CANCELLED = "cancelled"
    NOT_FOUND = "not_found"


class KnownError(Exception):
    """A failure the officer or IT staff can act on; never shown as a traceback."""

    def __init__(self, code: ErrorCode, **params: Any) -> None:
        super().__init__(f"{code.value}: {params}" if params else code.value)
        self.code = code
        self.params: dict[str, Any] = params


class Cancelled(KnownError):
    """The officer cancelled a long operation; whatever it wrote was rolled back."""

    def __init__(self) -> None:
        super().__init__(ErrorCode.CANCELLED)
