"""The words for every error and finding code, declared once for the GUI and the CLI.

Templates are English source strings marked for lupdate under the `Messages` context, with
`{name}` placeholders filled from the code's parameters. The GUI renders them through
`QCoreApplication.translate`, the CLI through `ts_catalog.TsCatalog`; both read the same
`i18n/*.ts`, so an officer reads the same sentence in either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.share_words import source_word, word, words
from govshare_desktop.domain.sheet_findings import CellFinding, SheetCode
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.domain.validation import Finding, FindingCode, bad_characters, char_name

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
    ErrorCode.WORKBOOK_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The workbook {path} is damaged and cannot be read ({reason}). Open it in Excel or WPS, "
        "save it again and retry.",
    ),
    ErrorCode.WORKBOOK_ENCRYPTED: QT_TRANSLATE_NOOP(
        "Messages",
        "The workbook {path} is protected by a password. Remove the password in Excel or WPS "
        "(File → Info → Protect Workbook), save it and retry.",
    ),
    ErrorCode.WORKBOOK_NOT_SPREADSHEET: QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not a spreadsheet that can be read here. Choose a file of one of these "
        "kinds: {kinds}.",
    ),
    ErrorCode.WORKBOOK_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Messages",
        "The workbook {path} is too large to read safely ({reason}). Split it into smaller "
        "workbooks, or delete empty rows and columns below and right of the table.",
    ),
    ErrorCode.WORKBOOK_NO_TABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "No catalog table was found in {path}: none of its visible sheets has a header row with "
        "the columns {columns} within its first {rows} rows.",
    ),
    ErrorCode.DATA_FILE_NO_HEADER: QT_TRANSLATE_NOOP(
        "Messages",
        "No row of {path} names the resource's data items ({columns}) within its first {rows} "
        "rows. The data file needs a header row with the data item names.",
    ),
    ErrorCode.FILE_UNWRITABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The file {path} cannot be written ({reason}). Close it if Excel or WPS has it open, or "
        "choose another folder.",
    ),
    ErrorCode.EXPORT_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages",
        "{resource}: the {field} has {length} characters; a workbook cell holds at most {max}. "
        "Nothing was exported: shorten it and export again.",
    ),
    ErrorCode.EXPORT_BAD_CHARACTERS: QT_TRANSLATE_NOOP(
        "Messages",
        "{resource}: the {field} contains {char}, which no workbook can hold. Nothing was "
        "exported: delete it and export again.",
    ),
    ErrorCode.IMPORT_UNDO_SYNCED: QT_TRANSLATE_NOOP(
        "Messages",
        "The import of {file} can no longer be undone: {names} may already have reached the "
        "platform since. Nothing was changed; correct those resources in the editor instead.",
    ),
    ErrorCode.IMPORT_UNDO_EDITED: QT_TRANSLATE_NOOP(
        "Messages",
        "The import of {file} was not undone: {names} was changed after the import, and undoing "
        "it would overwrite that change. Nothing was changed; take that change back first, or "
        "correct the resources in the editor.",
    ),
    ErrorCode.IMPORT_UNDO_GONE: QT_TRANSLATE_NOOP(
        "Messages",
        "This import can no longer be undone: it was undone already, or it is too old (only "
        "the latest imports are kept for undoing).",
    ),
    ErrorCode.PLATFORM_NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "Messages",
        "No platform address is set. Enter it in Settings → Platform address (or pass "
        "--platform), then sign in.",
    ),
    ErrorCode.PLATFORM_UNREACHABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The platform at {url} cannot be reached. You can keep working offline; changes are "
        "sent once the connection is back.",
    ),
    ErrorCode.PLATFORM_PORTAL: QT_TRANSLATE_NOOP(
        "Messages",
        "Something other than the platform answered for {url}: most likely the "
        "sign-in page of the network or of a proxy. Open a web browser and sign in to the "
        "network, then try again. Until then you work offline.",
    ),
    ErrorCode.PLATFORM_ERROR: QT_TRANSLATE_NOOP(
        "Messages",
        "The platform refused the request: {detail} (HTTP {status}, {problem}).",
    ),
    ErrorCode.PLATFORM_THROTTLED: QT_TRANSLATE_NOOP(
        "Messages",
        "The platform is busy and asks to wait. Try again after {until} (in {seconds} "
        "seconds); nothing was lost.",
    ),
    ErrorCode.TLS_UNTRUSTED: QT_TRANSLATE_NOOP(
        "Messages",
        "The security certificate of {host} is not trusted ({reason}), so no connection was "
        "made. If your organisation uses its own certificate authority, ask IT to install it "
        "in Windows, or name its PEM file in Settings → Extra CA certificates.",
    ),
    ErrorCode.PROXY_AUTH_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "The proxy {proxy} asks for a sign-in (HTTP 407). Sign in to the proxy or ask IT "
        "which proxy to use (Settings → Proxy), then try again.",
    ),
    ErrorCode.PROXY_CONFIG_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The proxy auto-configuration file {url} cannot be used ({reason}). Ask IT to check "
        "it, or set the proxy by hand in Settings.",
    ),
    ErrorCode.SIGN_IN_FAILED: QT_TRANSLATE_NOOP(
        "Messages", "The user name or password is not correct."
    ),
    ErrorCode.SIGN_IN_THROTTLED: QT_TRANSLATE_NOOP(
        "Messages",
        "Too many failed sign-ins. Wait until {until} (in {seconds} seconds), then try "
        "again with the right password.",
    ),
    ErrorCode.SIGN_IN_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "Your sign-in to the platform has ended. Sign in again (File → Sign in, or govshare "
        "login); changes waiting to be sent are kept.",
    ),
    ErrorCode.KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "No system credential store is available ({reason}), so the sign-in cannot be kept "
        "safely and was not attempted. GovShare Desktop never keeps it in a file. You can "
        "keep working offline; ask IT support to enable the Windows Credential Manager (or "
        "the desktop keyring).",
    ),
    ErrorCode.AUDIT_KEY_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The audit log can only be checked with its key, which is kept in the system "
        "credential store, and none is available here ({reason}). Run the check as the "
        "Windows user who uses GovShare Desktop on this PC, or ask IT support to enable the "
        "Windows Credential Manager (or the desktop keyring).",
    ),
    ErrorCode.AUDIT_KEY_MISSING: QT_TRANSLATE_NOOP(
        "Messages",
        "{count} audit event(s) are sealed with a key that this user's credential store does "
        "not hold (removed, or another Windows user's). They cannot be checked here; run the "
        "check as the user who uses GovShare Desktop on this PC.",
    ),
    ErrorCode.UNIT_MISMATCH: QT_TRANSLATE_NOOP(
        "Messages",
        "This data folder holds the catalog of {unit} ({unit_code}). {officer} belongs to "
        "{other_unit} ({other_code}), and one data folder keeps one unit's catalog. Sign in "
        "with an account of {unit}, or use another data folder for {other_unit}.",
    ),
    ErrorCode.SIGN_OUT_UNSENT: QT_TRANSLATE_NOOP(
        "Messages",
        "{count} change(s) have not been sent to the platform yet. They stay on this PC, but "
        "nothing can be sent until someone of the unit signs in again.",
    ),
    ErrorCode.SYNC_REFUSED: QT_TRANSLATE_NOOP(
        "Messages",
        "The platform answered the sync with something this version cannot use ({detail}). "
        "Nothing was lost: your changes wait on this PC. If it keeps happening, send the "
        "details to IT support; a newer version of GovShare Desktop may be needed.",
    ),
    ErrorCode.DERIVE_NOT_SUPERIOR: QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is in the catalog of {unit}, which is not your unit's superior. A catalog "
        "is compiled from the superior unit's catalog (Art. 11 §3); nothing was derived.",
    ),
    ErrorCode.REQUEST_NOT_INVOLVED: QT_TRANSLATE_NOOP(
        "Messages",
        "This request has not been brought to your unit yet, so you cannot “{action}” it.",
    ),
    ErrorCode.REQUEST_WRONG_PARTY: QT_TRANSLATE_NOOP(
        "Messages", "Only the {parties} of this request may “{action}”."
    ),
    ErrorCode.REQUEST_INVALID_TRANSITION: QT_TRANSLATE_NOOP(
        "Messages", "The request is at “{state}”: “{action}” is not possible now."
    ),
    ErrorCode.REQUEST_DEADLINE_PASSED: QT_TRANSLATE_NOOP(
        "Messages",
        "The time for “{action}” ran out at the end of {due} (China Standard Time). The "
        "sharing authority may escalate the request for decision instead.",
    ),
    ErrorCode.REQUEST_DEADLINE_NOT_REACHED: QT_TRANSLATE_NOOP(
        "Messages",
        "The provider may explain in writing until the end of {due} (China Standard Time). "
        "Escalate after that day, or once the explanation is in.",
    ),
    ErrorCode.REQUEST_TEXT_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "“{action}” needs a written text (the reasons or the result); it is empty."
    ),
    ErrorCode.REQUEST_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages",
        "The {field} of “{action}” has {length} characters; at most {max} are allowed.",
    ),
    ErrorCode.REQUEST_TEXT_BAD_CHARACTER: QT_TRANSLATE_NOOP(
        "Messages",
        "The {field} of “{action}” contains the control character {char}, which the platform "
        "does not accept. Delete it and try again.",
    ),
    ErrorCode.REQUEST_OUTCOME_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "“{action}” needs its result: share, or do not share."
    ),
    ErrorCode.REQUEST_DETERMINATION_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "“{action}” needs the secrecy bureau's determination: a state secret, or not.",
    ),
    ErrorCode.REQUEST_FIELD_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages", "“{action}” takes no {field}."
    ),
    ErrorCode.REQUEST_TERMS_ONLY_TO_SHARE: QT_TRANSLATE_NOOP(
        "Messages", "Terms of use go only with a decision to share; remove them or decide to share."
    ),
    ErrorCode.REQUEST_GRANT_ITEMS_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "A grant names from 1 to {max} data items, each of 1 to {length} characters.",
    ),
    ErrorCode.REQUEST_GRANT_PERIOD_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant's period (from {valid_from} to {valid_to}) is not valid: it must not end "
        "before it starts, and its dates lie between 2000 and 2999.",
    ),
    ErrorCode.REQUEST_NOT_EDITABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The share request {id} is no longer a draft ({state}): its content can no longer "
        "change. Withdraw it and draft a new one instead.",
    ),
    ErrorCode.REQUEST_STEP_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages",
        "“{action}” cannot be taken on the share request {id} now (state: {state}). Possible "
        "now: {allowed}.",
    ),
    ErrorCode.REQUEST_NOT_REFUSED: QT_TRANSLATE_NOOP(
        "Messages",
        "Change {seq} is not a share-request step refused by the platform; only those can be "
        "discarded.",
    ),
    ErrorCode.ATTACHMENT_NOT_PDF: QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is not a PDF file. Attach the negotiation record as a PDF (save or scan it "
        "as PDF first).",
    ),
    ErrorCode.ATTACHMENT_TOO_LARGE: QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” is {size_mb} MB; an attachment may have at most {max_mb} MB. Scan it at a "
        "lower resolution or split it into several files.",
    ),
    ErrorCode.ATTACHMENT_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The file {path} could not be read ({reason}). Check that it exists and that you may "
        "open it, then try again.",
    ),
    ErrorCode.ATTACHMENT_NOT_EDITABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The attachments of share request {id} can change only while it is a draft that has "
        "not been submitted.",
    ),
    ErrorCode.ATTACHMENT_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The attachment “{name}” is not on this PC yet and could not be fetched from the "
        "platform ({reason}). Try again when the platform is reachable.",
    ),
    ErrorCode.ATTACHMENT_DAMAGED: QT_TRANSLATE_NOOP(
        "Messages",
        "The attachment “{name}” arrived damaged (its checksum does not match). Try again; "
        "nothing was kept.",
    ),
    ErrorCode.ATTACHMENT_NOT_SAVED: QT_TRANSLATE_NOOP(
        "Messages",
        "The attachment could not be written to {path} ({reason}). Choose another folder.",
    ),
    ErrorCode.REQUEST_PERIOD_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The period of use ends on {until}, before it begins ({since}). Correct the dates; "
        "nothing was saved.",
    ),
    ErrorCode.OBJECTION_GRANT_UNKNOWN: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} is not one your unit holds here. Object only to data your unit "
        "was granted; sync first if the grant is new.",
    ),
    ErrorCode.OBJECTION_ITEM_NOT_GRANTED: QT_TRANSLATE_NOOP(
        "Messages",
        "The data item “{item}” is not granted by this grant (granted: {granted}).",
    ),
    ErrorCode.OBJECTION_ASPECT_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "“{aspect}” is not an aspect of an objection: accuracy, completeness or timeliness.",
    ),
    ErrorCode.OBJECTION_OUTCOME_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "“{outcome}” is not an answer to an objection: accepted, corrected or rejected.",
    ),
    ErrorCode.OBJECTION_TEXT_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages", "The text of the objection or of its answer is empty; write it and try again."
    ),
    ErrorCode.OBJECTION_TEXT_TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages", "The text has {length} characters; at most {max} are allowed."
    ),
    ErrorCode.OBJECTION_NOT_ANSWERABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The objection {id} cannot be answered here now: only the provider's officers "
        "answer it, once, while it waits for an answer.",
    ),
    ErrorCode.OBJECTION_ROLE_REQUIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "Raising an objection needs the platform role “{role}”, which your account does not "
        "have. Ask your unit's platform administrator.",
    ),
    ErrorCode.OBJECTION_NOT_REFUSED: QT_TRANSLATE_NOOP(
        "Messages",
        "Change {seq} is not an objection refused by the platform; only those can be discarded.",
    ),
    ErrorCode.NOTICE_NOT_REFUSED: QT_TRANSLATE_NOOP(
        "Messages",
        "Change {seq} is not a notice's reading refused by the platform; only those can be "
        "discarded.",
    ),
    ErrorCode.GRANT_UNKNOWN: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} is not one your unit holds here. Sync first if it is new.",
    ),
    ErrorCode.GRANT_REVOKED: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} was revoked on {at}: {reason} Its rows may no longer be viewed, "
        "and any copy kept on this PC was deleted.",
    ),
    ErrorCode.GRANT_NOT_VALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} is valid from {since} to {until}; its rows may not be viewed "
        "today, and any copy kept on this PC was deleted.",
    ),
    ErrorCode.GRANT_NOT_CACHED: QT_TRANSLATE_NOOP(
        "Messages",
        "The rows of this grant are not kept on this PC. Connect to the platform to view "
        "them, or download them for offline use where the grant allows it.",
    ),
    ErrorCode.GRANT_CACHE_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} does not allow keeping its rows on this PC; view them online.",
    ),
    ErrorCode.GRANT_CACHE_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The offline copy of this grant's rows cannot be read ({reason}); it was deleted. "
        "Download it again while online.",
    ),
    ErrorCode.GRANT_CACHE_FULL: QT_TRANSLATE_NOOP(
        "Messages",
        "The offline copy of this grant reached the size limit of {limit} MB with {rows} "
        "rows; the download stopped there. Ask your IT staff to raise the limit.",
    ),
    ErrorCode.GRANT_LEASE_EXPIRED: QT_TRANSLATE_NOOP(
        "Messages",
        "The platform last confirmed this grant on {at}, more than {days} days ago; its "
        "offline rows are hidden until a sync confirms the grant again.",
    ),
    ErrorCode.GRANT_EXPORT_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages",
        "The grant {grant} does not allow exporting its rows (Art. 15); nothing was written.",
    ),
    ErrorCode.GRANT_COLUMN_NOT_GRANTED: QT_TRANSLATE_NOOP(
        "Messages", "The column “{column}” is not one of the data items this grant allows."
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
        "Messages",
        "A resource that is not shared needs its legal basis: name the law, administrative "
        "regulation or policy in the share conditions (or in the legal basis field).",
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
    FindingCode.CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "Messages",
        "Contains the invisible control character {char}, which cannot be shown or printed. "
        "Delete it (line breaks and tabs are allowed only in multi-line fields).",
    ),
}


SHEET_TEMPLATES: dict[SheetCode, str] = {
    SheetCode.MISSING_COLUMN: QT_TRANSLATE_NOOP(
        "Messages", "The required column “{label}” is missing from this sheet."
    ),
    SheetCode.UNKNOWN_COLUMN: QT_TRANSLATE_NOOP(
        "Messages", "The column “{label}” is not part of the catalog template and was ignored."
    ),
    SheetCode.BAD_DATE: QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date. Write it like 2025-06-01 or 2025年6月1日."
    ),
    SheetCode.BAD_NUMBER: QT_TRANSLATE_NOOP("Messages", "“{value}” is not a whole number."),
    SheetCode.BAD_BOOL: QT_TRANSLATE_NOOP("Messages", "“{value}” is not 是/否 (or Y/N)."),
    SheetCode.NUMERIC_CODE_RECOVERED: QT_TRANSLATE_NOOP(
        "Messages",
        "Excel stored this code as the number {value}; it was read as “{code}”. Format the "
        "column as text to keep leading zeros.",
    ),
    SheetCode.NUMERIC_CODE_LOST: QT_TRANSLATE_NOOP(
        "Messages",
        "Excel stored this code as the number {value} and lost some of its digits. Format the "
        "column as text and type the code again.",
    ),
    SheetCode.ORPHAN_ITEM: QT_TRANSLATE_NOOP(
        "Messages", "No resource on the resources sheet has the code “{value}”."
    ),
    SheetCode.CODE_NOT_OURS: QT_TRANSLATE_NOOP(
        "Messages",
        "The code {value} belongs to an entry of another unit's catalog held read-only here; "
        "give this resource a code of its own.",
    ),
    SheetCode.CODE_TAKEN: QT_TRANSLATE_NOOP(
        "Messages",
        "The code {value} is already used by “{name}” in this catalog: importing this row "
        "(“{new_name}”) would overwrite that resource. Give the row a code of its own, or "
        "import with --update-existing to update “{name}” on purpose.",
    ),
    SheetCode.MISSING_ITEM_COLUMN: QT_TRANSLATE_NOOP(
        "Messages", "The data item “{label}” of the resource has no column in this file."
    ),
    SheetCode.BAD_VALUE_TYPE: QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a value of the data type {type}."
    ),
    SheetCode.VALUE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Messages", "Too long: {length} characters, the data item allows {max}."
    ),
    SheetCode.VALUE_REQUIRED: QT_TRANSLATE_NOOP("Messages", "This data item needs a value."),
    SheetCode.TOO_MANY_DIGITS: QT_TRANSLATE_NOOP(
        "Messages", "Too many digits: {digits}, the data item allows {max}."
    ),
}


def visible(text: str) -> str:
    """Text as a sentence or a screen may show it: control characters a cell held (a value
    not in a list, a code) as U+001B, never raw into a terminal, a label or a printout."""
    if not bad_characters(text, multiline=False):
        return text
    return "".join(char_name(c) if bad_characters(c, multiline=False) else c for c in text)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    shown = {k: visible(v) if isinstance(v, str) else v for k, v in params.items()}
    try:
        return template.format_map(shown)
    except (KeyError, IndexError, ValueError):
        # A translation that lost a placeholder still says something useful.
        return template


def _worded(params: Mapping[str, Any], translate: Translate) -> dict[str, Any]:
    """Parameters with workflow codes (a state, a step, parties) as translated labels."""

    def labelled(value: Any) -> bool:
        return isinstance(value, StrEnum) and source_word(value) is not None

    shown: dict[str, Any] = dict(params)
    for key, value in params.items():
        if labelled(value):
            shown[key] = word(value, translate)
        elif isinstance(value, tuple | frozenset) and value and all(map(labelled, value)):
            shown[key] = words(value, translate)
    return shown


def error_text(error: KnownError, translate: Translate) -> str:
    """The officer-facing sentence for a known error, in the language `translate` speaks."""
    return _fill(translate(CONTEXT, ERROR_TEMPLATES[error.code]), _worded(error.params, translate))


def finding_text(finding: Finding, translate: Translate) -> str:
    """The officer-facing sentence for a validation finding."""
    return _fill(translate(CONTEXT, FINDING_TEMPLATES[finding.code]), finding.params)


def cell_finding_text(finding: CellFinding, translate: Translate) -> str:
    """The sentence for a finding located in a workbook, whichever rule produced it."""
    if finding.code in FindingCode.__members__.values():
        template = FINDING_TEMPLATES[FindingCode(finding.code)]
    else:
        template = SHEET_TEMPLATES[SheetCode(finding.code)]
    return _fill(translate(CONTEXT, template), finding.params)


def untranslated(context: str, text: str) -> str:
    """The English source text; for logs and tests that must not depend on a language."""
    del context
    return text
