"""`govshare import-catalog | undo-import | export-template | export-catalog`: Excel
templates, scriptable.

Exit codes as every command: 0 imported (or a dry run found no errors), 1 errors were found
and nothing was stored, 2 the file is unusable (damaged, encrypted, no catalog table).
A row that would change a resource the catalog already holds is an error (`code_taken`)
unless `--update-existing` says so; every such change is listed, field by field, before
the summary. `undo-import` takes the latest import back (exit 1 when it no longer can).

The writers (openpyxl) are imported only where a workbook is written (`--report`, the
exports): an import reads with calamine and would otherwise pay a fifth of a second for them.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    finding_entry,
    label,
    print_json,
)
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import Words, local_time
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import cell_finding_text, error_text
from govshare_desktop.domain.progress import Progress
from govshare_desktop.domain.sheet_findings import SheetCode
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.services.catalog.importing import ExistingChange, ImportReport

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

log = logging.getLogger(__name__)

TEXT = {
    "imported": QT_TRANSLATE_NOOP(
        "Cli",
        "Imported {resources} resource(s) with {items} data item(s): {new} new, {changed} "
        "changed, {unchanged} unchanged.",
    ),
    "dry_run": QT_TRANSLATE_NOOP(
        "Cli",
        "Dry run: {resources} resource(s) with {items} data item(s) would be imported: {new} "
        "new, {changed} changed, {unchanged} unchanged. Nothing was stored.",
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "Cli",
        "{errors} error(s) and {warnings} warning(s) in {resources} resource(s). Nothing was "
        "stored; fix the workbook and import it again.",
    ),
    "taken": QT_TRANSLATE_NOOP(
        "Cli",
        "{n} row(s) would change resources this catalog already holds (listed above). To "
        "update them on purpose, import again with --update-existing.",
    ),
    "changes": QT_TRANSLATE_NOOP(
        "Cli", "Resources this catalog already holds that the workbook changes: {n}"
    ),
    "renamed": QT_TRANSLATE_NOOP(
        "Cli",
        "ANOTHER NAME under this code: most likely a different resource whose code collides "
        "with yours",
    ),
    "revived": QT_TRANSLATE_NOOP("Cli", "deleted before; the import brings it back"),
    "undone": QT_TRANSLATE_NOOP(
        "Cli",
        "Undid the import of {file}: {deleted} resource(s) it created deleted, {restored} "
        "given back their previous content.",
    ),
    "again": QT_TRANSLATE_NOOP("Cli", "This workbook was already imported on {at}."),
    "report": QT_TRANSLATE_NOOP("Cli", "The workbook with the problems marked: {path}"),
    "template": QT_TRANSLATE_NOOP("Cli", "Wrote the catalog template to {path}."),
    "catalog": QT_TRANSLATE_NOOP("Cli", "Exported {n} resource(s) to {path}."),
}


def _say(speak: Translate, key: str, **params: object) -> str:
    return speak("Cli", TEXT[key]).format(**params)


def _print_findings(report: ImportReport, speak: Translate) -> None:
    for finding in report.findings:
        where = terminal_safe(f"{finding.sheet}!{finding.cell or finding.row}")
        level = label(speak, "error" if finding.severity is Severity.ERROR else "warning")
        message = terminal_safe(cell_finding_text(finding, speak))
        print(f"{where}\t{terminal_safe(finding.column)}\t{level}: {message}")


def _print_changes(report: ImportReport, words: Words, speak: Translate) -> None:
    """Every existing resource the workbook changes: name before → after, then each field."""
    if not report.changes:
        return
    print(_say(speak, "changes", n=len(report.changes)))
    for change in report.changes:
        head = [words.value(change.code), f"{words.value(change.name_before)} → "
                f"{words.value(change.name_after)}"]  # fmt: skip
        if change.renamed:
            head.append("⚠ " + _say(speak, "renamed"))
        if change.revived:
            head.append(_say(speak, "revived"))
        print("\t".join(head))
        for f in change.fields:
            if f.field != "name":  # said on the line above
                old, new = words.field(f.field, f.old), words.field(f.field, f.new)
                print(f"\t{words.label(f.field)}: {old} → {new}")
        for key, names in (
            ("items_added", change.diff.items_added),
            ("items_removed", change.diff.items_removed),
            ("items_changed", change.diff.items_changed),
        ):
            if names:
                print(f"\t{label(speak, key)}: {words.value(names)}")


def _change_entry(change: ExistingChange) -> dict[str, object]:
    """A change as `--json` prints it: machine values (codes, ISO dates), as stored."""
    return {
        "id": change.resource_id,
        "code": change.code,
        "sheet": change.sheet,
        "row": change.row,
        "name_before": change.name_before,
        "name_after": change.name_after,
        "renamed": change.renamed,
        "revived": change.revived,
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in change.fields],
        "items_added": list(change.diff.items_added),
        "items_removed": list(change.diff.items_removed),
        "items_changed": list(change.diff.items_changed),
    }


def _summary(report: ImportReport, speak: Translate) -> str:
    counts = {"resources": report.resources, "items": report.data_items, "new": report.new,
              "changed": report.changed, "unchanged": report.unchanged}  # fmt: skip
    if not report.ok:
        return _say(speak, "rejected", errors=len(report.errors),
                    warnings=len(report.warnings), resources=report.resources)  # fmt: skip
    return _say(speak, "imported" if report.stored else "dry_run", **counts)


def cmd_import(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    source = Path(args.file)
    progress = Progress(lambda done, total, phase: log.info("import %s %s/%s", phase, done, total))
    report = ctx.services.catalog_import.run(
        source, dry_run=args.dry_run, progress=progress, update_existing=args.update_existing,
        read_ahead=args.prepared,
    )  # fmt: skip
    if args.report:
        from govshare_desktop.excel.report_writer import write_report  # noqa: PLC0415 - openpyxl

        messages = [cell_finding_text(f, speak) for f in report.findings]
        write_report(source, report.findings, messages, Path(args.report))
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "resources": report.resources,
                "data_items": report.data_items,
                "errors": [finding_entry(f, cell_finding_text(f, speak)) for f in report.errors],
                "warnings": [
                    finding_entry(f, cell_finding_text(f, speak)) for f in report.warnings
                ],
                "layout": report.layout,
                "dry_run": report.dry_run,
                "stored": report.stored,
                "new": report.new,
                "changed": report.changed,
                "unchanged": report.unchanged,
                "sha256": report.sha256,
                "imported_before": report.imported_before,
                "changes": [_change_entry(c) for c in report.changes],
                "import_id": report.import_id,
            }
        )
    else:
        _print_findings(report, speak)
        _print_changes(report, Words.of(ctx, speak), speak)
        if report.imported_before:
            print(_say(speak, "again", at=local_time(report.imported_before)))
        print(_summary(report, speak))
        if taken := sum(1 for f in report.errors if f.code == SheetCode.CODE_TAKEN):
            print(_say(speak, "taken", n=taken))
        if args.report:
            print(_say(speak, "report", path=terminal_safe(args.report)))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_undo_import(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    """Take the latest stored import back (its record survives restarts)."""
    service = ctx.services.catalog_import
    latest = service.latest_import()
    try:
        if latest is None:
            raise KnownError(ErrorCode.IMPORT_UNDO_GONE)
        done = service.undo(latest)
    except KnownError as refused:
        if refused.code not in {ErrorCode.IMPORT_UNDO_GONE, ErrorCode.IMPORT_UNDO_SYNCED,
                                ErrorCode.IMPORT_UNDO_EDITED}:  # fmt: skip
            raise
        message = error_text(refused, speak)
        if args.json:
            print_json({"ok": False, "error": refused.code.value, "message": message})
        else:
            print(terminal_safe(message))
        return EXIT_PROBLEMS
    if args.json:
        print_json({"ok": True, "import_id": done.import_id, "file": done.file,
                    "deleted": done.deleted, "restored": done.restored})  # fmt: skip
    else:
        print(_say(speak, "undone", file=terminal_safe(done.file), deleted=done.deleted,
                   restored=done.restored))  # fmt: skip
    return EXIT_OK


def cmd_export_template(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    from govshare_desktop.excel.template_writer import write_template  # noqa: PLC0415 - openpyxl

    write_template(Path(args.output), ctx.profile)
    if args.json:
        print_json({"ok": True, "path": args.output})
    else:
        print(_say(speak, "template", path=terminal_safe(args.output)))
    return EXIT_OK


def cmd_export_catalog(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    from govshare_desktop.excel.template_writer import write_template  # noqa: PLC0415 - openpyxl

    resources = ctx.services.catalog.list_resources(args.unit)
    write_template(Path(args.output), ctx.profile, resources)
    if args.json:
        print_json({"ok": True, "path": args.output, "resources": len(resources)})
    else:
        print(_say(speak, "catalog", n=len(resources), path=terminal_safe(args.output)))
    return EXIT_OK
