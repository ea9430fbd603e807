"""The words for every error and finding code, declared once for the GUI and the CLI.

Templates are English source strings marked for lupdate under the `Messages` context, with
`{name}` placeholders filled from the code's parameters. The GUI renders them through
`QCoreApplication.translate`, the CLI through `ts_catalog.TsCatalog`; both read the same
`i18n/*.ts`, so an officer reads the same sentence in either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.domain.validation import Finding, FindingCode

CONTEXT = "Messages"

Translate = Callable[[str, str], str]

ERROR_TEMPLATES: dict[ErrorCode, str] = {
    ErrorCode.DISK_FULL: QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding {path} is full. Free some space and try again; nothing was saved "
        "half-way.",
    ),
    ErrorCode.DB_LOCKED: QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} is in use by another program. Close other copies of GovShare "
        "Desktop and try again.",
    ),
    ErrorCode.DB_CORRUPT: QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} is damaged ({reason}). Restore the latest backup from {backups} "
        "or contact IT support.",
    ),
    ErrorCode.DB_TOO_NEW: QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} was written by a newer version of GovShare Desktop (schema "
        "{found}). This version knows schema {known} at most. Install the newer version; the "
        "data has not been changed.",
    ),
    ErrorCode.DB_UPGRADE_FAILED: QT_TRANSLATE_NOOP(
        "Messages",
        "The database could not be upgraded ({reason}). It was left as it was, and a backup is "
        "at {backup}.",
    ),
    ErrorCode.DATA_DIR_UNWRITABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {path} cannot be written ({reason}). Check its permissions or choose "
        "another folder with --home.",
    ),
    ErrorCode.FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages", "The file {path} cannot be read ({reason})."
    ),
    ErrorCode.INSTANCE_RUNNING: QT_TRANSLATE_NOOP(
        "Messages",
        "GovShare Desktop is already running with the data folder {path}. Switch to that "
        "window; only one copy may work on the same data.",
    ),
    ErrorCode.SETTING_LOCKED: QT_TRANSLATE_NOOP(
        "Messages", "The setting {key} is set by your administrator and cannot be changed here."
    ),
    ErrorCode.SETTING_INVALID: QT_TRANSLATE_NOOP(
        "Messages", "The value for {key} is not valid: {reason}."
    ),
    ErrorCode.POLICY_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The machine policy {source} cannot be read ({reason}); built-in defaults are used.",
    ),
    ErrorCode.PROFILE_INVALID: QT_TRANSLATE_NOOP(
        "Messages", "The catalog profile is not valid: {reason}."
    ),
    ErrorCode.CATALOG_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The catalog still has {errors} error(s). Fix them (see the problems list) before filing.",
    ),
    ErrorCode.FILING_IN_PROGRESS: QT_TRANSLATE_NOOP(
        "Messages",
        "Version {number} is already with the sharing authority. Wait for its decision before "
        "filing again.",
    ),
    ErrorCode.FILING_REASON_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "The catalog was filed before. Filing it again (after a reorganisation or a change of "
        "duties, Art. 11) needs a reason.",
    ),
    ErrorCode.NOTHING_TO_FILE: QT_TRANSLATE_NOOP(
        "Messages", "Nothing has changed since the last version; there is nothing to file."
    ),
    ErrorCode.CANCELLED: QT_TRANSLATE_NOOP("Messages", "Cancelled. Nothing was changed."),
    ErrorCode.NOT_FOUND: QT_TRANSLATE_NOOP("Messages", "{what} was not found."),
}

FINDING_TEMPLATES: dict[FindingCode, str] = {
    FindingCode.REQUIRED: QT_TRANSLATE_NOOP("Messages", "This field is required."),
    FindingCode.NOT_IN_ENUM: QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not one of the allowed values."
    ),
    FindingCode.TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages", "Too long: {length} characters, at most {max} allowed."
    ),
    FindingCode.BAD_CLASSIFICATION: QT_TRANSLATE_NOOP(
        "Messages", "The classification level {level} is not in the expected form."
    ),
    FindingCode.CODE_MISMATCH: QT_TRANSLATE_NOOP(
        "Messages",
        "The resource code must be the classification code {expected_prefix}, “/”, and a "
        "sequence number.",
    ),
    FindingCode.BAD_CREDIT_CODE: QT_TRANSLATE_NOOP(
        "Messages",
        "“{value}” is not a valid 18-character unified social credit code (check character "
        "wrong or invalid characters).",
    ),
    FindingCode.CONDITIONS_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "Conditional sharing needs its share conditions."
    ),
    FindingCode.LEGAL_BASIS_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "A resource that is not shared needs its legal basis."
    ),
    FindingCode.OPEN_CONDITIONS_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "A resource open to society should state its open conditions."
    ),
    FindingCode.DUPLICATE_ITEM_NAME: QT_TRANSLATE_NOOP(
        "Messages", "The data item name “{name}” appears more than once in this resource."
    ),
    FindingCode.NO_DATA_ITEMS: QT_TRANSLATE_NOOP("Messages", "The resource has no data items yet."),
    FindingCode.BAD_LENGTH: QT_TRANSLATE_NOOP(
        "Messages", "The length {value} must be a positive whole number."
    ),
    FindingCode.DUPLICATE_CODE: QT_TRANSLATE_NOOP(
        "Messages", "The resource code {value} is used by another resource of this unit."
    ),
}


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format_map(dict(params))
    except (KeyError, IndexError, ValueError):
        # A translation that lost a placeholder still says something useful.
        return template


def error_text(error: KnownError, translate: Translate) -> str:
    """The officer-facing sentence for a known error, in the language `translate` speaks."""
    return _fill(translate(CONTEXT, ERROR_TEMPLATES[error.code]), error.params)


def finding_text(finding: Finding, translate: Translate) -> str:
    """The officer-facing sentence for a validation finding."""
    return _fill(translate(CONTEXT, FINDING_TEMPLATES[finding.code]), finding.params)


def untranslated(context: str, text: str) -> str:
    """The English source text; for logs and tests that must not depend on a language."""
    del context
    return text
