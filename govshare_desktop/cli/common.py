"""What every `govshare` command shares: exit codes, the words, JSON output."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from govshare_desktop.assets import i18n_dir
from govshare_desktop.cli.terminal import json_safe
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.domain.ts_catalog import TsCatalog

if TYPE_CHECKING:
    from govshare_desktop.domain.messages import Translate
    from govshare_desktop.domain.sheet_findings import CellFinding

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool whose reader went away

LABELS = {
    "version": QT_TRANSLATE_NOOP("Cli", "Version"),
    "home": QT_TRANSLATE_NOOP("Cli", "Data directory"),
    "db": QT_TRANSLATE_NOOP("Cli", "Database"),
    "schema": QT_TRANSLATE_NOOP("Cli", "Schema revision"),
    "head": QT_TRANSLATE_NOOP("Cli", "Newest schema known"),
    "profile": QT_TRANSLATE_NOOP("Cli", "Catalog profile"),
    "log": QT_TRANSLATE_NOOP("Cli", "Log file"),
    "ok": QT_TRANSLATE_NOOP("Cli", "The database is sound and at the newest schema."),
    "behind": QT_TRANSLATE_NOOP(
        "Cli", "The database schema is older than this version; run: govshare db upgrade"
    ),
    "problem": QT_TRANSLATE_NOOP("Cli", "Integrity problem"),
    "upgraded": QT_TRANSLATE_NOOP("Cli", "Upgraded the database from {old} to {new}."),
    "backup": QT_TRANSLATE_NOOP("Cli", "Backup"),
    "current": QT_TRANSLATE_NOOP("Cli", "The database is already at the newest schema."),
    "none": QT_TRANSLATE_NOOP("Cli", "(none)"),
    "unit": QT_TRANSLATE_NOOP("Cli", "Unit"),
    "code": QT_TRANSLATE_NOOP("Cli", "Code"),
    "name": QT_TRANSLATE_NOOP("Cli", "Name"),
    "share_type": QT_TRANSLATE_NOOP("Cli", "Share type"),
    "items": QT_TRANSLATE_NOOP("Cli", "Data items"),
    "sync": QT_TRANSLATE_NOOP("Cli", "Sync state"),
    "secret": QT_TRANSLATE_NOOP("Cli", "Secret (stays on this PC)"),
    "count": QT_TRANSLATE_NOOP("Cli", "{n} resource(s)."),
    "catalog_of": QT_TRANSLATE_NOOP(
        "Cli", "The catalog of {unit} ({code}), credit code {credit_code}."
    ),
    "no_unit": QT_TRANSLATE_NOOP(
        "Cli",
        "This data directory belongs to no unit yet: the first sign-in (govshare login) "
        "gives it the officer's unit.",
    ),
    "directory_count": QT_TRANSLATE_NOOP("Cli", "{n} entry(ies) of the shared directory."),
    "directory_empty": QT_TRANSLATE_NOOP(
        "Cli",
        "The shared directory is empty here: sign in (govshare login) and sync; the catalogs "
        "the other units have filed arrive with the next sync.",
    ),
    "superior_mark": QT_TRANSLATE_NOOP("Cli", "(superior unit)"),
    "request_direction": QT_TRANSLATE_NOOP("Cli", "Direction"),
    "request_out": QT_TRANSLATE_NOOP("Cli", "outgoing"),
    "request_in": QT_TRANSLATE_NOOP("Cli", "incoming"),
    "request_authority": QT_TRANSLATE_NOOP("Cli", "Authority"),
    "request_state": QT_TRANSLATE_NOOP("Cli", "State"),
    "request_id": QT_TRANSLATE_NOOP("Cli", "Request"),
    "request_requester": QT_TRANSLATE_NOOP("Cli", "Requester"),
    "request_provider": QT_TRANSLATE_NOOP("Cli", "Provider"),
    "request_purpose": QT_TRANSLATE_NOOP("Cli", "Purpose"),
    "request_legal_basis": QT_TRANSLATE_NOOP("Cli", "Legal basis"),
    "share_method": QT_TRANSLATE_NOOP("Cli", "Share method"),
    "request_period": QT_TRANSLATE_NOOP("Cli", "Period of use"),
    "request_contact": QT_TRANSLATE_NOOP("Cli", "Contact"),
    "request_explanation_due": QT_TRANSLATE_NOOP("Cli", "Explanation due"),
    "request_coordination_due": QT_TRANSLATE_NOOP("Cli", "Coordination due"),
    "request_actions": QT_TRANSLATE_NOOP("Cli", "Possible next"),
    "request_history": QT_TRANSLATE_NOOP("Cli", "History"),
    "request_attachments": QT_TRANSLATE_NOOP("Cli", "Attachments"),
    "request_attachment": QT_TRANSLATE_NOOP("Cli", "{name} ({size} bytes, SHA-256 {sha256})"),
    "request_count": QT_TRANSLATE_NOOP("Cli", "{n} share request(s)."),
    "request_not_found": QT_TRANSLATE_NOOP("Cli", "No share request has the id {id} here."),
    "request_queued_mark": QT_TRANSLATE_NOOP("Cli", "({n} step(s) waiting to be sent)"),
    "request_refused_mark": QT_TRANSLATE_NOOP("Cli", "(a step was refused by the platform)"),
    "request_step_queued": QT_TRANSLATE_NOOP("Cli", "Waiting to be sent: {action}"),
    "request_step_refused": QT_TRANSLATE_NOOP(
        "Cli", "{action} was refused by the platform: {reason}"
    ),
    "objection_direction": QT_TRANSLATE_NOOP("Cli", "Direction"),
    "objection_out": QT_TRANSLATE_NOOP("Cli", "raised"),
    "objection_in": QT_TRANSLATE_NOOP("Cli", "to answer"),
    "objection_aspect": QT_TRANSLATE_NOOP("Cli", "Aspect"),
    "objection_state": QT_TRANSLATE_NOOP("Cli", "State"),
    "objection_item": QT_TRANSLATE_NOOP("Cli", "Data item"),
    "objection_id": QT_TRANSLATE_NOOP("Cli", "Objection"),
    "objection_count": QT_TRANSLATE_NOOP("Cli", "{n} objection(s)."),
    "objection_queued_mark": QT_TRANSLATE_NOOP("Cli", "(waiting to be sent)"),
    "objection_refused_mark": QT_TRANSLATE_NOOP("Cli", "(refused by the platform)"),
    "aspect_accuracy": QT_TRANSLATE_NOOP("Cli", "accuracy"),
    "aspect_completeness": QT_TRANSLATE_NOOP("Cli", "completeness"),
    "aspect_timeliness": QT_TRANSLATE_NOOP("Cli", "timeliness"),
    "objection_draft": QT_TRANSLATE_NOOP("Cli", "not yet sent"),
    "objection_submitted": QT_TRANSLATE_NOOP("Cli", "awaiting the answer"),
    "objection_accepted": QT_TRANSLATE_NOOP("Cli", "accepted"),
    "objection_corrected": QT_TRANSLATE_NOOP("Cli", "corrected"),
    "objection_rejected": QT_TRANSLATE_NOOP("Cli", "rejected"),
    "not_found": QT_TRANSLATE_NOOP("Cli", "No resource has the code or id {key}."),
    "valid": QT_TRANSLATE_NOOP("Cli", "All {n} resource(s) are valid."),
    "findings": QT_TRANSLATE_NOOP("Cli", "{errors} error(s) and {warnings} warning(s)."),
    "error": QT_TRANSLATE_NOOP("Cli", "error"),
    "warning": QT_TRANSLATE_NOOP("Cli", "warning"),
    "item": QT_TRANSLATE_NOOP("Cli", "data item {n}"),
    "state_draft": QT_TRANSLATE_NOOP("Cli", "being compiled"),
    "state_submitted": QT_TRANSLATE_NOOP("Cli", "submitted for filing"),
    "state_filed": QT_TRANSLATE_NOOP("Cli", "filed"),
    "state_returned": QT_TRANSLATE_NOOP("Cli", "returned for revision"),
    "submitted": QT_TRANSLATE_NOOP("Cli", "Version {n} was frozen and submitted for filing."),
    "draft_differs": QT_TRANSLATE_NOOP(
        "Cli", "The working copy has changes that no version holds yet."
    ),
    "added": QT_TRANSLATE_NOOP("Cli", "added"),
    "removed": QT_TRANSLATE_NOOP("Cli", "removed"),
    "changed": QT_TRANSLATE_NOOP("Cli", "changed"),
    "items_added": QT_TRANSLATE_NOOP("Cli", "data items added"),
    "items_removed": QT_TRANSLATE_NOOP("Cli", "data items removed"),
    "items_changed": QT_TRANSLATE_NOOP("Cli", "data items changed"),
    "diff_summary": QT_TRANSLATE_NOOP(
        "Cli", "{added} added, {removed} removed, {changed} changed, {unchanged} unchanged."
    ),
    "overlap_item": QT_TRANSLATE_NOOP("Cli", "data item in several providers"),
    "overlap_name": QT_TRANSLATE_NOOP("Cli", "resource name in several providers"),
    "justified": QT_TRANSLATE_NOOP("Cli", "justified"),
    "unresolved": QT_TRANSLATE_NOOP("Cli", "to resolve"),
    "overlaps": QT_TRANSLATE_NOOP("Cli", "{n} overlap(s), {open} still to resolve or justify."),
    "exported_json": QT_TRANSLATE_NOOP("Cli", "Exported {n} resource(s) to {path}."),
    "loaded_superior": QT_TRANSLATE_NOOP(
        "Cli",
        "Superior catalog of {unit}: {added} new, {changed} changed, "
        "{unchanged} unchanged entries.",
    ),
    "derived": QT_TRANSLATE_NOOP("Cli", "Derived {code} {name}."),
    "exported": QT_TRANSLATE_NOOP("Cli", "Exported {n} resource(s) open to society to {path}."),
}


def translator(language: str) -> Translate:
    """The CLI speaks the GUI's language, from the same committed `.ts` files."""
    if language == "en":
        return lambda _context, text: text
    return TsCatalog.load(i18n_dir() / f"govshare_{language}.ts").translate


def label(speak: Translate, which: str, **params: object) -> str:
    return speak("Cli", LABELS[which]).format(**params)


def finding_entry(finding: CellFinding, message: str) -> dict[str, Any]:
    """A finding located in a workbook as `--json` prints it, with its sentence."""
    return {
        "sheet": finding.sheet,
        "row": finding.row,
        "column": finding.column,
        "cell": finding.cell,
        "code": finding.code,
        "message": message,
    }


def _json_value(value: object) -> object:
    """Dates and times as ISO 8601 (stored times are UTC), anything else as its text."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def print_json(data: dict[str, Any]) -> None:
    """One JSON object; the characters a terminal would act on are written as escapes."""
    print(json_safe(json.dumps(data, ensure_ascii=False, indent=2, default=_json_value)))
